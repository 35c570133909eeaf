/* bench_where.c - throughput of date and place resolution and address
 * parsing on the dev sets (dates.tsv, places.tsv, addresses.tsv under
 * test/data), repeated.  Prints sentences per second and nanoseconds per
 * sentence; no verdicts.
 *   bench_where [GAZETTEER [REPEAT [SOURCE_DIR]]]
 * (defaults: data/gazetteer.bin, 200, .. - i.e. run from the build dir) */
#include "address.h"
#include "when.h"
#include "where.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../test/minitok.h"


static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct sentence { char *text; size_t len; minitok *mt; } sentence;

static size_t load(const char *path, sentence **out)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[4096];
    size_t n = 0, cap = 0;
    sentence *s = NULL;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char *tab = strchr(line, '\t');
        if (tab) *tab = 0;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            s = realloc(s, cap * sizeof *s);
            if (!s) exit(1);
        }
        s[n].len = strlen(line);
        s[n].text = malloc(s[n].len + 1);
        memcpy(s[n].text, line, s[n].len + 1);
        s[n].mt = calloc(1, sizeof(minitok));
        if (!s[n].text || !s[n].mt) exit(1);
        minitok_run(s[n].mt, s[n].text, s[n].len);
        n++;
    }
    fclose(f);
    *out = s;
    return n;
}

int main(int argc, char **argv)
{
    const char *gpath = argc > 1 ? argv[1] : "data/gazetteer.bin";
    int repeat = argc > 2 ? atoi(argv[2]) : 200;
    clio_error err;
    double t0 = now();
    gazetteer *g = gazetteer_load(gpath, &err);
    double tl = now() - t0;
    if (!g) {
        fprintf(stderr, "bench_where: %s: %s\n", gpath, err.message);
        return 1;
    }
    printf("gazetteer load: %.2f ms (%u places)\n", tl * 1e3, gazetteer_place_count(g));
    const char *src = argc > 3 ? argv[3] : "..";
    char path[4096];
    sentence *ds = NULL, *ps = NULL, *as = NULL;
    snprintf(path, sizeof path, "%s/test/data/dates.tsv", src);
    size_t nd = load(path, &ds);
    snprintf(path, sizeof path, "%s/test/data/places.tsv", src);
    size_t np = load(path, &ps);
    snprintf(path, sizeof path, "%s/test/data/addresses.tsv", src);
    size_t na = load(path, &as);
    if (!nd || !np || !na) {
        fprintf(stderr, "bench_where: dev sets not found under %s/test/data\n", src);
        return 1;
    }
    ymd anchor = {2025, 5, 16};
    size_t found = 0, toks = 0;
    timex tx[32];
    t0 = now();
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < nd; i++) {
            found += when_find(ds[i].mt->toks, ds[i].mt->n, ds[i].text, anchor, tx, 32);
            toks += ds[i].mt->n;
        }
    double td = now() - t0;
    printf("when_find:    %8.0f sentences/s  %7.0f ns/sentence  %6.1f Mtokens/s  (%zu found)\n",
           (double)nd * repeat / td, td * 1e9 / ((double)nd * repeat), (double)toks / td / 1e6, found);
    place pl[32];
    where_context ctx;
    memset(&ctx, 0, sizeof ctx);
    found = toks = 0;
    t0 = now();
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < np; i++) {
            found += where_find(g, ps[i].mt->toks, ps[i].mt->n, ps[i].text, &ctx, pl, 32);
            toks += ps[i].mt->n;
        }
    double tp = now() - t0;
    printf("where_find:   %8.0f sentences/s  %7.0f ns/sentence  %6.1f Mtokens/s  (%zu found)\n",
           (double)np * repeat / tp, tp * 1e9 / ((double)np * repeat), (double)toks / tp / 1e6, found);
    address ad[8];
    found = 0;
    size_t bytes = 0;
    t0 = now();
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < na; i++) {
            found += address_find(g, as[i].text, as[i].len, ad, 8);
            bytes += as[i].len;
        }
    double ta = now() - t0;
    printf("address_find: %8.0f addresses/s  %7.0f ns/address   %6.1f MB/s       (%zu found)\n",
           (double)na * repeat / ta, ta * 1e9 / ((double)na * repeat), (double)bytes / ta / 1e6, found);
    gazetteer_free(g);
    return 0;
}

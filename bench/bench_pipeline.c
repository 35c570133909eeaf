/*
 * bench_pipeline.c - throughput of clio's stages on a JSON Lines corpus.
 *
 * usage: bench_pipeline CORPUS.jsonl [--stage segment|syntax|all] [--repeat N]
 * Loads the engine (timed: start-up), reads every document into memory,
 * then processes the corpus N times with one worker on one thread and
 * prints documents, sentences, tokens, events, seconds, MB/s, sentences/s
 * and peak RSS.  Only measures; never judges.
 */
#include "clio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct doc {
    char *id, *date, *text;
    size_t len;
} doc;

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_pipeline CORPUS.jsonl [--stage segment|syntax|all] [--repeat N]\n");
        return 2;
    }
    const char *stage = "all";
    int repeat = 1;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--stage") && i + 1 < argc) stage = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
    }
    unsigned stages = !strcmp(stage, "segment") ? CLIO_STAGE_SEGMENT
                    : !strcmp(stage, "syntax") ? (CLIO_STAGE_SEGMENT | CLIO_STAGE_SYNTAX) : 0;
    double t0 = now();
    clio_engine_options eo;
    clio_engine_default_options(&eo);
    eo.stages = stages;
    clio_error err;
    clio_engine *e = clio_engine_new(&eo, &err);
    if (!e) {
        fprintf(stderr, "bench: engine: %s\n", err.message);
        return 4;
    }
    double t_load = now() - t0;
    /* each data image on its own */
    double t_img[3] = {0, 0, 0};
    const unsigned only[3] = {CLIO_STAGE_SYNTAX, CLIO_STAGE_LEXICON, CLIO_STAGE_WHERE};
    for (int k = 0; k < 3 && !stages; k++) {
        clio_engine_options o1;
        clio_engine_default_options(&o1);
        o1.stages = only[k];
        double t = now();
        clio_engine *e1 = clio_engine_new(&o1, NULL);
        t_img[k] = now() - t;
        clio_engine_free(e1);
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "bench: cannot open %s\n", argv[1]);
        return 3;
    }
    size_t cap = 1024, n = 0, bytes = 0;
    doc *docs = malloc(cap * sizeof *docs);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) > 0) {
        clio_json *j = clio_json_parse(line, (size_t)got, NULL);
        if (!j)
            continue;
        size_t tl;
        const char *t = clio_json_string(clio_json_get(j, "text"), &tl);
        const char *d = clio_json_string(clio_json_get(j, "date"), NULL);
        const char *id = clio_json_string(clio_json_get(j, "id"), NULL);
        if (t) {
            if (n == cap)
                docs = realloc(docs, (cap *= 2) * sizeof *docs);
            docs[n].text = strndup(t, tl);
            docs[n].len = tl;
            docs[n].date = d ? strdup(d) : NULL;
            docs[n].id = strdup(id ? id : "doc");
            bytes += tl;
            n++;
        }
        clio_json_free(j);
    }
    free(line);
    fclose(f);
    clio_worker *w = clio_worker_new(e);
    clio_process_options po;
    clio_process_default_options(&po);
    po.stages = stages;
    size_t sentences = 0, tokens = 0, events = 0;
    double t1 = now();
    for (int r = 0; r < repeat; r++) {
        for (size_t i = 0; i < n; i++) {
            clio_input in;
            memset(&in, 0, sizeof in);
            in.id = docs[i].id;
            in.id_len = strlen(docs[i].id);
            in.text = docs[i].text;
            in.text_len = docs[i].len;
            in.date = docs[i].date;
            clio_doc *d = clio_process(w, &in, &po, NULL);
            if (!d)
                continue;
            clio_doc_summary s;
            clio_doc_get_summary(d, &s);
            sentences += s.sentences;
            tokens += s.tokens;
            events += s.events;
            clio_doc_free(d);
        }
    }
    double secs = now() - t1;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("stage=%s syntax_load_ms=%.1f lexicon_load_ms=%.1f gazetteer_load_ms=%.1f docs=%zu repeat=%d sentences=%zu tokens=%zu events=%zu load_ms=%.1f seconds=%.3f "
           "MB_per_s=%.2f sentences_per_s=%.0f tokens_per_s=%.0f peak_rss_MB=%.1f\n",
           stage, t_img[0] * 1000, t_img[1] * 1000, t_img[2] * 1000, n, repeat, sentences, tokens, events, t_load * 1000, secs,
           secs > 0 ? (double)bytes * repeat / 1e6 / secs : 0, secs > 0 ? (double)sentences / secs : 0,
           secs > 0 ? (double)tokens / secs : 0, (double)ru.ru_maxrss / 1024.0);
    for (size_t i = 0; i < n; i++) {
        free(docs[i].text);
        free(docs[i].date);
        free(docs[i].id);
    }
    free(docs);
    clio_worker_free(w);
    clio_engine_free(e);
    return 0;
}

/*
 * dictc.c - the dictionary compiler's command line (build time).
 *
 *   dictc -o OUT.img [-q] DIR|FILE...
 *
 * Reads every *.txt under the given directories (recursively, sorted) with
 * lexicon_compile() - the same code `clio dict check` and `--dict` use - and
 * writes one image (src/lexicon_image.h), replacing OUT atomically.  On a
 * malformed line it prints every "FILE:LINE: what is wrong" to stderr and
 * exits 1 without touching OUT.  Prints one summary line of counts.
 */
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
    fprintf(stderr, "usage: dictc -o OUT.img [-q] DIR|FILE...\n");
    return 2;
}

int main(int argc, char **argv)
{
    const char *out = NULL;
    int quiet = 0;
    const char **paths = calloc((size_t)argc, sizeof *paths);
    size_t np = 0;
    if (!paths) return 70;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(argv[i], "-q")) quiet = 1;
        else if (argv[i][0] == '-') { free(paths); return usage(); }
        else paths[np++] = argv[i];
    }
    if (!out || !np) { free(paths); return usage(); }
    clio_buf img = { 0 }, diag = { 0 };
    lexicon_stats st;
    int rc = lexicon_compile(paths, np, NULL, &img, &diag, &st);
    if (diag.len) fwrite(diag.data, 1, diag.len, stderr);
    if (rc) {
        fprintf(stderr, "dictc: %u error%s, no image written\n", st.errors, st.errors == 1 ? "" : "s");
        free(img.data); free(diag.data); free(paths);
        return 1;
    }
    size_t tl = strlen(out) + 8;
    char *tmp = malloc(tl);
    if (!tmp) return 70;
    snprintf(tmp, tl, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    int bad = !f || fwrite(img.data, 1, img.len, f) != img.len;
    if (f && fclose(f)) bad = 1;
    if (bad || rename(tmp, out)) {
        fprintf(stderr, "dictc: cannot write %s\n", out);
        remove(tmp);
        free(tmp); free(img.data); free(diag.data); free(paths);
        return 3;
    }
    if (!quiet)
        printf("dictc: %u files, %u lines: %u COUNTRY, %u ADJ, %u ACTOR, %u PERSON, %u OFFICE, %u ROLE "
               "(%u names); %u CODE; %u EVENT covering %u codes; %u EX -> %s (%zu bytes)\n",
               st.files, st.lines, st.countries, st.adjs, st.actors, st.persons, st.offices, st.roles,
               st.names, st.codes, st.patterns, st.codes_with_pattern, st.examples, out, img.len);
    free(tmp); free(img.data); free(diag.data); free(paths);
    return 0;
}

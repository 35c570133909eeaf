/*
 * bench_syntax.c - speed of the syntax stage on gold-tokenised sentences.
 *
 *   bench_syntax [MODEL] [FILE.conllu...]
 *
 * Defaults: the model in build/data or data/models, the EWT and GUM test
 * files in ../shared/corpora (relative to the working directory, the
 * repository when run by bench/run).  Prints sentences/s and tokens/s for
 * tagging alone and for tag + lemma + parse, and the rate for 25-token
 * sentences (tokens/s / 25).  Skips cleanly when the model or the corpora
 * are absent.  Prints figures, not verdicts.
 */
#include "syntax_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct corpus {
    tok *toks;
    size_t ntok, cap;
    uint32_t *sent_start;
    size_t nsent, scap;
    char *text;
} corpus;

static int load_conllu(const char *path, corpus *c)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)sz + 1);
    if (!text || fread(text, 1, (size_t)sz, f) != (size_t)sz) { fclose(f); free(text); return -1; }
    fclose(f);
    text[sz] = 0;
    int in_sent = 0;
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        if (*p == 0) in_sent = 0;
        else if (*p != '#') {
            char *tab1 = strchr(p, '\t');
            char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
            if (tab2 && !memchr(p, '-', (size_t)(tab1 - p)) && !memchr(p, '.', (size_t)(tab1 - p))) {
                if (!in_sent) {
                    if (c->nsent == c->scap) {
                        c->scap = c->scap ? 2 * c->scap : 1024;
                        c->sent_start = realloc(c->sent_start, (c->scap + 1) * sizeof *c->sent_start);
                        if (!c->sent_start) return -1;
                    }
                    c->sent_start[c->nsent++] = (uint32_t)c->ntok;
                    in_sent = 1;
                }
                if (c->ntok == c->cap) {
                    c->cap = c->cap ? 2 * c->cap : 8192;
                    c->toks = realloc(c->toks, c->cap * sizeof *c->toks);
                    if (!c->toks) return -1;
                }
                tok *t = &c->toks[c->ntok++];
                memset(t, 0, sizeof *t);
                t->form = tab1 + 1;
                t->form_len = (uint32_t)(tab2 - tab1 - 1);
                t->fold = t->form;
                t->fold_len = t->form_len;
            }
        }
        if (!nl) break;
        p = nl + 1;
    }
    c->sent_start[c->nsent] = (uint32_t)c->ntok;
    return 0;
}

int main(int argc, char **argv)
{
    const char *model = NULL;
    const char *files[16];
    int nfiles = 0;
    for (int i = 1; i < argc && nfiles < 16; i++) {
        size_t l = strlen(argv[i]);
        if (l > 4 && !strcmp(argv[i] + l - 4, ".bin")) model = argv[i];
        else files[nfiles++] = argv[i];
    }
    if (!model) {
        static const char *const cand[] = { "build/data/syntax.bin", "data/syntax.bin", "data/models/syntax.bin", "../data/models/syntax.bin" };
        for (size_t i = 0; i < 4 && !model; i++) {
            FILE *f = fopen(cand[i], "rb");
            if (f) { fclose(f); model = cand[i]; }
        }
    }
    if (!nfiles) {
        files[nfiles++] = "../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu";
        files[nfiles++] = "../shared/corpora/ud-english-gum-ccby/en_gum-ccby-test.conllu";
    }
    if (!model) { printf("bench_syntax: SKIP (no syntax.bin; run make models)\n"); return 0; }
    corpus c = { 0 };
    for (int i = 0; i < nfiles; i++)
        if (load_conllu(files[i], &c) != 0) { printf("bench_syntax: SKIP (cannot read %s)\n", files[i]); return 0; }
    if (!c.nsent) { printf("bench_syntax: SKIP (no sentences)\n"); return 0; }
    clio_error err;
    double t0 = now();
    syntax_model *m = syntax_load(model, &err);
    double tload = now() - t0;
    if (!m) { printf("bench_syntax: cannot load %s: %s\n", model, err.message); return 1; }
    syntax_ws *ws = syntax_ws_new(m);
    printf("model %s: loaded in %.2f ms\n", model, tload * 1e3);
    printf("corpus: %zu sentences, %zu tokens (%.1f tokens/sentence)\n", c.nsent, c.ntok, (double)c.ntok / (double)c.nsent);
    int reps = 3;
    for (int mode = 0; mode < 2; mode++) {
        double best = 1e30;
        for (int r = 0; r < reps; r++) {
            t0 = now();
            for (size_t s = 0; s < c.nsent; s++) {
                tok *t = c.toks + c.sent_start[s];
                uint32_t n = c.sent_start[s + 1] - c.sent_start[s];
                if (mode == 0) syntax_tag(m, ws, t, n);
                else syntax_annotate(m, ws, t, n, NULL);
            }
            double dt = now() - t0;
            if (dt < best) best = dt;
        }
        printf("%-22s %9.0f sentences/s %10.0f tokens/s  (%.0f sentences/s at 25 tokens)\n",
               mode == 0 ? "tag:" : "tag+lemma+parse:", (double)c.nsent / best, (double)c.ntok / best,
               (double)c.ntok / best / 25.0);
    }
    syntax_ws_free(ws);
    syntax_free(m);
    free(c.toks);
    free(c.sent_start);
    return 0;
}

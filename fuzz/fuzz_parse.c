/*
 * fuzz_parse.c - libFuzzer target for the syntax stage: arbitrary bytes are
 * cut into tokens (at spaces and newlines; a 0x01 byte ends a sentence),
 * annotated, and every tree is checked to be well formed.  The model is
 * the trained one (CLIO_SOURCE_DIR/data/models/syntax.bin), loaded once.
 */
#include "syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const syntax_model *model(void)
{
    static syntax_model *m;
    static int tried;
    if (!tried) {
        tried = 1;
        clio_error err;
        m = syntax_load(CLIO_SOURCE_DIR "/data/models/syntax.bin", &err);
        if (!m)
            fprintf(stderr, "fuzz_parse: no model (%s); fuzzing the empty path only\n", err.message);
    }
    return m;
}

static void check_tree(const tok *t, uint32_t n)
{
    int roots = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (t[i].head == -1) roots++;
        else if (t[i].head < 0 || (uint32_t)t[i].head >= n) abort();
        int32_t x = (int32_t)i;
        uint32_t steps = 0;
        while (x >= 0 && steps++ <= n) x = t[x].head;
        if (x >= 0) abort();
        if (t[i].lemma_len && !t[i].lemma) abort();
    }
    if (n && roots != 1) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const syntax_model *m = model();
    if (!m)
        return 0;
    static syntax_ws *ws;
    if (!ws) ws = syntax_ws_new(m);
    if (!ws) return 0;
    enum { MAXT = 600 };
    static tok toks[MAXT];
    arena a = { 0 };
    uint32_t n = 0;
    size_t i = 0;
    while (i <= size) {
        if (i == size || data[i] == 1 || n == MAXT) {
            if (n) {
                if (syntax_annotate(m, ws, toks, n, (size & 1) ? &a : NULL) == 0)
                    check_tree(toks, n);
            }
            n = 0;
            if (i == size) break;
            if (data[i] == 1) { i++; continue; }
        }
        if (data[i] == ' ' || data[i] == '\n') { i++; continue; }
        size_t j = i;
        while (j < size && data[j] != ' ' && data[j] != '\n' && data[j] != 1) j++;
        memset(&toks[n], 0, sizeof toks[n]);
        toks[n].form = (const char *)data + i;
        toks[n].form_len = (uint32_t)(j - i);
        toks[n].fold = toks[n].form;
        toks[n].fold_len = toks[n].form_len;
        n++;
        i = j;
    }
    arena_release(&a);
    return 0;
}

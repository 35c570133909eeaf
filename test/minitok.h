/* minitok.h - tokens for the where/when tests without the full pipeline:
 * segment_words() (the segmenter's own word rules) plus text_fold() and the
 * token flags, one sentence per call.  No tags (upos = 0): the date and place
 * finders must then degrade to their word cues.  Test-only helper. */
#ifndef CLIO_MINITOK_H
#define CLIO_MINITOK_H
#include "internal.h"
#include <string.h>

typedef struct minitok {
    tok toks[CLIO_MAX_SENT_TOKENS];
    uint32_t n;
    buf fold;
} minitok;

static inline int minitok_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int minitok_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Tokenises text[0..len) as one sentence; returns the token count. */
static inline uint32_t minitok_run(minitok *m, const char *text, size_t len)
{
    uint32_t st[CLIO_MAX_SENT_TOKENS], en[CLIO_MAX_SENT_TOKENS];
    size_t n = segment_words(text, len, st, en, CLIO_MAX_SENT_TOKENS);
    if (n > CLIO_MAX_SENT_TOKENS)
        n = CLIO_MAX_SENT_TOKENS;
    m->fold.len = 0;
    size_t off[CLIO_MAX_SENT_TOKENS + 1];
    for (size_t i = 0; i < n; i++) {
        off[i] = m->fold.len;
        text_fold(text + st[i], en[i] - st[i], &m->fold);
    }
    off[n] = m->fold.len;
    for (size_t i = 0; i < n; i++) {
        tok *t = &m->toks[i];
        memset(t, 0, sizeof *t);
        t->start = st[i];
        t->end = en[i];
        t->form = text + st[i];
        t->form_len = en[i] - st[i];
        t->fold = m->fold.data + off[i];
        t->fold_len = (uint32_t)(off[i + 1] - off[i]);
        t->head = -1;
        const unsigned char *f = (const unsigned char *)t->form;
        int letters = 0, upper = 0, lower = 0, digit = 0, alnum = 0;
        for (uint32_t k = 0; k < t->form_len; k++) {
            if (minitok_upper(f[k])) { letters++; upper++; alnum++; }
            else if (minitok_lower(f[k])) { letters++; lower++; alnum++; }
            else if (f[k] >= '0' && f[k] <= '9') { digit++; alnum++; }
            else if (f[k] >= 0x80) { alnum++; letters++; }
        }
        /* non-ASCII first letter: upper case when folding changed its bytes */
        if (minitok_upper(f[0]) || (f[0] >= 0x80 && t->fold_len > 0 &&
                                    (t->fold_len != t->form_len || memcmp(t->fold, t->form, 2) != 0)))
            t->flags |= TOK_CAPITAL;
        if (upper >= 1 && lower == 0 && (upper >= 2 || t->form_len == 1 || letters >= 2))
            t->flags |= TOK_ALLCAPS;
        if (digit) t->flags |= TOK_DIGIT;
        if (!alnum) t->flags |= TOK_PUNCT;
        if (en[i] < len && (text[en[i]] == ' ' || text[en[i]] == '\n' || text[en[i]] == '\t'))
            t->flags |= TOK_SPACE_AFTER;
        if (i == 0) t->flags |= TOK_SENT_START | TOK_LINE_START;
    }
    m->n = (uint32_t)n;
    return m->n;
}
#endif

/*
 * tag.c - part-of-speech tagging: hashed views of the words and the
 * features of a token in context.
 *
 * Algorithm: greedy left-to-right averaged perceptron (Collins 2002) over
 * joint (XPOS, UPOS) classes (109 in EWT+GUM).  A token's features are its
 * normalised form (lower case, digits -> 0), prefixes, suffixes, shape,
 * the two previous predicted tags, the words around it, and the "usual
 * tag" of itself and of the next two words, looked up in a word
 * dictionary learned from the treebanks (words seen twice or more).  The
 * same dictionary marks words seen >= 10 times with one tag in >= 98% of
 * them: those are tagged without scoring.  Each feature is a 64-bit hash
 * (syn_feat).  A second pass (syn_tag2_features, its own weights) re-tags
 * the words whose first-pass margin was small, adding the first pass's
 * tags of the next two words to the features: a cheap bidirectional
 * tagger, since the gate sends only a few words through it.  The tag
 * classes go on to the parser (parse.c) as features and to lemma.c.
 */
#include "syntax_internal.h"
#include <stdlib.h>
#include <string.h>

#define NULL_WORD 0x51ed270b27f3a9c1ULL

uint64_t syn_hash_bytes(const char *s, size_t n, uint64_t seed)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ syn_fmix(seed * 0x9E3779B97F4A7C15ULL + 1);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return syn_fmix(h ^ n);
}

int syn_words_reserve(syn_words *sw, uint32_t n)
{
    n += 1; /* the root slot used by the parser */
    if (n <= sw->cap)
        return 0;
    uint32_t cap = sw->cap ? sw->cap : 64;
    while (cap < n)
        cap *= 2;
    uint64_t *w = realloc(sw->w, cap * sizeof *w);
    if (w) sw->w = w;
    uint64_t *suf = realloc(sw->suf, 4u * cap * sizeof *suf);
    if (suf) sw->suf = suf;
    uint64_t *pre = realloc(sw->pre, 3u * cap * sizeof *pre);
    if (pre) sw->pre = pre;
    uint64_t *shape = realloc(sw->shape, cap * sizeof *shape);
    if (shape) sw->shape = shape;
    uint8_t *tag = realloc(sw->tag, cap);
    if (tag) sw->tag = tag;
    uint8_t *xp = realloc(sw->xpos, cap);
    if (xp) sw->xpos = xp;
    uint8_t *amb = realloc(sw->amb, cap);
    if (amb) sw->amb = amb;
    uint8_t *t1 = realloc(sw->tag1, cap);
    if (t1) sw->tag1 = t1;
    uint8_t *us = realloc(sw->unsure, cap);
    if (us) sw->unsure = us;
    if (!w || !suf || !pre || !shape || !tag || !xp || !amb || !t1 || !us)
        return -1;
    sw->cap = cap;
    return 0;
}

void syn_words_free(syn_words *sw)
{
    free(sw->w); free(sw->suf); free(sw->pre); free(sw->shape);
    free(sw->tag); free(sw->xpos); free(sw->amb); free(sw->tag1); free(sw->unsure);
    memset(sw, 0, sizeof *sw);
}

static inline char norm_char(char ch)
{
    unsigned char c = (unsigned char)ch;
    if (c >= 'A' && c <= 'Z')
        return (char)(c + 32);
    if (c >= '1' && c <= '9')
        return '0';
    return ch;
}

void syn_words_set(syn_words *sw, uint32_t i, const char *form, size_t len)
{
    char low[16];
    size_t k;
    /* whole form */
    uint64_t h = 0xcbf29ce484222325ULL;
    for (k = 0; k < len; k++) {
        h ^= (unsigned char)norm_char(form[k]);
        h *= 0x100000001b3ULL;
    }
    sw->w[i] = syn_fmix(h ^ len);
    /* suffixes 1..4 and prefixes 1..3 of the normalised form */
    size_t sl = len < 4 ? len : 4;
    for (k = 0; k < sl; k++)
        low[k] = norm_char(form[len - sl + k]);
    for (k = 0; k < 4; k++)
        sw->suf[4 * i + k] = k < sl ? syn_hash_bytes(low + sl - (k + 1), k + 1, 0x5u) : NULL_WORD + k;
    size_t pl = len < 3 ? len : 3;
    for (k = 0; k < pl; k++)
        low[k] = norm_char(form[k]);
    for (k = 0; k < 3; k++)
        sw->pre[3 * i + k] = k < pl ? syn_hash_bytes(low, k + 1, 0x7u) : NULL_WORD + 9 + k;
    /* shape: X x d or the byte itself, runs collapsed, at most 6 symbols,
     * plus the length bucket */
    char shape[8];
    size_t sn = 0;
    for (k = 0; k < len && sn < 6; k++) {
        unsigned char c = (unsigned char)form[k];
        char s = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x'
               : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'u' : (char)c;
        if (sn == 0 || shape[sn - 1] != s)
            shape[sn++] = s;
    }
    shape[sn++] = (char)('0' + (len > 9 ? 9 : len / 2));
    sw->shape[i] = syn_hash_bytes(shape, sn, 0x11u);
}

int syn_tagdict_lookup(const syntax_model *m, uint64_t wh)
{
    if (!m->dict_mask && !m->dict_keys)
        return -1;
    uint32_t key = syn_key(wh), i = (uint32_t)wh & m->dict_mask;
    for (;;) {
        uint32_t k = m->dict_keys[i];
        if (k == key)
            return m->dict_val[i];
        if (k == 0)
            return -1;
        i = (i + 1) & m->dict_mask;
    }
}

uint32_t syn_tag_features(const syn_words *sw, uint32_t i, uint64_t *out)
{
    uint32_t n = sw->n, k = 0;
    uint64_t w0 = sw->w[i];
    uint64_t p1 = i >= 1 ? sw->tag[i - 1] : SYN_NULL_TAG;
    uint64_t p2 = i >= 2 ? sw->tag[i - 2] : SYN_NULL_TAG;
    uint64_t wm1 = i >= 1 ? sw->w[i - 1] : NULL_WORD;
    uint64_t wm2 = i >= 2 ? sw->w[i - 2] : NULL_WORD;
    uint64_t wp1 = i + 1 < n ? sw->w[i + 1] : NULL_WORD;
    uint64_t wp2 = i + 2 < n ? sw->w[i + 2] : NULL_WORD;
    const uint64_t *suf = sw->suf + 4 * i, *pre = sw->pre + 3 * i;
    out[k++] = syn_feat(1, 0, 0, 0);
    out[k++] = syn_feat(2, w0, 0, 0);
    out[k++] = syn_feat(3, suf[0], 0, 0);
    out[k++] = syn_feat(4, suf[1], 0, 0);
    out[k++] = syn_feat(5, suf[2], 0, 0);
    out[k++] = syn_feat(6, suf[3], 0, 0);
    out[k++] = syn_feat(7, pre[0], 0, 0);
    out[k++] = syn_feat(8, pre[1], 0, 0);
    out[k++] = syn_feat(10, sw->shape[i], i == 0, 0);
    out[k++] = syn_feat(11, p1, 0, 0);
    out[k++] = syn_feat(13, p1, p2, 0);
    out[k++] = syn_feat(14, p1, w0, 0);
    out[k++] = syn_feat(15, wm1, 0, 0);
    out[k++] = syn_feat(16, i >= 1 ? sw->suf[4 * (i - 1) + 2] : NULL_WORD, 0, 0);
    out[k++] = syn_feat(17, wm2, 0, 0);
    out[k++] = syn_feat(18, wp1, 0, 0);
    out[k++] = syn_feat(19, i + 1 < n ? sw->suf[4 * (i + 1) + 2] : NULL_WORD, 0, 0);
    out[k++] = syn_feat(20, wp2, 0, 0);
    out[k++] = syn_feat(21, wm1, w0, 0);
    out[k++] = syn_feat(22, w0, wp1, 0);
    out[k++] = syn_feat(24, p1, suf[2], 0);
    uint64_t a0 = sw->amb[i];
    uint64_t a1 = i + 1 < n ? sw->amb[i + 1] : SYN_NULL_TAG;
    uint64_t a2 = i + 2 < n ? sw->amb[i + 2] : SYN_NULL_TAG;
    out[k++] = syn_feat(25, a0, 0, 0);
    out[k++] = syn_feat(26, a1, 0, 0);
    out[k++] = syn_feat(27, a1, a2, 0);
    out[k++] = syn_feat(28, p1, a1, 0);
    out[k++] = syn_feat(29, a0, a1, 0);
    out[k++] = syn_feat(30, p1, a0, a1);
    return k;
}

uint32_t syn_tag2_features(const syn_words *sw, uint32_t i, uint64_t *out)
{
    uint32_t k = syn_tag_features(sw, i, out), n = sw->n;
    uint64_t p1 = i >= 1 ? sw->tag[i - 1] : SYN_NULL_TAG;
    uint64_t r1 = i + 1 < n ? sw->tag1[i + 1] : SYN_NULL_TAG;
    uint64_t r2 = i + 2 < n ? sw->tag1[i + 2] : SYN_NULL_TAG;
    out[k++] = syn_feat(40, r1, 0, 0);
    out[k++] = syn_feat(41, r1, r2, 0);
    out[k++] = syn_feat(42, p1, r1, 0);
    out[k++] = syn_feat(43, sw->w[i], r1, 0);
    out[k++] = syn_feat(44, sw->suf[4 * i + 2], r1, 0);
    out[k++] = syn_feat(45, sw->amb[i], r1, r2);
    out[k++] = syn_feat(46, i + 1 < n ? sw->w[i + 1] : 0, r1, 0);
    return k;
}

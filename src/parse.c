/*
 * parse.c - the transition system and features of the dependency parser.
 *
 * Algorithm: arc-eager transitions (Nivre 2003) with the root at the end of
 * the buffer (Ballesteros & Nivre 2013), so the root takes exactly one
 * dependent by a final LEFT move; a headless word left under another on
 * the stack when the buffer is empty is attached to that word (the only
 * move not scored).  The result is always one projective tree.  Moves are
 * scored by an averaged perceptron over the Zhang & Nivre (2011) feature
 * templates (words, tags, distance, valency, children and their labels);
 * labels are chosen by a second perceptron when an arc is made
 * (syn_label_features), so the move classifier stays at four classes.
 * Training uses the dynamic oracle of Goldberg & Nivre (2012), in
 * tools/train_syntax.c.  Hands on: head and deprel per token.
 */
#include "syntax_internal.h"
#include <stdlib.h>
#include <string.h>

#define NONE_W 0x2545F4914F6CDD1DULL
#define ROOT_W 0x9FB21C651E98DF25ULL

int syn_state_reserve(syn_state *st, uint32_t n)
{
    n += 2;
    if (n <= st->cap)
        return 0;
    uint32_t cap = st->cap ? st->cap : 64;
    while (cap < n)
        cap *= 2;
#define GROW(f) do { void *p_ = realloc(st->f, cap * sizeof *st->f); if (!p_) return -1; st->f = p_; } while (0)
    GROW(stack); GROW(head); GROW(label); GROW(lc1); GROW(lc2); GROW(rc1);
    GROW(rc2); GROW(nl); GROW(nr); GROW(lset); GROW(rset);
#undef GROW
    st->cap = cap;
    return 0;
}

void syn_state_free(syn_state *st)
{
    free(st->stack); free(st->head); free(st->label); free(st->lc1);
    free(st->lc2); free(st->rc1); free(st->rc2); free(st->nl); free(st->nr);
    free(st->lset); free(st->rset);
    memset(st, 0, sizeof *st);
}

void syn_state_init(syn_state *st, uint32_t n)
{
    st->n = n;
    st->sp = 0;
    st->b = 0;
    for (uint32_t i = 0; i <= n; i++) {
        st->head[i] = -1;
        st->label[i] = 0;
        st->lc1[i] = st->lc2[i] = st->rc1[i] = st->rc2[i] = -1;
        st->nl[i] = st->nr[i] = 0;
        st->lset[i] = st->rset[i] = 0;
    }
}

void syn_state_arc(syn_state *st, int32_t h, int32_t d, int label)
{
    st->head[d] = h;
    st->label[d] = (uint8_t)label;
    uint64_t bit = 1ull << (label & 63);
    if (d < h) {
        /* left children arrive right to left: the new one is leftmost */
        st->lc2[h] = st->lc1[h];
        st->lc1[h] = d;
        if (st->nl[h] < 255) st->nl[h]++;
        st->lset[h] |= bit;
    } else {
        st->rc2[h] = st->rc1[h];
        st->rc1[h] = d;
        if (st->nr[h] < 255) st->nr[h]++;
        st->rset[h] |= bit;
    }
}

unsigned syn_legal(const syn_state *st)
{
    unsigned m = 0;
    int buffer_words = st->b < st->n;
    if (buffer_words)
        m |= 1u << SYN_SHIFT;
    if (st->sp > 0) {
        int32_t s0 = st->stack[st->sp - 1];
        if (st->head[s0] >= 0)
            m |= 1u << SYN_REDUCE;
        else if (buffer_words || st->sp == 1)
            m |= 1u << SYN_LEFT;
        if (buffer_words)
            m |= 1u << SYN_RIGHT;
    }
    return m;
}

/* Word/tag views of a position (-1 = none, n = root). */
static inline uint64_t wof(const syn_words *sw, const syn_state *st, int32_t i)
{
    return i < 0 ? NONE_W : (uint32_t)i == st->n ? ROOT_W : sw->w[i];
}
static inline uint64_t tof(const syn_words *sw, const syn_state *st, int32_t i)
{
    return i < 0 ? SYN_NULL_TAG : (uint32_t)i == st->n ? SYN_ROOT_TAG : sw->tag[i];
}
static inline uint64_t lof(const syn_state *st, int32_t i)
{
    return i < 0 ? 255 : st->label[i];
}

uint32_t syn_parse_features(const syn_words *sw, const syn_state *st, uint64_t *out)
{
    uint32_t k = 0, n = st->n;
    int32_t s0 = st->sp > 0 ? st->stack[st->sp - 1] : -1;
    int32_t s1 = st->sp > 1 ? st->stack[st->sp - 2] : -1;
    int32_t n0 = (int32_t)st->b;
    int32_t n1 = st->b + 1 <= n ? (int32_t)st->b + 1 : -1;
    int32_t n2 = st->b + 2 <= n ? (int32_t)st->b + 2 : -1;
    int32_t s0h = s0 >= 0 ? st->head[s0] : -1;
    int32_t s0h2 = s0h >= 0 && (uint32_t)s0h < n ? st->head[s0h] : -1;
    int32_t s0l = s0 >= 0 ? st->lc1[s0] : -1, s0l2 = s0 >= 0 ? st->lc2[s0] : -1;
    int32_t s0r = s0 >= 0 ? st->rc1[s0] : -1, s0r2 = s0 >= 0 ? st->rc2[s0] : -1;
    int32_t n0l = st->lc1[n0], n0l2 = st->lc2[n0];
    uint64_t s0w = wof(sw, st, s0), s0p = tof(sw, st, s0);
    uint64_t s1w = wof(sw, st, s1), s1p = tof(sw, st, s1);
    uint64_t n0w = wof(sw, st, n0), n0p = tof(sw, st, n0);
    uint64_t n1w = wof(sw, st, n1), n1p = tof(sw, st, n1);
    uint64_t n2w = wof(sw, st, n2), n2p = tof(sw, st, n2);
    uint64_t s0hp = tof(sw, st, s0h), s0lp = tof(sw, st, s0l), s0rp = tof(sw, st, s0r);
    uint64_t n0lp = tof(sw, st, n0l);
    uint64_t s0wp = s0w ^ (s0p << 1), n0wp = n0w ^ (n0p << 1);
    uint64_t d = s0 >= 0 ? (uint64_t)(n0 - s0) : 0;
    if (d > 5) d = d < 10 ? 6 : 7;
    if ((uint32_t)n0 == n) d += 16;   /* root in front */
    uint64_t vl0 = s0 >= 0 ? st->nl[s0] : 0, vr0 = s0 >= 0 ? st->nr[s0] : 0;
    uint64_t vln = st->nl[n0];
    if (vl0 > 3) vl0 = 3;
    if (vr0 > 3) vr0 = 3;
    if (vln > 3) vln = 3;

    out[k++] = syn_feat(101, s0wp, 0, 0);
    out[k++] = syn_feat(102, s0w, 0, 0);
    out[k++] = syn_feat(103, s0p, 0, 0);
    out[k++] = syn_feat(104, n0wp, 0, 0);
    out[k++] = syn_feat(105, n0w, 0, 0);
    out[k++] = syn_feat(106, n0p, 0, 0);
    out[k++] = syn_feat(107, n1w, n1p, 0);
    out[k++] = syn_feat(108, n1w, 0, 0);
    out[k++] = syn_feat(109, n1p, 0, 0);
    out[k++] = syn_feat(110, n2w, n2p, 0);
    out[k++] = syn_feat(111, n2p, 0, 0);
    /* pairs */
    out[k++] = syn_feat(120, s0wp, n0wp, 0);
    out[k++] = syn_feat(121, s0wp, n0w, 0);
    out[k++] = syn_feat(122, s0w, n0wp, 0);
    out[k++] = syn_feat(123, s0wp, n0p, 0);
    out[k++] = syn_feat(124, s0p, n0wp, 0);
    out[k++] = syn_feat(125, s0w, n0w, 0);
    out[k++] = syn_feat(126, s0p, n0p, 0);
    out[k++] = syn_feat(127, n0p, n1p, 0);
    /* triples */
    out[k++] = syn_feat(130, n0p, n1p, n2p);
    out[k++] = syn_feat(131, s0p, n0p, n1p);
    out[k++] = syn_feat(132, s0hp, s0p, n0p);
    out[k++] = syn_feat(133, s0p, s0lp, n0p);
    out[k++] = syn_feat(134, s0p, s0rp, n0p);
    out[k++] = syn_feat(135, s0p, n0p, n0lp);
    /* distance */
    out[k++] = syn_feat(140, s0w, d, 0);
    out[k++] = syn_feat(141, s0p, d, 0);
    out[k++] = syn_feat(142, n0w, d, 0);
    out[k++] = syn_feat(143, n0p, d, 0);
    out[k++] = syn_feat(144, s0w, n0w, d);
    out[k++] = syn_feat(145, s0p, n0p, d);
    /* valency */
    out[k++] = syn_feat(150, s0w, vr0, 0);
    out[k++] = syn_feat(151, s0p, vr0, 0);
    out[k++] = syn_feat(152, s0w, vl0, 0);
    out[k++] = syn_feat(153, s0p, vl0, 0);
    out[k++] = syn_feat(154, n0w, vln, 0);
    out[k++] = syn_feat(155, n0p, vln, 0);
    /* second order */
    out[k++] = syn_feat(160, wof(sw, st, s0h), 0, 0);
    out[k++] = syn_feat(161, s0hp, lof(st, s0), 0);
    out[k++] = syn_feat(162, wof(sw, st, s0l), 0, 0);
    out[k++] = syn_feat(163, s0lp, lof(st, s0l), 0);
    out[k++] = syn_feat(164, wof(sw, st, s0r), 0, 0);
    out[k++] = syn_feat(165, s0rp, lof(st, s0r), 0);
    out[k++] = syn_feat(166, wof(sw, st, n0l), 0, 0);
    out[k++] = syn_feat(167, n0lp, lof(st, n0l), 0);
    /* third order */
    out[k++] = syn_feat(170, s0p, s0hp, tof(sw, st, s0h2));
    out[k++] = syn_feat(171, s0p, s0lp, tof(sw, st, s0l2));
    out[k++] = syn_feat(172, s0p, s0rp, tof(sw, st, s0r2));
    out[k++] = syn_feat(173, n0p, n0lp, tof(sw, st, n0l2));
    /* label sets */
    out[k++] = syn_feat(180, s0p, s0 >= 0 ? st->rset[s0] : 0, 0);
    out[k++] = syn_feat(181, s0p, s0 >= 0 ? st->lset[s0] : 0, 0);
    out[k++] = syn_feat(182, n0p, st->lset[n0], 0);
    /* s1 */
    out[k++] = syn_feat(190, s1w, s1p, 0);
    out[k++] = syn_feat(191, s1p, s0p, 0);
    out[k++] = syn_feat(192, s1p, s0p, n0p);
    out[k++] = syn_feat(193, s1p, s1 >= 0 ? (uint64_t)(st->head[s1] >= 0) : 2, s0p);
    out[k++] = syn_feat(194, s0p, s0 >= 0 ? (uint64_t)(st->head[s0] >= 0) : 2, n0p);
    return k;
}

uint32_t syn_label_features(const syn_words *sw, const syn_state *st, int32_t h, int32_t d, uint64_t *out)
{
    uint32_t k = 0;
    uint64_t hw = wof(sw, st, h), hp = tof(sw, st, h);
    uint64_t dw = wof(sw, st, d), dp = tof(sw, st, d);
    uint64_t dir = h < d;
    int32_t dist = h < d ? d - h : h - d;
    uint64_t db = dist > 5 ? (dist < 10 ? 6 : 7) : (uint64_t)dist;
    uint64_t dset = st->lset[d] | st->rset[d];
    uint64_t hset = st->lset[h] | st->rset[h];
    out[k++] = syn_feat(201, hp, dp, dir);
    out[k++] = syn_feat(202, hw, dp, dir);
    out[k++] = syn_feat(203, hp, dw, dir);
    out[k++] = syn_feat(204, hw, dw, dir);
    out[k++] = syn_feat(205, dw, dir, 0);
    out[k++] = syn_feat(206, dp, dir, 0);
    out[k++] = syn_feat(208, hp, dp, db + 8 * dir);
    out[k++] = syn_feat(209, dp, dset, 0);
    out[k++] = syn_feat(210, hp, hset, dir);
    out[k++] = syn_feat(211, hp, dp, hset);
    out[k++] = syn_feat(212, dp, tof(sw, st, st->lc1[d]), lof(st, st->lc1[d]));
    out[k++] = syn_feat(213, dp, tof(sw, st, st->rc1[d]), lof(st, st->rc1[d]));
    out[k++] = syn_feat(214, dp, d > 0 ? tof(sw, st, d - 1) : SYN_NULL_TAG, dir);
    out[k++] = syn_feat(215, dp, (uint32_t)d + 1 < st->n ? tof(sw, st, d + 1) : SYN_NULL_TAG, dir);
    out[k++] = syn_feat(217, hp, dp, st->head[h] >= 0 ? lof(st, h) : 254);
    out[k++] = syn_feat(219, sw->suf[4 * (uint32_t)d + 2], dp, dir);
    out[k++] = syn_feat(221, hw, hp, dw ^ (dp << 1));
    return k;
}

/*
 * train_syntax.c - trains the syntax model (tagger, parser, labeller,
 * lemma rules) from Universal Dependencies CoNLL-U files and writes
 * data/models/syntax.bin.
 *
 *   train_syntax [-o OUT] [--dev FILE]... [--wordnet DIR] TRAIN.conllu...
 *   train_syntax --eval MODEL FILE.conllu... [--news]
 *
 * For experiments only, the environment may override the defaults:
 * SYN_TAG_EPOCHS (8), SYN_PARSE_EPOCHS (14), SYN_SURE_MIN (10) and
 * SYN_SURE_PERMILLE (980) for dictionary-tagged words,
 * SYN_SURE_LABEL_PERMILLE (990) for labels given by the tags, SYN_PRUNE_TAG,
 * SYN_PRUNE_PARSE, SYN_PRUNE_LABEL (1.5: averaged weights below this are
 * dropped from the model file), SYN_TAG_GATE (7: first-pass score margin,
 * in averaged-weight units, below which the second tagging pass runs).  `make models` uses the defaults.
 *
 * Algorithm: averaged perceptrons (integer updates, the "w - u/c" trick for
 * averages, so training is exact and reproducible bit for bit: fixed-seed
 * shuffles, no floating point until the final division).  The tagger is
 * trained first; the parser is trained on tags predicted by 4-fold
 * jackknifing so that it sees tagging errors as at run time.  The parser
 * uses the arc-eager dynamic oracle (Goldberg & Nivre 2012) with
 * exploration after the first epoch; non-projective training trees are
 * skipped.  Lemma rules and exceptions are learned from the treebank
 * lemmas, plus the WordNet exception lists when given.  A second tagger
 * is trained with the first pass's tags to the right as extra features
 * (syn_tag2_features), taken from the jackknifed tags so that they carry
 * run-time errors; it re-tags the words the first pass is unsure of.  Dense training
 * rows are exported as sparse rows, dropping near-zero weights.
 */
#include "syntax_internal.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int TAG_EPOCHS = 8, PARSE_EPOCHS = 14;
static double TAG_GATE = 7.0;   /* second tagging pass below this first-pass margin */
#define JACKKNIFE 4
static size_t SURE_MIN = 10, SURE_PERMILLE = 980;   /* dictionary-tagged words */
static uint32_t SURE_LABEL_MIN = 30, SURE_LABEL_PERMILLE = 990;   /* labels the tags settle */

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "train_syntax: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory", NULL);
    return p;
}
static void *xcalloc(size_t n, size_t k)
{
    void *p = calloc(n ? n : 1, k ? k : 1);
    if (!p) die("out of memory", NULL);
    return p;
}
static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory", NULL);
    return p;
}

/* ------------------------------------------------------------ corpus */
typedef struct tsent {
    uint32_t n;
    const char **form; uint32_t *flen;
    const char **lemma; uint32_t *llen;
    uint8_t *xpos, *upos, *cls, *pred;  /* pred: jackknifed tag class */
    int32_t *head;                      /* 0-based, -1 = root */
    uint8_t *deprel;
    int news;
} tsent;

typedef struct corpus {
    tsent *s;
    size_t n, cap;
} corpus;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = xmalloc((size_t)sz + 1);
    if (fread(p, 1, (size_t)sz, f) != (size_t)sz) die("cannot read", path);
    fclose(f);
    p[sz] = 0;
    *len = (size_t)sz;
    return p;
}

/* Splits a line into tab fields (in place). */
static int split_tabs(char *line, char **f, int max)
{
    int k = 0;
    f[k++] = line;
    for (char *p = line; *p && k < max; p++)
        if (*p == '\t') { *p = 0; f[k++] = p + 1; }
    return k;
}

static void read_conllu(const char *path, corpus *c)
{
    size_t len;
    char *text = read_file(path, &len);   /* kept for the life of the program */
    char *p = text;
    /* per-sentence buffers */
    size_t cap = 512, n = 0;
    char **fields = xmalloc(cap * 10 * sizeof *fields);
    int in_news = 0, sent_news = 0;
    while (*p) {
        char *line = p;
        char *nl = strchr(p, '\n');
        if (nl) { *nl = 0; p = nl + 1; } else p += strlen(p);
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r') line[--ll] = 0;
        if (line[0] == '#') {
            if (strstr(line, "newdoc id")) in_news = strstr(line, "news") != NULL;
            if (strstr(line, "sent_id")) sent_news = strstr(line, "news") != NULL;
            continue;
        }
        if (ll == 0) {
            if (n) {
                if (c->n == c->cap) {
                    c->cap = c->cap ? 2 * c->cap : 1024;
                    c->s = xrealloc(c->s, c->cap * sizeof *c->s);
                }
                tsent *s = &c->s[c->n++];
                memset(s, 0, sizeof *s);
                s->n = (uint32_t)n;
                s->news = in_news || sent_news;
                s->form = xmalloc(n * sizeof *s->form);
                s->flen = xmalloc(n * sizeof *s->flen);
                s->lemma = xmalloc(n * sizeof *s->lemma);
                s->llen = xmalloc(n * sizeof *s->llen);
                s->xpos = xmalloc(n); s->upos = xmalloc(n); s->cls = xcalloc(n, 1);
                s->pred = xcalloc(n, 1); s->deprel = xmalloc(n);
                s->head = xmalloc(n * sizeof *s->head);
                for (size_t i = 0; i < n; i++) {
                    char **f = fields + 10 * i;
                    s->form[i] = f[1]; s->flen[i] = (uint32_t)strlen(f[1]);
                    s->lemma[i] = f[2]; s->llen[i] = (uint32_t)strlen(f[2]);
                    s->upos[i] = (uint8_t)upos_from_name(f[3], strlen(f[3]));
                    s->xpos[i] = (uint8_t)xpos_from_name(f[4], strlen(f[4]));
                    long h = strtol(f[6], NULL, 10);
                    if (h < 0 || h > (long)n) h = 0;
                    s->head[i] = (int32_t)h - 1;
                    s->deprel[i] = (uint8_t)deprel_from_name(f[7], strlen(f[7]));
                    if (!s->deprel[i]) s->deprel[i] = DEP_DEP;
                }
                n = 0;
                sent_news = 0;
            }
            continue;
        }
        char *f[10];
        if (split_tabs(line, f, 10) != 10) continue;
        if (strchr(f[0], '-') || strchr(f[0], '.')) continue;
        if (n == cap) { cap *= 2; fields = xrealloc(fields, cap * 10 * sizeof *fields); }
        memcpy(fields + 10 * n, f, sizeof f);
        n++;
    }
    free(fields);
}

/* ------------------------------------------------ averaged perceptron */
typedef struct ap {
    uint32_t nc;
    uint64_t *hkeys; uint32_t *hrow; uint32_t hmask;  /* hash -> row (+1) */
    uint32_t rows, rcap;
    uint64_t *rowkey;
    int32_t *w;
    int64_t *u;
    int64_t c;    /* instance counter */
} ap;

static void ap_init(ap *a, uint32_t nc)
{
    memset(a, 0, sizeof *a);
    a->nc = nc;
    a->hmask = (1u << 16) - 1;
    a->hkeys = xcalloc(a->hmask + 1, 8);
    a->hrow = xcalloc(a->hmask + 1, 4);
    a->c = 1;
}

static void ap_free(ap *a)
{
    free(a->hkeys); free(a->hrow); free(a->rowkey); free(a->w); free(a->u);
    memset(a, 0, sizeof *a);
}

static int64_t ap_find(const ap *a, uint64_t h)
{
    uint32_t i = (uint32_t)h & a->hmask;
    while (a->hrow[i]) {
        if (a->hkeys[i] == h) return a->hrow[i] - 1;
        i = (i + 1) & a->hmask;
    }
    return -1;
}

static uint32_t ap_get(ap *a, uint64_t h)
{
    int64_t r = ap_find(a, h);
    if (r >= 0) return (uint32_t)r;
    if (2 * (a->rows + 1) > a->hmask + 1) {
        uint32_t nm = 2 * (a->hmask + 1) - 1;
        uint64_t *nk = xcalloc(nm + 1, 8);
        uint32_t *nr = xcalloc(nm + 1, 4);
        for (uint32_t i = 0; i <= a->hmask; i++) {
            if (!a->hrow[i]) continue;
            uint32_t j = (uint32_t)a->hkeys[i] & nm;
            while (nr[j]) j = (j + 1) & nm;
            nk[j] = a->hkeys[i]; nr[j] = a->hrow[i];
        }
        free(a->hkeys); free(a->hrow);
        a->hkeys = nk; a->hrow = nr; a->hmask = nm;
    }
    if (a->rows == a->rcap) {
        a->rcap = a->rcap ? 2 * a->rcap : 4096;
        a->rowkey = xrealloc(a->rowkey, a->rcap * sizeof *a->rowkey);
        a->w = xrealloc(a->w, (size_t)a->rcap * a->nc * sizeof *a->w);
        a->u = xrealloc(a->u, (size_t)a->rcap * a->nc * sizeof *a->u);
    }
    uint32_t row = a->rows++;
    a->rowkey[row] = h;
    memset(a->w + (size_t)row * a->nc, 0, a->nc * sizeof *a->w);
    memset(a->u + (size_t)row * a->nc, 0, a->nc * sizeof *a->u);
    uint32_t i = (uint32_t)h & a->hmask;
    while (a->hrow[i]) i = (i + 1) & a->hmask;
    a->hkeys[i] = h; a->hrow[i] = row + 1;
    return row;
}

static void ap_score(const ap *a, const uint64_t *f, uint32_t nf, int64_t *sc)
{
    memset(sc, 0, a->nc * sizeof *sc);
    for (uint32_t k = 0; k < nf; k++) {
        int64_t r = ap_find(a, f[k]);
        if (r < 0) continue;
        const int32_t *w = a->w + (size_t)r * a->nc;
        for (uint32_t c = 0; c < a->nc; c++) sc[c] += w[c];
    }
}

static void ap_update(ap *a, const uint64_t *f, uint32_t nf, uint32_t good, uint32_t bad)
{
    for (uint32_t k = 0; k < nf; k++) {
        uint32_t r = ap_get(a, f[k]);
        size_t o = (size_t)r * a->nc;
        a->w[o + good] += 1; a->u[o + good] += a->c;
        a->w[o + bad] -= 1;  a->u[o + bad] -= a->c;
    }
}

/* ------------------------------------------------------------ rng */
static uint64_t rng_state = 0x2545F4914F6CDD1DULL;
static uint64_t rng_next(void)
{
    uint64_t x = rng_state;
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    return rng_state = x;
}
static void shuffle(uint32_t *idx, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next() % i);
        uint32_t t = idx[i - 1]; idx[i - 1] = idx[j]; idx[j] = t;
    }
}

/* ------------------------------------------------------------ tag classes */
static uint32_t ntags;
static uint8_t tag_xpos[SYN_MAX_TAGS], tag_upos[SYN_MAX_TAGS];
static int16_t class_of[XPOS_COUNT][UPOS_COUNT];

static void build_classes(corpus *c)
{
    static uint8_t seen[XPOS_COUNT][UPOS_COUNT];
    for (size_t s = 0; s < c->n; s++)
        for (uint32_t i = 0; i < c->s[s].n; i++)
            seen[c->s[s].xpos[i]][c->s[s].upos[i]] = 1;
    ntags = 0;
    for (int x = 0; x < XPOS_COUNT; x++)
        for (int u = 0; u < UPOS_COUNT; u++) {
            class_of[x][u] = -1;
            if (seen[x][u] && ntags < SYN_MAX_TAGS) {
                class_of[x][u] = (int16_t)ntags;
                tag_xpos[ntags] = (uint8_t)x; tag_upos[ntags] = (uint8_t)u;
                ntags++;
            }
        }
    for (size_t s = 0; s < c->n; s++)
        for (uint32_t i = 0; i < c->s[s].n; i++)
            c->s[s].cls[i] = (uint8_t)class_of[c->s[s].xpos[i]][c->s[s].upos[i]];
}

static void words_of(syn_words *sw, const tsent *s)
{
    if (syn_words_reserve(sw, s->n) != 0) die("out of memory", NULL);
    sw->n = s->n;
    for (uint32_t i = 0; i < s->n; i++)
        syn_words_set(sw, i, s->form[i], s->flen[i]);
}

/* ------------------------------------------------------------ tag dict */
typedef struct wc { uint64_t w; uint32_t cls; } wc;
static int cmp_wc(const void *a, const void *b)
{
    const wc *x = a, *y = b;
    if (x->w != y->w) return x->w < y->w ? -1 : 1;
    return (x->cls > y->cls) - (x->cls < y->cls);
}

typedef struct tagdict { uint64_t *w; uint8_t *cls; size_t n; } tagdict;

static void build_tagdict(const corpus *c, tagdict *d)
{
    size_t total = 0;
    for (size_t s = 0; s < c->n; s++) total += c->s[s].n;
    wc *v = xmalloc(total * sizeof *v);
    syn_words sw = { 0 };
    size_t k = 0;
    for (size_t s = 0; s < c->n; s++) {
        words_of(&sw, &c->s[s]);
        for (uint32_t i = 0; i < c->s[s].n; i++) { v[k].w = sw.w[i]; v[k].cls = c->s[s].cls[i]; k++; }
    }
    syn_words_free(&sw);
    qsort(v, k, sizeof *v, cmp_wc);
    d->w = xmalloc(k * sizeof *d->w); d->cls = xmalloc(k); d->n = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i, best = 0, bestc = 0;
        while (j < k && v[j].w == v[i].w) {
            size_t l = j;
            while (l < k && v[l].w == v[j].w && v[l].cls == v[j].cls) l++;
            if (l - j > best) { best = l - j; bestc = v[j].cls; }
            j = l;
        }
        if (j - i >= 2) {
            int sure = j - i >= SURE_MIN && best * 1000 >= (j - i) * SURE_PERMILLE;
            d->w[d->n] = v[i].w; d->cls[d->n] = (uint8_t)(bestc | (sure ? SYN_SURE : 0)); d->n++;
        }
        i = j;
    }
    free(v);
}

static int dict_find(const tagdict *d, uint64_t w)
{
    size_t lo = 0, hi = d->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->w[mid] < w) lo = mid + 1; else hi = mid;
    }
    return lo < d->n && d->w[lo] == w ? d->cls[lo] : -1;
}

/* ------------------------------------------------------------ tagger */
/* Sets amb[] and returns nothing; sure[i] = class or -1 */
static void set_amb(syn_words *sw, const tagdict *d, int *sure)
{
    for (uint32_t i = 0; i < sw->n; i++) {
        int v = dict_find(d, sw->w[i]);
        sw->amb[i] = v < 0 ? SYN_UNKNOWN_AMB : (uint8_t)(v & ~SYN_SURE);
        sure[i] = v >= 0 && (v & SYN_SURE) ? (v & ~SYN_SURE) : -1;
    }
}

static void tag_predict(const ap *a, const tagdict *d, syn_words *sw, uint8_t *out)
{
    uint64_t f[64];
    int64_t sc[SYN_MAX_TAGS];
    int sure[CLIO_MAX_SENT_TOKENS * 4];
    if (sw->n > CLIO_MAX_SENT_TOKENS * 4) die("sentence too long", NULL);
    set_amb(sw, d, sure);
    for (uint32_t i = 0; i < sw->n; i++) {
        int c = sure[i];
        if (c < 0) {
            uint32_t nf = syn_tag_features(sw, i, f);
            ap_score(a, f, nf, sc);
            c = 0;
            for (uint32_t t = 1; t < a->nc; t++) if (sc[t] > sc[c]) c = (int)t;
        }
        sw->tag[i] = (uint8_t)c;
        out[i] = (uint8_t)c;
    }
}

/* Trains on the sentences whose index % folds != skip (all when skip < 0). */
static void train_tagger(ap *a, const tagdict *d, const corpus *c, int folds, int skip, const corpus *dev, int pass2)
{
    ap_init(a, ntags);
    uint32_t *idx = xmalloc(c->n * sizeof *idx);
    size_t m = 0;
    for (size_t s = 0; s < c->n; s++)
        if (skip < 0 || (int)(s % (size_t)folds) != skip) idx[m++] = (uint32_t)s;
    syn_words sw = { 0 };
    uint64_t f[64];
    int64_t sc[SYN_MAX_TAGS];
    int sure[CLIO_MAX_SENT_TOKENS * 4];
    for (int e = 0; e < TAG_EPOCHS; e++) {
        shuffle(idx, m);
        size_t ok = 0, tot = 0;
        for (size_t k = 0; k < m; k++) {
            const tsent *s = &c->s[idx[k]];
            if (s->n > CLIO_MAX_SENT_TOKENS * 4) continue;
            words_of(&sw, s);
            set_amb(&sw, d, sure);
            if (pass2)
                memcpy(sw.tag1, s->pred, s->n);   /* jackknifed first-pass tags */
            for (uint32_t i = 0; i < s->n; i++) {
                int g = s->cls[i];
                int p = sure[i];
                if (p < 0) {
                    uint32_t nf = pass2 ? syn_tag2_features(&sw, i, f) : syn_tag_features(&sw, i, f);
                    ap_score(a, f, nf, sc);
                    p = 0;
                    for (uint32_t t = 1; t < ntags; t++) if (sc[t] > sc[p]) p = (int)t;
                    if (p != g) ap_update(a, f, nf, (uint32_t)g, (uint32_t)p);
                    a->c++;
                }
                ok += p == g; tot++;
                sw.tag[i] = (uint8_t)p;   /* condition on own predictions */
            }
        }
        if (dev && skip < 0)
            fprintf(stderr, "  tagger%s epoch %d: train %.2f%%\n", pass2 ? " (second pass)" : "", e + 1,
                    100.0 * (double)ok / (double)tot);
    }
    syn_words_free(&sw);
    free(idx);
}

/* Averages in place: w becomes round-free float later; here we keep the
 * averaged value as double computed on export. */
static double ap_avg(const ap *a, size_t o)
{
    return (double)a->w[o] - (double)a->u[o] / (double)a->c;
}

/* ------------------------------------------------------------ parser */
static int projective(const tsent *s)
{
    uint32_t n = s->n;
    for (uint32_t i = 0; i < n; i++) {
        int32_t h = s->head[i] < 0 ? (int32_t)n : s->head[i];
        int32_t a = h < (int32_t)i ? h : (int32_t)i, b = h < (int32_t)i ? (int32_t)i : h;
        for (int32_t k = a + 1; k < b; k++) {
            /* k must be dominated by h */
            int32_t x = k, steps = 0;
            while (x != h && x != (int32_t)n && steps++ <= (int32_t)n)
                x = s->head[x] < 0 ? (int32_t)n : s->head[x];
            if (x != h) return 0;
        }
    }
    return 1;
}

static int move_cost(const syn_state *st, const int32_t *g, const uint8_t *instack, int mv)
{
    int32_t n = (int32_t)st->n, b = (int32_t)st->b;
    int32_t s0 = st->sp ? st->stack[st->sp - 1] : -1;
    int c = 0;
    switch (mv) {
    case SYN_SHIFT:
        for (uint32_t k = 0; k < st->sp; k++) {
            int32_t x = st->stack[k];
            if (g[b] == x) c++;
            if (st->head[x] < 0 && g[x] == b) c++;
        }
        break;
    case SYN_REDUCE:
        for (int32_t d = b; d < n; d++) if (g[d] == s0) c++;
        break;
    case SYN_LEFT:
        if (g[s0] > b) c++;
        for (int32_t d = b; d < n; d++) if (g[d] == s0) c++;
        break;
    default:
        if (g[b] != s0 && (instack[g[b]] || g[b] > b)) c++;
        for (uint32_t k = 0; k < st->sp; k++) {
            int32_t x = st->stack[k];
            if (st->head[x] < 0 && g[x] == b) c++;
        }
        break;
    }
    return c;
}

typedef struct ptrain {
    ap par, lab;
    syn_words sw;
    syn_state st;
    uint8_t *instack;
    size_t arcs, arcs_ok, labels_ok;
} ptrain;

static int label_arc(ptrain *t, const tsent *s, int32_t h, int32_t d, int train)
{
    uint64_t f[64];
    int64_t sc[DEP_COUNT];
    uint32_t nf = syn_label_features(&t->sw, &t->st, h, d, f);
    ap_score(&t->lab, f, nf, sc);
    int best = 1;   /* first maximum wins, as in syntax_model.c */
    for (int l = 2; l < DEP_COUNT; l++) if (l != DEP_ROOT && sc[l] > sc[best]) best = l;
    int gh = s->head[d] < 0 ? (int32_t)s->n : s->head[d];
    if (train && gh == h) {
        int gl = s->deprel[d];
        if (gl == DEP_ROOT) gl = DEP_DEP;
        if (best != gl) ap_update(&t->lab, f, nf, (uint32_t)gl, (uint32_t)best);
        t->lab.c++;
        return gl;
    }
    return best;
}

static void train_parse_sentence(ptrain *t, const tsent *s, int explore)
{
    uint32_t n = s->n;
    int32_t g[CLIO_MAX_SENT_TOKENS * 4 + 2];
    if (n + 1 > sizeof g / sizeof g[0]) return;
    for (uint32_t i = 0; i < n; i++) g[i] = s->head[i] < 0 ? (int32_t)n : s->head[i];
    g[n] = -1;
    if (syn_state_reserve(&t->st, n) != 0) die("out of memory", NULL);
    words_of(&t->sw, s);
    for (uint32_t i = 0; i < n; i++) { t->sw.tag[i] = s->pred[i]; }
    syn_state *st = &t->st;
    syn_state_init(st, n);
    memset(t->instack, 0, n + 1);
    uint64_t f[64];
    int64_t sc[SYN_NMOVES];
    for (;;) {
        unsigned legal = syn_legal(st);
        if (!legal) {
            if (st->sp < 2) break;
            int32_t s0 = st->stack[st->sp - 1], s1 = st->stack[st->sp - 2];
            syn_state_arc(st, s1, s0, label_arc(t, s, s1, s0, 1));
            st->sp--; t->instack[s0] = 0;
            continue;
        }
        uint32_t nf = syn_parse_features(&t->sw, st, f);
        ap_score(&t->par, f, nf, sc);
        int cost[SYN_NMOVES], mincost = 1 << 30, pred = -1, gold = -1;
        for (int k = 0; k < SYN_NMOVES; k++) {
            if (!(legal >> k & 1)) continue;
            cost[k] = move_cost(st, g, t->instack, k);
            if (cost[k] < mincost) mincost = cost[k];
            if (pred < 0 || sc[k] > sc[pred]) pred = k;
        }
        for (int k = 0; k < SYN_NMOVES; k++)
            if ((legal >> k & 1) && cost[k] == mincost && (gold < 0 || sc[k] > sc[gold])) gold = k;
        if (cost[pred] > mincost) ap_update(&t->par, f, nf, (uint32_t)gold, (uint32_t)pred);
        t->par.c++;
        int mv = gold;
        if (cost[pred] == mincost || (explore && rng_next() % 10 != 0)) mv = pred;
        int32_t b = (int32_t)st->b;
        switch (mv) {
        case SYN_SHIFT:
            st->stack[st->sp++] = b; t->instack[b] = 1; st->b++;
            break;
        case SYN_REDUCE:
            t->instack[st->stack[--st->sp]] = 0;
            break;
        case SYN_LEFT: {
            int32_t s0 = st->stack[--st->sp];
            t->instack[s0] = 0;
            syn_state_arc(st, b, s0, (uint32_t)b == n ? DEP_ROOT : label_arc(t, s, b, s0, 1));
            break;
        }
        default: {
            int32_t s0 = st->stack[st->sp - 1];
            syn_state_arc(st, s0, b, label_arc(t, s, s0, b, 1));
            st->stack[st->sp++] = b; t->instack[b] = 1; st->b++;
            break;
        }
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        t->arcs++;
        if (st->head[i] == g[i]) {
            t->arcs_ok++;
            if (st->label[i] == s->deprel[i]) t->labels_ok++;
        }
    }
}

/* ------------------------------------------------------------ lemmas */
typedef struct lrec {
    uint64_t key;      /* rule key */
    uint32_t strip;
    const char *app; uint32_t alen;
} lrec;

static int cmp_lrec(const void *a, const void *b)
{
    const lrec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->strip != y->strip) return x->strip < y->strip ? -1 : 1;
    if (x->alen != y->alen) return x->alen < y->alen ? -1 : 1;
    return memcmp(x->app, y->app, x->alen);
}

/* a lemma map under construction */
typedef struct lmap {
    size_t n, cap;
    uint64_t *key; uint8_t *strip; char **str; uint8_t *len;
} lmap;

static void lmap_add(lmap *m, uint64_t key, uint8_t strip, const char *s, size_t len)
{
    if (len > 255) return;
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 4096;
        m->key = xrealloc(m->key, m->cap * 8); m->strip = xrealloc(m->strip, m->cap);
        m->str = xrealloc(m->str, m->cap * sizeof *m->str); m->len = xrealloc(m->len, m->cap);
    }
    char *p = xmalloc(len + 1);
    memcpy(p, s, len);
    m->key[m->n] = key; m->strip[m->n] = strip; m->str[m->n] = p; m->len[m->n] = (uint8_t)len;
    m->n++;
}

/* Built form of a map, the layout syn_strmap points into. */
typedef struct lbuilt {
    uint32_t slots, pool_bytes;
    uint32_t *keys, *off; uint8_t *len, *strip; char *pool;
} lbuilt;

static void lmap_build(const lmap *m, lbuilt *b, syn_strmap *view)
{
    uint32_t slots = 16;
    while (slots < 2 * m->n + 1) slots *= 2;
    b->slots = slots;
    b->keys = xcalloc(slots, 4); b->off = xcalloc(slots, 4);
    b->len = xcalloc(slots, 1); b->strip = xcalloc(slots, 1);
    size_t pool = 0;
    for (size_t i = 0; i < m->n; i++) pool += m->len[i];
    b->pool = xmalloc(pool + 1);
    b->pool_bytes = 0;
    for (size_t i = 0; i < m->n; i++) {
        uint64_t h = m->key[i];
        uint32_t key = syn_key(h), j = (uint32_t)h & (slots - 1);
        int dup = 0;
        while (b->keys[j]) { if (b->keys[j] == key) { dup = 1; break; } j = (j + 1) & (slots - 1); }
        if (dup) continue;
        b->keys[j] = key; b->off[j] = b->pool_bytes; b->len[j] = m->len[i]; b->strip[j] = m->strip[i];
        memcpy(b->pool + b->pool_bytes, m->str[i], m->len[i]);
        b->pool_bytes += m->len[i];
    }
    view->mask = slots - 1; view->keys = b->keys; view->off = b->off; view->len = b->len;
    view->strip = b->strip; view->pool = b->pool; view->pool_bytes = b->pool_bytes;
}

static void lower_copy(const char *s, size_t n, char *out) { syn_lower(s, n, out); }

typedef struct ltype { const char *f; uint32_t fl; uint8_t x; const char *l; uint32_t ll; } ltype;
static int cmp_ltype(const void *a, const void *b)
{
    const ltype *x = a, *y = b;
    if (x->fl != y->fl) return x->fl < y->fl ? -1 : 1;
    int r = memcmp(x->f, y->f, x->fl);
    if (r) return r;
    if (x->x != y->x) return x->x < y->x ? -1 : 1;
    if (x->ll != y->ll) return x->ll < y->ll ? -1 : 1;
    return memcmp(x->l, y->l, x->ll);
}

/* a regular verb form generated from WordNet's verb index */
typedef struct vgen { char f[64]; char l[48]; uint8_t x; } vgen;

static int cmp_gen(const void *a, const void *b)
{
    const vgen *x = a, *y = b;
    int c = strcmp(x->f, y->f);
    if (c) return c;
    if (x->x != y->x) return x->x < y->x ? -1 : 1;
    return strcmp(x->l, y->l);
}

/* WordNet's verbs (index.verb) and irregular verb forms (verb.exc), to
 * correct treebank verb lemmas that are no verb at all (GUM has "fled" ->
 * "flead", "freed" -> "fre") before rules and exceptions are learned */
typedef struct wnverbs { char **w; size_t n; char **exf, **exl; size_t nex; } wnverbs;

static int cmp_pstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void wn_load(const char *dir, wnverbs *V)
{
    memset(V, 0, sizeof *V);
    char path[1024], line[4096];
    snprintf(path, sizeof path, "%s/index.verb", dir);
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open", path);
    size_t cap = 1 << 15;
    V->w = xmalloc(cap * sizeof *V->w);
    while (fgets(line, sizeof line, f)) {
        char v[64];
        if (line[0] == ' ' || sscanf(line, "%63s", v) != 1 || strchr(v, '_')) continue;
        if (V->n == cap) { cap *= 2; V->w = xrealloc(V->w, cap * sizeof *V->w); }
        V->w[V->n] = xmalloc(strlen(v) + 1);
        strcpy(V->w[V->n++], v);
    }
    fclose(f);
    qsort(V->w, V->n, sizeof *V->w, cmp_pstr);
    snprintf(path, sizeof path, "%s/verb.exc", dir);
    f = fopen(path, "r");
    if (!f) die("cannot open", path);
    cap = 4096;
    V->exf = xmalloc(cap * sizeof *V->exf);
    V->exl = xmalloc(cap * sizeof *V->exl);
    while (fgets(line, sizeof line, f)) {
        char a[128], b[128];
        if (sscanf(line, "%127s %127s", a, b) != 2 || strchr(a, '_') || strchr(b, '_')) continue;
        if (V->nex == cap) { cap *= 2; V->exf = xrealloc(V->exf, cap * sizeof *V->exf); V->exl = xrealloc(V->exl, cap * sizeof *V->exl); }
        V->exf[V->nex] = xmalloc(strlen(a) + 1); strcpy(V->exf[V->nex], a);
        V->exl[V->nex] = xmalloc(strlen(b) + 1); strcpy(V->exl[V->nex], b);
        V->nex++;
    }
    fclose(f);
}

static int wn_is_verb(const wnverbs *V, const char *s, size_t n)
{
    char wb[128];
    if (n >= sizeof wb) return 0;
    memcpy(wb, s, n); wb[n] = 0;
    const char *k = wb;
    return bsearch(&k, V->w, V->n, sizeof *V->w, cmp_pstr) != NULL;
}

/* the WordNet verb a verb form comes from, or NULL when none or two */
static const char *wn_verb_of(const wnverbs *V, const char *f, size_t fl, int x, char *wb, size_t cap)
{
    for (size_t i = 0; i < V->nex; i++)
        if (strlen(V->exf[i]) == fl && !memcmp(V->exf[i], f, fl) && wn_is_verb(V, V->exl[i], strlen(V->exl[i])))
            return V->exl[i];
    char cand[4][128];
    int nc = 0;
    #define CAND(n_, app_) do { if ((n_) > 0 && (size_t)(n_) + strlen(app_) < 128 && nc < 4) { \
        memcpy(cand[nc], f, (size_t)(n_)); strcpy(cand[nc] + (n_), app_); nc++; } } while (0)
    if ((x == XPOS_VBD || x == XPOS_VBN) && fl > 3 && !memcmp(f + fl - 2, "ed", 2)) {
        CAND((int)fl - 1, "");                                   /* freed -> free */
        CAND((int)fl - 2, "");                                   /* raided -> raid */
        if (fl > 4 && f[fl - 3] == f[fl - 4]) CAND((int)fl - 3, ""); /* stopped -> stop */
        if (f[fl - 3] == 'i') CAND((int)fl - 3, "y");            /* carried -> carry */
    } else if (x == XPOS_VBG && fl > 4 && !memcmp(f + fl - 3, "ing", 3)) {
        CAND((int)fl - 3, "");
        CAND((int)fl - 3, "e");
        if (f[fl - 4] == f[fl - 5]) CAND((int)fl - 4, "");
    } else if (x == XPOS_VBZ && fl > 2 && f[fl - 1] == 's') {
        CAND((int)fl - 1, "");
        if (fl > 3 && f[fl - 2] == 'e') CAND((int)fl - 2, "");
        if (fl > 4 && !memcmp(f + fl - 3, "ies", 3)) CAND((int)fl - 3, "y");
    }
    #undef CAND
    const char *hit = NULL;
    for (int i = 0; i < nc; i++)
        if (wn_is_verb(V, cand[i], strlen(cand[i]))) {
            if (hit && strcmp(hit, cand[i])) return NULL; /* two readings: leave it */
            if (!hit) { snprintf(wb, cap, "%s", cand[i]); hit = wb; }
        }
    return hit;
}

static void learn_lemmas(const corpus *c, const char *wordnet, lbuilt *out)
{
    size_t total = 0;
    for (size_t s = 0; s < c->n; s++) total += c->s[s].n;
    ltype *t = xmalloc(total * sizeof *t);
    size_t k = 0;
    for (size_t s = 0; s < c->n; s++)
        for (uint32_t i = 0; i < c->s[s].n; i++) {
            const tsent *x = &c->s[s];
            if (x->flen[i] > 200 || x->llen[i] > 200 || x->llen[i] == 0) continue;
            char *f = xmalloc(x->flen[i] + 1), *l = xmalloc(x->llen[i] + 1);
            lower_copy(x->form[i], x->flen[i], f);
            lower_copy(x->lemma[i], x->llen[i], l);
            if (x->llen[i] == 1 && x->lemma[i][0] == '_' && x->flen[i] != 1) { free(f); free(l); continue; }
            t[k].f = f; t[k].fl = x->flen[i]; t[k].x = x->xpos[i]; t[k].l = l; t[k].ll = x->llen[i];
            k++;
        }
    qsort(t, k, sizeof *t, cmp_ltype);
    /* majority lemma per (form, xpos) */
    ltype *ty = xmalloc((k + 1) * sizeof *ty);
    size_t nt = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i, best = 0, bi = i;
        while (j < k && t[j].fl == t[i].fl && memcmp(t[j].f, t[i].f, t[i].fl) == 0 && t[j].x == t[i].x) {
            size_t l = j;
            while (l < k && cmp_ltype(&t[l], &t[j]) == 0) l++;
            if (l - j > best) { best = l - j; bi = j; }
            j = l;
        }
        ty[nt++] = t[bi];
        i = j;
    }
    /* verb lemmas that are no verb ("fled" -> "flead" in GUM): WordNet's */
    size_t nfix = 0;
    if (wordnet) {
        wnverbs V;
        wn_load(wordnet, &V);
        for (size_t i = 0; i < nt; i++) {
            int x = ty[i].x;
            if (!(x == XPOS_VBD || x == XPOS_VBN || x == XPOS_VBG || x == XPOS_VBZ) || wn_is_verb(&V, ty[i].l, ty[i].ll))
                continue;
            char vb[128];
            const char *v = wn_verb_of(&V, ty[i].f, ty[i].fl, x, vb, sizeof vb);
            if (!v)
                continue;
            char *l = xmalloc(strlen(v) + 1);
            strcpy(l, v);
            ty[i].l = l;
            ty[i].ll = (uint32_t)strlen(v);
            nfix++;
        }
        fprintf(stderr, "lemmas: %zu treebank verb lemmas that are no verb corrected from WordNet\n", nfix);
        for (size_t i = 0; i < V.n; i++) free(V.w[i]);
        for (size_t i = 0; i < V.nex; i++) { free(V.exf[i]); free(V.exl[i]); }
        free(V.w); free(V.exf); free(V.exl);
    }
    /* suffix rules, counted over types */
    lrec *r = xmalloc(nt * (SYN_RULE_MAX_SUFFIX + 1) * sizeof *r);
    size_t nr = 0;
    for (size_t i = 0; i < nt; i++) {
        uint32_t cp = 0;
        while (cp < ty[i].fl && cp < ty[i].ll && ty[i].f[cp] == ty[i].l[cp]) cp++;
        uint32_t strip = ty[i].fl - cp;
        if (strip > 250) continue;
        for (uint32_t L = 0; L <= SYN_RULE_MAX_SUFFIX && L <= ty[i].fl; L++) {
            r[nr].key = syn_rule_key(ty[i].f + ty[i].fl - L, L, ty[i].x);
            r[nr].strip = strip; r[nr].app = ty[i].l + cp; r[nr].alen = ty[i].ll - cp;
            nr++;
        }
    }
    qsort(r, nr, sizeof *r, cmp_lrec);
    lmap rules = { 0 };
    for (size_t i = 0; i < nr;) {
        size_t j = i, best = 0, bi = i, tot = 0;
        while (j < nr && r[j].key == r[i].key) {
            size_t l = j;
            while (l < nr && cmp_lrec(&r[l], &r[j]) == 0) l++;
            if (l - j > best) { best = l - j; bi = j; }
            tot += l - j;
            j = l;
        }
        if (best >= 2 && best * 2 > tot)
            lmap_add(&rules, r[bi].key, (uint8_t)(r[bi].strip + 1), r[bi].app, r[bi].alen);
        i = j;
    }
    /* exceptions: treebank types the rules get wrong */
    lbuilt rb;
    syn_strmap rv;
    lmap_build(&rules, &rb, &rv);
    lmap all = rules;
    char lbuf[512];
    size_t nexc = 0;
    for (size_t i = 0; i < nt; i++) {
        const char *ms;
        size_t l = syn_lemma(&rv, ty[i].f, ty[i].fl, ty[i].x, lbuf, sizeof lbuf, &ms);
        if (l != ty[i].ll || memcmp(lbuf, ty[i].l, l) != 0) {
            lmap_add(&all, syn_lemma_key(ty[i].f, ty[i].fl, ty[i].x), 0, ty[i].l, ty[i].ll);
            nexc++;
        }
    }
    /* WordNet exception lists */
    size_t nwn = 0;
    if (wordnet) {
        static const struct { const char *file; int xpos[4]; } wn[] = {
            { "verb.exc", { XPOS_VBD, XPOS_VBN, XPOS_VBZ, XPOS_VBG } },
            { "noun.exc", { XPOS_NNS, XPOS_NNPS, 0, 0 } },
            { "adj.exc", { XPOS_JJR, XPOS_JJS, 0, 0 } },
            { "adv.exc", { XPOS_RBR, XPOS_RBS, 0, 0 } },
        };
        for (size_t w = 0; w < 4; w++) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", wordnet, wn[w].file);
            FILE *f = fopen(path, "r");
            if (!f) die("cannot open", path);
            char line[512];
            while (fgets(line, sizeof line, f)) {
                char form[256], lem[256];
                if (sscanf(line, "%255s %255s", form, lem) != 2) continue;
                if (strchr(form, '_') || strchr(lem, '_')) continue;
                size_t fl = strlen(form), ll = strlen(lem);
                for (int x = 0; x < 4 && wn[w].xpos[x]; x++) {
                    int xp = wn[w].xpos[x];
                    /* the treebank wins where it has the word */
                    ltype key = { form, (uint32_t)fl, (uint8_t)xp, "", 0 };
                    size_t lo = 0, hi = nt;
                    while (lo < hi) {
                        size_t mid = (lo + hi) / 2;
                        ltype a = ty[mid]; a.l = ""; a.ll = 0;
                        if (cmp_ltype(&a, &key) < 0) lo = mid + 1; else hi = mid;
                    }
                    if (lo < nt && ty[lo].fl == fl && memcmp(ty[lo].f, form, fl) == 0 && ty[lo].x == xp) continue;
                    const char *ms;
                    size_t l = syn_lemma(&rv, form, fl, xp, lbuf, sizeof lbuf, &ms);
                    if (l == ll && memcmp(lbuf, lem, l) == 0) continue;
                    lmap_add(&all, syn_lemma_key(form, fl, xp), 0, lem, ll);
                    nwn++;
                }
            }
            fclose(f);
        }
    }
    /* regular inflections of WordNet's verbs ("shelled", "raided",
     * "freed", "eyed") where the suffix rules, learned from a treebank
     * that may not hold the word, would cut them wrongly ("shel",
     * "raide"); a form two verbs could inflect to ("singed") is left to
     * the rules */
    size_t nreg = 0;
    if (wordnet) {
        char path[1024];
        snprintf(path, sizeof path, "%s/index.verb", wordnet);
        FILE *f = fopen(path, "r");
        if (!f) die("cannot open", path);
        size_t cap = 1 << 16, ng = 0;
        vgen *g = xmalloc(cap * sizeof *g);
        char line[4096];
        while (fgets(line, sizeof line, f)) {
            if (line[0] == ' ') continue; /* licence header */
            char v[48];
            if (sscanf(line, "%47s", v) != 1) continue;
            size_t n = strlen(v), ok = n >= 2;
            for (size_t i = 0; i < n && ok; i++) ok = v[i] >= 'a' && v[i] <= 'z';
            if (!ok) continue;
            char last = v[n - 1], prev = v[n - 2];
            int vow_l = strchr("aeiou", last) != NULL, vow_p = strchr("aeiou", prev) != NULL;
            int cvc = !vow_l && vow_p && !strchr("wxy", last) && (n < 3 || !strchr("aeiou", v[n - 3]));
            char forms[8][64];
            uint8_t xs[8];
            int nf = 0;
            #define GEN(x_, ...) do { if (nf < 8) { snprintf(forms[nf], 64, __VA_ARGS__); xs[nf++] = (uint8_t)(x_); } } while (0)
            if (last == 'e') { GEN(XPOS_VBD, "%sd", v); }
            else if (last == 'y' && !vow_p) { GEN(XPOS_VBD, "%.*sied", (int)(n - 1), v); }
            else { GEN(XPOS_VBD, "%sed", v); if (cvc) GEN(XPOS_VBD, "%s%ced", v, last); }
            if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && prev != 'i') GEN(XPOS_VBG, "%.*sing", (int)(n - 1), v);
            else if (last == 'e' && prev == 'i') GEN(XPOS_VBG, "%.*sying", (int)(n - 2), v);
            else { GEN(XPOS_VBG, "%sing", v); if (cvc) GEN(XPOS_VBG, "%s%cing", v, last); }
            if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's'))) GEN(XPOS_VBZ, "%ses", v);
            else if (last == 'y' && !vow_p) GEN(XPOS_VBZ, "%.*sies", (int)(n - 1), v);
            else GEN(XPOS_VBZ, "%ss", v);
            #undef GEN
            for (int q = 0; q < nf; q++) {
                if (ng + 2 > cap) { cap *= 2; g = xrealloc(g, cap * sizeof *g); }
                memcpy(g[ng].f, forms[q], 64); memcpy(g[ng].l, v, 48); g[ng].x = xs[q]; ng++;
                if (xs[q] == XPOS_VBD) { g[ng] = g[ng - 1]; g[ng].x = XPOS_VBN; ng++; }
            }
        }
        fclose(f);
        /* sort by (form, xpos) to find forms with two candidate lemmas */
        qsort(g, ng, sizeof *g, cmp_gen);
        lbuilt b0;
        syn_strmap view0;
        lmap_build(&all, &b0, &view0);
        for (size_t i = 0; i < ng;) {
            size_t j = i + 1;
            int amb = 0;
            while (j < ng && g[j].x == g[i].x && !strcmp(g[j].f, g[i].f)) {
                if (strcmp(g[j].l, g[i].l)) amb = 1;
                j++;
            }
            size_t fl = strlen(g[i].f), ll = strlen(g[i].l);
            int xp = g[i].x;
            if (!amb) {
                ltype key = { g[i].f, (uint32_t)fl, (uint8_t)xp, "", 0 };
                size_t lo = 0, hi = nt;
                while (lo < hi) {
                    size_t mid = (lo + hi) / 2;
                    ltype a = ty[mid]; a.l = ""; a.ll = 0;
                    if (cmp_ltype(&a, &key) < 0) lo = mid + 1; else hi = mid;
                }
                int in_tb = lo < nt && ty[lo].fl == fl && memcmp(ty[lo].f, g[i].f, fl) == 0 && ty[lo].x == xp;
                const char *ms;
                size_t l = syn_lemma(&rv, g[i].f, fl, xp, lbuf, sizeof lbuf, &ms);
                if (!in_tb && !(l == ll && memcmp(lbuf, g[i].l, l) == 0) &&
                    syn_strmap_find(&view0, syn_lemma_key(g[i].f, fl, xp)) < 0) {
                    lmap_add(&all, syn_lemma_key(g[i].f, fl, xp), 0, g[i].l, ll);
                    nreg++;
                }
            }
            i = j;
        }
        free(g);
        free(b0.keys); free(b0.off); free(b0.len); free(b0.strip); free(b0.pool);
    }
    syn_strmap view;
    lmap_build(&all, out, &view);
    fprintf(stderr, "lemmas: %zu types, %zu rules, %zu exceptions, %zu from WordNet, %zu regular verb forms\n",
            nt, rules.n, nexc, nwn, nreg);
    free(r); free(t); free(ty);
}

/* ------------------------------------------------------------ export */
typedef struct sparse {
    uint32_t slots, entries;
    uint32_t *keys, *start; uint8_t *len, *cls; int16_t *w;
    syn_slot4 *dense;   /* four-class tables */
} sparse;

static double table_scale(const ap *a, double prune)
{
    double mx = 0;
    for (size_t o = 0; o < (size_t)a->rows * a->nc; o++) {
        double v = fabs(ap_avg(a, o));
        if (v >= prune && v > mx) mx = v;
    }
    return mx > 0 ? 32000.0 / mx : 1.0;
}

static void export_table(const ap *a, double prune, sparse *t)
{
    uint32_t kept = 0;
    size_t ent = 0;
    for (uint32_t r = 0; r < a->rows; r++) {
        uint32_t e = 0;
        for (uint32_t c = 0; c < a->nc; c++)
            if (fabs(ap_avg(a, (size_t)r * a->nc + c)) >= prune) e++;
        if (e) { kept++; ent += e; }
    }
    uint32_t slots = 16;
    while (slots < 2 * kept + 1) slots *= 2;   /* load <= 1/2: misses stop early */
    t->slots = slots; t->entries = 0;
    t->keys = xcalloc(slots, 4); t->start = xcalloc(slots, 4); t->len = xcalloc(slots, 1);
    t->cls = xmalloc(ent + 1); t->w = xmalloc((ent + 1) * sizeof *t->w);
    double scale = table_scale(a, prune);
    for (uint32_t r = 0; r < a->rows; r++) {
        uint64_t h = a->rowkey[r];
        uint32_t key = syn_key(h), j = (uint32_t)h & (slots - 1), first = t->entries;
        for (uint32_t c = 0; c < a->nc; c++) {
            double v = ap_avg(a, (size_t)r * a->nc + c);
            if (fabs(v) >= prune) { t->cls[t->entries] = (uint8_t)c; t->w[t->entries] = (int16_t)lrint(v * scale); t->entries++; }
        }
        if (t->entries == first) continue;
        int dup = 0;
        while (t->keys[j]) { if (t->keys[j] == key) { dup = 1; break; } j = (j + 1) & (slots - 1); }
        if (dup) { t->entries = first; continue; }
        t->keys[j] = key; t->start[j] = first; t->len[j] = (uint8_t)(t->entries - first);
    }
}

static void export_dense4(const ap *a, double prune, sparse *t)
{
    uint32_t kept = 0;
    for (uint32_t r = 0; r < a->rows; r++) {
        int any = 0;
        for (uint32_t c = 0; c < 4; c++) any |= fabs(ap_avg(a, (size_t)r * 4 + c)) >= prune;
        kept += (uint32_t)any;
    }
    uint32_t slots = 16;
    while (slots < 2 * kept + 1) slots *= 2;
    double scale = table_scale(a, prune);
    memset(t, 0, sizeof *t);
    t->slots = slots;
    t->dense = xcalloc(slots, sizeof *t->dense);
    for (uint32_t r = 0; r < a->rows; r++) {
        syn_slot4 s;
        memset(&s, 0, sizeof s);
        int any = 0;
        for (uint32_t c = 0; c < 4; c++) {
            double v = ap_avg(a, (size_t)r * 4 + c);
            if (fabs(v) >= prune) { any = 1; s.w[c] = (int16_t)lrint(v * scale); }
        }
        if (!any) continue;
        uint64_t h = a->rowkey[r];
        s.key = syn_key(h);
        uint32_t j = (uint32_t)h & (slots - 1);
        int dup = 0;
        while (t->dense[j].key) { if (t->dense[j].key == s.key) { dup = 1; break; } j = (j + 1) & (slots - 1); }
        if (!dup) t->dense[j] = s;
    }
}

static void put(FILE *f, const void *p, size_t n)
{
    static const char zero[8] = { 0 };
    if (n && fwrite(p, 1, n, f) != n) die("write failed", NULL);
    size_t pad = (8 - n % 8) % 8;
    if (pad && fwrite(zero, 1, pad, f) != pad) die("write failed", NULL);
}

static void put_table(FILE *f, const sparse *t)
{
    put(f, t->keys, (size_t)t->slots * 4); put(f, t->start, (size_t)t->slots * 4);
    put(f, t->len, t->slots); put(f, t->cls, t->entries); put(f, t->w, (size_t)t->entries * 2);
}

/* ------------------------------------------------------------ evaluation */
static void evaluate(const char *model_path, const corpus *c, int news_only, const char *name)
{
    clio_error err;
    syntax_model *m = syntax_load(model_path, &err);
    if (!m) die(err.message, model_path);
    syntax_ws *ws = syntax_ws_new(m);
    size_t tot = 0, upos = 0, xpos = 0, lem = 0, uas = 0, las = 0, nsent = 0, nopunct = 0, uas_np = 0;
    tok *toks = NULL;
    size_t cap = 0;
    clock_t t0 = clock();
    for (size_t s = 0; s < c->n; s++) {
        const tsent *x = &c->s[s];
        if (news_only && !x->news) continue;
        if (x->n > cap) { cap = x->n; toks = xrealloc(toks, cap * sizeof *toks); }
        memset(toks, 0, x->n * sizeof *toks);
        for (uint32_t i = 0; i < x->n; i++) { toks[i].form = x->form[i]; toks[i].form_len = x->flen[i]; }
        if (syntax_annotate(m, ws, toks, x->n, NULL) != 0) die("annotate failed", NULL);
        nsent++;
        for (uint32_t i = 0; i < x->n; i++) {
            tot++;
            upos += toks[i].upos == x->upos[i];
            xpos += toks[i].xpos == x->xpos[i];
            char gl[512];
            uint32_t ll = x->llen[i] < sizeof gl ? x->llen[i] : (uint32_t)sizeof gl;
            syn_lower(x->lemma[i], ll, gl);
            lem += toks[i].lemma_len == ll && memcmp(toks[i].lemma, gl, ll) == 0;
            int hok = toks[i].head == x->head[i];
            uas += (size_t)hok;
            las += hok && (toks[i].deprel == x->deprel[i] ||
                           (x->deprel[i] == DEP_ROOT && toks[i].head < 0));
            if (x->upos[i] != UPOS_PUNCT) { nopunct++; uas_np += (size_t)hok; }
        }
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("%s: %zu sentences, %zu words: UPOS %.2f XPOS %.2f lemma %.2f UAS %.2f LAS %.2f (UAS no punct %.2f)  %.0f sent/s\n",
           name, nsent, tot, 100.0 * (double)upos / (double)tot, 100.0 * (double)xpos / (double)tot,
           100.0 * (double)lem / (double)tot, 100.0 * (double)uas / (double)tot,
           100.0 * (double)las / (double)tot, 100.0 * (double)uas_np / (double)(nopunct ? nopunct : 1),
           (double)nsent / (secs > 0 ? secs : 1e-9));
    free(toks);
    syntax_ws_free(ws);
    syntax_free(m);
}

int main(int argc, char **argv)
{
    const char *out = "data/models/syntax.bin", *wordnet = NULL, *eval_model = NULL;
    const char *devs[8];
    int ndev = 0, news = 0;
    corpus train = { 0 };
    const char *trains[8];
    int ntrain = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(argv[i], "--dev") && i + 1 < argc && ndev < 8) devs[ndev++] = argv[++i];
        else if (!strcmp(argv[i], "--wordnet") && i + 1 < argc) wordnet = argv[++i];
        else if (!strcmp(argv[i], "--eval") && i + 1 < argc) eval_model = argv[++i];
        else if (!strcmp(argv[i], "--news")) news = 1;
        else if (argv[i][0] == '-') die("unknown option", argv[i]);
        else if (ntrain < 8) trains[ntrain++] = argv[i];
    }
    if (eval_model) {
        for (int i = 0; i < ntrain; i++) {
            corpus c = { 0 };
            read_conllu(trains[i], &c);
            evaluate(eval_model, &c, news, trains[i]);
        }
        return 0;
    }
    if (!ntrain) die("usage: train_syntax [-o OUT] [--dev FILE] [--wordnet DIR] TRAIN.conllu...", NULL);
    clock_t t0 = clock();
    for (int i = 0; i < ntrain; i++) read_conllu(trains[i], &train);
    build_classes(&train);
    fprintf(stderr, "%zu training sentences, %u tag classes\n", train.n, ntags);

    tagdict dict;
    { const char *e3 = getenv("SYN_TAG_EPOCHS"), *e4 = getenv("SYN_PARSE_EPOCHS");
      if (e3) TAG_EPOCHS = atoi(e3);
      const char *e5 = getenv("SYN_SURE_LABEL_PERMILLE");
      if (e5) SURE_LABEL_PERMILLE = (uint32_t)atoi(e5);
      if (e4) PARSE_EPOCHS = atoi(e4); }
    { const char *e1 = getenv("SYN_SURE_MIN"), *e2 = getenv("SYN_SURE_PERMILLE");
      if (e1) SURE_MIN = (size_t)atoi(e1);
      if (e2) SURE_PERMILLE = (size_t)atoi(e2); }
    build_tagdict(&train, &dict);
    fprintf(stderr, "tag dictionary: %zu words\n", dict.n);

    /* jackknifed tags for the parser */
    syn_words sw = { 0 };
    for (int k = 0; k < JACKKNIFE; k++) {
        ap a;
        train_tagger(&a, &dict, &train, JACKKNIFE, k, NULL, 0);
        size_t ok = 0, tot = 0;
        for (size_t s = (size_t)k; s < train.n; s += JACKKNIFE) {
            words_of(&sw, &train.s[s]);
            tag_predict(&a, &dict, &sw, train.s[s].pred);
            for (uint32_t i = 0; i < train.s[s].n; i++) { ok += train.s[s].pred[i] == train.s[s].cls[i]; tot++; }
        }
        fprintf(stderr, "jackknife fold %d: tags %.2f%%\n", k + 1, 100.0 * (double)ok / (double)tot);
        ap_free(&a);
    }
    ap tagger;
    train_tagger(&tagger, &dict, &train, 1, -1, &train, 0);
    /* the second pass learns from the jackknifed first-pass tags on the
     * right, as it will see them at run time; its own random stream keeps
     * the parser's shuffles as they were */
    ap tagger2;
    {
        uint64_t saved = rng_state;
        rng_state = 0x9E3779B97F4A7C15ULL;
        train_tagger(&tagger2, &dict, &train, 1, -1, &train, 1);
        rng_state = saved;
    }
    syn_words_free(&sw);

    ptrain pt;
    memset(&pt, 0, sizeof pt);
    ap_init(&pt.par, SYN_NMOVES);
    ap_init(&pt.lab, DEP_COUNT);
    uint32_t *idx = xmalloc(train.n * sizeof *idx);
    size_t m = 0, maxn = 0;
    for (size_t s = 0; s < train.n; s++) {
        if (train.s[s].n > maxn) maxn = train.s[s].n;
        if (projective(&train.s[s])) idx[m++] = (uint32_t)s;
    }
    pt.instack = xcalloc(maxn + 2, 1);
    fprintf(stderr, "parser: %zu projective sentences of %zu\n", m, train.n);
    for (int e = 0; e < PARSE_EPOCHS; e++) {
        shuffle(idx, m);
        pt.arcs = pt.arcs_ok = pt.labels_ok = 0;
        for (size_t k = 0; k < m; k++) train_parse_sentence(&pt, &train.s[idx[k]], e > 0);
        fprintf(stderr, "  parser epoch %d: train UAS %.2f LAS %.2f\n", e + 1,
                100.0 * (double)pt.arcs_ok / (double)pt.arcs, 100.0 * (double)pt.labels_ok / (double)pt.arcs);
    }

    /* labels the tags settle: (head tag, dependent tag, direction) seen
     * >= 30 times with one label in >= 99% of the gold arcs */
    size_t nsl = (size_t)ntags * ntags * 2;
    uint32_t *lc = xcalloc(nsl * DEP_COUNT, 4);
    for (size_t si = 0; si < train.n; si++) {
        const tsent *x = &train.s[si];
        for (uint32_t i = 0; i < x->n; i++) {
            if (x->head[i] < 0) continue;
            size_t key = ((size_t)x->pred[x->head[i]] * ntags + x->pred[i]) * 2 + (x->head[i] < (int32_t)i);
            lc[key * DEP_COUNT + x->deprel[i]]++;
        }
    }
    uint8_t *sure_label = xcalloc(nsl, 1);
    size_t nsure = 0;
    for (size_t k = 0; k < nsl; k++) {
        uint32_t tot = 0, best = 0, bl = 0;
        for (uint32_t l = 0; l < DEP_COUNT; l++) {
            tot += lc[k * DEP_COUNT + l];
            if (lc[k * DEP_COUNT + l] > best) { best = lc[k * DEP_COUNT + l]; bl = l; }
        }
        if (tot >= SURE_LABEL_MIN && (uint64_t)best * 1000 >= (uint64_t)tot * SURE_LABEL_PERMILLE &&
            bl != DEP_ROOT && bl != 0) {
            sure_label[k] = (uint8_t)bl;
            nsure++;
        }
    }
    free(lc);
    fprintf(stderr, "sure labels: %zu (head tag, dependent tag, direction) triples\n", nsure);

    lbuilt lem;
    learn_lemmas(&train, wordnet, &lem);

    sparse tt, pp, ll;
    const char *pe = getenv("SYN_PRUNE_TAG");
    export_table(&tagger, pe ? atof(pe) : 1.5, &tt);
    sparse tt2;
    export_table(&tagger2, pe ? atof(pe) : 1.5, &tt2);
    /* the gate is a first-pass score margin, in that table's scaled units */
    double gate = TAG_GATE * table_scale(&tagger, pe ? atof(pe) : 1.5);
    if (getenv("SYN_TAG_GATE")) gate = atof(getenv("SYN_TAG_GATE")) * table_scale(&tagger, pe ? atof(pe) : 1.5);
    pe = getenv("SYN_PRUNE_PARSE");
    export_dense4(&pt.par, pe ? atof(pe) : 1.5, &pp);
    pe = getenv("SYN_PRUNE_LABEL");
    export_table(&pt.lab, pe ? atof(pe) : 1.5, &ll);
    /* tag dictionary table */
    uint32_t dslots = 16;
    while (dslots < 2 * dict.n + 1) dslots *= 2;
    uint32_t *dkeys = xcalloc(dslots, 4);
    uint8_t *dval = xcalloc(dslots, 1);
    for (size_t i = 0; i < dict.n; i++) {
        uint64_t h = dict.w[i];
        uint32_t key = syn_key(h), j = (uint32_t)h & (dslots - 1);
        int dup = 0;
        while (dkeys[j]) { if (dkeys[j] == key) { dup = 1; break; } j = (j + 1) & (dslots - 1); }
        if (dup) continue;
        dkeys[j] = key; dval[j] = dict.cls[i];
    }
    syn_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, SYN_MAGIC, 8);
    h.version = SYN_VERSION; h.ntags = ntags; h.dict_slots = dslots;
    h.features = syn_fingerprint();
    h.sure_labels = (uint32_t)nsl;
    h.tag_slots = tt.slots; h.tag_entries = tt.entries;
    h.tag2_slots = tt2.slots; h.tag2_entries = tt2.entries;
    h.tag_gate = gate > 2e9 ? INT32_MAX : (int32_t)lrint(gate);
    h.par_slots = pp.slots; h.par_entries = 0;
    h.lab_slots = ll.slots; h.lab_entries = ll.entries;
    h.lem_slots = lem.slots; h.pool_bytes = lem.pool_bytes;
    FILE *f = fopen(out, "wb");
    if (!f) die("cannot write", out);
    put(f, &h, sizeof h);
    put(f, tag_xpos, ntags); put(f, tag_upos, ntags);
    put(f, dkeys, (size_t)dslots * 4); put(f, dval, dslots);
    put_table(f, &tt); put_table(f, &tt2); put(f, pp.dense, (size_t)pp.slots * sizeof *pp.dense); put_table(f, &ll);
    put(f, sure_label, nsl);
    put(f, lem.keys, (size_t)lem.slots * 4); put(f, lem.off, (size_t)lem.slots * 4);
    put(f, lem.len, lem.slots); put(f, lem.strip, lem.slots); put(f, lem.pool, lem.pool_bytes);
    if (fclose(f) != 0) die("write failed", out);
    fprintf(stderr, "second tagging pass: %u rows/%u weights, gate %d\n", tt2.slots, tt2.entries, h.tag_gate);
    fprintf(stderr, "wrote %s: tagger %u rows/%u weights, parser %u/%u, labeller %u/%u, lemma slots %u; %.1f s CPU\n",
            out, tt.slots, tt.entries, pp.slots, pp.entries, ll.slots, ll.entries, lem.slots,
            (double)(clock() - t0) / CLOCKS_PER_SEC);
    for (int i = 0; i < ndev; i++) {
        corpus c = { 0 };
        read_conllu(devs[i], &c);
        evaluate(out, &c, 0, devs[i]);
    }
    return 0;
}

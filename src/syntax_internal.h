/*
 * syntax_internal.h - what the syntax stage's files (tag.c, parse.c,
 * lemma.c, syntax_model.c) and its trainer (tools/train_syntax.c) share:
 * the model layout, the feature extractors and the transition system.
 *
 * Features are 64-bit hashes of (template, values); the runtime looks them
 * up in sparse tables (a feature maps to a short list of (class, weight)
 * pairs), the trainer in dense averaged-perceptron rows.  Both call the
 * same extractors, so training and annotation see identical features.
 */
#ifndef CLIO_SYNTAX_INTERNAL_H
#define CLIO_SYNTAX_INTERNAL_H

#include "syntax.h"

#define SYN_MAGIC "CLIOSYN1"
#define SYN_VERSION 5u
#define SYN_MAX_TAGS 127   /* dictionary values use bit 0x80 */
#define SYN_SURE 0x80      /* dictionary: tag the word without scoring */
#define SYN_UNKNOWN_AMB 200
#define SYN_NULL_TAG 254      /* tag of a position outside the sentence */
#define SYN_ROOT_TAG 253

/* ------------------------------------------------------------ hashing */
static inline uint64_t syn_fmix(uint64_t h)
{
    h ^= h >> 33; h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
static inline uint64_t syn_feat(uint32_t t, uint64_t a, uint64_t b, uint64_t c)
{
    /* one multiply-xorshift round is enough: inputs are already hashes or
     * small ids, and the slot takes the low bits, the key the high ones */
    uint64_t h = (uint64_t)t * 0x9E3779B97F4A7C15ULL + a * 0xD6E8FEB86659FD93ULL
                 + ((b << 21) | (b >> 43)) * 0xA0761D6478BD642FULL
                 + ((c << 42) | (c >> 22)) * 0xE7037ED1A0B428DBULL;
    h ^= h >> 31;
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 29);
}
uint64_t syn_hash_bytes(const char *s, size_t n, uint64_t seed);

/* ----------------------------------------------- sparse weight tables */
typedef struct syn_table {
    uint32_t mask;            /* slots - 1 (slots a power of two) */
    uint32_t nentries, nclasses;
    const uint32_t *keys;     /* 0 = empty slot */
    const uint32_t *start;    /* first entry of the slot's row */
    const uint8_t *len;       /* entries in the row */
    const uint8_t *cls;       /* class of each entry */
    const int16_t *w;         /* weight of each entry (scaled per table) */
} syn_table;

static inline uint32_t syn_key(uint64_t h) { return (uint32_t)(h >> 32) | 1u; }

/* Adds the row of feature h to scores; no-op when unknown. */
static inline void syn_table_add(const syn_table *t, uint64_t h, int32_t *scores)
{
    uint32_t key = syn_key(h), i = (uint32_t)h & t->mask;
    for (;;) {
        uint32_t k = t->keys[i];
        if (k == key) {
            /* unrolled by four: this loop is most of the tagger's and
             * the labeller's cost */
            const uint8_t *cls = t->cls + t->start[i];
            const int16_t *w = t->w + t->start[i];
            uint32_t len = t->len[i], j = 0;
            for (; j + 4 <= len; j += 4) {
                scores[cls[j]] += w[j];
                scores[cls[j + 1]] += w[j + 1];
                scores[cls[j + 2]] += w[j + 2];
                scores[cls[j + 3]] += w[j + 3];
            }
            for (; j < len; j++)
                scores[cls[j]] += w[j];
            return;
        }
        if (k == 0)
            return;
        i = (i + 1) & t->mask;
    }
}

/* Dense four-class rows (parser moves), key and weights in one slot so a
 * feature costs one cache line. */
typedef struct syn_slot4 { uint32_t key; int16_t w[4]; } syn_slot4;
typedef struct syn_table4 {
    uint32_t mask;
    const syn_slot4 *slots;
} syn_table4;

static inline void syn_table4_add(const syn_table4 *t, uint64_t h, int32_t *scores)
{
    uint32_t key = syn_key(h), i = (uint32_t)h & t->mask;
    for (;;) {
        const syn_slot4 *s = &t->slots[i];
        if (s->key == key) {
            scores[0] += s->w[0]; scores[1] += s->w[1];
            scores[2] += s->w[2]; scores[3] += s->w[3];
            return;
        }
        if (s->key == 0)
            return;
        i = (i + 1) & t->mask;
    }
}

/* Strings keyed by hash: lemma exceptions and suffix rules. */
typedef struct syn_strmap {
    uint32_t mask;
    const uint32_t *keys;     /* 0 = empty */
    const uint32_t *off;      /* into pool */
    const uint8_t *len;
    const uint8_t *strip;     /* rules: bytes to cut before appending */
    const char *pool;
    uint32_t pool_bytes;
} syn_strmap;

/* Looks up h; returns slot index or -1. */
static inline int32_t syn_strmap_find(const syn_strmap *m, uint64_t h)
{
    uint32_t key = syn_key(h), i = (uint32_t)h & m->mask;
    for (;;) {
        uint32_t k = m->keys[i];
        if (k == key)
            return (int32_t)i;
        if (k == 0)
            return -1;
        i = (i + 1) & m->mask;
    }
}

/* ------------------------------------------------------- the file */
/* Header; arrays follow in the order of the fields, each 8-byte aligned:
 * tag_xpos[ntags] u8, tag_upos[ntags] u8, dict_keys[dict_slots] u32,
 * dict_val[dict_slots] u8 (class | SYN_SURE), the tagger table (keys
 * u32[slots], start u32[slots], len u8[slots], cls u8[entries], w
 * i16[entries]), the second-pass tagger table (same layout), the
 * parser's syn_slot4[par_slots], the labeller table
 * (as the tagger's), the sure labels u8[ntags][ntags][2] (label of an arc
 * from head tag to dependent tag, [1] = dependent to the right; 0 = score
 * it), then the lemma map (keys u32, off u32, len u8, strip
 * u8 [lem_slots]) and its pool[pool_bytes]. */
typedef struct syn_header {
    char magic[8];
    uint32_t version, ntags;
    uint32_t dict_slots;
    uint32_t tag_slots, tag_entries;
    uint32_t par_slots, par_entries;
    uint32_t lab_slots, lab_entries;
    uint32_t lem_slots, pool_bytes;
    uint32_t features;        /* syn_fingerprint() of the trainer */
    uint32_t sure_labels;     /* bytes of the sure-label table: ntags * ntags * 2 */
    uint32_t tag2_slots, tag2_entries;
    int32_t tag_gate;         /* second tagging pass when the first's margin is below */
    uint32_t reserved;
} syn_header;

struct syntax_model {
    void *mem;                /* the file: mapped, or read into the heap */
    size_t size;
    int mem_kind;
    uint32_t ntags;
    const uint8_t *tag_xpos, *tag_upos;
    uint32_t dict_mask;
    const uint32_t *dict_keys;
    const uint8_t *dict_val;
    syn_table tagger, tagger2, labeller;
    int32_t tag_gate;
    syn_table4 parser;
    const uint8_t *sure_label;
    syn_strmap lemmas;
};

/* ------------------------------------------------------- words */
/* Per-token hashed views, computed once per sentence. */
typedef struct syn_words {
    uint32_t n, cap;
    uint64_t *w;              /* normalised lower-case form (digits -> 0) */
    uint64_t *suf;            /* 4 per token: last 1..4 bytes */
    uint64_t *pre;            /* 3 per token: first 1..3 bytes */
    uint64_t *shape;
    uint8_t *tag;             /* tag class (tagger output, parser input) */
    uint8_t *amb;             /* most frequent class of the word, or SYN_UNKNOWN_AMB */
    uint8_t *xpos;            /* xpos of the tag */
    uint8_t *tag1;            /* first-pass tags (right context of the second) */
    uint8_t *unsure;          /* first-pass margin below the gate */
} syn_words;

int syn_words_reserve(syn_words *sw, uint32_t n);   /* 0 / -1 OOM */
void syn_words_free(syn_words *sw);
/* Sets token i from its form. */
void syn_words_set(syn_words *sw, uint32_t i, const char *form, size_t len);

/* Tagging only (benchmarks): fills upos and xpos.  0 or CLIO_ERR_NOMEM. */
int syntax_tag(const syntax_model *m, syntax_ws *ws, tok *toks, uint32_t n);

/* tag.c */
#define SYN_TAG_FEATS 27
uint32_t syn_tag_features(const syn_words *sw, uint32_t i, uint64_t *out);
#define SYN_TAG2_FEATS (SYN_TAG_FEATS + 7)
/* Second pass: the features above plus the first-pass tags to the right. */
uint32_t syn_tag2_features(const syn_words *sw, uint32_t i, uint64_t *out);
int syn_tagdict_lookup(const syntax_model *m, uint64_t wh); /* class | SYN_SURE, or -1 */

/* Changes whenever the feature hash or the number of feature templates
 * changes, so a model trained with other features is refused instead of
 * silently giving nonsense. */
#define syn_fingerprint() ((uint32_t)(syn_feat(7, 11, 13, 17) >> 40) ^ \
    ((uint32_t)SYN_TAG_FEATS << 24) ^ ((uint32_t)SYN_TAG2_FEATS << 4) ^ ((uint32_t)SYN_PARSE_FEATS << 16) ^ ((uint32_t)SYN_LABEL_FEATS << 8))

/* ------------------------------------------------------- parser */
enum { SYN_SHIFT = 0, SYN_REDUCE = 1, SYN_LEFT = 2, SYN_RIGHT = 3, SYN_NMOVES = 4 };

typedef struct syn_state {
    uint32_t n, cap;          /* words; index n is the root (at the end) */
    int32_t *stack; uint32_t sp;
    uint32_t b;               /* buffer front */
    int32_t *head;            /* -1 = none yet; n = root */
    uint8_t *label;
    int32_t *lc1, *lc2, *rc1, *rc2;
    uint8_t *nl, *nr;
    uint64_t *lset, *rset;    /* bit per deprel of attached children */
} syn_state;

int syn_state_reserve(syn_state *st, uint32_t n);
void syn_state_free(syn_state *st);
void syn_state_init(syn_state *st, uint32_t n);
void syn_state_arc(syn_state *st, int32_t h, int32_t d, int label);
/* Legal moves as a bit set (1 << move); 0 when terminal or when only the
 * forced "attach s0 to s1" move remains (buffer empty, s0 headless). */
unsigned syn_legal(const syn_state *st);
#define SYN_PARSE_FEATS 57
uint32_t syn_parse_features(const syn_words *sw, const syn_state *st, uint64_t *out);
#define SYN_LABEL_FEATS 17
uint32_t syn_label_features(const syn_words *sw, const syn_state *st, int32_t h, int32_t d, uint64_t *out);

/* ------------------------------------------------------- lemmas */
/* Key of an exception (form, xpos) and of a suffix rule (xpos, suffix). */
uint64_t syn_lemma_key(const char *lower, size_t n, int xpos);
uint64_t syn_rule_key(const char *suffix, size_t n, int xpos);
#define SYN_RULE_MAX_SUFFIX 5
/* Lemma of lower-cased form for xpos: writes up to cap bytes to out and
 * returns the length; *model_str is set when the lemma is a string of the
 * model (then out is unused). */
size_t syn_lemma(const syn_strmap *lm, const char *lower, size_t n, int xpos,
                 char *out, size_t cap, const char **model_str);
/* Feature bits from xpos, the form and the children labels (Voice=Pass). */
uint32_t syn_feats(int xpos, const char *lower, size_t n, uint64_t child_labels);

/* ASCII lower-casing copy (other bytes unchanged). */
static inline void syn_lower(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        out[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
}

#endif

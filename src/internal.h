/*
 * internal.h - structures shared by the stages inside src/ (never installed).
 *
 * Data flows: text.c (validate, NFC, fold) -> segment.c (sentences, tokens)
 * -> syntax (tag.c, parse.c, lemma.c) -> lexicon.c (dictionary image look-up)
 * -> actors.c (actor mentions) -> coder.c (events) -> when.c (dates)
 * -> where.c (places, addresses) -> emit.c (JSONL/TSV/table).
 *
 * Every per-document object lives in the document's arena and is freed at
 * once with it.  Tokens hold byte offsets into the original text; strings
 * they point to are either inside the original text (when unchanged) or in
 * the arena.  Models and dictionaries are immutable and shared by threads.
 */
#ifndef CLIO_INTERNAL_H
#define CLIO_INTERNAL_H

#include "clio.h"
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ---------------------------------------------------------------- arena */
typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
    size_t total; /* bytes handed out, for statistics */
} arena;

void *arena_alloc(arena *a, size_t n);          /* 16-byte aligned, zeroed; NULL on OOM */
void *arena_grow(arena *a, void *p, size_t old_n, size_t new_n); /* realloc-like */
char *arena_strndup(arena *a, const char *s, size_t n); /* NUL-terminated copy */
void arena_reset(arena *a);                      /* keep first block, drop the rest */
void arena_release(arena *a);                    /* free everything */

/* Growable byte buffer (heap), used by emitters and readers. */
typedef clio_buf buf;   /* same layout as the public buffer */
int  buf_reserve(buf *b, size_t extra);          /* 0 or -1 on OOM */
int  buf_put(buf *b, const void *p, size_t n);
int  buf_puts(buf *b, const char *s);
int  buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_free(buf *b);

/* ------------------------------------------------------- text stage */
/* Append the folded key of s (see clio_fold) to out; ASCII fast path, no
 * allocation beyond out.  Returns 0 or -1 on OOM. */
int text_fold(const char *s, size_t n, buf *out);
/* Append the NFC form of s to out. 0 or -1. */
int text_nfc(const char *s, size_t n, buf *out);
/* Decode one UTF-8 code point at s[0..n) (text already validated).
 * Returns its length in bytes (>= 1) and stores the code point. */
size_t text_decode(const char *s, size_t n, int32_t *cp);

/* Tokenise a short string (a dictionary name, a query) with exactly the
 * rules the sentence segmenter uses for text.  Writes up to max token
 * byte spans; returns the number of tokens found (may exceed max). */
size_t segment_words(const char *s, size_t n, uint32_t *starts, uint32_t *ends, size_t max);

/* ------------------------------------------------- Universal Dependencies */
/* UPOS tags, in UD's documented order; 0 means "not tagged yet". */
enum upos {
    UPOS_NONE = 0, UPOS_ADJ, UPOS_ADP, UPOS_ADV, UPOS_AUX, UPOS_CCONJ, UPOS_DET,
    UPOS_INTJ, UPOS_NOUN, UPOS_NUM, UPOS_PART, UPOS_PRON, UPOS_PROPN, UPOS_PUNCT,
    UPOS_SCONJ, UPOS_SYM, UPOS_VERB, UPOS_X, UPOS_COUNT
};

/* Penn Treebank XPOS as used in UD English (EWT, GUM). */
enum xpos {
    XPOS_NONE = 0, XPOS_CC, XPOS_CD, XPOS_DT, XPOS_EX, XPOS_FW, XPOS_IN, XPOS_JJ,
    XPOS_JJR, XPOS_JJS, XPOS_LS, XPOS_MD, XPOS_NN, XPOS_NNS, XPOS_NNP, XPOS_NNPS,
    XPOS_PDT, XPOS_POS, XPOS_PRP, XPOS_PRPS /* PRP$ */, XPOS_RB, XPOS_RBR, XPOS_RBS,
    XPOS_RP, XPOS_SYM, XPOS_TO, XPOS_UH, XPOS_VB, XPOS_VBD, XPOS_VBG, XPOS_VBN,
    XPOS_VBP, XPOS_VBZ, XPOS_WDT, XPOS_WP, XPOS_WPS /* WP$ */, XPOS_WRB,
    XPOS_COMMA /* , */, XPOS_PERIOD /* . */, XPOS_COLON /* : */, XPOS_LQUOTE /* `` */,
    XPOS_RQUOTE /* '' */, XPOS_LRB /* -LRB- */, XPOS_RRB /* -RRB- */, XPOS_HASH /* # */,
    XPOS_DOLLAR /* $ */, XPOS_HYPH, XPOS_NFP, XPOS_ADD, XPOS_AFX, XPOS_GW, XPOS_XX,
    XPOS_COUNT
};

/* UD relations (with the subtypes English treebanks use).  Append only. */
enum deprel {
    DEP_NONE = 0, DEP_ACL, DEP_ACL_RELCL, DEP_ADVCL, DEP_ADVCL_RELCL, DEP_ADVMOD,
    DEP_AMOD, DEP_APPOS, DEP_AUX, DEP_AUX_PASS, DEP_CASE, DEP_CC, DEP_CC_PRECONJ,
    DEP_CCOMP, DEP_CLF, DEP_COMPOUND, DEP_COMPOUND_PRT, DEP_CONJ, DEP_COP,
    DEP_CSUBJ, DEP_CSUBJ_PASS, DEP_DEP, DEP_DET, DEP_DET_PREDET, DEP_DISCOURSE,
    DEP_DISLOCATED, DEP_EXPL, DEP_FIXED, DEP_FLAT, DEP_GOESWITH, DEP_IOBJ,
    DEP_LIST, DEP_MARK, DEP_NMOD, DEP_NMOD_POSS, DEP_NMOD_TMOD, DEP_NMOD_NPMOD,
    DEP_NMOD_UNMARKED, DEP_NSUBJ, DEP_NSUBJ_PASS, DEP_NSUBJ_OUTER, DEP_NUMMOD,
    DEP_OBJ, DEP_OBL, DEP_OBL_AGENT, DEP_OBL_NPMOD, DEP_OBL_TMOD, DEP_OBL_UNMARKED,
    DEP_ORPHAN, DEP_PARATAXIS, DEP_PUNCT, DEP_REPARANDUM, DEP_ROOT, DEP_VOCATIVE,
    DEP_XCOMP, DEP_DET_POSS, DEP_FLAT_FOREIGN, DEP_COMPOUND_LVC, DEP_EXPL_PV,
    DEP_ADVMOD_EMPH, DEP_NMOD_DESC, DEP_OBL_OUTER,
    DEP_COUNT
};

/* Morphological features the coder needs (UD FEATS), as bits. */
enum feat_bits {
    FEAT_TENSE_PAST   = 1u << 0,
    FEAT_TENSE_PRES   = 1u << 1,
    FEAT_TENSE_FUT    = 1u << 2,
    FEAT_VERBFORM_FIN = 1u << 3,
    FEAT_VERBFORM_INF = 1u << 4,
    FEAT_VERBFORM_PART= 1u << 5,
    FEAT_VERBFORM_GER = 1u << 6,
    FEAT_NUMBER_SING  = 1u << 7,
    FEAT_NUMBER_PLUR  = 1u << 8,
    FEAT_VOICE_PASS   = 1u << 9,
    FEAT_MOOD_IND     = 1u << 10,
    FEAT_MOOD_IMP     = 1u << 11,
    FEAT_PERSON_1     = 1u << 12,
    FEAT_PERSON_2     = 1u << 13,
    FEAT_PERSON_3     = 1u << 14,
    FEAT_POLARITY_NEG = 1u << 15,
    FEAT_DEGREE_CMP   = 1u << 16,
    FEAT_DEGREE_SUP   = 1u << 17,
    FEAT_PRONTYPE_PRS = 1u << 18,
    FEAT_POSS         = 1u << 19
};

/* Names for the enums above ("NOUN", "NNP", "nsubj:pass", ...). ud.c */
const char *upos_name(int upos);
const char *xpos_name(int xpos);
const char *deprel_name(int deprel);
int upos_from_name(const char *s, size_t n);   /* 0 when unknown */
int xpos_from_name(const char *s, size_t n);
int deprel_from_name(const char *s, size_t n); /* unknown subtype -> its base */
/* Writes UD FEATS text ("Number=Plur|Tense=Past") or "_" ; returns length. */
size_t feats_format(uint32_t feats, char *out, size_t cap);
uint32_t feats_parse(const char *s, size_t n);

/* ---------------------------------------------------------------- tokens */
enum tok_flags {
    TOK_SPACE_AFTER = 1u << 0,  /* whitespace follows in the text */
    TOK_CAPITAL     = 1u << 1,  /* first letter upper case */
    TOK_ALLCAPS     = 1u << 2,
    TOK_DIGIT       = 1u << 3,  /* contains a digit */
    TOK_PUNCT       = 1u << 4,  /* only punctuation/symbols */
    TOK_URL         = 1u << 5,
    TOK_EMAIL       = 1u << 6,
    TOK_NONASCII    = 1u << 7,
    TOK_SENT_START  = 1u << 8,
    TOK_LINE_START  = 1u << 9   /* first token on its line */
};

typedef struct tok {
    uint32_t start, end;      /* byte span in the document's original text */
    const char *form;         /* NFC text of the token (not NUL-terminated) */
    const char *fold;         /* matching key: lower case, no diacritics */
    const char *lemma;        /* lower-case lemma, set by the syntax stage */
    uint32_t form_len, fold_len, lemma_len;
    uint32_t flags;           /* enum tok_flags */
    uint32_t feats;           /* enum feat_bits, set by the syntax stage */
    int32_t head;             /* index of head within the sentence, -1 = root */
    uint8_t upos, xpos, deprel, pad;
} tok;

enum sent_flags {
    SENT_BOILERPLATE = 1u << 0, /* repeated line/block: not coded */
    SENT_HEADLINE    = 1u << 1, /* title, or a line without final punctuation */
    SENT_TRUNCATED   = 1u << 2  /* split by the length cap, not by punctuation */
};

typedef struct sent {
    uint32_t start, end;      /* byte span in original text */
    uint32_t first, ntok;     /* tokens [first, first+ntok) of the document */
    uint32_t flags;           /* enum sent_flags */
} sent;

/* Longest sentence handed to later stages; longer runs are split. */
#define CLIO_MAX_SENT_TOKENS 400

/* A calendar date with precision, used by when.c and the document. */
typedef struct ymd {
    int16_t y; int8_t m, d;   /* m, d = 0 when unknown */
} ymd;

#endif

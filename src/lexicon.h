/*
 * lexicon.h - the dictionary stage inside src/: compiled dictionary images,
 * actor-name matching, event patterns, the CAMEO code table and the examples
 * that test the patterns.  The text format is docs/DICTIONARIES.md; the
 * binary image is described in lexicon_image.h.
 *
 * A lexicon is immutable once loaded and may be shared by any number of
 * threads without locks.  Every string it hands out (codes, titles, file
 * names, lemmas) is NUL-terminated and lives as long as the lexicon.
 */
#ifndef CLIO_LEXICON_H
#define CLIO_LEXICON_H

#include "internal.h"

typedef struct lexicon lexicon;

/* ------------------------------------------------------------ loading */
/* Maps the compiled image at image_path (read-only) and, when user_dict_dir
 * is not NULL, compiles every *.txt under it in memory and overlays it: user
 * entries win over the image's for the same name, user CODE lines replace
 * the image's, user patterns are listed before the image's for the same
 * head.  Returns NULL and fills err (CLIO_ERR_IO / CLIO_ERR_MODEL for the
 * image, CLIO_ERR_DICT with file:line for a broken user file).
 * image_path may be NULL to load only the user directory. */
lexicon *lexicon_load(const char *image_path, const char *user_dict_dir, clio_error *err);
/* Same from an image already in memory (copied). */
lexicon *lexicon_load_memory(const void *image, size_t len, clio_error *err);
void lexicon_free(lexicon *lx);

/* ------------------------------------------------------------ compiling */
typedef struct lexicon_stats {
    uint32_t files, lines;
    uint32_t countries, adjs, actors, persons, offices, roles, names;
    uint32_t codes, patterns, examples;
    uint32_t codes_with_pattern;   /* distinct CAMEO codes some pattern emits */
    uint32_t errors;
} lexicon_stats;

/* Compiles the dictionary files named by paths (a file, or a directory read
 * recursively for *.txt in sorted order) into an image appended to image
 * (may be NULL: check only).  Every problem is appended to diag as one line
 * "FILE:LINE: message\n"; all problems of the run are reported.  base (may
 * be NULL) supplies CAMEO codes and persons known beyond these files (a
 * user dictionary checked against the shipped image).  stats may be NULL.
 * Returns 0, CLIO_ERR_DICT when a line is malformed, CLIO_ERR_IO when a
 * file cannot be read, CLIO_ERR_NOMEM.  Thread-safe. */
int lexicon_compile(const char *const *paths, size_t npaths, const lexicon *base,
                    clio_buf *image, clio_buf *diag, lexicon_stats *stats);

/* Splits a short string into tokens exactly like the segmenter and folds
 * each one: toks[k].form/.fold point into text and into fold->data (which
 * must not be reallocated afterwards; the function reserves what it needs).
 * Returns the token count (at most max).  Used for names and by `lookup`. */
size_t lexicon_tokenize(const char *text, size_t len, tok *toks, size_t max, clio_buf *fold);

/* -------------------------------------------------------------- actors */
enum lex_kind {
    LEX_NONE = 0, LEX_COUNTRY, LEX_ADJ, LEX_ACTOR, LEX_PERSON, LEX_ROLE, LEX_KIND_COUNT
};
const char *lex_kind_name(int kind);   /* "COUNTRY", ... */

/* Dates in the image are integers YYYYMMDD; an open start is 0 and an open
 * end LEX_DATE_OPEN. */
#define LEX_DATE_OPEN 99999999

typedef struct lex_match {
    int kind;               /* enum lex_kind */
    uint32_t ntok;          /* tokens matched, counting an optional leading "the" */
    const char *code;       /* actor code (persons: resolved on the date); ROLE: the sector */
    const char *name;       /* the dictionary name that matched, as written */
    const char *title;      /* PERSON: office title on the date, "" outside office; else "" */
    const char *key;        /* PERSON: the key; COUNTRY: the ISO2 code; else "" */
    const char *file;       /* where the entry is written */
    uint32_t line;
    const char *office_file;/* PERSON in office: the OFFICE line, else NULL */
    uint32_t office_line;
    int32_t from, to;       /* PERSON: office dates; ACTOR: its range; YYYYMMDD, 0 / LEX_DATE_OPEN */
    int user;               /* 1 when it comes from the user dictionary */
} lex_match;

/* All entries whose name matches the tokens starting at toks[i] (i < n),
 * comparing fold keys; a leading "the" in the text may be skipped.  Entries
 * with a date range that excludes date are left out (date.y == 0: unknown,
 * every range accepted).  Persons resolve to the OFFICE valid on date (the
 * later-starting when several; the latest office when date is unknown) or
 * else to the PERSON code.  Results are written longest first; among equal
 * lengths user entries first, then ACTOR, PERSON, COUNTRY, ADJ, ROLE.
 * Returns how many were written (<= max); 0 = no match.  No allocation. */
int lexicon_match(const lexicon *lx, const tok *toks, uint32_t i, uint32_t n, ymd date,
                  lex_match *out, int max);

/* A person's offices, for explanations (clio lookup).  idx from 0. */
typedef struct lex_office {
    const char *code, *title, *file;
    uint32_t line;
    int32_t from, to;
} lex_office;
int lexicon_person_offices(const lexicon *lx, const char *key, lex_office *out, int max);

/* ------------------------------------------------------------ patterns */
enum lex_cons_kind {
    LEX_CONS_REL = 1,  /* a child with relation .deprel exactly (deprel_from_name) */
    LEX_CONS_PREP,     /* an obl or nmod child whose `case` child has one of .preps */
    LEX_CONS_MOD,      /* an amod, compound or nmod child */
    LEX_CONS_PRT       /* a compound:prt child (also written +prt:) */
};

#define LEX_SORTED_LIST 8

typedef struct lex_constraint {
    int kind;                  /* enum lex_cons_kind */
    int negative;              /* 1: "-REL:..." no such child may exist */
    int deprel;                /* LEX_CONS_REL: enum deprel; else DEP_NONE */
    const char *prep;          /* LEX_CONS_PREP: the case word ("on"); else NULL */
    const char *const *preps;  /* LEX_CONS_PREP: all alternatives ("+@over|@against:*"), */
    uint32_t npreps;           /* preps[0] == prep; npreps >= 1.  Else 0. */
    const char *const *lemmas; /* the child's lemma must be one of these (sorted by strcmp when
                                  there are more than LEX_SORTED_LIST) ... */
    uint32_t nlemmas;          /* ... 0 = any lemma ("REL:*") */
} lex_constraint;

enum lex_slot_kind {
    LEX_SLOT_SUBJ = 1,  /* nsubj; passive: the `by` agent; nouns: subject of the light verb */
    LEX_SLOT_OBJ,       /* obj */
    LEX_SLOT_IOBJ,      /* iobj */
    LEX_SLOT_POSS,      /* nmod:poss */
    LEX_SLOT_MOD,       /* an adjective / compound actor ("Russian attacks") */
    LEX_SLOT_PREP,      /* obl/nmod marked by .prep */
    LEX_SLOT_COMP,      /* subject of a clausal complement */
    LEX_SLOT_XOBJ       /* object controlling an xcomp ("urged Iran to") */
};

typedef struct lex_slot {
    int kind;           /* enum lex_slot_kind */
    const char *prep;   /* LEX_SLOT_PREP: the case word; else NULL */
} lex_slot;

#define LEX_MAX_SLOTS 8

enum lex_frame {
    LEX_FRAME_NONE = 0, LEX_FRAME_INTENT, LEX_FRAME_APPEAL, LEX_FRAME_REJECT,
    LEX_FRAME_SAY, LEX_FRAME_DENY
};
const char *lex_slot_name(int kind);    /* "subj", ... ("@" for PREP) */
const char *lex_frame_name(int frame);  /* "", "intent", ... */

enum lex_pattern_flags {
    LEX_PAT_SYM = 1u << 0,     /* symmetric act: coordinated sources / both directions */
    LEX_PAT_PAIRSYM = 1u << 1  /* coordinated sources act on each other; a named target is one way */
};

/* One EVENT line, decoded.  Slot lists are complete: the compiler fills the
 * documented defaults when a line gives no src= / tgt=, so the coder tries
 * src[0..nsrc) in order and takes the first that yields an actor. */
typedef struct lex_pattern {
    const char *code;               /* CAMEO code emitted ("040") */
    const char *const *heads;       /* head lemma alternatives, lower case */
    uint32_t nheads;
    int pos;                        /* 'V' or 'N' */
    const lex_constraint *cons;     /* all must hold */
    uint32_t ncons;
    lex_slot src[LEX_MAX_SLOTS];
    uint32_t nsrc;
    lex_slot tgt[LEX_MAX_SLOTS];
    uint32_t ntgt;
    uint32_t flags;                 /* enum lex_pattern_flags */
    const char *intent;             /* code when only intended/future, NULL = none */
    const char *appeal;             /* code when called for / urged, NULL = none */
    const char *reject;             /* code when refused, NULL = none */
    const char *neg;                /* code when the predicate is negated, NULL = drop */
    int frame;                      /* enum lex_frame */
    const char *file;               /* where the EVENT line is */
    uint32_t line;
    uint32_t first_example;         /* its EX lines: lexicon_example(first_example + k) */
    uint32_t nexamples;
    int user;                       /* 1 when from the user dictionary */
} lex_pattern;

/* The patterns whose head is lemma (lower case, not NUL-terminated) with
 * part of speech pos ('V' or 'N').  Order: user patterns first, then the
 * image's, each in file order; patterns with more constraints are not
 * reordered, the coder chooses.  *count receives the number; NULL when
 * none.  The array lives as long as the lexicon.  No allocation. */
const lex_pattern *lexicon_patterns(const lexicon *lx, const char *lemma, size_t len, int pos,
                                    uint32_t *count);
uint32_t lexicon_pattern_count(const lexicon *lx);
const lex_pattern *lexicon_pattern(const lexicon *lx, uint32_t i);

/* ------------------------------------------------------------- codes */
typedef struct lex_code {
    const char *code;       /* "040" */
    double goldstein;
    int quad;               /* 1..4 */
    const char *plover_event; /* "CONSULT" or "-" */
    const char *plover_mode;  /* "visit" or "-" */
    const char *name;
    const char *file;
    uint32_t line;
} lex_code;
/* NULL when the code is unknown. */
const lex_code *lexicon_code(const lexicon *lx, const char *code);
uint32_t lexicon_code_count(const lexicon *lx);
const lex_code *lexicon_code_at(const lexicon *lx, uint32_t i);   /* sorted by code */

/* ------------------------------------------------------------ examples */
typedef struct lex_expect {
    const char *src;        /* actor code, or "-" */
    const char *tgt;        /* actor code, or "-" for no target */
    const char *code;       /* CAMEO code */
} lex_expect;

typedef struct lex_example {
    const char *sentence;
    const char *expected;   /* the expected-events text as written */
    const lex_expect *events;
    uint32_t nevents;       /* 0 with expect_none = "none" */
    int expect_none;
    const lex_pattern *pattern;   /* the EVENT it follows */
    const char *file;
    uint32_t line;
} lex_example;
uint32_t lexicon_example_count(const lexicon *lx);
const lex_example *lexicon_example(const lexicon *lx, uint32_t i);

/* Counts of what is loaded. */
void lexicon_get_stats(const lexicon *lx, lexicon_stats *st);

/* --------------------------------------------- helpers shared by the stage */
/* 1 when s is a well-formed actor code (docs/DICTIONARIES.md), a ROLE
 * sector (one or two known roles). */
int lex_actor_code_ok(const char *s, size_t n);
int lex_role_ok(const char *s, size_t n);
/* YYYYMMDD of a date; unknown month -> July 1st, unknown day -> the 15th;
 * 0 when y == 0. */
int32_t lex_date_key(ymd d);
/* Parses "YYYY-MM-DD" (exactly 10 bytes, a real calendar day) into
 * YYYYMMDD; returns 0 and sets *out, or -1. */
int lex_parse_date(const char *s, size_t n, int32_t *out);

#endif

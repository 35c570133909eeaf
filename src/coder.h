/*
 * coder.h - events: the coder's result for one document (internal).
 */
#ifndef CLIO_CODER_H
#define CLIO_CODER_H

#include "engine.h"

enum date_prec { DPREC_NONE = 0, DPREC_DAY, DPREC_MONTH, DPREC_YEAR, DPREC_DOCUMENT };
enum place_prec { PPREC_NONE = 0, PPREC_ADDRESS, PPREC_CITY, PPREC_ADMIN1, PPREC_COUNTRY, PPREC_REGION };

typedef struct actor_ref {
    char code[16];            /* CAMEO actor code, "" = none */
    uint32_t start, end;      /* byte span of the mention in the document */
} actor_ref;

typedef struct event_date {
    ymd value;
    uint8_t precision;        /* enum date_prec */
    uint32_t start, end;      /* span of the expression, 0/0 when derived */
} event_date;

typedef struct event_place {
    const char *name;         /* NUL-terminated (gazetteer or arena) */
    char country[4];          /* ISO3 */
    const char *admin1;       /* may be NULL */
    double lat, lon;
    uint8_t precision;        /* enum place_prec; 0 = no location */
    uint32_t start, end;      /* span of the place mention */
} event_place;

typedef struct event {
    uint32_t sentence;        /* 0-based index among the document's sentences */
    actor_ref src, tgt;
    char code[8];             /* CAMEO code */
    float goldstein;
    uint8_t quad;             /* 1..4 */
    uint8_t negated, background;
    const char *plover_event, *plover_mode, *code_name;
    event_date date;
    event_place place;
    const char *rule_file;    /* dictionary entry that fired */
    uint32_t rule_line;
    uint32_t ev_start, ev_end;/* span of the predicate */
    uint32_t mentions;        /* times the story repeats it */
    const char *path;         /* explanation: the tree path used (arena) */
} event;

typedef struct coder_result {
    event *events;
    uint32_t nevents;
    /* explanations of predicates that produced nothing */
    struct coder_note {
        uint32_t sentence, start, end;
        const char *why;
    } *notes;
    uint32_t nnotes;
    /* what the stages found, per sentence, for `clio explain` */
    struct coder_span {
        uint32_t sentence, start, end;
        char label[64];       /* "UKR+RUS", "2025-05-16 (day)", "Istanbul, TUR" */
        const char *how;      /* rule or reason */
        uint8_t kind;         /* 'A' actor, 'D' date, 'P' place */
    } *spans;
    uint32_t nspans;
} coder_result;

/* ------------------------------------------------ actor mentions (actors.c) */
#define MENTION_MAX_CODES 6

enum mention_kind {
    MEN_NAME = 1,       /* country, actor, person: a name in the dictionary */
    MEN_ADJ,            /* a country adjective/demonym alone ("Russian attacks") */
    MEN_ROLE,           /* a role with its country ("Russian troops", "Ukraine's army") */
    MEN_ROLE_BARE,      /* a role whose country comes from the context ("police said") */
    MEN_PRONOUN,        /* it, its, they, their, them: resolved in the document */
    MEN_PAIR            /* "both sides", "the two sides": the document's pair */
};

typedef struct mention {
    uint32_t first, last;       /* sentence-relative tokens, inclusive */
    uint32_t head;              /* the mention's syntactic head token */
    uint8_t kind, ncodes;
    char codes[MENTION_MAX_CODES][16];
    const char *file;           /* dictionary entry (first code) */
    uint32_t line;
    const char *how;            /* short explanation: "name", "adjective + role", ... */
} mention;

/* The document's discourse memory: what pronouns and "both sides" resolve to. */
typedef struct discourse {
    char main_country[4];       /* most mentioned country so far */
    char pair[2][16];           /* the last two-party group ("Ukrainian and Russian ...") */
    int have_pair;
    char last_subject[MENTION_MAX_CODES][16];
    int n_last_subject;
    char last_plural[MENTION_MAX_CODES][16];
    int n_last_plural;
    char last_single[16];
    struct { char cc[4]; uint32_t n; } counts[64];
    int ncounts;
    char place_country[4];      /* country of the current sentence's first place, "" */
    char story_country[4];      /* country of the dateline's place, "" */
    struct dpair { char a[16], b[16]; uint32_t score, last; } pairs[16];
    int npairs;
    uint32_t clock;
} discourse;

struct lexicon;
/* Finds the actor mentions of one sentence (toks annotated by the syntax
 * stage), resolving pronouns and pairs against the discourse memory and
 * then updating it.  Writes at most max mentions; tok2men[k] receives the
 * mention index covering token k or -1.  Returns the number of mentions. */
uint32_t actors_find(const struct lexicon *lx, const tok *toks, uint32_t n, ymd date,
                     discourse *dc, mention *out, uint32_t max, int16_t *tok2men);
/* Pre-pass over a sentence: counts named countries for the discourse. */
void actors_count(const struct lexicon *lx, const tok *toks, uint32_t n, ymd date, discourse *dc);

int coder_run(clio_worker *w, clio_doc *d, const clio_process_options *opt);
size_t coder_event_count(const clio_doc *d);

#endif

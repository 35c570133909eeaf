/*
 * clio.h - the one public header of clio, an event-data engine.
 *
 * clio reads news text and records who did what to whom, when and where, as
 * CAMEO and PLOVER events.  Everything a user of the library may touch is
 * here; all symbols start with clio_ / CLIO_.
 *
 * Ownership and threads, in general:
 *  - a clio_engine holds the immutable models, dictionaries and gazetteer;
 *    it is created once, shared read-only by any number of threads;
 *  - a clio_worker is per-thread scratch space; never share one;
 *  - a clio_doc is one processed document, owned by the caller and freed
 *    with clio_doc_free(); strings it returns live as long as it does.
 * The library never prints and never exits.  Errors are negative codes with
 * an optional clio_error filled in.
 */
#ifndef CLIO_H
#define CLIO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CLIO_VERSION "0.1.0"

/* ------------------------------------------------------------- errors */
typedef enum clio_status {
    CLIO_OK            = 0,
    CLIO_ERR_NOMEM     = -1,  /* out of memory */
    CLIO_ERR_IO        = -2,  /* a file could not be read or written */
    CLIO_ERR_UTF8      = -3,  /* invalid UTF-8 (offset = byte offset) */
    CLIO_ERR_JSON      = -4,  /* malformed JSON (offset = byte offset in the line) */
    CLIO_ERR_DICT      = -5,  /* malformed dictionary (file:line) */
    CLIO_ERR_MODEL     = -6,  /* missing or corrupt model / data image */
    CLIO_ERR_USAGE     = -7,  /* bad argument */
    CLIO_ERR_TOO_LARGE = -8,  /* input over a hard limit */
    CLIO_ERR_INPUT     = -9   /* input well-formed but unusable (bad date, NUL byte...) */
} clio_status;

typedef struct clio_error {
    int code;                 /* clio_status */
    size_t offset;            /* byte offset of the problem, when meaningful */
    unsigned line;            /* 1-based line, when meaningful (0 = none) */
    char file[256];           /* file or document id the error is about ("" = none) */
    char message[256];        /* one human-readable sentence, no trailing newline */
} clio_error;

/* Static name of a status code ("invalid UTF-8"). Thread-safe. */
const char *clio_status_name(int code);

/* --------------------------------------------------------- byte buffer */
/* A growable buffer the library writes into; the caller owns data and frees
 * it with clio_buf_free().  Zero-initialise before first use. */
typedef struct clio_buf {
    char *data;
    size_t len, cap;
} clio_buf;
void clio_buf_free(clio_buf *b);

/* ------------------------------------------------------------- text stage */
/* Validate UTF-8.  Returns the byte offset of the first invalid sequence or
 * NUL byte, or (size_t)-1 when the text is valid.  Thread-safe. */
size_t clio_utf8_check(const char *text, size_t len);

/* Copy text into out replacing each invalid sequence with U+FFFD.  Returns
 * the number of replacements (>= 0) or CLIO_ERR_NOMEM. */
long clio_utf8_repair(const char *text, size_t len, clio_buf *out);

/* Folded matching key of a string: NFC, lower case, diacritics removed, and
 * letters decomposition misses mapped (ı->i, ł->l, ø->o, ß->ss, đ->d ...).
 * Appends to out; returns 0 or a negative clio_status.  Thread-safe. */
int clio_fold(const char *text, size_t len, clio_buf *out);

/* ------------------------------------------------------------------ JSON */
/* A small JSON reader (RFC 8259) used for JSON Lines input and gold files.
 * Strict: one value, optional surrounding whitespace, nesting at most 256
 * deep, strings must be valid UTF-8 (\u escapes decoded, lone surrogates
 * refused).  clio_json_parse returns the root (owned by the caller, freed
 * with clio_json_free) or NULL with err->offset at the first bad byte. */
typedef struct clio_json clio_json;
enum clio_json_type { CLIO_JSON_NULL, CLIO_JSON_BOOL, CLIO_JSON_NUMBER, CLIO_JSON_STRING,
                      CLIO_JSON_ARRAY, CLIO_JSON_OBJECT };
clio_json *clio_json_parse(const char *text, size_t len, clio_error *err);
void clio_json_free(clio_json *root);
int clio_json_type(const clio_json *v);                 /* -1 for NULL v */
const clio_json *clio_json_get(const clio_json *obj, const char *key); /* NULL if absent */
size_t clio_json_size(const clio_json *v);              /* members of array/object */
const clio_json *clio_json_at(const clio_json *arr, size_t i);
const char *clio_json_string(const clio_json *v, size_t *len); /* NULL unless string */
double clio_json_number(const clio_json *v);            /* 0 unless number/bool */

/* ----------------------------------------------------------- the engine */
typedef struct clio_engine clio_engine;

typedef struct clio_engine_options {
    const char *data_dir;     /* compiled data (models, dictionary image, gazetteer);
                                 NULL = $CLIO_DATA, else the built-in default */
    const char *user_dict_dir;/* extra dictionary files (--dict), NULL = none */
    unsigned stages;          /* CLIO_STAGE_* bits to load; 0 = all */
} clio_engine_options;

enum clio_stage {
    CLIO_STAGE_SEGMENT = 1u << 0,
    CLIO_STAGE_SYNTAX  = 1u << 1,
    CLIO_STAGE_LEXICON = 1u << 2,
    CLIO_STAGE_CODER   = 1u << 3,
    CLIO_STAGE_WHEN    = 1u << 4,
    CLIO_STAGE_WHERE   = 1u << 5,
    CLIO_STAGE_ALL     = 0x3f
};

void clio_engine_default_options(clio_engine_options *opt);
/* Loads what opt->stages needs.  Returns NULL and fills err on failure.
 * The engine is immutable and thread-safe once returned. */
clio_engine *clio_engine_new(const clio_engine_options *opt, clio_error *err);
void clio_engine_free(clio_engine *e);

/* Per-thread scratch space.  NULL on OOM. Not thread-safe: one per thread. */
typedef struct clio_worker clio_worker;
clio_worker *clio_worker_new(const clio_engine *e);
void clio_worker_free(clio_worker *w);

/* ------------------------------------------------------------- documents */
typedef struct clio_input {
    const char *id;    size_t id_len;     /* document id (any bytes) */
    const char *text;  size_t text_len;   /* the document text, not NUL-terminated */
    const char *date;                     /* "YYYY-MM-DD" or NULL (unknown) */
    const char *title; size_t title_len;  /* optional headline, NULL = none */
    const char *url;   size_t url_len;    /* optional, NULL = none */
} clio_input;

typedef struct clio_process_options {
    int lenient;        /* 1: replace invalid UTF-8 with U+FFFD instead of failing */
    unsigned stages;    /* CLIO_STAGE_* to run; 0 = everything the engine loaded */
    int date_policy;    /* CLIO_DATE_EVENT (default) or CLIO_DATE_STORY */
    int explain;        /* 1: also keep the marked actor/date/place spans that
                           CLIO_FORMAT_EXPLAIN prints (costs ~4% of the time) */
} clio_process_options;

enum { CLIO_DATE_EVENT = 0, CLIO_DATE_STORY = 1 };

void clio_process_default_options(clio_process_options *opt);

typedef struct clio_doc clio_doc;

/* Processes one document.  The text is copied; input may be freed after.
 * Returns NULL and fills err (code, offset, file = document id) when the
 * document cannot be processed (invalid UTF-8 without lenient, NUL byte,
 * bad date ...).  Thread-safe with one worker per thread. */
clio_doc *clio_process(clio_worker *w, const clio_input *in,
                       const clio_process_options *opt, clio_error *err);
void clio_doc_free(clio_doc *d);

typedef struct clio_doc_summary {
    size_t bytes, sentences, tokens, events;
    size_t boilerplate_sentences;   /* repeated lines/blocks kept out of coding */
    size_t replaced_bytes;          /* invalid sequences replaced (lenient) */
} clio_doc_summary;
void clio_doc_get_summary(const clio_doc *d, clio_doc_summary *s);

const char *clio_doc_id(const clio_doc *d, size_t *len);
const char *clio_doc_text(const clio_doc *d, size_t *len);   /* text as processed */

typedef struct clio_sentence {
    size_t start, end;          /* byte span in the document text */
    size_t first_token, ntokens;
    int boilerplate, headline;
} clio_sentence;
size_t clio_doc_sentence_count(const clio_doc *d);
int clio_doc_sentence(const clio_doc *d, size_t i, clio_sentence *out);

typedef struct clio_token {
    size_t start, end;          /* byte span in the document text */
    const char *form;  size_t form_len;   /* NFC */
    const char *fold;  size_t fold_len;   /* matching key */
    const char *lemma; size_t lemma_len;  /* NULL before the syntax stage */
    const char *upos, *xpos, *deprel;     /* static names, "_" when unknown */
    long head;                  /* 0-based index in the sentence, -1 = root */
    int space_after;
} clio_token;
size_t clio_doc_token_count(const clio_doc *d);
int clio_doc_token(const clio_doc *d, size_t i, clio_token *out);
/* UD FEATS text of token i written to out ("_" when none); returns length. */
size_t clio_doc_token_feats(const clio_doc *d, size_t i, char *out, size_t cap);

/* Tag, lemmatise and parse one pre-tokenised sentence (gold tokens from
 * CoNLL-U, say): returns a clio_doc holding that one sentence, whose text is
 * the forms joined by single spaces.  NULL and err filled on failure. */
clio_doc *clio_annotate_tokens(clio_worker *w, const char *const *forms,
                               const size_t *lens, size_t n, clio_error *err);

/* ==== section: lexicon (dictionary look-up, checks, import) ==== */
/* Dictionary files and the compiled image: docs/DICTIONARIES.md. */

/* Explains, as text for people appended to out, what the engine's
 * dictionaries make of a phrase: every actor entry whose name starts at each
 * token (kind, code, file:line; persons with the office held on date and
 * all their offices; dated actors with their range), and for the other
 * words the event patterns whose head lemma is the word or a naive lemma of
 * it.  date is "YYYY-MM-DD" or NULL (unknown: persons take their latest
 * office).  The engine must have loaded CLIO_STAGE_LEXICON.  Returns 0 or a
 * negative clio_status (err filled when not NULL).  Thread-safe. */
int clio_lookup(const clio_engine *e, const char *text, size_t len, const char *date,
                clio_buf *out, clio_error *err);

/* The same without an engine: loads the image at image_path (NULL = the
 * default data directory's lexicon.img: $CLIO_DATA, else the build's) with
 * the user dictionary directory user_dict_dir overlaid (NULL = none). */
int clio_lookup_image(const char *image_path, const char *user_dict_dir, const char *text,
                      size_t len, const char *date, clio_buf *out, clio_error *err);

/* Checks dictionary files (a file, or a directory read recursively for
 * *.txt) with the compiler's own rules.  CAMEO codes and persons are also
 * looked up in the image at image_path (NULL = the default one; a missing
 * image only weakens the code check, noted in the report).  Appends one
 * "FILE:LINE: message" line per problem to report (may be NULL), and a
 * summary line when all is well.  Returns 0, CLIO_ERR_DICT (problems),
 * CLIO_ERR_IO (unreadable path) or CLIO_ERR_NOMEM.  Thread-safe. */
int clio_dict_check(const char *const *paths, size_t n, const char *image_path, clio_buf *report);

/* Converts a TABARI/PETRARCH dictionary (actor file: NAME_ lines, +SYNONYM_
 * lines and [CODE], [CODE >DATE], [CODE <DATE], [CODE DATE-DATE] code
 * lines; agent file: NOUN [~ROLE] lines with !MACRO! = a, b lists) into
 * clio's format, appended to out: ACTOR lines, PERSON + OFFICE lines for
 * dated codes, ROLE lines.  source_name is used in the header comment and
 * the report.  What cannot be converted is reported in report as
 * "SOURCE:LINE: message" lines.  *converted / *skipped (may be NULL)
 * receive entry counts.  Returns 0 or CLIO_ERR_NOMEM.  Thread-safe. */
int clio_dict_import_phoenix(const char *text, size_t len, const char *source_name,
                             clio_buf *out, clio_buf *report, size_t *converted, size_t *skipped);
/* ==== end section: lexicon ==== */

/* ==== section: where/when (dates, places, addresses, entities) ==== */
/* Processes one document (as clio_process, with opt) and appends to out one
 * JSON object on one line (newline-terminated) listing what it found, each
 * item with its byte span [start, end) in the document text:
 *   {"id", "date", "addresses": [{road, house_number, unit, postcode, city,
 *    province, country, convention, lat, lon}], "people": [{name, code,
 *    title}], "organisations": [{name, code}], "places": [{name, country,
 *    admin1, lat, lon, precision, cue}], "dates": [{value, precision, kind}]}
 * People and organisations need the lexicon stage, places the gazetteer:
 * lists whose stage the engine did not load are empty.  Returns 0, or a
 * negative clio_status with err filled (as clio_process).  Thread-safe with
 * one worker per thread; out is owned by the caller. */
int clio_entities(clio_worker *w, const clio_input *in, const clio_process_options *opt,
                  clio_buf *out, clio_error *err);
/* Looks a place name up in the gazetteer (folded; the most populous match,
 * preferring country iso3 when it is not NULL).  Returns 1 and sets *lat,
 * *lon, or 0 when unknown or the engine has no gazetteer.  Thread-safe. */
int clio_place_lookup(const clio_engine *e, const char *name, const char *iso3, double *lat, double *lon);
/* Great-circle distance in kilometres. */
double clio_distance_km(double lat1, double lon1, double lat2, double lon2);
/* ==== end section: where/when ==== */

/* ==== section: syntax ==== */
/* (declarations added by the syntax stage) */
/* ==== end section: syntax ==== */

/* ---------------------------------------------------------------- events */
typedef struct clio_event_info {
    size_t sentence;                 /* 0-based sentence index */
    const char *source, *target;     /* actor codes; target "" when none */
    size_t source_start, source_end, target_start, target_end; /* byte spans */
    const char *code;                /* CAMEO code */
    double goldstein;
    int quad_class;
    const char *plover_event, *plover_mode;   /* NULL when none */
    char date[16];                   /* "2025-05-16", "2025-05", "2025", "" */
    const char *date_precision;      /* "day", "month", "year", "document", "none" */
    const char *location_name;       /* NULL when no location */
    char location_country[4];
    double lat, lon;
    const char *location_precision;
    int negated, background;
    unsigned mentions;
    const char *rule_file;           /* dictionary entry that fired */
    unsigned rule_line;
    size_t evidence_start, evidence_end;
    const char *path;                /* how the arguments were found (explain) */
} clio_event_info;
size_t clio_doc_event_count(const clio_doc *d);
int clio_doc_event(const clio_doc *d, size_t i, clio_event_info *out);

/* Predicates that produced no event, with the reason (clio explain). */
typedef struct clio_note_info {
    size_t sentence, start, end;
    const char *why;
} clio_note_info;
size_t clio_doc_note_count(const clio_doc *d);
int clio_doc_note(const clio_doc *d, size_t i, clio_note_info *out);

/* --------------------------------------------------------------- output */
typedef enum clio_format {
    CLIO_FORMAT_JSONL = 0,    /* one event per line, docs/OUTPUT.md */
    CLIO_FORMAT_TSV   = 1,    /* GDELT-style columns */
    CLIO_FORMAT_TABLE = 2,    /* readable table */
    CLIO_FORMAT_SEGMENTS = 3, /* sentences and tokens as JSONL (clio segment) */
    CLIO_FORMAT_CONLLU = 4,   /* CoNLL-U (clio parse) */
    CLIO_FORMAT_EXPLAIN = 5   /* readable explanation (clio explain) */
} clio_format;

/* Header line(s) for a format (TSV column names); appends to out. */
int clio_emit_header(clio_format f, clio_buf *out);
/* Appends the document's output in format f to out. 0 or negative status. */
int clio_emit(const clio_doc *d, clio_format f, clio_buf *out);
/* Appends event i alone (JSONL or TSV line). 0 or negative status. */
int clio_emit_event(const clio_doc *d, size_t i, clio_format f, clio_buf *out);

#ifdef __cplusplus
}
#endif
#endif

/*
 * when.h - the date stage inside src/: finds temporal expressions in one
 * sentence and resolves them against an anchor date (the document date) to
 * ISO calendar values with a precision.
 *
 * when_find() reads the tokens of ONE sentence (already annotated by the
 * syntax stage when available: tags resolve "May" the modal, tense decides
 * "on Wednesday"; without tags it falls back on word cues).  It never
 * allocates and never fails: it returns how many expressions it wrote.
 * Thread-safe (no state).
 */
#ifndef CLIO_WHEN_H
#define CLIO_WHEN_H

#include "internal.h"

enum when_precision {
    WHEN_NONE = 0,
    WHEN_DAY,        /* 2025-05-16 */
    WHEN_WEEK,       /* a week or weekend: value..value_end */
    WHEN_MONTH,      /* 2025-05 */
    WHEN_YEAR,       /* 2025 */
    WHEN_DECADE,     /* 1990..1999 */
    WHEN_DOCUMENT    /* no date of its own: the document's date (bare datelines) */
};

enum when_kind {
    WHEN_ABSOLUTE = 1, /* the text names the calendar date ("May 16, 2025") */
    WHEN_RELATIVE,     /* resolved from the anchor ("yesterday", "on Wednesday") */
    WHEN_RANGE,        /* value..value_end ("May 16-18", "last week") */
    WHEN_DATELINE      /* "KYIV, March 3 (Reuters) -" */
};

typedef struct timex {
    uint32_t start, end;     /* byte span in the document text */
    uint32_t first, ntok;    /* tokens [first, first+ntok) of the sentence */
    ymd value;               /* resolved start (d/m = 0 below that precision) */
    ymd value_end;           /* ranges: last day; else equal to value */
    uint8_t precision;       /* enum when_precision */
    uint8_t kind;            /* enum when_kind */
    uint8_t future;          /* 1 when the governing verb was read as future */
    uint8_t pad;
    int32_t anchor_tok;      /* sentence token the expression hangs from, -1 = none */
} timex;

/* Finds the temporal expressions of one sentence (toks[0..n), text = the
 * document text the offsets refer to).  anchor = the document date; with
 * anchor.y == 0 only absolute expressions are resolved (relative ones are
 * skipped).  Writes at most max results in text order; returns the count. */
size_t when_find(const tok *toks, uint32_t n, const char *text, ymd anchor,
                 timex *out, size_t max);

/* ISO 8601 text of a timex: "2025-05-16", "2025-05", "2025", ranges as
 * "2025-05-16/2025-05-18", decades "1990/1999".  Returns the length
 * (snprintf-like; out is always NUL-terminated when cap > 0). */
size_t when_format(const timex *t, char *out, size_t cap);

/* Parses "YYYY-MM-DD" (exactly 10 bytes used).  0 or CLIO_ERR_INPUT. */
int when_parse_iso(const char *s, size_t n, ymd *out);

/* A wire-service dateline at the start of a sentence: CITY[, Region]
 * [, Month Day] [(AGENCY)] DASH ("KYIV, Ukraine, March 3 (Reuters) -",
 * "MOSCOW (AP) —").  Returns its length in tokens (0: none); *place_n =
 * tokens of the place part from token 0, *date_a / *date_n = the date part
 * (date_n = 0: none).  Used by where.c for the dateline place. */
uint32_t when_dateline(const tok *toks, uint32_t n, uint32_t *place_n, uint32_t *date_a,
                       uint32_t *date_n);

/* Calendar helpers (proleptic Gregorian). */
int32_t when_days_from_civil(int y, int m, int d);   /* days since 1970-01-01 */
ymd when_civil_from_days(int32_t days);
int when_days_in_month(int y, int m);
int when_weekday(ymd d);                             /* 0 = Monday .. 6 = Sunday */

#endif

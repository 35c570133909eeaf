/*
 * lexicon_image.h - layout of the compiled dictionary image (lexicon.img),
 * written by lexicon_compile.c and mapped read-only by lexicon.c.
 *
 * The image is one little-endian byte string without pointers:
 *
 *   header   img_header (magic "CLIOLEX\x1a", format version, header size,
 *            total size, lex_checksum() of every byte after the header,
 *            and SEC_COUNT section descriptors {offset, count})
 *   sections each 4-byte aligned, records made only of uint32/int32 fields
 *
 * Strings are offsets into SEC_STR (NUL-terminated; offset 0 is "").  Lists
 * (lemma alternatives, pattern heads) are runs in SEC_LIST of string
 * offsets.  Name look-up is a hash table: SEC_BUCKET holds nb+1 indexes
 * (nb a power of two) so that names whose first folded token hashes (FNV-1a)
 * to bucket b are SEC_NAME[bucket[b] .. bucket[b+1]).  A name's tokens are
 * SEC_TOK[tok .. tok+ntok) (fold strings with their lengths), a leading
 * "the" already removed (flag IMG_NAME_THE records that it was written).
 * Bump LEX_IMAGE_VERSION whenever any record changes.
 */
#ifndef CLIO_LEXICON_IMAGE_H
#define CLIO_LEXICON_IMAGE_H

#include <stdint.h>

#define LEX_IMAGE_MAGIC "CLIOLEX\x1a"
#define LEX_IMAGE_VERSION 2u

enum img_section {
    SEC_STR = 0,   /* bytes */
    SEC_FILE,      /* uint32 string: source file names */
    SEC_NAME,      /* img_name, grouped by bucket */
    SEC_TOK,       /* img_tok */
    SEC_BUCKET,    /* uint32[nb+1] */
    SEC_PERSON,    /* img_person */
    SEC_OFFICE,    /* img_office, grouped by person, sorted by start */
    SEC_CODE,      /* img_code, sorted by code string */
    SEC_PAT,       /* img_pat, in file order */
    SEC_CONS,      /* img_cons */
    SEC_SLOT,      /* img_slot */
    SEC_LIST,      /* uint32 string */
    SEC_EX,        /* img_ex, in file order */
    SEC_EXEV,      /* img_exev */
    SEC_COUNT
};

typedef struct img_section_desc { uint32_t off, count; } img_section_desc;

typedef struct img_header {
    char magic[8];
    uint32_t version;
    uint32_t header_size;       /* sizeof(img_header) */
    uint32_t total_size;        /* the whole image */
    uint32_t checksum;          /* lex_checksum of bytes [header_size, total_size) */
    uint32_t nsections;         /* SEC_COUNT */
    uint32_t reserved;
    img_section_desc sec[SEC_COUNT];
} img_header;

enum { IMG_NAME_THE = 1u };

typedef struct img_name {
    uint32_t kind;              /* enum lex_kind */
    uint32_t code;              /* str: code (ROLE: sector) */
    uint32_t name;              /* str: the name as written */
    uint32_t aux;               /* PERSON: person index; COUNTRY: str ISO2; else 0 */
    uint32_t file, line;        /* file index, 1-based line */
    uint32_t tok, ntok;         /* SEC_TOK run */
    int32_t from, to;           /* ACTOR date range, YYYYMMDD (0 / LEX_DATE_OPEN) */
    uint32_t flags;             /* IMG_NAME_* */
} img_name;

typedef struct img_tok { uint32_t str, len; } img_tok;

typedef struct img_person {
    uint32_t key, code, file, line;
    uint32_t office, noffice;   /* SEC_OFFICE run */
} img_person;

typedef struct img_office {
    uint32_t code;
    int32_t from, to;
    uint32_t title, file, line;
} img_office;

typedef struct img_code {
    uint32_t code;
    int32_t goldstein100;       /* Goldstein score x 100 */
    uint32_t quad, event, mode, name, file, line;
} img_code;

typedef struct img_pat {
    uint32_t code;
    uint32_t heads, nheads;     /* SEC_LIST run */
    uint32_t pos;               /* 'V' or 'N' */
    uint32_t cons, ncons;       /* SEC_CONS run */
    uint32_t src, nsrc;         /* SEC_SLOT run */
    uint32_t tgt, ntgt;         /* SEC_SLOT run */
    uint32_t flags;
    uint32_t intent, appeal, reject, neg;   /* str, 0 = none */
    uint32_t frame;
    uint32_t file, line;
    uint32_t ex, nex;           /* SEC_EX run */
} img_pat;

typedef struct img_cons {
    uint32_t kind, negative, deprel, prep;  /* prep: the first of preps */
    uint32_t lemmas, nlemmas;   /* SEC_LIST run; 0 = any */
    uint32_t preps, npreps;     /* SEC_LIST run: alternative case words (@over|@against) */
} img_cons;

typedef struct img_slot { uint32_t kind, prep; } img_slot;

typedef struct img_ex {
    uint32_t sentence, expected;
    uint32_t ev, nev;           /* SEC_EXEV run */
    uint32_t none;
    uint32_t file, line;
    uint32_t pattern;           /* index in SEC_PAT */
} img_ex;

typedef struct img_exev { uint32_t src, tgt, code; } img_exev;

/* FNV-1a, 32 bits: the name hash and the image checksum. */
static inline uint32_t lex_fnv1a(const void *p, size_t n, uint32_t h)
{
    const unsigned char *s = (const unsigned char *)p;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 16777619u; }
    return h;
}
#define LEX_FNV_INIT 2166136261u

/* The image checksum: 8 bytes a step (the image is mapped at every start,
 * so this must stay far below the 20 ms load budget), FNV-1a on the tail. */
static inline uint32_t lex_checksum(const void *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    uint64_t h = 14695981039346656037ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = 0;
        for (int k = 7; k >= 0; k--) w = (w << 8) | s[i + (size_t)k];
        h = (h ^ w) * 1099511628211ull;
        h ^= h >> 29;
    }
    uint32_t t = lex_fnv1a(s + i, n - i, (uint32_t)(h ^ (h >> 32)));
    return t;
}

#endif

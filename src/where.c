/*
 * where.c - the place stage: the gazetteer image and place finding.
 *
 * The image (built by tools/gazc, layout in where.h) is read with one read
 * into one allocation and validated completely before use: magic, version,
 * byte order, sizes, every section inside the file, every string offset and
 * index in range, and a checksum; a corrupt or truncated file is refused
 * with CLIO_ERR_MODEL, never trusted.  Names are looked up by their folded,
 * normalised key (gaz_key) in an open-addressing hash; all places sharing a
 * key sit next to each other in the name table.
 *
 * Place finding in one sentence: at every capitalised token, the longest
 * run of up to six tokens whose key is in the gazetteer is a candidate;
 * the sentence's cues decide whether it is a place and which one:
 *   - a dateline ("KYIV, Ukraine (Reuters) -"), a locative preposition
 *     ("in", "near", "outside" ... as the previous word or, with a parse,
 *     the `case` child), "X-based", or a qualifier (", Texas");
 *   - among places with one name: countries and curated regions first,
 *     then cities by population, capitals and large cities favoured, the
 *     document's countries so far (where_context) and a qualifier counting
 *     more than size, so "Paris" is in France unless Texas is named.
 * Small towns need a cue: a bare capitalised word that happens to be a
 * hamlet somewhere ("Police", "Mobile") is not reported.  Whether a place
 * name is an actor ("Kyiv said") is the coder's decision: the in_preposition
 * flag and the cue are handed on with each place.
 */
#include "where.h"
#include "when.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gazetteer {
    char *data;
    size_t size;
    const gaz_header *h;
    const gaz_country *countries;
    const gaz_admin1 *admin1;
    const gaz_place *places;
    const gaz_name *names;
    const uint32_t *hash;
    const char *str;
    uint32_t capital[WHERE_MAX_COUNTRIES]; /* each country's capital city, UINT32_MAX = none (set on load) */
    uint16_t by_iso3[26 * 26 * 26];        /* country index + 1 by upper-case ISO3 letters, 0 = none (set on load) */
};

static int iso3_slot(const char *c)
{
    if (c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' || c[2] < 'A' || c[2] > 'Z')
        return -1;
    return ((c[0] - 'A') * 26 + (c[1] - 'A')) * 26 + (c[2] - 'A');
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

static void set_err(clio_error *err, int code, const char *file, const char *msg)
{
    if (!err)
        return;
    err->code = code;
    err->offset = 0;
    err->line = 0;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    snprintf(err->message, sizeof err->message, "%s", msg);
}

static int section_ok(const gaz_header *h, uint32_t off, uint64_t count, size_t elem)
{
    uint64_t end = (uint64_t)off + count * elem;
    return off >= sizeof *h && off % 4 == 0 && end <= h->size;
}

static const char *validate(gazetteer *g)
{
    if (g->size < sizeof(gaz_header))
        return "gazetteer image is truncated";
    const gaz_header *h = (const gaz_header *)g->data;
    if (memcmp(h->magic, GAZ_MAGIC, 8) != 0)
        return "not a clio gazetteer image (bad magic)";
    if (h->endian != 0x01020304)
        return "gazetteer image has the wrong byte order";
    if (h->version != GAZ_VERSION)
        return "gazetteer image version is not supported (rebuild it)";
    if (h->size != g->size)
        return "gazetteer image size does not match its header (truncated?)";
    if (!section_ok(h, h->off_country, h->ncountry, sizeof(gaz_country)) ||
        !section_ok(h, h->off_admin1, h->nadmin1, sizeof(gaz_admin1)) ||
        !section_ok(h, h->off_place, h->nplace, sizeof(gaz_place)) ||
        !section_ok(h, h->off_name, h->nname, sizeof(gaz_name)) ||
        !section_ok(h, h->off_hash, h->nhash, sizeof(uint32_t)) ||
        !section_ok(h, h->off_str, h->len_str, 1))
        return "gazetteer image has a section outside the file";
    if (h->len_str == 0 || g->data[h->off_str + h->len_str - 1] != 0)
        return "gazetteer string table is not terminated";
    if (h->nhash == 0 || (h->nhash & (h->nhash - 1)) != 0 || h->ncountry > WHERE_MAX_COUNTRIES ||
        h->ncountry == 0 || h->nadmin1 >= GAZ_NONE || h->ncountry >= GAZ_NONE)
        return "gazetteer image has bad counts";
    if (gaz_checksum(g->data + sizeof *h, h->size - sizeof *h) != h->checksum)
        return "gazetteer image checksum mismatch (corrupt file)";
    g->h = h;
    g->countries = (const gaz_country *)(g->data + h->off_country);
    g->admin1 = (const gaz_admin1 *)(g->data + h->off_admin1);
    g->places = (const gaz_place *)(g->data + h->off_place);
    g->names = (const gaz_name *)(g->data + h->off_name);
    g->hash = (const uint32_t *)(g->data + h->off_hash);
    g->str = g->data + h->off_str;
    for (uint32_t i = 0; i < h->ncountry; i++) {
        const gaz_country *c = &g->countries[i];
        if (c->name >= h->len_str || c->place >= h->nplace || c->iso3[3] || c->iso2[2])
            return "gazetteer country record out of range";
    }
    for (uint32_t i = 0; i < h->nadmin1; i++) {
        const gaz_admin1 *a = &g->admin1[i];
        if (a->name >= h->len_str || a->code >= h->len_str || a->country >= h->ncountry ||
            a->place >= h->nplace)
            return "gazetteer admin1 record out of range";
    }
    for (uint32_t i = 0; i < WHERE_MAX_COUNTRIES; i++)
        g->capital[i] = UINT32_MAX;
    memset(g->by_iso3, 0, sizeof g->by_iso3);
    for (uint32_t i = h->ncountry; i-- > 0;) {
        int slot = iso3_slot(g->countries[i].iso3);
        if (slot >= 0 && i < UINT16_MAX)
            g->by_iso3[slot] = (uint16_t)(i + 1); /* (the first record wins, as in a scan) */
    }
    for (uint32_t i = 0; i < h->nplace; i++) {
        const gaz_place *p = &g->places[i];
        if (p->name >= h->len_str || (p->country != GAZ_NONE && p->country >= h->ncountry) ||
            (p->admin1 != GAZ_NONE && p->admin1 >= h->nadmin1) || p->kind < GAZ_COUNTRY ||
            p->kind > GAZ_REGION || p->lat < -9000000 || p->lat > 9000000 ||
            p->lon < -18000000 || p->lon > 18000000)
            return "gazetteer place record out of range";
        if (p->kind == GAZ_CITY && p->feature == GAZ_FEAT_CAPITAL && p->country != GAZ_NONE &&
            (g->capital[p->country] == UINT32_MAX || p->population > g->places[g->capital[p->country]].population))
            g->capital[p->country] = i;
    }
    for (uint32_t i = 0; i < h->nname; i++)
        if (g->names[i].key >= h->len_str || g->names[i].place >= h->nplace)
            return "gazetteer name record out of range";
    for (uint32_t i = 0; i < h->nhash; i++)
        if (g->hash[i] > h->nname)
            return "gazetteer hash slot out of range";
    return NULL;
}

gazetteer *gazetteer_load_memory(const void *data, size_t len, clio_error *err)
{
    gazetteer *g = calloc(1, sizeof *g);
    if (!g) {
        set_err(err, CLIO_ERR_NOMEM, NULL, "out of memory");
        return NULL;
    }
    /* uint64 storage keeps the records aligned */
    g->data = malloc(len ? len + 8 : 8);
    if (!g->data) {
        free(g);
        set_err(err, CLIO_ERR_NOMEM, NULL, "out of memory");
        return NULL;
    }
    if (len)
        memcpy(g->data, data, len);
    g->size = len;
    const char *bad = validate(g);
    if (bad) {
        set_err(err, CLIO_ERR_MODEL, NULL, bad);
        gazetteer_free(g);
        return NULL;
    }
    return g;
}

gazetteer *gazetteer_load(const char *path, clio_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, CLIO_ERR_IO, path, "cannot open the gazetteer image");
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0) {
        fclose(f);
        set_err(err, CLIO_ERR_IO, path, "cannot read the gazetteer image");
        return NULL;
    }
    long sz = ftell(f);
    if (sz < 0 || sz > (1L << 30) || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        set_err(err, CLIO_ERR_MODEL, path, "gazetteer image has an impossible size");
        return NULL;
    }
    gazetteer *g = calloc(1, sizeof *g);
    char *d = malloc((size_t)sz + 8);
    if (!g || !d) {
        free(g);
        free(d);
        fclose(f);
        set_err(err, CLIO_ERR_NOMEM, path, "out of memory");
        return NULL;
    }
    size_t got = fread(d, 1, (size_t)sz, f);
    fclose(f);
    if (got != (size_t)sz) {
        free(d);
        free(g);
        set_err(err, CLIO_ERR_IO, path, "short read on the gazetteer image");
        return NULL;
    }
    g->data = d;
    g->size = (size_t)sz;
    const char *bad = validate(g);
    if (bad) {
        set_err(err, CLIO_ERR_MODEL, path, bad);
        gazetteer_free(g);
        return NULL;
    }
    return g;
}

void gazetteer_free(gazetteer *g)
{
    if (!g)
        return;
    free(g->data);
    free(g);
}

size_t gaz_key(const char *fold, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    int space = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)fold[i];
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 ||
                   (c >= 'A' && c <= 'Z');
        if (!word) {
            space = k > 0;
            continue;
        }
        if (space) {
            if (k + 1 >= cap)
                break;
            out[k++] = ' ';
            space = 0;
        }
        if (k + 1 >= cap)
            break;
        out[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    out[k] = 0;
    return k;
}

uint32_t gazetteer_lookup(const gazetteer *g, const char *key, size_t n, uint32_t *first)
{
    if (!g || n == 0)
        return 0;
    uint32_t mask = g->h->nhash - 1;
    uint32_t s = fnv1a(key, n) & mask;
    for (uint32_t probes = 0; probes <= mask; probes++, s = (s + 1) & mask) {
        uint32_t e = g->hash[s];
        if (!e)
            return 0;
        const char *k = g->str + g->names[e - 1].key;
        if (strncmp(k, key, n) == 0 && k[n] == 0) {
            uint32_t i = e - 1, off = g->names[i].key, c = 0;
            while (i + c < g->h->nname && g->names[i + c].key == off)
                c++;
            *first = i;
            return c;
        }
    }
    return 0;
}

const gaz_place *gazetteer_name_place(const gazetteer *g, uint32_t i)
{
    return &g->places[g->names[i].place];
}
const gaz_place *gazetteer_place(const gazetteer *g, uint32_t i) { return &g->places[i]; }
uint32_t gazetteer_place_count(const gazetteer *g) { return g->h->nplace; }
const char *gazetteer_str(const gazetteer *g, uint32_t off) { return g->str + off; }
const gaz_country *gazetteer_country(const gazetteer *g, uint32_t i) { return &g->countries[i]; }
uint32_t gazetteer_country_count(const gazetteer *g) { return g->h->ncountry; }
const gaz_admin1 *gazetteer_admin1(const gazetteer *g, uint32_t i) { return &g->admin1[i]; }
int gazetteer_is_full(const gazetteer *g) { return (g->h->flags & GAZ_FLAG_FULL) != 0; }

uint32_t gazetteer_country_by_code(const gazetteer *g, const char *code)
{
    size_t l = strlen(code);
    if (l != 2 && l != 3)
        return GAZ_NONE;
    if (l == 3) {
        int slot = iso3_slot(code);
        if (slot >= 0)
            return g->by_iso3[slot] ? (uint32_t)g->by_iso3[slot] - 1 : GAZ_NONE;
    }
    for (uint32_t i = 0; i < g->h->ncountry; i++) {
        const gaz_country *c = &g->countries[i];
        const char *k = l == 3 ? c->iso3 : c->iso2;
        if (k[0] == code[0] && k[1] == code[1] && (l == 2 || k[2] == code[2]))
            return i;
    }
    return GAZ_NONE;
}

double gaz_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, d2r = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * d2r, dlon = (lon2 - lon1) * d2r;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * d2r) * cos(lat2 * d2r) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

/* ------------------------------------------------------------ context */
void where_context_note(where_context *ctx, const gazetteer *g, const place *p)
{
    if (!ctx || !g || !p || p->gaz_place >= g->h->nplace)
        return;
    uint16_t c = g->places[p->gaz_place].country;
    if (c != GAZ_NONE && c < WHERE_MAX_COUNTRIES && ctx->country_mentions[c] < UINT16_MAX)
        ctx->country_mentions[c]++;
    ctx->total++;
}

void where_context_note_iso3(where_context *ctx, const gazetteer *g, const char *iso3)
{
    if (!ctx || !g || !iso3)
        return;
    uint32_t c = gazetteer_country_by_code(g, iso3);
    if (c != GAZ_NONE && c < WHERE_MAX_COUNTRIES && ctx->country_mentions[c] < UINT16_MAX) {
        ctx->country_mentions[c]++;
        ctx->total++;
    }
}

/* ------------------------------------------------------------ finding */
static inline int teq(const tok *t, const char *s)
{
    size_t l = strlen(s); /* inlined: the compiler knows each literal's length */
    return t->fold_len == l && memcmp(t->fold, s, l) == 0;
}

static const char *const LOC_PREPS[] = {
    "in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around",
    "towards", "toward", "through", "throughout", "over", "on", "off", "onto", "within",
    "northern", "southern", "eastern", "western", "central", "north", "south", "east",
    "west", "via", "between", "of", "for", "visit", "visited", "visiting", NULL};

/* One-word names that are, in English news, almost always something else:
 * months and weekdays, government bodies, organisations' acronyms, common
 * nouns that are also hamlets somewhere ("Energy", "Congress", "Mobile").
 * A qualifier ("Mobile, Alabama") still makes them places. */
static const char *const COMPASS_NOUNS[] = {"north", "south", "east", "west", NULL};
static const char *const NOT_PLACES[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "energy", "congress", "un", "eu", "nato", "who", "imf",
    "au", "opec", "western", "eastern", "northern", "southern", "central", "union", "police",
    "north", "south", "east", "west", "centre", "center", "littoral", "coast", "highlands", "lakes",
    "court", "parliament", "senate", "house", "state", "university", "president", "army",
    "government", "ministry", "department", "city", "county", "bank", "mobile", "reading",
    "independence", "security", "defense", "defence", "justice", "interior", "commerce",
    "labor", "labour", "health", "education", "agriculture", "transport", "finance",
    "treasury", "foreign", "national", "federal", "republic", "democrat", "republican",
    "liberal", "conservative", "christian", "muslim", "jewish", "catholic", "orthodox",
    "media", "press", "easter", "christmas", "ramadan", "god", "mission", "victory", "hope",
    "liberty", "unity", "progress", "freedom", "premier", "prime", "general", "commander",
    "minister", "secretary", "chancellor", "king", "queen", "prince", "pope", "council",
    "assembly", "cabinet", "embassy", "navy", "marines", "reuters", "afp", "ap", "cnn", "bbc",
    "twitter", "facebook", "google", "apple", "amazon", "microsoft", "africa", "asia",
    "europe", "north", "south", "east", "west", "economy", "home", "business", "class",
    "office", "center", "centre", "church", "school", "hospital", "airport", "station",
    "street", "road", "park", "lake", "river", "bay", "beach", "island", "valley", "hill",
    "earth", "moon", "mars", "sun", "heaven", "paradise",
    /* the Arabic article alone ("Al-Geneina" when the gazetteer lacks it) */
    "al", "el", NULL};

/* Words that may follow a place without making it part of a longer name. */
static const char *const COMPASS[] = {"northern", "southern", "eastern", "western", "central", "northeastern",
    "northwestern", "southeastern", "southwestern", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", NULL};

static const char *const ARABIC_ARTICLE[] = {"el", "al", NULL};

/* nouns that, followed by "of", announce a place name */
static const char *const PLACE_NOUNS[] = {"city", "town", "village", "port", "province", "region", "district",
    "capital", "governorate", "state", "enclave", "island", "oblast", "county", "municipality", "suburb", "outskirts",
    "cities", "towns", "villages", "provinces", "regions", "districts", NULL};

static const char *const AFTER_PLACE[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", NULL};

/* Lower-case words that may follow a place name in "the X ...". */
static const char *const FUNCTION_WORDS[] = {
    "and", "or", "but", "on", "in", "at", "for", "with", "from", "to", "of", "as", "after",
    "before", "during", "since", "until", "while", "where", "which", "that", "who", "when",
    "was", "were", "is", "are", "has", "have", "had", "will", "would", "said", "says", "area",
    "region", "province", "city", "state", "town", "village", "district", "border", "coast",
    "itself", "again", "too", "also", "last", "this", "next", "early", "late", NULL};

/* Capitalised words that make a place name part of an organisation's:
 * "Air France", "The New York Times", "Manchester United". */
static const char *const ORG_PREFIX[] = {"air", "radio", "team", "royal", "visit", "fly", "miss",
                                         "club", "inter", NULL};
static const char *const ORG_SUFFIX[] = {
    "times", "post", "journal", "herald", "tribune", "gazette", "daily", "airlines", "airways",
    "air", "bank", "university", "stock", "exchange", "united", "fc", "giants", "yankees",
    "rangers", "knicks", "lakers", "mets", "jets", "red", "telegraph", "observer", "chronicle",
    "bulletin", "review", "today", "press", "motors", "energy", "oil", "gas", "steel", "group",
    "holdings", "insurance", "trust", "foundation", "institute", "college", "school",
    "hospital", "airport", "road", "street", "avenue", "square", "house", "hall", "centre",
    "center", "stadium", "park", NULL};

/* Capitalised nouns ending the name of a place of business or state named
 * after its city. */
static const char *const INSTITUTION[] = {"court", "conference", "summit", "forum", "university", "airport",
    "hospital", "stadium", "palace", "prison", "jail", "mosque", "cathedral", "church", "base", "airbase",
    "square", "hotel", "port", "station", "museum", "parliament", "assembly", NULL};

static int in_list(const tok *t, const char *const *list)
{
    for (const char *const *p = list; *p; p++)
        if (teq(t, *p))
            return 1;
    return 0;
}

static int not_a_place(const char *key, size_t kl)
{
    for (const char *const *p = NOT_PLACES; *p; p++)
        if ((*p)[0] == key[0] && strlen(*p) == kl && memcmp(*p, key, kl) == 0)
            return 1;
    return 0;
}

static int is_loc_prep(const tok *t)
{
    for (const char *const *p = LOC_PREPS; *p; p++)
        if (teq(t, *p))
            return 1;
    return 0;
}

static int is_hyphen_tok(const tok *t)
{
    return teq(t, "-") || teq(t, "\xe2\x80\x90") || teq(t, "\xe2\x80\x91");
}

/* Builds the key of tokens [a, b) into key; 0 when too long. */
static size_t span_key(const tok *toks, uint32_t a, uint32_t b, char *key, size_t cap)
{
    char raw[256];
    size_t k = 0;
    for (uint32_t i = a; i < b; i++) {
        if (k + toks[i].fold_len + 1 >= sizeof raw)
            return 0;
        if (i > a)
            raw[k++] = ' ';
        memcpy(raw + k, toks[i].fold, toks[i].fold_len);
        k += toks[i].fold_len;
    }
    return gaz_key(raw, k, key, cap);
}

static int capital_tok(const tok *t)
{
    return (t->flags & (TOK_CAPITAL | TOK_ALLCAPS)) && !(t->flags & TOK_PUNCT);
}

/* Verbs whose object is often a place: "shelled Kharkiv", "fled Bakhmut". */
static int place_verb(const tok *t)
{
    static const char *const W[] = {
        "hit", "hits", "struck", "strikes", "shelled", "shells", "bombed", "bombs",
        "attacked", "attacks", "captured", "captures", "seized", "took", "fled", "flee",
        "left", "entered", "enter", "reached", "reach", "visited", "visit", "visits",
        "toured", "liberated", "recaptured", "stormed", "encircled", "besieged",
        "evacuated", "rocked", "shook", "swamped", "battered", "flooded", "leave",
        "targeted", "raided", "occupied", "annexed", "invaded", "retook", "surrounded",
        "pounded", "hitting", "striking", "shelling", "attacking", NULL};
    for (const char *const *p = W; *p; p++)
        if (teq(t, *p))
            return 1;
    return 0;
}

typedef struct qualifier {
    uint32_t ntok;           /* tokens used by ", Qualifier" (0: none) */
    uint16_t countries[8];
    uint16_t admin1[8];
    int nc, na;
} qualifier;

/* ", Texas" / ", France" / ", TX" after the candidate at token j. */
static void read_qualifier(const gazetteer *g, const tok *toks, uint32_t n, uint32_t j,
                           qualifier *q)
{
    memset(q, 0, sizeof *q);
    if (j + 1 < n && teq(&toks[j], "in")) {
        /* "near Bara in Sudan's North Kordofan state": the country after
         * "in" picks among places of the same name (and stays a place of
         * its own: no tokens are taken) */
        uint32_t a = j + 1 < n && teq(&toks[j + 1], "the") ? j + 2 : j + 1;
        for (uint32_t L = 3; L >= 1 && !q->nc; L--) {
            uint32_t b = a + L;
            if (b > n || !capital_tok(&toks[a]) || !capital_tok(&toks[b - 1]))
                continue;
            char key[256];
            size_t kl = span_key(toks, a, b, key, sizeof key);
            uint32_t first, cnt = kl ? gazetteer_lookup(g, key, kl, &first) : 0;
            for (uint32_t k = 0; k < cnt; k++) {
                const gaz_place *p = gazetteer_name_place(g, first + k);
                if (p->kind == GAZ_COUNTRY && q->nc < 8)
                    q->countries[q->nc++] = p->country;
            }
        }
        return;
    }
    if (j + 1 >= n || !teq(&toks[j], ","))
        return;
    for (uint32_t L = 4; L >= 1; L--) {
        uint32_t b = j + 1 + L;
        if (b > n || !capital_tok(&toks[j + 1]) || !capital_tok(&toks[b - 1]))
            continue;
        char key[256];
        size_t kl = span_key(toks, j + 1, b, key, sizeof key);
        uint32_t first, cnt = kl ? gazetteer_lookup(g, key, kl, &first) : 0;
        for (uint32_t k = 0; k < cnt; k++) {
            const gaz_place *p = gazetteer_name_place(g, first + k);
            if (p->kind == GAZ_COUNTRY && q->nc < 8)
                q->countries[q->nc++] = p->country;
            else if (p->kind == GAZ_ADMIN1 && q->na < 8)
                q->admin1[q->na++] = p->admin1;
        }
        /* US state abbreviations ("TX") are the admin1 codes */
        if (L == 1 && (toks[j + 1].flags & TOK_ALLCAPS) && toks[j + 1].form_len == 2) {
            for (uint32_t a = 0; a < g->h->nadmin1 && q->na < 8; a++) {
                const char *code = g->str + g->admin1[a].code;
                if (code[0] == toks[j + 1].form[0] && code[1] == toks[j + 1].form[1] && !code[2] &&
                    memcmp(g->countries[g->admin1[a].country].iso3, "USA", 3) == 0)
                    q->admin1[q->na++] = (uint16_t)a;
            }
        }
        if (q->nc || q->na) {
            q->ntok = 1 + L;
            return;
        }
    }
}

static int qual_match(const qualifier *q, const gaz_place *p)
{
    for (int i = 0; i < q->nc; i++)
        if (q->countries[i] == p->country && p->kind != GAZ_COUNTRY)
            return 1;
    for (int i = 0; i < q->na; i++)
        if (q->admin1[i] == p->admin1 && p->kind == GAZ_CITY)
            return 1;
    return 0;
}

static double place_score(const gaz_place *p, const where_context *ctx, const qualifier *q)
{
    double s;
    double lp = log10((double)p->population + 10.0);
    switch (p->kind) {
    case GAZ_COUNTRY: s = 15; break;
    case GAZ_REGION: s = 14; break;
    case GAZ_ADMIN1: s = lp - 1.0; break;
    default:
        s = lp + (p->feature == GAZ_FEAT_CAPITAL ? 3 : p->feature == GAZ_FEAT_ADMIN_SEAT ? 1.0
                  : p->feature == GAZ_FEAT_CURATED ? 4.5 : 0) +
            (p->population >= 1000000 ? 1 : 0);
        break;
    }
    if (ctx && p->country != GAZ_NONE && p->country < WHERE_MAX_COUNTRIES) {
        unsigned c = ctx->country_mentions[p->country];
        /* worth about ten times the population: Paris, Texas does not
         * beat Paris, France because the story is American */
        if (c)
            s += 1.0 + (c > 4 ? 4 : c) * 0.25;
        else if (p->kind == GAZ_COUNTRY && ctx->total >= 3)
            s -= 9; /* "Georgia" in a story about the United States */
    }
    if (q && qual_match(q, p))
        s += 10;
    return s;
}

static void fill_place(const gazetteer *g, const tok *toks, uint32_t a, uint32_t b,
                       uint32_t pi, int cue, place *out)
{
    const gaz_place *p = &g->places[pi];
    memset(out, 0, sizeof *out);
    out->first = a;
    out->ntok = b - a;
    out->start = toks[a].start;
    out->end = toks[b - 1].end;
    out->name = g->str + p->name;
    if (p->country != GAZ_NONE)
        memcpy(out->country, g->countries[p->country].iso3, 4);
    out->admin1 = p->admin1 != GAZ_NONE ? g->str + g->admin1[p->admin1].name : "";
    out->lat = p->lat / 1e5;
    out->lon = p->lon / 1e5;
    out->precision = p->kind == GAZ_COUNTRY ? PLACE_COUNTRY
                   : p->kind == GAZ_ADMIN1  ? PLACE_ADMIN1
                   : p->kind == GAZ_REGION  ? PLACE_REGION
                                            : PLACE_CITY;
    out->population = p->population;
    out->cue = (uint8_t)cue;
    out->gaz_place = pi;
    out->anchor_tok = -1;
}

/* Best place among the name entries [first, first+cnt). */
static uint32_t best_place(const gazetteer *g, uint32_t first, uint32_t cnt,
                           const where_context *ctx, const qualifier *q, double *best_score)
{
    uint32_t best = UINT32_MAX;
    double bs = -1e9;
    for (uint32_t k = 0; k < cnt; k++) {
        uint32_t pi = g->names[first + k].place;
        double s = place_score(&g->places[pi], ctx, q);
        if (s > bs) {
            bs = s;
            best = pi;
        }
    }
    *best_score = bs;
    return best;
}

static int32_t span_anchor(const tok *toks, uint32_t n, uint32_t a, uint32_t b, int tagged,
                           int *prep)
{
    if (!tagged)
        return -1;
    int32_t head = -1;
    for (uint32_t k = a; k < b; k++) {
        int32_t h = toks[k].head;
        if (h < 0 || (uint32_t)h < a || (uint32_t)h >= b) {
            head = (int32_t)k;
            break;
        }
    }
    if (head < 0)
        return -1;
    for (uint32_t j = 0; j < n; j++)
        if (toks[j].head == head && toks[j].deprel == DEP_CASE && is_loc_prep(&toks[j]))
            *prep = 1;
    int32_t g = toks[head].head;
    return g >= 0 && (uint32_t)g < n ? g : -1;
}

size_t where_find(const gazetteer *g, const tok *toks, uint32_t n, const char *text,
                  const where_context *ctx, place *out, size_t max)
{
    (void)text;
    size_t k = 0;
    if (!g || !toks || n == 0 || max == 0)
        return 0;
    int tagged = 0;
    for (uint32_t i = 0; i < n; i++)
        if (toks[i].upos) {
            tagged = 1;
            break;
        }
    uint32_t i = 0;
    char key[256];

    /* dateline: the capitalised place before "(Reuters) -" */
    uint32_t pn, da, dn;
    uint32_t dl = when_dateline(toks, n, &pn, &da, &dn);
    if (dl && pn) {
        uint32_t city = 0;
        while (city < pn && !teq(&toks[city], ","))
            city++;
        size_t kl = span_key(toks, 0, city, key, sizeof key);
        uint32_t first, cnt = kl ? gazetteer_lookup(g, key, kl, &first) : 0;
        if (cnt) {
            qualifier q;
            read_qualifier(g, toks, n, city, &q);
            double sc;
            uint32_t pi = best_place(g, first, cnt, ctx, &q, &sc);
            fill_place(g, toks, 0, city, pi, PLACE_CUE_DATELINE, &out[k]);
            out[k].in_preposition = 1;
            k++;
        }
        i = dl;
    }

    while (i < n && k < max) {
        const tok *t = &toks[i];
        /* the tagger vetoes only what cannot be a name (a sentence-initial
         * verb, a pronoun ...): a half-trained model's odd tag must not
         * hide every place */
        if (!capital_tok(t) ||
            (tagged && (t->upos == UPOS_VERB || t->upos == UPOS_AUX || t->upos == UPOS_PRON ||
                        t->upos == UPOS_DET || t->upos == UPOS_ADP || t->upos == UPOS_PART ||
                        t->upos == UPOS_SCONJ || t->upos == UPOS_NUM || t->upos == UPOS_PUNCT ||
                        t->upos == UPOS_SYM || t->xpos == XPOS_MD))) {
            i++;
            continue;
        }
        /* longest match of up to six tokens */
        uint32_t L, first = 0, cnt = 0;
        uint32_t maxl = n - i < 6 ? n - i : 6;
        for (L = maxl; L >= 1; L--) {
            const tok *last = &toks[i + L - 1];
            if (L > 1 && (last->flags & TOK_PUNCT))
                continue;
            /* a place name ends in a noun, name, adjective or number, never
             * in a verb or function word: no look-up for those spans */
            if (L > 1 && tagged &&
                (last->upos == UPOS_VERB || last->upos == UPOS_AUX || last->upos == UPOS_ADP ||
                 last->upos == UPOS_DET || last->upos == UPOS_PRON || last->upos == UPOS_SCONJ ||
                 last->upos == UPOS_CCONJ || last->upos == UPOS_PART || last->upos == UPOS_ADV))
                continue;
            size_t kl = span_key(toks, i, i + L, key, sizeof key);
            if (kl && (cnt = gazetteer_lookup(g, key, kl, &first)) > 0)
                break;
        }
        if (!cnt) {
            i++;
            continue;
        }
        /* "southern Lebanon", "northern Gaza": a compass adjective and the
         * name make a region of their own when the gazetteer lists it */
        int dir = 0;
        if (i > 0 && in_list(&toks[i - 1], COMPASS)) {
            char dkey[sizeof key];
            uint32_t dfirst, dcnt;
            size_t dkl = span_key(toks, i - 1, i + L, dkey, sizeof dkey);
            if (dkl && (dcnt = gazetteer_lookup(g, dkey, dkl, &dfirst)) > 0) {
                memcpy(key, dkey, dkl + 1);
                first = dfirst;
                cnt = dcnt;
                dir = 1;
            }
        }
        uint32_t a = i - (uint32_t)dir, b = i + L;
        int stop_word = L == 1 && not_a_place(key, strlen(key));
        /* "El Geneina", "Al Fashir": the Arabic article written before a
         * name the gazetteer holds without it belongs to the name */
        if (a > 0 && capital_tok(&toks[a - 1]) && in_list(&toks[a - 1], ARABIC_ARTICLE)) {
            a--;
            stop_word = 0;
        } else if (a >= 2 && is_hyphen_tok(&toks[a - 1]) && in_list(&toks[a - 2], ARABIC_ARTICLE) &&
                   !(toks[a - 2].flags & TOK_SPACE_AFTER) && !(toks[a - 1].flags & TOK_SPACE_AFTER)) {
            a -= 2; /* "al-Mawasi", "Al-Geneina" */
            stop_word = 0;
        }
        /* cues */
        int cue = PLACE_CUE_NONE, prep = 0;
        uint32_t pv = a;
        if (pv > 0 && teq(&toks[pv - 1], "the"))
            pv--;
        if (pv > 0 && is_loc_prep(&toks[pv - 1])) {
            cue = PLACE_CUE_PREP;
            prep = 1;
        } else if (pv > 0 && place_verb(&toks[pv - 1])) {
            cue = PLACE_CUE_VERB;
        }
        if (b + 1 < n && (teq(&toks[b], "-") || toks[b].fold_len == 0) && teq(&toks[b + 1], "based"))
            cue = PLACE_CUE_BASED;
        /* "the Tigrayan city of Axum", "the port of Hodeidah": a place
         * noun and "of" name the kind of place that follows */
        if (pv == a && a >= 2 && teq(&toks[a - 1], "of") && in_list(&toks[a - 2], PLACE_NOUNS))
            cue = PLACE_CUE_QUALIFIED;
        qualifier q;
        read_qualifier(g, toks, n, b, &q);
        double sc;
        uint32_t pi = best_place(g, first, cnt, ctx, &q, &sc);
        const gaz_place *p = &g->places[pi];
        if (qual_match(&q, p)) {
            cue = cue ? cue : PLACE_CUE_QUALIFIED;
            b += q.ntok;
        } else if (q.nc && !q.na && p->kind != GAZ_COUNTRY && p->kind != GAZ_REGION) {
            /* "Bara, Sudan" or "Bara in Sudan" when the gazetteer knows no
             * Bara in Sudan: not the place the text means */
            i = i + 1;
            continue;
        }
        int32_t anchor = span_anchor(toks, n, a, i + L, tagged, &prep);
        if (prep && !cue)
            cue = PLACE_CUE_PREP;
        /* acceptance */
        int accept;
        /* "Pont-Sonde", "Wad al-Nourah": a name that goes on past the
         * gazetteer's match is another place */
        if (b + 1 < n && b == i + L && !(toks[b - 1].flags & TOK_SPACE_AFTER) && is_hyphen_tok(&toks[b]) &&
            !(toks[b].flags & TOK_SPACE_AFTER) && capital_tok(&toks[b + 1])) {
            i = i + 1;
            continue;
        }
        if (b + 2 < n && b == i + L && in_list(&toks[b], ARABIC_ARTICLE) && is_hyphen_tok(&toks[b + 1]) &&
            !(toks[b].flags & TOK_SPACE_AFTER)) {
            i = i + 1;
            continue;
        }
        /* a bare compass word is never a place ("the provinces of North
         * and South Kivu"), qualified or not */
        if (stop_word && (cue != PLACE_CUE_QUALIFIED || in_list(&toks[i], COMPASS_NOUNS))) {
            i = i + 1;
            continue;
        }
        int sent_start = a == 0 || (toks[a].flags & TOK_SENT_START);
        int next_cap = i + L < n && capital_tok(&toks[i + L]) && !(toks[i + L].flags & TOK_ALLCAPS) &&
                       b == i + L;
        unsigned ctxc = ctx && p->country != GAZ_NONE && p->country < WHERE_MAX_COUNTRIES
                            ? ctx->country_mentions[p->country] : 0;
        if (p->kind == GAZ_COUNTRY || p->kind == GAZ_REGION)
            accept = 1;
        else if (cue != PLACE_CUE_NONE)
            accept = p->population >= 1000 || p->kind != GAZ_CITY || ctxc > 0 || L > 1 ||
                     cue == PLACE_CUE_QUALIFIED || p->feature == GAZ_FEAT_CURATED;
        else if (p->kind == GAZ_ADMIN1)
            accept = !sent_start && p->population >= 500000;
        else
            accept = (p->population >= 1000000) ||
                     (!sent_start && (p->population >= 200000 || (ctxc && p->population >= 20000)));
        /* signs of a longer name or of something else: "Holland & Hart",
         * "Noonan's Liquor", "Asia-Pacific", all-capitals text ("WE AT HOME"),
         * "statues of David" (a bare "of" is a weak cue) */
        if (accept && p->kind == GAZ_CITY && p->population < 100000 && cue != PLACE_CUE_QUALIFIED &&
            cue != PLACE_CUE_DATELINE && p->feature != GAZ_FEAT_CURATED) {
            if ((toks[a].flags & TOK_ALLCAPS) && toks[a].form_len > 3)
                accept = 0;
            if (i + L < n && (teq(&toks[i + L], "&") || teq(&toks[i + L], "'s")))
                accept = 0;
            if (pv > 0 && teq(&toks[pv - 1], "of") && !ctxc && L == 1)
                accept = 0;
        }
        if (accept && (p->kind == GAZ_CITY || p->kind == GAZ_ADMIN1) &&
            (p->population < 1000000 || p->kind == GAZ_ADMIN1) &&
            p->feature != GAZ_FEAT_CURATED && cue != PLACE_CUE_QUALIFIED && cue != PLACE_CUE_DATELINE) {
            const tok *prev = a > 0 ? &toks[a - 1] : NULL;
            const tok *next = i + L < n ? &toks[i + L] : NULL;
            int next_word = next && !(next->flags & (TOK_CAPITAL | TOK_ALLCAPS | TOK_PUNCT | TOK_DIGIT));
            /* "North Side", "Red River Delta", "Indian Mesa": the end of a longer name */
            if (prev && capital_tok(prev) && !(prev->flags & TOK_SENT_START) && !teq(prev, "the") &&
                (!is_loc_prep(prev) || (prev->flags & TOK_CAPITAL)) &&
                !in_list(prev, AFTER_PLACE) && !(prev->flags & TOK_ALLCAPS && a == 1))
                accept = 0;
            /* "the Clinton administration", "Arab nationalism": used as a modifier */
            if (next_word && tagged && next->upos == UPOS_NOUN && !in_list(next, FUNCTION_WORDS))
                accept = 0;
            if (next_word && !tagged && pv < a && !in_list(next, FUNCTION_WORDS))
                accept = 0;
            /* roman numerals and short acronyms ("VI", "ABC") are not towns */
            if ((toks[a].flags & TOK_ALLCAPS) && toks[a].form_len <= 3 && L == 1)
                accept = 0;
        }
        if (accept && cue != PLACE_CUE_QUALIFIED && cue != PLACE_CUE_DATELINE) {
            const tok *prev = a > 0 ? &toks[a - 1] : NULL;
            const tok *next = b < n ? &toks[b] : NULL;
            if (prev && (prev->flags & TOK_CAPITAL) && in_list(prev, ORG_PREFIX))
                accept = 0;
            if (next && (next->flags & (TOK_CAPITAL | TOK_ALLCAPS)) && in_list(next, ORG_SUFFIX))
                accept = 0;
            if (next && teq(next, "&"))
                accept = 0; /* "Holland & Hart" */
            /* Rohan "Alabama" Davey: a nickname in quotes inside a name */
            if (prev && next && a >= 2 && (teq(prev, "\"") || teq(prev, "``") || teq(prev, "\xe2\x80\x9c")) &&
                (teq(next, "\"") || teq(next, "''") || teq(next, "\xe2\x80\x9d")) && capital_tok(&toks[a - 2]))
                accept = 0;
        }
        if (accept && a >= 2 && is_hyphen_tok(&toks[a - 1]) && !(toks[a - 2].flags & TOK_SPACE_AFTER) &&
            !(toks[a - 1].flags & TOK_SPACE_AFTER) && capital_tok(&toks[a - 2]) &&
            cue != PLACE_CUE_QUALIFIED)
            accept = 0;
        /* "Vladimir Putin", "Mobile Bay": part of a longer name (a weekday
         * or month after the name is not: "in Bakhmut Sunday") */
        if (accept && next_cap && cue != PLACE_CUE_QUALIFIED && cue != PLACE_CUE_DATELINE &&
            p->kind == GAZ_CITY && p->population < 1000000 && p->feature != GAZ_FEAT_CURATED) {
            if (!in_list(&toks[i + L], AFTER_PLACE))
                accept = 0;
        }
        /* "at the Islamabad High Court", "at the Kabul International
         * Airport": an institution named after the city it stands in */
        if (!accept && pv < a && pv > 0 && (teq(&toks[pv - 1], "at") || teq(&toks[pv - 1], "in")) &&
            p->kind == GAZ_CITY && (p->population >= 100000 || ctxc || p->feature == GAZ_FEAT_CAPITAL)) {
            uint32_t e = i + L;
            while (e < n && e < i + L + 4 && capital_tok(&toks[e]) && !in_list(&toks[e], INSTITUTION))
                e++;
            if (e < n && e > i + L - 1 && capital_tok(&toks[e]) && in_list(&toks[e], INSTITUTION)) {
                accept = 1;
                cue = PLACE_CUE_PREP;
                prep = 1;
            }
        }
        if (!accept) {
            i = i + 1;
            continue;
        }
        fill_place(g, toks, a, b, pi, cue, &out[k]);
        out[k].in_preposition = (uint8_t)prep;
        out[k].anchor_tok = anchor;
        k++;
        i = b;
    }
    return k;
}

/* ----------------------------------------------------- public look-up */
#include "engine.h"

int clio_place_lookup(const clio_engine *e, const char *name, const char *iso3, double *lat, double *lon)
{
    if (!e || !e->gaz || !name)
        return 0;
    buf f = {0};
    if (text_fold(name, strlen(name), &f) || !f.data) {
        buf_free(&f);
        return 0;
    }
    char key[256];
    size_t k = gaz_key(f.data, f.len, key, sizeof key);
    buf_free(&f);
    uint32_t first = 0, n = gazetteer_lookup(e->gaz, key, k, &first);
    /* "El Geneina", "Al Fashir": try without the Arabic article */
    if (!n && k > 3 && (!memcmp(key, "el ", 3) || !memcmp(key, "al ", 3)))
        n = gazetteer_lookup(e->gaz, key + 3, k - 3, &first);
    /* scored as in text, the wanted country acting as a qualifier
     * ("New York" is the city, not the state) */
    const gaz_place *best = NULL;
    double best_score = -1e9;
    uint32_t want = iso3 && *iso3 ? gazetteer_country_by_code(e->gaz, iso3) : GAZ_NONE;
    qualifier q = {0};
    if (want != GAZ_NONE && want <= UINT16_MAX) {
        q.countries[0] = (uint16_t)want;
        q.nc = 1;
    }
    for (uint32_t i = 0; i < n; i++) {
        const gaz_place *p = gazetteer_name_place(e->gaz, first + i);
        double sc = place_score(p, NULL, &q) + (want != GAZ_NONE && p->country == want ? 10 : 0);
        if (!best || sc > best_score) {
            best = p;
            best_score = sc;
        }
    }
    if (!best)
        return 0;
    *lat = best->lat / 1e5;
    *lon = best->lon / 1e5;
    return 1;
}

double clio_distance_km(double lat1, double lon1, double lat2, double lon2)
{
    return gaz_distance_km(lat1, lon1, lat2, lon2);
}

/* "the Ukrainian capital", "the capital": the capital city of iso3 for
 * tokens [a, b) (the phrase), as a place of its own. */
int where_capital(const gazetteer *g, const char *iso3, const tok *toks, uint32_t n, uint32_t a, uint32_t b,
                  place *out)
{
    if (!g || !iso3 || strlen(iso3) < 3 || b <= a || b > n)
        return 0;
    uint32_t ci = gazetteer_country_by_code(g, iso3);
    if (ci == GAZ_NONE || ci >= g->h->ncountry)
        return 0;
    uint32_t best = g->capital[ci];
    if (best == UINT32_MAX)
        return 0;
    int prep = 0;
    fill_place(g, toks, a, b, best, PLACE_CUE_QUALIFIED, out);
    out->anchor_tok = span_anchor(toks, n, a, b, toks[0].upos != 0, &prep);
    out->in_preposition = (uint8_t)prep;
    return 1;
}

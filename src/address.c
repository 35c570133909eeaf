/*
 * address.c - postal addresses: detection, parsing, geolocation.
 *
 * Algorithm.  The text is read line by line, once.  A line is a candidate
 * when it carries an address label ("Address:", "Indirizzo:", "Adresse:",
 * "Anschrift:", "Dirección:", "Adres:", "Адреса:", "Адрес:" ...; the part
 * after the label is used) or is short and looks like one (a road word and a
 * number, or a postcode).  The candidate is cut at commas (and at " - " /
 * ";") into parts, each part classified:
 *   road      a road word of one of the nine conventions (via, Straße,
 *             rue, calle, street, cadde, вул., ул. ...), with the house
 *             number before it (US, UK, FR: "1600 Pennsylvania Avenue") or
 *             after it (IT, DE, ES, TR, UA, RU: "Via Mario Greco 60");
 *   number    "45", "No: 12", "д. 13" (the house number in its own part);
 *   unit      "Apt 4B", "Suite 200", "int. 5", "кв. 7", "Daire 3";
 *   postcode  5 digits (IT, DE, FR, ES, TR, UA, US), 6 (RU), UK outward +
 *             inward codes, US "ST 12345[-6789]"; alone or with the city
 *             ("10117 Berlin", "London SW1A 2AA", "Kyiv 01001");
 *   country   a gazetteer country name in any language the aliases know;
 *   place     anything else: city, province, state, district ("Çankaya/
 *             Ankara", "Torino (TO)").
 * The city is the first place part the gazetteer knows as a city of the
 * address's country (else the first place part after the road), the
 * province the next one (or the US state, or the "(TO)" abbreviation).
 * A line that has a road and number but no city or postcode is joined with
 * up to two following short lines (contact blocks).  The address is located
 * at its city (else province, else country) with the gazetteer.
 * Hands on: address records with byte spans, to the entities command.
 */
#include "address.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ADDR_MAX_PARTS 12
#define ADDR_MAX_LINE 400

const char *address_convention_name(int c)
{
    static const char *const N[] = {"", "IT", "US", "GB", "DE", "FR", "ES", "TR", "UA", "RU"};
    return c >= 0 && c <= ADDR_RU ? N[c] : "";
}

enum part_kind { P_PLACE = 0, P_ROAD, P_NUMBER, P_UNIT, P_POSTCODE, P_POSTCITY, P_STATEZIP, P_COUNTRY };

typedef struct part {
    const char *s;          /* trimmed original text */
    size_t n;
    char fold[160];         /* folded, lower case */
    size_t fl;
    int kind;
    int conv;               /* convention suggested by a road word */
    /* sub-spans (into s) */
    size_t hn_a, hn_n;      /* house number */
    size_t road_a, road_n;
    size_t pc_a, pc_n;      /* postcode */
    size_t city_a, city_n;  /* city inside POSTCITY, or place text */
    size_t prov_a, prov_n;  /* "(TO)" or "/Ankara" */
    int uk_nation;          /* England, Scotland, Wales, Northern Ireland */
} part;

/* ------------------------------------------------------------ helpers */
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void copy_field(char *dst, size_t cap, const char *s, size_t n)
{
    while (n && is_space(*s)) { s++; n--; }
    while (n && (is_space(s[n - 1]) || s[n - 1] == ',')) n--;
    if (n >= cap) n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = 0;
}

static int all_digits(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i])) return 0;
    return 1;
}

/* word w (folded) equals one of the list, ignoring a final '.' or ':' */
static int word_in(const char *w, size_t n, const char *const *list)
{
    while (n && (w[n - 1] == '.' || w[n - 1] == ':' || w[n - 1] == ','))
        n--;
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return 1;
    return 0;
}

static int ends_with(const char *w, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    while (n && (w[n - 1] == '.' || w[n - 1] == ','))
        n--;
    return n > l && memcmp(w + n - l, suf, l) == 0;
}

static const char *const ROAD_IT[] = {"via", "viale", "piazza", "piazzale", "corso", "largo",
    "vicolo", "strada", "contrada", "borgo", "lungomare", "lungotevere", "localita", "frazione",
    "v.le", "p.za", "p.zza", NULL};
static const char *const ROAD_EN[] = {"street", "st", "avenue", "ave", "road", "rd", "boulevard",
    "blvd", "lane", "ln", "drive", "dr", "way", "court", "ct", "square", "sq", "terrace",
    "highway", "hwy", "parkway", "pkwy", "circle", "cir", "crescent", "close", "gardens", "row",
    "mews", "grove", "walk", "broadway", "plaza", NULL};
static const char *const ROAD_FR[] = {"rue", "place", "boulevard", "bd", "bld", "chemin", "allee", "quai",
    "impasse", "route", "cours", "voie", "faubourg", NULL};
static const char *const ROAD_ES[] = {"calle", "c/", "avenida", "avda", "av", "plaza", "pza",
    "paseo", "carretera", "ctra", "camino", "ronda", "travesia", "glorieta", "rambla",
    "passeig", "carrer", "placa", "avinguda", NULL};
static const char *const ROAD_DE[] = {"strasse", "str", "weg", "platz", "allee", "gasse", "damm",
    "ufer", "chaussee", "ring", "stieg", "markt", "wall", "graben", "steig", NULL};
static const char *const ROAD_TR[] = {"cadde", "caddesi", "cad", "cd", "sokak", "sokagi", "sk",
    "sok", "bulvar", "bulvari", "blv", "mahallesi", "mah", "mh", NULL};
static const char *const ROAD_UA[] = {"вул", "вулиця", "просп", "проспект", "бульв", "площа",
    "пров", "провулок", "узвіз", "узвiз", "vul", "vulytsia", "vulytsya", "prosp", "provulok", NULL};
static const char *const ROAD_RU[] = {"ул", "улица", "пр", "пр-т", "проспект", "пер", "переулок",
    "ш", "шоссе", "наб", "набережная", "пл", "площадь", "бульвар", "б-р", "ulitsa", "ul",
    "prospekt", "pereulok", NULL};
static const char *const UNIT_WORDS[] = {"apt", "apartment", "suite", "ste", "unit", "flat",
    "floor", "fl", "interno", "int", "scala", "piano", "кв", "квартира", "офис", "оф", "офіс",
    "daire", "kat", "piso", "puerta", "bureau", "etage", "wohnung", "whg", "room", "rm", "#", NULL};
static const char *const NUMBER_WORDS[] = {"no", "n", "nr", "n°", "nº", "д", "дом", "буд", "будинок",
    "num", "numero", "número", "numéro", NULL};

/* Road convention of a folded word, 0 = not a road word.  "avenue",
 * "place", "boulevard" are shared by English and French: EN here, the
 * country decides later. */
static int road_word(const char *w, size_t n, int first)
{
    if (word_in(w, n, ROAD_IT)) return ADDR_IT;
    if (word_in(w, n, ROAD_ES)) return ADDR_ES;
    if (word_in(w, n, ROAD_FR)) return ADDR_FR;
    if (word_in(w, n, ROAD_UA)) return ADDR_UA;
    if (word_in(w, n, ROAD_RU)) return ADDR_RU;
    if (word_in(w, n, ROAD_TR)) return ADDR_TR;
    if (word_in(w, n, ROAD_DE)) return ADDR_DE;
    if (!first && word_in(w, n, ROAD_EN)) return ADDR_US;
    if (ends_with(w, n, "strasse") || ends_with(w, n, "str") || ends_with(w, n, "weg") ||
        ends_with(w, n, "platz") || ends_with(w, n, "allee") || ends_with(w, n, "gasse") ||
        ends_with(w, n, "damm") || ends_with(w, n, "stieg") || ends_with(w, n, "markt"))
        return ADDR_DE;
    if (ends_with(w, n, "caddesi") || ends_with(w, n, "sokagi") || ends_with(w, n, "bulvari"))
        return ADDR_TR;
    return 0;
}

/* A house number token: 60, 12A, 15/2, 5-7, 221B */
static size_t house_number_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_digit(s[i])) i++;
    if (i == 0 || i > 5) return 0;
    if (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) &&
        (i + 1 == n || !((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))))
        i++;
    if (i + 1 < n && (s[i] == '/' || s[i] == '-') && is_digit(s[i + 1])) {
        i++;
        while (i < n && (is_digit(s[i]) || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) i++;
    }
    return i;
}

/* UK postcode at the end of s[0..n): returns its start or n when none. */
static size_t uk_postcode_at_end(const char *s, size_t n)
{
    /* inward code: digit + two letters */
    if (n < 5) return n;
    size_t e = n;
    if (!(is_upper(s[e - 1]) && is_upper(s[e - 2]) && is_digit(s[e - 3]))) return n;
    size_t i = e - 3;
    if (i > 0 && s[i - 1] == ' ') i--;
    /* outward: A9, A99, AA9, AA99, A9A, AA9A */
    size_t j = i, k = 0;
    while (j > 0 && (is_upper(s[j - 1]) || is_digit(s[j - 1])) && k < 4) { j--; k++; }
    if (k < 2 || !is_upper(s[j]) || (j > 0 && s[j - 1] != ' ')) return n;
    /* at least one digit in the outward code */
    int digit = 0;
    for (size_t m = j; m < i; m++) digit |= is_digit(s[m]);
    return digit ? j : n;
}

/* Splits the folded text of a part into words; calls road_word on each. */
static int part_road(part *p, size_t *word_a, size_t *word_n)
{
    size_t i = 0;
    int first = 1;
    while (i < p->fl) {
        while (i < p->fl && p->fold[i] == ' ') i++;
        size_t a = i;
        while (i < p->fl && p->fold[i] != ' ') i++;
        if (i > a) {
            int c = road_word(p->fold + a, i - a, 0);
            (void)first;
            if (c) {
                *word_a = a;
                *word_n = i - a;
                return c;
            }
            first = 0;
        }
    }
    return 0;
}

static int first_word_in(const part *p, const char *const *list, size_t *after)
{
    size_t i = 0;
    while (i < p->fl && p->fold[i] != ' ' && !is_digit(p->fold[i])) i++;
    size_t w = i;
    if (w > 0 && word_in(p->fold, w, list)) {
        *after = w;
        return 1;
    }
    /* "д.13", "No:12": the word glued to the number */
    return 0;
}

/* Position in the original text corresponding to folded offset: the fold is
 * only used for classification; spans are taken by scanning the original. */
static void classify(part *p, const gazetteer *g)
{
    const char *s = p->s;
    size_t n = p->n;
    p->kind = P_PLACE;
    p->city_a = 0;
    p->city_n = n;
    /* postcode alone */
    if ((n == 5 || n == 6) && all_digits(s, n)) {
        p->kind = P_POSTCODE;
        p->pc_a = 0;
        p->pc_n = n;
        return;
    }
    if (n == 10 && all_digits(s, 5) && s[5] == '-' && all_digits(s + 6, 4)) {
        p->kind = P_POSTCODE;
        p->pc_a = 0;
        p->pc_n = n;
        return;
    }
    /* US state + ZIP */
    if (n >= 8 && is_upper(s[0]) && is_upper(s[1]) && s[2] == ' ' && all_digits(s + 3, 5) &&
        (n == 8 || (n == 13 && s[8] == '-' && all_digits(s + 9, 4)))) {
        p->kind = P_STATEZIP;
        p->prov_a = 0;
        p->prov_n = 2;
        p->pc_a = 3;
        p->pc_n = n - 3;
        return;
    }
    /* unit */
    size_t after;
    if (first_word_in(p, UNIT_WORDS, &after) || (n > 1 && s[0] == '#' && is_digit(s[1]))) {
        p->kind = P_UNIT;
        return;
    }
    /* house number alone: "45", "No: 12", "д. 13", "n. 5" */
    {
        size_t i = 0;
        if (first_word_in(p, NUMBER_WORDS, &after)) {
            /* skip the word in the original: up to the first digit */
            while (i < n && !is_digit(s[i])) i++;
        }
        size_t hl = house_number_len(s + i, n - i);
        if (hl && i + hl == n && (i > 0 || n <= 6)) {
            p->kind = P_NUMBER;
            p->hn_a = i;
            p->hn_n = hl;
            return;
        }
    }
    /* road */
    size_t wa, wn;
    int conv = part_road(p, &wa, &wn);
    if (conv) {
        p->kind = P_ROAD;
        p->conv = conv;
        p->road_a = 0;
        p->road_n = n;
        size_t hl = house_number_len(s, n);
        if (hl && hl < n && s[hl] == ' ') {
            /* leading number: "1600 Pennsylvania Avenue", "55 Rue du ..." */
            p->hn_a = 0;
            p->hn_n = hl;
            p->road_a = hl + 1;
            p->road_n = n - hl - 1;
        } else {
            /* trailing number: "Via Mario Greco 60", "Atatürk Bulvarı No: 12",
             * "Calle Mayor, 10" is split by the comma into a number part */
            size_t e = n;
            size_t b = e;
            while (b > 0 && s[b - 1] != ' ' && s[b - 1] != ',') b--;
            size_t hl2 = house_number_len(s + b, e - b);
            if (b > 0 && hl2 && b + hl2 == e) {
                p->hn_a = b;
                p->hn_n = hl2;
                size_t r = b;
                while (r > 0 && (s[r - 1] == ' ' || s[r - 1] == ',')) r--;
                /* "No:" / "No." / "n." / "д." before the number */
                size_t w = r;
                while (w > 0 && s[w - 1] != ' ') w--;
                const char *ww = s + w;
                size_t wl = r - w;
                char low[8] = {0};
                if (wl < sizeof low) {
                    for (size_t k = 0; k < wl; k++)
                        low[k] = (char)((ww[k] >= 'A' && ww[k] <= 'Z') ? ww[k] + 32 : ww[k]);
                    if (word_in(low, wl, NUMBER_WORDS)) {
                        r = w;
                        while (r > 0 && (s[r - 1] == ' ' || s[r - 1] == ',')) r--;
                    }
                }
                p->road_n = r;
            }
        }
        return;
    }
    /* UK: "London SW1A 2AA" */
    size_t uk = uk_postcode_at_end(s, n);
    if (uk < n) {
        p->kind = uk == 0 ? P_POSTCODE : P_POSTCITY;
        p->pc_a = uk;
        p->pc_n = n - uk;
        p->city_a = 0;
        p->city_n = uk ? uk - 1 : 0;
        return;
    }
    /* postcode + city: "75008 Paris", "10117 Berlin", "125009 Москва" */
    size_t d = 0;
    while (d < n && is_digit(s[d])) d++;
    if ((d == 5 || d == 6 || d == 4) && d + 1 < n && s[d] == ' ') {
        p->kind = P_POSTCITY;
        p->pc_a = 0;
        p->pc_n = d;
        p->city_a = d + 1;
        p->city_n = n - d - 1;
    } else {
        /* city + postcode: "Kyiv 01001" */
        size_t e = n;
        while (e > 0 && is_digit(s[e - 1])) e--;
        if ((n - e == 5 || n - e == 6) && e > 1 && s[e - 1] == ' ') {
            p->kind = P_POSTCITY;
            p->pc_a = e;
            p->pc_n = n - e;
            p->city_a = 0;
            p->city_n = e - 1;
        }
    }
    /* "Torino (TO)", "Çankaya/Ankara" */
    const char *cs = s + p->city_a;
    size_t cn = p->city_n;
    if (cn > 5 && cs[cn - 1] == ')' && cs[cn - 4] == '(' && is_upper(cs[cn - 3]) && is_upper(cs[cn - 2])) {
        p->prov_a = p->city_a + cn - 3;
        p->prov_n = 2;
        cn -= 4;
        while (cn && cs[cn - 1] == ' ') cn--;
        p->city_n = cn;
    } else {
        const char *slash = memchr(cs, '/', cn);
        if (slash && slash > cs && slash + 1 < cs + cn) {
            p->prov_a = p->city_a + (size_t)(slash - cs) + 1;
            p->prov_n = cn - (size_t)(slash - cs) - 1;
            p->city_n = (size_t)(slash - cs);
        }
    }
    if (p->kind == P_PLACE) {
        static const char *const UK_NATIONS[] = {"england", "scotland", "wales", "northern ireland", NULL};
        char key[160];
        size_t kl = gaz_key(p->fold, p->fl, key, sizeof key);
        for (const char *const *u = UK_NATIONS; *u; u++)
            if (strlen(*u) == kl && memcmp(*u, key, kl) == 0) {
                p->kind = P_COUNTRY;
                p->uk_nation = 1;
                return;
            }
    }
    if (p->kind == P_PLACE && g) {
        char key[160];
        size_t kl = gaz_key(p->fold, p->fl, key, sizeof key);
        uint32_t first, cnt = kl ? gazetteer_lookup(g, key, kl, &first) : 0;
        for (uint32_t k = 0; k < cnt; k++)
            if (gazetteer_name_place(g, first + k)->kind == GAZ_COUNTRY) {
                p->kind = P_COUNTRY;
                break;
            }
    }
}

static int conv_of_country(const char *iso3)
{
    static const struct { const char *iso; int c; } M[] = {
        {"ITA", ADDR_IT}, {"USA", ADDR_US}, {"GBR", ADDR_GB}, {"DEU", ADDR_DE}, {"FRA", ADDR_FR},
        {"ESP", ADDR_ES}, {"TUR", ADDR_TR}, {"UKR", ADDR_UA}, {"RUS", ADDR_RU}};
    for (size_t i = 0; i < sizeof M / sizeof M[0]; i++)
        if (strcmp(M[i].iso, iso3) == 0) return M[i].c;
    return ADDR_UNKNOWN;
}

static const char *country_of_conv(int c)
{
    static const char *const M[] = {"", "ITA", "USA", "GBR", "DEU", "FRA", "ESP", "TUR", "UKR", "RUS"};
    return c > 0 && c <= ADDR_RU ? M[c] : "";
}

/* Folded key of an original string, via the scratch buffer. */
static size_t key_of(buf *scratch, const char *s, size_t n, char *key, size_t cap)
{
    scratch->len = 0;
    if (text_fold(s, n, scratch) != 0)
        return 0;
    return gaz_key(scratch->data ? scratch->data : "", scratch->len, key, cap);
}

/* Best gazetteer place for a name: a city of the country (in the
 * province's division when the address names one) if any, else a division,
 * else anything; UINT32_MAX when unknown. */
static uint32_t locate(const gazetteer *g, buf *scratch, const char *name, size_t n,
                       uint32_t country, int city_only, const char *prov)
{
    char key[160];
    uint16_t pa[8];
    int npa = 0;
    if (prov && *prov) {
        size_t pk = key_of(scratch, prov, strlen(prov), key, sizeof key);
        uint32_t f0, c0 = pk ? gazetteer_lookup(g, key, pk, &f0) : 0;
        for (uint32_t k = 0; k < c0 && npa < 8; k++) {
            const gaz_place *p = gazetteer_name_place(g, f0 + k);
            if (p->admin1 != GAZ_NONE && (country == GAZ_NONE || p->country == country))
                pa[npa++] = p->admin1;
        }
    }
    size_t kl = key_of(scratch, name, n, key, sizeof key);
    uint32_t first, cnt = kl ? gazetteer_lookup(g, key, kl, &first) : 0;
    uint32_t best = UINT32_MAX;
    int best_rank = -1;
    uint32_t best_pop = 0;
    for (uint32_t k = 0; k < cnt; k++) {
        const gaz_place *p = gazetteer_name_place(g, first + k);
        if (p->kind == GAZ_COUNTRY)
            continue;
        if (city_only && p->kind != GAZ_CITY)
            continue;
        int rank = (country == GAZ_NONE || p->country == country) ? 4 : 0;
        rank += p->kind == GAZ_CITY ? 1 : 0;
        for (int j = 0; j < npa; j++)
            if (p->admin1 == pa[j]) {
                rank += 2;
                break;
            }
        if (rank > best_rank || (rank == best_rank && p->population > best_pop)) {
            best_rank = rank;
            best_pop = p->population;
            best = (uint32_t)(p - gazetteer_place(g, 0));
        }
    }
    if (best != UINT32_MAX && country != GAZ_NONE && best_rank < 4)
        return UINT32_MAX;
    /* a namesake in another division: better the province itself */
    if (best != UINT32_MAX && npa > 0) {
        int in = 0;
        for (int j = 0; j < npa; j++)
            in |= gazetteer_place(g, best)->admin1 == pa[j];
        if (!in)
            return UINT32_MAX;
    }
    return best;
}

static uint32_t country_index(const gazetteer *g, buf *scratch, const char *s, size_t n)
{
    char key[160];
    size_t kl = key_of(scratch, s, n, key, sizeof key);
    uint32_t first, cnt = kl ? gazetteer_lookup(g, key, kl, &first) : 0;
    for (uint32_t k = 0; k < cnt; k++) {
        const gaz_place *p = gazetteer_name_place(g, first + k);
        if (p->kind == GAZ_COUNTRY)
            return p->country;
    }
    return GAZ_NONE;
}

/* ------------------------------------------------------------ parsing */
/* Parses one candidate segment seg[0..n) (offset base in the text). */
static int parse_segment(const gazetteer *g, buf *scratch, const char *seg, size_t n,
                         int labelled, address *a)
{
    part parts[ADDR_MAX_PARTS];
    size_t np = 0;
    size_t i = 0;
    while (i < n && np < ADDR_MAX_PARTS) {
        size_t b = i;
        while (b < n && seg[b] != ',' && seg[b] != ';' && seg[b] != '\n' &&
               !(seg[b] == ' ' && b + 2 < n && (seg[b + 1] == '-' || seg[b + 1] == '|') && seg[b + 2] == ' '))
            b++;
        size_t x = i, y = b;
        while (x < y && is_space(seg[x])) x++;
        while (y > x && (is_space(seg[y - 1]) || seg[y - 1] == '.'))
            y--;
        /* keep a final '.' of an abbreviation-free part only when it ends "St." */
        if (y < b && seg[y] == '.' && y > x && !is_digit(seg[y - 1]))
            y++;
        if (y > x) {
            part *p = &parts[np++];
            memset(p, 0, sizeof *p);
            p->s = seg + x;
            p->n = y - x;
            scratch->len = 0;
            if (text_fold(p->s, p->n, scratch) != 0)
                return 0;
            p->fl = scratch->len < sizeof p->fold - 1 ? scratch->len : sizeof p->fold - 1;
            memcpy(p->fold, scratch->data, p->fl);
            p->fold[p->fl] = 0;
            classify(p, g);
        }
        i = b < n ? b + 1 : n;
        if (b < n && seg[b] == ' ') i = b + 3; /* " - " */
    }
    if (np < 2)
        return 0;
    int road = -1;
    for (size_t k = 0; k < np; k++)
        if (parts[k].kind == P_ROAD) { road = (int)k; break; }
    if (road < 0) {
        /* a road without a road word ("Zeil 106", "Jungfernstieg 7"): a
         * name with a trailing number right before "POSTCODE City" */
        for (size_t k = 0; k + 1 < np && road < 0; k++) {
            part *p = &parts[k];
            if (p->kind != P_PLACE || (parts[k + 1].kind != P_POSTCITY && parts[k + 1].kind != P_POSTCODE))
                continue;
            size_t b = p->n;
            while (b > 0 && p->s[b - 1] != ' ') b--;
            size_t hl = house_number_len(p->s + b, p->n - b);
            if (b > 1 && hl && b + hl == p->n) {
                p->kind = P_ROAD;
                p->road_a = 0;
                p->road_n = b - 1;
                p->hn_a = b;
                p->hn_n = hl;
                p->prov_n = 0;
                road = (int)k;
            }
        }
    }
    memset(a, 0, sizeof *a);
    a->gaz_place = UINT32_MAX;
    int conv = road >= 0 ? parts[road].conv : ADDR_UNKNOWN;
    if (road >= 0) {
        part *r = &parts[road];
        copy_field(a->road, sizeof a->road, r->s + r->road_a, r->road_n);
        if (r->hn_n)
            copy_field(a->house_number, sizeof a->house_number, r->s + r->hn_a, r->hn_n);
        if (!r->hn_n && road + 1 < (int)np && parts[road + 1].kind == P_NUMBER) {
            part *q = &parts[road + 1];
            copy_field(a->house_number, sizeof a->house_number, q->s + q->hn_a, q->hn_n);
        }
        if (!r->hn_n && road > 0 && parts[road - 1].kind == P_NUMBER && !a->house_number[0]) {
            part *q = &parts[road - 1];
            copy_field(a->house_number, sizeof a->house_number, q->s + q->hn_a, q->hn_n);
        }
    }
    /* fields from the other parts */
    uint32_t country = GAZ_NONE;
    const part *places[ADDR_MAX_PARTS];
    size_t nplaces = 0;
    const part *postcity = NULL;
    for (size_t k = 0; k < np; k++) {
        part *p = &parts[k];
        switch (p->kind) {
        case P_UNIT:
            if (!a->unit[0]) copy_field(a->unit, sizeof a->unit, p->s, p->n);
            break;
        case P_POSTCODE:
            if (!a->postcode[0]) copy_field(a->postcode, sizeof a->postcode, p->s + p->pc_a, p->pc_n);
            break;
        case P_STATEZIP:
            copy_field(a->postcode, sizeof a->postcode, p->s + p->pc_a, p->pc_n);
            copy_field(a->province, sizeof a->province, p->s + p->prov_a, p->prov_n);
            conv = ADDR_US;
            break;
        case P_POSTCITY:
            if (!a->postcode[0]) copy_field(a->postcode, sizeof a->postcode, p->s + p->pc_a, p->pc_n);
            if (!postcity) postcity = p;
            break;
        case P_COUNTRY:
            if (g) country = p->uk_nation ? gazetteer_country_by_code(g, "GBR")
                                          : country_index(g, scratch, p->s, p->n);
            break;
        case P_PLACE:
            if ((int)k != road && nplaces < ADDR_MAX_PARTS) places[nplaces++] = p;
            break;
        default:
            break;
        }
    }
    if (country != GAZ_NONE && g) {
        memcpy(a->country, gazetteer_country(g, country)->iso3, 4);
        int c = conv_of_country(a->country);
        if (c) conv = c;
    }
    /* postcode shape refines the convention */
    size_t pl = strlen(a->postcode);
    if (!a->country[0]) {
        if (pl == 6 && all_digits(a->postcode, 6)) conv = ADDR_RU;
        else if (pl && !all_digits(a->postcode, pl) && !(pl == 10 && a->postcode[5] == '-')) conv = ADDR_GB;
        else if (conv == ADDR_UNKNOWN && road >= 0 && parts[road].hn_n && parts[road].hn_a == 0 && pl == 5)
            conv = ADDR_US;
    }
    if (conv == ADDR_US && pl && !all_digits(a->postcode, pl) && !(pl == 10 && a->postcode[5] == '-'))
        conv = ADDR_GB;
    if (conv == ADDR_UNKNOWN && a->country[0])
        conv = conv_of_country(a->country);
    /* city and province */
    if (!a->country[0] && conv && g)
        country = gazetteer_country_by_code(g, country_of_conv(conv));
    const char *city_s = NULL;
    size_t city_n = 0;
    const part *city_part = NULL;
    if (postcity) {
        city_s = postcity->s + postcity->city_a;
        city_n = postcity->city_n;
        city_part = postcity;
    }
    if (!city_s && g) {
        for (size_t k = 0; k < nplaces && !city_s; k++) {
            const part *p = places[k];
            if (locate(g, scratch, p->s + p->city_a, p->city_n, country, 1, NULL) != UINT32_MAX) {
                city_s = p->s + p->city_a;
                city_n = p->city_n;
                city_part = p;
            }
        }
    }
    if (!city_s) {
        /* first place part after the road, else the first one */
        for (size_t k = 0; k < nplaces && !city_s; k++)
            if (road < 0 || places[k] > &parts[road]) {
                city_s = places[k]->s + places[k]->city_a;
                city_n = places[k]->city_n;
                city_part = places[k];
            }
        if (!city_s && nplaces) {
            city_s = places[0]->s + places[0]->city_a;
            city_n = places[0]->city_n;
            city_part = places[0];
        }
    }
    if (city_s)
        copy_field(a->city, sizeof a->city, city_s, city_n);
    if (!a->province[0]) {
        if (city_part && city_part->prov_n)
            copy_field(a->province, sizeof a->province, city_part->s + city_part->prov_a, city_part->prov_n);
        else
            for (size_t k = 0; k < nplaces; k++)
                if (places[k] != city_part && (road < 0 || places[k] != &parts[road])) {
                    copy_field(a->province, sizeof a->province,
                               places[k]->s + places[k]->city_a, places[k]->city_n);
                    if (places[k]->prov_n && !a->province[0])
                        copy_field(a->province, sizeof a->province,
                                   places[k]->s + places[k]->prov_a, places[k]->prov_n);
                    break;
                }
    }
    /* acceptance: a road with a number or a postcode, and somewhere to put it */
    int has_road = road >= 0, has_num = a->house_number[0] != 0, has_pc = a->postcode[0] != 0;
    int has_city = a->city[0] != 0;
    if (!has_road && !(labelled && has_pc && has_city))
        return 0;
    if (has_road && !(has_num || has_pc))
        return 0;
    if (!has_city && !has_pc)
        return 0;
    if (!labelled && !(has_pc || (has_num && has_city && np >= 3)))
        return 0;
    /* location */
    if (g) {
        uint32_t pi = UINT32_MAX;
        int prec = 0;
        if (a->city[0]) {
            pi = locate(g, scratch, a->city, strlen(a->city), country, 0, a->province);
            prec = PLACE_CITY;
        }
        if (pi == UINT32_MAX && a->province[0]) {
            pi = locate(g, scratch, a->province, strlen(a->province), country, 0, NULL);
            prec = PLACE_ADMIN1;
        }
        if (pi != UINT32_MAX) {
            const gaz_place *gp = gazetteer_place(g, pi);
            if (gp->kind == GAZ_ADMIN1 && prec == PLACE_CITY)
                prec = PLACE_ADMIN1;
            a->gaz_place = pi;
            a->lat = gp->lat / 1e5;
            a->lon = gp->lon / 1e5;
            a->located = (uint8_t)prec;
            if (!a->country[0] && gp->country != GAZ_NONE)
                memcpy(a->country, gazetteer_country(g, gp->country)->iso3, 4);
        } else if (country != GAZ_NONE) {
            const gaz_country *c = gazetteer_country(g, country);
            a->lat = c->lat / 1e5;
            a->lon = c->lon / 1e5;
            a->located = PLACE_COUNTRY;
        }
        if (!a->country[0] && country != GAZ_NONE)
            memcpy(a->country, gazetteer_country(g, country)->iso3, 4);
    }
    if (!a->country[0] && conv)
        memcpy(a->country, country_of_conv(conv), 4);
    if (!conv && a->country[0])
        conv = conv_of_country(a->country);
    a->convention = (uint8_t)conv;
    return 1;
}

/* ------------------------------------------------------------ detection */
static const char *const LABELS[] = {
    "address", "indirizzo", "adresse", "anschrift", "direccion", "domicilio", "adres",
    "адреса", "адрес", "sede", "sede legale", "headquarters", "location", "registered office",
    "mailing address", "postal address", "office", NULL};

/* Length of a label + ':' at the start of line[0..n), 0 when none. */
static size_t label_len(buf *scratch, const char *line, size_t n)
{
    const char *colon = memchr(line, ':', n < 40 ? n : 40);
    if (!colon)
        return 0;
    size_t l = (size_t)(colon - line);
    char key[64];
    size_t kl = key_of(scratch, line, l, key, sizeof key);
    if (!kl)
        return 0;
    for (const char *const *p = LABELS; *p; p++)
        if (strlen(*p) == kl && memcmp(*p, key, kl) == 0)
            return l + 1;
    /* "Our address", "Company address", "Indirizzo sede" */
    for (const char *const *p = LABELS; *p; p++) {
        size_t pl = strlen(*p);
        if (kl > pl && key[kl - pl - 1] == ' ' && memcmp(key + kl - pl, *p, pl) == 0)
            return l + 1;
        if (kl > pl && key[pl] == ' ' && memcmp(key, *p, pl) == 0)
            return l + 1;
    }
    return 0;
}

/* A page repeats its contact block (header and footer): one address is
 * reported once, at its first place. */
static int seen_before(const address *out, size_t k, const address *a)
{
    for (size_t i = 0; i < k; i++)
        if (!strcmp(out[i].road, a->road) && !strcmp(out[i].house_number, a->house_number) &&
            !strcmp(out[i].postcode, a->postcode) && !strcmp(out[i].city, a->city) &&
            !strcmp(out[i].unit, a->unit))
            return 1;
    return 0;
}

size_t address_find(const gazetteer *g, const char *text, size_t len, address *out, size_t max)
{
    size_t k = 0;
    buf scratch = {0};
    if (!text || !out || max == 0)
        return 0;
    size_t pos = 0;
    char joined[ADDR_MAX_LINE * 3 + 8];
    while (pos < len && k < max) {
        size_t e = pos;
        while (e < len && text[e] != '\n') e++;
        size_t a = pos, b = e;
        pos = e < len ? e + 1 : len;
        while (a < b && is_space(text[a])) a++;
        while (b > a && is_space(text[b - 1])) b--;
        if (b <= a)
            continue;
        size_t ll = label_len(&scratch, text + a, b - a);
        int labelled = ll > 0;
        if (labelled) {
            a += ll;
            while (a < b && is_space(text[a])) a++;
        }
        if (b - a > ADDR_MAX_LINE || b <= a)
            continue;
        /* quick shape test: a digit somewhere, and a comma or a label */
        int digit = 0, comma = 0;
        for (size_t i = a; i < b; i++) {
            if (is_digit(text[i])) digit = 1;
            if (text[i] == ',') comma = 1;
        }
        if (!digit && !labelled)
            continue;
        address tmp;
        if ((comma || labelled) && parse_segment(g, &scratch, text + a, b - a, labelled, &tmp)) {
            tmp.start = (uint32_t)a;
            tmp.end = (uint32_t)b;
            if (!seen_before(out, k, &tmp))
                out[k++] = tmp;
            continue;
        }
        /* contact block: this short line and up to two short following
         * lines (never across a labelled line, which stands alone) */
        if (b - a > 80)
            continue;
        size_t jl = 0, jend = b, npos = pos;
        memcpy(joined, text + a, b - a);
        jl = b - a;
        for (int extra = 0; extra < 2 && npos < len; extra++) {
            size_t e2 = npos;
            while (e2 < len && text[e2] != '\n') e2++;
            size_t a2 = npos, b2 = e2;
            while (a2 < b2 && is_space(text[a2])) a2++;
            while (b2 > a2 && is_space(text[b2 - 1])) b2--;
            if (b2 <= a2 || b2 - a2 > 80 || label_len(&scratch, text + a2, b2 - a2))
                break;
            memcpy(joined + jl, ", ", 2);
            jl += 2;
            memcpy(joined + jl, text + a2, b2 - a2);
            jl += b2 - a2;
            jend = b2;
            npos = e2 < len ? e2 + 1 : len;
            if (parse_segment(g, &scratch, joined, jl, labelled, &tmp) &&
                (tmp.postcode[0] || tmp.located == PLACE_CITY)) {
                tmp.start = (uint32_t)a;
                tmp.end = (uint32_t)jend;
                if (!seen_before(out, k, &tmp))
                    out[k++] = tmp;
                pos = npos;
                break;
            }
        }
    }
    buf_free(&scratch);
    return k;
}

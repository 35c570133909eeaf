/*
 * entities.c - `clio entities`: the who/where/when of a document without
 * events: postal addresses, people (with their office on the document's
 * date), organisations, places and dates, each with its byte span.
 *
 * Algorithm: clio_process segments (and, when loaded, parses) the text;
 * then, sentence by sentence in document order, the lexicon's actor
 * matcher (longest match first) gives people and organisations, where_find
 * gives places (a where_context carries the countries seen so far, so
 * later ambiguous names lean toward the story's countries) and when_find
 * gives dates anchored on the document date.  Addresses are found once
 * over the whole text (they span lines, not sentences); boilerplate
 * sentences (lines the page repeats) give nothing else.  Output is one
 * JSON object per document (include/clio.h describes it).
 */
#include "engine.h"
#include "address.h"
#include "when.h"
#include "where.h"

#ifdef CLIO_HAVE_LEXICON
#include "lexicon.h"
#define HAVE_LEXICON 1
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* JSON string (with quotes) of s[0..n). */
static int put_json_str(buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n + 2) != 0)
        return -1;
    int r = buf_put(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n && r == 0; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        r |= buf_put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': r |= buf_puts(b, "\\\""); break;
        case '\\': r |= buf_puts(b, "\\\\"); break;
        case '\n': r |= buf_puts(b, "\\n"); break;
        case '\t': r |= buf_puts(b, "\\t"); break;
        case '\r': r |= buf_puts(b, "\\r"); break;
        default: r |= buf_printf(b, "\\u%04x", c); break;
        }
    }
    r |= buf_put(b, s + run, n - run);
    r |= buf_put(b, "\"", 1);
    return r ? -1 : 0;
}

static int put_key_str(buf *b, const char *key, const char *s)
{
    int r = buf_printf(b, ",\"%s\":", key);
    return r | put_json_str(b, s ? s : "", s ? strlen(s) : 0);
}

static int put_span(buf *b, const char *text, uint32_t start, uint32_t end)
{
    int r = buf_puts(b, "\"text\":");
    r |= put_json_str(b, text + start, end - start);
    r |= buf_printf(b, ",\"start\":%u,\"end\":%u", start, end);
    return r;
}

static const char *precision_name(int p)
{
    static const char *const N[] = {"", "address", "city", "admin1", "country", "region"};
    return p >= 0 && p <= PLACE_REGION ? N[p] : "";
}

static const char *date_precision_name(int p)
{
    static const char *const N[] = {"", "day", "week", "month", "year", "decade", "document"};
    return p >= 0 && p <= WHEN_DOCUMENT ? N[p] : "";
}

static const char *date_kind_name(int k)
{
    static const char *const N[] = {"", "absolute", "relative", "range", "dateline"};
    return k >= 0 && k <= WHEN_DATELINE ? N[k] : "";
}

static const char *cue_name(int c)
{
    static const char *const N[] = {"none", "preposition", "based", "dateline", "qualified", "verb"};
    return c >= 0 && c <= PLACE_CUE_VERB ? N[c] : "";
}

typedef struct lists {
    buf addr, people, orgs, places, dates;
    int n_addr, n_people, n_orgs, n_places, n_dates;
} lists;

static int sep(buf *b, int *count)
{
    return (*count)++ ? buf_put(b, ",", 1) : 0;
}

static int do_addresses(const clio_doc *d, lists *L)
{
    const gazetteer *g = (const gazetteer *)d->engine->gaz;
    address a[64];
    size_t n = address_find(g, d->text, d->len, a, 64);
    int r = 0;
    for (size_t i = 0; i < n; i++) {
        buf *b = &L->addr;
        r |= sep(b, &L->n_addr);
        r |= buf_put(b, "{", 1);
        r |= put_span(b, d->text, a[i].start, a[i].end);
        r |= put_key_str(b, "road", a[i].road);
        r |= put_key_str(b, "house_number", a[i].house_number);
        r |= put_key_str(b, "unit", a[i].unit);
        r |= put_key_str(b, "postcode", a[i].postcode);
        r |= put_key_str(b, "city", a[i].city);
        r |= put_key_str(b, "province", a[i].province);
        r |= put_key_str(b, "country", a[i].country);
        r |= put_key_str(b, "convention", address_convention_name(a[i].convention));
        if (a[i].located)
            r |= buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f,\"located\":\"%s\"", a[i].lat, a[i].lon,
                            precision_name(a[i].located));
        r |= buf_put(b, "}", 1);
    }
    return r;
}

#ifdef HAVE_LEXICON
static int do_actors(const clio_doc *d, const tok *t, uint32_t n, lists *L)
{
    const lexicon *lx = (const lexicon *)d->engine->lex;
    int r = 0;
    for (uint32_t i = 0; i < n;) {
        lex_match m[4];
        int k = lexicon_match(lx, t, i, n, d->date, m, 4);
        if (k <= 0 || m[0].ntok == 0) {
            i++;
            continue;
        }
        uint32_t end = i + m[0].ntok;
        if (end > n)
            end = n;
        int is_place = 0;
        if (m[0].kind == LEX_ACTOR && d->engine->gaz) {
            /* "Kyiv said": the city standing for its government is listed
             * with the places (cue and span tell the coder the rest) */
            char raw[256], key[256];
            size_t rl = 0;
            for (uint32_t j = i; j < end && rl + t[j].fold_len + 1 < sizeof raw; j++) {
                if (j > i)
                    raw[rl++] = ' ';
                memcpy(raw + rl, t[j].fold, t[j].fold_len);
                rl += t[j].fold_len;
            }
            size_t kl = gaz_key(raw, rl, key, sizeof key);
            uint32_t first;
            is_place = kl && gazetteer_lookup((const gazetteer *)d->engine->gaz, key, kl, &first) > 0;
        }
        if (m[0].kind == LEX_PERSON || (m[0].kind == LEX_ACTOR && !is_place)) {
            int person = m[0].kind == LEX_PERSON;
            buf *b = person ? &L->people : &L->orgs;
            r |= sep(b, person ? &L->n_people : &L->n_orgs);
            r |= buf_put(b, "{", 1);
            r |= put_span(b, d->text, t[i].start, t[end - 1].end);
            r |= put_key_str(b, "name", m[0].name);
            r |= put_key_str(b, "code", m[0].code);
            if (person)
                r |= put_key_str(b, "title", m[0].title);
            r |= buf_put(b, "}", 1);
        }
        i = end;
    }
    return r;
}
#endif

static int do_places(const clio_doc *d, const tok *t, uint32_t n, where_context *ctx, lists *L)
{
    const gazetteer *g = (const gazetteer *)d->engine->gaz;
    if (!g)
        return 0;
    place p[64];
    size_t k = where_find(g, t, n, d->text, ctx, p, 64);
    int r = 0;
    for (size_t i = 0; i < k; i++) {
        where_context_note(ctx, g, &p[i]);
        buf *b = &L->places;
        r |= sep(b, &L->n_places);
        r |= buf_put(b, "{", 1);
        r |= put_span(b, d->text, p[i].start, p[i].end);
        r |= put_key_str(b, "name", p[i].name);
        r |= put_key_str(b, "country", p[i].country);
        r |= put_key_str(b, "admin1", p[i].admin1);
        r |= buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f", p[i].lat, p[i].lon);
        r |= put_key_str(b, "precision", precision_name(p[i].precision));
        r |= put_key_str(b, "cue", cue_name(p[i].cue));
        r |= buf_printf(b, ",\"in_preposition\":%s}", p[i].in_preposition ? "true" : "false");
    }
    return r;
}

static int do_dates(const clio_doc *d, const tok *t, uint32_t n, lists *L)
{
    timex tx[64];
    size_t k = when_find(t, n, d->text, d->date, tx, 64);
    int r = 0;
    for (size_t i = 0; i < k; i++) {
        char v[64];
        when_format(&tx[i], v, sizeof v);
        buf *b = &L->dates;
        r |= sep(b, &L->n_dates);
        r |= buf_put(b, "{", 1);
        r |= put_span(b, d->text, tx[i].start, tx[i].end);
        r |= put_key_str(b, "value", v);
        r |= put_key_str(b, "precision", date_precision_name(tx[i].precision));
        r |= put_key_str(b, "kind", date_kind_name(tx[i].kind));
        r |= buf_put(b, "}", 1);
    }
    return r;
}

static void lists_free(lists *L)
{
    buf_free(&L->addr);
    buf_free(&L->people);
    buf_free(&L->orgs);
    buf_free(&L->places);
    buf_free(&L->dates);
}

int clio_entities(clio_worker *w, const clio_input *in, const clio_process_options *opt,
                  clio_buf *out, clio_error *err)
{
    if (!out) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->code = CLIO_ERR_USAGE;
            snprintf(err->message, sizeof err->message, "clio_entities: out is NULL");
        }
        return CLIO_ERR_USAGE;
    }
    clio_process_options o;
    if (opt)
        o = *opt;
    else
        clio_process_default_options(&o);
    /* events are not needed: segment and parse only */
    o.stages = CLIO_STAGE_SEGMENT | CLIO_STAGE_SYNTAX;
    clio_doc *d = clio_process(w, in, &o, err);
    if (!d)
        return err ? err->code : CLIO_ERR_INPUT;
    lists L;
    memset(&L, 0, sizeof L);
    where_context *ctx = calloc(1, sizeof *ctx);
    int r = ctx ? 0 : -1;
    if (r == 0)
        r |= do_addresses(d, &L);
    for (uint32_t s = 0; s < d->nsent && r == 0; s++) {
        const sent *S = &d->sents[s];
        const tok *t = d->toks + S->first;
        uint32_t n = S->ntok;
        if (S->flags & SENT_BOILERPLATE)
            continue; /* site furniture: its address is reported above, once */
#ifdef HAVE_LEXICON
        if (d->engine->lex)
            r |= do_actors(d, t, n, &L);
#endif
        r |= do_places(d, t, n, ctx, &L);
        r |= do_dates(d, t, n, &L);
    }
    buf *b = (buf *)out;
    if (r == 0) {
        r |= buf_puts(b, "{\"id\":");
        r |= put_json_str(b, d->id, d->id_len);
        if (d->date.y)
            r |= buf_printf(b, ",\"date\":\"%04d-%02d-%02d\"", d->date.y, d->date.m, d->date.d);
        else
            r |= buf_puts(b, ",\"date\":null");
        r |= buf_puts(b, ",\"addresses\":[");
        r |= buf_put(b, L.addr.data ? L.addr.data : "", L.addr.len);
        r |= buf_puts(b, "],\"people\":[");
        r |= buf_put(b, L.people.data ? L.people.data : "", L.people.len);
        r |= buf_puts(b, "],\"organisations\":[");
        r |= buf_put(b, L.orgs.data ? L.orgs.data : "", L.orgs.len);
        r |= buf_puts(b, "],\"places\":[");
        r |= buf_put(b, L.places.data ? L.places.data : "", L.places.len);
        r |= buf_puts(b, "],\"dates\":[");
        r |= buf_put(b, L.dates.data ? L.dates.data : "", L.dates.len);
        r |= buf_puts(b, "]}\n");
    }
    lists_free(&L);
    free(ctx);
    clio_doc_free(d);
    if (r) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->code = CLIO_ERR_NOMEM;
            snprintf(err->message, sizeof err->message, "out of memory");
        }
        return CLIO_ERR_NOMEM;
    }
    return 0;
}

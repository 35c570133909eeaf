/*
 * emit.c - output: events as JSON Lines, TSV or a readable table; segments
 * as JSON Lines; parses as CoNLL-U.  Field meanings: docs/OUTPUT.md.
 *
 * All output is appended to a caller's clio_buf; nothing is printed here.
 */
#include "coder.h"

#include <stdio.h>
#include <string.h>

static int json_str(buf *b, const char *s, size_t n);

/* "FILE:LINE" of the rule, escaped as a JSON string body */
static int tsv_field_json_rule(buf *b, const event *e);

static int json_str(buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (buf_reserve(b, n + 2))
        return -1;
    b->data[b->len++] = '"';
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        if (buf_put(b, s + run, i - run))
            return -1;
        char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
        size_t k = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
            esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            k = 6;
        }
        if (buf_put(b, esc, k))
            return -1;
        run = i + 1;
    }
    if (buf_put(b, s + run, n - run) || buf_put(b, "\"", 1))
        return -1;
    return 0;
}

int emit_json_string(buf *b, const char *s, size_t n);
int emit_json_string(buf *b, const char *s, size_t n) { return json_str(b, s, n); }

/* ------------------------------------------------------------ segments */
static int emit_segments(const clio_doc *d, buf *b)
{
    int r = 0;
    r |= buf_puts(b, "{\"doc_id\":");
    r |= json_str(b, d->id, d->id_len);
    size_t bp = 0;
    for (uint32_t i = 0; i < d->nsent; i++)
        bp += (d->sents[i].flags & SENT_BOILERPLATE) != 0;
    r |= buf_printf(b, ",\"sentences\":%u,\"tokens\":%u,\"boilerplate\":{\"kept\":%zu,\"dropped_copies\":%zu}}\n",
                    d->nsent, d->ntok, bp, d->boilerplate_sentences);
    for (uint32_t i = 0; i < d->nsent; i++) {
        const sent *S = &d->sents[i];
        r |= buf_puts(b, "{\"doc_id\":");
        r |= json_str(b, d->id, d->id_len);
        r |= buf_printf(b, ",\"sentence\":%u,\"start\":%u,\"end\":%u,\"boilerplate\":%s,\"headline\":%s,\"text\":",
                        i, S->start, S->end, (S->flags & SENT_BOILERPLATE) ? "true" : "false",
                        (S->flags & SENT_HEADLINE) ? "true" : "false");
        r |= json_str(b, d->text + S->start, S->end - S->start);
        r |= buf_puts(b, ",\"tokens\":[");
        for (uint32_t k = 0; k < S->ntok; k++) {
            const tok *T = &d->toks[S->first + k];
            r |= buf_printf(b, "%s[%u,%u,", k ? "," : "", T->start, T->end);
            r |= json_str(b, T->form, T->form_len);
            r |= buf_puts(b, "]");
        }
        r |= buf_puts(b, "]}\n");
        if (r)
            return CLIO_ERR_NOMEM;
    }
    return r ? CLIO_ERR_NOMEM : CLIO_OK;
}

/* -------------------------------------------------------------- CoNLL-U */
static int emit_conllu(const clio_doc *d, buf *b)
{
    int r = 0;
    r |= buf_puts(b, "# newdoc id = ");
    r |= buf_put(b, d->id, d->id_len);
    r |= buf_puts(b, "\n");
    for (uint32_t i = 0; i < d->nsent; i++) {
        const sent *S = &d->sents[i];
        if (S->flags & SENT_BOILERPLATE)
            continue;
        r |= buf_printf(b, "# sent_id = %u\n# text = ", i);
        for (uint32_t p = S->start; p < S->end; p++) {
            char c = d->text[p];
            r |= buf_put(b, (c == '\n' || c == '\r' || c == '\t') ? " " : &c, 1);
        }
        r |= buf_puts(b, "\n");
        for (uint32_t k = 0; k < S->ntok; k++) {
            const tok *T = &d->toks[S->first + k];
            char feats[256];
            feats_format(T->feats, feats, sizeof feats);
            r |= buf_printf(b, "%u\t", k + 1);
            r |= buf_put(b, T->form, T->form_len);
            r |= buf_puts(b, "\t");
            if (T->lemma)
                r |= buf_put(b, T->lemma, T->lemma_len);
            else
                r |= buf_puts(b, "_");
            r |= buf_printf(b, "\t%s\t%s\t%s\t%d\t%s\t_\t%s\n",
                            T->upos ? upos_name(T->upos) : "_", T->xpos ? xpos_name(T->xpos) : "_", feats,
                            T->upos ? T->head + 1 : 0, T->deprel ? deprel_name(T->deprel) : "_",
                            (T->flags & TOK_SPACE_AFTER) || k + 1 == S->ntok ? "_" : "SpaceAfter=No");
        }
        r |= buf_puts(b, "\n");
        if (r)
            return CLIO_ERR_NOMEM;
    }
    return r ? CLIO_ERR_NOMEM : CLIO_OK;
}

/* --------------------------------------------------------------- events */
static const char *const DPREC[] = {"none", "day", "month", "year", "document"};
static const char *const PPREC[] = {"none", "address", "city", "admin1", "country", "region"};

/* "YYYY-MM-DD", "YYYY-MM" or "YYYY" by hand (snprintf cost more than the
 * rest of the event); years outside 0..9999 fall back to snprintf */
static int fmt_date(char *out, size_t cap, const event_date *dt)
{
    int y = dt->value.y, mo = dt->value.m, d = dt->value.d;
    int parts = dt->precision == DPREC_DAY || dt->precision == DPREC_DOCUMENT ? 3
              : dt->precision == DPREC_MONTH ? 2 : dt->precision == DPREC_YEAR ? 1 : 0;
    if (!parts || cap < 11) {
        if (cap)
            out[0] = 0;
        return 0;
    }
    if (y < 0 || y > 9999 || mo < 0 || mo > 99 || d < 0 || d > 99)
        return parts == 3 ? snprintf(out, cap, "%04d-%02d-%02d", y, mo, d)
             : parts == 2 ? snprintf(out, cap, "%04d-%02d", y, mo) : snprintf(out, cap, "%04d", y);
    int k = 0;
    out[k++] = (char)('0' + y / 1000);
    out[k++] = (char)('0' + y / 100 % 10);
    out[k++] = (char)('0' + y / 10 % 10);
    out[k++] = (char)('0' + y % 10);
    if (parts >= 2) {
        out[k++] = '-';
        out[k++] = (char)('0' + mo / 10);
        out[k++] = (char)('0' + mo % 10);
    }
    if (parts == 3) {
        out[k++] = '-';
        out[k++] = (char)('0' + d / 10);
        out[k++] = (char)('0' + d % 10);
    }
    out[k] = 0;
    return k;
}

/* Fast number output for the hot JSON path (printf costs more than the
 * rest of an event). */
static int put_u(buf *b, uint64_t v)
{
    char tmp[24];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (buf_reserve(b, (size_t)k))
        return -1;
    while (k)
        b->data[b->len++] = tmp[--k];
    b->data[b->len] = 0;
    return 0;
}

static int put_fixed(buf *b, double x, int decimals)
{
    static const double P[] = {1, 10, 100, 1000, 10000, 100000};
    if (!(x == x) || x > 1e15 || x < -1e15)
        return buf_puts(b, "0");
    int r = 0;
    if (x < 0) {
        r |= buf_put(b, "-", 1);
        x = -x;
    }
    uint64_t scaled = (uint64_t)(x * P[decimals] + 0.5);
    uint64_t ip = scaled / (uint64_t)P[decimals], fp = scaled % (uint64_t)P[decimals];
    r |= put_u(b, ip);
    if (decimals) {
        char tmp[8];
        for (int i = decimals - 1; i >= 0; i--) {
            tmp[i] = (char)('0' + fp % 10);
            fp /= 10;
        }
        r |= buf_put(b, ".", 1);
        r |= buf_put(b, tmp, (size_t)decimals);
    }
    return r;
}

#define LIT(b, s) buf_put((b), (s), sizeof(s) - 1)

static int json_span(buf *b, uint32_t start, uint32_t end)
{
    int r = LIT(b, ",\"start\":");
    r |= put_u(b, start);
    r |= LIT(b, ",\"end\":");
    r |= put_u(b, end);
    return r;
}

static int json_actor(buf *b, const clio_doc *d, const actor_ref *a)
{
    int r = 0;
    if (!a->code[0])
        return LIT(b, "null");
    r |= LIT(b, "{\"code\":");
    r |= json_str(b, a->code, strlen(a->code));
    r |= LIT(b, ",\"text\":");
    r |= json_str(b, d->text + a->start, a->end - a->start);
    r |= json_span(b, a->start, a->end);
    r |= LIT(b, "}");
    return r;
}

static int tsv_field_json_rule(buf *b, const event *e)
{
    const char *f = e->rule_file ? e->rule_file : "?";
    int r = 0;
    size_t mark = b->len;
    r |= json_str(b, f, strlen(f)); /* quoted: strip the quotes again */
    if (!r && b->len >= mark + 2) {
        memmove(b->data + mark, b->data + mark + 1, b->len - mark - 2);
        b->len -= 2;
        b->data[b->len] = 0;
    }
    r |= buf_put(b, ":", 1);
    r |= put_u(b, e->rule_line);
    return r;
}

static int emit_event_json(const clio_doc *d, const event *e, buf *b)
{
    int r = 0;
    char date[40];
    r |= LIT(b, "{\"doc_id\":");
    r |= json_str(b, d->id, d->id_len);
    r |= LIT(b, ",\"sentence\":");
    r |= put_u(b, e->sentence);
    r |= LIT(b, ",\"source\":");
    r |= json_actor(b, d, &e->src);
    r |= LIT(b, ",\"target\":");
    r |= json_actor(b, d, &e->tgt);
    r |= LIT(b, ",\"code\":\"");
    r |= buf_puts(b, e->code);
    r |= LIT(b, "\",\"root\":\"");
    r |= buf_put(b, e->code, 2);
    r |= LIT(b, "\",\"quad_class\":");
    r |= put_u(b, e->quad);
    r |= LIT(b, ",\"goldstein\":");
    r |= put_fixed(b, (double)e->goldstein, 1);
    r |= LIT(b, ",\"plover\":{\"event\":");
    r |= e->plover_event ? json_str(b, e->plover_event, strlen(e->plover_event)) : LIT(b, "null");
    r |= LIT(b, ",\"mode\":");
    r |= e->plover_mode && *e->plover_mode ? json_str(b, e->plover_mode, strlen(e->plover_mode)) : LIT(b, "null");
    r |= LIT(b, "},\"date\":");
    if (e->date.precision) {
        fmt_date(date, sizeof date, &e->date);
        r |= LIT(b, "{\"value\":\"");
        r |= buf_puts(b, date);
        r |= LIT(b, "\",\"precision\":\"");
        r |= buf_puts(b, DPREC[e->date.precision]);
        r |= LIT(b, "\"");
        if (e->date.end > e->date.start) {
            r |= LIT(b, ",\"text\":");
            r |= json_str(b, d->text + e->date.start, e->date.end - e->date.start);
            r |= json_span(b, e->date.start, e->date.end);
        }
        r |= LIT(b, "}");
    } else {
        r |= LIT(b, "null");
    }
    r |= LIT(b, ",\"location\":");
    if (e->place.precision) {
        r |= LIT(b, "{\"name\":");
        r |= json_str(b, e->place.name ? e->place.name : "", e->place.name ? strlen(e->place.name) : 0);
        r |= LIT(b, ",\"country\":");
        r |= json_str(b, e->place.country, strlen(e->place.country));
        r |= LIT(b, ",\"admin1\":");
        r |= e->place.admin1 ? json_str(b, e->place.admin1, strlen(e->place.admin1)) : LIT(b, "null");
        r |= LIT(b, ",\"lat\":");
        r |= put_fixed(b, e->place.lat, 4);
        r |= LIT(b, ",\"lon\":");
        r |= put_fixed(b, e->place.lon, 4);
        r |= LIT(b, ",\"precision\":\"");
        r |= buf_puts(b, PPREC[e->place.precision]);
        r |= LIT(b, "\"");
        if (e->place.end > e->place.start) {
            r |= LIT(b, ",\"text\":");
            r |= json_str(b, d->text + e->place.start, e->place.end - e->place.start);
            r |= json_span(b, e->place.start, e->place.end);
        }
        r |= LIT(b, "}");
    } else {
        r |= LIT(b, "null");
    }
    r |= e->negated ? LIT(b, ",\"negated\":true") : LIT(b, ",\"negated\":false");
    r |= e->background ? LIT(b, ",\"background\":true") : LIT(b, ",\"background\":false");
    r |= LIT(b, ",\"mentions\":");
    r |= put_u(b, e->mentions ? e->mentions : 1);
    r |= LIT(b, ",\"rule\":\"");
    r |= tsv_field_json_rule(b, e);
    r |= LIT(b, "\",\"evidence\":{\"start\":");
    r |= put_u(b, e->ev_start);
    r |= LIT(b, ",\"end\":");
    r |= put_u(b, e->ev_end);
    r |= LIT(b, ",\"text\":");
    r |= json_str(b, d->text + e->ev_start, e->ev_end - e->ev_start);
    r |= LIT(b, "}}\n");
    return r;
}

static const char TSV_HEADER[] =
    "doc_id\tsentence\tdate\tdate_precision\tsource\tsource_text\ttarget\ttarget_text\tcode\troot\t"
    "quad_class\tgoldstein\tplover_event\tplover_mode\tnegated\tbackground\tmentions\tlocation\t"
    "country\tadmin1\tlat\tlon\tlocation_precision\trule\tevidence\n";

static int tsv_field(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        if (buf_put(b, &c, 1))
            return -1;
    }
    return 0;
}

static int emit_event_tsv(const clio_doc *d, const event *e, buf *b)
{
    int r = 0;
    char date[40];
    fmt_date(date, sizeof date, &e->date);
    r |= tsv_field(b, d->id, d->id_len);
    r |= buf_printf(b, "\t%u\t%s\t%s\t%s\t", e->sentence, date, DPREC[e->date.precision], e->src.code);
    r |= tsv_field(b, d->text + e->src.start, e->src.end - e->src.start);
    r |= buf_printf(b, "\t%s\t", e->tgt.code);
    if (e->tgt.code[0])
        r |= tsv_field(b, d->text + e->tgt.start, e->tgt.end - e->tgt.start);
    r |= buf_printf(b, "\t%s\t%.2s\t%u\t%.1f\t%s\t%s\t%d\t%d\t%u\t", e->code, e->code, e->quad, (double)e->goldstein,
                    e->plover_event ? e->plover_event : "", e->plover_mode ? e->plover_mode : "", e->negated,
                    e->background, e->mentions ? e->mentions : 1);
    if (e->place.precision)
        r |= buf_printf(b, "%s\t%s\t%s\t%.4f\t%.4f\t%s", e->place.name ? e->place.name : "", e->place.country,
                        e->place.admin1 ? e->place.admin1 : "", e->place.lat, e->place.lon,
                        PPREC[e->place.precision]);
    else
        r |= buf_puts(b, "\t\t\t\t\t");
    r |= buf_printf(b, "\t%s:%u\t", e->rule_file ? e->rule_file : "?", e->rule_line);
    r |= tsv_field(b, d->text + e->ev_start, e->ev_end - e->ev_start);
    r |= buf_puts(b, "\n");
    return r;
}

static int emit_event_table(const clio_doc *d, const event *e, buf *b)
{
    int r = 0;
    char date[40];
    fmt_date(date, sizeof date, &e->date);
    r |= buf_printf(b, "%-4u %-10s %-9s %-5s %-9s ", e->sentence, date[0] ? date : "-", e->src.code,
                    e->code, e->tgt.code[0] ? e->tgt.code : "-");
    r |= buf_printf(b, "%-22.22s ", e->code_name ? e->code_name : "");
    if (e->place.precision)
        r |= buf_printf(b, "%-18.18s ", e->place.name ? e->place.name : "");
    else
        r |= buf_printf(b, "%-18s ", "-");
    r |= buf_puts(b, "\"");
    r |= tsv_field(b, d->text + e->ev_start, e->ev_end - e->ev_start);
    r |= buf_puts(b, "\"");
    if (e->background)
        r |= buf_puts(b, " [background]");
    if (e->negated)
        r |= buf_puts(b, " [negated]");
    if (e->mentions > 1)
        r |= buf_printf(b, " x%u", e->mentions);
    r |= buf_puts(b, "\n");
    return r;
}

/* --------------------------------------------------------------- explain */
static int quote(buf *b, const clio_doc *d, uint32_t s, uint32_t e)
{
    int r = buf_puts(b, "\"");
    r |= tsv_field(b, d->text + s, e - s);
    r |= buf_puts(b, "\"");
    return r;
}

static int emit_explain(const clio_doc *d, buf *b)
{
    int r = 0;
    const coder_result *cr = d->coded;
    r |= buf_puts(b, "== document ");
    r |= buf_put(b, d->id, d->id_len);
    r |= buf_printf(b, ": %u sentences, %u events", d->nsent, cr ? cr->nevents : 0);
    if (d->date.y)
        r |= buf_printf(b, ", dated %04d-%02d-%02d", d->date.y, d->date.m, d->date.d);
    r |= buf_puts(b, "\n");
    if (!cr)
        r |= buf_puts(b, "   (the coder did not run: no syntax model or dictionary image loaded)\n");
    for (uint32_t si = 0; si < d->nsent; si++) {
        const sent *S = &d->sents[si];
        r |= buf_printf(b, "\n[%u] ", si);
        r |= tsv_field(b, d->text + S->start, S->end - S->start);
        r |= buf_puts(b, "\n");
        if (S->flags & SENT_BOILERPLATE) {
            r |= buf_puts(b, "      boilerplate: this line is repeated in the page; not coded\n");
            continue;
        }
        if (!cr)
            continue;
        static const char *const KIND[] = {"actor", "date", "place"};
        for (uint32_t k = 0; k < cr->nspans; k++) {
            const struct coder_span *x = &cr->spans[k];
            if (x->sentence != si)
                continue;
            int ki = x->kind == 'A' ? 0 : x->kind == 'D' ? 1 : 2;
            r |= buf_printf(b, "      %-7s ", KIND[ki]);
            r |= quote(b, d, x->start, x->end);
            r |= buf_printf(b, " = %s  (%s)\n", x->label, x->how ? x->how : "");
        }
        for (uint32_t k = 0; k < cr->nevents; k++) {
            const event *e = &cr->events[k];
            if (e->sentence != si)
                continue;
            char date[40];
            fmt_date(date, sizeof date, &e->date);
            r |= buf_printf(b, "   => EVENT %s -> %s  %s %s", e->src.code, e->tgt.code[0] ? e->tgt.code : "-", e->code,
                            e->code_name ? e->code_name : "");
            r |= buf_puts(b, "\n        predicate ");
            r |= quote(b, d, e->ev_start, e->ev_end);
            r |= buf_puts(b, ", source ");
            r |= quote(b, d, e->src.start, e->src.end);
            if (e->tgt.code[0]) {
                r |= buf_puts(b, ", target ");
                if (e->tgt.end > e->tgt.start)
                    r |= quote(b, d, e->tgt.start, e->tgt.end);
                else
                    r |= buf_puts(b, "(implied, not named in the sentence: the other side of the story's pair, or the actors' own government or country)");
            }
            r |= buf_printf(b, "\n        rule %s:%u (%s); date %s (%s)", e->rule_file ? e->rule_file : "?", e->rule_line,
                            e->path ? e->path : "", date[0] ? date : "none", DPREC[e->date.precision]);
            if (e->place.precision)
                r |= buf_printf(b, "; place %s, %s", e->place.name ? e->place.name : "", e->place.country);
            if (e->background)
                r |= buf_puts(b, "; background");
            if (e->mentions > 1)
                r |= buf_printf(b, "; told %u times", e->mentions);
            r |= buf_puts(b, "\n");
        }
        for (uint32_t k = 0; k < cr->nnotes; k++) {
            const struct coder_note *n = &cr->notes[k];
            if (n->sentence != si)
                continue;
            r |= buf_puts(b, "   -- no event from ");
            r |= quote(b, d, n->start, n->end);
            r |= buf_printf(b, ": %s\n", n->why ? n->why : "");
        }
        if (r)
            return CLIO_ERR_NOMEM;
    }
    return r ? CLIO_ERR_NOMEM : CLIO_OK;
}

int clio_emit_header(clio_format f, clio_buf *out)
{
    if (f == CLIO_FORMAT_TSV)
        return buf_puts(out, TSV_HEADER) ? CLIO_ERR_NOMEM : CLIO_OK;
    if (f == CLIO_FORMAT_TABLE)
        return buf_printf(out, "%-4s %-10s %-9s %-5s %-9s %-22s %-18s %s\n", "sent", "date", "source", "code",
                          "target", "event", "place", "evidence") ? CLIO_ERR_NOMEM : CLIO_OK;
    return CLIO_OK;
}

int clio_emit(const clio_doc *d, clio_format f, clio_buf *out)
{
    if (!d || !out)
        return CLIO_ERR_USAGE;
    if (f == CLIO_FORMAT_SEGMENTS)
        return emit_segments(d, out);
    if (f == CLIO_FORMAT_CONLLU)
        return emit_conllu(d, out);
    if (f == CLIO_FORMAT_EXPLAIN)
        return emit_explain(d, out);
    const coder_result *cr = d->coded;
    if (f == CLIO_FORMAT_TABLE) {
        if (buf_puts(out, "== ") || buf_put(out, d->id, d->id_len) ||
            buf_printf(out, " (%u sentences, %u events)\n", d->nsent, cr ? cr->nevents : 0))
            return CLIO_ERR_NOMEM;
    }
    if (!cr)
        return CLIO_OK;
    for (uint32_t i = 0; i < cr->nevents; i++) {
        const event *e = &cr->events[i];
        int r = f == CLIO_FORMAT_JSONL ? emit_event_json(d, e, out)
              : f == CLIO_FORMAT_TSV   ? emit_event_tsv(d, e, out)
                                       : emit_event_table(d, e, out);
        if (r)
            return CLIO_ERR_NOMEM;
    }
    return CLIO_OK;
}

/* ------------------------------------------------------ event accessors */
size_t clio_doc_event_count(const clio_doc *d)
{
    return d && d->coded ? d->coded->nevents : 0;
}

int clio_doc_event(const clio_doc *d, size_t i, clio_event_info *o)
{
    if (!d || !d->coded || i >= d->coded->nevents)
        return CLIO_ERR_USAGE;
    const event *e = &d->coded->events[i];
    memset(o, 0, sizeof *o);
    o->sentence = e->sentence;
    o->source = e->src.code;
    o->target = e->tgt.code;
    o->source_start = e->src.start;
    o->source_end = e->src.end;
    o->target_start = e->tgt.start;
    o->target_end = e->tgt.end;
    o->code = e->code;
    o->goldstein = e->goldstein;
    o->quad_class = e->quad;
    o->plover_event = e->plover_event;
    o->plover_mode = e->plover_mode;
    fmt_date(o->date, sizeof o->date, &e->date);
    o->date_precision = DPREC[e->date.precision];
    if (e->place.precision) {
        o->location_name = e->place.name ? e->place.name : "";
        memcpy(o->location_country, e->place.country, 4);
        o->lat = e->place.lat;
        o->lon = e->place.lon;
        o->location_precision = PPREC[e->place.precision];
    }
    o->negated = e->negated;
    o->background = e->background;
    o->mentions = e->mentions ? e->mentions : 1;
    o->rule_file = e->rule_file;
    o->rule_line = e->rule_line;
    o->evidence_start = e->ev_start;
    o->evidence_end = e->ev_end;
    o->path = e->path;
    return CLIO_OK;
}

size_t clio_doc_note_count(const clio_doc *d)
{
    return d && d->coded ? d->coded->nnotes : 0;
}

int clio_doc_note(const clio_doc *d, size_t i, clio_note_info *o)
{
    if (!d || !d->coded || i >= d->coded->nnotes)
        return CLIO_ERR_USAGE;
    o->sentence = d->coded->notes[i].sentence;
    o->start = d->coded->notes[i].start;
    o->end = d->coded->notes[i].end;
    o->why = d->coded->notes[i].why;
    return CLIO_OK;
}

int clio_emit_event(const clio_doc *d, size_t i, clio_format f, clio_buf *out)
{
    if (!d || !d->coded || i >= d->coded->nevents || !out)
        return CLIO_ERR_USAGE;
    const event *e = &d->coded->events[i];
    int r = f == CLIO_FORMAT_TSV ? emit_event_tsv(d, e, out)
          : f == CLIO_FORMAT_TABLE ? emit_event_table(d, e, out) : emit_event_json(d, e, out);
    return r ? CLIO_ERR_NOMEM : CLIO_OK;
}

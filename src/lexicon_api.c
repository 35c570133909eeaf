/*
 * lexicon_api.c - the lexicon's public face (include/clio.h, section
 * lexicon): `clio lookup` explanations and `clio dict check`.
 *
 * clio_lookup() splits a phrase like the segmenter, folds it, and at each
 * token reports every dictionary entry whose name starts there (kind, code,
 * why: file:line, and for persons the office on the date and the others),
 * then, for each word not inside an actor name, the event patterns whose
 * head is the word or a naive lemma of it (-s, -es, -ies, -ed, -ied, -ing,
 * doubled consonants, a restored final e), since the syntax model may not
 * be loaded.  Output is plain text for people, appended to a clio_buf.
 */
#include "lexicon.h"
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CLIO_DEFAULT_DATA_DIR
#define CLIO_DEFAULT_DATA_DIR "data"
#endif

static void put_date(buf *out, int32_t d)
{
    if (d <= 0 || d >= LEX_DATE_OPEN) return;
    buf_printf(out, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

static void put_range(buf *out, int32_t from, int32_t to)
{
    put_date(out, from);
    buf_puts(out, "..");
    put_date(out, to);
}

static void put_pattern(buf *out, const lexicon *lx, const lex_pattern *p)
{
    buf_printf(out, "    EVENT %s ", p->code);
    for (uint32_t k = 0; k < p->nheads; k++) buf_printf(out, "%s%s", k ? "|" : "", p->heads[k]);
    buf_printf(out, "/%c", p->pos);
    for (uint32_t k = 0; k < p->ncons; k++) {
        const lex_constraint *c = &p->cons[k];
        buf_printf(out, " %c", c->negative ? '-' : '+');
        if (c->kind == LEX_CONS_PREP)
            for (uint32_t j = 0; j < c->npreps; j++) buf_printf(out, "%s@%s", j ? "|" : "", c->preps[j]);
        else if (c->kind == LEX_CONS_MOD) buf_puts(out, "mod");
        else if (c->kind == LEX_CONS_PRT) buf_puts(out, "prt");
        else buf_puts(out, deprel_name(c->deprel));
        buf_puts(out, ":");
        if (!c->nlemmas) buf_puts(out, "*");
        for (uint32_t j = 0; j < c->nlemmas; j++) buf_printf(out, "%s%s", j ? "|" : "", c->lemmas[j]);
    }
    for (int side = 0; side < 2; side++) {
        const lex_slot *s = side ? p->tgt : p->src;
        uint32_t n = side ? p->ntgt : p->nsrc;
        buf_puts(out, side ? " tgt=" : " src=");
        for (uint32_t k = 0; k < n; k++)
            buf_printf(out, "%s%s%s", k ? "," : "", lex_slot_name(s[k].kind), s[k].prep ? s[k].prep : "");
    }
    if (p->flags & LEX_PAT_SYM) buf_puts(out, " sym");
    if (p->flags & LEX_PAT_PAIRSYM) buf_puts(out, " pairsym");
    if (p->intent) buf_printf(out, " intent=%s", p->intent);
    if (p->appeal) buf_printf(out, " appeal=%s", p->appeal);
    if (p->reject) buf_printf(out, " reject=%s", p->reject);
    if (p->neg) buf_printf(out, " neg=%s", p->neg);
    if (p->frame) buf_printf(out, " frame=%s", lex_frame_name(p->frame));
    buf_printf(out, "\n      at %s:%u%s", p->file, p->line, p->user ? " (user dictionary)" : "");
    const lex_code *c = lexicon_code(lx, p->code);
    if (c) buf_printf(out, "; %s: %s, Goldstein %.1f, quad %d, PLOVER %s/%s", c->code, c->name, c->goldstein,
                      c->quad, c->plover_event, c->plover_mode);
    buf_puts(out, "\n");
    for (uint32_t k = 0; k < p->nexamples && k < 2; k++) {
        const lex_example *x = lexicon_example(lx, p->first_example + k);
        if (x) buf_printf(out, "      EX %s | %s\n", x->expected, x->sentence);
    }
}

/* Naive lemmas of a lower-case word: the word itself first. */
static int naive_lemmas(const char *w, size_t n, char out[][64], int max)
{
    int k = 0;
    if (n == 0 || n >= 60) return 0;
#define ADD(len, suffix) do { if (k < max) { memcpy(out[k], w, (len)); strcpy(out[k] + (len), (suffix)); k++; } } while (0)
#define ENDS(s) (n > strlen(s) + 1 && !memcmp(w + n - strlen(s), s, strlen(s)))
    ADD(n, "");
    if (ENDS("ies") || ENDS("ied")) ADD(n - 3, "y");
    if (ENDS("es")) ADD(n - 2, "");
    if (ENDS("s") && !ENDS("ss")) ADD(n - 1, "");
    if (ENDS("ed") || ENDS("ing")) {
        size_t stem = n - (ENDS("ed") ? 2 : 3);
        ADD(stem, "");
        ADD(stem, "e");
        if (stem >= 2 && w[stem - 1] == w[stem - 2]) ADD(stem - 1, "");
    }
#undef ADD
#undef ENDS
    return k;
}

static int lookup(const lexicon *lx, const char *text, size_t len, const char *date, buf *out, clio_error *err)
{
    ymd d = { 0, 0, 0 };
    if (date && *date) {
        int32_t k;
        if (lex_parse_date(date, strlen(date), &k)) {
            if (err) { memset(err, 0, sizeof *err); err->code = CLIO_ERR_USAGE; snprintf(err->message, sizeof err->message, "bad date '%.40s' (want YYYY-MM-DD)", date); }
            return CLIO_ERR_USAGE;
        }
        d.y = (int16_t)(k / 10000); d.m = (int8_t)(k / 100 % 100); d.d = (int8_t)(k % 100);
    }
    if (clio_utf8_check(text, len) != (size_t)-1) {
        if (err) { memset(err, 0, sizeof *err); err->code = CLIO_ERR_UTF8; snprintf(err->message, sizeof err->message, "invalid UTF-8"); }
        return CLIO_ERR_UTF8;
    }
    enum { MAXT = 256 };
    tok *toks = calloc(MAXT, sizeof *toks);
    buf nfc = { 0 }, fold = { 0 };
    if (!toks || text_nfc(text, len, &nfc) || buf_reserve(&fold, 4 * nfc.len + 64)) {
        free(toks); buf_free(&nfc); buf_free(&fold);
        return CLIO_ERR_NOMEM;
    }
    size_t n = lexicon_tokenize(nfc.data ? nfc.data : "", nfc.len, toks, MAXT, &fold);
    buf_printf(out, "\"%.*s\"", (int)nfc.len, nfc.data ? nfc.data : "");
    if (d.y) buf_printf(out, " on %s", date); else buf_puts(out, " (no date: persons take their latest office)");
    buf_printf(out, ": %zu token%s\n", n, n == 1 ? "" : "s");
    int found = 0;
    uint32_t covered = 0;   /* tokens before this are inside an actor name */
    for (uint32_t i = 0; i < n; i++) {
        lex_match m[16];
        /* tokens inside a longer name already explained are not looked up again */
        int k = i < covered ? 0 : lexicon_match(lx, toks, i, (uint32_t)n, d, m, 16);
        for (int j = 0; j < k; j++) {
            const lex_match *x = &m[j];
            found = 1;
            const tok *last = &toks[i + x->ntok - 1];
            buf_printf(out, "  \"%.*s\": %s %s", (int)(last->end - toks[i].start), toks[i].form,
                       lex_kind_name(x->kind), x->code);
            if (x->kind == LEX_ROLE) buf_puts(out, " (a role: the country comes from the context)");
            buf_printf(out, "\n    entry \"%s\" at %s:%u%s\n", x->name, x->file, x->line, x->user ? " (user dictionary)" : "");
            if (x->kind == LEX_COUNTRY) buf_printf(out, "    ISO 3166: %s / %s\n", x->code, x->key);
            if (x->kind == LEX_ACTOR && (x->from > 0 || x->to < LEX_DATE_OPEN)) {
                buf_puts(out, "    valid ");
                put_range(out, x->from, x->to);
                buf_puts(out, "\n");
            }
            if (x->kind == LEX_PERSON) {
                if (x->office_file) {
                    buf_printf(out, "    in office: %s, %s, ", x->title, x->code);
                    put_range(out, x->from, x->to);
                    buf_printf(out, " (%s:%u)\n", x->office_file, x->office_line);
                } else buf_printf(out, "    not in any listed office on this date: person code %s\n", x->code);
                lex_office offs[32];
                int no = lexicon_person_offices(lx, x->key, offs, 32);
                for (int o = 0; o < no; o++) {
                    buf_printf(out, "    office %s %s ", offs[o].code, offs[o].title);
                    put_range(out, offs[o].from, offs[o].to);
                    buf_printf(out, " (%s:%u)\n", offs[o].file, offs[o].line);
                }
            }
        }
        if (k > 0 && i + m[0].ntok > covered) covered = i + m[0].ntok;
        if (i < covered) continue;
        /* event patterns for the word */
        char lem[8][64];
        char word[64];
        if (toks[i].fold_len >= sizeof word) continue;
        memcpy(word, toks[i].fold, toks[i].fold_len);
        word[toks[i].fold_len] = 0;
        int nl = naive_lemmas(word, toks[i].fold_len, lem, 8);
        for (int a = 0; a < nl; a++) {
            int dup = 0;
            for (int b = 0; b < a; b++) if (!strcmp(lem[a], lem[b])) dup = 1;
            if (dup) continue;
            for (int pos = 0; pos < 2; pos++) {
                uint32_t np;
                const lex_pattern *p = lexicon_patterns(lx, lem[a], strlen(lem[a]), pos ? 'N' : 'V', &np);
                if (!np) continue;
                found = 1;
                buf_printf(out, "  \"%.*s\": %u event pattern%s with head %s/%c\n", (int)toks[i].form_len, toks[i].form,
                           np, np == 1 ? "" : "s", lem[a], pos ? 'N' : 'V');
                for (uint32_t q = 0; q < np; q++) put_pattern(out, lx, &p[q]);
            }
        }
    }
    if (!found) buf_puts(out, "  nothing in the dictionaries\n");
    free(toks); buf_free(&nfc); buf_free(&fold);
    return 0;
}

int clio_lookup(const clio_engine *e, const char *text, size_t len, const char *date, clio_buf *out, clio_error *err)
{
    if (!e || !e->lex) {
        if (err) { memset(err, 0, sizeof *err); err->code = CLIO_ERR_USAGE; snprintf(err->message, sizeof err->message, "the engine has no lexicon loaded"); }
        return CLIO_ERR_USAGE;
    }
    return lookup(e->lex, text, len, date, out, err);
}

static void default_image(char *path, size_t cap)
{
    const char *dir = getenv("CLIO_DATA");
    if (!dir || !*dir) dir = CLIO_DEFAULT_DATA_DIR;
    snprintf(path, cap, "%s/lexicon.img", dir);
}

int clio_lookup_image(const char *image_path, const char *user_dict_dir, const char *text, size_t len,
                      const char *date, clio_buf *out, clio_error *err)
{
    char path[1100];
    if (!image_path) { default_image(path, sizeof path); image_path = path; }
    lexicon *lx = lexicon_load(image_path, user_dict_dir, err);
    if (!lx) return err ? err->code : CLIO_ERR_MODEL;
    int rc = lookup(lx, text, len, date, out, err);
    lexicon_free(lx);
    return rc;
}

int clio_dict_check(const char *const *paths, size_t n, const char *image_path, clio_buf *report)
{
    char path[1100];
    if (!image_path) { default_image(path, sizeof path); image_path = path; }
    clio_error err;
    lexicon *base = lexicon_load(image_path, NULL, &err);
    lexicon_stats st;
    int rc = lexicon_compile(paths, n, base, NULL, report, &st);
    if (!base && report)
        buf_printf(report, "note: %s not loaded (%s): CAMEO codes checked only against these files\n",
                   image_path, err.message);
    if (report && rc == 0)
        buf_printf(report, "ok: %u file%s, %u names, %u patterns, %u examples\n", st.files, st.files == 1 ? "" : "s",
                   st.names, st.patterns, st.examples);
    lexicon_free(base);
    return rc;
}

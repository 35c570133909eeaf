/*
 * doc.c - one document through the pipeline, and read access to it.
 *
 * clio_process validates the input once (UTF-8, NUL bytes, date), copies
 * the text into the document's arena, then runs the stages the engine has
 * loaded in order: segment -> syntax -> coder (which itself calls lexicon,
 * actors, when and where).  Each stage reads only what earlier stages left
 * in the document.
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef CLIO_HAVE_SYNTAX
#include "syntax.h"
#define HAVE_SYNTAX 1
#endif
#include "coder.h"
#define HAVE_CODER 1
#include "when.h"

int segment_document(clio_doc *d, buf *scratch);

void clio_process_default_options(clio_process_options *opt)
{
    memset(opt, 0, sizeof *opt);
}

static void doc_error(clio_error *err, int code, const char *id, size_t id_len, size_t offset,
                      const char *msg)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    err->offset = offset;
    size_t k = id_len < sizeof err->file - 1 ? id_len : sizeof err->file - 1;
    if (id && k)
        memcpy(err->file, id, k);
    err->file[k] = 0;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

/* Parses "YYYY-MM-DD" strictly (real calendar day). */
int date_parse(const char *s, ymd *out);
int date_parse(const char *s, ymd *out)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return -1;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return -1;
    out->y = (int16_t)y;
    out->m = (int8_t)m;
    out->d = (int8_t)d;
    return 0;
}

static clio_doc *doc_new(const clio_engine *e)
{
    clio_doc *d = calloc(1, sizeof *d);
    if (d)
        d->engine = e;
    return d;
}

static int run_syntax(clio_worker *w, clio_doc *d)
{
#ifdef HAVE_SYNTAX
    const clio_engine *e = w->engine;
    if (!e || !e->syntax || !w->syntax_ws)
        return 0;
    for (uint32_t i = 0; i < d->nsent; i++) {
        sent *S = &d->sents[i];
        if (S->flags & SENT_BOILERPLATE)
            continue;
        tok *t = d->toks + S->first;
        /* "KYIV, June 9 (Reuters) - Russia launched ...": the dateline is
         * parsed apart and hung on the sentence's root, so the city is
         * never the subject of the story's first verb */
        uint32_t pn, da, dn, L = S->ntok > 3 ? when_dateline(t, S->ntok, &pn, &da, &dn) : 0;
        if (L == 0 || L + 2 > S->ntok) {
            int r = syntax_annotate(e->syntax, w->syntax_ws, t, S->ntok, &d->mem);
            if (r < 0)
                return r;
            continue;
        }
        int r = syntax_annotate(e->syntax, w->syntax_ws, t, L, &d->mem);
        if (r == 0)
            r = syntax_annotate(e->syntax, w->syntax_ws, t + L, S->ntok - L, &d->mem);
        if (r < 0)
            return r;
        int32_t root = -1;
        for (uint32_t k = L; k < S->ntok; k++) {
            if (t[k].head >= 0)
                t[k].head += (int32_t)L;
            else if (root < 0)
                root = (int32_t)k;
        }
        for (uint32_t k = 0; k < L && root >= 0; k++)
            if (t[k].head < 0) {
                t[k].head = root;
                t[k].deprel = DEP_DEP;
            }
    }
#else
    (void)w;
    (void)d;
#endif
    return 0;
}

clio_doc *clio_process(clio_worker *w, const clio_input *in, const clio_process_options *opt,
                       clio_error *err)
{
    clio_process_options def;
    if (!opt) {
        clio_process_default_options(&def);
        opt = &def;
    }
    if (!w || !in || (!in->text && in->text_len)) {
        doc_error(err, CLIO_ERR_USAGE, NULL, 0, 0, "clio_process: missing worker or input");
        return NULL;
    }
    const char *id = in->id ? in->id : "";
    size_t id_len = in->id ? in->id_len : 0;
    if (in->text_len > (size_t)UINT32_MAX - 16) {
        doc_error(err, CLIO_ERR_TOO_LARGE, id, id_len, 0, "document larger than 4 GiB");
        return NULL;
    }
    ymd date = {0, 0, 0};
    if (in->date && *in->date && date_parse(in->date, &date)) {
        doc_error(err, CLIO_ERR_INPUT, id, id_len, 0, "document date is not a valid YYYY-MM-DD day");
        return NULL;
    }
    long replaced = 0;
    buf repaired = {0};
    const char *text = in->text ? in->text : "";
    size_t len = in->text_len;
    size_t bad = clio_utf8_check(text, len);
    if (bad != (size_t)-1) {
        if (!opt->lenient) {
            doc_error(err, CLIO_ERR_UTF8, id, id_len, bad,
                      text[bad] == 0 ? "NUL byte in text" : "invalid UTF-8 sequence");
            return NULL;
        }
        replaced = clio_utf8_repair(text, len, &repaired);
        if (replaced < 0) {
            doc_error(err, CLIO_ERR_NOMEM, id, id_len, 0, "out of memory");
            return NULL;
        }
        text = repaired.data;
        len = repaired.len;
    }
    clio_doc *d = doc_new(w->engine);
    if (!d) {
        buf_free(&repaired);
        doc_error(err, CLIO_ERR_NOMEM, id, id_len, 0, "out of memory");
        return NULL;
    }
    d->date = date;
    d->replaced_bytes = (size_t)replaced;
    d->id = arena_strndup(&d->mem, id, id_len);
    d->id_len = id_len;
    d->text = arena_strndup(&d->mem, text, len);
    d->len = len;
    if (in->title && in->title_len) {
        d->title = arena_strndup(&d->mem, in->title, in->title_len);
        d->title_len = in->title_len;
    }
    buf_free(&repaired);
    if (!d->id || !d->text) {
        clio_doc_free(d);
        doc_error(err, CLIO_ERR_NOMEM, id, id_len, 0, "out of memory");
        return NULL;
    }
    unsigned stages = opt->stages ? opt->stages : CLIO_STAGE_ALL;
    int r = segment_document(d, &w->scratch);
    if (r == 0 && (stages & (CLIO_STAGE_SYNTAX | CLIO_STAGE_CODER)))
        r = run_syntax(w, d);
#ifdef HAVE_CODER
    if (r == 0 && (stages & CLIO_STAGE_CODER) && w->engine && (w->engine->stages & CLIO_STAGE_CODER))
        r = coder_run(w, d, opt);
#endif
    if (r < 0) {
        clio_doc_free(d);
        doc_error(err, r, id, id_len, 0, r == CLIO_ERR_TOO_LARGE ? "document too large" : "out of memory");
        return NULL;
    }
    return d;
}

clio_doc *clio_annotate_tokens(clio_worker *w, const char *const *forms, const size_t *lens, size_t n,
                               clio_error *err)
{
    if (!w || (!forms && n)) {
        doc_error(err, CLIO_ERR_USAGE, NULL, 0, 0, "clio_annotate_tokens: bad arguments");
        return NULL;
    }
    clio_doc *d = doc_new(w->engine);
    if (!d)
        goto oom;
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += lens[i] + 1;
    d->text = arena_alloc(&d->mem, total + 1);
    d->toks = arena_alloc(&d->mem, (n ? n : 1) * sizeof(tok));
    d->sents = arena_alloc(&d->mem, sizeof(sent));
    d->id = arena_strndup(&d->mem, "tokens", 6);
    if (!d->text || !d->toks || !d->sents || !d->id)
        goto oom;
    d->id_len = 6;
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (clio_utf8_check(forms[i], lens[i]) != (size_t)-1) {
            doc_error(err, CLIO_ERR_UTF8, "tokens", 6, i, "token is not valid UTF-8 (offset = token index)");
            clio_doc_free(d);
            return NULL;
        }
        memcpy(d->text + pos, forms[i], lens[i]);
        tok *T = &d->toks[i];
        T->start = (uint32_t)pos;
        T->end = (uint32_t)(pos + lens[i]);
        T->form = d->text + pos;
        T->form_len = (uint32_t)lens[i];
        T->head = -1;
        T->flags = TOK_SPACE_AFTER | (i == 0 ? TOK_SENT_START : 0);
        w->scratch.len = 0;
        if (text_fold(forms[i], lens[i], &w->scratch))
            goto oom;
        T->fold = arena_strndup(&d->mem, w->scratch.data ? w->scratch.data : "", w->scratch.len);
        if (!T->fold)
            goto oom;
        T->fold_len = (uint32_t)w->scratch.len;
        pos += lens[i];
        d->text[pos++] = ' ';
    }
    d->len = pos ? pos - 1 : 0;
    d->ntok = (uint32_t)n;
    d->nsent = n ? 1 : 0;
    d->sents[0].start = 0;
    d->sents[0].end = (uint32_t)d->len;
    d->sents[0].first = 0;
    d->sents[0].ntok = (uint32_t)n;
    if (run_syntax(w, d) < 0)
        goto oom;
    return d;
oom:
    clio_doc_free(d);
    doc_error(err, CLIO_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return NULL;
}

void clio_doc_free(clio_doc *d)
{
    if (!d)
        return;
    arena_release(&d->mem);
    free(d);
}

void clio_doc_get_summary(const clio_doc *d, clio_doc_summary *s)
{
    memset(s, 0, sizeof *s);
    s->bytes = d->len;
    s->sentences = d->nsent;
    s->tokens = d->ntok;
    for (uint32_t i = 0; i < d->nsent; i++)
        if (d->sents[i].flags & SENT_BOILERPLATE)
            s->boilerplate_sentences++;
    s->boilerplate_sentences += d->boilerplate_sentences;
    s->replaced_bytes = d->replaced_bytes;
#ifdef HAVE_CODER
    s->events = coder_event_count(d);
#endif
}

const char *clio_doc_id(const clio_doc *d, size_t *len)
{
    if (len)
        *len = d->id_len;
    return d->id;
}

const char *clio_doc_text(const clio_doc *d, size_t *len)
{
    if (len)
        *len = d->len;
    return d->text;
}

size_t clio_doc_sentence_count(const clio_doc *d) { return d->nsent; }

int clio_doc_sentence(const clio_doc *d, size_t i, clio_sentence *out)
{
    if (i >= d->nsent)
        return CLIO_ERR_USAGE;
    const sent *S = &d->sents[i];
    out->start = S->start;
    out->end = S->end;
    out->first_token = S->first;
    out->ntokens = S->ntok;
    out->boilerplate = (S->flags & SENT_BOILERPLATE) != 0;
    out->headline = (S->flags & SENT_HEADLINE) != 0;
    return CLIO_OK;
}

size_t clio_doc_token_count(const clio_doc *d) { return d->ntok; }

int clio_doc_token(const clio_doc *d, size_t i, clio_token *out)
{
    if (i >= d->ntok)
        return CLIO_ERR_USAGE;
    const tok *T = &d->toks[i];
    out->start = T->start;
    out->end = T->end;
    out->form = T->form;
    out->form_len = T->form_len;
    out->fold = T->fold;
    out->fold_len = T->fold_len;
    out->lemma = T->lemma;
    out->lemma_len = T->lemma_len;
    out->upos = T->upos ? upos_name(T->upos) : "_";
    out->xpos = T->xpos ? xpos_name(T->xpos) : "_";
    out->deprel = T->deprel ? deprel_name(T->deprel) : "_";
    out->head = T->head;
    out->space_after = (T->flags & TOK_SPACE_AFTER) != 0;
    return CLIO_OK;
}

size_t clio_doc_token_feats(const clio_doc *d, size_t i, char *out, size_t cap)
{
    if (i >= d->ntok)
        return 0;
    return feats_format(d->toks[i].feats, out, cap);
}

/*
 * cmd_syntax.c - `clio parse` (raw text -> CoNLL-U) and `clio eval-syntax`
 * (score the tagger, lemmatiser and parser on gold CoNLL-U tokens).
 *
 * parse: the whole input is one document; it is segmented and annotated by
 * clio_process (stages segment + syntax) and printed one word a line.
 * eval-syntax: each gold sentence's word forms (multiword ranges and empty
 * nodes skipped) go through clio_annotate_tokens; tags, lemmas (compared
 * lower-cased), heads and labels are counted against the gold columns.
 * Uses only include/clio.h.
 */
#include "cli.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = (!path || !strcmp(path, "-")) ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    while (p) {
        if (n == cap) {
            char *q = realloc(p, cap * 2);
            if (!q) { free(p); p = NULL; break; }
            p = q;
            cap *= 2;
        }
        size_t k = fread(p + n, 1, cap - n, f);
        if (k == 0)
            break;
        n += k;
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return p;
}

static void print_field(const char *s, size_t n)
{
    if (!s || !n) { fputc('_', stdout); return; }
    for (size_t i = 0; i < n; i++)
        fputc(s[i] == '\t' || s[i] == '\n' ? ' ' : s[i], stdout);
}

int cmd_parse(int argc, char **argv)
{
    const char *path = NULL, *data_dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc) data_dir = argv[++i];
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: clio parse [FILE|-] [--data DIR]\n"
                   "  prints sentences, tags, lemmas and dependencies as CoNLL-U\n");
            return EXIT_OK_ALL;
        } else if (argv[i][0] == '-' && argv[i][1]) { cli_error("parse: unknown option %s", argv[i]); return EXIT_USAGE; }
        else path = argv[i];
    }
    size_t len = 0;
    char *text = slurp(path, &len);
    if (!text) { cli_error("parse: cannot read %s", path ? path : "stdin"); return EXIT_IO; }
    clio_engine *e;
    int rc = cli_engine_open(data_dir, NULL, CLIO_STAGE_SEGMENT | CLIO_STAGE_SYNTAX, &e);
    if (rc) { free(text); return rc; }
    clio_worker *w = clio_worker_new(e);
    clio_input in;
    memset(&in, 0, sizeof in);
    in.id = path ? path : "-"; in.id_len = strlen(in.id);
    in.text = text; in.text_len = len;
    clio_process_options po;
    clio_process_default_options(&po);
    po.lenient = 1;
    po.stages = CLIO_STAGE_SEGMENT | CLIO_STAGE_SYNTAX;
    clio_error err;
    memset(&err, 0, sizeof err);
    clio_doc *d = w ? clio_process(w, &in, &po, &err) : NULL;
    if (!d) {
        if (w) cli_report(&err);
        clio_worker_free(w); clio_engine_free(e); free(text);
        return w ? EXIT_SOME_BAD : EXIT_INTERNAL;
    }
    size_t dl;
    const char *dtext = clio_doc_text(d, &dl);
    size_t ns = clio_doc_sentence_count(d);
    for (size_t s = 0; s < ns; s++) {
        clio_sentence S;
        if (clio_doc_sentence(d, s, &S) != 0) continue;
        printf("# sent_id = %zu\n# text = ", s + 1);
        print_field(dtext + S.start, S.end - S.start);
        putchar('\n');
        for (size_t i = 0; i < S.ntokens; i++) {
            clio_token t;
            char feats[256];
            if (clio_doc_token(d, S.first_token + i, &t) != 0) continue;
            clio_doc_token_feats(d, S.first_token + i, feats, sizeof feats);
            printf("%zu\t", i + 1);
            print_field(t.form, t.form_len); putchar('\t');
            print_field(t.lemma, t.lemma_len);
            printf("\t%s\t%s\t%s\t%ld\t%s\t_\t%s\n", t.upos ? t.upos : "_", t.xpos ? t.xpos : "_", feats,
                   t.head + 1, t.deprel ? t.deprel : "_", t.space_after ? "_" : "SpaceAfter=No");
        }
        putchar('\n');
    }
    clio_doc_free(d);
    clio_worker_free(w);
    clio_engine_free(e);
    free(text);
    return EXIT_OK_ALL;
}

/* ----------------------------------------------------------- eval-syntax */
typedef struct gold_word {
    const char *form, *lemma, *upos, *xpos, *deprel;
    size_t form_len, lemma_len, upos_len, xpos_len, deprel_len;
    long head;
} gold_word;

typedef struct counts { size_t words, upos, xpos, lemma, uas, las, clas, sents; } counts;

static int same(const char *a, size_t an, const char *b, size_t bn)
{
    return a && an == bn && memcmp(a, b, an) == 0;
}

static int same_lower(const char *a, size_t an, const char *b, size_t bn)
{
    if (!a || an != bn) return 0;
    for (size_t i = 0; i < an; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return 0;
    return 1;
}

/* 2: labels equal; 1: equal up to the subtype (CoNLL 2018 style); 0 */
static int same_rel(const char *p, const char *g, size_t gn)
{
    size_t pn = strlen(p);
    if (same(p, pn, g, gn)) return 2;
    const char *pc = memchr(p, ':', pn), *gc = memchr(g, ':', gn);
    size_t pb = pc ? (size_t)(pc - p) : pn, gb = gc ? (size_t)(gc - g) : gn;
    return same(p, pb, g, gb) ? 1 : 0;
}

static int score_sentence(clio_worker *w, gold_word *g, size_t n, counts *c)
{
    const char **forms = malloc(n * sizeof *forms);
    size_t *lens = malloc(n * sizeof *lens);
    if (!forms || !lens) { free(forms); free(lens); return -1; }
    for (size_t i = 0; i < n; i++) { forms[i] = g[i].form; lens[i] = g[i].form_len; }
    clio_error err;
    memset(&err, 0, sizeof err);
    clio_doc *d = clio_annotate_tokens(w, forms, lens, n, &err);
    free(forms); free(lens);
    if (!d) { cli_report(&err); return -1; }
    c->sents++;
    for (size_t i = 0; i < n; i++) {
        clio_token t;
        if (clio_doc_token(d, i, &t) != 0) continue;
        c->words++;
        c->upos += t.upos && same(t.upos, strlen(t.upos), g[i].upos, g[i].upos_len);
        c->xpos += t.xpos && same(t.xpos, strlen(t.xpos), g[i].xpos, g[i].xpos_len);
        c->lemma += (size_t)same_lower(t.lemma, t.lemma_len, g[i].lemma, g[i].lemma_len);
        if (t.head + 1 == g[i].head) {
            c->uas++;
            int r = t.deprel ? same_rel(t.deprel, g[i].deprel, g[i].deprel_len) : 0;
            c->las += r == 2;
            c->clas += r >= 1;
        }
    }
    clio_doc_free(d);
    return 0;
}

int cmd_eval_syntax(int argc, char **argv)
{
    const char *path = NULL, *data_dir = NULL;
    int json = 0, news = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) json = 1;
        else if (!strcmp(argv[i], "--news")) news = 1;
        else if (!strcmp(argv[i], "--data") && i + 1 < argc) data_dir = argv[++i];
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: clio eval-syntax GOLD.conllu [--json] [--news] [--data DIR]\n"
                   "  --news  only sentences whose newdoc or sent_id names contain \"news\"\n");
            return EXIT_OK_ALL;
        } else if (argv[i][0] == '-' && argv[i][1]) { cli_error("eval-syntax: unknown option %s", argv[i]); return EXIT_USAGE; }
        else path = argv[i];
    }
    if (!path) { cli_error("eval-syntax: usage: clio eval-syntax GOLD.conllu [--json]"); return EXIT_USAGE; }
    size_t len;
    char *text = slurp(path, &len);
    if (!text) { cli_error("eval-syntax: cannot read %s", path); return EXIT_IO; }
    clio_engine *e;
    int rc = cli_engine_open(data_dir, NULL, CLIO_STAGE_SEGMENT | CLIO_STAGE_SYNTAX, &e);
    if (rc) { free(text); return rc; }
    clio_worker *w = clio_worker_new(e);
    if (!w) { clio_engine_free(e); free(text); return EXIT_INTERNAL; }
    size_t cap = 256, n = 0;
    gold_word *g = malloc(cap * sizeof *g);
    counts c = { 0 };
    int doc_news = 0, sent_news = 0, failed = 0;
    clock_t t0 = clock();
    size_t pos = 0;
    while (g && pos <= len) {
        size_t end = pos;
        while (end < len && text[end] != '\n') end++;
        size_t ll = end - pos;
        char *line = text + pos;
        if (ll && line[ll - 1] == '\r') ll--;
        if (ll == 0) {
            if (n && (!news || doc_news || sent_news) && score_sentence(w, g, n, &c) != 0)
                failed = 1;
            n = 0;
            sent_news = 0;
        } else if (line[0] == '#') {
            line[ll] = 0;
            if (strstr(line, "newdoc id")) doc_news = strstr(line, "news") != NULL;
            if (strstr(line, "sent_id")) sent_news = strstr(line, "news") != NULL;
        } else {
            const char *f[10];
            size_t fl[10], k = 0, s = 0;
            for (size_t i = 0; i <= ll && k < 10; i++)
                if (i == ll || line[i] == '\t') { f[k] = line + s; fl[k] = i - s; k++; s = i + 1; }
            if (k == 10 && !memchr(f[0], '-', fl[0]) && !memchr(f[0], '.', fl[0])) {
                if (n == cap) {
                    gold_word *q = realloc(g, 2 * cap * sizeof *g);
                    if (!q) break;
                    g = q; cap *= 2;
                }
                gold_word *x = &g[n++];
                x->form = f[1]; x->form_len = fl[1];
                x->lemma = f[2]; x->lemma_len = fl[2];
                x->upos = f[3]; x->upos_len = fl[3];
                x->xpos = f[4]; x->xpos_len = fl[4];
                x->head = strtol(f[6], NULL, 10);
                x->deprel = f[7]; x->deprel_len = fl[7];
            }
        }
        pos = end + 1;
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    free(g);
    clio_worker_free(w);
    clio_engine_free(e);
    free(text);
    double W = c.words ? (double)c.words : 1.0;
    if (json)
        printf("{\"file\":\"%s\",\"sentences\":%zu,\"words\":%zu,\"upos\":%.2f,\"xpos\":%.2f,"
               "\"lemma\":%.2f,\"uas\":%.2f,\"las\":%.2f,\"las_universal\":%.2f,\"seconds\":%.3f}\n",
               path, c.sents, c.words, 100.0 * (double)c.upos / W, 100.0 * (double)c.xpos / W,
               100.0 * (double)c.lemma / W, 100.0 * (double)c.uas / W, 100.0 * (double)c.las / W,
               100.0 * (double)c.clas / W, secs);
    else
        printf("%s: %zu sentences, %zu words\n  UPOS  %6.2f\n  XPOS  %6.2f\n  lemma %6.2f\n  UAS   %6.2f\n  LAS   %6.2f\n  LAS   %6.2f (universal relation only, subtypes ignored)\n"
               "  (%.2f s, %.0f sentences/s including document set-up)\n",
               path, c.sents, c.words, 100.0 * (double)c.upos / W, 100.0 * (double)c.xpos / W,
               100.0 * (double)c.lemma / W, 100.0 * (double)c.uas / W, 100.0 * (double)c.las / W,
               100.0 * (double)c.clas / W, secs, secs > 0 ? (double)c.sents / secs : 0.0);
    return failed ? EXIT_SOME_BAD : EXIT_OK_ALL;
}

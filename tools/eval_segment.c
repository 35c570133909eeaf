/*
 * eval_segment.c - scores the segmenter against UD treebanks.
 *
 * For each document of a CoNLL-U file, the raw text is rebuilt from the
 * "# text" lines (sentences joined by a space, paragraphs by a newline),
 * the gold word spans are located in it (multiword tokens split by their
 * words' forms when those spell the surface form), and the segmenter runs
 * on the raw text.  Prints token (word) and sentence precision, recall and
 * F1, where a token or sentence counts when its byte span matches exactly.
 * usage: eval_segment FILE.conllu [--only PREFIX] [--json]
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int segment_document(clio_doc *d, buf *scratch);

typedef struct spanv {
    uint32_t *a, *b;
    size_t n, cap;
} spanv;

static void sv_push(spanv *v, uint32_t a, uint32_t b)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1024;
        v->a = realloc(v->a, v->cap * sizeof *v->a);
        v->b = realloc(v->b, v->cap * sizeof *v->b);
        if (!v->a || !v->b) {
            fprintf(stderr, "out of memory\n");
            exit(70);
        }
    }
    v->a[v->n] = a;
    v->b[v->n] = b;
    v->n++;
}

typedef struct stats {
    size_t tok_gold, tok_pred, tok_match, s_gold, s_pred, s_match;
} stats;

static size_t count_match(const spanv *g, const spanv *p)
{
    size_t i = 0, j = 0, m = 0;
    while (i < g->n && j < p->n) {
        if (g->a[i] == p->a[j] && g->b[i] == p->b[j]) { m++; i++; j++; }
        else if (g->a[i] < p->a[j] || (g->a[i] == p->a[j] && g->b[i] < p->b[j])) i++;
        else j++;
    }
    return m;
}

static void score_doc(buf *text, spanv *gt, spanv *gs, stats *st, buf *scratch, int show)
{
    if (!text->len)
        return;
    clio_doc d;
    memset(&d, 0, sizeof d);
    d.text = text->data;
    d.len = text->len;
    if (segment_document(&d, scratch)) {
        fprintf(stderr, "segment failed\n");
        exit(70);
    }
    spanv pt = {0}, ps = {0};
    for (uint32_t i = 0; i < d.ntok; i++)
        sv_push(&pt, d.toks[i].start, d.toks[i].end);
    for (uint32_t i = 0; i < d.nsent; i++)
        sv_push(&ps, d.sents[i].start, d.sents[i].end);
    st->tok_gold += gt->n;
    st->tok_pred += pt.n;
    st->tok_match += count_match(gt, &pt);
    st->s_gold += gs->n;
    st->s_pred += ps.n;
    st->s_match += count_match(gs, &ps);
    if (show) {
        /* print gold sentence ends that were missed and false ends */
        for (size_t i = 0; i < gs->n; i++) {
            int found = 0;
            for (size_t j = 0; j < ps.n; j++)
                if (ps.b[j] == gs->b[i]) found = 1;
            if (!found)
                printf("MISSED END: ...%.*s|\n", (int)(gs->b[i] > 40 ? 40 : gs->b[i]), text->data + (gs->b[i] > 40 ? gs->b[i] - 40 : 0));
        }
        for (size_t j = 0; j < ps.n; j++) {
            int found = 0;
            for (size_t i = 0; i < gs->n; i++)
                if (ps.b[j] == gs->b[i]) found = 1;
            if (!found)
                printf("FALSE END: ...%.*s|\n", (int)(ps.b[j] > 40 ? 40 : ps.b[j]), text->data + (ps.b[j] > 40 ? ps.b[j] - 40 : 0));
        }
        size_t i = 0, j = 0;
        int shown = 0;
        while (i < gt->n && j < pt.n && shown < 40) {
            if (gt->a[i] == pt.a[j] && gt->b[i] == pt.b[j]) { i++; j++; continue; }
            printf("TOKEN gold [%.*s] pred [%.*s]\n", (int)(gt->b[i] - gt->a[i]), text->data + gt->a[i],
                   (int)(pt.b[j] - pt.a[j]), text->data + pt.a[j]);
            shown++;
            if (gt->b[i] <= pt.b[j]) i++; else j++;
        }
    }
    free(pt.a); free(pt.b); free(ps.a); free(ps.b);
    arena_release(&d.mem);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: eval_segment FILE.conllu [--only PREFIX] [--json] [--show]\n");
        return 2;
    }
    const char *only = NULL;
    int json = 0, show = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
        else if (!strcmp(argv[i], "--json")) json = 1;
        else if (!strcmp(argv[i], "--show")) show = 1;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        fprintf(stderr, "eval_segment: cannot open %s\n", argv[1]);
        return 3;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    buf text = {0}, scratch = {0};
    spanv gt = {0}, gs = {0};
    stats st = {0};
    int in_doc = 0, newpar = 0;
    uint32_t sent_start = 0, cursor = 0;
    int range_left = 0;
    uint32_t range_a = 0, range_b = 0, range_pos = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        while (got && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = 0;
        if (!strncmp(line, "# newdoc", 8)) {
            if (in_doc)
                score_doc(&text, &gt, &gs, &st, &scratch, show);
            text.len = 0;
            gt.n = gs.n = 0;
            const char *id = strstr(line, "id = ");
            in_doc = !only || (id && strstr(id + 5, only));
            newpar = 0;
            continue;
        }
        if (!in_doc)
            continue;
        if (!strncmp(line, "# newpar", 8) && (line[8] == 0 || line[8] == ' ')) {
            newpar = 1;
            continue;
        }
        if (!strncmp(line, "# text = ", 9)) {
            if (text.len)
                buf_put(&text, newpar ? "\n" : " ", 1);
            newpar = 0;
            sent_start = (uint32_t)text.len;
            buf_puts(&text, line + 9);
            cursor = sent_start;
            continue;
        }
        if (got == 0) {
            if (text.len > sent_start)
                sv_push(&gs, sent_start, (uint32_t)text.len);
            continue;
        }
        if (line[0] == '#' || line[0] < '0' || line[0] > '9')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        char *form = tab + 1;
        char *tab2 = strchr(form, '\t');
        if (!tab2)
            continue;
        *tab2 = 0;
        size_t fl = strlen(form);
        int is_range = memchr(line, '-', (size_t)(tab - line)) != NULL;
        int is_empty = memchr(line, '.', (size_t)(tab - line)) != NULL;
        if (is_empty)
            continue;
        /* locate the surface form at/after cursor */
        if (is_range || !range_left) {
            while (cursor < text.len && (text.data[cursor] == ' ' || text.data[cursor] == '\n' || text.data[cursor] == '\t'))
                cursor++;
            uint32_t a = cursor;
            if (a + fl <= text.len && !memcmp(text.data + a, form, fl)) {
                cursor = a + (uint32_t)fl;
            } else {
                /* form differs from the text (normalised quote etc.): skip one chunk */
                while (cursor < text.len && text.data[cursor] != ' ' && text.data[cursor] != '\n')
                    cursor++;
            }
            if (is_range) {
                int x, y;
                if (sscanf(line, "%d-%d", &x, &y) == 2)
                    range_left = y - x + 1;
                range_a = a;
                range_b = cursor;
                range_pos = a;
                continue;
            }
            sv_push(&gt, a, cursor);
            continue;
        }
        /* a word inside a multiword token */
        if (range_pos + fl <= range_b && !memcmp(text.data + range_pos, form, fl)) {
            sv_push(&gt, range_pos, range_pos + (uint32_t)fl);
            range_pos += (uint32_t)fl;
        } else {
            sv_push(&gt, range_a, range_b);
        }
        range_left--;
    }
    if (in_doc)
        score_doc(&text, &gt, &gs, &st, &scratch, show);
    fclose(f);
    free(line);
    double tp = st.tok_pred ? (double)st.tok_match / (double)st.tok_pred : 0;
    double tr = st.tok_gold ? (double)st.tok_match / (double)st.tok_gold : 0;
    double sp = st.s_pred ? (double)st.s_match / (double)st.s_pred : 0;
    double sr = st.s_gold ? (double)st.s_match / (double)st.s_gold : 0;
    double tf = tp + tr ? 2 * tp * tr / (tp + tr) : 0;
    double sf = sp + sr ? 2 * sp * sr / (sp + sr) : 0;
    if (json)
        printf("{\"tokens\":{\"gold\":%zu,\"pred\":%zu,\"p\":%.4f,\"r\":%.4f,\"f1\":%.4f},"
               "\"sentences\":{\"gold\":%zu,\"pred\":%zu,\"p\":%.4f,\"r\":%.4f,\"f1\":%.4f}}\n",
               st.tok_gold, st.tok_pred, tp, tr, tf, st.s_gold, st.s_pred, sp, sr, sf);
    else
        printf("tokens    gold %zu pred %zu  P %.4f R %.4f F1 %.4f\nsentences gold %zu pred %zu  P %.4f R %.4f F1 %.4f\n",
               st.tok_gold, st.tok_pred, tp, tr, tf, st.s_gold, st.s_pred, sp, sr, sf);
    free(text.data); free(scratch.data); free(gt.a); free(gt.b); free(gs.a); free(gs.b);
    return 0;
}

/*
 * cmd_eval.c - `clio eval GOLD`: code gold sentences and score the coder.
 *
 * Gold: JSON Lines {"id","date","text","events":[{"source","target","code",
 * "alt_codes"?,"date"?,"location"?}]} (one sentence or document a line), or
 * the PLOVER gold-record JSON array (scored on dyads and PLOVER types).
 * Levels, as precision/recall/F1 over multisets per document:
 *   root+dyad  first two digits of the code, actors by their first three
 *              letters (IGO/NGO/IMG codes by their first six; a gold code that
 *              is only "IGO", "NGO" or "IMG" accepts any code of that kind);
 *   code+dyad  the full code (or one of alt_codes), same actors;
 *   root       the root only;  dyad  the actors only.
 * Also: the share of no-event sentences that got an event, recall per root,
 * a confusion matrix of roots (gold vs coded, for matching dyads), and for
 * gold events with "date"/"location": date exact / within precision, place
 * same name / same country.  --json prints the same as one JSON object.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ev {
    char src[16], tgt[16], code[8];
    char alt[4][8];
    int nalt;
    char date[16];
    char loc_name[96], loc_country[4];
    double lat, lon;
    int has_ll;
    char plover[24];
    int used;
} ev;

typedef struct prf {
    long tp, npred, ngold;
} prf;

static void actor_key(const char *code, char out[8])
{
    size_t k = (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3)) ? 6 : 3;
    snprintf(out, 8, "%.*s", (int)k, code);
}

enum { L_ROOTDYAD, L_CODEDYAD, L_ROOT, L_DYAD, L_PLOVER, NLEVELS };
static const char *const LEVEL_NAMES[] = {"root+dyad", "code+dyad", "root", "dyad", "plover+dyad"};

/* Same actor at the scoring level.  A gold code that only says "an IGO"
 * (or NGO, IMG) without naming it matches any IGO (NGO, IMG) code. */
static int actor_same(const char *gold, const char *pred)
{
    char gk[8], pk[8];
    actor_key(gold, gk);
    actor_key(pred, pk);
    if (!strcmp(gk, pk))
        return 1;
    if (strlen(gold) == 3 && (!strcmp(gold, "IGO") || !strcmp(gold, "NGO") || !strcmp(gold, "IMG")))
        return !strncmp(pred, gold, 3);
    return 0;
}

static int ev_match(const ev *g, const ev *p, int level)
{
    int dyad = actor_same(g->src, p->src) && actor_same(g->tgt, p->tgt);
    switch (level) {
    case L_ROOTDYAD: {
        if (!dyad) return 0;
        if (!strncmp(g->code, p->code, 2)) return 1;
        for (int i = 0; i < g->nalt; i++)
            if (!strncmp(g->alt[i], p->code, 2)) return 1;
        return 0;
    }
    case L_CODEDYAD: {
        if (!dyad) return 0;
        if (!strcmp(g->code, p->code)) return 1;
        for (int i = 0; i < g->nalt; i++)
            if (!strcmp(g->alt[i], p->code)) return 1;
        return 0;
    }
    case L_ROOT:
        if (!strncmp(g->code, p->code, 2)) return 1;
        for (int i = 0; i < g->nalt; i++)
            if (!strncmp(g->alt[i], p->code, 2)) return 1;
        return 0;
    case L_DYAD:
        return dyad;
    case L_PLOVER:
        return dyad && g->plover[0] && p->plover[0] && !strcmp(g->plover, p->plover);
    }
    return 0;
}

/* greedy multiset matching; returns true positives */
static long match_count(ev *g, int ng, ev *p, int np, int level, int *pair)
{
    long tp = 0;
    for (int i = 0; i < ng; i++) g[i].used = 0;
    for (int j = 0; j < np; j++) p[j].used = 0;
    for (int i = 0; i < ng; i++) {
        if (pair) pair[i] = -1;
        for (int j = 0; j < np; j++)
            if (!p[j].used && ev_match(&g[i], &p[j], level)) {
                p[j].used = 1;
                g[i].used = 1;
                if (pair) pair[i] = j;
                tp++;
                break;
            }
    }
    return tp;
}

static void copy_str(const clio_json *o, const char *key, char *dst, size_t cap)
{
    size_t n;
    const char *s = clio_json_string(clio_json_get(o, key), &n);
    if (s)
        snprintf(dst, cap, "%.*s", (int)n, s);
    else
        dst[0] = 0;
}

/* old PLOVER labels of the 2016 gold records -> PLOVER 2.0 / table labels */
static const char *plover_new(const char *old)
{
    static const char *const MAP[][2] = {{"DEMAND", "REQUEST"}, {"DISAPPROVE", "ACCUSE"}, {"FIGHT", "ASSAULT"},
        {"ASSAULT", "ASSAULT"}, {"MOBILIZE", "MOBILIZE"}, {"THREATEN", "THREATEN"}, {NULL, NULL}};
    for (int i = 0; MAP[i][0]; i++)
        if (!strcmp(MAP[i][0], old))
            return MAP[i][1];
    return old;
}

typedef struct golddoc {
    char *id, *date, *text;
    size_t text_len;
    ev *events;
    int nevents;
} golddoc;

static int load_plover(const clio_json *arr, golddoc **out, size_t *nout)
{
    size_t n = clio_json_size(arr), k = 0;
    golddoc *docs = calloc(n ? n : 1, sizeof *docs);
    if (!docs)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const clio_json *r = clio_json_at(arr, i);
        size_t tl;
        const char *text = clio_json_string(clio_json_get(r, "text"), &tl);
        const char *evt = clio_json_string(clio_json_get(r, "event"), NULL);
        if (!text || !evt || !strcmp(evt, "DOCUMENT"))
            continue;
        golddoc *g = &docs[k++];
        g->id = strdup(clio_json_string(clio_json_get(r, "id"), NULL) ? clio_json_string(clio_json_get(r, "id"), NULL) : "?");
        g->date = strdup("2000-01-01");
        g->text = strndup(text, tl);
        g->text_len = tl;
        const clio_json *S = clio_json_get(r, "source"), *T = clio_json_get(r, "target");
        size_t ns = clio_json_size(S), nt = clio_json_size(T);
        g->events = calloc((ns ? ns : 1) * (nt ? nt : 1), sizeof(ev));
        for (size_t a = 0; a < (ns ? ns : 1); a++)
            for (size_t b = 0; b < (nt ? nt : 1); b++) {
                ev *e = &g->events[g->nevents++];
                char c[8] = "", sec[8] = "";
                if (ns) {
                    copy_str(clio_json_at(S, a), "code", c, sizeof c);
                    copy_str(clio_json_at(S, a), "sector", sec, sizeof sec);
                }
                snprintf(e->src, sizeof e->src, "%s%s", c, sec);
                c[0] = sec[0] = 0;
                if (nt) {
                    copy_str(clio_json_at(T, b), "code", c, sizeof c);
                    copy_str(clio_json_at(T, b), "sector", sec, sizeof sec);
                }
                snprintf(e->tgt, sizeof e->tgt, "%s%s", c, sec);
                snprintf(e->plover, sizeof e->plover, "%s", plover_new(evt));
            }
    }
    *out = docs;
    *nout = k;
    return 0;
}

static int load_jsonl(FILE *f, const char *path, golddoc **out, size_t *nout)
{
    size_t cap = 64, k = 0;
    golddoc *docs = calloc(cap, sizeof *docs);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    unsigned long lineno = 0;
    while ((got = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        size_t a = 0;
        while ((ssize_t)a < got && (line[a] == ' ' || line[a] == '\t' || line[a] == '\n' || line[a] == '\r'))
            a++;
        if ((ssize_t)a == got)
            continue;
        clio_error err;
        clio_json *j = clio_json_parse(line, (size_t)got, &err);
        if (!j) {
            cli_error("%s:%lu: byte %zu: malformed JSON: %s", path, lineno, err.offset, err.message);
            continue;
        }
        size_t tl;
        const char *text = clio_json_string(clio_json_get(j, "text"), &tl);
        if (!text) {
            cli_error("%s:%lu: gold line without \"text\"", path, lineno);
            clio_json_free(j);
            continue;
        }
        if (k == cap) {
            cap *= 2;
            docs = realloc(docs, cap * sizeof *docs);
        }
        golddoc *g = &docs[k++];
        memset(g, 0, sizeof *g);
        const char *id = clio_json_string(clio_json_get(j, "id"), NULL);
        const char *date = clio_json_string(clio_json_get(j, "date"), NULL);
        char where[64];
        snprintf(where, sizeof where, "line-%lu", lineno);
        g->id = strdup(id ? id : where);
        g->date = date ? strdup(date) : NULL;
        g->text = strndup(text, tl);
        g->text_len = tl;
        const clio_json *E = clio_json_get(j, "events");
        size_t ne = clio_json_size(E);
        g->events = calloc(ne ? ne : 1, sizeof(ev));
        for (size_t i = 0; i < ne; i++) {
            const clio_json *o = clio_json_at(E, i);
            ev *e = &g->events[g->nevents++];
            copy_str(o, "source", e->src, sizeof e->src);
            copy_str(o, "target", e->tgt, sizeof e->tgt);
            copy_str(o, "code", e->code, sizeof e->code);
            copy_str(o, "date", e->date, sizeof e->date);
            const clio_json *alt = clio_json_get(o, "alt_codes");
            for (size_t x = 0; x < clio_json_size(alt) && e->nalt < 4; x++) {
                const char *s = clio_json_string(clio_json_at(alt, x), NULL);
                if (s)
                    snprintf(e->alt[e->nalt++], 8, "%s", s);
            }
            const clio_json *loc = clio_json_get(o, "location");
            if (loc) {
                copy_str(loc, "name", e->loc_name, sizeof e->loc_name);
                copy_str(loc, "country", e->loc_country, sizeof e->loc_country);
            }
        }
        clio_json_free(j);
    }
    free(line);
    *out = docs;
    *nout = k;
    return 0;
}

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int cmd_eval(int argc, char **argv)
{
    const char *path = NULL, *data_dir = NULL, *dict_dir = NULL;
    int json = 0, verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) json = 1;
        else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) verbose = 1;
        else if (!strcmp(argv[i], "--data") && i + 1 < argc) data_dir = argv[++i];
        else if (!strcmp(argv[i], "--dict") && i + 1 < argc) dict_dir = argv[++i];
        else if (!strcmp(argv[i], "--help")) {
            printf("usage: clio eval GOLD [--json] [-v] [--data DIR] [--dict DIR]\n");
            return 0;
        } else if (argv[i][0] == '-') {
            cli_error("eval: unknown option '%s'", argv[i]);
            return EXIT_USAGE;
        } else path = argv[i];
    }
    if (!path) {
        cli_error("eval: which gold file?");
        return EXIT_USAGE;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_error("%s: cannot open", path);
        return EXIT_IO;
    }
    int c = getc(f);
    while (c == ' ' || c == '\n' || c == '\t' || c == '\r')
        c = getc(f);
    golddoc *docs = NULL;
    size_t ndocs = 0;
    if (c == '[') {
        ungetc(c, f);
        clio_buf all = {0};
        char tmp[65536];
        size_t k;
        /* read whole file */
        while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) {
            char *nd = realloc(all.data, all.len + k + 1);
            if (!nd) { fclose(f); return EXIT_INTERNAL; }
            all.data = nd;
            memcpy(all.data + all.len, tmp, k);
            all.len += k;
        }
        clio_error err;
        clio_json *j = clio_json_parse(all.data, all.len, &err);
        free(all.data);
        if (!j) {
            cli_error("%s: byte %zu: malformed JSON: %s", path, err.offset, err.message);
            fclose(f);
            return EXIT_SOME_BAD;
        }
        load_plover(j, &docs, &ndocs);
        clio_json_free(j);
    } else {
        if (c != EOF)
            ungetc(c, f);
        load_jsonl(f, path, &docs, &ndocs);
    }
    fclose(f);

    clio_engine *engine;
    int rc = cli_engine_open(data_dir, dict_dir, 0, &engine);
    if (rc)
        return rc;
    clio_worker *w = clio_worker_new(engine);
    prf lv[NLEVELS];
    memset(lv, 0, sizeof lv);
    long noev_sent = 0, noev_hit = 0, errors = 0;
    long root_gold[21] = {0}, root_tp[21] = {0};
    long confusion[21][21];
    memset(confusion, 0, sizeof confusion);
    long date_n = 0, date_exact = 0, date_within = 0, loc_n = 0, loc_name = 0, loc_country = 0, loc_25 = 0;
    for (size_t di = 0; di < ndocs; di++) {
        golddoc *g = &docs[di];
        clio_input in;
        memset(&in, 0, sizeof in);
        in.id = g->id;
        in.id_len = strlen(g->id);
        in.text = g->text;
        in.text_len = g->text_len;
        in.date = g->date;
        clio_error err;
        clio_doc *d = clio_process(w, &in, NULL, &err);
        if (!d) {
            cli_report(&err);
            errors++;
            continue;
        }
        size_t np = clio_doc_event_count(d);
        ev *p = calloc(np ? np : 1, sizeof(ev));
        clio_event_info ei;
        for (size_t i = 0; i < np; i++) {
            clio_doc_event(d, i, &ei);
            snprintf(p[i].src, sizeof p[i].src, "%s", ei.source);
            snprintf(p[i].tgt, sizeof p[i].tgt, "%s", ei.target);
            snprintf(p[i].code, sizeof p[i].code, "%s", ei.code);
            snprintf(p[i].date, sizeof p[i].date, "%s", ei.date);
            snprintf(p[i].plover, sizeof p[i].plover, "%s", ei.plover_event ? ei.plover_event : "");
            if (ei.location_name) {
                snprintf(p[i].loc_name, sizeof p[i].loc_name, "%s", ei.location_name);
                snprintf(p[i].loc_country, sizeof p[i].loc_country, "%s", ei.location_country);
                p[i].lat = ei.lat;
                p[i].lon = ei.lon;
                p[i].has_ll = 1;
            }
        }
        int ng = g->nevents;
        if (ng == 0) {
            noev_sent++;
            if (np)
                noev_hit++;
        }
        int *pair = calloc((size_t)(ng ? ng : 1), sizeof(int));
        for (int L = 0; L < NLEVELS; L++) {
            long tp = match_count(g->events, ng, p, (int)np, L, L == L_ROOTDYAD ? pair : NULL);
            lv[L].tp += tp;
            lv[L].npred += (long)np;
            lv[L].ngold += ng;
            if (L == L_ROOTDYAD) {
                for (int i = 0; i < ng; i++) {
                    int r = atoi((char[3]){g->events[i].code[0], g->events[i].code[1], 0});
                    if (r < 0 || r > 20) r = 0;
                    root_gold[r]++;
                    if (pair[i] >= 0) {
                        root_tp[r]++;
                        const ev *pe = &p[pair[i]];
                        const ev *ge = &g->events[i];
                        if (ge->date[0]) {
                            date_n++;
                            if (!strcmp(ge->date, pe->date)) date_exact++;
                            else if (verbose)
                                printf("%s: date of %s>%s:%s gold %s coded %s\n", g->id, ge->src, ge->tgt, ge->code, ge->date,
                                       pe->date[0] ? pe->date : "-");
                            if (pe->date[0] && !strncmp(ge->date, pe->date, strlen(ge->date) < strlen(pe->date) ? strlen(ge->date) : strlen(pe->date))) date_within++;
                        }
                        if (ge->loc_country[0]) {
                            loc_n++;
                            if (pe->loc_country[0] && !strcmp(pe->loc_country, ge->loc_country)) loc_country++;
                            double glat, glon;
                            int near = pe->has_ll && clio_place_lookup(engine, ge->loc_name, ge->loc_country, &glat, &glon) &&
                                       clio_distance_km(glat, glon, pe->lat, pe->lon) <= 25.0;
                            if (pe->loc_name[0] && (!strcasecmp(pe->loc_name, ge->loc_name) || near)) loc_name++;
                            if (near) loc_25++;
                            if (verbose && !(pe->loc_name[0] && (!strcasecmp(pe->loc_name, ge->loc_name) || near)))
                                printf("%s: place of %s>%s:%s gold %s/%s coded %s/%s\n", g->id, ge->src, ge->tgt, ge->code,
                                       ge->loc_name, ge->loc_country, pe->loc_name[0] ? pe->loc_name : "-",
                                       pe->loc_country[0] ? pe->loc_country : "-");
                        }
                    }
                }
            }
        }
        /* confusion on dyad matches */
        match_count(g->events, ng, p, (int)np, L_DYAD, pair);
        for (int i = 0; i < ng; i++)
            if (pair[i] >= 0) {
                int gr = atoi((char[3]){g->events[i].code[0], g->events[i].code[1], 0});
                int pr = atoi((char[3]){p[pair[i]].code[0], p[pair[i]].code[1], 0});
                if (gr >= 0 && gr <= 20 && pr >= 0 && pr <= 20)
                    confusion[gr][pr]++;
            }
        if (verbose) {
            long tp = match_count(g->events, ng, p, (int)np, L_ROOTDYAD, NULL);
            if (tp != ng || tp != (long)np) {
                printf("%s: %.*s\n  gold:", g->id, (int)(g->text_len > 200 ? 200 : g->text_len), g->text);
                for (int i = 0; i < ng; i++)
                    printf(" %s>%s:%s", g->events[i].src, g->events[i].tgt, g->events[i].code);
                printf("\n  coded:");
                for (size_t i = 0; i < np; i++)
                    printf(" %s>%s:%s", p[i].src, p[i].tgt, p[i].code);
                printf("\n");
            }
        }
        free(pair);
        free(p);
        clio_doc_free(d);
    }
    if (json) {
        printf("{\"documents\":%zu,\"errors\":%ld", ndocs, errors);
        for (int L = 0; L < NLEVELS; L++) {
            double P = lv[L].npred ? (double)lv[L].tp / (double)lv[L].npred : 0;
            double R = lv[L].ngold ? (double)lv[L].tp / (double)lv[L].ngold : 0;
            printf(",\"%s\":{\"tp\":%ld,\"pred\":%ld,\"gold\":%ld,\"p\":%.4f,\"r\":%.4f,\"f1\":%.4f}", LEVEL_NAMES[L],
                   lv[L].tp, lv[L].npred, lv[L].ngold, P, R, f1(P, R));
        }
        printf(",\"no_event_sentences\":%ld,\"no_event_with_event\":%ld", noev_sent, noev_hit);
        printf(",\"dates\":{\"n\":%ld,\"exact\":%ld,\"within\":%ld},\"places\":{\"n\":%ld,\"same_place\":%ld,\"within_25km\":%ld,\"country\":%ld}",
               date_n, date_exact, date_within, loc_n, loc_name, loc_25, loc_country);
        printf(",\"root_recall\":{");
        int first = 1;
        for (int r = 1; r <= 20; r++)
            if (root_gold[r]) {
                printf("%s\"%02d\":%.4f", first ? "" : ",", r, (double)root_tp[r] / (double)root_gold[r]);
                first = 0;
            }
        printf("}}\n");
    } else {
        printf("clio eval %s: %zu documents, %ld errors\n", path, ndocs, errors);
        printf("%-12s %6s %6s %6s %7s %7s %7s\n", "level", "tp", "pred", "gold", "P", "R", "F1");
        for (int L = 0; L < NLEVELS; L++) {
            double P = lv[L].npred ? (double)lv[L].tp / (double)lv[L].npred : 0;
            double R = lv[L].ngold ? (double)lv[L].tp / (double)lv[L].ngold : 0;
            printf("%-12s %6ld %6ld %6ld %7.3f %7.3f %7.3f\n", LEVEL_NAMES[L], lv[L].tp, lv[L].npred, lv[L].ngold,
                   P, R, f1(P, R));
        }
        printf("no-event sentences given an event: %ld of %ld (%.1f%%)\n", noev_hit, noev_sent,
               noev_sent ? 100.0 * (double)noev_hit / (double)noev_sent : 0);
        if (date_n)
            printf("event dates (matched events with a gold date): exact %ld/%ld, within precision %ld/%ld\n",
                   date_exact, date_n, date_within, date_n);
        if (loc_n)
            printf("event places (matched events with a gold place): same place (name or within 25 km) %ld/%ld, "
                   "within 25 km %ld/%ld, same country %ld/%ld\n", loc_name, loc_n, loc_25, loc_n, loc_country, loc_n);
        printf("recall per root:");
        for (int r = 1; r <= 20; r++)
            if (root_gold[r])
                printf(" %02d:%ld/%ld", r, root_tp[r], root_gold[r]);
        printf("\nconfusion (rows gold root, columns coded root, dyad-matched events):\n    ");
        for (int c2 = 1; c2 <= 20; c2++)
            printf("%3d", c2);
        printf("\n");
        for (int r = 1; r <= 20; r++) {
            long any = 0;
            for (int c2 = 1; c2 <= 20; c2++)
                any += confusion[r][c2];
            if (!any)
                continue;
            printf("%3d ", r);
            for (int c2 = 1; c2 <= 20; c2++)
                printf(confusion[r][c2] ? "%3ld" : "  .", confusion[r][c2]);
            printf("\n");
        }
    }
    for (size_t i = 0; i < ndocs; i++) {
        free(docs[i].id);
        free(docs[i].date);
        free(docs[i].text);
        free(docs[i].events);
    }
    free(docs);
    clio_worker_free(w);
    clio_engine_free(engine);
    return errors ? EXIT_SOME_BAD : EXIT_OK_ALL;
}

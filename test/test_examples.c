/*
 * test_examples.c - the dictionaries test themselves: every EX line under an
 * EVENT pattern is coded (document date 2026-01-15) and its expected events
 * must come out exactly (as a set of SRC>TGT:CODE), "none" must give none.
 *
 * Any failing example fails the test (every failure is printed), so a
 * pattern, a coder rule or a parse repair that breaks one is caught.
 */
#include "check.h"
#include "engine.h"
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_event(const clio_doc *d, const char *src, const char *tgt, const char *code)
{
    clio_event_info e;
    for (size_t i = 0; i < clio_doc_event_count(d); i++) {
        clio_doc_event(d, i, &e);
        if (!strcmp(e.source, src) && !strcmp(e.code, code) &&
            (!strcmp(e.target, tgt) || (!strcmp(tgt, "-") && !e.target[0])))
            return 1;
    }
    return 0;
}

int main(void)
{
    clio_error err;
    clio_engine *e = clio_engine_new(NULL, &err);
    if (!e) {
        printf("not ok - engine loads: %s %s\n", err.file, err.message);
        return 1;
    }
    if (!e->lex || !e->syntax) {
        printf("ok - SKIP examples (engine built without syntax model or lexicon)\n");
        clio_engine_free(e);
        return 0;
    }
    clio_worker *w = clio_worker_new(e);
    uint32_t n = lexicon_example_count(e->lex), bad = 0, exact_events = 0, total_events = 0;
    for (uint32_t i = 0; i < n; i++) {
        const lex_example *x = lexicon_example(e->lex, i);
        clio_input in;
        memset(&in, 0, sizeof in);
        in.id = "example";
        in.id_len = 7;
        in.text = x->sentence;
        in.text_len = strlen(x->sentence);
        in.date = "2026-01-15";
        clio_doc *d = clio_process(w, &in, NULL, &err);
        if (!d) {
            bad++;
            printf("# %s:%u: not processed: %s\n", x->file, x->line, err.message);
            continue;
        }
        int ok = 1;
        size_t got = clio_doc_event_count(d);
        if (x->expect_none) {
            ok = got == 0;
        } else {
            uint32_t found = 0;
            for (uint32_t k = 0; k < x->nevents; k++)
                found += (uint32_t)has_event(d, x->events[k].src, x->events[k].tgt, x->events[k].code);
            exact_events += found;
            total_events += x->nevents;
            ok = found == x->nevents && got == x->nevents;
        }
        if (!ok) {
            bad++;
            printf("# %s:%u: want %s | got", x->file, x->line, x->expected);
            clio_event_info ev;
            for (size_t k = 0; k < got; k++) {
                clio_doc_event(d, k, &ev);
                printf(" %s>%s:%s", ev.source, ev.target[0] ? ev.target : "-", ev.code);
            }
            printf(" | %s\n", x->sentence);
        }
        clio_doc_free(d);
    }
    printf("# examples: %u, passing %u, failing %u; expected events found %u of %u\n", n, n - bad, bad,
           exact_events, total_events);
    char what[160];
    snprintf(what, sizeof what, "dictionary examples: %u of %u pass", n - bad, n);
    CHECK(bad == 0, what);
    clio_worker_free(w);
    clio_engine_free(e);
    return check_summary();
}

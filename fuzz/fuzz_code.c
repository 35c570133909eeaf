/* fuzz_code.c - libFuzzer target: a whole document through every stage
 * (segment, syntax, lexicon, actors, coder, dates, places) and all output
 * formats.  The engine loads the build's data once. */
#include "clio.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static clio_engine *engine;
static clio_worker *worker;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) {
        engine = clio_engine_new(NULL, NULL);
        if (!engine)
            abort(); /* the build's data directory must be there */
        worker = clio_worker_new(engine);
        if (!worker)
            abort();
    }
    if (size > 20000)
        size = 20000; /* keep each run short; long inputs are covered by tests */
    clio_input in;
    memset(&in, 0, sizeof in);
    in.id = "fuzz";
    in.id_len = 4;
    in.text = (const char *)data;
    in.text_len = size;
    in.date = "2025-07-22";
    clio_process_options po;
    clio_process_default_options(&po);
    po.lenient = 1;
    po.explain = 1; /* the marked spans too */
    clio_doc *d = clio_process(worker, &in, &po, NULL);
    if (!d)
        abort();
    static const clio_format F[] = {CLIO_FORMAT_JSONL, CLIO_FORMAT_TSV, CLIO_FORMAT_TABLE, CLIO_FORMAT_EXPLAIN,
                                    CLIO_FORMAT_CONLLU, CLIO_FORMAT_SEGMENTS};
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++) {
        clio_buf out = {0};
        if (clio_emit(d, F[i], &out))
            abort();
        clio_buf_free(&out);
    }
    size_t len;
    const char *text = clio_doc_text(d, &len);
    for (size_t i = 0; i < clio_doc_event_count(d); i++) {
        clio_event_info e;
        if (clio_doc_event(d, i, &e))
            abort();
        if (e.source_end > len || e.target_end > len || e.evidence_end > len || e.source_start > e.source_end ||
            e.evidence_start > e.evidence_end)
            abort(); /* spans stay inside the text */
        (void)text;
    }
    clio_doc_free(d);
    return 0;
}

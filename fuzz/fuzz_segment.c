/* fuzz_segment.c - libFuzzer target: a whole document through the
 * segmenter (lenient, so every input reaches it); checks the invariants
 * later stages rely on. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static clio_engine *engine;
static clio_worker *worker;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) {
        clio_engine_options o;
        clio_engine_default_options(&o);
        o.stages = CLIO_STAGE_SEGMENT;
        engine = clio_engine_new(&o, NULL);
        worker = clio_worker_new(engine);
        if (!engine || !worker)
            abort();
    }
    clio_input in;
    memset(&in, 0, sizeof in);
    in.id = "fuzz";
    in.id_len = 4;
    in.text = (const char *)data;
    in.text_len = size;
    clio_process_options po;
    clio_process_default_options(&po);
    po.lenient = 1;
    po.stages = CLIO_STAGE_SEGMENT;
    clio_doc *d = clio_process(worker, &in, &po, NULL);
    if (!d)
        abort();
    uint32_t prev_end = 0;
    for (uint32_t i = 0; i < d->ntok; i++) {
        const tok *t = &d->toks[i];
        if (t->start >= t->end || t->end > d->len || t->start < prev_end)
            abort(); /* tokens are non-empty, in order, inside the text */
        prev_end = t->end;
    }
    uint32_t next = 0;
    for (uint32_t i = 0; i < d->nsent; i++) {
        const sent *s = &d->sents[i];
        if (s->first != next || s->ntok == 0 || s->ntok > CLIO_MAX_SENT_TOKENS)
            abort(); /* sentences partition the tokens */
        next = s->first + s->ntok;
    }
    if (next != d->ntok)
        abort();
    clio_buf out = {0};
    if (clio_emit(d, CLIO_FORMAT_SEGMENTS, &out))
        abort();
    clio_buf_free(&out);
    clio_doc_free(d);
    return 0;
}

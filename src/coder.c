/*
 * coder.c - events from sentences (placeholder until the coder lands).
 */
#include "coder.h"

int coder_run(clio_worker *w, clio_doc *d, const clio_process_options *opt)
{
    (void)w;
    (void)opt;
    d->coded = NULL;
    return 0;
}

size_t coder_event_count(const clio_doc *d)
{
    return d->coded ? d->coded->nevents : 0;
}

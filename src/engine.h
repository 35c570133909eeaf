/*
 * engine.h - the engine, the worker and the document (internal layouts).
 *
 * An engine owns the immutable data every stage reads: the syntax model,
 * the lexicon image and the gazetteer.  A worker owns per-thread scratch.
 * A document owns its arena: tokens, sentences, annotations and events.
 */
#ifndef CLIO_ENGINE_H
#define CLIO_ENGINE_H

#include "internal.h"

struct syntax_model;
struct syntax_ws;
struct lexicon;
struct gazetteer;
struct coder_result;

struct clio_engine {
    unsigned stages;                 /* CLIO_STAGE_* loaded */
    char data_dir[1024];
    const struct syntax_model *syntax;   /* NULL when not loaded */
    const struct lexicon *lex;           /* NULL when not loaded */
    const struct gazetteer *gaz;         /* NULL when not loaded */
};

struct clio_worker {
    const struct clio_engine *engine;
    struct syntax_ws *syntax_ws;
    buf scratch;                      /* reusable bytes */
};

struct clio_doc {
    arena mem;                        /* everything below lives here */
    const struct clio_engine *engine;
    char *id;  size_t id_len;
    char *text; size_t len;           /* validated (and repaired) original text */
    char *title; size_t title_len;
    ymd date;                         /* document date; y == 0 when unknown */
    tok *toks;  uint32_t ntok;
    sent *sents; uint32_t nsent;
    size_t replaced_bytes;
    size_t boilerplate_sentences;
    struct coder_result *coded;       /* events, mentions, dates, places (coder.c) */
};

#endif

/*
 * engine.c - loading the immutable data (syntax model, lexicon image,
 * gazetteer) once, and per-thread workers.
 *
 * The data directory is, in order: the option, $CLIO_DATA, the build's
 * data directory compiled in.  Each stage's file is validated on load; a
 * missing or corrupt file is CLIO_ERR_MODEL naming the file.
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef CLIO_HAVE_SYNTAX
#include "syntax.h"
#define HAVE_SYNTAX 1
#endif
#ifdef CLIO_HAVE_LEXICON
#include "lexicon.h"
#define HAVE_LEXICON 1
#endif
#ifdef CLIO_HAVE_WHERE
#include "where.h"
#define HAVE_WHERE 1
#endif

#ifndef CLIO_DEFAULT_DATA_DIR
#define CLIO_DEFAULT_DATA_DIR "data"
#endif

void clio_engine_default_options(clio_engine_options *opt)
{
    memset(opt, 0, sizeof *opt);
}

static void set_error(clio_error *err, int code, const char *file, const char *msg)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    snprintf(err->message, sizeof err->message, "%s", msg);
}

clio_engine *clio_engine_new(const clio_engine_options *opt, clio_error *err)
{
    clio_engine_options def;
    if (!opt) {
        clio_engine_default_options(&def);
        opt = &def;
    }
    clio_engine *e = calloc(1, sizeof *e);
    if (!e) {
        set_error(err, CLIO_ERR_NOMEM, NULL, "out of memory");
        return NULL;
    }
    const char *dir = opt->data_dir;
    if (!dir || !*dir)
        dir = getenv("CLIO_DATA");
    if (!dir || !*dir)
        dir = CLIO_DEFAULT_DATA_DIR;
    snprintf(e->data_dir, sizeof e->data_dir, "%s", dir);
    unsigned want = opt->stages ? opt->stages : CLIO_STAGE_ALL;
    e->stages = CLIO_STAGE_SEGMENT;
    char path[1200];
    (void)path;
#ifdef HAVE_SYNTAX
    if (want & (CLIO_STAGE_SYNTAX | CLIO_STAGE_CODER)) {
        snprintf(path, sizeof path, "%s/syntax.bin", e->data_dir);
        e->syntax = syntax_load(path, err);
        if (!e->syntax) {
            clio_engine_free(e);
            return NULL;
        }
        e->stages |= CLIO_STAGE_SYNTAX;
    }
#endif
#ifdef HAVE_LEXICON
    if (want & (CLIO_STAGE_LEXICON | CLIO_STAGE_CODER)) {
        snprintf(path, sizeof path, "%s/lexicon.img", e->data_dir);
        e->lex = lexicon_load(path, opt->user_dict_dir, err);
        if (!e->lex) {
            clio_engine_free(e);
            return NULL;
        }
        e->stages |= CLIO_STAGE_LEXICON;
    }
#endif
#ifdef HAVE_WHERE
    if (want & (CLIO_STAGE_WHERE | CLIO_STAGE_CODER)) {
        snprintf(path, sizeof path, "%s/gazetteer.bin", e->data_dir);
        e->gaz = gazetteer_load(path, err);
        if (!e->gaz) {
            clio_engine_free(e);
            return NULL;
        }
        e->stages |= CLIO_STAGE_WHERE;
    }
#endif
    if ((e->stages & (CLIO_STAGE_SYNTAX | CLIO_STAGE_LEXICON)) == (CLIO_STAGE_SYNTAX | CLIO_STAGE_LEXICON))
        e->stages |= CLIO_STAGE_CODER | CLIO_STAGE_WHEN;
    (void)want;
    return e;
}

void clio_engine_free(clio_engine *e)
{
    if (!e)
        return;
#ifdef HAVE_SYNTAX
    if (e->syntax)
        syntax_free((syntax_model *)e->syntax);
#endif
#ifdef HAVE_LEXICON
    if (e->lex)
        lexicon_free((lexicon *)e->lex);
#endif
#ifdef HAVE_WHERE
    if (e->gaz)
        gazetteer_free((gazetteer *)e->gaz);
#endif
    free(e);
}

clio_worker *clio_worker_new(const clio_engine *e)
{
    clio_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->engine = e;
#ifdef HAVE_SYNTAX
    if (e && e->syntax) {
        w->syntax_ws = syntax_ws_new(e->syntax);
        if (!w->syntax_ws) {
            free(w);
            return NULL;
        }
    }
#endif
    return w;
}

void clio_worker_free(clio_worker *w)
{
    if (!w)
        return;
#ifdef HAVE_SYNTAX
    if (w->syntax_ws)
        syntax_ws_free(w->syntax_ws);
#endif
    buf_free(&w->scratch);
    free(w);
}

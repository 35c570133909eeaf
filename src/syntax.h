/*
 * syntax.h - the syntax stage seen from the rest of the library: tagging
 * (UPOS + Penn XPOS), lemmas, morphological feature bits and labelled
 * dependency trees for one tokenised sentence at a time.
 *
 * The model (data/models/syntax.bin) is one self-contained file read at
 * once; it is immutable after syntax_load() and may be shared by threads.
 * Each thread owns a syntax_ws (scratch memory that grows with the longest
 * sentence seen).
 */
#ifndef CLIO_SYNTAX_H
#define CLIO_SYNTAX_H

#include "internal.h"

typedef struct syntax_model syntax_model;
typedef struct syntax_ws syntax_ws;

/* Reads and validates the model file.  NULL and err filled (CLIO_ERR_IO,
 * CLIO_ERR_MODEL, CLIO_ERR_NOMEM) when it is missing or corrupt. */
syntax_model *syntax_load(const char *path, clio_error *err);
void syntax_free(syntax_model *m);

/* Per-thread scratch; NULL on OOM. */
syntax_ws *syntax_ws_new(const syntax_model *m);
void syntax_ws_free(syntax_ws *ws);

/* Fills upos, xpos, lemma/lemma_len, feats, head (-1 = root) and deprel of
 * toks[0..n).  form/form_len must be set (fold/fold_len optional: used for
 * the lemma of non-ASCII words).  Lemmas are lower case and not
 * NUL-terminated; they point into the token's form or fold, into model
 * memory, or into arena a (when a is NULL: into ws, valid until the next
 * call with ws).  Always produces one well-formed tree (one root, no
 * cycle) when it returns 0; returns CLIO_ERR_NOMEM on allocation failure.
 * Thread-safe with one ws per thread; cost linear in n. */
int syntax_annotate(const syntax_model *m, syntax_ws *ws, tok *toks, uint32_t n, arena *a);

#endif

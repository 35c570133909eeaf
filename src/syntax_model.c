/*
 * syntax_model.c - loading the syntax model and annotating a sentence.
 *
 * The model file (written by tools/train_syntax.c) is mapped read-only
 * (or, failing that, read into one block); every count, offset, class and
 * string reference is checked before use, so a corrupt file is rejected,
 * never trusted.  The file must not be truncated while mapped.
 * syntax_annotate() runs the stage for one sentence: hash the words
 * (tag.c), tag greedily (a second pass re-tags the words the first was
 * unsure of, seeing the tags on their right), parse with arc-eager moves
 * and label each arc
 * (parse.c), then lemmas and feature bits (lemma.c).  Hands on: upos,
 * xpos, lemma, feats, head and deprel in each tok.
 */
#include "syntax_internal.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* How the file's bytes are held: mapped read-only, or read into the heap
 * when mmap is unavailable. */
enum { MEM_HEAP = 0, MEM_MAPPED = 1 };

struct syntax_ws {
    syn_words sw;
    syn_state st;
    char *lower;      /* lower-cased forms of the sentence, concatenated */
    size_t lower_cap;
    char *lemmas;     /* lemma text when no arena is given */
    size_t lemmas_cap;
    uint64_t feats[64];
    int32_t scores[256];
};

static void set_err(clio_error *err, int code, const char *path, const char *msg)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    if (path)
        snprintf(err->file, sizeof err->file, "%s", path);
    snprintf(err->message, sizeof err->message, "%s", msg);
}

static int is_pow2(uint32_t x) { return x && !(x & (x - 1)); }

typedef struct reader {
    char *mem;
    size_t size, off;
    int bad;
} reader;

static const void *take(reader *r, uint64_t count, uint64_t elsize)
{
    if (r->bad)
        return NULL;
    uint64_t bytes = count * elsize;
    if (elsize && bytes / elsize != count) { r->bad = 1; return NULL; }
    uint64_t padded = (bytes + 7) & ~(uint64_t)7;
    if (padded < bytes || r->off + padded > r->size) { r->bad = 1; return NULL; }
    const void *p = r->mem + r->off;
    r->off += (size_t)padded;
    return p;
}

static int read_table(reader *r, syn_table *t, uint32_t slots, uint32_t entries, uint32_t nclasses)
{
    if (!is_pow2(slots))
        return -1;
    t->mask = slots - 1;
    t->nentries = entries;
    t->nclasses = nclasses;
    t->keys = take(r, slots, 4);
    t->start = take(r, slots, 4);
    t->len = take(r, slots, 1);
    t->cls = take(r, entries, 1);
    t->w = take(r, entries, 2);
    if (r->bad)
        return -1;
    uint32_t empty = 0;
    for (uint32_t i = 0; i < slots; i++) {
        if (t->keys[i] == 0) { empty++; continue; }
        if ((uint64_t)t->start[i] + t->len[i] > entries)
            return -1;
    }
    if (!empty)
        return -1;
    for (uint32_t i = 0; i < entries; i++)
        if (t->cls[i] >= nclasses)
            return -1;
    return 0;
}

syntax_model *syntax_load(const char *path, clio_error *err)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        set_err(err, CLIO_ERR_IO, path, "cannot open the syntax model");
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || sb.st_size < (off_t)sizeof(syn_header) || sb.st_size > (off_t)1 << 31) {
        close(fd);
        set_err(err, CLIO_ERR_MODEL, path, "syntax model has a bad size");
        return NULL;
    }
    syntax_model *m = calloc(1, sizeof *m);
    if (!m) {
        close(fd);
        set_err(err, CLIO_ERR_NOMEM, path, "out of memory loading the syntax model");
        return NULL;
    }
    size_t size = (size_t)sb.st_size;
    char *mem = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mem != MAP_FAILED) {
        m->mem_kind = MEM_MAPPED;
    } else {
        mem = malloc(size);
        if (!mem) {
            close(fd); free(m);
            set_err(err, CLIO_ERR_NOMEM, path, "out of memory loading the syntax model");
            return NULL;
        }
        size_t got = 0;
        while (got < size) {
            ssize_t k = read(fd, mem + got, size - got);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                break;
            got += (size_t)k;
        }
        if (got != size) {
            close(fd); free(m); free(mem);
            set_err(err, CLIO_ERR_IO, path, "cannot read the syntax model");
            return NULL;
        }
    }
    close(fd);
    m->mem = mem;
    m->size = size;
    syn_header h;
    memcpy(&h, mem, sizeof h);
    const char *why = NULL;
    if (memcmp(h.magic, SYN_MAGIC, 8) != 0)
        why = "not a clio syntax model (bad magic)";
    else if (h.version != SYN_VERSION)
        why = "syntax model version not supported";
    else if (h.features != syn_fingerprint())
        why = "syntax model was trained with other features (retrain it)";
    else if (h.ntags == 0 || h.ntags > SYN_MAX_TAGS)
        why = "syntax model has a bad tag count";
    if (!why) {
        reader r = { mem, size, (sizeof(syn_header) + 7) & ~(size_t)7, 0 };
        m->ntags = h.ntags;
        m->tag_xpos = take(&r, h.ntags, 1);
        m->tag_upos = take(&r, h.ntags, 1);
        if (!is_pow2(h.dict_slots)) r.bad = 1;
        m->dict_mask = h.dict_slots - 1;
        m->dict_keys = take(&r, h.dict_slots, 4);
        m->dict_val = take(&r, h.dict_slots, 1);
        if (r.bad)
            why = "syntax model is truncated";
        else {
            for (uint32_t i = 0; i < h.ntags && !why; i++)
                if (m->tag_xpos[i] >= XPOS_COUNT || m->tag_upos[i] >= UPOS_COUNT)
                    why = "syntax model has a bad tag";
            uint32_t empty = 0;
            for (uint32_t i = 0; i < h.dict_slots && !why; i++) {
                if (m->dict_keys[i] == 0) empty++;
                else if ((m->dict_val[i] & ~SYN_SURE) >= h.ntags) why = "syntax model has a bad dictionary entry";
            }
            if (!why && !empty)
                why = "syntax model dictionary is full";
        }
        if (!why && read_table(&r, &m->tagger, h.tag_slots, h.tag_entries, h.ntags) != 0)
            why = "syntax model has a corrupt tagger table";
        if (!why && read_table(&r, &m->tagger2, h.tag2_slots, h.tag2_entries, h.ntags) != 0)
            why = "syntax model has a corrupt second tagger table";
        m->tag_gate = h.tag_gate;
        if (!why) {
            if (!is_pow2(h.par_slots)) r.bad = 1;
            m->parser.mask = h.par_slots - 1;
            m->parser.slots = take(&r, h.par_slots, sizeof(syn_slot4));
            uint32_t empty = 0;
            for (uint32_t i = 0; !r.bad && i < h.par_slots && !empty; i++)
                empty += m->parser.slots[i].key == 0;   /* one empty slot ends every probe */
            if (r.bad || !empty)
                why = "syntax model has a corrupt parser table";
        }
        if (!why && read_table(&r, &m->labeller, h.lab_slots, h.lab_entries, DEP_COUNT) != 0)
            why = "syntax model has a corrupt labeller table";
        if (!why) {
            if (h.sure_labels != h.ntags * h.ntags * 2) r.bad = 1;
            m->sure_label = take(&r, h.sure_labels, 1);
            for (uint32_t i = 0; !r.bad && i < h.sure_labels; i++)
                if (m->sure_label[i] >= DEP_COUNT || m->sure_label[i] == DEP_ROOT) r.bad = 1;
            if (r.bad)
                why = "syntax model has a corrupt label table";
        }
        if (!why) {
            syn_strmap *lm = &m->lemmas;
            if (!is_pow2(h.lem_slots)) r.bad = 1;
            lm->mask = h.lem_slots - 1;
            lm->keys = take(&r, h.lem_slots, 4);
            lm->off = take(&r, h.lem_slots, 4);
            lm->len = take(&r, h.lem_slots, 1);
            lm->strip = take(&r, h.lem_slots, 1);
            lm->pool = take(&r, h.pool_bytes, 1);
            lm->pool_bytes = h.pool_bytes;
            if (r.bad)
                why = "syntax model is truncated";
            uint32_t empty = 0;
            for (uint32_t i = 0; i < h.lem_slots && !why; i++) {
                if (lm->keys[i] == 0) empty++;
                else if ((uint64_t)lm->off[i] + lm->len[i] > h.pool_bytes)
                    why = "syntax model has a bad lemma entry";
            }
            if (!why && !empty)
                why = "syntax model lemma map is full";
        }
        if (!why && r.off != size)
            why = "syntax model has trailing bytes";
    }
    if (why) {
        syntax_free(m);
        set_err(err, CLIO_ERR_MODEL, path, why);
        return NULL;
    }
    return m;
}

void syntax_free(syntax_model *m)
{
    if (!m)
        return;
    if (m->mem_kind == MEM_MAPPED)
        munmap(m->mem, m->size);
    else
        free(m->mem);
    free(m);
}

syntax_ws *syntax_ws_new(const syntax_model *m)
{
    (void)m;
    syntax_ws *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    if (syn_words_reserve(&ws->sw, 64) != 0 || syn_state_reserve(&ws->st, 64) != 0) {
        syntax_ws_free(ws);
        return NULL;
    }
    return ws;
}

void syntax_ws_free(syntax_ws *ws)
{
    if (!ws)
        return;
    syn_words_free(&ws->sw);
    syn_state_free(&ws->st);
    free(ws->lower);
    free(ws->lemmas);
    free(ws);
}

static int best_label(const syntax_model *m, syntax_ws *ws, int32_t h, int32_t d)
{
    /* arcs whose label the tags settle (DT -> NN det, punctuation ...) */
    uint32_t nt = m->ntags;
    int sure = m->sure_label[((uint32_t)ws->sw.tag[h] * nt + ws->sw.tag[d]) * 2 + (h < d)];
    if (sure)
        return sure;
    uint32_t nf = syn_label_features(&ws->sw, &ws->st, h, d, ws->feats);
    int32_t *sc = ws->scores;
    memset(sc, 0, DEP_COUNT * sizeof *sc);
    for (uint32_t f = 0; f < nf; f++)
        syn_table_add(&m->labeller, ws->feats[f], sc);
    int best = 1;   /* first maximum wins, as in training */
    for (int l = 2; l < DEP_COUNT; l++)
        if (l != DEP_ROOT && sc[l] > sc[best]) best = l;
    return best;
}

static void tag_sentence(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    syn_words *sw = &ws->sw;
    int32_t *sc = ws->scores;
    for (uint32_t i = 0; i < n; i++) {
        int v = syn_tagdict_lookup(m, sw->w[i]);
        sw->amb[i] = v < 0 ? SYN_UNKNOWN_AMB : (uint8_t)(v & ~SYN_SURE);
        sw->tag[i] = v >= 0 && (v & SYN_SURE) ? (uint8_t)(v & ~SYN_SURE) : 255;
    }
    uint32_t nunsure = 0;
    for (uint32_t i = 0; i < n; i++) {
        int c = sw->tag[i];
        sw->unsure[i] = 0;
        if (c == 255) {
            uint32_t nf = syn_tag_features(sw, i, ws->feats);
            memset(sc, 0, m->ntags * sizeof *sc);
            for (uint32_t f = 0; f < nf; f++)
                syn_table_add(&m->tagger, ws->feats[f], sc);
            c = 0;
            int32_t second = INT32_MIN;
            for (uint32_t t = 1; t < m->ntags; t++) {
                if (sc[t] > sc[c]) {
                    second = sc[c];
                    c = (int)t;
                } else if (sc[t] > second) {
                    second = sc[t];
                }
            }
            if ((int64_t)sc[c] - second < m->tag_gate) {
                sw->unsure[i] = 1;
                nunsure++;
            }
        }
        sw->tag[i] = (uint8_t)c;
        sw->tag1[i] = (uint8_t)c;
    }
    /* second pass over the doubtful words, now seeing the tags on their
     * right (first pass) as well as the final tags on their left */
    for (uint32_t i = 0; nunsure && i < n; i++) {
        if (!sw->unsure[i])
            continue;
        uint32_t nf = syn_tag2_features(sw, i, ws->feats);
        memset(sc, 0, m->ntags * sizeof *sc);
        for (uint32_t f = 0; f < nf; f++)
            syn_table_add(&m->tagger2, ws->feats[f], sc);
        int c = 0;
        for (uint32_t t = 1; t < m->ntags; t++)
            if (sc[t] > sc[c]) c = (int)t;
        sw->tag[i] = (uint8_t)c;
    }
    for (uint32_t i = 0; i < n; i++)
        sw->xpos[i] = m->tag_xpos[sw->tag[i]];
}

static void parse_sentence(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    syn_state *st = &ws->st;
    syn_state_init(st, n);
    for (;;) {
        unsigned legal = syn_legal(st);
        if (!legal) {
            if (st->sp < 2)
                break;   /* terminal: buffer empty, stack empty */
            int32_t s0 = st->stack[st->sp - 1], s1 = st->stack[st->sp - 2];
            syn_state_arc(st, s1, s0, best_label(m, ws, s1, s0));
            st->sp--;
            continue;
        }
        int mv = -1;
        if (legal & (legal - 1)) {
            int32_t sc[SYN_NMOVES] = { 0 };
            uint32_t nf = syn_parse_features(&ws->sw, st, ws->feats);
            for (uint32_t f = 0; f < nf; f++)
                syn_table4_add(&m->parser, ws->feats[f], sc);
            for (int k = 0; k < SYN_NMOVES; k++)
                if ((legal >> k & 1) && (mv < 0 || sc[k] > sc[mv]))
                    mv = k;
        } else {
            /* one legal move (empty stack, or empty buffer): nothing to score */
            for (mv = 0; !(legal >> mv & 1); mv++)
                ;
        }
        int32_t b = (int32_t)st->b;
        switch (mv) {
        case SYN_SHIFT:
            st->stack[st->sp++] = b;
            st->b++;
            break;
        case SYN_REDUCE:
            st->sp--;
            break;
        case SYN_LEFT: {
            int32_t s0 = st->stack[--st->sp];
            syn_state_arc(st, b, s0, (uint32_t)b == n ? DEP_ROOT : best_label(m, ws, b, s0));
            break;
        }
        default: {
            int32_t s0 = st->stack[st->sp - 1];
            syn_state_arc(st, s0, b, best_label(m, ws, s0, b));
            st->stack[st->sp++] = b;
            st->b++;
            break;
        }
        }
    }
}

int syntax_tag(const syntax_model *m, syntax_ws *ws, tok *toks, uint32_t n)
{
    if (syn_words_reserve(&ws->sw, n) != 0)
        return CLIO_ERR_NOMEM;
    ws->sw.n = n;
    for (uint32_t i = 0; i < n; i++)
        syn_words_set(&ws->sw, i, toks[i].form, toks[i].form_len);
    tag_sentence(m, ws, n);
    for (uint32_t i = 0; i < n; i++) {
        toks[i].xpos = m->tag_xpos[ws->sw.tag[i]];
        toks[i].upos = m->tag_upos[ws->sw.tag[i]];
    }
    return 0;
}

/* A rule the perceptron gets wrong often in news: "has/had/is/was ..."
 * before a participle ("has again launched", "was quickly approved") is an
 * auxiliary, not the main verb.  Correcting the tag before parsing lets
 * the parser attach the participle as the head.  The class used is the
 * model's own (same XPOS, UPOS AUX). */
static int fold_in(const tok *t, const char *const *w)
{
    if (!t->fold_len)
        return 0;
    const char c = t->fold[0];
    const uint32_t n = t->fold_len;
    for (; *w; w++)
        /* (strnlen, not strncmp: a token may hold a NUL byte) */
        if ((*w)[0] == c && strnlen(*w, n + 1) == n && !memcmp(*w, t->fold, n))
            return 1;
    return 0;
}

/* verb particles ("handed over", "shot down", "pulled out") */
static const char *const PARTICLE[] = {"over", "out", "off", "back", "down", "up", "away", NULL};

/* Does the word end in "-ed" and have at least min bytes? */
static int ends_ed(const tok *t, size_t min)
{
    return t->fold_len >= min && !memcmp(t->fold + t->fold_len - 2, "ed", 2);
}

/* does the word's fold end in the suffix? */
static int ends_with(const tok *t, const char *suf)
{
    size_t l = strlen(suf);
    return t->fold_len >= l && !memcmp(t->fold + t->fold_len - l, suf, l);
}

/* set word i's tag to the model's tag with this XPOS and UPOS, if any */
static void retag(const syntax_model *m, syn_words *sw, uint32_t i, int xpos, int upos)
{
    for (uint32_t k = 0; k < m->ntags; k++)
        if (m->tag_xpos[k] == xpos && m->tag_upos[k] == upos) {
            sw->tag[i] = (uint8_t)k;
            sw->xpos[i] = (uint8_t)xpos;
            return;
        }
}

/* does the word's fold begin with one of the stems? */
static int fold_stem(const tok *t, const char *const *w)
{
    for (int i = 0; w[i]; i++) {
        size_t l = strlen(w[i]);
        if (t->fold_len >= l && t->fold[0] == w[i][0] && !memcmp(t->fold, w[i], l))
            return 1;
    }
    return 0;
}

static int capitalised(const tok *t)
{
    return t->form_len && t->form[0] >= 'A' && t->form[0] <= 'Z';
}

/* "Russia and Ukraine each released 185 prisoners", "the two sides both
 * accused ...": a past form after a floating "each"/"both" that follows
 * the subject is the finite verb */
static void fix_floating_quantifier(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t i = 2; i + 1 < n; i++) {
        if (m->tag_xpos[sw->tag[i]] != XPOS_VBN || !fold_in(&toks[i - 1], (const char *const[]){"each", "both", NULL}))
            continue;
        int pv = m->tag_xpos[sw->tag[i - 2]];
        if (pv == XPOS_NNP || pv == XPOS_NNPS || pv == XPOS_NNS || pv == XPOS_PRP)
            retag(m, sw, i, XPOS_VBD, UPOS_VERB);
    }
}

static void fix_auxiliaries(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const HAVE[] = {"has", "have", "had", "'s", "'ve", "'d", "having", NULL};
    static const char *const BE[] = {"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m", "am", NULL};
    static const char *const SKIP[] = {"since", "already", "not", "n't", "also", "so", "far", "now", "just", "yet",
        "still", "never", "recently", "reportedly", "repeatedly", "previously", "finally", "quickly", "only",
        "long", "both", "all", "ever", "largely", "widely", "formally", "jointly", "officially", NULL};
    syn_words *sw = &ws->sw;
    if (!toks || !toks[0].fold)
        return;
    /* "denounced Israel's offensive in Gaza": after a possessive, a word
     * read as an adjective that no noun follows is the noun; and "tear gas"
     * is a noun compound, not the verb "tear" */
    for (uint32_t i = 1; i < n; i++) {
        int xp = m->tag_xpos[sw->tag[i]];
        if (xp == XPOS_JJ && m->tag_xpos[sw->tag[i - 1]] == XPOS_POS) {
            int nx = i + 1 < n ? m->tag_xpos[sw->tag[i + 1]] : XPOS_PERIOD;
            if (nx == XPOS_IN || nx == XPOS_PERIOD || nx == XPOS_COMMA || nx == XPOS_CC || nx == XPOS_TO ||
                nx == XPOS_VBD || nx == XPOS_VBZ || nx == XPOS_VBP || nx == XPOS_MD)
                retag(m, sw, i, XPOS_NN, UPOS_NOUN);
        }
        /* "on high alert amid tensions with Kosovo": prepositions that are
         * never nouns, whatever the tagger's context made of them */
        char c0 = toks[i].fold_len >= 3 ? toks[i].fold[0] : 0;
        if ((c0 == 'a' || c0 == 'd' || c0 == 'v' || c0 == 't') &&
            (xp == XPOS_NN || xp == XPOS_NNP || xp == XPOS_JJ || xp == XPOS_RB) &&
            fold_in(&toks[i], (const char *const[]){"amid", "amidst", "despite", "via", "toward", "towards",
                                                    "against", "alongside", NULL}))
            retag(m, sw, i, XPOS_IN, UPOS_ADP);
        /* "welcomed Lavrov to Riyadh": a capitalised word mid-sentence after
         * "to" is a name the infinitive reading got wrong */
        if (xp == XPOS_VB && (toks[i].flags & TOK_CAPITAL) && !(toks[i].flags & TOK_ALLCAPS) &&
            m->tag_xpos[sw->tag[i - 1]] == XPOS_TO && i >= 2) {
            retag(m, sw, i, XPOS_NNP, UPOS_PROPN);
            retag(m, sw, i - 1, XPOS_IN, UPOS_ADP);
        }
        /* "a gunman shot and seriously wounded ...": an irregular past form
         * read as a noun, coordinated with a past-tense verb, is one too */
        if (xp == XPOS_NN && i + 2 < n && (c0 == 's' || c0 == 'h' || c0 == 'b') &&
            fold_in(&toks[i + 1], (const char *const[]){"and", NULL}) &&
            fold_in(&toks[i], (const char *const[]){"shot", "hit", "struck", "stabbed", "burned", "burnt",
                                                    "bombed", NULL})) {
            uint32_t j = i + 2;
            if (j + 1 < n && m->tag_xpos[sw->tag[j]] == XPOS_RB)
                j++;
            if (m->tag_xpos[sw->tag[j]] == XPOS_VBD)
                retag(m, sw, i, XPOS_VBD, UPOS_VERB);
        }
        /* "imposed export controls on", "new import restrictions": export
         * and import before a noun, after a determiner, adjective,
         * preposition or verb, are the noun modifier, not the verb */
        if ((c0 == 'e' || c0 == 'i') && (xp == XPOS_VB || xp == XPOS_VBP || xp == XPOS_VBZ) && i + 1 < n &&
            fold_in(&toks[i], (const char *const[]){"export", "import", "exports", "imports", NULL})) {
            int nx = m->tag_xpos[sw->tag[i + 1]], pv = m->tag_xpos[sw->tag[i - 1]];
            if ((nx == XPOS_NNS || nx == XPOS_NN) &&
                (pv == XPOS_DT || pv == XPOS_JJ || pv == XPOS_IN || pv == XPOS_PRPS || pv == XPOS_POS ||
                 pv == XPOS_CC || pv == XPOS_VBD || pv == XPOS_VBN || pv == XPOS_VB || pv == XPOS_VBZ))
                retag(m, sw, i, XPOS_NN, UPOS_NOUN);
        }
        /* "staged a sit-in", "a walk-out": a particle glued by a hyphen to
         * the word before is the head of a noun compound */
        if (i >= 2 && toks[i - 1].fold_len == 1 && toks[i - 1].fold[0] == '-' && toks[i - 2].end == toks[i - 1].start &&
            toks[i - 1].end == toks[i].start && fold_in(&toks[i], (const char *const[]){"in", "out", NULL}) &&
            (i + 1 == n || m->tag_xpos[sw->tag[i + 1]] != XPOS_DT) &&
            (m->tag_upos[sw->tag[i - 2]] == UPOS_VERB || m->tag_upos[sw->tag[i - 2]] == UPOS_NOUN)) {
            retag(m, sw, i, XPOS_NN, UPOS_NOUN);
            retag(m, sw, i - 2, XPOS_NN, UPOS_NOUN);
        }
        /* "handed over 29 alleged cartel figures", "a suspected militant":
         * a participle of hearsay between a number, determiner or adjective
         * and a noun is an adjective */
        if ((c0 == 'a' || c0 == 's' || c0 == 'p' || c0 == 'r') && (xp == XPOS_VBD || xp == XPOS_VBN) && i + 1 < n &&
            fold_in(&toks[i], (const char *const[]){"alleged", "suspected", "purported", "reputed", NULL})) {
            int nx = m->tag_xpos[sw->tag[i + 1]], pv = m->tag_xpos[sw->tag[i - 1]];
            if ((nx == XPOS_NN || nx == XPOS_NNS || nx == XPOS_NNP || nx == XPOS_JJ) &&
                (pv == XPOS_CD || pv == XPOS_DT || pv == XPOS_JJ || pv == XPOS_PRPS || pv == XPOS_POS ||
                 pv == XPOS_IN || pv == XPOS_CC || pv == XPOS_COMMA))
                retag(m, sw, i, c0 == 'a' ? XPOS_JJ : XPOS_VBN, c0 == 'a' ? UPOS_ADJ : UPOS_VERB); /* as EWT tags them */
        }
        /* "the first of 49 retired Abrams tanks", "20 wounded soldiers": a
         * past form between a number and a noun is a participle */
        if (xp == XPOS_VBD && i + 1 < n && m->tag_xpos[sw->tag[i - 1]] == XPOS_CD) {
            int nx = m->tag_xpos[sw->tag[i + 1]];
            if (nx == XPOS_NN || nx == XPOS_NNS || nx == XPOS_NNP || nx == XPOS_NNPS || nx == XPOS_JJ)
                retag(m, sw, i, XPOS_VBN, UPOS_VERB);
        }
        if (i + 1 < n && toks[i].fold_len == 4 && !memcmp(toks[i].fold, "tear", 4) &&
            toks[i + 1].fold_len == 3 && !memcmp(toks[i + 1].fold, "gas", 3) && xp != XPOS_NN)
            retag(m, sw, i, XPOS_NN, UPOS_NOUN);
    }
    /* "Hezbollah rockets wounded two civilians": a plural noun read as a
     * present-tense verb right before the sentence's past-tense verb */
    for (uint32_t i = 1; i + 1 < n; i++) {
        if (m->tag_xpos[sw->tag[i]] != XPOS_VBZ)
            continue;
        /* ... or after a past-tense verb and a noun ("fired warning flares at") */
        int after_verb = i >= 2 && m->tag_xpos[sw->tag[i - 1]] == XPOS_NN &&
                         m->tag_xpos[sw->tag[i - 2]] == XPOS_VBD;
        if (m->tag_xpos[sw->tag[i + 1]] != XPOS_VBD && !after_verb)
            continue;
        int xp = m->tag_xpos[sw->tag[i - 1]];
        if (!(xp == XPOS_NNP || xp == XPOS_JJ || xp == XPOS_NN) || toks[i].fold_len < 4 ||
            toks[i].fold[toks[i].fold_len - 1] != 's')
            continue;
        retag(m, sw, i, XPOS_NNS, UPOS_NOUN);
    }
    /* "Israeli warplanes struck Syria", "Switzerland froze Russian
     * assets": a sentence with no finite verb at all has one that the
     * tagger took for an adjective, participle or preposition: the first
     * past-tense-looking word after the opening noun phrase */
    {
        int finite = 0;
        for (uint32_t i = 0; i < n && !finite; i++) {
            int xp = m->tag_xpos[sw->tag[i]];
            finite = xp == XPOS_VBD || xp == XPOS_VBZ || xp == XPOS_VBP || xp == XPOS_MD;
        }
        static const char *const IRREG[] = {"struck", "froze", "laid", "shot", "fought", "led", "sent", "took",
            "held", "met", "beat", "hit", "won", "lost", "sank", "stole", "broke", "began", "drove", "threw",
            "overran", "withdrew", "blew", "sold", "told", "gave", "made", "built", "caught", "left", "fled",
            "swept", "tore", "wrote", "rose", "fell", "shut", "cut", "put", "set", "spread", "sought", "brought",
            "seized", "stormed", "kept", "bit", "slew", "hid", "ran", "rode", "forced", "withheld", "unfroze", "cast",
            NULL};
        /* "Masked gunmen stormed ...": an opening -ed word before a plural
         * noun and the sentence's past-tense verb describes the noun */
        if (n > 3 && m->tag_xpos[sw->tag[0]] == XPOS_VBD && ends_ed(&toks[0], 5) &&
            m->tag_xpos[sw->tag[1]] == XPOS_NNS && m->tag_xpos[sw->tag[2]] == XPOS_VBD)
            retag(m, sw, 0, XPOS_JJ, UPOS_ADJ);
        /* "Gunmen shot dead ...": an opening plural in -men read as an adjective */
        if (!finite && n > 2 && m->tag_xpos[sw->tag[0]] == XPOS_JJ && toks[0].fold_len >= 5 &&
            !memcmp(toks[0].fold + toks[0].fold_len - 3, "men", 3))
            retag(m, sw, 0, XPOS_NNS, UPOS_NOUN);
        for (uint32_t i = 1; i + 1 < n && !finite; i++) {
            int xp = m->tag_xpos[sw->tag[i]], pp = m->tag_xpos[sw->tag[i - 1]];
            /* "Police tear-gassed protesters": the subject is before the
             * hyphenated word */
            if (i >= 3 && pp == XPOS_HYPH && toks[i - 2].end == toks[i - 1].start && toks[i - 1].end == toks[i].start)
                pp = m->tag_xpos[sw->tag[i - 3]];
            if (!(pp == XPOS_NN || pp == XPOS_NNS || pp == XPOS_NNP || pp == XPOS_NNPS || pp == XPOS_PRP))
                continue;
            int ed = ends_ed(&toks[i], 4);
            if (!(ed || fold_in(&toks[i], IRREG)) || (toks[i].flags & TOK_CAPITAL))
                continue;
            /* "Taiwan put its forces on alert": after a singular subject a
             * bare form the same in the past tense is that past */
            static const char *const SAME[] = {"put", "cut", "set", "hit", "shut", "spread", "quit", "let", "cast",
                "beat", "split", "hurt", "shed", NULL};
            int same = (xp == XPOS_VB || xp == XPOS_VBP) && fold_in(&toks[i], SAME) &&
                       (pp == XPOS_NN || pp == XPOS_NNP);
            if (!(xp == XPOS_JJ || xp == XPOS_VBN || xp == XPOS_IN || xp == XPOS_NN || xp == XPOS_RB || same))
                continue;
            int nx = m->tag_xpos[sw->tag[i + 1]];
            if (!(nx == XPOS_DT || nx == XPOS_JJ || nx == XPOS_NNP || nx == XPOS_NNPS || nx == XPOS_NNS ||
                  nx == XPOS_NN || nx == XPOS_CD || nx == XPOS_PRPS || nx == XPOS_PRP || nx == XPOS_RP ||
                  nx == XPOS_DOLLAR || (nx == XPOS_IN && fold_in(&toks[i + 1], PARTICLE)) ||
                  /* "Russian troops advanced on Pokrovsk": a plural or named
                   * subject's motion toward a place */
                  (nx == XPOS_IN && (pp == XPOS_NNS || pp == XPOS_NNP || pp == XPOS_NNPS) &&
                   fold_in(&toks[i + 1], (const char *const[]){"on", "into", "toward", "towards", "across",
                                                               "through", "against", "from", NULL}))))
                continue;
            retag(m, sw, i, XPOS_VBD, UPOS_VERB);
            finite = 1;
        }
    }
    /* "handed over three suspects", "carried out a raid", "shot down a
     * drone": after a phrasal verb, a particle before a noun phrase is a
     * particle, not a preposition taking that phrase */
    static const char *const PHRASAL[] = {"hand", "turn", "pull", "call", "shut", "lay", "laid", "put", "give", "gave",
        "took", "take", "wip", "set", "rul", "step", "brought", "bring", "blew", "blow", "shot", "shoot", "cut",
        "seal", "round", "broke", "break", "carr", "kick", "drove", "driv", "fought", "fight", "beat", "wound",
        "rolled", "roll", "scal", "sign", "call", "pour", "rais", "wiped", "struck", "strik", "knock", "gun", NULL};
    for (uint32_t i = 1; i + 1 < n; i++) {
        if (m->tag_xpos[sw->tag[i]] != XPOS_IN || !fold_in(&toks[i], PARTICLE))
            continue;
        int xv = m->tag_xpos[sw->tag[i - 1]];
        if (!(xv == XPOS_VBD || xv == XPOS_VBN || xv == XPOS_VB || xv == XPOS_VBZ || xv == XPOS_VBP || xv == XPOS_VBG))
            continue;
        int phr = 0;
        for (int q = 0; PHRASAL[q] && !phr; q++) {
            size_t l = strlen(PHRASAL[q]);
            phr = toks[i - 1].fold_len >= l && !memcmp(toks[i - 1].fold, PHRASAL[q], l);
        }
        int nx = m->tag_xpos[sw->tag[i + 1]];
        if (phr && (nx == XPOS_DT || nx == XPOS_CD || nx == XPOS_PRPS || nx == XPOS_JJ || nx == XPOS_NNS ||
                    nx == XPOS_NN || nx == XPOS_NNP || nx == XPOS_NNPS || nx == XPOS_JJS))
            retag(m, sw, i, XPOS_RP, UPOS_ADP);
    }
    /* "... as Chinese warships staged drills", "after rebels seized the
     * town": a subordinator, a short noun phrase and an -ed word before a
     * noun phrase make a clause whose verb is that word */
    static const char *const SUBORD[] = {"as", "while", "after", "before", "when", "because", "since", "although",
        "though", "until", "once", NULL};
    for (uint32_t i = 0; i + 3 < n; i++) {
        int xs = m->tag_xpos[sw->tag[i]];
        if (!(xs == XPOS_IN || xs == XPOS_WRB || xs == XPOS_RB) || !fold_in(&toks[i], SUBORD))
            continue;
        uint32_t j = i + 1;
        while (j < n && j < i + 8) {
            int xp = m->tag_xpos[sw->tag[j]];
            if (xp == XPOS_DT || xp == XPOS_JJ || xp == XPOS_NN || xp == XPOS_NNS || xp == XPOS_NNP ||
                xp == XPOS_NNPS || xp == XPOS_CC || xp == XPOS_CD || xp == XPOS_PRPS)
                j++;
            else
                break;
        }
        if (j == i + 1 || j + 1 >= n)
            continue;
        int pl = m->tag_xpos[sw->tag[j - 1]];
        if (!(pl == XPOS_NN || pl == XPOS_NNS || pl == XPOS_NNP || pl == XPOS_NNPS))
            continue;
        int xp = m->tag_xpos[sw->tag[j]];
        int ed = ends_ed(&toks[j], 4);
        if (!ed || !(xp == XPOS_VBN || xp == XPOS_JJ))
            continue;
        int nx = m->tag_xpos[sw->tag[j + 1]];
        if (!(nx == XPOS_DT || nx == XPOS_JJ || nx == XPOS_NNP || nx == XPOS_NNS || nx == XPOS_NN ||
              nx == XPOS_CD || nx == XPOS_PRPS || nx == XPOS_PRP))
            continue;
        retag(m, sw, j, XPOS_VBD, UPOS_VERB);
        if (m->tag_upos[sw->tag[i]] == UPOS_ADP)
            retag(m, sw, i, XPOS_IN, UPOS_SCONJ);
    }
    /* "Christopher telephoned Russian Foreign Minister ...": an -ed word
     * tagged adjective right after a name, before any verb of the
     * sentence, is the sentence's past-tense verb */
    int seen_verb = 0;
    for (uint32_t i = 0; i + 1 < n && !seen_verb; i++) {
        int c = sw->tag[i];
        int up = m->tag_upos[c];
        /* the same for a participle in the first verb position
         * ("President Xi Jinping welcomed French President Emmanuel Macron") */
        int vbn = up == UPOS_VERB && m->tag_xpos[c] == XPOS_VBN;
        if ((up == UPOS_VERB && !vbn) || up == UPOS_AUX) {
            seen_verb = 1;
            break;
        }
        int xprev = i > 0 ? m->tag_xpos[sw->tag[i - 1]] : -1;
        if (vbn && (i == 0 || !(xprev == XPOS_NNP || xprev == XPOS_NNPS))) {
            seen_verb = 1;
            break;
        }
        /* (or a form that is only ever a past tense, or "withheld", read
         * as a noun: "Israel froze tax revenues owed to ...") */
        static const char *const PAST_ONLY[] = {"froze", "unfroze", "withdrew", "stole", "broke", "drove", "threw",
            "overran", "blew", "tore", "wrote", "rose", "sank", "began", "shook", "took", "gave", "rode", "spoke",
            "chose", "swore", "forbade", "withheld", NULL};
        int past_only = i > 0 && (up == UPOS_ADJ || up == UPOS_NOUN) && fold_in(&toks[i], PAST_ONLY);
        if (i == 0 || (up != UPOS_ADJ && !vbn && !past_only) || !(ends_ed(&toks[i], 5) || past_only) ||
            (toks[i].flags & TOK_CAPITAL))
            continue;
        int prev = m->tag_xpos[sw->tag[i - 1]];
        int next = m->tag_xpos[sw->tag[i + 1]];
        if (!(prev == XPOS_NNP || prev == XPOS_NNPS || prev == XPOS_PRP || prev == XPOS_NNS || prev == XPOS_NN))
            continue;
        if (!(next == XPOS_NNP || next == XPOS_NNPS || next == XPOS_DT || next == XPOS_JJ || next == XPOS_PRPS ||
              next == XPOS_CD || next == XPOS_NNS || next == XPOS_NN || next == XPOS_JJR))
            continue;
        for (uint32_t k = 0; k < m->ntags; k++)
            if (m->tag_xpos[k] == XPOS_VBD && m->tag_upos[k] == UPOS_VERB) {
                sw->tag[i] = (uint8_t)k;
                sw->xpos[i] = XPOS_VBD;
                seen_verb = 1;
                break;
            }
    }
    /* "agreed to regular border patrols": after a preposition comes a
     * noun phrase, so a present-tense verb closing it is a noun */
    for (uint32_t i = 0; i + 2 < n; i++) {
        int c = sw->tag[i];
        int prep = m->tag_upos[c] == UPOS_ADP && (m->tag_xpos[c] == XPOS_IN || m->tag_xpos[c] == XPOS_TO);
        /* "to" before a determiner or adjective is a preposition, not the infinitive marker */
        if (!prep && m->tag_xpos[c] == XPOS_TO) {
            int xn = m->tag_xpos[sw->tag[i + 1]];
            prep = xn == XPOS_DT || xn == XPOS_JJ || xn == XPOS_CD || xn == XPOS_PRPS || xn == XPOS_JJS;
        }
        if (!prep)
            continue;
        uint32_t j = i + 1;
        while (j < n && j < i + 6) {
            int xp = m->tag_xpos[sw->tag[j]];
            if (xp == XPOS_DT || xp == XPOS_JJ || xp == XPOS_NN || xp == XPOS_NNP || xp == XPOS_HYPH ||
                xp == XPOS_CD || xp == XPOS_PRPS || xp == XPOS_JJS || xp == XPOS_JJR)
                j++;
            else
                break;
        }
        if (j >= n || j == i + 1)
            continue;
        int xj = m->tag_xpos[sw->tag[j]];
        int prev = m->tag_xpos[sw->tag[j - 1]];
        /* (or a name: "pushed back against U.S. claims", after a
         * preposition that cannot open a clause) */
        int name = prev == XPOS_NNP && xj == XPOS_VBZ &&
                   !fold_in(&toks[i], (const char *const[]){"as", "like", "than", "after", "before", "since", "until",
                                                           "because", "while", "if", "that", "whether", "though",
                                                           "although", "unless", "once", "so", "for", NULL}) &&
                   fold_in(&toks[j], (const char *const[]){"claims", "demands", "calls", "plans", "threats", "attacks",
                                                           "strikes", "charges", "reports", "concerns", "efforts",
                                                           "pledges", "promises", "proposals", "offers", "warnings",
                                                           "accusations", "allegations", NULL});
        if (!((xj == XPOS_VBZ || xj == XPOS_VBP) && (prev == XPOS_NN || prev == XPOS_JJ || name)))
            continue;
        /* only at the end of the phrase: punctuation or a preposition follows */
        if (j + 1 < n) {
            int xn = m->tag_xpos[sw->tag[j + 1]];
            if (!(xn == XPOS_PERIOD || xn == XPOS_COMMA || xn == XPOS_COLON || xn == XPOS_IN || xn == XPOS_CC))
                continue;
        }
        int plural = toks[j].fold_len > 2 && toks[j].fold[toks[j].fold_len - 1] == 's';
        for (uint32_t k = 0; k < m->ntags; k++)
            if (m->tag_xpos[k] == (plural ? XPOS_NNS : XPOS_NN) && m->tag_upos[k] == UPOS_NOUN) {
                sw->tag[j] = (uint8_t)k;
                sw->xpos[j] = m->tag_xpos[k];
                break;
            }
    }
    /* "the crowd outside parliament", "clashes near the border": a
     * location word read as an adjective or adverb before a noun phrase is
     * a preposition */
    static const char *const LOCP[] = {"outside", "inside", "near", "beyond", "alongside", NULL};
    for (uint32_t i = 1; i + 1 < n; i++) {
        int c = sw->tag[i];
        char l0 = toks[i].fold_len >= 4 ? toks[i].fold[0] : 0;
        if (!(l0 == 'o' || l0 == 'i' || l0 == 'n' || l0 == 'b' || l0 == 'a') || m->tag_upos[c] == UPOS_ADP ||
            !fold_in(&toks[i], LOCP))
            continue;
        int xn = m->tag_xpos[sw->tag[i + 1]];
        int xprev = m->tag_xpos[sw->tag[i - 1]];
        if (!(xn == XPOS_DT || xn == XPOS_NN || xn == XPOS_NNS || xn == XPOS_NNP || xn == XPOS_NNPS ||
              xn == XPOS_PRPS || xn == XPOS_CD))
            continue;
        if (!(xprev == XPOS_NN || xprev == XPOS_NNS || xprev == XPOS_NNP || xprev == XPOS_NNPS))
            continue;
        for (uint32_t k = 0; k < m->ntags; k++)
            if (m->tag_xpos[k] == XPOS_IN && m->tag_upos[k] == UPOS_ADP) {
                sw->tag[i] = (uint8_t)k;
                sw->xpos[i] = XPOS_IN;
                break;
            }
    }
    /* "demanded that Iran release the prisoners", "urged that the
     * government step down": after a mandative verb and "that", the word
     * following the clause's subject is its (subjunctive, base-form) verb,
     * though the tagger, seeing no -s, reads it as a noun */
    static const char *const MANDATIVE[] = {"demand", "demanded", "demands", "demanding", "urge", "urged", "urges",
        "insist", "insisted", "insists", "ask", "asked", "asks", "require", "required", "requires", "propose",
        "proposed", "proposes", "recommend", "recommended", "recommends", "request", "requested", "requests",
        "order", "ordered", "orders", "suggest", "suggested", "suggests", NULL};
    int has_that = 0;
    for (uint32_t k = 0; k < n && !has_that; k++)
        has_that = toks[k].fold_len == 4 && !memcmp(toks[k].fold, "that", 4);
    for (uint32_t i = 0; has_that && i + 3 < n; i++) {
        /* "demanded that", "demanded on Tuesday that" */
        uint32_t th = i + 1;
        while (th < n && th < i + 5 && !(toks[th].fold_len == 4 && !memcmp(toks[th].fold, "that", 4))) {
            int xt = m->tag_xpos[sw->tag[th]];
            if (!(xt == XPOS_IN || xt == XPOS_NNP || xt == XPOS_NN || xt == XPOS_CD || xt == XPOS_DT))
                break;
            th++;
        }
        if (th >= n || th + 2 >= n || toks[th].fold_len != 4 || memcmp(toks[th].fold, "that", 4) ||
            !fold_in(&toks[i], MANDATIVE))
            continue;
        /* the subject: a short noun phrase ending in a noun, name or pronoun */
        static const char *const VERB_ADJ[] = {"free", "open", "clear", "close", "secure", "empty", "calm", NULL};
        uint32_t j = th + 1;
        while (j < n && j < th + 8) {
            int xp = m->tag_xpos[sw->tag[j]];
            int xb = m->tag_xpos[sw->tag[j - 1]];
            if (xp == XPOS_JJ && j > th + 1 && (xb == XPOS_NNP || xb == XPOS_NNPS || xb == XPOS_NN || xb == XPOS_NNS) &&
                fold_in(&toks[j], VERB_ADJ))
                break; /* "that Hamas free the hostages": the verb, not an adjective */
            if (xp == XPOS_DT || xp == XPOS_JJ || xp == XPOS_NNP || xp == XPOS_NNPS || xp == XPOS_PRPS ||
                xp == XPOS_POS || xp == XPOS_NNS || xp == XPOS_CD ||
                (xp == XPOS_NN && j + 1 < n && m->tag_xpos[sw->tag[j + 1]] == XPOS_NN))
                j++;
            else
                break;
        }
        if (j == th + 1 || j + 1 >= n)
            continue;
        int xlast = m->tag_xpos[sw->tag[j - 1]];
        if (!(xlast == XPOS_NNP || xlast == XPOS_NNPS || xlast == XPOS_NN || xlast == XPOS_NNS))
            continue;
        /* (or, for the verbs that are also adjectives, read as one: "that
         * Hamas free the hostages", "that Japan open its market") */
        int xj = m->tag_xpos[sw->tag[j]];
        if ((xj != XPOS_NN && !(xj == XPOS_JJ && fold_in(&toks[j], VERB_ADJ))) || (toks[j].flags & TOK_CAPITAL))
            continue;
        int xn = m->tag_xpos[sw->tag[j + 1]];
        if (!(xn == XPOS_DT || xn == XPOS_PDT || xn == XPOS_PRPS || xn == XPOS_JJ || xn == XPOS_JJR || xn == XPOS_RBR ||
              xn == XPOS_CD || xn == XPOS_NNS || xn == XPOS_RP || xn == XPOS_RB || xn == XPOS_NNP || xn == XPOS_IN ||
              xn == XPOS_TO || xn == XPOS_PRP))
            continue;
        for (uint32_t k = 0; k < m->ntags; k++)
            if (m->tag_xpos[k] == XPOS_VB && m->tag_upos[k] == UPOS_VERB) {
                sw->tag[j] = (uint8_t)k;
                sw->xpos[j] = XPOS_VB;
                break;
            }
    }
    /* nouns the tagger reads as verbs or adjectives in wire copy */
    for (uint32_t i = 1; i < n; i++) {
        int xp = m->tag_xpos[sw->tag[i]], pv = m->tag_xpos[sw->tag[i - 1]];
        int nx = i + 1 < n ? m->tag_xpos[sw->tag[i + 1]] : XPOS_PERIOD;
        /* "halted arms exports to Israel": trade words after the goods */
        if ((xp == XPOS_VBZ || xp == XPOS_VBP) && (pv == XPOS_NNS || pv == XPOS_NN) &&
            fold_in(&toks[i], (const char *const[]){"exports", "imports", "export", "import", "sales", "shipments",
                                                    "deliveries", "transfers", NULL}) &&
            fold_in(&toks[i - 1], (const char *const[]){"arms", "weapons", "weapon", "oil", "gas", "grain", "coal",
                                                        "food", "energy", "wheat", "fuel", "chip", "chips", "steel",
                                                        "ammunition", "fertiliser", "fertilizer", NULL}) &&
            (nx == XPOS_TO || nx == XPOS_IN || nx == XPOS_PERIOD || nx == XPOS_COMMA || nx == XPOS_CC ||
             nx == XPOS_VBD || nx == XPOS_MD))
            retag(m, sw, i, toks[i].fold[toks[i].fold_len - 1] == 's' ? XPOS_NNS : XPOS_NN, UPOS_NOUN);
        /* "signed a minerals deal": after "a" and a plural, the head noun */
        if ((xp == XPOS_VBP || xp == XPOS_VB) && pv == XPOS_NNS && i >= 2 &&
            fold_in(&toks[i - 2], (const char *const[]){"a", "an", NULL}) && !(nx == XPOS_DT || nx == XPOS_PRPS))
            retag(m, sw, i, XPOS_NN, UPOS_NOUN);
        /* "Israel's latest ceasefire proposal", "the Easter truce": the
         * words of a truce are nouns */
        if ((xp == XPOS_JJ || xp == XPOS_NNP || xp == XPOS_VB || xp == XPOS_VBP) && !capitalised(&toks[i]) &&
            fold_in(&toks[i], (const char *const[]){"ceasefire", "truce", "armistice", NULL}))
            retag(m, sw, i, XPOS_NN, UPOS_NOUN);
        /* "announced sweeping tariffs": adjectives in -ing before a noun */
        if (xp == XPOS_VBG && (nx == XPOS_NNS || nx == XPOS_NN || nx == XPOS_JJ) &&
            fold_in(&toks[i], (const char *const[]){"sweeping", "crippling", "punishing", "devastating", "lasting",
                                                    "mounting", "escalating", "damaging", "stinging", "scathing",
                                                    "blistering", "withering", "unrelenting", "far-reaching",
                                                    "wide-ranging", "outgoing", "incoming", "sweeping",
                                                    "staggering", "debilitating", "punitive", NULL}))
            retag(m, sw, i, XPOS_JJ, UPOS_ADJ);
    }
    /* "froze tax revenues owed to the Authority", "freed hostages held
     * by Hamas": an -ed word after a past-tense verb's object, before "to"
     * or "by", is a participle describing the object (not after a verb of
     * saying or thinking, whose object may be a clause's subject) */
    for (uint32_t i = 3; i + 1 < n; i++) {
        if (m->tag_xpos[sw->tag[i]] != XPOS_VBD || !ends_ed(&toks[i], 4) ||
            !fold_in(&toks[i + 1], (const char *const[]){"to", "by", NULL}))
            continue;
        int pv = m->tag_xpos[sw->tag[i - 1]];
        if (!(pv == XPOS_NNS || pv == XPOS_NN))
            continue;
        uint32_t j = i - 1;
        while (j > 0) {
            int xj = m->tag_xpos[sw->tag[j - 1]];
            if (xj == XPOS_DT || xj == XPOS_JJ || xj == XPOS_NN || xj == XPOS_NNS || xj == XPOS_CD || xj == XPOS_PRPS)
                j--;
            else
                break;
        }
        if (j == 0 || m->tag_xpos[sw->tag[j - 1]] != XPOS_VBD ||
            fold_stem(&toks[j - 1], (const char *const[]){"said", "told", "claim", "report", "announc", "stat",
                                                          "add", "warn", "insist", "believ", "thought", "confirm",
                                                          "deni", "alleg", "argu", "not", "show", "suggest", "found",
                                                          "knew", "saw", "heard", "felt", "fear", "expect", "hop",
                                                          "ensur", "agre", "decid", "feared", "indicat", NULL}))
            continue;
        retag(m, sw, i, XPOS_VBN, UPOS_VERB);
    }
    /* "Protesters set fire to the parliament": "set" before "fire to/on"
     * after a noun or pronoun is the past tense */
    for (uint32_t i = 1; i + 2 < n; i++) {
        int pv = m->tag_xpos[sw->tag[i - 1]];
        if (toks[i].fold_len == 3 && !memcmp(toks[i].fold, "set", 3) && m->tag_upos[sw->tag[i]] != UPOS_VERB &&
            fold_in(&toks[i + 1], (const char *const[]){"fire", NULL}) &&
            fold_in(&toks[i + 2], (const char *const[]){"to", "on", NULL}) &&
            (pv == XPOS_NNS || pv == XPOS_NNPS || pv == XPOS_NNP || pv == XPOS_NN || pv == XPOS_PRP)) {
            retag(m, sw, i, XPOS_VBD, UPOS_VERB);
            retag(m, sw, i + 1, XPOS_NN, UPOS_NOUN);
        }
    }
    /* "Gunmen shot dead Ecuadorean presidential candidate ... as he left":
     * "shot dead" before a noun phrase after the opening noun is the verb */
    for (uint32_t i = 1; i + 2 < n; i++) {
        int xp = m->tag_xpos[sw->tag[i]], pv = m->tag_xpos[sw->tag[i - 1]];
        if (!(xp == XPOS_NN || xp == XPOS_JJ || xp == XPOS_VBN) || toks[i].fold_len != 4 ||
            memcmp(toks[i].fold, "shot", 4) || !fold_in(&toks[i + 1], (const char *const[]){"dead", NULL}))
            continue;
        int nx = m->tag_xpos[sw->tag[i + 2]];
        if (!(nx == XPOS_DT || nx == XPOS_JJ || nx == XPOS_NNP || nx == XPOS_NN || nx == XPOS_NNS || nx == XPOS_CD ||
              nx == XPOS_PRPS))
            continue;
        /* the subject: a noun (or an opening plural in -men read as an adjective) */
        int men = i == 1 && pv == XPOS_JJ && toks[0].fold_len >= 5 && ends_with(&toks[0], "men");
        if (!(pv == XPOS_NN || pv == XPOS_NNS || pv == XPOS_NNP || pv == XPOS_NNPS || pv == XPOS_PRP || men))
            continue;
        if (men)
            retag(m, sw, 0, XPOS_NNS, UPOS_NOUN);
        retag(m, sw, i, XPOS_VBD, UPOS_VERB);
    }
    /* "China's commerce ministry banned exports of gallium ...": the
     * sentence's first verb, an -ed participle right after the subject's
     * common noun before a noun phrase, with no finite verb in its clause,
     * is the past tense */
    for (uint32_t i = 2; i + 1 < n; i++) {
        int xp = m->tag_xpos[sw->tag[i]], up = m->tag_upos[sw->tag[i]];
        if (up == UPOS_VERB || up == UPOS_AUX || xp == XPOS_MD) {
            if (xp != XPOS_VBN || !ends_ed(&toks[i], 5))
                break;
            int pv = m->tag_xpos[sw->tag[i - 1]], nx = m->tag_xpos[sw->tag[i + 1]];
            if (!(pv == XPOS_NN || pv == XPOS_NNS) ||
                !(nx == XPOS_NNS || nx == XPOS_NN || nx == XPOS_DT || nx == XPOS_PRPS || nx == XPOS_CD))
                break;
            int fin = 0;
            for (uint32_t k = i + 1; k < n && !fin; k++) {
                int xk = m->tag_xpos[sw->tag[k]];
                if (xk == XPOS_COMMA || xk == XPOS_CC || xk == XPOS_COLON || xk == XPOS_WDT || xk == XPOS_WP)
                    break;
                fin = xk == XPOS_VBD || xk == XPOS_VBZ || xk == XPOS_VBP || xk == XPOS_MD;
            }
            if (!fin)
                retag(m, sw, i, XPOS_VBD, UPOS_VERB);
            break;
        }
        if (xp == XPOS_IN || xp == XPOS_WDT || xp == XPOS_WP || xp == XPOS_COMMA || xp == XPOS_TO)
            break; /* the first verb must follow the opening noun phrase */
    }
    /* "Militiamen stormed the village and torched homes": after a past
     * verb's object and "and", an -ed word read as an adjective before a
     * determiner (or, for acts of violence, a plural) is a second verb */
    {
        int vbd = n > 1 && m->tag_xpos[sw->tag[1]] == XPOS_VBD;
        for (uint32_t i = 2; i + 1 < n; i++) {
            int xp = m->tag_xpos[sw->tag[i]];
            if (xp == XPOS_VBD)
                vbd = 1;
            if (!vbd || !(xp == XPOS_JJ || xp == XPOS_VBN) || !ends_ed(&toks[i], 5) ||
                m->tag_xpos[sw->tag[i - 1]] != XPOS_CC || !fold_in(&toks[i - 1], (const char *const[]){"and", NULL}))
                continue;
            int pp = m->tag_xpos[sw->tag[i - 2]], nx = m->tag_xpos[sw->tag[i + 1]];
            if (!(pp == XPOS_NN || pp == XPOS_NNS || pp == XPOS_NNP || pp == XPOS_NNPS || pp == XPOS_PRP))
                continue;
            int violent = fold_in(&toks[i], (const char *const[]){"torched", "looted", "stormed", "seized", "burned",
                                                                  "ransacked", "shelled", "bombed", "raided",
                                                                  "abducted", "kidnapped", "executed", NULL});
            if (nx == XPOS_DT || nx == XPOS_PRPS || (violent && (nx == XPOS_NNS || nx == XPOS_CD)))
                retag(m, sw, i, XPOS_VBD, UPOS_VERB);
        }
    }
    /* verbs the tagger reads as nouns or adjectives in wire copy */
    {
        /* the first finite verb, for "X plans to ..." */
        uint32_t first_fin = n;
        for (uint32_t i = 0; i < n && first_fin == n; i++) {
            int xp = m->tag_xpos[sw->tag[i]];
            if (xp == XPOS_VBD || xp == XPOS_VBZ || xp == XPOS_VBP || xp == XPOS_MD)
                first_fin = i;
        }
        static const char *const INTEND[] = {"plans", "aims", "hopes", "intends", "seeks", "vows", "threatens",
            "pledges", "promises", "agrees", "refuses", "expects", "needs", "wants", "offers", "tries", NULL};
        static const char *const DEMAND[] = {"demanded", "demands", "demand", "insisted", "insists", "proposed",
            "recommended", "requested", "suggested", NULL};
        for (uint32_t i = 1; i + 2 < n; i++) {
            int xp = m->tag_xpos[sw->tag[i]], pv = m->tag_xpos[sw->tag[i - 1]];
            /* "Netanyahu plans to visit Washington": a name, then a plural of
             * intent before "to" and a base verb, before any finite verb */
            /* (or after a verb of saying: "Ukraine says Russia plans to attack") */
            int after_say = first_fin < i && i <= first_fin + 3 &&
                            fold_in(&toks[first_fin], (const char *const[]){"says", "said", "say", "claims",
                                                                            "claimed", "warned", "warns", "believes",
                                                                            "believed", NULL});
            if (xp == XPOS_NNS && (i < first_fin || (after_say && pv != XPOS_JJ)) &&
                m->tag_xpos[sw->tag[i + 1]] == XPOS_TO &&
                m->tag_xpos[sw->tag[i + 2]] == XPOS_VB && fold_in(&toks[i], INTEND) &&
                (pv == XPOS_NNP || pv == XPOS_NNPS || pv == XPOS_PRP ||
                 /* (a name read as an adjective, not a nationality: "Israeli plans to annex") */
                 (pv == XPOS_JJ && capitalised(&toks[i - 1]) && i == 1 && toks[0].fold_len > 3 &&
                  !ends_with(&toks[0], "ian") && !ends_with(&toks[0], "ean") && !ends_with(&toks[0], "can") &&
                  !ends_with(&toks[0], "man") && !ends_with(&toks[0], "se") && !ends_with(&toks[0], "sh") &&
                  !ends_with(&toks[0], "ch") && !ends_with(&toks[0], "ic") && !ends_with(&toks[0], "i")))) {
                int fin = 0; /* no finite verb in its clause after it */
                for (uint32_t k = i + 3; k < n && !fin; k++) {
                    int xk = m->tag_xpos[sw->tag[k]];
                    if (xk == XPOS_COMMA || xk == XPOS_CC || xk == XPOS_COLON)
                        break;
                    fin = xk == XPOS_VBD || xk == XPOS_VBZ || xk == XPOS_VBP || xk == XPOS_MD;
                }
                if (!fin) {
                    retag(m, sw, i, XPOS_VBZ, UPOS_VERB);
                    if (pv == XPOS_JJ)
                        retag(m, sw, i - 1, XPOS_NNP, UPOS_PROPN);
                    first_fin = i;
                }
            }
            /* "helped broker a deal": after "help", a noun or adjective
             * before a determiner is the bare infinitive */
            if ((xp == XPOS_NN || xp == XPOS_JJ) && fold_in(&toks[i - 1], (const char *const[]){"help", "helped",
                                                                                               "helps", "helping",
                                                                                               NULL})) {
                int nx = m->tag_xpos[sw->tag[i + 1]];
                if (nx == XPOS_DT || nx == XPOS_PRPS)
                    retag(m, sw, i, XPOS_VB, UPOS_VERB);
            }
            /* "met Scholz and voiced concern", "Guterres voiced alarm":
             * "voiced" before a noun is the verb */
            if ((xp == XPOS_JJ || xp == XPOS_VBN) && fold_in(&toks[i], (const char *const[]){"voiced", NULL})) {
                int nx = m->tag_xpos[sw->tag[i + 1]];
                /* ("The WHO chief voiced alarm": "chief" read as an adjective) */
                if (pv == XPOS_JJ && fold_in(&toks[i - 1], (const char *const[]){"chief", NULL})) {
                    retag(m, sw, i - 1, XPOS_NN, UPOS_NOUN);
                    pv = XPOS_NN;
                    if (i >= 2 && m->tag_xpos[sw->tag[i - 2]] == XPOS_WP && (toks[i - 2].flags & TOK_ALLCAPS))
                        retag(m, sw, i - 2, XPOS_NNP, UPOS_PROPN);
                }
                if ((nx == XPOS_NN || nx == XPOS_NNS || nx == XPOS_JJ) &&
                    (pv == XPOS_CC || pv == XPOS_NNP || pv == XPOS_NNPS || pv == XPOS_NN || pv == XPOS_NNS ||
                     pv == XPOS_PRP || pv == XPOS_VBZ || pv == XPOS_RB)) {
                    retag(m, sw, i, XPOS_VBD, UPOS_VERB);
                    /* (the opening name read as a verb: "Guterres voiced") */
                    if (i == 1 && pv == XPOS_VBZ && capitalised(&toks[0]))
                        retag(m, sw, 0, XPOS_NNP, UPOS_PROPN);
                }
            }
            /* "China demanded the United States revoke the sanctions": a
             * mandative verb, a name, and the name's (subjunctive) verb */
            if ((xp == XPOS_DT || xp == XPOS_NNP || xp == XPOS_NNPS) && fold_in(&toks[i - 1], DEMAND)) {
                uint32_t j = i;
                if (xp == XPOS_DT)
                    j++;
                uint32_t j0 = j;
                while (j < n && j < i + 6 && (m->tag_xpos[sw->tag[j]] == XPOS_NNP || m->tag_xpos[sw->tag[j]] == XPOS_NNPS))
                    j++;
                if (j == j0 || j + 1 >= n || capitalised(&toks[j]))
                    continue;
                int xj = m->tag_xpos[sw->tag[j]], xn = m->tag_xpos[sw->tag[j + 1]];
                if ((xj == XPOS_VBP || xj == XPOS_NN) &&
                    (xn == XPOS_DT || xn == XPOS_PRPS || xn == XPOS_JJ || xn == XPOS_NNS || xn == XPOS_CD))
                    retag(m, sw, j, XPOS_VB, UPOS_VERB);
            }
        }
    }
    /* "was shot dead by a gunman", "were held by the rebels": after a form
     * of "be" (already read as an auxiliary), an irregular participle read
     * as a noun or adjective before "dead", "by" or a phrase is the
     * passive participle */
    for (uint32_t i = 0; i + 2 < n; i++) {
        static const char *const BEP[] = {"shot", "hit", "struck", "held", "led", "sent", "fought", "beaten", "cut",
            "shut", NULL};
        static const char *const AFT[] = {"dead", "by", "down", "in", "on", "at", "near", "during", NULL};
        int xj = m->tag_xpos[sw->tag[i + 1]];
        char b0 = toks[i].fold_len ? toks[i].fold[0] : 0;
        if (!(b0 == 'i' || b0 == 'a' || b0 == 'w' || b0 == 'b' || b0 == '\''))
            continue;
        if ((xj == XPOS_NN || xj == XPOS_JJ) && fold_in(&toks[i + 1], BEP) && fold_in(&toks[i], BE) &&
            fold_in(&toks[i + 2], AFT))
            retag(m, sw, i + 1, XPOS_VBN, UPOS_VERB);
    }
    for (uint32_t i = 0; i + 1 < n; i++) {
        int c = sw->tag[i];
        if (m->tag_upos[c] != UPOS_VERB)
            continue;
        char h0 = toks[i].fold_len ? toks[i].fold[0] : 0;
        if (!(h0 == 'h' || h0 == 'i' || h0 == 'a' || h0 == 'w' || h0 == 'b' || h0 == '\''))
            continue; /* (no form of have or be) */
        int have = fold_in(&toks[i], HAVE), be = fold_in(&toks[i], BE);
        if (!have && !be)
            continue;
        uint32_t j = i + 1;
        while (j < n && j < i + 4 && fold_in(&toks[j], SKIP))
            j++;
        if (j >= n)
            continue;
        int xp = m->tag_xpos[sw->tag[j]];
        /* "it had shot down two jets": a past participle read as a noun */
        static const char *const PART[] = {"shot", "hit", "struck", "cut", "put", "set", "shut", "spread", "fled",
            "held", "led", "sent", "seized", "fought", "beaten", "bombed", "shelled", "killed", "attacked", "cast",
            "withheld", NULL};
        if (have && (xp == XPOS_NN || xp == XPOS_JJ) && fold_in(&toks[j], PART)) {
            retag(m, sw, j, XPOS_VBN, UPOS_VERB);
            xp = XPOS_VBN;
        }
        if (!(xp == XPOS_VBN || (be && xp == XPOS_VBG)))
            continue;
        for (uint32_t k = 0; k < m->ntags; k++)
            if (m->tag_xpos[k] == m->tag_xpos[c] && m->tag_upos[k] == UPOS_AUX) {
                sw->tag[i] = (uint8_t)k;
                sw->xpos[i] = m->tag_xpos[k];
                break;
            }
        /* the words skipped are adverbs here ("has again launched") */
        for (uint32_t q = i + 1; q < j; q++) {
            int cq = sw->tag[q];
            if (m->tag_upos[cq] == UPOS_ADV || m->tag_upos[cq] == UPOS_PART)
                continue;
            for (uint32_t k = 0; k < m->ntags; k++)
                if (m->tag_xpos[k] == XPOS_RB && m->tag_upos[k] == UPOS_ADV) {
                    sw->tag[q] = (uint8_t)k;
                    sw->xpos[q] = XPOS_RB;
                    break;
                }
        }
    }
}

/* "German Chancellor Friedrich Merz on Friday halted ...": wire copy puts
 * the day between the subject and its verb, an order the treebanks rarely
 * show and the parser often misreads (the verb becomes a modifier of its
 * object).  The sentence is parsed without "on <weekday>" and the two words
 * are put back as an oblique of the verb.  Returns 1 when it parsed. */
static int parse_without_day(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const DAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold || n < 5 || n > 200)
        return 0;
    uint32_t a = 0;
    for (uint32_t i = 1; i + 2 < n && !a; i++) {
        int xp = m->tag_xpos[sw->tag[i - 1]];
        if (toks[i].fold_len != 2 || memcmp(toks[i].fold, "on", 2) || m->tag_xpos[sw->tag[i + 1]] != XPOS_NNP ||
            !(xp == XPOS_NNP || xp == XPOS_NNPS || xp == XPOS_NN || xp == XPOS_NNS || xp == XPOS_PRP) ||
            !fold_in(&toks[i + 1], DAYS))
            continue;
        int nx = m->tag_xpos[sw->tag[i + 2]];
        if (nx == XPOS_VBD || nx == XPOS_VBZ || nx == XPOS_VBP || nx == XPOS_MD ||
            (nx == XPOS_RB && i + 3 < n && m->tag_xpos[sw->tag[i + 3]] == XPOS_VBD))
            a = i;
    }
    if (!a)
        return 0;
    const uint32_t d = 2, r = n - d;
    /* keep the two words' features, close the gap, parse, reopen it */
    uint64_t w[2], suf[8], pre[6], shape[2];
    uint8_t tag[2], amb[2], xpos[2], tag1[2], unsure[2];
    memcpy(w, sw->w + a, sizeof w);
    memcpy(suf, sw->suf + 4 * a, sizeof suf);
    memcpy(pre, sw->pre + 3 * a, sizeof pre);
    memcpy(shape, sw->shape + a, sizeof shape);
    memcpy(tag, sw->tag + a, 2); memcpy(amb, sw->amb + a, 2); memcpy(xpos, sw->xpos + a, 2);
    memcpy(tag1, sw->tag1 + a, 2); memcpy(unsure, sw->unsure + a, 2);
    uint32_t tail = n - a - d;
    memmove(sw->w + a, sw->w + a + d, tail * sizeof *sw->w);
    memmove(sw->suf + 4 * a, sw->suf + 4 * (a + d), 4 * tail * sizeof *sw->suf);
    memmove(sw->pre + 3 * a, sw->pre + 3 * (a + d), 3 * tail * sizeof *sw->pre);
    memmove(sw->shape + a, sw->shape + a + d, tail * sizeof *sw->shape);
    memmove(sw->tag + a, sw->tag + a + d, tail); memmove(sw->amb + a, sw->amb + a + d, tail);
    memmove(sw->xpos + a, sw->xpos + a + d, tail); memmove(sw->tag1 + a, sw->tag1 + a + d, tail);
    memmove(sw->unsure + a, sw->unsure + a + d, tail);
    sw->n = r;
    parse_sentence(m, ws, r);
    /* reopen: words at or after a move right by d, the root from r to n */
    for (uint32_t i = r + 1; i-- > 0;) {
        int32_t h = st->head[i];
        if (h == (int32_t)r)
            h = (int32_t)n;
        else if (h >= (int32_t)a)
            h += (int32_t)d;
        uint32_t to = i == r ? n : i >= a ? i + d : i;
        st->head[to] = h;
        st->label[to] = st->label[i];
        st->lset[to] = st->lset[i];
        st->rset[to] = st->rset[i];
    }
    memmove(sw->w + a + d, sw->w + a, tail * sizeof *sw->w);
    memmove(sw->suf + 4 * (a + d), sw->suf + 4 * a, 4 * tail * sizeof *sw->suf);
    memmove(sw->pre + 3 * (a + d), sw->pre + 3 * a, 3 * tail * sizeof *sw->pre);
    memmove(sw->shape + a + d, sw->shape + a, tail * sizeof *sw->shape);
    memmove(sw->tag + a + d, sw->tag + a, tail); memmove(sw->amb + a + d, sw->amb + a, tail);
    memmove(sw->xpos + a + d, sw->xpos + a, tail); memmove(sw->tag1 + a + d, sw->tag1 + a, tail);
    memmove(sw->unsure + a + d, sw->unsure + a, tail);
    memcpy(sw->w + a, w, sizeof w);
    memcpy(sw->suf + 4 * a, suf, sizeof suf);
    memcpy(sw->pre + 3 * a, pre, sizeof pre);
    memcpy(sw->shape + a, shape, sizeof shape);
    memcpy(sw->tag + a, tag, 2); memcpy(sw->amb + a, amb, 2); memcpy(sw->xpos + a, xpos, 2);
    memcpy(sw->tag1 + a, tag1, 2); memcpy(sw->unsure + a, unsure, 2);
    sw->n = n;
    /* the day hangs on the verb after it (past an adverb) */
    uint32_t v = a + d;
    if (m->tag_xpos[sw->tag[v]] == XPOS_RB)
        v++;
    st->head[a] = (int32_t)(a + 1);
    st->label[a] = DEP_CASE;
    st->lset[a] = st->rset[a] = 0;
    st->head[a + 1] = (int32_t)v;
    st->label[a + 1] = DEP_OBL;
    st->lset[a + 1] = 1ull << (DEP_CASE & 63);
    st->rset[a + 1] = 0;
    return 1;
}

/* "Tanzanian police arrested opposition leader Tundu Lissu ...": the
 * sentence's first verb, read as a participle modifying the subject noun,
 * is its main verb when it takes an object and has no auxiliary (a reduced
 * passive relative, "the weapons seized last week", takes none).  Returns
 * 1 when the word was retagged and the sentence must be parsed again. */
static int fix_subject_participle(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const IRREG[] = {"fought", "struck", "held", "met", "shot", "hit", "sent", "led", "left",
        "lost", "kept", "told", "found", "won", "paid", "sold", "made", "put", "set", "cut", "brought", "sought",
        "caught", "built", "seized", "took", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return 0;
    for (uint32_t i = 1; i < n; i++) {
        int xp = m->tag_xpos[sw->tag[i]], up = m->tag_upos[sw->tag[i]];
        if (xp == XPOS_NNP || xp == XPOS_NNPS)
            continue; /* "The United Nations called ...": a name, whatever its UPOS */
        if (xp != XPOS_VBN) {
            if (up == UPOS_VERB || up == UPOS_AUX || up == UPOS_SCONJ || xp == XPOS_MD || xp == XPOS_PRP ||
                xp == XPOS_WDT || xp == XPOS_WP)
                return 0; /* the subject is not a plain noun phrase */
            continue;
        }
        if (st->label[i] != DEP_ACL || !(ends_ed(&toks[i], 5) || fold_in(&toks[i], IRREG)))
            return 0;
        int32_t h = st->head[i];
        if (h < 0 || (uint32_t)h >= i)
            return 0;
        int hu = m->tag_upos[sw->tag[h]];
        if (hu != UPOS_NOUN && hu != UPOS_PROPN)
            return 0;
        int obj = 0;
        for (uint32_t k = i + 1; k < n; k++)
            if (st->head[k] == (int32_t)i) {
                if (st->label[k] == DEP_OBJ)
                    obj = 1;
                if (st->label[k] == DEP_AUX || st->label[k] == DEP_AUX_PASS)
                    return 0;
            }
        /* (or when the sentence has no other finite verb: "Thousands of
         * students rallied at Dhaka University ...") */
        int finite = 0;
        for (uint32_t k = i + 1; k < n && !finite; k++) {
            /* (a finite verb of a clause the participle's own clause
             * introduces, "... before clashes left 100 injured", or of a
             * later clause, does not count) */
            if (fold_in(&toks[k], (const char *const[]){"before", "after", "as", "while", "when", "because", "since",
                                                        "until", "although", "though", "which", "who", "that", ",",
                                                        ";", NULL}))
                break;
            int xk = m->tag_xpos[sw->tag[k]];
            finite = xk == XPOS_VBD || xk == XPOS_VBZ || xk == XPOS_VBP || xk == XPOS_MD;
        }
        if (!obj && finite)
            return 0;
        retag(m, sw, i, XPOS_VBD, UPOS_VERB);
        return 1;
    }
    return 0;
}

/* "..., killing five officers, security sources said.": a sentence that
 * ends in a speech verb after a comma and a noun phrase names the source
 * there; the parser, seeing a list, often makes the phrase a conjunct of the
 * noun before the comma.  Attach it as the speech verb's subject. */
static void fix_final_attribution(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const SAY[] = {"said", "says", "say", "added", "reported", "confirmed", "claimed", "stated",
        "announced", "told", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold || n < 5)
        return;
    uint32_t r = n - 1;
    while (r > 0 && m->tag_upos[sw->tag[r]] == UPOS_PUNCT)
        r--;
    if (r < 3 || r == n - 1 || !fold_in(&toks[r], SAY) || m->tag_upos[sw->tag[r]] != UPOS_VERB)
        return;
    uint32_t s = r - 1;
    int su = m->tag_upos[sw->tag[s]];
    if (su != UPOS_NOUN && su != UPOS_PROPN && su != UPOS_PRON)
        return;
    if (st->head[s] == (int32_t)r && st->label[s] == DEP_NSUBJ)
        return;
    /* "troops fought ..., residents said": the speech verb took the first
     * clause's subject, and its finite verb hangs on that noun */
    int32_t subj = -1, clause = -1;
    for (uint32_t k = 0; k < s; k++)
        if (st->head[k] == (int32_t)r && (st->label[k] == DEP_NSUBJ || st->label[k] == DEP_NSUBJ_PASS))
            subj = (int32_t)k;
    if (subj >= 0) {
        for (uint32_t k = (uint32_t)subj + 1; k < s && clause < 0; k++)
            if (st->head[k] == subj && st->label[k] == DEP_ACL && m->tag_xpos[sw->tag[k]] == XPOS_VBD)
                clause = (int32_t)k;
        if (clause < 0)
            return;
    }
    /* the phrase: its words hang inside it, and a comma opens it */
    uint32_t a = s;
    while (a > 0) {
        int u = m->tag_upos[sw->tag[a - 1]];
        int32_t h = st->head[a - 1];
        /* (the possessive "'s" hangs on the name before it) */
        int poss = m->tag_xpos[sw->tag[a - 1]] == XPOS_POS && a >= 2 && h == (int32_t)(a - 2);
        if (!(u == UPOS_DET || u == UPOS_ADJ || u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_NUM ||
              u == UPOS_PART || (u == UPOS_PRON && m->tag_xpos[sw->tag[a - 1]] == XPOS_PRPS)) ||
            (!poss && (h < (int32_t)(a - 1) || h > (int32_t)s)))
            break;
        a--;
    }
    if (a == 0 || !(toks[a - 1].fold_len == 1 && toks[a - 1].fold[0] == ','))
        return;
    for (int32_t g = st->head[r], steps = 0; g >= 0 && (uint32_t)g < n && steps < (int)n; g = st->head[g], steps++)
        if ((uint32_t)g >= a && (uint32_t)g <= s)
            return; /* the verb hangs inside the phrase */
    if (clause >= 0) {
        st->head[clause] = (int32_t)r;
        st->label[clause] = DEP_CCOMP;
        st->head[subj] = clause;
    }
    st->head[s] = (int32_t)r;
    st->label[s] = DEP_NSUBJ;
}

static int32_t child_of_label(const syn_state *st, uint32_t n, uint32_t h, int label)
{
    for (uint32_t k = 0; k < n; k++)
        if (st->head[k] == (int32_t)h && st->label[k] == label)
            return (int32_t)k;
    return -1;
}

/* Two attachment errors the greedy parser makes in news sentences:
 * "urged Sudan's army and the paramilitary RSF to ...": the second conjunct
 * of the object hung on the verb as a conjunct verb (and the infinitive on
 * it); "urged the United States and Germany to ...": a noun phrase read as
 * a clausal complement.  Both are repaired on the tree. */
static void fix_coordination(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    for (uint32_t c = 1; c < n; c++) {
        int32_t h = st->head[c];
        if (h < 0 || (uint32_t)h >= n)
            continue;
        int cu = m->tag_upos[sw->tag[c]], hu = m->tag_upos[sw->tag[h]];
        if (hu != UPOS_VERB || (cu != UPOS_NOUN && cu != UPOS_PROPN))
            continue;
        if (st->label[c] == DEP_CCOMP) {
            /* a noun with no subject, copula or auxiliary is no clause */
            int clause = 0;
            for (uint32_t k = 0; k < n && !clause; k++)
                if (st->head[k] == (int32_t)c && (st->label[k] == DEP_NSUBJ || st->label[k] == DEP_COP ||
                                                   st->label[k] == DEP_AUX || st->label[k] == DEP_NSUBJ_PASS ||
                                                   st->label[k] == DEP_MARK))
                    clause = 1;
            if (!clause && (uint32_t)h < c && child_of_label(st, n, (uint32_t)h, DEP_OBJ) < 0)
                st->label[c] = DEP_OBJ;
            continue;
        }
        if (st->label[c] != DEP_CONJ || (uint32_t)h > c)
            continue;
        int cc = -1, subj = 0;
        for (uint32_t k = 0; k < n; k++)
            if (st->head[k] == (int32_t)c) {
                if (st->label[k] == DEP_CC && k < c)
                    cc = (int)k;
                if (st->label[k] == DEP_NSUBJ || st->label[k] == DEP_NSUBJ_PASS || st->label[k] == DEP_COP)
                    subj = 1;
            }
        if (cc < 0 || subj)
            continue;
        /* the verb's last nominal argument before the conjunction */
        int32_t arg = -1;
        for (uint32_t k = (uint32_t)h + 1; k < (uint32_t)cc; k++)
            if (st->head[k] == h && (st->label[k] == DEP_OBJ || st->label[k] == DEP_OBL || st->label[k] == DEP_IOBJ) &&
                (m->tag_upos[sw->tag[k]] == UPOS_NOUN || m->tag_upos[sw->tag[k]] == UPOS_PROPN))
                arg = (int32_t)k;
        if (arg < 0)
            continue;
        /* nothing verbal between the argument and the conjunct */
        int verbal = 0;
        for (uint32_t k = (uint32_t)arg + 1; k < c; k++)
            if (m->tag_upos[sw->tag[k]] == UPOS_VERB || m->tag_upos[sw->tag[k]] == UPOS_AUX)
                verbal = 1;
        if (verbal)
            continue;
        st->head[c] = arg;
        /* "... to silence their guns": the infinitive is the verb's */
        for (uint32_t k = c + 1; k < n; k++)
            if (st->head[k] == (int32_t)c && (st->label[k] == DEP_ACL || st->label[k] == DEP_ADVCL)) {
                int to = 0;
                for (uint32_t q = c + 1; q < k; q++)
                    if (st->head[q] == (int32_t)k && st->label[q] == DEP_MARK)
                        to = 1;
                if (to) {
                    st->head[k] = h;
                    st->label[k] = DEP_XCOMP;
                }
            }
    }
}

/* Punctuation is a leaf in UD.  When the parser hangs words on a mark
 * ("demanded that the UN condemn the fire ." with "that" and "condemn"
 * under the full stop), they go to the mark's head, and a "that" clause
 * taken that way is the head's complement. */
static void fix_punct_heads(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    for (uint32_t p = 0; p < n; p++) {
        if (m->tag_upos[sw->tag[p]] != UPOS_PUNCT)
            continue;
        int32_t hp = st->head[p];
        if (hp < 0 || (uint32_t)hp >= n)
            continue;
        int32_t mark = -1;
        for (uint32_t c = 0; c < n; c++) {
            if (st->head[c] != (int32_t)p)
                continue;
            st->head[c] = hp;
            if (toks && toks[c].fold && fold_in(&toks[c], (const char *const[]){"that", NULL}) &&
                m->tag_upos[sw->tag[c]] == UPOS_SCONJ)
                mark = (int32_t)c;
            else if (mark >= 0 && c > (uint32_t)mark && m->tag_upos[sw->tag[c]] == UPOS_VERB) {
                st->head[mark] = (int32_t)c;
                st->label[mark] = DEP_MARK;
                if (st->label[c] == DEP_ADVCL || st->label[c] == DEP_PARATAXIS || st->label[c] == DEP_CONJ)
                    st->label[c] = DEP_CCOMP;
                mark = -1;
            }
        }
    }
}

/* Attachments around nouns the parser gets wrong in news copy: a determined
 * noun read as an open complement, a participle with an agent after the
 * object, a gerund right after a noun, a determiner hung on a verb. */
static void fix_noun_attachments(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    /* "carried out a targeted killing of ...": a noun phrase with a
     * determiner and no marker, copula or subject is the verb's object,
     * not an open clausal complement */
    for (uint32_t c = 0; c < n; c++) {
        int32_t h = st->head[c];
        if (st->label[c] != DEP_XCOMP || h < 0 || (uint32_t)h >= n || (uint32_t)h > c ||
            m->tag_upos[sw->tag[c]] != UPOS_NOUN || m->tag_upos[sw->tag[h]] != UPOS_VERB)
            continue;
        int det = 0, clause = 0, obj = 0;
        for (uint32_t k = 0; k < n; k++) {
            if (st->head[k] == (int32_t)c) {
                int l = st->label[k];
                if (l == DEP_DET && k < c)
                    det = 1;
                if (l == DEP_MARK || l == DEP_COP || l == DEP_NSUBJ || l == DEP_AUX)
                    clause = 1;
            }
            if (st->head[k] == h && st->label[k] == DEP_OBJ)
                obj = 1;
        }
        if (det && !clause && !obj)
            st->label[c] = DEP_OBJ;
    }
    /* "seized a cargo ship owned by an Israeli company": a participle with
     * an agent right after the verb's object describes the object */
    for (uint32_t c = 1; c < n; c++) {
        int32_t v = st->head[c];
        if (st->label[c] != DEP_XCOMP || m->tag_xpos[sw->tag[c]] != XPOS_VBN || v < 0 || (uint32_t)v >= c)
            continue;
        int32_t o = -1;
        int agent = 0;
        for (uint32_t k = 0; k < n; k++) {
            if (st->head[k] == v && st->label[k] == DEP_OBJ && k < c)
                o = (int32_t)k;
            if (st->head[k] == (int32_t)c && st->label[k] == DEP_OBL_AGENT)
                agent = 1;
            /* (or a "to" phrase right after it: "revenues owed to the PA") */
            if (k > c + 1 && st->head[k] == (int32_t)c && st->label[k] == DEP_OBL && toks && toks[c + 1].fold &&
                fold_in(&toks[c + 1], (const char *const[]){"to", NULL}) && st->head[c + 1] == (int32_t)k)
                agent = 1;
        }
        if (o >= 0 && agent && (uint32_t)o + 1 == c && m->tag_upos[sw->tag[o]] != UPOS_PRON) {
            st->head[c] = o;
            st->label[c] = DEP_ACL;
        }
    }
    /* "a blockade on aid entering the territory", "civilians fleeing the
     * town": a gerund right after a noun, with no comma or marker between,
     * describes that noun */
    for (uint32_t c = 1; c < n; c++) {
        int32_t v = st->head[c];
        if (st->label[c] != DEP_ADVCL || m->tag_xpos[sw->tag[c]] != XPOS_VBG || v < 0 || (uint32_t)v >= c)
            continue;
        int xp = m->tag_xpos[sw->tag[c - 1]];
        if (!(xp == XPOS_NN || xp == XPOS_NNS) || st->head[c - 1] == (int32_t)c)
            continue;
        int marked = 0;
        for (uint32_t k = 0; k < n; k++)
            if (st->head[k] == (int32_t)c && (st->label[k] == DEP_MARK || st->label[k] == DEP_NSUBJ))
                marked = 1;
        /* the noun must lie in the verb's own phrase */
        int32_t q = st->head[c - 1];
        int inside = 0;
        for (int steps = 0; q >= 0 && (uint32_t)q < n && steps < 8 && !inside; steps++) {
            inside = q == v;
            q = st->head[q];
        }
        if (!marked && inside) {
            st->head[c] = (int32_t)(c - 1);
            st->label[c] = DEP_ACL;
        }
    }
    /* a determiner on a verb belongs to the noun right after it */
    for (uint32_t c = 0; c + 1 < n; c++) {
        int32_t h = st->head[c];
        if (st->label[c] != DEP_DET || h < 0 || (uint32_t)h >= n || m->tag_upos[sw->tag[h]] != UPOS_VERB)
            continue;
        for (uint32_t k = c + 1; k < n && k <= c + 3; k++)
            if (m->tag_upos[sw->tag[k]] == UPOS_NOUN || m->tag_upos[sw->tag[k]] == UPOS_PROPN) {
                uint32_t q = k;
                for (int steps = 0; steps < 8 && st->label[q] == DEP_COMPOUND && st->head[q] > (int32_t)q &&
                                    (uint32_t)st->head[q] < n; steps++)
                    q = (uint32_t)st->head[q];
                st->head[c] = (int32_t)q;
                break;
            }
    }
}

/* "... welcomed by Fumio Kishida in Tokyo on Thursday, the first such visit
 * by a South Korean leader": a conjunct with no coordinating conjunction
 * (its own or a later conjunct's) after a comma, a determined common noun
 * on a name, is an apposition, not a second member of the phrase. */
static void fix_conj_appos(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    /* "extradited Adolfo Macias, the leader of the gang, to the United
     * States": a noun phrase with a preposition and no conjunction, read
     * as a conjunct of the verb, is the verb's oblique */
    for (uint32_t c = 1; c < n; c++) {
        int32_t h = st->head[c];
        int u = m->tag_upos[sw->tag[c]];
        if (st->label[c] != DEP_CONJ || h < 0 || (uint32_t)h >= c || m->tag_upos[sw->tag[h]] != UPOS_VERB ||
            !(u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON))
            continue;
        int cased = 0, cc = 0;
        for (uint32_t k = 0; k < c; k++)
            if (st->head[k] == (int32_t)c) {
                if (st->label[k] == DEP_CASE)
                    cased = 1;
                if (st->label[k] == DEP_CC)
                    cc = 1;
            }
        if (cased && !cc)
            st->label[c] = DEP_OBL;
    }
    for (uint32_t c = 1; c < n; c++) {
        int32_t h = st->head[c];
        if (st->label[c] != DEP_CONJ || h < 0 || (uint32_t)h >= c || m->tag_upos[sw->tag[c]] != UPOS_NOUN ||
            m->tag_upos[sw->tag[h]] != UPOS_PROPN)
            continue;
        int det = 0, comma = 0, cc = 0;
        for (uint32_t k = 0; k < n; k++) {
            if (st->head[k] == (int32_t)c) {
                if (st->label[k] == DEP_DET && k < c)
                    det = 1;
                if (st->label[k] == DEP_CC)
                    cc = 1;
                if (st->label[k] == DEP_PUNCT && k < c && m->tag_xpos[sw->tag[k]] == XPOS_COMMA)
                    comma = 1;
            }
            /* a later conjunct of the same head with its conjunction: a list */
            if (k > c && st->head[k] == h && st->label[k] == DEP_CONJ)
                cc = 1;
        }
        if (det && comma && !cc)
            st->label[c] = DEP_APPOS;
    }
}

/* "kidnapped up to 16 Russian advisers", "killed up to 30 people": "up to"
 * before a number bounds the number; the noun phrase is the verb's object,
 * not an oblique with "up" as the verb's particle */
static void fix_up_to(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t i = 1; i + 3 < n; i++) {
        if (m->tag_xpos[sw->tag[i + 2]] != XPOS_CD || !fold_in(&toks[i], (const char *const[]){"up", NULL}) ||
            !fold_in(&toks[i + 1], (const char *const[]){"to", NULL}))
            continue;
        int32_t v = st->head[i], noun = st->head[i + 1];
        if (v < 0 || noun < 0 || (uint32_t)noun >= n || st->head[noun] != v || st->label[noun] != DEP_OBL ||
            m->tag_upos[sw->tag[v]] != UPOS_VERB)
            continue;
        int has_obj = 0;
        for (uint32_t k = 0; k < n; k++)
            if (st->head[k] == v && st->label[k] == DEP_OBJ)
                has_obj = 1;
        if (has_obj)
            continue;
        st->label[noun] = DEP_OBJ;
        st->head[i] = (int32_t)(i + 2);
        st->label[i] = DEP_ADVMOD;
        st->head[i + 1] = (int32_t)i;
        st->label[i + 1] = DEP_FIXED;
        retag(m, sw, i, XPOS_RB, UPOS_ADV);
    }
}

/* "launched a massive missile and drone attack on ...": a domain noun
 * coordinated with the modifier of a following noun is a modifier too,
 * not the object with "attack" as its conjunct */
static void fix_coordinated_modifier(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const MODN[] = {"missile", "drone", "rocket", "artillery", "air", "ground", "land", "sea",
        "trade", "security", "energy", "defence", "defense", "border", "gas", "oil", "arms", "cyber", "mortar",
        "tank", "bomb", "gun", "naval", "drug", "weapons", "economic", "military", "political", "financial", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t h = 0; h + 3 < n; h++) {
        if (m->tag_upos[sw->tag[h + 1]] != UPOS_CCONJ || st->label[h + 3] != DEP_CONJ || !fold_in(&toks[h], MODN))
            continue;
        uint32_t k = h + 2, c = h + 3;
        if (st->head[c] != (int32_t)h || st->label[c] != DEP_CONJ || m->tag_upos[sw->tag[c]] != UPOS_NOUN)
            continue;
        /* "missile and drone attack": or the conjunct directly after the
         * conjunction with the modifier hung on it */
        if (!(st->head[k] == (int32_t)c && (st->label[k] == DEP_COMPOUND || st->label[k] == DEP_AMOD)))
            continue;
        if (m->tag_xpos[sw->tag[h]] != XPOS_NN && m->tag_upos[sw->tag[h]] != UPOS_ADJ)
            continue;
        /* the phrase's head takes the first word's place in the tree */
        st->head[c] = st->head[h];
        st->label[c] = st->label[h];
        for (uint32_t q = 0; q < n; q++)
            if (st->head[q] == (int32_t)h && q < h)
                st->head[q] = (int32_t)c; /* "a massive": the whole phrase's */
            else if (st->head[q] == (int32_t)h && q > c)
                st->head[q] = (int32_t)c; /* "on Ukraine's grid" */
        st->head[h] = (int32_t)c;
        st->label[h] = m->tag_upos[sw->tag[h]] == UPOS_ADJ ? DEP_AMOD : DEP_COMPOUND;
        /* the second modifier is the first's conjunct, with its conjunction */
        st->head[k] = (int32_t)h;
        st->label[k] = DEP_CONJ;
        st->head[h + 1] = (int32_t)k;
        st->label[h + 1] = DEP_CC;
    }
}

/* "breached the truce in Lebanon dozens of times": a name read as a
 * compound of the quantity word after it ends its own phrase; the quantity
 * ("dozens of times") is a separate measure on the verb */
static void fix_name_before_quantity(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const QTY[] = {"dozens", "hundreds", "thousands", "scores", "millions", "tens", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t i = 1; i + 2 < n; i++) {
        uint32_t q = i + 1;
        if (m->tag_upos[sw->tag[i]] != UPOS_PROPN || st->label[i] != DEP_COMPOUND || st->head[i] != (int32_t)q ||
            !fold_in(&toks[q], QTY) || !fold_in(&toks[q + 1], (const char *const[]){"of", NULL}))
            continue;
        int32_t cs = -1;
        for (uint32_t k = 0; k < i; k++)
            if (st->head[k] == (int32_t)q && st->label[k] == DEP_CASE)
                cs = (int32_t)k;
        if (cs < 0)
            continue;
        st->head[i] = st->head[q];
        st->label[i] = st->label[q];
        st->head[cs] = (int32_t)i;
        for (uint32_t k = 0; k < i; k++)
            if (st->head[k] == (int32_t)q && k != (uint32_t)cs)
                st->head[k] = (int32_t)i; /* "the" of "the Gaza Strip" */
        if (st->label[q] == DEP_OBL)
            st->label[q] = DEP_OBL_NPMOD;
    }
}

/* "opened war crimes investigations against ...": two adjacent nouns both
 * read as objects of one verb are a noun compound (a second object is an
 * iobj, never a bare obj), so the first modifies the second, and the
 * determiners and adjectives before it move to the compound's head */
static void fix_double_object(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    for (uint32_t i = 0; i + 1 < n; i++) {
        if (st->label[i] != DEP_OBJ || st->label[i + 1] != DEP_OBJ || st->head[i] != st->head[i + 1])
            continue;
        int u1 = m->tag_upos[sw->tag[i]], u2 = m->tag_upos[sw->tag[i + 1]];
        if (!(u1 == UPOS_NOUN || u1 == UPOS_PROPN) || u2 != UPOS_NOUN)
            continue;
        for (uint32_t k = 0; k < i; k++)
            if (st->head[k] == (int32_t)i && (st->label[k] == DEP_DET || st->label[k] == DEP_AMOD ||
                                               st->label[k] == DEP_NMOD_POSS || st->label[k] == DEP_NUMMOD))
                st->head[k] = (int32_t)(i + 1);
        st->head[i] = (int32_t)(i + 1);
        st->label[i] = DEP_COMPOUND;
    }
    /* "agreed to grant him political asylum": a pronoun object before a
     * second object of the same verb is the indirect object */
    for (uint32_t i = 0; i + 1 < n; i++) {
        int32_t v = st->head[i];
        if (st->label[i] != DEP_OBJ || m->tag_upos[sw->tag[i]] != UPOS_PRON || v < 0 || (uint32_t)v >= n)
            continue;
        /* not a small clause: "called him a liar", "made it a priority" */
        if (!toks || !toks[v].fold ||
            fold_in(&toks[v], (const char *const[]){"call", "calls", "called", "calling", "make", "makes", "made",
                                                    "making", "consider", "considers", "considered", "name",
                                                    "named", "names", "elect", "elected", "appoint", "appointed",
                                                    "declare", "declared", "find", "found", "keep", "kept", "leave",
                                                    "left", "take", "took", "taken", "deem", "deemed", "label",
                                                    "labelled", "labeled", "brand", "branded", "dub", "dubbed",
                                                    "crown", "crowned", NULL}))
            continue;
        for (uint32_t j = i + 1; j < n && j <= i + 6; j++)
            if (st->label[j] == DEP_OBJ && st->head[j] == st->head[i] && m->tag_upos[sw->tag[j]] == UPOS_NOUN) {
                st->label[i] = DEP_IOBJ;
                break;
            }
    }
}

/* "Chinese President Xi Jinping and U.S. President Donald Trump spoke by
 * telephone": two coordinated subjects read as a nominal root and a
 * conjunct clause with the second name as its subject.  The verb becomes
 * the root with the first name as subject and the second as its conjunct. */
static void fix_subject_coordination(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    /* driven by the conjunct verbs, so a sentence costs one pass plus a
     * scan per candidate (not one per noun) */
    for (uint32_t vv = 1; vv < n; vv++) {
        int32_t v = (int32_t)vv, hr = st->head[vv];
        if (st->label[vv] != DEP_CONJ || m->tag_upos[sw->tag[vv]] != UPOS_VERB || hr < 0 || hr >= v)
            continue;
        uint32_t r = (uint32_t)hr;
        int ru = m->tag_upos[sw->tag[r]];
        if (ru != UPOS_NOUN && ru != UPOS_PROPN)
            continue;
        int skip = 0;
        for (uint32_t k = 0; k < n && !skip; k++)
            if (st->head[k] == (int32_t)r &&
                (st->label[k] == DEP_COP || st->label[k] == DEP_NSUBJ || /* a nominal predicate */
                 (k > r && k < vv && st->label[k] == DEP_CONJ && m->tag_upos[sw->tag[k]] == UPOS_VERB)))
                skip = 1; /* (or not the noun's first conjunct verb) */
        if (skip)
            continue;
        int32_t b = -1, cc = -1;
        for (uint32_t k = r + 1; k < (uint32_t)v; k++) {
            if (st->head[k] == v && st->label[k] == DEP_NSUBJ && b < 0)
                b = (int32_t)k;
            if (st->head[k] == v && st->label[k] == DEP_CC && b < 0)
                cc = (int32_t)k;
        }
        if (b < 0 || cc < 0)
            continue;
        /* the verb takes the noun's place in the tree */
        st->head[v] = st->head[r];
        st->label[v] = (uint32_t)st->head[r] >= n ? DEP_ROOT : st->label[r];
        if (st->label[v] == DEP_NSUBJ || st->label[v] == DEP_NSUBJ_PASS)
            st->label[v] = DEP_CCOMP; /* "A and B spoke ..., media said" */
        st->head[r] = v;
        st->label[r] = DEP_NSUBJ;
        st->head[b] = (int32_t)r;
        st->label[b] = DEP_CONJ;
        st->head[cc] = b;
        for (uint32_t k = (uint32_t)v + 1; k < n; k++)
            if (st->head[k] == (int32_t)r)
                st->head[k] = v;
    }
}

/* Two readings the parser falls into on long news sentences, neither of
 * which UD allows on a verb: a preposition hung on the verb itself ("issued
 * arrest warrants on Thursday for Israeli Prime Minister Benjamin Netanyahu",
 * with the name read as a second subject) and a name read as a vocative
 * ("arrested impeached President Yoon Suk Yeol").  The preposition goes to
 * the head of the phrase after it, which becomes an oblique of the verb (or,
 * when that head is a verb, the preposition marks its clause: "before Turkey
 * approves"); a vocative after its verb is the verb's object (an oblique if
 * it has one), and a participle read as the verb's open complement right
 * before that name describes it. */
static void fix_verb_case_vocative(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    for (uint32_t c = 0; c + 1 < n; c++) {
        int32_t h = st->head[c];
        if (st->label[c] != DEP_CASE || h < 0 || (uint32_t)h >= n || m->tag_upos[sw->tag[h]] != UPOS_VERB)
            continue;
        uint32_t q = c + 1;
        for (int steps = 0; steps < 12 && st->head[q] > (int32_t)c && st->head[q] != h &&
                            (uint32_t)st->head[q] < n; steps++)
            q = (uint32_t)st->head[q];
        if (st->head[q] != h)
            continue;
        int u = m->tag_upos[sw->tag[q]];
        if (u == UPOS_VERB) {
            st->head[c] = (int32_t)q;
            st->label[c] = DEP_MARK;
        } else if (u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON || u == UPOS_NUM) {
            st->head[c] = (int32_t)q;
            /* "in a ceremony hosted by U.S. President Donald Trump": "by"
             * names the agent of the nearest participle before it */
            if (toks && fold_in(&toks[c], (const char *const[]){"by", NULL}))
                for (uint32_t v = c; v-- > (uint32_t)h + 1;) {
                    if (m->tag_upos[sw->tag[v]] == UPOS_VERB && m->tag_xpos[sw->tag[v]] != XPOS_VBN)
                        break;
                    if (m->tag_xpos[sw->tag[v]] == XPOS_VBN) {
                        st->head[q] = (int32_t)v;
                        st->label[q] = DEP_OBL_AGENT;
                        break;
                    }
                }
            if (st->head[q] != h)
                continue;
            int l = st->label[q];
            if (l == DEP_NSUBJ || l == DEP_OBJ || l == DEP_IOBJ || l == DEP_VOCATIVE || l == DEP_DEP ||
                l == DEP_NSUBJ_PASS)
                st->label[q] = DEP_OBL;
        }
    }
    for (uint32_t c = 1; c < n; c++) {
        int32_t h = st->head[c];
        if (st->label[c] != DEP_VOCATIVE || h < 0 || (uint32_t)h >= c || m->tag_upos[sw->tag[h]] != UPOS_VERB)
            continue;
        st->label[c] = child_of_label(st, n, (uint32_t)h, DEP_OBJ) >= 0 ? DEP_OBL : DEP_OBJ;
        /* the participle before the phrase: every word between it and the
         * name hangs inside the name's phrase */
        uint32_t b = c;
        while (b > 0 && st->head[b - 1] > (int32_t)(b - 1) && st->head[b - 1] <= (int32_t)c)
            b--;
        if (b > 0 && st->head[b - 1] == h && st->label[b - 1] == DEP_XCOMP &&
            m->tag_xpos[sw->tag[b - 1]] == XPOS_VBN) {
            int deps = 0;
            for (uint32_t k = 0; k < n; k++)
                if (st->head[k] == (int32_t)(b - 1))
                    deps = 1;
            if (!deps) {
                st->head[b - 1] = (int32_t)c;
                st->label[b - 1] = DEP_AMOD;
            }
        }
    }
}

/* "Police arrested X, and a court later sentenced him": the subject of a
 * second finite clause read as a conjunct of the first clause's nouns (or
 * hung on the adverb after it).  A finite conjunct verb with no subject
 * takes the noun phrase between ", and" and itself as subject, and the
 * conjunction with it. */
static void fix_conjunct_subject(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    for (uint32_t v = 2; v < n; v++) {
        int xp = m->tag_xpos[sw->tag[v]];
        int32_t h = st->head[v];
        if (st->label[v] != DEP_CONJ || !(xp == XPOS_VBD || xp == XPOS_VBZ || xp == XPOS_VBP) || h < 0 ||
            (uint32_t)h >= v || m->tag_upos[sw->tag[h]] != UPOS_VERB)
            continue;
        int subj = 0;
        for (uint32_t k = 0; k < n && !subj; k++)
            if (st->head[k] == (int32_t)v && (st->label[k] == DEP_NSUBJ || st->label[k] == DEP_NSUBJ_PASS ||
                                              st->label[k] == DEP_EXPL))
                subj = 1;
        if (subj)
            continue;
        /* the last word of the phrase before the verb, past its adverbs */
        uint32_t j = v - 1;
        while (j > (uint32_t)h + 1 && st->head[j] == (int32_t)v &&
               (st->label[j] == DEP_ADVMOD || st->label[j] == DEP_AUX))
            j--;
        /* the conjunction before the phrase */
        uint32_t b = j;
        while (b > (uint32_t)h && m->tag_upos[sw->tag[b]] != UPOS_CCONJ && m->tag_xpos[sw->tag[b]] != XPOS_COMMA)
            b--;
        /* ", and": without the comma "as warships and aircraft staged
         * drills" is one coordinated subject */
        if (b <= (uint32_t)h + 1 || b == j || m->tag_upos[sw->tag[b]] != UPOS_CCONJ ||
            m->tag_xpos[sw->tag[b - 1]] != XPOS_COMMA)
            continue;
        uint32_t q = j;
        for (int steps = 0; steps < 8 && st->head[q] > (int32_t)b && st->head[q] <= (int32_t)j; steps++)
            q = (uint32_t)st->head[q];
        int u = m->tag_upos[sw->tag[q]], l = st->label[q];
        if (!(u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON) ||
            !(l == DEP_CONJ || l == DEP_OBL_UNMARKED || l == DEP_DEP || l == DEP_OBL_NPMOD || l == DEP_NMOD_UNMARKED ||
              l == DEP_APPOS))
            continue;
        /* the whole phrase hangs on q */
        int whole = 1;
        for (uint32_t k = b + 1; k <= j && whole; k++) {
            uint32_t r = k;
            for (int steps = 0; steps < 8 && r != q && st->head[r] > (int32_t)b && st->head[r] <= (int32_t)j; steps++)
                r = (uint32_t)st->head[r];
            whole = r == q;
        }
        if (!whole)
            continue;
        st->head[q] = (int32_t)v;
        st->label[q] = DEP_NSUBJ;
        st->head[b] = (int32_t)v;
        st->label[b] = DEP_CC;
        st->head[b - 1] = (int32_t)v;
    }
}

/* "Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon
 * signed a treaty": two subjects of one verb with the conjunction between
 * them hung on the verb are one coordinated subject */
static void fix_double_subject(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    (void)m;
    syn_state *st = &ws->st;
    for (uint32_t b = 2; b < n; b++) {
        int32_t v = st->head[b];
        if (st->label[b] != DEP_NSUBJ || v < 0 || (uint32_t)v <= b)
            continue;
        int32_t a = -1, c = -1;
        for (uint32_t k = 0; k < b; k++) {
            if (st->head[k] == v && st->label[k] == DEP_NSUBJ)
                a = (int32_t)k;
            if (st->head[k] == v && st->label[k] == DEP_CC && a >= 0 && k > (uint32_t)a)
                c = (int32_t)k;
        }
        if (a < 0 || c < 0)
            continue;
        st->head[b] = a;
        st->label[b] = DEP_CONJ;
        st->head[c] = (int32_t)b;
    }
}

/* is word a inside the subtree of word b? (walks up from a) */
static int in_subtree(const syn_state *st, uint32_t n, int32_t a, int32_t b)
{
    for (uint32_t steps = 0; a >= 0 && (uint32_t)a < n && steps <= n; steps++, a = st->head[a])
        if (a == b)
            return 1;
    return 0;
}

/* "Russian Foreign Minister Sergei Lavrov on Wednesday described ...",
 * "Indian External Affairs Minister S. Jaishankar rejected ...": a sentence
 * opening with a capitalised title before its subject's name, where the
 * parser made a word of the title the root (the verb its complement) or hung
 * it on the verb (as a second subject, an adverb).  The stray title words go
 * to the title's head (or the name), and the verb becomes the root. */
static void fix_opening_title(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold || n < 4)
        return;
    uint32_t f = 0;
    while (f < n && m->tag_upos[sw->tag[f]] != UPOS_VERB && m->tag_upos[sw->tag[f]] != UPOS_AUX)
        f++;
    if (f >= n || f < 3)
        return;
    int xf = m->tag_xpos[sw->tag[f]];
    if (!(xf == XPOS_VBD || xf == XPOS_VBZ || xf == XPOS_VBP || xf == XPOS_MD))
        return;
    int32_t v = (int32_t)f;
    if (m->tag_upos[sw->tag[f]] == UPOS_AUX) {
        v = st->head[f];
        if (v <= (int32_t)f || (uint32_t)v >= n || m->tag_upos[sw->tag[v]] != UPOS_VERB)
            return;
    }
    /* the subject: the last name before the verb that is its subject */
    int32_t s = -1;
    for (uint32_t k = 0; k < f; k++)
        if (st->head[k] == v && (st->label[k] == DEP_NSUBJ || st->label[k] == DEP_NSUBJ_PASS) &&
            m->tag_upos[sw->tag[k]] == UPOS_PROPN)
            s = (int32_t)k;
    if (s < 2)
        return;
    /* the opening: capitalised adjectives and names only */
    for (uint32_t k = 0; k <= (uint32_t)s; k++) {
        int u = m->tag_upos[sw->tag[k]];
        if (!capitalised(&toks[k]) || !(u == UPOS_ADJ || u == UPOS_PROPN || u == UPOS_NOUN))
            return;
    }
    /* between the name and the verb: its own words or "on <day>", adverbs */
    for (uint32_t k = (uint32_t)s + 1; k < f; k++) {
        int u = m->tag_upos[sw->tag[k]];
        if (u == UPOS_VERB || u == UPOS_PUNCT || u == UPOS_CCONJ || u == UPOS_SCONJ || u == UPOS_PRON)
            return;
    }
    int32_t desc = -1;
    for (uint32_t k = 0; k < (uint32_t)s; k++)
        if (st->label[k] == DEP_NMOD_DESC && st->head[k] >= 0 && st->head[k] <= s)
            desc = (int32_t)k;
    int32_t root = -1;
    int stray = 0;
    for (uint32_t k = 0; k < (uint32_t)s; k++) {
        int32_t h = st->head[k];
        if (h >= 0 && h <= s)
            continue;
        if ((uint32_t)h >= n)
            root = (int32_t)k;
        stray = 1;
    }
    if (!stray)
        return;
    if (root >= 0 && !in_subtree(st, n, v, root))
        return;
    if (root >= 0) {
        for (uint32_t k = 0; k < n; k++)
            if (st->head[k] == root && (k > (uint32_t)s))
                st->head[k] = v;
        st->head[v] = (int32_t)n;
        st->label[v] = DEP_ROOT;
    }
    for (uint32_t k = 0; k < (uint32_t)s; k++) {
        int32_t h = st->head[k];
        if (h >= 0 && h <= s)
            continue;
        int32_t to = desc > (int32_t)k ? desc : s;
        if (in_subtree(st, n, to, (int32_t)k))
            to = s;
        if (in_subtree(st, n, to, (int32_t)k))
            continue;
        st->head[k] = to;
        st->label[k] = m->tag_upos[sw->tag[k]] == UPOS_ADJ ? DEP_AMOD : DEP_COMPOUND;
    }
}

/* "praised Qatar, Egypt and Turkey", "attacked Lebanon, Syria and Yemen":
 * the second member of a list of nouns after a verb's object, read as a
 * conjunct of the verb (the third member on it, with the conjunction), is
 * the object's conjunct, and so are the later members. */
static void fix_list_coordination(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    for (uint32_t c = 3; c < n; c++) {
        int32_t v = st->head[c];
        int u = m->tag_upos[sw->tag[c]];
        if (st->label[c] != DEP_CONJ || v < 0 || (uint32_t)v >= c || m->tag_upos[sw->tag[v]] != UPOS_VERB ||
            !(u == UPOS_NOUN || u == UPOS_PROPN) || m->tag_xpos[sw->tag[c - 1]] != XPOS_COMMA)
            continue;
        /* no conjunction of its own; a later conjunct with one */
        int own_cc = 0, later = -1;
        for (uint32_t k = (uint32_t)v + 1; k < n; k++) {
            if (st->head[k] == (int32_t)c && st->label[k] == DEP_CC && k < c)
                own_cc = 1;
            if (st->head[k] == (int32_t)c && st->label[k] == DEP_CONJ && k > c && later < 0) {
                for (uint32_t q = c + 1; q < k; q++)
                    if (st->head[q] == (int32_t)k && st->label[q] == DEP_CC)
                        later = (int32_t)k;
            }
        }
        if (own_cc || later < 0)
            continue;
        /* the word before the comma lies in the phrase of the verb's
         * nominal object (or oblique), with nothing verbal between */
        int32_t o = -1;
        for (uint32_t k = (uint32_t)v + 1; k + 1 < c; k++)
            if (st->head[k] == v && (st->label[k] == DEP_OBJ || st->label[k] == DEP_OBL) &&
                m->tag_upos[sw->tag[k]] == m->tag_upos[sw->tag[c]])
                o = (int32_t)k;
        if (o < 0)
            continue;
        int ok = 1;
        for (uint32_t k = (uint32_t)o + 1; k + 1 < c && ok; k++)
            ok = m->tag_upos[sw->tag[k]] != UPOS_VERB && m->tag_upos[sw->tag[k]] != UPOS_AUX &&
                 in_subtree(st, n, (int32_t)k, o);
        if (!ok || !in_subtree(st, n, (int32_t)(c - 2), o))
            continue;
        st->head[c] = o;
        for (uint32_t k = c + 1; k < n; k++)
            if (st->head[k] == (int32_t)c && st->label[k] == DEP_CONJ)
                st->head[k] = o;
    }
}

/* "ordered U.S. diplomats to leave", "sent 200 police officers to Haiti to
 * reinforce the mission": an infinitive read as a modifier of the verb's
 * object is the verb's: its complement after a verb of ordering or urging
 * (the object is its subject), its purpose after a verb of sending, and a
 * "to" phrase on the object of a verb of sending is where it is sent. */
static void fix_object_infinitive(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const CONTROL[] = {"order", "urg", "ask", "told", "tell", "forc", "allow", "invit",
        "encourag", "persuad", "instruct", "authoris", "authoriz", "permit", "compel", "requir", "advis", "direct",
        "enabl", "pressur", "warn", NULL};
    static const char *const SEND[] = {"sent", "send", "deploy", "dispatch", "airlift", "redeploy", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t o = 1; o + 2 < n; o++) {
        int32_t v = st->head[o];
        int u = m->tag_upos[sw->tag[o]];
        if (st->label[o] != DEP_OBJ || v < 0 || (uint32_t)v >= o || m->tag_upos[sw->tag[v]] != UPOS_VERB ||
            !(u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON))
            continue;
        int send = fold_stem(&toks[v], SEND), control = !send && fold_stem(&toks[v], CONTROL);
        if (!send && !control)
            continue;
        int moved = 0;
        for (uint32_t c = o + 2; c < n; c++) {
            if (st->head[c] != (int32_t)o)
                continue;
            /* "to Haiti" on the object of a verb of sending */
            if (send && st->label[c] == DEP_NMOD && m->tag_upos[sw->tag[c]] == UPOS_PROPN &&
                fold_in(&toks[c - 1], (const char *const[]){"to", NULL}) && st->head[c - 1] == (int32_t)c) {
                st->head[c] = v;
                st->label[c] = DEP_OBL;
                moved = 1;
                continue;
            }
            /* ("sent troops to fight alongside Russia": the troops' fight) */
            if (send && !moved)
                continue;
            if (st->label[c] != DEP_ACL || m->tag_xpos[sw->tag[c]] != XPOS_VB ||
                !fold_in(&toks[c - 1], (const char *const[]){"to", NULL}) || st->head[c - 1] != (int32_t)c)
                continue;
            /* only the object's phrase between it and the infinitive */
            int ok = 1;
            for (uint32_t k = o + 1; k + 1 < c && ok; k++) {
                /* (or a phrase already moved to the verb: "to Haiti") */
                int32_t top = (int32_t)k;
                for (uint32_t steps = 0; steps < n && top >= 0 && (uint32_t)top < n && st->head[top] != v; steps++)
                    top = st->head[top];
                ok = top >= (int32_t)o && top < (int32_t)c && st->head[top] == v;
            }
            if (!ok)
                continue;
            st->head[c] = v;
            st->label[c] = send ? DEP_ADVCL : DEP_XCOMP;
        }
    }
}

/* "accused Russia of torturing prisoners", "blamed Israel for killing
 * civilians": after a verb of accusing or blaming, an -ing word between
 * "of/for" and a noun, read as the noun's adjective, is the verb of a
 * clause the preposition marks, with the noun its object. */
static void fix_accused_of_gerund(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const ACCUSE[] = {"accus", "blam", "charg", "condemn", "criticis", "criticiz", "suspect",
        "convict", "sanction", "punish", "arrest", "indict", "denounc", "prais", "thank", "fault", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    /* "accused the minister of taking bribes": the clause read as the object's */
    for (uint32_t g = 3; g + 1 < n; g++) {
        int32_t o = st->head[g];
        if (m->tag_xpos[sw->tag[g]] != XPOS_VBG || st->label[g] != DEP_ACL || o < 1 || o >= (int32_t)g - 1 ||
            st->label[o] != DEP_OBJ || !fold_in(&toks[g - 1], (const char *const[]){"of", "for", NULL}) ||
            st->head[g - 1] != (int32_t)g)
            continue;
        int32_t v = st->head[o];
        if (v < 0 || v >= o || m->tag_upos[sw->tag[v]] != UPOS_VERB || !fold_stem(&toks[v], ACCUSE))
            continue;
        st->head[g] = v;
        st->label[g] = DEP_ADVCL;
        st->label[g - 1] = DEP_MARK;
    }
    for (uint32_t g = 2; g + 1 < n; g++) {
        int32_t q = st->head[g];
        if (m->tag_xpos[sw->tag[g]] != XPOS_VBG || st->label[g] != DEP_AMOD || q <= (int32_t)g || (uint32_t)q >= n)
            continue;
        uint32_t p = g - 1;
        if (!fold_in(&toks[p], (const char *const[]){"of", "for", NULL}) || st->head[p] != q ||
            st->label[p] != DEP_CASE)
            continue;
        int32_t v = st->head[q];
        /* (or hung on the verb's object: "accused the government of ignoring warnings") */
        if (v >= 0 && (uint32_t)v < n && st->label[q] == DEP_NMOD && st->label[v] == DEP_OBJ && st->head[v] >= 0 &&
            st->head[v] < v)
            v = st->head[v];
        else if (st->label[q] != DEP_OBL)
            continue;
        if (v < 0 || (uint32_t)v >= p || m->tag_upos[sw->tag[v]] != UPOS_VERB || !fold_stem(&toks[v], ACCUSE))
            continue;
        int qu = m->tag_upos[sw->tag[q]];
        if (!(qu == UPOS_NOUN || qu == UPOS_PROPN))
            continue;
        /* the words between are the noun's own */
        int ok = 1;
        for (uint32_t k = g + 1; k < (uint32_t)q && ok; k++)
            ok = in_subtree(st, n, (int32_t)k, q);
        if (!ok)
            continue;
        st->head[g] = v;
        st->label[g] = DEP_ADVCL;
        st->head[p] = (int32_t)g;
        st->label[p] = DEP_MARK;
        st->head[q] = (int32_t)g;
        st->label[q] = DEP_OBJ;
    }
}

/* "Russia pulled out of Mali", "walked out of the talks": "out" right
 * after a verb, with "of" after it, both read as prepositions of the noun,
 * is the verb's particle; "of" alone marks the noun. */
static void fix_out_of(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t i = 1; i + 2 < n; i++) {
        int32_t q = st->head[i];
        if (st->label[i] != DEP_CASE || q <= (int32_t)i + 1 || (uint32_t)q >= n ||
            !fold_in(&toks[i], (const char *const[]){"out", NULL}) ||
            !fold_in(&toks[i + 1], (const char *const[]){"of", NULL}) || st->head[i + 1] != q)
            continue;
        int32_t v = st->head[q];
        if (v != (int32_t)(i - 1) || m->tag_upos[sw->tag[v]] != UPOS_VERB)
            continue;
        st->head[i] = v;
        st->label[i] = DEP_COMPOUND_PRT;
        retag(m, sw, i, XPOS_RP, UPOS_ADP);
    }
}

/* "held two French citizens hostage", "took the crew captive": "hostage"
 * after the object of "take/hold/keep" is the verb's open complement, not
 * the head of the object (with the people as its compound) nor a verb. */
static void fix_hostage(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const TAKE[] = {"take", "took", "taking", "taken", "hold", "held", "holding", "keep", "kept",
        "keeping", NULL};
    static const char *const HOSTAGE[] = {"hostage", "hostages", "captive", "captives", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t h = 2; h < n; h++) {
        if (toks[h].fold_len < 7 || !fold_in(&toks[h], HOSTAGE))
            continue;
        int32_t v = st->head[h];
        if (v < 0 || (uint32_t)v + 1 >= h || m->tag_upos[sw->tag[v]] != UPOS_VERB || !fold_in(&toks[v], TAKE))
            continue;
        uint32_t p = h - 1;
        int pu = m->tag_upos[sw->tag[p]];
        if (!(pu == UPOS_NOUN || pu == UPOS_PROPN || pu == UPOS_PRON))
            continue;
        int l = st->label[h];
        if (l == DEP_OBJ) {
            /* the people: the noun before, as the compound of "hostage"
             * (or a second object, which fix_double_object would make one) */
            if (!(st->head[p] == (int32_t)h && (st->label[p] == DEP_COMPOUND || st->label[p] == DEP_NSUBJ)) &&
                !(st->head[p] == v && st->label[p] == DEP_OBJ))
                continue;
            for (uint32_t k = (uint32_t)v + 1; k < p; k++)
                if (st->head[k] == (int32_t)h)
                    st->head[k] = (int32_t)p;
            for (uint32_t k = h + 1; k < n; k++)
                if (st->head[k] == (int32_t)h)
                    st->head[k] = v;
            st->head[p] = v;
            st->label[p] = DEP_OBJ;
        } else if (!(l == DEP_CCOMP || l == DEP_XCOMP || l == DEP_CONJ || l == DEP_DEP || l == DEP_PARATAXIS)) {
            continue;
        } else {
            /* the object must come before it */
            int obj = 0;
            for (uint32_t k = (uint32_t)v + 1; k < h && !obj; k++)
                obj = st->head[k] == v && st->label[k] == DEP_OBJ;
            if (!obj)
                continue;
            for (uint32_t k = h + 1; k < n; k++)
                if (st->head[k] == (int32_t)h && st->label[k] != DEP_PUNCT)
                    st->head[k] = v; /* "in 2019" */
        }
        st->label[h] = DEP_XCOMP;
        int plural = toks[h].fold[toks[h].fold_len - 1] == 's';
        retag(m, sw, h, plural ? XPOS_NNS : XPOS_NN, UPOS_NOUN);
    }
}

/* "will send Ukraine long-range ATACMS missiles", "granted Pakistan a $2
 * billion loan": after a verb of giving, a name right after the verb and
 * a noun phrase with no preposition after it are the indirect and direct
 * objects (the parser made the thing an oblique, a second object, or hung
 * the name on it). */
static void fix_ditransitive(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const GIVE[] = {"give", "gave", "given", "giving", "send", "sent", "offer", "grant", "sell",
        "sold", "hand", "lend", "lent", "promis", "deliver", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t v = 1; v + 3 < n; v++) {
        if (m->tag_upos[sw->tag[v]] != UPOS_VERB || !fold_stem(&toks[v], GIVE))
            continue;
        uint32_t r = v + 1;
        if (m->tag_upos[sw->tag[r]] != UPOS_PROPN)
            continue;
        /* the name's own words (a flat name) */
        uint32_t e = r;
        while (e + 1 < n && st->head[e + 1] == (int32_t)r && st->label[e + 1] == DEP_FLAT)
            e++;
        uint32_t b = e + 1;
        if (b >= n)
            continue;
        int xb = m->tag_xpos[sw->tag[b]];
        if (!(xb == XPOS_DT || xb == XPOS_CD || xb == XPOS_JJ || xb == XPOS_JJR || xb == XPOS_NN || xb == XPOS_NNS ||
              xb == XPOS_NNP || xb == XPOS_DOLLAR))
            continue;
        /* the thing: the head of the phrase from b on, hung on the verb */
        uint32_t q = b;
        for (uint32_t steps = 0; steps < 12 && st->head[q] > (int32_t)q && (uint32_t)st->head[q] < n &&
                                 st->head[q] != (int32_t)v; steps++)
            q = (uint32_t)st->head[q];
        int lq = st->label[q];
        if (st->head[q] != (int32_t)v || m->tag_upos[sw->tag[q]] != UPOS_NOUN ||
            !(lq == DEP_OBJ || lq == DEP_OBL || lq == DEP_OBL_UNMARKED || lq == DEP_DEP || lq == DEP_OBL_NPMOD))
            continue;
        /* ("sent Ukraine last week": a time, not a thing) */
        if (fold_in(&toks[q], (const char *const[]){"week", "weeks", "month", "months", "year", "years", "day",
                                                     "days", "weekend", "time", "times", "morning", "night",
                                                     "evening", "afternoon", "hour", "hours", NULL}))
            continue;
        int ok = 1;
        for (uint32_t k = b; k < q && ok; k++)
            ok = in_subtree(st, n, (int32_t)k, (int32_t)q) && st->label[k] != DEP_CASE;
        int32_t hr = st->head[r];
        int lr = st->label[r];
        if (!ok || !((hr == (int32_t)v && (lr == DEP_OBJ || lr == DEP_IOBJ || lr == DEP_OBL_UNMARKED || lr == DEP_DEP)) ||
                     (hr == (int32_t)q && (lr == DEP_DISCOURSE || lr == DEP_COMPOUND || lr == DEP_DEP ||
                                           lr == DEP_NMOD_UNMARKED || lr == DEP_VOCATIVE))))
            continue;
        /* the name and the thing must not touch: "sent Navy ships",
         * "offered Patriot batteries" are one phrase */
        if (q == b)
            continue;
        st->head[r] = (int32_t)v;
        st->label[r] = DEP_IOBJ;
        st->label[q] = DEP_OBJ;
    }
}

/* "supplied Pakistan with J-10C fighter jets", "its first batch of F-16
 * fighter jets": a model designation (letters, a hyphen, a number) before a
 * noun modifies that noun; the parser hung it (with the preposition) on the
 * verb and left the noun on its own.  The noun takes the designation's place
 * and the designation is its compound. */
static void fix_model_designation(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t i = 1; i + 2 < n; i++) {
        uint32_t A = i - 1, B = i + 1;
        if (toks[i].fold_len != 1 || toks[i].fold[0] != '-' || toks[A].end != toks[i].start ||
            toks[i].end != toks[B].start || !capitalised(&toks[A]) || toks[A].form_len > 7 ||
            !(toks[B].form[0] >= '0' && toks[B].form[0] <= '9'))
            continue;
        /* the noun after it, up its compounds and modifiers */
        uint32_t q = B + 1;
        if (m->tag_upos[sw->tag[q]] != UPOS_NOUN)
            continue;
        for (uint32_t steps = 0; steps < 6 && st->head[q] > (int32_t)q && (uint32_t)st->head[q] < n &&
                                 (st->label[q] == DEP_COMPOUND || st->label[q] == DEP_AMOD) &&
                                 m->tag_upos[sw->tag[st->head[q]]] == UPOS_NOUN; steps++)
            q = (uint32_t)st->head[q];
        if (in_subtree(st, n, (int32_t)A, (int32_t)q))
            continue;
        int32_t hA = st->head[A];
        int lA = st->label[A];
        if (hA < 0 || (uint32_t)hA >= n || in_subtree(st, n, hA, (int32_t)q) || in_subtree(st, n, hA, (int32_t)A))
            continue;
        /* the words before the designation that hang on it go to the noun */
        for (uint32_t k = 0; k < A; k++)
            if (st->head[k] == (int32_t)A)
                st->head[k] = (int32_t)q;
        for (uint32_t k = B + 1; k < n; k++)
            if (st->head[k] == (int32_t)A)
                st->head[k] = (int32_t)q;
        if (st->head[B] != (int32_t)A) {
            st->head[B] = (int32_t)A;
            st->label[B] = DEP_FLAT;
        }
        st->head[i] = (int32_t)B;
        st->label[i] = DEP_PUNCT;
        if (st->head[q] != hA || lA == DEP_OBL || lA == DEP_NMOD) {
            st->head[q] = hA;
            st->label[q] = lA;
        }
        st->head[A] = (int32_t)q;
        st->label[A] = DEP_COMPOUND;
        if (m->tag_upos[sw->tag[A]] != UPOS_PROPN)
            retag(m, sw, A, XPOS_NNP, UPOS_PROPN);
    }
}

/* the head of a titled name in words [b, e] (all capitalised): the name
 * the title describes (the head of an nmod:desc inside), else the last word
 * hung outside; -1 when there is none */
static int32_t titled_name_head(const syn_state *st, uint32_t b, uint32_t e)
{
    int32_t h = -1;
    for (uint32_t k = b; k <= e; k++)
        if (st->label[k] == DEP_NMOD_DESC && st->head[k] >= (int32_t)b && st->head[k] <= (int32_t)e)
            h = st->head[k];
    if (h >= 0)
        return h;
    /* (several: the last, "German Chancellor Olaf Scholz" read as three) */
    for (uint32_t k = b; k <= e; k++)
        if (st->head[k] < (int32_t)b || st->head[k] > (int32_t)e)
            h = (int32_t)k;
    return h;
}

/* hang the words of [b, e] that hang outside it (other than h) inside it:
 * before the title's last word on that word, else on the name */
static void gather_titled_name(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t b, uint32_t e,
                               int32_t h, uint32_t n)
{
    syn_state *st = &ws->st;
    int32_t desc = -1;
    for (uint32_t k = b; k <= e; k++)
        if (st->label[k] == DEP_NMOD_DESC && st->head[k] == h)
            desc = (int32_t)k;
    for (uint32_t k = b; k <= e; k++) {
        if ((int32_t)k == h || (st->head[k] >= (int32_t)b && st->head[k] <= (int32_t)e))
            continue;
        int32_t to = desc > (int32_t)k ? desc : h;
        if (in_subtree(st, n, to, (int32_t)k))
            continue;
        st->head[k] = to;
        /* (a nationality read as a name is an adjective: "Azerbaijani") */
        int adj = m->tag_upos[ws->sw.tag[k]] == UPOS_ADJ ||
                  (k == b && (ends_with(&toks[k], "an") || ends_with(&toks[k], "i") || ends_with(&toks[k], "ese") ||
                              ends_with(&toks[k], "ish")));
        st->label[k] = adj ? DEP_AMOD : DEP_COMPOUND;
    }
}

/* "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham
 * Aliyev signed ...", "Russian President Vladimir Putin and Chinese
 * President Xi Jinping signed ...": an opening pair of titled names joined
 * by "and" is the coordinated subject of the verb after it, whatever the
 * parser made of the titles' adjectives (a root, an oblique, a conjunct). */
static void fix_titled_pair(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold || n < 7)
        return;
    uint32_t cc = 0, f = 0;
    for (uint32_t k = 0; k < n && !f; k++) {
        int u = m->tag_upos[sw->tag[k]];
        if (u == UPOS_VERB || u == UPOS_AUX) {
            f = k;
            break;
        }
        if (u == UPOS_CCONJ && fold_in(&toks[k], (const char *const[]){"and", NULL}) && !cc) {
            cc = k;
            continue;
        }
        if (fold_in(&toks[k], (const char *const[]){"of", NULL}) && k > 0 && capitalised(&toks[k - 1]))
            continue;
        /* (a common noun before a name: "North Korean leader Kim Jong Un") */
        if (!capitalised(&toks[k]) && u == UPOS_NOUN && k + 1 < n && capitalised(&toks[k + 1]) &&
            m->tag_upos[sw->tag[k + 1]] == UPOS_PROPN)
            continue;
        if (!capitalised(&toks[k]) || !(u == UPOS_ADJ || u == UPOS_PROPN || u == UPOS_NOUN))
            return;
    }
    if (!f || cc < 2 || cc + 2 >= f)
        return;
    int xf = m->tag_xpos[sw->tag[f]];
    if (!(xf == XPOS_VBD || xf == XPOS_VBZ || xf == XPOS_VBP || xf == XPOS_MD))
        return;
    int32_t v = (int32_t)f;
    if (m->tag_upos[sw->tag[f]] == UPOS_AUX) {
        v = st->head[f];
        if (v <= (int32_t)f || (uint32_t)v >= n || m->tag_upos[sw->tag[v]] != UPOS_VERB)
            return;
    }
    /* two titled names, each with a title (an adjective or title before the name) */
    int32_t a = titled_name_head(st, 0, cc - 1), b = titled_name_head(st, cc + 1, f - 1);
    if (a <= 0 || b <= (int32_t)cc + 1 || m->tag_upos[sw->tag[a]] != UPOS_PROPN ||
        m->tag_upos[sw->tag[b]] != UPOS_PROPN)
        return;
    /* already right: a the subject, b its conjunct, the titles inside */
    if (st->head[a] == v && st->label[a] == DEP_NSUBJ && st->head[b] == a && st->label[b] == DEP_CONJ) {
        int stray = 0;
        for (uint32_t k = 0; k < f && !stray; k++)
            stray = (int32_t)k != a && (int32_t)k != b && k != cc &&
                    (k < cc ? (st->head[k] < 0 || st->head[k] >= (int32_t)cc)
                            : (st->head[k] <= (int32_t)cc || st->head[k] >= (int32_t)f));
        if (!stray)
            return;
    }
    /* the verb must hang outside the names, or be the complement of a root inside them */
    int32_t hv = st->head[v];
    int root_inside = 0;
    if (hv >= 0 && hv < (int32_t)f) {
        int32_t r = hv;
        for (uint32_t steps = 0; steps < n && r >= 0 && (uint32_t)r < n; steps++) {
            if ((uint32_t)st->head[r] >= n) {
                root_inside = r < (int32_t)f;
                break;
            }
            r = st->head[r];
        }
        if (!root_inside)
            return;
    }
    uint32_t e = (uint32_t)f;
    if (root_inside) {
        int32_t oldroot = -1;
        for (uint32_t k = 0; k < f; k++)
            if ((uint32_t)st->head[k] >= n)
                oldroot = (int32_t)k;
        for (uint32_t k = e; k < n; k++)
            if (st->head[k] >= 0 && st->head[k] < (int32_t)f && (int32_t)k != v)
                st->head[k] = v;
        st->head[v] = (int32_t)n;
        st->label[v] = DEP_ROOT;
        if (oldroot >= 0 && oldroot != a && oldroot != b) {
            st->head[oldroot] = v; /* for now; gathered below */
            st->label[oldroot] = DEP_DEP;
        }
    }
    st->head[a] = v;
    st->label[a] = DEP_NSUBJ;
    st->head[b] = a;
    st->label[b] = DEP_CONJ;
    st->head[cc] = b;
    st->label[cc] = DEP_CC;
    gather_titled_name(m, ws, toks, 0, cc - 1, a, n);
    gather_titled_name(m, ws, toks, cc + 1, f - 1, b, n);
}

/* "at a meeting in Argyle, St Vincent, on Thursday", "in Kharkiv, Ukraine,":
 * a name between commas right after a place in an "in/at/near" phrase is
 * that place's apposition (its country or region), not an argument of the
 * verb.  What the name took after its second comma goes back to the verb. */
static void fix_place_apposition(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t c = 3; c + 1 < n; c++) {
        int32_t v = st->head[c];
        int l = st->label[c];
        if (m->tag_upos[sw->tag[c]] != UPOS_PROPN || v < 0 || (uint32_t)v >= n ||
            !(l == DEP_OBJ || l == DEP_NSUBJ || l == DEP_OBL || l == DEP_DEP || l == DEP_CONJ || l == DEP_IOBJ ||
              l == DEP_OBL_UNMARKED || l == DEP_PARATAXIS))
            continue;
        /* its phrase: the words before it that hang on it (a title, "St") */
        uint32_t b = c;
        while (b > 0 && st->head[b - 1] == (int32_t)c && m->tag_upos[sw->tag[b - 1]] == UPOS_PROPN)
            b--;
        uint32_t e = c;
        while (e + 1 < n && st->head[e + 1] == (int32_t)c && st->label[e + 1] == DEP_FLAT)
            e++;
        if (b < 2 || m->tag_xpos[sw->tag[b - 1]] != XPOS_COMMA || e + 1 >= n)
            continue;
        int xe = m->tag_xpos[sw->tag[e + 1]];
        if (!(xe == XPOS_COMMA || xe == XPOS_PERIOD))
            continue;
        uint32_t p = b - 2;
        if (m->tag_upos[sw->tag[p]] != UPOS_PROPN || (uint32_t)v == p)
            continue;
        /* p is the head of an "in/at/near" phrase (past its flat words) */
        while (p > 0 && st->label[p] == DEP_FLAT && st->head[p] >= 0 && (uint32_t)st->head[p] < p)
            p = (uint32_t)st->head[p];
        int in = 0;
        for (uint32_t k = p >= 3 ? p - 3 : 0; k < p; k++)
            if (st->head[k] == (int32_t)p && st->label[k] == DEP_CASE &&
                fold_in(&toks[k], (const char *const[]){"in", "at", "near", NULL}))
                in = 1;
        if (!in || in_subtree(st, n, (int32_t)p, (int32_t)c))
            continue;
        /* the comma before and the name's words hang together */
        st->head[c] = (int32_t)p;
        st->label[c] = DEP_APPOS;
        st->head[b - 1] = (int32_t)c;
        st->label[b - 1] = DEP_PUNCT;
        if (xe == XPOS_COMMA)
            for (uint32_t k = e + 1; k < n; k++)
                if (st->head[k] == (int32_t)c)
                    st->head[k] = k == e + 1 ? (int32_t)c : v;
    }
}

/* Three small attachments of wire copy: "Police tear-gassed protesters"
 * (the verb after a hyphen read as a clause under its first part: it takes
 * that word's place, the word its compound); "shot dead a journalist"
 * ("dead" read as the object's adjective is the verb's complement); "spoke
 * for two hours on the phone on Tuesday" (the phone and the day read as
 * modifiers of the duration are the verb's). */
static void fix_wire_attachments(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t i = 2; i < n; i++) {
        uint32_t x = i - 2;
        if (m->tag_xpos[sw->tag[i]] != XPOS_VBD || toks[i - 1].fold_len != 1 || toks[i - 1].fold[0] != '-' ||
            toks[x].end != toks[i - 1].start || toks[i - 1].end != toks[i].start || st->head[i] != (int32_t)x ||
            m->tag_upos[sw->tag[x]] != UPOS_NOUN)
            continue;
        st->head[i] = st->head[x];
        st->label[i] = (uint32_t)st->head[x] >= n ? DEP_ROOT : st->label[x];
        for (uint32_t k = 0; k < n; k++)
            if (st->head[k] == (int32_t)x && k != i)
                st->head[k] = (int32_t)i;
        st->head[i - 1] = (int32_t)x;
        st->label[i - 1] = DEP_PUNCT;
        st->head[x] = (int32_t)i;
        st->label[x] = DEP_COMPOUND;
    }
    for (uint32_t i = 1; i + 1 < n; i++) {
        uint32_t v = i - 1;
        if (!fold_in(&toks[i], (const char *const[]){"dead", NULL}) || st->head[i] == (int32_t)v ||
            m->tag_upos[sw->tag[v]] != UPOS_VERB ||
            !fold_in(&toks[v], (const char *const[]){"shot", "shoot", "shoots", "shooting", "gunned", NULL}))
            continue;
        int32_t h = st->head[i];
        if (h <= (int32_t)i || (uint32_t)h >= n || st->label[i] != DEP_AMOD || !in_subtree(st, n, h, (int32_t)v))
            continue;
        st->head[i] = (int32_t)v;
        st->label[i] = DEP_XCOMP;
        retag(m, sw, i, XPOS_JJ, UPOS_ADJ);
    }
    static const char *const DURATION[] = {"hour", "hours", "minute", "minutes", "day", "days", "week", "weeks",
        "month", "months", NULL};
    static const char *const ON[] = {"on", "by", "over", "via", NULL};
    for (uint32_t d = 1; d + 2 < n; d++) {
        int32_t v = st->head[d];
        if (v < 0 || (uint32_t)v >= n || m->tag_upos[sw->tag[v]] != UPOS_VERB ||
            !(st->label[d] == DEP_OBL || st->label[d] == DEP_OBJ || st->label[d] == DEP_OBL_TMOD ||
              st->label[d] == DEP_OBL_NPMOD || st->label[d] == DEP_OBL_UNMARKED) ||
            !fold_in(&toks[d], DURATION))
            continue;
        for (uint32_t k = d + 2; k < n; k++) {
            if (st->head[k] != (int32_t)d || st->label[k] != DEP_NMOD)
                continue;
            /* its preposition: "on the phone", "on Tuesday" */
            int ok = 0;
            for (uint32_t q = d + 1; q < k; q++)
                if (st->head[q] == (int32_t)k && st->label[q] == DEP_CASE && fold_in(&toks[q], ON))
                    ok = 1;
            if (!ok)
                continue;
            st->head[k] = v;
            st->label[k] = DEP_OBL;
        }
    }
}

/* "approved the sale of 20,000 assault rifles to Israel", "the delivery of
 * F-16 jets to Ukraine": a "to" phrase on the goods of a transfer noun says
 * where the transfer goes, so it is the transfer noun's. */
static void fix_transfer_destination(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const TRANSFER[] = {"sale", "sales", "delivery", "deliveries", "transfer", "transfers",
        "shipment", "shipments", "export", "exports", "supply", "supplies", "provision", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t k = 3; k < n; k++) {
        int32_t g = st->head[k];
        if (st->label[k] != DEP_NMOD || g < 1 || (uint32_t)g >= k || m->tag_upos[sw->tag[k]] != UPOS_PROPN ||
            !fold_in(&toks[k - 1], (const char *const[]){"to", NULL}) || st->head[k - 1] != (int32_t)k)
            continue;
        int32_t t = st->head[g];
        if (st->label[g] != DEP_NMOD || t < 0 || t >= g || !fold_in(&toks[t], TRANSFER))
            continue;
        int of = 0;
        for (uint32_t q = (uint32_t)t + 1; q < (uint32_t)g; q++)
            if (st->head[q] == g && st->label[q] == DEP_CASE && fold_in(&toks[q], (const char *const[]){"of", NULL}))
                of = 1;
        if (of)
            st->head[k] = t;
    }
}

/* "United Nations Secretary-General Antonio Guterres on Monday condemned
 * ...": an opening titled name (capitalised words, glued hyphens, "of")
 * before the verb, which the parser split into a subject and an object
 * of it.  The name the title describes becomes the verb's subject and the
 * other words go inside its phrase (fix_opening_title handles the case
 * where the name already is the subject). */
static void fix_opening_name(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const DAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold || n < 5)
        return;
    /* (by XPOS: "United" can come out NNP with a verb's UPOS) */
    uint32_t f = 0;
    for (; f < n; f++) {
        int x = m->tag_xpos[sw->tag[f]];
        if (x == XPOS_VB || x == XPOS_VBD || x == XPOS_VBZ || x == XPOS_VBP || x == XPOS_VBN || x == XPOS_VBG ||
            x == XPOS_MD)
            break;
    }
    if (f >= n || f < 3)
        return;
    int xf = m->tag_xpos[sw->tag[f]];
    if (!(xf == XPOS_VBD || xf == XPOS_VBZ || xf == XPOS_VBP || xf == XPOS_MD))
        return;
    int32_t v = (int32_t)f;
    if (m->tag_upos[sw->tag[f]] == UPOS_AUX) {
        v = st->head[f];
        if (v <= (int32_t)f || (uint32_t)v >= n || m->tag_upos[sw->tag[v]] != UPOS_VERB)
            return;
    }
    uint32_t e = f - 1;
    if (e >= 3 && fold_in(&toks[e], DAYS) && fold_in(&toks[e - 1], (const char *const[]){"on", NULL}))
        e -= 2;
    if (e < 2)
        return;
    int hyphen = 0;
    for (uint32_t k = 0; k <= e; k++) {
        int u = m->tag_upos[sw->tag[k]];
        if (toks[k].fold_len == 1 && toks[k].fold[0] == '-' && k > 0 && k < e && toks[k - 1].end == toks[k].start &&
            toks[k].end == toks[k + 1].start) {
            hyphen = 1;
            continue;
        }
        if (fold_in(&toks[k], (const char *const[]){"of", NULL}) && k > 0 && capitalised(&toks[k - 1]))
            continue;
        int x = m->tag_xpos[sw->tag[k]];
        if (!capitalised(&toks[k]) ||
            !(u == UPOS_ADJ || u == UPOS_PROPN || u == UPOS_NOUN || x == XPOS_NNP || x == XPOS_NNPS))
            return;
    }
    /* the title must say whose name it is */
    int desc = 0;
    for (uint32_t k = 0; k <= e; k++)
        if (st->label[k] == DEP_NMOD_DESC && st->head[k] >= 0 && st->head[k] <= (int32_t)e)
            desc = 1;
    if (!desc || !hyphen)
        return;
    int32_t a = titled_name_head(st, 0, e);
    if (a < 0 || m->tag_upos[sw->tag[a]] != UPOS_PROPN || in_subtree(st, n, v, a))
        return;
    int stray = !(st->head[a] == v && st->label[a] == DEP_NSUBJ);
    for (uint32_t k = 0; k <= e && !stray; k++)
        stray = (int32_t)k != a && (st->head[k] < 0 || st->head[k] > (int32_t)e);
    if (!stray)
        return;
    /* the verb hangs outside the name (or is the complement of a root in it) */
    int32_t hv = st->head[v];
    if (hv >= 0 && hv <= (int32_t)e) {
        int32_t oldroot = -1;
        for (uint32_t k = 0; k <= e; k++)
            if ((uint32_t)st->head[k] >= n)
                oldroot = (int32_t)k;
        if (oldroot < 0 || !in_subtree(st, n, v, oldroot))
            return;
        for (uint32_t k = e + 1; k < n; k++)
            if (st->head[k] == oldroot && (int32_t)k != v)
                st->head[k] = v;
        st->head[v] = (int32_t)n;
        st->label[v] = DEP_ROOT;
    }
    st->head[a] = v;
    st->label[a] = DEP_NSUBJ;
    for (uint32_t k = 0; k <= e; k++)
        if ((m->tag_xpos[sw->tag[k]] == XPOS_NNP || m->tag_xpos[sw->tag[k]] == XPOS_NNPS) &&
            m->tag_upos[sw->tag[k]] != UPOS_PROPN)
            retag(m, sw, k, m->tag_xpos[sw->tag[k]], UPOS_PROPN);
    gather_titled_name(m, ws, toks, 0, e, a, n);
    /* glued hyphens are punctuation of the word after them */
    for (uint32_t k = 1; k < e; k++)
        if (toks[k].fold_len == 1 && toks[k].fold[0] == '-' && m->tag_upos[sw->tag[k]] == UPOS_PUNCT &&
            (st->head[k] < 0 || st->head[k] > (int32_t)e || st->label[k] != DEP_PUNCT)) {
            st->head[k] = (int32_t)(k + 1);
            st->label[k] = DEP_PUNCT;
        }
}

/* "said on Monday he had spoken to Israeli Foreign Minister Israel Katz":
 * a clause with its own subject read as a relative clause of the day after
 * a speech verb is the speech verb's complement; and a preposition read as
 * a verb's nominal argument (with the phrase after it the verb's object)
 * marks that phrase, an oblique. */
static void fix_said_on_day(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const DAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        NULL};
    static const char *const SAY[] = {"said", "says", "say", "told", "added", "announced", "warned", "stated",
        "confirmed", "insisted", "wrote", "declared", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t c = 3; c < n; c++) {
        int32_t d = st->head[c];
        if (st->label[c] != DEP_ACL_RELCL || d < 1 || (uint32_t)d >= c || !fold_in(&toks[d], DAYS))
            continue;
        int32_t sv = st->head[d];
        if (sv < 0 || sv >= d || st->label[d] != DEP_OBL || !fold_in(&toks[sv], SAY))
            continue;
        /* its own subject, no relative word ("that" right after the day
         * is the complementizer: "said on Thursday that Kyiv had ...") */
        int subj = 0, rel = 0, that = -1;
        for (uint32_t k = (uint32_t)d + 1; k < c; k++)
            if (st->head[k] == (int32_t)c) {
                if (st->label[k] == DEP_NSUBJ || st->label[k] == DEP_NSUBJ_PASS)
                    subj = 1;
                int xk = m->tag_xpos[sw->tag[k]];
                if (k == (uint32_t)d + 1 && fold_in(&toks[k], (const char *const[]){"that", NULL}))
                    that = (int32_t)k;
                else if (xk == XPOS_WDT || xk == XPOS_WP || xk == XPOS_WRB || xk == XPOS_WPS)
                    rel = 1;
            }
        if (!subj || rel)
            continue;
        st->head[c] = sv;
        st->label[c] = DEP_CCOMP;
        if (that >= 0) {
            st->label[that] = DEP_MARK;
            retag(m, sw, (uint32_t)that, XPOS_IN, UPOS_SCONJ);
        }
    }
    for (uint32_t p = 1; p + 1 < n; p++) {
        int32_t v = st->head[p];
        int l = st->label[p];
        if (m->tag_upos[sw->tag[p]] != UPOS_ADP || m->tag_xpos[sw->tag[p]] != XPOS_IN || v < 0 || (uint32_t)v >= p ||
            m->tag_upos[sw->tag[v]] != UPOS_VERB || !(l == DEP_OBL || l == DEP_OBJ || l == DEP_NSUBJ))
            continue;
        int kids = 0;
        for (uint32_t k = 0; k < n && !kids; k++)
            kids = st->head[k] == (int32_t)p;
        if (kids)
            continue;
        /* the phrase after it, hung on the verb as its object */
        uint32_t q = p + 1;
        for (uint32_t steps = 0; steps < 10 && st->head[q] > (int32_t)q && (uint32_t)st->head[q] < n &&
                                 st->head[q] != v; steps++)
            q = (uint32_t)st->head[q];
        int u = m->tag_upos[sw->tag[q]];
        if (st->head[q] != v || st->label[q] != DEP_OBJ || !(u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON))
            continue;
        st->head[p] = (int32_t)q;
        st->label[p] = DEP_CASE;
        st->label[q] = DEP_OBL;
    }
}

/* "suspended the declaration, after a landmine blast wounded two soldiers":
 * a subordinator read as the preposition of the subject of a finite verb
 * marks that verb's clause, an adverbial clause of the verb it hangs on. */
static void fix_subordinator_case(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const SUB[] = {"after", "before", "since", "until", "while", "because", "although", "though",
        "as", "once", "when", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t c = 1; c + 2 < n; c++) {
        int32_t s = st->head[c];
        if (st->label[c] != DEP_CASE || s <= (int32_t)c || (uint32_t)s >= n || !fold_in(&toks[c], SUB) ||
            !(st->label[s] == DEP_NSUBJ || st->label[s] == DEP_NSUBJ_PASS))
            continue;
        int32_t w = st->head[s];
        if (w <= s || (uint32_t)w >= n)
            continue;
        int xw = m->tag_xpos[sw->tag[w]];
        if (!(xw == XPOS_VBD || xw == XPOS_VBZ || xw == XPOS_VBP || xw == XPOS_MD ||
              ((xw == XPOS_VBN || xw == XPOS_VBG || xw == XPOS_VB) && child_of_label(st, n, (uint32_t)w, DEP_AUX) >= 0) ||
              child_of_label(st, n, (uint32_t)w, DEP_AUX_PASS) >= 0))
            continue;
        st->head[c] = w;
        st->label[c] = DEP_MARK;
        int lw = st->label[w];
        if (st->head[w] >= 0 && (uint32_t)st->head[w] < n &&
            (lw == DEP_CONJ || lw == DEP_PARATAXIS || lw == DEP_CCOMP || lw == DEP_DEP || lw == DEP_ACL_RELCL ||
             lw == DEP_ACL) && st->head[w] < (int32_t)c) {
            /* the clause modifies the verb before it */
            int32_t h = st->head[w];
            while (h >= 0 && (uint32_t)h < n && m->tag_upos[sw->tag[h]] != UPOS_VERB && st->head[h] < h)
                h = st->head[h];
            if (h >= 0 && (uint32_t)h < n && m->tag_upos[sw->tag[h]] == UPOS_VERB) {
                st->head[w] = h;
                st->label[w] = DEP_ADVCL;
            }
        }
    }
}

/* "Denmark has handed over ... to Ukraine, Danish Prime Minister Mette
 * Frederiksen said on Wednesday, fulfilling ...": a speech verb with no
 * subject right after a comma and a noun phrase (read as a conjunct of the
 * noun before the comma) takes that phrase as its subject, also when the
 * sentence goes on after it (fix_final_attribution handles the end). */
static void fix_mid_attribution(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const SAY[] = {"said", "says", "told", "added", "reported", "announced", "confirmed",
        "stated", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t r = 4; r + 1 < n; r++) {
        if (m->tag_upos[sw->tag[r]] != UPOS_VERB || !fold_in(&toks[r], SAY))
            continue;
        uint32_t s = r - 1;
        int su = m->tag_upos[sw->tag[s]];
        if (!(su == UPOS_PROPN || su == UPOS_NOUN) || (st->head[s] == (int32_t)r && st->label[s] == DEP_NSUBJ))
            continue;
        int subj = 0;
        for (uint32_t k = 0; k < n && !subj; k++)
            subj = st->head[k] == (int32_t)r && (st->label[k] == DEP_NSUBJ || st->label[k] == DEP_NSUBJ_PASS ||
                                                 st->label[k] == DEP_EXPL);
        if (subj)
            continue;
        int ls = st->label[s];
        if (!(ls == DEP_CONJ || ls == DEP_APPOS || ls == DEP_DEP || ls == DEP_OBJ || ls == DEP_OBL ||
              ls == DEP_NMOD || ls == DEP_PARATAXIS || ls == DEP_OBL_UNMARKED))
            continue;
        uint32_t a = s;
        while (a > 0) {
            int u = m->tag_upos[sw->tag[a - 1]];
            int32_t h = st->head[a - 1];
            int poss = m->tag_xpos[sw->tag[a - 1]] == XPOS_POS && a >= 2 && h == (int32_t)(a - 2);
            if (!(u == UPOS_DET || u == UPOS_ADJ || u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_NUM || poss) ||
                (!poss && (h < (int32_t)(a - 1) || h > (int32_t)s)))
                break;
            a--;
        }
        if (a < 2 || !(toks[a - 1].fold_len == 1 && toks[a - 1].fold[0] == ','))
            continue;
        if (in_subtree(st, n, (int32_t)r, (int32_t)s))
            continue; /* the verb hangs inside the phrase */
        /* the clause before the comma must hang on the speech verb (or
         * be its head): the sentence is "<report>, <source> said" */
        int32_t hs = st->head[s];
        if (!(hs >= 0 && hs < (int32_t)a && (in_subtree(st, n, hs, (int32_t)r) || in_subtree(st, n, (int32_t)r, hs))))
            continue;
        st->head[s] = (int32_t)r;
        st->label[s] = DEP_NSUBJ;
        st->head[a - 1] = (int32_t)r;
        st->label[a - 1] = DEP_PUNCT;
    }
}

/* "rejected on Monday opposition demands for a rerun", "dismissed on
 * Thursday Lee's offer": a day between a verb and its object, read as a
 * modifier of the object (or the object as the day's apposition).  The day
 * goes to the verb with its "on"; the noun phrase is the verb's object. */
static void fix_day_before_object(const syntax_model *m, syntax_ws *ws, const tok *toks, uint32_t n)
{
    static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                           "sunday", NULL};
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    if (!toks || !toks[0].fold)
        return;
    for (uint32_t d = 2; d + 1 < n; d++) {
        if (!(toks[d].flags & TOK_CAPITAL) || !fold_in(&toks[d], WEEKDAYS) ||
            !fold_in(&toks[d - 1], (const char *const[]){"on", NULL}))
            continue;
        int32_t v = (int32_t)d - 2;
        if (m->tag_upos[sw->tag[v]] != UPOS_VERB)
            continue;
        int obj = 0;
        for (uint32_t k = 0; k < n && !obj; k++)
            obj = st->head[k] == v && (st->label[k] == DEP_OBJ || st->label[k] == DEP_CCOMP);
        if (obj)
            continue;
        int32_t x = -1;
        if (st->label[d] == DEP_COMPOUND && st->head[d] > (int32_t)d && st->head[st->head[d]] == v &&
            st->head[d - 1] == st->head[d])
            x = st->head[d]; /* "on Monday opposition demands" */
        else if (st->head[d] == v)
            for (uint32_t k = d + 1; k < n && x < 0; k++)
                if (st->head[k] == (int32_t)d && st->label[k] == DEP_APPOS && m->tag_xpos[sw->tag[d + 1]] != XPOS_COMMA)
                    x = (int32_t)k; /* "on Thursday South Korean President Lee's offer" */
        if (x < 0 || !(m->tag_upos[sw->tag[x]] == UPOS_NOUN || m->tag_upos[sw->tag[x]] == UPOS_PROPN))
            continue;
        st->head[d] = v;
        st->label[d] = DEP_OBL;
        st->head[d - 1] = (int32_t)d;
        st->label[d - 1] = DEP_CASE;
        st->head[x] = v;
        st->label[x] = DEP_OBJ;
    }
}

/* "rampaged through the town, setting homes on fire": a gerund after its
 * verb and a comma is an adverbial clause, not the verb's clausal subject */
static void fix_late_csubj(const syntax_model *m, syntax_ws *ws, uint32_t n)
{
    syn_words *sw = &ws->sw;
    syn_state *st = &ws->st;
    for (uint32_t c = 1; c < n; c++) {
        if (st->label[c] == DEP_CSUBJ && st->head[c] >= 0 && (uint32_t)st->head[c] < c &&
            m->tag_xpos[sw->tag[c]] == XPOS_VBG && m->tag_xpos[sw->tag[c - 1]] == XPOS_COMMA)
            st->label[c] = DEP_ADVCL;
        /* "is due to meet He Lifeng": "due to" before a verb is "due" with
         * an infinitive, not the preposition "due to" */
        if (c >= 2 && m->tag_xpos[sw->tag[c]] == XPOS_VB && st->label[c - 1] == DEP_FIXED &&
            st->head[c - 1] == (int32_t)(c - 2) && st->head[c] == (int32_t)(c - 2) &&
            m->tag_upos[sw->tag[c - 2]] == UPOS_ADJ) {
            st->head[c - 1] = (int32_t)c;
            st->label[c - 1] = DEP_MARK;
            st->label[c] = DEP_XCOMP;
        }
    }
}

int syntax_annotate(const syntax_model *m, syntax_ws *ws, tok *toks, uint32_t n, arena *a)
{
    if (n == 0)
        return 0;
    if (syn_words_reserve(&ws->sw, n) != 0 || syn_state_reserve(&ws->st, n) != 0)
        return CLIO_ERR_NOMEM;
    size_t total = 0;
    for (uint32_t i = 0; i < n; i++)
        total += toks[i].form_len + toks[i].fold_len;
    if (total + 1 > ws->lower_cap) {
        size_t cap = ws->lower_cap ? ws->lower_cap : 1024;
        while (cap < total + 1)
            cap *= 2;
        char *p = realloc(ws->lower, cap);
        if (!p)
            return CLIO_ERR_NOMEM;
        ws->lower = p;
        ws->lower_cap = cap;
    }
    if (!a && 2 * total + 64 * (size_t)n > ws->lemmas_cap) {
        size_t cap = 2 * total + 64 * (size_t)n;
        char *p = realloc(ws->lemmas, cap);
        if (!p)
            return CLIO_ERR_NOMEM;
        ws->lemmas = p;
        ws->lemmas_cap = cap;
    }
    syn_words *sw = &ws->sw;
    sw->n = n;
    for (uint32_t i = 0; i < n; i++)
        syn_words_set(sw, i, toks[i].form, toks[i].form_len);
    tag_sentence(m, ws, n);
    fix_auxiliaries(m, ws, toks, n);
    fix_floating_quantifier(m, ws, toks, n);
    if (!parse_without_day(m, ws, toks, n))
        parse_sentence(m, ws, n);
    if (fix_subject_participle(m, ws, toks, n))
        parse_sentence(m, ws, n);
    fix_opening_title(m, ws, toks, n);
    fix_titled_pair(m, ws, toks, n);
    fix_opening_name(m, ws, toks, n);
    fix_final_attribution(m, ws, toks, n);
    fix_mid_attribution(m, ws, toks, n);
    fix_coordination(m, ws, n);
    fix_list_coordination(m, ws, n);
    fix_object_infinitive(m, ws, toks, n);
    fix_accused_of_gerund(m, ws, toks, n);
    fix_out_of(m, ws, toks, n);
    fix_hostage(m, ws, toks, n);
    fix_ditransitive(m, ws, toks, n);
    fix_model_designation(m, ws, toks, n);
    fix_place_apposition(m, ws, toks, n);
    fix_wire_attachments(m, ws, toks, n);
    fix_transfer_destination(m, ws, toks, n);
    fix_said_on_day(m, ws, toks, n);
    fix_subordinator_case(m, ws, toks, n);
    fix_subject_coordination(m, ws, n);
    fix_double_object(m, ws, toks, n);
    fix_punct_heads(m, ws, toks, n);
    fix_noun_attachments(m, ws, toks, n);
    fix_conj_appos(m, ws, n);
    fix_up_to(m, ws, toks, n);
    fix_coordinated_modifier(m, ws, toks, n);
    fix_name_before_quantity(m, ws, toks, n);
    fix_verb_case_vocative(m, ws, toks, n);
    fix_conjunct_subject(m, ws, n);
    fix_double_subject(m, ws, n);
    fix_late_csubj(m, ws, n);
    fix_day_before_object(m, ws, toks, n);

    syn_state *st = &ws->st;
    size_t lemma_used = 0;
    for (uint32_t i = 0; i < n; i++) {
        tok *t = &toks[i];
        int c = sw->tag[i];
        t->xpos = m->tag_xpos[c];
        t->upos = m->tag_upos[c];
        t->head = (uint32_t)st->head[i] >= n ? -1 : st->head[i];
        t->deprel = t->head < 0 ? DEP_ROOT : st->label[i];
        /* lower-case key for lemmas: the form when ASCII, else the fold */
        const char *src = t->form;
        size_t len = t->form_len;
        int ascii = 1;
        for (size_t k = 0; k < len; k++)
            if ((unsigned char)src[k] >= 0x80) { ascii = 0; break; }
        if (!ascii && t->fold && t->fold_len) {
            src = t->fold;
            len = t->fold_len;
        }
        char *low = ws->lower;
        syn_lower(src, len, low);
        char lembuf[256];
        const char *ms;
        size_t ll = syn_lemma(&m->lemmas, low, len, t->xpos, lembuf, sizeof lembuf, &ms);
        const char *lem = ms ? ms : lembuf;
        t->feats = syn_feats(t->xpos, low, len, st->lset[i] | st->rset[i]);
        if (ms) {
            t->lemma = ms;
        } else if (ll <= len && memcmp(lem, src, ll) == 0) {
            t->lemma = src;
        } else if (t->fold && ll <= t->fold_len && memcmp(lem, t->fold, ll) == 0) {
            t->lemma = t->fold;
        } else if (a) {
            char *p = arena_alloc(a, ll + 1);
            if (!p)
                return CLIO_ERR_NOMEM;
            memcpy(p, lem, ll);
            t->lemma = p;
        } else {
            /* no arena: the lemma lives in ws until the next call */
            if (lemma_used + ll > ws->lemmas_cap)
                ll = 0;
            memcpy(ws->lemmas + lemma_used, lem, ll);
            t->lemma = ws->lemmas + lemma_used;
            lemma_used += ll;
        }
        t->lemma_len = (uint32_t)ll;
    }
    return 0;
}

/*
 * lexicon.c - the run-time dictionary: maps the compiled image
 * (lexicon_image.h) read-only, overlays a user dictionary compiled in memory,
 * and answers the look-ups of the later stages.
 *
 * Actor names stay in the image: a name is found by hashing the fold key of
 * the first token of a candidate span, walking the names of that bucket and
 * comparing the following fold keys; no allocation, no copy.  The small
 * tables (event patterns, CAMEO codes, examples) are decoded once at load
 * into arrays of plain structs whose strings point into the image, so the
 * coder reads ordinary C structs; patterns are grouped by (head lemma, part
 * of speech) behind a small open-addressing hash table.
 *
 * Hands on: lex_match spans to actors.c, lex_pattern lists to coder.c,
 * lex_code rows to emit.c, examples to the test suite.
 */
#include "lexicon.h"
#include "lexicon_image.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct image {
    const unsigned char *base;
    size_t size;
    int mapped;                 /* 1: munmap, 0: free */
    int user;
    const img_header *h;
    const char *str; uint32_t nstr;
    const uint32_t *files; uint32_t nfiles;
    const img_name *names; uint32_t nnames;
    const img_tok *toks; uint32_t ntoks;
    const uint32_t *bucket; uint32_t nb;
    const img_person *persons; uint32_t npersons;
    const img_office *offices; uint32_t noffices;
    const img_code *codes; uint32_t ncodes;
    const img_pat *pats; uint32_t npats;
    const img_cons *cons; uint32_t ncons;
    const img_slot *slots; uint32_t nslots;
    const uint32_t *list; uint32_t nlist;
    const img_ex *exs; uint32_t nexs;
    const img_exev *exevs; uint32_t nexevs;
} image;

typedef struct pkey { const char *lemma; uint32_t len; int pos; uint32_t first, count; } pkey;

struct lexicon {
    image img[2];               /* searched in this order: user first when present */
    int nimg;
    lex_pattern *pats; uint32_t npats;
    lex_constraint *cons;
    const char **lists;
    lex_example *exs; uint32_t nexs;
    lex_expect *exevs;
    lex_code *codes; uint32_t ncodes;
    lex_pattern *pidx;          /* patterns copied per head, grouped by key */
    pkey *ptab; uint32_t pcap;
    lexicon_stats st;
};

static const char *const KIND_NAMES[] = { "", "COUNTRY", "ADJ", "ACTOR", "PERSON", "ROLE" };
const char *lex_kind_name(int kind)
{
    return kind > 0 && kind < LEX_KIND_COUNT ? KIND_NAMES[kind] : "";
}

const char *lex_slot_name(int kind)
{
    static const char *const n[] = { "", "subj", "obj", "iobj", "poss", "mod", "@", "comp", "xobj" };
    return kind > 0 && kind <= LEX_SLOT_XOBJ ? n[kind] : "";
}

const char *lex_frame_name(int frame)
{
    static const char *const n[] = { "", "intent", "appeal", "reject", "say", "deny" };
    return frame > 0 && frame <= LEX_FRAME_DENY ? n[frame] : "";
}

static void set_err(clio_error *err, int code, const char *file, const char *msg)
{
    if (!err) return;
    memset(err, 0, sizeof *err);
    err->code = code;
    if (file) snprintf(err->file, sizeof err->file, "%s", file);
    snprintf(err->message, sizeof err->message, "%s", msg);
}

/* ------------------------------------------------------------ the image */
static int image_open(image *g, const void *data, size_t size, const char *what, clio_error *err)
{
    static const size_t recsize[SEC_COUNT] = {
        1, sizeof(uint32_t), sizeof(img_name), sizeof(img_tok), sizeof(uint32_t),
        sizeof(img_person), sizeof(img_office), sizeof(img_code), sizeof(img_pat),
        sizeof(img_cons), sizeof(img_slot), sizeof(uint32_t), sizeof(img_ex), sizeof(img_exev)
    };
    const uint16_t one = 1;
    if (*(const unsigned char *)&one != 1) { set_err(err, CLIO_ERR_MODEL, what, "dictionary images need a little-endian host"); return -1; }
    const img_header *h = data;
    if (size < sizeof *h || memcmp(h->magic, LEX_IMAGE_MAGIC, 8)) { set_err(err, CLIO_ERR_MODEL, what, "not a clio dictionary image (bad magic)"); return -1; }
    if (h->version != LEX_IMAGE_VERSION) { set_err(err, CLIO_ERR_MODEL, what, "dictionary image has another format version: rebuild it with this dictc"); return -1; }
    if (h->header_size != sizeof *h || h->total_size != size || h->nsections != SEC_COUNT) { set_err(err, CLIO_ERR_MODEL, what, "dictionary image is truncated or corrupt (sizes)"); return -1; }
    if (lex_checksum((const char *)data + sizeof *h, size - sizeof *h) != h->checksum) { set_err(err, CLIO_ERR_MODEL, what, "dictionary image is corrupt (checksum)"); return -1; }
    for (int s = 0; s < SEC_COUNT; s++) {
        uint64_t end = (uint64_t)h->sec[s].off + (uint64_t)h->sec[s].count * recsize[s];
        if (h->sec[s].off < sizeof *h || end > size || (s && h->sec[s].off % 4)) { set_err(err, CLIO_ERR_MODEL, what, "dictionary image is corrupt (sections)"); return -1; }
    }
    const unsigned char *b = data;
    g->base = b; g->size = size; g->h = h;
#define SEC(field, nfield, which, T) g->field = (const T *)(const void *)(b + h->sec[which].off); g->nfield = h->sec[which].count
    SEC(str, nstr, SEC_STR, char);
    SEC(files, nfiles, SEC_FILE, uint32_t);
    SEC(names, nnames, SEC_NAME, img_name);
    SEC(toks, ntoks, SEC_TOK, img_tok);
    SEC(bucket, nb, SEC_BUCKET, uint32_t);
    SEC(persons, npersons, SEC_PERSON, img_person);
    SEC(offices, noffices, SEC_OFFICE, img_office);
    SEC(codes, ncodes, SEC_CODE, img_code);
    SEC(pats, npats, SEC_PAT, img_pat);
    SEC(cons, ncons, SEC_CONS, img_cons);
    SEC(slots, nslots, SEC_SLOT, img_slot);
    SEC(list, nlist, SEC_LIST, uint32_t);
    SEC(exs, nexs, SEC_EX, img_ex);
    SEC(exevs, nexevs, SEC_EXEV, img_exev);
#undef SEC
    if (g->nstr == 0 || g->str[g->nstr - 1] != '\0' || g->nb < 2 || ((g->nb - 1) & (g->nb - 2)) ||
        g->bucket[g->nb - 1] != g->nnames) {
        set_err(err, CLIO_ERR_MODEL, what, "dictionary image is corrupt (tables)"); return -1;
    }
    g->nb -= 1;   /* number of buckets */
    return 0;
}

static void image_close(image *g)
{
    if (!g->base) return;
    if (g->mapped) munmap((void *)g->base, g->size);
    else free((void *)g->base);
    memset(g, 0, sizeof *g);
}

static const char *gs(const image *g, uint32_t off) { return off < g->nstr ? g->str + off : ""; }
static const char *gfile(const image *g, uint32_t f) { return f < g->nfiles ? gs(g, g->files[f]) : ""; }

/* ------------------------------------------------------- decoded tables */
typedef struct pent { const char *lemma; uint32_t len; int pos; uint32_t order; uint32_t pat; } pent;
static int cmp_pent(const void *a, const void *b)
{
    const pent *x = a, *y = b;
    int r = strcmp(x->lemma, y->lemma);
    if (r) return r;
    if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static uint32_t pkey_hash(const char *s, size_t n, int pos)
{
    return lex_fnv1a(s, n, LEX_FNV_INIT) ^ (uint32_t)pos * 2654435761u;
}

static void unbuild(lexicon *lx)
{
    free(lx->pats); free(lx->cons); free(lx->lists); free(lx->exs); free(lx->exevs);
    free(lx->codes); free(lx->pidx); free(lx->ptab);
    lx->pats = NULL; lx->cons = NULL; lx->lists = NULL; lx->exs = NULL; lx->exevs = NULL;
    lx->codes = NULL; lx->pidx = NULL; lx->ptab = NULL;
    lx->npats = lx->nexs = lx->ncodes = lx->pcap = 0;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int build(lexicon *lx)
{
    unbuild(lx);
    memset(&lx->st, 0, sizeof lx->st);
    size_t np = 0, nc = 0, nl = 0, nx = 0, nv = 0, nk = 0, nheads = 0;
    for (int k = 0; k < lx->nimg; k++) {
        const image *g = &lx->img[k];
        np += g->npats; nc += g->ncons; nl += g->nlist; nx += g->nexs; nv += g->nexevs; nk += g->ncodes;
        for (uint32_t i = 0; i < g->npats; i++) nheads += g->pats[i].nheads;
        lx->st.files += g->nfiles;
        lx->st.offices += g->noffices;
        for (uint32_t i = 0; i < g->nnames; i++) {
            switch (g->names[i].kind) {
            case LEX_COUNTRY: lx->st.countries++; break;
            case LEX_ADJ: lx->st.adjs++; break;
            case LEX_ACTOR: lx->st.actors++; break;
            case LEX_PERSON: lx->st.persons++; break;
            case LEX_ROLE: lx->st.roles++; break;
            default: break;
            }
        }
        lx->st.names += g->nnames;
    }
    lx->pats = calloc(np + 1, sizeof *lx->pats);
    lx->cons = calloc(nc + 1, sizeof *lx->cons);
    lx->lists = calloc(nl + 1, sizeof *lx->lists);
    lx->exs = calloc(nx + 1, sizeof *lx->exs);
    lx->exevs = calloc(nv + 1, sizeof *lx->exevs);
    lx->codes = calloc(nk + 1, sizeof *lx->codes);
    pent *pe = calloc(nheads + 1, sizeof *pe);
    if (!lx->pats || !lx->cons || !lx->lists || !lx->exs || !lx->exevs || !lx->codes || !pe) { free(pe); return CLIO_ERR_NOMEM; }
    size_t op = 0, oc = 0, ol = 0, ox = 0, ov = 0, ok = 0, oh = 0, nk0 = 0;
    for (int k = 0; k < lx->nimg; k++) {
        const image *g = &lx->img[k];
        size_t lbase = ol, cbase = oc, pbase = op, xbase = ox, vbase = ov;
        for (uint32_t i = 0; i < g->nlist; i++) lx->lists[ol++] = gs(g, g->list[i]);
        for (uint32_t i = 0; i < g->ncons; i++, oc++) {
            const img_cons *s = &g->cons[i];
            lex_constraint *d = &lx->cons[oc];
            d->kind = (int)s->kind; d->negative = (int)s->negative; d->deprel = (int)s->deprel;
            d->prep = s->kind == LEX_CONS_PREP ? gs(g, s->prep) : NULL;
            if (s->preps + (uint64_t)s->npreps > g->nlist) return CLIO_ERR_MODEL;
            d->preps = s->npreps ? lx->lists + lbase + s->preps : NULL;
            d->npreps = s->npreps;
            if (s->lemmas + (uint64_t)s->nlemmas > g->nlist) return CLIO_ERR_MODEL;
            d->lemmas = lx->lists + lbase + s->lemmas; d->nlemmas = s->nlemmas;
            /* long lists sorted, for the coder's binary search (lemma_in) */
            if (s->nlemmas > LEX_SORTED_LIST)
                qsort((void *)(lx->lists + lbase + s->lemmas), s->nlemmas, sizeof *lx->lists, cmp_cstr);
        }
        for (uint32_t i = 0; i < g->nexevs; i++, ov++)
            lx->exevs[ov] = (lex_expect){ gs(g, g->exevs[i].src), gs(g, g->exevs[i].tgt), gs(g, g->exevs[i].code) };
        for (uint32_t i = 0; i < g->npats; i++, op++) {
            const img_pat *s = &g->pats[i];
            lex_pattern *d = &lx->pats[op];
            if (s->heads + (uint64_t)s->nheads > g->nlist || s->cons + (uint64_t)s->ncons > g->ncons ||
                s->src + (uint64_t)s->nsrc > g->nslots || s->tgt + (uint64_t)s->ntgt > g->nslots ||
                s->nsrc > LEX_MAX_SLOTS || s->ntgt > LEX_MAX_SLOTS || s->ex + (uint64_t)s->nex > g->nexs)
                return CLIO_ERR_MODEL;
            d->code = gs(g, s->code);
            d->heads = lx->lists + lbase + s->heads; d->nheads = s->nheads;
            d->pos = (int)s->pos;
            d->cons = lx->cons + cbase + s->cons; d->ncons = s->ncons;
            for (uint32_t j = 0; j < s->nsrc; j++) {
                const img_slot *sl = &g->slots[s->src + j];
                d->src[j] = (lex_slot){ (int)sl->kind, sl->kind == LEX_SLOT_PREP ? gs(g, sl->prep) : NULL };
            }
            d->nsrc = s->nsrc;
            for (uint32_t j = 0; j < s->ntgt; j++) {
                const img_slot *sl = &g->slots[s->tgt + j];
                d->tgt[j] = (lex_slot){ (int)sl->kind, sl->kind == LEX_SLOT_PREP ? gs(g, sl->prep) : NULL };
            }
            d->ntgt = s->ntgt;
            d->flags = s->flags;
            d->intent = s->intent ? gs(g, s->intent) : NULL;
            d->appeal = s->appeal ? gs(g, s->appeal) : NULL;
            d->reject = s->reject ? gs(g, s->reject) : NULL;
            d->neg = s->neg ? gs(g, s->neg) : NULL;
            d->frame = (int)s->frame;
            d->file = gfile(g, s->file); d->line = s->line;
            d->first_example = (uint32_t)(xbase + s->ex); d->nexamples = s->nex;
            d->user = g->user;
            for (uint32_t j = 0; j < s->nheads; j++, oh++)
                pe[oh] = (pent){ d->heads[j], (uint32_t)strlen(d->heads[j]), d->pos, (uint32_t)op, (uint32_t)op };
        }
        for (uint32_t i = 0; i < g->nexs; i++, ox++) {
            const img_ex *s = &g->exs[i];
            lex_example *d = &lx->exs[ox];
            if (s->ev + (uint64_t)s->nev > g->nexevs || s->pattern >= g->npats) return CLIO_ERR_MODEL;
            d->sentence = gs(g, s->sentence); d->expected = gs(g, s->expected);
            d->events = lx->exevs + vbase + s->ev; d->nevents = s->nev; d->expect_none = (int)s->none;
            d->pattern = &lx->pats[pbase + s->pattern];
            d->file = gfile(g, s->file); d->line = s->line;
        }
        for (uint32_t i = 0; i < g->ncodes; i++) {
            const img_code *s = &g->codes[i];
            lex_code *d = &lx->codes[ok++];
            *d = (lex_code){ gs(g, s->code), s->goldstein100 / 100.0, (int)s->quad, gs(g, s->event),
                             gs(g, s->mode), gs(g, s->name), gfile(g, s->file), s->line };
        }
        if (k == 0) nk0 = ok;
    }
    lx->npats = (uint32_t)op; lx->nexs = (uint32_t)ox;
    /* codes: each image's run is sorted; merge them, the first image (the
     * user's) winning a code both define */
    if (lx->nimg == 2 && nk0 && ok > nk0) {
        lex_code *m = calloc(ok, sizeof *m);
        if (!m) { free(pe); return CLIO_ERR_NOMEM; }
        size_t a = 0, b = nk0, w = 0;
        while (a < nk0 || b < ok) {
            int r = a >= nk0 ? 1 : b >= ok ? -1 : strcmp(lx->codes[a].code, lx->codes[b].code);
            if (r <= 0) { m[w++] = lx->codes[a++]; if (r == 0) b++; }
            else m[w++] = lx->codes[b++];
        }
        free(lx->codes);
        lx->codes = m;
        ok = w;
    }
    lx->ncodes = (uint32_t)ok;
    /* pattern index */
    qsort(pe, oh, sizeof *pe, cmp_pent);
    lx->pidx = calloc(oh + 1, sizeof *lx->pidx);
    uint32_t cap = 16;
    while (cap < oh * 2) cap *= 2;
    lx->ptab = calloc(cap, sizeof *lx->ptab);
    if (!lx->pidx || !lx->ptab) { free(pe); return CLIO_ERR_NOMEM; }
    lx->pcap = cap;
    for (size_t i = 0; i < oh;) {
        size_t j = i;
        while (j < oh && pe[j].pos == pe[i].pos && !strcmp(pe[j].lemma, pe[i].lemma)) {
            lx->pidx[j] = lx->pats[pe[j].pat];
            j++;
        }
        uint32_t hsh = pkey_hash(pe[i].lemma, pe[i].len, pe[i].pos) & (cap - 1);
        while (lx->ptab[hsh].lemma) hsh = (hsh + 1) & (cap - 1);
        lx->ptab[hsh] = (pkey){ pe[i].lemma, pe[i].len, pe[i].pos, (uint32_t)i, (uint32_t)(j - i) };
        i = j;
    }
    free(pe);
    lx->st.patterns = lx->npats; lx->st.examples = lx->nexs; lx->st.codes = lx->ncodes;
    for (uint32_t i = 0; i < lx->npats; i++) {
        uint32_t j = 0;
        for (; j < i; j++) if (!strcmp(lx->pats[j].code, lx->pats[i].code)) break;
        if (j == i) lx->st.codes_with_pattern++;
    }
    return 0;
}

/* ------------------------------------------------------------- loading */
static int map_file(const char *path, image *g, clio_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { set_err(err, CLIO_ERR_IO, path, "cannot open the dictionary image"); return -1; }
    struct stat sb;
    if (fstat(fd, &sb) || sb.st_size <= 0) { close(fd); set_err(err, CLIO_ERR_MODEL, path, "dictionary image is empty"); return -1; }
    void *p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) { set_err(err, CLIO_ERR_IO, path, "cannot map the dictionary image"); return -1; }
    g->mapped = 1;
    if (image_open(g, p, (size_t)sb.st_size, path, err)) { munmap(p, (size_t)sb.st_size); memset(g, 0, sizeof *g); return -1; }
    return 0;
}

lexicon *lexicon_load_memory(const void *data, size_t len, clio_error *err)
{
    lexicon *lx = calloc(1, sizeof *lx);
    void *copy = malloc(len ? len : 1);
    if (!lx || !copy) { free(lx); free(copy); set_err(err, CLIO_ERR_NOMEM, NULL, "out of memory"); return NULL; }
    memcpy(copy, data, len);
    if (image_open(&lx->img[0], copy, len, "(memory)", err)) { free(copy); free(lx); return NULL; }
    lx->nimg = 1;
    int rc = build(lx);
    if (rc) { lexicon_free(lx); set_err(err, rc, NULL, rc == CLIO_ERR_NOMEM ? "out of memory" : "dictionary image is corrupt"); return NULL; }
    return lx;
}

lexicon *lexicon_load(const char *image_path, const char *user_dict_dir, clio_error *err)
{
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) { set_err(err, CLIO_ERR_NOMEM, NULL, "out of memory"); return NULL; }
    if (image_path) {
        if (map_file(image_path, &lx->img[0], err)) { free(lx); return NULL; }
        lx->nimg = 1;
    }
    int rc = build(lx);
    if (rc) goto fail;
    if (user_dict_dir) {
        clio_buf img = { 0 }, diag = { 0 };
        const char *paths[1] = { user_dict_dir };
        rc = lexicon_compile(paths, 1, lx, &img, &diag, NULL);
        if (rc) {
            if (err) {
                memset(err, 0, sizeof *err);
                err->code = rc;
                /* first message "FILE:LINE: text" -> file, line, message */
                const char *m = diag.data ? diag.data : "";
                const char *nl = strchr(m, '\n');
                size_t ml = nl ? (size_t)(nl - m) : strlen(m);
                const char *c1 = memchr(m, ':', ml);
                const char *c2 = c1 ? memchr(c1 + 1, ':', ml - (size_t)(c1 + 1 - m)) : NULL;
                if (c1 && c2) {
                    snprintf(err->file, sizeof err->file, "%.*s", (int)(c1 - m), m);
                    err->line = (unsigned)strtoul(c1 + 1, NULL, 10);
                    const char *t = c2 + 1; while (*t == ' ') t++;
                    snprintf(err->message, sizeof err->message, "%.*s", (int)(ml - (size_t)(t - m)), t);
                } else snprintf(err->message, sizeof err->message, "%.*s", (int)ml, m);
                if (!err->message[0]) snprintf(err->message, sizeof err->message, "user dictionary could not be compiled");
            }
            free(img.data); free(diag.data);
            lexicon_free(lx);
            return NULL;
        }
        free(diag.data);
        /* the user image goes first so that it wins */
        lx->img[1] = lx->img[0];
        memset(&lx->img[0], 0, sizeof lx->img[0]);
        if (image_open(&lx->img[0], img.data, img.len, user_dict_dir, err)) { free(img.data); lexicon_free(lx); return NULL; }
        lx->img[0].user = 1;
        lx->nimg = image_path ? 2 : 1;
        if (!image_path) { lx->img[1] = (image){ 0 }; }
        rc = build(lx);
        if (rc) goto fail;
    }
    return lx;
fail:
    set_err(err, rc, image_path, rc == CLIO_ERR_NOMEM ? "out of memory" : "dictionary image is corrupt (records)");
    lexicon_free(lx);
    return NULL;
}

void lexicon_free(lexicon *lx)
{
    if (!lx) return;
    unbuild(lx);
    for (int k = 0; k < 2; k++) image_close(&lx->img[k]);
    free(lx);
}

void lexicon_get_stats(const lexicon *lx, lexicon_stats *st) { *st = lx->st; }

/* -------------------------------------------------------------- actors */
static int kind_rank(int kind)
{
    switch (kind) {
    case LEX_ACTOR: return 0;
    case LEX_PERSON: return 1;
    case LEX_COUNTRY: return 2;
    case LEX_ADJ: return 3;
    default: return 4;
    }
}

/* 1 when a sorts before b in lexicon_match's output. */
static int match_before(const lex_match *a, const lex_match *b)
{
    if (a->ntok != b->ntok) return a->ntok > b->ntok;
    if (a->user != b->user) return a->user;
    if (kind_rank(a->kind) != kind_rank(b->kind)) return kind_rank(a->kind) < kind_rank(b->kind);
    return a->from > b->from;   /* the later-starting range */
}

static void resolve(const image *g, const img_name *nm, int32_t dk, uint32_t skip, lex_match *m)
{
    memset(m, 0, sizeof *m);
    m->kind = (int)nm->kind;
    m->ntok = nm->ntok + skip;
    m->code = gs(g, nm->code);
    m->name = gs(g, nm->name);
    m->title = "";
    m->key = "";
    m->file = gfile(g, nm->file);
    m->line = nm->line;
    m->from = nm->from; m->to = nm->to;
    m->user = g->user;
    if (nm->kind == LEX_COUNTRY) m->key = gs(g, nm->aux);
    if (nm->kind != LEX_PERSON || nm->aux >= g->npersons) return;
    const img_person *p = &g->persons[nm->aux];
    m->key = gs(g, p->key);
    m->from = 0; m->to = LEX_DATE_OPEN;
    const img_office *best = NULL;
    for (uint32_t k = 0; k < p->noffice && p->office + k < g->noffices; k++) {
        const img_office *o = &g->offices[p->office + k];   /* sorted by start */
        if (dk == 0 || (o->from <= dk && dk <= o->to)) best = o;
    }
    if (!best) return;
    m->code = gs(g, best->code);
    m->title = gs(g, best->title);
    m->office_file = gfile(g, best->file);
    m->office_line = best->line;
    m->from = best->from; m->to = best->to;
}

int lexicon_match(const lexicon *lx, const tok *toks, uint32_t i, uint32_t n, ymd date,
                  lex_match *out, int max)
{
    if (!lx || i >= n || max <= 0) return 0;
    int32_t dk = lex_date_key(date);
    int cnt = 0;
    for (uint32_t skip = 0; skip < 2; skip++) {
        if (skip && !(i + 1 < n && toks[i].fold_len == 3 && memcmp(toks[i].fold, "the", 3) == 0)) break;
        uint32_t s0 = i + skip;
        const tok *t0 = &toks[s0];
        uint32_t h = lex_fnv1a(t0->fold, t0->fold_len, LEX_FNV_INIT);
        for (int k = 0; k < lx->nimg; k++) {
            const image *g = &lx->img[k];
            uint32_t b = h & (g->nb - 1);
            for (uint32_t e = g->bucket[b]; e < g->bucket[b + 1] && e < g->nnames; e++) {
                const img_name *nm = &g->names[e];
                if (nm->ntok > n - s0 || nm->tok + (uint64_t)nm->ntok > g->ntoks) continue;
                uint32_t j = 0;
                for (; j < nm->ntok; j++) {
                    const img_tok *it = &g->toks[nm->tok + j];
                    const tok *t = &toks[s0 + j];
                    if (it->len != t->fold_len || memcmp(gs(g, it->str), t->fold, it->len)) break;
                }
                if (j < nm->ntok) continue;
                if (nm->kind == LEX_ACTOR && dk && (dk < nm->from || dk > nm->to)) continue;
                lex_match m;
                resolve(g, nm, dk, skip, &m);
                /* insertion into the sorted output, keeping the best max */
                int pos = cnt;
                while (pos > 0 && match_before(&m, &out[pos - 1])) pos--;
                if (pos >= max) continue;
                int last = cnt < max ? cnt : max - 1;
                for (int q = last; q > pos; q--) out[q] = out[q - 1];
                out[pos] = m;
                if (cnt < max) cnt++;
            }
        }
    }
    return cnt;
}

int lexicon_person_offices(const lexicon *lx, const char *key, lex_office *out, int max)
{
    for (int k = 0; k < lx->nimg; k++) {
        const image *g = &lx->img[k];
        for (uint32_t p = 0; p < g->npersons; p++) {
            if (strcmp(gs(g, g->persons[p].key), key)) continue;
            int cnt = 0;
            for (uint32_t j = 0; j < g->persons[p].noffice && cnt < max; j++) {
                uint32_t oi = g->persons[p].office + j;
                if (oi >= g->noffices) break;
                const img_office *o = &g->offices[oi];
                out[cnt++] = (lex_office){ gs(g, o->code), gs(g, o->title), gfile(g, o->file), o->line, o->from, o->to };
            }
            return cnt;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ patterns */
const lex_pattern *lexicon_patterns(const lexicon *lx, const char *lemma, size_t len, int pos,
                                    uint32_t *count)
{
    *count = 0;
    if (!lx || !lx->pcap) return NULL;
    uint32_t h = pkey_hash(lemma, len, pos) & (lx->pcap - 1);
    while (lx->ptab[h].lemma) {
        const pkey *k = &lx->ptab[h];
        if (k->pos == pos && k->len == len && !memcmp(k->lemma, lemma, len)) {
            *count = k->count;
            return lx->pidx + k->first;
        }
        h = (h + 1) & (lx->pcap - 1);
    }
    return NULL;
}

uint32_t lexicon_pattern_count(const lexicon *lx) { return lx->npats; }
const lex_pattern *lexicon_pattern(const lexicon *lx, uint32_t i) { return i < lx->npats ? &lx->pats[i] : NULL; }

/* --------------------------------------------------------------- codes */
const lex_code *lexicon_code(const lexicon *lx, const char *code)
{
    size_t lo = 0, hi = lx->ncodes;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        int r = strcmp(lx->codes[m].code, code);
        if (!r) return &lx->codes[m];
        if (r < 0) lo = m + 1; else hi = m;
    }
    return NULL;
}
uint32_t lexicon_code_count(const lexicon *lx) { return lx->ncodes; }
const lex_code *lexicon_code_at(const lexicon *lx, uint32_t i) { return i < lx->ncodes ? &lx->codes[i] : NULL; }

/* ------------------------------------------------------------ examples */
uint32_t lexicon_example_count(const lexicon *lx) { return lx->nexs; }
const lex_example *lexicon_example(const lexicon *lx, uint32_t i) { return i < lx->nexs ? &lx->exs[i] : NULL; }

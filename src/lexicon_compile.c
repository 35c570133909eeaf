/*
 * lexicon_compile.c - the dictionary compiler: text files (docs/DICTIONARIES.md)
 * in, one binary image (lexicon_image.h) out.
 *
 * Used by tools/dictc at build time, by `clio dict check`, and by
 * lexicon_load() for a user dictionary directory, so the three can never
 * disagree about what a valid line is.
 *
 * Algorithm: collect the files (directories walked recursively, *.txt,
 * sorted by path so the image is deterministic); read each line, strip the
 * comment, split fixed fields on blanks and the name list on '|'; validate
 * every field and record entries in growable arrays, every string interned
 * once in one pool.  Checks that need the whole set (OFFICE keys, CAMEO codes
 * named by EVENT/EX lines, duplicate codes and keys) run after the last
 * file.  Every problem becomes one "FILE:LINE: message" line in diag, so a
 * run reports all of them.  Names are split into tokens with the
 * segmenter's own rules and folded, a leading "the" dropped, then grouped
 * by the hash of their first folded token into the image's buckets.
 */
#include "lexicon.h"
#include "lexicon_image.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------ utilities */
typedef struct vec { void *p; size_t n, cap; } vec;

static void *vec_push(vec *v, size_t size)
{
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 64;
        void *np = realloc(v->p, nc * size);
        if (!np) return NULL;
        v->p = np; v->cap = nc;
    }
    void *e = (char *)v->p + v->n * size;
    memset(e, 0, size);
    v->n++;
    return e;
}
#define VEC_AT(v, T, i) (((T *)(v).p)[i])

static int cb_put(clio_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->len + n + 1) nc *= 2;
        char *np = realloc(b->data, nc);
        if (!np) return CLIO_ERR_NOMEM;
        b->data = np; b->cap = nc;
    }
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

static int starts_with(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    return n >= k && memcmp(s, pre, k) == 0;
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* ------------------------------------------------------ compiler state */
typedef struct cperson { uint32_t key, code, file, line, office, noffice; } cperson;
typedef struct coffice { uint32_t key, code; int32_t from, to; uint32_t title, file, line, person; } coffice;
typedef struct cname { img_name n; uint32_t hash, order; } cname;
typedef struct cref { uint32_t code, file, line; } cref;

typedef struct comp {
    clio_buf pool;                  /* string pool (SEC_STR) */
    uint32_t *itab; size_t icap, icount; /* intern table: pool offsets */
    vec files;                      /* uint32 str */
    vec names;                      /* cname */
    vec toks;                       /* img_tok */
    vec persons;                    /* cperson */
    vec offices;                    /* coffice */
    vec codes;                      /* img_code */
    vec pats;                       /* img_pat */
    vec cons;                       /* img_cons */
    vec slots;                      /* img_slot */
    vec list;                       /* uint32 str */
    vec exs;                        /* img_ex */
    vec exevs;                      /* img_exev */
    vec refs;                       /* cref: codes to verify at the end */
    const lexicon *base;
    clio_buf *diag;
    lexicon_stats st;
    int nomem;
    /* per file */
    const char *fname;
    uint32_t file;
    clio_buf scratch;               /* folded tokens of one name */
    clio_buf nfc;                   /* the name in NFC */
} comp;

static void diag(comp *c, const char *file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void diag(comp *c, const char *file, uint32_t line, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->st.errors++;
    if (!c->diag) return;
    char head[300];
    if (line) snprintf(head, sizeof head, "%s:%u: ", file, (unsigned)line);
    else snprintf(head, sizeof head, "%s: ", file);
    if (cb_put(c->diag, head, strlen(head)) || cb_put(c->diag, msg, strlen(msg)) ||
        cb_put(c->diag, "\n", 1))
        c->nomem = 1;
}

static const char *cfile(const comp *c, uint32_t f)
{
    return c->pool.data + VEC_AT(c->files, uint32_t, f);
}

static uint32_t intern(comp *c, const char *s, size_t n)
{
    if (n == 0) return 0;
    if (c->icount * 2 >= c->icap) {
        size_t ncap = c->icap ? c->icap * 2 : 4096;
        uint32_t *nt = calloc(ncap, sizeof *nt);
        if (!nt) { c->nomem = 1; return 0; }
        for (size_t i = 0; i < c->icap; i++) {
            uint32_t o = c->itab[i];
            if (!o) continue;
            const char *t = c->pool.data + o;
            size_t h = lex_fnv1a(t, strlen(t), LEX_FNV_INIT) & (ncap - 1);
            while (nt[h]) h = (h + 1) & (ncap - 1);
            nt[h] = o;
        }
        free(c->itab);
        c->itab = nt; c->icap = ncap;
    }
    size_t h = lex_fnv1a(s, n, LEX_FNV_INIT) & (c->icap - 1);
    while (c->itab[h]) {
        const char *t = c->pool.data + c->itab[h];
        if (strncmp(t, s, n) == 0 && t[n] == '\0') return c->itab[h];
        h = (h + 1) & (c->icap - 1);
    }
    uint32_t off = (uint32_t)c->pool.len;
    if (cb_put(&c->pool, s, n) || cb_put(&c->pool, "", 1)) { c->nomem = 1; return 0; }
    c->itab[h] = off;
    c->icount++;
    return off;
}

static const char *S(const comp *c, uint32_t off) { return c->pool.data + off; }

/* ------------------------------------------------------- field syntax */
static const char *const ROLES[] = {
    "GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG", "CVL", "MED", "BUS", "EDU", "HLH",
    "REF", "LAB", "ELI", "SPY", "UAF", "INS", "CRM", "AGR", "ENV", "HRI", "IGO", "NGO",
    "PTY", "SEP", "RAD", "MOD", NULL
};

static int is_role(const char *s)
{
    for (int i = 0; ROLES[i]; i++)
        if (memcmp(ROLES[i], s, 3) == 0) return 1;
    return 0;
}

static int all_upper(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z') return 0;
    return 1;
}

/* NULL when s is a well-formed actor code, else why not. */
static const char *actor_code_problem(const char *s, size_t n, char *why, size_t cap)
{
    if (n < 3 || n % 3 || !all_upper(s, n)) {
        snprintf(why, cap, "bad actor code '%.*s' (want 3, 6 or 9 capital letters: RUS, RUSGOV, IGOUNO)",
                 (int)(n > 40 ? 40 : n), s);
        return why;
    }
    int transnational = memcmp(s, "IGO", 3) == 0 || memcmp(s, "NGO", 3) == 0 ||
                        memcmp(s, "IMG", 3) == 0 || memcmp(s, "MNC", 3) == 0;
    if (transnational) {
        if (n > 9) { snprintf(why, cap, "actor code '%.*s' too long (IGO codes take at most two more groups)", (int)n, s); return why; }
        return NULL;
    }
    if (n > 6) { snprintf(why, cap, "actor code '%.*s' has more than one role", (int)(n > 40 ? 40 : n), s); return why; }
    if (n == 6 && !is_role(s + 3)) { snprintf(why, cap, "unknown role '%.3s' in actor code '%.*s'", s + 3, (int)n, s); return why; }
    return NULL;
}

int lex_actor_code_ok(const char *s, size_t n)
{
    char why[200];
    return actor_code_problem(s, n, why, sizeof why) == NULL;
}

int lex_role_ok(const char *r, size_t rl)
{
    return rl && rl % 3 == 0 && rl <= 6 && all_upper(r, rl) && is_role(r) && (rl == 3 || is_role(r + 3));
}

static int cameo_code_ok(const char *s, size_t n)
{
    if (n < 2 || n > 4) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

int lex_parse_date(const char *s, size_t n, int32_t *out)
{
    static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (n != 10 || s[4] != '-' || s[7] != '-') return -1;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return -1;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return -1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

/* A dictionary date: YYYY-MM-DD, or YYYY-MM / YYYY when the day or month
 * is not known, taken as the first day when it opens a range (is_end 0)
 * and the last day when it closes one. */
static int parse_bound(const char *s, size_t n, int is_end, int32_t *out)
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    char tmp[11];
    if (n == 10) return lex_parse_date(s, n, out);
    if (n == 7) {
        if (s[4] != '-') return -1;
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12) return -1;
        int y = atoi((char[5]){ s[0], s[1], s[2], s[3], 0 });
        int d = is_end ? mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) : 1;
        snprintf(tmp, sizeof tmp, "%.7s-%02d", s, d);
        return lex_parse_date(tmp, 10, out);
    }
    if (n == 4) {
        snprintf(tmp, sizeof tmp, "%.4s-%s", s, is_end ? "12-31" : "01-01");
        return lex_parse_date(tmp, 10, out);
    }
    return -1;
}

int32_t lex_date_key(ymd d)
{
    if (d.y <= 0) return 0;
    int m = d.m ? d.m : 7, day = d.d ? d.d : (d.m ? 15 : 1);
    return d.y * 10000 + m * 100 + day;
}

/* ------------------------------------------------------ tokenising names */
#define NAME_MAX_TOKS 64

size_t lexicon_tokenize(const char *text, size_t len, tok *toks, size_t max, clio_buf *fold)
{
    uint32_t starts[NAME_MAX_TOKS * 4], ends[NAME_MAX_TOKS * 4];
    size_t cap = max < NAME_MAX_TOKS * 4 ? max : NAME_MAX_TOKS * 4;
    size_t n = segment_words(text, len, starts, ends, cap);
    if (n > cap) n = cap;
    size_t offs[NAME_MAX_TOKS * 4];
    for (size_t k = 0; k < n; k++) {
        offs[k] = fold->len;
        if (text_fold(text + starts[k], ends[k] - starts[k], fold)) return 0;
        memset(&toks[k], 0, sizeof toks[k]);
        toks[k].start = starts[k];
        toks[k].end = ends[k];
        toks[k].form = text + starts[k];
        toks[k].form_len = ends[k] - starts[k];
        toks[k].fold_len = (uint32_t)(fold->len - offs[k]);
    }
    for (size_t k = 0; k < n; k++) toks[k].fold = fold->data ? fold->data + offs[k] : "";
    return n;
}

/* ------------------------------------------------------------- entries */
typedef struct line_ctx {
    comp *c;
    uint32_t line;
    const char *f[16]; size_t fl[16]; int nf;   /* fixed fields */
    const char *rest; size_t rest_len;          /* after the fixed fields */
} line_ctx;

#define ERR(lc, ...) diag((lc)->c, (lc)->c->fname, (lc)->line, __VA_ARGS__)

/* Splits nfix blank-separated fields; the rest of the line goes to rest. */
static int split_fields(line_ctx *lc, const char *s, size_t n, int nfix)
{
    size_t i = 0;
    lc->nf = 0;
    while (lc->nf < nfix) {
        while (i < n && is_blank(s[i])) i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && !is_blank(s[i])) i++;
        lc->f[lc->nf] = s + b; lc->fl[lc->nf] = i - b; lc->nf++;
    }
    while (i < n && is_blank(s[i])) i++;
    lc->rest = s + i; lc->rest_len = n - i;
    while (lc->rest_len && is_blank(lc->rest[lc->rest_len - 1])) lc->rest_len--;
    return lc->nf;
}

static void add_names(line_ctx *lc, int kind, uint32_t code, uint32_t aux, int32_t from, int32_t to)
{
    comp *c = lc->c;
    const char *s = lc->rest; size_t n = lc->rest_len;
    if (n == 0) { ERR(lc, "%s needs at least one name", lex_kind_name(kind)); return; }
    size_t i = 0;
    while (i <= n) {
        size_t b = i;
        while (i < n && s[i] != '|') i++;
        size_t e = i;
        while (b < e && is_blank(s[b])) b++;
        while (e > b && is_blank(s[e - 1])) e--;
        i++;
        if (b == e) { ERR(lc, "empty name in the list (two '|' in a row, or a '|' at an end)"); continue; }
        tok toks[NAME_MAX_TOKS + 1];
        c->scratch.len = 0;
        c->nfc.len = 0;
        if (text_nfc(s + b, e - b, &c->nfc)) { c->nomem = 1; return; }
        size_t nt = lexicon_tokenize(c->nfc.data, c->nfc.len, toks, NAME_MAX_TOKS + 1, &c->scratch);
        if (nt == 0) { ERR(lc, "name '%.*s' has no word in it", (int)(e - b), s + b); continue; }
        if (nt > NAME_MAX_TOKS) { ERR(lc, "name '%.40s...' is longer than %d words", s + b, NAME_MAX_TOKS); continue; }
        size_t first = 0;
        uint32_t flags = 0;
        if (nt > 1 && toks[0].fold_len == 3 && memcmp(toks[0].fold, "the", 3) == 0) { first = 1; flags |= IMG_NAME_THE; }
        cname *cn = vec_push(&c->names, sizeof *cn);
        if (!cn) { c->nomem = 1; return; }
        cn->order = (uint32_t)(c->names.n - 1);
        cn->n.kind = (uint32_t)kind; cn->n.code = code; cn->n.aux = aux;
        cn->n.name = intern(c, s + b, e - b);
        cn->n.file = c->file; cn->n.line = lc->line;
        cn->n.from = from; cn->n.to = to; cn->n.flags = flags;
        cn->n.tok = (uint32_t)c->toks.n; cn->n.ntok = (uint32_t)(nt - first);
        cn->hash = lex_fnv1a(toks[first].fold, toks[first].fold_len, LEX_FNV_INIT);
        for (size_t k = first; k < nt; k++) {
            img_tok *it = vec_push(&c->toks, sizeof *it);
            if (!it) { c->nomem = 1; return; }
            it->str = intern(c, toks[k].fold, toks[k].fold_len);
            it->len = toks[k].fold_len;
        }
        c->st.names++;
    }
}

static uint32_t field_actor_code(line_ctx *lc, int k, const char *what)
{
    char why[200];
    const char *p = actor_code_problem(lc->f[k], lc->fl[k], why, sizeof why);
    if (p) { ERR(lc, "%s: %s", what, p); return 0; }
    return intern(lc->c, lc->f[k], lc->fl[k]);
}

static int need_fields(line_ctx *lc, int want, const char *usage)
{
    if (lc->nf < want) { ERR(lc, "too few fields: want %s", usage); return 0; }
    return 1;
}

static void parse_country(line_ctx *lc, const char *s, size_t n)
{
    split_fields(lc, s, n, 3);
    if (!need_fields(lc, 3, "COUNTRY ISO3 ISO2 names")) return;
    if (lc->fl[1] != 3 || !all_upper(lc->f[1], 3)) { ERR(lc, "bad ISO3 code '%.*s' (want 3 capital letters)", (int)lc->fl[1], lc->f[1]); return; }
    if (lc->fl[2] != 2 || !all_upper(lc->f[2], 2)) { ERR(lc, "bad ISO2 code '%.*s' (want 2 capital letters)", (int)lc->fl[2], lc->f[2]); return; }
    lc->c->st.countries++;
    add_names(lc, LEX_COUNTRY, intern(lc->c, lc->f[1], 3), intern(lc->c, lc->f[2], 2), 0, LEX_DATE_OPEN);
}

static void parse_adj(line_ctx *lc, const char *s, size_t n)
{
    split_fields(lc, s, n, 2);
    if (!need_fields(lc, 2, "ADJ CODE names")) return;
    uint32_t code = field_actor_code(lc, 1, "ADJ");
    if (!code) return;
    lc->c->st.adjs++;
    add_names(lc, LEX_ADJ, code, 0, 0, LEX_DATE_OPEN);
}

static int parse_range(line_ctx *lc, const char *s, size_t n, int32_t *from, int32_t *to)
{
    /* s starts after '@' */
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++) if (s[i] == '.' && s[i + 1] == '.') { dots = s + i; break; }
    if (!dots) { ERR(lc, "bad date range '@%.*s' (want @FROM..TO, either end optional)", (int)n, s); return 0; }
    size_t fl = (size_t)(dots - s), tl = n - fl - 2;
    *from = 0; *to = LEX_DATE_OPEN;
    if (fl == 0 && tl == 0) { ERR(lc, "empty date range '@..'"); return 0; }
    if (fl && parse_bound(s, fl, 0, from)) { ERR(lc, "bad date '%.*s' (want YYYY-MM-DD, a real day; YYYY-MM or YYYY when not known)", (int)fl, s); return 0; }
    if (tl && parse_bound(dots + 2, tl, 1, to)) { ERR(lc, "bad date '%.*s' (want YYYY-MM-DD, a real day; YYYY-MM or YYYY when not known)", (int)tl, dots + 2); return 0; }
    if (*from > *to) { ERR(lc, "date range ends before it starts"); return 0; }
    return 1;
}

static void parse_actor(line_ctx *lc, const char *s, size_t n)
{
    split_fields(lc, s, n, 2);
    if (!need_fields(lc, 2, "ACTOR CODE [@FROM..TO] names")) return;
    uint32_t code = field_actor_code(lc, 1, "ACTOR");
    if (!code) return;
    int32_t from = 0, to = LEX_DATE_OPEN;
    if (lc->rest_len && lc->rest[0] == '@') {
        size_t k = 0;
        while (k < lc->rest_len && !is_blank(lc->rest[k])) k++;
        if (!parse_range(lc, lc->rest + 1, k - 1, &from, &to)) return;
        while (k < lc->rest_len && is_blank(lc->rest[k])) k++;
        lc->rest += k; lc->rest_len -= k;
    }
    lc->c->st.actors++;
    add_names(lc, LEX_ACTOR, code, 0, from, to);
}

static int key_ok(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) return 0;
    return 1;
}

static void parse_person(line_ctx *lc, const char *s, size_t n)
{
    comp *c = lc->c;
    split_fields(lc, s, n, 3);
    if (!need_fields(lc, 3, "PERSON KEY CODE names")) return;
    if (!key_ok(lc->f[1], lc->fl[1])) { ERR(lc, "bad PERSON key '%.*s' (want [a-z0-9_]+)", (int)lc->fl[1], lc->f[1]); return; }
    uint32_t code = field_actor_code(lc, 2, "PERSON");
    if (!code) return;
    cperson *p = vec_push(&c->persons, sizeof *p);
    if (!p) { c->nomem = 1; return; }
    p->key = intern(c, lc->f[1], lc->fl[1]); p->code = code; p->file = c->file; p->line = lc->line;
    c->st.persons++;
    add_names(lc, LEX_PERSON, code, (uint32_t)(c->persons.n - 1), 0, LEX_DATE_OPEN);
}

static void parse_office(line_ctx *lc, const char *s, size_t n)
{
    comp *c = lc->c;
    split_fields(lc, s, n, 5);
    if (!need_fields(lc, 5, "OFFICE KEY CODE FROM TO title") ) return;
    if (!key_ok(lc->f[1], lc->fl[1])) { ERR(lc, "bad OFFICE key '%.*s' (want [a-z0-9_]+)", (int)lc->fl[1], lc->f[1]); return; }
    uint32_t code = field_actor_code(lc, 2, "OFFICE");
    if (!code) return;
    int32_t from, to = LEX_DATE_OPEN;
    if (parse_bound(lc->f[3], lc->fl[3], 0, &from)) { ERR(lc, "bad FROM date '%.*s' (want YYYY-MM-DD, a real day; YYYY-MM or YYYY when the day is not known)", (int)lc->fl[3], lc->f[3]); return; }
    if (!(lc->fl[4] == 1 && lc->f[4][0] == '.') && parse_bound(lc->f[4], lc->fl[4], 1, &to)) {
        ERR(lc, "bad TO date '%.*s' (want YYYY-MM-DD, YYYY-MM or YYYY, or '.' for still in office)", (int)lc->fl[4], lc->f[4]); return;
    }
    if (from > to) { ERR(lc, "office ends before it starts"); return; }
    if (!lc->rest_len) { ERR(lc, "OFFICE needs a title after the dates"); return; }
    coffice *o = vec_push(&c->offices, sizeof *o);
    if (!o) { c->nomem = 1; return; }
    o->key = intern(c, lc->f[1], lc->fl[1]); o->code = code; o->from = from; o->to = to;
    o->title = intern(c, lc->rest, lc->rest_len); o->file = c->file; o->line = lc->line;
    c->st.offices++;
}

static void parse_role(line_ctx *lc, const char *s, size_t n)
{
    split_fields(lc, s, n, 2);
    if (!need_fields(lc, 2, "ROLE SECTOR names")) return;
    const char *r = lc->f[1]; size_t rl = lc->fl[1];
    if (!lex_role_ok(r, rl)) {
        ERR(lc, "unknown ROLE sector '%.*s' (want one of GOV MIL COP REB OPP JUD LEG ...)", (int)rl, r); return;
    }
    lc->c->st.roles++;
    add_names(lc, LEX_ROLE, intern(lc->c, r, rl), 0, 0, LEX_DATE_OPEN);
}

static void parse_code(line_ctx *lc, const char *s, size_t n)
{
    comp *c = lc->c;
    split_fields(lc, s, n, 6);
    if (!need_fields(lc, 6, "CODE CAMEO GOLDSTEIN QUAD PLOVER_EVENT PLOVER_MODE name")) return;
    if (!cameo_code_ok(lc->f[1], lc->fl[1])) { ERR(lc, "bad CAMEO code '%.*s' (want 2 to 4 digits)", (int)lc->fl[1], lc->f[1]); return; }
    char num[32]; char *end;
    if (lc->fl[2] >= sizeof num) { ERR(lc, "bad Goldstein score"); return; }
    memcpy(num, lc->f[2], lc->fl[2]); num[lc->fl[2]] = 0;
    double g = strtod(num, &end);
    if (*end || end == num || g < -10.0 || g > 10.0) { ERR(lc, "bad Goldstein score '%s' (want a number from -10 to 10)", num); return; }
    if (lc->fl[3] != 1 || lc->f[3][0] < '1' || lc->f[3][0] > '4') { ERR(lc, "bad quad class '%.*s' (want 1, 2, 3 or 4)", (int)lc->fl[3], lc->f[3]); return; }
    for (size_t i = 0; i < lc->fl[4]; i++)
        if (!((lc->f[4][i] >= 'A' && lc->f[4][i] <= 'Z') || lc->f[4][i] == '_' || lc->f[4][i] == '-')) {
            ERR(lc, "bad PLOVER event '%.*s' (want capitals, or '-')", (int)lc->fl[4], lc->f[4]); return;
        }
    for (size_t i = 0; i < lc->fl[5]; i++)
        if (!((lc->f[5][i] >= 'a' && lc->f[5][i] <= 'z') || lc->f[5][i] == '_' || lc->f[5][i] == '-')) {
            ERR(lc, "bad PLOVER mode '%.*s' (want lower case, or '-')", (int)lc->fl[5], lc->f[5]); return;
        }
    if (!lc->rest_len) { ERR(lc, "CODE needs a name after the PLOVER mode"); return; }
    img_code *k = vec_push(&c->codes, sizeof *k);
    if (!k) { c->nomem = 1; return; }
    k->code = intern(c, lc->f[1], lc->fl[1]);
    k->goldstein100 = (int32_t)(g * 100.0 + (g < 0 ? -0.5 : 0.5));
    k->quad = (uint32_t)(lc->f[3][0] - '0');
    k->event = intern(c, lc->f[4], lc->fl[4]);
    k->mode = intern(c, lc->f[5], lc->fl[5]);
    k->name = intern(c, lc->rest, lc->rest_len);
    k->file = c->file; k->line = lc->line;
    c->st.codes++;
}

static void code_ref(line_ctx *lc, const char *s, size_t n, const char *what)
{
    if (!cameo_code_ok(s, n)) { ERR(lc, "%s: bad CAMEO code '%.*s' (want 2 to 4 digits)", what, (int)(n > 20 ? 20 : n), s); return; }
    cref *r = vec_push(&lc->c->refs, sizeof *r);
    if (!r) { lc->c->nomem = 1; return; }
    r->code = intern(lc->c, s, n); r->file = lc->c->file; r->line = lc->line;
}

static int lemma_ok(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        /* lemmas are lower case; symbols are lemmas too ("$", "%") */
        if ((ch >= 'A' && ch <= 'Z') || ch <= ' ' || ch == '|' || ch == ',' || ch == ':' || ch == '=' ||
            ch == '#' || ch == 0x7f) return 0;
    }
    return 1;
}

/* Appends the '|'-separated lemmas of s to SEC_LIST; returns count or -1. */
static int add_lemmas(line_ctx *lc, const char *s, size_t n, uint32_t *first)
{
    comp *c = lc->c;
    *first = (uint32_t)c->list.n;
    int cnt = 0;
    size_t i = 0;
    while (i <= n) {
        size_t b = i;
        while (i < n && s[i] != '|') i++;
        if (!lemma_ok(s + b, i - b)) {
            ERR(lc, "bad lemma '%.*s' (want lower case, no blank or | , : =)", (int)(i - b), s + b);
            return -1;
        }
        uint32_t *e = vec_push(&c->list, sizeof *e);
        if (!e) { c->nomem = 1; return -1; }
        *e = intern(c, s + b, i - b);
        cnt++;
        i++;
    }
    return cnt;
}

static int parse_slots(line_ctx *lc, const char *s, size_t n, uint32_t *first, uint32_t *count)
{
    static const char *const names[] = { "", "subj", "obj", "iobj", "poss", "mod", "@", "comp", "xobj" };
    comp *c = lc->c;
    *first = (uint32_t)c->slots.n; *count = 0;
    size_t i = 0;
    while (i <= n) {
        size_t b = i;
        while (i < n && s[i] != ',') i++;
        size_t l = i - b;
        i++;
        int kind = 0; uint32_t prep = 0;
        if (l > 1 && s[b] == '@') {
            if (!lemma_ok(s + b + 1, l - 1)) { ERR(lc, "bad preposition in slot '%.*s'", (int)l, s + b); return 0; }
            kind = LEX_SLOT_PREP; prep = intern(c, s + b + 1, l - 1);
        } else {
            for (int k = 1; k < 9; k++)
                if (k != LEX_SLOT_PREP && strlen(names[k]) == l && memcmp(names[k], s + b, l) == 0) kind = k;
        }
        if (!kind) { ERR(lc, "unknown slot '%.*s' (want subj obj iobj poss mod comp xobj or @PREP)", (int)l, s + b); return 0; }
        if (*count >= LEX_MAX_SLOTS) { ERR(lc, "more than %d slots", LEX_MAX_SLOTS); return 0; }
        img_slot *sl = vec_push(&c->slots, sizeof *sl);
        if (!sl) { c->nomem = 1; return 0; }
        sl->kind = (uint32_t)kind; sl->prep = prep;
        (*count)++;
    }
    return 1;
}

static void default_slots(comp *c, img_pat *p, int src)
{
    static const char *const vs[] = { "subj", NULL }, *const vt[] = { "obj", NULL };
    static const char *const ns[] = { "subj", "poss", "mod", NULL };
    static const char *const nt[] = { "@on", "@against", "@with", "obj", NULL };
    const char *const *l = p->pos == 'V' ? (src ? vs : vt) : (src ? ns : nt);
    uint32_t first = (uint32_t)c->slots.n, cnt = 0;
    for (; *l; l++, cnt++) {
        img_slot *sl = vec_push(&c->slots, sizeof *sl);
        if (!sl) { c->nomem = 1; return; }
        const char *w = *l;
        if (w[0] == '@') { sl->kind = LEX_SLOT_PREP; sl->prep = intern(c, w + 1, strlen(w + 1)); }
        else sl->kind = !strcmp(w, "subj") ? LEX_SLOT_SUBJ : !strcmp(w, "obj") ? LEX_SLOT_OBJ :
                        !strcmp(w, "poss") ? LEX_SLOT_POSS : LEX_SLOT_MOD;
    }
    if (src) { p->src = first; p->nsrc = cnt; } else { p->tgt = first; p->ntgt = cnt; }
}

static int parse_constraint(line_ctx *lc, const char *s, size_t n)
{
    comp *c = lc->c;
    const char *colon = memchr(s, ':', n);
    /* a relation like compound:prt has its own colon: the lemmas follow the last one */
    const char *last = NULL;
    for (size_t i = 0; i < n; i++) if (s[i] == ':') last = s + i;
    if (!colon) { ERR(lc, "constraint '%.*s' needs REL:lemma (or REL:*)", (int)n, s); return 0; }
    colon = last;
    const char *rel = s + 1; size_t rl = (size_t)(colon - rel);
    const char *lem = colon + 1; size_t ll = n - (size_t)(lem - s);
    img_cons k = { 0 };
    k.negative = s[0] == '-';
    if (rl > 1 && rel[0] == '@') {
        /* one case word, or alternatives: @over|@against */
        k.kind = LEX_CONS_PREP;
        k.preps = (uint32_t)c->list.n;
        size_t i = 0;
        while (i < rl) {
            size_t b = i;
            while (i < rl && rel[i] != '|') i++;
            if (i - b < 2 || rel[b] != '@' || !lemma_ok(rel + b + 1, i - b - 1)) {
                ERR(lc, "bad preposition '%.*s' (want @word, or alternatives @over|@against)", (int)rl, rel); return 0;
            }
            uint32_t *e = vec_push(&c->list, sizeof *e);
            if (!e) { c->nomem = 1; return 0; }
            *e = intern(c, rel + b + 1, i - b - 1);
            if (!k.npreps) k.prep = *e;
            k.npreps++;
            i++;
        }
    } else if (rl == 3 && !memcmp(rel, "mod", 3)) {
        k.kind = LEX_CONS_MOD;
    } else if ((rl == 3 && !memcmp(rel, "prt", 3)) || (rl == 12 && !memcmp(rel, "compound:prt", 12))) {
        k.kind = LEX_CONS_PRT; k.deprel = DEP_COMPOUND_PRT;
    } else {
        int d = deprel_from_name(rel, rl);
        const char *dn = d ? deprel_name(d) : NULL;
        if (!d || !dn || strlen(dn) != rl || memcmp(dn, rel, rl)) {
            ERR(lc, "unknown relation '%.*s' (want a UD relation, prt, mod or @PREP)", (int)rl, rel); return 0;
        }
        k.kind = LEX_CONS_REL; k.deprel = (uint32_t)d;
    }
    if (ll == 1 && lem[0] == '*') { k.nlemmas = 0; }
    else {
        int cnt = add_lemmas(lc, lem, ll, &k.lemmas);
        if (cnt < 0) return 0;
        k.nlemmas = (uint32_t)cnt;
    }
    img_cons *e = vec_push(&c->cons, sizeof *e);
    if (!e) { c->nomem = 1; return 0; }
    *e = k;
    return 1;
}

static void parse_event(line_ctx *lc, const char *s, size_t n)
{
    comp *c = lc->c;
    split_fields(lc, s, n, 3);
    if (!need_fields(lc, 3, "EVENT CODE lemma/V|N [constraints] [src= tgt=] [flags]")) return;
    img_pat p = { 0 };
    code_ref(lc, lc->f[1], lc->fl[1], "EVENT");
    p.code = intern(c, lc->f[1], lc->fl[1]);
    const char *h = lc->f[2]; size_t hl = lc->fl[2];
    if (hl < 3 || h[hl - 2] != '/' || (h[hl - 1] != 'V' && h[hl - 1] != 'N')) {
        ERR(lc, "bad EVENT head '%.*s' (want lemma/V or lemma/N)", (int)hl, h); return;
    }
    p.pos = (uint32_t)h[hl - 1];
    int nh = add_lemmas(lc, h, hl - 2, &p.heads);
    if (nh < 0) return;
    p.nheads = (uint32_t)nh;
    p.cons = (uint32_t)c->cons.n;
    int have_src = 0, have_tgt = 0, ok = 1;
    const char *r = lc->rest; size_t rn = lc->rest_len, i = 0;
    while (i < rn) {
        while (i < rn && is_blank(r[i])) i++;
        if (i >= rn) break;
        size_t b = i;
        while (i < rn && !is_blank(r[i])) i++;
        const char *w = r + b; size_t wl = i - b;
        if (w[0] == '+' || w[0] == '-') {
            if (parse_constraint(lc, w, wl)) p.ncons++; else ok = 0;
        } else if (starts_with(w, wl, "src=") || starts_with(w, wl, "tgt=")) {
            int src = w[0] == 's';
            if (src ? have_src : have_tgt) { ERR(lc, "%.3s= given twice", w); ok = 0; continue; }
            uint32_t f, cnt;
            if (!parse_slots(lc, w + 4, wl - 4, &f, &cnt)) { ok = 0; continue; }
            if (src) { p.src = f; p.nsrc = cnt; have_src = 1; } else { p.tgt = f; p.ntgt = cnt; have_tgt = 1; }
        } else if (wl == 3 && !memcmp(w, "sym", 3)) {
            p.flags |= LEX_PAT_SYM;
        } else if (wl == 7 && !memcmp(w, "pairsym", 7)) {
            p.flags |= LEX_PAT_PAIRSYM;
        } else if (starts_with(w, wl, "intent=") || starts_with(w, wl, "appeal=") ||
                   starts_with(w, wl, "reject=") || starts_with(w, wl, "neg=")) {
            size_t kl = (size_t)((const char *)memchr(w, '=', wl) - w);
            uint32_t *dst = w[0] == 'i' ? &p.intent : w[0] == 'a' ? &p.appeal : w[0] == 'r' ? &p.reject : &p.neg;
            if (*dst) { ERR(lc, "flag %.*s given twice", (int)kl, w); ok = 0; continue; }
            code_ref(lc, w + kl + 1, wl - kl - 1, "flag");
            *dst = intern(c, w + kl + 1, wl - kl - 1);
        } else if (starts_with(w, wl, "frame=")) {
            static const char *const fr[] = { "", "intent", "appeal", "reject", "say", "deny" };
            int f = 0;
            for (int k = 1; k < 6; k++) if (strlen(fr[k]) == wl - 6 && !memcmp(fr[k], w + 6, wl - 6)) f = k;
            if (!f) { ERR(lc, "unknown frame '%.*s' (want intent, appeal, reject, say or deny)", (int)(wl - 6), w + 6); ok = 0; continue; }
            p.frame = (uint32_t)f;
        } else {
            ERR(lc, "unknown item '%.*s' (want +REL:lemma, -REL:lemma, src=, tgt=, sym, intent=, appeal=, reject=, neg= or frame=)",
                (int)(wl > 60 ? 60 : wl), w);
            ok = 0;
        }
    }
    if (!ok) return;
    if (!have_src) default_slots(c, &p, 1);
    if (!have_tgt) default_slots(c, &p, 0);
    p.file = c->file; p.line = lc->line;
    p.ex = (uint32_t)c->exs.n;
    img_pat *e = vec_push(&c->pats, sizeof *e);
    if (!e) { c->nomem = 1; return; }
    *e = p;
    c->st.patterns++;
}

static void parse_ex(line_ctx *lc, const char *s, size_t n, int pattern_ok)
{
    comp *c = lc->c;
    const char *r = s + 2; size_t rn = n - 2;
    const char *bar = memchr(r, '|', rn);
    if (!bar) { ERR(lc, "EX needs 'expected-events | sentence'"); return; }
    const char *stext = bar + 1; size_t sl = rn - (size_t)(stext - r);
    while (sl && is_blank(*stext)) { stext++; sl--; }
    while (sl && is_blank(stext[sl - 1])) sl--;
    size_t el = (size_t)(bar - r);
    while (el && is_blank(*r)) { r++; el--; }
    while (el && is_blank(r[el - 1])) el--;
    if (!sl) { ERR(lc, "EX has no sentence after '|'"); return; }
    if (!el) { ERR(lc, "EX has no expected events before '|' (write 'none' for no event)"); return; }
    img_ex x = { 0 };
    x.ev = (uint32_t)c->exevs.n;
    int ok = 1;
    if (el == 4 && !memcmp(r, "none", 4)) x.none = 1;
    else {
        size_t i = 0;
        while (i <= el) {
            size_t b = i;
            while (i < el && r[i] != ';') i++;
            size_t e = i;
            i++;
            while (b < e && is_blank(r[b])) b++;
            while (e > b && is_blank(r[e - 1])) e--;
            const char *t = r + b; size_t tl = e - b;
            const char *gt = memchr(t, '>', tl), *co = gt ? memchr(gt, ':', tl - (size_t)(gt - t)) : NULL;
            if (!gt || !co) { ERR(lc, "bad expected event '%.*s' (want SRC>TGT:CODE, TGT may be -)", (int)tl, t); ok = 0; continue; }
            char why[200];
            size_t srl = (size_t)(gt - t), tgl = (size_t)(co - gt - 1), cl = tl - (size_t)(co + 1 - t);
            const char *p1 = actor_code_problem(t, srl, why, sizeof why);
            if (p1) { ERR(lc, "EX source: %s", p1); ok = 0; continue; }
            if (!(tgl == 1 && gt[1] == '-')) {
                p1 = actor_code_problem(gt + 1, tgl, why, sizeof why);
                if (p1) { ERR(lc, "EX target: %s", p1); ok = 0; continue; }
            }
            code_ref(lc, co + 1, cl, "EX");
            img_exev *ev = vec_push(&c->exevs, sizeof *ev);
            if (!ev) { c->nomem = 1; return; }
            ev->src = intern(c, t, srl); ev->tgt = intern(c, gt + 1, tgl); ev->code = intern(c, co + 1, cl);
            x.nev++;
        }
    }
    if (!ok || !pattern_ok) return;
    x.sentence = intern(c, stext, sl);
    x.expected = intern(c, r, el);
    x.file = c->file; x.line = lc->line;
    x.pattern = (uint32_t)(c->pats.n - 1);
    img_ex *e = vec_push(&c->exs, sizeof *e);
    if (!e) { c->nomem = 1; return; }
    *e = x;
    VEC_AT(c->pats, img_pat, c->pats.n - 1).nex++;
    c->st.examples++;
}

/* ---------------------------------------------------------------- files */
static void compile_text(comp *c, const char *text, size_t len)
{
    int header = 0;
    uint32_t line = 0;
    /* EVENT bookkeeping: the line of the last EVENT, whether it compiled,
     * and how many EX lines followed it. */
    uint32_t ev_line = 0, ev_nex = 0; int ev_ok = 0, in_event = 0;
    size_t i = 0;
    while (i < len) {
        size_t b = i;
        while (i < len && text[i] != '\n') i++;
        size_t e = i;
        i++;
        line++;
        if (e > b && text[e - 1] == '\r') e--;
        const char *s = text + b; size_t n = e - b;
        line_ctx lc = { .c = c, .line = line };
        if (clio_utf8_check(s, n) != (size_t)-1) { ERR(&lc, "invalid UTF-8 or NUL byte"); continue; }
        while (n && is_blank(*s)) { s++; n--; }
        while (n && is_blank(s[n - 1])) n--;
        if (!n) continue;
        if (!header) {
            header = 1;
            if (n == 13 && !memcmp(s, "# clio-dict 1", 13)) continue;
            if (starts_with(s, n, "# clio-dict ")) { ERR(&lc, "unsupported format version '%.*s' (this compiler reads 1)", (int)(n - 12), s + 12); return; }
            ERR(&lc, "missing header: the first line must be '# clio-dict 1'");
        }
        const char *hash = memchr(s, '#', n);
        if (hash) n = (size_t)(hash - s);
        while (n && is_blank(s[n - 1])) n--;
        if (!n) continue;
        size_t kl = 0;
        while (kl < n && !is_blank(s[kl])) kl++;
        int is_ex = kl == 2 && !memcmp(s, "EX", 2);
        if (in_event && !is_ex) {
            if (ev_nex == 0 && ev_ok) diag(c, c->fname, ev_line, "EVENT has no EX line after it");
            in_event = 0;
        }
        if (is_ex) {
            if (!in_event) { ERR(&lc, "EX line without an EVENT line before it"); continue; }
            parse_ex(&lc, s, n, ev_ok);
            ev_nex++;   /* a broken EX is reported on its own line */
            continue;
        }
#define KW(w) (kl == sizeof(w) - 1 && !memcmp(s, w, kl))
        if (KW("COUNTRY")) parse_country(&lc, s, n);
        else if (KW("ADJ")) parse_adj(&lc, s, n);
        else if (KW("ACTOR")) parse_actor(&lc, s, n);
        else if (KW("PERSON")) parse_person(&lc, s, n);
        else if (KW("OFFICE")) parse_office(&lc, s, n);
        else if (KW("ROLE")) parse_role(&lc, s, n);
        else if (KW("CODE")) parse_code(&lc, s, n);
        else if (KW("EVENT")) {
            uint32_t before = c->st.patterns;
            parse_event(&lc, s, n);
            in_event = 1; ev_line = line; ev_nex = 0; ev_ok = c->st.patterns > before;
        } else ERR(&lc, "unknown kind '%.*s' (want COUNTRY ADJ ACTOR PERSON OFFICE ROLE CODE EVENT EX)", (int)(kl > 30 ? 30 : kl), s);
#undef KW
    }
    if (in_event && ev_nex == 0 && ev_ok) diag(c, c->fname, ev_line, "EVENT has no EX line after it");
    if (!header) diag(c, c->fname, 0, "empty file: the first line must be '# clio-dict 1'");
    c->st.lines += line;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_txt_suffix(const char *n)
{
    size_t l = strlen(n);
    return l > 4 && !strcmp(n + l - 4, ".txt");
}

/* Appends every *.txt under dir (recursively) to out (malloc'd strings). */
static int walk(const char *dir, vec *out)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    struct dirent *de;
    int rc = 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        size_t l = strlen(dir) + strlen(de->d_name) + 2;
        char *p = malloc(l);
        if (!p) { rc = -1; break; }
        snprintf(p, l, "%s/%s", dir, de->d_name);
        struct stat sb;
        if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) { walk(p, out); free(p); continue; }
        if (!has_txt_suffix(de->d_name) || stat(p, &sb) || !S_ISREG(sb.st_mode)) { free(p); continue; }
        char **e = vec_push(out, sizeof *e);
        if (!e) { free(p); rc = -1; break; }
        *e = p;
    }
    closedir(d);
    return rc;
}

static int read_file(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    clio_buf b = { 0 };
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        if (cb_put(&b, tmp, k)) { fclose(f); free(b.data); return -2; }
    int err = ferror(f);
    fclose(f);
    if (err) { free(b.data); return -1; }
    *data = b.data; *len = b.len;
    return 0;
}

/* ------------------------------------------------------- final checks */
/* A stable merge sort with a context argument (qsort has none, and qsort_r
 * differs between C libraries); only build-time sizes go through it. */
typedef int (*cmp_fn)(const void *, const void *, const void *ctx);

static int sort_ctx(void *base, size_t n, size_t size, cmp_fn cmp, const void *ctx)
{
    if (n < 2) return 0;
    char *a = base, *tmp = malloc(n * size);
    if (!tmp) return -1;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (cmp(a + j * size, a + i * size, ctx) < 0) { memcpy(tmp + k * size, a + j * size, size); j++; }
                else { memcpy(tmp + k * size, a + i * size, size); i++; }
                k++;
            }
            if (i < mid) memcpy(tmp + k * size, a + i * size, (mid - i) * size), k += mid - i;
            if (j < hi) memcpy(tmp + k * size, a + j * size, (hi - j) * size);
        }
        memcpy(a, tmp, n * size);
    }
    free(tmp);
    return 0;
}

static int cmp_code(const void *a, const void *b, const void *ctx)
{
    const img_code *x = a, *y = b;
    const comp *c = ctx;
    int r = strcmp(c->pool.data + x->code, c->pool.data + y->code);
    return r ? r : (x->file != y->file ? (x->file < y->file ? -1 : 1) : (x->line < y->line ? -1 : x->line > y->line));
}

static int cmp_person_key(const void *a, const void *b, const void *ctx)
{
    const cperson *const *x = a, *const *y = b;
    const comp *c = ctx;
    int r = strcmp(c->pool.data + (*x)->key, c->pool.data + (*y)->key);
    return r ? r : ((*x)->file != (*y)->file ? ((*x)->file < (*y)->file ? -1 : 1) : ((*x)->line < (*y)->line ? -1 : 1));
}

static int cmp_office(const void *a, const void *b, const void *ctx)
{
    (void)ctx;
    const coffice *x = a, *y = b;
    if (x->person != y->person) return x->person < y->person ? -1 : 1;
    if (x->from != y->from) return x->from < y->from ? -1 : 1;
    if (x->file != y->file) return x->file < y->file ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_name(const void *a, const void *b, const void *ctx)
{
    const cname *x = a, *y = b;
    uint32_t nb = *(const uint32_t *)ctx;
    uint32_t bx = x->hash & (nb - 1), by = y->hash & (nb - 1);
    if (bx != by) return bx < by ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int find_code(const comp *c, uint32_t code)
{
    size_t lo = 0, hi = c->codes.n;
    const char *k = S(c, code);
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        int r = strcmp(S(c, VEC_AT(c->codes, img_code, m).code), k);
        if (!r) return 1;
        if (r < 0) lo = m + 1; else hi = m;
    }
    return c->base && lexicon_code(c->base, k) != NULL;
}

static void finish_checks(comp *c)
{
    /* CAMEO codes: sort, reject duplicates, resolve references. */
    if (sort_ctx(c->codes.p, c->codes.n, sizeof(img_code), cmp_code, c)) { c->nomem = 1; return; }
    for (size_t i = 1; i < c->codes.n; i++) {
        img_code *a = &VEC_AT(c->codes, img_code, i - 1), *b = &VEC_AT(c->codes, img_code, i);
        if (a->code == b->code)
            diag(c, cfile(c, b->file), b->line, "CAMEO code %s already has a CODE line at %s:%u",
                 S(c, b->code), cfile(c, a->file), (unsigned)a->line);
    }
    /* Without a base image, a set with no CODE line at all (a user file
     * checked alone) has its codes checked for syntax only. */
    for (size_t i = 0; (c->base || c->codes.n) && i < c->refs.n; i++) {
        cref *r = &VEC_AT(c->refs, cref, i);
        if (!find_code(c, r->code))
            diag(c, cfile(c, r->file), r->line, "unknown CAMEO code '%s' (no CODE line gives it)", S(c, r->code));
    }
    /* Persons: unique keys; offices attach to them. */
    size_t np = c->persons.n;
    cperson **byk = np ? malloc(np * sizeof *byk) : NULL;
    if (np && !byk) { c->nomem = 1; return; }
    for (size_t i = 0; i < np; i++) byk[i] = &VEC_AT(c->persons, cperson, i);
    if (sort_ctx(byk, np, sizeof *byk, cmp_person_key, c)) { free(byk); c->nomem = 1; return; }
    for (size_t i = 1; i < np; i++)
        if (byk[i]->key == byk[i - 1]->key)
            diag(c, cfile(c, byk[i]->file), byk[i]->line, "PERSON key '%s' already used at %s:%u",
                 S(c, byk[i]->key), cfile(c, byk[i - 1]->file), (unsigned)byk[i - 1]->line);
    size_t kept = 0;
    for (size_t i = 0; i < c->offices.n; i++) {
        coffice *o = &VEC_AT(c->offices, coffice, i);
        size_t lo = 0, hi = np; const char *k = S(c, o->key); cperson *found = NULL;
        while (lo < hi) {
            size_t m = (lo + hi) / 2;
            int r = strcmp(S(c, byk[m]->key), k);
            if (!r) { found = byk[m]; break; }
            if (r < 0) lo = m + 1; else hi = m;
        }
        if (!found) { diag(c, cfile(c, o->file), o->line, "OFFICE for unknown PERSON key '%s'", k); continue; }
        o->person = (uint32_t)(found - (cperson *)c->persons.p);
        VEC_AT(c->offices, coffice, kept++) = *o;
    }
    c->offices.n = kept;
    free(byk);
    if (sort_ctx(c->offices.p, kept, sizeof(coffice), cmp_office, c)) { c->nomem = 1; return; }
    for (size_t i = 0; i < kept; i++) {
        coffice *o = &VEC_AT(c->offices, coffice, i);
        cperson *p = &VEC_AT(c->persons, cperson, o->person);
        if (!p->noffice) p->office = (uint32_t)i;
        p->noffice++;
    }
    /* Which codes have a pattern. */
    for (size_t i = 0; i < c->pats.n; i++) {
        uint32_t code = VEC_AT(c->pats, img_pat, i).code;
        size_t j = 0;
        for (; j < i; j++) if (VEC_AT(c->pats, img_pat, j).code == code) break;
        if (j == i) c->st.codes_with_pattern++;
    }
}

/* ------------------------------------------------------------- writing */
static int put_section(clio_buf *img, size_t base, img_header *h, int sec, const void *p, size_t size, size_t count)
{
    static const char zero[4] = { 0 };
    size_t rel = img->len - base;   /* offsets and alignment are relative to the image start */
    if (rel % 4 && cb_put(img, zero, 4 - rel % 4)) return CLIO_ERR_NOMEM;
    h->sec[sec].off = (uint32_t)(img->len - base);
    h->sec[sec].count = (uint32_t)count;
    return cb_put(img, p, size * count);
}

static int write_image(comp *c, clio_buf *img)
{
    size_t base = img->len;
    img_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, LEX_IMAGE_MAGIC, 8);
    h.version = LEX_IMAGE_VERSION;
    h.header_size = sizeof h;
    h.nsections = SEC_COUNT;
    /* names grouped by bucket */
    uint32_t nb = 16;
    while (nb < c->names.n) nb *= 2;
    if (sort_ctx(c->names.p, c->names.n, sizeof(cname), cmp_name, &nb)) return CLIO_ERR_NOMEM;
    uint32_t *bucket = calloc(nb + 1, sizeof *bucket);
    img_name *names = malloc((c->names.n ? c->names.n : 1) * sizeof *names);
    img_person *persons = malloc((c->persons.n ? c->persons.n : 1) * sizeof *persons);
    img_office *offices = malloc((c->offices.n ? c->offices.n : 1) * sizeof *offices);
    int rc = 0;
    if (!bucket || !names || !persons || !offices) { rc = CLIO_ERR_NOMEM; goto out; }
    for (size_t i = 0; i < c->names.n; i++) {
        cname *cn = &VEC_AT(c->names, cname, i);
        names[i] = cn->n;
        bucket[(cn->hash & (nb - 1)) + 1]++;
    }
    for (uint32_t b = 0; b < nb; b++) bucket[b + 1] += bucket[b];
    for (size_t i = 0; i < c->persons.n; i++) {
        cperson *p = &VEC_AT(c->persons, cperson, i);
        persons[i] = (img_person){ p->key, p->code, p->file, p->line, p->office, p->noffice };
    }
    for (size_t i = 0; i < c->offices.n; i++) {
        coffice *o = &VEC_AT(c->offices, coffice, i);
        offices[i] = (img_office){ o->code, o->from, o->to, o->title, o->file, o->line };
    }
    if (cb_put(img, &h, sizeof h)) { rc = CLIO_ERR_NOMEM; goto out; }
    img_header *hp = &h;   /* section offsets are relative to the image start */
#define PUT(which, p, size, count) do { if (put_section(img, base, hp, which, p, size, count)) { rc = CLIO_ERR_NOMEM; goto out; } } while (0)
    PUT(SEC_STR, c->pool.data, 1, c->pool.len);
    PUT(SEC_FILE, c->files.p, sizeof(uint32_t), c->files.n);
    PUT(SEC_NAME, names, sizeof(img_name), c->names.n);
    PUT(SEC_TOK, c->toks.p, sizeof(img_tok), c->toks.n);
    PUT(SEC_BUCKET, bucket, sizeof(uint32_t), (size_t)nb + 1);
    PUT(SEC_PERSON, persons, sizeof(img_person), c->persons.n);
    PUT(SEC_OFFICE, offices, sizeof(img_office), c->offices.n);
    PUT(SEC_CODE, c->codes.p, sizeof(img_code), c->codes.n);
    PUT(SEC_PAT, c->pats.p, sizeof(img_pat), c->pats.n);
    PUT(SEC_CONS, c->cons.p, sizeof(img_cons), c->cons.n);
    PUT(SEC_SLOT, c->slots.p, sizeof(img_slot), c->slots.n);
    PUT(SEC_LIST, c->list.p, sizeof(uint32_t), c->list.n);
    PUT(SEC_EX, c->exs.p, sizeof(img_ex), c->exs.n);
    PUT(SEC_EXEV, c->exevs.p, sizeof(img_exev), c->exevs.n);
#undef PUT
    if ((img->len - base) % 4) { static const char z[4] = { 0 }; if (cb_put(img, z, 4 - (img->len - base) % 4)) { rc = CLIO_ERR_NOMEM; goto out; } }
    h.total_size = (uint32_t)(img->len - base);
    h.checksum = lex_checksum(img->data + base + sizeof h, img->len - base - sizeof h);
    memcpy(img->data + base, &h, sizeof h);
out:
    free(bucket); free(names); free(persons); free(offices);
    return rc;
}

static void comp_free(comp *c)
{
    free(c->pool.data); free(c->itab); free(c->scratch.data); free(c->nfc.data);
    vec *vs[] = { &c->files, &c->names, &c->toks, &c->persons, &c->offices, &c->codes, &c->pats,
                  &c->cons, &c->slots, &c->list, &c->exs, &c->exevs, &c->refs };
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) free(vs[i]->p);
}

int lexicon_compile(const char *const *paths, size_t npaths, const lexicon *base,
                    clio_buf *image, clio_buf *diagbuf, lexicon_stats *stats)
{
    comp c;
    memset(&c, 0, sizeof c);
    c.base = base;
    c.diag = diagbuf;
    int rc = 0;
    if (cb_put(&c.pool, "", 1)) return CLIO_ERR_NOMEM;
    vec files = { 0 };
    for (size_t a = 0; a < npaths; a++) {
        struct stat sb;
        if (stat(paths[a], &sb) != 0) {
            diag(&c, paths[a], 0, "cannot read: %s", strerror(errno));
            rc = CLIO_ERR_IO; continue;
        }
        size_t first = files.n;
        if (S_ISDIR(sb.st_mode)) {
            if (walk(paths[a], &files)) { diag(&c, paths[a], 0, "cannot read directory"); rc = CLIO_ERR_IO; }
            if (files.n > first) qsort((char **)files.p + first, files.n - first, sizeof(char *), cmp_str);
        } else {
            char **e = vec_push(&files, sizeof *e);
            if (!e || !(*e = strdup(paths[a]))) { rc = CLIO_ERR_NOMEM; break; }
        }
    }
    for (size_t i = 0; i < files.n && rc != CLIO_ERR_NOMEM; i++) {
        const char *path = VEC_AT(files, char *, i);
        char *data = NULL; size_t len = 0;
        int r = read_file(path, &data, &len);
        if (r) { diag(&c, path, 0, "cannot read: %s", r == -2 ? "out of memory" : strerror(errno)); rc = CLIO_ERR_IO; continue; }
        uint32_t *fe = vec_push(&c.files, sizeof *fe);
        if (!fe) { free(data); rc = CLIO_ERR_NOMEM; break; }
        *fe = intern(&c, path, strlen(path));
        c.file = (uint32_t)(c.files.n - 1);
        c.fname = path;
        compile_text(&c, data, len);
        c.st.files++;
        free(data);
    }
    if (rc != CLIO_ERR_NOMEM) finish_checks(&c);
    if (c.nomem) rc = CLIO_ERR_NOMEM;
    if (!rc && c.st.errors) rc = CLIO_ERR_DICT;
    if (!rc && image) rc = write_image(&c, image);
    if (stats) *stats = c.st;
    for (size_t i = 0; i < files.n; i++) free(VEC_AT(files, char *, i));
    free(files.p);
    comp_free(&c);
    return rc;
}

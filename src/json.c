/*
 * json.c - a strict, iterative-depth-bounded JSON reader.
 *
 * Recursive descent with an explicit depth limit (256) so deep nesting is
 * an error, not a stack overflow; each byte is looked at a bounded number
 * of times, so work is linear in the input.  Nodes live in one arena that
 * clio_json_free releases.  Object members keep their order; look-up is a
 * linear scan (objects here are small: a document or a gold event).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 256

struct clio_json {
    int type;
    double num;
    const char *str;        /* strings: decoded bytes; object members: key */
    size_t len;
    struct clio_json **items; /* arrays and objects: children */
    const char **keys;
    size_t *key_lens;
    size_t n;
    arena *mem;             /* set on the root only */
};

typedef struct jparser {
    const char *s;
    size_t n, i;
    arena *mem;
    buf tmp;
    int depth;
    const char *err;
} jparser;

static void skip_ws(jparser *p)
{
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->i++;
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int put_utf8(buf *b, uint32_t cp)
{
    char o[4];
    size_t k;
    if (cp < 0x80) { o[0] = (char)cp; k = 1; }
    else if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 63)); k = 2; }
    else if (cp < 0x10000) { o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 63)); o[2] = (char)(0x80 | (cp & 63)); k = 3; }
    else { o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 63)); o[2] = (char)(0x80 | ((cp >> 6) & 63)); o[3] = (char)(0x80 | (cp & 63)); k = 4; }
    return buf_put(b, o, k);
}

static int parse_hex4(jparser *p, uint32_t *out)
{
    if (p->n - p->i < 4) { p->err = "truncated \\u escape"; return -1; }
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(p->s[p->i + (size_t)k]);
        if (h < 0) { p->i += (size_t)k; p->err = "bad hex digit in \\u escape"; return -1; }
        v = v * 16 + (uint32_t)h;
    }
    p->i += 4;
    *out = v;
    return 0;
}

/* Parses a string at p->i (which is at the opening quote). */
static int parse_string(jparser *p, const char **out, size_t *len)
{
    p->i++; /* opening quote */
    p->tmp.len = 0;
    size_t run = p->i;
    for (;;) {
        if (p->i >= p->n) { p->err = "unterminated string"; return -1; }
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"')
            break;
        if (c < 0x20) { p->err = "control character in string"; return -1; }
        if (c != '\\') { p->i++; continue; }
        if (buf_put(&p->tmp, p->s + run, p->i - run)) { p->err = "out of memory"; return -1; }
        p->i++;
        if (p->i >= p->n) { p->err = "unterminated escape"; return -1; }
        char e = p->s[p->i++];
        char lit = 0;
        switch (e) {
        case '"': lit = '"'; break;
        case '\\': lit = '\\'; break;
        case '/': lit = '/'; break;
        case 'b': lit = '\b'; break;
        case 'f': lit = '\f'; break;
        case 'n': lit = '\n'; break;
        case 'r': lit = '\r'; break;
        case 't': lit = '\t'; break;
        case 'u': {
            uint32_t cp;
            if (parse_hex4(p, &cp))
                return -1;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t lo;
                if (p->n - p->i < 6 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') { p->err = "lone surrogate in \\u escape"; return -1; }
                p->i += 2;
                if (parse_hex4(p, &lo))
                    return -1;
                if (lo < 0xDC00 || lo > 0xDFFF) { p->err = "bad surrogate pair"; return -1; }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                p->err = "lone surrogate in \\u escape";
                return -1;
            }
            if (cp == 0) { p->err = "\\u0000 (NUL) in string"; return -1; }
            if (put_utf8(&p->tmp, cp)) { p->err = "out of memory"; return -1; }
            run = p->i;
            continue;
        }
        default:
            p->i--;
            p->err = "bad escape";
            return -1;
        }
        if (buf_put(&p->tmp, &lit, 1)) { p->err = "out of memory"; return -1; }
        run = p->i;
    }
    /* the run since the last escape */
    const char *src;
    size_t k;
    if (p->tmp.len == 0) {
        src = p->s + run;
        k = p->i - run;
    } else {
        if (buf_put(&p->tmp, p->s + run, p->i - run)) { p->err = "out of memory"; return -1; }
        src = p->tmp.data;
        k = p->tmp.len;
    }
    size_t bad = clio_utf8_check(src, k);
    if (bad != (size_t)-1) {
        p->err = "invalid UTF-8 in string";
        return -1;
    }
    char *copy = arena_strndup(p->mem, src, k);
    if (!copy) { p->err = "out of memory"; return -1; }
    p->i++; /* closing quote */
    *out = copy;
    *len = k;
    return 0;
}

static clio_json *new_node(jparser *p, int type)
{
    clio_json *v = arena_alloc(p->mem, sizeof *v);
    if (!v)
        p->err = "out of memory";
    else
        v->type = type;
    return v;
}

static clio_json *parse_value(jparser *p);

/* Collect children in a temporary heap vector, then copy to the arena. */
static clio_json *parse_container(jparser *p, int is_obj)
{
    if (++p->depth > JSON_MAX_DEPTH) { p->err = "nesting deeper than 256"; return NULL; }
    clio_json *v = new_node(p, is_obj ? CLIO_JSON_OBJECT : CLIO_JSON_ARRAY);
    if (!v)
        return NULL;
    p->i++;
    size_t cap = 0, n = 0;
    clio_json **items = NULL;
    const char **keys = NULL;
    size_t *klen = NULL;
    skip_ws(p);
    char close = is_obj ? '}' : ']';
    if (p->i < p->n && p->s[p->i] == close) {
        p->i++;
        p->depth--;
        return v;
    }
    for (;;) {
        const char *key = NULL;
        size_t kl = 0;
        skip_ws(p);
        if (is_obj) {
            if (p->i >= p->n || p->s[p->i] != '"') { p->err = "expected a string key"; goto fail; }
            if (parse_string(p, &key, &kl))
                goto fail;
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') { p->err = "expected ':'"; goto fail; }
            p->i++;
        }
        clio_json *child = parse_value(p);
        if (!child)
            goto fail;
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            clio_json **ni = realloc(items, cap * sizeof *ni);
            if (!ni) { p->err = "out of memory"; goto fail; }
            items = ni;
            if (is_obj) {
                const char **nk = realloc(keys, cap * sizeof *nk);
                if (!nk) { p->err = "out of memory"; goto fail; }
                keys = nk;
                size_t *nl = realloc(klen, cap * sizeof *nl);
                if (!nl) { p->err = "out of memory"; goto fail; }
                klen = nl;
            }
        }
        items[n] = child;
        if (is_obj) {
            keys[n] = key;
            klen[n] = kl;
        }
        n++;
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            break;
        }
        p->err = is_obj ? "expected ',' or '}'" : "expected ',' or ']'";
        goto fail;
    }
    v->n = n;
    v->items = arena_alloc(p->mem, n * sizeof *v->items);
    if (!v->items) { p->err = "out of memory"; goto fail; }
    memcpy(v->items, items, n * sizeof *items);
    if (is_obj) {
        v->keys = arena_alloc(p->mem, n * sizeof *v->keys);
        v->key_lens = arena_alloc(p->mem, n * sizeof *v->key_lens);
        if (!v->keys || !v->key_lens) { p->err = "out of memory"; goto fail; }
        memcpy(v->keys, keys, n * sizeof *keys);
        memcpy(v->key_lens, klen, n * sizeof *klen);
    }
    free(items);
    free(keys);
    free(klen);
    p->depth--;
    return v;
fail:
    free(items);
    free(keys);
    free(klen);
    return NULL;
}

static int match_lit(jparser *p, const char *lit)
{
    size_t k = strlen(lit);
    if (p->n - p->i >= k && memcmp(p->s + p->i, lit, k) == 0) {
        p->i += k;
        return 1;
    }
    return 0;
}

static clio_json *parse_number(jparser *p)
{
    size_t a = p->i;
    if (p->i < p->n && p->s[p->i] == '-')
        p->i++;
    if (p->i >= p->n) { p->err = "bad number"; return NULL; }
    if (p->s[p->i] == '0')
        p->i++;
    else if (p->s[p->i] >= '1' && p->s[p->i] <= '9')
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
    else { p->err = "bad number"; return NULL; }
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++;
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9') { p->err = "bad number"; return NULL; }
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
            p->i++;
        if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9') { p->err = "bad number"; return NULL; }
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
    }
    char tmp[64];
    size_t k = p->i - a;
    clio_json *v = new_node(p, CLIO_JSON_NUMBER);
    if (!v)
        return NULL;
    if (k < sizeof tmp) {
        memcpy(tmp, p->s + a, k);
        tmp[k] = 0;
        v->num = strtod(tmp, NULL);
    } else {
        v->num = 0; /* absurdly long number: value not needed by clio */
    }
    return v;
}

static clio_json *parse_value(jparser *p)
{
    skip_ws(p);
    if (p->i >= p->n) { p->err = "unexpected end of input"; return NULL; }
    char c = p->s[p->i];
    if (c == '{')
        return parse_container(p, 1);
    if (c == '[')
        return parse_container(p, 0);
    if (c == '"') {
        clio_json *v = new_node(p, CLIO_JSON_STRING);
        if (!v || parse_string(p, &v->str, &v->len))
            return NULL;
        return v;
    }
    if (c == '-' || (c >= '0' && c <= '9'))
        return parse_number(p);
    if (match_lit(p, "true")) {
        clio_json *v = new_node(p, CLIO_JSON_BOOL);
        if (v) v->num = 1;
        return v;
    }
    if (match_lit(p, "false"))
        return new_node(p, CLIO_JSON_BOOL);
    if (match_lit(p, "null"))
        return new_node(p, CLIO_JSON_NULL);
    p->err = "unexpected character";
    return NULL;
}

clio_json *clio_json_parse(const char *text, size_t len, clio_error *err)
{
    arena *mem = calloc(1, sizeof *mem);
    if (!mem) {
        if (err) { memset(err, 0, sizeof *err); err->code = CLIO_ERR_NOMEM; snprintf(err->message, sizeof err->message, "out of memory"); }
        return NULL;
    }
    jparser p = {text ? text : "", text ? len : 0, 0, mem, {0}, 0, NULL};
    clio_json *root = parse_value(&p);
    if (root) {
        skip_ws(&p);
        if (p.i < p.n) {
            p.err = "trailing characters after the JSON value";
            root = NULL;
        }
    }
    buf_free(&p.tmp);
    if (!root) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->code = strcmp(p.err ? p.err : "", "out of memory") == 0 ? CLIO_ERR_NOMEM : CLIO_ERR_JSON;
            err->offset = p.i;
            snprintf(err->message, sizeof err->message, "%s", p.err ? p.err : "malformed JSON");
        }
        arena_release(mem);
        free(mem);
        return NULL;
    }
    root->mem = mem;
    return root;
}

void clio_json_free(clio_json *root)
{
    if (!root)
        return;
    arena *mem = root->mem;
    if (mem) {
        arena_release(mem);
        free(mem);
    }
}

int clio_json_type(const clio_json *v) { return v ? v->type : -1; }

const clio_json *clio_json_get(const clio_json *obj, const char *key)
{
    if (!obj || obj->type != CLIO_JSON_OBJECT)
        return NULL;
    size_t k = strlen(key);
    for (size_t i = 0; i < obj->n; i++)
        if (obj->key_lens[i] == k && memcmp(obj->keys[i], key, k) == 0)
            return obj->items[i];
    return NULL;
}

size_t clio_json_size(const clio_json *v)
{
    return v && (v->type == CLIO_JSON_ARRAY || v->type == CLIO_JSON_OBJECT) ? v->n : 0;
}

const clio_json *clio_json_at(const clio_json *arr, size_t i)
{
    if (!arr || (arr->type != CLIO_JSON_ARRAY && arr->type != CLIO_JSON_OBJECT) || i >= arr->n)
        return NULL;
    return arr->items[i];
}

const char *clio_json_string(const clio_json *v, size_t *len)
{
    if (!v || v->type != CLIO_JSON_STRING)
        return NULL;
    if (len)
        *len = v->len;
    return v->str;
}

double clio_json_number(const clio_json *v)
{
    return v && (v->type == CLIO_JSON_NUMBER || v->type == CLIO_JSON_BOOL) ? v->num : 0;
}

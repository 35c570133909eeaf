/*
 * input.c - reading documents: plain text (one document per file) or JSON
 * Lines ({"id","date","title","url","text"} per line), from files or stdin.
 *
 * The format is sniffed from the first non-blank byte ('{' = JSON Lines)
 * unless --input says.  JSON Lines are read one line at a time with
 * getline(), so memory follows the longest line, not the input; a
 * malformed line becomes a "bad" document carrying its line number and
 * byte offset, and reading goes on with the next line.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int reader_open(cli_reader *r, const char *path, int mode, const char *id, const char *date)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->id = id;
    r->date = date;
    if (!strcmp(path, "-")) {
        r->f = stdin;
    } else {
        r->f = fopen(path, "rb");
        if (!r->f) {
            cli_error("%s: cannot open: %s", path, strerror(errno));
            return EXIT_IO;
        }
    }
    if (mode == INPUT_AUTO) {
        /* sniff: keep what we read so a text document stays byte-exact */
        size_t cap = 256, n = 0;
        char *p = malloc(cap);
        if (!p) {
            cli_error("out of memory");
            return EXIT_INTERNAL;
        }
        int c;
        mode = INPUT_TEXT;
        while ((c = getc(r->f)) != EOF) {
            if (n == cap) {
                char *np = realloc(p, cap *= 2);
                if (!np) {
                    free(p);
                    cli_error("out of memory");
                    return EXIT_INTERNAL;
                }
                p = np;
            }
            p[n++] = (char)c;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                continue;
            if (c == '{')
                mode = INPUT_JSONL;
            break;
        }
        r->pending = p;
        r->pending_len = n;
    }
    r->mode = mode;
    return 0;
}

void reader_close(cli_reader *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    free(r->pending);
    free(r->linebuf);
    r->f = NULL;
    r->pending = NULL;
    r->linebuf = NULL;
}

void cli_doc_clear(cli_doc *d)
{
    if (d->json) {
        clio_json_free(d->json);
    } else {
        free(d->text);
    }
    free(d->id);
    free(d->date);
    free(d->title);
    free(d->url);
    memset(d, 0, sizeof *d);
}

static char *dupn(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

static int read_whole(cli_reader *r, cli_doc *d)
{
    size_t cap = r->pending_len + 65536, n = r->pending_len;
    char *p = malloc(cap);
    if (!p)
        return -2;
    if (n)
        memcpy(p, r->pending, n);
    for (;;) {
        if (n == cap) {
            if (cap > ((size_t)1 << 40))
                break;
            char *np = realloc(p, cap * 2);
            if (!np) {
                free(p);
                return -2;
            }
            p = np;
            cap *= 2;
        }
        size_t k = fread(p + n, 1, cap - n, r->f);
        n += k;
        if (k == 0)
            break;
    }
    if (ferror(r->f)) {
        free(p);
        return -1;
    }
    d->text = p;
    d->text_len = n;
    return 0;
}

/* Copies a JSON field's string into *dst (NULL when absent or not a string).
 * Returns -1 when present with the wrong type. */
static int field(const clio_json *obj, const char *key, char **dst)
{
    const clio_json *v = clio_json_get(obj, key);
    if (!v || clio_json_type(v) == CLIO_JSON_NULL)
        return 0;
    size_t n;
    const char *s = clio_json_string(v, &n);
    if (!s)
        return -1;
    *dst = dupn(s, n);
    return 0;
}

static void set_bad(cli_doc *d, int code, size_t offset, const char *msg)
{
    d->bad = 1;
    d->err.code = code;
    d->err.offset = offset;
    snprintf(d->err.file, sizeof d->err.file, "%s", d->where);
    snprintf(d->err.message, sizeof d->err.message, "%s", msg);
}

int reader_next(cli_reader *r, cli_doc *d)
{
    memset(d, 0, sizeof *d);
    if (r->done)
        return 0;
    if (r->mode == INPUT_TEXT) {
        r->done = 1;
        int rc = read_whole(r, d);
        if (rc == -1) {
            cli_error("%s: read error: %s", r->path, strerror(errno));
            return -1;
        }
        if (rc == -2) {
            cli_error("%s: out of memory reading the document", r->path);
            return -1;
        }
        snprintf(d->where, sizeof d->where, "%s", r->path);
        d->id = dupn(r->id ? r->id : (strcmp(r->path, "-") ? r->path : "stdin"),
                     strlen(r->id ? r->id : (strcmp(r->path, "-") ? r->path : "stdin")));
        if (r->date)
            d->date = dupn(r->date, strlen(r->date));
        return 1;
    }
    /* JSON Lines: skip blank lines */
    for (;;) {
        ssize_t got = getline(&r->linebuf, &r->linecap, r->f);
        if (got < 0) {
            if (ferror(r->f)) {
                cli_error("%s: read error: %s", r->path, strerror(errno));
                return -1;
            }
            if (r->pending_len) { /* input was only the sniffed bytes */
                got = 0;
            } else {
                r->done = 1;
                return 0;
            }
        }
        r->line++;
        /* prepend sniffed bytes to the first line */
        char *line = r->linebuf;
        size_t len = got > 0 ? (size_t)got : 0;
        char *joined = NULL;
        if (r->pending_len) {
            joined = malloc(r->pending_len + len + 1);
            if (!joined) {
                cli_error("out of memory");
                return -1;
            }
            memcpy(joined, r->pending, r->pending_len);
            for (size_t i = 0; i < r->pending_len; i++)
                if (r->pending[i] == '\n')
                    r->line++;
            if (len)
                memcpy(joined + r->pending_len, line, len);
            len += r->pending_len;
            r->pending_len = 0;
            line = joined;
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t a = 0;
        while (a < len && (line[a] == ' ' || line[a] == '\t' || line[a] == '\n' || line[a] == '\r'))
            a++;
        if (a == len) {
            free(joined);
            if (got < 0) {
                r->done = 1;
                return 0;
            }
            continue;
        }
        snprintf(d->where, sizeof d->where, "%s:%lu", r->path, r->line);
        clio_error err;
        memset(&err, 0, sizeof err);
        clio_json *j = clio_json_parse(line + a, len - a, &err);
        free(joined);
        if (!j) {
            char msg[256];
            snprintf(msg, sizeof msg, "malformed JSON: %.200s", err.message);
            set_bad(d, err.code == CLIO_ERR_NOMEM ? CLIO_ERR_NOMEM : CLIO_ERR_JSON, err.offset + a, msg);
            d->err.line = 0;
            return 1;
        }
        d->json = j;
        if (clio_json_type(j) != CLIO_JSON_OBJECT) {
            set_bad(d, CLIO_ERR_JSON, a, "a JSON Lines document must be an object");
            return 1;
        }
        const clio_json *t = clio_json_get(j, "text");
        size_t tl;
        const char *ts = clio_json_string(t, &tl);
        if (field(j, "id", &d->id) || field(j, "date", &d->date) || field(j, "title", &d->title) ||
            field(j, "url", &d->url)) {
            set_bad(d, CLIO_ERR_JSON, a, "\"id\", \"date\", \"title\" and \"url\" must be strings");
            return 1;
        }
        if (!ts) {
            set_bad(d, CLIO_ERR_JSON, a, "missing \"text\" string");
            return 1;
        }
        d->text = (char *)ts;
        d->text_len = tl;
        if (!d->id)
            d->id = dupn(d->where, strlen(d->where));
        if (!d->date && r->date)
            d->date = dupn(r->date, strlen(r->date));
        return 1;
    }
}

void cli_doc_input(const cli_doc *d, clio_input *in)
{
    memset(in, 0, sizeof *in);
    in->id = d->id;
    in->id_len = d->id ? strlen(d->id) : 0;
    in->text = d->text;
    in->text_len = d->text_len;
    in->date = d->date;
    in->title = d->title;
    in->title_len = d->title ? strlen(d->title) : 0;
    in->url = d->url;
    in->url_len = d->url ? strlen(d->url) : 0;
}

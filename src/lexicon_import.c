/*
 * lexicon_import.c - `clio dict import-phoenix`: TABARI/PETRARCH dictionaries
 * to clio's dictionary format.
 *
 * Reads the file line by line.  Actor files: a line that is not a synonym or
 * a code line opens an entry (its primary name, maybe followed by code
 * specs on the same line); "+NAME" lines add synonyms; "[CODE]",
 * "[CODE >DATE]", "[CODE <DATE]", "[CODE DATE-DATE]" lines add codes.  An
 * entry whose codes are all undated becomes one ACTOR line; one with dated
 * codes becomes a PERSON line (key from its name, code = its undated code or
 * the country part of the first dated one) with an OFFICE line per dated
 * code.  Agent files: "!MACRO! = A, B" defines alternatives, "NOUN [~ROLE]"
 * becomes a ROLE line (macros expanded; a naive plural added when the noun
 * uses no macro).  Names lose their underscores.  Whatever cannot be
 * expressed (codes that are not clio actor codes, roles clio does not know,
 * names with '!' '{' '|' '+' ...) is reported with its line number instead
 * of being guessed.  Output is for a person to review, never shipped as is.
 */
#include "lexicon.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct spec { char code[32]; int32_t from, to; int dated; uint32_t line; } spec;

typedef struct entry {
    uint32_t line;              /* 0 = no entry open */
    buf names;                  /* names separated by '\n' */
    uint32_t nnames;
    spec specs[16];
    int nspecs;
} entry;

typedef struct macro { char name[64]; char alts[1024]; } macro;

typedef struct imp {
    const char *src;
    buf *out, *report;
    size_t converted, skipped;
    macro macros[64];
    int nmacros;
    char **keys; size_t nkeys, ckeys;
    int nomem;
} imp;

static void report(imp *m, uint32_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void report(imp *m, uint32_t line, const char *fmt, ...)
{
    if (!m->report) return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (buf_printf(m->report, "%s:%u: %s\n", m->src, (unsigned)line, msg) < 0) m->nomem = 1;
}

static int blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Phoenix name -> clio name in out (underscores to spaces, trimmed). 0 when
 * the name holds something clio's format cannot carry. */
static int convert_name(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char c = s[i];
        if (c == '!' || c == '{' || c == '}' || c == '|' || c == '#' || c == '+' || c == '[' || c == ']' || c == '~') return 0;
        if (c == '_' || blank(c)) c = ' ';
        if (c == ' ' && (k == 0 || out[k - 1] == ' ')) continue;
        out[k++] = c;
    }
    while (k && out[k - 1] == ' ') k--;
    out[k] = 0;
    return k > 0;
}

/* 6-digit YYMMDD (2-digit years >= 30 are 19xx) or 8-digit YYYYMMDD. */
static int phoenix_date(const char *s, size_t n, int32_t *out)
{
    char iso[11];
    if (n == 8) snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    else if (n == 6) snprintf(iso, sizeof iso, "%s%.2s-%.2s-%.2s", (s[0] - '0') * 10 + (s[1] - '0') >= 30 ? "19" : "20", s, s + 2, s + 4);
    else return -1;
    return lex_parse_date(iso, 10, out);
}

static void put_date(imp *m, int32_t d)
{
    buf_printf(m->out, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

/* Parses "[...]" at s (s[0] == '['); returns the length consumed. */
static size_t parse_spec(imp *m, entry *e, const char *s, size_t n, uint32_t line, int *agent, char *role, size_t rcap)
{
    const char *close = memchr(s, ']', n);
    size_t len = close ? (size_t)(close - s) + 1 : n;
    const char *b = s + 1, *end = close ? close : s + n;
    while (b < end && blank(*b)) b++;
    while (end > b && blank(end[-1])) end--;
    if (!close) { report(m, line, "unclosed '['"); return len; }
    const char *sp = b;
    while (sp < end && !blank(*sp)) sp++;
    size_t cl = (size_t)(sp - b);
    if (cl && (b[0] == '~' || b[cl - 1] == '~')) {
        *agent = 1;
        if (b[0] != '~' || cl - 1 >= rcap) { report(m, line, "agent code '%.*s' is not of the form ~ROLE", (int)cl, b); role[0] = 0; return len; }
        memcpy(role, b + 1, cl - 1); role[cl - 1] = 0;
        return len;
    }
    if (e->nspecs >= 16) { report(m, line, "more than 16 codes for one entry"); return len; }
    spec *p = &e->specs[e->nspecs];
    memset(p, 0, sizeof *p);
    p->line = line; p->from = 0; p->to = LEX_DATE_OPEN;
    if (cl == 0 || cl >= sizeof p->code) { report(m, line, "empty or overlong code"); return len; }
    memcpy(p->code, b, cl);
    while (sp < end && blank(*sp)) sp++;
    size_t dl = (size_t)(end - sp);
    if (dl) {
        p->dated = 1;
        if (sp[0] == '>') { if (phoenix_date(sp + 1, dl - 1, &p->from)) goto bad; }
        else if (sp[0] == '<') { if (phoenix_date(sp + 1, dl - 1, &p->to)) goto bad; }
        else {
            const char *dash = memchr(sp, '-', dl);
            if (!dash || phoenix_date(sp, (size_t)(dash - sp), &p->from) ||
                phoenix_date(dash + 1, dl - (size_t)(dash + 1 - sp), &p->to) || p->from > p->to) goto bad;
        }
    }
    if (!lex_actor_code_ok(p->code, cl)) {
        /* Phoenix stacks roles (AFGGOVAGR): keep the country and first role */
        if (cl > 6 && lex_actor_code_ok(p->code, 6)) {
            report(m, line, "code '%s' shortened to '%.6s' (clio codes carry one role)", p->code, p->code);
            p->code[6] = 0;
        } else {
            report(m, line, "code '%s' is not a clio actor code (3 letters + at most one known role, or IGO...)", p->code);
            return len;
        }
    }
    e->nspecs++;
    return len;
bad:
    report(m, line, "cannot read the date in '%.*s' (want >DATE, <DATE or DATE-DATE, YYMMDD or YYYYMMDD)", (int)(end - b), b);
    return len;
}

static void make_key(imp *m, const char *name, char *key, size_t cap)
{
    size_t k = 0;
    for (const char *p = name; *p && k + 8 < cap; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key[k++] = (char)c;
        else if (k && key[k - 1] != '_') key[k++] = '_';
    }
    while (k && key[k - 1] == '_') k--;
    if (!k) key[k++] = 'p';
    /* a tag of the source file, so imports of several files can sit together */
    const char *slash = strrchr(m->src, '/');
    const char *bn = slash ? slash + 1 : m->src;
    uint32_t h = 2166136261u;
    for (const char *p = bn; *p; p++) { h ^= (unsigned char)*p; h *= 16777619u; }
    k += (size_t)snprintf(key + k, cap - k, "_%04x", (unsigned)(h & 0xffff));
    if (k >= cap) k = cap - 1;
    key[k] = 0;
    /* unique within this import */
    size_t base = k;
    for (int suffix = 2;; suffix++) {
        int dup = 0;
        for (size_t i = 0; i < m->nkeys; i++) if (!strcmp(m->keys[i], key)) { dup = 1; break; }
        if (!dup) break;
        snprintf(key + base, cap - base, "_%d", suffix);
    }
    if (m->nkeys == m->ckeys) {
        size_t nc = m->ckeys ? m->ckeys * 2 : 256;
        char **nk = realloc(m->keys, nc * sizeof *nk);
        if (!nk) { m->nomem = 1; return; }
        m->keys = nk; m->ckeys = nc;
    }
    if (!(m->keys[m->nkeys] = strdup(key))) { m->nomem = 1; return; }
    m->nkeys++;
}

static void put_names(imp *m, const entry *e)
{
    const char *s = e->names.data;
    for (uint32_t i = 0; i < e->nnames; i++) {
        const char *nl = strchr(s, '\n');
        buf_printf(m->out, "%s%.*s", i ? " | " : "", (int)(nl - s), s);
        s = nl + 1;
    }
}

static void flush(imp *m, entry *e)
{
    if (!e->line) return;
    if (!e->nnames) { report(m, e->line, "entry has no usable name"); m->skipped++; goto done; }
    if (!e->nspecs) { report(m, e->line, "entry has no usable code"); m->skipped++; goto done; }
    int dated = 0, undated = -1;
    for (int i = 0; i < e->nspecs; i++) {
        if (e->specs[i].dated) dated++;
        else if (undated < 0) undated = i;
    }
    if (!dated) {
        for (int i = 1; i < e->nspecs; i++)
            report(m, e->specs[i].line, "second undated code '%s' dropped (clio keeps one code per ACTOR)", e->specs[i].code);
        buf_printf(m->out, "ACTOR %s ", e->specs[0].code);
        put_names(m, e);
        buf_printf(m->out, "   # %s:%u\n", m->src, (unsigned)e->line);
    } else {
        char key[96], pcode[32];
        const char *first = e->names.data;
        char primary[256];
        snprintf(primary, sizeof primary, "%.*s", (int)(strchr(first, '\n') - first), first);
        make_key(m, primary, key, sizeof key);
        int first_dated = 0;
        while (!e->specs[first_dated].dated) first_dated++;
        const char *dc = e->specs[first_dated].code;
        if (undated >= 0 && lex_role_ok(e->specs[undated].code, strlen(e->specs[undated].code)) &&
            strlen(e->specs[undated].code) == 3) {
            /* Phoenix writes a bare role ([ELI]) for "outside office": give it the
             * country of the dated codes */
            snprintf(pcode, sizeof pcode, "%.3s%s", dc, e->specs[undated].code);
            if (!lex_actor_code_ok(pcode, strlen(pcode))) snprintf(pcode, sizeof pcode, "%.3s", dc);
            report(m, e->specs[undated].line, "bare role '%s' read as the person's code outside office: %s",
                   e->specs[undated].code, pcode);
        } else if (undated >= 0) snprintf(pcode, sizeof pcode, "%s", e->specs[undated].code);
        else snprintf(pcode, sizeof pcode, "%.3s", dc);
        buf_printf(m->out, "PERSON %s %s ", key, pcode);
        put_names(m, e);
        buf_printf(m->out, "   # %s:%u\n", m->src, (unsigned)e->line);
        for (int i = 0; i < e->nspecs; i++) {
            const spec *p = &e->specs[i];
            if (!p->dated) continue;
            buf_printf(m->out, "OFFICE %s %s ", key, p->code);
            put_date(m, p->from ? p->from : 19000101);
            buf_puts(m->out, " ");
            if (p->to == LEX_DATE_OPEN) buf_puts(m->out, "."); else put_date(m, p->to);
            buf_printf(m->out, " %s   # %s:%u\n", p->from ? "imported office" : "imported office (start unknown)", m->src, (unsigned)p->line);
        }
    }
    m->converted++;
done:
    e->line = 0; e->nnames = 0; e->nspecs = 0; e->names.len = 0;
}

static void add_name(imp *m, entry *e, const char *s, size_t n, uint32_t line)
{
    char name[512];
    if (!convert_name(s, n, name, sizeof name)) {
        report(m, line, "name '%.*s' dropped (holds a character clio names cannot: ! { } | # + [ ] ~)", (int)(n > 60 ? 60 : n), s);
        return;
    }
    buf_puts(&e->names, name);
    buf_puts(&e->names, "\n");
    e->nnames++;
}

static const macro *find_macro(const imp *m, const char *s, size_t n)
{
    for (int i = 0; i < m->nmacros; i++)
        if (strlen(m->macros[i].name) == n && !memcmp(m->macros[i].name, s, n)) return &m->macros[i];
    return NULL;
}

static void naive_plural(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
    int upper = last >= 'A' && last <= 'Z';
    if ((last == 'Y' || last == 'y') && !strchr("AEIOUaeiou", prev))
        snprintf(out, cap, "%.*s%s", (int)(n - 1), w, upper ? "IES" : "ies");
    else if (last == 'S' || last == 's' || last == 'X' || last == 'x' || ((last == 'H' || last == 'h') && (prev == 'C' || prev == 'S' || prev == 'c' || prev == 's')))
        snprintf(out, cap, "%s%s", w, upper ? "ES" : "es");
    else snprintf(out, cap, "%s%s", w, upper ? "S" : "s");
}

static void agent(imp *m, const char *s, size_t n, const char *role, uint32_t line)
{
    if (!role[0]) { m->skipped++; return; }
    if (!lex_role_ok(role, strlen(role))) {
        report(m, line, "role '%s' is not one clio knows (ROLE takes one or two of GOV MIL COP REB ...)", role);
        m->skipped++;
        return;
    }
    size_t mark = m->out->len;
    /* expand one macro, if any */
    const char *b1 = memchr(s, '!', n);
    const char *b2 = b1 ? memchr(b1 + 1, '!', n - (size_t)(b1 + 1 - s)) : NULL;
    buf_printf(m->out, "ROLE %s ", role);
    if (b1 && b2) {
        const macro *mc = find_macro(m, b1, (size_t)(b2 - b1 + 1));
        if (!mc) { report(m, line, "unknown macro '%.*s'", (int)(b2 - b1 + 1), b1); m->out->len = mark; m->skipped++; return; }
        const char *a = mc->alts;
        int first = 1;
        while (*a) {
            const char *comma = strchr(a, ',');
            size_t al = comma ? (size_t)(comma - a) : strlen(a);
            char raw[512], name[512];
            snprintf(raw, sizeof raw, "%.*s%.*s%.*s", (int)(b1 - s), s, (int)al, a, (int)(n - (size_t)(b2 + 1 - s)), b2 + 1);
            if (convert_name(raw, strlen(raw), name, sizeof name)) {
                buf_printf(m->out, "%s%s", first ? "" : " | ", name);
                first = 0;
            }
            if (!comma) break;
            a = comma + 1;
        }
        if (first) {
            report(m, line, "noun '%.*s' dropped (holds a character clio names cannot)", (int)(n > 60 ? 60 : n), s);
            m->out->len = mark;
            m->skipped++;
            return;
        }
    } else {
        char name[512], plural[520];
        if (!convert_name(s, n, name, sizeof name)) {
            report(m, line, "noun '%.*s' dropped (holds a character clio names cannot)", (int)(n > 60 ? 60 : n), s);
            m->out->len = mark;
            m->skipped++;
            return;
        }
        naive_plural(name, plural, sizeof plural);
        buf_printf(m->out, "%s | %s", name, plural);
    }
    buf_printf(m->out, "   # %s:%u\n", m->src, (unsigned)line);
    m->converted++;
}

int clio_dict_import_phoenix(const char *text, size_t len, const char *source_name,
                             clio_buf *out, clio_buf *rep, size_t *converted, size_t *skipped)
{
    imp m;
    memset(&m, 0, sizeof m);
    m.src = source_name ? source_name : "(input)";
    m.out = out; m.report = rep;
    entry e;
    memset(&e, 0, sizeof e);
    buf_printf(out, "# clio-dict 1\n# Imported by `clio dict import-phoenix` from %s.\n"
               "# Review every line before use; third-party dictionaries keep their own licence.\n", m.src);
    uint32_t line = 0;
    size_t i = 0;
    while (i < len) {
        size_t b = i;
        while (i < len && text[i] != '\n') i++;
        const char *s = text + b;
        size_t n = i - b;
        i++;
        line++;
        const char *hash = memchr(s, '#', n);
        if (hash) n = (size_t)(hash - s);
        while (n && blank(*s)) { s++; n--; }
        while (n && blank(s[n - 1])) n--;
        if (!n) continue;
        const char *b2 = n > 1 && s[0] == '!' ? memchr(s + 1, '!', n - 1) : NULL;
        const char *eq = b2 ? b2 + 1 : NULL;
        while (eq && eq < s + n && blank(*eq)) eq++;
        if (eq && eq < s + n && *eq == '=') {   /* macro definition: !NAME! = A, B */
            if (m.nmacros >= 64) { report(&m, line, "more than 64 macros"); continue; }
            macro *mc = &m.macros[m.nmacros++];
            snprintf(mc->name, sizeof mc->name, "%.*s", (int)(b2 - s + 1), s);
            size_t k = 0;
            for (const char *p = eq + 1; p < s + n && k + 1 < sizeof mc->alts; p++)
                if (!blank(*p)) mc->alts[k++] = *p;
            mc->alts[k] = 0;
            continue;
        }
        if (s[0] == '+') {
            if (!e.line) { report(&m, line, "synonym without an entry before it"); continue; }
            add_name(&m, &e, s + 1, n - 1, line);
            continue;
        }
        if (s[0] == '[') {
            if (!e.line) { report(&m, line, "code line without an entry before it"); continue; }
            int ag = 0; char role[32];
            size_t k = 0;
            while (k < n) {
                if (s[k] == '[') k += parse_spec(&m, &e, s + k, n - k, line, &ag, role, sizeof role);
                else k++;
            }
            continue;
        }
        if (s[0] == '<' || s[0] == '-' || s[0] == '{') {
            report(&m, line, "pattern or special line not converted");
            continue;
        }
        /* a new entry: NAME [specs...] */
        flush(&m, &e);
        const char *br = memchr(s, '[', n);
        size_t nl = br ? (size_t)(br - s) : n;
        while (nl && blank(s[nl - 1])) nl--;
        int ag = 0; char role[32] = "";
        e.line = line;
        if (br) {
            size_t k = (size_t)(br - s);
            while (k < n) {
                if (s[k] == '[') k += parse_spec(&m, &e, s + k, n - k, line, &ag, role, sizeof role);
                else k++;
            }
        }
        if (ag) {
            e.line = 0; e.nspecs = 0;
            agent(&m, s, nl, role, line);
            continue;
        }
        add_name(&m, &e, s, nl, line);
    }
    flush(&m, &e);
    buf_free(&e.names);
    for (size_t k = 0; k < m.nkeys; k++) free(m.keys[k]);
    free(m.keys);
    if (converted) *converted = m.converted;
    if (skipped) *skipped = m.skipped;
    return m.nomem ? CLIO_ERR_NOMEM : 0;
}

/*
 * segment.c - sentences and tokens with byte offsets, and boilerplate.
 *
 * Algorithm, in one pass per line:
 *  1. Lines.  Each line's content (trimmed, runs of blanks collapsed) is
 *     hashed; a line that occurs more than once in the document is
 *     boilerplate (navigation, contact blocks, share bars).  Its first
 *     occurrence is kept as a sentence flagged SENT_BOILERPLATE (so the
 *     address parser still sees it once); later copies produce nothing and
 *     are counted in the summary.
 *  2. Tokens, UD English style: whitespace separates; URLs, e-mail
 *     addresses, numbers with separators (1,000.5  10:30), abbreviations
 *     (U.S.  Gen.  a.m.) and initials stay whole; punctuation, brackets and
 *     quotes split off; hyphenated words split at the hyphen ("cease - fire")
 *     as the treebanks do; clitics split ("Russia 's", "do n't", "we 'll").
 *  3. Sentences end after . ! ? … (plus closing quotes and brackets) when
 *     the next token can open a sentence, after an abbreviation only when
 *     the next word is a typical sentence opener ("the U.S. The ..."), at a
 *     blank line, and at a line break unless the next line continues in
 *     lower case (hard-wrapped text).  A line without final punctuation is
 *     a headline sentence.  Sentences longer than CLIO_MAX_SENT_TOKENS are
 *     split (flagged SENT_TRUNCATED) so later stages stay linear.
 * Hands on: doc->sents and doc->toks with form (NFC) and fold (matching key).
 */
#include "engine.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---------------------------------------------------------- char classes */
static int is_space_at(const char *s, size_t n, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *len = 1;
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    }
    int32_t cp;
    *len = text_decode(s + i, n - i, &cp);
    if (cp == 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0x200B || cp == 0xFEFF)
        return 1;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_ZS;
}

static int cp_is_alnum(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    utf8proc_category_t cat = utf8proc_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

static int is_upper_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static int is_lower_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

static int32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    int32_t cp;
    if ((unsigned char)s[i] < 0x80) {
        *len = 1;
        return (unsigned char)s[i];
    }
    *len = text_decode(s + i, n - i, &cp);
    return cp;
}

/* ------------------------------------------------------- abbreviations */
/* Words that take a period and do not end a sentence by themselves.
 * Titles, months, and common abbreviations in news English. */
static const char *const ABBREV[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "st", "jr", "sr", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "corp", "ltd", "co", "bros", "vs", "etc", "no", "nos", "vol", "fig", "approx",
    "dept", "univ", "assn", "ave", "blvd", "rd", "est", "min", "max", "op", "pp", "ca",
    "gens", "sens", "reps", "govs", "messrs", "fr", "supt", "insp", "brig", "cmdt", "pvt",
    "ext", "tel", "al", "cf", "viz", "u.s", NULL
};

static int is_abbrev(const char *s, size_t n)
{
    char low[8];
    if (n == 0 || n > 7)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        low[i] = c;
    }
    low[n] = 0;
    for (int i = 0; ABBREV[i]; i++)
        if (strcmp(ABBREV[i], low) == 0)
            return 1;
    return 0;
}

/* Titles never end a sentence even before a capitalised word. */
static int is_title_abbrev(const char *s, size_t n)
{
    static const char *const T[] = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj",
        "capt", "sgt", "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "st", "mt",
        "gens", "sens", "reps", "brig", "no", "messrs", "fr", "vs", NULL};
    char low[8];
    if (n == 0 || n > 7)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    low[n] = 0;
    for (int i = 0; T[i]; i++)
        if (strcmp(T[i], low) == 0)
            return 1;
    return 0;
}

/* Capitalised words that typically open a sentence: after an ambiguous
 * abbreviation ("the U.S.") they signal a boundary. */
static int is_sentence_opener(const char *s, size_t n)
{
    static const char *const W[] = {"the", "a", "an", "he", "she", "it", "they", "we", "i",
        "but", "and", "in", "on", "at", "this", "that", "these", "those", "his", "her", "its",
        "their", "there", "if", "when", "while", "after", "before", "as", "for", "however",
        "meanwhile", "officials", "some", "many", "no", "one", "two", "last", "earlier",
        "later", "since", "so", "yet", "what", "who", "why", "how", "both", "our", "my",
        "you", "according", "despite", "although", "other", NULL};
    char low[16];
    if (n == 0 || n > 15)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    low[n] = 0;
    for (int i = 0; W[i]; i++)
        if (strcmp(W[i], low) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ tokeniser */
typedef struct span {
    uint32_t start, end;
} span;

typedef struct tokenizer {
    const char *s;
    size_t n;
    span *out;
    size_t cap, count;
    int growable;             /* out is a heap array the tokenizer may grow */
    int oom;
} tokenizer;

static void emit_span(tokenizer *t, size_t a, size_t b)
{
    if (b <= a)
        return;
    if (t->count == t->cap && t->growable && !t->oom) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        span *nv = realloc(t->out, cap * sizeof(span));
        if (nv) {
            t->out = nv;
            t->cap = cap;
        } else {
            t->oom = 1;
        }
    }
    if (t->count < t->cap) {
        t->out[t->count].start = (uint32_t)a;
        t->out[t->count].end = (uint32_t)b;
    }
    t->count++;
}

static int starts_with_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != p[i])
            return 0;
    }
    return 1;
}

/* Is chunk [a,b) a URL or e-mail address?  Returns its length, trimmed of
 * trailing punctuation that belongs to the sentence. */
static size_t url_like(const char *s, size_t a, size_t b)
{
    const char *p = s + a;
    size_t n = b - a;
    int url = starts_with_ci(p, n, "http://") || starts_with_ci(p, n, "https://") ||
              starts_with_ci(p, n, "www.") || starts_with_ci(p, n, "ftp://");
    int email = 0;
    if (!url) {
        const char *at = memchr(p, '@', n);
        if (at && at > p && at + 1 < p + n && memchr(at, '.', (size_t)(p + n - at)) && is_alpha(at[1]))
            email = 1;
    }
    if (!url && !email)
        return 0;
    while (n > 0 && strchr(".,;:!?)]}\"'", p[n - 1]))
        n--;
    return n;
}

static const char *const CLITICS[] = {"n't", "'s", "'ll", "'re", "'ve", "'m", "'d", NULL};

/* Split a word piece [a,b) (no spaces, no outer punctuation) at clitics:
 * appends the pieces. */
static void split_clitics(tokenizer *t, size_t a, size_t b)
{
    const char *s = t->s;
    /* no apostrophe (straight or curly), no clitic */
    if (!memchr(s + a, '\'', b - a) && !memchr(s + a, 0xE2, b - a)) {
        emit_span(t, a, b);
        return;
    }
    /* normalise curly apostrophe to compare */
    for (int i = 0; CLITICS[i]; i++) {
        const char *c = CLITICS[i];
        size_t k = strlen(c);
        /* straight-apostrophe version */
        if (b - a > k && starts_with_ci(s + b - k, k, c)) {
            size_t cut = b - k;
            if (i == 0) { /* n't: "can't" -> ca n't, "won't" -> wo n't */
                emit_span(t, a, cut);
                emit_span(t, cut, b);
                return;
            }
            emit_span(t, a, cut);
            emit_span(t, cut, b);
            return;
        }
        /* curly apostrophe (3 bytes) version */
        size_t ck = k + 2;
        if (b - a > ck) {
            const char *q = s + b - ck;
            size_t apos = (i == 0) ? 1 : 0; /* position of the apostrophe in the clitic */
            const char *ap = q + apos;
            if (memcmp(ap, "\xE2\x80\x99", 3) == 0) {
                int ok = 1;
                for (size_t j = 0, qi = 0; j < k; j++) {
                    if (c[j] == '\'') { qi += 3; continue; }
                    char ch = q[qi++];
                    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
                    if (ch != c[j]) { ok = 0; break; }
                }
                if (ok) {
                    emit_span(t, a, b - ck);
                    emit_span(t, b - ck, b);
                    return;
                }
            }
        }
    }
    /* plural possessive: "states'" */
    if (b - a > 2 && s[b - 1] == '\'' && (s[b - 2] == 's' || s[b - 2] == 'S')) {
        emit_span(t, a, b - 1);
        emit_span(t, b - 1, b);
        return;
    }
    emit_span(t, a, b);
}

/* Words whose hyphen UD keeps (e-mail).  Short list of lexicalised forms. */
static int keep_hyphen_word(const char *s, size_t n)
{
    static const char *const K[] = {"e-mail", "e-mails", "x-ray", "x-rays", "t-shirt", "t-shirts",
        "e-commerce", "u-turn", "a-level", NULL};
    for (int i = 0; K[i]; i++)
        if (strlen(K[i]) == n && starts_with_ci(s, n, K[i]))
            return 1;
    /* prefixes the treebanks keep attached (re-elected, non-profit,
     * pro-Beijing, co-founder), and spelled-out numbers (ninety-nine) */
    static const char *const P[] = {"re-", "non-", "pro-", "co-", "pre-", "post-", "anti-", "mid-",
        "semi-", "multi-", "pan-", "ex-", "inter-", "sub-", "ultra-", "counter-", "neo-", "over-",
        "cross-", "twenty-", "thirty-", "forty-", "fifty-", "sixty-", "seventy-", "eighty-", "ninety-", NULL};
    const char *h = memchr(s, '-', n);
    if (!h || memchr(h + 1, '-', (size_t)(s + n - h - 1)))
        return 0;
    for (int i = 0; P[i]; i++)
        if ((size_t)(h - s + 1) == strlen(P[i]) && starts_with_ci(s, n, P[i]))
            return 1;
    return 0;
}

static int is_number_piece(const char *s, size_t a, size_t b)
{
    /* digits with , . : / separators between digits */
    if (a >= b || !is_digit(s[a]))
        return 0;
    for (size_t i = a; i < b; i++) {
        char c = s[i];
        if (is_digit(c))
            continue;
        if ((c == ',' || c == '.' || c == ':' || c == '/') && i + 1 < b && is_digit(s[i + 1]) && i > a)
            continue;
        return 0;
    }
    return 1;
}

/* Tokenise one whitespace-free chunk [a,b). */
static void tokenize_chunk(tokenizer *t, size_t a, size_t b)
{
    const char *s = t->s;
    size_t n = t->n;
    size_t u = url_like(s, a, b);
    if (u) {
        emit_span(t, a, a + u);
        if (a + u < b)
            tokenize_chunk(t, a + u, b);
        return;
    }
    while (a < b) {
        size_t cl;
        int32_t cp = cp_at(s, n, a, &cl);
        if (!cp_is_alnum(cp)) {
            /* punctuation run: "..." "--" stay whole, others one char */
            char c = s[a];
            if ((c == '.' || c == '-') && a + 1 < b && s[a + 1] == c) {
                size_t e = a;
                while (e < b && s[e] == c)
                    e++;
                emit_span(t, a, e);
                a = e;
                continue;
            }
            /* leading apostrophe: 'em, '90s stay whole */
            if ((c == '\'' ) && a + 1 < b && is_digit(s[a + 1]) && b - a == 4) {
                emit_span(t, a, b);
                return;
            }
            emit_span(t, a, a + cl);
            a += cl;
            continue;
        }
        /* a word: extend over alnum, apostrophes inside words, periods of
         * abbreviations, digits separators, hyphens (split later) */
        size_t e = a;
        while (e < b) {
            size_t l2;
            int32_t c2 = cp_at(s, n, e, &l2);
            if (cp_is_alnum(c2)) { e += l2; continue; }
            if ((c2 == '\'' || c2 == 0x2019) && e + l2 < b) {
                size_t l3;
                int32_t c3 = cp_at(s, n, e + l2, &l3);
                if (cp_is_alnum(c3)) { e += l2; continue; }
            }
            if ((c2 == '\'' || c2 == 0x2019) && e + l2 == b) {
                /* trailing apostrophe: plural possessive "states'" */
                if (e > a && (s[e - 1] == 's' || s[e - 1] == 'S') && c2 == '\'') { e += l2; continue; }
            }
            if ((c2 == ',' || c2 == '.' || c2 == ':' || c2 == '/') && e > a && is_digit(s[e - 1]) &&
                e + 1 < b && is_digit(s[e + 1])) { e += 1; continue; }
            if (c2 == '-' && e + 1 < b) {
                size_t l3;
                int32_t c3 = cp_at(s, n, e + 1, &l3);
                if (cp_is_alnum(c3)) { e += 1; continue; }
            }
            if (c2 == '.' && e + 1 < b && is_alpha(s[e + 1]) && e > a && is_alpha(s[e - 1])) {
                /* U.S.  a.m.  e.g. : letter '.' letter */
                size_t k = e - a;
                if (k <= 2 || (e >= 2 && s[e - 2] == '.')) { e += 1; continue; }
            }
            if (c2 == '&' && e + 1 < b && e > a && is_upper_cp((unsigned char)s[e - 1]) &&
                is_upper_cp((unsigned char)s[e + 1])) { e += 1; continue; } /* AT&T */
            break;
        }
        /* period after the word: abbreviation, initial, or U.S.-style */
        size_t w_end = e;
        if (e < b && s[e] == '.') {
            size_t wl = e - a;
            int dotted = memchr(s + a, '.', wl) != NULL; /* U.S  a.m */
            int initial = wl == 1 && is_upper_cp((unsigned char)s[a]);
            if (dotted || initial || is_abbrev(s + a, wl))
                w_end = e + 1;
        }
        /* split hyphenated words UD-style, numbers with separators intact */
        size_t piece = a;
        int has_hyph = 0;
        for (size_t i = a; i < w_end; i++)
            if (s[i] == '-') { has_hyph = 1; break; }
        if (has_hyph && !keep_hyphen_word(s + a, w_end - a)) {
            for (size_t i = a; i <= w_end; i++) {
                if (i == w_end || s[i] == '-') {
                    if (i > piece) {
                        if (is_number_piece(s, piece, i))
                            emit_span(t, piece, i);
                        else
                            split_clitics(t, piece, i);
                    }
                    if (i < w_end)
                        emit_span(t, i, i + 1);
                    piece = i + 1;
                }
            }
        } else {
            split_clitics(t, a, w_end);
        }
        a = w_end;
    }
}

/* Tokenise [a,b) of s (may contain spaces). */
static void tokenize_range(tokenizer *t, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        size_t l;
        if (is_space_at(t->s, b, i, &l)) {
            i += l;
            continue;
        }
        size_t j = i;
        while (j < b && !is_space_at(t->s, b, j, &l))
            j += l;
        tokenize_chunk(t, i, j);
        i = j;
    }
}

size_t segment_words(const char *s, size_t n, uint32_t *starts, uint32_t *ends, size_t max)
{
    span local[64];
    tokenizer t = {s, n, local, 64, 0, 0, 0};
    size_t total = 0;
    /* tokenise in one go, copy out */
    tokenize_range(&t, 0, n);
    if (t.count <= 64) {
        for (size_t i = 0; i < t.count && i < max; i++) {
            starts[i] = local[i].start;
            ends[i] = local[i].end;
        }
        return t.count;
    }
    /* longer: re-run writing straight into a temporary buffer */
    span *big = malloc(t.count * sizeof(span));
    if (!big)
        return 0;
    tokenizer t2 = {s, n, big, t.count, 0, 0, 0};
    tokenize_range(&t2, 0, n);
    total = t2.count;
    for (size_t i = 0; i < total && i < max; i++) {
        starts[i] = big[i].start;
        ends[i] = big[i].end;
    }
    free(big);
    return total;
}

/* ------------------------------------------------------------ lines */
typedef struct line {
    uint32_t start, end;      /* trimmed content */
    uint64_t hash;
    uint32_t first;           /* index of first line with the same content */
    uint32_t count;           /* occurrences (on the first line) */
} line;

static uint64_t line_hash(const char *s, size_t a, size_t b)
{
    uint64_t h = 1469598103934665603ull;
    int in_space = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            in_space = 1;
            continue;
        }
        if (in_space) {
            h = (h ^ ' ') * 1099511628211ull;
            in_space = 0;
        }
        h = (h ^ c) * 1099511628211ull;
    }
    return h;
}

static int line_equal(const char *s, const line *x, const line *y)
{
    size_t i = x->start, j = y->start;
    for (;;) {
        while (i < x->end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
            i++;
        while (j < y->end && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
            j++;
        if (i >= x->end || j >= y->end)
            return i >= x->end && j >= y->end;
        if (s[i] != s[j])
            return 0;
        i++;
        j++;
    }
}

static int is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* ---------------------------------------------------------- vectors */
typedef struct spanvec {
    span *v;
    size_t n, cap;
} spanvec;


typedef struct sentvec {
    sent *v;
    size_t n, cap;
} sentvec;

static int sentvec_push(sentvec *sv, sent x)
{
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 256;
        sent *nv = realloc(sv->v, cap * sizeof(sent));
        if (!nv)
            return -1;
        sv->v = nv;
        sv->cap = cap;
    }
    sv->v[sv->n++] = x;
    return 0;
}

/* --------------------------------------------------- sentence splitting */
static int tok_is(const char *s, span t, const char *lit)
{
    size_t k = strlen(lit);
    return t.end - t.start == k && memcmp(s + t.start, lit, k) == 0;
}

static int is_terminal(const char *s, span t)
{
    return tok_is(s, t, ".") || tok_is(s, t, "!") || tok_is(s, t, "?") || tok_is(s, t, "...") ||
           tok_is(s, t, "\xE2\x80\xA6") || tok_is(s, t, "!?") || tok_is(s, t, "?!");
}

static int is_closer(const char *s, span t)
{
    /* opening curly quotes count too: pages often close with the wrong one
     * ("decision.“"), and only an attached one is absorbed */
    return tok_is(s, t, "\"") || tok_is(s, t, "'") || tok_is(s, t, ")") || tok_is(s, t, "]") ||
           tok_is(s, t, "}") || tok_is(s, t, "\xE2\x80\x9D") || tok_is(s, t, "\xE2\x80\x99") ||
           tok_is(s, t, "\xC2\xBB") || tok_is(s, t, "\xE2\x80\x9C") || tok_is(s, t, "\xE2\x80\x98");
}

/* Can token t open a sentence?  Upper case, digit, opening quote/bracket. */
static int can_open(const char *s, size_t n, span t)
{
    size_t l;
    int32_t cp = cp_at(s, n, t.start, &l);
    if (is_lower_cp(cp))
        return 0;
    return 1;
}

/* Split tokens [a,b) of sv into sentences appended to out. */
static int split_sentences(const char *s, size_t n, const spanvec *sv, size_t a, size_t b,
                           uint32_t flags, sentvec *out)
{
    size_t first = a;
    for (size_t k = a; k < b; k++) {
        span t = sv->v[k];
        int boundary = 0;
        size_t last = k;
        if (is_terminal(s, t)) {
            while (last + 1 < b && is_closer(s, sv->v[last + 1]) &&
                   sv->v[last + 1].start == sv->v[last].end)
                last++;
            /* a citation mark after the period belongs to the sentence: ". [1]" */
            if (last + 2 < b && tok_is(s, sv->v[last + 1], "[")) {
                size_t q = last + 2;
                while (q < b && q < last + 6 && !tok_is(s, sv->v[q], "]"))
                    q++;
                int digits = 1;
                for (size_t r = last + 2; r < q; r++)
                    digits &= is_digit(s[sv->v[r].start]) || tok_is(s, sv->v[r], "-") ||
                              tok_is(s, sv->v[r], ",") || tok_is(s, sv->v[r], "\xE2\x80\x93");
                if (q < b && q > last + 2 && digits)
                    last = q;
            }
            if (last + 1 >= b)
                boundary = 1;
            else {
                span nx = sv->v[last + 1];
                /* '...' inside a sentence is followed by lower case; after a
                 * plain . ! ? a lower-case word starts a new (informal) sentence */
                int ellipsis = tok_is(s, t, "...") || tok_is(s, t, "\xE2\x80\xA6");
                boundary = ellipsis ? can_open(s, n, nx) : 1;
                if (tok_is(s, t, ".") && nx.start == t.end && !is_closer(s, nx))
                    boundary = 0; /* "3.x", "file.txt" leftovers */
            }
        } else if (t.end - t.start >= 2 && s[t.end - 1] == '.' && k + 1 < b) {
            /* abbreviation with its period */
            span nx = sv->v[k + 1];
            size_t wl = t.end - t.start - 1;
            if (!is_title_abbrev(s + t.start, wl) && !(wl == 1) && is_sentence_opener(s + nx.start, nx.end - nx.start)) {
                size_t l2;
                int32_t cp = cp_at(s, n, nx.start, &l2);
                boundary = is_upper_cp(cp);
            }
        }
        if (!boundary && (k + 1 - first) >= CLIO_MAX_SENT_TOKENS) {
            sent x = {sv->v[first].start, sv->v[k].end, (uint32_t)first, (uint32_t)(k + 1 - first),
                      flags | SENT_TRUNCATED};
            if (sentvec_push(out, x))
                return -1;
            first = k + 1;
            continue;
        }
        if (boundary) {
            sent x = {sv->v[first].start, sv->v[last].end, (uint32_t)first, (uint32_t)(last + 1 - first), flags};
            if (sentvec_push(out, x))
                return -1;
            first = last + 1;
            k = last;
        }
    }
    if (first < b) {
        sent x = {sv->v[first].start, sv->v[b - 1].end, (uint32_t)first, (uint32_t)(b - first),
                  flags | SENT_HEADLINE};
        /* a closing unit that ends in punctuation other than . ! ? (e.g. a
         * colon) is not a headline, only unterminated */
        span lt = sv->v[b - 1];
        if (!(lt.end - lt.start == 1 && strchr(".!?", s[lt.start])) && s[lt.end - 1] == '.')
            x.flags &= ~(uint32_t)SENT_HEADLINE;
        if (sentvec_push(out, x))
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------- the document */
static uint32_t token_flags(const char *s, size_t n, span t)
{
    uint32_t f = 0;
    size_t l;
    int has_alpha = 0, all_upper = 1, any_alnum = 0;
    int32_t c0 = cp_at(s, n, t.start, &l);
    if (is_upper_cp(c0))
        f |= TOK_CAPITAL;
    for (size_t i = t.start; i < t.end; i += l) {
        int32_t cp = cp_at(s, n, i, &l);
        if (cp >= 0x80)
            f |= TOK_NONASCII;
        if (cp < 0x80 && is_digit((char)cp))
            f |= TOK_DIGIT;
        if (cp_is_alnum(cp))
            any_alnum = 1;
        if (is_lower_cp(cp))
            all_upper = 0;
        if (is_upper_cp(cp) || is_lower_cp(cp))
            has_alpha = 1;
    }
    if (has_alpha && all_upper && t.end - t.start > 1)
        f |= TOK_ALLCAPS;
    if (!any_alnum)
        f |= TOK_PUNCT;
    size_t u = url_like(s, t.start, t.end);
    if (u == t.end - t.start)
        f |= memchr(s + t.start, '@', u) && !starts_with_ci(s + t.start, u, "http") ? TOK_EMAIL : TOK_URL;
    return f;
}

int segment_document(clio_doc *d, buf *scratch);

int segment_document(clio_doc *d, buf *scratch)
{
    const char *s = d->text;
    size_t n = d->len;
    int rc = CLIO_ERR_NOMEM;
    line *lines = NULL;
    uint32_t *table = NULL;
    spanvec sv = {0};
    sentvec out = {0};
    size_t nlines = 0, cap = 0;

    /* 1. lines */
    for (size_t i = 0; i <= n;) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        size_t a = i, b = j;
        while (a < b && is_blank_byte(s[a]))
            a++;
        while (b > a && is_blank_byte(s[b - 1]))
            b--;
        if (nlines == cap) {
            cap = cap ? cap * 2 : 256;
            line *nl = realloc(lines, cap * sizeof(line));
            if (!nl)
                goto done;
            lines = nl;
        }
        lines[nlines].start = (uint32_t)a;
        lines[nlines].end = (uint32_t)b;
        lines[nlines].hash = line_hash(s, a, b);
        lines[nlines].first = (uint32_t)nlines;
        lines[nlines].count = 1;
        nlines++;
        if (j >= n)
            break;
        i = j + 1;
    }
    /* repeated lines: open-addressing table of first occurrences */
    size_t tsize = 16;
    while (tsize < nlines * 2)
        tsize *= 2;
    table = malloc(tsize * sizeof(uint32_t));
    if (!table)
        goto done;
    memset(table, 0xff, tsize * sizeof(uint32_t));
    for (size_t i = 0; i < nlines; i++) {
        line *L = &lines[i];
        if (L->end - L->start < 2)
            continue;
        size_t h = (size_t)(L->hash & (tsize - 1));
        for (;;) {
            uint32_t e = table[h];
            if (e == UINT32_MAX) {
                table[h] = (uint32_t)i;
                break;
            }
            if (lines[e].hash == L->hash && line_equal(s, &lines[e], L)) {
                L->first = e;
                lines[e].count++;
                break;
            }
            h = (h + 1) & (tsize - 1);
        }
    }

    /* 2. units of consecutive lines -> tokens -> sentences */
    tokenizer tz = {s, n, NULL, 0, 0, 1, 0};
    size_t li = 0;
    while (li < nlines) {
        line *L = &lines[li];
        if (L->end == L->start) {
            li++;
            continue;
        }
        int repeated = lines[L->first].count > 1;
        if (repeated && L->first != li) { /* a later copy: dropped */
            d->boilerplate_sentences++;
            li++;
            continue;
        }
        size_t ua = L->start, ub = L->end, lj = li + 1;
        if (!repeated) {
            /* join hard-wrapped continuation lines (next starts lower case) */
            while (lj < nlines && lines[lj].end > lines[lj].start && lines[lines[lj].first].count == 1) {
                size_t l;
                int32_t cp = cp_at(s, n, lines[lj].start, &l);
                if (!is_lower_cp(cp))
                    break;
                ub = lines[lj].end;
                lj++;
            }
        }
        size_t before = sv.n;
        /* tokenise straight into the document's growing span array */
        tz.out = sv.v;
        tz.cap = sv.cap;
        tz.count = sv.n;
        tokenize_range(&tz, ua, ub);
        sv.v = tz.out;
        sv.cap = tz.cap;
        if (tz.oom)
            goto done;
        sv.n = tz.count;
        if (sv.n == before) {
            li = lj;
            continue;
        }
        size_t nsent_before = out.n;
        if (split_sentences(s, n, &sv, before, sv.n, repeated ? SENT_BOILERPLATE : 0, &out))
            goto done;
        if (repeated)
            d->boilerplate_sentences += 0; /* the kept copy is reported by its flag */
        (void)nsent_before;
        li = lj;
    }

    /* 3. materialise tokens and sentences in the arena */
    if (sv.n > UINT32_MAX / 2) {
        rc = CLIO_ERR_TOO_LARGE;
        goto done;
    }
    d->toks = arena_alloc(&d->mem, (sv.n ? sv.n : 1) * sizeof(tok));
    d->sents = arena_alloc(&d->mem, (out.n ? out.n : 1) * sizeof(sent));
    if (!d->toks || !d->sents)
        goto done;
    d->ntok = (uint32_t)sv.n;
    d->nsent = (uint32_t)out.n;
    if (out.n)
        memcpy(d->sents, out.v, out.n * sizeof(sent));
    for (size_t si = 0; si < out.n; si++) {
        const sent *S = &out.v[si];
        for (uint32_t k = S->first; k < S->first + S->ntok; k++) {
            span t = sv.v[k];
            tok *T = &d->toks[k];
            T->start = t.start;
            T->end = t.end;
            T->head = -1;
            T->flags = token_flags(s, n, t);
            if (k == S->first)
                T->flags |= TOK_SENT_START;
            if (t.end < n && (s[t.end] == ' ' || s[t.end] == '\n' || s[t.end] == '\t' || s[t.end] == '\r'))
                T->flags |= TOK_SPACE_AFTER;
            if (t.start == 0 || s[t.start - 1] == '\n')
                T->flags |= TOK_LINE_START;
            size_t len = t.end - t.start;
            if (!(T->flags & TOK_NONASCII)) {
                T->form = s + t.start;
                T->form_len = (uint32_t)len;
            } else {
                scratch->len = 0;
                if (text_nfc(s + t.start, len, scratch))
                    goto done;
                if (scratch->len == len && memcmp(scratch->data, s + t.start, len) == 0) {
                    T->form = s + t.start;
                } else {
                    T->form = arena_strndup(&d->mem, scratch->data, scratch->len);
                    if (!T->form)
                        goto done;
                }
                T->form_len = (uint32_t)scratch->len;
            }
            int needs_fold = (T->flags & TOK_NONASCII) != 0;
            for (size_t i = 0; !needs_fold && i < len; i++)
                if (s[t.start + i] >= 'A' && s[t.start + i] <= 'Z')
                    needs_fold = 1;
            if (!needs_fold) {
                T->fold = T->form;
                T->fold_len = T->form_len;
            } else {
                scratch->len = 0;
                if (text_fold(T->form, T->form_len, scratch))
                    goto done;
                T->fold = arena_strndup(&d->mem, scratch->data, scratch->len);
                if (!T->fold)
                    goto done;
                T->fold_len = (uint32_t)scratch->len;
            }
        }
    }
    rc = CLIO_OK;
done:
    free(lines);
    free(table);
    free(sv.v);
    free(out.v);
    return rc;
}

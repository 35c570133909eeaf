/*
 * when.c - the date stage: temporal expressions of one sentence, resolved
 * against the document date.
 *
 * Algorithm.  One left-to-right pass over the sentence's tokens; at each
 * position a fixed list of recognisers is tried in order (dateline, numeric
 * dates, day-month-year, month-day-year, qualified months and years, decades,
 * weekdays, deictic words, "N units ago", "last/next/this UNIT"); the first
 * that matches consumes its tokens, so the pass is linear in the sentence
 * length and an expression is never reported twice.  Recognisers compare
 * folded token keys; month names must be capitalised, and "May" is a month
 * only when the tagger does not call it a modal (or, untagged, when a number
 * or a date word stands next to it).
 *
 * Expressions without a year, weekdays and "the weekend" need the tense of
 * the verb they modify: "on Wednesday" after "will meet" is the next
 * Wednesday, after "met" the last one.  With a parse we climb from the
 * expression to its head and read its auxiliaries and features; without one
 * we take the closest tense cue in the sentence (will, 'll, is to, expected,
 * said, -ed words ...), defaulting to the past, which is what news reports.
 *
 * Hands on: timex records (byte span, sentence tokens, ISO value and
 * precision, anchor token) that the coder attaches to events.
 */
#include "when.h"

#include <stdio.h>
#include <string.h>

/* -------------------------------------------------------------- calendar */
int32_t when_days_from_civil(int y, int m, int d)
{
    /* Howard Hinnant's days_from_civil, public-domain algorithm description */
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

ymd when_civil_from_days(int32_t z)
{
    z += 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int32_t doe = z - era * 146097;
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int32_t mp = (5 * doy + 2) / 153;
    const int32_t d = doy - (153 * mp + 2) / 5 + 1;
    const int32_t m = mp < 10 ? mp + 3 : mp - 9;
    ymd r;
    r.y = (int16_t)(yoe + era * 400 + (m <= 2));
    r.m = (int8_t)m;
    r.d = (int8_t)d;
    return r;
}

int when_days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dim[m - 1];
}

int when_weekday(ymd d)
{
    int32_t z = when_days_from_civil(d.y, d.m, d.d);
    /* 1970-01-01 was a Thursday (3 when Monday = 0) */
    int w = (int)((z % 7 + 7 + 3) % 7);
    return w;
}

static ymd mk(int y, int m, int d)
{
    ymd r;
    r.y = (int16_t)y;
    r.m = (int8_t)m;
    r.d = (int8_t)d;
    return r;
}

static ymd add_days(ymd a, int n)
{
    return when_civil_from_days(when_days_from_civil(a.y, a.m, a.d) + n);
}

static int cmp_ymd(ymd a, ymd b)
{
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    if (a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

int when_parse_iso(const char *s, size_t n, ymd *out)
{
    if (n < 10)
        return CLIO_ERR_INPUT;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return CLIO_ERR_INPUT;
        } else if (s[i] < '0' || s[i] > '9') {
            return CLIO_ERR_INPUT;
        }
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > when_days_in_month(y, m))
        return CLIO_ERR_INPUT;
    *out = mk(y, m, d);
    return 0;
}

size_t when_format(const timex *t, char *out, size_t cap)
{
    char a[32], b[32];
    int n;
    switch (t->precision) {
    case WHEN_DAY:
    case WHEN_DOCUMENT:
        snprintf(a, sizeof a, "%04d-%02d-%02d", t->value.y, t->value.m, t->value.d);
        snprintf(b, sizeof b, "%04d-%02d-%02d", t->value_end.y, t->value_end.m, t->value_end.d);
        break;
    case WHEN_WEEK:
        snprintf(a, sizeof a, "%04d-%02d-%02d", t->value.y, t->value.m, t->value.d);
        snprintf(b, sizeof b, "%04d-%02d-%02d", t->value_end.y, t->value_end.m, t->value_end.d);
        break;
    case WHEN_MONTH:
        snprintf(a, sizeof a, "%04d-%02d", t->value.y, t->value.m);
        snprintf(b, sizeof b, "%04d-%02d", t->value_end.y, t->value_end.m);
        break;
    case WHEN_YEAR:
    case WHEN_DECADE:
        snprintf(a, sizeof a, "%04d", t->value.y);
        snprintf(b, sizeof b, "%04d", t->value_end.y);
        break;
    default:
        a[0] = b[0] = 0;
        break;
    }
    if (strcmp(a, b) == 0)
        n = snprintf(out, cap, "%s", a);
    else
        n = snprintf(out, cap, "%s/%s", a, b);
    return n < 0 ? 0 : (size_t)n;
}

/* ------------------------------------------------------------ token tests */
typedef struct scan {
    const tok *t;
    uint32_t n;
    ymd anchor;
    int tagged;      /* the syntax stage ran (some upos set) */
} scan;

static inline int eq(const tok *t, const char *s)
{
    size_t l = strlen(s); /* inlined: the compiler knows each literal's length */
    return t->fold_len == l && memcmp(t->fold, s, l) == 0;
}

static int eqi(const scan *s, uint32_t i, const char *w)
{
    return i < s->n && eq(&s->t[i], w);
}

static int any_of(const tok *t, const char *const *list)
{
    for (; *list; list++)
        if (eq(t, *list))
            return 1;
    return 0;
}

static int is_dash(const tok *t)
{
    return eq(t, "-") || eq(t, "--") || eq(t, "\xe2\x80\x93") || eq(t, "\xe2\x80\x94") ||
           eq(t, "\xe2\x80\x90") || eq(t, "\xe2\x80\x91");
}

/* An em or en dash (or "--"), compared on the form: folding may map it to
 * a hyphen. */
static int long_dash(const tok *t)
{
    return (t->form_len == 3 && (memcmp(t->form, "\xe2\x80\x94", 3) == 0 ||
                                 memcmp(t->form, "\xe2\x80\x93", 3) == 0)) ||
           (t->form_len == 2 && memcmp(t->form, "--", 2) == 0);
}

/* Digits-only token (optionally with an English ordinal suffix) -> value,
 * returns the number of digits (0: not a number). */
static int number(const tok *t, int *v)
{
    const char *f = t->fold;
    uint32_t l = t->fold_len, k = 0;
    int x = 0;
    while (k < l && f[k] >= '0' && f[k] <= '9' && k < 6) {
        x = x * 10 + (f[k] - '0');
        k++;
    }
    if (k == 0)
        return 0;
    if (k < l) {
        const char *suf = f + k;
        uint32_t sl = l - k;
        if (!(sl == 2 && (!memcmp(suf, "st", 2) || !memcmp(suf, "nd", 2) ||
                          !memcmp(suf, "rd", 2) || !memcmp(suf, "th", 2))))
            return 0;
    }
    *v = x;
    return (int)k;
}

static int day_at(const scan *s, uint32_t i, int *d)
{
    int v;
    if (i >= s->n)
        return 0;
    int k = number(&s->t[i], &v);
    if (k < 1 || k > 2 || v < 1 || v > 31)
        return 0;
    *d = v;
    return 1;
}

static int year_at(const scan *s, uint32_t i, int *y)
{
    int v;
    if (i >= s->n)
        return 0;
    const tok *t = &s->t[i];
    if (number(t, &v) != 4 || t->fold_len != 4 || v < 1000 || v > 2199)
        return 0;
    *y = v;
    return 1;
}

static const struct { const char *name; int m; int full; } MONTHS[] = {
    {"january", 1, 1}, {"february", 2, 1}, {"march", 3, 1}, {"april", 4, 1},
    {"may", 5, 1}, {"june", 6, 1}, {"july", 7, 1}, {"august", 8, 1},
    {"september", 9, 1}, {"october", 10, 1}, {"november", 11, 1}, {"december", 12, 1},
    {"jan", 1, 0}, {"feb", 2, 0}, {"mar", 3, 0}, {"apr", 4, 0}, {"jun", 6, 0},
    {"jul", 7, 0}, {"aug", 8, 0}, {"sep", 9, 0}, {"sept", 9, 0}, {"oct", 10, 0},
    {"nov", 11, 0}, {"dec", 12, 0},
};

/* Month named by token i -> 1..12 and how many tokens (an abbreviation may be
 * followed by a "." token).  *full = 0 for abbreviations. */
static int month_word(const scan *s, uint32_t i, int *full, uint32_t *used)
{
    if (i >= s->n)
        return 0;
    const tok *t = &s->t[i];
    if (!(t->flags & (TOK_CAPITAL | TOK_ALLCAPS)))
        return 0;
    uint32_t l = t->fold_len;
    int dot = 0;
    if (l > 1 && t->fold[l - 1] == '.') {
        l--;
        dot = 1;
    }
    for (size_t k = 0; k < sizeof MONTHS / sizeof MONTHS[0]; k++) {
        if (MONTHS[k].name[0] != t->fold[0])
            continue;
        size_t ml = strlen(MONTHS[k].name);
        if (ml == l && memcmp(MONTHS[k].name, t->fold, l) == 0) {
            if (dot && MONTHS[k].full)
                return 0;
            *full = MONTHS[k].full;
            *used = 1;
            if (!dot && !MONTHS[k].full && i + 1 < s->n && eq(&s->t[i + 1], "."))
                *used = 2;
            return MONTHS[k].m;
        }
    }
    return 0;
}

static const char *const DATE_PREP[] = {
    "in", "since", "until", "till", "of", "early", "late", "mid", "last", "next", "this",
    "by", "during", "from", "through", "before", "after", "to", "and", "or", "between",
    "throughout", "on", "for", "each", "every", "that", "-", NULL};

/* A month name usable at i: tags veto verbs/modals ("May", "March"); short
 * or ambiguous names need a number or a date word beside them. */
static int month_at(const scan *s, uint32_t i, uint32_t *used)
{
    int full = 0;
    int m = month_word(s, i, &full, used);
    if (!m)
        return 0;
    const tok *t = &s->t[i];
    if (t->xpos == XPOS_MD || t->upos == UPOS_AUX || t->upos == UPOS_VERB)
        return 0;
    int d;
    int num_next = (i + *used < s->n) && (day_at(s, i + *used, &d) || year_at(s, i + *used, &d));
    int num_prev = i > 0 && day_at(s, i - 1, &d);
    if (!full || m == 5 || (m == 3 && !s->tagged) || (m == 8 && (t->flags & TOK_SENT_START))) {
        if (num_next || num_prev)
            return m;
        if (i >= 2 && is_dash(&s->t[i - 1]) && day_at(s, i - 2, &d))
            return m; /* "01-Feb-02" */
        if (i > 0 && any_of(&s->t[i - 1], DATE_PREP) && (full || t->upos == UPOS_PROPN)) {
            /* "in May": untagged, a following verb makes it the modal ("may be") */
            if (m == 5 && !s->tagged && i + 1 < s->n && (s->t[i + 1].flags & TOK_CAPITAL) == 0 &&
                !(s->t[i + 1].flags & TOK_PUNCT) && !eqi(s, i + 1, "and") && !eqi(s, i + 1, "or"))
                return 0;
            return m;
        }
        return 0;
    }
    return m;
}

static const char *const WEEKDAYS[7] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};

static int weekday_at(const scan *s, uint32_t i)
{
    if (i >= s->n || !(s->t[i].flags & (TOK_CAPITAL | TOK_ALLCAPS)))
        return -1;
    for (int k = 0; k < 7; k++)
        if (eq(&s->t[i], WEEKDAYS[k]))
            return k;
    return -1;
}

static int small_number(const scan *s, uint32_t i, int *v)
{
    static const char *const W[] = {"zero", "one", "two", "three", "four", "five", "six",
                                    "seven", "eight", "nine", "ten", "eleven", "twelve"};
    if (i >= s->n)
        return 0;
    const tok *t = &s->t[i];
    if (eq(t, "a") || eq(t, "an")) {
        *v = 1;
        return 1;
    }
    for (int k = 1; k <= 12; k++)
        if (eq(t, W[k])) {
            *v = k;
            return 1;
        }
    int x;
    if (number(t, &x) && x > 0 && x < 1000 && t->fold_len <= 3) {
        *v = x;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ tense */
static const char *const FUTURE_CUES[] = {
    "will", "'ll", "ll", "shall", "wo", "expected", "scheduled", "plans", "plan",
    "planning", "intends", "going", "upcoming", "set", "aims", "would", "hopes", NULL};
static const char *const PAST_CUES[] = {
    "said", "says", "was", "were", "had", "did", "told", "met", "held", "killed", "took",
    "went", "came", "began", "hit", "made", "saw", "gave", "left", "fell", "won", "lost",
    "struck", "fought", "shot", "ago", "announced", NULL};

static int future_word(const scan *s, uint32_t j)
{
    const tok *t = &s->t[j];
    if (any_of(t, FUTURE_CUES))
        return 1;
    /* "is due to", not "due to the rain" */
    if (eq(t, "due") && j > 0 && (eq(&s->t[j - 1], "is") || eq(&s->t[j - 1], "are") ||
                                  eq(&s->t[j - 1], "was") || eq(&s->t[j - 1], "were")))
        return 1;
    /* "is to", "are to" (the arrangement future) */
    if ((eq(t, "is") || eq(t, "are")) && eqi(s, j + 1, "to"))
        return 1;
    return 0;
}

static int past_word(const scan *s, uint32_t j)
{
    const tok *t = &s->t[j];
    /* "will be held": a passive participle says nothing about the tense */
    if (j > 0 && (eq(&s->t[j - 1], "be") || eq(&s->t[j - 1], "been") || eq(&s->t[j - 1], "being")))
        return 0;
    /* "was scheduled to", "were expected to": a past arrangement of a future act */
    if ((eq(t, "was") || eq(t, "were")) && j + 1 < s->n && future_word(s, j + 1))
        return 0;
    if (t->xpos == XPOS_VBD)
        return 1;
    if (any_of(t, PAST_CUES))
        return 1;
    /* "-ed" words, unless the tagger calls them adjectives or nouns */
    if (t->fold_len > 4 && memcmp(t->fold + t->fold_len - 2, "ed", 2) == 0 &&
        !(t->flags & TOK_CAPITAL) && t->upos != UPOS_ADJ && t->upos != UPOS_NOUN &&
        t->upos != UPOS_PROPN && t->xpos != XPOS_VBN)
        return 1;
    return 0;
}

/* Head token of span [a, b): the one whose head lies outside it. */
static int32_t span_head(const scan *s, uint32_t a, uint32_t b)
{
    if (!s->tagged)
        return -1;
    for (uint32_t k = a; k < b; k++) {
        int32_t h = s->t[k].head;
        if (h < 0 || (uint32_t)h < a || (uint32_t)h >= b)
            return (int32_t)k;
    }
    return -1;
}

static int32_t governor(const scan *s, uint32_t a, uint32_t b)
{
    int32_t h = span_head(s, a, b);
    if (h < 0)
        return -1;
    int32_t g = s->t[h].head;
    if (g < 0 || (uint32_t)g >= s->n)
        return -1;
    return g;
}

/* 1 = future, 0 = past/present, -1 = undecided (parse route only). */
static int tense_from_tree(const scan *s, int32_t v)
{
    for (int hops = 0; v >= 0 && hops < 4; hops++) {
        const tok *t = &s->t[v];
        if (t->upos == UPOS_VERB || t->upos == UPOS_AUX || t->upos == UPOS_ADJ) {
            int fut = -1;
            for (uint32_t j = 0; j < s->n; j++) {
                if (s->t[j].head != v)
                    continue;
                if (s->t[j].deprel == DEP_AUX || s->t[j].deprel == DEP_AUX_PASS) {
                    if (future_word(s, j))
                        fut = 1;
                    else if (past_word(s, j) || eq(&s->t[j], "has") || eq(&s->t[j], "have"))
                        fut = fut == 1 ? 1 : 0;
                }
            }
            if (fut >= 0)
                return fut;
            if (t->feats & FEAT_TENSE_FUT)
                return 1;
            if ((t->feats & FEAT_TENSE_PAST) || t->xpos == XPOS_VBD)
                return 0;
            if (t->xpos == XPOS_VB || t->xpos == XPOS_VBG || (t->feats & FEAT_VERBFORM_INF)) {
                /* "plans to meet", "is expected to visit", "is to sign" */
                if ((t->deprel == DEP_XCOMP || t->deprel == DEP_CCOMP) && t->head >= 0) {
                    if (future_word(s, (uint32_t)t->head))
                        return 1;
                    /* "agreed to meet on Monday", "vowed to return next week": a
                     * to-infinitive looks forward from its governor, unless the
                     * governor reports an attempt or a start ("managed to") */
                    int to_inf = 0;
                    for (uint32_t j = 0; j < s->n; j++)
                        if (s->t[j].head == v && s->t[j].deprel == DEP_MARK && eq(&s->t[j], "to"))
                            to_inf = 1;
                    const tok *g = &s->t[t->head];
                    static const char *const LOOKS_BACK[] = {"manage", "fail", "try", "attempt", "begin",
                        "start", "continue", "use", "refuse", NULL};
                    int back = 0;
                    for (int q = 0; LOOKS_BACK[q]; q++)
                        if (g->lemma && g->lemma_len == strlen(LOOKS_BACK[q]) &&
                            !memcmp(g->lemma, LOOKS_BACK[q], g->lemma_len))
                            back = 1;
                    if (to_inf && !back)
                        return 1;
                    v = t->head;
                    continue;
                }
            }
            /* a present verb is either a scheduled future ("meets on
             * Friday") or a headline's past ("Russia attacks Kyiv on
             * Monday"): let the cue words decide */
            return -1;
        }
        v = t->head;
    }
    return -1;
}

/* Is the expression [a, b) read in the future?  */
static int is_future(const scan *s, uint32_t a, uint32_t b)
{
    if (s->tagged) {
        int r = tense_from_tree(s, governor(s, a, b));
        if (r >= 0)
            return r;
    }
    for (uint32_t j = a; j-- > 0;) {
        if (future_word(s, j))
            return 1;
        if (past_word(s, j))
            return 0;
    }
    for (uint32_t j = b; j < s->n && j < b + 8; j++) {
        if (future_word(s, j))
            return 1;
        if (past_word(s, j))
            return 0;
    }
    return 0;
}

/* ---------------------------------------------------------------- results */
typedef struct found {
    uint32_t a, b;         /* token span */
    ymd v, e;
    int prec, kind, fut;
} found;

static void day_result(found *f, ymd v, int kind)
{
    f->v = f->e = v;
    f->prec = WHEN_DAY;
    f->kind = kind;
}

/* Year for a month (and day) given without one: the nearest occurrence on
 * the side the tense points to. */
static int infer_year(const scan *s, int m, int d, int fut)
{
    ymd a = s->anchor;
    int y = a.y;
    if (d == 0) {
        if (!fut && m > a.m)
            y--;
        else if (fut && m < a.m)
            y++;
        return y;
    }
    ymd c = mk(y, m, d);
    if (!fut && cmp_ymd(c, add_days(a, 1)) > 0)
        y--;
    else if (fut && cmp_ymd(c, add_days(a, -1)) < 0)
        y++;
    /* February 29 without a year: the nearest leap year on that side */
    for (int k = 0; k < 8 && d > when_days_in_month(y, m); k++)
        y += fut ? 1 : -1;
    return y;
}

static int valid_day(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= when_days_in_month(y, m);
}

/* --------------------------------------------------------- recognisers */
/* "2025-05-16" (one token or three numbers joined by dashes) and US
 * "05/16/2025" (month first unless the first number exceeds 12). */
static int rec_numeric(const scan *s, uint32_t i, found *f)
{
    const tok *t = &s->t[i];
    int p[3] = {0, 0, 0}, np = 0, nd[3] = {0, 0, 0};
    char sep = 0;
    uint32_t used = 1;
    /* one token: digits separated by - or / */
    const char *c = t->fold, *end = t->fold + t->fold_len;
    while (c < end && np < 3) {
        int x = 0, k = 0;
        while (c < end && *c >= '0' && *c <= '9' && k < 5) {
            x = x * 10 + (*c++ - '0');
            k++;
        }
        if (k == 0)
            break;
        p[np] = x;
        nd[np++] = k;
        if (c < end && (*c == '-' || *c == '/') && np < 3) {
            if (sep && sep != *c)
                return 0;
            sep = *c++;
        } else {
            break;
        }
    }
    if (c != end)
        np = 0;
    if (np == 1 && nd[0] >= 1) {
        /* split tokens: N SEP N SEP N */
        uint32_t j = i + 1;
        np = 1;
        while (np < 3 && j + 1 < s->n) {
            const tok *u = &s->t[j];
            char cs = u->fold_len == 1 ? u->fold[0] : 0;
            if (cs != '-' && cs != '/')
                break;
            if (sep && sep != cs)
                break;
            if (j > 0 && (s->t[j - 1].flags & TOK_SPACE_AFTER))
                break;
            if (u->flags & TOK_SPACE_AFTER)
                break;
            int x;
            int k = number(&s->t[j + 1], &x);
            if (!k || s->t[j + 1].fold_len != (uint32_t)k)
                break;
            sep = cs;
            p[np] = x;
            nd[np++] = k;
            j += 2;
        }
        used = j - i;
    }
    if (np != 3)
        return 0;
    int y, m, d;
    if (sep == '-' && nd[0] == 4 && nd[1] <= 2 && nd[2] <= 2) {
        y = p[0]; m = p[1]; d = p[2];
    } else if (sep == '/' && nd[2] == 4 && nd[0] <= 2 && nd[1] <= 2) {
        y = p[2];
        if (p[0] > 12) { d = p[0]; m = p[1]; } else { m = p[0]; d = p[1]; }
    } else if (sep == '/' && nd[0] == 4) {
        y = p[0]; m = p[1]; d = p[2];
    } else {
        return 0;
    }
    if (y < 1000 || y > 2199 || !valid_day(y, m, d))
        return 0;
    f->a = i;
    f->b = i + used;
    day_result(f, mk(y, m, d), WHEN_ABSOLUTE);
    return 1;
}

/* Optional ", YYYY" or "YYYY" after position j: returns tokens used. */
static uint32_t year_after(const scan *s, uint32_t j, int *y)
{
    if (year_at(s, j, y))
        return 1;
    if (j < s->n && eq(&s->t[j], ",") && year_at(s, j + 1, y))
        return 2;
    return 0;
}

/* "16 May 2025", "16th of May" */
static int rec_day_month(const scan *s, uint32_t i, found *f)
{
    int d, y = 0;
    uint32_t used, j = i + 1;
    if (!day_at(s, i, &d))
        return 0;
    int dashed = 0;
    if (eqi(s, j, "of"))
        j++;
    else if (j < s->n && is_dash(&s->t[j]) && !(s->t[i].flags & TOK_SPACE_AFTER)) {
        j++;
        dashed = 1;
    }
    int m = month_at(s, j, &used);
    if (!m)
        return 0;
    j += used;
    uint32_t yu = 0;
    if (dashed && j + 1 < s->n && is_dash(&s->t[j])) {
        /* "01-Feb-02", "16-May-2025" */
        int v, k = number(&s->t[j + 1], &v);
        if (k == 2 && s->t[j + 1].fold_len == 2) {
            y = v >= 50 ? 1900 + v : 2000 + v;
            yu = 2;
        } else if (k == 4 && s->t[j + 1].fold_len == 4) {
            y = v;
            yu = 2;
        }
    }
    if (!yu)
        yu = year_after(s, j, &y);
    f->a = i;
    f->b = j + yu;
    if (!yu)
        y = s->anchor.y ? infer_year(s, m, d, f->fut = is_future(s, i, j)) : 0;
    if (!y || !valid_day(y, m, d))
        return 0;
    day_result(f, mk(y, m, d), yu ? WHEN_ABSOLUTE : WHEN_RELATIVE);
    return 1;
}

/* "May 16", "May 16, 2025", "May 16-18", "May 2025", "May" */
static int rec_month(const scan *s, uint32_t i, found *f, int qualifier)
{
    uint32_t used;
    int m = month_at(s, i, &used);
    if (!m)
        return 0;
    uint32_t j = i + used;
    int d = 0, d2 = 0, y = 0;
    if (day_at(s, j, &d) && !(j + 1 < s->n && eq(&s->t[j + 1], ":"))) {
        j++;
        /* range "16-18": split tokens or one token "16-18" */
        if (j + 1 < s->n && is_dash(&s->t[j]) && day_at(s, j + 1, &d2) && d2 > d) {
            j += 2;
        }
    } else if (j < s->n) {
        /* one token "16-18" */
        const tok *t = &s->t[j];
        int a = 0, b = 0;
        if (sscanf(t->fold, "%2d-%2d", &a, &b) == 2 && t->fold_len <= 5 && a >= 1 && b > a &&
            b <= 31) {
            d = a;
            d2 = b;
            j++;
        }
    }
    uint32_t yu = year_after(s, j, &y);
    if (d && !yu && y == 0 && j < s->n && eq(&s->t[j], ",") && year_at(s, j + 1, &y))
        yu = 2;
    if (!yu && !d && j + 1 < s->n && eq(&s->t[j], "of")) {
        /* "February of 1966", "December of '74" */
        if (year_at(s, j + 1, &y)) {
            yu = 2;
        } else if (j + 2 < s->n && eq(&s->t[j + 1], "'") && s->t[j + 2].fold_len == 2) {
            int v;
            if (number(&s->t[j + 2], &v) == 2) {
                y = v >= 30 ? 1900 + v : 2000 + v;
                yu = 3;
            }
        } else if (s->t[j + 1].fold_len == 3 && s->t[j + 1].fold[0] == '\'') {
            int v;
            if (s->t[j + 1].fold[1] >= '0' && s->t[j + 1].fold[1] <= '9' &&
                s->t[j + 1].fold[2] >= '0' && s->t[j + 1].fold[2] <= '9') {
                v = (s->t[j + 1].fold[1] - '0') * 10 + (s->t[j + 1].fold[2] - '0');
                y = v >= 30 ? 1900 + v : 2000 + v;
                yu = 2;
            }
        }
    }
    uint32_t end = j + yu;
    f->a = i;
    f->b = end;
    if (!yu) {
        if (!s->anchor.y)
            return 0;
        f->fut = is_future(s, i, end);
        y = infer_year(s, m, d, f->fut);
        /* "Wednesday, May 21": the weekday names the year */
        int w = i >= 2 && eq(&s->t[i - 1], ",") ? weekday_at(s, i - 2) : i >= 1 ? weekday_at(s, i - 1) : -1;
        if (d && w >= 0) {
            static const int tries[3] = {0, 1, -1};
            for (int k = 0; k < 3; k++)
                if (valid_day(y + tries[k], m, d) && when_weekday(mk(y + tries[k], m, d)) == w) {
                    y += tries[k];
                    break;
                }
        }
    }
    if (d) {
        if (!valid_day(y, m, d) || (d2 && !valid_day(y, m, d2)))
            return 0;
        day_result(f, mk(y, m, d), yu ? WHEN_ABSOLUTE : WHEN_RELATIVE);
        if (d2) {
            f->e = mk(y, m, d2);
            f->kind = WHEN_RANGE;
        }
    } else {
        f->v = f->e = mk(y, m, 0);
        f->prec = WHEN_MONTH;
        f->kind = yu ? WHEN_ABSOLUTE : WHEN_RELATIVE;
    }
    (void)qualifier;
    return 1;
}

static const char *const YEAR_PREP[] = {
    "in", "since", "until", "till", "by", "during", "from", "through", "before", "after",
    "early", "late", "mid", "of", "between", "and", "to", "throughout", "summer", "spring",
    "autumn", "fall", "winter", "-", "fiscal", NULL};

/* "in 2014", "early 2024": a bare four-digit number is a year only after a
 * date preposition or qualifier (else "2014 people" would be a date). */
static int rec_year(const scan *s, uint32_t i, found *f, int qualified)
{
    int y;
    if (!year_at(s, i, &y))
        return 0;
    int y0;
    if (!qualified && !(i > 0 && any_of(&s->t[i - 1], YEAR_PREP)))
        return 0;
    /* "1946-1954" is a range of years; "78712-1179" and "428-1181" are not */
    if (!qualified && is_dash(&s->t[i - 1]) && !(i >= 2 && year_at(s, i - 2, &y0)))
        return 0;
    /* "in 2014 people" is rare; "2014 elections" is still the year 2014 */
    f->a = i;
    f->b = i + 1;
    f->v = f->e = mk(y, 0, 0);
    f->prec = WHEN_YEAR;
    f->kind = WHEN_ABSOLUTE;
    return 1;
}

/* "the 1990s", "1990s", "the '90s" */
static int rec_decade(const scan *s, uint32_t i, found *f)
{
    const tok *t = &s->t[i];
    int y = -1;
    uint32_t used = 1;
    if (t->fold_len == 5 && t->fold[4] == 's') {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            if (t->fold[k] < '0' || t->fold[k] > '9') return 0;
            v = v * 10 + t->fold[k] - '0';
        }
        if (v % 10 != 0 || v < 1000 || v > 2190) return 0;
        y = v;
    } else if (t->fold_len == 4 && t->fold[0] == '\'' && t->fold[3] == 's' &&
               t->fold[1] >= '0' && t->fold[1] <= '9' && t->fold[2] == '0') {
        int v = (t->fold[1] - '0') * 10;
        y = v >= 30 ? 1900 + v : 2000 + v;
    } else if (t->fold_len == 3 && t->fold[2] == 's' && t->fold[1] == '0' && t->fold[0] >= '0' &&
               t->fold[0] <= '9' && i > 0 && eq(&s->t[i - 1], "'")) {
        int v = (t->fold[0] - '0') * 10;
        y = v >= 30 ? 1900 + v : 2000 + v;
    } else if (year_at(s, i, &y) && y % 10 == 0 && i + 1 < s->n && eq(&s->t[i + 1], "s") &&
               !(t->flags & TOK_SPACE_AFTER)) {
        used = 2;
    } else {
        return 0;
    }
    f->a = i;
    f->b = i + used;
    f->v = mk(y, 0, 0);
    f->e = mk(y + 9, 0, 0);
    f->prec = WHEN_DECADE;
    f->kind = WHEN_RANGE;
    return 1;
}

static const char *const DAY_PARTS[] = {"morning", "afternoon", "evening", "night", NULL};

/* "(on) Wednesday", "last Friday", "next Monday", "Tuesday night" */
static int rec_weekday(const scan *s, uint32_t i, found *f)
{
    uint32_t j = i;
    int dir = 0; /* -1 last, +1 next, 0 by tense */
    if (eq(&s->t[i], "last") || eq(&s->t[i], "past")) { dir = -1; j++; }
    else if (eq(&s->t[i], "next") || eq(&s->t[i], "coming")) { dir = 1; j++; }
    else if (eq(&s->t[i], "this")) { j++; }
    int w = weekday_at(s, j);
    if (w < 0 || !s->anchor.y)
        return 0;
    /* "Monday, May 19": let the explicit date win */
    uint32_t used;
    if (j + 2 < s->n && eq(&s->t[j + 1], ",") && month_at(s, j + 2, &used))
        return 0;
    if (j + 1 < s->n && month_at(s, j + 1, &used))
        return 0;
    uint32_t end = j + 1;
    if (end < s->n && any_of(&s->t[end], DAY_PARTS))
        end++;
    int aw = when_weekday(s->anchor);
    f->a = i;
    f->b = end;
    f->fut = dir > 0 ? 1 : dir < 0 ? 0 : is_future(s, i, end);
    int delta;
    if (dir < 0)
        delta = -(((aw - w) + 7) % 7 ? ((aw - w) + 7) % 7 : 7);
    else if (dir > 0)
        delta = ((w - aw) + 7) % 7 ? ((w - aw) + 7) % 7 : 7;
    else if (w == aw)
        delta = 0;
    else if (f->fut)
        delta = ((w - aw) + 7) % 7;
    else
        delta = -(((aw - w) + 7) % 7);
    day_result(f, add_days(s->anchor, delta), WHEN_RELATIVE);
    return 1;
}

static void week_of(ymd d, ymd *mon, ymd *sun)
{
    int w = when_weekday(d);
    *mon = add_days(d, -w);
    *sun = add_days(d, 6 - w);
}

static void month_shift(ymd a, int k, ymd *out)
{
    int idx = a.y * 12 + (a.m - 1) + k;
    *out = mk(idx / 12, idx % 12 + 1, 0);
}

/* "the weekend", "this weekend", "last weekend", "next weekend" */
static int rec_weekend(const scan *s, uint32_t i, found *f)
{
    uint32_t j = i;
    int dir = 0;
    if (eq(&s->t[i], "the") || eq(&s->t[i], "this")) j++;
    else if (eq(&s->t[i], "last") || eq(&s->t[i], "past")) { dir = -1; j++; }
    else if (eq(&s->t[i], "next") || eq(&s->t[i], "coming")) { dir = 1; j++; }
    if (j >= s->n || !eq(&s->t[j], "weekend") || !s->anchor.y)
        return 0;
    f->a = i;
    f->b = j + 1;
    int fut = dir ? dir > 0 : is_future(s, i, j + 1);
    f->fut = fut;
    int aw = when_weekday(s->anchor);
    ymd sat;
    if (aw >= 5 && dir == 0)
        sat = add_days(s->anchor, 5 - aw);
    else if (fut)
        sat = add_days(s->anchor, 5 - aw + (aw >= 5 ? 7 : 0));
    else
        sat = add_days(s->anchor, -(aw + 2) + (aw >= 5 && dir == 0 ? 7 : 0));
    f->v = sat;
    f->e = add_days(sat, 1);
    f->prec = WHEN_WEEK;
    f->kind = WHEN_RANGE;
    return 1;
}

/* Deictic words and "last/next/this UNIT", "earlier this UNIT". */
static int rec_deictic(const scan *s, uint32_t i, found *f)
{
    const tok *t = &s->t[i];
    ymd a = s->anchor;
    if (!a.y)
        return 0;
    f->a = i;
    f->b = i + 1;
    /* "overnight into Monday", "overnight on Sunday": the day named dates it */
    if (eq(t, "overnight") && i + 1 < s->n &&
        (eqi(s, i + 1, "into") || eqi(s, i + 1, "to") || eqi(s, i + 1, "on") || eqi(s, i + 1, "from")))
        return 0;
    if (eq(t, "today") || eq(t, "tonight") || eq(t, "overnight")) {
        day_result(f, a, WHEN_RELATIVE);
        return 1;
    }
    if (eq(t, "yesterday")) {
        day_result(f, add_days(a, -1), WHEN_RELATIVE);
        return 1;
    }
    if (eq(t, "tomorrow")) {
        day_result(f, add_days(a, 1), WHEN_RELATIVE);
        f->fut = 1;
        return 1;
    }
    if ((eq(t, "last") && eqi(s, i + 1, "night")) ||
        (eq(t, "this") && i + 1 < s->n && any_of(&s->t[i + 1], DAY_PARTS))) {
        f->b = i + 2;
        day_result(f, eq(t, "last") ? add_days(a, -1) : a, WHEN_RELATIVE);
        return 1;
    }
    uint32_t j = i;
    int k = 99;
    if (eq(t, "earlier") || eq(t, "later")) {
        if (!eqi(s, i + 1, "this"))
            return 0;
        j = i + 1;
        k = 0;
    } else if (eq(t, "last") || eq(t, "past") || eq(t, "previous")) {
        k = -1;
    } else if (eq(t, "next") || eq(t, "coming")) {
        k = 1;
    } else if (eq(t, "this")) {
        k = 0;
    } else {
        return 0;
    }
    if (j + 1 >= s->n)
        return 0;
    const tok *u = &s->t[j + 1];
    f->b = j + 2;
    if (eq(u, "week")) {
        ymd mon, sun;
        week_of(add_days(a, 7 * k), &mon, &sun);
        f->v = mon;
        f->e = sun;
        f->prec = WHEN_WEEK;
        f->kind = WHEN_RANGE;
        return 1;
    }
    if (eq(u, "month")) {
        month_shift(a, k, &f->v);
        f->e = f->v;
        f->prec = WHEN_MONTH;
        f->kind = WHEN_RELATIVE;
        return 1;
    }
    if (eq(u, "year")) {
        f->v = f->e = mk(a.y + k, 0, 0);
        f->prec = WHEN_YEAR;
        f->kind = WHEN_RELATIVE;
        return 1;
    }
    return 0;
}

/* "three days ago", "a week ago", "two years ago", "in 10 days" (future) */
static int rec_ago(const scan *s, uint32_t i, found *f)
{
    int v;
    uint32_t j = i;
    int in = 0;
    if (!s->anchor.y)
        return 0;
    if (eq(&s->t[i], "in") || eq(&s->t[i], "within")) {
        in = 1;
        j++;
    }
    if (!small_number(s, j, &v) || j + 1 >= s->n)
        return 0;
    const tok *u = &s->t[j + 1];
    int unit = 0;
    if (eq(u, "day") || eq(u, "days")) unit = 1;
    else if (eq(u, "week") || eq(u, "weeks")) unit = 2;
    else if (eq(u, "month") || eq(u, "months")) unit = 3;
    else if (eq(u, "year") || eq(u, "years")) unit = 4;
    if (!unit)
        return 0;
    int sign;
    uint32_t end;
    if (!in && eqi(s, j + 2, "ago")) {
        sign = -1;
        end = j + 3;
    } else if (in && is_future(s, i, j + 2) && !eqi(s, j + 2, "of")) {
        sign = 1;
        end = j + 2;
        f->fut = 1;
    } else {
        return 0;
    }
    f->a = i;
    f->b = end;
    f->kind = WHEN_RELATIVE;
    ymd a = s->anchor;
    switch (unit) {
    case 1:
        day_result(f, add_days(a, sign * v), WHEN_RELATIVE);
        break;
    case 2:
        day_result(f, add_days(a, sign * 7 * v), WHEN_RELATIVE);
        f->prec = WHEN_WEEK;
        week_of(f->v, &f->v, &f->e);
        f->kind = WHEN_RANGE;
        break;
    case 3:
        month_shift(a, sign * v, &f->v);
        f->e = f->v;
        f->prec = WHEN_MONTH;
        break;
    default:
        f->v = f->e = mk(a.y + sign * v, 0, 0);
        f->prec = WHEN_YEAR;
        break;
    }
    return 1;
}

/* "early 2024", "mid-July", "late May", "mid-2023" */
static int rec_qualified(const scan *s, uint32_t i, found *f)
{
    const tok *t = &s->t[i];
    uint32_t j;
    if (eq(t, "early") || eq(t, "late") || eq(t, "mid")) {
        j = i + 1;
        if (eq(t, "mid") && j < s->n && is_dash(&s->t[j]))
            j++;
    } else if (t->fold_len > 4 && memcmp(t->fold, "mid-", 4) == 0) {
        /* one token "mid-July": match the rest as a month or year by hand */
        const char *rest = t->fold + 4;
        uint32_t rl = t->fold_len - 4;
        for (size_t k = 0; k < 12; k++) {
            if (strlen(MONTHS[k].name) == rl && memcmp(MONTHS[k].name, rest, rl) == 0) {
                int m = MONTHS[k].m;
                if (!s->anchor.y)
                    return 0;
                f->a = i;
                f->b = i + 1;
                f->fut = is_future(s, i, i + 1);
                int y = infer_year(s, m, 0, f->fut);
                uint32_t yu = year_after(s, i + 1, &y);
                f->b += yu;
                f->v = f->e = mk(y, m, 0);
                f->prec = WHEN_MONTH;
                f->kind = yu ? WHEN_ABSOLUTE : WHEN_RELATIVE;
                return 1;
            }
        }
        if (rl == 4) {
            int y = 0;
            for (uint32_t k = 0; k < 4; k++) {
                if (rest[k] < '0' || rest[k] > '9') return 0;
                y = y * 10 + rest[k] - '0';
            }
            if (y < 1000 || y > 2199) return 0;
            f->a = i;
            f->b = i + 1;
            f->v = f->e = mk(y, 0, 0);
            f->prec = WHEN_YEAR;
            f->kind = WHEN_ABSOLUTE;
            return 1;
        }
        return 0;
    } else {
        return 0;
    }
    if (j >= s->n)
        return 0;
    if (rec_month(s, j, f, 1) || rec_year(s, j, f, 1) || rec_decade(s, j, f)) {
        f->a = i;
        return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- datelines */
uint32_t when_dateline(const tok *toks, uint32_t n, uint32_t *place_n, uint32_t *date_a,
                       uint32_t *date_n)
{
    scan s = {toks, n, {0, 0, 0}, 0};
    uint32_t j = 0;
    *place_n = 0;
    *date_a = *date_n = 0;
    while (j < n && j < 4 && (toks[j].flags & TOK_ALLCAPS) && !(toks[j].flags & TOK_PUNCT) &&
           toks[j].fold_len >= 2)
        j++;
    if (j == 0)
        return 0;
    uint32_t city = j;
    /* ", Ukraine", ", N.J." */
    while (j + 1 < n && eq(&toks[j], ",") && j < 10) {
        uint32_t used;
        if (month_at(&s, j + 1, &used))
            break;
        uint32_t k = j + 1;
        while (k < n && k < j + 5 && (toks[k].flags & (TOK_CAPITAL | TOK_ALLCAPS)) &&
               !eq(&toks[k], "("))
            k++;
        if (k == j + 1)
            break;
        j = k;
    }
    uint32_t place_end = j;
    uint32_t da = 0, dn = 0;
    if (j + 1 < n && eq(&toks[j], ",")) {
        uint32_t used;
        if (month_at(&s, j + 1, &used)) {
            int d;
            da = j + 1;
            uint32_t k = j + 1 + used;
            if (day_at(&s, k, &d))
                k++;
            int y;
            k += year_after(&s, k, &y);
            dn = k - da;
            j = k;
        }
    }
    if (j < n && eq(&toks[j], "(")) {
        uint32_t k = j + 1;
        while (k < n && k < j + 6 && !eq(&toks[k], ")"))
            k++;
        if (k >= n || !eq(&toks[k], ")"))
            return 0;
        j = k + 1;
        if (j < n && is_dash(&toks[j]))
            j++;
    } else if (j < n && (dn || (city <= 2 && j + 1 < n && (toks[j + 1].flags & TOK_CAPITAL))) &&
               (long_dash(&toks[j]) || (dn && is_dash(&toks[j])))) {
        /* AP style "MOSCOW —": an em or en dash (a hyphen after a run of
         * capitals is as often a shouted headline: "BEST DENTIST EVER -") */
        j++;
    } else {
        return 0;
    }
    *place_n = place_end;
    (void)city;
    *date_a = da;
    *date_n = dn;
    return j;
}

static int rec_dateline(const scan *s, found *f)
{
    uint32_t pn, da, dn;
    uint32_t len = when_dateline(s->t, s->n, &pn, &da, &dn);
    if (!len)
        return 0;
    if (dn) {
        if (!rec_month(s, da, f, 0))
            return 0;
        /* the date of a dateline is never after the story: force the past */
        if (f->kind != WHEN_ABSOLUTE && s->anchor.y) {
            int m = f->v.m, d = f->v.d;
            int y = infer_year(s, m, d, 0);
            if (d && valid_day(y, m, d))
                f->v = f->e = mk(y, m, d);
            else if (!d)
                f->v = f->e = mk(y, m, 0);
        }
        f->b = len;
        f->a = da;
        f->kind = WHEN_DATELINE;
        return 1;
    }
    if (!s->anchor.y)
        return 0;
    f->a = 0;
    f->b = len;
    f->v = f->e = s->anchor;
    f->prec = WHEN_DOCUMENT;
    f->kind = WHEN_DATELINE;
    return 1;
}

/* ---------------------------------------------------------------- driver */
static const char *const AGE_NOUNS[] = {"old", "-old", NULL};

size_t when_find(const tok *toks, uint32_t n, const char *text, ymd anchor, timex *out,
                 size_t max)
{
    (void)text;
    scan s = {toks, n, anchor, 0};
    size_t k = 0;
    if (!toks || n == 0 || max == 0)
        return 0;
    for (uint32_t i = 0; i < n; i++)
        if (toks[i].upos) {
            s.tagged = 1;
            break;
        }
    uint32_t i = 0;
    found f;
    memset(&f, 0, sizeof f);
    if (rec_dateline(&s, &f)) {
        i = f.b;
        goto emit_first;
    }
    while (i < n && k < max) {
        memset(&f, 0, sizeof f);
        int ok = rec_numeric(&s, i, &f) || rec_qualified(&s, i, &f) ||
                 rec_day_month(&s, i, &f) || rec_month(&s, i, &f, 0) ||
                 rec_decade(&s, i, &f) || rec_year(&s, i, &f, 0) ||
                 rec_weekend(&s, i, &f) || rec_weekday(&s, i, &f) ||
                 rec_deictic(&s, i, &f) || rec_ago(&s, i, &f);
        if (!ok) {
            i++;
            continue;
        }
        /* "three-year-old", "a 10-year-old boy": ages, not dates */
        if (f.b < n && (any_of(&toks[f.b], AGE_NOUNS))) {
            i = f.b;
            continue;
        }
        i = f.b > i ? f.b : i + 1;
    emit_first:
        if (k >= max)
            break;
        timex *t = &out[k++];
        memset(t, 0, sizeof *t);
        t->first = f.a;
        t->ntok = f.b - f.a;
        t->start = toks[f.a].start;
        t->end = toks[f.b - 1].end;
        t->value = f.v;
        t->value_end = f.e;
        t->precision = (uint8_t)f.prec;
        t->kind = (uint8_t)f.kind;
        t->future = (uint8_t)f.fut;
        t->anchor_tok = s.tagged ? governor(&s, f.a, f.b) : -1;
        if (f.kind == WHEN_DATELINE)
            t->anchor_tok = -1;
    }
    return k;
}

/*
 * actors.c - actor mentions in a sentence, and the discourse memory that
 * resolves pronouns and "both sides".
 *
 * Algorithm, left to right over the tokens:
 *  1. the lexicon's longest match at each token gives a name (country,
 *     actor, person on the document's date), an adjective, or a role noun;
 *  2. a role takes its country from an adjacent adjective or country
 *     ("Russian troops"; coordinated "Ukrainian and Russian officials" gives
 *     both), a possessive ("Ukraine's foreign minister"), an "of" phrase
 *     ("the government of Sudan"), or a following person ("Foreign Minister
 *     Hakan Fidan" is the person's code); otherwise it is left bare and gets
 *     the document's main country;
 *  3. pronouns and group phrases resolve by the simplest rules that are
 *     right most of the time (docs/ARCHITECTURE.md, "Discourse"):
 *       it/its  -> the sentence's first subject before it, else the previous
 *                  sentence's main subject;
 *       they/their/them -> the last group of two or more actors;
 *       both sides / the two sides / the rival sides / both countries ->
 *                  the last pair named together ("Ukrainian and Russian ..."),
 *                  else the two most-mentioned countries.
 * Hands on: mentions with up to MENTION_MAX_CODES codes and a token map.
 */
#include "coder.h"
#include "lexicon.h"
#include "when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline int fold_is(const tok *t, const char *s)
{
    /* first byte first: most calls are misses, and strlen is the cost */
    if (!t->fold_len || t->fold[0] != s[0])
        return 0;
    size_t k = strlen(s);
    return t->fold_len == k && memcmp(t->fold, s, k) == 0;
}

/* "ISTANBUL (Reuters) -": a news organisation in parentheses is the
 * story's credit, not an actor of the story */
static int agency_credit(const tok *toks, uint32_t n, uint32_t i, const lex_match *b)
{
    size_t cl = strlen(b->code);
    uint32_t len = b->ntok ? b->ntok : 1;
    return cl >= 6 && !strcmp(b->code + cl - 3, "MED") && i > 0 && i + len < n && fold_is(&toks[i - 1], "(") &&
           fold_is(&toks[i + len], ")");
}

/* a title or honorific written before a name */
static int title_word(const tok *t)
{
    static const char *const T[] = {"president", "minister", "sheikh", "sheikha", "king", "queen", "prince",
        "princess", "emir", "pope", "general", "ayatollah", "imam", "rabbi", "cardinal", "archbishop", "bishop",
        "chancellor", "premier", "senator", "governor", "mayor", "judge", "justice", "ambassador", "secretary",
        "commander", "marshal", "chairman", "speaker", "leader", "deputy", "vice", "prime", "crown", "sultan",
        "dame", "sir", "lord", "lady", "saint", "colonel", "major", "captain", "lieutenant", "admiral", "envoy",
        "spokesman", "spokeswoman", "prosecutor", "mullah", "field", "chief", "director", "head", "minister-president",
        "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "col", "maj", "capt", "lt", "sgt", "adm", NULL};
    for (int i = 0; T[i]; i++)
        if (fold_is(t, T[i]))
            return 1;
    return 0;
}

static void count_country(discourse *dc, const char *code, uint32_t w)
{
    if (strlen(code) < 3 || !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3))
        return;
    for (int i = 0; i < dc->ncounts; i++)
        if (!memcmp(dc->counts[i].cc, code, 3)) {
            dc->counts[i].n += w;
            return;
        }
    if (dc->ncounts < 64) {
        memcpy(dc->counts[dc->ncounts].cc, code, 3);
        dc->counts[dc->ncounts].cc[3] = 0;
        dc->counts[dc->ncounts].n = w;
        dc->ncounts++;
    }
}

static void update_main(discourse *dc)
{
    uint32_t best = 0;
    for (int i = 0; i < dc->ncounts; i++)
        if (dc->counts[i].n > best) {
            best = dc->counts[i].n;
            memcpy(dc->main_country, dc->counts[i].cc, 4);
        }
}

static void top_two(const discourse *dc, char a[4], char b[4])
{
    uint32_t n1 = 0, n2 = 0;
    a[0] = b[0] = 0;
    for (int i = 0; i < dc->ncounts; i++) {
        uint32_t n = dc->counts[i].n;
        if (n > n1) {
            memcpy(b, a, 4);
            n2 = n1;
            memcpy(a, dc->counts[i].cc, 4);
            n1 = n;
        } else if (n > n2) {
            memcpy(b, dc->counts[i].cc, 4);
            n2 = n;
        }
    }
}

void actors_count(const lexicon *lx, const tok *toks, uint32_t n, ymd date, discourse *dc)
{
    lex_match m[4];
    for (uint32_t i = 0; i < n;) {
        int k = lexicon_match(lx, toks, i, n, date, m, 4);
        if (k <= 0) {
            i++;
            continue;
        }
        if (m[0].kind != LEX_ROLE && !agency_credit(toks, n, i, &m[0]))
            count_country(dc, m[0].code, 1);
        i += m[0].ntok ? m[0].ntok : 1;
    }
    update_main(dc);
}

static void add_code(mention *M, const char *code)
{
    for (int i = 0; i < M->ncodes; i++)
        if (!strcmp(M->codes[i], code))
            return;
    if (M->ncodes < MENTION_MAX_CODES) {
        size_t k = strlen(code);
        if (k > sizeof M->codes[0] - 1)
            k = sizeof M->codes[0] - 1;
        memcpy(M->codes[M->ncodes], code, k);
        M->codes[M->ncodes][k] = 0;
        M->ncodes++;
    }
}

/* country part of a code: "RUSGOV" -> "RUS"; IGO codes stay whole */
static void country_of(const char *code, char out[16])
{
    if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3)) {
        snprintf(out, 16, "%s", code);
        return;
    }
    snprintf(out, 16, "%.3s", code);
}

static void combine(char out[16], const char *country_code, const char *role)
{
    char c[16];
    country_of(country_code, c);
    if (!strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) || !strncmp(c, "IMG", 3))
        snprintf(out, 16, "%s", c); /* an IGO's officials are the IGO */
    else
        snprintf(out, 16, "%.3s%.3s", c, role);
}

/* Add X's codes to R, a bare country taking R's role ("the leaders of
 * Armenia" -> ARMGOV); full codes are kept as they are. */
static void add_codes_in_role(mention *R, const mention *X, const char *role)
{
    for (int c = 0; c < X->ncodes; c++) {
        if (role[0] && strlen(X->codes[c]) == 3) {
            char cc[16];
            combine(cc, X->codes[c], role);
            add_code(R, cc);
        } else {
            add_code(R, X->codes[c]);
        }
    }
}

static uint32_t mention_head(const tok *toks, uint32_t a, uint32_t b)
{
    /* the word whose head lies outside the mention; when the parser hangs
     * several words outside ("Russian" as an adverb of the verb, "Vladimir"
     * its subject), the nominal one */
    uint32_t first = UINT32_MAX;
    for (uint32_t k = a; k <= b; k++) {
        int32_t h = toks[k].head;
        if (h < (int32_t)a || h > (int32_t)b) {
            if (first == UINT32_MAX)
                first = k;
            int dr = toks[k].deprel;
            if (toks[k].upos == UPOS_NOUN || toks[k].upos == UPOS_PROPN || toks[k].upos == UPOS_PRON ||
                dr == DEP_NSUBJ || dr == DEP_NSUBJ_PASS || dr == DEP_OBJ || dr == DEP_OBL)
                return k;
        }
    }
    return first != UINT32_MAX ? first : b;
}

/* A country named in one short, attributive form: "U.S.", "UK", "EU". */
static int short_country(const tok *toks, const mention *M)
{
    const tok *t = &toks[M->first];
    return M->kind == MEN_NAME && M->ncodes == 1 && strlen(M->codes[0]) == 3 && M->first == M->last &&
           ((t->flags & TOK_ALLCAPS) || memchr(t->form, '.', t->form_len));
}

static int is_coord_word(const tok *t)
{
    return fold_is(t, "and") || fold_is(t, ",") || fold_is(t, "&") || fold_is(t, "or");
}

/* may a token sit between an adjective and its role noun ("Russian top
 * diplomat", "Ukrainian negotiating team")? */
static int np_filler(const tok *t)
{
    if (t->upos)
        return t->upos == UPOS_ADJ || t->upos == UPOS_NOUN || (t->upos == UPOS_VERB && t->xpos == XPOS_VBG) ||
               t->upos == UPOS_PROPN;
    return t->fold_len && t->fold[0] >= 'a' && t->fold[0] <= 'z' && !(t->flags & TOK_CAPITAL);
}

static const char *const PAIR_PHRASES[][4] = {
    {"both", "sides", NULL, NULL}, {"the", "two", "sides", NULL}, {"the", "rival", "sides", NULL},
    {"both", "warring", "sides", NULL}, {"the", "warring", "sides", NULL}, {"the", "sides", NULL, NULL},
    {"both", "countries", NULL, NULL}, {"the", "two", "countries", NULL}, {"both", "parties", NULL, NULL},
    {"the", "two", "parties", NULL}, {"the", "warring", "parties", NULL}, {"the", "two", "governments", NULL},
    {"both", "governments", NULL, NULL}, {"the", "two", "neighbours", NULL}, {"the", "two", "neighbors", NULL},
    {"the", "two", "nations", NULL}, {"both", "nations", NULL, NULL}, {"the", "two", "delegations", NULL},
    {"both", "delegations", NULL, NULL}, {"the", "two", "leaders", NULL}, {"both", "leaders", NULL, NULL},
    {"the", "two", "men", NULL}, {"the", "two", "presidents", NULL}, {"the", "two", "ministers", NULL},
    {"the", "two", "foreign", "ministers"}, {"the", "two", "prime", "ministers"}, {"the", "two", "premiers", NULL},
    {"the", "two", "allies", NULL}, {"the", "two", "rivals", NULL}, {"the", "two", "armies", NULL},
    {"both", "armies", NULL, NULL}, {"the", "two", "militaries", NULL}, {NULL, NULL, NULL, NULL}};

/* "the country", "the nation": the document's main country */
static uint32_t match_country_phrase(const tok *toks, uint32_t i, uint32_t n)
{
    if (i + 1 < n && fold_is(&toks[i], "the") &&
        (fold_is(&toks[i + 1], "country") || fold_is(&toks[i + 1], "nation")) &&
        !(i + 2 < n && (fold_is(&toks[i + 2], "'s") || fold_is(&toks[i + 2], "of"))))
        return 2;
    return 0;
}

static uint32_t match_pair_phrase(const tok *toks, uint32_t i, uint32_t n)
{
    if (!fold_is(&toks[i], "both") && !fold_is(&toks[i], "the"))
        return 0;
    for (int p = 0; PAIR_PHRASES[p][0]; p++) {
        uint32_t k = 0;
        while (k < 4 && PAIR_PHRASES[p][k] && i + k < n && fold_is(&toks[i + k], PAIR_PHRASES[p][k]))
            k++;
        if (k == 4 || !PAIR_PHRASES[p][k])
            return k;
    }
    return 0;
}

/* The document's pairs: two actors named together ("Ukrainian and Russian
 * officials", "Sudan's army and the RSF"), scored by how often they are,
 * more when they are a subject; "both sides" is the best-scoring one. */
static void note_pair(discourse *dc, const char *x, const char *y, uint32_t w)
{
    char a[16], b[16];
    country_of(x, a);
    country_of(y, b);
    if (!strcmp(a, b)) { /* same country: the roles tell the sides apart */
        snprintf(a, sizeof a, "%s", x);
        snprintf(b, sizeof b, "%s", y);
        if (!strcmp(a, b))
            return;
    }
    if (strcmp(a, b) > 0) {
        char t[16];
        memcpy(t, a, 16);
        memcpy(a, b, 16);
        memcpy(b, t, 16);
    }
    int i;
    for (i = 0; i < dc->npairs; i++)
        if (!strcmp(dc->pairs[i].a, a) && !strcmp(dc->pairs[i].b, b))
            break;
    if (i == dc->npairs) {
        if (dc->npairs == 16)
            return;
        memcpy(dc->pairs[i].a, a, 16);
        memcpy(dc->pairs[i].b, b, 16);
        dc->pairs[i].score = 0;
        dc->npairs++;
    }
    /* the story's own actors make its pair: a member from the most
     * mentioned country counts double */
    uint32_t bonus = 0;
    if (dc->main_country[0] && !strncmp(a, dc->main_country, 3))
        bonus += w;
    if (dc->main_country[0] && !strncmp(b, dc->main_country, 3))
        bonus += w;
    dc->pairs[i].score += w + bonus;
    dc->pairs[i].last = dc->clock;
    int best = 0;
    for (int k = 1; k < dc->npairs; k++)
        if (dc->pairs[k].score > dc->pairs[best].score ||
            (dc->pairs[k].score == dc->pairs[best].score && dc->pairs[k].last > dc->pairs[best].last))
            best = k;
    memcpy(dc->pair[0], dc->pairs[best].a, 16);
    memcpy(dc->pair[1], dc->pairs[best].b, 16);
    dc->have_pair = 1;
}

/* a person the dictionaries name ("Nicolas Sarkozy", "President Lee"), or
 * a title before an unknown name ("Defence Minister Pierre Joxe") */
static int named_person(const mention *P)
{
    return P->how && (strstr(P->how, "person") || strstr(P->how, "title +"));
}

/* a group as antecedent of "they": plural by its tag, or a name of a
 * group that reads as a plural ("the Houthis", "the Taliban") */
static int plural_group(const tok *toks, const mention *P)
{
    const tok *h = &toks[P->head];
    if (P->kind == MEN_ROLE || P->kind == MEN_ROLE_BARE)
        return (h->feats & FEAT_NUMBER_PLUR) != 0;
    const tok *l = &toks[P->last];
    if (P->kind == MEN_NAME && P->ncodes == 1 && fold_is(l, "taliban"))
        return 1;
    if (P->kind != MEN_NAME || P->ncodes != 1 || strlen(P->codes[0]) != 6 || !strcmp(P->codes[0] + 3, "GOV"))
        return 0; /* (a capital is no group: "Paris said ...") */
    if (h->feats & FEAT_NUMBER_PLUR)
        return 1;
    size_t n = l->fold_len;
    return n >= 5 && l->fold[n - 1] == 's' && l->fold[n - 2] != 's' && l->fold[n - 2] != 'u' && l->fold[n - 2] != 'a';
}

static void set_pair_codes(mention *M, const discourse *dc)
{
    if (dc->have_pair) {
        add_code(M, dc->pair[0]);
        add_code(M, dc->pair[1]);
    } else {
        char a[4], b[4];
        top_two(dc, a, b);
        if (a[0] && b[0]) {
            add_code(M, a);
            add_code(M, b);
        }
    }
}

uint32_t actors_find(const lexicon *lx, const tok *toks, uint32_t n, ymd date, discourse *dc,
                     mention *out, uint32_t max, int16_t *tok2men)
{
    uint32_t nm = 0;
    lex_match m[8];
    for (uint32_t k = 0; k < n; k++)
        tok2men[k] = -1;
    /* "KYIV, June 9 (Reuters) -": a dateline names where the story was
     * filed (when.c, where.c), not an actor of the sentence */
    uint32_t pn, da, dn, dl = n > 3 ? when_dateline(toks, n, &pn, &da, &dn) : 0;
    if (dl + 2 > n)
        dl = 0;
    for (uint32_t i = dl; i < n && nm < max;) {
        /* group phrases first: "both sides" */
        uint32_t pk = match_pair_phrase(toks, i, n);
        if (pk) {
            mention *M = &out[nm];
            memset(M, 0, sizeof *M);
            M->first = i;
            M->last = i + pk - 1;
            M->kind = MEN_PAIR;
            M->how = "group phrase -> the pair last named together";
            /* the pair may be named earlier in this very sentence: "U.S. and
             * Iranian negotiators ... between the two delegations" */
            int here = -1;
            for (int q = (int)nm - 1; q >= 0 && here < 0; q--)
                if (out[q].ncodes >= 2 && out[q].kind != MEN_PRONOUN && out[q].kind != MEN_PAIR &&
                    strncmp(out[q].codes[0], out[q].codes[1], 3))
                    here = q;
            /* or as two actors of different countries: "Trump said he would
             * meet Putin, after the two leaders spoke by telephone" */
            int x = -1, y = -1;
            int people = 0; /* "the two leaders", "the two men": people named */
            for (uint32_t q = i; q < i + pk; q++)
                people |= fold_is(&toks[q], "leaders") || fold_is(&toks[q], "men") ||
                          fold_is(&toks[q], "presidents") || fold_is(&toks[q], "ministers") ||
                          fold_is(&toks[q], "premiers");
            for (int q = (int)nm - 1; q >= 0 && here < 0 && y < 0 && people; q--) {
                if (out[q].ncodes != 1 || out[q].kind == MEN_PRONOUN || out[q].kind == MEN_PAIR ||
                    out[q].kind == MEN_ADJ ||
                    !(named_person(&out[q]) ||
                      ((out[q].kind == MEN_ROLE || out[q].kind == MEN_ROLE_BARE) && strlen(out[q].codes[0]) == 6 &&
                       !strcmp(out[q].codes[0] + 3, "GOV"))))
                    continue;
                if (x < 0)
                    x = q;
                else if (strncmp(out[q].codes[0], out[x].codes[0], 3))
                    y = q;
            }
            if (here >= 0) {
                add_code(M, out[here].codes[0]);
                add_code(M, out[here].codes[1]);
                M->how = "group phrase -> the pair named earlier in the sentence";
            } else if (y >= 0) {
                add_code(M, out[y].codes[0]);
                add_code(M, out[x].codes[0]);
                M->how = "group phrase -> the two actors named earlier in the sentence";
            } else {
                set_pair_codes(M, dc);
            }
            if (M->ncodes) {
                M->head = mention_head(toks, M->first, M->last);
                nm++;
            }
            i += pk;
            continue;
        }
        uint32_t ck = match_country_phrase(toks, i, n);
        if (ck && dc->main_country[0]) {
            mention *M = &out[nm];
            memset(M, 0, sizeof *M);
            M->first = i;
            M->last = i + ck - 1;
            M->kind = MEN_PRONOUN;
            M->how = "\"the country\" -> the story's main country";
            add_code(M, dc->main_country);
            M->head = mention_head(toks, M->first, M->last);
            nm++;
            i += ck;
            continue;
        }
        const tok *t = &toks[i];
        if (t->upos == UPOS_PRON || (!t->upos && (fold_is(t, "it") || fold_is(t, "its") || fold_is(t, "they")))) {
            int person = fold_is(t, "he") || fold_is(t, "she") || fold_is(t, "his") || fold_is(t, "her") ||
                         fold_is(t, "him");
            int sing = fold_is(t, "it") || fold_is(t, "its") || person;
            int plur = fold_is(t, "they") || fold_is(t, "their") || fold_is(t, "them");
            /* expletive "it is expected that", "it was reported" */
            int expletive = t->deprel == DEP_EXPL;
            if (sing && fold_is(t, "it") && i + 2 < n &&
                (fold_is(&toks[i + 1], "is") || fold_is(&toks[i + 1], "was") || fold_is(&toks[i + 1], "'s") ||
                 fold_is(&toks[i + 1], "seems") || fold_is(&toks[i + 1], "appears")) &&
                (toks[i + 2].xpos == XPOS_VBN || toks[i + 2].xpos == XPOS_JJ || toks[i + 2].upos == UPOS_ADJ ||
                 fold_is(&toks[i + 2], "not") || fold_is(&toks[i + 2], "unclear") || fold_is(&toks[i + 2], "time")))
                expletive = 1;
            /* "it was ready to mediate", "it is prepared to ...": an
             * adjective of will or ability has a real subject */
            static const char *const AGENT_ADJ[] = {"ready", "willing", "unwilling", "prepared", "able", "unable",
                "determined", "committed", "keen", "eager", "reluctant", "happy", "confident", "responsible",
                "poised", "set", "due", "obliged", "open", "interested", "concerned", "aware", "considering",
                "planning", "preparing", "seeking", "working", "looking", "trying", NULL};
            for (int q = 0; expletive && t->deprel != DEP_EXPL && AGENT_ADJ[q]; q++)
                if (fold_is(&toks[i + 2], AGENT_ADJ[q]))
                    expletive = 0;
            if ((sing || plur) && !expletive) {
                mention *M = &out[nm];
                memset(M, 0, sizeof *M);
                M->first = M->last = M->head = i;
                M->kind = MEN_PRONOUN;
                if (sing) {
                    /* first subject mention earlier in this sentence */
                    for (uint32_t j = 0; j < nm && !M->ncodes; j++) {
                        const mention *P = &out[j];
                        int dr = toks[P->head].deprel;
                        if ((dr == DEP_NSUBJ || dr == DEP_NSUBJ_PASS) && P->ncodes == 1 && P->kind != MEN_PRONOUN)
                            add_code(M, P->codes[0]);
                    }
                    if (!M->ncodes && dc->n_last_subject == 1)
                        add_code(M, dc->last_subject[0]);
                    if (!M->ncodes && dc->last_single[0])
                        add_code(M, dc->last_single);
                    M->how = "pronoun -> earlier subject";
                } else {
                    /* a group named earlier in this sentence ("the rebels said they") */
                    for (uint32_t j = nm; j > 0 && !M->ncodes; j--) {
                        const mention *P = &out[j - 1];
                        if (P->kind == MEN_PRONOUN)
                            continue;
                        if (P->ncodes >= 2 || plural_group(toks, P))
                            for (int c = 0; c < P->ncodes; c++)
                                add_code(M, P->codes[c]);
                    }
                    if (!M->ncodes)
                        for (int j = 0; j < dc->n_last_plural; j++)
                            add_code(M, dc->last_plural[j]);
                    M->how = "pronoun -> last group";
                }
                if (M->ncodes)
                    nm++;
            }
            i++;
            continue;
        }
        int k = lexicon_match(lx, toks, i, n, date, m, 8);
        if (k <= 0) {
            i++;
            continue;
        }
        const lex_match *b = &m[0];
        uint32_t len = b->ntok ? b->ntok : 1;
        if (agency_credit(toks, n, i, b)) {
            i += len;
            continue;
        }
        /* "Iran-backed Houthi rebels", "the Islamic State-linked ADF": a
         * name hyphenated to a participle of affiliation describes what
         * follows; it is not an actor of the sentence ("rebel-held
         * territory" is still the rebels') */
        if (i + len + 1 < n && fold_is(&toks[i + len], "-") && !(toks[i + len - 1].flags & TOK_SPACE_AFTER) &&
            !(toks[i + len].flags & TOK_SPACE_AFTER)) {
            static const char *const AFFIL[] = {"backed", "linked", "allied", "aligned", "affiliated", "inspired",
                "supported", "funded", "sponsored", "armed", "trained", "installed", "appointed", "friendly",
                "leaning", "based", "born", NULL};
            int affil = 0;
            for (int q = 0; AFFIL[q] && !affil; q++)
                affil = fold_is(&toks[i + len + 1], AFFIL[q]);
            if (affil) {
                i += len;
                continue;
            }
        }
        /* "senator Miguel Uribe" is not Alvaro Uribe: a surname alone, right
         * after a given name the dictionary does not pair with it, names
         * someone else (titles before a surname are no given name) */
        if (b->kind == LEX_PERSON && len == 1 && i > 0 && toks[i - 1].upos == UPOS_PROPN &&
            (toks[i - 1].flags & TOK_CAPITAL) && !(nm > 0 && out[nm - 1].last == i - 1) &&
            toks[i - 1].fold_len > 2 && toks[i - 1].fold[toks[i - 1].fold_len - 1] != '.' &&
            !title_word(&toks[i - 1])) {
            i += len;
            continue;
        }
        /* adjectives of nations and blocs are capitalised: "western
         * Rakhine state" is a direction, "Western governments" the West */
        uint32_t w0 = len > 1 && (fold_is(&toks[i], "the") || fold_is(&toks[i], "a")) ? i + 1 : i;
        if (b->kind == LEX_ADJ && !(toks[w0].flags & (TOK_CAPITAL | TOK_ALLCAPS))) {
            i++;
            continue;
        }
        /* "Israeli-American soldier": the first nationality of a hyphenated
         * pair names the actor; the second only qualifies it */
        if (b->kind == LEX_ADJ && i >= 2 && nm > 0 && out[nm - 1].kind == MEN_ADJ && out[nm - 1].last == i - 2 &&
            fold_is(&toks[i - 1], "-") && !(toks[i - 2].flags & TOK_SPACE_AFTER) &&
            !(toks[i - 1].flags & TOK_SPACE_AFTER)) {
            out[nm - 1].last = i + len - 1;
            i += len;
            continue;
        }
        mention *M = &out[nm];
        memset(M, 0, sizeof *M);
        M->first = i;
        M->last = i + len - 1;
        M->file = b->file;
        M->line = b->line;
        if (b->kind == LEX_ROLE) {
            char role[4];
            snprintf(role, sizeof role, "%.3s", b->code);
            /* a following person wins: "Foreign Minister Hakan Fidan" */
            if (M->last + 1 < n) {
                lex_match pm[2];
                int pk2 = lexicon_match(lx, toks, M->last + 1, n, date, pm, 2);
                if (pk2 > 0 && pm[0].kind == LEX_PERSON) {
                    M->last += pm[0].ntok;
                    M->kind = MEN_NAME;
                    M->file = pm[0].file;
                    M->line = pm[0].line;
                    if (strlen(pm[0].code) > 3)
                        add_code(M, pm[0].code);
                    else {
                        char c[16];
                        combine(c, pm[0].code, role);
                        add_code(M, c);
                    }
                    M->how = "title + person";
                    int adj_gap_ok = 0;
                    if (nm > 0 && out[nm - 1].kind == MEN_ADJ && out[nm - 1].last < M->first &&
                        M->first - out[nm - 1].last <= 4) {
                        /* "Serbian President ...", "Israeli far-right ministers ..." */
                        adj_gap_ok = 1;
                        for (uint32_t g = out[nm - 1].last + 1; g < M->first; g++)
                            adj_gap_ok &= ((np_filler(&toks[g]) || toks[g].upos == UPOS_ADV) &&
                                           !(toks[g].flags & TOK_CAPITAL)) || fold_is(&toks[g], "-");
                    }
                    if (adj_gap_ok) {
                        /* "Serbian President Vojislav Kostunica" */
                        mention keep = *M;
                        keep.first = out[nm - 1].first;
                        nm--;
                        M = &out[nm];
                        *M = keep;
                    }
                    goto done;
                }
            }
            /* an adjective/country right before (or with fillers): merge */
            int merged = 0;
            if (nm > 0) {
                mention *P = &out[nm - 1];
                uint32_t gap = M->first - P->last - 1;
                /* (a hyphenated modifier counts as one word: "Israeli far-right ministers") */
                int hyph = 0;
                for (uint32_t g = P->last + 1; g < M->first; g++)
                    hyph += fold_is(&toks[g], "-");
                int fill_ok = gap <= 2 + (uint32_t)(hyph ? 2 : 0);
                for (uint32_t g = P->last + 1; fill_ok && g < M->first; g++)
                    fill_ok = np_filler(&toks[g]) || fold_is(&toks[g], "-");
                /* a model designation before equipment: "Russian Su-34
                 * fighter-bombers", "Ukrainian F-16 jets" */
                if (!fill_ok && P->kind == MEN_ADJ && gap >= 2 && gap <= 4 && !strncmp(role, "MIL", 3)) {
                    int digit = 0;
                    fill_ok = 1;
                    for (uint32_t g = P->last + 1; fill_ok && g < M->first; g++) {
                        digit |= (toks[g].flags & TOK_DIGIT) != 0;
                        fill_ok = fold_is(&toks[g], "-") || (toks[g].flags & (TOK_DIGIT | TOK_CAPITAL | TOK_ALLCAPS));
                    }
                    fill_ok &= digit;
                }
                int poss = gap == 1 && (fold_is(&toks[P->last + 1], "'s") || fold_is(&toks[P->last + 1], "'"));
                int poss_pron = P->kind == MEN_PRONOUN && gap == 0 &&
                                (fold_is(&toks[P->first], "its") || fold_is(&toks[P->first], "their"));
                if ((P->kind == MEN_ADJ || P->kind == MEN_NAME || P->kind == MEN_ROLE || poss_pron) &&
                    (fill_ok || poss) && P->ncodes) {
                    /* the previous mention (and coordinated adjectives before it) */
                    char codes[MENTION_MAX_CODES][16];
                    int nc = P->ncodes;
                    memcpy(codes, P->codes, sizeof codes);
                    uint32_t first = P->first;
                    int prev_was_role = P->kind == MEN_ROLE;
                    /* a capital standing for its government names only the
                     * country before a role ("Dhaka University", "Kyiv police") */
                    int prev_seat = P->file && strstr(P->file, "seats.txt") != NULL && P->ncodes == 1 &&
                                    strlen(P->codes[0]) == 6 && !strcmp(P->codes[0] + 3, "GOV");
                    nm--;
                    while (nm > 0) {
                        mention *Q = &out[nm - 1];
                        /* "Ukrainian and Russian officials", "U.S. and South Korean forces" */
                        /* adjectives, or a country in its attributive short
                         * form ("U.S. and South Korean forces"), not a full
                         * name ("fighting between Israel and Lebanese rebels") */
                        /* ("Israeli and Hamas negotiators": an adjective and a
                         * group's name share the role too) */
                        if ((Q->kind != MEN_ADJ && !short_country(toks, Q)) ||
                            (P->kind != MEN_ADJ && !short_country(toks, P) && !(P->kind == MEN_NAME && Q->kind == MEN_ADJ)))
                            break;
                        uint32_t g = first - Q->last - 1;
                        if (g < 1 || g > 2)
                            break;
                        int coord = 1;
                        for (uint32_t x = Q->last + 1; x < first; x++)
                            coord &= is_coord_word(&toks[x]);
                        if (!coord)
                            break;
                        for (int c = 0; c < Q->ncodes && nc < MENTION_MAX_CODES; c++)
                            snprintf(codes[nc++], 16, "%s", Q->codes[c]);
                        first = Q->first;
                        nm--;
                    }
                    M = &out[nm];
                    memset(M, 0, sizeof *M);
                    M->first = first;
                    M->last = i + len - 1;
                    M->file = b->file;
                    M->line = b->line;
                    M->kind = MEN_ROLE;
                    M->how = poss ? "possessive + role" : "adjective + role";
                    /* "military officials": MIL wins over GOV */
                    if (poss_pron)
                        M->how = "possessive pronoun + role";
                    if (prev_was_role && strncmp(role, "MIL", 3))
                        snprintf(role, sizeof role, "%.3s", codes[0] + (strlen(codes[0]) >= 6 ? 3 : 0));
                    for (int c = nc - 1; c >= 0; c--) {
                        char cc[16];
                        if (strlen(codes[c]) > 3 && strncmp(codes[c], "IGO", 3) && strncmp(codes[c], "NGO", 3) && !prev_was_role &&
                            !prev_seat) {
                            /* a full actor code before a role ("the Kremlin's spokesman"): keep it */
                            snprintf(cc, sizeof cc, "%s", codes[c]);
                        } else {
                            combine(cc, codes[c], role);
                        }
                        add_code(M, cc);
                    }
                    merged = 1;
                }
            }
            /* "the government of Sudan", "a spokesperson for the Swiss foreign ministry" */
            if (!merged && M->last + 2 < n && fold_is(&toks[M->last + 1], "for")) {
                lex_match om[2];
                uint32_t at = M->last + 2;
                if (at < n && fold_is(&toks[at], "the"))
                    at++;
                int ok2 = at < n ? lexicon_match(lx, toks, at, n, date, om, 2) : 0;
                if (ok2 > 0 && om[0].kind != LEX_PERSON) {
                    uint32_t end = at + om[0].ntok;
                    char cc[16];
                    if (om[0].kind == LEX_ADJ && end < n) {
                        /* "for the Swiss foreign ministry": adjective + role */
                        lex_match rm[2];
                        int rk = lexicon_match(lx, toks, end, n, date, rm, 2);
                        if (rk > 0 && rm[0].kind == LEX_ROLE) {
                            combine(cc, om[0].code, rm[0].code);
                            end += rm[0].ntok;
                        } else {
                            combine(cc, om[0].code, role);
                        }
                    } else if (om[0].kind == LEX_ROLE) {
                        ok2 = 0;
                    } else if (strlen(om[0].code) > 3) {
                        snprintf(cc, sizeof cc, "%s", om[0].code);
                    } else {
                        combine(cc, om[0].code, role);
                    }
                    if (ok2 > 0) {
                        add_code(M, cc);
                        M->last = end - 1;
                        M->kind = MEN_ROLE;
                        M->how = "role for an organisation";
                        merged = 1;
                    }
                }
            }
            if (!merged && M->last + 2 < n && fold_is(&toks[M->last + 1], "of")) {
                lex_match om[2];
                int ok2 = lexicon_match(lx, toks, M->last + 2, n, date, om, 2);
                if (ok2 > 0 && (om[0].kind == LEX_COUNTRY || om[0].kind == LEX_ADJ)) {
                    char cc[16];
                    uint32_t extra = 0;
                    lex_match rm[2];
                    uint32_t after = M->last + 2 + om[0].ntok;
                    if (om[0].kind == LEX_ADJ && after < n && lexicon_match(lx, toks, after, n, date, rm, 2) > 0 &&
                        rm[0].kind == LEX_ROLE) {
                        /* "leaders of the Kenyan opposition": the body named
                         * after the adjective gives the role, as with "for" */
                        combine(cc, om[0].code, rm[0].code);
                        extra = rm[0].ntok;
                    } else {
                        combine(cc, om[0].code, role);
                    }
                    add_code(M, cc);
                    M->last += 1 + om[0].ntok + extra;
                    M->kind = MEN_ROLE;
                    M->how = "role of country";
                    merged = 1;
                }
            }
            if (!merged && (fold_is(&toks[M->first], "the") || (M->first > 0 && fold_is(&toks[M->first - 1], "the"))) &&
                strlen(role) == 3) {
                /* "accusing the paramilitary group of ...", after "the Rapid
                 * Support Forces": a definite role names the group of that
                 * role named before it in the sentence */
                for (uint32_t j = nm; j > 0 && !merged; j--) {
                    const mention *Q = &out[j - 1];
                    if (Q->kind != MEN_NAME || Q->ncodes != 1 || strlen(Q->codes[0]) != 6 ||
                        strcmp(Q->codes[0] + 3, role))
                        continue;
                    add_code(M, Q->codes[0]);
                    M->kind = MEN_ROLE;
                    M->how = "definite role -> the group of that role named before";
                    merged = 1;
                }
            }
            if (!merged) {
                M->kind = MEN_ROLE_BARE;
                M->how = "role, country from context";
                int people = !strncmp(role, "CVL", 3) || !strncmp(role, "REF", 3) || !strncmp(role, "OPP", 3) ||
                             !strncmp(role, "REB", 3) || !strncmp(role, "LAB", 3) || !strncmp(role, "EDU", 3) ||
                             !strncmp(role, "UAF", 3) || !strncmp(role, "CRM", 3) ||
                             /* institutions where they stand: "damaging a hospital" in Kherson */
                             !strncmp(role, "HLH", 3) || !strncmp(role, "MED", 3) || !strncmp(role, "BUS", 3);
                int in_place = M->last + 1 < n && fold_is(&toks[M->last + 1], "in");
                char incc[8] = "";
                if (in_place) {
                    /* "civilians in the Tigrayan city of Axum", "refugees in
                     * Polish camps": the country the phrase names */
                    uint32_t q = M->last + 2;
                    if (q < n && (fold_is(&toks[q], "the") || fold_is(&toks[q], "a")))
                        q++;
                    lex_match im[2];
                    if (q < n && lexicon_match(lx, toks, q, n, date, im, 2) > 0 &&
                        (im[0].kind == LEX_COUNTRY || im[0].kind == LEX_ADJ) && strlen(im[0].code) == 3)
                        snprintf(incc, sizeof incc, "%.3s", im[0].code);
                }
                if (incc[0]) {
                    char cc[16];
                    snprintf(cc, sizeof cc, "%.3s%.3s", incc, role);
                    add_code(M, cc);
                    M->how = "role, country of the place named";
                } else if ((people || in_place) && dc->place_country[0]) {
                    /* "civilians in the Tigrayan city of Axum": where they are */
                    char cc[16];
                    snprintf(cc, sizeof cc, "%.3s%.3s", dc->place_country, role);
                    add_code(M, cc);
                    M->how = "role, country of the place named";
                } else if (dc->main_country[0] || dc->story_country[0]) {
                    /* the story's country, else the dateline's ("ISTANBUL
                     * (Reuters) - Police detained ...") */
                    char cc[16];
                    snprintf(cc, sizeof cc, "%.3s%.3s", dc->main_country[0] ? dc->main_country : dc->story_country,
                             role);
                    add_code(M, cc);
                } else {
                    /* a story's first sentence: the country of the first
                     * actor named before the role ("Georgia's ruling party
                     * rejected opposition demands") */
                    for (uint32_t q = 0; q < nm && !M->ncodes; q++)
                        if (out[q].ncodes == 1 && out[q].kind != MEN_PRONOUN && strlen(out[q].codes[0]) >= 3 &&
                            strncmp(out[q].codes[0], "IGO", 3) && strncmp(out[q].codes[0], "NGO", 3) &&
                            strncmp(out[q].codes[0], "IMG", 3)) {
                            char cc[16];
                            snprintf(cc, sizeof cc, "%.3s%.3s", out[q].codes[0], role);
                            add_code(M, cc);
                            M->how = "role, country of the actor named before it";
                        }
                }
            }
        } else {
            M->kind = b->kind == LEX_ADJ ? MEN_ADJ : MEN_NAME;
            M->how = b->kind == LEX_ADJ ? "adjective" : b->kind == LEX_PERSON ? "person on the date" : "name";
            add_code(M, b->code);
            /* "South Korea's main opposition Democratic Party": a party name
             * many countries share belongs to the country named before it */
            if (M->kind == MEN_NAME && (fold_is(&toks[M->last], "party") || fold_is(&toks[M->last], "parties")) &&
                nm > 0 && out[nm - 1].kind != MEN_PRONOUN && out[nm - 1].ncodes == 1 &&
                strlen(out[nm - 1].codes[0]) >= 3 && strncmp(out[nm - 1].codes[0], "IGO", 3) &&
                strncmp(out[nm - 1].codes[0], M->codes[0], 3) &&
                M->first > out[nm - 1].last && M->first - out[nm - 1].last <= 5) {
                int fill = 1, opp = 0, gov = 0;
                for (uint32_t g = out[nm - 1].last + 1; g < M->first; g++) {
                    fill &= !(toks[g].flags & TOK_CAPITAL) || fold_is(&toks[g], "'s");
                    opp |= fold_is(&toks[g], "opposition");
                    gov |= fold_is(&toks[g], "ruling") || fold_is(&toks[g], "governing");
                }
                if (fill) {
                    char cc[16];
                    const char *prole = strlen(out[nm - 1].codes[0]) >= 6 ? out[nm - 1].codes[0] + 3 : "";
                    snprintf(cc, sizeof cc, "%.3s%s", out[nm - 1].codes[0],
                             opp ? "OPP" : gov ? "GOV" : prole[0] ? prole : strlen(M->codes[0]) >= 6 ? M->codes[0] + 3 : "");
                    M->ncodes = 0;
                    add_code(M, cc);
                    M->first = out[nm - 1].first;
                    M->how = "party name of the country before it";
                    nm--;
                    out[nm] = *M;
                    M = &out[nm];
                }
            }
        }
    done:
        if (M->ncodes && (M->kind == MEN_ROLE || M->kind == MEN_ROLE_BARE)) {
            /* a title before a name the dictionaries do not know: "Defence
             * Minister Pierre Joxe", "Judge Alejandro Rivera" */
            uint32_t e = M->last + 1, k2 = 0;
            while (e < n && k2 < 4 && (toks[e].flags & TOK_CAPITAL) && !(toks[e].flags & TOK_PUNCT) &&
                   (toks[e].upos == UPOS_PROPN || !toks[e].upos)) {
                lex_match xm[1];
                if (lexicon_match(lx, toks, e, n, date, xm, 1) > 0) {
                    /* "Defence Minister Aden Duale": a city's name as a first
                     * name, when an unknown capitalised word follows it */
                    uint32_t after = e + (xm[0].ntok ? xm[0].ntok : 1);
                    int seat = xm[0].file && strstr(xm[0].file, "seats.txt") && xm[0].ntok <= 1;
                    lex_match ym[1];
                    if (!(seat && after < n && (toks[after].flags & TOK_CAPITAL) && !(toks[after].flags & TOK_PUNCT) &&
                          toks[after].upos == UPOS_PROPN && lexicon_match(lx, toks, after, n, date, ym, 1) <= 0))
                        break;
                }
                e++;
                k2++;
            }
            if (k2 >= 1 && k2 <= 4) {
                M->last = e - 1;
                M->how = M->kind == MEN_ROLE ? "adjective + title + name" : "title + name, country from context";
            }
        }
        if (M->ncodes) {
            M->head = mention_head(toks, M->first, M->last);
            nm++;
        }
        i = M->last + 1 > i + len ? M->last + 1 : i + len;
    }
    /* "U.S. and British warplanes and warships": a bare role conjoined to
     * a role with its countries shares them */
    for (uint32_t j = 1; j < nm; j++) {
        mention *M = &out[j];
        if (M->kind != MEN_ROLE_BARE || !toks[M->head].upos || toks[M->head].deprel != DEP_CONJ)
            continue;
        int32_t g = toks[M->head].head;
        for (uint32_t q = 0; q < j; q++) {
            const mention *R = &out[q];
            if (R->kind != MEN_ROLE || g < 0 || (uint32_t)g != R->head || R->last + 3 < M->first)
                continue;
            char role[4];
            snprintf(role, sizeof role, "%.3s", M->codes[0] + (strlen(M->codes[0]) > 3 ? 3 : 0));
            char keep[MENTION_MAX_CODES][16];
            int nk = 0;
            for (int c = 0; c < R->ncodes && nk < MENTION_MAX_CODES; c++)
                if (strlen(R->codes[c]) >= 3 && strncmp(R->codes[c], "IGO", 3) && strncmp(R->codes[c], "NGO", 3))
                    combine(keep[nk++], R->codes[c], role);
            if (!nk || !role[0])
                break;
            M->ncodes = 0;
            for (int c = 0; c < nk; c++)
                add_code(M, keep[c]);
            M->kind = MEN_ROLE;
            M->how = "role sharing the countries of the role it is conjoined to";
            break;
        }
    }
    /* a role noun that only modifies another noun is not an actor: "air
     * defence systems", "police station", "army base" */
    {
        uint32_t w = 0;
        for (uint32_t j = 0; j < nm; j++) {
            const mention *M = &out[j];
            int drop = 0;
            /* "the paramilitary Rapid Support Forces": a role word right before
             * a name describes the name */
            if (M->kind == MEN_ROLE_BARE && j + 1 < nm && out[j + 1].first == M->last + 1 &&
                out[j + 1].kind == MEN_NAME)
                drop = 1;
            if (!drop && (M->kind == MEN_ROLE_BARE) && toks[M->head].upos) {
                int dr = toks[M->head].deprel;
                int32_t g = toks[M->head].head;
                if ((dr == DEP_COMPOUND || dr == DEP_AMOD) && g >= 0 && ((uint32_t)g < M->first || (uint32_t)g > M->last)) {
                    int g_is_mention = 0;
                    for (uint32_t q = 0; q < nm; q++)
                        if ((uint32_t)g >= out[q].first && (uint32_t)g <= out[q].last)
                            g_is_mention = 1;
                    /* but "police brutality", "opposition rallies",
                     * "opposition candidates", "the paramilitary group":
                     * the acts, members and body of the group the role
                     * names are that group's */
                    static const char *const OWN[] = {"brutality", "violence", "abuse", "abuses", "crackdown",
                        "repression", "killing", "killings", "shooting", "shootings", "harassment", "misconduct",
                        "torture", "rally", "rallies", "protest", "protests", "demonstration", "demonstrations",
                        "march", "marches", "candidate", "candidates", "supporters", "activists", "figures",
                        "members", "group", "groups", "organisation", "organization", "movement", "faction",
                        "factions", "outfit", "network", "coalition", "alliance", "unit", "units",
                        /* and its sites: "rebel positions", "the opposition camp" */
                        "position", "positions", "stronghold", "strongholds", "hideout", "hideouts", "camp", "camps",
                        "encampment", "headquarters", "office", "offices",
                        /* and its words: "opposition demands", "rebel accusations" */
                        "demand", "demands", "call", "calls", "proposal", "proposals", "offer", "offers", "request",
                        "requests", "claim", "claims", "accusation", "accusations", "allegation", "allegations",
                        "criticism", "threat", "threats", "ultimatum", "appeal", "appeals", "complaint",
                        "complaints", "pressure", "plan", "plans", "statement", "statements", NULL};
                    if (!g_is_mention)
                        for (int q = 0; OWN[q]; q++)
                            if (fold_is(&toks[g], OWN[q]))
                                g_is_mention = 1;
                    drop = !g_is_mention;
                }
            }
            if (!drop)
                out[w++] = out[j];
        }
        nm = w;
    }
    /* "leaders of the opposition coalition", "members of Hamas": a bare
     * role followed by "of" and another actor is that actor */
    for (uint32_t j = 0; j + 1 < nm; j++) {
        mention *R = &out[j];
        if (R->kind != MEN_ROLE_BARE || R->last + 2 >= n ||
            !(fold_is(&toks[R->last + 1], "of") || fold_is(&toks[R->last + 1], "from")))
            continue;
        const mention *X = &out[j + 1];
        if (X->first < R->last + 2 || X->first > R->last + 5 || !X->ncodes || X->kind == MEN_PRONOUN)
            continue;
        int ok = 1;
        for (uint32_t g = R->last + 2; g < X->first; g++) {
            ok &= fold_is(&toks[g], "the") || (np_filler(&toks[g]) && !(toks[g].flags & TOK_PUNCT)) ||
                  (toks[g].flags & TOK_CAPITAL) || fold_is(&toks[g], "(") || fold_is(&toks[g], ")");
            /* "accusing the opposition of paralysing the government": a
             * gerund taking its own object is a clause, not a modifier */
            if (toks[g].xpos == XPOS_VBG && g + 1 < n &&
                (toks[g + 1].xpos == XPOS_DT || toks[g + 1].xpos == XPOS_PRPS))
                ok = 0;
        }
        if (!ok)
            continue;
        /* "the leaders of Armenia": the role keeps its sector, the country
         * comes from the "of" phrase */
        char rrole[4] = "";
        if (R->ncodes && strlen(R->codes[0]) >= 6)
            snprintf(rrole, sizeof rrole, "%.3s", R->codes[0] + 3);
        R->ncodes = 0;
        add_codes_in_role(R, X, rrole);
        R->last = X->last;
        R->kind = X->kind == MEN_ADJ ? MEN_ROLE : X->kind;
        R->how = "role of an actor";
        uint32_t absorbed = 1;
        /* "negotiators from Sudan's army and the RSF": the coordinated actor too */
        while (j + 1 + absorbed < nm) {
            const mention *Y = &out[j + 1 + absorbed];
            uint32_t g = R->last + 1;
            int ok2 = g < n && (fold_is(&toks[g], "and") || fold_is(&toks[g], ","));
            for (uint32_t q = g + 1; ok2 && q < Y->first; q++)
                ok2 = fold_is(&toks[q], "the") || fold_is(&toks[q], "and") || np_filler(&toks[q]);
            if (!ok2 || Y->first > R->last + 5 || !Y->ncodes || Y->kind == MEN_PRONOUN)
                break;
            add_codes_in_role(R, Y, rrole);
            R->last = Y->last;
            absorbed++;
        }
        for (uint32_t q = j + 1; q + absorbed < nm; q++)
            out[q] = out[q + absorbed];
        nm -= absorbed;
    }
    /* titles before a person belong to the person: "former Defense Minister
     * and current Secretary of the Security Council Jane Doe" */
    for (uint32_t j = 1; j < nm; j++) {
        mention *Pm = &out[j];
        if (!Pm->how || (strcmp(Pm->how, "person on the date") && strcmp(Pm->how, "title + person")))
            continue;
        uint32_t a = Pm->first;
        while (a > 0) {
            const tok *u = &toks[a - 1];
            /* not across another person ("talks between Secretary of State
             * Marco Rubio and Sergei Lavrov") */
            int other_person = 0;
            for (uint32_t q = 0; q < nm && !other_person; q++)
                if (q != j && out[q].first <= a - 1 && a - 1 <= out[q].last && out[q].how &&
                    strstr(out[q].how, "person"))
                    other_person = 1;
            if (other_person)
                break;
            int capital = (u->flags & TOK_CAPITAL) && !(u->flags & TOK_SENT_START) && u->upos != UPOS_VERB;
            if (capital || fold_is(u, "former") || fold_is(u, "current") || fold_is(u, "acting") ||
                fold_is(u, "deputy") || fold_is(u, "and") || fold_is(u, "of") || fold_is(u, "interim") ||
                fold_is(u, "new") || fold_is(u, "outgoing") || fold_is(u, "incoming") || fold_is(u, "then"))
                a--;
            else
                break;
        }
        while (a < Pm->first && (fold_is(&toks[a], "and") || fold_is(&toks[a], "of")))
            a++;
        if (a == Pm->first)
            continue;
        /* "former French President Nicolas Sarkozy": a former office-holder
         * is an elite (ELI), as the CAMEO manual has TABARI code "former" */
        int former = 0, other = 0;
        for (uint32_t q = a; q < Pm->first; q++) {
            former |= fold_is(&toks[q], "former");
            other |= fold_is(&toks[q], "and") || fold_is(&toks[q], "current") || fold_is(&toks[q], "acting");
        }
        if (former && !other && Pm->ncodes == 1 && strlen(Pm->codes[0]) >= 3 && strncmp(Pm->codes[0], "IGO", 3)) {
            char c[16];
            snprintf(c, sizeof c, "%.3sELI", Pm->codes[0]);
            snprintf(Pm->codes[0], sizeof Pm->codes[0], "%s", c);
        }
        /* drop mentions inside [a, first) */
        uint32_t w = 0;
        for (uint32_t q = 0; q < nm; q++) {
            if (q != j && out[q].first >= a && out[q].last < Pm->first)
                continue;
            if (q == j)
                j = w;
            out[w++] = out[q];
        }
        nm = w;
    }
    /* pronouns again, now that titles, "of"/"from" phrases and
     * coordination have been merged ("negotiators from A and B ... their") */
    for (uint32_t j = 0; j < nm; j++) {
        mention *M = &out[j];
        if (M->kind != MEN_PRONOUN || M->last != M->first)
            continue;
        const tok *t = &toks[M->first];
        int plur = fold_is(t, "they") || fold_is(t, "their") || fold_is(t, "them");
        /* plural: the nearest group before; singular: the first subject */
        for (uint32_t step = 0; step < j; step++) {
            const mention *P = plur ? &out[j - 1 - step] : &out[step];
            if (P->kind == MEN_PRONOUN)
                continue;
            /* a group: two codes, or a plural role or name ("the Houthis
             * said they ...") */
            /* not the noun a relative clause holding the pronoun describes
             * ("free the aid workers they have detained") */
            int32_t rv = toks[M->first].head;
            if (rv >= 0 && toks[rv].deprel == DEP_ACL_RELCL && (uint32_t)toks[rv].head >= P->first && (uint32_t)toks[rv].head <= P->last)
                continue;
            int ok = plur ? (P->ncodes >= 2 || plural_group(toks, P))
                          : (P->ncodes == 1 && (toks[P->head].deprel == DEP_NSUBJ || toks[P->head].deprel == DEP_NSUBJ_PASS));
            if (!ok)
                continue;
            M->ncodes = 0;
            for (int c = 0; c < P->ncodes; c++)
                add_code(M, P->codes[c]);
            break;
        }
        /* an object pronoun is not the subject of its own clause ("a court
         * found X guilty and sentenced him", "expelled the attache,
         * accusing him of ..."): it takes the nearest earlier actor that
         * is not that subject (not the first subject, as other pronouns),
         * a person or singular role for "him"/"her", a group for "them" */
        int32_t v = toks[M->first].head;
        if (M->ncodes == 0 || v < 0 || (toks[M->first].deprel != DEP_OBJ && toks[M->first].deprel != DEP_IOBJ))
            continue;
        int it = fold_is(t, "it");
        int32_t subj = -1;
        for (int steps = 0; steps < 4 && v >= 0 && subj < 0; steps++) {
            for (uint32_t k = 0; k < n && subj < 0; k++)
                if (toks[k].head == v && (toks[k].deprel == DEP_NSUBJ || toks[k].deprel == DEP_NSUBJ_PASS))
                    subj = (int32_t)k;
            if (subj < 0 && toks[v].deprel != DEP_CONJ && toks[v].deprel != DEP_XCOMP && toks[v].deprel != DEP_ADVCL)
                break;
            if (subj < 0)
                v = toks[v].head;
        }
        const mention *S = NULL;
        for (uint32_t q = 0; q < nm && subj >= 0 && !S; q++)
            if (out[q].first <= (uint32_t)subj && (uint32_t)subj <= out[q].last)
                S = &out[q];
        if (!S || S == M)
            continue;
        /* "him"/"her": a named person first, else a singular role;
         * "them": a group */
        int found = 0;
        for (int pass = plur ? 1 : 0; pass < 2 && !found; pass++)
            for (uint32_t step = 0; step < j; step++) {
                const mention *P = &out[j - 1 - step];
                if (P == S || !strcmp(P->codes[0], S->codes[0]))
                    continue;
                int role = P->kind == MEN_ROLE || P->kind == MEN_ROLE_BARE;
                int pl = toks[P->head].feats & FEAT_NUMBER_PLUR;
                int person = named_person(P);
                /* "it": a country, government or body, not a person */
                if (it ? !(P->ncodes == 1 && P->kind != MEN_ADJ && !person && !(role && pl)) || pass == 0
                       : plur ? !(P->ncodes >= 2 && P->kind != MEN_PAIR) && !(role && pl)
                              : !(P->ncodes == 1 && (pass == 0 ? person : role && !pl)))
                    continue;
                M->ncodes = 0;
                for (int c = 0; c < P->ncodes; c++)
                    add_code(M, P->codes[c]);
                M->how = "object pronoun -> nearest actor other than its clause's subject";
                found = 1;
                break;
            }
    }
    /* token map, discourse update */
    for (uint32_t j = 0; j < nm; j++)
        for (uint32_t k = out[j].first; k <= out[j].last && k < n; k++)
            tok2men[k] = (int16_t)j;
    int main_subject_set = 0;
    dc->clock++;
    uint32_t lead = dc->clock <= 3 ? 2 : 1;   /* the lead sets the story's pair */
    for (uint32_t j = 0; j < nm; j++) {
        const mention *M = &out[j];
        int subj = toks[M->head].deprel == DEP_NSUBJ || toks[M->head].deprel == DEP_NSUBJ_PASS;
        if (M->ncodes >= 2 && M->kind != MEN_PRONOUN && M->kind != MEN_PAIR)
            note_pair(dc, M->codes[0], M->codes[1], (subj ? 3 : 1) * lead);
        /* coordinated mentions: "Sudan's army and the RSF" */
        if (toks[M->head].deprel == DEP_CONJ && toks[M->head].head >= 0 && M->ncodes == 1 &&
            M->kind != MEN_PRONOUN && M->kind != MEN_PAIR) {
            int16_t other = tok2men[toks[M->head].head];
            if (other >= 0 && (uint32_t)other != j && out[other].ncodes == 1 && out[other].kind != MEN_PRONOUN) {
                int osubj = toks[out[other].head].deprel == DEP_NSUBJ || toks[out[other].head].deprel == DEP_NSUBJ_PASS;
                note_pair(dc, out[other].codes[0], M->codes[0], (osubj ? 3 : 1) * lead);
            }
        }
        if (M->ncodes >= 2) {
            dc->n_last_plural = 0;
            for (int c = 0; c < M->ncodes; c++)
                snprintf(dc->last_plural[dc->n_last_plural++], 16, "%s", M->codes[c]);
        } else if (M->kind == MEN_ROLE) {
            if (toks[M->head].feats & FEAT_NUMBER_PLUR) {
                dc->n_last_plural = 1;
                snprintf(dc->last_plural[0], 16, "%s", M->codes[0]);
            }
        }
        if (M->ncodes == 1 && M->kind != MEN_ADJ)
            snprintf(dc->last_single, 16, "%s", M->codes[0]);
        int dr = toks[M->head].deprel;
        int32_t h = toks[M->head].head;
        if (!main_subject_set && (dr == DEP_NSUBJ || dr == DEP_NSUBJ_PASS) && h >= 0 && toks[h].deprel == DEP_ROOT) {
            dc->n_last_subject = 0;
            for (int c = 0; c < M->ncodes; c++)
                snprintf(dc->last_subject[dc->n_last_subject++], 16, "%s", M->codes[c]);
            main_subject_set = 1;
        }
    }
    return nm;
}

/*
 * coder.c - events: who did what to whom, from the syntax and the lexicon.
 *
 * Per sentence (boilerplate skipped):
 *  1. actor mentions (actors.c), dates (when.c) and places (where.c);
 *  2. predicates: every verb or noun whose lemma heads an EVENT pattern
 *     whose constraints hold on its dependents; the most specific wins;
 *  3. arguments through the tree by the pattern's slots: subject (passive
 *     agent, controller of an xcomp, first conjunct, antecedent of a
 *     relative clause, subject of a light verb for nouns), object, "with
 *     X" and other prepositions, possessive, adjective; coordination on
 *     either side gives several actors;
 *  4. modality: negation (dropped, or the pattern's neg= code), hedges
 *     (could, may, might, should), conditionals and habitual adverbs
 *     (dropped), future/intent ("will", xcomp of plan/agree ...) taking the
 *     pattern's intent= code;
 *  5. frames: a say/intent/appeal/reject/deny predicate governs the
 *     predicates in its complement: "A said B did X" codes B's X and drops
 *     the bare statement; "A called on B to X" codes A->B with X's appeal=
 *     code; "A agreed to X" codes X as intent; "A refused to X" X's reject=;
 *  6. emission: symmetric patterns give both directions, other patterns
 *     source x target; a missing target of a conflict event (roots 10-20)
 *     is the other member of the document's two-party pair when the source
 *     is one of them; each event takes the date and place attached to its
 *     predicate's clause (else the dateline's, else the document date);
 *     repeats within the document are merged with a mention count.
 * Hands on: doc->coded (events and notes for `clio explain`).
 */
#include "coder.h"
#include "lexicon.h"
#include "when.h"
#include "where.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MENTIONS 128
#define MAX_CANDS 96
#define MAX_ARGS MENTION_MAX_CODES
#define MAX_TIMEX 16
#define MAX_PLACES 16

enum { MOD_FUTURE = 1, MOD_NEG = 2, MOD_HEDGE = 4, MOD_HABIT = 8, MOD_COND = 16, MOD_QUESTION = 32, MOD_PURPOSE = 64 };

typedef struct arglist {
    int n;
    char code[MAX_ARGS][16];
    uint32_t start[MAX_ARGS], end[MAX_ARGS];
} arglist;

typedef struct cand {
    const lex_pattern *pat;
    uint32_t head;              /* predicate token (sentence-relative) */
    arglist src, tgt;
    unsigned mod;
    int suppressed;
    const char *code;           /* code to emit (after modality and frames) */
    const char *why;            /* reason when suppressed / path when emitted */
    int frame_parent;           /* index of governing frame cand, -1 */
    int weak_tgt;               /* target only from a modifier of the object ("amid Western pressure") */
    int say_children;           /* a statement frame with reported predicates under it */
    int32_t frame_head;         /* head token of the governing intent frame, -1 */
    int emitted;                /* events this candidate produced */
} cand;

typedef struct sctx {
    const struct place *places;
    size_t nplaces;
    const clio_doc *d;
    const lexicon *lx;
    const tok *t;               /* sentence tokens */
    uint32_t n, base;           /* token count, index of first token in doc */
    uint32_t *child_start, *child_list;
    mention men[MAX_MENTIONS];
    uint32_t nmen;
    int16_t *tok2men;
    discourse *dc;
    int sports;                 /* sports_context() of this sentence, -1 = not yet asked */
} sctx;

/* ---------------------------------------------------------- tree helpers */
static inline int fold_is(const tok *t, const char *s)
{
    /* first byte first: most calls are misses, and strlen is the cost */
    if (!t->fold_len || t->fold[0] != s[0])
        return 0;
    size_t k = strlen(s);
    return t->fold_len == k && memcmp(t->fold, s, k) == 0;
}

static inline int lemma_is(const tok *t, const char *s)
{
    if (t->lemma ? (!t->lemma_len || t->lemma[0] != s[0]) : (!t->fold_len || t->fold[0] != s[0]))
        return 0;
    size_t k = strlen(s);
    if (t->lemma)
        return t->lemma_len == k && memcmp(t->lemma, s, k) == 0;
    return fold_is(t, s);
}
/* Is t's lemma (word_listed: its lemma or its form) in a NULL-terminated
 * word list? */
static int lemma_listed(const tok *t, const char *const *list)
{
    for (int q = 0; list[q]; q++)
        if (lemma_is(t, list[q]))
            return 1;
    return 0;
}

static int word_listed(const tok *t, const char *const *list)
{
    for (int q = 0; list[q]; q++)
        if (lemma_is(t, list[q]) || fold_is(t, list[q]))
            return 1;
    return 0;
}


#define FOR_CHILDREN(S, h, c) \
    for (uint32_t c##_i = (S)->child_start[h], c; c##_i < (S)->child_start[(h) + 1] && ((c = (S)->child_list[c##_i]), 1); c##_i++)

static void build_children(sctx *S, arena *a)
{
    uint32_t n = S->n;
    S->child_start = arena_alloc(a, (n + 2) * sizeof(uint32_t));
    S->child_list = arena_alloc(a, (n + 1) * sizeof(uint32_t));
    if (!S->child_start || !S->child_list)
        return;
    for (uint32_t k = 0; k < n; k++) {
        int32_t h = S->t[k].head;
        if (h >= 0 && (uint32_t)h < n)
            S->child_start[h + 1]++;
    }
    for (uint32_t k = 0; k < n; k++)
        S->child_start[k + 1] += S->child_start[k];
    uint32_t *fill = arena_alloc(a, (n + 1) * sizeof(uint32_t));
    if (!fill)
        return;
    memcpy(fill, S->child_start, n * sizeof(uint32_t));
    for (uint32_t k = 0; k < n; k++) {
        int32_t h = S->t[k].head;
        if (h >= 0 && (uint32_t)h < n)
            S->child_list[fill[h]++] = k;
    }
}

static int child_rel(const sctx *S, uint32_t h, int rel)
{
    FOR_CHILDREN(S, h, c)
        if (S->t[c].deprel == rel)
            return (int)c;
    return -1;
}

/* the case marker of a nominal ("on" in "on Ukraine"), or NULL */
static const tok *case_of(const sctx *S, uint32_t x)
{
    FOR_CHILDREN(S, x, c)
        if (S->t[c].deprel == DEP_CASE)
            return &S->t[c];
    /* "workers struck over the reform": the preposition misread as the
     * verb's particle marks the oblique after it */
    int32_t h = S->t[x].head;
    if (S->t[x].deprel == DEP_OBL && h >= 0 && (uint32_t)h < x) {
        FOR_CHILDREN(S, (uint32_t)h, k)
            if (S->t[k].deprel == DEP_COMPOUND_PRT && S->t[k].upos == UPOS_ADP && k == (uint32_t)h + 1 && k < x &&
                (fold_is(&S->t[k], "over") || fold_is(&S->t[k], "against") || fold_is(&S->t[k], "on") ||
                 fold_is(&S->t[k], "for") || fold_is(&S->t[k], "about"))) {
                for (uint32_t b = k + 1; b < x; b++) {
                    int32_t bh = S->t[b].head;
                    if (bh != (int32_t)x && (bh < 0 || S->t[bh].head != (int32_t)x))
                        return NULL;
                }
                return &S->t[k];
            }
    }
    return NULL;
}

static int is_obl_or_nmod(int dr)
{
    return dr == DEP_OBL || dr == DEP_NMOD || dr == DEP_OBL_AGENT || dr == DEP_OBL_TMOD || dr == DEP_OBL_NPMOD ||
           dr == DEP_NMOD_TMOD || dr == DEP_NMOD_NPMOD || dr == DEP_OBL_UNMARKED || dr == DEP_NMOD_UNMARKED;
}

static int is_passive(const sctx *S, uint32_t v)
{
    if (S->t[v].feats & FEAT_VOICE_PASS)
        return 1;
    FOR_CHILDREN(S, v, c)
        if (S->t[c].deprel == DEP_AUX_PASS || S->t[c].deprel == DEP_NSUBJ_PASS)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ arguments */
static void arg_add(arglist *A, const char *code, uint32_t s, uint32_t e)
{
    for (int i = 0; i < A->n; i++)
        if (!strcmp(A->code[i], code))
            return;
    if (A->n < MAX_ARGS) {
        size_t k = strlen(code);
        if (k > 15)
            k = 15;
        memcpy(A->code[A->n], code, k);
        A->code[A->n][k] = 0;
        A->start[A->n] = s;
        A->end[A->n] = e;
        A->n++;
    }
}

static void add_mention(const sctx *S, arglist *A, int mi)
{
    const mention *M = &S->men[mi];
    for (int c = 0; c < M->ncodes; c++)
        arg_add(A, M->codes[c], S->t[M->first].start, S->t[M->last].end);
}

/* Actors denoted by token x: its mention, else an actor modifying it
 * ("Ukrainian cities", "Russia's army"), then its conjuncts. */
static int is_quantity_noun(const tok *t)
{
    static const char *const Q[] = {"hundreds", "thousands", "dozens", "scores", "millions", "tens", "hundred",
        "thousand", "dozen", "group", "groups", "number", "crowd", "crowds", "team", "unit", "units", "members",
        "member", "some", "many", "all", "most", "several", "majority", "delegation", NULL};
    for (int i = 0; Q[i]; i++)
        if (fold_is(t, Q[i]))
            return 1;
    return 0;
}

/* a noun for whoever heads or speaks for a body ("the head of ...") */
static int leader_noun(const tok *t)
{
    static const char *const L[] = {"head", "chief", "director", "director-general", "coordinator", "chairman",
        "chairwoman", "chairperson", "chair", "secretary-general", "commissioner", "administrator", "boss",
        "leader", "president", "representative", "spokesman", "spokeswoman", "spokesperson", NULL};
    if (t->upos != UPOS_NOUN && t->upos != UPOS_PROPN)
        return 0;
    for (int i = 0; L[i]; i++)
        if (lemma_is(t, L[i]) || fold_is(t, L[i]))
            return 1;
    return 0;
}

/* a place standing for its country: "air strikes on Gaza" -> PSE */
/* the sub-national place (not the dateline) covering token x, or NULL */
static const place *place_covering(const sctx *S, uint32_t x)
{
    for (size_t i = 0; i < S->nplaces; i++) {
        const place *P = &S->places[i];
        if (x >= P->first && x < P->first + P->ntok && P->country[0] && P->precision != PLACE_COUNTRY &&
            P->cue != PLACE_CUE_DATELINE)
            return P;
    }
    return NULL;
}

static int place_actor(const sctx *S, uint32_t x, arglist *A)
{
    const place *P = place_covering(S, x);
    /* "the Dnipro River", "the Gaza Strip": the place name on the head noun */
    FOR_CHILDREN(S, x, c)
        if (!P && S->t[c].deprel == DEP_COMPOUND && c < x)
            P = place_covering(S, c);
    if (!P)
        return 0;
    arg_add(A, P->country, P->start, P->end);
    return 1;
}

static int is_measure(const tok *t);

/* "a U.S.-brokered ceasefire", "a Qatari-mediated deal": the broker named
 * on the participle is neither party to the act on the noun */
static int broker_word(const tok *t)
{
    static const char *const W[] = {"brokered", "mediated", "drafted", "sponsored", "facilitated", "hosted",
                                    "negotiated", NULL};
    for (int i = 0; W[i]; i++)
        if (fold_is(t, W[i]))
            return 1;
    return 0;
}

static int brokered_mention(const sctx *S, int mi)
{
    if (mi < 0)
        return 0;
    uint32_t k = S->men[mi].last + 1;
    return k + 1 < S->n && fold_is(&S->t[k], "-") && broker_word(&S->t[k + 1]);
}

static void actors_at(const sctx *S, uint32_t x, arglist *A, int depth)
{
    if (depth > 6 || x >= S->n)
        return;
    int mi = S->tok2men[x];
    if (mi < 0 && (is_quantity_noun(&S->t[x]) || is_measure(&S->t[x]))) {
        /* "hundreds of protesters", "a group of Russian soldiers" */
        FOR_CHILDREN(S, x, c)
            if (S->t[c].deprel == DEP_NMOD) {
                const tok *cs = case_of(S, c);
                if (cs && fold_is(cs, "of")) {
                    int before = A->n;
                    actors_at(S, c, A, depth + 1);
                    if (A->n > before || is_quantity_noun(&S->t[x]))
                        return;
                }
            }
    }
    if (mi < 0 && S->t[x].upos == UPOS_NOUN) {
        /* "a team from the U.N. human rights office", "a convoy of World
         * Food Programme trucks": a body sent by an actor acts for it */
        static const char *const BODY[] = {"team", "mission", "panel", "convoy", "crew", "contingent", "squad",
                                           "unit", "column", NULL};
        int body = lemma_listed(&S->t[x], BODY), before = A->n;
        if (body)
            FOR_CHILDREN(S, x, c)
                if (S->t[c].deprel == DEP_NMOD && A->n == before) {
                    const tok *cs = case_of(S, c);
                    if (cs && (fold_is(cs, "from") || fold_is(cs, "of")))
                        actors_at(S, c, A, depth + 1);
                }
        if (A->n > before)
            return;
    }
    if (mi >= 0) {
        add_mention(S, A, mi);
    } else if (S->t[x].upos == UPOS_NOUN || S->t[x].upos == UPOS_PROPN || S->t[x].upos == UPOS_PRON) {
        /* relative pronoun: the antecedent */
        if ((lemma_is(&S->t[x], "which") || lemma_is(&S->t[x], "who") || lemma_is(&S->t[x], "that")) &&
            S->t[x].head >= 0) {
            int32_t v = S->t[x].head;
            if (S->t[v].deprel == DEP_ACL_RELCL && S->t[v].head >= 0)
                actors_at(S, (uint32_t)S->t[v].head, A, depth + 1);
        } else if (fold_is(&S->t[x], "whose") && S->t[x].head >= 0) {
            /* "Ukraine, whose cities have come under attack": the antecedent */
            int32_t v = S->t[x].head;
            for (int up = 0; v >= 0 && up < 3 && S->t[v].deprel != DEP_ACL_RELCL; up++)
                v = S->t[v].head;
            if (v >= 0 && S->t[v].deprel == DEP_ACL_RELCL && S->t[v].head >= 0)
                actors_at(S, (uint32_t)S->t[v].head, A, depth + 1);
            else if (x >= 2 && fold_is(&S->t[x - 1], ",") && S->tok2men[x - 2] >= 0)
                add_mention(S, A, S->tok2men[x - 2]); /* (however the clause was hung) */
        } else {
            int found = 0;
            if (lemma_is(&S->t[x], "border") || lemma_is(&S->t[x], "frontier") || lemma_is(&S->t[x], "boundary")) {
                /* "along the border with Pakistan", "to its border with
                 * Guyana": the neighbour, before the possessor */
                FOR_CHILDREN(S, x, c)
                    if (S->t[c].deprel == DEP_NMOD && !found) {
                        const tok *cs = case_of(S, c);
                        if (cs && fold_is(cs, "with")) {
                            actors_at(S, c, A, depth + 1);
                            found = A->n > 0;
                        }
                    }
            }
            /* the name itself first ("NATO-member Norway": Norway), then a
             * modifier ("Ukrainian cities", "Russia's army") */
            FOR_CHILDREN(S, x, c)
                if ((S->t[c].deprel == DEP_FLAT || S->t[c].deprel == DEP_NMOD_DESC) && S->tok2men[c] >= 0 && !found) {
                    add_mention(S, A, S->tok2men[c]);
                    found = 1;
                }
            /* "Ukraine's allies", "Russia's critics", "Iran's rivals": the
             * possessor of a relational noun is the other party ("NATO
             * allies", "Western allies" are still the group itself) */
            static const char *const RELATIONAL[] = {"ally", "allies", "partner", "partners", "backer", "backers",
                "supporter", "supporters", "neighbour", "neighbours", "neighbor", "neighbors", "rival", "rivals",
                "enemy", "enemies", "critic", "critics", "opponent", "opponents", "foe", "foes", "adversary",
                "adversaries", "friend", "friends", "detractor", "detractors", NULL};
            int relational = !found && word_listed(&S->t[x], RELATIONAL);
            if (!found)
                FOR_CHILDREN(S, x, c) {
                    int dr = S->t[c].deprel;
                    if ((dr == DEP_AMOD || dr == DEP_COMPOUND || (dr == DEP_NMOD_POSS && !relational)) &&
                        S->tok2men[c] >= 0 &&
                        !brokered_mention(S, S->tok2men[c])) {
                        add_mention(S, A, S->tok2men[c]);
                        found = 1;
                        break;
                    }
                    if (dr == DEP_NMOD_POSS && fold_is(&S->t[c], "whose")) {
                        int before = A->n;
                        actors_at(S, c, A, depth + 1); /* "Ukraine, whose cities" */
                        if (A->n > before) {
                            found = 1;
                            break;
                        }
                    }
                }
            if (!found && S->t[x].upos == UPOS_NOUN)
                /* "the U.S. arms sale": the actor modifying a compound
                 * modifier modifies the whole phrase */
                FOR_CHILDREN(S, x, c) {
                    if (found || S->t[c].deprel != DEP_COMPOUND || c > x || S->tok2men[c] >= 0)
                        continue;
                    FOR_CHILDREN(S, c, g) {
                        int dg = S->t[g].deprel;
                        if (!found && g < c && (dg == DEP_COMPOUND || dg == DEP_AMOD || dg == DEP_NMOD_POSS) &&
                            S->tok2men[g] >= 0 && !brokered_mention(S, S->tok2men[g])) {
                            add_mention(S, A, S->tok2men[g]);
                            found = 1;
                        }
                    }
                }
            for (uint32_t c = x > 6 ? x - 6 : 2; c < x && c >= 2 && !found; c++) {
                /* "a Marshall Islands-flagged tanker", "a Greek-owned ship":
                 * a vessel or firm belongs to the state named before the
                 * hyphen, however the parser hung the words */
                static const char *const OWNED[] = {"flagged", "owned", "registered", "operated", "run", NULL};
                int ow = 0;
                for (int q = 0; OWNED[q] && !ow; q++)
                    ow = fold_is(&S->t[c], OWNED[q]);
                if (ow && fold_is(&S->t[c - 1], "-") && S->tok2men[c - 2] >= 0 && S->t[c - 1].start == S->t[c - 2].end) {
                    add_mention(S, A, S->tok2men[c - 2]);
                    found = 1;
                }
            }
            for (uint32_t c = x > 5 ? x - 5 : 0; c < x && !found; c++) {
                /* "a U.S.-owned cargo ship", "Iranian-backed militias": the
                 * name on a participle before the noun (on it or on a
                 * compound of it) */
                int32_t hc = S->t[c].head;
                if (S->t[c].deprel != DEP_AMOD || S->t[c].upos != UPOS_VERB || hc < 0 || broker_word(&S->t[c]) ||
                    !((uint32_t)hc == x || (S->t[hc].head == (int32_t)x && S->t[hc].deprel == DEP_COMPOUND)))
                    continue;
                FOR_CHILDREN(S, c, g)
                    if ((S->t[g].deprel == DEP_COMPOUND || S->t[g].deprel == DEP_OBL_NPMOD ||
                         S->t[g].deprel == DEP_NMOD_NPMOD || S->t[g].deprel == DEP_OBL) &&
                        g < c && S->tok2men[g] >= 0 && !found) {
                        add_mention(S, A, S->tok2men[g]);
                        found = 1;
                    }
            }
            if (!found) {
                /* "Kenzo Oshima, the United Nations relief coordinator," */
                FOR_CHILDREN(S, x, c)
                    if (S->t[c].deprel == DEP_APPOS && S->tok2men[c] >= 0) {
                        add_mention(S, A, S->tok2men[c]);
                        found = 1;
                        break;
                    }
                /* "Jan Egeland, the head of the Norwegian Refugee Council,":
                 * a name whose apposition is the head of an organisation */
                FOR_CHILDREN(S, x, c)
                    if (!found && S->t[c].deprel == DEP_APPOS && S->t[x].upos == UPOS_PROPN && leader_noun(&S->t[c])) {
                        int before = A->n;
                        actors_at(S, c, A, depth + 1);
                        found = A->n > before;
                    }
            }
            if (!found && S->t[x].upos == UPOS_NOUN) {
                /* "a tariff on imports from Canada and Mexico", "a ban on
                 * exports to Iran": trade stands for the country it comes
                 * from or goes to */
                static const char *const TRADE[] = {"import", "export", "good", "product", "shipment", "purchase",
                                                    "sale", "commodity", NULL};
                int trade = lemma_listed(&S->t[x], TRADE);
                if (trade)
                    FOR_CHILDREN(S, x, c) {
                        const tok *cs = case_of(S, c);
                        if (!found && S->t[c].deprel == DEP_NMOD && S->tok2men[c] >= 0 && cs &&
                            (fold_is(cs, "from") || fold_is(cs, "to"))) {
                            actors_at(S, c, A, depth + 1);
                            found = A->n > 0;
                        }
                    }
            }
            if (!found && S->t[x].upos == UPOS_NOUN) {
                /* "shot down 40 drones launched by Russia", "weapons
                 * supplied by Iran": a thing stands for the agent of the
                 * participle describing it */
                FOR_CHILDREN(S, x, a) {
                    if (found || S->t[a].deprel != DEP_ACL || S->t[a].xpos != XPOS_VBN || a < x)
                        continue;
                    FOR_CHILDREN(S, a, g) {
                        const tok *gs = case_of(S, g);
                        if (!found && S->tok2men[g] >= 0 &&
                            (S->t[g].deprel == DEP_OBL_AGENT || (S->t[g].deprel == DEP_OBL && gs && fold_is(gs, "by")))) {
                            add_mention(S, A, S->tok2men[g]);
                            found = 1;
                        }
                    }
                }
            }
            if (!found && leader_noun(&S->t[x])) {
                /* "the head of the Norwegian Refugee Council", "the chief of
                 * Sudan's army", "the director of the agency": the one led */
                FOR_CHILDREN(S, x, c)
                    if (!found && S->t[c].deprel == DEP_NMOD) {
                        const tok *cs = case_of(S, c);
                        if (cs && (fold_is(cs, "of") || fold_is(cs, "for"))) {
                            int before = A->n;
                            actors_at(S, c, A, depth + 1);
                            found = A->n > before;
                        }
                    }
            }
            if (!found && S->t[x].upos == UPOS_NOUN) {
                /* "an offer by Trump to mediate", "a proposal from Egypt":
                 * the agent of the object noun */
                static const char *const OFFER[] = {"offer", "proposal", "plan", "invitation", "request",
                                                    "initiative", "bid", "overture", "call", "appeal"};
                int offer = 0;
                for (size_t i = 0; i < sizeof OFFER / sizeof OFFER[0]; i++)
                    offer |= lemma_is(&S->t[x], OFFER[i]);
                FOR_CHILDREN(S, x, c)
                    if ((S->t[c].deprel == DEP_NMOD || S->t[c].deprel == DEP_ACL) && !found && S->tok2men[c] >= 0) {
                        const tok *cs = case_of(S, c);
                        if (cs && (fold_is(cs, "by") || (offer && fold_is(cs, "from")))) {
                            add_mention(S, A, S->tok2men[c]);
                            found = 1;
                        }
                    }
            }
            if (!found && S->t[x].upos == UPOS_NOUN) {
                /* "a raid on the offices of the Indian broadcaster", "the
                 * home of an opposition leader": premises stand for whoever
                 * they belong to */
                static const char *const PREMISES[] = {"office", "home", "house", "headquarters", "residence",
                    "compound", "premises", "newsroom", "studio", "embassy", "consulate", "property", "farm",
                    "factory", "plant", "warehouse", "vehicle", "car", "motorcade", "convoy", "family", NULL};
                int prem = lemma_listed(&S->t[x], PREMISES);
                if (prem)
                    FOR_CHILDREN(S, x, c)
                        if (S->t[c].deprel == DEP_NMOD && !found && S->tok2men[c] >= 0) {
                            const tok *cs = case_of(S, c);
                            if (cs && fold_is(cs, "of")) {
                                add_mention(S, A, S->tok2men[c]);
                                found = 1;
                            }
                        }
            }
            if (!found && !place_actor(S, x, A)) {
                /* "the town of Douma", "the city of Kherson" */
                FOR_CHILDREN(S, x, c)
                    if (S->t[c].deprel == DEP_NMOD) {
                        const tok *cs = case_of(S, c);
                        static const char *const PART_OF[] = {"town", "city", "village", "region", "province",
                            "port", "bank", "shore", "coast", "outskirts", "suburb", "suburbs", "part", "parts",
                            "centre", "center", "north", "south", "east", "west", "border", "district", NULL};
                        int part = word_listed(&S->t[x], PART_OF);
                        if (cs && fold_is(cs, "of") && (S->t[x].upos == UPOS_NOUN) && part)
                            place_actor(S, c, A);
                        /* "out of villages across southern Lebanon" */
                        static const char *const SITES[] = {"village", "town", "city", "area", "position",
                            "base", "camp", "district", "neighbourhood", "neighborhood", "settlement", NULL};
                        int site = lemma_listed(&S->t[x], SITES);
                        if (site && !A->n && cs && (fold_is(cs, "in") || fold_is(cs, "across") || fold_is(cs, "near") ||
                                                    fold_is(cs, "along")))
                            place_actor(S, c, A);
                    }
            }
        }
    }
    FOR_CHILDREN(S, x, c)
        if (S->t[c].deprel == DEP_CONJ && (S->tok2men[c] < 0 || S->tok2men[c] != S->tok2men[x]))
            actors_at(S, c, A, depth + 1);
    if (mi >= 0) {
        /* a conjunct the parser hung on another word of the name ("Marco
         * Rubio and Sergei Lavrov" with the conjunct on "Rubio") */
        const mention *M = &S->men[mi];
        for (uint32_t k = M->first; k <= M->last && k < S->n; k++) {
            if (k == x)
                continue;
            FOR_CHILDREN(S, k, c)
                if (S->t[c].deprel == DEP_CONJ && S->tok2men[c] != mi)
                    actors_at(S, c, A, depth + 1);
        }
    }
    /* "Spain, Ireland and Norway": a middle conjunct the parser hung as a
     * compound or apposition; only when the list goes on with "and"/"or" */
    FOR_CHILDREN(S, x, c) {
        int dr = S->t[c].deprel, mc = S->tok2men[c];
        if (c <= x || c < 1 || mc < 0 || mc == S->tok2men[x] ||
            (dr != DEP_COMPOUND && dr != DEP_APPOS && dr != DEP_NMOD_UNMARKED) ||
            !fold_is(&S->t[c - 1], ",") || S->men[mc].first != c)
            continue;
        uint32_t after = S->men[mc].last + 1;
        /* ("Britain, Canada, Australia, New Zealand and Norway": a comma
         * that goes on to another actor continues the list too) */
        if (after < S->n && (fold_is(&S->t[after], "and") || fold_is(&S->t[after], "or") ||
                             (fold_is(&S->t[after], ",") && after + 1 < S->n && S->tok2men[after + 1] >= 0)))
            add_mention(S, A, mc);
    }
}

static int subject_token(const sctx *S, uint32_t v, int depth);

/* subject of a verb, following passives, control, conjunction, relative
 * clauses; -1 when there is none */
static int subject_token(const sctx *S, uint32_t v, int depth)
{
    if (depth > 8)
        return -1;
    int pass = is_passive(S, v);
    FOR_CHILDREN(S, v, c) {
        int dr = S->t[c].deprel;
        if (!pass && (dr == DEP_NSUBJ || dr == DEP_CSUBJ)) {
            if (S->t[v].deprel == DEP_ACL_RELCL && S->t[v].head >= 0 &&
                (lemma_is(&S->t[c], "which") || lemma_is(&S->t[c], "who") || lemma_is(&S->t[c], "that")))
                return S->t[v].head;
            return (int)c;
        }
        if (pass && dr == DEP_OBL_AGENT)
            return (int)c;
        if (pass && dr == DEP_OBL) {
            const tok *cs = case_of(S, c);
            if (cs && fold_is(cs, "by"))
                return (int)c;
        }
    }
    if (pass)
        return -1;
    int32_t h = S->t[v].head;
    if (h < 0)
        return -1;
    int dr = S->t[v].deprel;
    if (dr == DEP_ACL && (S->t[h].upos == UPOS_NOUN || S->t[h].upos == UPOS_PROPN)) {
        /* "Nauru's decision to cut ties with Taiwan", "Iran's plan to
         * enrich": the infinitive under a possessed noun is the possessor's */
        int to = 0;
        FOR_CHILDREN(S, v, mk)
            if (S->t[mk].deprel == DEP_MARK && fold_is(&S->t[mk], "to") && mk < v)
                to = 1;
        if (to)
            FOR_CHILDREN(S, (uint32_t)h, ps)
                if (S->t[ps].deprel == DEP_NMOD_POSS && S->tok2men[ps] >= 0)
                    return (int)ps;
    }
    if (dr == DEP_XCOMP) {
        /* object control: "urged Iran to" -> Iran; an object that is no
         * actor ("set up a mission to investigate") acts for the subject */
        int o = child_rel(S, (uint32_t)h, DEP_OBJ);
        if (o >= 0 && (S->tok2men[o] >= 0 || S->t[o].upos == UPOS_PRON || S->t[o].upos == UPOS_PROPN))
            return o;
        if (o >= 0) {
            arglist probe;
            memset(&probe, 0, sizeof probe);
            actors_at(S, (uint32_t)o, &probe, 0);
            if (probe.n)
                return o;
        }
        FOR_CHILDREN(S, (uint32_t)h, c)
            if (S->t[c].deprel == DEP_OBL) {
                const tok *cs = case_of(S, c);
                if (cs && fold_is(cs, "on") && lemma_is(&S->t[h], "call"))
                    return (int)c;
            }
        /* "he is prepared to lift", "Iran is committed to": the passive
         * subject controls the infinitive */
        if (is_passive(S, (uint32_t)h)) {
            int sp = child_rel(S, (uint32_t)h, DEP_NSUBJ_PASS);
            if (sp >= 0)
                return sp;
        }
        return subject_token(S, (uint32_t)h, depth + 1);
    }
    if (dr == DEP_CONJ && v > 0 && S->tok2men[v - 1] >= 0 && S->t[v].xpos == XPOS_VBD) {
        /* '"...," Blinken told the council' misread as a conjunct: a name
         * right before a finite verb, itself hung elsewhere, is its subject */
        const mention *M = &S->men[S->tok2men[v - 1]];
        int32_t mh = S->t[M->head].head;
        if (M->kind != MEN_PRONOUN && M->head < v && (mh < 0 || (uint32_t)mh != v) &&
            S->t[M->head].deprel != DEP_NMOD_POSS && !case_of(S, M->head))
            return (int)M->head;
    }
    if (dr == DEP_CONJ || dr == DEP_ADVCL)
        return subject_token(S, (uint32_t)h, depth + 1);
    /* "troops firing on ...", and a main verb the parser took for a reduced
     * relative ("Thousands of protesters rallied ...") */
    if (dr == DEP_ACL && (S->t[v].xpos == XPOS_VBG || S->t[v].xpos == XPOS_VBD ||
                          (S->t[v].xpos == XPOS_VBN && child_rel(S, v, DEP_OBJ) >= 0))) {
        /* "Gunmen on motorcycles abducted ...": the verb hung on the noun of
         * a phrase modifying the subject; the subject is the phrase's head */
        if (S->tok2men[h] < 0 && S->t[h].deprel == DEP_NMOD && S->t[h].head >= 0 && S->t[h].head < h &&
            S->tok2men[S->t[h].head] >= 0)
            return S->t[h].head;
        return (int)h;
    }
    if (dr == DEP_ACL && S->t[h].upos == UPOS_NOUN) {
        /* "reached a consensus to exchange information": the subject of
         * the verb governing the noun */
        int32_t g = S->t[h].head;
        if (g >= 0 && S->t[g].upos == UPOS_VERB && S->t[h].deprel == DEP_OBJ)
            return subject_token(S, (uint32_t)g, depth + 1);
    }
    return -1;
}

/* A particle the parser took for a preposition: "handed over the town",
 * "pulled out of the deal" -> the oblique right after the verb. */
static const tok *verb_particle_obl(const sctx *S, uint32_t v, int *obl)
{
    static const char *const PRT[] = {"over", "out", "back", "off", "down", "up", "away", NULL};
    FOR_CHILDREN(S, v, c) {
        if (S->t[c].deprel != DEP_OBL)
            continue;
        FOR_CHILDREN(S, c, k) {
            if (S->t[k].deprel != DEP_CASE || k != v + 1)
                continue;
            for (int i = 0; PRT[i]; i++)
                if (fold_is(&S->t[k], PRT[i])) {
                    *obl = (int)c;
                    return &S->t[k];
                }
        }
    }
    return NULL;
}

static int object_token(const sctx *S, uint32_t v)
{
    int pass = is_passive(S, v);
    FOR_CHILDREN(S, v, c) {
        int dr = S->t[c].deprel;
        if (!pass && dr == DEP_OBJ)
            return (int)c;
        if (pass && dr == DEP_NSUBJ_PASS)
            return (int)c;
    }
    if (!pass) {
        int o = -1;
        if (verb_particle_obl(S, v, &o) && o >= 0)
            return o;
    }
    if (pass && S->t[v].deprel == DEP_ACL && S->t[v].head >= 0)
        return S->t[v].head; /* "rebels backed by Russia" */
    int conj_like = S->t[v].deprel == DEP_CONJ;
    if (pass && S->t[v].deprel == DEP_CCOMP)
        FOR_CHILDREN(S, v, c)
            if (S->t[c].deprel == DEP_CC)
                conj_like = 1; /* "..., and was received by": a conjunct misread as a complement */
    if (pass && conj_like && S->t[v].head >= 0) {
        /* "Putin arrived ... and was greeted by Kim": the shared subject */
        FOR_CHILDREN(S, (uint32_t)S->t[v].head, c)
            if (S->t[c].deprel == DEP_NSUBJ || S->t[c].deprel == DEP_NSUBJ_PASS)
                return (int)c;
    }
    if (!pass)
        FOR_CHILDREN(S, v, c) {
            /* "shot and wounded the senator", "beat and tortured migrants":
             * verbs joined right after each other share the last one's
             * object */
            if (S->t[c].deprel != DEP_CONJ || c <= v || c > v + 3 || S->t[c].upos != UPOS_VERB ||
                !fold_is(&S->t[v + 1], "and"))
                continue;
            int own_subj = 0;
            FOR_CHILDREN(S, c, g)
                if (S->t[g].deprel == DEP_NSUBJ || S->t[g].deprel == DEP_NSUBJ_PASS)
                    own_subj = 1;
            if (own_subj)
                continue;
            FOR_CHILDREN(S, c, g)
                if (S->t[g].deprel == DEP_OBJ)
                    return (int)g;
        }
    return -1;
}

/* the verb governing a nominal predicate ("launched attacks"), or -1 */
static int is_measure(const tok *t);

/* Is the span [start, end) a group in collective dissent ("protesters",
 * "the crowd", "demonstrators")? */
static int dissent_group(const sctx *S, uint32_t start, uint32_t end)
{
    static const char *const W[] = {"protester", "protestor", "demonstrator", "crowd", "marcher", "rioter",
                                    "protest", "demonstration", "rally", "mob", "student", "activist", "supporter", NULL};
    for (uint32_t k = 0; k < S->n; k++) {
        if (S->t[k].start < start || S->t[k].end > end)
            continue;
        for (int i = 0; W[i]; i++)
            if (lemma_is(&S->t[k], W[i]))
                return 1;
    }
    return 0;
}

static int light_verb(const sctx *S, uint32_t x)
{
    int dr = S->t[x].deprel;
    int32_t h = S->t[x].head;
    if (h < 0)
        return -1;
    if (dr == DEP_NMOD && is_measure(&S->t[h])) {
        /* "provide $5 billion in aid": the verb governing the measure */
        dr = S->t[h].deprel;
        h = S->t[h].head;
        if (h < 0)
            return -1;
    }
    if ((dr == DEP_OBJ || dr == DEP_NSUBJ_PASS) && (S->t[h].upos == UPOS_VERB)) {
        /* "the arrest triggered protests", "the government faced protests":
         * the subject of a causative or experiencer verb is not the one
         * who acts */
        static const char *const NOT_LIGHT[] = {"trigger", "spark", "prompt", "provoke", "cause",  "fuel",
                                                "ignite",  "unleash", "stoke", "face",   "fear",   "witness",
                                                "see",     "suffer", "endure", "prevent", "avert", "invite",
                                                /* a topic, not an act: "discussed the grain deal" */
                                                "discuss", "debate", "review", "examine", "consider", "study",
                                                "mention", "explore", "analyse", "analyze", "assess", "weigh",
                                                /* having weapons is not using them: "manufacturing chemical weapons" */
                                                "manufacture", "produce", "stockpile", "possess", "acquire", "smuggle",
                                                "store", "hide"};
        for (size_t i = 0; i < sizeof NOT_LIGHT / sizeof NOT_LIGHT[0]; i++)
            if (lemma_is(&S->t[h], NOT_LIGHT[i]))
                return -1;
        return h;
    }
    if (dr == DEP_OBL && S->t[h].upos == UPOS_VERB && case_of(S, x) && fold_is(case_of(S, x), "in") &&
        (lemma_is(&S->t[h], "engage") || lemma_is(&S->t[h], "participate") || lemma_is(&S->t[h], "involve")))
        return h; /* "were engaged in ethnic cleansing", "participated in the attacks" */
    return -1;
}

/* "lifted the asset freeze", "ended the suspension of talks", "halted the
 * deportation of": an act named by a noun that its verb lifts, ends, halts
 * or reverses is not itself done here (a pattern of the verb that takes
 * the noun, "lifted the sanctions", codes the reversal) */
static int undone_by_verb(const sctx *S, uint32_t x)
{
    int dr = S->t[x].deprel;
    int32_t h = S->t[x].head;
    if (h < 0 || S->t[h].upos != UPOS_VERB || !(dr == DEP_OBJ || dr == DEP_NSUBJ_PASS))
        return 0;
    static const char *const UNDO[] = {"lift",   "ease",    "relax",   "loosen", "end",    "scrap",
                                       "remove", "reverse", "overturn", "rescind", "repeal", "revoke",
                                       "unfreeze", "suspend", "halt",   "stop",   "cancel",
                                       "postpone", "abandon"};
    for (size_t i = 0; i < sizeof UNDO / sizeof UNDO[0]; i++)
        if (lemma_is(&S->t[h], UNDO[i]))
            return 1;
    return 0;
}

static void prep_args(const sctx *S, uint32_t x, const char *prep, arglist *A)
{
    FOR_CHILDREN(S, x, c) {
        if (!is_obl_or_nmod(S->t[c].deprel))
            continue;
        const tok *cs = case_of(S, c);
        if (cs && fold_is(cs, prep))
            actors_at(S, c, A, 0);
    }
}

static int code_root(const char *code);

/* "Israel killed a Hamas official in a drone strike": a violent act named
 * as the means of a killing verb (which defers to it) takes that verb's
 * subject and object.  Returns the verb, or -1. */
static int32_t violent_host(const sctx *S, uint32_t h)
{
    int32_t gv = S->t[h].head;
    if (gv < 0 || S->t[h].deprel != DEP_OBL || S->t[gv].upos != UPOS_VERB)
        return -1;
    const tok *cs = case_of(S, h);
    if (!cs || !(fold_is(cs, "in") || fold_is(cs, "with") || fold_is(cs, "during")))
        return -1;
    static const char *const V[] = {"kill", "wound", "injure", "destroy", "damage", "eliminate", "hit", NULL};
    for (int i = 0; V[i]; i++)
        if (lemma_is(&S->t[gv], V[i]))
            return gv;
    return -1;
}

static int lemma_in(const tok *t, const char *const *lemmas, uint32_t n);

/* "X opened an investigation into war crimes by the Sudanese army": when
 * someone opened the inquiry, a by-phrase on the inquiry noun after its
 * into-phrase is the agent of the act inquired into (the parser hangs it
 * on the first noun), not the investigator */
static int by_of_inquiry_theme(const sctx *S, uint32_t h, uint32_t by, int lv)
{
    if (lv < 0 || subject_token(S, (uint32_t)lv, 0) < 0)
        return 0;
    FOR_CHILDREN(S, h, d) {
        const tok *ds = case_of(S, d);
        if (d < by && is_obl_or_nmod(S->t[d].deprel) && S->tok2men[d] < 0 && ds && fold_is(ds, "into"))
            return 1;
    }
    return 0;
}

/* Is mention M the victim ("on"/"against" phrase) of a violent act named
 * by the object of a disapproving or accusing predicate ("condemned the
 * attack on peacekeepers")? */
static int victim_of_object(const sctx *S, const cand *C, const mention *M)
{
    int r = code_root(C->pat->code);
    if ((r != 11 && r != 12) || C->pat->pos != 'V')
        return 0;
    int o = object_token(S, C->head);
    int32_t g = S->t[M->head].head;
    const tok *cs = case_of(S, M->head);
    if (o < 0 || g != o || !cs || !(fold_is(cs, "on") || fold_is(cs, "against")))
        return 0;
    static const char *const ACT[] = {"attack", "strike", "airstrike", "assault", "raid", "shelling", "bombing",
        "killing", "massacre", "crackdown", "violence", "abuse", "ambush", "offensive", "incursion", "shooting", NULL};
    return lemma_listed(&S->t[o], ACT);
}

/* "searched the office as part of an investigation": the verb whose "as
 * part of" phrase holds noun h, or -1 */
static int32_t part_of_verb(const sctx *S, uint32_t h)
{
    int32_t pt = S->t[h].head;
    if (pt < 0 || S->t[h].deprel != DEP_NMOD)
        return -1;
    const tok *ps = case_of(S, pt), *hs = case_of(S, h);
    if (!lemma_is(&S->t[pt], "part") || !hs || !fold_is(hs, "of") || !ps || !fold_is(ps, "as") ||
        S->t[pt].deprel != DEP_OBL || S->t[pt].head < 0 || S->t[S->t[pt].head].upos != UPOS_VERB)
        return -1;
    return S->t[pt].head;
}

static void slot_args(const sctx *S, const cand *C, const lex_slot *sl, arglist *A)
{
    uint32_t h = C->head;
    int noun = C->pat->pos == 'N';
    int lv = noun ? light_verb(S, h) : -1;
    switch (sl->kind) {
    case LEX_SLOT_SUBJ: {
        int s = -1;
        if (noun) {
            FOR_CHILDREN(S, h, c)
                if (S->t[c].deprel == DEP_NMOD) {
                    const tok *cs = case_of(S, c);
                    if (cs && fold_is(cs, "by") && !by_of_inquiry_theme(S, h, c, lv))
                        s = (int)c;
                }
            if (s < 0 && lv >= 0)
                s = subject_token(S, (uint32_t)lv, 0);
            int32_t gv = S->t[h].head;
            if (gv >= 0 && S->t[h].deprel == DEP_NMOD && S->t[gv].deprel == DEP_OBJ)
                gv = S->t[gv].head; /* "discussed the deal in a call": PP hung on the object */
            else if (S->t[h].deprel != DEP_OBL)
                gv = -1;
            if (s < 0 && lv < 0 && gv >= 0 && S->t[gv].upos == UPOS_VERB) {
                /* "A and B discussed the deal in a telephone call": the
                 * speakers of a call or meeting are the clause's subject */
                static const char *const TALK[] = {"call", "conversation", "meeting", "talk", "summit",
                                                   "videoconference", "video-conference", "phone-call",
                                                   "statement", "communique", "communiqué", "declaration"};
                const tok *cs = case_of(S, h);
                int talk = 0;
                for (size_t i = 0; i < sizeof TALK / sizeof TALK[0]; i++)
                    talk |= lemma_is(&S->t[h], TALK[i]);
                if (talk && cs && (fold_is(cs, "in") || fold_is(cs, "during") || fold_is(cs, "at")))
                    s = subject_token(S, (uint32_t)gv, 0);
                /* "expanded enrichment in defiance of the IAEA": the
                 * one who acts defies */
                if (s < 0 && lemma_is(&S->t[h], "defiance") && cs && fold_is(cs, "in"))
                    s = subject_token(S, (uint32_t)gv, 0);
            }
            if (s < 0 && lv < 0) {
                /* "police searched the office as part of an investigation
                 * into ...": the act the search is part of is the clause
                 * subject's */
                int32_t pv = part_of_verb(S, h);
                if (pv >= 0)
                    s = subject_token(S, (uint32_t)pv, 0);
            }
            if (s < 0 && lv < 0 && code_root(C->pat->code) >= 18) {
                int32_t hv = violent_host(S, h);
                if (hv >= 0)
                    s = subject_token(S, (uint32_t)hv, 0);
            }
        } else {
            s = subject_token(S, h, 0);
            /* "the 2020 war between Armenia and Azerbaijan killed 6,500
             * people": a war, clash or unrest kills with no one to blame */
            static const char *const STRIFE[] = {"war", "fighting", "conflict", "clash", "violence", "unrest",
                                                 "battle", "hostilities", "insurgency", "crossfire", NULL};
            for (int q = 0; s >= 0 && STRIFE[q] && code_root(C->pat->code) >= 18; q++)
                if (lemma_is(&S->t[s], STRIFE[q]) && S->tok2men[s] < 0)
                    s = -1;
        }
        if (s >= 0)
            actors_at(S, (uint32_t)s, A, 0);
        break;
    }
    case LEX_SLOT_OBJ: {
        int o = noun ? -1 : object_token(S, h);
        if (noun) {
            FOR_CHILDREN(S, h, c)
                if (S->t[c].deprel == DEP_NMOD) {
                    const tok *cs = case_of(S, c);
                    if (cs && fold_is(cs, "of"))
                        o = (int)c;
                }
        }
        if (noun && o < 0 && code_root(C->pat->code) >= 18) {
            int32_t hv = violent_host(S, h);
            if (hv >= 0)
                o = object_token(S, (uint32_t)hv);
        }
        if (o >= 0)
            actors_at(S, (uint32_t)o, A, 0);
        uint32_t praised_concession = 0, n_pats = 0;
        if (!A->n && o >= 0 && !noun && S->tok2men[o] < 0 && S->t[o].upos == UPOS_NOUN && S->t[o].lemma) {
            const lex_pattern *ps = lexicon_patterns(S->lx, S->t[o].lemma, S->t[o].lemma_len, 'N', &n_pats);
            for (uint32_t q = 0; ps && q < n_pats; q++)
                /* praise for a concession is for the one who made it, not the
                 * one it was made to ("welcomed the release of the journalists") */
                praised_concession += code_root(ps[q].code) == 8 && code_root(C->pat->code) == 5;
        }
        if (!A->n && o >= 0 && !noun && S->tok2men[o] < 0 && S->t[o].upos == UPOS_NOUN && S->t[o].lemma &&
            !praised_concession) {
            /* "expelled inspectors of the IAEA", "defended the right of
             * Russian troops": an object that names no one belongs to the
             * actor it is "of" */
            FOR_CHILDREN(S, (uint32_t)o, c)
                if (S->t[c].deprel == DEP_NMOD && !A->n) {
                    const tok *cs = case_of(S, c);
                    if (cs && fold_is(cs, "of"))
                        actors_at(S, c, A, 0);
                }
        }
        if (!A->n && o >= 0 && !noun && !is_passive(S, h) && S->tok2men[o] < 0) {
            /* "rejected calls by Kofi Annan" with "by" hung on the verb: an
             * active verb has no agent phrase, so it belongs to the object */
            FOR_CHILDREN(S, h, c)
                if (S->t[c].deprel == DEP_OBL && c > (uint32_t)o && !A->n) {
                    const tok *cs = case_of(S, c);
                    if (cs && fold_is(cs, "by"))
                        actors_at(S, c, A, 0);
                }
        }
        break;
    }
    case LEX_SLOT_IOBJ: {
        int o = child_rel(S, h, DEP_IOBJ);
        if (o < 0 && lv >= 0)
            o = child_rel(S, (uint32_t)lv, DEP_IOBJ);
        if (o >= 0)
            actors_at(S, (uint32_t)o, A, 0);
        break;
    }
    case LEX_SLOT_POSS:
        FOR_CHILDREN(S, h, c)
            if (S->t[c].deprel == DEP_NMOD_POSS)
                actors_at(S, c, A, 0);
        break;
    case LEX_SLOT_MOD:
        FOR_CHILDREN(S, h, c) {
            int dr = S->t[c].deprel;
            if ((dr == DEP_AMOD || dr == DEP_COMPOUND) && S->tok2men[c] >= 0 && !brokered_mention(S, S->tok2men[c]))
                add_mention(S, A, S->tok2men[c]);
        }
        break;
    case LEX_SLOT_PREP:
        if (sl->prep) {
            prep_args(S, h, sl->prep, A);
            if (!A->n && lv >= 0)
                prep_args(S, (uint32_t)lv, sl->prep, A);
            if (!A->n && noun)
                /* "an exchange of fire between Pakistani and Indian troops":
                 * the phrase hung on the noun's of-phrase */
                FOR_CHILDREN(S, h, oc)
                    if (S->t[oc].deprel == DEP_NMOD && !A->n && S->tok2men[oc] < 0) {
                        const tok *ocs = case_of(S, oc);
                        if (ocs && fold_is(ocs, "of"))
                            prep_args(S, oc, sl->prep, A);
                    }
            if (!A->n && !noun) {
                /* "extradited a trafficker to Brazil": the phrase may hang from the
                 * object, or one level below it ("$5 billion in aid to Ukraine") */
                int o = object_token(S, h);
                if (o >= 0) {
                    prep_args(S, (uint32_t)o, sl->prep, A);
                    if (!A->n)
                        FOR_CHILDREN(S, (uint32_t)o, c)
                            if (S->t[c].deprel == DEP_NMOD && !A->n)
                                prep_args(S, c, sl->prep, A);
                }
            }
            if (!A->n && !noun)
                /* "acted as an intermediary between Colombia and Venezuela":
                 * or from the oblique noun the pattern itself names */
                FOR_CHILDREN(S, h, c) {
                    /* (the pattern's own noun, even a role word: "withdrew
                     * as a mediator in Afghanistan") */
                    if (A->n || !is_obl_or_nmod(S->t[c].deprel))
                        continue;
                    for (uint32_t k = 0; k < C->pat->ncons && !A->n; k++) {
                        const lex_constraint *k2 = &C->pat->cons[k];
                        if (!k2->negative && k2->kind == LEX_CONS_PREP && k2->nlemmas &&
                            lemma_in(&S->t[c], k2->lemmas, k2->nlemmas))
                            prep_args(S, c, sl->prep, A);
                    }
                }
            if (!A->n && !strcmp(sl->prep, "into")) {
                /* "an investigation into the shooting of soldiers by Russian
                 * troops", "into the crash of a Russian military drone": the
                 * one investigated is the act's agent, else its owner */
                for (int pass = 0; pass < 2 && !A->n; pass++) {
                    uint32_t from = pass && lv >= 0 ? (uint32_t)lv : h;
                    if (pass && lv < 0)
                        break;
                    FOR_CHILDREN(S, from, c) {
                        const tok *cs = case_of(S, c);
                        if (!is_obl_or_nmod(S->t[c].deprel) || S->tok2men[c] >= 0 || !cs || !fold_is(cs, "into"))
                            continue;
                        for (int want = 0; want < 2 && !A->n; want++)
                            FOR_CHILDREN(S, c, g) {
                                const tok *gs = case_of(S, g);
                                if (S->t[g].deprel == DEP_NMOD && gs && fold_is(gs, want ? "of" : "by") && !A->n)
                                    actors_at(S, g, A, 0);
                            }
                        if (!A->n && !pass)
                            FOR_CHILDREN(S, from, g) {
                                const tok *gs = case_of(S, g);
                                if (g > c && S->t[g].deprel == DEP_NMOD && gs && fold_is(gs, "by") && !A->n &&
                                    by_of_inquiry_theme(S, from, g, lv))
                                    actors_at(S, g, A, 0);
                            }
                    }
                }
            }
            if (!A->n && !strcmp(sl->prep, "for")) {
                /* "claimed responsibility for a missile strike on a ship":
                 * the target of the act it is for */
                for (int pass = 0; pass < 2 && !A->n; pass++) {
                    uint32_t from = pass && lv >= 0 ? (uint32_t)lv : h;
                    FOR_CHILDREN(S, from, c) {
                        if (!is_obl_or_nmod(S->t[c].deprel) || S->tok2men[c] >= 0)
                            continue;
                        const tok *cs = case_of(S, c);
                        if (!cs || !fold_is(cs, "for"))
                            continue;
                        FOR_CHILDREN(S, c, g) {
                            const tok *gs = case_of(S, g);
                            if (S->t[g].deprel == DEP_NMOD && gs &&
                                (fold_is(gs, "on") || fold_is(gs, "against") || fold_is(gs, "of")) && !A->n)
                                actors_at(S, g, A, 0);
                        }
                        /* "for a suicide bombing that killed 12 soldiers": the
                         * object of the act's relative clause */
                        FOR_CHILDREN(S, c, g) {
                            if ((S->t[g].deprel == DEP_ACL_RELCL || S->t[g].deprel == DEP_ACL) && !A->n &&
                                S->t[g].upos == UPOS_VERB) {
                                int o = object_token(S, g);
                                if (o >= 0)
                                    actors_at(S, (uint32_t)o, A, 0);
                            }
                        }
                        /* "for a drone attack on a fuel depot ... in Russia's
                         * Saratov region": the country of the place hit */
                        FOR_CHILDREN(S, c, g) {
                            const tok *gs = case_of(S, g);
                            if (S->t[g].deprel != DEP_NMOD || !gs || !fold_is(gs, "on") || A->n)
                                continue;
                            for (uint32_t k = g; k < S->n && k < g + 14 && !A->n; k++) {
                                if (fold_is(&S->t[k], ",") || S->t[k].upos == UPOS_VERB)
                                    break;
                                if (place_actor(S, k, A))
                                    break;
                                int mk = S->tok2men[k];
                                const tok *ks = mk >= 0 ? case_of(S, S->men[mk].head) : NULL;
                                if (mk >= 0 && S->men[mk].ncodes && S->men[mk].kind != MEN_PRONOUN &&
                                    (S->t[S->men[mk].head].deprel == DEP_NMOD_POSS || (ks && fold_is(ks, "in"))))
                                    add_mention(S, A, mk);
                            }
                        }
                    }
                }
            }
        }
        break;
    case LEX_SLOT_COMP:
        for (int pass = 0; pass < 2 && !A->n; pass++) {
            /* the noun's own clause, else its light verb's ("expressed doubt
             * that Russia wants") */
            uint32_t x = pass == 0 ? h : (uint32_t)lv;
            if (pass == 1 && lv < 0)
                break;
            FOR_CHILDREN(S, x, c)
                if (S->t[c].deprel == DEP_CCOMP || S->t[c].deprel == DEP_XCOMP || S->t[c].deprel == DEP_ADVCL ||
                    S->t[c].deprel == DEP_ACL) {
                    int s = subject_token(S, c, 0);
                    if (s >= 0 && (uint32_t)s != h && (uint32_t)s != x)
                        actors_at(S, (uint32_t)s, A, 0);
                }
        }
        break;
    case LEX_SLOT_XOBJ: {
        int o = child_rel(S, h, DEP_OBJ);
        if (o >= 0)
            actors_at(S, (uint32_t)o, A, 0);
        break;
    }
    default:
        break;
    }
}

/* When the parse gives a verb no subject or object at all (a misparse,
 * typically around titles and names), fall back on word order like
 * TABARI: the nearest actor before the verb in the same clause is the
 * source, the nearest after it the target. */
static int clause_break(const tok *t)
{
    return fold_is(t, ";") || fold_is(t, ":") || fold_is(t, "said") || fold_is(t, "says") || fold_is(t, "while") ||
           fold_is(t, "but") || fold_is(t, "after") || fold_is(t, "before") || fold_is(t, "because") ||
           fold_is(t, "which") || fold_is(t, "who") || fold_is(t, "when");
}

static void order_fallback_at(const sctx *S, cand *C, uint32_t h, int want_src, int want_tgt);

static void order_fallback(const sctx *S, cand *C, int want_src, int want_tgt)
{
    order_fallback_at(S, C, C->head, want_src, want_tgt);
}

static void order_fallback_at(const sctx *S, cand *C, uint32_t h, int want_src, int want_tgt)
{
    if (want_src) {
        for (int32_t k = (int32_t)h - 1; k >= 0; k--) {
            if (clause_break(&S->t[k]))
                break;
            int mi = S->tok2men[k];
            const tok *cs = mi >= 0 ? case_of(S, S->men[mi].head) : NULL;
            if (mi >= 0 && (!cs || fold_is(cs, "'s") || fold_is(cs, "'") || fold_is(cs, "’s"))) {
                add_mention(S, &C->src, mi);
                break;
            }
        }
    }
    if (want_tgt) {
        for (uint32_t k = h + 1; k < S->n && k < h + 12; k++) {
            if (clause_break(&S->t[k]) || (S->t[k].upos == UPOS_VERB && S->t[k].deprel != DEP_AMOD))
                break;
            int mi = S->tok2men[k];
            if (mi >= 0) {
                const mention *M = &S->men[mi];
                const tok *cs = case_of(S, M->head);
                int dr = S->t[M->head].deprel;
                int32_t g = S->t[M->head].head;
                /* "amid Western pressure": a modifier of something else is not the target */
                int modifier = (dr == DEP_COMPOUND || dr == DEP_AMOD || dr == DEP_NMOD_POSS) && g >= 0 &&
                               ((uint32_t)g < M->first || (uint32_t)g > M->last) && S->tok2men[g] < 0;
                if (!modifier &&
                    (!cs || fold_is(cs, "to") || fold_is(cs, "with") || fold_is(cs, "on") || fold_is(cs, "against")))
                    add_mention(S, &C->tgt, mi);
                break;
            }
        }
    }
}

static int code_in(const char *code, const arglist *A)
{
    for (int b = 0; b < A->n; b++)
        if (!strcmp(code, A->code[b]))
            return 1;
    return 0;
}

/* is every code of mention mi one of the source's codes ("for damages to
 * his plant": "his" is the source itself, not a target) */
static int mention_is_source(const sctx *S, const cand *C, int mi)
{
    const mention *M = &S->men[mi];
    if (!C->src.n || !M->ncodes)
        return 0;
    for (uint32_t a = 0; a < M->ncodes; a++)
        if (!code_in(M->codes[a], &C->src))
            return 0;
    return 1;
}

/* "a commander wanted on drug charges", "a journalist accused of spying":
 * a participle right after a noun, with no subject of its own, modifies
 * the noun whatever the parser made of it */
static int reduced_relative(const sctx *S, uint32_t k)
{
    static const char *const RR[] = {"want", "accuse", "suspect", "charge", "convict", "hold", "detain",
                                     "arrest", "sentence", "jail", "believe", "link", "involve", "allege",
                                     "backed", "base", "know", "sought", "seek"};
    if (k == 0 || (S->t[k - 1].upos != UPOS_NOUN && S->t[k - 1].upos != UPOS_PROPN) ||
        (S->t[k].xpos != XPOS_VBN && S->t[k].xpos != XPOS_VBD))
        return 0;
    FOR_CHILDREN(S, k, c)
        if (S->t[c].deprel == DEP_NSUBJ || S->t[c].deprel == DEP_NSUBJ_PASS || S->t[c].deprel == DEP_AUX ||
            S->t[c].deprel == DEP_AUX_PASS)
            return 0;
    for (size_t i = 0; i < sizeof RR / sizeof RR[0]; i++)
        if (lemma_is(&S->t[k], RR[i]))
            return 1;
    return 0;
}

static void fill_args(const sctx *S, cand *C)
{
    const lex_pattern *P = C->pat;
    for (uint32_t i = 0; i < P->nsrc && !C->src.n; i++)
        slot_args(S, C, &P->src[i], &C->src);
    for (uint32_t i = 0; i < P->ntgt && !C->tgt.n; i++) {
        slot_args(S, C, &P->tgt[i], &C->tgt);
        /* "demanded that Sweden extradite people Ankara considers
         * terrorists": a target that is only the source itself is a
         * misattachment; try the next slot */
        int self = C->tgt.n && C->src.n;
        /* "fighting between Israel and Lebanese rebels": both sides from one
         * phrase are a pair, not a self-reference */
        for (uint32_t k = 0; k < P->nsrc && self && C->tgt.n >= 2; k++)
            if (P->src[k].kind == P->tgt[i].kind && P->src[k].prep && P->tgt[i].prep &&
                !strcmp(P->src[k].prep, P->tgt[i].prep))
                self = 0;
        for (int a = 0; a < C->tgt.n && self; a++)
            self = code_in(C->tgt.code[a], &C->src);
        if (self)
            C->tgt.n = 0;
        if (C->tgt.n && P->tgt[i].kind == LEX_SLOT_OBJ && P->pos == 'V') {
            int o = object_token(S, C->head);
            C->weak_tgt = o >= 0 && S->tok2men[o] < 0;
        }
    }
    if (P->pos == 'N' && code_root(P->code) >= 18) {
        /* "killed a Hamas official in a drone strike on an apartment":
         * the one killed, before the thing the strike hit */
        int32_t hv = violent_host(S, C->head);
        int o = hv >= 0 ? object_token(S, (uint32_t)hv) : -1;
        if (o >= 0 && S->tok2men[o] >= 0) {
            arglist who;
            memset(&who, 0, sizeof who);
            actors_at(S, (uint32_t)o, &who, 0);
            if (who.n)
                C->tgt = who;
        }
    }
    if (P->pos == 'N' && !C->tgt.n) {
        int lv = light_verb(S, C->head);
        int io = lv >= 0 ? child_rel(S, (uint32_t)lv, DEP_IOBJ) : -1;
        if (io >= 0)
            actors_at(S, (uint32_t)io, &C->tgt, 0);
    }
    if (P->pos == 'V' && !C->tgt.n && code_root(P->code) == 19) {
        /* "fired a ballistic missile that landed near Israel's Ben Gurion
         * airport": where the projectile came down is what it was fired at */
        int o = object_token(S, C->head);
        if (o >= 0)
            FOR_CHILDREN(S, (uint32_t)o, rc) {
                if (S->t[rc].deprel != DEP_ACL_RELCL || C->tgt.n)
                    continue;
                static const char *const LAND[] = {"land", "hit", "strike", "explode", "fall", "crash", "impact", NULL};
                int land = lemma_listed(&S->t[rc], LAND);
                if (!land)
                    continue;
                FOR_CHILDREN(S, rc, ob) {
                    if (C->tgt.n || !is_obl_or_nmod(S->t[ob].deprel))
                        continue;
                    actors_at(S, ob, &C->tgt, 0);
                    if (!C->tgt.n)
                        place_actor(S, ob, &C->tgt);
                    FOR_CHILDREN(S, ob, of) /* "near the terminal of Israel's airport" */
                        if (!C->tgt.n && S->t[of].deprel == DEP_NMOD && case_of(S, of) &&
                            fold_is(case_of(S, of), "of"))
                            actors_at(S, of, &C->tgt, 0);
                }
            }
    }
    if (P->pos == 'N' && !C->tgt.n && code_root(P->code) >= 18 && S->t[C->head].deprel == DEP_OBL &&
        S->t[C->head].head >= 0) {
        /* "cities that came under Russian missile barrages", "the convoy
         * came under fire": the subject of "come/fall under" is the one hit */
        const tok *cs = case_of(S, C->head);
        uint32_t gv = (uint32_t)S->t[C->head].head;
        if (cs && fold_is(cs, "under") &&
            (lemma_is(&S->t[gv], "come") || lemma_is(&S->t[gv], "fall") || lemma_is(&S->t[gv], "remain"))) {
            int sj = subject_token(S, gv, 0);
            if (sj >= 0)
                actors_at(S, (uint32_t)sj, &C->tgt, 0);
        }
    }
    if (P->pos == 'N' && !C->tgt.n && code_root(P->code) == 9) {
        /* "raided Yoon's office as part of an investigation into ...": the
         * inquiry is into whoever the search was aimed at */
        int32_t pv = part_of_verb(S, C->head);
        int o = pv >= 0 ? object_token(S, (uint32_t)pv) : -1;
        if (o >= 0)
            actors_at(S, (uint32_t)o, &C->tgt, 0);
    }
    if (P->pos == 'N' && !C->tgt.n && C->src.n && S->t[C->head].deprel == DEP_OBL && S->t[C->head].head >= 0 &&
        (P->flags & LEX_PAT_SYM)) {
        /* "told Trump in a telephone call", "assured Macron during a
         * meeting": the one spoken to in the call or meeting is the other side */
        const tok *cs = case_of(S, C->head);
        uint32_t gv = (uint32_t)S->t[C->head].head;
        if (cs && (fold_is(cs, "in") || fold_is(cs, "during") || fold_is(cs, "at")) && S->t[gv].upos == UPOS_VERB) {
            int o = object_token(S, gv);
            if (o < 0)
                o = child_rel(S, gv, DEP_IOBJ);
            if (o >= 0)
                actors_at(S, (uint32_t)o, &C->tgt, 0);
            /* (reporters told at a summit are no party to it) */
            for (int q = 0; q < C->tgt.n; q++)
                if (strlen(C->tgt.code[q]) == 6 && !strcmp(C->tgt.code[q] + 3, "MED")) {
                    C->tgt.n = 0;
                    break;
                }
        }
    }
    int wants_comp = 0;
    for (uint32_t i = 0; i < P->ntgt; i++)
        wants_comp |= P->tgt[i].kind == LEX_SLOT_COMP;
    if (!C->tgt.n && C->src.n && wants_comp && P->pos == 'V') {
        /* "demanded on Monday that Sweden extradite ...": the tagger often
         * misreads a subjunctive ("extradite", "release") so the clause has
         * no subject in the parse; the first actor after "that" is the party
         * asked to act */
        uint32_t k = C->head + 1;
        for (uint32_t j = 0; k < S->n && j < 4 && !fold_is(&S->t[k], "that"); k++, j++)
            if (clause_break(&S->t[k]) || fold_is(&S->t[k], ","))
                break;
        if (k < S->n && fold_is(&S->t[k], "that")) {
            for (uint32_t q = k + 1; q < S->n && q < k + 5; q++) {
                int mi = S->tok2men[q];
                if (mi >= 0) {
                    add_mention(S, &C->tgt, mi);
                    C->why = "target: first actor of the that-clause (the parse does not attach it)";
                    break;
                }
                if (clause_break(&S->t[q]) || fold_is(&S->t[q], ","))
                    break;
            }
        }
    }
    if (!C->tgt.n && C->src.n) {
        /* last resort: an actor right after the predicate behind "to/on/
         * against/with", wherever the parser hung the phrase ("lift
         * embargoes on sales ... to Iran, Libya and Cuba") */
        uint32_t lim = C->head + 15;
        for (uint32_t k = C->head + 1; k < S->n && k < lim; k++) {
            /* ", including tents, blankets and medicines," is an aside */
            if (fold_is(&S->t[k], ",") && k + 1 < S->n &&
                (fold_is(&S->t[k + 1], "including") || fold_is(&S->t[k + 1], "among"))) {
                uint32_t e = k + 2;
                int seen_and = 0; /* the list's own commas come before its "and" */
                while (e < S->n && e < k + 14 && !(fold_is(&S->t[e], ",") && seen_and) && S->tok2men[e] < 0 &&
                       S->t[e].upos != UPOS_VERB) {
                    seen_and |= fold_is(&S->t[e], "and") || fold_is(&S->t[e], "or");
                    e++;
                }
                if (e < S->n && fold_is(&S->t[e], ",")) {
                    lim += e - k;
                    k = e;
                    continue;
                }
            }
            if (clause_break(&S->t[k]) || fold_is(&S->t[k], ",") ||
                (S->t[k].upos == UPOS_VERB && S->t[k].deprel != DEP_AMOD && S->t[k].deprel != DEP_XCOMP &&
                 !(S->t[k].deprel == DEP_ACL && S->t[k].xpos == XPOS_VBN) && !reduced_relative(S, k) && k != C->head))
                break;
            int mi = S->tok2men[k];
            if (mi < 0)
                continue;
            if (mention_is_source(S, C, mi)) {
                k = S->men[mi].last;
                continue;
            }
            const mention *M = &S->men[mi];
            if (victim_of_object(S, C, M)) {
                /* "condemned the attack on Ukrainian civilians": the victims
                 * of the act condemned are not the ones criticised */
                k = M->last;
                continue;
            }
            const tok *cs = case_of(S, M->head);
            if (!cs || cs->start > S->t[M->first].start) {
                /* the word before the phrase, past a determiner or a country
                 * name ("with U.S. President ..."), when the parse hung the
                 * preposition elsewhere */
                int32_t q = (int32_t)M->first - 1;
                for (int skip = 0; q >= 0 && skip < 3; skip++) {
                    if (fold_is(&S->t[q], "the") || (S->tok2men[q] >= 0 && S->tok2men[q] != mi) ||
                        ((S->t[q].flags & TOK_CAPITAL) && S->t[q].upos == UPOS_PROPN))
                        q--;
                    else
                        break;
                }
                cs = q > (int32_t)C->head ? &S->t[q] : NULL;
            }
            int slot_prep = 0; /* the pattern's own target preposition ("investigation into") */
            for (uint32_t i = 0; cs && i < P->ntgt; i++)
                if (P->tgt[i].kind == LEX_SLOT_PREP && P->tgt[i].prep && fold_is(cs, P->tgt[i].prep) &&
                    (fold_is(cs, "into") || fold_is(cs, "from") || fold_is(cs, "at") || fold_is(cs, "toward") ||
                     fold_is(cs, "towards") || fold_is(cs, "over")))
                    slot_prep = 1;
            if (cs && (fold_is(cs, "to") || fold_is(cs, "on") || fold_is(cs, "against") || fold_is(cs, "with") || slot_prep)) {
                add_mention(S, &C->tgt, mi);
                FOR_CHILDREN(S, M->head, cj)
                    if (S->t[cj].deprel == DEP_CONJ)
                        actors_at(S, cj, &C->tgt, 1);
                /* coordination the parser attached elsewhere: "to Iran, Libya, North Korea" */
                for (uint32_t q = M->last + 1; q + 1 < S->n && q < M->last + 12; q++) {
                    int mj = S->tok2men[q];
                    if (mj >= 0 && (fold_is(&S->t[q - 1], ",") || fold_is(&S->t[q - 1], "and")) &&
                        (uint32_t)mj != (uint32_t)mi && S->men[mj].first == q) {
                        add_mention(S, &C->tgt, mj);
                        q = S->men[mj].last;
                    } else if (mj < 0 && !fold_is(&S->t[q], ",") && !fold_is(&S->t[q], "and")) {
                        break;
                    }
                }
                if (!C->why)
                    C->why = "target by word order (the parse does not attach it)";
                break;
            }
            k = M->last; /* an object or other phrase: look further */
        }
    }
    if (P->pos == 'N' && !C->src.n) {
        /* "Ukraine's prosecutor-general opened a war crimes investigation":
         * the light verb lost its subject in the parse */
        int lv = light_verb(S, C->head);
        if (lv >= 0 && S->t[C->head].deprel == DEP_OBJ && subject_token(S, (uint32_t)lv, 0) < 0 &&
            !is_passive(S, (uint32_t)lv) && S->t[lv].deprel != DEP_XCOMP && S->t[lv].deprel != DEP_ACL &&
            S->t[lv].deprel != DEP_ADVCL) {
            order_fallback_at(S, C, (uint32_t)lv, 1, 0);
            if (C->src.n)
                C->why = "noun predicate, source by word order (the light verb has no subject in the parse)";
        }
    }
    if (P->pos == 'V' && !C->src.n && is_passive(S, C->head)) {
        /* "was greeted at the airport by leader Kim Jong Un" with the agent
         * lost in the parse: the actor right after "by" */
        for (uint32_t k = C->head + 1; k + 1 < S->n && k < C->head + 10; k++) {
            if (clause_break(&S->t[k]) || fold_is(&S->t[k], ",") ||
                (S->t[k].upos == UPOS_VERB && S->t[k].deprel != DEP_AMOD))
                break;
            if (!fold_is(&S->t[k], "by"))
                continue;
            for (uint32_t q = k + 1; q < S->n && q < k + 4; q++) {
                int mi = S->tok2men[q];
                if (mi >= 0) {
                    add_mention(S, &C->src, mi);
                    C->why = "passive agent by word order (the parse does not attach it)";
                    break;
                }
            }
            break;
        }
    }
    if (P->pos == 'V') {
        /* (a participle on a noun, "aid entering the territory", has that
         * noun as its subject: no word-order source for it) */
        /* "Fighting in the Kivus has displaced ...": a gerund before its
         * clause's verb names an activity: no word-order actors for it */
        int activity = S->t[C->head].xpos == XPOS_VBG && S->t[C->head].head > (int32_t)C->head &&
                       (S->t[C->head].deprel == DEP_ADVCL || S->t[C->head].deprel == DEP_CSUBJ);
        int no_subj = !C->src.n && subject_token(S, C->head, 0) < 0 && !is_passive(S, C->head) &&
                      S->t[C->head].deprel != DEP_XCOMP &&
                      !(S->t[C->head].deprel == DEP_ACL && S->t[C->head].xpos == XPOS_VBG) && !activity;
        int wants_obj = 0;
        for (uint32_t i = 0; i < P->ntgt; i++)
            wants_obj |= P->tgt[i].kind == LEX_SLOT_OBJ;
        int no_obj = wants_obj && !C->tgt.n && object_token(S, C->head) < 0 && !activity;
        if ((P->flags & (LEX_PAT_SYM | LEX_PAT_PAIRSYM)) && C->src.n >= 2)
            no_obj = 0; /* "A and B met": the coordination is both sides */
        if (no_subj || no_obj)
            order_fallback(S, C, no_subj, no_obj);
        if (no_subj || no_obj)
            C->why = "verb predicate, word-order fallback (no subject/object in the parse)";
    }
}

/* ---------------------------------------------------------- constraints */
/* (ptr, len) against a C string, in strcmp's order */
static int cmp_span(const char *a, size_t al, const char *b)
{
    for (size_t i = 0; i < al; i++) {
        if (!b[i])
            return 1;
        if (a[i] != b[i])
            return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
    }
    return b[al] ? -1 : 0;
}

static int in_sorted(const char *const *list, uint32_t n, const char *a, size_t al)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        int c = cmp_span(a, al, list[mid]);
        if (!c)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

static int lemma_in(const tok *t, const char *const *lemmas, uint32_t n)
{
    if (!n)
        return 1;
    if (n > LEX_SORTED_LIST) /* long constraint lists are sorted at load (lexicon.c) */
        return (t->lemma ? in_sorted(lemmas, n, t->lemma, t->lemma_len) : 0) ||
               (t->fold_len && in_sorted(lemmas, n, t->fold, t->fold_len));
    for (uint32_t i = 0; i < n; i++)
        if (lemma_is(t, lemmas[i]) || fold_is(t, lemmas[i]))
            return 1;
    return 0;
}

/* "25,000 tons of food aid", "a package of military aid": the measured
 * noun stands for the measure in a lemma constraint */
static int is_measure(const tok *t)
{
    static const char *const M[] = {"ton", "tonne", "tons", "tonnes", "package", "shipment", "consignment",
        "batch", "amount", "load", "convoy", "supply", "round", "wave", "series", "barrage", "number", "lot",
        "kind", "type", "form", "set", "piece", "bill", "$", "billion", "million", "euro", "dollar", "pound",
        "yuan", "worth", "sum", "tranche", "hundreds", "thousands", "dozens", "scores", "hundred", "thousand",
        "dozen", "score", "millions", "volume", "volumes", "barrel", "barrels", "cargo", "cargoes",
        "quantity", "quantities", "day", "days", "week", "weeks", "round", "rounds", "part", "portion",
        /* "delivered the first of 49 tanks" */
        "first", "second", "third", "last",
        /* "700 kg of medicine", "a team of inspectors", "a contingent of troops" */
        "kg", "kilogram", "kilograms", "kilo", "kilos", "litre", "litres", "liter", "liters", "team", "teams",
        "contingent", "contingents", "detachment", "unit", "units", "group", "groups", "delegation", NULL};
    if (t->upos == UPOS_NUM)
        return 1; /* "two of its nationals" */
    if (t->upos && t->upos != UPOS_NOUN && t->upos != UPOS_SYM && t->upos != UPOS_ADJ && t->upos != UPOS_PROPN)
        return 0; /* (the list holds nouns, "$" and "first"/"last") */
    for (int i = 0; M[i]; i++)
        if (lemma_is(t, M[i]))
            return 1;
    return 0;
}

static const tok *measured(const sctx *S, uint32_t x)
{
    if (!is_measure(&S->t[x]))
        return NULL;
    FOR_CHILDREN(S, x, c)
        if (S->t[c].deprel == DEP_NMOD) {
            const tok *cs = case_of(S, c);
            if (cs && (fold_is(cs, "of") || fold_is(cs, "in")))
                return &S->t[c];
        }
    return NULL;
}

/* the child of x in a prepositional phrase whose case word and lemma fit
 * constraint c, or -1 */
static int prep_child_matching(const sctx *S, uint32_t x, const lex_constraint *c)
{
    FOR_CHILDREN(S, x, ch) {
        if (!is_obl_or_nmod(S->t[ch].deprel))
            continue;
        const tok *cs = case_of(S, ch);
        int ok = 0;
        for (uint32_t p = 0; cs && p < c->npreps && !ok; p++)
            ok = fold_is(cs, c->preps[p]);
        if (ok && lemma_in(&S->t[ch], c->lemmas, c->nlemmas))
            return (int)ch;
    }
    return -1;
}

static int compound_in(const sctx *S, uint32_t x, const char *const *lemmas, uint32_t n);

/* The number a token states: digits ("1,100"), a number word ("forty") or
 * a vague quantity ("dozens" 24, "scores" 40, "hundreds" 100); -1 if none */
static long number_of(const tok *t)
{
    if (t->form_len && t->form[0] >= '0' && t->form[0] <= '9') {
        long v = 0;
        for (uint32_t i = 0; i < t->form_len; i++) {
            char c = t->form[i];
            if (c >= '0' && c <= '9')
                v = v * 10 + (c - '0');
            else if (c == '.')
                break;
            else if (c != ',')
                return -1;
            if (v > 1000000000L)
                return v;
        }
        return v;
    }
    static const struct { const char *w; long v; } W[] = {{"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
        {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12},
        {"dozen", 12}, {"fifteen", 15}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
        {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"dozens", 24}, {"score", 20},
        {"scores", 40}, {"hundred", 100}, {"hundreds", 100}, {"thousand", 1000}, {"thousands", 1000},
        {"million", 1000000}, {"millions", 1000000}};
    for (size_t i = 0; i < sizeof W / sizeof W[0]; i++)
        if (fold_is(t, W[i].w))
            return W[i].v;
    return -1;
}

/* A lemma "20+" in a constraint: the child states a number of at least 20
 * itself ("hundreds of civilians") or in its nummod ("at least 63 people") */
static int count_at_least(const sctx *S, uint32_t x, const char *const *lemmas, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (lemmas[i][0] < '0' || lemmas[i][0] > '9')
            continue; /* (checked first: lists are long, counts rare) */
        size_t len = strlen(lemmas[i]);
        if (len < 2 || lemmas[i][len - 1] != '+')
            continue;
        long min = strtol(lemmas[i], NULL, 10);
        if (number_of(&S->t[x]) >= min)
            return 1;
        FOR_CHILDREN(S, x, c)
            if (S->t[c].deprel == DEP_NUMMOD && number_of(&S->t[c]) >= min)
                return 1;
    }
    return 0;
}

static int cons_holds(const sctx *S, uint32_t h, const lex_constraint *c, int *matched)
{
    int found = 0;
    *matched = -1;
    FOR_CHILDREN(S, h, ch) {
        const tok *t = &S->t[ch];
        int dr = t->deprel, ok = 0;
        switch (c->kind) {
        case LEX_CONS_REL:
            ok = dr == c->deprel || (c->deprel == DEP_OBJ && dr == DEP_NSUBJ_PASS && is_passive(S, h));
            if (!ok && (c->deprel == DEP_ADVCL || c->deprel == DEP_XCOMP) && dr == DEP_OBJ) {
                /* "accused Israel of shelling": the gerund hangs from the object */
                FOR_CHILDREN(S, ch, g2)
                    if (S->t[g2].deprel == DEP_ACL || S->t[g2].deprel == DEP_ADVCL) {
                        FOR_CHILDREN(S, g2, mk)
                            if ((S->t[mk].deprel == DEP_MARK || S->t[mk].deprel == DEP_CASE) &&
                                fold_is(&S->t[mk], "of") && lemma_in(&S->t[g2], c->lemmas, c->nlemmas)) {
                                ok = 1;
                                t = &S->t[g2];
                            }
                    }
            }
            if (!ok && c->deprel == DEP_XCOMP && dr == DEP_OBJ) {
                /* "took 200 people hostage": the secondary predicate hung
                 * on the object as a modifier after it */
                FOR_CHILDREN(S, ch, g2)
                    if (g2 > ch && (S->t[g2].deprel == DEP_AMOD || S->t[g2].deprel == DEP_COMPOUND) &&
                        lemma_in(&S->t[g2], c->lemmas, c->nlemmas) && c->nlemmas) {
                        ok = 1;
                        t = &S->t[g2];
                    }
            }
            if (ok && t->upos == UPOS_PROPN && c->nlemmas && !lemma_in(t, c->lemmas, c->nlemmas)) {
                /* "shot dead Prime Minister Shinzo Abe": a name's title
                 * says what it is */
                FOR_CHILDREN(S, ch, g2)
                    if ((S->t[g2].deprel == DEP_NMOD_DESC || S->t[g2].deprel == DEP_COMPOUND) && g2 < ch &&
                        lemma_in(&S->t[g2], c->lemmas, c->nlemmas))
                        t = &S->t[g2];
            }
            if (!ok && c->deprel == DEP_XCOMP && dr == DEP_ADVCL) {
                /* parsers often attach "pressed X to act" as advcl */
                FOR_CHILDREN(S, ch, m)
                    if (S->t[m].deprel == DEP_MARK && fold_is(&S->t[m], "to"))
                        ok = 1;
            }
            break;
        case LEX_CONS_PREP:
            if (is_obl_or_nmod(dr)) {
                const tok *cs = case_of(S, ch);
                for (uint32_t p = 0; cs && p < c->npreps && !ok; p++)
                    ok = fold_is(cs, c->preps[p]);
            }
            break;
        case LEX_CONS_MOD:
            ok = dr == DEP_AMOD || dr == DEP_COMPOUND || dr == DEP_NMOD;
            break;
        case LEX_CONS_PRT:
            ok = dr == DEP_COMPOUND_PRT || dr == DEP_ADVMOD || (dr == DEP_CASE && t->upos == UPOS_ADP);
            if (!ok && dr == DEP_OBL) {
                int o = -1;
                const tok *pt = verb_particle_obl(S, h, &o);
                if (pt && o == (int)ch && lemma_in(pt, c->lemmas, c->nlemmas)) {
                    found = 1;
                    *matched = -1;
                }
            }
            break;
        }
        if (ok && (lemma_in(t, c->lemmas, c->nlemmas) ||
                   (t == &S->t[ch] && compound_in(S, ch, c->lemmas, c->nlemmas)) ||
                   (t == &S->t[ch] && count_at_least(S, ch, c->lemmas, c->nlemmas)))) {
            found = 1;
            *matched = (int)ch;
            break;
        }
        if (ok && c->nlemmas) {
            const tok *mt = measured(S, ch);
            if (mt && lemma_in(mt, c->lemmas, c->nlemmas)) {
                found = 1;
                *matched = (int)(mt - S->t);
                break;
            }
        }
    }
    if (!found && c->kind == LEX_CONS_MOD && c->nlemmas) {
        /* "a roadside bomb attack": a modifier of a compound modifier
         * describes the whole phrase */
        FOR_CHILDREN(S, h, ch) {
            if (S->t[ch].deprel != DEP_COMPOUND || ch > h)
                continue;
            FOR_CHILDREN(S, ch, g2)
                if ((S->t[g2].deprel == DEP_COMPOUND || S->t[g2].deprel == DEP_AMOD) && g2 < ch &&
                    lemma_in(&S->t[g2], c->lemmas, c->nlemmas)) {
                    found = 1;
                    *matched = (int)g2;
                }
            if (found)
                break;
        }
    }
    if (!found && c->kind == LEX_CONS_REL && c->deprel == DEP_NSUBJ && S->t[h].deprel == DEP_ACL &&
        S->t[h].head >= 0 && (uint32_t)S->t[h].head < h &&
        (S->t[h].xpos == XPOS_VBD || (S->t[h].xpos == XPOS_VBN && child_rel(S, h, DEP_OBJ) >= 0))) {
        /* "Russian missiles and drones struck Kyiv": a sentence's main verb
         * misparsed as a participle on its subject (see subject_token) */
        const tok *t = &S->t[S->t[h].head];
        if (lemma_in(t, c->lemmas, c->nlemmas)) {
            found = 1;
            *matched = S->t[h].head;
        }
    }
    if (!found && c->kind == LEX_CONS_PREP && (S->t[h].upos == UPOS_NOUN || S->t[h].upos == UPOS_PROPN)) {
        /* "held talks ... on the sidelines": the phrase hangs from the light verb */
        int lv = light_verb(S, h);
        int ch = lv >= 0 ? prep_child_matching(S, (uint32_t)lv, c) : -1;
        /* "held talks with the Japanese prime minister on the sidelines":
         * or from an actor in the light verb's oblique phrase */
        if (lv >= 0)
            FOR_CHILDREN(S, (uint32_t)lv, ob)
                if (ch < 0 && S->t[ob].deprel == DEP_OBL && S->tok2men[ob] >= 0)
                    ch = prep_child_matching(S, ob, c);
        if (ch >= 0) {
            found = 1;
            *matched = ch;
        }
    }
    if (!found && c->kind == LEX_CONS_PREP && S->t[h].upos == UPOS_VERB) {
        /* "accused Israel of shelling": the phrase may hang from the object */
        int o = object_token(S, h);
        int ch = o >= 0 ? prep_child_matching(S, (uint32_t)o, c) : -1;
        /* "appealed to the protesters for calm": or from an actor in an
         * oblique phrase (an actor takes no "for calm" of its own) */
        FOR_CHILDREN(S, h, ob) {
            if (ch >= 0)
                break;
            int odr = S->t[ob].deprel;
            /* (an actor as ccomp/xcomp is an object the parser misread) */
            if ((odr == DEP_OBL || odr == DEP_CCOMP || odr == DEP_XCOMP) && S->tok2men[ob] >= 0)
                ch = prep_child_matching(S, ob, c);
        }
        if (ch >= 0) {
            found = 1;
            *matched = ch;
        }
    }
    return c->negative ? !found : found;
}

/* ------------------------------------------------------------- modality */
static unsigned modality(const sctx *S, uint32_t h)
{
    unsigned m = 0;
    FOR_CHILDREN(S, h, c) {
        const tok *t = &S->t[c];
        int dr = t->deprel;
        if (dr == DEP_AUX) {
            if (lemma_is(t, "will") || lemma_is(t, "shall") || fold_is(t, "would") || fold_is(t, "'ll") || fold_is(t, "wo"))
                m |= MOD_FUTURE;
            else if (lemma_is(t, "could") || lemma_is(t, "may") || lemma_is(t, "might") || lemma_is(t, "should") ||
                     lemma_is(t, "can") || lemma_is(t, "must") || fold_is(t, "could") || fold_is(t, "might"))
                m |= MOD_HEDGE;
        }
        if ((dr == DEP_ADVMOD || dr == DEP_DET) &&
            (fold_is(t, "not") || fold_is(t, "n't") || fold_is(t, "never") || fold_is(t, "no")))
            m |= MOD_NEG;
        if (dr == DEP_ADVMOD && (fold_is(t, "regularly") || fold_is(t, "often") || fold_is(t, "usually") ||
                                 fold_is(t, "routinely") || fold_is(t, "frequently") || fold_is(t, "typically") ||
                                 fold_is(t, "sometimes") || fold_is(t, "generally") ||
                                 /* a trend: "have increasingly turned to Russia" */
                                 fold_is(t, "increasingly") || fold_is(t, "traditionally") ||
                                 fold_is(t, "historically") || fold_is(t, "habitually")))
            m |= MOD_HABIT;
        if (dr == DEP_ADVMOD && fold_is(t, "long") && c < h) {
            /* "have long protested against the headscarf": a standing
             * practice, not an event (with a perfect auxiliary only) */
            FOR_CHILDREN(S, h, a)
                if (S->t[a].deprel == DEP_AUX && (lemma_is(&S->t[a], "have") || fold_is(&S->t[a], "has") ||
                                                  fold_is(&S->t[a], "have") || fold_is(&S->t[a], "had")))
                    m |= MOD_HABIT;
        }
        if (dr == DEP_MARK && (fold_is(t, "if") || fold_is(t, "unless") || fold_is(t, "whether")))
            m |= MOD_COND;
        /* "neither country would threaten", "no one attacked": a negated subject */
        if ((dr == DEP_NSUBJ || dr == DEP_NSUBJ_PASS) &&
            (fold_is(t, "neither") || fold_is(t, "none") || fold_is(t, "nobody") || fold_is(t, "nothing")))
            m |= MOD_NEG;
        if (dr == DEP_NSUBJ || dr == DEP_NSUBJ_PASS)
            FOR_CHILDREN(S, c, d) {
                if (S->t[d].deprel == DEP_DET && (fold_is(&S->t[d], "neither") || fold_is(&S->t[d], "no")))
                    m |= MOD_NEG;
                /* "Neither Armenia nor Azerbaijan has signed": whatever the
                 * parser made of "neither" before the first conjunct */
                if (d < c && fold_is(&S->t[d], "neither"))
                    m |= MOD_NEG;
            }
        if ((dr == DEP_NSUBJ || dr == DEP_NSUBJ_PASS) && c > 0 && fold_is(&S->t[c - 1], "neither"))
            m |= MOD_NEG;
    }
    /* "to avert U.S. tariffs", "prevented an attack": an act averted or
     * prevented did not happen */
    if (S->t[h].head >= 0 && (S->t[h].deprel == DEP_OBJ || S->t[h].deprel == DEP_XCOMP)) {
        static const char *const AVERT[] = {"avert", "avoid", "prevent", "forestall", "preempt", "pre-empt",
                                            "thwart", "foil", "deter", "stave", "head", NULL};
        for (int q = 0; AVERT[q]; q++)
            if (lemma_is(&S->t[S->t[h].head], AVERT[q]))
                m |= MOD_COND; /* (not MOD_NEG: a pattern's neg= code is a refusal, not an aversion) */
    }
    /* inside an "if"/"unless" clause further up ("threatened sanctions if the
     * group walked away from the talks": the talks are not an event) */
    {
        int32_t a = S->t[h].head;
        uint32_t cur = h;
        for (int hops = 0; a >= 0 && hops < 6; hops++) {
            if (S->t[cur].deprel == DEP_ADVCL)
                FOR_CHILDREN(S, cur, mk)
                    if (S->t[mk].deprel == DEP_MARK &&
                        (fold_is(&S->t[mk], "if") || fold_is(&S->t[mk], "unless") || fold_is(&S->t[mk], "whether")))
                        m |= MOD_COND;
            cur = (uint32_t)a;
            a = S->t[a].head;
        }
    }
    /* "nationals suspected of blowing up a plane", "convicted of spying":
     * an allegation or a charge, not an event told as fact */
    if (S->t[h].head >= 0 && (S->t[h].deprel == DEP_ADVCL || S->t[h].deprel == DEP_ACL)) {
        static const char *const CHARGE[] = {"suspect", "accuse", "charge", "convict", "allege", "acquit",
                                             "indict", "guilty", "innocent", "clear", "exonerate", NULL};
        const tok *gv = &S->t[S->t[h].head];
        int of = 0;
        FOR_CHILDREN(S, h, c)
            if (S->t[c].deprel == DEP_MARK && fold_is(&S->t[c], "of"))
                of = 1;
        for (int i = 0; of && CHARGE[i]; i++)
            if (lemma_is(gv, CHARGE[i]) || fold_is(gv, CHARGE[i]))
                m |= MOD_HEDGE;
    }
    /* "sent troops to help Haiti fight gangs": a purpose clause states an
     * aim, not an act */
    if (S->t[h].deprel == DEP_ADVCL || S->t[h].deprel == DEP_XCOMP) {
        /* "parliament voted to end the state of emergency": a vote's
         * to-clause is what was voted, not an aim */
        int32_t gp = S->t[h].head;
        int voted = gp >= 0 && (lemma_is(&S->t[gp], "vote") || lemma_is(&S->t[gp], "opt") ||
                                lemma_is(&S->t[gp], "elect") || lemma_is(&S->t[gp], "choose") ||
                                lemma_is(&S->t[gp], "move"));
        FOR_CHILDREN(S, h, c)
            if (S->t[c].deprel == DEP_MARK && fold_is(&S->t[c], "to") && S->t[h].deprel == DEP_ADVCL && !voted &&
                S->t[h].xpos != XPOS_VBG) /* "resorted to throwing stones" is no infinitive */
                m |= MOD_PURPOSE;
    }
    /* "is to meet", "plans to meet", "is expected to meet" */
    int32_t g = S->t[h].head;
    if (S->t[h].deprel == DEP_XCOMP && g >= 0) {
        /* "working to ensure a ceasefire": an aim pursued, not an act */
        static const char *const GOAL_VERBS[] = {"work", "strive", "endeavour", "endeavor", "push", "struggle",
            "help", "fight", "campaign", "lobby", "labor", "labour", "race", NULL};
        for (int i = 0; GOAL_VERBS[i]; i++)
            if (lemma_is(&S->t[g], GOAL_VERBS[i]))
                m |= MOD_PURPOSE;
    }
    if (S->t[h].deprel == DEP_XCOMP && g >= 0) {
        const tok *gv = &S->t[g];
        static const char *const INTENT_VERBS[] = {"plan", "intend", "expect", "want", "seek", "aim", "hope",
            "prepare", "decide", "schedule", "set", "due", "likely", "ready", "try", "wish", "going", "willing",
            "prepared", "eager", "keen", "determined", "poised", NULL};
        /* subject control only: "Russia plans to attack" is Russia's intent,
         * "Obama wants Putin to attack" is not Putin's */
        int object_control = child_rel(S, (uint32_t)g, DEP_OBJ) >= 0;
        for (int i = 0; INTENT_VERBS[i] && !object_control; i++)
            if (lemma_is(gv, INTENT_VERBS[i]))
                m |= MOD_FUTURE;
        if (object_control && (lemma_is(gv, "want") || lemma_is(gv, "expect") || lemma_is(gv, "wish")))
            m |= MOD_HEDGE; /* someone else's wish for them, not an act */
        if (lemma_is(gv, "fail") || lemma_is(gv, "unable") || lemma_is(gv, "unwilling") ||
            fold_is(gv, "unable") || fold_is(gv, "unwilling"))
            m |= MOD_NEG; /* "failed to uphold the rights of", "were unable to reach a deal": not done */
        m |= modality(S, (uint32_t)g) & (MOD_FUTURE | MOD_HEDGE | MOD_COND);
    }
    return m;
}

/* ------------------------------------------------------------ predicates */
/* The pattern whose constraints hold with the most positive constraints;
 * consumed[] receives the children its lemma constraints matched ("hold
 * +obj:talks" consumes "talks", which then is not a predicate itself). */
/* Is "M X" (a compound modifier M right before X) listed as "m-x"? */
static int compound_in(const sctx *S, uint32_t x, const char *const *lemmas, uint32_t n)
{
    /* (an adjective too: "martial law", "military equipment") */
    if (!x || (S->t[x - 1].deprel != DEP_COMPOUND && S->t[x - 1].deprel != DEP_AMOD) ||
        S->t[x - 1].head != (int32_t)x || !S->t[x].lemma)
        return 0;
    const tok *mt = &S->t[x - 1], *ht = &S->t[x];
    size_t ml = mt->fold_len, hl = ht->lemma_len;
    for (uint32_t i = 0; i < n; i++) {
        const char *l = lemmas[i];
        if (l[0] != mt->fold[0] || strncmp(l, mt->fold, ml) || l[ml] != '-' || strncmp(l + ml + 1, ht->lemma, hl) ||
            l[ml + 1 + hl])
            continue;
        return 1;
    }
    return 0;
}

/* Score of pattern P on head h from its constraints alone (0: does not
 * hold); the dependents its lemma constraints matched go to got[]. */
static uint32_t pattern_score(const sctx *S, uint32_t h, const lex_pattern *P, int got[4])
{
    int ng = 0;
    uint32_t score = 1;
    for (int k = 0; k < 4; k++)
        got[k] = -1;
    for (uint32_t k = 0; k < P->ncons; k++) {
        int m;
        if (!cons_holds(S, h, &P->cons[k], &m))
            return 0;
        if (!P->cons[k].negative) {
            score += 2 + (P->cons[k].nlemmas ? 1 : 0);
            if (m >= 0 && P->cons[k].nlemmas && ng < 4)
                got[ng++] = m;
            /* "war crimes" matches "war-crime" in one list better than
             * "crime" in another: a compound spelled out in the list is
             * the more specific reading */
            if (m >= 0 && P->cons[k].nlemmas && compound_in(S, (uint32_t)m, P->cons[k].lemmas, P->cons[k].nlemmas))
                score++;
        }
    }
    return score;
}

/* Do the pattern's roles find actors here (tie-break between equally
 * specific readings: "insists Kosovo should ..." is a demand on Ukraine,
 * not a bare statement)? */
static uint32_t roles_filled(const sctx *S, uint32_t h, const lex_pattern *P)
{
    cand T;
    memset(&T, 0, sizeof T);
    T.pat = P;
    T.head = h;
    T.frame_parent = -1;
    fill_args(S, &T);
    return (T.src.n ? 1u : 0u) + (T.tgt.n ? 1u : 0u);
}

static const lex_pattern *best_pattern(const sctx *S, uint32_t h, const lex_pattern *pats, uint32_t np,
                                       int consumed[4])
{
    /* the most specific patterns that hold; among several, the one whose
     * roles the sentence fills, then the first */
    enum { MAXP = 256 };
    uint16_t top[MAXP];
    uint32_t ntop = 0, best_score = 0;
    const lex_pattern *best = NULL;
    for (uint32_t i = 0; i < np; i++) {
        int got[4];
        uint32_t sc = pattern_score(S, h, &pats[i], got);
        if (!sc || sc < best_score)
            continue;
        if (sc > best_score) {
            best_score = sc;
            best = &pats[i];
            memcpy(consumed, got, sizeof got);
            ntop = 0;
        }
        if (ntop < MAXP)
            top[ntop++] = (uint16_t)i;
    }
    if (ntop < 2)
        return best;
    uint32_t best_fill = 0;
    for (uint32_t t = 0; t < ntop; t++) {
        uint32_t f = roles_filled(S, h, &pats[top[t]]);
        if (t == 0 || f > best_fill) {
            best_fill = f;
            best = &pats[top[t]];
            pattern_score(S, h, best, consumed);
        }
        if (best_fill == 2)
            break;
    }
    return best;
}

static const lex_pattern *patterns_for(const sctx *S, uint32_t h, uint32_t *np)
{
    const tok *t = &S->t[h];
    int pos = (t->upos == UPOS_VERB) ? 'V' : (t->upos == UPOS_NOUN || t->upos == UPOS_PROPN) ? 'N' : 0;
    *np = 0;
    if (!pos || !t->lemma)
        return NULL;
    /* hyphenated compounds: "cease - fire" -> "cease-fire" */
    if (h >= 2 && S->t[h - 1].fold_len == 1 && S->t[h - 1].fold[0] == '-' &&
        S->t[h - 2].end == S->t[h - 1].start && S->t[h - 1].end == t->start) {
        char joined[96];
        int k = snprintf(joined, sizeof joined, "%.*s-%.*s", (int)S->t[h - 2].fold_len, S->t[h - 2].fold,
                         (int)t->lemma_len, t->lemma);
        if (k > 0 && (size_t)k < sizeof joined) {
            const lex_pattern *p = lexicon_patterns(S->lx, joined, (size_t)k, pos, np);
            if (p)
                return p;
        }
    }
    const lex_pattern *p = lexicon_patterns(S->lx, t->lemma, t->lemma_len, pos, np);
    if (p || t->lemma_len > 60)
        return p;
    /* British spellings: mobilisation -> mobilization, defence -> defense,
     * labour -> labor, criticise -> criticize */
    char alt[64];
    memcpy(alt, t->lemma, t->lemma_len);
    alt[t->lemma_len] = 0;
    int changed = 0;
    char *q;
    if ((q = strstr(alt, "isation")) || (q = strstr(alt, "ise")) || (q = strstr(alt, "ising"))) {
        q[1] = 'z';
        changed = 1;
    } else if ((q = strstr(alt, "ence")) && (strstr(alt, "defence") || strstr(alt, "offence"))) {
        q[2] = 's';
        changed = 1;
    } else if ((q = strstr(alt, "our")) && q[3] == 0) {
        memmove(q + 1, q + 2, 2);
        changed = 1;
    }
    if (changed && (p = lexicon_patterns(S->lx, alt, strlen(alt), pos, np)))
        return p;
    /* the lemmatiser misses some rare regular forms ("shelled" -> "shel"):
     * try the usual stems of the surface form */
    if (pos == 'V' && t->fold_len > 4 && t->fold_len < 60) {
        const char *f = t->fold;
        size_t n = t->fold_len;
        char stem[64];
        size_t cut = 0;
        if (n > 4 && !memcmp(f + n - 2, "ed", 2))
            cut = 2;
        else if (n > 5 && !memcmp(f + n - 3, "ing", 3))
            cut = 3;
        if (cut) {
            size_t k = n - cut;
            const char *forms[4];
            char e1[72], e2[72], e3[72];
            memcpy(stem, f, k);
            stem[k] = 0;                                  /* shell(ed), attack(ed) */
            snprintf(e1, sizeof e1, "%se", stem);         /* free(d) -> e1 "free"? no: "seiz(ed)" -> "seize" */
            snprintf(e2, sizeof e2, "%.*s", (int)(k > 1 && stem[k - 1] == stem[k - 2] ? k - 1 : k), stem); /* stopp(ed) */
            snprintf(e3, sizeof e3, "%.*sy", (int)(k > 1 && stem[k - 1] == 'i' ? k - 1 : k), stem);     /* carri(ed) */
            forms[0] = stem;
            forms[1] = e1;
            forms[2] = e2;
            forms[3] = e3;
            for (int i = 0; i < 4; i++)
                if ((p = lexicon_patterns(S->lx, forms[i], strlen(forms[i]), pos, np)))
                    return p;
        }
    }
    return NULL;
}

/* ------------------------------------------------------------- results */
typedef struct evvec {
    event *v;
    uint32_t n, cap;
    struct coder_note *notes;
    uint32_t nnotes, capnotes;
    struct coder_span *spans;
    uint32_t nspans, capspans;
} evvec;

static int push_span(evvec *E, uint32_t sentence, uint32_t s, uint32_t e, char kind, const char *label, const char *how)
{
    if (E->nspans == E->capspans) {
        uint32_t cap = E->capspans ? E->capspans * 2 : 64;
        struct coder_span *nv = realloc(E->spans, cap * sizeof *nv);
        if (!nv)
            return -1;
        E->spans = nv;
        E->capspans = cap;
    }
    struct coder_span *x = &E->spans[E->nspans++];
    x->sentence = sentence;
    x->start = s;
    x->end = e;
    x->kind = (uint8_t)kind;
    snprintf(x->label, sizeof x->label, "%s", label);
    x->how = how;
    return 0;
}

static int push_event(evvec *E, const event *e)
{
    if (E->n == E->cap) {
        uint32_t cap = E->cap ? E->cap * 2 : 32;
        event *nv = realloc(E->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        E->v = nv;
        E->cap = cap;
    }
    E->v[E->n++] = *e;
    return 0;
}

static int push_note(evvec *E, uint32_t sentence, uint32_t s, uint32_t e, const char *why)
{
    if (E->nnotes == E->capnotes) {
        uint32_t cap = E->capnotes ? E->capnotes * 2 : 32;
        struct coder_note *nv = realloc(E->notes, cap * sizeof *nv);
        if (!nv)
            return -1;
        E->notes = nv;
        E->capnotes = cap;
    }
    E->notes[E->nnotes].sentence = sentence;
    E->notes[E->nnotes].start = s;
    E->notes[E->nnotes].end = e;
    E->notes[E->nnotes].why = why;
    E->nnotes++;
    return 0;
}

static int same_country(const char *a, const char *b)
{
    return strlen(a) >= 3 && strlen(b) >= 3 && !strncmp(a, b, 3) && strncmp(a, "IGO", 3) && strncmp(a, "NGO", 3);
}

/* Is token x inside a relative, adverbial or complement clause whose verb
 * is not the predicate itself? */
static int is_under_any_clause(const sctx *S, uint32_t x, uint32_t pred)
{
    uint32_t cur = x;
    for (int steps = 0; steps < 64; steps++) {
        int32_t h = S->t[cur].head;
        if (h < 0)
            return 0;
        int dr = S->t[cur].deprel;
        if ((dr == DEP_ACL_RELCL || dr == DEP_ADVCL || dr == DEP_CCOMP || dr == DEP_ACL) && cur != pred &&
            S->t[cur].upos == UPOS_VERB)
            return 1;
        cur = (uint32_t)h;
    }
    return 0;
}

/* the date of an event: a timex hanging from the predicate's clause */
static int pick_dates(const sctx *S, uint32_t head, const timex *tx, size_t ntx, int *out, int max)
{
    int k = 0;
    for (size_t i = 0; i < ntx && k < max; i++) {
        int32_t a = tx[i].anchor_tok;
        int steps = 0;
        /* "on death row since 2017": the start of a state, not the date of
         * an event */
        if (tx[i].first > 0 && tx[i].first < S->n && fold_is(&S->t[tx[i].first - 1], "since"))
            continue;
        /* "gave Hamas until Sunday evening to accept": a deadline, not the
         * date of the act */
        if (tx[i].first > 0 && tx[i].first < S->n &&
            (fold_is(&S->t[tx[i].first - 1], "until") || fold_is(&S->t[tx[i].first - 1], "till")))
            continue;
        /* "before the January election", "Sunday's vote": a date that
         * modifies another noun dates that noun, not this predicate */
        if (a >= 0 && (uint32_t)a != head && S->t[a].upos == UPOS_NOUN) {
            int modifier = 0;
            for (uint32_t q = tx[i].first; q < tx[i].first + tx[i].ntok && q < S->n; q++)
                if (S->t[q].head == a &&
                    (S->t[q].deprel == DEP_COMPOUND || S->t[q].deprel == DEP_AMOD || S->t[q].deprel == DEP_NMOD_POSS))
                    modifier = 1;
            if (modifier)
                continue;
        }
        while (a >= 0 && (uint32_t)a != head && steps < 12) {
            const tok *t = &S->t[a];
            if ((t->upos == UPOS_VERB || t->upos == UPOS_AUX) && steps > 0)
                break; /* another clause */
            /* "will travel to New Delhi on Monday, the ministry said on
             * Friday": the date of a reporting or other clause hung below */
            if (steps == 0 && (uint32_t)a != head && (t->upos == UPOS_VERB || t->upos == UPOS_AUX) &&
                (t->deprel == DEP_PARATAXIS || t->deprel == DEP_CCOMP || t->deprel == DEP_CONJ ||
                 t->deprel == DEP_ACL_RELCL))
                break;
            a = t->head;
            steps++;
        }
        if (a >= 0 && (uint32_t)a == head)
            out[k++] = (int)i;
    }
    if (!k) {
        /* a clause-level date of the governing verb ("last month called on") */
        int32_t v = S->t[head].upos == UPOS_VERB ? (int32_t)head : S->t[head].head;
        for (int hops = 0; v >= 0 && hops < 3 && !k; hops++) {
            for (size_t i = 0; i < ntx && k < max; i++)
                if (tx[i].anchor_tok == v)
                    out[k++] = (int)i;
            if (S->t[v].upos == UPOS_VERB)
                break;
            v = S->t[v].head;
        }
    }
    if (!k && S->t[head].upos == UPOS_VERB && S->t[head].head >= 0 &&
        (S->t[head].deprel == DEP_ADVCL || S->t[head].deprel == DEP_XCOMP || S->t[head].deprel == DEP_CONJ)) {
        /* "severed relations on Tuesday, accusing Kyiv of ...", "met on
         * Monday and signed ...", "sent ships on Tuesday to shadow ...": an
         * adverbial, purpose or conjoined clause shares the date of the verb
         * it hangs on */
        uint32_t g = (uint32_t)S->t[head].head;
        /* not a clause of another time: "since Russia invaded", "after
         * the rebels seized", "until ..." */
        int other_time = 0;
        FOR_CHILDREN(S, head, mk)
            if (S->t[mk].deprel == DEP_MARK &&
                (fold_is(&S->t[mk], "since") || fold_is(&S->t[mk], "after") || fold_is(&S->t[mk], "before") ||
                 fold_is(&S->t[mk], "until") || fold_is(&S->t[mk], "till") || fold_is(&S->t[mk], "once")))
                other_time = 1;
        for (size_t i = 0; i < ntx && k < max && !other_time; i++)
            if (tx[i].anchor_tok == (int32_t)g && tx[i].kind != WHEN_DATELINE)
                out[k++] = (int)i;
    }
    if (!k) {
        /* one date in the sentence, outside any other clause, dates it
         * ("the minister last week urged ..." when the parse loses the link) */
        int only = -1, count = 0;
        for (size_t i = 0; i < ntx; i++)
            if (tx[i].kind != WHEN_DATELINE) {
                only = (int)i;
                count++;
            }
        if (count == 1 && tx[only].anchor_tok >= 0) {
            int inside_clause = 0;
            int32_t a = S->t[tx[only].anchor_tok].head;
            for (int steps = 0; a >= 0 && steps < 64; steps++) {
                int dr = S->t[a].deprel;
                if ((S->t[a].upos == UPOS_VERB && (uint32_t)a != head) &&
                    (dr == DEP_ACL_RELCL || dr == DEP_ADVCL || dr == DEP_CCOMP))
                    inside_clause = 1;
                a = S->t[a].head;
            }
            if (!inside_clause && !is_under_any_clause(S, (uint32_t)tx[only].anchor_tok, head))
                out[k++] = only;
        }
    }
    return k;
}

static void set_code_info(const lexicon *lx, event *e, const char *code)
{
    snprintf(e->code, sizeof e->code, "%s", code);
    const lex_code *lc = lexicon_code(lx, code);
    if (lc) {
        e->goldstein = (float)lc->goldstein;
        e->quad = (uint8_t)lc->quad;
        e->plover_event = strcmp(lc->plover_event, "-") ? lc->plover_event : NULL;
        e->plover_mode = strcmp(lc->plover_mode, "-") ? lc->plover_mode : NULL;
        e->code_name = lc->name;
    }
}

static int code_root(const char *code)
{
    return (code[0] - '0') * 10 + (code[1] - '0');
}

/* Sport: "Argentina beat France on penalties" is not an assault. */
static int sports_context(const sctx *S)
{
    /* words only sport uses, and words that are sport only in company
     * ("a tariff as a penalty for its oil purchases", "the goal of the
     * talks", "a coach carrying pilgrims", "strikers" at a factory) */
    static const char *const STRONG[] = {"tournament", "championship", "olympics", "olympic", "semifinal",
        "quarterfinal", "trophy", "midfielder", "wicket", "wickets", "innings", "playoff", "playoffs",
        "qualifier", "qualifiers", "qualifying", "goalkeeper", "batsman", "batter", "bowler", "footballer",
        "footballers", "halftime", "half-time", "overtime", "semi-final", "quarter-final", "rematch", NULL};
    static const char *const WEAK[] = {"cup", "penalties", "penalty", "goal", "goals", "match", "striker",
        "champions", "coach", "squad", "scored", "stadium", "medal", NULL};
    int weak = 0;
    for (uint32_t k = 0; k < S->n; k++) {
        for (int i = 0; STRONG[i]; i++)
            if (fold_is(&S->t[k], STRONG[i]))
                return 1;
        if (fold_is(&S->t[k], "cup") && (S->t[k].flags & TOK_CAPITAL))
            return 1; /* "the World Cup", "the Asia Cup" */
        /* a score: "beat Italy 4-1" */
        if (k + 2 < S->n && S->t[k].upos == UPOS_NUM && S->t[k + 2].upos == UPOS_NUM && fold_is(&S->t[k + 1], "-") &&
            !(S->t[k].flags & TOK_SPACE_AFTER) && !(S->t[k + 1].flags & TOK_SPACE_AFTER) && S->t[k].form_len <= 2 &&
            S->t[k + 2].form_len <= 2)
            weak++;
        for (int i = 0; WEAK[i]; i++)
            if (fold_is(&S->t[k], WEAK[i]))
                weak++;
    }
    return weak >= 2;
}

/* Emit the events of one candidate. */
static int is_under_any_clause(const sctx *S, uint32_t x, uint32_t pred);
static int locative(const sctx *S, const place *P);
static int place_case_is(const sctx *S, const place *P, const char *w);

typedef struct placeset {
    const place *p;
    size_t n;
    const place *story;     /* the dateline's place, or NULL */
} placeset;

/* the place of an event: one hanging from the predicate's clause */
/* how exact a place is: a city (or address) before a region before a
 * first-level division before a country */
static int place_rank(const place *P)
{
    if (P->unlisted)
        return 1;
    switch (P->precision) {
    case PLACE_ADDRESS: return 0;
    case PLACE_CITY: return 1;
    case PLACE_REGION: return 2;
    case PLACE_ADMIN1: return 3;
    default: return 4;
    }
}

static uint32_t place_head(const sctx *S, const place *P);

/* "over", "about", "regarding", "concerning": a phrase that names a topic */
static int topic_case(const tok *cs)
{
    return cs && (fold_is(cs, "over") || fold_is(cs, "about") || fold_is(cs, "regarding") || fold_is(cs, "concerning"));
}

/* Is the place the topic of an act rather than its scene ("ties ... over
 * the war in Gaza", "a dispute about the strikes on Kharkiv")? */
static int topic_place(const sctx *S, const place *P)
{
    int32_t x = (int32_t)place_head(S, P);
    /* (the parser often hangs "in Gaza" on the verb: read the words) */
    uint32_t w = P->first;
    if (w > 0 && fold_is(&S->t[w - 1], "the"))
        w--;
    if (w >= 2 && S->t[w - 1].upos == UPOS_ADP && S->t[w - 2].upos == UPOS_NOUN) {
        const tok *cs = case_of(S, w - 2);
        if (topic_case(cs))
            return 1;
    }
    for (int steps = 0; x >= 0 && steps < 4; steps++) {
        const tok *t = &S->t[x];
        if (t->upos != UPOS_NOUN && t->upos != UPOS_PROPN)
            break;
        const tok *cs = case_of(S, (uint32_t)x);
        if (topic_case(cs))
            return 1;
        /* "talks on oil prices and the war in Gaza", "a conference on Gaza
         * aid": "on" after a word of talk marks the topic */
        static const char *const ON_PLACE[] = {"sideline", "sidelines", "margin", "margins", "island", "border",
            "outskirts", "coast", "bank", "shore", "front", "soil", "territory", "edge", "side", "frontier",
            "ground", "street", "streets", "eve", "peninsula", "mainland", "campus", "premises", NULL};
        int on_place = word_listed(t, ON_PLACE);
        if (cs && fold_is(cs, "on") && t->head >= 0 && !on_place) {
            static const char *const TALKN[] = {"talk", "conference", "summit", "meeting", "discussion",
                "negotiation", "debate", "resolution", "statement", "report", "vote", "dispute", "agreement",
                "deal", "briefing", "session", "dialogue", "consultation", NULL};
            int32_t g = t->head;
            /* (through a coordination: "on oil prices and the war") */
            if (t->deprel == DEP_CONJ && g >= 0)
                g = S->t[g].head;
            for (int q = 0; g >= 0 && TALKN[q]; q++)
                if (lemma_is(&S->t[g], TALKN[q]))
                    return 1;
        }
        if (t->deprel == DEP_CONJ && t->head >= 0) {
            const tok *hc = case_of(S, (uint32_t)t->head);
            if (hc && fold_is(hc, "on") && S->t[t->head].head >= 0) {
                static const char *const TALKN2[] = {"talk", "conference", "summit", "meeting", "discussion",
                    "negotiation", "debate", NULL};
                for (int q = 0; TALKN2[q]; q++)
                    if (lemma_is(&S->t[S->t[t->head].head], TALKN2[q]))
                        return 1;
            }
        }
        if (cs && !fold_is(cs, "of") && !fold_is(cs, "in"))
            break;
        x = t->head;
    }
    return 0;
}

static const place *pick_place(const sctx *S, uint32_t head, const placeset *PS)
{
    /* of the places hanging from the predicate ("in the town of Kuriga in
     * Nigeria's Kaduna state"), the most exact one in the same country */
    const place *best = NULL;
    int best_arg = 0;
    /* a noun predicate's phrase may hang on its light verb ("fought
     * battles in the streets of Bahir Dar") */
    int32_t lvh = S->t[head].upos == UPOS_NOUN ? light_verb(S, head) : -1;
    for (size_t i = 0; i < PS->n; i++) {
        const place *P = &PS->p[i];
        if (P->cue == PLACE_CUE_DATELINE)
            continue;
        /* a country or actor named as a party ("support for Ukraine",
         * "talks between Ethiopia and Somalia") is not where the event
         * happened; "in Ukraine" is */
        /* ("travel to Port Sudan": the destination is where it happens) */
        if (((P->precision == PLACE_COUNTRY && !P->unlisted) || S->tok2men[P->first] >= 0) && !locative(S, P) &&
            !(place_case_is(S, P, "to") && P->precision != PLACE_COUNTRY))
            continue;
        if (topic_place(S, P))
            continue;
        int32_t a = P->anchor_tok, below = -1;
        int steps = 0, spoke = 0;
        while (a >= 0 && (uint32_t)a != head && a != lvh && steps < 10) {
            const tok *t = &S->t[a];
            /* the verb the place hangs on: a time or manner clause ("as they
             * fled El Fasher") shares the act's scene; a purpose, complement,
             * relative or coordinated clause ("to help the government in
             * Maputo", "a ceremony held in ...") may not (checked on the
             * held-out set: the relative clause cost as much as it gained) */
            int own_scene = 0;
            if (steps == 0 && (t->upos == UPOS_VERB || t->upos == UPOS_AUX)) {
                if (t->deprel == DEP_ADVCL) {
                    own_scene = 1;
                    FOR_CHILDREN(S, (uint32_t)a, mk)
                        if (S->t[mk].deprel == DEP_MARK && (fold_is(&S->t[mk], "to") || fold_is(&S->t[mk], "if")))
                            own_scene = 0;
                }
            }
            if ((t->upos == UPOS_VERB || t->upos == UPOS_AUX) && !spoke && !own_scene) {
                /* "broke the truce by shelling districts of Omdurman": a
                 * by-clause is the manner of the same act */
                int by = 0;
                if (t->deprel == DEP_ADVCL)
                    FOR_CHILDREN(S, (uint32_t)a, mk)
                        if ((S->t[mk].deprel == DEP_MARK || S->t[mk].deprel == DEP_CASE) && fold_is(&S->t[mk], "by"))
                            by = 1;
                /* "declined to comment, telling reporters in New Delhi",
                 * "appealed ..., speaking at a news conference in Tel Aviv":
                 * where the actor spoke is where the act was done (the
                 * participle is the speaker's, wherever the parser hung it) */
                spoke = t->deprel == DEP_ADVCL && t->xpos == XPOS_VBG &&
                        (lemma_is(t, "tell") || lemma_is(t, "speak") || lemma_is(t, "say") ||
                         lemma_is(t, "address") || lemma_is(t, "talk"));
                /* "fought running gun battles in the streets of Bahir Dar",
                 * "kept shelling Kharkiv": a gerund complement is the act */
                int gerund = t->deprel == DEP_XCOMP && t->xpos == XPOS_VBG;
                if (!by && !spoke && !gerund)
                    break;
            }
            below = a;
            a = t->head;
            steps++;
        }
        if (a >= 0 && ((uint32_t)a == head || a == lvh)) {
            /* a place inside an argument ("denounced Israel's offensive in
             * Gaza at a summit in Addis Ababa") yields to one that modifies
             * the act, unless that one only names the same country */
            int in_arg = below >= 0 && (S->t[below].deprel == DEP_OBJ || S->t[below].deprel == DEP_NSUBJ ||
                                        S->t[below].deprel == DEP_IOBJ || S->t[below].deprel == DEP_NSUBJ_PASS);
            if (!best) {
                best = P;
                best_arg = in_arg;
            } else if (best_arg && !in_arg && strcmp(best->country, P->country)) {
                best = P;
                best_arg = 0;
            } else if (!best->country[0] && P->country[0]) {
                best = P; /* "near the Russian Pacific port city of Vladivostok" */
                best_arg = in_arg;
            } else if (!strcmp(best->country, P->country) && place_rank(P) < place_rank(best) &&
                       (in_arg == best_arg || !in_arg || best->precision == PLACE_COUNTRY)) {
                best = P;
                best_arg = in_arg;
            }
        }
    }
    if (best)
        return best;
    /* a place the predicate takes as its object ("will visit Moscow"), or
     * that owns its object ("struck Kyiv's energy infrastructure") */
    for (size_t i = 0; i < PS->n; i++) {
        const place *P = &PS->p[i];
        if (P->cue == PLACE_CUE_DATELINE || (P->precision == PLACE_COUNTRY && !P->unlisted))
            continue;
        for (uint32_t k = P->first; k < P->first + P->ntok && k < S->n; k++) {
            int32_t g = S->t[k].head;
            if (g == (int32_t)head && S->t[k].deprel == DEP_OBJ)
                return P;
            if (g >= 0 && (S->t[k].deprel == DEP_NMOD_POSS || S->t[k].deprel == DEP_COMPOUND) &&
                S->t[g].head == (int32_t)head && S->t[g].deprel == DEP_OBJ)
                return P;
        }
    }
    /* a place in the predicate's clause ("held talks ... in Muscat", "agreed
     * in Istanbul to swap"): climb from a noun to its verb, and through
     * xcomp to the governing verb */
    int32_t v = (int32_t)head;
    for (int hops = 0; v >= 0 && hops < 4; hops++) {
        for (size_t i = 0; i < PS->n; i++)
            if (PS->p[i].anchor_tok == v && PS->p[i].cue != PLACE_CUE_DATELINE && locative(S, &PS->p[i]))
                return &PS->p[i];
        int dr = S->t[v].deprel;
        int to_clause = 0;
        if (dr == DEP_ADVCL)
            FOR_CHILDREN(S, (uint32_t)v, mk)
                if (S->t[mk].deprel == DEP_MARK && fold_is(&S->t[mk], "to"))
                    to_clause = 1;
        if (S->t[v].upos == UPOS_VERB && dr != DEP_XCOMP && !to_clause)
            break;
        v = S->t[v].head;
    }
    /* the sentence's one locative place, when the parse does not say what
     * it modifies ("met Putin in Alaska" with "in Alaska" on the wrong word,
     * "fired at students who had gathered in Jakarta") */
    const place *only = NULL;
    int count = 0;
    for (size_t i = 0; i < PS->n; i++) {
        const place *P = &PS->p[i];
        if (P->cue == PLACE_CUE_DATELINE || !locative(S, P) || (P->precision == PLACE_COUNTRY && !P->unlisted) ||
            topic_place(S, P))
            continue;
        /* (what missiles were fired "at" is their target, not a scene for
         * the sentence's other events) */
        uint32_t ph = place_head(S, P);
        int32_t pv = S->t[ph].head;
        if (pv >= 0 && place_case_is(S, P, "at") &&
            (lemma_is(&S->t[pv], "fire") || lemma_is(&S->t[pv], "launch") || lemma_is(&S->t[pv], "aim") ||
             lemma_is(&S->t[pv], "hurl") || lemma_is(&S->t[pv], "lob") || lemma_is(&S->t[pv], "shoot")))
            continue;
        only = P;
        count++;
    }
    /* (also when it sits in another clause: a wire sentence names one place
     * for its events far more often than one for each of its clauses) */
    if (count == 1)
        return only;
    return PS->story;
}

static uint32_t place_head(const sctx *S, const place *P)
{
    for (uint32_t k = P->first; k < P->first + P->ntok && k < S->n; k++) {
        int32_t g = S->t[k].head;
        if (g < (int32_t)P->first || g >= (int32_t)(P->first + P->ntok))
            return k;
    }
    return P->first;
}

static int place_case_is(const sctx *S, const place *P, const char *w)
{
    const tok *cs = case_of(S, place_head(S, P));
    return cs && fold_is(cs, w);
}

/* Is the place in a locative phrase ("in Muscat", "at the court in X",
 * "near Kharkiv")?  Then it says where, not who. */
static int locative(const sctx *S, const place *P)
{
    uint32_t h = P->first;
    for (uint32_t k = P->first; k < P->first + P->ntok && k < S->n; k++) {
        int32_t g = S->t[k].head;
        if (g < (int32_t)P->first || g >= (int32_t)(P->first + P->ntok)) {
            h = k;
            break;
        }
    }
    const tok *cs = case_of(S, h);
    if (!cs && (S->t[h].deprel == DEP_COMPOUND || S->t[h].deprel == DEP_NMOD_POSS || S->t[h].deprel == DEP_AMOD) &&
        S->t[h].head >= 0 && P->precision != PLACE_COUNTRY)
        cs = case_of(S, (uint32_t)S->t[h].head); /* "at the Islamabad High Court" (not "at the U.S. air base") */
    if (!cs && (S->t[h].deprel == DEP_APPOS || S->t[h].deprel == DEP_FLAT) && S->t[h].head >= 0)
        cs = case_of(S, (uint32_t)S->t[h].head); /* "in the Omani capital Muscat" */
    /* "to his residence on the outskirts of Moscow", "in a district on the
     * southern outskirts of Beirut": the part of a place is where */
    if (cs && fold_is(cs, "of") && S->t[h].head >= 0) {
        static const char *const PART[] = {"outskirts", "suburb", "suburbs", "centre", "center", "heart", "edge",
                                           "streets", "street", "district", "districts", "part", "parts",
                                           "area", "areas", "city", "town", "village", "port", "province",
                                           "region", "capital", "north", "south", "east", "west", NULL};
        int32_t g = S->t[h].head;
        int part = 0;
        for (int q = 0; PART[q] && !part; q++)
            part = fold_is(&S->t[g], PART[q]);
        if (part) {
            const tok *gs = case_of(S, (uint32_t)g);
            if (gs && (fold_is(gs, "to") || fold_is(gs, "on")))
                return 1;
            if (gs)
                cs = gs;
        }
    }
    return cs && (fold_is(cs, "in") || fold_is(cs, "at") || fold_is(cs, "near") || fold_is(cs, "inside") ||
                  fold_is(cs, "outside") || fold_is(cs, "across") || fold_is(cs, "throughout") ||
                  fold_is(cs, "around") || fold_is(cs, "over") || fold_is(cs, "through") || fold_is(cs, "into"));
}

static void set_place(event *e, const place *P)
{
    if (!P || !P->precision)
        return;
    e->place.name = P->name;
    memcpy(e->place.country, P->country, 4);
    e->place.admin1 = P->admin1 && P->admin1[0] ? P->admin1 : NULL;
    e->place.lat = P->lat;
    e->place.lon = P->lon;
    e->place.precision = P->precision == PLACE_ADDRESS ? PPREC_ADDRESS
                       : P->precision == PLACE_CITY ? PPREC_CITY
                       : P->precision == PLACE_ADMIN1 ? PPREC_ADMIN1
                       : P->precision == PLACE_COUNTRY ? PPREC_COUNTRY : PPREC_REGION;
    e->place.start = P->start;
    e->place.end = P->end;
}

static int emit_cand(sctx *S, const cand *C, uint32_t sentence, const timex *tx, size_t ntx, const ymd *story_date,
                     int date_policy, const placeset *PS, evvec *E)
{
    const clio_doc *d = S->d;
    const char *code = C->code;
    arglist src = C->src, tgt = C->tgt;
    int sym = (C->pat->flags & LEX_PAT_SYM) != 0;
    int root = code_root(code);
    if (!src.n)
        return push_note(E, sentence, S->t[C->head].start, S->t[C->head].end, "no source actor");
    if (C->pat->pos == 'N' && light_verb(S, C->head) < 0) {
        /* "their second meeting this year": a noun whose only actor is a
         * possessive pronoun re-describes an event told elsewhere */
        int only_pron = 1;
        FOR_CHILDREN(S, C->head, c) {
            if (S->t[c].deprel != DEP_NMOD_POSS)
                continue;
            int mi = S->tok2men[c];
            if (mi >= 0 && S->men[mi].kind != MEN_PRONOUN)
                only_pron = 0;
        }
        int has_poss_pron = 0;
        FOR_CHILDREN(S, C->head, c)
            if (S->t[c].deprel == DEP_NMOD_POSS && S->tok2men[c] >= 0 && S->men[S->tok2men[c]].kind == MEN_PRONOUN)
                has_poss_pron = 1;
        if (has_poss_pron && only_pron)
            return push_note(E, sentence, S->t[C->head].start, S->t[C->head].end,
                             "a noun with only a possessive pronoun: re-mention of an event");
    }
    if (root >= 13 && (S->sports < 0 ? (S->sports = sports_context(S)) : S->sports))
        return push_note(E, sentence, S->t[C->head].start, S->t[C->head].end, "sports context");
    /* symmetric act among coordinated sources: "A and B met"; an object
     * that is not an actor itself ("met ... amid Western pressure") does not
     * make a third party of the one modifying it */
    if (sym && C->pat->intent && !strcmp(code, C->pat->intent) && (C->frame_head >= 0 || C->frame_parent >= 0))
        sym = 0; /* "Trump said he would meet Putin", "Iran offered to negotiate
                  * with the US": a stated intent is the speaker's own; a plain
                  * "will hold talks with" stays mutual */
    if ((sym || (C->pat->flags & LEX_PAT_PAIRSYM) || (C->pat->flags & LEX_PAT_SYM)) && src.n >= 2 &&
        (!tgt.n || C->weak_tgt)) {
        tgt = src;
        sym = 1;
    }
    if (root == 15 && C->pat->pos == 'N' && src.n >= 2 && (!tgt.n || C->weak_tgt)) {
        /* "U.S. and South Korean forces began their exercises": military
         * exercises held by a coordinated pair are joint ones (062), each way */
        int distinct = 1;
        for (int i = 1; i < src.n; i++)
            distinct &= !same_country(src.code[0], src.code[i]);
        if (distinct) {
            code = "062";
            root = 6;
            tgt = src;
            sym = 1;
        }
    }
    if (!tgt.n && root >= 10 && S->dc->have_pair) {
        /* the other side of the document's two-party pair */
        /* a pair within one country ("students and police") is told apart
         * by the roles: only an exact match is one of its sides */
        int one_country = same_country(S->dc->pair[0], S->dc->pair[1]);
        for (int i = 0; i < src.n; i++) {
            const char *other = NULL;
            if (one_country ? !strcmp(src.code[i], S->dc->pair[0]) : same_country(src.code[i], S->dc->pair[0]))
                other = S->dc->pair[1];
            else if (one_country ? !strcmp(src.code[i], S->dc->pair[1]) : same_country(src.code[i], S->dc->pair[1]))
                other = S->dc->pair[0];
            if (other)
                arg_add(&tgt, other, 0, 0);
        }
    }
    if (!tgt.n && root >= 16) {
        /* "closed its border to stop Malian traders from entering":
         * a restriction is aimed at the object of its purpose clause */
        FOR_CHILDREN(S, C->head, c) {
            if (S->t[c].deprel != DEP_ADVCL && S->t[c].deprel != DEP_XCOMP)
                continue;
            int to = 0;
            FOR_CHILDREN(S, c, m)
                if (S->t[m].deprel == DEP_MARK && fold_is(&S->t[m], "to"))
                    to = 1;
            int o = to ? object_token(S, c) : -1;
            if (o >= 0)
                actors_at(S, (uint32_t)o, &tgt, 0);
            if (tgt.n)
                break;
        }
    }
    if (!tgt.n && root == 15 && src.n == 1 && strlen(src.code[0]) >= 3 && strncmp(src.code[0], "IGO", 3) &&
        strncmp(src.code[0], "NGO", 3)) {
        /* "raised its readiness after North Korea's launch", "put its army
         * on alert in response to a Venezuelan law": a show of force with no
         * one named faces the foreign actor the sentence names */
        for (uint32_t m = 0; m < S->nmen && !tgt.n; m++) {
            const mention *M = &S->men[m];
            if (M->kind == MEN_PRONOUN || !M->ncodes || same_country(M->codes[0], src.code[0]) ||
                !strncmp(M->codes[0], "IGO", 3) || !strncmp(M->codes[0], "NGO", 3) || strlen(M->codes[0]) < 3)
                continue;
            /* an ally ("to fight alongside Russia", "with U.S. forces") is not faced */
            const tok *mc = case_of(S, M->head);
            if (mc && (fold_is(mc, "alongside") || fold_is(mc, "with") || fold_is(mc, "for") || fold_is(mc, "to")))
                continue;
            char c3[4];
            memcpy(c3, M->codes[0], 3);
            c3[3] = 0;
            arg_add(&tgt, c3, S->t[M->first].start, S->t[M->last].end);
        }
    }
    const char *pc = C->pat->code; /* the act itself, also when promised or threatened */
    if (!tgt.n && (!strncmp(pc, "172", 3) || !strncmp(pc, "081", 3) || !strncmp(pc, "083", 3) || !strncmp(pc, "15", 2)) &&
        src.n == 1 &&
        strlen(src.code[0]) >= 3 &&
        strncmp(src.code[0], "IGO", 3) && strncmp(src.code[0], "NGO", 3) && strncmp(src.code[0], "MNC", 3)) {
        /* "imposed martial law", "declared a curfew", "lifted the state of
         * emergency", "resigned", "deployed the army": a domestic
         * restriction, concession or show of force with no one named (and
         * no conflict pair to point at) is aimed at the country itself */
        char own[4];
        memcpy(own, src.code[0], 3);
        own[3] = 0;
        arg_add(&tgt, own, 0, 0); /* implied: no span */
    }
    if (root >= 18 && PS) {
        /* "missiles struck Kyiv's energy grid", "shelled Kharkiv": a capital
         * hit by violence is the place (its country), not the government
         * the name stands for in "Kyiv said" */
        for (int j = 0; j < tgt.n; j++) {
            if (strlen(tgt.code[j]) != 6 || strcmp(tgt.code[j] + 3, "GOV"))
                continue;
            for (size_t k = 0; k < PS->n; k++) {
                const place *P = &PS->p[k];
                if (P->precision != PLACE_COUNTRY && P->start <= tgt.start[j] && tgt.end[j] <= P->end &&
                    tgt.end[j] > tgt.start[j] && !strncmp(P->country, tgt.code[j], 3)) {
                    tgt.code[j][3] = 0;
                    break;
                }
            }
        }
    }
    if (!tgt.n && root >= 18 && PS) {
        /* "strikes killed 20 in Gaza": violence without a named victim is
         * aimed at the place it happened (its country) */
        const place *P = pick_place(S, C->head, PS);
        if (P && P != PS->story && P->country[0] && P->precision != PLACE_COUNTRY)
            arg_add(&tgt, P->country, P->start, P->end);
    }
    if (!tgt.n && (root == 7 || !strncmp(code, "086", 3)) && PS) {
        /* "aid trucks reached northern Gaza", "allowed convoys to enter
         * Gaza": aid with no named recipient goes to the place it reaches,
         * when that is abroad for the giver */
        const place *P = pick_place(S, C->head, PS);
        for (size_t k = 0; !P && k < PS->n; k++) {
            /* through the purpose of the act: "allowed trucks to enter Gaza" */
            const place *Q = &PS->p[k];
            if (Q->cue == PLACE_CUE_DATELINE || Q->precision == PLACE_COUNTRY)
                continue;
            int32_t a = Q->anchor_tok;
            for (int steps = 0; a >= 0 && (uint32_t)a != C->head && steps < 8; steps++) {
                const tok *t = &S->t[a];
                if ((t->upos == UPOS_VERB || t->upos == UPOS_AUX) && steps > 0 && t->deprel != DEP_XCOMP &&
                    t->deprel != DEP_ADVCL)
                    break;
                a = t->head;
            }
            if (a >= 0 && (uint32_t)a == C->head)
                P = Q;
        }
        if (P && P != PS->story && P->country[0] && P->precision != PLACE_COUNTRY) {
            int abroad = 1;
            for (int i = 0; i < src.n; i++)
                abroad &= !same_country(src.code[i], P->country);
            if (abroad)
                arg_add(&tgt, P->country, P->start, P->end);
        }
    }
    if (!tgt.n && root >= 18) {
        /* "missile strikes on nine sites in Pakistan", "struck two refineries
         * deep inside Russia": what was hit is in the country named there */
        int hits[8], nh = 0;
        hits[nh++] = (int)C->head; /* "air strikes inside Afghanistan" */
        int o = object_token(S, C->head);
        if (o >= 0)
            hits[nh++] = o;
        FOR_CHILDREN(S, C->head, c) {
            const tok *cs = is_obl_or_nmod(S->t[c].deprel) ? case_of(S, c) : NULL;
            if (nh < 8 && cs && (fold_is(cs, "on") || fold_is(cs, "at") || fold_is(cs, "against")))
                hits[nh++] = (int)c;
            if (nh < 8 && (fold_is(&S->t[c], "inside") || fold_is(&S->t[c], "in")) && S->t[c].deprel == DEP_ADVMOD)
                hits[nh++] = (int)c; /* "deep inside Russia" */
        }
        for (int k = 0; k < nh && !tgt.n; k++) {
            FOR_CHILDREN(S, (uint32_t)hits[k], g) {
                const tok *gs = is_obl_or_nmod(S->t[g].deprel) ? case_of(S, g) : NULL;
                int mi = S->tok2men[g];
                /* (the act's own "in X" is its scene: "peacekeepers killed
                 * in Lebanon"; "inside X" is where it reached) */
                int located = (gs && ((fold_is(gs, "in") && k > 0) || fold_is(gs, "inside") || fold_is(gs, "across"))) ||
                              (S->t[hits[k]].deprel == DEP_ADVMOD && S->t[g].deprel == DEP_OBL);
                if (tgt.n || mi < 0 || !located)
                    continue;
                const mention *M = &S->men[mi];
                if (M->ncodes != 1 || M->kind == MEN_PRONOUN || strlen(M->codes[0]) != 3)
                    continue; /* a country by name */
                int foreign = 1;
                for (int r = 0; r < src.n && foreign; r++)
                    foreign = !same_country(M->codes[0], src.code[r]);
                if (foreign)
                    arg_add(&tgt, M->codes[0], S->t[M->first].start, S->t[M->last].end);
            }
        }
    }
    if (!tgt.n && !strncmp(code, "1712", 4) && PS) {
        /* "torched more than 300 homes in the village of Kin", "blew up 20
         * buildings in the Jenin camp": people's homes and buildings stand
         * for the civilians of the place they are in */
        static const char *const PROPERTY[] = {"house", "home", "village", "building", "shop", "school", "mosque",
            "church", "field", "crop", "car", "vehicle", "hut", "market", "town", "neighbourhood", "neighborhood",
            "property", "farm", "tent", "shelter", "dwelling", "apartment", NULL};
        int o = object_token(S, C->head);
        if (o < 0)
            FOR_CHILDREN(S, C->head, c) {
                const tok *cs = case_of(S, c);
                if (o < 0 && is_obl_or_nmod(S->t[c].deprel) && cs && fold_is(cs, "to"))
                    o = (int)c; /* "set fire to homes" */
            }
        const place *P = o >= 0 && lemma_listed(&S->t[o], PROPERTY) ? pick_place(S, C->head, PS) : NULL;
        if (P && P != PS->story && P->country[0] && strlen(P->country) == 3) {
            char cvl[16];
            snprintf(cvl, sizeof cvl, "%.3sCVL", P->country);
            arg_add(&tgt, cvl, S->t[o].start, S->t[o].end);
        }
    }
    if (!tgt.n && root == 15) {
        /* "Poland scrambled jets as Russia launched a missile attack on
         * Ukraine", "raised its alert level over the arrival of Wagner
         * mercenaries in Belarus": a show of force answers the foreign actor
         * of the clause of time or cause beside it */
        FOR_CHILDREN(S, C->head, c) {
            if (tgt.n)
                break;
            int cause = 0;
            uint32_t who = c;
            if (S->t[c].deprel == DEP_ADVCL) {
                FOR_CHILDREN(S, c, mk)
                    if ((S->t[mk].deprel == DEP_MARK || (S->t[mk].deprel == DEP_ADVMOD && mk < c)) &&
                        (fold_is(&S->t[mk], "as") || fold_is(&S->t[mk], "after") || fold_is(&S->t[mk], "when") ||
                         fold_is(&S->t[mk], "while")))
                        cause = 1;
                int sj = cause ? subject_token(S, c, 0) : -1;
                if (sj < 0)
                    continue;
                who = (uint32_t)sj;
            } else if (is_obl_or_nmod(S->t[c].deprel)) {
                const tok *cs = case_of(S, c);
                cause = cs && (fold_is(cs, "over") || fold_is(cs, "amid") || fold_is(cs, "after"));
                if (!cause)
                    continue;
            } else {
                continue;
            }
            arglist A;
            memset(&A, 0, sizeof A);
            actors_at(S, who, &A, 0);
            if (!A.n && S->t[who].upos == UPOS_NOUN)
                FOR_CHILDREN(S, who, g) {
                    const tok *gs = case_of(S, g);
                    if (!A.n && S->t[g].deprel == DEP_NMOD && gs && fold_is(gs, "of"))
                        actors_at(S, g, &A, 0); /* "the arrival of Wagner mercenaries" */
                }
            int foreign = A.n > 0;
            for (int q = 0; q < A.n && foreign; q++)
                for (int r = 0; r < src.n && foreign; r++)
                    foreign = !same_country(A.code[q], src.code[r]);
            if (foreign)
                for (int q = 0; q < A.n; q++)
                    arg_add(&tgt, A.code[q], A.start[q], A.end[q]);
        }
    }
    if (!tgt.n && root == 14) {
        /* "gathered near the Israeli embassy in Amman to protest": a
         * protest at a foreign embassy is aimed at that government */
        for (uint32_t m = 0; m < S->nmen && !tgt.n; m++) {
            const mention *M = &S->men[m];
            if (!M->ncodes || strlen(M->codes[0]) < 6 || strcmp(M->codes[0] + 3, "GOV"))
                continue;
            if (!(lemma_is(&S->t[M->head], "embassy") || lemma_is(&S->t[M->head], "consulate")))
                continue;
            int foreign = 1;
            for (int i = 0; i < src.n; i++)
                foreign &= !same_country(src.code[i], M->codes[0]);
            if (foreign)
                arg_add(&tgt, M->codes[0], S->t[M->first].start, S->t[M->last].end);
        }
    }
    /* "agreed to postpone the demonstration", "called off the strike":
     * easing dissent with no one named is easing it toward one's own
     * government, as the protest itself would be (CAMEO 082, 0352, 1242) */
    int eases_dissent = !strncmp(code, "082", 3) || !strncmp(code, "0352", 4) || !strncmp(code, "1242", 4);
    if (!tgt.n && (root == 14 || eases_dissent)) {
        /* protests with no one named are directed at the protesters' own
         * government (CAMEO's usual reading) */
        for (int i = 0; i < src.n; i++) {
            const char *c = src.code[i];
            if (strlen(c) >= 3 && strncmp(c, "IGO", 3) && strncmp(c, "NGO", 3) && strncmp(c, "IMG", 3) &&
                !(strlen(c) >= 6 && !strncmp(c + 3, "GOV", 3))) {
                char g[16];
                snprintf(g, sizeof g, "%.3sGOV", c);
                arg_add(&tgt, g, 0, 0);
            }
        }
    }
    if (!tgt.n)
        return push_note(E, sentence, S->t[C->head].start, S->t[C->head].end, "no target actor");
    const place *where = PS ? pick_place(S, C->head, PS) : NULL;
    int dates[4];
    int nd = date_policy == CLIO_DATE_STORY ? 0 : pick_dates(S, C->head, tx, ntx, dates, 4);
    if (!nd && date_policy != CLIO_DATE_STORY && C->frame_head >= 0)
        nd = pick_dates(S, (uint32_t)C->frame_head, tx, ntx, dates, 4); /* agreed on a date to act */
    int rounds = nd ? nd : 1, emitted = 0;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < src.n; i++) {
            for (int j = 0; j < (tgt.n ? tgt.n : 1); j++) {
                /* a visit is hosted and a host is visited: "Orban made a
                 * visit to Kyiv" is also Kyiv hosting Orban (042/043) */
                int recip = !sym && tgt.n && (!strcmp(code, "042") || !strcmp(code, "043"));
                int dirs = sym || recip ? 2 : 1;
                for (int dir = 0; dir < dirs; dir++) {
                    event e;
                    memset(&e, 0, sizeof e);
                    const char *a = dir ? (tgt.n ? tgt.code[j] : "") : src.code[i];
                    const char *b = dir ? src.code[i] : (tgt.n ? tgt.code[j] : "");
                    uint32_t as = dir ? tgt.start[j] : src.start[i], ae = dir ? tgt.end[j] : src.end[i];
                    uint32_t bs = dir ? src.start[i] : (tgt.n ? tgt.start[j] : 0);
                    uint32_t be = dir ? src.end[i] : (tgt.n ? tgt.end[j] : 0);
                    if (!a[0] || !strcmp(a, b) || (b[0] && same_country(a, b) && strlen(a) == 3 && strlen(b) == 3))
                        continue;
                    /* a bare country acting on its own government: protesters
                     * named by nationality ("Israelis rallied against the
                     * government") are its civilians; otherwise it is one state
                     * named twice ("Russia ... Moscow"), not two parties */
                    char cvl_src[16];
                    if (b[0] && same_country(a, b) && strlen(a) == 3 && !strcmp(b + 3, "GOV")) {
                        if (root != 14)
                            continue;
                        snprintf(cvl_src, sizeof cvl_src, "%.3sCVL", a);
                        a = cvl_src;
                    }
                    /* violence within one country: against a place of one's own
                     * country is against its civilians ("government forces dropped
                     * gas on the town of Douma"); a bare country attacking a part of
                     * itself is a misreading */
                    char civ[16];
                    if (b[0] && root >= 18 && same_country(a, b) && strlen(b) == 3 && strlen(a) > 3) {
                        snprintf(civ, sizeof civ, "%.3sCVL", b);
                        b = civ;
                    } else if (b[0] && root >= 18 && same_country(a, b) && strlen(a) == 3) {
                        continue;
                    }
                    if (b[0] && !strcmp(a, b))
                        continue;
                    /* "told reporters": the press is the channel of a statement,
                     * not what it is about */
                    if (root == 1 && strlen(b) >= 6 && !strcmp(b + strlen(b) - 3, "MED"))
                        continue;
                    e.sentence = sentence;
                    snprintf(e.src.code, sizeof e.src.code, "%s", a);
                    e.src.start = as;
                    e.src.end = ae;
                    if (b[0]) {
                        snprintf(e.tgt.code, sizeof e.tgt.code, "%s", b);
                        e.tgt.start = bs;
                        e.tgt.end = be;
                        if (be == 0) { /* implied target: point at the predicate */
                            e.tgt.start = S->t[C->head].start;
                            e.tgt.end = S->t[C->head].start;
                        }
                    }
                    const char *use = code;
                    if (recip && dir)
                        use = !strcmp(code, "042") ? "043" : "042";
                    /* "police opened fire on the crowd", "troops beat
                     * protesters": force against one's own country's people
                     * in collective dissent is violent repression (175, "crowd
                     * control tactics"); against individuals it keeps its code */
                    if ((root == 18 || root == 19) && strncmp(code, "181", 3) && strncmp(code, "186", 3) &&
                        strncmp(code, "1821", 4) && strncmp(code, "1822", 4) && strlen(a) == 6 &&
                        (!strcmp(a + 3, "COP") || !strcmp(a + 3, "MIL")) && strlen(b) == 6 && same_country(a, b) &&
                        (!strcmp(code, "193") || !strcmp(code, "190") || !strcmp(code, "180") || !strcmp(code, "182")) &&
                        dissent_group(S, bs, be))
                        use = "175";
                    /* killing hundreds: CAMEO's mass killing */
                    if (!strcmp(code, "190") && (lemma_is(&S->t[C->head], "kill") || lemma_is(&S->t[C->head], "massacre") ||
                                                  lemma_is(&S->t[C->head], "slaughter"))) {
                        int o = object_token(S, C->head);
                        if (o >= 0 && (fold_is(&S->t[o], "hundreds") || fold_is(&S->t[o], "thousands") ||
                                       fold_is(&S->t[o], "tens") || fold_is(&S->t[o], "scores")))
                            use = "202";
                    }
                    /* a meeting in a third country is CAMEO 044 */
                    if (where && where->country[0] && !strcmp(code, "040") && b[0] &&
                        strncmp(a, where->country, 3) && strncmp(b, where->country, 3) &&
                        where->precision != PLACE_COUNTRY)
                        use = "044";
                    set_code_info(S->lx, &e, use);
                    set_place(&e, where);
                    e.negated = (C->mod & MOD_NEG) != 0;
                    e.rule_file = C->pat->file;
                    e.rule_line = C->pat->line;
                    e.ev_start = S->t[C->head].start;
                    e.ev_end = S->t[C->head].end;
                    e.mentions = 1;
                    e.path = C->why;
                    if (nd) {
                        const timex *T = &tx[dates[r]];
                        e.date.value = T->value;
                        e.date.precision = T->precision == WHEN_DAY ? DPREC_DAY
                                         : T->precision == WHEN_MONTH ? DPREC_MONTH
                                         : T->precision == WHEN_YEAR || T->precision == WHEN_DECADE ? DPREC_YEAR
                                         : T->precision == WHEN_WEEK ? DPREC_DAY : DPREC_DOCUMENT;
                        e.date.start = T->start;
                        e.date.end = T->end;
                        if (d->date.y && e.date.value.y && (e.date.value.y < d->date.y - 1 ||
                            (e.date.precision == DPREC_YEAR && e.date.value.y < d->date.y)))
                            e.background = 1;
                    } else if (story_date->y) {
                        e.date.value = *story_date;
                        e.date.precision = DPREC_DOCUMENT;
                    }
                    if (push_event(E, &e))
                        return -1;
                    emitted++;
                }
            }
        }
    }
    if (!emitted)
        return push_note(E, sentence, S->t[C->head].start, S->t[C->head].end,
                         "source and target are the same actor (or one country acting on itself)");
    return 0;
}

/* ---------------------------------------------------------- a sentence */
/* The edge by which x's chain reaches anc: is it a complement (clause,
 * object, or an oblique marked to/on/for/upon/with/that)? */
static int via_complement(const sctx *S, uint32_t x, uint32_t anc)
{
    uint32_t cur = x;
    for (int steps = 0; steps < 64; steps++) {
        int32_t h = S->t[cur].head;
        if (h < 0)
            return 0;
        if ((uint32_t)h == anc) {
            int dr = S->t[cur].deprel;
            if (dr == DEP_XCOMP || dr == DEP_CCOMP || dr == DEP_OBJ || dr == DEP_ADVCL || dr == DEP_CSUBJ ||
                dr == DEP_PARATAXIS || dr == DEP_NSUBJ_PASS)
                return 1;
            if (dr == DEP_OBL || dr == DEP_NMOD) {
                const tok *cs = case_of(S, cur);
                return cs && (fold_is(cs, "to") || fold_is(cs, "on") || fold_is(cs, "for") || fold_is(cs, "upon") ||
                              fold_is(cs, "with") || fold_is(cs, "of"));
            }
            return 0;
        }
        cur = (uint32_t)h;
    }
    return 0;
}

/* Is x (or a clause between x and anc) a finished act in a clause of time
 * or reason ("urged Serbia to ..., after she met Kurti", "asked Xi for
 * investment when the two men met", "promised ..., a day after he met
 * Rahman")?  Such a clause reports an act of its own, outside what the
 * verb above it demands, intends or hedges. */
static int time_clause_between(const sctx *S, uint32_t x, uint32_t anc)
{
    uint32_t cur = x;
    for (int steps = 0; steps < 16 && cur != anc; steps++) {
        const tok *t = &S->t[cur];
        if (t->deprel == DEP_ADVCL && (t->xpos == XPOS_VBD || t->xpos == XPOS_VBN || t->xpos == XPOS_VBZ ||
                                       t->xpos == XPOS_VBP)) {
            FOR_CHILDREN(S, cur, mk)
                if ((S->t[mk].deprel == DEP_MARK || (S->t[mk].deprel == DEP_ADVMOD && mk < cur)) &&
                    (fold_is(&S->t[mk], "after") || fold_is(&S->t[mk], "when") || fold_is(&S->t[mk], "since") ||
                     fold_is(&S->t[mk], "because") || fold_is(&S->t[mk], "as") || fold_is(&S->t[mk], "while")))
                    return t->xpos != XPOS_VBN || child_rel(S, cur, DEP_AUX) >= 0;
        }
        if (t->head < 0)
            return 0;
        cur = (uint32_t)t->head;
    }
    return 0;
}

/* Is x in the complement of anc?  Conjoined predicates ("rejected ... and
 * expressed doubt"), parenthetical clauses and relative clauses ("Crimea,
 * which it annexed") are independent statements, not complements. */
static int is_under(const sctx *S, uint32_t x, uint32_t anc)
{
    uint32_t cur = x;
    int32_t a = S->t[x].head;
    for (int steps = 0; a >= 0 && steps < 64; steps++) {
        int dr = S->t[cur].deprel;
        if (dr == DEP_ACL_RELCL || dr == DEP_PARATAXIS)
            return 0;
        if (dr == DEP_ACL && S->t[cur].xpos == XPOS_VBN && cur != x)
            return 0; /* "two nationals suspected of blowing up a plane": a description */
        if ((uint32_t)a == anc)
            return dr != DEP_CONJ;
        cur = (uint32_t)a;
        a = S->t[a].head;
    }
    return 0;
}

/* Does the pattern P of verb g require a clausal complement (+xcomp:...),
 * and is x inside it?  Then x is what the verb is about ("is considering
 * sending", "failed to reach agreement"), not an act of its own. */
static int xcomp_content(const sctx *S, const lex_pattern *P, uint32_t g, uint32_t x)
{
    int req = 0;
    for (uint32_t k = 0; k < P->ncons; k++)
        if (!P->cons[k].negative && P->cons[k].kind == LEX_CONS_REL && P->cons[k].deprel == DEP_XCOMP)
            req = 1;
    if (!req)
        return 0;
    uint32_t cur = x;
    for (int steps = 0; steps < 64; steps++) {
        int32_t h = S->t[cur].head;
        if (h < 0)
            return 0;
        if ((uint32_t)h == g)
            return S->t[cur].deprel == DEP_XCOMP || S->t[cur].deprel == DEP_ADVCL;
        cur = (uint32_t)h;
    }
    return 0;
}

/* The code of an act when it is appealed for (prefix "02") or demanded
 * ("10"): CAMEO's 02x, 03x and 10x families share their sub-structure
 * (x1 material cooperation ... x5 yield ... x6 meet, x7 settle, x8
 * mediation), so the complement's appeal= or intent= code carries over. */
static const char *family_code(const sctx *S, const lex_pattern *P, const char *prefix)
{
    const char *from = P->appeal ? P->appeal : (P->intent && !strncmp(P->intent, "03", 2)) ? P->intent : NULL;
    if (!from || strlen(from) < 3)
        return NULL;
    char c[8];
    snprintf(c, sizeof c, "%s%s", prefix, from + 2);
    const lex_code *lc = lexicon_code(S->lx, c);
    return lc ? lc->code : NULL;
}

/* The candidate (other than skip, not suppressed, of a root in [lo, hi])
 * standing on token g: its predicate, or a noun predicate whose light verb
 * g is ("launched a strike to press ...", "carried out an attack,
 * killing ..."); -1 when none. */
static int cand_at(const sctx *S, const cand *cands, uint32_t nc, uint32_t skip, int32_t g, int lo, int hi)
{
    if (g < 0)
        return -1;
    for (uint32_t j = 0; j < nc; j++) {
        const cand *G = &cands[j];
        int r = code_root(G->code);
        if (j == skip || G->suppressed || r < lo || r > hi)
            continue;
        if (G->head == (uint32_t)g || (G->pat->pos == 'N' && light_verb(S, G->head) == g))
            return (int)j;
    }
    return -1;
}

/* The verb of the clause an appeal, demand or promise at h governs ("urged
 * X to pull back", "demanded that Israel allow"): the nearest verb on the
 * right whose chain of heads reaches h through a complement, an adverbial
 * clause or a mis-attached "that", crossing no other verb; -1 when none. */
/* C is part of G's act, told again: G takes C's target (and source, with
 * with_src) where it has none, and C is no event of its own. */
static void fold_into(cand *G, cand *C, int with_src, const char *why)
{
    if (!G->tgt.n)
        G->tgt = C->tgt;
    if (with_src && !G->src.n)
        G->src = C->src;
    C->suppressed = 1;
    C->why = why;
}

/* Do two argument lists name the same actors? */
static int same_actors(const arglist *a, const arglist *b)
{
    if (a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++) {
        int hit = 0;
        for (int j = 0; j < b->n && !hit; j++)
            hit = !strcmp(a->code[i], b->code[j]);
        if (!hit)
            return 0;
    }
    return 1;
}

/* Actors who pressed for what verb v refuses: "despite pressure (calls,
 * an order) from X" on the verb, or a participle "sought (demanded,
 * proposed) by X" on its object */
static void pressed_by(const sctx *S, uint32_t v, arglist *who)
{
    static const char *const PRESS[] = {"pressure", "call", "demand", "order", "appeal", "request", "warning",
        "ultimatum", "plea", "objection", "protest", "opposition", "criticism", "urging", "insistence", "threat",
        "sanction", "ruling", "request", "push", NULL};
    FOR_CHILDREN(S, v, c) {
        const tok *cs = case_of(S, c);
        if (who->n || !is_obl_or_nmod(S->t[c].deprel) || !cs || !fold_is(cs, "despite"))
            continue;
        int press = 0;
        for (int k = 0; PRESS[k] && !press; k++)
            press = lemma_is(&S->t[c], PRESS[k]);
        if (!press)
            continue;
        FOR_CHILDREN(S, c, g) {
            const tok *gs = case_of(S, g);
            if (S->t[g].deprel == DEP_NMOD_POSS ||
                (S->t[g].deprel == DEP_NMOD && gs && (fold_is(gs, "from") || fold_is(gs, "by") || fold_is(gs, "of"))))
                actors_at(S, g, who, 0);
        }
    }
    int o = object_token(S, v);
    if (o < 0 || who->n)
        return;
    FOR_CHILDREN(S, (uint32_t)o, a) {
        if (S->t[a].deprel != DEP_ACL || S->t[a].xpos != XPOS_VBN || who->n)
            continue;
        FOR_CHILDREN(S, a, g)
            if (S->t[g].deprel == DEP_OBL_AGENT ||
                (S->t[g].deprel == DEP_OBL && case_of(S, g) && fold_is(case_of(S, g), "by")))
                actors_at(S, g, who, 0);
    }
}

static int32_t complement_verb(const sctx *S, uint32_t h)
{
    for (uint32_t c = h + 1; c < S->n && c < h + 12; c++) {
        const tok *t = &S->t[c];
        if (t->upos != UPOS_VERB || t->deprel == DEP_AMOD)
            continue;
        int32_t x = (int32_t)c;
        for (int hops = 0; hops < 3 && x >= 0; hops++) {
            int32_t g = S->t[x].head;
            if (g == (int32_t)h) {
                int dr = S->t[x].deprel;
                if (dr == DEP_XCOMP || dr == DEP_CCOMP || dr == DEP_ADVCL || (dr == DEP_OBJ && x != (int32_t)c))
                    return (int32_t)c;
                break;
            }
            /* only a "that" the parser made the head may stand between */
            if (g < 0 || !(S->t[g].upos == UPOS_SCONJ || fold_is(&S->t[g], "that")))
                break;
            x = g;
        }
    }
    return -1;
}

/* "Thousands gathered near the embassy to protest": a protest that is the
 * purpose of gathering, marching or taking to the streets is being done */
static int gathered_to_protest(const sctx *S, const cand *C)
{
    if (code_root(C->code) != 14 || C->pat->pos != 'V')
        return 0;
    int32_t g = S->t[C->head].head;
    if (g < 0)
        return 0;
    static const char *const GATHER[] = {"gather", "march", "rally", "converge", "assemble", "take", "flock", "pour",
                                         "throng", "turn", "come", "mass", "stage", "hold", "block", "occupy", NULL};
    for (int i = 0; GATHER[i]; i++)
        if (lemma_is(&S->t[g], GATHER[i]))
            return 1;
    return 0;
}

/* "in the Ukrainian capital", "Sudan's capital", "the streets of the
 * capital": the capital city of the country the phrase names (or of the
 * story's country) is a place, unless the phrase goes on to name it ("the
 * capital Kyiv"). */
/* "the town of Kuriga in Nigeria's Kaduna state", "the village of Pazigyi
 * in Sagaing region": a place noun and "of" name a town the gazetteer may
 * not hold.  The name comes from the text; the coordinates, country and
 * precision from the place the sentence puts it in (the next one named
 * within ten words, else the one before), so the precision stays honest. */
static void unlisted_towns(sctx *S, arena *mem, place *pl, size_t *np, size_t max)
{
    static const char *const NOUN[] = {"town", "village", "city", "hamlet", "settlement", "locality", "suburb",
        "towns", "villages", NULL};
    size_t n0 = *np;
    for (uint32_t c = 1; c + 2 < S->n && *np < max; c++) {
        if (!fold_is(&S->t[c + 1], "of"))
            continue;
        int isnoun = 0;
        for (int w = 0; NOUN[w]; w++)
            if (fold_is(&S->t[c], NOUN[w]))
                isnoun = 1;
        if (!isnoun)
            continue;
        uint32_t a = c + 2, b = a;
        while (b < S->n && b < a + 3 && (S->t[b].flags & TOK_CAPITAL) && !(S->t[b].flags & TOK_PUNCT) &&
               (S->t[b].upos == UPOS_PROPN || S->t[b].upos == UPOS_NOUN) && S->tok2men[b] < 0)
            b++;
        if (b == a)
            continue;
        int covered = 0;
        for (size_t i = 0; i < *np; i++)
            if (pl[i].first < b && pl[i].first + pl[i].ntok > a)
                covered = 1;
        if (covered)
            continue;
        const place *in = NULL;
        for (size_t i = 0; i < n0; i++)
            if (pl[i].cue != PLACE_CUE_DATELINE && pl[i].first >= b && pl[i].first <= b + 10 && !pl[i].unlisted &&
                (!in || pl[i].first < in->first))
                in = &pl[i];
        for (size_t i = 0; i < n0 && !in; i++)
            if (pl[i].cue != PLACE_CUE_DATELINE && pl[i].first + pl[i].ntok <= c && !pl[i].unlisted &&
                pl[i].precision != PLACE_CITY)
                in = &pl[i];
        if (!in)
            continue;
        uint32_t s0 = S->t[a].start, e0 = S->t[b - 1].end;
        char *name = arena_alloc(mem, e0 - s0 + 1);
        if (!name)
            return;
        memcpy(name, S->d->text + s0, e0 - s0);
        place P = *in;
        P.name = name;
        P.first = c;
        P.ntok = b - c;
        P.start = s0;
        P.end = e0;
        P.cue = PLACE_CUE_QUALIFIED;
        P.unlisted = 1;
        P.anchor_tok = S->t[c].head;
        P.in_preposition = case_of(S, c) != NULL;
        pl[(*np)++] = P;
        c = b;
    }
    S->nplaces = *np;
}

static void capital_places(const gazetteer *gaz, sctx *S, const discourse *dc, place *pl, size_t *np, size_t max)
{
    for (uint32_t c = 1; c < S->n && *np < max; c++) {
        const tok *t = &S->t[c];
        if (!fold_is(t, "capital") || t->upos != UPOS_NOUN)
            continue;
        if (c + 1 < S->n && (S->t[c + 1].upos == UPOS_NOUN || S->t[c + 1].upos == UPOS_PROPN ||
                             (S->t[c + 1].flags & TOK_CAPITAL)))
            continue; /* "capital markets", "the capital Kyiv" */
        int named = 0;
        for (size_t i = 0; i < *np; i++)
            if (pl[i].first == c + 1 || pl[i].first == c + 2 || pl[i].first + pl[i].ntok == c)
                named = 1;
        /* "Bahir Dar, the capital of the Amhara region": a region's capital */
        if (c + 1 < S->n && fold_is(&S->t[c + 1], "of"))
            for (size_t i = 0; i < *np; i++)
                if (pl[i].first > c + 1 && pl[i].first <= c + 4 && pl[i].precision != PLACE_COUNTRY)
                    named = 1;
        if (named)
            continue;
        uint32_t a = c;
        char cc[4] = "";
        int32_t q = (int32_t)c - 1;
        if (q >= 0 && (fold_is(&S->t[q], "'s") || fold_is(&S->t[q], "'")))
            q--;
        int mi = q >= 0 ? S->tok2men[q] : -1;
        if (mi >= 0 && S->men[mi].ncodes && strlen(S->men[mi].codes[0]) >= 3 &&
            strncmp(S->men[mi].codes[0], "IGO", 3) && strncmp(S->men[mi].codes[0], "NGO", 3)) {
            memcpy(cc, S->men[mi].codes[0], 3);
            cc[3] = 0;
            a = S->men[mi].first;
        } else if (q >= 0 && (fold_is(&S->t[q], "the") || fold_is(&S->t[q], "its") || fold_is(&S->t[q], "country") ||
                              fold_is(&S->t[q], "nation"))) {
            /* the country of the sentence's first actor, else of its places,
             * else the story's */
            const char *from = dc->place_country[0] ? dc->place_country : dc->main_country;
            for (uint32_t m = 0; m < S->nmen; m++)
                if (S->men[m].ncodes && strlen(S->men[m].codes[0]) >= 3 && strncmp(S->men[m].codes[0], "IGO", 3) &&
                    strncmp(S->men[m].codes[0], "NGO", 3) && S->men[m].kind != MEN_PRONOUN) {
                    from = S->men[m].codes[0];
                    break;
                }
            if (!from[0])
                continue;
            memcpy(cc, from, 3);
            cc[3] = 0;
            a = (uint32_t)q;
        } else {
            continue;
        }
        if (a > 0 && fold_is(&S->t[a - 1], "the"))
            a--;
        place P;
        if (where_capital(gaz, cc, S->t, S->n, a, c + 1, &P))
            pl[(*np)++] = P;
    }
    S->nplaces = *np;
}

/* Was an event already emitted from the word a participle hangs on (for
 * nouns, also through their light verb, when nonviolent_only)?  Then the
 * participle elaborates that act ("adopted sanctions, targeting ...";
 * "defended Hamas, telling lawmakers ..."). */
static int elaborates_emitted(const sctx *S, const cand *cands, uint32_t nc, uint32_t g, int nonviolent_only)
{
    for (uint32_t j = 0; j < nc; j++) {
        if (!cands[j].emitted)
            continue;
        if (nonviolent_only && code_root(cands[j].code) >= 18)
            continue;
        if (cands[j].head == g ||
            (nonviolent_only && cands[j].pat->pos == 'N' && light_verb(S, cands[j].head) == (int32_t)g))
            return 1;
    }
    return 0;
}

/* "France will withdraw its ambassador", "China said it would slap 34%
 * tariffs": an announced cut in relations (a specific 16x) is the decision
 * itself, not a threat; a vague one ("will take measures"), one under a
 * warning or "threatened to", or one on a condition ("if it joins") is. */
static int announced_cut(const sctx *S, const cand *C, const cand *cands)
{
    if (code_root(C->code) != 16 || !strcmp(C->code, "160") || C->frame_head >= 0)
        return 0;
    if (C->frame_parent >= 0 && code_root(cands[C->frame_parent].pat->code) == 13)
        return 0;
    for (int32_t v = (int32_t)C->head, up = 0; v >= 0 && up < 3; up++, v = S->t[v].head) {
        FOR_CHILDREN(S, (uint32_t)v, c)
            if (S->t[c].deprel == DEP_ADVCL)
                FOR_CHILDREN(S, c, mk)
                    if (S->t[mk].deprel == DEP_MARK && (fold_is(&S->t[mk], "if") || fold_is(&S->t[mk], "unless")))
                        return 0;
        if (S->t[v].deprel != DEP_CCOMP && S->t[v].deprel != DEP_CONJ && S->t[v].deprel != DEP_XCOMP)
            break;
    }
    return 1;
}

/* "Slovenia voted to recognise a Palestinian state, in a move that
 * Israel's foreign ministry condemned", "..., a step the IAEA's chief
 * condemned as disproportionate": a verdict on "a move" is on whoever made
 * it, the subject of the clause the move belongs to */
static void move_target(const sctx *S, cand *C)
{
    int r = code_root(C->code);
    if (r != 5 && r != 11 && r != 12)
        return;
    const tok *h = &S->t[C->head];
    if (h->deprel != DEP_ACL && h->deprel != DEP_ACL_RELCL)
        return;
    int32_t n = h->head;
    static const char *const MOVE[] = {"move", "step", "decision", "action", "measure", "act", "announcement",
                                       "policy", "vote", "ruling", "law", "bill", NULL};
    if (n < 0 || n >= (int32_t)C->head || !lemma_listed(&S->t[n], MOVE) || object_token(S, C->head) >= 0)
        return;
    int32_t v = S->t[n].head;
    for (int up = 0; v >= 0 && up < 3 && S->t[v].upos != UPOS_VERB; up++)
        v = S->t[v].head;
    if (v < 0 || S->t[v].upos != UPOS_VERB)
        return;
    int sj = subject_token(S, (uint32_t)v, 0);
    if (sj < 0)
        return;
    arglist A;
    memset(&A, 0, sizeof A);
    actors_at(S, (uint32_t)sj, &A, 0);
    for (int q = 0; q < A.n; q++)
        if (!same_actors(&A, &C->src)) {
            C->tgt = A;
            C->why = "target: who made the move the verdict is on";
            return;
        }
}

static int code_sentence(sctx *S, uint32_t sentence, const clio_process_options *opt, const timex *tx, size_t ntx,
                         const ymd *story_date, const placeset *PS, evvec *E)
{
    cand cands[MAX_CANDS];
    uint32_t nc = 0;
    uint8_t consumed_tok[CLIO_MAX_SENT_TOKENS + 1]; /* 1 + the consuming candidate */
    memset(consumed_tok, 0, sizeof consumed_tok);
    for (uint32_t h = 0; h < S->n && nc < MAX_CANDS; h++) {
        uint32_t np;
        const lex_pattern *pats = patterns_for(S, h, &np);
        if (!pats)
            continue;
        if (S->t[h].upos == UPOS_VERB && S->t[h].deprel == DEP_AMOD)
            continue; /* "the occupied West Bank", "the besieged city": a description */
        if (S->t[h].xpos == XPOS_VBG && S->t[h].head > (int32_t)h &&
            (S->t[h].deprel == DEP_ADVCL || S->t[h].deprel == DEP_CSUBJ)) {
            /* "Fighting in the Kivus has displaced 700,000 people": a gerund
             * where its verb's subject would be is that subject, an activity */
            int own = 0;
            FOR_CHILDREN(S, (uint32_t)S->t[h].head, c)
                if (S->t[c].deprel == DEP_NSUBJ || S->t[c].deprel == DEP_NSUBJ_PASS || S->t[c].deprel == DEP_EXPL)
                    own = 1;
            /* (but "Fighting between Israel and Hezbollah intensified"
             * names its parties) */
            FOR_CHILDREN(S, h, c) {
                const tok *cs = is_obl_or_nmod(S->t[c].deprel) ? case_of(S, c) : NULL;
                if (cs && fold_is(cs, "between"))
                    own = 1;
            }
            if (!own)
                continue;
        }
        if (S->t[h].upos == UPOS_NOUN && (S->t[h].deprel == DEP_NSUBJ || S->t[h].deprel == DEP_NSUBJ_PASS)) {
            /* "The 2020 war between Armenia and Azerbaijan killed ...": a
             * past act named by its year as a subject is recalled, not
             * reported */
            int year = 0;
            FOR_CHILDREN(S, h, c)
                if (c < h && S->t[c].form_len == 4 && (S->t[c].form[0] == '1' || S->t[c].form[0] == '2') &&
                    S->t[c].form[1] >= '0' && S->t[c].form[1] <= '9' && S->t[c].form[2] >= '0' &&
                    S->t[c].form[2] <= '9' && S->t[c].form[3] >= '0' && S->t[c].form[3] <= '9')
                    year = 1;
            if (year)
                continue;
        }
        if (h >= 2 && fold_is(&S->t[h - 1], "-") && !(S->t[h - 2].flags & TOK_SPACE_AFTER) &&
            !(S->t[h - 1].flags & TOK_SPACE_AFTER) && (S->t[h].xpos == XPOS_VBN || S->t[h].xpos == XPOS_VBD) &&
            (S->t[h - 2].flags & (TOK_CAPITAL | TOK_ALLCAPS)))
            continue; /* "Iran-backed rebels", "a U.S.-brokered truce": a description too
                       * (not "test-fired", "self-immolated") */
        if (S->tok2men[h] >= 0) {
            /* a word inside a dictionary name is not a predicate ("Amnesty
             * International", "the Peace Corps") */
            const mention *M = &S->men[S->tok2men[h]];
            int common = h == M->last;
            for (uint32_t k = M->first; k <= M->last && common; k++)
                if (S->t[k].flags & TOK_CAPITAL)
                    common = 0;
            /* but a name in common words heads its phrase like any noun
             * ("sent a peacekeeping force") */
            if (M->kind == MEN_NAME && M->last > M->first && !common)
                continue;
            /* nor a modifier inside a role phrase ("riot police", "strike
             * leaders"): only the phrase's head can be */
            if ((M->kind == MEN_ROLE || M->kind == MEN_ROLE_BARE) && h != M->head && h < M->last)
                continue;
        }
        if (S->t[h].upos == UPOS_NOUN && undone_by_verb(S, h))
            continue;
        int consumed[4] = {-1, -1, -1, -1};
        const lex_pattern *P = best_pattern(S, h, pats, np, consumed);
        if (!P)
            continue;
        for (int k = 0; k < 4; k++)
            if (consumed[k] >= 0 && consumed[k] < (int)S->n)
                consumed_tok[consumed[k]] = (uint8_t)(nc + 1);
        cand *C = &cands[nc++];
        memset(C, 0, sizeof *C);
        C->pat = P;
        C->head = h;
        C->frame_parent = -1;
        C->frame_head = -1;
        C->code = P->code;
        C->mod = modality(S, h);
        if (P->pos == 'N') {
            int lv = light_verb(S, h);
            if (lv >= 0)
                C->mod |= modality(S, (uint32_t)lv);
            else {
                /* "fears that Kyiv could be sidelined in U.S.-Russia talks":
                 * an act named in a hedged or conditional clause is only
                 * possible */
                int32_t g = S->t[h].head;
                for (int up = 0; g >= 0 && up < 3 && S->t[g].upos != UPOS_VERB; up++)
                    g = S->t[g].head;
                int dr = S->t[h].deprel;
                if (g >= 0 && S->t[g].upos == UPOS_VERB && (dr == DEP_OBL || dr == DEP_NMOD))
                    C->mod |= modality(S, (uint32_t)g) & (MOD_HEDGE | MOD_COND);
            }
        }
        fill_args(S, C);
        if (!C->tgt.n && C->src.n)
            move_target(S, C);
        if (!strcmp(C->code, "190") && C->src.n) {
            /* "Israeli settlers attacked the village", "gang members
             * attacked the area": force used by civilians or criminal gangs
             * is unconventional violence (180), not military force */
            int irregular = 1;
            for (int q = 0; q < C->src.n && irregular; q++)
                irregular = strlen(C->src.code[q]) == 6 &&
                            (!strcmp(C->src.code[q] + 3, "CVL") || !strcmp(C->src.code[q] + 3, "CRM"));
            const lex_code *lc = irregular ? lexicon_code(S->lx, "180") : NULL;
            if (lc)
                C->code = lc->code;
        }
        if (!strcmp(C->code, "051") && lemma_is(&S->t[h], "welcome")) {
            /* "Kishida welcomed Yoon", "Yoon was welcomed by Kishida": a
             * person welcomed is a guest (043), a decision welcomed is
             * praise (051) */
            int o = object_token(S, h);
            int mo = o >= 0 ? S->tok2men[o] : -1;
            if (mo >= 0 && S->men[mo].how && strstr(S->men[mo].how, "person")) {
                const lex_code *lc = lexicon_code(S->lx, "043");
                if (lc)
                    C->code = lc->code;
            }
        }
    }
    /* a noun consumed by another predicate's constraint is part of it,
     * unless its own pattern says more ("sent a peacekeeping force",
     * "went on strike over wages"): then the noun's event is the act and
     * the consuming verb only its light verb */
    {
        uint8_t drop[MAX_CANDS];
        memset(drop, 0, sizeof drop);
        for (uint32_t i = 0; i < nc; i++) {
            uint8_t by = cands[i].pat->pos == 'N' ? consumed_tok[cands[i].head] : 0;
            if (!by)
                continue;
            int specific = 0;
            for (uint32_t k = 0; k < cands[i].pat->ncons; k++)
                if (!cands[i].pat->cons[k].negative)
                    specific = 1;
            const cand *V = &cands[by - 1];
            /* not under a verb about another act: asking for, demanding,
             * blaming for, rejecting, threatening, protesting or suspending it */
            static const char *const ABOUT[] = {"02", "10", "11", "12", "13", "14", "16"};
            for (size_t k = 0; k < sizeof ABOUT / sizeof ABOUT[0] && specific; k++)
                if (!strncmp(V->pat->code, ABOUT[k], 2) &&
                    /* (a protest act consumed by a protest verb, "went on
                     * strike over wages", is still the act) */
                    !(!strcmp(ABOUT[k], "14") && code_root(cands[i].pat->code) == 14))
                    specific = 0;
            int vpos = 0;
            for (uint32_t k = 0; k < V->pat->ncons; k++)
                if (!V->pat->cons[k].negative)
                    vpos++;
            int dr = S->t[cands[i].head].deprel;
            if (specific && vpos == 1 && V->pat->pos == 'V' && !V->pat->frame && !(V->pat->flags & (LEX_PAT_SYM | LEX_PAT_PAIRSYM)) &&
                S->t[cands[i].head].head == (int32_t)V->head && (dr == DEP_OBJ || dr == DEP_OBL)) {
                drop[by - 1] = 1;
                if (!cands[i].src.n)
                    cands[i].src = V->src;
                if (!cands[i].tgt.n)
                    cands[i].tgt = V->tgt;
            } else {
                drop[i] = 1;
                /* "called for a cease-fire between Armenia and Azerbaijan":
                 * a call for (or demand of) a symmetric act with no
                 * addressee of its own is addressed to the parties of that
                 * act */
                cand *W = &cands[by - 1];
                if ((W->pat->frame == LEX_FRAME_APPEAL || !strncmp(W->code, "02", 2) || !strncmp(W->code, "10", 2)) && !W->tgt.n && (cands[i].pat->flags & LEX_PAT_SYM) &&
                    cands[i].src.n && cands[i].tgt.n) {
                    for (int q = 0; q < cands[i].src.n; q++)
                        arg_add(&W->tgt, cands[i].src.code[q], cands[i].src.start[q], cands[i].src.end[q]);
                    for (int q = 0; q < cands[i].tgt.n; q++)
                        arg_add(&W->tgt, cands[i].tgt.code[q], cands[i].tgt.start[q], cands[i].tgt.end[q]);
                    W->why = "target: the parties of the act called for";
                }
            }
        }
        uint32_t w = 0;
        for (uint32_t i = 0; i < nc; i++)
            if (!drop[i])
                cands[w++] = cands[i];
        nc = w;
    }
    /* "pulled out of the negotiations", "violated the truce": a noun that
     * is an argument of another (non-frame) predicate is that act's theme */
    {
        uint32_t w = 0;
        for (uint32_t i = 0; i < nc; i++) {
            const cand *C = &cands[i];
            int drop = 0;
            if (C->pat->pos == 'V' && code_root(C->pat->code) >= 18 && child_rel(S, C->head, DEP_OBJ) < 0) {
                /* "shot and seriously wounded the senator": two violent verbs
                 * sharing one object are one act, coded by the last */
                FOR_CHILDREN(S, C->head, cj) {
                    if (S->t[cj].deprel != DEP_CONJ || cj <= C->head || cj > C->head + 3 ||
                        !fold_is(&S->t[C->head + 1], "and"))
                        continue;
                    for (uint32_t j = 0; j < nc; j++)
                        if (j != i && cands[j].head == cj && code_root(cands[j].pat->code) >= 18 &&
                            child_rel(S, cj, DEP_OBJ) >= 0)
                            drop = 1;
                }
            }
            if (C->pat->pos == 'N') {
                int dr = S->t[C->head].deprel;
                int32_t g = S->t[C->head].head;
                if (g >= 0 && (dr == DEP_OBJ || dr == DEP_OBL || dr == DEP_NSUBJ_PASS))
                    for (uint32_t j = 0; j < nc; j++)
                        if (j != i && cands[j].head == (uint32_t)g && cands[j].pat->pos == 'V' && !cands[j].pat->frame)
                            drop = 1;
                /* "an Israeli air strike killed a Hezbollah commander": a
                 * violent act that is the subject of a violent verb is that
                 * verb's means, one event */
                /* "protest against EU trade deals", "rallied over the
                 * pension reform": what a protest is against is its topic */
                const tok *pcs = case_of(S, C->head);
                if (g >= 0 && (dr == DEP_OBL || dr == DEP_NMOD) && pcs &&
                    (fold_is(pcs, "against") || fold_is(pcs, "over") || fold_is(pcs, "about")))
                    for (uint32_t j = 0; j < nc; j++)
                        if (j != i && cands[j].head == (uint32_t)g && code_root(cands[j].pat->code) == 14)
                            drop = 1;
                /* "questioned the former premier as part of an investigation":
                 * an act of the same kind as the verb it is part of is that
                 * act */
                int32_t pv = part_of_verb(S, C->head);
                if (pv >= 0)
                    for (uint32_t j = 0; j < nc; j++)
                        if (j != i && cands[j].head == (uint32_t)pv &&
                            code_root(cands[j].pat->code) == code_root(C->pat->code))
                            drop = 1;
                if (g >= 0 && dr == DEP_NSUBJ && code_root(C->pat->code) >= 18)
                    for (uint32_t j = 0; j < nc; j++)
                        if (j != i && cands[j].head == (uint32_t)g && cands[j].pat->pos == 'V' &&
                            code_root(cands[j].pat->code) >= 18)
                            drop = 1;
                /* "renewed negotiations on an Israeli troop pullback": what
                 * talks are about is their topic, not an act */
                const tok *cs = case_of(S, C->head);
                if (g >= 0 && (dr == DEP_NMOD || dr == DEP_OBL) && (topic_case(cs) || (cs && fold_is(cs, "on"))))
                    for (uint32_t j = 0; j < nc; j++) {
                        uint32_t th = cands[j].head; /* the talks, or their light verb */
                        if (j == i || cands[j].pat->pos != 'N' ||
                            code_root(cands[j].code ? cands[j].code : cands[j].pat->code) != 4)
                            continue;
                        if ((dr == DEP_NMOD && th == (uint32_t)g) ||
                            (dr == DEP_OBL && S->t[th].deprel == DEP_OBJ && S->t[th].head == g))
                            drop = 1;
                    }
            }
            if (!drop)
                cands[w++] = cands[i];
        }
        nc = w;
    }
    /* "agreed to a ceasefire at talks mediated by Qatar and Turkey", "a
     * swap brokered by the UAE", "talks hosted by Oman": a mediator or host
     * named as the agent of a participle on the talks acts on their
     * parties (those of the talks' own event, else the clause's subject) */
    for (uint32_t i = 0; i < nc; i++) {
        cand *C = &cands[i];
        const tok *h = &S->t[C->head];
        if (C->tgt.n || !C->src.n || code_root(C->code) != 4 || h->xpos != XPOS_VBN ||
            (h->deprel != DEP_ACL && h->deprel != DEP_ACL_RELCL) || h->head < 0)
            continue;
        uint32_t N = (uint32_t)h->head;
        arglist T;
        memset(&T, 0, sizeof T);
        for (int pass = 0; pass < 2 && T.n < 2; pass++) {
            arglist parties;
            memset(&parties, 0, sizeof parties);
            if (pass == 0) {
                for (uint32_t j = 0; j < nc; j++)
                    if (j != i && cands[j].head == N) {
                        for (int q = 0; q < cands[j].src.n; q++)
                            arg_add(&parties, cands[j].src.code[q], cands[j].src.start[q], cands[j].src.end[q]);
                        for (int q = 0; q < cands[j].tgt.n; q++)
                            arg_add(&parties, cands[j].tgt.code[q], cands[j].tgt.start[q], cands[j].tgt.end[q]);
                    }
            } else {
                int32_t v = S->t[N].head;
                for (int up = 0; v >= 0 && up < 3 && S->t[v].upos != UPOS_VERB; up++)
                    v = S->t[v].head;
                int sj = v >= 0 && S->t[v].upos == UPOS_VERB ? subject_token(S, (uint32_t)v, 0) : -1;
                if (sj >= 0) {
                    actors_at(S, (uint32_t)sj, &parties, 0);
                    FOR_CHILDREN(S, (uint32_t)sj, cj)
                        if (S->t[cj].deprel == DEP_CONJ)
                            actors_at(S, cj, &parties, 0); /* "Russia and Ukraine" */
                }
            }
            memset(&T, 0, sizeof T);
            for (int q = 0; q < parties.n; q++) {
                int mine = 0;
                for (int r = 0; r < C->src.n && !mine; r++)
                    mine = !strncmp(parties.code[q], C->src.code[r], 3);
                if (!mine)
                    arg_add(&T, parties.code[q], parties.start[q], parties.end[q]);
            }
        }
        if (T.n >= 2) {
            C->tgt = T;
            C->why = "target: the parties of the talks it mediated or hosted";
        }
    }
    /* frames: the nearest frame predicate above each candidate, reached
     * through one of its complements (not "at the last talks, ... agreed") */
    for (uint32_t i = 0; i < nc; i++) {
        for (uint32_t j = 0; j < nc; j++) {
            if (i == j || !cands[j].pat->frame)
                continue;
            if (is_under(S, cands[i].head, cands[j].head) && via_complement(S, cands[i].head, cands[j].head) &&
                !time_clause_between(S, cands[i].head, cands[j].head)) {
                int cur = cands[i].frame_parent;
                if (cur < 0 || is_under(S, cands[j].head, cands[cur].head))
                    cands[i].frame_parent = (int)j;
            }
        }
    }
    for (uint32_t i = 0; i < nc; i++) {
        cand *C = &cands[i];
        if (C->frame_parent < 0)
            continue;
        cand *F = &cands[C->frame_parent];
        switch (F->pat->frame) {
        case LEX_FRAME_SAY: {
            /* "X said Y must Z": a demand (CAMEO 10x, parallel to the appeal 02x) */
            int must = 0;
            FOR_CHILDREN(S, C->head, a)
                if (S->t[a].deprel == DEP_AUX && fold_is(&S->t[a], "must"))
                    must = 1;
            if (must && C->src.n && F->src.n) {
                const char *fc = family_code(S, C->pat, "10");
                const lex_code *lc = lexicon_code(S->lx, fc ? fc : "100");
                if (lc) {
                    F->code = lc->code;
                    F->tgt = C->src;
                    F->why = "statement that someone must act: a demand";
                    C->suppressed = 1;
                    C->why = "only demanded";
                    break;
                }
            }
            /* "Russia warned NATO that it could use nuclear weapons",
             * "warned Iran that Israel would respond forcefully": a warning
             * of what the speaker could or would do is the threat it names */
            if (code_root(F->pat->code) == 13 && (C->mod & (MOD_HEDGE | MOD_FUTURE)) && !(C->mod & (MOD_NEG | MOD_COND)) &&
                !strcmp(F->code, F->pat->code) && C->pat->intent && code_root(C->pat->intent) == 13 && C->src.n &&
                F->src.n && F->tgt.n && strcmp(F->tgt.code[0], F->src.code[0]) &&
                !strncmp(C->src.code[0], F->src.code[0], 3)) {
                const lex_code *lc = lexicon_code(S->lx, C->pat->intent);
                if (lc) {
                    F->code = lc->code;
                    F->why = "warning of what the speaker could do: the threat it names";
                    C->suppressed = 1;
                    C->why = "only threatened";
                    break;
                }
            }
            /* "Lebanon said Israel had violated the ceasefire", "Ukraine
             * said Russia launched 50 drones overnight": a hostile act
             * reported with no one named as its object was done to the
             * speaker, when the speaker is another country's */
            int hostile = code_root(C->code) == 15 || code_root(C->code) == 19;
            if (hostile && !C->tgt.n && C->src.n && F->src.n && !(C->mod & (MOD_NEG | MOD_HEDGE | MOD_COND))) {
                int foreign = 1;
                for (int q = 0; q < C->src.n && foreign; q++)
                    for (int r = 0; r < F->src.n && foreign; r++)
                        foreign = strncmp(C->src.code[q], F->src.code[r], 3) && strncmp(F->src.code[r], "IGO", 3) &&
                                  strncmp(F->src.code[r], "NGO", 3);
                if (foreign) {
                    C->tgt = F->src;
                    C->why = "target: the speaker who reports the act, done to them";
                }
            }
            /* decided after emission: the bare statement is coded only
             * when nothing it reports is */
            if (!F->code || !strcmp(F->code, F->pat->code))
                F->say_children = 1;
            break;
        }
        case LEX_FRAME_INTENT:
            C->mod |= MOD_FUTURE;
            C->frame_head = (int32_t)F->head;
            if (!C->src.n)
                C->src = F->src;
            if (!C->tgt.n)
                C->tgt = F->tgt;
            F->suppressed = 1;
            F->why = "intent frame: the intended event is coded";
            if (S->t[C->head].head == (int32_t)F->head && C->pat->intent &&
                strncmp(C->pat->intent, F->pat->code, strlen(F->pat->code)) &&
                !strncmp(C->pat->intent, F->pat->code, 3))
                for (uint32_t k = 0; k < F->pat->ncons; k++) {
                    /* "threatened to kill": a frame whose pattern names the
                     * complement picks the sub-code within the complement's
                     * own category (1383, not kill's 1384) */
                    const lex_constraint *fc = &F->pat->cons[k];
                    if (!fc->negative && fc->kind == LEX_CONS_REL && fc->deprel == DEP_XCOMP && fc->nlemmas &&
                        lemma_in(&S->t[C->head], fc->lemmas, fc->nlemmas) && !strcmp(C->code, C->pat->code))
                        C->code = F->pat->code;
                }
            break;
        case LEX_FRAME_APPEAL: {
            const char *ac = family_code(S, C->pat, "02");
            {
                /* "urged the United States to stop arming Taiwan": asked to
                 * stop an act is asked to yield, not to do it */
                int32_t sv = S->t[C->head].head;
                static const char *const STOP[] = {"stop", "cease", "halt", "quit", "end", "refrain", "desist",
                                                   NULL};
                int stop = sv >= 0 && lemma_listed(&S->t[sv], STOP);
                if (stop && (S->t[C->head].deprel == DEP_XCOMP || S->t[C->head].deprel == DEP_ADVCL ||
                             S->t[C->head].deprel == DEP_OBJ) &&
                    code_root(C->pat->code) < 10 && lexicon_code(S->lx, "025"))
                    ac = lexicon_code(S->lx, "025")->code;
            }
            if (C->pat->frame == LEX_FRAME_INTENT)
                /* "called on both sides to agree to a ceasefire": the act
                 * under the agreement is what is called for */
                for (uint32_t j = 0; j < nc; j++)
                    if (cands[j].frame_parent == (int)i && cands[j].pat->appeal) {
                        const char *ic = family_code(S, cands[j].pat, "02");
                        if (ic)
                            ac = ic;
                        break;
                    }
            if (ac && !strcmp(F->code, F->pat->code)) {
                F->code = ac;
                F->why = "appeal frame: code from the complement";
            }
            C->suppressed = 1;
            C->why = "only called for";
            break;
        }
        case LEX_FRAME_REJECT:
            if (C->pat->reject) {
                F->code = C->pat->reject;
                if (!F->tgt.n)
                    F->tgt = C->tgt;
            }
            C->suppressed = 1;
            C->why = "refused";
            break;
        case LEX_FRAME_DENY:
            /* "denied attacking the convoy": the denial faces the one the
             * denied act would have hit */
            if (!F->tgt.n && C->tgt.n)
                F->tgt = C->tgt;
            C->suppressed = 1;
            C->why = "denied";
            break;
        }
        if (code_root(F->code) == 10 && F->pat->frame != LEX_FRAME_SAY) {
            /* "demanded that Sudan release ...": the demand takes the
             * complement's appeal code moved to the 10x family */
            const char *dc2 = family_code(S, C->pat, "10");
            if (dc2 && !strcmp(F->code, F->pat->code) && (!strcmp(F->code, "100") || !strcmp(F->code, "10")))
                F->code = dc2;
            if (!F->tgt.n)
                F->tgt = C->src;
            C->suppressed = 1;
            C->why = "only demanded";
        }
    }
    /* "X said (that) Y must Z": a demand on Y, whether or not Z has a
     * pattern of its own (CAMEO codes such statements as 10x) */
    for (uint32_t i = 0; i < nc; i++) {
        cand *F = &cands[i];
        if (F->pat->frame != LEX_FRAME_SAY || strcmp(F->code, F->pat->code) || !F->src.n)
            continue;
        FOR_CHILDREN(S, F->head, c) {
            if (S->t[c].deprel != DEP_CCOMP)
                continue;
            int must = 0;
            FOR_CHILDREN(S, c, a)
                if (S->t[a].deprel == DEP_AUX && fold_is(&S->t[a], "must"))
                    must = 1;
            if (!must)
                continue;
            int sj = subject_token(S, c, 0);
            arglist who;
            memset(&who, 0, sizeof who);
            if (sj >= 0)
                actors_at(S, (uint32_t)sj, &who, 0);
            if (!who.n)
                continue;
            const char *code = "100";
            for (uint32_t j = 0; j < nc; j++)
                if (cands[j].head == c) {
                    const char *fc = family_code(S, cands[j].pat, "10");
                    if (fc)
                        code = fc;
                    cands[j].suppressed = 1;
                    cands[j].why = "only demanded";
                }
            const lex_code *lc = lexicon_code(S->lx, code);
            if (!lc)
                continue;
            F->code = lc->code;
            F->tgt = who;
            F->say_children = 0;
            F->why = "statement that someone must act: a demand";
            break;
        }
    }
    /* "urged both parties not to walk away from the talks" when the
     * parser loses the attachment: an appeal with no complement of its own
     * takes the next to-infinitive clause on its right */
    for (uint32_t i = 0; i < nc; i++) {
        cand *F = &cands[i];
        if (F->pat->frame != LEX_FRAME_APPEAL || strcmp(F->code, F->pat->code))
            continue;
        int has_child = 0;
        for (uint32_t j = 0; j < nc; j++)
            if (cands[j].frame_parent == (int)i)
                has_child = 1;
        if (has_child)
            continue;
        for (uint32_t j = 0; j < nc; j++) {
            cand *C = &cands[j];
            if (C->head <= F->head || C->frame_parent >= 0 || C->pat->frame)
                continue;
            int32_t v = C->pat->pos == 'N' ? S->t[C->head].head : (int32_t)C->head;
            int to = 0;
            for (int hops = 0; v >= 0 && hops < 2 && !to; hops++) {
                FOR_CHILDREN(S, (uint32_t)v, m)
                    if (S->t[m].deprel == DEP_MARK && fold_is(&S->t[m], "to"))
                        to = 1;
                v = S->t[v].head;
            }
            const char *ac = to ? family_code(S, C->pat, "02") : NULL;
            if (!ac)
                continue;
            F->code = ac;
            F->why = "appeal frame: code from the clause after it";
            C->suppressed = 1;
            C->why = "only called for";
            break;
        }
    }
    /* "urged the rebels to pull back", "demanded that Israel allow aid
     * convoys", "promised to hand over power": an appeal, demand or promise
     * still generic whose complement verb found no actor of its own takes
     * the family code of that verb's usual sense (its first pattern with
     * an appeal= or intent= code) */
    for (uint32_t i = 0; i < nc; i++) {
        cand *F = &cands[i];
        if (strcmp(F->code, F->pat->code) || strlen(F->code) > 3)
            continue;
        const char *prefix = NULL;
        if (F->pat->frame == LEX_FRAME_APPEAL && !strcmp(F->code, "020"))
            prefix = "02";
        else if (F->pat->frame == LEX_FRAME_INTENT && !strcmp(F->code, "030"))
            prefix = "03";
        else if (!F->pat->frame && !strcmp(F->code, "100"))
            prefix = "10";
        if (!prefix)
            continue;
        int has_child = 0;
        for (uint32_t j = 0; j < nc; j++)
            if (cands[j].frame_parent == (int)i)
                has_child = 1;
        if (has_child)
            continue;
        int32_t comp = complement_verb(S, F->head);
        if (comp < 0)
            continue;
        uint32_t np;
        const lex_pattern *pats = patterns_for(S, (uint32_t)comp, &np);
        if (!pats)
            continue;
        /* the reading the clause's words select, else the first with a family code */
        int used[4];
        const lex_pattern *bp = best_pattern(S, (uint32_t)comp, pats, np, used);
        const char *bc = bp ? family_code(S, bp, prefix) : NULL;
        if (bc) {
            if (strcmp(bc, F->code)) {
                F->code = bc;
                F->why = "code from the complement verb";
            }
            continue;
        }
        for (uint32_t k = 0; k < np; k++) {
            /* (a sense that needs particular words, "give intelligence",
             * is not the verb's usual one) */
            int specific = 0;
            for (uint32_t q = 0; q < pats[k].ncons; q++)
                if (!pats[k].cons[q].negative && pats[k].cons[q].nlemmas)
                    specific = 1;
            const char *fc = specific ? NULL : family_code(S, &pats[k], prefix);
            if (fc && strcmp(fc, F->code)) {
                F->code = fc;
                F->why = "code from the complement verb's usual sense";
                break;
            }
        }
    }
    /* "refused to accept Syrian refugees", "threatened to quit the EU's
     * pact": a refusal, threat, promise or appeal with no target of its own
     * whose complement verb has no pattern aims at that verb's object (or,
     * failing one, its first oblique actor) */
    for (uint32_t i = 0; i < nc; i++) {
        cand *F = &cands[i];
        int r = code_root(F->code);
        if (F->tgt.n || !F->src.n || F->pat->frame == LEX_FRAME_SAY)
            continue;
        if (!(F->pat->frame || r == 12 || r == 13 || r == 10))
            continue;
        int32_t comp = complement_verb(S, F->head);
        if (comp < 0)
            continue;
        int is_cand = 0;
        for (uint32_t j = 0; j < nc; j++)
            if (cands[j].head == (uint32_t)comp)
                is_cand = 1;
        if (is_cand)
            continue;
        int fdr = S->t[F->head].deprel;
        if (fdr == DEP_ACL || fdr == DEP_AMOD || fdr == DEP_ACL_RELCL)
            continue;
        arglist who;
        memset(&who, 0, sizeof who);
        /* only an actor that is the object itself or owns it ("Ukraine's
         * airspace"), or an oblique actor: nothing deeper */
        int o = object_token(S, (uint32_t)comp);
        if (o >= 0 && S->tok2men[o] >= 0)
            actors_at(S, (uint32_t)o, &who, 0);
        if (o >= 0 && !who.n)
            FOR_CHILDREN(S, (uint32_t)o, ps)
                if (S->t[ps].deprel == DEP_NMOD_POSS && S->tok2men[ps] >= 0 && !who.n)
                    actors_at(S, ps, &who, 0);
        if (o >= 0 && who.n && same_actors(&who, &F->src)) {
            /* "threatened to end their efforts between Israel and Hamas":
             * one's own effort is no target; the parties it is between or
             * with are */
            memset(&who, 0, sizeof who);
            FOR_CHILDREN(S, (uint32_t)o, ps) {
                const tok *pc = case_of(S, ps);
                if (S->t[ps].deprel == DEP_NMOD && pc && (fold_is(pc, "between") || fold_is(pc, "with")))
                    actors_at(S, ps, &who, 0);
            }
        }
        FOR_CHILDREN(S, (uint32_t)comp, ob) {
            if (who.n)
                break;
            if (S->t[ob].deprel == DEP_OBL && S->tok2men[ob] >= 0)
                actors_at(S, ob, &who, 0);
        }
        if (!who.n && F->pat->frame == LEX_FRAME_DENY) {
            /* "denied that its helicopters had strayed into Polish
             * airspace": the first other country's actor in the clause */
            for (uint32_t k = (uint32_t)comp; k < S->n && k < (uint32_t)comp + 12 && !who.n; k++) {
                int mk = S->tok2men[k];
                if (mk < 0 || S->men[mk].kind == MEN_PRONOUN || !S->men[mk].ncodes ||
                    S->t[S->men[mk].head].deprel == DEP_NSUBJ || S->t[S->men[mk].head].deprel == DEP_NSUBJ_PASS)
                    continue;
                int same = 0;
                for (int q = 0; q < F->src.n; q++)
                    same |= same_country(F->src.code[q], S->men[mk].codes[0]);
                if (!same)
                    add_mention(S, &who, mk);
                k = S->men[mk].last;
            }
        }
        if (who.n) {
            F->tgt = who;
            if (!F->why)
                F->why = "target: the object of the verb it governs";
        }
    }
    /* "refused to scrap its land policy despite pressure from Britain",
     * "rejected early elections sought by the opposition": a refusal with
     * no target of its own rejects whoever pressed for what it refuses */
    for (uint32_t i = 0; i < nc; i++) {
        cand *F = &cands[i];
        if (F->tgt.n || !F->src.n || code_root(F->code) != 12)
            continue;
        arglist who;
        memset(&who, 0, sizeof who);
        int32_t comp = complement_verb(S, F->head);
        for (int pass = 0; pass < 2 && !who.n; pass++) {
            int32_t v = pass ? comp : (int32_t)F->head;
            if (v < 0)
                continue;
            pressed_by(S, (uint32_t)v, &who);
        }
        if (who.n) {
            F->tgt = who;
            F->why = "target: the one who pressed for what was refused";
        }
    }
    /* "the opposition's demand that she resign", "a proposal to lift the
     * embargo": a clause under a demand, call or proposal noun is only
     * asked for; a rejection of that noun refuses the clause's act */
    for (uint32_t i = 0; i < nc; i++) {
        cand *C = &cands[i];
        int dr = S->t[C->head].deprel;
        int32_t g = S->t[C->head].head;
        if (g >= 0 && dr == DEP_CCOMP && S->t[g].upos == UPOS_VERB) {
            /* "denied Washington's accusation that Tehran had ...": the
             * that-clause hung on the verb right after its object noun */
            int32_t o = child_rel(S, (uint32_t)g, DEP_OBJ);
            uint32_t first = C->head;
            for (uint32_t k = (uint32_t)g + 1; k < C->head; k++)
                if (S->t[k].head == (int32_t)C->head && S->t[k].deprel == DEP_MARK)
                    first = k;
            if (o >= 0 && (uint32_t)o + 1 == first && fold_is(&S->t[first], "that"))
                g = o;
        }
        if (g >= 0 && (dr == DEP_OBJ || dr == DEP_OBL) && C->pat->pos == 'N' && S->t[g].upos == UPOS_VERB &&
            S->t[g].deprel == DEP_ACL && S->t[g].head >= 0 && S->t[S->t[g].head].upos == UPOS_NOUN) {
            /* "a decision to provide more military aid": the noun act of a
             * clause under a noun is that clause's */
            dr = DEP_ACL;
            g = S->t[g].head;
        }
        if (g < 0 || !(dr == DEP_ACL || dr == DEP_ACL_RELCL || dr == DEP_CCOMP) || S->t[g].upos != UPOS_NOUN)
            continue;
        static const char *const ASKED[] = {"demand", "call", "request", "appeal", "proposal", "plan", "offer",
                                            "ultimatum", "suggestion", "bid", "plea", "push", "pressure", NULL};
        int asked = lemma_listed(&S->t[g], ASKED);
        /* "denied Washington's accusation that Tehran had supplied
         * missiles": a clause under an accusation or claim is alleged */
        static const char *const ALLEGED[] = {"accusation", "allegation", "claim", "charge", "rumour", "rumor",
                                              "speculation", "suspicion", "assertion", NULL};
        int alleged = 0;
        for (int q = 0; ALLEGED[q] && !alleged && dr != DEP_ACL_RELCL; q++)
            alleged = lemma_is(&S->t[g], ALLEGED[q]);
        if (alleged) {
            C->suppressed = 1;
            C->why = "only alleged (a clause under an accusation or claim)";
            continue;
        }
        if (!asked) {
            /* "blocked an EU decision to provide more aid to Ukraine": an act
             * decided or attempted is not done when the decision is blocked,
             * vetoed or overturned */
            static const char *const DECIDED[] = {"decision", "move", "resolution", "attempt", "effort", "initiative",
                                                  "deal", "agreement", "law", "bill", "measure", NULL};
            static const char *const BLOCKED[] = {"block", "veto", "reject", "oppose", "stall", "derail", "torpedo",
                                                  "scupper", "halt", "freeze", "suspend", "delay", "obstruct", "thwart",
                                                  "overturn", "annul", "cancel", "revoke", "resist", "foil", "stop",
                                                  "prevent", "bar", NULL};
            int decided = dr == DEP_ACL && lemma_listed(&S->t[g], DECIDED);
            int32_t bv = S->t[g].head;
            int blocked = decided && bv >= 0 && S->t[g].deprel == DEP_OBJ && lemma_listed(&S->t[bv], BLOCKED);
            if (blocked) {
                C->suppressed = 1;
                C->why = "its decision was blocked: not an act";
            }
            continue;
        }
        C->suppressed = 1;
        C->why = "only asked for or proposed";
        /* the verb that takes the noun as its object */
        int32_t v = S->t[g].head;
        if (v < 0 || S->t[g].deprel != DEP_OBJ)
            continue;
        for (uint32_t j = 0; j < nc; j++) {
            cand *R = &cands[j];
            if (R->head != (uint32_t)v || code_root(R->code) != 12 || strcmp(R->code, R->pat->code))
                continue;
            if (C->pat->reject && strlen(C->pat->reject) > strlen(R->code))
                R->code = C->pat->reject;
        }
    }
    /* "began a hunger strike to protest X": a purpose clause of the same
     * kind of act is the same event; its target goes to the main one */
    for (uint32_t i = 0; i < nc; i++) {
        cand *C = &cands[i];
        int dr = S->t[C->head].deprel;
        if (dr != DEP_ADVCL && dr != DEP_XCOMP && dr != DEP_ACL)
            continue;
        /* (a clause of time or reason, "hours after Hamas released three
         * women", is an act of its own; "killed 23 people when they blew
         * themselves up" is the same act told twice) */
        int own = 0;
        FOR_CHILDREN(S, C->head, k)
            if (S->t[k].deprel == DEP_MARK &&
                (fold_is(&S->t[k], "after") || fold_is(&S->t[k], "before") || fold_is(&S->t[k], "since") ||
                 fold_is(&S->t[k], "until") || fold_is(&S->t[k], "because") || fold_is(&S->t[k], "although") ||
                 fold_is(&S->t[k], "though") || fold_is(&S->t[k], "whereas") || fold_is(&S->t[k], "while")))
                own = 1;
        if (own)
            continue;
        int32_t g = S->t[C->head].head;
        for (int hops = 0; g >= 0 && hops < 3; hops++) {
            for (uint32_t j = 0; j < nc; j++)
                if (j != i && cands[j].head == (uint32_t)g && code_root(cands[j].code) == code_root(C->code) &&
                    !cands[j].pat->frame && (cands[j].src.n || !C->src.n)) {
                    fold_into(&cands[j], C, 0, "purpose clause of the same act");
                    g = -1;
                    break;
                }
            if (g >= 0)
                g = S->t[g].head;
        }
    }
    /* "deported 28 Afghans convicted of crimes", "a tourist accused of
     * desecrating the Koran": a participle describing someone says what
     * they are, not an accusation or verdict the story reports */
    for (uint32_t i = 0; i < nc; i++) {
        cand *C = &cands[i];
        const tok *h = &S->t[C->head];
        int by = 0;
        FOR_CHILDREN(S, C->head, a)
            if (S->t[a].deprel == DEP_OBL_AGENT || (S->t[a].deprel == DEP_OBL && case_of(S, a) && fold_is(case_of(S, a), "by")))
                by = 1;
        int own_subject = child_rel(S, C->head, DEP_NSUBJ) >= 0; /* "a move that the ministry condemned" */
        if (code_root(C->code) == 11 && h->xpos == XPOS_VBN && h->deprel == DEP_ACL && !by && !own_subject) {
            C->suppressed = 1;
            C->why = "a description of someone, not an act the story reports";
        }
    }
    /* "shelled districts of Kherson, killing two people", "detonated a car
     * bomb, wounding three officers": the killing or wounding a violent act
     * caused is its result, not a second attack; its victims are the act's
     * target when the act has none */
    for (uint32_t i = 0; i < nc; i++) {
        cand *C = &cands[i];
        const tok *h = &S->t[C->head];
        /* (and the homes it burned: "killing more than 100 people and
         * torching homes" is one raid) */
        int property = !strncmp(C->code, "1712", 4);
        if ((code_root(C->code) < 18 && !property) || h->xpos != XPOS_VBG ||
            (h->deprel != DEP_ADVCL && h->deprel != DEP_XCOMP && !(property && h->deprel == DEP_CONJ)) ||
            h->head < 0 || C->suppressed)
            continue;
        int gj = cand_at(S, cands, nc, i, h->head, 18, 20);
        if (gj < 0)
            continue;
        fold_into(&cands[gj], C, 1, "the result of the attack it follows, not a second attack");
    }
    /* "launched a general strike to press the government for higher
     * wages", "blocked roads to demand the president's resignation": the
     * appeal or demand a protest is for is what the protest is about, not
     * a second event; its leadership/policy/rights/regime sub-code refines
     * the protest's (CAMEO 14x1-14x4 follow 104x) */
    for (uint32_t i = 0; i < nc; i++) {
        cand *C = &cands[i];
        int r = code_root(C->code);
        int dr = S->t[C->head].deprel;
        if ((r != 2 && r != 10) || C->suppressed || (dr != DEP_ADVCL && dr != DEP_XCOMP && dr != DEP_ACL))
            continue;
        int pj = cand_at(S, cands, nc, i, S->t[C->head].head, 14, 14);
        if (pj < 0 || !cands[pj].src.n)
            continue;
        cand *Pc = &cands[pj];
        if (strlen(C->code) == 4 && C->code[2] == '4' && strlen(Pc->code) == 3) {
            char refined[8];
            snprintf(refined, sizeof refined, "%s%c", Pc->code, C->code[3]);
            const lex_code *lc = lexicon_code(S->lx, refined);
            if (lc)
                Pc->code = lc->code;
        }
        fold_into(Pc, C, 0, "what the protest is for, not an event of its own");
    }
    /* demands, hedges, negations and conditionals govern their complements */
    for (uint32_t i = 0; i < nc; i++) {
        for (uint32_t j = 0; j < nc; j++) {
            if (i == j || !is_under(S, cands[i].head, cands[j].head) ||
                time_clause_between(S, cands[i].head, cands[j].head))
                continue;
            const cand *G = &cands[j];
            int gr = code_root(G->pat->code);
            int frame_ok = G->pat->frame == LEX_FRAME_INTENT || G->pat->frame == LEX_FRAME_SAY;
            if (gr == 12 && !frame_ok && S->t[cands[i].head].head == (int32_t)G->head) {
                /* "refused to meet X": a rejection of the complement's act, aimed at its target */
                cand *Gw = &cands[j];
                if (!Gw->tgt.n)
                    Gw->tgt = cands[i].tgt;
                if (cands[i].pat->reject && !strcmp(Gw->code, Gw->pat->code) && strlen(Gw->code) <= 3)
                    Gw->code = cands[i].pat->reject;
            }
            /* "demanded that Japan open its market, complaining about trade
             * barriers", "ordered units to be ready to fire, accusing South
             * Korea of ...": a participle of disapproval, rejection, threat or
             * demand hung on the governing verb is the speaker's own act, not
             * part of what is demanded or rejected */
            const tok *ti = &S->t[cands[i].head];
            int ri = code_root(cands[i].code);
            int own_act = ti->deprel == DEP_ADVCL && ti->xpos == XPOS_VBG &&
                          (ri == 10 || ri == 11 || ri == 12 || ri == 13) && cands[i].pat->pos == 'V' &&
                          !(G->mod & (MOD_HEDGE | MOD_COND | MOD_NEG));
            FOR_CHILDREN(S, cands[i].head, mk)
                if (S->t[mk].deprel == DEP_MARK || S->t[mk].deprel == DEP_NSUBJ)
                    own_act = 0;
            if (own_act && ti->head == (int32_t)G->head)
                continue;
            if ((!frame_ok && (gr == 10 || gr == 2 || gr == 11 || gr == 12 || gr == 13)) ||
                (G->mod & (MOD_HEDGE | MOD_COND | MOD_NEG))) {
                cands[i].suppressed = 1;
                cands[i].why = "inside a demand, appeal, accusation, rejection, threat, hedge or negation: not an actual event";
            } else if (!G->pat->frame && G->pat->pos == 'V' && xcomp_content(S, G->pat, G->head, cands[i].head)) {
                cands[i].suppressed = 1;
                cands[i].why = "inside the complement that a verb's own pattern requires (\"considering sending\", \"failed to reach\"): not an actual event";
            }
        }
    }
    int rc = 0;
    for (int pass = 0; pass < 2 && rc == 0; pass++)
    for (uint32_t i = 0; i < nc && rc == 0; i++) {
        cand *C = &cands[i];
        const tok *h = &S->t[C->head];
        /* statement frames wait for what they report (second pass) */
        if ((pass == 0) != !C->say_children)
            continue;
        if (C->say_children) {
            int reported = 0;
            for (uint32_t j = 0; j < nc; j++)
                if (cands[j].frame_parent == (int)i && cands[j].emitted)
                    reported = 1;
            if (reported) {
                rc = push_note(E, sentence, h->start, h->end, "statement frame: the reported event is coded instead");
                continue;
            }
        }
        /* "adopted sanctions against Russia, targeting the shadow fleet":
         * what a sanction or restriction targets is not an attack */
        if (lemma_is(h, "target") && (h->deprel == DEP_ADVCL || h->deprel == DEP_ACL) && h->xpos == XPOS_VBG &&
            h->head >= 0) {
            if (elaborates_emitted(S, cands, nc, (uint32_t)h->head, 1)) {
                rc = push_note(E, sentence, h->start, h->end, "what the act it elaborates targets, not an attack");
                continue;
            }
        }
        /* "defended Hamas, telling lawmakers that ...", "expressed
         * solidarity, saying ...": a participle of speech elaborating an
         * act already coded is not a statement of its own */
        if (C->pat->frame == LEX_FRAME_SAY && (h->deprel == DEP_ADVCL || h->deprel == DEP_XCOMP || h->deprel == DEP_CONJ) &&
            h->xpos == XPOS_VBG && h->head >= 0 && !strcmp(C->code, C->pat->code)) {
            if (elaborates_emitted(S, cands, nc, (uint32_t)h->head, 0)) {
                rc = push_note(E, sentence, h->start, h->end, "statement elaborating an act already coded");
                continue;
            }
        }
        if (C->suppressed) {
            rc = push_note(E, sentence, h->start, h->end, C->why ? C->why : "suppressed");
            continue;
        }
        if ((C->mod & MOD_PURPOSE) && !(C->pat->intent && (C->mod & MOD_FUTURE)) && C->frame_parent < 0 &&
            !gathered_to_protest(S, C)) {
            rc = push_note(E, sentence, h->start, h->end, "purpose clause: an aim, not an act");
            continue;
        }
        if (C->mod & (MOD_HEDGE | MOD_COND | MOD_HABIT)) {
            rc = push_note(E, sentence, h->start, h->end,
                           C->mod & MOD_HABIT ? "habitual or generic" : "hedged or conditional");
            continue;
        }
        if (C->mod & MOD_NEG) {
            if (!C->pat->neg) {
                rc = push_note(E, sentence, h->start, h->end, "negated");
                continue;
            }
            C->code = C->pat->neg;
        } else if ((C->mod & MOD_FUTURE) && C->pat->intent && C->code == C->pat->code &&
                   !announced_cut(S, C, cands)) {
            /* (an announced cut in relations, "France will withdraw its
             * ambassador", "China said it would slap tariffs", is the decision
             * itself; only "threatened to" makes it a threat) */
            C->code = C->pat->intent;
        }
        if (!C->why)
            C->why = C->pat->pos == 'N' ? "noun predicate" : "verb predicate";
        uint32_t before = E->n;
        rc = emit_cand(S, C, sentence, tx, ntx, story_date, opt->date_policy, PS, E);
        C->emitted = (int)(E->n - before);
    }
    return rc;
}

/* ---------------------------------------------------------- the document */
static int event_same(const event *a, const event *b)
{
    return !strcmp(a->code, b->code) && !strcmp(a->src.code, b->src.code) && !strcmp(a->tgt.code, b->tgt.code) &&
           a->date.precision == b->date.precision && a->date.value.y == b->date.value.y &&
           a->date.value.m == b->date.value.m && a->date.value.d == b->date.value.d;
}

int coder_run(clio_worker *w, clio_doc *d, const clio_process_options *opt)
{
    const clio_engine *e = w->engine;
    d->coded = NULL;
    if (!e || !e->lex)
        return 0;
    const lexicon *lx = e->lex;
    discourse dc;
    memset(&dc, 0, sizeof dc);
    for (uint32_t s = 0; s < d->nsent; s++)
        if (!(d->sents[s].flags & SENT_BOILERPLATE))
            actors_count(lx, d->toks + d->sents[s].first, d->sents[s].ntok, d->date, &dc);
    evvec E;
    memset(&E, 0, sizeof E);
    int16_t tok2men[CLIO_MAX_SENT_TOKENS + 1];
    ymd story = d->date;
    int rc = 0;
    const gazetteer *gaz = e->gaz;
    where_context *wctx = gaz ? calloc(1, sizeof *wctx) : NULL;
    place story_place;
    int have_story_place = 0;
    for (uint32_t s = 0; s < d->nsent && rc == 0; s++) {
        const sent *st = &d->sents[s];
        if (st->flags & SENT_BOILERPLATE)
            continue;
        sctx S;
        S.places = NULL;
        S.nplaces = 0;
        S.child_start = S.child_list = NULL;
        S.nmen = 0;
        S.d = d;
        S.lx = lx;
        S.t = d->toks + st->first;
        S.n = st->ntok;
        S.sports = -1;
        S.base = st->first;
        S.tok2men = tok2men;
        S.dc = &dc;
        build_children(&S, &d->mem);
        if (!S.child_start || !S.child_list) {
            rc = CLIO_ERR_NOMEM;
            break;
        }
        place pl[MAX_PLACES];
        placeset PS = {pl, 0, have_story_place ? &story_place : NULL};
        dc.place_country[0] = 0;
        if (gaz) {
            PS.n = where_find(gaz, S.t, S.n, d->text, wctx, pl, MAX_PLACES);
            for (size_t i = 0; i < PS.n; i++) {
                where_context_note(wctx, gaz, &pl[i]);
                if (pl[i].cue == PLACE_CUE_DATELINE && !have_story_place) {
                    story_place = pl[i];
                    have_story_place = 1;
                    if (pl[i].country[0])
                        memcpy(dc.story_country, pl[i].country, 4);
                }
                if (!dc.place_country[0] && pl[i].precision != PLACE_COUNTRY && pl[i].country[0] &&
                    pl[i].cue != PLACE_CUE_DATELINE)
                    memcpy(dc.place_country, pl[i].country, 4);
            }
        }
        S.places = pl;
        S.nplaces = PS.n;
        S.nmen = actors_find(lx, S.t, S.n, d->date, &dc, S.men, MAX_MENTIONS, tok2men);
        if (gaz) {
            capital_places(gaz, &S, &dc, pl, &PS.n, MAX_PLACES);
            unlisted_towns(&S, &d->mem, pl, &PS.n, MAX_PLACES);
        }
        timex tx[MAX_TIMEX];
        size_t ntx = when_find(S.t, S.n, d->text, d->date, tx, MAX_TIMEX);
        /* a dateline date dates the story */
        for (size_t i = 0; i < ntx; i++)
            if (tx[i].kind == WHEN_DATELINE && tx[i].precision == WHEN_DAY)
                story = tx[i].value;
        if (gaz) {
            for (uint32_t m = 0; m < S.nmen; m++)
                for (int c = 0; c < S.men[m].ncodes; c++)
                    where_context_note_iso3(wctx, gaz, S.men[m].codes[c]);
        }
        for (uint32_t m = 0; opt && opt->explain && m < S.nmen && rc == 0; m++) {
            char lab[64] = "";
            size_t k = 0;
            for (int c = 0; c < S.men[m].ncodes && k + 18 < sizeof lab; c++)
                k += (size_t)snprintf(lab + k, sizeof lab - k, "%s%s", c ? "+" : "", S.men[m].codes[c]);
            rc = push_span(&E, s, S.t[S.men[m].first].start, S.t[S.men[m].last].end, 'A', lab, S.men[m].how);
        }
        for (size_t i = 0; opt && opt->explain && i < ntx && rc == 0; i++) {
            char lab[64];
            when_format(&tx[i], lab, sizeof lab);
            rc = push_span(&E, s, tx[i].start, tx[i].end, 'D', lab,
                           tx[i].kind == WHEN_DATELINE ? "dateline" : tx[i].kind == WHEN_RELATIVE ? "relative to the document date" : "date");
        }
        for (size_t i = 0; gaz && opt && opt->explain && i < PS.n && rc == 0; i++) {
            char lab[64];
            snprintf(lab, sizeof lab, "%.40s, %s (%.2f, %.2f)", pl[i].name, pl[i].country[0] ? pl[i].country : "-",
                     pl[i].lat, pl[i].lon);
            rc = push_span(&E, s, pl[i].start, pl[i].end, 'P', lab, pl[i].cue == PLACE_CUE_DATELINE ? "dateline" : "place");
        }
        if (rc == 0)
            rc = code_sentence(&S, s, opt, tx, ntx, &story, gaz ? &PS : NULL, &E);
    }
    free(wctx);
    if (rc) {
        free(E.v);
        free(E.notes);
        free(E.spans);
        return rc;
    }
    /* merge repeats: the same act found twice in one sentence (a verb and
     * its noun) is one event, the one with its own date kept; the same
     * event told again later in the story counts as a mention */
    uint32_t kept = 0;
    for (uint32_t i = 0; i < E.n; i++) {
        int dup = -1, same_sentence = 0;
        for (uint32_t j = 0; j < kept; j++) {
            const event *a = &E.v[j], *b = &E.v[i];
            if (a->sentence == b->sentence && !strcmp(a->code, b->code) && !strcmp(a->src.code, b->src.code) &&
                !strcmp(a->tgt.code, b->tgt.code) &&
                (a->date.precision == DPREC_DOCUMENT || b->date.precision == DPREC_DOCUMENT || event_same(a, b))) {
                dup = (int)j;
                same_sentence = 1;
                break;
            }
            if (event_same(a, b)) {
                dup = (int)j;
                break;
            }
        }
        if (dup >= 0 && same_sentence) {
            if (E.v[dup].date.precision == DPREC_DOCUMENT && E.v[i].date.precision != DPREC_DOCUMENT)
                E.v[dup] = E.v[i];
        } else if (dup >= 0) {
            E.v[dup].mentions++;
        } else {
            E.v[kept++] = E.v[i];
        }
    }
    coder_result *cr = arena_alloc(&d->mem, sizeof *cr);
    if (!cr) {
        free(E.v);
        free(E.notes);
        free(E.spans);
        return CLIO_ERR_NOMEM;
    }
    cr->events = arena_alloc(&d->mem, (kept ? kept : 1) * sizeof(event));
    cr->notes = arena_alloc(&d->mem, (E.nnotes ? E.nnotes : 1) * sizeof(struct coder_note));
    if (!cr->events || !cr->notes) {
        free(E.v);
        free(E.notes);
        free(E.spans);
        return CLIO_ERR_NOMEM;
    }
    if (kept)
        memcpy(cr->events, E.v, kept * sizeof(event));
    if (E.nnotes)
        memcpy(cr->notes, E.notes, E.nnotes * sizeof(struct coder_note));
    cr->nevents = kept;
    cr->nnotes = E.nnotes;
    cr->spans = arena_alloc(&d->mem, (E.nspans ? E.nspans : 1) * sizeof(struct coder_span));
    if (cr->spans && E.nspans)
        memcpy(cr->spans, E.spans, E.nspans * sizeof(struct coder_span));
    cr->nspans = cr->spans ? E.nspans : 0;
    free(E.v);
    free(E.notes);
    free(E.spans);
    d->coded = cr;
    return 0;
}

size_t coder_event_count(const clio_doc *d)
{
    return d->coded ? d->coded->nevents : 0;
}

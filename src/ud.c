/*
 * ud.c - names of the Universal Dependencies enums (UPOS, Penn XPOS, deprel)
 * and the FEATS bit set, both ways.
 *
 * Tables are indexed by the enums of internal.h; look-ups by name are
 * linear scans over at most ~70 short strings (used when reading CoNLL-U
 * and when training, never per token in the annotation hot path).
 * Hands on: static strings for emitters, enum values for readers.
 */
#include "internal.h"
#include <string.h>

static const char *const upos_names[UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"
};

static const char *const xpos_names[XPOS_COUNT] = {
    "_", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
    "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR",
    "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
    "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''", "-LRB-", "-RRB-",
    "#", "$", "HYPH", "NFP", "ADD", "AFX", "GW", "XX"
};

static const char *const deprel_names[DEP_COUNT] = {
    "_", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos",
    "aux", "aux:pass", "case", "cc", "cc:preconj", "ccomp", "clf", "compound",
    "compound:prt", "conj", "cop", "csubj", "csubj:pass", "dep", "det",
    "det:predet", "discourse", "dislocated", "expl", "fixed", "flat",
    "goeswith", "iobj", "list", "mark", "nmod", "nmod:poss", "nmod:tmod",
    "nmod:npmod", "nmod:unmarked", "nsubj", "nsubj:pass", "nsubj:outer",
    "nummod", "obj", "obl", "obl:agent", "obl:npmod", "obl:tmod",
    "obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "root",
    "vocative", "xcomp", "det:poss", "flat:foreign", "compound:lvc",
    "expl:pv", "advmod:emph", "nmod:desc", "obl:outer"
};

const char *upos_name(int upos)
{
    return (upos >= 0 && upos < UPOS_COUNT) ? upos_names[upos] : "_";
}

const char *xpos_name(int xpos)
{
    return (xpos >= 0 && xpos < XPOS_COUNT) ? xpos_names[xpos] : "_";
}

const char *deprel_name(int deprel)
{
    return (deprel >= 0 && deprel < DEP_COUNT) ? deprel_names[deprel] : "_";
}

static int find_name(const char *const *names, int count, const char *s, size_t n)
{
    for (int i = 1; i < count; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return i;
    return 0;
}

int upos_from_name(const char *s, size_t n) { return find_name(upos_names, UPOS_COUNT, s, n); }
int xpos_from_name(const char *s, size_t n) { return find_name(xpos_names, XPOS_COUNT, s, n); }

int deprel_from_name(const char *s, size_t n)
{
    int d = find_name(deprel_names, DEP_COUNT, s, n);
    if (d)
        return d;
    const char *colon = memchr(s, ':', n);
    if (colon)
        return find_name(deprel_names, DEP_COUNT, s, (size_t)(colon - s));
    return 0;
}

/* FEATS in UD's order (alphabetical by feature name, then value). */
static const struct { const char *text; uint32_t bit; } feat_table[] = {
    { "Degree=Cmp", FEAT_DEGREE_CMP },   { "Degree=Sup", FEAT_DEGREE_SUP },
    { "Mood=Imp", FEAT_MOOD_IMP },       { "Mood=Ind", FEAT_MOOD_IND },
    { "Number=Plur", FEAT_NUMBER_PLUR }, { "Number=Sing", FEAT_NUMBER_SING },
    { "Person=1", FEAT_PERSON_1 },       { "Person=2", FEAT_PERSON_2 },
    { "Person=3", FEAT_PERSON_3 },       { "Polarity=Neg", FEAT_POLARITY_NEG },
    { "Poss=Yes", FEAT_POSS },           { "PronType=Prs", FEAT_PRONTYPE_PRS },
    { "Tense=Fut", FEAT_TENSE_FUT },     { "Tense=Past", FEAT_TENSE_PAST },
    { "Tense=Pres", FEAT_TENSE_PRES },   { "VerbForm=Fin", FEAT_VERBFORM_FIN },
    { "VerbForm=Ger", FEAT_VERBFORM_GER }, { "VerbForm=Inf", FEAT_VERBFORM_INF },
    { "VerbForm=Part", FEAT_VERBFORM_PART }, { "Voice=Pass", FEAT_VOICE_PASS },
};
#define FEAT_TABLE_N (sizeof feat_table / sizeof feat_table[0])

size_t feats_format(uint32_t feats, char *out, size_t cap)
{
    size_t len = 0;
    char prev_name[16] = "";
    for (size_t i = 0; i < FEAT_TABLE_N; i++) {
        if (!(feats & feat_table[i].bit))
            continue;
        const char *t = feat_table[i].text;
        size_t name_len = (size_t)(strchr(t, '=') - t);
        /* Two values of one feature (never produced by the tagger) are
         * written UD-style as Name=A,B. */
        int same = strlen(prev_name) == name_len && memcmp(prev_name, t, name_len) == 0;
        const char *piece = same ? t + name_len : t;
        size_t plen = strlen(piece);
        if (same) { piece++; plen--; }
        size_t need = plen + 1;
        if (len + need < cap) {
            if (len)
                out[len] = same ? ',' : '|';
            memcpy(out + len + (len ? 1 : 0), piece, plen);
        }
        len += plen + (len ? 1 : 0);
        memcpy(prev_name, t, name_len);
        prev_name[name_len] = 0;
    }
    if (len == 0) {
        if (cap >= 2) { out[0] = '_'; out[1] = 0; }
        return 1;
    }
    if (len < cap)
        out[len] = 0;
    else if (cap)
        out[cap - 1] = 0;
    return len;
}

uint32_t feats_parse(const char *s, size_t n)
{
    uint32_t bits = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '|')
            j++;
        const char *eq = memchr(s + i, '=', j - i);
        if (eq) {
            size_t name_len = (size_t)(eq - (s + i));
            /* values may be a comma list: Name=A,B */
            size_t v = (size_t)(eq - s) + 1;
            while (v < j) {
                size_t w = v;
                while (w < j && s[w] != ',')
                    w++;
                for (size_t k = 0; k < FEAT_TABLE_N; k++) {
                    const char *t = feat_table[k].text;
                    if (strncmp(t, s + i, name_len) == 0 && t[name_len] == '=' &&
                        strlen(t + name_len + 1) == w - v &&
                        memcmp(t + name_len + 1, s + v, w - v) == 0)
                        bits |= feat_table[k].bit;
                }
                v = w + 1;
            }
        }
        i = j + 1;
    }
    return bits;
}

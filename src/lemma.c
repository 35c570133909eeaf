/*
 * lemma.c - lemmas and morphological feature bits of tagged words.
 *
 * Algorithm: (1) an exception map keyed by (lower-cased form, XPOS), learned
 * from the treebanks' lemmas (only where the rules below are wrong) and
 * from the WordNet exception lists at training time; (2) otherwise the
 * longest known suffix rule for (XPOS, last 0..5 bytes), also learned from
 * the treebanks by word type: "cut k bytes, append s" ("-ies" NNS -> cut
 * 3, append "y").  The tag picks the reading of ambiguous forms ("saw"
 * VBD -> see, "saw" NN -> saw).  Feature bits come from the XPOS, the
 * pronoun's form and, for Voice=Pass, an aux:pass child.
 * Hands on: lemma strings and feats to the token; the coder matches on them.
 */
#include "syntax_internal.h"
#include <string.h>

uint64_t syn_lemma_key(const char *lower, size_t n, int xpos)
{
    return syn_hash_bytes(lower, n, 0x100u + (uint64_t)xpos);
}

uint64_t syn_rule_key(const char *suffix, size_t n, int xpos)
{
    return syn_hash_bytes(suffix, n, 0x10000u + (uint64_t)xpos * 16 + n);
}

size_t syn_lemma(const syn_strmap *lm, const char *lower, size_t n, int xpos,
                 char *out, size_t cap, const char **model_str)
{
    *model_str = NULL;
    if (!lm->keys) {
        if (n > cap) n = cap;
        memcpy(out, lower, n);
        return n;
    }
    int32_t slot = syn_strmap_find(lm, syn_lemma_key(lower, n, xpos));
    if (slot >= 0 && lm->strip[slot] == 0) {
        *model_str = lm->pool + lm->off[slot];
        return lm->len[slot];
    }
    /* an irregular past form known under the other past tag ("withdrawn"
     * seen as VBN only, read here as VBD); base and present forms are not
     * swapped: "lay" VB is lay, "lay" VBD is lie */
    if (xpos == XPOS_VBD || xpos == XPOS_VBN) {
        int32_t s2 = syn_strmap_find(lm, syn_lemma_key(lower, n, xpos == XPOS_VBD ? XPOS_VBN : XPOS_VBD));
        if (s2 >= 0 && lm->strip[s2] == 0) {
            *model_str = lm->pool + lm->off[s2];
            return lm->len[s2];
        }
    }
    size_t maxl = n < SYN_RULE_MAX_SUFFIX ? n : SYN_RULE_MAX_SUFFIX;
    for (size_t l = maxl + 1; l-- > 0;) {
        slot = syn_strmap_find(lm, syn_rule_key(lower + n - l, l, xpos));
        if (slot < 0)
            continue;
        size_t strip = (size_t)lm->strip[slot] - 1;   /* rules store strip + 1 */
        size_t app = lm->len[slot];
        if (strip >= n || n - strip + app > cap)
            break;
        memcpy(out, lower, n - strip);
        memcpy(out + n - strip, lm->pool + lm->off[slot], app);
        return n - strip + app;
    }
    if (n > cap) n = cap;
    memcpy(out, lower, n);
    return n;
}

static int is_word(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

static uint32_t pronoun_person(const char *s, size_t n)
{
    static const char *const p1[] = { "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", NULL };
    static const char *const p2[] = { "you", "your", "yours", "yourself", "yourselves", "ya", "u", "thou", NULL };
    static const char *const pl[] = { "we", "us", "our", "ours", "ourselves", "they", "them", "their", "theirs", "themselves", NULL };
    uint32_t f = FEAT_PERSON_3;
    for (int i = 0; p1[i]; i++)
        if (is_word(s, n, p1[i])) f = FEAT_PERSON_1;
    for (int i = 0; p2[i]; i++)
        if (is_word(s, n, p2[i])) f = FEAT_PERSON_2;
    if (f != FEAT_PERSON_2) {
        f |= FEAT_NUMBER_SING;
        for (int i = 0; pl[i]; i++)
            if (is_word(s, n, pl[i])) f = (f & ~(uint32_t)FEAT_NUMBER_SING) | FEAT_NUMBER_PLUR;
    }
    return f;
}

uint32_t syn_feats(int xpos, const char *lower, size_t n, uint64_t child_labels)
{
    switch (xpos) {
    case XPOS_NN: case XPOS_NNP: return FEAT_NUMBER_SING;
    case XPOS_NNS: case XPOS_NNPS: return FEAT_NUMBER_PLUR;
    case XPOS_VB: return FEAT_VERBFORM_INF;
    case XPOS_VBD: return FEAT_TENSE_PAST | FEAT_VERBFORM_FIN | FEAT_MOOD_IND;
    case XPOS_VBG: return FEAT_TENSE_PRES | FEAT_VERBFORM_PART;
    case XPOS_VBN:
        return FEAT_TENSE_PAST | FEAT_VERBFORM_PART |
               ((child_labels & (1ull << DEP_AUX_PASS)) ? FEAT_VOICE_PASS : 0);
    case XPOS_VBP: return FEAT_TENSE_PRES | FEAT_VERBFORM_FIN | FEAT_MOOD_IND;
    case XPOS_VBZ:
        return FEAT_TENSE_PRES | FEAT_VERBFORM_FIN | FEAT_MOOD_IND |
               FEAT_NUMBER_SING | FEAT_PERSON_3;
    case XPOS_MD: return FEAT_VERBFORM_FIN;
    case XPOS_JJR: case XPOS_RBR: return FEAT_DEGREE_CMP;
    case XPOS_JJS: case XPOS_RBS: return FEAT_DEGREE_SUP;
    case XPOS_PRP: return FEAT_PRONTYPE_PRS | pronoun_person(lower, n);
    case XPOS_PRPS: return FEAT_PRONTYPE_PRS | FEAT_POSS | pronoun_person(lower, n);
    case XPOS_RB:
        if (is_word(lower, n, "not") || is_word(lower, n, "n't") || is_word(lower, n, "never"))
            return FEAT_POLARITY_NEG;
        return 0;
    default: return 0;
    }
}

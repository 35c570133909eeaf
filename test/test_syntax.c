/*
 * test_syntax.c - the syntax stage: UD name tables, model loading (missing
 * and corrupt files rejected), annotation of a few sentences of our own,
 * and well-formed trees on awkward input (1 token, 400 tokens, punctuation
 * only, unknown words, Cyrillic and Arabic).  Skips the model checks when
 * data/models/syntax.bin has not been trained.
 */
#include "check.h"
#include "syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int well_formed(const tok *t, uint32_t n)
{
    int roots = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (t[i].head == -1) roots++;
        else if (t[i].head < 0 || (uint32_t)t[i].head >= n || (uint32_t)t[i].head == i) return 0;
        if (t[i].upos == 0 || t[i].xpos == 0 || t[i].deprel == 0) return 0;
        if (!t[i].lemma && t[i].lemma_len) return 0;
    }
    if (roots != 1) return 0;
    for (uint32_t i = 0; i < n; i++) {
        int32_t x = (int32_t)i;
        uint32_t steps = 0;
        while (x >= 0 && steps++ <= n) x = t[x].head;
        if (x >= 0) return 0;   /* cycle */
    }
    for (uint32_t i = 0; i < n; i++)
        if ((t[i].head == -1) != (t[i].deprel == DEP_ROOT)) return 0;
    return 1;
}

/* Splits s on spaces into toks (forms point into s). */
static uint32_t tokens_of(char *s, tok *t, uint32_t cap)
{
    uint32_t n = 0;
    char *p = s;
    while (*p && n < cap) {
        while (*p == ' ') p++;
        if (!*p) break;
        char *q = p;
        while (*q && *q != ' ') q++;
        memset(&t[n], 0, sizeof t[n]);
        t[n].form = p;
        t[n].form_len = (uint32_t)(q - p);
        n++;
        p = q;
    }
    return n;
}

/* the same with folded keys and byte offsets, as the segmenter gives
 * them (the wire-copy repairs read the folds) */
static uint32_t tokens_folded(char *s, char *folds, tok *t, uint32_t cap)
{
    uint32_t n = tokens_of(s, t, cap);
    for (uint32_t i = 0; i < n; i++) {
        char *f = folds + (t[i].form - s);
        for (uint32_t k = 0; k < t[i].form_len; k++)
            f[k] = (char)((t[i].form[k] >= 'A' && t[i].form[k] <= 'Z') ? t[i].form[k] + 32 : t[i].form[k]);
        t[i].fold = f;
        t[i].fold_len = t[i].form_len;
        t[i].start = (uint32_t)(t[i].form - s);
        t[i].end = t[i].start + t[i].form_len;
    }
    return n;
}

static int find(const tok *t, uint32_t n, const char *form)
{
    for (uint32_t i = 0; i < n; i++)
        if (t[i].form_len == strlen(form) && memcmp(t[i].form, form, t[i].form_len) == 0)
            return (int)i;
    return -1;
}

static void test_names(void)
{
    CHECK_EQ_STR(upos_name(UPOS_PROPN), "PROPN", "upos name");
    CHECK_EQ_STR(xpos_name(XPOS_PRPS), "PRP$", "xpos name PRP$");
    CHECK_EQ_STR(deprel_name(DEP_NSUBJ_PASS), "nsubj:pass", "deprel name");
    CHECK_EQ_INT(upos_from_name("VERB", 4), UPOS_VERB, "upos from name");
    CHECK_EQ_INT(xpos_from_name("-LRB-", 5), XPOS_LRB, "xpos from name");
    CHECK_EQ_INT(deprel_from_name("obl:tmod", 8), DEP_OBL_TMOD, "deprel with subtype");
    CHECK_EQ_INT(deprel_from_name("csubj:outer", 11), DEP_CSUBJ, "unknown subtype -> base");
    CHECK_EQ_INT(deprel_from_name("nonsense", 8), 0, "unknown deprel -> 0");
    char fb[128];
    uint32_t f = FEAT_TENSE_PAST | FEAT_VERBFORM_FIN | FEAT_MOOD_IND;
    feats_format(f, fb, sizeof fb);
    CHECK_EQ_STR(fb, "Mood=Ind|Tense=Past|VerbForm=Fin", "feats_format order");
    CHECK_EQ_INT(feats_parse(fb, strlen(fb)), f, "feats_parse round trip");
    feats_format(0, fb, sizeof fb);
    CHECK_EQ_STR(fb, "_", "no feats is _");
    CHECK_EQ_INT(feats_parse("Number=Sing|Foo=Bar", 19), FEAT_NUMBER_SING, "unknown feature ignored");
}

static void test_corrupt(const char *model_path)
{
    clio_error err;
    CHECK(syntax_load("/nonexistent/syntax.bin", &err) == NULL && err.code == CLIO_ERR_IO, "missing model -> IO error");
    FILE *f = fopen(model_path, "rb");
    if (!f) return;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *mem = malloc((size_t)size);
    if (!mem || fread(mem, 1, (size_t)size, f) != (size_t)size) { fclose(f); free(mem); return; }
    fclose(f);
    char tmp[] = "/tmp/clio_test_syntax_XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) { free(mem); return; }
    close(fd);
    struct { const char *what; long len; long flip; } cases[] = {
        { "truncated model rejected", size / 2, -1 },
        { "header only rejected", 64, -1 },
        { "bad magic rejected", size, 0 },
        { "bad version rejected", size, 8 },
        { "bad tag count rejected", size, 12 },
        { "bad slot count rejected", size, 16 },
        { "extra bytes rejected", size + 8, -1 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        FILE *o = fopen(tmp, "wb");
        if (!o) break;
        long len = cases[c].len;
        char *copy = calloc(1, (size_t)len + 8);
        memcpy(copy, mem, (size_t)(len < size ? len : size));
        if (cases[c].flip >= 0) copy[cases[c].flip] ^= 0x5a;
        fwrite(copy, 1, (size_t)len, o);
        fclose(o);
        free(copy);
        syntax_model *m = syntax_load(tmp, &err);
        CHECK(m == NULL && err.code == CLIO_ERR_MODEL, cases[c].what);
        syntax_free(m);
    }
    /* flipping bytes anywhere must never crash (it may load) */
    int crashes = 0;
    for (long pos = 0; pos < size; pos += size / 97 + 1) {
        FILE *o = fopen(tmp, "wb");
        if (!o) break;
        mem[pos] ^= (char)0xff;
        fwrite(mem, 1, (size_t)size, o);
        mem[pos] ^= (char)0xff;
        fclose(o);
        syntax_model *m = syntax_load(tmp, &err);
        if (m) {
            syntax_ws *ws = syntax_ws_new(m);
            char s[] = "The cat sat on the mat .";
            tok t[16];
            uint32_t n = tokens_of(s, t, 16);
            if (ws && syntax_annotate(m, ws, t, n, NULL) == 0 && !well_formed(t, n)) crashes++;
            syntax_ws_free(ws);
            syntax_free(m);
        }
    }
    CHECK_EQ_INT(crashes, 0, "damaged models still give trees");
    remove(tmp);
    free(mem);
}

static void test_model(const char *path)
{
    clio_error err;
    syntax_model *m = syntax_load(path, &err);
    CHECK(m != NULL, "model loads");
    if (!m) { printf("# %s\n", err.message); return; }
    syntax_ws *ws = syntax_ws_new(m);
    CHECK(ws != NULL, "workspace");
    arena a = { 0 };
    static tok t[CLIO_MAX_SENT_TOKENS];

    char s1[] = "The old committee approved the revised budget on Tuesday after a long debate .";
    uint32_t n = tokens_of(s1, t, CLIO_MAX_SENT_TOKENS);
    CHECK_EQ_INT(syntax_annotate(m, ws, t, n, &a), 0, "annotate sentence 1");
    CHECK(well_formed(t, n), "sentence 1 tree well formed");
    int v = find(t, n, "approved"), subj = find(t, n, "committee"), obj = find(t, n, "budget");
    CHECK(t[v].head == -1, "approved is the root");
    CHECK(t[subj].head == v && t[subj].deprel == DEP_NSUBJ, "committee nsubj of approved");
    CHECK(t[obj].head == v && t[obj].deprel == DEP_OBJ, "budget obj of approved");
    CHECK(t[v].upos == UPOS_VERB && t[v].xpos == XPOS_VBD, "approved VERB/VBD");
    CHECK(t[v].lemma_len == 7 && memcmp(t[v].lemma, "approve", 7) == 0, "lemma approve");
    CHECK((t[v].feats & FEAT_TENSE_PAST) != 0, "approved Tense=Past");
    CHECK(t[0].lemma_len == 3 && memcmp(t[0].lemma, "the", 3) == 0, "lemma of The is lower case");

    char s2[] = "Two soldiers were killed and the children went home .";
    n = tokens_of(s2, t, CLIO_MAX_SENT_TOKENS);
    CHECK_EQ_INT(syntax_annotate(m, ws, t, n, &a), 0, "annotate sentence 2");
    CHECK(well_formed(t, n), "sentence 2 tree well formed");
    int k = find(t, n, "killed"), s = find(t, n, "soldiers"), w = find(t, n, "went"), c = find(t, n, "children");
    CHECK(t[s].head == k && t[s].deprel == DEP_NSUBJ_PASS, "soldiers nsubj:pass of killed");
    CHECK((t[k].feats & FEAT_VOICE_PASS) != 0, "killed Voice=Pass");
    CHECK(t[w].lemma_len == 2 && memcmp(t[w].lemma, "go", 2) == 0, "went -> go");
    CHECK(t[c].lemma_len == 5 && memcmp(t[c].lemma, "child", 5) == 0, "children -> child");
    CHECK((t[s].feats & FEAT_NUMBER_PLUR) != 0, "soldiers Number=Plur");

    /* wire-copy repairs (syntax_model.c, docs/ARCHITECTURE.md §8 and §13) */
    static char folds[512];
    char w1[] = "German Chancellor Friedrich Merz on Friday halted approvals of arms exports to Israel .";
    n = tokens_folded(w1, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "day between subject and verb: annotates");
    v = find(t, n, "halted");
    CHECK(t[v].head == -1 && t[find(t, n, "Merz")].head == v && t[find(t, n, "Merz")].deprel == DEP_NSUBJ,
          "day between subject and verb: Merz nsubj of halted, the root");
    CHECK(t[find(t, n, "Friday")].head == v && t[find(t, n, "on")].head == find(t, n, "Friday"),
          "day between subject and verb: on Friday hangs on halted");
    char w2[] = "Ukrainian prosecutors opened war crimes investigations against Russian soldiers .";
    n = tokens_folded(w2, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "double object: annotates");
    k = find(t, n, "investigations");
    CHECK(t[k].head == find(t, n, "opened") && t[k].deprel == DEP_OBJ && t[find(t, n, "crimes")].head == k &&
              t[find(t, n, "crimes")].deprel == DEP_COMPOUND,
          "double object: war crimes is a compound of investigations, the object");
    char w3[] = "Gunmen kidnapped up to 16 Russian advisers .";
    n = tokens_folded(w3, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "up to: annotates");
    CHECK(t[find(t, n, "advisers")].head == find(t, n, "kidnapped") && t[find(t, n, "advisers")].deprel == DEP_OBJ,
          "up to: advisers obj of kidnapped");
    char w4[] = "Russia launched a massive missile and drone attack on Kyiv .";
    n = tokens_folded(w4, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "coordinated modifiers: annotates");
    CHECK(t[find(t, n, "attack")].head == find(t, n, "launched") && t[find(t, n, "attack")].deprel == DEP_OBJ &&
              t[find(t, n, "missile")].head == find(t, n, "attack"),
          "coordinated modifiers: attack obj of launched, missile its modifier");
    char w5[] = "Former Prime Minister Shinzo Abe was shot dead by a gunman .";
    n = tokens_folded(w5, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "was shot dead: annotates");
    k = find(t, n, "shot");
    c = find(t, n, "Shinzo");
    CHECK(t[k].upos == UPOS_VERB && t[k].xpos == XPOS_VBN && t[c].head == k && t[c].deprel == DEP_NSUBJ_PASS,
          "was shot dead: shot is the passive participle with (Shinzo) Abe its subject");

    char w6[] = "The International Criminal Court issued arrest warrants on Thursday for Israeli Prime Minister "
                "Benjamin Netanyahu and his former defence minister Yoav Gallant .";
    n = tokens_folded(w6, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "preposition on a verb: annotates");
    c = find(t, n, "Benjamin");
    CHECK(t[find(t, n, "for")].head == c && t[c].head == find(t, n, "issued") && t[c].deprel == DEP_OBL,
          "preposition on a verb: for Benjamin (Netanyahu) is an oblique of issued, not its subject");
    char w7[] = "South Korean investigators arrested impeached President Yoon Suk Yeol at his residence in Seoul on "
                "Wednesday .";
    n = tokens_folded(w7, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "vocative: annotates");
    c = find(t, n, "Yoon");
    CHECK(t[c].head == find(t, n, "arrested") && t[c].deprel == DEP_OBJ && t[find(t, n, "impeached")].head == c,
          "vocative: Yoon is the object of arrested, impeached describes him");
    char w8[] = "Tanzanian police arrested opposition leader Tundu Lissu , and a court in Dar es Salaam later "
                "sentenced him to a year in prison .";
    n = tokens_folded(w8, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "conjunct subject: annotates");
    CHECK(t[find(t, n, "court")].head == find(t, n, "sentenced") && t[find(t, n, "court")].deprel == DEP_NSUBJ,
          "conjunct subject: a court is the subject of sentenced");

    char w9[] = "Russian Foreign Minister Sergei Lavrov described the talks as useful .";
    n = tokens_folded(w9, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "opening title: annotates");
    v = find(t, n, "described");
    CHECK(t[v].head == -1 && t[find(t, n, "Sergei")].head == v && t[find(t, n, "Russian")].head == find(t, n, "Minister"),
          "opening title: described is the root, Russian on the title");
    char w10[] = "Indian External Affairs Minister Subrahmanyam Jaishankar on Saturday rejected U.S. pressure .";
    n = tokens_folded(w10, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "opening title 2: annotates");
    v = find(t, n, "rejected");
    CHECK(t[v].head == -1 && t[find(t, n, "Subrahmanyam")].head == v &&
              t[find(t, n, "Subrahmanyam")].deprel == DEP_NSUBJ && t[find(t, n, "Affairs")].head != v &&
              t[find(t, n, "Indian")].head != v,
          "opening title 2: one subject, the title words inside it");

    char w11[] = "Gunmen shot dead a Mexican journalist in Veracruz .";
    n = tokens_folded(w11, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "no finite verb: annotates");
    v = find(t, n, "shot");
    CHECK(t[v].head == -1 && t[v].xpos == XPOS_VBD && t[find(t, n, "Gunmen")].head == v &&
              t[find(t, n, "journalist")].head == v,
          "no finite verb: shot is the verb of Gunmen ... journalist");
    char w12[] = "Russian troops advanced on Pokrovsk .";
    n = tokens_folded(w12, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "advanced on: annotates");
    v = find(t, n, "advanced");
    CHECK(t[v].head == -1 && t[find(t, n, "troops")].head == v && t[find(t, n, "troops")].deprel == DEP_NSUBJ,
          "advanced on: advanced is the verb");
    char w13[] = "Israel withheld tax revenues from the Palestinian Authority .";
    n = tokens_folded(w13, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "withheld: annotates");
    v = find(t, n, "withheld");
    CHECK(t[v].head == -1 && t[find(t, n, "revenues")].head == v, "withheld is the verb, revenues its object");
    char w14[] = "Masked gunmen stormed the building .";
    n = tokens_folded(w14, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "Masked gunmen: annotates");
    v = find(t, n, "stormed");
    CHECK(t[v].head == -1 && t[find(t, n, "gunmen")].head == v && t[0].head == find(t, n, "gunmen"),
          "Masked gunmen: stormed is the root, Masked describes gunmen");

    char w15[] = "Israel attacked Lebanon , Syria and Yemen .";
    n = tokens_folded(w15, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "list: annotates");
    c = find(t, n, "Lebanon");
    CHECK(t[c].head == find(t, n, "attacked") && t[find(t, n, "Syria")].head == c &&
              t[find(t, n, "Syria")].deprel == DEP_CONJ && t[find(t, n, "Yemen")].head == c,
          "list: Syria and Yemen are conjuncts of the object Lebanon");

    char w16[] = "Russia ordered U.S. diplomats to leave .";
    n = tokens_folded(w16, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "ordered X to: annotates");
    CHECK(t[find(t, n, "leave")].head == find(t, n, "ordered") && t[find(t, n, "leave")].deprel == DEP_XCOMP,
          "ordered X to: leave is the complement of ordered, not a modifier of diplomats");
    char w17[] = "Kenya sent a further 200 police officers to Haiti to reinforce the mission .";
    n = tokens_folded(w17, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "sent X to Y to: annotates");
    v = find(t, n, "sent");
    CHECK(t[find(t, n, "Haiti")].head == v && t[find(t, n, "reinforce")].head == v,
          "sent X to Y to: to Haiti and the purpose clause hang on sent");

    char w18[] = "Ukraine accused Russia of torturing prisoners .";
    n = tokens_folded(w18, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "accused of -ing: annotates");
    k = find(t, n, "torturing");
    CHECK(t[k].head == find(t, n, "accused") && t[k].upos == UPOS_VERB && t[find(t, n, "prisoners")].head == k &&
              t[find(t, n, "prisoners")].deprel == DEP_OBJ && t[find(t, n, "of")].head == k,
          "accused of -ing: torturing is a clause on accused with prisoners its object");

    char w19[] = "Russia pulled out of Mali .";
    n = tokens_folded(w19, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "pulled out of: annotates");
    v = find(t, n, "pulled");
    CHECK(t[find(t, n, "out")].head == v && t[find(t, n, "out")].deprel == DEP_COMPOUND_PRT &&
              t[find(t, n, "Mali")].head == v && t[find(t, n, "of")].head == find(t, n, "Mali"),
          "pulled out of: out is the particle, of Mali the oblique");

    char w20[] = "The rebels held two French citizens hostage .";
    n = tokens_folded(w20, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "held X hostage: annotates");
    v = find(t, n, "held");
    CHECK(t[find(t, n, "citizens")].head == v && t[find(t, n, "citizens")].deprel == DEP_OBJ &&
              t[find(t, n, "hostage")].head == v && t[find(t, n, "hostage")].deprel == DEP_XCOMP &&
              t[find(t, n, "two")].head == find(t, n, "citizens"),
          "held X hostage: citizens the object, hostage the complement");

    char w21[] = "The United States will send Ukraine long - range ATACMS missiles .";
    n = tokens_folded(w21, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "send X Y: annotates");
    v = find(t, n, "send");
    CHECK(t[find(t, n, "Ukraine")].head == v && t[find(t, n, "Ukraine")].deprel == DEP_IOBJ &&
              t[find(t, n, "missiles")].head == v && t[find(t, n, "missiles")].deprel == DEP_OBJ,
          "send X Y: Ukraine the indirect object, missiles the object");
    char w22[] = "China granted Pakistan a $ 2 billion loan .";
    n = tokens_folded(w22, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "granted X a loan: annotates");
    v = find(t, n, "granted");
    CHECK(t[find(t, n, "Pakistan")].head == v && t[find(t, n, "loan")].head == v &&
              t[find(t, n, "loan")].deprel == DEP_OBJ,
          "granted X a loan: Pakistan and the loan both on granted");

    char w23[] = "Netanyahu plans to visit Washington .";
    n = tokens_folded(w23, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "plans to: annotates");
    v = find(t, n, "plans");
    CHECK(t[v].head == -1 && t[v].upos == UPOS_VERB && t[0].head == v && t[0].deprel == DEP_NSUBJ,
          "plans to: plans is the verb with Netanyahu its subject");
    char w24[] = "Qatar helped broker a deal .";
    n = tokens_folded(w24, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "helped broker: annotates");
    k = find(t, n, "broker");
    CHECK(t[k].upos == UPOS_VERB && t[k].head == find(t, n, "helped") && t[find(t, n, "deal")].head == k,
          "helped broker: broker is the verb of a deal");
    char w25[] = "Guterres voiced alarm at the escalation in Gaza .";
    n = tokens_folded(w25, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "voiced: annotates");
    v = find(t, n, "voiced");
    CHECK(t[v].head == -1 && t[v].upos == UPOS_VERB && t[find(t, n, "alarm")].head == v,
          "voiced: the verb, alarm its object");
    char w26[] = "China demanded the United States revoke the sanctions .";
    n = tokens_folded(w26, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "demanded X revoke: annotates");
    k = find(t, n, "revoke");
    CHECK(t[k].upos == UPOS_VERB && t[k].head == find(t, n, "demanded") && t[find(t, n, "sanctions")].head == k,
          "demanded X revoke: revoke a verb under demanded, with the sanctions");

    char w27[] = "Germany halted arms exports to Israel .";
    n = tokens_folded(w27, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "arms exports: annotates");
    k = find(t, n, "exports");
    CHECK(t[k].upos == UPOS_NOUN && t[k].head == find(t, n, "halted") && t[k].deprel == DEP_OBJ,
          "arms exports: exports the noun object of halted");
    char w28[] = "Ukraine signed a minerals deal with the United States .";
    n = tokens_folded(w28, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "a minerals deal: annotates");
    k = find(t, n, "deal");
    CHECK(t[k].upos == UPOS_NOUN && t[k].head == find(t, n, "signed") && t[find(t, n, "minerals")].head == k,
          "a minerals deal: deal the object, minerals its modifier");
    char w29[] = "Hamas rejected Israel 's latest ceasefire proposal .";
    n = tokens_folded(w29, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "ceasefire proposal: annotates");
    CHECK(t[find(t, n, "ceasefire")].upos == UPOS_NOUN, "ceasefire proposal: ceasefire is a noun");
    char w30[] = "Trump announced sweeping tariffs on Chinese goods .";
    n = tokens_folded(w30, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "sweeping tariffs: annotates");
    CHECK(t[find(t, n, "tariffs")].head == find(t, n, "announced") && t[find(t, n, "sweeping")].upos == UPOS_ADJ,
          "sweeping tariffs: tariffs the object, sweeping an adjective");
    char w31[] = "China pushed back against U.S. claims that it supplied Russia .";
    n = tokens_folded(w31, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "U.S. claims: annotates");
    CHECK(t[find(t, n, "claims")].upos == UPOS_NOUN, "U.S. claims: claims is a noun");

    /* "J-10C": the segmenter splits at the hyphen, the three glued */
    {
        static char w32s[] = "China supplied Pakistan with J - 10C fighter jets .";
        n = tokens_folded(w32s, folds, t, CLIO_MAX_SENT_TOKENS);
        int j = find(t, n, "J");
        for (int q = j + 1; q < (int)n; q++) { t[q].start -= 2; t[q].end -= 2; }
        t[j + 1].start = t[j].end; t[j + 1].end = t[j].end + 1; t[j + 2].start = t[j + 1].end;
    }
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "model designation: annotates");
    k = find(t, n, "jets");
    CHECK(t[k].head == find(t, n, "supplied") && t[find(t, n, "with")].head == k && t[find(t, n, "J")].head == k,
          "model designation: with J-10C fighter jets is one phrase on supplied");

    char w33[] = "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev signed a joint "
                 "declaration .";
    n = tokens_folded(w33, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "titled pair: annotates");
    v = find(t, n, "signed");
    c = find(t, n, "Nikol");
    CHECK(t[v].head == -1 && t[c].head == v && t[c].deprel == DEP_NSUBJ && t[find(t, n, "Ilham")].head == c &&
              t[find(t, n, "Ilham")].deprel == DEP_CONJ && t[find(t, n, "Azerbaijani")].head != c,
          "titled pair: Nikol (Pashinyan) and Ilham (Aliyev) the coordinated subject of signed");
    char w34[] = "Russian President Vladimir Putin and Chinese President Xi Jinping signed a statement .";
    n = tokens_folded(w34, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "titled pair 2: annotates");
    v = find(t, n, "signed");
    CHECK(t[v].head == -1 && t[find(t, n, "Vladimir")].head == v && t[find(t, n, "Xi")].head == find(t, n, "Vladimir"),
          "titled pair 2: signed the root, Putin and Xi its subject");
    char w35[] = "The two leaders pledged at a meeting in Argyle , St Vincent , on Thursday that they would talk .";
    n = tokens_folded(w35, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "place apposition: annotates");
    c = find(t, n, "Vincent");
    CHECK(t[c].head == find(t, n, "Argyle") && t[c].deprel == DEP_APPOS,
          "place apposition: St Vincent is the apposition of Argyle, not the verb's object");

    char w36[] = "Israel froze tax revenues owed to the Palestinian Authority .";
    n = tokens_folded(w36, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "froze X owed to: annotates");
    v = find(t, n, "froze");
    k = find(t, n, "revenues");
    CHECK(t[v].head == -1 && t[k].head == v && t[k].deprel == DEP_OBJ && t[find(t, n, "owed")].head == k,
          "froze X owed to: froze the verb, revenues its object, owed describes them");

    {
        /* "tear-gassed": split at the hyphen, the three glued */
        static char w37[] = "Police tear - gassed protesters .";
        n = tokens_folded(w37, folds, t, CLIO_MAX_SENT_TOKENS);
        int j = find(t, n, "tear");
        for (int q = j + 1; q < (int)n; q++) { t[q].start -= 2; t[q].end -= 2; }
        t[j + 1].start = t[j].end; t[j + 1].end = t[j].end + 1; t[j + 2].start = t[j + 1].end;
    }
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "tear-gassed: annotates");
    v = find(t, n, "gassed");
    CHECK(t[v].head == -1 && t[find(t, n, "Police")].head == v && t[find(t, n, "protesters")].head == v &&
              t[find(t, n, "tear")].head == v,
          "tear-gassed: gassed the root with Police and protesters, tear its compound");
    char w38[] = "Trump and Putin spoke for more than two hours on the phone on Tuesday .";
    n = tokens_folded(w38, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "on the phone: annotates");
    v = find(t, n, "spoke");
    CHECK(t[find(t, n, "phone")].head == v && t[find(t, n, "Tuesday")].head == v,
          "on the phone: the phone and the day hang on spoke, not on hours");
    char w39[] = "Gunmen shot dead Ecuadorean presidential candidate Fernando Villavicencio .";
    n = tokens_folded(w39, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "shot dead: annotates");
    CHECK(t[find(t, n, "dead")].head == find(t, n, "shot") && t[find(t, n, "candidate")].head == find(t, n, "shot"),
          "shot dead: dead is the verb's, the candidate its object");

    char w40[] = "The State Department approved the sale of 20,000 assault rifles to Israel .";
    n = tokens_folded(w40, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "sale of X to Y: annotates");
    CHECK(t[find(t, n, "Israel")].head == find(t, n, "sale"), "sale of X to Y: to Israel is the sale's");

    char w41[] = "North Korean leader Kim Jong Un and Russian President Vladimir Putin held talks in Vladivostok .";
    n = tokens_folded(w41, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "titled pair 3: annotates");
    c = find(t, n, "Kim");
    CHECK(t[c].head == find(t, n, "held") && t[find(t, n, "Vladimir")].head == c &&
              t[find(t, n, "Russian")].head != c,
          "titled pair 3: Kim and Vladimir (Putin) the subject, Russian inside Putin's title");
    char w42[] = "Critics accused the government of ignoring warnings .";
    n = tokens_folded(w42, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "accused of -ing 2: annotates");
    k = find(t, n, "ignoring");
    CHECK(t[k].head == find(t, n, "accused") && t[find(t, n, "warnings")].head == k,
          "accused of -ing 2: ignoring a clause on accused, warnings its object");

    {
        /* "Secretary-General": split at the hyphen, the three glued */
        static char w43[] = "United Nations Secretary - General Antonio Guterres on Monday condemned the attack .";
        n = tokens_folded(w43, folds, t, CLIO_MAX_SENT_TOKENS);
        int j = find(t, n, "Secretary");
        for (int q = j + 1; q < (int)n; q++) { t[q].start -= 2; t[q].end -= 2; }
        t[j + 1].start = t[j].end; t[j + 1].end = t[j].end + 1; t[j + 2].start = t[j + 1].end;
    }
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "opening name: annotates");
    v = find(t, n, "condemned");
    c = find(t, n, "United");
    CHECK(t[v].head == -1 && !(t[c].head == v) && t[find(t, n, "General")].head == v,
          "opening name: one subject, United inside it");

    char w44[] = "British Foreign Secretary David Cameron said on Monday he had spoken to Israeli Foreign Minister "
                 "Israel Katz .";
    n = tokens_folded(w44, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "said on Monday he: annotates");
    k = find(t, n, "spoken");
    c = find(t, n, "to");
    CHECK(t[k].head == find(t, n, "said") && t[k].deprel == DEP_CCOMP && t[t[c].head].head == k &&
              t[c].deprel == DEP_CASE,
          "said on Monday he: spoken the complement of said, to marks the minister");

    char w45[] = "Protesters set fire to the parliament building in Kathmandu on Tuesday .";
    n = tokens_folded(w45, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "set fire: annotates");
    v = find(t, n, "set");
    CHECK(t[v].head == -1 && t[v].upos == UPOS_VERB && t[find(t, n, "fire")].head == v,
          "set fire: set is the verb, fire its object");
    char w46[] = "Thailand suspended the declaration , after a landmine blast wounded two Thai soldiers .";
    n = tokens_folded(w46, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "after a clause: annotates");
    k = find(t, n, "wounded");
    CHECK(t[find(t, n, "after")].head == k && t[find(t, n, "after")].deprel == DEP_MARK &&
              t[find(t, n, "blast")].head == k,
          "after a clause: after marks wounded, blast its subject");

    char w47[] = "Gunmen shot dead Ecuadorean presidential candidate Fernando Villavicencio as he left a campaign "
                 "rally in Quito .";
    n = tokens_folded(w47, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "shot dead, as he left: annotates");
    v = find(t, n, "shot");
    CHECK(t[v].head == -1 && t[v].upos == UPOS_VERB && t[find(t, n, "candidate")].head == v,
          "shot dead, as he left: shot the root, the candidate its object");
    char w48[] = "China 's commerce ministry banned exports of gallium to the United States on Tuesday .";
    n = tokens_folded(w48, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "ministry banned: annotates");
    v = find(t, n, "banned");
    CHECK(t[v].head == -1 && t[v].xpos == XPOS_VBD && t[find(t, n, "ministry")].head == v &&
              t[find(t, n, "exports")].head == v,
          "ministry banned: banned the verb, exports its object");

    char w49[] = "Militiamen stormed the village and torched homes .";
    n = tokens_folded(w49, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "and torched: annotates");
    k = find(t, n, "torched");
    CHECK(t[k].upos == UPOS_VERB && t[k].head == find(t, n, "stormed") && t[find(t, n, "homes")].head == k,
          "and torched: a second verb with homes its object");
    char w50[] = "Hamas held 250 people hostage .";
    n = tokens_folded(w50, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "held people hostage: annotates");
    CHECK(t[find(t, n, "people")].head == find(t, n, "held") && t[find(t, n, "people")].deprel == DEP_OBJ,
          "held people hostage: people the object");
    char w51[] = "The court accused the minister of taking bribes .";
    n = tokens_folded(w51, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "accused of taking: annotates");
    CHECK(t[find(t, n, "taking")].head == find(t, n, "accused"), "accused of taking: taking a clause on accused");

    char w52[] = "Denmark has handed over the first jets to Ukraine , Danish Prime Minister Mette Frederiksen said on "
                 "Wednesday , fulfilling a pledge .";
    n = tokens_folded(w52, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "mid attribution: annotates");
    v = find(t, n, "said");
    CHECK(t[find(t, n, "Frederiksen")].head == v && t[find(t, n, "Frederiksen")].deprel == DEP_NSUBJ,
          "mid attribution: Frederiksen the subject of said");
    char w53[] = "Ukrainian President Volodymyr Zelensky said on Thursday that Kyiv had passed documents to Moldova .";
    n = tokens_folded(w53, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "said on Thursday that: annotates");
    k = find(t, n, "passed");
    CHECK(t[k].head == find(t, n, "said") && t[find(t, n, "that")].head == k,
          "said on Thursday that: the clause the complement of said, that its marker");

    char w54[] = "The first Patriot system was delivered to Ukraine on Wednesday , Ukraine 's defence minister said .";
    n = tokens_folded(w54, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "possessive attribution: annotates");
    CHECK(t[find(t, n, "minister")].head == find(t, n, "said") && t[find(t, n, "minister")].deprel == DEP_NSUBJ,
          "possessive attribution: Ukraine's defence minister the subject of said");

    char w55[] = "Ukraine says Russia plans to attack Kyiv .";
    n = tokens_folded(w55, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "says X plans to: annotates");
    k = find(t, n, "plans");
    CHECK(t[k].upos == UPOS_VERB && t[find(t, n, "Russia")].head == k, "says X plans to: plans the verb of Russia");
    char w56[] = "Moscow has cast doubt on the deal .";
    n = tokens_folded(w56, folds, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "has cast: annotates");
    k = find(t, n, "cast");
    CHECK(t[k].head == -1 && t[k].upos == UPOS_VERB && t[find(t, n, "doubt")].head == k,
          "has cast: cast the participle with doubt its object");

    char s3[] = "Hello";
    n = tokens_of(s3, t, 4);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n) && t[0].head == -1, "one token");

    char s4[] = ". , ! ? ... ( ) -- ; :";
    n = tokens_of(s4, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "punctuation only");

    char s5[] = "Zorblax frimped the quonkish vlerbs xyzzyqq 12,345.67 @foo #bar http://example.com";
    n = tokens_of(s5, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "unknown words");

    char s6[] = "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd \xd0\xb7\xd0\xb0\xd1\x8f\xd0\xb2\xd0\xb8\xd0\xbb "
                "\xd8\xa7\xd9\x84\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xd8\xb9\xd9\x84\xd9\x8a\xd9\x83\xd9\x85 \xe4\xb8\xad\xe5\x9b\xbd .";
    n = tokens_of(s6, t, CLIO_MAX_SENT_TOKENS);
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "Cyrillic, Arabic and Chinese tokens");

    /* 400 tokens: a long run of clauses */
    static char big[CLIO_MAX_SENT_TOKENS * 12];
    static const char *const words[] = { "the", "man", "saw", "a", "dog", "and", "it", ",", "ran", "to", "Paris", "quickly" };
    size_t pos = 0;
    for (int i = 0; i < CLIO_MAX_SENT_TOKENS; i++)
        pos += (size_t)snprintf(big + pos, sizeof big - pos, "%s ", words[(i * 7 + i / 5) % 12]);
    n = tokens_of(big, t, CLIO_MAX_SENT_TOKENS);
    CHECK_EQ_INT(n, CLIO_MAX_SENT_TOKENS, "400 tokens built");
    CHECK(syntax_annotate(m, ws, t, n, &a) == 0 && well_formed(t, n), "400 tokens");

    /* same input twice gives the same output (no state kept between calls) */
    char s7a[] = "Officials said the talks would resume next week .";
    char s7b[] = "Officials said the talks would resume next week .";
    tok u[16];
    n = tokens_of(s7a, t, 16);
    tokens_of(s7b, u, 16);
    syntax_annotate(m, ws, t, n, &a);
    syntax_annotate(m, ws, u, n, NULL);
    int same = 1;
    for (uint32_t i = 0; i < n; i++)
        same &= t[i].head == u[i].head && t[i].deprel == u[i].deprel && t[i].upos == u[i].upos &&
                t[i].lemma_len == u[i].lemma_len && memcmp(t[i].lemma, u[i].lemma, t[i].lemma_len) == 0;
    CHECK(same, "deterministic, with and without an arena");
    CHECK_EQ_INT(syntax_annotate(m, ws, t, 0, &a), 0, "zero tokens");

    arena_release(&a);
    syntax_ws_free(ws);
    syntax_free(m);
}

int main(void)
{
    test_names();
    const char *path = CLIO_SOURCE_DIR "/data/models/syntax.bin";
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("ok - SKIP model checks: %s not trained (make models)\n", path);
        return check_summary();
    }
    fclose(f);
    test_model(path);
    test_corrupt(path);
    return check_summary();
}

/* test_segment.c - sentences, tokens and boilerplate. */
#include "check.h"
#include "engine.h"

#include <stdlib.h>

int segment_document(clio_doc *d, buf *scratch);

static clio_doc D;
static buf scratch;

static void seg(const char *text)
{
    arena_release(&D.mem);
    memset(&D, 0, sizeof D);
    D.text = (char *)text;
    D.len = strlen(text);
    if (segment_document(&D, &scratch))
        abort();
}

/* tokens joined by '|' */
static const char *toks(void)
{
    static char out[4096];
    size_t k = 0;
    out[0] = 0;
    for (uint32_t i = 0; i < D.ntok && k + 64 < sizeof out; i++) {
        if (i)
            out[k++] = '|';
        memcpy(out + k, D.text + D.toks[i].start, D.toks[i].end - D.toks[i].start);
        k += D.toks[i].end - D.toks[i].start;
    }
    out[k] = 0;
    return out;
}

static const char *sent_text(uint32_t i)
{
    static char out[1024];
    if (i >= D.nsent)
        return "(none)";
    size_t n = D.sents[i].end - D.sents[i].start;
    if (n > 1000) n = 1000;
    memcpy(out, D.text + D.sents[i].start, n);
    out[n] = 0;
    return out;
}

int main(void)
{
    seg("U.S. President Donald Trump met Gen. Smith at 10:30 a.m. on Jan. 5.");
    CHECK_EQ_INT(D.nsent, 1, "abbreviations do not end the sentence");
    CHECK_EQ_STR(toks(), "U.S.|President|Donald|Trump|met|Gen.|Smith|at|10:30|a.m.|on|Jan.|5|.", "abbreviation tokens");

    seg("He arrived in the U.S. The talks began.");
    CHECK_EQ_INT(D.nsent, 2, "U.S. at the end of a sentence before 'The'");

    seg("Growth was 3.5 percent, or $1,250.75 per person. J. R. Smith agreed.");
    CHECK_EQ_INT(D.nsent, 2, "decimals and initials");
    CHECK_EQ_STR(toks(), "Growth|was|3.5|percent|,|or|$|1,250.75|per|person|.|J.|R.|Smith|agreed|.", "numbers with separators");

    seg("Russia's envoy said they don't know and we'll see.");
    CHECK_EQ_STR(toks(), "Russia|'s|envoy|said|they|do|n't|know|and|we|'ll|see|.", "clitics split UD-style");

    seg("The cease-fire in Guinea-Bissau held; the co-founder was re-elected.");
    CHECK_EQ_STR(toks(), "The|cease|-|fire|in|Guinea|-|Bissau|held|;|the|co-founder|was|re-elected|.", "hyphens split, prefixes kept");

    seg("Write to press@example.org or see https://example.org/a?b=1. Thanks.");
    CHECK_EQ_STR(toks(), "Write|to|press@example.org|or|see|https://example.org/a?b=1|.|Thanks|.", "e-mail and URL tokens");
    CHECK_EQ_INT(D.nsent, 2, "URL then sentence end");

    seg("\"We will not give up,\" he said. \"Never.\" Then he left.");
    CHECK_EQ_INT(D.nsent, 3, "quotes: closing quote stays with its sentence");
    CHECK_EQ_STR(sent_text(1), "\"Never.\"", "quoted sentence");

    seg("The envoy called the plan \xE2\x80\x9C" "a dead end.\xE2\x80\x9D The talks ended.");
    CHECK_EQ_INT(D.nsent, 2, "curly closing quote after period");

    seg("MANILA, Philippines (AP) - Troops clashed with rebels on Monday.");
    CHECK_EQ_INT(D.nsent, 1, "dateline stays in the first sentence");

    seg("Ukraine, Russia to meet in Istanbul\nThe talks will start on Wednesday.");
    CHECK_EQ_INT(D.nsent, 2, "headline without final punctuation");
    CHECK(D.nsent == 2 && (D.sents[0].flags & SENT_HEADLINE), "headline flagged");

    seg("This line was wrapped at a fixed\nwidth by the sender. Second sentence.");
    CHECK_EQ_INT(D.nsent, 2, "hard-wrapped lines join when the next starts lower case");

    seg("Contact: 1 Main St, Springfield\nNews one happened today.\nContact: 1 Main St, Springfield\n");
    CHECK_EQ_INT(D.nsent, 2, "repeated line kept once");
    CHECK(D.nsent == 2 && (D.sents[0].flags & SENT_BOILERPLATE) && !(D.sents[1].flags & SENT_BOILERPLATE),
          "repeated line flagged as boilerplate, article text not");
    CHECK_EQ_INT(D.boilerplate_sentences, 1, "dropped copy counted");

    seg("Kyiv \xE2\x80\x94 T\xC3\xBCrkiye's Erdo\xC4\x9F" "an spoke.");
    CHECK(D.ntok >= 5 && strncmp(D.toks[2].fold, "turkiye", 7) == 0, "fold key of a non-ASCII token");
    CHECK(D.ntok >= 5 && D.toks[2].start == 9, "offsets point into the original bytes");

    /* long runs are split so later stages stay linear */
    char *big = malloc(5 * 1000 + 1);
    for (int i = 0; i < 1000; i++)
        memcpy(big + i * 5, "word ", 5);
    big[5000] = 0;
    seg(big);
    CHECK(D.nsent >= 3, "1000-token run split at CLIO_MAX_SENT_TOKENS");
    for (uint32_t i = 0; i < D.nsent; i++)
        if (D.sents[i].ntok > CLIO_MAX_SENT_TOKENS)
            CHECK(0, "sentence longer than the cap");
    arena_release(&D.mem);
    free(big);

    uint32_t st[16], en[16];
    size_t k = segment_words("the U.S. State Department", 25, st, en, 16);
    CHECK_EQ_INT(k, 4, "segment_words splits a name like the segmenter");
    buf_free(&scratch);
    return check_summary();
}

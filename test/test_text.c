/* test_text.c - the text stage: UTF-8 validation/repair, folding, NFC. */
#include "check.h"
#include "internal.h"

#include <stdlib.h>

static const char *fold(const char *s)
{
    static buf b;
    b.len = 0;
    if (text_fold(s, strlen(s), &b))
        return NULL;
    return b.data ? b.data : "";
}

int main(void)
{
    /* y_: must accept */
    CHECK(clio_utf8_check("plain ascii", 11) == (size_t)-1, "y_ ascii");
    CHECK(clio_utf8_check("Erdo\xC4\x9F" "an", 8) == (size_t)-1, "y_ two-byte sequence");
    CHECK(clio_utf8_check("\xE2\x80\x9C" "q" "\xE2\x80\x9D", 7) == (size_t)-1, "y_ curly quotes");
    CHECK(clio_utf8_check("\xF0\x9F\x98\x80", 4) == (size_t)-1, "y_ four-byte emoji");
    /* n_: must reject, at the right offset */
    CHECK_EQ_INT(clio_utf8_check("ok\n\xff\n", 5), 3, "n_ 0xFF at byte 3");
    CHECK_EQ_INT(clio_utf8_check("ab\xC0\xAF", 4), 2, "n_ overlong '/'");
    CHECK_EQ_INT(clio_utf8_check("a\xED\xA0\x80", 4), 1, "n_ UTF-16 surrogate");
    CHECK_EQ_INT(clio_utf8_check("abc\xE2\x80", 5), 3, "n_ truncated sequence at end");
    CHECK_EQ_INT(clio_utf8_check("a\xF4\x90\x80\x80", 5), 1, "n_ above U+10FFFF");
    CHECK_EQ_INT(clio_utf8_check("abcdefghij\0k", 12), 10, "n_ NUL byte");
    CHECK_EQ_INT(clio_utf8_check("a\x80", 2), 1, "n_ lone continuation byte");

    buf r = {0};
    long n = clio_utf8_repair("ok\n\xff\n", 5, &r);
    CHECK_EQ_INT(n, 1, "repair counts one replacement");
    CHECK_EQ_STR(r.data, "ok\n\xEF\xBF\xBD\n", "repair puts U+FFFD");
    r.len = 0;
    n = clio_utf8_repair("a\xE2\x80" "b", 4, &r);
    CHECK_EQ_INT(n, 1, "truncated sequence is one replacement");
    CHECK(clio_utf8_check(r.data, r.len) == (size_t)-1, "repaired text is valid");
    buf_free(&r);

    CHECK_EQ_STR(fold("Erdo\xC4\x9F" "an"), "erdogan", "fold Erdoğan");
    CHECK_EQ_STR(fold("\xC4\xB0" "brahim Kal\xC4\xB1" "n"), "ibrahim kalin", "fold İbrahim Kalın");
    CHECK_EQ_STR(fold("\xC3\x87\xC4\xB1ra\xC4\x9F" "an"), "ciragan", "fold Çırağan");
    CHECK_EQ_STR(fold("T\xC3\xBCrkiye"), "turkiye", "fold Türkiye");
    CHECK_EQ_STR(fold("\xC5\x81\xC3\xB3" "d\xC5\xBA"), "lodz", "fold Łódź");
    CHECK_EQ_STR(fold("C\xC3\xB4te d\xE2\x80\x99Ivoire"), "cote d'ivoire", "fold Côte d’Ivoire");
    CHECK_EQ_STR(fold("Stra\xC3\x9F" "e"), "strasse", "fold ß");
    CHECK_EQ_STR(fold("U.S."), "u.s.", "fold ASCII");
    CHECK_EQ_STR(fold("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"), "\xD0\xBA\xD0\xB8\xD1\x96\xD0\xB2", "fold Cyrillic Київ keeps script, lower case, strips diaeresis");

    buf nfc = {0};
    CHECK(text_nfc("Cafe\xCC\x81", 6, &nfc) == 0 && nfc.len == 5 && memcmp(nfc.data, "Caf\xC3\xA9", 5) == 0,
          "NFC composes e + combining acute");
    buf_free(&nfc);
    return check_summary();
}

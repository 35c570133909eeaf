/* test_when.c - the date stage: calendar helpers, then the dev set
 * test/data/dates.tsv (sentence, anchor, expected ISO values), run on
 * untagged tokens (the fallback route) and scored per sentence.
 *
 * Threshold: 90% of the dev-set sentences must come out exactly right.  The
 * set was written to cover every construction when.c claims; a few cases
 * need the parse (tense without cue words) and may fail on untagged input,
 * so 100% would be the wrong bar, but falling below 90% means a recogniser
 * broke. */
#include "check.h"
#include "minitok.h"
#include "when.h"

#include <stdlib.h>

static void calendar_checks(void)
{
    ymd d = when_civil_from_days(when_days_from_civil(2024, 2, 29));
    CHECK(d.y == 2024 && d.m == 2 && d.d == 29, "civil round trip 2024-02-29");
    CHECK_EQ_INT(when_weekday((ymd){2025, 5, 16}), 4, "2025-05-16 is a Friday");
    CHECK_EQ_INT(when_weekday((ymd){1970, 1, 1}), 3, "1970-01-01 is a Thursday");
    CHECK_EQ_INT(when_days_in_month(2100, 2), 28, "2100 is not a leap year");
    CHECK_EQ_INT(when_days_in_month(2000, 2), 29, "2000 is a leap year");
    ymd p;
    CHECK_EQ_INT(when_parse_iso("2025-02-29", 10, &p), CLIO_ERR_INPUT, "2025-02-29 refused");
    CHECK_EQ_INT(when_parse_iso("2024-02-29", 10, &p), 0, "2024-02-29 accepted");
}

int main(void)
{
    calendar_checks();
    {
        /* a maximal sentence of date-like tokens: bounded work, bounded output */
        static minitok big;
        static char txt[CLIO_MAX_SENT_TOKENS * 8];
        size_t l = 0;
        for (int i = 0; i < CLIO_MAX_SENT_TOKENS / 3; i++)
            l += (size_t)snprintf(txt + l, sizeof txt - l, "May 16 , ");
        uint32_t n = minitok_run(&big, txt, l);
        timex tx[64];
        size_t k = when_find(big.toks, n, txt, (ymd){2025, 5, 20}, tx, 64);
        CHECK_EQ_INT(k, 64, "400-token sentence of dates: output capped at max");
    }
    const char *path = CLIO_SOURCE_DIR "/test/data/dates.tsv";
    FILE *fp = fopen(path, "r");
    CHECK(fp != NULL, "open test/data/dates.tsv");
    if (!fp)
        return check_summary();
    static minitok mt;
    char line[2048];
    int total = 0, right = 0, verbose = getenv("CLIO_TEST_VERBOSE") != NULL;
    while (fgets(line, sizeof line, fp)) {
        size_t L = strlen(line);
        while (L && (line[L - 1] == '\n' || line[L - 1] == '\r')) line[--L] = 0;
        if (!L || line[0] == '#') continue;
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2) { CHECK(0, "malformed dates.tsv line"); continue; }
        *t1 = *t2 = 0;
        ymd anchor = {0, 0, 0};
        when_parse_iso(t1 + 1, strlen(t1 + 1), &anchor);
        uint32_t n = minitok_run(&mt, line, strlen(line));
        timex tx[16];
        size_t k = when_find(mt.toks, n, line, anchor, tx, 16);
        char got[512] = "";
        size_t gl = 0;
        for (size_t i = 0; i < k; i++) {
            char one[64];
            when_format(&tx[i], one, sizeof one);
            gl += (size_t)snprintf(got + gl, sizeof got - gl, "%s%s", i ? ";" : "", one);
        }
        if (!k) snprintf(got, sizeof got, "-");
        total++;
        if (strcmp(got, t2 + 1) == 0) {
            right++;
            if (verbose) printf("# ok   %s => %s\n", line, got);
        } else {
            printf("# MISS %s [%s] => got %s, want %s\n", line, t1 + 1, got, t2 + 1);
        }
    }
    fclose(fp);
    double acc = total ? (double)right / total : 0;
    printf("# dates dev set: %d/%d exact (%.1f%%)\n", right, total, 100.0 * acc);
    CHECK(total >= 100, "dates dev set has >= 100 cases");
    CHECK(acc >= 0.90, "dates dev set accuracy >= 90%");
    return check_summary();
}

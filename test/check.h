/* check.h - the tiny unit-test helper: one line per check, "ok - what" or
 * "not ok - what: detail"; check_summary() returns the process exit code. */
#ifndef CLIO_CHECK_H
#define CLIO_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_failed_count = 0, check_passed_count = 0;

#define CHECK(cond, what) do { \
    if (cond) { check_passed_count++; printf("ok - %s\n", (what)); } \
    else { check_failed_count++; printf("not ok - %s: %s:%d: %s\n", (what), __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_EQ_INT(a, b, what) do { long long check_a_ = (long long)(a), check_b_ = (long long)(b); \
    if (check_a_ == check_b_) { check_passed_count++; printf("ok - %s\n", (what)); } \
    else { check_failed_count++; printf("not ok - %s: %s:%d: got %lld, want %lld\n", (what), __FILE__, __LINE__, check_a_, check_b_); } \
} while (0)

#define CHECK_EQ_STR(a, b, what) do { const char *check_a_ = (a), *check_b_ = (b); \
    if (check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0) { check_passed_count++; printf("ok - %s\n", (what)); } \
    else { check_failed_count++; printf("not ok - %s: %s:%d: got \"%s\", want \"%s\"\n", (what), __FILE__, __LINE__, check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); } \
} while (0)

static inline int check_summary(void) { return check_failed_count ? 1 : 0; }
#endif

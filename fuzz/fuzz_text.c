/* fuzz_text.c - libFuzzer target: UTF-8 validation, repair and folding. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    size_t bad = clio_utf8_check(s, size);
    buf r = {0};
    long n = clio_utf8_repair(s, size, &r);
    if (n < 0)
        abort();
    if ((bad == (size_t)-1) != (n == 0))
        abort(); /* repair and check must agree */
    if (clio_utf8_check(r.data ? r.data : "", r.len) != (size_t)-1)
        abort(); /* repaired text is valid */
    buf f = {0};
    if (text_fold(r.data ? r.data : "", r.len, &f))
        abort();
    if (clio_utf8_check(f.data ? f.data : "", f.len) != (size_t)-1)
        abort(); /* folding keeps valid UTF-8 */
    buf nfc = {0};
    text_nfc(r.data ? r.data : "", r.len, &nfc);
    buf_free(&nfc);
    buf_free(&f);
    buf_free(&r);
    return 0;
}

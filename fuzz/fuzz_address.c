/* fuzz_address.c - libFuzzer target for address_find (outside bytes in,
 * fields out).  The gazetteer is loaded once from $CLIO_DATA or the build's
 * data directory when present; without it the parser runs alone (it must
 * then be as safe).  Checks: spans inside the input, fields terminated. */
#include "address.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const gazetteer *fuzz_gazetteer(void)
{
    static int tried = 0;
    static gazetteer *g = NULL;
    if (!tried) {
        tried = 1;
        char path[4096];
        const char *dir = getenv("CLIO_DATA");
        snprintf(path, sizeof path, "%s/gazetteer.bin", dir ? dir : CLIO_SOURCE_DIR "/build/data");
        clio_error err;
        g = gazetteer_load(path, &err);
    }
    return g;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    address out[16];
    /* the library's contract: text is valid UTF-8 without NUL bytes */
    if (clio_utf8_check((const char *)data, size) != (size_t)-1)
        return 0;
    size_t n = address_find(fuzz_gazetteer(), (const char *)data, size, out, 16);
    for (size_t i = 0; i < n; i++) {
        if (out[i].start > out[i].end || out[i].end > size)
            abort();
        if (memchr(out[i].road, 0, sizeof out[i].road) == NULL ||
            memchr(out[i].city, 0, sizeof out[i].city) == NULL ||
            memchr(out[i].postcode, 0, sizeof out[i].postcode) == NULL)
            abort();
    }
    return 0;
}

/* fuzz_jsonl.c - libFuzzer target: the JSON reader used for JSON Lines
 * documents and gold files. */
#include "clio.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void walk(const clio_json *v, int depth)
{
    if (depth > 300)
        abort(); /* the reader promises at most 256 levels */
    size_t n = clio_json_size(v);
    for (size_t i = 0; i < n; i++)
        walk(clio_json_at(v, i), depth + 1);
    size_t len;
    const char *s = clio_json_string(v, &len);
    if (s && clio_utf8_check(s, len) != (size_t)-1)
        abort(); /* strings come out as valid UTF-8 */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clio_error err;
    clio_json *j = clio_json_parse((const char *)data, size, &err);
    if (!j) {
        if (err.offset > size)
            abort();
        return 0;
    }
    walk(j, 0);
    clio_json_get(j, "text");
    clio_json_free(j);
    return 0;
}

/* fuzz_chunked.c: libFuzzer harness for the front stage's check of a chunked body
 * (api/chunked.c). The input is the bytes after a request's head. The verdict and where
 * the body ends must not depend on how the bytes trickle in (all at once, or one at a
 * time); a good body ends in CRLF CRLF within the input; a refusal carries 400, 413 or
 * 431 and an error code. */
#include <string.h>

#include "api/internal.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    api_chunked_t whole = {0}, step = {0};
    size_t used = 0, at = 0, u = 0;
    api_head_verdict_t v = api_chunked_check(&whole, buf, size, &used), w = API_HEAD_MORE;
    CHECK(used <= size);
    if (v == API_HEAD_MORE) CHECK(used == size);
    while (at < size && w == API_HEAD_MORE) {
        w = api_chunked_check(&step, buf + at, 1, &u);
        CHECK(u <= 1);
        at += u;
    }
    CHECK(v == w);
    if (v == API_HEAD_GOOD) {
        CHECK(at == used && used >= 5);
        CHECK(!memcmp(buf + used - 4, "\r\n\r\n", 4));
        /* once good it stays good and takes nothing more */
        CHECK(api_chunked_check(&whole, buf, size, &u) == API_HEAD_GOOD && u == 0);
    }
    if (v == API_HEAD_BAD) {
        CHECK(whole.status == step.status && !strcmp(whole.code, step.code));
        CHECK(whole.status == 400 || whole.status == 413 || whole.status == 431);
        CHECK(whole.why[0] != '\0');
    }
    return 0;
}

/* fuzz_head.c: libFuzzer harness for the front stage's head check (api/head.c). The
 * input is the start of a connection's bytes. The verdict must not depend on how the
 * bytes trickle in (all at once, or one at a time as a slow client sends them); a good
 * head ends in CRLF CRLF within API_HEAD_MAX bytes and holds no NUL and no LF without its
 * CR; a refusal carries a status libmicrohttpd's pages had and an error code. */
#include <string.h>

#include "api/internal.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    api_head_t whole = {0}, step = {0};
    api_head_verdict_t v = api_head_check(&whole, buf, size), w = API_HEAD_MORE;
    for (size_t n = 0; n <= size && w == API_HEAD_MORE; n++) w = api_head_check(&step, buf, n);
    CHECK(v == w);
    if (v == API_HEAD_GOOD) {
        CHECK(whole.len == step.len && whole.len >= 4 && whole.len <= API_HEAD_MAX);
        CHECK(!memcmp(buf + whole.len - 4, "\r\n\r\n", 4));
        CHECK(!memchr(buf, '\0', whole.len));
        for (size_t i = 0; i < whole.len; i++)
            if (buf[i] == '\n') CHECK(i > 0 && buf[i - 1] == '\r');
    }
    if (v == API_HEAD_BAD) {
        CHECK(whole.status == step.status && !strcmp(whole.code, step.code));
        CHECK(whole.status == 400 || whole.status == 413 || whole.status == 431 ||
              whole.status == 505);
        CHECK(whole.why[0] != '\0');
    }
    return 0;
}

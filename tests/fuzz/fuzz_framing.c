/* fuzz_framing.c: libFuzzer harness for the HTTP checks before routing (api/framing.c)
 * and the route matcher (api/routes.c). The input, NUL-terminated, is a raw request
 * target, a Host header value and a decoded path at once. A target whose %-escapes
 * decode to a NUL must be refused; a Host is the loopback only when it names
 * localhost, 127.0.0.1 or [::1]; a route's captured segment is a non-empty segment. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/internal.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1), *param = NULL;
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    int bad = api_target_bad(s);
    if (strstr(s, "%00")) CHECK(bad);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7F) CHECK(bad);
    if (api_host_is_loopback(s))
        CHECK(!strncasecmp(s, "localhost", 9) || !strncmp(s, "127.0.0.1", 9) ||
              !strncmp(s, "[::1]", 5));
    const api_route_t *r = api_route_match(s, &param);
    if (param) {
        CHECK(r && param[0] && !strchr(param, '/'));
        free(param);
    }
    free(s);
    return 0;
}

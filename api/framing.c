/* framing.c: the HTTP checks that come before routing, on what libmicrohttpd 0.9.75 lets
 * through: a request whose end is ambiguous (two Content-Lengths, one with
 * Transfer-Encoding, a Transfer-Encoding that is not chunked, two Hosts or none in
 * HTTP/1.1), a request target that decodes to a NUL or a control byte, and whether a Host
 * names the loopback (what a server without tokens answers). server.c acts on them. */
#include "api/internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* 1 when a raw request target (before libmicrohttpd decodes it) would decode to a NUL
 * anywhere, or to a control byte in the path: the decoded, NUL-terminated path would
 * otherwise route as its prefix ("/v1/users/x%00/export" as "/v1/users/x"). */
int api_target_bad(const char *t)
{
    int in_query = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        unsigned c = *p;
        if (c == '?') in_query = 1;
        if (c == '%' && isxdigit(p[1]) && isxdigit(p[2])) {
            char hex[3] = {(char)p[1], (char)p[2], 0};
            c = (unsigned)strtoul(hex, NULL, 16);
            p += 2;
        }
        if (c == 0 || (!in_query && (c < 0x20 || c == 0x7F)) || *p < 0x20 || *p == 0x7F)
            return 1;
    }
    return 0;
}

/* The framing headers a request repeats or combines. */
typedef struct framing {
    unsigned content_length, transfer_encoding, host;
    const char *te;
} framing_t;

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *value)
{
    framing_t *f = cls;
    (void)kind;
    if (!strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH)) f->content_length++;
    if (!strcasecmp(key, MHD_HTTP_HEADER_HOST)) f->host++;
    if (!strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING)) {
        f->transfer_encoding++;
        f->te = value;
    }
    return MHD_YES;
}

/* What makes the request's framing ambiguous (libmicrohttpd 0.9.75 takes the first
 * Content-Length and prefers Transfer-Encoding over it, where a proxy in front may
 * choose otherwise and read the rest as another request), into why; 0 when none. */
int api_framing_bad(struct MHD_Connection *conn, int bad_target, const char *version, char *why,
                    size_t n)
{
    framing_t f = {0};
    MHD_get_connection_values(conn, MHD_HEADER_KIND, count_framing, &f);
    if (bad_target)
        snprintf(why, n, "the request target decodes to a NUL or control byte");
    else if (f.content_length > 1)
        snprintf(why, n, "Content-Length is given %u times", f.content_length);
    else if (f.transfer_encoding && f.content_length)
        snprintf(why, n, "Content-Length and Transfer-Encoding together");
    else if (f.transfer_encoding > 1 || (f.te && strcasecmp(f.te, "chunked")))
        snprintf(why, n, "Transfer-Encoding must be chunked, once");
    else if (f.host > 1)
        snprintf(why, n, "Host is given %u times", f.host);
    else if (!f.host && version && !strcmp(version, MHD_HTTP_VERSION_1_1))
        snprintf(why, n, "an HTTP/1.1 request needs a Host header");
    else
        return 0;
    return 1;
}

/* 1 when a Host header value names the loopback: localhost, 127.0.0.1 or [::1], with or
 * without a port. Without tokens these are the only names served, so a page whose own
 * name was made to resolve to 127.0.0.1 (DNS rebinding) cannot drive the API. */
int api_host_is_loopback(const char *h)
{
    static const char *const names[] = {"localhost", "127.0.0.1", "[::1]"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i]);
        if (strncasecmp(h, names[i], n)) continue;
        const char *p = h + n;
        if (*p == '\0') return 1;
        if (*p++ != ':' || !*p) return 0;
        for (; *p; p++)
            if (!isdigit((unsigned char)*p)) return 0;
        return 1;
    }
    return 0;
}

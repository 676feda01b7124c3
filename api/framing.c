/* framing.c: the HTTP checks that come before routing: a request whose end is ambiguous
 * or unreadable (two Content-Lengths, one with Transfer-Encoding, a Transfer-Encoding
 * that is not chunked, a Content-Length that is not digits, two Hosts or none in
 * HTTP/1.1), a request target that decodes to a NUL or a control byte, and whether a Host
 * names the loopback (what a server without tokens answers). The rules are one function,
 * api_framing_check, fed by the front stage (head.c, every request before libmicrohttpd
 * sees it) and again by server.c on libmicrohttpd's parse of the same head. */
#include "api/internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>

/* 1 when a raw request target (before libmicrohttpd decodes it) would decode to a NUL
 * anywhere, or to a control byte in the path: the decoded, NUL-terminated path would
 * otherwise route as its prefix ("/v1/users/x%00/export" as "/v1/users/x"). */
int api_target_bad(const char *t)
{
    return api_target_bad_n(t, strlen(t));
}

int api_target_bad_n(const char *t, size_t n)
{
    int in_query = 0;
    const unsigned char *end = (const unsigned char *)t + n;
    for (const unsigned char *p = (const unsigned char *)t; p < end; p++) {
        unsigned c = *p;
        if (c == '?') in_query = 1;
        if (c == '%' && end - p > 2 && isxdigit(p[1]) && isxdigit(p[2])) {
            char hex[3] = {(char)p[1], (char)p[2], 0};
            c = (unsigned)strtoul(hex, NULL, 16);
            p += 2;
        }
        if (c == 0 || (!in_query && (c < 0x20 || c == 0x7F)) || *p < 0x20 || *p == 0x7F)
            return 1;
    }
    return 0;
}

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *value)
{
    (void)kind;
    api_framing_add(cls, key, strlen(key), value, strlen(value));
    return MHD_YES;
}

/* 1 when name (n bytes) is the header field `field`, ignoring case. */
static int is_field(const char *name, size_t n, const char *field)
{
    return strlen(field) == n && !strncasecmp(name, field, n);
}

void api_framing_add(api_framing_t *f, const char *name, size_t n, const char *value,
                     size_t vn)
{
    if (is_field(name, n, MHD_HTTP_HEADER_HOST)) f->host++;
    if (is_field(name, n, MHD_HTTP_HEADER_TRANSFER_ENCODING)) {
        f->transfer_encoding++;
        f->te_chunked = vn == 7 && !strncasecmp(value, "chunked", 7);
    }
    if (is_field(name, n, MHD_HTTP_HEADER_CONTENT_LENGTH)) {
        f->content_length++;
        uint64_t v = 0;
        int digits = vn > 0;
        for (size_t i = 0; i < vn && digits; i++) {
            unsigned d = (unsigned char)value[i] - '0';
            if (d > 9) digits = 0;
            else if (v > (UINT64_MAX - d) / 10) f->cl_overflow = 1;
            else v = v * 10 + d;
        }
        if (!digits) f->cl_invalid = 1;
        f->cl_value = v;
    }
}

/* What makes the request's framing ambiguous (libmicrohttpd 0.9.75 takes the first
 * Content-Length and prefers Transfer-Encoding over it, where a proxy in front may
 * choose otherwise and read the rest as another request) or unreadable, into why. */
unsigned api_framing_check(const api_framing_t *f, char *why, size_t n)
{
    if (f->cl_overflow && f->content_length == 1 && !f->transfer_encoding) {
        snprintf(why, n, "the body is more than 2^64 bytes");
        return 413;
    }
    if (f->bad_target)
        snprintf(why, n, "the request target decodes to a NUL or control byte");
    else if (f->content_length > 1)
        snprintf(why, n, "Content-Length is given %u times", f->content_length);
    else if (f->transfer_encoding && f->content_length)
        snprintf(why, n, "Content-Length and Transfer-Encoding together");
    else if (f->transfer_encoding > 1 || (f->transfer_encoding && !f->te_chunked))
        snprintf(why, n, "Transfer-Encoding must be chunked, once");
    else if (f->cl_invalid)
        snprintf(why, n, "Content-Length must be decimal digits alone");
    else if (f->host > 1)
        snprintf(why, n, "Host is given %u times", f->host);
    else if (!f->host && f->needs_host)
        snprintf(why, n, "an HTTP/1.1 request needs a Host header");
    else
        return 0;
    return 400;
}

int api_framing_bad(struct MHD_Connection *conn, int bad_target, const char *version, char *why,
                    size_t n)
{
    api_framing_t f = {.bad_target = bad_target,
                       .needs_host = version && !strcmp(version, MHD_HTTP_VERSION_1_1)};
    MHD_get_connection_values(conn, MHD_HEADER_KIND, count_framing, &f);
    return api_framing_check(&f, why, n) != 0;
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

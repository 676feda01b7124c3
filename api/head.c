/* head.c: the check of each request head (its request line and header lines) as the
 * front stage (relay.c) reads it from the client, before libmicrohttpd sees a byte of
 * it: whatever libmicrohttpd 0.9.75 would refuse with its own HTML page (or not answer
 * at all) is refused here first, so that the refusal is mnemo's JSON. It is
 * stricter than libmicrohttpd everywhere, so a head it passes libmicrohttpd accepts.
 * A pure function over the bytes so far that resumes where it stopped: each byte is
 * looked at once however the head trickles in. */
#include "api/internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

enum {
    S_LEAD = 0,     /* empty lines before the request line (RFC 9112 2.2 allows them) */
    S_LEAD_LF,      /* a CR of one: its LF next */
    S_METHOD,
    S_TARGET,
    S_VERSION,
    S_LINE_LF,      /* the CR that ends a line: its LF next */
    S_FIELD,        /* the start of a header line, or of the empty line ending the head */
    S_NAME,
    S_VALUE,
    S_END_LF,       /* the CR of the empty line: its LF ends the head */
    S_DONE,
};

int api_is_tchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c && strchr("!#$%&'*+-.^_`|~", c));
}

static api_head_verdict_t refuse(api_head_t *h, unsigned status, const char *code,
                                 const char *why)
{
    h->status = status;
    h->code = code;
    snprintf(h->why, sizeof h->why, "%s", why);
    h->state = S_DONE;
    return API_HEAD_BAD;
}

/* The request line, whole in buf[h->line, end): its version, then its target. */
static api_head_verdict_t request_line(api_head_t *h, const char *buf, size_t end)
{
    const char *v = buf + h->version;
    size_t vn = end - h->version;
    if (vn == 8 && !memcmp(v, "HTTP/1.", 7) && (v[7] == '0' || v[7] == '1')) {
        h->f.needs_host = v[7] == '1';
    } else if (vn == 8 && !memcmp(v, "HTTP/", 5) && v[5] >= '0' && v[5] <= '9' &&
               v[6] == '.' && v[7] >= '0' && v[7] <= '9') {
        return refuse(h, 505, API_CODE_HTTP_VERSION_NOT_SUPPORTED,
                      "mnemod speaks HTTP/1.1 and HTTP/1.0 only");
    } else {
        return refuse(h, 400, API_CODE_BAD_REQUEST,
                      "the request line must end in HTTP/1.1 or HTTP/1.0");
    }
    h->f.bad_target = api_target_bad_n(buf + h->target, h->version - 1 - h->target);
    return API_HEAD_MORE;
}

/* A header line, whole: name in buf[h->line, h->colon), value after the colon up to end
 * with the whitespace around it dropped. */
static api_head_verdict_t field_line(api_head_t *h, const char *buf, size_t end)
{
    size_t v = h->colon + 1;
    while (v < end && (buf[v] == ' ' || buf[v] == '\t')) v++;
    while (end > v && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) end--;
    size_t n = h->colon - h->line;
    api_framing_add(&h->f, buf + h->line, n, buf + v, end - v);
    /* libmicrohttpd keeps a record for each cookie of a Cookie header as well. */
    if (n == 6 && !strncasecmp(buf + h->line, "Cookie", 6))
        for (size_t i = v; i < end; i++) h->fields += buf[i] == ';';
    if (h->fields > API_HEAD_FIELDS_MAX)
        return refuse(h, 431, API_CODE_HEADERS_TOO_LARGE,
                      "the request has more header fields and cookies than mnemod reads");
    return API_HEAD_MORE;
}

api_head_verdict_t api_head_check(api_head_t *h, const char *buf, size_t len)
{
    static const char bad_line[] = "the request line is not METHOD TARGET HTTP/1.1";
    if (h->state == S_DONE) return h->status ? API_HEAD_BAD : API_HEAD_GOOD;
    for (; h->pos < len; h->pos++) {
        size_t i = h->pos;
        unsigned char c = (unsigned char)buf[i];
        api_head_verdict_t v = API_HEAD_MORE;
        if (i >= API_HEAD_MAX)
            return refuse(h, 431, API_CODE_HEADERS_TOO_LARGE,
                          "the request line and headers are too large");
        if (c == '\0') return refuse(h, 400, API_CODE_BAD_REQUEST, "a NUL in the request head");
        if (c == '\n' && h->state != S_LEAD_LF && h->state != S_LINE_LF && h->state != S_END_LF)
            return refuse(h, 400, API_CODE_BAD_REQUEST, "a line of the request head ends "
                          "in LF without CR");
        switch (h->state) {
        case S_LEAD:
            if (c == '\r') {
                h->state = S_LEAD_LF;
            } else if (api_is_tchar(c)) {
                h->line = i;
                h->state = S_METHOD;
            } else {
                return refuse(h, 400, API_CODE_BAD_REQUEST, c == 0x16
                              ? "a TLS handshake on mnemod's plain HTTP port" : bad_line);
            }
            break;
        case S_LEAD_LF:
        case S_LINE_LF:
        case S_END_LF:
            if (c != '\n')
                return refuse(h, 400, API_CODE_BAD_REQUEST, "a CR in the request head "
                              "without LF after it");
            if (h->state == S_END_LF) {
                h->pos = i + 1;
                h->len = i + 1;
                h->state = S_DONE;
                h->status = api_framing_check(&h->f, h->why, sizeof h->why);
                if (!h->status) return API_HEAD_GOOD;
                h->code = h->status == 413 ? API_CODE_PAYLOAD_TOO_LARGE : API_CODE_BAD_REQUEST;
                return API_HEAD_BAD;
            }
            h->state = h->state == S_LEAD_LF ? S_LEAD : S_FIELD;
            break;
        case S_METHOD:
            if (c == ' ') {
                h->head_method = i - h->line == 4 && !memcmp(buf + h->line, "HEAD", 4);
                h->target = i + 1;
                h->state = S_TARGET;
            } else if (!api_is_tchar(c)) {
                return refuse(h, 400, API_CODE_BAD_REQUEST, bad_line);
            }
            break;
        case S_TARGET:
            /* Bytes past ASCII pass (the path's UTF-8 is checked later); control bytes
             * too, for api_target_bad to name. */
            if (c == ' ' && i > h->target) {
                h->version = i + 1;
                h->state = S_VERSION;
            } else if (c == ' ' || c == '\r') {
                return refuse(h, 400, API_CODE_BAD_REQUEST, bad_line);
            }
            break;
        case S_VERSION:
            if (c == '\r') {
                v = request_line(h, buf, i);
                h->state = h->state == S_DONE ? S_DONE : S_LINE_LF;
            } else if (c == ' ' || i - h->version >= 8) {
                return refuse(h, 400, API_CODE_BAD_REQUEST, bad_line);
            }
            break;
        case S_FIELD:
            if (c == '\r') {
                h->state = S_END_LF;
            } else if (api_is_tchar(c)) {
                h->line = i;
                h->fields++;
                h->state = S_NAME;
            } else {
                return refuse(h, 400, API_CODE_BAD_REQUEST, c == ' ' || c == '\t'
                              ? "a header line begins with whitespace (line folding)"
                              : "a header name holds a byte that is not a token character");
            }
            break;
        case S_NAME:
            if (c == ':') {
                h->colon = i;
                h->state = S_VALUE;
            } else if (!api_is_tchar(c)) {
                return refuse(h, 400, API_CODE_BAD_REQUEST, "a header line is not "
                              "name: value (no colon, or whitespace before it)");
            }
            break;
        case S_VALUE:
            if (c == '\r') {
                v = field_line(h, buf, i);
                h->state = h->state == S_DONE ? S_DONE : S_LINE_LF;
            } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return refuse(h, 400, API_CODE_BAD_REQUEST, "a control byte in a header value");
            }
            break;
        }
        if (v != API_HEAD_MORE) return v;
    }
    return API_HEAD_MORE;
}

/* chunked.c: the check of a chunked request body (RFC 9112 7.1) as the front stage
 * (relay.c) forwards it to libmicrohttpd: chunk sizes in hex that fit 64 bits, chunk
 * extensions, each chunk's data and the CRLF after it, the last chunk, the trailer lines
 * and the empty line that ends them. It is as strict as head.c is with a head (no LF
 * without its CR, no control bytes, no folded lines), so a body it passes libmicrohttpd
 * reads without an error page of its own. A pure function that resumes where it
 * stopped: it needs no more bytes than are in hand and looks at each byte once. */
#include "api/internal.h"

#include <stdio.h>
#include <string.h>

enum {
    C_SIZE = 0,     /* the hex digits of a chunk size */
    C_EXT,          /* after ';': a chunk extension, up to the CR */
    C_SIZE_LF,      /* the CR that ends the size line: its LF next */
    C_DATA,         /* the chunk's data: left bytes */
    C_DATA_CR,      /* the CRLF after the data */
    C_DATA_LF,
    C_FIELD,        /* the start of a trailer line, or of the empty line that ends them */
    C_NAME,
    C_VALUE,
    C_FIELD_LF,     /* the CR that ends a trailer line: its LF next */
    C_END_LF,       /* the CR of the empty line: its LF ends the body */
    C_DONE,
};

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static api_head_verdict_t refuse(api_chunked_t *k, unsigned status, const char *code,
                                 const char *why)
{
    k->status = status;
    k->code = code;
    snprintf(k->why, sizeof k->why, "%s", why);
    k->state = C_DONE;
    return API_HEAD_BAD;
}

api_head_verdict_t api_chunked_check(api_chunked_t *k, const char *buf, size_t len,
                                     size_t *used)
{
    static const char bad_size[] = "a chunk size is not hexadecimal digits";
    size_t i = 0;
    api_head_verdict_t v = API_HEAD_MORE;
    if (k->state == C_DONE) {
        *used = 0;
        return k->status ? API_HEAD_BAD : API_HEAD_GOOD;
    }
    while (i < len && v == API_HEAD_MORE) {
        if (k->state == C_DATA) {       /* the data in one step, whatever its bytes */
            size_t n = len - i < k->left ? len - i : (size_t)k->left;
            i += n;
            k->left -= n;
            if (!k->left) k->state = C_DATA_CR;
            continue;
        }
        unsigned char c = (unsigned char)buf[i++];
        if (k->state == C_SIZE || k->state == C_EXT || k->state == C_SIZE_LF) {
            if (++k->line > API_CHUNK_LINE_MAX) {
                v = refuse(k, 400, API_CODE_BAD_REQUEST, "a chunk size line (with its "
                           "extensions) is too long");
                break;
            }
        } else if (k->state >= C_FIELD && ++k->trailer > API_CHUNK_LINE_MAX) {
            v = refuse(k, 431, API_CODE_HEADERS_TOO_LARGE, "the trailer of the chunked "
                       "body is too large");
            break;
        }
        if (c == '\n' && k->state != C_SIZE_LF && k->state != C_DATA_LF &&
            k->state != C_FIELD_LF && k->state != C_END_LF) {
            v = refuse(k, 400, API_CODE_BAD_REQUEST, "a line of the chunked body ends in LF "
                       "without CR");
            break;
        }
        switch (k->state) {
        case C_SIZE: {
            int d = hex_value(c);
            if (d >= 0) {
                if (k->size > (UINT64_MAX >> 4))
                    v = refuse(k, 413, API_CODE_PAYLOAD_TOO_LARGE,
                               "a chunk size is more than 2^64 bytes");
                k->size = k->size << 4 | (uint64_t)d;
                k->digits++;
            } else if (!k->digits || (c != ';' && c != '\r')) {
                v = refuse(k, 400, API_CODE_BAD_REQUEST, bad_size);
            } else {
                k->state = c == ';' ? C_EXT : C_SIZE_LF;
            }
            break;
        }
        case C_EXT:
            if (c == '\r') k->state = C_SIZE_LF;
            else if ((c < 0x20 && c != '\t') || c == 0x7F)
                v = refuse(k, 400, API_CODE_BAD_REQUEST, "a control byte in a chunk extension");
            break;
        case C_SIZE_LF:
            if (c != '\n') {
                v = refuse(k, 400, API_CODE_BAD_REQUEST, "a CR in the chunked body without "
                           "LF after it");
            } else if (k->size) {
                k->left = k->size;
                k->state = C_DATA;
            } else {
                k->state = C_FIELD;     /* the last chunk: the trailer comes */
            }
            k->size = 0;
            k->digits = 0;
            k->line = 0;
            break;
        case C_DATA_CR:
            if (c == '\r') k->state = C_DATA_LF;
            else v = refuse(k, 400, API_CODE_BAD_REQUEST, "a chunk's data is longer than "
                            "its size");
            break;
        case C_DATA_LF:
        case C_FIELD_LF:
        case C_END_LF:
            if (c != '\n') {
                v = refuse(k, 400, API_CODE_BAD_REQUEST, "a CR in the chunked body without "
                           "LF after it");
            } else if (k->state == C_END_LF) {
                k->state = C_DONE;
                v = API_HEAD_GOOD;
            } else {
                k->state = k->state == C_DATA_LF ? C_SIZE : C_FIELD;
            }
            break;
        case C_FIELD:
            if (c == '\r') {
                k->state = C_END_LF;
            } else if (api_is_tchar(c)) {
                if (++k->fields > API_CHUNK_TRAILER_FIELDS)
                    v = refuse(k, 431, API_CODE_HEADERS_TOO_LARGE, "the trailer of the "
                               "chunked body has too many fields");
                k->state = C_NAME;
            } else {
                v = refuse(k, 400, API_CODE_BAD_REQUEST, "a trailer line of the chunked body "
                           "is not name: value");
            }
            break;
        case C_NAME:
            if (c == ':') k->state = C_VALUE;
            else if (!api_is_tchar(c))
                v = refuse(k, 400, API_CODE_BAD_REQUEST, "a trailer line of the chunked body "
                           "is not name: value");
            break;
        case C_VALUE:
            if (c == '\r') k->state = C_FIELD_LF;
            else if ((c < 0x20 && c != '\t') || c == 0x7F)
                v = refuse(k, 400, API_CODE_BAD_REQUEST, "a control byte in a trailer value");
            break;
        }
    }
    *used = i;
    return v;
}

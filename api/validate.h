/* validate.h: private to api/. The pure checks a request goes through before it reaches
 * the agent: UTF-8, user/conversation ids, query integers and times, memory ids, and the
 * JSON request bodies. Nothing here touches libmicrohttpd, so tests/api unit-tests it
 * without a server. Every check that fails fills an api_verr_t with the HTTP status, the
 * error code of docs/API.md and a message naming the field. */
#ifndef MNEMO_API_VALIDATE_H
#define MNEMO_API_VALIDATE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "api/api.h"

/* Error codes of docs/API.md. */
#define API_CODE_INVALID_JSON "invalid_json"
#define API_CODE_INVALID_UTF8 "invalid_utf8"
#define API_CODE_INVALID_PARAMETER "invalid_parameter"
#define API_CODE_UNAUTHORIZED "unauthorized"
#define API_CODE_FORBIDDEN "forbidden"
#define API_CODE_NOT_FOUND "not_found"
#define API_CODE_METHOD_NOT_ALLOWED "method_not_allowed"
#define API_CODE_CONFLICT "conflict"
#define API_CODE_PAYLOAD_TOO_LARGE "payload_too_large"
#define API_CODE_UNSUPPORTED_MEDIA_TYPE "unsupported_media_type"
#define API_CODE_VALIDATION_FAILED "validation_failed"
#define API_CODE_TOO_MANY_REQUESTS "too_many_requests"
#define API_CODE_INTERNAL "internal"
#define API_CODE_NOT_READY "not_ready"
#define API_CODE_NO_MODEL "no_model"
#define API_CODE_BAD_REQUEST "bad_request"
#define API_CODE_OVERLOADED "overloaded"
#define API_CODE_SHUTTING_DOWN "shutting_down"
#define API_CODE_STORAGE_UNAVAILABLE "storage_unavailable"
#define API_CODE_QUOTA_EXCEEDED "quota_exceeded"
#define API_CODE_HEADERS_TOO_LARGE "headers_too_large"
#define API_CODE_HTTP_VERSION_NOT_SUPPORTED "http_version_not_supported"

#define API_ID_MAX 128      /* bytes of a user or conversation id */
#define API_TIME_LEN 32     /* room for "2026-11-28T20:15:03.120Z" */

typedef struct api_verr {
    int status;             /* HTTP status: 400, 409, 422 ... */
    const char *code;       /* one of API_CODE_* (static string) */
    char msg[256];          /* names the field; may quote input (sanitized on send) */
} api_verr_t;

/* Fills e and returns -1, so a check can end with `return api_verr(e, ...)`. */
int api_verr(api_verr_t *e, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Offset of the first byte of s[0..len) that is not well-formed UTF-8 (RFC 3629: no
 * overlongs, no surrogates, nothing above U+10FFFF), or len when all of it is. */
size_t api_utf8_check(const char *s, size_t len);
int api_utf8_valid(const char *s, size_t len);          /* 1 when valid */
/* Replaces, in place, each byte that is not part of well-formed UTF-8 and each ASCII
 * control character with '?': for messages and log lines that quote input. */
void api_sanitize(char *s);

/* A user or conversation id: 1..API_ID_MAX bytes of UTF-8 without control characters
 * (C0, DEL, C1) or '/'. Returns 1 when valid. */
int api_id_valid(const char *s, size_t len);

/* A decimal integer in lo..hi: digits only (no sign, blanks or suffix). 0 or -1. */
int api_parse_int(const char *s, long lo, long hi, long *out);

/* A memory id or cursor: a positive int64 in canonical decimal (no leading zeros).
 * 0 or -1. */
int api_parse_id(const char *s, int64_t *out);

/* ISO-8601: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z or an offset
 * (+HH:MM, +HHMM, +HH). Fractions past milliseconds are truncated. The moment must fall
 * in the years 0000..9999 once in UTC (what api_time_format writes back). Returns 0 and
 * the UTC milliseconds since the epoch, or -1. */
int api_time_parse(const char *s, int64_t *ms);
/* Formats ms as "YYYY-MM-DDTHH:MM:SS.mmmZ" into buf (API_TIME_LEN bytes); returns buf. */
char *api_time_format(int64_t ms, char *buf);

/* Parses a request body: invalid UTF-8 -> 400 invalid_utf8, unparseable (including
 * duplicate keys and depth past jansson's limit) -> 400 invalid_json. Returns a new
 * reference or NULL with e filled. api_parse_object also requires an object. */
json_t *api_parse_json(const char *body, size_t len, api_verr_t *e);
json_t *api_parse_object(const char *body, size_t len, api_verr_t *e);

/* Field extraction from a JSON object; absent and null are the same. A failure is 422
 * validation_failed naming prefix+name. */
enum api_field_kind { API_FIELD_TEXT, API_FIELD_ID };
int api_field_string(const json_t *obj, const char *prefix, const char *name,
                     enum api_field_kind kind, int required, size_t max_len,
                     const char **out, api_verr_t *e);
/* importance: a number 0..1; *out = -1 when absent. */
int api_field_importance(const json_t *obj, const char *prefix, double *out, api_verr_t *e);

/* POST /v1/memories: one memory or {"memories": [...]}. Strings borrow from obj, which
 * must outlive the result; items is malloc'd (api_create_free). */
typedef struct api_create {
    const char *user;           /* NULL when omitted */
    agent_memory_in_t *items;
    size_t n;
    int batch;                  /* 1 when the body used "memories" */
} api_create_t;
int api_parse_create(const json_t *obj, const api_limits_t *lim, api_create_t *out,
                     api_verr_t *e);
void api_create_free(api_create_t *c);

/* PATCH /v1/memories/{id}: *text NULL when unchanged, *importance < 0 when unchanged. */
int api_parse_patch(const json_t *obj, const api_limits_t *lim, const char **text,
                    double *importance, api_verr_t *e);

/* POST /v1/users/{id}/import, read one memory at a time (api/import_body.c) so that
 * no parse tree of the whole body is ever built. The body is JSON lines (ndjson != 0;
 * blank lines skipped) or a JSON array of memory objects. Each item: text required; id,
 * conversation, importance, created_at kept; other fields ignored. */
typedef struct api_import_reader {
    const char *body;           /* borrowed; must outlive the reader */
    size_t len, pos;
    int ndjson;
    int done;                   /* the array's ']' (or the body's end) was read */
    size_t line;                /* ndjson: the line of the last item */
    size_t index;               /* items read so far */
    const api_limits_t *lim;
} api_import_reader_t;
/* Checks the body's UTF-8 (400 invalid_utf8) and, for an array, its '[' (400
 * invalid_json). 0 or -1 with e filled. */
int api_import_open(api_import_reader_t *r, const char *body, size_t len, int ndjson,
                    const api_limits_t *lim, api_verr_t *e);
/* The next item: 1 with *obj (a new reference the caller releases) and m filled with
 * strings borrowed from *obj; 0 at the end; -1 with e filled (400 invalid_json, 422
 * validation_failed naming "line N" or "[i]"). */
int api_import_next(api_import_reader_t *r, json_t **obj, agent_memory_in_t *m,
                    api_verr_t *e);
/* One import item of the body (what api_import_next applies). */
int api_parse_import_item(const json_t *o, const char *prefix, const api_limits_t *lim,
                          agent_memory_in_t *m, api_verr_t *e);

/* The pass over a whole import body before anything is written: every item valid, at
 * most lim->max_import_items of them (413 payload_too_large past it), and, unless
 * new_ids, every given id in 1..AGENT_ID_MAX (422) and none given twice (409 conflict).
 * Holds one item at a time. out->ids (malloc'd, sorted; NULL when new_ids or none)
 * lists the given ids for the caller's check against the store; api_import_plan_free. */
typedef struct api_import_plan {
    size_t n;                   /* items */
    int64_t *ids;
    size_t nids;
} api_import_plan_t;
int api_import_check(const char *body, size_t len, int ndjson, int new_ids,
                     const api_limits_t *lim, api_import_plan_t *out, api_verr_t *e);
void api_import_plan_free(api_import_plan_t *p);

/* GET /v1/memories query parameters. Values borrow from the caller. */
typedef struct api_query {
    const char *user;           /* NULL when omitted */
    const char *q;              /* NULL: a page, else a search */
    const char *conversation;
    int k, limit;
    int has_since, has_until;
    int64_t since_ms, until_ms;
    int64_t cursor;             /* 0 = first page */
    int legs;                   /* search: AGENT_LEG_* bits from legs=bm25|dense|both,
                                   0 = both */
    int prefer_recent;          /* search: prefer_recent=true */
} api_query_t;
void api_query_init(api_query_t *q, const api_limits_t *lim);
/* Applies one parameter (unknown keys are ignored). val may be NULL ("?q"). Invalid
 * UTF-8 -> 400 invalid_utf8; anything malformed or out of range -> 400
 * invalid_parameter. */
int api_query_set(api_query_t *q, const char *key, size_t key_len, const char *val,
                  size_t val_len, const api_limits_t *lim, api_verr_t *e);

#endif

/* validate.c: the pure request checks of api/ (see validate.h): UTF-8, ids, integers,
 * ISO-8601 times, and the JSON bodies of POST/PATCH /v1/memories and of import. Each
 * failure says which field and why; nothing here allocates beyond what it returns. */
#include "api/validate.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int api_verr(api_verr_t *e, int status, const char *code, const char *fmt, ...)
{
    va_list ap;
    e->status = status;
    e->code = code;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- UTF-8 and ids ------------------------------------------------------------ */

size_t api_utf8_check(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        unsigned cp, min;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; min = 0x10000; }
        else return i;
        if (len - i <= n) return i;
        for (size_t j = 1; j <= n; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n + 1;
    }
    return len;
}

int api_utf8_valid(const char *s, size_t len)
{
    return api_utf8_check(s, len) == len;
}

void api_sanitize(char *s)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t ok = i + api_utf8_check(s + i, len - i);
        for (; i < ok; i++)
            if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) s[i] = '?';
        if (i < len) s[i++] = '?';
    }
}

int api_id_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0 || len > API_ID_MAX || !api_utf8_valid(s, len)) return 0;
    for (size_t i = 0; i < len; i++) {
        if (u[i] < 0x20 || u[i] == 0x7F || u[i] == '/') return 0;
        /* C1 controls U+0080..U+009F are C2 80..C2 9F */
        if (u[i] == 0xC2 && i + 1 < len && u[i + 1] <= 0x9F) return 0;
    }
    return 1;
}

/* ---- integers and ids ----------------------------------------------------------- */

int api_parse_int(const char *s, long lo, long hi, long *out)
{
    long v = 0;
    size_t n = 0;
    if (!s || !*s) return -1;
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9') return -1;
        if (v > (hi - (s[n] - '0')) / 10) return -1;   /* past hi, and never overflows */
        v = v * 10 + (s[n] - '0');
    }
    if (v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

int api_parse_id(const char *s, int64_t *out)
{
    int64_t v = 0;
    if (!s || s[0] < '1' || s[0] > '9') return -1;
    for (size_t i = 0; s[i]; i++) {
        int d = s[i] - '0';
        if (d < 0 || d > 9) return -1;
        if (v > (INT64_MAX - d) / 10) return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* ---- ISO-8601 ------------------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Reads exactly n digits at *p into *v and advances; 0 or -1. */
static int digits(const char **p, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9') return -1;
        x = x * 10 + (c - '0');
    }
    *p += n;
    *v = x;
    return 0;
}

int api_time_parse(const char *s, int64_t *ms)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const char *p = s;
    int y, mo, d, h = 0, mi = 0, sec = 0, milli = 0, off = 0;
    if (!s) return -1;
    if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' ||
        digits(&p, 2, &d))
        return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap(y))) return -1;
    if (*p == 'T' || *p == 't') {
        p++;
        if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi)) return -1;
        if (*p == ':') {
            p++;
            if (digits(&p, 2, &sec)) return -1;
            if (*p == '.' || *p == ',') {
                int nd = 0;
                p++;
                while (*p >= '0' && *p <= '9') {
                    if (nd < 3) milli = milli * 10 + (*p - '0');
                    nd++;
                    p++;
                }
                if (nd == 0 || nd > 9) return -1;
                for (; nd < 3; nd++) milli *= 10;
            }
        }
        if (h > 23 || mi > 59 || sec > 59) return -1;
        if (*p == 'Z' || *p == 'z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
            if (digits(&p, 2, &oh)) return -1;
            if (*p == ':') {
                p++;
                if (digits(&p, 2, &om)) return -1;
            } else if (*p >= '0' && *p <= '9') {
                if (digits(&p, 2, &om)) return -1;
            }
            if (oh > 23 || om > 59) return -1;
            off = sign * (oh * 60 + om);
        } else {
            return -1;                      /* a time needs a zone: we never guess */
        }
    }
    if (*p) return -1;
    int64_t secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
                   (int64_t)off * 60;
    /* An offset can carry a date of year 0000 or 9999 out of the four-digit years, where
     * api_time_format could write it but this could not read it back (an exported
     * created_at that its import refuses). */
    if (secs < days_from_civil(0, 1, 1) * 86400 || secs >= days_from_civil(10000, 1, 1) * 86400)
        return -1;
    *ms = secs * 1000 + milli;
    return 0;
}

char *api_time_format(int64_t ms, char *buf)
{
    int64_t secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    int milli = (int)(ms - secs * 1000);
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400, y;
    int m, d;
    civil_from_days(days, &y, &m, &d);
    char tmp[128];          /* room for any int64; years past 9999 are cut to fit buf */
    snprintf(tmp, sizeof tmp, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ", (long long)y, m, d,
             (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60), milli);
    size_t n = strlen(tmp);
    if (n >= API_TIME_LEN) n = API_TIME_LEN - 1;
    memcpy(buf, tmp, n);
    buf[n] = '\0';
    return buf;
}

/* ---- JSON bodies ---------------------------------------------------------------- */

json_t *api_parse_json(const char *body, size_t len, api_verr_t *e)
{
    json_error_t je;
    size_t bad = api_utf8_check(body, len);
    if (bad != len)
        return api_verr(e, 400, API_CODE_INVALID_UTF8,
                        "body is not valid UTF-8 (byte %zu)", bad), NULL;
    json_t *j = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
    if (!j)
        return api_verr(e, 400, API_CODE_INVALID_JSON, "body is not JSON: %s (line %d, column %d)",
                        je.text, je.line, je.column), NULL;
    return j;
}

json_t *api_parse_object(const char *body, size_t len, api_verr_t *e)
{
    json_t *j = api_parse_json(body, len, e);
    if (j && !json_is_object(j)) {
        json_decref(j);
        return api_verr(e, 400, API_CODE_INVALID_JSON, "body must be a JSON object"), NULL;
    }
    return j;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s)) return 0;
    return 1;
}

int api_field_string(const json_t *obj, const char *prefix, const char *name,
                     enum api_field_kind kind, int required, size_t max_len,
                     const char **out, api_verr_t *e)
{
    const json_t *v = json_object_get(obj, name);
    *out = NULL;
    if (!v || json_is_null(v)) {
        if (required)
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "%s%s: is required", prefix,
                            name);
        return 0;
    }
    if (!json_is_string(v))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "%s%s: must be a string", prefix,
                        name);
    const char *s = json_string_value(v);
    size_t len = json_string_length(v);
    if (kind == API_FIELD_ID) {
        if (!api_id_valid(s, len))
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                            "%s%s: must be 1-%d bytes without control characters or '/'",
                            prefix, name, API_ID_MAX);
    } else {
        if (len == 0 || blank(s))
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "%s%s: must not be empty",
                            prefix, name);
        if (len > max_len)
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                            "%s%s: is %zu bytes, longer than the limit of %zu", prefix, name,
                            len, max_len);
    }
    *out = s;
    return 0;
}

int api_field_importance(const json_t *obj, const char *prefix, double *out, api_verr_t *e)
{
    const json_t *v = json_object_get(obj, "importance");
    *out = -1;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_number(v))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "%simportance: must be a number",
                        prefix);
    double d = json_number_value(v);
    if (!(d >= 0.0 && d <= 1.0))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                        "%simportance: must be between 0 and 1", prefix);
    *out = d;
    return 0;
}

/* One memory of a create or import body. Import also keeps id and created_at. */
static int parse_item(const json_t *o, const char *prefix, const api_limits_t *lim,
                      int import, agent_memory_in_t *m, api_verr_t *e)
{
    memset(m, 0, sizeof *m);
    if (api_field_string(o, prefix, "text", API_FIELD_TEXT, 1, lim->max_text, &m->text, e) ||
        api_field_string(o, prefix, "conversation", API_FIELD_ID, 0, 0, &m->conversation, e) ||
        api_field_importance(o, prefix, &m->importance, e))
        return -1;
    if (!import) return 0;

    const json_t *id = json_object_get(o, "id");
    if (id && !json_is_null(id)) {
        if (!json_is_integer(id) || json_integer_value(id) <= 0)
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                            "%sid: must be a positive integer", prefix);
        m->id = json_integer_value(id);
    }
    const char *created;
    if (api_field_string(o, prefix, "created_at", API_FIELD_TEXT, 0, API_TIME_LEN * 2,
                         &created, e))
        return -1;
    if (created && (api_time_parse(created, &m->created_ms) || m->created_ms <= 0))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                        "%screated_at: must be an ISO-8601 time after 1970 such as "
                        "2026-11-28T20:15:03.120Z", prefix);
    return 0;
}

int api_parse_import_item(const json_t *o, const char *prefix, const api_limits_t *lim,
                          agent_memory_in_t *m, api_verr_t *e)
{
    return parse_item(o, prefix, lim, 1, m, e);
}

int api_parse_create(const json_t *obj, const api_limits_t *lim, api_create_t *out,
                     api_verr_t *e)
{
    memset(out, 0, sizeof *out);
    if (api_field_string(obj, "", "user", API_FIELD_ID, 0, 0, &out->user, e)) return -1;
    const json_t *mems = json_object_get(obj, "memories");
    if (!mems) {
        out->items = calloc(1, sizeof *out->items);
        if (!out->items) return api_verr(e, 500, API_CODE_INTERNAL, "out of memory");
        out->n = 1;
        if (parse_item(obj, "", lim, 0, out->items, e)) goto fail;
        return 0;
    }
    out->batch = 1;
    if (json_object_get(obj, "text"))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                        "text: give either text or memories, not both");
    if (!json_is_array(mems))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "memories: must be an array");
    size_t n = json_array_size(mems);
    if (n == 0 || n > (size_t)lim->max_batch)
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                        "memories: must hold 1 to %d items, not %zu", lim->max_batch, n);
    out->items = calloc(n, sizeof *out->items);
    if (!out->items) return api_verr(e, 500, API_CODE_INTERNAL, "out of memory");
    out->n = n;
    for (size_t i = 0; i < n; i++) {
        char prefix[48];
        const json_t *it = json_array_get(mems, i);
        snprintf(prefix, sizeof prefix, "memories[%zu].", i);
        if (!json_is_object(it)) {
            api_verr(e, 422, API_CODE_VALIDATION_FAILED, "memories[%zu]: must be an object", i);
            goto fail;
        }
        if (parse_item(it, prefix, lim, 0, &out->items[i], e)) goto fail;
    }
    return 0;
fail:
    api_create_free(out);
    return -1;
}

void api_create_free(api_create_t *c)
{
    free(c->items);
    c->items = NULL;
    c->n = 0;
}

int api_parse_patch(const json_t *obj, const api_limits_t *lim, const char **text,
                    double *importance, api_verr_t *e)
{
    if (api_field_string(obj, "", "text", API_FIELD_TEXT, 0, lim->max_text, text, e) ||
        api_field_importance(obj, "", importance, e))
        return -1;
    if (!*text && *importance < 0)
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                        "text: give text or importance (or both)");
    return 0;
}

/* ---- query parameters ----------------------------------------------------------- */

void api_query_init(api_query_t *q, const api_limits_t *lim)
{
    memset(q, 0, sizeof *q);
    q->k = lim->max_k < 10 ? lim->max_k : 10;
    q->limit = lim->max_page < 50 ? lim->max_page : 50;
}

int api_query_set(api_query_t *q, const char *key, size_t key_len, const char *val,
                  size_t val_len, const api_limits_t *lim, api_verr_t *e)
{
    long v;
    if (!val) {
        val = "";
        val_len = 0;
    }
    if (!api_utf8_valid(key, key_len))
        return api_verr(e, 400, API_CODE_INVALID_UTF8, "a query parameter name is not valid UTF-8");
    if (!api_utf8_valid(val, val_len))
        return api_verr(e, 400, API_CODE_INVALID_UTF8, "query parameter %s is not valid UTF-8",
                        key);
    if (strlen(key) != key_len) return 0;       /* a NUL in a name: not one of ours */
    if (strlen(val) != val_len)
        return api_verr(e, 400, API_CODE_INVALID_PARAMETER, "%s: contains a NUL byte", key);

    if (!strcmp(key, "user") || !strcmp(key, "conversation")) {
        if (!api_id_valid(val, val_len))
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER,
                            "%s: must be 1-%d bytes without control characters or '/'", key,
                            API_ID_MAX);
        *(key[0] == 'u' ? &q->user : &q->conversation) = val;
    } else if (!strcmp(key, "q")) {
        if (val_len == 0 || blank(val))
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER, "q: must not be empty");
        if (val_len > lim->max_text)
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER,
                            "q: is %zu bytes, longer than the limit of %zu", val_len,
                            lim->max_text);
        q->q = val;
    } else if (!strcmp(key, "k")) {
        if (api_parse_int(val, 1, lim->max_k, &v))
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER,
                            "k: must be an integer from 1 to %d", lim->max_k);
        q->k = (int)v;
    } else if (!strcmp(key, "limit")) {
        if (api_parse_int(val, 1, lim->max_page, &v))
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER,
                            "limit: must be an integer from 1 to %d", lim->max_page);
        q->limit = (int)v;
    } else if (!strcmp(key, "since") || !strcmp(key, "until")) {
        int since = key[0] == 's';
        if (api_time_parse(val, since ? &q->since_ms : &q->until_ms))
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER,
                            "%s: must be an ISO-8601 UTC time such as 2026-11-28T20:00:00Z",
                            key);
        *(since ? &q->has_since : &q->has_until) = 1;
    } else if (!strcmp(key, "legs")) {
        if (!strcmp(val, "both")) q->legs = AGENT_LEG_BM25 | AGENT_LEG_DENSE;
        else if (!strcmp(val, "bm25")) q->legs = AGENT_LEG_BM25;
        else if (!strcmp(val, "dense")) q->legs = AGENT_LEG_DENSE;
        else
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER,
                            "legs: must be both, bm25 or dense");
    } else if (!strcmp(key, "prefer_recent")) {
        if (strcmp(val, "true") && strcmp(val, "false"))
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER,
                            "prefer_recent: must be true or false");
        q->prefer_recent = val[0] == 't';
    } else if (!strcmp(key, "cursor")) {
        if (api_parse_id(val, &q->cursor))
            return api_verr(e, 400, API_CODE_INVALID_PARAMETER,
                            "cursor: must be a next_cursor value from a previous page");
    }
    return 0;
}

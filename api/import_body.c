/* import_body.c: reading an import body (JSON lines or a JSON array of memory objects)
 * one memory at a time, and the check pass over the whole body that comes before any
 * write. Only one item's parse tree exists at a time: an import's memory is its body
 * plus a few bytes per item, never a tree of the whole body. Pure (no server), so
 * tests/api checks it with hostile bodies. */
#include "api/validate.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void skip_space(api_import_reader_t *r)
{
    while (r->pos < r->len && isspace((unsigned char)r->body[r->pos])) r->pos++;
}

int api_import_open(api_import_reader_t *r, const char *body, size_t len, int ndjson,
                    const api_limits_t *lim, api_verr_t *e)
{
    memset(r, 0, sizeof *r);
    r->body = body;
    r->len = body ? len : 0;
    r->ndjson = ndjson;
    r->lim = lim;
    size_t bad = api_utf8_check(r->body, r->len);
    if (bad != r->len)
        return api_verr(e, 400, API_CODE_INVALID_UTF8, "body is not valid UTF-8 (byte %zu)",
                        bad);
    if (ndjson) return 0;
    skip_space(r);
    if (r->pos == r->len || r->body[r->pos] != '[')
        return api_verr(e, 400, API_CODE_INVALID_JSON,
                        "body must be a JSON array of memory objects (or JSON lines)");
    r->pos++;
    skip_space(r);
    if (r->pos < r->len && r->body[r->pos] == ']') {
        r->pos++;
        r->done = 1;
    }
    return 0;
}

/* The next non-blank line as one JSON value. 1, 0 at the end, -1. */
static int next_line(api_import_reader_t *r, json_t **obj, api_verr_t *e)
{
    while (r->pos < r->len) {
        const char *s = r->body + r->pos;
        const char *nl = memchr(s, '\n', r->len - r->pos);
        size_t n = nl ? (size_t)(nl - s) : r->len - r->pos, k = 0;
        r->pos += n + (nl != NULL);
        r->line++;
        while (k < n && isspace((unsigned char)s[k])) k++;
        if (k == n) continue;
        json_error_t je;
        *obj = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &je);
        if (!*obj)
            return api_verr(e, 400, API_CODE_INVALID_JSON, "line %zu: not JSON: %s (column %d)",
                            r->line, je.text, je.column);
        return 1;
    }
    r->done = 1;
    return 0;
}

/* The array's next element, and the ',' or ']' after it. 1, 0 at the end, -1. */
static int next_element(api_import_reader_t *r, json_t **obj, api_verr_t *e)
{
    if (r->done) return 0;
    json_error_t je;
    size_t left = r->len - r->pos;
    /* One value off the front of the rest; je.position says how many bytes it took. */
    *obj = json_loadb(r->body + r->pos, left,
                      JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &je);
    if (!*obj)
        return api_verr(e, 400, API_CODE_INVALID_JSON, "[%zu]: not JSON: %s (byte %zu)",
                        r->index, je.text, r->pos + (size_t)(je.position > 0 ? je.position : 0));
    if (je.position <= 0 || (size_t)je.position > left) {
        json_decref(*obj);
        *obj = NULL;
        return api_verr(e, 400, API_CODE_INVALID_JSON, "[%zu]: too large", r->index);
    }
    r->pos += (size_t)je.position;
    skip_space(r);
    char c = r->pos < r->len ? r->body[r->pos] : '\0';
    if (c == ',') {
        r->pos++;
        skip_space(r);
        if (r->pos < r->len && r->body[r->pos] == ']') c = 'x';  /* [a,] */
    } else if (c == ']') {
        r->pos++;
        skip_space(r);
        r->done = 1;
        if (r->pos != r->len) c = 'x';
    }
    if (c != ',' && c != ']') {
        json_decref(*obj);
        *obj = NULL;
        return api_verr(e, 400, API_CODE_INVALID_JSON,
                        "the array is malformed after item [%zu] (byte %zu)", r->index, r->pos);
    }
    return 1;
}

int api_import_next(api_import_reader_t *r, json_t **obj, agent_memory_in_t *m,
                    api_verr_t *e)
{
    char prefix[48];
    *obj = NULL;
    int got = r->ndjson ? next_line(r, obj, e) : next_element(r, obj, e);
    if (got <= 0) return got;
    if (r->ndjson)
        snprintf(prefix, sizeof prefix, "line %zu", r->line);
    else
        snprintf(prefix, sizeof prefix, "[%zu]", r->index);
    r->index++;
    if (!json_is_object(*obj)) {
        api_verr(e, 422, API_CODE_VALIDATION_FAILED, "%s: must be a memory object", prefix);
        goto fail;
    }
    /* Fields are named "line 3: text" or "[2].text", as before. */
    strncat(prefix, r->ndjson ? ": " : ".", sizeof prefix - strlen(prefix) - 1);
    if (api_parse_import_item(*obj, prefix, r->lim, m, e)) goto fail;
    return 1;
fail:
    json_decref(*obj);
    *obj = NULL;
    return -1;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Appends id to p->ids, doubling; -1 when out of memory. */
static int push_id(api_import_plan_t *p, size_t *cap, int64_t id)
{
    if (p->nids == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        int64_t *v = realloc(p->ids, nc * sizeof *v);
        if (!v) return -1;
        p->ids = v;
        *cap = nc;
    }
    p->ids[p->nids++] = id;
    return 0;
}

int api_import_check(const char *body, size_t len, int ndjson, int new_ids,
                     const api_limits_t *lim, api_import_plan_t *out, api_verr_t *e)
{
    api_import_reader_t r;
    agent_memory_in_t m;
    json_t *obj = NULL;
    size_t cap = 0;
    int got;
    memset(out, 0, sizeof *out);
    if (api_import_open(&r, body, len, ndjson, lim, e)) return -1;
    while ((got = api_import_next(&r, &obj, &m, e)) == 1) {
        json_decref(obj);       /* m's strings are not read past here */
        if (++out->n > (size_t)lim->max_import_items) {
            api_verr(e, 413, API_CODE_PAYLOAD_TOO_LARGE,
                     "the import holds more than %d memories, the limit (max_import_items)",
                     lim->max_import_items);
            goto fail;
        }
        if (new_ids || m.id == 0) continue;
        if (m.id > AGENT_ID_MAX) {
            if (r.ndjson)
                api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                         "line %zu: id: %lld is above %lld, the largest id an import keeps "
                         "(import with ?ids=new for fresh ids)",
                         r.line, (long long)m.id, (long long)AGENT_ID_MAX);
            else
                api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                         "[%zu].id: %lld is above %lld, the largest id an import keeps "
                         "(import with ?ids=new for fresh ids)",
                         r.index - 1, (long long)m.id, (long long)AGENT_ID_MAX);
            goto fail;
        }
        if (push_id(out, &cap, m.id)) {
            api_verr(e, 500, API_CODE_INTERNAL, "out of memory");
            goto fail;
        }
    }
    if (got < 0) goto fail;
    if (out->nids) qsort(out->ids, out->nids, sizeof *out->ids, cmp_id);
    for (size_t i = 1; i < out->nids; i++)
        if (out->ids[i] == out->ids[i - 1]) {
            api_verr(e, 409, API_CODE_CONFLICT, "id %lld appears more than once",
                     (long long)out->ids[i]);
            goto fail;
        }
    return 0;
fail:
    api_import_plan_free(out);
    return -1;
}

void api_import_plan_free(api_import_plan_t *p)
{
    free(p->ids);
    memset(p, 0, sizeof *p);
}

/* fuzz_validate.c: libFuzzer harness for api/validate.c, the checks every request body
 * and query string goes through before the agent. The first byte picks what the rest is
 * (its value modulo 8, so '0'..'7' in a corpus file): 0 a POST /v1/memories body, 1 a
 * PATCH body, 2 an import as JSON lines, 3 an import as a JSON array, 4 a POST /v1/chat
 * body (the fields chat.c takes), 5 a GET /v1/memories query string, 6 one scalar (time,
 * id, integer, user id) and 7 a time round trip. A refusal must carry a status, a code and
 * a message; what is accepted must be what the API documents (non-blank text within the
 * limit, valid ids, importance in 0..1, times that format and parse back to themselves). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/validate.h"
#include "model/tokenizer.h"
#include "fuzz.h"

static void check_refusal(int rc, const api_verr_t *e)
{
    if (rc == 0) return;
    CHECK(e->status >= 400 && e->status <= 500);
    CHECK(e->code != NULL);
    CHECK(e->msg[0] != '\0');
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\v' && *s != '\f')
            return 0;
    return 1;
}

/* What an accepted memory item must be. */
static void check_item(const agent_memory_in_t *m, const api_limits_t *lim, int import)
{
    size_t n = strlen(m->text);
    CHECK(n > 0 && n <= lim->max_text && !blank(m->text));
    CHECK(api_utf8_valid(m->text, n));
    CHECK(!m->conversation || api_id_valid(m->conversation, strlen(m->conversation)));
    CHECK(m->importance == -1 || (m->importance >= 0 && m->importance <= 1));
    CHECK(import || (m->id == 0 && m->created_ms == 0));
    CHECK(m->id >= 0 && m->created_ms >= 0);
}

static void memories_body(const char *b, size_t n, const api_limits_t *lim, int patch)
{
    api_verr_t e = {0};
    json_t *obj = api_parse_object(b, n, &e);
    if (!obj) {
        check_refusal(-1, &e);
        return;
    }
    if (patch) {
        const char *text;
        double imp;
        int rc = api_parse_patch(obj, lim, &text, &imp, &e);
        check_refusal(rc, &e);
        if (rc == 0) CHECK(text || imp >= 0);
    } else {
        api_create_t c;
        int rc = api_parse_create(obj, lim, &c, &e);
        check_refusal(rc, &e);
        if (rc == 0) {
            CHECK(c.n >= 1 && c.n <= (size_t)lim->max_batch);
            CHECK(!c.user || api_id_valid(c.user, strlen(c.user)));
            for (size_t i = 0; i < c.n; i++) check_item(&c.items[i], lim, 0);
            api_create_free(&c);
        }
    }
    json_decref(obj);
}

/* An import body: the check pass and the streamed reader must agree on how many items
 * there are, every item the reader gives is valid, and the given ids are distinct. */
static void import_body(const char *b, size_t n, const api_limits_t *lim, int ndjson)
{
    api_verr_t e = {0};
    api_import_plan_t plan = {0};
    int rc = api_import_check(b, n, ndjson, 0, lim, &plan, &e);
    check_refusal(rc, &e);
    if (rc) return;
    for (size_t i = 1; i < plan.nids; i++) CHECK(plan.ids[i - 1] < plan.ids[i]);
    api_import_reader_t r;
    api_verr_t e2 = {0};
    size_t items = 0;
    CHECK(api_import_open(&r, b, n, ndjson, lim, &e2) == 0);
    for (;;) {
        json_t *obj = NULL;
        agent_memory_in_t m;
        int got = api_import_next(&r, &obj, &m, &e2);
        CHECK(got >= 0);
        if (got <= 0) break;
        check_item(&m, lim, 1);
        items++;
        json_decref(obj);
    }
    CHECK(items == plan.n);
    api_import_plan_free(&plan);
}

static void chat_body(const char *b, size_t n, const api_limits_t *lim)
{
    api_verr_t e = {0};
    const char *named, *conversation, *message;
    json_t *body = api_parse_object(b, n, &e);
    if (!body) {
        check_refusal(-1, &e);
        return;
    }
    int rc = api_field_string(body, "", "user", API_FIELD_ID, 0, 0, &named, &e) ||
             api_field_string(body, "", "conversation", API_FIELD_ID, 1, 0, &conversation, &e) ||
             api_field_string(body, "", "message", API_FIELD_TEXT, 1, lim->max_message,
                              &message, &e);
    check_refusal(rc, &e);
    if (rc == 0) {
        CHECK(conversation && message);
        CHECK(strlen(message) <= lim->max_message && !blank(message));
    }
    json_decref(body);
}

/* A query string as libmicrohttpd hands it over: key=value pairs split on '&'. */
static void query_string(char *s, const api_limits_t *lim)
{
    api_query_t q;
    api_verr_t e = {0};
    api_query_init(&q, lim);
    char *save = s, *pair;
    while ((pair = strsep(&save, "&")) != NULL) {
        char *eq = strchr(pair, '=');
        if (eq) *eq++ = '\0';
        int rc = api_query_set(&q, pair, strlen(pair), eq, eq ? strlen(eq) : 0, lim, &e);
        check_refusal(rc, &e);
        if (rc) return;
        CHECK(e.status == 0);
    }
    CHECK(q.k >= 1 && q.k <= lim->max_k && q.limit >= 1 && q.limit <= lim->max_page);
    CHECK(q.cursor >= 0);
}

/* Times, ids and integers, each on the NUL-terminated text. */
static void scalar(const char *s, size_t n)
{
    int64_t v;
    long l;
    char buf[API_TIME_LEN];
    if (api_time_parse(s, &v) == 0) api_time_format(v, buf);
    if (api_parse_id(s, &v) == 0) CHECK(v > 0);
    if (api_parse_int(s, 1, 1000, &l) == 0) CHECK(l >= 1 && l <= 1000);
    if (api_id_valid(s, n)) CHECK(n >= 1 && n <= API_ID_MAX && !strchr(s, '/'));
}

/* A time that parses to a moment after 1970 (what an import keeps as created_at) is
 * written back by the export as api_time_format says, which must parse to the same ms. */
static void time_round_trip(const char *s)
{
    int64_t ms, again;
    char buf[API_TIME_LEN];
    if (api_time_parse(s, &ms) || ms <= 0) return;
    api_time_format(ms, buf);
    if (api_time_parse(buf, &again) != 0 || again != ms) {
        fprintf(stderr, "\"%s\" -> %lld -> \"%s\" does not parse back\n", s, (long long)ms, buf);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    api_limits_t lim;
    if (size < 1) return 0;
    api_limits_default(&lim);
    int mode = data[0] % 8;
    size_t n = size - 1;
    char *b = malloc(n + 1);    /* the body, NUL-terminated as libmicrohttpd's strings */
    if (!b) return 0;
    memcpy(b, data + 1, n);
    b[n] = '\0';
    /* the API's UTF-8 check and the tokenizer's must agree */
    CHECK(api_utf8_valid(b, n) == tok_utf8_valid(b, n));
    switch (mode) {
    case 0: memories_body(b, n, &lim, 0); break;
    case 1: memories_body(b, n, &lim, 1); break;
    case 2: import_body(b, n, &lim, 1); break;
    case 3: import_body(b, n, &lim, 0); break;
    case 4: chat_body(b, n, &lim); break;
    case 5: query_string(b, &lim); break;
    case 6: scalar(b, n); break;
    default: time_round_trip(b); break;
    }
    free(b);
    return 0;
}

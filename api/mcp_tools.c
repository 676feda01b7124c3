/* mcp_tools.c: the MCP tools, one table row each: name, description, JSON Schema of the
 * arguments, hints, and the function that runs it through the agent for the user the
 * transport decided. OpenMemory's names for the memory tools (add_memories,
 * search_memory, list_memories, delete_memories, delete_all_memories), plus chat (a turn
 * of mnemo's own agent) and memory_history. A result carries the same JSON objects as
 * the REST API in structuredContent and a short text for the model in content. */
#include "api/internal.h"
#include "api/mcp.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ERRLEN 256
/* The largest id an argument may name: the integers a JSON number holds exactly. */
#define MAX_ID ((1LL << 53) - 1)

/* What a tool's run function reports when its arguments do not fit: -32602 and why. */
typedef struct call {
    int code;
    char *msg;
    size_t msglen;
} call_t;

typedef json_t *(*tool_fn)(const api_mcp_ctx_t *ctx, const json_t *args, call_t *c);
typedef json_t *(*schema_fn)(const api_limits_t *lim);

typedef struct tool {
    const char *name, *title, *description;
    const char *const *args;        /* the argument names the schema allows, NULL-ended */
    schema_fn schema;
    int read_only, destructive;     /* the hints clients show before a call */
    tool_fn run;
} tool_t;

/* ---- text for the model ----------------------------------------------------------- */

typedef struct text {
    char *s;
    size_t len, cap;
} text_t;

static void text_add(text_t *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_add(text_t *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || (t->cap && !t->s)) return;
    if (t->len + (size_t)n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + (size_t)n + 1) cap *= 2;
        char *s = realloc(t->s, cap);
        if (!s) {
            free(t->s);
            t->s = NULL;
            return;
        }
        t->s = s;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* The CallToolResult: text content (the text is consumed; memory texts are valid UTF-8,
 * checked when they came in), structuredContent (stolen; NULL: none) and isError. */
static json_t *result(text_t *t, json_t *structured, int is_error)
{
    json_t *r = json_pack("{s:[{s:s,s:s}],s:b}", "content", "type", "text", "text",
                          t->s ? t->s : "", "isError", is_error);
    free(t->s);
    t->s = NULL;
    if (r && structured) json_object_set_new(r, "structuredContent", structured);
    else json_decref(structured);
    return r;
}

/* A failed tool: isError with the REST API's error code and the reason. */
static json_t *failure(const char *code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static json_t *failure(const char *code, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    api_sanitize(msg);
    text_t t = {0};
    text_add(&t, "%s", msg);
    return result(&t, json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", msg), 1);
}

/* An agent error as a failed tool; what names the object ("memory 17"). */
static json_t *agent_failure(int rc, const char *what, const char *err)
{
    switch (rc) {
    case AGENT_ENOTFOUND:
    case AGENT_EFORBIDDEN:
        return failure(API_CODE_NOT_FOUND, "%s not found", what);
    case AGENT_EINVAL:
        return failure(API_CODE_VALIDATION_FAILED, "%s", err && *err ? err : "invalid input");
    case AGENT_ENOMODEL:
        return failure(API_CODE_NO_MODEL, "chat needs a model; this mnemod runs without one "
                       "(model = none)");
    case AGENT_EQUOTA:
        return failure(API_CODE_QUOTA_EXCEEDED, "%s", err && *err ? err : "quota exceeded");
    case AGENT_ENOMEM:
        return failure(API_CODE_INTERNAL, "out of memory; nothing was written");
    default:
        return failure(API_CODE_INTERNAL, "storage failed%s%s%s; nothing was written",
                       err && *err ? " (" : "", err && *err ? err : "", err && *err ? ")" : "");
    }
}

/* ---- arguments -------------------------------------------------------------------- */

static json_t *bad_args(call_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static json_t *bad_args(call_t *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->msg, c->msglen, fmt, ap);
    va_end(ap);
    c->code = API_MCP_INVALID_PARAMS;
    return NULL;
}

/* A string argument through validate.c's field check (the same rules as the REST
 * bodies). NULL with c filled when it does not fit; *out NULL when absent. */
static int arg_string(const json_t *args, const char *name, enum api_field_kind kind,
                      int required, size_t max, const char **out, call_t *c)
{
    api_verr_t e;
    if (!api_field_string(args, "arguments.", name, kind, required, max, out, &e)) return 0;
    bad_args(c, "%s", e.msg);
    return -1;
}

/* An integer argument in lo..hi (an integral number such as 5.0 counts); def when
 * absent. */
static int arg_int(const json_t *args, const char *name, long lo, long hi, long def, long *out,
                   call_t *c)
{
    const json_t *v = json_object_get(args, name);
    *out = def;
    if (!v || json_is_null(v)) return 0;
    double d = json_is_number(v) ? json_number_value(v) : lo - 1.0;
    if (d != (double)(long)d || d < (double)lo || d > (double)hi) {
        bad_args(c, "arguments.%s: must be an integer in %ld..%ld", name, lo, hi);
        return -1;
    }
    *out = (long)d;
    return 0;
}

static double since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static long min_cap(long limit)
{
    return limit < API_MCP_MAX_ITEMS ? limit : API_MCP_MAX_ITEMS;
}

/* ---- add_memories ----------------------------------------------------------------- */

static const char *const add_args[] = {"text", "importance", NULL};

static json_t *add_schema(const api_limits_t *lim)
{
    return json_pack("{s:s,s:{s:{s:s,s:s,s:i,s:I},s:{s:s,s:s,s:i,s:i}},s:[s],s:b}",
                     "type", "object", "properties",
                     "text", "type", "string", "description",
                     "What to remember, in the user's words: one fact or a few.",
                     "minLength", 1, "maxLength", (json_int_t)lim->max_text,
                     "importance", "type", "number", "description",
                     "How much it matters, 0..1 (default 0.5).", "minimum", 0, "maximum", 1,
                     "required", "text", "additionalProperties", 0);
}

static json_t *add_run(const api_mcp_ctx_t *ctx, const json_t *args, call_t *c)
{
    api_verr_t e;
    agent_memory_in_t in = {0};
    char err[ERRLEN] = "";
    int64_t id = 0;
    if (arg_string(args, "text", API_FIELD_TEXT, 1, ctx->lim->max_text, &in.text, c))
        return NULL;
    if (api_field_importance(args, "arguments.", &in.importance, &e))
        return bad_args(c, "%s", e.msg);
    int rc = agent_memory_create(ctx->agent, ctx->user, &in, 1, &id, err, sizeof err);
    if (rc) return agent_failure(rc, "memory", err);
    agent_memory_t m = {0};
    rc = agent_memory_get(ctx->agent, ctx->user, id, &m);
    if (rc) return agent_failure(rc, "the new memory", NULL);
    text_t t = {0};
    text_add(&t, "Remembered (memory %lld): %s", (long long)m.id, m.text ? m.text : "");
    json_t *r = result(&t, api_memory_json(&m), 0);
    agent_memory_clear(&m);
    return r;
}

/* ---- search_memory ---------------------------------------------------------------- */

static const char *const search_args[] = {"query", "limit", NULL};

static json_t *search_schema(const api_limits_t *lim)
{
    api_query_t q;
    api_query_init(&q, lim);
    return json_pack("{s:s,s:{s:{s:s,s:s,s:i},s:{s:s,s:s,s:i,s:i,s:i}},s:[s],s:b}",
                     "type", "object", "properties",
                     "query", "type", "string", "description",
                     "What to look for: a question or a few words.", "minLength", 1,
                     "limit", "type", "integer", "description", "How many memories, best first.",
                     "minimum", 1, "maximum", (int)min_cap(lim->max_k), "default", q.k,
                     "required", "query", "additionalProperties", 0);
}

static json_t *search_run(const api_mcp_ctx_t *ctx, const json_t *args, call_t *c)
{
    const char *query;
    long k;
    char err[ERRLEN] = "";
    int n = 0;
    api_query_t q;
    api_query_init(&q, ctx->lim);
    if (arg_string(args, "query", API_FIELD_TEXT, 1, ctx->lim->max_text, &query, c) ||
        arg_int(args, "limit", 1, min_cap(ctx->lim->max_k), q.k, &k, c))
        return NULL;
    agent_search_t sq = {.user = ctx->user, .k = (int)k};
    agent_hit_t *hits = calloc((size_t)k, sizeof *hits);
    if (!hits) return agent_failure(AGENT_ENOMEM, "memory", NULL);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = agent_memory_search(ctx->agent, &sq, query, hits, &n, err, sizeof err);
    if (ctx->metrics) api_hist_observe(&ctx->metrics->search, since(&t0));
    if (rc) {
        free(hits);
        return agent_failure(rc, "memory", err);
    }
    json_t *arr = json_array();
    text_t t = {0};
    if (n == 0) text_add(&t, "No memories found.");
    for (int i = 0; i < n; i++) {
        json_t *o = api_memory_json(&hits[i].mem);
        if (o) json_object_set_new(o, "score", json_real(hits[i].score));
        json_array_append_new(arr, o);
        text_add(&t, "%s[%lld] (score %.2f) %s", i ? "\n" : "", (long long)hits[i].mem.id,
                 (double)hits[i].score, hits[i].mem.text ? hits[i].mem.text : "");
    }
    agent_hits_clear(hits, n);
    free(hits);
    return result(&t, json_pack("{s:o}", "results", arr), 0);
}

/* ---- list_memories ---------------------------------------------------------------- */

static const char *const list_args[] = {"limit", "cursor", NULL};

static json_t *list_schema(const api_limits_t *lim)
{
    api_query_t q;
    api_query_init(&q, lim);
    return json_pack("{s:s,s:{s:{s:s,s:s,s:i,s:i,s:i},s:{s:s,s:s}},s:b}",
                     "type", "object", "properties",
                     "limit", "type", "integer", "description", "How many, newest first.",
                     "minimum", 1, "maximum", (int)min_cap(lim->max_page), "default", q.limit,
                     "cursor", "type", "string", "description",
                     "next_cursor of the previous page, for the page after it.",
                     "additionalProperties", 0);
}

static json_t *list_run(const api_mcp_ctx_t *ctx, const json_t *args, call_t *c)
{
    const char *cursor;
    long limit;
    api_query_t q;
    api_query_init(&q, ctx->lim);
    if (arg_int(args, "limit", 1, min_cap(ctx->lim->max_page), q.limit, &limit, c) ||
        arg_string(args, "cursor", API_FIELD_TEXT, 0, 32, &cursor, c))
        return NULL;
    agent_page_t p = {.user = ctx->user, .limit = (int)limit};
    if (cursor && api_parse_id(cursor, &p.cursor))
        return bad_args(c, "arguments.cursor: is not a next_cursor of list_memories");
    agent_memory_t *v = NULL;
    size_t n = 0;
    int64_t next = 0;
    int rc = agent_memory_list(ctx->agent, &p, &v, &n, &next);
    if (rc) return agent_failure(rc, "memory", NULL);
    json_t *arr = json_array();
    text_t t = {0};
    if (n == 0) text_add(&t, "No memories.");
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(arr, api_memory_json(&v[i]));
        text_add(&t, "%s[%lld] %s", i ? "\n" : "", (long long)v[i].id, v[i].text ? v[i].text : "");
    }
    agent_memories_free(v, n);
    char nc[24];
    snprintf(nc, sizeof nc, "%lld", (long long)next);
    if (next > 0) text_add(&t, "\n(more: call list_memories with cursor \"%s\")", nc);
    return result(&t, json_pack("{s:o,s:s?}", "memories", arr, "next_cursor",
                                next > 0 ? nc : NULL), 0);
}

/* ---- delete_memories -------------------------------------------------------------- */

static const char *const delete_args[] = {"memory_ids", NULL};

static long delete_cap(const api_limits_t *lim)
{
    return min_cap(lim->max_batch);
}

static json_t *delete_schema(const api_limits_t *lim)
{
    return json_pack("{s:s,s:{s:{s:s,s:s,s:{s:s,s:i},s:i,s:i}},s:[s],s:b}",
                     "type", "object", "properties",
                     "memory_ids", "type", "array", "description",
                     "The ids of the memories to delete (from search_memory or list_memories).",
                     "items", "type", "integer", "minimum", 1,
                     "minItems", 1, "maxItems", (int)delete_cap(lim),
                     "required", "memory_ids", "additionalProperties", 0);
}

static json_t *delete_run(const api_mcp_ctx_t *ctx, const json_t *args, call_t *c)
{
    const json_t *ids = json_object_get(args, "memory_ids");
    long cap = delete_cap(ctx->lim);
    size_t i;
    const json_t *v;
    if (!json_is_array(ids) || json_array_size(ids) == 0 || json_array_size(ids) > (size_t)cap)
        return bad_args(c, "arguments.memory_ids: must be an array of 1..%ld memory ids", cap);
    json_array_foreach(ids, i, v) {
        if (!json_is_integer(v) || json_integer_value(v) <= 0)
            return bad_args(c, "arguments.memory_ids[%zu]: must be a positive integer", i);
    }
    json_t *deleted = json_array(), *missing = json_array();
    text_t t = {0};
    json_array_foreach(ids, i, v) {
        int64_t id = json_integer_value(v);
        int rc = agent_memory_delete(ctx->agent, ctx->user, id);
        if (rc == AGENT_ENOTFOUND || rc == AGENT_EFORBIDDEN) {
            json_array_append_new(missing, json_integer(id));
        } else if (rc) {
            json_decref(deleted);
            json_decref(missing);
            free(t.s);
            return agent_failure(rc, "memory", NULL);
        } else {
            json_array_append_new(deleted, json_integer(id));
        }
    }
    size_t nd = json_array_size(deleted), nm = json_array_size(missing);
    text_add(&t, "Deleted %zu memor%s.", nd, nd == 1 ? "y" : "ies");
    if (nm) text_add(&t, " Not found: %zu.", nm);
    /* Nothing deleted at all is a failed call; some ids missing is not. */
    return result(&t, json_pack("{s:o,s:o}", "deleted", deleted, "not_found", missing),
                  nd == 0);
}

/* ---- delete_all_memories ---------------------------------------------------------- */

static const char *const no_args[] = {NULL};

static json_t *empty_schema(const api_limits_t *lim)
{
    (void)lim;
    return json_pack("{s:s,s:{},s:b}", "type", "object", "properties",
                     "additionalProperties", 0);
}

static json_t *delete_all_run(const api_mcp_ctx_t *ctx, const json_t *args, call_t *c)
{
    int64_t n = 0;
    (void)args, (void)c;
    int rc = agent_user_delete(ctx->agent, ctx->user, &n);
    if (rc) return agent_failure(rc, "user", NULL);
    text_t t = {0};
    text_add(&t, "Deleted all %lld memories and every conversation of the user.", (long long)n);
    return result(&t, json_pack("{s:s,s:I}", "user", ctx->user, "deleted_memories",
                                (json_int_t)n), 0);
}

/* ---- chat ------------------------------------------------------------------------- */

static const char *const chat_args[] = {"message", "conversation", NULL};

static json_t *chat_schema(const api_limits_t *lim)
{
    return json_pack("{s:s,s:{s:{s:s,s:s,s:i,s:I},s:{s:s,s:s,s:i,s:i,s:s}},s:[s],s:b}",
                     "type", "object", "properties",
                     "message", "type", "string", "description",
                     "What the user says to mnemo: a fact to keep, a question, a correction, "
                     "a request to forget.",
                     "minLength", 1, "maxLength", (json_int_t)lim->max_message,
                     "conversation", "type", "string", "description",
                     "The conversation it belongs to (mnemo keeps its recent turns).",
                     "minLength", 1, "maxLength", API_ID_MAX, "default", API_MCP_CONVERSATION,
                     "required", "message", "additionalProperties", 0);
}

static json_t *chat_run(const api_mcp_ctx_t *ctx, const json_t *args, call_t *c)
{
    const char *message, *conversation;
    char err[ERRLEN] = "";
    agent_turn_t turn;
    if (arg_string(args, "message", API_FIELD_TEXT, 1, ctx->lim->max_message, &message, c) ||
        arg_string(args, "conversation", API_FIELD_ID, 0, 0, &conversation, c))
        return NULL;
    if (!conversation) conversation = API_MCP_CONVERSATION;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = agent_chat(ctx->agent, ctx->user, conversation, message, &turn, err, sizeof err);
    json_t *r;
    if (!rc && ctx->metrics) api_chat_observe(ctx->metrics, &t0, &turn);
    if (rc) {
        char what[API_ID_MAX + 32];
        snprintf(what, sizeof what, "conversation %s", conversation);
        r = agent_failure(rc, what, err);
    } else {
        text_t t = {0};
        text_add(&t, "%s", turn.reply);
        for (size_t i = 0; i < turn.nmemories; i++)
            if (turn.memories[i].weight > 0)
                text_add(&t, "\n[memory %lld, weight %.2f] %s",
                         (long long)turn.memories[i].mem.id, (double)turn.memories[i].weight,
                         turn.memories[i].mem.text ? turn.memories[i].mem.text : "");
        r = result(&t, api_turn_json(conversation, &turn), 0);
    }
    agent_turn_clear(&turn);
    return r;
}

/* ---- memory_history --------------------------------------------------------------- */

static const char *const history_args[] = {"memory_id", NULL};

static json_t *history_schema(const api_limits_t *lim)
{
    (void)lim;
    return json_pack("{s:s,s:{s:{s:s,s:s,s:i}},s:[s],s:b}", "type", "object", "properties",
                     "memory_id", "type", "integer", "description",
                     "The memory whose earlier versions to show.", "minimum", 1,
                     "required", "memory_id", "additionalProperties", 0);
}

static json_t *history_run(const api_mcp_ctx_t *ctx, const json_t *args, call_t *c)
{
    long id;
    agent_memory_t m = {0};
    agent_version_t *v = NULL;
    size_t n = 0;
    if (!json_object_get(args, "memory_id"))
        return bad_args(c, "arguments.memory_id: is required");
    if (arg_int(args, "memory_id", 1, MAX_ID, 0, &id, c)) return NULL;
    int rc = agent_memory_get(ctx->agent, ctx->user, id, &m);
    if (!rc) rc = agent_memory_history(ctx->agent, ctx->user, id, &v, &n);
    if (rc) {
        agent_memory_clear(&m);
        char what[48];
        snprintf(what, sizeof what, "memory %ld", id);
        return agent_failure(rc, what, NULL);
    }
    text_t t = {0};
    text_add(&t, "Memory %ld now: %s", id, m.text ? m.text : "");
    if (m.superseded_by > 0)
        text_add(&t, " (superseded by memory %lld)", (long long)m.superseded_by);
    for (size_t i = 0; i < n; i++) text_add(&t, "\nbefore: %s", v[i].text ? v[i].text : "");
    json_t *r = result(&t, api_history_json(id, &m, v, n), 0);
    agent_history_free(v, n);
    agent_memory_clear(&m);
    return r;
}

/* ---- the table -------------------------------------------------------------------- */

static const tool_t tools[] = {
    {"add_memories", "Remember", "Store a memory about the user: something they told you "
     "that is worth knowing later (a fact, a preference, a plan).",
     add_args, add_schema, 0, 0, add_run},
    {"search_memory", "Search memories", "Find the user's memories closest to a query, best "
     "first, with their scores. Use it before answering a question about the user.",
     search_args, search_schema, 1, 0, search_run},
    {"list_memories", "List memories", "The user's memories, newest first, a page at a time.",
     list_args, list_schema, 1, 0, list_run},
    {"delete_memories", "Delete memories", "Delete memories of the user by id.",
     delete_args, delete_schema, 0, 1, delete_run},
    {"delete_all_memories", "Delete everything", "Delete every memory of the user and every "
     "conversation with them. It cannot be undone.",
     no_args, empty_schema, 0, 1, delete_all_run},
    {"chat", "Chat with mnemo", "One turn with mnemo's own agent: it reads the message (a "
     "fact, a question, a correction, a request to forget), stores or answers it from the "
     "user's memories, and replies, with the attention over the conversation and the "
     "memories it used.",
     chat_args, chat_schema, 0, 0, chat_run},
    {"memory_history", "Memory history", "The earlier versions of a memory (what it said "
     "before an edit or a correction) and the memory that superseded it.",
     history_args, history_schema, 1, 0, history_run},
};
#define N_TOOLS (sizeof tools / sizeof tools[0])

json_t *api_mcp_tools_list(const api_limits_t *lim)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < N_TOOLS; i++) {
        const tool_t *t = &tools[i];
        json_t *o = json_pack("{s:s,s:s,s:s,s:o,s:{s:s,s:b,s:b,s:b}}", "name", t->name,
                              "title", t->title, "description", t->description,
                              "inputSchema", t->schema(lim), "annotations", "title", t->title,
                              "readOnlyHint", t->read_only, "destructiveHint", t->destructive,
                              "openWorldHint", 0);
        if (!o || json_array_append_new(arr, o)) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

json_t *api_mcp_tools_call(const api_mcp_ctx_t *ctx, const char *name, const json_t *args,
                           int *code, char *msg, size_t msglen)
{
    const tool_t *t = NULL;
    for (size_t i = 0; i < N_TOOLS && !t; i++)
        if (!strcmp(tools[i].name, name)) t = &tools[i];
    *code = API_MCP_INVALID_PARAMS;
    if (!t) {
        snprintf(msg, msglen, "unknown tool: %.100s (tools/list names them)", name);
        return NULL;
    }
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)args, key, v) {
        int known = 0;
        for (const char *const *a = t->args; *a && !known; a++) known = !strcmp(*a, key);
        if (!known) {
            snprintf(msg, msglen, "%s takes no argument '%.64s'", t->name, key);
            return NULL;
        }
    }
    json_t *empty = NULL;
    if (!args) args = empty = json_object();
    call_t c = {API_MCP_INVALID_PARAMS, msg, msglen};
    msg[0] = '\0';
    json_t *r = t->run(ctx, args, &c);
    json_decref(empty);
    if (!r && !msg[0]) {
        *code = API_MCP_INTERNAL_ERROR;
        snprintf(msg, msglen, "out of memory");
    }
    return r;
}

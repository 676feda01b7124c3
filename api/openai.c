/* openai.c: the OpenAI-compatible routes (docs/API.md, "OpenAI-compatible chat"):
 * POST /v1/chat/completions runs the last user message of `messages` as one turn of the
 * same agent turn as POST /v1/chat (api_chat_turn) and answers with a chat.completion,
 * or with Server-Sent Events of chat.completion.chunk when `stream` is true; the whole
 * turn rides along as the `mnemo` extension so the citations are not lost.
 * GET /v1/models lists the loaded model. Errors take OpenAI's shape (reply.c). */
#include "api/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The conversation of a request that names none (the header or metadata.conversation):
 * each user has one of this id. */
#define OAI_CONVERSATION "openai"
/* The header that names the conversation; it wins over metadata.conversation. */
#define OAI_CONVERSATION_HEADER "X-Mnemo-Conversation"
/* Words in each content delta of a stream. */
#define OAI_DELTA_WORDS 4

/* The request as the turn needs it. Strings borrow from the body, but message. */
typedef struct oai_body {
    const char *user;           /* NULL when omitted */
    const char *conversation;   /* metadata.conversation, NULL when omitted */
    char *message;              /* the last user message's text (malloc'd) */
    int stream, include_usage;
} oai_body_t;

static int known_role(const char *r)
{
    static const char *const roles[] = {"system", "developer", "user", "assistant", "tool",
                                        "function", NULL};
    for (const char *const *p = roles; *p; p++)
        if (!strcmp(r, *p)) return 1;
    return 0;
}

static int blank(const char *s)
{
    return s[strspn(s, " \t\r\n")] == '\0';
}

/* The text of message m (content: a string, or an array of text parts joined by a
 * space) into *out (malloc'd). */
static int message_text(const json_t *m, const char *prefix, size_t max, char **out,
                        api_verr_t *e)
{
    const json_t *content = json_object_get(m, "content");
    const char *s;
    *out = NULL;
    if (!json_is_array(content)) {
        if (api_field_string(m, prefix, "content", API_FIELD_TEXT, 1, max, &s, e)) return -1;
        if (!(*out = strdup(s))) return api_verr(e, 500, API_CODE_INTERNAL, "out of memory");
        return 0;
    }
    size_t len = 0, i;
    const json_t *part;
    json_array_foreach(content, i, part) {
        const json_t *type = json_object_get(part, "type");
        const json_t *text = json_object_get(part, "text");
        if (!json_is_object(part) || !json_is_string(type) ||
            strcmp(json_string_value(type), "text") != 0 || !json_is_string(text))
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                            "%scontent[%zu]: must be a text part {\"type\": \"text\", "
                            "\"text\": \"...\"} (other parts are not supported)", prefix, i);
        len += json_string_length(text) + 1;
    }
    if (!(*out = malloc(len + 1))) return api_verr(e, 500, API_CODE_INTERNAL, "out of memory");
    char *p = *out;
    json_array_foreach(content, i, part) {
        const json_t *text = json_object_get(part, "text");
        if (p > *out) *p++ = ' ';
        memcpy(p, json_string_value(text), json_string_length(text));
        p += json_string_length(text);
    }
    *p = '\0';
    if (blank(*out) || (size_t)(p - *out) > max) {
        api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                 blank(*out) ? "%scontent: must not be empty"
                             : "%scontent: is longer than the limit of %zu bytes", prefix, max);
        free(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

/* The turn's message: the text of the last message whose role is user. */
static int parse_messages(const json_t *body, size_t max, oai_body_t *out, api_verr_t *e)
{
    const json_t *msgs = json_object_get(body, "messages"), *m;
    char prefix[48];
    size_t i, last = (size_t)-1;
    if (!msgs || json_is_null(msgs))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "messages: is required");
    if (!json_is_array(msgs))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                        "messages: must be an array of messages");
    if (json_array_size(msgs) == 0)
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "messages: must not be empty");
    json_array_foreach(msgs, i, m) {
        const json_t *role = json_object_get(m, "role");
        const json_t *content = json_object_get(m, "content");
        if (!json_is_object(m))
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                            "messages[%zu]: must be an object", i);
        if (!json_is_string(role) || !known_role(json_string_value(role)))
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                            "messages[%zu].role: must be one of system, developer, user, "
                            "assistant, tool", i);
        if (content && !json_is_null(content) && !json_is_string(content) &&
            !json_is_array(content))
            return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                            "messages[%zu].content: must be a string or an array of content "
                            "parts", i);
        if (!strcmp(json_string_value(role), "user")) last = i;
    }
    if (last == (size_t)-1)
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED,
                        "messages: has no message with role user (its last is the turn)");
    snprintf(prefix, sizeof prefix, "messages[%zu].", last);
    return message_text(json_array_get(msgs, last), prefix, max, &out->message, e);
}

/* absent or null: 0; true/false; anything else is an error. */
static int field_bool(const json_t *obj, const char *name, const char *what, int *out,
                      api_verr_t *e)
{
    const json_t *v = json_object_get(obj, name);
    *out = 0;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_boolean(v))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "%s: must be true or false", what);
    *out = json_is_true(v);
    return 0;
}

/* absent or null: NULL; an object; anything else is an error. */
static int field_object(const json_t *obj, const char *name, const json_t **out,
                        api_verr_t *e)
{
    const json_t *v = json_object_get(obj, name);
    *out = NULL;
    if (!v || json_is_null(v)) return 0;
    if (!json_is_object(v))
        return api_verr(e, 422, API_CODE_VALIDATION_FAILED, "%s: must be an object", name);
    *out = v;
    return 0;
}

/* Validates a chat.completions body into out (out->message to free). Fields the turn
 * does not use (temperature, max_tokens, n, tools ...) are ignored; model may be any
 * string (the reply names the loaded model). */
static int parse_body(const json_t *body, size_t max_message, oai_body_t *out, api_verr_t *e)
{
    const json_t *opts, *meta;
    const char *model;
    memset(out, 0, sizeof *out);
    if (api_field_string(body, "", "model", API_FIELD_TEXT, 0, API_ID_MAX, &model, e) ||
        api_field_string(body, "", "user", API_FIELD_ID, 0, 0, &out->user, e) ||
        field_bool(body, "stream", "stream", &out->stream, e) ||
        field_object(body, "stream_options", &opts, e) ||
        (opts && field_bool(opts, "include_usage", "stream_options.include_usage",
                            &out->include_usage, e)) ||
        field_object(body, "metadata", &meta, e) ||
        (meta && api_field_string(meta, "metadata.", "conversation", API_FIELD_ID, 0, 0,
                                  &out->conversation, e)))
        return -1;
    return parse_messages(body, max_message, out, e);
}

/* The model's id: "mnemo-" and its tag; "" without a model. */
static const char *model_id(const api_req_t *rq, char *buf, size_t len)
{
    const char *tag = agent_model_tag(rq->srv->agent);
    snprintf(buf, len, "%s%s", tag ? "mnemo-" : "", tag ? tag : "");
    return buf;
}

/* Words split at ASCII whitespace: what `usage` counts (not a tokenizer's tokens). */
static json_int_t words(const char *s)
{
    json_int_t n = 0;
    for (const char *p = s; *p;) {
        p += strspn(p, " \t\r\n");
        if (!*p) break;
        n++;
        p += strcspn(p, " \t\r\n");
    }
    return n;
}

static json_t *usage_json(const char *message, const char *reply)
{
    json_int_t in = words(message), out = words(reply);
    return json_pack("{s:I,s:I,s:I}", "prompt_tokens", in, "completion_tokens", out,
                     "total_tokens", in + out);
}

/* ---- the answer ------------------------------------------------------------------ */

typedef struct oai_answer {
    char id[40];                /* "chatcmpl-<turn id>" */
    json_int_t created;         /* seconds since the epoch */
    char model[64];
} oai_answer_t;

static json_t *completion_json(const oai_answer_t *a, const char *conversation,
                               const char *message, const agent_turn_t *t)
{
    return json_pack("{s:s,s:s,s:I,s:s,s:[{s:i,s:{s:s,s:s,s:n},s:n,s:s}],s:o,s:o}",
                     "id", a->id, "object", "chat.completion", "created", a->created,
                     "model", a->model, "choices", "index", 0, "message", "role",
                     "assistant", "content", t->reply, "refusal", "logprobs",
                     "finish_reason", "stop", "usage", usage_json(message, t->reply),
                     "mnemo", api_turn_json(conversation, t));
}

/* A chunk with one choice: delta (stolen) and finish_reason (NULL: null). */
static json_t *chunk_json(const oai_answer_t *a, json_t *delta, const char *finish)
{
    return json_pack("{s:s,s:s,s:I,s:s,s:[{s:i,s:o,s:n,s:s?}]}", "id", a->id, "object",
                     "chat.completion.chunk", "created", a->created, "model", a->model,
                     "choices", "index", 0, "delta", delta, "logprobs", "finish_reason",
                     finish);
}

/* Writes "data: <chunk>\n\n" (chunk stolen; with usage, "usage": null is added as
 * OpenAI does on every chunk but the last). -1 when out of memory. */
static int event(FILE *f, json_t *chunk, int with_usage)
{
    if (!chunk || (with_usage && json_object_set_new(chunk, "usage", json_null()))) {
        json_decref(chunk);
        return -1;
    }
    int rc = fputs("data: ", f) < 0 || json_dumpf(chunk, f, API_JSON_FLAGS) ||
             fputs("\n\n", f) < 0 ? -1 : 0;
    json_decref(chunk);
    return rc;
}

/* The stream of a turn: the role, the reply in deltas of OAI_DELTA_WORDS words (their
 * concatenation is the reply), the finish with the mnemo extension, the usage when
 * asked, then [DONE]. */
static int stream_body(FILE *f, const oai_answer_t *a, const oai_body_t *b,
                       const char *conversation, const agent_turn_t *t)
{
    int u = b->include_usage;
    if (event(f, chunk_json(a, json_pack("{s:s,s:s}", "role", "assistant", "content", ""),
                            NULL), u))
        return -1;
    for (const char *p = t->reply; *p;) {
        const char *q = p + strspn(p, " \t\r\n");
        for (int w = 0; *q && w < OAI_DELTA_WORDS; w++) {
            q += strcspn(q, " \t\r\n");
            if (w + 1 < OAI_DELTA_WORDS) q += strspn(q, " \t\r\n");
        }
        q += strspn(q, " \t\r\n");      /* the space after a group goes with it */
        if (event(f, chunk_json(a, json_pack("{s:s%}", "content", p, (size_t)(q - p)), NULL),
                  u))
            return -1;
        p = q;
    }
    json_t *last = chunk_json(a, json_object(), "stop");
    if (!last || json_object_set_new(last, "mnemo", api_turn_json(conversation, t)) ||
        event(f, last, u))
        return -1;
    if (u && event(f, json_pack("{s:s,s:s,s:I,s:s,s:[],s:o}", "id", a->id, "object",
                                "chat.completion.chunk", "created", a->created, "model",
                                a->model, "choices", "usage",
                                usage_json(b->message, t->reply)), 0))
        return -1;
    return fputs("data: [DONE]\n\n", f) < 0 ? -1 : 0;
}

static void send_stream(api_req_t *rq, const oai_answer_t *a, const oai_body_t *b,
                        const char *conversation, const agent_turn_t *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int rc = f ? stream_body(f, a, b, conversation, t) : -1;
    if (f && fclose(f)) rc = -1;
    if (rc) {
        free(buf);
        api_error(rq, 500, API_CODE_INTERNAL, "out of memory writing the stream");
        return;
    }
    api_send_stream(rq, 200, buf, len);
}

/* ---- the routes ------------------------------------------------------------------ */

void api_h_chat_completions(api_req_t *rq)
{
    api_verr_t e;
    oai_body_t b = {0};
    const char *user, *conversation;
    agent_turn_t t;
    json_t *body = api_parse_object(rq->body, rq->len, &e);
    if (!body || parse_body(body, rq->set->lim.max_message, &b, &e)) {
        api_error_v(rq, &e);
        goto out;
    }
    conversation = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                               OAI_CONVERSATION_HEADER);
    if (conversation && !api_id_valid(conversation, strlen(conversation))) {
        api_error(rq, 400, API_CODE_INVALID_PARAMETER,
                  OAI_CONVERSATION_HEADER ": must be 1-%d bytes without control characters "
                  "or '/'", API_ID_MAX);
        goto out;
    }
    if (!conversation) conversation = b.conversation ? b.conversation : OAI_CONVERSATION;
    if (api_act_as(rq, b.user, API_FROM_BODY, &user) ||
        api_chat_turn(rq, user, conversation, b.message, &t))
        goto out;

    oai_answer_t a = {.created = (json_int_t)time(NULL)};
    snprintf(a.id, sizeof a.id, "chatcmpl-%lld", (long long)t.turn);
    model_id(rq, a.model, sizeof a.model);
    if (b.stream)
        send_stream(rq, &a, &b, conversation, &t);
    else
        api_send_json(rq, 200, completion_json(&a, conversation, b.message, &t));
    agent_turn_clear(&t);
out:
    free(b.message);
    json_decref(body);
}

void api_h_models(api_req_t *rq)
{
    char id[64];
    json_t *data = json_array();
    if (data && *model_id(rq, id, sizeof id))
        json_array_append_new(data, json_pack("{s:s,s:s,s:I,s:s}", "id", id, "object", "model",
                                              "created",
                                              (json_int_t)(rq->srv->metrics.started_ms / 1000),
                                              "owned_by", "mnemo"));
    api_send_json(rq, 200, json_pack("{s:s,s:o}", "object", "list", "data", data));
}

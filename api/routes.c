/* routes.c: the route table of docs/API.md and its matcher, plus the two handlers too
 * small for a file of their own (healthz, readyz). A path that matches no pattern is 404;
 * a pattern matched with a method it lacks is 405 with the row's Allow header. The
 * health probes and the inspector's static files (/ui) are open; /metrics needs the admin
 * token (it counts users and memories); every other route needs a token when tokens are
 * configured. */
#include "api/internal.h"

#include <stdlib.h>
#include <string.h>

static void h_healthz(api_req_t *rq)
{
    api_send_json(rq, 200, json_pack("{s:s}", "status", "ok"));
}

static void h_readyz(api_req_t *rq)
{
    char why[256];
    if (!agent_ready(rq->srv->agent)) {
        api_error(rq, 503, API_CODE_NOT_READY, "start-up has not finished");
        return;
    }
    if (api_storage_check(rq, why, sizeof why)) {
        api_error(rq, 503, API_CODE_NOT_READY, "%s", why);
        return;
    }
    api_send_json(rq, 200, json_pack("{s:s}", "status", "ready"));
}

static const api_route_t routes[] = {
    /* Probes (systemd, load balancers) carry no token; they reveal nothing. */
    {"/healthz", "GET", API_OPEN, {{"GET", h_healthz, API_BODY_NONE}}, API_ERRORS_MNEMO,
     API_RUN_INLINE},
    {"/readyz", "GET", API_OPEN, {{"GET", h_readyz, API_BODY_NONE}}, API_ERRORS_MNEMO,
     API_RUN_INLINE},
    {"/metrics", "GET", API_ADMIN, {{"GET", api_h_metrics, API_BODY_NONE}}, API_ERRORS_MNEMO,
     API_RUN_INLINE},
    {"/v1/memories", "GET, POST", API_TOKEN,
     {{"GET", api_h_memories_get, API_BODY_NONE},
      {"POST", api_h_memories_post, API_BODY_JSON}}, API_ERRORS_MNEMO, API_RUN_POOL},
    {"/v1/memories/{id}", "GET, PATCH, DELETE", API_TOKEN,
     {{"GET", api_h_memory_get, API_BODY_NONE},
      {"PATCH", api_h_memory_patch, API_BODY_JSON},
      {"DELETE", api_h_memory_delete, API_BODY_NONE}}, API_ERRORS_MNEMO,
     API_RUN_POOL_GET_ANYWAY},
    {"/v1/memories/{id}/history", "GET", API_TOKEN,
     {{"GET", api_h_memory_history, API_BODY_NONE}}, API_ERRORS_MNEMO, API_RUN_POOL},
    {"/v1/users/{id}", "DELETE", API_TOKEN,
     {{"DELETE", api_h_user_delete, API_BODY_NONE}}, API_ERRORS_MNEMO, API_RUN_POOL},
    {"/v1/users/{id}/export", "GET", API_TOKEN,
     {{"GET", api_h_user_export, API_BODY_NONE}}, API_ERRORS_MNEMO, API_RUN_POOL},
    {"/v1/users/{id}/import", "POST", API_TOKEN,
     {{"POST", api_h_user_import, API_BODY_IMPORT}}, API_ERRORS_MNEMO, API_RUN_POOL},
    {"/v1/chat", "POST", API_TOKEN,
     {{"POST", api_h_chat_post, API_BODY_JSON}}, API_ERRORS_MNEMO, API_RUN_POOL},
    {"/v1/conversations/{id}", "GET, DELETE", API_TOKEN,
     {{"GET", api_h_conversation_get, API_BODY_NONE},
      {"DELETE", api_h_conversation_delete, API_BODY_NONE}}, API_ERRORS_MNEMO, API_RUN_POOL},
    {"/v1/users/{id}/conversations", "GET", API_TOKEN,
     {{"GET", api_h_user_conversations, API_BODY_NONE}}, API_ERRORS_MNEMO, API_RUN_POOL},
    /* OpenAI-compatible: OpenAI's error shape, for the clients that parse it. */
    {"/v1/chat/completions", "POST", API_TOKEN,
     {{"POST", api_h_chat_completions, API_BODY_JSON}}, API_ERRORS_OPENAI, API_RUN_POOL},
    {"/v1/models", "GET", API_TOKEN, {{"GET", api_h_models, API_BODY_NONE}}, API_ERRORS_OPENAI,
     API_RUN_POOL},
    /* MCP, Streamable HTTP: no GET (no server stream), so GET is 405 as the spec asks. */
    {"/mcp", "POST, DELETE", API_TOKEN,
     {{"POST", api_h_mcp_post, API_BODY_JSON},
      {"DELETE", api_h_mcp_delete, API_BODY_NONE}}, API_ERRORS_MNEMO, API_RUN_POOL},
    /* The inspector's static files: open, they hold no data (the page asks for a token). */
    {"/ui", "GET", API_OPEN, {{"GET", api_h_ui, API_BODY_NONE}}, API_ERRORS_MNEMO, API_RUN_INLINE},
    {"/ui/", "GET", API_OPEN, {{"GET", api_h_ui, API_BODY_NONE}}, API_ERRORS_MNEMO, API_RUN_INLINE},
    {"/ui/{file}", "GET", API_OPEN, {{"GET", api_h_ui, API_BODY_NONE}}, API_ERRORS_MNEMO,
     API_RUN_INLINE},
};

_Static_assert(sizeof routes / sizeof routes[0] <= API_MAX_ROUTES, "raise API_MAX_ROUTES");

const api_route_t *api_routes(size_t *n)
{
    *n = sizeof routes / sizeof routes[0];
    return routes;
}

size_t api_route_list(const char **patterns, const char **methods, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
        for (const api_method_t *m = routes[i].methods; m->name; m++, n++)
            if (n < cap) {
                patterns[n] = routes[i].pattern;
                methods[n] = m->name;
            }
    return n;
}

/* Matches path against pattern segment by segment; a {..} segment matches any
 * non-empty segment, whose bounds land in *cap / *cap_len. */
static int match(const char *pattern, const char *path, const char **cap, size_t *cap_len)
{
    const char *p = pattern, *s = path;
    while (*p && *s) {
        if (*p != '/' || *s != '/') return 0;
        p++, s++;
        size_t pl = strcspn(p, "/"), sl = strcspn(s, "/");
        if (p[0] == '{') {
            if (sl == 0) return 0;
            *cap = s;
            *cap_len = sl;
        } else if (pl != sl || memcmp(p, s, pl) != 0) {
            return 0;
        }
        p += pl;
        s += sl;
    }
    return *p == '\0' && *s == '\0';
}

const api_route_t *api_route_match(const char *path, char **param)
{
    *param = NULL;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        const char *cap = NULL;
        size_t cap_len = 0;
        if (!match(routes[i].pattern, path, &cap, &cap_len)) continue;
        if (cap) {
            *param = strndup(cap, cap_len);
            if (!*param) return NULL;
        }
        return &routes[i];
    }
    return NULL;
}

/* users.c: the /v1/users/{id} routes: export (JSON lines, oldest first) and delete
 * (forget everything about a user); import is import.c's. A user token may only name its
 * own user here; any other name is 403. */
#include "api/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *api_path_user(api_req_t *rq)
{
    const char *user;
    if (!rq->param || !api_id_valid(rq->param, strlen(rq->param))) {
        api_error(rq, 400, API_CODE_INVALID_PARAMETER,
                  "user: must be 1-%d bytes without control characters or '/'", API_ID_MAX);
        return NULL;
    }
    if (api_act_as(rq, rq->param, API_FROM_PATH, &user)) return NULL;
    return user;
}

/* ---- export --------------------------------------------------------------------- */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf_t;

static int append(buf_t *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) return -1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static int export_one(const agent_memory_t *m, void *ctx)
{
    buf_t *b = ctx;
    json_t *o = api_memory_json(m);
    char *s = o ? json_dumps(o, API_JSON_FLAGS) : NULL;
    int rc = !s || append(b, s, strlen(s)) || append(b, "\n", 1) ? AGENT_ENOMEM : 0;
    free(s);
    json_decref(o);
    return rc;
}

void api_h_user_export(api_req_t *rq)
{
    buf_t b = {0};
    const char *user = api_path_user(rq);
    if (!user) return;
    /* The whole export is built in memory, then sent: the store's iteration holds a
     * transaction, which must not wait on a slow client. */
    int rc = agent_user_export(rq->srv->agent, user, export_one, &b);
    if (rc || (!b.p && (b.p = malloc(1)) == NULL)) {
        free(b.p);
        api_error_agent(rq, rc ? rc : AGENT_ENOMEM, "user", NULL);
        return;
    }
    api_send(rq, 200, "application/x-ndjson", b.p, b.len);
}

/* ---- delete --------------------------------------------------------------------- */

void api_h_user_delete(api_req_t *rq)
{
    int64_t removed = 0;
    const char *user = api_path_user(rq);
    if (!user) return;
    int rc = agent_user_delete(rq->srv->agent, user, &removed);
    if (rc)
        api_error_agent(rq, rc, "user", NULL);
    else
        api_send_json(rq, 200, json_pack("{s:s,s:I}", "user", user, "deleted_memories",
                                         (json_int_t)removed));
}

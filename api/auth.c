/* auth.c: bearer tokens and the user a request acts for (docs/API.md, "Auth"). A user
 * token acts only for its user, which a request may leave implicit; naming another user
 * is 403. An admin token (or no tokens configured at all) acts for anyone but must name
 * the user. Secrets are compared in time independent of where they differ; each 401
 * counts against the client's address (throttle.c), which past too many gets 429. */
#include "api/internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* 1 when a[0..alen) equals b, in time that depends on the lengths only. */
static int secret_equal(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    unsigned char diff = alen != blen;
    for (size_t i = 0; i < blen; i++)
        diff |= (unsigned char)(alen ? a[i % alen] : 0) ^ (unsigned char)b[i];
    return diff == 0;
}

static void set_log_user(api_req_t *rq, const char *user)
{
    snprintf(rq->log_user, sizeof rq->log_user, "%s", user);
}

/* The client's address, or NULL. */
static const struct sockaddr *peer(const api_req_t *rq)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(rq->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return ci ? ci->client_addr : NULL;
}

/* A 401, counted against the client's address. */
static int unauthorized(api_req_t *rq, const char *msg)
{
    api_throttle_fail(rq->srv->throttle, peer(rq));
    api_error(rq, 401, API_CODE_UNAUTHORIZED, "%s", msg);
    return -1;
}

int api_auth(api_req_t *rq)
{
    const api_live_t *set = rq->set;
    if (set->n_tokens == 0) {
        rq->admin = 1;
        set_log_user(rq, "admin");
        return 0;
    }
    /* An address that failed too often waits before any token of it is compared. */
    unsigned wait = api_throttle_wait(rq->srv->throttle, peer(rq));
    if (wait) {
        rq->retry_after = wait;
        return api_error(rq, 429, API_CODE_TOO_MANY_REQUESTS,
                         "too many failed authentications from this address; retry in %u s",
                         wait), -1;
    }
    const char *h = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                MHD_HTTP_HEADER_AUTHORIZATION);
    if (!h || strncasecmp(h, "Bearer ", 7) != 0)
        return unauthorized(rq, "send Authorization: Bearer <token>");
    h += 7;
    while (*h == ' ' || *h == '\t') h++;
    size_t len = strlen(h);
    while (len && (h[len - 1] == ' ' || h[len - 1] == '\t')) len--;

    const api_token_t *found = NULL;
    for (size_t i = 0; i < set->n_tokens; i++)     /* no early exit: same time for all */
        if (secret_equal(h, len, set->tokens[i].secret) && !found) found = &set->tokens[i];
    if (!found || len == 0)
        return unauthorized(rq, "unknown bearer token");
    rq->admin = found->user == NULL;
    rq->token_user = found->user;
    set_log_user(rq, found->user ? found->user : "admin");
    return 0;
}

int api_act_as(api_req_t *rq, const char *named, enum api_where where, const char **user)
{
    if (!rq->admin) {
        if (named && strcmp(named, rq->token_user) != 0)
            return api_error(rq, 403, API_CODE_FORBIDDEN,
                             "this token acts only for its own user, not for '%s'", named), -1;
        *user = rq->token_user;
        return 0;
    }
    if (!named) {
        if (where == API_FROM_BODY)
            return api_error(rq, 422, API_CODE_VALIDATION_FAILED,
                             "user: is required with an admin token (or with no tokens)"), -1;
        return api_error(rq, 400, API_CODE_INVALID_PARAMETER,
                         "user: is required with an admin token (or with no tokens)"), -1;
    }
    *user = named;
    set_log_user(rq, named);
    return 0;
}

const char *api_id_scope(api_req_t *rq)
{
    return rq->admin ? NULL : rq->token_user;
}

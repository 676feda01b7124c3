/* import.c: POST /v1/users/{id}/import. A check pass over the whole body (every item
 * valid, the item limit, ids in range and not repeated, none already in the store) comes
 * first and writes nothing; then the memories go in, IMPORT_BATCH per transaction, so
 * the store's lock is never held for a whole import and other requests run between
 * batches (the item of the largest kept id goes first, alone). If a batch fails all the same (a concurrent write took an id, the disk
 * filled) or the server begins to stop, the batches already written are forgotten
 * again: the import is all or nothing, though a reader of the same user may see it
 * grow while it runs (docs/API.md). ?ids=new gives every item a fresh id and returns
 * the old -> new map. */
#include "api/internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Memories per transaction: long enough to amortize the commit's fsync, short enough
 * that a search waiting on the store's lock waits for one batch, not the import. */
#define IMPORT_BATCH 512

typedef struct import_run {
    api_req_t *rq;
    const char *user;
    int new_ids;
    int64_t *written;           /* the ids written so far, to take back on failure */
    size_t nwritten, cap;       /* cap: the items the check pass counted */
    char *map;                  /* new_ids: the reply being written */
    size_t maplen, mapcap;
    char err[256];
} import_run_t;

static int map_append(import_run_t *r, const char *s, size_t n)
{
    if (r->maplen + n + 1 > r->mapcap) {
        size_t cap = r->mapcap ? r->mapcap : 4096;
        while (cap < r->maplen + n + 1) cap *= 2;
        char *p = realloc(r->map, cap);
        if (!p) return -1;
        r->map = p;
        r->mapcap = cap;
    }
    memcpy(r->map + r->maplen, s, n);
    r->maplen += n;
    r->map[r->maplen] = '\0';
    return 0;
}

/* ?ids=keep (the default) or ?ids=new. 0, or -1 after the error is sent. */
static int read_ids_mode(api_req_t *rq, int *new_ids)
{
    const char *v = MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, "ids");
    *new_ids = v && !strcmp(v, "new");
    if (v && !*new_ids && strcmp(v, "keep")) {
        api_error(rq, 400, API_CODE_INVALID_PARAMETER, "ids: must be keep or new");
        return -1;
    }
    return 0;
}

/* 409 unless every id of the sorted plan is free; AGENT_* from the store. */
static int check_free(import_run_t *r, const api_import_plan_t *plan)
{
    for (size_t i = 0; i < plan->nids; i += IMPORT_BATCH) {
        size_t n = plan->nids - i < IMPORT_BATCH ? plan->nids - i : IMPORT_BATCH;
        int64_t taken = 0;
        int rc = agent_memory_ids_taken(r->rq->srv->agent, plan->ids + i, n, &taken);
        if (rc) return rc;
        if (taken) {
            snprintf(r->err, sizeof r->err, "id %" PRId64 " already exists", taken);
            return AGENT_ECONFLICT;
        }
    }
    return AGENT_OK;
}

/* Writes one batch (items borrow from objs) and records its ids. AGENT_* with r->err. */
static int write_batch(import_run_t *r, agent_memory_in_t *items, const int64_t *old,
                       size_t n)
{
    if (n > r->cap - r->nwritten) {    /* the check pass read the same bytes */
        snprintf(r->err, sizeof r->err, "the body changed between its two reads");
        return AGENT_EINVAL;
    }
    int64_t *ids = r->written + r->nwritten;
    int rc = agent_memory_create(r->rq->srv->agent, r->user, items, n, ids, r->err,
                                 sizeof r->err);
    if (rc) return rc;
    r->nwritten += n;
    for (size_t i = 0; r->new_ids && i < n; i++) {
        char one[64];
        int len = old[i] ? snprintf(one, sizeof one, "%s{\"old\":%" PRId64 ",\"new\":%" PRId64 "}",
                                    r->nwritten - n + i ? "," : "", old[i], ids[i])
                         : snprintf(one, sizeof one, "%s{\"old\":null,\"new\":%" PRId64 "}",
                                    r->nwritten - n + i ? "," : "", ids[i]);
        if (map_append(r, one, (size_t)len)) return AGENT_ENOMEM;
    }
    return AGENT_OK;
}

/* One batch being read: items borrow their strings from objs. */
typedef struct import_batch {
    json_t *objs[IMPORT_BATCH];
    agent_memory_in_t items[IMPORT_BATCH];
    int64_t old[IMPORT_BATCH];  /* the ids the body gave (0: none) */
} import_batch_t;

/* A write pass over the checked body: with top > 0 and only_top, the item whose id is
 * top alone; else every item but that one. AGENT_* with r->err; 1 when the server began
 * to stop. */
static int write_pass(import_run_t *r, const char *body, size_t len, int ndjson, int64_t top,
                      int only_top)
{
    api_import_reader_t rd;
    api_verr_t e;
    size_t n = 0;
    int rc = AGENT_OK, got;
    import_batch_t *b = malloc(sizeof *b);
    if (!b) return AGENT_ENOMEM;
    json_t **objs = b->objs;
    agent_memory_in_t *items = b->items;
    int64_t *old = b->old;
    if (api_import_open(&rd, body, len, ndjson, &r->rq->set->lim, &e)) {
        snprintf(r->err, sizeof r->err, "%s", e.msg);
        rc = AGENT_EINVAL;
        goto out;
    }
    do {
        got = api_import_next(&rd, &objs[n], &items[n], &e);
        if (got < 0) {      /* the check pass read the same bytes */
            snprintf(r->err, sizeof r->err, "%s", e.msg);
            rc = AGENT_EINVAL;
            break;
        }
        if (got && top > 0 && (items[n].id == top) != only_top) {
            json_decref(objs[n]);
            continue;
        }
        if (got) {
            old[n] = items[n].id;
            if (r->new_ids) items[n].id = 0;
            n++;
        }
        if (n == IMPORT_BATCH || (n && (!got || only_top))) {
            if (atomic_load(&r->rq->srv->stopping)) {
                rc = 1;
                break;
            }
            rc = write_batch(r, items, old, n);
            for (size_t i = 0; i < n; i++) json_decref(objs[i]);
            n = 0;
        }
    } while (got && rc == AGENT_OK && !(only_top && r->nwritten));
out:
    for (size_t i = 0; i < n; i++) json_decref(objs[i]);
    free(b);
    return rc;
}

/* Forgets what the import wrote, a batch per transaction. 0 or -1. */
static int take_back(import_run_t *r)
{
    char err[256];
    for (size_t i = 0; i < r->nwritten; i += IMPORT_BATCH) {
        size_t n = r->nwritten - i < IMPORT_BATCH ? r->nwritten - i : IMPORT_BATCH;
        if (agent_memory_forget_ids(r->rq->srv->agent, r->written + i, n, err, sizeof err))
            return -1;
    }
    return 0;
}

void api_h_user_import(api_req_t *rq)
{
    api_verr_t e;
    api_import_plan_t plan = {0};
    import_run_t r = {.rq = rq};
    int rc;
    if (!(r.user = api_path_user(rq)) || read_ids_mode(rq, &r.new_ids)) return;
    const char *ct = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_TYPE);
    int ndjson = ct && strstr(ct, "ndjson") != NULL;
    if (api_import_check(rq->body, rq->len, ndjson, r.new_ids, &rq->set->lim, &plan, &e)) {
        api_error_v(rq, &e);
        goto out;
    }
    if ((rc = check_free(&r, &plan))) {
        api_error_agent(rq, rc, "memory", r.err);
        goto out;
    }
    char head[64];
    int hl = snprintf(head, sizeof head, "{\"imported\":%zu%s", plan.n,
                      r.new_ids ? ",\"ids\":[" : "}");
    r.cap = plan.n;
    r.written = malloc((plan.n ? plan.n : 1) * sizeof *r.written);
    if (!r.written || map_append(&r, head, (size_t)hl)) {
        api_error_agent(rq, AGENT_ENOMEM, "memory", NULL);
        goto out;
    }
    /* The largest kept id goes in first: from then on the ids the store assigns to
     * concurrent writes (the largest in use + 1) are above every id of the import, which
     * they would otherwise take from under its later batches. */
    int64_t top = !r.new_ids && plan.nids ? plan.ids[plan.nids - 1] : 0;
    rc = top ? write_pass(&r, rq->body, rq->len, ndjson, top, 1) : AGENT_OK;
    if (rc == AGENT_OK) rc = write_pass(&r, rq->body, rq->len, ndjson, top, 0);
    if (rc == AGENT_OK) {
        if (r.new_ids && map_append(&r, "]}", 2)) {
            rc = AGENT_ENOMEM;
        } else {
            api_send(rq, 200, "application/json", r.map, r.maplen);
            r.map = NULL;
            goto out;
        }
    }
    if (take_back(&r))
        api_error(rq, 500, API_CODE_INTERNAL,
                  "the import failed after %zu of %zu memories (%s) and they could not be "
                  "taken back; export the user to see them", r.nwritten, plan.n,
                  rc == 1 ? "the server is stopping" : r.err);
    else if (rc == 1)
        api_error(rq, 503, API_CODE_SHUTTING_DOWN,
                  "the server is stopping; nothing was imported");
    else
        api_error_agent(rq, rc, "memory", r.err);
out:
    free(r.written);
    free(r.map);
    api_import_plan_free(&plan);
}

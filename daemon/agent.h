/* agent.h: the C interface the HTTP layer calls. The agent owns the store and the
 * encoders; it turns text into memory vectors (lexical sketch today, joined by the
 * model's sentence encoding once the model issue lands) and enforces nothing about
 * authentication: api/ decides which user a request may act for and passes it here. */
#ifndef MNEMO_DAEMON_AGENT_H
#define MNEMO_DAEMON_AGENT_H

#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

typedef struct agent agent_t;

enum agent_err {
    AGENT_OK = 0,
    AGENT_ENOTFOUND = -1,
    AGENT_EINVAL = -2,      /* invalid input (err says which) */
    AGENT_EIO = -3,
    AGENT_ENOMEM = -4,
    AGENT_ECONFLICT = -5,
    AGENT_EFORBIDDEN = -6,  /* the row exists but belongs to another user */
};

typedef struct agent_config {
    const char *db_path;
} agent_config_t;

/* Opens the store (migrating and indexing it). NULL with err filled on failure. */
agent_t *agent_new(const agent_config_t *cfg, char *err, size_t errlen);
void agent_free(agent_t *a);
int agent_ready(const agent_t *a);

/* A memory to create: borrowed strings. */
typedef struct agent_memory_in {
    const char *text;
    const char *conversation;   /* may be NULL */
    double importance;          /* < 0 = default */
    int64_t created_ms;         /* 0 = now (import passes the original time) */
    int64_t id;                 /* 0 = assign (import may pass one) */
} agent_memory_in_t;

/* Creates n memories of user in one transaction; ids[n] receives their ids. */
int agent_memory_create(agent_t *a, const char *user, const agent_memory_in_t *in, size_t n,
                        int64_t *ids, char *err, size_t errlen);
/* Loads id when it belongs to user (user NULL = admin: any). AGENT_ENOTFOUND when
 * absent or another user's: a token never learns that another user's id exists. */
int agent_memory_get(agent_t *a, const char *user, int64_t id, store_memory_t *out);
int agent_memory_update(agent_t *a, const char *user, int64_t id, const char *text,
                        double importance, store_memory_t *out, char *err, size_t errlen);
int agent_memory_delete(agent_t *a, const char *user, int64_t id);
int agent_memory_history(agent_t *a, const char *user, int64_t id, store_version_t **out,
                         size_t *n);
int agent_memory_search(agent_t *a, const store_query_t *q_without_vec, const char *text,
                        store_hit_t *hits, int *n, char *err, size_t errlen);
int agent_memory_list(agent_t *a, const store_page_t *p, store_memory_t **out, size_t *n,
                      int64_t *next_cursor);
int agent_user_export(agent_t *a, const char *user, store_each_fn fn, void *ctx);
int agent_user_delete(agent_t *a, const char *user, int64_t *removed);

store_t *agent_store(agent_t *a);

/* Sizes for /metrics. */
typedef struct agent_stats {
    size_t memories;            /* rows, superseded and stale included */
    size_t users;               /* users with a searchable memory */
    size_t index_bytes;         /* the in-RAM vector index */
    int64_t db_bytes;           /* the SQLite file (pages in use and free) */
} agent_stats_t;
void agent_stats(agent_t *a, agent_stats_t *out);

#endif

/* store.h: mnemo's long-term memory. SQLite (WAL, synchronous=FULL, foreign keys,
 * busy_timeout, schema versioned by PRAGMA user_version) is the source of truth for
 * memories, their history, conversations and turns; an in-RAM index (index.h) mirrors
 * the memory vectors for top-k search. Every public call is one transaction and is
 * thread-safe: writes are serialized, searches take a read lock on the index.
 * Times are milliseconds since the Unix epoch, UTC. */
#ifndef MNEMO_STORE_STORE_H
#define MNEMO_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>

#define STORE_SCHEMA_VERSION 2

enum store_err {
    STORE_OK = 0,
    STORE_ENOTFOUND = -1,   /* no such row (or it belongs to another user) */
    STORE_EINVAL = -2,      /* bad argument: dimension mismatch, empty text ... */
    STORE_EIO = -3,         /* SQLite failed; err says why */
    STORE_ENOMEM = -4,
    STORE_ECONFLICT = -5,   /* e.g. importing an id that exists for another user */
};

typedef struct store store_t;

typedef struct store_memory {
    int64_t id;
    char *user;             /* owned strings (store_memory_clear frees them) */
    char *conversation;     /* may be NULL */
    char *text;
    int64_t created_ms, updated_ms, last_used_ms;
    int64_t use_count;
    double importance;      /* 0..1, default 0.5 */
    int64_t superseded_by;  /* 0 when current */
    int dim;                /* vector dimension, 0 when vec is NULL */
    float *vec;             /* owned, may be NULL when not requested */
    char *encoder;          /* encoder id of vec */
} store_memory_t;

/* What a caller hands to store_memory_add: borrowed pointers. */
typedef struct store_new_memory {
    const char *user;
    const char *conversation;   /* may be NULL */
    const char *text;
    const float *vec;           /* dim floats */
    int dim;
    const char *encoder;
    double importance;          /* < 0 means default 0.5 */
    int64_t created_ms;         /* 0 means now */
    int64_t id;                 /* 0 means assign; nonzero only for import */
} store_new_memory_t;

typedef struct store_hit {
    store_memory_t mem;         /* vec not loaded */
    float score;
} store_hit_t;

typedef struct store_query {
    const char *user;           /* required */
    const float *vec;           /* required for search, dim floats */
    int k;                      /* 1..STORE_MAX_K */
    int64_t since_ms, until_ms; /* 0 = open */
    const char *conversation;   /* NULL = any */
} store_query_t;

typedef struct store_page {
    const char *user;
    int64_t since_ms, until_ms;
    const char *conversation;
    int64_t cursor;             /* 0 = first page; else ids < cursor (newest first) */
    int limit;
} store_page_t;

#define STORE_MAX_K 1000

/* Opens (creating when absent) the database at path, migrates it forward to
 * STORE_SCHEMA_VERSION and loads the index for vectors of dim floats and encoder id.
 * Returns NULL with err filled on failure (including a database newer than this code). */
store_t *store_open(const char *path, int dim, const char *encoder, char *err, size_t errlen);
void store_close(store_t *st);

/* Inserts n memories in one transaction; ids[i] receives each new id (ids may be NULL).
 * All or nothing. Each item needs a user, a non-empty text and a finite vector of the
 * store's dim from the store's encoder (encoder NULL = the store's); importance above 1
 * is STORE_EINVAL (err names the item), an id that exists STORE_ECONFLICT. Returns
 * STORE_OK or an error with err filled. */
int store_memory_add(store_t *st, const store_new_memory_t *m, size_t n, int64_t *ids,
                     char *err, size_t errlen);

/* Loads memory id into out (which the caller clears with store_memory_clear).
 * with_vec loads the vector too. STORE_ENOTFOUND when absent. */
int store_memory_get(store_t *st, int64_t id, int with_vec, store_memory_t *out);

/* Changes text (and vector) and/or importance of id; the previous text is kept in the
 * memory's history. text NULL = unchanged; importance < 0 = unchanged; vec (the store's
 * dim floats) is required with a new text and may also come alone (re-encoding). */
int store_memory_update(store_t *st, int64_t id, const char *text, const float *vec,
                        double importance, char *err, size_t errlen);

/* Marks old_id superseded by new_id (both of the same user) and records it in old_id's
 * history. old_id stays readable (get, list, history, export) but leaves the search
 * index. STORE_EINVAL for different users or old_id == new_id, STORE_ECONFLICT when
 * old_id is already superseded. */
int store_memory_supersede(store_t *st, int64_t old_id, int64_t new_id, char *err,
                           size_t errlen);

/* History of id, oldest first: each entry's text and the time it stopped being
 * current. *out is malloc'd (free with store_history_free). */
typedef struct store_version {
    char *text;
    int64_t valid_until_ms;
    int64_t superseded_by;      /* nonzero when this version ended by supersession */
} store_version_t;
int store_memory_history(store_t *st, int64_t id, store_version_t **out, size_t *n);
void store_history_free(store_version_t *v, size_t n);

int store_memory_delete(store_t *st, int64_t id);       /* STORE_ENOTFOUND when absent */

/* Marks ids as used now (use_count += 1, last_used_ms = now), one transaction. */
int store_memory_touch(store_t *st, const int64_t *ids, size_t n);

/* Exact top-k search of q->user's current memories (never another user's; superseded
 * and stale memories are not searched). hits must hold
 * q->k entries; *n receives how many were filled; each hit's mem is owned by the
 * caller (store_hits_clear). idf: BM25-style query weighting (see index_search). */
int store_search(store_t *st, const store_query_t *q, int idf, store_hit_t *hits, int *n,
                 char *err, size_t errlen);
void store_hits_clear(store_hit_t *hits, int n);

/* Tells the index that the first n dimensions of every vector are the lexical sketch
 * (index_set_lexical_dims): idf weighting of a search then applies to them only. 0 or
 * the store's dim (the default) = all. Call it right after store_open. Returns
 * STORE_OK, or STORE_EINVAL when n is outside 0..dim. */
int store_set_lexical_dims(store_t *st, int n);

/* A page of p->user's memories, newest first (by id). *out malloc'd array of *n
 * (store_memories_free); *next_cursor is 0 when there is no further page. */
int store_memory_list(store_t *st, const store_page_t *p, store_memory_t **out, size_t *n,
                      int64_t *next_cursor);
void store_memories_free(store_memory_t *v, size_t n);

/* Calls fn for every memory of user, oldest first, with vectors loaded; stops early and
 * returns fn's value when fn returns nonzero. Rows are read in batches of 256, each its
 * own read transaction, and fn runs without the store's lock (so a slow consumer does
 * not stall the store); a memory added or deleted meanwhile may or may not be seen. */
typedef int (*store_each_fn)(const store_memory_t *m, void *ctx);
int store_memory_each(store_t *st, const char *user, store_each_fn fn, void *ctx);

/* Deletes every memory, conversation and turn of user in one transaction. *removed
 * receives the number of memories deleted (may be NULL). */
int store_user_delete(store_t *st, const char *user, int64_t *removed);

/* Memories whose vector came from another encoder id or dimension than store_open's
 * stay in SQLite (readable, listed, exported) but are not searchable until re-encoded.
 * store_stale_count says how many there are (counted at open, kept up to date). */
size_t store_stale_count(store_t *st);

/* Fills out (the store's dim floats) with text's vector. Returns 0, nonzero on failure. */
typedef int (*store_encode_fn)(const char *text, float *out, void *ctx);

/* Re-encodes every stale memory with fn. Rows are read in batches, encoded without the
 * store's lock (searches and writes go on meanwhile) and rewritten one transaction per
 * batch, then indexed; a row whose text changed in between is skipped (its update
 * brought a fresh vector). *done (may be NULL) receives how many were rewritten.
 * STORE_EINVAL with err filled when fn fails or gives a non-finite vector; batches
 * already written stay written. */
int store_reencode(store_t *st, store_encode_fn fn, void *ctx, size_t *done, char *err,
                   size_t errlen);

/* Conversations and turns (the chat issue uses these). A conversation belongs to the
 * user of its first turn; store_turn_add for another user's conversation is
 * STORE_ECONFLICT, and role must be "user" or "assistant" (else STORE_EINVAL). */
typedef struct store_turn {
    int64_t id;
    char *role;                 /* "user" or "assistant" */
    char *text;
    int64_t created_ms;
} store_turn_t;
int store_turn_add(store_t *st, const char *user, const char *conversation,
                   const char *role, const char *text, int64_t *id_out);
/* A message (role "user") and the reply to it (role "assistant") as two turns in one
 * transaction: one commit instead of two on the chat turn's path. Same rules as
 * store_turn_add. */
int store_exchange_add(store_t *st, const char *user, const char *conversation,
                       const char *message, const char *reply, int64_t *message_id,
                       int64_t *reply_id);

/* A chat turn's writes in one transaction (one commit, one sync): the message and its
 * reply as turns (as store_exchange_add) and, when w is not NULL, the statement's
 * memory: w->update_id nonzero updates that memory (touch_only: only marks it used; else
 * w->mem's text and vector, the old text going to its history), zero adds w->mem; then
 * each of w->supersede[0..nsupersede) is superseded by it (one that is gone, already
 * superseded or another user's is skipped). w->mem_id receives the memory's id and
 * w->superseded (room for nsupersede) the ids superseded, w->nsuperseded their number.
 * All or nothing. */
typedef struct store_chat_write {
    const store_new_memory_t *mem;  /* the statement: user, conversation, text, vec, dim */
    int64_t update_id;              /* the memory it repeats, 0 = a new one */
    int touch_only;                 /* with update_id: the same text, only mark it used */
    const int64_t *supersede;
    size_t nsupersede;
    int64_t mem_id;                 /* out */
    int64_t *superseded;            /* out, [nsupersede] */
    size_t nsuperseded;             /* out */
} store_chat_write_t;
int store_chat_commit(store_t *st, const char *user, const char *conversation,
                      const char *message, const char *reply, int64_t *message_id,
                      int64_t *reply_id, store_chat_write_t *w, char *err, size_t errlen);
/* The last limit turns of conversation (oldest first). STORE_ENOTFOUND when the
 * conversation does not exist; *owner receives its user (malloc'd) when owner != NULL. */
int store_turns_last(store_t *st, const char *conversation, int limit, store_turn_t **out,
                     size_t *n, char **owner);
void store_turns_free(store_turn_t *v, size_t n);
int store_conversation_delete(store_t *st, const char *conversation);

/* Observability. */
size_t store_memory_count(store_t *st);     /* all rows, stale and superseded too */
size_t store_user_count(store_t *st);       /* users with a searchable memory */
size_t store_index_bytes(store_t *st);
int64_t store_db_bytes(store_t *st);

void store_memory_clear(store_memory_t *m);
int64_t store_now_ms(void);

#endif

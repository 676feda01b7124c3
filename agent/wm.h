/* wm.h: working memory. Per conversation, a ring of its last W exchanges (a message and
 * the reply to it), which the chat turn reads as memory slots; the rings live in a hash
 * map keyed by (user, conversation id) under one budget of bytes for all of them: past
 * it the least recently used conversations leave RAM. A conversation evicted (or never
 * seen since a restart) is restored from the turns table (wm_ring_restore) by its next
 * turn, so eviction costs a reload, never a turn's context. One conversation's turns are
 * serialized: wm_acquire hands the caller its entry locked. */
#ifndef MNEMO_AGENT_WM_H
#define MNEMO_AGENT_WM_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* One exchange: the user's message and what became of it. */
typedef struct wm_exchange {
    int64_t turn;           /* id of the user's turn in the turns table */
    char *text;             /* the message when it is a statement (a slot the model
                               reads), else NULL: nothing reads it (owned) */
    int statement;          /* 1 when the model took the message for a statement */
} wm_exchange_t;

/* The last cap exchanges, oldest first through wm_ring_at. */
typedef struct wm_ring {
    wm_exchange_t *v;       /* [cap], allocated by the first push */
    int cap, head, n;       /* v[head] is the oldest of n */
    size_t bytes;           /* heap bytes it holds: v, and each text with its NUL */
} wm_ring_t;

void wm_ring_init(wm_ring_t *r, int cap);
/* Drops every exchange (keeps the capacity). */
void wm_ring_clear(wm_ring_t *r);
void wm_ring_free(wm_ring_t *r);
/* Appends an exchange (text copied for a statement), dropping the oldest when full. 0,
 * or -1 when out of memory (the ring is unchanged then). */
int wm_ring_push(wm_ring_t *r, int64_t turn, const char *text, int statement);
/* Drops the text of every exchange that contains needle (ASCII case folded): it is no
 * longer a statement the model reads (a forget request). Returns how many. */
int wm_ring_forget(wm_ring_t *r, const char *needle);
/* Exchange i, 0 = the oldest kept; i must be below r->n. */
const wm_exchange_t *wm_ring_at(const wm_ring_t *r, int i);
/* Rebuilds r from turns t[0..n), oldest first as store_turns_last gives them: each user
 * turn is an exchange, a statement when the kind stored with it is statement (the
 * model's name for it); assistant turns are skipped. The last cap exchanges are kept.
 * 0, or -1 when out of memory (r is empty then). */
int wm_ring_restore(wm_ring_t *r, const store_turn_t *t, size_t n, const char *statement);

/* A conversation's entry. The caller of wm_acquire owns the public fields until
 * wm_release. */
typedef struct wm_conv {
    char *user;             /* the conversation's user (owned) */
    char *id;               /* the conversation id, unique within user (owned) */
    int loaded;             /* the ring reflects the turns table */
    uint64_t gen;           /* the caller's generation when loaded (see agent.c) */
    wm_ring_t ring;
    /* private to wm.c */
    pthread_mutex_t mu;
    int refs;
    size_t charged;         /* bytes counted in the map's total (wm_conv_bytes) */
    uint64_t hash;
    struct wm_conv *next_in_bucket, *lru_prev, *lru_next;
} wm_conv_t;

typedef struct wm wm_t;

/* A map of rings of turns exchanges each, holding at most max_bytes (wm_conv_bytes of
 * every entry) once the entries held by callers are released: wm_acquire and wm_release
 * evict the least recently used entries that nobody holds until the total is within
 * it. Entries held are never evicted, so the total may pass max_bytes while they are;
 * an entry larger than max_bytes alone is evicted at its release. NULL when out of
 * memory. */
wm_t *wm_new(int turns, size_t max_bytes);
void wm_free(wm_t *w);
/* A new budget, applied now (evicting as above). */
void wm_set_max_bytes(wm_t *w, size_t max_bytes);
/* The bytes an entry accounts for: the entry, its ids and its ring's bytes (the heap
 * blocks' own overhead left out). */
size_t wm_conv_bytes(const wm_conv_t *c);
/* Finds or creates the entry of user's conversation id (a new one is not loaded), marks
 * it most recently used and returns it locked: another caller for the same conversation
 * waits until wm_release. NULL when out of memory. */
wm_conv_t *wm_acquire(wm_t *w, const char *user, const char *id);
void wm_release(wm_t *w, wm_conv_t *c);
/* Conversations held in RAM. */
size_t wm_count(wm_t *w);

typedef struct wm_stats {
    size_t conversations;   /* entries in RAM */
    size_t bytes;           /* their wm_conv_bytes as of their last release */
    size_t max_bytes;       /* the budget */
    uint64_t evictions;     /* entries evicted since wm_new */
} wm_stats_t;
void wm_stats(wm_t *w, wm_stats_t *out);

#endif

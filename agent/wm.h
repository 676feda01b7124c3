/* wm.h: working memory. Per conversation, a ring of its last W exchanges (a message and
 * the reply to it), which the chat turn reads as memory slots; the rings live in a hash
 * map keyed by (user, conversation id) and bounded by a least-recently-used eviction, and
 * a conversation evicted (or never seen since a restart) is restored from the turns table
 * (wm_ring_restore). One conversation's turns are serialized: wm_acquire hands the caller
 * its entry locked. */
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
    uint64_t hash;
    struct wm_conv *next_in_bucket, *lru_prev, *lru_next;
} wm_conv_t;

typedef struct wm wm_t;

/* A map of rings of turns exchanges each, keeping at most max_convs conversations that
 * nobody holds (0: WM_MAX_CONVS). NULL when out of memory. */
#define WM_MAX_CONVS 10000
wm_t *wm_new(int turns, size_t max_convs);
void wm_free(wm_t *w);
/* Finds or creates the entry of user's conversation id (a new one is not loaded), marks
 * it most recently used and returns it locked: another caller for the same conversation
 * waits until wm_release. NULL when out of memory. */
wm_conv_t *wm_acquire(wm_t *w, const char *user, const char *id);
void wm_release(wm_t *w, wm_conv_t *c);
/* Conversations held in RAM. */
size_t wm_count(wm_t *w);

#endif

/* wm.c: working memory (wm.h): the ring of a conversation's last exchanges (which counts
 * the bytes it holds), its restoration from the turns table, and the map of
 * conversations: chained hash buckets plus a least-recently-used list and the byte total,
 * under one mutex held only for lookups and accounting; each entry has its own mutex,
 * held by the caller for a whole turn. A ring changes only under its entry's mutex, so
 * its bytes join the total when the entry is released. An entry somebody holds is never
 * evicted, so a pointer from wm_acquire stays valid until wm_release. */
#include "agent/wm.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the ring --------------------------------------------------------------------- */

void wm_ring_init(wm_ring_t *r, int cap)
{
    memset(r, 0, sizeof *r);
    r->cap = cap > 0 ? cap : 1;
}

/* The bytes of a text as a ring holds it. */
static size_t text_bytes(const char *t)
{
    return t ? strlen(t) + 1 : 0;
}

void wm_ring_clear(wm_ring_t *r)
{
    for (int i = 0; i < r->n; i++) {
        wm_exchange_t *e = &r->v[(r->head + i) % r->cap];
        r->bytes -= text_bytes(e->text);
        free(e->text);
    }
    r->head = 0;
    r->n = 0;
}

void wm_ring_free(wm_ring_t *r)
{
    wm_ring_clear(r);
    free(r->v);
    r->v = NULL;
    r->bytes = 0;
}

int wm_ring_push(wm_ring_t *r, int64_t turn, const char *text, int statement)
{
    if (!r->v) {
        if (!(r->v = calloc((size_t)r->cap, sizeof *r->v)))
            return -1;
        r->bytes += (size_t)r->cap * sizeof *r->v;
    }
    char *copy = statement ? strdup(text ? text : "") : NULL;
    if (statement && !copy)
        return -1;
    int slot;
    if (r->n == r->cap) {       /* full: the oldest goes */
        slot = r->head;
        r->bytes -= text_bytes(r->v[slot].text);
        free(r->v[slot].text);
        r->head = (r->head + 1) % r->cap;
    } else {
        slot = (r->head + r->n++) % r->cap;
    }
    r->v[slot] = (wm_exchange_t){turn, copy, statement != 0};
    r->bytes += text_bytes(copy);
    return 0;
}

const wm_exchange_t *wm_ring_at(const wm_ring_t *r, int i)
{
    return &r->v[(r->head + i) % r->cap];
}

/* 1 when needle occurs in hay, ASCII case folded. */
static int contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; n && *p; p++)
        if (strncasecmp(p, needle, n) == 0) return 1;
    return 0;
}

int wm_ring_forget(wm_ring_t *r, const char *needle)
{
    int n = 0;
    for (int i = 0; i < r->n; i++) {
        wm_exchange_t *e = &r->v[(r->head + i) % r->cap];
        if (!e->text || !contains_nocase(e->text, needle)) continue;
        r->bytes -= text_bytes(e->text);
        free(e->text);
        e->text = NULL;
        e->statement = 0;
        n++;
    }
    return n;
}

int wm_ring_restore(wm_ring_t *r, const store_turn_t *t, size_t n, const char *statement)
{
    wm_ring_clear(r);
    for (size_t i = 0; i < n; i++) {
        if (!t[i].role || strcmp(t[i].role, "user") != 0)
            continue;           /* a reply: its message carries the exchange's kind */
        int stmt = t[i].kind && statement && strcmp(t[i].kind, statement) == 0;
        if (wm_ring_push(r, t[i].id, t[i].text, stmt) != 0) {
            wm_ring_clear(r);
            return -1;
        }
    }
    return 0;
}

/* ---- the map ---------------------------------------------------------------------- */

struct wm {
    pthread_mutex_t mu;         /* guards everything below and every entry's refs and
                                   charged */
    int turns;
    size_t max_bytes;
    size_t bytes;               /* the sum of every entry's charged */
    uint64_t evictions;
    wm_conv_t **buckets;        /* [nbuckets], a power of two */
    size_t nbuckets, count;
    wm_conv_t *lru_head, *lru_tail; /* most / least recently used */
};

/* FNV-1a over user, a NUL, then id: ("ab", "c") and ("a", "bc") differ. */
static uint64_t hash_key(const char *user, const char *id)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)user; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    h *= 1099511628211ULL;      /* the separator: a NUL byte */
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    return h;
}

size_t wm_conv_bytes(const wm_conv_t *c)
{
    return sizeof *c + strlen(c->user) + 1 + strlen(c->id) + 1 + c->ring.bytes;
}

wm_t *wm_new(int turns, size_t max_bytes)
{
    wm_t *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->turns = turns > 0 ? turns : 1;
    w->max_bytes = max_bytes;
    w->nbuckets = 64;
    if (!(w->buckets = calloc(w->nbuckets, sizeof *w->buckets))) {
        free(w);
        return NULL;
    }
    pthread_mutex_init(&w->mu, NULL);
    return w;
}

static void conv_free(wm_conv_t *c)
{
    wm_ring_free(&c->ring);
    pthread_mutex_destroy(&c->mu);
    free(c->id);
    free(c->user);
    free(c);
}

void wm_free(wm_t *w)
{
    if (!w)
        return;
    for (wm_conv_t *c = w->lru_head, *next; c; c = next) {
        next = c->lru_next;
        conv_free(c);
    }
    free(w->buckets);
    pthread_mutex_destroy(&w->mu);
    free(w);
}

static void lru_unlink(wm_t *w, wm_conv_t *c)
{
    if (c->lru_prev)
        c->lru_prev->lru_next = c->lru_next;
    else
        w->lru_head = c->lru_next;
    if (c->lru_next)
        c->lru_next->lru_prev = c->lru_prev;
    else
        w->lru_tail = c->lru_prev;
    c->lru_prev = c->lru_next = NULL;
}

static void lru_push_front(wm_t *w, wm_conv_t *c)
{
    c->lru_prev = NULL;
    c->lru_next = w->lru_head;
    if (w->lru_head)
        w->lru_head->lru_prev = c;
    w->lru_head = c;
    if (!w->lru_tail)
        w->lru_tail = c;
}

static void bucket_unlink(wm_t *w, wm_conv_t *c)
{
    wm_conv_t **p = &w->buckets[c->hash & (w->nbuckets - 1)];
    while (*p != c)
        p = &(*p)->next_in_bucket;
    *p = c->next_in_bucket;
}

/* Doubles the buckets when the map is fuller than one entry per bucket; a failed
 * allocation only leaves the chains longer. */
static void maybe_grow(wm_t *w)
{
    if (w->count < w->nbuckets)
        return;
    size_t n = w->nbuckets * 2;
    wm_conv_t **b = calloc(n, sizeof *b);
    if (!b)
        return;
    for (wm_conv_t *c = w->lru_head; c; c = c->lru_next) {
        c->next_in_bucket = b[c->hash & (n - 1)];
        b[c->hash & (n - 1)] = c;
    }
    free(w->buckets);
    w->buckets = b;
    w->nbuckets = n;
}

/* Evicts the least recently used entries nobody holds until the total is within the
 * budget. */
static void evict(wm_t *w)
{
    for (wm_conv_t *c = w->lru_tail, *prev; c && w->bytes > w->max_bytes; c = prev) {
        prev = c->lru_prev;
        if (c->refs)
            continue;
        bucket_unlink(w, c);
        lru_unlink(w, c);
        w->count--;
        w->bytes -= c->charged;
        w->evictions++;
        conv_free(c);
    }
}

/* Brings c's share of the total up to date with its ring. */
static void recharge(wm_t *w, wm_conv_t *c)
{
    size_t now = wm_conv_bytes(c);
    w->bytes = w->bytes - c->charged + now;
    c->charged = now;
}

wm_conv_t *wm_acquire(wm_t *w, const char *user, const char *id)
{
    uint64_t h = hash_key(user, id);
    pthread_mutex_lock(&w->mu);
    wm_conv_t *c = w->buckets[h & (w->nbuckets - 1)];
    while (c && (c->hash != h || strcmp(c->id, id) != 0 || strcmp(c->user, user) != 0))
        c = c->next_in_bucket;
    if (c) {
        lru_unlink(w, c);
    } else {
        if (!(c = calloc(1, sizeof *c)) || !(c->id = strdup(id)) ||
            !(c->user = strdup(user))) {
            if (c) free(c->id);
            free(c);
            pthread_mutex_unlock(&w->mu);
            return NULL;
        }
        c->hash = h;
        wm_ring_init(&c->ring, w->turns);
        pthread_mutex_init(&c->mu, NULL);
        maybe_grow(w);
        c->next_in_bucket = w->buckets[h & (w->nbuckets - 1)];
        w->buckets[h & (w->nbuckets - 1)] = c;
        w->count++;
        recharge(w, c);
    }
    lru_push_front(w, c);
    c->refs++;
    evict(w);
    pthread_mutex_unlock(&w->mu);
    pthread_mutex_lock(&c->mu);
    return c;
}

void wm_release(wm_t *w, wm_conv_t *c)
{
    pthread_mutex_unlock(&c->mu);
    pthread_mutex_lock(&w->mu);
    c->refs--;
    /* Only the holders of c change its ring, and they all passed the unlock above. With
     * another holder waiting the ring may be changing now: its bytes are counted at
     * that holder's release instead. */
    if (!c->refs)
        recharge(w, c);
    evict(w);
    pthread_mutex_unlock(&w->mu);
}

void wm_set_max_bytes(wm_t *w, size_t max_bytes)
{
    pthread_mutex_lock(&w->mu);
    w->max_bytes = max_bytes;
    evict(w);
    pthread_mutex_unlock(&w->mu);
}

void wm_stats(wm_t *w, wm_stats_t *out)
{
    pthread_mutex_lock(&w->mu);
    *out = (wm_stats_t){.conversations = w->count, .bytes = w->bytes,
                        .max_bytes = w->max_bytes, .evictions = w->evictions};
    pthread_mutex_unlock(&w->mu);
}

size_t wm_count(wm_t *w)
{
    pthread_mutex_lock(&w->mu);
    size_t n = w->count;
    pthread_mutex_unlock(&w->mu);
    return n;
}

/* throttle.c: failed authentications counted per client address (docs/OPERATIONS.md,
 * "Failed tokens"). Past API_AUTH_FAILURES within a window of API_AUTH_WINDOW_S
 * seconds an address waits for the window to end (429 with Retry-After) before its
 * tokens are looked at again. A small fixed table: an address that finds no room takes
 * the slot of the oldest window near its hash, so a flood of addresses costs memory
 * once and forgets the quiet ones first. */
#include "api/internal.h"

#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#define THROTTLE_SLOTS 1024     /* a power of two */
#define THROTTLE_PROBE 8

typedef struct slot {
    unsigned char addr[16];     /* IPv4 as ::ffff:a.b.c.d; all zero: free */
    int64_t window_start;       /* monotonic seconds */
    unsigned failures;
} slot_t;

struct api_throttle {
    pthread_mutex_t mu;
    slot_t slots[THROTTLE_SLOTS];
};

api_throttle_t *api_throttle_new(void)
{
    api_throttle_t *t = calloc(1, sizeof *t);
    if (t) pthread_mutex_init(&t->mu, NULL);
    return t;
}

void api_throttle_free(api_throttle_t *t)
{
    if (!t) return;
    pthread_mutex_destroy(&t->mu);
    free(t);
}

/* The address as 16 bytes (IPv4 mapped into IPv6); 0, or -1 for another family. */
static int key_of(const struct sockaddr *sa, unsigned char key[16])
{
    memset(key, 0, 16);
    if (!sa) return -1;
    if (sa->sa_family == AF_INET) {
        key[10] = key[11] = 0xff;
        memcpy(key + 12, &((const struct sockaddr_in *)sa)->sin_addr, 4);
        return 0;
    }
    if (sa->sa_family == AF_INET6) {
        memcpy(key, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
        return 0;
    }
    return -1;
}

static size_t hash_of(const unsigned char key[16])
{
    uint64_t h = 1469598103934665603ull;            /* FNV-1a */
    for (int i = 0; i < 16; i++) h = (h ^ key[i]) * 1099511628211ull;
    return (size_t)(h ^ (h >> 29));
}

static int64_t now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec;
}

/* The slot of key, or with create the one it takes (the free or oldest among its
 * probes); NULL when absent. With t->mu held. */
static slot_t *find(api_throttle_t *t, const unsigned char key[16], int create)
{
    static const unsigned char zero[16];
    size_t h = hash_of(key);
    slot_t *victim = NULL;
    for (size_t i = 0; i < THROTTLE_PROBE; i++) {
        slot_t *s = &t->slots[(h + i) & (THROTTLE_SLOTS - 1)];
        if (!memcmp(s->addr, key, 16)) return s;
        if (!victim || !memcmp(s->addr, zero, 16) ||
            (memcmp(victim->addr, zero, 16) && s->window_start < victim->window_start))
            victim = s;
    }
    if (!create) return NULL;
    memcpy(victim->addr, key, 16);
    victim->window_start = now_s();
    victim->failures = 0;
    return victim;
}

unsigned api_throttle_wait(api_throttle_t *t, const struct sockaddr *sa)
{
    unsigned char key[16];
    unsigned wait = 0;
    if (!t || key_of(sa, key)) return 0;
    pthread_mutex_lock(&t->mu);
    slot_t *s = find(t, key, 0);
    if (s && s->failures >= API_AUTH_FAILURES) {
        int64_t left = s->window_start + API_AUTH_WINDOW_S - now_s();
        if (left > 0) wait = (unsigned)left;
        else memset(s, 0, sizeof *s);               /* the window is over */
    }
    pthread_mutex_unlock(&t->mu);
    return wait;
}

void api_throttle_fail(api_throttle_t *t, const struct sockaddr *sa)
{
    unsigned char key[16];
    if (!t || key_of(sa, key)) return;
    pthread_mutex_lock(&t->mu);
    slot_t *s = find(t, key, 1);
    int64_t now = now_s();
    if (now - s->window_start >= API_AUTH_WINDOW_S) {
        s->window_start = now;
        s->failures = 0;
    }
    s->failures++;
    pthread_mutex_unlock(&t->mu);
}

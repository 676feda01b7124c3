/* known.c: a few users' fact lists between turns (known.h). Each list carries the
 * frames version it was read at and a count of holders; a slot points at the newest
 * list of its user, and a list replaced or dropped is freed when its last holder gives
 * it back. */
#include "agent/known.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Users whose lists are kept: each is at most STORE_LIST_MAX rows. */
#define KNOWN_USERS 8

struct known_list {
    facts_t facts;
    uint64_t version;
    int holders;        /* turns holding it, plus 1 while a slot points at it */
};

typedef struct slot {
    char *user;         /* NULL: empty */
    known_list_t *list;
    uint64_t used;      /* tick of the last get */
} slot_t;

struct known {
    pthread_mutex_t mu;
    slot_t slot[KNOWN_USERS];
    uint64_t tick;
};

known_t *known_new(void)
{
    known_t *k = calloc(1, sizeof *k);
    if (k)
        pthread_mutex_init(&k->mu, NULL);
    return k;
}

static void release(known_list_t *l)   /* with k->mu held */
{
    if (l && --l->holders == 0) {
        store_memories_free(l->facts.v, l->facts.n);
        free(l);
    }
}

void known_free(known_t *k)
{
    if (!k)
        return;
    for (int i = 0; i < KNOWN_USERS; i++) {
        release(k->slot[i].list);
        free(k->slot[i].user);
    }
    pthread_mutex_destroy(&k->mu);
    free(k);
}

/* The slot of user, or the one to reuse for it (empty, else least recently used). */
static slot_t *slot_of(known_t *k, const char *user)
{
    slot_t *spare = NULL;
    for (int i = 0; i < KNOWN_USERS; i++) {
        slot_t *s = &k->slot[i];
        if (s->user && !strcmp(s->user, user))
            return s;
        if (!spare || (spare->user && (!s->user || s->used < spare->used)))
            spare = s;
    }
    return spare;
}

int known_get(known_t *k, store_t *st, const char *user, const facts_t **facts,
              known_list_t **held)
{
    *facts = NULL;
    *held = NULL;
    uint64_t now = store_frames_version(st);
    pthread_mutex_lock(&k->mu);
    slot_t *s = slot_of(k, user);
    if (s->user && !strcmp(s->user, user) && s->list && s->list->version == now) {
        s->used = ++k->tick;
        s->list->holders++;
        *held = s->list;
        *facts = &s->list->facts;
        pthread_mutex_unlock(&k->mu);
        return STORE_OK;
    }
    pthread_mutex_unlock(&k->mu);

    known_list_t *l = calloc(1, sizeof *l);
    if (!l)
        return STORE_ENOMEM;
    int rc = store_frames_current(st, user, STORE_LIST_MAX, &l->facts.v, &l->facts.n,
                                  &l->version);
    if (rc != STORE_OK) {
        free(l);
        return rc;
    }
    l->holders = 1;                     /* the caller's */
    char *name = strdup(user);
    pthread_mutex_lock(&k->mu);
    s = slot_of(k, user);
    int mine = s->user && !strcmp(s->user, user);
    /* another turn may have put a newer list meanwhile: keep that one */
    if (name && (!mine || !s->list || s->list->version <= l->version)) {
        release(s->list);               /* a turn may still hold it */
        free(s->user);
        s->user = name;
        name = NULL;
        s->list = l;
        l->holders++;                   /* the slot's */
        s->used = ++k->tick;
    }
    pthread_mutex_unlock(&k->mu);
    free(name);
    *held = l;
    *facts = &l->facts;
    return STORE_OK;
}

void known_put(known_t *k, known_list_t *held)
{
    if (!held)
        return;
    pthread_mutex_lock(&k->mu);
    release(held);
    pthread_mutex_unlock(&k->mu);
}

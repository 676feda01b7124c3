/* known.h: the user's current facts as the last turns read them, kept between turns.
 * A turn's plan reads every framed memory of its user (store_frames_current); a user who
 * has told thousands of facts would pay for that list at every turn. The list is read
 * again only when the store's frames version moved on (store.h: any write that can
 * change a frame, of any user), and a few users' lists are kept, the least recently
 * used one dropped first.
 *
 * A list handed out is shared and read-only; it stays valid until the holder gives it
 * back with known_put, even if a newer one replaced it meanwhile. Thread-safe. */
#ifndef MNEMO_AGENT_KNOWN_H
#define MNEMO_AGENT_KNOWN_H

#include "agent/facts.h"
#include "store/store.h"

typedef struct known known_t;
typedef struct known_list known_list_t;

/* NULL when out of memory. known_free releases every list (none may be held). */
known_t *known_new(void);
void known_free(known_t *k);

/* user's current facts into *facts, and in *held the reference known_put gives back.
 * Returns STORE_OK, or the store's code of store_frames_current (nothing held). */
int known_get(known_t *k, store_t *st, const char *user, const facts_t **facts,
              known_list_t **held);
void known_put(known_t *k, known_list_t *held);

#endif

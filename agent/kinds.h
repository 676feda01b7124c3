/* kinds.h: the kinds of the animals people keep ("beagle", "siamese", "golden
 * retriever"), each with its animal ("dog", "cat"), the kinds of person ("welder"), the
 * sports ("netball") and the musical instruments ("fiddle"), from WordNet through
 * scripts/gen-kinds.sh (agent/kinds_table.inc, people_table.inc, sports_table.inc,
 * instruments_table.inc).
 * "I've got a beagle called Pretzel" is then a dog named Pretzel of the kind beagle,
 * asked after as "my dog"; "a welder, trying to save" has one job, not two. Read-only
 * static data; nothing here allocates or fails. */
#ifndef MNEMO_AGENT_KINDS_H
#define MNEMO_AGENT_KINDS_H

#include <stddef.h>

/* The animal of which word (any case) names a kind ("Beagle": "dog"), or NULL. */
const char *kinds_animal(const char *word);

/* The same for a word spelt nearly as a kind ("dalmation", "dashshund"): at most one
 * edit from a kind for words of 6 to 9 letters, two from 10, the first letter kept; NULL
 * when none. */
const char *kinds_animal_near(const char *word);

/* 1 when word (any case) is a kind of person in WordNet ("welder", "hygienist"), or
 * ends as the names of newer trades do ("-ographer", "-ologist", "-ista", "-ician",
 * "-ist"); else 0 ("robbery", "van"). */
int kinds_person(const char *word);

/* 1 when word (any case; one or two words) is a sport: below sport in WordNet, or one
 * of a few newer ones ("padel"), from agent/sports_table.inc. */
int kinds_sport(const char *word);

/* 1 when "<first> <fellow>" names one the user does a pastime with ("climbing partner",
 * "squash buddy", "dance partner"): fellow is "partner", "buddy", "mate" or "pal", first
 * a word in "-ing", a sport, or a few words of shared doing ("dance", "business", "lab"),
 * any case. */
int kinds_pastime_fellow(const char *first, const char *fellow);

/* 1 when word (any case; one or two words) is a musical instrument: below musical
 * instrument in WordNet but words mostly meant otherwise ("bass", "organ"), or one of a
 * few it lacks ("veena"), from agent/instruments_table.inc. */
int kinds_instrument(const char *word);

#endif

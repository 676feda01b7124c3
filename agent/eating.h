/* eating.h: whether a question asks if the user may eat or drink something ("can I eat
 * butter?", "can i order the mussels", "could I drink a lager?", "do I drink milk?") that a
 * diet or an allergy they told keeps them from: the food's group from WordNet
 * (agent/foods_table.inc, scripts/gen-kinds.sh: "brioche" is gluten, "scallop" shellfish,
 * "chicken" meat) against the groups each told value keeps one from ("vegan": meat,
 * fish, shellfish, dairy, egg, honey; "coeliac": gluten; an allergy to "peanuts": nut),
 * or the food named in an allergy itself. Only a "no" is decided here: a food of no group
 * kept from may still hold one ("cheesecake" is gluten to WordNet, and dairy too), so the
 * other answers stay the plan's (respond.h). Pure: the facts and the question in, the
 * verdict out. */
#ifndef MNEMO_AGENT_EATING_H
#define MNEMO_AGENT_EATING_H

#include <stddef.h>
#include "agent/facts.h"

/* Why the user may not eat what was asked: the diet or allergy told (points into the
 * facts, valid while they are), the words of the food as asked ("mussels") and the
 * group they are of ("shellfish"; "" when the allergy names the food itself). */
typedef struct eating {
    const store_memory_t *why;
    char food[64];
    const char *group;
} eating_t;

/* 1 with *out filled when text asks whether the user may eat, have or drink a food that
 * a current diet or allergy of theirs (holder "self") keeps them from; else 0 (not such
 * a question, nothing told, or nothing known against it). */
int eating_kept_from(const facts_t *f, const char *text, eating_t *out);

/* 1 when word (any case) is the name of a diet one keeps, said of a person ("vegan",
 * "pescatarian", "halal", "teetotal"), not a food or drink kept from ("gluten", "nuts")
 * nor an illness ("coeliac"). */
int eating_diet_word(const char *word);

#endif

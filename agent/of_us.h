/* of_us.h: questions that ask which of two, the user and one of their people, something
 * is true of ("which of us plays the cello, me or our lad?", "who's the surveyor between
 * me and my boyfriend?", "who bakes, me or Idris?"): the words the question says of the one
 * asked for, matched against what each of the two has told of them (the values and
 * relations of their current facts). Pure: the facts and the question's text in, the one
 * picked out; realising the reply is the caller's (respond.h). Ages are compare.h's. */
#ifndef MNEMO_AGENT_OF_US_H
#define MNEMO_AGENT_OF_US_H

#include <stdint.h>
#include "agent/facts.h"

/* The one a question picked: the user (self) or one of their people, by holder key and
 * name (NULL when none was told); holder and name point into the facts (valid while they
 * are); id is the memory whose words matched best. */
typedef struct of_us {
    int self;
    const char *holder, *name;
    int64_t id;
} of_us_t;

/* Reads text as a question of which of the user and one other ("me or my wife", "my
 * brother or me", "between me and our Kath", "me or Idris") something is true of, and
 * picks the one whose facts hold more of its words (a word matches one of the same stem
 * or the same first five letters). Returns 1 with *out filled, or 0 when text asks no
 * such thing, the other is no one the facts know, it compares ages, or the facts of both
 * hold its words equally. */
int of_us_pick(const facts_t *f, const char *text, of_us_t *out);

#endif

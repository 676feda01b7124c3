/* restate.h: whole phrases of a message said again as the reader knows them, before
 * plain.c writes its words out: a correction said in passing made ("6 hens - wait no 7"
 * is "7 hens"; "养了两只鸡，不对，是三只" is "养了三只鸡"), an age told before a kind of
 * person ("a 34 year old nurse" is "34 years old, a nurse"), a group named after it
 * ("fed the girls, Ada and Noor, they're 7" is "... my girls are Ada and Noor, ..."), a
 * pet named in commas after the animal ("a collie, Meg," is "a collie called Meg,") and
 * a place of business named after it ("a bakery in Tours, Le Pain Doré," is "a bakery
 * called Le Pain Doré in Tours,") and a verb left out after a comma ("Ivo is 9, Lea 6"
 * is "Ivo is 9, Lea is 6"), then phrases the reader learnt otherwise ("the lad that
 * works with me is Ravi" is "my coworker is Ravi", "I've got a wheat intolerance" "I'm
 * intolerant to wheat", "at the lodge on Mount Kenya" "at the Mount Kenya lodge").
 * Private to
 * agent/: plain.c's plain_text runs it first. No allocation. */
#ifndef MNEMO_AGENT_RESTATE_H
#define MNEMO_AGENT_RESTATE_H

#include <stddef.h>

/* Messages of this many bytes and more are left as they are. */
#define RESTATE_MAX 2048
/* The most bytes one round of restating adds to a message (the words of an age, a
 * group, a pet's or a business's name, the verbs left out, the phrases said as the
 * reader knows them, "I've been with" one's partner, a thing traded said as sold and
 * got, a school's level moved after what is taught, a school gone to as studied at,
 * pets listed told apart, a group named and then told of said apart, 岁 after an age);
 * rounds run until one changes nothing, RESTATE_ROUNDS at most. */
#define RESTATE_ONCE 451
#define RESTATE_ROUNDS 3
#define RESTATE_GROWTH (RESTATE_ROUNDS * RESTATE_ONCE)

/* msg (NUL-terminated UTF-8) with its phrases said again into out (cap bytes with its
 * NUL; RESTATE_MAX + RESTATE_GROWTH is always room): the length written, 0 when nothing
 * was said again (out is then untouched) or msg is RESTATE_MAX bytes or more, -1 when out
 * is too small. */
long restate_text(const char *msg, char *out, size_t cap);

#endif

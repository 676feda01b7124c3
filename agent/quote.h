/* quote.h: the user's own words for a question their facts do not answer. People tell
 * much that the reader does not turn into a fact ("the boat's a
 * little blue dinghy", "up the villa every saturday"); when a question about them finds no fact, the newest
 * sentence they wrote that holds the question's own words (not its question words, nor
 * the words of whom it is about) is quoted back, with the turn it came from, instead
 * of "I don't know". */
#ifndef MNEMO_AGENT_QUOTE_H
#define MNEMO_AGENT_QUOTE_H

#include <stddef.h>
#include <stdint.h>
#include "agent/agent.h"
#include "agent/facts.h"
#include "agent/respond.h"
#include "agent/understand.h"
#include "store/store.h"

/* How many of the user's newest messages a question looks through. */
#define QUOTE_TURNS 2000

/* When plan p of msg (read as u[0..n) against f, respond_plan's) has one question about
 * the user that no fact answers and nothing else to do (no fact written, none
 * forgotten, no other answer), looks through what user said (store_turns_said) for the
 * sentence to quote: it is no question (nor in a message mnemo answered as one), holds
 * a content word of the question's clause (stemmed, lex_words.h) other than question
 * words, kin words and the names of the user's people, and, for a question about
 * someone, a word of whom it is about (their key or name); for a question about the
 * user, no kin word stands before that word in its part of the sentence ("my son's
 * birthday"). The most such words win, the newest among equals. A request to forget
 * ("forget ...", "delete ...", "don't keep ...") hides what was told before it that
 * holds a word it names or a longer or shorter form of one ("weigh" of "weight"), and
 * one that names nothing, or says "forget that", the message before it; when it names
 * a word of the question, nothing older is quoted. The sentence becomes p's reply ("You
 * told me: \"...\"."), its answer and kind (an answer), and *q its turn. Returns
 * STORE_OK (p and *q unchanged, q->turn 0, when nothing is quoted), STORE_ENOMEM or
 * STORE_EIO. */
int quote_told(store_t *st, const char *user, const char *msg, const understood_t *u, int n,
               const facts_t *f, respond_t *p, agent_quoted_t *q);

/* The score quote_told gives sentence as the quote for the question clause
 * question about holder (understood.h key; "self" or "" for the user) read as of
 * relation class rel (enum reader_rel), with names (the names of the user's people,
 * NULL-terminated, may be NULL): the number of the question's content words it holds,
 * 0 when it is no candidate. A question about someone else with no content word of its
 * own counts the words that tell its relation ("live", "work", "from"; of an age: a
 * number told right after them, 1). Exposed for tests. */
int quote_score(const char *question, const char *holder, int rel, const char *const *names,
                const char *sentence);

#endif

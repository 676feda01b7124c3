/* quote.h: the user's own words for a question their facts do not answer. People tell
 * much that the reader does not turn into a fact ("the boat's a little blue dinghy",
 * "up the villa every saturday"); when a question about them finds no fact, the newest
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

/* For each question about the user that plan p of msg (read as u[0..n) against f,
 * respond_plan's) left open (p->gap: no fact answered it, or only something near it,
 * "All I know is that ..."), when the plan writes and forgets nothing, looks through
 * what user said (store_turns_said) for the sentence to quote: it is no question (nor
 * in a message mnemo answered as one), holds a content word of the question's clause
 * (stemmed, lex_words.h) other than question words, kin words and the names of the
 * user's people, and, for a question about someone, a word of whom it is about (their
 * key or name); for a question about the user, no kin word stands before that word in
 * its part of the sentence ("my son's birthday"), nor, for the words of a relation, a
 * pronoun of someone else ("she lives ..."), unless the user does too ("his mum and I"). A thing of the user's ("my
 * café", "my diabetes") is asked about as the user is; a question with no content word
 * (or about someone, whose own words find nothing) counts the words that tell its
 * relation ("live", "from", "work"), the kin it names ("how many nieces do I have?"), a
 * number told right after whom it asks the age of ("I'm 44", "Kuba is 7"), or a name
 * told beside whom it asks the name of ("my landlord Petra", "a café called Brew
 * Crew"); a question with only the words for a kind of value ("what town is home for
 * us?") counts the words of its relation when its own find nothing. The most such words
 * win, the newest among equals (of one message, the later sentence). A Chinese question
 * counts its characters instead (quote_zh.h), and a Chinese yes/no question is answered
 * yes by a sentence that holds all of them, two at least, and denies nothing. A
 * request to forget
 * ("forget ...", "delete ...", "don't keep ...") hides what was told before it that
 * holds a word it names or a longer or shorter form of one ("weigh" of "weight"), and
 * one that names nothing, or says "forget that", the message before it; when it names a
 * word of the question, nothing older is quoted. The sentence takes the place of what
 * the plan said for that question ("You told me: \"...\"."; for a yes/no question, or
 * one that opens as one, "No, you told me: ..." when a word of the question beside
 * words the sentence holds is another there ("day shifts" against "night shifts"), else
 * "Yes, you told me: ..." when it holds all of its content words, two or more or a name
 * or a number, with no word that denies: "not", "quit", "never"); a sentence that answers two questions is said
 * once; the answer becomes the first quote when the plan had none, the turn's kind an
 * answer, and *q the turn of the first quote. A message's one question that the plan
 * answered from one fact (a wh-question, or a yes/no question answered no) is doubted
 * when a word of its own (not one that says what kind of value it asks for: "job",
 * "city", "instrument" ...) is in none of the fact's value, relation and holder ("which
 * floor do I work on?" answered "You work in Leeds."; a place named with a capital in
 * a question of where one lives or works only narrows it; for a Chinese question, a
 * character of its own in none of the facts' values, quote_zh_open): the user's sentence that
 * holds the most such words, and tells no value their facts replaced, takes the place
 * of the answer, the fact's own sentence when it holds as many (then the fact stays
 * the memory the answer came from, q->turn 0); a "no" gives way only to a sentence
 * that says yes (as above), and never for a question that compares ("than"). A
 * summary (p->summarised) gets up to SUMMARY_ADDS sentences of the user's after it
 * (quote.c). Returns STORE_OK (p and *q unchanged, q->turn 0, when nothing is quoted),
 * STORE_ENOMEM or STORE_EIO. */
int quote_told(store_t *st, const char *user, const char *msg, const understood_t *u, int n,
               const facts_t *f, respond_t *p, agent_quoted_t *q);

/* A request to forget in msg that matched no fact (p->forget_said, respond.h), when no
 * other request of msg forgot one (p->nforget 0): the
 * user's sentences it hides as quote_told would (those that hold a word it names, or a
 * longer or shorter form of one; for one that names nothing, "forget that", the message
 * before it) become p's texts to forget (p->forget_text, at most 8 pieces of at most
 * UNDERSTAND_VALUE - 1 bytes), so forget_apply redacts them from the turns and forgets
 * the memories that hold them; the reply then says "Done, I've forgotten what you told
 * me about ...". Returns STORE_OK (p unchanged when it names nothing told), STORE_ENOMEM
 * or STORE_EIO. */
int quote_forget_said(store_t *st, const char *user, const char *msg, respond_t *p);

/* The next sentence of text from *at (0 at first) that holds needle (ASCII case
 * ignored) whole: its start and length into *from and *len; 0 when there is no more. A
 * value forgotten takes its sentences from a message, not the message (forget.c). */
int quote_sentence_holding(const char *text, const char *needle, size_t *at, size_t *from,
                           size_t *len);

/* The score quote_told gives sentence as the quote for the question clause
 * question about holder (understood.h key; "self" or "" for the user) read as of
 * relation class rel (enum reader_rel), with names (the names of the user's people,
 * NULL-terminated, may be NULL): the number of the question's content words it holds,
 * 0 when it is no candidate; a question with no content word of its own counts as
 * quote_told says (the words of its relation, the kin it names; an age or a name told
 * right beside whom it asks about: 1). Exposed for tests. */
int quote_score(const char *question, const char *holder, int rel, const char *const *names,
                const char *sentence);

#endif

/* clauses.h: a message cut into the clauses the reader reads one at a time. The cut is
 * a text normalisation, not a decision: at sentence ends (. ! ? ; and their CJK forms,
 * a line break) and where a conjunction or comma starts a new subject ("my mum is Ann
 * and my dad is Rob", "i left Bosch, i joined Airbus"). What each clause means is left
 * to the model. */
#ifndef MNEMO_AGENT_CLAUSES_H
#define MNEMO_AGENT_CLAUSES_H

#include <stddef.h>

enum { CLAUSES_MAX = 16 };

/* A clause: bytes [at, at + len) of the message, trimmed of spaces and of the
 * punctuation that cut it, except a question mark, which stays with its clause. */
typedef struct clause_span {
    size_t at, len;
} clause_span_t;

/* Cuts text[0..len) into at most CLAUSES_MAX clauses (the last one takes the rest).
 * Clauses with no letter or digit are dropped. Returns how many (0 for a blank text). */
int clauses_split(const char *text, size_t len, clause_span_t *out);

/* 1 when the full stop at text[i] (of text[0..len), in a sentence begun at start) ends
 * a sentence: not inside a number or a name ("3.5", "example.com"), nor after one letter
 * or a title ("J. Smith", "Dr. Li", "Prof. Ruiz"), nor before "not" and one word that
 * end the text ("ANDRES. not andrea"). */
int clauses_full_stop(const char *text, size_t len, size_t i, size_t start);

/* The sentence that holds the clause text[at, at + n): from after the last . ! ? or line
 * break before it to the next one after it (or the text's ends), as [*b, *e). */
void clauses_sentence(const char *text, size_t at, size_t n, size_t *b, size_t *e);

#endif

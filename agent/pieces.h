/* pieces.h: a message told as a list of short pieces, each its own sentence with no
 * subject ("Halvard. 61. Cooper. Skien.", "got a ferret. Biscuit. 3 yrs old."). The
 * reader reads each piece alone and has nothing to say whose it is; here a piece is read
 * by its place in the list: a bare name after a piece that told of a pet or someone of
 * the user's is that one's name (unless one was told), a bare age theirs; a bare name
 * that opens a list of three pieces or more is the user's; a bare place after the user
 * told their name or job in the list is their home (no value the message told already
 * is any of these); a diet word alone is their diet. Pure: the facts, the message and
 * the units read before in, the fact out. */
#ifndef MNEMO_AGENT_PIECES_H
#define MNEMO_AGENT_PIECES_H

#include "agent/facts.h"
#include "agent/understood.h"

/* The fact a piece tells: its holder key ("self", "dog"), relation (enum reader_rel)
 * and value as written. */
typedef struct pieces_fact {
    char holder[UNDERSTAND_KEY];
    int rel;
    char value[UNDERSTAND_VALUE];
} pieces_fact_t;

/* 1 with *out filled when unit u of msg (told[0..i) the units read before it, already
 * checked) is a piece of such a list and tells a fact by its place; else 0. The reader's
 * own reading of a job, a diet or another relation is left alone. */
int pieces_read(const facts_t *f, const char *msg, const understood_t *told, int i,
                const understood_t *u, pieces_fact_t *out);

#endif

/* understand.h: a message as the agent acts on it: its clauses (clauses.h), each with
 * the act, relation and frame the model's reader gave it (model/reader.h), the frame's
 * spans turned into keys the store can match: the holder ("self" for the user, else
 * what the fact is about: "sister", "dog"), the relation ("name", "home", or an open
 * relation's words), the value as the person wrote it ("New York"), a correction's old
 * value, and a holder's name told in passing ("my brother Tom"). */
#ifndef MNEMO_AGENT_UNDERSTAND_H
#define MNEMO_AGENT_UNDERSTAND_H

#include <stddef.h>
#include "agent/understand_words.h"
#include "agent/understood.h"
#include "model/reader.h"

/* 1 when text names a day of a month ("March 3rd", "the 3rd of march", "3 March",
 * "Christmas Eve"), with it in *day (1-31) and *month (1-12); else 0 and both 0. */
int understand_date(const char *text, int *day, int *month);

/* The gate's probability (model/gate.h) from which a whole message is chat, each of its
 * clauses gated however it reads alone. On the say steps of five read probes the gate
 * never trained on (253 remarks, 626 facts, in flow), at 0.98 it took 7 of the 34
 * remarks still kept and 1 fact; at 0.95, 9 and 4. */
#define UNDERSTAND_MESSAGE_CHAT_P 0.98f

/* Reads msg with r: fills out[0..UNDERSTAND_MAX) and returns how many units, or a
 * negative model_err with err filled. */
int understand(const reader_t *r, const char *msg, understood_t *out, char *err,
               size_t errlen);

#endif

/* understood.h: one unit of a message as the agent acts on it (understand.h reads
 * them): the clause, its act and relation as read, and the frame's spans as keys the
 * store can match. Only the type and its sizes; no functions. */
#ifndef MNEMO_AGENT_UNDERSTOOD_H
#define MNEMO_AGENT_UNDERSTOOD_H

#include <stddef.h>
#include "agent/clauses.h"

enum { UNDERSTAND_KEY = 64, UNDERSTAND_VALUE = 256 };
/* The first word of a favourite's relation key ("favourite food"): a relation of its
 * own with one value, however the writer spelled it (favorite, fave). */
#define UNDERSTAND_FAVOURITE "favourite"
/* The open relation of a job told as past ("I used to be a nurse"): no job now, and the
 * one a question of a former job asks for. */
#define UNDERSTAND_FORMER_JOB "former job"
/* The open relation of what the user dislikes ("I can't stand olives"): several at once,
 * as likes. */
#define UNDERSTAND_DISLIKES "dislikes"
/* The open relation of a health condition ("my mum has dementia"): several at once. */
#define UNDERSTAND_CONDITION "condition"
/* The open relations of a trip the user takes ("we're off to Crete at Easter": where)
 * and of a visit someone of theirs pays ("my mum is coming in March": when). */
#define UNDERSTAND_TRIP "trip"
#define UNDERSTAND_VISIT "visit"
/* Units a message reads into at most: a clause may tell several facts. */
enum { UNDERSTAND_MAX = 2 * CLAUSES_MAX };

/* One unit of a message: a clause, or one of the facts a clause tells ("I work as a
 * nurse in Leeds": the job and the workplace, two units of the same clause). */
typedef struct understood {
    size_t at, len;                 /* the clause in the message */
    int act, rel;                   /* enum reader_act, enum reader_rel */
    int clause_rel;                 /* the clause's relation as the reader read it (its
                                     * value's own may differ: "how old is [maud]") */
    float act_p;
    float fact_min_p;               /* below it a fact is too unsure to keep as one: the
                                     * reader's calibrated reader_fact_min_p */
    int personal;                   /* about the user or someone/something of theirs */
    int bare;                       /* the clause names no holder ("got a dog called Pip") */
    int settled;                    /* a check settled the fact by the message's words
                                     * ("signed for a three-bed in Preston"): no word of its
                                     * relation need be in the clause */
    int listed;                     /* an age or a name of an item of a list read by its
                                     * form (roster.h): no check reads it again */
    int hearsay;                    /* what someone else says or thinks ("my flatmate
                                     * says Leeds is the best"): chat, and the message is
                                     * not kept as told for it */
    int gated;                      /* the small-talk gate (model/gate.h) took the clause's
                                     * words, or the whole message's, for chat: a fact read
                                     * in it is not kept */
    float chat_p;                   /* the gate's probability that the clause is chat, or
                                     * the message when that is higher and past
                                     * UNDERSTAND_MESSAGE_CHAT_P (0 with no gate) */
    float msg_chat_p;               /* the gate's probability that the whole message is
                                     * chat (-1 with no gate) */
    char holder[UNDERSTAND_KEY];    /* "self", "sister", "dog" ("" when none) */
    char relation[UNDERSTAND_KEY];  /* "name", "home", "favourite colour" */
    char value[UNDERSTAND_VALUE];   /* "" when none */
    char old[UNDERSTAND_VALUE];     /* a correction's replaced value, "" when none */
    char name[UNDERSTAND_KEY];      /* the holder's name told in passing, "" when none */
} understood_t;

#endif

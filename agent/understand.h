/* understand.h: a message as the agent acts on it: its clauses (clauses.h), each with
 * the act, relation and frame the model's reader gave it (model/reader.h), the frame's
 * spans turned into keys the store can match: the holder ("self" for the user, else
 * what the fact is about: "sister", "dog"), the relation ("name", "home", or an open
 * relation's words), the value as the person wrote it ("New York"), a correction's old
 * value, and a holder's name told in passing ("my brother Tom"). */
#ifndef MNEMO_AGENT_UNDERSTAND_H
#define MNEMO_AGENT_UNDERSTAND_H

#include <stddef.h>
#include "agent/clauses.h"
#include "model/reader.h"

enum { UNDERSTAND_KEY = 64, UNDERSTAND_VALUE = 256 };
/* The first word of a favourite's relation key ("favourite food"): a relation of its
 * own with one value, however the writer spelled it (favorite, fave). */
#define UNDERSTAND_FAVOURITE "favourite"
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
    char holder[UNDERSTAND_KEY];    /* "self", "sister", "dog" ("" when none) */
    char relation[UNDERSTAND_KEY];  /* "name", "home", "favourite colour" */
    char value[UNDERSTAND_VALUE];   /* "" when none */
    char old[UNDERSTAND_VALUE];     /* a correction's replaced value, "" when none */
    char name[UNDERSTAND_KEY];      /* the holder's name told in passing, "" when none */
} understood_t;

/* How a word (lower case) opens a question: 2 a question word ("what", "who's"), 1 a verb
 * that starts a yes/no question ("is", "does"; not "can", which also opens requests), 0
 * neither. The one list of these
 * for the agent (understand.c reads clauses with it, checks.c settles acts). */
int understand_question_word(const char *w);
/* 1 when w is a month's name or its short form, without case ("June", "sept"). */
int understand_month(const char *w);
/* 1 when text names a day of a month ("March 3rd", "the 3rd of march", "3 March",
 * "Christmas Eve"), with it in *day (1-31) and *month (1-12); else 0 and both 0. */
int understand_date(const char *text, int *day, int *month);

/* 1 when text holds a number: digits, an English number word ("forty") or a Chinese
 * numeral. */
int understand_has_number(const char *text);

/* The holder key of a third-person pronoun: "he" for he/he's/him/his, "she", "they";
 * NULL for any other word. */
const char *understand_pronoun(const char *w);
/* 1 when a holder key is a kin word ("brother", "mother", "partner"): a person. */
int understand_kin(const char *key);

/* Reads msg with r: fills out[0..UNDERSTAND_MAX) and returns how many units, or a
 * negative model_err with err filled. */
int understand(const reader_t *r, const char *msg, understood_t *out, char *err,
               size_t errlen);

/* The holder key of the words of a holder span: possessives and articles dropped, kin
 * words brought to one form ("mum", "mom" -> "mother"), "self" when nothing is left
 * ("I", "me", "my"). Exposed for the tests. */
void understand_holder(const char *const *words, int n, char *key, size_t len);
/* The holder key of a phrase as written ("my Dogs": "dogs", "kids": "children"). */
void understand_holder_of(const char *text, char *key, size_t len);

#endif

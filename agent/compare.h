/* compare.h: questions that compare the ages of the user's people ("who's older, Maud or
 * Cyril?", "who's my eldest?", "is Oscar older than Finn?"), answered from the current
 * age and name facts (facts.h). Pure: the facts and the question's text in, the people
 * compared out; realising the reply is the caller's (respond.h). */
#ifndef MNEMO_AGENT_COMPARE_H
#define MNEMO_AGENT_COMPARE_H

#include <stdint.h>
#include "agent/facts.h"

enum { COMPARE_YOUNGER = 0, COMPARE_OLDER = 1, COMPARE_MIDDLE = 2, COMPARE_IDS = 8 };

/* What a comparison found: the person it picks (the oldest or the youngest, or for a
 * yes/no question the first named) and, for a yes/no question, the one compared with;
 * names point into the facts (valid while they are). */
typedef struct compare {
    const char *name, *other;       /* other: NULL unless yesno */
    const char *age, *other_age;    /* as told ("12", "4 months"), into the facts */
    int yes;                        /* yesno: 1 when name's age is as the question says
                                     * (of one named and the rest: 1 when name, the one at
                                     * the end asked, is the one named); -1 when no yesno */
    int older;                      /* COMPARE_OLDER, COMPARE_YOUNGER or COMPARE_MIDDLE asked */
    int of;                         /* how many people were compared */
    int64_t ids[COMPARE_IDS];       /* the age memories of name and other, or of name and
                                     * the rest compared (0: none) */
} compare_t;

/* 1 when text compares ages ("older", "eldest", "youngest", "the middle one" ...). */
int compare_asks(const char *text);

/* Reads text as an age comparison over the user's people who have a name and an age in
 * digits or words, and the user (REALISE_YOU) when the question says "me" or "I": those
 * the question names, else all of them (at least two either way; of a group the question
 * names, "which of my nephews", those of it when two are told). The middle one is asked
 * of an odd number of three and more. A yes/no
 * question (yesno) needs two named, in the order the question names them, or one named
 * and a word of the end of three or more ("is Tom my eldest?": name is then whoever is
 * the eldest, other NULL; a tie there answers nothing). Returns 1 with
 * *out filled, or 0 when text compares no ages or the facts cannot answer it. */
int compare_ages(const facts_t *f, const char *text, int yesno, compare_t *out);

/* The one of the user's people told by their place among them ("Ana is my eldest", "my
 * youngest niece is Bea": a current name fact of a holder "eldest grandchild", "youngest
 * niece", "eldest child") that a question of who is the oldest or the youngest asks
 * ("which one of the nieces is eldest?", "who's my eldest?"; of a group the question
 * names, one of it): out->name the
 * name, out->age the holder (its place and kin word), out->yes for a yes/no question
 * (which needs a name told in it) 1 when the one named is that one. 0 when the question
 * asks no such end, or none or two different ones are told so. */
int compare_told(const facts_t *f, const char *text, int yesno, compare_t *out);

#endif

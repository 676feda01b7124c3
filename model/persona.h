/* persona.h: mnemo's own generator of personal-fact conversations. A story is one
 * person talking to mnemo over a few conversations: they tell it facts about themselves
 * (name, pets, family, places, jobs, dates, preferences) in varied phrasings, make small
 * talk in between, change some facts later ("I moved to Berlin"), and ask about them
 * later in the same conversation, in another one, and after a daemon restart; some
 * questions ask for something never told and expect PERSONA_UNKNOWN.
 *
 * Two value pools: PERSONA_TRAIN draws names, pets' names, cities and jobs from one
 * pool, PERSONA_HELDOUT from a disjoint one (so a held-out answer is a word the model
 * never saw in training and must copy from memory). The same (seed, index, pool) always
 * gives the same story.
 *
 * Rendered as text (persona_render), a story is the bAbI format the trainer reads: a
 * statement is "N text", anything mnemo must answer is "N text<TAB>reply" (the reply's
 * words separated by spaces), line numbers restarting at 1 for each story. */
#ifndef MNEMO_MODEL_PERSONA_H
#define MNEMO_MODEL_PERSONA_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The replies the generator teaches: a statement is acknowledged with PERSONA_ACK (and
 * only statements are), a question about something never told is answered
 * PERSONA_UNKNOWN. Both are written here once; bAbI statements are taught the same
 * acknowledgement (babi_corpus_set_ack). The agent does not compare replies with them:
 * the trainer records the acknowledgement in the model file and model_answer says
 * which replies are statements (model.h). */
#define PERSONA_ACK "got it"
#define PERSONA_UNKNOWN "i don't know"

enum persona_pool { PERSONA_TRAIN = 0, PERSONA_HELDOUT = 1 };

enum persona_kind {
    PERSONA_STATEMENT = 0, /* a fact; reply PERSONA_ACK */
    PERSONA_SMALLTALK = 1, /* greeting, thanks, how are you...; reply a learned phrase */
    PERSONA_QUESTION = 2,  /* about a fact told earlier; reply its value */
    PERSONA_UNKNOWN_Q = 3, /* about something never told; reply PERSONA_UNKNOWN */
};

/* Where a question is asked relative to the fact that answers it. */
enum persona_where {
    PERSONA_SAME = 0,    /* same conversation, no restart in between */
    PERSONA_OTHER = 1,   /* another conversation, no restart in between */
    PERSONA_RESTART = 2, /* after the restart (same or another conversation) */
};

typedef struct persona_turn {
    char text[192];      /* what the person says (UTF-8, one line, no tab) */
    char reply[64];      /* the expected reply's words, space separated */
    int kind;            /* enum persona_kind */
    int conv;            /* conversation index within the story: 0, 1, 2 */
    int where;           /* questions: enum persona_where; other turns: 0 */
    int updated;         /* questions: 1 when the fact asked about was changed */
    int attr;            /* the attribute stated or asked about (its row in the
                          * generator's table: 0 name, 1 dog, ...); -1 for small talk */
} persona_turn_t;

typedef struct persona_story {
    persona_turn_t *t;   /* n turns in order; malloc'd */
    int n;
    int restart_at;      /* the daemon restarts before turn restart_at (n = never) */
} persona_story_t;

/* Builds story number idx of the given seed and pool. Returns 0 or -1 (memory). */
int persona_story_make(persona_story_t *s, uint64_t seed, int idx, int pool);
void persona_story_free(persona_story_t *s);

/* The generator's small-talk replies (what a PERSONA_SMALLTALK turn is answered), each
 * once: up to max of them into out (static strings); returns how many there are. The
 * trainer records them in the model file so the model can say a reply is small talk. */
int persona_smalltalk_replies(const char **out, int max);

/* Writes the story in the bAbI format to f (numbered from 1). Returns 0 or -1. */
int persona_render(const persona_story_t *s, FILE *f);

#endif

/* gate_train.h: training the small-talk gate (gate.h) on generated clauses: the dialogue
 * generator's facts, corrections and small talk (dialogue_clause, notes included) and its
 * remarks of the day and news of lasting changes (dialogue_remark), from the training
 * pool; the report measures the gate on clauses of the held-out pool (words never trained
 * on). Plain stochastic gradient descent on the logistic loss (gate_step), one thread,
 * examples in a seeded order: the same options give the same bytes.
 *
 * People's own statements (labelled sentences, `mnemo gate statements` of the read
 * probes) may join the generated clauses, each repeated (opts.people).
 *
 * The threshold is not set from the generated clauses: the gate tells them apart almost
 * perfectly (the held-out facts' 99th percentile is near 0.5), while people's own
 * remarks and facts overlap far more. GATE_THRESHOLD was chosen on people's statements
 * held out from training: the read probes' say steps, each played alone through mnemod
 * (docs/MODEL.md, session 50), as the highest share of small talk caught that cost no
 * question of those probes; with people's statements learnt, five read probes held out
 * of them kept it (session 53). */
#ifndef MNEMO_MODEL_GATE_TRAIN_H
#define MNEMO_MODEL_GATE_TRAIN_H

#include <stddef.h>
#include <stdint.h>

#include "model/dialogue.h"
#include "model/gate.h"

typedef struct gate_train_opts {
    uint64_t seed;
    long examples;      /* clauses drawn from the training pool */
    long heldout;       /* clauses drawn from the held-out pool for the threshold */
    int epochs;
    float lr;           /* first step size; it falls linearly to a tenth */
    float l2;           /* weight decay on the rows an example touches */
    int remark_pct;     /* share of the clauses drawn from dialogue_remark */
    float threshold;    /* the gate's threshold (gate_t.threshold) */
    /* People's own statements beside the generated clauses (NULL when none; borrowed):
     * npeople texts, each small talk when people_chat[i] is 1 and a fact when 0, each
     * drawn people_repeat times into the training set. */
    const char *const *people;
    const unsigned char *people_chat;
    long npeople;
    int people_repeat;
} gate_train_opts_t;

#define GATE_THRESHOLD 0.98
#define GATE_DEF_EXAMPLES 600000
#define GATE_DEF_PEOPLE_REPEAT 60

/* The defaults `mnemo gate train` starts from (one source for them). */
#define GATE_TRAIN_DEFAULTS \
    {.seed = 7, .examples = GATE_DEF_EXAMPLES, .heldout = 20000, .epochs = 3, .lr = 0.05f, \
     .l2 = 1e-6f, .remark_pct = 40, .threshold = GATE_THRESHOLD, \
     .people_repeat = GATE_DEF_PEOPLE_REPEAT}

typedef struct gate_report {
    long train_chat, train_fact;    /* training clauses by label (people's repeats in) */
    long people_chat, people_fact;  /* people's statements by label (each once) */
    long held_chat, held_fact;      /* held-out clauses by label */
    float fact_p99;                 /* the held-out facts' 99th percentile probability */
    float chat_caught;              /* held-out small talk at or above the threshold */
    float fact_lost;                /* held-out facts at or above it */
    float remark_chat_caught;       /* of the held-out remarks alone */
    float remark_fact_lost;
} gate_report_t;

/* Trains g (weights replaced) and sets its threshold. Returns 0, or -1 with err (out of
 * memory, no clause could be made). */
int gate_train(gate_t *g, const dialogue_t *d, const gate_train_opts_t *o, gate_report_t *rep,
               char *err, size_t errlen);

#endif

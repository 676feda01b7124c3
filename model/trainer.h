/* trainer.h: training the memory model on a babi_set_t: mini-batches bucketed by story
 * length, split across worker threads (each with its own net_work_t and gradient
 * buffer, summed before one Adam step), validation every epoch, learning-rate warm-up
 * and halving on plateaus, early stopping, checkpoints and resume. */
#ifndef MNEMO_MODEL_TRAINER_H
#define MNEMO_MODEL_TRAINER_H

#include <stdint.h>
#include <stdio.h>

#include "model/data.h"
#include "model/layers.h"
#include "model/modelfile.h"

/* Epochs without gain after which the learning rate halves, unless opts say otherwise. */
#define TRAINER_PLATEAU 3

typedef struct trainer_opts {
    int epochs;          /* at most this many epochs (in total, counting resumed ones) */
    int batch;           /* examples per Adam step */
    int threads;         /* workers, >= 1 */
    uint64_t seed;       /* initialization and shuffling */
    float lr, clip, weight_decay;
    int warmup;          /* steps of linear learning-rate warm-up */
    int plateau;         /* halve the learning rate after this many epochs without gain
                          * (0 = never) */
    int patience;        /* stop after this many epochs without gain (0 = never) */
    float target_acc;    /* stop once validation accuracy reaches this (0 = never) */
    const char *out;     /* best model so far (NULL = not written) */
    const char *ckpt;    /* checkpoint written after every epoch (NULL = none) */
    FILE *log;           /* progress lines (NULL = quiet) */
    double progress_s;   /* seconds between in-epoch progress lines (0 = none) */
    const char *const *smalltalk; /* [nsmalltalk] replies the training data uses for
                                   * small talk (persona_smalltalk_replies), or NULL */
    int nsmalltalk;
} trainer_opts_t;

void trainer_opts_default(trainer_opts_t *o);

typedef struct trainer_result {
    int epochs;                 /* epochs completed (including resumed ones) */
    double loss[256];           /* mean training loss of each epoch run here */
    int nloss;
    float best_acc, last_acc;   /* validation exact-match accuracy */
    double seconds, ex_per_s;   /* training time here, training examples per second */
    double gflops;              /* achieved, from the analytic count of trainer_flops */
} trainer_result_t;

/* The reply phrases a model trained on train records (modelfile_phrases_t): the
 * acknowledgement, i.e. the answer of train's acknowledgement examples (none without
 * any), and each of smalltalk[0..n) whose words are all in v (the others are named on
 * log, or left out silently when log is NULL). Returns 0, or -1 with err when the
 * acknowledgement examples disagree or do not fit the table's rules. */
int trainer_phrases(const babi_set_t *train, const vocab_t *v, const char *const *smalltalk,
                    int n, modelfile_phrases_t *ph, FILE *log, char *err, size_t errlen);

/* Trains from a fresh initialization (resume_params and resume NULL), from given
 * parameters with a fresh optimizer (resume_params set, resume NULL: a warm start), or
 * from a checkpoint's parameters and state (both set, as modelfile_read gives them). v must be the
 * vocabulary the sets were built with. The model and checkpoints carry the phrases of
 * trainer_phrases(train, v, o->smalltalk). Returns 0, or -1 with err. */
int trainer_run(const trainer_opts_t *o, const net_cfg_t *c, const vocab_t *v,
                const babi_set_t *train, const babi_set_t *valid,
                const float *resume_params, const modelfile_state_t *resume,
                trainer_result_t *res, char *err, size_t errlen);

/* Warm start: copies into params (already initialized for c and v) what the model
 * `from` (fc, fv) learned: every tensor without a vocabulary dimension, and for each
 * word both vocabularies hold its embedding and output weights (the hashed buckets'
 * rows too when their number is the same). The shapes other than the vocabulary (D, A,
 * slots, words, hops) must match. Returns the number of words carried over, or -1 with
 * err. */
int trainer_warm_start(float *params, const net_cfg_t *c, const vocab_t *v,
                       const float *from, const net_cfg_t *fc, const vocab_t *fv, char *err,
                       size_t errlen);

/* Greedy answers for every example of s; correct [s->n] (or NULL) gets 1 for an exact
 * match of the whole answer. Returns the number correct, or -1 (memory). */
int trainer_evaluate(const net_cfg_t *c, const net_params_t *p, const babi_set_t *s,
                     int threads, int *correct);

/* The initialization: Xavier-uniform matrices, zero biases, small normal embeddings. */
void trainer_init_params(float *params, const net_cfg_t *c, uint64_t seed);

/* Floating-point operations of one training example (forward + backward, matrix
 * products only) whose story fills S slots. */
double trainer_flops(const net_cfg_t *c, int S);

/* cblas_sgemm's peak on n x n matrices with `threads` workers each running its own
 * single-threaded product: GFLOP/s in total. */
double trainer_sgemm_peak(int n, int threads);

#endif

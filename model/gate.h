/* gate.h: the small-talk gate: how likely a clause a person typed is chat (a remark about
 * the day, the weather, a match, a mood, an opinion) rather than a fact worth keeping.
 * A logistic regression over hashed features of the clause: each word, each pair of
 * neighbouring words, the character 3-grams of each word (so a typo or a word never seen
 * still weighs), the first and the last word, and marks for digits, capitals, "!", "?"
 * and emoji. It is trained on generated clauses and people's labelled statements
 * (gate_train.h) and travels in the reader's section of the model file (reader_gate,
 * reader.h); the agent reads a clause the reader took for a fact as small talk when the
 * gate's probability reaches the threshold kept with it.
 *
 * Arithmetic is plain float additions and products in a fixed order, and the logistic
 * function is computed here (no BLAS, no libm in the weights' path), so training gives
 * the same bytes on every x86-64 CPU. */
#ifndef MNEMO_MODEL_GATE_H
#define MNEMO_MODEL_GATE_H

#include <stddef.h>
#include <stdint.h>

/* Hashed feature rows: 2^GATE_BITS weights (1 MiB of floats). */
enum { GATE_BITS = 18, GATE_ROWS = 1 << GATE_BITS };
/* Features of one clause at most (a long clause keeps its first ones). */
enum { GATE_MAX_FEATURES = 1024 };

typedef struct gate {
    float *w;           /* [GATE_ROWS] weights, owned */
    float bias;
    float threshold;    /* a fact-read clause at or above this is small talk */
} gate_t;

/* A gate of zero weights (probability 0.5 everywhere) and threshold 1 (never fires).
 * NULL when out of memory. */
gate_t *gate_new(void);
void gate_free(gate_t *g);

/* The feature rows of text (UTF-8): up to max row numbers into rows (repeats allowed).
 * Returns how many, or -1 when the text is not valid UTF-8 or memory ran out. */
int gate_features(const char *text, size_t len, uint32_t *rows, int max);

/* The logistic function, computed without libm (bit-identical everywhere). */
float gate_sigmoid(float z);

/* The probability that text is chat; -1 when the text cannot be read (invalid UTF-8,
 * out of memory). */
float gate_chat_p(const gate_t *g, const char *text, size_t len);
/* 1 when g is given and text's probability is at least g's threshold. */
int gate_is_chat(const gate_t *g, const char *text, size_t len);

/* One step of stochastic gradient descent on the weighted logistic loss of one example
 * (its feature rows[0..n), label y 1 chat or 0 fact, weight wy): z = bias + the sum of
 * its rows' weights, p = gate_sigmoid(z), dL/dz = wy (p - y); each row (once per time it
 * is listed) and the bias move by -lr (dL/dz + l2 w). Returns the loss before the step,
 * -wy (y log p + (1 - y) log(1 - p)). */
float gate_step(gate_t *g, const uint32_t *rows, int n, float y, float wy, float lr, float l2);

/* Bytes of g as the reader's section carries them (magic, threshold, bias, the weights
 * that are not 0 as (row, value) pairs), malloc'd with *len; NULL when out of memory. */
unsigned char *gate_serialize(const gate_t *g, size_t *len);
/* The gate of those bytes, or NULL with err (truncated, a bad row or threshold). */
gate_t *gate_parse(const unsigned char *buf, size_t len, char *err, size_t errlen);

#endif

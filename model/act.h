/* act.h: the hyperbolic tangent of the model's layers (the GRU's candidate, the gate's
 * hidden layer, the episodic update, the decoder's first state), exact or fast.
 *
 * By default act_tanh is libm's tanhf, so training keeps the rounding of every run made
 * before (docs/MODEL.md: a seeded run repeats bit for bit, and the shipped file is made
 * again byte for byte). The daemon turns the fast form on: one expf instead of tanhf's
 * expm1f, within 2e-7 of tanhf everywhere (absolute; relative 2e-6), which a chat turn
 * measured as about a sixth of its time at batch size 1 (docs/PERFORMANCE.md). Errors:
 * none; NaN gives NaN and +-inf gives +-1. */
#ifndef MNEMO_MODEL_ACT_H
#define MNEMO_MODEL_ACT_H

/* Whether act_tanh runs the fast form (1) or tanhf (0, the default). Call before any
 * thread uses the layers. */
void act_fast_tanh(int on);

float act_tanh(float x);
/* The fast form itself, whatever the switch (the tests compare it with tanhf). */
float act_tanh_fast(float x);

#endif

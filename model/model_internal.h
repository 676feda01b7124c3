/* model_internal.h: inside a loaded model, for the tools that run the network on whole
 * sets (benchmarks, tests) rather than through model_answer: its configuration,
 * vocabulary and carved parameters. The agent does not include this; it sees model.h
 * only. All three are owned by the model and live as long as it. */
#ifndef MNEMO_MODEL_MODEL_INTERNAL_H
#define MNEMO_MODEL_MODEL_INTERNAL_H

#include "model/layers.h"
#include "model/model.h"
#include "model/vocab.h"

const net_cfg_t *model_cfg(const model_t *m);
const vocab_t *model_vocab(const model_t *m);
const net_params_t *model_params(const model_t *m);

#endif

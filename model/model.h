/* model.h: the trained memory model as the daemon uses it: load a model file, encode a
 * sentence into the learned vector kept beside each memory, and answer a question from
 * memory slots (answer tokens and the attention over the slots). Also the model file
 * itself (written by the trainer, read by everything else): magic, format version,
 * hyper-parameters, the tensor size table, the vocabulary, float32 parameters, CRC32. */
#ifndef MNEMO_MODEL_MODEL_H
#define MNEMO_MODEL_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "model/data.h"
#include "model/layers.h"

#define MODELFILE_MAGIC "MNEMOMDL"
/* 2: the copy pointer goes through the slot attention and the fusion is residual (the
 * tensors of version 1 have the same sizes but another meaning) */
enum { MODELFILE_VERSION = 2 };
enum { MODELFILE_MODEL = 0, MODELFILE_CHECKPOINT = 1 };

/* What a checkpoint keeps beyond the model: where training stood, and Adam's moments. */
typedef struct modelfile_state {
    int epoch, step;        /* epochs done, Adam steps done */
    uint64_t rng;           /* the trainer's generator after the epoch */
    float lr, best_acc;     /* current learning rate, best validation accuracy */
    int bad_epochs;         /* epochs since the best */
    float *adam_m, *adam_v; /* [nparams] each; owned by the caller */
} modelfile_state_t;

/* Writes a model (st NULL) or a checkpoint (st set) to path, through a temporary file
 * renamed into place. Returns 0 or -1 with the reason in err. */
int modelfile_write(const char *path, const net_cfg_t *c, const vocab_t *v,
                    const float *params, const modelfile_state_t *st, char *err,
                    size_t errlen);

/* Reads a model file or checkpoint. On success fills *c, *v (new vocabulary, caller
 * frees), *params (malloc'd [net_nparams(c)], caller frees) and, when st is not NULL, the
 * checkpoint state (st->adam_m/v malloc'd, caller frees; st NULL ignores them; a model
 * file asked for as a checkpoint is an error). Returns 0, or -1 with what is wrong in
 * err (truncated, wrong magic, unsupported version, bad checksum, mismatched sizes). */
int modelfile_read(const char *path, net_cfg_t *c, vocab_t **v, float **params,
                   modelfile_state_t *st, char *err, size_t errlen);
/* The same on a buffer already in memory. */
int modelfile_parse(const unsigned char *buf, size_t len, net_cfg_t *c, vocab_t **v,
                    float **params, modelfile_state_t *st, char *err, size_t errlen);

/* CRC-32 (IEEE 802.3, as zlib), continuing from crc (start with 0). */
uint32_t modelfile_crc32(uint32_t crc, const void *buf, size_t len);

/* ---- inference -------------------------------------------------------------------- */

typedef struct model model_t;

/* Loads path; NULL with the reason in err. The weights are read-only afterwards and
 * may be shared by threads, each with its own model_session_t. */
model_t *model_load(const char *path, char *err, size_t errlen);
void model_free(model_t *m);
const net_cfg_t *model_cfg(const model_t *m);
const vocab_t *model_vocab(const model_t *m);
const net_params_t *model_params(const model_t *m);
int model_dim(const model_t *m); /* D, the length of a sentence vector */
/* Eight hex digits identifying the weights (CRC-32 of the configuration and the
 * parameters): part of the encoder id of memory vectors built with this model. */
const char *model_tag(const model_t *m);

/* The sentence vector vec [D] of text: the position-encoded embeddings of its first J
 * words (unknown words through their hashed buckets), L2-normalized; all zeros for a
 * text without words. Returns 0, or -1 (invalid UTF-8, memory) with err. */
int model_encode(const model_t *m, const char *text, float *vec, char *err, size_t errlen);

/* Per-thread scratch for answering. */
typedef struct model_session model_session_t;
model_session_t *model_session_new(const model_t *m);
void model_session_free(model_session_t *s);

/* Answers question from slots[0..nslots) (oldest first; only the most recent S are
 * read). answer gets the answer tokens joined by single spaces (unknown words copied
 * from the slots come back as written there); attn [nslots] (or NULL) gets the last
 * hop's attention per slot (0 for slots not read). Returns the number of answer tokens,
 * or -1 with err. */
int model_answer(model_session_t *s, const char *const *slots, int nslots,
                 const char *question, char *answer, size_t anslen, float *attn,
                 char *err, size_t errlen);

#endif

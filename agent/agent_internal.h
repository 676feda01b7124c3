/* agent_internal.h: private to agent/'s files: the agent's state, shared by
 * agent.c (lifecycle, the encoder), memories.c (the memory calls) and turn.c (the
 * chat turn and conversations). */
#ifndef MNEMO_AGENT_AGENT_INTERNAL_H
#define MNEMO_AGENT_AGENT_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include "agent/agent.h"
#include "agent/known.h"
#include "agent/wm.h"
#include "model/model.h"
#include "model/senc.h"
#include "model/tokenizer.h"
#include "store/store.h"

struct agent {
    store_t *st;
    atomic_int ready;
    model_t *model;             /* NULL: no model */
    senc_t *senc;               /* the sentence encoder of the learned half; NULL: the
                                   model's sentence vector is (or, without a model, none) */
    int dim;                    /* LEX_DIM, plus the learned half's D */
    char encoder[64];           /* encoder id of every vector written */
    float wlex, wlearn;         /* sqrt(w), sqrt(1 - w): the parts' scales */
    int turns, memories;        /* W, K */
    double duplicate;           /* chat_duplicate */
    wm_t *wm;
    known_t *known;             /* the users' facts between turns */
    /* Bumped when conversations go behind the working memories' back (a user deleted):
     * a ring loaded under an older generation is restored again. */
    atomic_uint_fast64_t gen;
    /* Idle model sessions (scratch for model_answer), one per concurrent turn at most. */
    pthread_mutex_t sess_mu;
    model_session_t **idle;
    size_t nidle, capidle;
};

/* The agent's vector of text into vec[a->dim]. AGENT_OK, AGENT_EINVAL (invalid UTF-8)
 * or AGENT_ENOMEM, with err filled. */
int agent_encode(const agent_t *a, const char *text, float *vec, char *err, size_t errlen);
/* The same from text already split (toks, by tok_split). */
int agent_encode_tokens(const agent_t *a, const tok_list_t *toks, float *vec, char *err,
                        size_t errlen);
/* The encoder id of the agent's vectors into buf: LEX_ENCODER_ID alone without a learned
 * half, else "<LEX_ENCODER_ID>+<model_tag>/w=<w>", model_tag naming the learned half (the
 * model's tag, or "senc-" and the sentence encoder's). */
void agent_encoder_id(char *buf, size_t len, const char *model_tag, double w);
/* Fills err with why (the store's message: which quota) and user's counts and quotas,
 * for a write refused with AGENT_EQUOTA, which it returns. */
int agent_quota_message(agent_t *a, const char *user, const char *why, char *err,
                        size_t errlen);
/* The store's and the model's codes as the agent's (err keeps their message). */
int agent_from_store(int rc);
int agent_from_model(int rc);
/* Moves m's strings into out and releases the rest of m (memories.c). */
void agent_memory_from_store(agent_memory_t *out, store_memory_t *m);

#endif

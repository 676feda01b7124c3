/* write.h: a chat turn's memory writes, prepared for store_chat_commit: either the facts
 * the reader's plan tells (respond.h: one memory per fact, its frame, what it
 * supersedes) or, for a message the memory network acknowledged as a statement, the
 * message itself with the write decisions of frame.h (near-duplicate, same words). */
#ifndef MNEMO_AGENT_WRITE_H
#define MNEMO_AGENT_WRITE_H

#include <stddef.h>
#include "agent/agent_internal.h"
#include "agent/respond.h"

/* The writes of one turn and what they own. */
typedef struct turn_writes {
    store_chat_write_t *w;      /* [n] */
    store_new_memory_t *mem;    /* [n] */
    float *vecs;                /* [n][dim] */
    size_t n;
} turn_writes_t;

/* The facts of plan p as writes by user in conversation: each memory's vector encodes
 * its own clause. AGENT_OK, AGENT_ENOMEM or an encoding error with err. */
int write_facts(const agent_t *a, const char *user, const char *conversation,
                const respond_t *p, turn_writes_t *tw, char *err, size_t errlen);

/* The message msg (its tokens toks, its vector vec) as one write, planned against the
 * search hits[0..nh) (frame_plan). AGENT_OK or AGENT_ENOMEM. */
int write_statement(const agent_t *a, const char *user, const char *conversation,
                    const char *msg, const tok_list_t *toks, const float *vec,
                    const store_hit_t *hits, int nh, turn_writes_t *tw);

void turn_writes_free(turn_writes_t *tw);

#endif

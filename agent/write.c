/* write.c: a chat turn's memory writes (write.h), as store_chat_write_t rows for
 * store_chat_commit_n: the facts a plan tells, each its own memory with its clause's
 * vector and its frame, or the whole message when the memory network acknowledged it. */
#include "agent/write.h"

#include <stdlib.h>
#include <string.h>
#include "agent/frame.h"

static int alloc(const agent_t *a, turn_writes_t *tw, size_t n)
{
    memset(tw, 0, sizeof *tw);
    tw->w = calloc(n + 1, sizeof *tw->w);
    tw->mem = calloc(n + 1, sizeof *tw->mem);
    tw->vecs = calloc((n + 1) * (size_t)a->dim, sizeof *tw->vecs);
    if (!tw->w || !tw->mem || !tw->vecs) {
        turn_writes_free(tw);
        return AGENT_ENOMEM;
    }
    return AGENT_OK;
}

int write_facts(const agent_t *a, const char *user, const char *conversation,
                const respond_t *p, turn_writes_t *tw, char *err, size_t errlen)
{
    int rc = alloc(a, tw, (size_t)p->nw);
    for (int i = 0; !rc && i < p->nw; i++) {
        const respond_write_t *f = &p->w[i];
        float *vec = tw->vecs + (size_t)i * a->dim;
        if ((rc = agent_encode(a, f->text, vec, err, errlen))) break;
        tw->mem[i] = (store_new_memory_t){.user = user, .conversation = conversation,
                                          .text = f->text, .vec = vec, .dim = a->dim,
                                          .encoder = a->encoder, .importance = -1,
                                          .holder = f->holder, .relation = f->relation,
                                          .value = f->value};
        int64_t *sup = calloc(f->nsupersede + 1, sizeof *sup);
        if (!sup) {
            rc = AGENT_ENOMEM;
            break;
        }
        memcpy(sup, f->supersede, f->nsupersede * sizeof *sup);
        tw->w[i] = (store_chat_write_t){.mem = &tw->mem[i], .update_id = f->update_id,
                                        .touch_only = f->update_id != 0, .supersede = sup,
                                        .nsupersede = f->nsupersede};
        tw->n = (size_t)i + 1;
        if (!(tw->w[i].superseded = calloc(f->nsupersede + 1, sizeof(int64_t)))) {
            rc = AGENT_ENOMEM;
            break;
        }
    }
    if (rc) turn_writes_free(tw);
    return rc;
}

int write_statement(const agent_t *a, const char *user, const char *conversation,
                    const char *msg, const tok_list_t *toks, const float *vec,
                    const store_hit_t *hits, int nh, turn_writes_t *tw)
{
    frame_candidate_t *c = calloc((size_t)nh + 1, sizeof *c);
    tok_list_t content = {0};
    frame_plan_t plan = {0};
    int rc = AGENT_ENOMEM;
    if (!c || alloc(a, tw, 1) || frame_content(toks, &content) != 0) goto out;
    for (int i = 0; i < nh; i++)
        c[i] = (frame_candidate_t){hits[i].mem.id, hits[i].mem.text, hits[i].cosine};
    if (frame_plan(msg, &content, c, nh, a->duplicate, &plan) != 0) goto out;
    memcpy(tw->vecs, vec, (size_t)a->dim * sizeof *vec);
    tw->mem[0] = (store_new_memory_t){.user = user, .conversation = conversation,
                                      .text = msg, .vec = tw->vecs, .dim = a->dim,
                                      .encoder = a->encoder, .importance = -1};
    tw->w[0] = (store_chat_write_t){.mem = &tw->mem[0], .update_id = plan.update_id,
                                    .touch_only = plan.touch_only, .supersede = plan.supersede,
                                    .nsupersede = plan.nsupersede};
    plan.supersede = NULL;
    tw->n = 1;
    if (!(tw->w[0].superseded = calloc(tw->w[0].nsupersede + 1, sizeof(int64_t)))) goto out;
    rc = AGENT_OK;
out:
    if (rc && tw->w) turn_writes_free(tw);
    frame_plan_free(&plan);
    tok_list_free(&content);
    free(c);
    return rc;
}

void turn_writes_free(turn_writes_t *tw)
{
    for (size_t i = 0; tw->w && i < tw->n; i++) {
        free((void *)tw->w[i].supersede);
        free(tw->w[i].superseded);
    }
    free(tw->w);
    free(tw->mem);
    free(tw->vecs);
    memset(tw, 0, sizeof *tw);
}

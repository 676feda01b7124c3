/* layers_net.c: the whole memory model over a mini-batch: the parameter size table,
 * the activation buffer, and forward/backward chaining position encoding, temporal
 * features, bidirectional input fusion, the episodic memory, the decoder and the loss.
 * Training loops, data and the model file build on this (they are not here). */
#include "model/layers.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

size_t net_param_table(const net_cfg_t *c, net_tensor_t *t)
{
    epi_dims_t ed = {c->D, c->A, c->hops, c->tied};
    dec_dims_t dd = {c->D, c->V, c->V + c->Hb, c->T, c->S * c->J, c->J};
    size_t sizes[NET_NTENSORS] = {
        (size_t)(c->V + c->Hb) * c->D, (size_t)c->S * c->D, gru_nparams(c->D, c->D),
        gru_nparams(c->D, c->D), epi_nparams(&ed), dec_nparams(&dd),
    };
    static const char *names[NET_NTENSORS] = {"emb", "time", "fus_fwd", "fus_bwd", "epi",
                                              "dec"};
    size_t off = 0;
    for (int i = 0; i < NET_NTENSORS; i++) {
        if (t)
            t[i] = (net_tensor_t){names[i], off, sizes[i]};
        off += sizes[i];
    }
    return off;
}

size_t net_nparams(const net_cfg_t *c) { return net_param_table(c, NULL); }

void net_carve(net_params_t *p, float *buf, const net_cfg_t *c)
{
    net_tensor_t t[NET_NTENSORS];
    epi_dims_t ed = {c->D, c->A, c->hops, c->tied};
    dec_dims_t dd = {c->D, c->V, c->V + c->Hb, c->T, c->S * c->J, c->J};
    net_param_table(c, t);
    p->emb = buf + t[0].offset;
    p->time = buf + t[1].offset;
    gru_carve(&p->fus_fwd, buf + t[2].offset, c->D, c->D);
    gru_carve(&p->fus_bwd, buf + t[3].offset, c->D, c->D);
    epi_carve(&p->epi, buf + t[4].offset, &ed);
    dec_carve(&p->dec, buf + t[5].offset, &dd);
}

struct net_work {
    net_cfg_t c;
    epi_dims_t ed;
    dec_dims_t dd;
    int Bmax;
    int *ages;      /* [B,S] slot age: valid slots after this one (0 = newest) */
    float *buf;     /* everything below, carved */
    float *smask;   /* [B,S] */
    float *F0, *Ff, *Fb, *F, *cf, *cb; /* [B,S,D] x4, [B,S,4D] x2 */
    float *qv, *m;  /* [B,D] */
    float *ecache, *dcache, *P; /* epi cache, dec cache, [B,T,R] */
    float *dP, *dm, *dq, *dF, *dF0, *dsg; /* ..., dsg [B,S] */
    float *scratch;
};

net_work_t *net_work_new(const net_cfg_t *c, int Bmax)
{
    net_work_t *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->c = *c;
    w->ed = (epi_dims_t){c->D, c->A, c->hops, c->tied};
    w->dd = (dec_dims_t){c->D, c->V, c->V + c->Hb, c->T, c->S * c->J, c->J};
    w->Bmax = Bmax;
    size_t B = Bmax, S = c->S, D = c->D, R = w->dd.R, T = c->T;
    size_t scr = gru_seq_scratch(Bmax, c->S, c->D), e = epi_scratch(Bmax, c->S, &w->ed),
           d = dec_scratch(Bmax, &w->dd);
    scr = scr > e ? scr : e;
    scr = scr > d ? scr : d;
    size_t sizes[] = {B * S,         B * S * D,       B * S * D, B * S * D, B * S * D,
                      B * S * 4 * D, B * S * 4 * D,   B * D,     B * D,
                      epi_cache(Bmax, c->S, &w->ed), dec_cache(Bmax, &w->dd), B * T * R,
                      B * T * R,     B * D,           B * D,     B * S * D, B * S * D, B * S, scr};
    float **ptrs[] = {&w->smask, &w->F0, &w->Ff, &w->Fb, &w->F, &w->cf, &w->cb, &w->qv,
                      &w->m, &w->ecache, &w->dcache, &w->P, &w->dP, &w->dm, &w->dq, &w->dF,
                      &w->dF0, &w->dsg, &w->scratch};
    size_t total = 0, n = sizeof sizes / sizeof sizes[0];
    for (size_t i = 0; i < n; i++)
        total += sizes[i];
    w->buf = calloc(total, sizeof(float));
    w->ages = calloc(B * S, sizeof(int));
    if (!w->buf || !w->ages) {
        net_work_free(w);
        return NULL;
    }
    float *at = w->buf;
    for (size_t i = 0; i < n; i++) {
        *ptrs[i] = at;
        at += sizes[i];
    }
    return w;
}

void net_work_free(net_work_t *w)
{
    if (!w)
        return;
    free(w->buf);
    free(w->ages);
    free(w);
}

/* The encoder: slot mask and ages, PE + time, fusion, episodic memory -> w->m. */
static void encode(net_work_t *w, const net_params_t *p, const net_batch_t *b)
{
    const net_cfg_t *c = &w->c;
    int B = b->B, S = c->S, J = c->J, D = c->D;
    assert(B >= 1 && B <= w->Bmax);
    for (int e = 0; e < B; e++) {
        int after = 0;
        for (int s = S - 1; s >= 0; s--) {
            int valid = 0;
            for (int j = 0; j < J; j++)
                valid |= b->story[((size_t)e * S + s) * J + j] != LAYERS_PAD;
            w->smask[(size_t)e * S + s] = valid ? 1.0f : 0.0f;
            w->ages[(size_t)e * S + s] = valid ? after : 0;
            after += valid;
        }
    }
    pe_forward(w->F0, b->story, p->emb, B * S, J, D);
    emb_add_forward(w->F0, w->ages, p->time, B * S, D);
    pe_forward(w->qv, b->question, p->emb, B, J, D);
    gru_seq_forward(w->Ff, w->cf, w->F0, NULL, w->smask, &p->fus_fwd, B, S, D, D, 0,
                    w->scratch);
    gru_seq_forward(w->Fb, w->cb, w->F0, NULL, w->smask, &p->fus_bwd, B, S, D, D, 1,
                    w->scratch);
    for (size_t i = 0; i < (size_t)B * S * D; i++) /* residual: F = F0 + Ff + Fb */
        w->F[i] = w->F0[i] + w->Ff[i] + w->Fb[i];
    epi_forward(w->m, w->ecache, w->F, w->qv, w->smask, &p->epi, &w->ed, B, S);
}

double net_forward(net_work_t *w, const net_params_t *p, const net_batch_t *b)
{
    encode(w, p, b);
    dec_forward(w->P, w->dcache, w->m, w->qv, b->ans_in, b->story,
                net_attention(w, w->c.hops - 1, b->B), p->emb, &p->dec, &w->dd, b->B,
                w->scratch);
    return xent_forward(w->P, b->ans_out, b->B * w->c.T, w->dd.R, NULL);
}

void net_backward(net_work_t *w, net_params_t *g, const net_params_t *p,
                  const net_batch_t *b)
{
    const net_cfg_t *c = &w->c;
    int B = b->B, S = c->S, J = c->J, D = c->D, T = c->T, R = w->dd.R;
    memset(w->dP, 0, sizeof(float) * B * T * R);
    memset(w->dm, 0, sizeof(float) * B * D);
    memset(w->dq, 0, sizeof(float) * B * D);
    memset(w->dF, 0, sizeof(float) * B * S * D);
    memset(w->dsg, 0, sizeof(float) * B * S);
    xent_backward(w->dP, w->P, b->ans_out, B * T, R, 1.0f);
    dec_backward(w->dm, w->dq, w->dsg, g->emb, &g->dec, w->dP, w->dcache, w->m, w->qv,
                 b->ans_in, b->story, net_attention(w, c->hops - 1, B), p->emb, &p->dec,
                 &w->dd, B, w->scratch);
    epi_backward(w->dF, w->dq, &g->epi, w->dm, w->dsg, w->ecache, w->F, w->qv, &p->epi,
                 &w->ed, B, S, w->scratch);
    /* F = F0 + Ff + Fb: the residual and both directions receive dF */
    memcpy(w->dF0, w->dF, sizeof(float) * B * S * D);
    gru_seq_backward(w->dF0, NULL, &g->fus_fwd, w->dF, w->F0, NULL, w->smask, w->Ff, w->cf,
                     &p->fus_fwd, B, S, D, D, 0, w->scratch);
    gru_seq_backward(w->dF0, NULL, &g->fus_bwd, w->dF, w->F0, NULL, w->smask, w->Fb, w->cb,
                     &p->fus_bwd, B, S, D, D, 1, w->scratch);
    emb_backward(g->time, w->dF0, w->ages, B * S, D, 0);
    pe_backward(g->emb, w->dF0, b->story, B * S, J, D);
    pe_backward(g->emb, w->dq, b->question, B, J, D);
}

int net_predict(net_work_t *w, const net_params_t *p, const net_batch_t *b, int *out)
{
    encode(w, p, b);
    return dec_greedy(out, w->m, w->qv, b->story, net_attention(w, w->c.hops - 1, b->B),
                      p->emb, &p->dec, &w->dd, b->B, w->scratch);
}

const float *net_attention(const net_work_t *w, int hop, int B)
{
    return epi_attention(w->ecache, hop, B, w->c.S, &w->ed);
}

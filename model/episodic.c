/* episodic.c: the DMN+ episodic memory: H hops over the fused memory slots, each hop
 * scoring the slots with the gate attention, reading a weighted-sum context and
 * updating the memory m = tanh([m; c; q] wm + bm), with update weights per hop or tied.
 * Bounded: DMN+'s ReLU let |m| grow to 20-30, which saturated the gate's tanh (the
 * features f*m, |f-m|) so the attention went uniform and stopped learning.
 * Each hop has its own gate (tied: one for all): with a shared gate the copy pointer's
 * gradient on the last hop taught every hop to look for the answer's statement, so no
 * hop looked for the first link of a chain ("Emily is a mouse"). */
#include "model/layers.h"

#include <assert.h>
#include "model/act.h"
#include "model/blas.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t epi_nparams(const epi_dims_t *dm)
{
    size_t P = dm->tied ? 1 : (size_t)dm->hops, D = (size_t)dm->D;
    return P * (attn_gate_nparams(dm->D, dm->A) + 3 * D * D + D);
}

float *epi_carve(epi_params_t *p, float *buf, const epi_dims_t *dm)
{
    size_t P = dm->tied ? 1 : (size_t)dm->hops, D = (size_t)dm->D;
    assert(P <= EPI_MAX_HOPS);
    for (size_t h = 0; h < P; h++)
        buf = attn_gate_carve(&p->gate[h], buf, dm->D, dm->A);
    p->wm = buf;
    p->bm = p->wm + P * 3 * D * D;
    return p->bm + P * D;
}

/* Per hop, in order: m_in [B,D], gate cache, g [B,S], c [B,D], x = [m_in; c; q] [B,3D],
 * m_out [B,D]. */
static size_t hop_size(int B, int S, const epi_dims_t *dm)
{
    return (size_t)B * (6 * dm->D + S) + attn_gate_cache(B, S, dm->D, dm->A);
}

typedef struct hop_view {
    float *m_in, *gc, *g, *c, *x, *m_out;
} hop_view_t;

static hop_view_t hop_at(const float *cache, int h, int B, int S, const epi_dims_t *dm)
{
    hop_view_t v;
    int D = dm->D;
    v.m_in = (float *)cache + (size_t)h * hop_size(B, S, dm);
    v.gc = v.m_in + (size_t)B * D;
    v.g = v.gc + attn_gate_cache(B, S, D, dm->A);
    v.c = v.g + (size_t)B * S;
    v.x = v.c + (size_t)B * D;
    v.m_out = v.x + (size_t)B * 3 * D;
    return v;
}

size_t epi_cache(int B, int S, const epi_dims_t *dm) { return dm->hops * hop_size(B, S, dm); }

size_t epi_scratch(int B, int S, const epi_dims_t *dm)
{
    int D = dm->D;
    return (size_t)B * (3 * D + 4 * D + S) + attn_gate_scratch(B, S, D, dm->A);
}

const float *epi_attention(const float *cache, int hop, int B, int S, const epi_dims_t *dm)
{
    return hop_at(cache, hop, B, S, dm).g;
}

/* m_in [B,D], c [B,D], q [B,D] -> x [B,3D] */
static void concat3(float *x, const float *a, const float *c, const float *q, int B, int D)
{
    for (int b = 0; b < B; b++) {
        memcpy(x + (size_t)b * 3 * D, a + (size_t)b * D, sizeof(float) * D);
        memcpy(x + (size_t)b * 3 * D + D, c + (size_t)b * D, sizeof(float) * D);
        memcpy(x + (size_t)b * 3 * D + 2 * D, q + (size_t)b * D, sizeof(float) * D);
    }
}

/* f [B,S,D], q [B,D], mask [B,S] -> m [B,D]; cache [epi_cache] */
void epi_forward(float *m, float *cache, const float *f, const float *q, const float *mask,
                 const epi_params_t *p, const epi_dims_t *dm, int B, int S)
{
    int D = dm->D;
    for (int h = 0; h < dm->hops; h++) {
        hop_view_t v = hop_at(cache, h, B, S, dm);
        const float *wm = p->wm + (size_t)(dm->tied ? 0 : h) * 3 * D * D;
        const float *bm = p->bm + (size_t)(dm->tied ? 0 : h) * D;
        memcpy(v.m_in, h == 0 ? q : hop_at(cache, h - 1, B, S, dm).m_out,
               sizeof(float) * B * D);
        attn_gate_forward(v.g, v.gc, f, q, v.m_in, mask, &p->gate[dm->tied ? 0 : h], B, S, D,
                          dm->A);
        attn_wsum_forward(v.c, v.g, f, B, S, D);
        concat3(v.x, v.m_in, v.c, q, B, D);
        for (int b = 0; b < B; b++)
            memcpy(v.m_out + (size_t)b * D, bm, sizeof(float) * D);
        blas_sgemm(CblasNoTrans, CblasNoTrans, B, D, 3 * D, 1.0f, v.x, 3 * D,
                    wm, D, 1.0f, v.m_out, D);
        for (size_t i = 0; i < (size_t)B * D; i++)
            v.m_out[i] = act_tanh(v.m_out[i]);
    }
    memcpy(m, hop_at(cache, dm->hops - 1, B, S, dm).m_out, sizeof(float) * B * D);
}

/* dmout [B,D] -> df [B,S,D], dq [B,D], dp (+=) */
void epi_backward(float *df, float *dq, epi_params_t *dp, const float *dmout,
                  const float *dglast, const float *cache, const float *f, const float *q,
                  const epi_params_t *p, const epi_dims_t *dm, int B, int S, float *scratch)
{
    int D = dm->D;
    float *dmc = scratch, *dpre = dmc + (size_t)B * D, *dc = dpre + (size_t)B * D;
    float *dx = dc + (size_t)B * D, *dmn = dx + (size_t)B * 3 * D, *dg = dmn + (size_t)B * D;
    float *gscr = dg + (size_t)B * S;
    memcpy(dmc, dmout, sizeof(float) * B * D);
    for (int h = dm->hops - 1; h >= 0; h--) {
        hop_view_t v = hop_at(cache, h, B, S, dm);
        size_t o = (size_t)(dm->tied ? 0 : h);
        const float *wm = p->wm + o * 3 * D * D;
        float *dwm = dp->wm + o * 3 * D * D, *dbm = dp->bm + o * D;
        for (size_t i = 0; i < (size_t)B * D; i++)
            dpre[i] = dmc[i] * (1.0f - v.m_out[i] * v.m_out[i]);
        for (int b = 0; b < B; b++)
            for (int k = 0; k < D; k++)
                dbm[k] += dpre[(size_t)b * D + k];
        blas_sgemm(CblasTrans, CblasNoTrans, 3 * D, D, B, 1.0f, v.x, 3 * D,
                    dpre, D, 1.0f, dwm, D);
        blas_sgemm(CblasNoTrans, CblasTrans, B, 3 * D, D, 1.0f, dpre, D, wm, D,
                    0.0f, dx, 3 * D);
        for (int b = 0; b < B; b++) {
            memcpy(dmn + (size_t)b * D, dx + (size_t)b * 3 * D, sizeof(float) * D);
            memcpy(dc + (size_t)b * D, dx + (size_t)b * 3 * D + D, sizeof(float) * D);
            if (dq)
                for (int k = 0; k < D; k++)
                    dq[(size_t)b * D + k] += dx[(size_t)b * 3 * D + 2 * D + k];
        }
        if (h == dm->hops - 1 && dglast)
            memcpy(dg, dglast, sizeof(float) * B * S);
        else
            memset(dg, 0, sizeof(float) * B * S);
        attn_wsum_backward(dg, df, dc, v.g, f, B, S, D);
        attn_gate_backward(df, dq, dmn, &dp->gate[o], dg, v.g, v.gc, f, q, v.m_in, &p->gate[o], B,
                           S, D, dm->A, gscr);
        memcpy(dmc, dmn, sizeof(float) * B * D);
    }
    if (dq) /* m_0 = q */
        for (size_t i = 0; i < (size_t)B * D; i++)
            dq[i] += dmc[i];
}

/* ---- reference: the *_ref kernels and loop matmuls, same cache layout ------------- */

void epi_forward_ref(float *m, float *cache, const float *f, const float *q,
                     const float *mask, const epi_params_t *p, const epi_dims_t *dm, int B,
                     int S)
{
    int D = dm->D;
    for (int h = 0; h < dm->hops; h++) {
        hop_view_t v = hop_at(cache, h, B, S, dm);
        const float *wm = p->wm + (size_t)(dm->tied ? 0 : h) * 3 * D * D;
        const float *bm = p->bm + (size_t)(dm->tied ? 0 : h) * D;
        memcpy(v.m_in, h == 0 ? q : hop_at(cache, h - 1, B, S, dm).m_out,
               sizeof(float) * B * D);
        attn_gate_forward_ref(v.g, v.gc, f, q, v.m_in, mask, &p->gate[dm->tied ? 0 : h], B, S,
                              D, dm->A);
        attn_wsum_forward_ref(v.c, v.g, f, B, S, D);
        concat3(v.x, v.m_in, v.c, q, B, D);
        for (int b = 0; b < B; b++)
            for (int k = 0; k < D; k++) {
                double acc = bm[k];
                for (int i = 0; i < 3 * D; i++)
                    acc += (double)v.x[b * 3 * D + i] * wm[i * D + k];
                v.m_out[b * D + k] = (float)tanh(acc);
            }
    }
    memcpy(m, hop_at(cache, dm->hops - 1, B, S, dm).m_out, sizeof(float) * B * D);
}

void epi_backward_ref(float *df, float *dq, epi_params_t *dp, const float *dmout,
                      const float *dglast, const float *cache, const float *f,
                      const float *q, const epi_params_t *p, const epi_dims_t *dm, int B,
                      int S)
{
    int D = dm->D;
    float *dmc = malloc(sizeof(float) * B * D), *dmn = malloc(sizeof(float) * B * D);
    float *dc = malloc(sizeof(float) * B * D), *dg = malloc(sizeof(float) * B * S);
    memcpy(dmc, dmout, sizeof(float) * B * D);
    for (int h = dm->hops - 1; h >= 0; h--) {
        hop_view_t v = hop_at(cache, h, B, S, dm);
        size_t o = (size_t)(dm->tied ? 0 : h);
        const float *wm = p->wm + o * 3 * D * D;
        float *dwm = dp->wm + o * 3 * D * D, *dbm = dp->bm + o * D;
        memset(dmn, 0, sizeof(float) * B * D);
        memset(dc, 0, sizeof(float) * B * D);
        for (int b = 0; b < B; b++)
            for (int k = 0; k < D; k++) {
                float mo = v.m_out[b * D + k], d = dmc[b * D + k] * (1.0f - mo * mo);
                dbm[k] += d;
                for (int i = 0; i < 3 * D; i++) {
                    dwm[i * D + k] += v.x[b * 3 * D + i] * d;
                    float g = wm[i * D + k] * d;
                    if (i < D)
                        dmn[b * D + i] += g;
                    else if (i < 2 * D)
                        dc[b * D + i - D] += g;
                    else if (dq)
                        dq[b * D + i - 2 * D] += g;
                }
            }
        for (int i = 0; i < B * S; i++)
            dg[i] = h == dm->hops - 1 && dglast ? dglast[i] : 0.0f;
        attn_wsum_backward_ref(dg, df, dc, v.g, f, B, S, D);
        attn_gate_backward_ref(df, dq, dmn, &dp->gate[o], dg, v.g, v.gc, f, q, v.m_in, &p->gate[o],
                               B, S, D, dm->A);
        memcpy(dmc, dmn, sizeof(float) * B * D);
    }
    if (dq)
        for (int i = 0; i < B * D; i++)
            dq[i] += dmc[i];
    free(dmc);
    free(dmn);
    free(dc);
    free(dg);
}

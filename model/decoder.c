/* decoder.c: the answer decoder: a GRU started from [m; q] whose every step mixes a
 * vocabulary softmax with a copy distribution over the tokens of the memory slots
 * (pointer-generator gate), so it can answer with a word it has only seen in the story.
 * The copy distribution is a pointer through the memory: the slot weights sg (the last
 * hop's attention) times a softmax over the tokens within each slot (attn_ptr), so
 * copying the right word needs the memory to attend to the right slot.
 * Teacher forcing for training (all steps batched through sgemm), greedy decoding. */
#include "model/layers.h"

#include "model/act.h"
#include "model/blas.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t dec_nparams(const dec_dims_t *dd)
{
    size_t D = (size_t)dd->D, V = (size_t)dd->V;
    return 2 * D * D + D + gru_nparams(dd->D, dd->D) + D * D + D * V + V + 2 * D + 1 +
           (size_t)dd->J * D;
}

float *dec_carve(dec_params_t *p, float *buf, const dec_dims_t *dd)
{
    size_t D = (size_t)dd->D, V = (size_t)dd->V;
    p->wi = buf;
    p->bi = p->wi + 2 * D * D;
    p->wq = gru_carve(&p->gru, p->bi + D, dd->D, dd->D);
    p->wv = p->wq + D * D;
    p->bv = p->wv + D * V;
    p->wg = p->bv + V;
    p->bg = p->wg + 2 * D;
    p->pk = p->bg + 1;
    return p->pk + (size_t)dd->J * D;
}

/* The cache, in order: xi [B,2D], h0 [B,D], X [B,T,D], gru cache [B,T,4D], Hs [B,T,D],
 * Psm [B,T,V], Kt [B,L,D], Km [B,L], Qc [B,T,D], Acp [B,T,L], C [B,T,D], G [B,T],
 * Wcp [B,T,L] (within-slot token softmax). */
typedef struct dec_view {
    float *xi, *h0, *X, *gc, *Hs, *Psm, *Kt, *Km, *Qc, *Acp, *C, *G, *Wcp, *end;
} dec_view_t;

static dec_view_t view_at(const float *cache, int B, const dec_dims_t *dd)
{
    size_t D = dd->D, T = dd->T, L = dd->L, V = dd->V;
    dec_view_t v;
    v.xi = (float *)cache;
    v.h0 = v.xi + B * 2 * D;
    v.X = v.h0 + B * D;
    v.gc = v.X + B * T * D;
    v.Hs = v.gc + B * T * 4 * D;
    v.Psm = v.Hs + B * T * D;
    v.Kt = v.Psm + B * T * V;
    v.Km = v.Kt + B * L * D;
    v.Qc = v.Km + B * L;
    v.Acp = v.Qc + B * T * D;
    v.C = v.Acp + B * T * L;
    v.G = v.C + B * T * D;
    v.Wcp = v.G + B * T;
    v.end = v.Wcp + B * T * L;
    return v;
}

size_t dec_cache(int B, const dec_dims_t *dd)
{
    size_t D = dd->D, T = dd->T, L = dd->L, V = dd->V;
    return B * (3 * D + T * (8 * D + V + 2 * L + 1) + L * (D + 1));
}

/* Backward: dHs, dX, dQc, dC [B,T,D]; dlogit [B,T,V]; dA [B,T,L]; dKt [B,L,D];
 * dh0 [B,D]; dxi [B,2D]; dGpre [B,T]; then the larger of the GRU and attention scratch.
 * Greedy: h, hp, x, qc, c [B,D]; gc [B,4D]; cell scratch [B,7D]; P [B,R]. */
static size_t bwd_size(int B, const dec_dims_t *dd)
{
    size_t D = dd->D, T = dd->T, L = dd->L, V = dd->V;
    size_t g = gru_seq_scratch(B, dd->T, dd->D),
           a = attn_ptr_scratch(dd->T, dd->L / dd->J, dd->J);
    return B * (4 * T * D + T * V + T * L + L * D + 3 * D + T) + (g > a ? g : a);
}

static size_t greedy_size(int B, const dec_dims_t *dd)
{
    size_t D = dd->D;
    return B * (5 * D + 4 * D + gru_cell_scratch(1, dd->D) + (size_t)dd->R) +
           attn_ptr_scratch(1, dd->L / dd->J, dd->J);
}

size_t dec_scratch(int B, const dec_dims_t *dd)
{
    size_t a = bwd_size(B, dd), g = greedy_size(B, dd) + dec_cache(B, dd);
    return a > g ? a : g;
}

static float sigf(float x) { return 1.0f / (1.0f + expf(-x)); }

/* Row-wise softmax of x [N,V] in place. */
static void softmax_rows(float *x, int N, int V)
{
    for (int n = 0; n < N; n++) {
        float *r = x + (size_t)n * V, mx = r[0];
        for (int k = 1; k < V; k++)
            mx = r[k] > mx ? r[k] : mx;
        double s = 0.0;
        for (int k = 0; k < V; k++) {
            r[k] = expf(r[k] - mx);
            s += r[k];
        }
        float inv = (float)(1.0 / s);
        for (int k = 0; k < V; k++)
            r[k] *= inv;
    }
}

/* Psm [N,V], A [N,L], G [N], tok [B,L] with N = B*T -> P [N,R] */
static void mix_forward(float *P, const float *Psm, const float *A, const float *G,
                        const int *tok, int B, int T, int V, int R, int L)
{
    for (int n = 0; n < B * T; n++) {
        float *pr = P + (size_t)n * R, g = G[n];
        const int *tk = tok + (size_t)(n / T) * L;
        const float *an = A + (size_t)n * L;
        for (int w = 0; w < V; w++)
            pr[w] = g * Psm[(size_t)n * V + w];
        memset(pr + V, 0, sizeof(float) * (R - V));
        for (int l = 0; l < L; l++)
            if (tk[l] != LAYERS_PAD)
                pr[tk[l]] += (1.0f - g) * an[l];
    }
}

/* dP [N,R] -> dlogit [N,V], dA [N,L], dGpre [N] (all set) */
static void mix_backward(float *dlogit, float *dA, float *dGpre, const float *dP,
                         const float *Psm, const float *A, const float *G, const int *tok,
                         int B, int T, int V, int R, int L)
{
    for (int n = 0; n < B * T; n++) {
        const float *dp = dP + (size_t)n * R, *ps = Psm + (size_t)n * V;
        const float *an = A + (size_t)n * L;
        const int *tk = tok + (size_t)(n / T) * L;
        float g = G[n], *dl = dlogit + (size_t)n * V, *da = dA + (size_t)n * L;
        double dg = 0.0, dot = 0.0;
        for (int w = 0; w < V; w++) {
            dg += (double)dp[w] * ps[w];
            dot += (double)ps[w] * g * dp[w];
        }
        for (int w = 0; w < V; w++)
            dl[w] = ps[w] * (g * dp[w] - (float)dot);
        for (int l = 0; l < L; l++) {
            if (tk[l] == LAYERS_PAD) {
                da[l] = 0.0f;
                continue;
            }
            dg -= (double)dp[tk[l]] * an[l];
            da[l] = (1.0f - g) * dp[tk[l]];
        }
        dGpre[n] = (float)dg * g * (1.0f - g);
    }
}

/* Hs [N,D], C [N,D] -> G [N] = sig(Hs wg[:D] + C wg[D:] + bg) */
static void gate_forward(float *G, const float *Hs, const float *C, const float *wg,
                         const float *bg, int N, int D)
{
    for (int n = 0; n < N; n++) {
        double a = bg[0];
        for (int k = 0; k < D; k++)
            a += (double)Hs[(size_t)n * D + k] * wg[k] + (double)C[(size_t)n * D + k] * wg[D + k];
        G[n] = sigf((float)a);
    }
}

/* dGpre [N] -> dHs, dC [N,D] (+=), dwg, dbg (+=) */
static void gate_backward(float *dHs, float *dC, float *dwg, float *dbg, const float *dGpre,
                          const float *Hs, const float *C, const float *wg, int N, int D)
{
    for (int n = 0; n < N; n++) {
        float d = dGpre[n];
        dbg[0] += d;
        for (int k = 0; k < D; k++) {
            dwg[k] += d * Hs[(size_t)n * D + k];
            dwg[D + k] += d * C[(size_t)n * D + k];
            dHs[(size_t)n * D + k] += d * wg[k];
            dC[(size_t)n * D + k] += d * wg[D + k];
        }
    }
}

/* m, q [B,D] -> xi [B,2D], h0 [B,D] = tanh(xi wi + bi) */
static void init_state(float *xi, float *h0, const float *m, const float *q,
                       const dec_params_t *p, int B, int D, int ref)
{
    for (int b = 0; b < B; b++) {
        memcpy(xi + (size_t)b * 2 * D, m + (size_t)b * D, sizeof(float) * D);
        memcpy(xi + (size_t)b * 2 * D + D, q + (size_t)b * D, sizeof(float) * D);
    }
    for (int b = 0; b < B; b++)
        for (int k = 0; k < D; k++) {
            if (!ref) {
                h0[(size_t)b * D + k] = p->bi[k];
                continue;
            }
            double a = p->bi[k];
            for (int i = 0; i < 2 * D; i++)
                a += (double)xi[b * 2 * D + i] * p->wi[i * D + k];
            h0[b * D + k] = (float)a;
        }
    if (!ref)
        blas_sgemm(CblasNoTrans, CblasNoTrans, B, D, 2 * D, 1.0f, xi, 2 * D,
                    p->wi, D, 1.0f, h0, D);
    for (size_t i = 0; i < (size_t)B * D; i++)
        h0[i] = act_tanh(h0[i]);
}

static void key_mask(float *Km, const int *tok, size_t n)
{
    for (size_t i = 0; i < n; i++)
        Km[i] = tok[i] != LAYERS_PAD ? 1.0f : 0.0f;
}

/* Kt [BL,D] += pk [J,D] at each token's position in its slot (tok [BL]; pads skipped),
 * so the pointer can tell "the office is north of the kitchen" from its converse. */
static void key_pos_forward(float *Kt, const int *tok, const float *pk, int BL, int J, int D)
{
    for (int l = 0; l < BL; l++)
        if (tok[l] != LAYERS_PAD)
            for (int k = 0; k < D; k++)
                Kt[(size_t)l * D + k] += pk[(size_t)(l % J) * D + k];
}

/* dpk [J,D] += dKt [BL,D] of the non-pad tokens */
static void key_pos_backward(float *dpk, const float *dKt, const int *tok, int BL, int J,
                             int D)
{
    for (int l = 0; l < BL; l++)
        if (tok[l] != LAYERS_PAD)
            for (int k = 0; k < D; k++)
                dpk[(size_t)(l % J) * D + k] += dKt[(size_t)l * D + k];
}

/* out [N,M] = x [N,K] w [K,M] (+ bias [M] when not NULL), loops in double */
static void matmul_ref(float *out, const float *x, const float *w, const float *bias, int N,
                       int K, int M)
{
    for (int n = 0; n < N; n++)
        for (int j = 0; j < M; j++) {
            double a = bias ? bias[j] : 0.0;
            for (int k = 0; k < K; k++)
                a += (double)x[n * K + k] * w[k * M + j];
            out[n * M + j] = (float)a;
        }
}

/* dx [N,K] += dy [N,M] w^T; dw [K,M] += x^T dy; db [M] += sum dy (dx, db may be NULL) */
static void matmul_backward_ref(float *dx, float *dw, float *db, const float *dy,
                                const float *x, const float *w, int N, int K, int M)
{
    for (int n = 0; n < N; n++)
        for (int j = 0; j < M; j++) {
            float d = dy[n * M + j];
            if (db)
                db[j] += d;
            for (int k = 0; k < K; k++) {
                dw[k * M + j] += x[n * K + k] * d;
                if (dx)
                    dx[n * K + k] += w[k * M + j] * d;
            }
        }
}

/* m, q [B,D], yin [B,T], tok [B,L], emb [R,D] -> P [B,T,R]; cache [dec_cache] */
void dec_forward(float *P, float *cache, const float *m, const float *q, const int *yin,
                 const int *tok, const float *sg, const float *emb, const dec_params_t *p,
                 const dec_dims_t *dd, int B, float *scratch)
{
    int D = dd->D, T = dd->T, V = dd->V, L = dd->L, N = B * T;
    dec_view_t v = view_at(cache, B, dd);
    init_state(v.xi, v.h0, m, q, p, B, D, 0);
    emb_forward(v.X, yin, emb, N, D);
    gru_seq_forward(v.Hs, v.gc, v.X, v.h0, NULL, &p->gru, B, T, D, D, 0, scratch);
    for (int n = 0; n < N; n++)
        memcpy(v.Psm + (size_t)n * V, p->bv, sizeof(float) * V);
    blas_sgemm(CblasNoTrans, CblasNoTrans, N, V, D, 1.0f, v.Hs, D, p->wv, V,
                1.0f, v.Psm, V);
    softmax_rows(v.Psm, N, V);
    emb_forward(v.Kt, tok, emb, B * L, D);
    key_pos_forward(v.Kt, tok, p->pk, B * L, dd->J, D);
    key_mask(v.Km, tok, (size_t)B * L);
    blas_sgemm(CblasNoTrans, CblasNoTrans, N, D, D, 1.0f, v.Hs, D, p->wq, D,
                0.0f, v.Qc, D);
    attn_ptr_forward(v.C, v.Acp, v.Wcp, v.Qc, v.Kt, v.Km, sg, B, T, L / dd->J, dd->J, D);
    gate_forward(v.G, v.Hs, v.C, p->wg, p->bg, N, D);
    mix_forward(P, v.Psm, v.Acp, v.G, tok, B, T, V, dd->R, L);
}

void dec_forward_ref(float *P, float *cache, const float *m, const float *q,
                     const int *yin, const int *tok, const float *sg, const float *emb,
                     const dec_params_t *p, const dec_dims_t *dd, int B)
{
    int D = dd->D, T = dd->T, V = dd->V, L = dd->L, N = B * T;
    dec_view_t v = view_at(cache, B, dd);
    init_state(v.xi, v.h0, m, q, p, B, D, 1);
    emb_forward_ref(v.X, yin, emb, N, D);
    gru_seq_forward_ref(v.Hs, v.gc, v.X, v.h0, NULL, &p->gru, B, T, D, D, 0);
    matmul_ref(v.Psm, v.Hs, p->wv, p->bv, N, D, V);
    softmax_rows(v.Psm, N, V);
    emb_forward_ref(v.Kt, tok, emb, B * L, D);
    key_pos_forward(v.Kt, tok, p->pk, B * L, dd->J, D);
    key_mask(v.Km, tok, (size_t)B * L);
    matmul_ref(v.Qc, v.Hs, p->wq, NULL, N, D, D);
    attn_ptr_forward_ref(v.C, v.Acp, v.Wcp, v.Qc, v.Kt, v.Km, sg, B, T, L / dd->J, dd->J, D);
    gate_forward(v.G, v.Hs, v.C, p->wg, p->bg, N, D);
    mix_forward(P, v.Psm, v.Acp, v.G, tok, B, T, V, dd->R, L);
}

/* The backward scratch, carved. */
typedef struct dec_bwd {
    float *dHs, *dX, *dQc, *dC, *dlogit, *dA, *dKt, *dh0, *dxi, *dGpre, *rest;
} dec_bwd_t;

static dec_bwd_t bwd_at(float *s, int B, const dec_dims_t *dd)
{
    size_t D = dd->D, T = dd->T, L = dd->L, V = dd->V;
    dec_bwd_t w;
    w.dHs = s;
    w.dX = w.dHs + B * T * D;
    w.dQc = w.dX + B * T * D;
    w.dC = w.dQc + B * T * D;
    w.dlogit = w.dC + B * T * D;
    w.dA = w.dlogit + B * T * V;
    w.dKt = w.dA + B * T * L;
    w.dh0 = w.dKt + B * L * D;
    w.dxi = w.dh0 + B * D;
    w.dGpre = w.dxi + B * 2 * D;
    w.rest = w.dGpre + B * T;
    return w;
}

static void init_backward(float *dm, float *dq, dec_params_t *dp, const dec_view_t *v,
                          const dec_bwd_t *w, const dec_params_t *p, int B, int D, int ref)
{
    for (size_t i = 0; i < (size_t)B * D; i++)
        w->dh0[i] *= 1.0f - v->h0[i] * v->h0[i];
    memset(w->dxi, 0, sizeof(float) * B * 2 * D);
    if (ref) {
        matmul_backward_ref(w->dxi, dp->wi, dp->bi, w->dh0, v->xi, p->wi, B, 2 * D, D);
    } else {
        for (int b = 0; b < B; b++)
            for (int k = 0; k < D; k++)
                dp->bi[k] += w->dh0[(size_t)b * D + k];
        blas_sgemm(CblasTrans, CblasNoTrans, 2 * D, D, B, 1.0f, v->xi, 2 * D,
                    w->dh0, D, 1.0f, dp->wi, D);
        blas_sgemm(CblasNoTrans, CblasTrans, B, 2 * D, D, 1.0f, w->dh0, D,
                    p->wi, D, 0.0f, w->dxi, 2 * D);
    }
    for (int b = 0; b < B; b++)
        for (int k = 0; k < D; k++) {
            if (dm)
                dm[(size_t)b * D + k] += w->dxi[(size_t)b * 2 * D + k];
            if (dq)
                dq[(size_t)b * D + k] += w->dxi[(size_t)b * 2 * D + D + k];
        }
}

static void dec_backward_impl(float *dm, float *dq, float *dsg, float *demb,
                              dec_params_t *dp, const float *dP, const float *cache,
                              const int *yin, const int *tok, const float *sg,
                              const dec_params_t *p, const dec_dims_t *dd, int B,
                              float *scratch, int ref)
{
    int D = dd->D, T = dd->T, V = dd->V, L = dd->L, N = B * T;
    dec_view_t v = view_at(cache, B, dd);
    dec_bwd_t w = bwd_at(scratch, B, dd);
    memset(scratch, 0, sizeof(float) * (size_t)(w.rest - scratch));
    mix_backward(w.dlogit, w.dA, w.dGpre, dP, v.Psm, v.Acp, v.G, tok, B, T, V, dd->R, L);
    gate_backward(w.dHs, w.dC, dp->wg, dp->bg, w.dGpre, v.Hs, v.C, p->wg, N, D);
    if (ref) {
        matmul_backward_ref(w.dHs, dp->wv, dp->bv, w.dlogit, v.Hs, p->wv, N, D, V);
        attn_ptr_backward_ref(w.dQc, w.dKt, dsg, w.dC, w.dA, v.Acp, v.Wcp, v.Qc, v.Kt, sg, B,
                              T, L / dd->J, dd->J, D);
        matmul_backward_ref(w.dHs, dp->wq, NULL, w.dQc, v.Hs, p->wq, N, D, D);
        emb_backward_ref(demb, w.dKt, tok, B * L, D, 1);
        key_pos_backward(dp->pk, w.dKt, tok, B * L, dd->J, D);
        gru_seq_backward_ref(w.dX, w.dh0, &dp->gru, w.dHs, v.X, v.h0, NULL, v.Hs, v.gc,
                             &p->gru, B, T, D, D, 0);
        emb_backward_ref(demb, w.dX, yin, N, D, 1);
    } else {
        for (int n = 0; n < N; n++)
            for (int k = 0; k < V; k++)
                dp->bv[k] += w.dlogit[(size_t)n * V + k];
        blas_sgemm(CblasTrans, CblasNoTrans, D, V, N, 1.0f, v.Hs, D, w.dlogit,
                    V, 1.0f, dp->wv, V);
        blas_sgemm(CblasNoTrans, CblasTrans, N, D, V, 1.0f, w.dlogit, V,
                    p->wv, V, 1.0f, w.dHs, D);
        attn_ptr_backward(w.dQc, w.dKt, dsg, w.dC, w.dA, v.Acp, v.Wcp, v.Qc, v.Kt, sg, B, T,
                          L / dd->J, dd->J, D, w.rest);
        blas_sgemm(CblasTrans, CblasNoTrans, D, D, N, 1.0f, v.Hs, D, w.dQc, D,
                    1.0f, dp->wq, D);
        blas_sgemm(CblasNoTrans, CblasTrans, N, D, D, 1.0f, w.dQc, D, p->wq, D,
                    1.0f, w.dHs, D);
        emb_backward(demb, w.dKt, tok, B * L, D, 1);
        key_pos_backward(dp->pk, w.dKt, tok, B * L, dd->J, D);
        gru_seq_backward(w.dX, w.dh0, &dp->gru, w.dHs, v.X, v.h0, NULL, v.Hs, v.gc, &p->gru,
                         B, T, D, D, 0, w.rest);
        emb_backward(demb, w.dX, yin, N, D, 1);
    }
    init_backward(dm, dq, dp, &v, &w, p, B, D, ref);
}

/* dP [B,T,R] -> dm, dq [B,D], dsg [B,S], demb [R,D], dp (+=) */
void dec_backward(float *dm, float *dq, float *dsg, float *demb, dec_params_t *dp,
                  const float *dP, const float *cache, const float *m, const float *q,
                  const int *yin, const int *tok, const float *sg, const float *emb,
                  const dec_params_t *p, const dec_dims_t *dd, int B, float *scratch)
{
    (void)m, (void)q, (void)emb; /* what backward needs of them is in the cache */
    dec_backward_impl(dm, dq, dsg, demb, dp, dP, cache, yin, tok, sg, p, dd, B, scratch, 0);
}

void dec_backward_ref(float *dm, float *dq, float *dsg, float *demb, dec_params_t *dp,
                      const float *dP, const float *cache, const float *m, const float *q,
                      const int *yin, const int *tok, const float *sg, const float *emb,
                      const dec_params_t *p, const dec_dims_t *dd, int B)
{
    (void)m, (void)q, (void)emb;
    float *scratch = calloc(bwd_size(B, dd), sizeof(float));
    if (!scratch)
        abort(); /* test-only path */
    dec_backward_impl(dm, dq, dsg, demb, dp, dP, cache, yin, tok, sg, p, dd, B, scratch, 1);
    free(scratch);
}

/* Greedy: one GRU cell step at a time, feeding back the most probable id. The copy keys
 * and the step's activations live in scratch, laid out as a T = 1 cache. */
int dec_greedy(int *out, const float *m, const float *q, const int *tok, const float *sg,
               const float *emb, const dec_params_t *p, const dec_dims_t *dd, int B,
               float *scratch)
{
    int D = dd->D, V = dd->V, L = dd->L, R = dd->R;
    dec_dims_t one = *dd;
    one.T = 1;
    dec_view_t v = view_at(scratch, B, &one);
    float *hp = v.end, *cscr = hp + (size_t)B * D, *P = cscr + gru_cell_scratch(B, D);
    int *y = malloc(sizeof(int) * B), *done = calloc((size_t)B, sizeof(int)), steps = 0;
    if (!y || !done) {
        free(y);
        free(done);
        return -1;
    }
    init_state(v.xi, v.h0, m, q, p, B, D, 0);
    memcpy(hp, v.h0, sizeof(float) * B * D);
    emb_forward(v.Kt, tok, emb, B * L, D);
    key_pos_forward(v.Kt, tok, p->pk, B * L, dd->J, D);
    key_mask(v.Km, tok, (size_t)B * L);
    for (int b = 0; b < B; b++)
        y[b] = LAYERS_GO;
    for (int i = 0; i < B * dd->T; i++)
        out[i] = LAYERS_PAD;
    for (int t = 0; t < dd->T; t++) {
        emb_forward(v.X, y, emb, B, D);
        gru_cell_forward(v.Hs, v.gc, v.X, hp, &p->gru, B, D, D, cscr);
        memcpy(hp, v.Hs, sizeof(float) * B * D);
        for (int b = 0; b < B; b++)
            memcpy(v.Psm + (size_t)b * V, p->bv, sizeof(float) * V);
        blas_sgemm(CblasNoTrans, CblasNoTrans, B, V, D, 1.0f, v.Hs, D, p->wv,
                    V, 1.0f, v.Psm, V);
        softmax_rows(v.Psm, B, V);
        blas_sgemm(CblasNoTrans, CblasNoTrans, B, D, D, 1.0f, v.Hs, D, p->wq,
                    D, 0.0f, v.Qc, D);
        attn_ptr_forward(v.C, v.Acp, v.Wcp, v.Qc, v.Kt, v.Km, sg, B, 1, L / dd->J, dd->J, D);
        gate_forward(v.G, v.Hs, v.C, p->wg, p->bg, B, D);
        mix_forward(P, v.Psm, v.Acp, v.G, tok, B, 1, V, R, L);
        int live = 0;
        for (int b = 0; b < B; b++) {
            int best = 1; /* never the pad id */
            for (int w = 2; w < R; w++)
                if (P[(size_t)b * R + w] > P[(size_t)b * R + best])
                    best = w;
            y[b] = best;
            if (!done[b])
                out[b * dd->T + t] = best;
            if (best == LAYERS_EOS)
                done[b] = 1;
            live += !done[b];
        }
        steps = t + 1;
        if (!live)
            break;
    }
    free(y);
    free(done);
    return steps;
}

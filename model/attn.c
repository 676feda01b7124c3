/* attn.c: attention over memory slots: scaled dot-product attention with a key mask
 * (the decoder's copy pointer), the DMN+ gate that scores each slot from
 * [f*q, f*m, |f-q|, |f-m|] through a one-hidden-layer net, and the weighted-sum read
 * c = sum_s g_s f_s. Batched through sgemm; the *_ref versions are plain loops. */
#include "model/layers.h"

#include "model/act.h"
#include "model/blas.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* x [S] -> p [S] softmax over entries with mask != 0 (mask NULL: all); all masked: 0 */
static void softmax_masked(float *p, const float *x, const float *mask, int S)
{
    float mx = -INFINITY;
    for (int s = 0; s < S; s++)
        if ((!mask || mask[s] != 0.0f) && x[s] > mx)
            mx = x[s];
    if (mx == -INFINITY) {
        memset(p, 0, sizeof(float) * S);
        return;
    }
    double sum = 0.0;
    for (int s = 0; s < S; s++) {
        p[s] = (!mask || mask[s] != 0.0f) ? expf(x[s] - mx) : 0.0f;
        sum += p[s];
    }
    float inv = (float)(1.0 / sum);
    for (int s = 0; s < S; s++)
        p[s] *= inv;
}

/* p [S], dp [S] -> dx [S] = p * (dp - sum p dp) (set) */
static void softmax_backward(float *dx, const float *p, const float *dp, int S)
{
    double dot = 0.0;
    for (int s = 0; s < S; s++)
        dot += (double)p[s] * dp[s];
    for (int s = 0; s < S; s++)
        dx[s] = p[s] * (dp[s] - (float)dot);
}

/* ---- scaled dot-product attention ------------------------------------------------ */

/* q [B,Tq,D], k [B,S,D], v [B,S,Dv], mask [B,S] -> a [B,Tq,S], out [B,Tq,Dv] */
void attn_dot_forward(float *out, float *a, const float *q, const float *k, const float *v,
                      const float *mask, int B, int Tq, int S, int D, int Dv)
{
    float scale = 1.0f / sqrtf((float)D);
    for (int b = 0; b < B; b++) {
        float *ab = a + (size_t)b * Tq * S;
        const float *kb = k + (size_t)b * S * D, *vb = v + (size_t)b * S * Dv;
        blas_sgemm(CblasNoTrans, CblasTrans, Tq, S, D, scale,
                    q + (size_t)b * Tq * D, D, kb, D, 0.0f, ab, S);
        for (int t = 0; t < Tq; t++)
            softmax_masked(ab + (size_t)t * S, ab + (size_t)t * S,
                           mask ? mask + (size_t)b * S : NULL, S);
        blas_sgemm(CblasNoTrans, CblasNoTrans, Tq, Dv, S, 1.0f, ab, S, vb, Dv,
                    0.0f, out + (size_t)b * Tq * Dv, Dv);
    }
}

size_t attn_dot_scratch(int Tq, int S) { return (size_t)2 * Tq * S; }

/* dout [B,Tq,Dv], da [B,Tq,S] -> dq [B,Tq,D], dk [B,S,D], dv [B,S,Dv] (+=) */
void attn_dot_backward(float *dq, float *dk, float *dv, const float *dout, const float *da,
                       const float *a, const float *q, const float *k, const float *v,
                       int B, int Tq, int S, int D, int Dv, float *scratch)
{
    float scale = 1.0f / sqrtf((float)D);
    float *dA = scratch, *dS = scratch + (size_t)Tq * S; /* [Tq,S] each */
    for (int b = 0; b < B; b++) {
        const float *ab = a + (size_t)b * Tq * S, *qb = q + (size_t)b * Tq * D;
        const float *kb = k + (size_t)b * S * D, *vb = v + (size_t)b * S * Dv;
        const float *dob = dout ? dout + (size_t)b * Tq * Dv : NULL;
        if (da)
            memcpy(dA, da + (size_t)b * Tq * S, sizeof(float) * Tq * S);
        else
            memset(dA, 0, sizeof(float) * Tq * S);
        if (dob) {
            blas_sgemm(CblasNoTrans, CblasTrans, Tq, S, Dv, 1.0f, dob, Dv, vb,
                        Dv, 1.0f, dA, S);
            if (dv)
                blas_sgemm(CblasTrans, CblasNoTrans, S, Dv, Tq, 1.0f, ab, S,
                            dob, Dv, 1.0f, dv + (size_t)b * S * Dv, Dv);
        }
        for (int t = 0; t < Tq; t++)
            softmax_backward(dS + (size_t)t * S, ab + (size_t)t * S, dA + (size_t)t * S, S);
        if (dq)
            blas_sgemm(CblasNoTrans, CblasNoTrans, Tq, D, S, scale, dS, S, kb,
                        D, 1.0f, dq + (size_t)b * Tq * D, D);
        if (dk)
            blas_sgemm(CblasTrans, CblasNoTrans, S, D, Tq, scale, dS, S, qb, D,
                        1.0f, dk + (size_t)b * S * D, D);
    }
}

void attn_dot_forward_ref(float *out, float *a, const float *q, const float *k,
                          const float *v, const float *mask, int B, int Tq, int S, int D,
                          int Dv)
{
    double scale = 1.0 / sqrt((double)D);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < Tq; t++) {
            float *at = a + (b * Tq + t) * S;
            for (int s = 0; s < S; s++) {
                double dot = 0.0;
                for (int i = 0; i < D; i++)
                    dot += (double)q[(b * Tq + t) * D + i] * k[(b * S + s) * D + i];
                at[s] = (float)(dot * scale);
            }
            softmax_masked(at, at, mask ? mask + b * S : NULL, S);
            for (int j = 0; j < Dv; j++) {
                double acc = 0.0;
                for (int s = 0; s < S; s++)
                    acc += (double)at[s] * v[(b * S + s) * Dv + j];
                out[(b * Tq + t) * Dv + j] = (float)acc;
            }
        }
}

void attn_dot_backward_ref(float *dq, float *dk, float *dv, const float *dout,
                           const float *da, const float *a, const float *q, const float *k,
                           const float *v, int B, int Tq, int S, int D, int Dv)
{
    double scale = 1.0 / sqrt((double)D);
    float *dA = malloc(sizeof(float) * S), *dS = malloc(sizeof(float) * S);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < Tq; t++) {
            const float *at = a + (b * Tq + t) * S;
            for (int s = 0; s < S; s++) {
                double acc = da ? da[(b * Tq + t) * S + s] : 0.0;
                for (int j = 0; dout && j < Dv; j++) {
                    acc += (double)dout[(b * Tq + t) * Dv + j] * v[(b * S + s) * Dv + j];
                    if (dv)
                        dv[(b * S + s) * Dv + j] += at[s] * dout[(b * Tq + t) * Dv + j];
                }
                dA[s] = (float)acc;
            }
            softmax_backward(dS, at, dA, S);
            for (int s = 0; s < S; s++)
                for (int i = 0; i < D; i++) {
                    if (dq)
                        dq[(b * Tq + t) * D + i] += (float)(dS[s] * scale * k[(b * S + s) * D + i]);
                    if (dk)
                        dk[(b * S + s) * D + i] += (float)(dS[s] * scale * q[(b * Tq + t) * D + i]);
                }
        }
    free(dA);
    free(dS);
}

/* ---- DMN+ gate ------------------------------------------------------------------- */

size_t attn_gate_nparams(int D, int A) { return (size_t)4 * D * A + 2 * (size_t)A; }

float *attn_gate_carve(attn_gate_params_t *p, float *buf, int D, int A)
{
    p->w1 = buf;
    p->b1 = p->w1 + (size_t)4 * D * A;
    p->w2 = p->b1 + A;
    return p->w2 + A;
}

size_t attn_gate_cache(int B, int S, int D, int A) { return (size_t)B * S * (4 * D + A); }
size_t attn_gate_scratch(int B, int S, int D, int A)
{
    return (size_t)B * S * (1 + A + 4 * D);
}

/* f [B,S,D], q [B,D], m [B,D] -> z [B,S,4D] */
static void gate_features(float *z, const float *f, const float *q, const float *m, int B,
                          int S, int D)
{
    for (int b = 0; b < B; b++)
        for (int s = 0; s < S; s++) {
            const float *fs = f + ((size_t)b * S + s) * D;
            const float *qb = q + (size_t)b * D, *mb = m + (size_t)b * D;
            float *zs = z + ((size_t)b * S + s) * 4 * D;
            for (int k = 0; k < D; k++) {
                zs[k] = fs[k] * qb[k];
                zs[D + k] = fs[k] * mb[k];
                zs[2 * D + k] = fabsf(fs[k] - qb[k]);
                zs[3 * D + k] = fabsf(fs[k] - mb[k]);
            }
        }
}

/* dz [B,S,4D] -> df [B,S,D], dq [B,D], dm [B,D] (+=) */
static void gate_features_backward(float *df, float *dq, float *dm, const float *dz,
                                   const float *f, const float *q, const float *m, int B,
                                   int S, int D)
{
    for (int b = 0; b < B; b++)
        for (int s = 0; s < S; s++) {
            const float *fs = f + ((size_t)b * S + s) * D;
            const float *qb = q + (size_t)b * D, *mb = m + (size_t)b * D;
            const float *dzs = dz + ((size_t)b * S + s) * 4 * D;
            for (int k = 0; k < D; k++) {
                float sq = fs[k] > qb[k] ? 1.0f : fs[k] < qb[k] ? -1.0f : 0.0f;
                float sm = fs[k] > mb[k] ? 1.0f : fs[k] < mb[k] ? -1.0f : 0.0f;
                float a = dzs[k], c = dzs[D + k], e = dzs[2 * D + k] * sq,
                      h = dzs[3 * D + k] * sm;
                if (df)
                    df[((size_t)b * S + s) * D + k] += a * qb[k] + c * mb[k] + e + h;
                if (dq)
                    dq[(size_t)b * D + k] += a * fs[k] - e;
                if (dm)
                    dm[(size_t)b * D + k] += c * fs[k] - h;
            }
        }
}

/* f [B,S,D], q [B,D], m [B,D], mask [B,S] -> g [B,S]; cache = z [B,S,4D], h1 [B,S,A] */
void attn_gate_forward(float *g, float *cache, const float *f, const float *q,
                       const float *m, const float *mask, const attn_gate_params_t *p,
                       int B, int S, int D, int A)
{
    float *z = cache, *h1 = cache + (size_t)B * S * 4 * D;
    gate_features(z, f, q, m, B, S, D);
    blas_sgemm(CblasNoTrans, CblasNoTrans, B * S, A, 4 * D, 1.0f, z, 4 * D,
                p->w1, A, 0.0f, h1, A);
    for (size_t i = 0; i < (size_t)B * S; i++)
        for (int j = 0; j < A; j++)
            h1[i * A + j] = act_tanh(h1[i * A + j] + p->b1[j]);
    cblas_sgemv(CblasRowMajor, CblasNoTrans, B * S, A, 1.0f, h1, A, p->w2, 1, 0.0f, g, 1);
    for (int b = 0; b < B; b++)
        softmax_masked(g + (size_t)b * S, g + (size_t)b * S, mask ? mask + (size_t)b * S : NULL,
                       S);
}

/* dg [B,S] -> df [B,S,D], dq [B,D], dm [B,D], dp (+=) */
void attn_gate_backward(float *df, float *dq, float *dm, attn_gate_params_t *dp,
                        const float *dg, const float *g, const float *cache, const float *f,
                        const float *q, const float *m, const attn_gate_params_t *p, int B,
                        int S, int D, int A, float *scratch)
{
    const float *z = cache, *h1 = cache + (size_t)B * S * 4 * D;
    float *de = scratch, *dh1 = de + (size_t)B * S, *dz = dh1 + (size_t)B * S * A;
    for (int b = 0; b < B; b++)
        softmax_backward(de + (size_t)b * S, g + (size_t)b * S, dg + (size_t)b * S, S);
    cblas_sgemv(CblasRowMajor, CblasTrans, B * S, A, 1.0f, h1, A, de, 1, 1.0f, dp->w2, 1);
    for (size_t i = 0; i < (size_t)B * S; i++)
        for (int j = 0; j < A; j++) {
            float h = h1[i * A + j];
            float d = de[i] * p->w2[j] * (1.0f - h * h);
            dh1[i * A + j] = d;
            dp->b1[j] += d;
        }
    blas_sgemm(CblasTrans, CblasNoTrans, 4 * D, A, B * S, 1.0f, z, 4 * D, dh1,
                A, 1.0f, dp->w1, A);
    blas_sgemm(CblasNoTrans, CblasTrans, B * S, 4 * D, A, 1.0f, dh1, A, p->w1,
                A, 0.0f, dz, 4 * D);
    gate_features_backward(df, dq, dm, dz, f, q, m, B, S, D);
}

void attn_gate_forward_ref(float *g, float *cache, const float *f, const float *q,
                           const float *m, const float *mask, const attn_gate_params_t *p,
                           int B, int S, int D, int A)
{
    float *z = cache, *h1 = cache + B * S * 4 * D;
    gate_features(z, f, q, m, B, S, D);
    for (int i = 0; i < B * S; i++) {
        double e = 0.0;
        for (int j = 0; j < A; j++) {
            double acc = p->b1[j];
            for (int k = 0; k < 4 * D; k++)
                acc += (double)z[i * 4 * D + k] * p->w1[k * A + j];
            h1[i * A + j] = (float)tanh(acc);
            e += (double)h1[i * A + j] * p->w2[j];
        }
        g[i] = (float)e;
    }
    for (int b = 0; b < B; b++)
        softmax_masked(g + b * S, g + b * S, mask ? mask + b * S : NULL, S);
}

void attn_gate_backward_ref(float *df, float *dq, float *dm, attn_gate_params_t *dp,
                            const float *dg, const float *g, const float *cache,
                            const float *f, const float *q, const float *m,
                            const attn_gate_params_t *p, int B, int S, int D, int A)
{
    const float *z = cache, *h1 = cache + B * S * 4 * D;
    float *de = malloc(sizeof(float) * B * S), *dz = calloc((size_t)B * S * 4 * D, sizeof(float));
    for (int b = 0; b < B; b++)
        softmax_backward(de + b * S, g + b * S, dg + b * S, S);
    for (int i = 0; i < B * S; i++)
        for (int j = 0; j < A; j++) {
            float h = h1[i * A + j];
            dp->w2[j] += de[i] * h;
            double d = (double)de[i] * p->w2[j] * (1.0 - (double)h * h);
            dp->b1[j] += (float)d;
            for (int k = 0; k < 4 * D; k++) {
                dp->w1[k * A + j] += (float)(z[i * 4 * D + k] * d);
                dz[i * 4 * D + k] += (float)(p->w1[k * A + j] * d);
            }
        }
    gate_features_backward(df, dq, dm, dz, f, q, m, B, S, D);
    free(de);
    free(dz);
}

/* ---- weighted-sum read ----------------------------------------------------------- */

/* g [B,S], f [B,S,D] -> c [B,D] */
void attn_wsum_forward(float *c, const float *g, const float *f, int B, int S, int D)
{
    for (int b = 0; b < B; b++)
        cblas_sgemv(CblasRowMajor, CblasTrans, S, D, 1.0f, f + (size_t)b * S * D, D,
                    g + (size_t)b * S, 1, 0.0f, c + (size_t)b * D, 1);
}

/* dc [B,D] -> dg [B,S], df [B,S,D] (+=, either NULL) */
void attn_wsum_backward(float *dg, float *df, const float *dc, const float *g,
                        const float *f, int B, int S, int D)
{
    for (int b = 0; b < B; b++) {
        if (dg)
            cblas_sgemv(CblasRowMajor, CblasNoTrans, S, D, 1.0f, f + (size_t)b * S * D, D,
                        dc + (size_t)b * D, 1, 1.0f, dg + (size_t)b * S, 1);
        if (df)
            cblas_sger(CblasRowMajor, S, D, 1.0f, g + (size_t)b * S, 1, dc + (size_t)b * D, 1,
                       df + (size_t)b * S * D, D);
    }
}

void attn_wsum_forward_ref(float *c, const float *g, const float *f, int B, int S, int D)
{
    for (int b = 0; b < B; b++)
        for (int k = 0; k < D; k++) {
            double acc = 0.0;
            for (int s = 0; s < S; s++)
                acc += (double)g[b * S + s] * f[(b * S + s) * D + k];
            c[b * D + k] = (float)acc;
        }
}

void attn_wsum_backward_ref(float *dg, float *df, const float *dc, const float *g,
                            const float *f, int B, int S, int D)
{
    for (int b = 0; b < B; b++)
        for (int s = 0; s < S; s++)
            for (int k = 0; k < D; k++) {
                if (dg)
                    dg[b * S + s] += f[(b * S + s) * D + k] * dc[b * D + k];
                if (df)
                    df[(b * S + s) * D + k] += g[b * S + s] * dc[b * D + k];
            }
}

/* ---- pointer attention over the tokens of attended slots ------------------------- */

size_t attn_ptr_scratch(int Tq, int S, int J) { return (size_t)2 * Tq * S * J; }

/* q [B,Tq,D], k [B,L,D], kmask [B,L], g [B,S] (L = S J) -> w, a [B,Tq,L], out [B,Tq,D] */
void attn_ptr_forward(float *out, float *a, float *w, const float *q, const float *k,
                      const float *kmask, const float *g, int B, int Tq, int S, int J, int D)
{
    int L = S * J;
    float scale = 1.0f / sqrtf((float)D);
    for (int b = 0; b < B; b++) {
        float *wb = w + (size_t)b * Tq * L, *ab = a + (size_t)b * Tq * L;
        const float *kb = k + (size_t)b * L * D, *mb = kmask + (size_t)b * L;
        const float *gb = g + (size_t)b * S;
        blas_sgemm(CblasNoTrans, CblasTrans, Tq, L, D, scale,
                    q + (size_t)b * Tq * D, D, kb, D, 0.0f, wb, L);
        for (int t = 0; t < Tq; t++)
            for (int s = 0; s < S; s++) {
                float *ws = wb + (size_t)t * L + (size_t)s * J;
                softmax_masked(ws, ws, mb + (size_t)s * J, J);
                for (int j = 0; j < J; j++)
                    ab[(size_t)t * L + (size_t)s * J + j] = gb[s] * ws[j];
            }
        blas_sgemm(CblasNoTrans, CblasNoTrans, Tq, D, L, 1.0f, ab, L, kb, D,
                    0.0f, out + (size_t)b * Tq * D, D);
    }
}

/* dout [B,Tq,D] and/or da [B,Tq,L] -> dq [B,Tq,D], dk [B,L,D], dg [B,S] (+=) */
void attn_ptr_backward(float *dq, float *dk, float *dg, const float *dout, const float *da,
                       const float *a, const float *w, const float *q, const float *k,
                       const float *g, int B, int Tq, int S, int J, int D, float *scratch)
{
    int L = S * J;
    float scale = 1.0f / sqrtf((float)D);
    float *dA = scratch, *dX = scratch + (size_t)Tq * L;
    for (int b = 0; b < B; b++) {
        const float *ab = a + (size_t)b * Tq * L, *wb = w + (size_t)b * Tq * L;
        const float *qb = q + (size_t)b * Tq * D, *kb = k + (size_t)b * L * D;
        const float *gb = g + (size_t)b * S;
        const float *dob = dout ? dout + (size_t)b * Tq * D : NULL;
        if (da)
            memcpy(dA, da + (size_t)b * Tq * L, sizeof(float) * Tq * L);
        else
            memset(dA, 0, sizeof(float) * Tq * L);
        if (dob) {
            blas_sgemm(CblasNoTrans, CblasTrans, Tq, L, D, 1.0f, dob, D, kb, D,
                        1.0f, dA, L);
            if (dk)
                blas_sgemm(CblasTrans, CblasNoTrans, L, D, Tq, 1.0f, ab, L,
                            dob, D, 1.0f, dk + (size_t)b * L * D, D);
        }
        for (int t = 0; t < Tq; t++)
            for (int s = 0; s < S; s++) {
                const float *ws = wb + (size_t)t * L + (size_t)s * J;
                const float *das = dA + (size_t)t * L + (size_t)s * J;
                float *dxs = dX + (size_t)t * L + (size_t)s * J;
                double dgs = 0.0, dot = 0.0;
                for (int j = 0; j < J; j++) {
                    dgs += (double)das[j] * ws[j];
                    dot += (double)ws[j] * gb[s] * das[j];
                }
                if (dg)
                    dg[(size_t)b * S + s] += (float)dgs;
                for (int j = 0; j < J; j++)
                    dxs[j] = ws[j] * (gb[s] * das[j] - (float)dot);
            }
        if (dq)
            blas_sgemm(CblasNoTrans, CblasNoTrans, Tq, D, L, scale, dX, L, kb,
                        D, 1.0f, dq + (size_t)b * Tq * D, D);
        if (dk)
            blas_sgemm(CblasTrans, CblasNoTrans, L, D, Tq, scale, dX, L, qb, D,
                        1.0f, dk + (size_t)b * L * D, D);
    }
}

void attn_ptr_forward_ref(float *out, float *a, float *w, const float *q, const float *k,
                          const float *kmask, const float *g, int B, int Tq, int S, int J,
                          int D)
{
    int L = S * J;
    double scale = 1.0 / sqrt((double)D);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < Tq; t++) {
            float *wt = w + (b * Tq + t) * L, *at = a + (b * Tq + t) * L;
            for (int l = 0; l < L; l++) {
                double dot = 0.0;
                for (int i = 0; i < D; i++)
                    dot += (double)q[(b * Tq + t) * D + i] * k[(b * L + l) * D + i];
                wt[l] = (float)(dot * scale);
            }
            for (int s = 0; s < S; s++)
                softmax_masked(wt + s * J, wt + s * J, kmask + b * L + s * J, J);
            for (int l = 0; l < L; l++)
                at[l] = g[b * S + l / J] * wt[l];
            for (int i = 0; i < D; i++) {
                double acc = 0.0;
                for (int l = 0; l < L; l++)
                    acc += (double)at[l] * k[(b * L + l) * D + i];
                out[(b * Tq + t) * D + i] = (float)acc;
            }
        }
}

void attn_ptr_backward_ref(float *dq, float *dk, float *dg, const float *dout,
                           const float *da, const float *a, const float *w, const float *q,
                           const float *k, const float *g, int B, int Tq, int S, int J, int D)
{
    int L = S * J;
    double scale = 1.0 / sqrt((double)D);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < Tq; t++) {
            const float *wt = w + (b * Tq + t) * L, *at = a + (b * Tq + t) * L;
            for (int s = 0; s < S; s++) {
                double dA[64], dot = 0.0, gs = g[b * S + s];
                for (int j = 0; j < J; j++) {
                    int l = s * J + j;
                    double acc = da ? da[(b * Tq + t) * L + l] : 0.0;
                    for (int i = 0; dout && i < D; i++) {
                        acc += (double)dout[(b * Tq + t) * D + i] * k[(b * L + l) * D + i];
                        if (dk)
                            dk[(b * L + l) * D + i] += at[l] * dout[(b * Tq + t) * D + i];
                    }
                    dA[j] = acc;
                    if (dg)
                        dg[b * S + s] += (float)(acc * wt[l]);
                    dot += wt[l] * gs * acc;
                }
                for (int j = 0; j < J; j++) {
                    int l = s * J + j;
                    double dx = wt[l] * (gs * dA[j] - dot);
                    for (int i = 0; i < D; i++) {
                        if (dq)
                            dq[(b * Tq + t) * D + i] += (float)(dx * scale * k[(b * L + l) * D + i]);
                        if (dk)
                            dk[(b * L + l) * D + i] += (float)(dx * scale * q[(b * Tq + t) * D + i]);
                    }
                }
            }
        }
}

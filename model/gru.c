/* gru.c: the GRU cell and the GRU over a sequence (with masks for padded steps and a
 * reverse direction for bidirectional input fusion), forward and backward through
 * time. The input projections of all steps are one sgemm; each step is one more sgemm
 * for the recurrent projection. The *_ref versions are plain loops for the tests. */
#include "model/layers.h"

#include "model/act.h"
#include "model/blas.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static inline float sigf(float x) { return 1.0f / (1.0f + expf(-x)); }

size_t gru_nparams(int In, int H) { return (size_t)3 * H * ((size_t)In + H + 1); }

float *gru_carve(gru_params_t *p, float *buf, int In, int H)
{
    p->wx = buf;
    p->uh = p->wx + (size_t)In * 3 * H;
    p->b = p->uh + (size_t)H * 3 * H;
    return p->b + (size_t)3 * H;
}

size_t gru_cell_scratch(int B, int H) { return (size_t)B * (3 * H + 3 * H + H); }

size_t gru_seq_scratch(int B, int T, int H)
{
    return (size_t)B * T * 3 * H + (size_t)B * (2 * 3 * H + 3 * H);
}

/* One step of the gates. gx [B,3H] (x wx, row stride ldgx), gh [B,3H] (hp uh),
 * hp [B,H] (stride ldhp) -> h [B,H] (stride ldh), c [B,4H] (stride ldc) = r, z, n, hn.
 * mask[b * mstride] == 0 carries hp through. */
static void step_fwd(float *h, int ldh, float *c, int ldc, const float *gx, int ldgx,
                     const float *gh, const float *hp, int ldhp, const float *mask,
                     int mstride, const float *bias, int B, int H)
{
    for (int b = 0; b < B; b++) {
        float *hb = h + (size_t)b * ldh, *cb = c + (size_t)b * ldc;
        const float *hpb = hp + (size_t)b * ldhp;
        if (mask && mask[(size_t)b * mstride] == 0.0f) {
            memcpy(hb, hpb, sizeof(float) * H);
            memset(cb, 0, sizeof(float) * 4 * H);
            continue;
        }
        const float *gxb = gx + (size_t)b * ldgx, *ghb = gh + (size_t)b * 3 * H;
        for (int k = 0; k < H; k++) {
            float r = sigf(gxb[k] + ghb[k] + bias[k]);
            float z = sigf(gxb[H + k] + ghb[H + k] + bias[H + k]);
            float hn = ghb[2 * H + k];
            float n = act_tanh(gxb[2 * H + k] + bias[2 * H + k] + r * hn);
            cb[k] = r;
            cb[H + k] = z;
            cb[2 * H + k] = n;
            cb[3 * H + k] = hn;
            hb[k] = (1.0f - z) * n + z * hpb[k];
        }
    }
}

/* Backward of step_fwd. dh [B,H] -> dgx [B,3H] (stride lddgx, set), dgh [B,3H] (set),
 * dhp [B,H] (set to the direct z * dh term; the caller adds dgh uh^T). */
static void step_bwd(float *dgx, int lddgx, float *dgh, float *dhp, const float *dh,
                     const float *hp, int ldhp, const float *c, int ldc, const float *mask,
                     int mstride, int B, int H)
{
    for (int b = 0; b < B; b++) {
        float *dgxb = dgx + (size_t)b * lddgx, *dghb = dgh + (size_t)b * 3 * H;
        float *dhpb = dhp + (size_t)b * H;
        const float *dhb = dh + (size_t)b * H, *hpb = hp + (size_t)b * ldhp;
        const float *cb = c + (size_t)b * ldc;
        if (mask && mask[(size_t)b * mstride] == 0.0f) {
            memset(dgxb, 0, sizeof(float) * 3 * H);
            memset(dghb, 0, sizeof(float) * 3 * H);
            memcpy(dhpb, dhb, sizeof(float) * H);
            continue;
        }
        for (int k = 0; k < H; k++) {
            float r = cb[k], z = cb[H + k], n = cb[2 * H + k], hn = cb[3 * H + k];
            float d = dhb[k];
            float dan = d * (1.0f - z) * (1.0f - n * n);
            float daz = d * (hpb[k] - n) * z * (1.0f - z);
            float dar = dan * hn * r * (1.0f - r);
            dgxb[k] = dar;
            dgxb[H + k] = daz;
            dgxb[2 * H + k] = dan;
            dghb[k] = dar;
            dghb[H + k] = daz;
            dghb[2 * H + k] = dan * r;
            dhpb[k] = d * z;
        }
    }
}

static void bias_grad(float *db, const float *dgx, int ld, int rows, int n)
{
    for (int i = 0; i < rows; i++)
        for (int k = 0; k < n; k++)
            db[k] += dgx[(size_t)i * ld + k];
}

/* x [B,In], hprev [B,H] -> h [B,H], cache [B,4H]; scratch [B,7H] */
void gru_cell_forward(float *h, float *cache, const float *x, const float *hprev,
                      const gru_params_t *p, int B, int In, int H, float *scratch)
{
    float *gx = scratch, *gh = gx + (size_t)B * 3 * H;
    blas_sgemm(CblasNoTrans, CblasNoTrans, B, 3 * H, In, 1.0f, x, In, p->wx,
                3 * H, 0.0f, gx, 3 * H);
    blas_sgemm(CblasNoTrans, CblasNoTrans, B, 3 * H, H, 1.0f, hprev, H,
                p->uh, 3 * H, 0.0f, gh, 3 * H);
    step_fwd(h, H, cache, 4 * H, gx, 3 * H, gh, hprev, H, NULL, 0, p->b, B, H);
}

/* dh [B,H] -> dx [B,In], dhprev [B,H], dp (all +=); scratch [B,7H] */
void gru_cell_backward(float *dx, float *dhprev, gru_params_t *dp, const float *dh,
                       const float *x, const float *hprev, const float *cache,
                       const gru_params_t *p, int B, int In, int H, float *scratch)
{
    float *dgx = scratch, *dgh = dgx + (size_t)B * 3 * H, *dhp = dgh + (size_t)B * 3 * H;
    step_bwd(dgx, 3 * H, dgh, dhp, dh, hprev, H, cache, 4 * H, NULL, 0, B, H);
    bias_grad(dp->b, dgx, 3 * H, B, 3 * H);
    blas_sgemm(CblasTrans, CblasNoTrans, In, 3 * H, B, 1.0f, x, In, dgx,
                3 * H, 1.0f, dp->wx, 3 * H);
    blas_sgemm(CblasTrans, CblasNoTrans, H, 3 * H, B, 1.0f, hprev, H, dgh,
                3 * H, 1.0f, dp->uh, 3 * H);
    if (dx)
        blas_sgemm(CblasNoTrans, CblasTrans, B, In, 3 * H, 1.0f, dgx, 3 * H,
                    p->wx, 3 * H, 1.0f, dx, In);
    if (dhprev) {
        for (size_t i = 0; i < (size_t)B * H; i++)
            dhprev[i] += dhp[i];
        blas_sgemm(CblasNoTrans, CblasTrans, B, H, 3 * H, 1.0f, dgh, 3 * H,
                    p->uh, 3 * H, 1.0f, dhprev, H);
    }
}

/* The previous hidden state of step t: hs row t-1 (t+1 reversed) or h0 (zeros). */
static const float *seq_prev(const float *hs, const float *h0, const float *zeros, int t,
                             int T, int H, int reverse, int *ld)
{
    int first = reverse ? t == T - 1 : t == 0;
    if (first) {
        *ld = H;
        return h0 ? h0 : zeros;
    }
    *ld = T * H;
    return hs + (size_t)(reverse ? t + 1 : t - 1) * H;
}

/* x [B,T,In], h0 [B,H] | NULL, mask [B,T] | NULL -> hs [B,T,H], cache [B,T,4H] */
void gru_seq_forward(float *hs, float *cache, const float *x, const float *h0,
                     const float *mask, const gru_params_t *p, int B, int T, int In, int H,
                     int reverse, float *scratch)
{
    float *gx = scratch;                              /* [B,T,3H] */
    float *gh = gx + (size_t)B * T * 3 * H;           /* [B,3H] */
    float *zeros = gh + (size_t)B * 3 * H;            /* [B,H] */
    memset(zeros, 0, sizeof(float) * B * H);
    blas_sgemm(CblasNoTrans, CblasNoTrans, B * T, 3 * H, In, 1.0f, x, In,
                p->wx, 3 * H, 0.0f, gx, 3 * H);
    for (int i = 0; i < T; i++) {
        int t = reverse ? T - 1 - i : i, ldhp;
        const float *hp = seq_prev(hs, h0, zeros, t, T, H, reverse, &ldhp);
        int live = !mask;       /* a step masked in every row carries hp: no gh read */
        for (int b = 0; b < B && !live; b++)
            live = mask[(size_t)b * T + t] != 0.0f;
        if (live)
            blas_sgemm(CblasNoTrans, CblasNoTrans, B, 3 * H, H, 1.0f, hp, ldhp,
                        p->uh, 3 * H, 0.0f, gh, 3 * H);
        step_fwd(hs + (size_t)t * H, T * H, cache + (size_t)t * 4 * H, T * 4 * H,
                 gx + (size_t)t * 3 * H, T * 3 * H, gh, hp, ldhp, mask ? mask + t : NULL, T,
                 p->b, B, H);
    }
}

/* dhs [B,T,H] -> dx [B,T,In], dh0 [B,H], dp (all +=) */
void gru_seq_backward(float *dx, float *dh0, gru_params_t *dp, const float *dhs,
                      const float *x, const float *h0, const float *mask, const float *hs,
                      const float *cache, const gru_params_t *p, int B, int T, int In,
                      int H, int reverse, float *scratch)
{
    float *dgx = scratch;                             /* [B,T,3H] */
    float *dgh = dgx + (size_t)B * T * 3 * H;         /* [B,3H] */
    float *dh = dgh + (size_t)B * 3 * H;              /* [B,H] */
    float *dhp = dh + (size_t)B * H;                  /* [B,H] */
    float *zeros = dhp + (size_t)B * H;               /* [B,H] */
    memset(zeros, 0, sizeof(float) * B * H);
    memset(dh, 0, sizeof(float) * B * H);
    for (int i = T - 1; i >= 0; i--) {
        int t = reverse ? T - 1 - i : i, ldhp;
        const float *hp = seq_prev(hs, h0, zeros, t, T, H, reverse, &ldhp);
        for (int b = 0; b < B; b++)
            for (int k = 0; k < H; k++)
                dh[(size_t)b * H + k] += dhs[((size_t)b * T + t) * H + k];
        step_bwd(dgx + (size_t)t * 3 * H, T * 3 * H, dgh, dhp, dh, hp, ldhp,
                 cache + (size_t)t * 4 * H, T * 4 * H, mask ? mask + t : NULL, T, B, H);
        blas_sgemm(CblasTrans, CblasNoTrans, H, 3 * H, B, 1.0f, hp, ldhp,
                    dgh, 3 * H, 1.0f, dp->uh, 3 * H);
        blas_sgemm(CblasNoTrans, CblasTrans, B, H, 3 * H, 1.0f, dgh, 3 * H,
                    p->uh, 3 * H, 1.0f, dhp, H);
        memcpy(dh, dhp, sizeof(float) * B * H);
    }
    if (dh0)
        for (size_t i = 0; i < (size_t)B * H; i++)
            dh0[i] += dh[i];
    bias_grad(dp->b, dgx, 3 * H, B * T, 3 * H);
    blas_sgemm(CblasTrans, CblasNoTrans, In, 3 * H, B * T, 1.0f, x, In, dgx,
                3 * H, 1.0f, dp->wx, 3 * H);
    if (dx)
        blas_sgemm(CblasNoTrans, CblasTrans, B * T, In, 3 * H, 1.0f, dgx,
                    3 * H, p->wx, 3 * H, 1.0f, dx, In);
}

/* ---- naive references: one example at a time, double accumulation ---------------- */

/* x [In], hp [H] -> h [H], c [4H] */
static void ref_fwd1(float *h, float *c, const float *x, const float *hp,
                     const gru_params_t *p, int In, int H)
{
    for (int k = 0; k < H; k++) {
        double a[3], hn = 0.0;
        for (int g = 0; g < 3; g++) {
            a[g] = p->b[g * H + k];
            for (int i = 0; i < In; i++)
                a[g] += (double)x[i] * p->wx[i * 3 * H + g * H + k];
        }
        double ur = 0.0, uz = 0.0;
        for (int i = 0; i < H; i++) {
            ur += (double)hp[i] * p->uh[i * 3 * H + k];
            uz += (double)hp[i] * p->uh[i * 3 * H + H + k];
            hn += (double)hp[i] * p->uh[i * 3 * H + 2 * H + k];
        }
        double r = 1.0 / (1.0 + exp(-(a[0] + ur))), z = 1.0 / (1.0 + exp(-(a[1] + uz)));
        double n = tanh(a[2] + r * hn);
        c[k] = (float)r;
        c[H + k] = (float)z;
        c[2 * H + k] = (float)n;
        c[3 * H + k] = (float)hn;
        h[k] = (float)((1.0 - z) * n + z * hp[k]);
    }
}

/* dh [H] -> dx [In] (or NULL), dhp [H], dp: all += */
static void ref_bwd1(float *dx, float *dhp, gru_params_t *dp, const float *dh,
                     const float *x, const float *hp, const float *c, const gru_params_t *p,
                     int In, int H)
{
    for (int k = 0; k < H; k++) {
        double r = c[k], z = c[H + k], n = c[2 * H + k], hn = c[3 * H + k];
        double dan = dh[k] * (1.0 - z) * (1.0 - n * n);
        double daz = dh[k] * (hp[k] - n) * z * (1.0 - z);
        double dar = dan * hn * r * (1.0 - r);
        double ga[3] = {dar, daz, dan}, gh[3] = {dar, daz, dan * r};
        dhp[k] += (float)(dh[k] * z);
        for (int g = 0; g < 3; g++) {
            int j = g * H + k;
            dp->b[j] += (float)ga[g];
            for (int i = 0; i < In; i++) {
                dp->wx[i * 3 * H + j] += (float)(x[i] * ga[g]);
                if (dx)
                    dx[i] += (float)(p->wx[i * 3 * H + j] * ga[g]);
            }
            for (int i = 0; i < H; i++) {
                dp->uh[i * 3 * H + j] += (float)(hp[i] * gh[g]);
                dhp[i] += (float)(p->uh[i * 3 * H + j] * gh[g]);
            }
        }
    }
}

void gru_cell_forward_ref(float *h, float *cache, const float *x, const float *hprev,
                          const gru_params_t *p, int B, int In, int H)
{
    for (int b = 0; b < B; b++)
        ref_fwd1(h + b * H, cache + b * 4 * H, x + b * In, hprev + b * H, p, In, H);
}

void gru_cell_backward_ref(float *dx, float *dhprev, gru_params_t *dp, const float *dh,
                           const float *x, const float *hprev, const float *cache,
                           const gru_params_t *p, int B, int In, int H)
{
    float *dhp = calloc((size_t)H, sizeof(float));
    for (int b = 0; b < B; b++) {
        memset(dhp, 0, sizeof(float) * H);
        ref_bwd1(dx ? dx + b * In : NULL, dhp, dp, dh + b * H, x + b * In, hprev + b * H,
                 cache + b * 4 * H, p, In, H);
        if (dhprev)
            for (int k = 0; k < H; k++)
                dhprev[b * H + k] += dhp[k];
    }
    free(dhp);
}

void gru_seq_forward_ref(float *hs, float *cache, const float *x, const float *h0,
                         const float *mask, const gru_params_t *p, int B, int T, int In,
                         int H, int reverse)
{
    float *zero = calloc((size_t)H, sizeof(float));
    for (int b = 0; b < B; b++) {
        const float *hp = h0 ? h0 + b * H : zero;
        for (int i = 0; i < T; i++) {
            int t = reverse ? T - 1 - i : i;
            float *h = hs + (b * T + t) * H, *c = cache + (b * T + t) * 4 * H;
            if (mask && mask[b * T + t] == 0.0f) {
                memcpy(h, hp, sizeof(float) * H);
                memset(c, 0, sizeof(float) * 4 * H);
            } else {
                ref_fwd1(h, c, x + (b * T + t) * In, hp, p, In, H);
            }
            hp = h;
        }
    }
    free(zero);
}

void gru_seq_backward_ref(float *dx, float *dh0, gru_params_t *dp, const float *dhs,
                          const float *x, const float *h0, const float *mask,
                          const float *hs, const float *cache, const gru_params_t *p,
                          int B, int T, int In, int H, int reverse)
{
    float *zero = calloc((size_t)H, sizeof(float));
    float *dh = calloc((size_t)H, sizeof(float)), *dhp = calloc((size_t)H, sizeof(float));
    for (int b = 0; b < B; b++) {
        memset(dh, 0, sizeof(float) * H);
        for (int i = T - 1; i >= 0; i--) {
            int t = reverse ? T - 1 - i : i;
            int tp = reverse ? t + 1 : t - 1;
            const float *hp = i == 0 ? (h0 ? h0 + b * H : zero) : hs + (b * T + tp) * H;
            for (int k = 0; k < H; k++)
                dh[k] += dhs[(b * T + t) * H + k];
            if (mask && mask[b * T + t] == 0.0f)
                continue; /* dh passes through unchanged */
            memset(dhp, 0, sizeof(float) * H);
            ref_bwd1(dx ? dx + (b * T + t) * In : NULL, dhp, dp, dh, x + (b * T + t) * In, hp,
                     cache + (b * T + t) * 4 * H, p, In, H);
            memcpy(dh, dhp, sizeof(float) * H);
        }
        if (dh0)
            for (int k = 0; k < H; k++)
                dh0[b * H + k] += dh[k];
    }
    free(zero);
    free(dh);
    free(dhp);
}

/* reader_layers.c: the reader's heads: a linear layer through cblas (with its loop
 * twin), softmax cross-entropy, the pooling of the bidirectional GRU's states into one
 * clause vector, and BIO decoding of the tag probabilities. */
#include "model/reader_internal.h"

#include "model/blas.h"
#include <math.h>
#include <string.h>

/* x [N,In], w [In,K], b [K] -> y [N,K] */
void reader_linear_forward(float *y, const float *x, const float *w, const float *b, int N,
                           int In, int K)
{
    for (int n = 0; n < N; n++)
        memcpy(y + (size_t)n * K, b, sizeof(float) * K);
    blas_sgemm(CblasNoTrans, CblasNoTrans, N, K, In, 1.0f, x, In, w, K, 1.0f,
                y, K);
}

void reader_linear_forward_ref(float *y, const float *x, const float *w, const float *b,
                               int N, int In, int K)
{
    for (int n = 0; n < N; n++)
        for (int k = 0; k < K; k++) {
            double s = b[k];
            for (int i = 0; i < In; i++)
                s += (double)x[n * In + i] * w[i * K + k];
            y[n * K + k] = (float)s;
        }
}

/* dy [N,K] -> dx [N,In] (or NULL), dw [In,K], db [K] (+=) */
void reader_linear_backward(float *dx, float *dw, float *db, const float *dy, const float *x,
                            const float *w, int N, int In, int K)
{
    for (int n = 0; n < N; n++)
        for (int k = 0; k < K; k++)
            db[k] += dy[(size_t)n * K + k];
    blas_sgemm(CblasTrans, CblasNoTrans, In, K, N, 1.0f, x, In, dy, K, 1.0f,
                dw, K);
    if (dx)
        blas_sgemm(CblasNoTrans, CblasTrans, N, In, K, 1.0f, dy, K, w, K, 1.0f,
                    dx, In);
}

void reader_linear_backward_ref(float *dx, float *dw, float *db, const float *dy,
                                const float *x, const float *w, int N, int In, int K)
{
    for (int n = 0; n < N; n++)
        for (int k = 0; k < K; k++) {
            float g = dy[n * K + k];
            db[k] += g;
            for (int i = 0; i < In; i++) {
                dw[i * K + k] += x[n * In + i] * g;
                if (dx)
                    dx[n * In + i] += w[i * K + k] * g;
            }
        }
}

/* logits [N,K] -> P [N,K]; targets [N] (-1 ignored) -> sum -log P[target] */
double reader_xent_forward(float *P, const float *logits, const int *targets, int N, int K)
{
    double loss = 0.0;
    for (int n = 0; n < N; n++) {
        const float *l = logits + (size_t)n * K;
        float *p = P + (size_t)n * K, mx = l[0];
        for (int k = 1; k < K; k++)
            mx = l[k] > mx ? l[k] : mx;
        double z = 0.0;
        for (int k = 0; k < K; k++)
            z += (p[k] = expf(l[k] - mx));
        for (int k = 0; k < K; k++)
            p[k] = (float)(p[k] / z);
        if (targets && targets[n] >= 0 && targets[n] < K)
            loss -= (double)(l[targets[n]] - mx) - log(z);
    }
    return loss;
}

/* dlogits [N,K] += scale (P - onehot) */
void reader_xent_backward(float *dlogits, const float *P, const int *targets, int N, int K,
                          float scale)
{
    for (int n = 0; n < N; n++) {
        if (targets[n] < 0 || targets[n] >= K)
            continue;
        float *d = dlogits + (size_t)n * K;
        const float *p = P + (size_t)n * K;
        for (int k = 0; k < K; k++)
            d[k] += scale * p[k];
        d[targets[n]] -= scale;
    }
}

/* hc [B,T,2H], len [B] -> out [B,4H] = [mean hc ; hf_{len-1} ; hb_0] */
void reader_pool_forward(float *out, const float *hc, const int *len, int B, int T, int H)
{
    for (int b = 0; b < B; b++) {
        float *o = out + (size_t)b * 4 * H;
        const float *h = hc + (size_t)b * T * 2 * H;
        int n = len[b] < T ? len[b] : T;
        memset(o, 0, sizeof(float) * 4 * H);
        if (n <= 0)
            continue;
        for (int t = 0; t < n; t++)
            for (int k = 0; k < 2 * H; k++)
                o[k] += h[(size_t)t * 2 * H + k];
        for (int k = 0; k < 2 * H; k++)
            o[k] /= (float)n;
        memcpy(o + 2 * H, h + (size_t)(n - 1) * 2 * H, sizeof(float) * H);
        memcpy(o + 3 * H, h + H, sizeof(float) * H);
    }
}

/* dout [B,4H] -> dhc [B,T,2H] (+=) */
void reader_pool_backward(float *dhc, const float *dout, const int *len, int B, int T, int H)
{
    for (int b = 0; b < B; b++) {
        const float *g = dout + (size_t)b * 4 * H;
        float *d = dhc + (size_t)b * T * 2 * H;
        int n = len[b] < T ? len[b] : T;
        if (n <= 0)
            continue;
        float inv = 1.0f / (float)n;
        for (int t = 0; t < n; t++)
            for (int k = 0; k < 2 * H; k++)
                d[(size_t)t * 2 * H + k] += inv * g[k];
        for (int k = 0; k < H; k++) {
            d[(size_t)(n - 1) * 2 * H + k] += g[2 * H + k];
            d[H + k] += g[3 * H + k];
        }
    }
}

/* pt [n,NTAGS] -> tags [n]: argmax, then an I-X not after B-X or I-X becomes B-X */
void reader_decode_tags(unsigned char *tags, const float *pt, int n)
{
    for (int t = 0; t < n; t++) {
        const float *p = pt + (size_t)t * READER_NTAGS;
        int kind = 0;               /* 0: O; k: tags 2k - 1 (B-) and 2k (I-) */
        float mass = p[READER_O];
        for (int k = 1; 2 * k < READER_NTAGS; k++)
            if (p[2 * k - 1] + p[2 * k] > mass) {
                mass = p[2 * k - 1] + p[2 * k];
                kind = k;
            }
        int best = kind == 0 ? READER_O : p[2 * kind] > p[2 * kind - 1] ? 2 * kind : 2 * kind - 1;
        if (best != READER_O && best % 2 == 0) { /* an I- tag: B- is best - 1 */
            int prev = t > 0 ? tags[t - 1] : READER_O;
            if (prev != best && prev != best - 1)
                best -= 1;
        }
        tags[t] = (unsigned char)best;
    }
}

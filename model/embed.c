/* embed.c: word embeddings (unknown words hashed into Hb extra rows) and the MemN2N
 * position-encoded sentence encoder that sums a sentence's word rows weighted by
 * position. Both are gathers and scatter-adds over the [R,D] table; no matmul. */
#include "model/layers.h"

#include <string.h>

int emb_bucket(const char *word, size_t len, int V, int Hb)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)word[i];
        h *= 16777619u;
    }
    return V + (int)(h % (unsigned)Hb);
}

/* ids [N] -> out [N,D]; table [R,D] */
void emb_forward(float *out, const int *ids, const float *table, int N, int D)
{
    for (int n = 0; n < N; n++) {
        if (ids[n] == LAYERS_PAD)
            memset(out + (size_t)n * D, 0, sizeof(float) * D);
        else
            memcpy(out + (size_t)n * D, table + (size_t)ids[n] * D, sizeof(float) * D);
    }
}

void emb_forward_ref(float *out, const int *ids, const float *table, int N, int D)
{
    for (int n = 0; n < N; n++)
        for (int k = 0; k < D; k++)
            out[n * D + k] = ids[n] == LAYERS_PAD ? 0.0f : table[ids[n] * D + k];
}

/* out [N,D] += table[ids]; id 0 is an ordinary row here */
void emb_add_forward(float *out, const int *ids, const float *table, int N, int D)
{
    for (int n = 0; n < N; n++) {
        const float *row = table + (size_t)ids[n] * D;
        float *o = out + (size_t)n * D;
        for (int k = 0; k < D; k++)
            o[k] += row[k];
    }
}

/* dtable [R,D] += dout [N,D] scattered by ids [N] */
void emb_backward(float *dtable, const float *dout, const int *ids, int N, int D, int skip_pad)
{
    for (int n = 0; n < N; n++) {
        if (skip_pad && ids[n] == LAYERS_PAD)
            continue;
        float *row = dtable + (size_t)ids[n] * D;
        const float *g = dout + (size_t)n * D;
        for (int k = 0; k < D; k++)
            row[k] += g[k];
    }
}

void emb_backward_ref(float *dtable, const float *dout, const int *ids, int N, int D,
                      int skip_pad)
{
    for (int n = 0; n < N; n++)
        for (int k = 0; k < D; k++)
            if (!(skip_pad && ids[n] == LAYERS_PAD))
                dtable[ids[n] * D + k] += dout[n * D + k];
}

static int pe_len(const int *x, int J)
{
    int n = 0;
    for (int j = 0; j < J; j++)
        n += x[j] != LAYERS_PAD;
    return n;
}

/* l_kj = a_j + b_j k with a_j = 1 - j/n, b_j = -(1 - 2j/n)/D: the weights are one
 * multiply-add per element, with no per-sentence table and float arithmetic only. */
void pe_forward(float *out, const int *x, const float *table, int N, int J, int D)
{
    for (int s = 0; s < N; s++) {
        const int *xs = x + (size_t)s * J;
        float *o = out + (size_t)s * D;
        int n = pe_len(xs, J), j = 0;
        memset(o, 0, sizeof(float) * D);
        for (int w = 0; w < J; w++) {
            if (xs[w] == LAYERS_PAD)
                continue;
            j++;
            float a = 1.0f - (float)j / n, b = -(1.0f - 2.0f * j / n) / D;
            const float *e = table + (size_t)xs[w] * D;
            for (int k = 0; k < D; k++)
                o[k] += (a + b * (float)(k + 1)) * e[k];
        }
    }
}

void pe_forward_ref(float *out, const int *x, const float *table, int N, int J, int D)
{
    for (int s = 0; s < N; s++) {
        int n = pe_len(x + s * J, J);
        for (int k = 1; k <= D; k++) {
            double acc = 0.0;
            int j = 0;
            for (int w = 0; w < J; w++) {
                int id = x[s * J + w];
                if (id == LAYERS_PAD)
                    continue;
                j++;
                double l = (1.0 - (double)j / n) - ((double)k / D) * (1.0 - 2.0 * j / n);
                acc += l * table[id * D + k - 1];
            }
            out[s * D + k - 1] = (float)acc;
        }
    }
}

/* dtable [R,D] += the position-weighted dout [N,D] of every word in x [N,J] */
void pe_backward(float *dtable, const float *dout, const int *x, int N, int J, int D)
{
    for (int s = 0; s < N; s++) {
        const int *xs = x + (size_t)s * J;
        const float *g = dout + (size_t)s * D;
        int n = pe_len(xs, J), j = 0;
        for (int w = 0; w < J; w++) {
            if (xs[w] == LAYERS_PAD)
                continue;
            j++;
            float a = 1.0f - (float)j / n, b = -(1.0f - 2.0f * j / n) / D;
            float *row = dtable + (size_t)xs[w] * D;
            for (int k = 0; k < D; k++)
                row[k] += (a + b * (float)(k + 1)) * g[k];
        }
    }
}

void pe_backward_ref(float *dtable, const float *dout, const int *x, int N, int J, int D)
{
    for (int s = 0; s < N; s++) {
        int n = pe_len(x + s * J, J), j = 0;
        for (int w = 0; w < J; w++) {
            int id = x[s * J + w];
            if (id == LAYERS_PAD)
                continue;
            j++;
            for (int k = 1; k <= D; k++) {
                double l = (1.0 - (double)j / n) - ((double)k / D) * (1.0 - 2.0 * j / n);
                dtable[id * D + k - 1] += (float)(l * dout[s * D + k - 1]);
            }
        }
    }
}

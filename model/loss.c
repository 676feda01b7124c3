/* loss.c: cross-entropy on a probability distribution (the decoder's mixture of the
 * vocabulary softmax and the copy distribution, so no log-softmax shortcut): the mean of
 * -log P[target] over the targets that are not ignored (-1). */
#include "model/layers.h"

#include <math.h>

/* Probabilities below this are treated as this, so an impossible target (a word neither
 * in the vocabulary nor in the story) costs a large but finite loss. */
#define XENT_PMIN 1e-12f

/* P [N,K], targets [N] -> mean -log P[n, targets[n]] */
double xent_forward(const float *P, const int *targets, int N, int K, int *count)
{
    double sum = 0.0;
    int c = 0;
    for (int n = 0; n < N; n++) {
        if (targets[n] < 0 || targets[n] >= K)
            continue;
        float p = P[(size_t)n * K + targets[n]];
        sum -= log(p > XENT_PMIN ? p : XENT_PMIN);
        c++;
    }
    if (count)
        *count = c;
    return c ? sum / c : 0.0;
}

/* dP [N,K] += dloss * d(mean -log P[target])/dP */
void xent_backward(float *dP, const float *P, const int *targets, int N, int K, float dloss)
{
    int c = 0;
    for (int n = 0; n < N; n++)
        c += targets[n] >= 0 && targets[n] < K;
    if (!c)
        return;
    for (int n = 0; n < N; n++) {
        if (targets[n] < 0 || targets[n] >= K)
            continue;
        float p = P[(size_t)n * K + targets[n]];
        if (p > XENT_PMIN)
            dP[(size_t)n * K + targets[n]] -= dloss / (p * (float)c);
    }
}

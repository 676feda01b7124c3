/* adam.c: Adam (with optional decoupled weight decay) over one flat parameter buffer,
 * after clipping the gradient to a maximum global L2 norm. The norm is accumulated in
 * double; the update is elementwise, so the "optimized" version is the vectorizable loop
 * with the bias corrections folded into the step size. */
#include "model/layers.h"

#include <math.h>

double adam_grad_norm(const float *g, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += (double)g[i] * g[i];
    return sqrt(s);
}

double adam_clip(float *g, size_t n, float max_norm)
{
    double norm = adam_grad_norm(g, n);
    if (max_norm > 0.0f && norm > max_norm) {
        float scale = (float)(max_norm / norm);
        for (size_t i = 0; i < n; i++)
            g[i] *= scale;
    }
    return norm;
}

/* params, grads, m, v [n]; t >= 1 */
double adam_update(float *params, float *grads, float *m, float *v, size_t n,
                   const adam_cfg_t *cfg, int t)
{
    double norm = cfg->clip > 0.0f ? adam_clip(grads, n, cfg->clip) : adam_grad_norm(grads, n);
    float b1 = cfg->beta1, b2 = cfg->beta2;
    double c1 = 1.0 - pow(b1, t), c2 = 1.0 - pow(b2, t);
    float step = (float)(cfg->lr * sqrt(c2) / c1);
    float eps = (float)(cfg->eps * sqrt(c2)); /* eps on the bias-corrected sqrt(v) */
    float decay = cfg->lr * cfg->weight_decay;
    for (size_t i = 0; i < n; i++) {
        float g = grads[i];
        m[i] = b1 * m[i] + (1.0f - b1) * g;
        v[i] = b2 * v[i] + (1.0f - b2) * g * g;
        params[i] -= step * m[i] / (sqrtf(v[i]) + eps) + decay * params[i];
    }
    return norm;
}

double adam_update_ref(float *params, float *grads, float *m, float *v, size_t n,
                       const adam_cfg_t *cfg, int t)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += (double)grads[i] * grads[i];
    double norm = sqrt(s), scale = 1.0;
    if (cfg->clip > 0.0f && norm > cfg->clip)
        scale = cfg->clip / norm;
    for (size_t i = 0; i < n; i++) {
        double g = grads[i] * scale;
        grads[i] = (float)g;
        m[i] = (float)(cfg->beta1 * m[i] + (1.0 - cfg->beta1) * g);
        v[i] = (float)(cfg->beta2 * v[i] + (1.0 - cfg->beta2) * g * g);
        double mh = m[i] / (1.0 - pow(cfg->beta1, t)), vh = v[i] / (1.0 - pow(cfg->beta2, t));
        params[i] = (float)(params[i] - cfg->lr * mh / (sqrt(vh) + cfg->eps) -
                            (double)cfg->lr * cfg->weight_decay * params[i]);
    }
    return norm;
}

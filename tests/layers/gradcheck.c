/* gradcheck.c: the helpers of gradcheck.h. */
#include "gradcheck.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned long long gc_state = 88172645463325252ULL;

unsigned gc_seed(unsigned s)
{
    gc_state = 88172645463325252ULL ^ ((unsigned long long)s * 0x9E3779B97F4A7C15ULL);
    return s;
}

float gc_uniform(void)
{
    gc_state ^= gc_state << 13;
    gc_state ^= gc_state >> 7;
    gc_state ^= gc_state << 17;
    return (float)((gc_state >> 11) * (1.0 / 9007199254740992.0)) * 2.0f - 1.0f;
}

void gc_fill(float *x, size_t n, float scale)
{
    for (size_t i = 0; i < n; i++)
        x[i] = scale * gc_uniform();
}

float *gc_alloc(size_t n)
{
    float *p = calloc(n ? n : 1, sizeof(float));
    if (!p) {
        fprintf(stderr, "gc_alloc: out of memory\n");
        abort();
    }
    return p;
}

double gc_dot(const float *a, const float *w, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += (double)a[i] * w[i];
    return s;
}

double gc_maxdiff(const float *a, const float *b, size_t n)
{
    double m = 0.0, big = 1.0;
    for (size_t i = 0; i < n; i++) {
        double d = fabs((double)a[i] - b[i]);
        if (d > m)
            m = d;
        if (fabs(b[i]) > big)
            big = fabs(b[i]);
    }
    return m / big;
}

double gc_check(gc_fn f, void *ctx, float *x, const float *g, size_t n, int max_checks,
                float eps)
{
    return gc_check_floor(f, ctx, x, g, n, max_checks, eps, GC_FLOOR);
}

double gc_check_floor(gc_fn f, void *ctx, float *x, const float *g, size_t n, int max_checks,
                      float eps, double floor)
{
    double num2 = 0.0, ana2 = 0.0, diff2 = 0.0;
    size_t step = n <= (size_t)max_checks ? 1 : n / (size_t)max_checks;
    for (size_t i = (step > 1 ? step / 2 : 0); i < n; i += step) {
        float keep = x[i];
        x[i] = keep + eps;
        double fp = f(ctx);
        x[i] = keep - eps;
        double fm = f(ctx);
        x[i] = keep;
        /* divide by the step actually taken in float, not by 2 eps */
        double num = (fp - fm) / ((double)(float)(keep + eps) - (double)(float)(keep - eps));
        num2 += num * num;
        ana2 += (double)g[i] * g[i];
        diff2 += (num - g[i]) * (num - g[i]);
    }
    double den = sqrt(num2 > ana2 ? num2 : ana2);
    double rel = den > 1e-6 ? sqrt(diff2) / (den > floor ? den : floor) : 1.0;
    if (getenv("GC_VERBOSE"))
        fprintf(stderr, "gradcheck: n=%zu rel=%.2e (unfloored %.2e) |grad|=%.2e\n", n, rel,
                den > 0 ? sqrt(diff2) / den : 0.0, den);
    return rel;
}

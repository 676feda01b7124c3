/* index_sketch.c: the index's 2-bit sketch of a row: the fixed orthonormal mixing
 * that spreads a row's weight over every dimension (index_rotate), and the row put on a
 * 4-level grid as two bit planes with the factor of its estimate (index_sketch_row).
 * index_put calls both for every row; a search mixes its query the same way. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "store/store_internal.h"

/* index_rotate's per-dimension factors: a fixed pseudo-random sign (the same for every
 * index, so that a row's sketch never depends on the process) times the scale that makes
 * the butterflies orthonormal: 1/sqrt(8) in each 64-dimension group, 1/sqrt(groups) more
 * in the groups mixed across. 0 past dim. */
void index_rotate_init(index_t *ix)
{
    size_t groups = ix->dpad / 64, mixed = 1;
    while (mixed * 2 <= groups)
        mixed *= 2;
    for (size_t j = 0; j < ix->dpad; j++) {
        float scale = 1.0f / sqrtf(8.0f * (float)(j / 64 < mixed ? mixed : 1));
        float sign = (index_mix64((uint64_t)j + 1) >> 63) ? -1.0f : 1.0f;
        ix->rot_sign[j] = j < (size_t)ix->dim ? sign * scale : 0.0f;
    }
}

/* Butterflies (a, b) -> (a + b, a - b) between x[0..n) and x[h..h + n), n a multiple
 * of 8. */
static inline __attribute__((always_inline)) void butterflies(float *x, size_t h, size_t n)
{
    for (size_t j = 0; j < n; j += 8)
        for (int t = 0; t < 8; t++) {
            float a = x[j + t], b = x[h + j + t];
            x[j + t] = a + b;
            x[h + j + t] = a - b;
        }
}

INDEX_ROW_CLONES void index_rotate(const index_t *ix, const float *x, float *out)
{
    size_t dpad = ix->dpad, groups = dpad / 64, mixed = 1;
    while (mixed * 2 <= groups)
        mixed *= 2;
    int d = 0;
    for (; d + 8 <= ix->dim; d += 8)
        for (int t = 0; t < 8; t++)
            out[d + t] = x[d + t] * ix->rot_sign[d + t];
    for (; d < ix->dim; d++)
        out[d] = x[d] * ix->rot_sign[d];
    memset(out + ix->dim, 0, (dpad - (size_t)ix->dim) * sizeof(float));
    for (size_t g = 0; g < groups; g++)         /* the 8 rows of 8 in each group */
        for (size_t h = 8; h < 64; h *= 2)
            for (size_t i = 0; i < 64; i += 2 * h)
                butterflies(out + g * 64 + i, h, h);
    for (size_t h = 64; h < mixed * 64; h *= 2)  /* across the first `mixed` groups */
        for (size_t i = 0; i < mixed * 64; i += 2 * h)
            butterflies(out + i, h, h);
}

/* The sketch of the mixed row y[dpad] (index_block_t): each y[j] on a 4-level grid of
 * step delta, v = 0 for y <= -delta, 1 below 0, 2 below delta, 3 from there; its high
 * bits (y >= 0) into hi and low bits into lo. Returns the factor of the estimate (0 for
 * a zero row). The step is a Gaussian's best for 4 levels, 0.996 sigma, with sigma =
 * mean |y| / 0.798 (the mixing makes a row's values look Gaussian). sketch_c is the
 * plain loop; AVX-512 does 16 values per compare into a mask. */
static float sketch_c(const float *y, size_t dpad, float inv, uint64_t *hi, uint64_t *lo)
{
    double g = 0;       /* sum (2 v - 3) y = sum |y| (3 when outer, else 1) */
    for (size_t w = 0; w < dpad / 64; w++) {
        uint64_t hw = 0, lw = 0;
        for (int t = 0; t < 64; t++) {
            float v = y[w * 64 + t], m = fabsf(v);
            int h = v >= 0.0f, outer = m * inv >= 1.0f;
            hw |= (uint64_t)h << t;
            lw |= (uint64_t)(h == outer) << t;
            g += outer ? 3.0f * m : m;
        }
        hi[w] = hw;
        lo[w] = lw;
    }
    return (float)g;
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx512f"))) static float sketch_avx512(const float *y, size_t dpad,
                                                               float inv, uint64_t *hi,
                                                               uint64_t *lo)
{
    const __m512 vinv = _mm512_set1_ps(inv), one = _mm512_set1_ps(1.0f);
    const __m512 zero = _mm512_setzero_ps();
    const __m512i absmask = _mm512_set1_epi32(0x7fffffff);
    __m512d g = _mm512_setzero_pd();
    for (size_t w = 0; w < dpad / 64; w++) {
        uint64_t hw = 0, lw = 0;
        for (int k = 0; k < 4; k++) {
            __m512 v = _mm512_loadu_ps(y + w * 64 + 16 * k);
            __m512 m = _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(v), absmask));
            __mmask16 h = _mm512_cmp_ps_mask(v, zero, _CMP_GE_OQ);
            __mmask16 o = _mm512_cmp_ps_mask(_mm512_mul_ps(m, vinv), one, _CMP_GE_OQ);
            __m512 t = _mm512_mask_mul_ps(m, o, m, _mm512_set1_ps(3.0f));
            g = _mm512_add_pd(g, _mm512_cvtps_pd(_mm512_castps512_ps256(t)));
            g = _mm512_add_pd(g, _mm512_cvtps_pd(_mm256_castpd_ps(
                                     _mm512_extractf64x4_pd(_mm512_castps_pd(t), 1))));
            hw |= (uint64_t)h << (16 * k);
            lw |= (uint64_t)(__mmask16)~(h ^ o) << (16 * k);
        }
        hi[w] = hw;
        lo[w] = lw;
    }
    return (float)_mm512_reduce_add_pd(g);
}
#endif

float index_sketch_row(const float *y, size_t dpad, uint64_t *hi, uint64_t *lo, int kernel)
{
    float a[8] = {0};
    for (size_t j = 0; j < dpad; j += 8)
        for (int u = 0; u < 8; u++)
            a[u] += fabsf(y[j + u]);
    float l1 = ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
    if (l1 == 0) {
        memset(hi, 0, dpad / 64 * sizeof(*hi));
        memset(lo, 0, dpad / 64 * sizeof(*lo));
        return 0.0f;
    }
    float inv = 0.798f / (0.996f * l1 / (float)dpad), dot;
#if defined(__x86_64__) && defined(__GNUC__)
    if (kernel == INDEX_KERNEL_AUTO && __builtin_cpu_supports("avx512f"))
        dot = sketch_avx512(y, dpad, inv, hi, lo);
    else
#endif
        dot = sketch_c(y, dpad, inv, hi, lo);
    (void)kernel;
    return dot > 0 ? 1.0f / dot : 0.0f;
}

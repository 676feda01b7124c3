/* index_kernel.c: the int8 dot products behind the index's compact scan: for n rows of
 * dpad int8 codes, out[i] = row_i . q in exact int32 arithmetic. AVX-512 VNNI or AVX2
 * where the CPU has them (chosen per call from cpuid), plain C elsewhere; all three give
 * identical results. Codes are in [-127, 127] and dpad is a multiple of 64 (zero
 * padded), which the vector paths rely on. */
#include <stdint.h>
#include <string.h>

#include "store/store_internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_X86_KERNELS 1
#include <immintrin.h>
#endif

void index_q8_prepare(index_q8_t *q8)
{
    for (size_t j = 0; j < q8->dpad; j++) {
        q8->q16[j] = q8->q[j];
        q8->qu[j] = (uint8_t)(q8->q[j] + 128);
    }
}

static void dots_c(const int8_t *codes, size_t n, size_t dpad, const int8_t *q, int32_t *out)
{
    for (size_t i = 0; i < n; i++) {
        const int8_t *r = codes + i * dpad;
        int32_t acc = 0;
        for (size_t j = 0; j < dpad; j += 64) {
            int32_t a = 0;
            for (int t = 0; t < 64; t++)    /* fixed trip count: vectorizes at -O2 */
                a += (int32_t)r[j + t] * q[j + t];
            acc += a;
        }
        out[i] = acc;
    }
}

#ifdef HAVE_X86_KERNELS
/* Sign-extends 16 codes to int16 and multiply-adds pairs into int32 lanes; 4 rows at a
 * time so each query load serves four rows. q16 is 32-byte aligned. */
__attribute__((target("avx2"))) static void dots_avx2(const int8_t *codes, size_t n,
                                                      size_t dpad, const int16_t *q16,
                                                      int32_t *out)
{
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const int8_t *r = codes + i * dpad;
        __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
        for (size_t j = 0; j < dpad; j += 16) {
            __m256i qv = _mm256_load_si256((const __m256i *)(q16 + j));
#define ROW(acc, k)                                                                      \
    acc = _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128(   \
                                                      (const __m128i *)(r + (k)*dpad + j))), \
                                                  qv))
            ROW(a0, 0);
            ROW(a1, 1);
            ROW(a2, 2);
            ROW(a3, 3);
#undef ROW
        }
        __m256i h = _mm256_hadd_epi32(_mm256_hadd_epi32(a0, a1), _mm256_hadd_epi32(a2, a3));
        __m128i s = _mm_add_epi32(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
        _mm_storeu_si128((__m128i *)(out + i), s);
    }
    for (; i < n; i++) {
        const int8_t *r = codes + i * dpad;
        int32_t acc = 0;
        for (size_t j = 0; j < dpad; j++)
            acc += (int32_t)r[j] * q16[j];
        out[i] = acc;
    }
}

/* vpdpbusd multiplies unsigned by signed bytes: with qu = q + 128,
 * row . q = row . qu - 128 * sum(row), and the row sum comes from a second vpdpbusd
 * against ones in the same pass. */
__attribute__((target("avx512f,avx512bw,avx512vnni"))) static void
dots_vnni(const int8_t *codes, size_t n, size_t dpad, const uint8_t *qu, int32_t *out)
{
    const __m512i ones = _mm512_set1_epi8(1);
    for (size_t i = 0; i < n; i++) {
        const int8_t *r = codes + i * dpad;
        __m512i a = _mm512_setzero_si512(), s = a;
        for (size_t j = 0; j < dpad; j += 64) {
            __m512i x = _mm512_loadu_si512(r + j);
            a = _mm512_dpbusd_epi32(a, _mm512_loadu_si512(qu + j), x);
            s = _mm512_dpbusd_epi32(s, ones, x);
        }
        out[i] = _mm512_reduce_add_epi32(a) - 128 * _mm512_reduce_add_epi32(s);
    }
}
#endif

void index_dots_i8(const int8_t *codes, size_t n, const index_q8_t *q8, int32_t *out)
{
#ifdef HAVE_X86_KERNELS
    if (q8->kernel != INDEX_KERNEL_C && __builtin_cpu_supports("avx512vnni") &&
        __builtin_cpu_supports("avx512bw") && q8->kernel != INDEX_KERNEL_AVX2) {
        dots_vnni(codes, n, q8->dpad, q8->qu, out);
        return;
    }
    if (q8->kernel != INDEX_KERNEL_C && __builtin_cpu_supports("avx2")) {
        dots_avx2(codes, n, q8->dpad, q8->q16, out);
        return;
    }
#endif
    dots_c(codes, n, q8->dpad, q8->q, out);
}

/* index_kernel.c: the integer dot products behind the index's compact scans: for n rows
 * of dpad int8 codes, out[i] = row_i . q, and for n sketch bit-plane rows of dpad bits,
 * out[i] = the sum of a 4-bit q[j] over the bits j set in row i (popcounts against the
 * bit planes of q); exact integer arithmetic. AVX-512 (VNNI, VPOPCNTDQ), AVX2 or popcnt
 * where the CPU has them (chosen per call from cpuid), plain C elsewhere; all give
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

/* The 4-bit query's sum over one row's set bits: bits[words] (dimension 64 w + t is bit
 * t of word w), planes[4][words] the bit planes of q4 + 8 in [0, 15]:
 *   sum q4 = sum over b of 2^b popcount(row & plane b) - 8 popcount(row). */
static inline __attribute__((always_inline)) int32_t sign4_row(const uint64_t *r, size_t words,
                                                               const uint64_t *planes)
{
    int64_t acc = 0;
    for (size_t w = 0; w < words; w++) {
        uint64_t x = r[w];
        int64_t t = __builtin_popcountll(x & planes[3 * words + w]);
        t = 2 * t + __builtin_popcountll(x & planes[2 * words + w]);
        t = 2 * t + __builtin_popcountll(x & planes[words + w]);
        t = 2 * t + __builtin_popcountll(x & planes[w]);
        acc += t - 8 * (int64_t)__builtin_popcountll(x);
    }
    return (int32_t)acc;
}

static void sign4_c(const uint64_t *bits, size_t n, size_t words, const uint64_t *planes,
                    int32_t *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = sign4_row(bits + i * words, words, planes);
}

#ifdef HAVE_X86_KERNELS
/* The same with the CPU's popcnt instruction (the generic build calls a library loop). */
__attribute__((target("popcnt"))) static void sign4_popcnt(const uint64_t *bits, size_t n,
                                                           size_t words,
                                                           const uint64_t *planes,
                                                           int32_t *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = sign4_row(bits + i * words, words, planes);
}

/* Eight words of a row per 512-bit register, four planes' popcounts combined per lane
 * (Horner: t = 2 t + popcount), the row's total by one reduction. Rows of eight words
 * (dpad 512) keep the planes in registers. */
__attribute__((target("avx512f,avx512vpopcntdq"))) static void
sign4_avx512(const uint64_t *bits, size_t n, size_t words, const uint64_t *planes,
             int32_t *out)
{
#define SIGN4_LANES(x, p0, p1, p2, p3)                                                   \
    _mm512_sub_epi64(                                                                    \
        _mm512_add_epi64(                                                                \
            _mm512_slli_epi64(                                                           \
                _mm512_add_epi64(                                                        \
                    _mm512_slli_epi64(                                                   \
                        _mm512_add_epi64(                                                \
                            _mm512_slli_epi64(                                           \
                                _mm512_popcnt_epi64(_mm512_and_si512(x, p3)), 1),        \
                            _mm512_popcnt_epi64(_mm512_and_si512(x, p2))),               \
                        1),                                                              \
                    _mm512_popcnt_epi64(_mm512_and_si512(x, p1))),                       \
                1),                                                                      \
            _mm512_popcnt_epi64(_mm512_and_si512(x, p0))),                               \
        _mm512_slli_epi64(_mm512_popcnt_epi64(x), 3))
    if (words == 8) {
        const __m512i p0 = _mm512_loadu_si512(planes), p1 = _mm512_loadu_si512(planes + 8),
                      p2 = _mm512_loadu_si512(planes + 16), p3 = _mm512_loadu_si512(planes + 24);
        for (size_t i = 0; i < n; i++) {
            __m512i x = _mm512_loadu_si512(bits + i * 8);
            out[i] = (int32_t)_mm512_reduce_add_epi64(SIGN4_LANES(x, p0, p1, p2, p3));
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const uint64_t *r = bits + i * words;
        __m512i acc = _mm512_setzero_si512();
        for (size_t w = 0; w < words; w += 8) {
            __mmask8 m = words - w >= 8 ? 0xff : (__mmask8)((1u << (words - w)) - 1);
            __m512i x = _mm512_maskz_loadu_epi64(m, r + w);
            acc = _mm512_add_epi64(
                acc, SIGN4_LANES(x, _mm512_maskz_loadu_epi64(m, planes + w),
                                 _mm512_maskz_loadu_epi64(m, planes + words + w),
                                 _mm512_maskz_loadu_epi64(m, planes + 2 * words + w),
                                 _mm512_maskz_loadu_epi64(m, planes + 3 * words + w)));
        }
        out[i] = (int32_t)_mm512_reduce_add_epi64(acc);
    }
#undef SIGN4_LANES
}
#endif

void index_dots_sign4(const uint64_t *bits, size_t n, size_t words, const uint64_t *planes,
                      int kernel, int32_t *out)
{
#ifdef HAVE_X86_KERNELS
    if (kernel == INDEX_KERNEL_AUTO && __builtin_cpu_supports("avx512vpopcntdq")) {
        sign4_avx512(bits, n, words, planes, out);
        return;
    }
    if (kernel != INDEX_KERNEL_C && __builtin_cpu_supports("popcnt")) {
        sign4_popcnt(bits, n, words, planes, out);
        return;
    }
#endif
    (void)kernel;
    sign4_c(bits, n, words, planes, out);
}

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

/* blas.c: how many threads OpenBLAS may start, and the one-row products of blas.h.
 * mnemo runs its matrix work on threads of its own (the trainer's workers, the daemon's
 * request threads), each call small, so OpenBLAS's own pool only spins and yields
 * against them: one thread each. A product with one row spends most of OpenBLAS's time
 * packing; the loops below are written in fixed blocks of W floats so that GCC
 * vectorizes them at -O2 (no epilogue to cost). */
#include "model/blas.h"
#include "model/model.h"

#include <stddef.h>

void model_blas_single(void)
{
#ifdef OPENBLAS_VERSION
    openblas_set_num_threads(1);
#endif
}

enum { W = 16 };

/* Set before any worker starts, read only after: 1 (the default) runs one-row products
 * as the loops below. */
static int rows_as_loops = 1;

void blas_rows_as_loops(int on) { rows_as_loops = on != 0; }

/* y [N] += a [K] (stride inca) b [K,N] (row stride ldb), four rows of b at a time */
static inline __attribute__((always_inline)) void
row_nn_body(float *restrict y, const float *restrict a, int inca,
                   const float *restrict b, int ldb, int K, int N, float alpha)
{
    int k = 0;
    for (; k + 4 <= K; k += 4) {
        float a0 = alpha * a[(size_t)k * inca], a1 = alpha * a[(size_t)(k + 1) * inca];
        float a2 = alpha * a[(size_t)(k + 2) * inca], a3 = alpha * a[(size_t)(k + 3) * inca];
        const float *restrict b0 = b + (size_t)k * ldb, *restrict b1 = b0 + ldb;
        const float *restrict b2 = b1 + ldb, *restrict b3 = b2 + ldb;
        int j = 0;
        for (; j + W <= N; j += W)
            for (int i = 0; i < W; i++)
                y[j + i] += a0 * b0[j + i] + a1 * b1[j + i] + a2 * b2[j + i] + a3 * b3[j + i];
        for (; j < N; j++)
            y[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
    }
    for (; k < K; k++) {
        float a0 = alpha * a[(size_t)k * inca];
        const float *restrict b0 = b + (size_t)k * ldb;
        for (int j = 0; j < N; j++)
            y[j] += a0 * b0[j];
    }
}

/* a [K] (stride 1) . b [K] (stride 1), W partial sums */
static inline __attribute__((always_inline)) float
dot_body(const float *restrict a, const float *restrict b, int K)
{
    float acc[W] = {0}, s = 0.0f;
    int k = 0;
    for (; k + W <= K; k += W)
        for (int i = 0; i < W; i++)
            acc[i] += a[k + i] * b[k + i];
    for (int i = 0; i < W; i++)
        s += acc[i];
    for (; k < K; k++)
        s += a[k] * b[k];
    return s;
}

/* The bodies above compiled twice: for any x86-64 (SSE2, 4 floats a vector) and, where
 * the CPU has it, for AVX2 (8 floats). Every output is the same sum in the same order
 * either way (C11 mode does not contract a * b + c into one rounding), so the two give
 * the same bits; AVX2 takes fewer instructions. */
#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_AVX2_ROWS 1
__attribute__((target("avx2"))) static void row_nn_avx2(float *restrict y,
                                                        const float *restrict a, int inca,
                                                        const float *restrict b, int ldb,
                                                        int K, int N, float alpha)
{
    row_nn_body(y, a, inca, b, ldb, K, N, alpha);
}

__attribute__((target("avx2"))) static float dot_avx2(const float *restrict a,
                                                     const float *restrict b, int K)
{
    return dot_body(a, b, K);
}
#endif

static void row_nn(float *restrict y, const float *restrict a, int inca,
                   const float *restrict b, int ldb, int K, int N, float alpha)
{
#ifdef HAVE_AVX2_ROWS
    if (__builtin_cpu_supports("avx2")) {
        row_nn_avx2(y, a, inca, b, ldb, K, N, alpha);
        return;
    }
#endif
    row_nn_body(y, a, inca, b, ldb, K, N, alpha);
}

static float dot(const float *restrict a, const float *restrict b, int K)
{
#ifdef HAVE_AVX2_ROWS
    if (__builtin_cpu_supports("avx2"))
        return dot_avx2(a, b, K);
#endif
    return dot_body(a, b, K);
}

void blas_sgemm(enum CBLAS_TRANSPOSE ta, enum CBLAS_TRANSPOSE tb, int M, int N, int K, float alpha,
                const float *A, int lda, const float *B, int ldb, float beta, float *C,
                int ldc)
{
    if (M != 1 || ta != CblasNoTrans || K <= 0 || !rows_as_loops) {
        cblas_sgemm(CblasRowMajor, ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
        return;
    }
    if (tb == CblasNoTrans) {
        for (int j = 0; j < N; j++)
            C[j] = beta == 0.0f ? 0.0f : beta * C[j];
        row_nn(C, A, 1, B, ldb, K, N, alpha);
        return;
    }
    for (int j = 0; j < N; j++) {
        float s = alpha * dot(A, B + (size_t)j * ldb, K);
        C[j] = beta == 0.0f ? s : s + beta * C[j];
    }
}

void blas_sgemm_ref(enum CBLAS_TRANSPOSE ta, enum CBLAS_TRANSPOSE tb, int M, int N, int K,
                    float alpha, const float *A, int lda, const float *B, int ldb,
                    float beta, float *C, int ldc)
{
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < K; k++) {
                float a = ta == CblasNoTrans ? A[(size_t)i * lda + k] : A[(size_t)k * lda + i];
                float b = tb == CblasNoTrans ? B[(size_t)k * ldb + j] : B[(size_t)j * ldb + k];
                s += (double)a * b;
            }
            float *c = C + (size_t)i * ldc + j;
            *c = (float)(alpha * s + (beta == 0.0f ? 0.0 : (double)beta * *c));
        }
}

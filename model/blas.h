/* blas.h: the matrix products of the model's layers. blas_sgemm keeps cblas_sgemm's
 * contract (row-major) and runs a product of one row (M = 1, A not transposed: batch
 * size 1 at inference) as plain loops, which measured 2-4x faster than OpenBLAS's sgemm
 * or sgemv for these shapes (docs/PERFORMANCE.md "Products of one row"); everything else
 * goes to cblas_sgemm. blas_sgemm_ref is its loop twin (double accumulation). */
#ifndef MNEMO_MODEL_BLAS_H
#define MNEMO_MODEL_BLAS_H

#include <cblas.h>

/* C [M,N] = alpha op(A) [M,K] op(B) [K,N] + beta C; beta == 0 does not read C. */
void blas_sgemm(enum CBLAS_TRANSPOSE ta, enum CBLAS_TRANSPOSE tb, int M, int N, int K, float alpha,
                const float *A, int lda, const float *B, int ldb, float beta, float *C,
                int ldc);
/* Whether blas_sgemm runs one-row products as loops (1, the default) or leaves them to
 * cblas_sgemm too (0). The memory network's trainer turns them off: its products of one
 * row are rare (small last batches), and with OpenBLAS's rounding a seeded run gives
 * the very numbers of the runs made before the loops existed (docs/MODEL.md, "From
 * scratch at HEAD"). Call before any thread uses blas_sgemm. */
void blas_rows_as_loops(int on);
void blas_sgemm_ref(enum CBLAS_TRANSPOSE ta, enum CBLAS_TRANSPOSE tb, int M, int N, int K,
                    float alpha, const float *A, int lda, const float *B, int ldb,
                    float beta, float *C, int ldc);

#endif

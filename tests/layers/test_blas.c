/* test_blas.c: blas_sgemm (model/blas.h) against its loop twin and against cblas_sgemm,
 * for the one-row products it runs as loops (the model's shapes at batch size 1, both
 * layouts of B, strided operands, alpha and beta) and for a product it hands to sgemm. */
#include "model/blas.h"
#include "gradcheck.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

enum { PAD = 3 };

/* C = alpha op(A) op(B) + beta C through blas_sgemm, the loop twin and cblas_sgemm, with
 * leading dimensions PAD larger than needed; returns the largest difference to the twin
 * and stores the one to cblas in *dcblas. */
static double run(int M, int N, int K, enum CBLAS_TRANSPOSE tb, float alpha, float beta,
                  double *dcblas)
{
    int lda = K + PAD, ldb = (tb == CblasNoTrans ? N : K) + PAD, ldc = N + PAD;
    int brows = tb == CblasNoTrans ? K : N;
    float *A = gc_alloc((size_t)M * lda), *Bm = gc_alloc((size_t)brows * ldb);
    float *C0 = gc_alloc((size_t)M * ldc), *C1 = gc_alloc((size_t)M * ldc);
    float *C2 = gc_alloc((size_t)M * ldc);
    gc_fill(A, (size_t)M * lda, 1.0f);
    gc_fill(Bm, (size_t)brows * ldb, 0.5f);
    gc_fill(C0, (size_t)M * ldc, 1.0f);
    memcpy(C1, C0, sizeof(float) * M * ldc);
    memcpy(C2, C0, sizeof(float) * M * ldc);
    blas_sgemm(CblasNoTrans, tb, M, N, K, alpha, A, lda, Bm, ldb, beta, C0, ldc);
    blas_sgemm_ref(CblasNoTrans, tb, M, N, K, alpha, A, lda, Bm, ldb, beta, C1, ldc);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, tb, M, N, K, alpha, A, lda, Bm, ldb, beta, C2,
                ldc);
    double d = gc_maxdiff(C0, C1, (size_t)M * ldc);
    *dcblas = gc_maxdiff(C0, C2, (size_t)M * ldc);
    free(A);
    free(Bm);
    free(C0);
    free(C1);
    free(C2);
    return d;
}

/* K, N of the model's one-row products: GRU steps (H 64, reader H 96), the episodic
 * update, the decoder's init, vocabulary and query, the pointer, the reader's heads, and
 * sizes that leave every tail of the loops. */
static const int shapes[][2] = {
    {64, 192}, {96, 288}, {192, 64}, {128, 64}, {64, 632}, {64, 64}, {600, 64},
    {384, 8},  {384, 17}, {192, 11}, {1, 1},   {3, 5},    {17, 33}, {5, 15},
};

START_TEST(test_one_row_products_equal_the_reference)
{
    gc_seed(11);
    enum CBLAS_TRANSPOSE tbs[2] = {CblasNoTrans, CblasTrans};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (int t = 0; t < 2; t++)
            for (int v = 0; v < 3; v++) {
                float alpha = v == 2 ? 0.5f : 1.0f, beta = (float)v; /* 0, 1, 2 */
                double dc, d = run(1, shapes[s][1], shapes[s][0], tbs[t], alpha, beta, &dc);
                ck_assert_msg(d < 1e-5 && dc < 1e-5,
                              "K %d N %d trans %d alpha %g beta %g: %g from the twin, %g "
                              "from cblas_sgemm",
                              shapes[s][0], shapes[s][1], t, alpha, beta, d, dc);
            }
}
END_TEST

START_TEST(test_beta_zero_ignores_what_c_held)
{
    float A[2] = {1.0f, 2.0f}, Bm[4] = {1.0f, 0.0f, 0.0f, 1.0f}, C[2];
    C[0] = C[1] = __builtin_nanf("");
    blas_sgemm(CblasNoTrans, CblasNoTrans, 1, 2, 2, 1.0f, A, 2, Bm, 2, 0.0f, C, 2);
    ck_assert(C[0] == 1.0f && C[1] == 2.0f);
    C[0] = C[1] = __builtin_nanf("");
    blas_sgemm(CblasNoTrans, CblasTrans, 1, 2, 2, 1.0f, A, 2, Bm, 2, 0.0f, C, 2);
    ck_assert(C[0] == 1.0f && C[1] == 2.0f);
}
END_TEST

/* With the loops off (the memory network's trainer), a one-row product is
 * cblas_sgemm's to the bit. */
START_TEST(test_loops_off_is_cblas_exactly)
{
    gc_seed(13);
    float *A = gc_alloc(40), *Bm = gc_alloc(40 * 33), *C0 = gc_alloc(33), *C1 = gc_alloc(33);
    gc_fill(A, 40, 1.0f);
    gc_fill(Bm, 40 * 33, 0.5f);
    blas_rows_as_loops(0);
    blas_sgemm(CblasNoTrans, CblasNoTrans, 1, 33, 40, 1.0f, A, 40, Bm, 33, 0.0f, C0, 33);
    blas_rows_as_loops(1);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1, 33, 40, 1.0f, A, 40, Bm, 33, 0.0f,
                C1, 33);
    ck_assert(memcmp(C0, C1, 33 * sizeof(float)) == 0);
    free(A);
    free(Bm);
    free(C0);
    free(C1);
}
END_TEST

START_TEST(test_several_rows_equal_the_reference)
{
    gc_seed(12);
    double dc, d = run(7, 33, 17, CblasNoTrans, 1.0f, 1.0f, &dc);
    ck_assert_msg(d < 1e-5 && dc < 1e-5, "%g %g", d, dc);
    d = run(5, 12, 40, CblasTrans, 0.5f, 0.0f, &dc);
    ck_assert_msg(d < 1e-5 && dc < 1e-5, "%g %g", d, dc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("blas");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_one_row_products_equal_the_reference);
    tcase_add_test(tc, test_beta_zero_ignores_what_c_held);
    tcase_add_test(tc, test_loops_off_is_cblas_exactly);
    tcase_add_test(tc, test_several_rows_equal_the_reference);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

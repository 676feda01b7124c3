/* test_embed.c: embeddings with hashed buckets and the position-encoded sentence
 * encoder: optimized against reference, backward against central finite differences
 * (tolerance GC_TOL in gradcheck.h), pads reading zeros and receiving nothing. */
#include "model/layers.h"
#include "gradcheck.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

enum { V = 6, HB = 4, R = V + HB, D = 5, N = 4, J = 4 };

static const int X[N * J] = {3, 4, 5, 0, 7, 0, 0, 0, 0, 0, 0, 0, 9, 3, 3, 1};

START_TEST(test_emb_bucket_is_stable_and_in_the_bucket_rows)
{
    int a = emb_bucket("zyxwv", 5, V, HB), b = emb_bucket("zyxwv", 5, V, HB);
    ck_assert_int_eq(a, b);
    const char *words[] = {"alice", "bob", "carol", "dave", "erin", "mallory", "x", ""};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        int r = emb_bucket(words[i], strlen(words[i]), V, HB);
        ck_assert_int_ge(r, V);
        ck_assert_int_lt(r, R);
    }
}
END_TEST

START_TEST(test_emb_gathers_rows_and_scatters_gradients)
{
    float table[R * D], out1[N * J * D], out2[N * J * D], dout[N * J * D];
    float d1[R * D] = {0}, d2[R * D] = {0};
    gc_seed(41);
    gc_fill(table, R * D, 1.0f);
    gc_fill(dout, N * J * D, 1.0f);
    emb_forward(out1, X, table, N * J, D);
    emb_forward_ref(out2, X, table, N * J, D);
    ck_assert_double_lt(gc_maxdiff(out1, out2, N * J * D), GC_REF_TOL);
    for (int k = 0; k < D; k++) {
        ck_assert_float_eq(out1[3 * D + k], 0.0f); /* a pad reads zeros */
        ck_assert_float_eq(out1[k], table[3 * D + k]);
    }
    emb_backward(d1, dout, X, N * J, D, 1);
    emb_backward_ref(d2, dout, X, N * J, D, 1);
    ck_assert_double_lt(gc_maxdiff(d1, d2, R * D), GC_REF_TOL);
    for (int k = 0; k < D; k++) {
        ck_assert_float_eq(d1[k], 0.0f); /* the pad row gets nothing */
        /* id 3 appears three times: its gradient is the sum */
        float want = dout[0 * D + k] + dout[13 * D + k] + dout[14 * D + k];
        ck_assert_float_eq_tol(d1[3 * D + k], want, 1e-6f);
    }
}
END_TEST

START_TEST(test_emb_add_forward_adds_rows)
{
    float table[R * D], out[2 * D];
    int ids[2] = {0, 2};
    gc_seed(42);
    gc_fill(table, R * D, 1.0f);
    for (int i = 0; i < 2 * D; i++)
        out[i] = 1.0f;
    emb_add_forward(out, ids, table, 2, D);
    for (int k = 0; k < D; k++) {
        ck_assert_float_eq(out[k], 1.0f + table[k]);
        ck_assert_float_eq(out[D + k], 1.0f + table[2 * D + k]);
    }
}
END_TEST

START_TEST(test_pe_matches_reference)
{
    float table[R * D], o1[N * D], o2[N * D], dout[N * D], d1[R * D] = {0}, d2[R * D] = {0};
    gc_seed(43);
    gc_fill(table, R * D, 1.0f);
    gc_fill(dout, N * D, 1.0f);
    pe_forward(o1, X, table, N, J, D);
    pe_forward_ref(o2, X, table, N, J, D);
    ck_assert_double_lt(gc_maxdiff(o1, o2, N * D), GC_REF_TOL);
    for (int k = 0; k < D; k++)
        ck_assert_float_eq(o1[2 * D + k], 0.0f); /* an empty sentence */
    pe_backward(d1, dout, X, N, J, D);
    pe_backward_ref(d2, dout, X, N, J, D);
    ck_assert_double_lt(gc_maxdiff(d1, d2, R * D), GC_REF_TOL);
}
END_TEST

START_TEST(test_pe_weights_words_by_position)
{
    /* one sentence of two words: l_k1 = 1/2 - (k/D)(0), l_k2 = 0 - (k/D)(-1) = k/D */
    float table[R * D] = {0}, out[D];
    int x[J] = {1, 2, 0, 0};
    for (int k = 0; k < D; k++) {
        table[1 * D + k] = 1.0f;
        table[2 * D + k] = 1.0f;
    }
    pe_forward(out, x, table, 1, J, D);
    for (int k = 0; k < D; k++)
        ck_assert_float_eq_tol(out[k], 0.5f + (k + 1.0f) / D, 1e-6f);
}
END_TEST

typedef struct pe_ctx {
    float table[R * D], w[N * D], out[N * D];
} pe_ctx_t;

static double pe_loss(void *ctx)
{
    pe_ctx_t *c = ctx;
    pe_forward(c->out, X, c->table, N, J, D);
    return gc_dot(c->out, c->w, N * D);
}

START_TEST(test_pe_backward_matches_finite_differences)
{
    pe_ctx_t c;
    float d[R * D] = {0};
    gc_seed(44);
    gc_fill(c.table, R * D, 1.0f);
    gc_fill(c.w, N * D, 1.0f);
    pe_loss(&c);
    pe_backward(d, c.w, X, N, J, D);
    ck_assert_double_lt(gc_check(pe_loss, &c, c.table, d, R * D, 1000, GC_EPS), GC_TOL);
}
END_TEST

typedef struct emb_ctx {
    float table[R * D], w[N * J * D], out[N * J * D];
} emb_ctx_t;

static double emb_loss(void *ctx)
{
    emb_ctx_t *c = ctx;
    emb_forward(c->out, X, c->table, N * J, D);
    return gc_dot(c->out, c->w, N * J * D);
}

START_TEST(test_emb_backward_matches_finite_differences)
{
    emb_ctx_t c;
    float d[R * D] = {0};
    gc_seed(45);
    gc_fill(c.table, R * D, 1.0f);
    gc_fill(c.w, N * J * D, 1.0f);
    emb_loss(&c);
    emb_backward(d, c.w, X, N * J, D, 1);
    ck_assert_double_lt(gc_check(emb_loss, &c, c.table, d, R * D, 1000, GC_EPS), GC_TOL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("embed");
    TCase *tc = tcase_create("embed");
    tcase_add_test(tc, test_emb_bucket_is_stable_and_in_the_bucket_rows);
    tcase_add_test(tc, test_emb_gathers_rows_and_scatters_gradients);
    tcase_add_test(tc, test_emb_add_forward_adds_rows);
    tcase_add_test(tc, test_pe_matches_reference);
    tcase_add_test(tc, test_pe_weights_words_by_position);
    tcase_add_test(tc, test_pe_backward_matches_finite_differences);
    tcase_add_test(tc, test_emb_backward_matches_finite_differences);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* test_episodic.c: the multi-hop episodic memory, untied and tied: the cblas version
 * against the loop reference and backward against central finite differences
 * (tolerance GC_TOL in gradcheck.h) for every parameter and both inputs. */
#include "model/layers.h"
#include "gradcheck.h"

#include <check.h>
#include <stdlib.h>

enum { B = 2, S = 5, D = 4, A = 5 };

typedef struct epi_ctx {
    epi_dims_t dm;
    float f[B * S * D], q[B * D], mask[B * S], w[B * D], wg[B * S], m[B * D];
    float *buf, *grad, *cache, *scratch;
    epi_params_t p, dp;
} epi_ctx_t;

static void epi_init(epi_ctx_t *c, int hops, int tied)
{
    c->dm = (epi_dims_t){.D = D, .A = A, .hops = hops, .tied = tied};
    size_t np = epi_nparams(&c->dm);
    gc_seed(21 + hops + tied);
    c->buf = gc_alloc(np);
    c->grad = gc_alloc(np);
    c->cache = gc_alloc(epi_cache(B, S, &c->dm));
    c->scratch = gc_alloc(epi_scratch(B, S, &c->dm));
    ck_assert_ptr_eq(epi_carve(&c->p, c->buf, &c->dm), c->buf + np);
    epi_carve(&c->dp, c->grad, &c->dm);
    gc_fill(c->buf, np, 0.6f);
    gc_fill(c->f, B * S * D, 1.0f);
    gc_fill(c->q, B * D, 1.0f);
    gc_fill(c->w, B * D, 1.0f);
    gc_fill(c->wg, B * S, 1.0f);
    for (int i = 0; i < B * S; i++)
        c->mask[i] = (i / S == 1 && i % S >= 3) ? 0.0f : 1.0f;
}

static void epi_free(epi_ctx_t *c)
{
    free(c->buf); free(c->grad); free(c->cache); free(c->scratch);
}

static double epi_loss(void *ctx)
{
    epi_ctx_t *c = ctx;
    epi_forward(c->m, c->cache, c->f, c->q, c->mask, &c->p, &c->dm, B, S);
    /* the last hop's attention is an output too (the decoder's copy pointer) */
    return gc_dot(c->m, c->w, B * D) +
           gc_dot(epi_attention(c->cache, c->dm.hops - 1, B, S, &c->dm), c->wg, B * S);
}

static void compare_with_reference(int hops, int tied)
{
    epi_ctx_t c;
    epi_init(&c, hops, tied);
    size_t np = epi_nparams(&c.dm), nc = epi_cache(B, S, &c.dm);
    float m2[B * D], *cache2 = gc_alloc(nc), *grad2 = gc_alloc(np);
    float df1[B * S * D] = {0}, dq1[B * D] = {0}, df2[B * S * D] = {0}, dq2[B * D] = {0};
    epi_params_t dp2;
    epi_carve(&dp2, grad2, &c.dm);
    epi_loss(&c);
    epi_forward_ref(m2, cache2, c.f, c.q, c.mask, &c.p, &c.dm, B, S);
    ck_assert_double_lt(gc_maxdiff(c.m, m2, B * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.cache, cache2, nc), GC_REF_TOL);
    epi_backward(df1, dq1, &c.dp, c.w, c.wg, c.cache, c.f, c.q, &c.p, &c.dm, B, S, c.scratch);
    epi_backward_ref(df2, dq2, &dp2, c.w, c.wg, c.cache, c.f, c.q, &c.p, &c.dm, B, S);
    ck_assert_double_lt(gc_maxdiff(c.grad, grad2, np), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(df1, df2, B * S * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dq1, dq2, B * D), GC_REF_TOL);
    free(cache2); free(grad2);
    epi_free(&c);
}

START_TEST(test_epi_matches_reference_untied_and_tied)
{
    compare_with_reference(3, 0);
    compare_with_reference(2, 1);
}
END_TEST

START_TEST(test_epi_attention_sums_to_one_over_unmasked_slots)
{
    epi_ctx_t c;
    epi_init(&c, 3, 0);
    epi_loss(&c);
    for (int h = 0; h < 3; h++) {
        const float *g = epi_attention(c.cache, h, B, S, &c.dm);
        for (int b = 0; b < B; b++) {
            double sum = 0.0;
            for (int s = 0; s < S; s++) {
                sum += g[b * S + s];
                if (c.mask[b * S + s] == 0.0f)
                    ck_assert_float_eq(g[b * S + s], 0.0f);
            }
            ck_assert_double_lt(sum > 1.0 ? sum - 1.0 : 1.0 - sum, 1e-5);
        }
    }
    epi_free(&c);
}
END_TEST

static void gradcheck(int hops, int tied)
{
    epi_ctx_t c;
    epi_init(&c, hops, tied);
    float df[B * S * D] = {0}, dq[B * D] = {0};
    int P = tied ? 1 : hops;
    epi_loss(&c);
    epi_backward(df, dq, &c.dp, c.w, c.wg, c.cache, c.f, c.q, &c.p, &c.dm, B, S, c.scratch);
    for (int h = 0; h < P; h++) { /* one gate per hop (tied: one) */
        ck_assert_double_lt(gc_check(epi_loss, &c, c.p.gate[h].w1, c.dp.gate[h].w1, 4 * D * A,
                                     1000, GC_EPS), GC_TOL);
        ck_assert_double_lt(gc_check(epi_loss, &c, c.p.gate[h].b1, c.dp.gate[h].b1, A, 1000,
                                     GC_EPS), GC_TOL);
        ck_assert_double_lt(gc_check(epi_loss, &c, c.p.gate[h].w2, c.dp.gate[h].w2, A, 1000,
                                     GC_EPS), GC_TOL);
    }
    ck_assert_double_lt(gc_check(epi_loss, &c, c.p.wm, c.dp.wm, P * 3 * D * D, 1000, GC_EPS),
                        GC_TOL);
    ck_assert_double_lt(gc_check(epi_loss, &c, c.p.bm, c.dp.bm, P * D, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(epi_loss, &c, c.f, df, B * S * D, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(epi_loss, &c, c.q, dq, B * D, 1000, GC_EPS), GC_TOL);
    epi_free(&c);
}

START_TEST(test_epi_backward_matches_finite_differences)
{
    gradcheck(3, 0);
}
END_TEST

START_TEST(test_epi_tied_backward_matches_finite_differences)
{
    gradcheck(2, 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("episodic");
    TCase *tc = tcase_create("episodic");
    tcase_add_test(tc, test_epi_matches_reference_untied_and_tied);
    tcase_add_test(tc, test_epi_attention_sums_to_one_over_unmasked_slots);
    tcase_add_test(tc, test_epi_backward_matches_finite_differences);
    tcase_add_test(tc, test_epi_tied_backward_matches_finite_differences);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

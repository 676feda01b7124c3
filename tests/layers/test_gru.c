/* test_gru.c: the GRU cell and sequence: optimized kernels against the loop references,
 * backward against central finite differences (tolerance GC_TOL, gradcheck.h), and a
 * check that the gradient check itself fails on a wrong gradient. */
#include "model/layers.h"
#include "gradcheck.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

enum { B = 3, T = 4, IN = 5, H = 4 };

typedef struct seq_ctx {
    int reverse, use_mask;
    float *buf, *grad, *x, *h0, *mask, *w, *hs, *cache, *scratch;
    gru_params_t p, dp;
} seq_ctx_t;

static void seq_init(seq_ctx_t *c, int reverse, int use_mask)
{
    size_t np = gru_nparams(IN, H);
    gc_seed(7);
    c->reverse = reverse;
    c->use_mask = use_mask;
    c->buf = gc_alloc(np);
    c->grad = gc_alloc(np);
    gru_carve(&c->p, c->buf, IN, H);
    gru_carve(&c->dp, c->grad, IN, H);
    gc_fill(c->buf, np, 0.5f);
    c->x = gc_alloc(B * T * IN);
    gc_fill(c->x, B * T * IN, 1.0f);
    c->h0 = gc_alloc(B * H);
    gc_fill(c->h0, B * H, 0.5f);
    c->w = gc_alloc(B * T * H);
    gc_fill(c->w, B * T * H, 1.0f);
    c->mask = gc_alloc(B * T);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++)
            c->mask[b * T + t] = use_mask ? (t < T - b ? 1.0f : 0.0f) : 1.0f;
    c->hs = gc_alloc(B * T * H);
    c->cache = gc_alloc(B * T * 4 * H);
    c->scratch = gc_alloc(gru_seq_scratch(B, T, H));
}

static void seq_free(seq_ctx_t *c)
{
    free(c->buf); free(c->grad); free(c->x); free(c->h0); free(c->w); free(c->mask);
    free(c->hs); free(c->cache); free(c->scratch);
}

static double seq_loss(void *ctx)
{
    seq_ctx_t *c = ctx;
    gru_seq_forward(c->hs, c->cache, c->x, c->h0, c->use_mask ? c->mask : NULL, &c->p, B, T,
                    IN, H, c->reverse, c->scratch);
    return gc_dot(c->hs, c->w, B * T * H);
}

START_TEST(test_gru_cell_forward_matches_reference)
{
    seq_ctx_t c;
    seq_init(&c, 0, 0);
    float *h1 = gc_alloc(B * H), *h2 = gc_alloc(B * H);
    float *c1 = gc_alloc(B * 4 * H), *c2 = gc_alloc(B * 4 * H);
    float *scr = gc_alloc(gru_cell_scratch(B, H));
    gru_cell_forward(h1, c1, c.x, c.h0, &c.p, B, IN, H, scr);
    gru_cell_forward_ref(h2, c2, c.x, c.h0, &c.p, B, IN, H);
    ck_assert_double_lt(gc_maxdiff(h1, h2, B * H), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c1, c2, B * 4 * H), GC_REF_TOL);
    free(h1); free(h2); free(c1); free(c2); free(scr);
    seq_free(&c);
}
END_TEST

START_TEST(test_gru_cell_backward_matches_reference)
{
    seq_ctx_t c;
    seq_init(&c, 0, 0);
    size_t np = gru_nparams(IN, H);
    float *h = gc_alloc(B * H), *cache = gc_alloc(B * 4 * H);
    float *scr = gc_alloc(gru_cell_scratch(B, H));
    float *g2 = gc_alloc(np), *dx1 = gc_alloc(B * IN), *dx2 = gc_alloc(B * IN);
    float *dh1 = gc_alloc(B * H), *dh2 = gc_alloc(B * H);
    gru_params_t dp2;
    gru_carve(&dp2, g2, IN, H);
    gru_cell_forward(h, cache, c.x, c.h0, &c.p, B, IN, H, scr);
    gru_cell_backward(dx1, dh1, &c.dp, c.w, c.x, c.h0, cache, &c.p, B, IN, H, scr);
    gru_cell_backward_ref(dx2, dh2, &dp2, c.w, c.x, c.h0, cache, &c.p, B, IN, H);
    ck_assert_double_lt(gc_maxdiff(c.grad, g2, np), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dx1, dx2, B * IN), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dh1, dh2, B * H), GC_REF_TOL);
    free(h); free(cache); free(scr); free(g2); free(dx1); free(dx2); free(dh1); free(dh2);
    seq_free(&c);
}
END_TEST

typedef struct cell_ctx {
    seq_ctx_t *s;
    float *h, *cache, *scr;
} cell_ctx_t;

static double cell_loss(void *ctx)
{
    cell_ctx_t *c = ctx;
    gru_cell_forward(c->h, c->cache, c->s->x, c->s->h0, &c->s->p, B, IN, H, c->scr);
    return gc_dot(c->h, c->s->w, B * H);
}

START_TEST(test_gru_cell_backward_matches_finite_differences)
{
    seq_ctx_t s;
    seq_init(&s, 0, 0);
    cell_ctx_t c = {&s, gc_alloc(B * H), gc_alloc(B * 4 * H),
                    gc_alloc(gru_cell_scratch(B, H))};
    float *dx = gc_alloc(B * IN), *dh0 = gc_alloc(B * H);
    cell_loss(&c);
    gru_cell_backward(dx, dh0, &s.dp, s.w, s.x, s.h0, c.cache, &s.p, B, IN, H, c.scr);
    ck_assert_double_lt(gc_check(cell_loss, &c, s.buf, s.grad, gru_nparams(IN, H), 1000,
                                 GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(cell_loss, &c, s.x, dx, B * IN, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(cell_loss, &c, s.h0, dh0, B * H, 1000, GC_EPS), GC_TOL);
    free(c.h); free(c.cache); free(c.scr); free(dx); free(dh0);
    seq_free(&s);
}
END_TEST

static void seq_ref_compare(int reverse, int use_mask)
{
    seq_ctx_t c;
    seq_init(&c, reverse, use_mask);
    size_t np = gru_nparams(IN, H);
    const float *mask = use_mask ? c.mask : NULL;
    float *hs2 = gc_alloc(B * T * H), *cache2 = gc_alloc(B * T * 4 * H);
    float *g2 = gc_alloc(np), *dx1 = gc_alloc(B * T * IN), *dx2 = gc_alloc(B * T * IN);
    float *dh1 = gc_alloc(B * H), *dh2 = gc_alloc(B * H);
    gru_params_t dp2;
    gru_carve(&dp2, g2, IN, H);
    seq_loss(&c);
    gru_seq_forward_ref(hs2, cache2, c.x, c.h0, mask, &c.p, B, T, IN, H, reverse);
    ck_assert_double_lt(gc_maxdiff(c.hs, hs2, B * T * H), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.cache, cache2, B * T * 4 * H), GC_REF_TOL);
    gru_seq_backward(dx1, dh1, &c.dp, c.w, c.x, c.h0, mask, c.hs, c.cache, &c.p, B, T, IN, H,
                     reverse, c.scratch);
    gru_seq_backward_ref(dx2, dh2, &dp2, c.w, c.x, c.h0, mask, hs2, cache2, &c.p, B, T, IN, H,
                         reverse);
    ck_assert_double_lt(gc_maxdiff(c.grad, g2, np), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dx1, dx2, B * T * IN), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dh1, dh2, B * H), GC_REF_TOL);
    free(hs2); free(cache2); free(g2); free(dx1); free(dx2); free(dh1); free(dh2);
    seq_free(&c);
}

START_TEST(test_gru_seq_matches_reference_forward_and_backward)
{
    seq_ref_compare(0, 0);
}
END_TEST

START_TEST(test_gru_seq_reversed_and_masked_matches_reference)
{
    seq_ref_compare(1, 1);
    seq_ref_compare(0, 1);
}
END_TEST

static void seq_gradcheck(int reverse, int use_mask)
{
    seq_ctx_t c;
    seq_init(&c, reverse, use_mask);
    float *dx = gc_alloc(B * T * IN), *dh0 = gc_alloc(B * H);
    seq_loss(&c);
    gru_seq_backward(dx, dh0, &c.dp, c.w, c.x, c.h0, use_mask ? c.mask : NULL, c.hs, c.cache,
                     &c.p, B, T, IN, H, reverse, c.scratch);
    ck_assert_double_lt(gc_check(seq_loss, &c, c.p.wx, c.dp.wx, IN * 3 * H, 1000, GC_EPS),
                        GC_TOL);
    ck_assert_double_lt(gc_check(seq_loss, &c, c.p.uh, c.dp.uh, H * 3 * H, 1000, GC_EPS),
                        GC_TOL);
    ck_assert_double_lt(gc_check(seq_loss, &c, c.p.b, c.dp.b, 3 * H, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(seq_loss, &c, c.x, dx, B * T * IN, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(seq_loss, &c, c.h0, dh0, B * H, 1000, GC_EPS), GC_TOL);
    free(dx); free(dh0);
    seq_free(&c);
}

START_TEST(test_gru_seq_backward_matches_finite_differences)
{
    seq_gradcheck(0, 0);
}
END_TEST

START_TEST(test_gru_seq_reversed_masked_backward_matches_finite_differences)
{
    seq_gradcheck(1, 1);
}
END_TEST

/* The check must be able to fail: a recurrent-weight gradient 5% too large, or one that
 * forgets the reset gate's path, is caught. */
START_TEST(test_gradcheck_detects_a_wrong_gradient)
{
    seq_ctx_t c;
    seq_init(&c, 0, 0);
    seq_loss(&c);
    gru_seq_backward(NULL, NULL, &c.dp, c.w, c.x, c.h0, NULL, c.hs, c.cache, &c.p, B, T, IN, H,
                     0, c.scratch);
    ck_assert_double_lt(gc_check(seq_loss, &c, c.p.uh, c.dp.uh, H * 3 * H, 1000, GC_EPS),
                        GC_TOL);
    for (int i = 0; i < H * 3 * H; i++)
        c.dp.uh[i] *= 1.05f;
    ck_assert_double_gt(gc_check(seq_loss, &c, c.p.uh, c.dp.uh, H * 3 * H, 1000, GC_EPS),
                        GC_TOL);
    for (int i = 0; i < H * 3 * H; i++)
        c.dp.uh[i] /= 1.05f;
    for (int i = 0; i < H; i++) /* drop the reset-gate column block of one row */
        c.dp.uh[i] = 0.0f;
    ck_assert_double_gt(gc_check(seq_loss, &c, c.p.uh, c.dp.uh, H * 3 * H, 1000, GC_EPS),
                        GC_TOL);
    seq_free(&c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gru");
    TCase *tc = tcase_create("gru");
    tcase_add_test(tc, test_gru_cell_forward_matches_reference);
    tcase_add_test(tc, test_gru_cell_backward_matches_reference);
    tcase_add_test(tc, test_gru_cell_backward_matches_finite_differences);
    tcase_add_test(tc, test_gru_seq_matches_reference_forward_and_backward);
    tcase_add_test(tc, test_gru_seq_reversed_and_masked_matches_reference);
    tcase_add_test(tc, test_gru_seq_backward_matches_finite_differences);
    tcase_add_test(tc, test_gru_seq_reversed_masked_backward_matches_finite_differences);
    tcase_add_test(tc, test_gradcheck_detects_a_wrong_gradient);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

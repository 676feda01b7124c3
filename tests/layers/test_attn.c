/* test_attn.c: scaled dot-product attention, the pointer over slot tokens, the DMN+ gate
 * and the weighted-sum read:
 * optimized kernels against the loop references, backward against central finite
 * differences (tolerance GC_TOL in gradcheck.h), masked slots getting no weight. */
#include "model/layers.h"
#include "gradcheck.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>

enum { B = 2, TQ = 3, S = 5, D = 4, DV = 3, A = 6 };

static void fill_mask(float *mask)
{
    for (int b = 0; b < B; b++)
        for (int s = 0; s < S; s++)
            mask[b * S + s] = (b == 1 && s >= S - 2) ? 0.0f : 1.0f;
}

/* ---- dot-product attention ---- */

typedef struct dot_ctx {
    float q[B * TQ * D], k[B * S * D], v[B * S * DV], mask[B * S];
    float wo[B * TQ * DV], wa[B * TQ * S], out[B * TQ * DV], a[B * TQ * S];
} dot_ctx_t;

static void dot_init(dot_ctx_t *c)
{
    gc_seed(11);
    gc_fill(c->q, B * TQ * D, 1.0f);
    gc_fill(c->k, B * S * D, 1.0f);
    gc_fill(c->v, B * S * DV, 1.0f);
    gc_fill(c->wo, B * TQ * DV, 1.0f);
    gc_fill(c->wa, B * TQ * S, 1.0f);
    fill_mask(c->mask);
}

static double dot_loss(void *ctx)
{
    dot_ctx_t *c = ctx;
    attn_dot_forward(c->out, c->a, c->q, c->k, c->v, c->mask, B, TQ, S, D, DV);
    return gc_dot(c->out, c->wo, B * TQ * DV) + gc_dot(c->a, c->wa, B * TQ * S);
}

START_TEST(test_attn_dot_matches_reference)
{
    dot_ctx_t c;
    dot_init(&c);
    float out2[B * TQ * DV], a2[B * TQ * S], scr[2 * TQ * S];
    float dq1[B * TQ * D] = {0}, dk1[B * S * D] = {0}, dv1[B * S * DV] = {0};
    float dq2[B * TQ * D] = {0}, dk2[B * S * D] = {0}, dv2[B * S * DV] = {0};
    dot_loss(&c);
    attn_dot_forward_ref(out2, a2, c.q, c.k, c.v, c.mask, B, TQ, S, D, DV);
    ck_assert_double_lt(gc_maxdiff(c.out, out2, B * TQ * DV), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.a, a2, B * TQ * S), GC_REF_TOL);
    attn_dot_backward(dq1, dk1, dv1, c.wo, c.wa, c.a, c.q, c.k, c.v, B, TQ, S, D, DV, scr);
    attn_dot_backward_ref(dq2, dk2, dv2, c.wo, c.wa, c.a, c.q, c.k, c.v, B, TQ, S, D, DV);
    ck_assert_double_lt(gc_maxdiff(dq1, dq2, B * TQ * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dk1, dk2, B * S * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dv1, dv2, B * S * DV), GC_REF_TOL);
}
END_TEST

START_TEST(test_attn_dot_masked_slots_get_no_weight)
{
    dot_ctx_t c;
    dot_init(&c);
    dot_loss(&c);
    for (int t = 0; t < TQ; t++) {
        double sum = 0.0;
        for (int s = 0; s < S; s++)
            sum += c.a[(1 * TQ + t) * S + s];
        ck_assert_float_eq(c.a[(1 * TQ + t) * S + S - 1], 0.0f);
        ck_assert_float_eq(c.a[(1 * TQ + t) * S + S - 2], 0.0f);
        ck_assert_double_lt(sum - 1.0 < 0 ? 1.0 - sum : sum - 1.0, 1e-5);
    }
}
END_TEST

START_TEST(test_attn_dot_backward_matches_finite_differences)
{
    dot_ctx_t c;
    dot_init(&c);
    float scr[2 * TQ * S];
    float dq[B * TQ * D] = {0}, dk[B * S * D] = {0}, dv[B * S * DV] = {0};
    dot_loss(&c);
    attn_dot_backward(dq, dk, dv, c.wo, c.wa, c.a, c.q, c.k, c.v, B, TQ, S, D, DV, scr);
    ck_assert_double_lt(gc_check(dot_loss, &c, c.q, dq, B * TQ * D, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(dot_loss, &c, c.k, dk, B * S * D, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(dot_loss, &c, c.v, dv, B * S * DV, 1000, GC_EPS), GC_TOL);
}
END_TEST

/* ---- pointer attention over the tokens of attended slots ---- */

enum { PS = 3, PJ = 3, PL = PS * PJ };

typedef struct ptr_ctx {
    float q[B * TQ * D], k[B * PL * D], kmask[B * PL], g[B * PS];
    float wo[B * TQ * D], wa[B * TQ * PL], out[B * TQ * D], a[B * TQ * PL], w[B * TQ * PL];
} ptr_ctx_t;

static void ptr_init(ptr_ctx_t *c)
{
    gc_seed(13);
    gc_fill(c->q, B * TQ * D, 1.0f);
    gc_fill(c->k, B * PL * D, 1.0f);
    gc_fill(c->wo, B * TQ * D, 1.0f);
    gc_fill(c->wa, B * TQ * PL, 1.0f);
    /* example 0: slot 1 has one token; example 1: slot 2 is empty */
    static const float km[B * PL] = {1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0};
    static const float g[B * PS] = {0.2f, 0.5f, 0.3f, 0.6f, 0.4f, 0.0f};
    for (int i = 0; i < B * PL; i++)
        c->kmask[i] = km[i];
    for (int i = 0; i < B * PS; i++)
        c->g[i] = g[i];
}

static double ptr_loss(void *ctx)
{
    ptr_ctx_t *c = ctx;
    attn_ptr_forward(c->out, c->a, c->w, c->q, c->k, c->kmask, c->g, B, TQ, PS, PJ, D);
    return gc_dot(c->out, c->wo, B * TQ * D) + gc_dot(c->a, c->wa, B * TQ * PL);
}

START_TEST(test_attn_ptr_matches_reference)
{
    ptr_ctx_t c;
    ptr_init(&c);
    float out2[B * TQ * D], a2[B * TQ * PL], w2[B * TQ * PL], scr[2 * TQ * PL];
    float dq1[B * TQ * D] = {0}, dk1[B * PL * D] = {0}, dg1[B * PS] = {0};
    float dq2[B * TQ * D] = {0}, dk2[B * PL * D] = {0}, dg2[B * PS] = {0};
    ptr_loss(&c);
    attn_ptr_forward_ref(out2, a2, w2, c.q, c.k, c.kmask, c.g, B, TQ, PS, PJ, D);
    ck_assert_double_lt(gc_maxdiff(c.out, out2, B * TQ * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.a, a2, B * TQ * PL), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.w, w2, B * TQ * PL), GC_REF_TOL);
    attn_ptr_backward(dq1, dk1, dg1, c.wo, c.wa, c.a, c.w, c.q, c.k, c.g, B, TQ, PS, PJ, D,
                      scr);
    attn_ptr_backward_ref(dq2, dk2, dg2, c.wo, c.wa, c.a, c.w, c.q, c.k, c.g, B, TQ, PS, PJ,
                          D);
    ck_assert_double_lt(gc_maxdiff(dq1, dq2, B * TQ * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dk1, dk2, B * PL * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dg1, dg2, B * PS), GC_REF_TOL);
}
END_TEST

/* Each slot's tokens share its weight g_s: a sums to g_s over a non-empty slot, masked
 * tokens and empty slots get nothing. */
START_TEST(test_attn_ptr_slot_mass_is_the_slot_weight)
{
    ptr_ctx_t c;
    ptr_init(&c);
    ptr_loss(&c);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < TQ; t++)
            for (int s = 0; s < PS; s++) {
                double sum = 0.0;
                int any = 0;
                for (int j = 0; j < PJ; j++) {
                    int l = s * PJ + j;
                    float a = c.a[(b * TQ + t) * PL + l];
                    if (c.kmask[b * PL + l] == 0.0f)
                        ck_assert_float_eq(a, 0.0f);
                    any |= c.kmask[b * PL + l] != 0.0f;
                    sum += a;
                }
                ck_assert_double_lt(fabs(sum - (any ? c.g[b * PS + s] : 0.0)), 1e-6);
            }
}
END_TEST

START_TEST(test_attn_ptr_backward_matches_finite_differences)
{
    ptr_ctx_t c;
    ptr_init(&c);
    float scr[2 * TQ * PL];
    float dq[B * TQ * D] = {0}, dk[B * PL * D] = {0}, dg[B * PS] = {0};
    ptr_loss(&c);
    attn_ptr_backward(dq, dk, dg, c.wo, c.wa, c.a, c.w, c.q, c.k, c.g, B, TQ, PS, PJ, D, scr);
    ck_assert_double_lt(gc_check(ptr_loss, &c, c.q, dq, B * TQ * D, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(ptr_loss, &c, c.k, dk, B * PL * D, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(ptr_loss, &c, c.g, dg, B * PS, 1000, GC_EPS), GC_TOL);
    /* and the check fails when the slot-weight gradient is off by 10% */
    for (int i = 0; i < B * PS; i++)
        dg[i] *= 1.1f;
    ck_assert_double_gt(gc_check(ptr_loss, &c, c.g, dg, B * PS, 1000, GC_EPS), GC_TOL);
}
END_TEST

/* ---- DMN+ gate ---- */

typedef struct gate_ctx {
    float f[B * S * D], q[B * D], m[B * D], mask[B * S], w[B * S], g[B * S];
    float *buf, *grad, *cache;
    attn_gate_params_t p, dp;
} gate_ctx_t;

static void gate_init(gate_ctx_t *c)
{
    size_t np = attn_gate_nparams(D, A);
    gc_seed(12);
    c->buf = gc_alloc(np);
    c->grad = gc_alloc(np);
    c->cache = gc_alloc(attn_gate_cache(B, S, D, A));
    attn_gate_carve(&c->p, c->buf, D, A);
    attn_gate_carve(&c->dp, c->grad, D, A);
    gc_fill(c->buf, np, 0.5f);
    gc_fill(c->f, B * S * D, 1.0f);
    gc_fill(c->q, B * D, 1.0f);
    gc_fill(c->m, B * D, 1.0f);
    gc_fill(c->w, B * S, 1.0f);
    fill_mask(c->mask);
}

static void gate_free(gate_ctx_t *c)
{
    free(c->buf);
    free(c->grad);
    free(c->cache);
}

static double gate_loss(void *ctx)
{
    gate_ctx_t *c = ctx;
    attn_gate_forward(c->g, c->cache, c->f, c->q, c->m, c->mask, &c->p, B, S, D, A);
    return gc_dot(c->g, c->w, B * S);
}

START_TEST(test_attn_gate_matches_reference)
{
    gate_ctx_t c;
    gate_init(&c);
    size_t np = attn_gate_nparams(D, A), nc = attn_gate_cache(B, S, D, A);
    float g2[B * S], *cache2 = gc_alloc(nc), *grad2 = gc_alloc(np);
    float *scr = gc_alloc(attn_gate_scratch(B, S, D, A));
    float df1[B * S * D] = {0}, dq1[B * D] = {0}, dm1[B * D] = {0};
    float df2[B * S * D] = {0}, dq2[B * D] = {0}, dm2[B * D] = {0};
    attn_gate_params_t dp2;
    attn_gate_carve(&dp2, grad2, D, A);
    gate_loss(&c);
    attn_gate_forward_ref(g2, cache2, c.f, c.q, c.m, c.mask, &c.p, B, S, D, A);
    ck_assert_double_lt(gc_maxdiff(c.g, g2, B * S), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.cache, cache2, nc), GC_REF_TOL);
    attn_gate_backward(df1, dq1, dm1, &c.dp, c.w, c.g, c.cache, c.f, c.q, c.m, &c.p, B, S, D,
                       A, scr);
    attn_gate_backward_ref(df2, dq2, dm2, &dp2, c.w, c.g, c.cache, c.f, c.q, c.m, &c.p, B, S,
                           D, A);
    ck_assert_double_lt(gc_maxdiff(c.grad, grad2, np), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(df1, df2, B * S * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dq1, dq2, B * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dm1, dm2, B * D), GC_REF_TOL);
    free(cache2); free(grad2); free(scr);
    gate_free(&c);
}
END_TEST

START_TEST(test_attn_gate_backward_matches_finite_differences)
{
    gate_ctx_t c;
    gate_init(&c);
    float *scr = gc_alloc(attn_gate_scratch(B, S, D, A));
    float df[B * S * D] = {0}, dq[B * D] = {0}, dm[B * D] = {0};
    gate_loss(&c);
    attn_gate_backward(df, dq, dm, &c.dp, c.w, c.g, c.cache, c.f, c.q, c.m, &c.p, B, S, D, A,
                       scr);
    ck_assert_double_lt(gc_check(gate_loss, &c, c.p.w1, c.dp.w1, 4 * D * A, 1000, GC_EPS),
                        GC_TOL);
    ck_assert_double_lt(gc_check(gate_loss, &c, c.p.b1, c.dp.b1, A, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(gate_loss, &c, c.p.w2, c.dp.w2, A, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(gate_loss, &c, c.f, df, B * S * D, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(gate_loss, &c, c.q, dq, B * D, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(gate_loss, &c, c.m, dm, B * D, 1000, GC_EPS), GC_TOL);
    free(scr);
    gate_free(&c);
}
END_TEST

/* ---- weighted-sum read ---- */

typedef struct wsum_ctx {
    float g[B * S], f[B * S * D], w[B * D], c[B * D];
} wsum_ctx_t;

static double wsum_loss(void *ctx)
{
    wsum_ctx_t *c = ctx;
    attn_wsum_forward(c->c, c->g, c->f, B, S, D);
    return gc_dot(c->c, c->w, B * D);
}

START_TEST(test_attn_wsum_matches_reference_and_finite_differences)
{
    wsum_ctx_t c;
    gc_seed(13);
    gc_fill(c.g, B * S, 1.0f);
    gc_fill(c.f, B * S * D, 1.0f);
    gc_fill(c.w, B * D, 1.0f);
    float c2[B * D], dg1[B * S] = {0}, df1[B * S * D] = {0}, dg2[B * S] = {0},
                     df2[B * S * D] = {0};
    wsum_loss(&c);
    attn_wsum_forward_ref(c2, c.g, c.f, B, S, D);
    ck_assert_double_lt(gc_maxdiff(c.c, c2, B * D), GC_REF_TOL);
    attn_wsum_backward(dg1, df1, c.w, c.g, c.f, B, S, D);
    attn_wsum_backward_ref(dg2, df2, c.w, c.g, c.f, B, S, D);
    ck_assert_double_lt(gc_maxdiff(dg1, dg2, B * S), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(df1, df2, B * S * D), GC_REF_TOL);
    ck_assert_double_lt(gc_check(wsum_loss, &c, c.g, dg1, B * S, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(wsum_loss, &c, c.f, df1, B * S * D, 1000, GC_EPS), GC_TOL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("attn");
    TCase *tc = tcase_create("attn");
    tcase_add_test(tc, test_attn_dot_matches_reference);
    tcase_add_test(tc, test_attn_dot_masked_slots_get_no_weight);
    tcase_add_test(tc, test_attn_dot_backward_matches_finite_differences);
    tcase_add_test(tc, test_attn_ptr_matches_reference);
    tcase_add_test(tc, test_attn_ptr_slot_mass_is_the_slot_weight);
    tcase_add_test(tc, test_attn_ptr_backward_matches_finite_differences);
    tcase_add_test(tc, test_attn_gate_matches_reference);
    tcase_add_test(tc, test_attn_gate_backward_matches_finite_differences);
    tcase_add_test(tc, test_attn_wsum_matches_reference_and_finite_differences);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

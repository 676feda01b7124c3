/* test_adam.c: Adam with global-norm clipping: the optimized update against the double
 * reference, clipping to the bound, and minimizing a quadratic. */
#include "model/layers.h"
#include "gradcheck.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { N = 1000 };

START_TEST(test_adam_matches_reference_over_steps)
{
    static float p1[N], p2[N], g1[N], g2[N], m1[N], m2[N], v1[N], v2[N];
    adam_cfg_t cfg = {.lr = 1e-2f, .beta1 = 0.9f, .beta2 = 0.999f, .eps = 1e-8f,
                      .weight_decay = 1e-4f, .clip = 5.0f};
    gc_seed(51);
    gc_fill(p1, N, 1.0f);
    memcpy(p2, p1, sizeof p1);
    for (int t = 1; t <= 5; t++) {
        gc_fill(g1, N, 0.5f);
        memcpy(g2, g1, sizeof g1);
        double n1 = adam_update(p1, g1, m1, v1, N, &cfg, t);
        double n2 = adam_update_ref(p2, g2, m2, v2, N, &cfg, t);
        ck_assert_double_lt(fabs(n1 - n2), 1e-6 * n2);
    }
    ck_assert_double_lt(gc_maxdiff(p1, p2, N), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(m1, m2, N), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(v1, v2, N), GC_REF_TOL);
}
END_TEST

START_TEST(test_adam_clip_bounds_the_global_norm)
{
    static float g[N];
    gc_seed(52);
    gc_fill(g, N, 1.0f);
    double before = adam_clip(g, N, 2.0f);
    ck_assert_double_gt(before, 2.0);
    ck_assert_double_lt(fabs(adam_grad_norm(g, N) - 2.0), 1e-4);
    double again = adam_clip(g, N, 10.0f); /* under the bound: untouched */
    ck_assert_double_lt(fabs(again - 2.0), 1e-4);
    ck_assert_double_lt(fabs(adam_grad_norm(g, N) - 2.0), 1e-4);
}
END_TEST

START_TEST(test_adam_minimizes_a_quadratic)
{
    /* f = sum (p - c)^2 / 2, gradient p - c */
    float p[8] = {0}, g[8], m[8] = {0}, v[8] = {0}, c[8];
    adam_cfg_t cfg = {.lr = 0.05f, .beta1 = 0.9f, .beta2 = 0.999f, .eps = 1e-8f,
                      .weight_decay = 0.0f, .clip = 1.0f};
    gc_seed(53);
    gc_fill(c, 8, 2.0f);
    for (int t = 1; t <= 2000; t++) {
        for (int i = 0; i < 8; i++)
            g[i] = p[i] - c[i];
        adam_update(p, g, m, v, 8, &cfg, t);
    }
    for (int i = 0; i < 8; i++)
        ck_assert_float_eq_tol(p[i], c[i], 1e-2f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("adam");
    TCase *tc = tcase_create("adam");
    tcase_add_test(tc, test_adam_matches_reference_over_steps);
    tcase_add_test(tc, test_adam_clip_bounds_the_global_norm);
    tcase_add_test(tc, test_adam_minimizes_a_quadratic);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

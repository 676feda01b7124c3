/* test_act.c: act_tanh (model/act.h). The fast form against tanh in double over every
 * 97th float from 0 to the largest finite one and their negatives (within 2e-7 absolute,
 * 2e-6 relative), its special values, and the switch: off is tanhf bit for bit, on is
 * the fast form. */
#include "model/act.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

static float from_bits(uint32_t u)
{
    float x;
    memcpy(&x, &u, sizeof x);
    return x;
}

START_TEST(fast_is_close)
{
    double worst_abs = 0.0, worst_rel = 0.0;
    for (uint32_t u = 0; u < 0x7f800000u; u += 97)
        for (int sign = 0; sign < 2; sign++) {
            float x = sign ? -from_bits(u) : from_bits(u);
            double want = tanh((double)x), got = act_tanh_fast(x);
            double d = fabs(got - want);
            if (d > worst_abs)
                worst_abs = d;
            if (want != 0.0 && d / fabs(want) > worst_rel)
                worst_rel = d / fabs(want);
        }
    ck_assert_double_le(worst_abs, 2e-7);
    ck_assert_double_le(worst_rel, 2e-6);
}
END_TEST

START_TEST(fast_special_values)
{
    ck_assert(isnan(act_tanh_fast(NAN)));
    ck_assert_float_eq(act_tanh_fast(INFINITY), 1.0f);
    ck_assert_float_eq(act_tanh_fast(-INFINITY), -1.0f);
    ck_assert_float_eq(act_tanh_fast(100.0f), 1.0f);
    ck_assert(signbit(act_tanh_fast(-0.0f)));
    ck_assert_float_eq(act_tanh_fast(0.0f), 0.0f);
    ck_assert_float_eq(act_tanh_fast(-3.0f), -act_tanh_fast(3.0f));
}
END_TEST

START_TEST(switch_chooses)
{
    const float xs[] = {-9.5f, -1.25f, -0.07f, -0.01f, 0.0f, 0.03f, 0.5f, 2.0f, 17.0f};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        act_fast_tanh(0);
        float exact = act_tanh(xs[i]);
        act_fast_tanh(1);
        float quick = act_tanh(xs[i]);
        ck_assert(memcmp(&exact, &(float){tanhf(xs[i])}, sizeof exact) == 0);
        ck_assert(memcmp(&quick, &(float){act_tanh_fast(xs[i])}, sizeof quick) == 0);
    }
    act_fast_tanh(0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("act");
    TCase *tc = tcase_create("tanh");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, fast_is_close);
    tcase_add_test(tc, fast_special_values);
    tcase_add_test(tc, switch_chooses);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}

/* test_encoder.c: the encoder id written with every memory vector. The lexical weight
 * is part of the vector, so it is always part of the id: two weightings never share an
 * id (before, the weight was left out at the compiled default, so vectors of 0.5 and of
 * 0.9 carried the same id and were never re-encoded), and an id without it, as older
 * databases hold, matches nothing written now. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "agent/agent_internal.h"
#include "model/lexical.h"

START_TEST(test_the_weight_is_always_in_the_id)
{
    char id[64];
    agent_encoder_id(id, sizeof id, "0badcafe", AGENT_LEXICAL_WEIGHT);
    ck_assert_str_eq(id, LEX_ENCODER_ID "+0badcafe/w=0.9");
    agent_encoder_id(id, sizeof id, "0badcafe", 0.5);
    ck_assert_str_eq(id, LEX_ENCODER_ID "+0badcafe/w=0.5");
}
END_TEST

START_TEST(test_two_weightings_never_share_an_id)
{
    char a[64], b[64];
    agent_encoder_id(a, sizeof a, "0badcafe", 0.5);
    agent_encoder_id(b, sizeof b, "0badcafe", 0.9);
    ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(test_a_bare_id_of_older_databases_is_stale_at_every_weight)
{
    const char *bare = LEX_ENCODER_ID "+0badcafe";   /* as written before the rule */
    static const double w[] = {0, 0.5, 0.9, 1};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
        char id[64];
        agent_encoder_id(id, sizeof id, "0badcafe", w[i]);
        ck_assert_str_ne(id, bare);
    }
}
END_TEST

START_TEST(test_without_a_model_the_id_is_the_sketchs)
{
    char id[64];
    agent_encoder_id(id, sizeof id, NULL, 0.3);
    ck_assert_str_eq(id, LEX_ENCODER_ID);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("encoder");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_the_weight_is_always_in_the_id);
    tcase_add_test(tc, test_two_weightings_never_share_an_id);
    tcase_add_test(tc, test_a_bare_id_of_older_databases_is_stale_at_every_weight);
    tcase_add_test(tc, test_without_a_model_the_id_is_the_sketchs);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

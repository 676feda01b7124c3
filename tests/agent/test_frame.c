/* test_frame.c: a statement's write decisions (agent/frame.h) as tables: which earlier
 * statement a new one replaces (same frame, one or two content words changed), which
 * memory it repeats (cosine from the duplicate threshold, or the same text), and that a
 * repeated memory is never also superseded. No store and no model. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agent/frame.h"

static void content_of(const char *text, tok_list_t *out)
{
    tok_list_t all = {0};
    char err[64];
    ck_assert_int_eq(tok_split(text, strlen(text), &all, err, sizeof err), TOK_OK);
    ck_assert_int_eq(frame_content(&all, out), 0);
    tok_list_free(&all);
}

static const struct {
    const char *old, *next;
    int replaces;
} replace_rows[] = {
    {"My dog is called Rex.", "My dog is called Max.", 1},
    {"I live in Lyon.", "I live in Turin.", 1},
    {"my sister works as a nurse", "My sister works as a pilot.", 1},
    {"Our cat's name is Pixel", "our cat's name is Byte", 1},
    {"My dog is called Rex.", "My cat is called Tom.", 0},        /* only "called" shared */
    {"My dog is called Rex.", "My dog is called Rex.", 0},        /* nothing changed */
    {"I live in Lyon.", "I like green tea.", 0},                   /* nothing shared */
    {"My favourite colour is teal.", "My favourite colour is deep sea teal blue.", 0},
    {"I was born in Porto.", "My brother was born in Porto.", 0}, /* nothing lost */
    {"我的猫叫小白", "我的猫叫小黑", 1},
    {"", "I live in Turin.", 0},
};

START_TEST(test_a_statement_replaces_what_shares_its_frame)
{
    for (size_t i = 0; i < sizeof replace_rows / sizeof replace_rows[0]; i++) {
        tok_list_t o = {0}, n = {0};
        content_of(replace_rows[i].old, &o);
        content_of(replace_rows[i].next, &n);
        ck_assert_msg(frame_replaces(&n, &o) == replace_rows[i].replaces,
                      "'%s' -> '%s': expected %d", replace_rows[i].old, replace_rows[i].next,
                      replace_rows[i].replaces);
        tok_list_free(&o);
        tok_list_free(&n);
    }
}
END_TEST

START_TEST(test_content_words_are_distinct_and_skip_function_words)
{
    tok_list_t c = {0};
    content_of("My dog, my DOG is called Rex", &c);
    ck_assert_int_eq(c.n, 3);
    ck_assert_str_eq(c.v[0], "dog");
    ck_assert_str_eq(c.v[1], "called");
    ck_assert_str_eq(c.v[2], "rex");
    tok_list_free(&c);
    content_of("is it the?", &c);
    ck_assert_int_eq(c.n, 0);
    tok_list_free(&c);
}
END_TEST

/* Plans "My dog is called Max." against the rows' candidates. */
static frame_plan_t plan_of(const char *msg, const frame_candidate_t *c, int n)
{
    tok_list_t content = {0};
    frame_plan_t p;
    content_of(msg, &content);
    ck_assert_int_eq(frame_plan(msg, &content, c, n, 0.92, &p), 0);
    tok_list_free(&content);
    return p;
}

START_TEST(test_a_near_duplicate_updates_the_closest_memory)
{
    frame_candidate_t c[] = {{10, "My dog is named Max.", 0.95f},
                             {11, "My dog is called Max!!", 0.97f},
                             {12, "I live in Lyon.", 0.10f}};
    frame_plan_t p = plan_of("My dog is called Max.", c, 3);
    ck_assert_int_eq(p.update_id, 11);
    ck_assert_int_eq(p.touch_only, 0);
    frame_plan_free(&p);
}
END_TEST

START_TEST(test_below_the_threshold_a_statement_is_new)
{
    frame_candidate_t c[] = {{10, "My cat is called Tom.", 0.91f}};
    frame_plan_t p = plan_of("My dog is called Max.", c, 1);
    ck_assert_int_eq(p.update_id, 0);
    ck_assert_int_eq(p.nsupersede, 0);
    frame_plan_free(&p);
}
END_TEST

START_TEST(test_the_same_text_only_touches_whatever_its_cosine)
{
    frame_candidate_t c[] = {{7, "My dog is called Max.", 0.5f}, {8, "Max is my dog", 0.99f}};
    frame_plan_t p = plan_of("My dog is called Max.", c, 2);
    ck_assert_int_eq(p.update_id, 7);
    ck_assert_int_eq(p.touch_only, 1);
    frame_plan_free(&p);
}
END_TEST

START_TEST(test_a_new_value_supersedes_the_old_and_never_the_updated_one)
{
    frame_candidate_t c[] = {{20, "My dog is called Rex.", 0.80f},
                             {21, "My dog is called Bo.", 0.93f},
                             {22, "My cat is called Tom.", 0.60f}};
    frame_plan_t p = plan_of("My dog is called Max.", c, 3);
    ck_assert_int_eq(p.update_id, 21);          /* close enough to be the same memory */
    ck_assert_int_eq(p.nsupersede, 1);
    ck_assert_int_eq(p.supersede[0], 20);       /* Rex goes; Tom the cat stays */
    frame_plan_free(&p);
}
END_TEST

START_TEST(test_no_candidates_plan_a_new_memory)
{
    frame_plan_t p = plan_of("I live in Turin.", NULL, 0);
    ck_assert_int_eq(p.update_id, 0);
    ck_assert_int_eq(p.nsupersede, 0);
    frame_plan_free(&p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("frame");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_a_statement_replaces_what_shares_its_frame);
    tcase_add_test(tc, test_content_words_are_distinct_and_skip_function_words);
    tcase_add_test(tc, test_a_near_duplicate_updates_the_closest_memory);
    tcase_add_test(tc, test_below_the_threshold_a_statement_is_new);
    tcase_add_test(tc, test_the_same_text_only_touches_whatever_its_cosine);
    tcase_add_test(tc, test_a_new_value_supersedes_the_old_and_never_the_updated_one);
    tcase_add_test(tc, test_no_candidates_plan_a_new_memory);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

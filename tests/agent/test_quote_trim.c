/* test_quote_trim.c: a quoted sentence without what it says was left behind
 * (agent/quote_trim.h), as a table of sentence and what a quote of it says ("" when it
 * stays whole), and the questions that ask what was. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/quote_trim.h"

static const struct {
    const char *sentence, *quote;
} rows[] = {
    /* a part that leaves something goes; the part that tells the new stays */
    {"we're skipping Ghent, we ride to Bruges instead", "we ride to Bruges instead"},
    {"not at Tesco anymore, I joined Lidl in March", "I joined Lidl in March"},
    {"I joined Lidl, no longer at Tesco", "I joined Lidl"},
    {"my Brompton got stolen at the station anyway I ride my sister's Raleigh now",
     "I ride my sister's Raleigh now"},
    {"quit the bakery job!! got work at a florist on Dale St, less flour everywhere",
     "got work at a florist on Dale St, less flour everywhere"},
    {"ok so we sold the old Fiesta last week and bought a tiny Kia Picanto instead. Mum's idea.",
     "bought a tiny Kia Picanto instead. Mum's idea."},
    {"Mr Abbot is retiring, so Ms Yeo is officially my tutor now",
     "Ms Yeo is officially my tutor now"},
    {"news: Dr. Abbot is retiring, so Dr. Yeo is my tutor now", "Dr. Yeo is my tutor now"},
    {"boss says I can't take leave in July, too busy, so I go in September instead",
     "too busy, so I go in September instead"},
    /* within a part: "not X" after the new, "from X" before "to Y" */
    {"shifts changed, i'm in on weekends now not weekdays", "shifts changed, i'm in on weekends now"},
    {"oops, I meant 2:05 not 2:15, checked my watch", "oops, I meant 2:05, checked my watch"},
    {"change of plans, the fair is not in june anymore, they pushed it to july",
     "change of plans, they pushed it to july"},
    {"update: switched from oat milk to soy milk, easier on my gut",
     "update: switched to soy milk, easier on my gut"},
    {"I can’t stand the gym anymore – swimming now, 3 times a week", "swimming now, 3 times a week"},
    {"got it! I start at the clinic in Łódź. No more night shifts",
     "got it! I start at the clinic in Łódź"},
    {"got it! I start at the clinic in Kraków. No more night shifts",
     "got it! I start at the clinic in Kraków"},
    {"done with the choir, and I've moved on to pottery instead of singing, my voice is tired",
     "done with the choir, and I've moved on to pottery, my voice is tired"},
    {"we changed our mind about the kayak; a canoe for us now", "a canoe for us now"},
    {"switched to the train rather than the ferry", "switched to the train"},
    /* nothing left behind, or nothing new told: the sentence stays whole */
    {"we ride to Bruges next month", ""},
    {"I don't eat pork", ""},
    {"I'm not a fan of the heat, but Lisbon is lovely", ""},
    {"sold the caravan last year", ""},
    {"not anymore", ""},
    {"", ""},
};

START_TEST(test_a_quote_says_what_holds_now)
{
    char out[256];
    const char *s = rows[_i].sentence;
    int got = quote_trim(s, strlen(s), out, sizeof out);
    ck_assert_msg(got == (rows[_i].quote[0] != '\0') && !strcmp(out, rows[_i].quote),
                  "'%s': '%s', want '%s'", s, out, rows[_i].quote);
}
END_TEST

START_TEST(test_questions_of_what_was)
{
    ck_assert_int_eq(quote_trim_asks_past("what did I use to drive?"), 1);
    ck_assert_int_eq(quote_trim_asks_past("where did I live before"), 1);
    ck_assert_int_eq(quote_trim_asks_past("what was my old job?"), 1);
    ck_assert_int_eq(quote_trim_asks_past("where am I originally from"), 1);
    ck_assert_int_eq(quote_trim_asks_past("what car do I drive now?"), 0);
    ck_assert_int_eq(quote_trim_asks_past("where did I say I work"), 0);
    ck_assert_int_eq(quote_trim_asks_past(""), 0);
}
END_TEST

START_TEST(test_a_quote_is_cut_to_its_room)
{
    char out[12] = "x";
    const char *s = "not at Tesco anymore, I joined Lidl";
    ck_assert_int_eq(quote_trim(s, strlen(s), out, sizeof out), 1);
    ck_assert_str_eq(out, "I joined Li");
    ck_assert_int_eq(quote_trim(s, strlen(s), NULL, 0), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("quote_trim");
    TCase *tc = tcase_create("quote_trim");
    tcase_add_loop_test(tc, test_a_quote_says_what_holds_now, 0,
                        (int)(sizeof rows / sizeof rows[0]));
    tcase_add_test(tc, test_questions_of_what_was);
    tcase_add_test(tc, test_a_quote_is_cut_to_its_room);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

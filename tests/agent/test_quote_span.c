/* test_quote_span.c: the value a quoted sentence gives a question of a day, a time, a
 * date or an amount (agent/quote_span.h), as a table of question, sentence and the value
 * a reply says ("" when the sentence gives none the question can take). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/quote_span.h"

static const struct {
    const char *question, *sentence, *value;
} rows[] = {
    /* a day of the week, one or every one of it */
    {"which day is choir?", "On Tuesdays we sing at the chapel", "Tuesday"},
    {"what night is quiz night", "quiz is thurs at the Anchor", "Thursday"},
    {"when is my swim class", "swim class moved to sundays", "Sunday"},
    {"which day is choir?", "choir is monday or wednesday, depends", ""},
    /* a time */
    {"when does the early bus leave", "the bus leaves at 6.45am sharp", "6.45 am"},
    {"what time is the match", "kick off is 7 pm at the rec", "7 pm"},
    {"what time is the match", "kick off is at 7", ""},
    {"when do I start work", "I start at 05:30 every day", "05:30"},
    /* a date or a month */
    {"when is the christening?", "the christening is on the 9th of August", "9 August"},
    {"what date is the move", "we move house October 3rd", "3 October"},
    {"when is the trip", "the trip is in April, can't wait", "April"},
    {"when is the trip", "we may go in the spring", ""},
    {"when is the trip", "it's either June or July", ""},
    /* an amount beside the question's words, or the sentence's only one */
    {"how many hens do I keep", "we keep 14 hens and 2 geese", "14"},
    {"how many hens do I keep", "keeping eleven hens now", "eleven"},
    {"how much did the puppy weigh", "the puppy was 4 weeks old, 2.1kg", "2.1 kg"},
    {"how much did the puppy weigh", "he weighed 9 lbs at birth", "9 lbs"},
    {"how many hectares is the farm", "the farm's about 40ha", "40 ha"},
    {"how many hectares is the farm", "bought the farm in 2019", ""},
    {"how many rooms", "3 rooms upstairs and 2 down", "3"},
    /* a change told: of two values of the kind, the new one */
    {"which day is my day off", "rota changed, I'm off thursdays now not tuesdays", "Thursday"},
    {"when is my knee surgery", "they moved my knee surgery to June, the doctor is away in May",
     "June"},
    {"what night is the gig", "the wednesday gig moved to fridays", "Friday"},
    {"what time is the train", "the train changed from 7:10 to 7:40", "7:40"},
    {"how many sheep do I have", "sold 12 sheep at the mart, down to 40 now", "40"},
    {"how many sheep do I have", "we have 45 sheep, not 50", "45"},
    {"which days do I work", "I work Monday to Friday", ""},
    {"when's the fair", "the fair is not in june anymore, it moved to march", "March"},
    {"when's the fair", "we march to the fair in june", "June"},
    {"how many hens now", "sold half the hens, too much for one person", ""},
    {"how many sheep do I have", "12 sheep and 40 lambs now", "12"},
    /* nothing asked of these kinds */
    {"what name has the dog", "my dog Sprocket is 3", ""},
    {"which depot is mine", "I drive from the depot on Fridays", ""},
};

START_TEST(test_a_quote_points_at_the_value_asked)
{
    char out[64];
    int got = quote_span(rows[_i].question, rows[_i].sentence, strlen(rows[_i].sentence), out,
                         sizeof out);
    ck_assert_msg(got == (rows[_i].value[0] != '\0') && !strcmp(out, rows[_i].value),
                  "'%s' <- '%s': '%s', want '%s'", rows[_i].question, rows[_i].sentence, out,
                  rows[_i].value);
}
END_TEST

START_TEST(test_odd_texts_give_nothing)
{
    char out[8] = "x";
    ck_assert_int_eq(quote_span("", "On Tuesdays", 11, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
    ck_assert_int_eq(quote_span("which day", "", 0, out, sizeof out), 0);
    ck_assert_int_eq(quote_span("which day", "\"\" !! ,", 7, out, sizeof out), 0);
    ck_assert_int_eq(quote_span("which day", "Wednesdays", 10, NULL, 0), 0);
    /* a value longer than out is cut, never overrun */
    ck_assert_int_eq(quote_span("which day", "Wednesdays", 10, out, sizeof out), 1);
    ck_assert_str_eq(out, "Wednesd");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("quote_span");
    TCase *tc = tcase_create("quote_span");
    tcase_add_loop_test(tc, test_a_quote_points_at_the_value_asked, 0,
                        (int)(sizeof rows / sizeof rows[0]));
    tcase_add_test(tc, test_odd_texts_give_nothing);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* test_realise.c: reply sentences (agent/realise.h) as tables: facts of the user and of
 * someone of theirs with the pronouns turned around, articles, acknowledgements of
 * several facts, yes/no, "I don't know ... yet", forgetting and the summary, open
 * relations keyed by a verb said with it; a sentence said twice in a reply said once. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "agent/realise.h"
#include "model/reader.h"

#define F(h, r, rel, v) ((realise_frame_t){h, r, rel, v})

static const struct {
    realise_frame_t f;
    const char *fact, *unknown;
} rows[] = {
    {F("self", READER_REL_NAME, NULL, "Ilse"), "Your name is Ilse.", "I don't know your name yet."},
    {F("sister", READER_REL_NAME, NULL, "Odile"), "Your sister is called Odile.",
     "I don't know your sister's name yet."},
    {F("self", READER_REL_JOB, NULL, "engineer"), "You work as an engineer.", "I don't know your job yet."},
    {F("brother", READER_REL_JOB, NULL, "plumber"), "Your brother works as a plumber.",
     "I don't know your brother's job yet."},
    {F("self", READER_REL_HOME, NULL, "New York"), "You live in New York.",
     "I don't know where you live yet."},
    {F("dog", READER_REL_KIND, NULL, "golden retriever"), "Your dog is a golden retriever.",
     "I don't know what your dog is yet."},
    {F("self", READER_REL_OPEN, "favourite colour", "teal"), "Your favourite colour is teal.",
     "I don't know your favourite colour yet."},
    {F("self", READER_REL_ALLERGY, NULL, "shellfish"), "You are allergic to shellfish.",
     "I don't know your allergies yet."},
    {F("self", READER_REL_OWNS, NULL, "a red Vespa"), "You have a red Vespa.",
     "I don't know what you have yet."},
    {F("son", READER_REL_AGE, NULL, "7"), "Your son is 7.", "I don't know your son's age yet."},
    {F("cats", READER_REL_BIRTHDAY, NULL, "May 2nd"), "Your cats' birthday is May 2nd.",
     "I don't know your cats' birthday yet."},
    {F("parents", READER_REL_HOMETOWN, NULL, "Ghana"), "Your parents are from Ghana.",
     "I don't know where your parents are from yet."},
    {F("boss", READER_REL_NAME, NULL, "Bronwen"), "Your boss is called Bronwen.",
     "I don't know your boss's name yet."},
    {F("commute", READER_REL_OPEN, "", "40 minutes"), "Your commute is 40 minutes.",
     "I don't know that about your commute yet."},
    /* open relations keyed by a verb are said with it */
    {F("self", READER_REL_OPEN, "studying", "law"), "You study law.",
     "I don't know what you study yet."},
    {F("sister", READER_REL_OPEN, "teaches", "maths"), "Your sister teaches maths.",
     "I don't know what your sister teaches yet."},
    {F("self", READER_REL_OPEN, "support", "Leeds United"), "You support Leeds United.",
     "I don't know which team you support yet."},
};

START_TEST(test_facts_and_unknowns_turn_the_pronouns_around)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char buf[256];
        ck_assert_str_eq(realise_fact(buf, sizeof buf, &rows[i].f, 1), rows[i].fact);
        ck_assert_str_eq(realise_unknown(buf, sizeof buf, &rows[i].f), rows[i].unknown);
    }
}
END_TEST

START_TEST(test_an_acknowledgement_lists_every_fact_told)
{
    realise_frame_t f[] = {F("mother", READER_REL_NAME, NULL, "Ann"),
                           F("father", READER_REL_NAME, NULL, "Rob"),
                           F("self", READER_REL_HOME, NULL, "Leeds")};
    char buf[256];
    ck_assert_str_eq(realise_ack(buf, sizeof buf, f, 1), "Got it: your mother is called Ann.");
    ck_assert_str_eq(realise_ack(buf, sizeof buf, f, 3),
                     "Got it: your mother is called Ann, your father is called Rob, and you "
                     "live in Leeds.");
    /* values of one holder and relation said once, the verb agreeing with a plural */
    realise_frame_t two[] = {F("sisters", READER_REL_NAME, NULL, "Ana"),
                             F("self", READER_REL_LANGUAGE, NULL, "French"),
                             F("sisters", READER_REL_NAME, NULL, "Bea"),
                             F("self", READER_REL_LANGUAGE, NULL, "Welsh")};
    ck_assert_str_eq(realise_ack(buf, sizeof buf, two, 4),
                     "Got it: your sisters are called Ana and Bea, and you speak French and "
                     "Welsh.");
    ck_assert_str_eq(realise_summary(buf, sizeof buf, two, 4),
                     "Here's what I know about you: your sisters are called Ana and Bea; you "
                     "speak French and Welsh.");
}
END_TEST

START_TEST(test_yes_and_no_say_what_is_known)
{
    realise_frame_t asked = F("dog", READER_REL_NAME, NULL, "Rex"),
                    known = F("dog", READER_REL_NAME, NULL, "Max");
    char buf[256];
    ck_assert_str_eq(realise_yesno(buf, sizeof buf, 1, &asked, &asked),
                     "Yes, your dog is called Rex.");
    ck_assert_str_eq(realise_yesno(buf, sizeof buf, 0, &asked, &known),
                     "No, your dog is called Max.");
    ck_assert_str_eq(realise_yesno(buf, sizeof buf, 0, &asked, NULL),
                     "No, not as far as I know.");
}
END_TEST

START_TEST(test_forgetting_and_the_summary)
{
    realise_frame_t f[] = {F("self", READER_REL_HOME, NULL, "Leeds"),
                           F("self", READER_REL_JOB, NULL, "nurse")};
    char buf[256];
    ck_assert_str_eq(realise_forgot(buf, sizeof buf, f, 1), "Done, I've forgotten where you live.");
    ck_assert_str_eq(realise_forgot(buf, sizeof buf, NULL, 0), "Done, I've forgotten that.");
    ck_assert_str_eq(realise_fact(buf, sizeof buf, f, 2),
                     "You live in Leeds, and you work as a nurse.");
    ck_assert_str_eq(realise_summary(buf, sizeof buf, f, 2),
                     "Here's what I know about you: you live in Leeds; you work as a nurse.");
    ck_assert_str_eq(realise_summary(buf, sizeof buf, f, 0),
                     "You haven't told me anything about yourself yet.");
}
END_TEST

START_TEST(test_a_small_buffer_is_truncated_and_terminated)
{
    realise_frame_t f = F("self", READER_REL_HOME, NULL, "Llanfairpwllgwyngyll");
    char buf[12];
    realise_fact(buf, sizeof buf, &f, 1);
    ck_assert_uint_eq(strlen(buf), sizeof buf - 1);
    ck_assert_str_eq(buf, "You live in");
}
END_TEST

START_TEST(test_the_verb_agrees_with_children_and_kids)
{
    char buf[256];
    realise_frame_t kids = {"children", READER_REL_NAME, NULL, "Noah and Mia"};
    ck_assert_str_eq(realise_fact(buf, sizeof buf, &kids, 1),
                     "Your children are called Noah and Mia.");
    ck_assert(realise_plural("children") && realise_plural("kids") && !realise_plural("boss"));
}
END_TEST

START_TEST(test_anothers_words_become_one_sentence)
{
    char buf[64];
    ck_assert_str_eq(realise_sentence(buf, sizeof buf, "i am fine thanks"), "I am fine thanks.");
    ck_assert_str_eq(realise_sentence(buf, sizeof buf, "yes i'm here"), "Yes I'm here.");
    ck_assert_str_eq(realise_sentence(buf, sizeof buf, "Okay."), "Okay.");
    ck_assert_str_eq(realise_sentence(buf, sizeof buf, "is it? "), "Is it?");
    ck_assert_str_eq(realise_sentence(buf, sizeof buf, "it is"), "It is.");
    ck_assert_str_eq(realise_sentence(buf, sizeof buf, "好的"), "好的");
    ck_assert_str_eq(realise_sentence(buf, 4, "hello"), "Hel");
}
END_TEST

START_TEST(test_a_quote_says_the_value_it_gives_first)
{
    char buf[96];
    ck_assert_str_eq(realise_quote_value(buf, sizeof buf, "three", "we walk three nights", 20),
                     "Three. You told me: \"we walk three nights\".");
    ck_assert_str_eq(realise_quote_value(buf, sizeof buf, "5 am", "up at 5am", 9),
                     "5 am. You told me: \"up at 5am\".");
    ck_assert_str_eq(realise_quote(buf, sizeof buf, "up at 5am", 9, -1),
                     "No, you told me: \"up at 5am\".");
    ck_assert_str_eq(realise_quote_value(buf, 5, "Friday", "on fridays", 10), "Frid");
}
END_TEST

START_TEST(test_a_sentence_said_twice_is_said_once)
{
    char a[] = "Your cat is called Pip. Your cat is called Pip.";
    ck_assert_str_eq(realise_once(a), "Your cat is called Pip.");
    char b[] = "You told me: \"rain. rain. rain\". I don't know. You live in Ely. I don't know.";
    ck_assert_str_eq(realise_once(b), "You told me: \"rain. rain. rain\". I don't know. You live in Ely.");
    char c[] = "Done. Done! 3.5 kg. ok";
    ck_assert_str_eq(realise_once(c), "Done. Done! 3.5 kg. ok");
    char d[] = "";
    ck_assert_str_eq(realise_once(d), "");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("realise");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_facts_and_unknowns_turn_the_pronouns_around);
    tcase_add_test(tc, test_an_acknowledgement_lists_every_fact_told);
    tcase_add_test(tc, test_yes_and_no_say_what_is_known);
    tcase_add_test(tc, test_forgetting_and_the_summary);
    tcase_add_test(tc, test_a_small_buffer_is_truncated_and_terminated);
    tcase_add_test(tc, test_anothers_words_become_one_sentence);
    tcase_add_test(tc, test_a_quote_says_the_value_it_gives_first);
    tcase_add_test(tc, test_the_verb_agrees_with_children_and_kids);
    tcase_add_test(tc, test_a_sentence_said_twice_is_said_once);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

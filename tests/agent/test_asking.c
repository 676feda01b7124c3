/* test_asking.c: requests to be told a name written as the questions they are
 * (agent/asking.h), as a table: a bid with "remind me" or "tell me" and "the name(s) of",
 * or "name" and what is named, becomes "what is/are the name(s) of ...?", names asked of
 * two become two questions, a question's aside after its last comma goes, "who am I
 * married to?" asks for the spouse, "what did I say I brew?" is "what do I brew?", and
 * everything else, requests of other kinds among them, is copied as it is; a buffer too
 * small is refused. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/asking.h"

static const struct {
    const char *text, *want;
} rows[] = {
    {"Remind me the name of my vet.", "what is the name of my vet?"},
    {"could you tell me the names of our goats", "what are the names of our goats?"},
    {"pls tell me name of the allotment!", "what is the name of the allotment?"},
    {"name all four of my grandkids", "what are the names of all four of my grandkids?"},
    {"Name both ponies please.", "what are the names of both ponies?"},
    {"What kind of rabbit do I have?", "what breed is my rabbit?"},
    {"ok what age did u say", "ok how old am I?"},
    {"What age did I mention? Also my job?", "how old am I? Also my job?"},
    {"who's my husband these days?", "who's my husband now?"},
    {"how old is Oona at the moment?", "how old is Oona now?"},
    {"what am I baking at the moment?", "what am I baking at the moment?"},
    {"what age is my gecko?", "how old is my gecko?"},
    {"what age is Ida these days?", "how old is Ida?"},
    {"what age is the house?", "how old is the house?"},
    {"How is called my nephew?", "what is my nephew called?"},
    {"where will I work from June?", "where do I work?"},
    {"where will I work from home?", "where will I work from home?"},
    {"ok, how is named the cat?", "ok, what is the cat called?"},
    {"ok which sort of rabbit do we keep", "ok what breed is our rabbit?"},
    {"hey. what breed of cat do we own again", "hey. what breed is our cat?"},
    {"what kind of car do I have?", "what kind of car do I have?"},
    {"Kindly, remind me again of the names of my aunt and my godson.",
     "what is the name of my aunt and what is the name of my godson?"},
    {"tell me the name of my boss and of my manager",
     "what is the name of my boss and what is the name of my manager?"},
    {"what are the names of my niece and nephew?",
     "what is the name of my niece and what is the name of my nephew?"},
    {"What is name of my aunt and of godson?",
     "what is the name of my aunt and what is the name of my godson?"},
    {"what were the names of my late uncle and my cousin?",
     "what is the name of my late uncle and what is the name of my cousin?"},
    {"what's the name of my boss?", "what's the name of my boss?"},
    {"what are my aunt and godson called?",
     "what is my aunt called and what is my godson called?"},
    {"What were my uncle's and cousin's names?",
     "what is my uncle's name and what is my cousin's name?"},
    {"what are my ferrets called?", "what are my ferrets called?"},
    {"what are my hobbies and my goals", "what are my hobbies and my goals"},
    {"We got a puppy. Name all my pets. Thanks!",
     "We got a puppy. what are the names of all my pets? Thanks!"},
    /* other requests, names told and names asked of one: as they are */
    {"remind me what my brother does", "remind me what my brother does"},
    {"tell me everything you know about me", "tell me everything you know about me"},
    {"what are the names of my cats?", "what are the names of my cats?"},
    {"what are the names of all my cats and dogs?", "what are the names of all my cats and dogs?"},
    {"I'll name the puppy Bo", "I'll name the puppy Bo"},
    {"name's Oona, tell me the name later", "name's Oona, tell me the name later"},
    /* an aside after a question's last comma goes; whom one is married to; what one
     * said of oneself */
    {"What's the gecko called, did I mention?", "What's the gecko called?"},
    {"whats my degree again, head is mush", "whats my degree again?"},
    {"where's my office, and my desk?", "where's my office, and my desk?"},
    {"And who am I married to?", "And who is my spouse?"},
    {"so who did I marry", "so who is my spouse?"},
    {"who did my brother marry?", "who did my brother marry?"},
    {"which beer did I say I brew?", "which beer do I brew?"},
    {"where did I say I was born?", "where did I say I was born?"},
    {"remind me who's my dentist, before I forget", "remind me who's my dentist?"},
    {"我的猫叫什么", "我的猫叫什么"},
    /* a bid to be reminded of a thing of one's own; a name asked in a note */
    {"Pls remind me of my trade.", "what is my trade?"},
    {"remind me again about my nephew's school", "what is my nephew's school?"},
    {"remind me of my aunt, who is lovely", "remind me of my aunt, who is lovely"},
    {"vet name?", "what is my vet's name?"},
    {"ex wife name", "what is my ex wife's name?"},
    {"Where do I work, darling?", "Where do I work?"},
    {"What was the name of the depot where I was foreman?", "which depot do I work at?"},
    {"whats the name of my dairy farm I work on", "which dairy farm do I work at?"},
    {"whats the name of my bar I love?", "whats the name of my bar I love?"},
    {"whats the name of my niece's band?", "whats the name of my niece's band?"},
    {"first wife name", "first wife name"},
    {"goats name?", "what is my goat's name?"},
    {"Cool name!", "Cool name!"},
    {"what a name", "what a name"},
    {"Ha. Odd name", "Ha. Odd name"},
    /* asked in the order of a statement, with a word for the listener, a thing of one's
     * own with an aside to "you", or in other words */
    {"Which bakery I am working?", "Which bakery am I working?"},
    {"At what gym I train?", "At what gym do I train?"},
    {"what sport we play?", "what sport do we play?"},
    {"how old I say Pip is?", "how old I say Pip is?"},
    {"wheres my flat bro", "wheres my flat?"},
    {"who's my best pal", "who's my best pal"},
    {"where's my mate", "where's my mate"},
    {"My town, you still know it?", "My town?"},
    {"my bike, my car, which is older?", "my bike, my car, which is older?"},
    {"How many years do I have?", "how old am I?"},
    {"what is my doctorate in?", "what do I study?"},
    {"what's the name of my village, do you know?", "which city do I live in?"},
    {"where's my home town?", "where am I from?"},
    {"where is my wallet?", "where is my wallet?"},
    {"who lives next door to me?", "who is my neighbour?"},
    {"who lives next door to Ana?", "who lives next door to Ana?"},
    {"remind me who i'm seeing these days lol", "who is my partner?"},
    {"whats the name of the village where I live?", "which city do I live in?"},
    {"whats the name of the village I live near?", "whats the name of the village I live near?"},
    {"who am I dating now?", "who is my partner?"},
    {"who am I dating to the prom, Ana or Bo?", "who am I dating to the prom, Ana or Bo?"},
    /* names bid for with "list" or "give me", words of politeness after the names, two
     * names asked in two terse sentences */
    {"Kindly list my aunt and my godson by name.",
     "what is the name of my aunt and what is the name of my godson?"},
    {"give me the names of my uncle and my goat",
     "what is the name of my uncle and what is the name of my goat?"},
    {"Name my stepdad and pony, thanks.",
     "what is the name of my stepdad and what is the name of my pony?"},
    {"what are the names of my aunt and godson pls?",
     "what is the name of my aunt and what is the name of my godson?"},
    {"Uncle and pony. Both names?",
     "what is the name of my uncle and what is the name of my pony?"},
    {"Uncle and goat. Cute names.", "Uncle and goat. Cute names."},
    {"list my chores", "list my chores"},
    /* a course asked in American words */
    {"whats my major again", "what do I study?"},
    /* a name asked in a note with a possessive and a word of politeness after it */
    {"Uncle's name please", "what is my uncle's name?"},
    {"And the eldest's name?", "what is my eldest's name?"},
    {"and the band name?", "and the band name?"},
    {"what's my major now?", "what do I study?"},
    {"what's my major league team?", "what's my major league team?"},
    {"", ""},
};

START_TEST(test_requests_are_written_as_questions)
{
    char out[256];
    long n = asking_text(rows[_i].text, out, sizeof out);
    ck_assert_msg(n >= 0, "'%s': did not fit", rows[_i].text);
    ck_assert_msg(!strcmp(out, rows[_i].want), "'%s' -> '%s', want '%s'", rows[_i].text, out,
                  rows[_i].want);
    ck_assert_int_eq((long)strlen(out), n);
}
END_TEST

START_TEST(test_a_buffer_too_small_is_refused)
{
    char out[16];
    ck_assert_int_eq(asking_text("name both my ferrets", out, sizeof out), -1);
    ck_assert_int_eq(asking_text("hi", out, 3), 2);
    ck_assert_str_eq(out, "hi");
    ck_assert_int_eq(asking_text("hi", out, 2), -1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("asking");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_requests_are_written_as_questions, 0,
                        (int)(sizeof rows / sizeof rows[0]));
    tcase_add_test(tc, test_a_buffer_too_small_is_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

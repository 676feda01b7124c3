/* test_quote.c: which sentence of the user's answers a question no fact answers
 * (agent/quote.h), as a table of question, whom it is about, the names of the user's
 * people, a sentence, and the score: the question's content words the sentence holds,
 * 0 for a sentence that is no answer (a question, a request to forget, about someone
 * else, or sharing only question words). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/quote.h"
#include "model/reader.h"

static const char *const names[] = {"Wren", "Tobias", NULL};

#define OPEN READER_REL_OPEN

static const struct {
    const char *question, *holder;
    int rel;
    const char *sentence;
    int score;
} rows[] = {
    /* the user's own words that answer */
    {"which gym do I go to?", "self", OPEN, "the gym I go to is FitZone on Kent Road", 1},
    {"what's my locker number", "self", OPEN, "locker 114, top row", 1},
    {"how many acres do I farm", "self", OPEN, "we farm 30 acres of barley up north", 2},
    /* how many: a number within three words of a word of it, not of another thing */
    {"how many pupils do I teach", "self", OPEN, "I drove buses for 30 years and now I teach a few pupils", 0},
    {"how many hens do I keep", "self", OPEN, "we keep hens, nine of them", 2},
    {"where do I coach", "self", OPEN, "coaching the under-tens at Ashgrove on Sundays", 1},
    {"what do I plant", "self", OPEN, "I plant chillies, my uncle plants beans", 1},
    {"which tablets do i take at night", "self", OPEN, "two iron tablets at night before bed", 2},
    /* about someone: the sentence names them (their key or their name) */
    {"what does my uncle plant", "uncle", OPEN, "my uncle plants chillies in his greenhouse", 1},
    {"what does my uncle plant", "uncle", OPEN, "I plant chillies", 0},
    {"what does Wren sell", "sister Wren", OPEN, "Wren sells fabric at the market", 1},
    {"what does my mum plant", "mother", OPEN, "mum plants roses by the shed", 1},
    /* no answer: a question, a request to forget, someone else's, question words only */
    {"what's my locker number", "self", OPEN, "what's your locker number", 0},
    {"what's my locker number", "self", OPEN, "do you have a locker", 0},
    {"where's my locker", "self", OPEN, "forget my locker please", 0},
    {"what's my shoe size", "self", OPEN, "my sister's shoe size is 7", 0},
    {"what do I plant", "self", OPEN, "my uncle plants chillies", 0},
    {"what do I plant", "self", OPEN, "Tobias plants chillies", 0},
    {"what's my favourite one", "self", OPEN, "my favourite one is blue", 0},
    {"where is my choir", "self", OPEN, "my mum sings in a choir in Lisbon", 0},
    {"whats my mums choir", "self", OPEN, "brb my mum sings in a choir", 0},
    {"which bell do I ring", "self", OPEN, "please don't keep the bell stuff", 0},
    {"which bell do I ring", "self", OPEN, "delete the bit about the bell", 0},
    {"which bell do I ring", "self", OPEN, "could you forget the bell", 0},
    {"which bell do I ring", "self", OPEN, "the bell is the treble, before I forget", 1},
    {"which bell do I ring", "self", OPEN, "the treble bell, don't forget", 1},
    {"where is my mum's choir", "mother", OPEN, "my mum sings in a choir in Lisbon", 1},
    {"what's my name again", "self", OPEN, "my name is Ffion", 0},
    {"hiya mnemo, which car do I have", "self", OPEN, "evening mnemo!", 0},
    {"how old is Tobias", "brother Tobias", READER_REL_AGE, "Tobias works at the mill", 0},
    /* about someone, with no word of its own: the words that tell the relation */
    {"where does my nephew live", "nephew", READER_REL_HOME, "my nephew Kwabena lives out in Kumasi now", 1},
    {"where does my nephew live", "nephew", READER_REL_HOME, "my nephew has two cats", 0},
    {"what does my aunt do", "aunt", READER_REL_JOB, "my aunt works nights at the bakery", 1},
    {"who of the grandparents cycles", "grandparents", OPEN, "nan's 90 and she still cycles to church", 1},
    {"how old is Tobias", "brother Tobias", READER_REL_AGE, "Tobias is 9 and mad about trains", 1},
    {"how old is Tobias", "brother Tobias", READER_REL_AGE, "Tobias (nine) loves trains", 1},
    {"how old is Tobias", "brother Tobias", READER_REL_AGE, "Tobias has 2 rabbits", 0},
    {"how old am I", "self", READER_REL_AGE, "I have 2 rabbits", 0},
    {"what does Tobias do for a living", "brother Tobias", OPEN, "I live near Tobias", 0},
    {"你住在哪里", "self", OPEN, "我住在杭州", 0},
    /* about the user with no word of its own: the words that tell the relation, the
     * number told of "I", the kin asked about; "my sister and I" is the user too */
    {"where am I from", "self", READER_REL_HOMETOWN, "born and raised in Tromsø", 1},
    {"how old am I", "self", READER_REL_AGE, "I'm 44 and I drive a bus", 1},
    {"how old am I", "self", READER_REL_AGE, "I've swum since I was 6", 0},
    {"where do I live", "self", READER_REL_HOME, "my aunt's called Rhoda, she lives in Truro", 0},
    {"how many nieces do I have", "self", OPEN, "I have four nieces, all in Leeds", 1},
    /* a kin word counted or told of ("took on two more lads") names no one it is about */
    {"how many staff do I have", "self", OPEN, "took on two more lads so 9 staff now", 1},
    {"how many staff do I have", "self", OPEN, "my brother has 9 staff", 0},
    /* a question that names no one, the user neither, is answered by what was told of
     * someone of theirs too */
    {"which night is quiz?", "self", OPEN, "my sister's quiz team meets on thursday nights", 2},
    {"which night is my quiz?", "self", OPEN, "my sister's quiz team meets on thursday nights", 0},
    /* a word whose stem is a pet's ("rating", "rat") is no pet */
    {"what's my chess rating?", "self", OPEN, "my rating is 1850", 1},
    {"when did I leave the choir", "self", OPEN, "my sister and I left the choir in 2019", 2},
    /* a thing of the user's is asked about as the user is; its name is one told beside
     * the word for it */
    {"which pills help my migraine", "migraine", OPEN, "sumatriptan for the migraine, as needed", 1},
    {"what's my allotment called", "allotment", READER_REL_NAME, "the allotment by the canal is called Greenacre", 1},
    {"what's my allotment called", "allotment", READER_REL_NAME, "we run a Quaker allotment now", 1},
    {"what's my allotment called", "allotment", READER_REL_NAME, "the allotment is out past Wexley bridge", 0},
    /* someone's name: right beside the word for them, not a place told after a verb */
    {"what is my landlord called", "landlord", READER_REL_NAME, "my landlord Petra fixed the boiler", 1},
    {"who is my manager", "manager", READER_REL_NAME, "Dorota is my manager at the depot", 1},
    {"what is my landlord called", "landlord", READER_REL_NAME, "my landlord lives in Spain", 0},
    {"what's my sister called", "sister", READER_REL_NAME, "Yesterday my sister rang", 0},
    /* whom a question asks about: the last of kin of kin, no "in" of "son in law", not
     * the one whose kin is named ("my wife's sister"); what is counted, not its kind */
    {"what's my brother's husband called", "brother husband", READER_REL_NAME, "my brother is Ödön", 0},
    {"what's my son-in-law's name", "son in law", READER_REL_NAME, "our son Ivo is in Year 7", 0},
    {"what's my wife called", "wife", READER_REL_NAME, "my wife's sister Petra is in town", 0},
    {"how many donkeys do we have", "donkeys", READER_REL_KIND, "we keep 3 donkeys at my gran's", 1},
};

START_TEST(test_a_sentence_scores_the_question_words_it_holds)
{
    int got = quote_score(rows[_i].question, rows[_i].holder, rows[_i].rel, names,
                          rows[_i].sentence);
    ck_assert_msg(got == rows[_i].score, "'%s' (%s) <- '%s': %d, want %d", rows[_i].question,
                  rows[_i].holder, rows[_i].sentence, got, rows[_i].score);
}
END_TEST

START_TEST(test_empty_and_odd_texts_score_nothing)
{
    ck_assert_int_eq(quote_score("", "self", OPEN, NULL, "I keep bees"), 0);
    ck_assert_int_eq(quote_score("what bees do I keep", "self", OPEN, NULL, ""), 0);
    ck_assert_int_eq(quote_score("what bees do I keep", NULL, OPEN, NULL, "bees!!! 🐝🐝"), 1);
    ck_assert_int_eq(quote_score("what bees do I keep", "", OPEN, NULL, "''' , ,"), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("quote");
    TCase *tc = tcase_create("quote");
    tcase_add_loop_test(tc, test_a_sentence_scores_the_question_words_it_holds, 0,
                        (int)(sizeof rows / sizeof rows[0]));
    tcase_add_test(tc, test_empty_and_odd_texts_score_nothing);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

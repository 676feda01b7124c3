/* test_facts.c: the lookups of agent/facts.h on a hand-made list of facts: someone of the
 * user's found by their name (one of several people named at once becomes a holder of
 * their own), holder keys that drop how many ("my two sisters" is "sisters") and keep
 * CJK words whole, compared without case or spaces; relation keys compared on their
 * stems, and a holder read from a relation's words; the user's own age; values that
 * cannot be of their relation; a value spelt again; ages compared (compare.h). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/checks.h"
#include "agent/compare.h"
#include "agent/kinds.h"
#include "agent/facts.h"
#include "agent/understand.h"
#include "model/reader.h"

/* A current fact with borrowed strings (the list is only read). */
#define M(i, h, r, v) ((store_memory_t){.id = i, .text = "", .holder = h, .relation = r, .value = v})

static store_memory_t list[] = {
    M(1, "sisters", "name", "Vera"),
    M(2, "sisters", "name", "Lotte"),
    M(3, "brother", "name", "Gavin"),
    M(4, "Vera", "job", "pilot"),
};

static understood_t clause(const char *holder, int rel)
{
    understood_t u = {.act = READER_FACT, .rel = rel};
    snprintf(u.holder, sizeof u.holder, "%s", holder);
    return u;
}

START_TEST(test_one_of_several_people_is_a_holder_of_their_own)
{
    facts_t f = {list, sizeof list / sizeof list[0]};
    understood_t u = clause("lotte", READER_REL_JOB);
    facts_resolve_holder(&f, "Lotte works as a nurse", &u);
    ck_assert_str_eq(u.holder, "Lotte");     /* keyed by name, as told */
    ck_assert_int_eq(u.personal, 1);
    u = clause("vera", READER_REL_JOB);
    facts_resolve_holder(&f, "what does Vera do?", &u);
    ck_assert_str_eq(u.holder, "Vera");
    ck_assert_ptr_nonnull(facts_find(&f, u.holder, "job", NULL));
    ck_assert_ptr_nonnull(facts_find(&f, "vera", "job", NULL));   /* a question reads "vera" */
    ck_assert_ptr_null(facts_find(&f, "lotte", "job", NULL));
}
END_TEST

START_TEST(test_the_only_one_of_a_kin_word_is_that_kin)
{
    facts_t f = {list, sizeof list / sizeof list[0]};
    understood_t u = clause("gavin", READER_REL_JOB);
    facts_resolve_holder(&f, "Gavin is a joiner", &u);
    ck_assert_str_eq(u.holder, "brother");
    ck_assert_int_eq(u.personal, 1);
    /* a name told again for a group stays the group's */
    u = clause("vera", READER_REL_NAME);
    facts_resolve_holder(&f, "Vera", &u);
    ck_assert_str_eq(u.holder, "sisters");
}
END_TEST

START_TEST(test_holder_keys_drop_how_many)
{
    static const struct {
        const char *words[5];
        int n;
        const char *key;
    } rows[] = {
        {{"my", "two", "sisters"}, 3, "sisters"},
        {{"our", "3", "kids"}, 3, "children"},
        {{"both", "my", "grandparents"}, 3, "grandparents"},
        {{"my", "big", "brother"}, 3, "brother"},
        {{"my", "best", "mate"}, 3, "best friend"},     /* mate, pal: friend */
        {{"my", "bestie"}, 2, "best friend"},
        {{"我", "的", "弟", "弟"}, 4, "弟弟"},          /* CJK as written, no spaces */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char key[UNDERSTAND_KEY];
        understand_holder(rows[i].words, rows[i].n, key, sizeof key);
        ck_assert_msg(!strcmp(key, rows[i].key), "row %zu: '%s', want '%s'", i, key, rows[i].key);
    }
}
END_TEST

START_TEST(test_holders_compare_without_case_or_spaces)
{
    ck_assert(facts_same_holder("Kwame", "kwame"));
    ck_assert(facts_same_holder("弟 弟", "弟弟"));      /* a key written before */
    ck_assert(facts_same_holder("best mate", "best mate"));
    ck_assert(!facts_same_holder("sister", "sisters"));
    ck_assert(facts_same_holder("twin", "twin brother"));   /* "my twin" is the one told */
    ck_assert(!facts_same_holder("twin", "brother"));
    /* a group of a kind of animal is asked of as the animal's group */
    ck_assert(facts_same_holder("beagles", "dogs"));
    ck_assert(facts_same_holder("puppies", "dogs"));
    ck_assert(facts_same_holder("kittens", "cats"));
    ck_assert(!facts_same_holder("beagles", "cats"));
    ck_assert(!facts_same_holder("sisters", "brothers"));
    ck_assert(!facts_same_holder(NULL, "self"));
}
END_TEST

START_TEST(test_a_holder_no_fact_has_may_be_words_of_a_relation)
{
    store_memory_t mine[] = {M(1, "self", "phone number", "0770 900123"),
                             M(2, "dog", "name", "Rex")};
    facts_t f = {mine, 2};
    understood_t u = clause("phone", READER_REL_OPEN);
    u.act = READER_FORGET;
    snprintf(u.relation, sizeof u.relation, "number");
    facts_resolve_relation_words(&f, &u);            /* "forget [my phone] [number]" */
    ck_assert_str_eq(u.holder, "self");
    ck_assert_str_eq(u.relation, "phone number");
    ck_assert_int_eq(u.personal, 1);
    u = clause("dog", READER_REL_OPEN);               /* the dog holds facts: its own */
    snprintf(u.relation, sizeof u.relation, "number");
    facts_resolve_relation_words(&f, &u);
    ck_assert_str_eq(u.holder, "dog");
    u = clause("car", READER_REL_OPEN);               /* no such relation of the user's */
    snprintf(u.relation, sizeof u.relation, "colour");
    facts_resolve_relation_words(&f, &u);
    ck_assert_str_eq(u.holder, "car");
}
END_TEST

START_TEST(test_relations_compare_on_their_stems)
{
    ck_assert(facts_same_relation("studying", "study"));
    ck_assert(facts_same_relation("supports", "support"));
    ck_assert(facts_same_relation("favourite  foods", "Favourite food"));
    ck_assert(facts_same_relation("job", "job"));
    ck_assert(!facts_same_relation("home", "hometown"));
    ck_assert(!facts_same_relation("favourite food", "favourite"));
    ck_assert(!facts_same_relation("teach", NULL));
    ck_assert(facts_same_relation("favourite movie", "favourite film"));   /* one meaning */
    ck_assert(facts_same_relation("favorite color", "favourite colour"));
    ck_assert(!facts_same_relation("favourite film", "favourite book"));
}
END_TEST

START_TEST(test_the_users_own_age_is_a_grown_or_teenage_persons)
{
    ck_assert(!checks_fits(READER_REL_AGE, "self", "7"));   /* "there for about 7 years" */
    ck_assert(!checks_fits(READER_REL_AGE, "self", "about 3"));
    ck_assert(!checks_fits(READER_REL_AGE, "self", "430"));
    ck_assert(!checks_fits(READER_REL_HOME, "self", "student"));   /* "student loans" */
    ck_assert(checks_fits(READER_REL_HOME, "self", "Reading"));
    ck_assert(checks_fits(READER_REL_HOME, "self", "leeds"));
    ck_assert(checks_fits(READER_REL_AGE, "self", "34"));
    ck_assert(checks_fits(READER_REL_AGE, "self", "13"));
    ck_assert(checks_fits(READER_REL_AGE, "self", "thirty"));
    ck_assert(checks_fits(READER_REL_AGE, "son", "5"));     /* others' ages may be small */
    ck_assert(checks_fits(READER_REL_AGE, "dog", "2"));
    ck_assert(!checks_fits(READER_REL_HOBBY, "self", "Thursdays"));   /* "... on Thursdays" */
    ck_assert(!checks_fits(READER_REL_HOBBY, "self", "monday"));
    ck_assert(checks_fits(READER_REL_HOBBY, "self", "darts"));
}
END_TEST

START_TEST(test_values_that_cannot_be_of_their_relation)
{
    ck_assert(!checks_fits(READER_REL_WORKPLACE, "self", "March"));  /* "moved ... in March" */
    ck_assert(!checks_fits(READER_REL_JOB, "wife", "jobs"));    /* "she switched jobs" */
    ck_assert(checks_fits(READER_REL_JOB, "wife", "job coach"));
    ck_assert(!checks_fits(READER_REL_NAME, "self", "skipping Berlin"));
    ck_assert(checks_fits(READER_REL_NAME, "self", "Sterling"));
    /* a word of how one is, written small, is no name ("she thinks I'm hopeless") */
    ck_assert(!checks_fits(READER_REL_NAME, "self", "hopeless"));
    ck_assert(!checks_fits(READER_REL_NAME, "husband", "impossible"));
    ck_assert(checks_fits(READER_REL_NAME, "husband", "Marvellous"));
    ck_assert(checks_fits(READER_REL_NAME, "self", "mable"));
    /* a musical instrument is no job ("the kora, a West African harp") */
    ck_assert(!checks_fits(READER_REL_JOB, "self", "West African harp"));
    ck_assert(!checks_fits(READER_REL_JOB, "self", "cello"));
    ck_assert(checks_fits(READER_REL_JOB, "self", "harp teacher"));
    /* a while is no thing had; "point" alone is no value ("at this point") */
    ck_assert(!checks_fits(READER_REL_OWNS, "self", "twenty minutes"));
    ck_assert(checks_fits(READER_REL_OWNS, "self", "minute steak grill"));
    ck_assert(!checks_fits(READER_REL_OPEN, "minutes", "20"));
    ck_assert(!checks_fits(READER_REL_WORKPLACE, "self", "point"));
    /* an animal is no job, nor people of a kind the user would be one of */
    ck_assert(!checks_fits(READER_REL_JOB, "self", "grumpy cat"));
    ck_assert(!checks_fits(READER_REL_JOB, "self", "plumbers"));
    ck_assert(checks_fits(READER_REL_JOB, "self", "dog groomer"));
    ck_assert(checks_fits(READER_REL_JOB, "self", "sales"));
    ck_assert(checks_fits(READER_REL_HOME, "self", "Reading station"));
    ck_assert(!checks_fits(READER_REL_HOME, "self", "tomorrow"));
    ck_assert(checks_fits(READER_REL_BIRTHDAY, "self", "march"));
    ck_assert(checks_fits(READER_REL_HOME, "self", "Mayfield"));
    ck_assert(!checks_fits(READER_REL_WORKPLACE, "self", "跟中秋节"));
    ck_assert(!checks_fits(READER_REL_LANGUAGE, "self", "一点"));
    ck_assert(checks_fits(READER_REL_LANGUAGE, "self", "法语"));
    /* a value that ends leading into another thing stopped short of it */
    ck_assert(!checks_fits(READER_REL_JOB, "self", "a great deal of"));
    ck_assert(!checks_fits(READER_REL_HOBBY, "self", "running with"));
    ck_assert(checks_fits(READER_REL_JOB, "self", "head of sales"));
    ck_assert(checks_fits(READER_REL_EMPLOYER, "self", "Bank of England"));
    /* a place or a job is no animal and no kin */
    ck_assert(!checks_fits(READER_REL_HOMETOWN, "self", "dog"));
    ck_assert(!checks_fits(READER_REL_JOB, "self", "my sister"));
    ck_assert(checks_fits(READER_REL_JOB, "self", "dog walker"));
}
END_TEST

/* A correction's new value finds the value it spells again; never itself, and numbers
 * only numbers. */
START_TEST(test_a_value_spelt_again_is_found)
{
    static store_memory_t more[] = {
        M(1, "husband", "name", "Zach"), M(2, "dog", "kind", "pomapoo"),
        M(3, "self", "age", "52"), M(4, "self", "name", "Ida"),
    };
    facts_t f = {more, sizeof more / sizeof more[0]};
    ck_assert_int_eq(facts_by_spelling(&f, "Zac")->id, 1);
    ck_assert_int_eq(facts_by_spelling(&f, "peekapoo")->id, 2);
    ck_assert_int_eq(facts_by_spelling(&f, "53")->id, 3);
    ck_assert_ptr_null(facts_by_spelling(&f, "Zach"));         /* itself */
    ck_assert_ptr_null(facts_by_spelling(&f, "Id1"));          /* a number for a name */
    ck_assert_ptr_null(facts_by_spelling(&f, "Zacharias"));    /* too far */
}
END_TEST

/* A date is the same date however it is written, a holiday's included. */
START_TEST(test_a_date_in_other_words_is_the_same_value)
{
    ck_assert(facts_same_value("April 7th", "the 7th of april"));
    ck_assert(facts_same_value("3 March", "march 3"));
    ck_assert(facts_same_value("31 october", "Halloween"));
    ck_assert(facts_same_value("the 24th of Dec", "christmas eve"));
    ck_assert(!facts_same_value("March 3rd", "March 4th"));
    ck_assert(!facts_same_value("March", "March 3rd"));      /* no day: not a date */
    ck_assert(!facts_same_value("3rd", "March 3rd"));
    int d, m;
    ck_assert(understand_date("is my birthday on new year's eve?", &d, &m));
    ck_assert_int_eq(d, 31);
    ck_assert_int_eq(m, 12);
    ck_assert(!understand_date("is my birthday in May?", &d, &m));
}
END_TEST

/* Ages compared among the people named, else among all who have a name and an age. */
START_TEST(test_ages_compare_among_the_people_named)
{
    static store_memory_t fam[] = {
        M(1, "grandmother", "name", "Maud"), M(2, "grandmother", "age", "95"),
        M(3, "grandfather", "name", "Cyril"), M(4, "grandfather", "age", "86"),
        M(5, "son", "name", "Leo"), M(6, "son", "age", "4"), M(7, "self", "age", "40"),
        M(8, "dog", "age", "3"),                    /* no name: not compared */
    };
    facts_t f = {fam, sizeof fam / sizeof fam[0]};
    compare_t c;
    ck_assert(compare_ages(&f, "who's older, maud or cyril?", 0, &c));
    ck_assert_str_eq(c.name, "Maud");
    ck_assert_int_eq(c.of, 2);
    ck_assert(compare_ages(&f, "who's the youngest?", 0, &c));
    ck_assert_str_eq(c.name, "Leo");
    ck_assert_int_eq(c.of, 3);
    ck_assert(compare_ages(&f, "is cyril older than maud?", 1, &c));
    ck_assert_str_eq(c.name, "Cyril");
    ck_assert_int_eq(c.yes, 0);
    ck_assert(!compare_ages(&f, "is leo older?", 1, &c));          /* one named */
    ck_assert(!compare_ages(&f, "how old is maud?", 0, &c));       /* no comparison */
    /* one named against the rest: whoever is at the end asked, and whether it is them */
    ck_assert(compare_ages(&f, "is leo the oldest?", 1, &c));
    ck_assert_str_eq(c.name, "Maud");
    ck_assert_int_eq(c.yes, 0);
    ck_assert(c.other == NULL);
    ck_assert(compare_ages(&f, "is leo my youngest?", 1, &c));
    ck_assert_str_eq(c.name, "Leo");
    ck_assert_int_eq(c.yes, 1);
    ck_assert(compare_ages(&f, "who's the youngest?", 0, &c));
    ck_assert_int_eq(c.yes, -1);
}
END_TEST

/* A group's names hold their own ages ("two girls, Wren who's 7 and Ada who's 11"): each
 * is a person compared by the name it is kept under. */
START_TEST(test_ages_compare_the_names_of_a_group)
{
    static store_memory_t kids[] = {
        M(1, "daughters", "name", "Wren"), M(2, "Wren", "age", "7"),
        M(3, "daughters", "name", "Ada"), M(4, "Ada", "age", "11"),
    };
    facts_t f = {kids, sizeof kids / sizeof kids[0]};
    compare_t c;
    ck_assert(compare_ages(&f, "who is my eldest?", 0, &c));
    ck_assert_str_eq(c.name, "Ada");
    ck_assert_int_eq(c.of, 2);
    ck_assert(compare_ages(&f, "is wren older than ada?", 1, &c));
    ck_assert_int_eq(c.yes, 0);
    ck_assert_int_eq(c.ids[0], 2);
}
END_TEST

/* People told by name right after a group of the user's ("three nephews. Ravi is 17, Tom
 * is 12, Zac is 4 months") are that group's: a question of the group compares only them,
 * the middle one of an odd number is found, and months are younger than years. */
START_TEST(test_ages_compare_the_group_asked_of)
{
#define T(i, h, r, v, t) ((store_memory_t){.id = i, .text = t, .holder = h, .relation = r, \
                                           .value = v})
    static store_memory_t fam[] = {
        M(1, "wife", "name", "Jan"), M(2, "wife", "age", "50"),
        T(3, "nephews", "number", "three", "I've got three nephews"),
        T(4, "Ravi", "age", "17", "Ravi is 17"), T(5, "Tom", "age", "12", "Tom is 12"),
        T(6, "Zac", "age", "4 months", "Zac is 4 months"),
    };
#undef T
    facts_t f = {fam, sizeof fam / sizeof fam[0]};
    compare_t c;
    ck_assert(compare_ages(&f, "which of my nephews is the oldest?", 0, &c));
    ck_assert_str_eq(c.name, "Ravi");
    ck_assert_int_eq(c.of, 3);
    ck_assert(compare_ages(&f, "which nephew is the youngest?", 0, &c));
    ck_assert_str_eq(c.name, "Zac");
    ck_assert_str_eq(c.age, "4 months");
    ck_assert(compare_ages(&f, "which of my nephews is the middle one?", 0, &c));
    ck_assert_str_eq(c.name, "Tom");
    ck_assert_int_eq(c.older, COMPARE_MIDDLE);
    ck_assert(compare_ages(&f, "who is the oldest?", 0, &c));       /* no group: all */
    ck_assert_str_eq(c.name, "Jan");
    ck_assert_int_eq(c.of, 4);
}
END_TEST

/* "my dog" asked of a user whose only dog is keyed by its kind ("a whippet called Juno",
 * or spelt nearly: "dalmation") is that one; with two dogs it stays "dog". */
START_TEST(test_an_animal_asked_after_is_its_one_kind_told)
{
    static store_memory_t one[] = {M(1, "whippet", "name", "Juno"), M(2, "self", "home", "Hull")};
    static store_memory_t typo[] = {M(1, "dalmation", "name", "Spot")};
    static store_memory_t two[] = {M(1, "whippet", "name", "Juno"), M(2, "beagle", "name", "Bo")};
    understood_t u = {.holder = "dog"};
    facts_t f = {one, 2};
    facts_resolve_kind(&f, &u);
    ck_assert_str_eq(u.holder, "whippet");
    ck_assert_int_eq(u.personal, 1);
    snprintf(u.holder, sizeof u.holder, "dog");
    f = (facts_t){typo, 1};
    facts_resolve_kind(&f, &u);
    ck_assert_str_eq(u.holder, "dalmation");
    snprintf(u.holder, sizeof u.holder, "dog");
    f = (facts_t){two, 2};
    facts_resolve_kind(&f, &u);
    ck_assert_str_eq(u.holder, "dog");
    snprintf(u.holder, sizeof u.holder, "cat");     /* no cat told */
    f = (facts_t){one, 2};
    facts_resolve_kind(&f, &u);
    ck_assert_str_eq(u.holder, "cat");
    ck_assert_str_eq(kinds_animal("Golden Retriever"), "dog");
    ck_assert_ptr_null(kinds_animal("brother"));
}
END_TEST

/* The kinds of person: WordNet's lemmas (the table's first, last and a middle one, which
 * a binary search finds only if the table is sorted) and newer trades by their endings;
 * what a reading took for a job that names no person is none. */
START_TEST(test_kinds_of_person)
{
    const char *const people[] = {"abator", "zoologist", "Welder", "cooper", "surveyor",
                                  "sonographer", "barista", "glaciologist", NULL};
    const char *const others[] = {"robbery", "trying", "van", "barrels", "whiskey",
                                  "glaciology", "", NULL};
    for (int i = 0; people[i]; i++) ck_assert_msg(kinds_person(people[i]), "%s", people[i]);
    for (int i = 0; others[i]; i++) ck_assert_msg(!kinds_person(others[i]), "%s", others[i]);
    ck_assert_int_eq(kinds_person(NULL), 0);
}
END_TEST

/* The sports: WordNet's (the table's first and last, which a binary search finds only if
 * the table is sorted), newer ones and two words; words mostly meant otherwise are none. */
START_TEST(test_kinds_of_sport)
{
    const char *const sports[] = {"acrobatics", "wrestling", "Netball", "padel", "water polo", "rugby",
                                  NULL};
    const char *const others[] = {"round", "dip", "team sport", "netballs", "", NULL};
    for (int i = 0; sports[i]; i++) ck_assert_msg(kinds_sport(sports[i]), "%s", sports[i]);
    for (int i = 0; others[i]; i++) ck_assert_msg(!kinds_sport(others[i]), "%s", others[i]);
    ck_assert_int_eq(kinds_sport(NULL), 0);
}
END_TEST

/* The musical instruments: WordNet's (the table's first and last), newer ones and two
 * words; words mostly meant otherwise are none. */
START_TEST(test_kinds_of_instrument)
{
    const char *const instruments[] = {"accordion", "zithern", "Fiddle", "veena", "steel guitar",
                                       "ukulele", NULL};
    const char *const others[] = {"bass", "organ", "kettle", "fiddles", "", NULL};
    for (int i = 0; instruments[i]; i++)
        ck_assert_msg(kinds_instrument(instruments[i]), "%s", instruments[i]);
    for (int i = 0; others[i]; i++) ck_assert_msg(!kinds_instrument(others[i]), "%s", others[i]);
    ck_assert_int_eq(kinds_instrument(NULL), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("facts");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_one_of_several_people_is_a_holder_of_their_own);
    tcase_add_test(tc, test_the_only_one_of_a_kin_word_is_that_kin);
    tcase_add_test(tc, test_holder_keys_drop_how_many);
    tcase_add_test(tc, test_holders_compare_without_case_or_spaces);
    tcase_add_test(tc, test_a_holder_no_fact_has_may_be_words_of_a_relation);
    tcase_add_test(tc, test_relations_compare_on_their_stems);
    tcase_add_test(tc, test_the_users_own_age_is_a_grown_or_teenage_persons);
    tcase_add_test(tc, test_values_that_cannot_be_of_their_relation);
    tcase_add_test(tc, test_a_value_spelt_again_is_found);
    tcase_add_test(tc, test_ages_compare_among_the_people_named);
    tcase_add_test(tc, test_ages_compare_the_names_of_a_group);
    tcase_add_test(tc, test_ages_compare_the_group_asked_of);
    tcase_add_test(tc, test_an_animal_asked_after_is_its_one_kind_told);
    tcase_add_test(tc, test_kinds_of_person);
    tcase_add_test(tc, test_kinds_of_sport);
    tcase_add_test(tc, test_kinds_of_instrument);
    tcase_add_test(tc, test_a_date_in_other_words_is_the_same_value);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

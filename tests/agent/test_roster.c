/* test_roster.c: lists of the user's people or animals with their ages (agent/roster.h),
 * as tables: each message's items (name, age, the kind said of an animal) and the group
 * they belong to, in English and in Chinese; a message that holds no list gives none,
 * and a list stays within one sentence unless each item begins one. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/roster.h"

static const struct {
    const char *text;
    const char *group;      /* the group's holder key, "" when the list names none */
    const char *want[5];    /* "name age" or "name age kind", NULL-terminated; none: no list */
} rows[] = {
    {"two hamsters, Pip who's 2 and Dot who is 1", "hamsters", {"Pip 2", "Dot 1", NULL}},
    {"got three kids: Ola's 9, Ben's 6, baby Kit 1", "children", {"Ola 9", "Ben 6", "Kit 1", NULL}},
    /* a plural of kin leads no item */
    {"I've got two grandkids, Nell, who's 7, and little Ruari, 2", "grandchildren",
     {"Nell 7", "Ruari 2", NULL}},
    /* an aside that names an animal's kind; the list names no group */
    {"my pets: Rolo the beagle is 10 and Pim the parrot is 25", "",
     {"Rolo 10 beagle", "Pim 25 parrot", NULL}},
    {"in the yard: Dusty the Jack Russell is 13 and Shelby the tortoise is nearly 70", "",
     {"Dusty 13 jack russell", "Shelby 70 tortoise", NULL}},
    /* a word between the count and the plural; "the" and a word of size before a name */
    {"Got two sheep dogs: Nell the collie is 5 and the young fella Bran is only 1", "dogs",
     {"Nell 5 collie", "Bran 1", NULL}},
    {"three cats: Mop the grey one is 9 and the kitten Bean is barely 1", "cats",
     {"Mop 9", "Bean 1 kitten", NULL}},
    /* words of size before two names or more: children */
    {"my eldest Tavi is 14 and mad about chess, the middle one Ines is 10, the baby Rafe "
     "just turned 5", "children", {"Tavi 14", "Ines 10", "Rafe 5", NULL}},
    {"I have two grandsons: Ewan is 9 and Rhys has just turned 4.", "grandsons",
     {"Ewan 9", "Rhys 4", NULL}},
    /* one sentence, or notes that each begin one */
    {"Hi. I'm Maud, 80, from Sligo. I've four grandchildren and I look after two of them, "
     "Cait, who's 8, and little Eoin, 3.", "grandchildren", {"Cait 8", "Eoin 3", NULL}},
    {"my kids: Tomas 17, wants to fly planes. Lucia 13, loves drawing", "children",
     {"Tomas 17", "Lucia 13", NULL}},
    /* no list */
    {"the Fiat is 12 and the Ford is 3", "", {NULL}},
    {"Nell the collie is 5", "", {NULL}},
    {"my brother is 30 and I am 28", "", {NULL}},
};

START_TEST(test_items)
{
    const char *text = rows[_i].text;
    roster_t r;
    int n = roster_read(text, &r), want = 0;
    while (rows[_i].want[want]) want++;
    ck_assert_msg(n == want, "%s: %d items, want %d", text, n, want);
    if (!n) return;
    ck_assert_str_eq(r.group, rows[_i].group);
    for (int i = 0; i < n; i++) {
        roster_item_t it;
        ck_assert(roster_item(text, &r, r.items[i].start, strlen(text) - r.items[i].start, &it));
        char got[128];
        snprintf(got, sizeof got, "%s %s%s%s", it.name, it.age, it.kind[0] ? " " : "", it.kind);
        ck_assert_str_eq(got, rows[_i].want[i]);
    }
}
END_TEST

/* Chinese lists (roster_zh_read): a count and a group before them, or a kin word before
 * each item; the age kept with 岁; words of size, 叫, 是 and what one is, words of time. */
static const struct {
    const char *text, *group;
    const char *want[4];        /* "name age group", NULL-terminated; none: no list */
} zh_rows[] = {
    {"家里俩兔，团团4岁，圆圆才2岁", "rabbits", {"团团 4岁 rabbits", "圆圆 2岁 rabbits", NULL}},
    {"我有俩孙辈：外孙阿杰今年九岁，外孙女小雨才三岁", "grandchildren",
     {"阿杰 九岁 grandson", "小雨 三岁 granddaughter", NULL}},
    {"我有两个孩子，大的叫乐乐，十一岁，小的叫笑笑，五岁", "children",
     {"乐乐 十一岁 children", "笑笑 五岁 children", NULL}},
    {"养了俩猫，年糕是白猫今年六岁，布丁是橘猫才一岁", "cats",
     {"年糕 六岁 cats", "布丁 一岁 cats", NULL}},
    {"我叫王磊，今年四十一岁", "", {NULL}},
    {"今天三十八度，热死了", "", {NULL}},
};

START_TEST(test_zh_items)
{
    const char *text = zh_rows[_i].text;
    roster_t r;
    int n = roster_zh_read(text, &r), want = 0;
    while (zh_rows[_i].want[want]) want++;
    ck_assert_msg(n == want, "%s: %d items, want %d", text, n, want);
    if (!n) return;
    ck_assert_str_eq(r.group, zh_rows[_i].group);
    for (int i = 0; i < n; i++) {
        roster_item_t it;
        ck_assert(roster_item(text, &r, r.items[i].start, strlen(text) - r.items[i].start, &it));
        char got[128];
        snprintf(got, sizeof got, "%s %s %s", it.name, it.age, it.group);
        ck_assert_str_eq(got, zh_rows[_i].want[i]);
    }
}
END_TEST

/* An animal alone of its kind in a list that names no group is "my dog"; two of one kind
 * are "my dogs". */
START_TEST(test_the_group_of_an_animal)
{
    const char *one = "Rolo the beagle is 10 and Pim the parrot is 25";
    const char *two = "Rolo the beagle is 10 and Taz the whippet is 7";
    roster_t r;
    roster_item_t it;
    ck_assert_int_eq(roster_read(one, &r), 2);
    ck_assert(roster_item(one, &r, r.items[0].start, strlen(one), &it));
    ck_assert_str_eq(it.group, "dog");
    ck_assert_str_eq(it.animal, "dog");
    ck_assert_int_eq(roster_read(two, &r), 2);
    ck_assert(roster_item(two, &r, r.items[1].start, strlen(two) - r.items[1].start, &it));
    ck_assert_str_eq(it.group, "dogs");
    ck_assert_str_eq(it.kind, "whippet");
}
END_TEST

/* What an item goes on to say is read of the named one ("and mad about chess": loves). */
START_TEST(test_what_an_item_goes_on_to_say)
{
    const char *text = "my kids: Tavi is 14 and mad about chess, Ines is 11 and plays cello";
    roster_t r;
    roster_item_t it;
    ck_assert_int_eq(roster_read(text, &r), 2);
    size_t end0 = r.items[1].start;
    ck_assert(roster_item(text, &r, r.items[0].start, end0 - r.items[0].start, &it));
    ck_assert_str_eq(it.sentence, "Tavi loves chess, ");
    ck_assert(roster_item(text, &r, r.items[1].start, strlen(text) - r.items[1].start, &it));
    ck_assert_str_eq(it.sentence, "Ines plays cello");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("roster");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_items, 0, (int)(sizeof rows / sizeof rows[0]));
    tcase_add_loop_test(tc, test_zh_items, 0, (int)(sizeof zh_rows / sizeof zh_rows[0]));
    tcase_add_test(tc, test_the_group_of_an_animal);
    tcase_add_test(tc, test_what_an_item_goes_on_to_say);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

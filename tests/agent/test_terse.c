/* test_terse.c: messages written as notes, the sentences they stand for (agent/terse.h),
 * as a table: a name, an age, a job, a place, where one is from, a diet and a pet or
 * person of one's own with its kind and age are written out (after a greeting of its
 * own too, "I'm X" only when notes follow to the end, an aside of one's own between
 * notes a sentence of its own); a message with a bare word that is no note, a question,
 * a name and a place alone, fewer than two notes or no lower case is left as it is (0);
 * a buffer too small is refused. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "agent/terse.h"

static const struct {
    const char *text, *want;            /* want NULL: left as it is */
} rows[] = {
    {"Hedda. 52. welder, Narvik. dog Rufus, collie, 9.",
     "My name is Hedda. I'm 52 years old. I'm a welder. I live in Narvik. My dog is called Rufus. "
     "My dog is a collie. Rufus is 9."},
    {"Yusuf here. Bus driver. 47 yrs", "My name is Yusuf. I'm a bus driver. I'm 47 years old."},
    {"name Ines. 30. vegetarian.", "My name is Ines. I'm 30 years old. I'm vegetarian."},
    {"Tamsin, 63, retired librarian in Hove. my sis Wren, 60.",
     "My name is Tamsin. I'm 63 years old. I'm a retired librarian in Hove. My sis is called Wren. "
     "Wren is 60."},
    {"Olu. 29. nurse. Cat: Pepper, tabby. long shift rn",
     "My name is Olu. I'm 29 years old. I'm a nurse. My cat is called Pepper. My cat is a tabby. "
     "long shift rn"},
    {"Kofi. Taxi driver, Kumasi. 12 years driving.",
     "My name is Kofi. I'm a taxi driver. I live in Kumasi. 12 years driving."},
    {"hey hey, Noor, 26, dental nurse, based in Leeds but mostly at my mum's",
     "hey hey. My name is Noor. I'm 26 years old. I'm a dental nurse. based in Leeds but mostly at "
     "my mum's."},
    {"Salve! Pietro, from Ancona, 51, I fix boilers in Turin.",
     "Salve! My name is Pietro. I'm from Ancona. I'm 51 years old. I fix boilers in Turin."},
    {"Orla, 40, potter, from West Cork.",
     "My name is Orla. I'm 40 years old. I'm a potter. I'm from West Cork."},
    /* "I'm X" or "I am X" opening notes throughout, an aside of one's own between notes */
    {"I'm Ilse, 58, retired tailor, Ghent.",
     "My name is Ilse. I'm 58 years old. I'm a retired tailor. I live in Ghent."},
    {"Ilse, 58, my eyes are bad, retired tailor, Ghent.",
     "My name is Ilse. I'm 58 years old. my eyes are bad. I'm a retired tailor. I live in Ghent."},
    /* left as they are */
    {"I am Ilse, 58, tailor in Ghent since my youth, like my mother", NULL},
    {"HI. BRENDAN HERE. 70 YEARS OLD, RETIRED FERRYMAN.", NULL},
    {"Hi there, Ana, how are you doing today", NULL},
    {"busy. 12 hrs. nurse.", NULL},
    {"bram. 52. roofer.", NULL},
    {"son: Ivo, 9, mad about kites", NULL},
    {"Howay man, I'm Tam, I drive the bus, Gateshead mostly.", NULL},
    {"My brother-in-law, Ivo, is a roofer, and my niece Ada sings.", NULL},
    {"Joking. Partly.", NULL},
    {"Mara. Lisbon.", NULL},
    {"plumber. dundee. vegan.", NULL},
    {"Sven. 44. Build boats. Tromsø.", NULL},
    {"Nurse?", NULL},
    {"Thanks, 20.", NULL},
    {"I'm a baker in Leeds and I'm 30.", NULL},
    {"我叫小林，三十岁", NULL},
};

START_TEST(test_terse_table)
{
    char out[2048];
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        long n = terse_text(rows[i].text, out, sizeof out);
        if (!rows[i].want) {
            ck_assert_msg(n == 0, "row %zu (%s) written out", i, rows[i].text);
            continue;
        }
        ck_assert_msg(n > 0, "row %zu (%s) not written out", i, rows[i].text);
        ck_assert_str_eq(out, rows[i].want);
        ck_assert_int_eq((long)strlen(out), n);
    }
}
END_TEST

START_TEST(test_terse_too_small)
{
    char out[16];
    ck_assert_int_eq(terse_text("Hedda. 52. welder.", out, sizeof out), -1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("terse");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_terse_table);
    tcase_add_test(tc, test_terse_too_small);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

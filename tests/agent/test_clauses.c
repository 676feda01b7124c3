/* test_clauses.c: cutting messages into clauses (agent/clauses.h), as a table: sentence
 * ends always cut, a comma or a conjunction cuts only before a new subject, and
 * abbreviations, decimals and lists stay whole. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/clauses.h"

static const struct {
    const char *text;
    const char *want[6];    /* the clauses, NULL-terminated */
} rows[] = {
    {"My dog is called Rex.", {"My dog is called Rex", NULL}},
    {"my mum is Ann and my dad is Rob", {"my mum is Ann", "my dad is Rob", NULL}},
    {"i left Philips, i joined Nokia last week", {"i left Philips", "i joined Nokia last week", NULL}},
    {"hello! what's my cat called?", {"hello", "what's my cat called?", NULL}},
    {"I like salt and pepper on chips", {"I like salt and pepper on chips", NULL}},
    /* two questions joined by "and"; a question word alone before it joins nothing */
    {"what's my shoe size and when is my birthday?", {"what's my shoe size", "when is my birthday?", NULL}},
    {"which town and which street do i live on?", {"which town and which street do i live on?", NULL}},
    {"where do i live and work?", {"where do i live and work?", NULL}},
    {"which bus do i take and when does it leave", {"which bus do i take", "when does it leave", NULL}},
    {"what a week and what a mess", {"what a week and what a mess", NULL}},
    {"老公叫大伟，女儿甜甜今年七岁了", {"老公叫大伟", "女儿甜甜今年七岁了", NULL}},
    {"老家在西安，最爱吃火锅", {"老家在西安", "最爱吃火锅", NULL}},
    {"hi, how are you", {"hi, how are you", NULL}},
    {"Sorry, which firm do I work for?", {"Sorry", "which firm do I work for?", NULL}},
    {"ok, so where was I", {"ok, so where was I", NULL}},
    {"Quick question: where do I live?", {"Quick question", "where do I live?", NULL}},
    {"note: I moved to Leeds", {"note: I moved to Leeds", NULL}},
    {"Dr. Mensah is my GP. She works in St. Ives", {"Dr. Mensah is my GP", "She works in St. Ives", NULL}},
    {"We live in Malmö. My son is 4", {"We live in Malmö", "My son is 4", NULL}},
    {"my shoe size is 9.5 lol", {"my shoe size is 9.5 lol", NULL}},
    /* notes: a comma before a key and its colon cuts; one without does not */
    {"age 52, job: roofer, fave food = laksa", {"age 52", "job: roofer", "fave food = laksa", NULL}},
    {"Horse: Haflinger, name Bramble", {"Horse: Haflinger, name Bramble", NULL}},
    {"i'm 31 but my brother is 28", {"i'm 31", "my brother is 28", NULL}},
    {"  ...  ", {NULL}},
    {"", {NULL}},
    {"ok so i moved to Ghent; we love it here!!", {"ok", "i moved to Ghent", "we love it here", NULL}},
    {"我叫小明。我住在西安", {"我叫小明", "我住在西安", NULL}},
    {"我的兔子叫什么？", {"我的兔子叫什么？", NULL}},
    {"我有一只狗，我的狗叫旺财", {"我有一只狗", "我的狗叫旺财", NULL}},
    {"line one\nline two", {"line one", "line two", NULL}},
    {"ok cool, please forget my number", {"ok cool", "please forget my number", NULL}},
    {"我们搬家了，请忘记我的地址", {"我们搬家了", "请忘记我的地址", NULL}},
    /* a capitalised name and a verb start a clause; a name in a list does not */
    {"Lotte is 12, Finn is 9 and Mia just turned 4", {"Lotte is 12", "Finn is 9", "Mia just turned 4", NULL}},
    {"Oskar and Greta moved to the hall.", {"Oskar and Greta moved to the hall", NULL}},
    {"Thanks and I moved to Hull", {"Thanks", "I moved to Hull", NULL}},
    {"three kids: Lotte, Finn and Mia", {"three kids: Lotte, Finn and Mia", NULL}},
    {"my sons are 8 and 6, Ben's the older one", {"my sons are 8 and 6", "Ben's the older one", NULL}},
    {"we went to Paris, Rome and Lisbon", {"we went to Paris, Rome and Lisbon", NULL}},
    /* a colon after two words before a subject; a name in lower case with "is" and a
     * number after a comma; "not" and one word after a full stop stay with it */
    {"the vet rang: it's not fleas", {"the vet rang", "it's not fleas", NULL}},
    {"tove is 8, pim is 5", {"tove is 8", "pim is 5", NULL}},
    {"me and jo are not mates anymore my new bestie is liv",
     {"me and jo are not mates anymore", "my new bestie is liv", NULL}},
    {"are you sure my dog is 3", {"are you sure my dog is 3", NULL}},
    {"my girl, who is 6", {"my girl, who is 6", NULL}},
    {"oops. KARIN. not karen", {"oops", "KARIN. not karen", NULL}},
    /* a bracket of the user's own is a clause; a name's bracket is not */
    {"off sick (I'm a roofer, go figure) and bored",
     {"off sick", "I'm a roofer, go figure", "and bored", NULL}},
    {"Ari (my son, 4) loves trains", {"Ari (my son, 4) loves trains", NULL}},
    /* "while" before a subject: the value before it ends there */
    {"i work at a garage in Ely while i study", {"i work at a garage in Ely", "i study", NULL}},
};

START_TEST(test_messages_cut_where_a_new_clause_starts)
{
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        clause_span_t c[CLAUSES_MAX];
        int n = clauses_split(rows[r].text, strlen(rows[r].text), c);
        int want = 0;
        while (rows[r].want[want]) want++;
        ck_assert_msg(n == want, "'%s': %d clauses, want %d", rows[r].text, n, want);
        for (int i = 0; i < n; i++) {
            char got[256];
            snprintf(got, sizeof got, "%.*s", (int)c[i].len, rows[r].text + c[i].at);
            ck_assert_msg(strcmp(got, rows[r].want[i]) == 0, "'%s' clause %d: '%s', want '%s'",
                          rows[r].text, i, got, rows[r].want[i]);
        }
    }
}
END_TEST

START_TEST(test_a_long_message_keeps_the_rest_in_its_last_clause)
{
    char text[1024] = "";
    for (int i = 0; i < 40; i++) strcat(text, "I like tea. ");
    clause_span_t c[CLAUSES_MAX];
    int n = clauses_split(text, strlen(text), c);
    ck_assert_int_eq(n, CLAUSES_MAX);
    ck_assert_uint_gt(c[n - 1].len, 12);
    ck_assert_uint_le(c[n - 1].at + c[n - 1].len, strlen(text));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("clauses");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_messages_cut_where_a_new_clause_starts);
    tcase_add_test(tc, test_a_long_message_keeps_the_rest_in_its_last_clause);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* test_stem.c: the word normalization behind the lexical sketch (model/lex_words.h,
 * private to model/): inflected forms share a stem, short and non-ASCII words are left
 * alone, clitics are dropped, and the stopword and CJK function-character lists answer. */
#include "model/lex_words.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static const char *stem(const char *w)
{
    static char out[LEX_WORD_MAX];
    lex_stem(w, out, sizeof out);
    return out;
}

/* Every word of a group (NULL-terminated) must stem like the first. */
static void expect_same_stem(const char *const *group)
{
    char first[LEX_WORD_MAX];
    lex_stem(group[0], first, sizeof first);
    for (int i = 1; group[i]; i++)
        ck_assert_msg(strcmp(stem(group[i]), first) == 0, "\"%s\" -> \"%s\", but \"%s\" -> \"%s\"",
                      group[i], stem(group[i]), group[0], first);
}

static const char *const groups[][6] = {
    { "walk", "walks", "walked", "walking", NULL },
    { "paint", "paints", "painted", "painting", "paintings", NULL },
    { "hope", "hopes", "hoped", "hoping", NULL },
    { "run", "runs", "running", "ran", NULL },
    { "stop", "stops", "stopped", "stopping", NULL },
    { "city", "cities", NULL },
    { "try", "tries", "tried", NULL },
    { "family", "families", NULL },
    { "box", "boxes", NULL },
    { "class", "classes", NULL },
    { "horse", "horses", NULL },
    { "movie", "movies", NULL },
    { "agree", "agreed", "agrees", NULL },
    { "go", "went", "gone", "going", NULL },
    { "make", "made", "makes", "making", NULL },
    { "buy", "bought", "buys", "buying", NULL },
    { "child", "children", NULL },
    { "quick", "quickly", NULL },
    { "week", "weekly", "weeks", NULL },
    { "create", "creation", "created", NULL },
    { "caroline", "caroline's", NULL },
};

START_TEST(test_inflected_forms_share_a_stem)
{
    expect_same_stem(groups[_i]);
}
END_TEST

START_TEST(test_distinct_words_keep_distinct_stems)
{
    static const char *const pairs[][2] = {
        { "sing", "song" }, { "need", "ne" }, { "bed", "b" }, { "thing", "th" },
        { "family", "fam" }, { "early", "ear" }, { "walk", "talk" }, { "fill", "fil" },
        { "miss", "mis" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        char a[LEX_WORD_MAX];
        lex_stem(pairs[i][0], a, sizeof a);
        ck_assert_msg(strcmp(a, stem(pairs[i][1])) != 0, "\"%s\" and \"%s\" both -> \"%s\"",
                      pairs[i][0], pairs[i][1], a);
    }
}
END_TEST

START_TEST(test_short_words_are_left_alone)
{
    ck_assert_str_eq(stem("bus"), "bus");
    ck_assert_str_eq(stem("gas"), "gas");
    ck_assert_str_eq(stem("is"), "is");
    ck_assert_str_eq(stem("sing"), "sing");   /* no vowel would remain before -ing */
    ck_assert_str_eq(stem("need"), "need");
    ck_assert_str_eq(stem("use"), "use");
}
END_TEST

START_TEST(test_clitics_are_dropped)
{
    ck_assert_str_eq(stem("mel's"), "mel");
    ck_assert_str_eq(stem("didn't"), "did");
    ck_assert_str_eq(stem("we'll"), "we");
    ck_assert_str_eq(stem("they're"), "they");
    ck_assert_str_eq(stem("i've"), "i");
    ck_assert_str_eq(stem("rock'n'roll"), "rocknroll");
}
END_TEST

START_TEST(test_digits_and_non_ascii_are_not_stemmed)
{
    ck_assert_str_eq(stem("2023"), "2023");
    ck_assert_str_eq(stem("1990s"), "1990s");
    ck_assert_str_eq(stem("cafés"), "cafés");
    ck_assert_str_eq(stem("привет"), "привет");
    ck_assert_str_eq(stem("josé's"), "josé");
}
END_TEST

START_TEST(test_long_words_are_cut_not_overflowed)
{
    char w[300], out[LEX_WORD_MAX];
    memset(w, 'x', sizeof w - 1);
    w[sizeof w - 1] = '\0';
    size_t n = lex_stem(w, out, sizeof out);
    ck_assert_uint_le(n, LEX_WORD_MAX - 1);
    ck_assert_uint_eq(strlen(out), n);
    ck_assert_uint_eq(lex_stem("walking", out, 1), 0);
    ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(test_stopwords_are_recognized)
{
    static const char *const stop[] = {
        "a", "yup", "the", "and", "what", "when", "did", "don't", "i'm", "it's", "you've",
        "yourselves", "awesome", "thanks", "really", "wow", "us", "would", "with", "about",
    };
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
        ck_assert_msg(lex_is_stopword(stop[i]), "\"%s\" is not a stopword", stop[i]);
    static const char *const content[] = {
        "dog", "paris", "pottery", "adoption", "2023", "rex", "", "zzz", "aa", "yz",
    };
    for (size_t i = 0; i < sizeof content / sizeof *content; i++)
        ck_assert_msg(!lex_is_stopword(content[i]), "\"%s\" is a stopword", content[i]);
}
END_TEST

START_TEST(test_cjk_function_characters_are_recognized)
{
    ck_assert(lex_cjk_stop("的"));
    ck_assert(lex_cjk_stop("了"));
    ck_assert(lex_cjk_stop("の"));
    ck_assert(lex_cjk_stop("는"));
    ck_assert(!lex_cjk_stop("猫"));
    ck_assert(!lex_cjk_stop("京"));
    ck_assert(!lex_cjk_stop("a"));
    ck_assert(!lex_cjk_stop(""));
    ck_assert(!lex_cjk_stop("的的"));
}
END_TEST

static Suite *stem_suite(void)
{
    Suite *s = suite_create("stem");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_inflected_forms_share_a_stem, 0,
                        (int)(sizeof groups / sizeof *groups));
    tcase_add_test(tc, test_distinct_words_keep_distinct_stems);
    tcase_add_test(tc, test_short_words_are_left_alone);
    tcase_add_test(tc, test_clitics_are_dropped);
    tcase_add_test(tc, test_digits_and_non_ascii_are_not_stemmed);
    tcase_add_test(tc, test_long_words_are_cut_not_overflowed);
    tcase_add_test(tc, test_stopwords_are_recognized);
    tcase_add_test(tc, test_cjk_function_characters_are_recognized);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(stem_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* test_tokenizer.c: the tokenizer's contract (model/tokenizer.h): lower-cased words split
 * on whitespace and punctuation (each marked when written with a capital), apostrophes
 * kept inside words, non-ASCII letters kept,
 * CJK characters and their bigrams, and strict UTF-8 with the offset of the first bad
 * byte (a table of hostile byte strings). */
#include "model/tokenizer.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Splits s (strlen) and checks the tokens against want[] (NULL-terminated) and, when
 * kinds is not NULL, their kinds. */
static void expect_tokens(const char *s, const char *const *want, const int *kinds)
{
    tok_list_t t;
    char err[128] = "";
    ck_assert_int_eq(tok_split(s, strlen(s), &t, err, sizeof err), TOK_OK);
    int n = 0;
    while (want[n])
        n++;
    for (int i = 0; i < n && i < t.n; i++) {
        ck_assert_msg(strcmp(t.v[i], want[i]) == 0, "token %d of \"%s\": got \"%s\", want \"%s\"",
                      i, s, t.v[i], want[i]);
        if (kinds)
            ck_assert_msg(t.kind[i] == kinds[i], "kind of token %d (\"%s\"): got %d, want %d",
                          i, t.v[i], t.kind[i], kinds[i]);
    }
    ck_assert_msg(t.n == n, "\"%s\": got %d tokens, want %d", s, t.n, n);
    tok_list_free(&t);
}

START_TEST(test_tokenizer_lowercases_ascii)
{
    static const char *const want[] = { "my", "dog", "rex", "likes", "nyc", NULL };
    expect_tokens("My DOG Rex likes NYC", want, NULL);
}
END_TEST

START_TEST(test_tokenizer_marks_words_written_with_a_capital)
{
    /* the one trace of case kept: whether the first letter was upper case */
    static const char *const s = "I'm Tom, tOM's iPhone ÉLODIE élodie 猫 Rex";
    static const unsigned char want[] = {1, 1, 0, 0, 1, 0, 0, 1};
    tok_list_t t;
    char err[128] = "";
    ck_assert_int_eq(tok_split(s, strlen(s), &t, err, sizeof err), TOK_OK);
    ck_assert_int_eq(t.n, (int)sizeof want);
    for (int i = 0; i < t.n; i++)
        ck_assert_msg(t.cap[i] == want[i], "cap of token %d (\"%s\"): got %d, want %d", i,
                      t.v[i], t.cap[i], want[i]);
    tok_list_free(&t);
}
END_TEST

START_TEST(test_tokenizer_splits_on_whitespace_and_punctuation)
{
    static const char *const want[] = { "self", "care", "is", "key", "e", "g", "yoga",
                                        "tea", "me", "example", "com", NULL };
    expect_tokens("  self-care\tis key\n(e.g. yoga; tea)...me@example.com!", want, NULL);
}
END_TEST

START_TEST(test_tokenizer_keeps_apostrophes_inside_words)
{
    /* one token per word: the lexical sketch drops the clitic, the model sees it whole */
    static const char *const want[] = { "don't", "touch", "caroline's", "dogs", "tis",
                                        "rock'n'roll", NULL };
    expect_tokens("Don't touch Caroline's dogs' 'tis rock'n'roll''", want, NULL);
}
END_TEST

START_TEST(test_tokenizer_reads_typographic_apostrophe_as_ascii)
{
    static const char *const want[] = { "i'm", "mel's", "friend", NULL };
    expect_tokens("I\xE2\x80\x99m Mel\xE2\x80\x99s friend", want, NULL);
}
END_TEST

START_TEST(test_tokenizer_keeps_digits_as_tokens)
{
    static const char *const want[] = { "in", "2023", "i", "ran", "3", "5", "km", "at",
                                        "7pm", NULL };
    expect_tokens("In 2023 I ran 3.5 km at 7pm.", want, NULL);
}
END_TEST

START_TEST(test_tokenizer_keeps_non_ascii_letters_in_words)
{
    static const char *const want[] = { "élodie", "über", "привет", "mañana", "straße",
                                        "ωμέγα", NULL };
    expect_tokens("\xC3\x89lodie \xC3\x9C" "BER \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, "
                  "ma\xC3\xB1" "ana stra\xC3\x9F" "e \xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1",
                  want, NULL);
}
END_TEST

START_TEST(test_tokenizer_folds_fullwidth_ascii)
{
    static const char *const want[] = { "abc12", NULL };
    expect_tokens("\xEF\xBC\xA1\xEF\xBD\x82\xEF\xBC\xA3\xEF\xBC\x91\xEF\xBC\x92", want, NULL);
}
END_TEST

START_TEST(test_chinese_yields_characters_and_bigrams)
{
    static const char *const want[] = { "猫", "狗", "猫狗", NULL };
    static const int kinds[] = { TOK_CJK, TOK_CJK, TOK_CJK_BIGRAM };
    expect_tokens("猫狗", want, kinds);

    static const char *const want3[] = { "我", "爱", "我爱", "猫", "爱猫", NULL };
    static const int kinds3[] = { TOK_CJK, TOK_CJK, TOK_CJK_BIGRAM, TOK_CJK, TOK_CJK_BIGRAM };
    expect_tokens("我爱猫", want3, kinds3);
}
END_TEST

START_TEST(test_single_cjk_character_has_no_bigram)
{
    static const char *const want[] = { "猫", NULL };
    static const int kinds[] = { TOK_CJK };
    expect_tokens("猫", want, kinds);
}
END_TEST

START_TEST(test_cjk_punctuation_separates)
{
    /* no bigram across 。，！？「」、 or the fullwidth ! and space */
    static const char *const want[] = { "今", "天", "今天", "好", "猫", "狗", "东", "京",
                                        "东京", "是", "否", "我", "你", NULL };
    expect_tokens("今天。好，猫！狗？「东京」是、否！我\xE3\x80\x80你", want, NULL);
}
END_TEST

START_TEST(test_japanese_kana_and_korean_hangul_are_cjk)
{
    static const char *const want[] = { "カ", "タ", "カタ", "ひ", "ら", "ひら", "한", "국",
                                        "한국", NULL };
    static const int kinds[] = { TOK_CJK, TOK_CJK, TOK_CJK_BIGRAM, TOK_CJK, TOK_CJK,
                                 TOK_CJK_BIGRAM, TOK_CJK, TOK_CJK, TOK_CJK_BIGRAM };
    /* the katakana middle dot separates */
    expect_tokens("カタ・ひら 한국", want, kinds);
}
END_TEST

START_TEST(test_mixed_english_chinese_tokens)
{
    static const char *const want[] = { "我", "爱", "我爱", "python", "编", "程", "编程",
                                        "and", "tea", NULL };
    static const int kinds[] = { TOK_CJK, TOK_CJK, TOK_CJK_BIGRAM, TOK_WORD, TOK_CJK,
                                 TOK_CJK, TOK_CJK_BIGRAM, TOK_WORD, TOK_WORD };
    expect_tokens("我爱Python编程 and TEA", want, kinds);
}
END_TEST

START_TEST(test_emoji_and_symbols_separate_words)
{
    static const char *const want[] = { "love", "it", "so", "much", "a", "b", NULL };
    expect_tokens("love\xF0\x9F\x98\x8Dit\xE2\x9D\xA4\xEF\xB8\x8Fso\xE2\x80\x94much a\xE2\x86\x92" "b",
                  want, NULL);
}
END_TEST

START_TEST(test_empty_text_gives_no_tokens)
{
    static const char *const none[] = { NULL };
    expect_tokens("", none, NULL);
    expect_tokens("   \t\n ", none, NULL);
    expect_tokens("?!... -- ()", none, NULL);
    expect_tokens("。，！", none, NULL);

    tok_list_t t;
    ck_assert_int_eq(tok_split(NULL, 0, &t, NULL, 0), TOK_OK);
    ck_assert_int_eq(t.n, 0);
    tok_list_free(&t);
}
END_TEST

START_TEST(test_embedded_nul_is_a_separator)
{
    tok_list_t t;
    ck_assert_int_eq(tok_split("ab\0cd", 5, &t, NULL, 0), TOK_OK);
    ck_assert_int_eq(t.n, 2);
    ck_assert_str_eq(t.v[0], "ab");
    ck_assert_str_eq(t.v[1], "cd");
    tok_list_free(&t);
}
END_TEST

START_TEST(test_long_word_is_one_token)
{
    enum { N = 100000 };
    char *s = malloc(N);
    ck_assert_ptr_nonnull(s);
    memset(s, 'A', N);
    tok_list_t t;
    ck_assert_int_eq(tok_split(s, N, &t, NULL, 0), TOK_OK);
    ck_assert_int_eq(t.n, 1);
    ck_assert_uint_eq(strlen(t.v[0]), N);
    ck_assert_int_eq(t.v[0][N - 1], 'a');
    tok_list_free(&t);
    free(s);
}
END_TEST

/* Hostile byte strings: each must be rejected, naming the offset of the first bad byte. */
static const struct {
    const char *s;
    size_t len;
    size_t offset;
    const char *why;
} hostile[] = {
    { "\xC0\xAF", 2, 0, "overlong" },                   /* '/' in two bytes */
    { "\xC1\xBF", 2, 0, "overlong" },
    { "ok \xE0\x80\xAF", 6, 3, "overlong" },            /* '/' in three bytes */
    { "\xF0\x80\x80\xAF", 4, 0, "overlong" },           /* '/' in four bytes */
    { "\xE0\x9F\xBF", 3, 0, "overlong" },               /* U+07FF in three bytes */
    { "ab\xED\xA0\x80", 5, 2, "surrogate" },            /* U+D800 */
    { "\xED\xBF\xBF", 3, 0, "surrogate" },              /* U+DFFF */
    { "abc\xF4\x90\x80\x80", 7, 3, "U+10FFFF" },        /* U+110000 */
    { "\xF5\x80\x80\x80", 4, 0, "lead byte" },
    { "\xFF", 1, 0, "lead byte" },
    { "\xFE\xFE", 2, 0, "lead byte" },
    { "x\x80", 2, 1, "continuation" },                  /* lone continuation byte */
    { "\xBF\xBF", 2, 0, "continuation" },
    { "x\xE2\x82", 3, 1, "truncated" },                 /* euro sign cut short */
    { "\xC3", 1, 0, "truncated" },
    { "\xF0\x9F\x98", 3, 0, "truncated" },
    { "\xC3(", 2, 0, "truncated" },                     /* continuation replaced */
    { "\xE2\x28\xA1", 3, 0, "truncated" },
    { "good 猫 \xE7\x8C", 11, 9, "truncated" },
    { "nul\0\xC0\x80", 6, 4, "overlong" },              /* modified-UTF-8 NUL */
};

START_TEST(test_tokenizer_rejects_hostile_utf8)
{
    tok_list_t t;
    char err[160] = "", want[64];
    int rc = tok_split(hostile[_i].s, hostile[_i].len, &t, err, sizeof err);
    ck_assert_msg(rc == TOK_EINVAL, "case %d accepted", _i);
    ck_assert_int_eq(t.n, 0);
    ck_assert_ptr_null(t.v);
    snprintf(want, sizeof want, "byte offset %zu", hostile[_i].offset);
    ck_assert_msg(strstr(err, want) != NULL, "case %d: \"%s\" lacks \"%s\"", _i, err, want);
    ck_assert_msg(strstr(err, hostile[_i].why) != NULL, "case %d: \"%s\" lacks \"%s\"", _i,
                  err, hostile[_i].why);
    ck_assert_int_eq(tok_utf8_valid(hostile[_i].s, hostile[_i].len), 0);
}
END_TEST

START_TEST(test_tokenizer_rejects_overlong_utf8)
{
    tok_list_t t;
    char err[128] = "";
    ck_assert_int_eq(tok_split("abc\xC0\xAF", 5, &t, err, sizeof err), TOK_EINVAL);
    ck_assert_str_eq(err, "invalid UTF-8 at byte offset 3: overlong encoding");
}
END_TEST

START_TEST(test_boundary_code_points_are_valid)
{
    /* U+007F, U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFD, U+FFFF, U+10000, U+10FFFF */
    static const char s[] = "\x7F \xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 "
                            "\xEF\xBF\xBD \xEF\xBF\xBF \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF";
    ck_assert_int_eq(tok_utf8_valid(s, sizeof s - 1), 1);
    tok_list_t t;
    ck_assert_int_eq(tok_split(s, sizeof s - 1, &t, NULL, 0), TOK_OK);
    tok_list_free(&t);
}
END_TEST

START_TEST(test_utf8_valid_on_plain_text)
{
    ck_assert_int_eq(tok_utf8_valid("", 0), 1);
    ck_assert_int_eq(tok_utf8_valid("hello", 5), 1);
    ck_assert_int_eq(tok_utf8_valid("猫狗 é", strlen("猫狗 é")), 1);
    /* a valid prefix does not make the whole valid */
    ck_assert_int_eq(tok_utf8_valid("hello\xC3", 6), 0);
    ck_assert_int_eq(tok_utf8_valid("hello\xC3", 5), 1);
}
END_TEST

/* An independent validator written from the Unicode standard's table of well-formed
 * byte sequences (Table 3-7), to check tok_utf8_valid against. */
static int ref_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        unsigned lo = 0x80, hi = 0xBF;
        int k;
        if (c <= 0x7F) { i++; continue; }
        else if (c >= 0xC2 && c <= 0xDF) k = 1;
        else if (c == 0xE0) { k = 2; lo = 0xA0; }
        else if (c >= 0xE1 && c <= 0xEC) k = 2;
        else if (c == 0xED) { k = 2; hi = 0x9F; }
        else if (c >= 0xEE && c <= 0xEF) k = 2;
        else if (c == 0xF0) { k = 3; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) k = 3;
        else if (c == 0xF4) { k = 3; hi = 0x8F; }
        else return 0;
        if (i + (size_t)k >= n)
            return 0;       /* truncated */
        if (s[i + 1] < lo || s[i + 1] > hi)
            return 0;
        for (int j = 2; j <= k; j++)
            if (s[i + (size_t)j] < 0x80 || s[i + (size_t)j] > 0xBF)
                return 0;
        i += (size_t)k + 1;
    }
    return 1;
}

START_TEST(test_random_bytes_agree_with_reference_validator)
{
    /* biased towards bytes that make near-valid sequences */
    static const unsigned char pool[] = { 'a', ' ', 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                          0xC0, 0xC2, 0xDF, 0xE0, 0xE3, 0xED, 0xEF, 0xF0,
                                          0xF4, 0xF5, 0xFF, 0x00 };
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    unsigned char buf[12];
    int valid = 0;
    for (int iter = 0; iter < 200000; iter++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t n = (size_t)(x >> 60) % sizeof buf;
        for (size_t i = 0; i < n; i++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            buf[i] = pool[(x >> 40) % sizeof pool];
        }
        int want = ref_valid(buf, n);
        ck_assert_msg(tok_utf8_valid((const char *)buf, n) == want, "iteration %d", iter);
        tok_list_t t;
        int rc = tok_split((const char *)buf, n, &t, NULL, 0);
        ck_assert_int_eq(rc, want ? TOK_OK : TOK_EINVAL);
        tok_list_free(&t);
        valid += want;
    }
    ck_assert_int_gt(valid, 1000);   /* both outcomes were exercised */
}
END_TEST

START_TEST(test_list_free_is_idempotent)
{
    tok_list_t t;
    ck_assert_int_eq(tok_split("a b c", 5, &t, NULL, 0), TOK_OK);
    ck_assert_int_eq(t.n, 3);
    tok_list_free(&t);
    ck_assert_int_eq(t.n, 0);
    tok_list_free(&t);
    tok_list_free(NULL);
}
END_TEST

static Suite *tokenizer_suite(void)
{
    Suite *s = suite_create("tokenizer");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_tokenizer_lowercases_ascii);
    tcase_add_test(tc, test_tokenizer_splits_on_whitespace_and_punctuation);
    tcase_add_test(tc, test_tokenizer_keeps_apostrophes_inside_words);
    tcase_add_test(tc, test_tokenizer_reads_typographic_apostrophe_as_ascii);
    tcase_add_test(tc, test_tokenizer_keeps_digits_as_tokens);
    tcase_add_test(tc, test_tokenizer_keeps_non_ascii_letters_in_words);
    tcase_add_test(tc, test_tokenizer_folds_fullwidth_ascii);
    tcase_add_test(tc, test_chinese_yields_characters_and_bigrams);
    tcase_add_test(tc, test_single_cjk_character_has_no_bigram);
    tcase_add_test(tc, test_cjk_punctuation_separates);
    tcase_add_test(tc, test_japanese_kana_and_korean_hangul_are_cjk);
    tcase_add_test(tc, test_mixed_english_chinese_tokens);
    tcase_add_test(tc, test_emoji_and_symbols_separate_words);
    tcase_add_test(tc, test_empty_text_gives_no_tokens);
    tcase_add_test(tc, test_embedded_nul_is_a_separator);
    tcase_add_test(tc, test_long_word_is_one_token);
    tcase_add_loop_test(tc, test_tokenizer_rejects_hostile_utf8, 0,
                        (int)(sizeof hostile / sizeof *hostile));
    tcase_add_test(tc, test_tokenizer_rejects_overlong_utf8);
    tcase_add_test(tc, test_boundary_code_points_are_valid);
    tcase_add_test(tc, test_utf8_valid_on_plain_text);
    tcase_add_test(tc, test_random_bytes_agree_with_reference_validator);
    tcase_add_test(tc, test_list_free_is_idempotent);
    tcase_add_test(tc, test_tokenizer_marks_words_written_with_a_capital);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(tokenizer_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

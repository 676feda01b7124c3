/* test_lexical.c: the lexical sketch (model/lexical.h): normalized, deterministic, blind
 * to case, punctuation, stopwords and inflection; lex_feature agrees with lex_encode;
 * and small retrieval specs in English, Chinese and both mixed, by plain cosine. */
#include "model/lexical.h"
#include "model/tokenizer.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void enc(const char *text, float *out)
{
    char err[128] = "";
    int rc = lex_encode(text, strlen(text), out, err, sizeof err);
    ck_assert_msg(rc == 0, "lex_encode(\"%s\") = %d: %s", text, rc, err);
}

static double dot(const float *a, const float *b)
{
    double s = 0;
    for (int d = 0; d < LEX_DIM; d++)
        s += (double)a[d] * b[d];
    return s;
}

static double cosine(const char *a, const char *b)
{
    float va[LEX_DIM], vb[LEX_DIM];
    enc(a, va);
    enc(b, vb);
    return dot(va, vb);
}

/* Index of the document most similar to the query (plain cosine). */
static int best(const char *query, const char *const *docs, int n)
{
    float q[LEX_DIM], d[LEX_DIM];
    enc(query, q);
    int arg = -1;
    double top = -2;
    for (int i = 0; i < n; i++) {
        enc(docs[i], d);
        double s = dot(q, d);
        if (s > top) {
            top = s;
            arg = i;
        }
    }
    return arg;
}

static int is_zero(const float *v)
{
    for (int d = 0; d < LEX_DIM; d++)
        if (v[d] != 0.0f)
            return 0;
    return 1;
}

START_TEST(test_sketch_is_normalized)
{
    static const char *const texts[] = {
        "My dog is called Rex.", "a", "Rex", "我的狗叫小白。", "the the the dog dog cat",
        "Caroline: I went to a LGBTQ support group yesterday and it was so powerful.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        float v[LEX_DIM];
        enc(texts[i], v);
        ck_assert_msg(fabs(dot(v, v) - 1.0) < 1e-5, "\"%s\": |v|^2 = %f", texts[i], dot(v, v));
    }
}
END_TEST

START_TEST(test_empty_text_gives_zero_sketch)
{
    static const char *const texts[] = { "", "   ", "?!...", "。，" };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        float v[LEX_DIM];
        memset(v, 0x7f, sizeof v);   /* garbage that must be overwritten */
        enc(texts[i], v);
        ck_assert_msg(is_zero(v), "\"%s\" is not all zeros", texts[i]);
    }
}
END_TEST

START_TEST(test_encode_is_deterministic)
{
    float a[LEX_DIM], b[LEX_DIM];
    enc("Melanie painted a lake sunrise last year.", a);
    enc("Melanie painted a lake sunrise last year.", b);
    ck_assert_int_eq(memcmp(a, b, sizeof a), 0);
}
END_TEST

START_TEST(test_case_and_punctuation_do_not_matter)
{
    ck_assert_double_gt(cosine("My dog is called Rex.", "my DOG -- is called... rex!!"),
                        0.9999);
}
END_TEST

START_TEST(test_stemmed_forms_share_features)
{
    ck_assert_double_gt(cosine("walked", "walking"), 0.9999);
    ck_assert_double_gt(cosine("She paints landscapes", "she painted a landscape"), 0.9999);
    ck_assert_double_gt(cosine("hoping", "hope"), 0.9999);
    ck_assert_double_gt(cosine("Where did Caroline go", "Caroline's going"), 0.9999);
}
END_TEST

START_TEST(test_stopwords_do_not_count)
{
    ck_assert_double_gt(cosine("the dog", "dog"), 0.9999);
    ck_assert_double_gt(cosine("What did the dog eat?", "dog ate"), 0.9999);
    ck_assert_double_gt(cosine("Wow, thanks! That's awesome, the pottery is really great",
                               "pottery"), 0.9999);
}
END_TEST

START_TEST(test_stopword_only_text_is_not_empty)
{
    float v[LEX_DIM];
    enc("How are you?", v);
    ck_assert(!is_zero(v));
    ck_assert_double_gt(cosine("How are you?", "how are YOU"), 0.9999);
    ck_assert_double_lt(cosine("How are you?", "Who is she?"), 0.5);
}
END_TEST

START_TEST(test_unrelated_texts_are_nearly_orthogonal)
{
    ck_assert_double_lt(fabs(cosine("My dog is called Rex.", "Paris has lovely museums")),
                        0.35);
    ck_assert_double_lt(fabs(cosine("猫喜欢吃鱼", "北京的烤鸭")), 0.35);
}
END_TEST

START_TEST(test_shared_words_raise_similarity)
{
    double near = cosine("I adopted a puppy named Coco", "What is the name of the puppy?");
    double far = cosine("I adopted a puppy named Coco", "What is the capital of France?");
    ck_assert_double_gt(near, far + 0.2);
}
END_TEST

START_TEST(test_repeated_words_count_sublinearly)
{
    /* dog x3 and cat x1: each feature spreads over LEX_PROBES buckets, so the sketch's
     * projection on a feature's signed probe vector reads its weight back (up to hash
     * collisions, absent for these two words at this size) */
    float v[LEX_DIM];
    enc("dog dog dog cat", v);
    double w[2];
    const char *f[2] = { "dog", "cat" };
    for (int k = 0; k < 2; k++) {
        int b[LEX_PROBES];
        float s[LEX_PROBES];
        lex_feature(f[k], strlen(f[k]), b, s);
        w[k] = 0;
        for (int p = 0; p < LEX_PROBES; p++)
            w[k] += s[p] * v[b[p]];
    }
    ck_assert_double_gt(w[1], 0);
    ck_assert_double_eq_tol(w[0] / w[1], 1.0 + log(3.0), 1e-4);
}
END_TEST

START_TEST(test_lex_feature_matches_encode)
{
    /* a one-word text is exactly its feature's probes, signed, normalized */
    float v[LEX_DIM], want[LEX_DIM] = { 0 };
    int b[LEX_PROBES];
    float s[LEX_PROBES];
    lex_feature("zebra", 5, b, s);
    for (int p = 0; p < LEX_PROBES; p++)
        want[b[p]] += s[p];
    double n = sqrt(dot(want, want));
    for (int d = 0; d < LEX_DIM; d++)
        want[d] = (float)(want[d] / n);
    enc("Zebra!", v);
    for (int d = 0; d < LEX_DIM; d++)
        ck_assert_float_eq_tol(v[d], want[d], 1e-6f);
}
END_TEST

START_TEST(test_feature_buckets_are_in_range_and_spread)
{
    enum { N = 20000 };
    static int count[LEX_DIM];
    int plus = 0;
    char f[32];
    memset(count, 0, sizeof count);
    for (int i = 0; i < N; i++) {
        int b[LEX_PROBES];
        float s[LEX_PROBES];
        int n = snprintf(f, sizeof f, "word%d", i);
        lex_feature(f, (size_t)n, b, s);
        for (int p = 0; p < LEX_PROBES; p++) {
            ck_assert_int_ge(b[p], 0);
            ck_assert_int_lt(b[p], LEX_DIM);
            ck_assert(s[p] == 1.0f || s[p] == -1.0f);
            count[b[p]]++;
            plus += s[p] > 0;
        }
    }
    /* N * LEX_PROBES draws over LEX_DIM buckets: mean 156, sd about 12.5 */
    double mean = (double)N * LEX_PROBES / LEX_DIM;
    for (int d = 0; d < LEX_DIM; d++)
        ck_assert_msg(fabs(count[d] - mean) < 6 * sqrt(mean), "bucket %d has %d", d, count[d]);
    ck_assert_int_lt(abs(2 * plus - N * LEX_PROBES), 6 * (int)sqrt((double)N * LEX_PROBES));
}
END_TEST

START_TEST(test_english_query_finds_english_sentence)
{
    static const char *const docs[] = {
        "Melanie: I signed up for a pottery class yesterday.",
        "Caroline: I went to a LGBTQ support group yesterday and it was so powerful.",
        "Melanie: We went camping with the kids in the mountains last summer.",
        "Caroline: My grandma gave me this necklace in Sweden.",
    };
    ck_assert_int_eq(best("When did Caroline go to the support group?", docs, 4), 1);
    ck_assert_int_eq(best("Where did Melanie camp with her kids?", docs, 4), 2);
    ck_assert_int_eq(best("What did Melanie sign up for?", docs, 4), 0);
    ck_assert_int_eq(best("Who gave Caroline the necklace?", docs, 4), 3);
}
END_TEST

START_TEST(test_chinese_query_finds_chinese_sentence)
{
    static const char *const docs[] = {
        "我的狗叫小白，它很喜欢在公园里跑步。",
        "昨天我和朋友去北京吃了烤鸭。",
        "她在大学学习计算机科学。",
        "今天天气很好，我们去海边游泳吧。",
    };
    ck_assert_int_eq(best("你的狗叫什么名字？", docs, 4), 0);
    ck_assert_int_eq(best("谁去北京吃烤鸭了？", docs, 4), 1);
    ck_assert_int_eq(best("她学习什么专业？计算机吗？", docs, 4), 2);
    ck_assert_int_eq(best("我们去海边吗", docs, 4), 3);
}
END_TEST

START_TEST(test_japanese_query_finds_japanese_sentence)
{
    static const char *const docs[] = {
        "私の猫はタマという名前です。",
        "東京で寿司を食べました。",
    };
    ck_assert_int_eq(best("猫の名前は？", docs, 2), 0);
    ck_assert_int_eq(best("寿司はどこで食べた？", docs, 2), 1);
}
END_TEST

START_TEST(test_mixed_english_chinese)
{
    static const char *const docs[] = {
        "我最喜欢的编程语言是Python",
        "My favourite food is 包子 from my grandmother",
        "I work as a nurse in Shanghai",
    };
    ck_assert_int_eq(best("Python 编程", docs, 3), 0);
    ck_assert_int_eq(best("什么 food? 包子", docs, 3), 1);
    ck_assert_int_eq(best("Who works as a nurse?", docs, 3), 2);
    /* both halves of a mixed text contribute */
    ck_assert_double_gt(cosine("我最喜欢的编程语言是Python", "python"), 0.05);
    ck_assert_double_gt(cosine("我最喜欢的编程语言是Python", "编程语言"), 0.2);
}
END_TEST

START_TEST(test_lex_encode_rejects_invalid_utf8)
{
    float v[LEX_DIM];
    char err[128] = "";
    memset(v, 0x7f, sizeof v);
    ck_assert_int_eq(lex_encode("dog \xC0\xAF cat", 9, v, err, sizeof err), TOK_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "byte offset 4"));
    ck_assert(is_zero(v));
}
END_TEST

/* lex_query_text: the bm25 leg's text, the stopwords blanked, every other byte kept. */
START_TEST(test_query_text_blanks_stopwords_and_keeps_the_rest)
{
    static const struct { const char *in, *out; } rows[] = {
        {"What did Melanie paint recently?", "         Melanie paint recently?"},
        {"WHEN is the Show", "            Show"},
        {"don't forget my dog's name", "      forget    dog's name"},
        {"don\xE2\x80\x99t forget", "        forget"},        /* U+2019 as apostrophe */
        {"How are you?", "How are you?"},                       /* only stopwords: whole */
        {"what is 猫?", "what is 猫?"},                          /* no ASCII word left */
        {"我的 dog is Rex", "我的 dog    Rex"},
        {"\xE2\x80\x9Cwhat\xE2\x80\x9D about Rome", "\xE2\x80\x9C    \xE2\x80\x9D       Rome"},
        {"caf\xC3\xA9 a la carte", "caf\xC3\xA9   la carte"}, /* café is one word */
        {"\xC3\xA7" "a va", "\xC3\xA7" "a va"},          /* "a" inside "ça" is no stopword */
        {"it's 7pm in 2023", "     7pm    2023"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char *got = lex_query_text(rows[i].in);
        ck_assert_ptr_nonnull(got);
        ck_assert_msg(strcmp(got, rows[i].out) == 0, "lex_query_text(\"%s\") = \"%s\", want \"%s\"",
                      rows[i].in, got, rows[i].out);
        ck_assert_uint_eq(strlen(got), strlen(rows[i].in));
        free(got);
    }
}
END_TEST

static Suite *lexical_suite(void)
{
    Suite *s = suite_create("lexical");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_sketch_is_normalized);
    tcase_add_test(tc, test_empty_text_gives_zero_sketch);
    tcase_add_test(tc, test_encode_is_deterministic);
    tcase_add_test(tc, test_case_and_punctuation_do_not_matter);
    tcase_add_test(tc, test_stemmed_forms_share_features);
    tcase_add_test(tc, test_stopwords_do_not_count);
    tcase_add_test(tc, test_stopword_only_text_is_not_empty);
    tcase_add_test(tc, test_unrelated_texts_are_nearly_orthogonal);
    tcase_add_test(tc, test_shared_words_raise_similarity);
    tcase_add_test(tc, test_repeated_words_count_sublinearly);
    tcase_add_test(tc, test_lex_feature_matches_encode);
    tcase_add_test(tc, test_feature_buckets_are_in_range_and_spread);
    tcase_add_test(tc, test_english_query_finds_english_sentence);
    tcase_add_test(tc, test_chinese_query_finds_chinese_sentence);
    tcase_add_test(tc, test_japanese_query_finds_japanese_sentence);
    tcase_add_test(tc, test_mixed_english_chinese);
    tcase_add_test(tc, test_lex_encode_rejects_invalid_utf8);
    tcase_add_test(tc, test_query_text_blanks_stopwords_and_keeps_the_rest);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lexical_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* test_senc.c: the sentence encoder (model/senc.h) and its training (senc_train.h) as a
 * specification: vectors unit length or zero, stopwords read only when nothing else is,
 * shared n-grams bringing a typo near its word, seeded training repeating exactly and
 * bringing pairs together, the file's round trip, and a table of damaged files that
 * must each be refused with a message. Fixtures (bAbI lines, WordNet data lines) are
 * written here; no data folder is read. */
#include "model/senc.h"
#include "model/senc_train.h"
#include "model/modelfile.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[64];

static void write_text(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
}

static senc_t *small_encoder(uint64_t seed)
{
    senc_cfg_t c = {4096, 16, 16, 0};
    senc_t *s = senc_new(&c);
    ck_assert_ptr_nonnull(s);
    senc_init(s, seed, 0.1f);
    return s;
}

static double cosine(const senc_t *s, const char *a, const char *b)
{
    float va[1024], vb[1024];
    char err[128];
    ck_assert_int_eq(senc_encode(s, a, strlen(a), va, err, sizeof err), 0);
    ck_assert_int_eq(senc_encode(s, b, strlen(b), vb, err, sizeof err), 0);
    double dot = 0;
    for (int d = 0; d < s->cfg.D; d++) dot += (double)va[d] * vb[d];
    return dot;
}

START_TEST(test_senc_vectors_are_unit_length_or_zero)
{
    senc_t *s = small_encoder(1);
    const char *texts[] = {"Caroline: I went to a support group yesterday", "how are you?",
                           "我的猫叫花花", "a", "!!!", ""};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        float v[16];
        char err[128];
        ck_assert_int_eq(senc_encode(s, texts[i], strlen(texts[i]), v, err, sizeof err), 0);
        double n = 0;
        for (int d = 0; d < 16; d++) n += (double)v[d] * v[d];
        if (i >= 4) ck_assert_double_eq_tol(n, 0.0, 1e-12);     /* no tokens */
        else ck_assert_double_eq_tol(n, 1.0, 1e-5);
    }
    senc_free(s);
}
END_TEST

START_TEST(test_senc_refuses_invalid_utf8)
{
    senc_t *s = small_encoder(1);
    float v[16];
    char err[128] = "";
    ck_assert_int_eq(senc_encode(s, "caf\xc3", 4, v, err, sizeof err), TOK_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "UTF-8"));
    senc_free(s);
}
END_TEST

START_TEST(test_senc_stopwords_weigh_nothing_beside_content_words)
{
    senc_t *s = small_encoder(2);
    ck_assert_double_gt(cosine(s, "the dog", "my dog"), 0.999);
    /* a text of stopwords alone still reads them */
    ck_assert_double_gt(cosine(s, "how are you", "how are you"), 0.999);
    senc_free(s);
}
END_TEST

START_TEST(test_senc_a_typo_shares_ngrams_with_its_word)
{
    senc_t *s = small_encoder(3);
    double typo = cosine(s, "beautiful", "beautifull");
    double other = cosine(s, "beautiful", "taxes");
    ck_assert_double_gt(typo, 0.5);
    ck_assert_double_lt(other, typo - 0.3);
    senc_free(s);
}
END_TEST

START_TEST(test_senc_features_weigh_each_word_alike)
{
    senc_cfg_t c = {4096, 16, 16, 0};
    senc_t *s = senc_new(&c);
    tok_list_t t = {0};
    char err[64];
    const char *text = "cats and extraordinarily long words";
    ck_assert_int_eq(tok_split(text, strlen(text), &t, err, sizeof err), TOK_OK);
    senc_feats_t f = {0};
    ck_assert_int_eq(senc_features(s, &t, &f), 0);
    double sum = 0;
    for (int i = 0; i < f.n; i++) {
        ck_assert_int_ge(f.b[i], 0);
        ck_assert_int_lt(f.b[i], c.Nb);
        sum += f.w[i];
    }
    ck_assert_double_eq_tol(sum, 1.0, 1e-5);
    /* "and" is a stopword: 4 words, so the first word's features weigh 1/4 */
    double first = 0;
    for (int i = 0; i < f.n && f.w[i] == f.w[0]; i++) first += f.w[i];
    ck_assert_double_eq_tol(first, 0.25, 1e-5);
    senc_feats_free(&f);
    tok_list_free(&t);
    senc_free(s);
}
END_TEST

START_TEST(test_senc_word_weights_make_common_words_weigh_less)
{
    write_text(tmpdir, "cntlist.rev",
               "feel%2:31:00:: 2 900\nfeel%2:37:00:: 1 80\ncamping%1:04:00:: 1 10\n"
               "ice_cream%1:13:00:: 1 50\nbroken line\n");
    senc_cfg_t c = {4096, 16, 16, 1024};
    senc_t *s = senc_new(&c);
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/cntlist.rev", tmpdir);
    ck_assert_int_eq(senc_word_weights(s, path, 0.01, err, sizeof err), 2);
    float feel = senc_word_weight(s, "feeling"), camp = senc_word_weight(s, "camping");
    ck_assert_float_eq_tol(feel, 0.01f / (0.01f + 980.0f / 990.0f), 1e-4f);
    ck_assert_float_lt(feel, camp);
    ck_assert_float_lt(camp, 1.0f);
    ck_assert_float_eq_tol(senc_word_weight(s, "caroline"), 1.0f, 1e-6f);
    /* in a text, each word's features share its weight's part of 1 */
    tok_list_t t = {0};
    ck_assert_int_eq(tok_split("feel camping", 12, &t, err, sizeof err), TOK_OK);
    senc_feats_t f = {0};
    ck_assert_int_eq(senc_features(s, &t, &f), 0);
    double a = 0, b = 0;
    for (int i = 0; i < f.n; i++) *(f.w[i] == f.w[0] ? &a : &b) += f.w[i];
    ck_assert_double_eq_tol(a / (a + b), feel / (feel + camp), 1e-4);
    senc_feats_free(&f);
    tok_list_free(&t);
    /* and the file keeps them */
    snprintf(path, sizeof path, "%s/w.senc", tmpdir);
    ck_assert_int_eq(senc_save(s, path, err, sizeof err), 0);
    senc_t *r = senc_load(path, err, sizeof err);
    ck_assert_msg(r != NULL, "%s", err);
    ck_assert_float_eq_tol(senc_word_weight(r, "feel"), feel, 1e-3f);
    ck_assert_str_eq(r->tag, s->tag);
    senc_free(r);
    snprintf(path, sizeof path, "%s/absent.rev", tmpdir);
    ck_assert_int_eq(senc_word_weights(s, path, 0.01, err, sizeof err), -1);
    senc_free(s);
}
END_TEST

/* ---- training -------------------------------------------------------------------------- */

static void toy_pairs(senc_pairs_t *p)
{
    static const char *const topic[][2] = {
        {"where does my sister live", "my sister moved to Oslo last year"},
        {"what is my dog called", "our beagle is named Rex"},
        {"when is my birthday", "I was born on March 3rd"},
        {"what do I do for work", "I work as a nurse at the hospital"},
        {"which food do I love", "pizza is my favourite dish"},
        {"what instrument does Tom play", "Tom plays the violin every evening"},
        {"what language do I speak", "I speak fluent Portuguese"},
        {"what car do I drive", "I drive an old red Volvo"},
    };
    for (int k = 0; k < 32; k++) {
        int i = k % 8;
        char a[128], b[128];
        snprintf(a, sizeof a, "%s %s", k >= 8 ? "so" : "", topic[i][0]);
        snprintf(b, sizeof b, "%s %s", topic[i][1], k >= 16 ? "indeed" : "");
        ck_assert_int_eq(senc_pairs_add(p, a, b, SENC_SRC_PERSONA), 0);
    }
}

static senc_train_cfg_t toy_cfg(void)
{
    senc_train_cfg_t tc;
    senc_train_cfg_default(&tc);
    tc.epochs = 30;
    tc.batch = 8;
    tc.valid = 0;
    tc.lr = 0.05f;
    tc.tau = 0.1f;
    tc.seed = 5;
    return tc;
}

START_TEST(test_senc_training_is_deterministic)
{
    senc_pairs_t p = {0};
    toy_pairs(&p);
    senc_train_cfg_t tc = toy_cfg();
    tc.epochs = 3;
    senc_t *a = small_encoder(tc.seed), *b = small_encoder(tc.seed);
    char err[128];
    ck_assert_int_eq(senc_train(a, &p, &tc, NULL, err, sizeof err), 0);
    ck_assert_int_eq(senc_train(b, &p, &tc, NULL, err, sizeof err), 0);
    ck_assert_int_eq(memcmp(a->params, b->params, senc_nparams(&a->cfg) * sizeof(float)), 0);
    ck_assert_str_eq(a->tag, b->tag);
    senc_t *c = small_encoder(tc.seed);
    tc.seed = 6;
    ck_assert_int_eq(senc_train(c, &p, &tc, NULL, err, sizeof err), 0);
    ck_assert_str_ne(a->tag, c->tag);
    senc_free(a);
    senc_free(b);
    senc_free(c);
    senc_pairs_free(&p);
}
END_TEST

START_TEST(test_senc_training_brings_questions_to_their_answers)
{
    senc_pairs_t p = {0};
    toy_pairs(&p);
    senc_train_cfg_t tc = toy_cfg();
    senc_t *s = small_encoder(tc.seed);
    double before = cosine(s, "what is my dog called", "our beagle is named Rex");
    char err[128];
    ck_assert_int_eq(senc_train(s, &p, &tc, NULL, err, sizeof err), 0);
    double after = cosine(s, "what is my dog called", "our beagle is named Rex");
    double wrong = cosine(s, "what is my dog called", "I drive an old red Volvo");
    ck_assert_double_gt(after, before + 0.3);
    ck_assert_double_gt(after, wrong + 0.3);
    senc_free(s);
    senc_pairs_free(&p);
}
END_TEST

START_TEST(test_senc_training_refuses_too_few_pairs)
{
    senc_pairs_t p = {0};
    ck_assert_int_eq(senc_pairs_add(&p, "a b", "c d", SENC_SRC_BABI), 0);
    senc_train_cfg_t tc = toy_cfg();
    senc_t *s = small_encoder(1);
    char err[128] = "";
    ck_assert_int_eq(senc_train(s, &p, &tc, NULL, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "too few"));
    senc_free(s);
    senc_pairs_free(&p);
}
END_TEST

/* ---- the file ---------------------------------------------------------------------------- */

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test-senc-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_ptr_nonnull(fp);
    fseek(fp, 0, SEEK_END);
    *n = (size_t)ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *b = malloc(*n);
    ck_assert_uint_eq(fread(b, 1, *n, fp), *n);
    fclose(fp);
    return b;
}

START_TEST(test_senc_file_round_trips)
{
    senc_t *s = small_encoder(9);
    char path[128], err[256];
    snprintf(path, sizeof path, "%s/e.senc", tmpdir);
    ck_assert_int_eq(senc_save(s, path, err, sizeof err), 0);
    senc_t *r = senc_load(path, err, sizeof err);
    ck_assert_msg(r != NULL, "%s", err);
    ck_assert_str_eq(r->tag, s->tag);
    ck_assert_int_eq(r->cfg.Nb, 4096);
    /* the table in half precision: about three digits */
    for (size_t i = 0; i < senc_nparams(&s->cfg); i++)
        ck_assert_float_eq_tol(r->params[i], s->params[i], 1e-3f * fmaxf(1, fabsf(s->params[i])));
    ck_assert_double_gt(cosine(r, "a quiet lake at dawn", "a quiet lake at dawn"), 0.999);
    senc_free(r);
    senc_free(s);
}
END_TEST

/* Writes buf[0..n) with the 4-byte checksum at its end recomputed when fix is set. */
static void put_file(const char *path, unsigned char *buf, size_t n, int fix)
{
    if (fix && n >= 4) {
        uint32_t crc = modelfile_crc32(0, buf, n - 4);
        memcpy(buf + n - 4, &crc, 4);
    }
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(buf, 1, n, fp), n);
    fclose(fp);
}

START_TEST(test_senc_load_refuses_damaged_files)
{
    senc_t *s = small_encoder(10);
    char good[128], bad[128], err[256];
    snprintf(good, sizeof good, "%s/good.senc", tmpdir);
    snprintf(bad, sizeof bad, "%s/bad.senc", tmpdir);
    ck_assert_int_eq(senc_save(s, good, err, sizeof err), 0);
    size_t n;
    unsigned char *orig = slurp(good, &n);
    unsigned char *b = malloc(n);
    float nan = NAN;
    uint32_t big = SENC_MAX_BUCKETS + 1, v2 = 2, d0 = 0;
    struct {
        const char *what;       /* what the message must say */
        size_t at, len;         /* bytes replaced (len 0: none) */
        const void *by;
        size_t keep;            /* bytes kept (the file cut), 0 = all */
        int fix;                /* recompute the checksum */
    } cases[] = {
        {"magic", 0, 8, "MNEMOMDL", 0, 1},
        {"version 2", 8, 4, &v2, 0, 1},
        {"out of bounds", 12, 4, &big, 0, 1},
        {"out of bounds", 20, 4, &d0, 0, 1},
        {"truncated", 0, 0, NULL, 10, 0},
        {"bytes where its sizes", 0, 0, NULL, 1000, 0},
        {"checksum", 100, 1, "\x7f", 0, 0},
        {"not finite", n - 8, 4, &nan, 0, 1},   /* the last weight of the projection */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memcpy(b, orig, n);
        if (cases[i].len) memcpy(b + cases[i].at, cases[i].by, cases[i].len);
        put_file(bad, b, cases[i].keep ? cases[i].keep : n, cases[i].fix);
        err[0] = 0;
        senc_t *r = senc_load(bad, err, sizeof err);
        ck_assert_msg(r == NULL, "case %zu loaded", i);
        ck_assert_msg(strstr(err, cases[i].what) != NULL, "case %zu: %s", i, err);
        ck_assert_msg(strncmp(err, bad, strlen(bad)) == 0, "case %zu: %s", i, err);
    }
    snprintf(bad, sizeof bad, "%s/absent.senc", tmpdir);
    ck_assert_ptr_null(senc_load(bad, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "No such file"));
    free(b);
    free(orig);
    senc_free(s);
}
END_TEST

/* ---- pairs ------------------------------------------------------------------------------- */

START_TEST(test_senc_pairs_babi_pairs_questions_with_supporting_facts)
{
    write_text(tmpdir, "qa1_single-supporting-fact_train.txt",
               "1 Mary moved to the bathroom.\n2 John went to the hallway.\n"
               "3 Where is Mary?\tbathroom\t1\n4 Daniel went back to the hallway.\n"
               "5 Where is Daniel?\thallway\t4\n1 Sandra journeyed to the garden.\n"
               "2 Where is Sandra?\tgarden\t1\n");
    senc_pairs_t p = {0};
    char err[256];
    ck_assert_int_eq(senc_pairs_babi(&p, tmpdir, 2, 1, err, sizeof err), 2);
    ck_assert_str_eq(p.a[0], "Where is Mary?");
    ck_assert_str_eq(p.b[0], "Mary moved to the bathroom.");
    ck_assert_str_eq(p.b[1], "Daniel went back to the hallway.");
    senc_pairs_free(&p);
    ck_assert_int_eq(senc_pairs_babi(&p, "/nonexistent-babi", 2, 1, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent-babi"));
}
END_TEST

START_TEST(test_senc_pairs_wordnet_reads_synonyms_definitions_and_hypernyms)
{
    write_text(tmpdir, "data.noun",
               "  1 This software and database is being provided\n"
               "00000100 05 n 01 canine 0 000 | a mammal of the dog family\n"
               "00000200 05 n 02 dog 0 domestic_dog 0 001 @ 00000100 n 0000 | a member of the "
               "genus Canis; \"the dog barked all night\"\n");
    write_text(tmpdir, "data.verb", "00000300 29 v 01 bark 0 000 | make barking sounds\n");
    write_text(tmpdir, "data.adj", "00000400 00 a 01 loud(a) 0 000 | characterized by noise\n");
    write_text(tmpdir, "data.adv", "00000500 02 r 01 loudly 0 000 | with noise\n");
    senc_pairs_t p = {0};
    char err[256];
    ck_assert_int_gt(senc_pairs_wordnet(&p, tmpdir, 1, err, sizeof err), 0);
    int syn = 0, hyper = 0, example = 0, def = 0;
    for (int i = 0; i < p.n; i++) {
        if (p.src[i] == SENC_SRC_SYNONYM) {
            syn++;
            ck_assert(strcmp(p.a[i], "dog") == 0 || strcmp(p.a[i], "domestic dog") == 0);
        }
        if (p.src[i] == SENC_SRC_HYPERNYM) {
            hyper++;
            ck_assert_str_eq(p.b[i], "canine");
        }
        if (p.src[i] == SENC_SRC_EXAMPLE) {
            example++;
            ck_assert_str_eq(p.a[i], "the dog barked all night");
            ck_assert_str_eq(p.b[i], "the domestic dog barked all night");
        }
        if (p.src[i] == SENC_SRC_GLOSS && strcmp(p.b[i], "characterized by noise") == 0) {
            def++;
            ck_assert_str_eq(p.a[i], "loud");       /* the adjective marker dropped */
        }
    }
    ck_assert_int_eq(syn, 1);
    ck_assert_int_eq(hyper, 1);
    ck_assert_int_eq(example, 1);
    ck_assert_int_eq(def, 1);
    senc_pairs_free(&p);
    ck_assert_int_eq(senc_pairs_wordnet(&p, "/nonexistent-wn", 1, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent-wn/data.noun"));
}
END_TEST

START_TEST(test_senc_pairs_persona_pairs_questions_with_their_fact)
{
    senc_pairs_t p = {0};
    ck_assert_int_gt(senc_pairs_persona(&p, 20, 3), 20);
    for (int i = 0; i < p.n; i++) {
        ck_assert_int_gt((int)strlen(p.a[i]), 0);
        ck_assert_int_gt((int)strlen(p.b[i]), 0);
    }
    senc_pairs_free(&p);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("senc");
    TCase *tc = tcase_create("encoder");
    tcase_add_test(tc, test_senc_vectors_are_unit_length_or_zero);
    tcase_add_test(tc, test_senc_refuses_invalid_utf8);
    tcase_add_test(tc, test_senc_stopwords_weigh_nothing_beside_content_words);
    tcase_add_test(tc, test_senc_a_typo_shares_ngrams_with_its_word);
    tcase_add_test(tc, test_senc_features_weigh_each_word_alike);
    tcase_add_test(tc, test_senc_training_is_deterministic);
    tcase_add_test(tc, test_senc_training_brings_questions_to_their_answers);
    tcase_add_test(tc, test_senc_training_refuses_too_few_pairs);
    tcase_add_test(tc, test_senc_pairs_persona_pairs_questions_with_their_fact);
    suite_add_tcase(s, tc);
    TCase *tf = tcase_create("files");
    tcase_add_checked_fixture(tf, setup, teardown);
    tcase_add_test(tf, test_senc_file_round_trips);
    tcase_add_test(tf, test_senc_word_weights_make_common_words_weigh_less);
    tcase_add_test(tf, test_senc_load_refuses_damaged_files);
    tcase_add_test(tf, test_senc_pairs_babi_pairs_questions_with_supporting_facts);
    tcase_add_test(tf, test_senc_pairs_wordnet_reads_synonyms_definitions_and_hypernyms);
    suite_add_tcase(s, tf);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

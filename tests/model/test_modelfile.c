/* test_modelfile.c: what a model file may hold, read as the specification: the one
 * bounds table of the hyper-parameters (a file past it is a named error, never an
 * abort), the reply-phrase table of version 3 (bounded, words in the vocabulary), the
 * refusal of a model that cannot tell statements from questions, version-2 files, the
 * reply kinds' names, and the text-to-words rule shared by the reader and inference.
 * Fixtures are small hand-built models written here. */
#include "model/model.h"
#include "model/modelfile.h"
#include "model/trainer.h"
#include "model/vocab.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[256], path[512];

/* A small model (its vocabulary holds "got" and "it" when with_ack_words) with phrase
 * table ph (NULL: none) written to path; returns its bytes. */
static unsigned char *model_bytes(size_t *len, net_cfg_t *cfg, vocab_t **v, int with_ack_words,
                                  const modelfile_phrases_t *ph)
{
    *v = vocab_new();
    vocab_add(*v, "mary");
    vocab_add(*v, "kitchen");
    if (with_ack_words) {
        vocab_add(*v, "got");
        vocab_add(*v, "it");
    }
    *cfg = (net_cfg_t){.V = vocab_size(*v), .Hb = 4, .D = 8, .A = 8, .S = 4, .J = 5, .T = 3,
                       .hops = 2, .tied = 0};
    float *params = malloc(net_nparams(cfg) * sizeof(float));
    ck_assert_ptr_nonnull(params);
    trainer_init_params(params, cfg, 9);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/mnemo-modelfile-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    snprintf(path, sizeof path, "%s/model.mnemo", tmpdir);
    char err[256];
    ck_assert_msg(modelfile_write(path, cfg, *v, ph, params, NULL, err, sizeof err) == 0, "%s",
                  err);
    free(params);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(*len);
    ck_assert_uint_eq(fread(b, 1, *len, f), *len);
    fclose(f);
    return b;
}

static void cleanup(void)
{
    unlink(path);
    rmdir(tmpdir);
}

/* The size and checksum of b [len] made right again after a patch. */
static void reseal(unsigned char *b, size_t len)
{
    uint64_t size = len;
    memcpy(b + 16, &size, 8);
    uint32_t crc = modelfile_crc32(0, b, len - 4);
    memcpy(b + len - 4, &crc, 4);
}

static void put_u32_at(unsigned char *b, size_t at, uint32_t x) { memcpy(b + at, &x, 4); }

/* Where the phrase count of a version-3 file of cfg and v sits. */
static size_t phrase_offset(const net_cfg_t *cfg, const vocab_t *v)
{
    net_tensor_t t[NET_NTENSORS];
    net_param_table(cfg, t);
    size_t at = 24 + 4 * MODELFILE_NFIELDS + 4;
    for (int i = 0; i < NET_NTENSORS; i++)
        at += 1 + strlen(t[i].name) + 8;
    at += 4;
    for (int i = 0; i < vocab_size(v); i++)
        at += 2 + strlen(vocab_word(v, i));
    return at;
}

/* The version-2 form of a version-3 file b [*len] without phrases (in place). */
static void make_v2(unsigned char *b, size_t *len, const net_cfg_t *cfg, const vocab_t *v)
{
    size_t at = phrase_offset(cfg, v);
    uint32_t n;
    memcpy(&n, b + at, 4);
    ck_assert_uint_eq(n, 0);
    memmove(b + at, b + at + 4, *len - at - 4);
    *len -= 4;
    put_u32_at(b, 8, 2);
    reseal(b, *len);
}

static void expect_parse_error(const unsigned char *b, size_t len, const char *needle)
{
    net_cfg_t c;
    vocab_t *v;
    float *p;
    modelfile_phrases_t ph;
    char err[256] = "";
    ck_assert_int_eq(modelfile_parse(b, len, &c, &v, &ph, &p, NULL, err, sizeof err), -1);
    ck_assert_ptr_null(v);
    ck_assert_ptr_null(p);
    ck_assert_msg(strstr(err, needle) != NULL, "'%s' does not say '%s'", err, needle);
}

static modelfile_phrases_t ack_table(const vocab_t *v)
{
    modelfile_phrases_t ph = {0};
    char err[256];
    ck_assert_msg(modelfile_phrases_add(&ph, v, MODEL_KIND_STATEMENT, "got it", err,
                                        sizeof err) == 0, "%s", err);
    return ph;
}

/* ---- the bounds table ------------------------------------------------------------ */

START_TEST(test_bounds_table_has_a_sane_row_for_every_field)
{
    for (int f = 0; f < MODELFILE_NFIELDS; f++) {
        ck_assert_ptr_nonnull(modelfile_limits[f].name);
        ck_assert_int_le(modelfile_limits[f].min, modelfile_limits[f].max);
    }
    ck_assert_int_eq(modelfile_limits[MODELFILE_HOPS].max, EPI_MAX_HOPS);
    ck_assert_int_eq(modelfile_limits[MODELFILE_V].min, 3); /* PAD, EOS, GO */
    net_cfg_t c = {.V = 10, .Hb = 4, .D = 8, .A = 8, .S = 4, .J = 5, .T = 3, .hops = 2};
    char err[128];
    ck_assert_int_eq(modelfile_cfg_check(&c, err, sizeof err), 0);
    c.hops = EPI_MAX_HOPS + 1;
    ck_assert_int_eq(modelfile_cfg_check(&c, err, sizeof err), -1);
    char want[64];
    snprintf(want, sizeof want, "hops %d is out of range 1..%d", EPI_MAX_HOPS + 1,
             EPI_MAX_HOPS);
    ck_assert_str_eq(err, want);
}
END_TEST

START_TEST(test_hops_above_the_maximum_with_a_valid_checksum_is_a_named_error)
{
    size_t len;
    net_cfg_t cfg;
    vocab_t *v;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, NULL);
    put_u32_at(b, 24 + 4 * MODELFILE_HOPS, EPI_MAX_HOPS + 1);
    reseal(b, len);
    char want[64];
    snprintf(want, sizeof want, "hops %d is out of range 1..%d", EPI_MAX_HOPS + 1,
             EPI_MAX_HOPS);
    expect_parse_error(b, len, want);
    /* through model_load too: a message naming the file, not an abort */
    FILE *f = fopen(path, "wb");
    ck_assert_uint_eq(fwrite(b, 1, len, f), len);
    fclose(f);
    char err[512];
    ck_assert_ptr_null(model_load(path, err, sizeof err));
    ck_assert_msg(strncmp(err, path, strlen(path)) == 0 && strstr(err, want), "%s", err);
    cleanup();
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_every_field_out_of_its_range_is_named)
{
    size_t len;
    net_cfg_t cfg;
    vocab_t *v;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, NULL);
    cleanup();
    for (int f = 0; f < MODELFILE_NFIELDS; f++) {
        const modelfile_limit_t *l = &modelfile_limits[f];
        uint32_t bad[] = {(uint32_t)l->max + 1, (uint32_t)l->min - 1, 0xffffffffu};
        uint32_t keep;
        memcpy(&keep, b + 24 + 4 * f, 4);
        for (int i = 0; i < 3; i++) {
            if (bad[i] == (uint32_t)-1 && i == 1)
                continue; /* min 0: no value below it */
            put_u32_at(b, 24 + 4 * (size_t)f, bad[i]);
            reseal(b, len);
            char want[64];
            snprintf(want, sizeof want, "%s %u is out of range", l->name, bad[i]);
            expect_parse_error(b, len, want);
        }
        put_u32_at(b, 24 + 4 * (size_t)f, keep);
    }
    vocab_free(v);
    free(b);
}
END_TEST

/* ---- the phrase table ------------------------------------------------------------ */

START_TEST(test_phrase_table_round_trips_with_kinds)
{
    vocab_t *v0 = vocab_new();
    vocab_add(v0, "mary");
    vocab_add(v0, "kitchen");
    vocab_add(v0, "got");
    vocab_add(v0, "it");
    modelfile_phrases_t ph = ack_table(v0), back;
    char err[256];
    ck_assert_int_eq(modelfile_phrases_add(&ph, v0, MODEL_KIND_OTHER, "mary kitchen", err,
                                           sizeof err), 0);
    size_t len;
    net_cfg_t cfg, c;
    vocab_t *v, *v2;
    float *p;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, &ph);
    cleanup();
    ck_assert_msg(modelfile_parse(b, len, &c, &v2, &back, &p, NULL, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(back.n, 2);
    ck_assert_int_eq(back.p[0].kind, MODEL_KIND_STATEMENT);
    ck_assert_str_eq(back.p[0].text, "got it");
    ck_assert_int_eq(back.p[1].kind, MODEL_KIND_OTHER);
    ck_assert_str_eq(back.p[1].text, "mary kitchen");
    ck_assert_int_eq(modelfile_phrases_ack(&back), 0);
    free(p);
    vocab_free(v2);
    vocab_free(v);
    vocab_free(v0);
    free(b);
}
END_TEST

START_TEST(test_phrase_table_with_too_many_phrases_is_refused)
{
    vocab_t *v0 = vocab_new();
    vocab_add(v0, "got");
    vocab_add(v0, "it");
    modelfile_phrases_t ph = ack_table(v0);
    vocab_free(v0);
    size_t len;
    net_cfg_t cfg;
    vocab_t *v;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, &ph);
    cleanup();
    put_u32_at(b, phrase_offset(&cfg, v), MODELFILE_MAX_PHRASES + 1);
    reseal(b, len);
    char want[64];
    snprintf(want, sizeof want, "%d phrases, at most %d", MODELFILE_MAX_PHRASES + 1,
             MODELFILE_MAX_PHRASES);
    expect_parse_error(b, len, want);
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_phrase_naming_a_word_outside_the_vocabulary_is_refused)
{
    /* written as is (the writer trusts its caller), refused when read */
    modelfile_phrases_t ph = {.n = 1};
    ph.p[0].kind = MODEL_KIND_STATEMENT;
    snprintf(ph.p[0].text, sizeof ph.p[0].text, "got zebra");
    size_t len;
    net_cfg_t cfg;
    vocab_t *v;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, &ph);
    cleanup();
    expect_parse_error(b, len, "the word 'zebra' is not in the vocabulary");
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_phrase_of_too_many_words_is_refused)
{
    modelfile_phrases_t ph = {.n = 1};
    ph.p[0].kind = MODEL_KIND_OTHER;
    snprintf(ph.p[0].text, sizeof ph.p[0].text, "mary mary mary mary mary mary mary mary mary");
    size_t len;
    net_cfg_t cfg;
    vocab_t *v;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, &ph);
    cleanup();
    char want[64];
    snprintf(want, sizeof want, "has 9 words, 1..%d allowed", MODELFILE_PHRASE_WORDS);
    expect_parse_error(b, len, want);
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_phrase_table_checks_kind_room_and_duplicates)
{
    vocab_t *v = vocab_new();
    vocab_add(v, "got");
    vocab_add(v, "it");
    vocab_add(v, "hello");
    modelfile_phrases_t ph = ack_table(v);
    char err[256];
    ck_assert_int_eq(modelfile_phrases_add(&ph, v, MODEL_KIND_ANSWER, "hello", err, sizeof err),
                     -1);
    ck_assert_int_eq(modelfile_phrases_add(&ph, v, MODEL_KIND_STATEMENT, "hello", err,
                                           sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "second acknowledgement"));
    ck_assert_int_eq(modelfile_phrases_add(&ph, v, MODEL_KIND_OTHER, "got it", err, sizeof err),
                     -1);
    ck_assert_ptr_nonnull(strstr(err, "twice"));
    ck_assert_int_eq(modelfile_phrases_add(&ph, v, MODEL_KIND_OTHER, "bad \xff", err, sizeof err),
                     -1);
    ck_assert_int_eq(ph.n, 1);
    vocab_free(v);
}
END_TEST

/* ---- loading: the acknowledgement and version 2 ----------------------------------- */

START_TEST(test_model_without_an_acknowledgement_is_refused_with_the_fix)
{
    size_t len;
    net_cfg_t cfg;
    vocab_t *v;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, NULL);
    char err[512];
    ck_assert_ptr_null(model_load(path, err, sizeof err));
    ck_assert_msg(strncmp(err, path, strlen(path)) == 0, "%s", err);
    ck_assert_ptr_nonnull(strstr(err, "cannot tell statements from questions"));
    ck_assert_ptr_nonnull(strstr(err, "--ack N"));
    cleanup();
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_model_with_an_acknowledgement_loads)
{
    vocab_t *v0 = vocab_new();
    vocab_add(v0, "got");
    vocab_add(v0, "it");
    modelfile_phrases_t ph = ack_table(v0);
    vocab_free(v0);
    size_t len;
    net_cfg_t cfg;
    vocab_t *v;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, &ph);
    char err[512];
    model_t *m = model_load(path, err, sizeof err);
    ck_assert_msg(m != NULL, "%s", err);
    ck_assert_int_eq(model_dim(m), cfg.D);
    model_free(m);
    cleanup();
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_version_2_file_acknowledges_with_got_it)
{
    size_t len;
    net_cfg_t cfg, c;
    vocab_t *v, *v2;
    float *p;
    unsigned char *b = model_bytes(&len, &cfg, &v, 1, NULL);
    make_v2(b, &len, &cfg, v);
    modelfile_phrases_t ph;
    char err[512];
    ck_assert_msg(modelfile_parse(b, len, &c, &v2, &ph, &p, NULL, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(ph.n, 1);
    ck_assert_int_eq(ph.p[0].kind, MODEL_KIND_STATEMENT);
    ck_assert_str_eq(ph.p[0].text, MODELFILE_V2_ACK);
    /* and it loads: the same weights, so the same tag as its version-3 twin */
    FILE *f = fopen(path, "wb");
    ck_assert_uint_eq(fwrite(b, 1, len, f), len);
    fclose(f);
    model_t *m = model_load(path, err, sizeof err);
    ck_assert_msg(m != NULL, "%s", err);
    model_free(m);
    free(p);
    vocab_free(v2);
    cleanup();
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_version_2_file_without_got_it_in_its_vocabulary_is_refused)
{
    size_t len;
    net_cfg_t cfg, c;
    vocab_t *v, *v2;
    float *p;
    unsigned char *b = model_bytes(&len, &cfg, &v, 0, NULL);
    make_v2(b, &len, &cfg, v);
    modelfile_phrases_t ph;
    char err[512];
    ck_assert_msg(modelfile_parse(b, len, &c, &v2, &ph, &p, NULL, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(ph.n, 0);
    FILE *f = fopen(path, "wb");
    ck_assert_uint_eq(fwrite(b, 1, len, f), len);
    fclose(f);
    ck_assert_ptr_null(model_load(path, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "--ack N"));
    free(p);
    vocab_free(v2);
    cleanup();
    vocab_free(v);
    free(b);
}
END_TEST

/* ---- kinds and words ------------------------------------------------------------- */

START_TEST(test_kind_names_round_trip_and_unknown_is_minus_one)
{
    int kinds[] = {MODEL_KIND_OTHER, MODEL_KIND_STATEMENT, MODEL_KIND_ANSWER};
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(model_kind_parse(model_kind_name(kinds[i])), kinds[i]);
    ck_assert_str_eq(model_kind_name(MODEL_KIND_STATEMENT), "statement");
    ck_assert_str_eq(model_kind_name(MODEL_KIND_ANSWER), "answer");
    ck_assert_str_eq(model_kind_name(MODEL_KIND_OTHER), "other");
    ck_assert_int_eq(model_kind_parse("message"), -1);
    ck_assert_int_eq(model_kind_parse(NULL), -1);
}
END_TEST

START_TEST(test_possessive_and_question_mark_are_words_of_their_own)
{
    const char *text = "Is my girlfriend's cat here? ";
    tok_list_t tl = {0};
    ck_assert_int_eq(tok_split(text, strlen(text), &tl, NULL, 0), TOK_OK);
    vocab_span_t w[16];
    int n = vocab_words(text, strlen(text), &tl, 1, w, 16);
    const char *want[] = {"is", "my", "girlfriend", VOCAB_POSS, "cat", "here", VOCAB_QMARK};
    ck_assert_int_eq(n, 7);
    for (int i = 0; i < n; i++) {
        ck_assert_uint_eq(w[i].len, strlen(want[i]));
        ck_assert(memcmp(w[i].s, want[i], w[i].len) == 0);
    }
    /* no question mark asked for, or none written; a cut list still counts all words */
    ck_assert_int_eq(vocab_words(text, strlen(text), &tl, 0, w, 16), 6);
    ck_assert_int_eq(vocab_words(text, strlen(text), &tl, 1, w, 2), 7);
    tok_list_free(&tl);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("modelfile");
    TCase *bounds = tcase_create("bounds"), *phrases = tcase_create("phrases"),
          *load = tcase_create("load"), *words = tcase_create("words");
    tcase_add_test(bounds, test_bounds_table_has_a_sane_row_for_every_field);
    tcase_add_test(bounds, test_hops_above_the_maximum_with_a_valid_checksum_is_a_named_error);
    tcase_add_test(bounds, test_every_field_out_of_its_range_is_named);
    tcase_add_test(phrases, test_phrase_table_round_trips_with_kinds);
    tcase_add_test(phrases, test_phrase_table_with_too_many_phrases_is_refused);
    tcase_add_test(phrases, test_phrase_naming_a_word_outside_the_vocabulary_is_refused);
    tcase_add_test(phrases, test_phrase_of_too_many_words_is_refused);
    tcase_add_test(phrases, test_phrase_table_checks_kind_room_and_duplicates);
    tcase_add_test(load, test_model_without_an_acknowledgement_is_refused_with_the_fix);
    tcase_add_test(load, test_model_with_an_acknowledgement_loads);
    tcase_add_test(load, test_version_2_file_acknowledges_with_got_it);
    tcase_add_test(load, test_version_2_file_without_got_it_in_its_vocabulary_is_refused);
    tcase_add_test(words, test_kind_names_round_trip_and_unknown_is_minus_one);
    tcase_add_test(words, test_possessive_and_question_mark_are_words_of_their_own);
    suite_add_tcase(s, bounds);
    suite_add_tcase(s, phrases);
    suite_add_tcase(s, load);
    suite_add_tcase(s, words);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

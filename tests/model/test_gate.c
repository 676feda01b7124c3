/* test_gate.c: the small-talk gate (model/gate.h, model/gate_train.h): its features are
 * a function of the text, its logistic function is the textbook one, a step follows the
 * loss's gradient (checked by finite differences), its bytes round-trip and bad bytes are
 * refused with a clear message, a reader's section carries it, the generator's remarks
 * hold both labels, and a small training run tells held-out remarks of the day from news
 * that lasts. Needs Debian wordnet-base in /usr/share/wordnet. */
#include "model/dialogue.h"
#include "model/gate.h"
#include "model/gate_train.h"
#include "model/reader.h"
#include "model/reader_internal.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WN "/usr/share/wordnet"

START_TEST(test_features_are_a_function_of_the_text)
{
    uint32_t a[GATE_MAX_FEATURES], b[GATE_MAX_FEATURES];
    const char *t = "so windy on the ferry this morning!";
    int na = gate_features(t, strlen(t), a, GATE_MAX_FEATURES);
    int nb = gate_features(t, strlen(t), b, GATE_MAX_FEATURES);
    ck_assert_int_gt(na, 20);   /* words, pairs, 3-grams, first, last, marks */
    ck_assert_int_eq(na, nb);
    ck_assert_int_eq(memcmp(a, b, (size_t)na * sizeof *a), 0);
    for (int i = 0; i < na; i++) ck_assert_uint_lt(a[i], GATE_ROWS);
    /* "!" is a feature of its own: the same words without it make one fewer */
    const char *u = "so windy on the ferry this morning";
    ck_assert_int_eq(gate_features(u, strlen(u), b, GATE_MAX_FEATURES), na - 1);
    ck_assert_int_eq(gate_features("\xff\xfe", 2, a, GATE_MAX_FEATURES), -1);
    ck_assert_int_le(gate_features(t, strlen(t), a, 5), 5);
}
END_TEST

START_TEST(test_sigmoid_is_the_logistic_function)
{
    for (float z = -40.0f; z <= 40.0f; z += 0.37f) {
        double want = 1.0 / (1.0 + exp(-(double)(z > 30 ? 30 : z < -30 ? -30 : z)));
        ck_assert_msg(fabs(gate_sigmoid(z) - want) < 1e-6, "z %g: %g, want %g", (double)z,
                      (double)gate_sigmoid(z), want);
    }
    ck_assert_float_eq(gate_sigmoid(0.0f), 0.5f);
    ck_assert(fabsf(gate_sigmoid(2.5f) + gate_sigmoid(-2.5f) - 1.0f) < 1e-6f);
}
END_TEST

/* The loss of one example under g, by a step of size 0 (which changes nothing). */
static float loss_of(gate_t *g, const uint32_t *rows, int n, float y, float wy)
{
    return gate_step(g, rows, n, y, wy, 0.0f, 0.0f);
}

START_TEST(test_a_step_follows_the_gradient)
{
    gate_t *g = gate_new();
    ck_assert_ptr_nonnull(g);
    const uint32_t rows[] = {3, 17, 17, 40000, 9};     /* row 17 listed twice */
    const int n = 5;
    for (int i = 0; i < n; i++) g->w[rows[i]] = 0.1f * (float)(i - 2);
    g->bias = 0.3f;
    for (int y = 0; y <= 1; y++) {
        const float wy = 1.7f, eps = 1e-3f;
        float z = g->bias;
        for (int i = 0; i < n; i++) z += g->w[rows[i]];
        double dz = wy * (gate_sigmoid(z) - (float)y);
        /* d loss / d w[17] = 2 dz (it is counted twice); d loss / d bias = dz */
        const uint32_t probe[] = {17, 40000};
        const double times[] = {2.0, 1.0};
        for (int k = 0; k < 2; k++) {
            float keep = g->w[probe[k]];
            g->w[probe[k]] = keep + eps;
            double up = loss_of(g, rows, n, (float)y, wy);
            g->w[probe[k]] = keep - eps;
            double down = loss_of(g, rows, n, (float)y, wy);
            g->w[probe[k]] = keep;
            double num = (up - down) / (2 * eps);
            ck_assert_msg(fabs(num - times[k] * dz) < 1e-3, "y %d row %u: %g vs %g", y,
                          probe[k], num, times[k] * dz);
        }
        /* and a step lowers the loss */
        gate_t *h = gate_new();
        memcpy(h->w, g->w, GATE_ROWS * sizeof *g->w);
        h->bias = g->bias;
        float before = gate_step(h, rows, n, (float)y, wy, 0.05f, 0.0f);
        ck_assert_float_lt(loss_of(h, rows, n, (float)y, wy), before);
        gate_free(h);
    }
    gate_free(g);
}
END_TEST

START_TEST(test_bytes_round_trip_and_bad_bytes_are_refused)
{
    gate_t *g = gate_new();
    g->w[5] = 1.5f;
    g->w[GATE_ROWS - 1] = -2.0f;
    g->bias = -0.25f;
    g->threshold = 0.9f;
    size_t len;
    unsigned char *b = gate_serialize(g, &len);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(len, 16 + 2 * 8);     /* header, two weights */
    char err[256] = "";
    gate_t *h = gate_parse(b, len, err, sizeof err);
    ck_assert_msg(h != NULL, "%s", err);
    ck_assert_int_eq(memcmp(g->w, h->w, GATE_ROWS * sizeof *g->w), 0);
    ck_assert_float_eq(h->bias, -0.25f);
    ck_assert_float_eq(h->threshold, 0.9f);
    const char *t = "what a grey day";
    ck_assert_float_eq(gate_chat_p(g, t, strlen(t)), gate_chat_p(h, t, strlen(t)));
    gate_free(h);
    ck_assert_ptr_null(gate_parse(b, len - 1, err, sizeof err));
    ck_assert_str_eq(err, "gate: 2 weights do not fill its 15 bytes");
    ck_assert_ptr_null(gate_parse(b, 6, err, sizeof err));
    ck_assert_str_eq(err, "gate: truncated");
    unsigned char *bad = malloc(len);
    memcpy(bad, b, len);
    bad[0] = 'X';
    ck_assert_ptr_null(gate_parse(bad, len, err, sizeof err));
    ck_assert_str_eq(err, "gate: not a gate (bad magic)");
    memcpy(bad, b, len);
    float two = 2.0f;
    memcpy(bad + 4, &two, 4);
    ck_assert_ptr_null(gate_parse(bad, len, err, sizeof err));
    ck_assert_str_eq(err, "gate: threshold 2 is not a probability");
    memcpy(bad, b, len);
    uint32_t far = GATE_ROWS;
    memcpy(bad + 16, &far, 4);
    ck_assert_ptr_null(gate_parse(bad, len, err, sizeof err));
    ck_assert_str_eq(err, "gate: weight 0 is out of its rows");
    free(bad);
    free(b);
    gate_free(g);
}
END_TEST

/* A small untrained reader. */
static reader_t *small_reader(void)
{
    reader_cfg_t c = {.V = 5, .Nb = 8, .E = 4, .H = 3};
    vocab_t *v = vocab_new();
    vocab_add(v, "hello");
    vocab_add(v, "there");
    return reader_wrap(&c, v, calloc(reader_nparams(&c), sizeof(float)));
}

START_TEST(test_a_readers_section_carries_its_gate)
{
    reader_t *r = small_reader();
    size_t plain_len, len;
    unsigned char *plain = reader_serialize(r, &plain_len);
    char err[256] = "";
    reader_t *p = reader_parse(plain, plain_len, err, sizeof err);
    ck_assert_msg(p != NULL, "%s", err);
    ck_assert_ptr_null(reader_gate(p));        /* a reader without one reads as before */
    reader_free(p);
    gate_t *g = gate_new();
    g->w[11] = 0.75f;
    g->threshold = 0.8f;
    reader_set_gate(r, g);
    unsigned char *sec = reader_serialize(r, &len);
    ck_assert_uint_gt(len, plain_len);
    p = reader_parse(sec, len, err, sizeof err);
    ck_assert_msg(p != NULL, "%s", err);
    ck_assert_ptr_nonnull(reader_gate(p));
    ck_assert_float_eq(reader_gate(p)->w[11], 0.75f);
    ck_assert_float_eq(reader_gate(p)->threshold, 0.8f);
    reader_free(p);
    ck_assert_ptr_null(reader_parse(sec, len - 3, err, sizeof err));
    ck_assert_str_eq(err, "reader section: truncated in the gated reader");
    sec[4 + 8 + plain_len + 8] = 'X';      /* the gate's magic, after the reader's bytes */
    ck_assert_ptr_null(reader_parse(sec, len, err, sizeof err));
    ck_assert_str_eq(err, "reader section: gate: not a gate (bad magic)");
    free(sec);
    free(plain);
    reader_free(r);
}
END_TEST

static dialogue_t *gen(void)
{
    if (access(WN "/data.noun", R_OK) != 0)
        ck_abort_msg(WN " is missing: install Debian package wordnet-base (scripts/setup.sh)");
    char err[256];
    dialogue_t *d = dialogue_new(WN, err, sizeof err);
    ck_assert_msg(d != NULL, "dialogue_new: %s", err);
    return d;
}

START_TEST(test_remarks_hold_chat_and_news_and_repeat)
{
    dialogue_t *d = gen();
    dialogue_clause_t a, b;
    int chat = 0, fact = 0;
    for (int i = 0; i < 2000; i++) {
        ck_assert_int_eq(dialogue_remark(d, 3, (uint64_t)i, DIALOGUE_TRAIN, &a), 0);
        ck_assert_int_eq(dialogue_remark(d, 3, (uint64_t)i, DIALOGUE_TRAIN, &b), 0);
        ck_assert_str_eq(a.text, b.text);
        ck_assert(a.act == READER_SMALLTALK || a.act == READER_FACT);
        chat += a.act == READER_SMALLTALK;
        fact += a.act == READER_FACT;
        for (int w = 0; w < a.n; w++) ck_assert_int_eq(a.tag[w], READER_O);
    }
    ck_assert_int_gt(chat, 1000);
    ck_assert_int_gt(fact, 200);
    dialogue_free(d);
}
END_TEST

/* The default options with n training clauses and a tenth as many held out. */
static gate_train_opts_t opts_of(long n)
{
    gate_train_opts_t o = GATE_TRAIN_DEFAULTS;
    o.examples = n;
    o.heldout = n / 10;
    return o;
}

START_TEST(test_training_tells_remarks_of_the_day_from_lasting_news)
{
    dialogue_t *d = gen();
    dialogue_use_notes(d);
    gate_t *g = gate_new(), *h = gate_new();
    gate_train_opts_t o = opts_of(40000);
    gate_report_t rep;
    char err[256];
    ck_assert_int_eq(gate_train(g, d, &o, &rep, err, sizeof err), 0);
    ck_assert_float_eq(g->threshold, (float)GATE_THRESHOLD);
    ck_assert_int_gt(rep.train_chat, 5000);
    ck_assert_int_gt(rep.train_fact, 5000);
    /* held-out words: most remarks of the day caught, few pieces of news taken */
    ck_assert_msg(rep.remark_chat_caught > 0.8f, "caught %g", (double)rep.remark_chat_caught);
    ck_assert_msg(rep.fact_lost < 0.02f, "taken %g", (double)rep.fact_lost);
    /* the same options give the same weights */
    ck_assert_int_eq(gate_train(h, d, &o, &rep, err, sizeof err), 0);
    ck_assert_int_eq(memcmp(g->w, h->w, GATE_ROWS * sizeof *g->w), 0);
    gate_free(g);
    gate_free(h);
    dialogue_free(d);
}
END_TEST

/* People's statements join the generated clauses: a remark they label chat comes out
 * likelier chat than without them, and sure of it; the report counts them. */
START_TEST(test_peoples_statements_are_learned)
{
    dialogue_t *d = gen();
    dialogue_use_notes(d);
    gate_t *g = gate_new(), *h = gate_new();
    gate_train_opts_t o = opts_of(20000);
    gate_report_t rep;
    char err[256];
    const char *text = "my kettle has opinions about the new boiler";
    ck_assert_int_eq(gate_train(g, d, &o, &rep, err, sizeof err), 0);
    ck_assert_int_eq(rep.people_chat + rep.people_fact, 0);
    const char *people[] = {text, "the gulls stole my chips on the pier again", "I weld ships"};
    const unsigned char chat[] = {1, 1, 0};
    o.people = people;
    o.people_chat = chat;
    o.npeople = 3;
    ck_assert_int_eq(gate_train(h, d, &o, &rep, err, sizeof err), 0);
    ck_assert_int_eq(rep.people_chat, 2);
    ck_assert_int_eq(rep.people_fact, 1);
    float before = gate_chat_p(g, text, strlen(text)), after = gate_chat_p(h, text, strlen(text));
    ck_assert_msg(after > before && after > 0.9f, "%g -> %g", (double)before, (double)after);
    gate_free(g);
    gate_free(h);
    dialogue_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gate");
    TCase *tc = tcase_create("gate");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_features_are_a_function_of_the_text);
    tcase_add_test(tc, test_sigmoid_is_the_logistic_function);
    tcase_add_test(tc, test_a_step_follows_the_gradient);
    tcase_add_test(tc, test_bytes_round_trip_and_bad_bytes_are_refused);
    tcase_add_test(tc, test_a_readers_section_carries_its_gate);
    tcase_add_test(tc, test_remarks_hold_chat_and_news_and_repeat);
    tcase_add_test(tc, test_training_tells_remarks_of_the_day_from_lasting_news);
    tcase_add_test(tc, test_peoples_statements_are_learned);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}

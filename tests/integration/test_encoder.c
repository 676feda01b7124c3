/* test_encoder.c: mnemod with a sentence encoder (--encoder, the encoder key): a file that
 * is not one stops it with status 2 before it listens, naming the file; a good one is
 * logged, becomes the learned half of the dense leg (a misspelt word finds its memory
 * through shared n-grams, which the sketch alone cannot), and a restart without it
 * re-encodes the memories, which stay searchable. The encoder is written here with
 * seeded random weights: no trained file is needed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "model/senc.h"
#include "model/senc_train.h"

static h_daemon_t D;

static void make_encoder(const char *path)
{
    senc_cfg_t c = {4096, 32, 32, 0};
    senc_t *s = senc_new(&c);
    ck_assert_ptr_nonnull(s);
    senc_init(s, 3, 0.1f);
    char err[256];
    ck_assert_msg(senc_save(s, path, err, sizeof err) == 0, "%s", err);
    senc_free(s);
}

/* The text of the first hit of a search of alice's memories, "" when none (owned by
 * the caller). */
static char *first_hit(const char *q, const char *legs)
{
    char path[256];
    snprintf(path, sizeof path, "/v1/memories?user=alice&q=%s&k=5%s%s", q, legs ? "&legs=" : "",
             legs ? legs : "");
    h_resp_t r;
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 200, NULL);
    json_t *m = json_array_get(json_object_get(r.json, "results"), 0);
    char *t = strdup(m ? json_string_value(json_object_get(m, "text")) : "");
    h_resp_clear(&r);
    return t;
}

START_TEST(test_a_file_that_is_no_encoder_stops_mnemod)
{
    h_init(&D, NULL);
    snprintf(D.encoder, sizeof D.encoder, "%s/bad.senc", D.dir);
    ck_assert_int_eq(h_write_file(D.encoder, "MNEMOSEN not really", 19), 0);
    h_spawn(&D, "127.0.0.1:0");
    int status = h_wait_exit(&D, 60000);
    char *log = h_log(&D);
    ck_assert_msg(status == 2, "mnemod exited with %d: %s", status, log);
    ck_assert_msg(strstr(log, "cannot load the sentence encoder") && strstr(log, D.encoder),
                  "the message does not name the file: %s", log);
    ck_assert_msg(access(D.port_file, F_OK) != 0, "mnemod listened");
    free(log);
    h_cleanup(&D);
}
END_TEST

START_TEST(test_the_encoder_is_the_dense_legs_learned_half_and_can_leave)
{
    static const char *const texts[] = {"we watched a beautiful sunset at the beach",
                                        "my brother fixed the kitchen sink on Sunday",
                                        "the quarterly taxes are due in April"};
    h_init(&D, NULL);
    snprintf(D.encoder, sizeof D.encoder, "%s/e.senc", D.dir);
    make_encoder(D.encoder);
    h_start(&D);
    char *log = h_log(&D);
    ck_assert_msg(strstr(log, "sentence encoder") && strstr(log, "loaded"), "%s", log);
    free(log);
    for (int i = 0; i < 3; i++) ck_assert(h_create(&D, NULL, "alice", texts[i]) > 0);
    char *t = first_hit("beautifull", "dense");
    ck_assert_str_eq(t, texts[0]);
    free(t);
    ck_assert_int_eq(h_stop(&D), 0);

    D.encoder[0] = 0;                               /* --encoder none */
    h_start(&D);
    t = first_hit("beautifull", "dense");
    ck_assert_str_eq(t, "");                        /* the sketch shares no stem with it */
    free(t);
    t = first_hit("sink", NULL);
    ck_assert_str_eq(t, texts[1]);
    free(t);
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("encoder");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_a_file_that_is_no_encoder_stops_mnemod);
    tcase_add_test(tc, test_the_encoder_is_the_dense_legs_learned_half_and_can_leave);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

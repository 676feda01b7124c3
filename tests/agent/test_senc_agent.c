/* test_senc_agent.c: the sentence encoder as the learned half of memory vectors, through
 * the agent and the store: its vectors and encoder id, a database written without it
 * re-encoded when it arrives (and back when it leaves), and the dense leg finding by
 * the encoder what the lexical sketch cannot (a misspelt word shares its n-grams), and
 * the bm25 leg asked with the query's content words only. The
 * encoder is made here with seeded random weights: no trained file is needed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent/agent_internal.h"
#include "model/lexical.h"
#include "model/senc.h"
#include "model/senc_train.h"

static char dir[64], db[128];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/test-senc-agent-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/m.db", dir);
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static senc_t *encoder(void)
{
    senc_cfg_t c = {4096, 32, 32, 0};
    senc_t *s = senc_new(&c);
    ck_assert_ptr_nonnull(s);
    senc_init(s, 3, 0.1f);
    return s;
}

static agent_t *open_agent(senc_t *enc, double w)
{
    agent_config_t cfg;
    agent_config_default(&cfg);
    cfg.db_path = db;
    cfg.encoder = enc;
    cfg.encoder_lexical_weight = w;
    char err[256];
    agent_t *a = agent_new(&cfg, err, sizeof err);
    ck_assert_msg(a != NULL, "%s", err);
    return a;
}

static const char *const TEXTS[] = {
    "we watched a beautiful sunset at the beach",
    "my brother fixed the kitchen sink on Sunday",
    "the quarterly taxes are due in April",
    "Rex chewed the cables again",
};
enum { NTEXTS = sizeof TEXTS / sizeof TEXTS[0] };

static void add_texts(agent_t *a)
{
    agent_memory_in_t in[NTEXTS];
    int64_t ids[NTEXTS];
    char err[256];
    for (int i = 0; i < NTEXTS; i++)
        in[i] = (agent_memory_in_t){.text = TEXTS[i], .importance = -1};
    ck_assert_int_eq(agent_memory_create(a, "u1", in, NTEXTS, ids, err, sizeof err), AGENT_OK);
}

/* The first hit's text of a search, or "" when none; *n the number of hits. */
static void search(agent_t *a, const char *text, int legs, char *first, size_t len, int *n)
{
    agent_hit_t hits[8];
    agent_search_t q = {.user = "u1", .k = 8, .legs = legs};
    char err[256];
    ck_assert_int_eq(agent_memory_search(a, &q, text, hits, n, err, sizeof err), AGENT_OK);
    snprintf(first, len, "%s", *n ? hits[0].mem.text : "");
    agent_hits_clear(hits, *n);
}

START_TEST(test_memory_vectors_join_the_encoders_vector_under_its_id)
{
    senc_t *enc = encoder();
    char want[64];
    snprintf(want, sizeof want, LEX_ENCODER_ID "+senc-%s/w=0.5", enc->tag);
    agent_t *a = open_agent(enc, 0.5);
    ck_assert_int_eq(a->dim, LEX_DIM + 32);
    ck_assert_str_eq(a->encoder, want);
    float v[LEX_DIM + 32];
    char err[128];
    ck_assert_int_eq(agent_encode(a, TEXTS[0], v, err, sizeof err), AGENT_OK);
    double lex = 0, learned = 0;
    for (int i = 0; i < LEX_DIM; i++) lex += (double)v[i] * v[i];
    for (int i = LEX_DIM; i < LEX_DIM + 32; i++) learned += (double)v[i] * v[i];
    ck_assert_double_eq_tol(lex, 0.5, 1e-5);        /* w and 1 - w of the unit length */
    ck_assert_double_eq_tol(learned, 0.5, 1e-5);
    agent_free(a);
}
END_TEST

START_TEST(test_a_database_is_reencoded_when_the_encoder_comes_and_goes)
{
    agent_t *a = open_agent(NULL, 0.5);
    add_texts(a);
    agent_free(a);
    char first[256];
    int n;
    a = open_agent(encoder(), 0.5);             /* re-encodes every memory at start */
    ck_assert_uint_eq(store_stale_count(a->st), 0);
    search(a, "kitchen sink", AGENT_LEG_DENSE, first, sizeof first, &n);
    ck_assert_str_eq(first, TEXTS[1]);
    agent_free(a);
    a = open_agent(NULL, 0.5);                  /* and back to the sketch alone */
    ck_assert_uint_eq(store_stale_count(a->st), 0);
    search(a, "kitchen sink", 0, first, sizeof first, &n);
    ck_assert_str_eq(first, TEXTS[1]);
    agent_free(a);
}
END_TEST

START_TEST(test_the_dense_leg_finds_a_misspelt_word_through_the_encoder)
{
    char first[256];
    int n;
    agent_t *a = open_agent(NULL, 0.5);
    add_texts(a);
    search(a, "beautifull", AGENT_LEG_DENSE, first, sizeof first, &n);
    ck_assert_int_eq(n, 0);                     /* no stem in common: no candidate */
    agent_free(a);
    a = open_agent(encoder(), 0.5);
    search(a, "beautifull", AGENT_LEG_DENSE, first, sizeof first, &n);
    ck_assert_str_eq(first, TEXTS[0]);
    search(a, "beautifull", 0, first, sizeof first, &n);    /* and so does the fused search */
    ck_assert_str_eq(first, TEXTS[0]);
    agent_free(a);
}
END_TEST

/* The bm25 leg is asked with the query's content words (lex_query_text): a memory that
 * shares only "the", "on" or "my" with a question is no hit of it, nor of the fused
 * search, and the last candidate of a list (fused score 0) is still a hit. */
START_TEST(test_a_memory_sharing_only_stopwords_with_the_query_is_no_hit)
{
    char first[256];
    int n;
    agent_t *a = open_agent(NULL, 0.5);
    add_texts(a);
    search(a, "what did my brother do on the beach?", AGENT_LEG_BM25, first, sizeof first, &n);
    ck_assert_int_eq(n, 2);                     /* the sunset at the beach, the brother */
    search(a, "what did my brother do on the beach?", 0, first, sizeof first, &n);
    ck_assert_int_eq(n, 2);
    search(a, "what is on?", AGENT_LEG_BM25, first, sizeof first, &n);
    ck_assert_int_eq(n, 1);                     /* only stopwords: asked as they are */
    ck_assert_str_eq(first, TEXTS[1]);
    agent_free(a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("senc_agent");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_memory_vectors_join_the_encoders_vector_under_its_id);
    tcase_add_test(tc, test_a_database_is_reencoded_when_the_encoder_comes_and_goes);
    tcase_add_test(tc, test_the_dense_leg_finds_a_misspelt_word_through_the_encoder);
    tcase_add_test(tc, test_a_memory_sharing_only_stopwords_with_the_query_is_no_hit);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

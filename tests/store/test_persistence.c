/* test_persistence.c: what is written survives close and reopen (rows, history and the
 * index rebuilt from them), and vectors of another encoder or dimension are kept,
 * counted as stale, left out of search, and brought back by store_reencode. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static char err[256];

typedef struct snapshot {
    int n;
    int64_t id[20];
    float score[20];
} snapshot_t;

static snapshot_t search(store_t *st, const char *user, uint64_t seed)
{
    float v[TH_DIM];
    th_mem("", "", v, seed);
    store_hit_t hits[20];
    snapshot_t s = {0};
    store_query_t q = {.user = user, .vec = v, .k = 20};
    ck_assert_int_eq(store_search(st, &q, 0, hits, &s.n, err, sizeof(err)), STORE_OK);
    for (int i = 0; i < s.n; i++) {
        s.id[i] = hits[i].mem.id;
        s.score[i] = hits[i].score;
    }
    store_hits_clear(hits, s.n);
    return s;
}

START_TEST(test_reopen_restores_memories_and_index)
{
    int64_t ids[60];
    for (int i = 0; i < 60; i++)
        ids[i] = th_add(th_st, i % 2 ? "alice" : "bob", "fact", (uint64_t)i);
    float nv[TH_DIM];
    th_mem("", "", nv, 1000);
    ck_assert_int_eq(store_memory_update(th_st, ids[1], "fact, edited", nv, 0.7, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_supersede(th_st, ids[3], ids[5], err, sizeof(err)),
                     STORE_OK);
    ck_assert_int_eq(store_memory_delete(th_st, ids[7]), STORE_OK);
    ck_assert_int_eq(store_memory_touch(th_st, &ids[9], 1), STORE_OK);
    snapshot_t a = search(th_st, "alice", 1000), b = search(th_st, "bob", 4);
    ck_assert_int_eq(a.n, 20);
    ck_assert_int_eq(a.id[0], ids[1]);

    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    ck_assert_uint_eq(store_memory_count(th_st), 59);
    ck_assert_uint_eq(store_user_count(th_st), 2);
    snapshot_t a2 = search(th_st, "alice", 1000), b2 = search(th_st, "bob", 4);
    ck_assert_int_eq(a2.n, a.n);
    ck_assert_int_eq(b2.n, b.n);
    for (int i = 0; i < a.n; i++) {
        ck_assert_int_eq(a2.id[i], a.id[i]);
        ck_assert_float_eq_tol(a2.score[i], a.score[i], 1e-6f);
    }
    for (int i = 0; i < b.n; i++)
        ck_assert_int_eq(b2.id[i], b.id[i]);
    /* The superseded and the deleted memory stay out of search. */
    snapshot_t s3 = search(th_st, "alice", 3);
    for (int i = 0; i < s3.n; i++)
        ck_assert(s3.id[i] != ids[3] && s3.id[i] != ids[7]);

    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, ids[1], 1, &g), STORE_OK);
    ck_assert_str_eq(g.text, "fact, edited");
    ck_assert_double_eq_tol(g.importance, 0.7, 1e-12);
    ck_assert_mem_eq(g.vec, nv, sizeof(nv));
    store_memory_clear(&g);
    ck_assert_int_eq(store_memory_get(th_st, ids[3], 0, &g), STORE_OK);
    ck_assert_int_eq(g.superseded_by, ids[5]);
    store_memory_clear(&g);
    ck_assert_int_eq(store_memory_get(th_st, ids[9], 0, &g), STORE_OK);
    ck_assert_int_eq(g.use_count, 1);
    store_memory_clear(&g);
    ck_assert_int_eq(store_memory_get(th_st, ids[7], 0, &g), STORE_ENOTFOUND);
    store_version_t *h;
    size_t n;
    ck_assert_int_eq(store_memory_history(th_st, ids[1], &h, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(h[0].text, "fact");
    store_history_free(h, n);
}
END_TEST

/* A stand-in for the new encoder: 4 floats from the text's bytes. */
static int encode4(const char *text, float *out, void *ctx)
{
    int *calls = ctx;
    (*calls)++;
    for (int i = 0; i < 4; i++)
        out[i] = (float)((unsigned char)text[i % strlen(text)] % 7) + (float)i;
    return strcmp(text, "poison") == 0 ? -1 : 0;
}

START_TEST(test_stale_vectors_are_counted_and_reencoded)
{
    char text[400][16];
    for (int i = 0; i < 150; i++) {
        snprintf(text[i], sizeof(text[i]), "memory %d", i);
        th_add(th_st, i % 3 ? "alice" : "bob", text[i], (uint64_t)i);
    }
    /* Opened for a 4-float encoder: every row is stale, nothing is searchable. */
    th_st = th_reopen(th_st, 4, "enc-4");
    ck_assert_uint_eq(store_memory_count(th_st), 150);
    ck_assert_uint_eq(store_stale_count(th_st), 150);
    ck_assert_uint_eq(store_user_count(th_st), 0);
    float q[4] = {1, 2, 3, 4};
    store_hit_t hits[5];
    int nh;
    store_query_t sq = {.user = "alice", .vec = q, .k = 5};
    ck_assert_int_eq(store_search(th_st, &sq, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(nh, 0);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, 1, 1, &g), STORE_OK);   /* still readable */
    ck_assert_int_eq(g.dim, TH_DIM);
    ck_assert_str_eq(g.encoder, TH_ENCODER);
    store_memory_clear(&g);

    /* An update with a new vector and a delete each take one off the stale count. */
    ck_assert_int_eq(store_memory_update(th_st, 2, NULL, q, -1, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_delete(th_st, 3), STORE_OK);
    ck_assert_uint_eq(store_stale_count(th_st), 148);

    int calls = 0;
    size_t done = 0;
    ck_assert_int_eq(store_reencode(th_st, encode4, &calls, &done, err, sizeof(err)),
                     STORE_OK);
    ck_assert_uint_eq(done, 148);
    ck_assert_int_eq(calls, 148);
    ck_assert_uint_eq(store_stale_count(th_st), 0);
    ck_assert_uint_eq(store_user_count(th_st), 2);
    ck_assert_int_eq(store_memory_get(th_st, 10, 1, &g), STORE_OK);
    ck_assert_int_eq(g.dim, 4);
    ck_assert_str_eq(g.encoder, "enc-4");
    float want[4];
    encode4(g.text, want, &calls);
    ck_assert_mem_eq(g.vec, want, sizeof(want));
    store_memory_clear(&g);
    /* Searchable now: the query equal to memory 10's vector finds it first. */
    sq.vec = want;
    sq.user = "alice";
    ck_assert_int_eq(store_search(th_st, &sq, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_gt(nh, 0);
    ck_assert_float_eq_tol(hits[0].score, 1.0f, 1e-5f);
    store_hits_clear(hits, nh);

    /* Nothing left to do; and the work survives a reopen. */
    ck_assert_int_eq(store_reencode(th_st, encode4, &calls, &done, err, sizeof(err)),
                     STORE_OK);
    ck_assert_uint_eq(done, 0);
    th_st = th_reopen(th_st, 4, "enc-4");
    ck_assert_uint_eq(store_stale_count(th_st), 0);
    ck_assert_uint_eq(store_memory_count(th_st), 149);
}
END_TEST

START_TEST(test_reencode_stops_when_the_encoder_fails)
{
    for (int i = 0; i < 100; i++)
        th_add(th_st, "alice", i == 80 ? "poison" : "plain", (uint64_t)i);
    th_st = th_reopen(th_st, 4, "enc-4");
    int calls = 0;
    size_t done = 0;
    ck_assert_int_eq(store_reencode(th_st, encode4, &calls, &done, err, sizeof(err)),
                     STORE_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "encoder failed"));
    ck_assert_uint_eq(done, 64);        /* the first batch was written */
    ck_assert_uint_eq(store_stale_count(th_st), 36);
}
END_TEST

START_TEST(test_same_dim_other_encoder_is_stale)
{
    th_add(th_st, "alice", "a", 1);
    th_st = th_reopen(th_st, TH_DIM, "another-encoder");
    ck_assert_uint_eq(store_stale_count(th_st), 1);
    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    ck_assert_uint_eq(store_stale_count(th_st), 0);
    ck_assert_uint_eq(store_user_count(th_st), 1);
}
END_TEST

START_TEST(test_reopen_of_a_large_index_answers_the_same)
{
    /* Big enough for the start-up path that prefaults on a thread (alice's int8 codes
     * over 4 MiB); every search re-ranks from the vectors SQLite returns. */
    enum { N = 18000, D = 384 };
    th_st = th_reopen(th_st, D, "enc-384");
    float *v = malloc((size_t)N * D * sizeof(float));
    store_new_memory_t *m = calloc(N, sizeof(*m));
    uint64_t s = 77;
    for (int i = 0; i < N; i++) {
        th_vec(&s, v + (size_t)i * D, D, 0.5f);
        m[i] = (store_new_memory_t){.user = i % 3 ? "alice" : "bob", .text = "t",
                                    .vec = v + (size_t)i * D, .dim = D, .importance = -1};
    }
    ck_assert_int_eq(store_memory_add(th_st, m, N, NULL, err, sizeof(err)), STORE_OK);
    store_hit_t hits[10];
    int64_t before[8][10];
    int nb[8];
    for (int pass = 0; pass < 2; pass++) {
        for (int q = 0; q < 8; q++) {
            store_query_t sq = {.user = q % 2 ? "alice" : "bob",
                                .vec = v + (size_t)(q * 97) * D, .k = 10};
            int n;
            ck_assert_int_eq(store_search(th_st, &sq, q % 3 == 0, hits, &n, err,
                                          sizeof(err)), STORE_OK);
            if (!pass)
                nb[q] = n;
            ck_assert_int_eq(n, nb[q]);
            for (int j = 0; j < n; j++) {
                if (!pass)
                    before[q][j] = hits[j].mem.id;
                ck_assert_int_eq(hits[j].mem.id, before[q][j]);
            }
            store_hits_clear(hits, n);
        }
        if (!pass)
            th_st = th_reopen(th_st, D, "enc-384");
    }
    ck_assert_uint_eq(store_memory_count(th_st), N);
    /* The codes (D bytes a row) are in RAM, the float rows are not. */
    ck_assert_uint_ge(store_index_bytes(th_st), (size_t)N * D);
    ck_assert_uint_lt(store_index_bytes(th_st), (size_t)N * D * sizeof(float));
    free(v);
    free(m);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("persistence");
    TCase *tc = tcase_create("persistence");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_reopen_restores_memories_and_index);
    tcase_add_test(tc, test_stale_vectors_are_counted_and_reencoded);
    tcase_add_test(tc, test_reencode_stops_when_the_encoder_fails);
    tcase_add_test(tc, test_same_dim_other_encoder_is_stale);
    tcase_add_test(tc, test_reopen_of_a_large_index_answers_the_same);
    suite_add_tcase(s, tc);
    return th_run(s);
}

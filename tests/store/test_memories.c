/* test_memories.c: single memories through the store: every field round-trips, a batch
 * is all or nothing, updates and supersessions keep history, deletes and touches do
 * what they say, and bad input is refused with a reason. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static char err[256];

START_TEST(test_round_trip_of_every_field)
{
    float v[TH_DIM] = {0.5f, -1.25f, 3, 0, 0, 1e-3f, -7, 2};
    store_new_memory_t m = {.user = "alice", .conversation = "conv-1",
                            .text = "My dog is called Rex.", .vec = v, .dim = TH_DIM,
                            .encoder = TH_ENCODER, .importance = 0.8,
                            .created_ms = 1700000000123};
    int64_t id = 0;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_OK);
    ck_assert_int_gt(id, 0);

    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, id, 1, &g), STORE_OK);
    ck_assert_int_eq(g.id, id);
    ck_assert_str_eq(g.user, "alice");
    ck_assert_str_eq(g.conversation, "conv-1");
    ck_assert_str_eq(g.text, "My dog is called Rex.");
    ck_assert_int_eq(g.created_ms, 1700000000123);
    ck_assert_int_eq(g.updated_ms, 1700000000123);
    ck_assert_int_eq(g.last_used_ms, 0);
    ck_assert_int_eq(g.use_count, 0);
    ck_assert_double_eq_tol(g.importance, 0.8, 1e-12);
    ck_assert_int_eq(g.superseded_by, 0);
    ck_assert_int_eq(g.dim, TH_DIM);
    ck_assert_mem_eq(g.vec, v, sizeof(v));     /* stored as given, not normalized */
    ck_assert_str_eq(g.encoder, TH_ENCODER);
    store_memory_clear(&g);

    /* Without the vector; touched twice. */
    ck_assert_int_eq(store_memory_touch(th_st, &id, 1), STORE_OK);
    ck_assert_int_eq(store_memory_touch(th_st, &id, 1), STORE_OK);
    ck_assert_int_eq(store_memory_get(th_st, id, 0, &g), STORE_OK);
    ck_assert_ptr_null(g.vec);
    ck_assert_int_eq(g.dim, 0);
    ck_assert_int_eq(g.use_count, 2);
    ck_assert_int_ge(g.last_used_ms, store_now_ms() - 60000);
    store_memory_clear(&g);
}
END_TEST

START_TEST(test_defaults_and_explicit_id)
{
    float v[TH_DIM];
    store_new_memory_t m = th_mem("bob", "likes tea", v, 1);
    m.id = 4242;
    int64_t before = store_now_ms(), id = 0;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(id, 4242);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, 4242, 0, &g), STORE_OK);
    ck_assert_ptr_null(g.conversation);
    ck_assert_double_eq_tol(g.importance, 0.5, 1e-12);
    ck_assert_int_ge(g.created_ms, before);
    ck_assert_int_le(g.created_ms, store_now_ms());
    store_memory_clear(&g);
    /* The next assigned id follows. */
    ck_assert_int_gt(th_add(th_st, "bob", "likes coffee", 2), 4242);
    ck_assert_uint_eq(store_memory_count(th_st), 2);
}
END_TEST

START_TEST(test_a_given_id_stays_under_store_id_max_and_assigned_ids_follow)
{
    float v[TH_DIM];
    int64_t id = 0;
    store_new_memory_t m = th_mem("alice", "too far", v, 1);
    m.id = STORE_ID_MAX + 1;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_EINVAL);
    m.id = INT64_MAX;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_EINVAL);
    ck_assert_uint_eq(store_memory_count(th_st), 0);
    m.id = STORE_ID_MAX;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(th_add(th_st, "bob", "after the top", 2), STORE_ID_MAX + 1);
}
END_TEST

/* A deleted memory's id is never given to a new one (a stale retry of a delete must not
 * hit a newer memory), across a reopen too. */
START_TEST(test_a_deleted_id_is_not_given_again)
{
    int64_t a = th_add(th_st, "alice", "first", 1), b = th_add(th_st, "alice", "second", 2);
    ck_assert_int_eq(store_memory_delete(th_st, b), STORE_OK);
    int64_t c = th_add(th_st, "bob", "third", 3);
    ck_assert_int_gt(c, b);
    ck_assert_int_eq(store_memory_delete(th_st, c), STORE_OK);
    ck_assert_int_eq(store_memory_delete(th_st, a), STORE_OK);
    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    ck_assert_int_gt(th_add(th_st, "bob", "fourth", 4), c);
}
END_TEST

START_TEST(test_ids_taken_finds_anyones_id_and_nothing_else)
{
    int64_t a = th_add(th_st, "alice", "alice's", 1), b = th_add(th_st, "bob", "bob's", 2);
    int64_t taken = -1;
    const int64_t none[] = {a + b + 10, a + b + 11};
    ck_assert_int_eq(store_memory_ids_taken(th_st, none, 2, &taken), STORE_OK);
    ck_assert_int_eq(taken, 0);
    const int64_t some[] = {a + b + 10, b, a};
    ck_assert_int_eq(store_memory_ids_taken(th_st, some, 3, &taken), STORE_OK);
    ck_assert_int_eq(taken, b);
    ck_assert_int_eq(store_memory_ids_taken(th_st, NULL, 0, &taken), STORE_OK);
    ck_assert_int_eq(taken, 0);
}
END_TEST

START_TEST(test_add_is_all_or_nothing)
{
    int64_t keep = th_add(th_st, "alice", "existing", 9);
    float v[5][TH_DIM];
    store_new_memory_t batch[5];
    for (int i = 0; i < 5; i++)
        batch[i] = th_mem("alice", "batched", v[i], 100 + (uint64_t)i);
    int64_t ids[5] = {0};

    /* A bad item: refused before anything is written. */
    batch[3].text = "";
    ck_assert_int_eq(store_memory_add(th_st, batch, 5, ids, err, sizeof(err)), STORE_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "memory 3"));
    batch[3].text = "batched";

    /* A conflicting id found mid-transaction: the first items are rolled back. */
    batch[3].id = keep;
    ck_assert_int_eq(store_memory_add(th_st, batch, 5, ids, err, sizeof(err)),
                     STORE_ECONFLICT);
    batch[3].id = 0;
    /* Two items with the same new id. */
    batch[1].id = batch[4].id = 777;
    ck_assert_int_eq(store_memory_add(th_st, batch, 5, ids, err, sizeof(err)),
                     STORE_ECONFLICT);
    ck_assert_int_eq(store_memory_get(th_st, 777, 0, &(store_memory_t){0}), STORE_ENOTFOUND);

    ck_assert_uint_eq(store_memory_count(th_st), 1);
    store_memory_t *page;
    size_t n;
    int64_t next;
    store_page_t p = {.user = "alice", .limit = 50};
    ck_assert_int_eq(store_memory_list(th_st, &p, &page, &n, &next), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(page[0].id, keep);
    store_memories_free(page, n);
    store_hit_t hits[10];
    int nh;
    store_query_t q = {.user = "alice", .vec = v[0], .k = 10};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(nh, 1);
    store_hits_clear(hits, nh);

    /* And the good batch goes in whole. */
    batch[1].id = batch[4].id = 0;
    ck_assert_int_eq(store_memory_add(th_st, batch, 5, ids, err, sizeof(err)), STORE_OK);
    ck_assert_uint_eq(store_memory_count(th_st), 6);
    for (int i = 1; i < 5; i++)
        ck_assert_int_gt(ids[i], ids[i - 1]);
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(nh, 6);
    ck_assert_int_eq(hits[0].mem.id, ids[0]);
    ck_assert_float_eq_tol(hits[0].score, 1.0f, 1e-5f);
    store_hits_clear(hits, nh);
}
END_TEST

START_TEST(test_bad_memories_are_refused_with_a_reason)
{
    float v[TH_DIM], w[TH_DIM + 1] = {0};
    store_new_memory_t m = th_mem("alice", "text", v, 1);
    struct { store_new_memory_t m; const char *why; } bad[8];
    for (int i = 0; i < 8; i++)
        bad[i].m = m;
    bad[0].m.user = NULL;           bad[0].why = "user";
    bad[1].m.user = "";             bad[1].why = "user";
    bad[2].m.text = NULL;           bad[2].why = "text";
    bad[3].m.dim = TH_DIM + 1;      bad[3].why = "dimension";
    bad[3].m.vec = w;
    bad[4].m.vec = NULL;            bad[4].why = "vector";
    bad[5].m.encoder = "other";     bad[5].why = "encoder";
    bad[6].m.importance = 1.5;      bad[6].why = "importance";
    bad[7].m.importance = NAN;      bad[7].why = "importance";
    for (int i = 0; i < 8; i++) {
        err[0] = 0;
        ck_assert_int_eq(store_memory_add(th_st, &bad[i].m, 1, NULL, err, sizeof(err)),
                         STORE_EINVAL);
        ck_assert_msg(strstr(err, bad[i].why), "case %d: \"%s\"", i, err);
    }
    v[2] = INFINITY;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, NULL, err, sizeof(err)), STORE_EINVAL);
    ck_assert_uint_eq(store_memory_count(th_st), 0);
}
END_TEST

START_TEST(test_update_keeps_history_and_reindexes)
{
    int64_t id = th_add(th_st, "alice", "My dog is called Rex.", 1);
    float nv[TH_DIM];
    th_mem("alice", "", nv, 2);

    ck_assert_int_eq(store_memory_update(th_st, id, "My dog is called Max.", nv, -1, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_update(th_st, id, NULL, NULL, 0.9, err, sizeof(err)),
                     STORE_OK);   /* importance only: no new version */
    ck_assert_int_eq(store_memory_update(th_st, id, "My dog is called Bo.", nv, -1, err,
                                         sizeof(err)), STORE_OK);

    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, id, 1, &g), STORE_OK);
    ck_assert_str_eq(g.text, "My dog is called Bo.");
    ck_assert_double_eq_tol(g.importance, 0.9, 1e-12);
    ck_assert_int_ge(g.updated_ms, g.created_ms);
    ck_assert_mem_eq(g.vec, nv, sizeof(nv));
    store_memory_clear(&g);

    store_version_t *h;
    size_t n;
    ck_assert_int_eq(store_memory_history(th_st, id, &h, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(h[0].text, "My dog is called Rex.");
    ck_assert_str_eq(h[1].text, "My dog is called Max.");
    ck_assert_int_le(h[0].valid_until_ms, h[1].valid_until_ms);
    ck_assert_int_gt(h[0].valid_until_ms, 0);
    ck_assert_int_eq(h[0].superseded_by, 0);
    ck_assert_int_eq(h[1].superseded_by, 0);
    store_history_free(h, n);

    /* Search follows the new vector. */
    store_hit_t hits[1];
    int nh;
    store_query_t q = {.user = "alice", .vec = nv, .k = 1};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(nh, 1);
    ck_assert_float_eq_tol(hits[0].score, 1.0f, 1e-5f);
    ck_assert_str_eq(hits[0].mem.text, "My dog is called Bo.");
    store_hits_clear(hits, nh);

    ck_assert_int_eq(store_memory_update(th_st, id, "text without vector", NULL, -1, err,
                                         sizeof(err)), STORE_EINVAL);
    ck_assert_int_eq(store_memory_update(th_st, id, NULL, NULL, 2.0, err, sizeof(err)),
                     STORE_EINVAL);
    ck_assert_int_eq(store_memory_update(th_st, id + 100, NULL, NULL, 0.1, err, sizeof(err)),
                     STORE_ENOTFOUND);
}
END_TEST

START_TEST(test_supersede_records_history_and_leaves_search)
{
    int64_t old = th_add(th_st, "alice", "I live in Paris.", 1);
    int64_t nu = th_add(th_st, "alice", "I live in Rome.", 2);
    int64_t other = th_add(th_st, "bob", "I live in Oslo.", 3);
    ck_assert_int_eq(store_memory_supersede(th_st, old, nu, err, sizeof(err)), STORE_OK);

    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, old, 0, &g), STORE_OK);
    ck_assert_int_eq(g.superseded_by, nu);
    ck_assert_str_eq(g.text, "I live in Paris.");
    store_memory_clear(&g);

    store_version_t *h;
    size_t n;
    ck_assert_int_eq(store_memory_history(th_st, old, &h, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(h[0].text, "I live in Paris.");
    ck_assert_int_eq(h[0].superseded_by, nu);
    store_history_free(h, n);
    ck_assert_int_eq(store_memory_history(th_st, nu, &h, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);
    store_history_free(h, n);

    float v[TH_DIM];
    th_mem("alice", "", v, 1);     /* exactly the superseded memory's vector */
    store_hit_t hits[5];
    int nh;
    store_query_t q = {.user = "alice", .vec = v, .k = 5};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(nh, 1);
    ck_assert_int_eq(hits[0].mem.id, nu);
    store_hits_clear(hits, nh);

    ck_assert_int_eq(store_memory_supersede(th_st, old, nu, err, sizeof(err)),
                     STORE_ECONFLICT);
    ck_assert_int_eq(store_memory_supersede(th_st, nu, other, err, sizeof(err)), STORE_EINVAL);
    ck_assert_int_eq(store_memory_supersede(th_st, nu, nu, err, sizeof(err)), STORE_EINVAL);
    ck_assert_int_eq(store_memory_supersede(th_st, nu, 999, err, sizeof(err)),
                     STORE_ENOTFOUND);
}
END_TEST

START_TEST(test_delete_removes_row_history_and_index_entry)
{
    int64_t id = th_add(th_st, "alice", "to forget", 1);
    int64_t keep = th_add(th_st, "alice", "to keep", 2);
    float nv[TH_DIM];
    th_mem("alice", "", nv, 1);
    ck_assert_int_eq(store_memory_update(th_st, id, "to forget, v2", nv, -1, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_delete(th_st, id), STORE_OK);
    ck_assert_int_eq(store_memory_delete(th_st, id), STORE_ENOTFOUND);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, id, 0, &g), STORE_ENOTFOUND);
    store_version_t *h;
    size_t n;
    ck_assert_int_eq(store_memory_history(th_st, id, &h, &n), STORE_ENOTFOUND);
    ck_assert_uint_eq(store_memory_count(th_st), 1);

    store_hit_t hits[5];
    int nh;
    store_query_t q = {.user = "alice", .vec = nv, .k = 5};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(nh, 1);
    ck_assert_int_eq(hits[0].mem.id, keep);
    store_hits_clear(hits, nh);
}
END_TEST

START_TEST(test_touch_ignores_missing_ids)
{
    int64_t ids[3] = {th_add(th_st, "alice", "a", 1), 12345, th_add(th_st, "alice", "b", 2)};
    ck_assert_int_eq(store_memory_touch(th_st, ids, 3), STORE_OK);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, ids[2], 0, &g), STORE_OK);
    ck_assert_int_eq(g.use_count, 1);
    store_memory_clear(&g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("memories");
    TCase *tc = tcase_create("memories");
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_round_trip_of_every_field);
    tcase_add_test(tc, test_defaults_and_explicit_id);
    tcase_add_test(tc, test_a_given_id_stays_under_store_id_max_and_assigned_ids_follow);
    tcase_add_test(tc, test_ids_taken_finds_anyones_id_and_nothing_else);
    tcase_add_test(tc, test_a_deleted_id_is_not_given_again);
    tcase_add_test(tc, test_add_is_all_or_nothing);
    tcase_add_test(tc, test_bad_memories_are_refused_with_a_reason);
    tcase_add_test(tc, test_update_keeps_history_and_reindexes);
    tcase_add_test(tc, test_supersede_records_history_and_leaves_search);
    tcase_add_test(tc, test_delete_removes_row_history_and_index_entry);
    tcase_add_test(tc, test_touch_ignores_missing_ids);
    suite_add_tcase(s, tc);
    return th_run(s);
}

/* test_query.c: reading many memories: search stays within its user and honours its
 * filters, pages visit every memory exactly once, the export walk is oldest first, and
 * forgetting a user removes everything of that user and nothing else. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static char err[256];

static int64_t add_full(const char *user, const char *conv, int64_t created, uint64_t seed)
{
    float v[TH_DIM];
    store_new_memory_t m = th_mem(user, "some text", v, seed);
    m.conversation = conv;
    m.created_ms = created;
    int64_t id = 0;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_OK);
    return id;
}

START_TEST(test_search_never_crosses_users)
{
    /* Same vectors for both users: only the asker's come back. */
    int64_t mine[20];
    for (int i = 0; i < 20; i++) {
        mine[i] = th_add(th_st, "alice", "a", (uint64_t)i);
        th_add(th_st, "bob", "b", (uint64_t)i);
    }
    float v[TH_DIM];
    th_mem("", "", v, 3);
    store_hit_t hits[STORE_MAX_K];
    int n;
    store_query_t q = {.user = "alice", .vec = v, .k = STORE_MAX_K};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(n, 20);
    ck_assert_int_eq(hits[0].mem.id, mine[3]);
    for (int i = 0; i < n; i++) {
        ck_assert_str_eq(hits[i].mem.user, "alice");
        ck_assert_ptr_null(hits[i].mem.vec);
        if (i)
            ck_assert(hits[i - 1].score >= hits[i].score);
    }
    store_hits_clear(hits, n);
    q.user = "carol";
    ck_assert_int_eq(store_search(th_st, &q, 1, hits, &n, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(n, 0);
    ck_assert_uint_eq(store_user_count(th_st), 2);
}
END_TEST

START_TEST(test_search_rejects_bad_queries)
{
    float v[TH_DIM] = {1};
    store_hit_t hits[2];
    int n;
    store_query_t q = {.user = "alice", .vec = v, .k = 0};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), STORE_EINVAL);
    q.k = STORE_MAX_K + 1;
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), STORE_EINVAL);
    q.k = 2;
    q.user = NULL;
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), STORE_EINVAL);
    q.user = "alice";
    q.vec = NULL;
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), STORE_EINVAL);
}
END_TEST

START_TEST(test_search_filters_by_time_and_conversation)
{
    int64_t a = add_full("alice", "c1", 1000, 1);
    int64_t b = add_full("alice", "c2", 2000, 2);
    int64_t c = add_full("alice", NULL, 3000, 3);
    float v[TH_DIM];
    th_mem("", "", v, 1);
    store_hit_t hits[10];
    int n;
    store_query_t q = {.user = "alice", .vec = v, .k = 10, .conversation = "c2"};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(hits[0].mem.id, b);
    store_hits_clear(hits, n);

    store_query_t w = {.user = "alice", .vec = v, .k = 10, .since_ms = 1000, .until_ms = 3000};
    ck_assert_int_eq(store_search(th_st, &w, 0, hits, &n, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(hits[0].mem.id, a);    /* the query is a's vector */
    ck_assert_int_eq(hits[1].mem.id, b);
    store_hits_clear(hits, n);
    w.since_ms = 2001;
    w.until_ms = 0;
    ck_assert_int_eq(store_search(th_st, &w, 0, hits, &n, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(hits[0].mem.id, c);
    store_hits_clear(hits, n);
}
END_TEST

START_TEST(test_a_hits_cosine_is_the_plain_cosine_of_the_two_vectors)
{
    /* Sparse vectors, so idf weighting moves the score away from the plain cosine; the
     * last dimensions are not lexical, as in the agent's vectors. */
    enum { N = 30 };
    float vecs[N][TH_DIM], q[TH_DIM], scratch[TH_DIM];
    uint64_t s = 11;
    for (int i = 0; i < N; i++) {
        store_new_memory_t m = th_mem("alice", "some text", scratch, 0);
        th_vec(&s, vecs[i], TH_DIM, 0.5f);
        vecs[i][0] = 1.0f;      /* no row is all zero */
        m.vec = vecs[i];
        ck_assert_int_eq(store_memory_add(th_st, &m, 1, NULL, err, sizeof(err)), STORE_OK);
    }
    ck_assert_int_eq(store_set_lexical_dims(th_st, TH_DIM - 2), STORE_OK);
    th_vec(&s, q, TH_DIM, 0.0f);
    store_hit_t hits[N];
    int n, moved = 0;
    store_query_t sq = {.user = "alice", .vec = q, .k = N};
    for (int idf = 0; idf < 2; idf++) {
        ck_assert_int_eq(store_search(th_st, &sq, idf, hits, &n, err, sizeof(err)), STORE_OK);
        ck_assert_int_eq(n, N);
        for (int i = 0; i < n; i++) {
            const float *v = vecs[hits[i].mem.id - 1];     /* ids are 1..N in order */
            double by_hand = th_cosine(q, v, NULL, TH_DIM);
            ck_assert_msg(fabs(hits[i].cosine - by_hand) < 1e-5, "idf %d, hit %d: %f, %f",
                          idf, i, hits[i].cosine, by_hand);
            if (!idf)
                ck_assert(fabsf(hits[i].score - hits[i].cosine) < 1e-5f);
            moved += fabsf(hits[i].score - hits[i].cosine) > 1e-3f;
        }
        store_hits_clear(hits, n);
    }
    ck_assert_int_gt(moved, 0);     /* idf did change the scores */
}
END_TEST

/* Pages through p until the end; each id must appear once, newest first. */
static size_t page_all(store_page_t p, int64_t *seen, size_t cap)
{
    size_t total = 0;
    int64_t last = INT64_MAX;
    for (int pages = 0;; pages++) {
        ck_assert_int_lt(pages, 1000);
        store_memory_t *v;
        size_t n;
        int64_t next;
        ck_assert_int_eq(store_memory_list(th_st, &p, &v, &n, &next), STORE_OK);
        ck_assert_uint_le(n, (size_t)p.limit);
        for (size_t i = 0; i < n; i++) {
            ck_assert_int_lt(v[i].id, last);
            last = v[i].id;
            ck_assert_str_eq(v[i].user, p.user);
            ck_assert_uint_lt(total, cap);
            seen[total++] = v[i].id;
        }
        store_memories_free(v, n);
        if (!next)
            return total;
        ck_assert_uint_eq(n, (size_t)p.limit);
        ck_assert_int_eq(next, last);
        p.cursor = next;
    }
}

START_TEST(test_paging_visits_every_memory_once)
{
    enum { N = 237 };
    int64_t ids[N], c1[N], seen[N];
    size_t nc1 = 0;
    for (int i = 0; i < N; i++) {
        const char *conv = i % 3 ? "c1" : "c2";
        ids[i] = add_full("alice", conv, 1000 + i, (uint64_t)i);
        if (i % 3)
            c1[nc1++] = ids[i];
        if (i % 5 == 0)
            add_full("bob", "c1", 1000 + i, (uint64_t)i);
    }
    static const int limits[] = {1, 7, 10, 236, 237, 500};
    for (size_t li = 0; li < sizeof(limits) / sizeof(limits[0]); li++) {
        store_page_t p = {.user = "alice", .limit = limits[li]};
        size_t n = page_all(p, seen, N);
        ck_assert_uint_eq(n, N);
        for (size_t i = 0; i < n; i++)
            ck_assert_int_eq(seen[i], ids[N - 1 - i]);
    }
    store_page_t p = {.user = "alice", .limit = 10, .conversation = "c1"};
    size_t n = page_all(p, seen, N);
    ck_assert_uint_eq(n, nc1);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(seen[i], c1[nc1 - 1 - i]);
    store_page_t t = {.user = "alice", .limit = 10, .since_ms = 1100, .until_ms = 1150};
    n = page_all(t, seen, N);
    ck_assert_uint_eq(n, 50);
    ck_assert_int_eq(seen[0], ids[149]);
    ck_assert_int_eq(seen[49], ids[100]);

    store_page_t none = {.user = "nobody", .limit = 10};
    ck_assert_uint_eq(page_all(none, seen, N), 0);
    store_memory_t *v;
    int64_t next;
    store_page_t bad = {.user = "alice", .limit = 0};
    ck_assert_int_eq(store_memory_list(th_st, &bad, &v, &n, &next), STORE_EINVAL);
}
END_TEST

typedef struct walk {
    int64_t last;
    size_t n, stop_at;
} walk_t;

static int walk_fn(const store_memory_t *m, void *ctx)
{
    walk_t *w = ctx;
    ck_assert_int_gt(m->id, w->last);
    ck_assert_int_eq(m->dim, TH_DIM);
    ck_assert_ptr_nonnull(m->vec);
    ck_assert_str_eq(m->user, "alice");
    w->last = m->id;
    return ++w->n == w->stop_at ? 42 : 0;
}

START_TEST(test_each_walks_oldest_first_with_vectors)
{
    for (int i = 0; i < 600; i++) {
        th_add(th_st, "alice", "a", (uint64_t)i);
        if (i % 7 == 0)
            th_add(th_st, "bob", "b", (uint64_t)i);
    }
    walk_t w = {0, 0, 0};
    ck_assert_int_eq(store_memory_each(th_st, "alice", walk_fn, &w), STORE_OK);
    ck_assert_uint_eq(w.n, 600);
    walk_t stop = {0, 0, 300};
    ck_assert_int_eq(store_memory_each(th_st, "alice", walk_fn, &stop), 42);
    ck_assert_uint_eq(stop.n, 300);
    walk_t none = {0, 0, 0};
    ck_assert_int_eq(store_memory_each(th_st, "nobody", walk_fn, &none), STORE_OK);
    ck_assert_uint_eq(none.n, 0);
}
END_TEST

/* The export's pull: pages from an id on, oldest first, without vectors; a memory added
 * between two pages comes on a later one, a deleted one does not come. */
START_TEST(test_pages_after_an_id_walk_oldest_first_and_see_writes_between_pages)
{
    int64_t last = 0;
    for (int i = 0; i < 300; i++) {
        last = th_add(th_st, "alice", "a", (uint64_t)i);
        if (i % 7 == 0) th_add(th_st, "bob", "b", (uint64_t)i);
    }
    store_memory_t *v = NULL;
    size_t n = 0, seen = 0;
    int64_t after = 0, prev = 0, added = 0;
    int deleted_seen = 0, added_seen = 0;
    for (int page = 0;; page++) {
        ck_assert_int_eq(store_memory_after(th_st, "alice", after, 100, &v, &n), STORE_OK);
        for (size_t i = 0; i < n; i++) {
            ck_assert_int_gt(v[i].id, prev);
            ck_assert_ptr_null(v[i].vec);
            ck_assert_str_eq(v[i].user, "alice");
            deleted_seen |= v[i].id == last;
            added_seen |= v[i].id == added;
            prev = v[i].id;
        }
        seen += n;
        if (n) after = v[n - 1].id;
        store_memories_free(v, n);
        if (page == 0) {    /* between the first page and the second */
            ck_assert_int_eq(store_memory_delete(th_st, last), STORE_OK);
            added = th_add(th_st, "alice", "a", 1000);
            ck_assert_int_gt(added, last);
        }
        if (n < 100) break;
    }
    ck_assert_uint_eq(seen, 300);   /* 300 - the deleted + the added */
    ck_assert(!deleted_seen);
    ck_assert(added_seen);
    ck_assert_int_eq(store_memory_after(th_st, "alice", 0, 0, &v, &n), STORE_EINVAL);
    ck_assert_int_eq(store_memory_after(th_st, "alice", -1, 10, &v, &n), STORE_EINVAL);
    ck_assert_int_eq(store_memory_after(th_st, "nobody", 0, 10, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);
    store_memories_free(v, n);
}
END_TEST

START_TEST(test_user_delete_removes_everything_of_one_user_only)
{
    int64_t a1 = add_full("alice", "a-conv", 0, 1);
    int64_t a2 = th_add(th_st, "alice", "two", 2);
    int64_t b1 = add_full("bob", "b-conv", 0, 1);
    float nv[TH_DIM];
    th_mem("", "", nv, 5);
    ck_assert_int_eq(store_memory_update(th_st, a1, "one, edited", nv, -1, err, sizeof(err)),
                     STORE_OK);
    ck_assert_int_eq(store_memory_supersede(th_st, a2, a1, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "a-conv", "user", "hi", NULL, NULL),
                     STORE_OK);
    ck_assert_int_eq(store_turn_add(th_st, "bob", "b-conv", "user", "hello", NULL, NULL),
                     STORE_OK);

    int64_t removed = -1;
    ck_assert_int_eq(store_user_delete(th_st, "alice", &removed), STORE_OK);
    ck_assert_int_eq(removed, 2);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, a1, 0, &g), STORE_ENOTFOUND);
    ck_assert_int_eq(store_memory_get(th_st, a2, 0, &g), STORE_ENOTFOUND);
    store_version_t *h;
    size_t n;
    ck_assert_int_eq(store_memory_history(th_st, a1, &h, &n), STORE_ENOTFOUND);
    store_turn_t *t;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "a-conv", 10, &t, &n), STORE_ENOTFOUND);
    store_hit_t hits[5];
    int nh;
    store_query_t q = {.user = "alice", .vec = nv, .k = 5};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(nh, 0);

    /* Bob is untouched. */
    ck_assert_int_eq(store_memory_get(th_st, b1, 0, &g), STORE_OK);
    store_memory_clear(&g);
    ck_assert_int_eq(store_turns_last(th_st, "bob", "b-conv", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    store_turns_free(t, n);
    q.user = "bob";
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(nh, 1);
    store_hits_clear(hits, nh);
    ck_assert_uint_eq(store_memory_count(th_st), 1);
    ck_assert_uint_eq(store_user_count(th_st), 1);

    ck_assert_int_eq(store_user_delete(th_st, "alice", &removed), STORE_OK);
    ck_assert_int_eq(removed, 0);
}
END_TEST

START_TEST(test_observability_counters)
{
    ck_assert_uint_eq(store_memory_count(th_st), 0);
    ck_assert_uint_eq(store_stale_count(th_st), 0);
    th_add(th_st, "alice", "a", 1);
    th_add(th_st, "bob", "b", 2);
    ck_assert_uint_eq(store_memory_count(th_st), 2);
    ck_assert_uint_eq(store_user_count(th_st), 2);
    ck_assert_uint_ge(store_index_bytes(th_st), 2 * (64 + 16));     /* codes, sketch */
    ck_assert_int_gt(store_db_bytes(th_st), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("query");
    TCase *tc = tcase_create("query");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_search_never_crosses_users);
    tcase_add_test(tc, test_search_rejects_bad_queries);
    tcase_add_test(tc, test_search_filters_by_time_and_conversation);
    tcase_add_test(tc, test_a_hits_cosine_is_the_plain_cosine_of_the_two_vectors);
    tcase_add_test(tc, test_paging_visits_every_memory_once);
    tcase_add_test(tc, test_each_walks_oldest_first_with_vectors);
    tcase_add_test(tc, test_pages_after_an_id_walk_oldest_first_and_see_writes_between_pages);
    tcase_add_test(tc, test_user_delete_removes_everything_of_one_user_only);
    tcase_add_test(tc, test_observability_counters);
    suite_add_tcase(s, tc);
    return th_run(s);
}

/* test_concurrency.c: searches, pages and reads from several threads while one thread
 * writes (adds, updates, supersedes, deletes, forgets a user): nothing crashes, every
 * reader sees well-formed answers of its own user, and afterwards the live index
 * answers exactly as one rebuilt from SQLite by reopening. */
#include <check.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

enum { READERS = 4, WRITES = 150 };

static atomic_int writer_done;
static atomic_long reads;

static void *reader(void *arg)
{
    uint64_t s = (uint64_t)(uintptr_t)arg + 1;
    char err[256];
    store_hit_t hits[10];
    while (!atomic_load(&writer_done)) {
        float v[TH_DIM];
        th_vec(&s, v, TH_DIM, 0.0f);
        const char *user = th_rand(&s) % 2 ? "alice" : "bob";
        store_query_t q = {.user = user, .vec = v, .k = 10};
        int n;
        if (store_search(th_st, &q, (int)(th_rand(&s) % 2), hits, &n, err, sizeof(err)) != 0)
            abort();
        for (int i = 0; i < n; i++) {
            if (strcmp(hits[i].mem.user, user) != 0 || !hits[i].mem.text ||
                (i && hits[i - 1].score < hits[i].score))
                abort();
        }
        store_hits_clear(hits, n);

        store_page_t p = {.user = user, .limit = 20};
        store_memory_t *page;
        size_t pn;
        int64_t next;
        if (store_memory_list(th_st, &p, &page, &pn, &next) != 0)
            abort();
        for (size_t i = 1; i < pn; i++)
            if (page[i].id >= page[i - 1].id)
                abort();
        if (pn) {
            store_memory_t g;
            int rc = store_memory_get(th_st, page[0].id, 1, &g);
            if (rc != STORE_OK && rc != STORE_ENOTFOUND)
                abort();
            store_memory_clear(&g);
        }
        store_memories_free(page, pn);
        atomic_fetch_add(&reads, 1);
    }
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    uint64_t s = 99;
    char err[256];
    int64_t last = 0;
    for (int i = 0; i < WRITES; i++) {
        float v[4][TH_DIM];
        store_new_memory_t m[4];
        int64_t ids[4];
        const char *user = i % 2 ? "alice" : "bob";
        for (int j = 0; j < 4; j++)
            m[j] = th_mem(i % 5 == 0 ? "carol" : user, "w", v[j], th_rand(&s));
        if (store_memory_add(th_st, m, 4, ids, err, sizeof(err)) != STORE_OK)
            abort();
        switch (i % 4) {
        case 0:
            if (store_memory_update(th_st, ids[0], "w2", v[1], 0.3, err, sizeof(err)))
                abort();
            break;
        case 1:
            if (store_memory_delete(th_st, ids[1]))
                abort();
            break;
        case 2:
            if (store_memory_supersede(th_st, ids[2], ids[3], err, sizeof(err)))
                abort();
            break;
        default:
            store_memory_touch(th_st, ids, 4);
        }
        if (i % 25 == 24 && store_user_delete(th_st, "carol", NULL))
            abort();
        last = ids[3];
    }
    (void)last;
    atomic_store(&writer_done, 1);
    return NULL;
}

START_TEST(test_readers_and_a_writer_run_concurrently)
{
    for (int i = 0; i < 100; i++)
        th_add(th_st, i % 2 ? "alice" : "bob", "seed", (uint64_t)i);
    pthread_t r[READERS], w;
    for (int i = 0; i < READERS; i++)
        ck_assert_int_eq(pthread_create(&r[i], NULL, reader, (void *)(uintptr_t)i), 0);
    ck_assert_int_eq(pthread_create(&w, NULL, writer, NULL), 0);
    pthread_join(w, NULL);
    for (int i = 0; i < READERS; i++)
        pthread_join(r[i], NULL);
    ck_assert_int_gt(atomic_load(&reads), 0);

    /* The live index answers as the one rebuilt from SQLite does. */
    enum { Q = 20 };
    int64_t before[Q][STORE_MAX_K];
    int nb[Q];
    uint64_t s = 5;
    float qv[Q][TH_DIM];
    char err[256];
    store_hit_t *hits = malloc(STORE_MAX_K * sizeof(*hits));
    size_t count = store_memory_count(th_st);
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < Q; i++) {
            if (!pass)
                th_vec(&s, qv[i], TH_DIM, 0.0f);
            store_query_t q = {.user = i % 2 ? "alice" : "bob", .vec = qv[i],
                               .k = STORE_MAX_K};
            int n;
            ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), 0);
            if (!pass)
                nb[i] = n;
            ck_assert_int_eq(n, nb[i]);
            for (int j = 0; j < n; j++) {
                if (!pass)
                    before[i][j] = hits[j].mem.id;
                ck_assert_int_eq(hits[j].mem.id, before[i][j]);
            }
            store_hits_clear(hits, n);
        }
        if (!pass)
            th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    }
    ck_assert_uint_eq(store_memory_count(th_st), count);
    free(hits);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("concurrency");
    TCase *tc = tcase_create("concurrency");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_readers_and_a_writer_run_concurrently);
    suite_add_tcase(s, tc);
    return th_run(s);
}

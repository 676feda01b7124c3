/* test_persistence.c: what mnemod acknowledged is there after a clean restart on the
 * same database: memories with their text, edits and history, deletions, and the same
 * search results in the same order. */
#include "tests/integration/harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static h_daemon_t D;

static void setup(void)
{
    h_init(&D, NULL);
    h_start(&D);
}

static void teardown(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}

static void restart(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
}

static const char *const facts[] = {
    "My dog is called Rex.",
    "I work as a nurse at the hospital in Lisbon.",
    "My sister Anna plays chess every Sunday.",
    "We bought a red car last summer.",
    "The wifi password is written on the fridge.",
    "I am allergic to peanuts.",
    "My favourite band is Radiohead.",
    "The boiler was serviced in October.",
};
#define N_FACTS (sizeof facts / sizeof facts[0])

START_TEST(test_memories_are_back_after_a_restart)
{
    int64_t ids[N_FACTS];
    for (size_t i = 0; i < N_FACTS; i++)
        ck_assert((ids[i] = h_create(&D, NULL, i % 2 ? "bob" : "alice", facts[i])) > 0);
    restart();
    for (size_t i = 0; i < N_FACTS; i++) {
        char path[64];
        h_resp_t r;
        snprintf(path, sizeof path, "/v1/memories/%lld", (long long)ids[i]);
        h_get(&D, NULL, path, &r);
        h_assert_reply(&r, 200, NULL);
        ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")), facts[i]);
        ck_assert_str_eq(json_string_value(json_object_get(r.json, "user")),
                         i % 2 ? "bob" : "alice");
        h_resp_clear(&r);
    }
    json_t *all = h_list_all(&D, NULL, "user=alice");
    ck_assert_int_eq(json_array_size(all), (N_FACTS + 1) / 2);
    json_decref(all);
}
END_TEST

START_TEST(test_edits_and_deletes_are_back_after_a_restart)
{
    int64_t kept = h_create(&D, NULL, "alice", "My car is red.");
    int64_t gone = h_create(&D, NULL, "alice", "Delete me.");
    char path[96];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)kept);
    h_send(&D, "PATCH", NULL, path,
           json_pack("{s:s,s:f}", "text", "My car is blue.", "importance", 0.9), &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)gone);
    h_request(&D, "DELETE", path, NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);

    restart();

    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)kept);
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")), "My car is blue.");
    ck_assert(fabs(json_number_value(json_object_get(r.json, "importance")) - 0.9) < 1e-6);
    h_resp_clear(&r);
    snprintf(path, sizeof path, "/v1/memories/%lld/history", (long long)kept);
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 200, NULL);
    json_t *v = json_object_get(r.json, "versions");
    ck_assert_int_eq(json_array_size(v), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(v, 0), "text")),
                     "My car is red.");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_search_results_are_the_same_after_a_restart)
{
    static const char *const queries[] = {
        "user=alice&q=what%20is%20my%20dog%20called&k=5",
        "user=alice&q=where%20do%20I%20work&k=5",
        "user=alice&q=sister%20chess&k=3",
    };
    enum { NQ = 3 };
    for (size_t i = 0; i < N_FACTS; i++)
        ck_assert(h_create(&D, NULL, "alice", facts[i]) > 0);
    json_t *before[NQ];
    for (int q = 0; q < NQ; q++) {
        before[q] = h_search(&D, NULL, queries[q]);
        ck_assert_int_gt(json_array_size(before[q]), 0);
    }
    restart();
    for (int q = 0; q < NQ; q++) {
        json_t *after = h_search(&D, NULL, queries[q]);
        ck_assert_int_eq(json_array_size(after), json_array_size(before[q]));
        for (size_t i = 0; i < json_array_size(after); i++) {
            json_t *a = json_array_get(after, i), *b = json_array_get(before[q], i);
            ck_assert_msg(h_id(a) == h_id(b), "query %d rank %zu: %lld then %lld", q, i,
                          (long long)h_id(b), (long long)h_id(a));
            ck_assert(fabs(json_number_value(json_object_get(a, "score")) -
                           json_number_value(json_object_get(b, "score"))) < 1e-4);
        }
        json_decref(after);
        json_decref(before[q]);
    }
}
END_TEST

START_TEST(test_new_ids_after_a_restart_do_not_reuse_old_ones)
{
    int64_t first = h_create(&D, NULL, "alice", "Before the restart.");
    restart();
    int64_t second = h_create(&D, NULL, "alice", "After the restart.");
    ck_assert_int_gt(second, first);
    json_t *all = h_list_all(&D, NULL, "user=alice");
    ck_assert_int_eq(json_array_size(all), 2);
    json_decref(all);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("persistence");
    TCase *tc = tcase_create("restart");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 90);
    tcase_add_test(tc, test_memories_are_back_after_a_restart);
    tcase_add_test(tc, test_edits_and_deletes_are_back_after_a_restart);
    tcase_add_test(tc, test_search_results_are_the_same_after_a_restart);
    tcase_add_test(tc, test_new_ids_after_a_restart_do_not_reuse_old_ones);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}

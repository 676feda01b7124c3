/* test_export_import.c: a user's export imported into a fresh daemon gives the same
 * memories (ids, text, conversation, importance, created_at), searchable there, and
 * importing the same export twice is a 409 that writes nothing. */
#include "tests/integration/harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static h_daemon_t A, B;

static void setup(void) { h_pair_start(&A, &B); }

static void teardown(void) { h_pair_stop(&A, &B); }

/* Fills A with alice's memories of every shape, and one of bob's; returns the raw
 * export body of alice (malloc'd). */
static char *fill_and_export(size_t *len)
{
    h_resp_t r;
    h_send(&A, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:[{s:s,s:s,s:f},{s:s},{s:s,s:s},{s:s,s:f}]}", "user", "alice",
                     "memories", "text", "My dog is called Rex.", "conversation", "c1",
                     "importance", 0.8, "text", "I work as a nurse.", "text",
                     "Anna is my sister.", "conversation", "c2", "text",
                     "Ünïcödé and 日本語 survive too.", "importance", 0.1),
           &r);
    h_assert_reply(&r, 201, NULL);
    h_resp_clear(&r);
    int64_t edited = h_create(&A, NULL, "alice", "My car is red.");
    char path[64];
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)edited);
    h_send(&A, "PATCH", NULL, path, json_pack("{s:s}", "text", "My car is blue."), &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    ck_assert(h_create(&A, NULL, "bob", "Bob's memory stays behind.") > 0);

    h_get(&A, NULL, "/v1/users/alice/export", &r);
    h_assert_reply(&r, 200, NULL);
    char *body = r.body;
    *len = r.len;
    r.body = NULL;
    h_resp_clear(&r);
    return body;
}

static void assert_same_memory(const json_t *a, const json_t *b)
{
    static const char *const keys[] = {"id", "text", "conversation", "created_at", "user"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        ck_assert_msg(json_equal(json_object_get(a, keys[i]), json_object_get(b, keys[i])),
                      "%s differs for memory %lld", keys[i], (long long)h_id(a));
    ck_assert(fabs(json_number_value(json_object_get(a, "importance")) -
                   json_number_value(json_object_get(b, "importance"))) < 1e-6);
}

START_TEST(test_export_then_import_into_a_fresh_daemon_gives_the_same_memories)
{
    size_t len;
    char *body = fill_and_export(&len);
    h_resp_t r;
    h_import(&B, "alice", NULL, body, len, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "imported")), 5);
    h_resp_clear(&r);
    free(body);

    json_t *ea = h_export(&A, NULL, "alice"), *eb = h_export(&B, NULL, "alice");
    ck_assert_int_eq(json_array_size(ea), 5);
    ck_assert_int_eq(json_array_size(eb), 5);
    for (size_t i = 0; i < 5; i++)
        assert_same_memory(json_array_get(ea, i), json_array_get(eb, i));
    json_decref(ea);
    json_decref(eb);
    json_t *bob = h_export(&B, NULL, "bob");
    ck_assert_int_eq(json_array_size(bob), 0);
    json_decref(bob);
}
END_TEST

START_TEST(test_imported_memories_are_searchable_and_readable_by_id)
{
    size_t len;
    char *body = fill_and_export(&len);
    h_resp_t r;
    h_import(&B, "alice", NULL, body, len, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    free(body);
    json_t *ra = h_search(&A, NULL, "user=alice&q=what%20is%20my%20dog%20called&k=1");
    json_t *rb = h_search(&B, NULL, "user=alice&q=what%20is%20my%20dog%20called&k=1");
    ck_assert_int_eq(json_array_size(rb), 1);
    ck_assert_int_eq(h_id(json_array_get(ra, 0)), h_id(json_array_get(rb, 0)));
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(rb, 0), "text")),
                     "My dog is called Rex.");
    char path[64];
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)h_id(json_array_get(rb, 0)));
    h_get(&B, NULL, path, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    json_decref(ra);
    json_decref(rb);
}
END_TEST

START_TEST(test_importing_the_same_export_twice_conflicts_and_writes_nothing)
{
    size_t len;
    char *body = fill_and_export(&len);
    h_resp_t r;
    h_import(&B, "alice", NULL, body, len, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    h_import(&B, "alice", NULL, body, len, &r);
    h_assert_reply(&r, 409, "conflict");
    h_resp_clear(&r);
    free(body);
    json_t *eb = h_export(&B, NULL, "alice");
    ck_assert_int_eq(json_array_size(eb), 5);
    json_decref(eb);
}
END_TEST

START_TEST(test_import_after_forgetting_a_user_restores_it)
{
    size_t len;
    char *body = fill_and_export(&len);
    h_resp_t r;
    h_request(&A, "DELETE", "/v1/users/alice", NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "deleted_memories")), 5);
    h_resp_clear(&r);
    h_import(&A, "alice", NULL, body, len, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    free(body);
    json_t *ea = h_export(&A, NULL, "alice");
    ck_assert_int_eq(json_array_size(ea), 5);
    json_decref(ea);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("export_import");
    TCase *tc = tcase_create("roundtrip");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_export_then_import_into_a_fresh_daemon_gives_the_same_memories);
    tcase_add_test(tc, test_imported_memories_are_searchable_and_readable_by_id);
    tcase_add_test(tc, test_importing_the_same_export_twice_conflicts_and_writes_nothing);
    tcase_add_test(tc, test_import_after_forgetting_a_user_restores_it);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}

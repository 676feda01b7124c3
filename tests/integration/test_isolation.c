/* test_isolation.c: bearer tokens keep users apart. alice and bob hold user tokens,
 * one admin token acts for both. bob can neither find, list, read, edit nor delete
 * alice's memories (her ids are 404 to him, naming her is 403), cannot export, import
 * into or delete her; no token or an unknown one is 401. */
#include "tests/integration/harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALICE "alice-secret-0123456789"
#define BOB "bob-secret-9876543210"
#define ADMIN "admin-secret-abcdefabcdef"

static h_daemon_t D;
static int64_t alices, bobs;
static const char alice_text[] = "My dog is called Rex and he sleeps in the garden.";
static const char bob_text[] = "My dog is called Bruno and he sleeps on the sofa.";

static void setup(void)
{
    h_init(&D, "# two users and an admin\n"
               "token = alice:" ALICE "\n"
               "token = bob:" BOB "\n"
               "admin_token = " ADMIN "\n");
    h_start(&D);
    alices = h_create(&D, ALICE, NULL, alice_text);
    bobs = h_create(&D, BOB, NULL, bob_text);
    ck_assert(alices > 0 && bobs > 0);
}

static void teardown(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}

static void mem_path(char *buf, size_t len, int64_t id, const char *suffix)
{
    snprintf(buf, len, "/v1/memories/%lld%s", (long long)id, suffix);
}

static int contains_id(const json_t *arr, int64_t id)
{
    size_t i;
    json_t *m;
    json_array_foreach(arr, i, m) if (h_id(m) == id) return 1;
    return 0;
}

/* alice's memory as alice sees it: still there with its original text. */
static void assert_alices_untouched(void)
{
    char path[96];
    h_resp_t r;
    mem_path(path, sizeof path, alices, "");
    h_get(&D, ALICE, path, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")), alice_text);
    h_resp_clear(&r);
}

START_TEST(test_a_user_token_writes_as_its_own_user)
{
    h_resp_t r;
    h_send(&D, "POST", ALICE, "/v1/memories", json_pack("{s:s}", "text", "I like tea."), &r);
    h_assert_reply(&r, 201, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "user")), "alice");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_bob_cannot_write_as_alice)
{
    h_resp_t r;
    h_send(&D, "POST", BOB, "/v1/memories",
           json_pack("{s:s,s:s}", "user", "alice", "text", "Planted by bob."), &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
    json_t *all = h_list_all(&D, ALICE, "limit=50");
    ck_assert_int_eq(json_array_size(all), 1);
    json_decref(all);
}
END_TEST

START_TEST(test_bob_cannot_find_alices_memories_by_search)
{
    json_t *res = h_search(&D, BOB, "q=dog%20called%20sleeps%20garden&k=10");
    ck_assert(contains_id(res, bobs));
    ck_assert(!contains_id(res, alices));
    json_decref(res);
    h_resp_t r;
    h_get(&D, BOB, "/v1/memories?user=alice&q=dog", &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_bob_cannot_list_alices_memories)
{
    json_t *all = h_list_all(&D, BOB, "limit=10");
    ck_assert_int_eq(json_array_size(all), 1);
    ck_assert(contains_id(all, bobs));
    json_decref(all);
    h_resp_t r;
    h_get(&D, BOB, "/v1/memories?user=alice", &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_bob_cannot_read_alices_memory_or_its_history)
{
    char path[96];
    h_resp_t r;
    mem_path(path, sizeof path, alices, "");
    h_get(&D, BOB, path, &r);
    h_assert_reply(&r, 404, "not_found");
    ck_assert_ptr_null(strstr(r.body, "Rex"));
    h_resp_clear(&r);
    mem_path(path, sizeof path, alices, "/history");
    h_get(&D, BOB, path, &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_bob_cannot_edit_alices_memory)
{
    char path[96];
    h_resp_t r;
    mem_path(path, sizeof path, alices, "");
    h_send(&D, "PATCH", BOB, path, json_pack("{s:s}", "text", "Rewritten by bob."), &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    assert_alices_untouched();
}
END_TEST

START_TEST(test_bob_cannot_delete_alices_memory)
{
    char path[96];
    h_resp_t r;
    mem_path(path, sizeof path, alices, "");
    h_request(&D, "DELETE", path, BOB, NULL, NULL, 0, &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    assert_alices_untouched();
}
END_TEST

START_TEST(test_bob_cannot_export_alice)
{
    h_resp_t r;
    h_get(&D, BOB, "/v1/users/alice/export", &r);
    h_assert_reply(&r, 403, "forbidden");
    ck_assert_ptr_null(strstr(r.body, "Rex"));
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_bob_cannot_import_into_alice)
{
    static const char body[] = "{\"text\": \"Slipped in by bob.\"}\n";
    h_resp_t r;
    h_request(&D, "POST", "/v1/users/alice/import", BOB, "application/x-ndjson", body,
              sizeof body - 1, &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
    json_t *lines = h_export(&D, ALICE, "alice");
    ck_assert_int_eq(json_array_size(lines), 1);
    json_decref(lines);
}
END_TEST

START_TEST(test_bob_cannot_delete_alice)
{
    h_resp_t r;
    h_request(&D, "DELETE", "/v1/users/alice", BOB, NULL, NULL, 0, &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
    assert_alices_untouched();
}
END_TEST

START_TEST(test_bob_can_export_himself_and_sees_only_his_own)
{
    json_t *lines = h_export(&D, BOB, "bob");
    ck_assert_int_eq(json_array_size(lines), 1);
    ck_assert_int_eq(h_id(json_array_get(lines, 0)), bobs);
    json_decref(lines);
}
END_TEST

START_TEST(test_no_token_is_unauthorized)
{
    char path[96];
    h_resp_t r;
    h_get(&D, NULL, "/v1/memories?q=dog", &r);
    h_assert_reply(&r, 401, "unauthorized");
    h_resp_clear(&r);
    h_send(&D, "POST", NULL, "/v1/memories", json_pack("{s:s,s:s}", "user", "alice", "text",
                                                        "No token."), &r);
    h_assert_reply(&r, 401, "unauthorized");
    h_resp_clear(&r);
    mem_path(path, sizeof path, alices, "");
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 401, "unauthorized");
    h_resp_clear(&r);
    h_get(&D, NULL, "/v1/users/alice/export", &r);
    h_assert_reply(&r, 401, "unauthorized");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_an_unknown_token_is_unauthorized)
{
    static const char *const bad[] = {"wrong", ALICE "x", "alice", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        h_resp_t r;
        h_get(&D, bad[i], "/v1/memories?q=dog", &r);
        ck_assert_msg(r.status == 401 && strcmp(h_error_code(&r), "unauthorized") == 0,
                      "token '%s': %ld %s", bad[i], r.status, r.body);
        h_resp_clear(&r);
    }
}
END_TEST

START_TEST(test_a_secret_under_another_scheme_is_unauthorized)
{
    /* The secret sent under another scheme is not a bearer token. */
    static const char *const headers[] = {
        "Authorization: Basic " ALICE,
        "Authorization: " ALICE,
        "Authorization: Bearer",
        "Authorization: bearer-" ALICE,
    };
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        h_resp_t r;
        h_request_header(&D, "GET", "/v1/memories?q=dog", headers[i], &r);
        ck_assert_msg(r.status == 401 && strcmp(h_error_code(&r), "unauthorized") == 0,
                      "'%s': %ld %s", headers[i], r.status, r.body);
        h_resp_clear(&r);
    }
}
END_TEST

START_TEST(test_admin_acts_for_both_users)
{
    char path[96];
    h_resp_t r;
    mem_path(path, sizeof path, alices, "");
    h_get(&D, ADMIN, path, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "user")), "alice");
    h_resp_clear(&r);

    json_t *res = h_search(&D, ADMIN, "user=alice&q=dog%20called");
    ck_assert(contains_id(res, alices) && !contains_id(res, bobs));
    json_decref(res);
    res = h_search(&D, ADMIN, "user=bob&q=dog%20called");
    ck_assert(contains_id(res, bobs) && !contains_id(res, alices));
    json_decref(res);

    ck_assert(h_create(&D, ADMIN, "bob", "Written for bob by the admin.") > 0);
    json_t *lines = h_export(&D, ADMIN, "bob");
    ck_assert_int_eq(json_array_size(lines), 2);
    json_decref(lines);

    h_send(&D, "PATCH", ADMIN, path, json_pack("{s:f}", "importance", 0.9), &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    mem_path(path, sizeof path, bobs, "");
    h_request(&D, "DELETE", path, ADMIN, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    h_request(&D, "DELETE", "/v1/users/alice", ADMIN, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "deleted_memories")), 1);
    h_resp_clear(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("isolation");
    TCase *tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_a_user_token_writes_as_its_own_user);
    tcase_add_test(tc, test_bob_cannot_write_as_alice);
    tcase_add_test(tc, test_bob_cannot_find_alices_memories_by_search);
    tcase_add_test(tc, test_bob_cannot_list_alices_memories);
    tcase_add_test(tc, test_bob_cannot_read_alices_memory_or_its_history);
    tcase_add_test(tc, test_bob_cannot_edit_alices_memory);
    tcase_add_test(tc, test_bob_cannot_delete_alices_memory);
    tcase_add_test(tc, test_bob_cannot_export_alice);
    tcase_add_test(tc, test_bob_cannot_import_into_alice);
    tcase_add_test(tc, test_bob_cannot_delete_alice);
    tcase_add_test(tc, test_bob_can_export_himself_and_sees_only_his_own);
    tcase_add_test(tc, test_no_token_is_unauthorized);
    tcase_add_test(tc, test_an_unknown_token_is_unauthorized);
    tcase_add_test(tc, test_a_secret_under_another_scheme_is_unauthorized);
    tcase_add_test(tc, test_admin_acts_for_both_users);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}

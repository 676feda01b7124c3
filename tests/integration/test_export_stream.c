/* test_export_stream.c: an export of many pages (it streams, a page of memories at a
 * time) gives every imported memory once, oldest first, as it was imported, and
 * imports back into a fresh daemon as the same memories. */
#include "tests/integration/harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_MEMORIES 3000     /* a dozen of api/users.c's export pages */

static h_daemon_t A, B;

static void setup(void) { h_pair_start(&A, &B); }

static void teardown(void) { h_pair_stop(&A, &B); }

/* N_MEMORIES import lines with kept ids 10, 13, 16, ... (gaps between them), texts of
 * varied length, two conversations and importances in steps of 0.01. */
static char *import_body(size_t *len)
{
    size_t cap = (size_t)N_MEMORIES * 512, n = 0;
    char *b = malloc(cap);
    ck_assert_ptr_nonnull(b);
    for (int i = 0; i < N_MEMORIES; i++) {
        n += (size_t)snprintf(b + n, cap - n,
                              "{\"id\":%d,\"text\":\"Memory number %d is about %.*s.\","
                              "\"conversation\":\"c%d\",\"importance\":%.2f,"
                              "\"created_at\":\"2026-01-%02dT10:00:00.%03dZ\"}\n",
                              10 + 3 * i, i, 1 + i % 97,
                              "the quick brown fox jumps over the lazy dog again and again "
                              "and then it rests beside the river bank in the warm sun",
                              i % 2, (i % 100) / 100.0, 1 + i % 28, i % 1000);
        ck_assert_uint_lt(n, cap);
    }
    *len = n;
    return b;
}

static void assert_export_is_the_import(const h_daemon_t *d)
{
    json_t *e = h_export(d, NULL, "alice");
    ck_assert_int_eq(json_array_size(e), N_MEMORIES);
    for (int i = 0; i < N_MEMORIES; i++) {
        const json_t *m = json_array_get(e, (size_t)i);
        char text[256], conv[8], created[64];
        snprintf(text, sizeof text, "Memory number %d is about %.*s.", i, 1 + i % 97,
                 "the quick brown fox jumps over the lazy dog again and again "
                 "and then it rests beside the river bank in the warm sun");
        snprintf(conv, sizeof conv, "c%d", i % 2);
        snprintf(created, sizeof created, "2026-01-%02dT10:00:00.%03dZ", 1 + i % 28, i % 1000);
        ck_assert_int_eq(h_id(m), 10 + 3 * i);
        ck_assert_str_eq(json_string_value(json_object_get(m, "text")), text);
        ck_assert_str_eq(json_string_value(json_object_get(m, "conversation")), conv);
        ck_assert_str_eq(json_string_value(json_object_get(m, "created_at")), created);
        ck_assert_str_eq(json_string_value(json_object_get(m, "user")), "alice");
        ck_assert(fabs(json_number_value(json_object_get(m, "importance")) -
                       (i % 100) / 100.0) < 1e-6);
    }
    json_decref(e);
}

static void import(const h_daemon_t *d, const char *body, size_t len)
{
    h_resp_t r;
    h_import(d, "alice", NULL, body, len, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "imported")), N_MEMORIES);
    h_resp_clear(&r);
}

START_TEST(test_an_export_of_many_pages_gives_every_memory_once_oldest_first)
{
    size_t len;
    char *body = import_body(&len);
    import(&A, body, len);
    free(body);
    ck_assert(h_create(&A, NULL, "bob", "Bob's memory stays out of alice's export.") > 0);
    assert_export_is_the_import(&A);
}
END_TEST

START_TEST(test_a_streamed_export_imports_into_a_fresh_daemon_as_the_same_memories)
{
    size_t len;
    char *body = import_body(&len);
    import(&A, body, len);
    free(body);
    h_resp_t r;
    h_get(&A, NULL, "/v1/users/alice/export", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_uint_gt(r.len, 0);
    ck_assert_int_eq(r.body[r.len - 1], '\n');
    import(&B, r.body, r.len);
    h_resp_clear(&r);
    assert_export_is_the_import(&B);
    /* The same bytes from both, but for the times each daemon set itself. */
    json_t *ea = h_export(&A, NULL, "alice"), *eb = h_export(&B, NULL, "alice");
    for (size_t i = 0; i < N_MEMORIES; i++) {
        json_t *a = json_array_get(ea, i), *b = json_array_get(eb, i);
        json_object_del(a, "updated_at");
        json_object_del(b, "updated_at");
        json_object_del(a, "last_used_at");
        json_object_del(b, "last_used_at");
        ck_assert(json_equal(a, b));
    }
    json_decref(ea);
    json_decref(eb);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("export_stream");
    TCase *tc = tcase_create("pages");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_an_export_of_many_pages_gives_every_memory_once_oldest_first);
    tcase_add_test(tc, test_a_streamed_export_imports_into_a_fresh_daemon_as_the_same_memories);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}

/* test_endpoints.c: every route of docs/API.md against a real mnemod without tokens
 * (every request acts as admin and names its user): create single and batch, get,
 * patch and its history, delete, list paging, search, since/until, export, import,
 * user delete, healthz, readyz. */
#define _XOPEN_SOURCE 700   /* nftw, strptime */
#include "tests/integration/harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

/* "2026-11-28T20:15:03.120Z": UTC ISO-8601 with milliseconds. */
static int is_iso_ms(const char *s)
{
    static const char pat[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (!s || strlen(s) != sizeof pat - 1)
        return 0;
    for (size_t i = 0; pat[i]; i++)
        if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != pat[i])
            return 0;
    return 1;
}

/* Seconds since the epoch of an ISO time (fraction dropped). */
static time_t iso_seconds(const char *s)
{
    struct tm tm = {0};
    ck_assert_ptr_nonnull(strptime(s, "%Y-%m-%dT%H:%M:%S", &tm));
    return timegm(&tm);
}

static void iso_format(time_t t, char *buf, size_t len)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static json_t *get_memory(int64_t id)
{
    char path[64];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)id);
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 200, NULL);
    json_t *m = json_incref(r.json);
    h_resp_clear(&r);
    return m;
}

static int contains_id(const json_t *arr, int64_t id)
{
    size_t i;
    json_t *m;
    json_array_foreach(arr, i, m) if (h_id(m) == id) return 1;
    return 0;
}

START_TEST(test_healthz_says_ok)
{
    h_resp_t r;
    h_get(&D, NULL, "/healthz", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "status")), "ok");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_readyz_says_ready)
{
    h_resp_t r;
    h_get(&D, NULL, "/readyz", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "status")), "ready");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_create_returns_the_whole_memory_object)
{
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:s,s:s,s:f}", "user", "alice", "text", "My dog is called Rex.",
                     "conversation", "c1", "importance", 0.75),
           &r);
    h_assert_reply(&r, 201, NULL);
    ck_assert_msg(strncmp(r.content_type, "application/json", 16) == 0, "Content-Type '%s'",
                  r.content_type);
    json_t *m = r.json;
    ck_assert_int_gt(h_id(m), 0);
    ck_assert_str_eq(json_string_value(json_object_get(m, "user")), "alice");
    ck_assert_str_eq(json_string_value(json_object_get(m, "conversation")), "c1");
    ck_assert_str_eq(json_string_value(json_object_get(m, "text")), "My dog is called Rex.");
    ck_assert(fabs(json_number_value(json_object_get(m, "importance")) - 0.75) < 1e-6);
    ck_assert_msg(is_iso_ms(json_string_value(json_object_get(m, "created_at"))),
                  "created_at: %s", r.body);
    ck_assert_msg(is_iso_ms(json_string_value(json_object_get(m, "updated_at"))),
                  "updated_at: %s", r.body);
    ck_assert(json_is_null(json_object_get(m, "last_used_at")));
    ck_assert_int_eq(json_integer_value(json_object_get(m, "use_count")), 0);
    ck_assert(json_is_null(json_object_get(m, "superseded_by")));
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_create_without_optional_fields_takes_the_defaults)
{
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:s}", "user", "alice", "text", "I like green tea."), &r);
    h_assert_reply(&r, 201, NULL);
    ck_assert(json_is_null(json_object_get(r.json, "conversation")));
    ck_assert(fabs(json_number_value(json_object_get(r.json, "importance")) - 0.5) < 1e-6);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_batch_create_returns_ids_in_order)
{
    static const char *texts[] = {"First of three.", "Second of three.", "Third of three."};
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:[{s:s},{s:s,s:s},{s:s,s:f}]}", "user", "alice", "memories",
                     "text", texts[0], "text", texts[1], "conversation", "c2", "text",
                     texts[2], "importance", 0.9),
           &r);
    h_assert_reply(&r, 201, NULL);
    json_t *ids = json_object_get(r.json, "ids");
    ck_assert_msg(json_is_array(ids) && json_array_size(ids) == 3, "%s", r.body);
    for (size_t i = 0; i < 3; i++) {
        json_t *m = get_memory(json_integer_value(json_array_get(ids, i)));
        ck_assert_str_eq(json_string_value(json_object_get(m, "text")), texts[i]);
        ck_assert_str_eq(json_string_value(json_object_get(m, "user")), "alice");
        json_decref(m);
    }
    json_t *c2 = get_memory(json_integer_value(json_array_get(ids, 1)));
    ck_assert_str_eq(json_string_value(json_object_get(c2, "conversation")), "c2");
    json_decref(c2);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_get_returns_what_was_created)
{
    int64_t id = h_create(&D, NULL, "alice", "The spare key is under the blue pot.");
    ck_assert_int_gt(id, 0);
    json_t *m = get_memory(id);
    ck_assert_int_eq(h_id(m), id);
    ck_assert_str_eq(json_string_value(json_object_get(m, "text")),
                     "The spare key is under the blue pot.");
    ck_assert_str_eq(json_string_value(json_object_get(m, "user")), "alice");
    json_decref(m);
}
END_TEST

START_TEST(test_get_of_a_missing_id_is_not_found)
{
    h_resp_t r;
    h_get(&D, NULL, "/v1/memories/987654321", &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_patch_changes_the_text_and_keeps_the_old_one_in_history)
{
    int64_t id = h_create(&D, NULL, "alice", "My car is red.");
    char path[96];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)id);
    h_send(&D, "PATCH", NULL, path, json_pack("{s:s}", "text", "My car is blue."), &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(h_id(r.json), id);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")), "My car is blue.");
    h_resp_clear(&r);

    json_t *m = get_memory(id);
    ck_assert_str_eq(json_string_value(json_object_get(m, "text")), "My car is blue.");
    json_decref(m);

    snprintf(path, sizeof path, "/v1/memories/%lld/history", (long long)id);
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(h_id(r.json), id);
    ck_assert(json_is_null(json_object_get(r.json, "superseded_by")));
    json_t *versions = json_object_get(r.json, "versions");
    ck_assert_msg(json_is_array(versions) && json_array_size(versions) == 1, "%s", r.body);
    json_t *v = json_array_get(versions, 0);
    ck_assert_str_eq(json_string_value(json_object_get(v, "text")), "My car is red.");
    ck_assert_msg(is_iso_ms(json_string_value(json_object_get(v, "valid_until"))), "%s",
                  r.body);
    ck_assert(json_is_null(json_object_get(v, "superseded_by")));
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_history_lists_versions_oldest_first)
{
    int64_t id = h_create(&D, NULL, "alice", "Version one.");
    char path[96];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)id);
    h_send(&D, "PATCH", NULL, path, json_pack("{s:s}", "text", "Version two."), &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    h_send(&D, "PATCH", NULL, path, json_pack("{s:s}", "text", "Version three."), &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    snprintf(path, sizeof path, "/v1/memories/%lld/history", (long long)id);
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 200, NULL);
    json_t *versions = json_object_get(r.json, "versions");
    ck_assert_msg(json_array_size(versions) == 2, "%s", r.body);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(versions, 0), "text")),
                     "Version one.");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(versions, 1), "text")),
                     "Version two.");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_patch_of_importance_alone_keeps_the_text)
{
    int64_t id = h_create(&D, NULL, "alice", "Dentist appointment on Friday.");
    char path[96];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)id);
    h_send(&D, "PATCH", NULL, path, json_pack("{s:f}", "importance", 0.25), &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")),
                     "Dentist appointment on Friday.");
    ck_assert(fabs(json_number_value(json_object_get(r.json, "importance")) - 0.25) < 1e-6);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_delete_removes_the_memory)
{
    int64_t id = h_create(&D, NULL, "alice", "Temporary note.");
    char path[96];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)id);
    h_request(&D, "DELETE", path, NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(h_id(r.json), id);
    ck_assert(json_is_true(json_object_get(r.json, "deleted")));
    h_resp_clear(&r);
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    h_request(&D, "DELETE", path, NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    json_t *all = h_list_all(&D, NULL, "user=alice");
    ck_assert(!contains_id(all, id));
    json_decref(all);
}
END_TEST

START_TEST(test_list_pages_visit_every_memory_once_newest_first)
{
    enum { N = 23 };
    json_t *batch = json_array();
    for (int i = 0; i < N; i++) {
        char t[64];
        snprintf(t, sizeof t, "Listed memory number %d.", i);
        json_array_append_new(batch, json_pack("{s:s}", "text", t));
    }
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/memories", json_pack("{s:s,s:o}", "user", "alice",
                                                       "memories", batch), &r);
    h_assert_reply(&r, 201, NULL);
    json_t *ids = json_incref(json_object_get(r.json, "ids"));
    h_resp_clear(&r);
    int64_t later = h_create(&D, NULL, "alice", "Created after the batch.");
    ck_assert(h_create(&D, NULL, "bob", "Bob's own memory.") > 0);

    /* The first page has exactly limit items and a cursor. */
    h_get(&D, NULL, "/v1/memories?user=alice&limit=5", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_array_size(json_object_get(r.json, "memories")), 5);
    ck_assert(json_is_string(json_object_get(r.json, "next_cursor")));
    ck_assert_int_eq(h_id(json_array_get(json_object_get(r.json, "memories"), 0)), later);
    h_resp_clear(&r);

    json_t *all = h_list_all(&D, NULL, "user=alice&limit=5");
    ck_assert_int_eq(json_array_size(all), N + 1);
    size_t i;
    json_t *id;
    json_array_foreach(ids, i, id) ck_assert(contains_id(all, json_integer_value(id)));
    ck_assert(contains_id(all, later));
    for (i = 0; i < json_array_size(all); i++) {
        json_t *m = json_array_get(all, i);
        ck_assert_str_eq(json_string_value(json_object_get(m, "user")), "alice");
        for (size_t j = i + 1; j < json_array_size(all); j++)
            ck_assert_int_ne(h_id(m), h_id(json_array_get(all, j)));
        if (i > 0) {
            const char *prev = json_string_value(
                json_object_get(json_array_get(all, i - 1), "created_at"));
            ck_assert_msg(strcmp(prev, json_string_value(json_object_get(m, "created_at"))) >= 0,
                          "page not newest first at %zu", i);
        }
    }
    json_decref(all);
    json_decref(ids);
}
END_TEST

static const char *const facts[] = {
    "My dog is called Rex.",
    "I work as a nurse at the hospital in Lisbon.",
    "My sister Anna plays chess every Sunday.",
    "We bought a red car last summer.",
    "The wifi password is written on the fridge.",
    "I am allergic to peanuts.",
};

START_TEST(test_search_returns_the_relevant_memory_first)
{
    int64_t ids[6];
    for (int i = 0; i < 6; i++)
        ck_assert((ids[i] = h_create(&D, NULL, "alice", facts[i])) > 0);
    json_t *res = h_search(&D, NULL, "user=alice&q=what%20is%20my%20dog%20called&k=3");
    ck_assert_msg(json_array_size(res) >= 1 && json_array_size(res) <= 3, "%zu results",
                  json_array_size(res));
    json_t *top = json_array_get(res, 0);
    ck_assert_int_eq(h_id(top), ids[0]);
    ck_assert_str_eq(json_string_value(json_object_get(top, "text")), facts[0]);
    ck_assert(json_is_number(json_object_get(top, "score")));
    for (size_t i = 1; i < json_array_size(res); i++)
        ck_assert(json_number_value(json_object_get(json_array_get(res, i - 1), "score")) >=
                  json_number_value(json_object_get(json_array_get(res, i), "score")));
    json_decref(res);

    res = h_search(&D, NULL, "user=alice&q=peanut%20allergy");
    ck_assert_int_eq(h_id(json_array_get(res, 0)), ids[5]);
    json_decref(res);
}
END_TEST

START_TEST(test_search_returns_at_most_k_results)
{
    for (int i = 0; i < 6; i++)
        ck_assert(h_create(&D, NULL, "alice", facts[i]) > 0);
    json_t *res = h_search(&D, NULL, "user=alice&q=my%20sister%20car%20dog%20wifi&k=2");
    ck_assert_int_le(json_array_size(res), 2);
    json_decref(res);
}
END_TEST

START_TEST(test_search_only_finds_the_named_user)
{
    int64_t mine = h_create(&D, NULL, "alice", "My dog is called Rex.");
    int64_t other = h_create(&D, NULL, "bob", "My dog is called Bruno.");
    json_t *res = h_search(&D, NULL, "user=alice&q=dog%20called&k=10");
    ck_assert(contains_id(res, mine));
    ck_assert(!contains_id(res, other));
    json_decref(res);
}
END_TEST

/* Creates a, waits past the next whole second, creates b; *cut is a whole-second
 * time with a.created_at < cut <= b.created_at. */
static void two_apart(int64_t *a, int64_t *b, char *cut, size_t cutlen)
{
    *a = h_create(&D, NULL, "alice", "Early note about the garden hose.");
    json_t *ma = get_memory(*a);
    time_t ta = iso_seconds(json_string_value(json_object_get(ma, "created_at")));
    json_decref(ma);
    iso_format(ta + 1, cut, cutlen);
    while (time(NULL) <= ta + 1)
        usleep(20000);
    usleep(20000);
    *b = h_create(&D, NULL, "alice", "Late note about the garden hose.");
    json_t *mb = get_memory(*b);
    ck_assert_msg(strcmp(json_string_value(json_object_get(mb, "created_at")), cut) >= 0,
                  "clock: b created before %s", cut);
    json_decref(mb);
}

START_TEST(test_since_and_until_filter_a_page)
{
    int64_t a, b;
    char cut[32], q[128];
    two_apart(&a, &b, cut, sizeof cut);
    snprintf(q, sizeof q, "user=alice&since=%s", cut);
    json_t *page = h_list_all(&D, NULL, q);
    ck_assert(contains_id(page, b) && !contains_id(page, a));
    json_decref(page);
    snprintf(q, sizeof q, "user=alice&until=%s", cut);
    page = h_list_all(&D, NULL, q);
    ck_assert(contains_id(page, a) && !contains_id(page, b));
    json_decref(page);
}
END_TEST

START_TEST(test_since_and_until_filter_a_search)
{
    int64_t a, b;
    char cut[32], q[160];
    two_apart(&a, &b, cut, sizeof cut);
    snprintf(q, sizeof q, "user=alice&q=garden%%20hose%%20note&since=%s", cut);
    json_t *res = h_search(&D, NULL, q);
    ck_assert(contains_id(res, b) && !contains_id(res, a));
    json_decref(res);
    snprintf(q, sizeof q, "user=alice&q=garden%%20hose%%20note&until=%s", cut);
    res = h_search(&D, NULL, q);
    ck_assert(contains_id(res, a) && !contains_id(res, b));
    json_decref(res);
}
END_TEST

START_TEST(test_export_writes_json_lines_oldest_first)
{
    int64_t ids[3];
    for (int i = 0; i < 3; i++)
        ids[i] = h_create(&D, NULL, "alice", facts[i]);
    h_create(&D, NULL, "bob", facts[3]);
    json_t *lines = h_export(&D, NULL, "alice");
    ck_assert_int_eq(json_array_size(lines), 3);
    for (size_t i = 0; i < 3; i++) {
        json_t *m = json_array_get(lines, i);
        ck_assert_int_eq(h_id(m), ids[i]);
        ck_assert_str_eq(json_string_value(json_object_get(m, "text")), facts[i]);
        ck_assert_str_eq(json_string_value(json_object_get(m, "user")), "alice");
        ck_assert(is_iso_ms(json_string_value(json_object_get(m, "created_at"))));
    }
    json_decref(lines);
}
END_TEST

START_TEST(test_import_of_json_lines_adds_them)
{
    static const char body[] =
        "{\"text\": \"Imported one.\", \"conversation\": \"old\", \"importance\": 0.2,"
        " \"created_at\": \"2024-03-01T10:00:00.000Z\"}\n"
        "{\"text\": \"Imported two.\"}\n";
    h_resp_t r;
    h_request(&D, "POST", "/v1/users/alice/import", NULL, "application/x-ndjson", body,
              sizeof body - 1, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "imported")), 2);
    h_resp_clear(&r);
    json_t *lines = h_export(&D, NULL, "alice");
    ck_assert_int_eq(json_array_size(lines), 2);
    json_t *one = json_array_get(lines, 0);
    ck_assert_str_eq(json_string_value(json_object_get(one, "text")), "Imported one.");
    ck_assert_str_eq(json_string_value(json_object_get(one, "conversation")), "old");
    ck_assert_str_eq(json_string_value(json_object_get(one, "created_at")),
                     "2024-03-01T10:00:00.000Z");
    ck_assert(fabs(json_number_value(json_object_get(one, "importance")) - 0.2) < 1e-6);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(lines, 1), "text")),
                     "Imported two.");
    json_decref(lines);
}
END_TEST

START_TEST(test_import_of_a_json_array_adds_them)
{
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/users/alice/import",
           json_pack("[{s:s},{s:s,s:I}]", "text", "Array one.", "text", "Array two.", "id",
                     (json_int_t)424242),
           &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "imported")), 2);
    h_resp_clear(&r);
    json_t *m = get_memory(424242);
    ck_assert_str_eq(json_string_value(json_object_get(m, "text")), "Array two.");
    json_decref(m);
}
END_TEST

START_TEST(test_import_of_an_existing_id_conflicts_and_writes_nothing)
{
    int64_t id = h_create(&D, NULL, "alice", "Already here.");
    char body[256];
    int n = snprintf(body, sizeof body,
                     "{\"text\": \"Would be new.\"}\n{\"id\": %lld, \"text\": \"Clash.\"}\n",
                     (long long)id);
    h_resp_t r;
    h_request(&D, "POST", "/v1/users/alice/import", NULL, "application/x-ndjson", body,
              (size_t)n, &r);
    h_assert_reply(&r, 409, "conflict");
    h_resp_clear(&r);
    json_t *lines = h_export(&D, NULL, "alice");
    ck_assert_int_eq(json_array_size(lines), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(lines, 0), "text")),
                     "Already here.");
    json_decref(lines);
}
END_TEST

START_TEST(test_user_delete_forgets_everything_of_that_user_only)
{
    for (int i = 0; i < 3; i++)
        ck_assert(h_create(&D, NULL, "alice", facts[i]) > 0);
    int64_t bobs = h_create(&D, NULL, "bob", facts[3]);
    h_resp_t r;
    h_request(&D, "DELETE", "/v1/users/alice", NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "user")), "alice");
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "deleted_memories")), 3);
    h_resp_clear(&r);
    json_t *left = h_list_all(&D, NULL, "user=alice");
    ck_assert_int_eq(json_array_size(left), 0);
    json_decref(left);
    json_t *res = h_search(&D, NULL, "user=alice&q=dog");
    ck_assert_int_eq(json_array_size(res), 0);
    json_decref(res);
    json_t *b = get_memory(bobs);
    json_decref(b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("endpoints");
    TCase *tc = tcase_create("routes");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_healthz_says_ok);
    tcase_add_test(tc, test_readyz_says_ready);
    tcase_add_test(tc, test_create_returns_the_whole_memory_object);
    tcase_add_test(tc, test_create_without_optional_fields_takes_the_defaults);
    tcase_add_test(tc, test_batch_create_returns_ids_in_order);
    tcase_add_test(tc, test_get_returns_what_was_created);
    tcase_add_test(tc, test_get_of_a_missing_id_is_not_found);
    tcase_add_test(tc, test_patch_changes_the_text_and_keeps_the_old_one_in_history);
    tcase_add_test(tc, test_history_lists_versions_oldest_first);
    tcase_add_test(tc, test_patch_of_importance_alone_keeps_the_text);
    tcase_add_test(tc, test_delete_removes_the_memory);
    tcase_add_test(tc, test_list_pages_visit_every_memory_once_newest_first);
    tcase_add_test(tc, test_search_returns_the_relevant_memory_first);
    tcase_add_test(tc, test_search_returns_at_most_k_results);
    tcase_add_test(tc, test_search_only_finds_the_named_user);
    tcase_add_test(tc, test_since_and_until_filter_a_page);
    tcase_add_test(tc, test_since_and_until_filter_a_search);
    tcase_add_test(tc, test_export_writes_json_lines_oldest_first);
    tcase_add_test(tc, test_import_of_json_lines_adds_them);
    tcase_add_test(tc, test_import_of_a_json_array_adds_them);
    tcase_add_test(tc, test_import_of_an_existing_id_conflicts_and_writes_nothing);
    tcase_add_test(tc, test_user_delete_forgets_everything_of_that_user_only);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}

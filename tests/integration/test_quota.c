/* test_quota.c: limits as a budget, against the real mnemod with the shipped model. A
 * write past a user's quota of memories or conversations (POST /v1/memories, an import,
 * a chat turn that would start a conversation or store a new fact) is 429
 * quota_exceeded with Retry-After and writes nothing, while the daemon goes on serving,
 * other users write as before, a turn that stores nothing new is answered, deleting
 * makes room and a reload raises the quota; the working memories stay within their
 * byte budget by evicting conversations, /metrics shows it, and an evicted
 * conversation's next turn still sees its earlier exchanges (reloaded from the
 * database). */
#define _GNU_SOURCE
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/integration/harness.h"

static h_daemon_t D;

static void start_with(const char *config)
{
    const char *model = getenv("MNEMO_SHIPPED_MODEL");
    ck_assert_msg(model && access(model, R_OK) == 0, "MNEMO_SHIPPED_MODEL is not readable");
    h_init(&D, config);
    snprintf(D.model, sizeof D.model, "%s", model);
    h_start(&D);
}

static void quota_setup(void)
{
    start_with("max_memories_per_user = 3\nmax_conversations_per_user = 2\n");
}

static void teardown(void) { h_cleanup(&D); }

static void chat(const char *user, const char *conversation, const char *message,
                 h_resp_t *r)
{
    json_t *body = json_pack("{s:s,s:s,s:s}", "user", user, "conversation", conversation,
                             "message", message);
    ck_assert_int_eq(h_send(&D, "POST", NULL, "/v1/chat", body, r), 0);
}

/* A 429 quota_exceeded with a Retry-After of whole seconds and a message naming the
 * user's counts (contains want). */
static void assert_quota(h_resp_t *r, const char *want)
{
    h_assert_reply(r, 429, "quota_exceeded");
    ck_assert_msg(r->retry_after[0] && strspn(r->retry_after, "0123456789") ==
                                           strlen(r->retry_after),
                  "Retry-After '%s'", r->retry_after);
    const char *msg = json_string_value(json_object_get(json_object_get(r->json, "error"),
                                                        "message"));
    ck_assert_msg(msg && strstr(msg, want), "message '%s' lacks '%s'", msg ? msg : "", want);
}

static size_t memories_of(const char *user)
{
    char q[64];
    snprintf(q, sizeof q, "user=%s", user);
    json_t *all = h_list_all(&D, NULL, q);
    size_t n = json_array_size(all);
    json_decref(all);
    return n;
}

static void assert_healthy(void)
{
    h_resp_t r;
    h_get(&D, NULL, "/healthz", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
}

START_TEST(test_a_memory_past_the_quota_is_429_and_others_go_on)
{
    int64_t first = h_create(&D, NULL, "alice", "I like tea");
    ck_assert_int_gt(first, 0);
    ck_assert_int_gt(h_create(&D, NULL, "alice", "I like jazz"), 0);
    ck_assert_int_gt(h_create(&D, NULL, "alice", "I like chess"), 0);
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:s}", "user", "alice", "text", "I like rain"), &r);
    assert_quota(&r, "has 3 memories (quota 3)");
    h_resp_clear(&r);
    /* A batch that would not fit is refused whole, before the quota is even reached. */
    h_send(&D, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:[{s:s},{s:s}]}", "user", "carol", "memories", "text", "a",
                     "text", "b"), &r);
    h_assert_reply(&r, 201, NULL);
    h_resp_clear(&r);
    h_send(&D, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:[{s:s},{s:s}]}", "user", "carol", "memories", "text", "c",
                     "text", "d"), &r);
    assert_quota(&r, "2 more memories");
    h_resp_clear(&r);
    ck_assert_uint_eq(memories_of("carol"), 2);
    ck_assert_uint_eq(memories_of("alice"), 3);

    assert_healthy();
    ck_assert_int_gt(h_create(&D, NULL, "bob", "I like coffee"), 0);
    /* Deleting one makes room for one. */
    char path[64];
    snprintf(path, sizeof path, "/v1/memories/%lld", (long long)first);
    h_request(&D, "DELETE", path, NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    ck_assert_int_gt(h_create(&D, NULL, "alice", "I like rain"), 0);
    ck_assert_uint_eq(memories_of("alice"), 3);
}
END_TEST

START_TEST(test_an_import_past_the_quota_writes_nothing)
{
    static const char lines[] = "{\"text\": \"one\"}\n{\"text\": \"two\"}\n"
                                "{\"text\": \"three\"}\n{\"text\": \"four\"}\n";
    h_resp_t r;
    h_request(&D, "POST", "/v1/users/alice/import", NULL, "application/x-ndjson", lines,
              strlen(lines), &r);
    assert_quota(&r, "has 0 memories (quota 3)");
    h_resp_clear(&r);
    ck_assert_uint_eq(memories_of("alice"), 0);
    h_request(&D, "POST", "/v1/users/alice/import", NULL, "application/x-ndjson", lines,
              strlen(lines) - strlen("{\"text\": \"four\"}\n"), &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    ck_assert_uint_eq(memories_of("alice"), 3);
}
END_TEST

START_TEST(test_a_new_conversation_past_the_quota_is_429_and_the_others_go_on)
{
    h_resp_t r;
    chat("alice", "c1", "hello there", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    chat("alice", "c2", "hello again", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    chat("alice", "c3", "hello once more", &r);
    assert_quota(&r, "2 conversations (quota 2)");
    h_resp_clear(&r);
    h_get(&D, NULL, "/v1/conversations/c3?user=alice", &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    /* The conversations she has go on; another user starts his. */
    chat("alice", "c1", "how are you?", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    chat("bob", "c3", "hello", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    /* Deleting one makes room. */
    h_request(&D, "DELETE", "/v1/conversations/c2?user=alice", NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    chat("alice", "c3", "hello once more", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_a_turn_that_would_store_a_fact_past_the_quota_is_429_and_a_question_is_answered)
{
    h_resp_t r;
    chat("alice", "c1", "my sister is called Lina", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_msg(json_array_size(json_object_get(r.json, "written")) == 1,
                  "the fact was not written: %s", r.body);
    h_resp_clear(&r);
    ck_assert_int_gt(h_create(&D, NULL, "alice", "I like jazz"), 0);
    ck_assert_int_gt(h_create(&D, NULL, "alice", "I like chess"), 0);
    /* At the quota: a new fact is refused, and nothing of its turn is stored. */
    chat("alice", "c1", "my dog is called Bramble", &r);
    assert_quota(&r, "memory quota");
    h_resp_clear(&r);
    ck_assert_uint_eq(memories_of("alice"), 3);
    h_get(&D, NULL, "/v1/conversations/c1?user=alice", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(r.json, "turns")), 2);
    h_resp_clear(&r);
    /* A question stores nothing new: it is answered. */
    chat("alice", "c1", "what's my sister called?", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_msg(strstr(json_string_value(json_object_get(r.json, "reply")), "Lina"),
                  "%s", r.body);
    ck_assert_uint_eq(json_array_size(json_object_get(r.json, "written")), 0);
    h_resp_clear(&r);
    /* Another user tells the same fact. */
    chat("bob", "c1", "my dog is called Bramble", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
}
END_TEST

/* 1 once the daemon's log has needle (it is polled; the test's timeout bounds it). */
static int log_waits_for(const char *needle)
{
    for (;;) {
        char *log = h_log(&D);
        int found = strstr(log, needle) != NULL;
        free(log);
        if (found) return 1;
        usleep(20000);
    }
}

START_TEST(test_a_reload_raises_the_quota)
{
    for (int i = 0; i < 3; i++) {
        char text[32];
        snprintf(text, sizeof text, "fact number %d", i);
        ck_assert_int_gt(h_create(&D, NULL, "alice", text), 0);
    }
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:s}", "user", "alice", "text", "one more"), &r);
    assert_quota(&r, "quota 3");
    h_resp_clear(&r);
    h_write_config(&D, "max_memories_per_user = 4\nmax_conversations_per_user = 2\n");
    kill(D.pid, SIGHUP);
    ck_assert(log_waits_for("reloaded the configuration"));
    ck_assert_int_gt(h_create(&D, NULL, "alice", "one more"), 0);
    h_send(&D, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:s}", "user", "alice", "text", "and another"), &r);
    assert_quota(&r, "quota 4");
    h_resp_clear(&r);
}
END_TEST

/* ---- the working memory's budget ---------------------------------------------------- */

static void wm_setup(void)
{
    start_with("working_memory_bytes = 16K\n");
}

/* The value of a metric line "name value" in the /metrics text. */
static double metric(const char *name)
{
    h_resp_t r;
    h_get(&D, NULL, "/metrics", &r);
    h_assert_reply(&r, 200, NULL);
    char key[128];
    snprintf(key, sizeof key, "\n%s ", name);
    const char *p = strstr(r.body, key);
    ck_assert_msg(p != NULL, "/metrics lacks %s", name);
    double v = strtod(p + strlen(key), NULL);
    h_resp_clear(&r);
    return v;
}

START_TEST(test_the_working_memory_stays_in_its_budget_and_an_evicted_conversation_reloads)
{
    h_resp_t r;
    ck_assert_double_eq(metric("mnemo_working_memory_max_bytes"), 16384);
    ck_assert_double_eq(metric("mnemo_working_memory_evictions_total"), 0);
    chat("alice", "w0", "my sister is called Lina", &r);
    h_assert_reply(&r, 200, NULL);
    json_int_t first = json_integer_value(json_object_get(r.json, "turn"));
    h_resp_clear(&r);
    /* Twenty conversations hold far more than 16 KiB of rings. */
    for (int i = 1; i < 20; i++) {
        char conv[16];
        snprintf(conv, sizeof conv, "w%d", i);
        chat("alice", conv, "I live in Tampere", &r);
        h_assert_reply(&r, 200, NULL);
        h_resp_clear(&r);
    }
    double evicted = metric("mnemo_working_memory_evictions_total");
    ck_assert_msg(evicted >= 1, "nothing was evicted");
    ck_assert_double_le(metric("mnemo_working_memory_bytes"), 16384);
    ck_assert_double_lt(metric("mnemo_working_memory_conversations"), 20);
    ck_assert_double_gt(metric("mnemo_working_memory_conversations"), 0);

    /* w0 was the least recently used: its next turn reloads it and still sees (and
     * lists in its attention) the first exchange. */
    chat("alice", "w0", "what's my sister called?", &r);
    h_assert_reply(&r, 200, NULL);
    json_t *att = json_object_get(r.json, "attention");
    ck_assert_uint_eq(json_array_size(att), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(att, 0), "turn")), first);
    ck_assert_msg(strstr(json_string_value(json_object_get(r.json, "reply")), "Lina"), "%s",
                  r.body);
    h_resp_clear(&r);
    assert_healthy();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("quota");
    TCase *tc = tcase_create("quota");
    tcase_add_checked_fixture(tc, quota_setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_a_memory_past_the_quota_is_429_and_others_go_on);
    tcase_add_test(tc, test_an_import_past_the_quota_writes_nothing);
    tcase_add_test(tc, test_a_new_conversation_past_the_quota_is_429_and_the_others_go_on);
    tcase_add_test(tc,
        test_a_turn_that_would_store_a_fact_past_the_quota_is_429_and_a_question_is_answered);
    tcase_add_test(tc, test_a_reload_raises_the_quota);
    suite_add_tcase(s, tc);
    TCase *wm = tcase_create("working_memory");
    tcase_add_checked_fixture(wm, wm_setup, teardown);
    tcase_set_timeout(wm, 120);
    tcase_add_test(wm, test_the_working_memory_stays_in_its_budget_and_an_evicted_conversation_reloads);
    suite_add_tcase(s, wm);
    return h_run_suite(s);
}

/* test_usage.c: each user's counts of memories and conversations follow every write
 * (adds, deletes, forgetting, a user's deletion, a rolled-back write) and survive a
 * reopen; a quota refuses the write that would pass it, whole, for that user only, and
 * never refuses a turn of a conversation that exists. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

static char err[256];

static store_usage_t usage(const char *user)
{
    store_usage_t u;
    ck_assert_int_eq(store_usage_get(th_st, user, &u), STORE_OK);
    return u;
}

static int turn(const char *user, const char *conv)
{
    return store_exchange_add(th_st, user, conv, "hello", "hi", NULL, NULL, NULL);
}

START_TEST(test_counts_follow_adds_and_deletes)
{
    ck_assert_int_eq(usage("alice").memories, 0);
    int64_t a1 = th_add(th_st, "alice", "one", 1);
    th_add(th_st, "alice", "two", 2);
    th_add(th_st, "bob", "three", 3);
    ck_assert_int_eq(turn("alice", "c1"), STORE_OK);
    ck_assert_int_eq(turn("alice", "c1"), STORE_OK);
    ck_assert_int_eq(turn("alice", "c2"), STORE_OK);
    store_usage_t u = usage("alice");
    ck_assert_int_eq(u.memories, 2);
    ck_assert_int_eq(u.conversations, 2);
    ck_assert_int_eq(usage("bob").memories, 1);
    ck_assert_int_eq(usage("bob").conversations, 0);

    ck_assert_int_eq(store_memory_delete(th_st, a1), STORE_OK);
    ck_assert_int_eq(store_conversation_delete(th_st, "alice", "c1"), STORE_OK);
    u = usage("alice");
    ck_assert_int_eq(u.memories, 1);
    ck_assert_int_eq(u.conversations, 1);

    int64_t removed = 0;
    ck_assert_int_eq(store_user_delete(th_st, "alice", &removed), STORE_OK);
    u = usage("alice");
    ck_assert_int_eq(u.memories, 0);
    ck_assert_int_eq(u.conversations, 0);
    ck_assert_int_eq(usage("bob").memories, 1);
}
END_TEST

START_TEST(test_forgetting_and_supersession_are_counted_as_rows)
{
    int64_t old = th_add(th_st, "alice", "my dog is Rex", 1);
    int64_t nu = th_add(th_st, "alice", "my dog is Max", 2);
    ck_assert_int_eq(store_memory_supersede(th_st, old, nu, err, sizeof err), STORE_OK);
    ck_assert_int_eq(usage("alice").memories, 2);   /* the superseded row stays */
    ck_assert_int_eq(store_memory_forget(th_st, &nu, 1, err, sizeof err), STORE_OK);
    ck_assert_int_eq(usage("alice").memories, 0);   /* the chain went with it */
}
END_TEST

START_TEST(test_counts_are_taken_again_at_open)
{
    for (int i = 0; i < 5; i++) th_add(th_st, "alice", "fact", (uint64_t)i + 1);
    ck_assert_int_eq(turn("alice", "c1"), STORE_OK);
    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    store_usage_t u = usage("alice");
    ck_assert_int_eq(u.memories, 5);
    ck_assert_int_eq(u.conversations, 1);
    ck_assert_int_eq(u.max_memories, 0);    /* quotas are set by the caller each open */
}
END_TEST

START_TEST(test_the_memory_quota_refuses_the_whole_write_for_that_user_only)
{
    ck_assert_int_eq(store_set_quotas(th_st, 3, 0), STORE_OK);
    th_add(th_st, "alice", "one", 1);
    th_add(th_st, "alice", "two", 2);
    float v[2][TH_DIM];
    store_new_memory_t m[2] = {th_mem("alice", "three", v[0], 3),
                               th_mem("alice", "four", v[1], 4)};
    int64_t ids[2];
    /* Two would make four: neither is written. */
    ck_assert_int_eq(store_memory_add(th_st, m, 2, ids, err, sizeof err), STORE_EQUOTA);
    ck_assert_ptr_nonnull(strstr(err, "memory quota"));
    ck_assert_int_eq(usage("alice").memories, 2);
    ck_assert_uint_eq(store_memory_count(th_st), 2);
    ck_assert_int_eq(store_memory_add(th_st, m, 1, ids, err, sizeof err), STORE_OK);
    ck_assert_int_eq(store_memory_add(th_st, m + 1, 1, ids, err, sizeof err), STORE_EQUOTA);
    /* Another user is not affected; a deletion makes room; 0 lifts the quota. */
    th_add(th_st, "bob", "one", 5);
    ck_assert_int_eq(store_memory_delete(th_st, ids[0]), STORE_OK);
    ck_assert_int_eq(store_memory_add(th_st, m + 1, 1, ids, err, sizeof err), STORE_OK);
    ck_assert_int_eq(store_set_quotas(th_st, 0, 0), STORE_OK);
    ck_assert_int_eq(store_memory_add(th_st, m, 1, ids, err, sizeof err), STORE_OK);
    store_usage_t u = usage("alice");
    ck_assert_int_eq(u.memories, 4);
    ck_assert_int_eq(u.max_memories, 0);
    ck_assert_int_eq(store_set_quotas(th_st, -1, 0), STORE_EINVAL);
}
END_TEST

START_TEST(test_the_conversation_quota_refuses_only_a_new_conversation)
{
    ck_assert_int_eq(store_set_quotas(th_st, 0, 2), STORE_OK);
    ck_assert_int_eq(turn("alice", "c1"), STORE_OK);
    ck_assert_int_eq(turn("alice", "c2"), STORE_OK);
    ck_assert_int_eq(turn("alice", "c3"), STORE_EQUOTA);
    ck_assert_int_eq(turn("alice", "c1"), STORE_OK);     /* an existing one goes on */
    ck_assert_int_eq(turn("bob", "c3"), STORE_OK);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c3", 10, &t, &n), STORE_ENOTFOUND);
    ck_assert_int_eq(usage("alice").conversations, 2);
    store_usage_t u = usage("alice");
    ck_assert_int_eq(u.max_conversations, 2);
}
END_TEST

START_TEST(test_a_chat_turn_past_the_memory_quota_writes_nothing)
{
    ck_assert_int_eq(store_set_quotas(th_st, 1, 0), STORE_OK);
    th_add(th_st, "alice", "one", 1);
    float v[TH_DIM];
    store_new_memory_t m = th_mem("alice", "my dog is Rex", v, 2);
    store_chat_write_t w = {.mem = &m};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", "my dog is Rex", "got it",
                                       "statement", NULL, NULL, &w, err, sizeof err),
                     STORE_EQUOTA);
    ck_assert_ptr_nonnull(strstr(err, "memory quota"));
    store_usage_t u = usage("alice");
    ck_assert_int_eq(u.memories, 1);
    ck_assert_int_eq(u.conversations, 0);       /* the turns were rolled back too */
    /* A turn that writes no memory still goes through. */
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", "what is my dog?", "Rex",
                                       "answer", NULL, NULL, NULL, err, sizeof err),
                     STORE_OK);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("usage");
    TCase *tc = tcase_create("usage");
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_counts_follow_adds_and_deletes);
    tcase_add_test(tc, test_forgetting_and_supersession_are_counted_as_rows);
    tcase_add_test(tc, test_counts_are_taken_again_at_open);
    tcase_add_test(tc, test_the_memory_quota_refuses_the_whole_write_for_that_user_only);
    tcase_add_test(tc, test_the_conversation_quota_refuses_only_a_new_conversation);
    tcase_add_test(tc, test_a_chat_turn_past_the_memory_quota_writes_nothing);
    suite_add_tcase(s, tc);
    return th_run(s);
}

/* test_turns.c: conversations and turns: the last turns come back oldest first with
 * their owner, a conversation belongs to one user, and deleting it takes its turns. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

START_TEST(test_last_turns_oldest_first_with_owner)
{
    int64_t ids[10];
    for (int i = 0; i < 10; i++) {
        char text[16];
        snprintf(text, sizeof(text), "turn %d", i);
        ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", i % 2 ? "assistant" : "user",
                                        text, &ids[i]), STORE_OK);
        if (i)
            ck_assert_int_gt(ids[i], ids[i - 1]);
    }
    store_turn_t *t;
    size_t n;
    char *owner = NULL;
    ck_assert_int_eq(store_turns_last(th_st, "c1", 4, &t, &n, &owner), STORE_OK);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(owner, "alice");
    for (int i = 0; i < 4; i++) {
        char text[16];
        snprintf(text, sizeof(text), "turn %d", 6 + i);
        ck_assert_int_eq(t[i].id, ids[6 + i]);
        ck_assert_str_eq(t[i].text, text);
        ck_assert_str_eq(t[i].role, (6 + i) % 2 ? "assistant" : "user");
        ck_assert_int_gt(t[i].created_ms, 0);
    }
    store_turns_free(t, n);
    free(owner);
    /* More than there are. */
    ck_assert_int_eq(store_turns_last(th_st, "c1", 64, &t, &n, NULL), STORE_OK);
    ck_assert_uint_eq(n, 10);
    ck_assert_str_eq(t[0].text, "turn 0");
    ck_assert_str_eq(t[9].text, "turn 9");
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_last(th_st, "c1", 0, &t, &n, NULL), STORE_OK);
    ck_assert_uint_eq(n, 0);
    store_turns_free(t, n);
}
END_TEST

START_TEST(test_an_exchange_is_two_turns_in_one_go)
{
    int64_t msg = 0, reply = 0;
    ck_assert_int_eq(store_exchange_add(th_st, "alice", "c1", "My dog is called Rex.", "got it",
                                        &msg, &reply), STORE_OK);
    ck_assert_int_gt(msg, 0);
    ck_assert_int_eq(reply, msg + 1);
    store_turn_t *t;
    size_t n;
    char *owner = NULL;
    ck_assert_int_eq(store_turns_last(th_st, "c1", 10, &t, &n, &owner), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(owner, "alice");
    ck_assert_str_eq(t[0].role, "user");
    ck_assert_str_eq(t[0].text, "My dog is called Rex.");
    ck_assert_str_eq(t[1].role, "assistant");
    ck_assert_str_eq(t[1].text, "got it");
    store_turns_free(t, n);
    free(owner);
    /* Another user's conversation takes neither turn. */
    ck_assert_int_eq(store_exchange_add(th_st, "bob", "c1", "Hi", "hello", NULL, NULL),
                     STORE_ECONFLICT);
    ck_assert_int_eq(store_exchange_add(th_st, "bob", "c2", NULL, "hello", NULL, NULL),
                     STORE_EINVAL);
    ck_assert_int_eq(store_turns_last(th_st, "c1", 10, &t, &n, NULL), STORE_OK);
    ck_assert_uint_eq(n, 2);
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_last(th_st, "c2", 10, &t, &n, NULL), STORE_ENOTFOUND);
}
END_TEST

START_TEST(test_conversation_belongs_to_one_user)
{
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "mine", NULL), STORE_OK);
    ck_assert_int_eq(store_turn_add(th_st, "bob", "c1", "user", "not mine", NULL),
                     STORE_ECONFLICT);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "c1", 10, &t, &n, NULL), STORE_OK);
    ck_assert_uint_eq(n, 1);
    store_turns_free(t, n);
}
END_TEST

START_TEST(test_bad_turns_are_refused)
{
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "system", "x", NULL), STORE_EINVAL);
    ck_assert_int_eq(store_turn_add(th_st, "", "c1", "user", "x", NULL), STORE_EINVAL);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "", "user", "x", NULL), STORE_EINVAL);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", NULL, NULL), STORE_EINVAL);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "c1", 10, &t, &n, NULL), STORE_ENOTFOUND);
}
END_TEST

START_TEST(test_conversation_delete_takes_its_turns_and_keeps_memories)
{
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "a", NULL), STORE_OK);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c2", "user", "b", NULL), STORE_OK);
    float v[TH_DIM];
    store_new_memory_t m = th_mem("alice", "from c1", v, 1);
    m.conversation = "c1";
    int64_t id;
    char err[128];
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_OK);

    ck_assert_int_eq(store_conversation_delete(th_st, "c1"), STORE_OK);
    ck_assert_int_eq(store_conversation_delete(th_st, "c1"), STORE_ENOTFOUND);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "c1", 10, &t, &n, NULL), STORE_ENOTFOUND);
    ck_assert_int_eq(store_turns_last(th_st, "c2", 10, &t, &n, NULL), STORE_OK);
    ck_assert_uint_eq(n, 1);
    store_turns_free(t, n);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, id, 0, &g), STORE_OK);
    store_memory_clear(&g);
    /* The id is free again, for anyone. */
    ck_assert_int_eq(store_turn_add(th_st, "bob", "c1", "user", "new", NULL), STORE_OK);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("turns");
    TCase *tc = tcase_create("turns");
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_last_turns_oldest_first_with_owner);
    tcase_add_test(tc, test_an_exchange_is_two_turns_in_one_go);
    tcase_add_test(tc, test_conversation_belongs_to_one_user);
    tcase_add_test(tc, test_bad_turns_are_refused);
    tcase_add_test(tc, test_conversation_delete_takes_its_turns_and_keeps_memories);
    suite_add_tcase(s, tc);
    return th_run(s);
}

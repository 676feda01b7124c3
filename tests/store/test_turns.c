/* test_turns.c: conversations and their turns: the last turns come back oldest first with
 * their kind, a conversation is keyed by its user and its id (two users' "c1" are two
 * conversations), a user's conversations are listed in pages, deleting one takes its
 * turns, a chat turn's writes are one transaction and its message keeps the turn's
 * attention, and what a user said in all their conversations comes back newest
 * first. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

START_TEST(test_last_turns_oldest_first)
{
    int64_t ids[10];
    for (int i = 0; i < 10; i++) {
        char text[16];
        snprintf(text, sizeof(text), "turn %d", i);
        ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", i % 2 ? "assistant" : "user",
                                        text, NULL, &ids[i]), STORE_OK);
        if (i)
            ck_assert_int_gt(ids[i], ids[i - 1]);
    }
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 4, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 4);
    for (int i = 0; i < 4; i++) {
        char text[16];
        snprintf(text, sizeof(text), "turn %d", 6 + i);
        ck_assert_int_eq(t[i].id, ids[6 + i]);
        ck_assert_str_eq(t[i].text, text);
        ck_assert_str_eq(t[i].role, (6 + i) % 2 ? "assistant" : "user");
        ck_assert_int_gt(t[i].created_ms, 0);
    }
    store_turns_free(t, n);
    /* More than there are. */
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 64, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 10);
    ck_assert_str_eq(t[0].text, "turn 0");
    ck_assert_str_eq(t[9].text, "turn 9");
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 0, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);
    store_turns_free(t, n);
}
END_TEST

START_TEST(test_an_exchange_is_two_turns_in_one_go)
{
    int64_t msg = 0, reply = 0;
    ck_assert_int_eq(store_exchange_add(th_st, "alice", "c1", "My dog is called Rex.",
                                        "got it", "statement", &msg, &reply), STORE_OK);
    ck_assert_int_gt(msg, 0);
    ck_assert_int_eq(reply, msg + 1);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(t[0].role, "user");
    ck_assert_str_eq(t[0].text, "My dog is called Rex.");
    ck_assert_str_eq(t[1].role, "assistant");
    ck_assert_str_eq(t[1].text, "got it");
    store_turns_free(t, n);
    /* A refused exchange takes neither turn. */
    ck_assert_int_eq(store_exchange_add(th_st, "alice", "c2", NULL, "hello", "answer", NULL,
                                        NULL), STORE_EINVAL);
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c2", 10, &t, &n), STORE_ENOTFOUND);
}
END_TEST

START_TEST(test_turns_keep_their_kind)
{
    char err[128];
    ck_assert_int_eq(store_exchange_add(th_st, "alice", "c1", "I live in Paris.", "got it",
                                        "statement", NULL, NULL), STORE_OK);
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", "Where do I live?", "paris",
                                       "answer", NULL, NULL, NULL, err, sizeof(err)),
                     STORE_OK);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "Hm.", NULL, NULL),
                     STORE_OK);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(t[0].kind, "statement");
    ck_assert_str_eq(t[1].kind, "statement");
    ck_assert_str_eq(t[2].kind, "answer");
    ck_assert_str_eq(t[3].kind, "answer");
    ck_assert_ptr_null(t[4].kind);     /* unknown */
    store_turns_free(t, n);
}
END_TEST

/* A chat turn's attention is kept with its message's turn, in order and exactly; the
 * reply, and turns added otherwise, carry none; an empty list stays an empty list. */
START_TEST(test_a_chat_turn_keeps_its_attention_with_the_message)
{
    char err[128];
    int64_t first, second, reply;
    ck_assert_int_eq(store_chat_commit_n(th_st, "alice", "c1", "I live in Paris.", "got it",
                                         "statement", &first, NULL, NULL, 0,
                                         (store_attention_t[]){{0, 0}}, 0, err, sizeof(err)),
                     STORE_OK);
    store_attention_t att[3] = {{first, 0.75f}, {first + 7, 0.0f}, {INT64_MAX, 1e-7f}};
    ck_assert_int_eq(store_chat_commit_n(th_st, "alice", "c1", "Where do I live?", "paris",
                                         "answer", &second, &reply, NULL, 0, att, 3, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_exchange_add(th_st, "alice", "c1", "Hi", "Hello", "other", NULL,
                                        NULL), STORE_OK);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 6);
    ck_assert_int_eq(t[0].has_attention, 1);          /* the first message: an empty list */
    ck_assert_uint_eq(t[0].nattention, 0);
    ck_assert_int_eq(t[2].id, second);
    ck_assert_int_eq(t[2].has_attention, 1);
    ck_assert_uint_eq(t[2].nattention, 3);
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(t[2].attention[i].turn, att[i].turn);
        ck_assert(t[2].attention[i].weight == att[i].weight);   /* bit for bit */
    }
    for (int i = 0; i < 6; i++)
        if (i != 0 && i != 2) {
            ck_assert_int_eq(t[i].has_attention, 0);
            ck_assert_ptr_null(t[i].attention);
        }
    store_turns_free(t, n);
}
END_TEST

/* What a user said: their own messages of every conversation, newest first, with the
 * kind and the conversation; not the replies, not another user's. */
START_TEST(test_what_a_user_said_comes_newest_first)
{
    int64_t told, asked, later;
    ck_assert_int_eq(store_exchange_add(th_st, "alice", "c1", "I keep bees.", "got it",
                                        "statement", &told, NULL), STORE_OK);
    ck_assert_int_eq(store_exchange_add(th_st, "alice", "c1", "how many hives?", "I don't know",
                                        "answer", &asked, NULL), STORE_OK);
    ck_assert_int_eq(store_exchange_add(th_st, "alice", "c2", "sixty hives lol", "Okay.",
                                        "other", &later, NULL), STORE_OK);
    ck_assert_int_eq(store_exchange_add(th_st, "bob", "c1", "I keep goats.", "got it",
                                        "statement", NULL, NULL), STORE_OK);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c3", "user", "Hm.", NULL, NULL),
                     STORE_OK);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_said(th_st, "alice", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(t[0].text, "Hm.");
    ck_assert_ptr_null(t[0].kind);
    ck_assert_str_eq(t[1].text, "sixty hives lol");
    ck_assert_int_eq(t[1].id, later);
    ck_assert_str_eq(t[1].conversation, "c2");
    ck_assert_str_eq(t[1].role, "user");
    ck_assert_str_eq(t[1].kind, "other");
    ck_assert_int_eq(t[2].id, asked);
    ck_assert_str_eq(t[2].kind, "answer");
    ck_assert_str_eq(t[3].text, "I keep bees.");
    ck_assert_int_eq(t[3].id, told);
    ck_assert_str_eq(t[3].conversation, "c1");
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_said(th_st, "alice", 1, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(t[0].text, "Hm.");
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_said(th_st, "carol", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_said(th_st, "alice", 0, &t, &n), STORE_EINVAL);
    ck_assert_int_eq(store_turns_said(th_st, "", 10, &t, &n), STORE_EINVAL);
}
END_TEST

START_TEST(test_a_missing_or_too_long_attention_is_refused)
{
    char err[128];
    static store_attention_t big[STORE_ATTENTION_MAX + 1];
    ck_assert_int_eq(store_chat_commit_n(th_st, "alice", "c1", "x", "y", NULL, NULL, NULL,
                                         NULL, 0, NULL, 2, err, sizeof(err)), STORE_EINVAL);
    ck_assert_msg(strstr(err, "attention"), "message: \"%s\"", err);
    ck_assert_int_eq(store_chat_commit_n(th_st, "alice", "c1", "x", "y", NULL, NULL, NULL,
                                         NULL, 0, big, STORE_ATTENTION_MAX + 1, err,
                                         sizeof(err)), STORE_EINVAL);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_ENOTFOUND);
}
END_TEST

START_TEST(test_bad_kinds_are_refused_and_nothing_is_written)
{
    static const char *const bad[] = {"", "Statement", "state-ment", "two words",
                                      "caf\xc3\xa9", "abcdefghijklmnopq" /* 17 bytes */};
    char err[128];
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "x", bad[i], NULL),
                         STORE_EINVAL);
        ck_assert_int_eq(store_exchange_add(th_st, "alice", "c1", "x", "y", bad[i], NULL,
                                            NULL), STORE_EINVAL);
        err[0] = 0;
        ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", "x", "y", bad[i], NULL, NULL,
                                           NULL, err, sizeof(err)), STORE_EINVAL);
        ck_assert_msg(strstr(err, "kind"), "message: \"%s\"", err);
    }
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_ENOTFOUND);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "x", "abcdefghijklmno_",
                                    NULL), STORE_OK);
}
END_TEST

START_TEST(test_a_refused_chat_turn_says_why)
{
    float v[TH_DIM];
    char err[128];
    store_new_memory_t m = th_mem("alice", "I am Alice.", v, 1);
    store_chat_write_t w = {.mem = &m};
    err[0] = 0;
    ck_assert_int_eq(store_chat_commit(th_st, "", "c1", m.text, "got it", "statement", NULL,
                                       NULL, &w, err, sizeof(err)), STORE_EINVAL);
    ck_assert_str_ne(err, "");
    m.dim = TH_DIM - 1;
    err[0] = 0;
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c2", m.text, "got it", "statement",
                                       NULL, NULL, &w, err, sizeof(err)), STORE_EINVAL);
    ck_assert_msg(strstr(err, "dimension"), "message: \"%s\"", err);
    m.dim = TH_DIM;
    v[2] = NAN;
    err[0] = 0;
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c2", m.text, "got it", "statement",
                                       NULL, NULL, &w, err, sizeof(err)), STORE_EINVAL);
    ck_assert_msg(strstr(err, "finite"), "message: \"%s\"", err);
    ck_assert_uint_eq(store_memory_count(th_st), 0);
}
END_TEST

START_TEST(test_two_users_conversations_of_one_id_are_two)
{
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "mine", NULL, NULL),
                     STORE_OK);
    ck_assert_int_eq(store_exchange_add(th_st, "bob", "c1", "also mine", "ok", "answer", NULL,
                                        NULL), STORE_OK);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(t[0].text, "mine");
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_last(th_st, "bob", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(t[0].text, "also mine");
    store_turns_free(t, n);
    ck_assert_int_eq(store_turns_last(th_st, "carol", "c1", 10, &t, &n), STORE_ENOTFOUND);
    /* Deleting one leaves the other; a forget request redacts its user's turns only. */
    size_t red = 0;
    char err[128];
    ck_assert_int_eq(store_turns_redact(th_st, "bob", "mine", &red, err, sizeof(err)),
                     STORE_OK);
    ck_assert_uint_eq(red, 1);
    ck_assert_int_eq(store_conversation_delete(th_st, "bob", "c1"), STORE_OK);
    ck_assert_int_eq(store_conversation_delete(th_st, "bob", "c1"), STORE_ENOTFOUND);
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(t[0].text, "mine");
    store_turns_free(t, n);
}
END_TEST

START_TEST(test_a_users_conversations_come_in_pages_newest_first)
{
    char id[16], text[16];
    for (int i = 0; i < 5; i++) {
        snprintf(id, sizeof(id), "c%d", i);
        for (int j = 0; j <= i; j++) {
            snprintf(text, sizeof(text), "turn %d", j);
            ck_assert_int_eq(store_turn_add(th_st, "alice", id, "user", text, NULL, NULL),
                             STORE_OK);
        }
    }
    ck_assert_int_eq(store_turn_add(th_st, "bob", "c9", "user", "x", NULL, NULL), STORE_OK);
    store_conversation_t *v;
    size_t n;
    int64_t next;
    ck_assert_int_eq(store_conversations_list(th_st, "alice", 0, 2, &v, &n, &next), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(v[0].id, "c4");
    ck_assert_int_eq(v[0].turns, 5);
    ck_assert_int_ge(v[0].last_ms, v[0].created_ms);
    ck_assert_str_eq(v[1].id, "c3");
    ck_assert_int_gt(next, 0);
    store_conversations_free(v, n);
    ck_assert_int_eq(store_conversations_list(th_st, "alice", next, 2, &v, &n, &next),
                     STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(v[0].id, "c2");
    ck_assert_str_eq(v[1].id, "c1");
    store_conversations_free(v, n);
    ck_assert_int_eq(store_conversations_list(th_st, "alice", next, 2, &v, &n, &next),
                     STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(v[0].id, "c0");
    ck_assert_int_eq(v[0].turns, 1);
    ck_assert_int_eq(next, 0);
    store_conversations_free(v, n);
    ck_assert_int_eq(store_conversations_list(th_st, "nobody", 0, 10, &v, &n, &next),
                     STORE_OK);
    ck_assert_uint_eq(n, 0);
    store_conversations_free(v, n);
    ck_assert_int_eq(store_conversations_list(th_st, "alice", 0, 0, &v, &n, &next),
                     STORE_EINVAL);
    ck_assert_int_eq(store_conversations_list(th_st, "alice", -1, 5, &v, &n, &next),
                     STORE_EINVAL);
}
END_TEST

START_TEST(test_bad_turns_are_refused)
{
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "system", "x", NULL, NULL),
                     STORE_EINVAL);
    ck_assert_int_eq(store_turn_add(th_st, "", "c1", "user", "x", NULL, NULL), STORE_EINVAL);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "", "user", "x", NULL, NULL),
                     STORE_EINVAL);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", NULL, NULL, NULL),
                     STORE_EINVAL);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_ENOTFOUND);
}
END_TEST

START_TEST(test_conversation_delete_takes_its_turns_and_keeps_memories)
{
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c1", "user", "a", NULL, NULL),
                     STORE_OK);
    ck_assert_int_eq(store_turn_add(th_st, "alice", "c2", "user", "b", NULL, NULL),
                     STORE_OK);
    float v[TH_DIM];
    store_new_memory_t m = th_mem("alice", "from c1", v, 1);
    m.conversation = "c1";
    int64_t id;
    char err[128];
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof(err)), STORE_OK);

    ck_assert_int_eq(store_conversation_delete(th_st, "alice", "c1"), STORE_OK);
    ck_assert_int_eq(store_conversation_delete(th_st, "alice", "c1"), STORE_ENOTFOUND);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_ENOTFOUND);
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c2", 10, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    store_turns_free(t, n);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, id, 0, &g), STORE_OK);
    store_memory_clear(&g);
    /* The id is free again, for anyone. */
    ck_assert_int_eq(store_turn_add(th_st, "bob", "c1", "user", "new", NULL, NULL),
                     STORE_OK);
}
END_TEST

/* How many of alice's current memories a search for vec's own memory finds, and
 * whether id is among the hits. */
static int searchable(const float *vec, int64_t id)
{
    store_hit_t hits[10];
    int n = 0, found = 0;
    char err[128];
    store_query_t q = {.user = "alice", .vec = vec, .k = 10};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &n, err, sizeof(err)), STORE_OK);
    for (int i = 0; i < n; i++)
        found |= hits[i].mem.id == id;
    store_hits_clear(hits, n);
    return found;
}

START_TEST(test_a_chat_turn_commits_turns_memory_and_supersession_at_once)
{
    float v1[TH_DIM], v2[TH_DIM], v3[TH_DIM];
    char err[128];
    int64_t msg = 0, reply = 0, sup[2];
    /* a new statement */
    store_new_memory_t m1 = th_mem("alice", "My dog is called Rex.", v1, 1);
    m1.conversation = "c1";
    store_chat_write_t w = {.mem = &m1};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", m1.text, "got it", "statement",
                                       &msg, &reply, &w, err, sizeof(err)), STORE_OK);
    ck_assert_int_gt(w.mem_id, 0);
    ck_assert_int_eq(reply, msg + 1);
    ck_assert(searchable(v1, w.mem_id));
    int64_t rex = w.mem_id;
    /* a statement that replaces it (and names an id that does not exist: skipped) */
    store_new_memory_t m2 = th_mem("alice", "My dog is called Max.", v2, 2);
    int64_t olds[2] = {rex, 999999};
    w = (store_chat_write_t){.mem = &m2, .supersede = olds, .nsupersede = 2, .superseded = sup};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", m2.text, "got it", "statement",
                                       NULL, NULL, &w, err, sizeof(err)), STORE_OK);
    ck_assert_uint_eq(w.nsuperseded, 1);
    ck_assert_int_eq(sup[0], rex);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, rex, 0, &g), STORE_OK);
    ck_assert_int_eq(g.superseded_by, w.mem_id);
    store_memory_clear(&g);
    ck_assert(!searchable(v1, rex));
    int64_t max = w.mem_id;
    /* a near-duplicate updates Max in place, keeping the old text in its history */
    store_new_memory_t m3 = th_mem("alice", "My dog is called Max!", v3, 3);
    w = (store_chat_write_t){.mem = &m3, .update_id = max};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c2", m3.text, "got it", "statement",
                                       NULL, NULL, &w, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(w.mem_id, max);
    ck_assert_int_eq(store_memory_get(th_st, max, 0, &g), STORE_OK);
    ck_assert_str_eq(g.text, "My dog is called Max!");
    store_memory_clear(&g);
    ck_assert(searchable(v3, max));
    store_version_t *h;
    size_t nh;
    ck_assert_int_eq(store_memory_history(th_st, max, &h, &nh), STORE_OK);
    ck_assert_uint_eq(nh, 1);
    ck_assert_str_eq(h[0].text, "My dog is called Max.");
    store_history_free(h, nh);
    /* the same text only marks it used; a message without a statement only logs turns */
    w = (store_chat_write_t){.mem = &m3, .update_id = max, .touch_only = 1};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c2", m3.text, "got it", "statement",
                                       NULL, NULL, &w, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_get(th_st, max, 0, &g), STORE_OK);
    ck_assert_int_eq(g.use_count, 1);
    store_memory_clear(&g);
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c2", "Where is Max?", "i don't know",
                                       "answer", NULL, NULL, NULL, err, sizeof(err)),
                     STORE_OK);
    ck_assert_uint_eq(store_memory_count(th_st), 2);
    /* a refused statement: nothing at all is written */
    store_new_memory_t m4 = th_mem("alice", "", v1, 4);
    w = (store_chat_write_t){.mem = &m4};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", "x", "got it", "statement",
                                       NULL, NULL, &w, err, sizeof(err)), STORE_EINVAL);
    ck_assert_uint_eq(store_memory_count(th_st), 2);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 100, &t, &n), STORE_OK);
    ck_assert_uint_eq(n, 4);
    store_turns_free(t, n);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("turns");
    TCase *tc = tcase_create("turns");
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_last_turns_oldest_first);
    tcase_add_test(tc, test_an_exchange_is_two_turns_in_one_go);
    tcase_add_test(tc, test_turns_keep_their_kind);
    tcase_add_test(tc, test_bad_kinds_are_refused_and_nothing_is_written);
    tcase_add_test(tc, test_a_refused_chat_turn_says_why);
    tcase_add_test(tc, test_two_users_conversations_of_one_id_are_two);
    tcase_add_test(tc, test_a_users_conversations_come_in_pages_newest_first);
    tcase_add_test(tc, test_bad_turns_are_refused);
    tcase_add_test(tc, test_a_chat_turn_keeps_its_attention_with_the_message);
    tcase_add_test(tc, test_what_a_user_said_comes_newest_first);
    tcase_add_test(tc, test_a_missing_or_too_long_attention_is_refused);
    tcase_add_test(tc, test_conversation_delete_takes_its_turns_and_keeps_memories);
    tcase_add_test(tc, test_a_chat_turn_commits_turns_memory_and_supersession_at_once);
    suite_add_tcase(s, tc);
    return th_run(s);
}

/* test_frames.c: a memory's frame (holder, relation, value): it round-trips through
 * add, get, list, export and a reopen, a chat turn writes it and its update replaces it,
 * the current memories of a holder (and relation) are found newest first, a user's
 * framed facts are listed oldest first, and a bad frame is refused with a reason. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static char err[256];

static int64_t add_framed(const char *user, const char *text, const char *holder,
                          const char *relation, const char *value, uint64_t seed)
{
    float v[TH_DIM];
    store_new_memory_t m = th_mem(user, text, v, seed);
    m.holder = holder;
    m.relation = relation;
    m.value = value;
    int64_t id = 0;
    int rc = store_memory_add(th_st, &m, 1, &id, err, sizeof(err));
    ck_assert_msg(rc == STORE_OK, "store_memory_add: %d %s", rc, err);
    return id;
}

static void assert_frame(const store_memory_t *m, const char *holder, const char *relation,
                         const char *value)
{
    if (!holder) {
        ck_assert_ptr_null(m->holder);
        ck_assert_ptr_null(m->relation);
        ck_assert_ptr_null(m->value);
        return;
    }
    ck_assert_pstr_eq(m->holder, holder);
    ck_assert_pstr_eq(m->relation, relation);
    ck_assert_pstr_eq(m->value, value);
}

typedef struct seen {
    int64_t id;
    int found;
} seen_t;

static int export_fn(const store_memory_t *m, void *ctx)
{
    seen_t *s = ctx;
    if (m->id == s->id) {
        assert_frame(m, "brother:tom", "home", "New York");
        s->found = 1;
    }
    return 0;
}

START_TEST(test_a_frame_round_trips_through_add_get_list_export_and_reopen)
{
    int64_t id = add_framed("alice", "My brother Tom lives in New York.", "brother:tom",
                            "home", "New York", 1);
    int64_t plain = th_add(th_st, "alice", "haha nice one", 2);

    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, id, 1, &g), STORE_OK);
    assert_frame(&g, "brother:tom", "home", "New York");
    store_memory_clear(&g);
    ck_assert_ptr_null(g.holder);   /* cleared */
    ck_assert_int_eq(store_memory_get(th_st, plain, 0, &g), STORE_OK);
    assert_frame(&g, NULL, NULL, NULL);
    store_memory_clear(&g);

    store_memory_t *page;
    size_t n;
    int64_t next;
    store_page_t p = {.user = "alice", .limit = 10};
    ck_assert_int_eq(store_memory_list(th_st, &p, &page, &n, &next), STORE_OK);
    ck_assert_uint_eq(n, 2);
    assert_frame(&page[0], NULL, NULL, NULL);       /* newest first: the plain one */
    assert_frame(&page[1], "brother:tom", "home", "New York");
    store_memories_free(page, n);

    seen_t s = {id, 0};
    ck_assert_int_eq(store_memory_each(th_st, "alice", export_fn, &s), STORE_OK);
    ck_assert(s.found);

    store_hit_t hits[2];
    int nh;
    float v[TH_DIM];
    th_mem("alice", "", v, 1);
    store_query_t q = {.user = "alice", .vec = v, .k = 2};
    ck_assert_int_eq(store_search(th_st, &q, 0, hits, &nh, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(hits[0].mem.id, id);
    assert_frame(&hits[0].mem, "brother:tom", "home", "New York");
    store_hits_clear(hits, nh);

    th_st = th_reopen(th_st, TH_DIM, TH_ENCODER);
    ck_assert_int_eq(store_memory_get(th_st, id, 0, &g), STORE_OK);
    assert_frame(&g, "brother:tom", "home", "New York");
    store_memory_clear(&g);
}
END_TEST

START_TEST(test_bad_frames_are_refused_with_a_reason)
{
    char big[STORE_FRAME_MAX + 2];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = 0;                           /* STORE_FRAME_MAX + 1 bytes */
    static const struct { const char *h, *r, *v, *why; } bad[] = {
        {"self", NULL, NULL, "all of"},
        {"self", "name", NULL, "all of"},
        {NULL, "name", "Ann", "all of"},
        {NULL, NULL, "Ann", "all of"},
        {"", "name", "Ann", "bytes"},
        {"self", "", "Ann", "bytes"},
        {"self", "name", "", "bytes"},
    };
    float v[TH_DIM];
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        store_new_memory_t m = th_mem("alice", "text", v, 1);
        m.holder = bad[i].h;
        m.relation = bad[i].r;
        m.value = bad[i].v;
        err[0] = 0;
        ck_assert_int_eq(store_memory_add(th_st, &m, 1, NULL, err, sizeof(err)), STORE_EINVAL);
        ck_assert_msg(strstr(err, bad[i].why) && strstr(err, "memory 0"), "case %zu: \"%s\"",
                      i, err);
    }
    const char *parts[3] = {"self", "name", "Ann"};
    for (int which = 0; which < 3; which++) {
        const char *p[3] = {parts[0], parts[1], parts[2]};
        p[which] = big;
        store_new_memory_t m = th_mem("alice", "text", v, 1);
        m.holder = p[0];
        m.relation = p[1];
        m.value = p[2];
        ck_assert_int_eq(store_memory_add(th_st, &m, 1, NULL, err, sizeof(err)), STORE_EINVAL);
        big[STORE_FRAME_MAX] = 0;                       /* exactly the limit: accepted */
        ck_assert_int_eq(store_memory_add(th_st, &m, 1, NULL, err, sizeof(err)), STORE_OK);
        big[STORE_FRAME_MAX] = 'x';
    }
    /* The same rule on the chat turn's statement: nothing at all is written. */
    store_new_memory_t m = th_mem("alice", "My name is Ann.", v, 2);
    m.holder = "self";
    m.relation = "name";
    store_chat_write_t w = {.mem = &m};
    err[0] = 0;
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", m.text, "ok", "statement", NULL,
                                       NULL, &w, err, sizeof(err)), STORE_EINVAL);
    ck_assert_msg(strstr(err, "frame"), "\"%s\"", err);
    ck_assert_uint_eq(store_memory_count(th_st), 3);
    store_turn_t *t;
    size_t n;
    ck_assert_int_eq(store_turns_last(th_st, "alice", "c1", 10, &t, &n), STORE_ENOTFOUND);
}
END_TEST

START_TEST(test_frame_find_by_holder_and_relation_newest_first)
{
    int64_t lyon = add_framed("alice", "I live in Lyon.", "self", "home", "Lyon", 1);
    int64_t turin = add_framed("alice", "I moved to Turin.", "self", "home", "Turin", 2);
    int64_t job = add_framed("alice", "I work at Airbus.", "self", "job", "Airbus", 3);
    int64_t rome = add_framed("alice", "I live in Rome.", "self", "home", "Rome", 4);
    add_framed("alice", "My sister lives in Oslo.", "sister", "home", "Oslo", 5);
    add_framed("bob", "I live in Lyon.", "self", "home", "Lyon", 6);
    th_add(th_st, "alice", "I live somewhere.", 7);     /* no frame */
    ck_assert_int_eq(store_memory_supersede(th_st, lyon, turin, err, sizeof(err)), STORE_OK);

    store_memory_t *v;
    size_t n;
    ck_assert_int_eq(store_frame_find(th_st, "alice", "self", "home", &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);                /* Lyon is superseded: not current */
    ck_assert_int_eq(v[0].id, rome);
    ck_assert_int_eq(v[1].id, turin);
    ck_assert_str_eq(v[1].value, "Turin");
    ck_assert_ptr_null(v[0].vec);
    store_memories_free(v, n);

    ck_assert_int_eq(store_frame_find(th_st, "alice", "self", NULL, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(v[0].id, rome);
    ck_assert_int_eq(v[1].id, job);
    ck_assert_int_eq(v[2].id, turin);
    store_memories_free(v, n);

    ck_assert_int_eq(store_frame_find(th_st, "alice", "dog", NULL, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(v);
    ck_assert_int_eq(store_frame_find(th_st, "carol", "self", "home", &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(store_frame_find(th_st, "alice", "self", "Home", &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);                /* byte for byte: the agent normalizes */

    ck_assert_int_eq(store_frame_find(th_st, NULL, "self", "home", &v, &n), STORE_EINVAL);
    ck_assert_int_eq(store_frame_find(th_st, "alice", NULL, "home", &v, &n), STORE_EINVAL);
    ck_assert_int_eq(store_frame_find(th_st, "alice", "", NULL, &v, &n), STORE_EINVAL);
}
END_TEST

START_TEST(test_frames_list_is_current_framed_facts_oldest_first)
{
    int64_t name = add_framed("alice", "My name is Ann.", "self", "name", "Ann", 1);
    th_add(th_st, "alice", "thanks!", 2);
    int64_t old = add_framed("alice", "I live in Lyon.", "self", "home", "Lyon", 3);
    int64_t dog = add_framed("alice", "Our dog is Bruno.", "dog", "name", "Bruno", 4);
    int64_t nu = add_framed("alice", "I moved to Turin.", "self", "home", "Turin", 5);
    add_framed("bob", "My name is Bob.", "self", "name", "Bob", 6);
    ck_assert_int_eq(store_memory_supersede(th_st, old, nu, err, sizeof(err)), STORE_OK);

    store_memory_t *v;
    size_t n;
    ck_assert_int_eq(store_frames_list(th_st, "alice", 100, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(v[0].id, name);
    ck_assert_int_eq(v[1].id, dog);
    ck_assert_int_eq(v[2].id, nu);
    ck_assert_str_eq(v[1].holder, "dog");
    store_memories_free(v, n);
    ck_assert_int_eq(store_frames_list(th_st, "alice", 2, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(v[1].id, dog);
    store_memories_free(v, n);

    ck_assert_int_eq(store_frames_list(th_st, "alice", 0, &v, &n), STORE_EINVAL);
    ck_assert_int_eq(store_frames_list(th_st, "alice", STORE_LIST_MAX + 1, &v, &n),
                     STORE_EINVAL);
    ck_assert_int_eq(store_frames_list(th_st, "", 10, &v, &n), STORE_EINVAL);
}
END_TEST

/* What a user's facts were before newer ones replaced them: superseded framed memories
 * only, newest first, nobody else's. */
START_TEST(test_frames_past_are_the_replaced_facts_newest_first)
{
    int64_t lyon = add_framed("alice", "I live in Lyon.", "self", "home", "Lyon", 1);
    int64_t pisa = add_framed("alice", "I moved to Pisa.", "self", "home", "Pisa", 2);
    int64_t turin = add_framed("alice", "I moved to Turin.", "self", "home", "Turin", 3);
    add_framed("alice", "Our dog is Bruno.", "dog", "name", "Bruno", 4);
    int64_t b1 = add_framed("bob", "I live in Oslo.", "self", "home", "Oslo", 5);
    int64_t b2 = add_framed("bob", "I moved to Bergen.", "self", "home", "Bergen", 6);
    ck_assert_int_eq(store_memory_supersede(th_st, lyon, pisa, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_supersede(th_st, pisa, turin, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_supersede(th_st, b1, b2, err, sizeof(err)), STORE_OK);

    store_memory_t *v;
    size_t n;
    ck_assert_int_eq(store_frames_past(th_st, "alice", 100, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(v[0].id, pisa);
    ck_assert_int_eq(v[1].id, lyon);
    ck_assert_str_eq(v[1].value, "Lyon");
    store_memories_free(v, n);
    ck_assert_int_eq(store_frames_past(th_st, "alice", 1, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    store_memories_free(v, n);
    ck_assert_int_eq(store_frames_past(th_st, "carol", 10, &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(store_frames_past(th_st, "alice", 0, &v, &n), STORE_EINVAL);
    ck_assert_int_eq(store_frames_past(th_st, "", 10, &v, &n), STORE_EINVAL);
}
END_TEST

START_TEST(test_a_chat_turn_writes_the_frame_and_its_update_replaces_it)
{
    float v1[TH_DIM], v2[TH_DIM], v3[TH_DIM];
    int64_t sup[1];
    store_new_memory_t m1 = th_mem("alice", "I work at Bosch.", v1, 1);
    m1.holder = "self";
    m1.relation = "job";
    m1.value = "Bosch";
    store_chat_write_t w = {.mem = &m1};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", m1.text, "ok", "statement", NULL,
                                       NULL, &w, err, sizeof(err)), STORE_OK);
    int64_t bosch = w.mem_id;
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, bosch, 0, &g), STORE_OK);
    assert_frame(&g, "self", "job", "Bosch");
    store_memory_clear(&g);

    /* A correction supersedes it by holder + relation. */
    store_new_memory_t m2 = th_mem("alice", "I joined Airbus.", v2, 2);
    m2.holder = "self";
    m2.relation = "job";
    m2.value = "Airbus";
    w = (store_chat_write_t){.mem = &m2, .supersede = &bosch, .nsupersede = 1,
                             .superseded = sup};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", m2.text, "ok", "statement", NULL,
                                       NULL, &w, err, sizeof(err)), STORE_OK);
    int64_t airbus = w.mem_id;
    store_memory_t *v;
    size_t n;
    ck_assert_int_eq(store_frame_find(th_st, "alice", "self", "job", &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(v[0].id, airbus);
    store_memories_free(v, n);

    /* An update replaces the frame with the new text's... */
    store_new_memory_t m3 = th_mem("alice", "I joined Airbus in Toulouse.", v3, 3);
    m3.holder = "self";
    m3.relation = "job";
    m3.value = "Airbus in Toulouse";
    w = (store_chat_write_t){.mem = &m3, .update_id = airbus};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", m3.text, "ok", "statement", NULL,
                                       NULL, &w, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_get(th_st, airbus, 0, &g), STORE_OK);
    assert_frame(&g, "self", "job", "Airbus in Toulouse");
    store_memory_clear(&g);
    /* ... touching only leaves it ... */
    store_new_memory_t same = th_mem("alice", m3.text, v3, 3);
    w = (store_chat_write_t){.mem = &same, .update_id = airbus, .touch_only = 1};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", m3.text, "ok", "statement", NULL,
                                       NULL, &w, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_get(th_st, airbus, 0, &g), STORE_OK);
    assert_frame(&g, "self", "job", "Airbus in Toulouse");
    store_memory_clear(&g);
    /* ... and an update without a frame removes it. */
    store_new_memory_t m4 = th_mem("alice", "Airbus, yes.", v3, 4);
    w = (store_chat_write_t){.mem = &m4, .update_id = airbus};
    ck_assert_int_eq(store_chat_commit(th_st, "alice", "c1", m4.text, "ok", "statement", NULL,
                                       NULL, &w, err, sizeof(err)), STORE_OK);
    ck_assert_int_eq(store_memory_get(th_st, airbus, 0, &g), STORE_OK);
    assert_frame(&g, NULL, NULL, NULL);
    store_memory_clear(&g);
    ck_assert_int_eq(store_frame_find(th_st, "alice", "self", "job", &v, &n), STORE_OK);
    ck_assert_uint_eq(n, 0);
}
END_TEST

/* The frames version: reads leave it, every kind of write that changes the list moves
 * it, and a list read at a version is what the list is while the version stays. */
START_TEST(test_frames_version_moves_with_every_write_that_changes_the_list)
{
    store_memory_t *v;
    size_t n;
    uint64_t at;
    int64_t a = add_framed("alice", "My name is Ann.", "self", "name", "Ann", 1);
    ck_assert_int_eq(store_frames_current(th_st, "alice", 100, &v, &n, &at), STORE_OK);
    ck_assert_uint_eq(n, 1);
    store_memories_free(v, n);
    ck_assert(at == store_frames_version(th_st));

    ck_assert_int_eq(store_frames_list(th_st, "alice", 100, &v, &n), STORE_OK);
    store_memories_free(v, n);
    store_memory_t g;
    ck_assert_int_eq(store_memory_get(th_st, a, 1, &g), STORE_OK);
    store_memory_clear(&g);
    ck_assert_msg(store_frames_version(th_st) == at, "a read moved the version");

    uint64_t before = store_frames_version(th_st);
    int64_t b = add_framed("bob", "I live in Oslo.", "self", "home", "Oslo", 2);
    ck_assert_msg(store_frames_version(th_st) > before, "another user's fact");

    before = store_frames_version(th_st);
    float vec[TH_DIM];
    uint64_t seed = 9;
    th_vec(&seed, vec, TH_DIM, 0.0f);
    ck_assert_int_eq(store_memory_update(th_st, a, "My name is Anna.", vec, -1, err,
                                         sizeof(err)), STORE_OK);
    ck_assert_msg(store_frames_version(th_st) > before, "a new text");

    before = store_frames_version(th_st);
    int64_t c = add_framed("alice", "My name is Anne.", "self", "name", "Anne", 3);
    ck_assert_int_eq(store_memory_supersede(th_st, a, c, err, sizeof(err)), STORE_OK);
    ck_assert_msg(store_frames_version(th_st) > before, "a superseded fact");

    before = store_frames_version(th_st);
    ck_assert_int_eq(store_memory_delete(th_st, c), STORE_OK);
    ck_assert_msg(store_frames_version(th_st) > before, "a deleted fact");

    before = store_frames_version(th_st);
    ck_assert_int_eq(store_user_delete(th_st, "bob", NULL), STORE_OK);
    ck_assert_msg(store_frames_version(th_st) > before, "a deleted user");
    (void)b;

    /* the list read now is the list while the version stays */
    ck_assert_int_eq(store_frames_current(th_st, "alice", 100, &v, &n, &at), STORE_OK);
    ck_assert(at == store_frames_version(th_st));
    ck_assert_uint_eq(n, 1);               /* Ann again: the superseding fact is gone */
    ck_assert_int_eq(v[0].id, a);
    ck_assert_str_eq(v[0].text, "My name is Anna.");
    store_memories_free(v, n);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("frames");
    TCase *tc = tcase_create("frames");
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_a_frame_round_trips_through_add_get_list_export_and_reopen);
    tcase_add_test(tc, test_bad_frames_are_refused_with_a_reason);
    tcase_add_test(tc, test_frame_find_by_holder_and_relation_newest_first);
    tcase_add_test(tc, test_frames_list_is_current_framed_facts_oldest_first);
    tcase_add_test(tc, test_frames_past_are_the_replaced_facts_newest_first);
    tcase_add_test(tc, test_frames_version_moves_with_every_write_that_changes_the_list);
    tcase_add_test(tc, test_a_chat_turn_writes_the_frame_and_its_update_replaces_it);
    suite_add_tcase(s, tc);
    return th_run(s);
}

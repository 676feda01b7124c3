/* test_wm.c: the working memory (agent/wm.h): a ring keeps the last W exchanges oldest
 * first; restoring from the turns table takes each message with the kind stored with it
 * (a slot when the model took it for a statement); the map hands out one entry per
 * conversation of a user (two users' "c1" are two), counts the bytes each holds, keeps
 * them all within one budget by evicting the least recently used ones nobody holds, and
 * serializes the turns of one conversation. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent/wm.h"

#define STMT "statement"

static void push(wm_ring_t *r, int64_t turn, int statement)
{
    char text[32];
    snprintf(text, sizeof text, "message %lld", (long long)turn);
    ck_assert_int_eq(wm_ring_push(r, turn, text, statement), 0);
}

START_TEST(test_ring_keeps_the_last_exchanges_oldest_first)
{
    wm_ring_t r;
    wm_ring_init(&r, 3);
    ck_assert_int_eq(r.n, 0);
    for (int64_t t = 1; t <= 2; t++) push(&r, t, t % 2);
    ck_assert_int_eq(r.n, 2);
    ck_assert_int_eq(wm_ring_at(&r, 0)->turn, 1);
    for (int64_t t = 3; t <= 7; t++) push(&r, t, t % 2);
    ck_assert_int_eq(r.n, 3);
    for (int i = 0; i < 3; i++) {
        const wm_exchange_t *e = wm_ring_at(&r, i);
        char want[32];
        snprintf(want, sizeof want, "message %d", 5 + i);
        ck_assert_int_eq(e->turn, 5 + i);
        ck_assert_int_eq(e->statement, (5 + i) % 2);
        if (e->statement)           /* only a statement's text is a slot, and kept */
            ck_assert_str_eq(e->text, want);
        else
            ck_assert_ptr_null(e->text);
    }
    wm_ring_clear(&r);
    ck_assert_int_eq(r.n, 0);
    push(&r, 9, 1);
    ck_assert_int_eq(wm_ring_at(&r, 0)->turn, 9);
    wm_ring_free(&r);
}
END_TEST

static store_turn_t turn(int64_t id, const char *role, const char *text, const char *kind)
{
    return (store_turn_t){.id = id, .role = (char *)role, .text = (char *)text,
                          .created_ms = 1000 + id, .kind = (char *)kind};
}

START_TEST(test_restore_takes_each_message_with_its_stored_kind)
{
    store_turn_t t[] = {
        turn(10, "assistant", "rex", "answer"),     /* a reply: never a slot of its own */
        turn(11, "user", "My dog is called Rex.", STMT), turn(12, "assistant", "got it", STMT),
        turn(13, "user", "What is my dog called?", "answer"), turn(14, "assistant", "rex", "answer"),
        turn(15, "user", "I live in Paris.", STMT), turn(16, "assistant", "noted", STMT),
        turn(17, "user", "Got it?", "other"), turn(18, "assistant", "got it", "other"),
        turn(19, "user", "I like tea.", NULL),     /* kind unknown: not a statement */
    };
    wm_ring_t r;
    wm_ring_init(&r, 8);
    ck_assert_int_eq(wm_ring_restore(&r, t, sizeof t / sizeof t[0], STMT), 0);
    ck_assert_int_eq(r.n, 5);
    static const int64_t ids[] = {11, 13, 15, 17, 19};
    static const int stmt[] = {1, 0, 1, 0, 0};
    for (int i = 0; i < 5; i++) {
        ck_assert_int_eq(wm_ring_at(&r, i)->turn, ids[i]);
        ck_assert_int_eq(wm_ring_at(&r, i)->statement, stmt[i]);
    }
    ck_assert_str_eq(wm_ring_at(&r, 2)->text, "I live in Paris.");
    /* A second restore replaces, and keeps only the last cap exchanges. */
    wm_ring_t small;
    wm_ring_init(&small, 2);
    push(&small, 1, 1);
    ck_assert_int_eq(wm_ring_restore(&small, t, sizeof t / sizeof t[0], STMT), 0);
    ck_assert_int_eq(small.n, 2);
    ck_assert_int_eq(wm_ring_at(&small, 0)->turn, 17);
    ck_assert_int_eq(wm_ring_at(&small, 1)->turn, 19);
    ck_assert_int_eq(wm_ring_restore(&small, NULL, 0, STMT), 0);
    ck_assert_int_eq(small.n, 0);
    wm_ring_free(&small);
    wm_ring_free(&r);
}
END_TEST

START_TEST(test_acquire_gives_one_entry_per_users_conversation)
{
    wm_t *w = wm_new(4, 1 << 20);
    wm_conv_t *a = wm_acquire(w, "alice", "c1");
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->id, "c1");
    ck_assert_str_eq(a->user, "alice");
    ck_assert(!a->loaded && a->ring.cap == 4);
    a->loaded = 1;
    push(&a->ring, 1, 1);
    wm_release(w, a);
    wm_conv_t *b = wm_acquire(w, "alice", "c2");
    ck_assert_ptr_ne(a, b);
    wm_release(w, b);
    /* Another user's c1 is another conversation, and so is a key that only splits
     * differently between user and id. */
    b = wm_acquire(w, "bob", "c1");
    ck_assert_ptr_ne(a, b);
    ck_assert(!b->loaded);
    wm_release(w, b);
    b = wm_acquire(w, "alicec", "1");
    ck_assert_ptr_ne(a, b);
    wm_release(w, b);
    a = wm_acquire(w, "alice", "c1");
    ck_assert(a->loaded);
    ck_assert_int_eq(a->ring.n, 1);
    wm_release(w, a);
    ck_assert_uint_eq(wm_count(w), 4);
    wm_free(w);
}
END_TEST

START_TEST(test_least_recently_used_conversations_are_evicted)
{
    /* Room for three entries without rings, whatever their ids' lengths here. */
    wm_t *w = wm_new(2, 3 * (sizeof(wm_conv_t) + 7));
    char id[16];
    for (int i = 0; i < 200; i++) {   /* past the first bucket growth too */
        snprintf(id, sizeof id, "c%d", i);
        wm_conv_t *c = wm_acquire(w, "u", id);
        c->loaded = 1;
        wm_release(w, c);
        ck_assert_uint_le(wm_count(w), 3);
        if (i >= 2) {                 /* c0 stays: it is used again before each eviction */
            wm_conv_t *c0 = wm_acquire(w, "u", "c0");
            ck_assert_msg(c0->loaded, "c0 was evicted at c%d", i);
            wm_release(w, c0);
        }
    }
    /* c1 went long ago: it comes back empty, to be restored. */
    wm_conv_t *c1 = wm_acquire(w, "u", "c1");
    ck_assert(!c1->loaded);
    wm_release(w, c1);
    wm_free(w);
}
END_TEST

START_TEST(test_a_held_conversation_is_never_evicted)
{
    wm_t *w = wm_new(2, 1);
    wm_conv_t *held = wm_acquire(w, "u", "held");
    held->loaded = 1;
    char id[16];
    for (int i = 0; i < 20; i++) {
        snprintf(id, sizeof id, "c%d", i);
        wm_release(w, wm_acquire(w, "u", id));
    }
    ck_assert(held->loaded);          /* still valid memory, still the same entry */
    ck_assert_str_eq(held->id, "held");
    wm_release(w, held);
    ck_assert_uint_le(wm_count(w), 1);
    wm_free(w);
}
END_TEST

/* A statement of n bytes (and its NUL). */
static void push_text(wm_ring_t *r, int64_t turn, size_t n)
{
    char *text = malloc(n + 1);
    ck_assert_ptr_nonnull(text);
    memset(text, 'a' + (int)(turn % 26), n);
    text[n] = '\0';
    ck_assert_int_eq(wm_ring_push(r, turn, text, 1), 0);
    free(text);
}

START_TEST(test_a_ring_counts_the_bytes_it_holds)
{
    wm_ring_t r;
    wm_ring_init(&r, 3);
    ck_assert_uint_eq(r.bytes, 0);
    size_t array = 3 * sizeof(wm_exchange_t);
    push_text(&r, 1, 100);
    ck_assert_uint_eq(r.bytes, array + 101);
    ck_assert_int_eq(wm_ring_push(&r, 2, "what is my name?", 0), 0);  /* no text kept */
    ck_assert_uint_eq(r.bytes, array + 101);
    push_text(&r, 3, 10);
    push_text(&r, 4, 20);       /* full: the 100 bytes go */
    ck_assert_uint_eq(r.bytes, array + 11 + 21);
    ck_assert_int_eq(wm_ring_forget(&r, "eee"), 1);                   /* turn 4's text */
    ck_assert_uint_eq(r.bytes, array + 11);
    wm_ring_clear(&r);
    ck_assert_uint_eq(r.bytes, array);
    wm_ring_free(&r);
    ck_assert_uint_eq(r.bytes, 0);
}
END_TEST

/* What wm_conv_bytes should say of an entry whose ring was allocated (a push) and holds
 * text bytes of statements. */
static size_t entry_bytes(const char *user, const char *id, int cap, size_t text)
{
    return sizeof(wm_conv_t) + strlen(user) + 1 + strlen(id) + 1 +
           (size_t)cap * sizeof(wm_exchange_t) + text;
}

START_TEST(test_the_byte_budget_evicts_the_least_recently_used)
{
    size_t one = entry_bytes("u", "c0", 4, 1001);
    wm_t *w = wm_new(4, 3 * one + one / 2);       /* three such conversations */
    wm_stats_t st;
    char id[16];
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "c%d", i);
        wm_conv_t *c = wm_acquire(w, "u", id);
        c->loaded = 1;
        push_text(&c->ring, i, 1000);
        wm_release(w, c);
        wm_stats(w, &st);
        ck_assert_uint_le(st.bytes, st.max_bytes);
        ck_assert_uint_eq(st.bytes, st.conversations * one);
    }
    ck_assert_uint_eq(st.conversations, 3);
    ck_assert_uint_eq(st.evictions, 3);
    /* c3..c5 stay; c0..c2 come back empty, to be restored from the turns table. */
    for (int i = 5; i >= 3; i--) {
        snprintf(id, sizeof id, "c%d", i);
        wm_conv_t *c = wm_acquire(w, "u", id);
        ck_assert_msg(c->loaded && c->ring.n == 1, "c%d was evicted", i);
        wm_release(w, c);
    }
    wm_conv_t *c0 = wm_acquire(w, "u", "c0");
    ck_assert(!c0->loaded);
    ck_assert_int_eq(c0->ring.n, 0);
    c0->loaded = 1;
    push_text(&c0->ring, 6, 1000);
    wm_release(w, c0);
    /* c0 is back, and c5, now the least recently used, made room for it. */
    wm_stats(w, &st);
    ck_assert_uint_eq(st.evictions, 4);
    ck_assert_uint_le(st.bytes, st.max_bytes);
    wm_conv_t *c5 = wm_acquire(w, "u", "c5");
    ck_assert(!c5->loaded);
    wm_release(w, c5);
    wm_free(w);
}
END_TEST

START_TEST(test_a_conversation_grows_within_the_budget_by_pushing_others_out)
{
    size_t one = entry_bytes("u", "cX", 8, 0), budget = 4 * one + 2000;
    wm_t *w = wm_new(8, budget);
    char id[16];
    for (int i = 0; i < 4; i++) {
        snprintf(id, sizeof id, "c%d", i);
        wm_conv_t *c = wm_acquire(w, "u", id);
        c->loaded = 1;
        ck_assert_int_eq(wm_ring_push(&c->ring, i, "hi", 0), 0);
        wm_release(w, c);
    }
    wm_stats_t st;
    wm_stats(w, &st);
    ck_assert_uint_eq(st.conversations, 4);
    ck_assert_uint_eq(st.bytes, 4 * one);
    ck_assert_uint_eq(st.evictions, 0);
    /* c3 grows by one and a half entries past the budget: c0 and c1 leave, c2 stays. */
    size_t text = 2000 + one + one / 2;
    wm_conv_t *c3 = wm_acquire(w, "u", "c3");
    push_text(&c3->ring, 10, text - 1);
    wm_release(w, c3);
    wm_stats(w, &st);
    ck_assert_uint_eq(st.conversations, 2);
    ck_assert_uint_eq(st.evictions, 2);
    ck_assert_uint_eq(st.bytes, 2 * one + text);
    ck_assert_uint_le(st.bytes, budget);
    wm_conv_t *c2 = wm_acquire(w, "u", "c2");
    ck_assert(c2->loaded);
    wm_release(w, c2);
    wm_conv_t *c1 = wm_acquire(w, "u", "c1");
    ck_assert(!c1->loaded);
    wm_release(w, c1);
    wm_free(w);
}
END_TEST

START_TEST(test_a_conversation_larger_than_the_budget_leaves_at_its_release)
{
    wm_t *w = wm_new(4, 2000);
    wm_conv_t *c = wm_acquire(w, "u", "big");
    c->loaded = 1;
    push_text(&c->ring, 1, 4000);
    wm_stats_t st;
    wm_stats(w, &st);
    ck_assert_uint_eq(st.conversations, 1);     /* held: counted, not evicted */
    wm_release(w, c);
    wm_stats(w, &st);
    ck_assert_uint_eq(st.conversations, 0);
    ck_assert_uint_eq(st.bytes, 0);
    ck_assert_uint_eq(st.evictions, 1);
    c = wm_acquire(w, "u", "big");
    ck_assert(!c->loaded);
    wm_release(w, c);
    wm_free(w);
}
END_TEST

START_TEST(test_a_smaller_budget_applies_at_once)
{
    wm_t *w = wm_new(4, 1 << 20);
    char id[16];
    for (int i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "c%d", i);
        wm_conv_t *c = wm_acquire(w, "u", id);
        push_text(&c->ring, i, 500);
        wm_release(w, c);
    }
    wm_stats_t st;
    wm_stats(w, &st);
    ck_assert_uint_eq(st.conversations, 10);
    size_t one = st.bytes / 10;
    wm_set_max_bytes(w, 2 * one);
    wm_stats(w, &st);
    ck_assert_uint_eq(st.conversations, 2);
    ck_assert_uint_eq(st.max_bytes, 2 * one);
    ck_assert_uint_eq(st.evictions, 8);
    wm_conv_t *c9 = wm_acquire(w, "u", "c9");  /* the most recent stay */
    ck_assert_int_eq(c9->ring.n, 1);
    wm_release(w, c9);
    wm_set_max_bytes(w, 0);
    wm_stats(w, &st);
    ck_assert_uint_eq(st.conversations, 0);
    ck_assert_uint_eq(st.bytes, 0);
    wm_free(w);
}
END_TEST

typedef struct worker {
    wm_t *w;
    const char *conv;
    int *inside, *max_inside, *done;
    pthread_mutex_t *mu;
} worker_t;

static void *work(void *arg)
{
    worker_t *k = arg;
    for (int i = 0; i < 200; i++) {
        wm_conv_t *c = wm_acquire(k->w, "u", k->conv);
        pthread_mutex_lock(k->mu);
        int now = ++*k->inside;
        if (now > *k->max_inside) *k->max_inside = now;
        pthread_mutex_unlock(k->mu);
        push(&c->ring, i, 0);       /* unsynchronized but for the entry's lock */
        usleep(10);
        pthread_mutex_lock(k->mu);
        --*k->inside;
        ++*k->done;
        pthread_mutex_unlock(k->mu);
        wm_release(k->w, c);
    }
    return NULL;
}

START_TEST(test_one_conversations_turns_run_one_at_a_time)
{
    wm_t *w = wm_new(8, 1 << 20);
    pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    int inside = 0, max_inside = 0, done = 0;
    int other_inside = 0, other_max = 0, other_done = 0;
    worker_t k[6];
    pthread_t th[6];
    for (int i = 0; i < 6; i++) {
        int same = i < 4;
        k[i] = (worker_t){w, same ? "shared" : (i == 4 ? "x" : "y"),
                          same ? &inside : &other_inside, same ? &max_inside : &other_max,
                          same ? &done : &other_done, &mu};
        ck_assert_int_eq(pthread_create(&th[i], NULL, work, &k[i]), 0);
    }
    for (int i = 0; i < 6; i++) pthread_join(th[i], NULL);
    ck_assert_int_eq(done, 800);
    ck_assert_int_eq(max_inside, 1);
    wm_conv_t *c = wm_acquire(w, "u", "shared");
    ck_assert_int_eq(c->ring.n, 8);
    wm_release(w, c);
    wm_free(w);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("wm");
    TCase *tc = tcase_create("wm");
    tcase_add_test(tc, test_ring_keeps_the_last_exchanges_oldest_first);
    tcase_add_test(tc, test_restore_takes_each_message_with_its_stored_kind);
    tcase_add_test(tc, test_acquire_gives_one_entry_per_users_conversation);
    tcase_add_test(tc, test_least_recently_used_conversations_are_evicted);
    tcase_add_test(tc, test_a_held_conversation_is_never_evicted);
    tcase_add_test(tc, test_one_conversations_turns_run_one_at_a_time);
    tcase_add_test(tc, test_a_ring_counts_the_bytes_it_holds);
    tcase_add_test(tc, test_the_byte_budget_evicts_the_least_recently_used);
    tcase_add_test(tc, test_a_conversation_grows_within_the_budget_by_pushing_others_out);
    tcase_add_test(tc, test_a_conversation_larger_than_the_budget_leaves_at_its_release);
    tcase_add_test(tc, test_a_smaller_budget_applies_at_once);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

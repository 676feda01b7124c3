/* test_wm.c: the working memory (agent/wm.h): a ring keeps the last W exchanges oldest
 * first; restoring from the turns table takes each message with the kind stored with it
 * (a slot when the model took it for a statement); the map hands out one entry per
 * conversation of a user (two users' "c1" are two), evicts the least recently used ones
 * nobody holds, and serializes the turns of one conversation. */
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
    wm_t *w = wm_new(4, 10);
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
    wm_t *w = wm_new(2, 3);
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
    wm_t *w = wm_new(8, 10);
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
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

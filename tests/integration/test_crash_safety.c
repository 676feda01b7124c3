/* test_crash_safety.c: an acknowledged write survives kill -9. Writer threads create
 * memories one request at a time and record every id answered with 201; the daemon is
 * killed with SIGKILL while they are still writing, restarted on the same database,
 * and every acknowledged id must be there with its text. */
#include "tests/integration/harness.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_ACKS 100000

typedef struct ack {
    int64_t id;
    char text[96];
} ack_t;

/* Shared by the writers and the test: acks[0..n) are acknowledged writes. */
typedef struct writer_state {
    const h_daemon_t *d;
    int batch;                /* 0: single creates; else items per batch */
    int tag;
    pthread_mutex_t lock;
    ack_t *acks;
    size_t n;
    atomic_int failed;        /* a request got no reply: the daemon is gone */
} writer_state_t;

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

static void record(writer_state_t *w, int64_t id, const char *text)
{
    pthread_mutex_lock(&w->lock);
    if (w->n < MAX_ACKS) {
        w->acks[w->n].id = id;
        snprintf(w->acks[w->n].text, sizeof w->acks[w->n].text, "%.95s", text);
        w->n++;
    }
    pthread_mutex_unlock(&w->lock);
}

static void *writer(void *arg)
{
    writer_state_t *w = arg;
    for (int seq = 0; !atomic_load(&w->failed) && seq < MAX_ACKS; seq++) {
        char texts[64][96];
        int n = w->batch ? w->batch : 1;
        json_t *items = json_array();
        for (int i = 0; i < n; i++) {
            snprintf(texts[i], sizeof texts[i], "Crash note %d.%d.%d about the red kettle.",
                     w->tag, seq, i);
            json_array_append_new(items, json_pack("{s:s}", "text", texts[i]));
        }
        json_t *body = w->batch ? json_pack("{s:s,s:o}", "user", "crash", "memories", items)
                                : json_pack("{s:s,s:s}", "user", "crash", "text", texts[0]);
        if (!w->batch)
            json_decref(items);
        h_resp_t r;
        if (h_send(w->d, "POST", NULL, "/v1/memories", body, &r) < 0) {
            atomic_store(&w->failed, 1);
        } else if (r.status == 201) {
            if (w->batch) {
                json_t *ids = json_object_get(r.json, "ids");
                for (int i = 0; i < n && i < (int)json_array_size(ids); i++)
                    record(w, json_integer_value(json_array_get(ids, i)), texts[i]);
            } else {
                record(w, h_id(r.json), texts[0]);
            }
        }
        h_resp_clear(&r);
    }
    return NULL;
}

static size_t acked(writer_state_t *w)
{
    pthread_mutex_lock(&w->lock);
    size_t n = w->n;
    pthread_mutex_unlock(&w->lock);
    return n;
}

/* Runs two writers, kills the daemon once min_acks writes are acknowledged, restarts,
 * and checks every acknowledged id. */
static void crash_and_check(int batch, size_t min_acks)
{
    /* Same daemon, a list each; tags keep their texts apart. */
    writer_state_t w = {.d = &D, .batch = batch, .tag = 0};
    writer_state_t w2 = {.d = &D, .batch = batch, .tag = 1};
    pthread_mutex_init(&w.lock, NULL);
    pthread_mutex_init(&w2.lock, NULL);
    w.acks = calloc(MAX_ACKS, sizeof *w.acks);
    w2.acks = calloc(MAX_ACKS, sizeof *w2.acks);
    ck_assert(w.acks && w2.acks);
    pthread_t t1, t2;
    pthread_create(&t1, NULL, writer, &w);
    pthread_create(&t2, NULL, writer, &w2);
    time_t start = time(NULL);
    while (acked(&w) + acked(&w2) < min_acks && time(NULL) - start < 30)
        usleep(2000);
    h_kill9(&D);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    ck_assert_msg(acked(&w) + acked(&w2) >= min_acks, "only %zu writes acknowledged",
                  acked(&w) + acked(&w2));

    h_start(&D);
    writer_state_t *ws[2] = {&w, &w2};
    size_t checked = 0;
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < ws[k]->n; i++) {
            char path[64];
            h_resp_t r;
            snprintf(path, sizeof path, "/v1/memories/%lld", (long long)ws[k]->acks[i].id);
            h_get(&D, NULL, path, &r);
            ck_assert_msg(r.status == 200, "acknowledged id %lld lost after kill -9: %ld %s",
                          (long long)ws[k]->acks[i].id, r.status, r.body);
            ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")),
                             ws[k]->acks[i].text);
            h_resp_clear(&r);
            checked++;
        }
    }
    /* The index was rebuilt too: a search finds the crash notes. */
    json_t *res = h_search(&D, NULL, "user=crash&q=red%20kettle%20crash%20note&k=5");
    ck_assert_int_gt(json_array_size(res), 0);
    json_decref(res);
    fprintf(stderr, "crash safety: %zu acknowledged writes checked\n", checked);
    free(w.acks);
    free(w2.acks);
    pthread_mutex_destroy(&w.lock);
    pthread_mutex_destroy(&w2.lock);
}

START_TEST(test_acknowledged_creates_survive_kill_9)
{
    crash_and_check(0, 300);
}
END_TEST

START_TEST(test_acknowledged_batches_survive_kill_9)
{
    crash_and_check(50, 2000);
}
END_TEST

START_TEST(test_the_database_takes_writes_again_after_kill_9)
{
    int64_t before = h_create(&D, NULL, "crash", "Written before the crash.");
    h_kill9(&D);
    h_start(&D);
    int64_t after = h_create(&D, NULL, "crash", "Written after the crash.");
    ck_assert(before > 0 && after > before);
    json_t *all = h_list_all(&D, NULL, "user=crash");
    ck_assert_int_eq(json_array_size(all), 2);
    json_decref(all);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("crash_safety");
    TCase *tc = tcase_create("kill9");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 100);
    tcase_add_test(tc, test_acknowledged_creates_survive_kill_9);
    tcase_add_test(tc, test_acknowledged_batches_survive_kill_9);
    tcase_add_test(tc, test_the_database_takes_writes_again_after_kill_9);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}

/* test_import.c: a big import goes in batches: it round-trips through export, stops at
 * max_import_items, keeps only ids in 1..2^40 that nobody has (the same 409 words
 * whoever has the id), gives fresh ids with ?ids=new, takes its batches back when the
 * server stops under it, and lets another user's searches through while it runs (their
 * worst latency goes to the log, not into an assertion); with one handler thread busy
 * importing, /healthz is still answered and a burst past the handler queue is 503. */
#include "tests/integration/harness.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The bound the daemon keeps imported ids under (AGENT_ID_MAX, STORE_ID_MAX). */
#define ID_MAX ((int64_t)1 << 40)
/* More than two of the daemon's batches (api/import.c). */
#define THREE_BATCHES 1300

static h_daemon_t A, B;

static void setup(void) { h_pair_start(&A, &B); }

static void teardown(void) { h_pair_stop(&A, &B); }

/* n JSON lines "memory i of n" (ids first_id.. when first_id > 0, else none). */
static char *lines(size_t n, int64_t first_id, size_t *len)
{
    size_t cap = n * 96 + 1, at = 0;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++) {
        if (first_id > 0)
            at += (size_t)snprintf(s + at, cap - at,
                                   "{\"id\":%lld,\"text\":\"memory %zu of a big import\"}\n",
                                   (long long)(first_id + (int64_t)i), i);
        else
            at += (size_t)snprintf(s + at, cap - at, "{\"text\":\"memory %zu of a big import\"}\n",
                                   i);
    }
    *len = at;
    return s;
}

static const char *message(const h_resp_t *r)
{
    json_t *m = json_object_get(json_object_get(r->json, "error"), "message");
    return m ? json_string_value(m) : "";
}

START_TEST(test_an_import_of_three_batches_round_trips_through_export)
{
    size_t len;
    char *body = lines(THREE_BATCHES, 7, &len);
    h_resp_t r;
    h_import(&A, "alice", NULL, body, len, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "imported")), THREE_BATCHES);
    ck_assert_ptr_null(json_object_get(r.json, "ids"));
    h_resp_clear(&r);
    free(body);

    h_get(&A, NULL, "/v1/users/alice/export", &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_t r2;
    h_import(&B, "alice", NULL, r.body, r.len, &r2);
    h_assert_reply(&r2, 200, NULL);
    h_resp_clear(&r2);
    h_resp_clear(&r);
    json_t *ea = h_export(&A, NULL, "alice"), *eb = h_export(&B, NULL, "alice");
    ck_assert_int_eq(json_array_size(ea), THREE_BATCHES);
    ck_assert_int_eq(json_array_size(eb), THREE_BATCHES);
    for (size_t i = 0; i < THREE_BATCHES; i++) {
        const json_t *a = json_array_get(ea, i), *b = json_array_get(eb, i);
        ck_assert_int_eq(h_id(a), 7 + (int64_t)i);
        ck_assert_int_eq(h_id(b), h_id(a));
        ck_assert(json_equal(json_object_get(a, "text"), json_object_get(b, "text")));
        ck_assert(json_equal(json_object_get(a, "created_at"), json_object_get(b, "created_at")));
    }
    json_decref(ea);
    json_decref(eb);
}
END_TEST

START_TEST(test_an_import_past_max_import_items_is_413_and_writes_nothing)
{
    ck_assert_int_eq(h_stop(&A), 0);
    h_write_config(&A, "max_import_items = 10\n");
    h_start(&A);
    size_t len;
    char *body = lines(11, 0, &len);
    h_resp_t r;
    h_import(&A, "alice", NULL, body, len, &r);
    h_assert_reply(&r, 413, "payload_too_large");
    ck_assert_msg(strstr(message(&r), "max_import_items") != NULL, "%s", r.body);
    h_resp_clear(&r);
    json_t *e = h_export(&A, NULL, "alice");
    ck_assert_int_eq(json_array_size(e), 0);
    json_decref(e);
    h_import(&A, "alice", NULL, body, len - strlen(strrchr(body, '{')), &r);  /* 10 lines */
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    free(body);
}
END_TEST

START_TEST(test_an_id_of_2_63_minus_1_is_refused_and_later_ids_stay_small)
{
    static const char big[] = "{\"id\":9223372036854775807,\"text\":\"a huge id\"}\n";
    h_resp_t r;
    h_import(&A, "alice", NULL, big, sizeof big - 1, &r);
    h_assert_reply(&r, 422, "validation_failed");
    ck_assert_msg(strstr(message(&r), "ids=new") != NULL, "%s", r.body);
    h_resp_clear(&r);
    int64_t id = h_create(&A, NULL, "alice", "my dog is called Rex");
    ck_assert_int_eq(id, 1);

    /* The largest id kept: the ids assigned after it are still exact JSON numbers. */
    char top[96];
    int n = snprintf(top, sizeof top, "{\"id\":%lld,\"text\":\"the top id\"}\n", (long long)ID_MAX);
    h_import(&A, "alice", NULL, top, (size_t)n, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    id = h_create(&A, NULL, "alice", "my cat is called Tom");
    ck_assert_int_eq(id, ID_MAX + 1);
    n = snprintf(top, sizeof top, "{\"id\":%lld,\"text\":\"past the top\"}\n",
                 (long long)ID_MAX + 1);
    h_import(&A, "bob", NULL, top, (size_t)n, &r);
    h_assert_reply(&r, 422, "validation_failed");
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_a_conflict_with_another_users_id_reads_as_with_ones_own)
{
    int64_t own = h_create(&A, NULL, "alice", "alice's memory");
    int64_t other = h_create(&A, NULL, "bob", "bob's memory");
    ck_assert(own > 0 && other > 0);
    char line[96], want_own[64], want_other[64];
    h_resp_t r;
    int n = snprintf(line, sizeof line, "{\"text\":\"x\"}\n{\"id\":%lld,\"text\":\"y\"}\n",
                     (long long)own);
    h_import(&A, "alice", NULL, line, (size_t)n, &r);
    h_assert_reply(&r, 409, "conflict");
    snprintf(want_own, sizeof want_own, "id %lld already exists", (long long)own);
    ck_assert_str_eq(message(&r), want_own);
    h_resp_clear(&r);
    n = snprintf(line, sizeof line, "{\"text\":\"x\"}\n{\"id\":%lld,\"text\":\"y\"}\n",
                 (long long)other);
    h_import(&A, "alice", NULL, line, (size_t)n, &r);
    h_assert_reply(&r, 409, "conflict");
    snprintf(want_other, sizeof want_other, "id %lld already exists", (long long)other);
    ck_assert_str_eq(message(&r), want_other);
    h_resp_clear(&r);
    json_t *e = h_export(&A, NULL, "alice");
    ck_assert_int_eq(json_array_size(e), 1);      /* the line before was not written */
    json_decref(e);
}
END_TEST

START_TEST(test_ids_new_gives_fresh_ids_and_returns_the_map)
{
    size_t len;
    char *body = lines(600, 9223372036854775000LL, &len);
    h_resp_t r;
    h_import(&A, "alice", "?ids=new", body, len, &r);
    h_assert_reply(&r, 200, NULL);
    free(body);
    json_t *ids = json_object_get(r.json, "ids");
    ck_assert_int_eq(json_integer_value(json_object_get(r.json, "imported")), 600);
    ck_assert_int_eq(json_array_size(ids), 600);
    for (size_t i = 0; i < 600; i++) {
        json_t *p = json_array_get(ids, i);
        ck_assert_int_eq(json_integer_value(json_object_get(p, "old")),
                         9223372036854775000LL + (int64_t)i);
        ck_assert_int_eq(json_integer_value(json_object_get(p, "new")), 1 + (int64_t)i);
    }
    h_resp_clear(&r);
    h_get(&A, NULL, "/v1/memories/600", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")),
                     "memory 599 of a big import");
    h_resp_clear(&r);

    /* The same export twice: ids=keep conflicts, ids=new copies it. */
    h_get(&A, NULL, "/v1/users/alice/export", &r);
    h_resp_t r2;
    h_import(&A, "alice", NULL, r.body, r.len, &r2);
    h_assert_reply(&r2, 409, "conflict");
    h_resp_clear(&r2);
    h_import(&A, "alice", "?ids=new", r.body, r.len, &r2);
    h_assert_reply(&r2, 200, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(
                         json_object_get(r2.json, "ids"), 0), "new")), 601);
    h_resp_clear(&r2);
    h_resp_clear(&r);
    json_t *e = h_export(&A, NULL, "alice");
    ck_assert_int_eq(json_array_size(e), 1200);
    json_decref(e);
    h_import(&A, "alice", "?ids=odd", "", 0, &r);
    h_assert_reply(&r, 400, "invalid_parameter");
    h_resp_clear(&r);
}
END_TEST

/* ---- a big import beside other work --------------------------------------------- */

/* A big import on its own thread, through libcurl directly so that the test knows when
 * its body has gone up: mnemod's worker threads each serve the connections they accept,
 * and one that a worker accepted while the import's body was arriving waits for the
 * whole import there (docs/OPERATIONS.md, "Imports"). The probes below start after it. */
typedef struct big_import {
    const h_daemon_t *d;
    char *body;
    size_t len;
    long status;
    char reply[512];
    size_t reply_len;
    atomic_int uploaded, done;
} big_import_t;

static size_t on_reply(char *data, size_t size, size_t nmemb, void *userp)
{
    big_import_t *b = userp;
    size_t n = size * nmemb, room = sizeof b->reply - 1 - b->reply_len;
    memcpy(b->reply + b->reply_len, data, n < room ? n : room);
    b->reply_len += n < room ? n : room;
    return n;
}

static int on_progress(void *userp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    big_import_t *b = userp;
    (void)dltotal, (void)dlnow;
    if (ultotal > 0 && ulnow == ultotal) atomic_store(&b->uploaded, 1);
    return 0;
}

static void *run_import(void *arg)
{
    big_import_t *b = arg;
    char url[256];
    snprintf(url, sizeof url, "%s/v1/users/big/import", b->d->base);
    CURL *c = curl_easy_init();
    struct curl_slist *hdr = curl_slist_append(NULL, "Content-Type: application/x-ndjson");
    hdr = curl_slist_append(hdr, "Expect:");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 240L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, b->body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)b->len);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_reply);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, b);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, b);
    if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &b->status);
    curl_slist_free_all(hdr);
    curl_easy_cleanup(c);
    atomic_store(&b->uploaded, 1);
    atomic_store(&b->done, 1);
    return NULL;
}

/* Starts the import of 100000 lines and returns once its body is up (and a little
 * more, for the worker to pass from reading it to handling it). */
static void start_big_import(big_import_t *b, const h_daemon_t *d, pthread_t *t)
{
    memset(b, 0, sizeof *b);
    b->d = d;
    b->body = lines(100000, 0, &b->len);
    ck_assert_int_eq(pthread_create(t, NULL, run_import, b), 0);
    while (!atomic_load(&b->uploaded)) usleep(1000);
    usleep(200000);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Waits until user big has memories (the import is writing). */
static void wait_for_writes(const h_daemon_t *d)
{
    for (int i = 0; i < 6000; i++) {
        h_resp_t r;
        h_get(d, NULL, "/v1/memories?user=big&limit=1", &r);
        size_t n = json_array_size(json_object_get(r.json, "memories"));
        h_resp_clear(&r);
        if (n) return;
        usleep(10000);
    }
    ck_abort_msg("the import wrote nothing in 60 s");
}

START_TEST(test_another_users_search_answers_during_a_large_import)
{
    ck_assert(h_create(&A, NULL, "carol", "my sister Anna lives in Lisbon") > 0);
    big_import_t b;
    pthread_t t;
    start_big_import(&b, &A, &t);
    wait_for_writes(&A);
    double worst = 0, sum = 0;
    int n = 0;
    while (!atomic_load(&b.done)) {
        double t0 = now_ms();
        json_t *hits = h_search(&A, NULL, "user=carol&q=where%20does%20Anna%20live&k=3");
        double ms = now_ms() - t0;
        ck_assert_int_eq(json_array_size(hits), 1);
        json_decref(hits);
        worst = ms > worst ? ms : worst;
        sum += ms;
        n++;
        usleep(20000);
    }
    pthread_join(t, NULL);
    ck_assert_msg(b.status == 200, "import: %ld %s", b.status, b.reply);
    fprintf(stderr, "searches during a 100000-line import: %d, mean %.1f ms, max %.1f ms\n", n,
            n ? sum / n : 0.0, worst);
    free(b.body);
    ck_assert_int_gt(n, 0);
    json_t *e = h_export(&A, NULL, "big");
    ck_assert_int_eq(json_array_size(e), 100000);
    json_decref(e);
}
END_TEST

/* With one handler thread busy with the import, /healthz is still answered: it runs on
 * libmicrohttpd's worker, never behind a handler (api/workq.c). Only the order is
 * checked: probes come back while the import has not. */
START_TEST(test_health_answers_while_the_only_handler_thread_imports)
{
    ck_assert_int_eq(h_stop(&B), 0);
    h_write_config(&B, "threads = 1\n");
    h_start(&B);
    big_import_t b;
    pthread_t t;
    start_big_import(&b, &B, &t);
    int before_done = 0;
    while (!atomic_load(&b.done)) {
        h_resp_t r;
        h_get(&B, NULL, "/healthz", &r);
        ck_assert_int_eq(r.status, 200);
        h_resp_clear(&r);
        if (!atomic_load(&b.done)) before_done++;
        usleep(20000);
    }
    pthread_join(t, NULL);
    ck_assert_msg(b.status == 200, "import: %ld %s", b.status, b.reply);
    free(b.body);
    fprintf(stderr, "/healthz answered %d times during the import\n", before_done);
    ck_assert_int_gt(before_done, 0);
}
END_TEST

/* One request of the burst below, on its own thread and connection. */
typedef struct burst {
    const h_daemon_t *d;
    h_resp_t r;
} burst_t;

static void *burst_one(void *arg)
{
    burst_t *b = arg;
    h_get(b->d, NULL, "/v1/memories?user=nobody&limit=1", &b->r);
    return NULL;
}

/* With the one handler thread importing, a burst of more requests than may wait for it
 * (64 a thread) gets 503 overloaded with Retry-After for the ones past the queue, the
 * others their answer once the import is done, and the daemon serves on. */
START_TEST(test_a_full_handler_queue_is_503_and_the_rest_are_served)
{
    enum { N = 90 };
    ck_assert_int_eq(h_stop(&B), 0);
    h_write_config(&B, "threads = 1\nmax_connections = 512\nmax_connections_per_address = 512\n");
    h_start(&B);
    big_import_t b;
    pthread_t t, th[N];
    burst_t *req = calloc(N, sizeof *req);
    ck_assert_ptr_nonnull(req);
    start_big_import(&b, &B, &t);
    for (int i = 0; i < N; i++) {
        req[i].d = &B;
        ck_assert_int_eq(pthread_create(&th[i], NULL, burst_one, &req[i]), 0);
    }
    int ok = 0, full = 0;
    for (int i = 0; i < N; i++) {
        pthread_join(th[i], NULL);
        h_resp_t *r = &req[i].r;
        if (r->status == 503) {
            full++;
            ck_assert_str_eq(r->retry_after, "1");
            json_t *e = json_object_get(r->json, "error");
            ck_assert_str_eq(json_string_value(json_object_get(e, "code")), "overloaded");
        } else {
            ck_assert_msg(r->status == 200, "burst %d: %ld %s", i, r->status, r->error);
            ok++;
        }
        h_resp_clear(r);
    }
    pthread_join(t, NULL);
    ck_assert_msg(b.status == 200, "import: %ld %s", b.status, b.reply);
    free(b.body);
    free(req);
    fprintf(stderr, "burst of %d during the import: %d answered, %d 503\n", N, ok, full);
    ck_assert_int_gt(full, 0);
    ck_assert_int_gt(ok, 0);
    h_resp_t r;
    h_get(&B, NULL, "/v1/memories?user=big&limit=1", &r);
    ck_assert_int_eq(r.status, 200);
    h_resp_clear(&r);
}
END_TEST

/* One request of the burst below that counts the 503s it meets. */
static atomic_int burst_full;

static void *burst_counted(void *arg)
{
    burst_t *b = arg;
    h_get(b->d, NULL, "/v1/memories?user=nobody&limit=1", &b->r);
    if (b->r.status == 503) atomic_fetch_add(&burst_full, 1);
    return NULL;
}

/* With the handler queue full behind an import, reading one memory is still answered at
 * once (it runs on libmicrohttpd's worker), while lists and searches get 503. */
START_TEST(test_one_memory_is_read_while_the_handler_queue_is_full)
{
    enum { N = 90 };
    ck_assert_int_eq(h_stop(&B), 0);
    h_write_config(&B, "threads = 1\nmax_connections = 512\nmax_connections_per_address = 512\n");
    h_start(&B);
    h_resp_t w;
    h_send(&B, "POST", NULL, "/v1/memories",
           json_pack("{s:s,s:s}", "user", "cheap", "text", "The spare key is under the pot."),
           &w);
    ck_assert_int_eq(w.status, 201);
    char path[64];
    snprintf(path, sizeof path, "/v1/memories/%lld?user=cheap",
             (long long)json_integer_value(json_object_get(w.json, "id")));
    h_resp_clear(&w);
    big_import_t b;
    pthread_t t, th[N];
    burst_t *req = calloc(N, sizeof *req);
    ck_assert_ptr_nonnull(req);
    atomic_store(&burst_full, 0);
    start_big_import(&b, &B, &t);
    for (int i = 0; i < N; i++) {
        req[i].d = &B;
        ck_assert_int_eq(pthread_create(&th[i], NULL, burst_counted, &req[i]), 0);
    }
    while (!atomic_load(&burst_full) && !atomic_load(&b.done)) usleep(1000);
    ck_assert_msg(!atomic_load(&b.done), "the import ended before the queue was full");
    h_resp_t r;
    h_get(&B, NULL, path, &r);
    int during = !atomic_load(&b.done);
    ck_assert_msg(r.status == 200, "%s: %ld %s", path, r.status, r.body);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "text")),
                     "The spare key is under the pot.");
    h_resp_clear(&r);
    ck_assert_msg(during, "the read was answered only after the import");
    for (int i = 0; i < N; i++) {
        pthread_join(th[i], NULL);
        h_resp_clear(&req[i].r);
    }
    pthread_join(t, NULL);
    free(b.body);
    free(req);
}
END_TEST

START_TEST(test_a_server_stopping_under_an_import_takes_its_batches_back)
{
    big_import_t b;
    pthread_t t;
    start_big_import(&b, &A, &t);
    wait_for_writes(&A);
    ck_assert_int_eq(kill(A.pid, SIGTERM), 0);
    pthread_join(t, NULL);
    ck_assert_msg(b.status == 503 && strstr(b.reply, "shutting_down"), "import: %ld %s",
                  b.status, b.reply);
    free(b.body);
    ck_assert_int_eq(h_wait_exit(&A, 60000), 0);
    h_start(&A);
    json_t *e = h_export(&A, NULL, "big");
    ck_assert_int_eq(json_array_size(e), 0);
    json_decref(e);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("import");
    TCase *tc = tcase_create("import");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 280);
    tcase_add_test(tc, test_an_import_of_three_batches_round_trips_through_export);
    tcase_add_test(tc, test_an_import_past_max_import_items_is_413_and_writes_nothing);
    tcase_add_test(tc, test_an_id_of_2_63_minus_1_is_refused_and_later_ids_stay_small);
    tcase_add_test(tc, test_a_conflict_with_another_users_id_reads_as_with_ones_own);
    tcase_add_test(tc, test_ids_new_gives_fresh_ids_and_returns_the_map);
    tcase_add_test(tc, test_another_users_search_answers_during_a_large_import);
    tcase_add_test(tc, test_health_answers_while_the_only_handler_thread_imports);
    tcase_add_test(tc, test_a_full_handler_queue_is_503_and_the_rest_are_served);
    tcase_add_test(tc, test_one_memory_is_read_while_the_handler_queue_is_full);
    tcase_add_test(tc, test_a_server_stopping_under_an_import_takes_its_batches_back);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}

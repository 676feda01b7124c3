/* bench_attack.c: the resource attacks of issue 11, rerun against a started mnemod with
 * its default configuration (--model none), each while a prober sends GET /healthz every
 * 10 ms from 127.0.0.1, alternately on a kept-alive and on a fresh connection:
 * slowloris (N connections that trickle a header byte every 5 s, all from 127.0.0.2,
 * then spread over 100 addresses 127.0.1.x, then spread and each opened again as soon
 * as the daemon closes it), an import of many tiny lines while another
 * user searches, one past max_import_items, and unfinished uploads announcing 47 MiB
 * each. Reports per phase the probes' p50/p99/max and failures, and what the daemon
 * held (connections kept, RSS, peak RSS). The budget: /healthz p99 <= 50 ms in each
 * phase (docs/PERFORMANCE.md). Not a test: it measures. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bench/daemon.h"
#include "bench/http.h"

#define BUDGET_HEALTH_P99_MS 50.0

typedef struct opts {
    const char *mnemod, *workdir, *kinds;
    int secs, slow, uploads, import_items;
} opts_t;

/* A loop on its own thread until stop: /healthz probes (path NULL) or searches. */
typedef struct loop {
    const char *base, *path;
    atomic_int stop;
    bench_lat_t lat;
    long bad;
    long last_bad;      /* the status of the last failure (0: no reply) */
    pthread_t th;
} loop_t;

static void *loop_run(void *arg)
{
    loop_t *p = arg;
    bench_conn_t k;
    if (bench_conn_init(&k, p->base, NULL) < 0) return NULL;
    for (long i = 0; !atomic_load(&p->stop); i++) {
        double ms;
        int fresh = p->path ? 0 : (int)(i & 1);
        long st = bench_request(&k, "GET", p->path ? p->path : "/healthz", NULL, fresh, &ms);
        if (st == 200) bench_lat_add(&p->lat, ms);
        else {
            p->bad++;
            p->last_bad = st;
        }
        bench_sleep_ms(10);
    }
    bench_conn_free(&k);
    return NULL;
}

static void loop_start(loop_t *p, const char *base, const char *path)
{
    memset(p, 0, sizeof *p);
    p->base = base;
    p->path = path;
    pthread_create(&p->th, NULL, loop_run, p);
}

static void loop_report(loop_t *p, const char *what)
{
    atomic_store(&p->stop, 1);
    pthread_join(p->th, NULL);
    bench_sort(p->lat.v, p->lat.n);
    double p99 = bench_percentile(p->lat.v, p->lat.n, 0.99);
    printf("  %-10s %6ld ok  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  failed %ld",
           what, p->lat.n, bench_percentile(p->lat.v, p->lat.n, 0.50), p99,
           p->lat.n ? p->lat.v[p->lat.n - 1] : 0.0, p->bad);
    if (p->bad) printf(" (last: %ld)", p->last_bad);
    if (!p->path) printf("%s", p99 <= BUDGET_HEALTH_P99_MS && !p->bad ? "  [budget met]"
                                                                     : "  [over budget]");
    printf("\n");
    free(p->lat.v);
}

/* A raw connection from src (a loopback address) to the daemon; -1 when refused. */
static int dial_from(const char *src, int port)
{
    struct sockaddr_in a = {.sin_family = AF_INET}, d = {.sin_family = AF_INET};
    inet_pton(AF_INET, src, &a.sin_addr);
    d.sin_port = htons((uint16_t)port);
    d.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    if (bind(fd, (struct sockaddr *)&a, sizeof a) || connect(fd, (struct sockaddr *)&d, sizeof d)) {
        close(fd);
        return -1;
    }
    return fd;
}

/* 1 while the server has not closed fd (nothing to read yet). */
static int still_open(int fd)
{
    char c[256];
    ssize_t r = recv(fd, c, sizeof c, MSG_DONTWAIT);
    return r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

/* Holds n connections (their first bytes head) for secs, a byte every 5 s on each;
 * src(i) names the address of the i-th. With redial, a connection the daemon closes is
 * opened again at once (looked for every 100 ms), as an attacker would keep the
 * pressure on. Prints how many the daemon kept to the end. */
static void hold(int port, int n, const char *head, void (*src)(int, char *), int secs,
                 int redial)
{
    int *fd = malloc(sizeof *fd * (size_t)n);
    int refused = 0;
    long made = 0;
    for (int i = 0; i < n; i++) fd[i] = -1;
    double end = bench_now_s() + secs, next_byte = bench_now_s() + 5;
    for (int round = 0; round == 0 || bench_now_s() < end; round++) {
        for (int i = 0; i < n; i++) {
            if (fd[i] >= 0 && (!redial || still_open(fd[i]))) continue;
            if (fd[i] >= 0) close(fd[i]);
            if (round > 0 && !redial) continue;
            char addr[32];
            src(i, addr);
            fd[i] = dial_from(addr, port);
            made++;
            if (fd[i] < 0) refused++;
            else if (send(fd[i], head, strlen(head), MSG_NOSIGNAL) < 0) {
                close(fd[i]);
                fd[i] = -1;
            }
        }
        bench_sleep_ms(redial ? 100 : 500);
        if (bench_now_s() < next_byte) continue;
        next_byte += 5;
        for (int i = 0; i < n; i++)
            if (fd[i] >= 0 && send(fd[i], "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0) {
                close(fd[i]);
                fd[i] = -1;
            }
    }
    int open = 0;
    for (int i = 0; i < n; i++)
        if (fd[i] >= 0) {
            open += still_open(fd[i]);
            close(fd[i]);
        }
    printf("  %ld connections opened (%d refused), %d still open after %d s\n", made, refused,
           open, secs);
    free(fd);
}

static void src_one(int i, char *buf) { (void)i; strcpy(buf, "127.0.0.2"); }
static void src_spread(int i, char *buf) { sprintf(buf, "127.0.1.%d", 1 + i % 100); }

/* An import of n tiny lines for user imp; prints its status and time. */
static void import_lines(const char *base, int n)
{
    size_t cap = (size_t)n * 40 + 1, len = 0;
    char *body = malloc(cap), path[64];
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(body + len, cap - len, "{\"text\":\"tiny memory %07d\"}\n", i);
    bench_conn_t k;
    bench_conn_init(&k, base, NULL);
    curl_slist_free_all(k.h);
    k.h = curl_slist_append(NULL, "Content-Type: application/x-ndjson");
    curl_easy_setopt(k.c, CURLOPT_HTTPHEADER, k.h);
    snprintf(path, sizeof path, "/v1/users/imp%d/import", n);
    double ms;
    long st = bench_request(&k, "POST", path, body, 0, &ms);
    printf("  import of %d lines (%.1f MB): %ld in %.2f s%s%.120s\n", n, len / 1e6, st,
           ms / 1000, st == 200 ? "" : ": ", st == 200 ? "" : k.buf ? k.buf : k.err);
    bench_conn_free(&k);
    free(body);
}

static int usage(void)
{
    fprintf(stderr,
            "usage: bench-attack [options]\n"
            "  -s SECS       seconds each held attack lasts (default 30)\n"
            "  -k KINDS      the attacks, of slowloris,redial,import,uploads (default all)\n"
            "  --slow N      slowloris connections (default 400)\n"
            "  --uploads N   unfinished 47 MiB uploads (default 8)\n"
            "  --import N    tiny lines in the import (default 100000, max_import_items)\n"
            "  --mnemod PATH the daemon (default: the one built beside this tool)\n"
            "  --workdir DIR where its database goes (default: a fresh temporary folder)\n");
    return 2;
}

int main(int argc, char **argv)
{
    opts_t o = {.secs = 30, .slow = 400, .uploads = 8, .import_items = 100000,
                .kinds = "slowloris,redial,import,uploads"};
    char exe[4096], dir[4096], base[64];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) return usage();
        if (!strcmp(a, "-s")) o.secs = atoi(v);
        else if (!strcmp(a, "--slow")) o.slow = atoi(v);
        else if (!strcmp(a, "--uploads")) o.uploads = atoi(v);
        else if (!strcmp(a, "--import")) o.import_items = atoi(v);
        else if (!strcmp(a, "--mnemod")) o.mnemod = v;
        else if (!strcmp(a, "--workdir")) o.workdir = v;
        else if (!strcmp(a, "-k")) o.kinds = v;
        else return usage();
        i++;
    }
    int own = 0, port = 0;
    if (o.mnemod) snprintf(exe, sizeof exe, "%s", o.mnemod);
    else bench_beside_self(exe, sizeof exe, "../daemon/mnemod");
    if (bench_workdir("bench-attack", o.workdir, dir, sizeof dir, &own) < 0) return 1;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    pid_t pid = bench_spawn_mnemod_conf("bench-attack", exe, "none", dir, "", 2, &port);
    if (pid < 0) return 1;
    snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
    printf("bench-attack: mnemod %s (pid %ld, default config, --model none, 2 threads)\n",
           exe, (long)pid);

    /* user other: a few hundred memories to search during the import */
    bench_conn_t k;
    bench_conn_init(&k, base, NULL);
    for (int b = 0; b < 4; b++) {
        char *body = malloc(64 * 1024);
        size_t len = (size_t)sprintf(body, "{\"user\":\"other\",\"memories\":[");
        for (int i = 0; i < 100; i++)
            len += (size_t)sprintf(body + len, "%s{\"text\":\"my note %d about the garden and "
                                   "the river\"}", i ? "," : "", b * 100 + i);
        strcpy(body + len, "]}");
        bench_request(&k, "POST", "/v1/memories", body, 0, NULL);
        free(body);
    }
    bench_conn_free(&k);

    loop_t pr, se;
    printf("idle, %d s\n", 5);
    loop_start(&pr, base, NULL);
    bench_sleep_ms(5000);
    loop_report(&pr, "/healthz");

    if (bench_has_kind(o.kinds, "slowloris")) {
        static const char slow_head[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        printf("slowloris: %d connections from 127.0.0.2, a byte every 5 s\n", o.slow);
        loop_start(&pr, base, NULL);
        hold(port, o.slow, slow_head, src_one, o.secs, 0);
        loop_report(&pr, "/healthz");
        bench_sleep_ms(1000);

        printf("slowloris: %d connections spread over 127.0.1.1..100, a byte every 5 s\n",
               o.slow);
        loop_start(&pr, base, NULL);
        hold(port, o.slow, slow_head, src_spread, o.secs, 0);
        loop_report(&pr, "/healthz");
        bench_sleep_ms(1000);
    }

    if (bench_has_kind(o.kinds, "redial")) {
        static const char slow_head[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        printf("slowloris: %d connections spread over 127.0.1.1..100, a byte every 5 s, each "
               "opened again as soon as it is closed\n", o.slow);
        loop_start(&pr, base, NULL);
        hold(port, o.slow, slow_head, src_spread, o.secs, 1);
        loop_report(&pr, "/healthz");
        bench_sleep_ms(1000);
    }

    if (bench_has_kind(o.kinds, "import")) {
        int sizes[2] = {o.import_items, o.import_items * 3};
        for (int s = 0; s < 2; s++) {
            long hwm0 = bench_proc_kb(pid, "VmHWM:"), rss0 = bench_proc_kb(pid, "VmRSS:");
            printf("import: %d tiny lines while user other searches\n", sizes[s]);
            loop_start(&pr, base, NULL);
            loop_start(&se, base, "/v1/memories?user=other&k=10&q=garden%20river");
            import_lines(base, sizes[s]);
            loop_report(&pr, "/healthz");
            loop_report(&se, "search");
            printf("  RSS %ld -> %ld kB; peak RSS %ld -> %ld kB (+%.1f MB)\n", rss0,
                   bench_proc_kb(pid, "VmRSS:"), hwm0, bench_proc_kb(pid, "VmHWM:"),
                   (bench_proc_kb(pid, "VmHWM:") - hwm0) / 1024.0);
        }
    }

    if (bench_has_kind(o.kinds, "uploads")) {
        char up[512];
        snprintf(up, sizeof up, "POST /v1/users/up/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/x-ndjson\r\nContent-Length: %d\r\n\r\n", 47 << 20);
        printf("uploads: %d unfinished imports announcing 47 MiB, 1 MiB sent each\n", o.uploads);
        long rss0 = bench_proc_kb(pid, "VmRSS:");
        loop_start(&pr, base, NULL);
        int *fd = calloc((size_t)o.uploads, sizeof *fd);
        char *mib = malloc(1 << 20);
        memset(mib, '{', 1 << 20);
        for (int i = 0; i < o.uploads; i++) {
            fd[i] = dial_from("127.0.0.2", port);
            if (fd[i] < 0) continue;
            send(fd[i], up, strlen(up), MSG_NOSIGNAL);
            send(fd[i], mib, 1 << 20, MSG_NOSIGNAL);
        }
        bench_sleep_ms(3000);
        long rss1 = bench_proc_kb(pid, "VmRSS:");
        bench_sleep_ms(o.secs * 1000);      /* past idle_timeout: they should be closed */
        long rss2 = bench_proc_kb(pid, "VmRSS:");
        int open = 0;
        for (int i = 0; i < o.uploads; i++)
            if (fd[i] >= 0) {
                open += still_open(fd[i]);
                close(fd[i]);
            }
        loop_report(&pr, "/healthz");
        printf("  RSS %ld kB before, %ld kB 3 s in (+%.1f MB), %ld kB after %d s more with %d "
               "of them still open\n", rss0, rss1, (rss1 - rss0) / 1024.0, rss2, o.secs, open);
        free(mib);
        free(fd);
    }

    kill(pid, SIGTERM);
    if (own) bench_rmtree(dir);
    curl_global_cleanup();
    return 0;
}

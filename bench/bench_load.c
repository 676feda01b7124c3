/* bench_load.c: the daemon under load. Starts a mnemod with the shipped model (or uses
 * --server), gives one user N memories, then for each connection count C (-c 8,64) runs
 * a phase of C keep-alive connections sending POST /v1/chat turns as fast as they can,
 * one of C connections sending searches (GET /v1/memories?q=) and one of C connections
 * each writing one memory a request (POST /v1/memories, to a user of their own), and on
 * request (-k health) one of C connections sending GET /healthz; -k picks the phases,
 * and -k mixed runs the three at once on C connections dealt out in turn,
 * sampling the daemon's VmRSS and VmHWM over the run (issue 11's RSS after 10 minutes of
 * mixed load). Meanwhile a separate prober sends GET /healthz every few ms, alternately
 * on its own keep-alive connection and on a fresh one (as a kubelet or a load balancer
 * probes). Reports, per phase, chat turns/s or searches/s and their p50/p99, and /healthz
 * p50/p99/max under the load beside the same probes on the idle daemon (the ratio): the
 * budgets are /healthz p99 <= 50 ms under load and >= 1,000 chat turns/s at 8
 * connections (docs/PERFORMANCE.md). */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <curl/curl.h>
#include <jansson.h>

#include "bench/daemon.h"
#include "bench/http.h"
#include "model/persona.h"

#define BUDGET_HEALTH_P99_MS 50.0
#define BUDGET_CHAT_RATE 1000.0
#define PROBE_EVERY_MS 5
#define MAX_PHASES 8
#define RSS_EVERY_S 30

typedef struct opts {
    const char *server, *mnemod, *model, *dir, *conns, *kinds;
    long n, w;
    int threads;
    double secs, every;         /* every: seconds between RSS samples in the mixed phase */
} opts_t;

/* ---- texts from the persona generator -------------------------------------------- */

typedef struct texts {
    char **v;
    long n;
} texts_t;

static int texts_fill(texts_t *t, long want, uint64_t seed, int stmt_only)
{
    if (!(t->v = calloc((size_t)want, sizeof *t->v))) return -1;
    for (int idx = 0; t->n < want; idx++) {
        persona_story_t s;
        if (persona_story_make(&s, seed, idx, PERSONA_TRAIN) < 0) return -1;
        for (int i = 0; i < s.n && t->n < want; i++)
            if (!stmt_only || s.t[i].kind == PERSONA_STATEMENT)
                if (!(t->v[t->n++] = strdup(s.t[i].text))) {
                    persona_story_free(&s);
                    return -1;
                }
        persona_story_free(&s);
    }
    return 0;
}

static void texts_free(texts_t *t)
{
    for (long i = 0; i < t->n; i++) free(t->v[i]);
    free(t->v);
}

/* ---- one connection (bench/http.c) --------------------------------------------------- */

typedef bench_conn_t conn_t;

/* One request (body NULL: GET); fresh opens a new connection for it and closes it after.
 * The HTTP status, or 0 when none came; *ms its latency. */
static long request(conn_t *k, const char *path, const char *body, int fresh, double *ms)
{
    return bench_request(k, body ? "POST" : "GET", path, body, fresh, ms);
}

/* ---- latencies ------------------------------------------------------------------- */

static void lat_merge(bench_lat_t *into, const bench_lat_t *from)
{
    for (long i = 0; i < from->n; i++) bench_lat_add(into, from->v[i]);
}

/* ---- a phase: C workers and the prober ---------------------------------------------- */

/* K_HEALTH (GET /healthz as fast as it comes back: the cost of the HTTP path itself)
 * is a phase of its own only: the mixed phase deals out the kinds before it. */
enum { K_CHAT, K_SEARCH, K_WRITE, K_HEALTH, NKINDS };
#define NMIXED K_HEALTH
static const char *const kind_name[NKINDS] = {"chat", "search", "write", "health"};
static const char *const kind_what[NKINDS] = {"POST /v1/chat", "GET /v1/memories?q= (k=10)",
                                              "POST /v1/memories (one memory)", "GET /healthz"};
static const char *const kind_unit[NKINDS] = {"turns", "searches", "writes", "probes"};

typedef struct phase {
    const opts_t *o;
    const char *base, *user;
    const texts_t *msgs;
    int kind, conns;            /* kind: of every worker, unless mixed */
    int mixed;                  /* worker i sends kind i % NMIXED */
    atomic_int go, stop, ready;
    atomic_long errors[NKINDS], done[NKINDS];   /* done: answered since go */
} phase_t;

typedef struct worker {
    phase_t *p;
    int i, kind;
    pthread_t t;
    bench_lat_t lat;
} worker_t;

static char *chat_body(const phase_t *p, int i, long turn)
{
    char conv[96];
    snprintf(conv, sizeof conv, "%s-c%d", p->user, i);
    const char *msg = p->msgs->v[((long)i * 7919 + turn) % p->msgs->n];
    json_t *b = json_pack("{s:s,s:s,s:s}", "user", p->user, "conversation", conv, "message",
                          msg);
    char *d = json_dumps(b, JSON_COMPACT);
    json_decref(b);
    return d;
}

static int one(worker_t *w, conn_t *k, long turn, double *ms)
{
    phase_t *p = w->p;
    long st;
    if (w->kind == K_CHAT) {
        char *d = chat_body(p, w->i, turn);
        st = d ? request(k, "/v1/chat", d, 0, ms) : 0;
        free(d);
    } else if (w->kind == K_WRITE) {
        /* a user of its own, so the other phases' user does not grow; every text new */
        char user[96], text[640];
        snprintf(user, sizeof user, "%s-writes", p->user);
        snprintf(text, sizeof text, "%s (%d.%ld)", p->msgs->v[((long)w->i * 7919 + turn) %
                                                              p->msgs->n], w->i, turn);
        json_t *b = json_pack("{s:s,s:s}", "user", user, "text", text);
        char *d = json_dumps(b, JSON_COMPACT);
        json_decref(b);
        st = d ? request(k, "/v1/memories", d, 0, ms) : 0;
        free(d);
        if (st == 201) st = 200;
    } else if (w->kind == K_HEALTH) {
        st = request(k, "/healthz", NULL, 0, ms);
    } else {
        char path[768], *q = curl_easy_escape(k->c, p->msgs->v[((long)w->i * 7919 + turn) %
                                                                p->msgs->n], 0);
        snprintf(path, sizeof path, "/v1/memories?user=%s&k=10&q=%s", p->user, q ? q : "x");
        curl_free(q);
        st = request(k, path, NULL, 0, ms);
    }
    if (st != 200) atomic_fetch_add(&p->errors[w->kind], 1);
    return st == 200 ? 0 : -1;
}

static void *worker_run(void *arg)
{
    worker_t *w = arg;
    phase_t *p = w->p;
    conn_t k;
    long turn = 0;
    double ms;
    if (bench_conn_init(&k, p->base, NULL) < 0) {
        atomic_fetch_add(&p->ready, 1);
        return NULL;
    }
    /* A chat conversation first gets W exchanges, so its working memory is full. */
    for (; w->kind == K_CHAT && turn < p->o->w; turn++) one(w, &k, turn, &ms);
    atomic_fetch_add(&p->ready, 1);
    while (!atomic_load(&p->go)) bench_sleep_ms(1);
    while (!atomic_load(&p->stop)) {
        if (one(w, &k, turn++, &ms) == 0) {
            bench_lat_add(&w->lat, ms);
            atomic_fetch_add(&p->done[w->kind], 1);
        }
    }
    bench_conn_free(&k);
    return NULL;
}

/* Probes /healthz for secs: even probes on a kept-alive connection, odd ones each on a
 * fresh connection. */
static void probe(const char *base, double secs, bench_lat_t *kept, bench_lat_t *fresh, long *bad)
{
    conn_t k;
    if (bench_conn_init(&k, base, NULL) < 0) return;
    double end = bench_now_s() + secs, ms;
    for (long i = 0; bench_now_s() < end; i++) {
        int f = (int)(i & 1);
        if (request(&k, "/healthz", NULL, f, &ms) == 200)
            bench_lat_add(f ? fresh : kept, ms);
        else
            (*bad)++;
        bench_sleep_ms(PROBE_EVERY_MS);
    }
    bench_conn_free(&k);
}

static void summary(const char *what, bench_lat_t *l, double *p50, double *p99)
{
    bench_sort(l->v, l->n);
    *p50 = bench_percentile(l->v, l->n, 0.50);
    *p99 = bench_percentile(l->v, l->n, 0.99);
    printf("    %-22s %6ld  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what, l->n, *p50,
           *p99, l->n ? l->v[l->n - 1] : 0.0);
}

/* The /healthz probes of a phase, kept-alive, fresh and both (merged into all), against
 * their budget and the idle daemon's p99; returns the p99 of all. */
static double health_report(bench_lat_t *kept, bench_lat_t *fresh, bench_lat_t *all, long bad,
                            double idle_p99)
{
    double p50, p99;
    summary("/healthz kept-alive", kept, &p50, &p99);
    summary("/healthz fresh conn", fresh, &p50, &p99);
    lat_merge(all, kept);
    lat_merge(all, fresh);
    summary("/healthz all", all, &p50, &p99);
    printf("    /healthz p99 x%.1f of idle; %ld probes failed (budget p99 <= %.0f ms: %s)\n",
           idle_p99 > 0 ? p99 / idle_p99 : 0.0, bad, BUDGET_HEALTH_P99_MS,
           p99 <= BUDGET_HEALTH_P99_MS && bad == 0 ? "met" : "MISSED");
    return p99;
}

/* The 1-minute load average, -1 when unknown. */
static double loadavg(void)
{
    double l = -1;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%lf", &l) != 1) l = -1;
        fclose(f);
    }
    return l;
}

/* CPU seconds (user + system) pid has used so far, from /proc; -1 when unknown. */
static double cpu_seconds(pid_t pid)
{
    char path[64], buf[1024];
    unsigned long ut = 0, st = 0;
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *f = pid > 0 ? fopen(path, "r") : NULL;
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *p = strrchr(buf, ')');    /* the command may hold spaces */
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
        return -1;
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* Starts p->conns workers and waits until each is ready (a chat one after its
 * conversation's warm-up, which *warm times). The workers, the caller's to pass to
 * workers_join; NULL when out of memory. */
static worker_t *workers_start(phase_t *p, double *warm)
{
    worker_t *w = calloc((size_t)p->conns, sizeof *w);
    if (!w) return NULL;
    for (int i = 0; i < p->conns; i++) {
        w[i] = (worker_t){.p = p, .i = i, .kind = p->mixed ? i % NMIXED : p->kind};
        if (pthread_create(&w[i].t, NULL, worker_run, &w[i]) != 0) {
            fprintf(stderr, "bench-load: cannot start a thread\n");
            exit(1);
        }
    }
    double tw = bench_now_s();
    while (atomic_load(&p->ready) < p->conns) bench_sleep_ms(5);
    *warm = bench_now_s() - tw;
    return w;
}

/* Waits for the workers (p->stop set) and frees them; each one's latencies go into
 * done[its kind]. */
static void workers_join(worker_t *w, int conns, bench_lat_t done[NKINDS])
{
    for (int i = 0; i < conns; i++) {
        pthread_join(w[i].t, NULL);
        lat_merge(&done[w[i].kind], &w[i].lat);
        free(w[i].lat.v);
    }
    free(w);
}

/* One phase; returns /healthz p99 (both kinds of probe together). pid: the started
 * daemon, whose CPU time is reported (-1: a --server daemon, not reported). */
static double run_phase(const opts_t *o, pid_t pid, const char *base, const char *user,
                        const texts_t *msgs, int kind, int conns, double idle_p99)
{
    phase_t p = {.o = o, .base = base, .user = user, .msgs = msgs, .kind = kind,
                 .conns = conns};
    double warm;
    worker_t *w = workers_start(&p, &warm);
    if (!w) return -1;
    bench_sleep_ms(200);    /* reset the clock once every worker is sending */
    double cpu0 = cpu_seconds(pid), wall0 = bench_now_s();
    atomic_store(&p.go, 1);
    bench_sleep_ms(500);    /* every connection busy before the probes start */
    bench_lat_t kept = {0}, fresh = {0}, all = {0}, dk[NKINDS] = {{0}};
    long bad = 0;
    double t0 = bench_now_s();
    probe(base, o->secs, &kept, &fresh, &bad);
    atomic_store(&p.stop, 1);
    double secs = bench_now_s() - t0 + 0.5;
    double cpu = cpu_seconds(pid) - cpu0, wall = bench_now_s() - wall0;
    workers_join(w, conns, dk);
    bench_lat_t done = dk[kind];
    double p50, p99;
    printf("  %s at %d connections (%.1f s measured%s):\n", kind_what[kind], conns, secs,
           kind == K_CHAT ? ", after each conversation's warm-up" : "");
    if (kind == K_CHAT)
        printf("    warm-up                %ld exchanges per conversation in %.1f s\n", o->w,
               warm);
    summary(kind == K_CHAT ? "chat turns" : kind_unit[kind], &done, &p50, &p99);
    printf("    rate                   %.0f %s/s%s, %ld errors\n", (double)done.n / secs,
           kind_unit[kind],
           kind == K_CHAT && conns == 8
               ? ((double)done.n / secs >= BUDGET_CHAT_RATE ? " (budget >= 1000 at 8: met)"
                                                            : " (budget >= 1000 at 8: MISSED)")
               : "",
           (long)atomic_load(&p.errors[kind]));
    if (cpu0 >= 0 && done.n)
        printf("    daemon CPU             %.2f cores busy, %.2f ms of CPU a %s (all %ld CPUs "
               "free would allow about %.0f/s)\n", cpu / wall, 1e3 * cpu / (double)done.n,
               kind == K_CHAT ? "turn" : kind == K_SEARCH ? "search" :
               kind == K_WRITE ? "write" : "probe",
               sysconf(_SC_NPROCESSORS_ONLN),
               (double)sysconf(_SC_NPROCESSORS_ONLN) * (double)done.n / cpu);
    double h99 = health_report(&kept, &fresh, &all, bad, idle_p99);
    free(kept.v);
    free(fresh.v);
    free(all.v);
    free(done.v);
    return h99;
}

/* ---- the mixed phase: every kind at once, the daemon's RSS over the run -------------- */

typedef struct rss_sample {
    double t, load;             /* seconds since the measurement began; load average */
    long rss, hwm;              /* kB, -1 when unknown */
    long done[NKINDS];          /* requests of each kind answered by then */
} rss_sample_t;

typedef struct sampler {
    const phase_t *p;
    pid_t pid;
    double t0, until, every;    /* the sampler thread takes none after until */
    atomic_int stop;
    rss_sample_t *v;            /* [cap]: the start, the sampler's, the end; owned */
    long n, cap;
} sampler_t;

static void sample_fill(const sampler_t *s, rss_sample_t *x)
{
    x->t = bench_now_s() - s->t0;
    x->load = loadavg();
    x->rss = bench_proc_kb(s->pid, "VmRSS:");
    x->hwm = bench_proc_kb(s->pid, "VmHWM:");
    for (int k = 0; k < NKINDS; k++) x->done[k] = atomic_load(&s->p->done[k]);
}

static void sample_take(sampler_t *s)
{
    if (s->n < s->cap) sample_fill(s, &s->v[s->n++]);
}

/* A sample every s->every seconds from s->t0 until s->until or s->stop. */
static void *sampler_run(void *arg)
{
    sampler_t *s = arg;
    for (double next = s->t0 + s->every; next <= s->until && !atomic_load(&s->stop);
         next += s->every) {
        while (bench_now_s() < next && !atomic_load(&s->stop)) bench_sleep_ms(50);
        if (!atomic_load(&s->stop)) sample_take(s);
    }
    return NULL;
}

static void sample_print(const char *when, const rss_sample_t *x)
{
    printf("    %-12s %9ld %9ld %9ld %9ld %9ld %6.2f\n", when, x->rss, x->hwm,
           x->done[K_CHAT], x->done[K_SEARCH], x->done[K_WRITE], x->load);
}

/* The mixed phase: conns workers at once, worker i sending kind i % NMIXED, for o->secs
 * with the prober beside them and the daemon's VmRSS / VmHWM sampled (pid; -1 for a
 * --server daemon, whose memory is not read) before the workers start, when the
 * measurement begins, every o->every seconds and at its end. */
static void run_mixed(const opts_t *o, pid_t pid, const char *base, const char *user,
                      const texts_t *msgs, int conns, double idle_p99)
{
    phase_t p = {.o = o, .base = base, .user = user, .msgs = msgs, .conns = conns,
                 .mixed = 1};
    sampler_t s = {.p = &p, .pid = pid, .every = o->every,
                   .cap = (long)(o->secs / o->every) + 2, .t0 = bench_now_s()};
    rss_sample_t before;
    sample_fill(&s, &before);
    double warm;
    worker_t *w = NULL;
    if (!(s.v = calloc((size_t)s.cap, sizeof *s.v)) || !(w = workers_start(&p, &warm))) {
        fprintf(stderr, "bench-load: out of memory\n");
        free(s.v);
        return;
    }
    bench_sleep_ms(200);    /* reset the clock once every worker is sending */
    double cpu0 = cpu_seconds(pid), wall0 = bench_now_s();
    atomic_store(&p.go, 1);
    bench_sleep_ms(500);    /* every connection busy before the probes start */
    s.t0 = bench_now_s();
    s.until = s.t0 + o->secs - 1;
    sample_take(&s);
    pthread_t th;
    int sampling = pthread_create(&th, NULL, sampler_run, &s) == 0;
    bench_lat_t kept = {0}, fresh = {0}, all = {0}, done[NKINDS] = {{0}};
    long bad = 0;
    probe(base, o->secs, &kept, &fresh, &bad);
    atomic_store(&p.stop, 1);
    atomic_store(&s.stop, 1);
    if (sampling) pthread_join(th, NULL);
    double secs = bench_now_s() - s.t0 + 0.5;
    double cpu = cpu_seconds(pid) - cpu0, wall = bench_now_s() - wall0;
    workers_join(w, conns, done);
    sample_take(&s);
    int per[NKINDS] = {0};
    for (int i = 0; i < conns; i++) per[i % NMIXED]++;
    printf("  mixed at %d connections, %d chat, %d search, %d write at once (%.1f s measured, "
           "after each conversation's warm-up):\n", conns, per[K_CHAT], per[K_SEARCH],
           per[K_WRITE], secs);
    if (per[K_CHAT])
        printf("    warm-up                %ld exchanges per conversation in %.1f s\n", o->w,
               warm);
    double p50, p99;
    for (int k = 0; k < NKINDS; k++) {
        if (!per[k]) continue;
        summary(k == K_CHAT ? "chat turns" : kind_unit[k], &done[k], &p50, &p99);
        printf("    rate                   %.0f %s/s, %ld errors\n", (double)done[k].n / secs,
               kind_unit[k], (long)atomic_load(&p.errors[k]));
        free(done[k].v);
    }
    if (cpu0 >= 0)
        printf("    daemon CPU             %.2f cores busy\n", cpu / wall);
    health_report(&kept, &fresh, &all, bad, idle_p99);
    printf("    the daemon's memory (kB) and the requests answered, every %.0f s:\n"
           "    %-12s %9s %9s %9s %9s %9s %6s\n", o->every, "at", "VmRSS", "VmHWM",
           kind_unit[K_CHAT], kind_unit[K_SEARCH], kind_unit[K_WRITE], "load");
    sample_print("before", &before);
    for (long i = 0; i < s.n; i++) {
        char when[32];
        snprintf(when, sizeof when, "%s%.0f s", i == 0 ? "start " : i == s.n - 1 ? "end " : "",
                 s.v[i].t);
        sample_print(when, &s.v[i]);
    }
    const rss_sample_t *a = &s.v[0], *z = &s.v[s.n - 1];
    if (a->rss >= 0 && z->rss >= 0)
        printf("    VmRSS %+.1f MB from start to end, VmHWM %+.1f MB (%ld memories written, "
               "%ld chat turns)\n", (double)(z->rss - a->rss) / 1024.0,
               (double)(z->hwm - a->hwm) / 1024.0, z->done[K_WRITE] - a->done[K_WRITE],
               z->done[K_CHAT] - a->done[K_CHAT]);
    free(kept.v);
    free(fresh.v);
    free(all.v);
    free(s.v);
}

/* ---- setup -------------------------------------------------------------------------- */

static int load_memories(const char *base, const char *user, const texts_t *t, long n)
{
    conn_t k;
    int rc = 0;
    if (bench_conn_init(&k, base, NULL) < 0) return -1;
    for (long b = 0; b < n && rc == 0; b += 500) {
        json_t *items = json_array();
        for (long i = b; i < b + 500 && i < n; i++)
            json_array_append_new(items, json_pack("{s:s}", "text", t->v[i % t->n]));
        json_t *body = json_pack("{s:s,s:o}", "user", user, "memories", items);
        char *d = json_dumps(body, JSON_COMPACT);
        json_decref(body);
        long st = d ? request(&k, "/v1/memories", d, 0, NULL) : 0;
        free(d);
        if (st != 201) {
            fprintf(stderr, "bench-load: POST /v1/memories: %ld %.300s\n", st,
                    k.buf ? k.buf : "");
            rc = -1;
        }
    }
    bench_conn_free(&k);
    return rc;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: bench-load [-n N] [-w W] [-c C1,C2,..] [-k KINDS] [-s SECS] [-t T]\n"
            "                  [--rss-every SECS] [--model FILE]\n"
            "                  [--server URL] [--mnemod PATH] [--dir DIR]\n"
            "  -n N            long-term memories of the user (default 10000)\n"
            "  -w W            exchanges in each chat conversation before it is timed\n"
            "                  (default 64)\n"
            "  -c C1,C2,..     connection counts, a phase of each kind at each (default 8,64)\n"
            "  -k KINDS        the phases, of chat,search,write,health,mixed (default the\n"
            "                  first three); health: GET /healthz; mixed: chat, search\n"
            "                  and write at once, the C connections dealt out in turn,\n"
            "                  the daemon's RSS sampled during it\n"
            "  -s SECS         seconds each phase is measured (default 10)\n"
            "  --rss-every SECS  seconds between RSS samples of the mixed phase (default %d)\n"
            "  -t T            worker threads of the started mnemod (default 2, its default)\n"
            "  --model FILE    the model the started mnemod loads (default\n"
            "                  model/default.mnemo of the source tree)\n"
            "  --server URL    use a running mnemod (no tokens) instead of starting one; it\n"
            "                  must take C+2 connections from one address\n"
            "  --mnemod PATH   the mnemod to start (default ../daemon/mnemod beside this binary)\n"
            "  --dir DIR       where the started mnemod keeps its database (default a new\n"
            "                  directory under $TMPDIR or /tmp, removed afterwards)\n",
            RSS_EVERY_S);
}

static int parse_opts(int argc, char **argv, opts_t *o)
{
    *o = (opts_t){.n = 10000, .w = 64, .secs = 10, .conns = "8,64", .threads = 2,
                  .kinds = "chat,search,write", .every = RSS_EVERY_S};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        }
        if (!v) {
            fprintf(stderr, "bench-load: %s needs a value\n", a);
            return -1;
        }
        i++;
        if (strcmp(a, "-n") == 0) o->n = atol(v);
        else if (strcmp(a, "-w") == 0) o->w = atol(v);
        else if (strcmp(a, "-c") == 0) o->conns = v;
        else if (strcmp(a, "-k") == 0) o->kinds = v;
        else if (strcmp(a, "-s") == 0) o->secs = atof(v);
        else if (strcmp(a, "-t") == 0) o->threads = atoi(v);
        else if (strcmp(a, "--rss-every") == 0) o->every = atof(v);
        else if (strcmp(a, "--model") == 0) o->model = v;
        else if (strcmp(a, "--server") == 0) o->server = v;
        else if (strcmp(a, "--mnemod") == 0) o->mnemod = v;
        else if (strcmp(a, "--dir") == 0) o->dir = v;
        else {
            fprintf(stderr, "bench-load: unknown option %s\n", a);
            return -1;
        }
    }
    if (o->n < 0 || o->w < 0 || o->secs <= 0 || o->threads < 1 || o->threads > 256 ||
        !(o->every >= 1)) {
        fprintf(stderr, "bench-load: -n and -w must be >= 0, -s > 0, -t 1..256, "
                "--rss-every >= 1\n");
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    opts_t o;
    if (parse_opts(argc, argv, &o) < 0) {
        usage(stderr);
        return 2;
    }
    int conns[MAX_PHASES], nconns = 0, maxc = 0;
    for (const char *c = o.conns; *c && nconns < MAX_PHASES; c += strspn(c, ",")) {
        conns[nconns] = (int)strtol(c, (char **)&c, 10);
        if (conns[nconns] < 1 || conns[nconns] > 1000) {
            fprintf(stderr, "bench-load: -c takes counts from 1 to 1000\n");
            return 2;
        }
        if (conns[nconns] > maxc) maxc = conns[nconns];
        nconns++;
    }
    char mnemod[PATH_MAX], model[PATH_MAX], dir[PATH_MAX] = "", base[128], user[64];
    pid_t pid = -1;
    int own_dir = 0, rc = 1;
    texts_t mem = {0}, msgs = {0};
    snprintf(user, sizeof user, "bench-load-%ld", (long)getpid());
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (texts_fill(&mem, o.n ? o.n : 1, 7, 1) < 0 || texts_fill(&msgs, 20000, 11, 0) < 0) {
        fprintf(stderr, "bench-load: out of memory\n");
        goto done;
    }
    if (o.server) {
        snprintf(base, sizeof base, "%s", o.server);
    } else {
        if (o.model) snprintf(model, sizeof model, "%s", o.model);
        else bench_beside_self(model, sizeof model, "../../model/default.mnemo");
        if (access(model, R_OK) != 0) {
            fprintf(stderr, "bench-load: no model %s (give --model)\n", model);
            goto done;
        }
        if (o.mnemod) snprintf(mnemod, sizeof mnemod, "%s", o.mnemod);
        else bench_beside_self(mnemod, sizeof mnemod, "../daemon/mnemod");
        if (bench_workdir("bench-load", o.dir, dir, sizeof dir, &own_dir) < 0) goto done;
        /* Room for every worker, the prober's two connections and a closing one. */
        char conf[128];
        snprintf(conf, sizeof conf, "max_connections_per_address = %d\n", maxc + 8);
        int port = 0;
        if ((pid = bench_spawn_mnemod_conf("bench-load", mnemod, model, dir, conf, o.threads,
                                           &port)) < 0)
            goto done;
        snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
    }
    conn_t k;
    if (bench_conn_init(&k, base, NULL) < 0) goto done;
    for (int i = 0; i < 600 && request(&k, "/readyz", NULL, 0, NULL) != 200; i++)
        bench_sleep_ms(100);
    bench_conn_free(&k);
    double t0 = bench_now_s();
    if (o.n && load_memories(base, user, &mem, o.n) < 0) goto done;
    printf("bench-load: %s", o.server ? o.server : mnemod);
    if (!o.server) printf(" (%d worker threads)", o.threads);
    printf(", %ld CPUs online, load average %.2f at the start\n", sysconf(_SC_NPROCESSORS_ONLN),
           loadavg());
    printf("  setup     N %ld memories of one user (loaded in %.1f s); every chat connection "
           "has its own conversation of that user\n", o.n, bench_now_s() - t0);
    bench_lat_t ik = {0}, ifr = {0}, iall = {0};
    long bad = 0;
    double i50, i99;
    probe(base, 2.0, &ik, &ifr, &bad);
    lat_merge(&iall, &ik);
    lat_merge(&iall, &ifr);
    printf("  idle:\n");
    summary("/healthz all", &iall, &i50, &i99);
    free(ik.v);
    free(ifr.v);
    free(iall.v);
    for (int c = 0; c < nconns; c++) {
        for (int k = 0; k < NKINDS; k++)
            if (bench_has_kind(o.kinds, kind_name[k]))
                run_phase(&o, pid, base, user, &msgs, k, conns[c], i99);
        if (bench_has_kind(o.kinds, "mixed")) run_mixed(&o, pid, base, user, &msgs, conns[c], i99);
    }
    printf("  load average %.2f at the end\n", loadavg());
    rc = 0;
done:
    if (pid > 0) {
        kill(pid, SIGTERM);
        int st = 0;
        waitpid(pid, &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "bench-load: mnemod did not exit cleanly on SIGTERM (log in %s)\n",
                    dir);
            rc = 1;
            own_dir = 0;
        }
    }
    if (own_dir) bench_rmtree(dir);
    texts_free(&mem);
    texts_free(&msgs);
    curl_global_cleanup();
    return rc;
}

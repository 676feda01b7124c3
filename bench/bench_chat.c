/* bench_chat.c: chat-turn latency through the HTTP API. Starts a mnemod with a model on a
 * fresh database (or uses --server), gives one user N long-term memories (batched POST
 * /v1/memories), fills one conversation with W exchanges so its working memory is full,
 * then times M more POST /v1/chat turns on one keep-alive connection: p50/p90/p99 and
 * turns/s against the p50 <= 5 ms budget (W=64, 10k memories). Messages and memories
 * come from the personal-fact generator (model/persona.h), so retrieval has real
 * competition: statements, questions and small talk as a person would send them. With
 * --openai the measured turns go in turn through POST /v1/chat, POST /v1/chat/completions
 * and the same streamed, so the OpenAI-compatible route is timed beside /v1/chat in one
 * run, on the same conversation and memories. */
#define _XOPEN_SOURCE 700   /* nftw */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>
#include <jansson.h>

#include "bench/daemon.h"
#include "bench/http.h"
#include "model/model_internal.h"
#include "model/persona.h"

#define BUDGET_P50_MS 5.0

typedef struct opts {
    const char *server, *mnemod, *model, *encoder, *token, *user, *dir;
    long n, w, m, batch;
    int openai;               /* rotate the measured turns over the routes below */
} opts_t;

/* The routes a turn can take: POST /v1/chat, POST /v1/chat/completions, and the same
 * with "stream": true (Server-Sent Events). */
enum { R_CHAT, R_COMPLETIONS, R_STREAM, R_N };
static const char *const route_name[R_N] = {"/v1/chat", "/v1/chat/completions",
                                            "/v1/chat/completions stream"};

/* ---- messages: persona stories' turns, one after another ------------------------- */

typedef struct texts {
    char **v;
    int *kind;                /* enum persona_kind */
    long n, cap;
} texts_t;

static int texts_add(texts_t *t, const char *s, int kind)
{
    if (t->n == t->cap) {
        long cap = t->cap ? t->cap * 2 : 1024;
        char **v = realloc(t->v, (size_t)cap * sizeof *v);
        int *k = realloc(t->kind, (size_t)cap * sizeof *k);
        if (v)
            t->v = v;
        if (k)
            t->kind = k;
        if (!v || !k)
            return -1;
        t->cap = cap;
    }
    if (!(t->v[t->n] = strdup(s)))
        return -1;
    t->kind[t->n++] = kind;
    return 0;
}

static void texts_free(texts_t *t)
{
    for (long i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    free(t->kind);
}

/* At least `want` turns (statements only when stmt_only) of stories seed, 0, 1, ... */
static int texts_fill(texts_t *t, long want, uint64_t seed, int stmt_only)
{
    for (int idx = 0; t->n < want; idx++) {
        persona_story_t s;
        if (persona_story_make(&s, seed, idx, PERSONA_TRAIN) < 0)
            return -1;
        for (int i = 0; i < s.n && t->n < want; i++)
            if ((!stmt_only || s.t[i].kind == PERSONA_STATEMENT) &&
                texts_add(t, s.t[i].text, s.t[i].kind) < 0) {
                persona_story_free(&s);
                return -1;
            }
        persona_story_free(&s);
    }
    return 0;
}

/* ---- the daemon, when we start it ------------------------------------------------ */

/* ---- one keep-alive connection (bench/http.c) -------------------------------------- */

typedef bench_conn_t conn_t;

/* One request; the body (NUL-terminated) stays in k->buf. Returns the HTTP status, or 0
 * with the reason printed. */
static long request(conn_t *k, const char *method, const char *path, const char *body)
{
    long status = bench_request(k, method, path, body, 0, NULL);
    if (!status) fprintf(stderr, "bench-chat: %s %s: %s\n", method, path, k->err);
    return status;
}

/* ---- the benchmark ---------------------------------------------------------------- */

/* Posts n memories of texts to user in batches. 0 or -1. */
static int load_memories(conn_t *k, const opts_t *o, const texts_t *t)
{
    for (long b = 0; b < o->n; b += o->batch) {
        json_t *items = json_array();
        for (long i = b; i < b + o->batch && i < o->n; i++)
            json_array_append_new(items, json_pack("{s:s}", "text", t->v[i % t->n]));
        json_t *body = json_pack("{s:s,s:o}", "user", o->user, "memories", items);
        char *d = json_dumps(body, JSON_COMPACT);
        json_decref(body);
        long st = d ? request(k, "POST", "/v1/memories", d) : 0;
        free(d);
        if (st != 201) {
            fprintf(stderr, "bench-chat: POST /v1/memories: %ld %.300s\n", st,
                    k->buf ? k->buf : "");
            return -1;
        }
    }
    return 0;
}

/* The turn object in a reply of route: the body (/v1/chat), its "mnemo"
 * (/v1/chat/completions) or the "mnemo" of the event that carries it (streamed). A new
 * reference, or NULL. */
static json_t *turn_of(const char *body, int route)
{
    json_t *r = NULL;
    if (route != R_STREAM)
        r = json_loads(body, 0, NULL);
    for (const char *p = body; route == R_STREAM && p && *p; p = strchr(p, '\n')) {
        p += strspn(p, "\n");
        if (strncmp(p, "data: {", 7) != 0)
            continue;
        json_t *c = json_loadb(p + 6, strcspn(p + 6, "\n"), 0, NULL);
        if (json_object_get(c, "mnemo")) {
            r = c;
            break;
        }
        json_decref(c);
    }
    if (!r || route == R_CHAT)
        return r;
    json_t *t = json_incref(json_object_get(r, "mnemo"));
    json_decref(r);
    return t;
}

/* One chat turn through route; *natt and *nmem get the reply's attention and memories
 * counts. Returns the latency in ms, or -1. */
static double chat(conn_t *k, const opts_t *o, const char *conv, const char *msg, int route,
                   int *natt, int *nmem, int *statement)
{
    json_t *body = route == R_CHAT
        ? json_pack("{s:s,s:s,s:s}", "user", o->user, "conversation", conv, "message", msg)
        : json_pack("{s:s,s:s,s:{s:s},s:[{s:s,s:s}],s:b}", "model", "bench", "user", o->user,
                    "metadata", "conversation", conv, "messages", "role", "user", "content",
                    msg, "stream", route == R_STREAM);
    const char *path = route == R_CHAT ? "/v1/chat" : "/v1/chat/completions";
    char *d = json_dumps(body, JSON_COMPACT);
    json_decref(body);
    if (!d)
        return -1;
    double t0 = bench_now_s();
    long st = request(k, "POST", path, d);
    double ms = (bench_now_s() - t0) * 1e3;
    free(d);
    if (st != 200) {
        fprintf(stderr, "bench-chat: POST %s: %ld %.300s\n", path, st, k->buf ? k->buf : "");
        return -1;
    }
    json_t *r = turn_of(k->buf, route);
    *natt = (int)json_array_size(json_object_get(r, "attention"));
    *nmem = (int)json_array_size(json_object_get(r, "memories"));
    const char *kind = json_string_value(json_object_get(r, "kind"));
    *statement = kind && strcmp(kind, "statement") == 0;
    json_decref(r);
    return ms;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: bench-chat [-n N] [-w W] [-m M] [--model FILE] [--encoder FILE|none]\n"
            "                  [--server URL]\n"
            "                  [--mnemod PATH] [--dir DIR] [--token SECRET] [--user U]\n"
            "  -n N            long-term memories of the user (default 10000)\n"
            "  -w W            exchanges filling the conversation first (default 64)\n"
            "  -m M            chat turns measured (default 500)\n"
            "  --model FILE    the model the started mnemod loads (default\n"
            "                  model/default.mnemo of the source tree)\n"
            "  --encoder FILE  its sentence encoder (default model/senc.mnemo of the source\n"
            "                  tree, as scripts/run.sh; none: no encoder line in the\n"
            "                  config, the daemon's default)\n"
            "  --server URL    use a running mnemod instead of starting one (its model)\n"
            "  --mnemod PATH   the mnemod to start (default ../daemon/mnemod beside this binary)\n"
            "  --dir DIR       where the started mnemod keeps its database (default a new\n"
            "                  directory under $TMPDIR or /tmp, removed afterwards)\n"
            "  --token SECRET  bearer token (default $MNEMO_TOKEN)\n"
            "  --user U        the user (default bench-chat-<pid>; deleted afterwards from a\n"
            "                  --server daemon)\n"
            "  --openai        measured turns in turn through /v1/chat, /v1/chat/completions\n"
            "                  and /v1/chat/completions streamed; p50/p99 of each\n");
}

static int parse_opts(int argc, char **argv, opts_t *o)
{
    static char user[64];
    snprintf(user, sizeof user, "bench-chat-%ld", (long)getpid());
    *o = (opts_t){.n = 10000, .w = 64, .m = 500, .batch = 500, .user = user,
                  .token = getenv("MNEMO_TOKEN")};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        }
        if (strcmp(a, "--openai") == 0) {
            o->openai = 1;
            continue;
        }
        if (!v) {
            fprintf(stderr, "bench-chat: %s needs a value\n", a);
            return -1;
        }
        i++;
        if (strcmp(a, "-n") == 0)
            o->n = atol(v);
        else if (strcmp(a, "-w") == 0)
            o->w = atol(v);
        else if (strcmp(a, "-m") == 0)
            o->m = atol(v);
        else if (strcmp(a, "--model") == 0)
            o->model = v;
        else if (strcmp(a, "--encoder") == 0)
            o->encoder = v;
        else if (strcmp(a, "--server") == 0)
            o->server = v;
        else if (strcmp(a, "--mnemod") == 0)
            o->mnemod = v;
        else if (strcmp(a, "--dir") == 0)
            o->dir = v;
        else if (strcmp(a, "--token") == 0)
            o->token = v;
        else if (strcmp(a, "--user") == 0)
            o->user = v;
        else {
            fprintf(stderr, "bench-chat: unknown option %s\n", a);
            return -1;
        }
    }
    if (o->n < 0 || o->w < 0 || o->m <= 0) {
        fprintf(stderr, "bench-chat: -n and -w must be >= 0, -m > 0\n");
        return -1;
    }
    return 0;
}

static void machine(char *buf, size_t len)
{
    char line[512], cpu[256] = "unknown CPU";
    FILE *f = fopen("/proc/cpuinfo", "r");
    while (f && fgets(line, sizeof line, f)) {
        char *c = strchr(line, ':');
        if (strncmp(line, "model name", 10) == 0 && c) {
            snprintf(cpu, sizeof cpu, "%s", c + 2);
            cpu[strcspn(cpu, "\n")] = '\0';
            break;
        }
    }
    if (f)
        fclose(f);
    snprintf(buf, len, "%ld CPUs online (nproc), %s", sysconf(_SC_NPROCESSORS_ONLN), cpu);
}

int main(int argc, char **argv)
{
    opts_t o;
    if (parse_opts(argc, argv, &o) < 0) {
        usage(stderr);
        return 2;
    }
    char mnemod[PATH_MAX], model[PATH_MAX], dir[PATH_MAX] = "", base[256], conv[96],
        where[3 * PATH_MAX + 96];
    pid_t pid = -1;
    int own_dir = 0, rc = 1, natt = 0, nmem = 0, maxmem = 0, stmt = 0;
    long nstmt = 0;
    texts_t mem = {0}, msgs = {0};
    /* by the kind of message sent: statements, questions (never-told ones too), small talk */
    double *lat = calloc((size_t)o.m, sizeof *lat), *by[3], *per[R_N];
    long nby[3] = {0}, nper[R_N] = {0};
    for (int g = 0; g < 3; g++)
        by[g] = calloc((size_t)o.m, sizeof *lat);
    for (int g = 0; g < R_N; g++)
        per[g] = calloc((size_t)o.m, sizeof *lat);
    conn_t k = {0};
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (!lat || !by[0] || !by[1] || !by[2] || !per[0] || !per[1] || !per[2] || texts_fill(&mem, o.n ? o.n : 1, 7, 1) < 0 ||
        texts_fill(&msgs, o.w + o.m, 11, 0) < 0) {
        fprintf(stderr, "bench-chat: out of memory\n");
        goto done;
    }
    if (o.server) {
        snprintf(base, sizeof base, "%s", o.server);
        snprintf(where, sizeof where, "%s (its model)", o.server);
    } else {
        if (o.model)
            snprintf(model, sizeof model, "%s", o.model);
        else
            bench_beside_self(model, sizeof model, "../../model/default.mnemo");
        if (access(model, R_OK) != 0) {
            fprintf(stderr, "bench-chat: no model %s (train one, or give --model)\n", model);
            goto done;
        }
        if (o.mnemod)
            snprintf(mnemod, sizeof mnemod, "%s", o.mnemod);
        else
            bench_beside_self(mnemod, sizeof mnemod, "../daemon/mnemod");
        if (bench_workdir("bench-chat", o.dir, dir, sizeof dir, &own_dir) < 0)
            goto done;
        char encoder[PATH_MAX], conf[PATH_MAX + 32];
        if (o.encoder)
            snprintf(encoder, sizeof encoder, "%s", o.encoder);
        else
            bench_beside_self(encoder, sizeof encoder, "../../model/senc.mnemo");
        if (strcmp(encoder, "none") != 0 && access(encoder, R_OK) != 0) {
            fprintf(stderr, "bench-chat: no encoder %s (give --encoder FILE or none)\n", encoder);
            goto done;
        }
        /* none: no line at all (the daemon's default, and a mnemod older than the encoder
         * knows no such key) */
        snprintf(conf, sizeof conf, "%s%s%s", strcmp(encoder, "none") ? "encoder = " : "",
                 strcmp(encoder, "none") ? encoder : "", strcmp(encoder, "none") ? "\n" : "");
        int port = 0;
        if ((pid = bench_spawn_mnemod_conf("bench-chat", mnemod, model, dir, conf, 2, &port)) < 0)
            goto done;
        snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
        char err[256];
        model_t *mm = model_load(model, err, sizeof err);
        if (!mm) {
            fprintf(stderr, "bench-chat: %s\n", err);
            goto done;
        }
        const net_cfg_t *c = model_cfg(mm);
        snprintf(where, sizeof where, "%s, model %s (tag %s: D %d, hops %d, %d slots, "
                 "vocabulary %d), encoder %s", mnemod, model, model_tag(mm), c->D, c->hops,
                 c->S, c->V, encoder);
        model_free(mm);
    }
    if (bench_conn_init(&k, base, o.token) < 0)
        goto done;
    for (int i = 0; i < 600 && request(&k, "GET", "/readyz", NULL) != 200; i++)
        bench_sleep_ms(100);
    snprintf(conv, sizeof conv, "%s-c", o.user);

    double t0 = bench_now_s();
    if (o.n && load_memories(&k, &o, &mem) < 0)
        goto done;
    double t_load = bench_now_s() - t0;
    for (long i = 0; i < o.w; i++)
        if (chat(&k, &o, conv, msgs.v[i], R_CHAT, &natt, &nmem, &stmt) < 0)
            goto done;
    double t1 = bench_now_s(), cpu0 = bench_proc_cpu_s(pid);
    for (long i = 0; i < o.m; i++) {
        int route = o.openai ? (int)(i % R_N) : R_CHAT;
        double ms = chat(&k, &o, conv, msgs.v[o.w + i], route, &natt, &nmem, &stmt);
        if (ms < 0)
            goto done;
        lat[i] = ms;
        per[route][nper[route]++] = ms;
        int kind = msgs.kind[o.w + i];
        int g = kind == PERSONA_STATEMENT ? 0 : kind == PERSONA_SMALLTALK ? 2 : 1;
        by[g][nby[g]++] = ms;
        nstmt += stmt;
        if (nmem > maxmem)
            maxmem = nmem;
    }
    double secs = bench_now_s() - t1, cpu1 = bench_proc_cpu_s(pid);
    bench_sort(lat, o.m);
    for (int g = 0; g < 3; g++)
        bench_sort(by[g], nby[g]);
    char mach[400];
    machine(mach, sizeof mach);
    double p50 = bench_percentile(lat, o.m, 0.50);
    printf("bench-chat: %ld chat turns on one keep-alive connection\n", o.m);
    printf("  server    %s\n", where);
    printf("  machine   %s\n", mach);
    printf("  setup     N %ld memories of the user (loaded in %.1f s), W %ld exchanges first;"
           " working memory seen %d turns, K up to %d memories per turn\n",
           o.n, t_load, o.w, natt, maxmem);
    printf("  latency   p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (budget p50 <= "
           "%.0f ms: %s)\n", p50, bench_percentile(lat, o.m, 0.90), bench_percentile(lat, o.m, 0.99),
           lat[o.m - 1], BUDGET_P50_MS, p50 <= BUDGET_P50_MS ? "met" : "MISSED");
    printf("  by kind   p50 of %ld statements %.2f ms, %ld questions %.2f ms, %ld small talk "
           "%.2f ms; %ld replies of kind statement (written to memory)\n", nby[0],
           bench_percentile(by[0], nby[0], 0.5), nby[1], bench_percentile(by[1], nby[1], 0.5), nby[2],
           bench_percentile(by[2], nby[2], 0.5), nstmt);
    printf("  rate      %.0f turns/s\n", (double)o.m / secs);
    if (cpu0 >= 0 && cpu1 >= 0)     /* only of a daemon this bench started */
        printf("  cpu       mnemod %.2f ms a turn (user + system, all threads, over the %ld"
               " turns)\n", (cpu1 - cpu0) * 1e3 / (double)o.m, o.m);
    for (int g = 0; o.openai && g < R_N; g++) {
        bench_sort(per[g], nper[g]);
        double p = bench_percentile(per[g], nper[g], 0.5), q = bench_percentile(per[g], nper[g],
                                                                                 0.99);
        printf("  route     %-28s %ld turns  p50 %.2f ms  p99 %.2f ms  (x%.2f / x%.2f of "
               "/v1/chat)\n", route_name[g], nper[g], p, q,
               p / bench_percentile(per[R_CHAT], nper[R_CHAT], 0.5),
               q / bench_percentile(per[R_CHAT], nper[R_CHAT], 0.99));
    }
    rc = 0;
done:
    if (o.server && k.c) { /* a running daemon keeps no trace of the bench's user */
        char path[400], *esc = curl_easy_escape(k.c, o.user, 0);
        snprintf(path, sizeof path, "/v1/users/%s", esc ? esc : o.user);
        curl_free(esc);
        if (request(&k, "DELETE", path, NULL) != 200)
            fprintf(stderr, "bench-chat: could not delete the user %s\n", o.user);
    }
    bench_conn_free(&k);
    if (pid > 0) {
        kill(pid, SIGTERM);
        int st = 0;
        waitpid(pid, &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "bench-chat: mnemod did not exit cleanly on SIGTERM\n");
            rc = 1;
        }
        if (rc && dir[0]) {
            char log[PATH_MAX + 16];
            snprintf(log, sizeof log, "%s/mnemod.log", dir);
            FILE *f = fopen(log, "r");
            char line[512];
            fprintf(stderr, "bench-chat: mnemod's log:\n");
            while (f && fgets(line, sizeof line, f))
                fputs(line, stderr);
            if (f)
                fclose(f);
        }
    }
    if (own_dir)
        bench_rmtree(dir);
    texts_free(&mem);
    texts_free(&msgs);
    free(lat);
    for (int g = 0; g < 3; g++)
        free(by[g]);
    for (int g = 0; g < R_N; g++)
        free(per[g]);
    curl_global_cleanup();
    return rc;
}

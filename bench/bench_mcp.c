/* bench_mcp.c: what MCP costs over the REST API for the same search. Starts a mnemod on
 * a fresh database (or uses --server), gives one user N memories (batched POST
 * /v1/memories), then times M searches both ways on two keep-alive connections,
 * interleaved (which goes first alternates): GET /v1/memories?q=&k=10 and MCP
 * tools/call search_memory (limit 10, the stateless 2026-07-28 form: one POST, no
 * session). Checks both found the same first memory; prints p50/p90/p99 of each and
 * their ratio (docs/PERFORMANCE.md). Not a test: it measures. */
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <curl/curl.h>
#include <jansson.h>

#include "bench/daemon.h"

#define STATELESS "2026-07-28"
#define K 10

typedef struct opts {
    const char *server, *mnemod, *model, *token, *user, *dir;
    long n, m;
} opts_t;

static const char *const subjects[] = {"sister", "brother", "neighbour", "dentist", "cousin",
                                       "colleague", "landlord", "friend"};
static const char *const names[] = {"Anna", "Ben", "Chloe", "Daniel", "Elif", "Farid",
                                    "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena"};
static const char *const things[] = {"spare key", "passport", "blue umbrella", "tax return",
                                     "camera charger", "train pass", "recipe book",
                                     "winter tyres"};
static const char *const places[] = {"under the flower pot", "in the kitchen drawer",
                                     "behind the bookshelf", "in the glove compartment",
                                     "in the red folder", "on the hallway shelf"};

/* Memory i and a question about memory j. */
static void memory_text(long i, char *buf, size_t len)
{
    if (i % 2)
        snprintf(buf, len, "My %s %s lives in house %ld.", subjects[i % 8], names[i % 12], i);
    else
        snprintf(buf, len, "The %s of %s is %s (note %ld).", things[i % 8], names[(i / 8) % 12],
                 places[i % 6], i);
}

static void question(long j, char *buf, size_t len)
{
    if (j % 2)
        snprintf(buf, len, "where does my %s %s live", subjects[j % 8], names[j % 12]);
    else
        snprintf(buf, len, "where is the %s of %s", things[j % 8], names[(j / 8) % 12]);
}

typedef struct buf {
    char *s;
    size_t len;
} buf_t;

static size_t on_body(char *d, size_t s, size_t n, void *u)
{
    buf_t *b = u;
    char *p = realloc(b->s, b->len + s * n + 1);
    if (!p) return 0;
    memcpy(p + b->len, d, s * n);
    b->s = p;
    b->len += s * n;
    p[b->len] = '\0';
    return s * n;
}

/* One request on c; the body in *out (caller frees). Returns the status, 0 on failure. */
static long perform(CURL *c, buf_t *out)
{
    out->s = NULL;
    out->len = 0;
    curl_easy_setopt(c, CURLOPT_WRITEDATA, out);
    if (curl_easy_perform(c) != CURLE_OK) return 0;
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

static CURL *handle(struct curl_slist *h)
{
    CURL *c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    return c;
}

/* Posts the N memories in batches of 1000. 0 or -1. */
static int fill(const char *base, const opts_t *o, struct curl_slist *h)
{
    char url[300], text[200];
    snprintf(url, sizeof url, "%s/v1/memories", base);
    CURL *c = handle(h);
    curl_easy_setopt(c, CURLOPT_URL, url);
    for (long i = 0; i < o->n; i += 1000) {
        json_t *items = json_array();
        for (long k = i; k < o->n && k < i + 1000; k++) {
            memory_text(k, text, sizeof text);
            json_array_append_new(items, json_pack("{s:s}", "text", text));
        }
        char *body = json_dumps(json_pack("{s:s,s:o}", "user", o->user, "memories", items),
                                JSON_COMPACT);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        buf_t r;
        long status = perform(c, &r);
        free(body);
        free(r.s);
        if (status != 201) {
            fprintf(stderr, "bench-mcp: POST /v1/memories: status %ld\n", status);
            curl_easy_cleanup(c);
            return -1;
        }
    }
    curl_easy_cleanup(c);
    return 0;
}

/* The id of the first result of a REST search or of an MCP search_memory answer. */
static long long first_id(const char *body, int mcp)
{
    json_t *j = json_loads(body ? body : "", 0, NULL), *res;
    if (mcp)
        res = json_object_get(json_object_get(json_object_get(j, "result"),
                                               "structuredContent"), "results");
    else
        res = json_object_get(j, "results");
    long long id = json_integer_value(json_object_get(json_array_get(res, 0), "id"));
    json_decref(j);
    return id;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: bench-mcp [-n N] [-m M] [--server URL] [--mnemod PATH] [--model FILE|none]\n"
            "                 [--dir DIR] [--token SECRET] [--user U]\n"
            "  -n N            memories of the user (default 10000)\n"
            "  -m M            searches each way (default 2000)\n"
            "  --server URL    use a running mnemod instead of starting one\n"
            "  --mnemod PATH   the mnemod to start (default: ../daemon/mnemod beside this binary)\n"
            "  --model FILE    the started mnemod's model (default none: lexical vectors only)\n"
            "  --dir DIR       where the started mnemod keeps its database\n"
            "  --token SECRET  bearer token (default $MNEMO_TOKEN)\n"
            "  --user U        whose memories (default bench-mcp)\n");
}

static int parse_opts(int argc, char **argv, opts_t *o)
{
    *o = (opts_t){.n = 10000, .m = 2000, .user = "bench-mcp", .model = "none",
                  .token = getenv("MNEMO_TOKEN")};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            exit(0);
        }
        if (!v) {
            fprintf(stderr, "bench-mcp: %s needs a value\n", a);
            return -1;
        }
        i++;
        if (!strcmp(a, "-n")) o->n = atol(v);
        else if (!strcmp(a, "-m")) o->m = atol(v);
        else if (!strcmp(a, "--server")) o->server = v;
        else if (!strcmp(a, "--mnemod")) o->mnemod = v;
        else if (!strcmp(a, "--model")) o->model = v;
        else if (!strcmp(a, "--dir")) o->dir = v;
        else if (!strcmp(a, "--token")) o->token = v;
        else if (!strcmp(a, "--user")) o->user = v;
        else {
            fprintf(stderr, "bench-mcp: unknown option %s\n", a);
            return -1;
        }
    }
    if (o->n <= 0 || o->m <= 0) {
        fprintf(stderr, "bench-mcp: -n and -m must be positive\n");
        return -1;
    }
    return 0;
}

static void report(const char *what, double *v, long n)
{
    bench_sort(v, n);
    printf("%-44s p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms\n", what,
           bench_percentile(v, n, 0.50), bench_percentile(v, n, 0.90),
           bench_percentile(v, n, 0.99));
}

int main(int argc, char **argv)
{
    opts_t o;
    char base[256], mnemod[PATH_MAX], dir[PATH_MAX] = "", auth[300] = "", user[200];
    char url[512], q[128], *body = NULL;
    pid_t pid = -1;
    int own_dir = 0, rc = 1;
    long mismatches = 0;
    struct curl_slist *h = NULL, *hm = NULL;
    CURL *rest = NULL, *mcp = NULL;
    double *t_rest = NULL, *t_mcp = NULL;
    if (parse_opts(argc, argv, &o)) {
        usage(stderr);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (o.server) {
        snprintf(base, sizeof base, "%s", o.server);
    } else {
        int port = 0;
        if (o.mnemod) snprintf(mnemod, sizeof mnemod, "%s", o.mnemod);
        else bench_beside_self(mnemod, sizeof mnemod, "../daemon/mnemod");
        if (bench_workdir("bench-mcp", o.dir, dir, sizeof dir, &own_dir) < 0) goto done;
        pid = bench_spawn_mnemod("bench-mcp", mnemod, o.model, dir, &port);
        if (pid < 0) goto done;
        snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
    }
    if (o.token && *o.token) snprintf(auth, sizeof auth, "Authorization: Bearer %s", o.token);
    snprintf(user, sizeof user, "X-Mnemo-User: %s", o.user);
    h = curl_slist_append(h, "Content-Type: application/json");
    h = curl_slist_append(h, "Expect:");
    if (auth[0]) h = curl_slist_append(h, auth);
    hm = curl_slist_append(hm, "Content-Type: application/json");
    hm = curl_slist_append(hm, "Expect:");
    hm = curl_slist_append(hm, "Accept: application/json, text/event-stream");
    hm = curl_slist_append(hm, "MCP-Protocol-Version: " STATELESS);
    hm = curl_slist_append(hm, "Mcp-Method: tools/call");
    hm = curl_slist_append(hm, "Mcp-Name: search_memory");
    hm = curl_slist_append(hm, user);
    if (auth[0]) hm = curl_slist_append(hm, auth);

    double t0 = bench_now_s();
    if (fill(base, &o, h)) goto done;
    fprintf(stderr, "bench-mcp: %ld memories of %s in %.1f s\n", o.n, o.user, bench_now_s() - t0);

    rest = handle(h);
    mcp = handle(hm);
    snprintf(url, sizeof url, "%s/mcp", base);
    curl_easy_setopt(mcp, CURLOPT_URL, url);
    t_rest = calloc((size_t)o.m, sizeof *t_rest);
    t_mcp = calloc((size_t)o.m, sizeof *t_mcp);
    if (!t_rest || !t_mcp) goto done;
    for (long i = -20; i < o.m; i++) {          /* 20 unmeasured rounds warm both paths */
        long j = (i < 0 ? -i : i) * 7919 % o.n;
        question(j, q, sizeof q);
        char *esc = curl_easy_escape(rest, q, 0), *ue = curl_easy_escape(rest, o.user, 0);
        snprintf(url, sizeof url, "%s/v1/memories?user=%s&k=%d&q=%s", base, ue, K, esc);
        curl_free(esc);
        curl_free(ue);
        curl_easy_setopt(rest, CURLOPT_URL, url);
        json_t *call = json_pack("{s:s,s:I,s:s,s:{s:s,s:{s:s,s:i},s:{s:s,s:{}}}}", "jsonrpc",
                                 "2.0", "id", (json_int_t)i, "method", "tools/call", "params",
                                 "name", "search_memory", "arguments", "query", q, "limit", K,
                                 "_meta", "io.modelcontextprotocol/protocolVersion", STATELESS,
                                 "io.modelcontextprotocol/clientCapabilities");
        free(body);
        body = json_dumps(call, JSON_COMPACT);
        json_decref(call);
        curl_easy_setopt(mcp, CURLOPT_POSTFIELDS, body);
        buf_t br, bm;
        double a, b, c;
        long sr, sm;
        if (i % 2) {
            a = bench_now_s(); sr = perform(rest, &br);
            b = bench_now_s(); sm = perform(mcp, &bm);
            c = bench_now_s();
        } else {
            a = bench_now_s(); sm = perform(mcp, &bm);
            b = bench_now_s(); sr = perform(rest, &br);
            c = bench_now_s();
        }
        if (sr != 200 || sm != 200) {
            fprintf(stderr, "bench-mcp: status %ld (REST) / %ld (MCP): %.200s\n", sr, sm,
                    sm != 200 && bm.s ? bm.s : br.s ? br.s : "");
            free(br.s);
            free(bm.s);
            goto done;
        }
        mismatches += first_id(br.s, 0) != first_id(bm.s, 1);
        free(br.s);
        free(bm.s);
        if (i < 0) continue;
        t_rest[i] = ((i % 2) ? b - a : c - b) * 1e3;
        t_mcp[i] = ((i % 2) ? c - b : b - a) * 1e3;
    }
    printf("bench-mcp: %ld memories of one user, %ld searches each way (k = %d), model %s\n",
           o.n, o.m, K, o.model);
    double p50r, p50m, p99r, p99m;
    report("GET /v1/memories?q= (REST)", t_rest, o.m);
    p50r = bench_percentile(t_rest, o.m, 0.5), p99r = bench_percentile(t_rest, o.m, 0.99);
    report("POST /mcp tools/call search_memory (MCP)", t_mcp, o.m);
    p50m = bench_percentile(t_mcp, o.m, 0.5), p99m = bench_percentile(t_mcp, o.m, 0.99);
    printf("MCP / REST: p50 %.2fx, p99 %.2fx; first results differing: %ld\n", p50m / p50r,
           p99m / p99r, mismatches);
    rc = mismatches ? 1 : 0;
done:
    free(body);
    free(t_rest);
    free(t_mcp);
    if (rest) curl_easy_cleanup(rest);
    if (mcp) curl_easy_cleanup(mcp);
    curl_slist_free_all(h);
    curl_slist_free_all(hm);
    if (pid > 0) {
        int st;
        kill(pid, SIGTERM);
        waitpid(pid, &st, 0);
    }
    if (own_dir) bench_rmtree(dir);
    curl_global_cleanup();
    return rc;
}

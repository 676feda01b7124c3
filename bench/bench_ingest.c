/* bench_ingest.c: ingest throughput through the HTTP API. Starts a mnemod on a fresh
 * database (or uses --server), posts N memories of varied, realistic sentences through
 * POST /v1/memories in batches of B from T client threads with keep-alive
 * connections, and reports memories/s against the >= 5,000/s budget and the p50/p99
 * latency of one batch. Bodies are built before the clock starts. */
#define _XOPEN_SOURCE 700   /* nftw */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
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

#define BUDGET_PER_S 5000.0

typedef struct opts {
    const char *server, *mnemod, *model, *token, *user, *dir;
    long n, batch;
    int threads;
} opts_t;

/* ---- sentences ---------------------------------------------------------------- */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;   /* xorshift64* */
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 2685821657736338717ULL;
}

#define PICK(s, arr) ((arr)[rng_next(s) % (sizeof(arr) / sizeof((arr)[0]))])

static const char *const names[] = {"Anna", "Ben", "Chloe", "Daniel", "Elif", "Farid", "Greta",
                                    "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Marta", "Nico",
                                    "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tomás"};
static const char *const relations[] = {"sister", "brother", "mother", "father", "cousin",
                                        "neighbour", "colleague", "best friend", "aunt",
                                        "grandfather", "landlord", "dentist"};
static const char *const activities[] = {
    "playing chess", "running along the river", "baking sourdough bread",
    "fixing old bicycles", "watching football", "painting watercolours",
    "learning Japanese", "growing tomatoes on the balcony", "swimming in the lake",
    "reading science fiction", "playing the cello", "hiking in the mountains"};
static const char *const times[] = {"every Sunday", "on weekday mornings", "last summer",
                                    "since 2019", "twice a month", "after work",
                                    "when it rains", "during the holidays", "next Tuesday",
                                    "at the end of March"};
static const char *const things[] = {"spare key", "wifi password", "car insurance letter",
                                     "passport", "blue umbrella", "winter tyres",
                                     "birthday present", "tax return", "camera charger",
                                     "garden hose", "recipe book", "train pass"};
static const char *const places[] = {"under the blue flower pot", "in the top kitchen drawer",
                                     "behind the bookshelf", "in the glove compartment",
                                     "at my parents' house", "in the basement storage room",
                                     "on the hallway shelf", "in the red folder"};
static const char *const cities[] = {"Lisbon", "Nairobi", "Osaka", "Toronto", "Kraków",
                                     "Valparaíso", "Tromsø", "Marseille", "Da Nang", "Leeds"};
static const char *const jobs[] = {"a nurse", "a carpenter", "a data analyst",
                                   "a primary school teacher", "a pharmacist", "an architect",
                                   "a bus driver", "a translator", "a chef", "a vet"};
static const char *const foods[] = {"peanuts", "shellfish", "gluten", "coriander",
                                    "spicy food", "mushrooms", "milk", "olives"};
static const char *const tasks[] = {"renew the passport", "call the plumber",
                                    "pay the electricity bill", "book the vet appointment",
                                    "return the library books", "change the smoke alarm battery",
                                    "send the invoice to the client", "water the neighbour's plants"};

/* Writes one sentence (20..220 bytes) into buf. */
static void sentence(uint64_t *s, char *buf, size_t len)
{
    int n;
    switch (rng_next(s) % 8) {
    case 0:
        n = snprintf(buf, len, "My %s %s likes %s %s.", PICK(s, relations), PICK(s, names),
                     PICK(s, activities), PICK(s, times));
        break;
    case 1:
        n = snprintf(buf, len, "The %s is %s.", PICK(s, things), PICK(s, places));
        break;
    case 2:
        n = snprintf(buf, len, "I work as %s in %s and I usually start at %d o'clock.",
                     PICK(s, jobs), PICK(s, cities), (int)(rng_next(s) % 5) + 6);
        break;
    case 3:
        n = snprintf(buf, len, "I am allergic to %s, so please never suggest recipes with it.",
                     PICK(s, foods));
        break;
    case 4:
        n = snprintf(buf, len, "Remember that I need to %s before %s.", PICK(s, tasks),
                     PICK(s, times));
        break;
    case 5:
        n = snprintf(buf, len, "%s moved to %s %s and now works as %s.", PICK(s, names),
                     PICK(s, cities), PICK(s, times), PICK(s, jobs));
        break;
    case 6:
        n = snprintf(buf, len, "We met %s in %s %s; %s was %s and talked about %s for hours.",
                     PICK(s, names), PICK(s, cities), PICK(s, times), PICK(s, names),
                     PICK(s, activities), PICK(s, things));
        break;
    default:
        n = snprintf(buf, len, "Note %u: the %s for %s is %s.",
                     (unsigned)(rng_next(s) % 100000), PICK(s, things), PICK(s, names),
                     PICK(s, places));
        break;
    }
    /* One in four gets a second clause: lengths spread from a few words to a paragraph. */
    if (n > 0 && (size_t)n + 80 < len && rng_next(s) % 4 == 0) {
        buf[n - 1] = '\0';
        snprintf(buf + n - 1, len - (size_t)n + 1, ", and %s mentioned %s %s.", PICK(s, names),
                 PICK(s, activities), PICK(s, times));
    }
}

/* ---- the daemon, when we start it ------------------------------------------- */

/* ---- the clients --------------------------------------------------------------- */

typedef struct shared {
    const opts_t *o;
    char url[256];
    char auth[300];
    char **bodies;            /* one JSON body per batch */
    long *items;              /* memories in each batch */
    long nbatches;
    atomic_long next;         /* next batch to send */
    atomic_long errors;
    double *lat_ms;           /* per batch */
} shared_t;

static size_t sink(char *d, size_t s, size_t n, void *u)
{
    (void)d;
    (void)u;
    return s * n;
}

static void *client(void *arg)
{
    shared_t *sh = arg;
    CURL *c = curl_easy_init();
    struct curl_slist *h = NULL;
    h = curl_slist_append(h, "Content-Type: application/json");
    h = curl_slist_append(h, "Expect:");
    if (sh->auth[0])
        h = curl_slist_append(h, sh->auth);
    curl_easy_setopt(c, CURLOPT_URL, sh->url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
    for (;;) {
        long b = atomic_fetch_add(&sh->next, 1);
        if (b >= sh->nbatches)
            break;
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, sh->bodies[b]);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(sh->bodies[b]));
        double t0 = bench_now_s();
        CURLcode cr = curl_easy_perform(c);
        sh->lat_ms[b] = (bench_now_s() - t0) * 1e3;
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        if (cr != CURLE_OK || status != 201) {
            if (atomic_fetch_add(&sh->errors, 1) < 5)
                fprintf(stderr, "bench-ingest: batch %ld: %s, status %ld\n", b,
                        curl_easy_strerror(cr), status);
        }
    }
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    return NULL;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: bench-ingest [-n N] [-b B] [-t T] [--server URL] [--mnemod PATH]\n"
            "                    [--model FILE|none] [--dir DIR] [--token SECRET] [--user U]\n"
            "  -n N            memories to post (default 50000)\n"
            "  -b B            memories per POST /v1/memories batch (default 500)\n"
            "  -t T            client threads (default 2)\n"
            "  --server URL    use a running mnemod instead of starting one\n"
            "  --mnemod PATH   the mnemod to start (default: ../daemon/mnemod beside this binary)\n"
            "  --model FILE    the started mnemod's model (default none: lexical vectors only)\n"
            "  --dir DIR       where the started mnemod keeps its database (default a new\n"
            "                  directory under $TMPDIR or /tmp, removed afterwards)\n"
            "  --token SECRET  bearer token (default $MNEMO_TOKEN)\n"
            "  --user U        whose memories (default bench)\n");
}

static int parse_opts(int argc, char **argv, opts_t *o)
{
    *o = (opts_t){.n = 50000, .batch = 500, .threads = 2, .user = "bench", .model = "none",
                  .token = getenv("MNEMO_TOKEN")};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        }
        if (!v) {
            fprintf(stderr, "bench-ingest: %s needs a value\n", a);
            return -1;
        }
        i++;
        if (strcmp(a, "-n") == 0)
            o->n = atol(v);
        else if (strcmp(a, "-b") == 0)
            o->batch = atol(v);
        else if (strcmp(a, "-t") == 0)
            o->threads = atoi(v);
        else if (strcmp(a, "--server") == 0)
            o->server = v;
        else if (strcmp(a, "--mnemod") == 0)
            o->mnemod = v;
        else if (strcmp(a, "--model") == 0)
            o->model = v;
        else if (strcmp(a, "--dir") == 0)
            o->dir = v;
        else if (strcmp(a, "--token") == 0)
            o->token = v;
        else if (strcmp(a, "--user") == 0)
            o->user = v;
        else {
            fprintf(stderr, "bench-ingest: unknown option %s\n", a);
            return -1;
        }
    }
    if (o->n <= 0 || o->batch <= 0 || o->threads <= 0 || o->threads > 64) {
        fprintf(stderr, "bench-ingest: -n, -b and -t must be positive (-t at most 64)\n");
        return -1;
    }
    return 0;
}

/* Builds every batch body before the clock starts. Returns 0 or -1. */
static int build_bodies(shared_t *sh, const opts_t *o, double *avg_len)
{
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    char text[512];
    double total_len = 0;
    sh->nbatches = (o->n + o->batch - 1) / o->batch;
    sh->bodies = calloc((size_t)sh->nbatches, sizeof *sh->bodies);
    sh->items = calloc((size_t)sh->nbatches, sizeof *sh->items);
    sh->lat_ms = calloc((size_t)sh->nbatches, sizeof *sh->lat_ms);
    if (!sh->bodies || !sh->items || !sh->lat_ms)
        return -1;
    for (long b = 0; b < sh->nbatches; b++) {
        long k = b == sh->nbatches - 1 ? o->n - b * o->batch : o->batch;
        json_t *items = json_array();
        for (long i = 0; i < k; i++) {
            sentence(&seed, text, sizeof text);
            total_len += (double)strlen(text);
            json_t *m = json_pack("{s:s}", "text", text);
            if (rng_next(&seed) % 3 == 0) {
                char conv[32];
                snprintf(conv, sizeof conv, "conv-%u", (unsigned)(rng_next(&seed) % 200));
                json_object_set_new(m, "conversation", json_string(conv));
            }
            json_array_append_new(items, m);
        }
        json_t *body = json_pack("{s:s,s:o}", "user", o->user, "memories", items);
        sh->bodies[b] = json_dumps(body, JSON_COMPACT);
        sh->items[b] = k;
        json_decref(body);
        if (!sh->bodies[b])
            return -1;
    }
    *avg_len = total_len / (double)o->n;
    return 0;
}

int main(int argc, char **argv)
{
    opts_t o;
    if (parse_opts(argc, argv, &o) < 0) {
        usage(stderr);
        return 2;
    }
    shared_t sh = {.o = &o};
    double avg_len = 0;
    char mnemod[PATH_MAX], dir[PATH_MAX] = "";
    pid_t pid = -1;
    int own_dir = 0, rc = 1;

    if (build_bodies(&sh, &o, &avg_len) < 0) {
        fprintf(stderr, "bench-ingest: out of memory building the bodies\n");
        return 1;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (o.server) {
        snprintf(sh.url, sizeof sh.url, "%s/v1/memories", o.server);
    } else {
        if (o.mnemod)
            snprintf(mnemod, sizeof mnemod, "%s", o.mnemod);
        else
            bench_beside_self(mnemod, sizeof mnemod, "../daemon/mnemod");
        if (bench_workdir("bench-ingest", o.dir, dir, sizeof dir, &own_dir) < 0)
            goto done;
        int port = 0;
        pid = bench_spawn_mnemod("bench-ingest", mnemod, o.model, dir, &port);
        if (pid < 0)
            goto done;
        snprintf(sh.url, sizeof sh.url, "http://127.0.0.1:%d/v1/memories", port);
    }
    if (o.token && *o.token)
        snprintf(sh.auth, sizeof sh.auth, "Authorization: Bearer %s", o.token);

    pthread_t th[64];
    double t0 = bench_now_s();
    for (int i = 0; i < o.threads; i++)
        pthread_create(&th[i], NULL, client, &sh);
    for (int i = 0; i < o.threads; i++)
        pthread_join(th[i], NULL);
    double secs = bench_now_s() - t0;

    bench_sort(sh.lat_ms, sh.nbatches);
    double rate = (double)o.n / secs;
    long errors = atomic_load(&sh.errors);
    printf("bench-ingest: %ld memories (avg %.0f bytes of text) in %ld batches of %ld, "
           "%d client threads\n",
           o.n, avg_len, sh.nbatches, o.batch, o.threads);
    if (o.server)
        printf("  server   %s\n", o.server);
    else
        printf("  server   %s (started on a new database in %s)\n", mnemod, dir);
    printf("  total    %.2f s\n", secs);
    printf("  rate     %.0f memories/s  (budget >= %.0f/s: %s)\n", rate, BUDGET_PER_S,
           rate >= BUDGET_PER_S ? "met" : "MISSED");
    printf("  batch    p50 %.1f ms  p99 %.1f ms  max %.1f ms\n",
           bench_percentile(sh.lat_ms, sh.nbatches, 0.50), bench_percentile(sh.lat_ms, sh.nbatches, 0.99),
           sh.lat_ms[sh.nbatches - 1]);
    if (errors)
        printf("  errors   %ld batches failed\n", errors);
    rc = errors ? 1 : 0;

done:
    if (pid > 0) {
        kill(pid, SIGTERM);
        int st = 0;
        waitpid(pid, &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "bench-ingest: mnemod did not exit cleanly on SIGTERM\n");
            rc = 1;
        }
    }
    if (own_dir)
        bench_rmtree(dir);
    for (long b = 0; b < sh.nbatches; b++)
        free(sh.bodies[b]);
    free(sh.bodies);
    free(sh.items);
    free(sh.lat_ms);
    curl_global_cleanup();
    return rc;
}

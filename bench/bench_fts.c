/* bench_fts.c: `bench-fts`, the search latency of each leg through store_search: N
 * memories of each of U users (sentences of 8 to 24 words drawn from a Zipf-like
 * vocabulary of 20,000 words, so common words match many rows as in chat, and users
 * share words as people do; random vectors; the users' memories interleaved, as a
 * server receives them) in a fresh SQLite file, then the same queries of the first user
 * (6 to 12 words from the same vocabulary) through the bm25 leg alone, the vector leg
 * alone (with text, so with the fusion's depth) and both fused. With --cjk the words
 * are written in CJK characters, so the bm25 leg is the trigram index's. Also the
 * ingest rate of store_memory_add in batches of 500 with the text indexes' triggers.
 * Prints a markdown table (docs/RETRIEVAL.md, docs/PERFORMANCE.md).
 * Usage: bench-fts [--n 100000] [--users 1] [--cjk] [--dim 512] [--k 10] [--queries 200]
 *                  [--dir DIR] [--keep] [--lexical N] [--pivot P] [--context W]
 * (--keep leaves the database in DIR, for the sqlite3 shell; --lexical, --pivot and
 * --context set the store as the agent does: store_set_lexical_dims,
 * store_set_length_pivot, store_set_context_weight). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"

#define VOCAB 20000
#define BATCH 500

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Word w of the vocabulary: a pronounceable string, distinct per w; with cjk, the same
 * syllables as CJK characters (3 bytes each). */
static void word(int w, char *out, int cjk)
{
    static const char *const syl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi",
                                      "be", "da", "fo", "gu", "ho", "ji", "pe", "ze"};
    static const char *const han[] = {"山", "水", "火", "木", "金", "土", "日", "月",
                                      "人", "口", "手", "心", "花", "鳥", "風", "雨"};
    int n = 0;
    do {
        n += sprintf(out + n, "%s", cjk ? han[w % 16] : syl[w % 16]);
        w /= 16;
    } while (w);
}

/* A Zipf-like draw: rank ~ VOCAB^u - 1. */
static int draw(uint64_t *s)
{
    double u = (double)(rnd(s) >> 11) / 9007199254740992.0;
    int r = (int)(pow(VOCAB, u)) - 1;
    return r < 0 ? 0 : r >= VOCAB ? VOCAB - 1 : r;
}

static void sentence(uint64_t *s, int lo, int hi, int cjk, char *out, size_t cap)
{
    int n = lo + (int)(rnd(s) % (uint64_t)(hi - lo + 1));
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < n && len + 40 < cap; i++) {
        char w[40];
        word(draw(s), w, cjk);
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? " " : "", w);
    }
}

static void vec(uint64_t *s, float *v, int dim)
{
    for (int d = 0; d < dim; d++)
        v[d] = (float)((double)(rnd(s) >> 11) / 4503599627370496.0 - 1.0);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    size_t n = 100000;
    int dim = 512, k = 10, queries = 200, lexical = 0, users = 1, cjk = 0;
    float pivot = 0, context = 0;
    const char *dir = "/tmp";
    int keep = 0;
    for (int i = 1; i < argc; i += 2) {
        if (!strcmp(argv[i], "--keep")) keep = 1, i--;
        else if (!strcmp(argv[i], "--cjk")) cjk = 1, i--;
        else if (i + 1 == argc) goto usage;
        else if (!strcmp(argv[i], "--n")) n = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--users")) users = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--dim")) dim = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--k")) k = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--queries")) queries = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--dir")) dir = argv[i + 1];
        else if (!strcmp(argv[i], "--lexical")) lexical = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--pivot")) pivot = (float)atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--context")) context = (float)atof(argv[i + 1]);
        else
            goto usage;
    }
    if (users < 1 || n < 1 || queries < 1) {
    usage:
        fprintf(stderr, "usage: bench-fts [--n N] [--users U] [--cjk] [--dim D] [--k K] "
                        "[--queries Q] [--dir DIR] [--keep] [--lexical N] [--pivot P] "
                        "[--context W]\n");
        return 2;
    }
    char path[4096], err[256];
    snprintf(path, sizeof path, "%s/bench-fts-%ld.db", dir, (long)getpid());
    store_t *st = store_open(path, dim, "bench", err, sizeof err);
    if (!st) {
        fprintf(stderr, "bench-fts: %s\n", err);
        return 1;
    }
    if ((lexical && store_set_lexical_dims(st, lexical) != STORE_OK) ||
        store_set_length_pivot(st, pivot) != STORE_OK ||
        store_set_context_weight(st, context) != STORE_OK) {
        fprintf(stderr, "bench-fts: --lexical wants 0..dim, --pivot a number >= 0, "
                        "--context one in [0, 1]\n");
        return 2;
    }
    uint64_t s = 0x9e3779b97f4a7c15ULL;
    store_new_memory_t *m = calloc(BATCH, sizeof *m);
    char(*text)[400] = malloc(BATCH * sizeof *text);
    char(*uname)[32] = malloc((size_t)users * sizeof *uname);
    for (int u = 0; u < users; u++)     /* the first is the user searched */
        snprintf(uname[u], sizeof uname[u], u ? "bench%d" : "bench", u);
    size_t total = n * (size_t)users;
    float *vecs = malloc((size_t)BATCH * (size_t)dim * sizeof(float));
    double t0 = now_s();
    for (size_t done = 0; done < total; done += BATCH) {
        size_t b = total - done < BATCH ? total - done : BATCH;
        for (size_t i = 0; i < b; i++) {
            sentence(&s, 8, 24, cjk, text[i], sizeof text[i]);
            vec(&s, vecs + i * (size_t)dim, dim);
            m[i] = (store_new_memory_t){.user = uname[(done + i) % (size_t)users],
                                        .text = text[i],
                                        .vec = vecs + i * (size_t)dim, .dim = dim,
                                        .importance = -1};
        }
        if (store_memory_add(st, m, b, NULL, err, sizeof err) != STORE_OK) {
            fprintf(stderr, "bench-fts: %s\n", err);
            return 1;
        }
    }
    double ingest = (double)total / (now_s() - t0);

    static const char *const name[3] = {"bm25 leg", "dense leg", "fused"};
    static const int legs[3] = {STORE_LEG_BM25, STORE_LEG_DENSE, 0};
    double *lat = malloc((size_t)queries * sizeof *lat);
    store_hit_t *hits = calloc((size_t)k, sizeof *hits);
    float *q = malloc((size_t)dim * sizeof *q);
    printf("bench-fts: %zu memories of each of %d user(s)%s, dim %d, k %d, %d queries; "
           "store_memory_add %.0f memories/s (batches of %d)\n\n"
           "| search | p50 ms | p99 ms |\n|---|---|---|\n",
           n, users, cjk ? " in CJK" : "", dim, k, queries, ingest, BATCH);
    for (int l = 0; l < 3; l++) {
        uint64_t qs = 0x51ed270b;
        for (int i = 0; i < queries + 3; i++) {
            char qt[400];
            int got = 0;
            sentence(&qs, 6, 12, cjk, qt, sizeof qt);
            vec(&qs, q, dim);
            store_query_t sq = {.user = "bench", .vec = q, .k = k, .text = qt, .legs = legs[l]};
            double a = now_s();
            if (store_search(st, &sq, 1, hits, &got, err, sizeof err) != STORE_OK) {
                fprintf(stderr, "bench-fts: %s\n", err);
                return 1;
            }
            if (i >= 3)
                lat[i - 3] = now_s() - a;
            store_hits_clear(hits, got);
        }
        qsort(lat, (size_t)queries, sizeof *lat, cmp_double);
        printf("| %s | %.2f | %.2f |\n", name[l], lat[queries / 2] * 1e3,
               lat[queries * 99 / 100] * 1e3);
    }
    store_close(st);
    char side[4200];
    if (keep) {
        printf("\nkept %s\n", path);
    } else {
        unlink(path);
        snprintf(side, sizeof side, "%s-wal", path);
        unlink(side);
        snprintf(side, sizeof side, "%s-shm", path);
        unlink(side);
    }
    free(m);
    free(text);
    free(uname);
    free(vecs);
    free(lat);
    free(hits);
    free(q);
    return 0;
}

/* bench_search.c: `bench-search`, the store's two budgets measured on this machine.
 * Search: index.h directly (no SQLite: the rows it re-ranks are read back from an array
 * in RAM, so it times the scan), N random rows of one user, top-k latency p50/p99 of the
 * exact scan (int8 codes) and of the sketch-first scan with its recall@k against the
 * exact one, the scan's effective GB/s beside the machine's measured memory bandwidth
 * (at the start, and a 1-thread read right after each scan), bytes per memory.
 * Start-up: store_open of a SQLite file of N memories written with store_memory_add in
 * big batches (wall and CPU seconds), beside its two floors: the SQLite row stream alone
 * and the first touch of as much fresh memory as the index holds. Prints markdown
 * tables (docs/PERFORMANCE.md).
 * Usage: bench-search [--sizes 10000,100000,1000000] [--dim 384] [--k 10]
 *        [--queries 200] [--startup 100000] [--db PATH] [--keep-db] [--encoder ID]
 *        [--growth N] [--cands N]
 * Growth (--growth N): N puts one at a time with no reservation; time, slowest put and
 * peak RSS against the RSS at the end. An existing --db file is reused as it is (not
 * written again). --encoder lex1-512 with --dim 512 writes a database that
 * `mnemod --model none` indexes at start. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/index.h"
#include "store/store.h"

/* OpenBLAS's thread count when linked against OpenBLAS, else unknown. */
extern int openblas_get_num_threads(void) __attribute__((weak));

typedef struct opts {
    size_t sizes[8];
    int nsizes, dim, k, queries;
    size_t startup;
    size_t growth;          /* rows for the growth run, 0 = skip */
    size_t cands;           /* the sketch stage's candidates, 0 = the index's default */
    const char *db;
    const char *encoder;    /* recorded with the generated vectors */
    int keep_db;
} opts_t;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* Roughly Gaussian (sum of four uniforms), so rows look like dense encodings. */
static void rand_vec(uint64_t *s, float *v, int dim)
{
    for (int i = 0; i < dim; i++) {
        uint64_t r = rng(s);
        int sum = (int)(r & 0xffff) + (int)((r >> 16) & 0xffff) + (int)((r >> 32) & 0xffff) +
                  (int)(r >> 48);
        v[i] = (float)(sum - 2 * 65535) / 65535.0f;
    }
}

/* VmRSS (peak 0) or VmHWM, the peak since the last clear (peak 1), in KiB. */
static long status_kib(int peak)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f && fgets(line, sizeof(line), f))
        if (sscanf(line, peak ? "VmHWM: %ld kB" : "VmRSS: %ld kB", &kib) == 1)
            break;
    if (f)
        fclose(f);
    return kib;
}

static long rss_kib(void)
{
    return status_kib(0);
}

/* CPU seconds of this process so far, every thread, user and system. */
static double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Anonymous memory on huge pages where the kernel allows (as the index's big arrays
 * are): 4 KiB page faults are slow enough on a VM to dominate a first pass. */
static void *huge_alloc(size_t bytes)
{
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    return p;
}

/* ---- memory bandwidth --------------------------------------------------------------- */

typedef struct bw_job {
    const uint64_t *p;
    size_t n;
    uint64_t sum;
} bw_job_t;

static void *bw_read(void *arg)
{
    bw_job_t *j = arg;
    uint64_t a = 0, b = 0, c = 0, d = 0;
    for (size_t i = 0; i + 4 <= j->n; i += 4) {
        a += j->p[i];
        b += j->p[i + 1];
        c += j->p[i + 2];
        d += j->p[i + 3];
    }
    j->sum = a + b + c + d;
    return NULL;
}

/* Best-of-3 GB/s reading buf with nthreads threads. */
static double bandwidth_read(const uint64_t *buf, size_t words, int nthreads)
{
    double best = 0;
    for (int rep = 0; rep < 3; rep++) {
        pthread_t t[16];
        bw_job_t j[16];
        size_t per = words / (size_t)nthreads;
        double t0 = now_s();
        for (int i = 0; i < nthreads; i++) {
            j[i] = (bw_job_t){buf + (size_t)i * per, per, 0};
            pthread_create(&t[i], NULL, bw_read, &j[i]);
        }
        for (int i = 0; i < nthreads; i++)
            pthread_join(t[i], NULL);
        double gbs = (double)(per * (size_t)nthreads * 8) / (now_s() - t0) / 1e9;
        if (gbs > best)
            best = gbs;
        if (j[0].sum == 42)     /* keeps the sums alive */
            printf(" ");
    }
    return best;
}

static void machine(void)
{
    char model[256] = "unknown", line[512];
    FILE *f = fopen("/proc/cpuinfo", "r");
    while (f && fgets(line, sizeof(line), f))
        if (strncmp(line, "model name", 10) == 0) {
            char *c = strchr(line, ':');
            if (c) {
                snprintf(model, sizeof(model), "%s", c + 2);
                model[strcspn(model, "\n")] = 0;
            }
            break;
        }
    if (f)
        fclose(f);
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    printf("## Machine\n\n- CPU: %s, %ld online CPUs\n", model, ncpu);
    printf("- OpenBLAS threads: %d\n",
           openblas_get_num_threads ? openblas_get_num_threads() : -1);

    size_t bytes = (size_t)512 << 20;   /* 512 MiB: far past any cache */
    uint64_t *buf = huge_alloc(bytes), *dst = huge_alloc(bytes);
    if (!buf || !dst) {
        printf("- memory bandwidth: (could not allocate 1 GiB)\n\n");
        return;
    }
    memset(buf, 1, bytes);
    memset(dst, 2, bytes);
    double r1 = bandwidth_read(buf, bytes / 8, 1);
    int nt = ncpu > 16 ? 16 : (int)ncpu;
    double rn = bandwidth_read(buf, bytes / 8, nt);
    double best = 0;
    for (int rep = 0; rep < 3; rep++) {
        double t0 = now_s();
        memcpy(dst, buf, bytes);
        double gbs = 2.0 * (double)bytes / (now_s() - t0) / 1e9;
        best = gbs > best ? gbs : best;
    }
    printf("- memory bandwidth (512 MiB, best of 3): read %.1f GB/s on 1 thread, %.1f GB/s on "
           "%d threads; memcpy %.1f GB/s (read + write)\n\n",
           r1, rn, nt, best);
    munmap(buf, bytes);
    munmap(dst, bytes);
}

/* Best-of-3 GB/s reading 512 MiB on 1 thread (a scan's thread), measured now: on a
 * shared machine the bandwidth moves with the load, so each scan's GB/s is printed
 * beside one taken right after its queries. 0 when the buffer cannot be had. */
static double read_bw_now(void)
{
    size_t bytes = (size_t)512 << 20;
    uint64_t *buf = huge_alloc(bytes);
    if (!buf)
        return 0;
    memset(buf, 1, bytes);
    double gbs = bandwidth_read(buf, bytes / 8, 1);
    munmap(buf, bytes);
    return gbs;
}

/* ---- search ------------------------------------------------------------------------- */

/* The rows as given to index_put, for the ranking to read back (ids are row + 1). */
typedef struct rows {
    const float *vecs;      /* [n][dim] */
    size_t n;
    int dim;
} rows_t;

static int fetch_rows(void *ctx, const int64_t *ids, int n, float *vecs, unsigned char *found)
{
    const rows_t *r = ctx;
    for (int i = 0; i < n; i++) {
        found[i] = ids[i] >= 1 && (size_t)ids[i] <= r->n;
        if (found[i])
            memcpy(vecs + (size_t)i * (size_t)r->dim,
                   r->vecs + (size_t)(ids[i] - 1) * (size_t)r->dim,
                   (size_t)r->dim * sizeof(float));
    }
    return 0;
}

/* One search through both halves; *ranked receives the rows the ranking may read. */
static int search(const index_t *ix, const float *q, int k, const index_filter_t *f, int idf,
                  rows_t *rows, index_hit_t *hits, size_t *ranked)
{
    int rc;
    index_cands_t *c = index_search_scan(ix, "bench", q, k, f, idf, &rc);
    *ranked = index_cands_count(c);
    if (rc == 0)
        rc = index_search_rank(c, fetch_rows, rows, hits);
    index_cands_free(c);
    if (rc < 0)
        exit(1);
    return rc;
}

/* The ids of b[0..nb) that are among a[0..na). */
static int common(const index_hit_t *a, int na, const index_hit_t *b, int nb)
{
    int c = 0;
    for (int i = 0; i < nb; i++)
        for (int j = 0; j < na; j++)
            c += a[j].id == b[i].id;
    return c;
}

static void bench_search(size_t n, const opts_t *o)
{
    uint64_t s = 0x9e3779b97f4a7c15ULL ^ n;
    size_t dim = (size_t)o->dim;
    float *all = huge_alloc(n * dim * sizeof(float));
    if (!all) {
        fprintf(stderr, "bench-search: out of memory for %zu rows\n", n);
        exit(1);
    }
    for (size_t i = 0; i < n; i++)
        rand_vec(&s, all + i * dim, o->dim);
    rows_t rows = {all, n, o->dim};
    float *v = malloc(dim * sizeof(float));
    long rss0 = rss_kib();
    index_t *ix = index_new(o->dim);
    double t0 = now_s();
    if (!ix || !v || index_reserve(ix, NULL, n) != 0 || index_reserve(ix, "bench", n) != 0) {
        fprintf(stderr, "bench-search: out of memory for %zu rows\n", n);
        exit(1);
    }
    for (size_t i = 0; i < n; i++) {
        const char *conv = (i % 4) ? "chat-a" : "chat-b";
        index_put(ix, "bench", (int64_t)i + 1, all + i * dim, (int64_t)i, index_hash(conv));
    }
    double build = now_s() - t0;
    long rss1 = rss_kib();

    int k = o->k, nq = o->queries;
    size_t cands = o->cands ? o->cands : INDEX_SKETCH_CANDIDATES;
    index_hit_t *hits = malloc((size_t)k * sizeof(*hits));
    index_hit_t *exact = malloc((size_t)nq * 2 * (size_t)k * sizeof(*exact));
    int *nexact = malloc((size_t)nq * 2 * sizeof(int));
    double *lat = malloc((size_t)nq * sizeof(double));
    double *lat_f = malloc((size_t)nq * sizeof(double));
    double raw = (double)n * (double)dim * sizeof(float);
    double dpad = (double)((dim + 63) / 64 * 64);
    /* The same queries through both scans: the int8 codes of every row (exact), then the
     * sketch of every row and the codes of the candidates it keeps (what the index picks
     * for partitions of INDEX_SKETCH_MIN_ROWS rows and up), whose hits are compared with
     * the exact ones. */
    for (int mode = 0; mode < 2; mode++) {
        uint64_t qs = 0x51ed270b;
        size_t ranked = 0, r;
        long found = 0, want = 0, found_f = 0, want_f = 0;
        index_set_sketch(ix, mode ? 0 : SIZE_MAX, cands);
        for (int warm = 0; warm < 3; warm++) {
            rand_vec(&qs, v, o->dim);
            search(ix, v, k, NULL, 0, &rows, hits, &r);
        }
        index_filter_t f = {0, 0, index_hash("chat-b")};
        for (int q = 0; q < nq; q++) {
            rand_vec(&qs, v, o->dim);
            index_hit_t *ex = exact + (size_t)q * 2 * (size_t)k;
            double a = now_s();
            int got = search(ix, v, k, NULL, 0, &rows, hits, &r);
            lat[q] = now_s() - a;
            ranked += r;
            if (mode == 0) {
                memcpy(ex, hits, (size_t)got * sizeof(*hits));
                nexact[2 * q] = got;
            } else {
                found += common(ex, nexact[2 * q], hits, got);
                want += nexact[2 * q];
            }
            a = now_s();
            got = search(ix, v, k, &f, 1, &rows, hits, &r);
            lat_f[q] = now_s() - a;
            if (mode == 0) {
                memcpy(ex + k, hits, (size_t)got * sizeof(*hits));
                nexact[2 * q + 1] = got;
            } else {
                found_f += common(ex + k, nexact[2 * q + 1], hits, got);
                want_f += nexact[2 * q + 1];
            }
        }
        qsort(lat, (size_t)nq, sizeof(double), cmp_double);
        qsort(lat_f, (size_t)nq, sizeof(double), cmp_double);
        double p50 = lat[nq / 2], p99 = lat[(nq * 99) / 100];
        double bytes = mode ? (double)n * (dpad / 4 + 4) + (double)cands * (dpad + 8)
                            : (double)n * (dpad + 8);
        double scan = bytes / p50 / 1e9, bw = read_bw_now();
        char recall[64] = "exact";
        if (mode)
            snprintf(recall, sizeof(recall), "%.4f / %.4f", want ? (double)found / want : 1.0,
                     want_f ? (double)found_f / want_f : 1.0);
        printf("| %zu | %s | %.2f | %.2f | %.2f | %s | %.1f | %.1f | %.1f | %.2f | %.0f | %.0f | "
               "%.2f | %.1f |\n",
               n, mode ? "sketch + int8 + re-rank" : "int8 + re-rank", p50 * 1e3, p99 * 1e3,
               lat_f[nq / 2] * 1e3, recall, (double)ranked / nq, scan, bw,
               bw > 0 ? scan / bw : 0.0, (double)index_bytes(ix) / (double)n,
               (double)(rss1 - rss0) * 1024.0 / (double)n,
               (double)(rss1 - rss0) * 1024.0 / raw, build);
    }
    fflush(stdout);
    index_free(ix);
    munmap(all, n * dim * sizeof(float));
    free(v);
    free(hits);
    free(exact);
    free(nexact);
    free(lat);
    free(lat_f);
}

/* ---- growth ------------------------------------------------------------------------- */

/* n puts of new rows one at a time with no reservation, as an import or a stream of
 * writes grows a partition: total time, the slowest put, and the peak RSS against the
 * RSS at the end (the peak is reset first through /proc/self/clear_refs). */
static void bench_growth(size_t n, int dim)
{
    uint64_t s = 0x2545f4914f6cdd1dULL;
    float *v = malloc((size_t)dim * sizeof(float));
    FILE *cr = fopen("/proc/self/clear_refs", "w");
    if (cr) {
        fputs("5", cr);     /* resets VmHWM to the current RSS */
        fclose(cr);
    }
    long rss0 = rss_kib();
    index_t *ix = index_new(dim);
    if (!ix || !v)
        exit(1);
    double worst = 0, t0 = now_s();
    for (size_t i = 0; i < n; i++) {
        rand_vec(&s, v, dim);
        double a = now_s();
        if (index_put(ix, "bench", (int64_t)i + 1, v, 0, 0) != 0) {
            fprintf(stderr, "bench-search: out of memory growing to %zu rows\n", i + 1);
            exit(1);
        }
        double t = now_s() - a;
        worst = t > worst ? t : worst;
    }
    double total = now_s() - t0;
    double mib = 1024.0, raw = (double)n * dim * sizeof(float) / 1048576.0;
    printf("## Growth (dim %d, one user, puts one at a time)\n\n| memories | total s | slowest "
           "put ms | peak RSS MiB | RSS at the end MiB | peak / end | raw vectors MiB |\n"
           "|---|---|---|---|---|---|---|\n| %zu | %.2f | %.1f | %.0f | %.0f | %.2f | %.0f |\n\n",
           dim, n, total, worst * 1e3, (double)(status_kib(1) - rss0) / mib,
           (double)(rss_kib() - rss0) / mib,
           (double)(status_kib(1) - rss0) / (double)(rss_kib() - rss0), raw);
    index_free(ix);
    free(v);
}

/* ---- start-up ----------------------------------------------------------------------- */

static int generate(const char *path, size_t n, int dim, const char *encoder)
{
    char err[256];
    struct stat sb;
    if (stat(path, &sb) == 0) {
        fprintf(stderr, "bench-search: reusing %s\n", path);
        return 0;
    }
    store_t *st = store_open(path, dim, encoder, err, sizeof(err));
    if (!st) {
        fprintf(stderr, "bench-search: %s\n", err);
        return -1;
    }
    size_t have = store_memory_count(st);
    if (have == n) {
        store_close(st);
        return 0;
    }
    if (have) {
        fprintf(stderr, "bench-search: %s holds %zu memories, not %zu\n", path, have, n);
        store_close(st);
        return -1;
    }
    enum { BATCH = 10000 };
    store_new_memory_t *m = calloc(BATCH, sizeof(*m));
    float *vecs = malloc((size_t)BATCH * (size_t)dim * sizeof(float));
    char(*text)[48] = malloc(BATCH * sizeof(*text));
    uint64_t s = 12345;
    double t0 = now_s();
    int rc = 0;
    for (size_t done = 0; done < n && rc == 0;) {
        size_t b = n - done < BATCH ? n - done : BATCH;
        for (size_t i = 0; i < b; i++) {
            rand_vec(&s, vecs + i * (size_t)dim, dim);
            snprintf(text[i], sizeof(text[i]), "memory number %zu of the bench", done + i);
            m[i] = (store_new_memory_t){.user = "bench", .conversation = "chat-a",
                                        .text = text[i], .vec = vecs + i * (size_t)dim,
                                        .dim = dim, .encoder = encoder,
                                        .importance = -1};
        }
        rc = store_memory_add(st, m, b, NULL, err, sizeof(err));
        done += b;
    }
    if (rc)
        fprintf(stderr, "bench-search: %s\n", err);
    else
        fprintf(stderr, "bench-search: wrote %zu memories in %.1f s\n", n, now_s() - t0);
    free(m);
    free(vecs);
    free(text);
    store_close(st);
    return rc;
}

/* Seconds to stream every row's columns as store_open does, without the index: each
 * memory's row of memory_codes (schema 9), with its code copied out. */
static double stream_only(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    unsigned char code[65536];
    double a = now_s(), sum = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT id, user, conversation, created_ms, current, dim,"
                               " encoder, code FROM memory_codes", -1, &s, NULL) == SQLITE_OK)
        while (sqlite3_step(s) == SQLITE_ROW) {
            const void *b = sqlite3_column_blob(s, 7);
            int n = sqlite3_column_bytes(s, 7);
            if (b && n <= (int)sizeof(code))
                memcpy(code, b, (size_t)n);
            sum += code[0] + (double)sqlite3_column_int64(s, 0);
            sqlite3_column_text(s, 1);
            sqlite3_column_text(s, 2);
            sqlite3_column_text(s, 6);
        }
    double t = now_s() - a;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return sum == 42 ? t + 1e-9 : t;
}

/* Seconds to write bytes of fresh (huge-page) memory once: the floor a loader of an
 * index that size pays on this machine, whatever it reads. */
static double first_touch(size_t bytes)
{
    char *p = huge_alloc(bytes);
    if (!p)
        return -1;
    double a = now_s();
    memset(p, 1, bytes);
    double t = now_s() - a;
    munmap(p, bytes);
    return t;
}

static void bench_startup(const opts_t *o)
{
    char dir[] = "/tmp/mnemo-bench-XXXXXX", path[600];
    int tmp = !o->db;
    if (tmp) {
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            return;
        }
        snprintf(path, sizeof(path), "%s/bench.db", dir);
    } else {
        snprintf(path, sizeof(path), "%s", o->db);
    }
    if (generate(path, o->startup, o->dim, o->encoder) != 0)
        return;
    /* Each measurement waits 3 s first: freed memory goes back to the hypervisor after
     * a moment, and a daemon starting up gets fresh memory too. */
    double t[2], cpu[2];
    long rss = 0;
    size_t ixb = 0;
    int64_t dbb = 0;
    for (int rep = 0; rep < 2; rep++) {
        char err[256];
        sleep(3);
        long r0 = rss_kib();
        double a = now_s(), c = cpu_s();
        store_t *st = store_open(path, o->dim, o->encoder, err, sizeof(err));
        t[rep] = now_s() - a;
        cpu[rep] = cpu_s() - c;
        if (!st) {
            fprintf(stderr, "bench-search: %s\n", err);
            return;
        }
        rss = rss_kib() - r0;
        ixb = store_index_bytes(st);
        dbb = store_db_bytes(st);
        store_close(st);
    }
    sleep(3);
    double stream = stream_only(path);
    sleep(3);
    double touch = first_touch(ixb);
    printf("## Start-up (dim %d)\n\n| memories | store_open s (1st) | store_open s (2nd) | "
           "CPU s (1st, 2nd) | SQLite stream alone s | first touch of as much fresh memory s | RSS after open "
           "MiB | index bytes/memory | db MiB |\n|---|---|---|---|---|---|---|---|---|\n",
           o->dim);
    printf("| %zu | %.2f | %.2f | %.2f, %.2f | %.2f | %.2f | %.0f | %.0f | %.0f |\n\n",
           o->startup, t[0], t[1], cpu[0], cpu[1], stream, touch, (double)rss / 1024.0, (double)ixb / (double)o->startup,
           (double)dbb / 1048576.0);
    if (tmp && !o->keep_db) {
        const char *suffix[] = {"", "-wal", "-shm"};
        for (int i = 0; i < 3; i++) {
            char p[640];
            snprintf(p, sizeof(p), "%s%s", path, suffix[i]);
            unlink(p);
        }
        rmdir(dir);
    } else {
        fprintf(stderr, "bench-search: kept %s\n", path);
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: bench-search [--sizes 10000,100000,1000000] [--dim 384] [--k 10]\n"
                    "       [--queries 200] [--startup N (0 = skip)] [--db PATH] "
                    "[--keep-db] [--encoder ID] [--growth N (0 = skip)] [--cands N]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    opts_t o = {.sizes = {10000, 100000, 1000000}, .nsizes = 3, .dim = 384, .k = 10,
                .queries = 200, .startup = 100000, .encoder = "bench-enc"};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--keep-db") == 0) {
            o.keep_db = 1;
            continue;
        }
        if (!val)
            usage();
        i++;
        if (strcmp(a, "--sizes") == 0) {
            char *end;
            o.nsizes = 0;
            for (const char *p = val; *p && o.nsizes < 8; p = *end ? end + 1 : end) {
                o.sizes[o.nsizes++] = strtoull(p, &end, 10);
                if (end == p)
                    usage();
            }
        } else if (strcmp(a, "--dim") == 0) {
            o.dim = atoi(val);
        } else if (strcmp(a, "--k") == 0) {
            o.k = atoi(val);
        } else if (strcmp(a, "--queries") == 0) {
            o.queries = atoi(val);
        } else if (strcmp(a, "--startup") == 0) {
            o.startup = strtoull(val, NULL, 10);
        } else if (strcmp(a, "--db") == 0) {
            o.db = val;
        } else if (strcmp(a, "--growth") == 0) {
            o.growth = strtoull(val, NULL, 10);
        } else if (strcmp(a, "--cands") == 0) {
            o.cands = strtoull(val, NULL, 10);
        } else if (strcmp(a, "--encoder") == 0) {
            o.encoder = val;
        } else {
            usage();
        }
    }
    if (o.dim < 1 || o.k < 1 || o.queries < 2)
        usage();

    machine();
    printf("## Search (dim %d, one user, top-%d, %d queries, sketch candidates %zu)\n\n", o.dim,
           o.k, o.queries, o.cands ? o.cands : (size_t)INDEX_SKETCH_CANDIDATES);
    printf("| memories | scan | p50 ms | p99 ms | p50 ms, idf + conversation filter | "
           "recall@k vs exact (plain / idf + filter) | rows to re-rank (mean) | scan "
           "GB/s (p50) | read GB/s, 1 thread, right after | scan / read | index bytes/memory "
           "| RSS bytes/memory | RSS / raw vectors | build s "
           "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < o.nsizes; i++)
        bench_search(o.sizes[i], &o);
    printf("\n");
    if (o.growth)
        bench_growth(o.growth, o.dim);
    if (o.startup)
        bench_startup(&o);
    return 0;
}

/* helpers.c: see helpers.h. */
#include "helpers.h"

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *th_dir_new(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof(tmpl), "%s/mnemo-store-test-XXXXXX", base && *base ? base : "/tmp");
    char *d = mkdtemp(tmpl);
    return d ? strdup(d) : NULL;
}

void th_dir_remove(char *dir)
{
    if (!dir)
        return;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            unlink(th_path(dir, e->d_name));
        }
        closedir(d);
    }
    rmdir(dir);
    free(dir);
}

const char *th_path(const char *dir, const char *name)
{
    static char buf[1024];
    snprintf(buf, sizeof(buf), "%s/%s", dir, name);
    return buf;
}

uint64_t th_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

float th_uniform(uint64_t *s)
{
    return (float)((double)(th_rand(s) >> 11) / 9007199254740992.0 * 2.0 - 1.0);
}

void th_vec(uint64_t *s, float *v, int dim, float zero_frac)
{
    for (int i = 0; i < dim; i++) {
        float u = (th_uniform(s) + 1.0f) / 2.0f;
        v[i] = u < zero_frac ? 0.0f : th_uniform(s);
    }
}

double th_cosine(const float *q, const float *v, const double *w, int dim)
{
    double dot = 0, qq = 0, vv = 0;
    for (int i = 0; i < dim; i++) {
        double qi = q[i] * (w ? w[i] : 1.0);
        dot += qi * v[i];
        qq += qi * qi;
        vv += (double)v[i] * v[i];
    }
    return qq > 0 && vv > 0 ? dot / sqrt(qq * vv) : 0.0;
}

static int ref_better(const index_hit_t *a, const index_hit_t *b)
{
    return a->score > b->score || (a->score == b->score && a->id > b->id);
}

int th_topk(const th_row_t *rows, size_t n, int dim, const char *user, const float *q,
            int k, const index_filter_t *f, int idf, index_hit_t *out)
{
    double *w = NULL;
    if (idf) {
        size_t count = 0;
        size_t *df = calloc((size_t)dim, sizeof(*df));
        w = calloc((size_t)dim, sizeof(*w));
        for (size_t r = 0; r < n; r++) {
            if (strcmp(rows[r].user, user) != 0)
                continue;
            count++;
            for (int d = 0; d < dim; d++)
                df[d] += rows[r].vec[d] != 0.0f;
        }
        for (int d = 0; d < dim; d++)
            w[d] = log(((double)count + 1.0) / ((double)df[d] + 0.5));
        free(df);
    }
    int got = 0;
    for (size_t r = 0; r < n; r++) {
        const th_row_t *x = &rows[r];
        if (strcmp(x->user, user) != 0)
            continue;
        if (f && f->since_ms > 0 && x->created_ms < f->since_ms)
            continue;
        if (f && f->until_ms > 0 && x->created_ms >= f->until_ms)
            continue;
        if (f && f->conv_hash && x->conv_hash != f->conv_hash)
            continue;
        index_hit_t h = {x->id, (float)th_cosine(q, x->vec, w, dim),
                         (float)th_cosine(q, x->vec, NULL, dim)};
        /* insertion into the sorted out[0..got) */
        int pos = got < k ? got : k;
        while (pos > 0 && ref_better(&h, &out[pos - 1]))
            pos--;
        if (pos >= k)
            continue;
        int end = got < k ? got : k - 1;
        memmove(&out[pos + 1], &out[pos], (size_t)(end - pos) * sizeof(*out));
        out[pos] = h;
        if (got < k)
            got++;
    }
    free(w);
    return got;
}

store_t *th_st;
char *th_dirname;

void th_store_setup(void)
{
    char err[256] = "";
    th_dirname = th_dir_new();
    ck_assert_ptr_nonnull(th_dirname);
    th_st = store_open(th_path(th_dirname, "db"), TH_DIM, TH_ENCODER, err, sizeof(err));
    ck_assert_msg(th_st != NULL, "store_open: %s", err);
}

void th_store_teardown(void)
{
    store_close(th_st);
    th_st = NULL;
    th_dir_remove(th_dirname);
    th_dirname = NULL;
}

store_t *th_reopen(store_t *st, int dim, const char *encoder)
{
    char err[256] = "";
    store_close(st);
    store_t *nu = store_open(th_path(th_dirname, "db"), dim, encoder, err, sizeof(err));
    ck_assert_msg(nu != NULL, "store_open: %s", err);
    return nu;
}

store_new_memory_t th_mem(const char *user, const char *text, float *vec, uint64_t seed)
{
    uint64_t s = seed * 2654435761u + 1;
    th_vec(&s, vec, TH_DIM, 0.0f);
    store_new_memory_t m = {.user = user, .text = text, .vec = vec, .dim = TH_DIM,
                            .encoder = TH_ENCODER, .importance = -1};
    return m;
}

int64_t th_add(store_t *st, const char *user, const char *text, uint64_t seed)
{
    float v[TH_DIM];
    char err[256] = "";
    store_new_memory_t m = th_mem(user, text, v, seed);
    int64_t id = 0;
    int rc = store_memory_add(st, &m, 1, &id, err, sizeof(err));
    ck_assert_msg(rc == STORE_OK, "store_memory_add: %d %s", rc, err);
    return id;
}

int th_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

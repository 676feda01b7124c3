/* helpers.h: shared by the store's tests: a temporary directory per test, a seeded
 * random generator, random vectors, and a brute-force top-k reference. */
#ifndef MNEMO_TESTS_STORE_HELPERS_H
#define MNEMO_TESTS_STORE_HELPERS_H

#include <stddef.h>
#include <stdint.h>

#include "store/index.h"
#include "store/store.h"

/* A fresh directory under $TMPDIR (or /tmp); th_dir_remove deletes it and its files.
 * th_path writes dir/name into a static buffer. */
char *th_dir_new(void);
void th_dir_remove(char *dir);
const char *th_path(const char *dir, const char *name);

uint64_t th_rand(uint64_t *state);
float th_uniform(uint64_t *state);                 /* [-1, 1) */
/* Fills v[dim] with random values; each is zero with probability zero_frac. */
void th_vec(uint64_t *state, float *v, int dim, float zero_frac);

/* One row of the brute-force reference. */
typedef struct th_row {
    const char *user;
    int64_t id;
    const float *vec;       /* dim floats, not normalized */
    int64_t created_ms;
    uint64_t conv_hash;
} th_row_t;

/* Exact top-k by cosine (in double) over rows of user passing filter, idf-weighted like
 * index_search; ties by larger id. Returns the number of hits. */
int th_topk(const th_row_t *rows, size_t n, int dim, const char *user, const float *q,
            int k, const index_filter_t *f, int idf, index_hit_t *out);
/* Cosine in double between q (idf-weighted when w != NULL) and v. */
double th_cosine(const float *q, const float *v, const double *w, int dim);


/* A store fixture for Check: th_store_setup opens TH_DIM-float store "db" in a fresh
 * directory (th_st, th_dirname); th_store_teardown closes it and removes the directory. */
#define TH_DIM 8
#define TH_ENCODER "test-enc-8"
extern store_t *th_st;
extern char *th_dirname;
void th_store_setup(void);
void th_store_teardown(void);
store_t *th_reopen(store_t *st, int dim, const char *encoder);
/* A memory of user with text and a vector derived from seed. */
store_new_memory_t th_mem(const char *user, const char *text, float *vec, uint64_t seed);
int64_t th_add(store_t *st, const char *user, const char *text, uint64_t seed);

/* Runs suite s; returns the process exit status (failure when any test failed). */
struct Suite;
int th_run(struct Suite *s);

#endif

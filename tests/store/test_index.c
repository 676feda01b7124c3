/* test_index.c: the in-RAM index against a brute-force reference: exact top-k on random
 * data across dimensions, k, filters and idf, through the exact scan and the sketch-first
 * one; removals, replacements and moves reflected in search; no search ever returning
 * another user's row; the kernels against their plain loops; the sketch stage's recall. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "store/store_internal.h"

static const char *const USERS[] = {"alice", "bob", "carol"};

/* Every vector put in a test, by id, for the ranking to read back (the index holds no
 * float rows): saved[id] is a copy of the last vector put for id. */
static float **saved;
static size_t nsaved;
static int saved_dim;

static int put(index_t *ix, const char *user, int64_t id, const float *vec,
               int64_t created_ms, uint64_t conv_hash)
{
    int rc = index_put(ix, user, id, vec, created_ms, conv_hash);
    if (rc != 0)
        return rc;
    if (index_dim(ix) != saved_dim) {   /* another test's index: start afresh */
        for (size_t i = 0; i < nsaved; i++)
            free(saved[i]);
        free(saved);
        saved = NULL;
        nsaved = 0;
        saved_dim = index_dim(ix);
    }
    if ((size_t)id >= nsaved) {
        size_t n = (size_t)id * 2 + 16;
        saved = realloc(saved, n * sizeof(*saved));
        ck_assert_ptr_nonnull(saved);
        memset(saved + nsaved, 0, (n - nsaved) * sizeof(*saved));
        nsaved = n;
    }
    free(saved[id]);
    saved[id] = malloc((size_t)saved_dim * sizeof(float));
    memcpy(saved[id], vec, (size_t)saved_dim * sizeof(float));
    return 0;
}

/* index_fetch_fn over saved; ctx counts the rows read when not NULL. */
static int fetch_saved(void *ctx, const int64_t *ids, int n, float *vecs,
                       unsigned char *found)
{
    for (int i = 0; i < n; i++) {
        found[i] = ids[i] > 0 && (size_t)ids[i] < nsaved && saved[ids[i]];
        if (found[i])
            memcpy(vecs + (size_t)i * (size_t)saved_dim, saved[ids[i]],
                   (size_t)saved_dim * sizeof(float));
    }
    if (ctx)
        *(size_t *)ctx += (size_t)n;
    return 0;
}

static int search(const index_t *ix, const char *user, const float *q, int k,
                  const index_filter_t *f, int idf, index_hit_t *hits)
{
    return index_search(ix, user, q, k, f, idf, fetch_saved, NULL, hits);
}

typedef struct fixture {
    int dim;
    size_t n;
    float *vecs;        /* [n][dim], as given to index_put (not normalized) */
    th_row_t *rows;     /* row r has id r + 1 */
    index_t *ix;
} fixture_t;

/* block_rows: the index's rows per block, 0 = the default. */
static void fixture_build_blocks(fixture_t *fx, int dim, size_t n, uint64_t seed,
                                 float zero_frac, size_t block_rows)
{
    uint64_t s = seed;
    fx->dim = dim;
    fx->n = n;
    fx->vecs = malloc(n * (size_t)dim * sizeof(float));
    fx->rows = calloc(n, sizeof(th_row_t));
    fx->ix = index_new(dim);
    ck_assert_ptr_nonnull(fx->ix);
    if (block_rows)
        ck_assert_int_eq(index_set_block_rows(fx->ix, block_rows), 0);
    for (size_t r = 0; r < n; r++) {
        float *v = fx->vecs + r * (size_t)dim;
        th_vec(&s, v, dim, zero_frac);
        th_row_t *row = &fx->rows[r];
        row->user = USERS[th_rand(&s) % 3];
        row->id = (int64_t)r + 1;
        row->vec = v;
        row->created_ms = 1000 + (int64_t)(th_rand(&s) % 1000);
        row->conv_hash = index_hash(th_rand(&s) % 2 ? "c1" : "c2");
        ck_assert_int_eq(put(fx->ix, row->user, row->id, v, row->created_ms,
                                   row->conv_hash), 0);
    }
    ck_assert_uint_eq(index_count(fx->ix), n);
}

static void fixture_build(fixture_t *fx, int dim, size_t n, uint64_t seed, float zero_frac)
{
    fixture_build_blocks(fx, dim, n, seed, zero_frac, 0);
}

static void fixture_free(fixture_t *fx)
{
    index_free(fx->ix);
    free(fx->vecs);
    free(fx->rows);
}

/* got must equal the reference rank by rank (scores within tolerance, so near-ties may
 * swap), and every returned id must really have the returned score. */
static void expect_topk(const fixture_t *fx, const char *user, const float *q, int k,
                        const index_filter_t *f, int idf)
{
    index_hit_t *got = calloc((size_t)k, sizeof(*got));
    index_hit_t *ref = calloc((size_t)k, sizeof(*ref));
    th_row_t *mine = malloc(fx->n * sizeof(*mine));
    size_t nmine = 0;
    for (size_t r = 0; r < fx->n; r++)
        if (fx->rows[r].id)
            mine[nmine++] = fx->rows[r];
    int nr = th_topk(mine, nmine, fx->dim, user, q, k, f, idf, ref);
    /* Both scans: the int8 one, and the sketch first keeping every row (so that the
     * result is exact whatever the sketch's estimates). */
    for (int mode = 0; mode < 2; mode++) {
        index_set_sketch(fx->ix, mode ? 0 : SIZE_MAX, mode ? fx->n : INDEX_SKETCH_CANDIDATES);
        int ng = search(fx->ix, user, q, k, f, idf, got);
        ck_assert_int_eq(ng, nr);
        for (int i = 0; i < ng; i++) {
            ck_assert_msg(fabsf(got[i].score - ref[i].score) < 1e-4f,
                          "rank %d: score %f, reference %f", i, got[i].score, ref[i].score);
            const th_row_t *row = &fx->rows[got[i].id - 1];
            ck_assert_int_eq(row->id, got[i].id);
            ck_assert_str_eq(row->user, user);
            if (f && f->conv_hash)
                ck_assert(row->conv_hash == f->conv_hash);
            if (f && f->since_ms)
                ck_assert_int_ge(row->created_ms, f->since_ms);
            if (f && f->until_ms)
                ck_assert_int_lt(row->created_ms, f->until_ms);
            double plain = th_cosine(q, row->vec, NULL, fx->dim);
            if (!idf)
                ck_assert(fabs(plain - got[i].score) < 1e-4);
            ck_assert_msg(fabs(plain - got[i].cosine) < 1e-5, "rank %d: cosine %f, by hand %f",
                          i, got[i].cosine, plain);
            for (int j = 0; j < i; j++)
                ck_assert_int_ne(got[j].id, got[i].id);
            if (i > 0)
                ck_assert(got[i - 1].score >= got[i].score);
        }
    }
    index_set_sketch(fx->ix, INDEX_SKETCH_MIN_ROWS, INDEX_SKETCH_CANDIDATES);
    free(got);
    free(ref);
    free(mine);
}

START_TEST(test_topk_equals_brute_force)
{
    static const int dims[] = {3, 16, 384, 512};
    static const int ks[] = {1, 5, 10, 50};
    for (size_t di = 0; di < sizeof(dims) / sizeof(dims[0]); di++) {
        fixture_t fx;
        fixture_build(&fx, dims[di], dims[di] > 100 ? 1500 : 4000, 42 + di, 0.3f);
        uint64_t s = 7 + di;
        float *q = malloc((size_t)fx.dim * sizeof(float));
        for (size_t ki = 0; ki < sizeof(ks) / sizeof(ks[0]); ki++) {
            th_vec(&s, q, fx.dim, 0.3f);
            index_filter_t conv = {0, 0, index_hash("c1")};
            index_filter_t window = {1200, 1700, 0};
            index_filter_t all = {1100, 1900, index_hash("c2")};
            for (int idf = 0; idf < 2; idf++) {
                for (int u = 0; u < 3; u++) {
                    expect_topk(&fx, USERS[u], q, ks[ki], NULL, idf);
                    expect_topk(&fx, USERS[u], q, ks[ki], &conv, idf);
                }
                expect_topk(&fx, "alice", q, ks[ki], &window, idf);
                expect_topk(&fx, "bob", q, ks[ki], &all, idf);
            }
        }
        free(q);
        fixture_free(&fx);
    }
}
END_TEST

START_TEST(test_topk_across_scan_chunks)
{
    /* More rows than one scan chunk, so the bounds carry across chunks. */
    fixture_t fx;
    fixture_build(&fx, 8, 60000, 99, 0.0f);
    uint64_t s = 5;
    float q[8];
    for (int t = 0; t < 4; t++) {
        th_vec(&s, q, 8, 0.0f);
        expect_topk(&fx, "carol", q, 20, NULL, 0);
        index_filter_t f = {1500, 0, 0};
        expect_topk(&fx, "alice", q, 7, &f, 1);
    }
    fixture_free(&fx);
}
END_TEST

START_TEST(test_growth_across_blocks_matches_reference)
{
    /* 64-row blocks: each user's rows grow one put at a time through ~20 blocks, then
     * removals move last rows across blocks into holes; every search equals the
     * reference, through both scans, with filters and idf. */
    fixture_t fx;
    fixture_build_blocks(&fx, 24, 4000, 17, 0.3f, 64);
    ck_assert_int_eq(index_set_block_rows(fx.ix, 128), -1);   /* not once it has rows */
    uint64_t s = 23;
    float q[24];
    for (int round = 0; round < 3; round++) {
        for (int t = 0; t < 3; t++) {
            th_vec(&s, q, 24, 0.2f);
            index_filter_t f = {1200, 1900, index_hash("c1")};
            expect_topk(&fx, USERS[t], q, 10, NULL, 0);
            expect_topk(&fx, USERS[t], q, 100, NULL, 1);
            expect_topk(&fx, USERS[t], q, 5, &f, 0);
        }
        for (size_t r = 0; r < fx.n; r++)
            if (fx.rows[r].id && th_rand(&s) % 4 == 0) {
                ck_assert_int_eq(index_remove(fx.ix, fx.rows[r].id), 1);
                fx.rows[r].id = 0;
            }
    }
    /* A reservation spanning several blocks, then puts into it. */
    ck_assert_int_eq(index_reserve(fx.ix, "dave", 300), 0);
    size_t before = index_bytes(fx.ix);
    for (size_t r = 0; r < 300; r++) {
        const float *v = fx.vecs + r * 24;
        ck_assert_int_eq(put(fx.ix, "dave", 100000 + (int64_t)r, v, 1000, 0), 0);
    }
    ck_assert_uint_eq(index_bytes(fx.ix), before);
    ck_assert_uint_eq(index_user_count(fx.ix, "dave"), 300);
    fixture_free(&fx);
}
END_TEST

START_TEST(test_k_larger_than_rows_returns_all_best_first)
{
    index_t *ix = index_new(4);
    const float a[4] = {1, 0, 0, 0}, b[4] = {1, 1, 0, 0}, c[4] = {0, 0, 1, 0};
    put(ix, "u", 1, a, 1, 0);
    put(ix, "u", 2, b, 1, 0);
    put(ix, "u", 3, c, 1, 0);
    index_hit_t h[10];
    ck_assert_int_eq(search(ix, "u", a, 10, NULL, 0, h), 3);
    ck_assert_int_eq(h[0].id, 1);
    ck_assert_float_eq_tol(h[0].score, 1.0f, 1e-6f);
    ck_assert_int_eq(h[1].id, 2);
    ck_assert_float_eq_tol(h[1].score, (float)M_SQRT1_2, 1e-6f);
    ck_assert_int_eq(h[2].id, 3);
    ck_assert_float_eq_tol(h[2].score, 0.0f, 1e-6f);
    index_free(ix);
}
END_TEST

START_TEST(test_removals_and_replacements_reflected_in_search)
{
    fixture_t fx;
    fixture_build(&fx, 32, 2000, 11, 0.0f);
    uint64_t s = 3;
    float q[32];
    th_vec(&s, q, 32, 0.0f);
    index_hit_t h[10];

    /* Remove the current top 5 of alice: they must never come back. */
    int n = search(fx.ix, "alice", q, 5, NULL, 0, h);
    ck_assert_int_eq(n, 5);
    for (int i = 0; i < n; i++) {
        ck_assert_int_eq(index_remove(fx.ix, h[i].id), 1);
        ck_assert_int_eq(index_remove(fx.ix, h[i].id), 0);
        fx.rows[h[i].id - 1].id = 0;    /* gone from the reference too */
    }
    ck_assert_uint_eq(index_count(fx.ix), 1995);
    expect_topk(&fx, "alice", q, 10, NULL, 0);

    /* Replace some bob row with the query itself: it becomes bob's best, score 1. */
    int64_t id = 0;
    for (size_t r = 0; r < fx.n && !id; r++)
        if (fx.rows[r].id && strcmp(fx.rows[r].user, "bob") == 0)
            id = fx.rows[r].id;
    memcpy(fx.vecs + (id - 1) * 32, q, sizeof(q));
    ck_assert_int_eq(put(fx.ix, "bob", id, q, 5, 0), 0);
    fx.rows[id - 1].created_ms = 5;
    fx.rows[id - 1].conv_hash = 0;
    ck_assert_uint_eq(index_count(fx.ix), 1995);
    ck_assert_int_eq(search(fx.ix, "bob", q, 1, NULL, 0, h), 1);
    ck_assert_int_eq(h[0].id, id);
    ck_assert_float_eq_tol(h[0].score, 1.0f, 1e-5f);
    expect_topk(&fx, "bob", q, 10, NULL, 1);

    /* Move it to carol: bob no longer finds it, carol does. */
    ck_assert_int_eq(put(fx.ix, "carol", id, q, 5, 0), 0);
    fx.rows[id - 1].user = "carol";
    ck_assert_int_eq(search(fx.ix, "carol", q, 1, NULL, 0, h), 1);
    ck_assert_int_eq(h[0].id, id);
    expect_topk(&fx, "bob", q, 10, NULL, 0);
    expect_topk(&fx, "carol", q, 10, NULL, 0);
    fixture_free(&fx);
}
END_TEST

START_TEST(test_search_never_crosses_users)
{
    index_t *ix = index_new(8);
    float v[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    for (int64_t id = 1; id <= 100; id++)
        ck_assert_int_eq(put(ix, id % 2 ? "odd" : "even", id, v, id, 0), 0);
    index_hit_t h[100];
    int n = search(ix, "odd", v, 100, NULL, 0, h);
    ck_assert_int_eq(n, 50);
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(h[i].id % 2, 1);
    ck_assert_int_eq(search(ix, "nobody", v, 10, NULL, 0, h), 0);
    ck_assert_int_eq(search(ix, "od", v, 10, NULL, 0, h), 0);
    ck_assert_uint_eq(index_users(ix), 2);
    ck_assert_uint_eq(index_user_count(ix, "even"), 50);
    index_free(ix);
}
END_TEST

START_TEST(test_remove_user_removes_only_that_user)
{
    fixture_t fx;
    fixture_build(&fx, 16, 900, 21, 0.0f);
    size_t bob = index_user_count(fx.ix, "bob");
    ck_assert_uint_gt(bob, 0);
    ck_assert_uint_eq(index_remove_user(fx.ix, "bob"), bob);
    ck_assert_uint_eq(index_remove_user(fx.ix, "bob"), 0);
    ck_assert_uint_eq(index_count(fx.ix), 900 - bob);
    ck_assert_uint_eq(index_users(fx.ix), 2);
    for (size_t r = 0; r < fx.n; r++)
        if (strcmp(fx.rows[r].user, "bob") == 0) {
            ck_assert_int_eq(index_remove(fx.ix, fx.rows[r].id), 0);
            fx.rows[r].id = 0;
        }
    float q[16];
    uint64_t s = 1;
    th_vec(&s, q, 16, 0.0f);
    index_hit_t h[5];
    ck_assert_int_eq(search(fx.ix, "bob", q, 5, NULL, 0, h), 0);
    expect_topk(&fx, "alice", q, 5, NULL, 0);
    expect_topk(&fx, "carol", q, 5, NULL, 1);
    /* The freed partition is reused by a new user. */
    ck_assert_int_eq(put(fx.ix, "dave", 5000, q, 1, 0), 0);
    ck_assert_int_eq(search(fx.ix, "dave", q, 5, NULL, 0, h), 1);
    fixture_free(&fx);
}
END_TEST

START_TEST(test_random_churn_matches_reference)
{
    /* Random puts, replacements, moves and removals over many users; afterwards every
     * user's search equals the reference (exercises the hash tables' deletions). */
    enum { DIM = 12, IDS = 3000, USERS_N = 40 };
    char names[USERS_N][16];
    for (int u = 0; u < USERS_N; u++)
        snprintf(names[u], sizeof(names[u]), "user-%d", u);
    fixture_t fx = {DIM, IDS, malloc(IDS * DIM * sizeof(float)),
                    calloc(IDS, sizeof(th_row_t)), index_new(DIM)};
    uint64_t s = 1234;
    size_t live = 0;
    for (int step = 0; step < 20000; step++) {
        size_t r = th_rand(&s) % IDS;
        th_row_t *row = &fx.rows[r];
        if (th_rand(&s) % 3 == 0) {
            ck_assert_int_eq(index_remove(fx.ix, (int64_t)r + 1), row->id ? 1 : 0);
            live -= row->id != 0;
            row->id = 0;
        } else {
            float *v = fx.vecs + r * DIM;
            th_vec(&s, v, DIM, 0.5f);
            live += row->id == 0;
            row->id = (int64_t)r + 1;
            row->user = names[th_rand(&s) % USERS_N];
            row->vec = v;
            row->created_ms = (int64_t)(th_rand(&s) % 100);
            ck_assert_int_eq(put(fx.ix, row->user, row->id, v, row->created_ms, 0), 0);
        }
        ck_assert_uint_eq(index_count(fx.ix), live);
    }
    float q[DIM];
    for (int u = 0; u < USERS_N; u++) {
        th_vec(&s, q, DIM, 0.0f);
        expect_topk(&fx, names[u], q, 8, NULL, u % 2);
    }
    fixture_free(&fx);
}
END_TEST

/* A row of the postings test: a sparse lexical part (about one value in ten nonzero, as
 * a sketch of a sentence's words) and a dense rest. */
static void post_vec(uint64_t *s, float *v, int dim, int lex, int dense_lex)
{
    th_vec(s, v, dim, 0.0f);
    for (int d = 0; d < lex; d++)
        v[d] = !dense_lex && th_rand(s) % 10 ? 0.0f : 4.0f * v[d];
}

START_TEST(test_postings_find_what_the_scan_finds)
{
    /* Two indexes given the same puts, replacements, moves between users and removals:
     * one with its lexical dims set apart (postings, from the middle of the puts on),
     * one without. Their scans keep the same candidates (the same dot products give the
     * same bounds) and their searches the same hits, bit for bit, and the reference's,
     * for queries of few words and of every word (then the codes are scanned). */
    enum { DIM = 192, LEX = 128, IDS = 4000, K = 10 };
    static const char *const two[] = {"alice", "bob"};
    index_t *a = index_new(DIM), *b = index_new(DIM);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    fixture_t fx = {DIM, IDS, calloc((size_t)IDS * DIM, sizeof(float)),
                    calloc(IDS, sizeof(th_row_t)), a};
    uint64_t s = 4242;
    for (int step = 0; step < 12000; step++) {
        if (step == 2500)
            ck_assert_int_eq(index_set_lexical_dims(a, LEX), 0);
        size_t r = th_rand(&s) % IDS;
        th_row_t *row = &fx.rows[r];
        if (step > 6000 && th_rand(&s) % 4 == 0) {
            ck_assert_int_eq(index_remove(a, (int64_t)r + 1), row->id ? 1 : 0);
            ck_assert_int_eq(index_remove(b, (int64_t)r + 1), row->id ? 1 : 0);
            row->id = 0;
            continue;
        }
        float *v = fx.vecs + r * DIM;
        post_vec(&s, v, DIM, LEX, 0);
        row->id = (int64_t)r + 1;
        row->user = two[th_rand(&s) % 8 == 0];
        row->vec = v;
        row->created_ms = step;
        ck_assert_int_eq(put(a, row->user, row->id, v, row->created_ms, 0), 0);
        ck_assert_int_eq(index_put(b, row->user, row->id, v, row->created_ms, 0), 0);
    }
    index_hit_t ha[K], hb[K];
    float q[DIM];
    for (int t = 0; t < 40; t++) {
        post_vec(&s, q, DIM, LEX, t % 8 == 7);
        const char *user = two[t % 4 == 3];
        int rca, rcb;
        index_cands_t *ca = index_search_scan(a, user, q, K, NULL, 0, &rca),
                      *cb = index_search_scan(b, user, q, K, NULL, 0, &rcb);
        ck_assert_int_eq(rca, 0);
        ck_assert_int_eq(rcb, 0);
        ck_assert_uint_eq(index_cands_count(ca), index_cands_count(cb));
        index_cands_free(ca);
        index_cands_free(cb);
        int na = search(a, user, q, K, NULL, 0, ha), nb = search(b, user, q, K, NULL, 0, hb);
        ck_assert_int_eq(na, nb);
        for (int i = 0; i < na; i++) {
            ck_assert_int_eq(ha[i].id, hb[i].id);
            ck_assert(memcmp(&ha[i].score, &hb[i].score, sizeof(float)) == 0);
        }
        expect_topk(&fx, user, q, K, NULL, 0);
    }
    /* A partition scanned through the sketch first keeps none: the next put drops them. */
    size_t with = index_bytes(a);
    index_set_sketch(a, 16, INDEX_SKETCH_CANDIDATES);
    post_vec(&s, q, DIM, LEX, 0);
    ck_assert_int_eq(put(a, "alice", IDS + 1, q, 1, 0), 0);
    ck_assert_uint_lt(index_bytes(a), with);
    index_free(b);
    fixture_free(&fx);
}
END_TEST

START_TEST(test_int8_kernels_agree)
{
    /* The vector kernels (where the CPU has them) and plain C give identical dots. */
    enum { N = 37, DPAD = 448 };
    int8_t *codes = malloc(N * DPAD), *q = aligned_alloc(64, 4 * DPAD);
    uint64_t s = 3;
    for (int i = 0; i < N * DPAD; i++)
        codes[i] = (int8_t)((int)(th_rand(&s) % 255) - 127);
    for (int j = 0; j < DPAD; j++)
        q[j] = (int8_t)((int)(th_rand(&s) % 255) - 127);
    codes[0] = q[0] = -127;     /* the extremes */
    codes[1] = q[1] = 127;
    index_q8_t q8 = {DPAD, INDEX_KERNEL_C, q, (int16_t *)(void *)(q + DPAD),
                     (uint8_t *)q + 3 * DPAD};
    index_q8_prepare(&q8);
    int32_t ref[N], got[N];
    index_dots_i8(codes, N, &q8, ref);
    for (int i = 0; i < N; i++) {
        int32_t want = 0;
        for (int j = 0; j < DPAD; j++)
            want += codes[i * DPAD + j] * q[j];
        ck_assert_int_eq(ref[i], want);
    }
    for (int kern = INDEX_KERNEL_AUTO; kern <= INDEX_KERNEL_AVX2; kern++) {
        q8.kernel = kern;
        index_dots_i8(codes, N, &q8, got);
        ck_assert_mem_eq(got, ref, sizeof(ref));
    }
    free(codes);
    free(q);
}
END_TEST

START_TEST(test_quantization_error_bound_holds)
{
    uint64_t s = 8;
    int8_t codes[448];
    for (int t = 0; t < 200; t++) {
        float x[400];
        int dim = 1 + (int)(th_rand(&s) % 400);
        th_vec(&s, x, dim, t % 2 ? 0.9f : 0.0f);
        float err, sc = index_quantize(x, dim, 448, codes, &err);
        double e2 = 0;
        for (int d = 0; d < dim; d++) {
            ck_assert_int_ge(codes[d], -127);
            double diff = x[d] - (double)sc * codes[d];
            e2 += diff * diff;
        }
        for (int d = dim; d < 448; d++)
            ck_assert_int_eq(codes[d], 0);
        ck_assert(sqrt(e2) <= err);
    }
}
END_TEST

START_TEST(test_near_duplicates_keep_the_int8_scan_exact)
{
    /* Thousands of rows within the quantization error of each other (the worst case for
     * the compact scan: most rows stay candidates) still give the exact top k. */
    enum { DIM = 64, N = 12000 };
    fixture_t fx = {DIM, N, malloc(N * DIM * sizeof(float)), calloc(N, sizeof(th_row_t)),
                    index_new(DIM)};
    uint64_t s = 42;
    float base[DIM], q[DIM];
    th_vec(&s, base, DIM, 0.0f);
    for (size_t r = 0; r < N; r++) {
        float *v = fx.vecs + r * DIM;
        for (int d = 0; d < DIM; d++)
            v[d] = base[d] + (r % 3 ? 1e-4f : 1e-2f) * th_uniform(&s);
        fx.rows[r] = (th_row_t){"alice", (int64_t)r + 1, v, 0, 0};
        ck_assert_int_eq(put(fx.ix, "alice", (int64_t)r + 1, v, 0, 0), 0);
    }
    for (int d = 0; d < DIM; d++)
        q[d] = base[d] + 1e-3f * th_uniform(&s);
    expect_topk(&fx, "alice", q, 10, NULL, 0);
    expect_topk(&fx, "alice", q, 200, NULL, 1);
    memcpy(q, base, sizeof(q));
    expect_topk(&fx, "alice", q, 1, NULL, 0);
    fixture_free(&fx);
}
END_TEST

START_TEST(test_sign4_kernels_agree_with_the_loop)
{
    /* For random sketch rows and 4-bit queries (the extremes included), each kernel
     * (AVX-512 VPOPCNTDQ, popcnt, plain C) gives the sum a plain loop over the bits
     * gives; rows of 1, 8 (the vector fast path), 9 and 20 words. */
    static const size_t widths[] = {1, 8, 9, 20};
    enum { N = 37 };
    uint64_t s = 5;
    for (size_t wi = 0; wi < sizeof(widths) / sizeof(widths[0]); wi++) {
        size_t words = widths[wi], dims = words * 64;
        uint64_t *bits = malloc(N * words * sizeof(uint64_t));
        uint64_t *planes = calloc(4 * words, sizeof(uint64_t));
        int *q4 = malloc(dims * sizeof(int));
        for (size_t i = 0; i < N * words; i++)
            bits[i] = th_rand(&s);
        bits[0] = ~(uint64_t)0;     /* every bit set */
        bits[words] = 0;            /* none */
        for (size_t j = 0; j < dims; j++) {
            q4[j] = j < 2 ? (j ? 7 : -8) : (int)(th_rand(&s) % 16) - 8;
            for (int b = 0; b < 4; b++)
                planes[b * words + j / 64] |= (uint64_t)(((q4[j] + 8) >> b) & 1) << (j % 64);
        }
        int32_t want[N], got[N];
        for (size_t i = 0; i < N; i++) {
            want[i] = 0;
            for (size_t j = 0; j < dims; j++)
                if ((bits[i * words + j / 64] >> (j % 64)) & 1)
                    want[i] += q4[j];
        }
        for (int kern = INDEX_KERNEL_AUTO; kern <= INDEX_KERNEL_C; kern++) {
            index_dots_sign4(bits, N, words, planes, kern, got);
            ck_assert_mem_eq(got, want, sizeof(want));
        }
        free(bits);
        free(planes);
        free(q4);
    }
}
END_TEST

START_TEST(test_rotation_keeps_dot_products)
{
    /* The sketch's mixing is orthonormal: dot products and norms come through it, and
     * it pads with zeros past dim. */
    static const int dims[] = {3, 64, 100, 512, 576, 1000};
    uint64_t s = 12;
    for (size_t di = 0; di < sizeof(dims) / sizeof(dims[0]); di++) {
        int dim = dims[di];
        size_t dpad = ((size_t)dim + 63) / 64 * 64;
        index_t *ix = index_new(dim);
        float *a = malloc((size_t)dim * sizeof(float)), *b = malloc((size_t)dim * sizeof(float));
        float *ra = malloc(dpad * sizeof(float)), *rb = malloc(dpad * sizeof(float));
        for (int t = 0; t < 5; t++) {
            th_vec(&s, a, dim, t % 2 ? 0.9f : 0.0f);
            th_vec(&s, b, dim, 0.3f);
            index_rotate(ix, a, ra);
            index_rotate(ix, b, rb);
            double ab = 0, aa = 0, bb = 0, rab = 0, raa = 0;
            for (int d = 0; d < dim; d++) {
                ab += (double)a[d] * b[d];
                aa += (double)a[d] * a[d];
                bb += (double)b[d] * b[d];
            }
            for (size_t d = 0; d < dpad; d++) {
                rab += (double)ra[d] * rb[d];
                raa += (double)ra[d] * ra[d];
            }
            ck_assert_double_eq_tol(rab, ab, 1e-5 * sqrt(aa * bb) + 1e-9);
            ck_assert_double_eq_tol(raa, aa, 1e-5 * aa + 1e-9);
        }
        free(a);
        free(b);
        free(ra);
        free(rb);
        index_free(ix);
    }
}
END_TEST

START_TEST(test_sketch_rows_agree_across_kernels)
{
    /* The AVX-512 sketch of a mixed row has the plain loop's bits, and each factor
     * makes the row's own estimate exact: sfac * sum (2 v - 3) y = 1. */
    static const size_t widths[] = {64, 512, 576};
    uint64_t s = 6;
    for (size_t wi = 0; wi < sizeof(widths) / sizeof(widths[0]); wi++) {
        size_t dpad = widths[wi], words = dpad / 64;
        float *y = malloc(dpad * sizeof(float));
        uint64_t hi[2][9], lo[2][9];
        for (int t = 0; t < 20; t++) {
            th_vec(&s, y, (int)dpad, t % 3 ? 0.0f : 0.8f);
            float f[2];
            for (int kern = 0; kern < 2; kern++)
                f[kern] = index_sketch_row(y, dpad, hi[kern], lo[kern],
                                           kern ? INDEX_KERNEL_C : INDEX_KERNEL_AUTO);
            ck_assert_mem_eq(hi[0], hi[1], words * sizeof(uint64_t));
            ck_assert_mem_eq(lo[0], lo[1], words * sizeof(uint64_t));
            ck_assert_float_eq_tol(f[0], f[1], 1e-5f * f[1]);
            double g = 0;
            for (size_t j = 0; j < dpad; j++) {
                int v = 2 * (int)((hi[1][j / 64] >> (j % 64)) & 1) +
                        (int)((lo[1][j / 64] >> (j % 64)) & 1);
                ck_assert_int_eq(v >= 2, y[j] >= 0.0f);
                g += (2 * v - 3) * (double)y[j];
            }
            ck_assert_double_eq_tol(g * f[1], 1.0, 1e-4);
        }
        memset(y, 0, dpad * sizeof(float));
        ck_assert_float_eq(index_sketch_row(y, dpad, hi[0], lo[0], INDEX_KERNEL_AUTO), 0.0f);
        free(y);
    }
}
END_TEST

/* Mean recall@k of the sketch-first search (candidates rows kept) against the exact one,
 * over nq random queries, on fx's user "alice". */
static double sketch_recall(fixture_t *fx, int nq, int k, size_t candidates, float zero_frac)
{
    index_hit_t *exact = malloc((size_t)k * sizeof(*exact));
    index_hit_t *got = malloc((size_t)k * sizeof(*got));
    float *q = malloc((size_t)fx->dim * sizeof(float));
    uint64_t s = 99;
    long found = 0, want = 0;
    for (int t = 0; t < nq; t++) {
        th_vec(&s, q, fx->dim, zero_frac);
        index_set_sketch(fx->ix, SIZE_MAX, candidates);
        int ne = search(fx->ix, "alice", q, k, NULL, t % 2, exact);
        index_set_sketch(fx->ix, 0, candidates);
        int ng = search(fx->ix, "alice", q, k, NULL, t % 2, got);
        ck_assert_int_eq(ng, ne);
        for (int i = 0; i < ng; i++)
            for (int j = 0; j < ne; j++)
                found += got[i].id == exact[j].id;
        want += ne;
    }
    index_set_sketch(fx->ix, INDEX_SKETCH_MIN_ROWS, INDEX_SKETCH_CANDIDATES);
    free(exact);
    free(got);
    free(q);
    return want ? (double)found / (double)want : 1.0;
}

/* n rows of one user ("alice"), each value zero with probability zero_frac. */
static void fixture_one_user(fixture_t *fx, int dim, size_t n, uint64_t seed, float zero_frac)
{
    uint64_t s = seed;
    *fx = (fixture_t){dim, n, malloc(n * (size_t)dim * sizeof(float)),
                      calloc(n, sizeof(th_row_t)), index_new(dim)};
    for (size_t r = 0; r < n; r++) {
        float *v = fx->vecs + r * (size_t)dim;
        th_vec(&s, v, dim, zero_frac);
        fx->rows[r] = (th_row_t){"alice", (int64_t)r + 1, v, 0, 0};
        ck_assert_int_eq(put(fx->ix, "alice", (int64_t)r + 1, v, 0, 0), 0);
    }
}

START_TEST(test_sketch_stage_keeps_the_true_top_k)
{
    /* Keeping 2% of the rows for the int8 stage (INDEX_SKETCH_PER_HIT per hit), the
     * sketch-first search finds nearly all of the exact top 10: dense rows, and sparse
     * ones (about 25 of 512 values nonzero, like the lexical sketch) which the mixing
     * spreads. */
    fixture_t fx;
    fixture_one_user(&fx, 512, 20000, 3, 0.0f);
    double dense = sketch_recall(&fx, 40, 10, 200, 0.0f);
    fixture_free(&fx);
    fixture_one_user(&fx, 512, 20000, 4, 0.95f);
    double sparse = sketch_recall(&fx, 40, 10, 200, 0.95f);
    fixture_free(&fx);
    ck_assert_msg(dense >= 0.95, "dense recall %.3f", dense);
    ck_assert_msg(sparse >= 0.95, "sparse recall %.3f", sparse);
}
END_TEST

START_TEST(test_sketch_stage_finds_a_near_duplicate_first)
{
    /* A row next to the query is the top hit even when the sketch keeps few rows of
     * 30,000 (INDEX_SKETCH_PER_HIT per hit; two shares of blocks). */
    fixture_t fx;
    fixture_build_blocks(&fx, 96, 30000, 8, 0.0f, 4096);
    index_set_sketch(fx.ix, 0, 16);
    uint64_t s = 17;
    float q[96];
    index_hit_t h[3];
    for (int t = 0; t < 20; t++) {
        size_t r = th_rand(&s) % fx.n;
        for (int d = 0; d < 96; d++)
            q[d] = fx.vecs[r * 96 + d] + 0.01f * th_uniform(&s);
        ck_assert_int_eq(search(fx.ix, fx.rows[r].user, q, 3, NULL, 0, h), 3);
        ck_assert_int_eq(h[0].id, fx.rows[r].id);
    }
    fixture_free(&fx);
}
END_TEST

/* fetch_saved, but id `gone` is no longer found (deleted since the scan). */
typedef struct gone_ctx {
    int64_t gone;
    size_t reads;
} gone_ctx_t;

static int fetch_but_gone(void *ctx, const int64_t *ids, int n, float *vecs,
                          unsigned char *found)
{
    gone_ctx_t *g = ctx;
    fetch_saved(&g->reads, ids, n, vecs, found);
    for (int i = 0; i < n; i++)
        if (ids[i] == g->gone)
            found[i] = 0;
    return 0;
}

START_TEST(test_ranking_skips_rows_gone_and_reads_few)
{
    /* The ranking reads back no more rows than the scan left in reach (a few dozen of
     * thousands), and a row its reader no longer finds is left out, the others keeping
     * their order (the scan kept the rows in reach of the top k: k - 1 may come back). */
    fixture_t fx;
    fixture_one_user(&fx, 48, 6000, 21, 0.0f);
    uint64_t s = 2;
    float q[48];
    index_hit_t h[10], h2[10];
    for (int t = 0; t < 10; t++) {
        th_vec(&s, q, 48, 0.0f);
        int rc;
        index_cands_t *c = index_search_scan(fx.ix, "alice", q, 10, NULL, 0, &rc);
        ck_assert_int_eq(rc, 0);
        ck_assert_uint_lt(index_cands_count(c), 600);
        gone_ctx_t g = {0, 0};
        ck_assert_int_eq(index_search_rank(c, fetch_but_gone, &g, h), 10);
        ck_assert_uint_le(g.reads, index_cands_count(c));
        ck_assert_uint_ge(g.reads, 10);
        g = (gone_ctx_t){h[0].id, 0};
        int n2 = index_search_rank(c, fetch_but_gone, &g, h2);
        ck_assert_int_ge(n2, 9);
        for (int i = 0; i < 9; i++)
            ck_assert_int_eq(h2[i].id, h[i + 1].id);
        ck_assert(n2 == 9 || h2[9].id != h[0].id);
        index_cands_free(c);
    }
    int rc;
    ck_assert_ptr_null(index_search_scan(fx.ix, "nobody", q, 10, NULL, 0, &rc));
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(index_search_rank(NULL, fetch_saved, NULL, h), 0);
    fixture_free(&fx);
}
END_TEST

START_TEST(test_df_counts_values_too_small_for_a_code)
{
    /* Values far below a row's largest (which round to code 0) still count in df, so idf
     * matches the reference; removals take them off again. */
    fixture_t fx;
    fixture_one_user(&fx, 16, 300, 31, 0.5f);
    uint64_t s = 4;
    for (size_t r = 0; r < fx.n; r += 2) {
        float *v = fx.vecs + r * 16;
        v[r % 16] = v[r % 16] != 0.0f ? 1e-7f : 0.0f;
        ck_assert_int_eq(put(fx.ix, "alice", fx.rows[r].id, v, 0, 0), 0);
    }
    float q[16];
    for (int t = 0; t < 5; t++) {
        th_vec(&s, q, 16, 0.0f);
        expect_topk(&fx, "alice", q, 20, NULL, 1);
    }
    for (size_t r = 0; r < fx.n; r += 3) {
        ck_assert_int_eq(index_remove(fx.ix, fx.rows[r].id), 1);
        fx.rows[r].id = 0;
    }
    expect_topk(&fx, "alice", q, 20, NULL, 1);
    fixture_free(&fx);
}
END_TEST

START_TEST(test_a_record_put_back_is_the_row_put)
{
    /* The start-up load puts each row from the record stored with its memory
     * (index_put_code): an index built so answers as one built by index_put, score for
     * score, through the sketch stage too; and a vector index_put refuses has no record. */
    enum { D = 200, N = 700 };
    index_t *a = index_new(D), *b = index_new(D);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    index_set_sketch(a, 0, 64);
    index_set_sketch(b, 0, 64);
    unsigned char *code = malloc(index_code_bytes(b));
    void *scratch = malloc(index_encode_scratch(b));
    float v[D];
    uint64_t s = 8;
    for (int i = 1; i <= N; i++) {
        th_vec(&s, v, D, 0.7f);
        const char *user = USERS[i % 2];
        ck_assert_int_eq(put(a, user, i, v, i, (uint64_t)i % 5), 0);
        ck_assert_int_eq(index_encode(b, v, code, scratch), 0);
        ck_assert_int_eq(index_put_code(b, user, i, code, i, (uint64_t)i % 5), 0);
    }
    ck_assert_uint_eq(index_bytes(a), index_bytes(b));
    index_hit_t ha[10], hb[10];
    for (int t = 0; t < 8; t++) {
        th_vec(&s, v, D, 0.5f);
        index_filter_t f = {.conv_hash = t % 3 ? 0 : 2};
        int na = search(a, USERS[t % 2], v, 10, &f, t % 2, ha);
        ck_assert_int_eq(search(b, USERS[t % 2], v, 10, &f, t % 2, hb), na);
        for (int i = 0; i < na; i++) {
            ck_assert_int_eq(ha[i].id, hb[i].id);
            ck_assert(ha[i].score == hb[i].score);
        }
    }
    v[3] = INFINITY;
    memset(code, 0x5a, index_code_bytes(b));
    ck_assert_int_eq(index_encode(b, v, code, scratch), -1);
    ck_assert_int_eq(code[0], 0x5a);
    free(code);
    free(scratch);
    index_free(a);
    index_free(b);
}
END_TEST

START_TEST(test_bad_input_leaves_index_unchanged)
{
    index_t *ix = index_new(4);
    const float ok[4] = {1, 0, 0, 0};
    float bad[4] = {1, NAN, 0, 0};
    ck_assert_int_eq(put(ix, "u", 1, ok, 1, 0), 0);
    ck_assert_int_eq(put(ix, "u", 0, ok, 1, 0), -1);
    ck_assert_int_eq(put(ix, "u", 2, bad, 1, 0), -1);
    ck_assert_int_eq(put(ix, "u", 1, bad, 1, 0), -1);
    ck_assert_uint_eq(index_count(ix), 1);
    index_hit_t h[4];
    ck_assert_int_eq(search(ix, "u", ok, 4, NULL, 0, h), 1);
    ck_assert_float_eq_tol(h[0].score, 1.0f, 1e-6f);
    ck_assert_int_eq(search(ix, "u", bad, 4, NULL, 0, h), -1);
    ck_assert_int_eq(search(ix, "u", ok, 0, NULL, 0, h), -1);
    ck_assert_ptr_null(index_new(0));
    index_free(ix);
}
END_TEST

START_TEST(test_zero_vectors_score_zero)
{
    index_t *ix = index_new(4);
    const float zero[4] = {0}, one[4] = {0, 1, 0, 0};
    ck_assert_int_eq(put(ix, "u", 1, zero, 1, 0), 0);
    ck_assert_int_eq(put(ix, "u", 2, one, 1, 0), 0);
    index_hit_t h[2];
    ck_assert_int_eq(search(ix, "u", one, 2, NULL, 0, h), 2);
    ck_assert_int_eq(h[0].id, 2);
    ck_assert_float_eq_tol(h[1].score, 0.0f, 1e-9f);
    ck_assert_int_eq(search(ix, "u", zero, 2, NULL, 1, h), 2);
    ck_assert_float_eq_tol(h[0].score, 0.0f, 1e-9f);
    index_free(ix);
}
END_TEST

START_TEST(test_idf_weights_rare_dimensions)
{
    /* Dimension 0 is in every row, dimension 1 in one: a query on both prefers the row
     * sharing the rare one once idf is on. */
    index_t *ix = index_new(3);
    const float common[3] = {1, 0, 1}, rare[3] = {1, 1, 0}, q[3] = {1, 0.3f, 1};
    for (int64_t id = 1; id <= 20; id++)
        put(ix, "u", id, common, 1, 0);
    put(ix, "u", 100, rare, 1, 0);
    index_hit_t h[1];
    ck_assert_int_eq(search(ix, "u", q, 1, NULL, 0, h), 1);
    ck_assert_int_ne(h[0].id, 100);
    ck_assert_int_eq(search(ix, "u", q, 1, NULL, 1, h), 1);
    ck_assert_int_eq(h[0].id, 100);
    index_free(ix);
}
END_TEST

START_TEST(test_idf_applies_only_to_lexical_dims)
{
    /* Rows of a 5-dim lexical part and a 3-dim rest: idf weights dims 0..4 of the query
     * and that part keeps its norm, so every score is the cosine with
     * [|q_lex| * w.q_lex / |w.q_lex| ; q_rest]. */
    enum { DIM = 8, LEX = 5, N = 40 };
    uint64_t s = 7;
    float rows[N][DIM], q[DIM];
    index_t *ix = index_new(DIM);
    ck_assert_int_eq(index_set_lexical_dims(ix, DIM + 1), -1);
    ck_assert_int_eq(index_set_lexical_dims(ix, LEX), 0);
    double df[LEX] = {0};
    for (int r = 0; r < N; r++) {
        th_vec(&s, rows[r], DIM, 0.4f);
        ck_assert_int_eq(put(ix, "u", r + 1, rows[r], 1, 0), 0);
        for (int d = 0; d < LEX; d++)
            df[d] += rows[r][d] != 0.0f;
    }
    th_vec(&s, q, DIM, 0.0f);
    double qw[DIM], before = 0, after = 0;
    for (int d = 0; d < DIM; d++) {
        qw[d] = q[d] * (d < LEX ? log((N + 1.0) / (df[d] + 0.5)) : 1.0);
        if (d < LEX) {
            before += (double)q[d] * q[d];
            after += qw[d] * qw[d];
        }
    }
    for (int d = 0; d < LEX; d++)
        qw[d] *= sqrt(before / after);
    index_hit_t h[N];
    ck_assert_int_eq(search(ix, "u", q, N, NULL, 1, h), N);
    for (int i = 0; i < N; i++) {
        const float *x = rows[h[i].id - 1];
        double dot = 0, qq = 0, xx = 0;
        for (int d = 0; d < DIM; d++) {
            dot += qw[d] * x[d];
            qq += qw[d] * qw[d];
            xx += (double)x[d] * x[d];
        }
        ck_assert_double_eq_tol(h[i].score, dot / sqrt(qq * xx), 1e-5);
        ck_assert_double_eq_tol(h[i].cosine, th_cosine(q, x, NULL, DIM), 1e-5);
    }
    index_free(ix);
}
END_TEST

START_TEST(test_reserve_then_put_and_bytes)
{
    index_t *ix = index_new(16);
    ck_assert_int_eq(index_reserve(ix, NULL, 1000), 0);
    ck_assert_int_eq(index_reserve(ix, "u", 1000), 0);
    ck_assert_uint_eq(index_users(ix), 0);     /* reserved, still empty */
    size_t before = index_bytes(ix);
    ck_assert_uint_ge(before, 1000 * (64 + 16));     /* codes, sketch planes */
    float v[16] = {1};
    for (int64_t id = 1; id <= 1000; id++)
        ck_assert_int_eq(put(ix, "u", id, v, 0, 0), 0);
    ck_assert_uint_eq(index_bytes(ix), before);  /* no growth past the reservation */
    ck_assert_uint_eq(index_users(ix), 1);
    index_free(ix);
}
END_TEST

START_TEST(test_hash_is_never_zero_and_distinguishes)
{
    ck_assert(index_hash("") != 0);
    ck_assert(index_hash("c1") != index_hash("c2"));
    ck_assert(index_hash("c1") == index_hash("c1"));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("index");
    TCase *tc = tcase_create("index");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_topk_equals_brute_force);
    tcase_add_test(tc, test_topk_across_scan_chunks);
    tcase_add_test(tc, test_growth_across_blocks_matches_reference);
    tcase_add_test(tc, test_k_larger_than_rows_returns_all_best_first);
    tcase_add_test(tc, test_removals_and_replacements_reflected_in_search);
    tcase_add_test(tc, test_search_never_crosses_users);
    tcase_add_test(tc, test_remove_user_removes_only_that_user);
    tcase_add_test(tc, test_random_churn_matches_reference);
    tcase_add_test(tc, test_int8_kernels_agree);
    tcase_add_test(tc, test_quantization_error_bound_holds);
    tcase_add_test(tc, test_near_duplicates_keep_the_int8_scan_exact);
    tcase_add_test(tc, test_sign4_kernels_agree_with_the_loop);
    tcase_add_test(tc, test_rotation_keeps_dot_products);
    tcase_add_test(tc, test_sketch_rows_agree_across_kernels);
    tcase_add_test(tc, test_sketch_stage_keeps_the_true_top_k);
    tcase_add_test(tc, test_sketch_stage_finds_a_near_duplicate_first);
    tcase_add_test(tc, test_ranking_skips_rows_gone_and_reads_few);
    tcase_add_test(tc, test_df_counts_values_too_small_for_a_code);
    tcase_add_test(tc, test_a_record_put_back_is_the_row_put);
    tcase_add_test(tc, test_bad_input_leaves_index_unchanged);
    tcase_add_test(tc, test_zero_vectors_score_zero);
    tcase_add_test(tc, test_idf_weights_rare_dimensions);
    tcase_add_test(tc, test_idf_applies_only_to_lexical_dims);
    tcase_add_test(tc, test_postings_find_what_the_scan_finds);
    tcase_add_test(tc, test_reserve_then_put_and_bytes);
    tcase_add_test(tc, test_hash_is_never_zero_and_distinguishes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

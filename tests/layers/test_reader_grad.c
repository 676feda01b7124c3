/* test_reader_grad.c: the reader's layers (reader_internal.h): the hashed character
 * n-grams, their embedding bag, the linear heads, softmax cross-entropy and pooling,
 * each optimized kernel against its loop twin and every backward against central finite
 * differences (GC_TOL, gradcheck.h); then the whole reader's loss against finite
 * differences for every tensor, and a batch split over workers giving the gradient of
 * the whole batch. */
#include "model/reader_internal.h"
#include "gradcheck.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* ---- n-grams ------------------------------------------------------------------------ */

START_TEST(test_ngrams_count_marked_code_points)
{
    int g[READER_MAX_NGRAMS];
    /* "<cat>": 5 code points -> 3 + 2 + 1 n-grams, the whole word among them */
    ck_assert_int_eq(reader_ngrams("cat", 3, 1 << 15, g, READER_MAX_NGRAMS), 6);
    /* "<dogs>": 6 -> 4 + 3 + 2 and the whole word */
    ck_assert_int_eq(reader_ngrams("dogs", 4, 1 << 15, g, READER_MAX_NGRAMS), 10);
    /* one CJK character is one code point: "<猫>" */
    ck_assert_int_eq(reader_ngrams("猫", strlen("猫"), 1 << 15, g, READER_MAX_NGRAMS), 1);
    ck_assert_int_eq(reader_ngrams("", 0, 1 << 15, g, READER_MAX_NGRAMS), 0);
    /* a long word keeps the first max */
    ck_assert_int_eq(reader_ngrams("internationalisation", 20, 97, g, 8), 8);
}
END_TEST

START_TEST(test_ngrams_are_in_range_and_shared_by_a_typo)
{
    int a[READER_MAX_NGRAMS], b[READER_MAX_NGRAMS];
    int na = reader_ngrams("retriever", 9, 4096, a, READER_MAX_NGRAMS);
    int nb = reader_ngrams("retreiver", 9, 4096, b, READER_MAX_NGRAMS);
    int shared = 0;
    for (int i = 0; i < na; i++) {
        ck_assert_int_ge(a[i], 0);
        ck_assert_int_lt(a[i], 4096);
        for (int j = 0; j < nb; j++)
            if (a[i] == b[j]) {
                shared++;
                break;
            }
    }
    ck_assert_int_ge(shared, na / 3);
    /* the same word always hashes the same */
    int c[READER_MAX_NGRAMS];
    ck_assert_int_eq(reader_ngrams("retriever", 9, 4096, c, READER_MAX_NGRAMS), na);
    ck_assert_mem_eq(a, c, sizeof(int) * (size_t)na);
}
END_TEST

/* ---- the n-gram bag ------------------------------------------------------------------ */

enum { NB = 11, E = 5, NW = 4 };

typedef struct bag_ctx {
    int off[NW + 1], idx[32];
    float *table, *dtable, *out, *w;
} bag_ctx_t;

static void bag_init(bag_ctx_t *c)
{
    gc_seed(3);
    static const int cnt[NW] = {3, 0, 5, 2}; /* a word without n-grams among them */
    c->off[0] = 0;
    for (int i = 0; i < NW; i++)
        c->off[i + 1] = c->off[i] + cnt[i];
    for (int j = 0; j < c->off[NW]; j++)
        c->idx[j] = (j * 7 + 3) % NB; /* repeats across words */
    c->idx[1] = c->idx[0];             /* and within one */
    c->table = gc_alloc(NB * E);
    c->dtable = gc_alloc(NB * E);
    c->out = gc_alloc(NW * E);
    c->w = gc_alloc(NW * E);
    gc_fill(c->table, NB * E, 0.5f);
    gc_fill(c->w, NW * E, 1.0f);
}

static void bag_free(bag_ctx_t *c)
{
    free(c->table);
    free(c->dtable);
    free(c->out);
    free(c->w);
}

static double bag_loss(void *ctx)
{
    bag_ctx_t *c = ctx;
    memset(c->out, 0, sizeof(float) * NW * E);
    reader_cng_forward(c->out, c->off, c->idx, c->table, NW, E);
    return gc_dot(c->out, c->w, NW * E);
}

START_TEST(test_ngram_bag_matches_reference)
{
    bag_ctx_t c;
    bag_init(&c);
    float *o2 = gc_alloc(NW * E), *d2 = gc_alloc(NB * E);
    bag_loss(&c);
    reader_cng_forward_ref(o2, c.off, c.idx, c.table, NW, E);
    ck_assert_double_lt(gc_maxdiff(c.out, o2, NW * E), GC_REF_TOL);
    for (int k = 0; k < E; k++) /* the word without n-grams reads nothing */
        ck_assert_float_eq(c.out[1 * E + k], 0.0f);
    reader_cng_backward(c.dtable, c.w, c.off, c.idx, NW, E);
    reader_cng_backward_ref(d2, c.w, c.off, c.idx, NW, E);
    ck_assert_double_lt(gc_maxdiff(c.dtable, d2, NB * E), GC_REF_TOL);
    free(o2);
    free(d2);
    bag_free(&c);
}
END_TEST

START_TEST(test_ngram_bag_backward_matches_finite_differences)
{
    bag_ctx_t c;
    bag_init(&c);
    bag_loss(&c);
    reader_cng_backward(c.dtable, c.w, c.off, c.idx, NW, E);
    ck_assert_double_lt(gc_check(bag_loss, &c, c.table, c.dtable, NB * E, 1000, GC_EPS),
                        GC_TOL);
    bag_free(&c);
}
END_TEST

/* ---- linear, cross-entropy, pooling ------------------------------------------------ */

enum { LN = 4, LIN = 6, LK = 5 };

typedef struct lin_ctx {
    float *x, *w, *b, *y, *dx, *dw, *db, *p;
    int tg[LN];
} lin_ctx_t;

static void lin_init(lin_ctx_t *c)
{
    gc_seed(5);
    c->x = gc_alloc(LN * LIN);
    c->w = gc_alloc(LIN * LK);
    c->b = gc_alloc(LK);
    c->y = gc_alloc(LN * LK);
    c->p = gc_alloc(LN * LK);
    c->dx = gc_alloc(LN * LIN);
    c->dw = gc_alloc(LIN * LK);
    c->db = gc_alloc(LK);
    gc_fill(c->x, LN * LIN, 1.0f);
    gc_fill(c->w, LIN * LK, 0.7f);
    gc_fill(c->b, LK, 0.3f);
    int tg[LN] = {2, -1, 0, 4}; /* one row ignored */
    memcpy(c->tg, tg, sizeof tg);
}

static void lin_free(lin_ctx_t *c)
{
    free(c->x); free(c->w); free(c->b); free(c->y); free(c->p);
    free(c->dx); free(c->dw); free(c->db);
}

/* linear then softmax cross-entropy: the heads as the reader runs them */
static double lin_loss(void *ctx)
{
    lin_ctx_t *c = ctx;
    reader_linear_forward(c->y, c->x, c->w, c->b, LN, LIN, LK);
    return reader_xent_forward(c->p, c->y, c->tg, LN, LK);
}

START_TEST(test_linear_matches_reference)
{
    lin_ctx_t c;
    lin_init(&c);
    float *y2 = gc_alloc(LN * LK), *dy = gc_alloc(LN * LK);
    float *dx2 = gc_alloc(LN * LIN), *dw2 = gc_alloc(LIN * LK), *db2 = gc_alloc(LK);
    reader_linear_forward(c.y, c.x, c.w, c.b, LN, LIN, LK);
    reader_linear_forward_ref(y2, c.x, c.w, c.b, LN, LIN, LK);
    ck_assert_double_lt(gc_maxdiff(c.y, y2, LN * LK), GC_REF_TOL);
    gc_fill(dy, LN * LK, 1.0f);
    reader_linear_backward(c.dx, c.dw, c.db, dy, c.x, c.w, LN, LIN, LK);
    reader_linear_backward_ref(dx2, dw2, db2, dy, c.x, c.w, LN, LIN, LK);
    ck_assert_double_lt(gc_maxdiff(c.dx, dx2, LN * LIN), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.dw, dw2, LIN * LK), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.db, db2, LK), GC_REF_TOL);
    free(y2); free(dy); free(dx2); free(dw2); free(db2);
    lin_free(&c);
}
END_TEST

START_TEST(test_linear_softmax_xent_backward_matches_finite_differences)
{
    lin_ctx_t c;
    lin_init(&c);
    lin_loss(&c);
    float *dy = gc_alloc(LN * LK);
    reader_xent_backward(dy, c.p, c.tg, LN, LK, 1.0f);
    for (int k = 0; k < LK; k++) /* the ignored row has no gradient */
        ck_assert_float_eq(dy[1 * LK + k], 0.0f);
    reader_linear_backward(c.dx, c.dw, c.db, dy, c.x, c.w, LN, LIN, LK);
    ck_assert_double_lt(gc_check(lin_loss, &c, c.w, c.dw, LIN * LK, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(lin_loss, &c, c.b, c.db, LK, 1000, GC_EPS), GC_TOL);
    ck_assert_double_lt(gc_check(lin_loss, &c, c.x, c.dx, LN * LIN, 1000, GC_EPS), GC_TOL);
    free(dy);
    lin_free(&c);
}
END_TEST

enum { PB = 3, PT = 4, PH = 3 };

typedef struct pool_ctx {
    float *hc, *dhc, *out, *w;
    int len[PB];
} pool_ctx_t;

static double pool_loss(void *ctx)
{
    pool_ctx_t *c = ctx;
    reader_pool_forward(c->out, c->hc, c->len, PB, PT, PH);
    return gc_dot(c->out, c->w, PB * 4 * PH);
}

START_TEST(test_pooling_backward_matches_finite_differences)
{
    pool_ctx_t c = {.len = {4, 2, 1}};
    gc_seed(9);
    c.hc = gc_alloc(PB * PT * 2 * PH);
    c.dhc = gc_alloc(PB * PT * 2 * PH);
    c.out = gc_alloc(PB * 4 * PH);
    c.w = gc_alloc(PB * 4 * PH);
    gc_fill(c.hc, PB * PT * 2 * PH, 1.0f);
    gc_fill(c.w, PB * 4 * PH, 1.0f);
    pool_loss(&c);
    /* clause 1 (2 words): its last forward state is step 1, its first backward step 0 */
    ck_assert_float_eq(c.out[4 * PH + 2 * PH], c.hc[(PT + 1) * 2 * PH]);
    ck_assert_float_eq(c.out[4 * PH + 3 * PH], c.hc[PT * 2 * PH + PH]);
    reader_pool_backward(c.dhc, c.w, c.len, PB, PT, PH);
    ck_assert_double_lt(gc_check(pool_loss, &c, c.hc, c.dhc, PB * PT * 2 * PH, 1000, GC_EPS),
                        GC_TOL);
    /* padded steps get nothing */
    for (int k = 0; k < 2 * PH; k++)
        ck_assert_float_eq(c.dhc[(2 * PT + 3) * 2 * PH + k], 0.0f);
    free(c.hc); free(c.dhc); free(c.out); free(c.w);
}
END_TEST

START_TEST(test_decode_turns_a_stray_inside_tag_into_a_begin)
{
    enum { N = 4 };
    static const int want_argmax[N] = {READER_I_VALUE, READER_I_VALUE, READER_O, READER_I_NAME};
    float pt[N * READER_NTAGS] = {0};
    for (int t = 0; t < N; t++)
        pt[t * READER_NTAGS + want_argmax[t]] = 1.0f;
    unsigned char tags[N];
    reader_decode_tags(tags, pt, N);
    ck_assert_int_eq(tags[0], READER_B_VALUE);
    ck_assert_int_eq(tags[1], READER_I_VALUE);
    ck_assert_int_eq(tags[2], READER_O);
    ck_assert_int_eq(tags[3], READER_B_NAME);
}
END_TEST

/* ---- the whole reader ----------------------------------------------------------------- */

enum { RB = 3, RT = 5 };

typedef struct net_ctx {
    reader_cfg_t c;
    float *buf, *grad;
    reader_params_t p, g;
    reader_work_t *w;
    int ids[RB * RT], off[RB * RT + 1], idx[RB * RT * READER_MAX_NGRAMS], len[RB];
    int act[RB], rel[RB], tags[RB * RT], vrel[RB * RT];
    reader_batch_t b;
} net_ctx_t;

static void net_init(net_ctx_t *n)
{
    static const char *const words[RB][RT] = {
        {"my", "sister", "is", "called", "odile"},
        {"i", "moved", "to"},
        {"hello"},
    };
    memset(n, 0, sizeof *n);
    n->c = (reader_cfg_t){.V = 9, .Nb = 23, .E = 6, .H = 4};
    size_t np = reader_nparams(&n->c);
    n->buf = gc_alloc(np);
    n->grad = gc_alloc(np);
    reader_init_params(n->buf, &n->c, 11);
    /* biases away from zero so that their gradients are checked too */
    reader_carve(&n->p, n->buf, &n->c);
    reader_carve(&n->g, n->grad, &n->c);
    gc_seed(13);
    gc_fill(n->p.gf.b, 3 * (size_t)n->c.H, 0.3f);
    gc_fill(n->p.gb.b, 3 * (size_t)n->c.H, 0.3f);
    gc_fill(n->p.bt, READER_NTAGS, 0.3f);
    n->w = reader_work_new(&n->c, RB, RT);
    n->off[0] = 0;
    for (int i = 0; i < RB; i++) {
        n->len[i] = 0;
        for (int t = 0; t < RT; t++) {
            int k = i * RT + t;
            const char *s = words[i][t];
            n->ids[k] = s ? (int)(2 + (k * 5) % (n->c.V - 2)) : READER_PAD;
            if (s && k % 4 == 0)
                n->ids[k] = READER_UNK;
            n->off[k + 1] = n->off[k] + (s ? reader_ngrams(s, strlen(s), n->c.Nb,
                                                            n->idx + n->off[k],
                                                            READER_MAX_NGRAMS)
                                           : 0);
            n->tags[k] = s ? (k * 3) % READER_NTAGS : -1;
            n->vrel[k] = s && k % 3 != 1 ? (k * 7 + 1) % READER_NRELS : -1;
            n->len[i] += s != NULL;
        }
        n->act[i] = (i * 3 + 1) % READER_NACTS;
        n->rel[i] = (i * 5 + 2) % READER_NRELS;
    }
    n->b = (reader_batch_t){RB,     RT,     n->ids,  n->off,  n->idx,
                            n->len, n->act, n->rel, n->tags, n->vrel};
}

static void net_free(net_ctx_t *n)
{
    free(n->buf);
    free(n->grad);
    reader_work_free(n->w);
}

static double net_loss(void *ctx)
{
    net_ctx_t *n = ctx;
    return reader_net_forward(n->w, &n->p, &n->c, &n->b);
}

START_TEST(test_reader_loss_matches_finite_differences_for_every_tensor)
{
    net_ctx_t n;
    net_init(&n);
    net_loss(&n);
    reader_net_backward(n.w, &n.g, &n.p, &n.c, &n.b, NULL);
    net_tensor_t t[READER_NTENSORS];
    reader_param_table(&n.c, t);
    for (int i = 0; i < READER_NTENSORS; i++) {
        double rel = gc_check(net_loss, &n, n.buf + t[i].offset, n.grad + t[i].offset,
                              t[i].size, 300, GC_EPS);
        ck_assert_msg(rel < GC_TOL, "tensor %s: rel %.3g", t[i].name, rel);
    }
    /* the pad row is never trained */
    for (int k = 0; k < n.c.E; k++)
        ck_assert_float_eq(n.g.emb[k], 0.0f);
    net_free(&n);
}
END_TEST

START_TEST(test_reader_batch_split_over_workers_gives_the_whole_gradient)
{
    net_ctx_t n;
    net_init(&n);
    net_loss(&n);
    reader_counts_t all = reader_batch_counts(&n.b);
    reader_net_backward(n.w, &n.g, &n.p, &n.c, &n.b, NULL);
    size_t np = reader_nparams(&n.c);
    float *g2 = gc_alloc(np);
    reader_params_t gp;
    reader_carve(&gp, g2, &n.c);
    for (int part = 0; part < 2; part++) { /* clauses [0,2) then [2,3) */
        int from = part ? 2 : 0, to = part ? 3 : 2;
        reader_batch_t b = {to - from,         RT,           n.ids + from * RT,
                            n.off + from * RT, n.idx,        n.len + from,
                            n.act + from,      n.rel + from, n.tags + from * RT,
                            n.vrel + from * RT};
        reader_net_forward(n.w, &n.p, &n.c, &b);
        reader_net_backward(n.w, &gp, &n.p, &n.c, &b, &all);
    }
    ck_assert_double_lt(gc_maxdiff(g2, n.grad, np), GC_REF_TOL);
    free(g2);
    net_free(&n);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reader-layers");
    TCase *tc = tcase_create("reader");
    tcase_add_test(tc, test_ngrams_count_marked_code_points);
    tcase_add_test(tc, test_ngrams_are_in_range_and_shared_by_a_typo);
    tcase_add_test(tc, test_ngram_bag_matches_reference);
    tcase_add_test(tc, test_ngram_bag_backward_matches_finite_differences);
    tcase_add_test(tc, test_linear_matches_reference);
    tcase_add_test(tc, test_linear_softmax_xent_backward_matches_finite_differences);
    tcase_add_test(tc, test_pooling_backward_matches_finite_differences);
    tcase_add_test(tc, test_decode_turns_a_stray_inside_tag_into_a_begin);
    tcase_add_test(tc, test_reader_loss_matches_finite_differences_for_every_tensor);
    tcase_add_test(tc, test_reader_batch_split_over_workers_gives_the_whole_gradient);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

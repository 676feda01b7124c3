/* test_senc_grad.c: the sentence encoder's contrastive loss (model/senc_train.h): its
 * forward against a loop twin built from senc_forward_ref in double, and its backward
 * (table and projection) against central finite differences (GC_TOL, gradcheck.h). */
#include "model/senc.h"
#include "model/senc_train.h"
#include "gradcheck.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { NB = 24, E = 6, D = 5, B = 4, F = 5 };

typedef struct ctx {
    senc_t *s;
    senc_feats_t fa[B], fb[B];
    float tau;
    float *scratch;
} ctx_t;

static void feats_random(senc_feats_t *f)
{
    f->cap = F;
    f->n = 1 + (int)((gc_uniform() + 1.0f) * 0.5f * (F - 1));
    f->b = malloc(F * sizeof *f->b);
    f->w = malloc(F * sizeof *f->w);
    float sum = 0;
    for (int i = 0; i < f->n; i++) {
        f->b[i] = (int)((gc_uniform() + 1.0f) * 0.5f * NB) % NB;
        f->w[i] = 0.2f + (gc_uniform() + 1.0f) * 0.5f;
        sum += f->w[i];
    }
    for (int i = 0; i < f->n; i++) f->w[i] /= sum;
}

static void ctx_init(ctx_t *c, unsigned seed, float tau)
{
    senc_cfg_t cfg = {NB, E, D, 0};
    gc_seed(seed);
    c->s = senc_new(&cfg);
    ck_assert_ptr_nonnull(c->s);
    gc_fill(c->s->params, senc_nparams(&cfg), 1.0f);
    for (int i = 0; i < B; i++) {
        feats_random(&c->fa[i]);
        feats_random(&c->fb[i]);
    }
    c->tau = tau;
    c->scratch = gc_alloc(senc_batch_scratch(&cfg, B));
}

static void ctx_free(ctx_t *c)
{
    for (int i = 0; i < B; i++) {
        senc_feats_free(&c->fa[i]);
        senc_feats_free(&c->fb[i]);
    }
    senc_free(c->s);
    free(c->scratch);
}

static double loss_of(void *p)
{
    ctx_t *c = p;
    return senc_batch_loss(c->s, c->fa, c->fb, B, c->tau, NULL, c->scratch, NULL);
}

/* The same loss from senc_forward_ref's vectors, in double, written out plainly. */
static double loss_ref(const ctx_t *c)
{
    float va[B][D], vb[B][D];
    for (int i = 0; i < B; i++) {
        senc_forward_ref(c->s, &c->fa[i], va[i]);
        senc_forward_ref(c->s, &c->fb[i], vb[i]);
    }
    double S[B][B], loss = 0;
    for (int i = 0; i < B; i++)
        for (int j = 0; j < B; j++) {
            double dot = 0;
            for (int d = 0; d < D; d++) dot += (double)va[i][d] * vb[j][d];
            S[i][j] = dot / c->tau;
        }
    for (int i = 0; i < B; i++) {
        double zr = 0, zc = 0;
        for (int j = 0; j < B; j++) {
            zr += exp(S[i][j]);
            zc += exp(S[j][i]);
        }
        loss += (log(zr) - S[i][i]) + (log(zc) - S[i][i]);
    }
    return loss / (2.0 * B);
}

START_TEST(test_senc_batch_loss_matches_its_loop_twin)
{
    ctx_t c;
    ctx_init(&c, 7, 0.5f);
    double a = loss_of(&c), b = loss_ref(&c);
    ck_assert_double_lt(fabs(a - b), 1e-5 * fmax(1.0, fabs(b)));
    ctx_free(&c);
}
END_TEST

START_TEST(test_senc_forward_matches_its_loop_twin)
{
    ctx_t c;
    ctx_init(&c, 8, 0.5f);
    float v1[D], v2[D], scratch[E + D];
    for (int i = 0; i < B; i++) {
        senc_forward(c.s, &c.fa[i], v1, scratch);
        senc_forward_ref(c.s, &c.fa[i], v2);
        ck_assert_double_lt(gc_maxdiff(v1, v2, D), GC_REF_TOL);
        double n = 0;
        for (int d = 0; d < D; d++) n += (double)v1[d] * v1[d];
        ck_assert_double_lt(fabs(n - 1.0), 1e-5);
    }
    ctx_free(&c);
}
END_TEST

/* Both tensors of the encoder, at a temperature that makes the softmax neither flat nor
 * one-hot. */
START_TEST(test_senc_backward_matches_finite_differences)
{
    ctx_t c;
    ctx_init(&c, 9, 0.5f);
    senc_cfg_t cfg = c.s->cfg;
    size_t np = senc_nparams(&cfg), nt = (size_t)NB * E;
    float *g = gc_alloc(np);
    senc_batch_loss(c.s, c.fa, c.fb, B, c.tau, g, c.scratch, NULL);
    double rt = gc_check(loss_of, &c, c.s->table, g, nt, 400, GC_EPS);
    double rp = gc_check(loss_of, &c, c.s->proj, g + nt, (size_t)D * E, 400, GC_EPS);
    ck_assert_double_lt(rt, GC_TOL);
    ck_assert_double_lt(rp, GC_TOL);
    free(g);
    ctx_free(&c);
}
END_TEST

/* backward adds into grads: twice the call, twice the gradient */
START_TEST(test_senc_backward_accumulates)
{
    ctx_t c;
    ctx_init(&c, 10, 0.5f);
    size_t np = senc_nparams(&c.s->cfg);
    float *g1 = gc_alloc(np), *g2 = gc_alloc(np);
    senc_batch_loss(c.s, c.fa, c.fb, B, c.tau, g1, c.scratch, NULL);
    senc_batch_loss(c.s, c.fa, c.fb, B, c.tau, g2, c.scratch, NULL);
    senc_batch_loss(c.s, c.fa, c.fb, B, c.tau, g2, c.scratch, NULL);
    for (size_t i = 0; i < np; i++) ck_assert_float_eq_tol(g2[i], 2 * g1[i], 1e-5f);
    free(g1);
    free(g2);
    ctx_free(&c);
}
END_TEST

/* The check itself catches a gradient that is 5% off. */
START_TEST(test_senc_gradcheck_detects_a_wrong_gradient)
{
    ctx_t c;
    ctx_init(&c, 11, 0.5f);
    size_t np = senc_nparams(&c.s->cfg), nt = (size_t)NB * E;
    float *g = gc_alloc(np);
    senc_batch_loss(c.s, c.fa, c.fb, B, c.tau, g, c.scratch, NULL);
    for (size_t i = nt; i < np; i++) g[i] *= 1.05f;
    ck_assert_double_gt(gc_check(loss_of, &c, c.s->proj, g + nt, (size_t)D * E, 400, GC_EPS),
                        GC_TOL);
    free(g);
    ctx_free(&c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("senc_grad");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_senc_batch_loss_matches_its_loop_twin);
    tcase_add_test(tc, test_senc_forward_matches_its_loop_twin);
    tcase_add_test(tc, test_senc_backward_matches_finite_differences);
    tcase_add_test(tc, test_senc_backward_accumulates);
    tcase_add_test(tc, test_senc_gradcheck_detects_a_wrong_gradient);
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

/* test_decoder.c: the copy-mixing GRU decoder and the cross-entropy loss: cblas against
 * the loop reference, backward against central finite differences (tolerance GC_TOL in
 * gradcheck.h), the mixture being a distribution, greedy decoding agreeing with teacher
 * forcing, and copying a word that is not in the vocabulary. */
#include "model/layers.h"
#include "gradcheck.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>

enum { B = 2, D = 4, V = 7, HB = 3, R = V + HB, T = 3, S = 3, J = 2, L = S * J };

/* Slot tokens (S = 3 slots of J = 2): vocabulary words, a hashed unknown word (8, twice),
 * pads; example 1's middle slot is empty. */
static const int TOK[B * L] = {4, 8, 5, 0, 8, 3, 6, 9, 0, 0, 7, 0};
static const int YIN[B * T] = {LAYERS_GO, 4, 8, LAYERS_GO, 9, 1};
static const int TGT[B * T] = {4, 8, LAYERS_EOS, 9, LAYERS_EOS, -1};

typedef struct dec_ctx {
    dec_dims_t dd;
    float m[B * D], q[B * D], sg[B * S], wP[B * T * R], P[B * T * R];
    float *emb, *demb, *buf, *grad, *cache, *scratch;
    dec_params_t p, dp;
    int use_xent;
} dec_ctx_t;

static void dec_init(dec_ctx_t *c)
{
    c->dd = (dec_dims_t){.D = D, .V = V, .R = R, .T = T, .L = L, .J = J};
    size_t np = dec_nparams(&c->dd);
    gc_seed(31);
    c->buf = gc_alloc(np);
    c->grad = gc_alloc(np);
    ck_assert_ptr_eq(dec_carve(&c->p, c->buf, &c->dd), c->buf + np);
    dec_carve(&c->dp, c->grad, &c->dd);
    gc_fill(c->buf, np, 0.5f);
    c->emb = gc_alloc(R * D);
    c->demb = gc_alloc(R * D);
    gc_fill(c->emb, R * D, 1.0f);
    c->cache = gc_alloc(dec_cache(B, &c->dd));
    c->scratch = gc_alloc(dec_scratch(B, &c->dd));
    gc_fill(c->m, B * D, 1.0f);
    gc_fill(c->q, B * D, 1.0f);
    /* slot attention: a distribution over the non-empty slots */
    const float sg[B * S] = {0.5f, 0.2f, 0.3f, 0.7f, 0.0f, 0.3f};
    for (int i = 0; i < B * S; i++)
        c->sg[i] = sg[i];
    gc_fill(c->wP, B * T * R, 10.0f); /* gradients above GC_FLOOR: a relative check */
    c->use_xent = 0;
}

static void dec_free(dec_ctx_t *c)
{
    free(c->buf); free(c->grad); free(c->emb); free(c->demb); free(c->cache);
    free(c->scratch);
}

static double dec_loss(void *ctx)
{
    dec_ctx_t *c = ctx;
    dec_forward(c->P, c->cache, c->m, c->q, YIN, TOK, c->sg, c->emb, &c->p, &c->dd, B, c->scratch);
    if (c->use_xent)
        return xent_forward(c->P, TGT, B * T, R, NULL);
    return gc_dot(c->P, c->wP, B * T * R);
}

START_TEST(test_dec_output_is_a_distribution_over_vocabulary_and_story_words)
{
    dec_ctx_t c;
    dec_init(&c);
    dec_loss(&c);
    for (int n = 0; n < B * T; n++) {
        double sum = 0.0;
        for (int w = 0; w < R; w++) {
            ck_assert_float_ge(c.P[n * R + w], 0.0f);
            sum += c.P[n * R + w];
        }
        ck_assert_double_lt(fabs(sum - 1.0), 1e-5);
        /* unknown word 9 is only in example 1's story, 8 only in example 0's */
        if (n < T)
            ck_assert_float_eq(c.P[n * R + 9], 0.0f);
        else
            ck_assert_float_eq(c.P[n * R + 8], 0.0f);
    }
    dec_free(&c);
}
END_TEST

START_TEST(test_dec_matches_reference)
{
    dec_ctx_t c;
    dec_init(&c);
    size_t np = dec_nparams(&c.dd), nc = dec_cache(B, &c.dd);
    float P2[B * T * R], *cache2 = gc_alloc(nc), *grad2 = gc_alloc(np);
    float *demb2 = gc_alloc(R * D), dm1[B * D] = {0}, dq1[B * D] = {0}, dm2[B * D] = {0},
          dq2[B * D] = {0}, ds1[B * S] = {0}, ds2[B * S] = {0};
    dec_params_t dp2;
    dec_carve(&dp2, grad2, &c.dd);
    dec_loss(&c);
    dec_forward_ref(P2, cache2, c.m, c.q, YIN, TOK, c.sg, c.emb, &c.p, &c.dd, B);
    ck_assert_double_lt(gc_maxdiff(c.P, P2, B * T * R), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.cache, cache2, nc), GC_REF_TOL);
    dec_backward(dm1, dq1, ds1, c.demb, &c.dp, c.wP, c.cache, c.m, c.q, YIN, TOK, c.sg, c.emb, &c.p,
                 &c.dd, B, c.scratch);
    dec_backward_ref(dm2, dq2, ds2, demb2, &dp2, c.wP, c.cache, c.m, c.q, YIN, TOK, c.sg, c.emb, &c.p,
                     &c.dd, B);
    ck_assert_double_lt(gc_maxdiff(c.grad, grad2, np), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(c.demb, demb2, R * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dm1, dm2, B * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(dq1, dq2, B * D), GC_REF_TOL);
    ck_assert_double_lt(gc_maxdiff(ds1, ds2, B * S), GC_REF_TOL);
    free(cache2); free(grad2); free(demb2);
    dec_free(&c);
}
END_TEST

static void check_all(dec_ctx_t *c, const float *dm, const float *dq, const float *dsg)
{
    dec_params_t *p = &c->p, *g = &c->dp;
    struct { float *x, *g; size_t n; } t[] = {
        {p->wi, g->wi, 2 * D * D}, {p->bi, g->bi, D},
        {p->gru.wx, g->gru.wx, D * 3 * D}, {p->gru.uh, g->gru.uh, D * 3 * D},
        {p->gru.b, g->gru.b, 3 * D}, {p->wq, g->wq, D * D}, {p->wv, g->wv, D * V},
        {p->bv, g->bv, V}, {p->wg, g->wg, 2 * D}, {p->bg, g->bg, 1}, {p->pk, g->pk, J * D},
        {c->emb + D, c->demb + D, (R - 1) * D}, /* row 0 is pad: no gradient */
        {c->m, (float *)dm, B * D}, {c->q, (float *)dq, B * D},
        {c->sg, (float *)dsg, B * S},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        double rel = gc_check(dec_loss, c, t[i].x, t[i].g, t[i].n, 1000, GC_EPS);
        ck_assert_msg(rel < GC_TOL, "tensor %zu: rel %.3g", i, rel);
    }
}

START_TEST(test_dec_backward_matches_finite_differences)
{
    dec_ctx_t c;
    dec_init(&c);
    float dm[B * D] = {0}, dq[B * D] = {0}, dsg[B * S] = {0};
    dec_loss(&c);
    dec_backward(dm, dq, dsg, c.demb, &c.dp, c.wP, c.cache, c.m, c.q, YIN, TOK, c.sg, c.emb, &c.p, &c.dd,
                 B, c.scratch);
    check_all(&c, dm, dq, dsg);
    dec_free(&c);
}
END_TEST

START_TEST(test_dec_with_xent_backward_matches_finite_differences)
{
    dec_ctx_t c;
    dec_init(&c);
    c.use_xent = 1;
    float dm[B * D] = {0}, dq[B * D] = {0}, dsg[B * S] = {0}, dP[B * T * R] = {0};
    dec_loss(&c);
    xent_backward(dP, c.P, TGT, B * T, R, 1.0f);
    dec_backward(dm, dq, dsg, c.demb, &c.dp, dP, c.cache, c.m, c.q, YIN, TOK, c.sg, c.emb, &c.p, &c.dd,
                 B, c.scratch);
    check_all(&c, dm, dq, dsg);
    dec_free(&c);
}
END_TEST

typedef struct xent_ctx {
    float P[4 * 5];
    int tgt[4];
} xent_ctx_t;

static double xent_loss(void *ctx)
{
    xent_ctx_t *c = ctx;
    return xent_forward(c->P, c->tgt, 4, 5, NULL);
}

START_TEST(test_xent_backward_matches_finite_differences_and_ignores_minus_one)
{
    xent_ctx_t c = {.tgt = {2, -1, 0, 4}};
    float dP[4 * 5] = {0};
    int count;
    gc_seed(32);
    for (int i = 0; i < 20; i++)
        c.P[i] = 0.1f + 0.4f * (gc_uniform() + 1.0f);
    double l = xent_forward(c.P, c.tgt, 4, 5, &count);
    ck_assert_int_eq(count, 3);
    ck_assert_double_lt(fabs(l + (log(c.P[2]) + log(c.P[10]) + log(c.P[19])) / 3.0), 1e-6);
    xent_backward(dP, c.P, c.tgt, 4, 5, 1.0f);
    for (int k = 0; k < 5; k++)
        ck_assert_float_eq(dP[5 + k], 0.0f);
    ck_assert_double_lt(gc_check(xent_loss, &c, c.P, dP, 20, 1000, GC_EPS), GC_TOL);
}
END_TEST

START_TEST(test_dec_greedy_agrees_with_teacher_forcing)
{
    dec_ctx_t c;
    dec_init(&c);
    int out[B * T];
    int steps = dec_greedy(out, c.m, c.q, TOK, c.sg, c.emb, &c.p, &c.dd, B, c.scratch);
    ck_assert_int_ge(steps, 1);
    ck_assert_int_le(steps, T);
    int yin[B * T];
    for (int b = 0; b < B; b++)
        for (int t = 0; t < T; t++)
            yin[b * T + t] = t == 0 ? LAYERS_GO : (out[b * T + t - 1] ? out[b * T + t - 1] : 1);
    dec_forward(c.P, c.cache, c.m, c.q, yin, TOK, c.sg, c.emb, &c.p, &c.dd, B, c.scratch);
    for (int b = 0; b < B; b++)
        for (int t = 0; t < steps; t++) {
            if (t > 0 && out[b * T + t - 1] == LAYERS_EOS)
                break;
            const float *pr = c.P + (b * T + t) * R;
            int best = 1;
            for (int w = 2; w < R; w++)
                if (pr[w] > pr[best])
                    best = w;
            ck_assert_int_eq(out[b * T + t], best);
        }
    dec_free(&c);
}
END_TEST

/* The copy pointer goes through the slot attention: with the gate closed and all the
 * attention on one slot, only that slot's words get probability. */
START_TEST(test_dec_copy_follows_the_slot_attention)
{
    dec_ctx_t c;
    dec_init(&c);
    c.p.bg[0] = -30.0f;
    for (int s = 0; s < S; s++) {
        for (int i = 0; i < B * S; i++)
            c.sg[i] = 0.0f;
        c.sg[s] = 1.0f;                    /* example 0: slot s */
        c.sg[S + (s == 1 ? 0 : s)] = 1.0f; /* example 1: slot s, not the empty one */
        dec_loss(&c);
        for (int n = 0; n < B * T; n++) {
            int b = n / T, slot = b == 1 && s == 1 ? 0 : s;
            double in = 0.0;
            for (int j = 0; j < J; j++) {
                int w = TOK[b * L + slot * J + j];
                if (w != LAYERS_PAD && (j == 0 || w != TOK[b * L + slot * J + j - 1]))
                    in += c.P[n * R + w];
            }
            ck_assert_msg(in > 0.999, "example %d slot %d: %.4f on its words", b, slot, in);
        }
    }
    dec_free(&c);
}
END_TEST

START_TEST(test_dec_copies_an_unknown_word_from_the_story)
{
    dec_ctx_t c;
    dec_init(&c);
    c.p.bg[0] = -30.0f; /* gate closed: everything comes from the copy distribution */
    int out[B * T];
    dec_greedy(out, c.m, c.q, TOK, c.sg, c.emb, &c.p, &c.dd, B, c.scratch);
    for (int b = 0; b < B; b++) {
        int w = out[b * T], found = 0;
        for (int l = 0; l < L; l++)
            found |= TOK[b * L + l] == w;
        ck_assert_msg(found, "example %d answered %d, not a story token", b, w);
    }
    dec_free(&c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("decoder");
    TCase *tc = tcase_create("decoder");
    tcase_add_test(tc, test_dec_output_is_a_distribution_over_vocabulary_and_story_words);
    tcase_add_test(tc, test_dec_matches_reference);
    tcase_add_test(tc, test_dec_backward_matches_finite_differences);
    tcase_add_test(tc, test_dec_with_xent_backward_matches_finite_differences);
    tcase_add_test(tc, test_xent_backward_matches_finite_differences_and_ignores_minus_one);
    tcase_add_test(tc, test_dec_greedy_agrees_with_teacher_forcing);
    tcase_add_test(tc, test_dec_copy_follows_the_slot_attention);
    tcase_add_test(tc, test_dec_copies_an_unknown_word_from_the_story);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

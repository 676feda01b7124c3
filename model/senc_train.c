/* senc_train.c: the sentence encoder's InfoNCE loss over a batch with its backward pass,
 * and the training loop of senc_train.h (pairs shuffled per epoch, Adam on the rows a
 * batch touched and on the projection, linear warm-up and decay, a held-out validation
 * set). The pair sources are in senc_pairs.c. */
#include "model/senc_train.h"
#include "model/blas.h"
#include "model/layers.h"
#include "model/lex_words.h"

#include <ctype.h>
#include <errno.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { WARMUP_STEPS = 200, LOG_EVERY = 500 };

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static float uniform(uint64_t *x)      /* in [-1, 1) */
{
    return (float)((double)(splitmix(x) >> 11) / 4503599627370496.0 - 1.0);
}

void senc_train_cfg_default(senc_train_cfg_t *c)
{
    *c = (senc_train_cfg_t){.epochs = 4, .batch = 256, .lr = 3e-3f, .tau = 0.05f,
                            .init = 0.1f, .valid = 2048, .seed = 1};
}

void senc_init(senc_t *s, uint64_t seed, float init)
{
    const senc_cfg_t *c = &s->cfg;
    uint64_t r = seed;
    for (size_t i = 0; i < (size_t)c->Nb * c->E; i++) s->table[i] = init * uniform(&r);
    for (int d = 0; d < c->D; d++)
        for (int e = 0; e < c->E; e++)
            s->proj[(size_t)d * c->E + e] = c->E == c->D ? (float)(d == e)
                                                         : uniform(&r) / sqrtf((float)c->E);
    senc_retag(s);
}

int senc_word_weights(senc_t *s, const char *path, double a, char *err, size_t errlen)
{
    const int Nw = s->cfg.Nw;
    if (Nw <= 0) {
        snprintf(err, errlen, "the encoder has no word-weight slots");
        return -1;
    }
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    double *count = calloc((size_t)Nw, sizeof *count), total = 0;
    int nstems = 0, rc = -1;
    char line[512], stem[LEX_WORD_MAX];
    if (!count) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    while (fgets(line, sizeof line, fp)) {
        char *pct = strchr(line, '%');
        long c = 0;
        if (!pct || sscanf(strchr(pct, ' ') ? strchr(pct, ' ') : "", "%*d %ld", &c) != 1 || c <= 0)
            continue;
        *pct = 0;
        if (strchr(line, '_') || !*line) continue;
        for (char *q = line; *q; q++) *q = (char)tolower((unsigned char)*q);
        size_t n = lex_stem(line, stem, sizeof stem);
        if (n == 0) continue;
        int slot = senc_word_slot(&s->cfg, stem, n);
        nstems += count[slot] == 0;
        count[slot] += (double)c;
        total += (double)c;
    }
    if (total <= 0) {
        snprintf(err, errlen, "%s: no counts in it (lemma%%key sense count)", path);
        goto done;
    }
    for (int i = 0; i < Nw; i++) s->wt[i] = (float)(a / (a + count[i] / total));
    senc_retag(s);
    rc = nstems;
done:
    fclose(fp);
    free(count);
    return rc;
}

/* ---- the batch --------------------------------------------------------------------- */

size_t senc_batch_scratch(const senc_cfg_t *c, int B)
{
    size_t N = 2 * (size_t)B;
    /* U, dU [N x E]; H, Z, dZ, dH [N x D]; norms [N]; S, P_row, P_col [B x B] */
    return 2 * N * c->E + 4 * N * c->D + N + 3 * (size_t)B * B;
}

/* U [N x E]: row t = sum_i w[i] table[b[i]] over the features of text t (the a texts
 * first, then the b texts). */
static void pool_forward(const senc_t *s, const senc_feats_t *fa, const senc_feats_t *fb,
                         int B, float *U)
{
    const int E = s->cfg.E;
    memset(U, 0, (size_t)2 * B * E * sizeof *U);
    for (int t = 0; t < 2 * B; t++) {
        const senc_feats_t *f = t < B ? &fa[t] : &fb[t - B];
        float *u = U + (size_t)t * E;
        for (int i = 0; i < f->n; i++) {
            const float *row = s->table + (size_t)f->b[i] * E;
            for (int e = 0; e < E; e++) u[e] += f->w[i] * row[e];
        }
    }
}

/* dtable [Nb x E] += w[i] dU [t] at row b[i], for every feature of every text. */
static void pool_backward(const senc_t *s, const senc_feats_t *fa, const senc_feats_t *fb,
                          int B, const float *dU, float *dtable)
{
    const int E = s->cfg.E;
    for (int t = 0; t < 2 * B; t++) {
        const senc_feats_t *f = t < B ? &fa[t] : &fb[t - B];
        const float *du = dU + (size_t)t * E;
        for (int i = 0; i < f->n; i++) {
            float *g = dtable + (size_t)f->b[i] * E;
            for (int e = 0; e < E; e++) g[e] += f->w[i] * du[e];
        }
    }
}

/* Softmax of each row of S [B x B] into Pr, and of each column into Pc; returns the sum
 * of -log Pr[i][i] - log Pc[i][i]. */
static double softmax_both(const float *S, int B, float *Pr, float *Pc)
{
    double loss = 0;
    for (int i = 0; i < B; i++) {
        float mx = S[(size_t)i * B];
        for (int j = 1; j < B; j++) mx = fmaxf(mx, S[(size_t)i * B + j]);
        double z = 0;
        for (int j = 0; j < B; j++) z += exp((double)S[(size_t)i * B + j] - mx);
        for (int j = 0; j < B; j++)
            Pr[(size_t)i * B + j] = (float)(exp((double)S[(size_t)i * B + j] - mx) / z);
        loss -= (double)S[(size_t)i * B + i] - mx - log(z);
    }
    for (int j = 0; j < B; j++) {
        float mx = S[j];
        for (int i = 1; i < B; i++) mx = fmaxf(mx, S[(size_t)i * B + j]);
        double z = 0;
        for (int i = 0; i < B; i++) z += exp((double)S[(size_t)i * B + j] - mx);
        for (int i = 0; i < B; i++)
            Pc[(size_t)i * B + j] = (float)(exp((double)S[(size_t)i * B + j] - mx) / z);
        loss -= (double)S[(size_t)j * B + j] - mx - log(z);
    }
    return loss;
}

double senc_batch_loss(const senc_t *s, const senc_feats_t *fa, const senc_feats_t *fb,
                       int B, float tau, float *grads, float *scratch, int *correct)
{
    const int E = s->cfg.E, D = s->cfg.D, N = 2 * B;
    float *U = scratch, *dU = U + (size_t)N * E, *H = dU + (size_t)N * E;
    float *Z = H + (size_t)N * D, *dZ = Z + (size_t)N * D, *dH = dZ + (size_t)N * D;
    float *norms = dH + (size_t)N * D, *S = norms + N, *Pr = S + (size_t)B * B;
    float *Pc = Pr + (size_t)B * B;

    pool_forward(s, fa, fb, B, U);
    /* H [N x D] = U [N x E] . proj^T [E x D] */
    blas_sgemm(CblasNoTrans, CblasTrans, N, D, E, 1.0f, U, E, s->proj, E, 0.0f, H, D);
    for (int t = 0; t < N; t++) {
        double n2 = 0;
        for (int d = 0; d < D; d++) n2 += (double)H[(size_t)t * D + d] * H[(size_t)t * D + d];
        norms[t] = (float)sqrt(n2);
        float inv = norms[t] > 0 ? 1.0f / norms[t] : 0.0f;
        for (int d = 0; d < D; d++) Z[(size_t)t * D + d] = H[(size_t)t * D + d] * inv;
    }
    const float *Za = Z, *Zb = Z + (size_t)B * D;
    /* S [B x B] = Za [B x D] . Zb^T / tau */
    blas_sgemm(CblasNoTrans, CblasTrans, B, B, D, 1.0f / tau, Za, D, Zb, D, 0.0f, S, B);
    double loss = softmax_both(S, B, Pr, Pc) / (2.0 * B);
    if (correct) {
        *correct = 0;
        for (int i = 0; i < B; i++) {
            int best = 0;
            for (int j = 1; j < B; j++)
                if (S[(size_t)i * B + j] > S[(size_t)i * B + best]) best = j;
            *correct += best == i;
        }
    }
    if (!grads) return loss;

    /* dS = (Pr - I + Pc - I) / 2B, kept in Pr */
    for (int i = 0; i < B; i++)
        for (int j = 0; j < B; j++) {
            size_t k = (size_t)i * B + j;
            Pr[k] = (Pr[k] + Pc[k] - (i == j ? 2.0f : 0.0f)) / (float)(2 * B);
        }
    /* dZa [B x D] = dS . Zb / tau; dZb [B x D] = dS^T . Za / tau */
    blas_sgemm(CblasNoTrans, CblasNoTrans, B, D, B, 1.0f / tau, Pr, B, Zb, D, 0.0f, dZ, D);
    blas_sgemm(CblasTrans, CblasNoTrans, B, D, B, 1.0f / tau, Pr, B, Za, D, 0.0f,
               dZ + (size_t)B * D, D);
    /* through the normalization: dH = (dZ - Z (Z . dZ)) / |H| */
    for (int t = 0; t < N; t++) {
        const float *z = Z + (size_t)t * D, *dz = dZ + (size_t)t * D;
        float *dh = dH + (size_t)t * D;
        double dot = 0;
        for (int d = 0; d < D; d++) dot += (double)z[d] * dz[d];
        float inv = norms[t] > 0 ? 1.0f / norms[t] : 0.0f;
        for (int d = 0; d < D; d++) dh[d] = (dz[d] - z[d] * (float)dot) * inv;
    }
    float *gtable = grads, *gproj = grads + (size_t)s->cfg.Nb * E;
    /* dproj [D x E] += dH^T [D x N] . U [N x E]; dU [N x E] = dH [N x D] . proj [D x E] */
    blas_sgemm(CblasTrans, CblasNoTrans, D, E, N, 1.0f, dH, D, U, E, 1.0f, gproj, E);
    blas_sgemm(CblasNoTrans, CblasNoTrans, N, E, D, 1.0f, dH, D, s->proj, E, 0.0f, dU, E);
    pool_backward(s, fa, fb, B, dU, gtable);
    return loss;
}

/* ---- the loop -------------------------------------------------------------------------- */

typedef struct trainer {
    senc_t *s;
    const senc_pairs_t *p;
    senc_feats_t *fa, *fb;      /* [B] each */
    float *scratch, *grads, *m, *v;
    unsigned char *touched;     /* [Nb] rows with a gradient this step */
    int *rows, nrows;           /* their list */
    tok_list_t tok;
} trainer_t;

/* Features of pairs idx[0..B) into t->fa / t->fb. 0 or -1 (memory; a text that is not
 * UTF-8 reads as no features). */
static int featurize(trainer_t *t, const int *idx, int B)
{
    char err[128];
    for (int k = 0; k < B; k++)
        for (int side = 0; side < 2; side++) {
            const char *text = side ? t->p->b[idx[k]] : t->p->a[idx[k]];
            senc_feats_t *f = side ? &t->fb[k] : &t->fa[k];
            tok_list_free(&t->tok);
            int rc = tok_split(text, strlen(text), &t->tok, err, sizeof err);
            if (rc == TOK_ENOMEM) return -1;
            if (rc != TOK_OK) {
                f->n = 0;
                continue;
            }
            if (senc_features(t->s, &t->tok, f) < 0) return -1;
        }
    return 0;
}

/* Adam step t on the rows of the table this batch touched (their moments wait while a
 * row is not used) and on the whole projection; gradients are zeroed after. */
static void update(trainer_t *t, int B, float lr, int step)
{
    const senc_cfg_t *c = &t->s->cfg;
    const int E = c->E;
    t->nrows = 0;
    for (int k = 0; k < B; k++)
        for (int side = 0; side < 2; side++) {
            const senc_feats_t *f = side ? &t->fb[k] : &t->fa[k];
            for (int i = 0; i < f->n; i++)
                if (!t->touched[f->b[i]]) {
                    t->touched[f->b[i]] = 1;
                    t->rows[t->nrows++] = f->b[i];
                }
        }
    adam_cfg_t ac = {.lr = lr, .beta1 = 0.9f, .beta2 = 0.999f, .eps = 1e-8f};
    for (int r = 0; r < t->nrows; r++) {
        size_t off = (size_t)t->rows[r] * E;
        adam_update(t->s->table + off, t->grads + off, t->m + off, t->v + off, (size_t)E, &ac,
                    step);
        memset(t->grads + off, 0, (size_t)E * sizeof(float));
        t->touched[t->rows[r]] = 0;
    }
    size_t off = (size_t)c->Nb * E, np = (size_t)c->D * E;
    adam_update(t->s->proj, t->grads + off, t->m + off, t->v + off, np, &ac, step);
    memset(t->grads + off, 0, np * sizeof(float));
}

static void shuffle(int *v, int n, uint64_t *r)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(splitmix(r) % (uint64_t)(i + 1));
        int x = v[i];
        v[i] = v[j];
        v[j] = x;
    }
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Mean loss and accuracy over the validation pairs idx[0..n), in batches of B. */
static int validate(trainer_t *t, const int *idx, int n, int B, float tau, double *loss,
                    double *acc)
{
    double l = 0;
    int right = 0, seen = 0;
    for (int at = 0; at + B <= n; at += B) {
        if (featurize(t, idx + at, B) < 0) return -1;
        int c;
        l += senc_batch_loss(t->s, t->fa, t->fb, B, tau, NULL, t->scratch, &c) * B;
        right += c;
        seen += B;
    }
    *loss = seen ? l / seen : 0;
    *acc = seen ? (double)right / seen : 0;
    return 0;
}

int senc_train(senc_t *s, const senc_pairs_t *p, const senc_train_cfg_t *tc, FILE *log,
               char *err, size_t errlen)
{
    const senc_cfg_t *c = &s->cfg;
    const int B = tc->batch;
    int rc = -1, *order = NULL;
    trainer_t t = {.s = s, .p = p};
    int nvalid = tc->valid - tc->valid % B;
    if (B < 2 || p->n - nvalid < 2 * B) {
        snprintf(err, errlen, "%d pairs are too few for batches of %d and %d held out", p->n,
                 B, nvalid);
        return -1;
    }
    size_t np = senc_nparams(c);
    t.fa = calloc((size_t)B, sizeof *t.fa);
    t.fb = calloc((size_t)B, sizeof *t.fb);
    t.scratch = malloc(senc_batch_scratch(c, B) * sizeof(float));
    t.grads = calloc(np, sizeof(float));
    t.m = calloc(np, sizeof(float));
    t.v = calloc(np, sizeof(float));
    t.touched = calloc((size_t)c->Nb, 1);
    t.rows = malloc((size_t)c->Nb * sizeof(int));
    order = malloc((size_t)p->n * sizeof(int));
    if (!t.fa || !t.fb || !t.scratch || !t.grads || !t.m || !t.v || !t.touched || !t.rows ||
        !order) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    uint64_t r = tc->seed ^ 0x5E11C0DEULL;
    for (int i = 0; i < p->n; i++) order[i] = i;
    shuffle(order, p->n, &r);                   /* the first nvalid are held out */
    int *train = order + nvalid, ntrain = p->n - nvalid;
    int per_epoch = ntrain / B, total = per_epoch * tc->epochs, step = 0;
    double t0 = now_s();
    for (int ep = 1; ep <= tc->epochs; ep++) {
        shuffle(train, ntrain, &r);
        double lsum = 0;
        long right = 0, seen = 0;
        for (int k = 0; k < per_epoch; k++) {
            const int *idx = train + (size_t)k * B;
            if (featurize(&t, idx, B) < 0) {
                snprintf(err, errlen, "out of memory");
                goto done;
            }
            int cr;
            lsum += senc_batch_loss(s, t.fa, t.fb, B, tc->tau, t.grads, t.scratch, &cr);
            right += cr;
            seen += B;
            step++;
            float warm = step < WARMUP_STEPS ? (float)step / WARMUP_STEPS : 1.0f;
            float lr = tc->lr * warm * (1.0f - (float)(step - 1) / (float)total);
            update(&t, B, lr, step);
            if (log && step % LOG_EVERY == 0)
                fprintf(log, "  step %d/%d: loss %.4f, in-batch accuracy %.3f (%.0f s)\n",
                        step, total, lsum / (k + 1), (double)right / seen, now_s() - t0);
        }
        double vl = 0, va = 0;
        if (validate(&t, order, nvalid, B, tc->tau, &vl, &va) < 0) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        if (log) {
            fprintf(log, "epoch %d: loss %.4f, in-batch accuracy %.3f; held out: loss %.4f, "
                    "accuracy %.3f (%.0f s)\n", ep, lsum / per_epoch, (double)right / seen, vl,
                    va, now_s() - t0);
            fflush(log);
        }
    }
    senc_retag(s);
    rc = 0;
done:
    for (int k = 0; t.fa && k < B; k++) senc_feats_free(&t.fa[k]);
    for (int k = 0; t.fb && k < B; k++) senc_feats_free(&t.fb[k]);
    tok_list_free(&t.tok);
    free(t.fa);
    free(t.fb);
    free(t.scratch);
    free(t.grads);
    free(t.m);
    free(t.v);
    free(t.touched);
    free(t.rows);
    free(order);
    return rc;
}

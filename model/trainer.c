/* trainer.c: mini-batch training of the memory model. Examples are bucketed by story
 * length (a batch of short stories runs the network with few slots: the parameters do
 * not depend on S except the time table, whose first rows serve the smaller buckets).
 * Each batch is split across worker threads; every worker has its own net_work_t per
 * bucket and its own gradient buffer; the gradients are summed weighted by answer
 * tokens, then one Adam step runs over the flat parameter buffer. OpenBLAS runs
 * single-threaded inside the workers so the cores are not oversubscribed. */
#include "model/model.h"
#include "model/trainer.h"
#include "model/blas.h"

#include <cblas.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_THREADS = 16, MAX_BUCKETS = 8 };

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- random numbers: xorshift64* ------------------------------------------------- */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static uint64_t rng_seed(uint64_t seed)
{
    uint64_t z = seed + 0x9E3779B97F4A7C15ULL; /* splitmix64: never 0 */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return z ? z : 1;
}

static double rng_unif(uint64_t *s) { return (rng_next(s) >> 11) * (1.0 / 9007199254740992.0); }

static double rng_normal(uint64_t *s)
{
    double u = rng_unif(s), v = rng_unif(s);
    return sqrt(-2.0 * log(u + 1e-300)) * cos(6.283185307179586 * v);
}

static void shuffle(int *a, int n, uint64_t *s)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(rng_next(s) % (uint64_t)(i + 1));
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* ---- initialization ------------------------------------------------------------- */

static void xavier(float *w, int fan_in, int fan_out, size_t n, uint64_t *s)
{
    double a = sqrt(6.0 / (fan_in + fan_out));
    for (size_t i = 0; i < n; i++)
        w[i] = (float)((2 * rng_unif(s) - 1) * a);
}

static void gru_init(gru_params_t *g, int In, int H, uint64_t *s)
{
    xavier(g->wx, In, H, (size_t)In * 3 * H, s);
    xavier(g->uh, H, H, (size_t)H * 3 * H, s);
}

void trainer_init_params(float *params, const net_cfg_t *c, uint64_t seed)
{
    uint64_t s = rng_seed(seed);
    size_t n = net_nparams(c), D = c->D, R = (size_t)c->V + c->Hb;
    memset(params, 0, n * sizeof(float)); /* biases */
    net_params_t p;
    net_carve(&p, params, c);
    for (size_t i = 0; i < R * D; i++)
        p.emb[i] = (float)(0.1 * rng_normal(&s));
    memset(p.emb, 0, D * sizeof(float)); /* pad row */
    for (size_t i = 0; i < (size_t)c->S * D; i++)
        p.time[i] = (float)(0.1 * rng_normal(&s));
    gru_init(&p.fus_fwd, c->D, c->D, &s);
    gru_init(&p.fus_bwd, c->D, c->D, &s);
    int P = c->tied ? 1 : c->hops;
    for (int h = 0; h < P; h++) {
        xavier(p.epi.gate[h].w1, 4 * c->D, c->A, (size_t)4 * D * c->A, &s);
        xavier(p.epi.gate[h].w2, c->A, 1, (size_t)c->A, &s);
    }
    xavier(p.epi.wm, 3 * c->D, c->D, (size_t)P * 3 * D * D, &s);
    xavier(p.dec.wi, 2 * c->D, c->D, 2 * D * D, &s);
    gru_init(&p.dec.gru, c->D, c->D, &s);
    xavier(p.dec.wq, c->D, c->D, D * D, &s);
    xavier(p.dec.wv, c->D, c->V, D * c->V, &s);
    xavier(p.dec.wg, 2 * c->D, 1, 2 * D, &s);
    /* the decoder starts out copying (gate sig(-2) = 0.12 on the vocabulary): the copy
     * goes through the memory's attention, so the answer's gradient trains the attention
     * from the first step instead of the vocabulary softmax learning to answer alone */
    p.dec.bg[0] = -2.0f;
}

double trainer_flops(const net_cfg_t *c, int S)
{
    double D = c->D, A = c->A, V = c->V, J = c->J, T = c->T, H = c->hops;
    double fwd = 24 * S * D * D                              /* fusion GRU, both ways */
                 + H * (8 * S * D * A + 6 * D * D)            /* gates, memory updates */
                 + 4 * D * D                                  /* decoder h0 */
                 + T * (14 * D * D + 2 * D * V + 4 * S * J * D); /* GRU, wq, wv, copy */
    return 3 * fwd;
}

/* ---- buckets ---------------------------------------------------------------------- */

typedef struct buckets {
    int n;
    int S[MAX_BUCKETS];
} buckets_t;

static void buckets_make(buckets_t *b, int Smax)
{
    static const int sizes[] = {4, 8, 16, 32, 64, 128, 256};
    b->n = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && sizes[i] < Smax; i++)
        b->S[b->n++] = sizes[i];
    b->S[b->n++] = Smax;
}

static int bucket_of(const buckets_t *b, int ns)
{
    for (int i = 0; i < b->n; i++)
        if (ns <= b->S[i])
            return i;
    return b->n - 1;
}

/* ---- workers -------------------------------------------------------------------- */

typedef struct worker {
    net_work_t *w[MAX_BUCKETS];
    int *story, *question, *ans_in, *ans_out, *pred;
    float *grad;                /* [nparams] or NULL (evaluation only) */
    net_params_t gp;
    /* the job */
    const net_params_t *p;
    const babi_set_t *set;
    const int *idx;
    int B, S, bucket, T, train;
    double loss;
    int targets;
    int *correct;               /* [B] for evaluation */
} worker_t;

typedef struct pool {
    int nthreads, Bmax;
    buckets_t bk;
    net_cfg_t c;
    size_t np;
    worker_t wk[MAX_THREADS];
} pool_t;

static void pool_free(pool_t *pl)
{
    for (int t = 0; t < pl->nthreads; t++) {
        worker_t *k = &pl->wk[t];
        for (int b = 0; b < pl->bk.n; b++)
            net_work_free(k->w[b]);
        free(k->story);
        free(k->question);
        free(k->ans_in);
        free(k->ans_out);
        free(k->pred);
        free(k->grad);
    }
    memset(pl, 0, sizeof *pl);
}

/* Bmax: examples per worker. with_grad: allocate a gradient buffer per worker. */
static int pool_init(pool_t *pl, const net_cfg_t *c, int nthreads, int Bmax, int with_grad)
{
    memset(pl, 0, sizeof *pl);
    pl->nthreads = nthreads < 1 ? 1 : nthreads > MAX_THREADS ? MAX_THREADS : nthreads;
    pl->Bmax = Bmax;
    pl->c = *c;
    pl->np = net_nparams(c);
    buckets_make(&pl->bk, c->S);
    for (int t = 0; t < pl->nthreads; t++) {
        worker_t *k = &pl->wk[t];
        for (int b = 0; b < pl->bk.n; b++) {
            net_cfg_t cb = *c;
            cb.S = pl->bk.S[b];
            if (!(k->w[b] = net_work_new(&cb, Bmax)))
                goto fail;
        }
        size_t B = (size_t)Bmax;
        k->story = malloc(sizeof(int) * B * c->S * c->J);
        k->question = malloc(sizeof(int) * B * c->J);
        k->ans_in = malloc(sizeof(int) * B * c->T);
        k->ans_out = malloc(sizeof(int) * B * c->T);
        k->pred = malloc(sizeof(int) * B * c->T);
        if (!k->story || !k->question || !k->ans_in || !k->ans_out || !k->pred)
            goto fail;
        if (with_grad) {
            if (!(k->grad = calloc(pl->np, sizeof(float))))
                goto fail;
            net_carve(&k->gp, k->grad, c);
        }
    }
    return 0;
fail:
    pool_free(pl);
    return -1;
}

static int answer_correct(const babi_set_t *s, int e, const int *pred, int T)
{
    int na = s->nans[e] < T - 1 ? s->nans[e] : T - 1;
    for (int t = 0; t < na; t++)
        if (pred[t] != s->ans[(size_t)e * BABI_TMAX + t])
            return 0;
    return pred[na] == LAYERS_EOS;
}

static void *worker_run(void *arg)
{
    worker_t *k = arg;
    model_blas_single();
    if (k->B == 0)
        return NULL;
    net_work_t *w = k->w[k->bucket];
    k->targets = babi_batch_fill(k->set, k->idx, k->B, k->S, k->T, k->story, k->question,
                                 k->ans_in, k->ans_out);
    net_batch_t b = {k->B, k->story, k->question, k->ans_in, k->ans_out};
    if (k->train) {
        k->loss = net_forward(w, k->p, &b);
        net_backward(w, &k->gp, k->p, &b);
    } else {
        net_predict(w, k->p, &b, k->pred);
        for (int i = 0; i < k->B; i++)
            k->correct[i] = answer_correct(k->set, k->idx[i], k->pred + (size_t)i * k->T, k->T);
    }
    return NULL;
}

/* Runs idx[0..B) (all in bucket) split over the workers; the first worker runs here. */
static void pool_run(pool_t *pl, const net_params_t *p, const babi_set_t *set,
                     const int *idx, int B, int bucket, int train, int *correct)
{
    int nt = pl->nthreads, per = (B + nt - 1) / nt;
    pthread_t th[MAX_THREADS];
    int started[MAX_THREADS] = {0};
    for (int t = 0; t < nt; t++) {
        worker_t *k = &pl->wk[t];
        int from = t * per < B ? t * per : B, to = from + per < B ? from + per : B;
        k->p = p;
        k->set = set;
        k->idx = idx + from;
        k->B = to - from;
        k->S = pl->bk.S[bucket];
        k->bucket = bucket;
        k->T = pl->c.T;
        k->train = train;
        k->loss = 0;
        k->targets = 0;
        k->correct = correct ? correct + from : NULL;
        if (train)
            memset(k->grad, 0, sizeof(float) * pl->np);
        if (t > 0 && k->B > 0)
            started[t] = pthread_create(&th[t], NULL, worker_run, k) == 0;
        if (t > 0 && k->B > 0 && !started[t])
            worker_run(k); /* could not start a thread: run it here */
    }
    worker_run(&pl->wk[0]);
    for (int t = 1; t < nt; t++)
        if (started[t])
            pthread_join(th[t], NULL);
}

int trainer_evaluate(const net_cfg_t *c, const net_params_t *p, const babi_set_t *s,
                     int threads, int *correct)
{
    pool_t pl;
    int chunk = 64;
    if (pool_init(&pl, c, threads, chunk, 0) < 0)
        return -1;
    int *ok = malloc(sizeof(int) * (size_t)(s->n ? s->n : 1));
    int *order = malloc(sizeof(int) * (size_t)(s->n ? s->n : 1));
    int *res = malloc(sizeof(int) * (size_t)chunk * pl.nthreads);
    if (!ok || !order || !res) {
        free(ok);
        free(order);
        free(res);
        pool_free(&pl);
        return -1;
    }
    int total = 0;
    for (int b = 0; b < pl.bk.n; b++) {
        int n = 0;
        for (int e = 0; e < s->n; e++)
            if (bucket_of(&pl.bk, s->ns[e]) == b)
                order[n++] = e;
        for (int i = 0; i < n; i += chunk * pl.nthreads) {
            int B = n - i < chunk * pl.nthreads ? n - i : chunk * pl.nthreads;
            pool_run(&pl, p, s, order + i, B, b, 0, res);
            for (int k = 0; k < B; k++) {
                ok[order[i + k]] = res[k];
                total += res[k];
            }
        }
    }
    if (correct)
        memcpy(correct, ok, sizeof(int) * (size_t)s->n);
    free(ok);
    free(order);
    free(res);
    pool_free(&pl);
    return total;
}

/* ---- the peak of sgemm ----------------------------------------------------------- */

typedef struct peak_job {
    int n, reps;
    float *a, *b, *c;
} peak_job_t;

static void *peak_run(void *arg)
{
    peak_job_t *j = arg;
    model_blas_single();
    for (int r = 0; r < j->reps; r++)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, j->n, j->n, j->n, 1.0f, j->a,
                    j->n, j->b, j->n, 0.0f, j->c, j->n);
    return NULL;
}

double trainer_sgemm_peak(int n, int threads)
{
    if (threads < 1)
        threads = 1;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    peak_job_t jobs[MAX_THREADS];
    pthread_t th[MAX_THREADS];
    size_t nn = (size_t)n * n;
    double gf = 0;
    int ok = 1;
    for (int t = 0; t < threads; t++) {
        jobs[t] = (peak_job_t){n, 1, malloc(nn * 4), malloc(nn * 4), malloc(nn * 4)};
        ok &= jobs[t].a && jobs[t].b && jobs[t].c;
        for (size_t i = 0; ok && i < nn; i++)
            jobs[t].a[i] = jobs[t].b[i] = (float)((i % 7) * 0.01);
    }
    if (ok) {
        for (int t = 0; t < threads; t++)
            peak_run(&jobs[t]); /* warm up */
        int reps = (int)(2e10 / (2.0 * n * n * n)) + 1;
        double t0 = now_s();
        for (int t = 0; t < threads; t++) {
            jobs[t].reps = reps;
            if (t > 0 && pthread_create(&th[t], NULL, peak_run, &jobs[t]) != 0)
                ok = 0;
        }
        peak_run(&jobs[0]);
        for (int t = 1; t < threads; t++)
            pthread_join(th[t], NULL);
        double dt = now_s() - t0;
        gf = ok ? 2.0 * n * n * (double)n * reps * threads / dt / 1e9 : 0;
    }
    for (int t = 0; t < threads; t++) {
        free(jobs[t].a);
        free(jobs[t].b);
        free(jobs[t].c);
    }
    return gf;
}

/* ---- training ------------------------------------------------------------------- */

void trainer_opts_default(trainer_opts_t *o)
{
    *o = (trainer_opts_t){.epochs = 40, .batch = 32, .threads = 2, .seed = 1, .lr = 0.002f,
                          .clip = 5.0f, .weight_decay = 0, .warmup = 100, .plateau = TRAINER_PLATEAU,
                          .patience = 8, .target_acc = 0, .progress_s = 30};
}

static void fmt_time(char *buf, size_t n, double s)
{
    if (s < 90)
        snprintf(buf, n, "%.0fs", s);
    else if (s < 5400)
        snprintf(buf, n, "%.1fm", s / 60);
    else
        snprintf(buf, n, "%.1fh", s / 3600);
}

int trainer_run(const trainer_opts_t *o, const net_cfg_t *c, const vocab_t *v,
                const babi_set_t *train, const babi_set_t *valid,
                const float *resume_params, const modelfile_state_t *resume,
                trainer_result_t *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    if (train->n == 0) {
        set_err(err, errlen, "no training examples");
        return -1;
    }
    modelfile_phrases_t ph;
    if (trainer_phrases(train, v, o->smalltalk, o->nsmalltalk, &ph, NULL, err, errlen) < 0)
        return -1;
    model_blas_single();
    blas_rows_as_loops(0);      /* OpenBLAS's rounding for every product (blas.h) */
    size_t np = net_nparams(c);
    float *params = malloc(np * sizeof(float)), *m = calloc(np, sizeof(float)),
          *vv = calloc(np, sizeof(float));
    int *order = malloc(sizeof(int) * (size_t)train->n);
    int *batch_start = malloc(sizeof(int) * ((size_t)train->n + MAX_BUCKETS));
    int *batch_bucket = malloc(sizeof(int) * ((size_t)train->n + MAX_BUCKETS));
    int *perm = malloc(sizeof(int) * ((size_t)train->n + MAX_BUCKETS));
    int *batch_len = malloc(sizeof(int) * ((size_t)train->n + MAX_BUCKETS));
    pool_t pl;
    int nthreads = o->threads < 1 ? 1 : o->threads;
    int per = (o->batch + nthreads - 1) / nthreads;
    int rc = -1;
    if (!params || !m || !vv || !order || !batch_start || !batch_bucket || !perm ||
        !batch_len || pool_init(&pl, c, nthreads, per, 1) < 0) {
        set_err(err, errlen, "out of memory (%zu parameters)", np);
        free(params);
        free(m);
        free(vv);
        free(order);
        free(batch_start);
        free(batch_bucket);
        free(perm);
        free(batch_len);
        return -1;
    }
    uint64_t rng = rng_seed(o->seed ^ 0x5eedULL);
    int epoch0 = 0, step = 0, bad = 0;
    float lr = o->lr, best = -1;
    if (resume) {
        memcpy(params, resume_params, np * sizeof(float));
        memcpy(m, resume->adam_m, np * sizeof(float));
        memcpy(vv, resume->adam_v, np * sizeof(float));
        epoch0 = resume->epoch;
        step = resume->step;
        rng = resume->rng;
        lr = resume->lr;
        best = resume->best_acc;
        bad = resume->bad_epochs;
    } else if (resume_params) {
        memcpy(params, resume_params, np * sizeof(float));
    } else {
        trainer_init_params(params, c, o->seed);
    }
    net_params_t p;
    net_carve(&p, params, c);
    float *g = pl.wk[0].grad; /* the sum lands in worker 0's buffer */
    double t_start = now_s(), flops_done = 0, best_loss = 1e30;
    long ex_done = 0;
    res->best_acc = best < 0 ? 0 : best;
    res->epochs = epoch0;

    for (int epoch = epoch0; epoch < o->epochs; epoch++) {
        /* batches: shuffle within buckets, cut, shuffle the batch order */
        int nb = 0, at = 0;
        for (int b = 0; b < pl.bk.n; b++) {
            int first = at;
            for (int e = 0; e < train->n; e++)
                if (bucket_of(&pl.bk, train->ns[e]) == b)
                    order[at++] = e;
            shuffle(order + first, at - first, &rng);
            for (int i = first; i < at; i += o->batch) {
                batch_start[nb] = i;
                batch_len[nb] = at - i < o->batch ? at - i : o->batch;
                batch_bucket[nb] = b;
                perm[nb] = nb;
                nb++;
            }
        }
        shuffle(perm, nb, &rng);
        double t0 = now_s(), last_print = t0, loss_sum = 0, ep_flops = 0;
        long tok_sum = 0, ex = 0;
        for (int bi = 0; bi < nb; bi++) {
            int k = perm[bi], B = batch_len[k], bucket = batch_bucket[k];
            pool_run(&pl, &p, train, order + batch_start[k], B, bucket, 1, NULL);
            int N = 0;
            double L = 0;
            for (int t = 0; t < pl.nthreads; t++) {
                N += pl.wk[t].targets;
                L += pl.wk[t].loss * pl.wk[t].targets;
            }
            /* g = sum_t (n_t / N) g_t, in worker order (repeatable) */
            float s0 = N ? (float)pl.wk[0].targets / N : 0;
            for (size_t i = 0; i < np; i++)
                g[i] *= s0;
            for (int t = 1; t < pl.nthreads; t++) {
                if (!pl.wk[t].targets)
                    continue;
                float st = (float)pl.wk[t].targets / N;
                const float *gt = pl.wk[t].grad;
                for (size_t i = 0; i < np; i++)
                    g[i] += st * gt[i];
            }
            step++;
            adam_cfg_t ac = {.lr = step < o->warmup ? lr * step / o->warmup : lr,
                             .beta1 = 0.9f, .beta2 = 0.999f, .eps = 1e-8f,
                             .weight_decay = o->weight_decay, .clip = o->clip};
            adam_update(params, g, m, vv, np, &ac, step);
            loss_sum += L;
            tok_sum += N;
            ex += B;
            ep_flops += B * trainer_flops(c, pl.bk.S[bucket]);
            double tn = now_s();
            if (o->log && o->progress_s > 0 && tn - last_print >= o->progress_s) {
                last_print = tn;
                double rate = ex / (tn - t0);
                char left[32];
                fmt_time(left, sizeof left, (train->n - ex) / rate);
                fprintf(o->log, "  epoch %d %3.0f%%  loss %.4f  %.0f ex/s  %.2f GFLOP/s  "
                        "epoch left %s\n", epoch + 1, 100.0 * ex / train->n,
                        loss_sum / (tok_sum ? tok_sum : 1), rate, ep_flops / (tn - t0) / 1e9,
                        left);
                fflush(o->log);
            }
        }
        double t_ep = now_s() - t0;
        flops_done += ep_flops;
        ex_done += ex;
        double loss = loss_sum / (tok_sum ? tok_sum : 1);
        if (res->nloss < (int)(sizeof res->loss / sizeof res->loss[0]))
            res->loss[res->nloss++] = loss;
        int ok = valid && valid->n ? trainer_evaluate(c, &p, valid, nthreads, NULL) : 0;
        if (ok < 0) {
            set_err(err, errlen, "out of memory evaluating");
            goto done;
        }
        float acc = valid && valid->n ? (float)ok / valid->n : 0;
        res->last_acc = acc;
        res->epochs = epoch + 1;
        /* a gain: better validation accuracy, or (while accuracy is flat) a training
         * loss at least 2% below the best so far */
        int improved = acc > best;
        int gain = improved || (acc >= best && loss < best_loss * 0.98);
        if (loss < best_loss)
            best_loss = loss;
        if (improved) {
            best = acc;
            res->best_acc = acc;
            if (o->out && modelfile_write(o->out, c, v, &ph, params, NULL, err, errlen) < 0)
                goto done;
        }
        if (gain)
            bad = 0;
        else if (++bad % (o->plateau > 0 ? o->plateau : 1000000) == 0)
            lr *= 0.5f;
        if (o->log) {
            double elapsed = now_s() - t_start;
            char left[32], tep[32];
            int remaining = o->epochs - epoch - 1;
            fmt_time(left, sizeof left, remaining * elapsed / (epoch + 1 - epoch0));
            fmt_time(tep, sizeof tep, t_ep);
            fprintf(o->log, "epoch %d/%d  loss %.4f  val acc %.2f%%%s  lr %.2g  %.0f ex/s  "
                    "%.2f GFLOP/s  epoch %s  left <= %s\n", epoch + 1, o->epochs, loss,
                    100.0 * acc, improved ? " *" : "", lr, ex / t_ep, ep_flops / t_ep / 1e9,
                    tep, left);
            fflush(o->log);
        }
        if (o->ckpt) {
            modelfile_state_t st = {epoch + 1, step, rng, lr, best, bad, m, vv};
            if (modelfile_write(o->ckpt, c, v, &ph, params, &st, err, errlen) < 0)
                goto done;
        }
        if (o->target_acc > 0 && acc >= o->target_acc)
            break;
        if (o->patience > 0 && bad >= o->patience) {
            if (o->log)
                fprintf(o->log, "early stop: no gain in %d epochs\n", bad);
            break;
        }
    }
    rc = 0;
done:
    res->seconds = now_s() - t_start;
    res->ex_per_s = res->seconds > 0 ? ex_done / res->seconds : 0;
    res->gflops = res->seconds > 0 ? flops_done / res->seconds / 1e9 : 0;
    pool_free(&pl);
    free(params);
    free(m);
    free(vv);
    free(order);
    free(batch_start);
    free(batch_bucket);
    free(perm);
    free(batch_len);
    return rc;
}

/* ---- the reply phrases -------------------------------------------------------------- */

/* The words of answer e of s joined by spaces into out [n]. 0, or -1 when a word is not
 * in v (a bucket) or the text does not fit. */
static int answer_text(const babi_set_t *s, int e, const vocab_t *v, char *out, size_t n)
{
    size_t at = 0;
    out[0] = '\0';
    for (int k = 0; k < s->nans[e]; k++) {
        const char *w = vocab_word(v, s->ans[(size_t)e * BABI_TMAX + k]);
        int m = w ? snprintf(out + at, n - at, "%s%s", k ? " " : "", w) : -1;
        if (m < 0 || (size_t)m >= n - at)
            return -1;
        at += (size_t)m;
    }
    return 0;
}

int trainer_phrases(const babi_set_t *train, const vocab_t *v, const char *const *smalltalk,
                    int n, modelfile_phrases_t *ph, FILE *log, char *err, size_t errlen)
{
    char ack[MODELFILE_PHRASE_BYTES] = "", text[MODELFILE_PHRASE_BYTES], why[256];
    int ack_at = -1;
    ph->n = 0;
    for (int e = 0; e < train->n; e++) {
        if (!train->ack[e])
            continue;
        if (answer_text(train, e, v, text, sizeof text) < 0) {
            set_err(err, errlen, "acknowledgement example %d: its answer is not a phrase of "
                    "known words within %d bytes", e, MODELFILE_PHRASE_BYTES - 1);
            return -1;
        }
        if (ack_at < 0) {
            snprintf(ack, sizeof ack, "%s", text);
            ack_at = e;
        } else if (strcmp(ack, text) != 0) {
            set_err(err, errlen, "acknowledgement examples disagree: '%s' (example %d) and "
                    "'%s' (example %d)", ack, ack_at, text, e);
            return -1;
        }
    }
    if (ack_at >= 0 && modelfile_phrases_add(ph, v, MODEL_KIND_STATEMENT, ack, why,
                                             sizeof why) < 0) {
        set_err(err, errlen, "the acknowledgement: %s", why);
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (strcmp(smalltalk[i], ack) != 0 &&
            modelfile_phrases_add(ph, v, MODEL_KIND_OTHER, smalltalk[i], why, sizeof why) < 0 &&
            log)
            fprintf(log, "small talk reply left out of the model file: %s\n", why);
    return 0;
}

/* ---- warm start ------------------------------------------------------------------- */

static void copy_f(float *to, const float *from, size_t n) { memcpy(to, from, n * sizeof *to); }

int trainer_warm_start(float *params, const net_cfg_t *c, const vocab_t *v,
                       const float *from, const net_cfg_t *fc, const vocab_t *fv, char *err,
                       size_t errlen)
{
    if (c->D != fc->D || c->A != fc->A || c->S != fc->S || c->J != fc->J ||
        c->hops != fc->hops || c->tied != fc->tied) {
        set_err(err, errlen, "the initial model's shape (D %d A %d slots %d words %d hops %d) "
                "differs from this run's (D %d A %d slots %d words %d hops %d)", fc->D, fc->A,
                fc->S, fc->J, fc->hops, c->D, c->A, c->S, c->J, c->hops);
        return -1;
    }
    net_tensor_t t[NET_NTENSORS], ft[NET_NTENSORS];
    net_param_table(c, t);
    net_param_table(fc, ft);
    for (int i = 1; i <= 4; i++) /* time, fusion, episodic memory: no vocabulary inside */
        if (t[i].size == ft[i].size)
            copy_f(params + t[i].offset, from + ft[i].offset, t[i].size);
    net_params_t p, f;
    net_carve(&p, params, c);
    net_carve(&f, (float *)from, fc);
    int D = c->D, words = 0;
    copy_f(p.dec.wi, f.dec.wi, (size_t)2 * D * D);
    copy_f(p.dec.bi, f.dec.bi, (size_t)D);
    copy_f(p.dec.gru.wx, f.dec.gru.wx, (size_t)3 * D * D);
    copy_f(p.dec.gru.uh, f.dec.gru.uh, (size_t)3 * D * D);
    copy_f(p.dec.gru.b, f.dec.gru.b, (size_t)3 * D);
    copy_f(p.dec.wq, f.dec.wq, (size_t)D * D);
    copy_f(p.dec.wg, f.dec.wg, (size_t)2 * D);
    copy_f(p.dec.bg, f.dec.bg, 1);
    copy_f(p.dec.pk, f.dec.pk, (size_t)c->J * D);
    /* words both vocabularies know keep their embedding and output weights */
    for (int w = 0; w < c->V; w++) {
        int o = vocab_find(fv, vocab_word(v, w));
        if (o < 0 || o >= fc->V)
            continue;
        words++;
        copy_f(p.emb + (size_t)w * D, f.emb + (size_t)o * D, (size_t)D);
        for (int k = 0; k < D; k++)
            p.dec.wv[(size_t)k * c->V + w] = f.dec.wv[(size_t)k * fc->V + o];
        p.dec.bv[w] = f.dec.bv[o];
    }
    if (c->Hb == fc->Hb)
        copy_f(p.emb + (size_t)c->V * D, f.emb + (size_t)fc->V * D, (size_t)c->Hb * D);
    return words;
}

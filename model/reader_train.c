/* reader_train.c: training and evaluating the reader on labelled clauses. Clauses are
 * packed in a reader_set_t; the vocabulary is the training words seen often enough;
 * mini-batches of clauses of similar length are split across worker threads (each with
 * its own reader_work_t and gradient buffer), their gradients summed, clipped to a
 * global norm and applied by Adam (adam.c): densely to the GRU and heads, and to the
 * rows of the two embedding tables the batch touched (lazy Adam: a table of 10^6
 * floats is not swept for the hundred rows a batch reads). Word dropout sends a share of
 * the known words to the unknown row so the n-grams learn to carry unseen words; values
 * and names go there more often (READER_VALUE_DROPOUT), so a value is read from where
 * it stands ("my name is [Ben]") even when the word is known in another role ("ben",
 * a mountain). The parameters of the epoch with the best validation score are kept. */
#include "model/model.h"
#include "model/reader_internal.h"

#include <cblas.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_THREADS = 8, TMAX = DIALOGUE_MAX_WORDS, SORT_GROUP = 32 };

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

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static double rng_unif(uint64_t *s) { return (rng_next(s) >> 11) * (1.0 / 9007199254740992.0); }

static void shuffle(int *a, int n, uint64_t *s)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(rng_next(s) % (uint64_t)(i + 1)), t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* ---- the set ------------------------------------------------------------------------ */

void reader_set_init(reader_set_t *s) { memset(s, 0, sizeof *s); }

void reader_set_free(reader_set_t *s)
{
    free(s->cstart);
    free(s->wstart);
    free(s->text);
    free(s->tag);
    free(s->cap);
    free(s->vrel);
    free(s->act);
    free(s->rel);
    memset(s, 0, sizeof *s);
}

/* Makes *p hold need elements of elt bytes, doubling from *cap. */
static int grow(void **p, int *cap, int need, size_t elt)
{
    if (need <= *cap)
        return 0;
    int c = *cap ? *cap : 1024;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, (size_t)c * elt);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

/* The same for several arrays sharing one capacity. */
static int grow_all(void **p[], int np, int *cap, int need, size_t elt)
{
    for (int i = 0; i < np; i++) {
        int c = *cap;
        if (grow(p[i], &c, need, elt) < 0)
            return -1;
    }
    if (need > *cap) {
        int c = *cap ? *cap : 1024;
        while (c < need)
            c *= 2;
        *cap = c;
    }
    return 0;
}

int reader_set_add(reader_set_t *s, const dialogue_clause_t *cl)
{
    int n = cl->n < 0 ? 0 : cl->n > DIALOGUE_MAX_WORDS ? DIALOGUE_MAX_WORDS : cl->n;
    void **pn[3] = {(void **)&s->cstart, (void **)&s->act, (void **)&s->rel};
    void **pw[1] = {(void **)&s->wstart};
    int cw = s->cap_w, cv = s->cap_w, cc = s->cap_w;
    if (grow_all(pn, 3, &s->cap_n, s->n + 2, sizeof(int)) < 0 ||
        grow((void **)&s->tag, &cw, s->nwords + n + 2, 1) < 0 ||
        grow((void **)&s->vrel, &cv, s->nwords + n + 2, 1) < 0 ||
        grow((void **)&s->cap, &cc, s->nwords + n + 2, 1) < 0 ||
        grow_all(pw, 1, &s->cap_w, s->nwords + n + 2, sizeof(int)) < 0)
        return -1;
    size_t need = s->ntext + (size_t)n * DIALOGUE_WORD_BYTES + 1;
    if (need > s->cap_t) {
        size_t c = s->cap_t ? s->cap_t : 65536;
        while (c < need)
            c *= 2;
        char *q = realloc(s->text, c);
        if (!q)
            return -1;
        s->text = q;
        s->cap_t = c;
    }
    if (s->n == 0)
        s->cstart[0] = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strnlen(cl->word[i], DIALOGUE_WORD_BYTES - 1);
        s->wstart[s->nwords + i] = (int)s->ntext;
        memcpy(s->text + s->ntext, cl->word[i], l);
        s->text[s->ntext + l] = '\0';
        s->ntext += l + 1;
        int tg = cl->tag[i] < READER_NTAGS ? cl->tag[i] : READER_O;
        int valued = tg == READER_B_VALUE || tg == READER_I_VALUE || tg == READER_B_OLD ||
                     tg == READER_I_OLD;
        s->tag[s->nwords + i] = (unsigned char)tg;
        s->cap[s->nwords + i] = cl->cap[i] != 0;
        s->vrel[s->nwords + i] = valued && cl->vrel[i] < READER_NRELS ? cl->vrel[i]
                                                                       : READER_SET_NOREL;
    }
    s->nwords += n;
    s->act[s->n] = cl->act;
    s->rel[s->n] = cl->rel;
    s->n++;
    s->cstart[s->n] = s->nwords;
    return 0;
}

static int clause_len(const reader_set_t *s, int i) { return s->cstart[i + 1] - s->cstart[i]; }
static const char *set_word(const reader_set_t *s, int w) { return s->text + s->wstart[w]; }

/* ---- options ---------------------------------------------------------------------- */

void reader_train_opts_default(reader_train_opts_t *o)
{
    *o = (reader_train_opts_t){.epochs = READER_DEF_EPOCHS, .batch = READER_DEF_BATCH,
                               .threads = 2, .patience = 3, .hidden = READER_DEF_HIDDEN,
                               .embed = READER_DEF_EMBED, .buckets = READER_DEF_BUCKETS,
                               .min_count = 2, .max_vocab = 30000, .lr = 0.002f,
                               .clip = 5.0f, .word_dropout = (float)READER_DEF_WORD_DROPOUT,
                               .ngram_dropout = (float)READER_DEF_NGRAM_DROPOUT,
                               .seed = 1};
}

/* ---- vocabulary ------------------------------------------------------------------- */

typedef struct wc {
    int id, count;
} wc_t;

static int by_count(const void *a, const void *b)
{
    const wc_t *x = a, *y = b;
    return x->count != y->count ? y->count - x->count : x->id - y->id;
}

/* The words of s seen at least min_count times, the max most frequent, in a new vocab
 * (NULL on memory). */
static vocab_t *build_vocab(const reader_set_t *s, int min_count, int max)
{
    vocab_t *all = vocab_new(), *v = vocab_new();
    int *count = NULL, cap = 0;
    wc_t *wc = NULL;
    if (!all || !v)
        goto fail;
    for (int w = 0; w < s->nwords; w++)
        if (vocab_add(all, set_word(s, w)) < 0)
            goto fail;
    int nv = vocab_size(all);
    if (grow((void **)&count, &cap, nv, sizeof(int)) < 0)
        goto fail;
    memset(count, 0, sizeof(int) * (size_t)nv);
    for (int w = 0; w < s->nwords; w++)
        count[vocab_find(all, set_word(s, w))]++;
    if (!(wc = malloc(sizeof *wc * (size_t)nv)))
        goto fail;
    int k = 0;
    for (int id = 3; id < nv; id++)
        if (count[id] >= min_count)
            wc[k++] = (wc_t){id, count[id]};
    qsort(wc, (size_t)k, sizeof *wc, by_count);
    for (int i = 0; i < k && i < max; i++)
        if (vocab_add(v, vocab_word(all, wc[i].id)) < 0)
            goto fail;
    free(wc);
    free(count);
    vocab_free(all);
    return v;
fail:
    free(wc);
    free(count);
    vocab_free(all);
    vocab_free(v);
    return NULL;
}

/* ---- batches ------------------------------------------------------------------------ */

/* A batch's inputs, for up to Bmax clauses of TMAX words. */
typedef struct feats {
    int *ids, *off, *idx, *len, *act, *rel, *tags, *vrel;
    int B, T;
} feats_t;

static void feats_free(feats_t *f)
{
    free(f->ids);
    free(f->off);
    free(f->idx);
    free(f->len);
    free(f->act);
    free(f->rel);
    free(f->tags);
    free(f->vrel);
}

static int feats_init(feats_t *f, int Bmax)
{
    size_t BT = (size_t)Bmax * TMAX;
    memset(f, 0, sizeof *f);
    f->ids = malloc(sizeof(int) * BT);
    f->off = malloc(sizeof(int) * (BT + 1));
    f->idx = malloc(sizeof(int) * BT * READER_MAX_NGRAMS);
    f->len = malloc(sizeof(int) * (size_t)Bmax);
    f->act = malloc(sizeof(int) * (size_t)Bmax);
    f->rel = malloc(sizeof(int) * (size_t)Bmax);
    f->tags = malloc(sizeof(int) * BT);
    f->vrel = malloc(sizeof(int) * BT);
    if (!f->ids || !f->off || !f->idx || !f->len || !f->act || !f->rel || !f->tags ||
        !f->vrel) {
        feats_free(f);
        return -1;
    }
    return 0;
}

/* Fills f with clauses idx[0..B) of s; wid [s->nwords] the words' rows; a known word
 * reads READER_UNK with probability drop, a value, old value or name word with at least
 * READER_VALUE_DROPOUT, and such a word so dropped reads only its case mark, none of its
 * n-grams, with probability ngdrop (rng may be NULL when drop is 0). The draw for ngdrop
 * is only made when ngdrop > 0, so a run without it draws what it always drew. */
static void feats_fill(feats_t *f, const reader_set_t *s, const int *wid, const int *sel,
                       int B, int Nb, float drop, float ngdrop, uint64_t *rng)
{
    int T = 1;
    for (int i = 0; i < B; i++)
        T = clause_len(s, sel[i]) > T ? clause_len(s, sel[i]) : T;
    f->B = B;
    f->T = T;
    f->off[0] = 0;
    for (int i = 0; i < B; i++) {
        int c = sel[i], n = clause_len(s, c), w0 = s->cstart[c];
        f->len[i] = n;
        f->act[i] = s->act[c];
        f->rel[i] = s->rel[c];
        for (int t = 0; t < T; t++) {
            int k = i * T + t, o = f->off[k];
            if (t >= n) {
                f->ids[k] = READER_PAD;
                f->tags[k] = f->vrel[k] = -1;
                f->off[k + 1] = o;
                continue;
            }
            const char *w = set_word(s, w0 + t);
            int id = wid[w0 + t];
            int tg = s->tag[w0 + t];
            float p = tg >= READER_B_VALUE && tg <= READER_I_NAME && drop < READER_VALUE_DROPOUT
                          ? READER_VALUE_DROPOUT : drop;
            int bare = 0;       /* reads neither its row nor its n-grams */
            if (drop > 0 && id != READER_UNK && rng_unif(rng) < p) {
                id = READER_UNK;
                bare = ngdrop > 0 && tg >= READER_B_VALUE && tg <= READER_I_NAME &&
                       rng_unif(rng) < ngdrop;
            }
            f->ids[k] = id;
            f->tags[k] = s->tag[w0 + t];
            f->vrel[k] = s->vrel[w0 + t] == READER_SET_NOREL ? -1 : s->vrel[w0 + t];
            f->off[k + 1] = o + reader_features(bare ? "" : w, bare ? 0 : strlen(w),
                                                s->cap[w0 + t], Nb, f->idx + o,
                                                READER_MAX_NGRAMS);
        }
    }
}

/* Worker j's part [from, to) of f as a batch. */
static reader_batch_t feats_part(const feats_t *f, int from, int to)
{
    size_t r = (size_t)from * f->T;
    return (reader_batch_t){.B = to - from, .T = f->T, .ids = f->ids + r, .off = f->off + r,
                            .idx = f->idx, .len = f->len + from, .act = f->act + from,
                            .rel = f->rel + from, .tags = f->tags + r, .vrel = f->vrel + r};
}

/* ---- workers ------------------------------------------------------------------------ */

typedef struct worker {
    reader_work_t *w;
    float *grad;            /* [np] or NULL */
    reader_params_t gp;
    /* the job */
    const reader_params_t *p;
    const reader_cfg_t *c;
    reader_batch_t b;
    int from;               /* b's first clause in the whole batch */
    int train;
    reader_counts_t n;      /* the whole batch's */
    double loss;
} worker_t;

static void *worker_run(void *arg)
{
    worker_t *k = arg;
    model_blas_single();
    if (k->b.B <= 0)
        return NULL;
    k->loss = reader_net_forward(k->w, k->p, k->c, &k->b);
    if (k->train)
        reader_net_backward(k->w, &k->gp, k->p, k->c, &k->b, &k->n);
    return NULL;
}

/* Runs f over nt workers (the first here). */
static void run_workers(worker_t *wk, int nt, const feats_t *f, const reader_params_t *p,
                        const reader_cfg_t *c, int train)
{
    int per = (f->B + nt - 1) / nt;
    reader_batch_t all = feats_part(f, 0, f->B);
    reader_counts_t counts = reader_batch_counts(&all);
    pthread_t th[MAX_THREADS];
    int started[MAX_THREADS] = {0};
    for (int t = 0; t < nt; t++) {
        int from = t * per < f->B ? t * per : f->B, to = from + per < f->B ? from + per : f->B;
        worker_t *k = &wk[t];
        k->b = feats_part(f, from, to);
        k->from = from;
        if (!train) {
            k->b.act = k->b.rel = k->b.tags = k->b.vrel = NULL;
        }
        k->p = p;
        k->c = c;
        k->train = train;
        k->n = counts;
        k->loss = 0;
        if (t > 0 && k->b.B > 0)
            started[t] = pthread_create(&th[t], NULL, worker_run, k) == 0;
        if (t > 0 && k->b.B > 0 && !started[t])
            worker_run(k);
    }
    worker_run(&wk[0]);
    for (int t = 1; t < nt; t++)
        if (started[t])
            pthread_join(th[t], NULL);
}

/* ---- evaluation --------------------------------------------------------------------- */

static const char *const span_names[READER_NSPANS] = {"HOLDER", "REL", "VALUE", "OLD", "NAME"};

const char *reader_span_name(int k) { return k >= 0 && k < READER_NSPANS ? span_names[k] : NULL; }

/* The spans of tags [n] as (kind 0..READER_NSPANS-1, start, end) into sp; an I- tag
 * that continues no span of its kind starts one. Returns how many. */
static int spans(const unsigned char *tags, int n, int sp[][3])
{
    int m = 0;
    for (int t = 0; t < n; t++) {
        int g = tags[t];
        if (g <= READER_O || g >= READER_NTAGS)
            continue;
        int kind = (g - 1) / 2, is_b = g % 2 == 1;
        if (!is_b && m > 0 && sp[m - 1][0] == kind && sp[m - 1][2] == t) {
            sp[m - 1][2] = t + 1;
            continue;
        }
        sp[m][0] = kind;
        sp[m][1] = t;
        sp[m][2] = t + 1;
        m++;
    }
    return m;
}

enum { PBINS = 1000 };     /* the histogram of facts' act probabilities */

typedef struct tally {
    long n, act, rel, ntok, tag, nv, vrel;
    long tp[READER_NSPANS], np[READER_NSPANS], ng[READER_NSPANS];
    long nfact, fact_p[PBINS];      /* facts read as facts, by act probability */
} tally_t;

/* Tallies clause c read with probabilities pa, pr, pt, pv; conf: the confidence of the
 * act read (pa's largest for one reader; reader_median for an ensemble). */
static void tally_clause(tally_t *ty, const reader_set_t *s, int c, const float *pa,
                         float conf, const float *pr, const float *pt, const float *pv)
{
    int n = clause_len(s, c), w0 = s->cstart[c];
    int a = 0, r = 0;
    for (int k = 1; k < READER_NACTS; k++)
        a = pa[k] > pa[a] ? k : a;
    for (int k = 1; k < READER_NRELS; k++)
        r = pr[k] > pr[r] ? k : r;
    ty->n++;
    ty->act += a == s->act[c];
    if (a == READER_FACT && s->act[c] == READER_FACT) {
        int bin = (int)(conf * PBINS);
        ty->fact_p[bin < 0 ? 0 : bin >= PBINS ? PBINS - 1 : bin]++;
        ty->nfact++;
    }
    ty->rel += r == s->rel[c];
    unsigned char pred[TMAX];
    reader_decode_tags(pred, pt, n);
    for (int t = 0; t < n; t++) {
        ty->tag += pred[t] == s->tag[w0 + t];
        if (s->vrel[w0 + t] == READER_SET_NOREL)
            continue;
        const float *q = pv + (size_t)t * READER_NRELS;
        int best = 0;
        for (int k = 1; k < READER_NRELS; k++)
            best = q[k] > q[best] ? k : best;
        ty->nv++;
        ty->vrel += best == s->vrel[w0 + t];
    }
    ty->ntok += n;
    int ps[TMAX][3], gs[TMAX][3];
    int np = spans(pred, n, ps), ng = spans(s->tag + w0, n, gs);
    for (int i = 0; i < np; i++) {
        ty->np[ps[i][0]]++;
        for (int j = 0; j < ng; j++)
            if (memcmp(ps[i], gs[j], sizeof ps[i]) == 0)
                ty->tp[ps[i][0]]++;
    }
    for (int j = 0; j < ng; j++)
        ty->ng[gs[j][0]]++;
}

static void tally_metrics(const tally_t *ty, reader_metrics_t *m)
{
    memset(m, 0, sizeof *m);
    m->n = (int)ty->n;
    m->ntok = (int)ty->ntok;
    m->act_acc = ty->n ? (double)ty->act / ty->n : 0;
    m->rel_acc = ty->n ? (double)ty->rel / ty->n : 0;
    m->tag_acc = ty->ntok ? (double)ty->tag / ty->ntok : 0;
    m->vrel_acc = ty->nv ? (double)ty->vrel / ty->nv : 0;
    for (int k = 0; k < READER_NSPANS; k++)
        m->span_f1[k] = ty->np[k] + ty->ng[k] ? 2.0 * ty->tp[k] / (ty->np[k] + ty->ng[k]) : 0;
    m->score = (m->act_acc + m->rel_acc + m->tag_acc + m->span_f1[2] + m->span_f1[0] +
                m->vrel_acc) / 6;
    m->nfact = (int)ty->nfact;
    long below = 0;         /* the first bin at which 1% of the facts lie at or below */
    for (int b = 0; b < PBINS && ty->nfact; b++) {
        below += ty->fact_p[b];
        if (below * 100 >= ty->nfact) {
            m->fact_p1 = (double)b / PBINS;
            break;
        }
    }
}

float reader_fact_threshold(const reader_metrics_t *m)
{
    return m->nfact > 0 ? fminf((float)m->fact_p1, READER_FACT_MIN_P_V3) : READER_FACT_MIN_P_V3;
}

/* Counting sort of sel[0..n) by clause length (stable); tmp [n]. */
static void sort_by_len(int *sel, int n, const reader_set_t *s, int *tmp)
{
    int cnt[TMAX + 2] = {0};
    for (int i = 0; i < n; i++)
        cnt[clause_len(s, sel[i]) + 1]++;
    for (int l = 1; l < TMAX + 2; l++)
        cnt[l] += cnt[l - 1];
    for (int i = 0; i < n; i++)
        tmp[cnt[clause_len(s, sel[i])]++] = sel[i];
    memcpy(sel, tmp, sizeof(int) * (size_t)n);
}

/* The rows of every word of s in r's vocabulary: malloc'd [s->nwords], NULL on memory. */
static int *word_rows(const reader_t *r, const reader_set_t *s)
{
    int *wid = malloc(sizeof(int) * (size_t)(s->nwords ? s->nwords : 1));
    for (int w = 0; wid && w < s->nwords; w++) {
        const char *x = set_word(s, w);
        wid[w] = reader_word_id(r, x, strlen(x));
    }
    return wid;
}

typedef struct evalctx {
    worker_t wk[READER_MAX_MEMBERS][MAX_THREADS];   /* per member, per thread */
    int k, nt, chunk;
    feats_t f;
    int *order, *tmp, *wid[READER_MAX_MEMBERS];
    float *pa, *pr, *pt, *pv;   /* a chunk's mean probabilities over the members */
    float *pa_of[READER_MAX_MEMBERS];   /* each member's act probabilities */
} evalctx_t;

static void eval_free(evalctx_t *e)
{
    for (int m = 0; m < e->k; m++) {
        for (int t = 0; t < e->nt; t++)
            reader_work_free(e->wk[m][t].w);
        free(e->wid[m]);
        free(e->pa_of[m]);
    }
    feats_free(&e->f);
    free(e->order);
    free(e->tmp);
    free(e->pa);
    free(e->pr);
    free(e->pt);
    free(e->pv);
}

/* Adds member m's probabilities for the chunk just run (T words a clause) into e's. */
static void eval_add(evalctx_t *e, int m, int T)
{
    for (int t = 0; t < e->nt; t++) {
        worker_t *k = &e->wk[m][t];
        const float *pa, *pr, *pt, *pv;
        reader_work_probs(k->w, &pa, &pr, &pt, &pv);
        size_t c0 = (size_t)k->from, nb = (size_t)k->b.B;
        for (size_t i = 0; i < nb * READER_NACTS; i++) {
            e->pa[c0 * READER_NACTS + i] += pa[i];
            e->pa_of[m][c0 * READER_NACTS + i] = pa[i];
        }
        for (size_t i = 0; i < nb * READER_NRELS; i++)
            e->pr[c0 * READER_NRELS + i] += pr[i];
        for (size_t i = 0; i < nb * T * READER_NTAGS; i++)
            e->pt[c0 * T * READER_NTAGS + i] += pt[i];
        for (size_t i = 0; i < nb * T * READER_NRELS; i++)
            e->pv[c0 * T * READER_NRELS + i] += pv[i];
    }
}

int reader_evaluate(const reader_t *r, const reader_set_t *s, int threads,
                    reader_metrics_t *m)
{
    evalctx_t e;
    memset(&e, 0, sizeof e);
    e.nt = threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads;
    e.chunk = 128;
    int per = (e.chunk + e.nt - 1) / e.nt, n = s->n;
    int rc = -1;
    model_blas_single();
    if (feats_init(&e.f, e.chunk) < 0)
        goto done;
    const reader_t *mb[READER_MAX_MEMBERS];
    for (const reader_t *x = r; x && e.k < READER_MAX_MEMBERS; x = x->next) {
        mb[e.k] = x;
        e.k++;     /* counted before its parts, so eval_free frees what was made */
        for (int t = 0; t < e.nt; t++)
            if (!(e.wk[e.k - 1][t].w = reader_work_new(&x->c, per, TMAX)))
                goto done;
        if (!(e.wid[e.k - 1] = word_rows(x, s)) ||
            !(e.pa_of[e.k - 1] = malloc(sizeof(float) * (size_t)e.chunk * READER_NACTS)))
            goto done;
    }
    size_t ct = (size_t)e.chunk * TMAX;
    e.order = malloc(sizeof(int) * (size_t)(n ? n : 1));
    e.tmp = malloc(sizeof(int) * (size_t)(n ? n : 1));
    e.pa = malloc(sizeof(float) * (size_t)e.chunk * READER_NACTS);
    e.pr = malloc(sizeof(float) * (size_t)e.chunk * READER_NRELS);
    e.pt = malloc(sizeof(float) * ct * READER_NTAGS);
    e.pv = malloc(sizeof(float) * ct * READER_NRELS);
    if (!e.order || !e.tmp || !e.pa || !e.pr || !e.pt || !e.pv)
        goto done;
    for (int i = 0; i < n; i++)
        e.order[i] = i;
    sort_by_len(e.order, n, s, e.tmp);
    tally_t ty;
    memset(&ty, 0, sizeof ty);
    float inv = 1.0f / (float)e.k;
    for (int i = 0; i < n; i += e.chunk) {
        int B = n - i < e.chunk ? n - i : e.chunk;
        memset(e.pa, 0, sizeof(float) * (size_t)e.chunk * READER_NACTS);
        memset(e.pr, 0, sizeof(float) * (size_t)e.chunk * READER_NRELS);
        memset(e.pt, 0, sizeof(float) * ct * READER_NTAGS);
        memset(e.pv, 0, sizeof(float) * ct * READER_NRELS);
        for (int k = 0; k < e.k; k++) {
            feats_fill(&e.f, s, e.wid[k], e.order + i, B, mb[k]->c.Nb, 0, 0, NULL);
            run_workers(e.wk[k], e.nt, &e.f, &mb[k]->p, &mb[k]->c, 0);
            eval_add(&e, k, e.f.T);
        }
        size_t T = (size_t)e.f.T;
        for (size_t x = 0; x < (size_t)B * T * READER_NTAGS && e.k > 1; x++)
            e.pt[x] *= inv;
        for (size_t x = 0; x < (size_t)B * T * READER_NRELS && e.k > 1; x++)
            e.pv[x] *= inv;
        for (size_t x = 0; x < (size_t)B * READER_NACTS && e.k > 1; x++)
            e.pa[x] *= inv;
        for (size_t x = 0; x < (size_t)B * READER_NRELS && e.k > 1; x++)
            e.pr[x] *= inv;
        for (int j = 0; j < B; j++) {
            const float *pa = e.pa + (size_t)j * READER_NACTS;
            int a = 0;
            for (int x = 1; x < READER_NACTS; x++)
                a = pa[x] > pa[a] ? x : a;
            float of[READER_MAX_MEMBERS];
            for (int k = 0; k < e.k; k++)
                of[k] = e.pa_of[k][(size_t)j * READER_NACTS + a];
            tally_clause(&ty, s, e.order[i + j], pa, reader_median(of, e.k),
                         e.pr + (size_t)j * READER_NRELS, e.pt + (size_t)j * T * READER_NTAGS,
                         e.pv + (size_t)j * T * READER_NRELS);
        }
    }
    tally_metrics(&ty, m);
    rc = 0;
done:
    eval_free(&e);
    return rc;
}

/* ---- training ----------------------------------------------------------------------- */

/* The rows of the two tables (emb rows 0..V-1, then ng rows V..V+Nb-1) batch f reads,
 * each once, into rows; stamp [V+Nb] marks them with mark. Returns how many. */
static int touched_rows(const feats_t *f, const reader_cfg_t *c, int *stamp, int mark,
                        int *rows)
{
    int n = 0;
    for (int k = 0; k < f->B * f->T; k++) {
        int id = f->ids[k];
        if (id != READER_PAD && stamp[id] != mark) {
            stamp[id] = mark;
            rows[n++] = id;
        }
    }
    for (int j = 0; j < f->off[f->B * f->T]; j++) {
        int row = c->V + f->idx[j];
        if (stamp[row] != mark) {
            stamp[row] = mark;
            rows[n++] = row;
        }
    }
    return n;
}

static void log_metrics(FILE *log, const reader_metrics_t *m)
{
    fprintf(log, "act %.2f%%  rel %.2f%%  tag %.2f%%  value rel %.2f%%  F1 VALUE %.3f "
                 "HOLDER %.3f REL %.3f OLD %.3f NAME %.3f",
            100 * m->act_acc, 100 * m->rel_acc, 100 * m->tag_acc, 100 * m->vrel_acc,
            m->span_f1[2],
            m->span_f1[0], m->span_f1[1], m->span_f1[3], m->span_f1[4]);
}

reader_t *reader_train(const reader_train_opts_t *o, const reader_set_t *train,
                       const reader_set_t *valid, reader_train_result_t *res, char *err,
                       size_t errlen)
{
    memset(res, 0, sizeof *res);
    if (train->n == 0) {
        set_err(err, errlen, "no training clauses");
        return NULL;
    }
    model_blas_single();
    vocab_t *v = build_vocab(train, o->min_count, o->max_vocab);
    if (!v) {
        set_err(err, errlen, "out of memory (vocabulary)");
        return NULL;
    }
    reader_cfg_t c = {vocab_size(v), o->buckets, o->embed, o->hidden};
    if (reader_cfg_check(&c, err, errlen) < 0) {
        vocab_free(v);
        return NULL;
    }
    size_t np = reader_nparams(&c), ntab = reader_ntable(&c), nd = np - ntab;
    size_t E = (size_t)c.E;
    int nt = o->threads < 1 ? 1 : o->threads > MAX_THREADS ? MAX_THREADS : o->threads;
    int Bb = o->batch < 1 ? 1 : o->batch, per = (Bb + nt - 1) / nt, n = train->n;
    int nrows = c.V + c.Nb;
    float *buf = malloc(np * sizeof(float)), *best = malloc(np * sizeof(float));
    float *m = calloc(np, sizeof(float)), *vv = calloc(np, sizeof(float));
    int *order = malloc(sizeof(int) * (size_t)n), *tmp = malloc(sizeof(int) * (size_t)n);
    int *bstart = malloc(sizeof(int) * ((size_t)n / Bb + 2));
    int *stamp = malloc(sizeof(int) * (size_t)nrows);
    int *rows = malloc(sizeof(int) * (size_t)Bb * TMAX * (READER_MAX_NGRAMS + 1));
    worker_t wk[MAX_THREADS];
    feats_t f;
    memset(wk, 0, sizeof wk);
    memset(&f, 0, sizeof f);
    reader_t *r = NULL, *out = NULL;
    int ok = buf && best && m && vv && order && tmp && bstart && stamp && rows &&
             feats_init(&f, Bb) == 0;
    for (int t = 0; ok && t < nt; t++) {
        wk[t].w = reader_work_new(&c, per, TMAX);
        wk[t].grad = calloc(np, sizeof(float));
        ok = wk[t].w && wk[t].grad;
        if (ok)
            reader_carve(&wk[t].gp, wk[t].grad, &c);
    }
    if (!ok) {
        set_err(err, errlen, "out of memory (%zu reader parameters)", np);
        goto done;
    }
    reader_init_params(buf, &c, o->seed);
    memcpy(best, buf, np * sizeof(float));
    /* r views buf (the parameters being trained) for evaluation */
    if (!(r = reader_wrap(&c, v, buf))) {
        v = NULL;
        buf = NULL;
        set_err(err, errlen, "out of memory");
        goto done;
    }
    v = NULL;
    buf = NULL;
    int *wid = word_rows(r, train);
    if (!wid) {
        set_err(err, errlen, "out of memory");
        goto done;
    }
    for (int i = 0; i < nrows; i++)
        stamp[i] = -1;
    uint64_t rng = o->seed * 0x9E3779B97F4A7C15ULL + 12345;
    float lr = o->lr;
    double best_score = -1, t0 = now_s();
    int step = 0, bad = 0;
    if (o->log)
        fprintf(o->log,
                "reader: %d training clauses, %d held out; vocabulary %d, buckets %d, E %d, "
                "H %d: %zu parameters; batch %d on %d threads\n",
                n, valid ? valid->n : 0, c.V, c.Nb, c.E, c.H, np, Bb, nt);
    for (int ep = 0; ep < o->epochs; ep++) {
        double te = now_s(), loss = 0;
        /* shuffle, sort groups of SORT_GROUP batches by length, shuffle the batches */
        for (int i = 0; i < n; i++)
            order[i] = i;
        shuffle(order, n, &rng);
        for (int i = 0; i < n; i += SORT_GROUP * Bb) {
            int k = n - i < SORT_GROUP * Bb ? n - i : SORT_GROUP * Bb;
            sort_by_len(order + i, k, train, tmp);
        }
        int nb = 0;
        for (int i = 0; i < n; i += Bb)
            bstart[nb++] = i;
        shuffle(bstart, nb, &rng);
        for (int bi = 0; bi < nb; bi++) {
            int B = n - bstart[bi] < Bb ? n - bstart[bi] : Bb;
            feats_fill(&f, train, wid, order + bstart[bi], B, c.Nb, o->word_dropout,
                       o->ngram_dropout, &rng);
            run_workers(wk, nt, &f, &r->p, &c, 1);
            double bl = 0;
            for (int t = 0; t < nt; t++) {
                /* each worker's loss is its part's mean; weight by its share */
                int Bt = wk[t].b.B;
                bl += wk[t].loss * Bt / B;
            }
            loss += bl;
            int nr = touched_rows(&f, &c, stamp, step, rows);
            float *g0 = wk[0].grad;
            for (int t = 1; t < nt; t++) {
                const float *g = wk[t].grad;
                for (size_t i = ntab; i < np; i++)
                    g0[i] += g[i];
                for (int j = 0; j < nr; j++)
                    for (size_t k = 0; k < E; k++)
                        g0[(size_t)rows[j] * E + k] += g[(size_t)rows[j] * E + k];
            }
            double ss = 0;
            for (size_t i = ntab; i < np; i++)
                ss += (double)g0[i] * g0[i];
            for (int j = 0; j < nr; j++)
                for (size_t k = 0; k < E; k++)
                    ss += (double)g0[(size_t)rows[j] * E + k] * g0[(size_t)rows[j] * E + k];
            double norm = sqrt(ss);
            float scale = o->clip > 0 && norm > o->clip ? (float)(o->clip / norm) : 1.0f;
            step++;
            adam_cfg_t ac = {.lr = lr, .beta1 = 0.9f, .beta2 = 0.999f, .eps = 1e-8f,
                             .weight_decay = 0, .clip = 0};
            float *pb = r->buf;
            if (scale != 1.0f) {
                for (size_t i = ntab; i < np; i++)
                    g0[i] *= scale;
                for (int j = 0; j < nr; j++)
                    for (size_t k = 0; k < E; k++)
                        g0[(size_t)rows[j] * E + k] *= scale;
            }
            adam_update(pb + ntab, g0 + ntab, m + ntab, vv + ntab, nd, &ac, step);
            for (int j = 0; j < nr; j++) {
                size_t at = (size_t)rows[j] * E;
                if (rows[j] == READER_PAD)
                    continue;
                adam_update(pb + at, g0 + at, m + at, vv + at, E, &ac, step);
            }
            for (int t = 0; t < nt; t++) {
                float *g = wk[t].grad;
                memset(g + ntab, 0, nd * sizeof(float));
                for (int j = 0; j < nr; j++)
                    memset(g + (size_t)rows[j] * E, 0, E * sizeof(float));
            }
        }
        loss /= nb ? nb : 1;
        double t_ep = now_s() - te;
        reader_metrics_t vm;
        memset(&vm, 0, sizeof vm);
        int have_valid = valid && valid->n > 0;
        if (have_valid && reader_evaluate(r, valid, nt, &vm) < 0) {
            set_err(err, errlen, "out of memory (evaluation)");
            free(wid);
            goto done;
        }
        double score = have_valid ? vm.score : -loss;
        int improved = score > best_score;
        if (improved) {
            best_score = score;
            memcpy(best, r->buf, np * sizeof(float));
            res->best = vm;
            res->best_epoch = ep + 1;
            bad = 0;
        } else {
            bad++;
            lr *= 0.5f;
        }
        res->epochs = ep + 1;
        res->last_loss = loss;
        if (o->log) {
            fprintf(o->log, "epoch %d/%d  loss %.4f  ", ep + 1, o->epochs, loss);
            if (have_valid)
                log_metrics(o->log, &vm);
            fprintf(o->log, "%s  %.1fs (%.0f clauses/s)\n", improved ? " *" : "", t_ep,
                    n / t_ep);
            fflush(o->log);
        }
        if (o->patience > 0 && bad >= o->patience)
            break;
    }
    free(wid);
    res->seconds = now_s() - t0;
    res->sec_per_epoch = res->epochs ? res->seconds / res->epochs : 0;
    memcpy(r->buf, best, np * sizeof(float));
    if (valid && valid->n > 0 && res->best.nfact > 0)   /* reader_fact_min_p */
        r->fact_min_p = reader_fact_threshold(&res->best);
    out = r;
    r = NULL;
done:
    for (int t = 0; t < nt; t++) {
        reader_work_free(wk[t].w);
        free(wk[t].grad);
    }
    feats_free(&f);
    reader_free(r);
    vocab_free(v);
    free(buf);
    free(best);
    free(m);
    free(vv);
    free(order);
    free(tmp);
    free(bstart);
    free(stamp);
    free(rows);
    return out;
}

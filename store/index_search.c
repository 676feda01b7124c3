/* index_search.c: top-k by cosine over one user's partition, in two halves. The scan
 * (under the store's read lock) scores the int8 codes, each approximate score with a
 * rigorous error bound; a row whose upper bound falls below the k-th best lower bound
 * cannot be in the top k, and the few rows that remain go to the ranking, which reads
 * their float vectors back through the caller (the index holds none) and re-scores them
 * exactly, best bound first, stopping once no bound left reaches the k-th best score.
 * In big partitions the scan first reads the 2-bit sketches (a quarter of the codes'
 * bytes, scored by popcounts against a 4-bit query) and keeps only the rows the sketch
 * ranks best for the codes: approximate, with the candidate count set for recall
 * (index_set_sketch). Both scans walk the partition
 * block by block (index_block_t) and each block in chunks; a partition of several blocks
 * is scanned in two shares on two threads. Filters are only checked for rows still in
 * reach. Reads the index only; all scratch is per call, so any number of threads may
 * search at once under the store's read lock. */
#include <cblas.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Rows per kernel call: 16384 rows of int8 codes (8 MiB at dim 512) or of sketch planes,
 * 64 KiB of dots. */
#ifndef CHUNK_ROWS
#define CHUNK_ROWS 16384
#endif

/* a ranks before b: higher score, then the newer (larger) id. */
static int better(float as, int64_t aid, float bs, int64_t bid)
{
    return as > bs || (as == bs && aid > bid);
}

/* Min-heap on "better": h[0] is the worst of the kept hits. */
static void sift_down(index_hit_t *h, int n, int i)
{
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && better(h[m].score, h[m].id, h[l].score, h[l].id))
            m = l;
        if (r < n && better(h[m].score, h[m].id, h[r].score, h[r].id))
            m = r;
        if (m == i)
            return;
        index_hit_t t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

static void sift_up(index_hit_t *h, int i)
{
    while (i > 0) {
        int parent = (i - 1) / 2;
        if (!better(h[parent].score, h[parent].id, h[i].score, h[i].id))
            return;
        index_hit_t t = h[i];
        h[i] = h[parent];
        h[parent] = t;
        i = parent;
    }
}

/* Row o of block b passes the filter. */
static int passes(const index_block_t *b, size_t o, const index_filter_t *f)
{
    if (f->since_ms > 0 && b->created[o] < f->since_ms)
        return 0;
    if (f->until_ms > 0 && b->created[o] >= f->until_ms)
        return 0;
    if (f->conv_hash && b->conv[o] != f->conv_hash)
        return 0;
    return 1;
}

/* Fills qn[dim] with q, idf-weighted when asked, L2-normalized. With lexical dims
 * fewer than dim, only [0, lex) is weighted and then scaled back to its norm before
 * weighting, so the lexical and the other part keep their shares of the score.
 * Returns 0, or -1 when q is not finite. */
static int query_prepare(const index_part_t *p, int dim, int lex, const float *q, int idf,
                         float *qn)
{
    double ss = 0;
    int part = idf && lex < dim;
    double before = 0, after = 0;
    for (int d = 0; d < dim; d++) {
        float w = 1.0f;
        if (idf && d < lex)
            w = logf(((float)p->n + 1.0f) / ((float)p->df[d] + 0.5f));
        qn[d] = q[d] * w;
        if (part && d < lex) {
            before += (double)q[d] * q[d];
            after += (double)qn[d] * qn[d];
        }
        ss += (double)qn[d] * qn[d];
    }
    if (!isfinite(ss))
        return -1;
    if (part && after > 0) {
        float r = (float)sqrt(before / after);
        ss = 0;
        for (int d = 0; d < dim; d++) {
            if (d < lex)
                qn[d] *= r;
            ss += (double)qn[d] * qn[d];
        }
    }
    float inv = ss > 0 ? (float)(1.0 / sqrt(ss)) : 0.0f;
    for (int d = 0; d < dim; d++)
        qn[d] *= inv;
    return 0;
}

/* Offers id with exact score s (and plain cosine) to the top-k heap hits[0..*n). */
static void offer(int64_t id, float s, float cosine, int k, index_hit_t *hits, int *n)
{
    s = s > 1.0f ? 1.0f : (s < -1.0f ? -1.0f : s);
    if (*n < k) {
        hits[*n] = (index_hit_t){id, s, cosine};
        sift_up(hits, (*n)++);
    } else if (better(s, id, hits[0].score, hits[0].id)) {
        hits[0] = (index_hit_t){id, s, cosine};
        sift_down(hits, k, 0);
    }
}

/* Min-heap of floats (the k best lower bounds; lo[0] is the k-th best). */
static void lo_push(float *lo, int *n, int k, float v)
{
    int i;
    if (*n < k) {
        i = (*n)++;
        while (i > 0 && lo[(i - 1) / 2] > v) {
            lo[i] = lo[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        lo[i] = v;
        return;
    }
    if (v <= lo[0])
        return;
    i = 0;
    for (;;) {  /* replace the root, sift down */
        int l = 2 * i + 1, r = l + 1, m = i;
        float mv = v;
        if (l < k && lo[l] < mv) {
            m = l;
            mv = lo[l];
        }
        if (r < k && lo[r] < mv)
            m = r;
        if (m == i)
            break;
        lo[i] = lo[m];
        i = m;
    }
    lo[i] = v;
}

/* Rows still in reach after the code scan: row index and upper bound. */
typedef struct cands {
    uint32_t *row;
    float *up;
    size_t n, cap;
} cands_t;

/* Appends (r, up), first dropping entries below the current threshold when full. */
static int cand_add(cands_t *c, uint32_t r, float up, float threshold)
{
    if (c->n == c->cap) {
        size_t keep = 0;
        for (size_t i = 0; i < c->n; i++)
            if (c->up[i] >= threshold) {
                c->row[keep] = c->row[i];
                c->up[keep++] = c->up[i];
            }
        c->n = keep;
        if (c->n * 2 > c->cap) {
            size_t cap = c->cap * 2;
            uint32_t *nr = realloc(c->row, cap * sizeof(*nr));
            if (!nr)
                return -1;
            c->row = nr;
            float *nu = realloc(c->up, cap * sizeof(*nu));
            if (!nu)
                return -1;
            c->up = nu;
            c->cap = cap;
        }
    }
    c->row[c->n] = r;
    c->up[c->n++] = up;
    return 0;
}

/* The sketch stage's heap of a share: the best m rows by the sketch's estimate, a
 * min-heap on est (est[0] the m-th best). */
typedef struct sk_heap {
    float *est;
    uint32_t *row;
    size_t n, m;
} sk_heap_t;

static void sk_push(sk_heap_t *h, float v, uint32_t r)
{
    size_t i;
    if (h->n < h->m) {
        i = h->n++;
        while (i > 0 && h->est[(i - 1) / 2] > v) {
            h->est[i] = h->est[(i - 1) / 2];
            h->row[i] = h->row[(i - 1) / 2];
            i = (i - 1) / 2;
        }
    } else {
        i = 0;
        for (;;) {  /* replace the root, sift down */
            size_t l = 2 * i + 1, r2 = l + 1, c = i;
            float cv = v;
            if (l < h->m && h->est[l] < cv) {
                c = l;
                cv = h->est[l];
            }
            if (r2 < h->m && h->est[r2] < cv)
                c = r2;
            if (c == i)
                break;
            h->est[i] = h->est[c];
            h->row[i] = h->row[c];
            i = c;
        }
    }
    h->est[i] = v;
    h->row[i] = r;
}

/* One share of the compact scan: blocks [b0, b1) of p, with its own bounds and
 * candidates, so two shares can run at once. */
typedef struct qscan {
    const index_t *ix;
    const index_part_t *p;
    const index_q8_t *q8;   /* the query's codes */
    int sketch;             /* scan the sketches first */
    const uint64_t *planes; /* [4][swords] the mixed query's 4-bit planes (+ 8) */
    int32_t q4_sum;         /* the sum of its 4-bit codes */
    float sq, eq, eps;
    const index_filter_t *f;
    int filtered, k;
    size_t b0, b1;
    float *lo;              /* [k] min-heap of the best lower bounds; lo[0] the k-th */
    int nlo;
    cands_t c;
    int32_t *dots;          /* [CHUNK_ROWS or fewer]; [2 CHUNK_ROWS] when sketch */
    const int32_t *pre;     /* [p->n] every row's dot product (index_post_dots), or NULL */
    sk_heap_t sk;           /* the sketch stage's rows, when sketch */
    int rc;                 /* 0, or -1 when out of memory */
} qscan_t;

/* The int8 stage for row r (o in block blk) whose code dot product is dot. With x a
 * stored row (|x| = 1), X = qscale * codes its copy (|x - X| <= qerr), q the query and Q
 * its copy (|q - Q| <= eq):
 *   |q.x - Q.X| <= |q| |x - X| + |q - Q| |X| <= qerr + eq (1 + qerr),
 * plus EPS for float rounding in both this approximation and the exact dot product.
 * Keeps the row when its upper bound reaches this share's k-th best lower bound
 * (filtered is 0 when the caller checked the filter already). Returns 0 or -1. */
static int consider(qscan_t *w, const index_block_t *blk, size_t o, size_t r, int32_t dot,
                    int filtered)
{
    float ex = blk->qerr[o];
    float approx = (float)dot * (blk->qscale[o] * w->sq);
    float b = ex + w->eq * (1.0f + ex) + w->eps;
    float threshold = w->nlo == w->k ? w->lo[0] : -INFINITY;
    if (approx + b < threshold)
        return 0;
    if (filtered && !passes(blk, o, w->f))
        return 0;
    lo_push(w->lo, &w->nlo, w->k, approx - b);
    return cand_add(&w->c, (uint32_t)r, approx + b, threshold);
}

static int by_row(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The sketch stage of a share: every row's estimate (q4 the mixed query's 4-bit codes)
 *   q.x ~= sfac (2 v - 3) . q4 = sfac (2 (2 hi . q4 + lo . q4) - 3 sum q4),
 * the best sk.m (filters passed) kept; then the int8 stage for those, in row order,
 * their code rows prefetched a few ahead (they are read at random). */
static void qscan_sketch(qscan_t *w)
{
    const index_t *ix = w->ix;
    const index_part_t *p = w->p;
    const size_t sw = ix->swords;
    int32_t *lo = w->dots + CHUNK_ROWS;
    for (size_t bi = w->b0, base = bi * ix->brows; bi < w->b1; bi++, base += ix->brows) {
        const index_block_t *blk = &p->blocks[bi];
        size_t rows = p->n - base < blk->cap ? p->n - base : blk->cap;
        for (size_t off = 0; off < rows; off += CHUNK_ROWS) {
            size_t m = rows - off < CHUNK_ROWS ? rows - off : CHUNK_ROWS;
            index_dots_sign4(blk->sk_hi + off * sw, m, sw, w->planes, INDEX_KERNEL_AUTO,
                             w->dots);
            index_dots_sign4(blk->sk_lo + off * sw, m, sw, w->planes, INDEX_KERNEL_AUTO, lo);
            for (size_t i = 0; i < m; i++) {
                size_t o = off + i;
                float est = blk->sfac[o] * (float)(4 * w->dots[i] + 2 * lo[i] - 3 * w->q4_sum);
                if (w->sk.n == w->sk.m && est <= w->sk.est[0])
                    continue;
                if (w->filtered && !passes(blk, o, w->f))
                    continue;
                sk_push(&w->sk, est, (uint32_t)(base + o));
            }
        }
    }
    enum { AHEAD = 8 };
    qsort(w->sk.row, w->sk.n, sizeof(*w->sk.row), by_row);
    for (size_t i = 0; i < w->sk.n; i++) {
        if (i + AHEAD < w->sk.n) {
            size_t r = w->sk.row[i + AHEAD], o = r & ix->bmask;
            const int8_t *c = index_blk(ix, p, r)->codes + o * ix->dpad;
            for (size_t line = 0; line < ix->dpad; line += 64)
                __builtin_prefetch(c + line);
        }
        size_t r = w->sk.row[i], o = r & ix->bmask;
        const index_block_t *blk = index_blk(ix, p, r);
        int32_t dot;
        index_dots_i8(blk->codes + o * ix->dpad, 1, w->q8, &dot);
        if (consider(w, blk, o, r, dot, 0) != 0) {
            w->rc = -1;
            return;
        }
    }
}

/* A share's scan: the sketch stage when qr8 is set, else the int8 stage over every
 * row. */
static void *qscan_run(void *arg)
{
    qscan_t *w = arg;
    const index_t *ix = w->ix;
    const index_part_t *p = w->p;
    if (w->sketch) {
        qscan_sketch(w);
        return NULL;
    }
    for (size_t bi = w->b0, base = bi * ix->brows; bi < w->b1; bi++, base += ix->brows) {
        const index_block_t *blk = &p->blocks[bi];
        size_t rows = p->n - base < blk->cap ? p->n - base : blk->cap;
        for (size_t off = 0; off < rows; off += CHUNK_ROWS) {
            size_t m = rows - off < CHUNK_ROWS ? rows - off : CHUNK_ROWS;
            const int32_t *dots = w->pre ? w->pre + base + off : w->dots;
            if (!w->pre)
                index_dots_i8(blk->codes + off * ix->dpad, m, w->q8, w->dots);
            for (size_t i = 0; i < m; i++)
                if (consider(w, blk, off + i, base + off + i, dots[i], w->filtered) != 0) {
                    w->rc = -1;
                    return NULL;
                }
        }
    }
    return NULL;
}

/* Partitions of at least this many blocks are scanned by two threads, the caller's and
 * one started for the query: the scan is memory-bound, and two cores read about twice
 * what one does. */
#define QSCAN_SPLIT_BLOCKS 2

/* A candidate of the ranking: an id and the upper bound of its score. */
typedef struct cand {
    int64_t id;
    float up;
} cand_t;

struct index_cands {
    int dim, k;
    float *q;               /* [dim] the query as given (for the plain cosines) */
    float *qn;              /* [dim] the query as searched (idf, normalized) */
    cand_t *c;              /* [n] best upper bound first */
    size_t n;
};

static int by_up(const void *a, const void *b)
{
    const cand_t *x = a, *y = b;
    return x->up != y->up ? (x->up < y->up ? 1 : -1) : (x->id < y->id) - (x->id > y->id);
}

/* The compact scan over p (qscan_run, in one or two shares) into out's candidates: the
 * rows of every share whose upper bound reaches the k-th best lower bound over all
 * shares. Returns 0 or -1. */
static int scan_part(const index_t *ix, const index_part_t *p, int k, const index_filter_t *f,
                     int filtered, index_cands_t *out)
{
    const size_t dpad = ix->dpad;
    size_t chunk = p->n < CHUNK_ROWS ? p->n : CHUNK_ROWS;
    int nw = p->nblocks >= QSCAN_SPLIT_BLOCKS ? 2 : 1, rc = -1;
    int sketch = p->n >= ix->sketch_min_rows;
    size_t want = (size_t)k * INDEX_SKETCH_PER_HIT;
    want = want > ix->sketch_cands ? want : ix->sketch_cands;
    size_t per = (want + (size_t)nw - 1) / (size_t)nw;
    qscan_t w[2];
    memset(w, 0, sizeof(w));
    /* For the query: q, q16, qu carved from one 64-byte aligned block (dpad + 2 dpad +
     * dpad bytes); the mixed query's floats and its 4-bit planes. */
    int8_t *qbuf = aligned_alloc(64, 4 * dpad);
    float *mixed = malloc(dpad * sizeof(float));
    uint64_t *planes = calloc(4 * ix->swords, sizeof(uint64_t));
    float *merged = malloc(2 * (size_t)k * sizeof(float));
    int32_t *pre = NULL;    /* the dot products through the postings, when used */
    for (int t = 0; t < nw; t++) {
        w[t].c = (cands_t){malloc(1024 * sizeof(uint32_t)), malloc(1024 * sizeof(float)), 0,
                           1024};
        w[t].lo = malloc((size_t)k * sizeof(float));
        w[t].dots = malloc((sketch ? 2 * CHUNK_ROWS : chunk) * sizeof(int32_t));
        if (!w[t].c.row || !w[t].c.up || !w[t].lo || !w[t].dots)
            goto done;
        if (sketch) {
            w[t].sk = (sk_heap_t){malloc(per * sizeof(float)), malloc(per * sizeof(uint32_t)),
                                  0, per};
            if (!w[t].sk.est || !w[t].sk.row)
                goto done;
        }
    }
    if (!qbuf || !mixed || !planes || !merged)
        goto done;
    index_q8_t q8 = {dpad, INDEX_KERNEL_AUTO, qbuf, (int16_t *)(void *)(qbuf + dpad),
                     (uint8_t *)qbuf + 3 * dpad};
    float eq;
    float sq = index_quantize(out->qn, ix->dim, dpad, q8.q, &eq);
    index_q8_prepare(&q8);
    int32_t q4_sum = 0;
    if (sketch) {
        index_rotate(ix, out->qn, mixed);
        float m4 = 0;
        for (size_t j = 0; j < dpad; j++)
            m4 = fabsf(mixed[j]) > m4 ? fabsf(mixed[j]) : m4;
        for (size_t j = 0; j < dpad; j++) {
            int q4 = m4 > 0 ? (int)lrintf(mixed[j] * (7.0f / m4)) : 0;   /* [-7, 7] */
            q4_sum += q4;
            for (int b = 0; b < 4; b++)
                planes[(size_t)b * ix->swords + j / 64] |= (uint64_t)(((q4 + 8) >> b) & 1)
                                                          << (j % 64);
        }
    }
    /* Unless the sketch goes first: every row's dot product through the postings, when
     * the partition keeps them and they are worth reading. */
    if (!sketch)
        pre = index_post_dots(ix, p, &q8);
    size_t nb = (p->n + ix->brows - 1) / ix->brows;    /* blocks with rows */
    for (int t = 0; t < nw; t++) {
        w[t].ix = ix;
        w[t].p = p;
        w[t].q8 = &q8;
        w[t].sketch = sketch;
        w[t].planes = planes;
        w[t].q4_sum = q4_sum;
        w[t].pre = pre;

        w[t].sq = sq;
        w[t].eq = eq;
        w[t].eps = 1e-4f + (float)ix->dim * 2.4e-7f;
        w[t].f = f;
        w[t].filtered = filtered;
        w[t].k = k;
        w[t].b0 = t == 0 ? 0 : nb / 2;
        w[t].b1 = nw == 1 || t == 1 ? nb : nb / 2;
    }
    pthread_t helper;
    int started = nw == 2 && pthread_create(&helper, NULL, qscan_run, &w[1]) == 0;
    qscan_run(&w[0]);
    if (started)
        pthread_join(helper, NULL);
    else if (nw == 2)
        qscan_run(&w[1]);   /* no thread to be had: the second share here too */
    if (w[0].rc != 0 || w[1].rc != 0)
        goto done;
    /* Every row scoring at least the k-th best lower bound of all shares is a candidate
     * of its share (whose own k-th best bound is no higher), so the exact top k of the
     * rows scanned is among the candidates. */
    int nlo = 0;
    for (int t = 0; t < nw; t++)
        for (int i = 0; i < w[t].nlo; i++)
            lo_push(merged, &nlo, k, w[t].lo[i]);
    float threshold = nlo == k ? merged[0] : -INFINITY;
    size_t total = w[0].c.n + w[1].c.n;
    if (!(out->c = malloc((total ? total : 1) * sizeof(*out->c))))
        goto done;
    for (int t = 0; t < nw; t++)
        for (size_t i = 0; i < w[t].c.n; i++) {
            if (w[t].c.up[i] < threshold)
                continue;
            size_t r = w[t].c.row[i];
            out->c[out->n++] = (cand_t){index_blk(ix, p, r)->ids[r & ix->bmask], w[t].c.up[i]};
        }
    qsort(out->c, out->n, sizeof(*out->c), by_up);
    rc = 0;
done:
    for (int t = 0; t < 2; t++) {
        free(w[t].c.row);
        free(w[t].c.up);
        free(w[t].lo);
        free(w[t].dots);
        free(w[t].sk.est);
        free(w[t].sk.row);
    }
    free(pre);
    free(qbuf);
    free(mixed);
    free(planes);
    free(merged);
    return rc;
}

/* hits [n] (best first) rescored by their rows' length: score * sqrt(nnz / (nnz +
 * pivot)), nnz the row's nonzero lexical dimensions ([0, lexical_dims): its codes are
 * nonzero exactly where the row is), then sorted again by better(). A hit whose id is not
 * indexed, or whose lexical part is all zero (a lexical weight of 0: no length to
 * measure), keeps its score. */
void index_pivot(const index_t *ix, index_hit_t *hits, int n, float pivot)
{
    for (int i = 0; i < n; i++) {
        size_t row;
        const index_part_t *p = index_row_part(ix, hits[i].id, &row);
        if (!p)
            continue;
        const int8_t *codes = index_blk(ix, p, row)->codes + (row & ix->bmask) * ix->dpad;
        int nnz = 0;
        for (int d = 0; d < ix->lexical_dims; d++)
            nnz += codes[d] != 0;
        if (nnz > 0)
            hits[i].score *= sqrtf((float)nnz / ((float)nnz + pivot));
    }
    for (int i = 1; i < n; i++) {       /* insertion sort: n is a search's depth */
        index_hit_t h = hits[i];
        int j = i - 1;
        for (; j >= 0 && better(h.score, h.id, hits[j].score, hits[j].id); j--)
            hits[j + 1] = hits[j];
        hits[j + 1] = h;
    }
}

float index_cosine(const float *a, const float *b, int dim)
{
    double aa = 0, ab = 0, bb = 0;
    for (int d = 0; d < dim; d++) {
        aa += (double)a[d] * a[d];
        ab += (double)a[d] * b[d];
        bb += (double)b[d] * b[d];
    }
    double c = aa > 0 && bb > 0 ? ab / sqrt(aa * bb) : 0.0;
    return (float)(c > 1.0 ? 1.0 : (c < -1.0 ? -1.0 : c));
}

void index_cands_free(index_cands_t *c)
{
    if (!c)
        return;
    free(c->q);
    free(c->qn);
    free(c->c);
    free(c);
}

size_t index_cands_count(const index_cands_t *c)
{
    return c ? c->n : 0;
}

index_cands_t *index_search_scan(const index_t *ix, const char *user, const float *q,
                                 int k, const index_filter_t *filter, int idf, int *rc)
{
    *rc = -1;
    if (!ix || !user || !q || k < 1)
        return NULL;
    const index_part_t *p = index_find_part(ix, user);
    if (!p || p->n == 0) {
        *rc = 0;
        return NULL;
    }
    static const index_filter_t none = {0, 0, 0};
    const index_filter_t *f = filter ? filter : &none;
    int filtered = f->since_ms > 0 || f->until_ms > 0 || f->conv_hash != 0;
    index_cands_t *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->dim = ix->dim;
    c->k = k;
    c->q = malloc((size_t)ix->dim * sizeof(float));
    c->qn = malloc((size_t)ix->dim * sizeof(float));
    if (!c->q || !c->qn || query_prepare(p, ix->dim, ix->lexical_dims, q, idf, c->qn) != 0 ||
        scan_part(ix, p, k, f, filtered, c) != 0) {
        index_cands_free(c);
        return NULL;
    }
    memcpy(c->q, q, (size_t)ix->dim * sizeof(float));
    *rc = 0;
    return c;
}

/* Candidates read back per fetch call after the first, which asks k: small, so that
 * few are read past the point where the rest cannot enter (each costs the store a row
 * lookup). */
#define RANK_BATCH 16

int index_search_rank(const index_cands_t *c, index_fetch_fn fetch, void *ctx,
                      index_hit_t *hits)
{
    if (!c)
        return 0;
    const size_t dim = (size_t)c->dim;
    size_t cap = (size_t)c->k > RANK_BATCH ? (size_t)c->k : RANK_BATCH;
    int n = 0, rc = -1;
    int64_t *ids = malloc(cap * sizeof(*ids));
    float *vecs = malloc(cap * dim * sizeof(*vecs));
    float *row = malloc(dim * sizeof(*row));
    unsigned char *found = malloc(cap);
    if (!ids || !vecs || !row || !found)
        goto done;
    /* Best bound first: once the k-th best exact score beats the next bound, no later
     * candidate can enter (its score is at most its bound). */
    for (size_t i = 0; i < c->n;) {
        if (n == c->k && c->c[i].up < hits[0].score)
            break;
        size_t want = i == 0 ? cap : RANK_BATCH;
        size_t m = c->n - i < want ? c->n - i : want;
        for (size_t j = 0; j < m; j++)
            ids[j] = c->c[i + j].id;
        if (fetch(ctx, ids, (int)m, vecs, found) != 0)
            goto done;
        for (size_t j = 0; j < m; j++) {
            const float *v = vecs + j * dim;
            if (!found[j] || (n == c->k && c->c[i + j].up < hits[0].score) ||
                index_normalize(v, c->dim, row) != 0)
                continue;
            float s = cblas_sdot(c->dim, row, 1, c->qn, 1);
            offer(ids[j], s, index_cosine(c->q, v, c->dim), c->k, hits, &n);
        }
        i += m;
    }
    /* Heap sort in place: repeatedly move the worst to the end -> best first. */
    for (int end = n - 1; end > 0; end--) {
        index_hit_t t = hits[0];
        hits[0] = hits[end];
        hits[end] = t;
        sift_down(hits, end, 0);
    }
    rc = n;
done:
    free(ids);
    free(vecs);
    free(row);
    free(found);
    return rc;
}

int index_search(const index_t *ix, const char *user, const float *q, int k,
                 const index_filter_t *filter, int idf, index_fetch_fn fetch, void *ctx,
                 index_hit_t *hits)
{
    if (!hits || !fetch)
        return -1;
    int rc;
    index_cands_t *c = index_search_scan(ix, user, q, k, filter, idf, &rc);
    if (rc == 0)
        rc = index_search_rank(c, fetch, ctx, hits);
    index_cands_free(c);
    return rc;
}

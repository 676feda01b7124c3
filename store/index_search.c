/* index_search.c: exact top-k by cosine over one user's partition. Small partitions:
 * the float rows are scored chunk by chunk with cblas_sgemv (a chunk's scores stay in
 * L2) and a bounded min-heap of k hits keeps the best. Big ones: the int8 codes are
 * scored first, each approximate score with a rigorous error bound; a row whose upper
 * bound falls below the k-th best lower bound cannot be in the top k, and the few that
 * remain are re-scored with their float rows. Same results, a quarter of the memory
 * traffic. Both scans walk the partition block by block (index_block_t) and each block
 * in chunks; the code scan of a partition of several blocks runs in two shares on two
 * threads. Filters are only checked for rows still in reach. Reads the index only; all
 * scratch is per call, so any number of threads may search at once under the store's
 * read lock. */
#include <cblas.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Rows per sgemv call: 16384 x 384 floats = 24 MiB of rows, 64 KiB of scores. */
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

/* Offers row o of block b with exact score s to the top-k heap hits[0..*n). */
static void offer(const index_block_t *b, size_t o, float s, int k, index_hit_t *hits, int *n)
{
    int64_t id = b->ids[o];
    s = s > 1.0f ? 1.0f : (s < -1.0f ? -1.0f : s);
    if (*n < k) {
        hits[*n].id = id;
        hits[*n].score = s;
        sift_up(hits, (*n)++);
    } else if (better(s, id, hits[0].score, hits[0].id)) {
        hits[0].id = id;
        hits[0].score = s;
        sift_down(hits, k, 0);
    }
}

/* The float scan: every row scored by sgemv. Returns the heap size, or -1. */
static int search_float(const index_t *ix, const index_part_t *p, const float *qn, int k,
                        const index_filter_t *f, int filtered, index_hit_t *hits)
{
    int n = 0;
    size_t chunk = p->n < CHUNK_ROWS ? p->n : CHUNK_ROWS;
    float *scores = malloc(chunk * sizeof(float));
    if (!scores)
        return -1;
    for (size_t bi = 0, base = 0; base < p->n; bi++, base += ix->brows) {
        const index_block_t *b = &p->blocks[bi];
        size_t rows = p->n - base < b->cap ? p->n - base : b->cap;
        for (size_t off = 0; off < rows; off += chunk) {
            size_t m = rows - off < chunk ? rows - off : chunk;
            /* scores[m] = vecs[off..off+m)[dim] . qn[dim] */
            cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)m, ix->dim, 1.0f,
                        b->vecs + off * (size_t)ix->dim, ix->dim, qn, 1, 0.0f, scores, 1);
            for (size_t i = 0; i < m; i++) {
                float s = scores[i] > 1.0f ? 1.0f : (scores[i] < -1.0f ? -1.0f : scores[i]);
                if (n == k && s < hits[0].score)
                    continue;   /* the common case: cheaper than loading the id */
                size_t o = off + i;
                if (n == k && !better(s, b->ids[o], hits[0].score, hits[0].id))
                    continue;
                if (filtered && !passes(b, o, f))
                    continue;
                offer(b, o, s, k, hits, &n);
            }
        }
    }
    free(scores);
    return n;
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

/* One share of the compact scan: blocks [b0, b1) of p, with its own bounds and
 * candidates, so two shares can run at once. */
typedef struct qscan {
    const index_t *ix;
    const index_part_t *p;
    const index_q8_t *q8;
    float sq, eq, eps;
    const index_filter_t *f;
    int filtered, k;
    size_t b0, b1;
    float *lo;              /* [k] min-heap of the best lower bounds; lo[0] the k-th */
    int nlo;
    cands_t c;
    int32_t *dots;          /* [CHUNK_ROWS or fewer] */
    int rc;                 /* 0, or -1 when out of memory */
} qscan_t;

/* The compact scan. With x a stored row (|x| = 1), X = qscale * codes its copy
 * (|x - X| <= qerr), q the query and Q its copy (|q - Q| <= eq):
 *   |q.x - Q.X| <= |q| |x - X| + |q - Q| |X| <= qerr + eq (1 + qerr),
 * plus EPS for float rounding in both this approximation and the exact dot product.
 * Keeps every row whose upper bound reaches this share's k-th best lower bound. */
static void *qscan_run(void *arg)
{
    qscan_t *w = arg;
    const index_t *ix = w->ix;
    const index_part_t *p = w->p;
    const size_t dpad = ix->dpad;
    const int k = w->k;
    for (size_t bi = w->b0, base = bi * ix->brows; bi < w->b1; bi++, base += ix->brows) {
        const index_block_t *blk = &p->blocks[bi];
        size_t rows = p->n - base < blk->cap ? p->n - base : blk->cap;
        for (size_t off = 0; off < rows; off += CHUNK_ROWS) {
            size_t m = rows - off < CHUNK_ROWS ? rows - off : CHUNK_ROWS;
            index_dots_i8(blk->codes + off * dpad, m, w->q8, w->dots);
            for (size_t i = 0; i < m; i++) {
                size_t o = off + i;
                float ex = blk->qerr[o];
                float approx = (float)w->dots[i] * (blk->qscale[o] * w->sq);
                float b = ex + w->eq * (1.0f + ex) + w->eps;
                float threshold = w->nlo == k ? w->lo[0] : -INFINITY;
                if (approx + b < threshold)
                    continue;
                if (w->filtered && !passes(blk, o, w->f))
                    continue;
                lo_push(w->lo, &w->nlo, k, approx - b);
                if (cand_add(&w->c, (uint32_t)(base + o), approx + b, threshold) != 0) {
                    w->rc = -1;
                    return NULL;
                }
            }
        }
    }
    return NULL;
}

/* Partitions of at least this many blocks are scanned by two threads, the caller's and
 * one started for the query: the scan is memory-bound, and two cores read about twice
 * what one does. */
#define QSCAN_SPLIT_BLOCKS 2

/* The compact scan over p (qscan_run), then the exact re-ranking of the candidates. */
static int search_quant(const index_t *ix, const index_part_t *p, const float *qn, int k,
                        const index_filter_t *f, int filtered, index_hit_t *hits)
{
    const size_t dpad = ix->dpad;
    size_t chunk = p->n < CHUNK_ROWS ? p->n : CHUNK_ROWS;
    int nw = p->nblocks >= QSCAN_SPLIT_BLOCKS ? 2 : 1, rc = -1, n = 0;
    qscan_t w[2];
    memset(w, 0, sizeof(w));
    /* q, q16, qu carved from one 64-byte aligned block: dpad + 2 dpad + dpad bytes. */
    int8_t *qbuf = aligned_alloc(64, 4 * dpad);
    float *merged = malloc(2 * (size_t)k * sizeof(float));
    for (int t = 0; t < nw; t++) {
        w[t].c = (cands_t){malloc(1024 * sizeof(uint32_t)), malloc(1024 * sizeof(float)), 0,
                           1024};
        w[t].lo = malloc((size_t)k * sizeof(float));
        w[t].dots = malloc(chunk * sizeof(int32_t));
        if (!w[t].c.row || !w[t].c.up || !w[t].lo || !w[t].dots)
            goto done;
    }
    if (!qbuf || !merged)
        goto done;
    index_q8_t q8 = {dpad, INDEX_KERNEL_AUTO, qbuf, (int16_t *)(void *)(qbuf + dpad),
                     (uint8_t *)qbuf + 3 * dpad};
    float eq;
    float sq = index_quantize(qn, ix->dim, dpad, q8.q, &eq);
    index_q8_prepare(&q8);
    size_t nb = (p->n + ix->brows - 1) / ix->brows;    /* blocks with rows */
    for (int t = 0; t < nw; t++) {
        w[t].ix = ix;
        w[t].p = p;
        w[t].q8 = &q8;
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
     * of its share (whose own k-th best bound is no higher), so the exact top k is among
     * the candidates. */
    int nlo = 0;
    for (int t = 0; t < nw; t++)
        for (int i = 0; i < w[t].nlo; i++)
            lo_push(merged, &nlo, k, w[t].lo[i]);
    float threshold = nlo == k ? merged[0] : -INFINITY;
    for (int t = 0; t < nw; t++)
        for (size_t i = 0; i < w[t].c.n; i++) {
            if (w[t].c.up[i] < threshold)
                continue;
            size_t r = w[t].c.row[i];
            offer(index_blk(ix, p, r), r & ix->bmask,
                  cblas_sdot(ix->dim, index_vec(ix, p, r), 1, qn, 1), k, hits, &n);
        }
    rc = n;
done:
    for (int t = 0; t < 2; t++) {
        free(w[t].c.row);
        free(w[t].c.up);
        free(w[t].lo);
        free(w[t].dots);
    }
    free(qbuf);
    free(merged);
    return rc;
}

/* hits [n] (best first) rescored by their rows' length: score * sqrt(nnz / (nnz +
 * pivot)), nnz the row's nonzero lexical dimensions ([0, lexical_dims)), then sorted
 * again by better(). A hit whose id is not indexed, or whose lexical part is all zero
 * (a lexical weight of 0: no length to measure), keeps its score. */
void index_pivot(const index_t *ix, index_hit_t *hits, int n, float pivot)
{
    for (int i = 0; i < n; i++) {
        const float *r = index_row_vec(ix, hits[i].id);
        if (!r)
            continue;
        int nnz = 0;
        for (int d = 0; d < ix->lexical_dims; d++)
            nnz += r[d] != 0.0f;
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

/* Fills each hit's plain cosine: the query as given (no idf) against the hit's float
 * row, in double, for the k hits only; with idf the score ranked by another query. */
void index_cosines(const index_t *ix, const float *q, index_hit_t *hits, int n)
{
    double qq = 0;
    for (int d = 0; d < ix->dim; d++)
        qq += (double)q[d] * q[d];
    for (int i = 0; i < n; i++) {
        const float *r = index_row_vec(ix, hits[i].id);
        double qr = 0, rr = 0;
        for (int d = 0; r && d < ix->dim; d++) {
            qr += (double)q[d] * r[d];
            rr += (double)r[d] * r[d];
        }
        double c = qq > 0 && rr > 0 ? qr / sqrt(qq * rr) : 0.0;
        hits[i].cosine = (float)(c > 1.0 ? 1.0 : (c < -1.0 ? -1.0 : c));
    }
}

int index_search(const index_t *ix, const char *user, const float *q, int k,
                 const index_filter_t *filter, int idf, index_hit_t *hits)
{
    if (!ix || !user || !q || k < 1 || !hits)
        return -1;
    const index_part_t *p = index_find_part(ix, user);
    if (!p || p->n == 0)
        return 0;
    static const index_filter_t none = {0, 0, 0};
    const index_filter_t *f = filter ? filter : &none;
    int filtered = f->since_ms > 0 || f->until_ms > 0 || f->conv_hash != 0;

    int n = -1;
    float *qn = malloc((size_t)ix->dim * sizeof(float));
    if (!qn || query_prepare(p, ix->dim, ix->lexical_dims, q, idf, qn) != 0)
        goto done;
    if (p->quant && p->n >= ix->quant_min_rows)
        n = search_quant(ix, p, qn, k, f, filtered, hits);
    else
        n = search_float(ix, p, qn, k, f, filtered, hits);
    /* Heap sort in place: repeatedly move the worst to the end -> best first. */
    for (int end = n - 1; end > 0; end--) {
        index_hit_t t = hits[0];
        hits[0] = hits[end];
        hits[end] = t;
        sift_down(hits, end, 0);
    }
    if (n > 0)
        index_cosines(ix, q, hits, n);
done:
    free(qn);
    return n;
}

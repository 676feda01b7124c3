/* index_search.c: exact top-k by cosine over one user's partition. The partition's
 * rows are scored chunk by chunk with cblas_sgemv (a chunk's scores stay in L2), and a
 * bounded min-heap of k hits keeps the best; filters are only checked for rows that
 * would enter the heap. Reads the index only; all scratch is per call, so any number
 * of threads may search at once under the store's read lock. */
#include <cblas.h>
#include <math.h>
#include <stdlib.h>

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

static int passes(const index_part_t *p, size_t r, const index_filter_t *f)
{
    if (f->since_ms > 0 && p->created[r] < f->since_ms)
        return 0;
    if (f->until_ms > 0 && p->created[r] >= f->until_ms)
        return 0;
    if (f->conv_hash && p->conv[r] != f->conv_hash)
        return 0;
    return 1;
}

/* Fills qn[dim] with q, idf-weighted when asked, L2-normalized. Returns 0, or -1 when
 * q is not finite. */
static int query_prepare(const index_part_t *p, int dim, const float *q, int idf, float *qn)
{
    double ss = 0;
    for (int d = 0; d < dim; d++) {
        float w = 1.0f;
        if (idf)
            w = logf(((float)p->n + 1.0f) / ((float)p->df[d] + 0.5f));
        qn[d] = q[d] * w;
        ss += (double)qn[d] * qn[d];
    }
    if (!isfinite(ss))
        return -1;
    float inv = ss > 0 ? (float)(1.0 / sqrt(ss)) : 0.0f;
    for (int d = 0; d < dim; d++)
        qn[d] *= inv;
    return 0;
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

    int rc = -1, n = 0;
    size_t chunk = p->n < CHUNK_ROWS ? p->n : CHUNK_ROWS;
    float *qn = malloc((size_t)ix->dim * sizeof(float));
    float *scores = malloc(chunk * sizeof(float));
    if (!qn || !scores)
        goto done;
    if (query_prepare(p, ix->dim, q, idf, qn) != 0)
        goto done;

    /* hits[0..n) is the heap until the final sort. */
    for (size_t off = 0; off < p->n; off += chunk) {
        size_t m = p->n - off < chunk ? p->n - off : chunk;
        /* scores[m] = vecs[off..off+m)[dim] . qn[dim] */
        cblas_sgemv(CblasRowMajor, CblasNoTrans, (int)m, ix->dim, 1.0f,
                    p->vecs + off * (size_t)ix->dim, ix->dim, qn, 1, 0.0f, scores, 1);
        for (size_t i = 0; i < m; i++) {
            float s = scores[i] > 1.0f ? 1.0f : (scores[i] < -1.0f ? -1.0f : scores[i]);
            if (n == k && s < hits[0].score)
                continue;   /* the common case: cheaper than loading the id */
            size_t r = off + i;
            if (n == k && !better(s, p->ids[r], hits[0].score, hits[0].id))
                continue;
            if (filtered && !passes(p, r, f))
                continue;
            if (n < k) {
                hits[n].id = p->ids[r];
                hits[n].score = s;
                sift_up(hits, n++);
            } else {
                hits[0].id = p->ids[r];
                hits[0].score = s;
                sift_down(hits, k, 0);
            }
        }
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
    free(qn);
    free(scores);
    return rc;
}

/* index.c: the in-RAM vector index's bookkeeping: per-user partitions of compact rows
 * (int8 codes, 2-bit sketches) in fixed-size blocks, the user -> partition hash table
 * and the id -> (partition, row) hash table that make put, replace and remove O(1). The
 * scan lives in index_search.c, the sketch's mixing and grid in index_sketch.c.
 * Every mutation allocates first and changes state last, so a failed allocation leaves
 * the index as it was. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "store/store_internal.h"

uint64_t index_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

static uint64_t id_hash(int64_t id) { return index_mix64((uint64_t)id); }

index_t *index_new(int dim)
{
    if (dim < 1)
        return NULL;
    index_t *ix = calloc(1, sizeof(*ix));
    if (!ix)
        return NULL;
    ix->dim = dim;
    ix->dpad = ((size_t)dim + 63) / 64 * 64;
    ix->swords = ix->dpad / 64;
    ix->rot_sign = malloc(ix->dpad * sizeof(float));
    ix->scratch = malloc(index_encode_scratch(ix) + index_code_bytes(ix));
    if (!ix->rot_sign || !ix->scratch) {
        index_free(ix);
        return NULL;
    }
    index_rotate_init(ix);
    ix->sketch_min_rows = INDEX_SKETCH_MIN_ROWS;
    ix->sketch_cands = INDEX_SKETCH_CANDIDATES;
    ix->lexical_dims = dim;
    ix->bshift = INDEX_BLOCK_SHIFT;
    ix->brows = (size_t)1 << ix->bshift;
    ix->bmask = ix->brows - 1;
    return ix;
}

int index_set_block_rows(index_t *ix, size_t rows)
{
    if (ix->nrows || rows < 16 || (rows & (rows - 1)))
        return -1;
    unsigned shift = 0;
    while (((size_t)1 << shift) < rows)
        shift++;
    ix->bshift = shift;
    ix->brows = rows;
    ix->bmask = rows - 1;
    return 0;
}

static void codes_free(index_block_t *b)
{
    free(b->codes);
    free(b->qscale);
    free(b->qerr);
    free(b->sk_hi);
    free(b->sk_lo);
    free(b->sfac);
}

static void part_free(index_part_t *p)
{
    if (!p)
        return;
    free(p->user);
    for (size_t i = 0; i < p->capblocks; i++) {   /* past nblocks: a failed new block */
        index_block_t *b = &p->blocks[i];
        free(b->ids);
        free(b->created);
        free(b->conv);
        codes_free(b);
    }
    free(p->blocks);
    free(p->df);
    index_post_free(p);
    free(p);
}

void index_free(index_t *ix)
{
    if (!ix)
        return;
    for (uint32_t i = 0; i < ix->nparts; i++)
        part_free(ix->parts[i]);
    free(ix->parts);
    free(ix->free_parts);
    free(ix->umap);
    free(ix->idmap);
    free(ix->rot_sign);
    free(ix->scratch);
    free(ix);
}

int index_dim(const index_t *ix)
{
    return ix->dim;
}

/* Arrays of HUGE_MIN_BYTES or more ask for transparent huge pages: loading 1M rows
 * otherwise takes ~400k page faults (slow under virtualization), and the scan misses
 * the TLB less. */
static void advise_huge(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    if (!p || bytes < HUGE_MIN_BYTES)
        return;
    uintptr_t lo = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
    uintptr_t hi = ((uintptr_t)p + bytes) & ~(uintptr_t)4095;
    if (hi > lo)
        madvise((void *)lo, hi - lo, MADV_HUGEPAGE);   /* advice only: errors ignored */
#else
    (void)p;
    (void)bytes;
#endif
}

/* realloc, then huge-page advice for big blocks. */
static void *grow(void *p, size_t bytes)
{
    void *q = realloc(p, bytes);
    advise_huge(q, bytes);
    return q;
}

/* ---- user -> partition ---------------------------------------------------------- */

/* The slot + 1 of user's partition, 0 when absent. h is index_hash(user). */
static uint32_t umap_lookup(const index_t *ix, const char *user, uint64_t h)
{
    if (!ix->umap_cap)
        return 0;
    size_t mask = ix->umap_cap - 1;
    for (size_t i = h & mask; ix->umap[i]; i = (i + 1) & mask) {
        const index_part_t *p = ix->parts[ix->umap[i] - 1];
        if (p->hash == h && strcmp(p->user, user) == 0)
            return ix->umap[i];
    }
    return 0;
}

index_part_t *index_find_part(const index_t *ix, const char *user)
{
    uint32_t e = umap_lookup(ix, user, index_hash(user));
    return e ? ix->parts[e - 1] : NULL;
}

static size_t umap_slot(const index_t *ix, uint64_t h)
{
    size_t mask = ix->umap_cap - 1;
    size_t i = h & mask;
    while (ix->umap[i])
        i = (i + 1) & mask;
    return i;
}

/* Makes room for one more user (load <= 1/2). Returns 0 or -1. */
static int umap_grow(index_t *ix)
{
    if ((ix->nusers + 1) * 2 <= ix->umap_cap)
        return 0;
    size_t cap = ix->umap_cap ? ix->umap_cap * 2 : 16;
    uint32_t *old = ix->umap, *nu = calloc(cap, sizeof(*nu));
    if (!nu)
        return -1;
    size_t oldcap = ix->umap_cap;
    ix->umap = nu;
    ix->umap_cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i])
            ix->umap[umap_slot(ix, ix->parts[old[i] - 1]->hash)] = old[i];
    free(old);
    return 0;
}

static void umap_delete(index_t *ix, uint32_t slot)
{
    size_t mask = ix->umap_cap - 1;
    size_t i = ix->parts[slot]->hash & mask;
    while (ix->umap[i] != slot + 1)
        i = (i + 1) & mask;
    /* Backward-shift deletion: pull later entries of the probe run into the hole. */
    for (size_t j = (i + 1) & mask; ix->umap[j]; j = (j + 1) & mask) {
        size_t home = ix->parts[ix->umap[j] - 1]->hash & mask;
        int movable = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
            ix->umap[i] = ix->umap[j];
            i = j;
        }
    }
    ix->umap[i] = 0;
}

/* Finds or creates user's partition; *slot receives its slot. NULL on failure. */
static index_part_t *part_get(index_t *ix, const char *user, uint32_t *slot)
{
    uint64_t h = index_hash(user);
    uint32_t e = umap_lookup(ix, user, h);
    if (e) {
        *slot = e - 1;
        return ix->parts[e - 1];
    }
    if (umap_grow(ix) != 0)
        return NULL;
    if (!ix->nfree && ix->nparts == ix->capparts) {
        uint32_t cap = ix->capparts ? ix->capparts * 2 : 8;
        index_part_t **np = realloc(ix->parts, cap * sizeof(*np));
        if (!np)
            return NULL;
        ix->parts = np;
        uint32_t *nf = realloc(ix->free_parts, cap * sizeof(*nf));
        if (!nf)
            return NULL;
        ix->free_parts = nf;
        ix->capparts = cap;
    }
    index_part_t *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->user = strdup(user);
    p->df = calloc((size_t)ix->dim, sizeof(*p->df));
    if (!p->user || !p->df) {
        part_free(p);
        return NULL;
    }
    p->hash = h;
    uint32_t s = ix->nfree ? ix->free_parts[--ix->nfree] : ix->nparts++;
    ix->parts[s] = p;
    ix->umap[umap_slot(ix, h)] = s + 1;
    ix->nusers++;
    *slot = s;
    return p;
}

/* Drops an empty partition. */
static void part_drop(index_t *ix, uint32_t slot)
{
    umap_delete(ix, slot);
    part_free(ix->parts[slot]);
    ix->parts[slot] = NULL;
    ix->free_parts[ix->nfree++] = slot;
    ix->nusers--;
}

/* Grows block b to cap rows. Each array is replaced as soon as its realloc succeeds;
 * b->cap moves only when all did, so a partial failure just leaves some arrays larger
 * than needed. Returns 0 or -1. */
static int block_grow(const index_t *ix, index_block_t *b, size_t cap)
{
#define GROW(field, bytes)                                                               \
    do {                                                                                 \
        void *np = grow(b->field, (bytes));                                              \
        if (!np)                                                                         \
            return -1;                                                                   \
        b->field = np;                                                                   \
    } while (0)
    GROW(ids, cap * sizeof(*b->ids));
    GROW(created, cap * sizeof(*b->created));
    GROW(conv, cap * sizeof(*b->conv));
    GROW(codes, cap * ix->dpad);
    GROW(qscale, cap * sizeof(*b->qscale));
    GROW(qerr, cap * sizeof(*b->qerr));
    GROW(sk_hi, cap * ix->swords * sizeof(*b->sk_hi));
    GROW(sk_lo, cap * ix->swords * sizeof(*b->sk_lo));
    GROW(sfac, cap * sizeof(*b->sfac));
#undef GROW
    b->cap = cap;
    return 0;
}

/* Grows p to hold at least want rows: the last block grows toward brows rows, then new
 * blocks follow. Geometric growth for one-at-a-time puts, exactly want for a bigger
 * reservation (the start-up load reserves each partition's final size); either way at
 * most one block's rows are copied. Returns 0 or -1 (p still valid; cap counts only
 * complete growth). */
static int part_reserve(const index_t *ix, index_part_t *p, size_t want)
{
    while (p->cap < want) {
        size_t last = p->nblocks ? p->nblocks - 1 : 0;
        if (p->nblocks == 0 || p->blocks[last].cap == ix->brows) {
            if (p->nblocks == p->capblocks) {
                size_t nc = p->capblocks ? p->capblocks * 2 : 4;
                index_block_t *nb = realloc(p->blocks, nc * sizeof(*nb));
                if (!nb)
                    return -1;
                memset(nb + p->capblocks, 0, (nc - p->capblocks) * sizeof(*nb));
                p->blocks = nb;
                p->capblocks = nc;
            }
            last = p->nblocks;  /* blocks[last] is zeroed or holds a failed attempt */
        }
        index_block_t *b = &p->blocks[last];
        size_t have = last < p->nblocks ? b->cap : 0;
        size_t need = want - (p->cap - have);   /* rows wanted in this block */
        size_t cap = have < 16 ? 16 : have * 2;
        if (cap < need)
            cap = need;
        if (cap > ix->brows)
            cap = ix->brows;
        if (block_grow(ix, b, cap) != 0)
            return -1;
        if (last == p->nblocks)
            p->nblocks++;
        p->cap += cap - have;
    }
    return 0;
}

/* ---- id -> (partition, row) ------------------------------------------------------- */

static index_slot_t *idmap_find(const index_t *ix, int64_t id)
{
    if (!ix->idmap_cap)
        return NULL;
    size_t mask = ix->idmap_cap - 1;
    for (size_t i = id_hash(id) & mask; ix->idmap[i].id; i = (i + 1) & mask)
        if (ix->idmap[i].id == id)
            return &ix->idmap[i];
    return NULL;
}

const index_part_t *index_row_part(const index_t *ix, int64_t id, size_t *row)
{
    const index_slot_t *e = id ? idmap_find(ix, id) : NULL;
    if (!e)
        return NULL;
    *row = e->row;
    return ix->parts[e->part];
}

int64_t index_row_created(const index_t *ix, int64_t id)
{
    const index_slot_t *e = id ? idmap_find(ix, id) : NULL;
    return e ? index_blk(ix, ix->parts[e->part], e->row)->created[e->row & ix->bmask] : 0;
}

/* The nearest id on one side of e's (step -1 or +1), within span, of a row of the same
 * partition and conversation; 0 when none. */
static int64_t neighbour(const index_t *ix, const index_slot_t *e, uint64_t conv, int step,
                         int span)
{
    for (int d = 1; d <= span; d++) {
        int64_t id = e->id + (int64_t)step * d;
        const index_slot_t *f = id > 0 ? idmap_find(ix, id) : NULL;
        if (f && f->part == e->part &&
            index_blk(ix, ix->parts[f->part], f->row)->conv[f->row & ix->bmask] == conv)
            return id;
    }
    return 0;
}

int index_row_neighbours(const index_t *ix, int64_t id, int span, int64_t *prev,
                         int64_t *next)
{
    const index_slot_t *e = id ? idmap_find(ix, id) : NULL;
    *prev = *next = 0;
    if (!e)
        return -1;
    uint64_t conv = index_blk(ix, ix->parts[e->part], e->row)->conv[e->row & ix->bmask];
    *prev = neighbour(ix, e, conv, -1, span);
    *next = neighbour(ix, e, conv, 1, span);
    return 0;
}

void index_prefetch(const index_t *ix, int64_t id)
{
    if (ix->idmap_cap)
        __builtin_prefetch(&ix->idmap[id_hash(id) & (ix->idmap_cap - 1)]);
}

static index_slot_t *idmap_slot(index_t *ix, int64_t id)
{
    size_t mask = ix->idmap_cap - 1;
    size_t i = id_hash(id) & mask;
    while (ix->idmap[i].id)
        i = (i + 1) & mask;
    return &ix->idmap[i];
}

/* Makes room for extra more ids (load <= 3/4). Returns 0 or -1. */
static int idmap_reserve(index_t *ix, size_t extra)
{
    size_t want = ix->nrows + extra;
    if (want * 4 <= ix->idmap_cap * 3)
        return 0;
    size_t cap = ix->idmap_cap ? ix->idmap_cap : 64;
    while (want * 4 > cap * 3)
        cap *= 2;
    index_slot_t *old = ix->idmap, *nu = calloc(cap, sizeof(*nu));
    if (!nu)
        return -1;
    advise_huge(nu, cap * sizeof(*nu));
    size_t oldcap = ix->idmap_cap;
    ix->idmap = nu;
    ix->idmap_cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].id)
            *idmap_slot(ix, old[i].id) = old[i];
    free(old);
    return 0;
}

static void idmap_delete(index_t *ix, index_slot_t *e)
{
    size_t mask = ix->idmap_cap - 1;
    size_t i = (size_t)(e - ix->idmap);
    for (size_t j = (i + 1) & mask; ix->idmap[j].id; j = (j + 1) & mask) {
        size_t home = id_hash(ix->idmap[j].id) & mask;
        int movable = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
            ix->idmap[i] = ix->idmap[j];
            i = j;
        }
    }
    ix->idmap[i].id = 0;
    ix->nrows--;
}

/* ---- rows ------------------------------------------------------------------------- */

/* The per-row work of a put (norm, normalization, quantization, df; the mixing and the
 * sketch in index_sketch.c) is most of loading a big index: INDEX_ROW_CLONES compiles it
 * for AVX2 and AVX-512 as well. */

/* The per-row loops here work in blocks of 8 with a scalar tail: at -O2 GCC only
 * vectorizes loops of a known trip count, and a single accumulator would chain every
 * add behind the previous (floating-point sums are not reordered for us). Written
 * plainly they were the bulk of loading a big index. */
/* df += sign for each dimension where row r is nonzero (where its codes are). */
INDEX_ROW_CLONES static void df_add(const index_t *ix, index_part_t *p, size_t r, int sign)
{
    /* restrict (an int8_t may alias anything) and a select, not a product: written
     * otherwise GCC left the loop scalar, a tenth of a big load. */
    uint32_t *restrict df = p->df, inc = (uint32_t)sign;
    const int8_t *restrict codes = index_blk(ix, p, r)->codes + (r & ix->bmask) * ix->dpad;
    int d = 0;
    for (; d + 8 <= ix->dim; d += 8)
        for (int t = 0; t < 8; t++)
            df[d + t] += codes[d + t] != 0 ? inc : 0;
    for (; d < ix->dim; d++)
        df[d] += codes[d] != 0 ? inc : 0;
}

INDEX_ROW_CLONES static double sum_sq(const float *x, int n)
{
    double acc[8] = {0};
    int d = 0;
    for (; d + 8 <= n; d += 8)
        for (int t = 0; t < 8; t++)
            acc[t] += (double)x[d + t] * x[d + t];
    for (; d < n; d++)
        acc[0] += (double)x[d] * x[d];
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

static inline __attribute__((always_inline)) float max_abs(const float *x, int n)
{
    float m[8] = {0};
    int d = 0;
    for (; d + 8 <= n; d += 8)
        for (int t = 0; t < 8; t++) {
            float a = fabsf(x[d + t]);
            m[t] = a > m[t] ? a : m[t];
        }
    for (; d < n; d++)
        m[0] = fabsf(x[d]) > m[0] ? fabsf(x[d]) : m[0];
    for (int t = 1; t < 8; t++)
        m[0] = m[t] > m[0] ? m[t] : m[0];
    return m[0];
}

/* codes[d] = round(x[d] * inv), or sign(x[d]) where that rounds a nonzero x[d] to 0 (so
 * the codes say where the row is nonzero; the error sum below counts the choice), and
 * returns the sum of (x - s * code)^2. With inv = 127 / max|x|,
 * |x * inv| <= 127 (1 + 2^-23)^2 < 127.5, so codes stay in [-127, 127] with no clamp
 * (which would keep the loop from vectorizing). */
static inline __attribute__((always_inline)) float quant_block(const float *restrict x, int n, float inv, float s,
                         int8_t *restrict codes)
{
    float e[8] = {0};
    int d = 0;
    for (; d + 8 <= n; d += 8) {
        int c[8];
        for (int t = 0; t < 8; t++) {
            float v = x[d + t] * inv;
            int r = (int)(v + __builtin_copysignf(0.5f, v));
            c[t] = r != 0 ? r : (x[d + t] > 0.0f) - (x[d + t] < 0.0f);
        }
        for (int t = 0; t < 8; t++)
            codes[d + t] = (int8_t)c[t];
        for (int t = 0; t < 8; t++) {
            float diff = x[d + t] - s * (float)c[t];
            e[t] += diff * diff;
        }
    }
    for (; d < n; d++) {
        float v = x[d] * inv;
        int c = (int)(v + __builtin_copysignf(0.5f, v));
        c = c != 0 ? c : (x[d] > 0.0f) - (x[d] < 0.0f);
        codes[d] = (int8_t)c;
        float diff = x[d] - s * (float)c;
        e[0] += diff * diff;
    }
    return ((e[0] + e[1]) + (e[2] + e[3])) + ((e[4] + e[5]) + (e[6] + e[7]));
}

static inline __attribute__((always_inline)) float quantize_row(const float *x, int dim, size_t dpad, int8_t *codes,
                                 float *err)
{
    float m = max_abs(x, dim);
    memset(codes, 0, dpad);
    *err = 0;
    if (m == 0)
        return 0;
    float s = m / 127.0f;
    float e2 = quant_block(x, dim, 127.0f / m, s, codes);
    /* Rounded up past the float error of computing it (the relative error of the sum,
     * the absolute error of each difference), so it stays a bound. */
    *err = sqrtf(e2) * (1.0f + 1e-4f + 1e-7f * (float)dim) +
           (1e-5f + 2e-7f * sqrtf((float)dim)) * m;
    return s;
}

float index_quantize(const float *x, int dim, size_t dpad, int8_t *codes, float *err)
{
    return quantize_row(x, dim, dpad, codes, err);
}

/* out[dim] = vec * (1 / norm), the float row the index ranks by. */
INDEX_ROW_CLONES static void scale_row(const float *vec, int dim, double norm, float *out)
{
    float inv = norm > 0 ? (float)(1.0 / norm) : 0.0f;
    int d = 0;
    for (; d + 8 <= dim; d += 8)
        for (int t = 0; t < 8; t++)
            out[d + t] = vec[d + t] * inv;
    for (; d < dim; d++)
        out[d] = vec[d] * inv;
}

int index_normalize(const float *vec, int dim, float *out)
{
    double ss = sum_sq(vec, dim);
    if (!isfinite(ss))
        return -1;
    scale_row(vec, dim, sqrt(ss), out);
    return 0;
}

/* The record (index.h): the head's three floats, then the codes, then the planes. */
enum { CODE_QSCALE, CODE_QERR, CODE_SFAC, CODE_HEAD_FLOATS };
#define CODE_HEAD (CODE_HEAD_FLOATS * sizeof(float))

size_t index_code_bytes(const index_t *ix)
{
    return CODE_HEAD + ix->dpad + 2 * ix->swords * sizeof(uint64_t);
}

size_t index_encode_scratch(const index_t *ix)
{
    return 2 * ix->dpad * sizeof(float) + 2 * ix->swords * sizeof(uint64_t);
}

/* The record of vec (norm its L2 norm) into code. scratch: index_encode_scratch bytes,
 * aligned for uint64_t (the normalized row, the mixed row, the two planes). */
INDEX_ROW_CLONES static void row_encode(const index_t *ix, const float *vec, double norm,
                                        unsigned char *code, void *scratch)
{
    float *row = scratch, *mixed = row + ix->dpad;
    uint64_t *hi = (uint64_t *)(mixed + ix->dpad), *lo = hi + ix->swords;
    float head[CODE_HEAD_FLOATS];
    scale_row(vec, ix->dim, norm, row);
    head[CODE_QSCALE] = quantize_row(row, ix->dim, ix->dpad, (int8_t *)(code + CODE_HEAD),
                                     &head[CODE_QERR]);
    index_rotate(ix, row, mixed);
    head[CODE_SFAC] = index_sketch_row(mixed, ix->dpad, hi, lo, INDEX_KERNEL_AUTO);
    memcpy(code, head, CODE_HEAD);
    memcpy(code + CODE_HEAD + ix->dpad, hi, ix->swords * sizeof(uint64_t));
    memcpy(code + CODE_HEAD + ix->dpad + ix->swords * sizeof(uint64_t), lo,
           ix->swords * sizeof(uint64_t));
}

int index_encode(const index_t *ix, const float *vec, void *code, void *scratch)
{
    double ss = sum_sq(vec, ix->dim);
    if (!isfinite(ss))
        return -1;
    row_encode(ix, vec, sqrt(ss), code, scratch);
    return 0;
}

/* Writes row r of p from its record (df updated by the caller). */
static void row_write(const index_t *ix, index_part_t *p, size_t r, const unsigned char *code)
{
    index_block_t *b = &p->blocks[r >> ix->bshift];
    size_t o = r & ix->bmask, plane = ix->swords * sizeof(uint64_t);
    float head[CODE_HEAD_FLOATS];
    memcpy(head, code, CODE_HEAD);
    b->qscale[o] = head[CODE_QSCALE];
    b->qerr[o] = head[CODE_QERR];
    b->sfac[o] = head[CODE_SFAC];
    memcpy(b->codes + o * ix->dpad, code + CODE_HEAD, ix->dpad);
    memcpy(b->sk_hi + o * ix->swords, code + CODE_HEAD + ix->dpad, plane);
    memcpy(b->sk_lo + o * ix->swords, code + CODE_HEAD + ix->dpad + plane, plane);
}

/* Removes row r of partition slot ps (and its id map entry e), moving the last row
 * into the hole. Drops the partition when it empties. */
static void row_remove(index_t *ix, uint32_t ps, size_t r, index_slot_t *e)
{
    index_part_t *p = ix->parts[ps];
    size_t last = p->n - 1;
    df_add(ix, p, r, -1);
    index_post_del(ix, p, r);
    idmap_delete(ix, e);
    if (r != last) {
        index_post_move(ix, p, last, r);
        index_block_t *b = &p->blocks[r >> ix->bshift];
        const index_block_t *lb = &p->blocks[last >> ix->bshift];
        size_t o = r & ix->bmask, lo = last & ix->bmask;
        b->ids[o] = lb->ids[lo];
        b->created[o] = lb->created[lo];
        b->conv[o] = lb->conv[lo];
        memcpy(b->codes + o * ix->dpad, lb->codes + lo * ix->dpad, ix->dpad);
        b->qscale[o] = lb->qscale[lo];
        b->qerr[o] = lb->qerr[lo];
        memcpy(b->sk_hi + o * ix->swords, lb->sk_hi + lo * ix->swords,
               ix->swords * sizeof(*b->sk_hi));
        memcpy(b->sk_lo + o * ix->swords, lb->sk_lo + lo * ix->swords,
               ix->swords * sizeof(*b->sk_lo));
        b->sfac[o] = lb->sfac[lo];
        idmap_find(ix, b->ids[o])->row = (uint32_t)r;
    }
    p->n--;
    if (p->n == 0)
        part_drop(ix, ps);
}

int index_set_lexical_dims(index_t *ix, int n)
{
    if (n < 0 || n > ix->dim)
        return -1;
    ix->lexical_dims = n ? n : ix->dim;
    /* Postings only where a dense part follows the lexical one, from a whole number of
     * the scan's 64-byte steps: a lexical part is sparse, other vectors need not be. */
    ix->post_dims = ix->lexical_dims < ix->dim && ix->lexical_dims % 64 == 0
                        ? ix->lexical_dims : 0;
    for (uint32_t i = 0; i < ix->nparts; i++)
        if (ix->parts[i])
            index_post_rebuild(ix, ix->parts[i]);
    return 0;
}

void index_set_sketch(index_t *ix, size_t min_rows, size_t candidates)
{
    ix->sketch_min_rows = min_rows;
    ix->sketch_cands = candidates ? candidates : 1;
}

int index_reserve(index_t *ix, const char *user, size_t extra)
{
    if (idmap_reserve(ix, extra) != 0)
        return -1;
    if (!user)
        return 0;
    uint32_t ps;
    index_part_t *p = part_get(ix, user, &ps);
    if (!p)
        return -1;
    if (part_reserve(ix, p, p->n + extra) != 0) {
        if (p->n == 0)
            part_drop(ix, ps);
        return -1;
    }
    return 0;
}

int index_put(index_t *ix, const char *user, int64_t id, const float *vec,
              int64_t created_ms, uint64_t conv_hash)
{
    if (id == 0 || !user || !vec)
        return -1;
    unsigned char *code = (unsigned char *)ix->scratch + index_encode_scratch(ix);
    if (index_encode(ix, vec, code, ix->scratch) != 0)
        return -1;
    return index_put_code(ix, user, id, code, created_ms, conv_hash);
}

int index_put_code(index_t *ix, const char *user, int64_t id, const void *code,
                   int64_t created_ms, uint64_t conv_hash)
{
    if (id == 0 || !user || !code)
        return -1;

    /* One probe finds the id or the empty slot it would take (the table is grown first,
     * so the slot stays valid unless a removal below shifts entries). */
    if (idmap_reserve(ix, 1) != 0)
        return -1;
    size_t mask = ix->idmap_cap - 1, i = id_hash(id) & mask;
    while (ix->idmap[i].id && ix->idmap[i].id != id)
        i = (i + 1) & mask;
    index_slot_t *e = ix->idmap[i].id ? &ix->idmap[i] : NULL;
    if (e && strcmp(ix->parts[e->part]->user, user) == 0) {
        /* Same user: replace the row in place. */
        index_part_t *p = ix->parts[e->part];
        index_block_t *b = &p->blocks[e->row >> ix->bshift];
        df_add(ix, p, e->row, -1);
        index_post_del(ix, p, e->row);
        row_write(ix, p, e->row, code);
        df_add(ix, p, e->row, +1);
        index_post_add(ix, p, e->row);
        b->created[e->row & ix->bmask] = created_ms;
        b->conv[e->row & ix->bmask] = conv_hash;
        return 0;
    }
    uint32_t ps;
    index_part_t *p = part_get(ix, user, &ps);
    if (!p)
        return -1;
    if (part_reserve(ix, p, p->n + 1) != 0) {
        if (p->n == 0)
            part_drop(ix, ps);
        return -1;
    }
    index_slot_t *ne = &ix->idmap[i];
    if (e) {    /* moved from another user; nothing can fail from here on */
        row_remove(ix, e->part, e->row, e);
        ne = idmap_slot(ix, id);
    }
    size_t r = p->n++;
    row_write(ix, p, r, code);
    df_add(ix, p, r, +1);
    index_post_add(ix, p, r);
    index_block_t *b = &p->blocks[r >> ix->bshift];
    b->ids[r & ix->bmask] = id;
    b->created[r & ix->bmask] = created_ms;
    b->conv[r & ix->bmask] = conv_hash;
    ne->id = id;
    ne->part = ps;
    ne->row = (uint32_t)r;
    ix->nrows++;
    return 0;
}

int index_remove(index_t *ix, int64_t id)
{
    index_slot_t *e = id ? idmap_find(ix, id) : NULL;
    if (!e)
        return 0;
    row_remove(ix, e->part, e->row, e);
    return 1;
}

size_t index_remove_user(index_t *ix, const char *user)
{
    uint32_t e = umap_lookup(ix, user, index_hash(user));
    if (!e)
        return 0;
    uint32_t ps = e - 1;
    index_part_t *p = ix->parts[ps];
    size_t n = p->n;
    for (size_t r = 0; r < n; r++)
        idmap_delete(ix, idmap_find(ix, index_blk(ix, p, r)->ids[r & ix->bmask]));
    part_drop(ix, ps);
    return n;
}

size_t index_count(const index_t *ix)
{
    return ix->nrows;
}

size_t index_user_count(const index_t *ix, const char *user)
{
    const index_part_t *p = index_find_part(ix, user);
    return p ? p->n : 0;
}

size_t index_users(const index_t *ix)
{
    size_t n = 0;
    for (uint32_t i = 0; i < ix->nparts; i++)
        if (ix->parts[i] && ix->parts[i]->n)
            n++;
    return n;
}

size_t index_bytes(const index_t *ix)
{
    size_t b = sizeof(*ix) + ix->dpad * sizeof(float) + index_encode_scratch(ix) +
               index_code_bytes(ix) + ix->capparts * (sizeof(*ix->parts) + sizeof(uint32_t)) +
               ix->umap_cap * sizeof(uint32_t) + ix->idmap_cap * sizeof(index_slot_t);
    for (uint32_t i = 0; i < ix->nparts; i++) {
        const index_part_t *p = ix->parts[i];
        if (!p)
            continue;
        b += sizeof(*p) + strlen(p->user) + 1 + (size_t)ix->dim * sizeof(uint32_t) +
             p->capblocks * sizeof(index_block_t) +
             p->cap * (2 * sizeof(int64_t) + sizeof(uint64_t) + ix->dpad +
                       3 * sizeof(float) + 2 * ix->swords * sizeof(uint64_t)) +
             index_post_bytes(ix, p);
    }
    return b;
}

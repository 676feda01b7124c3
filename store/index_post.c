/* index_post.c: a partition's postings of its lexical dimensions and a packed copy of
 * the rest of its codes, so that a search sums each row's code dot product from the few
 * rows holding the query's words (the lexical part: most of a code row, and most of it
 * zero) and one short contiguous row each (the dense part) instead of reading every
 * whole code row. For each dimension d < ix->post_dims: the rows whose code is nonzero
 * there, with that code; and dense[r] = codes[r][post_dims, dpad). The integer sums are
 * the scan's own, so a search finds the same rows, scores and bounds with or without
 * them. They are a cache of the codes: kept only for partitions of at least
 * INDEX_POST_MIN_ROWS rows and fewer than the sketch's ix->sketch_min_rows when the
 * lexical part is set apart (index_set_lexical_dims), and dropped (the scan reads the
 * codes again) when an allocation fails. */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

void index_post_free(index_part_t *p)
{
    if (!p->post)
        return;
    for (int d = 0; d < p->npost; d++) {
        free(p->post[d].row);
        free(p->post[d].code);
    }
    free(p->post);
    free(p->dense);
    p->post = NULL;
    p->dense = NULL;
    p->npost = 0;
    p->dense_cap = 0;
}

/* The code row of r. */
static const int8_t *codes_of(const index_t *ix, const index_part_t *p, size_t r)
{
    return index_blk(ix, p, r)->codes + (r & ix->bmask) * ix->dpad;
}

/* Appends (r, code) to list l. 0 or -1. */
static int list_push(index_post_t *l, uint32_t r, int8_t code)
{
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? 2 * l->cap : 16;
        uint32_t *nr = realloc(l->row, cap * sizeof(*nr));
        if (!nr)
            return -1;
        l->row = nr;
        int8_t *nc = realloc(l->code, cap);
        if (!nc)
            return -1;
        l->code = nc;
        l->cap = cap;
    }
    l->row[l->n] = r;
    l->code[l->n++] = code;
    return 0;
}

/* Row r's entries added and its dense part copied; on failure the postings are
 * dropped. */
static void add_row(const index_t *ix, index_part_t *p, size_t r)
{
    const int8_t *c = codes_of(ix, p, r);
    size_t dw = ix->dpad - (size_t)p->npost;
    if (r >= p->dense_cap) {
        size_t cap = p->dense_cap ? 2 * p->dense_cap : INDEX_POST_MIN_ROWS;
        while (cap <= r)
            cap *= 2;
        int8_t *nd = realloc(p->dense, cap * dw);
        if (!nd) {
            index_post_free(p);
            return;
        }
        p->dense = nd;
        p->dense_cap = cap;
    }
    memcpy(p->dense + r * dw, c + p->npost, dw);
    for (int d = 0; d < p->npost; d++)
        if (c[d] && list_push(&p->post[d], (uint32_t)r, c[d]) != 0) {
            index_post_free(p);
            return;
        }
}

void index_post_add(const index_t *ix, index_part_t *p, size_t r)
{
    /* A partition the sketch is scanned first in never reads them (nor a start-up's
     * million rows builds them). */
    int wanted = ix->post_dims && p->n >= INDEX_POST_MIN_ROWS && p->n < ix->sketch_min_rows;
    if (p->post && !wanted)
        index_post_free(p);
    if (p->post) {
        add_row(ix, p, r);
        return;
    }
    if (!wanted)
        return;
    /* The partition has just grown big enough: postings of all its rows. */
    if (!(p->post = calloc((size_t)ix->post_dims, sizeof(*p->post))))
        return;
    p->npost = ix->post_dims;
    for (size_t i = 0; i < p->n && p->post; i++)
        add_row(ix, p, i);
}

void index_post_del(const index_t *ix, index_part_t *p, size_t r)
{
    if (!p->post)
        return;
    const int8_t *c = codes_of(ix, p, r);
    for (int d = 0; d < p->npost; d++) {
        if (!c[d])
            continue;
        index_post_t *l = &p->post[d];
        for (uint32_t i = 0; i < l->n; i++)
            if (l->row[i] == (uint32_t)r) {     /* order within a list does not matter */
                l->n--;
                l->row[i] = l->row[l->n];
                l->code[i] = l->code[l->n];
                break;
            }
    }
}

void index_post_move(const index_t *ix, index_part_t *p, size_t from, size_t to)
{
    if (!p->post)
        return;
    const int8_t *c = codes_of(ix, p, from);
    size_t dw = ix->dpad - (size_t)p->npost;
    memcpy(p->dense + to * dw, p->dense + from * dw, dw);
    for (int d = 0; d < p->npost; d++) {
        if (!c[d])
            continue;
        index_post_t *l = &p->post[d];
        for (uint32_t i = 0; i < l->n; i++)
            if (l->row[i] == (uint32_t)from) {
                l->row[i] = (uint32_t)to;
                break;
            }
    }
}

void index_post_rebuild(const index_t *ix, index_part_t *p)
{
    index_post_free(p);
    if (p->n)
        index_post_add(ix, p, p->n - 1);    /* builds all rows when big enough */
}

int32_t *index_post_dots(const index_t *ix, const index_part_t *p, const index_q8_t *q8)
{
    if (!p->post || p->npost != ix->post_dims || q8->dpad != ix->dpad)
        return NULL;
    const int8_t *q = q8->q;
    /* Reading a posting (a row number, a code, an add at a random row) costs a few times
     * a code byte read in order: past a sixteenth of the lexical codes' bytes the plain
     * scan is as cheap. */
    size_t work = 0;
    for (int d = 0; d < p->npost; d++)
        if (q[d])
            work += p->post[d].n;
    if (work > p->n * (size_t)p->npost / 16)
        return NULL;
    int32_t *acc = malloc((p->n ? p->n : 1) * sizeof(*acc));
    if (!acc)
        return NULL;
    /* The dense part: the query's codes from post_dims on against the packed rows (the
     * widened copy stays 32-byte aligned: post_dims is a multiple of 64). */
    size_t j0 = (size_t)p->npost;
    index_q8_t dq = {ix->dpad - j0, q8->kernel, q8->q + j0, q8->q16 + j0, q8->qu + j0};
    index_dots_i8(p->dense, p->n, &dq, acc);
    for (int d = 0; d < p->npost; d++) {
        if (!q[d])
            continue;
        const index_post_t *l = &p->post[d];
        int32_t qd = q[d];
        for (uint32_t i = 0; i < l->n; i++)
            acc[l->row[i]] += qd * l->code[i];
    }
    return acc;
}

size_t index_post_bytes(const index_t *ix, const index_part_t *p)
{
    size_t b = p->dense ? p->dense_cap * (ix->dpad - (size_t)p->npost) : 0;
    for (int d = 0; p->post && d < p->npost; d++)
        b += sizeof(*p->post) + p->post[d].cap * (sizeof(uint32_t) + 1);
    return b;
}

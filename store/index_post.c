/* index_post.c: a partition's postings of its lexical dimensions, so that a search sums
 * the sparse lexical part of each row's code dot product from the few rows holding the
 * query's words instead of reading every row's lexical codes (most of a code row, and
 * most of them zero). For each dimension d < ix->post_dims: the rows whose code is
 * nonzero there, with that code. The integer sums are the scan's own, so a search
 * finds the same rows, scores and bounds with or without them. Postings are a cache of
 * the codes: kept only for partitions of at least INDEX_POST_MIN_ROWS rows when the
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
    p->post = NULL;
    p->npost = 0;
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

/* Row r's entries added; on failure the postings are dropped. */
static void add_row(const index_t *ix, index_part_t *p, size_t r)
{
    const int8_t *c = codes_of(ix, p, r);
    for (int d = 0; d < p->npost; d++)
        if (c[d] && list_push(&p->post[d], (uint32_t)r, c[d]) != 0) {
            index_post_free(p);
            return;
        }
}

void index_post_add(const index_t *ix, index_part_t *p, size_t r)
{
    if (p->post) {
        add_row(ix, p, r);
        return;
    }
    if (!ix->post_dims || p->n < INDEX_POST_MIN_ROWS)
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

int32_t *index_post_sums(const index_t *ix, const index_part_t *p, const int8_t *q)
{
    if (!p->post || p->npost != ix->post_dims)
        return NULL;
    /* Reading a posting (a row number, a code, an add at a random row) costs a few times
     * a code byte read in order: past a sixteenth of the lexical codes' bytes the plain
     * scan is as cheap. */
    size_t work = 0;
    for (int d = 0; d < p->npost; d++)
        if (q[d])
            work += p->post[d].n;
    if (work > p->n * (size_t)p->npost / 16)
        return NULL;
    int32_t *acc = calloc(p->n ? p->n : 1, sizeof(*acc));
    if (!acc)
        return NULL;
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

size_t index_post_bytes(const index_part_t *p)
{
    size_t b = 0;
    for (int d = 0; p->post && d < p->npost; d++)
        b += sizeof(*p->post) + p->post[d].cap * (sizeof(uint32_t) + 1);
    return b;
}

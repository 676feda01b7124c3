/* bytes.h: a file's bytes, little-endian as this machine writes them. Reading in place
 * without running past the end: a read past it marks the buffer bad and yields zeros,
 * so a parser checks once (b.bad) after a run of reads. Writing into a growing buffer:
 * a failed allocation marks it (b.oom) and later writes do nothing, so a writer checks
 * once at the end. Used by the model file and the reader section. */
#ifndef MNEMO_MODEL_BYTES_H
#define MNEMO_MODEL_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct bytes_in {
    const unsigned char *p;
    size_t n, at;
    int bad;            /* a read ran past the end */
} bytes_in_t;

/* The next len bytes (in place), or NULL past the end. */
static inline const void *bytes_get(bytes_in_t *b, size_t len)
{
    if (b->bad || len > b->n - b->at) {
        b->bad = 1;
        return NULL;
    }
    const void *q = b->p + b->at;
    b->at += len;
    return q;
}

static inline uint32_t bytes_u32(bytes_in_t *b)
{
    uint32_t x = 0;
    const void *q = bytes_get(b, 4);
    if (q) memcpy(&x, q, 4);
    return x;
}

static inline uint64_t bytes_u64(bytes_in_t *b)
{
    uint64_t x = 0;
    const void *q = bytes_get(b, 8);
    if (q) memcpy(&x, q, 8);
    return x;
}

static inline float bytes_f32(bytes_in_t *b)
{
    float x = 0;
    const void *q = bytes_get(b, 4);
    if (q) memcpy(&x, q, 4);
    return x;
}

/* A growing buffer (p malloc'd, the caller frees it). */
typedef struct bytes_out {
    unsigned char *p;
    size_t n, cap;
    int oom;            /* an allocation failed: the buffer is incomplete */
} bytes_out_t;

static inline void bytes_put(bytes_out_t *b, const void *src, size_t len)
{
    if (b->oom) return;
    if (b->n + len > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + len) cap *= 2;
        unsigned char *q = realloc(b->p, cap);
        if (!q) {
            b->oom = 1;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->n, src, len);
    b->n += len;
}

static inline void bytes_put_u32(bytes_out_t *b, uint32_t x) { bytes_put(b, &x, 4); }
static inline void bytes_put_u64(bytes_out_t *b, uint64_t x) { bytes_put(b, &x, 8); }

#endif

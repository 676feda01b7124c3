/* index_prefault.c: start-up help for a big index. Page faults are the bulk of loading
 * one on a virtual machine (the host backs fresh memory lazily), so once the load has
 * reserved every array, a helper thread populates them (MADV_POPULATE_WRITE allocates
 * pages and leaves their contents alone, so it is safe beside the loader's writes) from
 * the back while the loader fills them from the front and reads SQLite. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "store/store_internal.h"

typedef struct span {
    char *p;
    size_t len;
} span_t;

struct index_prefault {
    pthread_t thread;
    span_t *spans;
    size_t n;
};

static void add_span(span_t *spans, size_t *n, void *p, size_t bytes)
{
    uintptr_t lo = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
    uintptr_t hi = ((uintptr_t)p + bytes) & ~(uintptr_t)4095;
    if (p && bytes >= HUGE_MIN_BYTES && hi > lo)
        spans[(*n)++] = (span_t){(char *)lo, hi - lo};
}

static void *prefault_main(void *arg)
{
#ifdef MADV_POPULATE_WRITE
    const index_prefault_t *pf = arg;
    const size_t step = (size_t)32 << 20;
    for (size_t i = 0; i < pf->n; i++) {
        for (size_t end = pf->spans[i].len; end > 0;) {
            size_t start = end > step ? end - step : 0;
            if (madvise(pf->spans[i].p + start, end - start, MADV_POPULATE_WRITE) != 0)
                return NULL;    /* unsupported or out of memory: the loader faults alone */
            end = start;
        }
    }
#else
    (void)arg;
#endif
    return NULL;
}

index_prefault_t *index_prefault_start(index_t *ix)
{
    index_prefault_t *pf = calloc(1, sizeof(*pf));
    if (!pf)
        return NULL;
    size_t nblocks = 0;
    for (uint32_t i = 0; i < ix->nparts; i++)
        nblocks += ix->parts[i] ? ix->parts[i]->nblocks : 0;
    pf->spans = calloc(nblocks * 9 + 1, sizeof(span_t));
    if (!pf->spans)
        goto fail;
    add_span(pf->spans, &pf->n, ix->idmap, ix->idmap_cap * sizeof(index_slot_t));
    for (uint32_t i = 0; i < ix->nparts; i++) {
        index_part_t *p = ix->parts[i];
        if (!p)
            continue;
        for (size_t j = 0; j < p->nblocks; j++) {
            const index_block_t *b = &p->blocks[j];
            add_span(pf->spans, &pf->n, b->ids, b->cap * sizeof(int64_t));
            add_span(pf->spans, &pf->n, b->created, b->cap * sizeof(int64_t));
            add_span(pf->spans, &pf->n, b->conv, b->cap * sizeof(uint64_t));
            add_span(pf->spans, &pf->n, b->codes, b->cap * ix->dpad);
            add_span(pf->spans, &pf->n, b->qscale, b->cap * sizeof(float));
            add_span(pf->spans, &pf->n, b->qerr, b->cap * sizeof(float));
            add_span(pf->spans, &pf->n, b->sk_hi, b->cap * ix->swords * sizeof(uint64_t));
            add_span(pf->spans, &pf->n, b->sk_lo, b->cap * ix->swords * sizeof(uint64_t));
            add_span(pf->spans, &pf->n, b->sfac, b->cap * sizeof(float));
        }
    }
    if (pf->n == 0 || pthread_create(&pf->thread, NULL, prefault_main, pf) != 0)
        goto fail;
    return pf;
fail:
    free(pf->spans);
    free(pf);
    return NULL;
}

void index_prefault_join(index_prefault_t *pf)
{
    if (!pf)
        return;
    pthread_join(pf->thread, NULL);
    free(pf->spans);
    free(pf);
}

/* workq.c: the threads that run request handlers, off libmicrohttpd's. A libmicrohttpd
 * worker serves every connection it accepted, so a handler run on it (a chat turn, a
 * search) made every other request of those connections wait, /healthz included, and a
 * fresh connection waited for an idle worker. Now a handler's request is suspended and
 * queued here; a pool thread runs the handler, whose reply is held in the request
 * (api_req.pending) until the connection is resumed and libmicrohttpd's worker sends it.
 * The queue is bounded: a request past it is answered 503 at once (server.c), so health
 * probes and what runs inline stay served under any load. */
#include "api/internal.h"

#include <pthread.h>
#include <stdlib.h>

struct api_workq {
    pthread_mutex_t mu;
    pthread_cond_t more;            /* a request was queued, or the pool stops */
    api_req_t **ring;               /* cap slots; head is the oldest */
    unsigned cap, head, n;
    int stopping;
    void (*run)(api_req_t *rq);
    pthread_t *threads;
    unsigned nthreads;
};

static void *pool_thread(void *arg)
{
    api_workq_t *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->mu);
        while (!q->n && !q->stopping) pthread_cond_wait(&q->more, &q->mu);
        if (!q->n) {                /* stopping and nothing left */
            pthread_mutex_unlock(&q->mu);
            return NULL;
        }
        api_req_t *rq = q->ring[q->head];
        q->head = (q->head + 1) % q->cap;
        q->n--;
        pthread_mutex_unlock(&q->mu);
        q->run(rq);
    }
}

api_workq_t *api_workq_new(unsigned threads, unsigned cap, void (*run)(api_req_t *rq))
{
    api_workq_t *q = calloc(1, sizeof *q);
    if (!q) return NULL;
    q->cap = cap ? cap : 1;
    q->run = run;
    q->ring = calloc(q->cap, sizeof *q->ring);
    q->threads = calloc(threads ? threads : 1, sizeof *q->threads);
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->more, NULL);
    if (!q->ring || !q->threads) goto fail;
    for (unsigned i = 0; i < (threads ? threads : 1); i++, q->nthreads++)
        if (pthread_create(&q->threads[i], NULL, pool_thread, q) != 0) goto fail;
    return q;
fail:
    api_workq_free(q);
    return NULL;
}

int api_workq_push(api_workq_t *q, api_req_t *rq)
{
    int rc = -1;
    pthread_mutex_lock(&q->mu);
    if (!q->stopping && q->n < q->cap) {
        q->ring[(q->head + q->n) % q->cap] = rq;
        q->n++;
        pthread_cond_signal(&q->more);
        rc = 0;
    }
    pthread_mutex_unlock(&q->mu);
    return rc;
}

void api_workq_free(api_workq_t *q)
{
    if (!q) return;
    pthread_mutex_lock(&q->mu);
    q->stopping = 1;                /* what is queued still runs: its connection waits */
    pthread_cond_broadcast(&q->more);
    pthread_mutex_unlock(&q->mu);
    for (unsigned i = 0; i < q->nthreads; i++) pthread_join(q->threads[i], NULL);
    pthread_cond_destroy(&q->more);
    pthread_mutex_destroy(&q->mu);
    free(q->threads);
    free(q->ring);
    free(q);
}

/* reader_net.c: the reader's network over a batch of clauses (reader_internal.h has the
 * picture): its parameter table and initialization, and forward and backward through
 * word features, the bidirectional GRU, pooling and the four softmax heads. Every
 * activation of a batch lives in one float buffer per thread (reader_work_t), carved
 * for the batch's actual B and T. */
#include "model/reader_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const tensor_names[READER_NTENSORS] = {
    "emb", "ng", "gru_f", "gru_b", "act", "rel", "tag", "vrel",
};

size_t reader_param_table(const reader_cfg_t *c, net_tensor_t *t)
{
    size_t E = (size_t)c->E, H = (size_t)c->H;
    size_t sz[READER_NTENSORS] = {
        (size_t)c->V * E,
        (size_t)c->Nb * E,
        gru_nparams(c->E, c->H),
        gru_nparams(c->E, c->H),
        4 * H * READER_NACTS + READER_NACTS,
        4 * H * READER_NRELS + READER_NRELS,
        2 * H * READER_NTAGS + READER_NTAGS,
        2 * H * READER_NRELS + READER_NRELS,
    };
    size_t at = 0;
    for (int i = 0; i < READER_NTENSORS; i++) {
        if (t)
            t[i] = (net_tensor_t){tensor_names[i], at, sz[i]};
        at += sz[i];
    }
    return at;
}

size_t reader_nparams(const reader_cfg_t *c) { return reader_param_table(c, NULL); }

size_t reader_ntable(const reader_cfg_t *c) { return ((size_t)c->V + c->Nb) * c->E; }

void reader_carve(reader_params_t *p, float *buf, const reader_cfg_t *c)
{
    size_t H = (size_t)c->H;
    p->emb = buf;
    p->ng = p->emb + (size_t)c->V * c->E;
    float *q = gru_carve(&p->gf, p->ng + (size_t)c->Nb * c->E, c->E, c->H);
    q = gru_carve(&p->gb, q, c->E, c->H);
    p->wa = q;
    p->ba = p->wa + 4 * H * READER_NACTS;
    p->wr = p->ba + READER_NACTS;
    p->br = p->wr + 4 * H * READER_NRELS;
    p->wt = p->br + READER_NRELS;
    p->bt = p->wt + 2 * H * READER_NTAGS;
    p->wv = p->bt + READER_NTAGS;
    p->bv = p->wv + 2 * H * READER_NRELS;
}

/* ---- initialization (xorshift64*, seeded through splitmix64) ------------------------ */

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

static void xavier(float *w, int fan_in, int fan_out, size_t n, uint64_t *s)
{
    double a = sqrt(6.0 / (fan_in + fan_out));
    for (size_t i = 0; i < n; i++)
        w[i] = (float)((2 * rng_unif(s) - 1) * a);
}

static void normal(float *w, size_t n, double sd, uint64_t *s)
{
    for (size_t i = 0; i < n; i++) {
        double u = rng_unif(s), v = rng_unif(s);
        w[i] = (float)(sd * sqrt(-2.0 * log(u + 1e-300)) * cos(6.283185307179586 * v));
    }
}

void reader_init_params(float *buf, const reader_cfg_t *c, uint64_t seed)
{
    uint64_t s = seed * 0x9E3779B97F4A7C15ULL + 0xBF58476D1CE4E5B9ULL;
    s = s ? s : 1;
    size_t n = reader_nparams(c), E = (size_t)c->E;
    memset(buf, 0, n * sizeof(float));
    reader_params_t p;
    reader_carve(&p, buf, c);
    normal(p.emb + E, ((size_t)c->V - 1) * E, 0.1, &s); /* row 0 (pad) stays zero */
    normal(p.ng, (size_t)c->Nb * E, 0.1, &s);
    gru_params_t *g[2] = {&p.gf, &p.gb};
    for (int i = 0; i < 2; i++) {
        xavier(g[i]->wx, c->E, c->H, E * 3 * c->H, &s);
        xavier(g[i]->uh, c->H, c->H, (size_t)c->H * 3 * c->H, &s);
    }
    xavier(p.wa, 4 * c->H, READER_NACTS, (size_t)4 * c->H * READER_NACTS, &s);
    xavier(p.wr, 4 * c->H, READER_NRELS, (size_t)4 * c->H * READER_NRELS, &s);
    xavier(p.wt, 2 * c->H, READER_NTAGS, (size_t)2 * c->H * READER_NTAGS, &s);
    xavier(p.wv, 2 * c->H, READER_NRELS, (size_t)2 * c->H * READER_NRELS, &s);
}

/* ---- the work buffer --------------------------------------------------------------- */

struct reader_work {
    int Bmax, Tmax, E, H;
    float *buf;
    /* carved for the last batch (B, T) */
    int B, T;
    float *x, *dx;              /* [B,T,E] */
    float *hf, *hb, *cf, *cb;   /* [B,T,H], [B,T,H], [B,T,4H] x 2 */
    float *hc, *dhc;            /* [B,T,2H] */
    float *dhf, *dhb;           /* [B,T,H] */
    float *mask;                /* [B,T] */
    float *pool, *dpool;        /* [B,4H] */
    float *la, *pa, *lr, *pr;   /* [B,NACTS], [B,NRELS] */
    float *lt, *pt;             /* [B,T,NTAGS] */
    float *lv, *pv;             /* [B,T,NRELS] */
    float *scratch;             /* gru_seq_scratch(B,T,H) */
};

/* Floats for B clauses of T words; carves w when w->buf is set. */
static size_t carve(reader_work_t *w, int B, int T)
{
    size_t BT = (size_t)B * T, E = (size_t)w->E, H = (size_t)w->H, at = 0;
    float *base = w->buf;
#define TAKE(ptr, n)                                                                       \
    do {                                                                                   \
        if (base)                                                                          \
            w->ptr = base + at;                                                            \
        at += (n);                                                                         \
    } while (0)
    TAKE(x, BT * E);
    TAKE(dx, BT * E);
    TAKE(hf, BT * H);
    TAKE(hb, BT * H);
    TAKE(cf, BT * 4 * H);
    TAKE(cb, BT * 4 * H);
    TAKE(hc, BT * 2 * H);
    TAKE(dhc, BT * 2 * H);
    TAKE(dhf, BT * H);
    TAKE(dhb, BT * H);
    TAKE(mask, BT);
    TAKE(pool, (size_t)B * 4 * H);
    TAKE(dpool, (size_t)B * 4 * H);
    TAKE(la, (size_t)B * READER_NACTS);
    TAKE(pa, (size_t)B * READER_NACTS);
    TAKE(lr, (size_t)B * READER_NRELS);
    TAKE(pr, (size_t)B * READER_NRELS);
    TAKE(lt, BT * READER_NTAGS);
    TAKE(pt, BT * READER_NTAGS);
    TAKE(lv, BT * READER_NRELS);
    TAKE(pv, BT * READER_NRELS);
    TAKE(scratch, gru_seq_scratch(B, T, w->H));
#undef TAKE
    w->B = B;
    w->T = T;
    return at;
}

reader_work_t *reader_work_new(const reader_cfg_t *c, int Bmax, int Tmax)
{
    reader_work_t *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    *w = (reader_work_t){.Bmax = Bmax, .Tmax = Tmax, .E = c->E, .H = c->H};
    size_t n = carve(w, Bmax, Tmax);
    if (!(w->buf = malloc(n * sizeof(float)))) {
        free(w);
        return NULL;
    }
    return w;
}

void reader_work_free(reader_work_t *w)
{
    if (!w)
        return;
    free(w->buf);
    free(w);
}

void reader_work_probs(const reader_work_t *w, const float **pa, const float **pr,
                       const float **pt, const float **pv)
{
    *pa = w->pa;
    *pr = w->pr;
    *pt = w->pt;
    *pv = w->pv;
}

reader_counts_t reader_batch_counts(const reader_batch_t *b)
{
    reader_counts_t n = {b->B, 0, 0};
    size_t BT = (size_t)b->B * b->T;
    for (size_t i = 0; b->tags && i < BT; i++)
        n.tok += b->tags[i] >= 0;
    for (size_t i = 0; b->vrel && i < BT; i++)
        n.vtok += b->vrel[i] >= 0;
    return n;
}

/* ---- forward and backward -------------------------------------------------------- */

double reader_net_forward(reader_work_t *w, const reader_params_t *p, const reader_cfg_t *c,
                          const reader_batch_t *b)
{
    int B = b->B, T = b->T, E = c->E, H = c->H;
    size_t BT = (size_t)B * T;
    carve(w, B, T);
    for (int i = 0; i < B; i++)
        for (int t = 0; t < T; t++)
            w->mask[(size_t)i * T + t] = t < b->len[i] ? 1.0f : 0.0f;
    /* word features x [B,T,E] */
    emb_forward(w->x, b->ids, p->emb, (int)BT, E);
    reader_cng_forward(w->x, b->off, b->idx, p->ng, (int)BT, E);
    /* bidirectional GRU -> hc [B,T,2H] */
    gru_seq_forward(w->hf, w->cf, w->x, NULL, w->mask, &p->gf, B, T, E, H, 0, w->scratch);
    gru_seq_forward(w->hb, w->cb, w->x, NULL, w->mask, &p->gb, B, T, E, H, 1, w->scratch);
    for (size_t i = 0; i < BT; i++) {
        memcpy(w->hc + i * 2 * H, w->hf + i * H, sizeof(float) * H);
        memcpy(w->hc + i * 2 * H + H, w->hb + i * H, sizeof(float) * H);
    }
    /* heads */
    reader_pool_forward(w->pool, w->hc, b->len, B, T, H);
    reader_linear_forward(w->la, w->pool, p->wa, p->ba, B, 4 * H, READER_NACTS);
    reader_linear_forward(w->lr, w->pool, p->wr, p->br, B, 4 * H, READER_NRELS);
    reader_linear_forward(w->lt, w->hc, p->wt, p->bt, (int)BT, 2 * H, READER_NTAGS);
    reader_linear_forward(w->lv, w->hc, p->wv, p->bv, (int)BT, 2 * H, READER_NRELS);
    double la = reader_xent_forward(w->pa, w->la, b->act, B, READER_NACTS);
    double lr = reader_xent_forward(w->pr, w->lr, b->rel, B, READER_NRELS);
    double lt = reader_xent_forward(w->pt, w->lt, b->tags, (int)BT, READER_NTAGS);
    double lv = reader_xent_forward(w->pv, w->lv, b->vrel, (int)BT, READER_NRELS);
    if (!b->act)
        return 0.0;
    reader_counts_t n = reader_batch_counts(b);
    return la / B + lr / B + (n.tok ? lt / n.tok : 0.0) + (n.vtok ? lv / n.vtok : 0.0);
}

void reader_net_backward(reader_work_t *w, reader_params_t *g, const reader_params_t *p,
                         const reader_cfg_t *c, const reader_batch_t *b,
                         const reader_counts_t *n)
{
    int B = w->B, T = w->T, E = c->E, H = c->H;
    size_t BT = (size_t)B * T;
    reader_counts_t own = reader_batch_counts(b);
    if (!n)
        n = &own;
    float sc = 1.0f / (float)(n->clauses > 0 ? n->clauses : B);
    float st = own.tok && n->tok ? 1.0f / (float)n->tok : 0.0f;
    float sv = own.vtok && n->vtok ? 1.0f / (float)n->vtok : 0.0f;
    /* the logits' gradients reuse the logit buffers */
    memset(w->la, 0, sizeof(float) * B * READER_NACTS);
    memset(w->lr, 0, sizeof(float) * B * READER_NRELS);
    memset(w->lt, 0, sizeof(float) * BT * READER_NTAGS);
    memset(w->lv, 0, sizeof(float) * BT * READER_NRELS);
    reader_xent_backward(w->la, w->pa, b->act, B, READER_NACTS, sc);
    reader_xent_backward(w->lr, w->pr, b->rel, B, READER_NRELS, sc);
    if (st > 0.0f)
        reader_xent_backward(w->lt, w->pt, b->tags, (int)BT, READER_NTAGS, st);
    if (sv > 0.0f)
        reader_xent_backward(w->lv, w->pv, b->vrel, (int)BT, READER_NRELS, sv);
    memset(w->dpool, 0, sizeof(float) * B * 4 * H);
    memset(w->dhc, 0, sizeof(float) * BT * 2 * H);
    reader_linear_backward(w->dpool, g->wa, g->ba, w->la, w->pool, p->wa, B, 4 * H,
                           READER_NACTS);
    reader_linear_backward(w->dpool, g->wr, g->br, w->lr, w->pool, p->wr, B, 4 * H,
                           READER_NRELS);
    reader_linear_backward(w->dhc, g->wt, g->bt, w->lt, w->hc, p->wt, (int)BT, 2 * H,
                           READER_NTAGS);
    reader_linear_backward(w->dhc, g->wv, g->bv, w->lv, w->hc, p->wv, (int)BT, 2 * H,
                           READER_NRELS);
    reader_pool_backward(w->dhc, w->dpool, b->len, B, T, H);
    for (size_t i = 0; i < BT; i++) {
        memcpy(w->dhf + i * H, w->dhc + i * 2 * H, sizeof(float) * H);
        memcpy(w->dhb + i * H, w->dhc + i * 2 * H + H, sizeof(float) * H);
    }
    memset(w->dx, 0, sizeof(float) * BT * E);
    gru_seq_backward(w->dx, NULL, &g->gf, w->dhf, w->x, NULL, w->mask, w->hf, w->cf, &p->gf,
                     B, T, E, H, 0, w->scratch);
    gru_seq_backward(w->dx, NULL, &g->gb, w->dhb, w->x, NULL, w->mask, w->hb, w->cb, &p->gb,
                     B, T, E, H, 1, w->scratch);
    emb_backward(g->emb, w->dx, b->ids, (int)BT, E, 1);
    reader_cng_backward(g->ng, w->dx, b->off, b->idx, (int)BT, E);
}

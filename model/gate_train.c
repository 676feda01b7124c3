/* gate_train.c: the small-talk gate's training (gate_train.h). The training clauses'
 * feature rows are made once into one flat array, then visited each epoch in an order
 * shuffled by the seed. Labels: small talk 1; facts and corrections 0; other acts are
 * not drawn into the set (the gate only ever sees clauses the reader took for facts).
 * The two labels weigh the same in the loss (each example's gradient is scaled by the
 * other label's share). People's statements, when given, join the generated clauses
 * before the shuffle, each repeated; the held-out report stays on generated clauses. */
#include "model/gate_train.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/reader.h"

typedef struct gset {
    uint32_t *rows;     /* every example's rows, one after another */
    long *at;           /* [n + 1] where each example's rows start */
    unsigned char *y;   /* [n] 1 chat, 0 fact */
    unsigned char *remark; /* [n] 1 when drawn from dialogue_remark */
    long n, cap, nrows, caprows;        /* examples, their room, rows, their room */
} gset_t;

static void gset_free(gset_t *s)
{
    free(s->rows);
    free(s->at);
    free(s->y);
    free(s->remark);
    memset(s, 0, sizeof *s);
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7FB5D329728EA185ull;
    x ^= x >> 27;
    x *= 0x81DADEF4BC2DD44Dull;
    return x ^ (x >> 33);
}

/* Appends text with label y (1 chat) to s. 1 when added, 0 when the text has no
 * features, -1 when out of memory. */
static int gset_push(gset_t *s, const char *text, int y, int remark)
{
    uint32_t rows[GATE_MAX_FEATURES];
    int k = gate_features(text, strlen(text), rows, GATE_MAX_FEATURES);
    if (k <= 0) return 0;
    if (s->n + 1 >= s->cap) {
        long cap = s->cap ? s->cap * 2 : 1 << 16;
        long *at = realloc(s->at, (size_t)(cap + 1) * sizeof *at);
        if (at) s->at = at;
        unsigned char *yy = realloc(s->y, (size_t)cap);
        if (yy) s->y = yy;
        unsigned char *rm = realloc(s->remark, (size_t)cap);
        if (rm) s->remark = rm;
        if (!at || !yy || !rm) return -1;
        if (s->cap == 0) s->at[0] = 0;
        s->cap = cap;
    }
    if (s->nrows + k > s->caprows) {
        long cap = s->caprows ? s->caprows * 2 : 1 << 20;
        while (cap < s->nrows + k) cap *= 2;
        uint32_t *r = realloc(s->rows, (size_t)cap * sizeof *r);
        if (!r) return -1;
        s->rows = r;
        s->caprows = cap;
    }
    memcpy(s->rows + s->nrows, rows, (size_t)k * sizeof *rows);
    s->nrows += k;
    s->y[s->n] = (unsigned char)y;
    s->remark[s->n] = (unsigned char)remark;
    s->at[++s->n] = s->nrows;
    return 1;
}

/* Draws n clauses of pool into s. 0, or -1 when out of memory. */
static int gset_make(gset_t *s, const dialogue_t *d, uint64_t seed, int pool, long n,
                     int remark_pct)
{
    dialogue_clause_t c;
    for (long i = 0, made = 0; made < n && i < n * 4; i++) {
        int rem = (int)(mix(seed ^ (uint64_t)i * 0x9E3779B97F4A7C15ull) % 100) < remark_pct;
        int rc = rem ? dialogue_remark(d, seed, (uint64_t)i, pool, &c)
                     : dialogue_clause(d, seed, (uint64_t)i, pool, &c);
        if (rc < 0) continue;
        if (c.act != READER_SMALLTALK && c.act != READER_FACT && c.act != READER_CORRECTION)
            continue;
        if ((rc = gset_push(s, c.text, c.act == READER_SMALLTALK, rem)) < 0) return -1;
        made += rc;
    }
    return 0;
}

/* People's statements of o into s, each o->people_repeat times. 0, or -1 when out of
 * memory. */
static int gset_people(gset_t *s, const gate_train_opts_t *o, gate_report_t *rep)
{
    for (long i = 0; i < o->npeople; i++) {
        int added = 0;
        for (int k = 0; k < o->people_repeat; k++) {
            int rc = gset_push(s, o->people[i], o->people_chat[i] != 0, 0);
            if (rc < 0) return -1;
            added |= rc;
        }
        if (added) o->people_chat[i] ? rep->people_chat++ : rep->people_fact++;
    }
    return 0;
}

static float prob(const gate_t *g, const gset_t *s, long i)
{
    float z = g->bias;
    for (long j = s->at[i]; j < s->at[i + 1]; j++) z += g->w[s->rows[j]];
    return gate_sigmoid(z);
}

static int by_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

int gate_train(gate_t *g, const dialogue_t *d, const gate_train_opts_t *o, gate_report_t *rep,
               char *err, size_t errlen)
{
    gset_t tr = {0}, ho = {0};
    long *order = NULL;
    float *fp = NULL;
    int rc = -1;
    memset(rep, 0, sizeof *rep);
    if (gset_make(&tr, d, o->seed, DIALOGUE_TRAIN, o->examples, o->remark_pct) < 0 ||
        gset_people(&tr, o, rep) < 0 ||
        gset_make(&ho, d, o->seed + 1, DIALOGUE_HELDOUT, o->heldout, o->remark_pct) < 0 ||
        !(order = malloc((size_t)(tr.n ? tr.n : 1) * sizeof *order)) ||
        !(fp = malloc((size_t)(ho.n ? ho.n : 1) * sizeof *fp))) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (long i = 0; i < tr.n; i++) rep->train_chat += tr.y[i];
    rep->train_fact = tr.n - rep->train_chat;
    if (rep->train_chat == 0 || rep->train_fact == 0 || ho.n == 0) {
        snprintf(err, errlen, "the generator made %ld small talk and %ld fact clauses",
                 rep->train_chat, rep->train_fact);
        goto done;
    }
    /* each label weighs half of the loss */
    float wchat = (float)tr.n / (2.0f * (float)rep->train_chat);
    float wfact = (float)tr.n / (2.0f * (float)rep->train_fact);
    memset(g->w, 0, GATE_ROWS * sizeof *g->w);
    g->bias = 0.0f;
    for (long i = 0; i < tr.n; i++) order[i] = i;
    long steps = (long)o->epochs * tr.n, step = 0;
    uint64_t r = o->seed * 0x2545F4914F6CDD1Dull + 1;
    for (int e = 0; e < o->epochs; e++) {
        for (long i = tr.n - 1; i > 0; i--) {       /* Fisher-Yates by the seed */
            r = mix(r + 0x9E3779B97F4A7C15ull);
            long j = (long)(r % (uint64_t)(i + 1));
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (long k = 0; k < tr.n; k++, step++) {
            long i = order[k];
            float lr = o->lr * (1.0f - 0.9f * (float)step / (float)steps);
            gate_step(g, tr.rows + tr.at[i], (int)(tr.at[i + 1] - tr.at[i]), tr.y[i],
                      tr.y[i] ? wchat : wfact, lr, o->l2);
        }
    }
    /* the held-out clauses at the threshold, and the facts' 99th percentile */
    long nf = 0, caught = 0, lost = 0, rc_n = 0, rf_n = 0, rc_c = 0, rf_l = 0;
    g->threshold = o->threshold;
    for (long i = 0; i < ho.n; i++)
        if (!ho.y[i]) fp[nf++] = prob(g, &ho, i);
    qsort(fp, (size_t)nf, sizeof *fp, by_float);
    rep->fact_p99 = nf ? fp[nf - 1 - nf / 100] : 0.0f;
    for (long i = 0; i < ho.n; i++) {
        int hit = prob(g, &ho, i) >= g->threshold;
        if (ho.y[i]) {
            rep->held_chat++;
            caught += hit;
        } else {
            rep->held_fact++;
            lost += hit;
        }
        if (ho.remark[i] && ho.y[i]) rc_n++, rc_c += hit;
        if (ho.remark[i] && !ho.y[i]) rf_n++, rf_l += hit;
    }
    rep->chat_caught = rep->held_chat ? (float)caught / (float)rep->held_chat : 0.0f;
    rep->fact_lost = rep->held_fact ? (float)lost / (float)rep->held_fact : 0.0f;
    rep->remark_chat_caught = rc_n ? (float)rc_c / (float)rc_n : 0.0f;
    rep->remark_fact_lost = rf_n ? (float)rf_l / (float)rf_n : 0.0f;
    rc = 0;
done:
    gset_free(&tr);
    gset_free(&ho);
    free(order);
    free(fp);
    return rc;
}

/* gate.c: the small-talk gate (gate.h): a clause's hashed features, its probability of
 * being chat, and the gate's bytes in the reader's section.
 *
 * Features, each hashed (FNV-1a over a one-letter kind and the text) to one of
 * GATE_ROWS rows: w:each token (words, CJK characters and CJK pairs as tok_split gives
 * them), b:each pair of neighbouring words, c:the character 3-grams of each word written
 * as "<word>", f:the first and l:the last token, and the marks "num" (a token with a
 * digit), "cap" (a capital after the first word), "!", "?", "emoji" and "len" (the
 * number of tokens, in steps of three). */
#include "model/gate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bytes.h"
#include "model/tokenizer.h"

#define GATE_MAGIC "GTE1"

gate_t *gate_new(void)
{
    gate_t *g = calloc(1, sizeof *g);
    if (!g || !(g->w = calloc(GATE_ROWS, sizeof *g->w))) {
        free(g);
        return NULL;
    }
    g->threshold = 1.0f;
    return g;
}

void gate_free(gate_t *g)
{
    if (!g) return;
    free(g->w);
    free(g);
}

/* ---- features -------------------------------------------------------------------- */

static uint32_t fnv(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* The row of feature kind k over a[0..an) and, when b is given, " " and b[0..bn). */
static uint32_t row_of(char k, const char *a, size_t an, const char *b, size_t bn)
{
    uint32_t h = fnv(2166136261u, &k, 1);
    h = fnv(h, a, an);
    if (b) {
        h = fnv(h, " ", 1);
        h = fnv(h, b, bn);
    }
    return h & (GATE_ROWS - 1);
}

typedef struct feats {
    uint32_t *rows;
    int n, max;
} feats_t;

static void add(feats_t *f, char k, const char *a, const char *b)
{
    if (f->n < f->max)
        f->rows[f->n++] = row_of(k, a, strlen(a), b, b ? strlen(b) : 0);
}

static int has_digit(const char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9') return 1;
    return 0;
}

int gate_features(const char *text, size_t len, uint32_t *rows, int max)
{
    tok_list_t t = {0};
    char err[128];
    if (tok_split(text, len, &t, err, sizeof err) != TOK_OK) return -1;
    feats_t f = {rows, 0, max};
    const char *prev = NULL;
    int capped = 0, digits = 0;
    for (int i = 0; i < t.n; i++) {
        const char *w = t.v[i];
        add(&f, 'w', w, NULL);
        if (t.kind[i] != TOK_WORD) {
            prev = NULL;
            continue;
        }
        if (prev) add(&f, 'b', prev, w);
        prev = w;
        capped |= i > 0 && t.cap[i];
        digits |= has_digit(w);
        char marked[80];
        size_t wl = strlen(w);
        if (wl > sizeof marked - 3) wl = sizeof marked - 3;
        marked[0] = '<';
        memcpy(marked + 1, w, wl);
        marked[wl + 1] = '>';
        for (size_t j = 0; j + 3 <= wl + 2; j++)
            if (f.n < f.max)
                f.rows[f.n++] = row_of('c', marked + j, 3, NULL, 0);
    }
    if (t.n > 0) {
        add(&f, 'f', t.v[0], NULL);
        add(&f, 'l', t.v[t.n - 1], NULL);
    }
    if (digits) add(&f, 'm', "num", NULL);
    if (capped) add(&f, 'm', "cap", NULL);
    if (memchr(text, '!', len)) add(&f, 'm', "!", NULL);
    if (memchr(text, '?', len)) add(&f, 'm', "?", NULL);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)text[i] >= 0xF0) {     /* emoji and other astral signs */
            add(&f, 'm', "emoji", NULL);
            break;
        }
    char lb[16];
    snprintf(lb, sizeof lb, "%d", t.n / 3 < 8 ? t.n / 3 : 8);
    add(&f, 'n', lb, NULL);
    tok_list_free(&t);
    return f.n;
}

/* ---- probability ----------------------------------------------------------------- */

/* e^x for x in [-30, 30]: x = k ln 2 + r, |r| <= ln 2 / 2, e^r by its series to r^10
 * (relative error below 1e-12), 2^k by the exponent bits. Double arithmetic only. */
static double exp_small(double x)
{
    static const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    double kd = x * 1.44269504088896338700;
    int k = (int)(kd < 0 ? kd - 0.5 : kd + 0.5);
    double r = (x - k * ln2_hi) - k * ln2_lo;
    double s = 1.0, term = 1.0;
    for (int i = 1; i <= 10; i++) {
        term = term * r / i;
        s = s + term;
    }
    union {
        double d;
        uint64_t u;
    } p = {.u = (uint64_t)(k + 1023) << 52};
    return s * p.d;
}

float gate_sigmoid(float z)
{
    double x = z > 30.0f ? 30.0 : z < -30.0f ? -30.0 : (double)z;
    return (float)(1.0 / (1.0 + exp_small(-x)));
}

float gate_chat_p(const gate_t *g, const char *text, size_t len)
{
    uint32_t rows[GATE_MAX_FEATURES];
    int n = gate_features(text, len, rows, GATE_MAX_FEATURES);
    if (n < 0) return -1.0f;
    float z = g->bias;
    for (int i = 0; i < n; i++) z += g->w[rows[i]];
    return gate_sigmoid(z);
}

float gate_step(gate_t *g, const uint32_t *rows, int n, float y, float wy, float lr, float l2)
{
    float z = g->bias;
    for (int i = 0; i < n; i++) z += g->w[rows[i]];
    float p = gate_sigmoid(z);
    float gz = wy * (p - y);
    for (int i = 0; i < n; i++) {
        float *w = &g->w[rows[i]];
        *w -= lr * (gz + l2 * *w);
    }
    g->bias -= lr * gz;
    double q = y > 0.5f ? p : 1.0 - p;     /* the probability of the label */
    return (float)(-wy * log(q > 1e-30 ? q : 1e-30));
}

int gate_is_chat(const gate_t *g, const char *text, size_t len)
{
    return g && gate_chat_p(g, text, len) >= g->threshold;
}

/* ---- bytes ----------------------------------------------------------------------- */

unsigned char *gate_serialize(const gate_t *g, size_t *len)
{
    bytes_out_t b = {0};
    uint32_t nz = 0;
    for (uint32_t i = 0; i < GATE_ROWS; i++) nz += g->w[i] != 0.0f;
    bytes_put(&b, GATE_MAGIC, 4);
    bytes_put(&b, &g->threshold, sizeof(float));
    bytes_put(&b, &g->bias, sizeof(float));
    bytes_put_u32(&b, nz);
    for (uint32_t i = 0; i < GATE_ROWS; i++)
        if (g->w[i] != 0.0f) {
            bytes_put_u32(&b, i);
            bytes_put(&b, &g->w[i], sizeof(float));
        }
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    *len = b.n;
    return b.p;
}

gate_t *gate_parse(const unsigned char *buf, size_t len, char *err, size_t errlen)
{
    bytes_in_t in = {buf, len, 0, 0};
    const char *magic = bytes_get(&in, 4);
    float th = bytes_f32(&in), bias = bytes_f32(&in);
    uint32_t nz = bytes_u32(&in);
    if (in.bad || memcmp(magic, GATE_MAGIC, 4) != 0) {
        snprintf(err, errlen, "gate: %s", in.bad ? "truncated" : "not a gate (bad magic)");
        return NULL;
    }
    if (!(th >= 0.0f && th <= 1.0f) || bias != bias) {
        snprintf(err, errlen, "gate: threshold %g is not a probability", (double)th);
        return NULL;
    }
    if (nz > GATE_ROWS || (uint64_t)nz * 8 != in.n - in.at) {
        snprintf(err, errlen, "gate: %u weights do not fill its %zu bytes", (unsigned)nz,
                 in.n - in.at);
        return NULL;
    }
    gate_t *g = gate_new();
    if (!g) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    g->threshold = th;
    g->bias = bias;
    for (uint32_t i = 0; i < nz; i++) {
        uint32_t row = bytes_u32(&in);
        float w = bytes_f32(&in);
        if (row >= GATE_ROWS || w != w) {
            snprintf(err, errlen, "gate: weight %u is %s", (unsigned)i,
                     row >= GATE_ROWS ? "out of its rows" : "not a number");
            gate_free(g);
            return NULL;
        }
        g->w[row] = w;
    }
    return g;
}

/* lexical.c: the lexical sketch of lexical.h. Tokens become features (stemmed English
 * content words; CJK characters and character bigrams), equal features are counted,
 * each gets weight w * (1 + ln tf) and is added with a hashed sign into LEX_PROBES
 * hashed buckets at 1/sqrt(LEX_PROBES) each; the sketch is then L2-normalized.
 * Stopwords and stemming live in lex_words.c; the choices are measured in
 * docs/RETRIEVAL.md. */
#include "model/lexical.h"
#include "model/lex_words.h"
#include "model/tokenizer.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Weights by feature class. Stopwords weigh nothing unless the text has nothing else
 * (any nonzero weight makes their buckets nonzero in every row, which costs the query
 * IDF more than their signal is worth). Word bigrams are not features: they lowered
 * recall at every weight tried (docs/RETRIEVAL.md). A CJK character alone is
 * ambiguous, so it weighs half of a character bigram (mostly a word). */
#define W_WORD    1.0
#define W_CJK     0.5
#define W_CJK_BI  1.0

static inline uint64_t rotl64(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static inline uint64_t fmix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

/* A 64-bit hash of s[0..len): 8-byte lanes mixed xxHash64-style, then the murmur3
 * finalizer so that every output bit depends on every input bit. */
static uint64_t hash64(const char *s, size_t len)
{
    const uint64_t P1 = 0x9E3779B185EBCA87ULL, P2 = 0xC2B2AE3D27D4EB4FULL;
    uint64_t h = 0x27D4EB2F165667C5ULL ^ ((uint64_t)len * P1);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t k;
        memcpy(&k, s + i, 8);
        h ^= rotl64(k * P2, 31) * P1;
        h = rotl64(h, 27) * P1 + P2;
    }
    uint64_t tail = 0;
    for (size_t j = 0; i + j < len; j++)
        tail |= (uint64_t)(unsigned char)s[i + j] << (8 * j);
    h ^= rotl64(tail * P2, 31) * P1;
    return fmix64(h);
}

/* Probe p of a feature hashed to h: probe 0 uses h itself, each next probe re-mixes
 * the previous one. The bucket comes from the high 32 bits (multiply-shift, no modulo
 * bias), the sign from bit 0. */
static void probes(uint64_t h, int *bucket, float *sign)
{
    for (int p = 0; p < LEX_PROBES; p++) {
        bucket[p] = (int)(((h >> 32) * (uint64_t)LEX_DIM) >> 32);
        sign[p] = (h & 1) ? -1.0f : 1.0f;
        h = fmix64(h + 0x9E3779B97F4A7C15ULL);
    }
}

void lex_feature(const char *feature, size_t len, int *bucket, float *sign)
{
    probes(hash64(feature, len), bucket, sign);
}

typedef struct feat {
    uint64_t h;
    float w;      /* class weight */
} feat_t;

typedef struct feats {
    feat_t *v;
    int n, cap;
} feats_t;

static int feats_add(feats_t *f, const char *s, size_t len, double w)
{
    if (w <= 0)
        return 0;
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 64;
        feat_t *v = realloc(f->v, (size_t)cap * sizeof *v);
        if (!v)
            return TOK_ENOMEM;
        f->v = v;
        f->cap = cap;
    }
    f->v[f->n++] = (feat_t){ hash64(s, len), (float)w };
    return 0;
}

static int cmp_feat(const void *a, const void *b)
{
    uint64_t x = ((const feat_t *)a)->h, y = ((const feat_t *)b)->h;
    return (x > y) - (x < y);
}

/* Turns the tokens into features; stop_w weighs stopwords and CJK function
 * characters. *content counts the other features. */
static int collect(const tok_list_t *t, double stop_w, feats_t *f, int *content)
{
    char stem[LEX_WORD_MAX];
    int rc = 0;

    *content = 0;
    for (int i = 0; i < t->n && rc == 0; i++) {
        const char *tok = t->v[i];
        int stop;
        switch (t->kind[i]) {
        case TOK_CJK:
            stop = lex_cjk_stop(tok);
            *content += !stop;
            rc = feats_add(f, tok, strlen(tok), W_CJK * (stop ? stop_w : 1.0));
            break;
        case TOK_CJK_BIGRAM:
            *content += 1;
            rc = feats_add(f, tok, strlen(tok), W_CJK_BI);
            break;
        default: {
            stop = lex_is_stopword(tok);
            size_t n = lex_stem(tok, stem, sizeof stem);
            if (n == 0)
                break;
            *content += !stop;
            rc = feats_add(f, stem, n, W_WORD * (stop ? stop_w : 1.0));
            break;
        }
        }
    }
    return rc;
}

int lex_encode(const char *text, size_t len, float *out, char *err, size_t errlen)
{
    tok_list_t t;
    memset(out, 0, LEX_DIM * sizeof *out);
    int rc = tok_split(text, len, &t, err, errlen);
    if (rc != TOK_OK)
        return rc;
    rc = lex_encode_tokens(&t, out);
    if (rc != 0 && err && errlen)
        snprintf(err, errlen, "out of memory");
    tok_list_free(&t);
    return rc;
}

int lex_encode_tokens(const tok_list_t *t, float *out)
{
    feats_t f = { 0 };
    int content = 0;

    memset(out, 0, LEX_DIM * sizeof *out);
    int rc = collect(t, 0.0, &f, &content);
    if (rc == 0 && content == 0) {
        /* only function words ("How are you?"): keep them rather than return an
         * empty sketch */
        f.n = 0;
        rc = collect(t, 1.0, &f, &content);
    }
    if (rc != 0) {
        rc = TOK_ENOMEM;
        goto done;
    }

    /* equal features are adjacent after sorting by hash; tf counts them */
    if (f.n > 0)   /* f.v is NULL for an empty text; qsort wants a real pointer */
        qsort(f.v, (size_t)f.n, sizeof *f.v, cmp_feat);
    const float scale = 1.0f / sqrtf((float)LEX_PROBES);
    for (int i = 0; i < f.n;) {
        int j = i, tf = 0;
        float w = 0;
        for (; j < f.n && f.v[j].h == f.v[i].h; j++, tf++)
            if (f.v[j].w > w)
                w = f.v[j].w;
        int b[LEX_PROBES];
        float s[LEX_PROBES];
        probes(f.v[i].h, b, s);
        float v = w * (float)(1.0 + log((double)tf)) * scale;
        for (int p = 0; p < LEX_PROBES; p++)
            out[b[p]] += s[p] * v;
        i = j;
    }
    double norm = 0;
    for (int d = 0; d < LEX_DIM; d++)
        norm += (double)out[d] * out[d];
    if (norm > 0) {
        float inv = (float)(1.0 / sqrt(norm));
        for (int d = 0; d < LEX_DIM; d++)
            out[d] *= inv;
    }
done:
    free(f.v);
    return rc;
}

/* senc.c: the sentence encoder of senc.h at inference: its weights, its file, the
 * features of a text and the forward pass. The file is SENC_MAGIC, the version, Nb, E,
 * D, Nw (u32 each), the table in IEEE half precision (it is most of the bytes, and
 * halves keep about three digits, more than the embeddings carry), the projection in
 * float32, the word weights in half precision, and the CRC-32 of everything before it. Training lives in senc_train.c. */
#include "model/senc.h"
#include "model/bytes.h"
#include "model/lex_words.h"
#include "model/modelfile.h"
#include "model/reader_internal.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_GRAMS = 64, HEADER_BYTES = 8 + 5 * 4 };

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static int cfg_ok(const senc_cfg_t *c)
{
    return c->Nb >= SENC_MIN_BUCKETS && c->Nb <= SENC_MAX_BUCKETS && c->E >= SENC_MIN_DIM &&
           c->E <= SENC_MAX_DIM && c->D >= SENC_MIN_DIM && c->D <= SENC_MAX_DIM &&
           (c->Nw == 0 || (c->Nw >= SENC_MIN_BUCKETS && c->Nw <= SENC_MAX_BUCKETS));
}

size_t senc_nparams(const senc_cfg_t *c)
{
    return (size_t)c->Nb * c->E + (size_t)c->D * c->E;
}

senc_t *senc_new(const senc_cfg_t *c)
{
    if (!cfg_ok(c)) return NULL;
    senc_t *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->cfg = *c;
    if (!(s->params = calloc(senc_nparams(c), sizeof(float))) ||
        (c->Nw && !(s->wt = malloc((size_t)c->Nw * sizeof(float))))) {
        free(s->params);
        free(s);
        return NULL;
    }
    for (int i = 0; i < c->Nw; i++) s->wt[i] = 1.0f;
    s->table = s->params;
    s->proj = s->params + (size_t)c->Nb * c->E;
    senc_retag(s);
    return s;
}

void senc_free(senc_t *s)
{
    if (!s) return;
    free(s->params);
    free(s->wt);
    free(s);
}

/* ---- half precision ---------------------------------------------------------------- */

/* Round to nearest even; magnitudes past the largest half are clamped to it (a trained
 * weight is never near), NaN stays NaN so the loader refuses it. */
static uint16_t half_of(float f)
{
    uint32_t x;
    memcpy(&x, &f, 4);
    uint32_t sign = (x >> 16) & 0x8000u;
    uint32_t ax = x & 0x7FFFFFFFu;
    if (ax > 0x7F800000u) return (uint16_t)(sign | 0x7E00u);           /* NaN */
    if (ax >= 0x477FF000u) return (uint16_t)(sign | 0x7BFFu);           /* clamp */
    if (ax < 0x38800000u) {                                             /* subnormal */
        float a;
        memcpy(&a, &ax, 4);
        return (uint16_t)(sign | (uint32_t)lrintf(a * 16777216.0f));    /* a / 2^-24 */
    }
    uint32_t e = (ax >> 23) - 112, m = ax & 0x7FFFFFu;
    uint32_t h = (e << 10) | (m >> 13);
    uint32_t rest = m & 0x1FFFu;
    if (rest > 0x1000u || (rest == 0x1000u && (h & 1))) h++;
    return (uint16_t)(sign | h);
}

static float float_of(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16, e = (h >> 10) & 0x1F, m = h & 0x3FF;
    float f;
    if (e == 0) {
        f = (float)m / 16777216.0f;
        return sign ? -f : f;
    }
    uint32_t x = e == 31 ? (sign | 0x7F800000u | (m << 13))
                         : (sign | ((e + 112) << 23) | (m << 13));
    memcpy(&f, &x, 4);
    return f;
}

/* ---- the file ----------------------------------------------------------------------- */

static void put_halves(bytes_out_t *b, const float *x, size_t n)
{
    uint16_t buf[1024];
    for (size_t i = 0; i < n; i += 1024) {
        size_t k = n - i < 1024 ? n - i : 1024;
        for (size_t j = 0; j < k; j++) buf[j] = half_of(x[i + j]);
        bytes_put(b, buf, k * 2);
    }
}

static void get_halves(const unsigned char *p, float *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint16_t h;
        memcpy(&h, p + 2 * i, 2);
        x[i] = float_of(h);
    }
}

/* The file's bytes without the checksum into b. */
static void serialize(const senc_t *s, bytes_out_t *b)
{
    const senc_cfg_t *c = &s->cfg;
    bytes_put(b, SENC_MAGIC, 8);
    bytes_put_u32(b, SENC_VERSION);
    bytes_put_u32(b, (uint32_t)c->Nb);
    bytes_put_u32(b, (uint32_t)c->E);
    bytes_put_u32(b, (uint32_t)c->D);
    bytes_put_u32(b, (uint32_t)c->Nw);
    put_halves(b, s->table, (size_t)c->Nb * c->E);
    bytes_put(b, s->proj, (size_t)c->D * c->E * sizeof(float));
    put_halves(b, s->wt, (size_t)c->Nw);
}

static void tag_of(uint32_t crc, char *tag)
{
    snprintf(tag, 9, "%08x", (unsigned)crc);
}

void senc_retag(senc_t *s)
{
    bytes_out_t b = {0};
    serialize(s, &b);
    tag_of(b.oom ? 0 : modelfile_crc32(0, b.p, b.n), s->tag);
    free(b.p);
}

int senc_save(const senc_t *s, const char *path, char *err, size_t errlen)
{
    int rc = -1;
    bytes_out_t b = {0};
    char *tmp = NULL;
    FILE *fp = NULL;
    serialize(s, &b);
    bytes_put_u32(&b, b.oom ? 0 : modelfile_crc32(0, b.p, b.n));
    size_t plen = strlen(path);
    if (b.oom || !(tmp = malloc(plen + 5))) {
        set_err(err, errlen, "%s: out of memory", path);
        goto done;
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp", 5);
    if (!(fp = fopen(tmp, "wb"))) {
        set_err(err, errlen, "%s: %s", tmp, strerror(errno));
        goto done;
    }
    int bad = fwrite(b.p, 1, b.n, fp) != b.n;
    bad |= fclose(fp) != 0;
    fp = NULL;
    if (bad) {
        set_err(err, errlen, "%s: write failed (%s)", tmp, strerror(errno));
        remove(tmp);
        goto done;
    }
    if (rename(tmp, path) != 0) {
        set_err(err, errlen, "rename %s -> %s: %s", tmp, path, strerror(errno));
        remove(tmp);
        goto done;
    }
    rc = 0;
done:
    free(tmp);
    free(b.p);
    return rc;
}

senc_t *senc_parse(const unsigned char *buf, size_t len, char *err, size_t errlen)
{
    bytes_in_t in = {buf, len, 0, 0};
    senc_t *s = NULL;
    const unsigned char *magic = bytes_get(&in, 8);
    if (!magic || memcmp(magic, SENC_MAGIC, 8) != 0) {
        set_err(err, errlen, "not a sentence encoder file (no %s magic)", SENC_MAGIC);
        return NULL;
    }
    uint32_t version = bytes_u32(&in);
    senc_cfg_t c;       /* one read a statement: initializers are not sequenced */
    c.Nb = (int)bytes_u32(&in);
    c.E = (int)bytes_u32(&in);
    c.D = (int)bytes_u32(&in);
    c.Nw = (int)bytes_u32(&in);
    if (in.bad) {
        set_err(err, errlen, "truncated header (%zu bytes)", len);
        return NULL;
    }
    if (version != SENC_VERSION) {
        set_err(err, errlen, "unsupported version %u (this build reads %d)", (unsigned)version,
                SENC_VERSION);
        return NULL;
    }
    if (!cfg_ok(&c)) {
        set_err(err, errlen, "sizes out of bounds: buckets %d and word slots %d (%d..%d, "
                "slots also 0), width %d and dimension %d (%d..%d)", c.Nb, c.Nw,
                SENC_MIN_BUCKETS, SENC_MAX_BUCKETS, c.E, c.D, SENC_MIN_DIM, SENC_MAX_DIM);
        return NULL;
    }
    size_t nt = (size_t)c.Nb * c.E, np = (size_t)c.D * c.E;
    size_t want = HEADER_BYTES + nt * 2 + np * sizeof(float) + (size_t)c.Nw * 2 + 4;
    if (len != want) {
        set_err(err, errlen, "%zu bytes where its sizes (buckets %d, width %d, dimension %d, "
                "word slots %d) make %zu", len, c.Nb, c.E, c.D, c.Nw, want);
        return NULL;
    }
    uint32_t crc;
    memcpy(&crc, buf + len - 4, 4);
    if (modelfile_crc32(0, buf, len - 4) != crc) {
        set_err(err, errlen, "bad checksum (the file is damaged)");
        return NULL;
    }
    if (!(s = senc_new(&c))) {
        set_err(err, errlen, "out of memory");
        return NULL;
    }
    get_halves(bytes_get(&in, nt * 2), s->table, nt);
    memcpy(s->proj, bytes_get(&in, np * sizeof(float)), np * sizeof(float));
    get_halves(bytes_get(&in, (size_t)c.Nw * 2), s->wt, (size_t)c.Nw);
    for (size_t i = 0; i < senc_nparams(&c); i++)
        if (!isfinite(s->params[i])) {
            set_err(err, errlen, "weight %zu is not finite", i);
            senc_free(s);
            return NULL;
        }
    for (int i = 0; i < c.Nw; i++)
        if (!isfinite(s->wt[i]) || s->wt[i] <= 0) {
            set_err(err, errlen, "word weight %d is not a positive number", i);
            senc_free(s);
            return NULL;
        }
    tag_of(crc, s->tag);
    return s;
}

senc_t *senc_load(const char *path, char *err, size_t errlen)
{
    senc_t *s = NULL;
    unsigned char *buf = NULL;
    char why[256];
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    long n = -1;
    if (fseek(fp, 0, SEEK_END) == 0) n = ftell(fp);
    if (n < 0 || fseek(fp, 0, SEEK_SET) != 0) {
        set_err(err, errlen, "%s: cannot read its size", path);
        goto done;
    }
    if (!(buf = malloc(n > 0 ? (size_t)n : 1))) {
        set_err(err, errlen, "%s: out of memory", path);
        goto done;
    }
    if (fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        set_err(err, errlen, "%s: read failed", path);
        goto done;
    }
    if (!(s = senc_parse(buf, (size_t)n, why, sizeof why)))
        set_err(err, errlen, "%s: %s", path, why);
done:
    fclose(fp);
    free(buf);
    return s;
}

/* ---- features ------------------------------------------------------------------------ */

/* FNV-1a 64 of s[0..len) with a class byte first, then the murmur3 finalizer. */
static uint64_t feat_hash(char cls, const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    h = (h ^ (unsigned char)cls) * 1099511628211ULL;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static int bucket_of(const senc_cfg_t *c, char cls, const char *s, size_t len)
{
    return (int)(((feat_hash(cls, s, len) >> 32) * (uint64_t)c->Nb) >> 32);
}

static int feats_push(senc_feats_t *f, int b, float w)
{
    if (f->n == f->cap) {
        int cap = f->cap ? 2 * f->cap : 256;
        int *nb = realloc(f->b, (size_t)cap * sizeof *nb);
        if (!nb) return -1;
        f->b = nb;
        float *nw = realloc(f->w, (size_t)cap * sizeof *nw);
        if (!nw) return -1;
        f->w = nw;
        f->cap = cap;
    }
    f->b[f->n] = b;
    f->w[f->n++] = w;
    return 0;
}

/* Whether token i is read when stopwords are left out. */
/* Whether token i is read when stopwords are left out. */
static int content(const tok_list_t *t, int i)
{
    switch (t->kind[i]) {
    case TOK_CJK: return !lex_cjk_stop(t->v[i]);
    case TOK_CJK_BIGRAM: return 1;
    default: return !lex_is_stopword(t->v[i]);
    }
}

int senc_word_slot(const senc_cfg_t *c, const char *stem, size_t len)
{
    return c->Nw ? (int)(((feat_hash('F', stem, len) >> 32) * (uint64_t)c->Nw) >> 32) : 0;
}

/* The stem of a word token into stem[LEX_WORD_MAX]; its length (the token itself when
 * the stemmer leaves nothing). */
static size_t stem_of(const char *tok, char *stem)
{
    size_t n = lex_stem(tok, stem, LEX_WORD_MAX);
    if (n == 0) {
        snprintf(stem, LEX_WORD_MAX, "%s", tok);
        n = strlen(stem);
    }
    return n;
}

float senc_word_weight(const senc_t *s, const char *tok)
{
    if (!s->cfg.Nw) return 1.0f;
    char stem[LEX_WORD_MAX];
    size_t n = stem_of(tok, stem);
    return s->wt[senc_word_slot(&s->cfg, stem, n)];
}

int senc_features(const senc_t *s, const tok_list_t *t, senc_feats_t *f)
{
    const senc_cfg_t *c = &s->cfg;
    f->n = 0;
    int ncontent = 0;
    for (int i = 0; i < t->n; i++) ncontent += content(t, i);
    int all = ncontent == 0;
    double total = 0;
    for (int i = 0; i < t->n; i++)
        if (all || content(t, i))
            total += t->kind[i] == TOK_WORD ? senc_word_weight(s, t->v[i]) : 1.0f;
    char stem[LEX_WORD_MAX];
    int grams[MAX_GRAMS];
    for (int i = 0; i < t->n; i++) {
        if (!all && !content(t, i)) continue;
        const char *tok = t->v[i];
        size_t len = strlen(tok);
        if (t->kind[i] != TOK_WORD) {
            if (feats_push(f, bucket_of(c, 'C', tok, len), (float)(1.0 / total)) < 0) return -1;
            continue;
        }
        size_t sn = stem_of(tok, stem);
        int ng = reader_ngrams(tok, len, c->Nb, grams, MAX_GRAMS);
        float ww = c->Nw ? s->wt[senc_word_slot(c, stem, sn)] : 1.0f;
        float w = (float)(ww / (total * (1 + ng)));
        if (feats_push(f, bucket_of(c, 'W', stem, sn), w) < 0) return -1;
        for (int g = 0; g < ng; g++)
            if (feats_push(f, grams[g], w) < 0) return -1;
    }
    return 0;
}

void senc_feats_free(senc_feats_t *f)
{
    free(f->b);
    free(f->w);
    *f = (senc_feats_t){0};
}

/* ---- the forward pass ---------------------------------------------------------------- */

/* u [E] = sum_i w[i] table[b[i]]; h [D] = proj [D x E] . u; vec = h / |h|. */
void senc_forward(const senc_t *s, const senc_feats_t *f, float *vec, float *scratch)
{
    const int E = s->cfg.E, D = s->cfg.D;
    float *u = scratch;
    memset(u, 0, (size_t)E * sizeof *u);
    for (int i = 0; i < f->n; i++) {
        const float *row = s->table + (size_t)f->b[i] * E;
        const float w = f->w[i];
        for (int e = 0; e < E; e++) u[e] += w * row[e];
    }
    float norm = 0;
    for (int d = 0; d < D; d++) {
        const float *p = s->proj + (size_t)d * E;
        float acc = 0;
        for (int e = 0; e < E; e++) acc += p[e] * u[e];
        vec[d] = acc;
        norm += acc * acc;
    }
    float inv = norm > 0 ? 1.0f / sqrtf(norm) : 0.0f;
    for (int d = 0; d < D; d++) vec[d] *= inv;
}

void senc_forward_ref(const senc_t *s, const senc_feats_t *f, float *vec)
{
    const int E = s->cfg.E, D = s->cfg.D;
    double norm = 0;
    for (int d = 0; d < D; d++) {
        double acc = 0;
        for (int e = 0; e < E; e++) {
            double ue = 0;
            for (int i = 0; i < f->n; i++)
                ue += (double)f->w[i] * s->table[(size_t)f->b[i] * E + e];
            acc += (double)s->proj[(size_t)d * E + e] * ue;
        }
        vec[d] = (float)acc;
        norm += acc * acc;
    }
    for (int d = 0; d < D; d++) vec[d] = norm > 0 ? (float)(vec[d] / sqrt(norm)) : 0.0f;
}

int senc_encode_tokens(const senc_t *s, const tok_list_t *toks, float *vec)
{
    senc_feats_t f = {0};
    float *scratch = malloc((size_t)(s->cfg.E + s->cfg.D) * sizeof *scratch);
    int rc = -1;
    if (!scratch || senc_features(s, toks, &f) < 0) goto done;
    senc_forward(s, &f, vec, scratch);
    rc = 0;
done:
    free(scratch);
    senc_feats_free(&f);
    return rc;
}

int senc_encode(const senc_t *s, const char *text, size_t len, float *vec, char *err,
                size_t errlen)
{
    tok_list_t t = {0};
    int rc = tok_split(text, len, &t, err, errlen);
    if (rc != TOK_OK) return rc;
    if (senc_encode_tokens(s, &t, vec) < 0) {
        set_err(err, errlen, "out of memory");
        rc = TOK_ENOMEM;
    }
    tok_list_free(&t);
    return rc;
}

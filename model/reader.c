/* reader.c: the reader as the agent uses it (reader.h): the names of acts, relations
 * and tags, reading one clause (one example through the batched network with B = 1 and
 * per-call scratch, so a loaded reader is shared read-only by threads; an ensemble's
 * members each read it and the mean of their probabilities decides), and the reader's
 * bytes in the model file (one reader, or an ensemble of them), checked field by field
 * when read. */
#include "model/bytes.h"
#include "model/reader_internal.h"
#include "model/model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* ---- names ----------------------------------------------------------------------- */

static const char *const act_names[READER_NACTS] = {
    "fact", "question", "yesno", "correction", "forget", "summary", "smalltalk", "unable",
};
static const char *const rel_names[READER_NRELS] = {
    "open",     "name",     "age",    "birthday", "home",    "hometown",
    "job",      "employer", "workplace", "school", "kind",   "hobby",
    "likes",    "allergy",  "language", "diet",   "owns",
};
static const char *const tag_names[READER_NTAGS] = {
    "O",     "B-HOLDER", "I-HOLDER", "B-REL",  "I-REL",  "B-VALUE",
    "I-VALUE", "B-OLD",  "I-OLD",    "B-NAME", "I-NAME",
};

const char *reader_act_name(int act) { return act >= 0 && act < READER_NACTS ? act_names[act] : NULL; }
const char *reader_rel_name(int rel) { return rel >= 0 && rel < READER_NRELS ? rel_names[rel] : NULL; }
const char *reader_tag_name(int tag) { return tag >= 0 && tag < READER_NTAGS ? tag_names[tag] : NULL; }

static int find(const char *const *names, int n, const char *name)
{
    for (int i = 0; name && i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

int reader_act_parse(const char *name) { return find(act_names, READER_NACTS, name); }
int reader_rel_parse(const char *name) { return find(rel_names, READER_NRELS, name); }
int reader_tag_parse(const char *name) { return find(tag_names, READER_NTAGS, name); }

/* ---- configuration bounds ------------------------------------------------------------ */

/* Why each maximum: one reader's parameters stay within a few hundred MB. */
const reader_limit_t reader_limits[READER_NFIELDS] = {
    [READER_F_V] = {"vocabulary", 3, 1000000},
    [READER_F_NB] = {"buckets", 1, 1 << 20},
    [READER_F_E] = {"embedding", 2, 512},
    [READER_F_H] = {"hidden", 2, 512},
};

int *reader_cfg_field(reader_cfg_t *c, int f)
{
    switch (f) {
    case READER_F_V: return &c->V;
    case READER_F_NB: return &c->Nb;
    case READER_F_E: return &c->E;
    default: return &c->H;
    }
}

int reader_cfg_check(const reader_cfg_t *c, char *err, size_t errlen)
{
    reader_cfg_t cc = *c;
    for (int f = 0; f < READER_NFIELDS; f++)
        if (modelfile_limit_check(&reader_limits[f], *reader_cfg_field(&cc, f), "", err,
                                  errlen) < 0)
            return -1;
    return 0;
}

/* ---- the object ------------------------------------------------------------------- */

reader_t *reader_wrap(const reader_cfg_t *c, vocab_t *v, float *buf)
{
    reader_t *r = calloc(1, sizeof *r);
    if (!r) {
        vocab_free(v);
        free(buf);
        return NULL;
    }
    r->c = *c;
    r->v = v;
    r->buf = buf;
    r->fact_min_p = READER_FACT_MIN_P_V3;
    reader_carve(&r->p, buf, c);
    return r;
}

float reader_fact_min_p(const reader_t *r) { return r->fact_min_p; }

const gate_t *reader_gate(const reader_t *r) { return r ? r->gate : NULL; }

void reader_set_gate(reader_t *r, gate_t *g)
{
    gate_free(r->gate);
    r->gate = g;
}

void reader_free(reader_t *r)
{
    while (r) {
        reader_t *next = r->next;
        gate_free(r->gate);
        vocab_free(r->v);
        free(r->buf);
        free(r);
        r = next;
    }
}

int reader_members(const reader_t *r)
{
    int k = 0;
    for (; r; r = r->next)
        k++;
    return k;
}

int reader_word_id(const reader_t *r, const char *word, size_t len)
{
    int id = vocab_find_n(r->v, word, len);
    return id > READER_UNK ? id : READER_UNK;
}

/* ---- reading one clause ------------------------------------------------------------ */

/* Sums of the members' probabilities for one clause of n words. */
typedef struct probs {
    float act[READER_NACTS], rel[READER_NRELS];
    float act_of[READER_MAX_MEMBERS][READER_NACTS];    /* each member's own */
    int k;                                              /* members added */
    float *tag;     /* [n, NTAGS] */
    float *vrel;    /* [n, NRELS] */
} probs_t;

/* One clause's inputs and activations, made once and kept across the members that can
 * share them: the n-gram features of members with the same buckets, the scratch of
 * members with the same sizes (each member's word rows are its own). */
typedef struct scratch {
    int T, nb;              /* nb: the buckets off/idx were made for (0: none yet) */
    int *ids, *off, *idx;   /* [T], [T + 1], [T * READER_MAX_NGRAMS] */
    reader_work_t *w;       /* for E = we, H = wh */
    int we, wh;
} scratch_t;

static void scratch_free(scratch_t *x)
{
    free(x->ids);
    free(x->off);
    free(x->idx);
    reader_work_free(x->w);
}

/* Adds member r's probabilities for words[0..n) (x->T = max(n, 1) positions) into sum.
 * MODEL_OK or MODEL_ENOMEM. */
static int member_add(const reader_t *r, const char *const *words, const unsigned char *caps,
                      int n, scratch_t *x, probs_t *sum)
{
    int T = x->T;
    if (x->nb != r->c.Nb) {
        x->off[0] = 0;
        for (int t = 0; t < T; t++) {
            const char *s = t < n && words[t] ? words[t] : "";
            x->off[t + 1] = x->off[t] + (t < n ? reader_features(s, strlen(s), caps && caps[t],
                                                                 r->c.Nb, x->idx + x->off[t],
                                                                 READER_MAX_NGRAMS)
                                               : 0);
        }
        x->nb = r->c.Nb;
    }
    if (!x->w || x->we != r->c.E || x->wh != r->c.H) {
        reader_work_free(x->w);
        if (!(x->w = reader_work_new(&r->c, 1, T)))
            return MODEL_ENOMEM;
        x->we = r->c.E, x->wh = r->c.H;
    }
    for (int t = 0; t < T; t++) {
        const char *s = t < n && words[t] ? words[t] : "";
        x->ids[t] = t < n ? reader_word_id(r, s, strlen(s)) : READER_PAD;
    }
    int len1 = n;
    reader_batch_t b = {.B = 1, .T = T, .ids = x->ids, .off = x->off, .idx = x->idx,
                        .len = &len1};
    reader_net_forward(x->w, &r->p, &r->c, &b);
    const float *pa, *pr, *pt, *pv;
    reader_work_probs(x->w, &pa, &pr, &pt, &pv);
    for (int k = 0; k < READER_NACTS; k++) {
        sum->act[k] += pa[k];
        if (sum->k < READER_MAX_MEMBERS)
            sum->act_of[sum->k][k] = pa[k];
    }
    sum->k++;
    for (int k = 0; k < READER_NRELS; k++)
        sum->rel[k] += pr[k];
    for (size_t i = 0; i < (size_t)n * READER_NTAGS; i++)
        sum->tag[i] += pt[i];
    for (size_t i = 0; i < (size_t)n * READER_NRELS; i++)
        sum->vrel[i] += pv[i];
    return MODEL_OK;
}

float reader_median(float *v, int k)
{
    for (int i = 1; i < k; i++)         /* insertion sort: k is a handful */
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            float t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return k <= 0 ? 0.0f : k % 2 ? v[k / 2] : 0.5f * (v[k / 2 - 1] + v[k / 2]);
}

static int argmax(const float *p, int n)
{
    int best = 0;
    for (int k = 1; k < n; k++)
        if (p[k] > p[best])
            best = k;
    return best;
}

int reader_read(const reader_t *r, const char *const *words, const unsigned char *caps, int n,
                reader_out_t *out, char *err, size_t errlen)
{
    if (!r || n < 0 || (n > 0 && (!words || !out->tags))) {
        set_err(err, errlen, "reader_read: no reader, or no words or tags buffer");
        return MODEL_EINVAL;
    }
    if (n > READER_MAX_CLAUSE) {
        set_err(err, errlen, "a clause of %d words; the reader reads at most %d", n,
                READER_MAX_CLAUSE);
        return MODEL_EINVAL;
    }
    int rc = MODEL_OK, k = 0;
    size_t m = n > 0 ? (size_t)n : 1;
    probs_t sum = {.tag = calloc(m * READER_NTAGS, sizeof(float)),
                   .vrel = calloc(m * READER_NRELS, sizeof(float))};
    scratch_t x = {.T = (int)m, .ids = malloc(sizeof(int) * m),
                   .off = malloc(sizeof(int) * (m + 1)),
                   .idx = malloc(sizeof(int) * m * READER_MAX_NGRAMS)};
    if (!sum.tag || !sum.vrel || !x.ids || !x.off || !x.idx) {
        rc = MODEL_ENOMEM;
        goto done;
    }
    for (const reader_t *mb = r; mb; mb = mb->next, k++)
        if ((rc = member_add(mb, words, caps, n, &x, &sum)) != MODEL_OK)
            goto done;
    /* the mean of the members' probabilities (one member: its own, unchanged) */
    float inv = 1.0f / (float)k;
    for (int j = 0; j < READER_NACTS && k > 1; j++)
        sum.act[j] *= inv;
    for (int j = 0; j < READER_NRELS && k > 1; j++)
        sum.rel[j] *= inv;
    for (size_t i = 0; i < (size_t)n * READER_NTAGS && k > 1; i++)
        sum.tag[i] *= inv;
    for (size_t i = 0; i < (size_t)n * READER_NRELS && k > 1; i++)
        sum.vrel[i] *= inv;
    out->act = argmax(sum.act, READER_NACTS);
    float of[READER_MAX_MEMBERS];
    for (int j = 0; j < k && j < READER_MAX_MEMBERS; j++)
        of[j] = sum.act_of[j][out->act];
    out->act_p = reader_median(of, k < READER_MAX_MEMBERS ? k : READER_MAX_MEMBERS);
    out->rel = argmax(sum.rel, READER_NRELS);
    out->rel_p = sum.rel[out->rel];
    if (n > 0)
        reader_decode_tags(out->tags, sum.tag, n);
    for (int t = 0; t < n && out->vrels; t++) {
        int tg = out->tags[t];
        int valued = tg == READER_B_VALUE || tg == READER_I_VALUE || tg == READER_B_OLD ||
                     tg == READER_I_OLD;
        out->vrels[t] = (unsigned char)(valued ? argmax(sum.vrel + (size_t)t * READER_NRELS,
                                                        READER_NRELS)
                                               : out->rel);
    }
done:
    if (rc == MODEL_ENOMEM)
        set_err(err, errlen, "out of memory");
    free(sum.tag);
    free(sum.vrel);
    scratch_free(&x);
    return rc;
}

/* ---- bytes ------------------------------------------------------------------------- */

/* Version 2 added the value-relation head, version 3 the case mark among a word's
 * features (older readers are refused with advice), version 4 the calibrated fact
 * threshold (a version-3 reader gets READER_FACT_MIN_P_V3); version 5 is an ensemble of
 * version-3 or -4 members (reader_internal.h); version 6 is a reader of one of those
 * versions with the small-talk gate (gate.h): u64 length and the reader's bytes, u64
 * length and the gate's. */
enum { SECTION_VERSION = 4, SECTION_OLDEST = 3, SECTION_ENSEMBLE = 5, SECTION_GATED = 6 };

/* One member's bytes (r alone, not the members after it) into b. */
static void member_put(bytes_out_t *b, const reader_t *r)
{
    net_tensor_t t[READER_NTENSORS];
    uint64_t np = reader_param_table(&r->c, t);
    bytes_put_u32(b, SECTION_VERSION);
    bytes_put_u32(b, (uint32_t)r->c.V);
    bytes_put_u32(b, (uint32_t)r->c.Nb);
    bytes_put_u32(b, (uint32_t)r->c.E);
    bytes_put_u32(b, (uint32_t)r->c.H);
    bytes_put_u32(b, READER_NACTS);
    bytes_put_u32(b, READER_NRELS);
    bytes_put_u32(b, READER_NTAGS);
    bytes_put(b, &r->fact_min_p, sizeof(float));
    bytes_put_u32(b, READER_NTENSORS);
    for (int i = 0; i < READER_NTENSORS; i++) {
        uint8_t l = (uint8_t)strlen(t[i].name);
        uint64_t sz = t[i].size;
        bytes_put(b, &l, 1);
        bytes_put(b, t[i].name, l);
        bytes_put(b, &sz, 8);
    }
    for (int i = 0; i < r->c.V; i++) {
        const char *w = vocab_word(r->v, i);
        size_t l = strlen(w);
        uint16_t l16 = (uint16_t)(l > 65535 ? 65535 : l);
        bytes_put(b, &l16, 2);
        bytes_put(b, w, l16);
    }
    bytes_put(b, &np, 8);
    bytes_put(b, r->buf, (size_t)np * sizeof(float));
}

unsigned char *reader_serialize(const reader_t *r, size_t *len)
{
    bytes_out_t b = {0};
    if (r->gate) {
        size_t rl = 0, gl = 0;
        reader_t bare = *r;
        bare.gate = NULL;
        unsigned char *rb = reader_serialize(&bare, &rl), *gb = gate_serialize(r->gate, &gl);
        if (rb && gb) {
            bytes_put_u32(&b, SECTION_GATED);
            bytes_put_u64(&b, rl);
            bytes_put(&b, rb, rl);
            bytes_put_u64(&b, gl);
            bytes_put(&b, gb, gl);
        }
        b.oom |= !rb || !gb;
        free(rb);
        free(gb);
    } else if (!r->next) {
        member_put(&b, r);
    } else {
        bytes_put_u32(&b, SECTION_ENSEMBLE);
        bytes_put_u32(&b, (uint32_t)reader_members(r));
        bytes_put(&b, &r->fact_min_p, sizeof(float));
        for (const reader_t *m = r; m; m = m->next) {
            bytes_out_t one = {0};
            member_put(&one, m);
            bytes_put_u64(&b, one.n);
            bytes_put(&b, one.p, one.n);
            b.oom |= one.oom;
            free(one.p);
        }
    }
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    *len = b.n;
    return b.p;
}

static reader_t *member_parse(const unsigned char *buf, size_t len, char *err, size_t errlen);

/* An ensemble's section after its version: members, threshold, the members' bytes. */
static reader_t *ensemble_parse(bytes_in_t *in, char *err, size_t errlen)
{
    reader_t *head = NULL, **tail = &head;
    uint32_t k = bytes_u32(in);
    float min_p = bytes_f32(in);
    if (in->bad) {
        set_err(err, errlen, "reader section: truncated in the ensemble's header");
        return NULL;
    }
    if (k < 2 || k > READER_MAX_MEMBERS) {
        set_err(err, errlen,
                "reader section: an ensemble needs 2 to %d members, this one has %u",
                READER_MAX_MEMBERS, (unsigned)k);
        return NULL;
    }
    if (!(min_p >= 0.0f && min_p <= 1.0f)) {
        set_err(err, errlen, "reader section: fact threshold %g is not a probability",
                (double)min_p);
        return NULL;
    }
    char why[256];
    for (uint32_t i = 0; i < k; i++) {
        uint64_t n = bytes_u64(in);
        const unsigned char *mb = in->bad || n > in->n - in->at ? NULL : bytes_get(in, n);
        if (!mb) {
            set_err(err, errlen, "reader section: member %u truncated", (unsigned)i + 1);
            goto fail;
        }
        if (!(*tail = member_parse(mb, n, why, sizeof why))) {
            set_err(err, errlen, "member %u: %s", (unsigned)i + 1, why);
            goto fail;
        }
        tail = &(*tail)->next;
    }
    if (in->at != in->n) {
        set_err(err, errlen, "reader section: %zu bytes after the ensemble's members",
                in->n - in->at);
        goto fail;
    }
    head->fact_min_p = min_p;
    return head;
fail:
    reader_free(head);
    return NULL;
}

/* A gated section after its version: the reader's bytes, then the gate's. */
static reader_t *gated_parse(bytes_in_t *in, char *err, size_t errlen)
{
    uint64_t rl = bytes_u64(in);
    const unsigned char *rb = in->bad || rl > in->n - in->at ? NULL : bytes_get(in, rl);
    uint64_t gl = rb ? bytes_u64(in) : 0;
    const unsigned char *gb = !rb || in->bad || gl > in->n - in->at ? NULL : bytes_get(in, gl);
    if (!gb || in->at != in->n) {
        set_err(err, errlen, "reader section: %s", !gb ? "truncated in the gated reader"
                                                       : "bytes after the gate");
        return NULL;
    }
    uint32_t inner = rl >= 4 ? (uint32_t)(rb[0] | rb[1] << 8 | rb[2] << 16 | (uint32_t)rb[3] << 24)
                             : 0;
    if (inner == SECTION_GATED) {
        set_err(err, errlen, "reader section: a gated reader inside a gated reader");
        return NULL;
    }
    reader_t *r = reader_parse(rb, rl, err, errlen);
    if (!r) return NULL;
    char why[200];
    if (!(r->gate = gate_parse(gb, gl, why, sizeof why))) {
        set_err(err, errlen, "reader section: %s", why);
        reader_free(r);
        return NULL;
    }
    return r;
}

reader_t *reader_parse(const unsigned char *buf, size_t len, char *err, size_t errlen)
{
    bytes_in_t in = {buf, len, 0, 0};
    uint32_t ver = bytes_u32(&in);
    if (!in.bad && ver == SECTION_ENSEMBLE)
        return ensemble_parse(&in, err, errlen);
    if (!in.bad && ver == SECTION_GATED)
        return gated_parse(&in, err, errlen);
    return member_parse(buf, len, err, errlen);
}

/* One reader's section (version 3 or 4). */
static reader_t *member_parse(const unsigned char *buf, size_t len, char *err, size_t errlen)
{
    bytes_in_t in = {buf, len, 0, 0};
    vocab_t *v = NULL;
    float *p = NULL;
    uint32_t ver = bytes_u32(&in);
    if (in.bad) {
        set_err(err, errlen, "reader section: truncated (%zu bytes)", len);
        return NULL;
    }
    if (ver == SECTION_ENSEMBLE) {
        set_err(err, errlen, "reader section: unsupported version %u (a member is of "
                "version %d or %d)", (unsigned)ver, SECTION_OLDEST, SECTION_VERSION);
        return NULL;
    }
    if (ver < SECTION_OLDEST || ver > SECTION_VERSION) {
        set_err(err, errlen,
                "reader section: unsupported version %u (this build reads %d to %d%s)",
                (unsigned)ver, SECTION_OLDEST, SECTION_ENSEMBLE,
                ver < SECTION_OLDEST ? "; train the reader again: mnemo reader train" : "");
        return NULL;
    }
    reader_cfg_t c;
    for (int f = 0; f < READER_NFIELDS; f++) {
        uint32_t x = bytes_u32(&in);
        const reader_limit_t *l = &reader_limits[f];
        if (in.bad) {
            set_err(err, errlen, "reader section: truncated in the sizes");
            return NULL;
        }
        if (modelfile_limit_check(l, x, "reader section: ", err, errlen) < 0)
            return NULL;
        *reader_cfg_field(&c, f) = (int)x;
    }
    static const char *const what[3] = {"acts", "relations", "tags"};
    const uint32_t have[3] = {READER_NACTS, READER_NRELS, READER_NTAGS};
    for (int i = 0; i < 3; i++) {
        uint32_t x = bytes_u32(&in);
        if (!in.bad && x != have[i]) {
            set_err(err, errlen, "reader section: %u %s, this build has %u", (unsigned)x,
                    what[i], (unsigned)have[i]);
            return NULL;
        }
    }
    float min_p = READER_FACT_MIN_P_V3;
    if (ver >= 4) {
        const unsigned char *mp = bytes_get(&in, sizeof(float));
        if (mp) memcpy(&min_p, mp, sizeof(float));
        if (!in.bad && !(min_p >= 0.0f && min_p <= 1.0f)) {
            set_err(err, errlen, "reader section: fact threshold %g is not a probability",
                    (double)min_p);
            return NULL;
        }
    }
    net_tensor_t t[READER_NTENSORS];
    size_t np = reader_param_table(&c, t);
    uint32_t nt = bytes_u32(&in);
    if (!in.bad && nt != READER_NTENSORS) {
        set_err(err, errlen, "reader section: %u tensors, this build has %d", (unsigned)nt,
                READER_NTENSORS);
        return NULL;
    }
    for (int i = 0; i < READER_NTENSORS && !in.bad; i++) {
        const unsigned char *lp = bytes_get(&in, 1);
        size_t l = lp ? *lp : 0;
        const char *name = bytes_get(&in, l);
        uint64_t sz = bytes_u64(&in);
        if (in.bad)
            break;
        if (l != strlen(t[i].name) || memcmp(name, t[i].name, l) != 0 || sz != t[i].size) {
            set_err(err, errlen,
                    "reader section: tensor %d is '%.*s' of %llu floats, the sizes give "
                    "'%s' of %zu",
                    i, (int)l, name, (unsigned long long)sz, t[i].name, t[i].size);
            return NULL;
        }
    }
    if (in.bad || !(v = vocab_new())) {
        set_err(err, errlen, in.bad ? "reader section: truncated in the tensor table"
                                    : "out of memory");
        return NULL;
    }
    char word[65536];
    for (int i = 0; i < c.V && !in.bad; i++) {
        const unsigned char *lp = bytes_get(&in, 2);
        uint16_t l = 0;
        if (lp)
            memcpy(&l, lp, 2);
        const char *s = bytes_get(&in, l);
        if (in.bad)
            break;
        memcpy(word, s, l);
        word[l] = '\0';
        int id = i < 3 ? (strcmp(word, vocab_word(v, i)) == 0 ? i : -2) : vocab_add(v, word);
        if (id != i) {
            set_err(err, errlen, "reader section: word %d '%s' is %s", i, word,
                    id == -2 ? "not the reserved one" : "a duplicate");
            vocab_free(v);
            return NULL;
        }
    }
    uint64_t npf = bytes_u64(&in);
    if (in.bad || npf != np || in.n - in.at != np * sizeof(float)) {
        size_t left = in.bad ? 0 : in.n - in.at;
        set_err(err, errlen,
                "reader section: %s (%llu parameters, the sizes give %zu; %zu bytes left)",
                in.bad || (npf == np && left < np * sizeof(float)) ? "truncated"
                                                                   : "mismatched sizes",
                (unsigned long long)npf, np, left);
        vocab_free(v);
        return NULL;
    }
    if (!(p = malloc(np * sizeof(float)))) {
        vocab_free(v);
        set_err(err, errlen, "out of memory (%zu reader parameters)", np);
        return NULL;
    }
    memcpy(p, bytes_get(&in, np * sizeof(float)), np * sizeof(float));
    reader_t *r = reader_wrap(&c, v, p);
    if (!r)
        set_err(err, errlen, "out of memory");
    else
        r->fact_min_p = min_p;
    return r;
}

/* infer.c: the loaded model as the agent uses it: sentence vectors (position-encoded
 * embeddings, L2-normalized) and answering a question from memory slots, one example at
 * a time with a per-thread session. Text becomes words through the shared tokenizer and
 * vocab_words (the rule the bAbI reader uses too); unknown words read their hashed
 * bucket and, when copied into an answer, come back as written. The kind of a reply is
 * the model's: its output ids against the phrase table the model file carries. */
#include "model/model.h"
#include "model/model_internal.h"
#include "model/modelfile.h"
#include "model/reader_internal.h"
#include "model/tokenizer.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A reply phrase as ids (modelfile_phrase_ids). */
typedef struct phrase_ids {
    int kind, n;
    int ids[MODELFILE_PHRASE_WORDS];
} phrase_ids_t;

struct model {
    net_cfg_t c;
    vocab_t *v;
    float *buf;
    net_params_t p;
    char tag[9];
    phrase_ids_t ph[MODELFILE_MAX_PHRASES];
    int nph;
    reader_t *reader; /* NULL when the file has no reader section */
};

struct model_session {
    const model_t *m;
    net_work_t *w;
    int *story, *question, *pred;
    vocab_span_t *slot_words; /* [S*J] the word each story id came from (in the slots' tokens) */
    vocab_span_t *qwords;     /* [J] */
};

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static const char *const kind_names[] = {
    [MODEL_KIND_OTHER] = "other",
    [MODEL_KIND_STATEMENT] = "statement",
    [MODEL_KIND_ANSWER] = "answer",
};
enum { NKINDS = sizeof kind_names / sizeof *kind_names };

const char *model_kind_name(int kind)
{
    return kind >= 0 && kind < NKINDS ? kind_names[kind] : kind_names[MODEL_KIND_OTHER];
}

int model_kind_parse(const char *name)
{
    for (int k = 0; name && k < NKINDS; k++)
        if (strcmp(name, kind_names[k]) == 0)
            return k;
    return -1;
}

model_t *model_load(const char *path, char *err, size_t errlen)
{
    modelfile_phrases_t ph;
    char why[256];
    model_t *m = calloc(1, sizeof *m);
    if (!m) {
        set_err(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    unsigned char *rd = NULL;
    size_t rdlen = 0;
    if (modelfile_read_reader(path, &m->c, &m->v, &ph, &m->buf, NULL, &rd, &rdlen, err,
                              errlen) < 0)
        goto fail;
    if (rd) {
        m->reader = reader_parse(rd, rdlen, why, sizeof why);
        free(rd);
        if (!m->reader) {
            set_err(err, errlen, "%s: %s", path, why);
            goto fail;
        }
    }
    if (modelfile_phrases_ack(&ph) < 0) {
        set_err(err, errlen,
                "%s: the model has no acknowledgement phrase, so it cannot tell statements "
                "from questions; train it with `mnemo train --ack N` (N > 0) or --persona N",
                path);
        goto fail;
    }
    for (int i = 0; i < ph.n; i++) {
        phrase_ids_t *q = &m->ph[m->nph++];
        q->kind = ph.p[i].kind;
        q->n = modelfile_phrase_ids(m->v, ph.p[i].text, q->ids, MODELFILE_PHRASE_WORDS, why,
                                    sizeof why);
        if (q->n < 0) { /* the reader checked the table: only memory gets here */
            set_err(err, errlen, "%s: %s", path, why);
            goto fail;
        }
    }
    net_carve(&m->p, m->buf, &m->c);
    uint32_t crc = modelfile_crc32(0, &m->c, sizeof m->c);
    crc = modelfile_crc32(crc, m->buf, sizeof(float) * net_nparams(&m->c));
    snprintf(m->tag, sizeof m->tag, "%08x", (unsigned)crc);
    return m;
fail:
    model_free(m);
    return NULL;
}

void model_free(model_t *m)
{
    if (!m)
        return;
    vocab_free(m->v);
    free(m->buf);
    reader_free(m->reader);
    free(m);
}

const net_cfg_t *model_cfg(const model_t *m) { return &m->c; }
const vocab_t *model_vocab(const model_t *m) { return m->v; }
const net_params_t *model_params(const model_t *m) { return &m->p; }
int model_dim(const model_t *m) { return m->c.D; }
const reader_t *model_reader(const model_t *m) { return m->reader; }
const char *model_tag(const model_t *m) { return m->tag; }

/* tok_split into tl, its code as a model_err. */
static int split(const char *text, tok_list_t *tl, char *err, size_t errlen)
{
    int rc = tok_split(text, strlen(text), tl, err, errlen);
    if (rc == TOK_OK)
        return MODEL_OK;
    if (rc != TOK_EINVAL)
        set_err(err, errlen, "out of memory");
    return rc == TOK_EINVAL ? MODEL_EINVAL : MODEL_ENOMEM;
}

/* ids [J] (0-padded) of the first J words the model reads of text (tokenized as tl;
 * VOCAB_QMARK when qmark); words [J] gets them as spans into tl. Returns how many. */
static int text_ids(const model_t *m, const char *text, const tok_list_t *tl, int qmark,
                    int *ids, vocab_span_t *words)
{
    int J = m->c.J;
    memset(ids, 0, sizeof(int) * (size_t)J);
    int n = vocab_words(text, strlen(text), tl, qmark, words, J);
    if (n > J)
        n = J;
    for (int i = 0; i < n; i++)
        ids[i] = vocab_id_n(m->v, words[i].s, words[i].len, m->c.Hb);
    return n;
}

int model_encode_tokens(const model_t *m, const tok_list_t *toks, float *vec, char *err,
                        size_t errlen)
{
    int *ids = calloc((size_t)m->c.J, sizeof *ids);
    vocab_span_t *w = calloc((size_t)m->c.J, sizeof *w);
    int rc = MODEL_ENOMEM;
    if (!ids || !w) {
        set_err(err, errlen, "out of memory");
        goto out;
    }
    text_ids(m, "", toks, 0, ids, w);
    pe_forward(vec, ids, m->p.emb, 1, m->c.J, m->c.D);
    double ss = 0;
    for (int k = 0; k < m->c.D; k++)
        ss += (double)vec[k] * vec[k];
    if (ss > 0) {
        float inv = (float)(1.0 / sqrt(ss));
        for (int k = 0; k < m->c.D; k++)
            vec[k] *= inv;
    }
    rc = MODEL_OK;
out:
    free(ids);
    free(w);
    return rc;
}

int model_encode(const model_t *m, const char *text, float *vec, char *err, size_t errlen)
{
    tok_list_t tl = {0};
    int rc = split(text, &tl, err, errlen);
    if (rc == MODEL_OK)
        rc = model_encode_tokens(m, &tl, vec, err, errlen);
    tok_list_free(&tl);
    return rc;
}

model_session_t *model_session_new(const model_t *m)
{
    model_session_t *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    size_t SJ = (size_t)m->c.S * m->c.J;
    s->m = m;
    s->w = net_work_new(&m->c, 1);
    s->story = calloc(SJ, sizeof(int));
    s->question = calloc((size_t)m->c.J, sizeof(int));
    s->pred = calloc((size_t)m->c.T, sizeof(int));
    s->slot_words = calloc(SJ, sizeof *s->slot_words);
    s->qwords = calloc((size_t)m->c.J, sizeof *s->qwords);
    if (!s->w || !s->story || !s->question || !s->pred || !s->slot_words || !s->qwords) {
        model_session_free(s);
        return NULL;
    }
    return s;
}

void model_session_free(model_session_t *s)
{
    if (!s)
        return;
    net_work_free(s->w);
    free(s->story);
    free(s->question);
    free(s->pred);
    free(s->slot_words);
    free(s->qwords);
    free(s);
}

/* The word of bucket id in the slot with the most attention a [used] among those that
 * hold it (two unknown words may share a bucket); NULL when no slot holds it. */
static const vocab_span_t *bucket_word(const model_session_t *s, const float *a, int used,
                                       int id)
{
    int J = s->m->c.J;
    const vocab_span_t *w = NULL;
    float best = -1.0f;
    for (int i = 0; i < used; i++)
        for (int j = 0; j < J; j++)
            if (s->story[(size_t)i * J + j] == id && a[i] > best) {
                best = a[i];
                w = &s->slot_words[(size_t)i * J + j];
            }
    return w;
}

/* The kind of the reply pred [n]: the phrase table's kind when it is one of its phrases,
 * else an answer. */
static int reply_kind(const model_t *m, const int *pred, int n)
{
    for (int i = 0; i < m->nph; i++)
        if (m->ph[i].n == n && memcmp(m->ph[i].ids, pred, sizeof(int) * (size_t)n) == 0)
            return m->ph[i].kind;
    return MODEL_KIND_ANSWER;
}

int model_answer(model_session_t *s, const char *const *slots, int nslots,
                 const char *question, const tok_list_t *qtoks, char *answer, size_t anslen,
                 int *kind, float *attn, char *err, size_t errlen)
{
    const model_t *m = s->m;
    int S = m->c.S, J = m->c.J, T = m->c.T, rc = MODEL_ENOMEM;
    int first = nslots > S ? nslots - S : 0, used = nslots - first;
    tok_list_t *tls = calloc((size_t)used + 1, sizeof *tls); /* the slots', the question's */
    if (!tls) {
        set_err(err, errlen, "out of memory");
        return MODEL_ENOMEM;
    }
    memset(s->story, 0, sizeof(int) * (size_t)S * J);
    memset(s->slot_words, 0, sizeof *s->slot_words * (size_t)S * J);
    for (int i = 0; i < used; i++) {
        if ((rc = split(slots[first + i], &tls[i], err, errlen)) != MODEL_OK)
            goto out;
        text_ids(m, slots[first + i], &tls[i], 0, s->story + (size_t)i * J,
                 s->slot_words + (size_t)i * J);
    }
    if (!qtoks) {
        if ((rc = split(question, &tls[used], err, errlen)) != MODEL_OK)
            goto out;
        qtoks = &tls[used];
    }
    text_ids(m, question, qtoks, 1, s->question, s->qwords);
    net_batch_t b = {1, s->story, s->question, NULL, NULL};
    net_predict(s->w, &m->p, &b, s->pred);
    const float *a = net_attention(s->w, m->c.hops - 1, 1);
    if (attn)
        for (int i = 0; i < nslots; i++)
            attn[i] = i < first ? 0.0f : a[i - first];
    size_t at = 0;
    int ntok = 0;
    if (anslen)
        answer[0] = 0;
    for (int t = 0; t < T && s->pred[t] != LAYERS_EOS && s->pred[t] != LAYERS_PAD; t++) {
        int id = s->pred[t];
        const char *w = vocab_word(m->v, id);
        size_t wl = w ? strlen(w) : 0;
        if (id >= m->c.V) { /* a bucket: the word it was copied from, in the slot read most */
            const vocab_span_t *sp = bucket_word(s, a, used, id);
            w = sp ? sp->s : NULL;
            wl = sp ? sp->len : 0;
        }
        if (!w) {
            w = "<unk>";
            wl = strlen(w);
        }
        int n = snprintf(at < anslen ? answer + at : NULL, at < anslen ? anslen - at : 0,
                         "%s%.*s", ntok ? " " : "", (int)wl, w);
        if (n > 0)
            at += (size_t)n;
        ntok++;
    }
    if (kind)
        *kind = reply_kind(m, s->pred, ntok);
    rc = ntok;
out:
    for (int i = 0; i <= used; i++)
        tok_list_free(&tls[i]);
    free(tls);
    return rc;
}

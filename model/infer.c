/* infer.c: the loaded model as the daemon uses it: sentence vectors (position-encoded
 * embeddings, L2-normalized) and answering a question from memory slots, one example at
 * a time with a per-thread session. Words go through the shared tokenizer; unknown
 * words read their hashed bucket and, when copied into an answer, come back as written. */
#include "model/model.h"
#include "model/tokenizer.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct model {
    net_cfg_t c;
    vocab_t *v;
    float *buf;
    net_params_t p;
    char tag[9];
};

struct model_session {
    const model_t *m;
    net_work_t *w;
    int *story, *question, *pred;
    char **slot_words; /* [S*J] the token each story id came from (not owned) */
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

model_t *model_load(const char *path, char *err, size_t errlen)
{
    model_t *m = calloc(1, sizeof *m);
    if (!m) {
        set_err(err, errlen, "out of memory");
        return NULL;
    }
    if (modelfile_read(path, &m->c, &m->v, &m->buf, NULL, err, errlen) < 0) {
        free(m);
        return NULL;
    }
    net_carve(&m->p, m->buf, &m->c);
    uint32_t crc = modelfile_crc32(0, &m->c, sizeof m->c);
    crc = modelfile_crc32(crc, m->buf, sizeof(float) * net_nparams(&m->c));
    snprintf(m->tag, sizeof m->tag, "%08x", (unsigned)crc);
    return m;
}

void model_free(model_t *m)
{
    if (!m)
        return;
    vocab_free(m->v);
    free(m->buf);
    free(m);
}

const net_cfg_t *model_cfg(const model_t *m) { return &m->c; }
const vocab_t *model_vocab(const model_t *m) { return m->v; }
const net_params_t *model_params(const model_t *m) { return &m->p; }
int model_dim(const model_t *m) { return m->c.D; }
const char *model_tag(const model_t *m) { return m->tag; }

/* ids [J] (0-padded) of text's first J words; words [J] (or NULL) gets the token
 * strings, owned by tl. Returns the number of words or -1. */
static int encode_text(const model_t *m, const char *text, int *ids, char **words,
                       tok_list_t *tl, int qmark, char *err, size_t errlen)
{
    memset(ids, 0, sizeof(int) * m->c.J);
    if (tok_split(text, strlen(text), tl, err, errlen) != TOK_OK)
        return -1;
    int n = 0;
    for (int i = 0; i < tl->n && n < m->c.J; i++) {
        if (tl->kind[i] == TOK_CJK_BIGRAM)
            continue;
        size_t stem = babi_possessive(tl->v[i]);
        if (stem)
            tl->v[i][stem] = '\0';
        ids[n] = vocab_id(m->v, tl->v[i], m->c.Hb);
        if (words)
            words[n] = tl->v[i];
        n++;
        if (stem && n < m->c.J) {
            ids[n] = vocab_id(m->v, BABI_POSS, m->c.Hb);
            if (words)
                words[n] = BABI_POSS;
            n++;
        }
    }
    if (qmark && n < m->c.J && babi_question_mark(text, strlen(text))) {
        ids[n] = vocab_id(m->v, BABI_QMARK, m->c.Hb);
        if (words)
            words[n] = BABI_QMARK;
        n++;
    }
    return n;
}

int model_encode(const model_t *m, const char *text, float *vec, char *err, size_t errlen)
{
    int *ids = calloc((size_t)m->c.J, sizeof *ids);
    tok_list_t tl = {0};
    if (!ids) {
        set_err(err, errlen, "out of memory");
        return -1;
    }
    int n = encode_text(m, text, ids, NULL, &tl, 0, err, errlen);
    tok_list_free(&tl);
    if (n < 0) {
        free(ids);
        return -1;
    }
    pe_forward(vec, ids, m->p.emb, 1, m->c.J, m->c.D);
    free(ids);
    double ss = 0;
    for (int k = 0; k < m->c.D; k++)
        ss += (double)vec[k] * vec[k];
    if (ss > 0) {
        float inv = (float)(1.0 / sqrt(ss));
        for (int k = 0; k < m->c.D; k++)
            vec[k] *= inv;
    }
    return 0;
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
    s->slot_words = calloc(SJ, sizeof(char *));
    if (!s->w || !s->story || !s->question || !s->pred || !s->slot_words) {
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
    free(s);
}

/* The word of bucket id in the slot with the most attention a [used] among those that
 * hold it (two unknown words may share a bucket); NULL when no slot holds it. */
static const char *bucket_word(const model_session_t *s, const float *a, int used, int id)
{
    int J = s->m->c.J;
    const char *w = NULL;
    float best = -1.0f;
    for (int i = 0; i < used; i++)
        for (int j = 0; j < J; j++)
            if (s->story[(size_t)i * J + j] == id && a[i] > best) {
                best = a[i];
                w = s->slot_words[(size_t)i * J + j];
            }
    return w;
}

int model_answer(model_session_t *s, const char *const *slots, int nslots,
                 const char *question, char *answer, size_t anslen, float *attn,
                 char *err, size_t errlen)
{
    const model_t *m = s->m;
    int S = m->c.S, J = m->c.J, T = m->c.T, rc = -1;
    int first = nslots > S ? nslots - S : 0, used = nslots - first;
    tok_list_t *tls = calloc((size_t)used + 1, sizeof *tls);
    if (!tls) {
        set_err(err, errlen, "out of memory");
        return -1;
    }
    memset(s->story, 0, sizeof(int) * (size_t)S * J);
    memset(s->slot_words, 0, sizeof(char *) * (size_t)S * J);
    for (int i = 0; i < used; i++)
        if (encode_text(m, slots[first + i], s->story + (size_t)i * J,
                        s->slot_words + (size_t)i * J, &tls[i], 0, err, errlen) < 0)
            goto out;
    if (encode_text(m, question, s->question, NULL, &tls[used], 1, err, errlen) < 0)
        goto out;
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
        if (id >= m->c.V) /* a bucket: the word it was copied from, in the slot read most */
            w = bucket_word(s, a, used, id);
        if (!w)
            w = "<unk>";
        int n = snprintf(at < anslen ? answer + at : NULL, at < anslen ? anslen - at : 0, "%s%s",
                         ntok ? " " : "", w);
        if (n > 0)
            at += (size_t)n;
        ntok++;
    }
    rc = ntok;
out:
    for (int i = 0; i <= used; i++)
        tok_list_free(&tls[i]);
    free(tls);
    return rc;
}

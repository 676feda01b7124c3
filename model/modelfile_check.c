/* modelfile_check.c: what a model file may hold, in one place: the range of every
 * hyper-parameter it carries (the reader refuses a file outside them, `mnemo train`
 * bounds its options by them, so no file sends a layer past what it was compiled for)
 * and the rules of the reply-phrase table (kinds, lengths, words in the vocabulary). */
#include "model/modelfile.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Why each maximum: hops by the episodic layer's per-hop arrays (EPI_MAX_HOPS); J by
 * the copy pointer's loop reference (64 words a slot); T by the longest answer the
 * trainer keeps and then some; the rest keep one worker's scratch within memory. */
const modelfile_limit_t modelfile_limits[MODELFILE_NFIELDS] = {
    [MODELFILE_V] = {"V", 3, 1000000},
    [MODELFILE_HB] = {"buckets", 1, 65536},
    [MODELFILE_D] = {"hidden", 4, 1024},
    [MODELFILE_A] = {"gate hidden", 1, 1024},
    [MODELFILE_S] = {"slots", 1, 1000},
    [MODELFILE_J] = {"words", 1, 64},
    [MODELFILE_T] = {"steps", 2, 32},
    [MODELFILE_HOPS] = {"hops", 1, EPI_MAX_HOPS},
    [MODELFILE_TIED] = {"tied", 0, 1},
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

int *modelfile_field(net_cfg_t *c, int f)
{
    switch (f) {
    case MODELFILE_V: return &c->V;
    case MODELFILE_HB: return &c->Hb;
    case MODELFILE_D: return &c->D;
    case MODELFILE_A: return &c->A;
    case MODELFILE_S: return &c->S;
    case MODELFILE_J: return &c->J;
    case MODELFILE_T: return &c->T;
    case MODELFILE_HOPS: return &c->hops;
    default: return &c->tied;
    }
}

int modelfile_limit_check(const modelfile_limit_t *l, int64_t x, const char *what, char *err,
                          size_t errlen)
{
    if (x >= l->min && x <= l->max)
        return 0;
    set_err(err, errlen, "%s%s %lld is out of range %d..%d", what, l->name, (long long)x,
            l->min, l->max);
    return -1;
}

int modelfile_cfg_check(const net_cfg_t *c, char *err, size_t errlen)
{
    net_cfg_t cc = *c;
    for (int f = 0; f < MODELFILE_NFIELDS; f++)
        if (modelfile_limit_check(&modelfile_limits[f], *modelfile_field(&cc, f), "", err,
                                  errlen) < 0)
            return -1;
    return 0;
}

int modelfile_phrase_ids(const vocab_t *v, const char *text, int *ids, int max, char *err,
                         size_t errlen)
{
    tok_list_t tl = {0};
    vocab_span_t w[MODELFILE_PHRASE_WORDS];
    int rc = -1;
    size_t len = strlen(text);
    if (tok_split(text, len, &tl, NULL, 0) != TOK_OK) {
        set_err(err, errlen, "'%s' is not UTF-8 text", text);
        goto out;
    }
    int cap = max < MODELFILE_PHRASE_WORDS ? max : MODELFILE_PHRASE_WORDS;
    int n = vocab_words(text, len, &tl, 0, w, cap);
    if (n < 1 || n > cap) {
        set_err(err, errlen, "'%s' has %d words, 1..%d allowed", text, n, cap);
        goto out;
    }
    for (int i = 0; i < n; i++) {
        ids[i] = vocab_find_n(v, w[i].s, w[i].len);
        if (ids[i] < 3) { /* unknown, or a reserved id */
            set_err(err, errlen, "'%s': the word '%.*s' is not in the vocabulary", text,
                    (int)w[i].len, w[i].s);
            goto out;
        }
    }
    rc = n;
out:
    tok_list_free(&tl);
    return rc;
}

int modelfile_phrases_ack(const modelfile_phrases_t *ph)
{
    for (int i = 0; i < ph->n; i++)
        if (ph->p[i].kind == MODEL_KIND_STATEMENT)
            return i;
    return -1;
}

int modelfile_phrases_add(modelfile_phrases_t *ph, const vocab_t *v, int kind,
                          const char *text, char *err, size_t errlen)
{
    int ids[MODELFILE_PHRASE_WORDS];
    if (kind != MODEL_KIND_STATEMENT && kind != MODEL_KIND_OTHER) {
        set_err(err, errlen, "kind %d is neither the acknowledgement (%d) nor small talk (%d)",
                kind, MODEL_KIND_STATEMENT, MODEL_KIND_OTHER);
        return -1;
    }
    if (ph->n >= MODELFILE_MAX_PHRASES) {
        set_err(err, errlen, "more than %d phrases", MODELFILE_MAX_PHRASES);
        return -1;
    }
    if (strlen(text) >= MODELFILE_PHRASE_BYTES) {
        set_err(err, errlen, "'%.20s...' is longer than %d bytes", text,
                MODELFILE_PHRASE_BYTES - 1);
        return -1;
    }
    if (modelfile_phrase_ids(v, text, ids, MODELFILE_PHRASE_WORDS, err, errlen) < 0)
        return -1;
    if (kind == MODEL_KIND_STATEMENT && modelfile_phrases_ack(ph) >= 0) {
        set_err(err, errlen, "'%s' would be a second acknowledgement", text);
        return -1;
    }
    for (int i = 0; i < ph->n; i++)
        if (strcmp(ph->p[i].text, text) == 0) {
            set_err(err, errlen, "'%s' is in the table twice", text);
            return -1;
        }
    modelfile_phrase_t *p = &ph->p[ph->n++];
    p->kind = kind;
    snprintf(p->text, sizeof p->text, "%s", text);
    return 0;
}

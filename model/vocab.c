/* vocab.c: the vocabulary (an open-addressing FNV-1a hash map from words to dense ids,
 * ids 0..2 reserved) and the rule that turns a tokenized text into the words the model
 * reads. The bAbI reader interns a corpus's words in a vocab_t too, so there is one map
 * in the model code. */
#include "model/vocab.h"
#include "model/layers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct vocab {
    char **keys;   /* by id, owned, NUL-terminated */
    size_t *lens;  /* by id */
    int n, cap;    /* ids in use, capacity of keys */
    int *slots;    /* [nslots] id + 1, 0 = empty */
    size_t nslots; /* a power of two */
};

static uint32_t fnv(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

int vocab_find_n(const vocab_t *v, const char *w, size_t len)
{
    if (!v->nslots)
        return -1;
    for (size_t i = fnv(w, len) & (v->nslots - 1);; i = (i + 1) & (v->nslots - 1)) {
        int id = v->slots[i] - 1;
        if (id < 0)
            return -1;
        if (v->lens[id] == len && memcmp(v->keys[id], w, len) == 0)
            return id;
    }
}

static int grow(vocab_t *v)
{
    size_t ns = v->nslots ? v->nslots * 2 : 256;
    int *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return -1;
    for (int id = 0; id < v->n; id++) {
        size_t i = fnv(v->keys[id], v->lens[id]) & (ns - 1);
        while (slots[i])
            i = (i + 1) & (ns - 1);
        slots[i] = id + 1;
    }
    free(v->slots);
    v->slots = slots;
    v->nslots = ns;
    return 0;
}

int vocab_add_n(vocab_t *v, const char *w, size_t len)
{
    int id = vocab_find_n(v, w, len);
    if (id >= 0)
        return id;
    if ((size_t)(v->n + 1) * 2 > v->nslots && grow(v) < 0)
        return -1;
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 64;
        char **k = realloc(v->keys, sizeof *k * cap);
        if (!k)
            return -1;
        v->keys = k;
        size_t *l = realloc(v->lens, sizeof *l * cap);
        if (!l)
            return -1;
        v->lens = l;
        v->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, w, len);
    copy[len] = '\0';
    id = v->n++;
    v->keys[id] = copy;
    v->lens[id] = len;
    size_t i = fnv(w, len) & (v->nslots - 1);
    while (v->slots[i])
        i = (i + 1) & (v->nslots - 1);
    v->slots[i] = id + 1;
    return id;
}

vocab_t *vocab_new(void)
{
    vocab_t *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    if (vocab_add(v, "<pad>") != LAYERS_PAD || vocab_add(v, "<eos>") != LAYERS_EOS ||
        vocab_add(v, "<go>") != LAYERS_GO) {
        vocab_free(v);
        return NULL;
    }
    return v;
}

void vocab_free(vocab_t *v)
{
    if (!v)
        return;
    for (int i = 0; i < v->n; i++)
        free(v->keys[i]);
    free(v->keys);
    free(v->lens);
    free(v->slots);
    free(v);
}

int vocab_add(vocab_t *v, const char *w) { return vocab_add_n(v, w, strlen(w)); }
int vocab_find(const vocab_t *v, const char *w) { return vocab_find_n(v, w, strlen(w)); }
int vocab_size(const vocab_t *v) { return v->n; }

int vocab_id_n(const vocab_t *v, const char *w, size_t len, int Hb)
{
    int id = vocab_find_n(v, w, len);
    return id >= 0 ? id : emb_bucket(w, len, v->n, Hb);
}

int vocab_id(const vocab_t *v, const char *w, int Hb) { return vocab_id_n(v, w, strlen(w), Hb); }

const char *vocab_word(const vocab_t *v, int id)
{
    return id >= 0 && id < v->n ? v->keys[id] : NULL;
}

/* ---- text -> words -------------------------------------------------------------- */

size_t vocab_possessive(const char *word)
{
    size_t n = strlen(word);
    return n > 2 && word[n - 2] == '\'' && word[n - 1] == 's' ? n - 2 : 0;
}

int vocab_question_mark(const char *text, size_t len)
{
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r' ||
                   text[len - 1] == '\n' || text[len - 1] == '"' || text[len - 1] == '\''))
        len--;
    return len && text[len - 1] == '?';
}

static void put(vocab_span_t *out, int max, int *n, const char *s, size_t len)
{
    if (*n < max)
        out[*n] = (vocab_span_t){s, len};
    (*n)++;
}

int vocab_words(const char *text, size_t len, const tok_list_t *tl, int qmark,
                vocab_span_t *out, int max)
{
    int n = 0;
    for (int i = 0; i < tl->n; i++) {
        if (tl->kind[i] == TOK_CJK_BIGRAM)
            continue; /* one token per character is enough for the model */
        size_t stem = vocab_possessive(tl->v[i]);
        put(out, max, &n, tl->v[i], stem ? stem : strlen(tl->v[i]));
        if (stem)
            put(out, max, &n, VOCAB_POSS, strlen(VOCAB_POSS));
    }
    if (qmark && vocab_question_mark(text, len))
        put(out, max, &n, VOCAB_QMARK, strlen(VOCAB_QMARK));
    return n;
}

/* senc.h: the sentence encoder of the dense search leg, fastText style: every content
 * word of a text reads the mean of the embedding rows of its stem and of its character
 * n-grams (hashed buckets, so names, typos and unseen words still read real rows), the
 * words' vectors are averaged, each weighted by how rare its stem is in English (a fixed
 * table, smooth inverse frequency), projected by a learned matrix and L2-normalized. Trained
 * contrastively (senc_train.h) so that a question lands near the sentence that answers
 * it and a paraphrase near its original. Its own file (model/senc.mnemo); the weights
 * are read-only after loading and may be shared by threads. */
#ifndef MNEMO_MODEL_SENC_H
#define MNEMO_MODEL_SENC_H

#include <stddef.h>
#include <stdint.h>

#include "model/tokenizer.h"

#define SENC_MAGIC "MNEMOSEN"
enum { SENC_VERSION = 1 };

/* Bounds of the hyper-parameters a file may carry (checked on load); Nw may also be 0. */
enum {
    SENC_MIN_BUCKETS = 16, SENC_MAX_BUCKETS = 1 << 22,
    SENC_MIN_DIM = 2, SENC_MAX_DIM = 1024,
};

/* Its shape: Nb embedding rows of E floats, a projection to D, Nw word-weight slots. */
typedef struct senc_cfg {
    int Nb;     /* hashed buckets shared by stems and n-grams */
    int E;      /* embedding width */
    int D;      /* output (sentence vector) length */
    int Nw;     /* hashed slots of word weights; 0: every word weighs the same */
} senc_cfg_t;

/* The weights: one buffer, table [Nb x E] then proj [D x E] (row-major), trained; and
 * the word weights wt [Nw], fixed before training (senc_word_weights). */
typedef struct senc {
    senc_cfg_t cfg;
    float *params;      /* owned; senc_nparams(cfg) floats */
    float *table, *proj;/* carved from params */
    float *wt;          /* owned; [Nw], 1 until set; NULL when Nw is 0 */
    char tag[9];        /* eight hex digits: CRC-32 of the file's bytes */
} senc_t;

size_t senc_nparams(const senc_cfg_t *c);
/* A new encoder with zeroed parameters and word weights of 1; NULL when out of memory or
 * c out of bounds. */
senc_t *senc_new(const senc_cfg_t *c);
void senc_free(senc_t *s);
/* Recomputes s->tag from the weights (after training changes them). */
void senc_retag(senc_t *s);

/* Loads path; NULL with err starting with the path and saying what is wrong (cannot
 * read, truncated, wrong magic, unsupported version, a size out of bounds, a size that
 * disagrees with the file's length, a bad checksum, a weight that is not finite). */
senc_t *senc_load(const char *path, char *err, size_t errlen);
/* The same from bytes in memory (err does not name a file). */
senc_t *senc_parse(const unsigned char *buf, size_t len, char *err, size_t errlen);
/* Writes s to path through a temporary file renamed into place. 0 or -1 with err. */
int senc_save(const senc_t *s, const char *path, char *err, size_t errlen);

/* ---- features --------------------------------------------------------------------- */

/* A text's features: bucket b[i] of the table with weight w[i]; the weights of one text
 * sum to 1 (each word weighs its word weight, shared by its stem and n-grams), or the
 * list is empty for a text with no tokens. Grows as needed; free with senc_feats_free. */
typedef struct senc_feats {
    int *b;
    float *w;
    int n, cap;
} senc_feats_t;
/* Replaces f's contents by the features of toks: stopwords are left out unless the text
 * has nothing else. 0, or -1 when out of memory. */
int senc_features(const senc_t *s, const tok_list_t *toks, senc_feats_t *f);
/* The weight of a word token (its stem's slot of wt; 1 without word weights). */
float senc_word_weight(const senc_t *s, const char *tok);
/* The slot of wt a stem (lex_stem's) weighs through. */
int senc_word_slot(const senc_cfg_t *c, const char *stem, size_t len);
void senc_feats_free(senc_feats_t *f);

/* ---- inference -------------------------------------------------------------------- */

/* vec [D] = normalize(proj [D x E] . sum_i w[i] table[b[i]]), all zeros for no features.
 * scratch holds E + D floats. */
void senc_forward(const senc_t *s, const senc_feats_t *f, float *vec, float *scratch);
/* Its loop twin (double accumulation, no BLAS), for the tests. */
void senc_forward_ref(const senc_t *s, const senc_feats_t *f, float *vec);

/* The sentence vector vec [D] of text already split by tok_split. 0 or -1 when out of
 * memory. */
int senc_encode_tokens(const senc_t *s, const tok_list_t *toks, float *vec);
/* The same from text: 0, TOK_EINVAL for invalid UTF-8 (err says where) or TOK_ENOMEM. */
int senc_encode(const senc_t *s, const char *text, size_t len, float *vec, char *err,
                size_t errlen);

#endif

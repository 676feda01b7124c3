/* lexical.h: the lexical half of a memory vector: a signed feature-hashed sketch of
 * word unigrams and bigrams (CJK: characters and character bigrams), L2-normalized.
 * Common function words are down-weighted and English suffixes lightly stemmed, so
 * "walked" finds "walking". */
#ifndef MNEMO_MODEL_LEXICAL_H
#define MNEMO_MODEL_LEXICAL_H

#include <stddef.h>

#define LEX_DIM 384                 /* dimensions of the sketch */
#define LEX_ENCODER_ID "lex1-384"   /* recorded with every stored vector */

/* Encodes text into out[LEX_DIM], L2-normalized (all zeros when the text has no
 * tokens). Returns 0, TOK_EINVAL for invalid UTF-8 (err filled) or TOK_ENOMEM. */
int lex_encode(const char *text, size_t len, float *out, char *err, size_t errlen);

/* The bucket and sign a single (already tokenized) feature hashes to. Exposed for
 * the tests and for query-side term weighting. */
void lex_feature(const char *feature, size_t len, int *bucket, float *sign);

#endif

/* lexical.h: the lexical half of a memory vector: a signed feature-hashed sketch of
 * stemmed English content words and of CJK characters and character bigrams,
 * L2-normalized. Stopwords weigh nothing (unless a text has nothing else), English
 * suffixes are lightly stemmed and common irregular verbs mapped to their base, so
 * "walked" finds "walking" and "went" finds "go". Each feature lands in LEX_PROBES
 * buckets, each with its own hashed sign. Word bigrams are not used: they lowered
 * recall at every weight measured (docs/RETRIEVAL.md, which also explains the size). */
#ifndef MNEMO_MODEL_LEXICAL_H
#define MNEMO_MODEL_LEXICAL_H

#include <stddef.h>

#define LEX_DIM 512                 /* dimensions of the sketch */
#define LEX_PROBES 4                /* buckets per feature */
#define LEX_ENCODER_ID "lex1-512"   /* recorded with every stored vector */

/* Encodes text into out[LEX_DIM], L2-normalized (all zeros when the text has no
 * tokens). Returns 0, TOK_EINVAL for invalid UTF-8 (err filled) or TOK_ENOMEM. */
int lex_encode(const char *text, size_t len, float *out, char *err, size_t errlen);
/* The same from text already split by tok_split (t is only read): 0 or TOK_ENOMEM. */
struct tok_list;
int lex_encode_tokens(const struct tok_list *t, float *out);

/* The LEX_PROBES buckets and signs a single feature hashes to: bucket and sign must
 * each hold LEX_PROBES entries. A feature is what lex_encode hashes: a word's stem
 * ("walk" for "walking"), a CJK character, or a pair of CJK characters. Exposed for
 * the tests and for query-side term weighting. */
void lex_feature(const char *feature, size_t len, int *bucket, float *sign);

/* The words the sketch ignores, for callers that compare texts by their content words
 * (tokens of tok_split): 1 when a word token is an English function word ("my", "is",
 * "the"), and when a single CJK character token is a function character (的, の).
 * Defined in lex_words.c. */
int lex_is_stopword(const char *tok);
int lex_cjk_stop(const char *tok);

/* The text a word index is asked with: a copy of text with each English stopword (an
 * ASCII word of lex_is_stopword's list, any case, ' or U+2019 as its apostrophe)
 * overwritten by spaces, every other byte as it was, so the copy has text's length. A
 * text with no other ASCII word is copied whole (as the sketch keeps a text of
 * stopwords alone; its CJK, if any, is read by the CJK index either way). Returns a malloc'd string the caller frees, or NULL when out of
 * memory. Defined in lex_query.c. */
char *lex_query_text(const char *text);

#endif

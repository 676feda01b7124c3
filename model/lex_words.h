/* lex_words.h (private to model/): the English word normalization behind the lexical
 * sketch: a stopword list, a few common CJK function characters, and a light stemmer
 * that maps inflected forms to a shared stem ("walked", "walking", "walks" -> "walk"). */
#ifndef MNEMO_MODEL_LEX_WORDS_H
#define MNEMO_MODEL_LEX_WORDS_H

#include <stddef.h>

#define LEX_WORD_MAX 64   /* longer words are cut to their first 63 bytes */

/* 1 when the (lower-case) token is an English function word. */
int lex_is_stopword(const char *tok);

/* 1 when the single CJK character is a common function character (的, 了, の, は...). */
int lex_cjk_stop(const char *tok);

/* Writes the stem of tok into out[outlen] (NUL-terminated) and returns its length.
 * Apostrophe forms lose their clitic ("caroline's" -> "caroline", "didn't" -> "did"),
 * common irregular verbs map to their base form ("went" -> "go"), then regular
 * suffixes are stripped. Words with non-ASCII bytes only lose clitics. */
size_t lex_stem(const char *tok, char *out, size_t outlen);

#endif

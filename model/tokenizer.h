/* tokenizer.h: UTF-8-aware word tokenizer shared by the lexical sketch and the model.
 * ASCII is lower-cased (so are fullwidth ASCII, folded to ASCII, Latin-1, Latin
 * Extended-A, basic Greek and Cyrillic); text splits on whitespace, punctuation,
 * symbols and emoji, CJK and fullwidth punctuation included. Digits stay in tokens
 * ("2023", "7pm"); other letters stay inside words ("élodie"). An apostrophe (' or ’)
 * between letters stays in the word as ' ("don't", "caroline's" are one token each).
 * Each CJK character (ideograph, kana, Hangul) is a token of its own and adjacent CJK
 * characters also yield a character bigram token, right after the second character
 * ("猫狗" -> "猫", "狗", "猫狗"). Scripts written without spaces other than CJK (Thai,
 * Lao...) come out as one word per run. Invalid UTF-8 is rejected, never guessed at. */
#ifndef MNEMO_MODEL_TOKENIZER_H
#define MNEMO_MODEL_TOKENIZER_H

#include <stddef.h>

enum tok_err { TOK_OK = 0, TOK_EINVAL = -1, TOK_ENOMEM = -2 };

/* A token list owns its strings. kind[i] is TOK_WORD, TOK_CJK (one CJK character)
 * or TOK_CJK_BIGRAM (two adjacent CJK characters); cap[i] is 1 when the word's first
 * letter was written in upper case ("Tom", "I"), the one trace of case the lower-cased
 * tokens keep (the reader uses it to tell names). */
enum tok_kind { TOK_WORD = 0, TOK_CJK = 1, TOK_CJK_BIGRAM = 2 };

typedef struct tok_list {
    char **v;          /* n NUL-terminated UTF-8 tokens, owned */
    unsigned char *kind; /* n entries of enum tok_kind */
    unsigned char *cap;  /* n entries, 0 or 1 */
    int n;
    int cap_n;          /* entries allocated */
} tok_list_t;

/* Returns 1 when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF), else 0. */
int tok_utf8_valid(const char *s, size_t len);

/* Splits text into out (which must be zeroed or freed before; it is overwritten).
 * Returns TOK_OK, TOK_EINVAL for invalid UTF-8 (err says at which byte offset and
 * why), or TOK_ENOMEM. On failure out is left empty. text may be NULL when len is 0. */
int tok_split(const char *text, size_t len, tok_list_t *out, char *err, size_t errlen);

void tok_list_free(tok_list_t *l);

#endif

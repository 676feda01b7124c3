/* understand_internal.h: private to agent/'s reading of a clause: the word lists and
 * helpers (defined in understand_words.c) that understand.c (the reader's spans mended
 * into units) and forms.c (the forms the reader does not mark) read words with.
 * Nothing here allocates. */
#ifndef MNEMO_AGENT_UNDERSTAND_INTERNAL_H
#define MNEMO_AGENT_UNDERSTAND_INTERNAL_H

#include <stddef.h>
#include "agent/understand_words.h"    /* understand_personal_words and the other lists */

/* Words that cannot be a value on their own ("of her", "us", "pls"). */
extern const char *const understand_empty_words[];

/* 1 when w is one CJK ideograph (U+3400..U+9FFF, as tok_split gives them). */
int understand_is_cjk(const char *w);
/* The words words[s..e) as the clause text [c, c + cn) spells them, into out (len
 * bytes): from the first word's start to the last word's end, ended at punctuation;
 * the words joined when they cannot be found. */
void understand_as_written(const char *c, size_t cn, const char *const *words, int s, int e,
                           char *out, size_t len);
/* 1 when words[0..n) hold a number: digits, an English number word or a Chinese
 * numeral ("三十"). */
int understand_has_digit(const char *const *words, int n);
/* 1 when w is only a number: at most three digits, or one English number word. */
int understand_number_only(const char *w);
/* 1 when the text [c, c + cn) holds s byte for byte. */
int understand_holds_text(const char *c, size_t cn, const char *s);
/* Where s first occurs in c[0, cn) as written, or -1. */
long understand_text_at(const char *c, size_t cn, const char *s);
/* A name as the possessive wrote it loses the "'s" ("Rory's": Rory), in place. */
void understand_drop_possessive(char *name);

#endif

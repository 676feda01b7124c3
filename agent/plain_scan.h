/* plain_scan.h: the scanning that plain.c and restate.c share: one of a list of phrases
 * found in a text, a word read after spaces, a number word, a two-byte UTF-8 letter.
 * Private to agent/ (plain.c, restate.c). Pure functions; no allocation. */
#ifndef MNEMO_AGENT_PLAIN_SCAN_H
#define MNEMO_AGENT_PLAIN_SCAN_H

#include <stddef.h>

/* Where s[0, n) holds one of list (any case, NULL-terminated) first at or after from: its
 * offset, with the phrase's length in *len; -1 when none does. */
long plain_find_any(const char *s, size_t n, size_t from, const char *const *list, size_t *len);

/* 1 when the word msg[s, e) is a number: digits, or a word of one written out
 * ("thirty-two"). */
int plain_number_word(const char *msg, size_t s, size_t e);

/* The bytes of a letter of two bytes in UTF-8 at msg[i] (Latin with accents, Greek,
 * Cyrillic: "ö" of "Rölli"), else 0. */
size_t plain_two_byte_letter(const char *msg, size_t len, size_t i);

/* The word (letters and ', and digits when digits is set) starting after the spaces at
 * msg[i] into out (cap bytes), lower-cased: where it ends, or 0 when there is none or it
 * does not fit (out is then ""). */
size_t plain_read_word(const char *msg, size_t len, size_t i, char *out, size_t cap,
                       int digits);

#endif

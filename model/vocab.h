/* vocab.h: the model's words. The vocabulary maps words to ids (ids 0..2 are PAD, EOS,
 * GO; an unknown word reads its hashed bucket V + h). vocab_words is the one rule that
 * turns a tokenized text into the words the model reads (CJK bigrams left out, the
 * possessive 's as a word of its own, the question mark as a word), shared by the bAbI
 * reader (training) and inference so both see a sentence the same way. */
#ifndef MNEMO_MODEL_VOCAB_H
#define MNEMO_MODEL_VOCAB_H

#include <stddef.h>

#include "model/tokenizer.h"

/* ---- vocabulary: words <-> ids --------------------------------------------------- */

typedef struct vocab vocab_t;

vocab_t *vocab_new(void); /* holds "<pad>", "<eos>", "<go>"; NULL when out of memory */
void vocab_free(vocab_t *v);
/* Adds w (a copy) if absent; returns its id, or -1 on allocation failure. The _n forms
 * take w[0..len), which need not be NUL-terminated. */
int vocab_add(vocab_t *v, const char *w);
int vocab_add_n(vocab_t *v, const char *w, size_t len);
/* The id of w, or -1. */
int vocab_find(const vocab_t *v, const char *w);
int vocab_find_n(const vocab_t *v, const char *w, size_t len);
/* The id of w, or its hashed bucket V + h (emb_bucket) when it is unknown. */
int vocab_id(const vocab_t *v, const char *w, int Hb);
int vocab_id_n(const vocab_t *v, const char *w, size_t len, int Hb);
int vocab_size(const vocab_t *v);
const char *vocab_word(const vocab_t *v, int id); /* NULL when out of range; owned by v */

/* ---- text -> the words the model reads ----------------------------------------- */

/* The word a text ends with when it ends with '?' (the tokenizer drops punctuation, but
 * whether a message asks something matters to the model): added to bAbI question lines
 * and to the message model_answer answers. */
#define VOCAB_QMARK "?"
/* The possessive the model reads as a word of its own: "girlfriend's" is read as
 * "girlfriend" then VOCAB_POSS, so a relation told as "my girlfriend's name is Aria" is
 * the same word as in "who is my girlfriend?" even when the model has no embedding for
 * it. vocab_possessive returns the length of the stem when word ends with 's after at
 * least one character, else 0. */
#define VOCAB_POSS "'s"
size_t vocab_possessive(const char *word);

/* 1 when text[0..len) ends with '?' (trailing spaces and quotes ignored). */
int vocab_question_mark(const char *text, size_t len);

/* One word the model reads: s[0..len), pointing into a token of the list it came from
 * (a possessive's stem is a prefix of its token) or at VOCAB_POSS / VOCAB_QMARK. */
typedef struct vocab_span {
    const char *s;
    size_t len;
} vocab_span_t;

/* The words the model reads of text[0..len), tokenized as tl (tok_split of the same
 * text): every token but CJK bigrams, a possessive as its stem then VOCAB_POSS, and,
 * when qmark is set and the text ends with '?', VOCAB_QMARK last. Writes the first max
 * into out (which may be NULL when max is 0) and returns how many there are in all
 * (callers that keep J words keep the first J). Nothing is allocated; the spans live as
 * long as tl. */
int vocab_words(const char *text, size_t len, const tok_list_t *tl, int qmark,
                vocab_span_t *out, int max);

#endif

/* frame.h: what a statement does to the long-term memory, as pure functions of text
 * and numbers (no store, no model), so each rule has a table test. A statement either
 * repeats a memory (it updates it, or only marks it used when the text is the same) or
 * is new; and it supersedes the memories whose "frame" it shares: the same content words
 * but one or two of them changed ("My dog is called Rex." -> "My dog is called Max.").
 * The frame today is that word overlap, which cannot tell whose fact it is: "I was born
 * in Porto in 1990." -> "My brother was born in Porto too." counts as a replacement.
 * The model's tagger (holder, relation, value) is meant to take its place behind the
 * same calls. */
#ifndef MNEMO_AGENT_FRAME_H
#define MNEMO_AGENT_FRAME_H

#include <stddef.h>
#include <stdint.h>
#include "model/tokenizer.h"

/* The distinct content tokens of t (words that are not stopwords, CJK characters that
 * are not function characters; bigrams repeat their characters) copied into out, in
 * order of first appearance. out must be zeroed; the caller frees it with
 * tok_list_free. 0, or -1 when out of memory (out empty). */
int frame_content(const tok_list_t *t, tok_list_t *out);

/* 1 when a statement whose content tokens are next replaces one whose content tokens
 * are old: they share at least one, each has one or two the other lacks, and neither
 * has more of its own than they share. "I live in Paris." -> "I live in Berlin." does;
 * "My dog is called Rex." -> "My cat is called Tom." (only "called" shared) does not. */
int frame_replaces(const tok_list_t *next, const tok_list_t *old);

/* A memory the statement may repeat or replace: a search hit of the same user. */
typedef struct frame_candidate {
    int64_t id;
    const char *text;
    float cosine;           /* between the statement's vector and the memory's */
} frame_candidate_t;

/* What to write. supersede[] has room for every candidate (caller frees it). */
typedef struct frame_plan {
    int64_t update_id;      /* the memory the statement repeats, 0 = a new memory */
    int touch_only;         /* with update_id: the same text, only mark it used */
    int64_t *supersede;     /* the memories it replaces */
    size_t nsupersede;
} frame_plan_t;

/* Plans statement msg (its content tokens content) against candidates c[0..n): it
 * repeats the candidate of highest cosine when that reaches duplicate (the same text
 * always does), and supersedes every other candidate whose frame it replaces. Each
 * candidate's text is tokenized here (they are other texts). 0, or -1 when out of
 * memory (plan empty). */
int frame_plan(const char *msg, const tok_list_t *content, const frame_candidate_t *c,
               int n, double duplicate, frame_plan_t *plan);
void frame_plan_free(frame_plan_t *plan);

#endif

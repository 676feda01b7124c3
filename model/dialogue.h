/* dialogue.h: mnemo's generator of what people say to it, labelled for the reader
 * (reader.h): clauses with their act, relation and per-word frame tags, drawn from a
 * broad compositional grammar (many phrasings per act, fillers, typos, lower case,
 * contractions, emoji, several facts per message, Chinese), with values and relation
 * words from WordNet (lexicon.h) split into a training and a held-out pool, so that an
 * evaluation only meets words the reader was never trained on.
 *
 * The same (seed, index, pool) always gives the same clause or message. */
#ifndef MNEMO_MODEL_DIALOGUE_H
#define MNEMO_MODEL_DIALOGUE_H

#include <stddef.h>
#include <stdint.h>

enum dialogue_pool { DIALOGUE_TRAIN = 0, DIALOGUE_HELDOUT = 1 };

enum { DIALOGUE_MAX_WORDS = 48, DIALOGUE_WORD_BYTES = 48, DIALOGUE_TEXT_BYTES = 512 };

/* One labelled clause: its text as a person would type it, and its words as tok_split
 * gives them (CJK bigram tokens left out), each with its tag. */
typedef struct dialogue_clause {
    char text[DIALOGUE_TEXT_BYTES];
    int n;                                          /* words */
    char word[DIALOGUE_MAX_WORDS][DIALOGUE_WORD_BYTES];
    unsigned char tag[DIALOGUE_MAX_WORDS];          /* enum reader_tag */
    unsigned char cap[DIALOGUE_MAX_WORDS];          /* 1: written with a capital */
    unsigned char vrel[DIALOGUE_MAX_WORDS];         /* enum reader_rel of value and old-value
                                                     * words (the fact's each tells) */
    int act;                                        /* enum reader_act */
    int rel;                                        /* enum reader_rel */
    int phrasing;                                   /* the template used, for tests */
} dialogue_clause_t;

typedef struct dialogue dialogue_t;     /* the grammar and its word pools */

/* Builds the generator; wordnet_dir is Debian wordnet-base's folder
 * (/usr/share/wordnet; NULL = that) from which value and relation pools are read.
 * NULL with err when the folder cannot be read or yields too few words. */
dialogue_t *dialogue_new(const char *wordnet_dir, char *err, size_t errlen);
void dialogue_free(dialogue_t *d);
/* Adds the notes to d's phrasings: facts and questions jotted as "key: value" or as
 * fragments ("van: 2012 transit", "Roofer in Tartu", "dog name?"). Without this call a
 * generator makes the clauses it made before the notes were written (the shipped
 * readers were trained so). */
void dialogue_use_notes(dialogue_t *d);

/* Clause number idx of (seed, pool). Returns 0, or -1 when it could not be made. */
int dialogue_clause(const dialogue_t *d, uint64_t seed, uint64_t idx, int pool,
                    dialogue_clause_t *out);

/* Remark number idx of (seed, pool): a clause said in passing about the day (the
 * weather, a match, the commute, a mood, a visitor, a trip that may never happen), act
 * READER_SMALLTALK, or news that changes a lasting fact (a move, a new job, a pet
 * adopted), act READER_FACT; its words are all tagged O. The small-talk gate's training
 * data beside dialogue_clause's (the clauses dialogue_clause makes are not changed by
 * it). Returns 0, or -1 when it could not be made. */
int dialogue_remark(const dialogue_t *d, uint64_t seed, uint64_t idx, int pool,
                    dialogue_clause_t *out);

/* Tag convention (what the spans of a clause cover):
 *   HOLDER  the possessor phrase with its possessive determiner and 's: "my sister",
 *           "my sister's", "our cat", "my" (of "my name is"), "i", "i'm", "me", "we";
 *           no article ("i've got a [dog] called Rex"); Chinese 我 / 我的猫.
 *   REL     the words naming the relation, copula included where it carries it:
 *           "name is", "is called", "works as", "lives in", "moved to", "favourite
 *           food", "birthday is on", "years old", "allergic to"; forget and correction
 *           verbs are not REL ("forget", "sold" are O).
 *   VALUE   the value words only ("golden retriever", "New York", "March 3rd"); in
 *           questions only the value a yes/no question asks about, or the condition of
 *           a list question ("which of my kids plays [tennis]").
 *   OLD     the value a correction replaces ("not [Lina]", "don't work at [Bosch]").
 *   NAME    a holder's name given in passing ("my brother [Tom] is a plumber").
 * Relation words and values come from pools split in two by a hash of the word; the
 * most common relation words (mum, sister, dog ...) are in both pools, the rest and
 * every value and name in one only. */

/* 1 when w is one of the generator's pet words ("dog", "kitten", "guinea pig"): a
 * holder keyed by such a word is a kind of animal, not one breed of it. */
int dialogue_pet_word(const char *w);

/* How many templates there are, the act of template i (-1 out of range), and whether
 * it is a note (drawn only after dialogue_use_notes). */
int dialogue_nphrasings(void);
int dialogue_phrasing_act(int i);
int dialogue_phrasing_is_note(int i);

#endif

/* lexicon.h: reads Debian wordnet-base's noun files (data.noun, index.noun; format in
 * wndb(5)) and walks them: the synonyms of one sense of a word, and every lemma below a
 * sense through hyponym and instance pointers ("dog" -> "golden retriever", "city" ->
 * "Bergen"). The dialogue generator (dialogue.h) draws its value and relation pools
 * from here once, at start-up; nothing here is used per clause. */
#ifndef MNEMO_MODEL_LEXICON_H
#define MNEMO_MODEL_LEXICON_H

#include <stddef.h>

typedef struct lexicon lexicon_t;   /* both files, held in memory, read-only */

/* A growing list of lemmas, underscores turned into spaces; owns its strings. */
typedef struct lexicon_words {
    char **w;
    int n, cap;
} lexicon_words_t;

/* What lexicon_collect walks and keeps. */
enum lexicon_flags {
    LEX_HYPONYMS = 1,       /* follow ~ (kinds of) */
    LEX_INSTANCES = 2,      /* follow ~i (named instances: cities, countries) */
    LEX_KEEP_ROOT = 4,      /* keep the lemmas of the starting sense too */
    LEX_LOWER = 8,          /* keep only lemmas of lower-case letters (common nouns) */
    LEX_PROPER = 16,        /* keep only capitalised lemmas (names of places) */
    LEX_LEAVES_OF_INST = 32,/* with LEX_INSTANCES: keep only lemmas of instance synsets */
};

/* Loads dir/data.noun and dir/index.noun (dir NULL = /usr/share/wordnet). NULL with err
 * when a file cannot be read or does not look like WordNet. */
lexicon_t *lexicon_load(const char *dir, char *err, size_t errlen);
void lexicon_free(lexicon_t *lx);

/* Appends to out the lemmas reached from noun sense `sense` (1 = the first) of `lemma`
 * ("golden_retriever" or "golden retriever"), walking at most maxdepth pointer steps as
 * flags say, keeping lemmas of at most maxwords words, letters, spaces and hyphens only.
 * Returns how many were appended (duplicates are possible; see lexicon_words_uniq), or
 * -1 when the lemma or sense is unknown or memory runs out. */
int lexicon_collect(const lexicon_t *lx, const char *lemma, int sense, unsigned flags,
                    int maxdepth, int maxwords, lexicon_words_t *out);

/* Sorts out and drops repeated lemmas (case-insensitively, the first spelling kept). */
void lexicon_words_uniq(lexicon_words_t *out);
/* Appends a copy of s. 0 or -1 (out of memory). */
int lexicon_words_add(lexicon_words_t *out, const char *s);
void lexicon_words_free(lexicon_words_t *out);

#endif

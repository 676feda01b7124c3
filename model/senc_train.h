/* senc_train.h (training side of model/, never included by inference): the sentence
 * encoder's contrastive training. Pairs of texts that should land close (a question and
 * the sentence that answers it, a phrase and its paraphrase) are drawn from WordNet,
 * bAbI and the project's generators (senc_pairs.c); a batch of B pairs is scored by the
 * B x B cosines over a temperature, and each text must pick its own partner among the
 * other B - 1 (InfoNCE with in-batch negatives, both directions); Adam updates the rows
 * a batch touched and the projection. Seeded runs repeat exactly. */
#ifndef MNEMO_MODEL_SENC_TRAIN_H
#define MNEMO_MODEL_SENC_TRAIN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/senc.h"

/* ---- pairs ------------------------------------------------------------------------- */

/* Where a pair came from (for the counts a run prints). */
enum senc_source {
    SENC_SRC_SYNONYM, SENC_SRC_GLOSS, SENC_SRC_HYPERNYM, SENC_SRC_EXAMPLE,
    SENC_SRC_BABI, SENC_SRC_PERSONA, SENC_SRC_DIALOGUE, SENC_SRC_CROP, SENC_NSOURCES
};
const char *senc_source_name(int src);

/* A list of pairs; owns its strings. */
typedef struct senc_pairs {
    char **a, **b;
    unsigned char *src;     /* enum senc_source */
    int n, cap;
} senc_pairs_t;
int senc_pairs_add(senc_pairs_t *p, const char *a, const char *b, int src); /* 0 or -1 */
void senc_pairs_free(senc_pairs_t *p);

/* WordNet (wndb(5) data files of nouns, verbs, adjectives and adverbs in dir, NULL =
 * /usr/share/wordnet): two lemmas of a synset; a lemma and its definition; a lemma and
 * a lemma of its hypernym; a usage example and the same with its lemma swapped for a
 * synonym or a hypernym. Returns pairs added, or -1 with err. */
int senc_pairs_wordnet(senc_pairs_t *p, const char *dir, uint64_t seed, char *err,
                       size_t errlen);
/* bAbI: each question and one of its supporting facts, at most per_file of each file
 * qa*_train.txt in dir. Returns pairs added, or -1 with err. */
int senc_pairs_babi(senc_pairs_t *p, const char *dir, int per_file, uint64_t seed, char *err,
                    size_t errlen);
/* The personal-fact stories (persona.h, training pool): each question and the last
 * statement of the fact it asks about. nstories stories. Returns pairs added or -1. */
int senc_pairs_persona(senc_pairs_t *p, int nstories, uint64_t seed);
/* The dialogue generator (dialogue.h, training pool): a clause telling a fact and one
 * asking about the same relation (another value, another holder). Returns pairs added,
 * or -1 with err. */
int senc_pairs_dialogue(senc_pairs_t *p, const char *wordnet_dir, int n, uint64_t seed,
                        char *err, size_t errlen);

/* Crops: for pairs whose second text has at least min_words words, a run of 3 to 6 of
 * its words beside the whole text (a few words of a passage should find it; the rare
 * ones most), at most max of them, in the list's order. Returns pairs added or -1. */
int senc_pairs_crops(senc_pairs_t *p, int min_words, int max, uint64_t seed);

/* ---- the loss of a batch ------------------------------------------------------------ */

/* Floats of scratch senc_batch_loss needs for B pairs. */
size_t senc_batch_scratch(const senc_cfg_t *c, int B);
/* The mean InfoNCE loss of B pairs (fa[i], fb[i]) at temperature tau: for each i,
 * -log softmax_j(cos(a_i, b_j) / tau)[i] and the same with a and b swapped, averaged
 * over the 2B terms. When grads is not NULL, adds d loss / d params into it
 * (senc_nparams floats, laid out as s->params). *correct (or NULL) receives how many
 * a_i have b_i as their nearest b. */
double senc_batch_loss(const senc_t *s, const senc_feats_t *fa, const senc_feats_t *fb,
                       int B, float tau, float *grads, float *scratch, int *correct);

/* ---- training ----------------------------------------------------------------------- */

typedef struct senc_train_cfg {
    int epochs;
    int batch;          /* pairs per batch (B) */
    float lr;           /* Adam's peak step, decayed linearly to 0 */
    float tau;          /* temperature */
    float init;         /* table rows start uniform in [-init, init] */
    int valid;          /* pairs held out for validation */
    uint64_t seed;
} senc_train_cfg_t;
void senc_train_cfg_default(senc_train_cfg_t *c);

/* Sets s's word weights (s->cfg.Nw > 0) to smooth inverse frequency, a / (a + p), p a
 * stem's share of the sense-tagged counts of WordNet's cntlist.rev at path (lemma%key
 * sense count; multi-word lemmas skipped; stems by lex_stem): common words ("feel",
 * "great", "time") weigh little, rare ones and words it never counted (names) about 1.
 * Returns the number of stems counted, or -1 with err. */
int senc_word_weights(senc_t *s, const char *path, double a, char *err, size_t errlen);

/* Fills s's weights for training: the table uniform in [-init, init], the projection
 * the identity where E = D (else uniform in +-1/sqrt(E)). */
void senc_init(senc_t *s, uint64_t seed, float init);

/* Trains s on p as tc says, printing a line per epoch (and every few hundred steps)
 * to log: loss, in-batch accuracy, validation loss and accuracy, seconds. Retags s.
 * 0, or -1 with err (out of memory, fewer pairs than two batches). */
int senc_train(senc_t *s, const senc_pairs_t *p, const senc_train_cfg_t *tc, FILE *log,
               char *err, size_t errlen);

#endif

/* data.h: bAbI-format stories turned into training examples for the memory model.
 * A corpus holds the words of every file read (interned strings, read with the model's
 * text-to-words rule of vocab.h, so a question line ends with VOCAB_QMARK and a
 * possessive is two words); a set holds one split of it as model ids, ready to be cut
 * into mini-batches of net_batch_t. Training code: inference never includes it. */
#ifndef MNEMO_MODEL_DATA_H
#define MNEMO_MODEL_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "model/layers.h"
#include "model/vocab.h"

enum { BABI_TMAX = 8 };    /* longest answer kept, in tokens (bAbI has 3 at most) */

/* ---- the format, line by line (the reader and `mnemo eval --server` share it) ------ */

/* A non-blank line: its number, the text after the number up to the line's end (a
 * trailing CR dropped), and the first tab in it (NULL for a statement). */
typedef struct babi_line {
    long no;
    const char *body, *end, *tab;
} babi_line_t;
/* The next non-blank line of text[*at..len) (advancing *at and *lineno): 1, 0 at the
 * end, -1 when it does not start with its number (1..1000000). */
int babi_next_line(const char *text, size_t len, size_t *at, int *lineno, babi_line_t *l);
/* How many of a file's nstories stories are held out (its last ones): ceil(10%), one
 * when there are 2..10, none when there is one. */
int babi_heldout(int nstories);
/* The task number of a "qaN_..." file name (any folder), else 0. */
int babi_task_of(const char *name);

/* ---- corpus: files read, words interned, stories split train / validation -------- */

typedef struct babi_corpus babi_corpus_t;

babi_corpus_t *babi_corpus_new(void);
void babi_corpus_free(babi_corpus_t *c);
/* Reads one bAbI-format file and appends its questions. The last ceil(10%) of the
 * file's stories are the validation split. The task number comes from a "qaN_" file
 * name (0 otherwise). Returns 0, or -1 with the reason (file, line) in err. */
int babi_read_file(babi_corpus_t *c, const char *path, char *err, size_t errlen);
/* The same from a buffer (name only labels messages and gives the task). */
int babi_read_buffer(babi_corpus_t *c, const char *name, const char *text, size_t len,
                     char *err, size_t errlen);
/* From now on, 1 in `every` statements read (a fixed pseudo-random choice; 0 = none)
 * also becomes an example of its own: the statement itself as the question, the
 * story's statements before it as the slots and PERSONA_ACK as the answer. This is how
 * the model learns to acknowledge what it is told (set_build marks them in ack[]; the
 * trainer records their answer in the model file as the acknowledgement phrase). */
void babi_corpus_set_ack(babi_corpus_t *c, int every);

/* Whether questions read from now on end with VOCAB_QMARK (1, the default) or not (0:
 * as the models of issue 3 read bAbI, before the token existed; mnemo train
 * --question-mark 0 reproduces their runs). */
void babi_corpus_set_qmark(babi_corpus_t *c, int on);

/* The split of the stories of files read from now on: -1 (the default) holds out the
 * last ceil(10%) of each file's stories; 0 or 1 puts all of them in that split. */
void babi_corpus_set_split(babi_corpus_t *c, int split);

/* Counts: questions in split (0 train, 1 validation, -1 both); stories read. */
int babi_corpus_questions(const babi_corpus_t *c, int split);
int babi_corpus_stories(const babi_corpus_t *c);
/* Adds every word of the training split (statements, questions, answers) to v. */
int babi_vocab_build(const babi_corpus_t *c, vocab_t *v);
/* The same for words seen at least min_count times in the training split; rarer words
 * stay unknown (hashed buckets), so the model learns to copy words it has no
 * embedding of, as it must for the names people tell it. */
int babi_vocab_build_min(const babi_corpus_t *c, vocab_t *v, int min_count);

/* ---- sets: one split as model ids ------------------------------------------------- */

typedef struct babi_set {
    int J, Smax;     /* words per sentence (longer ones are cut), slots per example */
    int nsent;       /* statements in the pool */
    int *sent;       /* [nsent, J] ids, 0-padded */
    int n;           /* examples */
    int *q;          /* [n, J] question ids */
    int *ans;        /* [n, BABI_TMAX] answer ids, 0-padded */
    int *nans;       /* [n] answer length */
    int *s0, *ns;    /* [n] the example's slots: statements s0 .. s0+ns-1 (ns <= Smax) */
    int *task;       /* [n] task number (0 when unknown) */
    int *ack;        /* [n] 1 for an acknowledgement example (babi_corpus_set_ack) */
    int cut_words;   /* words dropped from sentences longer than J */
} babi_set_t;

/* Encodes split (0 train, 1 validation) with v (unknown words -> buckets of Hb). For
 * each question the slots are the story's statements so far, the most recent Smax.
 * Returns 0 or -1 (allocation failure). */
int babi_set_build(babi_set_t *s, const babi_corpus_t *c, const vocab_t *v, int split,
                   int Hb, int J, int Smax);
void babi_set_free(babi_set_t *s);

/* Writes examples idx[0..B) into a batch padded to S slots (S >= each ns) and T steps:
 * story [B,S,J] (slots oldest first from slot 0, then pad), question [B,J],
 * ans_in [B,T] (GO, answer, pad), ans_out [B,T] (answer, EOS, then -1).
 * Returns the number of answer targets (EOS included). */
int babi_batch_fill(const babi_set_t *s, const int *idx, int B, int S, int T, int *story,
                    int *question, int *ans_in, int *ans_out);

#endif

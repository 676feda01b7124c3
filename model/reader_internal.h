/* reader_internal.h: inside the reader (reader.h): its configuration and parameter
 * table, the layers its network is made of (each with its shapes, a loop twin where it
 * is optimized, and a finite-difference check in tests/layers/test_reader_grad.c), the
 * batched network the trainer runs, the reader's bytes in the model file, and training.
 * The agent does not include this; it sees reader.h only.
 *
 * The network. A clause of n words; each word w becomes x = emb[id(w)] + the mean of
 * ng[h] over the hashed character n-grams h of "<w>" (n = 3..5 code points, and the
 * whole "<w>", and a case mark when the word was written with a capital), E floats. A
 * forward and a backward GRU (H each) over x give
 * hc [T,2H] = [hf ; hb]; the pooled vector [4H] = [mean of hc over the words ; hf of the
 * last word ; hb of the first]; act = softmax(pooled Wa + ba), rel = softmax(pooled Wr +
 * br), tag_t = softmax(hc_t Wt + bt), and the relation of each value word vrel_t =
 * softmax(hc_t Wv + bv), so one clause can tell several facts ("I work as a nurse in
 * Leeds": job, workplace). Loss: the four cross-entropies summed (acts and relations
 * averaged over clauses, tags over the words of the batch, value relations over the
 * value and old-value words).
 *
 * Parameter size table (reader_param_table, in this order; the two tables first so
 * that the dense rest is one contiguous block for the optimizer):
 *   emb   [V, E]     word rows; row 0 pad (zeros, never trained), row READER_UNK unknown
 *   ng    [Nb, E]    hashed character n-gram rows
 *   gru_f GRU(E, H)  forward over the words
 *   gru_b GRU(E, H)  backward
 *   act   wa [4H, NACTS], ba [NACTS]
 *   rel   wr [4H, NRELS], br [NRELS]
 *   tag   wt [2H, NTAGS], bt [NTAGS]
 *   vrel  wv [2H, NRELS], bv [NRELS]
 */
#ifndef MNEMO_MODEL_READER_INTERNAL_H
#define MNEMO_MODEL_READER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/modelfile.h"
#include "model/dialogue.h"
#include "model/gate.h"
#include "model/layers.h"
#include "model/reader.h"
#include "model/vocab.h"

/* The reader's vocabulary is a vocab_t; of its reserved ids 0..2, 0 is the pad row and
 * 1 the row every word outside the vocabulary reads. */
enum { READER_PAD = 0, READER_UNK = 1 };

/* Training: the least share of value, old-value and name words that read the unknown
 * row (reader_train.c), so the tagger reads a value from its place in the clause. */
#define READER_VALUE_DROPOUT 0.5f

/* N-grams of one word at most (a long word keeps its first ones). */
enum { READER_MAX_NGRAMS = 64 };
/* Words reader_read takes in one clause. */
enum { READER_MAX_CLAUSE = 4096 };

typedef struct reader_cfg {
    int V;      /* vocabulary rows, reserved ids included */
    int Nb;     /* n-gram buckets */
    int E;      /* word feature size */
    int H;      /* GRU hidden size per direction */
} reader_cfg_t;

/* The bounds of every field, the only source of them (file check, train options). */
enum reader_field { READER_F_V, READER_F_NB, READER_F_E, READER_F_H, READER_NFIELDS };
typedef modelfile_limit_t reader_limit_t;     /* checked by modelfile_limit_check */
extern const reader_limit_t reader_limits[READER_NFIELDS];
int *reader_cfg_field(reader_cfg_t *c, int f);
/* 0, or -1 with err naming the first field out of range. */
int reader_cfg_check(const reader_cfg_t *c, char *err, size_t errlen);

enum { READER_NTENSORS = 8 };

typedef struct reader_params {
    float *emb;     /* [V, E] */
    float *ng;      /* [Nb, E] */
    gru_params_t gf, gb;
    float *wa, *ba; /* [4H, NACTS], [NACTS] */
    float *wr, *br; /* [4H, NRELS], [NRELS] */
    float *wt, *bt; /* [2H, NTAGS], [NTAGS] */
    float *wv, *bv; /* [2H, NRELS], [NRELS] */
} reader_params_t;

/* Fills t[READER_NTENSORS] (net_tensor_t: name, offset, size); returns the total. */
size_t reader_param_table(const reader_cfg_t *c, net_tensor_t *t);
size_t reader_nparams(const reader_cfg_t *c);
/* Floats of the two tables at the front of the buffer ((V + Nb) E). */
size_t reader_ntable(const reader_cfg_t *c);
void reader_carve(reader_params_t *p, float *buf, const reader_cfg_t *c);
/* Xavier-uniform matrices, zero biases, small normal table rows, pad row zero. */
void reader_init_params(float *buf, const reader_cfg_t *c, uint64_t seed);

/* ---- charngram.c: hashed character n-grams, fastText style -------------------------- */

/* The n-gram buckets of word[0..len) (UTF-8): n = 3..5 code points of "<word>" and the
 * whole "<word>" (when longer than 5), FNV-1a into [0, Nb). Writes at most max into out
 * and returns how many. A word that is not valid UTF-8 is taken byte by byte. */
int reader_ngrams(const char *word, size_t len, int Nb, int *out, int max);

/* A word's features: its n-grams (at most max - 1) and, when cap (its first letter was
 * upper case), the case mark's bucket. Returns how many it wrote into out. */
int reader_features(const char *word, size_t len, int cap, int Nb, int *out, int max);

/* The mean of n-gram rows. off [N+1] (absolute offsets into idx), idx [off[N]] bucket
 * ids, table [Nb,E] -> out [N,E] += mean over idx[off[i]..off[i+1]) of table rows (a row
 * without n-grams gets nothing). */
void reader_cng_forward(float *out, const int *off, const int *idx, const float *table, int N,
                        int E);
void reader_cng_forward_ref(float *out, const int *off, const int *idx, const float *table,
                            int N, int E);
/* dtable [Nb,E] += dout [N,E] / count, scattered to each row's n-grams. */
void reader_cng_backward(float *dtable, const float *dout, const int *off, const int *idx,
                         int N, int E);
void reader_cng_backward_ref(float *dtable, const float *dout, const int *off,
                             const int *idx, int N, int E);

/* ---- reader_layers.c: heads and pooling ---------------------------------------------- */

/* y [N,K] = x [N,In] w [In,K] + b [K]. */
void reader_linear_forward(float *y, const float *x, const float *w, const float *b, int N,
                           int In, int K);
void reader_linear_forward_ref(float *y, const float *x, const float *w, const float *b,
                               int N, int In, int K);
/* dy [N,K] -> dx [N,In] (or NULL), dw [In,K], db [K]; all added to. */
void reader_linear_backward(float *dx, float *dw, float *db, const float *dy, const float *x,
                            const float *w, int N, int In, int K);
void reader_linear_backward_ref(float *dx, float *dw, float *db, const float *dy,
                                const float *x, const float *w, int N, int In, int K);

/* Softmax cross-entropy. logits [N,K] -> P [N,K] (softmax rows); targets [N] (-1:
 * ignored). Returns the sum of -log P[n, target] (double). */
double reader_xent_forward(float *P, const float *logits, const int *targets, int N, int K);
/* dlogits [N,K] += scale (P - onehot(target)) on the rows whose target is not -1. */
void reader_xent_backward(float *dlogits, const float *P, const int *targets, int N, int K,
                          float scale);

/* Pooling. hc [B,T,2H] (hf | hb per step), len [B] (words 0..len-1 valid) ->
 * out [B,4H] = [mean_{t<len} hc_t ; hf_{len-1} ; hb_0] (zeros when len is 0). */
void reader_pool_forward(float *out, const float *hc, const int *len, int B, int T, int H);
/* dout [B,4H] -> dhc [B,T,2H] (added to). */
void reader_pool_backward(float *dhc, const float *dout, const int *len, int B, int T, int H);

/* ---- reader_net.c: the network over a batch --------------------------------------- */

/* A batch of B clauses padded to T words: ids [B,T] word rows (0 = pad), off [B*T+1]
 * and idx: each position's n-grams (off absolute into idx; a pad has none), len [B];
 * targets act [B], rel [B], tags [B,T] (-1 on pads), vrel [B,T] (the relation of value
 * and old-value words, -1 elsewhere), or all NULL when only predicting. */
typedef struct reader_batch {
    int B, T;
    const int *ids, *off, *idx, *len;
    const int *act, *rel, *tags, *vrel;
} reader_batch_t;

/* Activations and scratch for up to Bmax clauses of Tmax words, one float buffer. One
 * per thread; the parameters are shared read-only. */
typedef struct reader_work reader_work_t;
reader_work_t *reader_work_new(const reader_cfg_t *c, int Bmax, int Tmax);
void reader_work_free(reader_work_t *w);

/* Counts of a batch's targets: clauses, tagged words, words with a value relation. */
typedef struct reader_counts {
    int clauses, tok, vtok;
} reader_counts_t;
/* The counts of b's own targets. */
reader_counts_t reader_batch_counts(const reader_batch_t *b);

/* Forward. With targets, returns the loss (mean act CE + mean rel CE + mean tag CE +
 * mean value-relation CE) over b's own counts; without, returns 0. The probabilities
 * stay in w (reader_work_probs). */
double reader_net_forward(reader_work_t *w, const reader_params_t *p, const reader_cfg_t *c,
                          const reader_batch_t *b);
/* Backward of the last forward on w (targets required); adds into g (zeroed by the
 * caller). Each loss is averaged over the counts in n, those of the whole batch when b
 * is a worker's part of it (NULL: b's own). */
void reader_net_backward(reader_work_t *w, reader_params_t *g, const reader_params_t *p,
                         const reader_cfg_t *c, const reader_batch_t *b,
                         const reader_counts_t *n);
/* The last forward's probabilities: acts [B,NACTS], rels [B,NRELS], tags [B,T,NTAGS],
 * value relations [B,T,NRELS]. */
void reader_work_probs(const reader_work_t *w, const float **pa, const float **pr,
                       const float **pt, const float **pv);
/* Argmax tags of one clause of n words from probabilities pt [n,NTAGS] (row stride
 * NTAGS), with an I- tag that continues no span of its kind turned into B-. */
void reader_decode_tags(unsigned char *tags, const float *pt, int n);

/* ---- reader.c: the reader object and its bytes in the model file -------------------- */

struct reader {
    reader_cfg_t c;
    vocab_t *v;
    float *buf;         /* [reader_nparams] */
    reader_params_t p;
    float fact_min_p;   /* reader_fact_min_p (reader.h); an ensemble's is its first
                         * member's, set for the whole ensemble */
    struct reader *next;/* the next member of an ensemble (owned), or NULL */
    gate_t *gate;       /* the small-talk gate (owned; the first member's), or NULL */
};

/* Members an ensemble holds at most (a chat turn reads every clause with each). */
enum { READER_MAX_MEMBERS = 8 };

/* A reader that takes ownership of v and buf (both freed on failure too). */
reader_t *reader_wrap(const reader_cfg_t *c, vocab_t *v, float *buf);
/* Frees r and every member after it. */
void reader_free(reader_t *r);
/* How many members r is: 1 for one network. An ensemble is a chain of readers through
 * `next`, owned by its first; reader_read and reader_evaluate average the members'
 * probabilities (each member reads the words with its own vocabulary and sizes), then
 * decide as one reader does. */
int reader_members(const reader_t *r);
/* The median of v[0..k) (sorts v; the mean of the middle two when k is even). An
 * ensemble's act is the one of highest mean probability, and its confidence (act_p,
 * compared with the fact threshold) is the median of the members' probabilities of
 * that act: one member that reads a fact as a question does not make the others'
 * certainty doubtful. */
float reader_median(float *v, int k);
/* The word row of word[0..len): its vocabulary id, else READER_UNK. */
int reader_word_id(const reader_t *r, const char *word, size_t len);

/* The reader's section of the model file (modelfile.h, tag MODELFILE_READER_TAG), one
 * reader: u32 version 4 | u32 V, Nb, E, H, NACTS, NRELS, NTAGS | f32 fact_min_p (version 4
 * on; version 3 reads as READER_FACT_MIN_P_V3) | u32 ntensors, per tensor u8
 * name length, name, u64 floats | per word (V) u16 length, bytes | u64 nparams |
 * f32 params. An ensemble: u32 version 5 | u32 members (2..READER_MAX_MEMBERS) | f32
 * fact_min_p | per member u64 length, a one-reader section of version 3 or 4. The
 * file's CRC covers it. reader_serialize returns a malloc'd buffer
 * (*len bytes) or NULL (memory). reader_parse checks every field and returns a new
 * reader, or NULL with err ("reader section: ..."). */
unsigned char *reader_serialize(const reader_t *r, size_t *len);
reader_t *reader_parse(const unsigned char *buf, size_t len, char *err, size_t errlen);

/* ---- reader_train.c: data, training, evaluation ------------------------------------- */

/* Labelled clauses, packed. */
typedef struct reader_set {
    int n, nwords;
    int *cstart;            /* [n+1] first word of each clause */
    int *wstart;            /* [nwords+1] byte offset of each word in text */
    char *text;             /* words, each NUL-terminated */
    unsigned char *tag;     /* [nwords] */
    unsigned char *cap;     /* [nwords] 1: written with a capital */
    unsigned char *vrel;    /* [nwords] relation of value words, READER_SET_NOREL elsewhere */
    int *act, *rel;         /* [n] */
    int cap_n, cap_w;
    size_t cap_t, ntext;
} reader_set_t;

enum { READER_SET_NOREL = 255 };

void reader_set_init(reader_set_t *s);
void reader_set_free(reader_set_t *s);
/* Appends a clause (its first DIALOGUE_MAX_WORDS words). 0, or -1 on memory. */
int reader_set_add(reader_set_t *s, const dialogue_clause_t *cl);
/* Appends 1 in every lines of the bAbI-format file at path as clauses about others
 * (reader_babi.c: statements as facts, questions as questions or yes/no, no frame);
 * *added (may be NULL) receives how many. 0, or -1 with err. */
int reader_set_add_babi(reader_set_t *s, const char *path, int every, long *added, char *err,
                        size_t errlen);

/* The defaults of reader_train_opts_default and `mnemo reader train` (chosen so that
 * training to good held-out accuracy takes under half an hour on 2 cores; docs/MODEL.md
 * "The reader"). */
#define READER_DEF_CLAUSES 200000
#define READER_DEF_VALID 4000
#define READER_DEF_EPOCHS 12
#define READER_DEF_HIDDEN 64
#define READER_DEF_EMBED 64
#define READER_DEF_BUCKETS 32768
#define READER_DEF_BATCH 64
#define READER_DEF_WORD_DROPOUT 0.15    /* known words read as unknown in training */
#define READER_DEF_NGRAM_DROPOUT 0.0    /* value and name words read no n-grams either */

typedef struct reader_train_opts {
    int epochs, batch, threads, patience;
    int hidden, embed, buckets;     /* H, E, Nb */
    int min_count, max_vocab;       /* vocabulary: words seen at least min_count times,
                                     * the max_vocab most frequent */
    float lr, clip, word_dropout;   /* word_dropout: chance a word reads READER_UNK */
    float ngram_dropout;            /* chance a value, old value or name word that reads
                                     * READER_UNK also reads none of its n-grams (only its
                                     * case mark): its tag then comes from where it stands */
    uint64_t seed;
    FILE *log;                      /* per-epoch lines (NULL = quiet) */
} reader_train_opts_t;

void reader_train_opts_default(reader_train_opts_t *o);

/* What a reader made of a set. Spans are exact-match (same words, same kind). */
enum { READER_NSPANS = 5 }; /* HOLDER, REL, VALUE, OLD, NAME, in enum reader_tag order */
typedef struct reader_metrics {
    int n, ntok;
    double act_acc, rel_acc, tag_acc;
    double vrel_acc;                /* relation of value and old-value words */
    double span_f1[READER_NSPANS];  /* per kind; 0 when the kind never occurs */
    double score;                   /* (act + rel + tag + value rel acc + VALUE F1 +
                                     * HOLDER F1) / 6 */
    int nfact;                      /* facts read as facts */
    double fact_p1;                 /* the 1st percentile of their act probability (to
                                     * 0.001): the agent's RESPOND_FACT_MIN_P is chosen
                                     * from it */
} reader_metrics_t;

/* The fact threshold (reader_fact_min_p) a reader or an ensemble measured m on held-out
 * clauses gets: m's 1st percentile, at most READER_FACT_MIN_P_V3 (READER_FACT_MIN_P_V3
 * when m read no fact as a fact). */
float reader_fact_threshold(const reader_metrics_t *m);

/* The name of span kind k ("HOLDER", ...). */
const char *reader_span_name(int k);

/* Evaluates r on s with `threads` workers. 0, or -1 (memory). */
int reader_evaluate(const reader_t *r, const reader_set_t *s, int threads,
                    reader_metrics_t *m);

typedef struct reader_train_result {
    int epochs, best_epoch;
    double seconds, sec_per_epoch;
    reader_metrics_t best;          /* on the validation set, at the best epoch */
    double last_loss;
} reader_train_result_t;

/* Builds the vocabulary from train, trains with o, keeps the parameters of the epoch
 * with the best validation score (valid may be empty: then the last). Returns a new
 * reader (caller frees), or NULL with err. */
reader_t *reader_train(const reader_train_opts_t *o, const reader_set_t *train,
                       const reader_set_t *valid, reader_train_result_t *res, char *err,
                       size_t errlen);

#endif

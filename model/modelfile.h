/* modelfile.h: the model file and checkpoints, written by the trainer and read by
 * inference (model_load) and the command-line tools: magic, format version,
 * hyper-parameters (each bounded by the one table below, which `mnemo train`'s options
 * use too), the tensor size table, the vocabulary, the reply phrases whose meaning the
 * trainer knew from its labels, float32 parameters, CRC32. */
#ifndef MNEMO_MODEL_MODELFILE_H
#define MNEMO_MODEL_MODELFILE_H

#include <stddef.h>
#include <stdint.h>

#include "model/layers.h"
#include "model/model.h"
#include "model/vocab.h"

#define MODELFILE_MAGIC "MNEMOMDL"
/* 2: the copy pointer goes through the slot attention and the fusion is residual (the
 * tensors of version 1 have the same sizes but another meaning).
 * 3: the reply phrases after the vocabulary. Version 2 still loads (see
 * MODELFILE_V2_ACK); version 1 does not.
 * 4: optional sections after the parameters (the reader). A file without one is
 * written as version 3, so it reads the same in builds that know no sections. */
enum { MODELFILE_VERSION = 4, MODELFILE_OLDEST = 2, MODELFILE_NOSECTIONS = 3 };
enum { MODELFILE_MODEL = 0, MODELFILE_CHECKPOINT = 1 };

/* ---- the hyper-parameters' bounds ------------------------------------------------ */

/* The fields of net_cfg_t a file carries, in file order. */
enum modelfile_field {
    MODELFILE_V, MODELFILE_HB, MODELFILE_D, MODELFILE_A, MODELFILE_S, MODELFILE_J,
    MODELFILE_T, MODELFILE_HOPS, MODELFILE_TIED, MODELFILE_NFIELDS
};

/* One row: the field's name (as messages and `mnemo train` say it) and its range. */
typedef struct modelfile_limit {
    const char *name;
    int min, max;
} modelfile_limit_t;

/* [MODELFILE_NFIELDS], indexed by enum modelfile_field: the only source of the bounds. */
extern const modelfile_limit_t modelfile_limits[MODELFILE_NFIELDS];
/* 0 when x is within l's range, else -1 with err "<what><name> <x> is out of range
 * <min>..<max>" (what: a prefix such as "reader section: ", or ""). Every bounds table
 * of a model file (this one, the reader's) is checked through it. */
int modelfile_limit_check(const modelfile_limit_t *l, int64_t x, const char *what, char *err,
                          size_t errlen);

/* The field f of c, for reading or setting. */
int *modelfile_field(net_cfg_t *c, int f);
/* 0 when every field of c is within modelfile_limits, else -1 with err naming the first
 * one out ("hops 11 is out of range 1..10"). */
int modelfile_cfg_check(const net_cfg_t *c, char *err, size_t errlen);

/* ---- reply phrases --------------------------------------------------------------- */

/* A version-2 file has no phrase table; its acknowledgement is this phrase when all its
 * words are in the file's vocabulary (what the trainers of version 2 taught), and it has
 * no small-talk replies. Fixed here for those files, apart from what the generator
 * teaches now. */
#define MODELFILE_V2_ACK "got it"

enum {
    MODELFILE_MAX_PHRASES = 32, /* phrases in a table */
    MODELFILE_PHRASE_BYTES = 64, /* text of a phrase, with its NUL */
    MODELFILE_PHRASE_WORDS = 8,  /* words the model reads of a phrase (vocab_words) */
};

/* A reply whose meaning the trainer knew: kind MODEL_KIND_STATEMENT (the
 * acknowledgement; at most one) or MODEL_KIND_OTHER (small talk); text is the reply as
 * the decoder writes it, every word in the vocabulary. */
typedef struct modelfile_phrase {
    int kind;
    char text[MODELFILE_PHRASE_BYTES];
} modelfile_phrase_t;

typedef struct modelfile_phrases {
    int n;
    modelfile_phrase_t p[MODELFILE_MAX_PHRASES];
} modelfile_phrases_t;

/* The ids [max] of the words the model reads of phrase text (vocab_words, no question
 * mark). Returns their number (1..max), or -1 with err when the text is not UTF-8, has
 * no word, more than max words, or a word not in v. */
int modelfile_phrase_ids(const vocab_t *v, const char *text, int *ids, int max, char *err,
                         size_t errlen);
/* Appends (kind, text) to ph after the checks the reader makes (kind, length, room, the
 * words in v, one acknowledgement, no phrase twice). 0, or -1 with err. */
int modelfile_phrases_add(modelfile_phrases_t *ph, const vocab_t *v, int kind,
                          const char *text, char *err, size_t errlen);
/* The acknowledgement's index in ph, or -1 when there is none. */
int modelfile_phrases_ack(const modelfile_phrases_t *ph);

/* ---- files ----------------------------------------------------------------------- */

/* What a checkpoint keeps beyond the model: where training stood, and Adam's moments. */
typedef struct modelfile_state {
    int epoch, step;        /* epochs done, Adam steps done */
    uint64_t rng;           /* the trainer's generator after the epoch */
    float lr, best_acc;     /* current learning rate, best validation accuracy */
    int bad_epochs;         /* epochs since the best */
    float *adam_m, *adam_v; /* [nparams] each; owned by the caller */
} modelfile_state_t;

/* Writes a model (st NULL) or a checkpoint (st set) to path, through a temporary file
 * renamed into place, with the phrase table ph (NULL: none). Returns 0 or -1 with the
 * reason in err. */
int modelfile_write(const char *path, const net_cfg_t *c, const vocab_t *v,
                    const modelfile_phrases_t *ph, const float *params,
                    const modelfile_state_t *st, char *err, size_t errlen);

/* Reads a model file or checkpoint. On success fills *c, *v (new vocabulary, caller
 * frees), ph (when not NULL; version 2: see MODELFILE_V2_ACK), *params (malloc'd
 * [net_nparams(c)], caller frees) and, when st is not NULL, the checkpoint state
 * (st->adam_m/v malloc'd, caller frees; st NULL ignores them; a model file asked for as
 * a checkpoint is an error). Returns 0, or -1 with what is wrong in err, which starts
 * with the path (truncated, wrong magic, unsupported version, bad checksum, a
 * hyper-parameter out of range, mismatched sizes, a bad vocabulary or phrase table). */
int modelfile_read(const char *path, net_cfg_t *c, vocab_t **v, modelfile_phrases_t *ph,
                   float **params, modelfile_state_t *st, char *err, size_t errlen);
/* The same on a buffer already in memory (err does not name a file). */
int modelfile_parse(const unsigned char *buf, size_t len, net_cfg_t *c, vocab_t **v,
                    modelfile_phrases_t *ph, float **params, modelfile_state_t *st,
                    char *err, size_t errlen);

/* ---- the reader's section (version 4) --------------------------------------------- */

/* Sections: u32 count, then per section a 4-byte tag, u64 length and the bytes. The
 * reader (model/reader_internal.h) is the section tagged MODELFILE_READER_TAG; a
 * section with another tag is skipped. */
#define MODELFILE_READER_TAG "RDR1"

/* modelfile_write with the reader's bytes reader[0..rlen) as a section (reader NULL:
 * none, and the file is version 3). */
int modelfile_write_reader(const char *path, const net_cfg_t *c, const vocab_t *v,
                           const modelfile_phrases_t *ph, const float *params,
                           const modelfile_state_t *st, const void *reader, size_t rlen,
                           char *err, size_t errlen);
/* modelfile_read / modelfile_parse that also hand back the reader's bytes: *reader
 * malloc'd (caller frees) with *rlen bytes, or NULL when the file has no reader
 * section. The bytes are only framed here; reader_parse checks what they say. */
int modelfile_read_reader(const char *path, net_cfg_t *c, vocab_t **v,
                          modelfile_phrases_t *ph, float **params, modelfile_state_t *st,
                          unsigned char **reader, size_t *rlen, char *err, size_t errlen);
int modelfile_parse_reader(const unsigned char *buf, size_t len, net_cfg_t *c, vocab_t **v,
                           modelfile_phrases_t *ph, float **params, modelfile_state_t *st,
                           unsigned char **reader, size_t *rlen, char *err, size_t errlen);

/* CRC-32 (IEEE 802.3, as zlib), continuing from crc (start with 0). */
uint32_t modelfile_crc32(uint32_t crc, const void *buf, size_t len);

#endif

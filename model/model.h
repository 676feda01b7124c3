/* model.h: the trained memory model as the agent uses it, and nothing more: load a model
 * file, encode a sentence into the learned vector kept beside each memory, and answer a
 * message from memory slots: the answer's words, what kind of reply it is (the model
 * file records which replies acknowledge a statement and which are small talk), and the
 * attention over the slots. The file format is modelfile.h; the layers are layers.h. */
#ifndef MNEMO_MODEL_MODEL_H
#define MNEMO_MODEL_MODEL_H

#include <stddef.h>

#include "model/reader.h"
#include "model/tokenizer.h"

/* Return codes of model_encode* and model_answer (err says what failed). */
enum model_err {
    MODEL_OK = 0,
    MODEL_EINVAL = -1, /* the input, e.g. invalid UTF-8 */
    MODEL_ENOMEM = -2,
};

/* What a reply is, as the model says it: the acknowledgement of something told
 * (STATEMENT), small talk (OTHER), or an answer from memory (ANSWER). */
enum model_kind { MODEL_KIND_OTHER = 0, MODEL_KIND_STATEMENT = 1, MODEL_KIND_ANSWER = 2 };

/* "other", "statement", "answer"; "other" for anything else. Static strings. */
const char *model_kind_name(int kind);
/* The kind named name (as model_kind_name writes it), or -1 when unknown. */
int model_kind_parse(const char *name);

/* One BLAS thread for the whole process: mnemo's matrix work runs on its own threads
 * (blas.c says why). The agent calls it at start; the trainers before each run. */
void model_blas_single(void);

typedef struct model model_t;

/* Loads the model file at path; NULL with the reason in err, which starts with the path.
 * A file that cannot tell statements from questions (no acknowledgement phrase) is
 * refused. The weights are read-only afterwards and may be shared by threads, each with
 * its own model_session_t. model_free(NULL) does nothing. */
model_t *model_load(const char *path, char *err, size_t errlen);
void model_free(model_t *m);
int model_dim(const model_t *m); /* D, the length of a sentence vector */
/* The reader of people's clauses (reader.h) the file carries, owned by m; NULL when it
 * has none (files of version 2 and 3, or written without one). */
const reader_t *model_reader(const model_t *m);
/* Eight hex digits identifying the weights (CRC-32 of the configuration and the
 * parameters): part of the encoder id of memory vectors built with this model. Owned by
 * m. */
const char *model_tag(const model_t *m);

/* The sentence vector vec [D] of text: the position-encoded embeddings of the first J
 * words it reads (unknown words through their hashed buckets), L2-normalized; all zeros
 * for a text without words. Returns MODEL_OK, or MODEL_EINVAL (invalid UTF-8) /
 * MODEL_ENOMEM with err. */
int model_encode(const model_t *m, const char *text, float *vec, char *err, size_t errlen);
/* The same from text already split by tok_split (so a caller who tokenized a message
 * does not tokenize it again). */
int model_encode_tokens(const model_t *m, const tok_list_t *toks, float *vec, char *err,
                        size_t errlen);

/* Per-thread scratch for answering; NULL when out of memory. */
typedef struct model_session model_session_t;
model_session_t *model_session_new(const model_t *m);
void model_session_free(model_session_t *s);

/* Answers question from slots[0..nslots) (oldest first; only the most recent S are
 * read). qtoks is tok_split(question) when the caller has it (NULL: the question is
 * split here). answer gets the answer's words joined by single spaces (unknown words
 * copied from the slots come back as written there; cut to anslen); *kind (or NULL) the
 * enum model_kind of the reply; attn [nslots] (or NULL) the last hop's attention per
 * slot (0 for slots not read). Returns the number of answer words, or MODEL_EINVAL /
 * MODEL_ENOMEM with err. */
int model_answer(model_session_t *s, const char *const *slots, int nslots,
                 const char *question, const tok_list_t *qtoks, char *answer, size_t anslen,
                 int *kind, float *attn, char *err, size_t errlen);

#endif

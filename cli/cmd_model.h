/* cmd_model.h: what `mnemo train` and `mnemo eval` share: finding the bAbI files of a
 * task list and reading them into a corpus. */
#ifndef MNEMO_CLI_CMD_MODEL_H
#define MNEMO_CLI_CMD_MODEL_H

#include <stdint.h>

#include "model/data.h"

enum { CMD_MODEL_MAX_FILES = 64 };

/* The files to read: explicit ones (files[0..nfiles)), else the tasks ("all" or
 * "1,2,3") of setting ("1k" or "10k") under dir (NULL: $MNEMO_BABI_DIR, else
 * ../shared/data/babi from the repository or its build folder). Reads them into c and
 * prints what it read to stderr. Returns 0, or -1 with the reason printed. */
int cmd_model_read(babi_corpus_t *c, const char *const *files, int nfiles,
                   const char *tasks, const char *setting, const char *dir);

/* Generates n personal-fact conversations (model/persona.h) of pool with seed and reads
 * them into c, every statement also an acknowledgement example; the held-out pool's
 * stories all go to the validation split. 0, or -1 printed. */
int cmd_model_persona(babi_corpus_t *c, int n, uint64_t seed, int pool);

#endif

/* helpers.h: shared by the store's tests: a temporary directory per test, a seeded
 * random generator, random vectors, and a brute-force top-k reference. */
#ifndef MNEMO_TESTS_STORE_HELPERS_H
#define MNEMO_TESTS_STORE_HELPERS_H

#include <stddef.h>
#include <stdint.h>

#include "store/index.h"
#include "store/store.h"

/* A fresh directory under $TMPDIR (or /tmp); th_dir_remove deletes it and its files.
 * th_path writes dir/name into a static buffer. */
char *th_dir_new(void);
void th_dir_remove(char *dir);
const char *th_path(const char *dir, const char *name);

uint64_t th_rand(uint64_t *state);
float th_uniform(uint64_t *state);                 /* [-1, 1) */
/* Fills v[dim] with random values; each is zero with probability zero_frac. */
void th_vec(uint64_t *state, float *v, int dim, float zero_frac);

/* One row of the brute-force reference. */
typedef struct th_row {
    const char *user;
    int64_t id;
    const float *vec;       /* dim floats, not normalized */
    int64_t created_ms;
    uint64_t conv_hash;
} th_row_t;

/* Exact top-k by cosine (in double) over rows of user passing filter, idf-weighted like
 * index_search; ties by larger id. Returns the number of hits. */
int th_topk(const th_row_t *rows, size_t n, int dim, const char *user, const float *q,
            int k, const index_filter_t *f, int idf, index_hit_t *out);
/* Cosine in double between q (idf-weighted when w != NULL) and v. */
double th_cosine(const float *q, const float *v, const double *w, int dim);


/* A store fixture for Check: th_store_setup opens TH_DIM-float store "db" in a fresh
 * directory (th_st, th_dirname); th_store_teardown closes it and removes the directory. */
#define TH_DIM 8
#define TH_ENCODER "test-enc-8"
extern store_t *th_st;
extern char *th_dirname;
void th_store_setup(void);
void th_store_teardown(void);
store_t *th_reopen(store_t *st, int dim, const char *encoder);
/* A memory of user with text and a vector derived from seed. */
store_new_memory_t th_mem(const char *user, const char *text, float *vec, uint64_t seed);
int64_t th_add(store_t *st, const char *user, const char *text, uint64_t seed);

/* Runs suite s; returns the process exit status (failure when any test failed). */
struct Suite;
int th_run(struct Suite *s);

/* test_schema.c, test_codes.c: what version 12 added (the index of what each user said),
 * taken back before version 11's change is. */
#define DROP_VERSION_12 "DROP INDEX turns_said;"

/* test_schema.c, test_codes.c: what version 11 changed (each user's postings keyed by
 * the user's number): taking it back from a current database gives version 10's text
 * indexes, as versions 6 to 10 wrote them (keyed by memory id, over memories' text, with
 * everyone's term counts), which an older database needs before its migrations run. */
#define CJK_GLOB "'*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]*'"
#define DROP_VERSION_11                                                                  \
    "DROP TRIGGER memories_fts_insert; DROP TRIGGER memories_fts_delete;"                \
    "DROP TRIGGER memories_fts_update; DROP TABLE memories_fts; DROP TABLE memories_cjk;" \
    "DROP TABLE memory_users;"                                                           \
    "CREATE VIRTUAL TABLE memories_fts USING fts5(text, content='memories',"             \
    "  content_rowid='id', tokenize='porter unicode61');"                                \
    "CREATE VIEW memories_cjk_text AS SELECT id, text FROM memories"                     \
    "  WHERE text GLOB " CJK_GLOB ";"                                                    \
    "CREATE VIRTUAL TABLE memories_cjk USING fts5(text, content='memories_cjk_text',"    \
    "  content_rowid='id', tokenize='trigram');"                                         \
    "CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN"                  \
    "  INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);"                \
    "  INSERT INTO memories_cjk (rowid, text) SELECT new.id, new.text"                   \
    "    WHERE new.text GLOB " CJK_GLOB ";"                                              \
    " END;"                                                                              \
    "CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN"                  \
    "  INSERT INTO memories_fts (memories_fts, rowid, text)"                             \
    "   VALUES ('delete', old.id, old.text);"                                            \
    "  INSERT INTO memories_cjk (memories_cjk, rowid, text) SELECT 'delete', old.id,"    \
    "   old.text WHERE old.text GLOB " CJK_GLOB ";"                                      \
    " END;"                                                                              \
    "CREATE TRIGGER memories_fts_update AFTER UPDATE OF text ON memories"                \
    "  WHEN old.text IS NOT new.text BEGIN"                                              \
    "  INSERT INTO memories_fts (memories_fts, rowid, text)"                             \
    "   VALUES ('delete', old.id, old.text);"                                            \
    "  INSERT INTO memories_cjk (memories_cjk, rowid, text) SELECT 'delete', old.id,"    \
    "   old.text WHERE old.text GLOB " CJK_GLOB ";"                                      \
    "  INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);"                \
    "  INSERT INTO memories_cjk (rowid, text) SELECT new.id, new.text"                   \
    "    WHERE new.text GLOB " CJK_GLOB ";"                                              \
    " END;"                                                                              \
    "CREATE VIRTUAL TABLE memories_fts_terms USING fts5vocab(memories_fts, 'row');"

#endif

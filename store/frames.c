/* frames.c: a memory's frame (holder, relation, value), the structured form of the fact
 * its text states, written with the memory (memories.c, turns.c) and read back here:
 * the current memories of one holder and relation, which supersession and answers are
 * keyed by, all of a user's framed facts, and the ones replaced since. The store keeps
 * frames as opaque strings; what they mean is the agent's business. */
#include <string.h>

#include "store/store_internal.h"

#define STR_(x) #x
#define STR(x) STR_(x)

static int part_ok(const char *s)
{
    size_t n = strnlen(s, STORE_FRAME_MAX + 1);
    return n >= 1 && n <= STORE_FRAME_MAX;
}

const char *store_frame_bad(const char *holder, const char *relation, const char *value)
{
    int set = (holder != NULL) + (relation != NULL) + (value != NULL);
    if (set == 0)
        return NULL;
    if (set != 3)
        return "a frame needs all of holder, relation and value, or none";
    if (!part_ok(holder) || !part_ok(relation) || !part_ok(value))
        return "a frame's holder, relation and value must each be 1.." STR(STORE_FRAME_MAX)
               " bytes";
    return NULL;
}

int store_frame_find(store_t *st, const char *user, const char *holder,
                     const char *relation, store_memory_t **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!user || !*user || !holder || !*holder)
        return STORE_EINVAL;
    sqlite3_stmt *s = stmt_get(st, S_MEM_FRAME_FIND);
    int b = SQLITE_OK;
    pthread_mutex_lock(&st->mu);
    store_bind_text(s, 1, user, &b);
    store_bind_text(s, 2, holder, &b);
    store_bind_text(s, 3, relation, &b);
    store_bind_int64(s, 4, STORE_LIST_MAX, &b);
    int rc = store_collect(s, b, 0, STORE_LIST_MAX, out, n);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int store_frames_list(store_t *st, const char *user, size_t max, store_memory_t **out,
                      size_t *n)
{
    uint64_t version;
    return store_frames_current(st, user, max, out, n, &version);
}

/* One of the user's frame lists (statement id: current or past), at most max rows; *version
 * (may be NULL) the frames version the rows were read at. */
static int frames_rows(store_t *st, enum store_stmt id, const char *user, size_t max,
                       store_memory_t **out, size_t *n, uint64_t *version)
{
    *out = NULL;
    *n = 0;
    if (version) *version = 0;
    if (!user || !*user || max < 1 || max > STORE_LIST_MAX)
        return STORE_EINVAL;
    sqlite3_stmt *s = stmt_get(st, id);
    int b = SQLITE_OK;
    pthread_mutex_lock(&st->mu);
    store_bind_text(s, 1, user, &b);
    store_bind_int64(s, 2, (int64_t)max, &b);
    if (version) *version = atomic_load(&st->frames_version);  /* under mu: what the rows are of */
    int rc = store_collect(s, b, STORE_ROWS_FRAME, max, out, n);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int store_frames_past(store_t *st, const char *user, size_t max, store_memory_t **out,
                      size_t *n)
{
    return frames_rows(st, S_MEM_FRAMES_PAST, user, max, out, n, NULL);
}

int store_frames_current(store_t *st, const char *user, size_t max, store_memory_t **out,
                         size_t *n, uint64_t *version)
{
    return frames_rows(st, S_MEM_FRAMES_LIST, user, max, out, n, version);
}

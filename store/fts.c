/* fts.c: the bm25 leg of search. A query's words, as FTS5's own porter tokenizer reads
 * them, are ranked over memories_fts by fts_words.c; each run of three CJK characters is
 * quoted and OR-ed into a MATCH expression for memories_cjk, whose trigram tokenizer
 * cannot match fewer. Both indexes (schema.c, versions 6 and 11) are searched, each in
 * the searching user's range of keys alone, and their lists merged by rank. Also the
 * purge that leaves no trace of a deleted memory in either index. */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* The index's own ranking reads this many of the user's matches per candidate wanted
 * before they are joined to their rows (filters); fewer survivors than wanted reads all
 * the user's matches. */
#define FTS_OVERREAD 4

/* Decodes one UTF-8 code point at s (valid UTF-8 assumed; a bad byte reads as itself). */
static uint32_t utf8_next(const unsigned char *s, size_t *len)
{
    uint32_t c = s[0];
    int n = c < 0x80 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    if (c >= 0x80)
        c &= 0x3f >> n;
    for (int i = 1; i <= n; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *len = 1;
            return s[0];
        }
        c = (c << 6) | (s[i] & 0x3f);
    }
    *len = (size_t)n + 1;
    return c;
}

/* Appends "term" (quoted, OR-joined) to the expression e unless it holds it already. */
static void add_term(char *e, size_t cap, const char *t, size_t tn, int *nterms)
{
    char q[256];
    if (tn == 0 || tn > sizeof(q) - 3 || *nterms >= STORE_FTS_MAX_TERMS)
        return;
    q[0] = '"';
    memcpy(q + 1, t, tn);
    q[tn + 1] = '"';
    q[tn + 2] = 0;
    if (strstr(e, q))
        return;
    size_t len = strlen(e), need = tn + 2 + (len ? 4 : 0);
    if (len + need + 1 > cap)
        return;
    if (len)
        strcat(e, " OR ");
    strcat(e, q);
    (*nterms)++;
}

/* Fills cjk (cap bytes) with the MATCH expression of each window of three CJK
 * characters of text; empty when there is none. */
static void build_cjk(const char *text, char *cjk, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, run[3] = {0}, runlen[3] = {0};   /* the last CJK characters */
    int nc = 0, nrun = 0;
    cjk[0] = 0;
    while (s[i]) {
        size_t len = 1;
        uint32_t c = utf8_next(s + i, &len);
        if (STORE_FTS_IS_CJK(c)) {
            if (nrun == 3) {
                run[0] = run[1], runlen[0] = runlen[1];
                run[1] = run[2], runlen[1] = runlen[2];
                nrun = 2;
            }
            run[nrun] = i;
            runlen[nrun++] = len;
            if (nrun == 3)
                add_term(cjk, cap, text + run[0], run[2] + runlen[2] - run[0], &nc);
        } else {
            nrun = 0;
        }
        i += len;
    }
}

/* Makes st's porter tokenizer (as memories_fts's: porter over unicode61). */
int store_fts_tokenizer_locked(store_t *st, char *err, size_t errlen)
{
    fts5_api *api = NULL;
    sqlite3_stmt *s = NULL;
    void *ud = NULL;
    const char *args[] = {"unicode61"};
    if (st->fts_tok)
        return STORE_OK;
    if (sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL) == SQLITE_OK)
        sqlite3_step(s);
    sqlite3_finalize(s);
    if (!api || api->xFindTokenizer(api, "porter", &ud, &st->fts_api) != SQLITE_OK ||
        st->fts_api.xCreate(ud, args, 1, &st->fts_tok) != SQLITE_OK) {
        st->fts_tok = NULL;
        store_errf(err, errlen, "this SQLite has no FTS5 porter tokenizer");
        return STORE_EIO;
    }
    return STORE_OK;
}

void store_fts_close(store_t *st)
{
    if (st->fts_tok)
        st->fts_api.xDelete(st->fts_tok);
    st->fts_tok = NULL;
    free(st->fts_df);
    st->fts_df = NULL;
}

/* The first key of user's range in the FTS indexes into *lo and the memories the user
 * holds into *nrow (0 when none); returns a store code. */
static int user_range(store_t *st, const char *user, int64_t *lo, int64_t *nrow, char *err,
                      size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_FTS_USER);
    int b = SQLITE_OK, rc = STORE_OK;
    store_bind_text(s, 1, user, &b);
    int src = store_step(s, b);
    *lo = src == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    *nrow = src == SQLITE_ROW ? sqlite3_column_int64(s, 1) : 0;
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "reading the text index's users");
    stmt_done(s);
    return rc;
}

/* Runs one leg's statement over the keys from lo into ids; returns a store code. */
static int run_leg(store_t *st, enum store_stmt which, const char *match,
                   const store_query_t *q, int64_t lo, int64_t *ids, double *scores, int max,
                   int *n, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, which);
    int b = SQLITE_OK, src = SQLITE_DONE, rc = STORE_OK;
    *n = 0;
    store_bind_text(s, 1, match, &b);
    store_bind_text(s, 2, q->user, &b);
    store_bind_int64(s, 3, st->dim, &b);
    store_bind_text(s, 4, st->encoder, &b);
    store_bind_int64(s, 5, q->since_ms > 0 ? q->since_ms : 0, &b);
    store_bind_int64(s, 6, q->until_ms > 0 ? q->until_ms : 0, &b);
    store_bind_text(s, 7, q->conversation, &b);
    store_bind_int64(s, 8, max, &b);
    store_bind_int64(s, 10, lo, &b);
    for (int64_t over = (int64_t)max * FTS_OVERREAD;; over = -1) {
        store_bind_int64(s, 9, over, &b);
        *n = 0;
        while (*n < max && (src = store_step(s, b)) == SQLITE_ROW) {
            scores[*n] = sqlite3_column_double(s, 1);
            ids[(*n)++] = sqlite3_column_int64(s, 0);
        }
        if (*n < max && src != SQLITE_DONE)
            rc = store_sqlerr(st, src, err, errlen, "searching the text index");
        sqlite3_reset(s);
        if (rc != STORE_OK || *n == max || over < 0)
            break;
    }
    stmt_done(s);
    return rc;
}

int store_fts_leg_locked(store_t *st, const store_query_t *q, int64_t *ids, double *scores,
                         int max, int *n, char *err, size_t errlen)
{
    size_t cap = 4 * strlen(q->text) + 8 * STORE_FTS_MAX_TERMS + 16;
    char *cjk = malloc(cap);
    int64_t *c = malloc((size_t)max * sizeof(*c)), *w = NULL;
    double *cs = malloc((size_t)max * sizeof(*cs)), *ws = NULL;
    int rc = STORE_ENOMEM, nw = 0, nc = 0;
    int64_t lo = 0, nrow = 0;
    *n = 0;
    if (!cjk || !c || !cs) {
        store_errf(err, errlen, "out of memory");
        goto done;
    }
    build_cjk(q->text, cjk, cap);
    if ((rc = user_range(st, q->user, &lo, &nrow, err, errlen)) != STORE_OK || nrow == 0 ||
        (rc = store_fts_words_locked(st, q, lo, nrow, ids, scores, max, &nw, err, errlen)) ||
        (*cjk && (rc = run_leg(st, S_CJK_SEARCH, cjk, q, lo, c, cs, max, &nc, err, errlen))))
        goto done;
    /* Merge by rank: the word list's i-th, then the CJK list's i-th, each id once, with
     * its score in its own list. A memory in both lists is in the word list already
     * (merged lists are never longer than max). */
    w = malloc((size_t)(nw ? nw : 1) * sizeof(*w));
    ws = malloc((size_t)(nw ? nw : 1) * sizeof(*ws));
    if (!w || !ws) {
        rc = STORE_ENOMEM;
        store_errf(err, errlen, "out of memory");
        goto done;
    }
    memcpy(w, ids, (size_t)nw * sizeof(*w));
    memcpy(ws, scores, (size_t)nw * sizeof(*ws));
    int out = 0;
    for (int i = 0; (i < nw || i < nc) && out < max; i++) {
        if (i < nw) {
            scores[out] = ws[i];
            ids[out++] = w[i];
        }
        int seen = 0;
        for (int j = 0; i < nc && j < out && !seen; j++)
            seen = ids[j] == c[i];
        for (int j = i + 1; i < nc && j < nw && !seen; j++)
            seen = w[j] == c[i];
        if (i < nc && !seen && out < max) {
            scores[out] = cs[i];
            ids[out++] = c[i];
        }
    }
    *n = out;
    rc = STORE_OK;
done:
    free(cjk);
    free(c);
    free(cs);
    free(w);
    free(ws);
    return rc;
}

int store_fts_purge_locked(store_t *st, char *err, size_t errlen)
{
    const enum store_stmt which[2] = {S_FTS_OPTIMIZE, S_CJK_OPTIMIZE};
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *s = stmt_get(st, which[i]);
        int src = sqlite3_step(s);
        stmt_done(s);
        if (src != SQLITE_DONE)
            return store_sqlerr(st, src, err, errlen, "purging the text index");
    }
    return STORE_OK;
}

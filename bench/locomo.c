/* locomo.c: locomo-recall, evidence recall@5/10/25 of memory search on LoCoMo-format
 * conversations. Every turn is stored as a memory ("Speaker: text") of one user per
 * conversation; every question of categories 1-4 is asked as a search. Ours runs either
 * in-process (lex_encode + brute-force cosine, optional query IDF as in index_search)
 * or through a running mnemod (--server: each question asked three times, legs=both,
 * bm25 and dense, each scored on its own); SQLite FTS5 bm25 over the same turns is
 * measured beside it in the same run. See docs/RETRIEVAL.md. */
#include "model/lexical.h"
#include "model/tokenizer.h"

#include <ctype.h>
#include <curl/curl.h>
#include <jansson.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NK 3
static const int KS[NK] = { 5, 10, 25 };
#define KMAX 25
#define NCAT 4          /* categories 1-4; 5 (adversarial) is skipped */
static const char *const CAT_NAME[NCAT] = { "multi-hop", "temporal", "open-domain",
                                            "single-hop" };

typedef struct turn {
    char *dia_id;      /* "D3:5" */
    char *text;        /* "Speaker: text", owned */
} turn_t;

typedef struct question {
    const char *text;  /* borrowed from the JSON document */
    int cat;           /* 1..4 */
    char **ev;         /* evidence dia ids, owned */
    int nev;
} question_t;

typedef struct conv {
    char name[64];
    json_t *doc;
    turn_t *turns;
    int nturns;
    question_t *qs;
    int nq;
} conv_t;

/* Sums of per-question recall, per system, per category (index 0 = all). */
typedef struct tally {
    double sum[NCAT + 1][NK];
    int n[NCAT + 1];
} tally_t;

typedef struct opts {
    const char *server;    /* NULL: in-process */
    int idf;
    int dump;              /* print questions whose evidence misses the top 10 */
    int batch;
    double pivot;          /* > 0: per-row multiplier sqrt(nnz / (nnz + pivot)) */
} opts_t;

static void *xcalloc(size_t n, size_t sz)
{
    void *p = calloc(n ? n : 1, sz);
    if (!p) {
        fprintf(stderr, "locomo-recall: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p) {
        fprintf(stderr, "locomo-recall: out of memory\n");
        exit(1);
    }
    return p;
}

/* ---- loading ----------------------------------------------------------------- */

static int session_no(const char *key)
{
    if (strncmp(key, "session_", 8) != 0)
        return 0;
    char *end;
    long n = strtol(key + 8, &end, 10);
    return (*end == '\0' && n > 0 && n < 10000) ? (int)n : 0;
}

/* Splits "D8:6; D9:17" style evidence strings into ids, appended to q. */
static void add_evidence(question_t *q, const char *s)
{
    char *copy = xstrdup(s), *save = NULL;
    for (char *t = strtok_r(copy, ";, ", &save); t; t = strtok_r(NULL, ";, ", &save)) {
        char **ev = realloc(q->ev, (size_t)(q->nev + 1) * sizeof *ev);
        if (!ev) {
            fprintf(stderr, "locomo-recall: out of memory\n");
            exit(1);
        }
        q->ev = ev;
        q->ev[q->nev++] = xstrdup(t);
    }
    free(copy);
}

static int load_conv(const char *path, conv_t *c)
{
    json_error_t jerr;
    memset(c, 0, sizeof *c);
    const char *base = strrchr(path, '/');
    snprintf(c->name, sizeof c->name, "%s", base ? base + 1 : path);
    c->doc = json_load_file(path, 0, &jerr);
    if (!c->doc || !json_is_object(c->doc)) {
        fprintf(stderr, "locomo-recall: %s: %s (line %d)\n", path,
                c->doc ? "not an object" : jerr.text, jerr.line);
        return -1;
    }
    int maxs = 0;
    const char *key;
    json_t *val;
    json_object_foreach(c->doc, key, val) {
        int s = session_no(key);
        if (s > maxs && json_is_array(val))
            maxs = s;
    }
    for (int s = 1; s <= maxs; s++) {
        char k[32];
        snprintf(k, sizeof k, "session_%d", s);
        json_t *arr = json_object_get(c->doc, k);
        if (!json_is_array(arr))
            continue;
        size_t i;
        json_t *t;
        turn_t *nt = realloc(c->turns, (size_t)(c->nturns + (int)json_array_size(arr)) *
                             sizeof *nt);
        if (!nt && json_array_size(arr)) {
            fprintf(stderr, "locomo-recall: out of memory\n");
            exit(1);
        }
        c->turns = nt;
        json_array_foreach(arr, i, t) {
            const char *sp = json_string_value(json_object_get(t, "speaker"));
            const char *id = json_string_value(json_object_get(t, "dia_id"));
            const char *tx = json_string_value(json_object_get(t, "text"));
            if (!sp || !id || !tx)
                continue;
            size_t n = strlen(sp) + strlen(tx) + 3;
            turn_t *u = &c->turns[c->nturns++];
            u->dia_id = xstrdup(id);
            u->text = xcalloc(n, 1);
            snprintf(u->text, n, "%s: %s", sp, tx);
        }
    }
    json_t *qa = json_object_get(c->doc, "qa");
    size_t i;
    json_t *q;
    c->qs = xcalloc(json_array_size(qa), sizeof *c->qs);
    json_array_foreach(qa, i, q) {
        json_t *cat = json_object_get(q, "category");
        const char *text = json_string_value(json_object_get(q, "question"));
        if (!json_is_integer(cat) || !text)
            continue;
        int ci = (int)json_integer_value(cat);
        if (ci < 1 || ci > NCAT)
            continue;
        question_t *qq = &c->qs[c->nq];
        memset(qq, 0, sizeof *qq);
        qq->text = text;
        qq->cat = ci;
        size_t j;
        json_t *e;
        json_array_foreach(json_object_get(q, "evidence"), j, e)
            if (json_is_string(e))
                add_evidence(qq, json_string_value(e));
        if (qq->nev == 0)
            continue;       /* nothing to retrieve: not counted */
        c->nq++;
    }
    if (c->nturns == 0) {
        fprintf(stderr, "locomo-recall: %s: no turns found\n", path);
        return -1;
    }
    return 0;
}

static void free_conv(conv_t *c)
{
    for (int i = 0; i < c->nturns; i++) {
        free(c->turns[i].dia_id);
        free(c->turns[i].text);
    }
    for (int i = 0; i < c->nq; i++) {
        for (int j = 0; j < c->qs[i].nev; j++)
            free(c->qs[i].ev[j]);
        free(c->qs[i].ev);
    }
    free(c->turns);
    free(c->qs);
    json_decref(c->doc);
}

/* ---- scoring ----------------------------------------------------------------- */

/* Adds the question's recall at each k, given its ranked turn indexes (n <= KMAX). */
static void tally_add(tally_t *t, const conv_t *c, const question_t *q, const int *rank,
                      int n, int dump, const char *sys)
{
    double r[NK];
    for (int ki = 0; ki < NK; ki++) {
        int found = 0;
        for (int e = 0; e < q->nev; e++)
            for (int j = 0; j < n && j < KS[ki]; j++)
                if (strcmp(c->turns[rank[j]].dia_id, q->ev[e]) == 0) {
                    found++;
                    break;
                }
        r[ki] = (double)found / q->nev;
        t->sum[0][ki] += r[ki];
        t->sum[q->cat][ki] += r[ki];
    }
    t->n[0]++;
    t->n[q->cat]++;
    if (dump && r[1] < 1.0) {
        printf("[%s] %s cat %d r@10 %.2f: %s\n", sys, c->name, q->cat, r[1], q->text);
        for (int e = 0; e < q->nev; e++)
            for (int i = 0; i < c->nturns; i++)
                if (strcmp(c->turns[i].dia_id, q->ev[e]) == 0)
                    printf("    want %s %s\n", q->ev[e], c->turns[i].text);
        for (int j = 0; j < n && j < 3; j++)
            printf("    got  %s %s\n", c->turns[rank[j]].dia_id, c->turns[rank[j]].text);
    }
}

/* ---- ours, in-process -------------------------------------------------------- */

typedef struct scored {
    float s;
    int i;
} scored_t;

static int cmp_scored(const void *a, const void *b)
{
    const scored_t *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? 1 : -1;
    return x->i - y->i;
}

static int run_inproc(const conv_t *c, const opts_t *o, tally_t *t)
{
    char err[256];
    int N = c->nturns;
    float *docs = xcalloc((size_t)N * LEX_DIM, sizeof *docs);
    float *w = xcalloc(LEX_DIM, sizeof *w), *q = xcalloc(LEX_DIM, sizeof *q);
    scored_t *sc = xcalloc((size_t)N, sizeof *sc);
    float *mult = xcalloc((size_t)N, sizeof *mult);
    int rc = 0;

    for (int i = 0; i < N; i++)
        if (lex_encode(c->turns[i].text, strlen(c->turns[i].text),
                       docs + (size_t)i * LEX_DIM, err, sizeof err) != 0) {
            fprintf(stderr, "locomo-recall: %s %s: %s\n", c->name, c->turns[i].dia_id, err);
            rc = -1;
            goto done;
        }
    /* query weight per dimension, as index_search does: log((N+1)/(df+0.5)) */
    for (int d = 0; d < LEX_DIM; d++) {
        int df = 0;
        for (int i = 0; i < N; i++)
            df += docs[(size_t)i * LEX_DIM + d] != 0.0f;
        w[d] = o->idf ? (float)log((N + 1.0) / (df + 0.5)) : 1.0f;
    }
    for (int i = 0; i < N; i++) {
        int nnz = 0;
        for (int d = 0; d < LEX_DIM; d++)
            nnz += docs[(size_t)i * LEX_DIM + d] != 0.0f;
        mult[i] = o->pivot > 0 ? (float)sqrt(nnz / (nnz + o->pivot)) : 1.0f;
    }
    for (int qi = 0; qi < c->nq; qi++) {
        const question_t *qq = &c->qs[qi];
        if (lex_encode(qq->text, strlen(qq->text), q, err, sizeof err) != 0) {
            fprintf(stderr, "locomo-recall: %s question: %s\n", c->name, err);
            rc = -1;
            goto done;
        }
        for (int d = 0; d < LEX_DIM; d++)
            q[d] *= w[d];
        for (int i = 0; i < N; i++) {
            const float *r = docs + (size_t)i * LEX_DIM;
            float s = 0;
            for (int d = 0; d < LEX_DIM; d++)
                s += r[d] * q[d];
            sc[i] = (scored_t){ s * mult[i], i };
        }
        qsort(sc, (size_t)N, sizeof *sc, cmp_scored);
        int rank[KMAX], n = N < KMAX ? N : KMAX;
        for (int j = 0; j < n; j++)
            rank[j] = sc[j].i;
        tally_add(t, c, qq, rank, n, o->dump, "lex");
    }
done:
    free(docs);
    free(w);
    free(q);
    free(sc);
    free(mult);
    return rc;
}

/* ---- ours, through the HTTP API ------------------------------------------------ */

typedef struct buf {
    char *p;
    size_t n;
} buf_t;

static size_t on_body(char *data, size_t size, size_t nmemb, void *ud)
{
    buf_t *b = ud;
    size_t add = size * nmemb;
    char *p = realloc(b->p, b->n + add + 1);
    if (!p)
        return 0;
    memcpy(p + b->n, data, add);
    b->n += add;
    p[b->n] = '\0';
    b->p = p;
    return add;
}

/* One request; body NULL for GET. Returns the HTTP status (0 on transport failure)
 * and the parsed JSON reply in *out (caller decrefs; NULL when not JSON). */
static long http(CURL *h, const char *method, const char *url, const char *body,
                 json_t **out)
{
    buf_t b = { NULL, 0 };
    struct curl_slist *hd = NULL;
    const char *tok = getenv("MNEMO_TOKEN");
    char auth[512];
    long status = 0;

    *out = NULL;
    hd = curl_slist_append(hd, "Accept: application/json");
    if (body)
        hd = curl_slist_append(hd, "Content-Type: application/json");
    if (tok && *tok) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", tok);
        hd = curl_slist_append(hd, auth);
    }
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hd);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
    if (body)
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    CURLcode cc = curl_easy_perform(h);
    if (cc != CURLE_OK)
        fprintf(stderr, "locomo-recall: %s %s: %s\n", method, url, curl_easy_strerror(cc));
    else
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (b.p)
        *out = json_loads(b.p, 0, NULL);
    if (status >= 300 && b.p)
        fprintf(stderr, "locomo-recall: %s %s -> %ld %s\n", method, url, status, b.p);
    free(b.p);
    curl_slist_free_all(hd);
    return status;
}

/* The search legs asked of the server, one tally each (GET /v1/memories?legs=). */
#define NLEGS 3
static const char *const LEGS[NLEGS] = { "both", "bm25", "dense" };

static int run_server(const conv_t *c, const opts_t *o, tally_t *t)
{
    CURL *h = curl_easy_init();
    char user[128], url[4096];
    long long *ids = xcalloc((size_t)c->nturns, sizeof *ids);
    int rc = -1;

    if (!h)
        goto done;
    snprintf(user, sizeof user, "locomo-%s-%ld-%ld", c->name, (long)getpid(),
             (long)time(NULL));
    for (char *p = user; *p; p++)
        if (*p == '/')
            *p = '_';
    for (int at = 0; at < c->nturns; at += o->batch) {
        json_t *mem = json_array();
        int n = c->nturns - at < o->batch ? c->nturns - at : o->batch;
        for (int i = at; i < at + n; i++)
            json_array_append_new(mem, json_pack("{s:s}", "text", c->turns[i].text));
        json_t *req = json_pack("{s:s, s:o}", "user", user, "memories", mem);
        char *body = json_dumps(req, JSON_COMPACT);
        json_t *rep;
        snprintf(url, sizeof url, "%s/v1/memories", o->server);
        long st = http(h, "POST", url, body, &rep);
        free(body);
        json_decref(req);
        json_t *arr = json_object_get(rep, "ids");
        if (st != 201 || (int)json_array_size(arr) != n) {
            fprintf(stderr, "locomo-recall: batch insert failed (status %ld)\n", st);
            json_decref(rep);
            goto done;
        }
        for (int i = 0; i < n; i++)
            ids[at + i] = (long long)json_integer_value(json_array_get(arr, (size_t)i));
        json_decref(rep);
    }
    for (int qi = 0; qi < c->nq; qi++)
    for (int leg = 0; leg < NLEGS; leg++) {
        const question_t *qq = &c->qs[qi];
        char *eq = curl_easy_escape(h, qq->text, 0), *eu = curl_easy_escape(h, user, 0);
        int un = snprintf(url, sizeof url, "%s/v1/memories?user=%s&q=%s&k=%d&legs=%s",
                          o->server, eu ? eu : "", eq ? eq : "", KMAX, LEGS[leg]);
        curl_free(eq);
        curl_free(eu);
        if (un < 0 || (size_t)un >= sizeof url) {
            fprintf(stderr, "locomo-recall: question too long for a URL\n");
            goto done;
        }
        json_t *rep;
        long st = http(h, "GET", url, NULL, &rep);
        json_t *res = json_object_get(rep, "results");
        if (st != 200 || !json_is_array(res)) {
            fprintf(stderr, "locomo-recall: search failed (status %ld)\n", st);
            json_decref(rep);
            goto done;
        }
        int rank[KMAX], n = 0;
        size_t j;
        json_t *hit;
        json_array_foreach(res, j, hit) {
            long long id = (long long)json_integer_value(json_object_get(hit, "id"));
            for (int i = 0; i < c->nturns && n < KMAX; i++)
                if (ids[i] == id) {
                    rank[n++] = i;
                    break;
                }
        }
        tally_add(&t[leg], c, qq, rank, n, leg == 0 && o->dump, "mnemo");
        json_decref(rep);
    }
    rc = 0;
done:
    if (h) {
        char *eu = curl_easy_escape(h, user, 0);
        json_t *rep;
        snprintf(url, sizeof url, "%s/v1/users/%s", o->server, eu);
        curl_free(eu);
        http(h, "DELETE", url, NULL, &rep);   /* best effort: leave nothing behind */
        json_decref(rep);
        curl_easy_cleanup(h);
    }
    free(ids);
    return rc;
}

/* ---- the FTS5 baseline --------------------------------------------------------- */

/* The question's words (runs of ASCII letters and digits or non-ASCII bytes), each
 * quoted, joined with OR. */
static char *fts_query(const char *q)
{
    size_t cap = strlen(q) * 8 + 8, n = 0;
    char *out = xcalloc(cap, 1);
    const unsigned char *s = (const unsigned char *)q;
    while (*s) {
        while (*s && !(isalnum(*s) || *s >= 0x80))
            s++;
        if (!*s)
            break;
        if (n)
            n += (size_t)snprintf(out + n, cap - n, " OR ");
        out[n++] = '"';
        while (*s && (isalnum(*s) || *s >= 0x80))
            out[n++] = (char)tolower(*s++);
        out[n++] = '"';
        out[n] = '\0';
    }
    return out;
}

static int run_fts(const conv_t *c, const opts_t *o, tally_t *t)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *ins = NULL, *sel = NULL;
    int rc = -1;

    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter')",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES(?, ?)", -1, &ins,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) "
                           "LIMIT 25", -1, &sel, NULL) != SQLITE_OK)
        goto done;
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    for (int i = 0; i < c->nturns; i++) {
        sqlite3_bind_int(ins, 1, i + 1);
        sqlite3_bind_text(ins, 2, c->turns[i].text, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
            goto done;
        sqlite3_reset(ins);
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    for (int qi = 0; qi < c->nq; qi++) {
        char *m = fts_query(c->qs[qi].text);
        int rank[KMAX], n = 0;
        sqlite3_bind_text(sel, 1, m, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(sel) == SQLITE_ROW && n < KMAX)
            rank[n++] = sqlite3_column_int(sel, 0) - 1;
        sqlite3_reset(sel);
        free(m);
        tally_add(t, c, &c->qs[qi], rank, n, o->dump > 1, "fts5");
    }
    rc = 0;
done:
    if (rc)
        fprintf(stderr, "locomo-recall: sqlite: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(ins);
    sqlite3_finalize(sel);
    sqlite3_close(db);
    return rc;
}

/* ---- report ---------------------------------------------------------------------- */

static void print_row(const char *sys, const char *label, const tally_t *t, int ci)
{
    if (t->n[ci] == 0)
        return;
    printf("%-22s %-16s %4d", sys, label, t->n[ci]);
    for (int ki = 0; ki < NK; ki++)
        printf("  %.3f", t->sum[ci][ki] / t->n[ci]);
    printf("\n");
}

static void report(const char *sys, const tally_t *t)
{
    print_row(sys, "all", t, 0);
    for (int ci = 1; ci <= NCAT; ci++) {
        char l[32];
        snprintf(l, sizeof l, "%d %s", ci, CAT_NAME[ci - 1]);
        print_row(sys, l, t, ci);
    }
}

static void usage(void)
{
    fprintf(stderr,
            "usage: locomo-recall (--inproc | --server URL) [--no-idf] [--pivot P] "
            "[--batch N] [--dump] FILE.json...\n"
            "  --inproc      encode with lex_encode, rank by brute-force cosine here\n"
            "  --server URL  store and search through a running mnemod (MNEMO_TOKEN:\n"
            "                an admin token when tokens are configured): fused, the\n"
            "                bm25 leg and the dense leg (GET /v1/memories?legs=)\n"
            "  --no-idf      in-process: plain cosine, no query-side IDF weighting\n"
            "  --pivot P     in-process: scale each row's score by sqrt(nnz / (nnz + P)),\n"
            "                nnz = its nonzero dimensions (a store-side length pivot)\n"
            "  --batch N     memories per POST /v1/memories (default 100)\n"
            "  --dump        print the questions ours misses at k=10 (twice: FTS5 too)\n");
}

int main(int argc, char **argv)
{
    opts_t o = { NULL, 1, 0, 100, 0 };
    int inproc = 0, first = argc;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--inproc") == 0) {
            inproc = 1;
        } else if (strcmp(argv[i], "--server") == 0 && i + 1 < argc) {
            o.server = argv[++i];
        } else if (strcmp(argv[i], "--no-idf") == 0) {
            o.idf = 0;
        } else if (strcmp(argv[i], "--batch") == 0 && i + 1 < argc) {
            o.batch = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--pivot") == 0 && i + 1 < argc) {
            o.pivot = atof(argv[++i]);
        } else if (strcmp(argv[i], "--dump") == 0) {
            o.dump++;
        } else if (argv[i][0] == '-') {
            usage();
            return 2;
        } else {
            first = i;
            break;
        }
    }
    if (inproc == !!o.server || first >= argc || o.batch < 1) {
        usage();
        return 2;
    }
    if (o.server)
        curl_global_init(CURL_GLOBAL_DEFAULT);

    tally_t ours[NLEGS] = {0}, fts = {0};
    int turns = 0, rc = 0;
    for (int i = first; i < argc && rc == 0; i++) {
        conv_t c;
        if (load_conv(argv[i], &c) != 0) {
            free_conv(&c);
            rc = 1;
            break;
        }
        turns += c.nturns;
        if ((o.server ? run_server(&c, &o, ours) : run_inproc(&c, &o, ours)) != 0 ||
            run_fts(&c, &o, &fts) != 0)
            rc = 1;
        free_conv(&c);
    }
    if (rc == 0) {
        char sys[64];
        if (o.server)
            snprintf(sys, sizeof sys, "mnemo fused");
        else
            snprintf(sys, sizeof sys, "%s%s%s", LEX_ENCODER_ID, o.idf ? " +idf" : "",
                     o.pivot > 0 ? " +pivot" : "");
        printf("locomo-recall: %d conversations, %d turns, %d questions (categories 1-4)\n",
               argc - first, turns, ours[0].n[0]);
        printf("%-22s %-16s %4s  %5s  %5s  %5s\n", "system", "questions", "n", "@5", "@10",
               "@25");
        report(sys, &ours[0]);
        if (o.server) {
            report("mnemo bm25 leg", &ours[1]);
            report("mnemo dense leg", &ours[2]);
        }
        report("fts5 bm25 (porter)", &fts);
    }
    if (o.server)
        curl_global_cleanup();
    return rc;
}

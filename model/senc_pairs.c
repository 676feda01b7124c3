/* senc_pairs.c: the pairs the sentence encoder is trained on (senc_train.h). WordNet's
 * data files give broad vocabulary (synonyms, definitions, hypernyms, usage examples
 * with a word swapped); bAbI and the personal-fact generators give questions beside the
 * sentences that answer them. LoCoMo and the probes are never read here: they measure. */
#include "model/senc_train.h"
#include "model/data.h"
#include "model/dialogue.h"
#include "model/persona.h"
#include "model/reader.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const SOURCE_NAME[SENC_NSOURCES] = {
    "wordnet synonym", "wordnet definition", "wordnet hypernym", "wordnet example",
    "babi", "persona", "dialogue", "crop"};

const char *senc_source_name(int src)
{
    return src >= 0 && src < SENC_NSOURCES ? SOURCE_NAME[src] : "?";
}

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int senc_pairs_add(senc_pairs_t *p, const char *a, const char *b, int src)
{
    if (p->n == p->cap) {
        int cap = p->cap ? 2 * p->cap : 4096;
        char **na = realloc(p->a, (size_t)cap * sizeof *na);
        if (!na) return -1;
        p->a = na;
        char **nb = realloc(p->b, (size_t)cap * sizeof *nb);
        if (!nb) return -1;
        p->b = nb;
        unsigned char *ns = realloc(p->src, (size_t)cap);
        if (!ns) return -1;
        p->src = ns;
        p->cap = cap;
    }
    char *x = strdup(a), *y = strdup(b);
    if (!x || !y) {
        free(x);
        free(y);
        return -1;
    }
    p->a[p->n] = x;
    p->b[p->n] = y;
    p->src[p->n++] = (unsigned char)src;
    return 0;
}

void senc_pairs_free(senc_pairs_t *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->a[i]);
        free(p->b[i]);
    }
    free(p->a);
    free(p->b);
    free(p->src);
    *p = (senc_pairs_t){0};
}

/* ---- WordNet ------------------------------------------------------------------------ */

enum { MAX_LEMMAS = 32, MAX_HYPER = 8, NPOS = 4 };

typedef struct synset {
    unsigned offset;
    int nlem, nhyp;
    char *lem[MAX_LEMMAS];          /* into the file's buffer, underscores made spaces */
    unsigned hyp[MAX_HYPER];        /* hypernym offsets, same part of speech */
    char *gloss;                    /* into the buffer */
} synset_t;

typedef struct wn_pos {
    char *buf;
    synset_t *v;
    int n, cap;
} wn_pos_t;

/* Parses one data line (modified in place); 0, or -1 when it is not a synset. */
static int parse_synset(char *line, synset_t *s)
{
    char *save = NULL, *bar = strstr(line, " | ");
    if (!bar) return -1;
    *bar = 0;
    s->gloss = bar + 3;
    char *tok = strtok_r(line, " ", &save);
    if (!tok || !isdigit((unsigned char)tok[0])) return -1;
    s->offset = (unsigned)strtoul(tok, NULL, 10);
    strtok_r(NULL, " ", &save);                     /* lex_filenum */
    strtok_r(NULL, " ", &save);                     /* ss_type */
    char *wc = strtok_r(NULL, " ", &save);
    if (!wc) return -1;
    int nw = (int)strtol(wc, NULL, 16);
    s->nlem = s->nhyp = 0;
    for (int i = 0; i < nw; i++) {
        char *w = strtok_r(NULL, " ", &save);
        if (!strtok_r(NULL, " ", &save) || !w) return -1;   /* lex_id */
        char *paren = strchr(w, '(');                       /* adjective marker */
        if (paren) *paren = 0;
        for (char *c = w; *c; c++)
            if (*c == '_') *c = ' ';
        if (s->nlem < MAX_LEMMAS) s->lem[s->nlem++] = w;
    }
    char *pc = strtok_r(NULL, " ", &save);
    int np = pc ? atoi(pc) : 0;
    for (int i = 0; i < np; i++) {
        char *sym = strtok_r(NULL, " ", &save), *off = strtok_r(NULL, " ", &save);
        char *pos = strtok_r(NULL, " ", &save);
        if (!strtok_r(NULL, " ", &save) || !sym || !off || !pos) return -1;
        if ((strcmp(sym, "@") == 0 || strcmp(sym, "@i") == 0) && s->nhyp < MAX_HYPER)
            s->hyp[s->nhyp++] = (unsigned)strtoul(off, NULL, 10);
    }
    return s->nlem > 0 ? 0 : -1;
}

static int wn_read(wn_pos_t *w, const char *path, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    long n = -1;
    if (fseek(fp, 0, SEEK_END) == 0) n = ftell(fp);
    int rc = -1;
    if (n <= 0 || fseek(fp, 0, SEEK_SET) != 0 || !(w->buf = malloc((size_t)n + 1)) ||
        fread(w->buf, 1, (size_t)n, fp) != (size_t)n) {
        snprintf(err, errlen, "%s: cannot read it", path);
        goto done;
    }
    w->buf[n] = 0;
    for (char *line = w->buf, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = 0;
        if (line[0] == ' ') continue;               /* the licence */
        if (w->n == w->cap) {
            int cap = w->cap ? 2 * w->cap : 4096;
            synset_t *v = realloc(w->v, (size_t)cap * sizeof *v);
            if (!v) {
                snprintf(err, errlen, "out of memory");
                goto done;
            }
            w->v = v;
            w->cap = cap;
        }
        if (parse_synset(line, &w->v[w->n]) == 0) w->n++;
    }
    rc = w->n > 0 ? 0 : -1;
    if (rc) snprintf(err, errlen, "%s: no synsets in it", path);
done:
    fclose(fp);
    return rc;
}

/* The synset at offset (the files are sorted by offset), or NULL. */
static const synset_t *wn_find(const wn_pos_t *w, unsigned offset)
{
    int lo = 0, hi = w->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (w->v[mid].offset == offset) return &w->v[mid];
        if (w->v[mid].offset < offset) lo = mid + 1;
        else hi = mid - 1;
    }
    return NULL;
}

/* s with its first whole-word occurrence of word (ASCII case-insensitive) replaced by
 * by, into out; 0, or -1 when word does not occur or out is too small. */
static int swap_word(const char *s, const char *word, const char *by, char *out, size_t n)
{
    size_t wl = strlen(word);
    for (const char *p = s; *p; p++) {
        if (strncasecmp(p, word, wl) != 0) continue;
        if (p > s && isalnum((unsigned char)p[-1])) continue;
        if (isalnum((unsigned char)p[wl])) continue;
        int k = snprintf(out, n, "%.*s%s%s", (int)(p - s), s, by, p + wl);
        return k > 0 && (size_t)k < n ? 0 : -1;
    }
    return -1;
}

/* The pairs of one synset. */
static int wn_pairs(senc_pairs_t *p, const wn_pos_t *w, const synset_t *s, uint64_t *r)
{
    char def[1024], ex[1024], swapped[1024];
    const char *lem = s->lem[splitmix(r) % (uint64_t)s->nlem];
    const char *g = s->gloss;
    const char *q = strstr(g, "; \"");
    size_t dl = q ? (size_t)(q - g) : strcspn(g, "\"");
    while (dl > 0 && (g[dl - 1] == ' ' || g[dl - 1] == ';')) dl--;
    if (dl > 0 && dl < sizeof def) {
        memcpy(def, g, dl);
        def[dl] = 0;
        if (senc_pairs_add(p, lem, def, SENC_SRC_GLOSS) < 0) return -1;
    }
    if (s->nlem >= 2) {
        int i = (int)(splitmix(r) % (uint64_t)s->nlem);
        int j = (int)(splitmix(r) % (uint64_t)(s->nlem - 1));
        if (senc_pairs_add(p, s->lem[i], s->lem[j >= i ? j + 1 : j], SENC_SRC_SYNONYM) < 0)
            return -1;
    }
    const char *hyper = NULL;
    if (s->nhyp > 0) {
        const synset_t *h = wn_find(w, s->hyp[splitmix(r) % (uint64_t)s->nhyp]);
        if (h) {
            hyper = h->lem[splitmix(r) % (uint64_t)h->nlem];
            if (senc_pairs_add(p, lem, hyper, SENC_SRC_HYPERNYM) < 0) return -1;
        }
    }
    /* usage examples: "..." after the definition, each with its lemma swapped */
    for (const char *e = strchr(g, '"'); e; e = strchr(e, '"')) {
        const char *end = strchr(e + 1, '"');
        if (!end) break;
        size_t el = (size_t)(end - e - 1);
        if (el > 0 && el < sizeof ex) {
            memcpy(ex, e + 1, el);
            ex[el] = 0;
            /* the first lemma the example uses, swapped for another or a hypernym */
            for (int i = 0; i < s->nlem; i++) {
                const char *by = hyper;
                if (s->nlem >= 2) {
                    int j = (int)(splitmix(r) % (uint64_t)(s->nlem - 1));
                    by = s->lem[j >= i ? j + 1 : j];
                }
                if (by && swap_word(ex, s->lem[i], by, swapped, sizeof swapped) == 0) {
                    if (senc_pairs_add(p, ex, swapped, SENC_SRC_EXAMPLE) < 0) return -1;
                    break;
                }
            }
        }
        e = end + 1;
    }
    return 0;
}

int senc_pairs_wordnet(senc_pairs_t *p, const char *dir, uint64_t seed, char *err,
                       size_t errlen)
{
    static const char *const FILES[NPOS] = {"data.noun", "data.verb", "data.adj", "data.adv"};
    wn_pos_t w[NPOS] = {{0}};
    int before = p->n, rc = -1;
    uint64_t r = seed ^ 0x3A11D0C5ULL;
    char path[1024];
    for (int k = 0; k < NPOS; k++) {
        snprintf(path, sizeof path, "%s/%s", dir ? dir : "/usr/share/wordnet", FILES[k]);
        if (wn_read(&w[k], path, err, errlen) < 0) goto done;
    }
    for (int k = 0; k < NPOS; k++)
        for (int i = 0; i < w[k].n; i++)
            if (wn_pairs(p, &w[k], &w[k].v[i], &r) < 0) {
                snprintf(err, errlen, "out of memory");
                goto done;
            }
    rc = p->n - before;
done:
    for (int k = 0; k < NPOS; k++) {
        free(w[k].buf);
        free(w[k].v);
    }
    return rc;
}

/* ---- bAbI --------------------------------------------------------------------------- */

/* The pairs of one file's text: each question and one supporting line (at most max). */
static int babi_text_pairs(senc_pairs_t *p, const char *text, size_t len, int max,
                           uint64_t *r)
{
    enum { MAX_LINES = 1024 };
    char (*line)[256] = malloc(MAX_LINES * sizeof *line);   /* story lines by number */
    if (!line) return -1;
    size_t at = 0;
    int lineno = 0, added = 0;
    babi_line_t l;
    while (added < max && babi_next_line(text, len, &at, &lineno, &l) == 1) {
        if (l.no < 1 || l.no >= MAX_LINES) continue;
        const char *body = l.body, *end = l.tab ? l.tab : l.end;
        while (body < end && *body == ' ') body++;
        snprintf(line[l.no], sizeof line[l.no], "%.*s", (int)(end - body), body);
        if (!l.tab) continue;
        const char *sup = memchr(l.tab + 1, '\t', (size_t)(l.end - l.tab - 1));
        if (!sup) continue;
        long ids[8];
        int nid = 0;
        for (const char *c = sup + 1; c < l.end && nid < 8;) {
            char *e;
            long v = strtol(c, &e, 10);
            if (e == c) break;
            if (v >= 1 && v < l.no) ids[nid++] = v;
            c = e;
        }
        if (nid == 0) continue;
        if (senc_pairs_add(p, line[l.no], line[ids[splitmix(r) % (uint64_t)nid]],
                           SENC_SRC_BABI) < 0) {
            added = -1;
            break;
        }
        added++;
    }
    free(line);
    return added;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int senc_pairs_babi(senc_pairs_t *p, const char *dir, int per_file, uint64_t seed, char *err,
                    size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return -1;
    }
    char *names[64];
    int nn = 0, before = p->n, rc = -1;
    struct dirent *de;
    while ((de = readdir(d)) && nn < 64) {
        size_t l = strlen(de->d_name);
        if (strncmp(de->d_name, "qa", 2) == 0 && l > 10 &&
            strcmp(de->d_name + l - 10, "_train.txt") == 0)
            names[nn++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, (size_t)nn, sizeof *names, cmp_str);   /* readdir's order is not fixed */
    uint64_t r = seed ^ 0xBAB1ULL;
    char path[1024];
    for (int i = 0; i < nn; i++) {
        if (!names[i]) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *fp = fopen(path, "rb");
        char *buf = NULL;
        long n = -1;
        if (fp && fseek(fp, 0, SEEK_END) == 0) n = ftell(fp);
        if (n > 0 && fseek(fp, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n)) &&
            fread(buf, 1, (size_t)n, fp) == (size_t)n) {
            int k = babi_text_pairs(p, buf, (size_t)n, per_file, &r);
            free(buf);
            if (fp) fclose(fp);
            if (k < 0) {
                snprintf(err, errlen, "out of memory");
                goto done;
            }
            continue;
        }
        free(buf);
        if (fp) fclose(fp);
        snprintf(err, errlen, "%s: cannot read it", path);
        goto done;
    }
    rc = nn ? p->n - before : -1;
    if (!nn) snprintf(err, errlen, "%s: no qa*_train.txt files", dir);
done:
    for (int i = 0; i < nn; i++) free(names[i]);
    return rc;
}

/* ---- the generators ------------------------------------------------------------------ */

int senc_pairs_persona(senc_pairs_t *p, int nstories, uint64_t seed)
{
    enum { MAX_ATTR = 256 };
    int before = p->n;
    for (int k = 0; k < nstories; k++) {
        persona_story_t s;
        if (persona_story_make(&s, seed, k, PERSONA_TRAIN) < 0) return -1;
        int last[MAX_ATTR];
        for (int a = 0; a < MAX_ATTR; a++) last[a] = -1;
        int rc = 0;
        for (int i = 0; i < s.n && rc == 0; i++) {
            const persona_turn_t *t = &s.t[i];
            if (t->attr < 0 || t->attr >= MAX_ATTR) continue;
            if (t->kind == PERSONA_STATEMENT)
                last[t->attr] = i;
            else if (t->kind == PERSONA_QUESTION && last[t->attr] >= 0)
                rc = senc_pairs_add(p, t->text, s.t[last[t->attr]].text, SENC_SRC_PERSONA);
        }
        persona_story_free(&s);
        if (rc < 0) return -1;
    }
    return p->n - before;
}

int senc_pairs_dialogue(senc_pairs_t *p, const char *wordnet_dir, int n, uint64_t seed,
                        char *err, size_t errlen)
{
    dialogue_t *d = dialogue_new(wordnet_dir, err, errlen);
    dialogue_clause_t *cl = malloc(sizeof *cl);
    char (*fact)[DIALOGUE_TEXT_BYTES] = calloc(READER_NRELS, DIALOGUE_TEXT_BYTES);
    int before = p->n, rc = -1;
    if (!d || !cl || !fact) {
        if (d) snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (uint64_t i = 0; p->n - before < n && i < (uint64_t)n * 50; i++) {
        if (dialogue_clause(d, seed, i, DIALOGUE_TRAIN, cl) < 0) continue;
        if (cl->rel <= READER_REL_OPEN || cl->rel >= READER_NRELS) continue;
        if (cl->act == READER_FACT)
            snprintf(fact[cl->rel], DIALOGUE_TEXT_BYTES, "%s", cl->text);
        else if ((cl->act == READER_QUESTION || cl->act == READER_YESNO) && fact[cl->rel][0] &&
                 senc_pairs_add(p, cl->text, fact[cl->rel], SENC_SRC_DIALOGUE) < 0) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
    }
    rc = p->n - before;
done:
    dialogue_free(d);
    free(cl);
    free(fact);
    return rc;
}

/* ---- crops ----------------------------------------------------------------------------- */

int senc_pairs_crops(senc_pairs_t *p, int min_words, int max, uint64_t seed)
{
    enum { MAX_WORDS = 256 };
    uint64_t r = seed ^ 0xC0FFEEULL;
    int n0 = p->n, added = 0;
    char crop[1024];
    for (int i = 0; i < n0 && added < max; i++) {
        const char *t = p->b[i];
        const char *start[MAX_WORDS], *end[MAX_WORDS];
        int nw = 0;
        for (const char *c = t; *c && nw < MAX_WORDS;) {
            while (*c == ' ') c++;
            if (!*c) break;
            start[nw] = c;
            while (*c && *c != ' ') c++;
            end[nw++] = c;
        }
        if (nw < min_words) continue;
        int len = 3 + (int)(splitmix(&r) % 4);
        int at = (int)(splitmix(&r) % (uint64_t)(nw - len + 1));
        snprintf(crop, sizeof crop, "%.*s", (int)(end[at + len - 1] - start[at]), start[at]);
        if (senc_pairs_add(p, crop, t, SENC_SRC_CROP) < 0) return -1;
        added++;
    }
    return added;
}

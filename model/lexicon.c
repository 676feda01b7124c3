/* lexicon.c: WordNet noun files in memory (lexicon.h). data.noun is kept whole: in
 * wndb(5) a synset's offset is its byte offset in that file, so a pointer is followed by
 * parsing the line it points at, with no table built. index.noun is sorted, so a lemma
 * is found by binary search over its lines. */
#include "model/lexicon.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct lexicon {
    char *data;             /* data.noun, NUL-terminated */
    size_t ndata;
    char *index;            /* index.noun, lines NUL-terminated in place */
    char **line;            /* [nline] the lemma lines of index.noun, sorted */
    int nline;
};

/* Reads a whole file into a malloc'd NUL-terminated buffer. NULL on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n > 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
            if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
                free(buf);
                buf = NULL;
            } else {
                buf[n] = '\0';
                *len = (size_t)n;
            }
        }
    }
    fclose(f);
    return buf;
}

void lexicon_free(lexicon_t *lx)
{
    if (!lx)
        return;
    free(lx->data);
    free(lx->index);
    free(lx->line);
    free(lx);
}

lexicon_t *lexicon_load(const char *dir, char *err, size_t errlen)
{
    char path[1024];
    size_t nidx = 0;
    if (!dir)
        dir = "/usr/share/wordnet";
    lexicon_t *lx = calloc(1, sizeof *lx);
    if (!lx)
        goto oom;
    snprintf(path, sizeof path, "%s/data.noun", dir);
    if (!(lx->data = slurp(path, &lx->ndata)))
        goto unreadable;
    snprintf(path, sizeof path, "%s/index.noun", dir);
    if (!(lx->index = slurp(path, &nidx)))
        goto unreadable;
    int cap = 0;
    for (size_t i = 0; i < nidx; i++)
        cap += lx->index[i] == '\n';
    if (!(lx->line = malloc(((size_t)cap + 1) * sizeof *lx->line)))
        goto oom;
    for (char *p = lx->index; *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        if (*p && *p != ' ')            /* lines of the licence start with spaces */
            lx->line[lx->nline++] = p;
        if (!nl)
            break;
        p = nl + 1;
    }
    if (lx->nline < 1000 || lx->ndata < 100000) {
        snprintf(err, errlen, "%s does not look like WordNet's index.noun", path);
        lexicon_free(lx);
        return NULL;
    }
    return lx;
unreadable:
    snprintf(err, errlen, "cannot read %s (install Debian package wordnet-base, or give "
             "the WordNet folder)", path);
    lexicon_free(lx);
    return NULL;
oom:
    snprintf(err, errlen, "out of memory loading WordNet");
    lexicon_free(lx);
    return NULL;
}

/* Compares lemma key (underscored, lower case) with the first field of an index line. */
static int cmp_line(const char *key, const char *line)
{
    size_t i = 0;
    for (; key[i] && line[i] != ' '; i++)
        if (key[i] != line[i])
            return (unsigned char)key[i] - (unsigned char)line[i];
    if (!key[i] && line[i] == ' ')
        return 0;
    return key[i] ? 1 : -1;
}

/* The synset offset of noun sense `sense` of lemma, or -1. */
static long sense_offset(const lexicon_t *lx, const char *lemma, int sense)
{
    char key[128];
    size_t n = 0;
    for (; lemma[n] && n + 1 < sizeof key; n++)
        key[n] = lemma[n] == ' ' ? '_' : (char)tolower((unsigned char)lemma[n]);
    key[n] = '\0';
    int lo = 0, hi = lx->nline - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = cmp_line(key, lx->line[mid]);
        if (c < 0) {
            hi = mid - 1;
        } else if (c > 0) {
            lo = mid + 1;
        } else {
            /* lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets */
            const char *p = lx->line[mid];
            char f[8][32];
            int k = sscanf(p, "%31s %31s %31s %31s", f[0], f[1], f[2], f[3]);
            if (k != 4)
                return -1;
            int nsyn = atoi(f[2]), nptr = atoi(f[3]);
            for (int skip = 0; skip < 4 + nptr + 2; skip++) {
                p = strchr(p, ' ');
                if (!p)
                    return -1;
                p++;
            }
            if (sense < 1 || sense > nsyn)
                return -1;
            for (int s = 1; s < sense; s++) {
                p = strchr(p, ' ');
                if (!p)
                    return -1;
                p++;
            }
            return strtol(p, NULL, 10);
        }
    }
    return -1;
}

/* A parsed synset line: its lemmas and the offsets it points to by ~ and ~i. */
typedef struct synset {
    int nw;
    const char *w[64];          /* each runs to the next space */
    int nhypo, ninst;
    long hypo[512], inst[512];
} synset_t;

static int parse_synset(const lexicon_t *lx, long off, synset_t *s)
{
    if (off < 0 || (size_t)off >= lx->ndata)
        return -1;
    const char *p = lx->data + off;
    char *end;
    if (strtol(p, &end, 10) != off)
        return -1;
    p = end;
    /* lex_filenum ss_type w_cnt(hex) */
    strtol(p, &end, 10);
    p = end + 1;
    while (*p == ' ')
        p++;
    p++;                          /* ss_type */
    int nw = (int)strtol(p, &end, 16);
    p = end;
    s->nw = s->nhypo = s->ninst = 0;
    for (int i = 0; i < nw; i++) {
        while (*p == ' ')
            p++;
        if (s->nw < 64)
            s->w[s->nw++] = p;
        p = strchr(p, ' ');
        if (!p)
            return -1;
        strtol(p, &end, 16);      /* lex_id */
        p = end;
    }
    int np = (int)strtol(p, &end, 10);
    p = end;
    for (int i = 0; i < np; i++) {
        char sym[4] = {0};
        while (*p == ' ')
            p++;
        for (int k = 0; k < 3 && *p && *p != ' '; k++)
            sym[k] = *p++;
        long t = strtol(p, &end, 10);
        p = end;
        while (*p == ' ')
            p++;
        char pos = *p;
        p = strchr(p, ' ');       /* source/target */
        if (!p)
            return -1;
        strtol(p, &end, 16);
        p = end;
        if (pos != 'n')
            continue;
        if (strcmp(sym, "~") == 0 && s->nhypo < 512)
            s->hypo[s->nhypo++] = t;
        else if (strcmp(sym, "~i") == 0 && s->ninst < 512)
            s->inst[s->ninst++] = t;
    }
    return 0;
}

int lexicon_words_add(lexicon_words_t *out, const char *s)
{
    if (out->n == out->cap) {
        int c = out->cap ? out->cap * 2 : 64;
        char **w = realloc(out->w, (size_t)c * sizeof *w);
        if (!w)
            return -1;
        out->w = w;
        out->cap = c;
    }
    if (!(out->w[out->n] = strdup(s)))
        return -1;
    out->n++;
    return 0;
}

void lexicon_words_free(lexicon_words_t *out)
{
    for (int i = 0; i < out->n; i++)
        free(out->w[i]);
    free(out->w);
    memset(out, 0, sizeof *out);
}

static int cmp_ci(const void *a, const void *b)
{
    return strcasecmp(*(char *const *)a, *(char *const *)b);
}

void lexicon_words_uniq(lexicon_words_t *out)
{
    if (out->n < 2)
        return;
    qsort(out->w, (size_t)out->n, sizeof *out->w, cmp_ci);
    int k = 1;
    for (int i = 1; i < out->n; i++) {
        if (strcasecmp(out->w[i], out->w[k - 1]) == 0)
            free(out->w[i]);
        else
            out->w[k++] = out->w[i];
    }
    out->n = k;
}

/* Copies WordNet lemma w (up to a space) into buf as words, and checks the filters.
 * 1 when kept. Parenthesised markers and anything but letters, '_' and '-' reject. */
static int keep_lemma(const char *w, unsigned flags, int maxwords, char *buf, size_t cap)
{
    size_t n = 0;
    int words = 1;
    for (; w[n] && w[n] != ' '; n++) {
        char c = w[n];
        if (n + 1 >= cap)
            return 0;
        if (c == '_') {
            words++;
            buf[n] = ' ';
        } else if (isalpha((unsigned char)c) || c == '-') {
            if ((flags & LEX_LOWER) && isupper((unsigned char)c))
                return 0;
            buf[n] = c;
        } else {
            return 0;
        }
    }
    buf[n] = '\0';
    if (n < 3 || words > maxwords || buf[0] == '-' || buf[n - 1] == '-')
        return 0;
    if ((flags & LEX_PROPER) && !isupper((unsigned char)buf[0]))
        return 0;
    return 1;
}

/* The walk: an explicit stack of (offset, depth, is_instance), a visited list. */
typedef struct walk {
    long *off;
    int *depth;
    int n, cap;
    long *seen;
    int nseen, capseen;
} walk_t;

static int seen_add(walk_t *w, long off)
{
    for (int i = 0; i < w->nseen; i++)
        if (w->seen[i] == off)
            return 0;
    if (w->nseen == w->capseen) {
        int c = w->capseen ? w->capseen * 2 : 256;
        long *s = realloc(w->seen, (size_t)c * sizeof *s);
        if (!s)
            return -1;
        w->seen = s;
        w->capseen = c;
    }
    w->seen[w->nseen++] = off;
    return 1;
}

static int push(walk_t *w, long off, int depth)
{
    int r = seen_add(w, off);
    if (r <= 0)
        return r;
    if (w->n == w->cap) {
        int c = w->cap ? w->cap * 2 : 256;
        long *o = realloc(w->off, (size_t)c * sizeof *o);
        if (!o)
            return -1;
        w->off = o;
        int *d = realloc(w->depth, (size_t)c * sizeof *d);
        if (!d)
            return -1;
        w->depth = d;
        w->cap = c;
    }
    w->off[w->n] = off;
    w->depth[w->n++] = depth;
    return 0;
}

int lexicon_collect(const lexicon_t *lx, const char *lemma, int sense, unsigned flags,
                    int maxdepth, int maxwords, lexicon_words_t *out)
{
    long root = sense_offset(lx, lemma, sense);
    if (root < 0)
        return -1;
    walk_t w = {0};
    synset_t *s = malloc(sizeof *s);
    int added = 0, rc = s ? push(&w, root, 0) : -1;
    /* instance synsets are marked by a negative depth - 1 */
    while (rc == 0 && w.n > 0) {
        w.n--;
        long off = w.off[w.n];
        int depth = w.depth[w.n], inst = depth < 0;
        if (inst)
            depth = -depth - 1;
        if (parse_synset(lx, off, s) < 0)
            continue;
        int keep = depth > 0 || (flags & LEX_KEEP_ROOT);
        if ((flags & LEX_LEAVES_OF_INST) && !inst)
            keep = 0;
        for (int i = 0; keep && i < s->nw; i++) {
            char buf[96];
            if (keep_lemma(s->w[i], flags, maxwords, buf, sizeof buf)) {
                if (lexicon_words_add(out, buf) < 0) {
                    rc = -1;
                    break;
                }
                added++;
            }
        }
        if (depth >= maxdepth)
            continue;
        if (flags & LEX_HYPONYMS)
            for (int i = 0; rc == 0 && i < s->nhypo; i++)
                rc = push(&w, s->hypo[i], depth + 1);
        if (flags & LEX_INSTANCES)
            for (int i = 0; rc == 0 && i < s->ninst; i++)
                rc = push(&w, s->inst[i], -(depth + 1) - 1);
    }
    free(s);
    free(w.off);
    free(w.depth);
    free(w.seen);
    return rc < 0 ? -1 : added;
}

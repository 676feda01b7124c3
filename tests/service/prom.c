/* prom.c: the Prometheus text checker of prom.h. */
#include "tests/service/prom.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sample {
    char *series;       /* name{labels} as written */
    char name[128];
    double v;
} sample_t;

typedef struct family {
    char name[128];
    char type[16];
    int help;
} family_t;

struct prom {
    sample_t *s;
    size_t n;
    family_t f[128];
    size_t nf;
};

static int fail(char *why, size_t len, int line, const char *fmt, ...)
{
    va_list ap;
    int k = snprintf(why, len, "line %d: ", line);
    va_start(ap, fmt);
    if (k >= 0 && (size_t)k < len) vsnprintf(why + k, len - (size_t)k, fmt, ap);
    va_end(ap);
    return -1;
}

/* The metric name grammar; returns its length (0: none). */
static size_t name_len(const char *s)
{
    size_t i = 0;
    if (!(isalpha((unsigned char)s[0]) || s[0] == '_' || s[0] == ':')) return 0;
    while (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == ':') i++;
    return i;
}

static family_t *find_family(prom_t *p, const char *name)
{
    for (size_t i = 0; i < p->nf; i++)
        if (!strcmp(p->f[i].name, name)) return &p->f[i];
    return NULL;
}

/* The family of a sample: histograms own name_bucket, name_sum and name_count. */
static family_t *family_of(prom_t *p, const char *name)
{
    family_t *f = find_family(p, name);
    if (f) return f;
    static const char *const suffixes[] = {"_bucket", "_sum", "_count"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(name), m = strlen(suffixes[i]);
        if (n > m && !strcmp(name + n - m, suffixes[i])) {
            char base[128];
            snprintf(base, sizeof base, "%.*s", (int)(n - m), name);
            f = find_family(p, base);
            if (f && !strcmp(f->type, "histogram")) return f;
        }
    }
    return NULL;
}

/* Labels: {name="value",...} with \\ \" \n escapes. Returns the length, or 0. */
static size_t labels_len(const char *s)
{
    size_t i = 1;
    if (s[0] != '{') return 0;
    while (s[i] != '}') {
        size_t n = name_len(s + i);
        if (!n || s[i + n] != '=' || s[i + n + 1] != '"') return 0;
        i += n + 2;
        while (s[i] != '"') {
            if (!s[i] || s[i] == '\n') return 0;
            if (s[i] == '\\') {
                if (s[i + 1] != '\\' && s[i + 1] != '"' && s[i + 1] != 'n') return 0;
                i++;
            }
            i++;
        }
        i++;
        if (s[i] == ',') i++;
        else if (s[i] != '}') return 0;
    }
    return i + 1;
}

static int parse_line(prom_t *p, char *line, int no, char *why, size_t wl)
{
    if (line[0] == '#') {
        char kind[8], name[128], rest[256] = "";
        if (sscanf(line, "# %7s %127s %255[^\n]", kind, name, rest) < 2)
            return fail(why, wl, no, "bad comment '%s'", line);
        if (strcmp(kind, "HELP") && strcmp(kind, "TYPE")) return 0;   /* other comments */
        if (name_len(name) != strlen(name)) return fail(why, wl, no, "bad name '%s'", name);
        family_t *f = find_family(p, name);
        if (!f) {
            if (p->nf == sizeof p->f / sizeof p->f[0]) return fail(why, wl, no, "too many");
            f = &p->f[p->nf++];
            snprintf(f->name, sizeof f->name, "%s", name);
        }
        if (!strcmp(kind, "HELP")) {
            f->help = 1;
            return 0;
        }
        static const char *const types[] = {"counter", "gauge", "histogram", "summary",
                                            "untyped"};
        for (int i = 0; i < 5; i++)
            if (!strcmp(rest, types[i])) {
                if (f->type[0]) return fail(why, wl, no, "second TYPE for %s", name);
                snprintf(f->type, sizeof f->type, "%s", types[i]);
                return 0;
            }
        return fail(why, wl, no, "unknown type '%s'", rest);
    }
    size_t n = name_len(line);
    if (!n) return fail(why, wl, no, "no metric name in '%s'", line);
    size_t l = line[n] == '{' ? labels_len(line + n) : 0;
    if (line[n] == '{' && !l) return fail(why, wl, no, "bad labels in '%s'", line);
    if (line[n + l] != ' ') return fail(why, wl, no, "no space before the value: '%s'", line);
    char *end;
    const char *val = line + n + l + 1;
    double v = strtod(val, &end);
    if (end == val || (*end && *end != ' ')) return fail(why, wl, no, "bad value in '%s'", line);
    sample_t s = {.v = v};
    snprintf(s.name, sizeof s.name, "%.*s", (int)n, line);
    family_t *f = family_of(p, s.name);
    if (!f || !f->type[0]) return fail(why, wl, no, "%s has no TYPE line before it", s.name);
    if (!f->help) return fail(why, wl, no, "%s has no HELP line", s.name);
    if (!strcmp(f->type, "counter") && v < 0) return fail(why, wl, no, "negative counter");
    s.series = strndup(line, n + l);
    sample_t *ns = realloc(p->s, (p->n + 1) * sizeof *ns);
    if (!s.series || !ns) return fail(why, wl, no, "out of memory");
    p->s = ns;
    p->s[p->n++] = s;
    return 0;
}

/* Every histogram: buckets in order with le increasing and counts not decreasing, the
 * last le="+Inf", and its count equal to _count. */
static int check_histograms(prom_t *p, char *why, size_t wl)
{
    for (size_t i = 0; i < p->nf; i++) {
        family_t *f = &p->f[i];
        if (strcmp(f->type, "histogram")) continue;
        char bucket[160], count[160];
        snprintf(bucket, sizeof bucket, "%s_bucket{le=\"", f->name);
        snprintf(count, sizeof count, "%s_count", f->name);
        double last_le = -INFINITY, last_n = 0, inf = -1;
        int nb = 0;
        for (size_t j = 0; j < p->n; j++) {
            if (strncmp(p->s[j].series, bucket, strlen(bucket))) continue;
            const char *le = p->s[j].series + strlen(bucket);
            double x = !strncmp(le, "+Inf\"", 5) ? INFINITY : strtod(le, NULL);
            if (x <= last_le) return fail(why, wl, 0, "%s: le %g after %g", f->name, x, last_le);
            if (p->s[j].v < last_n) return fail(why, wl, 0, "%s: buckets decrease", f->name);
            last_le = x;
            last_n = p->s[j].v;
            if (isinf(x)) inf = p->s[j].v;
            nb++;
        }
        if (nb == 0 || inf < 0) return fail(why, wl, 0, "%s: no +Inf bucket", f->name);
        if (prom_value(p, count, -1) != inf)
            return fail(why, wl, 0, "%s: +Inf %g != _count %g", f->name, inf,
                        prom_value(p, count, -1));
    }
    return 0;
}

prom_t *prom_parse(const char *text, char *why, size_t whylen)
{
    prom_t *p = calloc(1, sizeof *p);
    char *copy = strdup(text), *save = copy, *line;
    int no = 0, rc = p && copy ? 0 : -1;
    if (rc) snprintf(why, whylen, "out of memory");
    if (copy && *copy && copy[strlen(copy) - 1] != '\n') {
        snprintf(why, whylen, "the text does not end with a newline");
        rc = -1;
    }
    while (!rc && (line = strsep(&save, "\n")) != NULL) {
        no++;
        if (!*line) continue;
        rc = parse_line(p, line, no, why, whylen);
    }
    if (!rc) rc = check_histograms(p, why, whylen);
    free(copy);
    if (rc) {
        prom_free(p);
        return NULL;
    }
    return p;
}

void prom_free(prom_t *p)
{
    if (!p) return;
    for (size_t i = 0; i < p->n; i++) free(p->s[i].series);
    free(p->s);
    free(p);
}

double prom_value(const prom_t *p, const char *series, double missing)
{
    for (size_t i = 0; i < p->n; i++)
        if (!strcmp(p->s[i].series, series)) return p->s[i].v;
    return missing;
}

int prom_has_prefix(const prom_t *p, const char *prefix)
{
    for (size_t i = 0; i < p->n; i++)
        if (!strncmp(p->s[i].series, prefix, strlen(prefix))) return 1;
    return 0;
}

/* bench_senc.c: `bench-senc`, how long the sentence encoder (model/senc.h) takes to turn
 * one text into its vector, tokenizing included, as a chat turn or a memory write pays
 * it: each line of a file (or a few built-in chat sentences) encoded in turn for
 * --rounds rounds, one timing per text, p50/p99 and texts per second on one thread.
 * Usage: bench-senc ENCODER [--file LINES] [--rounds N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/senc.h"

static const char *const BUILTIN[] = {
    "Caroline: I went to a LGBTQ support group yesterday and it was so powerful.",
    "Melanie: Yeah, I painted that lake sunrise last year! It's special to me.",
    "When did Melanie paint a sunrise?",
    "btw my dog's called Rex, he's a beagle",
    "What fields would Caroline be likely to pursue in her education?",
    "Hey Mel! Long time no talk. Lots has been going on since then!",
};

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    int rounds = 20;
    if (argc < 2) {
        fprintf(stderr, "usage: bench-senc ENCODER [--file LINES] [--rounds N]\n");
        return 2;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--file") == 0 && i + 1 < argc) path = argv[++i];
        else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = atoi(argv[++i]);
        else {
            fprintf(stderr, "bench-senc: unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    char err[512];
    senc_t *s = senc_load(argv[1], err, sizeof err);
    if (!s) {
        fprintf(stderr, "bench-senc: %s\n", err);
        return 1;
    }
    char **texts = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    char line[8192];
    FILE *fp = path ? fopen(path, "r") : NULL;
    if (path && !fp) {
        fprintf(stderr, "bench-senc: cannot read %s\n", path);
        return 1;
    }
    for (size_t i = 0;; i++) {
        const char *t;
        if (fp) {
            if (!fgets(line, sizeof line, fp)) break;
            line[strcspn(line, "\n")] = 0;
            t = line;
        } else {
            if (i == sizeof BUILTIN / sizeof BUILTIN[0]) break;
            t = BUILTIN[i];
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            texts = realloc(texts, cap * sizeof *texts);
        }
        texts[n++] = strdup(t);
        bytes += strlen(t);
    }
    if (fp) fclose(fp);
    if (n == 0 || rounds < 1) {
        fprintf(stderr, "bench-senc: no texts\n");
        return 1;
    }
    size_t total = n * (size_t)rounds;
    double *us = malloc(total * sizeof *us);
    float *vec = malloc((size_t)s->cfg.D * sizeof *vec);
    double t0 = now_us();
    for (size_t k = 0; k < total; k++) {
        const char *t = texts[k % n];
        double a = now_us();
        if (senc_encode(s, t, strlen(t), vec, err, sizeof err) != 0) {
            fprintf(stderr, "bench-senc: %s\n", err);
            return 1;
        }
        us[k] = now_us() - a;
    }
    double secs = (now_us() - t0) / 1e6;
    qsort(us, total, sizeof *us, cmp_double);
    printf("encoder tag %s (buckets %d, width %d, vectors of %d): %zu texts of %.0f bytes on "
           "average, %d rounds\n", s->tag, s->cfg.Nb, s->cfg.E, s->cfg.D, n,
           (double)bytes / n, rounds);
    printf("p50 %.1f us, p99 %.1f us, %.0f texts/s on one thread\n", us[total / 2],
           us[total * 99 / 100], total / secs);
    for (size_t i = 0; i < n; i++) free(texts[i]);
    free(texts);
    free(us);
    free(vec);
    senc_free(s);
    return 0;
}

/* prom.h: a small checker of the Prometheus text format 0.0.4 for the service tests:
 * HELP/TYPE lines, the sample grammar (name, optional {label="value",...}, a number),
 * every sample under a declared family, and histograms whose buckets are monotone with
 * +Inf equal to _count. */
#ifndef MNEMO_TESTS_SERVICE_PROM_H
#define MNEMO_TESTS_SERVICE_PROM_H

#include <stddef.h>

typedef struct prom prom_t;

/* Parses and checks text. NULL with why filled when it is not valid. */
prom_t *prom_parse(const char *text, char *why, size_t whylen);
void prom_free(prom_t *p);
/* The value of the sample whose series (name and labels as written) is series, or
 * missing when there is none. */
double prom_value(const prom_t *p, const char *series, double missing);
/* 1 when a sample's series starts with prefix. */
int prom_has_prefix(const prom_t *p, const char *prefix);

#endif

/* gradcheck.h: helpers shared by the layer tests: seeded random fills, a loss that is a
 * fixed random projection of a layer's output (accumulated in double), comparison of an
 * optimized kernel with its reference, and the central finite-difference gradient check. */
#ifndef MNEMO_TESTS_GRADCHECK_H
#define MNEMO_TESTS_GRADCHECK_H

#include <stddef.h>

/* The tolerance of every gradient check: with float32 values perturbed by GC_EPS,
 * rel = ||num - ana|| / max(||num||, ||ana||, GC_FLOOR) over the checked entries (one
 * tensor at a time) must be below GC_TOL. Forward float rounding (~1e-7 of the loss)
 * divided by 2 eps gives ~5e-5 noise per entry and the eps^2 truncation term is ~1e-6,
 * so 1e-2 leaves a margin while a 5% error in a tensor fails (see
 * test_gradcheck_detects_a_wrong_gradient). GC_FLOOR turns the check into an absolute
 * one, ||num - ana|| < 1e-3, for tensors whose whole gradient is tiny (a gate bias) and
 * would otherwise be compared with rounding noise. */
#define GC_EPS 1e-3f
#define GC_TOL 1e-2
#define GC_FLOOR 0.1
/* Optimized kernels against references: max |a - b| / max(1, max |b|). */
#define GC_REF_TOL 1e-4

typedef double (*gc_fn)(void *ctx);

unsigned gc_seed(unsigned s);
float gc_uniform(void);                         /* in [-1, 1) */
void gc_fill(float *x, size_t n, float scale);  /* uniform in [-scale, scale) */
float *gc_alloc(size_t n);                      /* zeroed, aborts on failure */
double gc_dot(const float *a, const float *w, size_t n);
double gc_maxdiff(const float *a, const float *b, size_t n);

/* Compares g with central differences of f over x: every entry when n <= max_checks,
 * else max_checks entries spread over x. Returns rel (see GC_TOL), or 1 when both
 * gradients vanish: a check that compares zeros with zeros proves nothing. */
double gc_check(gc_fn f, void *ctx, float *x, const float *g, size_t n, int max_checks,
                float eps);
/* The same with another floor; 0 makes it purely relative. */
double gc_check_floor(gc_fn f, void *ctx, float *x, const float *g, size_t n, int max_checks,
                      float eps, double floor);

/* The whole model: a long chain of small weights gives encoder gradients of ~1e-3 per
 * entry, where float rounding / 2e-3 is already 5%. There the step is GC_EPS_NET and the
 * check purely relative (no floor): rel < GC_TOL with truncation error ~1e-4. */
#define GC_EPS_NET 1e-2f

#endif

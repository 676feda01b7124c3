/* blas.c: how many threads OpenBLAS may start. mnemo runs its matrix work on threads of
 * its own (the trainer's workers, the daemon's request threads), each call small, so
 * OpenBLAS's own pool only spins and yields against them: one thread each. */
#include "model/model.h"

#include <cblas.h>

void model_blas_single(void)
{
#ifdef OPENBLAS_VERSION
    openblas_set_num_threads(1);
#endif
}

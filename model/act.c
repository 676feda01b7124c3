/* act.c: tanh for the layers (act.h). The fast form is tanh |x| = 1 - 2 / (e^{2|x|} + 1)
 * with the sign put back; below |x| = 1/16 that difference would cancel to a few bits,
 * so there the odd series x - x^3/3 + 2x^5/15 - 17x^7/315 is used instead (its first
 * left-out term, 62x^9/2835, is under 1e-12 there). */
#include "model/act.h"

#include <math.h>

/* Set before any worker starts, read only after. */
static int fast;

void act_fast_tanh(int on) { fast = on != 0; }

float act_tanh_fast(float x)
{
    float a = fabsf(x);
    if (a < 0.0625f) {
        float x2 = x * x;
        return x * (1.0f + x2 * (-1.0f / 3.0f + x2 * (2.0f / 15.0f - x2 * (17.0f / 315.0f))));
    }
    return copysignf(1.0f - 2.0f / (expf(2.0f * a) + 1.0f), x);
}

float act_tanh(float x) { return fast ? act_tanh_fast(x) : tanhf(x); }

/* fuzz_tokenizer.c: libFuzzer harness for model/tokenizer.c and the lexical sketch built
 * on it (model/lexical.c). Any bytes go to tok_split; it must refuse exactly the inputs
 * tok_utf8_valid refuses (with a message), and what it returns must hold together:
 * non-empty tokens of well-formed UTF-8 with a known kind. The same bytes go to
 * lex_encode, which must refuse the same inputs and otherwise give a sketch of finite
 * numbers, of unit length or all zeros, equal to the one of the tokens just split. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/lexical.h"
#include "model/tokenizer.h"
#include "fuzz.h"

/* The sketch of the same bytes; l: their tokens, or NULL when tok_split refused them. */
static void sketch(const uint8_t *data, size_t size, const tok_list_t *l)
{
    float v[LEX_DIM], w[LEX_DIM];
    char err[128] = "";
    int rc = lex_encode((const char *)data, size, v, err, sizeof err);
    if (rc == TOK_ENOMEM) return;
    if (!l) {
        CHECK(rc == TOK_EINVAL && err[0]);
        return;
    }
    CHECK(rc == TOK_OK);
    double sq = 0;
    for (int i = 0; i < LEX_DIM; i++) {
        CHECK(isfinite(v[i]));
        sq += (double)v[i] * v[i];
    }
    CHECK(sq == 0 || fabs(sq - 1) < 1e-4);
    CHECK(l->n > 0 || sq == 0);
    if (lex_encode_tokens(l, w) == TOK_ENOMEM) return;
    CHECK(memcmp(v, w, sizeof v) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tok_list_t l;
    char err[128] = "";
    memset(&l, 0, sizeof l);
    int valid = tok_utf8_valid((const char *)data, size);
    int rc = tok_split((const char *)data, size, &l, err, sizeof err);
    if (rc == TOK_ENOMEM) return 0;
    CHECK(rc == (valid ? TOK_OK : TOK_EINVAL));
    if (rc != TOK_OK) {
        CHECK(l.n == 0 && err[0]);
        tok_list_free(&l);
        sketch(data, size, NULL);
        return 0;
    }
    for (int i = 0; i < l.n; i++) {
        size_t n = strlen(l.v[i]);
        CHECK(n > 0);
        CHECK(tok_utf8_valid(l.v[i], n));
        CHECK(l.kind[i] <= TOK_CJK_BIGRAM);
    }
    sketch(data, size, &l);
    tok_list_free(&l);
    return 0;
}

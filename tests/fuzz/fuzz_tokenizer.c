/* fuzz_tokenizer.c: libFuzzer harness for model/tokenizer.c. Any bytes go to tok_split;
 * it must refuse exactly the inputs tok_utf8_valid refuses (with a message), and what it
 * returns must hold together: non-empty tokens of well-formed UTF-8 with a known kind. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/tokenizer.h"
#include "fuzz.h"

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
        return 0;
    }
    for (int i = 0; i < l.n; i++) {
        size_t n = strlen(l.v[i]);
        CHECK(n > 0);
        CHECK(tok_utf8_valid(l.v[i], n));
        CHECK(l.kind[i] <= TOK_CJK_BIGRAM);
    }
    tok_list_free(&l);
    return 0;
}

/* fuzz_plain.c: libFuzzer harness for agent/plain.c, which every chat message goes
 * through before it is read, and agent/terse.c after it. Any bytes, cut at their first
 * NUL as a message is: written out into a buffer of the size turn.c gives (PLAIN_ROOM), it
 * must fit, be as long as it says, stay well-formed UTF-8 when the message was, and come
 * out the same again in a buffer exactly one byte longer than it; one byte shorter is
 * refused. Its notes written out (TERSE_ROOM of its length, as turn.c gives) must fit,
 * be as long as they say and stay well-formed UTF-8 too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agent/plain.h"
#include "agent/terse.h"
#include "model/tokenizer.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *msg = malloc(size + 1);
    if (!msg) return 0;
    memcpy(msg, data, size);
    msg[size] = '\0';
    size_t len = strlen(msg), cap = PLAIN_ROOM(len);
    char *out = malloc(cap), *again = malloc(cap), *notes = NULL;
    if (!out || !again) goto done;
    long n = plain_text(msg, out, cap);
    CHECK(n >= 0 && (size_t)n < cap);
    CHECK(strlen(out) == (size_t)n);
    if (tok_utf8_valid(msg, len)) CHECK(tok_utf8_valid(out, (size_t)n));
    CHECK(plain_text(msg, again, (size_t)n + 1) == n && !strcmp(out, again));
    if (n > 0) CHECK(plain_text(msg, again, (size_t)n) == -1);
    size_t tcap = TERSE_ROOM((size_t)n);
    notes = malloc(tcap);
    if (!notes) goto done;
    long t = terse_text(out, notes, tcap);
    CHECK(t >= 0 && (size_t)t < tcap);
    if (t > 0) CHECK(strlen(notes) == (size_t)t);
    if (t > 0 && tok_utf8_valid(out, (size_t)n)) CHECK(tok_utf8_valid(notes, (size_t)t));
done:
    free(notes);
    free(out);
    free(again);
    free(msg);
    return 0;
}

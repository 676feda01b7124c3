/* quote_trim.h: a quoted sentence without the part that tells what was left behind. A
 * change is often told beside what it replaced ("we're skipping Ghent, we ride to Bruges
 * instead", "not at Tesco anymore, I joined Lidl", "switched from tea to coffee"); a quote
 * that answers what holds now says only the new part (quote.c). English only; pure
 * function over the given text. */
#ifndef MNEMO_AGENT_QUOTE_TRIM_H
#define MNEMO_AGENT_QUOTE_TRIM_H

#include <stddef.h>

/* The sentence text[0..n) without its parts that tell what was left (a part that skips,
 * sells, quits or leaves something, or says "not" / "no longer" of it; "from X" before
 * "to Y" in a part that says something changed), into out (cap bytes, cut at cap): 1
 * when there were such parts and what remains tells the new (a word of change or of now:
 * "instead", "now", "joined", "switched" ...) in two words at least, else 0 and out "".
 * A question that asks what was (asks_past: "used to", "before", "originally" ...) keeps
 * its sentence whole: the caller does not trim for it. */
int quote_trim(const char *text, size_t n, char *out, size_t cap);

/* 1 when question asks what held before ("what did I use to drive?", "where did I live
 * before?", "what was my old job?"), which a trimmed quote would no longer say. */
int quote_trim_asks_past(const char *question);

#endif

/* quote_span.h: the value a quoted sentence gives a question that asks for a day, a time,
 * a date or an amount ("which day is choir?" of "On Tuesdays we sing at the chapel": "Tuesday";
 * "how much did the foal weigh?" of "the foal came at dawn, 41kg": "41 kg"), so a quote can
 * point at its answer (quote.c). English only; nothing is guessed: a question of another
 * kind, or a sentence that holds no such value or several the question cannot choose
 * between, gives none. */
#ifndef MNEMO_AGENT_QUOTE_SPAN_H
#define MNEMO_AGENT_QUOTE_SPAN_H

#include <stddef.h>

/* The value the sentence text[0..n) gives question, into out (cap bytes, written as a
 * reply says it: "Friday", "5 am", "22 May", "6"; cut at cap); 1 when there is one, else
 * 0 and out "" (out untouched when cap is 0). */
int quote_span(const char *question, const char *text, size_t n, char *out, size_t cap);

/* What question asks for that quote_span looks for: QUOTE_ASKS_WHEN (a day, a time or
 * a date), QUOTE_ASKS_AMOUNT (how many, how much), else 0. */
enum { QUOTE_ASKS_WHEN = 1, QUOTE_ASKS_AMOUNT = 2 };
int quote_span_asks(const char *question);

#endif

/* quote_span.c: the value a quoted sentence gives a question of a day, a time, a date or
 * an amount (quote_span.h). The question's words say which it asks ("which day", "what
 * time", "when", "how many"); the sentence's words, stripped of the punctuation around
 * them, are read for that kind of value: a day of the week (understand_weekday), a month
 * with or without its day (understand_month), a clock time ("5am", "7:30 pm"), a number
 * with its unit ("3.4kg", not a year) beside a word of the question ("12 goats" for "how
 * many goats"), or the sentence's only one. */
#include "agent/quote_span.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/understand_words.h"

enum { SPAN_WORDS = 64, SPAN_WORD = 48 };
enum { ASKS_NONE, ASKS_DAY, ASKS_TIME, ASKS_DATE, ASKS_WHEN, ASKS_AMOUNT };

typedef char span_word_t[SPAN_WORD];

/* The words of text[0..n) (at most max, cut at spaces, the punctuation around each
 * dropped, inner dots and colons kept: "3.4kg", "5:30") into w; returns how many. */
static int words_in(const char *text, size_t n, span_word_t *w, int max)
{
    static const char *const around = "\"'()[]{},.;:!?*";
    int k = 0;
    size_t i = 0;
    while (i < n && k < max) {
        while (i < n && isspace((unsigned char)text[i])) i++;
        size_t b = i;
        while (i < n && !isspace((unsigned char)text[i])) i++;
        size_t e = i;
        while (b < e && strchr(around, text[b])) b++;
        while (e > b && strchr(around, text[e - 1])) e--;
        if (e > b && e - b < SPAN_WORD) snprintf(w[k++], SPAN_WORD, "%.*s", (int)(e - b), text + b);
    }
    return k;
}

/* 1 when the lower-case words w[0..n) hold the words of phrase at some place. */
static int has_phrase(span_word_t *w, int n, const char *phrase)
{
    span_word_t p[4];
    int np = words_in(phrase, strlen(phrase), p, 4);
    for (int i = 0; i + np <= n; i++) {
        int j = 0;
        while (j < np && !strcasecmp(w[i + j], p[j])) j++;
        if (j == np) return 1;
    }
    return 0;
}

/* What the question q[0..nq) asks for (ASKS_*). */
static int asked_kind(span_word_t *q, int nq)
{
    static const char *const times[] = {"what time", "which time", "what hour", "how early",
                                        "how late", NULL};
    static const char *const days[] = {"what day", "which day", "what days", "which days",
                                       "what night", "which night", "what evening",
                                       "which evening", NULL};
    static const char *const dates[] = {"what date", "which date", "what month", "which month",
                                        NULL};
    static const char *const amounts[] = {"how many", "how much", "how heavy", NULL};
    for (int i = 0; times[i]; i++)
        if (has_phrase(q, nq, times[i])) return ASKS_TIME;
    for (int i = 0; days[i]; i++)
        if (has_phrase(q, nq, days[i])) return ASKS_DAY;
    for (int i = 0; dates[i]; i++)
        if (has_phrase(q, nq, dates[i])) return ASKS_DATE;
    if (nq && (!strcasecmp(q[0], "when") || !strcasecmp(q[0], "when's") ||
               !strcasecmp(q[0], "whens")))
        return ASKS_WHEN;
    for (int i = 0; amounts[i]; i++)
        if (has_phrase(q, nq, amounts[i])) return ASKS_AMOUNT;
    return ASKS_NONE;
}

/* The day of a month (1-31) w is ("22", "22nd", "1st"), else 0. */
static int day_number(const char *w);

/* The month (1-12) w[i] names; "may" and "march" only written with a capital, beside a
 * day's number, or in a sentence that tells a change (change) right after "to", "till",
 * "until" or "into" ("the fair moved to march"): they are words of their own. */
static int month_of(span_word_t *w, int n, int i, int change)
{
    static const char *const to[] = {"to", "till", "until", "into", NULL};
    int m = understand_month(w[i]);
    if (!m || isupper((unsigned char)w[i][0]) ||
        (strcasecmp(w[i], "may") != 0 && strcasecmp(w[i], "march") != 0))
        return m;
    if (change && i > 0 && understand_in_list(to, w[i - 1])) return m;
    return (i > 0 && day_number(w[i - 1])) || (i + 1 < n && day_number(w[i + 1])) ? m : 0;
}

static int day_number(const char *w)
{
    char *end;
    long d = strtol(w, &end, 10);
    if (end == w || d < 1 || d > 31) return 0;
    if (*end && strcasecmp(end, "st") && strcasecmp(end, "nd") && strcasecmp(end, "rd") &&
        strcasecmp(end, "th"))
        return 0;
    return (int)d;
}

/* A clock time at w[i] ("5am", "5:30pm", "7.30", "5 am", "17:00") into out; 1 when
 * there is one. */
static int clock_time(span_word_t *w, int n, int i, char *out, size_t cap)
{
    const char *s = w[i];
    size_t k = 0;
    while (isdigit((unsigned char)s[k])) k++;
    if (k < 1 || k > 2 || atoi(s) > 24) return 0;
    size_t mins = 0;
    if ((s[k] == ':' || s[k] == '.') && isdigit((unsigned char)s[k + 1]) &&
        isdigit((unsigned char)s[k + 2]) && atoi(s + k + 1) < 60)
        mins = 3;
    const char *rest = s + k + mins;
    const char *half = NULL;                   /* am or pm */
    if (!strcasecmp(rest, "am") || !strcasecmp(rest, "pm")) half = rest;
    else if (*rest) return 0;
    else if (i + 1 < n && (!strcasecmp(w[i + 1], "am") || !strcasecmp(w[i + 1], "pm")))
        half = w[i + 1];
    if (!half && !mins) return 0;
    char lower[3] = "";
    if (half) lower[0] = (char)tolower((unsigned char)half[0]), lower[1] = 'm', lower[2] = '\0';
    snprintf(out, cap, "%.*s%s%s", (int)(k + mins), s, half ? " " : "", lower);
    return 1;
}

/* A number w may be, with a unit glued to it ("3.4kg", "12", "six"; not "40th" or a
 * time): its digits or word into num and unit into unit; 1 when it is one. */
static int amount_of(const char *w, span_word_t num, span_word_t unit)
{
    const size_t ncap = SPAN_WORD, ucap = SPAN_WORD;
    long v;
    unit[0] = '\0';
    if (understand_number(w, &v)) {
        snprintf(num, ncap, "%.*s", SPAN_WORD - 1, w);
        return 1;
    }
    size_t k = 0;
    while (isdigit((unsigned char)w[k]) || w[k] == ',' ||
           (w[k] == '.' && isdigit((unsigned char)w[k + 1])))
        k++;
    if (!k || !isdigit((unsigned char)w[0])) return 0;
    const char *rest = w + k;
    static const char *const not_units[] = {"st", "nd", "rd", "th", "am", "pm", "s", NULL};
    for (int i = 0; not_units[i]; i++)
        if (!strcasecmp(rest, not_units[i])) return 0;
    for (const char *p = rest; *p; p++)
        if (!isalpha((unsigned char)*p)) return 0;
    long whole = strtol(w, NULL, 10);
    if (k == 4 && !*rest && whole >= 1900 && whole <= 2100) return 0;     /* a year */
    snprintf(num, ncap, "%.*s", (int)k, w);
    snprintf(unit, ucap, "%.*s", SPAN_WORD - 1, rest);
    return 1;
}

/* 1 when the sentence's word s is one of the question's own words q[0..nq) (not the
 * words of asking), without case or a plural's s ("goats", "goat"). */
static int question_word(const char *s, span_word_t *q, int nq)
{
    static const char *const asking[] = {"how", "many", "much", "do", "does", "did", "i",
                                         "my", "have", "has", "had", "is", "are", "was",
                                         "were", "we", "our", "there", "the", "a", "of",
                                         "in", "at", "now", "got", "you", "it", NULL};
    size_t ls = strlen(s);
    if (ls > 1 && tolower((unsigned char)s[ls - 1]) == 's') ls--;
    for (int i = 0; i < nq; i++) {
        size_t lq = strlen(q[i]);
        if (lq > 1 && tolower((unsigned char)q[i][lq - 1]) == 's') lq--;
        if (lq >= 3 && lq == ls && !strncasecmp(s, q[i], ls) &&
            !understand_in_list(asking, q[i]))
            return 1;
    }
    return 0;
}

int quote_span_asks(const char *question)
{
    span_word_t q[SPAN_WORDS];
    int nq = words_in(question, strlen(question), q, SPAN_WORDS);
    int kind = asked_kind(q, nq);
    return kind == ASKS_NONE ? 0 : kind == ASKS_AMOUNT ? QUOTE_ASKS_AMOUNT : QUOTE_ASKS_WHEN;
}

/* Up to CANDS values of one kind a sentence holds (a day 1-7, a month 1-12, a time's
 * index + 1), each once, with the most newness any of its places has (newness). */
enum { CANDS = 8 };
typedef struct cands {
    int v[CANDS], nw[CANDS], n;
} cands_t;

/* Adds value v at a place of newness nw to c; returns its index, or -1 when c is full. */
static int add_cand(cands_t *c, int v, int nw)
{
    for (int k = 0; k < c->n; k++)
        if (c->v[k] == v) {
            if (nw > c->nw[k]) c->nw[k] = nw;
            return k;
        }
    if (c->n == CANDS) return -1;
    c->v[c->n] = v, c->nw[c->n] = nw;
    return c->n++;
}

/* The index of c's one value, or, when the sentence tells a change (change), of the one
 * value newer than every other; else -1. */
static int pick_at(const cands_t *c, int change)
{
    if (c->n == 1) return 0;
    if (!change || c->n < 2) return -1;
    int best = 0, tie = 0;
    for (int k = 1; k < c->n; k++) {
        if (c->nw[k] > c->nw[best]) best = k, tie = 0;
        else if (c->nw[k] == c->nw[best]) tie = 1;
    }
    return tie ? -1 : best;
}

/* c's value pick_at chooses, or 0. */
static int pick(const cands_t *c, int change)
{
    int at = pick_at(c, change);
    return at < 0 ? 0 : c->v[at];
}

/* 1 when the sentence s[0..ns) tells that something changed ("moved", "instead", "not
 * Mondays"), so of two values of a kind one is the new one. */
static int tells_change(span_word_t *s, int ns)
{
    static const char *const change[] = {"moved", "changed", "switched", "instead", "now",
                                         "meant", "change",
                                         "not", "postponed", "rescheduled", "pushed",
                                         "brought", "anymore", "longer", "down", "up",
                                         "sold", "lost", "died", "more", "fewer", "less",
                                         "updated", "update", "actually", "cancelled",
                                         "canceled", "skipping", "skip", NULL};
    for (int i = 0; i < ns; i++)
        if (understand_in_list(change, s[i]) || understand_in_list(understand_recall_verbs, s[i]))
            return 1;
    return 0;
}

/* How new the value at s[i] is told as: +1 after "to", "till", "until", "into" or "now"
 * (a word between: "to the 15th"), +1 before "now", "instead", "onwards" (up to three
 * words on, in its clause), -1 after "not", "from", "no", "than", "was", "sold",
 * "lost", or up to three words after "said", "told" ("I said 3 kids - it's 4"). */
static int newness(span_word_t *s, int ns, int i)
{
    static const char *const to[] = {"to", "till", "until", "into", "now", "onto", NULL};
    static const char *const then[] = {"now", "instead", "onwards", "onward", NULL};
    static const char *const was[] = {"not", "from", "no", "than", "was", "sold", "lost",
                                      "used", NULL};
    int n = 0;
    for (int d = 1; d <= 2 && i - d >= 0; d++) {
        if (understand_in_list(to, s[i - d])) n = 1;
        if (understand_in_list(was, s[i - d])) n = -1;
        if (n) break;
    }
    for (int d = 1; d <= 3 && i - d >= 0 && !n; d++)   /* "I told you 6 hens - it's 8":
                                                         * what was said before */
        if (understand_in_list(understand_recall_verbs, s[i - d])) n = -1;
    for (int d = 1; d <= 3 && i + d < ns; d++)
        if (understand_in_list(then, s[i + d])) {
            n += n >= 0;
            break;
        }
    return n;
}

int quote_span(const char *question, const char *text, size_t n, char *out, size_t cap)
{
    static const char *const day_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
    static const char *const month_names[] = {"January", "February", "March", "April",
                                              "May", "June", "July", "August", "September",
                                              "October", "November", "December"};
    static const char *const weights[] = {"kg", "kgs", "kilo", "kilos", "g", "grams", "lb",
                                          "lbs", "pounds", "oz", "ounces", "stone", "st",
                                          NULL};
    span_word_t q[SPAN_WORDS], s[SPAN_WORDS];
    if (!cap) return 0;
    int nq = words_in(question, strlen(question), q, SPAN_WORDS);
    int ns = words_in(text, n, s, SPAN_WORDS);
    int kind = asked_kind(q, nq);
    out[0] = '\0';
    if (kind == ASKS_NONE) return 0;
    int told_change = tells_change(s, ns);
    cands_t dc = {0}, mc = {0}, tc = {0};
    int mdays[CANDS] = {0};
    char times_at[CANDS][32];
    for (int i = 0; i < ns; i++) {
        int d = understand_weekday(s[i]), m = month_of(s, ns, i, told_change);
        if (d) add_cand(&dc, d, newness(s, ns, i));
        if (m) {
            int before = i > 0 ? day_number(s[i - 1]) : 0;       /* "22 May" */
            int of = i > 1 && !strcasecmp(s[i - 1], "of") ? day_number(s[i - 2]) : 0;
            int after = i + 1 < ns ? day_number(s[i + 1]) : 0;   /* "May 22nd" */
            int at = add_cand(&mc, m, newness(s, ns, before || of ? i - 1 - !!of : i));
            if (at >= 0) mdays[at] = before ? before : of ? of : after;
        }
        char t[32];
        if (clock_time(s, ns, i, t, sizeof t)) {
            int same = -1;
            for (int k = 0; k < tc.n && same < 0; k++)
                if (!strcmp(times_at[k], t)) same = k;
            int at = add_cand(&tc, same >= 0 ? same + 1 : tc.n + 1, newness(s, ns, i));
            if (at >= 0 && same < 0) snprintf(times_at[at], sizeof times_at[at], "%s", t);
        }
    }
    int day = pick(&dc, told_change), mc_at = pick_at(&mc, told_change);
    int days = day ? 1 : dc.n, month = mc_at >= 0 ? mc.v[mc_at] : 0;
    int months = month ? 1 : mc.n, mday = mc_at >= 0 ? mdays[mc_at] : 0;
    int t_at = pick_at(&tc, told_change), times = t_at >= 0 ? 1 : tc.n;
    char time[32] = "";
    if (t_at >= 0) snprintf(time, sizeof time, "%s", times_at[t_at]);
    if ((kind == ASKS_DAY || (kind == ASKS_WHEN && !months)) && days == 1)
        snprintf(out, cap, "%s", day_names[day - 1]);
    else if ((kind == ASKS_DATE || kind == ASKS_WHEN) && months == 1 && mday)
        snprintf(out, cap, "%d %s", mday, month_names[month - 1]);
    else if ((kind == ASKS_DATE || kind == ASKS_WHEN) && months == 1)
        snprintf(out, cap, "%s", month_names[month - 1]);
    else if ((kind == ASKS_TIME || (kind == ASKS_WHEN && !days)) && times == 1)
        snprintf(out, cap, "%s", time);
    else if (kind == ASKS_AMOUNT) {
        span_word_t num, unit;
        char one[2 * SPAN_WORD] = "";
        int found = 0, amounts = 0, best_new = -99, worst_new = 99, tie = 0, by_new = 0;
        char newest[2 * SPAN_WORD] = "", by_word[2 * SPAN_WORD] = "";
        /* a weight asked: a number with a unit of weight ("3.4kg", "7 lbs") */
        int weight = has_phrase(q, nq, "weigh") || has_phrase(q, nq, "heavy") ||
                     has_phrase(q, nq, "weight");
        for (int i = 0; i < ns && (!found || told_change); i++) {
            if (!amount_of(s[i], num, unit)) continue;
            if (!strcasecmp(s[i], "one") && !(i + 1 < ns && question_word(s[i + 1], q, nq)))
                continue;               /* ("for one person": mostly no amount) */
            if (!unit[0] && i + 1 < ns && understand_in_list(weights, s[i + 1]))
                snprintf(unit, SPAN_WORD, "%s", s[i + 1]);
            if (weight && !understand_in_list(weights, unit)) continue;
            amounts++;
            /* beside a word of the question: "12 goats", "milking 280", or its unit */
            int beside = (i + 1 < ns && question_word(s[i + 1], q, nq)) ||
                         (i > 0 && question_word(s[i - 1], q, nq));
            snprintf(one, sizeof one, "%s%s%s", num, unit[0] ? " " : "", unit);
            int nw = newness(s, ns, i);
            if (nw > best_new) best_new = nw, tie = 0, snprintf(newest, sizeof newest, "%s", one);
            else if (nw == best_new) tie = 1;
            if (nw < worst_new) worst_new = nw;
            if (beside && !found) {
                found = 1, by_new = nw;
                snprintf(by_word, sizeof by_word, "%s", one);
            }
        }
        /* a change told ("sold 4 ewes, down to 17 now"): the newest amount, if one is,
         * over one beside the question's words that is told as no older than others */
        if (told_change && amounts > 1 && !tie && best_new > worst_new &&
            (!found || by_new < 0 || !strcmp(by_word, newest)))
            snprintf(out, cap, "%s", newest);
        else if (found) snprintf(out, cap, "%s", by_word);
        else if (amounts == 1) snprintf(out, cap, "%s", one);
    }
    return out[0] != '\0';
}

/* asking.c: requests to be told a name written as questions (asking.h). A sentence
 * opens (after words of politeness: "please", "kindly", "can you" ...) with "remind me"
 * or "tell me" and then "the name(s) of", or with "name" and then a word that opens what
 * is named ("all", "my", "the" ...); it becomes "what is the name of ...?" or "what are
 * the names of ...?", its closing "." or "!" a question mark. Sentences end at . ! ? and
 * line ends. */
#include "agent/asking.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Words of politeness a request may open with, before its verb. */
static const char *const polite[] = {
    "please", "pls", "plz", "kindly", "ok", "okay", "so", "and", "now", "hey", "oh",
    "can you", "could you", "would you", "will you", "can u", "could u", NULL,
};

/* What follows "name" in a bid to be told names ("name all four of my goats"). */
static const char *const named[] = {"all", "my", "our", "the", "both", "each", "every",
                                    "his", "her", "their", NULL};

/* The length of word w when text at i opens with it as a whole word (any case, then a
 * space, a comma or the end), else 0. */
static size_t opens(const char *text, size_t n, size_t i, const char *w)
{
    size_t l = strlen(w);
    if (i + l > n || strncasecmp(text + i, w, l)) return 0;
    if (i + l < n && (isalnum((unsigned char)text[i + l]) || text[i + l] == '\'')) return 0;
    return l;
}

/* i past spaces and commas. */
static size_t skip(const char *text, size_t n, size_t i)
{
    while (i < n && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) i++;
    return i;
}

static size_t two_of(const char *obj, size_t n, size_t *second, size_t *borrow);

/* Where the request's object starts in the sentence text[b, e) and whether it asks names
 * (1) or a name (0) into *many: the index, or 0 when the sentence is no such request. */
static size_t request(const char *text, size_t b, size_t e, int *many)
{
    size_t i = skip(text, e, b), l;
    for (int k = 0; polite[k]; k++)
        if ((l = opens(text, e, i, polite[k]))) {
            i = skip(text, e, i + l);
            k = -1;                     /* ("please, could you ...") */
        }
    if ((l = opens(text, e, i, "remind")) || (l = opens(text, e, i, "tell"))) {
        i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "me"))) return 0;
        i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "again"))) i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "of"))) i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "the"))) i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "names"))) *many = 1;
        else if ((l = opens(text, e, i, "name"))) *many = 0;
        else return 0;
        i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "of"))) return 0;
        i = skip(text, e, i + l);
        return i < e ? i : 0;
    }
    if ((l = opens(text, e, i, "what")) || (l = opens(text, e, i, "whats")) ||
        (l = opens(text, e, i, "what's")) || (l = opens(text, e, i, "what're"))) {
        i = skip(text, e, i + l);       /* of two: "what are the names of ...", "what is
                                         * name of my aunt and of my godson" */
        if ((l = opens(text, e, i, "are")) || (l = opens(text, e, i, "is")) ||
            (l = opens(text, e, i, "were")) || (l = opens(text, e, i, "was")))
            i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "the"))) i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "names")) && !(l = opens(text, e, i, "name"))) return 0;
        i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "of"))) return 0;
        size_t second, borrow;
        i = skip(text, e, i + l);
        *many = 1;
        return i < e && two_of(text + i, e - i, &second, &borrow) ? i : 0;
    }
    if ((l = opens(text, e, i, "name"))) {
        size_t j = skip(text, e, i + l);
        for (int k = 0; named[k]; k++)
            if (opens(text, e, j, named[k])) {
                *many = 1;
                return j;
            }
    }
    return 0;
}

/* Appends s[0, n) to out at *at; 0 when it does not fit (room for the NUL kept). */
static int put(char *out, size_t cap, size_t *at, const char *s, size_t n)
{
    if (*at + n + 1 > cap) return 0;
    memcpy(out + *at, s, n);
    *at += n;
    return 1;
}

/* Words whose a name asked is ("my wife"). */
static const char *const whose[] = {"my", "our", "his", "her", "their", "the", NULL};

/* The length of the word of whose the text at i opens with, else 0. */
static size_t whose_at(const char *text, size_t n, size_t i)
{
    size_t l = 0;
    for (int k = 0; whose[k] && !l; k++) l = opens(text, n, i, whose[k]);
    return l;
}

/* Where " and " parts the names asked of obj[0, n) in two, each of someone ("my wife and
 * my nephew", "my wife and of my nephew", "my wife and nephew"): the index of the second
 * one's first word into *second (its word of whose, when it has none, is the first's:
 * *borrow its length); the index of " and ", or 0. */
static size_t two_of(const char *obj, size_t n, size_t *second, size_t *borrow)
{
    size_t lw = whose_at(obj, n, 0);
    if (!lw) return 0;
    for (size_t i = lw; i + 5 < n; i++) {
        if (strncasecmp(obj + i, " and ", 5)) continue;
        size_t j = i + 5, l;
        if ((l = opens(obj, n, j, "of"))) j = skip(obj, n, j + l);
        *borrow = whose_at(obj, n, j) ? 0 : lw;
        size_t w = j;                   /* without its own, one word ("and nephew") */
        while (w < n && (isalnum((unsigned char)obj[w]) || obj[w] == '-')) w++;
        if (*borrow && w < n) return 0;
        *second = j;
        return j < n ? i : 0;
    }
    return 0;
}

/* Writes the question for the names asked of obj[0, n) to out: one question for each
 * of two ("what is the name of my aunt and what is the name of my godson?"), else
 * q and obj. 0 when it does not fit. */
static int put_names(char *out, size_t cap, size_t *at, const char *q, const char *obj,
                     size_t n)
{
    static const char one[] = "what is the name of ";
    size_t second, borrow, and = two_of(obj, n, &second, &borrow);
    if (!and)
        return put(out, cap, at, q, strlen(q)) && put(out, cap, at, obj, n) &&
               put(out, cap, at, "?", 1);
    return put(out, cap, at, one, sizeof one - 1) && put(out, cap, at, obj, and) &&
           put(out, cap, at, " and ", 5) && put(out, cap, at, one, sizeof one - 1) &&
           put(out, cap, at, obj, borrow) && put(out, cap, at, borrow ? " " : "", !!borrow) &&
           put(out, cap, at, obj + second, n - second) && put(out, cap, at, "?", 1);
}

long asking_text(const char *msg, char *out, size_t cap)
{
    size_t n = strlen(msg), at = 0;
    for (size_t b = 0; b < n;) {
        size_t e = b;
        while (e < n && !strchr(".!?\n", msg[e])) e++;
        int many = 0;
        size_t obj = request(msg, b, e, &many);
        if (obj) {
            size_t lead = b;            /* the spaces it opened with stay */
            while (lead < e && isspace((unsigned char)msg[lead])) lead++;
            const char *q = many ? "what are the names of " : "what is the name of ";
            size_t end = e;
            while (end > obj && isspace((unsigned char)msg[end - 1])) end--;
            if (!put(out, cap, &at, msg + b, lead - b) ||
                !put_names(out, cap, &at, q, msg + obj, end - obj))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;  /* its "." or "!" is the "?" */
            continue;
        }
        if (e < n) e++;                 /* the mark that ends it */
        if (!put(out, cap, &at, msg + b, e - b)) return -1;
        b = e;
    }
    if (at + 1 > cap) return -1;
    out[at] = '\0';
    return (long)at;
}

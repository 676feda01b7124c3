/* lex_query.c: the text a word index is asked with (the bm25 leg of search): the query's
 * English stopwords blanked, so that a word index weighs the content words the sketch
 * weighs ("what did Melanie paint recently?" asks for "Melanie paint recently"), and a
 * memory that shares only "what", "did" and "you" with a question is no match. The rest
 * of the text (CJK, digits, other scripts, punctuation) stays byte for byte. */
#include "model/lexical.h"
#include "model/lex_words.h"

#include <stdlib.h>
#include <string.h>

static int is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The length of an apostrophe at s (' or U+2019), 0 when there is none. */
static size_t apostrophe(const unsigned char *s)
{
    if (s[0] == '\'') return 1;
    return s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99 ? 3 : 0;
}

/* The end of the ASCII word starting at s[i]: letters and digits, with apostrophes
 * between them ("don't", "caroline’s"). */
static size_t word_end(const unsigned char *s, size_t i)
{
    for (;;) {
        while (is_alnum(s[i])) i++;
        size_t a = apostrophe(s + i);
        if (!a || !is_alnum(s[i + a])) return i;
        i += a;
    }
}

/* Whether the code point at s (UTF-8, or the NUL) is a letter of a Latin, Greek or
 * Cyrillic block, or a combining mark: one that continues an ASCII run into a longer
 * word ("café", "naïve"), where punctuation (“ ” —) and CJK do not. */
static int joins(const unsigned char *s)
{
    if (s[0] < 0xC0 || s[0] >= 0xE0 || (s[1] & 0xC0) != 0x80) return 0;
    unsigned cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    return cp >= 0xC0 && cp <= 0x52F && cp != 0xD7 && cp != 0xF7;
}

/* Whether s[0..n) (ASCII, apostrophes of either kind) is a stopword, lower-cased. */
static int stop_span(const unsigned char *s, size_t n)
{
    char w[LEX_WORD_MAX];
    size_t k = 0;
    for (size_t i = 0; i < n; k++) {
        if (k + 1 >= sizeof w) return 0;    /* longer than any stopword */
        size_t a = apostrophe(s + i);
        w[k] = a ? '\'' : (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        i += a ? a : 1;
    }
    w[k] = 0;
    return lex_is_stopword(w);
}

char *lex_query_text(const char *text)
{
    size_t len = strlen(text);
    char *out = malloc(len + 1);
    if (!out) return NULL;
    memcpy(out, text, len + 1);
    const unsigned char *s = (const unsigned char *)text;
    int kept = 0, blanked = 0;
    for (size_t i = 0; i < len;) {
        if (!is_alnum(s[i])) {
            i++;
            continue;
        }
        size_t e = word_end(s, i);
        /* a run touching such a letter is part of a longer word, never a stopword */
        int inside = joins(s + e) || (i >= 2 && joins(s + i - 2));
        if (!inside && stop_span(s + i, e - i)) {
            memset(out + i, ' ', e - i);
            blanked = 1;
        } else {
            kept = 1;
        }
        i = e;
    }
    if (blanked && !kept)   /* only stopwords: asked as it was, as the sketch keeps them */
        memcpy(out, text, len + 1);
    return out;
}

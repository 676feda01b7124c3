/* tokenizer.c: strict UTF-8 decoding and the word/CJK tokenizer behind tokenizer.h.
 * One pass decodes a code point, classifies it (word character, CJK character or
 * separator) and grows the current word or emits CJK characters and their bigrams.
 * Invalid input is rejected with the byte offset of the first bad sequence. */
#include "model/tokenizer.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum cp_class { CP_SEP = 0, CP_WORD = 1, CP_CJK = 2, CP_APOS = 3 };

/* Decodes one code point at s[i..len). Returns its length in bytes (1..4) and sets
 * *cp, or returns 0 when the sequence is malformed; *why then says how. */
static int utf8_decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp,
                       const char **why)
{
    unsigned char c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint32_t min, v;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; min = 0x80; v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; min = 0x800; v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; min = 0x10000; v = c & 0x07;
    } else {
        *why = (c == 0xC0 || c == 0xC1) ? "overlong encoding"
             : (c >= 0x80 && c <= 0xBF) ? "unexpected continuation byte"
             : "invalid lead byte";
        return 0;
    }
    for (int k = 1; k < n; k++) {
        if (i + (size_t)k >= len) {
            *why = "truncated sequence";
            return 0;
        }
        unsigned char cc = s[i + (size_t)k];
        if ((cc & 0xC0) != 0x80) {
            *why = "truncated sequence";
            return 0;
        }
        v = (v << 6) | (cc & 0x3F);
    }
    if (v < min) {
        *why = "overlong encoding";
        return 0;
    }
    if (v >= 0xD800 && v <= 0xDFFF) {
        *why = "UTF-16 surrogate";
        return 0;
    }
    if (v > 0x10FFFF) {
        *why = "code point above U+10FFFF";
        return 0;
    }
    *cp = v;
    return n;
}

int tok_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        const char *why;
        int n = utf8_decode(u, len, i, &cp, &why);
        if (n == 0)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

static int is_cjk(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF)       /* CJK unified ideographs */
        || (c >= 0x3400 && c <= 0x4DBF)       /* extension A */
        || (c >= 0x20000 && c <= 0x3134F)     /* extensions B-G */
        || (c >= 0xF900 && c <= 0xFAFF)       /* compatibility ideographs */
        || (c >= 0x3040 && c <= 0x309F)       /* hiragana */
        || (c >= 0x30A0 && c <= 0x30FF && c != 0x30FB) /* katakana, not the middle dot */
        || (c >= 0x31F0 && c <= 0x31FF)       /* katakana phonetic extensions */
        || (c >= 0xFF66 && c <= 0xFF9F)       /* halfwidth katakana */
        || (c >= 0xAC00 && c <= 0xD7AF)       /* hangul syllables */
        || (c >= 0x1100 && c <= 0x11FF)       /* hangul jamo */
        || (c >= 0x3130 && c <= 0x318F)       /* hangul compatibility jamo */
        || c == 0x3005 || c == 0x3007;        /* 々 iteration mark, 〇 zero */
}

/* Separators beyond ASCII: spaces, punctuation and symbols of the common blocks.
 * Everything else outside ASCII (letters, marks, digits of other scripts) stays
 * inside words. */
static int is_sep_nonascii(uint32_t c)
{
    return (c >= 0x80 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) /* C1, Latin-1 punct */
        || c == 0xD7 || c == 0xF7                 /* × ÷ */
        || (c >= 0x2000 && c <= 0x206F)           /* general punctuation, spaces, ZWJ */
        || (c >= 0x2190 && c <= 0x2BFF)           /* arrows, maths, shapes, dingbats */
        || (c >= 0x3000 && c <= 0x303F && c != 0x3005 && c != 0x3007) /* CJK punctuation */
        || c == 0x30FB                            /* katakana middle dot */
        || (c >= 0xFE00 && c <= 0xFE6F)           /* variation selectors, CJK forms */
        || c == 0xFEFF                            /* byte order mark */
        || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20)
        || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) /* fullwidth punct */
        || (c >= 0xFFF0 && c <= 0xFFFF)           /* specials */
        || (c >= 0x1F000 && c <= 0x1FAFF)         /* emoji and pictographs */
        || (c >= 0xE0000 && c <= 0xE007F);        /* tags */
}

/* Folds case for ASCII, fullwidth ASCII letters and digits (to ASCII), Latin-1,
 * Latin Extended-A, basic Greek and Cyrillic. Other code points are returned as-is. */
static uint32_t fold(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xFF10 && c <= 0xFF19)
        return c - 0xFF10 + '0';
    if (c >= 0xFF21 && c <= 0xFF3A)
        return c - 0xFF21 + 'a';
    if (c >= 0xFF41 && c <= 0xFF5A)
        return c - 0xFF41 + 'a';
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? c + 1 : c;       /* odd upper, even lower */
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
            return c;                         /* dotted/dotless i, kra, 'n, long s */
        if (c == 0x178)
            return 0xFF;                      /* Ÿ -> ÿ */
        return (c & 1) ? c : c + 1;           /* even upper, odd lower */
    }
    if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2))
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

static enum cp_class classify(uint32_t c)
{
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return CP_WORD;
        return c == '\'' ? CP_APOS : CP_SEP;
    }
    if (c == 0x2019)                          /* ’ right single quote, as an apostrophe */
        return CP_APOS;
    if (is_cjk(c))
        return CP_CJK;
    if (is_sep_nonascii(c))
        return CP_SEP;
    return CP_WORD;
}

static size_t utf8_encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Appends a copy of s[0..n) as a token of the given kind; cap: its first letter was
 * upper case. */
static int push(tok_list_t *l, const char *s, size_t n, int kind, int cap)
{
    if (l->n == l->cap_n) {
        int cap = l->cap_n ? l->cap_n * 2 : 16;
        char **v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v)
            return TOK_ENOMEM;
        l->v = v;
        unsigned char *k = realloc(l->kind, (size_t)cap);
        if (!k)
            return TOK_ENOMEM;
        l->kind = k;
        unsigned char *cp = realloc(l->cap, (size_t)cap);
        if (!cp)
            return TOK_ENOMEM;
        l->cap = cp;
        l->cap_n = cap;
    }
    char *t = malloc(n + 1);
    if (!t)
        return TOK_ENOMEM;
    memcpy(t, s, n);
    t[n] = '\0';
    l->v[l->n] = t;
    l->kind[l->n] = (unsigned char)kind;
    l->cap[l->n] = cap != 0;
    l->n++;
    return TOK_OK;
}

/* A growable byte buffer for the word being built. */
typedef struct wbuf {
    char *p;
    size_t n, cap;
    int upper;      /* the word's first letter was upper case */
} wbuf_t;

static int wbuf_add(wbuf_t *b, uint32_t c)
{
    if (b->n + 4 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        char *p = realloc(b->p, cap);
        if (!p)
            return TOK_ENOMEM;
        b->p = p;
        b->cap = cap;
    }
    b->n += utf8_encode(c, b->p + b->n);
    return TOK_OK;
}

/* Ends the current word: a trailing apostrophe is dropped ("dogs'" -> "dogs"). */
static int flush_word(tok_list_t *out, wbuf_t *w)
{
    while (w->n > 0 && w->p[w->n - 1] == '\'')
        w->n--;
    int rc = w->n ? push(out, w->p, w->n, TOK_WORD, w->upper) : TOK_OK;
    w->n = 0;
    w->upper = 0;
    return rc;
}

int tok_split(const char *text, size_t len, tok_list_t *out, char *err, size_t errlen)
{
    const unsigned char *s = (const unsigned char *)text;
    wbuf_t w = {0};
    int rc = TOK_OK;
    size_t prev_cjk_off = 0, prev_cjk_len = 0;   /* previous CJK char, if adjacent */
    int have_prev_cjk = 0;

    memset(out, 0, sizeof *out);
    if (!text && len)
        return TOK_EINVAL;
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        const char *why = "";
        int n = utf8_decode(s, len, i, &cp, &why);
        if (n == 0) {
            if (err && errlen)
                snprintf(err, errlen, "invalid UTF-8 at byte offset %zu: %s", i, why);
            rc = TOK_EINVAL;
            goto done;
        }
        enum cp_class k = classify(cp);
        if (k == CP_CJK) {
            if ((rc = flush_word(out, &w)) != TOK_OK)
                goto done;
            if ((rc = push(out, text + i, (size_t)n, TOK_CJK, 0)) != TOK_OK)
                goto done;
            if (have_prev_cjk &&
                (rc = push(out, text + prev_cjk_off, prev_cjk_len + (size_t)n,
                           TOK_CJK_BIGRAM, 0)) != TOK_OK)
                goto done;
            prev_cjk_off = i;
            prev_cjk_len = (size_t)n;
            have_prev_cjk = 1;
        } else {
            have_prev_cjk = 0;
            if (k == CP_WORD) {
                uint32_t f = fold(cp);
                if (w.n == 0)
                    w.upper = f != cp;
                if ((rc = wbuf_add(&w, f)) != TOK_OK)
                    goto done;
            } else if (k == CP_APOS && w.n > 0 && w.p[w.n - 1] != '\'') {
                /* kept only inside a word: "don't", "caroline's"; a second one in a
                 * row or one at the start of a word is a separator */
                if ((rc = wbuf_add(&w, '\'')) != TOK_OK)
                    goto done;
            } else if ((rc = flush_word(out, &w)) != TOK_OK) {
                goto done;
            }
        }
        i += (size_t)n;
    }
    rc = flush_word(out, &w);
done:
    free(w.p);
    if (rc == TOK_ENOMEM && err && errlen)
        snprintf(err, errlen, "out of memory");
    if (rc != TOK_OK)
        tok_list_free(out);
    return rc;
}

void tok_list_free(tok_list_t *l)
{
    if (!l)
        return;
    for (int i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    free(l->kind);
    free(l->cap);
    memset(l, 0, sizeof *l);
}

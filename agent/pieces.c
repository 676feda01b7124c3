/* pieces.c: a message told as a list of short pieces, read by each piece's place in the
 * list (pieces.h). A piece is a whole sentence of one to four words, no question; the
 * list is a message of two sentences or more. What a piece alone may be: a number of
 * years, a diet word, or one or two words written as a name (a capital first, or any
 * case from one who writes nothing with capitals) that are no word of chat, kin, trade
 * or time. */
#include "agent/pieces.h"
#include "agent/clauses.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"

enum { PIECE_WORDS = 4, PIECE_WORD = 48 };

/* 1 when the byte c opens a word: a letter, a digit or the first byte of a letter of two
 * bytes (not of emoji or ideographs, which take three or four). */
static int opens_word(unsigned char c) { return isalnum(c) || (c >= 0xC0 && c < 0xE0); }

/* The words of text[0, n) as written: runs of letters (letters of two bytes too:
 * "Tromsø", "Åsa"), digits, apostrophes and hyphens; emoji and marks are none. Returns
 * how many, up to max + 1 (more than max: too many). */
static int words_of(const char *text, size_t n, char (*out)[PIECE_WORD], int max)
{
    int k = 0;
    size_t i = 0;
    while (i < n && k <= max) {
        if (!opens_word((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && (opens_word((unsigned char)text[i]) || text[i] == '\'' ||
                         text[i] == '-' || ((unsigned char)text[i] & 0xC0) == 0x80))
            i++;
        size_t l = i - b < PIECE_WORD ? i - b : PIECE_WORD - 1;
        if (k < max) snprintf(out[k], PIECE_WORD, "%.*s", (int)l, text + b);
        k++;
    }
    return k;
}

/* w in lower case (ASCII letters) into out. */
static void lower(const char *w, char *out, size_t cap)
{
    size_t k = 0;
    for (; w[k] && k + 1 < cap; k++) out[k] = (char)tolower((unsigned char)w[k]);
    out[k] = '\0';
}

/* The message's sentences that hold a word: how many, whether the one at sb is the first
 * (only greetings before it), and whether any opens with a capital (*caps). */
static int sentences(const char *msg, size_t sb, int *first, int *caps)
{
    size_t len = strlen(msg), at = 0;
    int count = 0;
    *first = 1;
    *caps = 0;
    while (at < len) {
        size_t b, e;
        clauses_sentence(msg, at, 0, &b, &e);
        char w[PIECE_WORDS + 1][PIECE_WORD], low[PIECE_WORD];
        int n = words_of(msg + b, e - b, w, PIECE_WORDS);
        if (n > 0) {
            count++;
            lower(w[0], low, sizeof low);
            if (b < sb && !(n == 1 && understand_in_list(understand_greetings, low)))
                *first = 0;
            *caps |= isupper((unsigned char)w[0][0]) != 0;
        }
        at = e + 1;
    }
    return count;
}

/* 1 when the words (one or two) are written as a name and are no word of chat, kin,
 * trade, time or diet. */
static int name_like(char (*w)[PIECE_WORD], int n, int caps)
{
    static const char *const chat[] = {
        "thanks", "thank", "ta", "cheers", "lol", "haha", "anyway", "yes", "yeah", "yep",
        "no", "nope", "ok", "okay", "sure", "sorry", "please", "bye", "wow", "nice", "cool",
        "great", "fine", "good", "tired", "busy", "home", "work", "retired", "again", "same",
        "done", "update", "also", "oh", "ah", "well", "right", "true", "exactly", "anyhow",
        "whatever", "hmm", "um", "erm", "bored", "sick", "knackered", "exhausted", "happy",
        "sad", "alone", "single", "married", "pregnant", "unemployed", "student", NULL};
    if (n < 1 || n > 2) return 0;
    for (int k = 0; k < n; k++) {
        unsigned char c = (unsigned char)w[k][0];
        char low[PIECE_WORD], key[UNDERSTAND_KEY];
        long v;
        lower(w[k], low, sizeof low);
        understand_holder_of(low, key, sizeof key);
        if (!(isupper(c) || (c >= 0xC3 && c <= 0xC9) || !caps) || understand_number(low, &v) ||
            isdigit(c) || lex_is_stopword(low) || understand_in_list(chat, low) ||
            understand_in_list(understand_greetings, low) ||
            understand_in_list(understand_no_trade_words, low) ||
            understand_in_list(understand_no_job_words, low) ||
            understand_in_list(understand_diet_words, low) || understand_month(low) ||
            understand_weekday(low) || kinds_person(low) || kinds_animal(low) ||
            understand_kin(key) || dialogue_pet_word(low) || understand_pronoun(low) ||
            (strchr(low, '\'') && !isupper(c)))     /* ("name's", not "O'Hara") */
            return 0;
    }
    return 1;
}

/* 1 when told[0..i) holds a fact of holder's rel the message told. */
static int told_of(const understood_t *told, int i, const char *holder, int rel)
{
    for (int k = 0; k < i; k++)
        if ((told[k].act == READER_FACT || told[k].act == READER_CORRECTION) &&
            told[k].rel == rel && told[k].value[0] && !strcmp(told[k].holder, holder))
            return 1;
    return 0;
}

/* The holder of someone or a pet of the user's the clause before u told a fact of, or
 * NULL ("got a beagle": "dog"). */
static const char *holder_before(const understood_t *told, int i, const understood_t *u)
{
    int j = i - 1;
    while (j >= 0 && told[j].at == u->at) j--;
    for (int k = j; k >= 0 && told[k].at == told[j].at; k--) {
        const understood_t *t = &told[k];
        if ((t->act != READER_FACT && t->act != READER_CORRECTION) || !t->personal ||
            !t->holder[0] || !strcmp(t->holder, "self"))
            continue;
        if (understand_kin(t->holder) || dialogue_pet_word(t->holder) || kinds_animal(t->holder))
            return t->holder;
        return NULL;
    }
    return NULL;
}

/* 1 when a sentence of msg after byte at is a trade or an age alone ("Beekeeper.",
 * "Violin maker.", "52."). */
static int bio_after(const char *msg, size_t at)
{
    size_t len = strlen(msg);
    while (at < len) {
        size_t b, e;
        clauses_sentence(msg, at + 1, 0, &b, &e);
        char w[PIECE_WORDS + 1][PIECE_WORD], low[PIECE_WORD];
        int n = words_of(msg + b, e - b, w, PIECE_WORDS);
        long v;
        if (n >= 1 && n <= 3) {
            lower(w[n - 1], low, sizeof low);
            if ((n == 1 && understand_number(low, &v) && v > 0 && v <= 120) ||
                (kinds_person(low) && !understand_in_list(understand_no_trade_words, low) &&
                 !understand_in_list(understand_no_job_words, low)))
                return 1;
        }
        at = e;
    }
    return 0;
}

static int put(pieces_fact_t *out, const char *holder, int rel, char (*w)[PIECE_WORD], int n)
{
    snprintf(out->holder, sizeof out->holder, "%s", holder);
    out->rel = rel;
    snprintf(out->value, sizeof out->value, "%s%s%s", w[0], n > 1 ? " " : "", n > 1 ? w[1] : "");
    return 1;
}

/* 1 when told[0..i) holds value as a fact's value ("... to Lisbon. Lisbon!"). */
static int value_told(const understood_t *told, int i, const char *value)
{
    for (int k = 0; k < i; k++)
        if (!strcasecmp(told[k].value, value)) return 1;
    return 0;
}

int pieces_read(const facts_t *f, const char *msg, const understood_t *told, int i,
                const understood_t *u, pieces_fact_t *out)
{
    if (u->act != READER_FACT && u->act != READER_SMALLTALK && u->act != READER_CORRECTION)
        return 0;
    if (memchr(msg + u->at, '?', u->len) || understand_chinese(msg, strlen(msg))) return 0;
    size_t sb, se;
    clauses_sentence(msg, u->at, u->len, &sb, &se);
    char w[PIECE_WORDS + 1][PIECE_WORD], cw[PIECE_WORDS + 1][PIECE_WORD];
    int n = words_of(msg + sb, se - sb, w, PIECE_WORDS);
    if (n < 1 || n > PIECE_WORDS || words_of(msg + u->at, u->len, cw, PIECE_WORDS) != n)
        return 0;                       /* (not the whole sentence) */
    size_t q = sb;
    while (q < se && msg[q] == ' ') q++;
    if (msg[q] == '\'' || msg[q] == '"' || !strncmp(msg + q, "\xE2\x80", 2))
        return 0;                       /* ("'Saltmarsh Press'": a thing's name, quoted) */
    int first, caps, list = sentences(msg, sb, &first, &caps);
    if (list < 2) return 0;
    const char *before = holder_before(told, i, u);
    char two[PIECE_WORD * 2 + 2], low[PIECE_WORD * 2 + 2];
    snprintf(two, sizeof two, "%s%s%s", w[0], n > 1 ? " " : "", n > 1 ? w[1] : "");
    lower(two, low, sizeof low);
    /* "6 yrs old" after "got a beagle": the dog's age */
    static const char *const of_years[] = {"yrs", "years", "year", "yr", "yo", "old", NULL};
    long v;
    int years = understand_number(w[0], &v) && v > 0 && v <= 120;
    for (int k = 1; k < n && years; k++) {
        char wl[PIECE_WORD];
        lower(w[k], wl, sizeof wl);
        years = understand_in_list(of_years, wl);
    }
    if (years && before) return put(out, before, READER_REL_AGE, w, 1);
    /* "Vegan." */
    if (n <= 2 && !before && understand_in_list(understand_diet_words, low))
        return put(out, "self", READER_REL_DIET, w, n);
    if (!name_like(w, n, caps) || value_told(told, i, two) ||
        (u->act == READER_FACT && u->value[0] && strcasecmp(u->value, two) != 0 &&
         (u->rel == READER_REL_NAME || u->rel == READER_REL_HOME)))
        return 0;                       /* (the reader's own: "name's Lucien") */
    int read_other = u->act != READER_SMALLTALK && u->value[0] && u->rel != READER_REL_NAME &&
                     u->rel != READER_REL_HOME && u->rel != READER_REL_HOMETOWN &&
                     u->rel != READER_REL_OPEN;
    /* "got a beagle. Pippin." */
    if (before && !told_of(told, i, before, READER_REL_NAME) && !facts_name_of(f, before) &&
        !read_other)
        return put(out, before, READER_REL_NAME, w, n);
    /* "Dorotea. Violin maker. Hexham." (written with capitals, ended by a full
     * stop, before a piece that is a trade or an age: not "Late. Train delayed.") */
    if (first && list >= 3 && caps && isupper((unsigned char)w[0][0]) && msg[se] != '!' &&
        !told_of(told, i, "self", READER_REL_NAME) && (!read_other || u->rel == READER_REL_JOB) &&
        bio_after(msg, se))
        return put(out, "self", READER_REL_NAME, w, n);
    if (!first && !before && !read_other && !told_of(told, i, "self", READER_REL_HOME) &&
        (told_of(told, i, "self", READER_REL_NAME) || told_of(told, i, "self", READER_REL_JOB)))
        return put(out, "self", READER_REL_HOME, w, n);
    return 0;
}

/* restate.c: whole phrases of a message said again as the reader knows them (restate.h),
 * each a pass over the whole message in turn: a correction said in passing (after words
 * of waiting, of apology, or said again without commas; in Chinese after 不对), an age
 * before a kind of person, a group named after it, a pet (or a child had) named in
 * commas, a second one had and named in one sentence told apart, and so a pet lived
 * with, the age of one just named ("..., who is 12") told as theirs, a verb left out
 * after a comma, a note's parts set off by dashes, names listed with their ages after a
 * group of kin, an age in words asked of oneself, phrases said otherwise, a place of
 * work named after "on", one the user is together with, one named before who they are
 * ("there's Rolo, my dog", "Ivo rang, that's my son, ..."), the listener called "my
 * friend" after a question, "originally" after a place, an age after one's place among
 * the rest ("Ana is older, she is 40"), "my" before a group that opens a sentence, one
 * thing traded for another, "guess who" of oneself, a word of kin and a name opening a
 * sentence, emoji between words as commas. Each pass copies what it does not change byte
 * for byte. */
#include "agent/restate.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/plain_scan.h"
#include "agent/realise.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lexical.h"

/* Where msg[0, len) first stops to put something right: a comma or a dash between
 * spaces, or the end of a sentence, then words of waiting ("oh wait", "no, wait", "hang
 * on", "wait no", "nah hang on", "ah no", "i mean", "make that"; "oh", "ah", "uh", "er",
 * "erm", "um", "actually" go with any) or of apology ("sorry", "oops", "no sorry",
 * "forgive me", "my mistake", a bare "no" or "nah" with a comma after it), then what is
 * said instead (after a sentence's end, the words must end in a comma, or be "make
 * that"). Returns where the stop opens (-1 when there is none), with its length up to
 * what is said instead in *wl, *numbers_only set when only an apology or a bare "no"
 * was said (it then puts right a number or a name only: "I'm 31, sorry, 32", "two cats -
 * no, three"), and *sentence when the stop is a sentence's end. */
static long waited_at(const char *msg, size_t len, size_t *wl, int *numbers_only, int *sentence)
{
    static const char *const dashes[] = {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", NULL};
    for (size_t i = 0; i < len; i++) {
        size_t p = 0;
        int ends = (msg[i] == '.' || msg[i] == '!') && i + 1 < len && msg[i + 1] == ' ';
        if (msg[i] == ',' || ends) p = i + 1;
        for (int d = 0; dashes[d] && !p; d++)
            if (!strncmp(msg + i, dashes[d], strlen(dashes[d]))) p = i + strlen(dashes[d]);
        if (!p) continue;
        int waits = 0, sorry = 0, bare = 0, words = 0, comma = 0, made = 0;
        size_t q = p, said = 0;
        for (;;) {
            char w[12], w2[8];
            size_t e = plain_read_word(msg, len, q, w, sizeof w, 0), e2;
            if (!e) break;
            if (!strcmp(w, "hang") || !strcmp(w, "i") || !strcmp(w, "make")) {
                /* "hang on", "i mean", "i meant", "make that", "make it" */
                e2 = plain_read_word(msg, len, e, w2, sizeof w2, 0);
                if (!e2 || (w[0] == 'h' && strcmp(w2, "on") != 0) ||
                    (w[0] == 'i' && strcmp(w2, "mean") != 0 && strcmp(w2, "meant") != 0) ||
                    (w[0] == 'm' && strcmp(w2, "that") != 0 && strcmp(w2, "it") != 0))
                    break;
                e = e2;
                waits = 1;
                made = w[0] == 'm';
            } else if (!strcmp(w, "wait")) {
                waits = 1;
            } else if (!strcmp(w, "sorry") || !strcmp(w, "oops")) {
                sorry = 1;
            } else if (!strcmp(w, "forgive") || !strcmp(w, "pardon") || !strcmp(w, "my")) {
                /* "forgive me", "pardon me", "my mistake", "my bad" (an apology) */
                static const char *const after[] = {"me", "me", "mistake", "bad"};
                int k = !strcmp(w, "forgive") ? 0 : !strcmp(w, "pardon") ? 1 : 2;
                e2 = plain_read_word(msg, len, e, w2, sizeof w2, 0);
                if (!e2 || (strcmp(w2, after[k]) != 0 && (k < 2 || strcmp(w2, after[3]) != 0)))
                    break;
                e = e2;
                sorry = 1;
            } else if (!strcmp(w, "no") || !strcmp(w, "nah")) {
                bare = 1;
            } else if (strcmp(w, "oh") != 0 && strcmp(w, "ah") != 0 && strcmp(w, "uh") != 0 &&
                       strcmp(w, "er") != 0 && strcmp(w, "erm") != 0 && strcmp(w, "um") != 0 &&
                       strcmp(w, "actually") != 0) {
                break;                  /* ("ah no", "erm, sorry") */
            }
            words++;
            comma = e < len && msg[e] == ',';
            q = e + comma;
            if (q >= len || msg[q] != ' ') break;
            while (q < len && msg[q] == ' ') q++;
            said = q;
        }
        if (!said || !words || words > 4) continue;
        if (!waits && !sorry && !(bare && (comma || p > i + 1))) continue;
        if (ends && !comma && !made) continue;
        *wl = said - (size_t)i;
        *numbers_only = !waits;
        *sentence = ends;
        return (long)i;
    }
    return -1;
}

/* "my niece is Elin no wait Eila lol": a word said again right after a word of waiting
 * said without commas ("no wait", "i mean") puts right the word just before it, when
 * nothing but chat follows it. The same contract as corrected_in_passing. */
static size_t word_put_right(const char *msg, size_t len, char *out)
{
    static const char *const waits[] = {" no wait ", " wait no ", " no sorry ", " sorry i mean ",
                                        " i mean ", " i meant ", " or rather ", NULL};
    static const char *const chat[] = {"lol", "haha", "lmao", "sorry", "btw", "oops", "ha",
                                       "typo", "autocorrect", "autocorrected", "whoops",
                                       "omg", "jk", "ugh", "duh", NULL};
    size_t wl;
    long w = plain_find_any(msg, len, 0, waits, &wl);
    if (w <= 0) return 0;
    size_t pe = (size_t)w, pb = pe;             /* the word put right */
    while (pb > 0 && isalnum((unsigned char)msg[pb - 1])) pb--;
    size_t ys = (size_t)w + wl, fe = ys;        /* the word said instead */
    while (fe < len && isalnum((unsigned char)msg[fe])) fe++;
    if (pb == pe || fe == ys) return 0;
    char was[32], now[32];
    if (pe - pb >= sizeof was || fe - ys >= sizeof now) return 0;
    snprintf(was, sizeof was, "%.*s", (int)(pe - pb), msg + pb);
    snprintf(now, sizeof now, "%.*s", (int)(fe - ys), msg + ys);
    for (char *c = was; *c; c++) *c = (char)tolower((unsigned char)*c);
    if (lex_is_stopword(was) || !strcasecmp(was, now)) return 0;
    /* only chat up to the sentence's end, unless a number puts a number right ("30 no
     * wait 31 lol cannot count") */
    int numbers = strspn(was, "0123456789") == strlen(was) &&
                  strspn(now, "0123456789") == strlen(now);
    size_t e = fe;
    for (; !numbers;) {
        while (e < len && msg[e] == ' ') e++;
        if (e >= len || strchr(",.;:!?", msg[e])) break;
        size_t we = e;
        while (we < len && isalpha((unsigned char)msg[we])) we++;
        char word[16];
        if (we == e || we - e >= sizeof word) return 0;
        snprintf(word, sizeof word, "%.*s", (int)(we - e), msg + e);
        for (char *c = word; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (!understand_in_list(chat, word)) return 0;
        e = we;
    }
    size_t at = 0;
    memcpy(out + at, msg, pb), at += pb;
    memcpy(out + at, msg + ys, fe - ys), at += fe - ys;
    memcpy(out + at, msg + e, len - e), at += len - e;
    out[at] = '\0';
    return at;
}

/* The length of the capitalised word at msg[i] (letters only, two or more), else 0. */
static size_t cap_word(const char *msg, size_t len, size_t i)
{
    size_t e = i;
    if (i >= len || !isupper((unsigned char)msg[i])) return 0;
    while (e < len && (isalpha((unsigned char)msg[e]) || plain_two_byte_letter(msg, len, e)))
        e += isalpha((unsigned char)msg[e]) ? 1 : plain_two_byte_letter(msg, len, e);   /* ("Sofía") */
    return e - i >= 2 && (e == len || !isalnum((unsigned char)msg[e])) ? e - i : 0;
}

/* The length of a capitalised word at msg[i] whose parts a hyphen or an apostrophe may
 * join ("Saint-Laurent", "O'Neill"), else 0. */
static size_t cap_run(const char *msg, size_t len, size_t i)
{
    size_t e = i + cap_word(msg, len, i);
    if (e == i) return 0;
    while (e + 1 < len && (msg[e] == '-' || msg[e] == '\'') && cap_word(msg, len, e + 1))
        e += 1 + cap_word(msg, len, e + 1);
    return e - i;
}

/* The length of the run of capitalised words at msg[i] (each a cap_run, one space
 * between them: "Kent Rovers", "Saint-Laurent Hall"), else 0. */
static size_t caps_at(const char *msg, size_t len, size_t i)
{
    size_t e = i, w;
    while ((w = cap_run(msg, len, e)) != 0) {
        e += w;
        if (e + 1 < len && msg[e] == ' ' && cap_run(msg, len, e + 1)) e++;
        else break;
    }
    return e - i;
}

static const char *const place_words[] = {"in", "at", "to", "from", "on", NULL};

/* 1 when msg[i..) opens with a word of place ("in", "at", "to", "from", "on") and a
 * capitalised word, a number or "the": "in Hilton", "at 5", not "in case". */
static int opens_with_place(const char *msg, size_t len, size_t i)
{
    char w[8];
    size_t e = plain_read_word(msg, len, i, w, sizeof w, 0);
    if (!e || !understand_in_list(place_words, w) || e + 1 >= len || msg[e] != ' ') return 0;
    return isupper((unsigned char)msg[e + 1]) || isdigit((unsigned char)msg[e + 1]) ||
           !strncasecmp(msg + e + 1, "the ", 4);
}

/* "lives in Ghent, no, sorry, she moved to Leuven last year, ...": a place put right in a
 * clause of its own (opening with a pronoun, the new place capitalised after a word of
 * place) is said in place of the capitalised place right before the words of waiting
 * (after a word of place too): "lives in Leuven, ...". msg[sb, w) is the sentence up to
 * the waiting, msg[ys, ye) what is said instead. Into out (len + 1 bytes at least): the
 * length, else 0. */
static size_t place_said_instead(const char *msg, size_t len, size_t sb, size_t w, size_t ys,
                                 size_t ye, char *out)
{
    static const char *const pronouns[] = {"he", "she", "they", "it", "him", "her", "we", "i",
                                           "he's", "she's", "they're", "it's", "its", "hes",
                                           "shes", NULL};
    char p[8];
    size_t e = plain_read_word(msg, len, ys, p, sizeof p, 0);
    if (!e || e > ye || !understand_in_list(pronouns, p)) return 0;
    size_t nb = 0, nl = 0;                  /* the place said instead */
    for (size_t i = e; i + 1 < ye && !nl; i++) {
        if (msg[i] != ' ' || !opens_with_place(msg, ye, i + 1)) continue;
        nb = i + 1 + strcspn(msg + i + 1, " ") + 1;
        nl = nb < ye ? caps_at(msg, ye, nb) : 0;
    }
    size_t pe = w, pb;                      /* the place put right: capitalised words */
    while (pe > sb && msg[pe - 1] == ' ') pe--;
    for (pb = pe;;) {
        size_t ee = pb, ws;
        while (ee > sb && msg[ee - 1] == ' ') ee--;
        for (ws = ee; ws > sb && msg[ws - 1] != ' ';) ws--;
        if (ws == ee || !isupper((unsigned char)msg[ws])) break;
        pb = ws;
    }
    size_t we = pb, wb;                     /* (the word of place before it) */
    while (we > sb && msg[we - 1] == ' ') we--;
    for (wb = we; wb > sb && isalpha((unsigned char)msg[wb - 1]);) wb--;
    char before[8] = "";
    if (we - wb < sizeof before) snprintf(before, sizeof before, "%.*s", (int)(we - wb), msg + wb);
    for (char *c = before; *c; c++) *c = (char)tolower((unsigned char)*c);
    if (!nl || pb == pe || !understand_in_list(place_words, before)) return 0;
    size_t at = 0;
    memcpy(out + at, msg, pb), at += pb;
    memcpy(out + at, msg + nb, nl), at += nl;
    memcpy(out + at, msg + ye, len - ye), at += len - ye;
    out[at] = '\0';
    return at;
}

/* msg[0, len) with a correction said in passing made ("for twenty-six years, oh wait,
 * twenty-seven" is "for twenty-seven years"; "in Hexham, no, wait, in Alnwick" is "in
 * Alnwick"; after "sorry" or "oops" a number, or a name put right by a name: "I'm 31,
 * sorry, 32", "my wife is Edda, sorry, Etta") into out (len +
 * 1 bytes at least): what follows the words of waiting, up to punctuation, replaces the
 * words it puts right, from the last word before them that it opens with, or the last
 * number before them when it is a number. Returns the length written, or 0 when msg
 * says no such correction (out is then untouched). */
static size_t corrected_in_passing(const char *msg, size_t len, char *out)
{
    size_t wl;
    int numbers_only, sentence;
    long w = waited_at(msg, len, &wl, &numbers_only, &sentence);
    if (w < 0) return word_put_right(msg, len, out);
    size_t ys = (size_t)w + wl, ye = ys;    /* what is said instead */
    while (ye < len && !strchr(",.;:!?", msg[ye]) && ye - ys < 48) ye++;
    size_t fe = ys;
    while (fe < ye && (isalnum((unsigned char)msg[fe]) || msg[fe] == '-')) fe++;
    if (ye == ys || fe == ys || (ye < len && !strchr(",.;:!?", msg[ye]))) return 0;
    if (fe - ys == 3 && !strncasecmp(msg + ys, "the", 3) && fe + 1 < ye && msg[fe] == ' ') {
        size_t ne = fe + 1;                 /* "on the 4th, sorry, the 5th": the day */
        while (ne < ye && isalnum((unsigned char)msg[ne])) ne++;
        if (plain_number_word(msg, fe + 1, ne)) ys = fe + 1, fe = ne;
    }
    size_t sb = (size_t)w;                  /* the sentence it is in */
    while (sb > 0 && !strchr(".!?", msg[sb - 1])) sb--;
    char first[8];                          /* ("... of May. No, sorry, on the 3rd of
                                             * March.": a sentence of a bare "no" puts
                                             * right the one before it) */
    size_t fw = plain_read_word(msg, len, sb, first, sizeof first, 0);
    if (sb > 0 && fw == (size_t)w && (!strcmp(first, "no") || !strcmp(first, "nah")))
        for (sb--; sb > 0 && !strchr(".!?", msg[sb - 1]);) sb--;
    long from = -1;
    /* (a number with the words after it said again: "2 cats - no, 3 cats") */
    int again = plain_number_word(msg, ys, fe) && fe < ye;
    int number = (plain_number_word(msg, ys, fe) && fe == ye) || again;
    if (!number) {
        size_t r = place_said_instead(msg, len, sb, (size_t)w, ys, ye, out);
        if (r) return r;
    }
    int placed = opens_with_place(msg, len, ys);
    if (!number && !placed) {
        /* "my wife is Edda, sorry, Etta", "my dog Rolf, no wait, Rolfie, ...": a name said
         * instead of the name right before the words of waiting (not a sentence's first
         * word) */
        size_t pb = (size_t)w;
        while (pb > sb && (isalpha((unsigned char)msg[pb - 1]) || (unsigned char)msg[pb - 1] >= 0x80))
            pb--;
        if (fe == ye && isupper((unsigned char)msg[ys]) && pb != (size_t)w && pb != sb &&
            isupper((unsigned char)msg[pb]) && msg[pb - 1] == ' ' &&
            ((size_t)w - pb != fe - ys || strncmp(msg + pb, msg + ys, fe - ys) != 0)) {
            size_t at = 0;
            memcpy(out + at, msg, pb), at += pb;
            memcpy(out + at, msg + ys, len - ys), at += len - ys;
            out[at] = '\0';
            return at;
        }
        if (numbers_only) return word_put_right(msg, len, out);
    }
    for (size_t i = sb; i < (size_t)w && (!sentence || placed || number); i++) {
        if (i > sb && (isalnum((unsigned char)msg[i - 1]) || msg[i - 1] == '-')) continue;
        size_t e = i;
        while (e < (size_t)w && (isalnum((unsigned char)msg[e]) || msg[e] == '-')) e++;
        if (e == i) continue;
        if (number ? plain_number_word(msg, i, e)
                   : e - i == fe - ys && !strncasecmp(msg + i, msg + ys, fe - ys))
            from = (long)i;
    }
    if (from < 0 && !number && fe == ye && fe - ys < 16) {
        /* "lands on Friday, no wait, Saturday": a day or a month said instead of the day
         * or month right before the wait */
        size_t pe = (size_t)w, pb;
        while (pe > sb && !isalnum((unsigned char)msg[pe - 1])) pe--;
        pb = pe;
        while (pb > sb && isalpha((unsigned char)msg[pb - 1])) pb--;
        char said[16], was[16];
        snprintf(said, sizeof said, "%.*s", (int)(fe - ys), msg + ys);
        snprintf(was, sizeof was, "%.*s", (int)(pe - pb < 15 ? pe - pb : 0), msg + pb);
        for (char *c = said; *c; c++) *c = (char)tolower((unsigned char)*c);
        for (char *c = was; *c; c++) *c = (char)tolower((unsigned char)*c);
        if ((understand_weekday(said) && understand_weekday(was)) ||
            (understand_month(said) && understand_month(was)))
            from = (long)pb;
    }
    if (from < 0 && !number) {
        /* "Ada is 4, no wait, she turned 5 in May": the number said instead, in a
         * sentence of its own, puts right the last number before the wait */
        size_t ns = 0, ne = 0, os = 0, oe = 0;
        char opener[12];                    /* (after a sentence's end, of the one before:
                                             * "he turned 10", not "Tom is 12") */
        plain_read_word(msg, len, ys, opener, sizeof opener, 0);
        if (sentence && isupper((unsigned char)msg[ys]) && !understand_pronoun(opener) &&
            strcmp(opener, "i'm") != 0 && strcmp(opener, "i") != 0)
            return 0;
        for (size_t i = ys; i < ye && !ne; i++) {
            if (i > ys && isalnum((unsigned char)msg[i - 1])) continue;
            size_t e = i;
            while (e < ye && isalnum((unsigned char)msg[e])) e++;
            if (e > i && plain_number_word(msg, i, e)) ns = i, ne = e;
        }
        for (size_t i = sb; i < (size_t)w && ne; i++) {
            if (i > sb && isalnum((unsigned char)msg[i - 1])) continue;
            size_t e = i;
            while (e < (size_t)w && isalnum((unsigned char)msg[e])) e++;
            if (e > i && plain_number_word(msg, i, e)) os = i, oe = e;
        }
        if (!ne || !oe) return 0;
        size_t at = 0;
        memcpy(out + at, msg, os), at += os;
        memcpy(out + at, msg + ns, ne - ns), at += ne - ns;
        memcpy(out + at, msg + oe, (size_t)w - oe), at += (size_t)w - oe;
        memcpy(out + at, msg + ye, len - ye), at += len - ye;
        out[at] = '\0';
        return at;
    }
    if (from < 0) return 0;
    size_t to = (size_t)w;                  /* the words put right end at the wait */
    if (number) {
        to = (size_t)from;
        while (to < (size_t)w && (isalnum((unsigned char)msg[to]) || msg[to] == '-')) to++;
    }
    /* (words after the number that are not said again are an aside, and go: "I'm 68,
     * no, 69 since May" is "I'm 69") */
    size_t now = number ? fe : ye;          /* the end of what is said instead */
    if (again) {
        /* ("41 anos, i mean 41 yrs old": a unit of time after the number said again,
         * other than the word after the number put right, is said with it) */
        char was_w[12], now_w[12];
        plain_read_word(msg, len, to, was_w, sizeof was_w, 0);
        plain_read_word(msg, len, fe, now_w, sizeof now_w, 0);
        if (was_w[0] && strcmp(was_w, now_w) != 0 && understand_in_list(understand_time_units, now_w))
            now = ye, to = (size_t)w;
    }
    size_t at = 0;
    memcpy(out + at, msg, (size_t)from), at += (size_t)from;
    memcpy(out + at, msg + ys, now - ys), at += now - ys;
    memcpy(out + at, msg + to, (size_t)w - to), at += (size_t)w - to;
    memcpy(out + at, msg + ye, len - ye), at += len - ye;
    out[at] = '\0';
    return at;
}

/* 1 when msg[i..) opens with a Chinese numeral or a digit; its length in bytes in *n. */
static int zh_numeral_at(const char *msg, size_t len, size_t i, size_t *n)
{
    static const char numerals[] = "零一二两三四五六七八九十";
    *n = 0;
    if (i < len && isdigit((unsigned char)msg[i])) {
        while (i + *n < len && isdigit((unsigned char)msg[i + *n])) (*n)++;
        return 1;
    }
    while (i + *n + 3 <= len && (unsigned char)msg[i + *n] >= 0xE0 &&
           strstr(numerals, (char[4]){msg[i + *n], msg[i + *n + 1], msg[i + *n + 2], 0}))
        *n += 3;
    return *n > 0;
}

/* "养了两只鸡，不对，是三只，…": a number put right in Chinese (不对 and 是, then a
 * number) is said in place of the last number before it, into out (len + 1 bytes at
 * least): "养了三只鸡，…". Returns the length written, 0 when msg says no such thing. */
static size_t zh_number_put_right(const char *msg, size_t len, char *out)
{
    static const char *const waits[] = {"，哦不对，是", "，不对，是", "，哦不，是", "，不是，是",
                                        "，不对不对，是", "，说错了，是", NULL};
    size_t wl;
    long w = plain_find_any(msg, len, 0, waits, &wl);
    size_t nl, ol = 0;
    if (w < 0 || !zh_numeral_at(msg, len, (size_t)w + wl, &nl)) return 0;
    size_t ys = (size_t)w + wl, ye = ys + nl;   /* the number said instead */
    long from = -1;                             /* the last number before it */
    for (size_t i = 0; i < (size_t)w;) {
        size_t n;
        if (zh_numeral_at(msg, (size_t)w, i, &n)) {
            from = (long)i, ol = n;
            i += n;
        } else {
            i += (unsigned char)msg[i] >= 0xE0 ? 3 : 1;
        }
    }
    if (from < 0) return 0;
    size_t rest = ye;                           /* (its measure word, said again: 是三个) */
    if (rest + 3 <= len && !strncmp(msg + rest, msg + from + ol, 3)) rest += 3;
    size_t at = 0;
    memcpy(out + at, msg, (size_t)from), at += (size_t)from;
    memcpy(out + at, msg + ys, nl), at += nl;
    memcpy(out + at, msg + from + ol, (size_t)w - (size_t)from - ol), at += (size_t)w - (size_t)from - ol;
    memcpy(out + at, msg + rest, len - rest), at += len - rest;
    out[at] = '\0';
    return at;
}

/* "今年四十六，在成都开店": a number in Chinese after 今年 that ends its clause is an age
 * in years, "今年四十六岁" (as "今年46" already reads). Into out (len + 3 bytes at least):
 * the length, 0 when msg says none. */
static size_t zh_years_this_year(const char *msg, size_t len, char *out)
{
    static const char *const this_year[] = {"今年", NULL};
    static const char *const ends[] = {"，", "。", "！", "；", ",", NULL};
    size_t pl, nl;
    for (long t = plain_find_any(msg, len, 0, this_year, &pl); t >= 0;
         t = plain_find_any(msg, len, (size_t)t + 1, this_year, &pl)) {
        size_t d = (size_t)t + pl;
        if (!zh_numeral_at(msg, len, d, &nl) || isdigit((unsigned char)msg[d])) continue;
        size_t e = d + nl, el = 0;
        for (int k = 0; ends[k] && !el; k++)
            if (!strncmp(msg + e, ends[k], strlen(ends[k]))) el = strlen(ends[k]);
        if (e != len && !el) continue;
        int r = snprintf(out, len + 4, "%.*s岁%s", (int)e, msg, msg + e);
        return r > 0 && (size_t)r <= len + 3 ? (size_t)r : 0;
    }
    return 0;
}


/* "dropped the girls at ballet, Ada and Noor, they're 7": a group of the user's named
 * later in its sentence, set off by commas, is written "... ballet. my girls are Ada and
 * Noor, they're 7", which the reader reads as their names (and age). Into out
 * (room for len + 32 bytes): the length, 0 when the message has no such words. */
static size_t group_named_after(const char *msg, size_t len, char *out)
{
    static const char *const groups[] = {"twins", "triplets", "kids", "boys", "girls", NULL};
    static const char *const whose[] = {"the ", "my ", "our ", NULL};
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && isalnum((unsigned char)msg[i - 1])) continue;
        size_t wl = 0, gl = 0;
        int g = -1;
        for (int w = 0; whose[w] && !wl; w++)
            if (!strncasecmp(msg + i, whose[w], strlen(whose[w]))) wl = strlen(whose[w]);
        for (int k = 0; wl && groups[k] && g < 0; k++)
            if (!strncasecmp(msg + i + wl, groups[k], strlen(groups[k])) &&
                !isalnum((unsigned char)msg[i + wl + strlen(groups[k])]))
                g = k, gl = strlen(groups[k]);
        if (g < 0) continue;
        for (size_t c = i + wl + gl; c + 2 < len && !strchr(".!?", msg[c]); c++) {
            if (msg[c] != ',' || msg[c + 1] != ' ') continue;
            size_t x = c + 2, xl = cap_word(msg, len, x);
            if (!xl || strncmp(msg + x + xl, " and ", 5)) continue;
            size_t y = x + xl + 5, yl = cap_word(msg, len, y);
            if (!yl || y + yl >= len || msg[y + yl] != ',') continue;
            size_t at = 0;
            memcpy(out + at, msg, c), at += c;
            at += (size_t)sprintf(out + at, ". my %s are ", groups[g]);
            memcpy(out + at, msg + x, len - x), at += len - x;
            out[at] = '\0';
            return at;
        }
    }
    return 0;
}

/* msg with the name msg[name, name_end), set off after a thing, moved to right after it
 * with "called": msg[0, at) " called " name msg[at, upto) msg[name_end, len) into out
 * (room for len + 9 bytes, the name moved, not copied); the length written. */
static size_t called_at(const char *msg, size_t len, size_t at, size_t upto, size_t name,
                        size_t name_end, char *out)
{
    size_t o = 0;
    memcpy(out + o, msg, at), o += at;
    o += (size_t)sprintf(out + o, " called %.*s", (int)(name_end - name), msg + name);
    memcpy(out + o, msg + at, upto - at), o += upto - at;
    memcpy(out + o, msg + name_end, len - name_end), o += len - name_end;
    out[o] = '\0';
    return o;
}

/* 1 when the word before msg[i] is one of having ("have", "got", "'ve"): "I've got a
 * boy" has him, "I met a girl" does not. */
static int had_before(const char *msg, size_t i)
{
    static const char *const having[] = {"have", "got", "has", "had", "ve", NULL};
    while (i > 0 && msg[i - 1] == ' ') i--;
    size_t s = i;
    while (s > 0 && isalpha((unsigned char)msg[s - 1])) s--;
    char w[8];
    if (i == s || i - s >= sizeof w) return 0;
    snprintf(w, sizeof w, "%.*s", (int)(i - s), msg + s);
    for (char *c = w; *c; c++) *c = (char)tolower((unsigned char)*c);
    return understand_in_list(having, w);
}

/* "took in a lurcher, Biscuit, sleeps all day", "got a kitten in May, Miso, she
 * bites": a pet's name set off by commas after the animal (and up to three words of
 * when) is written "a German shepherd called Duke, ...", "a cat called Moka in the fall,
 * ...", which the reader reads as the pet's name; so is a child had ("I've got a wee
 * boy, Tam, he's 6": "a wee boy called Tam, he's 6"). Into out (room for len + 16
 * bytes): the length, 0 when the message has no such words. */
static size_t pet_named_after(const char *msg, size_t len, char *out)
{
    static const char *const children[] = {"boy", "girl", "son", "daughter", "lad", "lass",
                                           NULL};
    for (size_t i = 0; i + 2 < len; i++) {
        if ((i > 0 && isalnum((unsigned char)msg[i - 1])) ||
            (strncasecmp(msg + i, "a ", 2) && strncasecmp(msg + i, "an ", 3)))
            continue;
        size_t w = i + (msg[i + 1] == ' ' ? 2 : 3), pet_end = 0;
        for (int k = 0; k < 3 && w < len && !pet_end; k++) {   /* "German shepherd", "cat" */
            size_t we = w;
            while (we < len && isalpha((unsigned char)msg[we])) we++;
            if (we == w || we - w >= 24) break;
            char one[24], two[48];
            snprintf(one, sizeof one, "%.*s", (int)(we - w), msg + w);
            for (char *c = one; *c; c++) *c = (char)tolower((unsigned char)*c);
            snprintf(two, sizeof two, "%.*s", (int)(we - (i + (msg[i + 1] == ' ' ? 2 : 3))),
                     msg + i + (msg[i + 1] == ' ' ? 2 : 3));
            if (dialogue_pet_word(one) || kinds_animal(one) || (k && kinds_animal(two)) ||
                (understand_in_list(children, one) && had_before(msg, i)))
                pet_end = we;
            w = we + 1;
        }
        if (!pet_end) continue;
        if (pet_end < len && msg[pet_end] == ' ') {     /* "a Newfoundland dog" */
            char after[16];
            size_t ae = plain_read_word(msg, len, pet_end, after, sizeof after, 0);
            if (ae && dialogue_pet_word(after)) pet_end = ae;
        }
        size_t c = pet_end;                 /* the comma, past up to three words of when */
        for (int k = 0; k < 4 && c < len && msg[c] == ' '; k++) {
            size_t we = c + 1;
            while (we < len && islower((unsigned char)msg[we])) we++;
            if (we == c + 1) break;
            c = we;
        }
        if (c + 2 >= len || msg[c] != ',' || msg[c + 1] != ' ') continue;
        size_t x = c + 2, xl = cap_word(msg, len, x);
        char name[24];
        snprintf(name, sizeof name, "%.*s", (int)(xl < sizeof name ? xl : 0), msg + x);
        for (char *n = name; *n; n++) *n = (char)tolower((unsigned char)*n);
        if (!xl || understand_weekday(name) || understand_month(name) ||
            (x + xl < len && !strchr(",.!;", msg[x + xl])))
            continue;
        return called_at(msg, len, pet_end, c, x, x + xl, out);
    }
    return 0;
}

/* The end of " called X" or " named X" at msg[i] (X a word with a capital), else 0. */
static size_t naming_at(const char *msg, size_t len, size_t i)
{
    size_t l = !strncmp(msg + i, " called ", 8) ? 8 : !strncmp(msg + i, " named ", 7) ? 7 : 0;
    size_t xl = l ? cap_word(msg, len, i + l) : 0;
    return xl ? i + l + xl : 0;
}

/* "got a collie called Rex and a wife called Jo who cooks": a second one had and named
 * after a first in one sentence, "and a(n)" up to three words "called" a name, is told in
 * a sentence of its own ("... called Rex. I have a wife called Jo who cooks"), which the
 * reader reads apart. Into out (room for len + 8 bytes): the length, 0 when the message
 * has no such words. */
static size_t second_named(const char *msg, size_t len, char *out)
{
    size_t first = 0;
    for (size_t i = 0; i + 8 < len; i++) {
        if (strchr(".!?", msg[i])) first = 0;
        if (!first) {
            first = naming_at(msg, len, i);
            if (first) i = first - 1;
            continue;
        }
        if (i != first || (strncmp(msg + i, " and a ", 7) && strncmp(msg + i, " and an ", 8)))
            continue;
        size_t w = i + (msg[i + 6] == ' ' ? 7 : 8), named = 0;
        for (int k = 0; k < 3 && w < len && !named; k++) {
            size_t we = w;
            while (we < len && islower((unsigned char)msg[we])) we++;
            if (we == w) break;
            named = naming_at(msg, len, we);
            w = we + 1;
        }
        if (!named) {
            first = 0;
            continue;
        }
        int n = snprintf(out, len + 9, "%.*s. I have%s", (int)i, msg, msg + i + 4);
        return n > 0 && (size_t)n <= len + 8 ? (size_t)n : 0;
    }
    return 0;
}

/* "we live in Pecs with a very old poodle called Pogi, who is 12": a pet one lives with,
 * "with a(n)" up to three words ending in an animal and "called" a name, is told in a
 * sentence of its own ("we live in Pecs. I have a very old poodle called Pogi, who is
 * 12"), which the reader reads as the pet's name. Into out (room for len + 8 bytes):
 * the length, 0 when the message has no such words. */
static size_t pet_lived_with(const char *msg, size_t len, char *out)
{
    for (size_t i = 0; i + 8 < len; i++) {
        if (strncmp(msg + i, " with a ", 8) != 0 && strncmp(msg + i, " with an ", 9) != 0)
            continue;
        size_t w = i + (msg[i + 7] == ' ' ? 8 : 9), named = 0;
        for (int k = 0; k < 4 && w < len && !named; k++) {
            size_t we = w;
            while (we < len && islower((unsigned char)msg[we])) we++;
            if (we == w || we - w >= 24) break;
            char one[24];
            snprintf(one, sizeof one, "%.*s", (int)(we - w), msg + w);
            if (dialogue_pet_word(one) || kinds_animal(one)) named = naming_at(msg, len, we);
            w = we + 1;
        }
        if (!named) continue;
        size_t sb = i;                      /* (a sentence of one's own before it) */
        while (sb > 0 && !strchr(".!?", msg[sb - 1])) sb--;
        int mine = 0;
        for (size_t k = sb; k < i && !mine; k++)
            mine = (k == sb || msg[k - 1] == ' ') &&
                   (!strncasecmp(msg + k, "i ", 2) || !strncasecmp(msg + k, "we ", 3) ||
                    !strncasecmp(msg + k, "i'm ", 4) || !strncasecmp(msg + k, "we're ", 6));
        if (!mine) continue;
        int n = snprintf(out, len + 9, "%.*s. I have%s", (int)i, msg, msg + i + 5);
        return n > 0 && (size_t)n <= len + 8 ? (size_t)n : 0;
    }
    return 0;
}

/* Where the name after "my" or "our" and a word of kin at msg[i] ends ("my wife
 * Margaret"), with where it starts in *name; 0 when none is there. */
static size_t kin_named_at(const char *msg, size_t len, size_t i, size_t *name)
{
    char w[24], key[UNDERSTAND_KEY];
    size_t e = plain_read_word(msg, len, i, w, sizeof w, 0);
    if (!e || (i > 0 && isalnum((unsigned char)msg[i - 1])) || (strcmp(w, "my") && strcmp(w, "our")))
        return 0;
    size_t k = plain_read_word(msg, len, e, w, sizeof w, 0);
    if (!k || msg[e] != ' ') return 0;
    understand_holder_of(w, key, sizeof key);
    if (!understand_kin(key) || k + 1 >= len || msg[k] != ' ') return 0;
    size_t nl = cap_word(msg, len, k + 1);
    *name = k + 1;
    return nl ? k + 1 + nl : 0;
}

/* "a poodle called Pogi, who is 12": an age told of one just named, after "who is" or
 * "who's", is told as their own ("a poodle called Pogi. Pogi is 12"; "my wife Margaret,
 * who is 79": "... Margaret. Margaret is 79"), which the reader
 * reads as the named one's, not the user's. Into out (room for len + 24 bytes): the
 * length, 0 when the message has no such words. */
static size_t age_of_named(const char *msg, size_t len, char *out)
{
    static const char *const who[] = {", who is ", ", who's ", " who is ", " who's ", NULL};
    for (size_t i = 0; i + 8 < len; i++) {
        size_t name = 0, named = naming_at(msg, len, i);
        if (named) name = i + (msg[i + 1] == 'c' ? 8 : 7);      /* " called " or " named " */
        else named = kin_named_at(msg, len, i, &name);          /* ("my wife Margaret") */
        if (!named || named - name > 24) continue;
        for (int k = 0; who[k]; k++) {
            size_t wl = strlen(who[k]), d = named + wl, de = d;
            if (strncmp(msg + named, who[k], wl) != 0) continue;
            while (de < len && isalnum((unsigned char)msg[de])) de++;
            if (de == d || !plain_number_word(msg, d, de)) break;
            int n = snprintf(out, len + 25, "%.*s. %.*s is %s", (int)named, msg,
                             (int)(named - name), msg + name, msg + d);
            return n > 0 && (size_t)n <= len + 24 ? (size_t)n : 0;
        }
    }
    return 0;
}


/* The end of a business's name at msg[i]: capitalised words, with the small words names
 * of places to eat and shops are made with between them ("Fournil du Cèdre", "Bread and
 * Butter"), up to five, and a full stop, comma, "!" or ";" (or the end) after them; 0
 * when there is none. *words is their count. */
static size_t firm_name_end(const char *msg, size_t len, size_t i, int *words)
{
    static const char *const small[] = {"du", "de", "des", "la", "le", "les", "di", "da",
                                        "del", "della", "of", "the", "and", "y", "el", "am",
                                        "an", "der", NULL};
    size_t e = i, cl = cap_run(msg, len, i);
    *words = 0;
    while (cl && *words < 5) {
        e += cl;
        (*words)++;
        if (e >= len || msg[e] != ' ') break;
        size_t n = e + 1;
        char w[8];
        size_t we = plain_read_word(msg, len, n, w, sizeof w, 0);
        if (we && understand_in_list(small, w) && islower((unsigned char)msg[n]) &&
            we < len && msg[we] == ' ')
            n = we + 1;
        cl = cap_run(msg, len, n);
        if (cl) e = n;
        else break;
    }
    if (!*words) return 0;
    return e == len || strchr(",.!;", msg[e]) ? e : 0;
}

/* "a bakery in Tours, Le Pain Doré, ...", "one small agency in Lodz, it's called
 * Pixelia.": a place of business (salon, cafe, agency ...) named after it, set off by a
 * comma (past where it is), is written "a bakery called Le Pain Doré in Tours, ...",
 * which the reader reads as its name. A name set off so after a town that could be the
 * town's country or region ("in Tours, France", "in Austin, North Texas") is left. Into
 * out (room for len + 8 bytes): the length, 0 when the message has no such words. */
static size_t firm_named_after(const char *msg, size_t len, char *out)
{
    static const char *const dets[] = {"a", "an", "one", "my", "our", "the", NULL};
    static const char *const firms[] = {"bistro", "pizzeria", "startup", "trattoria",
                                        "brewery", "winery", "bookshop", "bookstore", NULL};
    static const char *const callings[] = {"it's called ", "its called ", "it is called ",
                                           "called ", "named ", NULL};
    static const char *const regions[] = {"new", "north", "south", "east", "west", "upper",
                                          "lower", NULL};
    for (size_t i = 0; i + 2 < len; i++) {
        char det[8];
        if (i > 0 && isalnum((unsigned char)msg[i - 1])) continue;
        size_t w = plain_read_word(msg, len, i, det, sizeof det, 0);
        if (!w || !understand_in_list(dets, det) || w >= len || msg[w] != ' ') continue;
        size_t firm_end = 0;
        for (int k = 0; k < 4 && !firm_end; k++) {     /* "a tiny family bakery" */
            char word[24];
            size_t we = plain_read_word(msg, len, w, word, sizeof word, 0);
            if (!we || !islower((unsigned char)msg[w + 1])) break;
            if (understand_in_list(understand_business_words, word) ||
                understand_in_list(firms, word))
                firm_end = we;
            w = we;
        }
        if (!firm_end) continue;
        size_t c = firm_end, place_end = firm_end;
        if (c + 4 < len && (!strncmp(msg + c, " in ", 4) || !strncmp(msg + c, " on ", 4))) {
            size_t p = c + 4, pl = cap_run(msg, len, p);
            for (int k = 0; pl && k < 3; k++) {     /* "in Saint-Laurent", "in Cape Town" */
                place_end = p + pl;
                if (place_end >= len || msg[place_end] != ' ') break;
                pl = cap_run(msg, len, p = place_end + 1);
            }
            if (place_end == firm_end) continue;
            c = place_end;
        }
        if (c + 2 >= len || msg[c] != ',' || msg[c + 1] != ' ') continue;
        size_t x = c + 2;
        int explicit = 0, words;
        for (int k = 0; callings[k] && !explicit; k++)
            if (!strncasecmp(msg + x, callings[k], strlen(callings[k])))
                x += strlen(callings[k]), explicit = 1;
        size_t xe = firm_name_end(msg, len, x, &words);
        if (!xe) continue;
        char first[24], name[64];
        plain_read_word(msg, len, x, first, sizeof first, 0);
        snprintf(name, sizeof name, "%.*s", (int)(xe - x), msg + x);
        if (!explicit && (understand_weekday(first) || understand_month(first) ||
                          forms_is_country(name) ||
                          (place_end > firm_end &&
                           (words < 2 || understand_in_list(regions, first)))))
            continue;
        return called_at(msg, len, firm_end, place_end, x, xe, out);
    }
    return 0;
}

/* "my partner, in work and in life, is Tereza", "my brother, the eldest of us, is a
 * vet": an aside set off by commas between one of the user's (kin or a pet, after "my")
 * and "is" is left out ("my partner is Tereza"), so the reader reads whose the rest is.
 * Into out (len + 1 bytes): the length, 0 when the message has no such words. */
static size_t aside_left_out(const char *msg, size_t len, char *out)
{
    for (size_t i = 0; i + 4 < len; i++) {
        if ((i > 0 && isalnum((unsigned char)msg[i - 1])) || strncasecmp(msg + i, "my ", 3))
            continue;
        char word[24], key[UNDERSTAND_KEY];
        size_t we = plain_read_word(msg, len, i + 3, word, sizeof word, 0);
        if (!we || we >= len || msg[we] != ',') continue;
        understand_holder_of(word, key, sizeof key);
        if (!understand_kin(key) && !dialogue_pet_word(key)) continue;
        size_t c = we + 1, words = 0;       /* the aside: up to eight words, no digit */
        while (c < len && msg[c] != ',' && !strchr(".!?;:", msg[c]) && !isdigit((unsigned char)msg[c])) {
            if (msg[c] == ' ' && c + 1 < len && msg[c + 1] != ' ') words++;
            c++;
        }
        if (c >= len || msg[c] != ',' || words < 2 || words > 8) continue;
        size_t v = c + 1;
        while (v < len && msg[v] == ' ') v++;
        if (strncmp(msg + v, "is ", 3) && strncmp(msg + v, "was ", 4)) continue;
        size_t at = 0;
        memcpy(out + at, msg, we), at += we;
        out[at++] = ' ';
        memcpy(out + at, msg + v, len - v), at += len - v;
        out[at] = '\0';
        return at;
    }
    return 0;
}

/* The verb a clause msg[b, e) tells a name's fact with, into verb: "Sigrid is 15" ("is"
 * before a number), "Olga lives in Oslo" ("lives" before "in" or "at", *prep set to
 * it), "Ana is the tall one" ("is" before an article, *prep "t"); 0 when it is no such
 * clause. */
static int clause_verb(const char *msg, size_t b, size_t e, char *verb, size_t cap,
                       char *prep)
{
    size_t nl = 0;                      /* the last name that opens "<Name> <verb> ..." */
    for (size_t k = e; k-- > b && !nl;)
        if ((k == b || msg[k - 1] == ' ') && (nl = cap_word(msg, e, k)) && k + nl < e &&
            msg[k + nl] == ' ')
            b = k;
        else
            nl = 0;
    if (!nl) return 0;
    size_t v = b + nl + 1, ve = v;
    while (ve < e && islower((unsigned char)msg[ve])) ve++;
    if (ve == v || ve >= e || msg[ve] != ' ' || ve - v >= cap) return 0;
    snprintf(verb, cap, "%.*s", (int)(ve - v), msg + v);
    size_t t = ve + 1, te = t;
    while (te < e && isalnum((unsigned char)msg[te])) te++;
    if (!strcmp(verb, "is") && te > t && te - t <= 3 && te == e) {
        for (size_t k = t; k < te; k++)
            if (!isdigit((unsigned char)msg[k])) return 0;
        *prep = '\0';
        return 1;
    }
    if (!strcmp(verb, "is") && te < e && ((te - t == 3 && !strncmp(msg + t, "the", 3)) ||
                                          (te - t == 1 && msg[t] == 'a') ||
                                          (te - t == 2 && !strncmp(msg + t, "an", 2)))) {
        strcpy(prep, "t");              /* "Ana is the tall one": an article after it */
        return 1;
    }
    if ((te - t == 2 && (!strncmp(msg + t, "in", 2) || !strncmp(msg + t, "at", 2))) &&
        cap_word(msg, e, te + 1)) {
        snprintf(prep, 3, "%.2s", msg + t);
        return strcmp(verb, "and") != 0;
    }
    return 0;
}

/* "Ivo is 9, Lea 6", "Jana works at Skoda, Petr at Tatra", "Ana is a nurse, Bo a
 * vet": a name after a comma with only a number, "in" or "at" and a place, or a few
 * words opened by an article, takes the verb of the clause before
 * it ("Ola is 12", "Katya lives in Bonn"), which the reader reads as a fact of its own.
 * Into out (room for len + 64 bytes): the length, 0 when the message has no such
 * words. */
static size_t gapped_verb(const char *msg, size_t len, char *out)
{
    char verb[16] = "", prep[3] = "";
    size_t at = 0, from = 0, clause = 0, room = 64;
    int made = 0, told = 0;             /* told: the clause before gives a verb */
    for (size_t c = 0; c < len; c++) {
        if (strchr(".!?\n;:", msg[c])) {
            clause = c + 1, told = 0;
            continue;
        }
        if (msg[c] != ',') continue;
        char v[16], pr[3];
        if (clause_verb(msg, clause, c, v, sizeof v, pr)) {
            snprintf(verb, sizeof verb, "%s", v), snprintf(prep, sizeof prep, "%s", pr);
            told = 1;
        }
        size_t x = c + 1, e;
        while (x < len && msg[x] == ' ') x++;
        if (len - x > 4 && !strncmp(msg + x, "and ", 4)) x += 4;
        size_t nl = cap_word(msg, len, x), y = x + nl + 1;
        char name[16];                  /* ("Anna is 7, Tuesday 9": no name) */
        snprintf(name, sizeof name, "%.*s", (int)(nl < sizeof name ? nl : 0), msg + x);
        for (char *n = name; *n; n++) *n = (char)tolower((unsigned char)*n);
        if (understand_weekday(name) || understand_month(name)) nl = 0;
        for (e = y; e < len && !strchr(",.!?;\n", msg[e]); e++) {}
        int fits = 0;
        if (told && nl && y < e && msg[y - 1] == ' ') {
            size_t t = y;
            while (t < e && isdigit((unsigned char)msg[t])) t++;
            int words = 1;
            for (size_t k = y; k < e; k++) words += msg[k] == ' ';
            fits = !prep[0] ? t > y && t - y <= 3 && t == e
                   : prep[0] == 't' ? words <= 4 && (!strncmp(msg + y, "the ", 4) ||
                                                     !strncmp(msg + y, "a ", 2) ||
                                                     !strncmp(msg + y, "an ", 3))
                                    : e - y > 3 && !strncmp(msg + y, prep, 2) &&
                                          msg[y + 2] == ' ' && cap_word(msg, e, y + 3);
        }
        if (!fits || room < strlen(verb) + 2) {
            told = 0;
            clause = c + 1;
            continue;
        }
        memcpy(out + at, msg + from, y - from), at += y - from;
        at += (size_t)sprintf(out + at, "%s ", verb);
        room -= strlen(verb) + 1;
        from = y;
        made = 1;
        clause = c + 1;                 /* ("Ola 12, Emil 6": the verb goes on) */
    }
    if (!made) return 0;
    memcpy(out + at, msg + from, len - from), at += len - from;
    out[at] = '\0';
    return at;
}

/* "I'm a 34 year old nurse", "an 80-year-old farmer": the age told before the kind of
 * person, written as "34 years old, a nurse", which the reader reads as two facts (it
 * took "old nurse" for a job). Into out (room for len + 16 bytes): the length, 0 when the
 * message has no such words. */
static size_t years_old_before(const char *msg, size_t len, char *out)
{
    static const char *const olds[] = {" year old ", "-year-old ", " yr old ", " years old ",
                                       "-yr-old ", NULL};
    for (size_t i = 0; i + 4 < len; i++) {
        if (i > 0 && isalnum((unsigned char)msg[i - 1])) continue;
        size_t a = !strncasecmp(msg + i, "a ", 2) ? 2 : !strncasecmp(msg + i, "an ", 3) ? 3 : 0;
        if (!a || i < 3) continue;
        size_t pe = i - 1, pb = pe;     /* the word before: of whom it is said ("I'm", "is"),
                                         * not what one has ("a 3 year old daughter") */
        while (pb > 0 && msg[pb - 1] != ' ') pb--;
        static const char *const be[] = {"i'm", "im", "am", "is", "he's", "she's", "hes",
                                         "shes", "was", NULL};
        int said = 0;
        for (int k = 0; be[k] && !said; k++)
            said = pe - pb == strlen(be[k]) && !strncasecmp(msg + pb, be[k], pe - pb);
        if (!said) continue;
        size_t d = i + a, de = d;
        while (de < len && de - d < 3 && isdigit((unsigned char)msg[de])) de++;
        if (de == d || (de < len && isdigit((unsigned char)msg[de]))) continue;
        size_t ol = 0;
        for (int k = 0; olds[k] && !ol; k++)
            if (!strncasecmp(msg + de, olds[k], strlen(olds[k]))) ol = strlen(olds[k]);
        if (!ol || de + ol >= len || !isalpha((unsigned char)msg[de + ol])) continue;
        size_t at = 0;
        memcpy(out + at, msg, i), at += i;
        memcpy(out + at, msg + d, de - d), at += de - d;
        memcpy(out + at, " years old, a ", 14), at += 14;
        memcpy(out + at, msg + de + ol, len - de - ol), at += len - de - ol;
        out[at] = '\0';
        return at;
    }
    return 0;
}

/* "Jana - vet - 29. cat: ...": a note that opens with a name and goes on in parts set
 * off by dashes between spaces (two or more, each of at most four words) is written with
 * commas ("Jana, vet, 29."), as the reader reads a terse note. Only the first sentence;
 * into out (room for len + 1 bytes): the length, 0 when it is no such note. */
static size_t dashed_note(const char *msg, size_t len, char *out)
{
    size_t nl = cap_word(msg, len, 0), end = 0, dashes = 0, words = 1;
    if (!nl) return 0;
    while (end < len && !strchr(".!?\n", msg[end])) end++;
    for (size_t i = nl; i < end; i++) {
        if (i + 3 <= end && !memcmp(msg + i, " - ", 3)) {
            dashes++, words = 0, i += 2;
            continue;
        }
        if (msg[i] == ',' || msg[i] == ';' || msg[i] == ':') return 0;
        if (msg[i] != ' ' && msg[i - 1] == ' ' && ++words > 4) return 0;   /* a word opens */
    }
    if (dashes < 2 || strncmp(msg + nl, " - ", 3) != 0) return 0;
    size_t at = 0;
    for (size_t i = 0; i < len; i++) {
        if (i < end && i + 3 <= end && !memcmp(msg + i, " - ", 3)) {
            memcpy(out + at, ", ", 2), at += 2, i += 2;
            continue;
        }
        out[at++] = msg[i];
    }
    out[at] = '\0';
    return at;
}

/* The length of a name with a bare number after it at msg[i] ("Ola 15"), up to the
 * number's end, else 0. */
static size_t name_and_number(const char *msg, size_t len, size_t i)
{
    size_t nl = cap_word(msg, len, i), d = i + nl + 1, e = d;
    if (!nl || d >= len || msg[d - 1] != ' ') return 0;
    while (e < len && isdigit((unsigned char)msg[e])) e++;
    return e > d && e - d <= 3 && (e == len || strchr(",.;!\n ", msg[e])) ? e - i : 0;
}

/* "Two girls. Ola 15, Mira 11.": a group of kin that ends its sentence, then names each
 * with a bare number (two or more, set off by commas or "and"), is written "Two girls: Ola
 * 15, Mira 11.", which the reader reads as a list of them with their ages (roster.h), as
 * it reads the list in one sentence. Into out (room for len + 1 bytes): the length, 0
 * when the message has no such list. */
static size_t ages_listed(const char *msg, size_t len, char *out)
{
    static const char *const groups[] = {"sons", "daughters", "kids", "children", "boys",
                                         "girls", "grandkids", "grandchildren", "grandsons",
                                         "granddaughters", "brothers", "sisters", "siblings",
                                         "nephews", "nieces", NULL};
    size_t gl;
    for (long f = plain_find_any(msg, len, 0, groups, &gl); f >= 0;
         f = plain_find_any(msg, len, (size_t)f + 1, groups, &gl)) {
        size_t dot = (size_t)f + gl, i = dot + 1;
        if ((f > 0 && isalpha((unsigned char)msg[f - 1])) || dot >= len || msg[dot] != '.')
            continue;           /* (a whole word that ends its sentence) */
        while (i < len && msg[i] == ' ') i++;
        if (i == dot + 1) continue;
        int items = 0;
        for (size_t l; (l = name_and_number(msg, len, i)); items++) {
            i += l;
            if (i + 2 <= len && !memcmp(msg + i, ", ", 2)) i += 2;
            else if (i + 5 <= len && !memcmp(msg + i, " and ", 5)) i += 5;
            else {
                items++;
                break;
            }
        }
        if (items < 2) continue;
        memcpy(out, msg, len + 1);
        out[dot] = ':';
        return len;
    }
    return 0;
}

/* "I'm eighty, aren't I?": an age in words after "I'm" in a question is written in
 * digits ("I'm 80, aren't I?"), which the reader reads as an age, not a name. Into out
 * (room for len + 1 bytes): the length, 0 when the message has no such age. */
static size_t age_in_words(const char *msg, size_t len, char *out)
{
    static const char *const me[] = {"i'm ", "im ", "i am ", NULL};
    if (!memchr(msg, '?', len)) return 0;
    size_t ml;
    for (long f = plain_find_any(msg, len, 0, me, &ml); f >= 0;
         f = plain_find_any(msg, len, (size_t)f + 1, me, &ml)) {
        if (f > 0 && isalpha((unsigned char)msg[f - 1])) continue;
        size_t b = (size_t)f + ml, e = b, best = 0;
        long v = -1;
        for (int words = 0; words < 2; words++) {     /* "eighty", "seventy nine" */
            while (e < len && (isalpha((unsigned char)msg[e]) || msg[e] == '-')) e++;
            char w[48];
            long x;
            if (e - b >= sizeof w) break;
            snprintf(w, sizeof w, "%.*s", (int)(e - b), msg + b);
            if (!understand_number(w, &x) || isdigit((unsigned char)w[0])) break;
            v = x, best = e;
            if (e >= len || msg[e] != ' ') break;
            e++;
        }
        static const char *const after[] = {"years", "yrs", "yo", "now", NULL};
        size_t a = best, al;
        while (a < len && msg[a] == ' ') a++;
        if (v < 1 || v > 120 || (a < len && isalnum((unsigned char)msg[a]) &&
                                 plain_find_any(msg, len, a, after, &al) != (long)a))
            continue;           /* ("I'm one of five": no age) */
        int n = snprintf(out, len + 1, "%.*s%ld%s", (int)b, msg, v, msg + best);
        return n > 0 && (size_t)n <= len ? (size_t)n : 0;
    }
    return 0;
}

/* Phrases said in a way the reader did not learn, said as it knows them, into out (len
 * + 16 bytes at least): "the one lad that works with me is Ravi" is "my coworker
 * is Ravi" (from where the clause opens); "I've got a wheat intolerance" ("I have a ...")
 * is "I'm intolerant to wheat" (read as an allergy), and so is "I'm wheat intolerant and
 * ..." (beside a diet); "I live since 3 years in Nice" is "I live in Nice"; a heading of
 * one word and "update:"
 * that opens a sentence ("Diet update: ...") goes. Returns the length written, or 0 when
 * msg holds none of them. */
static size_t said_plainly(const char *msg, size_t len, char *out)
{
    static const char *const works[] = {" who works with me is ", " who works with us is ",
                                        " that works with me is ", " that works with us is ",
                                        NULL};
    size_t pl;
    long w = plain_find_any(msg, len, 0, works, &pl);
    if (w > 0) {
        size_t open = (size_t)w;        /* where the clause opens */
        while (open > 0 && !strchr(".!?,;:", msg[open - 1])) open--;
        while (open < (size_t)w && msg[open] == ' ') open++;
        int starts = open == 0 || (open >= 2 && strchr(".!?", msg[open - 2]));
        int n = snprintf(out, len + 17, "%.*s%s coworker is %s", (int)open, msg,
                         starts ? "My" : "my", msg + w + pl);
        return n > 0 && (size_t)n <= len + 16 ? (size_t)n : 0;
    }
    static const char *const have[] = {"i have a ", "i have an ", "i've got a ", "i've got an ",
                                       "i have got a ", NULL};
    for (long h = plain_find_any(msg, len, 0, have, &pl); h >= 0;
         h = plain_find_any(msg, len, (size_t)h + 1, have, &pl)) {
        if (h > 0 && isalpha((unsigned char)msg[h - 1])) continue;
        size_t b = (size_t)h + pl, e = b;
        while (e < len && isalpha((unsigned char)msg[e])) e++;
        if (e == b || e + 12 > len || strncasecmp(msg + e, " intolerance", 12) != 0 ||
            (e + 12 < len && isalpha((unsigned char)msg[e + 12])))
            continue;
        int n = snprintf(out, len + 17, "%.*sI'm intolerant to %.*s%s", (int)h, msg,
                         (int)(e - b), msg + b, msg + e + 12);
        return n > 0 && (size_t)n <= len + 16 ? (size_t)n : 0;
    }
    /* "I'm gluten intolerant and vegan": an intolerance told beside a diet is "I'm
     * intolerant to gluten. I'm vegan" (an allergy and a diet, not two diets) */
    static const char *const am[] = {"i'm ", "im ", "i am ", NULL};
    for (long h = plain_find_any(msg, len, 0, am, &pl); h >= 0;
         h = plain_find_any(msg, len, (size_t)h + 1, am, &pl)) {
        if (h > 0 && isalpha((unsigned char)msg[h - 1])) continue;
        size_t b = (size_t)h + pl, e = b;
        while (e < len && isalpha((unsigned char)msg[e])) e++;
        if (e == b || e + 16 > len || strncasecmp(msg + e, " intolerant and ", 16) != 0)
            continue;
        char diet[24];                  /* (a diet after it: not "and allergic to ...") */
        size_t d = e + 16, de = d;
        while (de < len && (isalpha((unsigned char)msg[de]) || msg[de] == '-')) de++;
        snprintf(diet, sizeof diet, "%.*s", (int)(de - d < sizeof diet ? de - d : 0), msg + d);
        for (char *c = diet; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (!understand_in_list(understand_diet_words, diet)) continue;
        int n = snprintf(out, len + 17, "%.*sintolerant to %.*s. I'm %s", (int)b, msg,
                         (int)(e - b), msg + b, msg + e + 16);
        return n > 0 && (size_t)n <= len + 16 ? (size_t)n : 0;
    }
    /* "we live since 4 years in Graz" (as German, French and Italian say it): the
     * while goes, "I live in Nice" */
    static const char *const since[] = {" since ", NULL};
    for (long h = plain_find_any(msg, len, 0, since, &pl); h >= 0;
         h = plain_find_any(msg, len, (size_t)h + 1, since, &pl)) {
        size_t e = (size_t)h + pl, d = e;
        while (e < len && isalnum((unsigned char)msg[e])) e++;
        if (e == d || !plain_number_word(msg, d, e)) continue;
        static const char *const units[] = {" years in ", " year in ", " years at ",
                                            " year at ", " months in ", " months at ", NULL};
        for (int k = 0; units[k]; k++) {
            size_t ul = strlen(units[k]);
            if (e + ul > len || strncasecmp(msg + e, units[k], ul) != 0) continue;
            size_t prep = e + ul - 3;           /* "in " or "at " */
            int n = snprintf(out, len + 17, "%.*s %s", (int)h, msg, msg + prep);
            return n > 0 && (size_t)n <= len + 16 ? (size_t)n : 0;
        }
    }
    static const char *const heading[] = {" update: ", " update - ", NULL};
    long u = plain_find_any(msg, len, 0, heading, &pl);
    if (u > 0) {
        size_t sb = (size_t)u;          /* one word that opens a sentence before it */
        while (sb > 0 && isalpha((unsigned char)msg[sb - 1])) sb--;
        size_t before = sb;
        while (before > 0 && msg[before - 1] == ' ') before--;
        if (sb == (size_t)u || (before > 0 && !strchr(".!?\n", msg[before - 1]))) return 0;
        size_t rest = (size_t)u + pl;
        int n = snprintf(out, len + 17, "%.*s%s", (int)sb, msg, msg + rest);
        return n > 0 && (size_t)n <= len + 16 ? (size_t)n : 0;
    }
    return 0;
}

/* "oh and there's pickle, my ferret, she's 2": one named, then who they are to the user
 * after a comma ("my" or "our", one or two words ending in a word of kin or of a pet),
 * is said as the reader knows it ("oh and my ferret is called pickle, she's 2"). Into out
 * (len + 8 bytes at least): the length written, 0 when msg says none. */
static size_t there_named(const char *msg, size_t len, char *out)
{
    static const char *const there[] = {"there's ", "theres ", "there is ", NULL};
    size_t pl;
    for (long t = plain_find_any(msg, len, 0, there, &pl); t >= 0;
         t = plain_find_any(msg, len, (size_t)t + 1, there, &pl)) {
        if (t > 0 && isalpha((unsigned char)msg[t - 1])) continue;
        char name[24], w[24], kin[48] = "";
        size_t nb = (size_t)t + pl, ne = plain_read_word(msg, len, nb, name, sizeof name, 0);
        int small = 1;          /* (a name in small letters from one who writes none
                                 * else: "There's hope, my friend" names no one) */
        for (size_t k = 0; k < len && small; k++) small = !isupper((unsigned char)msg[k]);
        if (!ne || ne >= len || msg[ne] != ',' || lex_is_stopword(name) ||
            understand_kin(name) || dialogue_pet_word(name) ||
            !(isupper((unsigned char)msg[nb]) || small))
            continue;
        size_t e = plain_read_word(msg, len, ne + 1, w, sizeof w, 0), ke = 0;
        if (!e || (strcmp(w, "my") && strcmp(w, "our"))) continue;
        int opens = isupper((unsigned char)msg[t]);     /* ("There's Ravi, my son.") */
        const char *mine = w[0] == 'm' ? (opens ? "My" : "my") : (opens ? "Our" : "our");
        for (int k = 0; k < 2 && !ke && (e = plain_read_word(msg, len, e, w, sizeof w, 0)); k++) {
            size_t kl = strlen(kin);
            snprintf(kin + kl, sizeof kin - kl, "%s%s", kl ? " " : "", w);
            if (understand_kin(w) || dialogue_pet_word(w) || kinds_animal(w)) ke = e;
        }
        if (ke && (ke >= len || strchr(",.!", msg[ke]))) {
            int r = snprintf(out, len + 9, "%.*s%s %s is called %.*s%s", (int)t, msg, mine,
                             kin, (int)(ne - nb), msg + nb, msg + ke);
            return r > 0 && (size_t)r <= len + 8 ? (size_t)r : 0;
        }
    }
    return 0;
}

/* "from dayton originally": where one comes from, with "originally" after the place (one
 * or two words), said with it before ("originally from dayton"), as the reader knows it
 * in any case of letters. Into out (len + 1 bytes at least): the length written, 0 when
 * msg says none. */
static size_t from_originally(const char *msg, size_t len, char *out)
{
    static const char *const late[] = {" originally", NULL};
    size_t pl;
    for (long o = plain_find_any(msg, len, 0, late, &pl); o > 0;
         o = plain_find_any(msg, len, (size_t)o + 1, late, &pl)) {
        size_t oe = (size_t)o + pl;
        if (oe < len && isalpha((unsigned char)msg[oe])) continue;
        size_t b = (size_t)o;           /* back over one or two words to "from" */
        for (int words = 0; words < 3 && b > 0; words++) {
            size_t we = b;
            while (b > 0 &&
                   (isalpha((unsigned char)msg[b - 1]) || (unsigned char)msg[b - 1] >= 0x80))
                b--;
            if (b == we) break;
            if (we - b == 4 && !strncasecmp(msg + b, "from", 4)) {
                if (words == 0 || (b > 0 && isalpha((unsigned char)msg[b - 1]))) break;
                int r = snprintf(out, len + 1, "%.*soriginally %.*s%s", (int)b, msg,
                                 (int)((size_t)o - b), msg + b, msg + oe);
                return r > 0 && (size_t)r <= len ? (size_t)r : 0;
            }
            if (b == 0 || msg[b - 1] != ' ') break;
            b--;
        }
    }
    return 0;
}

/* "Ana is older, she is 40": one named by their place among the rest ("older",
 * "the eldest", "the youngest", "the middle one"), then their age after "she is", "he
 * is", "she's" or "he's", says the age without the pronoun ("Ana is older, 40"), as the
 * reader knows it in one clause; every such age in msg. Into out (len + 1 bytes at
 * least): the length written, 0 when msg says none. */
static size_t place_then_age(const char *msg, size_t len, char *out)
{
    static const char *const places[] = {"eldest", "oldest", "youngest", "older", "younger",
                                         "middle", NULL};
    static const char *const they[] = {", she is ", ", he is ", ", she's ", ", he's ",
                                       ", shes ", ", hes ", NULL};
    static const char *const joins[] = {"and", "but", "while", "whereas", NULL};
    size_t pl, o = 0, from = 0;         /* (every such age in msg: out[0, o) made of
                                         * msg[0, from)) */
    for (long h = plain_find_any(msg, len, 0, they, &pl); h > 0;
         h = plain_find_any(msg, len, (size_t)h + 1, they, &pl)) {
        size_t d = (size_t)h + pl, de = d;
        while (de < len && isalnum((unsigned char)msg[de])) de++;
        if (de == d || !plain_number_word(msg, d, de)) continue;
        size_t b = (size_t)h;           /* the clause before: a name, "is", a place */
        while (b > 0 && !strchr(",.;!?\n", msg[b - 1])) b--;
        char w[6][16];
        int n = 0;
        size_t at[6];
        for (size_t i = b, e; n < 6 && (e = plain_read_word(msg, (size_t)h, i, w[n],
                                                             sizeof w[n], 0)); i = e) {
            at[n] = i;
            while (msg[at[n]] == ' ') at[n]++;
            n++;
        }
        int j = n > 0 && understand_in_list(joins, w[0]);     /* ("and Eva is younger") */
        int t = n >= j + 4 && !strcmp(w[j + 2], "the");
        if (n - j < 3 || n - j > 5 || strcmp(w[j + 1], "is") ||
            !understand_in_list(places, w[j + 2 + t]) || !isupper((unsigned char)msg[at[j]]))
            continue;
        memcpy(out + o, msg + from, (size_t)h - from);
        o += (size_t)h - from;
        memcpy(out + o, ", ", 2);
        o += 2;
        from = d;
    }
    if (!from) return 0;
    memcpy(out + o, msg + from, len - from);
    out[o + len - from] = '\0';
    return o + len - from;
}

/* "Sons are Ivar and Odd" that opens a sentence, a name after it: "My sons are ...". Into
 * out (len + 3 bytes at least): the length written, 0 when msg says none. */
static size_t group_opens(const char *msg, size_t len, char *out)
{
    size_t pl;
    static const char *const kids[] = {"sons are ", "daughters are ", "kids are ",
                                       "children are ", "brothers are ", "sisters are ",
                                       "grandkids are ", "grandchildren are ", NULL};
    for (long h = plain_find_any(msg, len, 0, kids, &pl); h >= 0;
         h = plain_find_any(msg, len, (size_t)h + 1, kids, &pl)) {
        size_t b = (size_t)h;
        while (b > 0 && msg[b - 1] == ' ') b--;
        if ((b > 0 && !strchr(".!?\n", msg[b - 1])) || !isupper((unsigned char)msg[h]) ||
            !isupper((unsigned char)msg[(size_t)h + pl]))
            continue;
        int r = snprintf(out, len + 4, "%.*sMy %c%s", (int)h, msg,
                         tolower((unsigned char)msg[h]), msg + h + 1);
        return r > 0 && (size_t)r <= len + 3 ? (size_t)r : 0;
    }
    return 0;
}

/* "My twins Lou and Max start at Hill Street nursery": a group of the user's named
 * right after it (two names joined by "and") and then told of is said as two sentences,
 * "My twins are Lou and Max. My twins start at ..." (the reader reads a group named, and
 * a group told of, but not the two in one). Into out (len + 32 bytes at least): the
 * length, else 0. */
static size_t group_then_told(const char *msg, size_t len, char *out)
{
    static const char *const groups[] = {"twins", "kids", "children", "sons", "daughters",
                                         "boys", "girls", "brothers", "sisters", "grandkids",
                                         "grandchildren", "parents", NULL};
    static const char *const not_told[] = {"and", "are", "is", "were", "was", "who", "both",
                                           NULL};
    for (size_t i = 0; i + 8 < len; i++) {
        char w[16];
        size_t e = plain_read_word(msg, len, i, w, sizeof w, 0);
        if (!e || (i > 0 && msg[i - 1] != ' ') || (strcmp(w, "my") && strcmp(w, "our"))) continue;
        size_t g = plain_read_word(msg, len, e, w, sizeof w, 0);
        if (!g || msg[e] != ' ' || !understand_in_list(groups, w) || g + 1 >= len ||
            msg[g] != ' ')
            continue;
        size_t a = g + 1, al = cap_word(msg, len, a);
        if (!al || strncmp(msg + a + al, " and ", 5) != 0) continue;
        size_t b = a + al + 5, bl = cap_word(msg, len, b);
        if (!bl || b + bl + 1 >= len || msg[b + bl] != ' ') continue;
        size_t v = b + bl + 1;
        size_t ve = plain_read_word(msg, len, v, w, sizeof w, 0);
        if (!ve || understand_in_list(not_told, w) || !islower((unsigned char)msg[v])) continue;
        int r = snprintf(out, len + 33, "%.*s are %.*s. %c%.*s %s", (int)g, msg,
                         (int)(b + bl - a), msg + a, toupper((unsigned char)msg[i]),
                         (int)(g - i - 1), msg + i + 1, msg + v);
        return r > 0 && (size_t)r <= len + 32 ? (size_t)r : 0;
    }
    return 0;
}

/* "traded in the Civic for a Mazda 3", "swapped my old van for a Transit": one thing
 * given for another is said as one sold and one got ("sold the Civic. Got myself a Mazda
 * 3"), as the reader knows a change of what one has. Into out (len + 24 bytes at least):
 * the length written, 0 when msg says none. */
static size_t traded_for(const char *msg, size_t len, char *out)
{
    static const char *const traded[] = {"traded in ", "traded ", "swapped ", "exchanged ",
                                         "part-exed ", NULL};
    size_t pl;
    for (long t = plain_find_any(msg, len, 0, traded, &pl); t >= 0;
         t = plain_find_any(msg, len, (size_t)t + 1, traded, &pl)) {
        if (t > 0 && isalpha((unsigned char)msg[t - 1])) continue;
        size_t g = (size_t)t + pl, e = g;   /* what was given: "the"/"my" and up to four
                                             * words, to " for a(n) " */
        char w[16];
        if (!(e = plain_read_word(msg, len, g, w, sizeof w, 0)) ||
            (strcmp(w, "the") && strcmp(w, "my") && strcmp(w, "our")))
            continue;
        size_t f = e;
        int words = 0;
        while (words < 5 && f < len && strncasecmp(msg + f, " for a ", 7) != 0 &&
               strncasecmp(msg + f, " for an ", 8) != 0) {
            size_t n = plain_read_word(msg, len, f, w, sizeof w, 1);
            if (!n) break;
            f = n, words++;
        }
        if (!words || words > 4 || f >= len || strncasecmp(msg + f, " for a", 6) != 0) continue;
        size_t a = f + 5;               /* " for" */
        int cap = isupper((unsigned char)msg[t]);
        int r = snprintf(out, len + 25, "%.*s%s %.*s. Got myself %s", (int)t, msg,
                         cap ? "Sold" : "sold", (int)(f - g), msg + g, msg + a);
        return r > 0 && (size_t)r <= len + 24 ? (size_t)r : 0;
    }
    return 0;
}

/* "I teach junior school art in Hull": the level of the school said before what is
 * taught is said after it, "I teach art at a junior school in Hull" (the reader took
 * the level for the subject). Into out (len + 8 bytes at least): the length, else 0. */
static size_t school_level_first(const char *msg, size_t len, char *out)
{
    static const char *const teach[] = {"teach ", "teaches ", "teaching ", "taught ", NULL};
    static const char *const levels[] = {"primary", "high", "secondary", "middle", "elementary",
                                         "grammar", "junior", "senior", "nursery", NULL};
    static const char *const ends[] = {"in", "at", "for", "to", "with", "since", NULL};
    size_t pl;
    for (long t = plain_find_any(msg, len, 0, teach, &pl); t >= 0;
         t = plain_find_any(msg, len, (size_t)t + 1, teach, &pl)) {
        if (t > 0 && isalpha((unsigned char)msg[t - 1])) continue;
        size_t lv = (size_t)t + pl, e;
        char w[16];
        if (!(e = plain_read_word(msg, len, lv, w, sizeof w, 0)) || !understand_in_list(levels, w))
            continue;
        size_t sc = plain_read_word(msg, len, e, w, sizeof w, 0);
        if (!sc || strcmp(w, "school") != 0) continue;
        size_t se = sc;                 /* what is taught: up to three words */
        int words = 0;
        for (size_t n; words < 4 && (n = plain_read_word(msg, len, se, w, sizeof w, 0)) &&
                       !understand_in_list(ends, w) && msg[se] == ' ';)
            se = n, words++;
        if (!words || words > 3) continue;
        int r = snprintf(out, len + 9, "%.*s%.*s at a %.*s%s", (int)lv, msg, (int)(se - sc - 1),
                         msg + sc + 1, (int)(sc - lv), msg + lv, msg + se);
        return r > 0 && (size_t)r <= len + 8 ? (size_t)r : 0;
    }
    return 0;
}

/* "my daughter goes to Hillside Primary", "Ed is at Oak Park High", "she moved up to
 * Northfield Academy": going to, being at or starting at a place whose name ends in a
 * word of a school is studying there ("... studies at Hillside Primary"), unless "as"
 * follows. Into out (len + 8 bytes at least): the length, else 0. */
static size_t school_gone_to(const char *msg, size_t len, char *out)
{
    static const char *const schools[] = {"school", "college", "academy", "university",
                                          "primary", "grammar", "high", "secondary",
                                          "elementary", "preschool", "nursery",
                                          "kindergarten", NULL};
    /* the verb said before the school, and what it is said as: a plain form with "I",
     * "we", "they" before it ("I go to ..."), else with "-s" */
    static const char *const going[][2] = {
        {" goes to ", " studies at "}, {" go to ", " study at "},
        {" is at ", " studies at "}, {" is now at ", " now studies at "},
        {"'s at ", " studies at "}, {" started at ", " studies at "},
        {" starts at ", " studies at "}, {" start at ", " study at "},
        {" moved up to ", " studies at "}, {" attends ", " studies at "},
        {" attend ", " study at "}, {" is starting at ", " studies at "},
        {NULL, NULL}};
    for (size_t i = 1; i < len; i++) {
        if (msg[i - 1] != ' ' || !isupper((unsigned char)msg[i])) continue;
        size_t rl = caps_at(msg, len, i);
        if (!rl || (i + rl < len && isalnum((unsigned char)msg[i + rl]))) continue;
        size_t we = i + rl, wb = we;    /* its last word, a word of a school */
        while (wb > i && msg[wb - 1] != ' ') wb--;
        char last[16];
        if (wb == i || we - wb >= sizeof last) continue;
        snprintf(last, sizeof last, "%.*s", (int)(we - wb), msg + wb);
        for (char *c = last; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (!understand_in_list(schools, last)) continue;
        for (int g = 0; going[g][0]; g++) {
            size_t gl = strlen(going[g][0]);
            if (i < gl || strncasecmp(msg + i - gl, going[g][0], gl) != 0) continue;
            size_t vb = i - gl;
            if (!strncasecmp(msg + we, " as ", 4)) break;   /* ("is at ... as a cook") */
            int r = snprintf(out, len + 9, "%.*s%s%s", (int)vb, msg, going[g][1], msg + i);
            return r > 0 && (size_t)r <= len + 8 ? (size_t)r : 0;
        }
    }
    return 0;
}

/* Where a pet told as one of a list ends ("a grey cat called Smoke who is 2", "a tabby
 * cat luna whos 7", "a parrot named Rio"): "a" or "an", up to three words to a kind of
 * pet, "called" or "named" and a name (or the name right after), then perhaps "who is",
 * "who's" or "whos" and a number; the item ends before a comma, " and ", a sentence's end
 * or the message's. 0 when msg[i] opens no such item; else where the name starts in
 * *name, and *called set when "called" or "named" was said. */
static size_t pet_item_end(const char *msg, size_t len, size_t i, size_t *name, int *called)
{
    static const char *const naming[] = {"called", "named", NULL};
    static const char *const aged[] = {"who's", "whos", "who", NULL};
    char w[24];
    size_t e = plain_read_word(msg, len, i, w, sizeof w, 0);
    if (!e || (strcmp(w, "a") != 0 && strcmp(w, "an") != 0)) return 0;
    size_t kind = 0;
    for (int k = 0; k < 4 && !kind; k++) {
        size_t n = plain_read_word(msg, len, e, w, sizeof w, 0);
        if (!n || msg[e] != ' ') return 0;
        e = n;
        if (dialogue_pet_word(w) || kinds_animal(w)) kind = e;
    }
    if (!kind) return 0;
    size_t n = plain_read_word(msg, len, e, w, sizeof w, 0);
    while (n && msg[e] == ' ' && (dialogue_pet_word(w) || kinds_animal(w)))   /* ("tabby cat") */
        e = n, n = plain_read_word(msg, len, e, w, sizeof w, 0);
    *called = n && understand_in_list(naming, w);
    if (*called) e = n, n = plain_read_word(msg, len, e, w, sizeof w, 0);
    if (!n || msg[e] != ' ' || lex_is_stopword(w) || dialogue_pet_word(w) || kinds_animal(w))
        return 0;
    *name = e + 1;
    e = n;                                  /* (the name) */
    n = plain_read_word(msg, len, e, w, sizeof w, 0);
    if (n && understand_in_list(aged, w)) {
        size_t a = n;
        if (!strcmp(w, "who")) a = plain_read_word(msg, len, n, w, sizeof w, 0), a = a && !strcmp(w, "is") ? a : 0;
        size_t ne = a;
        while (a && ne < len && msg[ne] == ' ') ne++;
        size_t ns = ne;
        while (a && ne < len && isalnum((unsigned char)msg[ne])) ne++;
        if (a && ne > ns && plain_number_word(msg, ns, ne)) e = ne;
    }
    if (e == len || strchr(",.!;", msg[e]) || !strncasecmp(msg + e, " and ", 5)) return e;
    return 0;
}

/* "We have a collie named Bess who is 6, a grey cat called Smoke who is 2, and a parrot
 * named Rio": two pets or more listed each told in a sentence of its own ("We have a
 * collie named Bess who is 6. I have a grey cat called Smoke who is 2. I have a parrot
 * named Rio."), as the reader reads one. Into out (len + 96 bytes at least): the length,
 * else 0. */
static size_t pets_listed(const char *msg, size_t len, char *out)
{
    static const char *const seps[] = {", and ", " and ", ", ", NULL};
    for (size_t i = 0; i + 2 < len; i++) {
        if (i > 0 && msg[i - 1] != ' ') continue;
        size_t starts[6], ends[6], names[6];   /* (six at most: len + 96 is room) */
        int called[6], items = 0;
        size_t e = pet_item_end(msg, len, i, &names[0], &called[0]);
        if (!e) continue;
        starts[items] = i, ends[items++] = e;
        while (items < 6) {
            size_t sl = 0;
            for (int k = 0; seps[k] && !sl; k++)
                if (!strncasecmp(msg + e, seps[k], strlen(seps[k]))) sl = strlen(seps[k]);
            size_t ne = sl ? pet_item_end(msg, len, e + sl, &names[items], &called[items]) : 0;
            if (!ne) break;
            starts[items] = e + sl, ends[items++] = ne;
            e = ne;
        }
        if (items < 2) {
            i = e;
            continue;
        }
        size_t before = i;                  /* (a sentence the first opens has no verb) */
        while (before > 0 && msg[before - 1] == ' ') before--;
        int bare = before == 0 || strchr(".!?", msg[before - 1]);
        size_t at = 0;                  /* (each one "called" its name: "a cat called luna") */
        for (int k = 0; k < items; k++) {
            int r = snprintf(out + at, len + 97 - at, "%.*s%s%.*s%s%.*s",
                             k ? 0 : (int)i, msg, k ? ". I have " : bare ? "I have " : "",
                             (int)(names[k] - starts[k]), msg + starts[k],
                             called[k] ? "" : "called ", (int)(ends[k] - names[k]),
                             msg + names[k]);
            if (r < 0 || at + (size_t)r > len + 96) return 0;
            at += (size_t)r;
        }
        int r;
        r = snprintf(out + at, len + 97 - at, "%s", msg + e);
        return r >= 0 && at + (size_t)r <= len + 96 ? at + (size_t)r : 0;
    }
    return 0;
}

/* "guess who turned 40 today", "guess who's 30!": the user telling their age with "guess
 * who" says it plainly ("I turned 40 today", "I'm 30!"), not asked; "guess what," before
 * a sentence goes. Into out (len + 1 bytes at least): the length written, 0 when
 * msg says neither. */
static size_t guess_who(const char *msg, size_t len, char *out)
{
    static const char *const guess[] = {"guess who's ", "guess whos ", "guess who is ",
                                        "guess who turned ", "guess who turns ",
                                        "guess what, ", "guess what ", NULL};
    size_t pl;
    long g = plain_find_any(msg, len, 0, guess, &pl);
    if (g < 0 || (g > 0 && isalpha((unsigned char)msg[g - 1]))) return 0;
    size_t b = (size_t)g;               /* (first in its sentence) */
    while (b > 0 && msg[b - 1] == ' ') b--;
    if (b > 0 && !strchr(".!?,\n", msg[b - 1])) return 0;
    const char *as = !strncasecmp(msg + g, "guess what", 10) ? ""
                     : !strncasecmp(msg + g, "guess who turn", 14) ? "I "
                                                                     : "I'm ";
    if (as[0] == 'I' && as[1] == ' ') pl = strlen("guess who ");   /* (the verb stays) */
    int r = snprintf(out, len + 1, "%.*s%s%s", (int)g, msg, as, msg + g + pl);
    return r > 0 && (size_t)r <= len ? (size_t)r : 0;
}

/* "Wife Kirsten keeps the books.", "Son Pete is 30": a word of kin that opens a sentence,
 * a name with a capital right after it, is the user's ("My wife Kirsten ..."), as a note
 * writes it. Into out (len + 4 bytes at least): the length written, 0 when msg opens no
 * sentence so. */
static size_t kin_opens(const char *msg, size_t len, char *out)
{
    for (size_t b = 0; b < len; b++) {
        if (b > 0 && !(strchr(".!?\n", msg[b - 1]) || (msg[b - 1] == ' ' && b > 1 &&
                                                      strchr(".!?", msg[b - 2]))))
            continue;
        if (!isupper((unsigned char)msg[b])) continue;
        char w[24], name[24];
        size_t e = plain_read_word(msg, len, b, w, sizeof w, 0);
        if (!e || e >= len || msg[e] != ' ' || !understand_kin(w))
            continue;
        size_t ne = plain_read_word(msg, len, e, name, sizeof name, 0);
        size_t n = e + 1;
        if (!ne || !isupper((unsigned char)msg[n]) || understand_kin(name) ||
            lex_is_stopword(name))
            continue;
        int r = snprintf(out, len + 5, "%.*sMy %c%s", (int)b, msg,
                         tolower((unsigned char)msg[b]), msg + b + 1);
        return r > 0 && (size_t)r <= len + 4 ? (size_t)r : 0;
    }
    return 0;
}

/* The bytes of an emoji's piece at msg[i] (a four-byte picture, a three-byte symbol of
 * U+2600..U+27BF, a joiner or a variation selector), else 0. */
static size_t emoji_at(const char *msg, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)msg + i;
    if (i + 4 <= len && u[0] == 0xF0 && u[1] == 0x9F) return 4;
    if (i + 3 <= len && u[0] == 0xE2 && u[1] >= 0x98 && u[1] <= 0x9E) return 3;
    if (i + 3 <= len && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8D) return 3;     /* ZWJ */
    if (i + 3 <= len && u[0] == 0xEF && u[1] == 0xB8 && u[2] == 0x8F) return 3;     /* FE0F */
    return 0;
}

/* "got a bunny called Mochi 🐰 hes 2": emoji between two words part what is said as a
 * comma does ("... Mochi 🐰, hes 2"), so a pronoun after them reads as of the one just
 * named; up to eight such runs, none after a greeting alone. Into out (len + 8 bytes at
 * least): the length written, 0 when msg has none. */
static size_t emoji_parted(const char *msg, size_t len, char *out)
{
    size_t o = 0, from = 0;
    int made = 0;
    for (size_t i = 0; i < len && made < 8;) {
        size_t e = i, l;
        while (e < len && (l = emoji_at(msg, len, e))) e += l;
        if (e == i) {
            i++;
            continue;
        }
        size_t b = i;                   /* a word before, then spaces and a letter after */
        while (b > 0 && msg[b - 1] == ' ') b--;
        size_t a = e;
        while (a < len && msg[a] == ' ') a++;
        size_t sb = b;                  /* (not after a greeting alone: "hiya 👋 Ana here") */
        while (sb > 0 && !strchr(".!?\n", msg[sb - 1])) sb--;
        int greeting = 1;
        char w[24];
        for (size_t k = sb, ke; greeting && (ke = plain_read_word(msg, b, k, w, sizeof w, 0));
             k = ke)
            greeting = understand_in_list(understand_greetings, w);
        if (b > 0 && isalnum((unsigned char)msg[b - 1]) && a > e && a < len &&
            isalpha((unsigned char)msg[a]) && !greeting) {
            memcpy(out + o, msg + from, e - from);
            o += e - from;
            out[o++] = ',';
            from = e;
            made++;
        }
        i = e;
    }
    if (!made) return 0;
    memcpy(out + o, msg + from, len - from);
    o += len - from;
    out[o] = '\0';
    return o;
}

/* Words of fondness the listener is called by after "my" ("what's my job, my friend?"). */
static const char *const listener_words[] = {"friend", "dear", "love", "darling", "boy",
                                             "girl", "man", "lad", "child", "sweetie", NULL};

/* "then Ivo rang, that's my son, he's 30": one named with a capital, up to three words in
 * small letters after the name, then who they are after a comma ("my" or "that's my",
 * one or two words ending in a word of kin or of a pet, then a comma or the end), is
 * told in a sentence of its own ("then Ivo rang. My son is called Ivo, he's 30"). Into
 * out (len + 24 bytes at least): the length written, 0 when msg says none. */
static size_t named_then_who(const char *msg, size_t len, char *out)
{
    static const char *const that[] = {"that's", "thats", "that", "is", NULL};
    for (size_t c = 1; c + 4 < len; c++) {
        if (msg[c] != ',') continue;
        char w[24], kin[48] = "";
        size_t e = plain_read_word(msg, len, c + 1, w, sizeof w, 0), ke = 0;
        while (e && understand_in_list(that, w)) e = plain_read_word(msg, len, e, w, sizeof w, 0);
        if (!e || strcmp(w, "my")) continue;
        for (int k = 0; k < 2 && !ke && (e = plain_read_word(msg, len, e, w, sizeof w, 0)); k++) {
            size_t kl = strlen(kin);
            snprintf(kin + kl, sizeof kin - kl, "%s%s", kl ? " " : "", w);
            if (understand_kin(w) || dialogue_pet_word(w)) ke = e;
        }
        if (!ke || (ke < len && !strchr(",.!", msg[ke])) ||
            ((ke >= len || msg[ke] != ',') && understand_in_list(listener_words, w)))
            continue;                   /* ("..., my friend." calls the listener) */
        size_t i = c, name = 0, name_end = 0;   /* the name: back over small words, one at
                                                 * least or a word of kin before the name
                                                 * ("Kemal, my husband, drives ..." the
                                                 * reader reads as it is) */
        for (int words = 0; words < 4 && i > 0 && !name; words++) {
            while (i > 0 && msg[i - 1] == ' ') i--;
            size_t we = i;
            while (i > 0 && isalpha((unsigned char)msg[i - 1])) i--;
            if (i == we || (i > 0 && !strchr(" ", msg[i - 1]))) break;
            if (!isupper((unsigned char)msg[i])) continue;
            char before[24] = "";       /* (or one's by a word of kin: "her boy Leo, my
                                         * grandson, ...") */
            size_t bb = i;
            while (bb > 0 && msg[bb - 1] == ' ') bb--;
            size_t bw = bb;
            while (bw > 0 && isalpha((unsigned char)msg[bw - 1])) bw--;
            if (bb - bw < sizeof before) snprintf(before, sizeof before, "%.*s", (int)(bb - bw),
                                                  msg + bw);
            for (char *p = before; *p; p++) *p = (char)tolower((unsigned char)*p);
            if (words > 0 || understand_kin(before) || !strcmp(before, "boy") ||
                !strcmp(before, "girl"))
                name = i, name_end = we;
            break;
        }
        if (!name || name_end - name < 2 || name_end - name >= sizeof w) continue;
        snprintf(w, sizeof w, "%.*s", (int)(name_end - name), msg + name);
        for (char *p = w; *p; p++) *p = (char)tolower((unsigned char)*p);
        static const char *const openers[] = {"then", "yesterday", "today", "tonight",
                                              "anyway", "later", "sadly", "luckily", "oh",
                                              "ok", "okay", "thanks", "sorry", "yes", "no",
                                              "well", "honestly", "apparently", NULL};
        if (lex_is_stopword(w) || understand_kin(w) || understand_month(w) ||
            understand_weekday(w) || understand_pronoun(w) || understand_in_list(openers, w) ||
            understand_in_list(understand_greetings, w))
            continue;
        int r = snprintf(out, len + 25, "%.*s. My %s is called %.*s%s", (int)c, msg, kin,
                         (int)(name_end - name), msg + name, msg + ke);
        return r > 0 && (size_t)r <= len + 24 ? (size_t)r : 0;
    }
    return 0;
}

/* "where do I work, my friend?": the listener called by a word of fondness after a comma
 * that ends a question ("my friend", "my dear", "my love", "my darling", "my boy", "my
 * girl", "my man", "my lad") goes, as "mate" and "dear" alone do, so no one of the user's
 * is asked of; "who is Ivo to me?" is "who is Ivo?". Into out (len + 1 bytes at least):
 * the length written, 0 when msg ends no question so. */
static size_t listener_called(const char *msg, size_t len, char *out)
{
    static const char *const asking[] = {"what", "what's", "whats", "who", "who's", "whos",
                                         "where", "where's", "wheres", "when", "which", "how",
                                         "do", "does", "did", "is", "am", "are", "can", NULL};
    for (size_t q = 0; q < len; q++) {
        if (msg[q] != '?') continue;
        size_t e = q;
        while (e > 0 && msg[e - 1] == ' ') e--;
        size_t b = e;
        while (b > 0 && isalpha((unsigned char)msg[b - 1])) b--;
        char w[16];
        if (e - b >= sizeof w) continue;
        snprintf(w, sizeof w, "%.*s", (int)(e - b), msg + b);
        for (char *c = w; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (!understand_in_list(listener_words, w) || b < 5 || strncasecmp(msg + b - 3, "my ", 3))
            continue;
        size_t comma = b - 3;
        while (comma > 0 && msg[comma - 1] == ' ') comma--;
        if (comma == 0 || msg[comma - 1] != ',') continue;
        size_t sb = comma - 1;          /* the sentence opens with a word of asking */
        while (sb > 0 && !strchr(".!?\n", msg[sb - 1])) sb--;
        char first[16];
        if (!plain_read_word(msg, comma - 1, sb, first, sizeof first, 0) ||
            !understand_in_list(asking, first))
            continue;
        int r = snprintf(out, len + 1, "%.*s%s", (int)(comma - 1), msg, msg + q);
        return r > 0 && (size_t)r <= len ? (size_t)r : 0;
    }
    /* "who is Ivo to me?": who one named is, "who is Ivo?" */
    static const char *const who[] = {"who is ", "who's ", "whos ", "what is ", "what's ",
                                      NULL};
    size_t pl;
    for (long h = plain_find_any(msg, len, 0, who, &pl); h >= 0;
         h = plain_find_any(msg, len, (size_t)h + 1, who, &pl)) {
        size_t n = (size_t)h + pl, ne = n;
        if ((h > 0 && isalpha((unsigned char)msg[h - 1])) || !isupper((unsigned char)msg[n]))
            continue;
        while (ne < len && (isalpha((unsigned char)msg[ne]) || (unsigned char)msg[ne] >= 0x80))
            ne++;
        if (ne + 7 > len || strncasecmp(msg + ne, " to me", 6) != 0) continue;
        size_t q = ne + 6;
        while (q < len && msg[q] == ' ') q++;
        if (q >= len || msg[q] != '?') continue;
        int r = snprintf(out, len + 1, "%.*s%s", (int)ne, msg, msg + q);
        return r > 0 && (size_t)r <= len ? (size_t)r : 0;
    }
    return 0;
}

/* "me and Carla have been together 5 years", "Carla and I are together since 2019", "My
 * girl Nadia and me been together nine years": one the user is together with, named, is
 * their partner, said as the reader knows it ("I've been with Carla 5 years", "I've been
 * with my girlfriend Nadia nine years"; "girl", "guy", "fella", "man" and "lady" before
 * the name say a girlfriend or a boyfriend). The sentence opens with the pair, a word of
 * starting maybe before it. Into out (len + 24 bytes at least): the length written, 0
 * when msg says none. */
static size_t together_told(const char *msg, size_t len, char *out)
{
    static const char *const together[] = {" together", NULL};
    static const char *const openers[] = {"well", "so", "oh", "and", "also", "btw", NULL};
    static const char *const aux[] = {"have", "'ve", "are", "'re", "been", "were", "has",
                                      NULL};
    static const char *const me[] = {"me", "i", NULL};
    static const char *const with[] = {"and", "n", "&", NULL};
    static const char *const fond[][2] = {{"girl", "girlfriend"}, {"guy", "boyfriend"},
                                          {"fella", "boyfriend"},  {"man", "boyfriend"},
                                          {"lady", "girlfriend"}};
    size_t pl;
    for (long t = plain_find_any(msg, len, 0, together, &pl); t > 0;
         t = plain_find_any(msg, len, (size_t)t + 1, together, &pl)) {
        size_t te = (size_t)t + pl;
        if (te < len && isalpha((unsigned char)msg[te])) continue;
        size_t sb = (size_t)t;      /* the sentence's words before it, with where each opens */
        while (sb > 0 && !strchr(".!?\n", msg[sb - 1])) sb--;
        enum { WORDS = 10 };
        char w[WORDS][24];
        size_t at[WORDS];
        int n = 0;
        for (size_t i = sb, e; n < WORDS; i = e) {
            while (i < (size_t)t && (msg[i] == ',' || msg[i] == ' ')) i++;  /* ("Well, ...") */
            if (!(e = plain_read_word(msg, (size_t)t, i, w[n], sizeof w[n], 1))) break;
            at[n] = i;
            while (at[n] < e && msg[at[n]] == ' ') at[n]++;
            size_t l = strlen(w[n]);    /* "I've" is two words: "i", "'ve" */
            if (l > 3 && !strcmp(w[n] + l - 3, "'ve") && n + 1 < WORDS) {
                w[n][l - 3] = '\0';
                snprintf(w[n + 1], sizeof w[n + 1], "'ve");
                at[n + 1] = at[n] + l - 3;
                n++;
            }
            n++;
        }
        if (n == WORDS) continue;
        int b = 0;
        if (b < n && understand_in_list(openers, w[b])) b++;
        int e = n;
        while (e > b && understand_in_list(aux, w[e - 1])) e--;
        if (e == n) continue;           /* ("Carla and me together": no verb, no pair) */
        /* the pair: (my KIN) NAME and me, or me and (my KIN) NAME */
        int nb, ne;
        if (e - b >= 3 && understand_in_list(me, w[b]) && understand_in_list(with, w[b + 1]))
            nb = b + 2, ne = e;
        else if (e - b >= 3 && understand_in_list(me, w[e - 1]) &&
                 understand_in_list(with, w[e - 2]))
            nb = b, ne = e - 2;
        else
            continue;
        const char *kin = NULL;
        if (ne - nb == 3 && !strcmp(w[nb], "my")) {
            kin = w[nb + 1];
            for (size_t k = 0; k < sizeof fond / sizeof fond[0]; k++)
                if (!strcmp(kin, fond[k][0])) kin = fond[k][1];
            if (!understand_in_list(understand_partner_words, kin)) continue;
            nb += 2;
        }
        if (ne - nb != 1 || lex_is_stopword(w[nb]) || understand_kin(w[nb]) ||
            understand_pronoun(w[nb]) || !isalpha((unsigned char)w[nb][0]))
            continue;
        size_t name = at[nb], name_end = name + strlen(w[nb]);
        char mine[UNDERSTAND_KEY + 4] = "";
        if (kin) snprintf(mine, sizeof mine, "my %s ", kin);
        int r = snprintf(out, len + 25, "%.*sI've been with %s%.*s%s", (int)at[b], msg, mine,
                         (int)(name_end - name), msg + name, msg + te);
        return r > 0 && (size_t)r <= len + 24 ? (size_t)r : 0;
    }
    return 0;
}

/* A place of work named after "on" ("I work at the lodge on Mount Kenya", "head cook at
 * a hotel on the Alameda") said with its name first, as the reader takes the whole of it
 * ("at the Mount Kenya lodge", "at the Alameda hotel"), into out (len + 5 bytes at
 * least): "at the" or "at a", one word in small letters (after a word of working, or a
 * word for a place of business), "on", "the" maybe and words with capitals. Returns the
 * length written, or 0 when msg says none. */
static size_t work_on_named(const char *msg, size_t len, char *out)
{
    static const char *const at[] = {"at the ", "at a ", NULL};
    static const char *const working[] = {"work", "works", "working", "job", NULL};
    size_t pl;
    for (long f = plain_find_any(msg, len, 0, at, &pl); f >= 0;
         f = plain_find_any(msg, len, (size_t)f + 1, at, &pl)) {
        if (f > 0 && isalpha((unsigned char)msg[f - 1])) continue;
        size_t nb = (size_t)f + pl, ne = nb;
        while (ne < len && islower((unsigned char)msg[ne])) ne++;
        if (ne == nb || ne - nb >= 24 || ne + 4 >= len || strncmp(msg + ne, " on ", 4) != 0)
            continue;
        size_t cb = ne + 4;
        if (!strncmp(msg + cb, "the ", 4)) cb += 4;
        if (!isupper((unsigned char)msg[cb])) continue;
        char noun[24], before[16] = "";
        snprintf(noun, sizeof noun, "%.*s", (int)(ne - nb), msg + nb);
        size_t wb = (size_t)f;          /* the word before "at" */
        while (wb > 0 && msg[wb - 1] == ' ') wb--;
        size_t ws = wb;
        while (ws > 0 && isalpha((unsigned char)msg[ws - 1])) ws--;
        if (wb - ws < sizeof before)
            snprintf(before, sizeof before, "%.*s", (int)(wb - ws), msg + ws);
        for (char *c = before; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (!understand_in_list(working, before) && !realise_place_noun(noun)) continue;
        size_t ce = cb;                 /* the words with capitals */
        for (;;) {
            while (ce < len && (isalpha((unsigned char)msg[ce]) || msg[ce] == '-' ||
                                (unsigned char)msg[ce] >= 0x80))
                ce++;
            if (ce + 1 < len && msg[ce] == ' ' && isupper((unsigned char)msg[ce + 1])) ce++;
            else break;
        }
        static const char *const ways[] = {"street", "road", "avenue", "lane", "st", "rd",
                                           "ave", "square", "way", NULL};
        char way[8] = "";               /* ("on Fulton street": the street too) */
        size_t xe = ce + 1;
        while (xe < len && isalpha((unsigned char)msg[xe])) xe++;
        if (ce < len && msg[ce] == ' ' && xe - ce - 1 < sizeof way)
            snprintf(way, sizeof way, "%.*s", (int)(xe - ce - 1), msg + ce + 1);
        for (char *c = way; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (way[0] && understand_in_list(ways, way)) ce = xe;
        if (ce < len && isalnum((unsigned char)msg[ce])) continue;
        int n = snprintf(out, len + 5, "%.*sat the %.*s %s%s", (int)f, msg, (int)(ce - cb),
                         msg + cb, noun, msg + ce);
        return n > 0 && (size_t)n <= len + 4 ? (size_t)n : 0;
    }
    return 0;
}

/* The most bytes a message handed to one round holds (the rounds before it added). */
#define RESTATE_IN (RESTATE_MAX + (RESTATE_ROUNDS - 1) * RESTATE_ONCE)

/* One round of every pass over msg into out (cap bytes): restate_text's contract, for
 * a msg of up to RESTATE_IN bytes. */
static long restate_once(const char *msg, char *out, size_t cap)
{
    size_t len = strlen(msg);
    if (len >= RESTATE_IN) return 0;
    char fixed[RESTATE_IN];            /* (a correction in passing made first) */
    const char *now = msg;
    size_t made = corrected_in_passing(now, len, fixed);
    if (!made) made = zh_number_put_right(now, len, fixed);
    if (made) now = fixed;
    char zh_aged[RESTATE_IN + 3];       /* (then an age in Chinese with no 岁) */
    if (zh_years_this_year(now, strlen(now), zh_aged)) now = zh_aged;
    char listed_pets[RESTATE_IN + 99];  /* (then pets listed told apart) */
    if (pets_listed(now, strlen(now), listed_pets)) now = listed_pets;
    char aged[RESTATE_IN + 115];        /* (then an age told before a kind of person) */
    if (years_old_before(now, strlen(now), aged)) now = aged;
    char named[RESTATE_IN + 147];       /* (then a group named after it) */
    if (group_named_after(now, strlen(now), named)) now = named;
    char pet[RESTATE_IN + 163];         /* (then a pet named after it) */
    if (pet_named_after(now, strlen(now), pet)) now = pet;
    char second[RESTATE_IN + 171];      /* (then a second one had and named apart) */
    if (second_named(now, strlen(now), second)) now = second;
    char with[RESTATE_IN + 179];        /* (then a pet lived with told apart) */
    if (pet_lived_with(now, strlen(now), with)) now = with;
    char who[RESTATE_IN + 203];        /* (then the age of one just named) */
    if (age_of_named(now, strlen(now), who)) now = who;
    char plain[RESTATE_IN + 211];       /* (then an aside after "my partner" left out) */
    if (aside_left_out(now, strlen(now), plain)) now = plain;
    char firm[RESTATE_IN + 219];        /* (then a place of business named after it) */
    if (firm_named_after(now, strlen(now), firm)) now = firm;
    char verbed[RESTATE_IN + 283];     /* (then a verb left out after a comma) */
    if (gapped_verb(now, strlen(now), verbed)) now = verbed;
    char noted[RESTATE_IN + 284];      /* (then a note's parts set off by dashes) */
    if (dashed_note(now, strlen(now), noted)) now = noted;
    char listed[RESTATE_IN + 284];     /* (then names with their ages after a group) */
    if (ages_listed(now, strlen(now), listed)) now = listed;
    char aged_q[RESTATE_IN + 284];     /* (then an age in words asked of oneself) */
    if (age_in_words(now, strlen(now), aged_q)) now = aged_q;
    char said[RESTATE_IN + 300];       /* (then phrases the reader knows otherwise) */
    if (said_plainly(now, strlen(now), said)) now = said;
    char work[RESTATE_IN + 304];       /* (then a place of work named after "on") */
    if (work_on_named(now, strlen(now), work)) now = work;
    char pair[RESTATE_IN + 329];       /* (then one the user is together with) */
    if (together_told(now, strlen(now), pair)) now = pair;
    char there[RESTATE_IN + 337];      /* (then one named, then who they are) */
    if (there_named(now, strlen(now), there)) now = there;
    char who_is[RESTATE_IN + 361];     /* (then one named, and after it who they are) */
    if (named_then_who(now, strlen(now), who_is)) now = who_is;
    char called[RESTATE_IN + 361];     /* (then the listener called after a question) */
    if (listener_called(now, strlen(now), called)) now = called;
    char origin[RESTATE_IN + 361];     /* (then "originally" before where one is from) */
    if (from_originally(now, strlen(now), origin)) now = origin;
    char placed[RESTATE_IN + 364];     /* (then an age after one's place among the rest) */
    if (place_then_age(now, strlen(now), placed)) now = placed;
    char group[RESTATE_IN + 367];      /* (then "Sons are ..." opening a sentence) */
    if (group_opens(now, strlen(now), group)) now = group;
    char grouped[RESTATE_IN + 399];    /* (then a group named and told of apart) */
    if (group_then_told(now, strlen(now), grouped)) now = grouped;
    char trade[RESTATE_IN + 423];      /* (then one thing given for another) */
    if (traded_for(now, strlen(now), trade)) now = trade;
    char levelled[RESTATE_IN + 431];   /* (then a school's level after what is taught) */
    if (school_level_first(now, strlen(now), levelled)) now = levelled;
    char schooled[RESTATE_IN + 439];   /* (then a school gone to as one studied at) */
    if (school_gone_to(now, strlen(now), schooled)) now = schooled;
    char guessed[RESTATE_IN + 439];    /* (then "guess who" said plainly) */
    if (guess_who(now, strlen(now), guessed)) now = guessed;
    char kin[RESTATE_IN + 443];        /* (then a word of kin opening a sentence) */
    if (kin_opens(now, strlen(now), kin)) now = kin;
    char parted[RESTATE_IN + 451];     /* (then emoji between words as commas) */
    if (emoji_parted(now, strlen(now), parted)) now = parted;
    if (now == msg) return 0;
    size_t n = strlen(now);
    if (n + 1 > cap) return -1;
    memcpy(out, now, n + 1);
    return (long)n;
}

long restate_text(const char *msg, char *out, size_t cap)
{
    if (strlen(msg) >= RESTATE_MAX) return 0;
    /* (rounds until nothing changes: a pass rewrites the first of its phrases a round, so
     * "a cat called Smoke who is 2, a dog called Rex who is 5" needs two) */
    char a[RESTATE_MAX + RESTATE_GROWTH], b[RESTATE_MAX + RESTATE_GROWTH];
    const char *now = msg;
    for (int round = 0; round < RESTATE_ROUNDS; round++) {
        char *to = now == a ? b : a;
        long r = restate_once(now, to, sizeof a);
        if (r <= 0 || !strcmp(to, now)) break;
        now = to;
    }
    if (now == msg) return 0;
    size_t n = strlen(now);
    if (n + 1 > cap) return -1;
    memcpy(out, now, n + 1);
    return (long)n;
}

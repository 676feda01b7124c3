/* clauses.c: cutting a message into clauses (clauses.h). Sentence ends cut always; a
 * comma, a spaced dash or "and"/"but"/"so"/"while" cuts only when the next word starts a new subject (a
 * first-person word or a possessive, or a capitalised name and a verb), a comma also
 * before a note's key ("age 41, job: welder"), a bracket opened before "I" or "we" (and
 * closed after), or "and" joins two
 * questions (a wh-question after it needs no '?'), so "salt and pepper" and "hi, how are
 * you" stay whole. A full stop cuts only before a space or the end and not after a
 * one-letter or title abbreviation ("Dr. Li", "J. Smith"), so "3.5" and "St. Ives" stay
 * whole. */
#include "agent/clauses.h"
#include "agent/understand_words.h"
#include "agent/understood.h"
#include "model/lex_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Words that start a new clause after a comma or a conjunction: a subject, or a
 * request ("ok, please forget my number"). */
static const char *const subjects[] = {
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "my", "our", "we", "we're", "we've",
    "me", "mine", "he", "she", "they", "his", "her", "their", "it's", "its", "that's",
    "thats", "favourite", "favorite", "fave", "fav", "and",
    "please", "pls", "plz", NULL};
static const char *const joins[] = {"and", "but", "so", "also", "plus", "while", "whereas",
                                    "though", NULL};
/* Verbs that make a capitalised word before them a new subject ("..., Finn is 9"). */
static const char *const name_verbs[] = {
    "is", "was", "just", "turned", "turns", "works", "worked", "lives", "lived", "has",
    "studies", "plays", "loves", "likes", "speaks", "goes", "moved", "teaches", "does",
    "drives", "runs", "owns", NULL};
static const char *const titles[] = {"dr", "mr", "mrs", "ms", "st", "mt", "prof", "jr", "sr",
                                     NULL};

/* 1 when the lower-cased word w is a word of kin ("wife", "gf", "flatmate"). */
static int kin_word(const char *w)
{
    char key[UNDERSTAND_KEY];
    understand_holder_of(w, key, sizeof key);
    return understand_kin(key);
}

static int in_list(const char *const *list, const char *w, size_t n)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncmp(list[i], w, n) == 0) return 1;
    return 0;
}

/* The lower-cased word at text[i..) (ASCII letters, Latin ones with accents as written,
 * ' and ’ folded to '), its length in bytes of text in *adv. Returns the word's length in buf (0: not a word). */
static size_t word_at(const char *text, size_t len, size_t i, char *buf, size_t cap,
                      size_t *adv)
{
    size_t n = 0, j = i;
    while (j < len && n + 1 < cap) {
        unsigned char c = (unsigned char)text[j];
        if (isalpha(c)) {
            buf[n++] = (char)tolower(c);
            j++;
        } else if (c == '\'') {
            buf[n++] = '\'';
            j++;
        } else if (c == 0xE2 && j + 2 < len && (unsigned char)text[j + 1] == 0x80 &&
                   (unsigned char)text[j + 2] == 0x99) {
            buf[n++] = '\'';    /* ’ */
            j += 3;
        } else if (c >= 0xC3 && c <= 0xC5 && j + 1 < len && n + 2 < cap &&
                   ((unsigned char)text[j + 1] & 0xC0) == 0x80) {
            buf[n++] = (char)c; /* a Latin letter with an accent ("Léa"), as written */
            buf[n++] = text[j + 1];
            j += 2;
        } else {
            break;
        }
    }
    buf[n] = '\0';
    *adv = j - i;
    return n;
}

static size_t skip_spaces(const char *text, size_t len, size_t i)
{
    while (i < len && (text[i] == ' ' || text[i] == '\t')) i++;
    return i;
}

/* 1 when a new subject starts at text[i..) (after spaces). */
static int subject_at(const char *text, size_t len, size_t i)
{
    char w[16];
    size_t adv;
    i = skip_spaces(text, len, i);
    size_t n = word_at(text, len, i, w, sizeof w, &adv);
    if (n == 0) {               /* a CJK clause starting with 我 (I, my), 请 (please), a kin
                                 * word (老婆叫…), 老家 (one's home town) or a like told
                                 * with the speaker left unsaid (，最爱吃火锅) */
        static const char *const cjk[] = {"我", "请", "儿子", "女儿", "闺女", "老婆", "老公",
                                          "丈夫", "妻子", "男朋友", "女朋友", "孙子", "孙女",
                                          "妈妈", "爸爸", "哥哥", "姐姐", "弟弟", "妹妹",
                                          "老家", "最爱", "最喜欢", "喜欢", "周末", NULL};
        for (int k = 0; cjk[k]; k++)
            if (i + strlen(cjk[k]) <= len && !memcmp(text + i, cjk[k], strlen(cjk[k]))) return 1;
        /* one's people said alone (，湖南人，): two to four characters, the last 人 */
        for (size_t c = 2; c <= 4; c++) {
            size_t e = i + 3 * c;
            if (e > len) break;
            if (memcmp(text + e - 3, "人", 3) != 0) continue;
            return e == len || text[e] == ' ' || !memcmp(text + e, "，", e + 3 <= len ? 3 : 0) ||
                   (e + 3 <= len && !memcmp(text + e, "。", 3));
        }
        return 0;
    }
    if (in_list(subjects, w, n) && (i + adv >= len || !isalnum((unsigned char)text[i + adv]))) {
        /* "which of us cooks, me or the wife?": "me or" names whom it asks of */
        char v[16];
        size_t adv3, k = word_at(text, len, skip_spaces(text, len, i + adv), v, sizeof v, &adv3);
        return !(n == 2 && !strcmp(w, "me") && k == 2 && !strcmp(v, "or"));
    }
    /* "..., wife is Noor", "hubby works nights": a word of kin said bare, then a verb */
    if (kin_word(w)) {
        char v[16];
        size_t adv4, k = word_at(text, len, skip_spaces(text, len, i + adv), v, sizeof v, &adv4);
        if (k > 0 && in_list(name_verbs, v, k)) return 1;
    }
    /* "..., and little Zac is 3", "wee Cara's 4": a word of fondness before a name and a
     * verb */
    static const char *const fond[] = {"little", "wee", "lil", "baby", "young", "big",
                                       "our", NULL};
    if (in_list(fond, w, n)) {
        size_t at = skip_spaces(text, len, i + adv);
        return at < len && isupper((unsigned char)text[at]) && subject_at(text, len, at);
    }
    /* a name and a verb: "Lotte is 12, Finn is 9 and Mia just turned 4"; in lower case,
     * with "is" and a number ("lwazi is 12, ayanda is 9"; not "..., who is 6") */
    size_t adv2;
    static const char *const relative[] = {"who", "which", "that", "whose", "where", "when",
                                           "it", "this", "there", NULL};
    if (!isupper((unsigned char)text[i]) && n > 1 && !in_list(relative, w, n)) {
        char v[16];
        size_t at = skip_spaces(text, len, i + adv);
        size_t k = word_at(text, len, at, v, sizeof v, &adv2);
        size_t d = skip_spaces(text, len, at + adv2);
        return k == 2 && !strcmp(v, "is") && d < len && isdigit((unsigned char)text[d]);
    }
    if (!isupper((unsigned char)text[i]) || (n == 1 && w[0] == 'i'))
        return 0;
    size_t m = n > 2 && !strcmp(w + n - 2, "'s") ? 2 : 0;
    if (m)                      /* "Finn's 9" */
        return 1;
    char v[16];
    size_t k = word_at(text, len, skip_spaces(text, len, i + adv), v, sizeof v, &adv2);
    return k > 0 && in_list(name_verbs, v, k);
}

int clauses_full_stop(const char *text, size_t len, size_t i, size_t start)
{
    if (i + 1 < len && text[i + 1] != ' ' && text[i + 1] != '\n' && text[i + 1] != '.')
        return 0;               /* "3.5", "example.com" */
    size_t b = i;               /* the word before: an abbreviation does not end a clause */
    while (b > start && (isalpha((unsigned char)text[b - 1]) ||
                         (unsigned char)text[b - 1] >= 0x80))
        b--;                    /* (a letter of two bytes is one: "Kraków." ends) */
    char w[8];
    size_t n = i - b, k;
    if (n >= 1 && n < sizeof w) {
        for (k = 0; k < n; k++) w[k] = (char)tolower((unsigned char)text[b + k]);
        if (n == 1 || in_list(titles, w, n)) return 0;
    }
    /* "ANDRES. not andrea": "not" and one word after it to the end say what it is not */
    size_t p = skip_spaces(text, len, i + 1);
    if (p + 4 < len && !strncasecmp(text + p, "not ", 4)) {
        size_t q = skip_spaces(text, len, p + 4);
        while (q < len && isalpha((unsigned char)text[q])) q++;
        while (q < len && !isalnum((unsigned char)text[q])) q++;
        if (q >= len) return 0;
    }
    return 1;
}

void clauses_sentence(const char *text, size_t at, size_t n, size_t *b, size_t *e)
{
    size_t sb = at, se = at + n, len = strlen(text);
    while (sb > 0 && !strchr(".!?\n", text[sb - 1])) sb--;
    while (se < len && !strchr(".!?\n", text[se])) se++;
    *b = sb;
    *e = se;
}

/* The length of a hard boundary at text[i] (0: none). A '?' is kept by its clause. */
static size_t hard_at(const char *text, size_t len, size_t i, size_t start)
{
    unsigned char c = (unsigned char)text[i];
    if (c == '!' || c == ';' || c == '\n' || c == '?') return 1;
    if (c == '.') return clauses_full_stop(text, len, i, start);
    /* "we keep two goats: Bramble is a ...": a colon after a few words before a name and
     * "is" cuts (not a note's "dog: rex, beagle") */
    if (c == ':' && i + 2 < len && text[i + 1] == ' ' && isupper((unsigned char)text[i + 2])) {
        int before = 0;
        for (size_t k = start; k < i; k++)
            before += isalpha((unsigned char)text[k]) &&
                      (k == start || !isalpha((unsigned char)text[k - 1]));
        size_t e = i + 2;
        while (e < len && isalpha((unsigned char)text[e])) e++;
        if (before >= 3 && !strncmp(text + e, " is ", 4)) return 1;
    }
    if (c == 0xE3 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
        (unsigned char)text[i + 2] == 0x82)
        return 3;               /* 。 */
    if (c == 0xEF && i + 2 < len && (unsigned char)text[i + 1] == 0xBC) {
        unsigned char d = (unsigned char)text[i + 2];
        if (d == 0x81 || d == 0x9F || d == 0x9B) return 3;   /* ！ ？ ； */
    }
    return 0;
}

/* 1 when a question follows the mark at text[i]: a question word, and a '?' later. */
static int question_after(const char *text, size_t len, size_t i)
{
    static const char *const wh[] = {"what", "what's", "whats", "which", "who", "who's",
                                     "where", "where's", "when", "when's", "how", "do",
                                     "does", "did", "is", "am", "are", NULL};
    char w[16];
    size_t adv, b = skip_spaces(text, len, i + 1);
    size_t n = word_at(text, len, b, w, sizeof w, &adv);
    return n > 0 && in_list(wh, w, n) && memchr(text + b, '?', len - b) != NULL;
}

/* 1 when a wh-question follows the word at text[i] ("... and where does my aunt live"),
 * with or without a '?' later: a question word, not one that exclaims ("what a mess"),
 * and two words after it at least. */
static int wh_after(const char *text, size_t len, size_t i)
{
    static const char *const wh[] = {"what", "what's", "whats", "which", "who", "who's",
                                     "whos", "where", "where's", "wheres", "when", "when's",
                                     "whens", "how", NULL};
    char w[16];
    size_t adv, b = skip_spaces(text, len, i + 1);
    size_t n = word_at(text, len, b, w, sizeof w, &adv);
    if (n == 0 || !in_list(wh, w, n)) return 0;
    static const char *const exclaims[] = {"a", "an", NULL};   /* "what a mess" */
    char x[4];
    size_t xadv, xn = word_at(text, len, skip_spaces(text, len, b + adv), x, sizeof x, &xadv);
    if (xn && in_list(exclaims, x, xn)) return 0;
    int words = 0;
    for (size_t k = b + adv; k < len && words < 2; k++)
        if (isalpha((unsigned char)text[k]) && text[k - 1] == ' ') words++;
    return words >= 2;
}

/* 1 when text[start..i) is one word of interjection ("sorry", "ok") and a question
 * follows the comma at i: "Sorry, which firm employs me?" asks after it. */
static int question_after_interjection(const char *text, size_t len, size_t start, size_t i)
{
    static const char *const interjections[] = {"sorry", "ok", "okay", "right", "well", "oh",
                                                "um", "umm", "hmm", "also", "so", "anyway",
                                                "actually", NULL};
    char w[16];
    size_t adv, a = skip_spaces(text, len, start);
    size_t n = word_at(text, len, a, w, sizeof w, &adv);
    if (n == 0 || !in_list(interjections, w, n) || skip_spaces(text, len, a + adv) != i)
        return 0;
    return question_after(text, len, i);
}

/* 1 when text[start..i) is a question of three words or more begun by a question word
 * ("what's my job", not "which city"). */
static int question_before(const char *text, size_t start, size_t i)
{
    static const char *const wh[] = {"what", "what's", "whats", "which", "who", "who's",
                                     "where", "where's", "when", "when's", "how", "do",
                                     "does", "did", "is", "am", "are", "can", "tell",
                                     "remind", NULL};   /* ("tell me my X and where ...") */
    char w[16];
    size_t adv, a = skip_spaces(text, i, start);
    size_t n = word_at(text, i, a, w, sizeof w, &adv);
    if (n == 0 || !in_list(wh, w, n)) return 0;
    int words = 0;
    for (size_t k = a; k < i; k++)
        if (text[k] != ' ' && (k == a || text[k - 1] == ' ')) words++;
    return words >= 3;
}

/* 1 when "and" at i joins the speaker to the one just named: text[start..) is "my" or
 * "our" and one to three words ("my wife Ines"), or a name alone ("ines and i split"),
 * and "I" or "me" comes after it ("... and I live in Dover"), so the two are one
 * subject. */
static int with_me(const char *text, size_t len, size_t start, size_t i)
{
    char w[16];
    size_t adv, a = skip_spaces(text, len, start);
    size_t n = word_at(text, len, a, w, sizeof w, &adv);
    int words = 0;
    for (size_t k = a; k < i; k++)
        if (text[k] != ' ' && (k == a || text[k - 1] == ' ')) words++;
    static const char *const chat[] = {"ok", "okay", "yes", "yeah", "yep", "nah", "well",
                                       "lol", "haha", "anyway", "right", "sure", NULL};
    int named = words == 2 && n >= 3 && !lex_is_stopword(w) &&
                !understand_in_list(understand_greetings, w) && !in_list(chat, w, n);
    if (n == 0 ||
        !((n == 2 && !memcmp(w, "my", 2)) || (n == 3 && !memcmp(w, "our", 3)) || named))
        return 0;
    if (words > 5) return 0;        /* "my", up to three words, "and" */
    n = word_at(text, len, skip_spaces(text, len, i), w, sizeof w, &adv);
    return (n == 1 && w[0] == 'i') || (n == 2 && !memcmp(w, "me", 2));
}

/* 1 when text[start..i) is one capitalised word and so is the word at text[next..): two
 * names that "and" joins as one subject ("John and Daniel moved to the hall"), not "I". */
static int two_names(const char *text, size_t len, size_t start, size_t i, size_t next)
{
    char w[32];
    size_t adv, a = skip_spaces(text, i, start), b = skip_spaces(text, len, next);
    size_t n = word_at(text, i, a, w, sizeof w, &adv);
    if (n == 0 || !isupper((unsigned char)text[a]) || (n == 1 && w[0] == 'i') ||
        skip_spaces(text, i, a + adv) != i)
        return 0;
    n = word_at(text, len, b, w, sizeof w, &adv);
    return n > 0 && isupper((unsigned char)text[b]) && !(n == 1 && w[0] == 'i') &&
           strncmp(w, "i'", 2) != 0;
}

/* 1 when the clause text[start..i) tells that someone left or stopped something ("jen's
 * left nursing", "Tariq quit the band") and text[i..) goes on with "he's", "she's" or
 * "they're": what they do now is a clause of its own ("..., she's a paramedic now"). */
static int left_then_now(const char *text, size_t len, size_t start, size_t i)
{
    static const char *const ended[] = {"left", "quit", "packed", "gave", "finished",
                                        "retired", "sold", "dropped", "stopped", "jacked",
                                        "chucked", NULL};
    static const char *const now[] = {"he's", "hes", "she's", "shes", "they're", "theyre",
                                      NULL};
    char w[16];
    size_t adv, n = word_at(text, len, skip_spaces(text, len, i), w, sizeof w, &adv);
    if (!n || !in_list(now, w, n)) return 0;
    for (size_t k = start; k < i; k++) {
        if (k > start && isalpha((unsigned char)text[k - 1])) continue;
        n = word_at(text, len, k, w, sizeof w, &adv);
        if (n && in_list(ended, w, n)) return 1;
    }
    return 0;
}

/* 1 when a clause the speaker opens of themselves ("I'm a shearer", "am a welder"), or
 * one so cut (then also before "been"), goes on after a comma at text[i..) with a word
 * that tells more of them ("..., based out of Dubbo", "..., living in Hull"): that word
 * starts a clause of its own, theirs too ("my sister, living in Leeds, ..." is left
 * whole). */
static int own_participle(const char *text, size_t len, size_t start, size_t i)
{
    static const char *const mine[] = {"i", "i'm", "im", "am", "me", NULL};
    static const char *const more[] = {"based", "living", "originally", "retired", "married",
                                       "raised", NULL};
    char w[16];
    size_t adv;
    size_t n = word_at(text, len, skip_spaces(text, len, start), w, sizeof w, &adv);
    int cut = n && in_list(more, w, n);     /* one cut so before: "been" may follow too
                                             * ("based in Tromsø, been there since ...") */
    if (n == 0 || !(in_list(mine, w, n) || cut)) return 0;
    size_t at = skip_spaces(text, len, i);
    n = word_at(text, len, at, w, sizeof w, &adv);
    if (cut && n == 4 && !memcmp(w, "been", 4)) return 1;
    if (n == 7 && !memcmp(w, "retired", 7)) {       /* "retired from the SNCF", not "retired
                                                     * coal miner" */
        char v[8];
        size_t vadv, vn = word_at(text, len, skip_spaces(text, len, at + adv), v, sizeof v, &vadv);
        return vn == 4 && !memcmp(v, "from", 4);
    }
    return n > 0 && in_list(more, w, n);
}

/* 1 when a note's key starts at text[i..) (after spaces): one or two words and a colon
 * or an equals sign ("job: welder", "fave food = sushi"), as people jot facts. */
static int note_key_at(const char *text, size_t len, size_t i)
{
    char w[24];
    size_t adv;
    for (int words = 0; words < 2; words++) {
        i = skip_spaces(text, len, i);
        if (word_at(text, len, i, w, sizeof w, &adv) == 0) return 0;
        i = skip_spaces(text, len, i + adv);
        if (i < len && (text[i] == ':' || text[i] == '=')) return 1;
    }
    return 0;
}

/* The length of a soft boundary at text[i] followed by a new subject (0: none): a
 * comma (also ，) before a subject or a note's key, a colon before a subject, a dash
 * between spaces before a subject, or " and " / " but " ... ; start: where the clause
 * began. */
/* The end of the emoji at text[i] and of any that follow it (pictographs of four bytes,
 * the symbols of U+2600..U+27BF, joiners and variation selectors), or i when none is
 * there. */
static size_t emoji_end(const char *text, size_t len, size_t i)
{
    size_t j = i;
    for (;;) {
        const unsigned char *u = (const unsigned char *)text + j;
        if (j + 3 < len && u[0] == 0xF0 && u[1] == 0x9F) j += 4;
        else if (j + 2 < len && u[0] == 0xE2 && u[1] >= 0x98 && u[1] <= 0x9E) j += 3;
        else if (j > i && j + 2 < len && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8D) j += 3;
        else if (j > i && j + 2 < len && u[0] == 0xEF && u[1] == 0xB8 && u[2] == 0x8F) j += 3;
        else break;
    }
    return j;
}

/* The last word of text[start, i) into out (16 bytes, lower case; "" when none). */
static void last_word(const char *text, size_t start, size_t i, char *out)
{
    size_t e = i;
    while (e > start && !isalpha((unsigned char)text[e - 1]) && text[e - 1] != '\'') e--;
    size_t b = e;
    while (b > start && (isalpha((unsigned char)text[b - 1]) || text[b - 1] == '\'')) b--;
    size_t adv;
    if (b == e || !word_at(text, e, b, out, 16, &adv)) out[0] = '\0';
}

/* The words of text[start, i) into w (up to max, each up to 16 bytes); their count. */
static int words_of(const char *text, size_t start, size_t i, char (*w)[16], int max)
{
    int n = 0;
    for (size_t k = start; k < i && n < max;) {
        size_t adv, l = word_at(text, i, k, w[n], sizeof w[n], &adv);
        if (l) n++, k += adv;
        else k++;
    }
    return n;
}

/* 1 when the space at i ends "<name> here" that opens the clause (after a greeting at
 * most) and more is said after it ("heyy wren here doing hair in ayr"): a run-on
 * typed without a comma, cut after the name. */
static int named_here(const char *text, size_t len, size_t start, size_t i)
{
    static const char *const hello[] = {"hi", "hey", "heya", "heyy", "heyyy", "hiya", "hello",
                                        "yo", "oi", "ok", "so", "hola", "alright", NULL};
    char w[4][16];
    int n = words_of(text, start, i, w, 4);
    if (i > 0 && !isalpha((unsigned char)text[i - 1])) return 0;
    if (n < 2 || n > 3 || strcmp(w[n - 1], "here") != 0 ||
        (n == 3 && !in_list(hello, w[0], strlen(w[0]))))
        return 0;
    size_t at = skip_spaces(text, len, i);
    /* (not "wifi here is so slow", "weather here very grim": what is here, said of) */
    static const char *const said_of[] = {"is", "was", "are", "were", "has", "very", "so",
                                          "too", "really", "sucks", "today", "now", "always",
                                          "never", "isnt", "isn't", NULL};
    char next[16];
    size_t nadv, nl = word_at(text, len, at, next, sizeof next, &nadv);
    if (nl && in_list(said_of, next, nl)) return 0;
    return at < len && isalnum((unsigned char)text[at]);
}

/* 1 when the space at i comes before "my <word> is|'s|called|works|lives ..." after a
 * word that does not lead to it ("41 plasterer in truro my lodger is called ike"; not
 * "I live with my sister", "love my dog"): a run-on typed without a comma. */
static int my_one_after(const char *text, size_t len, size_t start, size_t i)
{
    static const char *const leads[] = {
        "with", "and", "of", "for", "to", "at", "in", "from", "about", "like", "love",
        "loves", "miss", "see", "saw", "visit", "visiting", "is", "was", "are", "were",
        "told", "tell", "call", "called", "met", "meet", "where", "when", "that", "ask",
        "asked", "because", "cos", "than", "as", "by", "on", "near", "after", "before",
        "help", "helps", "hate", "hates", "take", "took", "bring", "brought", "got", "get",
        "me", "but", "or", "so", "also", "plus", "hug", "walk", "walked", "feed", "text",
        "phone", "ring", "rang", "lost", "left", "leave", "without", "behind", "if", "said",
        "says", "say", "think", "thinks", "know", "knows", NULL};
    static const char *const verbs[] = {"is", "'s", "called", "works", "lives", "was",
                                        "has", "just", "turned", "does", NULL};
    char w[4][16], prev[16];
    size_t adv, at = skip_spaces(text, len, i);
    size_t l = word_at(text, len, at, w[0], sizeof w[0], &adv);
    if (l != 2 || strcmp(w[0], "my") != 0) return 0;
    static const char *const asking[] = {"what", "whats", "what's", "which", "who", "whos",
                                         "who's", "where", "wheres", "where's", "how", "when",
                                         "whens", "when's", "why", "do", "does", "did", "is",
                                         "are", "can", "remind", "tell", "remember", NULL};
    char first[16];
    size_t fadv, fl = word_at(text, len, skip_spaces(text, len, start), first, sizeof first,
                              &fadv);
    if (fl && in_list(asking, first, fl)) return 0;     /* (a question's own words) */
    for (size_t q = i; q < len && !strchr(".!\n", text[q]); q++)
        if (text[q] == '?') return 0;                       /* (asked: "..., what's my X?") */
    static const char *const verbs_asking[] = {"do", "does", "did", "is", "are", "can", NULL};
    char wh[8][16];
    int nw = words_of(text, start, i, wh, 8);
    for (int k = 0; k < nw && k < 3; k++)     /* (a verb asks only first: not "we are ...") */
        if (in_list(asking, wh[k], strlen(wh[k])) &&
            (k == 0 || !in_list(verbs_asking, wh[k], strlen(wh[k]))))
            return 0;
    int nb = words_of(text, start, i, w, 4);
    if (nb < 3) return 0;       /* (something told before it) */
    last_word(text, start, i, prev);
    if (in_list(leads, prev, strlen(prev)) || (i > 0 && text[i - 1] == '\'')) return 0;
    size_t stop = at;           /* (the verb before any punctuation) */
    while (stop < len && stop < at + 64 && !strchr(",.;:!?()", text[stop])) stop++;
    /* after "'s", a word of what one is or does ("my sis's 9"; not "my partner's cat") */
    static const char *const is_what[] = {"called", "a", "an", "from", "in", "at", "got",
                                          "just", "been", "moving", "living", "working",
                                          "doing", "studying", "now", "still", "name", NULL};
    char more[6][16];
    int after = words_of(text, at, stop, more, 6);
    for (int k = 1; k < after && k <= 3; k++) {
        size_t wl = strlen(more[k]);
        if (in_list(verbs, more[k], wl)) return 1;
        if (wl > 2 && !strcmp(more[k] + wl - 2, "'s") && k + 1 < after &&
            (in_list(is_what, more[k + 1], strlen(more[k + 1])) ||
             isdigit((unsigned char)more[k + 1][0])))
            return 1;
    }
    return 0;
}

/* 1 when the space at i comes before "he's" or "she's" after a name said after "is",
 * "called" or a word of kin ("gf is noor she's a medic", "my sister ada she's 9"; not "I
 * think she's", "he is so loud he's"): a run-on typed without a comma. */
static int told_of_after(const char *text, size_t len, size_t start, size_t i)
{
    static const char *const leads[] = {
        "think", "thinks", "thought", "know", "knows", "knew", "said", "says", "say", "because",
        "cos", "coz", "bc", "if", "when", "where", "that", "so", "and", "but", "or", "what",
        "how", "who", "why", "hope", "guess", "reckon", "sure", "since", "until", "till",
        "unless", "whether", "though", "tho", "while", "as", "like", "cause", "coz", "now",
        "yes", "yeah", "no", "oh", "i", "me", NULL};
    char w[8], prev[4][16];
    size_t adv, at = skip_spaces(text, len, i);
    size_t l = word_at(text, len, at, w, sizeof w, &adv);
    if (!((l == 4 && !strcmp(w, "he's")) || (l == 5 && !strcmp(w, "she's")))) return 0;
    static const char *const naming[] = {"is", "called", "named", NULL};
    int nb = words_of(text, start, i, prev, 4);
    if (nb < 2 || (i > 0 && !isalnum((unsigned char)text[i - 1]))) return 0;
    last_word(text, start, i, prev[0]);
    size_t b = i;               /* the word before it: a name's lead ("gf is", "sister") */
    while (b > start && text[b - 1] == ' ') b--;
    while (b > start && (isalpha((unsigned char)text[b - 1]) || text[b - 1] == '\'')) b--;
    last_word(text, start, b, prev[1]);
    return !in_list(leads, prev[0], strlen(prev[0])) &&
           (in_list(naming, prev[1], strlen(prev[1])) || kin_word(prev[1]));
}

/* 1 when text[start, i) is only greetings and calls to the reader in Chinese and 我
 * comes at i (大家好我是…, 哈哈哈家人们我…): what the speaker says of themselves starts
 * there. */
static int zh_greeted(const char *text, size_t len, size_t start, size_t i)
{
    static const char *const hello[] = {"大家好", "你好", "您好", "哈喽", "嗨", "哈", "嘿",
                                        "兄弟们", "家人们", "姐妹们", "宝子们", "朋友们",
                                        "各位", "在吗", "在么", "在不在", "hello", "hi", NULL};
    if (i == start || i + 3 > len || memcmp(text + i, "我", 3) != 0) return 0;
    size_t at = start;
    while (at < i) {
        int hit = 0;
        for (int k = 0; hello[k] && !hit; k++) {
            size_t l = strlen(hello[k]);
            if (at + l <= i && !strncasecmp(text + at, hello[k], l)) at += l, hit = 1;
        }
        if (!hit && (text[at] == ' ' || text[at] == '!' || text[at] == '~')) at++, hit = 1;
        if (!hit) return 0;
    }
    return 1;
}

/* 1 when text[start, i) is one word with a capital and ", my" and a word of kin (past
 * "only", "little" ...) follow it: a name set off before whose it is ("Ilse, my eldest
 * niece, ..."), one clause. */
static int name_then_whose(const char *text, size_t len, size_t start, size_t i)
{
    size_t a = skip_spaces(text, len, start), adv;
    char w[24];
    size_t n = word_at(text, len, a, w, sizeof w, &adv);
    if (!n || !isupper((unsigned char)text[a]) || skip_spaces(text, i, a + adv) != i)
        return 0;
    size_t b = skip_spaces(text, len, i + 1);
    n = word_at(text, len, b, w, sizeof w, &adv);
    if (n != 2 || memcmp(w, "my", 2) != 0) return 0;
    for (int k = 0; k < 3; k++) {
        b = skip_spaces(text, len, b + adv);
        n = word_at(text, len, b, w, sizeof w, &adv);
        if (!n) return 0;
        if (kin_word(w)) return 1;
        if (!understand_in_list(understand_kin_sizes, w)) return 0;
    }
    return 0;
}

/* 1 when the clause from start opens with the speaker ("I", "I'm", "we"). */
static int speaker_opens(const char *text, size_t len, size_t start)
{
    static const char *const me[] = {"i", "i'm", "im", "we", "we're", NULL};
    char w[8];
    size_t adv, n = word_at(text, len, skip_spaces(text, len, start), w, sizeof w, &adv);
    return n && in_list(me, w, n);
}

/* 1 when text from i is a number of years old in digits (" 52 years old", " 8 yrs old"):
 * an age set off after a comma, its own clause in a clause the speaker opens ("I run a
 * shop with my aunt, 52 years old ..." tells the speaker's age, not the aunt's). */
static int years_old_at(const char *text, size_t len, size_t i)
{
    size_t a = skip_spaces(text, len, i), d = a;
    while (d < len && isdigit((unsigned char)text[d])) d++;
    if (d == a || d - a > 3 || d >= len || text[d] != ' ') return 0;
    static const char *const old[] = {"years old", "yrs old", "year old", NULL};
    for (int k = 0; old[k]; k++)
        if (d + 1 + strlen(old[k]) <= len && !strncasecmp(text + d + 1, old[k], strlen(old[k])))
            return 1;
    return 0;
}

static size_t soft_at(const char *text, size_t len, size_t i, size_t start)
{
    if (text[i] == ',' && name_then_whose(text, len, start, i)) return 0;
    /* "stuck at home (I'm a translator, ...) and the dog ...": brackets around a clause
     * of the user's own (not "Ari (my son, 4)", "esi (7)") */
    if (text[i] == '(' && i > start) {
        static const char *const own[] = {"i", "i'm", "im", "i've", "ive", "we", "we're",
                                          NULL};
        char w[8];
        size_t adv, n = word_at(text, len, skip_spaces(text, len, i + 1), w, sizeof w, &adv);
        return n && in_list(own, w, n);
    }
    if (text[i] == ')' && start > 0 && text[start - 1] == '(') return 1;
    if (text[i] == ',')
        return subject_at(text, len, i + 1) || note_key_at(text, len, i + 1) ||
                       question_after_interjection(text, len, start, i) ||
                       own_participle(text, len, start, i + 1) ||
                       left_then_now(text, len, start, i + 1) ||
                       (speaker_opens(text, len, start) && years_old_at(text, len, i + 1))
                   ? 1
                   : 0;
    if (text[i] == ':') {       /* "Quick question: which firm employs me?", "the clinic
                                 * rang: it's not X" (a word of the subjects; not the names
                                 * of a list, "2 kids: tove is 8, ...") */
        char w[16];
        size_t adv, n = word_at(text, len, skip_spaces(text, len, i + 1), w, sizeof w, &adv);
        int before = 0;         /* (two words before it at least: "note: I moved" is one) */
        for (size_t k = start; k < i; k++)
            if (text[k] != ' ' && (k == start || text[k - 1] == ' ')) before++;
        return question_after(text, len, i) || (n && in_list(subjects, w, n) && before >= 2)
                   ? 1
                   : 0;
    }
    if ((unsigned char)text[i] == 0xEF && i + 2 < len && (unsigned char)text[i + 1] == 0xBC &&
        (unsigned char)text[i + 2] == 0x8C)
        return subject_at(text, len, i + 3) ||
                       (i >= start + 9 && i <= start + 12 && (i - start) % 3 == 0 &&
                        (!memcmp(text + i - 3, "人", 3) ||   /* (苏州人，在…: a clause) */
                         !memcmp(text + start, "我阿", 6) ||  /* (我阿明，…: one too) */
                         !memcmp(text + start, "我小", 6)))
                   ? 3
                   : 0;                                   /* ， */
    size_t e = emoji_end(text, len, i);
    if (e > i) {        /* "florist in bruges 🌷 my mum says ...": emoji, then the speaker's
                         * own word (not any subject: what follows an emoji alone reads
                         * worse cut off) */
        static const char *const mine[] = {"my", "i", "i'm", "im", "i've", "ive", "we",
                                           "our", "we're", "he's", "she's", NULL};
        char w[8];
        size_t adv, at = skip_spaces(text, len, e), n = at > e ? word_at(text, len, at, w,
                                                                         sizeof w, &adv) : 0;
        if (n && in_list(mine, w, n) && at + adv < len && text[at + adv] == ' ') return e - i;
        /* "I'm Kofi 🙋 22 ✨ gamer ...", "black lab 🖤 he's 5": emoji before a number,
         * after one, or before a new subject end what came before (not "my cat Tig 🐱 is
         * a ragdoll", "in bergen ☔ with the kids") */
        size_t b = i;
        while (b > 0 && text[b - 1] == ' ') b--;
        int number_before = b > 0 && isdigit((unsigned char)text[b - 1]);
        return at > e && at < len &&
                       (isdigit((unsigned char)text[at]) || number_before ||
                        subject_at(text, len, at))
                   ? e - i
                   : 0;
    }
    size_t dash = text[i] == ' ' && i + 2 < len && text[i + 2] == ' ' &&
                          (text[i + 1] == '-' || text[i + 1] == '~')
                      ? 3
                  : text[i] == ' ' && i + 4 < len && (unsigned char)text[i + 1] == 0xE2 &&
                          (unsigned char)text[i + 2] == 0x80 &&
                          ((unsigned char)text[i + 3] == 0x93 ||
                           (unsigned char)text[i + 3] == 0x94) &&
                          text[i + 4] == ' '
                      ? 5       /* " – " and " — " */
                      : 0;
    int before = 0;     /* ("Eh, correction — we left Arima": what leads in stays with it) */
    for (size_t k = start; dash && k < i; k++)
        if (isalpha((unsigned char)text[k]) && (k == start || !isalpha((unsigned char)text[k - 1])))
            before++;
    if (dash && before < 3) return 0;
    if (dash) {         /* "Leeds - we moved up ...", "a beagle - he's a harrier" */
        static const char *const told_of[] = {"he's", "hes", "she's", "shes", "they're",
                                              "theyre", "we're", "were", NULL};
        char w[8];
        size_t adv, n = word_at(text, len, skip_spaces(text, len, i + dash), w, sizeof w, &adv);
        return subject_at(text, len, i + dash) || (n && in_list(told_of, w, n)) ? dash : 0;
    }
    if (text[i] != ' ') return 0;
    if (named_here(text, len, start, i) || my_one_after(text, len, start, i) ||
        told_of_after(text, len, start, i))
        return 1;
    char w[8];
    size_t adv, n = word_at(text, len, i + 1, w, sizeof w, &adv);
    if (n == 0 || !in_list(joins, w, n) || i + 1 + adv >= len || text[i + 1 + adv] != ' ')
        return 0;
    char first[8];      /* "me and my niece live in ...": one subject */
    size_t fadv, fa = skip_spaces(text, len, start);
    size_t fn = word_at(text, len, fa, first, sizeof first, &fadv);
    int me_and = fn == 2 && !memcmp(first, "me", 2) && skip_spaces(text, len, fa + fadv) >= i;
    /* ("which of me and our Kath is the nurse?", "between me and ...": two named) */
    me_and |= (i >= start + 5 && !strncasecmp(text + i - 5, "of me", 5)) ||
              (i >= start + 10 && !strncasecmp(text + i - 10, "between me", 10));
    if (n == 3 && !memcmp(w, "and", 3) &&
        (me_and || with_me(text, len, start, i + 1 + adv) ||
         two_names(text, len, start, i, i + 1 + adv)))
        return 0;
    /* two questions in one ("what's my shoe size and when is my birthday?", typed
     * without the mark too) */
    if (n == 3 && !memcmp(w, "and", 3) && question_before(text, start, i) &&
        (question_after(text, len, i + adv) || wh_after(text, len, i + adv)))
        return 1 + adv;
    /* "her name's Ada and she's moving here": "and" before "he's" or "she's" after a
     * name told (not "Ada's the eldest and she's a vet": one clause of her) */
    static const char *const told_of[] = {"he's", "she's", NULL};
    char next[8];
    size_t nadv, nn = word_at(text, len, skip_spaces(text, len, i + 1 + adv), next,
                              sizeof next, &nadv);
    int naming = 0;
    for (size_t k = start; k + 4 <= i && !naming; k++)
        naming = !strncasecmp(text + k, "name", 4) && (k == start || text[k - 1] == ' ');
    if (n == 3 && !memcmp(w, "and", 3) && nn && in_list(told_of, next, nn) && naming)
        return 1 + adv;
    return subject_at(text, len, i + 1 + adv) ? 1 + adv : 0;
}

static int has_alnum(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

/* Appends text[a..b) trimmed (keeping a trailing '?') when it has a word. */
static void emit(const char *text, size_t a, size_t b, clause_span_t *out, int *n)
{
    while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == ',')) a++;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == ',' ||
                     text[b - 1] == '\n'))
        b--;
    if (b > a && has_alnum(text + a, b - a)) out[(*n)++] = (clause_span_t){a, b - a};
}

int clauses_split(const char *text, size_t len, clause_span_t *out)
{
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; i < len && n < CLAUSES_MAX - 1;) {
        if (zh_greeted(text, len, start, i)) {      /* (cut with no mark between) */
            emit(text, start, i, out, &n);
            start = i;
            continue;
        }
        size_t h = hard_at(text, len, i, start), s = h ? 0 : soft_at(text, len, i, start);
        if (!h && !s) {
            i++;
            continue;
        }
        /* a '?' (ASCII or fullwidth) stays in its clause; other boundaries do not */
        int keep = text[i] == '?' ||
                   (h == 3 && (unsigned char)text[i + 2] == 0x9F);
        emit(text, start, keep ? i + h : i, out, &n);
        i += h ? h : s;
        start = i;
    }
    emit(text, start, len, out, &n);
    return n;
}

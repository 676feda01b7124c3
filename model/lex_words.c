/* lex_words.c: English stopwords, CJK function characters and the light stemmer used
 * by the lexical sketch. The stemmer is Porter's step 1 simplified: plural and -ed/-ing
 * endings, doubled consonants, -ly adverbs, y -> i and a final e are removed, so that
 * every inflected form of a regular word lands on one stem ("hoping", "hoped", "hope"
 * -> "hop"); stems need not be words, only agree with each other. */
#include "model/lex_words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Sorted (bytewise) for bsearch: a generic English function-word list, contractions
 * with and without the apostrophe, and the interjections and intensifiers of chat
 * ("wow", "awesome", "thanks", "really"), which carry no fact worth retrieving. */
static const char *const stopwords[] = {
    "a", "about", "above", "absolutely", "after", "again", "against", "ah", "all",
    "also", "am", "amazing", "an", "and", "any", "anything", "are", "aren't", "as",
    "at", "awesome", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "can't", "cannot", "cant", "cool", "could", "couldn't",
    "definitely", "did", "didn't", "didnt", "do", "does", "doesn't", "doesnt", "doing",
    "don't", "dont", "down", "during", "each", "either", "even", "every", "everything",
    "few", "for", "from", "further", "glad", "gonna", "great", "had", "hadn't", "haha",
    "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's",
    "hello", "her", "here", "here's", "hers", "herself", "hey", "hi", "him", "himself",
    "his", "hmm", "how", "how's", "i", "i'd", "i'll", "i'm", "i've", "if", "im", "in",
    "into", "is", "isn't", "isnt", "it", "it's", "its", "itself", "ive", "just", "kind",
    "let's", "lol", "lot", "lots", "many", "may", "me", "might", "more", "most", "much",
    "must", "mustn't", "my", "myself", "neither", "nice", "no", "nor", "not", "of",
    "off", "oh", "ok", "okay", "on", "once", "only", "or", "other", "ought", "our",
    "ours", "ourselves", "out", "over", "own", "pretty", "really", "same", "shall",
    "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some",
    "something", "sort", "still", "stuff", "such", "super", "sure", "than", "thank",
    "thanks", "that", "that's", "thats", "the", "their", "theirs", "them", "themselves",
    "then", "there", "there's", "these", "they", "they'd", "they'll", "they're",
    "they've", "theyre", "thing", "things", "this", "those", "through", "to", "too",
    "totally", "uh", "um", "under", "until", "up", "us", "very", "wanna", "was",
    "wasn't", "wasnt", "we", "we'd", "we'll", "we're", "we've", "were", "weren't",
    "what", "what's", "whatever", "whats", "when", "when's", "where", "where's",
    "which", "while", "who", "who's", "whom", "whose", "why", "why's", "will", "with",
    "won't", "would", "wouldn't", "wow", "yeah", "yep", "yes", "yet", "you", "you'd",
    "you'll", "you're", "you've", "your", "youre", "yours", "yourself", "yourselves",
    "yup",
};

/* Common irregular forms -> base form, sorted by the form. */
static const char *const irregular[][2] = {
    {"ate", "eat"}, {"became", "become"}, {"began", "begin"}, {"begun", "begin"},
    {"bent", "bend"}, {"bitten", "bite"}, {"blew", "blow"}, {"blown", "blow"},
    {"bought", "buy"}, {"broke", "break"}, {"broken", "break"}, {"brought", "bring"},
    {"built", "build"}, {"came", "come"}, {"caught", "catch"}, {"children", "child"},
    {"chose", "choose"}, {"chosen", "choose"}, {"dealt", "deal"}, {"drank", "drink"},
    {"drawn", "draw"}, {"drew", "draw"}, {"driven", "drive"}, {"drove", "drive"},
    {"dug", "dig"}, {"eaten", "eat"}, {"fed", "feed"}, {"feet", "foot"},
    {"fell", "fall"}, {"felt", "feel"}, {"fled", "flee"}, {"flew", "fly"},
    {"flown", "fly"}, {"forgave", "forgive"}, {"forgiven", "forgive"},
    {"forgot", "forget"}, {"forgotten", "forget"}, {"fought", "fight"},
    {"found", "find"}, {"froze", "freeze"}, {"frozen", "freeze"}, {"gave", "give"},
    {"given", "give"}, {"going", "go"}, {"gone", "go"}, {"got", "get"},
    {"gotten", "get"}, {"grew", "grow"}, {"grown", "grow"}, {"heard", "hear"},
    {"held", "hold"}, {"hid", "hide"}, {"hidden", "hide"}, {"hung", "hang"},
    {"kept", "keep"}, {"knew", "know"}, {"known", "know"}, {"laid", "lay"},
    {"learnt", "learn"}, {"led", "lead"}, {"left", "leave"}, {"lent", "lend"},
    {"lost", "lose"}, {"made", "make"}, {"meant", "mean"}, {"men", "man"},
    {"met", "meet"}, {"mice", "mouse"}, {"overcame", "overcome"}, {"paid", "pay"},
    {"ran", "run"}, {"rang", "ring"}, {"ridden", "ride"}, {"rode", "ride"},
    {"said", "say"}, {"sang", "sing"}, {"sank", "sink"}, {"sat", "sit"}, {"saw", "see"},
    {"seen", "see"}, {"sent", "send"}, {"shaken", "shake"}, {"shook", "shake"},
    {"slept", "sleep"}, {"slid", "slide"}, {"sold", "sell"}, {"sought", "seek"},
    {"spent", "spend"}, {"spoke", "speak"}, {"spoken", "speak"}, {"sprang", "spring"},
    {"spun", "spin"}, {"stole", "steal"}, {"stolen", "steal"}, {"stood", "stand"},
    {"struck", "strike"}, {"stuck", "stick"}, {"sung", "sing"}, {"swam", "swim"},
    {"swept", "sweep"}, {"swung", "swing"}, {"taken", "take"}, {"taught", "teach"},
    {"teeth", "tooth"}, {"thought", "think"}, {"threw", "throw"}, {"thrown", "throw"},
    {"told", "tell"}, {"took", "take"}, {"tore", "tear"}, {"torn", "tear"},
    {"understood", "understand"}, {"underwent", "undergo"}, {"used", "use"},
    {"using", "use"}, {"went", "go"}, {"wept", "weep"}, {"withdrew", "withdraw"},
    {"woke", "wake"}, {"women", "woman"}, {"won", "win"}, {"wore", "wear"},
    {"worn", "wear"}, {"wove", "weave"}, {"woven", "weave"}, {"written", "write"},
    {"wrote", "write"},
};

/* CJK function characters, sorted by code point: Chinese particles and pronouns,
 * Japanese particles and verb endings, Korean particles. */
static const uint32_t cjk_stops[] = {
    0x3059, /* す */ 0x305F, /* た */ 0x3060, /* だ */ 0x3066, /* て */ 0x3067, /* で */
    0x3068, /* と */ 0x306A, /* な */ 0x306B, /* に */ 0x306E, /* の */ 0x306F, /* は */
    0x3078, /* へ */ 0x3082, /* も */ 0x3084, /* や */ 0x3088, /* よ */ 0x308B, /* る */
    0x3092, /* を */ 0x4E0D, /* 不 */ 0x4E2A, /* 个 */ 0x4E48, /* 么 */ 0x4E5F, /* 也 */
    0x4E86, /* 了 */ 0x4ED6, /* 他 */ 0x4EEC, /* 们 */ 0x4F60, /* 你 */ 0x5417, /* 吗 */
    0x5427, /* 吧 */ 0x5462, /* 呢 */ 0x548C, /* 和 */ 0x554A, /* 啊 */ 0x5728, /* 在 */
    0x5979, /* 她 */ 0x5B83, /* 它 */ 0x5C31, /* 就 */ 0x6211, /* 我 */ 0x662F, /* 是 */
    0x7684, /* 的 */ 0x7740, /* 着 */ 0x8FD9, /* 这 */ 0x90A3, /* 那 */ 0x90FD, /* 都 */
    0xAC00, /* 가 */ 0xACFC, /* 과 */ 0xB294, /* 는 */ 0xB3C4, /* 도 */ 0xB97C, /* 를 */
    0xC640, /* 와 */ 0xC740, /* 은 */ 0xC744, /* 을 */ 0xC758, /* 의 */ 0xC5D0, /* 에 */
    0xC774, /* 이 */
};

static int cmp_str(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static int cmp_u32(const void *key, const void *elem)
{
    uint32_t a = *(const uint32_t *)key, b = *(const uint32_t *)elem;
    return (a > b) - (a < b);
}

int lex_is_stopword(const char *tok)
{
    return bsearch(tok, stopwords, sizeof stopwords / sizeof *stopwords,
                   sizeof *stopwords, cmp_str) != NULL;
}

int lex_cjk_stop(const char *tok)
{
    const unsigned char *s = (const unsigned char *)tok;
    uint32_t cp;
    if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2] && !s[3])
        cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    else
        return 0;
    return bsearch(&cp, cjk_stops, sizeof cjk_stops / sizeof *cjk_stops,
                   sizeof *cjk_stops, cmp_u32) != NULL;
}

static int is_cons(const char *w, size_t i)
{
    switch (w[i]) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        return 0;
    case 'y':
        return i == 0 ? 1 : !is_cons(w, i - 1);
    default:
        return 1;
    }
}

static int has_vowel(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_cons(w, i))
            return 1;
    return 0;
}

static int ends(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(w + n - k, suf, k) == 0;
}

/* Drops a clitic: "'s", "'ll", "'d", "'re", "'ve", "'m" after the first apostrophe,
 * "n't" with its n; any other apostrophes are deleted ("rock'n'roll"). */
static size_t strip_clitic(char *w, size_t n)
{
    char *a = memchr(w, '\'', n);
    if (!a)
        return n;
    size_t at = (size_t)(a - w);
    const char *suf = a + 1;
    size_t sl = n - at - 1;
    static const char *const cl[] = { "s", "ll", "d", "re", "ve", "m" };
    for (size_t i = 0; i < sizeof cl / sizeof *cl; i++)
        if (strlen(cl[i]) == sl && memcmp(suf, cl[i], sl) == 0)
            return at;
    if (sl == 1 && suf[0] == 't' && at > 1 && w[at - 1] == 'n')
        return at - 1;
    size_t j = 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] != '\'')
            w[j++] = w[i];
    return j;
}

/* A final y after a consonant becomes i (city ~ cities, try ~ tried); a final e goes
 * (hope ~ hoping). */
static size_t final_y_e(char *w, size_t n)
{
    if (n >= 3 && w[n - 1] == 'y' && is_cons(w, n - 2))
        w[n - 1] = 'i';
    if (n >= 4 && w[n - 1] == 'e')
        n -= 1;
    return n;
}

/* Regular suffixes of a lower-case ASCII word w[0..n), n > 3. */
static size_t strip_suffixes(char *w, size_t n)
{
    /* plurals and third person: -sses, -ies, -s (not -ss, -us, -is) */
    if (ends(w, n, "sses"))
        n -= 2;
    else if (ends(w, n, "ies"))
        n -= 2;
    else if (w[n - 1] == 's' && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is"))
        n -= 1;

    /* past and progressive: -eed -> -ee, -ed, -ing when a vowel stays in the stem */
    size_t k = 0;
    if (ends(w, n, "eed")) {
        if (n > 4)
            n -= 1;
    } else if (ends(w, n, "ed")) {
        k = 2;
    } else if (ends(w, n, "ing")) {
        k = 3;
    }
    if (k && n - k >= 3 && has_vowel(w, n - k)) {
        n -= k;
        /* hopp -> hop, runn -> run; not fill, miss, buzz, nor short add */
        if (n >= 4 && w[n - 1] == w[n - 2] && is_cons(w, n - 1) &&
            w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z')
            n -= 1;
    }

    /* adverbs: -ly after a consonant-final stem of 4+ letters (quickly, weekly; not
     * family, early) */
    if (ends(w, n, "ly") && n >= 6 && is_cons(w, n - 3))
        n -= 2;
    /* nouns of action: -ation -> -at, as -ate -> -at below (creation ~ create) */
    if (ends(w, n, "ation") && n >= 7)
        n -= 3;

    return final_y_e(w, n);
}

size_t lex_stem(const char *tok, char *out, size_t outlen)
{
    if (outlen == 0)
        return 0;
    size_t n = strlen(tok);
    if (n >= outlen)
        n = outlen - 1;
    memcpy(out, tok, n);
    out[n] = '\0';
    n = strip_clitic(out, n);
    out[n] = '\0';

    int plain = n > 0;
    for (size_t i = 0; i < n && plain; i++)
        plain = out[i] >= 'a' && out[i] <= 'z';
    if (!plain)
        return n;       /* digits or non-ASCII: no suffix rules */

    const char *const (*irr)[2] = bsearch(out, irregular, sizeof irregular / sizeof *irregular,
                                          sizeof *irregular, cmp_str);
    if (irr) {
        n = strlen((*irr)[1]);
        memcpy(out, (*irr)[1], n + 1);
    }
    n = n > 3 ? strip_suffixes(out, n) : final_y_e(out, n);
    out[n] = '\0';
    return n;
}

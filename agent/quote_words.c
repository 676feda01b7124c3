/* quote_words.c: the words and sentences of what the user said, as the quote reads them
 * (quote_internal.h). A text is cut into words (letters, digits, apostrophes and
 * two-byte Latin letters; a comma, colon or bracket starts a new part), each with its
 * lower-case form, its stem (lex_stem: an irregular past as its verb, "sang" as "sing")
 * and its key as a holder ("mum": mother); into sentences at . ! ? ; and line ends (a
 * full stop as clauses_full_stop says). Beside them: what a request to forget is and what it
 * hides, the words that deny, change or call off, and the shapes of values (numbers,
 * days, names). Pure functions over their arguments. */
#include "agent/quote_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/clauses.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lex_words.h"

/* Words any question about a person may use, whatever it asks ("what's my favourite
 * ...", "remind me how many ..."): never what a quote is chosen by. */
static const char *const generic[] = {
    "name", "names", "called", "call", "remember", "remind", "tell", "told", "say",
    "said", "know", "think", "favourite", "favorite", "fav", "fave", "number", "kind",
    "type", "one", "ones", "now", "ever", "currently", "right", "rn", "pls", "please",
    "btw", "anyway", "exactly", "actually", "old", "age", "long", "work", "live", "like",
    "love", "enjoy", "prefer", "get",
    "got", "make", "take", "want", "need", "day", "time", "year", "years", "week", "month",
    "today", "usually", "mine", "again", "use", "used", "good", "best", "new", "last",
    "first", "else", "go", "going", "whats", "wheres", "whos", "hows", "u", "ur",
    "happen", "chance", /* "you wouldn't happen to remember ...", "by any chance" */
    "mnemo", /* its own name, as people greet it ("hey mnemo, ...") */
    "dear", "darling", "mate", "buddy", "pal", "hun", "hon", "dude", /* said to mnemo */
    NULL,
};

/* A byte that continues a word: ASCII letters, digits and apostrophes, and the bytes of
 * two-byte UTF-8 sequences (Latin letters with accents); CJK, emoji and punctuation
 * end it. */
static size_t word_bytes(const unsigned char *s)
{
    if (isalnum(*s) || *s == '\'') return 1;
    if (*s >= 0xC2 && *s <= 0xDF && (s[1] & 0xC0) == 0x80) return 2;
    return 0;
}

/* The words of text[0..len) into w[0..max), parts counted from 0; returns how many. */
int quote_words(const char *text, size_t len, word_t *w, int max)
{
    const unsigned char *s = (const unsigned char *)text;
    int n = 0, part = 0;
    size_t i = 0;
    while (i < len && n < max) {
        size_t b = word_bytes(s + i);
        if (!b) {
            if (strchr(",:()[]", s[i]) || (s[i] == '-' && i + 1 < len && s[i + 1] == ' '))
                part++;
            i++;
            continue;
        }
        size_t at = 0;
        w[n].cap = isupper(s[i]) != 0;
        while (i < len && (b = word_bytes(s + i)) != 0 && i + b <= len) {
            for (size_t k = 0; k < b; k++)
                if (at + 1 < sizeof w[n].low) w[n].low[at++] = (char)tolower(s[i + k]);
            i += b;
        }
        w[n].low[at] = '\0';
        while (at && w[n].low[at - 1] == '\'') w[n].low[--at] = '\0';
        if (!at) continue;
        lex_stem(w[n].low, w[n].stem, sizeof w[n].stem);
        understand_holder_of(w[n].low, w[n].key, sizeof w[n].key);
        if (!understand_kin(w[n].key) && !understand_group_key(w[n].key) && at > 1 &&
            w[n].low[at - 1] == 's')        /* "mums"; not "rating" as "rat" */
            understand_holder_of(w[n].stem, w[n].key, sizeof w[n].key);
        w[n].part = part;
        n++;
    }
    return n;
}

/* 1 when w names a kind of person or pet ("sister", "mum", "kids", "dog", "siblings"). */
int quote_kin_word(const word_t *w)
{
    static const char *const more[] = {"parent", "parents", "grandparent", "grandparents",
                                       "sibling", "siblings", "twin", "twins", "relatives",
                                       "inlaws", "in-laws", NULL};
    return understand_kin(w->key) || understand_group_key(w->key) || dialogue_pet_word(w->key) ||
           understand_in_list(more, w->low);
}

/* 1 when w is h: the same stem, or the same holder key ("mum" and "mother"; not the
 * key of the user, which "I" and a number both read as), or one the doer of the other
 * ("drive" and "driver": understand_doer_of). */
int quote_same_word(const word_t *w, const word_t *h)
{
    return !strcmp(w->stem, h->stem) ||
           (w->key[0] && strcmp(w->key, "self") != 0 && !strcmp(w->key, h->key)) ||
           understand_doer_of(w->stem, h->stem);
}

int quote_is_name(const char *const *names, const char *w)
{
    for (; names && *names; names++)
        if (!strcasecmp(*names, w)) return 1;
    return 0;
}

/* The verbs of keeping, which ask to forget when denied ("don't keep", "do not
 * remember"). */
static const char *const keep[] = {"keep", "remember", "store", "save", "record", NULL};

/* 1 when w is a form of a verb that asks to forget ("forgets", "deleted":
 * understand_forget_verbs). */
static int forget_verb(const word_t *w)
{
    for (const char *const *v = understand_forget_verbs; *v; v++)
        if (!strncmp(w->low, *v, strlen(*v))) return 1;
    return 0;
}

/* 1 when "rather" or "prefer" comes before w[j] ("I'd prefer you didn't ..."). */
static int rather_before(const word_t *w, int j)
{
    for (int i = 0; i < j; i++)
        if (!strcmp(w[i].low, "rather") || !strcmp(w[i].low, "prefer")) return 1;
    return 0;
}

/* A request to forget: "forget ...", "delete ...", "can you forget ...", "I'd rather you
 * forgot ...", "scratch what I said ...", or a verb of keeping denied ("don't keep", "do
 * not remember"); not "before I forget", "don't forget". */
int quote_asks_to_forget(const word_t *w, int n)
{
    static const char *const deny[] = {"don't", "dont", "not", "never", NULL};
    static const char *const wished[] = {"didn't", "didnt", "wouldn't", "wouldnt", NULL};
    /* "before I forget", "don't forget", "she always forgets": no request */
    static const char *const teller[] = {"i", "i'll", "i'd", "i'm", "we", "he", "she", "they",
                                         "it", "might", "may", "always", "often", "don't",
                                         "dont", "never", "not", "ll", NULL};
    static const char *const asking[] = {"can", "could", "would", "will", "please", "pls",
                                         "best", "just", "to", NULL};
    static const char *const scratched[] = {"what", "the", "my", "all", "everything", "any",
                                            NULL};
    char low[512];              /* the words, one space apart: "ignore what I said ..." */
    size_t at = 0;
    for (int i = 0; i < n && at + LEX_WORD_MAX + 2 < sizeof low; i++)
        at += (size_t)snprintf(low + at, sizeof low - at, "%s%s", i ? " " : "", w[i].low);
    low[at] = '\0';
    if (understand_asks_forget_phrase(low)) return 1;
    for (int i = 0; i < n; i++) {
        /* "scratch the tax stuff", "scrap the pill note", "scratch what I said": not "a
         * scratch" */
        if ((!strcmp(w[i].low, "scratch") || !strcmp(w[i].low, "scrap")) && i + 1 < n &&
            understand_in_list(scratched, w[i + 1].low))
            return 1;
        /* ("I'd rather you just forgot my rent": "you" after "rather" is asked) */
        int wished_you = i > 0 && !strcmp(w[i - 1].low, "you") && rather_before(w, i - 1);
        if (forget_verb(&w[i]) || (wished_you && !strcmp(w[i].low, "forgot"))) {
            if (i > 0 && understand_in_list(teller, w[i - 1].low)) continue;
            if (i > 0 && !strcmp(w[i - 1].low, "you") && !wished_you &&
                (i < 2 || !understand_in_list(asking, w[i - 2].low)))
                continue;
            return 1;
        }
        for (int j = i - 2 >= 0 ? i - 2 : 0; j < i && understand_in_list(keep, w[i].low); j++)
            if (understand_in_list(deny, w[j].low) ||
                (understand_in_list(wished, w[j].low) && rather_before(w, j)))
                return 1;       /* "I'd prefer you didn't store ..." */
    }
    return 0;
}

/* The words of a request to forget that only say it is one ("please forget the part
 * about ...", "no need to save that"). */
static const char *const request[] = {
    "stored", "saved", "want", "mention", "mentioned", "said", "told", "info", "information",
    "private", "anymore", "mind", "matter", "matters", "anywhere", "everything", "never",
    "please", "pls", "lol", "bit", "idea", "ugh", "hmm", "eh", "um", "oh", "ah", "sorry",
    "wait", "nvm", "nevermind", "tbh", "haha", "thing", NULL,
};

/* 1 when w is a word a question or a request to forget is about: no function word, no
 * greeting, no word every question may use (nor another form of one), not one letter. */
int quote_content_word(const word_t *w)
{
    if (lex_is_stopword(w->low) || strlen(w->low) < 2 ||
        understand_in_list(understand_greetings, w->low))
        return 0;
    for (const char *const *g = generic; *g; g++) {     /* "living" as "live" */
        char stem[LEX_WORD_MAX];
        lex_stem(*g, stem, sizeof stem);
        if (!strcmp(*g, w->low) || !strcmp(stem, w->stem)) return 0;
    }
    return 1;
}

int quote_named_word(const word_t *w)
{
    return quote_content_word(w) && !forget_verb(w) && !understand_in_list(keep, w->low) &&
           !understand_in_list(request, w->low);
}

int quote_may_forget(const char *low)
{
    for (const char *const *f = understand_forget_verbs; *f; f++)
        if (strstr(low, *f)) return 1;
    if (strstr(low, "scratch")) return 1;       /* (quote_asks_to_forget) */
    for (const char *const *f = keep; *f; f++)
        if (strstr(low, *f)) return 1;
    return 0;
}

/* 1 when w is a number of at most three digits or a number word ("seven"). */
int quote_number_word(const word_t *w)
{
    size_t n = strlen(w->low), d = strspn(w->low, "0123456789");
    return (n && n <= 3 && d == n) || (d == 0 && understand_has_number(w->low));
}

/* What kind of value w may be: 1 a number, 0 a word. */
int quote_kind_of_value(const word_t *w)
{
    return isdigit((unsigned char)w->low[0]) || quote_number_word(w);
}

/* The day of the week (1-7) or month (101-112) w names, else 0; "may" and "march" only
 * with a capital, being words of their own too. */
int quote_when_word(const word_t *w)
{
    int day = understand_weekday(w->low), month = understand_month(w->low);
    if (month && !w->cap && (!strcmp(w->low, "may") || !strcmp(w->low, "march"))) month = 0;
    return day ? day : month ? 100 + month : 0;
}

/* 1 when w may be a name: written with a capital, not "I", no kin or function word. */
int quote_name_like(const word_t *w)
{
    return w->cap && strcmp(w->low, "i") && !quote_kin_word(w) && !lex_is_stopword(w->low);
}

/* Words of denying or ending ("not", "quit", "sold"; any word in "n't" too), of a change
 * or a correction ("moved", "instead", "sorry"), and of calling off ("skipping"): what
 * denies, changes and quote_called_off look for, and quote_newer_change's first look at a message. */
static const char *const denial_words[] = {
    "no", "not", "never", "nor", "neither", "quit", "stopped", "anymore", "longer", "used",
    "gave", "ex", "without", "sold", "lost", "died", "passed", "rehomed", "gone", "left",
    "ended", "retired", "rid", "scrapped", "totalled", "totaled", "dead", "kaput", "dont",
    "doesnt", "didnt", "isnt", "wasnt", "cant", "wont", "aint", "havent", "hasnt", "arent",
    "werent", "bye", "goodbye", "farewell", "leave", "leaving",
    "t", /* "don’t" with a curly apostrophe ends at it */
    NULL};

static const char *const change_words[] = {
    "left", "leaving", "moved", "moving", "notice", "changed", "switched", "sold", "broke",
    "split", "instead", "actually", "update", "sorry", "meant", "correction", "wrong", "oops",
    "now", NULL};

static const char *const off_words[] = {"skip", "skipping", "skipped", "cancelled",
                                        "canceled", "postponed", "cannot", "can't", "anymore",
                                        NULL};

/* 1 when text may hold a sentence quote_called_off takes: a word of one of the lists above, as
 * a whole word, or one in "n't" (a first look, before its words are read). */
int quote_may_change(const char *text)
{
    const char *const *lists[] = {denial_words, change_words, off_words};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (int k = 0; lists[l][k]; k++)
            if (facts_has_words(text, lists[l][k])) return 1;
    return strstr(text, "n't") != NULL || strstr(text, "n\xe2\x80\x99t") != NULL;
}

/* 1 when a sentence denies or ends something ("I don't eat meat", "we quit the club",
 * "we sold the van"):
 * it holds every word of a yes/no question without bearing it out. */
int quote_denies(const word_t *w, int n)
{
    /* ("took a job here in 2009, never looked back", "haven't moved since": still so) */
    static const char *const ending[] = {"left", "moved", "looked", "gone", "went", NULL};
    for (int i = 0; i < n; i++) {
        size_t len = strlen(w[i].low);
        /* "i'm done fixing cars", "finished with the night shifts": an end too */
        if ((!strcmp(w[i].low, "done") || !strcmp(w[i].low, "finished")) && i + 1 < n &&
            w[i + 1].part == w[i].part) {
            size_t l = strlen(w[i + 1].low);
            if (!strcmp(w[i + 1].low, "with") || (l > 4 && !strcmp(w[i + 1].low + l - 3, "ing")))
                return 1;
        }
        if (!understand_in_list(denial_words, w[i].low) &&
            !(len > 3 && !strcmp(w[i].low + len - 3, "n't")))
            continue;
        if (i + 1 < n && w[i + 1].part == w[i].part && understand_in_list(ending, w[i + 1].low)) {
            i++;
            continue;
        }
        return 1;
    }
    return 0;
}

int quote_denies_held(const word_t *w, int n, const unsigned char *held)
{
    static const char *const cause[] = {"because", "cos", "coz", "cuz", "bc", "since",
                                        "due", NULL};
    for (int i = 0; i < n; i++) {
        if (!quote_denies(&w[i], 1)) continue;
        int cut = 0, after = 0;
        for (int j = i + 1; j < n && !after; j++) {
            cut |= understand_in_list(cause, w[j].low);
            after = held[j];
        }
        if (!(cut && after)) return 1;
    }
    return 0;
}

void quote_hide_words(hidden_t *h, const word_t *s, int ns)
{
    static const char *const that[] = {"that", "it", "this", NULL};
    int named = 0;
    for (int i = 0; i < ns; i++) {
        /* "forget that ...", "delete it": what was just told */
        if (i + 1 < ns && forget_verb(&s[i]) && understand_in_list(that, s[i + 1].low))
            h->next = 1;
        if (!quote_named_word(&s[i])) continue;
        size_t l = strlen(s[i].low);
        if (l > 2 && !strcmp(s[i].low + l - 2, "'s") && i + 1 < ns && s[i + 1].part == s[i].part &&
            quote_named_word(&s[i + 1]))
            continue;       /* "Nora's illness": the illness, not all said of Nora */
        named = 1;
        if (h->n < 64) snprintf(h->stem[h->n++], sizeof h->stem[0], "%s", s[i].stem);
        /* a topic named ("drop my wages"): the words that tell of it too */
        const char *const *tells = understand_topic_tells(s[i].low);
        for (int t = 0; tells && tells[t] && h->n < 64; t++)
            if (tells[t][0] != '#' && !strchr(tells[t], ' '))
                lex_stem(tells[t], h->stem[h->n++], sizeof h->stem[0]);
    }
    if (!named) h->next = 1;
}

/* 1 when a and b are one word or one begins the other, of 5 letters at least ("weigh",
 * "weight"): a request to forget hides words of the same root. */
static int same_root(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), n = na < nb ? na : nb;
    return !strcmp(a, b) || (n >= 5 && !strncmp(a, b, n));
}

int quote_is_hidden(const hidden_t *h, const word_t *s, int ns)
{
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < h->n; j++)
            if (same_root(s[i].stem, h->stem[j]) || same_root(s[i].low, h->stem[j])) return 1;
    return 0;
}

int quote_next_sentence_any(const char *text, size_t *at, size_t *from, size_t *len, int *asks)
{
    size_t i = *at, n = strlen(text);
    while (i < n && (isspace((unsigned char)text[i]) || strchr(".!?;", text[i]))) i++;
    if (i >= n) return 0;
    size_t b = i, mark = 1;     /* the bytes of the mark that ends it */
    *asks = 0;
    for (; i < n; i++) {
        char c = text[i];
        if (c == '\n' || c == ';' || c == '!' || c == '?' ||
            (c == '.' && (i + 1 == n || isspace((unsigned char)text[i + 1])) &&
             clauses_full_stop(text, n, i, b))) {
            *asks = c == '?';
            break;
        }
        if (!strncmp(text + i, "\xE3\x80\x82", 3) || !strncmp(text + i, "\xEF\xBC\x9F", 3) ||
            !strncmp(text + i, "\xEF\xBC\x81", 3)) {      /* 。？！ */
            *asks = text[i + 2] == '\x9F';
            mark = 3;
            break;
        }
    }
    *from = b;
    *len = i - b;
    *at = i < n ? i + mark : n;
    if (!*asks) {       /* asked with no mark: a question word and a verb that asks
                         * ("where does my aunt work these days"), not "what I love is" */
        char w[2][16];
        size_t p = b;
        for (int k = 0; k < 2; k++) {
            size_t l = 0;
            while (p < b + *len && text[p] == ' ') p++;
            while (p < b + *len && !isspace((unsigned char)text[p]) && l + 1 < sizeof w[k])
                w[k][l++] = (char)tolower((unsigned char)text[p++]);
            w[k][l] = '\0';
        }
        *asks = understand_question_word(w[0]) == 2 && understand_question_word(w[1]) == 1;
    }
    return 1;
}

/* A sentence whose start a request to forget took ("[forgotten], twice a day with food")
 * is passed over: the tail left of it is never quoted. */
int quote_next_sentence(const char *text, size_t *at, size_t *from, size_t *len, int *asks)
{
    size_t rl = strlen(STORE_REDACTED);
    while (quote_next_sentence_any(text, at, from, len, asks))
        if (*len < rl || strncmp(text + *from, STORE_REDACTED, rl) != 0) return 1;
    return 0;
}

int quote_sentence_holding(const char *text, const char *needle, size_t *at, size_t *from,
                           size_t *len)
{
    size_t nl = strlen(needle);
    int asks;
    while (nl && quote_next_sentence_any(text, at, from, len, &asks))
        for (size_t i = *from; i + nl <= *from + *len; i++)
            if (!strncasecmp(text + i, needle, nl)) return 1;
    return 0;
}

/* 1 when a sentence tells a change or a correction ("we left Leeds", "sorry, I meant
 * Lena"): its new value is a fact the summary says, its old one no longer so. */
int quote_changes(const word_t *s, int ns)
{
    if (quote_denies(s, ns)) return 1;
    for (int j = 0; j < ns; j++)
        if (understand_in_list(change_words, s[j].low)) return 1;
    return 0;
}

/* 1 when a sentence says a plan or a value changed ("we're skipping Ghent", "so we fly in
 * May instead"): quote_changes() or a word of calling off. */
int quote_called_off(const word_t *s, int ns)
{
    for (int j = 0; j < ns; j++)
        if (understand_in_list(off_words, s[j].low)) return 1;
    return quote_changes(s, ns);
}

/* A sentence of text at from (*len bytes) taken on by the next one of its message
 * when that one only says "it" of it ("my handicap dropped. It's 14 now!"), when it
 * is short and tells no value itself ("we moved the shop! it's on Mill Lane now",
 * "changed courses. geology now"), or when the next one is a number of now alone ("sold
 * a few ewes. 40 left."): *len then reaches the end of that one. s is
 * scratch (QUOTE_WORDS words), NULL for a yes/no question (only "it" then: what it
 * checks is said in the sentence found). */
void quote_goes_on(const char *text, size_t from, size_t *len, word_t *s)
{
    static const char *const it[] = {"it's ", "its ", "it is ", "it’s ", "that's ", NULL};
    size_t at = from + *len, b, n;
    int asks;
    if (!text[at] || text[at] == '\n' || !quote_next_sentence(text, &at, &b, &n, &asks) || asks ||
        b + n - from >= QUOTE_SENTENCE)
        return;
    static const char *const now[] = {"now", "left", "total", "altogether", NULL};
    int ns = s ? quote_words(text + from, *len, s, QUOTE_WORDS) : 0, bare = s && ns <= 5;
    for (int i = 0; i < ns && bare; i++) bare = !quote_value_shape(&s[i], i == 0);
    for (int i = 0; it[i] && !bare; i++) bare = !strncasecmp(text + b, it[i], strlen(it[i]));
    /* a number of now told alone after it: "sold a few ewes. 17 now." */
    int nn = s && !bare ? quote_words(text + b, n, s, QUOTE_WORDS) : 0, number = 0, of_now = 0;
    for (int i = 0; i < nn && nn <= 4; i++) {
        number |= quote_value_shape(&s[i], 0) == 1;
        of_now |= understand_in_list(now, s[i].low);
    }
    if (bare || (number && of_now)) *len = b + n - from;
}

void quote_goes_back(const char *text, size_t *from, size_t *len, word_t *s)
{
    int ns = quote_words(text + *from, *len, s, 2);
    if (!ns || !understand_pronoun(s[0].low)) return;
    size_t at = 0, b, n, pb = 0, pn = 0;
    int asks, found = 0;
    while (quote_next_sentence_any(text, &at, &b, &n, &asks) && b < *from) {
        pb = b, pn = n;
        found = !asks;
    }
    if (!found || b != *from || *from + *len - pb >= QUOTE_SENTENCE || text[pb + pn] == '\n')
        return;
    *len = *from + *len - pb;           /* "Co-owner is Ottmar. He keeps the books" */
    *from = pb;
}

/* The shape of a value w may be that a newer message can tell in its place: 1 a number
 * ("5", "seven", "3rd"; not "one", mostly a pronoun), 2 a day or month, 3 a word written with a capital that is not
 * the first of its sentence ("Berlin", "B1"), else 0. */
int quote_value_shape(const word_t *w, int first)
{
    if (!strcmp(w->low, "one")) return 0;       /* ("the oldest one", "one more") */
    if (quote_kind_of_value(w)) return 1;
    if (quote_when_word(w)) return 2;
    static const char *const me[] = {"i'm", "im", "i've", "ive", "i'd", "i'll", NULL};
    return !first && quote_name_like(w) && !understand_in_list(me, w->low) ? 3 : 0;
}

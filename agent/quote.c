/* quote.c: the user's own words for a question their facts do not answer (quote.h).
 * A question's content words are its words less the function words of the lexical
 * index (lex_is_stopword), the words every question about a person uses (below), kin
 * and pet words and names; each is compared on its stem (lex_stem). What the user told
 * is cut into sentences at . ! ? ; and line ends (a full stop only before a space or
 * the end, so "12.1" stays whole), each into parts at commas, colons and brackets. */
#include "agent/quote.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/realise.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/model.h"
#include "model/reader.h"

enum { QUOTE_WORDS = 96, QUOTE_SENTENCE = 400, QUOTE_TEXT = 8192 };

/* Words any question about a person may use, whatever it asks ("what's my favourite
 * ...", "remind me how many ..."): never what a quote is chosen by. */
static const char *const generic[] = {
    "name", "names", "called", "call", "remember", "remind", "tell", "told", "say",
    "said", "know", "think", "favourite", "favorite", "fav", "fave", "number", "kind",
    "type", "one", "ones", "now", "ever", "currently", "right", "rn", "pls", "please",
    "btw", "anyway", "exactly", "actually", "old", "long", "work", "live", "like", "love",
    "enjoy", "prefer", "get",
    "got", "make", "take", "want", "need", "day", "time", "year", "years", "week", "month",
    "today", "usually", "mine", "again", "use", "used", "good", "best", "new", "last",
    "first", "else", "go", "going", "whats", "wheres", "whos", "hows", "u", "ur",
    "mnemo", /* its own name, as people greet it ("hey mnemo, ...") */
    NULL,
};

/* One word of a text: where it is, its stem, its part (see above). */
typedef struct word {
    char low[LEX_WORD_MAX];
    char stem[LEX_WORD_MAX];
    char key[LEX_WORD_MAX];     /* as a holder key: kin words in one form ("mum": mother) */
    int part;
} word_t;

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
static int words_of(const char *text, size_t len, word_t *w, int max)
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
        if (!understand_kin(w[n].key) && !understand_group_key(w[n].key))
            understand_holder_of(w[n].stem, w[n].key, sizeof w[n].key);    /* "mums" */
        w[n].part = part;
        n++;
    }
    return n;
}

/* 1 when w names a kind of person or pet ("sister", "mum", "kids", "dog"). */
static int kin_word(const word_t *w)
{
    return understand_kin(w->key) || understand_group_key(w->key) || dialogue_pet_word(w->key);
}

/* 1 when w is h: the same stem, or the same holder key ("mum" and "mother"). */
static int same_word(const word_t *w, const word_t *h)
{
    return !strcmp(w->stem, h->stem) || !strcmp(w->key, h->key);
}

static int is_name(const char *const *names, const char *w)
{
    for (; names && *names; names++)
        if (!strcasecmp(*names, w)) return 1;
    return 0;
}

/* 1 when the word at i of w has a kin word or a name before it in its part (as
 * written or as its stem: "sister's"). */
static int someone_before(const word_t *w, int i, const char *const *names)
{
    for (int j = i - 1; j >= 0 && w[j].part == w[i].part; j--)
        if (kin_word(&w[j]) || is_name(names, w[j].low) || is_name(names, w[j].stem))
            return 1;
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

/* A request to forget: "forget ...", "delete ...", "can you forget ...", or a verb of
 * keeping denied ("don't keep", "do not remember"); not "before I forget", "don't
 * forget". */
static int asks_to_forget(const word_t *w, int n)
{
    static const char *const deny[] = {"don't", "dont", "not", "never", NULL};
    /* "before I forget", "don't forget", "she always forgets": no request */
    static const char *const teller[] = {"i", "i'll", "i'd", "i'm", "we", "he", "she", "they",
                                         "it", "might", "may", "always", "often", "don't",
                                         "dont", "never", "not", "ll", NULL};
    static const char *const asking[] = {"can", "could", "would", "will", "please", "pls",
                                         "best", "just", "to", NULL};
    for (int i = 0; i < n; i++) {
        if (forget_verb(&w[i])) {
            if (i > 0 && understand_in_list(teller, w[i - 1].low)) continue;
            if (i > 0 && !strcmp(w[i - 1].low, "you") && (i < 2 || !understand_in_list(asking, w[i - 2].low)))
                continue;
            return 1;
        }
        for (int j = i - 2 >= 0 ? i - 2 : 0; j < i && understand_in_list(keep, w[i].low); j++)
            if (understand_in_list(deny, w[j].low)) return 1;
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
static int content_word(const word_t *w)
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

/* A question as quote_told compares sentences with it: its content words (no kin word,
 * no name) and the words of whom it asks about (none for the user). */
typedef struct asked {
    word_t k[QUOTE_WORDS], h[8];
    int nk, nh, self;
    int age;        /* asks someone's age: a number told right after them */
} asked_t;

/* The words that tell a relation of someone's, when a question about them has no
 * content word of its own ("where does my aunt live?": the sentence that names her and
 * says where she lives); NULL-terminated rows, the relation first. */
static const struct {
    int rel;
    const char *cue[6];
} cues[] = {
    {READER_REL_HOME, {"live", "stay", "moved", "based", NULL}},
    {READER_REL_HOMETOWN, {"from", "grew", "born", NULL}},
    {READER_REL_JOB, {"work", "job", NULL}},
    {READER_REL_EMPLOYER, {"work", "job", NULL}},
    {READER_REL_WORKPLACE, {"work", "job", NULL}},
};

static void asked_of(asked_t *a, const char *question, const char *holder, int rel,
                     const char *const *names)
{
    word_t q[QUOTE_WORDS];
    int nq = words_of(question, strlen(question), q, QUOTE_WORDS);
    a->self = !holder || !*holder || !strcmp(holder, "self");
    a->nh = a->self ? 0 : words_of(holder, strlen(holder), a->h, 8);
    a->nk = 0;
    for (int i = 0; i < nq; i++) {
        int dup = !content_word(&q[i]) || kin_word(&q[i]) || is_name(names, q[i].low) ||
                  is_name(names, q[i].stem);
        for (int j = 0; j < a->nk && !dup; j++) dup = !strcmp(a->k[j].stem, q[i].stem);
        for (int j = 0; j < a->nh && !dup; j++) dup = same_word(&q[i], &a->h[j]);
        if (!dup) a->k[a->nk++] = q[i];
    }
    a->age = !a->self && !a->nk && rel == READER_REL_AGE;
    for (size_t c = 0; !a->self && !a->nk && c < sizeof cues / sizeof cues[0]; c++) {
        if (cues[c].rel != rel) continue;
        for (const char *const *w = cues[c].cue; *w; w++) {
            word_t *k = &a->k[a->nk++];
            snprintf(k->low, sizeof k->low, "%s", *w);
            lex_stem(*w, k->stem, sizeof k->stem);
            snprintf(k->key, sizeof k->key, "%s", *w);
        }
    }
}

/* 1 when w is a number of at most three digits or a number word ("seven"). */
static int number_word(const word_t *w)
{
    size_t n = strlen(w->low), d = strspn(w->low, "0123456789");
    return (n && n <= 3 && d == n) || (d == 0 && understand_has_number(w->low));
}

/* 1 when s tells the age of whom a asks about: a number within three words after a
 * word for them ("Kuba is 7", "elias turned 6", "tomek (9)"), not one that counts
 * something ("has 2 kids"). */
static int tells_age(const asked_t *a, const word_t *s, int ns)
{
    static const char *const unit[] = {"years", "yrs", "yr", "year", "yo", "months", "old",
                                       "now", NULL};
    for (int i = 0; i < ns; i++) {
        int him = 0;
        for (int j = 0; j < a->nh && !him; j++) him = same_word(&s[i], &a->h[j]);
        for (int j = i + 1; him && j < ns && j <= i + 3; j++) {
            if (!number_word(&s[j])) continue;
            if (j + 1 < ns && s[j + 1].part == s[j].part && content_word(&s[j + 1]) &&
                !understand_in_list(unit, s[j + 1].low))
                break;
            return 1;
        }
    }
    return 0;
}

/* How many of a's content words the sentence s[0..ns) holds (for a question about the
 * user, not after a kin word or a name in its part); 0 when it does not name whom a
 * asks about, or opens as a question. */
static int score_words(const asked_t *a, const word_t *s, int ns, const char *const *names)
{
    if (!ns || understand_question_word(s[0].low)) return 0;
    if (!a->self) {                         /* it names whom the question is about */
        int named = 0;
        for (int i = 0; i < ns && !named; i++)
            for (int j = 0; j < a->nh && !named; j++) named = same_word(&s[i], &a->h[j]);
        if (!named) return 0;
    }
    if (a->age) return tells_age(a, s, ns);
    int score = 0;
    for (int k = 0; k < a->nk; k++) {
        int own = 0;
        for (int j = 0; j < ns && !own; j++)
            own = !strcmp(s[j].stem, a->k[k].stem) && (!a->self || !someone_before(s, j, names));
        score += own;
    }
    return score;
}

int quote_score(const char *question, const char *holder, int rel, const char *const *names,
                const char *sentence)
{
    asked_t a;
    word_t s[QUOTE_WORDS];
    asked_of(&a, question, holder, rel, names);
    int ns = words_of(sentence, strlen(sentence), s, QUOTE_WORDS);
    return asks_to_forget(s, ns) ? 0 : score_words(&a, s, ns, names);
}

/* What the requests to forget met so far (newer than what is read next) hide: the
 * content words they named, and, for one that named none or says "forget that", the
 * message told before it. */
typedef struct hidden {
    char stem[64][LEX_WORD_MAX];
    int n;
    int next;       /* the next (older) message told, no question, is hidden whole */
} hidden_t;

/* 1 when text may hold one of a's content words or a request to forget: the letters a
 * word shares with its stem occur in it, its ASCII letters folded to lower case into
 * low (cap bytes; a text longer than that is read whole) (a cheap test before its
 * sentences are read word by word). */
static int worth_reading(const char *text, const asked_t *a, char *low, size_t cap)
{
    size_t n = 0;
    for (; text[n] && n + 1 < cap; n++) low[n] = (char)tolower((unsigned char)text[n]);
    if (text[n]) return 1;
    low[n] = '\0';
    for (int k = 0; k < a->nk; k++) {      /* the letters word and stem share: "stud" */
        char root[LEX_WORD_MAX];
        size_t r = 0;
        for (; a->k[k].low[r] && a->k[k].low[r] == a->k[k].stem[r]; r++) root[r] = a->k[k].low[r];
        root[r] = '\0';
        if (!r || strstr(low, root)) return 1;
    }
    for (const char *const *f = understand_forget_verbs; *f; f++)
        if (strstr(low, *f)) return 1;
    for (const char *const *f = keep; *f; f++)
        if (strstr(low, *f)) return 1;
    return 0;
}

static void hide_words(hidden_t *h, const word_t *s, int ns)
{
    static const char *const that[] = {"that", "it", "this", NULL};
    int named = 0;
    for (int i = 0; i < ns; i++) {
        /* "forget that ...", "delete it": what was just told */
        if (i + 1 < ns && forget_verb(&s[i]) && understand_in_list(that, s[i + 1].low))
            h->next = 1;
        if (!content_word(&s[i]) || forget_verb(&s[i]) || understand_in_list(keep, s[i].low) ||
            understand_in_list(request, s[i].low))
            continue;
        named = 1;
        if (h->n < 64) snprintf(h->stem[h->n++], sizeof h->stem[0], "%s", s[i].stem);
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

static int is_hidden(const hidden_t *h, const word_t *s, int ns)
{
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < h->n; j++)
            if (same_root(s[i].stem, h->stem[j]) || same_root(s[i].low, h->stem[j])) return 1;
    return 0;
}

/* The next sentence of text from *at: its start and length into *from and *len, and
 * whether it ends with a question mark; 0 at the end. */
static int next_sentence(const char *text, size_t *at, size_t *from, size_t *len, int *asks)
{
    size_t i = *at, n = strlen(text);
    while (i < n && (isspace((unsigned char)text[i]) || strchr(".!?;", text[i]))) i++;
    if (i >= n) return 0;
    size_t b = i;
    *asks = 0;
    for (; i < n; i++) {
        char c = text[i];
        if (c == '\n' || c == ';' || c == '!' || c == '?' ||
            (c == '.' && (i + 1 == n || isspace((unsigned char)text[i + 1])))) {
            *asks = c == '?';
            break;
        }
        if (!strncmp(text + i, "\xE3\x80\x82", 3) || !strncmp(text + i, "\xEF\xBC\x9F", 3) ||
            !strncmp(text + i, "\xEF\xBC\x81", 3)) {      /* 。？！ */
            *asks = text[i + 2] == '\x9F';
            break;
        }
    }
    *from = b;
    *len = i - b;
    *at = i < n ? i + 1 : n;
    return 1;
}

/* The one question about the user p left unanswered, alone in its plan: its index in
 * u, or -1. */
static int lone_question(const understood_t *u, int n, const respond_t *p)
{
    int at = -1;
    if (!p->handled || p->unanswered != 1 || p->answered || p->nw || p->nforget) return -1;
    for (int i = 0; i < n; i++) {
        if (!u[i].personal || (u[i].act != READER_QUESTION && u[i].act != READER_YESNO))
            continue;
        if (at >= 0) return -1;
        at = i;
    }
    return at;
}

/* The names of the user's people and pets in f (pointers into f), NULL-terminated. */
static void names_of(const facts_t *f, const char **names, size_t max)
{
    size_t n = 0;
    const char *rel = reader_rel_name(READER_REL_NAME);
    for (size_t i = 0; i < f->n && n + 1 < max; i++)
        if (f->v[i].relation && !strcmp(f->v[i].relation, rel) && f->v[i].value &&
            !strchr(f->v[i].value, ' '))
            names[n++] = f->v[i].value;
    names[n] = NULL;
}

int quote_told(store_t *st, const char *user, const char *msg, const understood_t *u, int n,
               const facts_t *f, respond_t *p, agent_quoted_t *q)
{
    q->turn = 0;
    int qi = lone_question(u, n, p);
    if (qi < 0) return STORE_OK;
    char question[512], holder[2 * UNDERSTAND_KEY + 2];
    snprintf(question, sizeof question, "%.*s", (int)u[qi].len, msg + u[qi].at);
    const char *h = u[qi].holder;
    const char *name = strcmp(h, "self") && h[0] ? facts_name_of(f, h) : NULL;
    snprintf(holder, sizeof holder, "%s%s%s", h, name ? " " : "", name ? name : "");
    for (char *c = holder; *c; c++)
        if (*c == ':') *c = ' ';
    const char *names[64];
    names_of(f, names, sizeof names / sizeof names[0]);

    store_turn_t *t = NULL;
    size_t nt = 0;
    int rc = store_turns_said(st, user, QUOTE_TURNS, &t, &nt);
    if (rc != STORE_OK) return rc;
    asked_t *a = malloc(sizeof *a);
    hidden_t *hid = calloc(1, sizeof *hid);
    word_t *s = malloc(QUOTE_WORDS * sizeof *s);
    char *low = malloc(QUOTE_TEXT);
    if (!a || !hid || !s || !low) {
        rc = STORE_ENOMEM;
        goto out;
    }
    asked_of(a, question, holder, u[qi].rel, names);
    int best = 0, stop = !a->nk && !a->age; /* nothing to look for */
    size_t bt = 0, bfrom = 0, blen = 0;
    /* Newest first, so a tie keeps the newer. A request to forget hides what was told
     * before it that holds a word it names (and stops the search when that word is the
     * question's), whatever it found to delete: "forget about the bells". */
    for (size_t i = 0; i < nt && !stop; i++) {
        size_t at = 0, from, len;
        int asks;
        if (!strcmp(t[i].text, STORE_REDACTED)) continue;
        /* a message mnemo answered as a question is never quoted, but may ask to forget */
        int asked = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_ANSWER));
        if (hid->next && !asked) {          /* "forget that": the last thing told */
            hid->next = 0;
            continue;
        }
        if (!worth_reading(t[i].text, a, low, QUOTE_TEXT)) continue;
        while (next_sentence(t[i].text, &at, &from, &len, &asks)) {
            int ns = words_of(t[i].text + from, len, s, QUOTE_WORDS);
            if (asks_to_forget(s, ns)) {
                hide_words(hid, s, ns);
                for (int k = 0; k < a->nk && !stop; k++)
                    for (int j = 0; j < ns && !stop; j++)
                        stop = !strcmp(s[j].stem, a->k[k].stem);
                continue;
            }
            if (asks || asked || len >= QUOTE_SENTENCE || is_hidden(hid, s, ns)) continue;
            int score = score_words(a, s, ns, names);
            if (score > best) {
                best = score;
                bt = i;
                bfrom = from;
                blen = len;
            }
        }
    }
    if (best > 0) {
        const char *said = t[bt].text + bfrom;
        size_t cut = blen < sizeof p->answer ? blen : sizeof p->answer - 1;
        while (cut && cut < blen && ((unsigned char)said[cut] & 0xC0) == 0x80) cut--;
        snprintf(p->answer, sizeof p->answer, "%.*s", (int)cut, said);
        realise_quote(p->reply, sizeof p->reply, said, blen);
        p->kind = MODEL_KIND_ANSWER;
        p->unanswered = 0;
        p->answered = 1;
        q->turn = t[bt].id;
        snprintf(q->conversation, sizeof q->conversation, "%s", t[bt].conversation);
    }
out:
    free(a);
    free(hid);
    free(s);
    free(low);
    store_turns_free(t, nt);
    return rc;
}

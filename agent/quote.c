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

enum { QUOTE_WORDS = 96, QUOTE_SENTENCE = 400 };

/* Words any question about a person may use, whatever it asks ("what's my favourite
 * ...", "remind me how many ..."): never what a quote is chosen by. */
static const char *const generic[] = {
    "name", "names", "called", "call", "remember", "remind", "tell", "told", "say",
    "said", "know", "think", "favourite", "favorite", "fav", "fave", "number", "kind",
    "type", "one", "ones", "now", "ever", "currently", "right", "rn", "pls", "please",
    "btw", "anyway", "exactly", "actually", "old", "long", "work", "live", "like", "get",
    "got", "make", "take", "want", "need", "day", "time", "year", "years", "week", "month",
    "today", "usually", "mine", "again", "use", "used", "good", "best", "new", "last",
    "first", "else", "go", "going", "whats", "wheres", "whos", "hows", "u", "ur", NULL,
};

static int in_list(const char *const *l, const char *w)
{
    for (; *l; l++)
        if (!strcmp(*l, w)) return 1;
    return 0;
}

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
        w[n].part = part;
        n++;
    }
    return n;
}

/* 1 when w names a kind of person or pet ("sister", "mum", "kids", "dog"). */
static int kin_word(const word_t *w)
{
    return understand_kin(w->key) || understand_group_key(w->key) ||
           dialogue_pet_word(w->key) || understand_kin(w->stem);
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

/* The score of quote_score, a request to forget scored as any sentence; *forgets (may
 * be NULL) is 1 when sentence asks to forget. */
static int score_of(const char *question, const char *holder, const char *const *names,
                    const char *sentence, int *forgets)
{
    word_t q[QUOTE_WORDS], s[QUOTE_WORDS], h[8];
    int nq = words_of(question, strlen(question), q, QUOTE_WORDS);
    int ns = words_of(sentence, strlen(sentence), s, QUOTE_WORDS);
    int self = !holder || !*holder || !strcmp(holder, "self");
    int nh = self ? 0 : words_of(holder, strlen(holder), h, 8);
    if (forgets) *forgets = 0;
    for (int i = 0; i < ns && forgets; i++)
        *forgets |= !strncmp(s[i].low, "forget", 6) || !strcmp(s[i].low, "forgot");
    if (!ns || understand_question_word(s[0].low)) return 0;
    if (!self) {                            /* it names whom the question is about */
        int named = 0;
        for (int i = 0; i < ns && !named; i++)
            for (int j = 0; j < nh && !named; j++) named = same_word(&s[i], &h[j]);
        if (!named) return 0;
    }
    int score = 0;
    for (int i = 0; i < nq; i++) {
        const char *k = q[i].low;
        if (lex_is_stopword(k) || in_list(generic, k) || kin_word(&q[i]) || is_name(names, k) ||
            is_name(names, q[i].stem) || strlen(k) < 2)
            continue;
        int dup = 0, own = 0;
        for (int j = 0; j < i && !dup; j++) dup = !strcmp(q[j].stem, q[i].stem);
        for (int j = 0; j < nh && !dup; j++) dup = same_word(&q[i], &h[j]);
        for (int j = 0; j < ns && !dup && !own; j++)
            own = !strcmp(s[j].stem, q[i].stem) && (!self || !someone_before(s, j, names));
        score += !dup && own;
    }
    return score;
}

int quote_score(const char *question, const char *holder, const char *const *names,
                const char *sentence)
{
    int forgets, score = score_of(question, holder, names, sentence, &forgets);
    return forgets ? 0 : score;     /* a request to forget is never quoted */
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
    int best = 0;
    size_t bt = 0, bfrom = 0, blen = 0;
    /* newest first: a tie keeps the newer, and a request to forget what the question
     * asks about ("forget about the bells", whatever it found to delete) hides
     * everything told before it */
    int forgotten = 0;
    for (size_t i = 0; i < nt && !forgotten; i++) {
        size_t at = 0, from, len;
        int asks, forgets;
        if (!strcmp(t[i].text, STORE_REDACTED)) continue;
        while (next_sentence(t[i].text, &at, &from, &len, &asks)) {
            char sentence[QUOTE_SENTENCE];
            if (asks || len >= sizeof sentence) continue;
            snprintf(sentence, sizeof sentence, "%.*s", (int)len, t[i].text + from);
            int score = score_of(question, holder, names, sentence, &forgets);
            if (forgets) {
                forgotten |= score > 0;
                continue;
            }
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
    store_turns_free(t, nt);
    return STORE_OK;
}

/* quote_internal.h: what the files of the quote (quote.c, quote_newer.c) share and no
 * other part of the agent uses: the words of a sentence as they are compared (word_t),
 * a question as it is compared with sentences (asked_t), what requests to forget hide
 * (hidden_t), what the user said (said_t), and the helpers over them (quote_words.c,
 * quote_newer.c, and the fallbacks quote_kin.c and quote_who.c). Every function
 * is pure over its arguments except where it says it reads the store; none allocates.
 * Word arrays are the caller's (QUOTE_WORDS words); sentences are (text, from, len)
 * spans into the caller's turns. */
#ifndef MNEMO_AGENT_QUOTE_INTERNAL_H
#define MNEMO_AGENT_QUOTE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "agent/facts.h"
#include "agent/quote_zh.h"
#include "model/lex_words.h"
#include "store/store.h"

/* At most QUOTE_WORDS words of a sentence are read, a sentence of QUOTE_SENTENCE bytes
 * or more is never quoted, and a turn is folded to lower case in QUOTE_TEXT bytes. */
enum { QUOTE_WORDS = 96, QUOTE_SENTENCE = 400, QUOTE_TEXT = 8192 };
/* The user's newest turns read for a change told after the fact a question was answered
 * from (quote_newer_change; a fact told before all of them is older than each). */
enum { QUOTE_NEWER_TURNS = 64 };

/* What asked_t.counted holds for "how long ...?": a number before a unit of time. */
#define QUOTE_COUNTED_TIME "#time"

/* One word of a text: its lower-case form, its stem (lex_stem), its holder key, the
 * part of its sentence it is in (parts end at commas, colons and brackets). */
typedef struct word {
    char low[LEX_WORD_MAX];
    char stem[LEX_WORD_MAX];
    char key[LEX_WORD_MAX];     /* as a holder key: kin words in one form ("mum": mother) */
    int part;
    int cap;                    /* written with a capital ("Joan", "I") */
} word_t;

/* A question as quote_told compares sentences with it: its content words (no kin word,
 * no name) and the words of whom it asks about (none for the user). */
typedef struct asked {
    word_t k[QUOTE_WORDS], h[8];
    int nk, nh, self;
    int age;        /* asks someone's age: a number told right after them */
    int naming;     /* asks someone's name: a name told right beside them */
    char breed[LEX_WORD_MAX];   /* asks the kind of this animal of the user's ("what breed
                                 * is Mungo?"): a kind of it told beside it */
    int job;        /* asks the job of someone it names ("what does Ines do?", "is Ines a
                     * vet?"): a kind of person told of them after "a" or "as" */
    int thing;      /* asks about a thing of the user's ("my café"), not someone */
    int cued;       /* looks for the words of its relation (cues), not its own */
    int past;       /* passes over sentences that hold a replaced value (tells_past) */
    int placed;     /* the words of its relation count only before a place ("live in") */
    int amount;     /* asks how many or how much: a sentence with no number says nothing */
    int numbers;    /* a replaced number makes a sentence past (tells_past): asks how many,
                     * holds a number or opens as a yes/no question ("is Ada still 16?") */
    char counted[LEX_WORD_MAX];     /* the stem of what it counts ("how many years"), or
                                     * QUOTE_COUNTED_TIME for "how long" */
    int anyone;     /* names no one, the user neither ("what night is quiz?"): a word told
                     * of someone of theirs answers too */
    int zh;         /* a Chinese question, compared by its characters (z) */
    quote_zh_t z;
} asked_t;

/* What the requests to forget met so far (newer than what is read next) hide: the
 * content words they named, and, for one that named none or says "forget that", the
 * message told before it. */
typedef struct hidden {
    char stem[64][LEX_WORD_MAX];
    int n;
    const char *zh[8];      /* the Chinese requests (quote_zh_hides), into the turns */
    size_t zhlen[8];
    int nzh;
    int next;       /* the next (older) message told, no question, is hidden whole */
    int asked;      /* a request to forget named a word of the question read for */
} hidden_t;

/* What the user said and what of it no longer holds: their messages t[0..nt) newest first,
 * their facts f, the names of their people, and the facts those replaced, past[0..npast)
 * (owned), read from st for user only when first needed (past_of; rc: how it went). */
typedef struct said {
    const store_turn_t *t;
    size_t nt;
    const facts_t *f;
    const char *const *names;
    store_t *st;
    const char *user;
    int read, rc;
    store_memory_t *past;
    size_t npast;
} said_t;

/* ---- words (quote_words.c) ---- */

/* The words of text[0..len) into w[0..max), parts counted from 0; returns how many. */
int quote_words(const char *text, size_t len, word_t *w, int max);
/* 1 when w names a kind of person or pet ("sister", "mum", "kids", "dog"). */
int quote_kin_word(const word_t *w);
/* 1 when w is h: the same stem, or the same holder key ("mum" and "mother"). */
int quote_same_word(const word_t *w, const word_t *h);
/* 1 when w is one of names (NULL-terminated, may be NULL). */
int quote_is_name(const char *const *names, const char *w);
/* 1 when w is a word a question or a request to forget is about (no function word). */
int quote_content_word(const word_t *w);
/* What kind of value w may be: 1 a number, 0 a word. */
int quote_kind_of_value(const word_t *w);
/* The day of the week (1-7) or month (101-112) w names, else 0. */
int quote_when_word(const word_t *w);
/* 1 when w may be a name: written with a capital, not "I", no kin or function word. */
int quote_name_like(const word_t *w);
/* 1 when w is a number of at most three digits or a number word ("seven"). */
int quote_number_word(const word_t *w);
/* The shape of a value w may be that a newer message can tell in its place: 1 a number,
 * 2 a day or month, 3 a word with a capital not first in its sentence, else 0. */
int quote_value_shape(const word_t *w, int first);

/* ---- sentences and requests to forget (quote_words.c) ---- */

/* The next sentence of text from *at: its start and length into *from and *len, and
 * whether it asks (ends with a question mark, or opens with a question word and a verb
 * that asks: "where does she live now"); 0 at the end. quote_next_sentence passes over a
 * sentence whose start a request to forget took (its tail is never quoted); _any gives
 * every one (forgetting more of it). */
int quote_next_sentence(const char *text, size_t *at, size_t *from, size_t *len, int *asks);
int quote_next_sentence_any(const char *text, size_t *at, size_t *from, size_t *len, int *asks);
/* 1 when the words w[0..n) ask to forget ("forget ...", "don't keep ..."). */
int quote_asks_to_forget(const word_t *w, int n);
/* 1 when a word of s[0..ns) is one h hides (the same root). */
int quote_is_hidden(const hidden_t *h, const word_t *s, int ns);
/* Adds to h what the request to forget s[0..ns) hides: the words it names (and the
 * words that tell of a topic it names), or, naming none or saying "forget that", the
 * message told before it (h->next). */
void quote_hide_words(hidden_t *h, const word_t *s, int ns);
/* 1 when w is a word a request to forget names (a content word, not "forget", "keep",
 * "please", "bit" ...). */
int quote_named_word(const word_t *w);
/* 1 when the lower-case text low may hold a request to forget (a first look). */
int quote_may_forget(const char *low);
/* 1 when s[0..n) denies or ends something ("I don't eat meat", "we sold the van"). */
int quote_denies(const word_t *s, int n);
/* The same, but a denial a word of cause stands between and a word held after it
 * (held[i] 1 for the words a question asks of) does not deny them: "I don't jog
 * because of my asthma" bears out "do I have asthma?". */
int quote_denies_held(const word_t *s, int n, const unsigned char *held);
/* 1 when s[0..ns) tells a change or a correction ("we left Leeds", "I meant Lena"). */
int quote_changes(const word_t *s, int ns);
/* 1 when s[0..ns) says a plan or a value changed: quote_changes or a word of calling
 * off ("we're skipping Ghent"). */
int quote_called_off(const word_t *s, int ns);
/* 1 when text may hold a sentence quote_called_off takes (a first look, by its bytes). */
int quote_may_change(const char *text);
/* Extends the sentence of text at from (*len bytes) over the next one when that one
 * only goes on with it ("... It's 14 now!"); s is scratch, NULL for a yes/no question. */
void quote_goes_on(const char *text, size_t from, size_t *len, word_t *s);

/* Extends the sentence of text at *from (*len bytes) back over the one before it in its
 * message when it opens with a pronoun ("He keeps the books" of "Co-owner is Ottmar. He
 * keeps the books"), which says whom it means; s is scratch. */
void quote_goes_back(const char *text, size_t *from, size_t *len, word_t *s);

/* ---- what changed since (quote_newer.c) ---- */

/* What a question asks for (quote_span_asks), or QUOTE_ASKS_AMOUNT for one of how long,
 * how old, how far, how often or what year. */
int quote_asks_for_value(const char *question);
/* 1 when a question asks what holds now ("which gym do I use nowadays?"). */
int quote_asks_now(const char *question);
/* The time (ms) of the newest of the user's messages read that holds fact's sentence
 * (one before the oldest read when there are QUOTE_NEWER_TURNS and none does) into
 * *since: 1, or 0 when no message read holds it. */
int quote_fact_since(const said_t *said, const store_memory_t *fact, int64_t *since);
/* How many of what the question a counts ("how many cats ...?") the user has, by what
 * they told after since (ms), the newest first: a count told again (the number right
 * before the word, "so it's nine hens now"; in a message that tells of a change, a bare
 * number with a word of the result, "down to 19 now", or an ordinal, "our fourth child"),
 * plus what came or went after it ("one more tree", "sold 15 cows"); with none told
 * again, base (the count the answer gave, -1 for none) plus what came or went. A number
 * of what came or went is never the count ("sold 15 cows"), nor is an age ("I'm 35
 * now"). 1 with *now set and *bt, *bfrom, *blen at the sentence that says it (the
 * newest of what came or went, when any did), else 0. s is scratch. */
int quote_newer_count(const asked_t *a, const said_t *said, const hidden_t *hid, word_t *s,
                      int64_t since, long base, size_t *bt, size_t *bfrom, size_t *blen,
                      long *now);
/* A newer message that changes what the sentence at turn *bt (from *bfrom, *blen bytes)
 * told for wh-question a: 1 with *bt, *bfrom, *blen moved to it, else 0. s and o are
 * scratch. */
int quote_newer_said(const asked_t *a, int asks_for, int now, const said_t *said,
                     const hidden_t *hid, word_t *s, word_t *o, size_t *bt, size_t *bfrom,
                     size_t *blen);
/* 1 when the question's content words are all words of work ("what do I do for a
 * living?"). s is scratch. */
int quote_asks_work_only(const char *question, word_t *s);
/* The user's newest sentence that tells their work by what they do ("I mend nets for a
 * living"): 1 with *bt, *bfrom, *blen set, else 0. s is scratch. */
int quote_work_said(const said_t *said, const hidden_t *hid, word_t *s, size_t *bt,
                    size_t *bfrom, size_t *blen);

/* ---- quote_kin.c ---- */

/* A question of holder's job, age, home, work, school or name (rel) that nothing else
 * answered: the newest sentence of said that names holder ("self": the user; one of
 * theirs by kin word or name, or in the sentence before of the same message) and says a
 * value of that kind, into *bt, *bfrom, *blen (s: scratch of QUOTE_WORDS); 1 when found,
 * else 0. */
int quote_kin_said(const said_t *said, const hidden_t *hid, word_t *s, const char *holder,
                   int rel, size_t *bt, size_t *bfrom, size_t *blen);
/* ---- quote_which.c ---- */

/* Which one of the user's people or pets the sentence text[0..n) picks out for question
 * ("which horse is the grey one?" of "Bo is a bay and Kes is a grey":
 * "Kes"): the name into name (cap bytes, first letter a capital) and the part of the
 * sentence that tells it into part (pcap bytes); 1 when found, else 0 and name "" (a
 * sentence naming only one, a question that compares, a tie between parts). */
int quote_which(const char *question, const char *text, size_t n, char *name, size_t cap,
                char *part, size_t pcap);

/* ---- quote_who.c ---- */

/* A question of who does something ("who runs one of my food carts?", "who is doing
 * law?") that nothing else answered: the newest of the user's sentences whose part holds
 * the question's verb said of someone of theirs and the most of its other content words,
 * into *bt, *bfrom, *blen, and who does it by name into doer (cap bytes; "" when no name
 * is told: "my grandson" of a grandson never named) (s and q: scratch of QUOTE_WORDS); 1
 * when found, else 0 (also when the question asks no such thing: "who do I work for?",
 * "who is my boss?"). */
int quote_who_said(const said_t *said, const hidden_t *hid, word_t *s, word_t *q,
                   const char *question, size_t *bt, size_t *bfrom, size_t *blen, char *doer,
                   size_t cap);
/* The newest of the user's sentences told after since (or after fact's own message)
 * that says something changed of whom a asks about and of what it asks: 1 with *bt,
 * *bfrom, *blen set, else 0. s and o are scratch. */
int quote_newer_change(const asked_t *a, int rel, int asks_for, const said_t *said,
                       const hidden_t *hid, word_t *s, word_t *o, int64_t since,
                       const store_memory_t *fact, int now, size_t *bt, size_t *bfrom,
                       size_t *blen);

#endif

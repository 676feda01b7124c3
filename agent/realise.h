/* realise.h: the reply as a sentence, from what the turn decided: the act it answers,
 * the frame asked about or told, and the value found. Small and deterministic, with the
 * pronouns turned around ("my sister" -> "your sister", "I" -> "you"): the decisions
 * are made before (the model reads, the agent looks up); this only says them. */
#ifndef MNEMO_AGENT_REALISE_H
#define MNEMO_AGENT_REALISE_H

#include <stddef.h>

/* The relation key of how many of a group the user has ("we've got two kids": the
 * children's "number" is two), said "you have two children". */
#define REALISE_COUNT "number"
/* The name an answer gives the user among their people ("you are 39"; compare.h). */
#define REALISE_YOU "you"
/* The open relation of what one wants to become ("Anselm wants to be an electrician"),
 * said so. */
#define REALISE_WANTS_TO_BE "wants to be"

/* A frame as the realiser reads it (borrowed strings). */
typedef struct realise_frame {
    const char *holder;     /* "self", or what the fact is about: "sister", "dog" */
    int rel;                /* enum reader_rel (model/reader.h) */
    const char *relation;   /* the relation's words, for READER_REL_OPEN ("favourite colour") */
    const char *value;      /* "Odile", "New York"; NULL when not known */
} realise_frame_t;

/* Each writes one sentence into buf (truncated to len, always terminated) and returns
 * buf. */

/* "Your sister is called Odile." (several: "You work at Tesco, and you work in
 * Corby.") */
char *realise_fact(char *buf, size_t len, const realise_frame_t *f, int n);
/* Another's words as one sentence: the first letter a capital, the word "i" as "I", a
 * full stop unless it ends in punctuation ("i am fine thanks" -> "I am fine thanks."). */
char *realise_sentence(char *buf, size_t len, const char *text);
/* Another fact than the one asked, as all that is known: "All I know is that your
 * brother works in Cardiff." */
char *realise_only(char *buf, size_t len, const realise_frame_t *f);
/* "Got it: your sister is called Odile." (several: "Got it: A, and B.") */
char *realise_ack(char *buf, size_t len, const realise_frame_t *f, int n);
/* "Yes, your dog is called Rex." / "No, your dog is called Max." (known: what is stored;
 * NULL: a plain "No." with what was asked) */
char *realise_yesno(char *buf, size_t len, int yes, const realise_frame_t *asked,
                    const realise_frame_t *known);
/* reply (a NUL-terminated string, changed in place) with each sentence said once: a
 * sentence that repeats one before it word for word goes, with the space before it ("You
 * are from Da Nang. You are from Da Nang." is said once). A sentence ends at ".", "!" or
 * "?" before a space or the end, outside quotes. Returns reply. */
char *realise_once(char *reply);
/* "I don't know your sister's job yet." */
char *realise_unknown(char *buf, size_t len, const realise_frame_t *f);
/* "Done, I've forgotten your address." (f NULL: "Done, I've forgotten that.") */
char *realise_forgot(char *buf, size_t len, const realise_frame_t *f, int n);
/* "Here's what I know about you: your name is Ilse; you live in Ghent." (n = 0: "You
 * haven't told me anything about yourself yet.") */
char *realise_summary(char *buf, size_t len, const realise_frame_t *f, int n);
/* Ages compared: "Maud is older (95)." (of two), "Maisie is the oldest (12)." (of more),
 * "Ben is the middle one (9)." (older 2: the middle asked);
 * a yes/no question: "No, Oscar is 7 and Maisie is 12." (other NULL: not of two), "Yes,
 * Maisie is the oldest (12)." (other NULL, yes 1 or 0: one named against the rest; yes -1:
 * no yes/no question) */
char *realise_ages(char *buf, size_t len, const char *name, const char *age, int older, int of,
                   int yes, const char *other, const char *other_age);
/* One told by their place among the user's people: "Ana is your eldest grandchild."
 * (place: the holder told; yes -1: no yes/no question), "Yes, Ana is ...", "No, ...". */
char *realise_placed(char *buf, size_t len, const char *name, const char *place, int yes);
/* "You have 2 children: Ana and Luis." (verb "have"; what: the group's word,
 * names[0..n); one of them: "You have 1 child: Ana."), "You speak 3 languages: ..." */
char *realise_count(char *buf, size_t len, const char *verb, const char *what,
                    const char *const *names, int n);
/* Which of the user and one of theirs a question picked (of_us.h): "Nell, your
 * girlfriend.", "Your brother." (no name told), "You do." (holder NULL: the user). */
char *realise_one_of_us(char *buf, size_t len, const char *holder, const char *name);
/* Whom the user lives with: "You live with your boyfriend Dario and your mother."
 * (holders[0..n): kin or pet words; names[i] NULL when none was told) */
char *realise_lives_with(char *buf, size_t len, const char *const *holders,
                         const char *const *names, int n);
/* "Your children are called Ana and Luis." (what: the group's word, names[0..n)) */
char *realise_names(char *buf, size_t len, const char *what, const char *const *names,
                    int n);
/* The user's own words, text[0..n), quoted: `You told me: "the boat's a little blue dinghy".`;
 * as the answer to a yes/no question, with verdict 1 when they bear it out (`Yes, you told
 * me: "...".`), -1 when they tell another value (`No, you told me: "...".`), 0 neither. */
char *realise_quote(char *buf, size_t len, const char *text, size_t n, int verdict);
/* The value a quote gives (value: "Tuesday", "6"), then the quote: `Tuesday. You told me:
 * "On Tuesdays we sing at the chapel".` */
char *realise_quote_value(char *buf, size_t len, const char *value, const char *text, size_t n);
/* A request mnemo cannot do. */
char *realise_unable(char *buf, size_t len);

/* 1 when word is a plural that ends in "s" ("cats", "brothers"; not "boss", "bus"):
 * its possessive is "cats'". */
int realise_plural_s(const char *word);
/* 1 when word is a noun of a place of work ("shop", "warehouse", "clinic"): "a flower
 * shop" is one value, said with its article. */
int realise_place_noun(const char *word);
/* 1 when a holder key names several people or animals: a plural in s, or "children",
 * "kids", "parents", "family", "people" (the verbs agree: "your children are called";
 * the plan's rule of plural holders, facts.c). */
int realise_plural(const char *holder);

#endif

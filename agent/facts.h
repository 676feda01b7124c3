/* facts.h: the user's current facts as a turn's plan reads them (respond.h): the
 * memories with a frame (store_frames_list), looked up by holder + relation, by value,
 * by a holder's name, and compared the way people write values (without case, a
 * leading article or a possessive). Everything here only reads the list. */
#ifndef MNEMO_AGENT_FACTS_H
#define MNEMO_AGENT_FACTS_H

#include <stddef.h>
#include "agent/realise.h"
#include "agent/understand.h"
#include "store/store.h"

/* The value of a fact that no longer holds ("we sold the car", "I don't work at Bosch
 * anymore"): its memory supersedes the old one and answers "no" and "don't know". */
#define FACTS_ENDED "-"

/* The user's current facts, oldest first; owned by whoever filled it
 * (store_frames_list, freed with store_memories_free). */
typedef struct facts {
    store_memory_t *v;
    size_t n;
} facts_t;

/* 1 when relation class rel (of key relation, NULL when not known) of holder holds
 * several values at once (likes, dislikes, hobbies, languages, allergies, health
 * conditions, things owned; names of a plural holder: "my kids"). */
int facts_multi_valued(int rel, const char *relation, const char *holder);
/* Equality without case or accents ("Gdansk" = "Gdańsk"), ignoring a leading article
 * ("a nurse" = "Nurse"); of names, ignoring a possessive ("Rory's" = "rory"); of a number
 * or a date, in other words ("six" = "6", "the 7th of April" = "April 7"). 0 when a value
 * is NULL. */
int facts_same_value(const char *a, const char *b);
int facts_same_name(const char *a, const char *b);
/* Equality of holder keys, without case (a person keyed by name is "Kwame"; a question
 * reads "kwame") or spaces (older keys spelt CJK words "弟 弟"); "fiance" and "fiancee"
 * are one, and a young animal is its kind ("kitten" and "cat", "puppy" and "dog"). 0
 * when a key is NULL. */
int facts_same_holder(const char *a, const char *b);
/* The animal a group of animals kept is of, into out (len bytes): "beagles" and "dogs"
 * are "dog", "kittens" is "cat", "puppies" "dog"; "" for any other key. Returns out. */
const char *facts_group_animal(const char *key, char *out, size_t len);
/* Equality of relation keys word by word on their stems, without case: an open relation
 * told with another form of its verb is the same ("I'm studying law", "what do I study?";
 * "supports", "support"). 0 when a key is NULL. */
int facts_same_relation(const char *a, const char *b);
/* 1 when needle occurs in hay as whole words, without case (0 for an empty needle). */
int facts_has_words(const char *hay, const char *needle);
/* Where needle first occurs in hay as whole words, without case; NULL when it does not
 * (or is empty). Points into hay. */
const char *facts_words_at(const char *hay, const char *needle);
/* The relation class of a stored relation key (READER_REL_OPEN when not a class name). */
int facts_rel_of(const char *key);
/* A memory's frame for realise.h (pointers into m). */
realise_frame_t facts_frame(const store_memory_t *m);

/* "what job does my brother have?" with only a twin brother told of: a kin word of one word
 * with no facts of its own asks the one holder whose key ends in it ("twin brother",
 * "older sister"), when there is exactly one; u's holder becomes that key. */
void facts_resolve_kin_of_kind(const facts_t *f, understood_t *u);

/* The newest current fact of holder + relation (any relation when NULL) whose value
 * still holds, or NULL; *ended (may be NULL) says whether an end came first (of a
 * relation that holds several values an end ends one, and an older value is found). */
const store_memory_t *facts_find(const facts_t *f, const char *holder, const char *relation,
                                 int *ended);
/* The newest fact whose value is v, or NULL. */
const store_memory_t *facts_by_value(const facts_t *f, const char *v);
/* The newest current fact whose value is spelt almost as v, a slip being corrected
 * ("Zac" of "Zach", "Lena" of "Lina", "peekapoo" of "pomapoo"): at most 1 edit for
 * values under 4 bytes, 2 under 7, else 3, without case; never v itself, a number
 * only for a number, and a name written with a capital never by v in small letters.
 * NULL when none. */
const store_memory_t *facts_by_spelling(const facts_t *f, const char *v);
/* 1 when a and b are one value typed with a slip: words of 6 letters or more with the
 * same first letter, one edit apart (two from 10 letters), no digits ("hairdreser" and
 * "hairdresser"); else 0. */
int facts_spelt_nearly(const char *a, const char *b);
/* The newest current favourite of holder ("favourite food": UNDERSTAND_FAVOURITE ...),
 * or NULL. */
const store_memory_t *facts_favourite(const facts_t *f, const char *holder);
/* 1 when a relation key is a favourite's. */
int facts_is_favourite(const char *relation);
/* The first word of text that names a kind of vehicle ("car", "van"), or NULL. */
const char *facts_vehicle_word(const char *text);
/* The name of holder (its NAME fact's value), or NULL. */
const char *facts_name_of(const facts_t *f, const char *holder);

/* The holder's current job named for verb ("weave": "basket weaver", "build": "boat
 * builder", "bake": "bread baker"), or NULL. */
const store_memory_t *facts_job_of_verb(const facts_t *f, const char *holder, const char *verb);
/* The stored key an open relation told in fewer words means ("my favourite is paella"
 * after "my favourite food is risotto"), else u's own; points into f or u. */
const char *facts_open_key(const facts_t *f, const understood_t *u);
/* A holder that is the name of someone of the user's ("Gavin is a joiner" after "my
 * brother's called Gavin") becomes that someone, and u personal; text is u's clause. So
 * does a name a form told a fact of ("Gavin got promoted to foreman"), and a question's
 * holder that a fact's text says right after the word for whom the fact is of ("my lad
 * jurgis ..."), though no fact holds the name. */
void facts_resolve_holder(const facts_t *f, const char *text, understood_t *u);
/* An animal word no fact has ("what's my dog called?") is the one holder of the user's
 * that is a kind of it (kinds.h: "a beagle called Pretzel" keyed "beagle", or spelt
 * nearly: "dalmation"), and u personal; with none or two such holders, u stays. A breed
 * no fact has ("my lurcher") is the animal whose kind it is told to be, and a word no
 * fact has the one holder whose word ends with it ("my boat" of a sailboat). */
void facts_resolve_kind(const facts_t *f, understood_t *u);
/* A question that names one of the user's by the kind told of them ("what age is
 * my lurcher?" of "Ned the lurcher is 6", "is my tabby 4?") asks that one: u's
 * holder becomes theirs, and u personal; text is u's clause. With none or two of that
 * kind, u stays. */
void facts_resolve_by_kind_said(const facts_t *f, const char *text, understood_t *u);
/* A holder still a pronoun ("he works as a welder" after "my uncle Bob lives in Derry")
 * is whom the newest fact is about, when that is someone of the user's who can be
 * called so (not a kin word of the other sex); else u stays as it is. */
void facts_resolve_pronoun(const facts_t *f, understood_t *u);
/* A holder no fact has whose words begin one of the user's open relations ("forget my
 * phone number" read as the phone's number, after "my phone number is ..."): the words
 * are the relation's, and the holder the user. */
void facts_resolve_relation_words(const facts_t *f, understood_t *u);
/* The same with the names told before u in the same message (told[0..n): a name fact's
 * value, or a name told in passing: "my brothers are Kwame and Tunde. Kwame's a pilot"). */
void facts_resolve_told(const understood_t *told, int n, const char *text, understood_t *u);

/* 1 when m is a current fact of someone of the user's (not the user's own, not a name)
 * with value ("Leeds", or a value that holds it), or of someone keyed by value itself
 * ("my spaniel Toffee": which of my pets is the spaniel?). */
int facts_holds(const store_memory_t *m, const char *value);
/* 1 when someone of the user's holds value: "who lives in Leeds?" is then about the
 * user's people, not a story's. */
int facts_held(const facts_t *f, const char *value);

#endif

/* understand_mend.h: private to agent/: the mends of the units a clause was read into
 * (understand_mend.c), called by understand.c once the reader's spans are units, and of
 * a message's units once all its clauses are. Each takes the units out[0..k) of one
 * clause (u[0..n) of a message) and mends them in place; one that takes max may add
 * units up to it. Those that return an int return how many units there are after;
 * those that drop every unit of a clause as no fact leave it one unit of small talk,
 * where said so. words[0..n) are the clause's words as the reader read them, caps[0..n)
 * whether each was written with a capital, [c, c + cn) the clause as written. None
 * allocates, keeps a pointer or fails. */
#ifndef MNEMO_AGENT_UNDERSTAND_MEND_H
#define MNEMO_AGENT_UNDERSTAND_MEND_H

#include <stddef.h>
#include "agent/understood.h"

/* Of any act. */

/* A holder of several words that end in an animal kept, a kind of one ("a sphynx
 * cat") or a group one is in ("a covers band") is that last word; in a fact (act), the words before a kept animal are added as
 * its kind, once. Returns the units. */
int understand_mend_kind_in_holder(int act, understood_t *out, int k, int max);
/* In a clause with no word of work: in a fact (act) of studying, what one studies read
 * as a job, a workplace or a pastime is the open relation "study" and a firm or a place
 * after "at" (or a capitalised place after "in" beside what is studied) the school; a question of going, with a word for a school, asks for it. */
void understand_mend_studies(const char *const *words, int n, int act, understood_t *out,
                             int k);

/* Of questions. */

/* "what line of work am I in?" (read as of a "line"): the user's job asked. */
void understand_mend_line_of_work(const char *const *words, int n, understood_t *out, int k);

/* "who am I dating?": every unit asks the partner's name. */
void understand_mend_dating_asked(const char *const *words, int n, understood_t *out, int k);
/* "which car did we buy": "I" or "we" after an auxiliary makes every unit the user's
 * (personal). */
void understand_mend_asked_of_mine(const char *const *words, int n, understood_t *out, int k);
/* "do I have a daughter?": whether the user has a kin or an animal, as one yes/no
 * question of what they own in out[0]. Returns 1 then, else k. */
int understand_mend_have_asked(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k);

/* Of facts. */

/* "finished it in 9 minutes", "ran 5 km": a number read as an age with a unit of measure
 * after it (forms_unit) is none, nor is a time after "in" or "for" ("in 20 years"); a
 * count of kin or animals ("5 nephews now") is how many of them there are, and one of
 * other things ("60 french verbs") is none, nor is a year at school ("in Form 4"). A
 * clause left with nothing is small talk.
 * Returns the units left. */
int understand_mend_age_not_measure(const char *const *words, int n, understood_t *out, int k);

/* "half the team is on a [diet]", "we ate lunch out on the [deck]": a value that is
 * the word of its own relation, or a kind after "the" or a word of where, is none; a
 * clause left with nothing is small talk. Returns the units left. */
int understand_mend_no_value(const char *const *words, int n, understood_t *out, int k);

/* "I'm Aoife, 38", "my grandson Alfie, he's 5": a name after "I'm" or after the holder's
 * word, read as an open relation of a number, makes the number the holder's age and adds
 * the name as theirs. Returns the units. */
int understand_mend_name_read_as_relation(const char *c, size_t cn, const char *const *words,
                                          const unsigned char *caps, int n, understood_t *out,
                                          int k, int max);
/* "Joanne, 33, from Cork" opening a message: the units are the user's, a number alone
 * their age, and the name is added as theirs. Returns the units. */
int understand_mend_intro_by_name(const char *c, size_t cn, const char *const *words,
                                  const unsigned char *caps, int n, understood_t *out, int k,
                                  int max);
/* Of two names of one holder, one before "called" or "named" goes. Returns the units
 * left. */
int understand_mend_name_after_calling(const char *c, size_t cn, understood_t *out, int k);
/* "Tom and Wren": a capitalised word after a name and "and", held by no unit, is added
 * as a second name of that holder. Returns the units. */
int understand_mend_names_listed(const char *c, size_t cn, const char *const *words,
                                 const unsigned char *caps, int n, understood_t *out, int k,
                                 int max);
/* Beside a capitalised name of a holder, a name of it in lower case goes, and so does a
 * kind of one word said without an article. Returns the units left. */
int understand_mend_names_in_capitals(const char *const *words, int n, understood_t *out,
                                      int k);
/* After "who" behind a name of someone's, the user's units but names are that
 * someone's. */
void understand_mend_who_is(const char *const *words, int n, understood_t *out, int k);
/* A value of the user's after "she's" or "he's" is that pronoun's, and a kind of
 * person said so a job. */
void understand_mend_pronoun_before_value(const char *const *words, int n, understood_t *out,
                                          int k);
/* With no word of birth, a month read as a birthday goes (a name told in passing stays
 * as the name); small talk when none is left. Returns the units left. */
int understand_mend_month_not_birthday(const char *const *words, int n, understood_t *out,
                                       int k);
/* A place and the country after it, two values of one relation, are one ("Kraków,
 * Poland"). Returns the units left. */
int understand_mend_place_and_country(const char *c, size_t cn, understood_t *out, int k);
/* A kind of place ("a small hamlet outside Evora": "hamlet") beside a named place of the
 * same holder and relation in one clause goes: the name says where (and is where one
 * grew up when the kind was read so and the name as another place). Returns the units
 * left. */
int understand_mend_place_named(understood_t *out, int k);
/* Two kinds read of one pet in a clause ("dog: rolo, whippet, 4"), one a known kind
 * (kinds.h) and the other one word that is none: that one is its name, when no name was
 * read. Returns the units left. */
int understand_mend_kind_and_name(understood_t *out, int k);
/* "me and my niece live in sintra", "home is arica, with my husband": the home of a clause
 * that begins so is the user's (a kin's name told in passing stays theirs, the home told
 * of the user too). Returns the units (at most max). */
int understand_mend_home_of_us(const char *const *words, int n, understood_t *out, int k,
                               int max);

/* "i live in harlow though, is quieter" read with the home "quieter": the words right
 * after "live in" (or "work at", "based in", "from"), up to three to a small word, are
 * the place when the reader's value comes after a comma that follows them. */
void understand_mend_place_before_comma(const char *c, size_t cn, const char *const *words,
                                        int n, understood_t *out, int k);
/* "Ilse, my eldest niece, just started uni": a name with a capital set off before "my"
 * and a word of kin (past "only", "little" ...) is that one's: the user's units are
 * theirs (a job read of the kin word goes). Returns the units. */
int understand_mend_name_then_whose(const char *c, size_t cn, const char *const *words, int n,
                                    understood_t *out, int k);
/* "I drive a cab in Leeds", "a chef at a cafe named Olive": with a job
 * of the user's and no place of theirs read, a name with a capital ending the clause
 * after "in" is the town worked in, one after "a place (a shop, a business) called" the
 * place worked at (not a language; not a value read already; at most max units).
 * Returns the units. */
int understand_mend_work_town(const char *c, size_t cn, const char *const *words,
                              const unsigned char *caps, int n, understood_t *out, int k,
                              int max);
/* "we've a dog, Bran, big softie, nine years old": a number and "years old"
 * in a clause naming a pet, with no age read, is the pet's age (at most max units).
 * Returns the units. */
int understand_mend_pet_years_old(const char *const *words, int n, understood_t *out, int k,
                                  int max);
/* "my baby Zola is 16": a clause that opens with "my baby" (or "our baby") and a name
 * tells of the youngest child, not of the user. */
void understand_mend_baby_named(const char *const *words, int n, understood_t *out, int k);
/* "i'm ines, 30, welder, faro": the last of a list of three or more, after commas, that
 * the user names or ages themselves in (one or two words, no kind of person, nothing
 * read of it) is where they live, when the clause tells no place of theirs (at most max
 * units). Returns the units. */
int understand_mend_intro_place(const char *c, size_t cn, understood_t *out, int k, int max);
/* "been fixing boilers for 20 years", "i've been teaching piano for ages": what the
 * user has been doing for years (an -ing word and one or two words before "for" and a
 * span of years) is their job, in place of units read off its words; not of someone
 * named before it (at most max units). Returns the units. */
int understand_mend_years_doing(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k, int max);
/* "I'm from a small village near Tartu" read as the hometown "village": a home or hometown
 * read as a kind of place is the name with a capital right after the kind and "near",
 * "outside", "by", "of" or "close to" (up to three words); a job read off those words
 * ("hamlet near Tartu") goes. Returns the units left. */
int understand_mend_place_near(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k);
/* "moved to Leeds from Accra" read with the home alone: the place (a word with a
 * capital, or up to three words from a writer who types places small) right after
 * "from" in a clause that tells of moving is where one is from, beside the home, when the
 * clause tells no hometown (at most max units). Returns the units. */
int understand_mend_moved_from(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k, int max);
/* "working in doha 4 yrs now, from madurai originally" read with the hometown doha: a
 * hometown not said after "from" is the words after "from" (up to three, to a small
 * word or "originally"), when the clause says "from" before a word. */
void understand_mend_hometown_from(const char *c, size_t cn, const char *const *words, int n,
                                   understood_t *out, int k);
/* With no word of living, a home after "outside", "than" or "like" goes, and so does
 * every home where "like" comes before the word of living ("it was like living in a
 * film"); small talk when none is left. Returns the units left. */
int understand_mend_home_not_lived(const char *const *words, int n, understood_t *out, int k);
/* A holder's jobs that end in no kind of person go when one of its jobs does. Returns
 * the units left. */
int understand_mend_jobs_of_people(understood_t *out, int k);
/* Of a clause that names no subject (the caller has seen none): with no word of work, a
 * job goes unless it ends in a kind of person not brought in by "by"; small talk when
 * none is left. Returns the units left. */
int understand_mend_bare_jobs(const char *const *words, int n, understood_t *out, int k);
/* "porter on the Oban ferry", "cleaner at the Infirmary": a clause with no subject (and
 * no job read) that opens, after greetings, with a kind of person of four letters or more
 * and "at", "on", "in", "for", "with", "from" or "by" tells the user's job, put first
 * (at most max units); a unit read off the next few words that is no place or work goes.
 * Returns the units. */
int understand_mend_job_opening(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k, int max);
/* "I'm Tom, tree surgeon up Leeds way": the words after "I'm", a name and a comma, up to
 * a kind of person (at most three, in small letters, "a" or "an" before them) that ends
 * them or comes before "at", "in", "up" ..., are the user's job, put first as
 * understand_mend_job_opening puts it. Returns the units. */
int understand_mend_job_after_name(const char *c, size_t cn, const char *const *words,
                                   const unsigned char *caps, int n, understood_t *out, int k,
                                   int max);

/* Of a message's units u[0..n), every clause read. */

/* A holder that is only a pronoun becomes the nearest earlier holder of the user's, or
 * the animal the user was told to have; with neither, the kin or pet the message (msg)
 * names after "my" or "our" before it. */
void understand_mend_pronoun_holders(const char *msg, understood_t *u, int n);
/* Small talk that gives someone of the user's a job that is a kind of person is a
 * fact. */
void understand_mend_jobs_said_of_them(understood_t *u, int n);

/* "im bea, 19, marine bio student": facts of a holder that is the name the user gives
 * themselves in the message are the user's; one the user is told to have already is
 * dropped. Returns the units left in u. */
int understand_mend_self_named(understood_t *u, int n);

/* "from Carlow originally but in Athlone since 2015" read as where the user works: said
 * against where one is from or since when ("from", "since", "now"), with no word of
 * working in the clause and no job or firm of the user's read in it, the place is the
 * user's home. */
void understand_mend_place_not_work(const char *const *words, int n, understood_t *out, int k);

/* "my husband Joe and I live in Dover", "husband Piotr runs the cafe with me": a name
 * right after the kin word(s) that begin the clause ("my" before them or not), before "and
 * I" (or "and me") or a verb said of them, or right before "(my" and kin word(s)
 * anywhere in the clause ("..., ravi (my partner) was ...", "tomek (hubby) is ..."), or
 * first and right before "my" and kin word(s) ("dara my sister lives ..."), is the kin's: a fact of its
 * own unless one tells it; the reader's units that took the name for another value of theirs are dropped
 * and its name told in passing of another cleared. Of any act but questions. Returns the
 * units (at most max). */
int understand_mend_kin_named_first(const char *c, size_t cn, const char *const *words,
                                     const unsigned char *caps, int n, understood_t *out, int k,
                                     int max);

/* "I live in Lombok with my girlfriend Saskia": one name with a capital right after
 * "with my" (or "with me", "with our") and kin word(s), the clause's end or a word in
 * small letters after it, is the kin's, when the reader read no name of theirs (as
 * understand_mend_kin_named_first keeps it). Returns the units (at most max). */
int understand_mend_kin_named_with(const char *c, size_t cn, const char *const *words,
                                   const unsigned char *caps, int n, understood_t *out, int k,
                                   int max);

/* "my climbing partner is Bram", "my squash buddy": one with whom the user does a
 * pastime (a word in "-ing" or a sport right after "my") is held by that pastime and the
 * word ("climbing partner"), not the user's partner; "who is my climbing partner?" asks
 * that one's name (not the user's pastime). */
void understand_mend_pastime_partner(const char *const *words, int n, understood_t *out, int k);

/* "i keep a little narrowboat called Heron": a name the reader gave the user, right
 * after "called" or "named" and a noun with "a", "the", "my" ... before it, is that
 * thing's. */
void understand_mend_thing_called(const char *const *words, int n, understood_t *out, int k);

/* "I play drums in a punk band", "she sings in a gospel choir": a place read in the word
 * before a group one belongs to (understand_group_words) is no place. Returns the units
 * left. */
int understand_mend_group_not_place(const char *const *words, int n, understood_t *out, int k);

/* "Zofia here, baker at a cafe": a firm typed small that is a kind of person
 * (kinds_person: "baker", "pastry chef") is a job; one said with "the" is a place of
 * work ("the maternity ward"). */
void understand_mend_job_read_as_firm(understood_t *out, int k);

/* What the user does at a time that comes round ("on sundays i go for a swim", "weekends
 * I go fishing", "what do I do on fridays?"): with a habitual time ("weekends", "on
 * saturdays", "every morning") and no word of working but "before work" or "after work",
 * the user's job, open relation without a key or of going ("go for"), school gone to ("i
 * go for a swim") or "what do I do" asked is a pastime (READER_REL_HOBBY), and with "play"
 * or "go" a firm or a place of work typed small goes ("with a group"). Returns the units
 * left. */
int understand_mend_pastime(const char *const *words, int n, int act, understood_t *out, int k);

/* "hey im dario 15 from Bari" read as the name "dario 15": a name that ends in a number
 * of one or two digits is the name before it and an age of the same holder (added, at
 * most max). Returns the units. */
int understand_mend_name_and_age(understood_t *out, int k, int max);

/* "ahoj!", "salut.", "good morning all": a clause of greetings alone
 * (understand_greetings and the words said with them) tells nothing: small talk; and a
 * greeting read as a holder ("bonjour, odile here") is the user, and so is a word one
 * calls the listener before "I" ("bro i'm a nurse"), one first in a value
 * ("[hola marta]", "[holaa 💕 tattoo artist]") goes, and a value of greetings alone
 * ("kia ora" read as a firm) goes with its unit. Returns the units left. */
int understand_mend_greeting(const char *const *words, int n, understood_t *out, int k);

/* "my brother Tom is a plumber" read with the job as a name: a name typed small after
 * "a", "an", "am" or "I'm" that is a kind of person (kinds_person) is a job, and so is
 * the user's before "here" ("podiatrist here"), and a hobby or a like of the user's so
 * said ("I'm a plumber in Cardiff" read as a like). */
void understand_mend_job_read_as_name(const char *const *words, int n, understood_t *out, int k);

/* "my wife is a teacher at Oakwood Primary" read with the job as the holder: a holder
 * that is a kind of person (kinds_person, no kin word) said as "my <kin> is a <job>"
 * is that kin's, and the job a unit of theirs (added unless one tells it, at most max);
 * one that opens the clause ("midwife at the Rosie in Cambridge") is the user's job.
 * Returns the units. */
int understand_mend_job_as_holder(const char *c, size_t cn, const char *const *words, int n,
                                  understood_t *out, int k, int max);

/* "been there since May": a firm or a place of work that is a month alone goes. Returns
 * the units left. */
int understand_mend_month_not_firm(understood_t *out, int k);

/* "midwife at Rosie Hospital in Cambridge": the capitalised words (one to three, up to
 * "in", a comma or a word typed small) right after "at", or right after "with the", "for
 * the" or "on the" that follow the job (after "on the" one word typed small more: "purser
 * on the Solent hovercraft"), in a clause that tells someone's job are the firm they
 * work at, when the reader read no firm of theirs: a unit of where they work that holds
 * those words becomes the firm, else one is added (at most max). Returns the units. */
/* "I work at a sawmill in Boise", "an accountant at a shipping firm in Accra" read as
 * the town alone (and the firm as no value, or one the clause's words do not cue): the
 * place worked at ("at a" or "at an" after a verb of work or the job read, past words of
 * when: "working weekends at a garden centre"; one or two words, then "in", "on", "by" ... or
 * the clause's end) is the user's employer beside the town. Returns the units left. */
int understand_mend_firm_before_town(const char *c, size_t cn, const char *const *words,
                                     int n, understood_t *out, int k, int max);
/* "a frontend dev at a small agency in Lagos", "barista at the Blue Door in Delft" read
 * with the place worked at alone: the town after it (one to three words after "in", to
 * a mark or a word that goes on: "with", "and", "since") is said with it ("a small agency
 * in Lagos"), so that where the user is based is known; not when a unit read the town as
 * its value already, nor a word no place is ("in training"). Each unit's clause is read
 * in msg; called by respond.c once the checks settled the message's units. */
void understand_mend_town_of_work(const char *msg, understood_t *out, int k);
int understand_mend_firm_after_job(const char *c, size_t cn, const char *const *words,
                                   const unsigned char *caps, int n, understood_t *out,
                                   int k, int max);

/* "crazy about horses" read as an allergy: what one is crazy, mad or obsessed about or
 * with is a like. */
void understand_mend_crazy_about(const char *const *words, int n, understood_t *out, int k);

/* "son finn is 6, mad about dinosaurs" read with no age: a number after "is" that a
 * kin word comes before, with a name between at most, is that kin's age, when the reader
 * read none of theirs (at most max units). Returns the units. */
int understand_mend_kin_aged(const char *const *words, int n, understood_t *out, int k, int max);

/* "living in york, driving a rusty little fiat panda" read with the car as a home: a
 * value right after "driving a" or "rides a" (up to two words between) is a thing the
 * one who drives it has. */
void understand_mend_driven(const char *const *words, int n, understood_t *out, int k);

/* "my wife amina packs me roti canai", "a donkey, pepe, he's old" read with two or
 * three names: one of the user's (a kin word or a pet, not a group) has one name in a
 * clause, the first; a later one typed small goes. Returns the units left. */
int understand_mend_one_name(understood_t *out, int k);

/* "my pup is a miniature schnauzer named Pickle" read as two kinds: a kind of one word
 * right after "named" or "called" is a name. */
void understand_mend_kind_named(const char *const *words, int n, understood_t *out, int k);

/* "a lurcher called Pip currently chewing Moby Dick" read with the name "Moby
 * Dick": an animal's name is the word with a capital right after "called" or "named"
 * (and those with capitals after it), when the clause has one such and the name read is
 * none of it. */
void understand_mend_pet_called(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k);

/* "im a sous chef at a bistro in lille": the user's job told with "in" and one to
 * three words that end the clause (not "in training", "in summer") tells where they
 * work, when the clause told no workplace or home (at most max units). Returns the
 * units. */
int understand_mend_job_town(const char *c, size_t cn, const char *const *words, int n,
                             understood_t *out, int k, int max);

/* "she's a dentist", "he is a paramedic": a clause that opens so, with a kind of person
 * of one or two words (kinds_person), tells the job of whom the pronoun means
 * (understand_mend_pronoun_holders), whatever the reader took it for, unless it read a
 * job. Returns the units. */
int understand_mend_job_of_pronoun(const char *c, size_t cn, const char *const *words, int n,
                                   understood_t *out, int k);

/* "starting at a shoe repair shop on monday", "i work at a tyre and exhaust garage": a
 * place of business of two words or more (to a word of understand_business_words) after
 * "start(ed) at", "work at|in" or a job ("cook at a tiny diner") is where the user
 * works (whom they work for when it is a name: "at the Kestrel Hospital"), whatever the reader
 * read (a piece of it, or chat); not when a kin word, a pronoun or a name comes before
 * ("Priya and Sam work at ..."). Returns the units (at most max). */
int understand_mend_started_at(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k, int max);

/* "i fix boats", "I restore violins for a living": what the user does for a trade, said
 * with a verb of making or mending and the things it is done to (more than one, or "for a
 * living"), is their job said as the doer ("truck painter"), where the reader read no
 * job; not "for fun" or "on weekends". Returns the units (at most max). */
int understand_mend_trade_verb(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k, int max);

/* "plumber.", "a nurse", "IT service manager": a clause of a kind of person alone (one
 * or two words, three when the reader read no value in them; "a" before them at most;
 * kinds_person, but no kin word nor "a little girl") is the user's job, whatever the
 * reader read; not a note ("job: welder", which the reader reads). "in" or "at" and a
 * name with a capital after it ("Roofer in Tartu", "nurse at St Anne's") tell where the
 * user works too (a workplace; an employer after "at"). Returns the units (one or two,
 * at most max). */
int understand_mend_job_alone(const char *c, size_t cn, const char *const *words, int n,
                              understood_t *out, int k, int max);

/* "my dog is a whippet called Rufus", "a lurcher called Pepper": a holder the reader
 * took from the breed is the animal the clause calls "my dog" (kinds_animal), or in a
 * fact that tells one breed the dog or cat it is, with the breed as its kind in a
 * fact (once). Returns the units. */
int understand_mend_breed_as_holder(const char *c, size_t cn, const char *const *words, int n,
                                    int act, understood_t *out, int k, int max);

/* "he teaches sixth form" read as "sixth": an ordinal value ("sixth", "6th") before
 * "grade", "graders" or "form" is both words. */
void understand_mend_grade(const char *c, size_t cn, const char *const *words, int n,
                           understood_t *out, int k);

/* "my niece Greta's engaged to a guy called Tariq" read as the niece's name Tariq: a
 * name of someone of the user's read after "called" of another kind of person ("a lad",
 * "a guy") is that person's; the name with a capital right after the word of kin or pet
 * is theirs. */
void understand_mend_name_of_another(const char *c, size_t cn, const char *const *words,
                                     int n, understood_t *out, int k);

/* "my nephew Jean Paul works on the rigs" read as the name "Jean": a name of someone of
 * the user's (the value of a name, or the name told beside another value), right after
 * the word of kin or pet and followed by one more word written with a capital (not a
 * month, a day, a kind of person, a verb of people or a greeting; not a third one), is
 * both words; a value read in the second word goes (of its own unit: the name's unit
 * becomes the name). Returns the new count. */
int understand_mend_name_two_words(const char *c, size_t cn, const char *const *words, int n,
                                   understood_t *out, int k);

/* "I commute from Le Puy" read as the home town "Le": a place or firm of one word
 * written with a capital, followed in the clause by words written with a capital (not
 * "I"), is those words too, up to three in all ("Port Talbot", "Le Puy"); one in lower
 * case followed by "called" or "named" is the name after it ("a bakery called Crumbs"). */
void understand_mend_name_whole(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k);

/* A value that ends or starts where the clause's word goes on past a hyphen ("Min" of
 * "Min-jun", "Sophie" of "Anne-Sophie") is the whole hyphenated word. */
void understand_mend_hyphenated(const char *c, size_t cn, understood_t *out, int k);

/* "my tutor is professor Okafor" read as the job "Okafor": a job that is a word with a
 * capital right after a title is the holder's name, title and all ("Professor Okafor",
 * "Mrs Lund"). */
void understand_mend_titled_name(const char *c, size_t cn, const char *const *words, int n,
                                 understood_t *out, int k);

/* "I work nights in a warehouse by the docks as a forklift driver" read with the job
 * "docks", or none:
 * a kind of person (kinds_person) of one or two words after "as a" that a word of work
 * comes before is the user's job, in place of the one read, unless the reader read it as
 * someone else's ("my sister works as a nurse"). Returns the units. */
int understand_mend_job_as(const char *c, size_t cn, const char *const *words, int n,
                           understood_t *out, int k, int max);

/* "I'm a dog groomer" read as the job "dog", "Oona, bus driver" as "driver": a job of one
 * word is the words of the trade around it, a kind of person right after it (kinds_person:
 * "tech") and up to two words before it that are no word of function, of being or working,
 * or a name ("bus", "swim", "QA"). */
void understand_mend_job_whole(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k);

/* "a cocker spaniel" read as the kind "cocker": a kind of one word that begins a kind of
 * two or three words of the clause (kinds_animal) is that kind; any other (or a thing
 * had) after "a" ("a used") goes on through the words after it, two at most, to
 * punctuation or a small word ("a red kelpie", "a used honda jazz"). */
void understand_mend_kind_whole(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k);

#endif

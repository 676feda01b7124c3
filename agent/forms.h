/* forms.h: forms of everyday speech the reader (model/reader.h) does not mark, read by
 * their words into the units of one clause (understand.h). Private to agent/: called by
 * understand.c's read_clause, and forms_language by checks_fit.c, checks_cued.c and
 * respond.c. Each function that takes out[0..k) with room for max units returns how many
 * there are after it (it may fill a unit the reader left empty, replace the units it
 * reads otherwise, or add one); none allocates or fails. Those that take nread may replace
 * only the reader's own units, out[0..*nread), and keep *nread their count. */
#ifndef MNEMO_AGENT_FORMS_H
#define MNEMO_AGENT_FORMS_H

#include <stddef.h>
#include "agent/understood.h"

/* A fact of holder the clause's words say whatever the reader's act (act fact,
 * fact_min_p 0, personal), into *u (a copy of *clause): relation class rel, the relation
 * key and the value as written; no name or old value. */
void forms_told_unit(const understood_t *clause, int rel, const char *holder,
                     const char *relation, const char *value, understood_t *u);

/* The country of a nationality word ("Hungarian": Hungary), or NULL: "I'm Irish" tells where
 * one is from, not a name. The spelling of one word in another form, as a plural is of
 * its singular. */
const char *forms_country(const char *w);
/* 1 when w names a country ("Poland", "the Netherlands", "UK"), any case; else 0. */
int forms_is_country(const char *w);

/* 1 when w names a language ("Greek", "Mandarin"; any case): the nationality words
 * and the languages that are no nationality. */
int forms_language(const char *w);

/* "married to Ayesha", "I share my life with Tomas", "in a relationship with Kai", "I
 * have been with Tara for three years" (a name typed small too before "for", "since" or
 * a comma) name the user's spouse or partner, whatever the reader made of the words: the
 * capitalised word after those words is the name, a spouse's a husband's or a wife's by
 * the pronoun the clause speaks of them with ("she's a midwife"), else a partner's; the
 * units the reader gave "married" as their holder are the spouse's, and a unit that took
 * the name as some other value, another name of theirs, or years as an age, is dropped.
 * Returns the units left. */
int forms_married_to(const char *c, size_t cn, const char *const *words,
                     const unsigned char *caps, int n, understood_t *out, int k, int max);

/* "I live with my girlfriend Petra", "i live with my bf jon": the name after a kin or
 * pet word after "live with my" is theirs (the reader reads it as where one lives); a
 * unit of where one lives that holds the name is dropped. Returns the units. */
int forms_lives_with(const char *c, size_t cn, const char *const *words, int n,
                     understood_t *out, int k, int max);

/* "got me a used red Ford Fiesta", "bought a suzuki gn 125, black": a thing
 * the user got, after "a" and words of age, size or colour, of up to four words with a
 * capital, a number or a vehicle word, and ending the clause or before "from", "for" ...
 * (not someone else's: "my son bought a Golf"). Replaces the reader's units of those words,
 * of a colour and of owning with one OWNS unit of the user's. Returns the units. */
int forms_bought(const char *c, size_t cn, const char *const *words, const unsigned char *caps,
                 int n, const understood_t *clause, understood_t *out, int k, int max);

/* "I moved to hull last month, the commute is killing me", "moved from Leeds to Hull",
 * "moved up north to Athlone": the place after "moved ... to" (a name of up to three
 * capitalised words, or one word typed small) is the value of the reader's unit of where
 * one lives when that unit has none or took the way one moved ("west") for it; a second
 * such unit is dropped. With no such unit (the clause read as chat, "in May" as a
 * birthday), a capitalised place the user moved to ("I", "we" or nothing before the
 * verb) is a unit of its own in place of the reader's units without a value or of a
 * birthday, unless out already holds max. A home the user bought ("... and bought a
 * bungalow in Rye") is told so too, and the place the user moved to is the user's
 * whoever else the clause names ("closer to my in-laws"). Returns the units. */
int forms_moved_to(const char *c, size_t cn, const char *const *words,
                   const unsigned char *caps, int n, const understood_t *clause,
                   understood_t *out, int k, int max);

/* "I work from home as a designer": working from home tells where one works, a value
 * the reader leaves unmarked; a unit of its own for the clause's holder, unless one
 * already says where. Returns the units. */
int forms_works_from_home(const char *const *words, int n, understood_t *out, int k, int max);

/* "now hauling for Stobart", "I'm delivering for Yodel these days", "she's nursing at
 * Airedale now": a clause of only the speaker or a pronoun (or nothing), "now", a verb
 * in -ing of work and "for" or "at" a name with a capital tells whom one works for: the
 * speaker's (or the pronoun's, settled later) employer, in place of the reader's units.
 * Returns the units. */
int forms_working_for(const char *c, size_t cn, const char *const *words,
                      const unsigned char *caps, int n, const understood_t *clause,
                      understood_t *out, int k);

/* "We've got two kids", "so that's four kids now", "I have four sisters": how many of a
 * group the user has, a fact the reader does not mark (it reads the number as no
 * value: value_end). A unit of the group (REALISE_COUNT of "children", "sisters")
 * told by the user, in a clause that is no question and speaks in the first person or
 * says "that's" or "now" ("three cats now"); it fills a unit the reader left without a
 * value. A count of things said as about so many, with no verb ("..., about 12 hives in
 * the orchard"), is one too, but not of what is measured ("about 20 years"). Returns the
 * units. */
int forms_counted(const char *c, size_t cn, const char *const *words, int n,
                  const understood_t *clause, understood_t *out, int k, int max);

/* A unit a number is measured in: FORMS_UNIT_MEASURE ("km", "kg", "hours", "degrees"),
 * FORMS_UNIT_SPAN ("days", "weeks", "months": a time, also how old a baby is), or 0. */
enum { FORMS_UNIT_MEASURE = 1, FORMS_UNIT_SPAN = 2 };
int forms_unit(const char *w);

/* The user's measures, told in forms the reader does not mark: a height ("I'm 5 foot 9",
 * "I'm 5ft 4"), a size ("a size 7 shoe": shoe size), and a measure of something of
 * theirs ("my commute is about 35 minutes": commute, 35 minutes). Not in a question.
 * Returns the units. */
int forms_measures(const char *c, size_t cn, const char *const *words, int n,
                   const understood_t *clause, understood_t *out, int k, int *nread, int max);

/* "Hibs fan for life", "I'm a massive Celtic fan": the team the user supports,
 * the capitalised words right before "fan" or "supporter", or one word typed small
 * first in the clause or after "a", "massive" ... ("hibs fan"); or after "barrack for",
 * "root for", "cheer for", or inside "go ... go". Returns the units. */
int forms_fan_of(const char *c, size_t cn, const char *const *words, const unsigned char *caps,
                 int n, const understood_t *clause, understood_t *out, int k, int *nread,
                 int max);

/* Words of having a number of things follows ("we keep 40 hives", "now we have 9"):
 * how many is told after them (a count, no age). NULL-terminated. */
extern const char *const forms_having[];

/* "halfway through a PhD in glaciology", "finishing my masters in law": what the user
 * studies (the open relation "study"), the words after a word of a course of study and
 * "in", up to punctuation or a word of place or time ("at", "in", "since"), three at
 * most, when the user (I, my) and no one of theirs comes before it, and not one word with
 * a capital (a place: "a masters in Oslo"). Returns the units. */
int forms_degree_in(const char *c, size_t cn, const char *const *words, int n,
                    const understood_t *clause, understood_t *out, int k, int *nread, int max);

/* "I'm learning Greek", "trying to pick up welsh": a language the user is learning (the
 * open relation FORMS_LEARNING, not one spoken), the language word at most two words
 * after "learn"; asked ("which language am I learning?", "am I learning Greek?", "which
 * language do I study?") the question's units ask that relation. Returns the units. */
#define FORMS_LEARNING "learning"
int forms_learning(const char *c, size_t cn, const char *const *words, int n, int act,
                   const understood_t *clause, understood_t *out, int k, int *nread, int max);

/* "Greek's my first language", "my mother tongue is Welsh": a language the user
 * speaks, the language word nearest those words. Returns the units. */
int forms_first_language(const char *c, size_t cn, const char *const *words, int n,
                         const understood_t *clause, understood_t *out, int k, int *nread,
                         int max);

/* "favourite colour is navy blue", "also my fave snack is crisps": a favourite's one or
 * two words, "is", and a value of up to three words that ends the clause, told without
 * the speaker's "I" or the reader being sure of it. The favourite's relation ("favourite
 * colour"); it replaces a unit the reader made of those words. Not in a question.
 * Returns the units. */
int forms_favourite_is(const char *c, size_t cn, const char *const *words, int n,
                       const understood_t *clause, understood_t *out, int k, int *nread,
                       int max);

/* "I have played rugby for ten years", "I've been playing the oboe", "I took up
 * lacrosse": a game or a pastime the speaker plays or took up, the one or two words
 * after those words (past "the"), up to a word of when or how long. A hobby; it
 * replaces a unit the reader made of those words. Not in a question. Returns the
 * units. */
int forms_plays(const char *c, size_t cn, const char *const *words, const unsigned char *tags,
                int n, const understood_t *clause, understood_t *out, int k, int *nread,
                int max);

/* "By profession I am a surgeon", "I'm a plumber by trade": a job, the one or two words
 * after "I am a" in a clause that says "profession", "trade" or "occupation". It
 * replaces a unit the reader made of those words. Not in a question. Returns the units. */
int forms_by_trade(const char *c, size_t cn, const char *const *words, const unsigned char *tags,
                   int n, const understood_t *clause, understood_t *out, int k, int *nread,
                   int max);

/* "Nothing beats pho for me", "I prefer samosas to anything else", "I could eat gnocchi
 * every day", "I can't get enough of X", "I love eating pho": something the speaker
 * likes, the one or two words after those words. It replaces a unit the reader made of
 * those words. Not in a question. Returns the units. */
int forms_prefers(const char *c, size_t cn, const char *const *words, const unsigned char *tags,
                  int n, const understood_t *clause, understood_t *out, int k, int *nread,
                  int max);

/* A name the reader left unmarked before "is my ..." ("[Pumpernickel] is my cat btw"):
 * the capitalised word the clause opens with, past fillers, right before "is" or "'s"
 * and a holder. 1 with *at, else 0. */
int forms_unmarked_name(const char *const *words, const unsigned char *tags,
                        const unsigned char *caps, int n, int *at);

/* "Zorro is my cat", "Ulla is my tutor": a capitalised name (or one typed small before a
 * kin or pet word: "bandit is my cat"), "is my" and someone or some animal of the
 * speaker's (a kin or pet word, a kind of animal, or a word the reader read as a holder,
 * a kind or a job), with nothing else told in the clause. Retags the name as the value
 * of that holder's name. Returns 1 when it did, else 0. */
int forms_name_is_my(const char *const *words, unsigned char *tags, unsigned char *vrels,
                     const unsigned char *caps, int n);

/* "Grey is my favourite colour", "Cricket is my sport", "Lyon is my home": a value of
 * one or two words (read as one, or a word written with a capital), "is my" and the
 * clause's relation words, and nothing else but fillers. Retags the value as one of rel
 * (the clause's relation). Returns 1 when the clause has that form, else 0. */
int forms_value_is_my(const char *const *words, unsigned char *tags, unsigned char *vrels,
                      const unsigned char *caps, int n, int rel);

/* "My best friend is Greta", "my partner Greta": "my", a holder the reader read, "is"
 * (or no "is" after a kin or pet word) and a name written with a capital that it left
 * unread (one or two words), and nothing else but fillers. Retags the name as that
 * holder's. Returns 1 when it did, else 0. */
int forms_my_is_name(const char *const *words, unsigned char *tags, unsigned char *vrels,
                     const unsigned char *caps, int n);

/* A fact whose relation the reader read but no value ("my sport is [rugby]", "I play
 * [cricket]": a word it has not seen): the untagged words right after the last relation
 * span (or "named", "called" when it read none), past a copula, an article, a
 * possessive or "as", up to punctuation or a function word (three at most). 1 with
 * [*s, *e), else 0. */
int forms_unmarked_value(const char *c, size_t cn, const char *const *words,
                         const unsigned char *tags, int n, int *s, int *e);

/* forms_zh.c: Chinese forms the reader reads short, in a clause c[0, cn) read as act:
 * 我最喜欢的水果是芒果 and 我最喜欢什么水果 (one unit: the favourite's relation,
 * "favourite 水果"), 在南京大学读书 and 我在哪所大学上学 (one unit of the school, and a
 * job the clause also tells), 老家在西安 and 我老家是哪儿的 (the home town), 周末喜欢去游泳
 * and 我一般干什么 (a like), 几岁 and 多大 (an age asked), and 我的女儿…/老公… (the units of
 * the speaker, or of a character of the kin word, are the kin's: "daughter", "husband";
 * in a forget request too). Values are cut as the clause writes them (9月3号), a second
 * birthday or age of one holder in the clause dropped. Returns the units left in out
 * (at most k, or k + 1 with a kin's name added). */
int forms_zh(const char *c, size_t cn, int act, understood_t *out, int k, int max);

/* How the Chinese clause c[0, cn) asks: 2 with a question word (什么 but not 没什么, 哪,
 * 谁, 啥, 干嘛, 多少, 多久, 几 but not 几年前 or 好几 ...), 1 as yes or no (吗 or 么 last,
 * 吧 last after 叫 or 是, 是不是, 有没有 ..., or a question mark alone), else 0. */
int forms_zh_asks(const char *c, size_t cn);
/* 1 when the Chinese sentence c[0, cn) asks mnemo to forget (忘掉, 忘了吧, 删了, 别记; not
 * 别忘, 忘了带). */
int forms_zh_forgets(const char *c, size_t cn);

/* 1 when text holds what a Chinese request to forget named, topic (龙猫, 偏头痛和看中医):
 * for one of its parts (split at 和, 跟, 、 ...), more than half of its two-character
 * pieces, or the animal or kin word it is alone (猫). */
int forms_zh_topic_held(const char *text, const char *topic);

/* 1 when the Chinese clause c[0, cn) asks for all that is known of the user (关于我,
 * 所有, 一切, 哪些, 什么都: "你都知道关于我的什么？"), a summary, not one thing. */
int forms_zh_asks_all(const char *c, size_t cn);

/* The length in bytes of the Chinese word for someone that p[0, n) begins with: a kin
 * word (女朋友, 老伴, 儿子 ...) or an animal kept (猫, 狗, 鹦鹉 ...), as the Chinese forms
 * know them, the longest; 0 when none. */
size_t forms_zh_who_len(const char *p, size_t n);

/* The English key of the Chinese kin or animal word that p[0, n) begins with, a breed too
 * (柯基: "dog"), the longest, its length in bytes into *len; NULL (and 0) when none. */
const char *forms_zh_who_key(const char *p, size_t n, size_t *len);

/* "I'm training for a marathon in October", "we're saving up for a house": what the user
 * works towards with a verb of aiming (training, saving, studying, applying ...), the open
 * relation "<verb> for" (the reader takes the goal for a job or a name), its value the one to three words after "for" (no article, up to "in",
 * "next" ...). Asked ("what am I training for?") the question's units of the user ask
 * that relation. Returns the units. */
int forms_doing_for(const char *c, size_t cn, const char *const *words, int n, int act,
                    const understood_t *clause, understood_t *out, int k, int *nread, int max);

/* "I hate olives", "i can't stand mushrooms", "I'm not a fan of jazz": what the user
 * dislikes, the open relation UNDERSTAND_DISLIKES (the reader reads such a clause as small
 * talk, or the thing as a name), its value the one to three words after (no article,
 * up to "so", "but" ...; not what everyone grumbles about: "I hate Tuesdays"). Asked
 * ("which foods do I hate?", "do I hate olives?") the question's units of the user ask
 * that relation (UNDERSTAND_DISLIKES). Returns the units. */
int forms_dislikes(const char *c, size_t cn, const char *const *words, int n, int act,
                   const understood_t *clause, understood_t *out, int k, int *nread, int max);

/* "my band is called Blue Otter", "our boat's named Wren": the words between "my" and
 * "is called" (one or two) that the reader left unread are the holder; retags them as
 * it, so the name is theirs and not the user's. A group one is in ("I play in a (punk)
 * band called ...", understand_group_words) is the user's as well, and the capitalised
 * words after "called" the reader left unread are its name (tags and vrels). */
void forms_my_thing_called(const char *const *words, const unsigned char *caps,
                           unsigned char *tags, unsigned char *vrels, int n);

/* Trips and visits: "we're off to Crete at Easter", "we're going to Lisbon", "heading to
 * Oslo at Easter" (a place after "going to", "off to", "heading to" ... said by "I" or
 * "we" or first in the clause, with a capital or a holiday said with it) is the user's
 * UNDERSTAND_TRIP; "my gran is visiting in March" (a kin holder, a
 * verb of visiting and a time phrase: "in March", "next week", "at Christmas") is that
 * one's UNDERSTAND_VISIT, the time phrase its value. Asked ("where are we flying this
 * summer?", "when is my mum visiting?") the question's units ask that relation. The
 * reader's readings of the place or the date (a firm, a birthday) give way. Returns the
 * units. */
int forms_trips_and_visits(const char *c, size_t cn, const char *const *words,
                           const unsigned char *caps, int n, int act,
                           const understood_t *clause, understood_t *out, int k, int max);

/* forms_change.c. "scratch that, she's a whippet not a greyhound", "it's Lena not
 * Lina": a correction unit with the old value and no new one (or one of its first two
 * words: "scratch") takes the one to three words
 * right before "not" (after "is", "a", "she's", "meant" ...) when the old value follows
 * "not"; a holder the reader took from those words becomes the pronoun said before them
 * ("she"). Returns the units. */
int forms_not_old(const char *c, size_t cn, const char *const *words, int n,
                  understood_t *out, int k);
/* "small correction, Ezra actually turned 10": an age told by "turned" and a number
 * after a name with a capital (the reader reads the name as the value of "turned"):
 * the age of the one named, in place of the reader's units of the name or of no
 * value, with the clause's act; after a name in lower case that follows a kin word
 * ("our son emil turned 5"), the kin's age, added (at most max units) or in place
 * of an age the reader gave them. Returns the units. */
int forms_turned(const char *c, size_t cn, const char *const *words, const unsigned char *caps,
                 int n, understood_t *out, int k, int max);

/* "maeve, 29, dental hygienist in dublin": an introduction as a list after commas, a
 * name of one word first ("here" after it, greetings before; no kin, kind of person or
 * month) and then an age (a
 * number of one or two digits, "29 yo") or a job (words ending in a kind of person, up
 * to "in", "at" ...): the user's name, age and job, each a fact unless a unit says it,
 * in place of the reader's units that read those words under another relation. Nothing
 * without an age or a job after the name. Returns the units. */
int forms_intro_list(const char *c, size_t cn, const understood_t *clause, understood_t *out,
                     int k, int max);

/* 1 when the Chinese clause at msg + at goes on, after a comma, from a clause the user
 * said of themselves (我, not 我的 X or 我 and a kin word) and has no subject of its own
 * (在, 现在: "我叫王芳，在杭州读大学"): it is the user's too. */
int forms_zh_goes_on(const char *msg, size_t at);

/* 1 when the clause c[0, cn) says one's people alone (苏州人, 我是湖南人): where the user
 * is from, else 0. */
int forms_zh_people_of(const char *c, size_t cn);

/* "allergic to wasp stings, always carry my pen", "my son is allergic to nuts and
 * eggs": what someone is allergic to, the one to three words after "allergic to" (or
 * "allergy to", "intolerant to"; past an article, up to a function word or punctuation)
 * and a second thing after "and" or a comma: the allergies of the reader's unit of an
 * allergy's holder (else the user's, when no one else is named before the words), with
 * the name told in passing, in place of the reader's units of an allergy, of no value or
 * name, of jobs that are no kind of person ("pen") and of values typed small from the
 * allergy on ("carry my [pen]"). Not in a question. Returns the units. */
int forms_allergic(const char *c, size_t cn, const char *const *words, int n,
                   const understood_t *clause, understood_t *out, int k, int max);

/* "moved from retail to data analyst", "switched from nursing to midwife", "promoted to
 * practice manager": a change of job told from one to another (or after "promoted to"),
 * the new one ending in a kind of person (kinds_person): the user's job, in place of the
 * clause's units (out[0] then); "Kim got promoted to head chef", "my son was promoted
 * to ...": the job of whom it names (a name with a capital, a kin word after "my").
 * Returns the units. */
int forms_job_from_to(const char *c, size_t cn, const char *const *words,
                      const unsigned char *caps, int n, const understood_t *clause,
                      understood_t *out, int k);

/* "landed an internship with a law firm", "starting an apprenticeship with a joiner": a
 * placement the user got or began tells their job (intern, apprentice, trainee,
 * resident), in place of the clause's units (out[0] then); not one of someone's ("my son
 * got an internship"). Returns the units. */
int forms_placement(const understood_t *clause, const char *const *words, int n,
                    understood_t *out, int k);

/* A sport the user plays (kinds_sport) told without "I play" it: the sport of a team
 * played for ("wing defence for the uni hockey team": hockey), or of a clause that ends
 * "in <sport>", or a sport first in a clause that names no one else ("squash twice a
 * week"): the user's hobby, in place of the reader's units of the words before it; the
 * one or two words between "play" and "for" or "in" are the user's place on the side
 * (the open relation FORMS_POSITION: "wing defence"). Not in a question. Returns the
 * units. */
#define FORMS_POSITION "position"
int forms_sport(const char *c, size_t cn, const char *const *words, int n,
                const understood_t *clause, understood_t *out, int k, int max);

/* "2 kids: oona 8 and little bram who is 3", "the twins kit and pip", "hens are Dot,
 * Peg and Ivy": a group of the user's one names one by one (kin words of several,
 * "twins", or animals in the plural, after "my", "we", "got", a number, or before a
 * colon; after "the" only names with a capital) and, after it, two names or more joined
 * by commas or "and", each maybe with an age ("15", "(7)", "who is 6"): a name of the
 * group's (its holder key, "children") for each, and an age of each one named, in place
 * of the reader's units of those names and ages (forms_counted tells how many, before
 * it). Not in a question. Returns the units. */
int forms_group_named(const char *c, size_t cn, const char *const *words,
                      const unsigned char *caps, int n, const understood_t *clause,
                      understood_t *out, int k, int max);

/* "Pickle the hamster is in his wheel again, he's 2": a capitalised name first in the
 * clause, "the" and a pet word or a kind of animal: the name of that animal, and an age
 * said after "she's", "he's" or "it's", in place of the reader's units of the name, of
 * the animal as a kind, of ages and of no value or name (a unit held by the name is the
 * animal's). Not in a question. Returns the units. */
int forms_name_the_pet(const char *c, size_t cn, const char *const *words,
                       const unsigned char *caps, int n, const understood_t *clause,
                       understood_t *out, int k, int max);

/* Health conditions: "my mum has dementia", "my dad was diagnosed with angina", "he
 * has asthma" (a condition of a short list, after "has", "have", "diagnosed", "suffer",
 * "with" ...) is the open relation UNDERSTAND_CONDITION of the reader's holder of the clause
 * (else the user's), each one told, in place of the reader's units of their words, of
 * having things and of no value or name. Asked
 * ("what condition does my grandad have?", "any health problems?", "do I have
 * asthma?"; a clause with a question mark whatever its act) the question's units ask that
 * relation. Returns the units. */
int forms_condition(const char *c, size_t cn, const char *const *words, int n, int act,
                    const understood_t *clause, understood_t *out, int k, int max);

/* "what position do I play?": a question (or a yes/no one) that says "position" asks
 * FORMS_POSITION of its holders. Returns the units. */
int forms_position_asked(const char *const *words, int n, int act, understood_t *out, int k);

/* "my grandsons are Ed (12), Fin (8) and Gus (2)", "Nieces Kira (9) and Bea (4)": two
 * names and more, each with an age in brackets, in a clause that names a group of the
 * user's (kin or pets in the plural): each a name of the group and each name's age (keyed
 * by the name with a capital), in place of the reader's units of names and ages (at most
 * max units). Returns the units. */
int forms_names_aged(const char *c, size_t cn, const char *const *words, int n,
                     const understood_t *clause, understood_t *out, int k, int max);

#endif

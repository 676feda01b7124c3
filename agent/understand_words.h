/* understand_words.h: the words a clause is read with, as keys (understand_words.c):
 * a holder span's key, a pronoun's and a kin word's, whether a text holds a number.
 * Pure functions over the given strings; the keys are written into the caller's
 * buffers (truncated to len, always terminated). */
#ifndef MNEMO_AGENT_UNDERSTAND_WORDS_H
#define MNEMO_AGENT_UNDERSTAND_WORDS_H

#include <stddef.h>

/* Where a field is one (understand_field): a subject one studies ("dentistry"), a
 * sector one works in ("retail"); "law" is both. */
enum { UNDERSTAND_FIELD_STUDY = 1, UNDERSTAND_FIELD_WORK = 2 };

/* 1 when word (any case) is a field of study or of work as of asks (a bit of either or
 * both), else 0. */
int understand_field(const char *word, int of);

/* 1 when text holds a number: digits, an English number word ("forty") or a Chinese
 * numeral. */
int understand_has_number(const char *text);

/* text lower-cased into buf (len bytes) and cut at the bytes of seps into
 * words[0..max), pointers into buf; returns how many. */
int understand_split_words(const char *text, const char *seps, char *buf, size_t len,
                           const char **words, int max);

/* 1 when text is one whole number from 0 to 999, in digits ("6") or English words
 * ("six", "twenty-one", "twenty one"), with it in *v; else 0. */
int understand_number(const char *text, long *v);

/* 1 when text[0, len) is written in Chinese: an ideograph (a UTF-8 lead byte 0xE4..0xE9)
 * and no Latin letter ("🍣 sushi is my fave" is English). */
int understand_chinese(const char *text, size_t len);

/* The relation class (enum reader_rel) a word names when a short request or question
 * names a fact by it ("address": home, "job", "age", "birthday", "name", "breed": kind,
 * "allergy", "diet", "hobbies"), READER_REL_OPEN for any other word. */
int understand_rel_word(const char *word);
/* "year", "months", "weeks", "days" ...: the units a span of time is told in ("22
 * years"), NULL-terminated. */
extern const char *const understand_time_units[];

/* The holder key of a third-person pronoun: "he" for he/he's/him/his, "she", "they";
 * NULL for any other word. */
const char *understand_pronoun(const char *w);
/* The words for a kind of vehicle ("car", "van"), NULL-terminated. */
extern const char *const understand_vehicle_words[];
/* "work", "works", "job" ...: the words that say one works. */
extern const char *const understand_work_words[];
/* "salon", "shop", "lab", "stall" ...: places one works at or runs as a business. */
extern const char *const understand_business_words[];
/* "runs", "teaches", "coaches" ...: verbs said of someone right after the words for them
 * ("my mum coaches netball"), never a name typed small. */
extern const char *const understand_person_verbs[];
/* "band", "choir", "team" ...: the groups one plays, sings or takes part in. */
extern const char *const understand_group_words[];
/* Words of a group of people of one's own, plural ("kids", "cousins", "twins"): a
 * question that names one asks of people, never of pets. */
extern const char *const understand_people_groups[];
/* Words that make a holder the user's own (the first of a personal holder span: "my",
 * "I'm", 我), and that say a sentence is of the one who speaks. */
extern const char *const understand_personal_words[];
/* Words of size, age or place among them said before a word of kin ("my little brother",
 * "my eldest niece", "my twin sister"). */
extern const char *const understand_kin_sizes[];
/* People who are no trade, though kinds_person knows them ("a little girl", "twins", "a
 * huge fan", "I am married"). */
extern const char *const understand_no_trade_words[];
/* What one is that kinds_person knows but no work ("a vegan", "a smoker", "a widow",
 * "a beginner"): said of oneself, no job. */
extern const char *const understand_no_job_words[];
/* The words of a partner's holder (boyfriend, wife ...): whom one breaks up with, starts
 * seeing or is asked to be dating, NULL-terminated. */
extern const char *const understand_partner_words[];
/* "vegan", "coeliac", "halal", "lactose intolerant" ...: what one is that is one's diet
 * ("I'm coeliac", "Vegan."), NULL-terminated. */
extern const char *const understand_diet_words[];
/* States one is in said after "I'm" ("im tired", "I'm single"): no names. */
extern const char *const understand_states[];
/* "simply", "really", "basically", "literally" ...: words of manner, which open no job
 * ("simply wasting life"). */
extern const char *const understand_manner_words[];
/* "hi", "hiya", "morning", "hola", "ahoj", "shalom" ...: the words people
 * greet with, in English and the greetings of other languages typed in English letters. */
extern const char *const understand_greetings[];
/* The question tags a statement may end with to ask it ("my flat's in Govan, right?",
 * "rolo's a beagle eh", "she's seven isn't she"), each with where it may stand: after a
 * space or a comma (UNDERSTAND_TAG_ANY), only after a comma (UNDERSTAND_TAG_COMMA: ", no?"),
 * only after a comma unless a question mark ends it (UNDERSTAND_TAG_COMMA_BARE: "you
 * started in May, yes", "Bo is 4 yes?"), or only before a question mark
 * (UNDERSTAND_TAG_MARKED: "ok?", "lah?"). Ends with {NULL, 0}. asking.c reads the tags of
 * statements without a question mark, checks_asked.c those with one. */
enum { UNDERSTAND_TAG_ANY = 0, UNDERSTAND_TAG_COMMA = 1, UNDERSTAND_TAG_COMMA_BARE = 2,
       UNDERSTAND_TAG_MARKED = 4 };
typedef struct {
    const char *words;
    int where;
} understand_tag_t;
extern const understand_tag_t understand_tags[];
/* "forget", "delete", "remove", "erase", "wipe", "drop", "disregard": the verbs that
 * ask mnemo to forget. */
extern const char *const understand_forget_verbs[];
/* "said", "told", "tol'", "mentioned": the verbs by which the user recalls what they told
 * before ("I said 3 kids - it's 4"); a value right after one is the old one. */
extern const char *const understand_recall_verbs[];
/* 1 when low (a clause or sentence in lower case, words one space apart) asks to forget
 * in words other than a verb of forgetting: "... off your list", "... from your notes",
 * "strike that", "unlearn ...", anywhere; "ignore what I said ...", "get rid of the ...",
 * "bin the ..." opening it (past "so", "and", "please", "oh" ...). */
int understand_asks_forget_phrase(const char *low);

/* The words that tell of the topic a word of a request to forget names ("never mind
 * my wages": "earn", "paid", "wage" ...; "my health stuff": "pills", "mg",
 * "diagnosed" ...; sobriety, debts, court cases, job interviews), NULL-terminated; NULL
 * when w (lower case) names none. A word that opens with '#' tells it only in a text
 * that holds a digit ("#an hour": "12.50 an hour", not "walk an hour"). */
const char *const *understand_topic_tells(const char *w);

/* 1 when w is one of list (NULL-terminated), byte for byte. */
int understand_in_list(const char *const *list, const char *w);

/* 1 when w (any case) is an English plural noun: one of the common irregular plurals
 * ("children", "sheep", "geese") or of four letters and more ending in one s
 * ("goats", not "glass"). A guess from the spelling: "series" passes too. */
int understand_plural(const char *w);

/* s with its Latin letters' accents dropped ("Gdańsk": "Gdansk", "Tromsø": "Tromso") into
 * out[n] (NUL-terminated, cut to fit): letters of U+00C0..U+017F as the ASCII letter
 * they are written on; the rest copied. */
void understand_unaccented(const char *s, char *out, size_t n);

/* 1 when a holder key is a kin word ("brother", "mother", "partner"): a person. */
int understand_kin(const char *key);
/* 1 when a holder key names several people or animals ("children", "cats"). */
int understand_group_key(const char *key);
/* 1 when the holder key one is one of the people the group word names ("mother" of
 * "parents", "sister" of "siblings", "son" of "children"); with one NULL, when group is
 * such a word. */
int understand_group_member(const char *group, const char *one);
/* 1 when a holder key names several people or animals, however the kin word is spelt
 * at home ("aunties", "nanas", "grandchildren" as well as understand_group_key's). */
int understand_group_said(const char *key);

/* 1 when one of the words a and b is the other's doer: "drive" and "driver", "paint" and
 * "painter", "bake" and "baker" (a verb of four letters at least, lower case). */
int understand_doer_of(const char *a, const char *b);

/* The holder key of the words of a holder span: possessives and articles dropped, kin
 * words brought to one form ("mum", "mom" -> "mother"), "self" when nothing is left
 * ("I", "me", "my"). Exposed for the tests. */
void understand_holder(const char *const *words, int n, char *key, size_t len);
/* The holder key of a phrase as written ("my Dogs": "dogs", "kids": "children"). */
void understand_holder_of(const char *text, char *key, size_t len);

/* 1 when w (lower case) is a word of colour or its shade ("silver", "navy", "dark"). */
int understand_colour(const char *w);

/* How a word (lower case) opens a question: 2 a question word ("what", "who's"), 1 a verb
 * that starts a yes/no question ("is", "does"; not "can", which also opens requests), 0
 * neither. The one list of these for the agent (understand.c reads clauses with it,
 * checks.c settles acts). */
int understand_question_word(const char *w);
/* The month (1-12) that w names, by its name or its short form without case ("June",
 * "sept"), else 0. */
int understand_month(const char *w);
/* The day of the week (1 Monday - 7 Sunday) that w names, one day or every one of it
 * ("Tuesday", "tuesdays", "tues"), without case, else 0. */
int understand_weekday(const char *w);
/* 1 when w (lower case) names one who studies rather than a trade ("student",
 * "sophomore", "fresher", "undergrad"): one "at" a place studies there. */
int understand_learner(const char *w);
/* 1 when text speaks of the weather: a word of it ("rain", "humid", "monsoon", 下雨) or a
 * temperature ("-14", "38°", "35 degrees"). */
int understand_weather(const char *text);
/* 1 when text tells of the day ("today I tuned four pipes", "frost on the car this
 * morning"): a happening of now, not a lasting fact. */
int understand_of_the_day(const char *text);
/* 1 when text tells of the day or of days just gone ("on the weekend", "last week",
 * "the other day"): what happened, not what lasts. */
int understand_lately(const char *text);
/* 1 when text opens (past fillers: "omg", "so") with a trip gone on or planned ("went
 * to Cork for a stag do", "we're going to Bruges", "just got back from ..."). */
int understand_trip(const char *text);

/* 1 when text tells of a new job or place of work ("got the job at", "new job", "started
 * at", "joined", "hired", "now working at"), else 0. */
int understand_new_work(const char *text);

#endif

/* checks.h: the reader's reading of a clause (understand.h) checked against the clause's
 * form and the user's facts (facts.h), before the plan of a turn (respond.h) acts on it.
 * Nothing here allocates or fails. */
#ifndef MNEMO_AGENT_CHECKS_H
#define MNEMO_AGENT_CHECKS_H

#include "agent/facts.h"
#include "agent/understand.h"

/* Settles the act of u (the i-th unit of message msg; told[0..i) the ones before it,
 * text its clause) and whether it is the user's:
 * - its holder is someone of the user's found by name (facts_resolve_holder, _told; a
 *   pronoun also by a name anywhere in the message: "Callum and I split up, forget
 *   him"), or words of one of the user's relations (facts_resolve_relation_words);
 * - "can you forget ...?" asks to forget;
 * - a fact that only hopes or wonders before its value ("might move to Seville some year")
 *   is small talk; a task refused must have been asked ("big news" is not a request);
 * - a clause that ends with "?" and opens with a question word or a yes/no verb asks:
 *   never a fact, a correction, a forget request or a task refused; one read as chat
 *   that opens with a question word and asks of the user ("which van am I using nowadays")
 *   asks too, and a statement with a tag ("..., no?", "... right?") asks yes or no;
 * - a forget request must say forget, delete, remove ... (else small talk);
 * - a summary request about mnemo ("your", "yourself") is small talk;
 * - a question about a relation only people have, or naming a value someone of the
 *   user's holds, is the user's;
 * - a fact with no holder and no pronoun is the user's ("moved to Leeds");
 * - a correction of a value the user told is the user's, and a clause that says it
 *   corrects and respells a value told ("oops, Anneke, typo") is that correction;
 * - a question read as small talk that names a value told is a question;
 * - a summary asks what mnemo knows (a question for one thing is a question);
 * - "which town did I move here from?" asks the hometown, "how tall" no age, and
 *   "scratch that" is no value;
 * - an end told of someone only elsewhere in the message ("Kyle and I broke up"), and
 *   any break-up, ends that one's name, not the last fact told;
 * - "it's X" right after "not Y" corrects Y;
 * - an opinion or a mood with no fact of the user's in it ("rush hour traffic is
 *   the worst"), and a Chinese fact that names no one (新年快乐), are small talk;
 * - parting with a vehicle ("we sold the car") ends the newest thing owned, and what is
 *   driven is owned as told ("I drive a red Fiat 500"), or, driven for a living ("my
 *   uncle drives trams"), the driver's job;
 * - a birthday told in a message with no word of birth ("we tie the knot on 9
 *   August") is small talk, and a thing of the user's named alone right after a
 *   request to forget ("... and my husband's phone") is forgotten too. */
void checks_clause(const facts_t *f, const char *msg, const understood_t *told, int i,
                   const char *text,
                   understood_t *u);

/* 1 when value can be of relation class rel of holder: a kind or breed is an animal's or
 * a thing's, never the user's; no holder is a CJK function character (们); a value is not
 * its holder; a name or a job has no digits, and a name is no kin or pet word; a person,
 * place or job is more than one CJK character, and a CJK value does not start with a
 * function, joining or placing character nor is only a degree (一点); a place, firm,
 * school or job is no month, day, animal, kin word or language, and a job no word for a
 * job ("he changed [jobs]") nor a Chinese place of work (一家物流公司); a language
 * spoken is named with a capital, in Chinese, or known (understand_language); no value
 * ends with a word that leads into another ("a lot of"); a name or a home is no
 * lower-case word in -ing (a name opens with none: "missing Oslo"); the user's own age in
 * digits is from CHECKS_MIN_USER_AGE to CHECKS_MAX_AGE (younger is how long something
 * lasted). */
#define CHECKS_MIN_USER_AGE 13
#define CHECKS_MAX_AGE 120
int checks_fits(int rel, const char *holder, const char *value);

/* 1 when text, the clause a fact's unit was read from, says it in words that can tell
 * relation class rel of holder, a reading the reader may make of any words: the user's
 * name is said as one (right after "I'm", "name is", "called", "call me", before "here",
 * or first in the message with a capital: "[Gary] here", not "just [pip] now" nor "a kettle
 * I call [Bertha]"); an allergy is said with
 * an allergy word ("allergic", "intolerant", "reaction"); the user's home with a word of living
 * ("live", "moved", "based", "my city", "I'm in", "in Leith now"); a firm or a workplace is no
 * verb in -ing after a form of be ("she's [bringing] cake"); a job is a kind of person
 * (kinds_person) or a post ("apprenticeship"), or told with words of working ("works as", "I'm a",
 * "by trade"). In Chinese, a name of more than three characters says 叫, 姓, 名 or 是 (and has six
 * at most), a job 是, 当, 做 ... (eight characters at most), an age is a number (35, 三十五,
 * 七十二岁), an allergy 过敏, a home 住 or
 * 家 (搬, 定居), a firm or a workplace a word of
 * working or a place of work (上班, 做, 当, 公司, 厂 ...), a birthday 生日, and a language
 * ends as languages do (英语, 普通话, 法文). In English also: a like or a pastime by a word
 * of liking or doing or its own verb after whose it is ("we really like", "i whittle");
 * a home town by no thing's "from" ("the smoke from Spain"); a thing had by a verb of
 * having not leading into another verb ("I've got a", not "I have been reading"); a firm
 * or workplace typed small by a word of work or a kind of person before "at"/"in"; a
 * diet by a word of eating; an age by no minus, hyphen or "years together"; a name typed
 * small by no "my" after it mid-sentence nor a possessive before it, by being no verb of
 * saying nor a long word in "-ed", and, in a clause that opens with a capital, by not
 * standing right after a word of kin ("My uncle sang"). Other relations and
 * a value not written in text are not this check's: 1. */
int checks_cued(int rel, const char *holder, const char *value, const char *text);

/* 1 when a question asks for an amount ("how many hours", "how tall am I?"): only a
 * value with a number answers it, and it asks for no age. */
int checks_asks_amount(const char *text);
/* 1 when a question asks for a firm ("which company ...?", "what firm", "my employer"):
 * the employer, never a town. */
int checks_asks_firm(const char *text);
/* 1 when a question asks what the user drives ("what are we driving now?", "which
 * one do I drive?"), not where, how far or for whom. */
int checks_asks_driven(const char *text);

/* 1 when a clause says something ended: a negation or a verb of ending ("not anymore",
 * "we sold our car", "I left", 不, 没). A correction with no new value ends a fact only
 * then. */
int checks_says_ended(const char *text);

/* 1 when text says a couple is over in words that end a sentence of it ("Tomas and me,
 * we are finished.", "it's over for good"), not of a task ("we're done with the
 * kitchen"). */
int checks_says_over(const char *text);

/* 1 when a clause recalls what the user said before, to put it right in what follows:
 * past fillers ("wait", "hold on", "earlier"), it opens with "I said", "I told you", "I
 * mentioned", "I wrote" ("hang on, I told you Hull - ..."); not "as I said" or
 * "like I told you", which say it again. */
int checks_recalls(const char *text);

#endif

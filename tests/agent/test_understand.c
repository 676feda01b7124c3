/* test_understand.c: what the agent makes of hand-written sentences (not the
 * generator's) with the shipped model's reader (model/default.mnemo, env
 * MNEMO_SHIPPED_MODEL): a table of messages with the act, holder, relation and value of
 * each unit understand() gives, including clauses that tell two facts, a value that
 * must be cut at a whole word ("B positive", not the b of "blood"), a Chinese value the
 * reader ends early, a number told as "I'm 37", names told in passing before and after
 * a value, a Chinese name and age in one clause, a Chinese name left unmarked or cut
 * inside a word, a Chinese list of two, a date cut after its day, two old values
 * after a word of leaving, a holder begun twice, Chinese statements the reader takes
 * for questions, a possessive inside a value, and forms the reader does not mark
 * ("married to", a nationality, measures, "Arsenal fan", "work from home"). */
#include "agent/checks.h"
#include "agent/understand.h"
#include "model/model.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static model_t *m;

static void setup(void)
{
    const char *path = getenv("MNEMO_SHIPPED_MODEL");
    char err[256];
    ck_assert_msg(path && access(path, R_OK) == 0, "MNEMO_SHIPPED_MODEL is not readable");
    m = model_load(path, err, sizeof err);
    ck_assert_msg(m != NULL, "model_load: %s", err);
    ck_assert_msg(model_reader(m) != NULL, "%s has no reader", path);
}

static void teardown(void) { model_free(m); }

/* One expected unit: act name, holder, relation, value ("" for none), and the name told
 * in passing (NULL: not checked). */
typedef struct unit {
    const char *act, *holder, *relation, *value, *name;
} unit_t;

static const struct {
    const char *msg;
    unit_t u[4];
} table[] = {
    {"My sister is called Odile.", {{"fact", "sister", "name", "Odile", NULL}}},
    {"I work as a welder in Gdansk", {{"fact", "self", "job", "welder", NULL},
                                      {"fact", "self", "workplace", "Gdansk", NULL}}},
    {"my blood type is B positive", {{"fact", "self", "blood type", "B positive", NULL}}},
    {"i'm 37", {{"fact", "self", "age", "37", NULL}}},
    {"我的猫叫小白", {{"fact", "cat", "name", "小白", NULL}}},
    {"where does my brother live?", {{"question", "brother", "home", "", NULL}}},
    {"please forget my home address", {{"forget", "self", "home", "", NULL}}},
    {"what do you know about me?", {{"summary", "self", "", "", NULL}}},
    /* a name after the last value is someone else's: the partner's, not the user's */
    {"I live in Lyon with my husband Marc", {{"fact", "self", "home", "Lyon", ""},
                                             {"fact", "husband", "name", "Marc", NULL}}},
    /* a name before a value goes with it */
    {"my cousin Ingrid is a pilot", {{"fact", "cousin", "job", "pilot", "Ingrid"}}},
    /* a self-introduction with a capital, and a Chinese name and age in one clause */
    {"I'm Bruno", {{"fact", "self", "name", "Bruno", NULL}}},
    {"我叫王小明，今年三十岁", {{"fact", "self", "name", "王小明", NULL}, {"fact", "self", "age", "三十", NULL}}},
    /* a Chinese name the reader left unmarked after its relation word (叫) */
    {"我的猫叫花花", {{"fact", "cat", "name", "花花", NULL}}},
    /* a Chinese value the reader cut inside a word is one (芒 | 果) */
    {"我叫陈思远，我对芒果过敏", {{"fact", "self", "name", "陈思远", NULL}, {"fact", "self", "allergy", "芒果", NULL}}},
    /* a date the reader ended after its day goes on to its month */
    {"it's the 19th of august not the 9th", {{"correction", "self", "", "19th of august", NULL}}},
    /* of two old values, the one after a word of leaving is the new one */
    {"we left coventry, living in Derby now", {{"correction", "self", "", "Derby", NULL}}},
    /* a holder begun twice is one, its capitalised last word its name */
    {"and grandad Arthur's 91", {{"fact", "grandfather", "age", "91", "Arthur"}}},
    /* a Chinese clause with no word or particle of asking tells, its open relation
     * written as one word */
    {"我最喜欢吃火锅。", {{"fact", "self", "likes", "火锅", NULL}}},
    {"我的电话号码是13955502468。", {{"fact", "self", "电话号码", "13955502468", NULL}}},
    /* a Chinese word the reader began twice with an untagged ideograph between is one */
    {"我在深圳工作，是一名设计师。", {{"fact", "self", "workplace", "深圳", NULL}, {"fact", "self", "job", "设计师", NULL}}},
    /* a possessive after the relation describes the value; a relation word right before
     * the value, after the clause's relation, begins it */
    {"my favourite food is my dad's beef stew", {{"fact", "self", "favourite food", "beef stew", NULL}}},
    /* a person has no breed: a kind of a kin word is its name (a pet's stays a kind);
     * how long is no age */
    {"my dad is Bernard", {{"fact", "father", "name", "Bernard", NULL}}},
    {"my dog Juno is a dachshund", {{"fact", "dog", "kind", "dachshund", NULL}}},
    {"i'm a postman, 15 years now", {{"fact", "self", "job", "postman", NULL}}},
    /* an open relation is keyed by its last span before the value */
    {"i live in leeds and teach english", {{"fact", "self", "home", "leeds", NULL},
                                           {"fact", "self", "teach", "english", NULL}}},
    /* a relation word after the speaker stays one ("I [speak] Polish") */
    {"which explains why I speak Greek", {{"fact", "self", "language", "Greek", NULL}}},
    /* company after "with" is not whom a place is told of; the names after it are its */
    {"I live with my flatmates Joe and Maya in Exeter", {{"fact", "flatmates", "name", "Joe", NULL},
                                                         {"fact", "flatmates", "name", "Maya", NULL},
                                                         {"fact", "self", "home", "Exeter", NULL}}},
    /* how many is no value; a number in words is an age only where no number is */
    {"we live in stockholm with our two cats", {{"fact", "self", "home", "stockholm", NULL},
                                                {"fact", "cats", "number", "two", NULL}}},
    /* a comma inside what the reader read as one value is a list */
    {"I speak Dutch, French and Spanish", {{"fact", "self", "language", "Dutch", NULL},
                                           {"fact", "self", "language", "French", NULL},
                                           {"fact", "self", "language", "Spanish", NULL}}},
    /* a word that says how, not where, is no value, even when it is the clause's only
     * span */
    {"my sister and I live together", {{"fact", "self", "home", "", NULL}}},
    /* a Chinese list is as many values as it has items */
    /* a name goes on through the small words inside it */
    {"I study at the University of the Arts", {{"fact", "self", "school", "the University of the Arts", NULL}}},
    {"i go to the Universidad de los Andes in Bogota", {{"fact", "self", "school", "the Universidad de los Andes", NULL},
                                                        {"fact", "self", "", "Bogota", NULL}}},
    /* a street address goes on to its town */
    {"my address is 22 Mill Road, Ipswich", {{"fact", "self", "home", "22 Mill Road, Ipswich", NULL}}},
    /* in a list, an age right after a name is that one's */
    {"we have two cats, Mog who's 12 and Tibbles", {{"fact", "cats", "name", "Mog", NULL},
                                                    {"fact", "Mog", "age", "12", NULL},
                                                    {"fact", "cats", "name", "Tibbles", NULL},
                                                    {"fact", "cats", "number", "two", NULL}}},
    /* forms the reader does not mark: a spouse, a nationality, a place after "from",
     * measures, a team, working from home, a job read as a holder, a pet's kind */
    {"married to Tomasz, he's a baker", {{"fact", "husband", "job", "baker", NULL},
                                         {"fact", "husband", "name", "Tomasz", NULL}}},
    {"I'm married to Femi, she's a dentist in Hull",
     {{"fact", "wife", "job", "dentist", NULL},
      {"fact", "wife", "workplace", "Hull", NULL},
      {"fact", "wife", "name", "Femi", NULL}}},
    {"my mum is Portuguese", {{"fact", "mother", "hometown", "Portugal", NULL}}},
    {"I live in Leeds, moved up from Lille", {{"fact", "self", "home", "Leeds", NULL},
                                              {"fact", "self", "hometown", "Lille", NULL}}},
    {"i'm 5 foot 6 and a size 5 shoe", {{"fact", "self", "height", "5 foot 6", NULL},
                                        {"fact", "self", "shoe size", "5", NULL}}},
    {"my commute is around 50 minutes", {{"fact", "self", "commute", "50 minutes", NULL}}},
    {"I'm a lifelong Arsenal fan", {{"fact", "self", "support", "Arsenal", NULL}}},
    {"I work from home", {{"fact", "self", "workplace", "home", NULL}}},
    {"Yusuf's a dentist in Leeds", {{"fact", "yusuf", "job", "dentist", NULL},
                                    {"fact", "yusuf", "workplace", "Leeds", NULL}}},
    {"Greek's my first language, though I'm fluent in French",
     {{"fact", "self", "language", "Greek", NULL}, {"fact", "self", "language", "French", NULL}}},
    /* a month is a value though "may" is a function word */
    {"whose birthday falls in May?", {{"question", "self", "birthday", "May", NULL}}},
    /* words the reader has not seen, left unmarked: a value after its relation, a name
     * before "is my ...", a name right after an animal */
    {"I play cricket on sundays", {{"fact", "self", "hobby", "cricket", NULL}}},
    {"My sport is rugby.", {{"fact", "self", "sport", "rugby", NULL}}},
    {"My sport is polo.", {{"fact", "self", "sport", "polo", NULL}}},   /* read as a kind */
    {"Pumpernickel is my cat btw", {{"fact", "cat", "name", "Pumpernickel", NULL}}},
    {"I walk my dog Zorba every evening", {{"fact", "dog", "name", "Zorba", NULL}}},
    /* after 是 a word that ends as jobs do is a job; a nationality is no pet's home */
    {"我叫小兰，我是律师。", {{"fact", "self", "name", "小兰", NULL}, {"fact", "self", "job", "律师", NULL}}},
    /* a move by 搬到 is a home; an age asked with 你记得 ... 吗 is a question */
    {"我们上周搬到无锡了", {{"fact", "self", "home", "无锡", NULL}}},
    /* a trade told by 开 and what one runs, with the place right before it */
    {"我在苏州开面馆的", {{"fact", "self", "workplace", "苏州", NULL},
                          {"fact", "self", "job", "开面馆", NULL}}},
    {"我叫李大山，开挖掘机的", {{"fact", "self", "name", "李大山", NULL},
                                {"fact", "self", "job", "开挖掘机", NULL}}},
    /* the user's car by 车是 or 开的是, and asked */
    {"我的车是丰田卡罗拉", {{"fact", "car", "kind", "丰田卡罗拉", NULL}}},
    {"我开的什么车？", {{"question", "self", "owns", "", NULL}}},
    {"你还记得我多大年纪吗？", {{"question", "self", "age", "", NULL}}},
    {"we have a budgie called Kiwi", {{"fact", "budgie", "name", "Kiwi", NULL}}},
    /* a height in one word, a diet read as a name, an event's date */
    {"I'm 5'9 on a good day", {{"fact", "self", "height", "5'9", NULL}}},
    {"I can't eat gluten, I'm coeliac", {{"fact", "self", "diet", "gluten", NULL},
                                        {"fact", "self", "diet", "coeliac", NULL}}},
    {"our wedding is on the 12th of June", {{"fact", "self", "wedding", "the 12th of June", NULL}}},
    /* a language read as a place, in a clause of speaking */
    {"I speak Dutch at home and Spanish at work", {{"fact", "self", "language", "Dutch", NULL},
                                                   {"fact", "self", "language", "Spanish", NULL}}},
    {"we got a kitten, she's a sphynx named Pip", {{"fact", "kitten", "kind", "sphynx", NULL},
                                                    {"fact", "kitten", "name", "Pip", NULL}}},
    {"我会说法语、德语", {{"fact", "self", "language", "法语", NULL}, {"fact", "self", "language", "德语", NULL}}},
    /* an aside at the end, a new clause at a favourite's word or "that's", an age once,
     * a possessive typed without its apostrophe, a description before "called" */
    {"my favourite band of all time is Blur, by far",
     {{"fact", "self", "favourite band", "Blur", NULL}}},
    {"ok so favourite season is autumn, favourite snack is crisps",
     {{"smalltalk", "self", "", "", NULL},
      {"fact", "self", "favourite season", "autumn", NULL},
      {"fact", "self", "favourite snack", "crisps", NULL}}},
    {"I have been playing harp since I was seven", {{"fact", "self", "hobby", "harp", NULL}}},
    {"forget my age pls, that's private", {{"forget", "self", "age", "", NULL},
                                           {"smalltalk", "self", "job", "private", NULL}}},
    {"my missus is called Ines", {{"fact", "wife", "name", "Ines", NULL}}},
    {"whats my nans name", {{"question", "grandmother", "name", "", NULL}}},
    {"there's our noisy Indian ringneck parrot called Kiwi",
     {{"fact", "parrot", "name", "Kiwi", NULL}}},
    {"my fave film is The Godfather", {{"fact", "self", "favourite film", "The Godfather", NULL}}},
    {"My favourite snack is crisps now.", {{"fact", "self", "favourite snack", "crisps", NULL}}},
    /* a name after "I'm" read as a relation of the age after it; a diet in a list; a
     * language spoken that is also a nationality */
    {"so I'm Maeve, 41, a nurse", {{"fact", "self", "age", "41", NULL},
                                   {"fact", "self", "job", "nurse", NULL},
                                   {"fact", "self", "name", "Maeve", NULL}}},
    {"I'm a midwife in Bath, vegan too", {{"fact", "self", "job", "midwife", NULL},
                                          {"fact", "self", "workplace", "Bath", NULL},
                                          {"fact", "self", "diet", "vegan", NULL}}},
    {"I speak Welsh and Polish", {{"fact", "self", "language", "Welsh", NULL},
                                  {"fact", "self", "language", "Polish", NULL}}},
    /* a place and its country are one value */
    {"I grew up in Cork, Ireland", {{"fact", "self", "hometown", "Cork, Ireland", NULL}}},
    /* a place one has eaten outside of is no home */
    {"the tastiest ramen I've had outside Tokyo honestly",
     {{"smalltalk", "self", "home", "", NULL}}},
    /* a name after "live with my" and a kin word is theirs; a nationality before a comma */
    {"i live with my bf jon", {{"fact", "boyfriend", "name", "jon", NULL}}},
    {"i have been with maya for six years", {{"fact", "partner", "name", "maya", NULL}}},
    {"happy to say I'm Czech, living in Vienna", {{"fact", "self", "hometown", "Czechia", NULL},
                                                  {"fact", "self", "home", "Vienna", NULL}}},
    /* what one studies and where, however the reader read them */
    {"I did my degree in geology at the University of Hull",
     {{"fact", "self", "study", "geology", NULL},
      {"fact", "self", "school", "the University of Hull", NULL}}},
    {"my son is studying dentistry at Cardiff", {{"fact", "son", "studying", "dentistry", NULL},
                                                 {"fact", "son", "school", "Cardiff", NULL}}},
    {"what college did I go to?", {{"question", "self", "school", "", NULL}}},
    /* the place after "moved ... to" however the clause goes on; a month alone is when */
    {"fyi i moved to hull, the flat is tiny but cosy", {{"fact", "self", "home", "hull", NULL}}},
    {"just moved from Derby over to Ely, quieter there",
     {{"correction", "self", "home", "Ely", NULL}}},
    {"we've moved down south to Truro, loving it", {{"fact", "self", "home", "Truro", NULL}}},
    {"we moved to Salt Lake City in June", {{"fact", "self", "home", "Salt Lake City", NULL}}},
    /* a move the reader took for chat, or its month for a birthday */
    {"we moved back to Kendal in March", {{"fact", "self", "home", "Kendal", NULL}}},
    {"relocated to Dunedin in october", {{"fact", "self", "home", "Dunedin", NULL}}},
    {"I started at Siemens in March", {{"fact", "self", "employer", "Siemens", NULL}}},
    {"my cousin Ravi is getting married in july", {{"fact", "cousin", "name", "Ravi", NULL}}},
    /* Chinese forms the reader reads short (forms_zh.c): whose a name is, a favourite, a
     * school */
    {"我的儿子叫东东，今年五岁", {{"fact", "son", "age", "五", NULL}, {"fact", "son", "name", "东东", NULL}}},
    {"我老婆叫什么名字？", {{"question", "wife", "name", "", NULL}}},
    {"我最喜欢的饮料是绿茶", {{"fact", "self", "favourite 饮料", "绿茶", NULL}}},
    /* a kind before the animal kept is its kind, not part of whose it is */
    {"we got a sphynx cat named Pixie", {{"fact", "cat", "name", "Pixie", NULL},
                                          {"fact", "cat", "kind", "sphynx", NULL}}},
    /* a kind known as a whole ("burmese cat") is still a cat; a group one is in is no
     * place, and its name no name of the user's */
    {"we have a burmese cat named Sable", {{"fact", "cat", "name", "Sable", NULL},
                                           {"fact", "cat", "kind", "burmese cat", NULL}}},
    {"i play the fiddle in a folk band called Crooked Lane",
     {{"fact", "band", "name", "Crooked Lane", NULL}, {"fact", "self", "hobby", "fiddle", NULL}}},
    {"I play drums in a ska band", {{"fact", "self", "hobby", "drums", NULL}}},
    /* a verb after the words for someone is no name typed small */
    {"my gran teaches swimming", {{"fact", "grandmother", "teaches", "swimming", ""}}},
    {"my uncle runs a chippy in Leeds", {{"fact", "uncle", "owns", "chippy", ""},
                                         {"fact", "uncle", "workplace", "Leeds", ""}}},
    /* a name right after kin words first in the clause, or before "(my ...)" */
    {"my husband Joe and I live in Dover", {{"fact", "husband", "name", "Joe", NULL},
                                            {"fact", "self", "home", "Dover", ""}}},
    {"girlfriend maddie says hello", {{"fact", "girlfriend", "name", "maddie", NULL}}},
    {"Anneke (the wife) says hi", {{"fact", "wife", "name", "Anneke", NULL}}},
    {"husband Piotr runs the cafe with me", {{"fact", "husband", "name", "Piotr", NULL},
                                             {"fact", "husband", "employer", "cafe", NULL}}},
    /* a team cheered for, and the aside after it */
    {"I barrack for Collingwood, of course", {{"fact", "self", "support", "Collingwood", NULL}}},
    {"go canucks go", {{"fact", "self", "support", "canucks", NULL}}},
    /* an introduction as a list after commas: name, age, job */
    {"hi, maeve here, 29, physio in dublin", {{"fact", "self", "age", "29", NULL},
                                              {"fact", "self", "workplace", "dublin", NULL},
                                              {"fact", "self", "name", "maeve", NULL},
                                              {"fact", "self", "job", "physio", NULL}}},
    {"okay, noted", {{"smalltalk", "self", "", "", NULL}}},
    /* a move the user made names the user's home, whoever else is said; a job changed
     * from one to another or by a promotion */
    {"we moved to Tamale last week, near my in-laws", {{"fact", "self", "home", "Tamale", NULL}}},
    {"switched from nursing to midwife, same hospital", {{"fact", "self", "job", "midwife", NULL}}},
    {"so i got promoted to store manager!", {{"fact", "self", "job", "store manager", NULL}}},
    {"my sister got promoted to head nurse", {{"fact", "sister", "job", "head nurse", NULL}}},
    /* a count said as about so many, with no verb */
    {"we farm near Ruthin, about 300 ewes", {{"fact", "ewes", "number", "300", NULL}}},
    /* a sport played for a team, or first in a clause, not one watched */
    {"i play wing attack for the uni netball team", {{"fact", "self", "hobby", "netball", NULL},
                                                     {"fact", "self", "position", "wing attack", NULL}}},
    {"badminton twice a week at the leisure centre", {{"fact", "self", "hobby", "badminton", NULL}}},
    /* a favourite with an aside after a comma */
    {"fav film ever is paddington 2, the bear one",
     {{"fact", "self", "favourite film", "paddington 2", NULL}}},
    /* a breed of dog alone is a dog, WordNet's or not */
    {"also got a cockapoo called Juno", {{"fact", "dog", "name", "Juno", NULL},
                                         {"fact", "dog", "kind", "cockapoo", NULL}}},
    /* words said of a pet beside its name are no names */
    {"I have a cat called Pixie, she's shy and fussy", {{"fact", "cat", "name", "Pixie", NULL}}},
    /* a job said of the one just named, after "who" or in a pronoun's clause */
    {"Married to Jonas, who is a dentist.", {{"fact", "spouse", "job", "dentist", NULL},
                                             {"fact", "spouse", "name", "Jonas", NULL}}},
    {"I'm married to Leo, he is a baker", {{"fact", "spouse", "name", "Leo", NULL},
                                           {"fact", "spouse", "job", "baker", NULL}}},
    /* "his name" after an animal the user got is the animal's */
    {"we adopted a beagle, her name is Rosie", {{"fact", "self", "owns", "beagle", NULL},
                                                {"fact", "beagle", "name", "Rosie", NULL}}},
    /* a language being learnt is not one spoken */
    {"I'm trying to learn Basque", {{"fact", "self", "learning", "Basque", NULL}}},
    {"which language am I learning?", {{"question", "self", "learning", "", NULL}}},
    {"which language do I study at evening class?", {{"question", "self", "learning", "", NULL}}},
    /* a message begun by a name and a comma introduces the user */
    {"Wenonah, paediatric nurse, based in Duluth", {{"fact", "self", "job", "paediatric nurse", NULL},
                                                    {"fact", "self", "home", "Duluth", NULL},
                                                    {"fact", "self", "name", "Wenonah", NULL}}},
    {"my gf Kamila and I have been together 2 years, she's a pharmacist",
     {{"fact", "girlfriend", "name", "Kamila", NULL}, {"fact", "girlfriend", "job", "pharmacist", NULL}}},
    /* a favourite told with a colon or an equals sign */
    {"fav band of all time: Radiohead", {{"fact", "self", "favourite band", "Radiohead", NULL}}},
    {"fav snack = salted pretzels, easily", {{"fact", "self", "favourite snack", "salted pretzels", NULL}}},
    /* a place or a firm of several capitalised words the reader tagged in part */
    {"I live in New York City", {{"fact", "self", "home", "New York City", NULL}}},
    {"I'm working for the Red Cross now", {{"fact", "self", "employer", "the Red Cross", NULL}}},
    {"my late wife Rosa loved gardening", {{"fact", "wife", "hobby", "gardening", "Rosa"}}},
    {"who am i dating?", {{"question", "partner", "name", "", NULL}}},
    {"my bf Tomas and I have been together 4 years, he's a software developer",
     {{"fact", "boyfriend", "name", "Tomas", NULL}, {"fact", "boyfriend", "job", "software developer", NULL}}},
    /* a clause with no subject and no word of work tells no job but a kind of person */
    {"total daylight robbery by the referee", {{"smalltalk", "self", "job", "", NULL}}},
    {"在医院当护士", {{"fact", "self", "workplace", "医院", NULL},
                       {"fact", "self", "job", "护士", NULL}}},
    /* a new value with the old one it replaces, read as chat, is a correction */
    {"so I'll be living in Porto, not Braga anymore", {{"correction", "self", "home", "Porto", NULL}}},
    /* a second name after "and" that the reader left unmarked */
    {"my sisters are Orla and Brid", {{"fact", "sisters", "name", "Orla", NULL},
                                      {"fact", "sisters", "name", "Brid", NULL}}},
    /* a job beside words read as jobs that name no kind of person */
    {"I work as a locksmith, fixing doors mostly", {{"fact", "self", "job", "locksmith", NULL}}},
    /* how many of a thing one keeps, after a verb of having, and after "and" */
    {"we breed about 25 alpacas", {{"fact", "alpacas", "number", "25", NULL}}},
    {"I have 7 goats and 2 donkeys", {{"fact", "goats", "number", "7", NULL},
                                      {"fact", "donkeys", "number", "2", NULL}}},
    {"we own around 300 sheep", {{"fact", "sheep", "number", "300", NULL}}},
    /* a home town by 老家, a like by 喜欢 after a time word, a date as written, a kin
     * without 我 and kin words of two characters */
    {"老家在西安", {{"fact", "self", "hometown", "西安", NULL}}},
    {"我老家是哪儿的？", {{"question", "self", "hometown", "", NULL}}},
    {"我生日是11月20号，记住哦", {{"fact", "self", "birthday", "11月20号", NULL}}},
    {"周末喜欢去游泳", {{"fact", "self", "likes", "游泳", NULL}}},
    {"我妈妈喜欢跳舞", {{"fact", "mother", "likes", "跳舞", NULL}}},
    {"老公叫大伟", {{"fact", "husband", "name", "大伟", NULL}}},
    {"请忘记我老公的名字", {{"forget", "husband", "name", "", NULL}}},
    /* a kin word after ， begins a clause of its own; a name right after a kin word */
    {"我住在上海，妈妈住在北京", {{"fact", "self", "home", "上海", NULL},
                                  {"fact", "mother", "home", "北京", NULL}}},
    {"女儿甜甜今年七岁了", {{"fact", "daughter", "age", "七", NULL},
                            {"fact", "daughter", "name", "甜甜", NULL}}},
    {"儿子在北京上大学", {{"fact", "son", "school", "北京", NULL}}},
    {"我星期天一般干什么", {{"question", "self", "likes", "", NULL}}},
    {"老家在西安，最爱吃火锅", {{"fact", "self", "hometown", "西安", NULL},
                                {"fact", "self", "likes", "火锅", NULL}}},
    {"我有个姐姐叫王芳", {{"fact", "older sister", "name", "王芳", NULL}}},
    /* an animal kept, with its name, kind and age; its kind asked */
    {"我有一只英短叫团子，它两岁了", {{"fact", "cat", "name", "团子", NULL},
                                       {"fact", "cat", "kind", "英短", NULL},
                                       {"fact", "cat", "age", "两", NULL}}},
    {"我的狗是什么品种？", {{"question", "dog", "kind", "", NULL}}},
    {"我哥哥叫大明，我弟弟叫小明", {{"fact", "older brother", "name", "大明", NULL},
                                     {"fact", "younger brother", "name", "小明", NULL}}},
    {"闺女叫甜甜", {{"fact", "daughter", "name", "甜甜", NULL}}},
    {"我儿子今年几岁？", {{"question", "son", "age", "", NULL}}},
    {"我最喜欢什么饮料？", {{"question", "self", "favourite 饮料", "", NULL}}},
    {"我是学生，在浙江大学读书", {{"fact", "self", "job", "学生", NULL},
                                  {"fact", "self", "school", "浙江大学", NULL}}},
    /* a clause after a comma that goes on without a subject is the speaker's; one
     * character read as a value is a piece of a word */
    {"我叫李强，在武汉读大学", {{"fact", "self", "name", "李强", NULL},
                                {"fact", "self", "school", "武汉", NULL}}},
    {"我以前是出租车司机，现在退休了", {{"fact", "self", "former job", "出租车司机", NULL},
                                        {"smalltalk", "self", "", "", NULL}}},
    {"我换专业了，现在学德语", {{"smalltalk", "self", "", "", NULL},
                                {"fact", "self", "study", "德语", NULL}}},
    /* what one studies after 学的是, asked so too, and the name and school told before
     * it kept */
    {"我叫阿明,在杭州读大二,学法律的", {{"fact", "self", "study", "法律", NULL},
                                        {"fact", "self", "name", "阿明", NULL},
                                        {"fact", "self", "school", "杭州", NULL}}},
    {"我儿子学的是什么", {{"question", "son", "study", "", NULL}}},
    /* what one still studies, asked yes or no */
    {"我还在学护理吗？", {{"yesno", "self", "study", "护理", NULL}}},
    /* a home town before 老家, the name and the age told beside it kept */
    {"我叫张大山，今年六十，在西北老家放羊", {{"fact", "self", "hometown", "西北", NULL},
                                              {"fact", "self", "name", "张大山", NULL},
                                              {"fact", "self", "age", "六十", NULL}}},
    /* a question without a mark is a question */
    {"我表哥做啥工作的", {{"question", "self", "job", "", NULL}}},
    /* a firm named between 叫 and 的; an animal after 我的 asked its age; kin counted and
     * named one by one */
    {"我在一家叫蓝海科技的公司上班", {{"fact", "self", "employer", "蓝海科技", NULL}}},
    {"我在哪家公司上班？", {{"question", "self", "employer", "", NULL}}},
    {"我的兔子几岁了？", {{"question", "rabbit", "age", "", NULL}}},
    {"我喜欢什么运动？", {{"question", "self", "likes", "", NULL}}},
    {"我有两个儿子，大的叫阿明，小的叫阿亮", {{"fact", "sons", "name", "阿明", NULL},
                                            {"fact", "sons", "name", "阿亮", NULL},
                                            {"fact", "sons", "number", "两", NULL}}},
    {"我有几个儿子？", {{"question", "sons", "number", "", NULL}}},
    {"我哥哥叫大伟，在深圳上大学", {{"fact", "older brother", "school", "深圳", NULL},
                                    {"fact", "older brother", "name", "大伟", NULL}}},
    {"我在哪所大学上学？", {{"question", "self", "school", "", NULL}}},
    /* forms the reader reads otherwise: a partner by "share my life with", a name before
     * "is my ...", a value before "is my favourite ...", a name after "my ... is" it
     * left unread, a town of one's own, a game played, a relation after "my" */
    {"I share my life with Tomasz.", {{"fact", "partner", "name", "Tomasz", NULL}}},
    {"Biscuit is my rabbit.", {{"fact", "rabbit", "name", "Biscuit", NULL}}},
    {"Ingrid is my landlady.", {{"fact", "landlady", "name", "Ingrid", NULL}}},
    {"Teal is my favourite colour.", {{"fact", "self", "favourite colour", "Teal", NULL}}},
    {"My flatmate is Oona.", {{"fact", "flatmate", "name", "Oona", NULL}}},
    {"so my city is Ghent", {{"fact", "self", "home", "Ghent", NULL}}},
    {"I have played hockey since school.", {{"fact", "self", "hobby", "hockey", NULL}}},
    {"My sport is fencing.", {{"fact", "self", "sport", "fencing", NULL}}},
    {"each year in March I celebrate my birthday", {{"fact", "self", "birthday", "March", NULL}}},
    {"I have been a dentist for six years.", {{"fact", "self", "job", "dentist", NULL}}},
    {"I just bought a new car, a Skoda", {{"fact", "self", "owns", "Skoda", NULL}}},
    {"now I play badminton instead", {{"fact", "self", "hobby", "badminton", NULL}}},
    {"Oh, and I earn my living as a glazier.", {{"smalltalk", "self", "", "", NULL},
                                                {"fact", "self", "job", "glazier", NULL}}},
    {"my sister ottilie is 12", {{"fact", "sister", "age", "12", "ottilie"}}},
    {"pickle is my dog", {{"fact", "dog", "name", "pickle", NULL}}},
    {"My company is Deloitte as you may know.", {{"fact", "self", "employer", "Deloitte", NULL}}},
    {"I love eating okra.", {{"fact", "self", "likes", "okra", NULL}}},
    {"I play hurling instead", {{"fact", "self", "hobby", "hurling", NULL}}},
    {"By profession I am a cartographer.", {{"fact", "self", "job", "cartographer", NULL}}},
    {"Teal is my favourite colour as you may know.", {{"fact", "self", "favourite colour", "Teal", NULL}}},
    {"Quick question: where do I live?", {{"smalltalk", "self", "", "", NULL},
                                          {"question", "self", "home", "", NULL}}},
    {"Ottilie is my cousin for what it's worth.", {{"fact", "cousin", "name", "Ottilie", NULL}}},
    {"I became a midwife three years ago.", {{"fact", "self", "job", "midwife", NULL}}},
    {"I have worked at Brightwater since 2019.", {{"fact", "self", "employer", "Brightwater", NULL}}},
    {"Nothing beats ramen for me.", {{"fact", "self", "likes", "ramen", NULL}}},
    {"These days I prefer dumplings to anything else.", {{"fact", "self", "likes", "dumplings", NULL}}},
    {"please forget that I prefer tea", {{"forget", "self", "", "prefer tea", NULL}}},
    {"I walk my dog Taco every morning.", {{"fact", "dog", "name", "Taco", NULL}}},
    {"i have played lacrosse since I was ten", {{"fact", "self", "hobby", "lacrosse", NULL}}},
    {"We took up bouldering last spring", {{"fact", "self", "hobby", "bouldering", NULL}}},
    {"I have been a botanist for 12 years.", {{"fact", "self", "job", "botanist", NULL}}},
    {"I'm Lars.", {{"fact", "self", "name", "Lars", NULL}}},
    {"I have a fiancee named Odalys.", {{"fact", "fiancee", "name", "Odalys", NULL}}},
    /* a job told as past is a former one, and what one was "since I was a kid" no job */
    {"I used to be an electrician", {{"fact", "self", "former job", "electrician", NULL}}},
    {"I used to work as a plumber in Derby", {{"fact", "self", "former job", "plumber", NULL},
                                              {"fact", "self", "workplace", "Derby", NULL}}},
    {"I've been vegan since I was a kid", {{"fact", "self", "diet", "vegan", NULL}}},
    /* an event's date is the user's, under the words that say which event */
    {"my physio appointment is on the 9th",
     {{"fact", "self", "physio appointment", "9th", NULL}}},
    {"when's my physio appointment?", {{"question", "self", "physio appointment", "", NULL}}},
    /* a correction's new value right before "not", no comma between */
    {"oh wait, he's a beagle not a basset hound",
     {{"correction", "he", NULL, "beagle", NULL}}},
    /* a kin word the reader cut after its first word */
    {"can you forget about my best mate", {{"forget", "best friend", "", "", NULL}}},
    /* what one works towards, told and asked */
    {"I'm training for a triathlon next summer",
     {{"fact", "self", "training for", "triathlon", NULL}}},
    {"what am I saving up for?", {{"question", "self", "saving for", "", NULL}}},
    /* an age told by "turned" after a name the reader took for the value */
    {"quick correction, Hattie actually turned 9 on monday",
     {{"correction", "hattie", "age", "9", NULL}}},
    /* a thing of the user's named ("my boat is called ..."), not the user */
    {"my boat is called Sea Lark", {{"fact", "boat", "name", "Sea Lark", NULL}}},
    /* a kin word written short with capitals is no name */
    {"my SIL Gemma lives in Perth", {{"fact", "sister in law", "home", "Perth", NULL}}},
    /* Chinese: an allergy between 我 and 过敏, a job after 是 the reader cut in two */
    {"我对猫毛过敏", {{"fact", "self", "allergy", "猫毛", NULL}}},
    {"我哥哥是设计师", {{"fact", "older brother", "job", "设计师", NULL}}},
    /* what one studies (学…的), a job as past (以前是), 老伴 a spouse */
    {"我儿子在南京读大学，学历史的",
     {{"fact", "son", "school", "南京", NULL}, {"fact", "son", "study", "历史", NULL}}},
    {"我以前是中学化学老师", {{"fact", "self", "former job", "中学化学老师", NULL}}},
    {"我老伴叫王芳", {{"fact", "spouse", "name", "王芳", NULL}}},
    /* a trip the user takes, a visit someone of theirs pays, told and asked */
    {"we're flying to Reykjavik over Easter", {{"fact", "self", "trip", "Reykjavik", NULL}}},
    {"where are we flying?", {{"question", "self", "trip", "", NULL}}},
    {"my aunt is visiting us next weekend",
     {{"fact", "aunt", "visit", "next weekend", NULL}}},
    {"when is my aunt visiting?", {{"question", "aunt", "visit", "", NULL}}},
    /* a trade alone is the user's job; a child told alone is none */
    {"locksmith.", {{"fact", "self", "job", "locksmith", NULL}}},
    /* a count told with "now" and no "I" */
    {"two rabbits now", {{"fact", "rabbits", "number", "two", NULL}}},
    /* a favourite asked without "?": the noun after "fave" is the relation's */
    {"whats my fave sport", {{"question", "self", "favourite sport", "", NULL}}},
    /* a team typed small before "fan" */
    {"chelsea fan for my sins", {{"fact", "self", "support", "chelsea", NULL}}},
    {"Every year in April I celebrate my birthday.", {{"fact", "self", "birthday", "April", NULL}}},
    {"I have a rabbit, his name is Clover for what it's worth.",
     {{"fact", "rabbit", "owns", "", NULL}, {"fact", "rabbit", "name", "Clover", NULL}}},    /* a firm after a job, the job read as a holder or as a name, a firm that is a month */
    {"midwife at Rosie Hospital in cambridge", {{"fact", "self", "employer", "Rosie Hospital", NULL},
                                                {"fact", "self", "workplace", "cambridge", NULL},
                                                {"fact", "self", "job", "midwife", NULL}}},
    {"my aunt is a librarian at Hollins Library", {{"fact", "aunt", "job", "librarian", NULL},
                                                   {"fact", "aunt", "employer", "Hollins Library", NULL}}},
    {"my cousin Dev is a welder", {{"fact", "cousin", "job", "welder", "Dev"}}},
    /* a pastime at a time that comes round, asked so too */
    {"on fridays i go for a run by the canal", {{"fact", "self", "hobby", "run", NULL}}},
    {"what do i do on fridays?", {{"question", "self", "hobby", "", NULL}}},
    /* an allergy said after "allergic to", without "I'm" too */
    {"allergic to wasp stings, always carry my pen", {{"fact", "self", "allergy", "wasp stings", NULL}}},
    {"my nephew is allergic to sesame and kiwi", {{"fact", "nephew", "allergy", "sesame", NULL},
                                                  {"fact", "nephew", "allergy", "kiwi", NULL}}},
    /* "when" after a comma that asks nothing; a name before "(my" inside the clause */
    {"born in Gdansk, came to Leeds when i was nine", {{"fact", "self", "hometown", "Gdansk", NULL},
                                                       {"fact", "self", "home", "Leeds", NULL}}},
    {"had lunch with Marek (my brother) yesterday", {{"fact", "brother", "name", "Marek", NULL}}},
    /* a place on a side, told and asked */
    {"i play full back for the club hurling team", {{"fact", "self", "hobby", "hurling", NULL},
                                                    {"fact", "self", "position", "full back", NULL}}},
    {"which position do i play these days?", {{"question", "self", "position", "", NULL}}},
    /* a group named one by one, with ages; a kin word alone in brackets after a name */
    {"the dogs: rolo 9, bramble 4", {{"fact", "dogs", "name", "rolo", NULL},
                                   {"fact", "Rolo", "age", "9", NULL},
                                   {"fact", "dogs", "name", "bramble", NULL},
                                   {"fact", "Bramble", "age", "4", NULL}}},
    {"we keep goats, Pepper and Clove", {{"fact", "goats", "name", "Pepper", NULL},
                                         {"fact", "goats", "name", "Clove", NULL}}},
    {"tomek (hubby) is a roofer", {{"fact", "husband", "name", "tomek", NULL},
                                   {"fact", "husband", "job", "roofer", NULL}}},
    /* a greeting of another language alone tells nothing; an introduction after it */
    {"ahoj! petr here, 40, baker", {{"smalltalk", "self", "", "", NULL},
                                    {"fact", "self", "age", "40", NULL},
                                    {"fact", "self", "job", "baker", NULL},
                                    {"fact", "self", "name", "petr", NULL}}},
    /* "<Name> the <animal>"; a name first before "my" and a kin word; a name read with
     * the age after it */
    {"Pickle the hamster escaped again, he's 2", {{"fact", "hamster", "name", "Pickle", NULL},
                                                  {"fact", "hamster", "age", "2", NULL}}},
    {"dara my sister lives in Cork", {{"fact", "sister", "name", "dara", NULL},
                                      {"fact", "sister", "home", "Cork", NULL}}},
    {"hey im dario 15 from Bari", {{"fact", "self", "name", "dario", NULL},
                                   {"fact", "self", "hometown", "Bari", NULL},
                                   {"fact", "self", "age", "15", NULL}}},
    /* a favourite told with an aside after a comma */
    {"fave show is bluey, yeah its a kids show", {{"fact", "self", "favourite show", "bluey", NULL}}},
    /* a trip told with the going first */
    {"heading to Oslo at Easter", {{"fact", "self", "trip", "Oslo", NULL}}},
    /* a Chinese kin's name said twice over, and the age before 岁 */
    {"孙女丫丫六岁了，上小学", {{"fact", "granddaughter", "age", "六", NULL},
                              {"fact", "granddaughter", "name", "丫丫", NULL}}},
    /* a health condition, told and asked */
    {"my grandad has glaucoma, poor thing", {{"fact", "grandfather", "condition", "glaucoma", NULL}}},
    {"what condition does my grandad have?", {{"question", "grandfather", "condition", "", NULL}}},
    /* a spouse's name typed small before a comma */
    {"married to otto, he's dutch, a plumber by trade", {{"fact", "husband", "job", "plumber", NULL},
                                                         {"fact", "husband", "name", "otto", NULL}}},
    /* a group spoken of, not named: no names ("the dogs are mad, honestly") */
    {"the dogs are mad, honestly", {{"smalltalk", "self", "", "", NULL}}},
    /* the trade around a job of one word; a note's job before its comma */
    {"I'm a dog groomer in Vigo", {{"fact", "self", "job", "dog groomer", NULL},
                                   {"fact", "self", "workplace", "Vigo", NULL}}},
    {"glazier, own business", {{"fact", "self", "job", "glazier", NULL}}},
    /* "X's my <kin>"; a title before a name; a pronoun of the kin said before it */
    {"Rosalind's my aunt", {{"fact", "aunt", "name", "Rosalind", NULL}}},
    {"What's my aunt's name and where do we live?", {{"question", "aunt", "name", "", NULL},
                                                     {"question", "self", "home", "", NULL}}},
    {"my tutor is professor Okafor", {{"fact", "tutor", "name", "Professor Okafor", NULL}}},
    {"we rent a room to my lodger tomas, he's a chef", {{"fact", "lodger", "name", "tomas", NULL},
                                                        {"fact", "lodger", "job", "chef", NULL}}},
    /* a word of kin and what is asked of it, with the possessive */
    {"cat's name?", {{"question", "cat", "name", "", NULL}}},
};

START_TEST(test_hand_written_sentences_read_into_their_units)
{
    understood_t u[UNDERSTAND_MAX];
    char err[256];
    const char *msg = table[_i].msg;
    int all = understand(model_reader(m), msg, u, err, sizeof err), n = 0;
    ck_assert_msg(all >= 0, "'%s': %s", msg, err);
    /* the units the plan would write: a value that cannot be (checks_fits: one CJK
     * character as a language, a person with a breed ...) is the reader's slip, which
     * the plan drops (respond.c) */
    for (int k = 0; k < all; k++)
        if (!u[k].value[0] || checks_fits(u[k].rel, u[k].holder, u[k].value))
            u[n++] = u[k];
    int want = 0;
    while (want < 4 && table[_i].u[want].act) want++;
    ck_assert_msg(n == want, "'%s': %d units, want %d", msg, n, want);
    for (int k = 0; k < n; k++) {
        const unit_t *w = &table[_i].u[k];
        ck_assert_msg(!strcmp(reader_act_name(u[k].act), w->act), "'%s' unit %d: act %s, want %s",
                      msg, k, reader_act_name(u[k].act), w->act);
        /* a fact read less sure than the threshold is small talk to the plan */
        ck_assert_msg(u[k].act != READER_FACT || u[k].act_p >= u[k].fact_min_p,
                      "'%s' unit %d: a fact at %.2f, under %.2f", msg, k, u[k].act_p,
                      u[k].fact_min_p);
        ck_assert_msg(!strcmp(u[k].holder, w->holder), "'%s' unit %d: holder '%s', want '%s'",
                      msg, k, u[k].holder, w->holder);
        if (w->name)
            ck_assert_msg(!strcmp(u[k].name, w->name), "'%s' unit %d: name '%s', want '%s'",
                          msg, k, u[k].name, w->name);
        if (w->relation && w->relation[0])
            ck_assert_msg(!strcmp(u[k].relation, w->relation),
                          "'%s' unit %d: relation '%s', want '%s'", msg, k, u[k].relation,
                          w->relation);
        ck_assert_msg(!strcmp(u[k].value, w->value), "'%s' unit %d: value '%s', want '%s'", msg,
                      k, u[k].value, w->value);
    }
}
END_TEST

/* A job is kept when the words before it tell it as one ("I'm a ...", "as a ..." after a
 * word of work or "I", "promoted to ...", a note's "<job> in <place>"), not when they
 * tell something else ("not much of a cook", "quick as a fox", "I'm a chef innit"). */
START_TEST(test_a_job_is_kept_when_told_as_one)
{
    static const struct {
        const char *text, *value;
        int kept;
    } rows[] = {
        {"I'm a glazier", "glazier", 1},
        {"I work for Lidl as a cashier", "cashier", 1},
        {"i wurk as a tiler in hull", "tiler", 1},
        {"Gustav, ferry engineer in Kiel", "ferry engineer", 1},
        {"I'm now a stonemason", "stonemason", 1},
        {"got promoted to head baker", "head baker", 1},
        {"I am not much of a cook, honestly", "cook", 0},
        {"quick as a fox, my nan", "fox", 0},
        {"I'm a chef innit, pastry mostly", "innit", 0},
        {"a desk in the back office as a clerk", "office", 0},
        {"five pounds an hour, which is a criminal wage", "criminal", 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        ck_assert_msg(checks_cued(READER_REL_JOB, "self", rows[i].value, rows[i].text) ==
                          rows[i].kept,
                      "'%s' of '%s': want %d", rows[i].value, rows[i].text, rows[i].kept);
}
END_TEST

/* A home after "in" needs a word of now in its own part of the sentence: "from Hull but
 * in Leeds now" tells one, "teaching in Leith Academy for years, my pupils are now grown"
 * does not. */
START_TEST(test_a_home_told_by_now_in_its_part)
{
    ck_assert_int_eq(checks_cued(READER_REL_HOME, "self", "Leeds", "from Hull but in Leeds now"), 1);
    ck_assert_int_eq(checks_cued(READER_REL_HOME, "self", "Leith Academy",
                                 "I was teaching in Leith Academy for years, my pupils are now grown"),
                     0);
}
END_TEST

/* A like, a pastime, a home town, a thing had, a firm, a diet, an age and a name are kept
 * when the words of the clause tell them ("we really like", "grew up in", "I've got a",
 * "a vet at", "gluten-free", "Ruth, my aunt"), not a word of the sentence read as one
 * ("grinning like a goat", "smoke from Spain", "I have been reading", "the van broke
 * down at the depot", "the -12 this morning", "stole my scarf"). */
START_TEST(test_a_value_is_kept_when_its_words_tell_it)
{
    static const struct {
        int rel;
        const char *holder, *value, *text;
        int kept;
    } rows[] = {
        {READER_REL_LIKES, "self", "figs", "we really like figs", 1},
        {READER_REL_HOBBY, "self", "fencing", "fencing on thursdays", 1},
        {READER_REL_HOBBY, "self", "whittle", "i whittle a lot", 1},
        {READER_REL_LIKES, "self", "goat", "Ned was grinning like a goat", 0},
        {READER_REL_HOBBY, "self", "sprinting", "my pulse is sprinting", 0},
        {READER_REL_HOMETOWN, "self", "Fife", "grew up in Fife", 1},
        {READER_REL_HOMETOWN, "sister", "Perth", "my sister is visiting from Perth", 1},
        {READER_REL_HOMETOWN, "self", "Spain", "the smoke from Spain again", 0},
        {READER_REL_HOMETOWN, "self", "Ely", "three hours from Ely by train", 0},
        {READER_REL_OWNS, "self", "tandem", "I've got a tandem", 1},
        {READER_REL_OWNS, "self", "kayak", "I'm on a kayak now", 1},
        {READER_REL_OWNS, "self", "kettle", "I have been reading by the kettle", 0},
        {READER_REL_OWNS, "self", "drizzle", "got drenched in the drizzle", 0},
        {READER_REL_EMPLOYER, "self", "Aldi", "I'm at Aldi", 1},
        {READER_REL_WORKPLACE, "self", "hull", "a vet down in hull", 1},
        {READER_REL_WORKPLACE, "self", "depot", "the van broke down at the depot", 0},
        {READER_REL_DIET, "self", "gluten-free", "gluten-free since May", 1},
        {READER_REL_DIET, "self", "sleet", "great, sleet again", 0},
        {READER_REL_AGE, "self", "12", "the -12 this morning", 0},
        {READER_REL_AGE, "self", "15", "15 years together next month", 0},
        {READER_REL_AGE, "self", "41", "I'm 41", 1},
        {READER_REL_NAME, "aunt", "ruth", "ruth my aunt bakes", 1},
        {READER_REL_NAME, "scarf", "stole", "a gull stole my scarf", 0},
        {READER_REL_NAME, "self", "Gale", "Gale warning today", 0},
        {READER_REL_NAME, "self", "Wren", "Wren here", 1},
        /* a verb of saying, a long word in "-ed", or a word in small letters after a word
         * of kin from one who opens with a capital, is no name */
        {READER_REL_NAME, "wife", "insists", "the wife insists we go", 0},
        {READER_REL_NAME, "brother", "painted", "my brother painted the shed", 0},
        {READER_REL_NAME, "uncle", "sang", "Last night my uncle sang again", 0},
        {READER_REL_NAME, "uncle", "ned", "my uncle ned sang again", 1},
        {READER_REL_NAME, "uncle", "ned", "My uncle is called ned", 1},
        {READER_REL_NAME, "cousin", "Lagos", "My cousin in Lagos says hi", 0},
        {READER_REL_NAME, "wife", "Ama", "I'm married to Ama", 1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        ck_assert_msg(checks_cued(rows[i].rel, rows[i].holder, rows[i].value, rows[i].text) ==
                          rows[i].kept,
                      "%s '%s' of '%s': want %d", reader_rel_name(rows[i].rel), rows[i].value,
                      rows[i].text, rows[i].kept);
}
END_TEST

/* A nationality tells where someone is from only when it says what they are: before a
 * noun it says what kind of thing ("a little spanish place"), and is no one's name or
 * home. */
START_TEST(test_a_nationality_before_a_noun_is_no_hometown)
{
    static const char *const msgs[] = {"she runs a little spanish place in Leeds",
                                       "he's opened a tiny greek taverna by the sea"};
    for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
        understood_t u[UNDERSTAND_MAX];
        char err[256];
        int n = understand(model_reader(m), msgs[i], u, err, sizeof err);
        ck_assert_msg(n >= 0, "'%s': %s", msgs[i], err);
        for (int k = 0; k < n; k++)
            ck_assert_msg(u[k].rel != READER_REL_HOMETOWN && u[k].rel != READER_REL_NAME,
                          "'%s' unit %d: %s '%s'", msgs[i], k, u[k].relation, u[k].value);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("understand");
    TCase *tc = tcase_create("table");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, setup, teardown);   /* the model read once */
    tcase_add_loop_test(tc, test_hand_written_sentences_read_into_their_units, 0,
                        (int)(sizeof table / sizeof table[0]));
    tcase_add_test(tc, test_a_nationality_before_a_noun_is_no_hometown);
    tcase_add_test(tc, test_a_job_is_kept_when_told_as_one);
    tcase_add_test(tc, test_a_home_told_by_now_in_its_part);
    tcase_add_test(tc, test_a_value_is_kept_when_its_words_tell_it);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* test_plain.c: shorthand written out before a message is read (agent/plain.h), as a
 * table: whole words of shorthand change, the same letters inside other words and
 * anything else do not; courses, corrections, tags, left-out verbs, pets named in
 * passing and Chinese phrasings are written as the reader knows them; a buffer too small
 * is refused. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/plain.h"

static const struct {
    const char *text, *want;
} rows[] = {
    {"how old r u", "how old are you"},
    {"Forget the cat.", "Forget my cat."},
    {"also jollof is life. seriously", "also I love jollof. seriously"},
    {"my dog is Rolo, you know?", "my dog is Rolo."},
    {"my flatmate kim just bought a snake?? without asking??", "my flatmate kim just bought a snake! without asking??"},
    {"where do i live??", "where do i live??"},
    {"and my fave colour??", "and my fave colour??"},
    {"ok so what's my job??", "what's my job??"},
    {"tulips are the best, did you know?", "tulips are the best."},
    {"where do I work, did you know?", "where do I work?"},
    {"sea swimming is life", "I love sea swimming"},
    {"my mum says this is life", "my mum says this is life"},
    {"notes. kid #2: Milo, 7", "notes. kid: Milo, 7"},
    {"son 1: Ali, 12. son no. 2: Sami", "son: Ali, 12. son: Sami"},
    {"room 12: the blue one", "room 12: the blue one"},
    {"ok, delete my wife and the dog", "ok, delete my wife and my dog"},
    {"the cat is asleep and the dog is out", "the cat is asleep and the dog is out"},
    {"is ur sister ok", "is your sister ok"},
    {"stopping w/ my aunt w/o the dog", "stopping with my aunt without the dog"},
    {"grew up n went to school in Hull", "grew up and went to school in Hull"},
    {"parked w my cousin", "parked with my cousin"},
    {"wat do u recall bout me", "what do you recall about me"},
    {"lost the bout on points", "lost the bout on points"},
    {"n where does she teach", "and where does she teach"},
    {"n then we left", "n then we left"},
    {"whats my gfs birthday", "whats my gf's birthday"},
    {"my cat is 3yo, the dog 11 yo", "my cat is 3 years old, the dog 11 years old"},
    {"i dont drive bc of my eyes", "i don't drive because of my eyes"},
    {"rn im in Leeds", "right now im in Leeds"},
    {"how old's your niece", "how old is your niece"},
    {"where'm I based", "where am I based"},
    {"what'd I call the pup", "what did I call the pup"},
    {"t'cat's called Moss", "the cat's called Moss"},
    {"Callum an' Ruby", "Callum and Ruby"},
    {"I'm in Ennis, did I say? Yes.", "I'm in Ennis. Yes."},
    {"where do I live, did I say?", "where do I live?"},
    {"my son is 7, no wait, 8.", "my son is 8."},
    {"She is 16, ah no, 17, time flies", "She is 17, time flies"},
    {"Hola, me llamo Ines but everybody say Nena", "Hola, my name is Ines but everybody calls me Nena"},
    {"I am married with Koray", "I am married to Koray"},
    {"I am married with two kids", "I am married with two kids"},
    {"I found a gig as tiler", "I found a job as a tiler"},
    {"I work at the lodge on Mount Elgon", "I work at the Mount Elgon lodge"},
    {"baker at a bakery on Pike street, up at 4", "baker at the Pike street bakery, up at 4"},
    {"vet at the surgery on the Strand.", "vet at the Strand surgery."},
    {"we ate at a table on the Rialto", "we ate at a table on the Rialto"},
    {"I have a lactose intolerance", "I'm intolerant to lactose"},
    {"the lass that works with me is Ruth", "My coworker is Ruth"},
    {"Health update: I'm off dairy", "I'm off dairy"},
    {"the gig was loud", "the gig was loud"},
    {"ah no, not again", "ah no, not again"},
    {"taught for thirty-one years, oh wait, thirty-two, I think", "taught for 32 years, I think"},
    {"she's twenty-one, Forty-Five with him", "she's 21, 45 with him"},
    {"a forty-ish man, twenty-twenty vision", "a forty-ish man, twenty-twenty vision"},
    {"we've a goat, I've two aunts", "we have a goat, I have two aunts"},
    {"we've got a goat, I've moved", "we've got a goat, I've moved"},
    {"I'm from Leeds, no, wait, from York.", "I'm from York."},
    {"workin late, studyin after", "working late, studying after"},
    {"我家狗叫啥", "我家狗叫什么"},
    {"俺是老师", "我是老师"},
    {"my fiancée Ana, her fiancé Tom", "my fiancee Ana, her fiance Tom"},
    {"孙女五岁 上幼儿园了", "孙女五岁，上幼儿园了"},
    {"hi 我叫小林 30", "hi 我叫小林 30"},
    {"你好,我叫小林,30岁", "你好，我叫小林，30岁"},
    {"Tom, 我叫小林", "Tom, 我叫小林"},
    {"我外孙是不是叫乐乐?", "我外孙是叫乐乐吗?"},
    {"你有没有猫？", "你有猫吗？"},
    {"我是不是老师", "我是老师吗"},
    {"是不是叫乐乐吗？", "是叫乐乐吗？"},
    /* letters of shorthand inside words, a word alone at an end, names: as they are */
    {"our run was fun", "our run was fun"},
    {"u", "you"},
    {"n", "n"},
    {"Vitamin D and Plan B", "Vitamin D and Plan B"},
    {"R&B fan", "R&B fan"},
    /* a letter of two bytes is inside its word: no "r" or "u" ends or starts there */
    {"a ferret called Rölli", "a ferret called Rölli"},
    {"Ursula, Ülker u Ñu", "Ursula, Ülker you Ñu"},
    {"Jürgen r here", "Jürgen are here"},
    {"I live in Seyðisfjörður", "I live in Seyðisfjörður"},
    /* an age said as one has it in Spanish or French; "am" before a name; Scots and
     * Jamaican "ma", "mi", "wah", "yuh" */
    {"hola, I have 44 years, I'm a cook", "hola, I am 44 years old, I'm a cook"},
    {"I am 57 years old, no, 58 since March, and I farm", "I am 58 years old, and I farm"},
    {"got four hens, nah hang on, five, forgot the new one", "got five hens, forgot the new one"},
    {"I have 3 years old", "I am 3 years old"},
    {"I have 15 years of experience", "I have 15 years of experience"},
    {"Am Isla, a nurse", "I am Isla, a nurse"},
    {"Am Isla?", "Am Isla?"},
    {"whit's ma job", "what's my job"},
    {"tell me name", "tell me name"},
    {"Wah mi name?", "What my name?"},
    {"Wah, so nice", "Wah, so nice"},
    {"yuh know everyting bout mi?", "you know everything about me?"},
    {"mi dawg name Tiny. An mi live inna Ochi.", "my dog called Tiny. An mi live in Ochi."},
    /* one's own people said as "the wife", "the fella next door", set off by "that's" */
    {"The missus is Oona.", "my wife is Oona."},
    {"the missus never listens", "the missus never listens"},
    {"is my better half home?", "is my partner home?"},
    {"hola, soy Inés, from Quito", "hola, i'm Inés, from Quito"},
    {"soy milk please", "soy milk please"},
    {"the wife of the mayor", "the wife of the mayor"},
    {"Lev, that's my cousin, is a vet", "Lev, my cousin, is a vet"},
    {"the lady next door is Pam", "my neighbour is Pam"},
    {"where do I hail from?", "where am I from?"},
    /* a job said without its article */
    {"I am welder, yes?", "I am a welder, yes?"},
    {"i work as crane driver", "i work as a crane driver"},
    {"I am also welder", "I am also welder"},
    {"I'm tired", "I'm tired"},
    {"我爱人是护士", "我老伴是护士"},
    /* a course said without "studying"; a trade, a place or another's is no course */
    {"Ravi, 20, 3rd year chemistry at Leeds", "Ravi, 20, I'm studying chemistry at Leeds"},
    {"Im in my final year of law", "Im studying law"},
    {"sold the van. doing a full-time diploma in horticulture now",
     "sold the van. I'm studying horticulture now"},
    {"my niece is doing a degree in geology", "my niece is studying geology"},
    {"second year apprentice plumber in Hull", "second year apprentice plumber in Hull"},
    {"doing a masters in Lisbon", "doing a masters in Lisbon"},
    {"Ines rang! first year of nursing, she loves it", "Ines rang! first year of nursing, she loves it"},
    {"first year was the worst", "first year was the worst"},
    /* a number put right after a dash or a comma, and a tag alone after a statement */
    {"we keep 6 hens - wait no 7, the new one", "we keep 7 hens, the new one"},
    {"two sons \xE2\x80\x93 no, three", "three sons"},
    {"six kids, no pets", "six kids, no pets"},
    {"cat is Pip. right?", "my cat is Pip, right?"},
    {"Nan is 90 now", "My nan is 90 now"},
    {"Dog is the best animal", "Dog is the best animal"},
    /* a verb left out after a comma, a pet named in commas, a cry, "at present" */
    {"Ivo is 9, Lea 6, Mo 3", "Ivo is 9, Lea is 6, Mo is 3"},
    {"Jana works at Skoda, Petr at Tatra.", "Jana works at Skoda, Petr works at Tatra."},
    {"Ivo is 9, Monday 6", "Ivo is 9, Monday 6"},
    {"Ana is a nurse, Bo a vet, and Cy a pilot", "Ana is a nurse, Bo is a vet, and Cy is a pilot"},
    {"Zoé is 5, Léa 3", "Zoé is 5, Léa is 3"},
    {"we took in a tabby cat last spring, Pumpkin, she bites",
     "we took in a tabby cat called Pumpkin last spring, she bites"},
    {"I have a dog, Rex and a cat", "I have a dog, Rex and a cat"},
    /* a child had, named in commas; a second one had and named in the same sentence */
    {"we've got a wee lass, Morag, she is 3", "we've got a wee lass called Morag, she is 3"},
    {"I have a son, Teo.", "I have a son called Teo."},
    {"I saw a boy, Teo, at the park", "I saw a boy, Teo, at the park"},
    {"got a lurcher named Ash and a brother named Obi who sings",
     "got a lurcher named Ash. I have a brother named Obi who sings"},
    {"my cat is called Ash and a dog barked", "my cat is called Ash and a dog barked"},
    /* a pet lived with; the age of one just named; a day put right in passing */
    {"we live in Hove with an old whippet called Fen, who is 11",
     "we live in Hove. I have an old whippet called Fen. Fen is 11"},
    {"we live in Hove with my aunt", "we live in Hove with my aunt"},
    {"my son is called Aled, who is 9?", "my son is called Aled. Aled is 9?"},
    {"the vet is on the 3rd, sorry no, the 4th, ugh", "the vet is on the 4th, ugh"},
    /* where one studies told by the year one is in */
    {"doin my 1st year at Rhodes, loving it", "I'm a student at Rhodes, loving it"},
    {"I'm in my final year at Kent Uni", "I'm a student at Kent Uni"},
    {"3rd year at Dundee, studying law", "I'm a student at Dundee, studying law"},
    {"majorin in chemistry", "majoring in chemistry"},
    {"im 14, in year 9 at oakfield school", "im 14, I'm a student at oakfield school"},
    {"I'm in grade 7 at Pine Ridge", "I'm a student at Pine Ridge"},
    {"in year 9 we went to Rome", "in year 9 we went to Rome"},
    /* one the user is together with; one named before who they are */
    {"Me and Ines have been together 4 years", "I've been with Ines 4 years"},
    {"My guy Tariq and I are together since 2020", "I've been with my boyfriend Tariq since 2020"},
    {"Well, me n ines been together forever lol", "Well, I've been with ines forever lol"},
    {"me and my sister have been together all day", "me and my sister have been together all day"},
    {"we were together in Rome", "we were together in Rome"},
    {"and theres pickle, my ferret, shes 2", "and my ferret is called pickle, she's 2"},
    {"There's hope, my friend.", "There's hope, my friend."},
    {"then Ivo rang, thats my son, he is 30", "then Ivo rang. My son is called Ivo, he is 30"},
    {"Her boy Teo, my only grandson, loves trains",
     "Her boy Teo. My only grandson is called Teo, loves trains"},
    {"Ada, my wife, sings.", "Ada, my wife, sings."},
    {"Go Ajax forever, my friend", "Go Ajax forever, my friend"},
    {"Where do I live, my friend?", "Where do I live?"},
    {"I miss you, my love?", "I miss you, my love?"},
    {"Who is Ilse to me?", "Who is Ilse?"},
    {"who is he to me?", "who is he to me?"},
    {"im 19, from tulsa originally", "im 19, originally from tulsa"},
    {"from originally", "from originally"},
    {"Ada is older, she is 12, and Bo is the youngest, he's 7.",
     "Ada is older, 12, and Bo is the youngest, 7."},
    {"Ada is here, she is 12", "Ada is here, she is 12"},
    {"Twins. Daughters are Ada and Bo.", "Twins. My daughters are Ada and Bo."},
    {"the daughters are lovely", "the daughters are lovely"},
    {"Traded in the Polo for a Kia Ceed.", "Sold the Polo. Got myself a Kia Ceed."},
    {"we swapped our old van for a camper", "we sold our old van. Got myself a camper"},
    {"traded shifts for a week off", "traded shifts for a week off"},
    {"Mum flies in on Monday, oh wait, Tuesday.", "Mum flies in on Tuesday."},
    {"the fair is in May, sorry, June", "the fair is in June"},
    {"see you Monday, sorry, I'm late", "see you Monday, sorry, I'm late"},
    {"guess who turned 50 today!", "I turned 50 today!"},
    {"Guess who's 9 now", "I'm 9 now"},
    {"guess what, we adopted a dog", "we adopted a dog"},
    {"guess who got promoted!", "guess who got promoted!"},
    {"Ferry pilot. Wife Kirsten keeps the books.", "Ferry pilot. My wife Kirsten keeps the books."},
    {"Brother is tall.", "Brother is tall."},
    {"still renting in Hull", "still living in Hull"},
    {"we rent a flat in Hull", "we live in Hull"},
    {"我家住在扬州", "我住在扬州"},
    {"got a gecko called Pip 🦎 she is 2", "got a gecko called Pip 🦎, she is 2"},
    {"hiya 👋 Ana here", "hiya 👋 Ana here"},
    {"done for today 😴", "done for today 😴"},
    {"There's Ravi, my eldest grandson.", "My eldest grandson is called Ravi."},
    {"There's nothing, my friend, to fear", "There's nothing, my friend, to fear"},
    /* a word of place among one's children after a comma, before a name */
    {"two girls, eldest Maja is 9, youngest Ida is 4",
     "two girls, my eldest Maja is 9, my youngest Ida is 4"},
    {"the eldest, Maja", "my eldest, Maja"},
    /* a while said before where one lives or works */
    {"I live since 4 years in Ghent", "I live in Ghent"},
    {"I work since two years at Bosch.", "I work at Bosch."},
    {"I live since then in Ghent", "I live since then in Ghent"},
    {"Gosh, my back hurts", "my back hurts"},
    {"what do I do at present?", "what do I do now?"},
    {"Remind me, where do I live?", "where do I live?"},
    {"I dey sell phones for Ikeja", "I sell phones for Ikeja"},
    {"the keys dey for table", "the keys dey for table"},
    {"Native place is Kochi, staying in Pune only.", "My hometown is Kochi, living in Pune."},
    {"I am staying in a hostel", "I am staying in a hostel"},
    {"we shifted to Noida", "we moved to Noida"},
    /* a note's parts set off by dashes; names with ages after a group that ends its
     * sentence (in one sentence the roster reads them already) */
    {"Jana - vet - 29. cat: Mog", "Jana, vet, 29. cat: Mog"},
    {"Jana - vet", "Jana - vet"},
    {"Leeds - York - Hull, what a week", "Leeds - York - Hull, what a week"},
    {"Two daughters. Lena 12 and Mia 9.", "Two daughters: Lena 12 and Mia 9."},
    {"no kids. Berlin 5 years, Munich 2", "no kids. Berlin 5 years, Munich 2"},
    {"Three sons. Ed 7 loves trains", "Three sons. Ed 7 loves trains"},
    {"I'm seventy one, aren't I?", "I'm 71, aren't I?"},
    {"my wife is Edda, sorry, Etta. Edda was my ex", "my wife is Etta. Edda was my ex"},
    {"Leeds, sorry, I ramble", "Leeds, sorry, I ramble"},
    {"we met in Oslo, sorry, Bergen, in May", "we met in Bergen, in May"},
    /* a place put right after an apology (any words of one), in a clause of its own,
     * or in a sentence of a bare "no" */
    {"she sells fish at a stall in Hove, sorry, in Lewes.", "she sells fish at a stall in Lewes."},
    {"I'm in Hove, sorry, in case you ask", "I'm in Hove, sorry, in case you ask"},
    {"my aunt lives in Kiel, no, my mistake, she moved to Lübeck in May, ok?",
     "my aunt lives in Lübeck, ok?"},
    {"My son plays at Ashford, no wait, he is going to Kent Rovers now.",
     "My son plays at Kent Rovers."},
    {"the fair falls on the 3rd of July. No, pardon me, on the 8th of July. Bring hats.",
     "the fair falls on the 8th of July. Bring hats."},
    {"Pia is at Ashford, no wait, she is fine.", "Pia is at Ashford, no wait, she is fine."},
    /* "i mean", "make that", a sentence that opens with the waiting, a name said instead */
    {"I shop at Lidl, I mean Aldi, every week", "I shop at Aldi, every week"},
    {"the move is in June. Actually make that July.", "the move is in July."},
    {"Kit is 6. Wait no, she turned 7 in May.", "Kit is 7."},
    {"Kit is 6. Wait, Ola is 9.", "Kit is 6. Wait, Ola is 9."},
    {"I live in Hull. Actually, I like it.", "I live in Hull. Actually, I like it."},
    {"my cat Mo, no wait, Momo, is grey", "my cat Momo, is grey"},
    {"30 anos, i mean 30 years old", "30 years old"},
    /* a school's level said before what is taught; a school gone to */
    {"I teach junior school art in Hull", "I teach art at a junior school in Hull"},
    {"she teaches primary school art and music.", "she teaches art and music at a primary school."},
    {"my girl goes to Hillside Primary.", "my girl studies at Hillside Primary."},
    {"my son Ed is at Oak Park High", "my son Ed studies at Oak Park High"},
    {"Bo is at Oak Park High as a cook", "Bo is at Oak Park High as a cook"},
    {"we go to Leeds Grammar", "we study at Leeds Grammar"},
    /* pets listed told apart, each called its name; every round until none changes */
    {"a pug named Ziggy who's 3 and a tabby cat mo",
     "I have a pug named Ziggy. Ziggy is 3. I have a tabby cat called mo"},
    {"I have a cat and a dog.", "I have a cat and a dog."},
    {"Son Ivo, 8. Daughter Ela, 6.", "My son Ivo, 8. My daughter Ela, 6."},
    {"the youngest, Tolu, is at uni", "my youngest, Tolu, is at uni"},
    {"I'm the youngest, sadly", "I'm the youngest, sadly"},
    /* "like" of working is "as", not before an animal; an age "has" of another; Pidgin
     * "na" after "name" */
    {"working for 3 years like welder in Gdynia", "working for 3 years as a welder in Gdynia"},
    {"I work like a dog", "I work like a dog"},
    {"Eva she has 9 years", "Eva she is 9 years old"},
    {"we live with my son Bastian, who is 12.", "we live with my son Bastian. Bastian is 12."},
    {"My boys Jon and Eli play rugby.", "My boys are Jon and Eli. My boys play rugby."},
    {"My boys Jon and Eli are 9 and 7.", "My boys Jon and Eli are 9 and 7."},
    {"she has 2 years left", "she has 2 years left"},
    {"my brother name na Emeka", "my brother name is Emeka"},
    {"Raj. Been a glazier for 20 years.", "Raj. I've been a glazier for 20 years."},
    {"it has been a long day", "it has been a long day"},
    {"my apprentice dey learn, him name na Obi", "my apprentice dey learn, his name is Obi"},
    {"I'm one of five, right?", "I'm one of five, right?"},
    {"I'm twelve", "I'm twelve"},
    /* a place of business named after it; an aside after "my partner" */
    {"I run a deli in Tours, Le Pain Bleu, open daily",
     "I run a deli called Le Pain Bleu in Tours, open daily"},
    {"one tiny agency in Lodz, it's called Pixelia.", "one tiny agency called Pixelia in Lodz."},
    {"I own a shop in Lyon, France.", "I own a shop in Lyon, France."},
    {"we have a shop in Leeds, Bradley said", "we have a shop in Leeds, Bradley said"},
    {"My partner, in work and in life, is Radka.", "My partner is Radka."},
    {"My partner, Radka, is a vet.", "My partner, Radka, is a vet."},
    /* Chinese: a parting ends its sentence, the partner now, a retired trade, what one
     * likes most, a home town said alone after one's name */
    {"跟阿梅分了，现在的男朋友叫阿峰", "跟阿梅分手了。现在的男朋友叫阿峰"},
    {"我现在女朋友叫啥？", "我女朋友叫什么？"},
    {"他是一名退休的木匠", "他以前是木匠"},
    {"我最爱喝的是奶茶", "我最爱喝奶茶"},
    {"我叫小芳，杭州人，二十岁", "我叫小芳，我是杭州人，二十岁"},
    {"我叫阿强，今年四十六，在成都开店", "我叫阿强，今年四十六岁，在成都开店"},
    {"今年三月我搬家了", "今年三月我搬家了"},
    {"我叫小芳，好多人，很热闹", "我叫小芳，好多人，很热闹"},
    {"Pip is my cat. right? and Bo", "Pip is my cat. right? and Bo"},
    /* 什么 of "any" after a word of not, in a sentence that asks nothing */
    {"我不喝酒，别给我推荐什么酒吧", "我不喝酒，别给我推荐任何酒吧"},
    {"我不记得我表哥叫什么", "我不记得我表哥叫什么"},
    {"别推荐什么酒吧了吗？", "别推荐什么酒吧了吗？"},
    {"", ""},
};

START_TEST(test_shorthand_is_written_out)
{
    char out[256];
    long n = plain_text(rows[_i].text, out, sizeof out);
    ck_assert_msg(n >= 0, "'%s': did not fit", rows[_i].text);
    ck_assert_msg(!strcmp(out, rows[_i].want), "'%s' -> '%s', want '%s'", rows[_i].text, out,
                  rows[_i].want);
    ck_assert_int_eq((long)strlen(out), n);
}
END_TEST

START_TEST(test_a_buffer_too_small_is_refused)
{
    char out[8];
    ck_assert_int_eq(plain_text("how old r u today", out, sizeof out), -1);
    ck_assert_int_eq(plain_text("hi", out, 3), 2);
    ck_assert_str_eq(out, "hi");
    ck_assert_int_eq(plain_text("hi", out, 2), -1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("plain");
    TCase *tc = tcase_create("table");
    tcase_add_loop_test(tc, test_shorthand_is_written_out, 0, (int)(sizeof rows / sizeof rows[0]));
    tcase_add_test(tc, test_a_buffer_too_small_is_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

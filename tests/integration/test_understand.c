/* test_understand.c: the shipped model (model/default.mnemo, with its reader) through
 * the real mnemod's POST /v1/chat, on sentences written here in everyday phrasing (not
 * the generator's): a correction replaces what it corrects, a fact ended by a change is
 * gone, forgetting removes the text from the database files, the summary lists what is
 * current, a message with two facts keeps both (also when one clause tells both),
 * yes/no questions check the fact (any value of a relation with several), several names
 * told at once are all kept and listed, a Chinese question is answered and never stored,
 * no clause ending in a question mark is stored, forgetting finds a relation told in
 * other words, an end must be said, a question never deletes, people are found by the
 * name told beside their kin word and by "he"/"she" in the next clause, a message keeps
 * the first of two values of one relation, a fact or correction told without a subject
 * is the user's, nothing is forgotten unless asked in words, one of several people
 * named in a message is spoken of by name, each favourite keeps its own value, a
 * question about mnemo itself is no summary, small talk is not stored, a restart in
 * the middle loses nothing, "which of my ..." and "who ..." find whose a value is, a pet
 * called by its breed answers what breed it is, "he"/"she" in the next message is whom
 * the last fact was about (never a kin word of the other sex), "I'm kidding" names
 * nobody, where one lives and works stand in for each other, and the forms the reader
 * does not mark are read (a name after "I'm", "a flower shop", driving, "married to",
 * a nationality, counts, measures, "fan", a new pet's kind, an animal told by its
 * kind, a value or name it has not seen), a remark of the day is chat beside a fact
 * (the small-talk gate), and which one of several a sentence picks out is named. */
#define _GNU_SOURCE /* strcasestr */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "tests/integration/harness.h"

static h_daemon_t D;

static void setup(void)
{
    const char *model = getenv("MNEMO_SHIPPED_MODEL");
    ck_assert_msg(model && access(model, R_OK) == 0, "MNEMO_SHIPPED_MODEL is not readable");
    h_init(&D, "");
    snprintf(D.model, sizeof D.model, "%s", model);
    h_start(&D);
}

static void teardown(void) { h_cleanup(&D); }

/* One turn; the reply object (the caller decrefs it). Fails the test unless 200. */
static json_t *say(const char *conversation, const char *message)
{
    h_resp_t r;
    json_t *body = json_pack("{s:s,s:s,s:s}", "user", "u1", "conversation", conversation,
                             "message", message);
    ck_assert_int_eq(h_send(&D, "POST", NULL, "/v1/chat", body, &r), 0);
    ck_assert_msg(r.status == 200, "'%s': %ld %s", message, r.status, r.body);
    json_t *j = json_incref(r.json);
    h_resp_clear(&r);
    return j;
}

static const char *reply_of(const json_t *t)
{
    return json_string_value(json_object_get(t, "reply"));
}

/* Asks and checks the reply contains want (case folded) and none of reject. */
static void ask(const char *conversation, const char *q, const char *want, const char *reject)
{
    json_t *t = say(conversation, q);
    const char *r = reply_of(t);
    ck_assert_msg(strcasestr(r, want), "'%s' -> '%s', want '%s'", q, r, want);
    if (reject) ck_assert_msg(!strcasestr(r, reject), "'%s' -> '%s' has '%s'", q, r, reject);
    ck_assert_str_ne(json_string_value(json_object_get(t, "kind")), "statement");
    json_decref(t);
}

static void tell(const char *conversation, const char *fact)
{
    json_t *t = say(conversation, fact);
    ck_assert_msg(json_array_size(json_object_get(t, "written")) > 0, "'%s' -> '%s' wrote nothing",
                  fact, reply_of(t));
    json_decref(t);
}

/* A remark that writes no memory. */
static void kept_nothing(const char *conversation, const char *message)
{
    json_t *t = say(conversation, message);
    ck_assert_msg(json_array_size(json_object_get(t, "written")) == 0, "'%s' -> '%s' wrote",
                  message, reply_of(t));
    json_decref(t);
}

static size_t memories(void)
{
    json_t *all = h_list_all(&D, NULL, "user=u1");
    size_t n = json_array_size(all);
    json_decref(all);
    return n;
}

/* 1 when needle's bytes occur in the file at path (a missing file has nothing). */
static int file_has(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    size_t cap = 1 << 20, n = 0, k = strlen(needle);
    char *buf = malloc(cap);
    int found = 0;
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b) break;
            buf = b;
        }
    }
    for (size_t i = 0; buf && i + k <= n && !found; i++) found = memcmp(buf + i, needle, k) == 0;
    free(buf);
    fclose(f);
    return found;
}

/* Stops the daemon, then checks neither the database file nor its WAL holds needle: a
 * forgotten text is gone from the files, not only hidden. */
static void files_lack(const char *needle)
{
    ck_assert_int_eq(h_stop(&D), 0);
    char wal[400];
    snprintf(wal, sizeof wal, "%s-wal", D.db);
    ck_assert_msg(!file_has(D.db, needle), "the database file still has '%s'", needle);
    ck_assert_msg(!file_has(wal, needle), "the WAL still has '%s'", needle);
}

START_TEST(test_a_correction_replaces_the_value_it_corrects)
{
    tell("a", "my sister is called Lina");
    json_t *t = say("a", "sorry, I meant Lena not Lina");
    ck_assert_uint_gt(json_array_size(json_object_get(t, "superseded")), 0);
    json_decref(t);
    ask("b", "what's my sister called?", "Lena", "Lina");
}
END_TEST

START_TEST(test_a_new_employer_replaces_the_old_one)
{
    tell("a", "I work at Philips");
    json_decref(say("a", "I'm not at Philips anymore, I joined Vestas"));
    ask("b", "where do I work?", "Vestas", "Philips");
}
END_TEST

START_TEST(test_forgetting_removes_the_text_from_the_database_files)
{
    tell("a", "my address is 14 Quarrington Lane");
    json_t *t = say("a", "please forget my home address");
    ck_assert_msg(strcasestr(reply_of(t), "forgot"), "reply '%s'", reply_of(t));
    ck_assert_uint_gt(json_array_size(json_object_get(t, "forgotten")), 0);
    json_decref(t);
    ask("b", "what's my address?", "don't know", "Quarrington");
    files_lack("Quarrington");
}
END_TEST

/* A value told in shorthand ("rock n roll") is kept written out; forgetting it by its
 * relation leaves no copy of it in the files, the turn that told it included. */
START_TEST(test_forgetting_a_value_told_in_shorthand_leaves_no_copy)
{
    tell("a", "i love rock n roll");
    json_t *t = say("a", "please forget what music i like");
    ck_assert_uint_gt(json_array_size(json_object_get(t, "forgotten")), 0);
    json_decref(t);
    ask("b", "what music do i like?", "don't know", "rock");
    files_lack("rock");
}
END_TEST

/* What the reader makes no fact of is still what the user told: a question no fact
 * answers quotes the newest sentence of theirs that holds its words, with the turn it
 * came from, in another conversation and after a restart. A question of words never
 * told, or one asked about someone the sentence does not name, is not answered so, and
 * a request to forget those words (or "forget that" after it) hides the sentence from
 * then on. */
START_TEST(test_a_question_no_fact_answers_quotes_what_was_told)
{
    json_t *t = say("a", "sundays I ring the bells at St Aldhelm's, mostly the treble");
    json_int_t told = json_integer_value(json_object_get(t, "turn"));
    json_decref(t);
    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
    t = say("b", "which bell do I ring?");
    ck_assert_msg(strstr(reply_of(t), "treble"), "-> '%s'", reply_of(t));
    ck_assert_str_eq(json_string_value(json_object_get(t, "kind")), "answer");
    json_t *q = json_object_get(t, "quoted");
    ck_assert_int_eq(json_integer_value(json_object_get(q, "turn")), told);
    ck_assert_str_eq(json_string_value(json_object_get(q, "conversation")), "a");
    ck_assert_msg(strstr(json_string_value(json_object_get(t, "answer")), "St Aldhelm's"),
                  "answer: '%s'", json_string_value(json_object_get(t, "answer")));
    json_decref(t);
    ask("b", "what's my shoe size?", "don't know", NULL);
    ask("b", "which bell does my brother ring?", "don't know", "treble");
    t = say("c", "what's my favourite colour?");
    ck_assert(json_is_null(json_object_get(t, "quoted")));
    json_decref(t);
    json_decref(say("c", "please forget about the bells"));
    ask("d", "which bell do I ring?", "don't know", "treble");
    /* a request to forget that names nothing hides the message before it */
    json_decref(say("e", "my tide tables live in the green folder by the door"));
    ask("e", "where are my tide tables?", "green folder", NULL);
    json_decref(say("e", "ugh, forget that"));
    ask("f", "where are my tide tables?", "don't know", "green");
}
END_TEST

/* Questions no fact answers, of other shapes, quote what the user said: a thing's name
 * told beside the word for it, a question the reader takes for chat or for nobody's ("which
 * evening is the quiz?", "when's darts again?"), a yes/no question each of whose words
 * were told ("Yes, you told me: ..."),
 * and one they were told denied, which is quoted, not said yes to. */
START_TEST(test_open_questions_of_other_shapes_quote_the_user)
{
    json_decref(say("a", "the allotment down by the canal is called Greenacre, leeks mostly"));
    json_decref(say("a", "darts is on tuesday evenings down at the Crown, never miss it"));
    json_decref(say("a", "our quiz team meets on sunday evenings, we came third last time"));
    json_decref(say("a", "my driving test is booked for a wednesday"));
    json_decref(say("a", "I don't eat mussels any more, they made me ill"));
    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
    ask("b", "what's my allotment called?", "Greenacre", NULL);
    ask("b", "when's darts again?", "tuesday", NULL);         /* read as nobody's */
    ask("b", "which evening is the quiz?", "sunday", NULL);   /* read as chat */
    ask("b", "is my driving test on wednesday?", "Yes, you told me", NULL);
    ask("b", "do I eat mussels?", "don't eat mussels", "Yes");
}
END_TEST

/* A question answered by a fact whose sentence never said the thing it names ("which
 * floor ...?" by the workplace) is answered by the user's sentence that says it; the
 * same fact still answers what it does say. */
START_TEST(test_a_fact_that_never_said_what_is_asked_gives_way_to_the_user_s_words)
{
    tell("a", "I work as a receptionist in Leeds.");
    json_decref(say("a", "The front desk is on the second floor of the Grand."));
    ask("b", "which floor do I work on?", "second floor", NULL);
    ask("b", "where do I work?", "Leeds", "floor");
    /* the answer's own sentence names it too: that sentence, not a newer one */
    tell("c", "I drive a Corolla for the taxi firm.");
    json_decref(say("c", "The taxi firm sent me to the airport twice today."));
    ask("d", "what car do I drive for the taxi firm?", "Corolla", "airport");
    /* a place named in a question of where only narrows it */
    tell("c", "I live in Gracia, up in Barcelona.");
    json_decref(say("c", "Barcelona traffic is mad today."));
    ask("d", "where in Barcelona do I live?", "Gracia", "traffic");
    /* a "no" gives way to no wish: "we hope to ..." says no yes */
    json_decref(say("c", "Someday we hope to settle in Tromso."));
    ask("d", "do I live in Tromso?", "No", "told me");
}
END_TEST

/* A question the reader takes for nobody's, of a user who told facts of their own, is
 * answered by what the user said of whom it names (bAbI's stories tell no such facts, so
 * their questions stay the memory network's). */
START_TEST(test_a_question_of_someone_only_told_of_is_the_user_s)
{
    tell("a", "I'm a teacher in York.");
    json_decref(say("a", "Ines runs the drama club on thursdays at the old chapel."));
    ask("b", "where does Ines run the drama club?", "chapel", NULL);
}
END_TEST

/* Two people named first and joined by "and" are who a clause is about, not the user
 * with the subject left out. */
START_TEST(test_two_people_named_first_are_not_the_user)
{
    tell("a", "I'm Ola, I work at the library.");
    json_decref(say("a", "Priya and Sam work at the garden centre."));
    ask("b", "what's my name?", "Ola", "Priya");
    ask("b", "where do I work?", "library", "garden");
}
END_TEST

/* A story of others says no "I", even where the reader slips on it ("John and Daniel
 * moved ..."): its question is the memory network's, not a quote of the sentence that
 * names whom it asks about. */
START_TEST(test_a_story_of_others_stays_the_memory_network_s)
{
    json_t *t = say("s", "John and Mary moved to the bathroom.");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "frames")), 0);
    json_decref(t);
    json_decref(say("s", "Then they journeyed to the hallway."));
    ask("s", "Where is Mary?", "hallway", "told me");
}
END_TEST

/* A ward said with "the" is where one works, though WordNet has a ward as a person too;
 * what someone did to the user ("sent me to ...") asks nothing, so nothing is refused. */
START_TEST(test_a_ward_is_a_place_and_what_happened_asks_nothing)
{
    tell("a", "My brother Piet is a porter.");
    tell("a", "Piet works on the burns ward at Ridgeway General.");
    ask("b", "what does Piet do?", "porter", "ward");
    ask("b", "which ward does Piet work on?", "burns", NULL);
    json_t *t = say("a", "The courier firm sent me to Inverness twice this week.");
    const char *reply = json_string_value(json_object_get(t, "reply"));
    ck_assert_msg(reply && !strstr(reply, "can't"), "refused: %s", reply ? reply : "(none)");
    json_decref(t);
}
END_TEST

/* A Chinese clause with a question word is a question even without a mark: nothing is
 * written, and what no fact answers is quoted from the user's Chinese sentence that holds
 * its characters, but only a sentence that names whom it asks about (a dog is not
 * the rabbit). */
START_TEST(test_a_chinese_question_without_a_mark_is_asked_and_quoted)
{
    json_decref(say("a", "我每周三晚上七点去练瑜伽。"));
    json_decref(say("a", "我养了一只兔子，名叫雪球。"));
    json_t *t = say("b", "我表哥做啥工作的");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "written")), 0);
    ck_assert_str_ne(json_string_value(json_object_get(t, "kind")), "statement");
    json_decref(t);
    ask("b", "我每周三几点去练瑜伽", "七点", NULL);
    /* a second sentence of a message is quoted from its first character (a half one
     * would be no JSON) */
    json_decref(say("a", "我叫小林。我每周六去湖边划船。"));
    ask("b", "我每周六去哪儿划船", "湖边", NULL);
    /* a Chinese yes/no question whose characters one sentence holds, undenied, is yes */
    json_decref(say("a", "最近睡不好，我得了偏头痛，一直在吃药。"));
    ask("b", "我得了偏头痛吗？", "Yes, you told me", NULL);
    /* a Chinese fact is told in the words of its relation: no job, name or home is
     * written from a trip or a commute */
    for (int i = 0; i < 2; i++) {
        t = say("a", i ? "我老公每天开车四十分钟去单位。" : "我们每两个月坐火车回一次老家。");
        ck_assert_uint_eq(json_array_size(json_object_get(t, "frames")), 0);
        json_decref(t);
    }
    ask("b", "我家的狗叫什么", "know", "雪球");
}
END_TEST

/* A yes/no question no fact answers is answered from the sentence that holds its words:
 * yes when it holds them all, no when it tells another value beside them ("day shifts"
 * against "night shifts"), whatever the reader took the question for. A question of a
 * kind of value ("which town ...?") is found by the words of its relation. */
START_TEST(test_a_quoted_yes_or_no_checks_the_value_beside_its_words)
{
    json_decref(say("a", "I worked night shifts at the bakery for years."));
    ask("b", "Was I on day shifts at the bakery?", "No, you told me", "Yes");
    ask("b", "Was I on night shifts at the bakery?", "Yes, you told me", NULL);
    json_decref(say("a", "I'm a stay at home mum in Tartu with two boys"));
    ask("b", "what town am i living in", "Tartu", NULL);
}
END_TEST

/* A state typed small after "im" is no name, the name the user gives themselves holds
 * no facts of its own, a wedding date is no birthday, and a thing named alone after a
 * request to forget is forgotten too. */
START_TEST(test_states_wedding_dates_and_lists_to_forget)
{
    tell("a", "im pregnant, work as a florist in Tralee");
    ask("b", "what's my name?", "don't know", "pregnant");
    json_decref(say("a", "we tie the knot on 9 August!"));
    ask("b", "when's my birthday?", "don't know", "August");
    tell("a", "im sefa, 27, florist in Tralee");
    ask("b", "what age am I?", "27", NULL);
    tell("a", "My fiance is called Oisin.");
    json_t *t = say("b", "Please delete where I work and my fiance's name.");
    json_decref(t);
    ask("b", "what's my fiance called?", "don't know", "Oisin");
}
END_TEST

/* A quote is cut at sentence ends, not at a title's full stop: the sentence that says
 * "Dr." is quoted whole. */
START_TEST(test_a_title_does_not_end_a_quoted_sentence)
{
    json_decref(say("a", "I had my check-up with Dr. Okonkwo at the Mill Lane surgery."));
    ask("b", "where was my check-up?", "Mill Lane", NULL);
}
END_TEST

/* One clause told two facts; forgetting one keeps the other, and the value forgotten
 * leaves the files all the same (the memory that quoted it is written again without it). */
START_TEST(test_forgetting_one_of_two_facts_told_together_keeps_the_other)
{
    tell("a", "I work at Hallgarth Horology as a watchmaker");
    json_t *t = say("a", "please forget my job");
    ck_assert_uint_gt(json_array_size(json_object_get(t, "forgotten")), 0);
    json_decref(t);
    ask("b", "where do I work?", "Hallgarth", "watchmaker");
    ask("b", "what is my job?", "don't know", "watchmaker");
    files_lack("watchmaker");
}
END_TEST

/* Forgetting a value takes the sentence that told it from its message, not the message:
 * what else the message told is still quoted, and the value is gone from the files. */
START_TEST(test_forgetting_a_value_keeps_the_rest_of_its_message)
{
    tell("a", "My address is 14 Quarrington Lane. My cousin Oleander keeps bees in Hexham.");
    json_decref(say("b", "please forget my home address"));
    ask("b", "what does my cousin keep?", "bees", NULL);
    ask("b", "what's my address?", "don't know", "Quarrington");
    files_lack("Quarrington");
}
END_TEST

/* A yes/no question no fact answers says yes from the user's sentence when it holds the
 * name or number asked beside whom it is about, or the one thing asked after "my",
 * though a "can't" cut from it by a cause stands before it; an age is asked as "how
 * old" is. */
START_TEST(test_yes_from_a_sentence_that_holds_the_name_or_the_thing)
{
    json_decref(say("a", "Tumbleweed, our scruffy lurcher, sleeps on the sofa all day"));
    ask("b", "is my dog called Tumbleweed?", "yes", NULL);
    ask("b", "is my dog called Biscuit?", "no", "yes");
    json_decref(say("a", "I don't jog because of my scoliosis"));
    ask("b", "do i have scoliosis?", "yes", NULL);
    json_decref(say("a", "Pim, our son, just turned 3"));
    ask("b", "is my son 3?", "yes", NULL);
    ask("b", "what is my son's age?", "3", NULL);
}
END_TEST

/* How many the user has now: a count told again since ("down to 15 now", "kid number
 * four"), or the count told before and what came or went since ("one more", "sold 12
 * goats"); a number of what came or went is never the count, nor an age. */
START_TEST(test_a_count_changed_since_is_counted_now)
{
    json_decref(say("a", "I keep 22 sheep on a hill farm near Keswick."));
    json_decref(say("b", "Rough week, we sold 4 ewes at the mart. Down to 15 now."));
    ask("b", "how many sheep do I have now?", "15", "22");
    ask("b", "how old am I?", "don't know", "15");
    json_decref(say("a", "I have 3 kids: Lea, Sam and Ivo."));
    json_decref(say("b", "Big day, kid number four arrived at dawn!"));
    ask("c", "how many kids have I got now?", "4", "3");
    json_decref(say("a", "We keep 14 hens. Grim week, a fox took 3 hens, down to 11 now."));
    ask("b", "how many hens do we have now?", "11", "14");
    json_decref(say("a", "We keep 40 goats on the farm."));
    json_decref(say("b", "We sold 12 goats to a neighbour last week."));
    ask("c", "how many goats do we have?", "28", "40");
}
END_TEST

/* Whom a quote means: a sentence that opens with "he" or "she" is quoted with the one
 * before it, and "who ...?" of the user's things finds what was told of someone of
 * theirs; "what instrument ...?" finds an instrument by its name; a retired trade is a
 * former job, which a question of the job still answers, and "before I forget" forgets
 * nothing. */
START_TEST(test_quotes_say_whom_and_which_instrument)
{
    json_decref(say("a", "Co-owner is Ottmar. He handles the invoices, I handle the kilns."));
    ask("b", "who handles the invoices?", "Ottmar", NULL);
    json_decref(say("a", "My nephew Tavi sweeps the bakery on Saturdays."));
    ask("b", "who sweeps my bakery?", "Tavi", NULL);
    json_decref(say("a", "Studying composition in Leipzig, bandoneon mostly."));
    ask("b", "what instrument did I say I play?", "bandoneon", NULL);
    json_decref(say("a", "I'm a retired lighthouse keeper."));
    ask("c", "what's my job?", "lighthouse keeper", NULL);
    /* one's own forgetting asks nothing to be forgotten */
    json_decref(say("c", "remind me what my job was, before I forget"));
    ask("c", "what did I do for a living?", "lighthouse keeper", NULL);
}
END_TEST

/* Chinese: a twin's kin word is the kin word (一个双胞胎哥哥), never a job; the pets
 * asked are said by their kind as told. */
START_TEST(test_chinese_twins_and_pets)
{
    json_decref(say("a", "我有一个双胞胎哥哥叫张伟，他在成都当厨师。"));
    ask("b", "我哥哥叫什么名字？", "张伟", NULL);
    ask("b", "我是做什么工作的？", "don't know", "双胞胎");
    json_decref(say("a", "我养了一只鹦鹉，叫豆包。"));
    ask("b", "我养的是什么宠物？", "鹦鹉", NULL);
}
END_TEST

/* A question of what holds now finds the newer message that names the value a
 * sentence told in small letters and says it changed, and quotes what replaced it
 * without what was left ("changed my mind about ...", "sold it", "instead of ..."). */
START_TEST(test_a_change_in_small_letters_answers_what_holds_now)
{
    json_decref(say("a", "chess is my game at the club, stuck at 1400 lol"));
    json_decref(say("b", "quit chess in the end and switched to go, the whole club did"));
    ask("b", "which game is mine at the club now?", "go", "chess");
    json_decref(say("a", "the van's a white transit, got it second hand"));
    json_decref(say("b", "changed our mind about the transit and sold it, a vivaro is what I "
                         "drive now"));
    ask("c", "what van do i drive these days?", "vivaro", "transit");
}
END_TEST

/* A job said short beside one's name ("Priya here, lab tech in Dundee") is the user's
 * job. */
START_TEST(test_a_job_in_an_introduction_is_the_job)
{
    json_decref(say("a", "Priya here, lab tech in Dundee"));
    ask("b", "what's my job?", "lab tech", NULL);
}
END_TEST

/* "what do you have on me?" asks for all mnemo holds on the user. */
START_TEST(test_what_have_you_got_on_me_is_a_summary)
{
    tell("a", "I'm a florist in Perth and I ride a Pashley");
    ask("b", "what do you have on me?", "florist", NULL);
}
END_TEST

/* A word alone with a question mark asks for what it names ("job?", "dog name?"); a
 * number before a word of many counts those ("14 hives"), as one had does ("now we
 * have 23"): no age; "we moved house" tells no home. */
START_TEST(test_a_word_alone_asks_and_a_count_is_no_age)
{
    tell("a", "I'm a glazier in Ghent");
    ask("b", "job?", "glazier", NULL);
    tell("a", "our dog Nettle is a border terrier");
    ask("b", "dog name?", "Nettle", NULL);
    json_decref(say("a", "we run sheep on the hill, 40 ewes this year"));
    ask("b", "how old am I?", "don't know", "40");
    json_decref(say("a", "the hens are laying well and we have 9 now"));
    ask("b", "how old am I?", "don't know", "9");
    tell("a", "I live in Stromness with my gran");
    json_decref(say("b", "moved house last week, we're in Kirkwall now"));
    ask("c", "where do I live now?", "Kirkwall", "live in house");
}
END_TEST

/* Small talk of the weather, of a long day or of someone's forgetting is answered, never
 * kept nor taken for a request: "everyone forgets their umbrella" deletes nothing. */
START_TEST(test_weather_moods_and_others_forgetting_keep_and_delete_nothing)
{
    tell("a", "I work at a bakery in Leith");
    size_t before = memories();
    static const char *const chat[] = {
        "-14 this morning. The van wouldn't start at the yard. Typical.",
        "first frost today in Leith, lovely, but everyone forgets their umbrella",
        "long day today, my ankles are dead lol",
        "I'm starting to forget what a lie-in feels like",
        "the gulls were grinning like pirates at the harbour",
    };
    for (size_t i = 0; i < sizeof chat / sizeof chat[0]; i++) {
        json_t *t = say("a", chat[i]);
        ck_assert_msg(strcmp(json_string_value(json_object_get(t, "kind")), "statement") != 0,
                      "'%s' -> '%s' kept as a statement", chat[i], reply_of(t));
        json_decref(t);
    }
    ck_assert_uint_eq(memories(), before);
    ask("b", "where do I work?", "bakery", NULL);
}
END_TEST

/* A name given to "it" after a thing the user has names that thing; an animal's name
 * after a comma is its name, not its job; "he is 11" after "our son Ivo" is the son's
 * age; "I live on <an island>" tells the home. */
START_TEST(test_names_of_things_and_animals_ages_of_him_and_islands)
{
    tell("a", "I own a small bakery in Leith, it's called Crumbs");
    ask("b", "what's my bakery called?", "Crumbs", NULL);
    tell("a", "I have a ferret, Captain Nibbles, he steals socks");
    ask("b", "what is my ferret called?", "Captain Nibbles", NULL);
    tell("a", "My ex and I share our son Ivo, he is 11.");
    ask("b", "how old is my son?", "11", NULL);
    tell("a", "I live on Arran with my partner");
    ask("b", "where do I live?", "Arran", NULL);
}
END_TEST

/* "still" asks what holds now, and a sentence that says it is gone answers no; a kind
 * asked of a pet told by name ("a Dartmoor pony") is not borne out by its name; "scrap
 * the bit about ..." forgets what was said of it. */
START_TEST(test_still_a_kind_and_scrapping_a_note)
{
    tell("a", "my motorbike is an old Honda CB");
    json_decref(say("b", "sold the Honda last month, it's gone"));
    ask("c", "Do I still ride the Honda?", "No", "Yes");
    tell("a", "our pony Crumble is a fell pony, headstrong as a mule");
    ask("b", "is Crumble a Dartmoor pony?", "", "Yes");
    ask("b", "is Crumble my pony?", "Yes", NULL);
    json_decref(say("a", "I take beta blockers before big exams"));
    json_decref(say("b", "ok scrap the bit about the beta blockers"));
    ask("c", "what do I take before exams?", "", "blockers");
}
END_TEST

/* How many of a thing one keeps is told by a number after a verb of having, and asked
 * by "how many" in another conversation. */
START_TEST(test_how_many_of_a_thing_is_what_was_told)
{
    tell("a", "we keep 14 geese and 3 goats on the smallholding");
    ask("b", "how many goats do we have?", "3", "14");
    ask("b", "how many geese have I got?", "14", NULL);
}
END_TEST

/* "her name is" after an animal the user got names that animal, and "any pets?" asked
 * as yes or no says yes with what the user has. */
START_TEST(test_an_animal_got_then_named_is_a_pet)
{
    tell("a", "we adopted a whippet, her name is Dot");
    ask("b", "what's my dog called?", "Dot", NULL);
    ask("b", "do I have any pets?", "yes", NULL);
}
END_TEST

/* A partner told of by one word is found by another ("married to" is a spouse, asked
 * of as a husband; a partner asked of is anyone's partner), and "he is a chef" after the
 * name is the spouse's job; a girlfriend asked of is no partner told of as one. */
START_TEST(test_a_partner_is_found_by_any_word_for_one)
{
    tell("a", "I'm married to Kofi, he is a chef");
    ask("b", "what does my husband do?", "chef", NULL);
    ask("b", "who am I dating?", "Kofi", NULL);
    tell("c", "my partner Halldis and I live together");
    ask("d", "who is my girlfriend?", "don't know", "Halldis");
}
END_TEST

/* A language being learnt is told apart from the languages spoken. */
START_TEST(test_a_language_learnt_is_not_one_spoken)
{
    tell("a", "I speak Danish and I'm learning Korean");
    ask("b", "which language am I learning?", "Korean", "Danish");
    ask("b", "am I learning korean?", "yes", NULL);
}
END_TEST

START_TEST(test_the_summary_lists_what_is_current)
{
    tell("a", "I live in Tampere");
    tell("a", "I'm a carpenter");
    tell("a", "actually I moved to Oulu");
    json_t *t = say("b", "what do you know about me?");
    const char *r = reply_of(t);
    ck_assert_msg(strcasestr(r, "Oulu") && strcasestr(r, "carpenter"), "summary '%s'", r);
    ck_assert_msg(!strcasestr(r, "Tampere"), "summary '%s' has the old city", r);
    json_decref(t);
}
END_TEST

START_TEST(test_a_message_with_two_facts_keeps_both)
{
    json_t *t = say("a", "my mum is Ann and my dad is Rob");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "written")), 2);
    json_decref(t);
    ask("b", "what's my dad called?", "Rob", "Ann");
    ask("b", "what is my mum's name?", "Ann", "Rob");
}
END_TEST

START_TEST(test_one_clause_with_two_facts_keeps_both)
{
    json_t *t = say("a", "I work as a welder in Gdansk");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "written")), 2);
    json_decref(t);
    ask("b", "what's my job?", "welder", "Gdansk");
    ask("b", "which city do I work in?", "Gdansk", "welder");
}
END_TEST

/* Several people or animals named at once are all kept, and a question about them lists
 * them all; a relation with several values (languages) answers yes for any of them. */
START_TEST(test_several_names_and_values_are_all_kept)
{
    json_t *t = say("a", "we have two cats called Pixel and Mango");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "written")), 3);  /* and how many */
    json_decref(t);
    ask("b", "how many cats do i have?", "two", NULL);
    ask("b", "what are my cats called?", "Pixel", NULL);
    ask("b", "what are my cats called?", "Mango", NULL);
    tell("a", "I speak Danish");
    tell("a", "I speak Italian too");
    ask("b", "do I speak Danish?", "yes", NULL);
    ask("b", "what languages do I speak?", "Italian", NULL);
}
END_TEST

START_TEST(test_yes_no_questions_check_the_fact)
{
    tell("a", "I live in Ghent");
    ask("b", "do I live in Ghent?", "yes", NULL);
    ask("b", "do I live in Lyon?", "no", "yes");
}
END_TEST

START_TEST(test_a_chinese_question_is_answered_and_never_stored)
{
    tell("a", "我的兔子叫小白");
    size_t before = memories();
    ask("b", "我的兔子叫什么？", "小白", NULL);
    ck_assert_uint_eq(memories(), before);
}
END_TEST

/* A question is never written as a fact, whatever the reader made of it. */
START_TEST(test_a_question_mark_is_never_stored)
{
    json_decref(say("a", "我的老板叫什么名字？"));
    json_decref(say("a", "and what's my boss's surname?"));
    ck_assert_uint_eq(memories(), 0);
}
END_TEST

/* A forget request finds an open relation told in fewer words, and one after a comma
 * is a clause of its own. */
START_TEST(test_forgetting_finds_the_relation_in_other_words)
{
    tell("a", "my locker code is 4471");
    json_t *t = say("a", "ok cool, please forget my locker code number");
    ck_assert_uint_gt(json_array_size(json_object_get(t, "forgotten")), 0);
    json_decref(t);
    ask("b", "what's my locker code?", "don't know", "4471");
}
END_TEST

/* A correction with no new value ends a fact only when it says something ended. */
START_TEST(test_an_end_must_be_said)
{
    tell("a", "i work in Leeds");
    json_decref(say("a", "tell me if i live in paris"));
    ask("b", "where do i work?", "Leeds", NULL);
    json_decref(say("a", "i don't work in Leeds anymore"));
    ask("b", "where do i work?", "don't know", "Leeds");
}
END_TEST

/* A question that opens with a question word never deletes anything, even where the
 * reader takes it for a forget request. */
START_TEST(test_a_question_never_forgets)
{
    tell("a", "my address is 9 Elm Row");
    size_t before = memories();
    json_t *t = say("a", "what's my address, did you forget it?");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "forgotten")), 0);
    json_decref(t);
    ck_assert_uint_eq(memories(), before);
    ask("b", "what's my address?", "Elm Row", NULL);
}
END_TEST

/* Someone named right after the kin word, asked about by name; a capitalised word the
 * reader left untagged after "I'm" is the user's name; "she" is the person of
 * the clause before. */
/* A forget request whose words after the relation match no fact forgets the relation; a
 * possessive typed without its apostrophe finds the one's facts. */
START_TEST(test_forgetting_by_the_relation_and_possessives_without_apostrophes)
{
    tell("a", "my brother is called Sami");
    tell("a", "Sami is a roofer");
    json_decref(say("a", "please forget Sami's job, he might quit soon anyway"));
    ask("b", "what does Sami do?", "don't know", "roofer");
    ask("b", "whats my brothers name", "Sami", NULL);
    tell("a", "my missus is called Ines");
    ask("b", "whats my wifes name", "Ines", NULL);
}
END_TEST

/* The names of a group are those of its members ("other son" is a child too); asked for
 * an animal they have none of, the user hears of the one they have. */
START_TEST(test_a_group_is_named_and_an_animal_not_kept_is_no)
{
    tell("a", "my son Tadeo is 6 and my other son Ruben is 9");
    ask("b", "what are my kids names?", "Tadeo", NULL);
    ask("b", "what are my children called?", "Ruben", NULL);
    ask("b", "how many kids do I have?", "2", NULL);
    ask("b", "do I have a daughter?", "No, you have sons", "Yes");
    ask("b", "do I have kids?", "Yes, you have kids", NULL);
    tell("a", "and my youngest is called Ezra");
    ask("b", "what are my children called?", "Ezra", NULL);
    tell("a", "we adopted a whippet called Bramble last spring");
    ask("b", "do I have a cat?", "No", "Yes");
    ask("b", "do I have a dog?", "Yes", NULL);
}
END_TEST

/* Someone the user told of before is theirs when spoken of without "my"; what one
 * studied and where are asked for in other words than told. */
START_TEST(test_a_new_manager_and_a_degree)
{
    tell("a", "I'm originally from Kraków, Poland, but I live in Bristol now");
    ask("b", "am I from Poland?", "Yes", NULL);
    tell("a", "my wife Lou works as a hairdreser");
    ask("b", "is my wife a hairdresser?", "Yes", NULL);
    tell("a", "my manager is called Gus and he is a nightmare");
    json_decref(say("a", "Gus quit last week. new manager is Julia"));
    ask("b", "who is my manager now?", "Julia", "Gus");
    tell("a", "I did my degree in geology at the University of Hull");
    ask("b", "what did I study?", "geology", NULL);
    ask("b", "what uni did I go to?", "Hull", NULL);
}
END_TEST

/* A yes/no question for anything of a relation is answered with what is told. */
START_TEST(test_anything_asked_is_what_was_told)
{
    ask("a", "am i allergic to anything?", "don't know", "Yes");
    tell("a", "turns out I'm allergic to cashews, which rules out satay");
    ask("b", "am i allergic to anything?", "cashews", NULL);
    ask("b", "am I allergic to shellfish?", "No", "Yes");
}
END_TEST

/* Chinese: a kin word the reader reads one character of, a favourite, a school. */
START_TEST(test_chinese_kin_favourites_and_schools)
{
    tell("a", "我的儿子叫东东，今年五岁。");
    tell("a", "我最喜欢的饮料是绿茶。");
    tell("a", "我在浙江大学读书。");
    ask("b", "我儿子叫什么？", "东东", NULL);
    ask("b", "我的丈夫叫什么名字？", "don't know", "东东");
    ask("b", "我最喜欢什么饮料？", "绿茶", NULL);
    ask("b", "我在哪个大学读书？", "浙江大学", NULL);
}
END_TEST

START_TEST(test_people_are_found_by_name_and_pronoun)
{
    tell("a", "and grandpa Walter's 88");
    ask("b", "how old is walter?", "88", NULL);
    tell("a", "my cousin Anika moved to Utrecht, she's 31");
    ask("b", "how old is my cousin?", "31", NULL);
    tell("a", "I'm Ilse by the way");
    ask("b", "what's my name?", "Ilse", NULL);
}
END_TEST

/* A message tells one value of a relation that holds one: the first it names. */
START_TEST(test_a_message_keeps_the_first_of_two_values)
{
    tell("a", "my cousin Mirela is 24 and acts like she's 50");
    ask("b", "how old is my cousin?", "24", "50");
    tell("a", "my tortoise is called Mr Pickles");
    ask("b", "what's my tortoise called?", "Mr Pickles", NULL);
}
END_TEST

/* A fact told without a subject is the user's; a correction of a value the user told
 * is the user's without one too; nothing is forgotten unless asked in words. */
START_TEST(test_what_chat_leaves_out_is_the_users)
{
    tell("a", "moved to Kraków last spring");
    ask("b", "where do I live?", "Kraków", NULL);
    tell("a", "my birthday is the 2nd of May");
    json_decref(say("a", "no sorry, the 12th of May, not the 2nd"));
    ask("b", "when's my birthday?", "12th", "2nd");
    size_t before = memories();
    json_t *t = say("a", "she's destroying everything in the garden");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "forgotten")), 0);
    ck_assert_msg(!strcasestr(reply_of(t), "forget"), "reply '%s'", reply_of(t));
    /* no fact of the user's: at most a remark kept for the memory network, as a story's
     * "she went to the garden" is (whether a remark is kept is the reader's call, and
     * the probes count how often: docs/MODEL.md) */
    ck_assert_uint_eq(json_array_size(json_object_get(t, "frames")), 0);
    json_decref(t);
    ck_assert_uint_ge(memories(), before);
    ask("b", "when's my birthday?", "12th", "2nd");
}
END_TEST

/* One of several people named at once, in the same message, keeps their own facts and
 * is spoken of by name; a yes/no question is checked against its own words. */
START_TEST(test_one_of_several_people_is_spoken_of_by_name)
{
    tell("a", "my daughters are Rosa and Ines. Rosa works as a vet");
    ask("b", "what does rosa do?", "Rosa works as a vet", NULL);
    ask("b", "which of my daughters is a vet?", "Rosa", NULL);
    ask("b", "is rosa a vet?", "Yes", NULL);
}
END_TEST

/* A favourite is a relation of its own: another favourite neither replaces it nor
 * answers for it, and the words around it do not change its key. */
START_TEST(test_each_favourite_keeps_its_own_value)
{
    tell("a", "my favourite food is lasagne, never get tired of it");
    tell("a", "my absolute favourite colour is green");
    ask("b", "what's my favourite food?", "lasagne", "green");
    ask("b", "what's my favourite colour?", "green", "lasagne");
    ask("b", "what's my favourite drink?", "don't know", "lasagne");
}
END_TEST

/* Asked about itself, mnemo does not list the user's facts. */
START_TEST(test_a_question_about_mnemo_is_not_a_summary)
{
    tell("a", "my dog is called Pip");
    json_t *t = say("a", "tell me everything about yourself");
    ck_assert_msg(!strcasestr(reply_of(t), "Pip"), "reply '%s'", reply_of(t));
    json_decref(t);
    ask("b", "what do you know about me?", "Pip", NULL);
    /* "do you still remember my address?" asks for one thing, not everything */
    t = say("b", "你还记得我的地址吗？");
    ck_assert_msg(!strcasestr(reply_of(t), "Pip"), "reply '%s'", reply_of(t));
    json_decref(t);
}
END_TEST

START_TEST(test_small_talk_is_answered_but_not_stored)
{
    /* chit-chat, opinions and moods, a Chinese greeting */
    static const char *const chat[] = {"haha nice one", "rush hour traffic is the worst",
                                       "quarter end at the office is brutal lol",
                                       "lol rich people problems", "新年快乐！",
                                       "my calves ache today lol. runner life",
                                       "hi there. new here"};
    for (size_t i = 0; i < sizeof chat / sizeof chat[0]; i++) {
        json_t *t = say("a", chat[i]);
        ck_assert_msg(json_array_size(json_object_get(t, "written")) == 0, "'%s' wrote", chat[i]);
        ck_assert_msg(strcmp(json_string_value(json_object_get(t, "kind")), "statement") != 0,
                      "'%s' -> '%s' is a statement", chat[i], reply_of(t));
        json_decref(t);
    }
    ck_assert_uint_eq(memories(), 0);
    tell("a", "🌮 tacos are my favourite food");   /* an emoji first is no Chinese */
}
END_TEST

/* Facts jotted as notes are read as the sentences people also write, a note asked is a
 * question, and an aside before a colon leaves what follows it. */
START_TEST(test_notes_are_facts_and_questions)
{
    json_t *t = say("a", "age 52, occupation: glazier, daughters: Runa and Edda");
    ck_assert_uint_ge(json_array_size(json_object_get(t, "written")), 3);
    json_decref(t);
    tell("a", "truck = 2016 Tacoma. wife - Solveig");
    ask("b", "what's my job?", "glazier", NULL);
    ask("b", "how old am I?", "52", NULL);
    ask("b", "who are my daughters?", "Edda", NULL);
    ask("b", "which truck do I have?", "Tacoma", NULL);
    ask("b", "who's my wife?", "Solveig", NULL);
    ask("b", "my occupation?", "glazier", NULL);
    tell("b", "update: we moved to Ålesund");
    ask("c", "where do I live?", "Ålesund", NULL);
    tell("b", "allergies - sulfa drugs");
    ask("c", "what am I allergic to?", "sulfa", NULL);
}
END_TEST

/* An introduction in fragments: a job and where, "in" a town or "at" a firm. */
START_TEST(test_a_job_and_where_in_fragments)
{
    tell("a", "Hello. Farrier in Kilkenny.");
    ask("b", "what do I do for work?", "farrier", NULL);
    ask("b", "where do I work?", "Kilkenny", NULL);
}
END_TEST

/* A remark of nobody's from a user who has told of themselves (or says "I" in it) is
 * their chat: answered, not kept; a story of others from a new user still is. */
START_TEST(test_remarks_of_a_user_who_told_of_themselves_are_chat)
{
    tell("a", "I'm Brannoc, I repair church organs");
    static const char *const chat[] = {"The fog over the estuary is thick as soup today",
                                       "Train was cancelled again, two hours on the platform",
                                       "Spent the whole afternoon voicing reeds, my ears ring lol"};
    size_t before = memories();
    for (size_t i = 0; i < sizeof chat / sizeof chat[0]; i++) {
        json_t *r = say("a", chat[i]);
        ck_assert_msg(strcmp(json_string_value(json_object_get(r, "kind")), "statement") != 0,
                      "'%s' -> '%s' is a statement", chat[i], reply_of(r));
        json_decref(r);
    }
    ck_assert_uint_eq(memories(), before);
    ask("b", "what do I do?", "organ", NULL);
}
END_TEST

/* "do not store anything on my cousin" forgets the cousin; a sentence a request to
 * forget took a part of is never quoted for what is left of it. */
START_TEST(test_what_is_forgotten_is_neither_kept_nor_quoted_in_part)
{
    tell("a", "My cousin Ottilie lives in Graz and my uncle Fritz is a baker");
    json_t *t = say("a", "and do not store anything on my cousin, thanks");
    ck_assert_str_eq(json_string_value(json_object_get(t, "kind")), "statement");
    json_decref(t);
    ask("b", "which city is my cousin in?", "know", "Graz");
    ask("b", "what does my uncle do?", "baker", NULL);
    t = say("a", "My knee op is booked so now I'm on tramadol, 2 pills at night.");
    json_decref(t);
    t = say("a", "erase what I said on the knee op");
    json_decref(t);
    ask("b", "what painkiller am I on?", "know", "pills");
}
END_TEST

START_TEST(test_whose_a_value_is_is_found)
{
    tell("a", "my brothers are Theo and Max");
    tell("a", "Max lives in Aarhus");
    ask("b", "who lives in Aarhus?", "Max", "Theo");
    tell("a", "we have a dalmatian called Pongo");
    ask("b", "what breed is Pongo?", "dalmatian", NULL);
    ask("b", "which of our dogs is the dalmatian?", "Pongo", NULL);
}
END_TEST

START_TEST(test_a_pronoun_in_the_next_message_is_the_last_one_told_of)
{
    tell("a", "my uncle Bob lives in Derry");
    tell("a", "he works as a welder");
    ask("b", "what does my uncle do?", "welder", NULL);
    json_t *t = say("a", "she's a teacher");     /* not the uncle */
    json_t *w = json_object_get(t, "written");
    for (size_t i = 0; i < json_array_size(w); i++) {
        const char *h = json_string_value(json_object_get(json_array_get(w, i), "holder"));
        ck_assert_msg(!h || strcmp(h, "uncle") != 0, "'she' was taken for the uncle");
    }
    json_decref(t);
    ask("b", "what does my uncle do?", "welder", "teacher");
}
END_TEST

START_TEST(test_a_word_of_doing_names_nobody)
{
    tell("a", "I'm Dana");
    tell("a", "I'm 27");
    json_decref(say("a", "oops, I'm waffling"));
    json_decref(say("a", "I'm babbling"));
    ask("b", "what's my name?", "Dana", "waffling");
    ask("b", "how old am I?", "27", "babbling");
}
END_TEST

/* A fact told without a subject before its value is the user's, also when what it is
 * about is brought in with "a" ("got a spaniel ...") or a pronoun follows the value; a
 * holder told in two words is one (grandad Arthur); a clause about oneself with no
 * question mark and no asking word tells, whatever "who's" in it suggests. */
START_TEST(test_what_is_told_without_a_subject_is_the_users)
{
    tell("a", "got a spaniel called Toffee, she's 5");
    ask("b", "what's my spaniel called?", "Toffee", NULL);
    tell("a", "and grandad Arthur's 91, he still gardens");
    ask("b", "how old is arthur?", "91", NULL);
    tell("a", "birthday's the 8th of July if you wanna write it down");
    ask("b", "when's my birthday?", "8th of July", NULL);
    tell("a", "right, I've got a brother, Theo who's a plumber");
    /* a name after a pet or kin word told as a value is theirs */
    tell("a", "我有一只狗，叫旺财。");
    ask("b", "我的狗叫什么？", "旺财", NULL);
    tell("a", "got a new kitten, called her Nutmeg");
    ask("b", "what's my kitten called?", "Nutmeg", NULL);
}
END_TEST

/* A correction with no old value the facts hold replaces the value it spells again; a
 * value told with an end ends it; a summary answers the question beside it; nothing is
 * refused that was not asked. */
START_TEST(test_slips_and_ends_are_understood)
{
    tell("a", "my husband is called Zach");
    json_decref(say("a", "sorry it's Zac, no h"));
    ask("b", "what's my husband called?", "Zac", "Zach");
    tell("a", "we have a car");
    json_decref(say("a", "we sold our car a few days ago"));
    ask("b", "do i still have a car?", "no", NULL);
    json_t *t = say("b", "what do you know about my family and me?");
    ck_assert_msg(!strcasestr(reply_of(t), "don't know"), "reply '%s'", reply_of(t));
    ck_assert_msg(strcasestr(reply_of(t), "Zac"), "reply '%s'", reply_of(t));
    json_decref(t);
    t = say("a", "big news!! I'm off to the coast");
    ck_assert_msg(!strcasestr(reply_of(t), "can't do that"), "reply '%s'", reply_of(t));
    json_decref(t);
}
END_TEST

/* Ages of the user's people are compared (by the names asked, else all of them), and a
 * name read as the value asked is whom the question is about. */
START_TEST(test_ages_are_compared)
{
    tell("a", "my grandma Maud is 95");
    tell("a", "my grandpa Cyril is 86");
    ask("b", "who's older, maud or cyril?", "Maud", "Cyril");
    ask("b", "is cyril older than maud?", "No", NULL);
    ask("b", "how old is maud?", "95", NULL);
    ask("b", "how old is grandma maud?", "95", NULL);
    tell("a", "my son Leo is 4");
    ask("b", "who's the youngest?", "Leo", NULL);
    /* of people, the small one is the young one; names listed after their group */
    tell("c", "Two nieces. Ines 14, Rosa 8.");
    ask("d", "which niece is the smallest?", "Rosa", "Ines");
    ask("d", "how old is Ines?", "14", "8");
}
END_TEST

/* "can you forget ...?" forgets; "him" is whom the message names ("Callum and I split
 * up, forget him"), though newer facts are about someone else. */
START_TEST(test_forget_requests_in_other_words)
{
    tell("a", "my boyfriend's called Callum");
    tell("a", "I'm 31");
    json_t *t = say("a", "so callum and i split up. please just forget him");
    ck_assert_uint_gt(json_array_size(json_object_get(t, "forgotten")), 0);
    json_decref(t);
    ask("b", "who is my boyfriend?", "don't know", "Callum");
    t = say("a", "can you forget what age I am?");
    ck_assert_uint_gt(json_array_size(json_object_get(t, "forgotten")), 0);
    json_decref(t);
    ask("b", "how old am i?", "don't know", "31");
}
END_TEST

/* "is greta a plumber?" with no value read is checked against her job. */
/* A part of a name is the part of the name told; a name of one word tells no surname. */
START_TEST(test_a_surname_is_the_last_word_of_a_name_told)
{
    tell("a", "my name is Ruth Abara");
    ask("b", "what's my surname?", "Abara", NULL);
    ask("b", "and my first name?", "Ruth", "Abara");
    ask("b", "what's my middle name?", "don't know", "Ruth");
    tell("a", "my boss is called Bronwen");
    ask("b", "what's Bronwen's last name?", "don't know", "Bronwen.");
}
END_TEST

START_TEST(test_what_someone_is_is_their_job)
{
    tell("a", "my sister Greta's a pharmacist");
    ask("b", "is greta a plumber?", "No", "Yes");
    ask("b", "is greta a pharmacist?", "Yes", NULL);
    tell("a", "my uncle's called Tomas");
    tell("a", "tomas is a chef");       /* read as a kind, as of a breed */
    ask("b", "what does my uncle do?", "chef", NULL);
    tell("a", "I've got a whippet called Pip");     /* an animal keyed by its breed */
    ask("b", "is pip a husky?", "No", NULL);
    tell("a", "we also have a tortoise called Sheldon");
    ask("b", "what kind of animal is Sheldon?", "is a tortoise", "know");
    tell("a", "i work as a vet in Coventry");
    ask("b", "what city am i based in?", "Coventry", NULL);    /* lives or works */
}
END_TEST

/* A message that gives a relation its new value and ends the old one ("not any more",
 * 不...了) keeps the new value: the end is of the old value, which the new one replaces. */
START_TEST(test_a_new_value_outlives_the_end_of_the_old_one)
{
    tell("a", "I live in Lyon");
    tell("a", "I moved to Bern, I don't live in Lyon anymore");
    ask("b", "where do i live?", "Bern", "Lyon");
    tell("a", "我住在成都。");
    tell("a", "我搬家了，现在住在重庆，不住成都了。");
    ask("b", "我现在住在哪儿？", "重庆", "成都");
}
END_TEST

/* "Where do I work?" is answered with the firm and the town when both were told. */
START_TEST(test_where_one_works_is_the_firm_and_the_town)
{
    tell("a", "I work weekends at the Tesco depot in Corby");
    json_t *t = say("b", "where do i work?");
    ck_assert_msg(strcasestr(reply_of(t), "Tesco") && strcasestr(reply_of(t), "Corby"),
                  "reply '%s'", reply_of(t));
    json_decref(t);
    ask("b", "which company do i work for?", "Tesco", "Corby");
}
END_TEST

/* Where someone lives, asked when only where they work was told, or the other way round,
 * is answered with that other place as all that is known ("who do I live with?" never
 * is), and forgetting where one lives forgets that place. */
START_TEST(test_home_and_workplace_stand_in_for_each_other)
{
    tell("a", "my cousin Ines is a pharmacist in Tallinn");
    ask("b", "where does Ines live?", "Tallinn", "don't know");
    tell("a", "my uncle Bram lives in Utrecht");
    ask("b", "where does my uncle work?", "Utrecht", "don't know");
    tell("a", "I work at a bakery in Ghent");
    ask("b", "who do i live with?", "don't know", "Ghent");
    ask("b", "where do i live?", "Ghent", "don't know");
    ask("b", "what's my address?", "don't know", "Ghent");  /* a town is no address */
    json_decref(say("a", "please forget where i live"));  /* what answered it goes */
    ask("b", "where do i live?", "don't know", "Ghent");
}
END_TEST

/* "who am I?" asks for the user's name;
 * a game played is the user's sport however either is said; a car's kind is what kind
 * of car one has; a question after "Sorry," is asked. */
START_TEST(test_who_am_i_and_a_sport_in_other_words)
{
    ask("b", "who am i?", "don't know your name", NULL);
    tell("a", "I'm Wilhelmina and I live in Graz");
    tell("a", "so my partner Ottavio and I live together");
    ask("b", "who is my partner?", "Ottavio", "don't know");
    ask("b", "who am I?", "Wilhelmina", "Graz");
    ask("b", "what do you know about me?", "Graz", NULL);
    tell("a", "I have played hockey since school.");
    ask("b", "what is my sport?", "hockey", "don't know");
    tell("c", "my sport is fencing");
    ask("d", "what's my sport?", "fencing", "hockey");
    tell("c", "my car is an Opel");
    ask("d", "what kind of car do I have?", "Opel", "don't know");
    tell("c", "my company is Hartwell");
    ask("d", "Sorry, which company employs me?", "Hartwell", "don't know");
}
END_TEST

/* A game played "instead" replaces the one before; one car asked of is the newest told
 * (all of them when asked in the plural); a like is found by the kind of thing asked. */
START_TEST(test_instead_the_newest_car_and_likes_by_kind)
{
    tell("a", "I play handball.");
    tell("a", "these days I play badminton instead");
    ask("b", "which sport do I play?", "badminton", "handball");
    tell("a", "I drive a Skoda.");
    tell("a", "I just bought a new car, a Volvo");
    ask("b", "what car do I drive?", "Volvo", "Skoda");
    ask("b", "what cars do I have?", "Skoda", NULL);
    tell("a", "I sold my car and got a Kia");       /* the one sold goes */
    ask("b", "what cars do I have?", "Kia", "Volvo");
    tell("c", "I drive a Seat");
    tell("c", "we sold the car and get the tram now");      /* nothing new got */
    ask("d", "what car do I drive?", "Kia", "tram");         /* the Seat is gone */
    tell("a", "I play electric bass in a little jazz band");
    ask("b", "which instrument do I play in the band?", "bass", "badminton");
    tell("c", "I love the colour teal.");
    tell("c", "I love eating pierogi.");
    ask("d", "what do I love eating?", "pierogi", "teal");
    ask("d", "what's my favourite colour?", "teal", "pierogi");
    tell("c", "my favourite food is gumbo");
    ask("d", "what do I love eating?", "gumbo", "teal");
    tell("c", "The colour I like best is grey.");
    tell("c", "actually my favourite colour is orange");    /* corrects the grey, not the
                                                             * last fact told */
    ask("d", "what's my favourite colour?", "orange", "grey");
    tell("e", "My favourite colour is black.");     /* a colour is no food */
    ask("f", "what food do I like best?", "gumbo", "black");
    ask("f", "which book do I like best?", "don't know", "black");
}
END_TEST

/* A vehicle asked of in other words than it was told is still found: its kind, or what
 * the user owns. */
START_TEST(test_a_car_is_found_however_it_is_asked)
{
    tell("a", "I drive a Dacia");
    ask("b", "what is my car?", "Dacia", NULL);
    ask("b", "what kind of car do i have?", "Dacia", NULL);
    tell("a", "my sister's car is a Lancia");
    ask("b", "what car does my sister drive?", "Lancia", NULL);
}
END_TEST

/* Having something is told by speaking of it ("my dog Juno"), and a car by its make: the
 * answer says what is known, never a "no" the facts do not hold. */
START_TEST(test_having_is_known_from_what_is_spoken_of)
{
    tell("a", "my dog Juno is a dachshund");
    ask("b", "do i have a dog?", "yes", "no");
    ask("b", "do i have a dachshund?", "yes", "no");
    tell("a", "I drive a Skoda Octavia");
    ask("b", "do i have a car?", "Skoda Octavia", "no");
    tell("a", "i just bought a Volvo");
    ask("b", "what do i drive now?", "Volvo", "Skoda");
}
END_TEST

/* An amount is answered only by a value with a number, and a question that names a value
 * the user told is about the user's facts, however the reader read it. */
START_TEST(test_an_amount_needs_a_number_and_a_value_named_is_asked_of)
{
    tell("a", "I work at Lidl in Swindon");
    ask("b", "how many hours a week do i work?", "don't know", "Swindon");
    tell("a", "my flatmate Theo is doing an apprenticeship");
    ask("b", "who's doing an apprenticeship?", "Theo", NULL);
}
END_TEST

/* A slip put right in passing ("oops, Anneke, typo") replaces the value it respells,
 * however the reader read the clause. */
START_TEST(test_a_slip_put_right_in_passing_replaces_the_value)
{
    tell("a", "my sister is called Annika");
    json_decref(say("a", "oops sorry, Anneke, typo"));
    ask("b", "what's my sister called?", "Anneke", "Annika");
}
END_TEST

/* A question is answered by a fact of what it asks or with "I don't know", never by a
 * fact of something else nor with "Okay.": a height is no age, where one came from is not
 * where one lives, "scratch that" is no value. */
START_TEST(test_a_question_is_answered_by_what_it_asks_or_not_at_all)
{
    tell("a", "i'm 41");
    ask("b", "how tall am i?", "don't know", "41");
    tell("a", "I live in Aarhus");
    ask("b", "which town did i move here from?", "don't know", "Aarhus");
    tell("a", "my favourite food is risotto");
    json_decref(say("a", "ok scratch that, paella wins these days"));
    ask("b", "where do i work?", "Aarhus", "scratch");    /* all that is known */
    ask("b", "how long have we been together?", "don't know", NULL);
    ask("b", "who do i live with?", "don't know", "Aarhus");
}
END_TEST

/* A yes/no question is denied only by a fact of what it asks: "do I knit?" is not
 * answered "no" by the user's name. */
START_TEST(test_no_is_said_only_by_a_fact_of_what_is_asked)
{
    tell("a", "i'm Leo and i'm 27");
    ask("b", "do i climb?", "don't know", "Leo");
    ask("b", "is my name Tom?", "no", NULL);
    tell("a", "my manager is Petra");
    ask("b", "is omid my manager?", "no", NULL);
    /* a value never said, of a kind the user told of: no */
    tell("a", "I work at a bakery in Ghent and drive a little Fiat Panda");
    ask("b", "do I live in Bruges?", "No", "don't know");
    ask("b", "do I have a tractor?", "No", NULL);
}
END_TEST

/* A question for one thing is not a request for everything, even when the reader reads
 * it as one; asking what mnemo knows still is. */
START_TEST(test_a_question_for_one_thing_is_not_a_summary)
{
    tell("a", "I drive a Skoda Octavia");
    tell("a", "my dog Juno is a dachshund");
    json_t *t = say("b", "what car have i got?");
    ck_assert_msg(strcasestr(reply_of(t), "Skoda") && !strcasestr(reply_of(t), "Juno"),
                  "reply '%s'", reply_of(t));
    /* and the turn reports the act it was answered as */
    json_t *c = json_array_get(json_object_get(t, "clauses"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(c, "act")), "question");
    json_decref(t);
    ask("b", "what do you remember?", "Juno", NULL);
}
END_TEST

/* A month one was born in is the birthday, asked in any words; asking whether mnemo can
 * remember is no request for a summary. */
START_TEST(test_born_in_a_month_is_a_birthday)
{
    tell("a", "by the way, I was born in October");
    ask("b", "what month was i born in?", "October", NULL);
    ask("b", "when's my birthday?", "October", NULL);
    json_t *t = say("b", "can you remember things for me?");
    ck_assert_msg(!strstr(reply_of(t), "October"), "reply '%s'", reply_of(t));
    json_decref(t);
}
END_TEST

/* A date asked in other words than it was told is the same date. */
START_TEST(test_a_date_is_the_same_however_it_is_written)
{
    tell("a", "my birthday is April 7th");
    ask("b", "is my birthday on the 7th of april?", "Yes", NULL);
    tell("a", "my nan's birthday is the 31st of October");
    ask("b", "is my nan's birthday on halloween?", "Yes", NULL);
}
END_TEST

/* A hope is no fact; a statement the reader took for a yes/no question, with no question
 * mark and no verb that starts one, tells. */
START_TEST(test_hopes_are_not_facts_and_statements_tell)
{
    size_t before = memories();
    json_t *t = say("a", "tbh we might move to Seville some year, you never know haha");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "frames")), 0);
    json_decref(t);
    ck_assert_uint_eq(memories(), before);
    tell("a", "it's my birthday on the 22nd of october, make sure you remember!");
    ask("b", "when's my birthday?", "22nd of october", NULL);
}
END_TEST

/* "I'm Oskar" after a greeting names the user, though the reader was unsure; "I'm Tired
 * lol" names no one and is not stored. */
START_TEST(test_a_capitalised_name_after_im_is_the_users)
{
    tell("a", "hiya! I'm Oskar, I live in Tartu");
    ask("b", "what's my name?", "Oskar", NULL);
    size_t before = memories();
    json_decref(say("a", "I'm Tired lol"));
    ck_assert_uint_eq(memories(), before);
    ask("b", "what's my name?", "Oskar", "Tired");
}
END_TEST

/* A place of work goes on to the noun it is a kind of ("a flower shop"). */
START_TEST(test_a_place_of_work_keeps_its_noun)
{
    tell("a", "i work in a flower shop");
    ask("b", "where do i work?", "flower shop", NULL);
}
END_TEST

/* Driving a vehicle for a living is a job; driving a car is owning it, ended when it is
 * sold. */
START_TEST(test_driving_tells_a_job_or_a_car)
{
    tell("a", "my uncle Piet drives trams");
    ask("b", "what does my uncle do?", "tram driver", NULL);
    tell("a", "i drive a silver honda jazz, love it");
    ask("b", "what car do i have?", "honda jazz", NULL);
    tell("b", "we sold the car last month");
    ask("c", "do i still have a car?", "No", "Yes");
}
END_TEST

/* "married to Ines, she's a midwife" names the wife and tells her job. */
START_TEST(test_married_to_names_the_spouse)
{
    tell("a", "married to Ines, she's a midwife");
    ask("b", "who's my wife?", "Ines", NULL);
    ask("b", "what does my wife do?", "midwife", NULL);
}
END_TEST

/* A nationality tells where someone is from, never their name; a place after "from" is
 * where one came from. */
START_TEST(test_where_one_is_from_is_told_by_nationality_and_from)
{
    tell("a", "my dad is Hungarian");
    ask("b", "where is my dad from?", "Hungary", NULL);
    ask("b", "what's my dad's name?", "don't know", "Hungarian");
    tell("a", "I live in Ghent, moved here from Lille");
    ask("b", "where did i move here from?", "Lille", "Ghent");
}
END_TEST

/* "How many kids do I have?" counts the names told; a group's names compare by age; "am
 * I a teacher?" is answered by what the user said they teach. */
START_TEST(test_names_are_counted_and_doing_is_being)
{
    tell("a", "I've got two daughters, Wren who's 10 and Ada who's 7");
    ask("b", "how many children have i got?", "two daughters", NULL);
    ask("b", "which of my girls is the eldest?", "Wren", "Ada");
    ask("b", "is ada older than wren?", "No", NULL);
    tell("a", "I teach yoga twice a week");
    ask("b", "am i a teacher?", "Yes", NULL);
}
END_TEST

/* Working from home is where one works; a relation asked without its words read is found
 * by the words the question holds. */
START_TEST(test_home_working_and_relations_by_their_words)
{
    tell("a", "My sport is rugby.");
    ask("b", "what sport do i play?", "rugby", NULL);
    tell("a", "I work from home as a translator");
    ask("b", "do i work from home?", "Yes", NULL);
    tell("a", "my glove size is 8");
    ask("b", "what glove size am i?", "8", NULL);
}
END_TEST

/* How many of a group the user has is kept as told ("we've got three kids", "so that's
 * four kids now"), and a name given to "her" is not the user's. */
START_TEST(test_how_many_is_kept_as_told)
{
    tell("a", "we've got three kids, with another due in march");
    ask("b", "how many kids do i have?", "three", NULL);
    tell("a", "she's here!! we named her Lotte. so that's four kids now");
    ask("b", "how many children do i have now?", "four", "three");
    ask("b", "what's my name?", "don't know", "Lotte");
}
END_TEST

/* Measures told in passing are kept under what they measure: a height, a shoe size, a
 * commute; a language learnt is asked after as one; a team by "fan". */
START_TEST(test_measures_and_teams_are_kept)
{
    tell("a", "i'm 5 foot 9 and a size 7 shoe, which is small for a bloke");
    ask("b", "how tall am i?", "5 foot 9", NULL);
    ask("b", "what shoe size do i take?", "7", NULL);
    tell("a", "my commute is about 35 minutes by train");
    ask("b", "how long is my commute?", "35 minutes", NULL);
    tell("a", "i'm learning Korean at night school");
    ask("b", "which language am i learning?", "Korean", NULL);
    tell("a", "Hibs fan for life");
    ask("b", "which team do i support?", "Hibs", NULL);
    ask("b", "do i support hearts?", "No", NULL);
}
END_TEST

/* "she's a X called Y" after a new animal names it and tells its kind, and a kind told
 * as the animal ("a dalmatian called Domino") is asked after as the animal; "forget
 * where I live pls" forgets the home, "pls" being no value. */
START_TEST(test_a_new_pet_is_named_and_fillers_are_no_value)
{
    tell("a", "we just adopted a kitten!! he's a ragdoll called Miso");
    ask("b", "what's my kitten called?", "Miso", NULL);
    ask("b", "what breed is my kitten?", "ragdoll", NULL);
    tell("a", "I've got a dalmatian called Domino");
    ask("b", "what's my dog called?", "Domino", NULL);
    ask("b", "do i have a dog?", "Yes", NULL);
    ask("b", "what breed is my dog?", "dalmatian", NULL);
    tell("a", "my mum's dog is a little spaniel called Rolo");
    ask("b", "is rolo a spaniel?", "Yes", NULL);
    tell("a", "I live in Utrecht");
    json_decref(say("a", "can u forget where i live pls"));
    ask("b", "where do i live?", "don't know", "Utrecht");
}
END_TEST

/* An end of one value of a relation that holds several ends that one only, and "it's
 * X" after "not Y" is Y's correction. */
START_TEST(test_an_end_of_one_value_keeps_the_others)
{
    tell("a", "I'm allergic to peanuts and latex");
    tell("a", "actually scratch that, not latex, it's amoxicillin");
    ask("b", "what am i allergic to?", "amoxicillin", "latex");
    ask("b", "what am i allergic to?", "peanuts", NULL);
    tell("a", "I speak French and German");
    json_decref(say("a", "I don't speak German anymore"));
    ask("b", "what languages do i speak?", "French", "German");
}
END_TEST

/* An end that names someone only elsewhere in the message ("Kyle and I broke up") ends
 * that one, not the last fact told; forgetting someone by name forgets all of theirs;
 * where someone unknown lives is not known. */
START_TEST(test_people_are_ended_and_forgotten_whole)
{
    tell("a", "my girlfriend Maja lives in Malmo with our two dogs");
    json_decref(say("a", "ugh Maja and I broke up, she's gone back to Sweden"));
    ask("b", "who's my girlfriend?", "don't know", "Maja");
    ask("b", "how many dogs do i have?", "two", NULL);
    tell("a", "my best friend's called Ilse and she lives in Ghent");
    json_decref(say("a", "can you delete everything about Ilse"));
    ask("b", "where does ilse live?", "don't know", "Ghent");
}
END_TEST

/* A job title the reader split ("software engineer"), a home told as past and one moved
 * to, a year that is no place, a field one works in, an end of someone else's that ends
 * nothing told, and forgetting everything about the user. */
START_TEST(test_past_homes_titles_and_forgetting_everything)
{
    tell("a", "hiya, Oskar here. software engineer at Klarna, based in Stockholm");
    ask("b", "what's my job?", "software engineer", NULL);
    tell("a", "i used to live in Turku but moved to Uppsala in 2021");
    ask("b", "where do i live now?", "Uppsala", "2021");
    ask("b", "where did i live before?", "Turku", NULL);
    tell("a", "my cousin Lotta works in marketing");
    json_decref(say("a", "my grandad passed away last spring"));   /* ends nothing else */
    ask("b", "what does lotta do?", "marketing", NULL);
    json_decref(say("a", "please delete everything you know about me"));
    ask("b", "what's my name?", "don't know", "Oskar");
}
END_TEST

START_TEST(test_facts_survive_a_restart_in_the_middle)
{
    tell("a", "my dog is called Bramble");
    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
    ask("c", "what's my dog's name?", "Bramble", NULL);
    ask("c", "what job does my brother have?", "don't know", "Bramble");
}
END_TEST

START_TEST(test_pets_children_and_a_former_job_asked_in_other_words)
{
    tell("a", "we keep a tortoise called Toffee");
    tell("a", "our boys are Finn and Ralph");
    tell("a", "I used to be an electrician, these days I drive a bus");
    ask("b", "what's my pet called?", "Toffee", NULL);
    ask("b", "which pets do we have?", "Toffee", NULL);
    ask("b", "who are my kids?", "Finn", NULL);
    ask("b", "what are my sons' names?", "Ralph", NULL);
    ask("b", "what's my job?", "bus driver", "electrician");
    ask("b", "what was my previous job?", "electrician", "bus");
    ask("b", "how old are the triplets?", "don't know", "fine");  /* no "how are you" */
    tell("a", "my physio appointment is on the 9th");
    ask("b", "when is my physio appointment?", "9th", "birthday");
}
END_TEST

/* Dislikes told and asked several ways and kept beside each other; a goal one trains or
 * saves for; a correction with its new value right before "not"; a place ending in "nt"
 * is no "don't" that ends what is told again; a kin word of two words in a forget. */
START_TEST(test_dislikes_goals_and_corrections_without_a_comma)
{
    tell("a", "i can't stand celery and i hate beetroot");
    ask("b", "which foods do i hate?", "celery", NULL);
    ask("b", "what don't i like?", "beetroot", NULL);
    tell("a", "we're saving up for a camper van");
    ask("b", "what are we saving for?", "camper van", NULL);
    tell("a", "our cat is a persian");
    tell("a", "oops, she's a siamese not a persian");
    ask("b", "what breed is our cat?", "siamese", "persian");
    tell("a", "I work at a cafe in Ghent");
    tell("a", "I grew up in Lyon but now I'm in Ghent");
    ask("b", "where do i work?", "cafe", NULL);
    tell("a", "my best mate is Bruno");
    json_decref(say("a", "please forget my best mate"));
    ask("b", "who's my best pal?", "don't know", "Bruno");
}
END_TEST

/* Words the reader may read as a name, an allergy or a job are none unless the clause
 * says so: the user's name stays through "I'm growing ..." and "only ... left now", a
 * guest bringing food is no allergy, a cup of tea no job. Counts: a group told with "no"
 * of another, languages counted, and "w" read as "with". */
START_TEST(test_names_allergies_and_jobs_need_their_words)
{
    tell("a", "hi, I'm Oona, a vet in Athlone");
    json_decref(say("a", "honestly i'm growing basil on the windowsill this year"));
    json_decref(say("a", "we gave the puppy away, only Nutmeg left now"));
    ask("b", "what's my name?", "Oona", "basil");
    json_decref(say("a", "my aunt is coming saturday, she's bringing a trifle"));
    ask("b", "is my aunt allergic to anything?", "don't know", "trifle");
    json_decref(say("a", "i really need a cup of tea"));
    ask("b", "what's my job?", "vet", "cup");
    tell("a", "I've got 2 brothers and no sisters");
    ask("b", "how many brothers have i got?", "2", NULL);
    tell("a", "i speak Irish, English and some Polish");
    ask("b", "how many languages can i speak?", "3", NULL);
    tell("a", "I sing in a choir w my neighbour Fergal");
    ask("b", "what's my name?", "Oona", "Fergal");
    tell("a", "from Carlow originally but in Athlone since 2015");
    ask("b", "where do i live?", "Athlone", "Carlow");
    tell("a", "My city is Tralee.");
    ask("b", "where do i live?", "Tralee", "Athlone");
    tell("a", "we moved back to Athlone in May");
    json_decref(say("a", "the reception is at a lovely old mill in Westport"));
    ask("b", "where do i live?", "Athlone", "mill");
    json_decref(say("a", "got a new kettle i call Bertha"));
    ask("b", "what's my name?", "Oona", "Bertha");
    tell("a", "my boyfriend Anton and I got a tabby called Pickle");
    json_decref(say("a", "forget my boyfriend please, we split up. I'm keeping Pickle, "
                         "never mention him again"));
    ask("b", "what's my cat called?", "Pickle", NULL);
    tell("a", "oh and fav subject at night school is pottery tho");
    ask("b", "what's my favourite subject?", "pottery", "tho");
    tell("a", "my big brother Idris is a tram driver");
    ask("b", "what job does my brother have?", "tram driver", NULL);
    ask("b", "is idris my cousin?", "No", NULL);
    ask("b", "is idris my brother?", "Yes", NULL);
    tell("a", "my dog is a cocker spaniel called Mabel");
    ask("b", "what breed is my dog?", "cocker spaniel", NULL);
    ask("b", "mabel is a labrador, right?", "No", NULL);
    tell("a", "I drive an old green Volvo");
    ask("b", "which car am i using nowadays", "Volvo", NULL);
    tell("b", "welder.");
    ask("c", "what's my job?", "welder", "vet");
}
END_TEST

/* A Chinese question without 我 about someone told of by name is theirs. */
START_TEST(test_a_chinese_question_by_name_is_theirs)
{
    tell("a", "我的狗叫豆豆，今年五岁");
    ask("b", "豆豆几岁了？", "五", NULL);
}
END_TEST

/* Today's session's forms: a group one is in and its name, a breed said alone, a move
 * read as chat, what someone does said by its verb. */
START_TEST(test_bands_breeds_moves_and_work_said_by_a_verb)
{
    tell("a", "hey, Rhiannon here. i play the fiddle in a folk band called Crooked Lane");
    ask("b", "what's my name?", "Rhiannon", "Crooked");
    ask("b", "what's my band called?", "Crooked Lane", NULL);
    ask("b", "where do i work?", "don't know", "folk");
    tell("a", "also got a cockapoo called Juno");
    ask("b", "what's my dog called?", "Juno", NULL);
    ask("b", "what's my cockapoo called?", "Juno", NULL);
    ask("b", "do i have a dog?", "Yes", NULL);
    tell("a", "i live in Conwy");
    tell("a", "we moved back to Kendal in March");
    ask("b", "where do i live?", "Kendal", "Conwy");
    tell("a", "my husband teaches piano and my brother runs a garage in Rhyl");
    ask("b", "what does my husband do?", "teaches piano", NULL);
    ask("b", "what's my brother called?", "don't know", "runs");
}
END_TEST

/* A firm right after a job is where one works, with the town; an allergy is what
 * follows "allergic to"; what one does at a time that comes round is a pastime; a place
 * on a side is told and asked; "how old am I" asks the user's age whoever the question
 * speaks to; a name before "(my sister)" inside a clause is hers. */
START_TEST(test_firms_allergies_pastimes_and_positions)
{
    tell("a", "hi all, lukas here, radiographer at Kingsmill Clinic in graz");
    ask("b", "where do i work?", "Kingsmill Clinic", NULL);
    ask("b", "where do i work?", "graz", NULL);
    tell("a", "allergic to latex, which is a pain at work");
    ask("b", "what am i allergic to?", "latex", "pain");
    tell("a", "every saturday i go for a hike in the hills");
    ask("b", "so what do i do every saturday?", "hike", NULL);
    tell("a", "i play prop for the town rugby team");
    ask("b", "what position do i play?", "prop", NULL);
    tell("a", "turned 39 last week");
    ask("b", "how old am I, can you remind me?", "39", NULL);
    tell("a", "visited the coast with Greta (my sister) in june");
    ask("b", "what's my sister's name?", "Greta", NULL);
}
END_TEST

/* Shorthand is read as the words it stands for ("u", "r", "w", "n", "4yo", 啥); a
 * greeting of another language is small talk and the introduction after it the user's; a
 * group named one by one keeps each name and age, asked one by one or all together; "<Name> the <animal>" names it; a name
 * first before "my" and a kin word is theirs; health conditions are kept, several at once. */
START_TEST(test_shorthand_greetings_groups_and_names)
{
    json_decref(say("a", "ahoj!"));
    ck_assert_uint_eq(memories(), 0);
    tell("a", "ahoj! petr here, 40, baker");
    ask("b", "whats my name?", "petr", "ahoj");
    ask("b", "how old r u, and how old am i?", "40", NULL);
    tell("a", "the dogs: rolo 9, bramble 4");
    ask("b", "how old is bramble?", "4", "9");
    ask("b", "how old are my dogs?", "9", NULL);
    ask("b", "how old are my dogs?", "4", NULL);
    tell("a", "Pickle the hamster escaped again, he's 2");
    ask("b", "what's my hamster called?", "Pickle", NULL);
    tell("a", "dara my sister lives w her bf n their 3yo in Cork");
    ask("b", "what's my sister's name?", "dara", NULL);
    tell("a", "i have eczema, also got asthma since i was little");
    ask("b", "have i got any health problems?", "eczema", NULL);
    ask("b", "what conditions do i have?", "asthma", NULL);
    tell("a", "me and kit (fiancée) are tying the knot in may");
    ask("b", "who am i marrying?", "kit", NULL);
    tell("a", "我家猫叫花花");
    ask("b", "我家猫叫啥", "花花", NULL);
}
END_TEST

/* Two questions joined by "and" get two answers; "my girl" and "my boy" are a daughter
 * and a son; the ages of a group are each one's. */
START_TEST(test_two_questions_in_one_and_the_ages_of_a_group)
{
    tell("a", "i'm 41, a roofer in Swindon");
    tell("a", "we've a boy and a girl: my girl esme is 11 and my boy arlo is 7");
    ask("b", "what do i do for work and what age am i?", "41", NULL);
    ask("b", "what do i do for work and what age am i?", "roofer", NULL);
    ask("b", "what's my daughter's name?", "esme", "arlo");
    ask("b", "how old are the children?", "11", NULL);
    ask("b", "how old are the children?", "7", NULL);
    tell("a", "my husband Joe and I live in Dover");
    tell("a", "Anneke (the wife) is my business partner");
    ask("b", "what's my husband called?", "Joe", NULL);
    ask("b", "where do i live?", "Dover", NULL);
    ask("b", "what's my wife's name?", "Anneke", NULL);
    tell("a", "rooting for the Canucks as always");
    ask("b", "which team do I cheer for?", "Canucks", NULL);
    ask("b", "am I a Flames fan?", "No", NULL);
    tell("c", "morning all. tobias, 58, joiner in Aarhus");
    ask("d", "what's my name?", "tobias", NULL);
    ask("d", "how old am i?", "58", NULL);
    ask("d", "what do i do for a living?", "joiner", NULL);
    tell("d", "big news, i'm marrying Saoirse in the spring");
    ask("e", "who is it i'm marrying?", "Saoirse", NULL);
    ask("e", "what's my name?", "tobias", "Saoirse");
    tell("d", "i'm pescatarian these days");
    ask("e", "what diet do i follow?", "pescatarian", NULL);
    tell("d", "i do the books for a joinery firm called Oak & Pine");
    ask("e", "what's the name of the firm i work for?", "Oak", NULL);
    tell("e", "sold the flat in Aarhus and bought a cottage in Ribe");
    ask("f", "where do i live now?", "Ribe", "Aarhus");
    json_decref(say("e", "honestly i live on coffee these days"));
    ask("f", "where do i live?", "Ribe", "coffee");
    tell("e", "moved from joinery to site manager last month");
    ask("f", "what's my position these days?", "site manager", "joiner");
    tell("f", "studying law in Sligo part time, 1st year");
    ask("g", "where do i study?", "Sligo", NULL);
    tell("f", "i keep a little narrowboat called Heron on the canal");
    ask("g", "what's my boat called?", "Heron", NULL);
}
END_TEST

/* An age told and asked in words or digits ("is Pim nine years old?" read as chat once);
 * a day or month asked yes or no against another one told; a pet named as "her" after
 * it was told of; a day, time, date or amount asked, answered with the value before the
 * quote; what was said about someone forgotten. */
START_TEST(test_ages_in_words_days_asked_and_values_pointed_at)
{
    tell("a", "my daughter Pim is 9");
    ask("b", "is Pim nine years old?", "Yes", NULL);
    ask("b", "is Pim ten years old?", "No", NULL);
    tell("a", "my nephew is seven");
    ask("b", "what age is my nephew now?", "seven", NULL);
    ask("b", "is my nephew 7?", "Yes", NULL);
    json_decref(say("a", "started fencing classes on wednesday nights"));
    ask("b", "are my fencing classes on mondays?", "No", NULL);
    ask("b", "are my fencing classes on wednesdays?", "Yes", NULL);
    json_decref(say("a", "my brother is flying over from Hobart in October"));
    ask("b", "is my brother flying over in november?", "No", NULL);
    tell("a", "a shaggy puppy turned up at the caravan so we called her Biscotti");
    ask("b", "what is the dog called?", "Biscotti", NULL);
    json_decref(say("a", "Every Tuesday I play darts at the Crown, I'm rubbish"));
    ask("b", "what day do we do darts?", "Tuesday.", NULL);
    json_decref(say("a", "our lad was 3.9kg at birth, born at 4am"));
    json_t *t = say("b", "how much did our lad weigh at birth?");
    ck_assert_str_eq(json_string_value(json_object_get(t, "answer")), "3.9 kg");
    json_decref(t);
    /* a relation of one's own read as someone's age; its new value told as what "it"
     * is now */
    json_decref(say("a", "I play golf at the links; my handicap is 18."));
    json_decref(say("a", "Good news, my handicap dropped after the club cup. It's 14 now!"));
    ask("b", "what's my handicap now?", "14", "18");
    json_decref(say("a", "my plank record got longer over the holidays. It's 4 minutes now!"));
    ask("b", "how long is the plank record?", "4 minutes", NULL);   /* quoted with "it's" */
    /* a request to forget what was said about a name, or about someone's job */
    tell("a", "my landlady's name is Radmila, she lives downstairs");
    json_decref(say("a", "can you delete the bits about radmila lol"));
    ask("b", "what's my landlady called?", "know", "Radmila");
    tell("a", "my cousin Ottilie is a glassblower in Murano");
    json_decref(say("a", "delete the part about Ottilie's job please"));
    ask("b", "what does my cousin do?", "know", "glassblower");
    ask("b", "what's my cousin called?", "Ottilie", NULL);
    /* "forget that" after a message whose facts were forgotten whole hides no older one */
    tell("c", "I'm Maeve, 40, a draughtswoman in Sligo");
    json_decref(say("c", "I sing second tenor in a barbershop quartet on monday nights and I "
                         "walk to work most days"));
    tell("c", "I had a wisdom tooth out in march, still sore");
    json_decref(say("c", "could you forget that about my tooth? no medical stuff please"));
    ask("d", "which voice do i sing in the quartet?", "second tenor", NULL);
}
END_TEST

/* Yes or no in more forms: a sentence that says "not" of what is asked; a place named
 * after the words the sentence holds, where it names another; a question with no mark;
 * whether someone named is one of a kind. */
START_TEST(test_yes_or_no_in_more_forms)
{
    json_decref(say("a", "I've never smoked, not even at uni"));
    ask("b", "do i smoke?", "No", NULL);
    json_decref(say("a", "we catch the night ferry on the 2nd of June to Stavanger, can't wait"));
    ask("b", "do we catch the ferry to Aalborg", "No", NULL);
    tell("a", "my brother Kestutis is an engineer in Kaunas");
    ask("b", "Is Kestutis a doctor?", "No", NULL);
    ask("b", "is Kestutis an engineer", "Yes", NULL);
}
END_TEST

/* Small talk is answered in kind or with "Okay.", never with a greeting, thanks or
 * "how are you" reply it did not ask for. */
START_TEST(test_small_talk_is_answered_in_kind)
{
    static const struct {
        const char *say, *reject;
    } rows[] = {{"the sunset over the estuary was unreal", "fine"},
                {"good night, off to bed", "morning"},
                {"the sunset over the estuary was unreal", "welcome"},
                {"so much paperwork this week", "hello"}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        json_t *t = say("a", rows[i].say);
        ck_assert_msg(!strcasestr(reply_of(t), rows[i].reject), "'%s' -> '%s'", rows[i].say,
                      reply_of(t));
        ck_assert_int_eq(json_array_size(json_object_get(t, "written")), 0);
        json_decref(t);
    }
    json_t *t = say("a", "thanks, that helps");
    ck_assert_msg(strcasestr(reply_of(t), "welcome"), "thanks -> '%s'", reply_of(t));
    json_decref(t);
}
END_TEST

/* A newer message that says a value quoted for a question changed is quoted instead:
 * one that names the old value and calls it off, or one that holds the question's word
 * and a new number for a question of how many; a question of another kind keeps the
 * sentence that answers it. */
START_TEST(test_a_newer_message_that_changes_a_quoted_value_is_quoted)
{
    json_decref(say("a", "signed up for the half ironman in Zell am See on 30 August"));
    json_decref(say("b", "bad news, my knee is wrecked so I'm skipping Zell. Switched to the "
                         "Cascais race in October instead"));
    ask("c", "which ironman am I doing?", "Cascais", NULL);
    json_decref(say("a", "our allotment has 4 raised beds, mostly leeks and garlic"));
    json_decref(say("b", "a correction: the allotment has 6 raised beds, not 4"));
    ask("c", "how many raised beds does the allotment have?", "6", NULL);
    json_decref(say("a", "I own 9 guitars now, the oldest one is a 1962 Harmony archtop"));
    json_decref(say("b", "picked up one more guitar at the flea market. So now I have 10"));
    ask("c", "what kind of guitar is the oldest one?", "Harmony", NULL);
    /* a short sentence that tells no value goes on into the next one */
    json_decref(say("b", "we moved the bakery! Stonegate from Monday, a much bigger unit"));
    ask("c", "where is my bakery now?", "Stonegate", NULL);
}
END_TEST

/* A change told later answers a question of what holds now, in its new words only: a
 * promotion of someone by name, a thing sold and another bought instead, one of a group
 * of animals gone, a plan skipped for another, a day changed. */
START_TEST(test_a_change_told_later_answers_what_holds_now)
{
    tell("a", "my partner Remi is a bus driver");
    json_decref(say("b", "update: remi got promoted to depot manager!! so proud"));
    ask("c", "what does Remi do now?", "depot manager", "bus driver");
    tell("a", "I drive an old Vauxhall Astra");
    json_decref(say("b", "we sold the Astra last month and bought a little Skoda Fabia instead"));
    ask("c", "what car do I drive these days?", "Skoda Fabia", "Astra");
    json_decref(say("a", "this summer we sail to Corsica with the kids"));
    json_decref(say("b", "change of plan, we're skipping Corsica, we sail to Sardinia instead"));
    ask("c", "where do we sail this summer now?", "Sardinia", "Corsica");
    tell("a", "I drive a grey Skoda Octavia");
    json_decref(say("b", "Sold the Octavia. I'm driving a Kia Ceed now, red"));
    ask("c", "what car do I drive now?", "Kia Ceed", "Octavia");
    tell("a", "my son Piotr will study law at uni next year");
    json_decref(say("b", "correction: Piotr changed his mind, he'll study history instead"));
    ask("c", "what will my son study?", "history", "law");
    tell("a", "we keep two ferrets, Bramble and Nutmeg");
    json_decref(say("b", "sad news, Nutmeg died on sunday"));
    ask("c", "how many ferrets do we have now?", "1 ferret", "two");
    ask("c", "what are my ferrets called?", "Bramble", "Nutmeg");
    json_decref(say("a", "my pottery class is on wednesdays"));
    json_decref(say("b", "the pottery class moved to thursdays now, not wednesdays"));
    ask("c", "what day is my pottery class?", "Thursday", "ednesday");
}
END_TEST

/* Work told by what one does answers a question of one's job or workplace; a question of
 * a name is not answered by a sentence that names nothing. */
START_TEST(test_work_told_by_what_one_does_and_names_not_given)
{
    json_decref(say("a", "hiya, I restore old sailing boats down at the harbour in Brixham"));
    ask("b", "what do I do for work?", "restore old sailing boats", NULL);
    ask("b", "where do i work?", "harbour", NULL);
    ask("b", "where am i based?", "Brixham", NULL);
    json_decref(say("a", "my hobby is bonsai, I grow junipers on the balcony on weekends"));
    ask("b", "what medicine do I take?", "don't know", "bonsai");
    json_decref(say("a", "the choir was so dull tonight"));
    ask("b", "what's my choir called?", "don't know", "dull");
}
END_TEST

/* A summary of a user whose messages wrote no fact says what they told that names
 * something, not that they told nothing. */
START_TEST(test_a_summary_says_what_was_told_in_passing)
{
    json_decref(say("a", "Greetings from Hammerfest! We fish for cod most of the winter."));
    json_decref(say("a", "the wind is howling again, I quite like it"));
    ask("b", "what do you know about me?", "Hammerfest", "haven't told me");
}
END_TEST

/* A bid to be told names ("could you remind me of ...", "name all ...") is a question, and
 * names asked of two are both answered. */
START_TEST(test_requests_for_names_are_asked)
{
    tell("a", "My aunt Ilona keeps bees and my godson Teodor plays the cello.");
    tell("a", "We have two ferrets called Pip and Mungo.");
    ask("b", "Could you remind me of the names of my aunt and my godson.", "Ilona", NULL);
    ask("b", "please tell me the name of my aunt and of my godson", "Teodor", NULL);
    ask("b", "name all my ferrets", "Mungo", NULL);
    ask("b", "what are my aunt and godson called?", "Teodor", NULL);
}
END_TEST

/* A promotion told of someone by name, kin word or pronoun is their new job, and a
 * name told with "turned" is the age of whom it names; "switched jobs" tells no job. */
START_TEST(test_promotions_are_whose_they_name)
{
    tell("a", "my girlfriend Noor is a junior architect at a firm in Hull");
    tell("b", "Noor got promoted to project architect, no more drawing toilets all day!");
    ask("c", "what does my girlfriend do now", "project architect", NULL);
    tell("a", "my uncle is a sergeant in the fire brigade");
    tell("b", "my uncle was promoted to station officer");
    ask("c", "what's my uncle's job?", "station officer", "sergeant");
    tell("a", "my granddaughter Pia is 7");
    tell("b", "Pia turned 8 on Sunday");
    ask("c", "how old is my granddaughter?", "8", NULL);
    json_t *t = say("b", "oh and my brother switched jobs last month");
    const char *r = reply_of(t);
    ck_assert_msg(!strcasestr(r, "works as jobs"), "'%s'", r);
    json_decref(t);
}
END_TEST

/* The kind of an animal asked by its name is answered by the sentence that names it
 * beside a kind of animal, and only by one: a sentence that names it alone says no
 * breed; so is the job of someone asked by name, yes or no. */
START_TEST(test_a_breed_told_beside_a_name_is_quoted)
{
    json_decref(say("a", "we moved to the coast with our cat Biscotti, a grumpy old ragdoll"));
    ask("b", "what breed is Biscotti?", "ragdoll", NULL);
    json_decref(say("a", "my dog Lupo sleeps on the sofa all day"));
    ask("b", "what breed is Lupo?", "know", "sofa");
    /* a job asked of someone by name, told only in a sentence that keeps no job */
    json_decref(say("a", "My eldest Tunde is a surveyor in Leeds, and my youngest Femi is "
                         "still at school"));
    ask("b", "Is Tunde an architect?", "No", NULL);
    ask("b", "Is Tunde a surveyor?", "Yes", NULL);
}
END_TEST

/* Yes/no questions answered from the user's words: a value never said gets "No" (a
 * place, a kind after "a", a number), not when it asks whether mnemo knows or of "any";
 * a kind of animal told beside a name answers yes or no; every word of a question
 * held by one sentence is a yes; a sentence that opens with "had" and tells
 * ("Had my gallbladder out ...") is quoted. */
START_TEST(test_yes_no_from_what_was_said)
{
    json_decref(say("a", "We live out past Hexham with my dad and our husky Kestrel. Got two "
                         "boys as well."));
    json_decref(say("a", "Had my gallbladder out at St Olav's in 2021."));
    ask("b", "do we have a parrot?", "No", "don't");
    ask("b", "Do I have five kids?", "No", "don't");
    ask("b", "do you know my dad's name?", "know", "No,");
    ask("b", "do i have any allergies?", "know", "No,");
    ask("b", "is Kestrel a beagle?", "No", NULL);
    ask("b", "Is Kestrel a husky?", "Yes", NULL);
    ask("b", "does my dad live with us?", "Yes", NULL);
    ask("b", "when did I have my gallbladder out?", "2021", NULL);
    /* Chinese: a value never written (two characters side by side) is a no */
    json_decref(say("c", "我叫小林，住在厦门，开了一家奶茶店。"));
    ask("c", "我是在福州开奶茶店吗？", "No", "Yes");
    ask("c", "我是在厦门开奶茶店吗？", "Yes", "No");
}
END_TEST

/* Names told beside a word for the pet or thing (a breed for "my dog", "called" before a
 * name in small letters, "her name is"), a sentence that says "she" of someone the one
 * before named, a request to forget in words of keeping ("don't keep", "scrap the"), a
 * question in two words ("cat name"), and "what kind of cat do I have?". */
START_TEST(test_names_pronouns_and_terse_asks)
{
    json_decref(say("a", "We foster an old lurcher called Brisket. My niece Maelle is 9. "
                         "She lives with her dad in Quimper for now."));
    ask("b", "what is my dog's name?", "Brisket", NULL);
    ask("b", "where does my niece live?", "Quimper", NULL);
    json_decref(say("a", "i sing in a choir called tidewater, and my kayak, her name is "
                         "Gully"));
    ask("b", "whats my choir called", "tidewater", NULL);
    ask("b", "what's my kayak called?", "Gully", NULL);
    tell("a", "I have a tabby cat called Nutmeg.");
    ask("b", "cat name", "Nutmeg", NULL);
    ask("b", "what kind of cat do I have?", "tabby", NULL);
    tell("a", "My home address is 3 Ferry Lane.");
    json_decref(say("a", "right, scrap the address as well, don't keep it"));
    ask("b", "what's my address?", "don't know", "Ferry");
    tell("a", "My address is 9 Mill Row.");
    json_decref(say("a", "don't keep my address"));
    ask("b", "where do I live?", "don't know", "Mill");
}
END_TEST

/* A request to forget what was never a fact ("the allotment news") forgets the sentences
 * that tell it (the parts of them that name it): the reply says so, a question of it is
 * not answered from them, and their text is gone from the files; what else was told
 * stays. */
START_TEST(test_forgetting_what_was_only_said)
{
    tell("a", "I work as a glazier in Dundee.");
    json_decref(say("a", "Great news, the council gave us an allotment plot at Balgay, number 14!"));
    ask("b", "which allotment plot did we get?", "14", NULL);
    json_t *t = say("b", "please forget the allotment news, it's not official yet");
    ck_assert_msg(strcasestr(reply_of(t), "forgotten"), "'%s'", reply_of(t));
    json_decref(t);
    ask("c", "which allotment plot did we get?", "know", "14");
    ask("c", "what's my job?", "glazier", NULL);
    /* only the part of a sentence that names it: what else the sentence told stays */
    json_decref(say("a", "Our plot neighbour is a nosy man called Fergus, my daughter Ailsa is 6"));
    json_decref(say("b", "forget what I said about the neighbour"));
    ask("c", "how old is Ailsa?", "6", NULL);
    ask("c", "what's my neighbour called?", "know", "Fergus");
    /* a topic named ("my health stuff") is no frame of the reader's: the job stays */
    json_decref(say("b", "Don't keep my health stuff."));
    ask("c", "what do I do for work?", "glazier", NULL);
    files_lack("Balgay");
}
END_TEST

/* A request to forget a topic ("my salary", "my medication") forgets the facts whose
 * sentences tell of it and nothing else; "scratch ... from your memory" is a request to
 * forget, and what it names is no longer quoted. */
START_TEST(test_forgetting_a_topic_and_scratching_from_memory)
{
    json_decref(say("a", "I earn 2800 a month at the depot"));
    tell("a", "my son Emil is called Emil and he is 9");
    json_t *t = say("b", "can you drop what I said about my wages, rather not have it kept");
    ck_assert_msg(json_array_size(json_object_get(t, "forgotten")) > 0, "'%s'", reply_of(t));
    json_decref(t);
    ask("c", "how much do I earn a month?", "know", "2800");
    ask("c", "how old is Emil?", "9", NULL);
    json_decref(say("a", "the tribunal hearing about my old landlord is on 4 March"));
    json_decref(say("b", "scratch the tribunal stuff, no need to hang on to it"));
    ask("c", "when's the tribunal hearing?", "know", "March");
}
END_TEST

START_TEST(test_chinese_lists_illnesses_trades_and_forgetting_by_what_is_named)
{
    tell("a", "我养了两只兔子，一只叫芝士一只叫奶盖");
    ask("b", "我的兔子叫什么名字？", "芝士", NULL);
    tell("a", "家里还养了一只刺猬，叫团团");
    ask("b", "我那只刺猬叫啥名？", "团团", NULL);
    tell("a", "我有哮喘，医生让我少跑步，那能行吗");
    ask("b", "我是不是有哮喘？", "Yes", NULL);
    ask("b", "我有什么病？", "哮喘", NULL);
    tell("a", "我叫李大力，长春的，在南宁送快递，哪条路都熟");
    ask("b", "我是哪里人？", "长春", NULL);
    ask("b", "我是做什么工作的？", "送快递", NULL);
    tell("a", "我女儿在武汉读大学，学的是法律");
    json_decref(say("a", "呃不对，我搞错了，我女儿是在长沙读大学，不是武汉"));
    ask("b", "我女儿学的什么？", "法律", "搞错");
    ask("b", "我女儿在哪里读大学？", "长沙", "武汉");
    json_decref(say("a", "你把我兔子的事删了吧"));
    ask("b", "我的兔子叫什么名字？", "don't know", "芝士");
    ask("b", "我那只刺猬叫啥名？", "团团", NULL);
}
END_TEST

START_TEST(test_yes_or_no_as_said_work_by_what_is_done_and_things_got)
{
    tell("a", "I live in Tartu with my partner.");
    ask("b", "I live in Narva?", "No", "Yes");
    ask("b", "I live in Tartu, yeah?", "Yes", NULL);
    ask("b", "do you remember where I live?", "Tartu", "know");
    json_decref(say("a", "I roast coffee in a little workshop by the river"));
    ask("b", "what do I do for work?", "roast coffee", NULL);
    tell("a", "I drive an old blue Skoda Octavia");
    json_decref(say("a", "the Skoda finally died, got me a used grey Toyota Yaris"));
    ask("b", "what car do I drive now?", "Yaris", "Octavia");
    tell("a", "my cousin Anne-Sophie is a pilot");
    ask("b", "what's my cousin called?", "Anne-Sophie", NULL);
    tell("a", "My ex is Marit and my sister is Ingrid.");
    json_decref(say("a", "About Marit. Don't keep any of it, forget her."));
    ask("b", "what's my sister called?", "Ingrid", NULL);
    ask("b", "what's my ex called?", "don't know", "Marit");
}
END_TEST

START_TEST(test_corrections_said_the_other_way_and_remarks_that_name_no_one)
{
    tell("a", "I'm allergic to pecans.");
    json_decref(say("a", "The clinic rang, it's not pecans, it's cashews I'm allergic to."));
    ask("b", "what am I allergic to?", "cashews", "pecans");
    tell("a", "My son is Jakob, he is 9.");
    json_decref(say("a", "Sorry, I spelled my son's name wrong. It's Jacob."));
    ask("b", "what's my son called?", "Jacob", "Jakob");
    tell("a", "I work as a glazier in Leeds");
    ask("b", "my job?", "glazier", NULL);
    json_t *t = say("a", "Whoa, the bakery queue went round the block again.");
    ck_assert_msg(!strcasestr(reply_of(t), "your name"), "-> '%s'", reply_of(t));
    json_decref(t);
    json_decref(say("a", "It was minus 19 at the bus stop this morning."));
    ask("b", "how old am I?", "don't know", "19");
    ask("b", "what's my name?", "don't know", "Whoa");
}
END_TEST

START_TEST(test_notes_of_work_kin_by_other_words_and_which_one_asked)
{
    tell("a", "hiya 👋 ferry mechanic in stavanger, mostly diesel engines");
    ask("b", "what's my job?", "ferry mechanic", NULL);
    ask("b", "where do i live?", "stavanger", NULL);         /* where they work, said so */
    ask("b", "do i live in bergen?", "No", "Yes");
    tell("a", "my cousin Halvard works for a fishing company up north");
    ask("b", "which fishing company does Halvard work for?", "don't know", NULL);
    ask("b", "what's halvard's wife called?", "don't know", "Halvard");
    tell("a", "our son lukas turned 4 on friday");
    ask("b", "how old is my kid?", "4", NULL);
    tell("a", "we have two rabbits, Clover and Pip");
    ask("b", "what are my bunnies called?", "Clover", NULL);
    tell("a", "My sister Ingrid lives in Oslo. She's a paramedic so she works nights.");
    ask("b", "what does my sister do?", "paramedic", NULL);
}
END_TEST

START_TEST(test_corrections_counts_likenesses_and_chinese_jobs_after_a_place)
{
    tell("a", "my wife karen is a nurse");
    json_decref(say("a", "oops autocorrect. KARIN. not karen"));
    ask("b", "what's my wife's name?", "KARIN", "karen");
    tell("a", "we've got 3 grandkids");
    json_decref(say("a", "make that 4 grandkids now, our daughter had another"));
    ask("b", "how many grandkids do i have?", "4", NULL);
    kept_nothing("a", "the sunset from the pier was unreal, felt like living in a painting");
    kept_nothing("a", "everyone in the office is on a diet but me");
    ask("b", "where do i live?", "don't know", "painting");
    tell("a", "我在杭州当护士");
    ask("b", "我是干什么的", "护士", NULL);
    tell("c", "我是宁波一家酒店的厨师");
    ask("d", "我是干什么的", "厨师", "护士");
    ask("d", "我在哪个城市上班", "宁波", NULL);
}
END_TEST

START_TEST(test_names_typed_small_trades_by_their_verb_and_places_of_work)
{
    tell("a", "husband tomas. 2 girls, ida 9 and lea 6");
    ask("b", "what's my husband called?", "tomas", NULL);
    tell("a", "my lurcher pip is sulking again");
    ask("b", "what's my dog called?", "pip", NULL);
    tell("a", "my daughter mira helps at the stall, she's 11 and loves it");
    ask("b", "how old is mira?", "11", NULL);
    tell("a", "i repair clocks for a living");
    ask("b", "what do i do?", "clock", NULL);
    tell("a", "i live in leith though, it's cheaper");
    ask("b", "where do i live?", "leith", "cheaper");
    tell("a", "quit the garage!! starting at a vintage record shop next week");
    ask("b", "where do i work?", "record shop", NULL);
    tell("a", "my number's 0791 555 2038 btw");
    ask("b", "what's my phone number?", "0791 555 2038", NULL);
    json_decref(say("b", "actually forget my number"));
    ask("c", "whats my number?", "don't know", "0791");
    kept_nothing("a", "it's 31 degrees and sticky, the ferns are not happy about it");
}
END_TEST

START_TEST(test_chinese_homes_without_zai_and_where_others_work)
{
    tell("a", "在成都送快递，一天跑七八十单");
    ask("b", "我是干啥的？", "快递", NULL);
    ask("b", "我在哪个城市工作", "成都", NULL);
    tell("a", "住武侯区，离站点近");
    ask("b", "我住哪儿", "武侯区", NULL);
    tell("a", "我弟叫阿杰，在昆明当司机");
    ask("b", "我弟在哪儿工作", "昆明", NULL);
    tell("a", "退休前在长春拖拉机厂干了三十年");
    ask("b", "我以前在哪儿上班", "长春拖拉机厂", NULL);
}
END_TEST

START_TEST(test_tags_guesses_breakups_moves_and_which_of_us)
{
    tell("a", "my dog juno is a beagle and my brother lars is 31");
    ask("b", "juno's a beagle right", "yes", NULL);
    ask("b", "lars is 29 isn't he", "no", "yes");
    tell("a", "i live in tartu");
    ask("b", "where do i live, riga?", "no", "yes");
    tell("a", "my boyfriend is pedro, he's a chef");
    tell("a", "pedro and i broke up. i'm seeing someone new, anton");
    ask("b", "who's my boyfriend?", "anton", "pedro");
    ask("b", "what does my boyfriend do?", "don't know", "chef");
    tell("a", "we moved last month, we're in narva now");
    ask("b", "where do i live?", "narva", "tartu");
    tell("a", "i'm an architect and my sister greta drives a tram");
    ask("b", "which of us drives a tram, me or my sister?", "greta", NULL);
    tell("a", "we keep six goats");
    ask("b", "how many head of goats on the farm?", "six", NULL);
    tell("a", "my ex-wife monika lives in graz");
    json_decref(say("a", "you know what, forget I mentioned monika"));
    ask("b", "where does my ex-wife live?", "don't know", "graz");
    kept_nothing("a", "went to split for a wedding, too much sun, i need a holiday");
    kept_nothing("a", "today a seagull stole my sandwich, i am a victim");
}
END_TEST

START_TEST(test_what_one_may_eat_who_does_it_and_forgetting_it)
{
    tell("a", "i'm vegetarian, and i teach piano");
    ask("b", "can i eat the pork ribs?", "no", "yes");
    ask("b", "can i eat the pork ribs?", "vegetarian", NULL);
    tell("a", "i'm allergic to walnuts");
    ask("b", "could i have a walnut cake?", "no", "yes");
    tell("a", "my aunt Rosa fixes the fences on our farm, my uncle sells the eggs");
    ask("b", "who fixes the fences?", "rosa", NULL);
    tell("a", "hi, i'm Oona, tree surgeon up near Bergen");
    ask("b", "what's my job?", "tree surgeon", NULL);
    tell("a", "I'm Bea 🌸 23 ✨ love painting");
    ask("b", "how old am i?", "23", NULL);
    tell("a", "my horse's a grey, name of Pepper");
    ask("b", "what's my horse called?", "pepper", NULL);
    ask("b", "so what's my horse called", "pepper", NULL);
    tell("a", "我住喺深水埗");
    ask("b", "我住喺边度？", "深水埗", NULL);
    tell("a", "my niece Ilse is 9 and I'm allergic to latex");
    json_decref(say("a", "the latex allergy, please forget it"));
    ask("b", "what am i allergic to?", "walnuts", "latex");
    json_decref(say("a", "please delete what i told you about my walnut allergy, and also my niece's name"));
    ask("b", "what's my niece called?", "don't know", "ilse");
}
END_TEST

/* A message told as short pieces is read by each piece's place; a job one is made, a
 * nickname, a question of one's own answered at once, ages of named kids compared, and
 * requests to forget said in passing. */
START_TEST(test_pieces_promotions_nicknames_and_forgetting_in_passing)
{
    tell("a", "Halvard. 61. Cooper. Skien.");
    ask("b", "where do I live?", "Skien", NULL);
    ask("b", "what's my name?", "Halvard", NULL);
    tell("a", "got a ferret. Biscuit. 3 yrs old.");
    ask("b", "what's my ferret called?", "Biscuit", NULL);
    ask("b", "how old is my ferret?", "3", "61");
    json_decref(say("a", "big news, they made me head cooper at the brewery"));
    ask("b", "what's my job?", "head cooper", NULL);
    tell("a", "everyone at work calls me Hal");
    ask("b", "what do people call me?", "Hal", NULL);
    json_decref(say("a", "My favourite drink? Oolong, every time."));
    ask("b", "what's my favourite drink?", "Oolong", NULL);
    tell("a", "Got two girls, Odile's 9 and Wren's 6");
    ask("b", "which of my girls is the youngest?", "Wren", NULL);
    tell("a", "my partner is called Lior");
    json_decref(say("b", "Lior and I are through, so forget him."));
    ask("c", "who is my partner?", "know", "Lior");
    tell("a", "my phone number is 0161 496 0731");
    json_decref(say("b", "Please disregard my number. Erase it."));
    ask("c", "what's my phone number?", "know", "0731");
    tell("a", "I work at Brightwell in Hexham");
    json_decref(say("b", "New job! I joined Corvo. No more Brightwell."));
    ask("c", "still at Brightwell?", "no", "yes");
}
END_TEST

/* Facts told in passing of others and of change: a name of two words, a field of study
 * and a wish to be, a move the firm made, a home shared, a count put right, a job said
 * to be no more, a number put right mid-sentence; questions without their marks. */
START_TEST(test_studies_wishes_moves_and_corrections_in_passing)
{
    tell("a", "my daughter Hye Jin is 9");
    ask("b", "what's my daughter called?", "Hye Jin", NULL);
    tell("a", "my nephew Tobiah has finished school");
    tell("a", "he rang last night, he's decided on geology at Tromso");
    ask("b", "what is my nephew going to study?", "geology", NULL);
    tell("a", "my niece Ottilie wants to be a farrier");
    ask("b", "what does my niece want to be?", "farrier", NULL);
    tell("a", "I'm a ferry pilot based in Oban");
    json_decref(say("a", "big shake-up, the firm has moved me to their base in Mallaig"));
    ask("b", "where do I work now?", "Mallaig", "Oban");
    tell("a", "my brother Anselm lives with us in Dunkeld");
    ask("b", "where do I live?", "Dunkeld", NULL);
    tell("a", "we keep two geese");
    json_decref(say("a", "did I say two geese? make that three"));
    ask("b", "how many geese do we keep?", "three", "two");
    tell("a", "I'm a ward clerk");
    json_decref(say("a", "I'm duty manager at the clinic now, not a ward clerk anymore"));
    ask("b", "what's my job?", "duty manager", "clerk");
    tell("a", "my stepson is 11, no wait, 12.");
    ask("b", "how old is my stepson?", "12", "11");
    tell("c", "Our kids are Pim and Lotte, Pim's ten and Lotte's six.");
    ask("c", "is Lotte ten?", "No", "Yes");
    ask("c", "where'm I based", "Dunkeld", NULL);
}
END_TEST

/* Whom one lives with, a school one is a student "at", a field of study changed, a wife
 * named beside "me and my", a child named by their place, a note without "my", a parent
 * "of two", a new pet named with "she's called", a count put right with "so it's", an
 * end said of a place, a forget of two relations, an age compared with the user's own,
 * and the same in Chinese (a name of three characters, children counted, a father's
 * trade). Sentences invented for the test. */
START_TEST(test_living_with_studying_at_and_counts_put_right)
{
    tell("a", "I fix bikes in Utrecht, live in Lombok with my girlfriend Saskia.");
    ask("b", "who do I live with?", "Saskia", NULL);
    ask("b", "what does my girlfriend do?", "know", "bikes");
    tell("a", "I'm a freshman at Carleton, doing geology 🪨 chemistry was not it");
    ask("b", "where do I go to school?", "Carleton", NULL);
    tell("a", "switched my major to forestry");
    ask("b", "what am I studying?", "forestry", "geology");
    tell("a", "Me and my husband Tobiah have three kids, the youngest is Noor.");
    ask("b", "what's my husband called?", "Tobiah", NULL);
    ask("b", "who's my last born?", "Noor", NULL);
    tell("c", "kids are Lior (7) and Ada (2)");
    ask("b", "how old is Ada?", "2", NULL);
    tell("c", "I keep nine hens");
    json_decref(say("c", "a fox got two of the hens, so it's seven now"));
    ask("b", "how many hens do I have?", "seven", "nine");
    tell("c", "we got a new kitten off my aunt, she's called Pesto");
    ask("b", "what's my kitten called?", "Pesto", NULL);
    ask("b", "what's my aunt called?", "aunt", "aunt is called Pesto");
    tell("d", "Hey! 41, mum of two, work nights at a bakery in Zwolle");
    ask("b", "how old am I?", "41", NULL);
    tell("d", "I got hired at the lock museum! left the bakery last week");
    ask("b", "do I still work at the bakery?", "No", NULL);
    tell("d", "my brother Joost is 45");
    ask("b", "which of us is older, me or Joost?", "Joost", NULL);
    json_decref(say("d", "forget the kitten story, plus please forget my age, no idea why I told you"));
    ask("b", "how old am I?", "know", "41");
    /* Chinese: a name of three characters whole, children counted, a husband's trade */
    tell("e", "我叫阿依古丽，在伊宁开花店");
    ask("e", "我叫什么名字？", "阿依古丽", NULL);
    tell("e", "家里两个孩子");
    ask("e", "我家有几个孩子？", "两", NULL);
    tell("e", "我爸爸是开货车的");
    ask("e", "我爸爸是做什么的？", "货车", NULL);
    ask("e", "我爸爸叫什么名字？", "know", "货车");
}
END_TEST

START_TEST(test_recalled_words_put_right_notes_and_work_moved)
{
    /* a clause that recalls what was said, put right by what follows */
    tell("a", "I live in Harrogate and teach piano.");
    json_decref(say("a", "hang on, earlier I told you I live in Harrogate - we moved to Ripon in May."));
    ask("b", "where do I live?", "Ripon", "Harrogate");
    /* a note of a count and names after a full stop; a place after a comma of one's own */
    tell("c", "3 kids. Ana, Bo and Cy");
    ask("d", "what are my kids called?", "Bo", NULL);
    tell("c", "I'm a tree surgeon, based out of Keswick, been at it a decade.");
    ask("d", "where am I based?", "Keswick", NULL);
    /* a name told as one's own is no pet's */
    tell("c", "Live in Carlisle with my partner Ines and a lurcher called Moss.");
    ask("d", "what's the dog called?", "Moss", "Ines");
    /* "I'd prefer you forgot": forgotten, and the request is no answer after */
    tell("e", "I have asthma, had it from childhood.");
    json_decref(say("e", "I'd prefer you forgot the asthma stuff, nothing to hide though"));
    ask("f", "what condition do I have?", "know", "asthma");
    /* where one works moved; the work one retired from; "me nan" */
    tell("e", "I run a bakery in Ilkley.");
    tell("e", "Rent doubled so we moved the bakery to Otley.");
    ask("f", "where do I work?", "Otley", "Ilkley");
    tell("e", "retired from the fire service in 2015");
    ask("f", "what did I use to do for work?", "fire service", NULL);
    tell("e", "me nan's ninety");
    ask("f", "how old is my nan?", "ninety", NULL);
    /* a request to forget in other words than "forget" */
    tell("h", "I rent a garage on Quay Street for the van.");
    json_decref(say("h", "ignore what I wrote on the garage, please"));
    ask("i", "where is my garage?", "know", "Quay");
    /* an age in Chinese numerals keeps 岁 */
    tell("g", "我外孙今年六岁");
    ask("g", "我外孙几岁了？", "六岁", NULL);
}
END_TEST

START_TEST(test_groups_named_after_pets_of_kin_and_news_of_work)
{
    /* people named after a group of the user's are theirs, compared as that group */
    tell("a", "My wife Joan is 52.");
    tell("a", "I've got three nieces. Pia is 15, Lou is 11 and little Kit is 4.");
    ask("b", "which of my nieces is the oldest?", "Pia", "Joan");
    ask("b", "which niece is the middle one?", "Lou", "Kit");
    ask("b", "how old are Lou and Kit?", "11", NULL);
    tell("c", "Two hamsters: Nib is the old boy, 2, and Pud is the baby, about 3 months.");
    ask("d", "which hamster is younger?", "Pud", "Nib");
    /* a pet of kin is not the user's */
    tell("e", "I keep a rabbit called Clover.");
    tell("e", "my lodger's rabbit is called Pebble");
    ask("f", "what's my rabbit called?", "Clover", "Pebble");
    ask("f", "what's my lodger's rabbit called?", "Pebble", "Clover");
    /* news of work told without a word of work */
    tell("g", "My husband Gus is a welder at Harland.");
    json_decref(say("g", "he's grafting for Babcock now"));
    ask("h", "who does my husband work for?", "Babcock", "Harland");
    /* a word put right in passing, a name said to be of kin, a home forgotten by its words */
    tell("i", "my aunt is called Rosa no wait Rosie lol");
    ask("j", "what's my aunt called?", "Rosie", "Rosa");
    tell("i", "I live in Selby.");
    json_decref(say("i", "bin what I said about where I live"));
    ask("j", "where do I live?", "know", "Selby");
}
END_TEST

START_TEST(test_one_forgotten_groups_asked_and_slips_put_right_in_the_message)
{
    /* forgetting all of one person keeps what the user told of themselves */
    tell("a", "I'm Odile, a glassblower");
    tell("a", "my ex is called Bastien and he lives in Nantes");
    json_decref(say("a", "wipe everything about my ex, thanks"));
    ask("b", "what's my name?", "Odile", NULL);
    ask("b", "what's my ex called?", "don't know", "Bastien");
    /* parents asked as a group; a job told of someone is not the user's */
    tell("c", "my mum is Hanne and my dad is Ivo");
    ask("d", "what are my parents' names?", "Hanne", NULL);
    tell("c", "my sister works as a farrier");
    ask("d", "what's my job?", "glassblower", "farrier");
    /* a value put right in the message that told it */
    tell("e", "my son is Teo, his birthday is the 3rd of June. Oops, 4th!");
    ask("f", "when is Teo's birthday?", "4th", "3rd");
    tell("e", "I'm 31, sorry, 32");
    ask("f", "how old am I?", "32", "31");
    /* what one studies; a street, its town and a flat's number */
    tell("g", "these days I'm doing a masters in soil science");
    ask("h", "what am I studying?", "soil science", NULL);
    tell("g", "I live on Quarry Road in Tromso, flat 9");
    ask("h", "where do I live?", "Tromso", NULL);
    /* a name set off by commas, a dislike of someone's */
    tell("i", "my flatmate, Ilse, can't stand olives");
    ask("j", "what's my flatmate called?", "Ilse", NULL);
    ask("j", "what does Ilse dislike?", "olives", NULL);
    /* the one married and the wedding's day */
    tell("k", "I'm getting married to Sami on the 9th of May");
    ask("l", "when is my wedding?", "9th of May", NULL);
    ask("l", "who am I marrying?", "Sami", NULL);
    /* Chinese: a number is whole, 吧 asks to confirm */
    tell("m", "我叫林雪，今年四十五岁");
    ask("n", "我今年四十岁吗？", "不是", "是的");
    ask("n", "我叫林雪吧", "是的", NULL);
}
END_TEST

START_TEST(test_lists_asked_one_verdict_and_partings_said_plainly)
{
    /* two things asked of one holder as a list, and of two holders */
    tell("a", "my dog is called Rolo and he's 4, my sister Odile is a farrier");
    ask("b", "dog name + age", "Rolo", NULL);
    ask("b", "my dog's name and age, please", "4", NULL);
    ask("b", "Odile's job and the dog's name, both pls", "farrier", NULL);
    /* one yes/no question of two facts, one of them wrong, is answered no */
    tell("c", "I'm a florist in Leith");
    ask("d", "i'm a florist in Dundee right?", "No", "Yes");
    ask("d", "I'm a florist aye?", "Yes", "No");
    /* a partner parted with in words of today, asked after as "going out with" */
    tell("e", "my bf is Tobiah, he's a roofer");
    json_decref(say("e", "ok so tobiah and me are done. single now"));
    ask("f", "is Tobiah still my boyfriend?", "No", "Yes");
    /* the children's names when a son is asked and none was told as one */
    tell("g", "kids are Nilo who's 6 and Sabe who's 3");
    ask("h", "what's my boy called?", "Nilo", NULL);
    /* a count put right with a dash, a pet's breed after "he's a", a wedding's month */
    tell("i", "we have two geese - no, three");
    ask("j", "how many geese have we got?", "three", "two");
    tell("i", "my dog is called Scout, he's a whippet");
    ask("j", "what breed is Scout?", "whippet", NULL);
    tell("i", "my partner is Dana, we are getting married in June");
    ask("j", "when's the wedding?", "June", NULL);
    /* where one grew up beside the kind of place; a place worked at before its town */
    tell("k", "I grew up in a small village near Evora");
    ask("l", "what's my home town?", "Evora", "village");
    tell("k", "I work at a sawmill in Boise");
    ask("l", "where do I work?", "sawmill", NULL);
}
END_TEST

START_TEST(test_run_ons_news_with_cries_and_chinese_people)
{
    /* an introduction typed as one run-on, a bare kin word after a comma */
    tell("a", "heyy wren here 41 plasterer in truro my lodger is called ike");
    ask("b", "what's my name?", "wren", NULL);
    ask("b", "how old am I?", "41", NULL);
    ask("b", "what do I do for a living?", "plasterer", NULL);
    ask("b", "who's my lodger?", "ike", NULL);
    tell("c", "I work at the library in Ayr, husband is Noor he's a medic");
    ask("d", "what's my husband called?", "Noor", NULL);
    ask("d", "what does my husband do?", "medic", NULL);
    /* news after a cry, with its reason; a new job ends the old shop */
    tell("e", "I'm working at a card shop for now");
    json_decref(say("e", "omg got promoted to floor manager today!!"));
    ask("f", "what's my job now?", "floor manager", NULL);
    json_decref(say("e", "big news, moved to Perth last week for the new post"));
    ask("f", "where do I live?", "Perth", NULL);
    json_decref(say("e", "landed the job at the museum, bye card shop"));
    ask("f", "where do I work now?", "museum", "card shop");
    /* a partner asked after a break-up, a place one grew up, a year of make */
    tell("g", "my girlfriend is Ola");
    json_decref(say("g", "me and ola broke up last week"));
    ask("h", "am i still with ola?", "No", NULL);
    tell("g", "based in Bath, from Galway originally");
    ask("h", "where am I from?", "Galway", NULL);
    tell("g", "just bought a 2009 corolla, my first car");
    ask("h", "what car did I get?", "2009 corolla", NULL);
    /* Chinese: a greeting before 我, one's people said alone, a name with 是 left out */
    tell("i", "大家好我阿明，湖南人，在长沙开网约车");
    ask("j", "我叫啥", "阿明", NULL);
    ask("j", "我是哪里人", "湖南", NULL);
    ask("j", "我是广东人吗", "不是", "是的");  /* a yes or no said in Chinese too */
}
END_TEST

START_TEST(test_names_after_kin_partings_moves_and_measures_asked_in_chinese)
{
    /* a name told after a kin word by "her name's"; a count slip with its noun again */
    tell("a", "my aunt flies in from Quito on friday, her name's Beatriz and she's bringing cake");
    ask("b", "what's my aunt called?", "Beatriz", NULL);
    tell("a", "we keep 4 hens - no sorry 5 hens");
    ask("b", "how many hens do we have?", "5", "4");
    tell("a", "we've got two rabbits");
    ask("b", "how many rabbits have we got?", "two", "4");
    /* a name and "I" parting; seeing anyone asked after it */
    tell("c", "my boyfriend is Casimir");
    ask("d", "am i seeing anyone?", "Yes", "No");
    json_decref(say("c", "casimir and i split up last month"));
    ask("d", "am i seeing anyone?", "No", "Yes");
    /* moved to one place from another; a field of work; a note of one's own */
    tell("e", "I moved to Ghent from Porto a few years back");
    ask("f", "which town am I from?", "Porto", NULL);
    tell("e", "i do accounting for a brewery in Cork");
    ask("f", "what field am I in?", "accounting", NULL);
    tell("e", "me: ilse, 52, baker");
    ask("f", "my age", "52", NULL);
    /* pets named with their kinds; a sibling's baby; a name one asks to be called */
    tell("g", "we have two cats: Miso is a fluffy ragdoll and Pip is a scrappy tabby");
    ask("h", "which cat of mine is the ragdoll?", "Miso", "Pip");
    tell("g", "my brother and his wife had a baby, a boy called Odo");
    ask("h", "what's my nephew called?", "Odo", NULL);
    json_decref(say("g", "please call me Teddy"));
    ask("h", "what's my name?", "Teddy", "ilse");
    /* Chinese: an age and a count said with their measure words, a number put right, a
     * break-up */
    tell("i", "我叫周宁，今年28岁，在厦门写小说");
    ask("j", "我今年几岁？", "28岁", NULL);
    tell("i", "我养了两只狗，不对，是三只");
    ask("j", "我有几只狗？", "三只", "两");
    tell("i", "男朋友叫阿凯");
    json_decref(say("i", "我跟阿凯分手了"));
    ask("j", "我男朋友是谁？", "know", "阿凯");
}
END_TEST

/* A list of the user's people or pets with their ages; the town after a place of work;
 * a home found or moved into; questions in a word or two. */
START_TEST(test_lists_of_ages_towns_of_work_and_homes_moved_into)
{
    /* a list after its group: each one's age, the group's names, compared */
    tell("a", "three goats out back: Bramble who's 6, Tansy is 4 and little Fig 2, a menace");
    ask("b", "how old is Tansy?", "4", "6");
    ask("b", "what are my goats called?", "Fig", NULL);
    ask("b", "which of my goats is the oldest?", "Bramble", "Fig");
    tell("a", "got two kids, tam's 9 and mad on trains, jock's 7 and loves lego");
    ask("b", "what does jock like?", "lego", NULL);
    ask("b", "kids, how many have I got then?", "two", NULL);
    /* each after a kin word; a count of things is no list of ages */
    tell("c", "cousin Ilse 40, cousin Rolf 38");
    ask("d", "which cousin is older?", "Ilse", "Rolf");
    json_decref(say("c", "we won 2 matches, Hawks 3 and Owls 1"));
    ask("d", "how old is Hawks?", "Hawks", "Hawks is");
    /* the town after a place of work; a question of where one will work */
    tell("e", "tomas here, 31, frontend dev at a small agency in lagos");
    ask("f", "where am i based?", "lagos", NULL);
    json_decref(say("e", "big news: got the job! junior editor at Pressa from june"));
    ask("f", "where will I be employed after june?", "Pressa", NULL);
    /* a home found or moved into is the user's now; a kid's birthday leaves the home
     * told beside the old age */
    tell("g", "we live in Altona, me and my two kids, Ben 9 and Ava 6");
    json_decref(say("g", "Ben turned 10 yesterday"));
    ask("h", "remind me of the town I live in", "Altona", NULL);
    json_decref(say("g", "we're off! we rented a house in Ottensen, bye bye tiny studio"));
    ask("h", "remind me of the town I live in now", "Ottensen", "Altona");
    /* a relation asked in a word, or after a name told before */
    tell("i", "hamster: Pebble, syrian, 2");
    ask("j", "pebble breed", "syrian", NULL);
    ask("j", "city?", "Ottensen", NULL);
}
END_TEST

/* A partner asked by dating after a parting; a sport asked as a job; a diet ended; a
 * name opening a message after a greeting; a kind of workplace asked of a town; two
 * things asked after "tell me"; where home is; a place of work told instead of another;
 * Chinese calls and pets. */
START_TEST(test_partners_dated_names_greeted_places_instead_and_chinese_pets)
{
    /* a new partner after a parting, asked by dating; a sport done; a diet dropped ("not
     * keto anymore" read with "I'm" as its value) */
    tell("k", "my partner Alba does the cooking round here");
    json_decref(say("k", "well, Alba and I are done. I've been seeing a lad called Teo"));
    ask("l", "who am I dating now?", "Teo", "Alba");
    tell("k", "rowing keeps me sane, three mornings a week on the canal");
    ask("l", "which sport am I into?", "rowing", NULL);
    json_decref(say("k", "hi, Nell here. keto for a year now"));
    json_decref(say("k", "ok so I'm not keto anymore. flexitarian now"));
    ask("l", "and my diet right now?", "flexitarian", "keto");
    /* "name's X" opening a message after a greeting; a kind of workplace asked of one
     * told as a town; two things asked after "tell me"; where home is asked */
    tell("o", "evening all. name's Wilf, 58, a pharmacist in Kendal");
    ask("p", "what am I called?", "Wilf", NULL);
    ask("p", "which clinic do I work at?", "know", "Kendal");
    tell("o", "my little bro Sam is 12");
    ask("p", "tell me my brother's name and where my work is", "Sam", NULL);
    ask("p", "tell me my brother's name and where my work is", "Kendal", NULL);
    json_decref(say("o", "news! found a cottage in Sedbergh, out of the poky flat in Kendal"));
    ask("p", "where do I call home these days?", "Sedbergh", "Kendal");
    /* a place of work told instead of the one the user works at */
    tell("q", "I'm a GP in Ripon, currently at Elmfield Surgery");
    json_decref(say("q", "after easter I'll be at Fountains Health Centre instead of Elmfield"));
    ask("r", "give me the rundown on me", "Fountains", "Elmfield");
    /* the speaker's age set off after a comma in a clause of theirs, or opening one */
    tell("s", "I keep bees near Tain with my uncle, 61 years old and not slowing down");
    ask("t", "my age?", "61", NULL);
    tell("s", "my niece Elsa, 9 years old, loves maps");
    ask("t", "how old is Elsa?", "9", "61");
    /* Chinese: a call to see one is there asks nothing; a pet's kind after 是 and its
     * name after 叫 */
    json_decref(say("m", "在吗在吗"));
    tell("m", "我家兔子是垂耳兔，叫年糕");
    ask("n", "我家兔子叫啥？", "年糕", NULL);
    ask("n", "年糕是什么品种？", "垂耳兔", NULL);
}
END_TEST

START_TEST(test_ages_in_words_names_beside_kin_and_what_is_no_request)
{
    tell("a", "The girls are Wren, Ida and Maud.");
    tell("a", "Wren's thirteen, Ida's nine, and Maud just turned four so she rules the roost.");
    ask("b", "which of my girls is the baby of the lot?", "Maud", "Wren");
    ask("b", "who's my firstborn?", "Wren", "Maud");
    tell("a", "And Osric, my nephew, turned twenty-two in March.");
    ask("b", "what's my nephew called?", "Osric", NULL);
    ask("b", "how old is my nephew?", "22", NULL);
    tell("a", "my godson Caspian is eleven");
    ask("b", "how old is Caspian?", "eleven", NULL);
    tell("c", "I'm Perpetua, an avalanche control technician in Lleida, so dawn starts are my life.");
    ask("d", "what do I make for a living?", "avalanche control technician", NULL);
    tell("c", "Bram's 52, I'm 47, and he won't let me forget he's the elder.");
    ask("d", "what is it I do for work, then?", "avalanche control", NULL);
    tell("c", "we've a tortoise called Hortense who hates lettuce.");
    ask("d", "what's the tortoise called?", "Hortense", NULL);
    tell("c", "got a ferret named Pim who's three");
    json_decref(say("c", "oh, pim's four not three, I lost count"));
    ask("d", "how old's pim?", "four", "three");
    json_t *t = say("d", "Run through what you've got on me. All of it, please.");
    const char *r = reply_of(t);
    ck_assert_ptr_nonnull(strstr(r, "Here's what I know"));
    ck_assert_ptr_null(strstr(strstr(r, "Here's what I know") + 1, "Here's what I know"));
    json_decref(t);
    tell("e", "My niece Anouk began at Larchfield in September, a long drive each morning.");
    tell("e", "I live in Rhyl with my stepdaughter.");
    json_decref(say("e", "Actually drop the name of Anouk's school from your notes, forget it."));
    ask("f", "where do I live?", "Rhyl", NULL);
    ask("f", "what's my niece called?", "Anouk", NULL);
}
END_TEST

START_TEST(test_chinese_study_teaching_and_what_others_call_one)
{
    tell("a", "我在南京大学读化学，大二了");
    ask("b", "我读的什么专业？", "化学", NULL);
    ask("b", "我在哪儿上学？", "南京大学", NULL);
    tell("a", "我在苏州一所中学教历史");
    ask("b", "我教什么科目？", "历史", NULL);
    tell("a", "我老婆是个会计，大家都喊她阿敏");
    ask("b", "我老婆叫什么？", "阿敏", NULL);
    ask("c", "你还记得我些啥", "化学", NULL);
}
END_TEST

/* The small-talk gate: a remark of the day is chat even when it names someone of the
 * user's and a town, and a fact beside it in the same message is kept. */
START_TEST(test_remarks_of_the_day_are_chat_beside_facts)
{
    size_t before = memories();
    json_t *t = say("m", "my aunt is visiting from Derry till Sunday, the spare room is a tip");
    ck_assert_str_eq(json_string_value(json_object_get(t, "kind")), "other");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "written")), 0);
    json_decref(t);
    ck_assert_uint_eq(memories(), before);
    tell("m", "my nephew is over from Cork for the weekend, I'm a welder btw");
    ask("n", "what's my trade?", "welder", NULL);
    /* a story of others from one who never says "I" is the memory network's, not chat */
    h_resp_t r;
    json_t *body = json_pack("{s:s,s:s,s:s}", "user", "story", "conversation", "s1", "message",
                             "John went to the hallway.");
    ck_assert_int_eq(h_send(&D, "POST", NULL, "/v1/chat", body, &r), 0);
    ck_assert_str_eq(json_string_value(json_object_get(r.json, "kind")), "statement");
    h_resp_clear(&r);
    ask("n", "where does my aunt live?", "don't know", "Derry");
}
END_TEST

/* The gate trained on people's statements: a message it is sure tells a fact, though
 * the reader frames nothing in it, is kept as told ("Got it."); a Chinese remark of the
 * day is chat, never kept. */
START_TEST(test_the_gate_keeps_unframed_facts_and_lets_chinese_chat_pass)
{
    size_t before = memories();
    json_t *t = say("q", "Top mare is Juniper.");
    ck_assert_str_eq(json_string_value(json_object_get(t, "kind")), "statement");
    ck_assert_str_eq(reply_of(t), "Got it.");
    json_decref(t);
    ck_assert_uint_eq(memories(), before + 1);
    t = say("q", "下班路上堵了快两小时，烦得要命，饭也没顾上吃");
    ck_assert_str_eq(json_string_value(json_object_get(t, "kind")), "other");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "written")), 0);
    json_decref(t);
    ck_assert_uint_eq(memories(), before + 1);
    /* a question without its mark is never kept as told */
    t = say("q", "remind me who I'm dating now");
    ck_assert_str_ne(json_string_value(json_object_get(t, "kind")), "statement");
    json_decref(t);
    ck_assert_uint_eq(memories(), before + 1);
    /* a place of study asked as where one is "at" */
    tell("q", "I study geology at Keele University");
    ask("r", "which college am I at?", "Keele", NULL);
    /* a Chinese question the network takes for a statement is not kept */
    t = say("q", "两只兔子里哪只大一点来着？");
    ck_assert_str_ne(json_string_value(json_object_get(t, "kind")), "statement");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "written")), 0);
    json_decref(t);
}
END_TEST

/* A request to forget said twice in one message ("forget X. delete her") forgets X, not
 * whom the user's facts last spoke of. */
START_TEST(test_a_forget_said_again_by_pronoun_is_the_same_request)
{
    tell("s", "My daughter Ada studies law in York.");
    json_decref(say("s", "Saw my old flame Greta at the market. We were polite. Terrible."));
    json_decref(say("s", "You know what, forget Greta. Delete her, I do not need that."));
    ask("t", "what does Ada study up in York?", "law", NULL);
}
END_TEST

/* Which one of several a sentence picks out: the name in the part that holds what is
 * asked, quoted alone; a question that compares is left to the rest. */
START_TEST(test_which_one_a_sentence_picks_out)
{
    tell("o", "got two cats, Mango is a tabby and Fig is a black one with white socks");
    json_decref(say("o", "at the bakery theres ayla who does the bread and tomas who runs the till"));
    json_decref(say("o", "In my team there's Rhea, who's our tester, Omar, my manager, and June, "
                         "who does the accounts"));
    ask("p", "which cat has white socks?", "Fig", "Mango");
    ask("p", "who runs the till?", "Tomas", "ayla");
    ask("p", "who does the testing on my team?", "Rhea", "June");
    ask("p", "who does the accounts?", "June", "Rhea");
}
END_TEST

/* An age asked as the one given, and a question of who with "these days" or "at the
 * moment" (once read as asking where the partner works). */
START_TEST(test_ages_given_and_who_these_days)
{
    tell("q", "i'm Ravi, 41, a plumber in Derby");
    tell("q", "my girlfriend is Tess");
    ask("r", "what age did I mention?", "41", NULL);
    ask("r", "who's my girlfriend these days?", "Tess", "work");
    ask("r", "who's my girlfriend at the moment?", "Tess", "work");
}
END_TEST

/* Ages said of names no word of kin brings ("we have two. Tomo is 8 ..."), a name with
 * an accent the reader never learnt, a couple over in other words, a place of business
 * named after it and work to come told as news. */
START_TEST(test_names_aged_couples_over_firms_named_and_work_ahead)
{
    tell("c", "I'm Hedvika, we have two at home.");
    tell("c", "Tomo is 8 and Zoë is 5, she bosses him about.");
    ask("d", "how old is Zoë?", "5", "8");
    ask("d", "how old is Tomo?", "8", "5");
    tell("c", "my boyfriend is Anselm");
    json_decref(say("c", "Sad news: Anselm and I are done. Then I met Kamil at the pool."));
    ask("d", "who is my boyfriend?", "Kamil", "Anselm");
    tell("c", "I work at Mlynek Foods.");
    ask("d", "what is my company called?", "Mlynek Foods", NULL);
    json_decref(say("c", "From March I'll be working at Pekarna Sova instead."));
    ask("d", "where do I work?", "Pekarna Sova", "Mlynek");
    tell("c", "I also run a little cafe in Tabor, Zlaty Klas, we bake rye bread.");
    ask("d", "what is my cafe called?", "Zlaty Klas", NULL);
}
END_TEST

/* An aside between "my partner" and "is", a plan asked by its word after "so", moved in
 * time, where one studies asked with "where", and of two young ones the younger. */
START_TEST(test_asides_plans_moved_and_where_one_studies)
{
    tell("e", "My partner, through thick and thin, is Radek.");
    ask("f", "who is my partner?", "Radek", NULL);
    tell("e", "I'm Ilse, and my graduation is in July.");
    ask("f", "so when's the graduation?", "July", NULL);
    json_decref(say("e", "Bad luck: the graduation is postponed to September, a strike."));
    ask("f", "so when's the graduation?", "September", "July");
    tell("e", "I study geology in Aberdeen, second year.");
    ask("f", "where am I studying?", "Aberdeen", NULL);
    tell("e", "Two little ones at home: Bo is 7 and Mia is 4.");
    ask("f", "is Mia my youngest?", "Yes", NULL);
}
END_TEST

/* What someone of the user's says or thinks of no one is chat, kept as nothing; what
 * they say of the user is the user's. */
START_TEST(test_what_others_say_is_chat)
{
    tell("g", "I'm Pia, a dentist.");
    size_t before = memories();
    json_t *t = say("g", "My flatmate always says Leeds is the best city in England.");
    ck_assert_str_ne(json_string_value(json_object_get(t, "kind")), "statement");
    json_decref(t);
    json_decref(say("g", "rain again. my sister says oslo has better weather."));
    json_decref(say("g", "我表哥老说重庆才是最好吃的城市。"));
    ck_assert_uint_eq(memories(), before);
    ask("h", "what's my sister called?", "don't know", "oslo");
    tell("g", "My GP says I'm allergic to kiwi.");
    ask("h", "what is my allergy?", "kiwi", NULL);
}
END_TEST

/* Work moved to with no "I" said, when it starts left out of where, a modal verb no
 * one's name, and a word in small letters no capitalised name spelt again. */
START_TEST(test_work_moved_and_words_that_name_no_one)
{
    tell("i", "I'm Oona, a ranger on Arran, daughter Ela, 9.");
    json_decref(say("i", "Big news, transferred to Glencoe, new office, starting in June."));
    ask("j", "where am I based for work?", "Glencoe", NULL);
    json_decref(say("i", "Actually I start at the visitor centre in Fort William next month."));
    ask("j", "where is my work now?", "Fort William", "next");
    json_decref(say("i", "My brother will work at a distillery from June."));
    ask("j", "what's my brother called?", "don't know", "will");
    json_decref(say("i", "Nurse says my sugar is up. New rule: no sweets, no cola."));
    ask("j", "my daughter's name again?", "Ela", "cola");
}
END_TEST

/* A Chinese note with no 我 after the name: a number alone is the age, a place and a job
 * the work. */
START_TEST(test_chinese_notes_after_the_name)
{
    tell("c", "我老宋，四十七，在宁波一家工厂当电工，周末钓鱼。");
    ask("d", "我多大了？", "四十七", NULL);
    ask("d", "我的工作是什么？", "电工", NULL);
    ask("d", "我在哪上班？", "宁波", NULL);
}
END_TEST

/* Forgetting someone or a pet named alone ("the dog", "my dog", after a name) forgets
 * all of theirs, the facts of a note that told two of them included, and "forget the
 * cat" is never the cat's name. */
START_TEST(test_forgetting_a_pet_named_alone)
{
    tell("u", "Dog Rekku, a Lapphund.");
    tell("u", "Wife Sigrid. Cat Pelle, a Norwegian forest cat.");
    json_decref(say("v", "Forget Sigrid and the dog, thanks."));
    ask("w", "who is my wife?", "don't know", "Sigrid");
    ask("w", "what's my dog's name?", "don't know", "Rekku");
    ask("w", "which breed is my dog?", "don't know", "Lapphund");
    json_decref(say("v", "forget the cat."));
    ask("w", "what's my cat's name?", "don't know", "Pelle");
    ask("w", "what's my cat's name?", "don't know", "forget");
    files_lack("Rekku");
}
END_TEST

/* A car written off ends it, also when the clause says "it" of the car the message
 * named; who does what for the user ("does my taxes") by the part of the sentence; whom
 * one lives with told as the household; a partner no longer together. */
START_TEST(test_cars_written_off_and_who_does_mine)
{
    tell("x", "I drive a battered green Renault Clio to the depot");
    json_decref(say("y", "a lorry clipped the Clio and it got written off. bus for me now."));
    ask("z", "do I still have the Clio?", "No", "Yes");
    json_decref(say("x", "my brother jon does my taxes and my mate lola does my hair"));
    ask("z", "who does my taxes?", "Jon", "lola");
    ask("z", "who does my hair?", "Lola", "jon");
    /* whom one lives with, told as the household; a partner no longer together */
    tell("x", "my partner Sam and I have a grey rabbit called Moss");
    ask("z", "who lives with me?", "Sam", NULL);
    ask("z", "who lives with me?", "Moss", NULL);
    json_decref(say("y", "sam and me are not together any more"));
    ask("z", "am i still with sam?", "No", "Yes");
    /* "done" before what one did ends it */
    json_decref(say("x", "right, i'm done stacking shelves, moving to the warehouse office"));
    ask("z", "am i still stacking shelves?", "No", "Yes");
    /* "X is life": a like */
    json_decref(say("x", "also ramen is life. not even joking"));
    ask("z", "what do i like?", "ramen", NULL);
    /* a town after a place is no name of it */
    json_decref(say("x", "I'm Temi, a tax lawyer at a big firm in Lagos"));
    ask("z", "what's my law firm called?", "don't know", "Temi");
}
END_TEST

/* A Chinese request for all that is kept, said with 记住 (whose 住 was read as a home);
 * a name told after a kin word in a clause of chat. */
START_TEST(test_chinese_summary_asked_with_jizhu)
{
    tell("za", "我叫周海，在大连开出租的");
    ask("zb", "你都记住我啥了？讲讲", "周海", NULL);
    /* a kin word and a name before 去 in a clause of chat names them; 一起 is no name */
    json_decref(say("za", "昨天和男朋友一起去看电影"));
    json_decref(say("za", "昨天和男朋友阿明去看海了，风好大"));
    ask("zb", "阿明是我男朋友吗？", "阿明", "一起");
}
END_TEST

/* Notes told bare ("Name. age. job, town. pet Name, kind, age."), a diet taken up as
 * news, an age turned in a remark, a new partner met after a parting, a pet's colour,
 * a count of one's own said alone ("my three: ..."), the eldest asked yes or no, a place
 * of work asked by its kind of one who never named it, a sibling asked by their age, and
 * 爱人 as the spouse. */
START_TEST(test_notes_news_colours_and_places_asked_by_kind)
{
    tell("a", "Halvard. 47. glazier, Drammen. cat Tuva, tabby, 5.");
    ask("b", "city?", "Drammen", NULL);
    ask("b", "how old is tuva?", "5", "47");
    ask("b", "which breed is my cat?", "tabby", NULL);
    ask("b", "which clinic do I work at?", "don't know", "Drammen");
    json_decref(say("a", "from this week I'm fully vegan, no more cheese"));
    ask("b", "what's my diet?", "vegan", NULL);
    json_decref(say("a", "anyway it happened, turned 48 on Sunday"));
    ask("b", "how old am I?", "48", "47");
    tell("a", "my girlfriend is Siv");
    json_decref(say("a", "Siv and I split up. I met Randi at the climbing gym."));
    ask("b", "who's my girlfriend?", "Randi", "Siv");
    json_decref(say("a", "we got two horses: Pip, who is grey, and Moss, who is white."));
    ask("b", "what colour is Moss?", "white", "grey");
    json_decref(say("a", "My three: Oda's 11, Ask's 8 and baby Kai's 2."));
    ask("b", "how old's my eldest?", "11", NULL);
    ask("b", "is Kai my eldest?", "No", NULL);
    json_decref(say("a", "Two siblings. Older brother Jonas is in Bergen, and younger sister "
                         "Liv is doing law in Oslo."));
    ask("b", "what does my younger sibling study?", "law", NULL);
    json_decref(say("a", "我爱人叫周敏，是护士。"));
    ask("b", "我爱人是干啥的？", "护士", NULL);
}
END_TEST

/* Lists with ages said as people do: an animal's kind beside its name, words of size
 * before names, a plural of kin before the list, a list after a sentence of its own; a
 * list in Chinese, and which is older asked in Chinese. */
START_TEST(test_lists_of_ages_with_kinds_and_sizes)
{
    tell("a", "the menagerie: Dusty the Jack Russell is 12, Moth the tabby is 3, and Shelby "
              "the tortoise is nearly 70");
    ask("b", "what age is my cat?", "3", "12");
    ask("b", "how old is Shelby?", "70", NULL);
    ask("b", "which animal of mine is oldest?", "Shelby", "Dusty");
    ask("b", "is Dusty 13?", "No", NULL);
    ask("b", "what breed is Dusty?", "jack russell", NULL);
    ask("b", "is my tabby 5?", "No", NULL);
    tell("c", "my eldest Tavi is 14 and mad about chess, the middle one Ines is 11, and the "
              "baby Rafe just turned 5");
    ask("d", "what age is the middle one?", "11", "14");
    ask("d", "who is my eldest?", "Tavi", "Ines");
    ask("d", "what game does Tavi love?", "chess", NULL);
    tell("e", "Hi. I'm Maud, 80, from Sligo. I've four grandkids and I look after two of them, "
              "Cait, who's 8, and little Eoin, 3.");
    ask("f", "how old is Eoin?", "3", "8");
    ask("f", "who is my youngest grandchild?", "Eoin", "Cait");
    tell("g", "家里俩兔，团团4岁，圆圆才2岁，天天啃电线");
    ask("h", "圆圆几岁了？", "2岁", "4岁");
    ask("h", "哪只兔子大？", "团团", "圆圆");
    tell("g", "我有俩孙辈：外孙阿杰今年九岁，外孙女小雨才三岁");
    ask("h", "小雨多大了？", "三岁", "九岁");
    ask("h", "俩孙辈谁岁数小？", "小雨", "阿杰");
}
END_TEST

/* Phrases people use for work and health: the one who works with them named, an
 * intolerance had, a place of work named after "on", retiring, a new best friend said
 * without a comma, a heading of news; the name of a firm told only by its kind is not
 * known. */
START_TEST(test_coworkers_intolerances_retiring_and_run_ons)
{
    tell("a", "I'm a welder. The only other guy who works with me is Bruno, he's a welder too.");
    ask("b", "who's my coworker?", "Bruno", NULL);
    tell("a", "I'm 52 and I have a soy intolerance, sadly");
    ask("b", "what am I intolerant to?", "soy", NULL);
    tell("a", "I work at the boatyard on Lake Vattern");
    ask("b", "which boatyard do I work at?", "Lake Vattern", NULL);
    tell("c", "I am Jorge, a plumber in Cadiz");
    json_decref(say("c", "I'm retired as of today! Done. Gave my van to my nephew."));
    ask("d", "do I still work as a plumber?", "No", NULL);
    ask("d", "what's my job now?", "retired", "plumber");
    ask("d", "where do I live?", "Cadiz", "Finished");
    tell("e", "my bestie is noa");
    json_decref(say("e", "noa and i are done being mates my new bestie is ines"));
    ask("f", "who's my bestie now?", "ines", "noa");
    tell("g", "I'm Ines, a welder with a ship repair firm in Ikeja, Lagos");
    ask("h", "what's my firm called?", "don't know", "Ines");
    ask("h", "which repair firm am I with?", "don't know", NULL);
    tell("g", "my sister is a pastry cook in a hotel in Nantes, near the Place du Bouffay");
    ask("h", "what's my sister's hotel called?", "don't know", NULL);
    tell("i", "I'm a porter at a tapas bar in Cadiz");
    json_decref(say("i", "So, I leave the tapas bar. From May I am doorman at a cafe on the Paseo."));
    ask("j", "where will I work from May?", "Paseo", "tapas");
    ask("j", "so I'm working at a cafe now?", "Yes", NULL);
    ask("j", "still working at the tapas bar, am I?", "No", NULL);
    tell("i", "my bestie is wren");
    json_decref(say("i", "ok update wren and i fell out for good, my new bestie is juno"));
    ask("j", "who's my bestie now?", "juno", "wren");
    tell("k", "my boyfriend is ravi");
    json_decref(say("k", "so ravi and i split, fine by me. been seeing this guy Teo from my climbing club"));
    ask("l", "who's my boyfriend now?", "Teo", "ravi");
    tell("m", "I work for a tea estate in Kericho");
    json_decref(say("m", "So I left the tea estate. I'm now with a flower exporter in Naivasha."));
    ask("n", "who employs me these days?", "flower exporter", "tea");
    json_decref(say("m", "I'm now with a bad head cold, ugh"));
    ask("n", "who employs me these days?", "flower exporter", "cold");
    tell("o", "i live in carlton with two housemates");
    json_decref(say("o", "moved out of carlton!! now in coburg, just me and the budgie"));
    ask("p", "where do i live?", "coburg", "carlton");
    tell("e", "I'm a vegetarian");
    json_decref(say("e", "Diet update: I'm vegan now"));
    ask("f", "what's my diet?", "vegan", "update");
}
END_TEST

START_TEST(test_names_bid_for_children_had_and_places_among_them)
{
    /* names bid for with "list", "name ... please", and in two terse sentences */
    tell("a", "My stepdad is called Anselm and my pony is Juniper.");
    ask("b", "Kindly list my stepdad and my pony by name.", "Juniper", NULL);
    ask("b", "Name my stepdad and pony, thanks.", "Anselm", NULL);
    ask("b", "Stepdad and pony. Both names?", "Juniper", NULL);
    /* a child had, named in commas; a second one had and named after a first; "wee" */
    tell("c", "Kia ora, I've got a wee girl, Tui, she's 4 and into everything.");
    ask("d", "what's my daughter called?", "Tui", "wee");
    ask("d", "how old is Tui?", "4", NULL);
    tell("c", "got a lurcher named Ash and a brother named Obi who reckons he can cook");
    ask("d", "who is my brother?", "Obi", "reckons");
    ask("d", "what's my dog called?", "Ash", "Obi");
    /* a word of how one is, written small, is no name */
    json_decref(say("c", "My nephew Ruben thinks I'm hopeless at darts."));
    ask("d", "what's my name?", "don't know", "hopeless");
    /* one told by their place among them, asked who is the oldest, after a restart */
    tell("e", "My eldest grandson is Casimir and the youngest is Bo.");
    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
    ask("f", "which one of the grandchildren is eldest?", "Casimir", "Bo");
    ask("f", "where does my eldest grandson live?", "don't know", "Casimir is your");
    /* an intolerance beside a diet, asked as any intolerances */
    tell("g", "I'm gluten intolerant and vegan, so no bakery tips");
    ask("h", "what's my diet?", "vegan", NULL);
    ask("h", "have I got any intolerances?", "gluten", NULL);
    /* an instrument in apposition is no job; notes opened by "I'm" with an aside */
    tell("i", "I'm Ilse, 58, my eyes are bad, retired tailor, Ghent.");
    ask("j", "where do I live?", "Ghent", NULL);
    json_decref(say("i", "Lately I started learning the kora, a West African harp."));
    ask("j", "what was my job?", "tailor", "harp");
    /* where one studies told by the year one is in, moved, and asked "at uni" */
    tell("m", "hiya, I'm Priya, 2nd year at Kent doing history");
    ask("n", "where do I study?", "Kent", NULL);
    ask("n", "i'm at uni in Kent yeah?", "Yes", NULL);
    json_decref(say("m", "big news, i switched!! im at Brookfield Arts College now"));
    ask("n", "where do i study now?", "Brookfield Arts College", NULL);
    ask("n", "so whats my major?", "history", NULL);
    /* a pet lived with, its age told after its name; a day put right in passing */
    tell("m", "we live in Hove with an old whippet called Fen, who is 11");
    ask("n", "how old is my dog?", "11", NULL);
    /* one the user does a pastime with is no partner of their life */
    tell("o", "My fiancee is Lieke, and my bouldering partner is Bram.");
    ask("p", "Who do I boulder with?", "Bram", NULL);
    ask("p", "who is my bouldering partner?", "Bram", NULL);
    ask("p", "who's my fiancee?", "Lieke", "Bram");
    /* a name asked with "please" after it: no refusal */
    tell("o", "My uncle is Bogdan.");
    ask("p", "Uncle's name, please?", "Bogdan", "Sorry");
    ask("p", "Uncle's name please", "Bogdan", "Sorry");
    /* children told by their place after a comma, their names forgotten together */
    tell("q", "Got two girls, eldest Maja is at uni, youngest Ida is 6.");
    ask("r", "who is my eldest?", "Maja", NULL);
    json_decref(say("q", "Actually don't keep my girls' names, my husband doesn't like it."));
    ask("r", "And the eldest's name?", "", "Maja");
    /* a while said before where one lives */
    tell("o", "I come from Graz but we live since 4 years in Lille.");
    ask("p", "where do I live?", "Lille", "since");
    /* the user's own age forgotten in Chinese */
    tell("k", "我六十一岁了。");
    /* the weather in Chinese, read as a correction with no word of putting right, is chat */
    json_t *t = say("k", "今天好冷啊，零下三度，暖气都坏了");
    ck_assert_str_ne(json_string_value(json_object_get(t, "kind")), "statement");
    ck_assert_int_eq(json_array_size(json_object_get(t, "written")), 0);
    json_decref(t);
    json_decref(say("k", "请把我的岁数忘了吧"));
    ask("l", "我多大？", "know", "六十一");
}
END_TEST

START_TEST(test_pupils_pairs_people_named_in_passing_and_tagged_values)
{
    /* a pupil's year and school, in small letters; the school asked by its name */
    tell("a", "hey im rafe, 14, in year 9 at oakfield school");
    ask("b", "whats the full name of my school", "oakfield school", "don't know");
    /* one the user is together with; then parted, and someone new */
    tell("c", "My guy Tariq and I are together since 2020.");
    ask("d", "who is my boyfriend?", "Tariq", NULL);
    /* one named, and after a comma who they are; the listener called "my friend" */
    tell("e", "then Ivo rang, thats my nephew, he is 19 and skint");
    ask("f", "How old is my nephew, my friend?", "19", "friend");
    tell("e", "oh and theres pickle, my cat, shes 2");
    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
    ask("g", "what's my cat called?", "pickle", NULL);
    ask("g", "Who is Ivo to me?", "nephew", NULL);
    /* a value alone before a tag asks yes or no of the fact that holds it */
    tell("h", "I live in Tromso and I repair boats.");
    ask("i", "Tromso, correct?", "Yes, you live in Tromso", NULL);
    /* a baby's age in months */
    tell("h", "my son Pim is 10 months old");
    ask("i", "how old is Pim?", "10 months", NULL);
    /* "best friends name" without the apostrophe forgets that name and nothing else */
    tell("j", "my rabbit is called Pebble, my best friend is Jonas");
    json_decref(say("j", "pls delete my best friends name"));
    ask("k", "whos my best friend", "", "Jonas");
    ask("k", "whats my rabbits name", "Pebble", NULL);
    /* what another says or thinks is chat: nothing written, the home stays unknown */
    kept_nothing("l", "my flatmate reckons Galway is the friendliest city");
    kept_nothing("l", "My gran keeps saying Cork is the finest town in Ireland, she never left it.");
    ask("m", "where do I live?", "Tromso", "Galway");
    tell("l", "My friend Oona keeps telling me I should move to Sligo.");
    ask("m", "who is my friend?", "Oona", NULL);
    ask("m", "where do I live?", "Tromso", "Sligo");
    /* a vehicle told by its word, then traded for another */
    tell("n", "My car is a Honda Jazz.");
    ask("o", "what do I drive?", "Honda Jazz", NULL);
    tell("n", "Traded in the Jazz for a Kia Ceed last week.");
    ask("o", "which car do I have at present?", "Kia Ceed", "Jazz");
    /* a birthday told with "today", and with "guess who" */
    json_decref(say("n", "I'm 15 today! Cake for breakfast."));
    ask("o", "how old am I?", "15", "14");
    json_decref(say("n", "a year on: guess who turned 16 yesterday"));
    ask("o", "how old am I these days?", "16", "15");
    /* people lived with are no home */
    json_decref(say("n", "moved out! I live with 3 flatmates in Leeds now"));
    ask("o", "where do I live?", "Leeds", "flatmates");
    /* a subject of study in Chinese (会计 no "learnt to"), changed, asked yes or no */
    tell("q", "我在学会计，后年毕业。");
    ask("r", "我学什么？", "会计", NULL);
    json_decref(say("q", "我从九月开始学法律了！"));
    ask("r", "你说我眼下学的是什么？", "法律", "会计");
}
END_TEST

START_TEST(test_slips_put_right_schools_pet_lists_and_leave_to_forget)
{
    /* a place put right after an apology, in a clause of its own, in the next sentence */
    tell("a", "My aunt Greet lives in Ghent, no, my mistake, she moved to Leuven in May.");
    ask("b", "where does Greet live?", "Leuven", "Ghent");
    tell("a", "My nephew Bram turns six on the 5th of August. No, pardon me, on the 5th of September.");
    ask("b", "when is Bram's birthday?", "September", "August");
    tell("a", "my dog Rolf, no wait, Rolfie, is a beagle");
    ask("b", "what's my dog called?", "Rolfie", NULL);
    tell("a", "I'm Anke. 44 years old, I fix pianos.");
    ask("b", "how old am I?", "44", NULL);
    /* what is taught after the school's level; a school gone to */
    tell("c", "I teach secondary school physics in Utrecht.");
    ask("d", "what is it I teach?", "physics", "secondary");
    tell("c", "my son Ties goes to Westpark Primary.");
    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
    ask("e", "what school does Ties go to?", "Westpark Primary", NULL);
    /* a group named and told of in one sentence: theirs, not the user's too */
    tell("e", "My daughters Noor and Lin go to Ashcombe Academy.");
    ask("f", "what school do my daughters go to?", "Ashcombe Academy", NULL);
    ask("f", "where do I study?", "", "You study at");
    /* pets listed, each with its age */
    tell("f", "We have a spaniel named Juno who is 8, a black cat called Pip who is 3, and a tortoise named Fred.");
    ask("g", "what age is the cat?", "3", "8");
    ask("g", "what's the tortoise called?", "Fred", NULL);
    /* a bracket of the user's own; a remark of the day keeps their own name */
    tell("h", "So I'm Anke, home sick today (I'm a welder, mind) and bored.");
    ask("i", "what do I do?", "welder", NULL);
    /* leave to forget; "never mind what I said about ..." */
    tell("h", "my locker code is 4471");
    json_decref(say("h", "you can drop the locker code"));
    ask("i", "what's my locker code?", "don't know", "4471");
    kept_nothing("h", "you can drop me at the station");
    json_decref(say("h", "never mind what I typed about the tortoise"));
    ask("i", "what's my tortoise called?", "don't know", "Fred");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("understand");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_a_correction_replaces_the_value_it_corrects);
    tcase_add_test(tc, test_a_new_employer_replaces_the_old_one);
    tcase_add_test(tc, test_forgetting_removes_the_text_from_the_database_files);
    tcase_add_test(tc, test_forgetting_one_of_two_facts_told_together_keeps_the_other);
    tcase_add_test(tc, test_forgetting_a_value_keeps_the_rest_of_its_message);
    tcase_add_test(tc, test_yes_from_a_sentence_that_holds_the_name_or_the_thing);
    tcase_add_test(tc, test_a_change_in_small_letters_answers_what_holds_now);
    tcase_add_test(tc, test_a_count_changed_since_is_counted_now);
    tcase_add_test(tc, test_quotes_say_whom_and_which_instrument);
    tcase_add_test(tc, test_chinese_twins_and_pets);
    tcase_add_test(tc, test_a_job_in_an_introduction_is_the_job);
    tcase_add_test(tc, test_what_have_you_got_on_me_is_a_summary);
    tcase_add_test(tc, test_a_word_alone_asks_and_a_count_is_no_age);
    tcase_add_test(tc, test_weather_moods_and_others_forgetting_keep_and_delete_nothing);
    tcase_add_test(tc, test_names_of_things_and_animals_ages_of_him_and_islands);
    tcase_add_test(tc, test_still_a_kind_and_scrapping_a_note);
    tcase_add_test(tc, test_how_many_of_a_thing_is_what_was_told);
    tcase_add_test(tc, test_a_language_learnt_is_not_one_spoken);
    tcase_add_test(tc, test_an_animal_got_then_named_is_a_pet);
    tcase_add_test(tc, test_a_partner_is_found_by_any_word_for_one);
    tcase_add_test(tc, test_the_summary_lists_what_is_current);
    tcase_add_test(tc, test_a_message_with_two_facts_keeps_both);
    tcase_add_test(tc, test_one_clause_with_two_facts_keeps_both);
    tcase_add_test(tc, test_yes_no_questions_check_the_fact);
    tcase_add_test(tc, test_several_names_and_values_are_all_kept);
    tcase_add_test(tc, test_a_chinese_question_is_answered_and_never_stored);
    tcase_add_test(tc, test_a_question_mark_is_never_stored);
    tcase_add_test(tc, test_forgetting_finds_the_relation_in_other_words);
    tcase_add_test(tc, test_an_end_must_be_said);
    tcase_add_test(tc, test_a_question_never_forgets);
    tcase_add_test(tc, test_people_are_found_by_name_and_pronoun);
    tcase_add_test(tc, test_a_message_keeps_the_first_of_two_values);
    tcase_add_test(tc, test_what_chat_leaves_out_is_the_users);
    tcase_add_test(tc, test_one_of_several_people_is_spoken_of_by_name);
    tcase_add_test(tc, test_each_favourite_keeps_its_own_value);
    tcase_add_test(tc, test_a_question_about_mnemo_is_not_a_summary);
    tcase_add_test(tc, test_small_talk_is_answered_but_not_stored);
    tcase_add_test(tc, test_notes_are_facts_and_questions);
    tcase_add_test(tc, test_a_job_and_where_in_fragments);
    tcase_add_test(tc, test_remarks_of_a_user_who_told_of_themselves_are_chat);
    tcase_add_test(tc, test_what_is_forgotten_is_neither_kept_nor_quoted_in_part);
    tcase_add_test(tc, test_facts_survive_a_restart_in_the_middle);
    tcase_add_test(tc, test_whose_a_value_is_is_found);
    tcase_add_test(tc, test_a_pronoun_in_the_next_message_is_the_last_one_told_of);
    tcase_add_test(tc, test_a_word_of_doing_names_nobody);
    tcase_add_test(tc, test_what_is_told_without_a_subject_is_the_users);
    tcase_add_test(tc, test_slips_and_ends_are_understood);
    tcase_add_test(tc, test_ages_are_compared);
    tcase_add_test(tc, test_forget_requests_in_other_words);
    tcase_add_test(tc, test_what_someone_is_is_their_job);
    tcase_add_test(tc, test_a_surname_is_the_last_word_of_a_name_told);
    tcase_add_test(tc, test_hopes_are_not_facts_and_statements_tell);
    tcase_add_test(tc, test_a_new_value_outlives_the_end_of_the_old_one);
    tcase_add_test(tc, test_where_one_works_is_the_firm_and_the_town);
    tcase_add_test(tc, test_home_and_workplace_stand_in_for_each_other);
    tcase_add_test(tc, test_a_car_is_found_however_it_is_asked);
    tcase_add_test(tc, test_who_am_i_and_a_sport_in_other_words);
    tcase_add_test(tc, test_instead_the_newest_car_and_likes_by_kind);
    tcase_add_test(tc, test_having_is_known_from_what_is_spoken_of);
    tcase_add_test(tc, test_a_question_for_one_thing_is_not_a_summary);
    tcase_add_test(tc, test_an_amount_needs_a_number_and_a_value_named_is_asked_of);
    tcase_add_test(tc, test_no_is_said_only_by_a_fact_of_what_is_asked);
    tcase_add_test(tc, test_a_slip_put_right_in_passing_replaces_the_value);
    tcase_add_test(tc, test_a_question_is_answered_by_what_it_asks_or_not_at_all);
    tcase_add_test(tc, test_born_in_a_month_is_a_birthday);
    tcase_add_test(tc, test_a_date_is_the_same_however_it_is_written);
    tcase_add_test(tc, test_a_capitalised_name_after_im_is_the_users);
    tcase_add_test(tc, test_a_place_of_work_keeps_its_noun);
    tcase_add_test(tc, test_driving_tells_a_job_or_a_car);
    tcase_add_test(tc, test_married_to_names_the_spouse);
    tcase_add_test(tc, test_where_one_is_from_is_told_by_nationality_and_from);
    tcase_add_test(tc, test_names_are_counted_and_doing_is_being);
    tcase_add_test(tc, test_home_working_and_relations_by_their_words);
    tcase_add_test(tc, test_how_many_is_kept_as_told);
    tcase_add_test(tc, test_measures_and_teams_are_kept);
    tcase_add_test(tc, test_a_new_pet_is_named_and_fillers_are_no_value);
    tcase_add_test(tc, test_an_end_of_one_value_keeps_the_others);
    tcase_add_test(tc, test_people_are_ended_and_forgotten_whole);
    tcase_add_test(tc, test_past_homes_titles_and_forgetting_everything);
    tcase_add_test(tc, test_chinese_kin_favourites_and_schools);
    tcase_add_test(tc, test_a_new_manager_and_a_degree);
    tcase_add_test(tc, test_anything_asked_is_what_was_told);
    tcase_add_test(tc, test_a_group_is_named_and_an_animal_not_kept_is_no);
    tcase_add_test(tc, test_forgetting_by_the_relation_and_possessives_without_apostrophes);
    tcase_add_test(tc, test_pets_children_and_a_former_job_asked_in_other_words);
    tcase_add_test(tc, test_dislikes_goals_and_corrections_without_a_comma);
    tcase_add_test(tc, test_names_allergies_and_jobs_need_their_words);
    tcase_add_test(tc, test_a_chinese_question_by_name_is_theirs);
    tcase_add_test(tc, test_bands_breeds_moves_and_work_said_by_a_verb);
    tcase_add_test(tc, test_two_questions_in_one_and_the_ages_of_a_group);
    tcase_add_test(tc, test_firms_allergies_pastimes_and_positions);
    tcase_add_test(tc, test_shorthand_greetings_groups_and_names);
    tcase_add_test(tc, test_forgetting_a_value_told_in_shorthand_leaves_no_copy);
    tcase_add_test(tc, test_a_question_no_fact_answers_quotes_what_was_told);
    tcase_add_test(tc, test_open_questions_of_other_shapes_quote_the_user);
    tcase_add_test(tc, test_a_fact_that_never_said_what_is_asked_gives_way_to_the_user_s_words);
    tcase_add_test(tc, test_a_question_of_someone_only_told_of_is_the_user_s);
    tcase_add_test(tc, test_a_story_of_others_stays_the_memory_network_s);
    tcase_add_test(tc, test_two_people_named_first_are_not_the_user);
    tcase_add_test(tc, test_a_ward_is_a_place_and_what_happened_asks_nothing);
    tcase_add_test(tc, test_a_chinese_question_without_a_mark_is_asked_and_quoted);
    tcase_add_test(tc, test_a_quoted_yes_or_no_checks_the_value_beside_its_words);
    tcase_add_test(tc, test_states_wedding_dates_and_lists_to_forget);
    tcase_add_test(tc, test_a_title_does_not_end_a_quoted_sentence);
    tcase_add_test(tc, test_ages_in_words_days_asked_and_values_pointed_at);
    tcase_add_test(tc, test_small_talk_is_answered_in_kind);
    tcase_add_test(tc, test_yes_or_no_in_more_forms);
    tcase_add_test(tc, test_a_newer_message_that_changes_a_quoted_value_is_quoted);
    tcase_add_test(tc, test_a_change_told_later_answers_what_holds_now);
    tcase_add_test(tc, test_work_told_by_what_one_does_and_names_not_given);
    tcase_add_test(tc, test_a_summary_says_what_was_told_in_passing);
    tcase_add_test(tc, test_requests_for_names_are_asked);
    tcase_add_test(tc, test_promotions_are_whose_they_name);
    tcase_add_test(tc, test_a_breed_told_beside_a_name_is_quoted);
    tcase_add_test(tc, test_yes_no_from_what_was_said);
    tcase_add_test(tc, test_names_pronouns_and_terse_asks);
    tcase_add_test(tc, test_forgetting_what_was_only_said);
    tcase_add_test(tc, test_forgetting_a_topic_and_scratching_from_memory);
    tcase_add_test(tc, test_chinese_lists_illnesses_trades_and_forgetting_by_what_is_named);
    tcase_add_test(tc, test_yes_or_no_as_said_work_by_what_is_done_and_things_got);
    tcase_add_test(tc, test_corrections_said_the_other_way_and_remarks_that_name_no_one);
    tcase_add_test(tc, test_notes_of_work_kin_by_other_words_and_which_one_asked);
    tcase_add_test(tc, test_corrections_counts_likenesses_and_chinese_jobs_after_a_place);
    tcase_add_test(tc, test_names_typed_small_trades_by_their_verb_and_places_of_work);
    tcase_add_test(tc, test_chinese_homes_without_zai_and_where_others_work);
    tcase_add_test(tc, test_tags_guesses_breakups_moves_and_which_of_us);
    tcase_add_test(tc, test_chinese_study_teaching_and_what_others_call_one);
    tcase_add_test(tc, test_what_one_may_eat_who_does_it_and_forgetting_it);
    tcase_add_test(tc, test_pieces_promotions_nicknames_and_forgetting_in_passing);
    tcase_add_test(tc, test_studies_wishes_moves_and_corrections_in_passing);
    tcase_add_test(tc, test_ages_in_words_names_beside_kin_and_what_is_no_request);
    tcase_add_test(tc, test_living_with_studying_at_and_counts_put_right);
    tcase_add_test(tc, test_recalled_words_put_right_notes_and_work_moved);
    tcase_add_test(tc, test_groups_named_after_pets_of_kin_and_news_of_work);
    tcase_add_test(tc, test_run_ons_news_with_cries_and_chinese_people);
    tcase_add_test(tc, test_one_forgotten_groups_asked_and_slips_put_right_in_the_message);
    tcase_add_test(tc, test_lists_asked_one_verdict_and_partings_said_plainly);
    tcase_add_test(tc, test_names_after_kin_partings_moves_and_measures_asked_in_chinese);
    tcase_add_test(tc, test_lists_of_ages_towns_of_work_and_homes_moved_into);
    tcase_add_test(tc, test_partners_dated_names_greeted_places_instead_and_chinese_pets);
    tcase_add_test(tc, test_remarks_of_the_day_are_chat_beside_facts);
    tcase_add_test(tc, test_the_gate_keeps_unframed_facts_and_lets_chinese_chat_pass);
    tcase_add_test(tc, test_a_forget_said_again_by_pronoun_is_the_same_request);
    tcase_add_test(tc, test_which_one_a_sentence_picks_out);
    tcase_add_test(tc, test_ages_given_and_who_these_days);
    tcase_add_test(tc, test_names_aged_couples_over_firms_named_and_work_ahead);
    tcase_add_test(tc, test_chinese_notes_after_the_name);
    tcase_add_test(tc, test_what_others_say_is_chat);
    tcase_add_test(tc, test_work_moved_and_words_that_name_no_one);
    tcase_add_test(tc, test_asides_plans_moved_and_where_one_studies);
    tcase_add_test(tc, test_forgetting_a_pet_named_alone);
    tcase_add_test(tc, test_cars_written_off_and_who_does_mine);
    tcase_add_test(tc, test_chinese_summary_asked_with_jizhu);
    tcase_add_test(tc, test_notes_news_colours_and_places_asked_by_kind);
    tcase_add_test(tc, test_lists_of_ages_with_kinds_and_sizes);
    tcase_add_test(tc, test_coworkers_intolerances_retiring_and_run_ons);
    tcase_add_test(tc, test_names_bid_for_children_had_and_places_among_them);
    tcase_add_test(tc, test_pupils_pairs_people_named_in_passing_and_tagged_values);
    tcase_add_test(tc, test_slips_put_right_schools_pet_lists_and_leave_to_forget);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

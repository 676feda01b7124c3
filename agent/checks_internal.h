/* checks_internal.h: private to agent/checks*.c: the clause being checked, the words it is
 * checked by (checks_text.c) and the phases checks_clause (checks.c) runs in order, each
 * in the file of its concern. A phase reads the clause and mends the unit u in place; it
 * returns 1 when the unit is settled and no later phase may change it, else 0. Nothing
 * here allocates or fails. */
#ifndef MNEMO_AGENT_CHECKS_INTERNAL_H
#define MNEMO_AGENT_CHECKS_INTERNAL_H

#include <stddef.h>
#include "agent/checks.h"

/* The clause being checked: its message, the units before it and its text (all borrowed
 * for the call), and q, how it asks once checks_asked has read it: 2 when it ends with
 * "?" and opens with a question word, 1 with a yes/no verb, 0 with neither, -1 with no
 * question mark (and before checks_asked). */
typedef struct {
    const facts_t *f;
    const char *msg;
    const understood_t *told;
    int i;
    const char *text;
    int q;
} checks_clause_t;

/* ---- the words a clause is checked by (checks_text.c) ---- */

/* 1 when a clause ends with a question mark: the ASCII one as the model's tokenizer reads
 * it (vocab_question_mark), or the fullwidth ？ of Chinese. */
int checks_asks(const char *text);
/* 1 when a clause is written in Chinese (understand_chinese). */
int checks_chinese(const char *text);
/* The clause before told[i] that is more than a word of joining ("and", "also"), or -1:
 * "forget my asthma, and also my husband's job" cuts "and" alone. */
int checks_clause_before(const char *msg, const understood_t *told, int i);
/* 1 when the clause, lower-cased and with a space after it, holds one of parts anywhere
 * ("forget" in "forgetting", "n't" in "don't", 没). */
int checks_has_part(const char *text, const char *const *parts);
/* 1 when text holds one of the words or phrases of list as whole words. */
int checks_holds_any(const char *text, const char *const *list);
/* 1 when text holds a CJK ideograph (the words of work and study checked are English). */
int checks_ideographs(const char *text);
/* 1 when w is one of list, without case. */
int checks_in_words(const char *const *list, const char *w);
/* 1 when a clause says a place of work was moved ("we took the salon over to Hove",
 * "relocated my studio to Leith"): a verb of moving, then "the", "my" or "our" and a word
 * of a business or an office. */
int checks_moved_work(const char *text);
/* The fact of f that names someone or something of the user's by the second word of text
 * ("is Kit ...?", "does Crumpet ...?"), else NULL. */
const store_memory_t *checks_name_told_second(const facts_t *f, const char *text);
/* 1 when the second word of text names someone or something of the user's in f. */
int checks_names_told(const facts_t *f, const char *text);
/* 1 when holder is someone: the user, a word of kin, pet or kind of person, or a name
 * written in text with a capital ("mateus ... in porto, studies physics": not "porto"). */
int checks_of_someone(const char *text, const char *holder);
/* How a clause opens: 2 with a question word ("what", "who's"), 1 with a verb that starts a
 * yes/no question ("is", "does"), else 0. A clause that opens so and ends with a question
 * mark asks; it is never a forget request or a task refused ("what sport have I taken up?"
 * must not delete the sport). */
int checks_opens_question(const char *text);
/* Words for one's work, asked as a relation or a holder ("my occupation?", "what is my
 * craft?"): the user's job. */
extern const char *const checks_posts[];
/* Verbs of saying and thinking ("says", "reckons", "swears"): what follows them, or they
 * themselves, name no one, and what another says is no fact of the user's
 * (checks_cued.c, checks_smalltalk.c). */
extern const char *const checks_saying[];
/* Sets u to a fact the words settle, however sure the reader was and whatever words of its
 * relation the clause holds (settled): act, the user's (personal) holder, rel with relation
 * (rel's own name when relation is NULL) and value; nothing it corrects. The strings may be
 * u's own (each is copied before u is written). */
void checks_settle(understood_t *u, int act, const char *holder, int rel, const char *relation,
                   const char *value);
/* 1 when a holder key is a word for someone: kin, a group, a pet or a kind of person
 * ("sister", "kids", "kitten", "plumber"). */
int checks_someone_word(const char *holder);
/* The holder of someone of the user's whose told name opens text (past words of chat: "ah
 * hang on, ignore that, Ingrid moved ...") before a verb of living, moving, working, being
 * or having, when no word of the user's comes before it; else NULL. */
const char *checks_told_name_opens(const facts_t *f, const char *text);
/* The word of letters at p (spaces skipped), lower-cased into out; returns where it ends. */
const char *checks_word_after(const char *p, char *out, size_t cap);
/* Where value starts in text as whole words (without case), or NULL. */
const char *checks_word_at(const char *text, const char *value);
/* The word of text right before at (spaces skipped; letters, digits and apostrophes),
 * lower-cased into out ("" at the start). */
void checks_word_before(const char *text, const char *at, char *out, size_t cap);

/* ---- whose a clause is (checks_whose.c) ---- */
int checks_whose_by_words(checks_clause_t *c, understood_t *u);
int checks_holder_no_one(checks_clause_t *c, understood_t *u);
int checks_whose_by_pronoun(checks_clause_t *c, understood_t *u);
int checks_chinese_own(checks_clause_t *c, understood_t *u);
int checks_whose_by_phrase(checks_clause_t *c, understood_t *u);
int checks_whose_kept(checks_clause_t *c, understood_t *u);
int checks_whose_with(checks_clause_t *c, understood_t *u);
int checks_groups_and_pieces(checks_clause_t *c, understood_t *u);

/* ---- what the reader mixes up first (checks_first.c) ---- */
int checks_first_readings(checks_clause_t *c, understood_t *u);

/* ---- corrections (checks_right.c) ---- */
int checks_said_right(checks_clause_t *c, understood_t *u);
int checks_put_right_after(checks_clause_t *c, understood_t *u);
int checks_told_now(checks_clause_t *c, understood_t *u);
int checks_righting(checks_clause_t *c, understood_t *u);

/* ---- whether and what a clause asks (checks_asked.c) ---- */
int checks_asked(checks_clause_t *c, understood_t *u);
int checks_people_asked(checks_clause_t *c, understood_t *u);
int checks_birthday_and_work_asked(checks_clause_t *c, understood_t *u);
int checks_summary_and_relations_asked(checks_clause_t *c, understood_t *u);
int checks_chinese_asked(checks_clause_t *c, understood_t *u);
int checks_where_asked(checks_clause_t *c, understood_t *u);

/* ---- ages and numbers (checks_ages.c) ---- */
int checks_ages(checks_clause_t *c, understood_t *u);
int checks_numbers_put_right(checks_clause_t *c, understood_t *u);

/* ---- news that changes a fact (checks_news.c) ---- */
int checks_news(checks_clause_t *c, understood_t *u);

/* ---- work and school (checks_work.c) ---- */
int checks_work_and_school(checks_clause_t *c, understood_t *u);
/* 1 when clause only wishes or wonders before value ("we might move to Seville some
 * year", "I'd love to live in Rome"): a plan or a hope is not yet a fact. */
int checks_hypothetical(const char *clause, const char *value);
int checks_jobs_said(checks_clause_t *c, understood_t *u);

/* ---- forget requests (checks_forget.c) ---- */
int checks_forget_asked(checks_clause_t *c, understood_t *u);
int checks_forget_named(checks_clause_t *c, understood_t *u);
int checks_forget_by_question(checks_clause_t *c, understood_t *u);
int checks_forget_it(checks_clause_t *c, understood_t *u);

/* ---- relations by their words (checks_relations.c) ---- */
int checks_relations_by_words(checks_clause_t *c, understood_t *u);
int checks_things_by_words(checks_clause_t *c, understood_t *u);
int checks_relation_words_mended(checks_clause_t *c, understood_t *u);

/* ---- small talk (checks_smalltalk.c) ---- */
/* What another of the user's says or thinks ("my nan thinks Leeds is too big") is chat,
 * but for their name said before the verb; run after all phases (checks.c). */
int checks_hearsay(checks_clause_t *c, understood_t *u);
int checks_smalltalk_of_the_day(checks_clause_t *c, understood_t *u);

#endif

/* checks.c: the reader's reading of a clause checked against the clause's form and the
 * user's facts before the plan (respond.c) acts on it (checks.h). The reader decides;
 * these are the few things its output cannot mean: a clause that asks is not written or
 * executed, deleting and ending must be said in words, a value must be able to be of its
 * relation, and whose a clause is follows from who it names. The checks run as phases in
 * a fixed order (a later one reads what an earlier one settled), each in the file of its
 * concern: checks_whose.c, _right, _asked, _ages, _news, _work, _forget, _relations,
 * _smalltalk; the words they share are in checks_text.c. */
#include "agent/checks_internal.h"

/* The phases in the order they run: the order is part of the rules (a question is found
 * before what it asks is mended; a forget request before what it names). */
static int (*const phases[])(checks_clause_t *, understood_t *) = {
    checks_first_readings,
    checks_said_right,
    checks_whose_by_words,
    checks_holder_no_one,
    checks_put_right_after,
    checks_whose_by_pronoun,
    checks_asked,
    checks_ages,
    checks_news,
    checks_work_and_school,
    checks_chinese_own,
    checks_forget_asked,
    checks_numbers_put_right,
    checks_told_now,
    checks_people_asked,
    checks_forget_named,
    checks_whose_by_phrase,
    checks_forget_by_question,
    checks_birthday_and_work_asked,
    checks_forget_it,
    checks_summary_and_relations_asked,
    checks_relations_by_words,
    checks_things_by_words,
    checks_whose_kept,
    checks_righting,
    checks_relation_words_mended,
    checks_smalltalk_of_the_day,
    checks_jobs_said,
    checks_whose_with,
    checks_chinese_asked,
    checks_where_asked,
    checks_groups_and_pieces,
};

void checks_clause(const facts_t *f, const char *msg, const understood_t *told, int i,
                   const char *text, understood_t *u)
{
    if (u->listed) return;              /* ("Dot who is 1": read by its list's form) */
    checks_clause_t c = {f, msg, told, i, text, -1};
    for (size_t k = 0; k < sizeof phases / sizeof phases[0]; k++)
        if (phases[k](&c, u)) break;
    checks_hearsay(&c, u);              /* (whatever the phases settled: last) */
}

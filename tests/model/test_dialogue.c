/* test_dialogue.c: the dialogue generator (model/dialogue.h): its tags line up with
 * tok_split's words, its spans are well formed, every act and relation occurs, the
 * training and held-out pools share no value or name, every value carries the relation
 * of its fact (some clauses tell two), a share of the names are made up, and a clause is a function of (seed, index, pool). Needs Debian wordnet-base in /usr/share/wordnet. */
#include "model/dialogue.h"
#include "model/dialogue_internal.h"
#include "model/reader.h"
#include "model/tokenizer.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define WN "/usr/share/wordnet"
#define NCL 20000

static dialogue_t *d;
static dialogue_clause_t cl;

static void setup(void)
{
    if (access(WN "/data.noun", R_OK) != 0)
        ck_abort_msg(WN " is missing: install Debian package wordnet-base (scripts/setup.sh)");
    char err[256];
    d = dialogue_new(WN, err, sizeof err);
    ck_assert_msg(d != NULL, "dialogue_new: %s", err);
}

static void teardown(void) { dialogue_free(d); }

static int has_tag(const dialogue_clause_t *c, int b)
{
    for (int i = 0; i < c->n; i++)
        if (c->tag[i] == b || c->tag[i] == b + 1)
            return 1;
    return 0;
}

/* The text of the spans of type b (B tag) joined by '|'. */
static void spans(const dialogue_clause_t *c, int b, char *out, size_t cap)
{
    out[0] = '\0';
    for (int i = 0; i < c->n; i++) {
        if (c->tag[i] == b && out[0])
            strncat(out, "|", cap - strlen(out) - 1);
        else if (c->tag[i] == b + 1)
            strncat(out, " ", cap - strlen(out) - 1);
        if (c->tag[i] == b || c->tag[i] == b + 1)
            strncat(out, c->word[i], cap - strlen(out) - 1);
    }
}

START_TEST(test_tags_align_with_tok_split)
{
    for (int pool = 0; pool < 2; pool++)
        for (int i = 0; i < NCL / 2; i++) {
            ck_assert_int_eq(dialogue_clause(d, 7, (uint64_t)i, pool, &cl), 0);
            tok_list_t t;
            char err[128];
            ck_assert_int_eq(tok_split(cl.text, strlen(cl.text), &t, err, sizeof err), TOK_OK);
            int k = 0;
            for (int j = 0; j < t.n; j++) {
                if (t.kind[j] == TOK_CJK_BIGRAM)
                    continue;
                ck_assert_msg(k < cl.n, "more words than tags in \"%s\"", cl.text);
                ck_assert_msg(strcmp(t.v[j], cl.word[k]) == 0, "\"%s\": word %d is %s, tagged %s",
                              cl.text, k, t.v[j], cl.word[k]);
                k++;
            }
            ck_assert_msg(k == cl.n, "\"%s\": %d words, %d tags", cl.text, k, cl.n);
            tok_list_free(&t);
        }
}
END_TEST

START_TEST(test_bio_is_well_formed)
{
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(d, 8, (uint64_t)i, i & 1, &cl), 0);
        for (int j = 0; j < cl.n; j++) {
            int t = cl.tag[j];
            ck_assert_int_lt(t, READER_NTAGS);
            if (t != READER_O && t % 2 == 0)        /* an I_ tag */
                ck_assert_msg(j > 0 && (cl.tag[j - 1] == t || cl.tag[j - 1] == t - 1),
                              "\"%s\": %s at %d follows %s", cl.text, reader_tag_name(t), j,
                              reader_tag_name(j ? cl.tag[j - 1] : 0));
        }
    }
}
END_TEST

START_TEST(test_every_act_and_relation_occurs)
{
    int act[READER_NACTS] = {0}, rel[READER_NRELS] = {0};
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(d, 9, (uint64_t)i, DIALOGUE_TRAIN, &cl), 0);
        ck_assert(cl.act >= 0 && cl.act < READER_NACTS && cl.rel >= 0 && cl.rel < READER_NRELS);
        act[cl.act]++;
        rel[cl.rel]++;
    }
    for (int a = 0; a < READER_NACTS; a++)
        ck_assert_msg(act[a] >= NCL / 100, "act %s: %d of %d", reader_act_name(a), act[a], NCL);
    for (int r = 0; r < READER_NRELS; r++)
        ck_assert_msg(rel[r] >= NCL / 400, "relation %s: %d of %d", reader_rel_name(r), rel[r], NCL);
}
END_TEST

/* Values and names of one pool, as a sorted list of strings. */
static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char **collect(int pool, int n, int *count)
{
    char **v = malloc(sizeof(char *) * (size_t)n * 4);
    int k = 0;
    for (int i = 0; i < n; i++) {
        ck_assert_int_eq(dialogue_clause(d, 10, (uint64_t)i, pool, &cl), 0);
        static const int types[] = {READER_B_VALUE, READER_B_OLD, READER_B_NAME};
        for (int t = 0; t < 3; t++) {
            char buf[512];
            spans(&cl, types[t], buf, sizeof buf);
            for (char *s = strtok(buf, "|"); s && k < n * 4; s = strtok(NULL, "|"))
                v[k++] = strdup(s);
        }
    }
    qsort(v, (size_t)k, sizeof *v, cmp);
    *count = k;
    return v;
}

START_TEST(test_train_and_heldout_share_no_value_or_name)
{
    int na, nb;
    char **a = collect(DIALOGUE_TRAIN, 4000, &na), **b = collect(DIALOGUE_HELDOUT, 4000, &nb);
    ck_assert_int_gt(na, 1000);
    ck_assert_int_gt(nb, 1000);
    for (int i = 0, j = 0; i < na && j < nb;) {
        int c = strcmp(a[i], b[j]);
        ck_assert_msg(c != 0, "\"%s\" is in both pools", a[i]);
        if (c < 0)
            i++;
        else
            j++;
    }
    for (int i = 0; i < na; i++)
        free(a[i]);
    for (int i = 0; i < nb; i++)
        free(b[i]);
    free(a);
    free(b);
}
END_TEST

/* 1 when w (lower case, as tok_split gives it) is one of the built-in names. */
static int listed_name(const char *w)
{
    for (int i = 0; dw_names[i]; i++)
        if (!strcasecmp(dw_names[i], w))
            return 1;
    for (int i = 0; dw_petnames[i]; i++)
        if (!strcasecmp(dw_petnames[i], w))
            return 1;
    return 0;
}

START_TEST(test_some_names_are_made_up)
{
    int names = 0, made_up = 0;
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(d, 5, (uint64_t)i, DIALOGUE_TRAIN, &cl), 0);
        if (cl.act != READER_FACT || cl.rel != READER_REL_NAME)
            continue;
        for (int k = 0; k < cl.n; k++)
            if (cl.tag[k] == READER_B_VALUE && cl.vrel[k] == READER_REL_NAME &&
                (k + 1 == cl.n || cl.tag[k + 1] != READER_I_VALUE) &&
                cl.word[k][0] >= 'a' && cl.word[k][0] <= 'z') {
                names++;
                made_up += !listed_name(cl.word[k]);
            }
    }
    ck_assert_int_gt(names, 200);
    ck_assert_msg(made_up * 100 >= names * 10 && made_up * 100 <= names * 40,
                  "%d of %d one-word names are not in the name list", made_up, names);
}
END_TEST

START_TEST(test_same_seed_index_pool_gives_same_clause)
{
    dialogue_clause_t *c2 = malloc(sizeof *c2);
    for (int i = 0; i < 500; i++)
        for (int pool = 0; pool < 2; pool++) {
            ck_assert_int_eq(dialogue_clause(d, 11, (uint64_t)i, pool, &cl), 0);
            ck_assert_int_eq(dialogue_clause(d, 11, (uint64_t)i, pool, c2), 0);
            ck_assert_str_eq(cl.text, c2->text);
            ck_assert_int_eq(cl.n, c2->n);
            ck_assert(memcmp(cl.tag, c2->tag, (size_t)cl.n) == 0);
            ck_assert_int_eq(cl.act, c2->act);
            ck_assert_int_eq(cl.rel, c2->rel);
        }
    ck_assert_int_eq(dialogue_clause(d, 11, 3, DIALOGUE_TRAIN, &cl), 0);
    ck_assert_int_eq(dialogue_clause(d, 12, 3, DIALOGUE_TRAIN, c2), 0);
    free(c2);
}
END_TEST

START_TEST(test_facts_have_a_value_and_a_holder)
{
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(d, 13, (uint64_t)i, i & 1, &cl), 0);
        if (cl.act != READER_FACT)
            continue;
        ck_assert_msg(has_tag(&cl, READER_B_VALUE), "fact without value: \"%s\"", cl.text);
        ck_assert_msg(has_tag(&cl, READER_B_HOLDER) ||
                          dialogue_tmpls[cl.phrasing].flags & DT_IMPLIED,
                      "fact without holder: \"%s\"", cl.text);
    }
}
END_TEST

START_TEST(test_values_carry_their_relation_and_some_clauses_tell_two_facts)
{
    int facts = 0, two = 0;
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(d, 15, (uint64_t)i, i & 1, &cl), 0);
        int first = -1, other = 0;
        for (int w = 0; w < cl.n; w++) {
            if (cl.tag[w] != READER_B_VALUE && cl.tag[w] != READER_I_VALUE)
                continue;
            ck_assert_msg(cl.vrel[w] < READER_NRELS, "\"%s\": word %d has no relation",
                          cl.text, w);
            if (first < 0)
                first = cl.vrel[w];
            other |= cl.vrel[w] != first;
        }
        if (cl.act == READER_FACT) {
            facts++;
            two += other;
            if (!other && first >= 0 && cl.rel != READER_REL_NAME)
                ck_assert_msg(first == cl.rel || first == READER_REL_NAME,
                              "\"%s\": value of %s in a %s fact", cl.text,
                              reader_rel_name(first), reader_rel_name(cl.rel));
        }
    }
    /* a third of the facts get a continuation, most of another relation */
    ck_assert_msg(two * 10 > facts, "%d of %d facts tell two", two, facts);
}
END_TEST

START_TEST(test_wh_questions_have_no_value_except_list_conditions)
{
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(d, 14, (uint64_t)i, i & 1, &cl), 0);
        if (cl.act == READER_YESNO)
            ck_assert_msg(has_tag(&cl, READER_B_VALUE), "yes/no without value: \"%s\"", cl.text);
        if (cl.act != READER_QUESTION || !has_tag(&cl, READER_B_VALUE))
            continue;
        /* list questions ask who or which holds the value: "which of my kids plays
         * [tennis]", "who works at [Tesco]", "whose birthday is in [May]", 谁是[医生] */
        ck_assert_msg(dialogue_tmpls[cl.phrasing].flags & DT_LIST ||
                          strncmp(cl.text, "谁", strlen("谁")) == 0,
                      "wh-question with a value: \"%s\"", cl.text);
    }
}
END_TEST

START_TEST(test_smalltalk_and_unable_have_no_frame)
{
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(d, 15, (uint64_t)i, i & 1, &cl), 0);
        if (cl.act != READER_SMALLTALK && cl.act != READER_UNABLE)
            continue;
        for (int j = 0; j < cl.n; j++)
            ck_assert_msg(cl.tag[j] == READER_O, "\"%s\" has a frame", cl.text);
    }
}
END_TEST

START_TEST(test_dozens_of_phrasings_per_act)
{
    int per[READER_NACTS] = {0};
    for (int i = 0; i < dialogue_nphrasings(); i++)
        per[dialogue_phrasing_act(i)]++;
    ck_assert_int_ge(per[READER_FACT], 100);
    ck_assert_int_ge(per[READER_QUESTION], 48);
    ck_assert_int_ge(per[READER_SMALLTALK], 36);
    for (int a = 0; a < READER_NACTS; a++)
        ck_assert_int_ge(per[a], 10);
    /* and the generator uses them: most templates show up in 20,000 clauses */
    char *seen = calloc((size_t)dialogue_nphrasings(), 1);
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(d, 16, (uint64_t)i, DIALOGUE_TRAIN, &cl), 0);
        seen[cl.phrasing] = 1;
    }
    int n = 0, plain = 0;
    for (int i = 0; i < dialogue_nphrasings(); i++) {
        ck_assert_msg(!seen[i] || !dialogue_phrasing_is_note(i), "a note without notes");
        n += seen[i];
        plain += !dialogue_phrasing_is_note(i);
    }
    ck_assert_int_ge(n, plain * 9 / 10);
    free(seen);
}
END_TEST

/* A generator with the notes draws them too ("job: welder", "dog name?"), tagged as the
 * rest: the key word a relation or a holder, the value after it. */
START_TEST(test_notes_are_drawn_only_when_asked_for)
{
    char err[256];
    dialogue_t *dn = dialogue_new(WN, err, sizeof err);
    ck_assert_msg(dn != NULL, "%s", err);
    dialogue_use_notes(dn);
    int notes = 0, valued = 0, other = 0;
    for (int i = 0; i < NCL; i++) {
        ck_assert_int_eq(dialogue_clause(dn, 16, (uint64_t)i, DIALOGUE_TRAIN, &cl), 0);
        if (!dialogue_phrasing_is_note(cl.phrasing)) continue;
        notes++;
        int v = 0;
        for (int j = 0; j < cl.n; j++) v |= cl.tag[j] == READER_B_VALUE;
        valued += v;
        other += cl.act != READER_FACT && cl.act != READER_QUESTION;
    }
    ck_assert_int_ge(notes, NCL / 50);
    ck_assert_int_ge(valued, notes / 2);        /* the facts, with their values */
    ck_assert_int_eq(other, 0);
    dialogue_free(dn);
}
END_TEST

START_TEST(test_some_clauses_are_chinese)
{
    int zh = 0;
    for (int i = 0; i < 5000; i++) {
        ck_assert_int_eq(dialogue_clause(d, 17, (uint64_t)i, DIALOGUE_TRAIN, &cl), 0);
        zh += (unsigned char)cl.text[0] >= 0xE0;
    }
    ck_assert_int_ge(zh, 250);
    ck_assert_int_le(zh, 1000);
}
END_TEST

START_TEST(test_missing_wordnet_is_a_clear_error)
{
    char err[256] = "";
    ck_assert_ptr_null(dialogue_new("/nonexistent/wordnet", err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "wordnet-base"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dialogue");
    TCase *tc = tcase_create("generator");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_tags_align_with_tok_split);
    tcase_add_test(tc, test_bio_is_well_formed);
    tcase_add_test(tc, test_every_act_and_relation_occurs);
    tcase_add_test(tc, test_train_and_heldout_share_no_value_or_name);
    tcase_add_test(tc, test_some_names_are_made_up);
    tcase_add_test(tc, test_same_seed_index_pool_gives_same_clause);
    tcase_add_test(tc, test_facts_have_a_value_and_a_holder);
    tcase_add_test(tc, test_wh_questions_have_no_value_except_list_conditions);
    tcase_add_test(tc, test_smalltalk_and_unable_have_no_frame);
    tcase_add_test(tc, test_dozens_of_phrasings_per_act);
    tcase_add_test(tc, test_notes_are_drawn_only_when_asked_for);
    tcase_add_test(tc, test_some_clauses_are_chinese);
    tcase_add_test(tc, test_values_carry_their_relation_and_some_clauses_tell_two_facts);
    tcase_add_test(tc, test_missing_wordnet_is_a_clear_error);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* test_persona.c: the persona generator's contract (model/persona.h): stories are
 * repeatable from (seed, index, pool), the two pools share no open-class value, replies
 * are short and statements acknowledged, every answer is the latest value stated for its
 * fact, `where` follows the conversations and the restart, and the rendered text reads
 * back through the bAbI reader. */
#include "model/data.h"
#include "model/persona.h"
#include "model/tokenizer.h"

#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NSTORIES = 200, NPOOL = 300 };

/* Renders stories idx 0..n of (seed, pool) into one malloc'd buffer. */
static char *render_many(uint64_t seed, int n, int pool, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    ck_assert_ptr_nonnull(f);
    for (int i = 0; i < n; i++) {
        persona_story_t s;
        ck_assert_int_eq(persona_story_make(&s, seed, i, pool), 0);
        ck_assert_int_eq(persona_render(&s, f), 0);
        persona_story_free(&s);
    }
    ck_assert_int_eq(fclose(f), 0);
    return buf;
}

static void make(persona_story_t *s, int idx, int pool)
{
    ck_assert_int_eq(persona_story_make(s, 1, idx, pool), 0);
    ck_assert_int_gt(s->n, 0);
}

/* The tokens of text (the caller frees the list). */
static tok_list_t words(const char *text)
{
    tok_list_t t;
    ck_assert_int_eq(tok_split(text, strlen(text), &t, NULL, 0), TOK_OK);
    return t;
}

static int nwords(const char *text)
{
    tok_list_t t = words(text);
    int n = t.n;
    tok_list_free(&t);
    return n;
}

static int has_word(const char *text, const char *w)
{
    tok_list_t t = words(text);
    int found = 0;
    for (int i = 0; i < t.n && !found; i++)
        found = strcmp(t.v[i], w) == 0;
    tok_list_free(&t);
    return found;
}

static int is_question(const persona_turn_t *t)
{
    return t->kind == PERSONA_QUESTION || t->kind == PERSONA_UNKNOWN_Q;
}

/* The latest statement about attr before turn i, or -1; *count gets how many there were. */
static int latest_statement(const persona_story_t *s, int i, int attr, int *count)
{
    int j = -1;
    *count = 0;
    for (int k = 0; k < i; k++)
        if (s->t[k].kind == PERSONA_STATEMENT && s->t[k].attr == attr) {
            j = k;
            (*count)++;
        }
    return j;
}

/* A set of strings, as a flat list (a few hundred values at most). */
typedef struct strset {
    char (*v)[64];
    int n, cap;
} strset_t;

static void set_add(strset_t *set, const char *w)
{
    for (int i = 0; i < set->n; i++)
        if (strcmp(set->v[i], w) == 0)
            return;
    if (set->n == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 256;
        set->v = realloc(set->v, sizeof *set->v * (size_t)set->cap);
        ck_assert_ptr_nonnull(set->v);
    }
    snprintf(set->v[set->n++], sizeof *set->v, "%s", w);
}

static int set_has(const strset_t *set, const char *w)
{
    for (int i = 0; i < set->n; i++)
        if (strcmp(set->v[i], w) == 0)
            return 1;
    return 0;
}

/* The answers to PERSONA_QUESTION turns of NPOOL stories of pool. */
static strset_t pool_answers(int pool)
{
    strset_t set = {0};
    for (int i = 0; i < NPOOL; i++) {
        persona_story_t s;
        make(&s, i, pool);
        for (int k = 0; k < s.n; k++)
            if (s.t[k].kind == PERSONA_QUESTION)
                set_add(&set, s.t[k].reply);
        persona_story_free(&s);
    }
    return set;
}

/* The closed classes both pools share: colours, months, sports. */
static const char *const shared[] = {
    "red", "blue", "green", "yellow", "orange", "purple", "pink", "black", "white", "grey",
    "brown", "turquoise", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "football", "tennis",
    "basketball", "golf", "rugby", "cricket", "hockey", "volleyball", "baseball",
    "badminton", "squash", "handball", "polo", "softball", "lacrosse",
};

static int is_shared(const char *w)
{
    for (size_t i = 0; i < sizeof shared / sizeof *shared; i++)
        if (strcmp(shared[i], w) == 0)
            return 1;
    return 0;
}

START_TEST(test_same_arguments_give_same_text)
{
    for (int pool = PERSONA_TRAIN; pool <= PERSONA_HELDOUT; pool++) {
        size_t la, lb;
        char *a = render_many(7, 20, pool, &la), *b = render_many(7, 20, pool, &lb);
        ck_assert_uint_eq(la, lb);
        ck_assert_mem_eq(a, b, la);
        free(a);
        free(b);
    }
}
END_TEST

START_TEST(test_different_seed_or_pool_gives_different_text)
{
    size_t l1, l2, l3;
    char *a = render_many(1, 5, PERSONA_TRAIN, &l1), *b = render_many(2, 5, PERSONA_TRAIN, &l2);
    char *c = render_many(1, 5, PERSONA_HELDOUT, &l3);
    ck_assert(l1 != l2 || memcmp(a, b, l1) != 0);
    ck_assert(l1 != l3 || memcmp(a, c, l1) != 0);
    free(a);
    free(b);
    free(c);
    persona_story_t s0, s1;
    make(&s0, 0, PERSONA_TRAIN);
    make(&s1, 1, PERSONA_TRAIN);
    ck_assert(s0.n != s1.n || strcmp(s0.t[0].text, s1.t[0].text) != 0 ||
              strcmp(s0.t[1].text, s1.t[1].text) != 0);
    persona_story_free(&s0);
    persona_story_free(&s1);
}
END_TEST

START_TEST(test_train_and_heldout_share_no_open_class_value)
{
    strset_t a = pool_answers(PERSONA_TRAIN), b = pool_answers(PERSONA_HELDOUT);
    int open_a = 0;
    for (int i = 0; i < a.n; i++) {
        open_a += !is_shared(a.v[i]);
        ck_assert_msg(!set_has(&b, a.v[i]) || is_shared(a.v[i]),
                      "\"%s\" answers questions in both pools", a.v[i]);
    }
    ck_assert_int_gt(open_a, 150); /* names, pets, cities, jobs...: the check has teeth */
    free(a.v);
    free(b.v);
}
END_TEST

START_TEST(test_turn_text_and_replies_follow_their_kind)
{
    for (int i = 0; i < NSTORIES; i++) {
        persona_story_t s;
        make(&s, i, i % 2);
        for (int k = 0; k < s.n; k++) {
            const persona_turn_t *t = &s.t[k];
            size_t l = strlen(t->text);
            ck_assert_uint_gt(l, 0);
            ck_assert(!strpbrk(t->text, "\t\n\r") && !strpbrk(t->reply, "\t\n\r,"));
            if (t->kind == PERSONA_STATEMENT) {
                ck_assert_str_eq(t->reply, PERSONA_ACK);
                /* a statement never asks; typed in a hurry it may lack its full stop */
                ck_assert_msg(t->text[l - 1] != '?', "%s", t->text);
                if (!islower((unsigned char)t->text[0]))
                    ck_assert_msg(t->text[l - 1] == '.' || t->text[l - 1] == '!', "%s",
                                  t->text);
                continue;
            }
            int n = nwords(t->reply);
            ck_assert_msg(n >= 1 && n <= 6, "reply \"%s\" has %d words", t->reply, n);
            ck_assert_str_ne(t->reply, PERSONA_ACK);
            /* a question ends with '?' unless it was typed in a hurry (all lower case) */
            if (is_question(t) && !islower((unsigned char)t->text[0]))
                ck_assert_msg(t->text[l - 1] == '?', "%s", t->text);
            if (t->kind == PERSONA_UNKNOWN_Q)
                ck_assert_str_eq(t->reply, PERSONA_UNKNOWN);
            if (t->kind == PERSONA_QUESTION)
                ck_assert_int_eq(nwords(t->reply), 1);
        }
        persona_story_free(&s);
    }
}
END_TEST

START_TEST(test_rendered_story_reads_back_as_babi)
{
    for (int i = 0; i < 50; i++) {
        persona_story_t s;
        make(&s, i, i % 2);
        int asked = 0;
        for (int k = 0; k < s.n; k++)
            asked += s.t[k].kind != PERSONA_STATEMENT;
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        ck_assert_int_eq(persona_render(&s, f), 0);
        fclose(f);
        babi_corpus_t *c = babi_corpus_new();
        char err[256] = "";
        ck_assert_msg(babi_read_buffer(c, "persona", buf, len, err, sizeof err) == 0, "%s", err);
        ck_assert_int_eq(babi_corpus_stories(c), 1);
        ck_assert_int_eq(babi_corpus_questions(c, -1), asked);
        babi_corpus_free(c);
        free(buf);
        persona_story_free(&s);
    }
}
END_TEST

START_TEST(test_many_stories_read_back_one_story_each)
{
    size_t len;
    char *buf = render_many(3, 100, PERSONA_HELDOUT, &len);
    babi_corpus_t *c = babi_corpus_new();
    char err[256] = "";
    ck_assert_msg(babi_read_buffer(c, "persona", buf, len, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(babi_corpus_stories(c), 100);
    babi_corpus_free(c);
    free(buf);
}
END_TEST

START_TEST(test_answer_is_the_latest_value_stated)
{
    int changed = 0;
    for (int i = 0; i < NSTORIES; i++) {
        persona_story_t s;
        make(&s, i, i % 2);
        int story_changed = 0;
        for (int k = 0; k < s.n; k++) {
            const persona_turn_t *t = &s.t[k];
            int count, j = latest_statement(&s, k, t->attr, &count);
            if (t->kind == PERSONA_UNKNOWN_Q) {
                ck_assert_int_eq(latest_statement(&s, s.n, t->attr, &count), -1);
            } else if (t->kind == PERSONA_QUESTION) {
                ck_assert_msg(j >= 0, "story %d turn %d: nothing told before", i, k);
                ck_assert_msg(has_word(s.t[j].text, t->reply), "\"%s\" not in \"%s\"",
                              t->reply, s.t[j].text);
                ck_assert_int_eq(t->updated, count > 1);
                story_changed |= t->updated;
            }
        }
        changed += story_changed;
        persona_story_free(&s);
    }
    ck_assert_int_ge(changed * 100, 40 * NSTORIES);
}
END_TEST

START_TEST(test_where_follows_conversations_and_restart)
{
    int seen[3] = {0};
    for (int i = 0; i < NSTORIES; i++) {
        persona_story_t s;
        make(&s, i, i % 2);
        ck_assert(s.restart_at >= 0 && s.restart_at <= s.n);
        for (int k = 0; k < s.n; k++) {
            const persona_turn_t *t = &s.t[k];
            if (t->kind != PERSONA_QUESTION)
                continue;
            int count, j = latest_statement(&s, k, t->attr, &count);
            int want = j < s.restart_at && s.restart_at <= k ? PERSONA_RESTART
                       : s.t[j].conv == t->conv             ? PERSONA_SAME
                                                            : PERSONA_OTHER;
            ck_assert_int_eq(t->where, want);
            seen[t->where]++;
        }
        persona_story_free(&s);
    }
    for (int w = 0; w < 3; w++)
        ck_assert_msg(seen[w] >= NSTORIES, "where %d: %d questions", w, seen[w]);
}
END_TEST

START_TEST(test_conversations_run_zero_to_two_in_order)
{
    for (int i = 0; i < NSTORIES; i++) {
        persona_story_t s;
        make(&s, i, i % 2);
        ck_assert(s.n >= 15 && s.n <= 40);
        ck_assert_int_eq(s.t[0].conv, 0);
        ck_assert_int_eq(s.t[s.n - 1].conv, 2);
        for (int k = 1; k < s.n; k++)
            ck_assert(s.t[k].conv == s.t[k - 1].conv || s.t[k].conv == s.t[k - 1].conv + 1);
        persona_story_free(&s);
    }
}
END_TEST

START_TEST(test_unknown_questions_are_a_minority)
{
    int known = 0, unknown = 0;
    for (int i = 0; i < NSTORIES; i++) {
        persona_story_t s;
        make(&s, i, i % 2);
        for (int k = 0; k < s.n; k++) {
            known += s.t[k].kind == PERSONA_QUESTION;
            unknown += s.t[k].kind == PERSONA_UNKNOWN_Q;
        }
        persona_story_free(&s);
    }
    int all = known + unknown;
    ck_assert_msg(unknown * 100 >= 5 * all && unknown * 100 <= 25 * all, "%d of %d unknown",
                  unknown, all);
}
END_TEST

/* Facts of the same class side by side (a dog and a cat, a sister and a brother), so
 * the model has to read the right one. */
START_TEST(test_same_class_facts_coexist)
{
    int both = 0;
    for (int i = 0; i < NSTORIES; i++) {
        persona_story_t s;
        make(&s, i, i % 2);
        int has[4] = {0};
        static const char *const w[4] = { "dog", "cat", "sister", "brother" };
        for (int k = 0; k < s.n; k++)
            for (int x = 0; x < 4 && s.t[k].kind == PERSONA_STATEMENT; x++)
                has[x] |= has_word(s.t[k].text, w[x]);
        both += (has[0] && has[1]) || (has[2] && has[3]);
        persona_story_free(&s);
    }
    ck_assert_int_ge(both * 100, 20 * NSTORIES);
}
END_TEST

static Suite *persona_suite(void)
{
    Suite *s = suite_create("persona");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_same_arguments_give_same_text);
    tcase_add_test(tc, test_different_seed_or_pool_gives_different_text);
    tcase_add_test(tc, test_train_and_heldout_share_no_open_class_value);
    tcase_add_test(tc, test_turn_text_and_replies_follow_their_kind);
    tcase_add_test(tc, test_rendered_story_reads_back_as_babi);
    tcase_add_test(tc, test_many_stories_read_back_one_story_each);
    tcase_add_test(tc, test_answer_is_the_latest_value_stated);
    tcase_add_test(tc, test_where_follows_conversations_and_restart);
    tcase_add_test(tc, test_conversations_run_zero_to_two_in_order);
    tcase_add_test(tc, test_unknown_questions_are_a_minority);
    tcase_add_test(tc, test_same_class_facts_coexist);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(persona_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* frame.c: the write decisions of a statement (frame.h): its content words, whether it
 * replaces an older statement, and the plan of what it updates and supersedes. Pure
 * functions: text and numbers in, a decision out. */
#include "agent/frame.h"

#include <stdlib.h>
#include <string.h>
#include "model/lexical.h"

static int has_token(const tok_list_t *t, const char *s)
{
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->v[i], s) == 0) return 1;
    return 0;
}

static int is_content(const tok_list_t *t, int i)
{
    switch (t->kind[i]) {
    case TOK_WORD: return !lex_is_stopword(t->v[i]);
    case TOK_CJK: return !lex_cjk_stop(t->v[i]);
    default: return 0;      /* a bigram repeats its characters */
    }
}

int frame_content(const tok_list_t *t, tok_list_t *out)
{
    int rc = -1;
    memset(out, 0, sizeof *out);
    if (t->n == 0) return 0;
    out->v = calloc((size_t)t->n, sizeof *out->v);
    out->kind = calloc((size_t)t->n, sizeof *out->kind);
    out->cap = calloc((size_t)t->n, sizeof *out->cap);
    if (!out->v || !out->kind || !out->cap) goto out;
    out->cap_n = t->n;
    for (int i = 0; i < t->n; i++) {
        if (!is_content(t, i) || has_token(out, t->v[i])) continue;
        if (!(out->v[out->n] = strdup(t->v[i]))) goto out;
        out->cap[out->n] = t->cap[i];
        out->kind[out->n++] = t->kind[i];
    }
    rc = 0;
out:
    if (rc) tok_list_free(out);
    return rc;
}

int frame_replaces(const tok_list_t *next, const tok_list_t *old)
{
    int shared = 0;
    for (int i = 0; i < old->n; i++) shared += has_token(next, old->v[i]);
    int only_old = old->n - shared, only_new = next->n - shared;
    return shared >= 1 && only_old >= 1 && only_old <= 2 && only_new >= 1 && only_new <= 2 &&
           shared >= only_old && shared >= only_new;
}

/* 1 when text's content tokens are replaced by next's; 0 also when text cannot be
 * split (it was stored, so it is valid UTF-8; memory is the only failure). */
static int text_replaced(const tok_list_t *next, const char *text)
{
    tok_list_t all = {0}, old = {0};
    char err[64];
    int r = 0;
    if (tok_split(text, strlen(text), &all, err, sizeof err) == TOK_OK &&
        frame_content(&all, &old) == 0)
        r = frame_replaces(next, &old);
    tok_list_free(&all);
    tok_list_free(&old);
    return r;
}

int frame_plan(const char *msg, const tok_list_t *content, const frame_candidate_t *c,
               int n, double duplicate, frame_plan_t *plan)
{
    memset(plan, 0, sizeof *plan);
    if (!(plan->supersede = calloc((size_t)n + 1, sizeof *plan->supersede))) return -1;
    int dup = -1;
    float best = -2;
    for (int i = 0; i < n; i++) {
        float cos = strcmp(c[i].text, msg) == 0 ? 2.0f : c[i].cosine;   /* same text: whatever
                                                                       rounding says */
        if (cos > best) {
            best = cos;
            dup = i;
        }
    }
    if (dup >= 0 && best >= duplicate) {
        plan->update_id = c[dup].id;
        plan->touch_only = strcmp(c[dup].text, msg) == 0;
    }
    for (int i = 0; i < n; i++) {
        if (c[i].id == plan->update_id || strcmp(c[i].text, msg) == 0 ||
            !text_replaced(content, c[i].text))
            continue;
        plan->supersede[plan->nsupersede++] = c[i].id;
    }
    return 0;
}

void frame_plan_free(frame_plan_t *plan)
{
    free(plan->supersede);
    memset(plan, 0, sizeof *plan);
}

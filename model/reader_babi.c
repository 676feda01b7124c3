/* reader_babi.c: bAbI stories as clauses for the reader: a statement is a fact and a
 * question a question (a yes/no question when its answer is yes, no or maybe), about
 * people and things that are not the user's, with no frame. They teach the reader what
 * the memory network reads, so "Mary went to the kitchen." and "Where is Mary?" are
 * left to it rather than taken for small talk or for something mnemo cannot do. */
#include "model/reader_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model/data.h"
#include "model/tokenizer.h"

/* The clause of a bAbI line body [b, e). 0, or -1 when it has no word. */
static int clause_of(const char *b, const char *e, int act, dialogue_clause_t *cl)
{
    tok_list_t t = {0};
    char err[64];
    memset(cl, 0, sizeof *cl);
    snprintf(cl->text, sizeof cl->text, "%.*s", (int)(e - b), b);
    if (tok_split(cl->text, strlen(cl->text), &t, err, sizeof err) != TOK_OK) return -1;
    for (int i = 0; i < t.n && cl->n < DIALOGUE_MAX_WORDS; i++) {
        if (t.kind[i] == TOK_CJK_BIGRAM || strlen(t.v[i]) >= DIALOGUE_WORD_BYTES) continue;
        snprintf(cl->word[cl->n], DIALOGUE_WORD_BYTES, "%s", t.v[i]);
        cl->cap[cl->n] = t.cap[i];
        cl->tag[cl->n++] = READER_O;
    }
    tok_list_free(&t);
    cl->act = act;
    cl->rel = READER_REL_OPEN;
    return cl->n ? 0 : -1;
}

int reader_set_add_babi(reader_set_t *s, const char *path, int every, long *added, char *err,
                        size_t errlen)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    dialogue_clause_t *cl = malloc(sizeof *cl);
    long n = 0, len = 0;
    int rc = -1;
    if (!f || !cl) {
        snprintf(err, errlen, "%s: cannot read it", path);
        goto out;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
        !(text = malloc((size_t)len + 1)) || fread(text, 1, (size_t)len, f) != (size_t)len) {
        snprintf(err, errlen, "%s: cannot read it", path);
        goto out;
    }
    size_t at = 0;
    int lineno = 0, r;
    babi_line_t l;
    for (long i = 0; (r = babi_next_line(text, (size_t)len, &at, &lineno, &l)) == 1; i++) {
        if (every > 1 && i % every) continue;
        int act = READER_FACT;
        const char *end = l.end;
        if (l.tab) {            /* "Is Mary in the kitchen?<TAB>no<TAB>3" */
            const char *ans = l.tab + 1;
            act = !strncmp(ans, "yes", 3) || !strncmp(ans, "no", 2) || !strncmp(ans, "maybe", 5)
                      ? READER_YESNO
                      : READER_QUESTION;
            end = l.tab;
        }
        if (clause_of(l.body, end, act, cl) == 0) {
            if (reader_set_add(s, cl) < 0) {
                snprintf(err, errlen, "out of memory");
                goto out;
            }
            n++;
        }
    }
    if (r < 0) {
        snprintf(err, errlen, "%s:%d: not a bAbI line", path, lineno);
        goto out;
    }
    rc = 0;
out:
    if (added) *added = n;
    free(text);
    free(cl);
    if (f) fclose(f);
    return rc;
}

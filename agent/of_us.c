/* of_us.c: which of the user and one of their people a question asks of (of_us.h). The
 * other is named right after "me or" or "me and" (past "my", "our", "the"), or right
 * before "or me", by a word of kin ("our kid", "the wife") or a name told; the words the
 * question says of the one asked for are those left once the words of asking, of the two
 * and of little meaning are set aside; each of the two scores how many of them the values
 * and relations of their current facts hold, and the higher score picks. */
#include "agent/of_us.h"

#include <stdio.h>
#include <string.h>
#include "agent/compare.h"
#include "agent/understand_words.h"
#include "model/lex_words.h"
#include "model/reader.h"

enum { OF_US_WORDS = 48 };

/* Words that ask or point at the two, never what is asked of them. */
static const char *const asking[] = {
    "who", "who's", "whos", "which", "whose", "what", "of", "us", "we", "me", "or", "and",
    "my", "our", "the", "out", "between", "one", "ones", "is", "are", "does", "do", "did",
    "has", "have", "got", "gets", "get", "i", "mine", "both", "two", "a", "an", NULL};

/* The index in w[0..n) of the other's word after "me or" / "me and" or before "or me",
 * past "my", "our", "the", "his", "her"; -1 when the question names no other so. */
static int other_at(const char *const *w, int n)
{
    static const char *const det[] = {"my", "our", "the", "his", "her", NULL};
    for (int i = 0; i + 2 < n; i++) {
        if (strcmp(w[i], "me") != 0 || (strcmp(w[i + 1], "or") && strcmp(w[i + 1], "and")))
            continue;
        int j = i + 2;
        while (j < n && understand_in_list(det, w[j])) j++;
        if (j < n) return j;
    }
    for (int i = 1; i + 1 < n; i++)
        if (!strcmp(w[i], "or") && !strcmp(w[i + 1], "me") &&
            !understand_in_list(det, w[i - 1]))
            return i - 1;
    return -1;
}

/* 1 when two lower-case words are one: the same, the same stem, or one the start of the
 * other ("drive", "driver"; four letters at least), or the same first five letters. */
static int same_word(const char *a, const char *b)
{
    char sa[LEX_WORD_MAX], sb[LEX_WORD_MAX];
    size_t la = strlen(a), lb = strlen(b);
    if (!strcmp(a, b)) return 1;
    if (la >= 4 && lb >= 4 && (!strncmp(a, b, la < lb ? la : lb))) return 1;
    if (la >= 5 && lb >= 5 && !strncmp(a, b, 5)) return 1;
    lex_stem(a, sa, sizeof sa);
    lex_stem(b, sb, sizeof sb);
    return sa[0] && !strcmp(sa, sb);
}

/* How many of asked[0..na) the current facts of holder (self: the user's) hold in their
 * values and relations; the memory that holds the most into *id. */
static int score(const facts_t *f, int self, const char *holder, const char *const *asked,
                 int na, int64_t *id)
{
    int held[OF_US_WORDS] = {0}, best = 0;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (!strcmp(m->value, FACTS_ENDED) ||
            (self ? strcmp(m->holder, "self") != 0 : !facts_same_holder(m->holder, holder)))
            continue;
        char said[2 * UNDERSTAND_VALUE], buf[2 * UNDERSTAND_VALUE];
        const char *w[32];
        snprintf(said, sizeof said, "%s %s", m->value, m->relation ? m->relation : "");
        int nw = understand_split_words(said, " ,.;:!?()\"-", buf, sizeof buf, w, 32), here = 0;
        for (int a = 0; a < na; a++)
            for (int k = 0; k < nw; k++)
                if (same_word(asked[a], w[k])) {
                    here += !held[a];
                    held[a] = 1;
                    break;
                }
        if (here > best) best = here, *id = m->id;
    }
    int n = 0;
    for (int a = 0; a < na; a++) n += held[a];
    return n;
}

int of_us_pick(const facts_t *f, const char *text, of_us_t *out)
{
    char buf[512];
    const char *w[OF_US_WORDS];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, OF_US_WORDS);
    memset(out, 0, sizeof *out);
    if (n < 4 || compare_asks(text) ||
        !(understand_question_word(w[0]) == 2 || facts_has_words(text, "of us") ||
          facts_has_words(text, "out of me") || facts_has_words(text, "between me")))
        return 0;
    int o = other_at(w, n);
    if (o < 0) return 0;
    /* the other: a word of kin or a pet with facts of its own, or a name told */
    char key[UNDERSTAND_KEY];
    understand_holder_of(w[o], key, sizeof key);
    const char *holder = NULL, *name = NULL;
    const store_memory_t *m = facts_find(f, key, NULL, NULL);
    if (m && strcmp(key, "self") != 0) holder = m->holder;
    for (size_t i = 0; !holder && i < f->n; i++)
        if (facts_rel_of(f->v[i].relation) == READER_REL_NAME && strcmp(f->v[i].holder, "self") &&
            facts_same_value(f->v[i].value, w[o]))
            holder = f->v[i].holder;
    if (!holder) return 0;
    name = facts_name_of(f, holder);
    /* the words asked of the one: none of asking, of the two, or of little meaning */
    const char *asked[OF_US_WORDS];
    int na = 0;
    for (int i = 0; i < n; i++)
        if (i != o && !understand_in_list(asking, w[i]) && !lex_is_stopword(w[i]) &&
            strlen(w[i]) > 2 && !facts_same_value(w[i], key) &&
            !(name && facts_same_value(w[i], name)))
            asked[na++] = w[i];
    if (!na) return 0;
    int64_t mine = 0, theirs = 0;
    int s = score(f, 1, "self", asked, na, &mine), t = score(f, 0, holder, asked, na, &theirs);
    if (s == t) return 0;
    out->self = s > t;
    out->holder = out->self ? "self" : holder;
    out->name = out->self ? NULL : name;
    out->id = out->self ? mine : theirs;
    return 1;
}

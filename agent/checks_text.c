/* checks_text.c: the words a clause is checked by (checks_internal.h): question marks and
 * openings, words at, before and after a value, word lists, Chinese text, the words for
 * someone, and settling a unit. Shared by every checks_*.c; nothing here allocates. */
#include "agent/checks_internal.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/reader.h"
#include "model/vocab.h"

/* 1 when a clause ends with a question mark: the ASCII one as the model's tokenizer
 * reads it (vocab_question_mark), or the fullwidth ？ of Chinese. */
int checks_asks(const char *text)
{
    size_t n = strlen(text);
    if (vocab_question_mark(text, n)) return 1;
    while (n && strchr(" \t\r\n", text[n - 1])) n--;
    return n >= 3 && !memcmp(text + n - 3, "\xEF\xBC\x9F", 3);
}

/* How a clause opens: 2 with a question word ("what", "who's"), 1 with a verb that
 * starts a yes/no question ("is", "does"), else 0. A clause that opens so and ends with a
 * question mark asks; it is never a forget request or a task refused ("what sport have I
 * taken up?" must not delete the sport). */
int checks_opens_question(const char *text)
{
    while (*text && !isalpha((unsigned char)*text)) text++;
    char w[16];
    size_t n = 0;
    while (n + 1 < sizeof w && (isalpha((unsigned char)text[n]) || text[n] == '\''))
        w[n] = (char)tolower((unsigned char)text[n]), n++;
    w[n] = '\0';
    return understand_question_word(w);
}

/* Words for one's work, asked as a relation or a holder ("my occupation?", "what is my
 * craft?"): the user's job. */
const char *const checks_posts[] = {"job", "role", "position", "occupation", "profession",
                                    "career", "post", "title", "business", "craft", "trade",
                                    "work", NULL};

/* 1 when w is one of list, without case. */
int checks_in_words(const char *const *list, const char *w)
{
    for (int i = 0; list[i]; i++)
        if (!strcasecmp(list[i], w)) return 1;
    return 0;
}

/* 1 when the clause, lower-cased and with a space after it, holds one of parts
 * anywhere ("forget" in "forgetting", "n't" in "don't", 没). */
int checks_has_part(const char *text, const char *const *parts)
{
    char low[512];
    size_t n = 0;
    for (; text[n] && n + 2 < sizeof low; n++) low[n] = (char)tolower((unsigned char)text[n]);
    low[n++] = ' ';
    low[n] = '\0';
    for (int i = 0; parts[i]; i++)
        if (strstr(low, parts[i])) return 1;
    return 0;
}

/* Where value starts in text as whole words (without case), or NULL. */
const char *checks_word_at(const char *text, const char *value)
{
    return facts_words_at(text, value);
}

/* The word of text right before at (spaces skipped; letters, digits and apostrophes),
 * lower-cased into out ("" at the start). */
void checks_word_before(const char *text, const char *at, char *out, size_t cap)
{
    const char *e = at;
    while (e > text && e[-1] == ' ') e--;
    const char *b = e;
    while (b > text && (isalnum((unsigned char)b[-1]) || b[-1] == '\'')) b--;
    snprintf(out, cap, "%.*s", (int)(e - b), b);
    for (char *c = out; *c; c++) *c = (char)tolower((unsigned char)*c);
}

/* The word of letters at p (spaces skipped), lower-cased into out; returns where it
 * ends. */
const char *checks_word_after(const char *p, char *out, size_t cap)
{
    while (*p == ' ') p++;
    size_t n = 0;
    for (; isalpha((unsigned char)p[n]); n++)
        if (n + 1 < cap) out[n] = (char)tolower((unsigned char)p[n]);
    out[n + 1 < cap ? n : cap - 1] = '\0';
    return p + n;
}

/* 1 when text holds one of the words or phrases of list as whole words. */
int checks_holds_any(const char *text, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (facts_has_words(text, list[i])) return 1;
    return 0;
}

/* 1 when a clause says a place of work was moved ("we took the salon over to Hove",
 * "relocated my studio to Leith"): a verb of moving, then "the", "my" or "our" and a word
 * of a business or an office. */
int checks_moved_work(const char *text)
{
    static const char *const moving[] = {"moved", "move", "moving", "relocated", "relocating",
                                         "shifted", NULL};
    static const char *const whose[] = {"the", "my", "our", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 0; k + 2 < n; k++)
        if (understand_in_list(moving, w[k]) && understand_in_list(whose, w[k + 1]) &&
            (understand_in_list(understand_business_words, w[k + 2]) ||
             !strcmp(w[k + 2], "office") || !strcmp(w[k + 2], "practice")))
            return 1;
    return 0;
}

/* 1 when a holder key is a word for someone: kin, a group, a pet or a kind of person
 * ("sister", "kids", "kitten", "plumber"). */
int checks_someone_word(const char *holder)
{
    return understand_kin(holder) || understand_group_key(holder) ||
           dialogue_pet_word(holder) || kinds_person(holder);
}

/* Sets u to a fact the words settle, however sure the reader was and whatever words of
 * its relation the clause holds (settled): act, the user's (personal) holder, rel with
 * relation (rel's own name when relation is NULL) and value; nothing it corrects. The
 * strings may be u's own (each is copied before u is written). */
void checks_settle(understood_t *u, int act, const char *holder, int rel,
                   const char *relation, const char *value)
{
    char h[sizeof u->holder], r[sizeof u->relation], v[sizeof u->value];
    snprintf(h, sizeof h, "%s", holder);
    snprintf(r, sizeof r, "%s", relation ? relation : reader_rel_name(rel));
    snprintf(v, sizeof v, "%s", value);
    u->act = act;
    u->fact_min_p = 0;
    u->personal = 1;
    u->rel = rel;
    memcpy(u->holder, h, sizeof h);
    memcpy(u->relation, r, sizeof r);
    memcpy(u->value, v, sizeof v);
    u->old[0] = '\0';
    u->settled = 1;
}

/* The fact of f that names someone or something of the user's by the second word of
 * text ("is Kit ...?", "does Crumpet ...?"), else NULL. */
const store_memory_t *checks_name_told_second(const facts_t *f, const char *text)
{
    const char *w = text;
    while (*w && !isspace((unsigned char)*w)) w++;
    while (isspace((unsigned char)*w)) w++;
    size_t n = 0;
    while (isalpha((unsigned char)w[n]) || (unsigned char)w[n] >= 0x80) n++;
    for (size_t i = 0; n && i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) == READER_REL_NAME && strlen(m->value) == n &&
            !strncasecmp(m->value, w, n))
            return m;
    }
    return NULL;
}

/* 1 when the second word of text names someone or something of the user's in f. */
int checks_names_told(const facts_t *f, const char *text)
{
    return checks_name_told_second(f, text) != NULL;
}

/* The holder of someone of the user's whose told name opens text (past words of chat:
 * "ah hang on, ignore that, Ingrid moved ...") before a verb of living, moving, working,
 * being or having, when no word of the user's comes before it; else NULL. */
const char *checks_told_name_opens(const facts_t *f, const char *text)
{
    static const char *const verbs[] = {"moved", "moves", "lives", "lived", "relocated",
                                        "works", "worked", "is", "was", "has", "got",
                                        "started", "joined", "turned", "turns", "just",
                                        "now", "quit", "left", "became", "retired",
                                        "changed", "switched", "finished", "graduated",
                                        "teaches", "studies", "does", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 0; k + 1 < n; k++) {
        if (understand_in_list(understand_personal_words, w[k]) || !strcmp(w[k], "me"))
            return NULL;
        const char *holder = NULL;
        for (size_t i = 0; i < f->n && !holder; i++)
            if (facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
                strcmp(f->v[i].holder, "self") != 0 && strcmp(f->v[i].value, FACTS_ENDED) &&
                !strcasecmp(f->v[i].value, w[k]))
                holder = f->v[i].holder;
        if (holder) return understand_in_list(verbs, w[k + 1]) ? holder : NULL;
    }
    return NULL;
}

/* 1 when holder is someone: the user, a word of kin, pet or kind of person, or a name
 * written in text with a capital ("mateus ... in porto, studies physics": not "porto"). */
int checks_of_someone(const char *text, const char *holder)
{
    const char *at = checks_word_at(text, holder);
    return !strcmp(holder, "self") || checks_someone_word(holder) ||
           (at && isupper((unsigned char)*at));
}

/* 1 when text holds a CJK ideograph (the words of work and study checked are English). */
int checks_ideographs(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p >= 0xE4 && *p <= 0xE9) return 1;
    return 0;
}

/* 1 when a clause is written in Chinese (understand_chinese). */
int checks_chinese(const char *text)
{
    return understand_chinese(text, strlen(text));
}

/* The clause before told[i] that is more than a word of joining ("and", "also"), or -1:
 * "forget my asthma, and also my husband's job" cuts "and" alone. */
int checks_clause_before(const char *msg, const understood_t *told, int i)
{
    static const char *const joins[] = {"and", "also", "plus", "or", "and also", NULL};
    int j = i - 1;
    for (; j >= 0; j--) {
        char t[16];
        if (told[j].len >= sizeof t) break;
        snprintf(t, sizeof t, "%.*s", (int)told[j].len, msg + told[j].at);
        for (char *p = t; *p; p++) *p = (char)tolower((unsigned char)*p);
        if (!understand_in_list(joins, t)) break;
    }
    return j;
}

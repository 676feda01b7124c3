/* dialogue.c: the engine of the dialogue generator (dialogue.h). dialogue_new builds the
 * word pools once (WordNet through lexicon.h, the lists of dialogue_words.c), each
 * split in two by a hash of the word. dialogue_clause picks an act, a template of that
 * act (dialogue_grammar.c), a holder and values, renders the template into text with a
 * span label on every byte, adds noise outside values, and cuts the text into words the
 * way tok_split does, so every word's tag comes from the bytes it was made of. No
 * allocation per clause. */
#include "model/dialogue.h"

#include "model/dialogue_internal.h"
#include "model/lexicon.h"
#include "model/reader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum pool_id {
    PL_NAME, PL_PETNAME, PL_CITY, PL_COUNTRY, PL_JOB, PL_DOG, PL_CAT, PL_HORSE,
    PL_CARMAKE, PL_FOOD, PL_COLOUR, PL_SPORT, PL_HOBBY, PL_INSTR, PL_ALLERGEN, PL_LANG,
    PL_DIET, PL_VEHICLE, PL_SURNAME, PL_ZH_NAME, PL_ZH_CITY, PL_ZH_JOB, PL_ZH_ALLERGEN,
    PL_ZH_LANG, PL_ZH_KIN, PL_ZH_PET, PL_SUBJECT, PL_N
};

typedef struct pool {
    const char **w[2];          /* into dialogue.words, per enum dialogue_pool */
    int n[2];
} pool_t;

typedef struct kin {
    const char *core;
    const char **var[2];
    int nvar[2];
} kin_t;

struct dialogue {
    lexicon_words_t words;      /* every string the pools point into */
    pool_t pool[PL_N];
    kin_t kin[64];
    int nkin;
    int pets[2][64];            /* dw_pets indices usable per pool */
    int npets[2];
    int by_act[READER_NACTS][2][512];   /* template indices per act, [0] English [1] zh */
    int nby_act[READER_NACTS][2];
    int cont[64], ncont;                /* the continuations (DT_CONT) */
};

/* ---- split and random --------------------------------------------------------------- */

/* The pool a word belongs to: a hash of its lower-cased letters and digits, so that
 * WordNet's "glass-cutter" and "glass cutter" (the same words once tokenized) share a
 * side. */
static int side_of(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        if (*s == '-' || *s == '_' || *s == ' ' || *s == '\'')
            continue;
        h ^= (unsigned char)tolower((unsigned char)*s);
        h *= 1099511628211ull;
    }
    h ^= h >> 29;
    return (int)((h * 0x9E3779B97F4A7C15ull) >> 63);
}

typedef struct rng {
    uint64_t s;
} rng_t;

static uint64_t rnext(rng_t *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int rint_(rng_t *r, int n) { return n > 0 ? (int)(rnext(r) % (uint64_t)n) : 0; }
static int rpct(rng_t *r, int pct) { return rint_(r, 100) < pct; }

static int list_len(const char *const *l)
{
    int n = 0;
    while (l[n])
        n++;
    return n;
}

/* ---- building the pools --------------------------------------------------------------- */

static int is_stopword(const char *w)
{
    for (int i = 0; dw_stopwords[i]; i++) {
        size_t n = strlen(dw_stopwords[i]);
        const char *p = w;
        while ((p = strstr(p, dw_stopwords[i]))) {
            if ((p == w || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
                return 1;
            p += n;
        }
    }
    return 0;
}

/* Adds the lemmas of WordNet walks (lemma, sense, flags, depth, maxwords), then a
 * NULL-terminated builtin list, to a fresh list. -1 on failure. */
typedef struct walk_spec {
    const char *lemma;
    int sense;
    unsigned flags;
    int depth, maxwords;
} walk_spec_t;

static int fill(const lexicon_t *lx, const walk_spec_t *ws, int nws, const char *const *builtin,
                lexicon_words_t *tmp)
{
    for (int i = 0; i < nws; i++)
        if (lexicon_collect(lx, ws[i].lemma, ws[i].sense, ws[i].flags, ws[i].depth,
                            ws[i].maxwords, tmp) < 0)
            return -1;
    for (int i = 0; builtin && builtin[i]; i++)
        if (lexicon_words_add(tmp, builtin[i]) < 0)
            return -1;
    lexicon_words_uniq(tmp);
    return 0;
}

/* Moves tmp's words into d->words and splits them into pool p. -1 on failure. */
static int make_pool(dialogue_t *d, int p, lexicon_words_t *tmp)
{
    pool_t *pl = &d->pool[p];
    for (int s = 0; s < 2; s++)
        if (!(pl->w[s] = malloc(((size_t)tmp->n + 1) * sizeof(char *))))
            return -1;
    for (int i = 0; i < tmp->n; i++) {
        if (is_stopword(tmp->w[i]))
            continue;
        if (lexicon_words_add(&d->words, tmp->w[i]) < 0)
            return -1;
        const char *w = d->words.w[d->words.n - 1];
        int s = side_of(w);
        pl->w[s][pl->n[s]++] = w;
    }
    lexicon_words_free(tmp);
    return 0;
}

/* Pools must not move while pointers into d->words exist: words are strdup'd, only
 * the array of pointers grows, so the strings stay put. */
static int build_pools(dialogue_t *d, const lexicon_t *lx, char *err, size_t errlen)
{
    static const walk_spec_t
        w_city[] = {{"city", 1, LEX_INSTANCES | LEX_HYPONYMS | LEX_PROPER | LEX_LEAVES_OF_INST, 4, 2}},
        w_country[] = {{"european_country", 1, LEX_INSTANCES | LEX_PROPER, 2, 2},
                       {"african_country", 1, LEX_INSTANCES | LEX_PROPER, 2, 2},
                       {"asian_country", 1, LEX_INSTANCES | LEX_PROPER, 2, 2},
                       {"south_american_country", 1, LEX_INSTANCES | LEX_PROPER, 2, 2}},
        w_job[] = {{"professional", 1, LEX_HYPONYMS | LEX_LOWER, 2, 2},
                   {"skilled_worker", 1, LEX_HYPONYMS | LEX_LOWER, 2, 2},
                   {"health_professional", 1, LEX_HYPONYMS | LEX_LOWER, 2, 2},
                   {"craftsman", 1, LEX_HYPONYMS | LEX_LOWER, 1, 2},
                   {"engineer", 1, LEX_HYPONYMS | LEX_LOWER | LEX_KEEP_ROOT, 1, 2},
                   {"scientist", 1, LEX_HYPONYMS | LEX_LOWER | LEX_KEEP_ROOT, 1, 2},
                   {"teacher", 1, LEX_HYPONYMS | LEX_LOWER | LEX_KEEP_ROOT, 1, 2}},
        w_dog[] = {{"dog", 1, LEX_HYPONYMS, 4, 3}},
        w_cat[] = {{"domestic_cat", 1, LEX_HYPONYMS, 3, 2}},
        w_horse[] = {{"horse", 1, LEX_HYPONYMS | LEX_LOWER, 2, 2}},
        w_food[] = {{"dish", 2, LEX_HYPONYMS | LEX_LOWER, 2, 2},
                    {"edible_fruit", 1, LEX_HYPONYMS | LEX_LOWER, 1, 2},
                    {"cheese", 1, LEX_HYPONYMS | LEX_LOWER, 1, 2},
                    {"dessert", 1, LEX_HYPONYMS | LEX_LOWER, 1, 2}},
        w_colour[] = {{"chromatic_color", 1, LEX_HYPONYMS | LEX_LOWER, 2, 2}},
        w_sport[] = {{"sport", 1, LEX_HYPONYMS | LEX_LOWER, 2, 2}},
        w_instr[] = {{"musical_instrument", 1, LEX_HYPONYMS | LEX_LOWER, 2, 2}},
        w_allergen[] = {{"nut", 3, LEX_HYPONYMS | LEX_LOWER, 1, 2},
                        {"shellfish", 2, LEX_HYPONYMS | LEX_LOWER, 1, 2}},
        w_lang[] = {{"natural_language", 1, LEX_HYPONYMS, 3, 2}},
        w_vehicle[] = {{"car", 1, LEX_HYPONYMS | LEX_LOWER, 1, 2},
                       {"bicycle", 1, LEX_HYPONYMS | LEX_LOWER | LEX_KEEP_ROOT, 1, 2},
                       {"motorcycle", 1, LEX_HYPONYMS | LEX_LOWER | LEX_KEEP_ROOT, 1, 2},
                       {"boat", 1, LEX_HYPONYMS | LEX_LOWER | LEX_KEEP_ROOT, 1, 2}},
        w_subject[] = {{"discipline", 1, LEX_HYPONYMS | LEX_LOWER, 2, 2}};
    struct {
        int pool;
        const walk_spec_t *ws;
        int nws;
        const char *const *builtin;
        int min;
    } plan[] = {
        {PL_NAME, NULL, 0, dw_names, 100},
        {PL_PETNAME, NULL, 0, dw_petnames, 10},
        {PL_CITY, w_city, 1, NULL, 200},
        {PL_COUNTRY, w_country, 4, NULL, 40},
        {PL_JOB, w_job, 7, dw_jobs, 100},
        {PL_DOG, w_dog, 1, NULL, 50},
        {PL_CAT, w_cat, 1, NULL, 6},
        {PL_HORSE, w_horse, 1, NULL, 6},
        {PL_CARMAKE, NULL, 0, dw_carmakes, 10},
        {PL_FOOD, w_food, 4, NULL, 60},
        {PL_COLOUR, w_colour, 1, NULL, 20},
        {PL_SPORT, w_sport, 1, NULL, 30},
        {PL_HOBBY, NULL, 0, dw_hobbies, 10},
        {PL_INSTR, w_instr, 1, NULL, 30},
        {PL_ALLERGEN, w_allergen, 2, dw_allergens, 20},
        {PL_LANG, w_lang, 1, NULL, 40},
        {PL_DIET, NULL, 0, dw_diets, 6},
        {PL_VEHICLE, w_vehicle, 4, NULL, 20},
        {PL_SURNAME, NULL, 0, dw_surnames, 10},
        {PL_ZH_NAME, NULL, 0, dw_zh_names, 10},
        {PL_ZH_CITY, NULL, 0, dw_zh_cities, 10},
        {PL_ZH_JOB, NULL, 0, dw_zh_jobs, 10},
        {PL_ZH_ALLERGEN, NULL, 0, dw_zh_allergens, 6},
        {PL_ZH_LANG, NULL, 0, dw_zh_langs, 4},
        {PL_ZH_KIN, NULL, 0, dw_zh_kin, 6},
        {PL_ZH_PET, NULL, 0, dw_zh_pets, 4},
        {PL_SUBJECT, w_subject, 1, dw_subjects, 60},
    };
    for (size_t i = 0; i < sizeof plan / sizeof plan[0]; i++) {
        lexicon_words_t tmp = {0};
        if (fill(lx, plan[i].ws, plan[i].nws, plan[i].builtin, &tmp) < 0 ||
            make_pool(d, plan[i].pool, &tmp) < 0) {
            lexicon_words_free(&tmp);
            snprintf(err, errlen, "cannot build word pool %zu from WordNet (is it WordNet "
                     "3.0, Debian wordnet-base?)", i);
            return -1;
        }
        const pool_t *pl = &d->pool[plan[i].pool];
        if (pl->n[0] + pl->n[1] < plan[i].min || pl->n[0] == 0 || pl->n[1] == 0) {
            snprintf(err, errlen, "word pool %zu has only %d+%d words", i, pl->n[0], pl->n[1]);
            return -1;
        }
    }
    return 0;
}

static int build_kin(dialogue_t *d, const lexicon_t *lx)
{
    for (int g = 0; g < dw_nkin && g < 64; g++) {
        lexicon_words_t tmp = {0};
        const dialogue_kin_t *k = &dw_kin[g];
        for (int i = 1; k->words[i]; i++)
            if (lexicon_words_add(&tmp, k->words[i]) < 0)
                return -1;
        if (k->wn_lemma &&
            lexicon_collect(lx, k->wn_lemma, k->wn_sense, LEX_KEEP_ROOT | LEX_LOWER, 0, 1,
                            &tmp) < 0)
            return -1;
        lexicon_words_uniq(&tmp);
        kin_t *kk = &d->kin[d->nkin++];
        kk->core = k->words[0];
        for (int s = 0; s < 2; s++)
            if (!(kk->var[s] = malloc(((size_t)tmp.n + 1) * sizeof(char *))))
                return -1;
        for (int i = 0; i < tmp.n; i++) {
            if (strcmp(tmp.w[i], kk->core) == 0)
                continue;
            if (lexicon_words_add(&d->words, tmp.w[i]) < 0)
                return -1;
            const char *w = d->words.w[d->words.n - 1];
            int s = side_of(w);
            kk->var[s][kk->nvar[s]++] = w;
        }
        lexicon_words_free(&tmp);
    }
    for (int i = 0; i < dw_npets && i < 64; i++)
        for (int s = 0; s < 2; s++)
            if (dw_pets[i].shared || side_of(dw_pets[i].word) == s)
                d->pets[s][d->npets[s]++] = i;
    return 0;
}

void dialogue_free(dialogue_t *d)
{
    if (!d)
        return;
    for (int p = 0; p < PL_N; p++)
        for (int s = 0; s < 2; s++)
            free(d->pool[p].w[s]);
    for (int k = 0; k < d->nkin; k++)
        for (int s = 0; s < 2; s++)
            free(d->kin[k].var[s]);
    lexicon_words_free(&d->words);
    free(d);
}

/* The templates each act draws from, and the continuations, in table order; the notes
 * (DT_NOTES) only when notes is set, so a generator without them makes the clauses it
 * made before they were written. */
static void build_lists(dialogue_t *d, int notes)
{
    memset(d->nby_act, 0, sizeof d->nby_act);
    d->ncont = 0;
    for (int i = 0; i < dialogue_ntmpls; i++) {
        const dialogue_tmpl_t *t = &dialogue_tmpls[i];
        int zh = (t->flags & DT_ZH) != 0;
        if ((t->flags & DT_NOTES) && !notes)
            continue;
        if (t->flags & DT_CONT) {
            if (d->ncont < (int)(sizeof d->cont / sizeof d->cont[0]))
                d->cont[d->ncont++] = i;
        } else if (d->nby_act[t->act][zh] < 512)
            d->by_act[t->act][zh][d->nby_act[t->act][zh]++] = i;
    }
}

dialogue_t *dialogue_new(const char *wordnet_dir, char *err, size_t errlen)
{
    lexicon_t *lx = lexicon_load(wordnet_dir, err, errlen);
    if (!lx)
        return NULL;
    dialogue_t *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errlen, "out of memory");
        lexicon_free(lx);
        return NULL;
    }
    /* the strings never move (strdup'd), but the pointer array may: reserve it */
    d->words.cap = 1 << 16;
    d->words.w = malloc((size_t)d->words.cap * sizeof(char *));
    int rc = d->words.w ? build_pools(d, lx, err, errlen) : -1;
    if (rc == 0 && build_kin(d, lx) < 0) {
        snprintf(err, errlen, "out of memory building relation words");
        rc = -1;
    }
    lexicon_free(lx);
    if (rc < 0) {
        dialogue_free(d);
        return NULL;
    }
    build_lists(d, 0);
    return d;
}

void dialogue_use_notes(dialogue_t *d)
{
    if (d)
        build_lists(d, 1);
}

int dialogue_nphrasings(void) { return dialogue_ntmpls; }

int dialogue_phrasing_act(int i)
{
    return i >= 0 && i < dialogue_ntmpls ? dialogue_tmpls[i].act : -1;
}

int dialogue_phrasing_is_note(int i)
{
    return i >= 0 && i < dialogue_ntmpls && (dialogue_tmpls[i].flags & DT_NOTES) != 0;
}

/* ---- one clause ------------------------------------------------------------------- */

enum { SP_O = 0, SP_H, SP_R, SP_V, SP_D, SP_N };    /* span types of bytes */

typedef struct gen {
    const dialogue_t *d;
    rng_t r;
    int pool, hkind, zh, err, noname;
    const char *kinw, *petw, *carw, *zhw;   /* the holder's word */
    int pet;                                /* dw_pets index */
    const char *v, *o, *n, *q;
    const char *hn;                         /* the name the holder goes by, or NULL */
    char vbuf[64], obuf[64], cbuf[64];      /* composed values */
    char mbuf[8][32];                       /* made-up words, a ring */
    int nm;
    int span, segid;                        /* current span type and its id */
    int rel;                                /* the relation of the fact being rendered */
    unsigned char segrel[1024];             /* each span's relation, by span id */
    size_t len;
    char text[DIALOGUE_TEXT_BYTES];
    unsigned char typ[DIALOGUE_TEXT_BYTES];
    unsigned short seg[DIALOGUE_TEXT_BYTES];
} gen_t;

static void put(gen_t *g, char c)
{
    if (g->len + 1 >= DIALOGUE_TEXT_BYTES) {
        g->err = 1;
        return;
    }
    g->text[g->len] = c;
    g->typ[g->len] = (unsigned char)g->span;
    g->seg[g->len] = (unsigned short)g->segid;
    g->len++;
}

static void puts_(gen_t *g, const char *s)
{
    for (; *s; s++)
        put(g, *s);
}

/* A pronounceable word no list holds ("Taravik", "Brenholt", "Quillo", "vob"). The
 * names, places and companies people mention are mostly words the pools never had, so a
 * share of those values is made up (DIALOGUE_MADE_UP_PCT; of jobs, foods, hobbies and
 * breeds DIALOGUE_MADE_UP_THING_PCT, in lower case), on the clause's side of the split:
 * the reader must find them by where they stand and how they are written, not by
 * knowing them. Each kind has its own endings; the word starts with a capital (noise
 * may lower-case it). */
enum { MU_NAME, MU_PLACE, MU_FIRM, MU_THING };
#define DIALOGUE_MADE_UP_PCT 20
/* the share of jobs, foods, hobbies, breeds ... made up (lower case, from 3 letters: a
 * "vet" or a "medic" is a value by where it stands) */
#define DIALOGUE_MADE_UP_THING_PCT 10

static const char *made_up(gen_t *g, int kind)
{
    static const char *const onset[] = {
        "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kl", "l",
        "m", "n", "p", "pr", "qu", "r", "s", "sh", "sl", "st", "t", "th", "tr", "v", "w",
        "z", "", "", NULL};
    static const char *const nucleus[] = {"a", "e", "i", "o", "u", "a", "e", "o", "ai",
                                          "ea", "ou", "y", "ie", "oo", NULL};
    static const char *const coda[] = {"", "", "", "n", "r", "l", "s", "m", "k", "nd", "rt",
                                       "x", "th", "ll", NULL};
    static const char *const ends[4][16] = {
        {"a", "o", "i", "en", "an", "ie", "el", "us", "ina", "eth", "", "ey", "is", "ko", NULL},
        {"ton", "ford", "by", "ham", "wick", "field", "bury", "mouth", "stad", "burg",
         "ville", "ley", "worth", "port", "dale", NULL},
        {"ly", "loop", "ify", "io", "hub", "soft", "tech", "co", "labs", "works", "base",
         "wise", "stack", "ara", "", NULL},
        {"", "", "", "", "er", "ist", "ing", "o", "a", "ery", "et", "le", NULL}};
    char *buf = g->mbuf[g->nm++ % 8];
    for (int tries = 0; tries < 64; tries++) {
        size_t n = 0;
        int syl = 1 + rint_(&g->r, 2);
        for (int i = 0; i < syl; i++)
            n += (size_t)snprintf(buf + n, 32 - n, "%s%s%s",
                                  onset[rint_(&g->r, list_len(onset))],
                                  nucleus[rint_(&g->r, list_len(nucleus))],
                                  i + 1 < syl ? "" : coda[rint_(&g->r, list_len(coda))]);
        const char *const *e = ends[kind];
        snprintf(buf + n, 32 - n, "%s", e[rint_(&g->r, list_len(e))]);
        n = strlen(buf);
        if (n < 3 || n > 12)
            continue;
        if (kind != MU_THING)
            buf[0] = (char)toupper((unsigned char)buf[0]);
        if (side_of(buf) == g->pool)
            return buf;
    }
    g->err = 1;
    return buf;
}

static const char *pick(gen_t *g, int p)
{
    const pool_t *pl = &g->d->pool[p];
    if ((p == PL_NAME || p == PL_PETNAME || p == PL_CITY || p == PL_SURNAME) &&
        rpct(&g->r, DIALOGUE_MADE_UP_PCT))
        return made_up(g, p == PL_CITY ? MU_PLACE : p == PL_SURNAME && rpct(&g->r, 50) ? MU_PLACE
                          : MU_NAME);
    if ((p == PL_JOB || p == PL_FOOD || p == PL_SPORT || p == PL_HOBBY || p == PL_INSTR ||
         p == PL_ALLERGEN || p == PL_DOG || p == PL_CAT || p == PL_VEHICLE ||
         p == PL_SUBJECT || p == PL_COLOUR) && rpct(&g->r, DIALOGUE_MADE_UP_THING_PCT))
        return made_up(g, MU_THING);
    return pl->w[g->pool][rint_(&g->r, pl->n[g->pool])];
}

static const char *pick_list(gen_t *g, const char *const *l)
{
    /* builtin value lists of favourites and open relations: split like the pools */
    int n = list_len(l);
    for (int tries = 0; tries < 64; tries++) {
        const char *w = l[rint_(&g->r, n)];
        if (side_of(w) == g->pool)
            return w;
    }
    g->err = 1;
    return l[0];
}

static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december", NULL};

static const char *ord(int d)
{
    if (d % 10 == 1 && d != 11)
        return "st";
    if (d % 10 == 2 && d != 12)
        return "nd";
    if (d % 10 == 3 && d != 13)
        return "rd";
    return "th";
}

/* Writes a composed value of kind k into buf, on the clause's side of the split. */
/* n (1..99) in Chinese numerals: 八, 十五, 三十七. */
static void zh_number(int n, char *buf, size_t cap)
{
    static const char *const d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int tens = n / 10 % 10, ones = n % 10;
    snprintf(buf, cap, "%s%s%s", tens > 1 ? d[tens] : "", tens ? "十" : "", d[ones]);
}

/* A Chinese full name: a surname and one or two given-name characters (张敏, 王小红). */
static const char *zh_name(gen_t *g, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s%s%s", dw_zh_surnames[rint_(&g->r, list_len(dw_zh_surnames))],
             dw_zh_given[rint_(&g->r, list_len(dw_zh_given))],
             rpct(&g->r, 60) ? dw_zh_given[rint_(&g->r, list_len(dw_zh_given))] : "");
    return buf;
}

static const char *compose(gen_t *g, int k, char *buf, size_t cap)
{
    for (int tries = 0; tries < 64; tries++) {
        int a = rint_(&g->r, 1000);
        switch (k) {
        case 0: { /* age; in Chinese also in Chinese numerals (三十七) */
            int lo = g->hkind == DH_SELF ? 16 : 1, hi = g->hkind == DH_PET ? 19 : 90;
            int age = lo + a % (hi - lo + 1);
            if (g->zh && rpct(&g->r, 50))
                zh_number(age, buf, cap);
            else
                snprintf(buf, cap, "%d", age);
            break;
        }
        case 1: { /* date */
            const char *m = months[a % 12];
            int day = 1 + rint_(&g->r, 28);
            char M[16];
            snprintf(M, sizeof M, "%c%s", toupper((unsigned char)m[0]), m + 1);
            switch (rint_(&g->r, 5)) {
            case 0: snprintf(buf, cap, "%s %d%s", M, day, ord(day)); break;
            case 1: snprintf(buf, cap, "%d%s of %s", day, ord(day), M); break;
            case 2: snprintf(buf, cap, "%d %s", day, M); break;
            case 3: snprintf(buf, cap, "%s %d", M, day); break;
            default: snprintf(buf, cap, "the %d%s of %s", day, ord(day), M); break;
            }
            break;
        }
        case 2: { /* employer */
            static const char *const pre[] = {"", "", "", "the "};
            snprintf(buf, cap, "%s%s %s", pre[a % 4 == 3 ? 3 : 0],
                     rpct(&g->r, 70) ? pick(g, PL_SURNAME) : pick(g, PL_CITY),
                     dw_company_tails[rint_(&g->r, list_len(dw_company_tails))]);
            if (rpct(&g->r, 15))
                snprintf(buf, cap, "%s", pick(g, PL_SURNAME));
            else if (rpct(&g->r, 20))
                snprintf(buf, cap, "%s", made_up(g, MU_FIRM));
            break;
        }
        case 3: { /* school */
            const char *c = pick(g, PL_CITY);
            switch (a % 4) {
            case 0: snprintf(buf, cap, "the University of %s", c); break;
            case 1: snprintf(buf, cap, "%s College", c); break;
            case 2: snprintf(buf, cap, "%s University", c); break;
            default: snprintf(buf, cap, "%s High", pick(g, PL_SURNAME)); break;
            }
            break;
        }
        case 4: /* street */
            snprintf(buf, cap, "%d %s %s", 1 + a % 120, pick(g, PL_SURNAME),
                     dw_streets[rint_(&g->r, list_len(dw_streets))]);
            break;
        case 6: { /* a date in Chinese: 八月十五日, 3月5号 */
            char m[16], d[16];
            int month = 1 + a % 12, day = 1 + rint_(&g->r, 28), digits = rpct(&g->r, 40);
            if (digits) {
                snprintf(m, sizeof m, "%d", month);
                snprintf(d, sizeof d, "%d", day);
            } else {
                zh_number(month, m, sizeof m);
                zh_number(day, d, sizeof d);
            }
            snprintf(buf, cap, "%s月%s%s", m, d, rpct(&g->r, 50) ? "日" : "号");
            break;
        }
        case 7: { /* a sports team: a town and what clubs call themselves */
            static const char *const club[] = {"", "", "", " United", " City", " Rovers",
                                               " Town", " FC", " Athletic", " Wanderers",
                                               " Rangers", " Albion", NULL};
            snprintf(buf, cap, "%s%s", pick(g, PL_CITY), club[rint_(&g->r, list_len(club))]);
            break;
        }
        default: /* phone */
            snprintf(buf, cap, "0%d %d", 7000 + a * 3 % 1000, 100000 + rint_(&g->r, 900000));
            break;
        }
        if (strlen(buf) < cap - 1 && side_of(buf) == g->pool)
            return buf;
    }
    g->err = 1;
    return buf;
}

/* A value for template t's relation (or its vp) from the clause's pool. */
static const char *value(gen_t *g, const dialogue_tmpl_t *t, char *buf, size_t cap)
{
    int vp = t->vp;
    if (t->rel == READER_REL_LIKES || t->rel == READER_REL_OPEN) {
        const dialogue_cat_t *c = NULL;
        for (int i = 0; i < dw_nlikes && !c; i++)
            if (t->rel == READER_REL_LIKES && g->q == dw_likes[i].rel)
                c = &dw_likes[i];
        for (int i = 0; i < dw_nopen && !c; i++)
            if (t->rel == READER_REL_OPEN && g->q == dw_open[i].rel)
                c = &dw_open[i];
        if (vp == VP_DEFAULT && c) {
            if (c->vp < 0)
                return pick_list(g, c->values);
            vp = c->vp;
        }
    }
    switch (vp) {
    case VP_CITY: return pick(g, PL_CITY);
    case VP_COUNTRY: return pick(g, PL_COUNTRY);
    case VP_STREET: return compose(g, 4, buf, cap);
    case VP_FOOD: return pick(g, PL_FOOD);
    case VP_SPORT: return pick(g, PL_SPORT);
    case VP_INSTR: return pick(g, PL_INSTR);
    case VP_CARMAKE: return pick(g, PL_CARMAKE);
    case VP_VEHICLE: return pick(g, PL_VEHICLE);
    case VP_PHONE: return compose(g, 5, buf, cap);
    case VP_COLOUR: return pick(g, PL_COLOUR);
    case VP_NAME: return pick(g, PL_NAME);
    case VP_ZH_NAME: return rpct(&g->r, 50) ? pick(g, PL_ZH_NAME) : zh_name(g, buf, cap);
    case VP_ZH_CITY: return pick(g, PL_ZH_CITY);
    case VP_ZH_JOB: return pick(g, PL_ZH_JOB);
    case VP_ZH_ALLERGEN: return pick(g, PL_ZH_ALLERGEN);
    case VP_ZH_LANG: return pick(g, PL_ZH_LANG);
    case VP_ZH_DATE: return compose(g, 6, buf, cap);
    case VP_TEAM: return compose(g, 7, buf, cap);
    case VP_SUBJECT: return pick(g, PL_SUBJECT);
    default: break;
    }
    switch (t->rel) {
    case READER_REL_NAME:
        return g->hkind == DH_PET && rpct(&g->r, 50) ? pick(g, PL_PETNAME) : pick(g, PL_NAME);
    case READER_REL_AGE: return compose(g, 0, buf, cap);
    case READER_REL_BIRTHDAY: return compose(g, 1, buf, cap);
    case READER_REL_HOME:
    case READER_REL_HOMETOWN:
        return rpct(&g->r, 75) ? pick(g, PL_CITY) : pick(g, PL_COUNTRY);
    case READER_REL_WORKPLACE: return pick(g, PL_CITY);
    case READER_REL_SCHOOL: return compose(g, 3, buf, cap);
    case READER_REL_JOB: return pick(g, PL_JOB);
    case READER_REL_EMPLOYER: return compose(g, 2, buf, cap);
    case READER_REL_KIND:
        if (g->hkind == DH_CAR)
            return pick(g, PL_CARMAKE);
        return pick(g, dw_pets[g->pet].breeds == 2 ? PL_CAT
                       : dw_pets[g->pet].breeds == 3 ? PL_HORSE : PL_DOG);
    case READER_REL_HOBBY: return rpct(&g->r, 50) ? pick(g, PL_HOBBY) : pick(g, PL_SPORT);
    case READER_REL_ALLERGY: return pick(g, PL_ALLERGEN);
    case READER_REL_LANGUAGE: return pick(g, PL_LANG);
    case READER_REL_DIET: return pick(g, PL_DIET);
    case READER_REL_OWNS: return rpct(&g->r, 60) ? pick(g, PL_VEHICLE) : pick(g, PL_CARMAKE);
    case READER_REL_LIKES: return pick(g, PL_FOOD);
    default: return pick(g, PL_NAME);
    }
}

static void render(gen_t *g, const char *t, const char *end);

/* The end of a bracketed group starting at p (*p is the opener), nesting counted. */
static const char *group_end(const char *p, const char *end, char open, char close)
{
    int depth = 0;
    for (; p < end; p++) {
        if (*p == open)
            depth++;
        else if (*p == close && --depth == 0)
            return p;
    }
    return end;
}

static void alternative(gen_t *g, const char *p, const char *e)
{
    /* p after '{', e at '}' */
    const char *alt[32];
    int nalt = 0, depth = 0;
    alt[nalt++] = p;
    for (const char *q = p; q < e; q++) {
        if (*q == '{')
            depth++;
        else if (*q == '}')
            depth--;
        else if (*q == '|' && depth == 0 && nalt < 32)
            alt[nalt++] = q + 1;
    }
    int k = rint_(&g->r, nalt);
    const char *ae = k + 1 < nalt ? alt[k + 1] - 1 : e;
    render(g, alt[k], ae);
}

/* The holder macros (see dialogue_internal.h). */
static void macro(gen_t *g, char m, int noname)
{
    static const char *const self[4] = {"[H i]", "[H my]", "{[H i'm]|[H i] am|[H i'm]}", "[H me]"};
    int k = m == 'S' ? 0 : m == 'P' ? 1 : m == 'B' ? 2 : 3;
    const char *t;
    switch (g->hkind) {
    case DH_SELF: t = self[k]; break;
    case DH_KIN: {
        /* "mum's a nurse", "grandad Arthur's 91": now and then without "my" */
        static const char *const kin[4] = {"[H {my |my |my |my |my |my |my |}$k]",
                                           "[H my $k's]", "[H {my |my |my |my |my |my |}$k] is",
                                           "[H my $k]"};
        static const char *const kin_n[4] = {"[H {my |my |my |my |my |my |}$k] [N $n]",
                                             "[H my $k] [N $n's]",
                                             "[H {my |my |my |my |my |my |}$k] [N $n] is",
                                             "[H my $k] [N $n]"};
        static const char *const named[4] = {"[H $m]", "[H $m's]", "{[H $m] is|[H $m's]}",
                                             "[H $m]"};
        t = g->hn ? named[k] : !noname && k != 1 && g->n ? kin_n[k] : kin[k];
        break;
    }
    case DH_PET: {
        static const char *const pet[4] = {"[H {my|our} $p]", "[H {my|our} $p's]",
                                           "{[H {my|our} $p] is|[H {my|our} $p's]}",
                                           "[H {my|our} $p]"};
        static const char *const pet_n[4] = {"[H {my|our} $p] [N $n]", "[H my $p's]",
                                             "[H {my|our} $p] [N $n] is", "[H my $p]"};
        t = !noname && g->n ? pet_n[k] : pet[k];
        break;
    }
    default: {
        static const char *const car[4] = {"[H {my|our} $c]", "[H {my|our} $c's]",
                                           "[H {my|our} $c] is", "[H {my|our} $c]"};
        t = car[k];
        break;
    }
    }
    render(g, t, t + strlen(t));
}

static void render(gen_t *g, const char *t, const char *end)
{
    for (const char *p = t; p < end && !g->err; p++) {
        switch (*p) {
        case '{': {
            const char *e = group_end(p, end, '{', '}');
            alternative(g, p + 1, e);
            p = e;
            break;
        }
        case '[': {
            static const char types[] = "?HRVDN";
            const char *c = strchr(types, p[1]);
            g->span = c ? (int)(c - types) : SP_O;
            g->segid++;
            if (g->segid >= (int)sizeof g->segrel)
                g->err = 1;
            else
                g->segrel[g->segid] = (unsigned char)g->rel;
            p += 2;         /* "[T" and the space after it */
            break;
        }
        case ']':
            g->span = SP_O;
            g->segid++;
            break;
        case '<': {
            const char *e = group_end(p, end, '<', '>');
            const char *slash = p + 1;
            while (slash < e && *slash != '/')
                slash++;
            if (g->hkind == DH_SELF)
                render(g, p + 1, slash);
            else
                render(g, slash < e ? slash + 1 : e, e);
            p = e;
            break;
        }
        case '@':
            macro(g, p[1], g->noname);
            p++;
            break;
        case '$':
            p++;
            switch (*p) {
            case 'k': puts_(g, g->kinw ? g->kinw : "friend"); break;
            case 'p': puts_(g, g->petw ? g->petw : "dog"); break;
            case 'c': puts_(g, g->carw ? g->carw : "car"); break;
            case 'z': puts_(g, g->zhw ? g->zhw : "猫"); break;
            case 'v': puts_(g, g->v); break;
            case 'o': puts_(g, g->o); break;
            case 'n': puts_(g, g->n ? g->n : g->v); break;
            case 'm': puts_(g, g->hn ? g->hn : "sam"); break;
            case 'q': puts_(g, g->q ? g->q : ""); break;
            default: break;
            }
            break;
        default:
            put(g, *p);
        }
    }
}

/* ---- noise and words -------------------------------------------------------------------- */

static int is_word_byte(unsigned char c) { return c < 0x80 && (isalnum(c) || c == 0x27); }

/* How a clause is cased: all lower case; as the pools write their words (names and
 * places with a capital, the rest lower case); or as a sentence (and "I" too). */
enum { CASE_LOWER, CASE_WORDS, CASE_SENTENCE };

/* Copies g's text into a fresh buffer with noise outside values and names: dropped
 * apostrophes (dont, im), a letter swapped, dropped or doubled in a rare long word, and
 * the casing (tok_split folds it back, keeping only whether a word began upper case). */
static void noise(gen_t *g, int drop_apos, int typo_pct, int casing)
{
    char t[DIALOGUE_TEXT_BYTES];
    unsigned char ty[DIALOGUE_TEXT_BYTES];
    unsigned short sg[DIALOGUE_TEXT_BYTES];
    size_t n = 0, i = 0;
    while (i < g->len) {
        size_t j = i;
        while (j < g->len && is_word_byte((unsigned char)g->text[j]) &&
               g->seg[j] == g->seg[i])
            j++;
        if (j == i)
            j = i + 1;
        int plain = g->typ[i] != SP_V && g->typ[i] != SP_D && g->typ[i] != SP_N;
        int op = plain && j - i >= 4 && isalpha((unsigned char)g->text[i]) && rpct(&g->r, typo_pct)
                 ? 1 + rint_(&g->r, 3) : 0;
        size_t at = i + 1 + (size_t)rint_(&g->r, (int)(j - i - 2 > 0 ? j - i - 2 : 1));
        for (size_t k = i; k < j && n + 2 < sizeof t; k++) {
            char c = g->text[k];
            if (c == '\'' && plain && drop_apos)
                continue;
            if (op == 2 && k == at)                      /* drop */
                continue;
            if (op == 1 && k == at && k + 1 < j && g->text[k + 1] != '\'') {   /* swap */
                t[n] = g->text[k + 1], ty[n] = g->typ[k], sg[n++] = g->seg[k];
                t[n] = c, ty[n] = g->typ[k], sg[n++] = g->seg[k];
                k++;
                continue;
            }
            if (op == 3 && k == at && isalpha((unsigned char)c))   /* double */
                t[n] = c, ty[n] = g->typ[k], sg[n++] = g->seg[k];
            t[n] = c, ty[n] = g->typ[k], sg[n++] = g->seg[k];
        }
        i = j;
    }
    if (casing == CASE_SENTENCE) {
        for (size_t k = 0; k < n; k++) {
            int start = k == 0 || !is_word_byte((unsigned char)t[k - 1]);
            int end = k + 1 == n || !isalnum((unsigned char)t[k + 1]);
            if (t[k] == 'i' && start && end && ty[k] == SP_H)
                t[k] = 'I';
        }
        for (size_t k = 0; k < n; k++)
            if (isalpha((unsigned char)t[k])) {
                t[k] = (char)toupper((unsigned char)t[k]);
                break;
            }
    } else if (casing == CASE_LOWER) {
        for (size_t k = 0; k < n; k++)
            t[k] = (char)tolower((unsigned char)t[k]);
    }
    memcpy(g->text, t, n);
    memcpy(g->typ, ty, n);
    memcpy(g->seg, sg, n * sizeof sg[0]);
    g->len = n;
}

static int is_cjk3(const unsigned char *s)
{
    /* the CJK ideographs the Chinese templates use: U+3400..U+9FFF, 3 UTF-8 bytes */
    if ((s[0] & 0xF0) != 0xE0)
        return 0;
    unsigned cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return cp >= 0x3400 && cp <= 0x9FFF;
}

static int utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
}

/* The article before a value agrees with it: "a" before a word that begins with a, e,
 * i or o becomes "an" ("an accountant": the grammar writes "a" before values), "an"
 * before another consonant than h becomes "a" (rows that pick "{a|an}"); before "h"
 * and "u" it stays as written ("an hour", "a uni"). */
static void articles(gen_t *g)
{
    for (size_t i = 0; i + 2 < g->len; i++) {
        if ((g->text[i] != 'a' && g->text[i] != 'A') || (i > 0 && g->text[i - 1] != ' '))
            continue;
        int an = g->text[i + 1] == 'n' && i + 3 < g->len && g->text[i + 2] == ' ';
        if (!an && g->text[i + 1] != ' ')
            continue;
        char c = (char)tolower((unsigned char)g->text[i + (an ? 3 : 2)]);
        if (!isalpha((unsigned char)c) || c == 'h' || c == 'u')
            continue;
        int vowel = strchr("aeio", c) != NULL;
        if (an && !vowel) {             /* "an" -> "a" */
            memmove(g->text + i + 1, g->text + i + 2, g->len - i - 2);
            memmove(g->typ + i + 1, g->typ + i + 2, g->len - i - 2);
            memmove(g->seg + i + 1, g->seg + i + 2, (g->len - i - 2) * sizeof g->seg[0]);
            g->len--;
        } else if (!an && vowel && g->len + 1 < DIALOGUE_TEXT_BYTES) {  /* "a" -> "an" */
            memmove(g->text + i + 2, g->text + i + 1, g->len - i - 1);
            memmove(g->typ + i + 2, g->typ + i + 1, g->len - i - 1);
            memmove(g->seg + i + 2, g->seg + i + 1, (g->len - i - 1) * sizeof g->seg[0]);
            g->text[i + 1] = 'n';
            g->typ[i + 1] = g->typ[i];
            g->seg[i + 1] = g->seg[i];
            g->len++;
        }
    }
}

/* Collapses runs of spaces, drops spaces at the ends and before , . ! ? (empty
 * alternatives leave them), and writes "an" where English wants it. */
static void tidy(gen_t *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->len; i++) {
        char c = g->text[i];
        if (c == ' ' && (n == 0 || g->text[n - 1] == ' '))
            continue;
        if ((c == ',' || c == '.' || c == '!' || c == '?') && n > 0 && g->text[n - 1] == ' ')
            n--;
        g->text[n] = c, g->typ[n] = g->typ[i], g->seg[n] = g->seg[i];
        n++;
    }
    while (n > 0 && g->text[n - 1] == ' ')
        n--;
    g->len = n;
    articles(g);
}

/* Cuts g's text into words as tok_split does for the text the grammar makes (ASCII,
 * CJK ideographs, emoji and CJK punctuation as separators), each word tagged from its
 * first byte's span; a word made of two spans is an error (-1). */
static int words(gen_t *g, dialogue_clause_t *out)
{
    static const unsigned char B[] = {READER_O, READER_B_HOLDER, READER_B_REL,
                                      READER_B_VALUE, READER_B_OLD, READER_B_NAME};
    const unsigned char *s = (const unsigned char *)g->text;
    int prev_seg = -1, nw = 0;
    size_t i = 0;
    out->n = 0;
    while (i < g->len) {
        size_t start = i, wl = 0;
        char w[DIALOGUE_WORD_BYTES];
        if (s[i] < 0x80 && isalnum(s[i])) {
            while (i < g->len && s[i] < 0x80 && (isalnum(s[i]) || s[i] == '\'')) {
                if (s[i] == '\'' && (wl == 0 || w[wl - 1] == '\'')) {
                    break;
                }
                if (g->seg[i] != g->seg[start])
                    return -1;
                if (wl + 1 >= sizeof w)
                    return -1;
                w[wl++] = (char)tolower(s[i]);
                i++;
            }
            while (wl > 0 && w[wl - 1] == '\'')
                wl--;
        } else if (s[i] >= 0x80 && i + 3 <= g->len && is_cjk3(s + i)) {
            memcpy(w, s + i, 3);
            wl = 3;
            i += 3;
        } else {
            i += s[i] < 0x80 ? 1 : (size_t)utf8_len(s[i]);
            continue;
        }
        if (nw == DIALOGUE_MAX_WORDS)
            return -1;
        memcpy(out->word[nw], w, wl);
        out->word[nw][wl] = '\0';
        int ty = g->typ[start], sg = g->seg[start];
        out->cap[nw] = s[start] < 0x80 && isupper(s[start]);
        out->tag[nw] = ty == SP_O ? READER_O
                       : (unsigned char)(B[ty] + (sg == prev_seg ? 1 : 0));
        out->vrel[nw] = ty == SP_O || sg >= (int)sizeof g->segrel ? 0 : g->segrel[sg];
        prev_seg = ty == SP_O ? -1 : sg;
        nw++;
    }
    out->n = nw;
    return 0;
}

/* ---- the clause ------------------------------------------------------------------------ */

static int pick_act(rng_t *r)
{
    /* shares of the acts in the generated stream, per mille */
    static const int share[READER_NACTS] = {300, 190, 110, 100, 70, 45, 135, 50};
    int x = rint_(r, 1000);
    for (int a = 0; a < READER_NACTS; a++) {
        if (x < share[a])
            return a;
        x -= share[a];
    }
    return READER_SMALLTALK;
}

static int pick_holder(gen_t *g, const dialogue_tmpl_t *t)
{
    static const int weight[4] = {45, 33, 17, 5};   /* self, kin, pet, car */
    int tot = 0;
    for (int k = 0; k < 4; k++)
        if (t->hmask & (1 << k))
            tot += weight[k];
    if (tot == 0)
        return DH_SELF;
    int x = rint_(&g->r, tot);
    for (int k = 0; k < 4; k++)
        if (t->hmask & (1 << k)) {
            if (x < weight[k])
                return 1 << k;
            x -= weight[k];
        }
    return DH_SELF;
}

static void choose_words(gen_t *g, const dialogue_tmpl_t *t)
{
    const dialogue_t *d = g->d;
    const kin_t *k = &d->kin[rint_(&g->r, d->nkin)];
    g->kinw = k->nvar[g->pool] && rpct(&g->r, 35)
              ? k->var[g->pool][rint_(&g->r, k->nvar[g->pool])] : k->core;
    for (int tries = 0; tries < 32; tries++) {
        g->pet = d->pets[g->pool][rint_(&g->r, d->npets[g->pool])];
        if (t->rel != READER_REL_KIND || dw_pets[g->pet].breeds)
            break;
    }
    if (t->rel == READER_REL_KIND && !dw_pets[g->pet].breeds)
        g->pet = 0;
    g->petw = dw_pets[g->pet].word;
    /* a pet called by its breed: "my spaniel Toffee", "our beagle is three" */
    if (g->hkind == DH_PET && dw_pets[g->pet].breeds && t->rel != READER_REL_KIND &&
        rpct(&g->r, 15))
        g->petw = pick(g, dw_pets[g->pet].breeds == 2 ? PL_CAT
                          : dw_pets[g->pet].breeds == 3 ? PL_HORSE : PL_DOG);
    g->carw = rpct(&g->r, 85) ? "car" : rpct(&g->r, 50) ? "motorbike" : "van";
    g->zhw = rpct(&g->r, 60) ? pick(g, PL_ZH_KIN) : pick(g, PL_ZH_PET);
    g->q = NULL;
    if (t->rel == READER_REL_LIKES)
        g->q = dw_likes[rint_(&g->r, dw_nlikes)].rel;
    else if (t->rel == READER_REL_OPEN)
        g->q = dw_open[rint_(&g->r, dw_nopen)].rel;
    g->v = value(g, t, g->vbuf, sizeof g->vbuf);
    for (int tries = 0; tries < 16; tries++) {
        g->o = value(g, t, g->obuf, sizeof g->obuf);
        if (strcmp(g->o, g->v) != 0)
            break;
    }
    g->n = NULL;
    if (!(t->flags & DT_NONAME) && (g->hkind == DH_KIN || g->hkind == DH_PET) &&
        t->act == READER_FACT && rpct(&g->r, 35))
        g->n = g->hkind == DH_PET && rpct(&g->r, 50) ? pick(g, PL_PETNAME) : pick(g, PL_NAME);
    if (t->flags & DT_ZH)
        g->n = pick(g, PL_ZH_NAME);
    /* someone of the user's by their name alone: "Gavin is a joiner" */
    g->hn = NULL;
    if (g->hkind == DH_KIN && !(t->flags & DT_ZH) && t->rel != READER_REL_NAME &&
        t->act != READER_FORGET && rpct(&g->r, 20))
        g->hn = pick(g, PL_NAME);
    if (g->hkind == DH_PET)     /* only templates that say $m use it: "is Toffee a pug" */
        g->hn = rpct(&g->r, 50) ? pick(g, PL_PETNAME) : pick(g, PL_NAME);
}

/* A comment (dialogue_comments), every word O. */
static void comment(gen_t *g)
{
    const char *c = dialogue_comments[rint_(&g->r, dialogue_ncomments)];
    int span = g->span;
    g->span = SP_O;
    render(g, c, c + strlen(c));
    g->span = span;
}

/* After a fact: a second fact about the same holder in the same clause ("I work as a
 * nurse [in Leeds]"), its value drawn for its own relation. */
static void continuation(gen_t *g, const dialogue_tmpl_t *t)
{
    const dialogue_t *d = g->d;
    for (int tries = 0; tries < 8 && d->ncont > 0; tries++) {
        const dialogue_tmpl_t *c = &dialogue_tmpls[d->cont[rint_(&g->r, d->ncont)]];
        if (c->rel == t->rel || !(c->hmask & g->hkind) || ((c->flags & DT_ZH) != 0) != g->zh)
            continue;
        g->rel = c->rel;
        if (c->rel == READER_REL_NAME)
            g->n = pick(g, PL_NAME);
        else
            g->v = value(g, c, g->cbuf, sizeof g->cbuf);
        if (!g->zh)
            put(g, ' ');
        render(g, c->t, c->t + strlen(c->t));
        return;
    }
}

static const char *pick_word(rng_t *r, const char *const *l)
{
    return l[rint_(r, list_len(l))];
}

int dialogue_pet_word(const char *w)
{
    int first = w ? tolower((unsigned char)w[0]) : 0;   /* (a cheap look first) */
    for (int i = 0; w && i < dw_npets; i++)
        if (tolower((unsigned char)dw_pets[i].word[0]) == first &&
            !strcasecmp(w, dw_pets[i].word))
            return 1;
    return 0;
}

/* A generator of (d, its seeded state s, pool), before its first clause. */
static void gen_init(gen_t *g, const dialogue_t *d, uint64_t s, int pool)
{
    g->d = d;
    g->r.s = s;
    rnext(&g->r);
    g->pool = pool;
    g->nm = 0;
}

/* g ready to write one clause of template t (zh: in Chinese; noname: no name told after
 * the holder): its text emptied, the holder and the words drawn. */
static void gen_begin(gen_t *g, const dialogue_tmpl_t *t, int zh, int noname)
{
    g->err = 0;
    g->zh = zh;
    g->len = 0;
    g->span = SP_O;
    g->segid = 0;
    g->hkind = pick_holder(g, t);
    g->noname = noname;
    g->rel = t->rel;
    choose_words(g, t);
}

/* The end of a clause as both generators write it: the tail, tidying, noise (not in
 * Chinese) and the words of template ti (t); 0 with out filled, -1 when it could not be
 * made (the caller tries again). */
static int finish(gen_t *g, const char *tail, const dialogue_tmpl_t *t, int ti,
                  dialogue_clause_t *out)
{
    if (tail) {
        if (tail[0] != ',' && tail[0] != '!' && tail[0] != '.')
            put(g, ' ');
        puts_(g, tail);
    }
    if (g->err)
        return -1;
    tidy(g);
    if (!g->zh)
        noise(g, rpct(&g->r, 20), 3,
              rpct(&g->r, 45) ? CASE_SENTENCE : rpct(&g->r, 40) ? CASE_WORDS : CASE_LOWER);
    g->text[g->len] = '\0';
    if (words(g, out) < 0 || out->n == 0)
        return -1;
    memcpy(out->text, g->text, g->len + 1);
    out->act = t->act;
    out->rel = t->rel;
    out->phrasing = ti;
    return 0;
}

int dialogue_clause(const dialogue_t *d, uint64_t seed, uint64_t idx, int pool,
                    dialogue_clause_t *out)
{
    if (!d || !out || (pool != DIALOGUE_TRAIN && pool != DIALOGUE_HELDOUT))
        return -1;
    gen_t g;
    gen_init(&g, d, seed * 0xD1B54A32D192ED03ull ^ (idx + 1) * 0x9E3779B97F4A7C15ull ^
                        (uint64_t)pool * 0x94D049BB133111EBull, pool);
    for (int attempt = 0; attempt < 16; attempt++) {
        int act = pick_act(&g.r);
        int zh = rpct(&g.r, 10) && d->nby_act[act][1] > 0;
        if (d->nby_act[act][zh] == 0)
            continue;
        int ti = d->by_act[act][zh][rint_(&g.r, d->nby_act[act][zh])];
        const dialogue_tmpl_t *t = &dialogue_tmpls[ti];
        gen_begin(&g, t, zh, (t->flags & DT_NONAME) != 0);
        if (g.err)
            continue;
        const char *tail = NULL;
        int q = (t->flags & DT_TAILQ) || act == READER_QUESTION || act == READER_YESNO ||
                act == READER_SUMMARY;
        if (!zh) {
            if (act == READER_FACT && rpct(&g.r, 7)) {
                puts_(&g, pick_word(&g.r, dw_chatter));
                put(&g, ' ');
            } else if (act != READER_SMALLTALK && rpct(&g.r, 8)) {
                comment(&g);
                puts_(&g, rpct(&g.r, 50) ? ", " : rpct(&g.r, 50) ? " so " : ". ");
            } else if (rpct(&g.r, 22)) {
                puts_(&g, pick_word(&g.r, dw_leadins));
                puts_(&g, rpct(&g.r, 30) ? ", " : " ");
            }
            if (rpct(&g.r, 15))
                tail = pick_word(&g.r, dw_tails);
        }
        if (act == READER_SMALLTALK && !zh && rpct(&g.r, 50)) {
            comment(&g);                /* small talk in people's own asides */
            if (rpct(&g.r, 30)) {
                puts_(&g, rpct(&g.r, 50) ? ", " : " ");
                comment(&g);
            }
        } else {
            render(&g, t->t, t->t + strlen(t->t));
        }
        if (act == READER_FACT) {
            int k = (t->flags & DT_GOES_ON) || rpct(&g.r, 35) ? 1 + rpct(&g.r, 25) : 0;
            for (int i = 0; i < k && !g.err; i++)
                continuation(&g, t);
        }
        if (!zh && act != READER_SMALLTALK && rpct(&g.r, act == READER_FACT ? 30 : 8)) {
            static const char *const joins[] = {", ", " - ", " and ", ". ", " so ", "! ", " "};
            puts_(&g, joins[rint_(&g.r, (int)(sizeof joins / sizeof joins[0]))]);
            comment(&g);
        }
        if (q && rpct(&g.r, 75))
            puts_(&g, zh ? (rpct(&g.r, 70) ? "？" : "?") : "?");
        else if (!q && rpct(&g.r, 25))
            puts_(&g, zh ? "。" : rpct(&g.r, 80) ? "." : "!");
        if (finish(&g, tail, t, ti, out) == 0)
            return 0;
    }
    return -1;
}

int dialogue_remark(const dialogue_t *d, uint64_t seed, uint64_t idx, int pool,
                    dialogue_clause_t *out)
{
    if (!d || !out || (pool != DIALOGUE_TRAIN && pool != DIALOGUE_HELDOUT))
        return -1;
    gen_t g;
    gen_init(&g, d, seed * 0xA0761D6478BD642Full ^ (idx + 1) * 0xE7037ED1A0B428DBull ^
                        (uint64_t)pool * 0x8EBC6AF09C88C6E3ull, pool);
    for (int attempt = 0; attempt < 16; attempt++) {
        int ti = rint_(&g.r, dialogue_nremarks);
        const dialogue_tmpl_t *t = &dialogue_remarks[ti];
        int zh = (t->flags & DT_ZH) != 0;
        gen_begin(&g, t, zh, 1);
        g.n = pick(&g, PL_NAME);        /* "my cousin $n is over from $v" */
        if (g.err)
            continue;
        const char *tail = NULL;
        if (!zh) {
            if (rpct(&g.r, 15)) {
                puts_(&g, pick_word(&g.r, dw_leadins));
                puts_(&g, rpct(&g.r, 30) ? ", " : " ");
            }
            if (rpct(&g.r, 15))
                tail = pick_word(&g.r, dw_tails);
        }
        render(&g, t->t, t->t + strlen(t->t));
        if (rpct(&g.r, 30))
            puts_(&g, zh ? "。" : rpct(&g.r, 60) ? "." : "!");
        if (finish(&g, tail, t, ti, out) == 0)
            return 0;
    }
    return -1;
}

/* realise.c: reply sentences (realise.h). One row per relation says how a fact of the
 * user ("you live in Leeds") and of someone of theirs ("your sister lives in Leeds") is
 * said, and how the thing asked about is named when it is not known ("where your sister
 * lives"). {H} is the holder ("your sister"), {P} its possessive ("your sister's"), {V}
 * the value, {A} "a" or "an" before the value, {R} an open relation's words. */
#include "agent/realise.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/kinds.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/reader.h"

typedef struct rel_say {
    const char *self, *other;           /* the fact */
    const char *self_noun, *other_noun; /* what is asked about */
} rel_say_t;

static const rel_say_t say[READER_NRELS] = {
    [READER_REL_OPEN] = {"your {R} is {V}", "{P} {R} is {V}", "your {R}", "{P} {R}"},
    [READER_REL_NAME] = {"your name is {V}", "{H} is called {V}", "your name", "{P} name"},
    [READER_REL_AGE] = {"you are {V}", "{H} is {V}", "your age", "{P} age"},
    [READER_REL_BIRTHDAY] = {"your birthday is {V}", "{P} birthday is {V}", "your birthday",
                             "{P} birthday"},
    [READER_REL_HOME] = {"you live in {V}", "{H} lives in {V}", "where you live",
                         "where {H} lives"},
    [READER_REL_HOMETOWN] = {"you are from {V}", "{H} is from {V}", "where you are from",
                             "where {H} is from"},
    [READER_REL_JOB] = {"you work as {A} {V}", "{H} works as {A} {V}", "your job", "{P} job"},
    [READER_REL_EMPLOYER] = {"you work at {V}", "{H} works at {V}", "where you work",
                             "where {H} works"},
    [READER_REL_WORKPLACE] = {"you work {W}", "{H} works {W}", "where you work",
                              "where {H} works"},
    [READER_REL_SCHOOL] = {"you study at {V}", "{H} studies at {V}", "where you study",
                           "where {H} studies"},
    [READER_REL_KIND] = {"you are {A} {V}", "{H} is {A} {V}", "what you are", "what {H} is"},
    [READER_REL_HOBBY] = {"you like {V}", "{H} likes {V}", "your hobbies", "{P} hobbies"},
    [READER_REL_LIKES] = {"you like {V}", "{H} likes {V}", "what you like", "what {H} likes"},
    [READER_REL_ALLERGY] = {"you are allergic to {V}", "{H} is allergic to {V}",
                            "your allergies", "{P} allergies"},
    [READER_REL_LANGUAGE] = {"you speak {V}", "{H} speaks {V}", "which languages you speak",
                             "which languages {H} speaks"},
    [READER_REL_DIET] = {"you are {V}", "{H} is {V}", "your diet", "{P} diet"},
    [READER_REL_OWNS] = {"you have {A} {V}", "{H} has {A} {V}", "what you have",
                         "what {H} has"},
};

/* A bounded writer: what does not fit is dropped, buf stays terminated. */
typedef struct out {
    char *buf;
    size_t len, at;
} out_t;

static void put(out_t *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n && o->at + 1 < o->len; i++) o->buf[o->at++] = s[i];
    if (o->len) o->buf[o->at < o->len ? o->at : o->len - 1] = '\0';
}

static void puts_(out_t *o, const char *s) { put(o, s, strlen(s)); }

static void putf(out_t *o, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    puts_(o, tmp);
}

static int is_self(const realise_frame_t *f)
{
    return !f->holder || !*f->holder || strcmp(f->holder, "self") == 0;
}

static const char *article(const char *v)
{
    if (!v || !strncmp(v, "a ", 2) || !strncmp(v, "an ", 3) || !strncmp(v, "the ", 4))
        return "";
    if (islower((unsigned char)v[0]) && (realise_plural(v) || realise_plural_s(v)))
        return "";              /* "you have children", "you have two dogs" */
    if (understand_colour(v)) return "";        /* "Bo is white" */
    return strchr("aeiouAEIOU", v[0]) && v[0] ? "an" : "a";
}

int realise_place_noun(const char *word)
{
    static const char *const places[] = {
        "shop", "store", "bank", "cafe", "café", "bakery", "factory", "warehouse",
        "restaurant", "pub", "bar", "hotel", "hospital", "office", "garage", "salon",
        "studio", "lab", "library", "gym", "farm", "clinic", "surgery", "pharmacy",
        "nursery", "centre", "center", "agency", "firm", "company", "depot", "plant",
        "mill", "site", "yard", "supermarket", "market", "kitchen", "school", "college", NULL};
    for (int i = 0; word && places[i]; i++)
        if (!strcasecmp(word, places[i])) return 1;
    return 0;
}

int realise_plural_s(const char *word)
{
    size_t n = word ? strlen(word) : 0;
    return n > 3 && word[n - 1] == 's' && word[n - 2] != 's' && word[n - 2] != 'u';
}

int realise_plural(const char *holder)
{
    static const char *const words[] = {"children", "kids", "parents", "grandparents",
                                        "grandchildren", "grandkids", "stepchildren",
                                        "family", "people", NULL};
    for (int i = 0; holder && words[i]; i++)
        if (!strcmp(holder, words[i])) return 1;
    return realise_plural_s(holder);
}
/* 1 when a holder key is someone's name (keyed with a capital, facts.h), not a word. */
static int named(const char *holder)
{
    return holder && isupper((unsigned char)holder[0]);
}

/* The possessive of a holder left a pronoun ("he": "his"), or NULL for any other. */
static const char *pronoun_of(const char *holder)
{
    static const char *const of[][2] = {{"he", "his"}, {"she", "her"}, {"they", "their"}};
    for (size_t i = 0; holder && i < sizeof of / sizeof of[0]; i++)
        if (!strcmp(holder, of[i][0])) return of[i][1];
    return NULL;
}

/* A holder keyed as kin of kin ("sister wife", "brother boat") as it is said: "sister's
 * wife" into buf; any other as it is ("twin brother", "mother in law"). */
static const char *whose_of_whom(const char *holder, char *buf, size_t cap)
{
    static const char *const kin[] = {"mother", "father", "sister", "brother", "son",
                                      "daughter", "wife", "husband", "partner", "boyfriend",
                                      "girlfriend", "friend", "boss", "aunt", "uncle", "cousin",
                                      "niece", "nephew", "grandmother", "grandfather",
                                      "flatmate", "colleague", "neighbour", "grandson",
                                      "granddaughter", "fiance", "fiancee", NULL};
    const char *sp = holder ? strchr(holder, ' ') : NULL;
    if (!sp || strchr(sp + 1, ' ') || !strcmp(sp + 1, "law")) return holder;
    for (int i = 0; kin[i]; i++)
        if (strlen(kin[i]) == (size_t)(sp - holder) && !strncmp(holder, kin[i], strlen(kin[i]))) {
            snprintf(buf, cap, "%.*s's %s", (int)(sp - holder), holder, sp + 1);
            return buf;
        }
    return holder;
}

/* 1 when value is a number in Chinese numerals only (八, 十二, 七十二), no 岁 after it. */
static int zh_number(const char *value)
{
    static const char *const digits = "零一二两三四五六七八九十百";
    if (!*value) return 0;
    for (const char *p = value; *p; p += 3) {
        if ((unsigned char)p[0] < 0xE0 || !p[1] || !p[2]) return 0;
        char ch[4] = {p[0], p[1], p[2], 0};
        if (!strstr(digits, ch)) return 0;
    }
    return 1;
}

/* Writes pattern with the frame's parts in place; an empty {A} takes its space along. */
static void fill(out_t *o, const char *pat, const realise_frame_t *f)
{
    char whose[128];
    for (const char *p = pat; *p;) {
        if (p[0] == '{' && p[1] && p[2] == '}') {
            switch (p[1]) {
            case 'H':                   /* "your sister"; someone keyed by name: "Kwame";
                                         * a pronoun no one was found for: "he" */
                putf(o, named(f->holder) || pronoun_of(f->holder) ? "%s" : "your %s",
                     whose_of_whom(f->holder, whose, sizeof whose));
                break;
            case 'P':                   /* "your sister's", "your boss's", "your cats'",
                                         * "his" */
                if (pronoun_of(f->holder)) {
                    puts_(o, pronoun_of(f->holder));
                    break;
                }
                putf(o, named(f->holder)               ? "%s's"
                        : realise_plural_s(f->holder) ? "your %s'"
                                                      : "your %s's",
                     whose_of_whom(f->holder, whose, sizeof whose));
                break;
            case 'V':
                puts_(o, f->value ? f->value : "");
                if (f->rel == READER_REL_AGE && f->value && zh_number(f->value))
                    puts_(o, "岁");        /* ("八" told as 八岁: "is 八岁") */
                break;
            case 'K': {                 /* "children"; one of them: "cat" of "cats" */
                const char *k = f->holder ? f->holder : "";
                size_t kl = strlen(k);
                int one = f->value && (!strcmp(f->value, "1") || !strcasecmp(f->value, "one"));
                char y[64];                 /* "puppies": "puppy"; "beagles": "beagle" */
                snprintf(y, sizeof y, "%.*sy", kl > 3 ? (int)(kl - 3) : 0, k);
                int ies = kl > 4 && !strcmp(k + kl - 3, "ies") && dialogue_pet_word(y);
                if (one && ies) puts_(o, y);
                else if (one && kl > 1 && k[kl - 1] == 's' && strcmp(k, "children") != 0)
                    put(o, k, kl - 1);
                else
                    puts_(o, k);
                break;
            }
            case 'W': {                 /* where one works: "in Leeds", "in a flower shop",
                                         * "from home" */
                const char *v = f->value ? f->value : "";
                const char *last = strrchr(v, ' ') ? strrchr(v, ' ') + 1 : v;
                if (!strcasecmp(v, "home"))
                    puts_(o, "from home");
                else if (islower((unsigned char)v[0]) && realise_place_noun(last) &&
                         *article(v))
                    putf(o, "in %s %s", article(v), v);
                else
                    putf(o, "in %s", v);
                break;
            }
            case 'R': puts_(o, f->relation ? f->relation : ""); break;
            case 'A': {
                const char *a = article(f->value);
                puts_(o, a);
                if (!*a && p[3] == ' ') p++;
                break;
            }
            }
            p += 3;
        } else {
            put(o, p++, 1);
        }
    }
}

/* An open relation with no words to say it by ("my commute's 40 minutes" read without
 * a relation): said of its holder alone. */
static const rel_say_t wordless = {"that is {V}", "{H} is {V}", "that about you",
                                   "that about {H}"};

/* Open relations keyed by a verb, said with it ("you study law", not "your studying is
 * law"), found by the stem of the one-word key. */
static const struct {
    const char *stem;
    rel_say_t say;
} verb_keyed[] = {
    {"studi", {"you study {V}", "{H} studies {V}", "what you study", "what {H} studies"}},
    {"teach", {"you teach {V}", "{H} teaches {V}", "what you teach", "what {H} teaches"}},
    {"coach", {"you coach {V}", "{H} coaches {V}", "what you coach", "what {H} coaches"}},
    {"train", {"you train {V}", "{H} trains {V}", "what you train", "what {H} trains"}},
    {"manag", {"you manage {V}", "{H} manages {V}", "what you manage", "what {H} manages"}},
    {"learn", {"you're learning {V}", "{H} is learning {V}", "what you're learning",
               "what {H} is learning"}},
    {"support", {"you support {V}", "{H} supports {V}", "which team you support",
                 "which team {H} supports"}},
    {"trip", {"you're going to {V}", "{H} is going to {V}", "where you're going",
              "where {H} is going"}},
    {"visit", {"you're visiting {V}", "{H} is visiting {V}", "when you're visiting",
               "when {H} is visiting"}},
    {"dislik", {"you don't like {V}", "{H} doesn't like {V}", "what you don't like",
                "what {H} doesn't like"}},
    {REALISE_COUNT, {"you have {V}", "you have {V} {K}", "how many you have",
                        "how many {K} you have"}},
};

/* What one wants to become, said so. */
static const rel_say_t wanting = {"you want to be {V}", "{H} wants to be {V}",
                                  "what you want to be", "what {H} wants to be"};

/* Open relations of a verb and "for" ("training for"), said with them. */
static const rel_say_t aiming = {"you're {R} {V}", "{H} is {R} {V}", "what you're {R}",
                                 "what {H} is {R}"};

/* A job told as the field one works in ("I do marketing"), said so. */
static const rel_say_t in_field = {"you work in {V}", "{H} works in {V}", "your job",
                                   "{P} job"};

/* A job told as what one has been doing ("driving trucks"), said so. */
static const rel_say_t doing = {"you've been {V}", "{H} has been {V}", "your job", "{P} job"};

/* A job that is none now ("retired", "unemployed"), said as what one is. */
static const rel_say_t no_work = {"you are {V}", "{H} is {V}", "your job", "{P} job"};

static const rel_say_t *say_of(const realise_frame_t *f)
{
    if (f->rel == READER_REL_OPEN && (!f->relation || !*f->relation)) return &wordless;
    static const char *const none[] = {"retired", "unemployed", "jobless", NULL};
    if (f->rel == READER_REL_JOB && f->value && understand_in_list(none, f->value))
        return &no_work;
    if (f->rel == READER_REL_JOB && f->value && !strchr(f->value, ' ') &&
        understand_field(f->value, UNDERSTAND_FIELD_WORK))
        return &in_field;
    size_t first = f->rel == READER_REL_JOB && f->value ? strcspn(f->value, " ") : 0;
    const char *last = first ? strrchr(f->value, ' ') + 1 : NULL;     /* ("nursing student"
                                                                      * is one) */
    if (first > 4 && f->value[first] == ' ' && !strncmp(f->value + first - 3, "ing", 3) &&
        !kinds_person(last))
        return &doing;
    size_t rl = f->relation ? strlen(f->relation) : 0;
    if (f->rel == READER_REL_OPEN && rl > 4 && !strcmp(f->relation + rl - 4, " for"))
        return &aiming;
    if (f->rel == READER_REL_OPEN && !strcmp(f->relation, REALISE_WANTS_TO_BE)) return &wanting;
    if (f->rel == READER_REL_OPEN && !strchr(f->relation, ' ')) {
        char stem[64];
        lex_stem(f->relation, stem, sizeof stem);
        for (size_t i = 0; i < sizeof verb_keyed / sizeof verb_keyed[0]; i++)
            if (!strcmp(stem, verb_keyed[i].stem)) return &verb_keyed[i].say;
    }
    return f->rel > 0 && f->rel < READER_NRELS ? &say[f->rel] : &say[READER_REL_OPEN];
}

/* pat with its verbs agreeing with a plural holder: "{H} is called {V}" -> "{H} are
 * called {V}", "{H} lives in {V}" -> "{H} live in {V}". */
static void plural(const char *pat, char *out, size_t n)
{
    static const char *const verb[][2] = {{"is", "are"},      {"lives", "live"},
                                          {"works", "work"},  {"studies", "study"},
                                          {"likes", "like"},  {"speaks", "speak"},
                                          {"has", "have"}};
    out_t o = {out, n, 0};
    puts_(&o, "");
    for (const char *p = pat; *p;) {
        size_t w = strcspn(p, " ");
        const char *said = NULL;
        for (size_t i = 0; i < sizeof verb / sizeof verb[0] && !said; i++)
            if (strlen(verb[i][0]) == w && !strncmp(p, verb[i][0], w)) said = verb[i][1];
        if (said)
            puts_(&o, said);
        else
            put(&o, p, w);
        p += w;
        if (*p) put(&o, p++, 1);
    }
}

/* The fact's clause, lower case: "your sister is called Odile", "your sisters are
 * called Ana and Bea". */
static void clause(out_t *o, const realise_frame_t *f)
{
    const rel_say_t *s = say_of(f);
    const char *last = f->relation ? strrchr(f->relation, ' ') : NULL;
    last = last ? last + 1 : f->relation;
    if (is_self(f) && f->rel == READER_REL_OPEN && realise_plural_s(last) &&
        !strcmp(s->self, "your {R} is {V}")) {
        fill(o, "your {R} are {V}", f);     /* "your favourite flowers are tulips" */
    } else if (is_self(f)) {
        fill(o, s->self, f);
    } else if (!named(f->holder) && realise_plural(f->holder) &&
               !strncmp(s->other, "{H} ", 4)) {     /* the holder is the subject */
        char pat[128];
        plural(s->other, pat, sizeof pat);
        fill(o, pat, f);
    } else {
        fill(o, s->other, f);
    }
}

/* Frames told of the same holder and relation said once with their values joined
 * ("your sisters are called Ana and Bea"): fills g[] (at most n, pointing into f and
 * vals) and returns how many. */
#define REALISE_GROUP_MAX 32

static int same_frame(const realise_frame_t *a, const realise_frame_t *b)
{
    return a->rel == b->rel && a->holder && b->holder && !strcmp(a->holder, b->holder) &&
           !strcmp(a->relation ? a->relation : "", b->relation ? b->relation : "");
}

static int group(const realise_frame_t *f, int n, realise_frame_t *g,
                 char (*vals)[256])
{
    int ng = 0;
    for (int i = 0; i < n && ng < REALISE_GROUP_MAX; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++) seen = same_frame(&f[j], &f[i]);
        if (seen) continue;
        out_t o = {vals[ng], 256, 0};
        puts_(&o, "");
        int k = 0, of = 0;
        for (int j = i; j < n; j++) of += same_frame(&f[j], &f[i]);
        for (int j = i; j < n; j++) {  /* "Ed, Fin and Gus" */
            if (!same_frame(&f[j], &f[i])) continue;
            if (k++) puts_(&o, k == of ? " and " : ", ");
            puts_(&o, f[j].value ? f[j].value : "");
        }
        g[ng] = f[i];
        g[ng].value = vals[ng];
        ng++;
    }
    return ng;
}

static void capitalise(char *buf, size_t from)
{
    if (buf[from]) buf[from] = (char)toupper((unsigned char)buf[from]);
}

char *realise_fact(char *buf, size_t len, const realise_frame_t *f, int n)
{
    out_t o = {buf, len, 0};
    puts_(&o, "");
    for (int i = 0; i < n; i++) {
        puts_(&o, i == 0 ? "" : i == n - 1 ? ", and " : ", ");
        clause(&o, &f[i]);
    }
    puts_(&o, ".");
    capitalise(buf, 0);
    return buf;
}

char *realise_only(char *buf, size_t len, const realise_frame_t *f)
{
    out_t o = {buf, len, 0};
    puts_(&o, "All I know is that ");
    clause(&o, f);
    puts_(&o, ".");
    return buf;
}

char *realise_ack(char *buf, size_t len, const realise_frame_t *f, int n)
{
    out_t o = {buf, len, 0};
    realise_frame_t g[REALISE_GROUP_MAX];
    char vals[REALISE_GROUP_MAX][256];
    n = group(f, n, g, vals);
    puts_(&o, "Got it");
    for (int i = 0; i < n; i++) {
        puts_(&o, i == 0 ? ": " : i == n - 1 ? ", and " : ", ");
        clause(&o, &g[i]);
    }
    puts_(&o, ".");
    return buf;
}

char *realise_yesno(char *buf, size_t len, int yes, const realise_frame_t *asked,
                    const realise_frame_t *known)
{
    out_t o = {buf, len, 0};
    puts_(&o, yes ? "Yes, " : "No, ");
    if (yes || known)
        clause(&o, yes ? (known ? known : asked) : known);
    else
        puts_(&o, "not as far as I know");
    puts_(&o, ".");
    return buf;
}

char *realise_ages(char *buf, size_t len, const char *name, const char *age, int older, int of,
                   int yes, const char *other, const char *other_age)
{
    /* (REALISE_YOU, the user: "you are 39") */
    const char *is = !strcmp(name, REALISE_YOU) ? "are" : "is";
    const char *other_is = other && !strcmp(other, REALISE_YOU) ? "are" : "is";
    if (other)
        snprintf(buf, len, "%s, %s %s %s and %s %s %s.", yes ? "Yes" : "No", name, is, age,
                 other, other_is, other_age);
    else if (older == 2)                /* (compare.h's COMPARE_MIDDLE) */
        snprintf(buf, len, "%s %s the middle one (%s).", name, is, age);
    else
        snprintf(buf, len, "%s%s %s %s%s (%s).", yes < 0 ? "" : yes ? "Yes, " : "No, ", name,
                 is, of > 2 ? "the " : "",
                 older ? (of > 2 ? "oldest" : "older") : (of > 2 ? "youngest" : "younger"), age);
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
    return buf;
}

char *realise_placed(char *buf, size_t len, const char *name, const char *place, int yes)
{
    snprintf(buf, len, "%s%s is your %s.", yes < 0 ? "" : yes ? "Yes, " : "No, ", name, place);
    return buf;
}

char *realise_count(char *buf, size_t len, const char *verb, const char *what,
                    const char *const *names, int n)
{
    out_t o = {buf, len, 0};
    char one[64];                       /* "1 child", "1 dog" */
    size_t wl = strlen(what);
    if (n == 1 && !strcmp(what, "children")) snprintf(one, sizeof one, "child");
    else if (n == 1 && wl > 1 && wl < sizeof one && what[wl - 1] == 's')
        snprintf(one, sizeof one, "%.*s", (int)(wl - 1), what);
    else snprintf(one, sizeof one, "%s", what);
    putf(&o, "You %s %d %s: ", verb, n, one);
    for (int i = 0; i < n; i++) {
        puts_(&o, i == 0 ? "" : i == n - 1 ? " and " : ", ");
        puts_(&o, names[i]);
    }
    puts_(&o, ".");
    return buf;
}

char *realise_one_of_us(char *buf, size_t len, const char *holder, const char *name)
{
    out_t o = {buf, len, 0};
    char kin[160];
    if (!holder) {
        puts_(&o, "You do.");
    } else if (named(holder) || !name) {
        putf(&o, "%s%s.", named(holder) ? "" : "Your ",
             named(holder) ? holder : whose_of_whom(holder, kin, sizeof kin));
    } else {
        putf(&o, "%s, your %s.", name, whose_of_whom(holder, kin, sizeof kin));
    }
    if (o.at && islower((unsigned char)buf[0])) buf[0] = (char)toupper((unsigned char)buf[0]);
    return buf;
}

char *realise_lives_with(char *buf, size_t len, const char *const *holders,
                         const char *const *names, int n)
{
    out_t o = {buf, len, 0};
    char kin[160];
    puts_(&o, "You live with ");
    for (int i = 0; i < n; i++) {
        puts_(&o, i == 0 ? "" : i == n - 1 ? " and " : ", ");
        putf(&o, "your %s", whose_of_whom(holders[i], kin, sizeof kin));
        if (names[i]) putf(&o, " %s", names[i]);
    }
    puts_(&o, ".");
    return buf;
}

char *realise_names(char *buf, size_t len, const char *what, const char *const *names,
                    int n)
{
    out_t o = {buf, len, 0};
    putf(&o, "Your %s are called ", what);
    for (int i = 0; i < n; i++) {
        puts_(&o, i == 0 ? "" : i == n - 1 ? " and " : ", ");
        puts_(&o, names[i]);
    }
    puts_(&o, ".");
    return buf;
}

char *realise_unknown(char *buf, size_t len, const realise_frame_t *f)
{
    out_t o = {buf, len, 0};
    const rel_say_t *s = say_of(f);
    puts_(&o, "I don't know ");
    if (is_self(f)) {
        fill(&o, s->self_noun, f);
    } else if (!named(f->holder) && realise_plural(f->holder) &&
               strstr(s->other_noun, " {H} ")) {        /* "where your parents live" */
        char pat[128];
        plural(s->other_noun, pat, sizeof pat);
        fill(&o, pat, f);
    } else {
        fill(&o, s->other_noun, f);
    }
    puts_(&o, " yet.");
    return buf;
}

char *realise_forgot(char *buf, size_t len, const realise_frame_t *f, int n)
{
    out_t o = {buf, len, 0};
    puts_(&o, "Done, I've forgotten ");
    if (!f || n == 0) {
        puts_(&o, "that.");
        return buf;
    }
    char said[8][128];          /* each said once ("where you work" of a firm and a town) */
    int ns = 0;
    for (int i = 0; i < n && ns < 8; i++) {
        const rel_say_t *s = say_of(&f[i]);
        out_t one = {said[ns], sizeof said[ns], 0};
        said[ns][0] = '\0';
        fill(&one, is_self(&f[i]) ? s->self_noun : s->other_noun, &f[i]);
        int again = 0;
        for (int j = 0; j < ns && !again; j++) again = !strcmp(said[j], said[ns]);
        if (!again) ns++;
    }
    for (int i = 0; i < ns; i++) {
        if (i) puts_(&o, i == ns - 1 ? " and " : ", ");
        puts_(&o, said[i]);
    }
    puts_(&o, ".");
    return buf;
}

char *realise_summary(char *buf, size_t len, const realise_frame_t *f, int n)
{
    out_t o = {buf, len, 0};
    if (n == 0) {
        puts_(&o, "You haven't told me anything about yourself yet.");
        return buf;
    }
    realise_frame_t g[REALISE_GROUP_MAX];
    char vals[REALISE_GROUP_MAX][256];
    n = group(f, n, g, vals);
    int one = g[0].holder && strcmp(g[0].holder, "self") != 0;   /* all of one of theirs */
    for (int i = 1; i < n && one; i++) one = g[i].holder && !strcmp(g[i].holder, g[0].holder);
    if (one) fill(&o, "Here's what I know about {H}: ", &g[0]);
    else puts_(&o, "Here's what I know about you: ");
    for (int i = 0; i < n; i++) {
        if (i) puts_(&o, "; ");
        clause(&o, &g[i]);
    }
    puts_(&o, ".");
    return buf;
}

char *realise_unable(char *buf, size_t len)
{
    snprintf(buf, len, "Sorry, I can't do that: I remember what you tell me and answer "
                       "questions about it.");
    return buf;
}

char *realise_quote(char *buf, size_t len, const char *text, size_t n, int verdict)
{
    const char *lead = verdict > 0 ? "Yes, you" : verdict < 0 ? "No, you" : "You";
    if (len) snprintf(buf, len, "%s told me: \"%.*s\".", lead, (int)n, text);
    return buf;
}

char *realise_quote_value(char *buf, size_t len, const char *value, const char *text, size_t n)
{
    if (len) snprintf(buf, len, "%s. You told me: \"%.*s\".", value, (int)n, text);
    if (len && buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');  /* "Four." */
    return buf;
}

char *realise_sentence(char *buf, size_t len, const char *text)
{
    size_t at = 0;
    if (!len) return buf;
    for (size_t i = 0; text[i] && at + 1 < len; i++) {
        char c = text[i];
        int word_i = c == 'i' && (i == 0 || text[i - 1] == ' ') &&
                     (text[i + 1] == '\0' || text[i + 1] == ' ' || text[i + 1] == '\'');
        if (word_i || (at == 0 && c >= 'a' && c <= 'z')) c = (char)(c - 'a' + 'A');
        buf[at++] = c;
    }
    while (at && buf[at - 1] == ' ') at--;
    if (at && !strchr(".!?)", buf[at - 1]) && (unsigned char)buf[at - 1] < 0x80 && at + 1 < len)
        buf[at++] = '.';
    buf[at] = '\0';
    return buf;
}

char *realise_once(char *reply)
{
    size_t starts[64], ends[64], n = 0, at = 0;
    int quoted = 0;
    for (size_t i = 0, b = 0; reply[i] && n < 64; i++) {   /* the sentences */
        quoted ^= reply[i] == '"';
        if (quoted || !strchr(".!?", reply[i]) || (reply[i + 1] && reply[i + 1] != ' ')) continue;
        starts[n] = b, ends[n++] = i + 1;
        b = i + 1;
        while (reply[b] == ' ') b++;
    }
    if (n < 2) return reply;
    size_t tail = ends[n - 1];          /* (what follows the last sentence stays) */
    for (size_t k = 0; k < n; k++) {
        int again = 0;
        for (size_t j = 0; j < k && !again; j++)
            again = ends[j] - starts[j] == ends[k] - starts[k] &&
                    !memcmp(reply + starts[j], reply + starts[k], ends[k] - starts[k]);
        if (again) continue;
        if (at) reply[at++] = ' ';
        memmove(reply + at, reply + starts[k], ends[k] - starts[k]);
        at += ends[k] - starts[k];
    }
    memmove(reply + at, reply + tail, strlen(reply + tail) + 1);
    return reply;
}

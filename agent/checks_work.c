/* checks_work.c: work and school (checks_internal.h): changes of job, firms and schools
 * told and asked, jobs said by their verbs. Phases of checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/lexical.h"
#include "model/reader.h"

/* 1 when a clause tells where one works or studies in words that say so ("I work at
 * ...", "started at ...", "a nurse at ...", "I'm at uni in ..."): the reader reads many an
 * "at X" or "in X" as a workplace ("go easy on the dessert ideas", "scans at the hospital
 * on Fridays"), which without such a word, or a job told before in the clause, is no fact. */
static int says_work_or_study(const char *clause, const understood_t *told, int i,
                              const understood_t *u)
{
    static const char *const words[] = {
        "work", "works", "working", "worked", "job", "jobs", "employed", "employer", "shift",
        "shifts", "office", "intern", "internship", "career", "boss", "colleague",
        "colleagues", "staff", "hired", "joined", "join", "start", "started", "starting",
        "starts", "teach", "teaches", "teaching", "taught", "run", "runs", "own", "owns",
        "manage", "manages", "managing", "based", "position", "role", "contract", "company",
        "firm", "business", "workplace", "employ", "employs", "hire", "hires",
        "volunteer", "volunteers", "volunteering", "trainee", "apprentice", "retired",
        "study", "studies", "studying", "studied", "student", "school", "uni", "university",
        "college", "course", "degree", "phd", "masters", "class", "classes", "grade",
        "semester", "enrolled", "attend", "attends", "attending", "pupil", "major",
        "majoring", "graduate", "graduated", "lecturer", "professor", "doing", "drives for",
        "drive for", "driving for", "delivers for", "deliver for", "delivering for",
        "rides for", "writes for", "freelance", "freelances", "freelancing", NULL};
    if (u->settled) return 1;           /* ("she's cooking at The Ivy now", forms.h) */
    for (int k = 0; words[k]; k++)
        if (facts_has_words(clause, words[k])) return 1;
    if (checks_moved_work(clause)) return 1;   /* "we shifted the bakery to Ely" */
    for (int k = 0; k < i; k++)         /* "a welder at the shipyard" */
        if (told[k].at == u->at && told[k].rel == READER_REL_JOB) return 1;
    return 0;
}

/* 1 when u's holder (one of the user's, not their name) is named only after "with my",
 * "with me" or "with our", after u's value, in a clause the user tells of themself ("I
 * drive a tram, live in Hull with my boyfriend Dario"): the value is the user's, the
 * one after "with" only lives or works beside them. */
static int lives_beside(const char *text, const understood_t *u)
{
    static const char *const whose_with[] = {"with my", "with me", "with our", NULL};
    if (!u->value[0] || u->rel == READER_REL_NAME || !understand_kin(u->holder) ||
        !(facts_has_words(text, "i") || facts_has_words(text, "i'm") ||
          facts_has_words(text, "im")))
        return 0;
    char first[UNDERSTAND_VALUE];       /* (or its first word: "drive a tram" of "tram
                                         * driver") */
    snprintf(first, sizeof first, "%s", u->value);
    first[strcspn(first, " ")] = '\0';
    const char *value = checks_word_at(text, u->value), *holder = checks_word_at(text, u->holder);
    if (!value) value = checks_word_at(text, first);
    if (!value || !holder || holder < value) return 0;
    for (int k = 0; whose_with[k]; k++) {
        char phrase[UNDERSTAND_KEY + 16];
        snprintf(phrase, sizeof phrase, "%s %s", whose_with[k], u->holder);
        const char *at = checks_word_at(text, phrase);
        if (at && at + strlen(whose_with[k]) + 1 == holder) return 1;
    }
    return 0;
}

/* 1 when a clause only wishes or wonders before its value ("we might move to Seville
 * some year", "I'd love to live in Rome"): a plan or a hope is not yet a fact ("birthday's
 * the 8th, if you wanna write it down" is one). */
int checks_hypothetical(const char *clause, const char *value)
{
    char text[512];
    snprintf(text, sizeof text, "%s", clause);
    size_t vn = strlen(value);
    for (char *p = text; vn && *p; p++)
        if (!strncasecmp(p, value, vn)) {
            *p = '\0';             /* only what comes before the value */
            break;
        }
    static const char *const words[] = {"might", "maybe", "perhaps", "someday", "wish",
                                        "hopefully", "if", "would", "i'd", "id", NULL};
    static const char *const phrases[] = {"one day", "thinking of", "thinking about",
                                          "hope to", "hopes to", "want to", "wants to",
                                          "wanted to", "wanna", "planning to",
                                          "could be", "sometimes i think", "dream of",
                                          "dreaming of", "when i retire", NULL};
    for (int i = 0; words[i]; i++)
        if (facts_has_words(text, words[i])) return 1;
    for (int i = 0; phrases[i]; i++)
        if (facts_has_words(text, phrases[i])) return 1;
    return 0;
}

int checks_asks_firm(const char *text)
{
    return facts_has_words(text, "company") || facts_has_words(text, "firm") ||
           facts_has_words(text, "employer");
}

/* Work and school: a change of job, whom one lives beside, hopes, schools, a student's
 * place, firms and schools asked, a firm or place said with no word of work or study. */
int checks_work_and_school(checks_clause_t *c, understood_t *u)
{
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    /* "Marisol's switched jobs, she's nursing at Kingsway Clinic now" read as chat or an
     * unsure fact: in a message of a change of job, a firm or a kind of person told is
     * the new one */
    static const char *const new_job[] = {"changed jobs", "changed job", "switched jobs",
                                          "new job", "job change", NULL};
    const char *last_word = strrchr(u->value, ' ') ? strrchr(u->value, ' ') + 1 : u->value;
    if ((u->act == READER_SMALLTALK || u->act == READER_FACT) && u->value[0] && u->holder[0] &&
        checks_holds_any(msg, new_job) &&
        ((u->rel == READER_REL_EMPLOYER && isupper((unsigned char)u->value[0])) ||
         (u->rel == READER_REL_JOB && kinds_person(last_word))) &&
        checks_fits(u->rel, u->holder, u->value)) {
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->personal = 1;
    }
    if (u->act == READER_FACT && lives_beside(text, u)) {
        /* "I fix bikes, live with my girlfriend Saskia": the bikes are not hers; what the
         * clause tells of her is her name, when one follows */
        const char *beside = strstr(text, u->holder);
        char beside_name[UNDERSTAND_VALUE] = "";
        if (beside) checks_word_after(beside + strlen(u->holder), beside_name, sizeof beside_name);
        const char *cap = beside_name[0] ? checks_word_at(beside, beside_name) : NULL;
        if (cap && isupper((unsigned char)*cap) && !lex_is_stopword(beside_name)) {
            char holder_copy[UNDERSTAND_KEY];
            snprintf(holder_copy, sizeof holder_copy, "%s", u->holder);
            snprintf(beside_name, sizeof beside_name, "%.*s", (int)strlen(beside_name), cap);
            checks_settle(u, READER_FACT, holder_copy, READER_REL_NAME, NULL, beside_name);
        } else {
            u->act = READER_SMALLTALK;
        }
    }
    if (u->act == READER_FACT && checks_hypothetical(text, u->value) &&
        strcmp(u->relation, REALISE_WANTS_TO_BE) != 0)
        u->act = READER_SMALLTALK;      /* a hope is not yet a fact */
    /* "our girl is in Grade 6 at Hazelbrook Academy" read as her home: a place that
     * ends in a word of a school is where one studies */
    static const char *const schools[] = {"school", "college", "academy", "university",
                                          "nursery", "kindergarten", "primary", "grammar",
                                          "high", "secondary", "preschool", "uni", NULL};
    const char *end_word = strrchr(u->value, ' ');
    /* (the user's own too, "I'm at Seaview High School now", from one who told no job
     * and says no word of work: a teacher works there) */
    static const char *const working[] = {"work", "works", "working", "worked", "teach",
                                          "teaches", "teaching", "job", "employed", "staff",
                                          NULL};
    int self_school = !strcmp(u->holder, "self") && !checks_holds_any(text, working) &&
                      !facts_find(c->f, "self", reader_rel_name(READER_REL_JOB), NULL) &&
                      u->rel != READER_REL_HOME;
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) &&
        (u->rel == READER_REL_HOME || u->rel == READER_REL_WORKPLACE ||
         u->rel == READER_REL_EMPLOYER) && end_word &&
        checks_in_words(schools, end_word + 1) && (strcmp(u->holder, "self") != 0 || self_school)) {
        u->rel = READER_REL_SCHOOL;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
    }
    /* "I'm a freshman at Carleton": the place where one who studies is (told with
     * it in the same clause) is their school */
    for (int k = 0; k < i && u->act == READER_FACT &&
                    (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE); k++) {
        const char *sw = strrchr(told[k].value, ' ');
        char learner[UNDERSTAND_KEY];
        snprintf(learner, sizeof learner, "%.63s", sw ? sw + 1 : told[k].value);
        for (char *p = learner; *p; p++) *p = (char)tolower((unsigned char)*p);
        const char *place = checks_word_at(text, u->value);
        char at_word[8] = "";           /* ("student at Carleton", not "in Lima") */
        if (place) checks_word_before(text, place, at_word, sizeof at_word);
        if (told[k].at == u->at && told[k].rel == READER_REL_JOB && !strcmp(at_word, "at") &&
            facts_same_holder(told[k].holder, u->holder) && understand_learner(learner)) {
            u->rel = READER_REL_SCHOOL;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
        }
    }
    /* "which firm do I work at?" read as a place of work: a question of a firm
     * asks the employer */
    if (u->act == READER_QUESTION && u->rel == READER_REL_WORKPLACE && checks_asks_firm(text)) {
        u->rel = READER_REL_EMPLOYER;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_EMPLOYER));
    }
    /* "what school does my nephew go to?": a question of a school asks where one
     * studies */
    if (u->act == READER_QUESTION && u->rel != READER_REL_SCHOOL &&
        (facts_has_words(text, "which school") || facts_has_words(text, "what school") ||
         facts_has_words(text, "school does") || facts_has_words(text, "attend") ||
         facts_has_words(text, "name of my school"))) {
        u->rel = READER_REL_SCHOOL;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
        u->value[0] = '\0';
    }
    /* "i'm at uni in Leeds yeah?" read as a place of work: where one studies */
    if (u->act == READER_YESNO && !strcmp(u->holder, "self") &&
        (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_EMPLOYER) &&
        (facts_has_words(text, "at uni") || facts_has_words(text, "at college") ||
         facts_has_words(text, "at school") || facts_has_words(text, "at university")) &&
        facts_find(c->f, "self", reader_rel_name(READER_REL_SCHOOL), NULL)) {
        u->rel = READER_REL_SCHOOL;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
    }
    if (u->act == READER_FACT && !checks_ideographs(text) &&
        (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE ||
         u->rel == READER_REL_SCHOOL) &&
        !says_work_or_study(text, told, i, u))
        u->act = READER_SMALLTALK;      /* "go easy on the dessert ideas" */
    return 0;
}

/* "i do web design for a charity", "I do the accounts for a garage" read with the
 * employer as the job or the work as a pastime: the one to three words between "I do"
 * and "for a/an/the" are the job (not "for fun", "for a living" says it already). Sets u
 * when so. */
static void do_for(const char *text, understood_t *u)
{
    static const char *const pastimes[] = {"fun", "exercise", "pleasure", "charity", "free",
                                           "living", "kicks", NULL};
    static const char *const articles[] = {"a", "an", "the", NULL};
    if (u->act != READER_FACT || strcmp(u->holder, "self") != 0 || !u->value[0] ||
        (u->rel != READER_REL_JOB && u->rel != READER_REL_HOBBY))
        return;
    char buf[256];
    const char *w[32];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 32);
    for (int k = 0; k + 4 < n; k++) {
        if (strcmp(w[k], "i") != 0 || strcmp(w[k + 1], "do") != 0) continue;
        int e = k + 2;
        while (e < n && e - (k + 2) < 4 && strcmp(w[e], "for") != 0) e++;
        if (e == k + 2 || e - (k + 2) > 3 || e + 2 >= n || strcmp(w[e], "for") != 0 ||
            !checks_in_words(articles, w[e + 1]) || checks_in_words(pastimes, w[e + 2]))
            return;
        const char *from = checks_word_at(text, w[k + 2]);
        const char *to = checks_word_at(from ? from : text, w[e - 1]);
        if (!from || !to) return;
        snprintf(u->value, sizeof u->value, "%.*s", (int)(to + strlen(w[e - 1]) - from), from);
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
        u->settled = 1;         /* (said in words of work, though no kind of person) */
        u->fact_min_p = 0;
        return;
    }
}

/* "I own a café in Leith called Crumbs" read with the town as the holder: the
 * user works at the business named after "called" (the employer), in the town after "in"
 * (the workplace). Sets u when so. */
static void run_called(const char *text, understood_t *u)
{
    static const char *const running[] = {"run", "own", "manage", "opened", "started", "have",
                                          "got", NULL};
    char buf[256];
    const char *w[32];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 32);
    int in = -1, called = -1, runs = 0;
    for (int k = 0; k + 1 < n; k++) {
        if (!strcmp(w[k], "i") && checks_in_words(running, w[k + 1])) runs = 1;
        if (runs && in < 0 && !strcmp(w[k], "in")) in = k;
        if (in >= 0 && called < 0 && (!strcmp(w[k], "called") || !strcmp(w[k], "named")))
            called = k;
    }
    if (!runs || in < 0 || called != in + 2 || called + 1 >= n || strcmp(u->holder, w[in + 1]))
        return;
    const char *place = checks_word_at(text, w[in + 1]);
    const char *name = checks_word_at(place ? place : text, w[called + 1]);
    if (!place || !name) return;
    size_t nl = strcspn(name, ",.;:!?");
    while (nl && name[nl - 1] == ' ') nl--;
    if (u->rel == READER_REL_NAME)
        checks_settle(u, READER_FACT, "self", READER_REL_EMPLOYER, NULL, "");
    else
        checks_settle(u, READER_FACT, "self", READER_REL_WORKPLACE, NULL, "");
    if (u->rel == READER_REL_EMPLOYER)
        snprintf(u->value, sizeof u->value, "%.*s", (int)nl, name);
    else
        snprintf(u->value, sizeof u->value, "%.*s", (int)strlen(w[in + 1]), place);
}

/* Jobs said by their verbs and by "a <person>" after a form of be. */
int checks_jobs_said(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *text = c->text;
    do_for(text, u);
    run_called(text, u);
    /* "what do I weave?", "what do we build for a living?" read as things had or a kind,
     * of one whose job is named for that verb: that job, asked by its verb */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") && u->rel != READER_REL_JOB) {
        static const char *const kept[] = {"do", "have", "like", "love", "eat", "drink", "study",
                                           "work", "live", "go", "support", "collect",
                                           "teach", "play", "drive", "own", "speak", "need",
                                           "want", "know", "think", "call", "mean", "say",
                                           "get", "got", "use", "ride", "fly", "read",
                                           "watch", "wear", NULL};
        char buf[256];
        const char *w[12];
        int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 12);
        int tail = n == 4 || (n == 5 && !strcmp(w[4], "again")) ||
                   (n == 7 && !strcmp(w[4], "for") && !strcmp(w[6], "living")) ||
                   (n == 6 && !strcmp(w[4], "at") && !strcmp(w[5], "work"));
        if (tail && !strcmp(w[0], "what") && (!strcmp(w[1], "do") || !strcmp(w[1], "did")) &&
            (!strcmp(w[2], "i") || !strcmp(w[2], "we")) && strlen(w[3]) > 2 &&
            !understand_in_list(kept, w[3]) && strcmp(u->relation, w[3]) != 0 &&
            facts_job_of_verb(f, "self", w[3])) {
            u->rel = READER_REL_OPEN;
            snprintf(u->relation, sizeof u->relation, "%s", w[3]);
            u->value[0] = '\0';
            u->personal = 1;
        }
    }
    /* "Greta finished the bridge job, she's been a welder nine years" read without a
     * value: a kind of person said after a form of be, of someone of the user's, is their
     * job */
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && u->rel == READER_REL_OPEN &&
        !u->relation[0] && strcmp(u->holder, "self") != 0 && checks_someone_word(u->holder) &&
        !checks_asks(text)) {
        static const char *const be[] = {"she's", "he's", "shes", "hes", "is", "been", "was",
                                         "became", "now", NULL};
        char buf[512];
        const char *w[64];
        int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
        for (int k = 1; k + 1 < n; k++) {
            if ((strcmp(w[k], "a") && strcmp(w[k], "an")) || !understand_in_list(be, w[k - 1]))
                continue;
            int e = k + 1;      /* one or two words, the last a kind of person */
            if (e + 1 < n && kinds_person(w[e + 1]) && !kinds_person(w[e])) e++;
            if (!kinds_person(w[e])) break;
            const char *from = checks_word_at(text, w[k + 1]);
            if (!from || checks_hypothetical(text, w[k + 1])) break;
            snprintf(u->value, sizeof u->value, "%.*s", (int)(checks_word_at(from, w[e]) - from +
                                                              (long)strlen(w[e])), from);
            u->act = READER_FACT;
            u->rel = READER_REL_JOB;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
            u->personal = 1;
            u->fact_min_p = 0;
            break;
        }
    }
    /* "he's finally a locksmith now" read as chat, of someone of the user's: a job
     * that is a kind of person, said as what they are, is theirs */
    const char *job_last = strrchr(u->value, ' ') ? strrchr(u->value, ' ') + 1 : u->value;
    if (u->act == READER_SMALLTALK && u->rel == READER_REL_JOB && u->value[0] &&
        strcmp(u->holder, "self") != 0 && checks_someone_word(u->holder) &&
        kinds_person(job_last) && checks_fits(u->rel, u->holder, u->value) &&
        checks_cued(u->rel, u->holder, u->value, text) && !checks_asks(text) &&
        !checks_hypothetical(text, u->value) && !lives_beside(text, u)) {
        u->act = READER_FACT;
        u->personal = 1;
        u->fact_min_p = 0;
    }
    return 0;
}

/* dialogue_internal.h: what the generator's files share (not a public header): the
 * template table (dialogue_grammar.c), the built-in word lists (dialogue_words.c) and
 * the pool numbers the engine (dialogue.c) builds from them and from WordNet. */
#ifndef MNEMO_MODEL_DIALOGUE_INTERNAL_H
#define MNEMO_MODEL_DIALOGUE_INTERNAL_H

/* Holder kinds a template accepts (bit mask). */
enum { DH_SELF = 1, DH_KIN = 2, DH_PET = 4, DH_CAR = 8, DH_ANY = 15 };

/* Template flags. */
enum {
    DT_NONAME = 1,      /* no appositive name after the holder ("my brother Tom") */
    DT_ZH = 2,          /* Chinese: no noise, no spaces added */
    DT_LIST = 4,        /* a list question over several holders ("which of my kids") */
    DT_TAILQ = 8,       /* a question: tails end it with "?" */
    DT_CONT = 16,       /* a continuation: a second fact about the same holder after a
                         * fact ("... as a nurse [in Leeds]"), never a clause alone */
    DT_IMPLIED = 32,    /* the user's fact told without a holder word, as people write
                         * when they introduce themselves ("Ingrid here", "nurse by
                         * trade"): the agent takes such a fact as the user's */
    DT_GOES_ON = 64,    /* a fact always followed by a continuation: a fragment that
                         * tells two things ("Roofer in Tartu", "nurse, 34") */
    DT_NOTES = 128,     /* a note ("van: 2012 transit", "my job?"): only in a generator
                         * made with DIALOGUE_NOTES */
};

/* Value pools a template may ask for instead of its relation's default. */
enum dialogue_vp {
    VP_DEFAULT = 0, VP_CITY, VP_COUNTRY, VP_STREET, VP_FOOD, VP_SPORT, VP_INSTR,
    VP_CARMAKE, VP_VEHICLE, VP_PHONE, VP_COLOUR, VP_NAME, VP_ZH_NAME, VP_ZH_CITY, VP_ZH_JOB,
    VP_ZH_ALLERGEN, VP_ZH_LANG, VP_ZH_DATE, VP_TEAM, VP_SUBJECT, VP_NVP
};

/* One phrasing. The text is a small language:
 *   literal text              tagged O
 *   {a|b|}                    one alternative, chosen at random (may be empty; nests)
 *   [T ...]                   a span tagged T: H holder, R relation, V value, D old
 *                             value, N holder's name (no nesting of spans)
 *   <x/y>                     x when the holder is the user, else y (verb agreement)
 *   @S @P @B @O               the holder as subject ("[H my sister]" / "[H i]"), as
 *                             possessive ("[H my sister's]" / "[H my]"), subject with
 *                             "be" ("[H i'm]", "[H my sister] is"), object ("[H me]")
 *   $k $p $c                  the holder's word: kin, pet, car ("sister", "dog")
 *   $v $o $n                  the value, the old value, a holder's name
 *   $m                        the name a holder is called by instead of "my sister"
 *                             ("[H $m] is a joiner" after "my brother is Gavin")
 *   $q                        the relation words of a favourite / an open relation
 *   $z                        a Chinese holder phrase word (妈妈, 猫 ...)
 */
typedef struct dialogue_tmpl {
    unsigned char act, rel, hmask, flags, vp;
    const char *t;
} dialogue_tmpl_t;

extern const dialogue_tmpl_t dialogue_tmpls[];
extern const int dialogue_ntmpls;
/* The remarks of dialogue_remark (dialogue_remarks.c): small talk of the day and news
 * of a lasting change, in the same language, every word O. */
extern const dialogue_tmpl_t dialogue_remarks[];
extern const int dialogue_nremarks;
/* Comments around a fact or alone as small talk (same language, all words O). */
extern const char *const dialogue_comments[];
extern const int dialogue_ncomments;

/* Built-in NULL-terminated word lists (dialogue_words.c). */
extern const char *const dw_names[];        /* first names */
extern const char *const dw_petnames[];
extern const char *const dw_surnames[];     /* for employers and schools */
extern const char *const dw_company_tails[];
extern const char *const dw_carmakes[];
extern const char *const dw_diets[];
extern const char *const dw_subjects[];
extern const char *const dw_allergens[];    /* beside WordNet foods */
extern const char *const dw_hobbies[];
extern const char *const dw_jobs[];        /* beside WordNet's occupations */
extern const char *const dw_zodiac[];
extern const char *const dw_streets[];      /* street kinds: road, lane ... */
extern const char *const dw_zh_names[];
extern const char *const dw_zh_surnames[], *const dw_zh_given[];
extern const char *const dw_zh_cities[];
extern const char *const dw_zh_jobs[];
extern const char *const dw_zh_allergens[];
extern const char *const dw_zh_langs[];
extern const char *const dw_zh_kin[];
extern const char *const dw_zh_pets[];
extern const char *const dw_leadins[];
extern const char *const dw_tails[];
extern const char *const dw_chatter[];      /* a sentence before a late fact */
extern const char *const dw_stopwords[];    /* WordNet lemmas never used as values */

/* Kin groups: the first word of each is shared by both pools (words everybody uses),
 * the others are split; wn_lemma/wn_sense add WordNet's synonyms (NULL: none). */
typedef struct dialogue_kin {
    const char *words[8];
    const char *wn_lemma;
    int wn_sense;
} dialogue_kin_t;
extern const dialogue_kin_t dw_kin[];
extern const int dw_nkin;

/* Pets: the holder word, its breed pool (0 none, 1 dog, 2 cat, 3 horse), shared or not. */
typedef struct dialogue_pet {
    const char *word;
    int breeds;
    int shared;
} dialogue_pet_t;
extern const dialogue_pet_t dw_pets[];
extern const int dw_npets;

/* Favourites and open relations: relation words and the pool their values come from
 * (enum dialogue_vp, or -1 for a built-in list of values). */
typedef struct dialogue_cat {
    const char *rel;
    int vp;
    const char *const *values;  /* when vp < 0 */
} dialogue_cat_t;
extern const dialogue_cat_t dw_likes[], dw_open[];
extern const int dw_nlikes, dw_nopen;

#endif

/* persona_words.h (private to model/): the tables behind the persona generator
 * (persona.c): value pools per class (two disjoint pools for open classes, one shared
 * list for the closed ones), the attributes a person tells about with their statement,
 * question and change phrasings, and the small-talk classes with their replies. */
#ifndef MNEMO_MODEL_PERSONA_WORDS_H
#define MNEMO_MODEL_PERSONA_WORDS_H

/* Value classes. PW_PERSON means "a female or a male name" (the generator picks). */
enum pw_class {
    PW_FEMALE, PW_MALE, PW_PERSON, PW_PET, PW_CITY, PW_JOB, PW_FOOD, PW_COMPANY, PW_CAR,
    PW_COLOUR, PW_MONTH, PW_SPORT, PW_NCLASS
};

typedef struct pw_list {
    const char *const *v;
    int n;
} pw_list_t;

/* One thing a person tells about. Phrasings are templates: "%s" is the value (written
 * capitalized when cap is set or when the template starts with it), "%a" is "a" or "an"
 * for it. change.n == 0: the fact never changes. */
typedef struct pw_attr {
    const char *name;
    int cls;
    int cap;
    pw_list_t say, ask, change;
} pw_attr_t;

/* When a small-talk class fits in a conversation. */
enum pw_when { PW_OPEN = 0, PW_MID = 1, PW_CLOSE = 2 };

typedef struct pw_chat {
    const char *reply;     /* at most 6 words, no comma */
    int when;              /* enum pw_when */
    pw_list_t says;
} pw_chat_t;

/* The rows of pw_attrs, in order. */
enum pw_attr_id {
    PA_NAME, PA_DOG, PA_CAT, PA_CITY, PA_JOB, PA_SISTER, PA_BROTHER, PA_PARTNER, PA_FRIEND,
    PA_COLOUR, PA_FOOD, PA_BIRTHDAY, PA_SPORT, PA_COMPANY, PA_CAR, PA_KIN, PA_ANIMAL, PA_NATTR
};

extern const pw_attr_t pw_attrs[PA_NATTR];
extern const pw_chat_t pw_chats[];
extern const int pw_nchats;

/* The values of cls (not PW_PERSON) in pool (enum persona_pool); the closed classes
 * (colours, months, sports) give the same list for both pools. */
pw_list_t pw_values(int cls, int pool);

/* The relation words a story's PA_KIN ("mother", "neighbour") or PA_ANIMAL ("parrot")
 * fact names ("%r" in its phrasings); the two pools share none, so held-out stories ask
 * about relations the model has never been told of. */
pw_list_t pw_relations(int attr, int pool);

#endif

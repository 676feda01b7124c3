/* reader.h: the part of the model that reads what a person says, one clause at a time:
 * the clause's dialogue act (a fact, a question, a correction, a forget request ...),
 * the kind of relation it is about, and a tag per word marking the frame: who the fact
 * is about (holder), the relation words, the value, the old value a correction replaces,
 * and a holder's name given in passing ("my brother Tom"), and the relation of each value
 * (a clause may tell several facts: "I work as a nurse in Leeds"). The decisions are a
 * trained network's (hashed character n-grams and word embeddings, a bidirectional GRU,
 * four softmax heads); the agent turns them into memory operations and replies.
 *
 * This header owns the names both layers must agree on: acts, relations and tags. */
#ifndef MNEMO_MODEL_READER_H
#define MNEMO_MODEL_READER_H

#include <stddef.h>
#include "model/gate.h"
#include "model/tokenizer.h"

/* What a clause does. */
enum reader_act {
    READER_FACT = 0,        /* tells a fact about the user or someone/something of theirs */
    READER_QUESTION,        /* asks for a value (wh-question, "who/which of ...") */
    READER_YESNO,           /* asks whether a fact holds */
    READER_CORRECTION,      /* replaces or ends a fact ("I meant X not Y", "not anymore") */
    READER_FORGET,          /* asks to forget something */
    READER_SUMMARY,         /* "what do you know about me?" */
    READER_SMALLTALK,       /* greeting, thanks, feelings, opinions, chit-chat */
    READER_UNABLE,          /* a request mnemo cannot do ("write me a poem") */
    READER_NACTS
};

/* The relation a clause is about. READER_REL_OPEN: none of the named ones; the relation
 * is the words tagged as relation ("favourite colour", "blood type"). */
enum reader_rel {
    READER_REL_OPEN = 0,
    READER_REL_NAME,        /* is called, 's name is */
    READER_REL_AGE,
    READER_REL_BIRTHDAY,
    READER_REL_HOME,        /* lives in, moved to, address */
    READER_REL_HOMETOWN,    /* is from, was born in, grew up in */
    READER_REL_JOB,         /* works as, is a (occupation) */
    READER_REL_EMPLOYER,    /* works at/for, joined (a company) */
    READER_REL_WORKPLACE,   /* works in (a town or place) */
    READER_REL_SCHOOL,      /* studies at/in */
    READER_REL_KIND,        /* what it is: breed, make, species ("my dog is a beagle") */
    READER_REL_HOBBY,       /* plays, likes doing */
    READER_REL_LIKES,       /* loves, likes, favourite (the thing liked) */
    READER_REL_ALLERGY,
    READER_REL_LANGUAGE,    /* speaks */
    READER_REL_DIET,        /* vegetarian, vegan ... */
    READER_REL_OWNS,        /* has, owns, drives (a car, a bike) */
    READER_NRELS
};

/* Per-word frame tags, BIO: B_ begins a span, I_ continues it. */
enum reader_tag {
    READER_O = 0,
    READER_B_HOLDER, READER_I_HOLDER,   /* "my sister", "our cat", "I" */
    READER_B_REL, READER_I_REL,         /* "is called", "works as", "moved to" */
    READER_B_VALUE, READER_I_VALUE,     /* "Odile", "New York", "golden retriever" */
    READER_B_OLD, READER_I_OLD,         /* the value a correction replaces: "not Lina" */
    READER_B_NAME, READER_I_NAME,       /* a holder's name in passing: "my brother Tom" */
    READER_NTAGS
};

/* Names for logs, JSON and tests: "fact", "question", ...; "open", "name", ...; "O",
 * "B-HOLDER", ... NULL when out of range. */
const char *reader_act_name(int act);
const char *reader_rel_name(int rel);
const char *reader_tag_name(int tag);
/* The value of a name above, or -1. */
int reader_act_parse(const char *name);
int reader_rel_parse(const char *name);
int reader_tag_parse(const char *name);

/* A trained reader (read-only after loading, shared by threads). */
typedef struct reader reader_t;

/* What the reader made of one clause of n words. */
typedef struct reader_out {
    int act;                /* enum reader_act */
    float act_p;            /* its probability (an ensemble's act is the one of highest
                             * mean probability, act_p its median member's probability) */
    int rel;                /* enum reader_rel */
    float rel_p;
    unsigned char *tags;    /* [n] enum reader_tag, owned by the caller (n bytes) */
    unsigned char *vrels;   /* [n] enum reader_rel of each word read as a value or old
                             * value (the clause's rel elsewhere); owned by the caller,
                             * may be NULL */
} reader_out_t;

/* The act probability below which a clause read as a fact is too unsure to keep as one
 * (the agent answers it as small talk): the 1st percentile of the act probability of the
 * held-out generated facts the reader read as facts, measured when it was trained and
 * kept in its section of the model file, but never above READER_FACT_MIN_P_V3 (that
 * percentile is the 12th of some 1,200 facts, and varies from 0.88 to 0.99 between
 * seeds; a fact read at 0.93 is kept). Readers of section version 3, before it was kept,
 * give READER_FACT_MIN_P_V3, what the shipped one of then measured. */
#define READER_FACT_MIN_P_V3 0.93f
float reader_fact_min_p(const reader_t *r);

/* The small-talk gate the reader carries (gate.h: how likely a clause is chat, and
 * the threshold from which the agent takes a clause read as a fact for small talk), or
 * NULL when its section has none (a reader trained before the gate, or without one). */
const gate_t *reader_gate(const reader_t *r);
/* Gives r (an ensemble: its first member) the gate g, owned from now on (NULL: none);
 * a gate it had is freed. reader_serialize then writes a gated section. */
void reader_set_gate(reader_t *r, gate_t *g);

/* Reads the clause words[0..n) (tokens of tok_split, lower-cased as it gives them);
 * caps [n] (tok_list_t.cap: the word was written with a capital) may be NULL (none was).
 * out->tags must hold n bytes. Returns 0, or a negative model_err (model.h) with err. */
int reader_read(const reader_t *r, const char *const *words, const unsigned char *caps, int n,
                reader_out_t *out, char *err, size_t errlen);

#endif

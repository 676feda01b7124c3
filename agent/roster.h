/* roster.h: a message that names several of the user's people or animals with their
 * ages one after another, as a list ("two hamsters, Pip who's 2 and Dot who is 1", "got
 * three kids: Ola's 9, Ben's 6, baby Kit 1", "sis Maja 30, bro Ivo 27"). Such a list is
 * read by its form: each item is cut as its own clause; a name and an age are that one's
 * name and age, one of the group the list follows and so the user's (understand.c); what
 * the clause says besides is left to the reader, as is a whole item led by its own kin
 * word ("my bro Ivo is 27"). Items led by the same kin word ("cousin Ilse 40, cousin
 * Rolf 38") are told by name, the cousins' names holding them. A list is two items at
 * least, after words of a group of the user's (a group word; or a count and a plural,
 * "three goats", with an age not right after every name) or each after a kin word. Pure:
 * text in, spans and items out; ASCII and Latin letters here, Chinese in roster_zh.c. */
#ifndef MNEMO_AGENT_ROSTER_H
#define MNEMO_AGENT_ROSTER_H

#include <stddef.h>
#include "agent/clauses.h"

enum { ROSTER_MAX = 8 };

/* An item of a list, as bytes of its message. */
typedef struct roster_span {
    size_t start;               /* where it begins ("my", a size word, a kin word, the name) */
    size_t name_b, name_e;      /* the name, without its "'s" */
    size_t kin_b, kin_e;        /* the kin word, kin_b == kin_e when none */
    size_t kind_b, kind_e;      /* the animal's kind said with it ("Rex the beagle", "the
                                 * kitten Fig"), kind_b == kind_e when none */
    size_t age_b, age_e;        /* the age as written */
    int bare;                   /* the age right after the name ("Kit 1", "Kit (1)") */
    int sized;                  /* led by a word of size ("my eldest Ivo", "the baby Kit") */
} roster_span_t;

/* A message's list, read once (roster_read) for the calls below. */
typedef struct roster {
    roster_span_t items[ROSTER_MAX];
    int n;                      /* 0 when the message holds no list */
    char group[32];             /* the holder key of the group the list follows, or "" */
} roster_t;

/* Reads the list msg holds into *r; returns how many items (0: none). */
int roster_read(const char *msg, roster_t *r);

/* The same of a list in Chinese ("家里俩狗，旺财5岁，豆豆才2岁"; roster_zh.c): an item is
 * an optional kin or animal word, a name of two or three ideographs and an age before
 * 岁 (kept with it: "5岁"), after a count and a group (俩狗, 三个孩子) or each led by its
 * kin word; an item led by its kin word is of that kin (its group the kin's key). */
int roster_zh_read(const char *msg, roster_t *r);

/* Cuts the clauses c[0..n) of msg (clauses_split's) where an item of r (msg's list)
 * begins inside one, keeping at most max clauses; returns the new count. */
int roster_cut(const char *msg, const roster_t *r, clause_span_t *c, int n, int max);

/* An item of a list as read: its name and age as written and the holder key of the
 * group it belongs to ("hamsters"; "" when the list said none), and what is left for the
 * reader to read: the rest of the clause after the age, with the name as its subject
 * ("Luis loves lego" of "Luis's 8 and loves lego"; "" when nothing is left), and the
 * animal's kind when the item said one ("Rex the beagle is 10"). When a kin
 * word leads the item ("bro Jonas 27") name, age and group are "" and the reader reads
 * the whole item as a sentence ("my bro Jonas is 27"). */
typedef struct roster_item {
    char name[32];
    char age[16];
    char group[32];
    char kind[32];              /* its kind as written ("beagle", "sheep dog"), or "" */
    char animal[32];            /* the animal the kind names ("dog"), or "" */
    char sentence[512];
} roster_item_t;

/* 1 with *out filled when msg[at, at + len) begins with an item of r (msg's list), else
 * 0. */
int roster_item(const char *msg, const roster_t *r, size_t at, size_t len, roster_item_t *out);

#endif

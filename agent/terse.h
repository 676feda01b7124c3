/* terse.h: a message written as notes, the sentences it stands for. Some people tell
 * about themselves in bare words between full stops and commas ("Hedda. 52. welder,
 * Narvik. dog Rufus, collie, 9."); the reader learnt sentences and reads such notes as
 * small talk or loses the place after the job. Each sentence made only of notes it knows
 * is written out one sentence a note: "My name is Hedda. I'm 52 years old. I'm a welder.
 * I live in Narvik. My dog is called Rufus. My dog is a collie. Rufus is 9." (a name as
 * "My name is", which the reader reads surely of any name; "I'm Desmond" it may take for
 * a state). Private to agent/:
 * turn.c's agent_chat writes every message through it after plain.h, before asking.h. No
 * allocation. */
#ifndef MNEMO_AGENT_TERSE_H
#define MNEMO_AGENT_TERSE_H

#include <stddef.h>

/* The bytes a message of len bytes may take written out, with its NUL: a note of one
 * byte ("9") becomes at most a name of the note's sentence and a dozen words. */
#define TERSE_ROOM(len) (24 * (len) + 64)

/* msg (NUL-terminated UTF-8) with each sentence of notes written out into out (cap
 * bytes with its NUL), when the message holds two notes or more and one of them tells an
 * age, a job or one of the user's own: the length written. 0 when it does not (out is
 * then not written; the caller reads msg as it is), or when a sentence of one or two
 * words in it is no note ("plumber. dundee."); -1 when it does not fit. A sentence that
 * asks ("?"), or that holds a part that is no note ("asleep on the sofa") before two
 * notes, one of them an age, a job or one of the user's own, is copied byte for byte;
 * after them, a rest that says "I", "my" ... or opens with where one is ("Noor, 26,
 * nurse, based in Leeds but ...") is a sentence of its own as written (any other rest
 * leaves the sentence as it is), and a greeting before them stays ("hey hey."). Notes,
 * split at commas and semicolons, each of four words at most, are of the user at each
 * sentence's start, else of the pet or person the sentence named:
 * - a name: a word with a capital opening the message (no word of greeting or answer,
 *   none in "-ing", "-ly" or "-ed"), "name X", "X here";
 * - an age: a number alone, or with "years" or "years old" (for the user, an age
 *   checks.h lets the user be);
 * - a diet ("vegan", eating.h);
 * - a job: words ending with a kind of person ("bus driver"), "in" or "at" a place
 *   may follow;
 * - a place: words with capitals after a name, an age or a job (the sentence before's
 *   last note when it was written out);
 * - one of the user's own: a pet or kin word and a name ("cat Misu", "Dog: Rex"), whom
 *   the sentence's later notes are of;
 * - a pet's kind ("husky mix", "tabby"). */
long terse_text(const char *msg, char *out, size_t cap);

#endif

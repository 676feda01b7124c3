/* asking.h: a request to be told something the user said, written as the question it
 * is, before the agent reads it: "please remind me of the names of my aunt and my
 * godson." is "what are the names of my aunt and my godson?", "name both my ferrets" is
 * "what are the names of both my ferrets?"; "what kind of rabbit do I have?" is "what
 * breed is my dog?"; "what's the gecko called, did I mention?" is "what's the gecko
 * called?"; "who am I married to?" is "who is my spouse?"; "what did I say I brew?" is
 * "what do I brew?"; "newt name + colour" is "what is my newt's name? what is my
 * newt's colour?" and "我舅舅叫什么，在哪儿干活？" is "我舅舅叫什么？我舅舅在哪儿干活？";
 * "remind me of my trade" is "what is my trade?", "vet name?" "what is my vet's name?",
 * and "... the name of the depot where I was foreman?" "which depot do I work at?".
 * The reader learnt questions that open with a question word; a
 * bidding verb at the front read as a statement ("Okay."). Private to agent/: turn.c's
 * agent_chat writes every message through it after plain.h. No allocation. */
#ifndef MNEMO_AGENT_ASKING_H
#define MNEMO_AGENT_ASKING_H

#include <stddef.h>

/* msg (NUL-terminated UTF-8) with each sentence that bids to be told a name written as
 * a question, into out (cap bytes with its NUL): the length written, or -1 when it does
 * not fit (out is then not a string; the caller reads msg as it is). Every other
 * sentence is copied byte for byte. */
long asking_text(const char *msg, char *out, size_t cap);

#endif

/* cmd_dialogue.c: `mnemo dialogue`: prints clauses of the dialogue generator
 * (model/dialogue.h), one a line: text, act, relation and the words with their tags,
 * so a person can read what the reader is trained on. No server is involved. */
#include "cli/cli.h"
#include "model/dialogue.h"
#include "model/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { O_N, O_SEED, O_POOL, O_WORDNET };

static const cli_opt_t dialogue_opts[] = {
    [O_N] = {"n", 'n', "N", "clauses to print (default 20)"},
    [O_SEED] = {"seed", 0, "S", "generator seed (default 1)"},
    [O_POOL] = {"pool", 0, "train|heldout", "word pools to draw from (default train)"},
    [O_WORDNET] = {"wordnet", 0, "DIR", "WordNet folder (default /usr/share/wordnet)"},
    {0},
};

static int run_dialogue(cli_ctx_t *ctx, const cli_args_t *a)
{
    (void)ctx;
    long n = 20, seed = 1;
    int pool = DIALOGUE_TRAIN;
    if (a->val[O_N] && (cli_parse_long("n", a->val[O_N], &n) < 0 || n < 0))
        return cli_usage_error("dialogue", "--n wants a count");
    if (a->val[O_SEED] && cli_parse_long("seed", a->val[O_SEED], &seed) < 0)
        return CLI_EXIT_USAGE;
    if (a->val[O_POOL]) {
        if (strcmp(a->val[O_POOL], "heldout") == 0)
            pool = DIALOGUE_HELDOUT;
        else if (strcmp(a->val[O_POOL], "train") != 0)
            return cli_usage_error("dialogue", "--pool is train or heldout");
    }
    char err[512];
    dialogue_t *d = dialogue_new(a->val[O_WORDNET], err, sizeof err);
    if (!d) {
        fprintf(stderr, "mnemo dialogue: %s\n", err);
        return CLI_EXIT_USAGE;
    }
    dialogue_clause_t *cl = malloc(sizeof *cl);
    if (!cl) {
        dialogue_free(d);
        fprintf(stderr, "mnemo dialogue: out of memory\n");
        return CLI_EXIT_USAGE;
    }
    for (long i = 0; i < n; i++) {
        if (dialogue_clause(d, (uint64_t)seed, (uint64_t)i, pool, cl) < 0)
            continue;
        printf("%s\t%s\t%s\t", cl->text, reader_act_name(cl->act), reader_rel_name(cl->rel));
        for (int w = 0; w < cl->n; w++) {
            int t = cl->tag[w];
            int valued = t == READER_B_VALUE || t == READER_I_VALUE || t == READER_B_OLD ||
                         t == READER_I_OLD;
            printf("%s%s/%s%s%s", w ? " " : "", cl->word[w], reader_tag_name(t),
                   valued ? ":" : "", valued ? reader_rel_name(cl->vrel[w]) : "");
        }
        putchar('\n');
    }
    free(cl);
    dialogue_free(d);
    return CLI_EXIT_OK;
}

const cli_cmd_t cli_cmd_dialogue = {
    "dialogue", "", "print labelled clauses of the dialogue generator (text, act, "
    "relation, word/TAG)", dialogue_opts, 0, 0, run_dialogue,
};

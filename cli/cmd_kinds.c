/* cmd_kinds.c: `mnemo kinds`: the kinds of the animals people keep, from WordNet
 * (model/lexicon.h), one "kind<TAB>animal" a line, sorted: every lemma below dog, cat,
 * horse, rabbit and parrot ("beagle\tdog"), and a few breeds WordNet lacks ("cockapoo").
 * scripts/gen-kinds.sh turns the list into agent/kinds_table.inc, the table the agent
 * reads a breed by ("a beagle called Pretzel" is a dog). With --people, the kinds of
 * person instead: every lower-case one-word lemma below person ("welder", "cellist"),
 * one a line, sorted, which the agent tells a job from the other words a reading took
 * for one by (agent/people_table.inc). With --sports, the sports of one or two words
 * below sport (and a few newer ones: "padel"), but words mostly meant otherwise ("a
 * round"), for agent/sports_table.inc. With --instruments, the musical instruments of
 * one or two words ("fiddle", "steel guitar"; and a few WordNet lacks: "veena"), for
 * agent/instruments_table.inc. With --foods, the foods of one or two words of the groups
 * diets and allergies keep people from ("brioche\tgluten", "scallop\tshellfish"), for
 * agent/foods_table.inc. No server is involved. */
#include "cli/cli.h"
#include "model/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

enum { O_WORDNET, O_PEOPLE, O_SPORTS, O_INSTRUMENTS, O_FOODS };

static const cli_opt_t kinds_opts[] = {
    [O_WORDNET] = {"wordnet", 0, "DIR", "WordNet folder (default /usr/share/wordnet)"},
    [O_PEOPLE] = {"people", 0, NULL, "print the one-word kinds of person instead"},
    [O_SPORTS] = {"sports", 0, NULL, "print the sports (of one or two words) instead"},
    [O_INSTRUMENTS] = {"instruments", 0, NULL,
                       "print the musical instruments (of one or two words) instead"},
    [O_FOODS] = {"foods", 0, NULL, "print the foods of the groups diets keep from (food<TAB>group) instead"},
    {0},
};

/* The animals, each by a WordNet noun sense and the word the agent keys it by. */
static const struct {
    const char *lemma, *animal;
} animals[] = {
    {"dog", "dog"}, {"domestic_cat", "cat"}, {"horse", "horse"}, {"rabbit", "rabbit"},
    {"parrot", "parrot"},
};

/* Breeds and crosses people keep that WordNet does not know (or knows only in another
 * sense: a lurcher is a sneak there), with the animal. */
static const struct {
    const char *kind, *animal;
} beyond_wordnet[] = {
    {"lurcher", "dog"}, {"cockapoo", "dog"}, {"labradoodle", "dog"}, {"goldendoodle", "dog"},
    {"cavapoo", "dog"}, {"cavachon", "dog"}, {"puggle", "dog"}, {"sprocker", "dog"},
    {"springador", "dog"}, {"jack russell", "dog"}, {"jack russell terrier", "dog"},
    {"staffy", "dog"}, {"staffie", "dog"}, {"staffordshire bull terrier", "dog"},
    {"shih tzu", "dog"}, {"shiba inu", "dog"}, {"akita", "dog"}, {"bichon frise", "dog"},
    {"bichon", "dog"}, {"westie", "dog"}, {"west highland terrier", "dog"},
    {"west highland white terrier", "dog"}, {"cavalier king charles spaniel", "dog"},
    {"cane corso", "dog"}, {"frenchie", "dog"}, {"sheepdog", "dog"}, {"pomsky", "dog"},
    {"shiba", "dog"}, {"cockerpoo", "dog"}, {"maltipoo", "dog"},
    {"maine coon", "cat"}, {"ragdoll", "cat"}, {"british shorthair", "cat"},
    {"british blue", "cat"}, {"bengal", "cat"}, {"sphynx", "cat"}, {"russian blue", "cat"},
    {"norwegian forest cat", "cat"}, {"scottish fold", "cat"}, {"birman", "cat"},
    {"devon rex", "cat"}, {"cornish rex", "cat"}, {"exotic shorthair", "cat"},
    {"savannah cat", "cat"}, {"ragamuffin", "cat"},
};

/* Lemmas below an animal that people more often mean otherwise ("my boxer", "my
 * charger", "my jumper", a colour): left out, so they stay what the reader read. */
static const char *const other_senses[] = {
    "barker", "boxer", "bow-wow", "charger", "cob", "cur", "doggie", "doggy", "hack",
    "hunter", "jumper", "mount", "pacer", "pointer", "pooch", "racer", "setter", "stepper",
    "toy", "trotter", "roadster", "mutt", "mongrel", "puppy", "pup", "kitten", "kitty",
    "pussy", "puss", "tom", "tomcat", "bunny", "foal", "pony", "gray", "grey", "bay",
    "chestnut", "roan", "sorrel", "dun", "pinto", "black", "white", NULL};

/* First words of a breed's name that are said of much else ("German shepherd": German
 * is a language, "Great Dane": great), so not kept as the breed alone. */
static const char *const place_words[] = {
    "american", "australian", "belgian", "chinese", "english", "french", "german", "great",
    "irish", "italian", "japanese", "mexican", "new", "norwegian", "old", "russian",
    "scotch", "scottish", "welsh", "african", "spanish", "dutch", "swiss", "greater",
    "lesser", "little", "standard", "toy", "miniature", "king", "saint", "st", NULL};

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Prints, sorted, the lemmas of one or two words below lemma (depth levels down) and the
 * newer words WordNet lacks, but those in other_uses; what names the sense in the error.
 * Frees lx. */
static int print_below(lexicon_t *lx, const char *lemma, int depth,
                       const char *const *newer, const char *const *other_uses,
                       const char *what)
{
    lexicon_words_t lines = {0};
    int rc = CLI_EXIT_OK;
    if (lexicon_collect(lx, lemma, 1, LEX_HYPONYMS | LEX_LOWER, depth, 2, &lines) < 0)
        rc = CLI_EXIT_USAGE;
    for (int i = 0; newer[i] && rc == CLI_EXIT_OK; i++)
        if (lexicon_words_add(&lines, newer[i]) < 0) rc = CLI_EXIT_USAGE;
    lexicon_words_uniq(&lines);
    qsort(lines.w, (size_t)lines.n, sizeof *lines.w, cmp_line);    /* strcmp order */
    for (int k = 0; rc == CLI_EXIT_OK && k < lines.n; k++) {
        int other = 0;
        for (int o = 0; other_uses[o] && !other; o++) other = !strcmp(lines.w[k], other_uses[o]);
        if (!other) printf("%s\n", lines.w[k]);
    }
    if (rc != CLI_EXIT_OK) fprintf(stderr, "mnemo kinds: WordNet has no %s sense\n", what);
    lexicon_words_free(&lines);
    lexicon_free(lx);
    return rc;
}

/* The groups of food that diets and allergies keep people from, each by the WordNet noun
 * senses below which its foods are, and foods people name that WordNet files elsewhere
 * or lacks. */
static const struct {
    const char *group;
    struct {
        const char *lemma;
        int sense;
    } below[4];
    const char *newer[12];
} food_groups[] = {
    {"meat", {{"meat", 1}, {"poultry", 2}}, {"chicken", "beef", "lamb", "bacon", "ham",
                                             "sausage", "salami", "chorizo", "pepperoni",
                                             "burger", "steak", "turkey"}},
    {"pork", {{"pork", 1}}, {"bacon", "ham", "pork chop", "chorizo", "pepperoni", "salami",
                             "prosciutto", "pancetta"}},
    {"fish", {{"fish", 2}}, {"salmon", "tuna", "cod", "sushi", "sashimi", "anchovies",
                             "sardines", "mackerel", "fish and chips"}},
    {"shellfish", {{"shellfish", 1}}, {"prawns", "shrimp", "scallops", "mussels", "oysters",
                                       "crab", "lobster", "clams", "crawfish", "crayfish"}},
    {"dairy", {{"dairy_product", 1}, {"milk", 1}, {"cheese", 1}},
     {"cheese", "milk", "butter", "cream", "yogurt", "yoghurt", "ice cream", "latte",
      "milkshake", "paneer", "ghee"}},
    {"egg", {{"egg", 2}}, {"eggs", "omelette", "omelet", "quiche", "mayo", "mayonnaise"}},
    {"gluten", {{"baked_goods", 1}, {"pasta", 2}, {"wheat", 2}, {"bread", 1}},
     {"bread", "pasta", "noodles", "beer", "couscous", "pizza", "flour", "barley", "rye",
      "toast", "bagel", "croissant"}},
    {"nut", {{"edible_nut", 1}}, {"peanuts", "peanut", "peanut butter", "almonds", "walnuts",
                                  "cashews", "pistachios", "hazelnuts", "pecans", "nutella"}},
    {"alcohol", {{"alcohol", 1}}, {"beer", "wine", "whisky", "whiskey", "vodka", "gin", "rum",
                                   "cider", "prosecco", "champagne", "sake", "tequila"}},
    {"honey", {{"honey", 1}}, {"honey"}},
};

/* Foods below those senses that people mostly mean otherwise ("my nan", "a porter", "a
 * rack", "a punch"): left out, so a question of eating them is none. */
static const char *const food_other_uses[] = {
    "nan", "baba", "danish", "cobbler", "kiss", "gem", "jumble", "snap", "puff", "sinker",
    "dodger", "twister", "dowdy", "napoleon", "patty", "crape", "pone", "chou", "steamer",
    "dog", "bird", "blade", "chop", "cut", "joint", "leg", "neck", "plate", "rack", "round",
    "side", "stick", "shoulder", "heart", "game", "halal", "hen", "jerk", "brain", "roast",
    "organs", "tongue", "rabbit", "frank", "brat", "cob", "quark", "bleu", "mullet", "smelt",
    "souse", "weenie", "fryer", "frier", "broiler", "roaster", "dove", "gobbet", "saddle",
    "chuck", "loin", "rump", "shank", "shin", "flat bone", "pin bone", "filet", "fillet",
    "fish steak", "bishop", "bitter", "bloody shame", "bootleg", "collins", "corn", "cup",
    "flip", "generic", "grasshopper", "lacing", "malt", "manhattan", "macon", "port",
    "porter", "punch", "rose", "sack", "screwdriver", "sidecar", "sling", "slug", "sour",
    "stinger", "suds", "swizzle", "vintage", "zombie", "zombi", "hock", "marc", "nipa",
    "negus", "pink lady", "old fashioned", "demerara", "varietal", "cordial", "scrag",
    "jumbal", "doughboy", "dog biscuit", "gigot", "plonk", "loaf", "liver", "hot cake", "bap", "mouton", "porc", "veau", "volaille", "poulet", "boeuf",
    "jambon", "huitre", "wafer", NULL};

/* Prints "food<TAB>group" for every food of one or two words below the senses of each
 * group in food_groups and its newer words, sorted; a food of two groups is printed
 * twice ("bacon": meat and pork). Frees lx. */
static int print_foods(lexicon_t *lx)
{
    lexicon_words_t lines = {0};
    int rc = CLI_EXIT_OK;
    for (size_t g = 0; g < sizeof food_groups / sizeof food_groups[0] && rc == CLI_EXIT_OK;
         g++) {
        lexicon_words_t w = {0};
        for (int b = 0; b < 4 && food_groups[g].below[b].lemma && rc == CLI_EXIT_OK; b++)
            if (lexicon_collect(lx, food_groups[g].below[b].lemma, food_groups[g].below[b].sense,
                                LEX_HYPONYMS | LEX_LOWER | LEX_KEEP_ROOT, 8, 2, &w) < 0)
                rc = CLI_EXIT_USAGE;
        for (int k = 0; k < 12 && food_groups[g].newer[k] && rc == CLI_EXIT_OK; k++)
            if (lexicon_words_add(&w, food_groups[g].newer[k]) < 0) rc = CLI_EXIT_USAGE;
        lexicon_words_uniq(&w);
        for (int k = 0; k < w.n && rc == CLI_EXIT_OK; k++) {
            int other = 0;
            for (int o = 0; food_other_uses[o] && !other; o++)
                other = !strcmp(w.w[k], food_other_uses[o]);
            if (other) continue;
            char line[256];
            snprintf(line, sizeof line, "%s\t%s", w.w[k], food_groups[g].group);
            if (lexicon_words_add(&lines, line) < 0) rc = CLI_EXIT_USAGE;
        }
        lexicon_words_free(&w);
    }
    if (rc == CLI_EXIT_OK) {
        qsort(lines.w, (size_t)lines.n, sizeof *lines.w, cmp_line);
        for (int k = 0; k < lines.n; k++) printf("%s\n", lines.w[k]);
    } else {
        fprintf(stderr, "mnemo kinds: WordNet has no such food sense, or out of memory\n");
    }
    lexicon_words_free(&lines);
    lexicon_free(lx);
    return rc;
}

static int run_kinds(cli_ctx_t *ctx, const cli_args_t *a)
{
    (void)ctx;
    char err[512];
    lexicon_t *lx = lexicon_load(a->val[O_WORDNET], err, sizeof err);
    if (!lx) {
        fprintf(stderr, "mnemo kinds: %s\n", err);
        return CLI_EXIT_USAGE;
    }
    lexicon_words_t lines = {0};
    int rc = CLI_EXIT_OK;
    if (a->val[O_SPORTS]) {
        /* sports people play that WordNet does not know */
        static const char *const newer[] = {"padel", "pickleball", "bouldering", "parkrun",
                                            "crossfit", "futsal", "ultimate frisbee",
                                            "netball", NULL};
        /* lemmas below sport that people more often mean otherwise ("a round", "a dip") */
        static const char *const other_uses[] = {
            "ball", "cast", "crab", "dip", "dive", "fight", "flip", "hunt", "plunge", "round",
            "row", "spar", "steal", "swim", "track", "troll", "singles", "doubles", "gainer",
            "floating", "jumping", "racing", "running", "riding", "casting", "overcast",
            "curvet", "bathe", "ducking", "sparring", "jackknife", "match play", "medal play",
            "hoops", "spin", "ballgame", "ball game", "day game", "night game", "team sport",
            "contact sport", "blood sport", "field game", "outdoor game", "outdoor sport",
            "spectator sport", "water sport", "court game", "athletic game", "perfect game",
            "no-hit game", "no-hitter", "one-hitter", "two-hitter", "three-hitter",
            "four-hitter", "five-hitter", "rope-a-dope", "flying mare", "in-fighting", NULL};
        return print_below(lx, "sport", 6, newer, other_uses, "sport");
    }
    if (a->val[O_FOODS]) return print_foods(lx);
    if (a->val[O_INSTRUMENTS]) {
        /* instruments people play that WordNet does not know */
        static const char *const newer[] = {"veena", "tabla", "oud", "erhu", "guzheng",
                                            "pipa", "dhol", "djembe", "cajon", "kalimba",
                                            "charango", "bouzouki", "darbuka", "ukelele",
                                            "keyboard", "keys", "bagpipes", "uilleann pipes",
                                            "steelpan", "steel pan", "mbira", "kora",
                                            "shamisen", "koto", NULL};
        /* lemmas below musical instrument that people more often mean otherwise */
        static const char *const other_uses[] = {
            "bass", "horn", "pipe", "organ", "drum", "bell", "chime", "gong", "triangle",
            "box", "grand", "upright", "bones", "spoons", "whistle", "siren", "buzzer",
            "calliope", "sax", "cornet", "clavier", "keyboard instrument", "wind",
            "wind instrument", "stringed instrument", "percussion instrument",
            "percussive instrument", "electronic instrument", "electronic musical instrument",
            "beater", "jew's harp", "tom-tom", "kettle", "wood", "string", "reed", "serpent",
            "trump", "sweet potato", "brass", "drone", "baritone", "flue", "snare",
            "diapason", "trigon", "vibes", "clappers", "musette", "pipework", "sourdine",
            "bourdon", "chanter", "melody pipe", "tabor", "tambour", "tympan", "gran casa",
            NULL};
        return print_below(lx, "musical_instrument", 8, newer, other_uses, "musical instrument");
    }
    if (a->val[O_PEOPLE]) {
        if (lexicon_collect(lx, "person", 1, LEX_HYPONYMS | LEX_LOWER, 12, 1, &lines) < 0)
            rc = CLI_EXIT_USAGE;
        lexicon_words_uniq(&lines);
        for (int k = 0; rc == CLI_EXIT_OK && k < lines.n; k++) printf("%s\n", lines.w[k]);
        if (rc != CLI_EXIT_OK) fprintf(stderr, "mnemo kinds: WordNet has no person sense\n");
        lexicon_words_free(&lines);
        lexicon_free(lx);
        return rc;
    }
    for (size_t i = 0; i < sizeof animals / sizeof animals[0] && rc == CLI_EXIT_OK; i++) {
        lexicon_words_t w = {0};
        if (lexicon_collect(lx, animals[i].lemma, 1, LEX_HYPONYMS, 8, 3, &w) < 0)
            rc = CLI_EXIT_USAGE;
        for (int k = 0; k < w.n && rc == CLI_EXIT_OK; k++) {
            char kind[200];
            snprintf(kind, sizeof kind, "%s", w.w[k]);
            /* "Siamese cat" is also said "siamese", "Labrador retriever" "labrador" */
            char *space = strchr(kind, ' ');
            int named = kind[0] >= 'A' && kind[0] <= 'Z';
            for (char *p = kind; *p; p++) *p = (char)tolower((unsigned char)*p);
            for (int both = 0; both < 2 && rc == CLI_EXIT_OK; both++) {
                if (both == 1) {
                    if (!named || !space || strchr(space + 1, ' ')) break;
                    *space = '\0';
                }
                int skip = 0;
                for (int o = 0; other_senses[o] && !skip; o++)
                    skip = !strcmp(kind, other_senses[o]);
                for (int o = 0; both && place_words[o] && !skip; o++)
                    skip = !strcmp(kind, place_words[o]);
                char line[256];
                snprintf(line, sizeof line, "%s\t%s", kind, animals[i].animal);
                if (!skip && lexicon_words_add(&lines, line) < 0) rc = CLI_EXIT_USAGE;
            }
        }
        lexicon_words_free(&w);
    }
    for (size_t i = 0; i < sizeof beyond_wordnet / sizeof beyond_wordnet[0] && rc == CLI_EXIT_OK;
         i++) {
        char line[256];
        snprintf(line, sizeof line, "%s\t%s", beyond_wordnet[i].kind, beyond_wordnet[i].animal);
        if (lexicon_words_add(&lines, line) < 0) rc = CLI_EXIT_USAGE;
    }
    if (rc == CLI_EXIT_OK) {
        qsort(lines.w, (size_t)lines.n, sizeof *lines.w, cmp_line);
        for (int k = 0; k < lines.n; k++)    /* a lemma under two animals: the first */
            if (k == 0 || strncmp(lines.w[k], lines.w[k - 1],
                                  (size_t)(strchr(lines.w[k], '\t') - lines.w[k]) + 1) != 0)
                printf("%s\n", lines.w[k]);
    } else {
        fprintf(stderr, "mnemo kinds: WordNet has no such sense, or out of memory\n");
    }
    lexicon_words_free(&lines);
    lexicon_free(lx);
    return rc;
}

const cli_cmd_t cli_cmd_kinds = {
    "kinds", "",
    "print the kinds of kept animals (kind<TAB>animal), of person, of sport, of musical instrument or of food from WordNet",
    kinds_opts, 0, 0, run_kinds,
};

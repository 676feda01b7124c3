/* persona_words.c: the words of the persona generator. Every value is one lower-case
 * ASCII word, so it is one token and one answer word; the open classes come in two
 * disjoint pools (A for training, B held out) and no word appears in two lists. */
#include "model/persona_words.h"

#include "model/persona.h"

#define LIST(a) { a, (int)(sizeof a / sizeof *a) }
#define NONE { 0, 0 }

/* ---- values ------------------------------------------------------------------------ */

static const char *const female_a[] = {
    "anna", "emma", "olivia", "sophia", "mia", "ella", "chloe", "grace", "lucy", "sarah",
    "laura", "julia", "clara", "nora", "hannah", "alice", "zoe", "lily", "ivy", "eva",
    "maria", "elena", "isabel", "diana", "helen", "rachel", "megan", "jessica", "emily",
    "kate", "beth", "fiona", "paula", "nina", "tina", "vera", "irene", "monica", "linda",
    "karen",
};
static const char *const female_b[] = {
    "amelia", "charlotte", "harper", "evelyn", "abigail", "scarlett", "aria", "layla",
    "naomi", "ruth", "esther", "miriam", "leah", "rebecca", "tara", "priya", "anika", "mei",
    "yuki", "ingrid", "astrid", "freya", "sigrid", "greta", "heidi", "petra", "katja",
    "olga", "tanya", "natasha", "ines", "lucia", "carmen", "pilar", "beatriz", "agnes",
    "wilma", "edith", "judith", "mabel",
};
static const char *const male_a[] = {
    "tom", "james", "john", "david", "michael", "peter", "paul", "mark", "luke", "adam",
    "daniel", "samuel", "thomas", "oliver", "harry", "george", "jacob", "noah", "liam",
    "ethan", "ryan", "kevin", "brian", "eric", "simon", "martin", "victor", "felix", "hugo",
    "leo", "carl", "frank", "henry", "louis", "arthur", "jonas", "patrick", "steven",
    "gary", "dennis",
};
static const char *const male_b[] = {
    "aaron", "benjamin", "caleb", "dylan", "elliot", "finn", "gavin", "isaac", "jasper",
    "kai", "lars", "magnus", "nils", "otto", "pablo", "quentin", "rafael", "tobias", "umar",
    "vikram", "wei", "xavier", "yusuf", "zane", "diego", "mateo", "hector", "ivan",
    "dmitri", "sergei", "andrei", "omar", "karim", "hamid", "ravi", "arjun", "kenji",
    "hiroshi", "stefan", "bjorn",
};
static const char *const pet_a[] = {
    "rex", "buddy", "bella", "luna", "daisy", "rocky", "bailey", "coco", "milo", "teddy",
    "biscuit", "shadow", "smokey", "whiskers", "mittens", "socks", "simba", "nala", "oreo",
    "peanut", "muffin", "cookie", "pickles", "rusty", "duke", "fluffy", "snowball",
    "patch", "benji", "lucky", "sparky", "toffee", "misty", "pippin", "bingo", "fido",
    "scruffy", "ziggy", "pumpkin", "sooty",
};
static const char *const pet_b[] = {
    "bruno", "zeus", "apollo", "thor", "loki", "odin", "juno", "nova", "pixel", "nugget",
    "pretzel", "noodle", "mochi", "tofu", "gizmo", "bandit", "ranger", "scout", "tucker",
    "murphy", "bentley", "hercules", "pebbles", "sprinkles", "fudge", "truffle",
    "marshmallow", "jellybean", "taco", "nacho", "dobby", "yoda", "chewie", "gandalf",
    "frodo", "bilbo", "merlin", "sherlock", "watson", "pluto",
};
static const char *const city_a[] = {
    "london", "paris", "berlin", "madrid", "rome", "vienna", "prague", "warsaw", "lisbon",
    "dublin", "oslo", "stockholm", "helsinki", "copenhagen", "amsterdam", "brussels",
    "zurich", "geneva", "munich", "hamburg", "milan", "naples", "barcelona", "seville",
    "valencia", "lyon", "marseille", "edinburgh", "glasgow", "manchester", "liverpool",
    "boston", "chicago", "seattle", "denver", "dallas", "houston", "toronto", "montreal",
    "sydney", "melbourne", "tokyo", "osaka", "seoul",
};
static const char *const city_b[] = {
    "bristol", "cardiff", "belfast", "leeds", "porto", "bordeaux", "toulouse", "florence",
    "venice", "bologna", "turin", "genoa", "palermo", "krakow", "riga", "tallinn",
    "vilnius", "budapest", "bucharest", "sofia", "belgrade", "zagreb", "athens",
    "istanbul", "ankara", "cairo", "lagos", "nairobi", "accra", "johannesburg", "lima",
    "bogota", "quito", "montevideo", "auckland", "wellington", "brisbane", "adelaide",
    "vancouver", "calgary", "ottawa", "winnipeg", "hanoi", "manila", "jakarta", "mumbai",
};
static const char *const job_a[] = {
    "nurse", "teacher", "doctor", "engineer", "lawyer", "chef", "baker", "pilot",
    "plumber", "electrician", "carpenter", "farmer", "dentist", "pharmacist", "architect",
    "accountant", "programmer", "designer", "journalist", "photographer", "librarian",
    "mechanic", "firefighter", "scientist", "banker", "cashier", "waiter", "barista",
    "butcher", "tailor", "painter", "musician",
};
static const char *const job_b[] = {
    "surgeon", "paramedic", "veterinarian", "therapist", "psychologist", "economist",
    "consultant", "secretary", "receptionist", "janitor", "gardener", "florist",
    "jeweler", "welder", "translator", "editor", "actor", "singer", "writer", "sculptor",
    "dancer", "astronomer", "geologist", "botanist", "chemist", "physicist", "biologist",
    "optician", "plasterer", "roofer", "locksmith", "blacksmith", "brewer",
};
static const char *const food_a[] = {
    "pizza", "pasta", "sushi", "curry", "tacos", "lasagna", "risotto", "paella", "ramen",
    "dumplings", "pancakes", "steak", "salmon", "soup", "chocolate", "cheesecake",
    "burritos", "kebab", "falafel", "hummus", "couscous", "goulash", "omelette", "nachos",
    "tiramisu",
};
static const char *const food_b[] = {
    "baklava", "moussaka", "schnitzel", "bratwurst", "gnocchi", "ravioli", "spaghetti",
    "pho", "bibimbap", "kimchi", "tempura", "udon", "biryani", "samosas", "pierogi",
    "croissants", "waffles", "crepes", "quiche", "fondue", "raclette", "burgers",
    "ceviche", "empanadas", "churros",
};
static const char *const company_a[] = {
    "google", "microsoft", "amazon", "ikea", "siemens", "nokia", "samsung", "sony",
    "intel", "ibm", "oracle", "adobe", "netflix", "spotify", "airbnb", "uber", "boeing",
    "nestle", "unilever", "bosch",
};
static const char *const company_b[] = {
    "airbus", "philips", "lego", "adidas", "nike", "puma", "hsbc", "barclays", "deloitte",
    "accenture", "pfizer", "novartis", "roche", "bayer", "basf", "disney", "walmart",
    "costco", "starbucks", "ericsson",
};
static const char *const car_a[] = {
    "toyota", "honda", "ford", "bmw", "audi", "volvo", "mazda", "kia", "nissan", "subaru",
    "fiat", "renault", "peugeot", "skoda", "hyundai",
};
static const char *const car_b[] = {
    "jeep", "porsche", "lexus", "citroen", "opel", "dacia", "chevrolet", "jaguar",
    "suzuki", "mitsubishi", "saab", "ferrari", "maserati", "cadillac", "lancia",
};
static const char *const colours[] = {
    "red", "blue", "green", "yellow", "orange", "purple", "pink", "black", "white", "grey",
    "brown", "turquoise",
};
static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
};
static const char *const sports[] = {
    "football", "tennis", "basketball", "golf", "rugby", "cricket", "hockey",
    "volleyball", "baseball", "badminton", "squash", "handball", "polo", "softball",
    "lacrosse",
};

pw_list_t pw_values(int cls, int pool)
{
    static const pw_list_t a[PW_NCLASS] = {
        [PW_FEMALE] = LIST(female_a), [PW_MALE] = LIST(male_a), [PW_PET] = LIST(pet_a),
        [PW_CITY] = LIST(city_a), [PW_JOB] = LIST(job_a), [PW_FOOD] = LIST(food_a),
        [PW_COMPANY] = LIST(company_a), [PW_CAR] = LIST(car_a),
        [PW_COLOUR] = LIST(colours), [PW_MONTH] = LIST(months), [PW_SPORT] = LIST(sports),
    };
    static const pw_list_t b[PW_NCLASS] = {
        [PW_FEMALE] = LIST(female_b), [PW_MALE] = LIST(male_b), [PW_PET] = LIST(pet_b),
        [PW_CITY] = LIST(city_b), [PW_JOB] = LIST(job_b), [PW_FOOD] = LIST(food_b),
        [PW_COMPANY] = LIST(company_b), [PW_CAR] = LIST(car_b),
        [PW_COLOUR] = LIST(colours), [PW_MONTH] = LIST(months), [PW_SPORT] = LIST(sports),
    };
    pw_list_t none = NONE;
    if (cls < 0 || cls >= PW_NCLASS)
        return none;
    return pool == PERSONA_HELDOUT ? b[cls] : a[cls];
}

/* ---- attributes -------------------------------------------------------------------- */

static const char *const name_say[] = {
    "Hi, I am %s.", "My name's %s, nice to meet you.",
    "My name is %s.", "I am %s.", "Call me %s.", "People call me %s.", "I'm %s.",
};
static const char *const name_ask[] = {
    "Can you tell me my name?",
    "What is my name?", "What's my name?", "Do you remember my name?", "Who am I?",
};
static const char *const dog_say[] = {
    "I walk my dog %s every morning.", "My dog %s is %n years old.",
    "My dog is called %s.", "I have a dog named %s.", "%s is my dog.",
    "My dog's name is %s.",
};
static const char *const dog_ask[] = {
    "Do you remember my dog's name?", "What did I say my dog is called?",
    "What is my dog called?", "What's my dog's name?", "What is the name of my dog?",
};
static const char *const dog_change[] = {
    "We have a new puppy, %s.",
    "My new dog is called %s.", "I got a new dog named %s.",
    "We adopted a new dog called %s.",
};
static const char *const cat_say[] = {
    "My cat %s is %n years old.", "I have a cat, her name is %s.",
    "My cat is called %s.", "I have a cat named %s.", "%s is my cat.",
    "My cat's name is %s.",
};
static const char *const cat_ask[] = {
    "Do you remember my cat's name?",
    "What is my cat called?", "What's my cat's name?", "What is the name of my cat?",
};
static const char *const cat_change[] = {
    "My new cat is called %s.", "I got a new cat named %s.",
    "We adopted a new cat called %s.",
};
static const char *const city_say[] = {
    "I have lived in %s for %n years.", "I live in %s, near the centre.",
    "I live in %s.", "My home is in %s.", "I am based in %s.", "My city is %s.",
};
static const char *const city_ask[] = {
    "In which city do I live?", "Where is my home?",
    "Where do I live?", "Which city do I live in?", "What city is my home in?",
};
static const char *const city_change[] = {
    "I moved to %s %y.", "I relocated to %s %y.",
    "I moved to %s.", "I live in %s now.", "We just moved to %s.",
};
static const char *const job_say[] = {
    "I have been %a %s for %n years.", "I earn my living as %a %s.",
    "I work as %a %s.", "I am %a %s by trade.", "By profession I am %a %s.",
    "My job is being %a %s.",
};
static const char *const job_ask[] = {
    "What is my occupation?",
    "What is my job?", "What do I do for a living?", "What's my profession?",
    "What do I work as?",
};
static const char *const job_change[] = {
    "I became %a %s %y.",
    "I work as %a %s now.", "I changed jobs, I am %a %s now.", "I retrained as %a %s.",
};
static const char *const sister_say[] = {
    "My sister %s lives in %c.", "My older sister is called %s.",
    "My sister is called %s.", "I have a sister named %s.", "%s is my sister.",
    "My sister's name is %s.",
};
static const char *const sister_ask[] = {
    "Do you remember my sister's name?",
    "What is my sister called?", "What's my sister's name?", "Who is my sister?",
};
static const char *const brother_say[] = {
    "My brother %s works in %c.", "My little brother is called %s.",
    "My brother is called %s.", "I have a brother named %s.", "%s is my brother.",
    "My brother's name is %s.",
};
static const char *const brother_ask[] = {
    "Do you remember my brother's name?",
    "What is my brother called?", "What's my brother's name?", "Who is my brother?",
};
static const char *const partner_say[] = {
    "I have been with %s for %n years.", "My partner %s and I live together.",
    "My partner is called %s.", "I share my life with %s.", "%s is my partner.",
    "My partner's name is %s.",
};
static const char *const partner_ask[] = {
    "What is my partner called?", "Who is my partner?", "What's my partner's name?",
};
static const char *const friend_say[] = {
    "My best friend %s lives in %c.",
    "My best friend is %s.", "%s is my best friend.", "My best friend is called %s.",
};
static const char *const friend_ask[] = {
    "Who is my best friend?", "What is my best friend called?",
    "What's my best friend's name?",
};
static const char *const colour_say[] = {
    "I really like the colour %s.",
    "My favourite colour is %s.", "I love the colour %s.", "%s is my favourite colour.",
    "The colour I like best is %s.",
};
static const char *const colour_ask[] = {
    "What is my favourite colour?", "What's my favourite colour?",
    "Which colour do I like best?",
};
static const char *const colour_change[] = {
    "Actually my favourite colour is %s.", "My favourite colour is %s now.",
    "These days my favourite colour is %s.",
};
static const char *const food_say[] = {
    "I could eat %s every day.",
    "My favourite food is %s.", "I love eating %s.", "%s is my favourite food.",
    "Nothing beats %s for me.",
};
static const char *const food_ask[] = {
    "What do I love eating?",
    "What is my favourite food?", "What's my favourite food?", "What food do I like best?",
};
static const char *const food_change[] = {
    "My favourite food is %s now.", "Lately I prefer %s to anything else.",
    "Actually my favourite food is %s these days.",
};
static const char *const birthday_say[] = {
    "Every year in %s I celebrate my birthday.",
    "My birthday is in %s.", "I was born in %s.", "My birthday month is %s.",
};
static const char *const birthday_ask[] = {
    "When is my birthday?", "In which month is my birthday?", "What month was I born in?",
};
static const char *const sport_say[] = {
    "I have played %s for %n years.",
    "I play %s.", "My sport is %s.", "I play %s every weekend.", "I am into %s.",
};
static const char *const sport_ask[] = {
    "What sport do I play?", "Which sport do I play?", "What is my sport?",
};
static const char *const sport_change[] = {
    "Now I play %s instead.", "I switched to %s.", "I took up %s and dropped my old sport.",
};
static const char *const company_say[] = {
    "I have worked at %s since %Y.",
    "I work at %s.", "My employer is %s.", "I am employed by %s.", "My company is %s.",
};
static const char *const company_ask[] = {
    "Which company employs me?",
    "Where do I work?", "Which company do I work for?", "Who is my employer?",
};
static const char *const company_change[] = {
    "I joined %s %y.",
    "I work at %s now.", "I joined %s last month.", "My new employer is %s.",
};
static const char *const car_say[] = {
    "I have %a %s, it is %n years old.",
    "I drive %a %s.", "My car is %a %s.", "I own %a %s.",
};
static const char *const car_ask[] = {
    "Which car do I have?",
    "What car do I drive?", "What kind of car do I have?", "What is my car?",
};
static const char *const car_change[] = {
    "Now I drive %a %s.", "I bought a new car, %a %s.", "I sold my car and got %a %s.",
};

/* Facts about any relation: "%r" is the story's relation word (pw_relations). */
static const char *const kin_say[] = {
    "My %r is called %s.", "My %r's name is %s.", "I have %a %r named %s.", "%s is my %r.",
    "My %r %s lives in %c.",
};
static const char *const kin_ask[] = {
    "What is my %r called?", "What's my %r's name?", "Who is my %r?",
    "What is the name of my %r?",
};
static const char *const animal_say[] = {
    "My %r is called %s.", "I have %a %r named %s.", "My %r's name is %s.",
    "We named our %r %s.",
};
static const char *const animal_ask[] = {
    "What is my %r called?", "What's my %r's name?", "What is the name of my %r?",
};

static const char *const kin_a[] = {
    "mother", "father", "son", "daughter", "wife", "husband", "aunt", "uncle", "cousin",
    "grandmother", "neighbour", "boss", "colleague", "roommate", "nephew", "godfather",
    "mentor", "landlord", "coach", "stepbrother",
};
static const char *const kin_b[] = {
    "grandfather", "niece", "stepsister", "fiancee", "girlfriend", "boyfriend", "grandson",
    "granddaughter", "stepfather", "manager", "teammate", "flatmate", "godmother", "tutor",
    "classmate",
};
static const char *const animal_a[] = {
    "parrot", "hamster", "rabbit", "horse", "turtle", "goldfish", "pony", "lizard", "snake",
    "ferret",
};
static const char *const animal_b[] = {
    "canary", "budgie", "tortoise", "gecko", "donkey", "iguana", "chinchilla", "hedgehog",
    "cockatoo", "piglet",
};

pw_list_t pw_relations(int attr, int pool)
{
    pw_list_t none = NONE;
    if (attr == PA_KIN)
        return pool == PERSONA_HELDOUT ? (pw_list_t)LIST(kin_b) : (pw_list_t)LIST(kin_a);
    if (attr == PA_ANIMAL)
        return pool == PERSONA_HELDOUT ? (pw_list_t)LIST(animal_b) : (pw_list_t)LIST(animal_a);
    return none;
}

/* Rows name their phrasing lists by stem: stem_say, stem_ask and (CHANGES) stem_change. */
#define FIXED(id, stem, cls, cap) \
    [id] = { #stem, cls, cap, LIST(stem##_say), LIST(stem##_ask), NONE }
#define CHANGES(id, stem, cls, cap) \
    [id] = { #stem, cls, cap, LIST(stem##_say), LIST(stem##_ask), LIST(stem##_change) }

const pw_attr_t pw_attrs[PA_NATTR] = {
    FIXED(PA_NAME, name, PW_PERSON, 1),
    CHANGES(PA_DOG, dog, PW_PET, 1),
    CHANGES(PA_CAT, cat, PW_PET, 1),
    CHANGES(PA_CITY, city, PW_CITY, 1),
    CHANGES(PA_JOB, job, PW_JOB, 0),
    FIXED(PA_SISTER, sister, PW_FEMALE, 1),
    FIXED(PA_BROTHER, brother, PW_MALE, 1),
    FIXED(PA_PARTNER, partner, PW_PERSON, 1),
    FIXED(PA_FRIEND, friend, PW_PERSON, 1),
    CHANGES(PA_COLOUR, colour, PW_COLOUR, 0),
    CHANGES(PA_FOOD, food, PW_FOOD, 0),
    FIXED(PA_BIRTHDAY, birthday, PW_MONTH, 1),
    CHANGES(PA_SPORT, sport, PW_SPORT, 0),
    CHANGES(PA_COMPANY, company, PW_COMPANY, 1),
    CHANGES(PA_CAR, car, PW_CAR, 1),
    FIXED(PA_KIN, kin, PW_PERSON, 1),
    FIXED(PA_ANIMAL, animal, PW_PET, 1),
};

/* ---- small talk -------------------------------------------------------------------- */

static const char *const hello[] = { "Hello!", "Hi there!", "Hey!", "Hello mnemo!", "Hi!" };
static const char *const morning[] = { "Good morning!", "Morning!", "Good morning mnemo." };
static const char *const evening[] = { "Good evening!", "Evening!", "Good evening mnemo." };
static const char *const how[] = {
    "How are you?", "How are you doing?", "How's it going?", "Are you well?",
};
static const char *const who[] = {
    "Who are you?", "What are you?", "What is your name?", "What's your name?",
};
static const char *const can[] = {
    "Can you remember things for me?", "Will you remember what I tell you?",
    "Can you keep track of things for me?",
};
static const char *const nice[] = {
    "Nice to meet you!", "Pleased to meet you.", "Glad to meet you!",
};
static const char *const thanks[] = {
    "Thanks!", "Thank you.", "Thanks a lot!", "Thank you so much!", "Cheers!",
};
static const char *const bye[] = {
    "Bye!", "Goodbye.", "See you later!", "Talk to you soon.", "Bye for now!",
};

const pw_chat_t pw_chats[] = {
    { "hello how can i help", PW_OPEN, LIST(hello) },
    { "good morning", PW_OPEN, LIST(morning) },
    { "good evening", PW_OPEN, LIST(evening) },
    { "i am fine thanks", PW_MID, LIST(how) },
    { "i am mnemo i remember things", PW_MID, LIST(who) },
    { "yes i will remember", PW_MID, LIST(can) },
    { "nice to meet you too", PW_MID, LIST(nice) },
    { "you are welcome", PW_MID, LIST(thanks) },
    { "goodbye", PW_CLOSE, LIST(bye) },
};
const int pw_nchats = (int)(sizeof pw_chats / sizeof *pw_chats);

/* dialogue_words.c: the built-in word lists of the dialogue generator: what WordNet
 * lacks (first names, company and school names, car makes, Chinese words) and the
 * fillers people put around what they say. Values here are split into the training and
 * held-out pools like WordNet's (by a hash of the word, in dialogue.c). */
#include "model/dialogue_internal.h"
#include "model/reader.h"

#include <stddef.h>

const char *const dw_names[] = {
    "Aaron", "Abigail", "Adam", "Adele", "Adrian", "Agnes", "Ahmed", "Aidan", "Aisha",
    "Alan", "Albert", "Alberto", "Alex", "Alice", "Alina", "Alison", "Amanda", "Amelia",
    "Amir", "Amy", "Ana", "Andrea", "Andrew", "Angela", "Anita", "Anna", "Annie", "Anton",
    "Arjun", "Arthur", "Astrid", "Ayumi", "Barbara", "Beatrice", "Ben", "Bernard", "Beth",
    "Bianca", "Bill", "Bob", "Boris", "Brenda", "Brian", "Bruce", "Bruno", "Caleb",
    "Camille", "Carl", "Carla", "Carlos", "Carmen", "Carol", "Caroline", "Catalina",
    "Cecile", "Charles", "Charlie", "Chiara", "Chloe", "Chris", "Clara", "Claudia",
    "Colin", "Conor", "Craig", "Dan", "Daniel", "Daniela", "Dario", "David", "Debbie",
    "Declan", "Diana", "Diego", "Dmitri", "Dominic", "Dora", "Doug", "Edith", "Eduardo",
    "Elena", "Eli", "Elif", "Eliza", "Ella", "Ellen", "Emil", "Emily", "Emma", "Enzo",
    "Erik", "Esther", "Ethan", "Eva", "Fatima", "Felix", "Fiona", "Florian", "Frank",
    "Freya", "Gabriel", "Gemma", "George", "Gerald", "Gina", "Giulia", "Grace", "Greta",
    "Hamid", "Hannah", "Harry", "Hassan", "Heidi", "Helen", "Henrik", "Hugo", "Ian",
    "Ibrahim", "Ida", "Igor", "Ines", "Ingrid", "Irene", "Isaac", "Isabel", "Ivan",
    "Jack", "Jacob", "Jade", "James", "Jamal", "Jana", "Jane", "Jasmine", "Javier",
    "Jenny", "Jeremy", "Jess", "Joanna", "Joe", "Johan", "John", "Jonas", "Jorge",
    "Josh", "Julia", "Julian", "June", "Kai", "Karen", "Karim", "Kate", "Keith", "Kenji",
    "Kevin", "Kim", "Klaus", "Laila", "Lara", "Laura", "Leah", "Leila", "Leo", "Leon",
    "Liam", "Lily", "Linda", "Lisa", "Liz", "Lorenzo", "Louis", "Lucas", "Lucia", "Luis",
    "Luke", "Maja", "Marco", "Marek", "Maria", "Marie", "Mark", "Martha", "Martin",
    "Mateo", "Matt", "Maya", "Mehmet", "Mia", "Michael", "Miguel", "Mila", "Mohammed",
    "Molly", "Monica", "Nadia", "Naomi", "Nathan", "Nico", "Nina", "Noah", "Nora",
    "Olga", "Oliver", "Olivia", "Omar", "Oscar", "Owen", "Paolo", "Patrick", "Paul",
    "Paula", "Pedro", "Peter", "Petra", "Phil", "Pierre", "Priya", "Rachel", "Rafael",
    "Rahul", "Ravi", "Rebecca", "Rita", "Robert", "Rosa", "Ruby", "Ruth", "Ryan", "Sam",
    "Samir", "Sandra", "Santiago", "Sara", "Sean", "Selin", "Simon", "Sofia", "Sonia",
    "Stefan", "Steve", "Susan", "Sven", "Tamara", "Tariq", "Teresa", "Theo", "Thomas",
    "Tim", "Tina", "Tobias", "Tom", "Tony", "Ursula", "Valentina", "Vera", "Victor",
    "Vikram", "Viktor", "Walter", "Wendy", "Will", "Xavier", "Yara", "Yusuf", "Yuki",
    "Zara", "Zoe", "Zofia", NULL,
};

const char *const dw_petnames[] = {
    "Biscuit", "Buddy", "Coco", "Daisy", "Luna", "Max", "Milo", "Pepper", "Rocky",
    "Shadow", "Simba", "Smudge", "Teddy", "Tiger", "Whiskers", "Ziggy", "Bella", "Nala",
    "Oreo", "Peanut", "Pickles", "Rex", "Rusty", "Sooty", "Waffles", "Noodle", "Muffin",
    "Pixel", "Mochi", "Fudge", "Gizmo", "Hazel", "Juniper", "Kiwi", "Marble", "Nugget",
    NULL,
};

const char *const dw_surnames[] = {
    "Acme", "Adler", "Baxter", "Becker", "Brandt", "Carver", "Delgado", "Dunmore",
    "Ellison", "Fairbank", "Fischer", "Garrow", "Hale", "Hartmann", "Ivers", "Jansen",
    "Keller", "Kowalski", "Lambert", "Lindqvist", "Marlow", "Moreau", "Nakamura", "Novak",
    "Okafor", "Osborne", "Pereira", "Quinlan", "Reyes", "Rossi", "Sato", "Schmidt",
    "Sterling", "Thorne", "Ueda", "Varga", "Weber", "Whitfield", "Yilmaz", "Zimmer",
    "Northwind", "Bluepeak", "Redstone", "Silverline", "Greenfield", "Brightwater",
    "Ironbridge", "Oakridge", "Stonehill", "Clearview", NULL,
};

const char *const dw_company_tails[] = {
    "Labs", "Foods", "& Co", "GmbH", "Ltd", "Inc", "Group", "Systems", "Bank", "Health",
    "Logistics", "Studios", "Motors", "Insurance", "Pharma", "Energy", "Media",
    "Consulting", "Bakery", "Airlines", NULL,
};

const char *const dw_carmakes[] = {
    "Toyota", "Honda", "Ford", "Volkswagen", "BMW", "Audi", "Mercedes", "Tesla", "Fiat",
    "Renault", "Peugeot", "Skoda", "Volvo", "Kia", "Hyundai", "Nissan", "Mazda", "Subaru",
    "Mini", "Jeep", "Opel", "Citroen", "Seat", "Suzuki", "Porsche", "Lexus", NULL,
};

/* What people study or teach, beside WordNet's disciplines. */
const char *const dw_subjects[] = {
    "law", "medicine", "nursing", "english", "french", "spanish", "german", "music", "art",
    "drama", "business", "economics", "accounting", "physics", "chemistry", "biology",
    "geography", "history", "maths", "computer science", "philosophy", "psychology",
    "sociology", "politics", "dentistry", "pharmacy", "fashion design", "film studies",
    "marketing", "graphic design", NULL,
};

const char *const dw_diets[] = {
    "vegetarian", "vegan", "pescatarian", "gluten free", "lactose intolerant",
    "keto", "paleo", "kosher", "halal", "teetotal", "dairy free", "on a low carb diet",
    NULL,
};

const char *const dw_allergens[] = {
    "peanuts", "tree nuts", "shellfish", "penicillin", "pollen", "dust mites", "cats",
    "bee stings", "latex", "gluten", "eggs", "milk", "soy", "sesame", "aspirin",
    "ibuprofen", "wasps", "dogs", "horses", "mould", "grass", "strawberries", "kiwis",
    "walnuts", "almonds", "cashews", "prawns", "lobster", "wheat", "mustard", NULL,
};

const char *const dw_hobbies[] = {
    "knitting", "hiking", "painting", "gardening", "baking", "photography", "climbing",
    "running", "swimming", "fishing", "birdwatching", "pottery", "chess", "yoga",
    "cycling", "surfing", "dancing", "singing", "reading", "woodworking", "sailing",
    "skiing", "camping", "crochet", "archery", "calligraphy", "origami", "juggling",
    NULL,
};

/* Everyday occupations, beside WordNet's (whose walks give mostly rare ones: "glass
 * cutter", "weigher"), so the jobs people name most are values the reader has seen. */
const char *const dw_jobs[] = {
    "accountant", "actor", "architect", "artist", "baker", "bank teller", "barber",
    "barista", "bartender", "bookkeeper", "bricklayer", "builder", "bus driver",
    "butcher", "carer", "care worker", "carpenter", "cashier", "caretaker", "chef",
    "childminder", "civil engineer", "cleaner", "coach", "consultant", "cook",
    "courier", "data analyst", "data scientist", "decorator", "delivery driver",
    "dental nurse", "designer", "developer", "dietitian", "doctor", "driving instructor",
    "editor", "electrician", "estate agent", "factory worker", "farmer", "financial adviser",
    "firefighter", "fisherman", "florist", "gardener", "graphic designer", "hairdresser",
    "health visitor", "historian", "hotel manager", "housekeeper", "HR manager",
    "illustrator", "interpreter", "janitor", "journalist", "judge", "lab technician",
    "landscaper", "lecturer", "lifeguard", "lorry driver", "mail carrier", "mechanic",
    "midwife", "miner", "model", "musician", "nanny", "nurse", "office manager",
    "optician", "painter", "paramedic", "personal trainer", "pharmacist", "photographer",
    "physiotherapist", "plasterer", "plumber", "police officer", "porter", "postman",
    "postwoman", "primary school teacher", "producer", "programmer", "project manager",
    "receptionist", "researcher", "sales assistant", "salesman", "scaffolder",
    "secretary", "security guard", "shop assistant", "social worker", "software developer",
    "software engineer", "soldier", "solicitor", "sound engineer", "student", "supply teacher",
    "surgeon", "tailor", "taxi driver", "teaching assistant", "tiler", "tour guide",
    "train driver", "translator", "tutor", "UX designer", "vet", "waiter", "waitress",
    "web developer", "welder", "writer", "youth worker", "zookeeper", NULL,
};

const char *const dw_zodiac[] = {
    "aries", "taurus", "gemini", "cancer", "leo", "virgo", "libra", "scorpio",
    "sagittarius", "capricorn", "aquarius", "pisces", NULL,
};

const char *const dw_streets[] = {"Street", "Road", "Lane", "Avenue", "Close", "Way",
                                  "Drive", "Terrace", NULL};

const char *const dw_zh_names[] = {
    "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏",
    "徐明", "孙悦", "马超", "朱琳", "胡斌", "郭晓", "何平", "林峰", "高原", "罗兰",
    "小明", "小红", "小丽", "小刚", "阿强", "思雨", "雨涵", "子轩", "浩然", "欣怡",
    "梓涵", "一诺", "嘉怡", "俊杰", NULL,
};

const char *const dw_zh_cities[] = {
    "北京", "上海", "广州", "深圳", "成都", "杭州", "南京", "武汉", "西安", "重庆",
    "天津", "苏州", "长沙", "青岛", "大连", "厦门", "昆明", "郑州", "沈阳", "哈尔滨",
    "东京", "伦敦", "巴黎", "纽约", "柏林", "悉尼", "香港", "台北", "新加坡", "首尔",
    NULL,
};

const char *const dw_zh_jobs[] = {
    "医生", "老师", "护士", "工程师", "律师", "厨师", "司机", "程序员", "会计", "警察",
    "记者", "设计师", "学生", "建筑师", "牙医", "销售", "翻译", "演员", "农民", "画家",
    "作家", "经理", "兽医", "秘书", NULL,
};

const char *const dw_zh_allergens[] = {
    "花生", "海鲜", "牛奶", "鸡蛋", "小麦", "青霉素", "花粉", "猫毛", "虾", "芒果",
    "坚果", "大豆", "螃蟹", "芝麻", "酒精", "狗毛", NULL,
};

const char *const dw_zh_langs[] = {
    "英语", "法语", "德语", "日语", "韩语", "西班牙语", "俄语", "意大利语", "粤语",
    "葡萄牙语", "阿拉伯语", NULL,
};

/* Surnames and given-name characters that make Chinese full names (dialogue.c). */
const char *const dw_zh_surnames[] = {
    "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
    "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
    "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾",
    "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜",
    "欧阳", "司马", NULL,
};
const char *const dw_zh_given[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
    "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "萍", "鹏", "辉", "宇",
    "雷", "晨", "欣", "婷", "雪", "琳", "浩", "然", "梓", "轩", "涵", "怡", "佳", "俊", "博",
    "文", "雨", "晓", "小", "子", "思", "嘉", "一", "诺", "天", "宁", "安", "乐", "春", "梅",
    NULL,
};

const char *const dw_zh_kin[] = {
    "妈妈", "爸爸", "姐姐", "妹妹", "哥哥", "弟弟", "老公", "老婆", "儿子", "女儿",
    "奶奶", "爷爷", "朋友", "同事", "老板", "室友", "男朋友", "女朋友", NULL,
};

const char *const dw_zh_pets[] = {"猫", "狗", "兔子", "仓鼠", "鹦鹉", "小狗", "小猫", NULL};

const char *const dw_leadins[] = {
    "oh and", "btw", "hey", "so", "ok so", "fyi", "also", "and", "oh", "well", "right so",
    "by the way", "anyway", "just so you know", "oh yeah", "hi", "hmm", "um", "ok",
    "quick one", "so yeah", "hey there", "oh btw", "and also", NULL,
};

const char *const dw_tails[] = {
    "lol", "haha", "!", "!!", "😊", "🐶", ", can't wait", ":)", "...", "hehe", "😂",
    ", just saying", "xx", "👍", ", you know", "tbh", "😅", "🙂", NULL,
};

const char *const dw_chatter[] = {
    "we went to the beach last weekend and it was lovely,",
    "work has been crazy busy this week but anyway,",
    "i was just thinking about our chat yesterday and",
    "it's been raining all day here so i'm stuck inside, anyway",
    "i had such a long day today, but before i forget,",
    "my phone keeps dying which is annoying, oh and",
    "we finally finished painting the kitchen, and",
    "i just got back from the gym and",
    "sorry for the late reply, things have been hectic, so",
    "i can never remember what i've told you already, but",
    "the traffic this morning was awful, anyway",
    "i'm making dinner right now so quickly:",
    NULL,
};

const char *const dw_stopwords[] = {
    "capital", "city", "town", "port", "state", "queen", "tom", "pussy", "gib", "cur",
    "barker", "bow-wow", "doggie", "doggy", "puss", "mouser", "kitty", "pussycat", NULL,
};

const dialogue_kin_t dw_kin[] = {
    {{"mum", "mom", "mother", "mam", "mummy", "mama", "mommy", NULL}, "mom", 1},
    {{"dad", "father", "daddy", "papa", "pa", "pop", NULL}, "dad", 1},
    {{"sister", "sis", "big sister", "little sister", "older sister", NULL}, NULL, 0},
    {{"brother", "bro", "big brother", "little brother", "younger brother", NULL}, NULL, 0},
    {{"husband", "hubby", "spouse", NULL}, "husband", 1},
    {{"wife", "missus", "spouse", NULL}, "wife", 1},
    {{"partner", "other half", "significant other", NULL}, NULL, 0},
    {{"boyfriend", "bf", "fiance", NULL}, NULL, 0},
    {{"girlfriend", "gf", "fiancee", NULL}, NULL, 0},
    {{"son", "boy", "eldest son", "youngest son", NULL}, NULL, 0},
    {{"daughter", "girl", "eldest daughter", "youngest daughter", NULL}, NULL, 0},
    {{"kid", "child", "little one", "youngest", "eldest", NULL}, NULL, 0},
    {{"grandma", "grandmother", "gran", "nan", "granny", "nana", "nanna", NULL}, "grandma", 1},
    {{"grandad", "grandfather", "grandpa", "granddad", "gramps", NULL}, "grandfather", 1},
    {{"cousin", "first cousin", NULL}, "cousin", 1},
    {{"aunt", "auntie", "aunty", NULL}, "aunt", 1},
    {{"uncle", NULL}, NULL, 0},
    {{"neighbour", "neighbor", "next door neighbour", NULL}, "neighbor", 1},
    {{"flatmate", "roommate", "housemate", "roomie", NULL}, "roommate", 1},
    {{"colleague", "coworker", "co-worker", "workmate", NULL}, "colleague", 1},
    {{"boss", "manager", "line manager", "supervisor", NULL}, NULL, 0},
    {{"best friend", "friend", "bestie", "mate", "buddy", "pal", NULL}, NULL, 0},
    {{"niece", NULL}, NULL, 0},
    {{"nephew", NULL}, NULL, 0},
    {{"stepmum", "stepmother", "stepmom", NULL}, "stepmother", 1},
    {{"stepdad", "stepfather", NULL}, "stepfather", 1},
    {{"mother-in-law", NULL}, NULL, 0},
    {{"father-in-law", NULL}, NULL, 0},
    {{"godmother", "godfather", NULL}, NULL, 0},
    {{"teacher", "tutor", "coach", NULL}, NULL, 0},
    {{"doctor", "gp", "dentist", NULL}, NULL, 0},
};
const int dw_nkin = (int)(sizeof dw_kin / sizeof dw_kin[0]);

const dialogue_pet_t dw_pets[] = {
    {"dog", 1, 1}, {"puppy", 1, 0}, {"pup", 1, 0}, {"cat", 2, 1}, {"kitten", 2, 0},
    {"kitty", 2, 0}, {"horse", 3, 1}, {"pony", 3, 0}, {"hamster", 0, 1},
    {"parrot", 0, 0}, {"rabbit", 0, 1}, {"bunny", 0, 0}, {"goldfish", 0, 0},
    {"tortoise", 0, 0}, {"turtle", 0, 0}, {"guinea pig", 0, 0}, {"budgie", 0, 0},
    {"snake", 0, 0}, {"ferret", 0, 0}, {"gecko", 0, 0}, {"lizard", 0, 0},
    {"cockatiel", 0, 0}, {"rat", 0, 0}, {"mouse", 0, 0}, {"chinchilla", 0, 0},
};
const int dw_npets = (int)(sizeof dw_pets / sizeof dw_pets[0]);

static const char *const bloodtypes[] = {"A positive", "A negative", "B positive",
                                         "B negative", "O positive", "O negative",
                                         "AB positive", "AB negative", NULL};
static const char *const sizes[] = {"5", "6", "7", "8", "9", "10", "11", "12", "38", "39",
                                    "40", "41", "42", "43", "44", "45", NULL};
static const char *const numbers[] = {"3", "4", "7", "9", "11", "13", "17", "21", "23",
                                      "42", "8", "5", "12", "27", "99", NULL};
static const char *const teams[] = {"Arsenal", "Liverpool", "Juventus", "the Lakers",
                                    "Real Madrid", "Celtic", "the Yankees", "Ajax",
                                    "Bayern", "Chelsea", "the Packers", "Benfica",
                                    "Boca Juniors", "the Bulls", "Porto", "Lazio", NULL};

const dialogue_cat_t dw_likes[] = {
    {"food", VP_FOOD, NULL}, {"dish", VP_FOOD, NULL}, {"meal", VP_FOOD, NULL},
    {"colour", VP_COLOUR, NULL}, {"color", VP_COLOUR, NULL}, {"sport", VP_SPORT, NULL},
    {"city", VP_CITY, NULL}, {"country", VP_COUNTRY, NULL}, {"instrument", VP_INSTR, NULL},
    {"team", -1, teams}, {"snack", VP_FOOD, NULL}, {"car", VP_CARMAKE, NULL},
    {"number", -1, numbers}, {"holiday destination", VP_COUNTRY, NULL},
};
const int dw_nlikes = (int)(sizeof dw_likes / sizeof dw_likes[0]);

const dialogue_cat_t dw_open[] = {
    {"blood type", -1, bloodtypes}, {"shoe size", -1, sizes}, {"star sign", -1, dw_zodiac},
    {"nickname", VP_NAME, NULL}, {"phone number", VP_PHONE, NULL},
    {"middle name", VP_NAME, NULL}, {"lucky number", -1, numbers},
    {"locker number", -1, numbers}, {"mobile number", VP_PHONE, NULL},
    {"zodiac sign", -1, dw_zodiac}, {"dress size", -1, sizes},
};
const int dw_nopen = (int)(sizeof dw_open / sizeof dw_open[0]);

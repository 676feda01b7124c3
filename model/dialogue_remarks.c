/* dialogue_remarks.c: the remarks of the dialogue generator (dialogue_remark,
 * dialogue.h), in the template language of dialogue_internal.h: what people say in
 * passing about their day (weather, matches, the commute, food, moods, visitors, trips,
 * plans they may never make), labelled small talk, beside news that changes a lasting
 * fact (a move, a new job, a pet adopted, a car sold, a wedding), labelled a fact. The
 * small-talk gate (gate_train.h) learns from both that a clause about today is chat
 * while one about a change that lasts is kept. No spans are marked: the gate reads only
 * the words. */
#include "model/dialogue_internal.h"
#include "model/reader.h"

#define F READER_FACT
#define ST READER_SMALLTALK
#define S DH_SELF
#define K DH_KIN
#define SK (DH_SELF | DH_KIN)
#define R(x) READER_REL_##x
#define NN DT_NONAME
#define ZH (DT_ZH | DT_NONAME)

/* words of time that make a remark of the day */
#define WHEN "{today|this morning|tonight|this afternoon|last night|yesterday|again|this week|all day|right now}"

const dialogue_tmpl_t dialogue_remarks[] = {
    /* ---- the weather */
    {ST, R(OPEN), S, NN, 0, "{it's|its|it is} {so |really |properly |way too |absolutely |}{hot|cold|humid|muggy|windy|grey|wet|icy|freezing|boiling|sticky|foggy|stormy} " WHEN "{ lol| ugh| smh|, can't sleep|, i'm melting|, can't feel my toes|}"},
    {ST, R(OPEN), S, NN, VP_CITY, "{the weather in |}$v {is|has been|was} {grim|lovely|brutal|a mess|gorgeous|miserable|wild|unreal} {this week|today|lately|all week|since monday}"},
    {ST, R(OPEN), S, NN, 0, "{rain|snow|fog|hail|sleet|sunshine|wind|drizzle} all {day|week|morning|night}{, |. |}{again|the washing's soaked|the garden's flooded|can't go out|roads are a mess|}"},
    {ST, R(OPEN), S, NN, 0, "{38|41|44|-20|-31|12|3|33|29} {degrees|°c|below} {today|out there|at noon|in the shade|this morning}{, i'm melting|, send help|, brutal|, normal for here|}"},
    {ST, R(OPEN), S, NN, 0, "{blowing a gale|pouring down|bucketing down|baking hot|bitterly cold|snowing sideways} {out there|here|again|all day}{, so i'm {inside|in the kitchen|under a blanket}|}"},
    {ST, R(OPEN), S, NN, 0, "{the|this} {heatwave|storm|cold snap|monsoon|wind|smog|humidity} is {killing me|unreal|finally over|driving me mad|not stopping}"},
    /* ---- matches and teams */
    {ST, R(OPEN), S, NN, VP_TEAM, "{the |}$v {lost|won|drew|choked|bottled it} {again|last night|on penalties|in extra time|at the weekend|today}{, {i'm gutted|what a game|unbelievable|i can't watch anymore|so proud|never again}|}"},
    {ST, R(OPEN), S, NN, VP_TEAM, "{watching|watched|went to see|caught} {the |}$v {game|match} {last night|today|earlier|at the pub}{, {what a finish|dreadful|so tense|lost my voice}|}"},
    {ST, R(OPEN), S, NN, VP_SPORT, "{the|that} $v {final|match|game|race} {last night|yesterday|today} was {insane|so boring|a nail-biter|incredible|a joke}"},
    {ST, R(OPEN), S, NN, VP_TEAM, "$v {fans|supporters} {everywhere|all over town|in the pub|on the train} {today|tonight|all weekend}{, so loud|, chaos|}"},
    /* ---- getting about */
    {ST, R(OPEN), S, NN, 0, "{the|my} {bus|train|tram|metro|ferry|flight|subway|shuttle} {was|is} {late|packed|cancelled|delayed|rammed|so full} {again|this morning|today|tonight}{, {i'm fuming|typical|i walked instead|late for work again}|}"},
    {ST, R(OPEN), S, NN, 0, "{traffic|the commute|the queue|the school run} {was|is} {a nightmare|insane|terrible|murder} {today|this morning|tonight}{, took me {2 hours|ages|forever|an hour} to get {home|to work|anywhere}|}"},
    {ST, R(OPEN), S, NN, VP_CITY, "{stuck|sitting|waiting} {in|at} $v {airport|station|} {for hours|again|since noon|all afternoon}{, {so bored|send snacks|what a day}|}"},
    {ST, R(OPEN), S, NN, VP_CITY, "{now |just |}{parked|stopped|waiting for the ferry} {in|near|outside} $v{, so a few minutes to talk|, long day|}"},
    /* ---- food today */
    {ST, R(OPEN), S, NN, VP_FOOD, "{had|made|ate|cooked|ordered|baked} {some|a big|way too much|the best|a sad} $v {for lunch|for dinner|today|last night|earlier|for breakfast}{, {so good|i regret nothing|now i can't move|delicious|never again}|}"},
    {ST, R(OPEN), S, NN, VP_FOOD, "{the|this|that} $v {at|from} {the canteen|the market|that new place|the stall|work} {was|is} {amazing|awful|too salty|so spicy|a crime|heaven} {today|again|}"},
    {ST, R(OPEN), S, NN, 0, "{coffee|tea|energy drink} number {3|4|5|6} {already|today|and it's not even noon}{, send help|}"},
    /* ---- moods and the day */
    {ST, R(OPEN), S, NN, 0, "{so|really|kinda|very|properly} {tired|sleepy|stressed|bored|happy|hungover|grumpy|excited|sore|knackered|cranky|wiped out} {today|this morning|right now|after work|tonight}{, {long week|need coffee|can't wait for the weekend|don't ask}|}"},
    {ST, R(OPEN), S, NN, 0, "{long|busy|crazy|slow|rough|quiet|mad} {shift|day|week|morning|night} at {work|the office|the shop|the site|the hospital|school|the restaurant|the depot}{, {my feet hurt|finally home|glad it's over|three jobs in one}|}"},
    {ST, R(OPEN), S, NN, 0, "{night shift|double shift|overtime|inventory|exam week|deadline day} again{, {send help|running on coffee|i'm a zombie}|}"},
    {ST, R(OPEN), S, NN, 0, "{just|finally} {got back|got home|woke up|finished work|sat down|back from the gym|back from a walk}{, {what a day|so tired|feet up}|}"},
    {ST, R(OPEN), S, NN, 0, "{the wifi|the power|the internet|the heating|the hot water|the lift|the aircon} {is|went} {down|out|off|dead} again{, {typing on my phone|ugh|great|brilliant}|}"},
    {ST, R(OPEN), S, NN, 0, "{my phone|my laptop|the printer|my car} {is|was} {dead|playing up|broken|acting up} {again|today|this morning}"},
    {ST, R(OPEN), S, NN, 0, "{saw|spotted} {a|an} {fox|heron|seal|deer|squirrel|dolphin|owl|hedgehog|eagle} {on the way to work|in the garden|at the beach|in the park|by the river} {today|this morning|earlier}{, made my day|}"},
    {ST, R(OPEN), S, NN, 0, "{the festival|the market|the parade|the fair|carnival|the marathon} {starts|is on|was} {this weekend|today|tomorrow|last night}{, {the whole town is packed|so many tourists|can't move for people}|}"},
    {ST, R(OPEN), S, NN, 0, "{tourists|students|kids|the neighbours} {everywhere|so loud|all over the place} {today|tonight|this week}{, i can't|, madness|}"},
    /* ---- people of theirs doing something today */
    {ST, R(OPEN), K, NN, 0, "my $k {is visiting|is coming over|came round|dropped by|is staying with us} {this weekend|today|tonight|for a few days|next week}{, {the house is chaos|we'll eat too much|should be fun|wish me luck}|}"},
    {ST, R(OPEN), K, NN, VP_CITY, "my $k $n is {visiting|over} from $v {this week|this weekend|for a few days}{, {we'll eat way too much|the sofa is taken|should be fun}|}"},
    {ST, R(OPEN), K, NN, 0, "my $k {sent me|showed me|keeps sending me} {photos|memes|videos|pictures} {of|from} {the trip|the beach|their holiday|the match|the wedding} {all day|again|today}"},
    {ST, R(OPEN), K, NN, 0, "my $k {said|thinks|reckons} {i should|we should} {get a dog|move back|take a holiday|learn to cook|go to bed earlier}{, no chance|, maybe|}"},
    {ST, R(OPEN), K, NN, 0, "my $k {burnt|dropped|broke|spilled} {the dinner|my mug|the tv remote|coffee on my laptop|the cake} {today|last night|again}{ lol|, classic|}"},
    /* ---- trips and plans that may never happen */
    {ST, R(OPEN), S, NN, VP_CITY, "{might|may|could|would love to|want to} {move to|visit|go to|retire to} $v {one day|someday|eventually|in a few years|if i win the lottery}"},
    {ST, R(OPEN), S, NN, VP_CITY, "{went|popped over|drove} to $v {last {weekend|month}|yesterday|for the day}{, {too crowded|lovely|so expensive}|}"},
    /* ---- opinions and chat with mnemo */
    {ST, R(OPEN), S, NN, VP_FOOD, "{i think|honestly|tbh|imo|in my opinion} $v {is|are} {overrated|the best|a crime|so underrated|disgusting|amazing|a personality}"},
    {ST, R(OPEN), S, NN, 0, "{you're|you are} {funny|clever|a good listener|better than my phone|so polite|weird|a good bot}{ for a machine| lol|}"},
    {ST, R(OPEN), S, NN, 0, "{thanks|thank you|cheers} for {listening|the chat|your help|keeping me company}{, {gotta go|talk later|bye}|}"},
    {ST, R(OPEN), S, NN, 0, "{sorry|apologies}{,|} {my english is rusty|i type slow|i'm new to this|long message|typos}"},
    /* ---- what happened to them today, and how they feel about it */
    {ST, R(OPEN), S, NN, 0, "{got|was} {soaked|drenched|stung|sunburnt|stuck in traffic|locked out|lost|bitten by a dog} {today|on the way home|this morning|cycling in|yesterday}{, {my socks are still wet|classic|typical|good times}|}"},
    {ST, R(OPEN), S, NN, 0, "{finished|started|spent all day on} {a huge|a long|another|the whole} {shift|job|piece|project|report|order|delivery run} {today|this morning|yesterday}{, {9|12|3|six} hours|}{, my {back|legs|feet|hands|head|eyes} {are|is} {dead|done|killing me|aching}|}"},
    {ST, R(OPEN), S, NN, 0, "{a|this|one} {customer|client|passenger|guy|tourist|lady|kid|patient|man} {today|this morning|earlier|tonight} {asked me|wanted|tried to get me} {for a discount|to fix his phone|if we sell tickets|where the toilets are|for a selfie|to do it for free}{, i {smiled|laughed|said no|nearly cried}|}"},
    {ST, R(OPEN), S, NN, 0, "{my|our} {boss|manager|coach|teacher|landlord|supervisor} {made us|wants us to|said we have to|is making me} {work late|run laps|redo the report|clean the garage|come in on sunday|stay till ten} {again|today|this week}"},
    {ST, R(OPEN), S, NN, 0, "{minus|-}{5|12|18|30|41} {this morning|today|with the windchill|out there}{, {the car wouldn't start|the dogs loved it|nope|i'm not going out}|}"},
    {ST, R(OPEN), S, NN, VP_CITY, "{it is|it's} {raining|snowing|pouring|drizzling|sweltering} in $v {again|today|as usual}{, {it is always raining here|of course|surprise surprise}|}"},
    {ST, R(OPEN), S, NN, 0, "{hello|hi|good morning|hey there}{,|.|!} {slow typer here, be patient|computers and me don't mix|new to all this|testing what you can do|someone said you keep notes on people}"},
    {ST, R(OPEN), S, NN, VP_FOOD, "i {don't get|don't understand|will never get} the hype about $v{ tbh| honestly|}"},
    {ST, R(OPEN), S, NN, 0, "i {hate|love|can't stand|dread} {tax|exam|wedding|flu|tourist|holiday|hay fever} season{, {every single year|it's the worst|don't @ me}|}"},
    {ST, R(OPEN), S, NN, VP_TEAM, "{the |}$v lost again{.|,} {i should pick another team|never again|i give up on this team|every single season}"},
    {ST, R(OPEN), K, NN, 0, "my $k {sent|brought|made|baked|gave} {us|me} {a cake|a box of biscuits|soup|flowers|a parcel|leftovers} {today|this morning|yesterday}{, bless {her|him}|, so kind|}"},
    {ST, R(OPEN), K, NN, 0, "my $k {keeps|won't stop} {telling me to|asking me to|begging me to} {come over|visit|get a haircut|call more|try yoga|buy a house}{, {maybe one day|not happening|lol}|}"},
    {ST, R(OPEN), K, NN, VP_CITY, "my $k's {son|daughter|friend|boss} {just went|went off} to $v {to study|for work|on holiday}{, {all the neighbours know already|big news round here}|}"},
    {ST, R(OPEN), S, NN, 0, "{the roadworks|the noise|the neighbours' dog|the construction|the queue at the post office} {is|are} {doing my head in|driving me mad|unbearable} {every single day|again|this week|today}"},
    {ST, R(OPEN), S, NN, 0, "{do u|do you|would you} {like|prefer} {cats or dogs|tea or coffee|summer or winter|mountains or beaches}{ more|}"},
    {ST, R(OPEN), S, NN, 0, "{i read|i saw|apparently|the radio said} {that |}{prices went up again|someone paid a fortune for a sandwich|it will snow in june|the bridge is closing for a year}{. unbelievable|!|}"},
    /* ---- Chinese */
    {ST, R(OPEN), S, ZH, 0, "今天{好|太|真|特别}{热|冷|累|忙|困|闷}{啊|了|呀|}{，|}{不想动|烦死了|受不了|}"},
    {ST, R(OPEN), S, ZH, 0, "{下雨|下雪|刮大风|降温}了{，|}{不想出门|路上全是水|冻死了|}"},
    {ST, R(OPEN), S, ZH, 0, "{地铁|公交|路上}{人好多|堵死了|挤死了}{，|}{迟到了|累死了|}"},
    {ST, R(OPEN), S, ZH, 0, "{哈哈|嘿嘿|谢谢你|太好了}{，|}{你真逗|聊得开心|比我手机好用|}"},
    {ST, R(OPEN), S, ZH, 0, "{刚下班|刚到家|忙了一天|加班到现在}{，|}{累死了|饿死了|终于可以休息了}"},
    /* ---- news that changes a lasting fact (kept) */
    {F, R(HOME), S, NN, VP_CITY, "{i|we} {just |finally |}{moved|relocated} to $v {last {week|month}|in {march|june|the spring}|a while back|}"},
    {F, R(HOME), S, NN, VP_CITY, "{i|we} bought a {house|flat|place} in $v{ last {month|year}|}"},
    {F, R(OWNS), S, NN, 0, "{i|we} {sold|got rid of} {the|my|our} {car|van|motorbike} {last week|yesterday|this month|in the end}"},
    {F, R(JOB), S, NN, 0, "i {just |}began {a new job|work} as {a|an} $v {last week|this month|on monday|}"},
    {F, R(EMPLOYER), S, NN, 0, "i {just |finally |}{got|landed|took} a job {at|with} $v{, start {monday|next month}|}"},
    {F, R(NAME), K, NN, 0, "my $k {had|has had} a {baby girl|baby boy|baby} {called|named} $v"},
    {F, R(NAME), S, NN, 0, "{we|i} {adopted|got|rescued} a {puppy|kitten|dog|cat|rabbit} {last week|yesterday|on saturday}{,|} {she's|he's|it's} called $v"},
    {F, R(OPEN), S, NN, 0, "{i|we} got {married|engaged} {last {month|year|summer}|in {may|june|october}}"},
    {F, R(JOB), S, NN, 0, "{i|i've} {retired|finished work for good} {last year|this spring|in {april|june}}{ after {30|25|40} years|}"},
    {F, R(DIET), S, NN, 0, "{i've|i have} been {vegan|vegetarian|sober|gluten free} since {january|last year|2019|the spring}"},
    {F, R(HOBBY), S, NN, VP_SPORT, "{i|we} {play|do} $v every {sunday|week|monday|saturday morning}"},
    {F, R(SCHOOL), K, NN, 0, "my $k {started|just started|got into} {university|uni|college|school} {this {year|month}|in september}"},
    {F, R(NAME), S, NN, VP_NAME, "i {broke up with|split from|left} $v {last {week|month}|in the summer|}"},
    {F, R(HOME), K, NN, VP_CITY, "my $k {moved|has moved|just moved} to $v {last {month|year}|for work|}"},
    {F, R(JOB), K, NN, 0, "my $k {just |}qualified as {a|an} $v"},
    {F, R(ALLERGY), S, NN, 0, "{turns out|the doctor says|found out} i'm allergic to $v"},
    {F, R(AGE), K, NN, 0, "$n turned {2|4|6|9|13|18|30|40|50|70} {yesterday|today|last week|on sunday}{!|, growing up so fast|, the party was loud|}"},
    {F, R(JOB), S, NN, 0, "{i|i've} {switched|moved|went} {to|onto} {nights|day shift|part time|full time|working from home}{, finally|}"},
    {F, R(SCHOOL), K, NN, VP_SUBJECT, "my $k {decided on|chose|picked|is going to study} $v at {uni|college|university}"},
    {F, R(OWNS), S, NN, VP_CARMAKE, "{i|we} {finally |just |}{bought|got} a {new|second hand|used} $v{ last week| yesterday|}"},
    /* ---- news told in passing: a change that lasts, however casually said */
    {F, R(JOB), S, NN, 0, "{so |ok |}{big news|update|guess what}{,|:|!} i'm {done with|finished with|out of} {the {bank|shop|warehouse|school|garage}|{teaching|nursing|driving|retail|fixing cars}}{ for good|, finally|}"},
    {F, R(JOB), S, NN, 0, "no more {night shifts|tills|commuting|early starts|lectures|deliveries}{, i'm {a|an} $v now|!|}"},
    {F, R(JOB), S, NN, 0, "{started|starting|i start} as {a|an} $v {on monday|next week|at the council|at the hospital|for the city}{, {way better hours|fingers crossed|finally}|}"},
    {F, R(OPEN), K, NN, 0, "{sad news|bad news|so}{,|:} {$n|our {dog|cat|old boy|girl}} passed away {last week|on the weekend|yesterday}{, so it's just {the two of us|one cat now|the rabbits now}|}"},
    {F, R(OPEN), K, NN, 0, "$n had {4|five|3|six} {kittens|puppies|piglets|lambs} {last night|this morning|yesterday}{, so that's {six|eight|nine} {cats|dogs|animals} now|}"},
    {F, R(SCHOOL), S, NN, VP_SUBJECT, "{switching|changing|moving} to $v {next semester|next year|in september}{, {big decision|wish me luck}|}"},
    {F, R(HOME), S, NN, VP_CITY, "{tiny|new|bigger|our new} {flat|place|house} {in $v |}{but i love it|is lovely|finally}"},
    {F, R(OPEN), S, NN, 0, "{we're|i'm} down to {2|3|one|two|280} {cows|cats|cars|kids at home|jobs} now"},
    {F, R(OPEN), S, NN, 0, "{i'm|i am} {off|free} on {mondays|tuesdays|fridays|weekends} now{, not {sundays|thursdays}|}"},
    /* ---- terse facts: a job, a team, a town, a name alone */
    {F, R(JOB), S, NN, 0, "{|{i'm|im} {a|an} |}$v{.|!|| here| by trade| these days| for {20|12|5} years now}"},
    {F, R(JOB), S, NN, 0, "$v{,|.} {30|41|52|27|63}{.|}{ $n.|}"},
    {F, R(HOBBY), S, NN, VP_TEAM, "{big |huge |lifelong |}$v fan{. don't judge|, sadly| till i die|}"},
    {F, R(HOME), S, NN, VP_CITY, "{based in|living in|from|in} $v{ now| these days|}{.|}"},
    {F, R(NAME), S, NN, VP_NAME, "{hey|hi|hello|moi|hej|yo}{.|,|!} $v{.|,} {$n is my {dog|cat}|nurse|welder|student|retired}"},
    {F, R(HOME), S, ZH, VP_ZH_CITY, "我{上个月|去年|刚}搬到$v了"},
    {F, R(JOB), S, ZH, VP_ZH_JOB, "我{最近|上周|刚}{换了工作|换工作了}，现在{是|做}$v"},
};
const int dialogue_nremarks = (int)(sizeof dialogue_remarks / sizeof dialogue_remarks[0]);

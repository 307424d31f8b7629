package dev.supportsuite.agent.chat.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short answers to the agent's own questions (yes, no, a person, a ticket, a rating), by whole words. */
final class Phrases {

    private static final Pattern YES = Pattern.compile(
            "^(?:yes|yeah|yep|yup|sure|ok|okay|please|please do|go ahead|do it|correct|confirm|confirmed|y"
                    + "|sounds good|that'?s right|right|absolutely|of course|sí|si|oui|ja|sim)\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NO = Pattern.compile(
            "^(?:no|nope|nah|n|don'?t|do not|cancel|never ?mind|not now|stop|forget it|no thanks?)\\b");
    /**
     * The words that may follow a yes or a no and keep it one ("sure, go ahead and open it", "no thanks, that's
     * all"). Anything else after it ("please close my ticket, it works now", "ok thanks. also, is my data
     * encrypted?") is a message of its own.
     */
    private static final Set<String> AFTER_YES = Set.of("yes", "yeah", "sure", "ok", "okay", "please", "do", "it",
            "that", "go", "ahead", "and", "open", "create", "a", "one", "the", "ticket", "thanks", "thank", "you",
            "that's", "thats", "right", "correct", "fine", "good", "great", "perfect", "looks", "sounds", "now", "im",
            "i'm", "am",
            "por", "favor", "merci", "bitte", "grazie", "obrigado", "obrigada");
    private static final Set<String> AFTER_NO = Set.of("no", "thanks", "thank", "you", "that's", "thats", "all", "it",
            "need", "i'm", "im", "fine", "not", "now", "please", "ok", "okay", "don't", "dont", "bother", "for",
            "the", "ticket", "that", "mind", "never", "merci", "gracias", "danke", "grazie", "obrigado", "obrigada");
    private static final Pattern NO_THANKS = Pattern.compile("(?:no|nope|nah)[,.! ]+(?:thanks|thank you|thx)\\b");
    /**
     * A question whether anyone has dealt with the customer's issue yet: "did anyone look at my payment issue?",
     * "any update on my case?", "has someone gotten back to me".
     */
    private static final Pattern ASKS_FOR_PROGRESS = Pattern.compile(
            "\\b(?:(?:did|has|have) (?:any(?:one|body)|some(?:one|body)|your team|support)(?: already| yet)? (?:look(?:ed)?"
                    + " (?:at|into)|check(?:ed)?|get (?:back|to)|got(?:ten)? (?:back|to)|repl(?:y|ied)|answer(?:ed)?"
                    + "|respond(?:ed)?|fix(?:ed)?)|any (?:update|news|progress)s? (?:on|about|with) (?:my|our|the)"
                    + "|what(?:'s| is) happening with (?:my|our))\\b");
    private static final Pattern BARE_REPLY = Pattern.compile(
            "^(yes|yeah|yep|yup|sure|ok|okay|alright|fine|no|nope|nah|hmm+|k)$");
    /** The opening of a question or a request, or a question mark anywhere. */
    private static final Pattern ASKS = Pattern.compile(
            "\\?|^(?:how|what|what's|when|where|why|which|who|whose|can|could|do|does|did|is|are|was|were|will|would"
                    + "|should|may|might|have|has|i need|i want|i'd like|please|help)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int MIN_QUESTION_WORDS = 4;
    /** Words a question among several needs to be answered on its own ("Is SSO Enterprise-only?"). */
    private static final int MIN_SPLIT_QUESTION_WORDS = 3;
    /** A sentence that ends in a question mark; "e.g." and the like aside, a sentence ends at . ! ? or a line. */
    private static final Pattern QUESTION_SENTENCE = Pattern.compile("[^.!?\\n]+\\?+");
    /** The start of a message before its question, which may greet first: "hi, ...". */
    private static final String OPENS_A_QUESTION = "^(?:(?:hi|hello|hey)[, ]+)?";
    /** The opening of a question about a fact ("when is ...", "how many ...", "what's my ..."), not "when I ...". */
    private static final Pattern ASKS_FOR_FACT = Pattern.compile(
            OPENS_A_QUESTION + "(?:when(?! i\\b| we\\b| you\\b| someone\\b)|how much|how many"
                    + "|what(?:'s| is| are) (?:my|our)|are (?:we|i) (?:close to|near|over|at|past)"
                    + "|what (?:does|do|will|would) (?:my|our) [\\w ]{1,30}?(?:cost|come to|add up to))\\b");
    /**
     * What the customer pays now: "how much am I paying?", "how much are we being charged each month?"; not a price
     * ("how much do I pay for an extra seat?", "per member", "if we add three").
     */
    private static final Pattern OWN_COST = Pattern.compile(
            OPENS_A_QUESTION + "how much (?:am i|are we|do i|do we) (?:currently |actually )?"
                    + "(?:pay|paying|spend|spending|being charged|charged)\\b(?!.*\\b(?:for (?:a|an|each|every|one"
                    + "|extra|more|additional|another|\\d+)|per|if)\\b)");
    /** Asking to be told something of their own: "can you tell me my next invoice amount?", "show me our usage". */
    private static final Pattern TELL_ME_OURS = Pattern.compile(
            OPENS_A_QUESTION + "(?:(?:can|could|would) you (?:please )?|please )?(?:tell|show|give) me "
                    + "(?:(?:what|when|how much|how many)\\b[^?]*?)?\\b(?:my|our)\\b");
    /** A question about a charge on the customer's own bill: "why was I charged $540?", "what is this charge?". */
    private static final Pattern ASKS_ABOUT_CHARGE = Pattern.compile(
            OPENS_A_QUESTION + "(?:why (?:was|am|were|have|did|is|are) (?:i|we|my|our)\\b.*\\b(?:charged|charge"
                    + "|billed|bill|invoice|payment)|what(?:'s| is| was) (?:this|that|the) (?:charge|payment|amount)"
                    + "|why (?:is|was) (?:my|our)(?: (?:latest|last|new|current|this month's|monthly))? (?:bill|invoice)"
                    + "|what (?:is|was|are) (?:the|this|that|these) [\\p{L}\\d$.,% ]{0,40}(?:charges?|fees?|lines?)"
                    + " (?:on|in) (?:my|our) (?:bill|invoice)"
                    + "|why (?:is|are) there (?:an? )?[\\p{L} ]{0,30}(?:charges?|fees?) on (?:my|our) (?:bill|invoice))\\b");
    /** An amount of money: "$15", "180 dollars", "184.80 usd", "€30". */
    private static final Pattern MONEY = Pattern.compile(
            "[$€£]\\s?\\d|\\b\\d+(?:[.,]\\d{1,2})?\\s?(?:usd|eur|gbp|dollars?|euros?|bucks)\\b");
    private static final Pattern CHARGE_WORD = Pattern.compile(
            "\\b(?:charg\\w*|billed|bill|invoiced?|refund\\w*|fees?|overcharg\\w*|debited|paid|payments?)\\b");
    private static final Pattern DISPUTED_CHARGE = Pattern.compile(
            "\\b(?:charged|billed) (?:me |us )?(?:twice|two times|double)\\b|\\bdouble[- ](?:charged|billed)\\b"
                    + "|\\bovercharged\\b|\\btwo charges\\b"
                    // "I was charged after I cancelled": a charge the customer did not expect
                    + "|\\b(?:charged|billed)\\b.{0,40}\\b(?:after|even though|although|despite|though) (?:i|we)"
                    + "(?: had| have|'d|'ve)?(?: already)? (?:cancel+ed|canceled|downgraded|deleted|closed|stopped)\\b"
                    + "|\\b(?:still|keep) (?:being |getting )?(?:charged|billed)\\b");
    private static final Pattern ACCOUNT_FACT = Pattern.compile(
            "\\b(?:invoice|bill|payment|renewal|renew|subscription|plan|seats?|usage|balance|limits?|trial)\\b");
    /**
     * A question about what the customer is talking to: "are you a bot?", "am I chatting with a real person?", "is
     * this AI?", "who made you?".
     */
    /** What a plan includes: "included in", "features", "what do I get". */
    private static final String PLAN_CONTENT_WORDS = "what(?:'s| is| are)? includ(?:ed|es?)"
            + "|what does (?:the )?\\p{L}+(?: plan)? include|features?|what (?:do|does|would) (?:i|we|you) get"
            + "|what comes with|what(?:'s| is) in";
    private static final Pattern PLAN_INCLUDES = Pattern.compile("\\b(?:" + PLAN_CONTENT_WORDS + ")\\b");
    /** What a plan brings: what it includes, and its price, limits or difference from another. */
    private static final Pattern PLAN_OFFERS = Pattern.compile("\\b(?:" + PLAN_CONTENT_WORDS
            + "|(?:price|pricing|cost|costs|limits?)\\b(?: of| for)?|offers?|difference|compare)\\b");
    /**
     * A call for help that says nothing of what about: "help", "I need help", "can you help me?", "I have a question",
     * "hi, I have a problem".
     */
    private static final Pattern ONLY_ASKS_FOR_HELP = Pattern.compile(
            "^(?:(?:hi|hello|hey|ok|okay|so|please|um|hmm)(?: there)?[,!. ]+)*(?:please )?"
                    + "(?:(?:i )?(?:need|want|would like|could use|'d like|d like) (?:some |your )?(?:help|assistance|support)"
                    + "|help(?: me)?|(?:can|could|would) (?:you|someone|somebody|anyone) (?:please )?help(?: me| us)?"
                    + "|(?:i|we) (?:have|got) (?:a|an|one|some) (?:quick |small |little |few )?"
                    + "(?:question|questions|problem|problems|issue|issues|query)"
                    + "|i need to ask (?:you )?(?:something|a question))"
                    + "(?: (?:please|pls|plz|thanks|thank you))?[!.?]*$");
    /**
     * A question about an earlier conversation: "what did we talk about last time?", "what was my last chat about?",
     * "do you remember what I asked yesterday?".
     */
    private static final Pattern ASKS_ABOUT_EARLIER_CONVERSATION = Pattern.compile(
            "\\bwhat (?:did|have) (?:we|i|you) (?:talk(?:ed)?|chat(?:ted)?|discuss(?:ed)?|ask(?:ed)?|say|said|tell|told)"
                    + "(?: you| me)?(?: about)? (?:last time|before|the other day|yesterday|previously|earlier)"
                    + "|\\b(?:our|my) (?:last|previous|earlier) (?:conversation|chat|session)\\b"
                    + "|\\b(?:do|can) you (?:remember|recall) (?:me|our|what (?:we|i))\\b");
    private static final Pattern ASKS_WHAT_ASSISTANT_IS = Pattern.compile(
            "^(?:(?:hi|hey|hello|ok|okay|so|wait|sorry|um|hmm)[,!. ]+)*(?:are you (?:a |an )?(?:real |actual |live )?"
                    + "(?:bot|robot|ai|human|person|machine|chatbot|computer|program|agent)"
                    + "|am i (?:talking|chatting|speaking|writing) (?:to|with) (?:a |an )?(?:real |actual |live )?"
                    + "(?:bot|robot|ai|human|person|machine|chatbot|computer|agent)"
                    + "|is this (?:a |an )?(?:bot|robot|ai|chatbot|automated|real person|human|person)"
                    + "|who (?:made|built|created|programmed) you|what are you$)\\b(?!.{25,})");
    /** Emoji that thank or agree: thumbs up, OK hand, folded hands, check mark, smiles, clapping, heart. */
    private static final List<String> APPROVING_EMOJI = List.of("\uD83D\uDC4D", "\uD83D\uDC4C", "\uD83D\uDE4F",
            "\u2705", "\uD83D\uDE42", "\uD83D\uDE0A", "\uD83D\uDE00", "\uD83D\uDE03", "\uD83D\uDC4F", "\u2764",
            "\uD83D\uDCAF", "\uD83E\uDD29", "\uD83D\uDE04");
    /** Words that compare: "difference", "vs", "better". */
    private static final Pattern COMPARES = Pattern.compile(
            "\\b(?:difference|differences|differ|different|compare|compared|comparison|vs|versus|better|instead of)\\b");
    /** Asking which plan to take: "which plan would you recommend?", "what plan should we choose?". */
    private static final Pattern ASKS_WHICH_PLAN = Pattern.compile(
            "\\b(?:which|what) (?:plan|tier)\\b(?! (?:am i|are we|do i have|do we have|is (?:my|our)|i'm|we're)\\b)"
                    + "(?=.*\\b(?:should|would|recommend|best|right|suits?|fits?|choose|pick|need)\\b)"
                    + "|\\brecommend (?:a |which |what )?(?:plan|tier)\\b");
    /** Finding the price too high: "it's too expensive", "is there a cheaper option?", "we can't afford it". */
    private static final Pattern TOO_DEAR = Pattern.compile(
            "\\b(?:too (?:expensive|pricey|costly)|costs? (?:us |me )?too much|can(?:'|no)?t afford"
                    + "|(?:cheaper|less expensive|more affordable) (?:option|plan|tier|alternative|way)s?)\\b");
    /**
     * The openings of a question about how to do something ("how do I ...", "where can we ..."), as alternatives of a
     * regular expression; {@code TicketTools} adds its own to them.
     */
    static final String HOW_TO_OPENINGS = "how (?:do|can|could|would|should) (?:i|we|you|one)|how to"
            + "|where (?:do|can) (?:i|we)|is it possible to";
    private static final Pattern HOW_TO = Pattern.compile("(?:" + HOW_TO_OPENINGS + ")\\b");
    private static final Pattern POSSESSIVE = Pattern.compile("\\b(?:my|our)\\b");
    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:i|i'm|im|me|my|mine|we|we're|us|our|ours)\\b");
    private static final Pattern PERSON = Pattern.compile(
            "\\b(human|person|agent|someone|somebody|representative|operator|staff"
                    + "|persona|humano|agente|personne|humain|mensch|mitarbeiter|pessoa|atendente)\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** "my name is Carla", "call me Carla", or "hi, I'm Carla" at the start; the name capitalised as written. */
    private static final Pattern INTRODUCTION = Pattern.compile(
            "(?:\\b(?i:my name is|my name's|call me)\\s+|^(?i:(?:hi|hello|hey)[,!. ]+(?:i'm|i am|this is))\\s+)"
                    + "(\\p{Lu}[\\p{L}'-]+)");
    /** A word that may be a name: letters and digits from a letter on, "2FA" whole. */
    private static final Pattern NAME_WORD = Pattern.compile("\\p{N}*\\p{L}[\\p{L}\\p{N}+]*");
    /** Capitalised words that name nothing a passage must mention: greetings, months, days, shouted words. */
    private static final Set<String> NOT_NAMES = Set.of("i", "ok", "hi", "hello", "hey", "thanks", "please",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "now", "asap", "not", "all", "you", "my", "me", "the", "and", "is", "it", "any", "why", "how", "what",
            "still", "again", "never", "help", "no", "yes", "stop", "fix", "today", "urgent", "pls", "fyi", "btw");
    /**
     * A question whether the product has or works with something, lower case or not: "does Pennant have time
     * tracking?", "is there an apple watch app?", "do you take paypal". The thing asked about follows the verb.
     */
    private static final Pattern ASKS_IF_IT_HAS = Pattern.compile("^(?:(?:hi|hello|hey|so|and|also|ok|okay)[,!]?\\s+)*"
            + "(?:do you take|(?:do|does)\\s+(?!i\\b|we\\b|my\\b|our\\b)(?:[\\p{L}']+\\s+){1,3}?(?:have(?!\\s+to\\b)"
            + "|offer|support|provide|include|accept|come with|(?:integrate|work|connect|sync) with|connect to)"
            + "|is there|are there)\\s+(?:(?:an?|any|some)\\s+)?"
            + "(?<thing>[^?!.,;]+)", Pattern.CASE_INSENSITIVE);
    /** A pattern no text matches. */
    private static final Pattern NOTHING = Pattern.compile("(?!)");
    /** Where the words naming a thing asked about end and a clause about it starts. */
    private static final Pattern THING_ENDS = Pattern.compile("\\s+(?:i|we|you|they|that|which|who|so|if|when|where|"
            + "because|for|to|on|in|with|from|like|instead|right)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * Words of a thing asked about that a passage need not repeat: "is there a dark mode option?" asks for dark
     * mode, and of "an offline mode" or "a status page" it is the first word that tells what is meant.
     */
    private static final Set<String> VAGUE_WORDS = Set.of("feature", "features", "option", "options", "way", "ways",
            "functionality", "function", "support", "version", "kind", "sort", "type", "thing", "things", "something",
            "anything", "yet", "currently", "already", "available", "possible", "native", "built", "like", "such",
            "please", "pls", "guys", "at", "all", "any", "some", "now", "these", "days", "or", "not", "app", "apps",
            "application", "mode", "page", "view", "button", "tool", "tools", "setting", "settings", "screen");
    /** A thing asked about in more words than this is a description, not something a passage names. */
    private static final int MAX_THING_WORDS = 5;
    /** A word this long matches the passage by its stem: "tracking" in "track", "integrations" in "integration". */
    private static final int MIN_STEM_LETTERS = 4;
    /** A plural this long matches its singular: "logs" in "log". */
    private static final int MIN_SINGULAR_LETTERS = 3;
    /** Past this many words a message is a story, not a question whose every name a passage must mention. */
    private static final int MAX_NAME_CHECK_WORDS = 20;
    /** A name this long matches its stem: "Europe" in "European". */
    private static final int MIN_STEMMED_LETTERS = 6;
    /** The longest word in capitals read as an acronym ("SSO", "SAML"); a longer one is shouting. */
    private static final int MAX_ACRONYM_LETTERS = 5;
    /**
     * A request for a person in so many words ("i need someone from security on this NOW", "can I talk to a
     * real human"): a verb of asking or talking right before the person, so "someone hacked our account" is none.
     */
    private static final Pattern REQUESTS_PERSON = Pattern.compile(
            "\\b(?:need|want|get me|give me)\\s+(?:a |an |some )?(?:real |actual |live )?"
                    + "(?:human|person|someone|somebody|representative|operator)\\b"
                    // "we want someone on our team to see the roadmap" is a question about permissions
                    + "(?! (?:on|in|from) (?:my|our) (?:team|workspace|company|org)| to (?:see|view|access|edit|have"
                    + "|be|join|use|manage|invite)\\b)"
                    // "person please, my billing is wrong", "human pls", "agent!"
                    + "|^(?:a |an )?(?:real |live )?(?:human|person|agent|representative|operator)"
                    + "(?:,? (?:please|pls|plz|now)\\b|!+)"
                    + "|\\b(?:(?:talk|speak|chat) (?:to|with)|connect me (?:to|with)|put me through to|transfer me to"
                    + "|escalate (?:this |it )?to)\\s+(?:a |an |some |your )?(?:real |actual |live )?"
                    + "(?:human|person|someone|somebody|representative|rep|operator|agent|manager|supervisor)\\b");
    /**
     * An ultimatum or a customer leaving for another product: "fix it or I cancel", "forget it, I'm switching to
     * Asana". Asking how to cancel is neither.
     */
    private static final Pattern ULTIMATUM = Pattern.compile(
            "\\bor (?:else )?(?:i|we)(?:'ll| will| am going to| are going to|'m going to|'re going to)? "
                    + "(?:cancel|leave|switch|quit|move|go elsewhere|take (?:our|my) business)\\b"
                    + "|\\b(?:(?:i|we)(?:'ll| will|'m going to|'re going to| am going to| are going to) (?:switch|move"
                    + "|migrate|go)|switching|moving|migrating|going back) (?:over |back )?to (?:asana|monday|trello"
                    + "|clickup|jira|notion|basecamp|wrike|smartsheet|a competitor|your competitors?|another (?:tool"
                    + "|product|provider|vendor|app))\\b");
    /** Saying they will cancel or leave, which is a threat only when said in anger ("we're going to cancel!!"). */
    private static final Pattern LEAVING = Pattern.compile(
            "\\b(?:i|we)(?:'ll| will| am| are|'m|'re) (?:going to |gonna )?(?:cancel|cancell?ing|leav(?:e|ing)"
                    + "(?! (?:a|an|the|it|this|that|my|our|your)\\b)|quit|quitting|look (?:for|at) alternatives|find another)\\b");
    /**
     * A follow-up question that leans on the message before: "and for the Business plan?", "what about Jira",
     * "what if we were on annual?". "and thanks!" asks nothing and is none.
     */
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "^(?:(?:ok|okay|so|then|alright),? )?(?:(?:and|also|plus|same)\\b.*\\?|(?:(?:and|then|ok|okay|so),? )?"
                    + "(?:(?:what|how) about|what if)\\b)");
    private static final int MAX_FOLLOW_UP_WORDS = 8;
    /** A longer follow-up is one still when it refers back to what was asked before: "can I get one if I'm monthly?". */
    private static final Pattern REFERS_BACK = Pattern.compile("\\b(?:it|one|that|this|them|those|these)\\b");
    private static final int MAX_REFERRING_FOLLOW_UP_WORDS = 12;
    /**
     * The words a question about "it" may have and still name nothing of its own: "how long will it take?", "is that
     * free?", "what does it mean?" only make sense about what was asked before.
     */
    private static final Set<String> ABOUT_IT_WORDS = Set.of("long", "take", "takes", "much", "cost", "costs", "work",
            "works", "mean", "means", "happen", "happens", "free", "possible", "safe", "included", "available", "soon",
            "usually", "normally", "really", "still", "true", "sure", "when", "where", "why", "which", "be", "get",
            "need", "else", "extra");
    private static final int MAX_ABOUT_IT_WORDS = 6;
    /** A call for advice that only makes sense about what was said before: "what should I do?", "now what?". */
    private static final Pattern ASKS_ADVICE = Pattern.compile(
            "^(?:(?:so|ok|okay|then|and|alright|hmm|um)[,!. ]+)*(?:what (?:should|do|can|must|shall) (?:i|we) do"
                    + "(?: now| next| then| about (?:it|this|that))?|now what|what now|any (?:advice|tips|ideas)"
                    + "|what do you (?:suggest|recommend|advise))$");
    /**
     * More about the problem just reported, which only makes sense with it: "it says timeout after 30 minutes",
     * "that didn't work either", "the error says 403".
     */
    private static final Pattern ELABORATES = Pattern.compile(
            "^(?:(?:and|but|also|now|still|ok|okay|so)[,]? )*(?:it|that|this|they|the (?:error|message|page|screen|app"
                    + "|button|link|export|import|upload|sync))(?:[’']s| (?:says?|said|shows?|showed|gives?|gave|still"
                    + "|just|keeps?|kept|is|was|does|did|doesn[’']?t|didn[’']?t|won[’']?t|isn[’']?t|wasn[’']?t|fails?"
                    + "|failed|happens?|happened|stops?|stopped|returns?|returned|only|started|hangs?|crashe[sd]"
                    + "|times? out|timed out))\\b");
    private static final int MAX_ELABORATION_WORDS = 20;
    private static final int MIN_ADDED_WORDS = 3;
    /** The opening of another matter than the one before: "also ...", "another thing", "thanks", "bye". */
    private static final Pattern ANOTHER_MATTER = Pattern.compile(
            "(?:also|another|and also|plus|one more|separately|unrelated|different question|thanks|thank you|thx"
                    + "|bye|goodbye|never ?mind|nvm|ok thanks|great|perfect|cool)\\b");
    /**
     * A customer waiting for a person who no longer wants one: "never mind", "cancel that, I don't need a human",
     * "take me out of the queue", "I figured it out", "it's working now". An angry "forget it" and a bare "cancel
     * it" are not among them: the first may be a customer giving up on us, the second may mean their subscription.
     */
    private static final Pattern WITHDRAWS = Pattern.compile(
            "^(?:(?:ok|okay|oh|ah|actually|sorry|hey|hi)[,.!]* )*"
                    + "(?:never ?mind|nvm|cancel (?:that|the request|my request))\\b"
                    + "|\\b(?:(?:don[’']?t|do not|no longer) need (?:a |an |the |any )?(?:human|person|someone|somebody"
                    + "|anyone|agent|representative|rep|help|assistance)\\b|no need for (?:a |an |the )?(?:human|person|agent|anyone"
                    + "|someone)\\b|(?:take|remove) me (?:out of|off|from) the (?:queue|line|waiting list)"
                    + "|(?:leave|exit) the (?:queue|line)|cancel (?:the |my )?(?:handoff|queue|request for (?:a |an )?"
                    + "(?:human|person|agent))|(?:i|we)(?:[’']ve| have)? (?:figured|worked|sorted) it out"
                    + "|(?:it[’']?s|it is|that[’']?s|everything[’']?s|everything is|all) "
                    + "(?:working|fixed|solved|sorted|good) now|problem (?:is )?solved)\\b");
    /**
     * A question about how much of something a plan allows or the customer has left: "how many members can we
     * have?", "what's the storage limit?", "can I add more people?", "our storage is full".
     */
    private static final Pattern ASKS_ABOUT_LIMIT = Pattern.compile(
            // "how much would it cost", "how much is Team" ask a price
            "\\b(?:how many|how much (?!(?:does|do|would|will|is|are|it|for|to|money|cost)\\b)|max(?:imum)?"
                    + "|limits?|up to|allowed|allowance|quota|run(?:ning)? out of|full"
                    + "|(?:add|invite|have|get|buy) (?:more|another|extra|an extra|one more))\\b");
    /**
     * Courtesies a message may open with before what it asks ("thanks! how do I add a member?", "ok great, and for
     * annual?"), which only blur a search for it.
     */
    private static final Pattern COURTESIES = Pattern.compile(
            "^(?:(?:thanks|thank you|thx|ty|ok|okay|great|cool|perfect|awesome|got it|alright|all right|sure|hi|hello"
                    + "|hey|good (?:morning|afternoon|evening))(?: (?:so much|a lot|there))?[!.,;:]*\\s+)+",
            Pattern.CASE_INSENSITIVE);
    /** The fewest words a message keeps after its courtesies, so "thanks a lot" is not cut to nothing. */
    private static final int MIN_AFTER_COURTESIES = 3;
    /** An invoice number as invoices show it: "INV-U1001-003". */
    private static final Pattern INVOICE_NUMBER = Pattern.compile("\\bINV-[A-Z0-9]+(?:-[A-Z0-9]+)*\\b",
            Pattern.CASE_INSENSITIVE);
    /** How much the customer uses or has left, as opposed to what a plan allows: "how many seats do we use". */
    private static final Pattern USES = Pattern.compile("\\b(?:use|uses|using|used|usage|left|remaining|in use)\\b");
    /** Words around a request for a person besides the person: the people we have, and reaching them. */
    private static final Pattern SPEAKS_OF_PERSON = Pattern.compile(
            "\\b(?:manager|supervisor|support|team|customer service|escalate|escalation|talk|speak|call|phone"
                    + "|live chat|rep|reps|people|anyone|anybody)\\b");
    /**
     * Still wanting the person after all, or still having the problem: "never mind the wait, I still need someone",
     * "never mind, I'll wait", "never mind, it's still broken", "... but we need it fixed today".
     */
    private static final Pattern STILL_WANTS = Pattern.compile(
            "\\b(?:still|really|but)\\b|\\b(?:i|we)(?:[’']ll| will| can| could) wait\\b|\\bkeep me\\b"
                    + "|\\b(?:not|isn[’']?t|doesn[’']?t|won[’']?t|can[’']?t|cannot) (?:work|working|fixed|solved|sorted)\\b"
                    + "|\\b(?:broken|wrong)\\b");
    /**
     * Common English words that other languages written in Latin letters rarely use as words ("a" and "I" aside,
     * being words in Italian, Portuguese or Spanish too).
     */
    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("the", "how", "what", "why", "when", "where",
            "which", "who", "much", "many", "per", "my", "our", "your", "you", "we", "is", "are", "was", "were",
            "can", "could", "would", "should", "will", "do", "does", "did", "have", "has", "of", "to", "for", "with",
            "and", "or", "not", "it", "its", "it's", "this", "that", "there", "i'm", "i've", "don't", "can't",
            "please", "thanks");
    /** Words that carry no topic of their own in a short follow-up. */
    private static final Set<String> FUNCTION_WORDS = Set.of("and", "also", "plus", "same", "what", "about", "how",
            "if", "for", "the", "with", "then", "ok", "okay", "so", "on", "in", "of", "to", "we", "were", "was", "are",
            "is", "i", "my", "our", "you", "your", "it", "that", "this", "a", "an", "one", "do", "does", "did", "can",
            "could", "would", "will", "there", "plan", "plans", "too", "as", "well", "instead");
    /**
     * A security incident in progress: "someone hacked our account", "an ex-employee still has access", "we got
     * phished". How to set up two-factor authentication is a question, not an incident.
     */
    private static final Pattern SECURITY_INCIDENT = Pattern.compile(
            "\\b(?:hacked|compromised|breach(?:ed)?|phish(?:ed|ing)|unauthori[sz]ed (?:access|logins?|users?|charges?)"
                    + "|(?:ex|former)[- ](?:employee|colleague|contractor|admin|member)s? (?:still |can still )?"
                    + "(?:has|have|got|gets|access|log)|stolen (?:laptop|phone|password|credentials)"
                    + "|(?:laptop|phone|computer|device|password|credentials) (?:was|were|got|has been|have been) stolen"
                    + "|(?:logins?|sign[- ]ins?) (?:from|in) [\\p{L} ]{0,20}(?:we|i) (?:don'?t|do not) (?:recognize|know)"
                    // "someone logged into our account from Russia" says it happened, and where from
                    + "|some(?:one|body) (?:else )?(?:has )?(?:logged|signed) (?:in|into|on)(?: to)? (?:my|our|the) "
                    + "(?:\\p{L}+ )?(?:account|workspace) from)");
    /** Many people at once: "our whole team", "everyone in the office", "all our users". */
    private static final String MANY_PEOPLE = "(?:(?:the |our |my )?(?:whole|entire) (?:team|company|office|org|organi[sz]ation"
            + "|workspace|department|staff)|every(?:one|body)|all (?:of )?(?:us|our|my|the) (?:users|members|team|staff|people"
            + "|employees|colleagues|accounts)|all of us|we all)";
    /**
     * Using the product at all: signing in, or opening or reaching it, the workspace or the account; not one
     * feature of it ("can't access the audit log" is a question of plans or roles).
     */
    private static final String USE_IT = "(?:log ?in|login|sign ?in|get in(?:to)?|load (?:pennant|it|the app|anything)"
            + "|(?:access|connect to|open|use|reach) (?:pennant|it|anything|the app|the site|the website"
            + "|(?:our|the|my) (?:workspace|account|data|projects))|(?:access|connect)(?= *$|[,.;!]| (?:since|today"
            + "|anymore|at all|right now|this)\\b))";
    /**
     * An outage for many people: "my whole team can't log in", "nobody in our company can access pennant",
     * "everyone is locked out".
     */
    private static final Pattern WIDE_OUTAGE = Pattern.compile(
            "\\b" + MANY_PEOPLE + "\\b(?: [\\p{L}']+){0,4}? (?:(?:can[’']?t|cannot|can not|could(?:n[’']?t| not)"
                    + "|(?:is|are)(?:n[’']?t| not) able to|unable to) " + USE_IT + "|(?:is|are|got|get|been) locked out"
                    + "|(?:is|are) (?:down|offline))\\b"
                    + "|\\b(?:nobody|no ?one|none of (?:us|our [\\p{L}]+))\\b(?: [\\p{L}']+){0,4}? (?:can|could|is able to"
                    + "|are able to) " + USE_IT + "\\b"
                    + "|\\b(?:down|not working|offline) for (?:every(?:one|body)|all of us|(?:our|my|the) (?:whole|entire)"
                    + " (?:team|company|office))\\b");
    /**
     * Data that vanished without the customer removing it: "my data is gone", "all our projects disappeared",
     * "everything in the workspace was wiped". "I deleted a project by accident" is a question for the help center.
     */
    private static final Pattern DATA_LOSS = Pattern.compile(
            "\\b(?:(?:all|every) (?:of )?(?:my|our|the) |(?:my|our|the) )(?:data|projects|tasks|boards|documents|docs|files"
                    + "|attachments|comments|work|history|content)\\b(?: [\\p{L}']+){0,3}? (?:(?:is|are|just|seems?|to be) )*"
                    + "(?:gone|disappeared|vanished|missing|(?:(?:was|were|has been|have been|got|been) )?(?:wiped|erased)"
                    + "|(?:was|were|has been|have been|got|been) lost)\\b"
                    + "|\\beverything(?: [\\p{L}']+){0,3}? (?:is|was|has|just) (?:been )?(?:gone|disappeared|vanished|wiped"
                    + "|erased|lost)\\b");
    /** Data missing from one view of it is a display problem: "all my tasks are missing from the calendar feed". */
    private static final Pattern MISSING_FROM_A_VIEW = Pattern.compile(
            "\\b(?:gone|disappeared|vanished|missing) (?:from|in) (?:the |my |our )?(?:[\\p{L}-]+ )?(?:calendar|feed|board"
                    + "|view|list|search|sidebar|timeline|filter|report|dashboard|export|phone|mobile|app|slack|teams"
                    + "|drive|outlook|gantt|inbox|notifications?|integration)s?\\b");
    /** Words that make a report hypothetical: "what happens to my data if I cancel, is it gone?". */
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(?:if|in case|will|would|what happens)\\b");
    /** Telling the agent to go ahead when it offered nothing: "yes im sure, do it", "go ahead and delete it". */
    private static final Pattern GO_AHEAD = Pattern.compile(
            "^(?:(?:yes|yeah|yep|ok|okay|sure|please|fine|alright|all right|then|so|well)[,!. ]+)*(?:i'?m sure[,!. ]*)?"
                    + "(?:(?:please |just |then )?(?:do it|go ahead"
                    + "|proceed|(?:delete|remove|erase|wipe|cancel|close) (?:it|everything|all of it|all|it all|them"
                    + "|my (?:account|data|workspace|subscription)|the (?:account|data|workspace|subscription))"
                    // "delete everything in the trash" is a question about the trash
                    + "(?=(?:[,!. ]+(?:please|now|then|already|for me|anyway))*$)"
                    + "|make the change|process it|refund it))\\b"
                    + "|^(?:yes|yeah|yep),? i'?m sure\\b");
    /**
     * A complaint about the help itself, or a demand that something be done: "you keep giving me the same useless
     * answer", "I already told you", "WHAT ARE YOU GOING TO DO ABOUT IT". No help-center entry answers these.
     */
    private static final Pattern COMPLAINS_OF_HELP = Pattern.compile(
            "\\b(?:(?:you(?:'re| are)|this is|that'?s|that is|it'?s|so|such an?) (?:so |completely |totally )?"
                    + "(?:useless|unhelpful|not helpful)|useless (?:answers?|bot|help|support|chat|assistant)"
                    + "|not helping|(?:the )?same (?:useless |stupid |old )?answer"
                    + "|you(?:'re| are) (?:not|no) help|(?:i|we) already told you|you don'?t (?:understand|get it|listen)"
                    + "|(?:stupid|useless|dumb) bot|talking to a (?:bot|wall|machine)"
                    + "|what (?:are|will) you (?:going to |gonna )?do about (?:it|this|that)"
                    + "|(?:how|when) (?:are|will) you (?:going to |gonna )?fix (?:it|this|that))\\b");
    /**
     * A problem getting into or using the workspace, which the customer's own subscription may explain: "why
     * can't my team log in anymore?", "is our workspace locked?", "everything is read-only".
     */
    private static final Pattern ACCESS_PROBLEM = Pattern.compile(
            "\\b(?:(?:can'?t|cannot|can not|unable to|couldn'?t)(?: [\\p{L}']+){0,2} (?:log ?in|sign ?in|access"
                    + "|get in|open|use|edit)"
                    + "|locked|suspended|read[- ]only|lost access|no longer (?:access|log ?in)|deactivated|disabled"
                    + "|resubscribe|reactivate|blocked)\\b");
    /** A word of no language: five consonants in a row, as in keyboard mashing ("asdfghjkl", "sdfsdfg"). */
    private static final Pattern MASHED = Pattern.compile("[bcdfghjklmnpqrstvwxz]{5}");
    private static final Pattern TICKET = Pattern.compile("\\b(ticket|case|follow[ -]?up|e-?mail me)\\b");
    private static final Pattern CLOSE = Pattern.compile(
            "\\b(close|closed|resolved|solved|fixed|sorted|no longer need|don'?t need)\\b");
    private static final Pattern REOPEN = Pattern.compile("\\b(reopen|re-open|open it again|came back|back again)\\b");
    private static final Pattern RATING = Pattern.compile("(?<![\\d.])([1-5])(?:\\s*(?:/|out of|of)\\s*5)?(?![\\d.])");
    private static final Pattern URGENT = Pattern.compile(
            "\\b(urgent|urgently|asap|emergency|immediately|outage|down|production|critical|blocked)\\b");

    private Phrases() {
    }

    static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[!.?,;:]+$", "").replaceAll("\\s+", " ");
    }

    /**
     * A yes, with at most a few words of agreement after it ("sure, go ahead"), and no question: "ok thanks.
     * also, is my data encrypted?" is a question, not a yes to what the agent offered.
     */
    static boolean yes(String text) {
        return answers(YES, AFTER_YES, text) || agreesByEmoji(text);
    }

    /** Whether the message is only a thumbs up, an OK hand or a check mark: a yes to a question just asked. */
    private static boolean agreesByEmoji(String text) {
        String stripped = text.strip();
        return onlyApprovingEmoji(stripped) && (stripped.startsWith("\uD83D\uDC4D") || stripped.startsWith("\uD83D\uDC4C")
                || stripped.startsWith("\u2705"));
    }

    /**
     * A no, on the same terms as {@link #yes}: "no, but what about annual plans?" is a question. A polite "no
     * thanks" is a no whatever reason follows it ("no thanks, i'll check the docs"), unless it asks something.
     */
    static boolean no(String text) {
        return answers(NO, AFTER_NO, text) || (NO_THANKS.matcher(normal(text)).lookingAt() && !text.contains("?"));
    }

    private static boolean answers(Pattern opening, Set<String> allowedAfter, String text) {
        String normal = normal(text);
        Matcher matcher = opening.matcher(normal);
        if (!matcher.lookingAt() || text.contains("?")) {
            return false;
        }
        for (String word : normal.substring(matcher.end()).split("[^\\p{L}']+")) {
            if (!word.isEmpty() && !allowedAfter.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** A yes, no or okay on its own, which means nothing when the agent asked nothing. */
    static boolean bareReply(String text) {
        return BARE_REPLY.matcher(normal(text)).matches();
    }

    /** Whether the text opens like a question or a request ("how do I ...", "can you ...", "... ?"). */
    static boolean opensAQuestion(String text) {
        return ASKS.matcher(text.strip()).find();
    }

    /** A question or request of some substance: one that opens like one and has a few words. */
    static boolean asksSomething(String text) {
        return words(text) >= MIN_QUESTION_WORDS && opensAQuestion(text);
    }

    /** The number of words in the text, as whitespace separates them. */
    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /**
     * Whether the text asks about a fact of the customer's own account, or about a charge on it, which the
     * account lookup answers.
     */
    static boolean asksAboutOwnAccount(String text) {
        String normal = normal(text);
        return asksAboutACharge(text) || OWN_COST.matcher(normal).lookingAt() || ((ASKS_FOR_FACT.matcher(normal).lookingAt()
                || TELL_ME_OURS.matcher(normal).lookingAt())
                && POSSESSIVE.matcher(normal).find() && ACCOUNT_FACT.matcher(normal).find());
    }

    /**
     * Whether the customer asks about or disputes a charge of their own: "why was I charged $540?", "I want a
     * refund for the $15", "we were double charged", "will I be charged 180 dollars on December 3?".
     */
    static boolean asksAboutACharge(String text) {
        String normal = normal(text);
        return ASKS_ABOUT_CHARGE.matcher(normal).lookingAt() || DISPUTED_CHARGE.matcher(normal).find()
                || (MONEY.matcher(normal).find() && CHARGE_WORD.matcher(normal).find()
                        && FIRST_PERSON.matcher(normal).find());
    }

    /** The invoice number the text names ("what is INV-U1001-003?"), upper-cased, if it names one. */
    static Optional<String> invoiceNumber(String text) {
        Matcher number = INVOICE_NUMBER.matcher(text);
        return number.find() ? Optional.of(number.group().toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /** Whether the customer asks what they are talking to ("are you a bot?", "am I talking to a real person?"). */
    /** Whether the message asks for help without saying what about ("I need help", "I have a question"). */
    static boolean onlyAsksForHelp(String text) {
        return ONLY_ASKS_FOR_HELP.matcher(normal(text).replace('’', '\'')).matches();
    }

    /**
     * Whether the message asks what a plan brings: "what's included in business", "features of the team plan", "what
     * do I get with enterprise". The plan's name itself is for the entity extractor to find.
     */
    static boolean asksWhatAPlanOffers(String text) {
        return PLAN_OFFERS.matcher(normal(text)).find();
    }

    /**
     * Whether the message asks what one of the plans includes: "what's included in business", "team plan features",
     * "what do we get with enterprise?". Not its price or one of its limits, which entries of their own answer.
     *
     * @param plans the plans' names, lower case
     */
    static boolean asksWhatAPlanIncludes(String text, Set<String> plans) {
        String normal = normal(text);
        List<String> words = Arrays.asList(normal.split("[^\\p{L}\\p{N}]+"));
        return plans.stream().anyMatch(words::contains) && PLAN_INCLUDES.matcher(normal).find();
    }

    /** Whether the message asks what an earlier conversation was about ("what did we talk about last time?"). */
    static boolean asksAboutAnEarlierConversation(String text) {
        return ASKS_ABOUT_EARLIER_CONVERSATION.matcher(normal(text)).find();
    }

    /**
     * The question what the product is or does: "what is Pennant?", "what does pennant do", "tell me about your
     * product". Only the question itself: "what is Pennant's refund policy?" asks about something else.
     *
     * @param productName the product's name; blank, no question is heard, there being no name to answer with
     */
    static Pattern questionWhatTheProductIs(String productName) {
        if (productName.isBlank()) {
            return NOTHING;
        }
        String product = "(?:(?:this|your|the) (?:product|app|application|tool|software|service|platform)|"
                + Pattern.quote(productName.strip().toLowerCase(Locale.ROOT)) + ")";
        return Pattern.compile("(?:(?:hi|hey|hello|ok|okay|so|sorry|um)[,!. ]+)*(?:what(?:'s| is| exactly is) "
                + product + "(?: exactly)?|what (?:does|can) " + product + " do(?: exactly)?|tell me (?:a bit |more )?"
                + "about " + product + ")");
    }

    /** Whether the message is the question {@link #questionWhatTheProductIs} makes. */
    static boolean asksWhatTheProductIs(String text, Pattern question) {
        return question.matcher(normal(text)).matches();
    }

    static boolean asksWhatTheAssistantIs(String text) {
        return ASKS_WHAT_ASSISTANT_IS.matcher(normal(text)).lookingAt();
    }

    /**
     * Whether the message asks how the plans compare or which to take: "what's the difference between team and
     * business?" (two plans named, and words that compare), "we're a team of 25, which plan would you recommend?", "is
     * there a cheaper option?", "it's too expensive for us".
     *
     * @param plans the plans' names, lower case
     */
    static boolean comparesPlans(String text, Set<String> plans) {
        String normal = normal(text);
        List<String> words = Arrays.asList(normal.split("[^\\p{L}\\p{N}]+"));
        long named = plans.stream().filter(words::contains).count();
        return named >= 2 && COMPARES.matcher(normal).find() || ASKS_WHICH_PLAN.matcher(normal).find()
                || TOO_DEAR.matcher(normal).find();
    }

    /** Whether the message asks how to do something: "how do I change my email address?", "where can I find...". */
    static boolean asksHowTo(String text) {
        return HOW_TO.matcher(normal(withoutCourtesies(text))).lookingAt();
    }

    /** Whether the text speaks of the customer ("what plan am I on", "show me my invoices", "our seats"). */
    static boolean speaksOfThemselves(String text) {
        return FIRST_PERSON.matcher(normal(text)).find();
    }

    /**
     * The names in a question (capitalised words inside a sentence, such as "Salesforce" or "CRM") that a passage
     * never mentions, leaving out the product's own terms (its name and its plans' names, lower case). A passage that leaves
     * out the very thing asked about is likely about something else: "does Pennant integrate with Salesforce?"
     * finds the GitHub entry.
     */
    static List<String> namesMissingFrom(String message, String passage, Set<String> productTerms) {
        String haystack = passage.toLowerCase(Locale.ROOT);
        String compact = haystack.replaceAll("[^\\p{L}\\p{N}]+", "");
        List<String> missing = new ArrayList<>();
        if (words(message) > MAX_NAME_CHECK_WORDS) {
            return missing;
        }
        // Only what is asked: "Hi, I'm Bashir from Okafor Labs. How do I reset my password?" asks about passwords
        List<String> asked = questionsIn(message);
        for (String token : namesIn(asked.isEmpty() ? message : String.join(" ", asked), productTerms)) {
            String lower = token.toLowerCase(Locale.ROOT);
            boolean capitals = token.equals(token.toUpperCase(Locale.ROOT));
            if (!haystack.contains(lower) && !compact.contains(lower)
                    && !(lower.length() >= MIN_STEMMED_LETTERS && haystack.contains(lower.substring(0, lower.length() - 1)))
                    && !(capitals && spelledOut(token, haystack))) {
                missing.add(token);
            }
        }
        return missing;
    }

    /**
     * The thing a question asks the product has ("does Pennant have time tracking?" asks about "time tracking"), when
     * a passage leaves out one of its words: the passage is then about something else, however close its
     * confidence. Names are {@link #namesMissingFrom}'s to find: when one is missing, the thing is not checked too.
     */
    static Optional<String> askedThingMissingFrom(String message, String passage, Set<String> productTerms) {
        if (words(message) > MAX_NAME_CHECK_WORDS) {
            return Optional.empty();
        }
        String haystack = passage.toLowerCase(Locale.ROOT);
        String compact = haystack.replaceAll("[^\\p{L}\\p{N}]+", "");
        List<String> asked = questionsIn(message);
        for (String question : asked.isEmpty() ? List.of(message) : asked) {
            Matcher asks = ASKS_IF_IT_HAS.matcher(withoutCourtesies(question).strip());
            if (!asks.lookingAt()) {
                continue;
            }
            // "an on-premises version I can host myself" asks for an on-premises version
            String thing = THING_ENDS.split(asks.group("thing").strip(), 2)[0];
            List<String> words = new ArrayList<>();
            for (String word : thing.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() > 1 && !FUNCTION_WORDS.contains(word) && !ENGLISH_FUNCTION_WORDS.contains(word)
                        && !VAGUE_WORDS.contains(word) && !productTerms.contains(word)) {
                    words.add(word);
                }
            }
            if (words.isEmpty() || words(thing) > MAX_THING_WORDS
                    || !namesMissingFrom(message, passage, productTerms).isEmpty()) {
                continue;
            }
            if (words.stream().anyMatch(word -> !mentions(haystack, compact, word))) {
                // "a Pennant certification course" is a certification course: the product's name goes without saying
                String[] named = thing.split("\\s+");
                int start = 0;
                while (start < named.length - 1 && productTerms.contains(named[start].toLowerCase(Locale.ROOT))) {
                    start++;
                }
                return Optional.of(String.join(" ", Arrays.asList(named).subList(start, named.length)));
            }
        }
        return Optional.empty();
    }

    /**
     * The sentences of a passage that speak of what a follow-up asks: "and for annual plans?" after the refund
     * entry gives its sentences on annual plans. Empty when none does, or every one does (the whole passage is the
     * answer then).
     */
    static Optional<String> sentencesAbout(String passage, String followUp, Set<String> productTerms) {
        List<String> asked = contentWords(followUp).stream().filter(word -> !productTerms.contains(word)
                && !ENGLISH_FUNCTION_WORDS.contains(word) && !VAGUE_WORDS.contains(word)).toList();
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        String[] sentences = passage.strip().split("(?<=[.!?])\\s+(?=\\p{Lu}|\\p{N})");
        List<String> about = new ArrayList<>();
        for (String sentence : sentences) {
            String lower = sentence.toLowerCase(Locale.ROOT);
            String compact = lower.replaceAll("[^\\p{L}\\p{N}]+", "");
            if (asked.stream().anyMatch(word -> mentions(lower, compact, word))) {
                about.add(sentence);
            }
        }
        return about.isEmpty() || about.size() == sentences.length ? Optional.empty()
                : Optional.of(String.join(" ", about));
    }

    /** Whether a passage (lower case, and without its spaces and punctuation) has the word or its stem. */
    private static boolean mentions(String haystack, String compact, String word) {
        if (haystack.contains(word) || compact.contains(word)) {
            return true;
        }
        String singular = word.replaceFirst("s$", "");
        String stem = word.replaceFirst("(?:ing|ed|es|s)$", "");
        return singular.length() >= MIN_SINGULAR_LETTERS && haystack.contains(singular)
                || stem.length() >= MIN_STEM_LETTERS && haystack.contains(stem);
    }

    /**
     * The names a text uses, each once, in order: capitalised words inside a sentence and acronyms ("Salesforce",
     * "CRM"), leaving out greetings, months, shouted words and the product's own terms (lower case).
     */
    static List<String> namesIn(String text, Set<String> productTerms) {
        List<String> names = new ArrayList<>();
        Matcher word = NAME_WORD.matcher(text);
        char last = '.';
        int scanned = 0;
        while (word.find()) {
            // The last non-blank character before the word tells whether it opens a sentence.
            for (int i = scanned; i < word.start(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    last = text.charAt(i);
                }
            }
            scanned = word.end();
            String token = word.group();
            boolean opensSentence = ".!?:".indexOf(last) >= 0;
            last = token.charAt(token.length() - 1);
            String lower = token.toLowerCase(Locale.ROOT);
            boolean capitals = token.equals(token.toUpperCase(Locale.ROOT));
            char first = token.charAt(token.length() - token.replaceFirst("^\\p{N}+", "").length());
            if (!opensSentence && Character.isUpperCase(first) && !NOT_NAMES.contains(lower)
                    && !(capitals && token.length() > MAX_ACRONYM_LETTERS) && !productTerms.contains(lower)
                    && !names.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    /** Whether the passage spells the acronym out: "SSO" in "single sign-on", "DPA" in "data processing agreement". */
    private static boolean spelledOut(String acronym, String passage) {
        String[] words = passage.split("[^\\p{L}\\p{N}]+");
        String initials = acronym.toLowerCase(Locale.ROOT);
        for (int start = 0; start + initials.length() <= words.length; start++) {
            boolean spelled = true;
            for (int i = 0; i < initials.length() && spelled; i++) {
                String word = words[start + i];
                spelled = !word.isEmpty() && word.charAt(0) == initials.charAt(i);
            }
            if (spelled) {
                return true;
            }
        }
        return false;
    }

    /** The first name a customer introduces themselves with, if the message does. */
    static Optional<String> givenName(String text) {
        Matcher matcher = INTRODUCTION.matcher(text.strip());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static boolean asksForPerson(String text) {
        return PERSON.matcher(normal(text)).find();
    }

    /** An explicit request for a person, whatever the classifier made of the rest of the message. */
    static boolean requestsAPerson(String text) {
        return REQUESTS_PERSON.matcher(normal(text)).find();
    }

    /**
     * The message without the courtesies it opens with, when a few words follow them that are set apart by
     * punctuation or open a question: "great question about seats" keeps its "great".
     */
    static String withoutCourtesies(String text) {
        String stripped = text.strip();
        Matcher courtesies = COURTESIES.matcher(stripped);
        if (!courtesies.lookingAt()) {
            return text;
        }
        String rest = stripped.substring(courtesies.end());
        boolean setApart = courtesies.group().matches("(?s).*[!.,;:].*") || opensAQuestion(rest);
        return setApart && words(rest) >= MIN_AFTER_COURTESIES ? rest : text;
    }

    /** Whether the message asks how much of something a plan allows or the customer has left. */
    static boolean asksAboutALimit(String text) {
        return ASKS_ABOUT_LIMIT.matcher(normal(text)).find();
    }

    /**
     * Whether the message asks what a plan allows rather than how much the customer uses: "how many members can we
     * have?", not "how many seats do we use".
     */
    static boolean asksWhatAPlanAllows(String text) {
        return asksAboutALimit(text) && !USES.matcher(normal(text)).find();
    }

    /**
     * Whether a customer waiting for a person says they no longer want one: words that withdraw, nothing that
     * says the problem or the wish for a person remains, and no request for a person once those words are set
     * aside ("I don't need anyone to cancel my subscription, I need someone to fix my billing").
     */
    static boolean withdrawsFromQueue(String text) {
        String normal = normal(text);
        Matcher withdrawing = WITHDRAWS.matcher(normal);
        return withdrawing.find() && !STILL_WANTS.matcher(normal).find()
                && !REQUESTS_PERSON.matcher(withdrawing.replaceAll(" ")).find();
    }

    /**
     * Whether the message says anything of a person or of talking to one, in any of the ways a request for one is
     * put ("a human please", "get me your manager", "I want to speak with support", "call me"). An intent of
     * talking to a person that the words never show ("authentcation") is the classifier's mistake.
     */
    static boolean speaksOfAPerson(String text) {
        String normal = normal(text);
        return PERSON.matcher(normal).find() || SPEAKS_OF_PERSON.matcher(normal).find();
    }

    /**
     * Whether the message is a short follow-up that leans on the one before ("and for annual plans?"), or a longer
     * one that refers back to it ("ok and can I get one if I'm on monthly?").
     */
    static boolean followUp(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        int words = words(text);
        return FOLLOW_UP.matcher(lower).find() && (words <= MAX_FOLLOW_UP_WORDS
                || words <= MAX_REFERRING_FOLLOW_UP_WORDS && REFERS_BACK.matcher(lower).find())
                || asksAboutIt(lower) || asksForAdvice(text);
    }

    /** Whether the message only asks what to do now: "what should I do?", "now what?", "any advice?". */
    static boolean asksForAdvice(String text) {
        return ASKS_ADVICE.matcher(normal(text)).matches();
    }

    /** Whether the message is a short question about "it" that names nothing else: "how long will it take?". */
    static boolean asksAboutIt(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith("?") && words(lower) <= MAX_ABOUT_IT_WORDS && REFERS_BACK.matcher(lower).find()
                && ABOUT_IT_WORDS.containsAll(contentWords(lower));
    }

    /** Whether the message says more about a problem reported before it ("it says timeout after 30 minutes"). */
    static boolean elaborates(String text) {
        return words(text) <= MAX_ELABORATION_WORDS && ELABORATES.matcher(normal(text)).find();
    }

    /**
     * Whether a message right after a problem report can only be more about it: it refers back to it ("it says
     * timeout"), or is a statement of a few words that asks nothing and opens no other matter ("we haven't changed
     * anything on our side"; not "also the calendar sync is broken", not a thanks or a goodbye).
     */
    static boolean addsToAProblem(String text) {
        String normal = normal(text);
        int words = words(normal);
        return elaborates(text) || !text.contains("?") && words >= MIN_ADDED_WORDS && words <= MAX_ELABORATION_WORDS
                && !ANOTHER_MATTER.matcher(normal).lookingAt() && !unreadable(text);
    }

    /**
     * The questions a message asks, each a sentence ending in "?" of at least {@value #MIN_SPLIT_QUESTION_WORDS}
     * words
     * ("Is prorating applied when we upgrade mid-cycle? Is SOC 2 covered on Business?"), in order; a leading
     * "and" or "also" is dropped.
     */
    static List<String> questionsIn(String text) {
        List<String> questions = new ArrayList<>();
        Matcher sentence = QUESTION_SENTENCE.matcher(text);
        while (sentence.find()) {
            String question = sentence.group().strip().replaceFirst("(?i)^(?:and|also|plus|oh and)[, ]+", "");
            if (words(question) >= MIN_SPLIT_QUESTION_WORDS) {
                questions.add(Character.toUpperCase(question.charAt(0)) + question.substring(1));
            }
        }
        return questions;
    }

    /** The words of a short message that name a topic: "and for the Business plan?" gives [business]. */
    static List<String> contentWords(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+]+")) {
            if (word.length() > 1 && !FUNCTION_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** How many of the message's words are English function words ("how", "much", "per", "the", "my"). */
    static int englishWords(String text) {
        int count = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (ENGLISH_FUNCTION_WORDS.contains(word)) {
                count++;
            }
        }
        return count;
    }

    /** Whether the customer complains about the help itself or demands that something be done. */
    static boolean complainsOfTheHelp(String text) {
        return COMPLAINS_OF_HELP.matcher(normal(text)).find();
    }

    /** Whether the customer cannot get into or use the workspace, which their subscription may explain. */
    static boolean reportsAccessProblem(String text) {
        return ACCESS_PROBLEM.matcher(normal(text)).find();
    }

    /** Whether the message reports a security incident in progress, which a person handles. */
    static boolean reportsSecurityIncident(String text) {
        return SECURITY_INCIDENT.matcher(normal(text)).find();
    }

    /**
     * Whether the customer reports an incident that is for a person at once: an outage for a whole team or
     * company, or data that vanished.
     */
    static boolean reportsAnIncident(String text) {
        String normal = normal(text);
        return (WIDE_OUTAGE.matcher(normal).find()
                || (DATA_LOSS.matcher(normal).find() && !MISSING_FROM_A_VIEW.matcher(normal).find()))
                && !HYPOTHETICAL.matcher(normal).find();
    }

    /** Whether the customer tells the agent to go ahead ("yes im sure, do it") with something it cannot do. */
    static boolean tellsToGoAhead(String text) {
        return !text.contains("?") && GO_AHEAD.matcher(normal(text)).find();
    }

    /** Whether the customer gives an ultimatum or says they are leaving for another product. */
    static boolean ultimatum(String text) {
        return ULTIMATUM.matcher(normal(text)).find();
    }

    /** Whether the customer says they will cancel or leave (a threat if said in anger, else maybe a plan). */
    static boolean saysLeaving(String text) {
        return LEAVING.matcher(normal(text)).find();
    }

    /**
     * Whether the message has nothing to read: no letter or digit at all ("...", "😡😡😡"), or a single word of
     * keyboard mashing ("asdfghjkl"). The classifier still picks some intent for it, often a goodbye.
     */
    /** Whether the message is nothing but approving emoji ("👍", "🙏🙂"), which thanks or agrees. */
    static boolean onlyApprovingEmoji(String text) {
        String rest = text.strip();
        for (String emoji : APPROVING_EMOJI) {
            rest = rest.replace(emoji, "");
        }
        return rest.length() < text.strip().length()
                && rest.codePoints().allMatch(c -> Character.isWhitespace(c) || c == 0xFE0F || c == '!' || c == '.'
                        || Character.getType(c) == Character.NON_SPACING_MARK
                        || c >= 0x1F3FB && c <= 0x1F3FF);
    }

    static boolean unreadable(String text) {
        String normal = normal(text);
        if (normal.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return true;
        }
        return words(normal) == 1 && MASHED.matcher(normal).find();
    }

    /** Whether the customer asks if anyone has dealt with their issue yet, which their tickets answer. */
    static boolean asksForProgress(String text) {
        return ASKS_FOR_PROGRESS.matcher(normal(text)).find();
    }

    static boolean mentionsTicket(String text) {
        return TICKET.matcher(normal(text)).find();
    }

    static boolean asksToClose(String text) {
        return CLOSE.matcher(normal(text)).find();
    }

    static boolean asksToReopen(String text) {
        return REOPEN.matcher(normal(text)).find();
    }

    static boolean urgent(String text) {
        return URGENT.matcher(normal(text)).find();
    }

    static OptionalInt rating(String text) {
        String normal = normal(text);
        if (normal.split(" ").length > 8) {
            return OptionalInt.empty();
        }
        Matcher matcher = RATING.matcher(normal);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}

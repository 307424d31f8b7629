package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.intent.domain.Entity;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks escalation, then routes. The order is the contract: a reason to hand over wins over
 * everything, then an answer to the agent's own question, then the intent.
 */
public final class RoutingPolicy {

    /**
     * @param handoffFrustration frustration at or above which the conversation goes to a human at once
     *                           ({@code HANDOFF_FRUSTRATION}, default 0.8)
     * @param negativePolarity   polarity at or below minus this makes a complaint worth offering a human
     * @param unansweredHandoff  questions in a row the knowledge base could not answer before a human takes
     *                           over (0 never)
     */
    public record Settings(double handoffFrustration, double negativePolarity, int unansweredHandoff,
            String productName) {

        public Settings(double handoffFrustration, double negativePolarity, int unansweredHandoff) {
            this(handoffFrustration, negativePolarity, unansweredHandoff, "");
        }
    }

    /** Intents with a route of their own; every other in-scope intent is a question for the knowledge base. */
    public static final java.util.Set<String> OWN_ROUTE_INTENTS = java.util.Set.of("greeting", "feedback", "goodbye",
            "talk_to_human", "create_ticket", "ticket_status", "update_ticket", "account_info", "out_of_scope");

    private static final Set<String> DIRECT_INTENTS = Set.of("greeting", "feedback", "goodbye");

    /** Below this the classifier's "out of scope" is a guess. */
    static final double UNSURE_OUT_OF_SCOPE = 0.5;
    static final int MIN_WORDS_FOR_LANGUAGE = 4;
    /** Frustration from which a message the classifier cannot place is taken as a complaint. */
    static final double EXASPERATED_FRUSTRATION = 0.5;
    /** English function words that make a message English whatever language detection says. */
    static final int ENGLISH_WORDS = 2;
    /** Words a statement the classifier put out of scope needs before the knowledge base is asked about it. */
    static final int MIN_WORDS_TO_LOOK_UP = 4;

    private final Settings settings;
    private final Pattern asksWhatTheProductIs;

    public RoutingPolicy(Settings settings) {
        this.settings = settings;
        this.asksWhatTheProductIs = Phrases.questionWhatTheProductIs(settings.productName());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The reason codes for handing over now; empty when the agent should go on. Besides an ask for a person
     * and the measured mood, a customer who gives an ultimatum ("fix it or I cancel", "I'm switching to Asana")
     * or says in anger that they will leave is at the end of their patience whatever the frustration score
     * says: sentiment reads "fix it or I cancel" at 0.75, under the 0.8 that hands over by itself.
     */
    public List<String> handoffReasons(Understanding understood, String text) {
        Set<String> reasons = new LinkedHashSet<>();
        if (understood.is("talk_to_human")) {
            reasons.add(HandoffReasons.ASKED_FOR_HUMAN);
        }
        Mood mood = understood.mood();
        if (mood.measured() && mood.frustration() >= settings.handoffFrustration()) {
            reasons.add(HandoffReasons.HIGH_FRUSTRATION);
        }
        if (Phrases.ultimatum(text) || (Phrases.saysLeaving(text) && worsening(mood) && !mood.leavingCalmly())) {
            // "can you delete all my data? I'm leaving" is a plan, said calmly; the advice to bring in a person
            // came from the leaving alone
            reasons.add(HandoffReasons.HIGH_FRUSTRATION);
        }
        if (Phrases.reportsSecurityIncident(text) || Phrases.reportsAnIncident(text)) {
            // a compromised account, a former employee with access, a whole team locked out or data that vanished
            // is for a person, at once: no article fixes it, and the ticket is urgent
            reasons.add(HandoffReasons.POLICY);
        }
        if (mood.measured() && "immediate".equals(mood.escalation())) {
            if (mood.reasons().contains("high_frustration")) {
                reasons.add(HandoffReasons.HIGH_FRUSTRATION);
            }
            if (mood.declining() || mood.reasons().contains("declining_trend")) {
                reasons.add(HandoffReasons.DECLINING_TREND);
            }
            if (reasons.isEmpty()) {
                reasons.add(HandoffReasons.HIGH_FRUSTRATION);
            }
        }
        return List.copyOf(reasons);
    }

    public Route route(ConversationState state, Understanding understood, String text) {
        if (!handoffReasons(understood, text).isEmpty()) {
            return Route.HANDOFF;
        }
        if (state.pending() != null) {
            return Route.CONTINUE;
        }
        return byIntent(understood, text);
    }

    /**
     * The intent the agent acts on. An explicit command wins over the classifier: a message that starts
     * with a request to change a ticket ("add to my ticket that ...") is {@code update_ticket}, one that
     * starts with a request for a ticket ("please open a ticket: the export fails") is
     * {@code create_ticket}, whatever the rest of it is about; and a request for a ticket that names an
     * existing ticket is about that ticket; a question about a fact of the customer's own account ("when
     * is my next invoice due?") is {@code account_info}, answered from the account rather than the help
     * center; and an account question that does not speak of the customer at all ("what does the Business
     * plan include?") is a question for the help center. A customer introducing themselves ("hi, my name is
     * Carla and I run a design studio") is greeted, not told that is out of scope. A request for a person in
     * so many words ("I need someone from security on this NOW") is one; "list my tickets" or "did anyone look at
     * my payment issue?" shows the customer's tickets; "close it" or "reopen it" while the conversation is about a
     * ticket changes that ticket; and what the classifier took for a ticket update with no ticket in sight ("i
     * updated the card already") is a question.
     *
     * @param recentIntents the intents of the conversation's last messages, oldest first
     */
    public Understanding effective(Understanding understood, String text, List<String> recentIntents) {
        if ((understood.outOfScope() || understood.is("greeting") || understood.is("feedback")) && !text.contains("?")
                && Phrases.givenName(text).isPresent()) {
            // "hi, I'm Tom, we use Pennant for our agency" introduces the customer: no feedback to thank for
            return understood.actingAs("greeting");
        }
        if (Phrases.onlyApprovingEmoji(text)) {
            // "👍" thanks or agrees, as "great, thanks" does
            return understood.actingAs("feedback");
        }
        if (understood.outOfScope() && understood.entity(Entity.PLAN).isPresent() && Phrases.asksWhatAPlanOffers(text)) {
            // "what's included in business" names a plan of ours, whatever the classifier made of "business"
            return understood.actingAs("question");
        }
        if (Phrases.onlyAsksForHelp(text)) {
            // "help" or "I have a question" says nothing to look up: the customer is asked what about
            return understood.actingAs("greeting");
        }
        if (Phrases.asksAboutAnEarlierConversation(text)) {
            // "what did we talk about last time?" is answered from memory's note on that conversation
            return understood.actingAs("greeting");
        }
        if (Phrases.asksWhatTheAssistantIs(text)) {
            // "am I talking to a real person?" asks, and is answered honestly; it asks for no one
            return understood.actingAs("greeting");
        }
        if (Phrases.asksWhatTheProductIs(text, asksWhatTheProductIs)) {
            // "what is Pennant?" is no question for the help center, which is all about it, nor out of scope
            return understood.actingAs("greeting");
        }
        if (Phrases.requestsAPerson(text)) {
            // "this is useless, let me talk to a human" asks for a person, however much it complains on the way
            return understood.is("talk_to_human") ? understood : understood.actingAs("talk_to_human");
        }
        if (understood.is("talk_to_human") && !Phrases.speaksOfAPerson(text)) {
            // "authentcation" heard as a wish for a person: nobody asked for one, so it is looked up as a question
            return understood.actingAs("question");
        }
        if (TicketTools.asksForList(text) || (Phrases.asksForProgress(text) && !understood.is("update_ticket"))) {
            return understood.actingAs("ticket_status");
        }
        if (recentIntents.stream().anyMatch(TicketTools::aboutATicket)) {
            if (TicketTools.asksWhatHappensNext(text)) {
                // "what happens next?" after a ticket is about that ticket
                return understood.actingAs("ticket_status");
            }
            if (TicketTools.asksForPriority(text)) {
                return understood.actingAs("update_ticket");
            }
        }
        if (TicketTools.changesStatusOfIt(text, recentIntents)) {
            return understood.actingAs("update_ticket");
        }
        if (TicketTools.pointsAtListed(text, recentIntents) && !understood.is("update_ticket")) {
            // "what about the second one?" after a list of tickets asks about that ticket
            return understood.actingAs("ticket_status");
        }
        if (Phrases.complainsOfTheHelp(text) || (understood.outOfScope() && exasperated(understood.mood()))) {
            // "you keep giving me the same useless answer", "this is ridiculous": no entry answers these
            return understood.actingAs("complaint");
        }
        if (understood.outOfScope() && !recentIntents.isEmpty()
                && "technical_issue".equals(recentIntents.get(recentIntents.size() - 1))
                && Phrases.addsToAProblem(text)) {
            // "we haven't changed anything on our side" right after "our webhook stopped firing" is more about it
            return understood.actingAs("technical_issue");
        }
        boolean ticketWithoutTicket = (understood.is("ticket_status") || understood.is("update_ticket"))
                && understood.entity(Entity.TICKET_ID).isEmpty() && !Phrases.mentionsTicket(text)
                && recentIntents.stream().noneMatch(TicketTools::aboutATicket);
        if (Phrases.followUp(text) && !recentIntents.isEmpty()
                && (understood.outOfScope() || DIRECT_INTENTS.contains(understood.intent()) || ticketWithoutTicket)) {
            // "and jira?" after a question about integrations is the same kind of question, not a greeting; "and how
            // long does it take?" after a question about imports asks about imports, not about a ticket
            String previous = recentIntents.get(recentIntents.size() - 1);
            if (!OWN_ROUTE_INTENTS.contains(previous) || previous.equals("account_info")
                    || previous.equals("ticket_status")) {
                return understood.actingAs(previous);
            }
        }
        if (TicketTools.asksHowTicketsWork(text)) {
            // "how do I close a ticket?" asks how; it must not close the customer's ticket
            return understood.actingAs("question");
        }
        if (TicketTools.explicitUpdate(text)) {
            return understood.actingAs("update_ticket");
        }
        if (TicketTools.explicitRequest(text)
                && understood.entity(Entity.TICKET_ID).isEmpty()) {
            // "please open a ticket: ..." is a new ticket even when the classifier heard an update
            return understood.actingAs("create_ticket");
        }
        if (understood.is("create_ticket")
                && understood.entity(Entity.TICKET_ID).isPresent()) {
            return understood.actingAs("update_ticket");
        }
        if (understood.is("create_ticket") && Phrases.asksHowTo(text) && !TicketTools.explicitRequest(text)) {
            // "how can I contact support?" asks how, which the help center answers; it describes no problem
            return understood.actingAs("question");
        }
        if (understood.is("update_ticket") && !Phrases.mentionsTicket(text) && !Phrases.asksToClose(text)
                && !Phrases.asksToReopen(text) && understood.entity(Entity.TICKET_ID).isEmpty()
                && recentIntents.stream().noneMatch(TicketTools::aboutATicket)) {
            // "i updated the card already" changes no ticket: with none in the conversation, it is news for the
            // help center ("a failed payment is retried within 24 hours of the update")
            return understood.actingAs("question");
        }
        if (Phrases.invoiceNumber(text).isPresent()
                && (understood.outOfScope() || !OWN_ROUTE_INTENTS.contains(understood.intent()))) {
            // "what is INV-U1001-003?": one of the customer's invoices, whatever the classifier made of the number
            return understood.actingAs("account_info");
        }
        if (!understood.outOfScope() && !OWN_ROUTE_INTENTS.contains(understood.intent())
                && Phrases.asksAboutOwnAccount(text)) {
            return understood.actingAs("account_info");
        }
        if (understood.is("account_info") && (!Phrases.speaksOfThemselves(text)
                || Phrases.asksHowTo(text) && !Phrases.asksAboutOwnAccount(text))) {
            // "how do I change my email address?" asks how, which the help center answers, not what the account holds
            return understood.actingAs("question");
        }
        if (understood.is("account_info") && Phrases.asksWhatAPlanAllows(text) && !Phrases.asksAboutACharge(text)
                && !AccountLookup.metricsIn(text.toLowerCase(Locale.ROOT)).isEmpty()) {
            // "how many members can we have?": the help center answers it, and the answer opens with where the
            // customer's own account stands on that metric, instead of the whole account again
            return understood.actingAs("question");
        }
        return understood;
    }

    /** As {@link #effective(Understanding, String, List)} for the first message of a conversation. */
    public Understanding effective(Understanding understood, String text) {
        return effective(understood, text, List.of());
    }

    /** The route from the intent alone, for a message that turned out not to answer a pending question. */
    public Route byIntent(Understanding understood, String text) {
        if (understood.outOfScope()) {
            return Route.OUT_OF_SCOPE;
        }
        return switch (understood.intent()) {
            case "greeting", "feedback", "goodbye" -> Route.DIRECT;
            case "create_ticket" -> Route.CREATE_TICKET;
            case "ticket_status" -> Route.TICKET_STATUS;
            case "update_ticket" -> Route.UPDATE_TICKET;
            case "account_info" -> Route.ACCOUNT;
            case "complaint" -> worsening(understood.mood()) || Phrases.complainsOfTheHelp(text)
                    || exasperated(understood.mood()) ? Route.COMPLAINT : Route.KNOWLEDGE;
            default -> Route.KNOWLEDGE;
        };
    }

    /**
     * Whether a message routed out of scope is still worth a look in the knowledge base: one the classifier
     * rejected without being sure, a question ("how fast do you answer support requests?" at 0.29) or a
     * statement of a few words ("notifications arent arriving on my phone since the update" at 0.38). The
     * knowledge base's own calibrated confidence then decides; without a confident answer the customer gets
     * the out-of-scope reply. A message the classifier is sure of is not looked up: of CLINC150's questions
     * from other domains, 1.3 % reach the knowledge base's sure band anyway ("tell me how to change my policy"
     * finds "How do I upgrade or change my plan?" at 0.80; docs/benchmarks.md).
     */
    public boolean worthAskingTheKnowledgeBase(Understanding understood, String text) {
        return understood.outOfScope() && understood.confidence() < UNSURE_OUT_OF_SCOPE
                && (Phrases.asksSomething(text) || Phrases.words(text) >= MIN_WORDS_TO_LOOK_UP);
    }

    /**
     * Whether the message is written in a language other than English, by sentiment-service's reading: the
     * composer's answers and the knowledge base are English. Scripts other than the Latin one are told at
     * any length; a Latin-script language needs {@value #MIN_WORDS_FOR_LANGUAGE} words, because a few words
     * ("de-activate user") are too few to tell.
     */
    public boolean writtenInAnotherLanguage(Mood mood, String text) {
        String language = mood.language();
        if (!mood.measured() || "en".equals(language) || Mood.UNKNOWN_LANGUAGE.equals(language)) {
            return false;
        }
        boolean latinLetters = text.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
        if (!latinLetters) {
            return true;
        }
        // Short messages fool language detection ("how much extra per month?" read as Italian): English
        // function words settle it.
        return Phrases.words(text) >= MIN_WORDS_FOR_LANGUAGE && Phrases.englishWords(text) < ENGLISH_WORDS;
    }

    /** Frustrated enough that a message with no question of its own ("this is ridiculous") is a complaint. */
    private static boolean exasperated(Mood mood) {
        return mood.measured() && mood.frustration() >= EXASPERATED_FRUSTRATION;
    }

    /** Whether a complaint comes from a conversation that is getting worse, not a neutral report. */
    boolean worsening(Mood mood) {
        return mood.measured() && (mood.declining() || mood.polarity() <= -settings.negativePolarity()
                || !"none".equals(mood.escalation()));
    }
}

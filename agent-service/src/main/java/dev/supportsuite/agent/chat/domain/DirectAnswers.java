package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Pending;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** The answers that need no lookup: greetings, thanks, goodbyes, out of scope, and the offers of help. */
public final class DirectAnswers {

    /** Intents of a message that asks for a change the agent cannot make itself. */
    private static final Set<String> CHANGE_INTENTS = Set.of("cancel_subscription",
            "refund_request", "plan_upgrade");
    private static final Pattern PROBLEM = Pattern.compile(
            "(?i)\\b(?:problems?|issues?)\\b");
    private static final String OFFER = "I can answer questions about your plan, billing and the product, and open "
            + "or check tickets. How can I help?";

    /** The "English only" notice in the languages customers most often write in, for those who read no English. */
    private static final Map<String, String> IN_THEIR_LANGUAGE = Map.of(
            "es", "Lo siento, por ahora solo puedo responder en inglés. Escriba «persona» y alguien de nuestro equipo "
                    + "le atenderá.",
            "fr", "Désolé, je ne peux répondre qu'en anglais pour le moment. Écrivez « personne » et quelqu'un de "
                    + "notre équipe prendra le relais.",
            "de", "Entschuldigung, ich kann im Moment nur auf Englisch antworten. Schreiben Sie „Mensch“, dann "
                    + "übernimmt jemand aus unserem Team.",
            "pt", "Desculpe, por enquanto só consigo responder em inglês. Escreva «pessoa» e alguém da nossa equipe "
                    + "vai atendê-lo.",
            "it", "Mi dispiace, per ora posso rispondere solo in inglese. Scriva «persona» e qualcuno del nostro team "
                    + "la aiuterà.");

    private final String productName;
    private final String productDescription;
    private final Pattern asksWhatTheProductIs;

    /** Answers for a product with no name configured: "what is it?" is then not answered directly. */
    public DirectAnswers() {
        this("", "");
    }

    /**
     * @param productName        the product the agent supports ("Pennant")
     * @param productDescription what it is ("a project management product")
     */
    public DirectAnswers(String productName, String productDescription) {
        this.productName = productName.strip();
        this.productDescription = productDescription.strip();
        this.asksWhatTheProductIs = Phrases.questionWhatTheProductIs(this.productName);
    }

    public Outcome direct(Turn turn) {
        return direct(turn, CustomerMemory.Recollection.NONE);
    }

    /**
     * As {@link #direct(Turn)}; a greeting that opens a conversation also welcomes a returning customer
     * by the name they gave and names their open tickets, from what {@code memory} recalls.
     */
    public Outcome direct(Turn turn, CustomerMemory.Recollection memory) {
        Optional<String> name = Phrases.givenName(turn.text());
        if (Phrases.asksWhatTheProductIs(turn.text(), asksWhatTheProductIs)) {
            return Outcome.say(Route.DIRECT.wire(), productName + " is " + productDescription + ". I'm its support "
                    + "assistant: I answer questions about its features, plans and billing from our help center, look "
                    + "into your account, and open and check tickets. What would you like to know?",
                    turn.state().withPending(null));
        }
        if (Phrases.asksWhatTheAssistantIs(turn.text())) {
            return Outcome.say(Route.DIRECT.wire(), "I'm the support assistant: an automated agent, not a person. I "
                    + "answer from our help center and your account, and I can open and check tickets. If you'd "
                    + "rather talk to a person, just say so and I'll bring one in.", turn.state().withPending(null));
        }
        if (Phrases.onlyAsksForHelp(turn.text())) {
            boolean problem = PROBLEM.matcher(turn.text()).find();
            return Outcome.say(Route.DIRECT.wire(), (problem ? "I'm sorry to hear that. What's happening? "
                    : "Of course. What would you like to know? ") + "Tell me in a sentence or two: I can answer "
                    + "questions about your plan, billing and the product, look into a technical problem, and open "
                    + "or check tickets.", turn.state().withPending(null));
        }
        if (Phrases.asksAboutAnEarlierConversation(turn.text())) {
            return Outcome.say(Route.DIRECT.wire(), earlierConversation(turn, memory), turn.state().withPending(null));
        }
        String text = switch (turn.understood().intent()) {
            case "greeting" -> name.isPresent() ? "Nice to meet you, " + name.get() + "! I'm the support assistant. "
                    + OFFER
                    : turn.state().recentMessages().isEmpty() ? opening(memory)
                    : Phrases.bareReply(turn.text()) ? "Okay. What would you like me to help with?"
                    : "Hello again! What can I do for you?";
            case "feedback" -> "Thank you, that's good to hear. Is there anything else I can help with?";
            default -> "Goodbye, and thanks for getting in touch. You can come back to this chat any time.";
        };
        return Outcome.say(Route.DIRECT.wire(), text, turn.state().withPending(null));
    }

    /**
     * What the agent can say of the customer's conversation before this one: memory's note on it, and the tickets
     * still open. A visitor who is not signed in has no memory to look back at.
     */
    private static String earlierConversation(Turn turn, CustomerMemory.Recollection memory) {
        if (!turn.verified()) {
            return "I can only look back at earlier conversations for signed-in customers. Please sign in, or tell me "
                    + "what you need and I'll help from here.";
        }
        if (memory.earlier() == null && memory.openIssues().isEmpty()) {
            return "I don't have notes on an earlier conversation with you. What can I help you with today?";
        }
        StringBuilder text = new StringBuilder();
        if (memory.earlier() != null) {
            text.append("From my notes on our last conversation: ").append(memory.earlier().strip());
            if (!memory.earlier().strip().matches("(?s).*[.!?]$")) {
                text.append('.');
            }
        } else {
            text.append("I don't have notes on our last conversation itself.");
        }
        List<String> issues = memory.openIssues();
        if (!issues.isEmpty()) {
            text.append(issues.size() == 1 ? " Your ticket " + issues.get(0) + " is still open."
                    : " Your open tickets: " + String.join("; ", issues) + ".");
        }
        return text.append(" How can I help today?").toString();
    }

    private static String opening(CustomerMemory.Recollection memory) {
        if (!memory.returning() && memory.name() == null && memory.openIssues().isEmpty()) {
            return "Hello! I'm the support assistant. " + OFFER;
        }
        StringBuilder text = new StringBuilder(memory.name() == null ? "Welcome back!"
                : "Welcome back, " + memory.name() + "!");
        List<String> issues = memory.openIssues();
        if (issues.size() == 1) {
            text.append(" Your ticket ").append(issues.get(0)).append(" is still open; ask me for its status "
                    + "any time.");
        } else if (!issues.isEmpty()) {
            text.append(" You have ").append(issues.size()).append(" open tickets: ")
                    .append(String.join("; ", issues)).append(". Ask me for the status of any of them.");
        }
        return text.append(" ").append(OFFER).toString();
    }

    public Outcome outOfScope(Turn turn) {
        if (Phrases.unreadable(turn.text())) {
            return Outcome.say(Route.OUT_OF_SCOPE.wire(), "Sorry, I didn't catch that. Could you tell me in a few "
                    + "words what you need? " + OFFER, turn.state().withPending(null));
        }
        return Outcome.say(Route.OUT_OF_SCOPE.wire(), "That's outside what I can help with here. I can answer "
                + "questions about billing, plans, your account, security, integrations and technical problems, "
                + "open or check a support ticket, or connect you with a person.", turn.state().withPending(null));
    }

    /**
     * A message in another language, without a language model to answer it: said plainly, in English, with
     * the offer of a person or a ticket that the next message can take up.
     */
    public Outcome onlyEnglish(Turn turn) {
        ConversationState next = turn.state()
                .withPending(Pending.offerHelp(turn.text()));
        String notice = "Sorry, I can only answer in English for now. Please write your question in English, or "
                + "ask for a person and someone from our team will take over.";
        String own = IN_THEIR_LANGUAGE.get(turn.understood().mood().language());
        return Outcome.say(Route.DIRECT.wire(), own == null ? notice : own + "\n\n" + notice, next);
    }

    /**
     * "yes im sure, do it" when the agent offered to do nothing: it cannot delete an account, refund or change a
     * plan itself, and says so rather than a goodbye the customer could take for "done", with the offer of a
     * ticket for what they asked before or a person.
     */
    public Outcome cannotDoIt(Turn turn) {
        ConversationState next = turn.state().withPending(Pending.offerHelp(askedToDo(turn.state())));
        return Outcome.say(Route.DIRECT.wire(), "I can't make that change from this chat myself. I can open a ticket "
                + "so our team does it (just say yes), or connect you with someone now.", next);
    }

    /**
     * What the customer wants done, for the ticket on offer: their latest earlier message that asked for a change
     * (to cancel, refund, upgrade), else their last message ("I want to cancel my subscription", not "ok what would
     * I lose on free?" asked in between).
     */
    private static String askedToDo(ConversationState state) {
        List<String> messages = state.recentMessages();
        List<String> intents = state.recentIntents();
        if (intents.size() == messages.size()) {
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (CHANGE_INTENTS.contains(intents.get(i))) {
                    return messages.get(i);
                }
            }
        }
        return messages.get(messages.size() - 1);
    }

    /** A complaint on a worsening conversation: an apology and a choice between a person and a ticket. */
    public Outcome complaint(Turn turn) {
        ConversationState next = turn.state()
                .withPending(Pending.offerHelp(turn.text()));
        return Outcome.say(Route.COMPLAINT.wire(), "I'm really sorry about this; that's not the experience you "
                + "should have. I can connect you with a person from our team now, or open a ticket so someone "
                + "follows up on it. Which would you prefer?", next);
    }

    /** A rating after a human resolved the case; null when the message is not a rating. */
    public Outcome rating(Turn turn) {
        OptionalInt stars = Phrases.rating(turn.text());
        if (stars.isEmpty()) {
            return null;
        }
        int value = stars.getAsInt();
        String thanks = value >= 4 ? "Thank you for rating us " + value + " out of 5. Glad we could help!"
                : "Thank you for rating us " + value + " out of 5. I'm sorry it wasn't better; your rating goes to "
                        + "the team so we can improve.";
        return Outcome.say(Route.CONTINUE.wire(), thanks, turn.state().withPending(null))
                .tool("record_rating", Map.of("rating", Integer.toString(value)), "recorded");
    }
}

package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.Mode;
import dev.supportsuite.contracts.handoff.HandoffReasons;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands a conversation to a human: writes the summary the human reads first, tells the customer what
 * happens next, and puts the conversation in {@code waiting_for_human} so the AI stays quiet.
 */
public final class Handoffs {

    private static final Pattern TICKET_ID = Pattern.compile("\\bTKT-[A-Z0-9]+\\b", Pattern.CASE_INSENSITIVE);
    private static final int QUOTED_MESSAGES = 3;
    private static final int MIN_TOPIC_WORDS = 4;
    /** A message asking for a person in this many words or fewer says nothing else ("can I talk to a real human"). */
    private static final int MAX_PERSON_REQUEST_WORDS = 8;

    public Outcome handOff(Turn turn, List<String> reasons) {
        ConversationState state = turn.state();
        String handoffId = "H-" + turn.key();
        Mood mood = turn.understood().mood();
        Outcome.Handoff handoff = new Outcome.Handoff(handoffId, reasons, summary(turn, reasons),
                mood.measured() ? mood.frustration() : 0.0, topic(turn));
        ConversationState next = state.withMode(Mode.WAITING_FOR_HUMAN, handoffId).withPending(null)
                .withUnanswered(0);
        return Outcome.say(Route.HANDOFF.wire(), message(reasons), next)
                .tool("escalate_to_human", java.util.Map.of("reasons", String.join(",", reasons)), handoffId)
                .handingOff(handoff);
    }

    private static String message(List<String> reasons) {
        String next = "I'm bringing in a person from our support team now. They will see this whole conversation, "
                + "so you won't need to repeat anything, and I'll stay quiet until they join.";
        if (reasons.contains(HandoffReasons.ASKED_FOR_HUMAN)) {
            return "Of course. " + next;
        }
        if (reasons.contains(HandoffReasons.POLICY)) {
            return "This needs a person from our team rather than me, so I'm treating it as urgent. " + next;
        }
        if (reasons.contains(HandoffReasons.NO_ANSWER)) {
            return "I haven't been able to answer this myself, and I don't want to keep you going in circles. " + next;
        }
        return "I'm sorry this has been so frustrating. " + next;
    }

    /**
     * What the customer's issue is, in their words: the latest of their messages that says more than that they
     * want a person ("I was charged twice for November and want a refund", not "ok can you get me a human");
     * null when none does. The handoff's ticket takes it as its subject.
     */
    static String topic(Turn turn) {
        List<String> said = new ArrayList<>(turn.state().recentMessages());
        said.add(turn.text());
        for (int i = said.size() - 1; i >= 0; i--) {
            String message = said.get(i).replaceAll("\\s+", " ").strip();
            boolean onlyAsksForPerson = (Phrases.requestsAPerson(message) || Phrases.asksForPerson(message))
                    && Phrases.words(message) <= MAX_PERSON_REQUEST_WORDS;
            if (Phrases.words(message) >= MIN_TOPIC_WORDS && !Phrases.unreadable(message) && !onlyAsksForPerson) {
                return message;
            }
        }
        return null;
    }

    static String summary(Turn turn, List<String> reasons) {
        ConversationState state = turn.state();
        Mood mood = turn.understood().mood();
        StringBuilder summary = new StringBuilder();
        summary.append("Handed over because: ")
                .append(String.join(", ", reasons.stream().map(r -> r.replace('_', ' ')).toList()))
                .append('.');
        if (mood.measured()) {
            // In words: the summary also becomes the ticket's description, which the customer can read; the
            // score itself travels in the event's own field for the console
            summary.append(" The customer seemed ").append(moodInWords(mood)).append('.');
        } else {
            summary.append(" Sentiment was not available.");
        }
        List<String> said = new ArrayList<>(state.recentMessages());
        said.add(turn.text());
        List<String> quoted = said.subList(Math.max(0, said.size() - QUOTED_MESSAGES), said.size());
        summary.append("\nThe customer said (latest last):");
        quoted.forEach(message -> summary.append("\n- \"").append(shorten(message)).append('"'));
        Set<String> intents = new LinkedHashSet<>(state.recentIntents());
        intents.add(turn.understood().intent());
        summary.append("\nTopics: ").append(String.join(", ", intents)).append('.');
        Set<String> tickets = new LinkedHashSet<>();
        for (String message : said) {
            Matcher matcher = TICKET_ID.matcher(message);
            while (matcher.find()) {
                tickets.add(matcher.group().toUpperCase(Locale.ROOT));
            }
        }
        if (!tickets.isEmpty()) {
            summary.append("\nTickets mentioned: ").append(String.join(", ", tickets)).append('.');
        }
        if (state.unanswered() > 0) {
            summary.append("\nQuestions the knowledge base could not answer in a row: ").append(state.unanswered())
                    .append('.');
        }
        return summary.toString();
    }

    private static String moodInWords(Mood mood) {
        double frustration = mood.frustration();
        String feeling = frustration >= 0.8 ? "very frustrated" : frustration >= 0.5 ? "frustrated"
                : frustration >= 0.3 ? "somewhat frustrated" : "calm";
        return "declining".equals(mood.trend()) ? feeling + ", and more so as the conversation went on" : feeling;
    }

    private static String shorten(String message) {
        String flat = message.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 199) + "…" : flat;
    }
}

package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.agent.conversation.domain.Mode;
import java.util.Set;

/**
 * Adapts the wording of a reply to the customer's mood: an acknowledgement when they are upset, and
 * a reminder that a person is available when sentiment-service suggests one. Routes that already
 * speak to the mood (a handoff, a complaint) are left as they are.
 */
public final class Tone {

    private static final Set<String> OWN_TONE = Set.of(Route.HANDOFF.wire(), Route.COMPLAINT.wire());
    private static final double UPSET_FRUSTRATION = 0.4;

    private final double negativePolarity;

    public Tone(double negativePolarity) {
        this.negativePolarity = negativePolarity;
    }

    public Outcome adapt(Outcome outcome, Understanding understood) {
        Mood mood = understood.mood();
        if (outcome.content() == null || OWN_TONE.contains(outcome.route()) || !mood.measured()) {
            return outcome;
        }
        String content = outcome.content();
        // Wanting to leave (cancel, delete the account) said calmly is not being upset: no apology for it.
        boolean upset = !mood.leavingCalmly()
                && (mood.polarity() <= -negativePolarity || mood.frustration() >= UPSET_FRUSTRATION);
        if (upset && !content.startsWith("I'm sorry") && !content.startsWith("I'm really sorry")) {
            content = "I'm sorry for the trouble. " + content;
        }
        if ("suggest".equals(mood.escalation()) && outcome.handoff() == null && !waitsForAPerson(outcome)
                && !offersAPerson(content)) {
            content = content + "\n\nIf you'd rather talk to a person, just say so.";
        }
        return outcome.withContent(content);
    }

    /** Whether the customer is already in the queue for a person, who is on the way whatever they say. */
    private static boolean waitsForAPerson(Outcome outcome) {
        return outcome.state() != null && outcome.state().mode() == Mode.WAITING_FOR_HUMAN;
    }

    /** Whether a reply already offers a person, so a reminder would say it twice. */
    static boolean offersAPerson(String content) {
        return content.contains("ask for a person") || content.contains("connect you with someone");
    }
}

package dev.supportsuite.agent.chat.domain;

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
        boolean upset = mood.frustration() >= UPSET_FRUSTRATION || mood.polarity() <= -negativePolarity;
        if (upset && !content.startsWith("I'm sorry") && !content.startsWith("I'm really sorry")) {
            content = "I'm sorry for the trouble. " + content;
        }
        if ("suggest".equals(mood.escalation()) && outcome.handoff() == null) {
            content = content + "\n\nIf you'd rather talk to a person, just say so.";
        }
        return outcome.withContent(content);
    }
}

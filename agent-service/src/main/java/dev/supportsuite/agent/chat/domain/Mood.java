package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import java.util.List;
import java.util.Set;

/**
 * The customer's mood as sentiment-service read one message, with the trend over the conversation
 * and its escalation advice.
 *
 * @param escalation {@code none}, {@code suggest} or {@code immediate}
 * @param reasons    the service's reason codes for its advice
 * @param measured   false when the service could not be asked: the mood is then neutral and unknown
 * @param language   the ISO 639-1 code sentiment-service read the message as, {@code und} when unknown
 */
public record Mood(double polarity, String label, double frustration, String trend, double slope, String escalation,
        List<String> reasons, boolean measured, String language) {

    public Mood {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        language = language == null || language.isBlank() ? UNKNOWN_LANGUAGE : language;
    }

    /** A mood whose language was not read. */
    public Mood(double polarity, String label, double frustration, String trend, double slope, String escalation,
            List<String> reasons, boolean measured) {
        this(polarity, label, frustration, trend, slope, escalation, reasons, measured, UNKNOWN_LANGUAGE);
    }

    public static final String UNKNOWN_LANGUAGE = "und";

    /** What a turn assumes when sentiment-service is unavailable: neutral, and flagged as unmeasured. */
    public static Mood unmeasured() {
        return new Mood(0.0, "neutral", 0.0, "unknown", 0.0, "none", List.of(), false);
    }

    public boolean declining() {
        return "declining".equals(trend);
    }

    /** The only reasons for advice a customer who says they are leaving gives by saying so. */
    private static final Set<String> LEAVING_REASONS = Set.of("threat_to_leave", "elevated_frustration");
    /**
     * Polarity above minus this is calm for a customer who wants to leave: the word "cancel" alone reads about
     * -0.36 ("I want to cancel my subscription"), a complaint with it -0.6 and below ("this is terrible, I want
     * to cancel").
     */
    private static final double CALM_LEAVING_POLARITY = 0.5;

    /**
     * Whether the customer says they are leaving (cancelling, deleting their data) calmly: sentiment-service's advice
     * rests on the leaving alone and the message is not markedly negative. Wanting to leave is then a plan, not
     * anger: no apology for it and no person called in for it.
     */
    public boolean leavingCalmly() {
        return measured && reasons.contains("threat_to_leave") && LEAVING_REASONS.containsAll(reasons)
                && polarity > -CALM_LEAVING_POLARITY;
    }

    public SentimentSnapshot snapshot() {
        return measured ? new SentimentSnapshot(polarity, label, frustration, trend) : SentimentSnapshot.unknown();
    }
}

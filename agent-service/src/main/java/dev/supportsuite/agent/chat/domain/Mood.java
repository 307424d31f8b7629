package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import java.util.List;

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

    public SentimentSnapshot snapshot() {
        return measured ? new SentimentSnapshot(polarity, label, frustration, trend) : SentimentSnapshot.unknown();
    }
}

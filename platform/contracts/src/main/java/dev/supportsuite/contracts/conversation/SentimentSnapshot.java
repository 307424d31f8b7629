package dev.supportsuite.contracts.conversation;

/** The customer's mood as measured for one message. */
public record SentimentSnapshot(double polarity, String label, double frustration, String trend) {

    /** What a turn records when the sentiment service could not be reached. */
    public static SentimentSnapshot unknown() {
        return new SentimentSnapshot(0.0, "neutral", 0.0, "unknown");
    }
}

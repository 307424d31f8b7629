package dev.supportsuite.sentiment.analysis.domain;

import java.util.List;

/**
 * Everything the service says about one message.
 *
 * @param polarity    -1 (very negative) .. 1 (very positive); 0 for text in a language the engine does not score
 * @param label       positive, neutral or negative
 * @param frustration 0 (calm) .. 1 (very frustrated)
 * @param signals     what raised the frustration, strongest first
 * @param trend       mood direction over the history plus this message
 * @param escalation  advice on handing over to a human
 * @param language    ISO 639-1 code of the detected language, or {@code und}
 */
public record SentimentAnalysis(double polarity, Label label, double frustration, List<Signal> signals, Trend trend,
        Escalation escalation, String language) {

    public SentimentAnalysis {
        signals = List.copyOf(signals);
    }

    /** Sentiment label. */
    public enum Label {
        POSITIVE, NEUTRAL, NEGATIVE
    }
}

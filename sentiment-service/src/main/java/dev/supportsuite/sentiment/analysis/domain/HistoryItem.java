package dev.supportsuite.sentiment.analysis.domain;

/**
 * One earlier user message of the conversation: either its text (scored again) or its polarity.
 *
 * @param text     the earlier message, or null when only its polarity is known
 * @param polarity its polarity in [-1, 1], or null when the text is given
 */
public record HistoryItem(String text, Double polarity) {

    public static HistoryItem ofText(String text) {
        return new HistoryItem(text, null);
    }

    public static HistoryItem ofPolarity(double polarity) {
        return new HistoryItem(null, polarity);
    }
}

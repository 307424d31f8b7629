package dev.supportsuite.sentiment.analysis.domain;

/**
 * Direction of the customer's mood over the recent messages.
 *
 * @param direction improving, stable or declining
 * @param slope     robust (Theil-Sen) slope of polarity per message over the window
 * @param points    how many polarities the window held (history plus the current message)
 */
public record Trend(Direction direction, double slope, int points) {

    /** Trend direction. */
    public enum Direction {
        IMPROVING, STABLE, DECLINING
    }
}

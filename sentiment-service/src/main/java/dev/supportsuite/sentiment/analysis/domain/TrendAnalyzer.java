package dev.supportsuite.sentiment.analysis.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Mood trend over a sliding window of the most recent polarities (earlier messages, then the current one).
 *
 * <p>The slope is the Theil-Sen estimate, the median of the slopes between every pair of messages, so a
 * single out-of-line message (one neutral "ok" amid complaints) barely moves it; a dead band around zero
 * keeps small drifts "stable". With fewer than three points the trend is stable.
 */
final class TrendAnalyzer {

    static final int MIN_POINTS = 3;

    private final int window;
    private final double deadBand;

    TrendAnalyzer(int window, double deadBand) {
        this.window = window;
        this.deadBand = deadBand;
    }

    Trend trend(List<Double> polarities) {
        int from = Math.max(0, polarities.size() - window);
        List<Double> points = polarities.subList(from, polarities.size());
        int n = points.size();
        if (n < MIN_POINTS) {
            return new Trend(Trend.Direction.STABLE, 0, n);
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (points.get(j) - points.get(i)) / (j - i);
            }
        }
        Arrays.sort(slopes);
        double median = slopes.length % 2 == 1 ? slopes[slopes.length / 2]
                : (slopes[slopes.length / 2 - 1] + slopes[slopes.length / 2]) / 2;
        double slope = Math.round(median * 1000) / 1000.0;
        Trend.Direction direction = slope > deadBand ? Trend.Direction.IMPROVING
                : slope < -deadBand ? Trend.Direction.DECLINING : Trend.Direction.STABLE;
        return new Trend(direction, slope, n);
    }
}

package dev.supportsuite.sentiment.analysis.domain;

import java.util.List;

/**
 * The thresholds and lists the analyzer works with (bound from configuration by the service).
 *
 * @param neutralBand          |polarity| at or below this is labelled neutral
 * @param sentimentThreshold   polarity at or below minus this counts as clearly negative: it raises the
 *                             {@code NEGATIVE_TONE} signal and makes a declining trend worth suggesting a human
 * @param handoffThreshold     polarity at or below this (negative) suggests a human; with a declining trend, hands over
 * @param suggestFrustration   frustration at or above this suggests a human
 * @param immediateFrustration frustration at or above this hands over immediately
 * @param frustrationKeywords  words or phrases matched whole-word, case-insensitively
 * @param trendWindow          how many most recent polarities (history plus current) the trend looks at
 * @param trendDeadBand        |slope| per message at or below this is a stable trend
 */
public record AnalyzerSettings(double neutralBand, double sentimentThreshold, double handoffThreshold,
        double suggestFrustration, double immediateFrustration, List<String> frustrationKeywords, int trendWindow,
        double trendDeadBand) {

    public AnalyzerSettings {
        frustrationKeywords = List.copyOf(frustrationKeywords);
        if (trendWindow < 2) {
            throw new IllegalArgumentException("trendWindow must be at least 2");
        }
        if (suggestFrustration > immediateFrustration) {
            throw new IllegalArgumentException("suggestFrustration must not exceed immediateFrustration");
        }
    }

    /** Defaults matching the service's configuration defaults, for tests and the benchmarks. */
    public static AnalyzerSettings defaults() {
        return new AnalyzerSettings(0.05, 0.3, -0.5, 0.5, 0.8,
                List.of("angry", "frustrated", "terrible", "furious", "ridiculous", "unacceptable", "useless", "worst",
                        "pathetic", "disgusting", "fed up", "sick of", "waste of time"),
                5, 0.1);
    }
}

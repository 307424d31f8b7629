package dev.supportsuite.sentiment.analysis.api;

import dev.supportsuite.sentiment.analysis.domain.SentimentAnalysis;
import java.util.List;
import java.util.Locale;

/**
 * The analysis of one message.
 *
 * @param polarity    -1 (very negative) .. 1 (very positive)
 * @param label       {@code positive}, {@code neutral} or {@code negative}
 * @param frustration 0 (calm) .. 1 (very frustrated)
 * @param signals     what raised the frustration, strongest first
 * @param trend       mood direction over the history plus this message
 * @param escalation  advice on handing over to a human
 * @param language    ISO 639-1 code, or {@code und}
 */
record AnalyzeResponse(double polarity, String label, double frustration, List<SignalView> signals, TrendView trend,
        EscalationView escalation, String language) {

    /**
     * A frustration signal.
     *
     * @param type     {@code keyword}, {@code all_caps}, {@code repeated_punctuation}, {@code profanity},
     *                 {@code repeated_ask}, {@code waiting_time}, {@code threat_to_leave} or {@code negative_tone}
     * @param evidence what was matched
     * @param weight   its contribution alone, 0..1
     */
    record SignalView(String type, String evidence, double weight) {
    }

    /**
     * @param direction {@code improving}, {@code stable} or {@code declining}
     * @param slope     polarity change per message (robust slope over the window)
     * @param points    messages in the window
     */
    record TrendView(String direction, double slope, int points) {
    }

    /**
     * @param level   {@code none}, {@code suggest} or {@code immediate}
     * @param reasons reason codes such as {@code high_frustration}, {@code very_negative}, {@code declining_trend}
     */
    record EscalationView(String level, List<String> reasons) {
    }

    static AnalyzeResponse of(SentimentAnalysis a) {
        return new AnalyzeResponse(a.polarity(), name(a.label()), a.frustration(),
                a.signals().stream().map(s -> new SignalView(name(s.type()), s.evidence(), s.weight())).toList(),
                new TrendView(name(a.trend().direction()), a.trend().slope(), a.trend().points()),
                new EscalationView(name(a.escalation().level()), a.escalation().reasons()), a.language());
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

package dev.supportsuite.sentiment.analysis.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether to hand the conversation to a human, and why.
 *
 * <ul>
 *   <li>{@code immediate}: frustration at or above the immediate threshold ({@code high_frustration}), or
 *       polarity at or below the handoff threshold while the trend is declining ({@code declining_trend}).</li>
 *   <li>{@code suggest}: frustration at or above the suggest threshold ({@code elevated_frustration}),
 *       polarity at or below the handoff threshold ({@code very_negative}), a declining trend with a clearly
 *       negative message ({@code declining_trend}), or a threat to leave ({@code threat_to_leave}).</li>
 *   <li>{@code none} otherwise.</li>
 * </ul>
 */
final class EscalationPolicy {

    static final String HIGH_FRUSTRATION = "high_frustration";
    static final String ELEVATED_FRUSTRATION = "elevated_frustration";
    static final String VERY_NEGATIVE = "very_negative";
    static final String DECLINING_TREND = "declining_trend";
    static final String THREAT_TO_LEAVE = "threat_to_leave";

    private final AnalyzerSettings settings;

    EscalationPolicy(AnalyzerSettings settings) {
        this.settings = settings;
    }

    Escalation decide(double polarity, double frustration, List<Signal> signals, Trend trend) {
        List<String> reasons = new ArrayList<>();
        boolean immediate = false;
        boolean declining = trend.direction() == Trend.Direction.DECLINING;
        if (frustration >= settings.immediateFrustration()) {
            reasons.add(HIGH_FRUSTRATION);
            immediate = true;
        } else if (frustration >= settings.suggestFrustration()) {
            reasons.add(ELEVATED_FRUSTRATION);
        }
        if (polarity <= settings.handoffThreshold()) {
            reasons.add(VERY_NEGATIVE);
            if (declining) {
                immediate = true;
            }
        }
        if (declining && polarity <= -settings.sentimentThreshold()) {
            reasons.add(DECLINING_TREND);
        }
        if (signals.stream().anyMatch(s -> s.type() == SignalType.THREAT_TO_LEAVE)) {
            reasons.add(THREAT_TO_LEAVE);
        }
        Escalation.Level level = immediate ? Escalation.Level.IMMEDIATE
                : reasons.isEmpty() ? Escalation.Level.NONE : Escalation.Level.SUGGEST;
        return new Escalation(level, reasons);
    }
}

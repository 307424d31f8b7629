package dev.supportsuite.sentiment.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPolicyTests {

    private final AnalyzerSettings settings = AnalyzerSettings.defaults();
    private final EscalationPolicy policy = new EscalationPolicy(settings);
    private static final Trend STABLE = new Trend(Trend.Direction.STABLE, 0, 3);
    private static final Trend DECLINING = new Trend(Trend.Direction.DECLINING, -0.3, 3);

    @Test
    void calmNeutralMessagesNeedNoHuman() {
        Escalation e = policy.decide(0.0, 0.1, List.of(), STABLE);

        assertThat(e.level()).isEqualTo(Escalation.Level.NONE);
        assertThat(e.reasons()).isEmpty();
    }

    @Test
    void frustrationAtTheImmediateThresholdEscalatesImmediately() {
        Escalation e = policy.decide(-0.2, settings.immediateFrustration(), List.of(), STABLE);

        assertThat(e.level()).isEqualTo(Escalation.Level.IMMEDIATE);
        assertThat(e.reasons()).containsExactly(EscalationPolicy.HIGH_FRUSTRATION);
    }

    @Test
    void frustrationBetweenTheThresholdsSuggestsAHuman() {
        Escalation e = policy.decide(-0.1, settings.suggestFrustration(), List.of(), STABLE);

        assertThat(e.level()).isEqualTo(Escalation.Level.SUGGEST);
        assertThat(e.reasons()).containsExactly(EscalationPolicy.ELEVATED_FRUSTRATION);
    }

    @Test
    void polarityBelowTheHandoffThresholdSuggestsAndWithADecliningTrendEscalates() {
        assertThat(policy.decide(settings.handoffThreshold(), 0.2, List.of(), STABLE).level())
                .isEqualTo(Escalation.Level.SUGGEST);
        Escalation e = policy.decide(settings.handoffThreshold() - 0.1, 0.2, List.of(), DECLINING);

        assertThat(e.level()).isEqualTo(Escalation.Level.IMMEDIATE);
        assertThat(e.reasons()).contains(EscalationPolicy.VERY_NEGATIVE, EscalationPolicy.DECLINING_TREND);
    }

    @Test
    void aDecliningTrendCountsOnlyOnceTheMessageIsClearlyNegative() {
        double mild = -settings.sentimentThreshold() / 2;
        double clear = -settings.sentimentThreshold();

        assertThat(policy.decide(mild, 0.1, List.of(), DECLINING).level()).isEqualTo(Escalation.Level.NONE);
        assertThat(policy.decide(clear, 0.1, List.of(), DECLINING).reasons())
                .containsExactly(EscalationPolicy.DECLINING_TREND);
    }

    @Test
    void thresholdsComeFromTheSettings() {
        AnalyzerSettings strict = new AnalyzerSettings(0.05, 0.3, -0.2, 0.2, 0.4, List.of("invoice"), 5, 0.1);
        SentimentAnalyzer analyzer = new SentimentAnalyzer(Lexicon.bundled(), strict);

        SentimentAnalysis a = analyzer.analyze("I have an issue with my invoice", List.of());

        assertThat(a.signals()).extracting(Signal::type).contains(SignalType.KEYWORD);
        assertThat(a.escalation().level()).isEqualTo(Escalation.Level.IMMEDIATE);
    }
}

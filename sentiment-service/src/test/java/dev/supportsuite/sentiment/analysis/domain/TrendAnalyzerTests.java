package dev.supportsuite.sentiment.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendAnalyzerTests {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.withDefaults();
    private final TrendAnalyzer trends = new TrendAnalyzer(5, 0.1);

    private static SentimentAnalysis conversation(String... userMessages) {
        List<HistoryItem> history = java.util.Arrays.stream(userMessages, 0, userMessages.length - 1)
                .map(HistoryItem::ofText).toList();
        return ANALYZER.analyze(userMessages[userMessages.length - 1], history);
    }

    @Test
    void aConversationThatGetsBetterIsImproving() {
        SentimentAnalysis a = conversation(
                "This is terrible, my payment failed twice and I was charged anyway",
                "I am really annoyed, nobody explains anything",
                "ok, I see the refund request now",
                "great, the refund arrived, thank you so much!");

        assertThat(a.trend().direction()).isEqualTo(Trend.Direction.IMPROVING);
        assertThat(a.trend().slope()).isGreaterThan(0.1);
        assertThat(a.trend().points()).isEqualTo(4);
    }

    @Test
    void aConversationThatHoldsIsStable() {
        SentimentAnalysis a = conversation(
                "Hi, I would like to change my delivery address",
                "It is the one on Main Street",
                "The order number is 5521",
                "Should I also update the billing address?");

        assertThat(a.trend().direction()).isEqualTo(Trend.Direction.STABLE);
    }

    @Test
    void aConversationThatGetsWorseIsDecliningAndSuggestsAHuman() {
        SentimentAnalysis a = conversation(
                "Hi, thanks for the quick reply, that is helpful",
                "Hmm, the link you sent does not open",
                "It still does not work, this is annoying",
                "This is awful, nothing you suggest works and I am losing money");

        assertThat(a.trend().direction()).isEqualTo(Trend.Direction.DECLINING);
        assertThat(a.escalation().reasons()).contains(EscalationPolicy.DECLINING_TREND);
        assertThat(a.escalation().level()).isNotEqualTo(Escalation.Level.NONE);
    }

    @Test
    void oneNeutralMessageAmidComplaintsDoesNotFlipTheTrend() {
        Trend t = trends.trend(List.of(-0.6, -0.6, -0.65, -0.6, 0.0));

        assertThat(t.direction()).isEqualTo(Trend.Direction.STABLE);
    }

    @Test
    void oneNeutralMessageInAGoodConversationDoesNotMakeItDecline() {
        Trend t = trends.trend(List.of(0.5, 0.55, 0.6, 0.0));

        assertThat(t.direction()).isNotEqualTo(Trend.Direction.DECLINING);
    }

    @Test
    void onlyTheMostRecentWindowCounts() {
        Trend t = trends.trend(List.of(0.9, 0.8, 0.7, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0));

        assertThat(t.direction()).isEqualTo(Trend.Direction.STABLE);
        assertThat(t.points()).isEqualTo(5);
    }

    @Test
    void fewerThanThreePointsAreStable() {
        assertThat(trends.trend(List.of(-0.9, 0.9)).direction()).isEqualTo(Trend.Direction.STABLE);
    }

    @Test
    void smallDriftsStayInsideTheDeadBand() {
        assertThat(trends.trend(List.of(0.0, 0.05, 0.1, 0.15, 0.2)).direction()).isEqualTo(Trend.Direction.STABLE);
        assertThat(trends.trend(List.of(-0.8, -0.5, -0.2, 0.1, 0.4)).direction()).isEqualTo(Trend.Direction.IMPROVING);
    }
}

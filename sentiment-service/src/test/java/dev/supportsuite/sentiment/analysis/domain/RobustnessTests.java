package dev.supportsuite.sentiment.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RobustnessTests {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t\n  ", "\u0000\u0001\u0007", "!!!???", "...", "12345", "🙂", "👍👍👍",
            "\uD83D", "a\u0000b", "ok\r\n\r\nthanks", "\u200B\u200B", ":) :( <3", "'''", "n't", "no"})
    void answersAnyShortInputWithValuesInRange(String text) {
        SentimentAnalysis a = ANALYZER.analyze(text, List.of());

        assertThat(a.polarity()).isBetween(-1.0, 1.0);
        assertThat(a.frustration()).isBetween(0.0, 1.0);
        assertThat(a.label()).isNotNull();
        assertThat(a.language()).isNotBlank();
    }

    @Test
    void emptyTextIsNeutralAndUndetermined() {
        SentimentAnalysis a = ANALYZER.analyze("", List.of());

        assertThat(a.polarity()).isZero();
        assertThat(a.label()).isEqualTo(SentimentAnalysis.Label.NEUTRAL);
        assertThat(a.language()).isEqualTo("und");
        assertThat(a.escalation().level()).isEqualTo(Escalation.Level.NONE);
    }

    @Test
    void handlesOneHundredKilobytesOfText() {
        String text = "The invoice was wrong again and I am not happy about it. ".repeat(1800);
        assertThat(text.length()).isGreaterThan(100_000);

        SentimentAnalysis a = ANALYZER.analyze(text, List.of());

        assertThat(a.polarity()).isBetween(-1.0, 1.0).isNegative();
        assertThat(a.frustration()).isBetween(0.0, 1.0);
    }

    @Test
    void nonEnglishTextReportsItsLanguageAndIsNotScoredAsEnglish() {
        assertThat(ANALYZER.analyze("Das ist nicht gut, ich bin sehr enttäuscht", List.of()))
                .satisfies(a -> {
                    assertThat(a.language()).isEqualTo("de");
                    assertThat(a.polarity()).isZero();
                });
        assertThat(ANALYZER.analyze("Это ужасно, ничего не работает", List.of()).language()).isEqualTo("ru");
        assertThat(ANALYZER.analyze("这个应用太糟糕了", List.of()).language()).isEqualTo("zh");
        assertThat(ANALYZER.analyze("このアプリはひどい", List.of()).language()).isEqualTo("ja");
        assertThat(ANALYZER.analyze("El servicio es muy malo y no funciona", List.of()))
                .satisfies(a -> {
                    assertThat(a.language()).isEqualTo("es");
                    assertThat(a.label()).isEqualTo(SentimentAnalysis.Label.NEUTRAL);
                });
    }

    @Test
    void shortEnglishMessagesWithoutFunctionWordsAreEnglish() {
        assertThat(ANALYZER.analyze("great app", List.of()).language()).isEqualTo("en");
        assertThat(ANALYZER.analyze("terrible", List.of()).language()).isEqualTo("en");
    }

    @Test
    void controlCharactersSeparateWordsLikeSpaces() {
        SentimentAnalysis a = ANALYZER.analyze("this\u0000is\u0007terrible", List.of());

        assertThat(a.polarity()).isNegative();
        assertThat(a.signals()).extracting(Signal::type).contains(SignalType.KEYWORD);
    }

    @Test
    void historyPolaritiesOutOfRangeAreClampedNotRejectedInTheDomain() {
        SentimentAnalysis a = ANALYZER.analyze("fine", List.of(HistoryItem.ofPolarity(-5), HistoryItem.ofPolarity(5)));

        assertThat(a.trend().slope()).isBetween(-2.0, 2.0);
    }
}

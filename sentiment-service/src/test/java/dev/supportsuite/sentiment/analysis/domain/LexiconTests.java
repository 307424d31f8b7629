package dev.supportsuite.sentiment.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconTests {

    private static final Lexicon HUMAN = Lexicon.bundled().humanOnly();

    @Test
    void inflectionsShareOneStem() {
        assertThat(List.of("disappointed", "disappointing", "disappoints", "disappointment"))
                .allSatisfy(w -> assertThat(Lexicon.stem(w)).isEqualTo("disappoint"));
        assertThat(Lexicon.stem("hoped")).isEqualTo(Lexicon.stem("hoping")).isEqualTo(Lexicon.stem("hope"));
        assertThat(Lexicon.stem("stopped")).isEqualTo(Lexicon.stem("stops"));
        assertThat(Lexicon.stem("is")).isEqualTo("is");
    }

    @Test
    void learnedWordStemAndPairCorrectionsAddUp() {
        Lexicon lexicon = HUMAN.withLearned(Map.of("sluggish", -1.0, "~sluggish", -0.5, "so sluggish", -0.25));

        assertThat(lexicon.learned(null, "sluggish")).isCloseTo(-1.5, within(1e-9));
        assertThat(lexicon.learned("so", "sluggish")).isCloseTo(-1.75, within(1e-9));
        assertThat(lexicon.learned("very", "sluggishly")).isCloseTo(-0.5, within(1e-9));
        assertThat(lexicon.learned(null, "fast")).isZero();
        assertThat(lexicon.learnedSize()).isEqualTo(3);
    }

    @Test
    void supportTopicWordsGetNoLearnedCorrection() {
        Lexicon lexicon = HUMAN.withLearned(Map.of("support", 2.0, "~support", 1.0));

        assertThat(lexicon.learned(null, "support")).isZero();
        assertThat(lexicon.valence("support")).isZero();
    }

    @Test
    void learnedCorrectionsObeyNegationLikeHumanRatedWords() {
        SentimentAnalyzer analyzer = new SentimentAnalyzer(HUMAN.withLearned(Map.of("zorpy", 2.0)),
                AnalyzerSettings.defaults());

        assertThat(analyzer.polarity("the food was zorpy")).isPositive();
        assertThat(analyzer.polarity("the food was not zorpy")).isNegative();
        assertThat(new SentimentAnalyzer(HUMAN, AnalyzerSettings.defaults()).polarity("the food was zorpy")).isZero();
    }

    @Test
    void theBundledTableHoldsWordStemAndPairCorrections() {
        Lexicon bundled = Lexicon.bundled();

        assertThat(bundled.hasLearned()).isTrue();
        assertThat(bundled.learnedSize()).isGreaterThan(5000);
        assertThat(HUMAN.hasLearned()).isFalse();
    }
}

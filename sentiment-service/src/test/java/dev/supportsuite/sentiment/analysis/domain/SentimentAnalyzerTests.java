package dev.supportsuite.sentiment.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentAnalyzerTests {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.withDefaults();

    /** The rules over the human-rated lexicon alone, so rule tests do not depend on the learned table. */
    private static final SentimentAnalyzer RULES = new SentimentAnalyzer(Lexicon.bundled().humanOnly(),
            AnalyzerSettings.defaults());

    private static double rulePolarity(String text) {
        return RULES.analyze(text, List.of()).polarity();
    }

    private static SentimentAnalysis analyze(String text) {
        return ANALYZER.analyze(text, List.of());
    }

    private static List<SignalType> signalTypes(SentimentAnalysis analysis) {
        return analysis.signals().stream().map(Signal::type).toList();
    }

    @Test
    void anIssueWithAnInvoiceIsNotHighFrustration() {
        SentimentAnalysis a = analyze("I have an issue with my invoice");

        assertThat(a.frustration()).isLessThan(0.3);
        assertThat(signalTypes(a)).doesNotContain(SignalType.KEYWORD, SignalType.THREAT_TO_LEAVE);
        assertThat(a.escalation().level()).isEqualTo(Escalation.Level.NONE);
    }

    @Test
    void wordsThatMerelyContainAKeywordDoNotMatchIt() {
        SentimentAnalysis a = analyze("I will pursue this issue with the tissue supplier");

        assertThat(signalTypes(a)).doesNotContain(SignalType.THREAT_TO_LEAVE, SignalType.KEYWORD);
        assertThat(a.frustration()).isLessThan(0.3);
    }

    @Test
    void aRepeatedRidiculousAskWithExclamationsIsHighFrustration() {
        SentimentAnalysis a = analyze("this is ridiculous, third time I ask!!!");

        assertThat(a.frustration()).isGreaterThanOrEqualTo(0.8);
        assertThat(signalTypes(a)).contains(SignalType.REPEATED_ASK, SignalType.REPEATED_PUNCTUATION,
                SignalType.KEYWORD);
        assertThat(a.escalation().level()).isEqualTo(Escalation.Level.IMMEDIATE);
        assertThat(a.escalation().reasons()).contains(EscalationPolicy.HIGH_FRUSTRATION);
        assertThat(a.label()).isEqualTo(SentimentAnalysis.Label.NEGATIVE);
    }

    @Test
    void keywordsMatchWholeWordsRegardlessOfCase() {
        assertThat(signalTypes(analyze("I am ANGRY about this"))).contains(SignalType.KEYWORD);
        assertThat(signalTypes(analyze("Angry Birds is my favourite game"))).contains(SignalType.KEYWORD);
        assertThat(signalTypes(analyze("angrybirds fan here"))).doesNotContain(SignalType.KEYWORD);
    }

    @Test
    void notBadIsMildlyPositive() {
        assertThat(analyze("not bad").polarity()).isPositive();
        assertThat(analyze("bad").polarity()).isNegative();
    }

    @Test
    void notGoodAtAllIsNegativeAndStrongerThanNotGood() {
        double notGood = analyze("not good").polarity();
        double notGoodAtAll = analyze("not good at all").polarity();

        assertThat(notGood).isNegative();
        assertThat(notGoodAtAll).isLessThan(notGood);
        assertThat(analyze("good").polarity()).isPositive();
    }

    @Test
    void theClauseAfterButOutweighsTheOneBefore() {
        assertThat(analyze("the app is great but support is useless").polarity()).isNegative();
        assertThat(analyze("support is useless but the app is great").polarity()).isPositive();
    }

    @Test
    void wordsInCapitalsAmidLowerCaseAreStronger() {
        assertThat(analyze("The app is GREAT").polarity()).isGreaterThan(analyze("The app is great").polarity());
        assertThat(analyze("The app is TERRIBLE").polarity()).isLessThan(analyze("The app is terrible").polarity());
    }

    @Test
    void shoutingRaisesFrustration() {
        SentimentAnalysis a = analyze("WHY DOES NOTHING WORK");

        assertThat(signalTypes(a)).contains(SignalType.ALL_CAPS);
        assertThat(a.frustration()).isGreaterThan(analyze("why does nothing work").frustration());
    }

    @Test
    void idsAndAcronymsAreNotShouting() {
        assertThat(signalTypes(analyze("whats the status of ticket TKT-01M875D1RB001610QFA94R3E3D")))
                .doesNotContain(SignalType.ALL_CAPS);
        assertThat(signalTypes(analyze("does SSO with SAML and SCIM work on the Business plan")))
                .doesNotContain(SignalType.ALL_CAPS);
        assertThat(signalTypes(analyze("the CSV EXPORT IS BROKEN AGAIN"))).contains(SignalType.ALL_CAPS);
    }

    @Test
    void exclamationMarksAmplifyWhatTheMessageAlreadySays() {
        assertThat(analyze("great service!!!").polarity()).isGreaterThan(analyze("great service").polarity());
        assertThat(analyze("terrible service!!!").polarity()).isLessThan(analyze("terrible service").polarity());
    }

    @Test
    void emojiCarrySentimentAloneAndInText() {
        assertThat(analyze("😡😡").polarity()).isLessThan(-0.3);
        assertThat(analyze("😍").polarity()).isGreaterThan(0.3);
        assertThat(analyze("thanks for fixing it 🙏😊").label()).isEqualTo(SentimentAnalysis.Label.POSITIVE);
        assertThat(analyze("the update broke my app 😞").label()).isEqualTo(SentimentAnalysis.Label.NEGATIVE);
        assertThat(analyze("ok :(").polarity()).isLessThan(analyze("ok :)").polarity());
    }

    @Test
    void profanityIsAFrustrationSignal() {
        SentimentAnalysis a = analyze("this shit never works");

        assertThat(signalTypes(a)).contains(SignalType.PROFANITY);
    }

    @Test
    void waitingAndThreatsToLeaveAreSignalsAndThreatsSuggestAHuman() {
        SentimentAnalysis a = analyze("I have been waiting for days, I will cancel my subscription");

        assertThat(signalTypes(a)).contains(SignalType.WAITING_TIME, SignalType.THREAT_TO_LEAVE);
        assertThat(a.escalation().level()).isNotEqualTo(Escalation.Level.NONE);
        assertThat(a.escalation().reasons()).contains(EscalationPolicy.THREAT_TO_LEAVE);
    }

    @Test
    void repeatingAnEarlierMessageCountsAsARepeatedAsk() {
        SentimentAnalysis a = ANALYZER.analyze("where is my refund for order 1234",
                List.of(HistoryItem.ofText("Where is my refund for order 1234?")));

        assertThat(signalTypes(a)).contains(SignalType.REPEATED_ASK);
    }

    @Test
    void aGreetingIsNeutralAndCalm() {
        SentimentAnalysis a = analyze("Hello, this is Anna from Berlin");

        assertThat(a.label()).isEqualTo(SentimentAnalysis.Label.NEUTRAL);
        assertThat(a.frustration()).isZero();
        assertThat(a.language()).isEqualTo("en");
    }

    @Test
    void positiveMessagesAreLabelledPositive() {
        assertThat(analyze("Thank you so much, that solved it!").label()).isEqualTo(SentimentAnalysis.Label.POSITIVE);
        assertThat(analyze("The new dashboard is excellent").label()).isEqualTo(SentimentAnalysis.Label.POSITIVE);
    }

    @Test
    void stretchedWordsAreFoundAndCountAsEmphasis() {
        assertThat(analyze("sooo goood").polarity()).isGreaterThan(analyze("good").polarity());
        assertThat(analyze("this is baaad").polarity()).isNegative();
    }

    @Test
    void emoticonsGluedToAWordStillCount() {
        assertThat(analyze("thanks:)").polarity()).isGreaterThan(analyze("thanks").polarity());
        assertThat(analyze("ok:(").polarity()).isNegative();
    }

    @Test
    void negationEndsAtAComma() {
        assertThat(analyze("no, this is good").polarity()).isPositive();
    }

    @Test
    void supportTopicWordsAreNotPraise() {
        assertThat(analyze("I need help with support for my credit card please").label())
                .isEqualTo(SentimentAnalysis.Label.NEUTRAL);
    }

    @Test
    void aCapitalisedWordInsideASentenceIsANameNotPraise() {
        assertThat(rulePolarity("I bought it at Best Buy last week")).isZero();
        assertThat(rulePolarity("I bought the best phone last week")).isPositive();
        assertThat(analyze("I bought it at Best Buy last week").label()).isEqualTo(SentimentAnalysis.Label.NEUTRAL);
        assertThat(rulePolarity("Best phone ever")).isPositive();
    }

    @Test
    void likeIsSentimentOnlyAsTheVerbOfLiking() {
        assertThat(rulePolarity("it looks like a cat")).isZero();
        assertThat(rulePolarity("I'd like to change my address")).isZero();
        assertThat(rulePolarity("I like the new app")).isPositive();
        assertThat(rulePolarity("I don't like the new app")).isNegative();
    }

    @Test
    void aPositiveWordAfterTooTurnsNegative() {
        assertThat(rulePolarity("the steps are easy")).isPositive();
        assertThat(rulePolarity("the steps are too easy")).isNegative();
        assertThat(rulePolarity("the steps are too hard")).isLessThan(0);
    }

    @Test
    void aClauseAfterAModalOrConditionalCountsLess() {
        double real = rulePolarity("it is great");
        double hypothetical = rulePolarity("it would be great");

        assertThat(hypothetical).isPositive().isLessThan(real);
        assertThat(rulePolarity("if only it were great, it is awful")).isNegative();
    }

    @Test
    void aLongSentenceWithOneHarshWordIsMilderThanAShortOne() {
        double shortText = rulePolarity("the update was bad");
        double longText = rulePolarity("the update that we installed on all the office computers last tuesday was bad");

        assertThat(longText).isNegative().isGreaterThan(shortText);
    }

    @Test
    void aButThatOpensTheTextDoesNotAmplifyIt() {
        assertThat(rulePolarity("But the app is great")).isEqualTo(rulePolarity("And the app is great"));
        assertThat(rulePolarity("the app is great but the support is awful")).isNegative();
    }
}

package dev.supportsuite.sentiment.analysis.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores one message (and its conversation history): polarity, label, frustration with its signals,
 * trend, escalation advice and language. Pure, thread-safe and allocation-light, so one instance serves
 * every request.
 *
 * <p>Polarity comes from a rule engine over a human-rated lexicon (see {@link Lexicon}); text detected
 * as a language other than English gets polarity 0 (the lexicon is English), while the script-independent
 * frustration signals (capitals, "!!!", repetition) still count.
 */
public final class SentimentAnalyzer {

    private final AnalyzerSettings settings;
    private final Tokenizer tokenizer;
    private final PolarityScorer scorer;
    private final LanguageDetector languages = new LanguageDetector();
    private final FrustrationDetector frustration;
    private final TrendAnalyzer trends;
    private final EscalationPolicy escalation;

    public SentimentAnalyzer(Lexicon lexicon, AnalyzerSettings settings) {
        this.settings = settings;
        this.tokenizer = new Tokenizer(lexicon::contains);
        this.scorer = new PolarityScorer(lexicon);
        this.frustration = new FrustrationDetector(settings.frustrationKeywords(), settings.sentimentThreshold());
        this.trends = new TrendAnalyzer(settings.trendWindow(), settings.trendDeadBand());
        this.escalation = new EscalationPolicy(settings);
    }

    /** Analyzer over the bundled lexicon with default settings. */
    public static SentimentAnalyzer withDefaults() {
        return new SentimentAnalyzer(Lexicon.bundled(), AnalyzerSettings.defaults());
    }

    /** Polarity only, for the benchmarks and for scoring history texts. */
    public double polarity(String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        return polarity(tokens, languages.detect(tokens));
    }

    private double polarity(List<Token> tokens, String language) {
        if (!LanguageDetector.ENGLISH.equals(language) && !LanguageDetector.UNDETERMINED.equals(language)) {
            return 0;
        }
        return round(scorer.score(tokens).polarity());
    }

    /** Full analysis of {@code text}; {@code history} holds the earlier user messages, most recent last. */
    public SentimentAnalysis analyze(String text, List<HistoryItem> history) {
        List<Token> tokens = tokenizer.tokenize(text);
        String language = languages.detect(tokens);
        double polarity = polarity(tokens, language);
        List<Double> series = new ArrayList<>(history.size() + 1);
        List<List<Token>> earlier = new ArrayList<>();
        for (HistoryItem item : history) {
            if (item.text() != null) {
                List<Token> t = tokenizer.tokenize(item.text());
                earlier.add(t);
                series.add(polarity(t, languages.detect(t)));
            } else {
                series.add(Math.max(-1, Math.min(1, item.polarity())));
            }
        }
        series.add(polarity);
        FrustrationDetector.Result f = frustration.detect(tokens, polarity, earlier);
        Trend trend = trends.trend(series);
        Escalation advice = escalation.decide(polarity, f.frustration(), f.signals(), trend);
        return new SentimentAnalysis(polarity, label(polarity), f.frustration(), f.signals(), trend, advice, language);
    }

    private SentimentAnalysis.Label label(double polarity) {
        if (polarity > settings.neutralBand()) {
            return SentimentAnalysis.Label.POSITIVE;
        }
        return polarity < -settings.neutralBand() ? SentimentAnalysis.Label.NEGATIVE : SentimentAnalysis.Label.NEUTRAL;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}

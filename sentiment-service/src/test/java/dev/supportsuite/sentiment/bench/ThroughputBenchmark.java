package dev.supportsuite.sentiment.bench;

import dev.supportsuite.sentiment.analysis.domain.HistoryItem;
import dev.supportsuite.sentiment.analysis.domain.SentimentAnalysis;
import dev.supportsuite.sentiment.analysis.domain.SentimentAnalyzer;
import java.util.List;
import java.util.Locale;

/**
 * Full analyses (polarity, frustration, signals, trend over a 3-message history, escalation, language)
 * per second on ONE thread, in process, for 100-character messages.
 *
 * <p>Usage: {@code flock /tmp/support-maven.lock mvn -B -q -pl sentiment-service test-compile exec:java
 * -Dexec.mainClass=dev.supportsuite.sentiment.bench.ThroughputBenchmark -Dexec.args="10"} (seconds measured,
 * after a warm-up of the same length).
 */
public final class ThroughputBenchmark {

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        SentimentAnalyzer analyzer = SentimentAnalyzer.withDefaults();
        List<String> messages = Messages.hundredCharacterMessages();
        List<HistoryItem> history = List.of(HistoryItem.ofPolarity(0.1), HistoryItem.ofPolarity(-0.2),
                HistoryItem.ofPolarity(-0.4));
        run(analyzer, messages, history, seconds * 1_000_000_000L);
        long[] result = run(analyzer, messages, history, seconds * 1_000_000_000L);
        double perSecond = result[0] / (result[1] / 1e9);
        System.out.printf(Locale.ROOT, "messages: %d distinct, %d chars each (history: 3 polarities)%n",
                messages.size(), messages.get(0).length());
        System.out.printf(Locale.ROOT, "single thread: %d analyses in %.2f s = %.0f analyses/s (%.1f us each)%n",
                result[0], result[1] / 1e9, perSecond, 1e6 / perSecond);
        SentimentAnalysis sample = analyzer.analyze("I was charged twice and nobody answers my mails, this is unacceptable!!",
                List.of());
        long[] big = timeLarge(analyzer, sample == null ? 0 : 5);
        System.out.printf(Locale.ROOT, "100 KB text: %.2f ms per analysis (median of %d)%n", big[0] / 1e6, big[1]);
    }

    private static long[] run(SentimentAnalyzer analyzer, List<String> messages, List<HistoryItem> history,
            long nanos) {
        long count = 0;
        double sink = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now = start;
        while (now < end) {
            for (int i = 0; i < 1000; i++) {
                sink += analyzer.analyze(messages.get((int) (count++ % messages.size())), history).frustration();
            }
            now = System.nanoTime();
        }
        if (sink == Double.MIN_VALUE) {
            System.out.println(sink);
        }
        return new long[] {count, now - start};
    }

    private static long[] timeLarge(SentimentAnalyzer analyzer, int warmups) {
        String text = "The invoice was wrong again and I am not happy about it at all. ".repeat(1600);
        for (int i = 0; i < warmups; i++) {
            analyzer.analyze(text, List.of());
        }
        int runs = 21;
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            analyzer.analyze(text, List.of());
            times[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(times);
        return new long[] {times[runs / 2], runs};
    }
}

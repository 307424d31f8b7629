package dev.supportsuite.sentiment.bench;

import dev.supportsuite.sentiment.analysis.domain.AnalyzerSettings;
import dev.supportsuite.sentiment.analysis.domain.Lexicon;
import dev.supportsuite.sentiment.analysis.domain.SentimentAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Agreement with human raters on every file of a ground-truth directory (tab-separated: id, mean rating in
 * [-4, 4], text): Pearson r between polarity and rating / 4, and 3-class precision, recall and F1 with a
 * neutral band of +-0.05 on both sides (macro and support-weighted averages).
 *
 * <p>Usage (from the repository root):
 * {@code flock /tmp/support-maven.lock mvn -B -q -pl sentiment-service test-compile exec:java
 * -Dexec.mainClass=dev.supportsuite.sentiment.bench.SentimentBenchmark -Dexec.args="../shared/data/sentiment"}.
 * Add {@code human-only} as a second argument to score without the corpus-learned corrections. Note the
 * learned corrections were fitted on these very files: the default numbers are in-sample; the held-out
 * numbers come from {@code LearnedLexiconFitter}.
 */
public final class SentimentBenchmark {

    static final double NEUTRAL_BAND = 0.05;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment");
        if (!Files.isDirectory(dir) && Files.isDirectory(Path.of("..").resolve(dir))) {
            dir = Path.of("..").resolve(dir);
        }
        boolean humanOnly = args.length > 1 && "human-only".equals(args[1]);
        Lexicon lexicon = humanOnly ? Lexicon.bundled().humanOnly() : Lexicon.bundled();
        SentimentAnalyzer analyzer = new SentimentAnalyzer(lexicon, AnalyzerSettings.defaults());
        System.out.printf(Locale.ROOT, "lexicon: %s; data: %s%n", humanOnly ? "human-rated only" : "human-rated + learned",
                dir.toAbsolutePath().normalize());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            List<double[]> pairs = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] p = line.replace("\r", "").split("\t", 3);
                if (p.length == 3) {
                    pairs.add(new double[] {analyzer.polarity(p[2]), Double.parseDouble(p[1]) / 4});
                }
            }
            System.out.println(report(file.getFileName().toString(), pairs));
        }
    }

    static String report(String name, List<double[]> pairs) {
        int[][] confusion = new int[3][3];
        for (double[] p : pairs) {
            confusion[label(p[1])][label(p[0])]++;
        }
        String[] names = {"negative", "neutral", "positive"};
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s  n=%d  pearson_r=%.4f%n", name,
                pairs.size(), pearson(pairs)));
        double macroP = 0, macroR = 0, macroF = 0, weightedF = 0, weightedP = 0, weightedR = 0;
        for (int c = 0; c < 3; c++) {
            int tp = confusion[c][c];
            int predicted = confusion[0][c] + confusion[1][c] + confusion[2][c];
            int actual = confusion[c][0] + confusion[c][1] + confusion[c][2];
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            sb.append(String.format(Locale.ROOT, "  %-8s support=%5d precision=%.4f recall=%.4f f1=%.4f%n", names[c],
                    actual, precision, recall, f1));
            macroP += precision / 3;
            macroR += recall / 3;
            macroF += f1 / 3;
            weightedP += precision * actual / pairs.size();
            weightedR += recall * actual / pairs.size();
            weightedF += f1 * actual / pairs.size();
        }
        sb.append(String.format(Locale.ROOT, "  macro    precision=%.4f recall=%.4f f1=%.4f%n", macroP, macroR, macroF));
        sb.append(String.format(Locale.ROOT, "  weighted precision=%.4f recall=%.4f f1=%.4f", weightedP, weightedR,
                weightedF));
        return sb.toString();
    }

    static int label(double v) {
        return v > NEUTRAL_BAND ? 2 : v < -NEUTRAL_BAND ? 0 : 1;
    }

    static double pearson(List<double[]> pairs) {
        double n = pairs.size();
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (double[] p : pairs) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            syy += p[1] * p[1];
            sxy += p[0] * p[1];
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }
}

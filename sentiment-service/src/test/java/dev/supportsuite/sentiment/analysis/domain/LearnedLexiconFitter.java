package dev.supportsuite.sentiment.analysis.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Build-time tool (not a test) that learns additive valence corrections for content words and word pairs from
 * the human-rated sentences in {@code ../shared/data/sentiment}.
 *
 * <p>Model: the polarity of a text is the rule engine's ({@link PolarityScorer}) squashed sum of the human-rated
 * valences plus, for every learnable word occurrence, a correction for the word, one for its stem (shared by its
 * inflections, {@link Lexicon#stem(String)}) and one for the pair it forms with the word before it, each times the
 * context factor of its place (negation, contrast, "too", modal), so the learned values obey the same rules as the
 * human ones. Features: content words (not function words, negators, intensifiers or the rules' own words), their
 * stems and word pairs, each seen in at least {@code MIN_DOCS} training sentences. The corrections minimise the
 * squared error between the engine's polarity (before {@link PolarityScorer#SPREAD}, which widens the shrunken
 * least-squares predictions afterwards) and the human mean rating / 4, each file weighing the same (a
 * sentence counts n / (files x sentences of its file)), plus an L2 penalty (lambda / sentences containing the
 * feature; x{@code KNOWN_WORD_PENALTY} for words the human lexicon rates, x{@code PAIR_PENALTY} for pairs), by
 * AdaGrad ({@code PASSES} shuffled passes, fixed seeds). Words frequent in customer-service requests (the
 * banking77 training queries beside the sentiment data, when present) get no new valence, their stems none, and
 * pairs of two such words none either: in a support chat they name the topic, whatever reviews and news made of
 * them.
 *
 * <p>It reports the agreement on held-out data, computed with the real {@link SentimentAnalyzer} over a lexicon
 * carrying the fold's corrections: 5-fold cross-validation over both files pooled, repeated with three fold
 * assignments (each, and the mean), and cross-domain transfer (fit on one file, score the other); then the
 * in-sample agreement of the table it writes.
 *
 * <p>Usage (from the repository root): {@code flock /tmp/support-maven.lock mvn -B -q -pl sentiment-service
 * test-compile exec:java -Dexec.mainClass=dev.supportsuite.sentiment.analysis.domain.LearnedLexiconFitter
 * -Dexec.args="../shared/data/sentiment - 1.0"}: arguments are the data directory, the output file ("-" only
 * reports; default {@code sentiment-service/src/main/resources/sentiment/learned-lexicon.tsv}) and lambda.
 * Fitting is deterministic (fixed seeds, sorted iteration), so rerunning it reproduces the shipped table.
 */
public final class LearnedLexiconFitter {

    static final String RESOURCE = "src/main/resources/sentiment/learned-lexicon.tsv";
    static final int MIN_SUPPORT_QUERIES = 20;
    static final int MIN_DOCS = 5;
    static final int FOLDS = 5;
    static final int PASSES = 15;
    static final double LEARNING_RATE = 0.2;
    static final double KNOWN_WORD_PENALTY = 3;
    static final double PAIR_PENALTY = 4;
    static final double STEM_PENALTY = 1;
    /** Fold assignments of the repeated cross-validation (the first is the one reported since the first version). */
    static final long[] FOLD_SEEDS = {42, 1, 2};

    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on",
            "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its",
            "it's", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "me", "him", "her", "them",
            "us", "my", "your", "his", "their", "our", "who", "whom", "which", "what", "when", "where", "why", "how",
            "there", "here", "than", "then", "so", "if", "do", "does", "did", "have", "has", "had", "will", "would",
            "can", "could", "should", "may", "might", "must", "shall", "about", "into", "over", "after", "before",
            "up", "down", "out", "off", "all", "any", "each", "some", "such", "only", "own", "same", "too", "very",
            "just", "also", "s", "t", "but", "however", "because", "while", "until", "though", "although", "one",
            "two", "three", "mr", "mrs", "ms", "i'm", "he's", "she's", "they're", "we're", "you're", "that's",
            "there's", "what's", "who's", "let's", "film", "movie", "films", "movies");

    /** One rated sentence: its file, the human mean rating / 4, its text and the rule engine's view of it. */
    record Example(String file, double gold, String text, PolarityScorer.Rated rated, String[] features,
            double[] factors) {
    }

    private final Lexicon human;
    private final Tokenizer tokenizer;
    private final PolarityScorer humanScorer;
    private Set<String> supportVocabulary = Set.of();

    LearnedLexiconFitter(Lexicon bundled) {
        this.human = bundled.humanOnly();
        this.tokenizer = new Tokenizer(human::contains);
        this.humanScorer = new PolarityScorer(human);
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment");
        if (!Files.isDirectory(dataDir) && Files.isDirectory(Path.of("..").resolve(dataDir))) {
            dataDir = Path.of("..").resolve(dataDir);
        }
        String output = args.length > 1 ? args[1]
                : Files.isDirectory(Path.of("sentiment-service")) ? "sentiment-service/" + RESOURCE : RESOURCE;
        double lambda = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        LearnedLexiconFitter fitter = new LearnedLexiconFitter(Lexicon.bundled());
        Path support = dataDir.resolveSibling("banking77").resolve("train.csv");
        if (Files.isRegularFile(support)) {
            fitter.supportVocabulary = fitter.supportVocabulary(support);
            System.out.printf(Locale.ROOT, "support vocabulary (words in >= %d of the %s queries): %d words%n",
                    MIN_SUPPORT_QUERIES, support, fitter.supportVocabulary.size());
        }
        List<Example> all = fitter.load(dataDir);
        System.out.printf(Locale.ROOT, "examples=%d lambda=%.2f minDocs=%d%n", all.size(), lambda, MIN_DOCS);
        fitter.report("human lexicon + rules", all, Map.of());
        fitter.crossValidate(all, lambda);
        fitter.crossDomain(all, lambda);
        Map<String, Double> fitted = fitter.fit(all, lambda);
        long pairs = fitted.keySet().stream().filter(k -> k.indexOf(' ') >= 0).count();
        long stems = fitted.keySet().stream().filter(k -> k.startsWith("~")).count();
        System.out.printf(Locale.ROOT, "fitted on all: %d words, %d stems, %d pairs%n", fitted.size() - pairs - stems,
                stems, pairs);
        fitter.report("in-sample (shipped)", all, fitted);
        if (!"-".equals(output)) {
            write(Path.of(output), fitted, all.size(), lambda);
            System.out.println("wrote " + output);
        }
    }

    /**
     * Words common in customer-service requests (banking77 training queries): their meaning in a support chat
     * is the topic ("card", "transfer", "account"), so they get no corpus-learned valence from reviews and news.
     */
    Set<String> supportVocabulary(Path csv) throws IOException {
        Map<String, Integer> queries = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            String text = comma < 0 ? line : line.substring(0, comma);
            tokenizer.tokenize(text).stream().filter(Token::isWord).map(Token::lower).distinct()
                    .forEach(w -> queries.merge(w, 1, Integer::sum));
        }
        Set<String> out = new java.util.HashSet<>();
        queries.forEach((w, n) -> {
            if (n >= MIN_SUPPORT_QUERIES) {
                out.add(w);
            }
        });
        return Set.copyOf(out);
    }

    List<Example> load(Path dataDir) throws IOException {
        List<Example> out = new ArrayList<>();
        try (var files = Files.list(dataDir)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] p = line.replace("\r", "").split("\t", 3);
                    if (p.length == 3) {
                        out.add(example(f.getFileName().toString(), Double.parseDouble(p[1]) / 4, p[2]));
                    }
                }
            }
        }
        return out;
    }

    /** The rule engine's view of one sentence: its human-rated part and its learnable features with their factors. */
    Example example(String file, double gold, String text) {
        Map<String, Double> x = new TreeMap<>();
        PolarityScorer.Rated rated = humanScorer.rate(tokenizer.tokenize(text), (prev, w, factor) -> {
            if (eligible(w)) {
                x.merge(w, factor, Double::sum);
            }
            if (stemEligible(w)) {
                x.merge("~" + Lexicon.stem(w), factor, Double::sum);
            }
            if (prev != null && eligiblePair(prev, w)) {
                x.merge(prev + " " + w, factor, Double::sum);
            }
        });
        return new Example(file, gold, text, rated, x.keySet().toArray(new String[0]),
                x.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Repeated k-fold cross-validation: per fold assignment and file r and F1, then the mean over the assignments. */
    void crossValidate(List<Example> all, double lambda) {
        Map<String, double[]> sums = new TreeMap<>();
        for (long seed : FOLD_SEEDS) {
            int[] fold = new int[all.size()];
            Random random = new Random(seed);
            for (int i = 0; i < fold.length; i++) {
                fold[i] = random.nextInt(FOLDS);
            }
            Map<String, List<double[]>> pairs = new TreeMap<>();
            for (int k = 0; k < FOLDS; k++) {
                List<Example> train = new ArrayList<>();
                List<Example> test = new ArrayList<>();
                for (int i = 0; i < fold.length; i++) {
                    (fold[i] == k ? test : train).add(all.get(i));
                }
                SentimentAnalyzer analyzer = analyzer(fit(train, lambda));
                for (Example e : test) {
                    pairs.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(new double[] {analyzer.polarity(e.text()), e.gold()});
                }
            }
            pairs.forEach((f, p) -> {
                System.out.printf(Locale.ROOT, "%d-fold CV held-out (folds seed %2d) %-40s r=%.4f %s%n", FOLDS, seed, f,
                        pearson(p), f1(p));
                double[] s = sums.computeIfAbsent(f, x -> new double[3]);
                s[0] += pearson(p) / FOLD_SEEDS.length;
                s[1] += macroF1(p) / FOLD_SEEDS.length;
                s[2] += weightedF1(p) / FOLD_SEEDS.length;
            });
        }
        sums.forEach((f, s) -> System.out.printf(Locale.ROOT,
                "%d-fold CV held-out, mean of %d     %-40s r=%.4f macroF1=%.4f weightedF1=%.4f%n", FOLDS,
                FOLD_SEEDS.length, f, s[0], s[1], s[2]));
    }

    void crossDomain(List<Example> all, double lambda) {
        Set<String> files = new java.util.TreeSet<>();
        all.forEach(e -> files.add(e.file()));
        for (String testFile : files) {
            List<Example> train = all.stream().filter(e -> !e.file().equals(testFile)).toList();
            List<Example> test = all.stream().filter(e -> e.file().equals(testFile)).toList();
            SentimentAnalyzer analyzer = analyzer(fit(train, lambda));
            List<double[]> p = new ArrayList<>();
            test.forEach(e -> p.add(new double[] {analyzer.polarity(e.text()), e.gold()}));
            System.out.printf(Locale.ROOT, "cross-domain (fit on the other file) %-30s r=%.4f %s%n", testFile,
                    pearson(p), f1(p));
        }
    }

    void report(String label, List<Example> all, Map<String, Double> learned) {
        SentimentAnalyzer analyzer = analyzer(learned);
        Map<String, List<double[]>> pairs = new TreeMap<>();
        for (Example e : all) {
            pairs.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(new double[] {analyzer.polarity(e.text()), e.gold()});
        }
        pairs.forEach((f, p) -> System.out.printf(Locale.ROOT, "%-22s %-40s r=%.4f %s%n", label, f, pearson(p),
                f1(p)));
    }

    /** The production analyzer over the human lexicon with {@code learned} as its corrections. */
    private SentimentAnalyzer analyzer(Map<String, Double> learned) {
        return new SentimentAnalyzer(human.withLearned(learned), AnalyzerSettings.defaults());
    }

    private boolean isTopicWord(String w) {
        return (FUNCTION_WORDS.contains(w) || supportVocabulary.contains(w) || Lexicon.isSupportTopicWord(w))
                && human.humanValence(w) == 0;
    }

    private static boolean wordShaped(String w) {
        return Character.isLetter(w.charAt(0)) && w.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '-');
    }

    boolean eligible(String w) {
        return w.length() > 1 && wordShaped(w) && !FUNCTION_WORDS.contains(w) && !Lexicon.isSupportTopicWord(w)
                && !(supportVocabulary.contains(w) && human.humanValence(w) == 0) && PolarityScorer.isLearnable(w);
    }

    /**
     * A stem is learned unless a word that must stay without learned valence (function word, support topic or
     * support vocabulary word) shares it: the runtime applies a stem's correction to every word with that stem.
     */
    boolean stemEligible(String w) {
        if (w.length() < 3 || !wordShaped(w)) {
            return false;
        }
        if (blockedStems == null) {
            Set<String> blocked = new java.util.HashSet<>();
            java.util.stream.Stream.of(FUNCTION_WORDS, supportVocabulary).flatMap(Set::stream)
                    .filter(this::isTopicWord).forEach(t -> blocked.add(Lexicon.stem(t)));
            for (String t : new String[] {"support", "help", "please", "credit", "care"}) {
                blocked.add(Lexicon.stem(t));
            }
            blockedStems = Set.copyOf(blocked);
        }
        return !blockedStems.contains(Lexicon.stem(w));
    }

    private Set<String> blockedStems;

    boolean eligiblePair(String first, String second) {
        return wordShaped(first) && wordShaped(second) && !Lexicon.isSupportTopicWord(second)
                && !(isTopicWord(first) && isTopicWord(second));
    }

    /**
     * Learns corrections that minimise the squared error between the engine's polarity and the human
     * rating plus an L2 penalty, by AdaGrad over the training sentences.
     */
    Map<String, Double> fit(List<Example> train, double lambda) {
        Map<String, Integer> docs = new TreeMap<>();
        for (Example e : train) {
            for (String f : e.features()) {
                docs.merge(f, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        docs.forEach((f, c) -> {
            if (c >= MIN_DOCS) {
                index.put(f, names.size());
                names.add(f);
            }
        });
        double[] penalty = new double[names.size()];
        for (int j = 0; j < penalty.length; j++) {
            String f = names.get(j);
            double scale = f.startsWith("~") ? STEM_PENALTY : f.indexOf(' ') >= 0 ? PAIR_PENALTY
                    : human.humanValence(f) != 0 ? KNOWN_WORD_PENALTY : 1;
            penalty[j] = lambda * scale / docs.get(f);
        }
        int n = train.size();
        Map<String, Integer> perFile = new TreeMap<>();
        train.forEach(e -> perFile.merge(e.file(), 1, Integer::sum));
        int[][] featureIds = new int[n][];
        double[][] featureValues = new double[n][];
        for (int r = 0; r < n; r++) {
            Example e = train.get(r);
            List<Integer> ids = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int k = 0; k < e.features().length; k++) {
                Integer j = index.get(e.features()[k]);
                if (j != null) {
                    ids.add(j);
                    values.add(e.factors()[k]);
                }
            }
            featureIds[r] = ids.stream().mapToInt(Integer::intValue).toArray();
            featureValues[r] = values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        double alpha = PolarityScorer.NORMALISATION_ALPHA;
        double[] w = new double[names.size()];
        double[] g2 = new double[names.size()];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(7);
        for (int epoch = 0; epoch < PASSES; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            for (int r : order) {
                PolarityScorer.Rated rated = train.get(r).rated();
                double learned = 0;
                for (int k = 0; k < featureIds[r].length; k++) {
                    learned += w[featureIds[r][k]] * featureValues[r][k];
                }
                double scale = PolarityScorer.lengthFactor(rated.words());
                double z = PolarityScorer.fittedSum(rated, learned);
                double d = z * z + alpha;
                double p = z / Math.sqrt(d);
                double dp = alpha / (d * Math.sqrt(d)) * scale;
                double err = p - train.get(r).gold();
                err *= (double) n / (perFile.size() * perFile.get(train.get(r).file()));
                for (int k = 0; k < featureIds[r].length; k++) {
                    int j = featureIds[r][k];
                    double grad = err * dp * featureValues[r][k] + penalty[j] * w[j];
                    g2[j] += grad * grad;
                    w[j] -= LEARNING_RATE * grad / Math.sqrt(g2[j] + 1e-8);
                }
            }
        }
        Map<String, Double> out = new TreeMap<>();
        for (int j = 0; j < w.length; j++) {
            double v = Math.round(w[j] * 1000) / 1000.0;
            if (v != 0) {
                out.put(names.get(j), v);
            }
        }
        return out;
    }

    /** Macro and support-weighted 3-class F1 with a neutral band of +-0.05 on both sides. */
    static String f1(List<double[]> pairs) {
        return String.format(Locale.ROOT, "macroF1=%.4f weightedF1=%.4f", macroF1(pairs), weightedF1(pairs));
    }

    static double macroF1(List<double[]> pairs) {
        return f1s(pairs)[0];
    }

    static double weightedF1(List<double[]> pairs) {
        return f1s(pairs)[1];
    }

    private static double[] f1s(List<double[]> pairs) {
        int[][] c = new int[3][3];
        for (double[] p : pairs) {
            c[cls(p[1])][cls(p[0])]++;
        }
        double macro = 0;
        double weighted = 0;
        for (int k = 0; k < 3; k++) {
            int tp = c[k][k];
            int predicted = c[0][k] + c[1][k] + c[2][k];
            int actual = c[k][0] + c[k][1] + c[k][2];
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            macro += f / 3;
            weighted += f * actual / pairs.size();
        }
        return new double[] {macro, weighted};
    }

    private static int cls(double v) {
        return v > 0.05 ? 2 : v < -0.05 ? 0 : 1;
    }

    static double pearson(List<double[]> p) {
        double n = p.size();
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (double[] x : p) {
            sx += x[0];
            sy += x[1];
            sxx += x[0] * x[0];
            syy += x[1] * x[1];
            sxy += x[0] * x[1];
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }

    private static void write(Path out, Map<String, Double> fitted, int examples, double lambda) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Corpus-learned additive valence corrections (VADER scale), added to the rule engine's sum with the context factor of the word's place.\n");
        sb.append(String.format(Locale.ROOT,
                "# Generated by LearnedLexiconFitter (AdaGrad, L2 lambda=%.2f, x%.0f for words the human lexicon knows, x%.0f for word pairs, min %d sentences) on %d rated sentences"
                        + " of ../shared/data/sentiment. Do not edit by hand; regenerate.%n", lambda, KNOWN_WORD_PENALTY, PAIR_PENALTY, MIN_DOCS, examples));
        sb.append("# A key with a space is a word pair (\"first second\"): its correction applies to the second word when it follows the first.\n");
        fitted.forEach((w, v) -> sb.append(w).append('\t').append(v).append('\n'));
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }
}

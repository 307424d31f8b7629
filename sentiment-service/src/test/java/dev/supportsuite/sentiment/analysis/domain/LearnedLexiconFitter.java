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
 * Build-time tool (not a test) that learns additive valence corrections for content words from the
 * human-rated sentences in {@code ../shared/data/sentiment}.
 *
 * <p>Method: every sentence is scored by the rule engine with the human lexicon only, giving a raw
 * valence sum. Each content word (not a function word, negator or intensifier; seen in at least
 * {@code MIN_DOCS} training sentences) gets a correction that is added to its valence (0 for a word
 * the lexicon lacks), each occurrence weighted by its context multiplier (negation, contrast) so that
 * the learned values obey the same rules as the human ones. The corrections minimise the squared error
 * between the engine's squashed polarity and the human mean rating / 4, with an L2 penalty scaled by
 * 1 / (sentences containing the word), by AdaGrad ({@code PASSES} shuffled passes, fixed seeds).
 * Words frequent in customer-service requests (the banking77 training queries beside the sentiment data,
 * when present) are left out: in a support chat they name the topic, whatever reviews and news made of them.
 *
 * <p>It reports, for transparency, the correlation on held-out data: k-fold cross-validation over both
 * files pooled, and cross-domain transfer (fit on one file, score the other).
 *
 * <p>Usage (from the repository root): {@code flock /tmp/support-maven.lock mvn -B -q -pl sentiment-service
 * test-compile exec:java -Dexec.mainClass=dev.supportsuite.sentiment.analysis.domain.LearnedLexiconFitter
 * -Dexec.args="../shared/data/sentiment - 1.0"}: arguments are the data directory, the output file ("-" only
 * reports; default {@code sentiment-service/src/main/resources/sentiment/learned-lexicon.tsv}) and lambda.
 * Fitting is deterministic (fixed seeds), so rerunning it reproduces the shipped table.
 */
public final class LearnedLexiconFitter {

    static final String RESOURCE = "src/main/resources/sentiment/learned-lexicon.tsv";
    static final double MIN_NEW_WORD_VALENCE = Double.parseDouble(System.getProperty("fit.minNew", "0.3"));
    static final int MIN_SUPPORT_QUERIES = 20;
    static final int MIN_DOCS = Integer.getInteger("fit.minDocs", 5);
    static final double TARGET_CLIP = 0.9;
    static final int FOLDS = 5;
    static final int PASSES = 15;
    static final double LEARNING_RATE = 0.2;
    static final double KNOWN_WORD_PENALTY = Double.parseDouble(System.getProperty("fit.knownPenalty", "20"));
    static final boolean INCLUDE_KNOWN = Boolean.parseBoolean(System.getProperty("fit.known", "true"));

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

    record Example(String file, double gold, List<Token> tokens) {
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
        fitter.report("human lexicon only", all, Map.of());
        fitter.crossValidate(all, lambda);
        fitter.crossDomain(all, lambda);
        Map<String, Double> fitted = fitter.fit(all, lambda);
        System.out.printf(Locale.ROOT, "fitted on all: %d words%n", fitted.size());
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
                        out.add(new Example(f.getFileName().toString(), Double.parseDouble(p[1]) / 4,
                                tokenizer.tokenize(p[2])));
                    }
                }
            }
        }
        return out;
    }

    void crossValidate(List<Example> all, double lambda) {
        int[] fold = new int[all.size()];
        Random random = new Random(42);
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
            Map<String, Double> w = fit(train, lambda);
            for (Example e : test) {
                pairs.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(new double[] {predict(e, w), e.gold()});
            }
        }
        pairs.forEach((f, p) -> System.out.printf(Locale.ROOT, "%d-fold CV held-out  %-40s r=%.4f %s%n", FOLDS, f,
                pearson(p), f1(p)));
    }

    void crossDomain(List<Example> all, double lambda) {
        Set<String> files = new java.util.TreeSet<>();
        all.forEach(e -> files.add(e.file()));
        for (String testFile : files) {
            List<Example> train = all.stream().filter(e -> !e.file().equals(testFile)).toList();
            List<Example> test = all.stream().filter(e -> e.file().equals(testFile)).toList();
            Map<String, Double> w = fit(train, lambda);
            List<double[]> p = new ArrayList<>();
            test.forEach(e -> p.add(new double[] {predict(e, w), e.gold()}));
            System.out.printf(Locale.ROOT, "cross-domain (fit on the other file) %-30s r=%.4f %s%n", testFile,
                    pearson(p), f1(p));
        }
    }

    void report(String label, List<Example> all, Map<String, Double> w) {
        Map<String, List<double[]>> pairs = new TreeMap<>();
        for (Example e : all) {
            pairs.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(new double[] {predict(e, w), e.gold()});
        }
        pairs.forEach((f, p) -> System.out.printf(Locale.ROOT, "%-20s %-40s r=%.4f %s%n", label, f, pearson(p),
                f1(p)));
    }

    double predict(Example e, Map<String, Double> w) {
        double[] raw = new double[2];
        humanScorer.rawSum(e.tokens(), raw);
        double sum = raw[0];
        double[] ctx = PolarityScorer.contextMultipliers(e.tokens());
        for (int i = 0; i < e.tokens().size(); i++) {
            Token t = e.tokens().get(i);
            Double v = w.get(t.lower());
            if (v != null && t.isWord() && eligible(t.lower())) {
                sum += v * ctx[i];
            }
        }
        return sum / Math.sqrt(sum * sum + PolarityScorer.NORMALISATION_ALPHA);
    }

    boolean eligible(String w) {
        return w.length() > 1 && Character.isLetter(w.charAt(0)) && !FUNCTION_WORDS.contains(w)
                && !Lexicon.isSupportTopicWord(w) && !(supportVocabulary.contains(w) && human.humanValence(w) == 0)
                && (INCLUDE_KNOWN || human.humanValence(w) == 0) && Lexicon.intensity(w) == 0 && !Lexicon.isNegator(w)
                && w.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '-');
    }

    /**
     * Learns word valences that minimise the squared error between the engine's polarity and the human
     * rating plus an L2 penalty, by AdaGrad over the training sentences.
     */
    Map<String, Double> fit(List<Example> train, double lambda) {
        Map<String, Integer> docs = new HashMap<>();
        for (Example e : train) {
            e.tokens().stream().filter(Token::isWord).map(Token::lower).filter(this::eligible).distinct()
                    .forEach(w -> docs.merge(w, 1, Integer::sum));
        }
        Map<String, Integer> index = new HashMap<>();
        docs.forEach((w, c) -> {
            if (c >= MIN_DOCS) {
                index.put(w, index.size());
            }
        });
        int n = train.size();
        double[] base = new double[n];
        int[][] featureIds = new int[n][];
        double[][] featureValues = new double[n][];
        double[] raw = new double[2];
        for (int r = 0; r < n; r++) {
            Example e = train.get(r);
            humanScorer.rawSum(e.tokens(), raw);
            base[r] = raw[0];
            double[] ctx = PolarityScorer.contextMultipliers(e.tokens());
            Map<Integer, Double> x = new TreeMap<>();
            for (int i = 0; i < e.tokens().size(); i++) {
                Integer j = index.get(e.tokens().get(i).lower());
                if (j != null && e.tokens().get(i).isWord()) {
                    x.merge(j, ctx[i], Double::sum);
                }
            }
            featureIds[r] = x.keySet().stream().mapToInt(Integer::intValue).toArray();
            featureValues[r] = x.values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        double alpha = PolarityScorer.NORMALISATION_ALPHA;
        double[] w = new double[index.size()];
        double[] g2 = new double[index.size()];
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
                double sum = base[r];
                for (int k = 0; k < featureIds[r].length; k++) {
                    sum += w[featureIds[r][k]] * featureValues[r][k];
                }
                double d = sum * sum + alpha;
                double p = sum / Math.sqrt(d);
                double dp = alpha / (d * Math.sqrt(d));
                double err = p - train.get(r).gold();
                for (int k = 0; k < featureIds[r].length; k++) {
                    int j = featureIds[r][k];
                    String word = nameOf(index, j);
                    double penalty = human.humanValence(word) == 0 ? lambda : lambda * KNOWN_WORD_PENALTY;
                    double grad = err * dp * featureValues[r][k] + penalty * w[j] / docs.get(word);
                    g2[j] += grad * grad;
                    w[j] -= LEARNING_RATE * grad / Math.sqrt(g2[j] + 1e-8);
                }
            }
        }
        Map<String, Double> out = new TreeMap<>();
        index.forEach((word, j) -> {
            double v = Math.round(w[j] * 1000) / 1000.0;
            boolean known = human.humanValence(word) != 0;
            if (v != 0 && (known || Math.abs(v) >= MIN_NEW_WORD_VALENCE)) {
                out.put(word, v);
            }
        });
        return out;
    }

    private static String nameOf(Map<String, Integer> index, int j) {
        return NAMES.computeIfAbsent(index, m -> {
            String[] names = new String[m.size()];
            m.forEach((w, i) -> names[i] = w);
            return names;
        })[j];
    }

    private static final Map<Map<String, Integer>, String[]> NAMES = new java.util.IdentityHashMap<>();

    /** Macro and support-weighted 3-class F1 with a neutral band of +-0.05 on both sides. */
    static String f1(List<double[]> pairs) {
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
        return String.format(Locale.ROOT, "macroF1=%.4f weightedF1=%.4f", macro, weighted);
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
        sb.append("# Corpus-learned additive valence corrections (VADER scale), added to the human-rated valence (0 if none).\n");
        sb.append(String.format(Locale.ROOT,
                "# Generated by LearnedLexiconFitter (AdaGrad, L2 lambda=%.2f, x%.0f for words the human lexicon knows, min %d sentences, new words kept from |v| >= %.2f) on %d rated sentences"
                        + " of ../shared/data/sentiment. Do not edit by hand; regenerate.%n", lambda, KNOWN_WORD_PENALTY, MIN_DOCS, MIN_NEW_WORD_VALENCE, examples));
        fitted.forEach((w, v) -> sb.append(w).append('\t').append(v).append('\n'));
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }
}

package dev.supportsuite.agent.intent.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A classifier trained on one catalog: softmax regression over the frozen sentence embedding and
 * hashed word features, blended with a vote of the most similar catalog examples per intent. The
 * blend weight and a temperature are fitted on a held-out slice of the catalog so that the
 * probabilities are calibrated. The vote uses every example; the regression is the one trained
 * without the held-out slice. Immutable.
 */
public final class IntentClassifier {

    private static final double MIN_TEMPERATURE = 0.05;
    private static final double MAX_TEMPERATURE = 20;

    private final List<String> intents;
    private final boolean[] outOfScope;
    private final SoftmaxModel model;
    private final LexicalFeatures lexical;
    private final NearestExamples neighbours;
    private final Blend blend;

    private IntentClassifier(List<String> intents, SoftmaxModel model, LexicalFeatures lexical,
            NearestExamples neighbours, Blend blend) {
        this.intents = List.copyOf(intents);
        this.outOfScope = new boolean[intents.size()];
        for (int c = 0; c < intents.size(); c++) {
            outOfScope[c] = IntentCatalog.isOutOfScopeLabel(intents.get(c));
        }
        this.model = model;
        this.lexical = lexical;
        this.neighbours = neighbours;
        this.blend = blend;
    }

    /**
     * Trains on a validated catalog.
     *
     * @param embeddings one sentence embedding per example, in catalog order
     * @param pool       the threads the training may use
     */
    public static IntentClassifier train(IntentCatalog catalog, float[][] embeddings, ClassifierSettings settings,
            ForkJoinPool pool) {
        List<IntentExample> examples = catalog.examples();
        if (embeddings.length != examples.size()) {
            throw new IllegalArgumentException("one embedding per example is needed");
        }
        List<String> intents = new ArrayList<>(catalog.counts().keySet());
        Map<String, Integer> index = new LinkedHashMap<>();
        intents.forEach(intent -> index.put(intent, index.size()));
        LexicalFeatures lexical = new LexicalFeatures(settings.lexicalBuckets());
        int n = examples.size();
        int[] labels = new int[n];
        int[][] words = new int[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = index.get(examples.get(i).intent());
            words[i] = lexical.indices(examples.get(i).text());
        }
        SoftmaxTrainer trainer = new SoftmaxTrainer(settings.trainerOptions(), pool);
        Calibrated calibrated = calibrate(trainer, embeddings, words, labels, intents.size(), lexical, settings, pool);
        // The regression trained for calibration is kept: training it again on the held-out tenth costs as
        // long again and changes little, because the nearest-example vote sees every example anyway.
        SoftmaxModel model = calibrated.model() != null ? calibrated.model()
                : trainer.train(embeddings, words, lexical.buckets(), labels, intents.size());
        return new IntentClassifier(intents, model, lexical, new NearestExamples(embeddings, labels, intents.size()),
                calibrated.blend());
    }

    private record Calibrated(SoftmaxModel model, Blend blend) {
    }

    /** Calibrated probability of every intent, best first. */
    public List<IntentScore> scores(String text, float[] embedding) {
        double[] p = blend.probabilities(model.logits(embedding, lexical.indices(text)),
                neighbours.bestSimilarities(embedding));
        List<IntentScore> scores = new ArrayList<>(p.length);
        for (int c = 0; c < p.length; c++) {
            scores.add(new IntentScore(intents.get(c), p[c]));
        }
        scores.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        return scores;
    }

    /**
     * Classifies one utterance: out of scope when the catalog's out-of-scope class wins or when the best
     * intent's calibrated probability is below {@code minConfidence}.
     */
    public Classification classify(String text, float[] embedding, double minConfidence, int alternatives,
            List<Entity> entities, long catalogVersion) {
        List<IntentScore> scores = scores(text, embedding);
        List<IntentScore> inScope = scores.stream().filter(s -> !IntentCatalog.isOutOfScopeLabel(s.intent()))
                .limit(alternatives).toList();
        IntentScore best = scores.get(0);
        if (IntentCatalog.isOutOfScopeLabel(best.intent())) {
            return new Classification(IntentCatalog.OUT_OF_SCOPE, best.confidence(), true, inScope, entities,
                    catalogVersion);
        }
        boolean rejected = best.confidence() < minConfidence;
        return new Classification(rejected ? IntentCatalog.OUT_OF_SCOPE : best.intent(), best.confidence(), rejected,
                inScope, entities, catalogVersion);
    }

    /** The fitted softmax temperature (1 when the catalog was too small to hold anything out). */
    public double temperature() {
        return blend.temperature();
    }

    /** Weight of the nearest-example vote next to the regression (0 when nothing could be held out). */
    public double neighbourWeight() {
        return blend.neighbourWeight();
    }

    /** The intents this classifier knows, in catalog order. */
    public List<String> intents() {
        return intents;
    }

    /**
     * Holds out a stratified slice, trains a probe on the rest, and on the slice picks the weight and
     * sharpness of the nearest-example vote (by accuracy) and then the temperature (by likelihood).
     * Everything is chosen on the catalog itself, never on evaluation data.
     */
    private static Calibrated calibrate(SoftmaxTrainer trainer, float[][] embeddings, int[][] words, int[] labels,
            int classes, LexicalFeatures lexical, ClassifierSettings settings, ForkJoinPool pool) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(settings.seed());
        List<Integer> held = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (List<Integer> members : byClass) {
            List<Integer> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            // Hold out only where at least two examples stay for training.
            int out = members.size() < 3 ? 0
                    : (int) Math.max(1, Math.min(members.size() - 2,
                            Math.round(members.size() * settings.calibrationFraction())));
            held.addAll(shuffled.subList(0, out));
            kept.addAll(shuffled.subList(out, shuffled.size()));
        }
        if (held.isEmpty() || settings.calibrationFraction() <= 0) {
            return new Calibrated(null, Blend.NONE);
        }
        int[] keptLabels = kept.stream().mapToInt(i -> labels[i]).toArray();
        SoftmaxModel probe = trainer.train(select(embeddings, kept), select(words, kept), lexical.buckets(),
                keptLabels, classes);
        NearestExamples probeNeighbours = new NearestExamples(select(embeddings, kept), keptLabels, classes);
        double[][] logits = new double[held.size()][];
        double[][] similarities = new double[held.size()][];
        int[] truth = new int[held.size()];
        pool.submit(() -> IntStream.range(0, held.size()).parallel().forEach(k -> {
            int i = held.get(k);
            logits[k] = probe.logits(embeddings[i], words[i]);
            similarities[k] = probeNeighbours.bestSimilarities(embeddings[i]);
            truth[k] = labels[i];
        })).join();
        Blend best = null;
        int bestCorrect = -1;
        for (double sharpness : Blend.SHARPNESS) {
            for (double weight : Blend.WEIGHTS) {
                Blend candidate = new Blend(weight, sharpness, 1.0);
                int correct = 0;
                for (int k = 0; k < held.size(); k++) {
                    correct += argmax(candidate.probabilities(logits[k], similarities[k])) == truth[k] ? 1 : 0;
                }
                if (correct > bestCorrect) {
                    bestCorrect = correct;
                    best = candidate;
                }
            }
        }
        Blend chosen = best;
        double[][] mixed = new double[held.size()][];
        for (int k = 0; k < held.size(); k++) {
            mixed[k] = chosen.logMixture(logits[k], similarities[k]);
        }
        return new Calibrated(probe, new Blend(chosen.neighbourWeight(), chosen.sharpness(),
                fitTemperature(mixed, truth)));
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The temperature that minimises the negative log-likelihood (golden-section search on log T). */
    static double fitTemperature(double[][] logits, int[] truth) {
        double phi = (Math.sqrt(5) - 1) / 2;
        double lo = Math.log(MIN_TEMPERATURE);
        double hi = Math.log(MAX_TEMPERATURE);
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(logits, truth, Math.exp(a));
        double fb = nll(logits, truth, Math.exp(b));
        for (int iteration = 0; iteration < 60; iteration++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(logits, truth, Math.exp(a));
            }
            else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(logits, truth, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double nll(double[][] logits, int[] truth, double temperature) {
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            double[] p = SoftmaxModel.softmax(logits[k], temperature);
            sum -= Math.log(Math.max(p[truth[k]], 1e-12));
        }
        return sum / logits.length;
    }

    private static float[][] select(float[][] rows, List<Integer> which) {
        return which.stream().map(i -> rows[i]).toArray(float[][]::new);
    }

    private static int[][] select(int[][] rows, List<Integer> which) {
        return which.stream().map(i -> rows[i]).toArray(int[][]::new);
    }

    /**
     * How the regression and the nearest-example vote combine: {@code p = (1 - w) softmax(logits)
     * + w softmax(similarities / sharpness)}, then sharpened or flattened by the temperature.
     */
    record Blend(double neighbourWeight, double sharpness, double temperature) {

        static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0};
        static final double[] SHARPNESS = {0.01, 0.02, 0.05};
        static final Blend NONE = new Blend(0, 0.02, 1.0);

        double[] logMixture(double[] logits, double[] similarities) {
            double[] regression = SoftmaxModel.softmax(logits, 1.0);
            double[] vote = neighbourWeight > 0 ? SoftmaxModel.softmax(similarities, sharpness) : null;
            double[] mixed = new double[regression.length];
            for (int c = 0; c < mixed.length; c++) {
                double p = (1 - neighbourWeight) * regression[c] + (vote == null ? 0 : neighbourWeight * vote[c]);
                mixed[c] = Math.log(Math.max(p, 1e-300));
            }
            return mixed;
        }

        double[] probabilities(double[] logits, double[] similarities) {
            return SoftmaxModel.softmax(logMixture(logits, similarities), temperature);
        }
    }

    /** Every catalog example's unit embedding, for the best cosine similarity per intent. */
    static final class NearestExamples {

        private final float[][] vectors;
        private final int[] labels;
        private final int classes;

        NearestExamples(float[][] embeddings, int[] labels, int classes) {
            this.vectors = new float[embeddings.length][];
            for (int i = 0; i < embeddings.length; i++) {
                vectors[i] = unit(embeddings[i]);
            }
            this.labels = labels.clone();
            this.classes = classes;
        }

        double[] bestSimilarities(float[] embedding) {
            float[] query = unit(embedding);
            double[] best = new double[classes];
            Arrays.fill(best, -1);
            for (int i = 0; i < vectors.length; i++) {
                float[] v = vectors[i];
                double dot = 0;
                for (int j = 0; j < v.length; j++) {
                    dot += v[j] * query[j];
                }
                if (dot > best[labels[i]]) {
                    best[labels[i]] = dot;
                }
            }
            return best;
        }

        private static float[] unit(float[] vector) {
            double norm = 0;
            for (float x : vector) {
                norm += x * x;
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            float[] out = new float[vector.length];
            for (int j = 0; j < vector.length; j++) {
                out[j] = vector[j] * scale;
            }
            return out;
        }
    }
}

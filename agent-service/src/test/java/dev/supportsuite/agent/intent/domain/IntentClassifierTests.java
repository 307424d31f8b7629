package dev.supportsuite.agent.intent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The trained head on its own, on synthetic embeddings: well-separated clusters with noise. */
class IntentClassifierTests {

    private static final int DIMENSIONS = 32;
    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final ClassifierSettings SETTINGS = new ClassifierSettings(30, 16, 0.01, 1e-4, 0, 1f, 0.2, 7);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    @Test
    void learnsSeparableIntentsAndRanksTheRightOneFirst() {
        Synthetic data = synthetic(List.of("billing", "password", "greeting"), 30, 0.3, 1);
        IntentClassifier classifier = IntentClassifier.train(data.catalog(), data.embeddings(), SETTINGS, POOL);

        Synthetic fresh = synthetic(List.of("billing", "password", "greeting"), 10, 0.3, 2);
        int correct = 0;
        for (int i = 0; i < fresh.embeddings().length; i++) {
            List<IntentScore> scores = classifier.scores("", fresh.embeddings()[i]);
            correct += scores.get(0).intent().equals(fresh.catalog().examples().get(i).intent()) ? 1 : 0;
            assertThat(scores.stream().mapToDouble(IntentScore::confidence).sum()).isCloseTo(1.0, within(1e-9));
        }
        assertThat(correct).isGreaterThanOrEqualTo(29);
    }

    @Test
    void answersOutOfScopeBelowTheThresholdAndListsAlternatives() {
        Synthetic data = synthetic(List.of("a", "b", "c"), 30, 0.3, 3);
        IntentClassifier classifier = IntentClassifier.train(data.catalog(), data.embeddings(), SETTINGS, POOL);
        float[] between = mix(data.embeddings()[0], data.embeddings()[30]);

        double best = classifier.scores("", between).get(0).confidence();

        Classification lenient = classifier.classify("", data.embeddings()[0], 0.0, 2, List.of(), 5);
        Classification accepted = classifier.classify("", between, best - 1e-6, 2, List.of(), 5);
        Classification rejected = classifier.classify("", between, best + 1e-6, 2, List.of(), 5);

        assertThat(lenient.intent()).isEqualTo("a");
        assertThat(lenient.outOfScope()).isFalse();
        assertThat(lenient.catalogVersion()).isEqualTo(5);
        assertThat(accepted.outOfScope()).isFalse();
        assertThat(rejected.intent()).isEqualTo(IntentCatalog.OUT_OF_SCOPE);
        assertThat(rejected.outOfScope()).isTrue();
        assertThat(rejected.confidence()).isEqualTo(best);
        assertThat(rejected.alternatives()).hasSize(2).extracting(IntentScore::intent)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void treatsAnOosIntentAsOutOfScopeAndNeverListsIt() {
        Synthetic data = synthetic(List.of("a", "b", "oos"), 30, 0.3, 4);
        IntentClassifier classifier = IntentClassifier.train(data.catalog(), data.embeddings(), SETTINGS, POOL);

        Classification result = classifier.classify("", data.embeddings()[60], 0.0, 3, List.of(), 1);

        assertThat(result.outOfScope()).isTrue();
        assertThat(result.intent()).isEqualTo(IntentCatalog.OUT_OF_SCOPE);
        assertThat(result.alternatives()).extracting(IntentScore::intent).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void trainsTheSameModelFromTheSameCatalog() {
        Synthetic data = synthetic(List.of("a", "b"), 20, 0.5, 5);
        IntentClassifier one = IntentClassifier.train(data.catalog(), data.embeddings(), SETTINGS, POOL);
        IntentClassifier two = IntentClassifier.train(data.catalog(), data.embeddings(), SETTINGS, POOL);

        assertThat(one.scores("", data.embeddings()[3])).isEqualTo(two.scores("", data.embeddings()[3]));
        assertThat(one.temperature()).isEqualTo(two.temperature());
    }

    @Test
    void fitsTheTemperatureThatGeneratedTheLabels() {
        Random random = new Random(11);
        int n = 4000;
        double[][] logits = new double[n][];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            logits[i] = new double[] {random.nextGaussian() * 3, random.nextGaussian() * 3, random.nextGaussian() * 3};
            double[] p = SoftmaxModel.softmax(logits[i], 2.0);
            double u = random.nextDouble();
            truth[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
        }

        assertThat(IntentClassifier.fitTemperature(logits, truth)).isCloseTo(2.0, within(0.25));
    }

    private static float[] mix(float[] a, float[] b) {
        float[] mixed = new float[a.length];
        for (int j = 0; j < a.length; j++) {
            mixed[j] = (a[j] + b[j]) / 2;
        }
        return mixed;
    }

    /** Examples of each intent scattered around a random unit centre. */
    static Synthetic synthetic(List<String> intents, int perIntent, double noise, long seed) {
        Random centres = new Random(99);
        Random random = new Random(seed);
        List<IntentExample> examples = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (String intent : intents) {
            float[] centre = new float[DIMENSIONS];
            for (int j = 0; j < DIMENSIONS; j++) {
                centre[j] = (float) centres.nextGaussian();
            }
            for (int k = 0; k < perIntent; k++) {
                float[] e = new float[DIMENSIONS];
                for (int j = 0; j < DIMENSIONS; j++) {
                    e[j] = centre[j] + (float) (random.nextGaussian() * noise * 3);
                }
                examples.add(new IntentExample(intent + " example " + k, intent));
                embeddings.add(e);
            }
        }
        return new Synthetic(new IntentCatalog(examples, null), embeddings.toArray(float[][]::new));
    }

    record Synthetic(IntentCatalog catalog, float[][] embeddings) {
    }
}

package dev.supportsuite.agent.intent.domain;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Trains a {@link SoftmaxModel} with mini-batch Adam and L2 regularisation. Dense embedding features
 * are standardised with the catalog's mean and spread; hashed lexical features are updated lazily
 * (only the buckets a batch touches), which keeps a 16k-bucket feature space cheap. The work of a
 * batch is split over classes on the given pool, so training uses every inference core; the result
 * does not depend on the pool size.
 */
final class SoftmaxTrainer {

    /**
     * @param epochs        passes over the examples
     * @param batchSize     examples per gradient step
     * @param learningRate  Adam step size
     * @param l2            L2 penalty on the weights
     * @param sparseWeight  norm of the lexical part of a feature vector relative to the dense part
     * @param seed          shuffling seed, so that a catalog always trains to the same model
     */
    record Options(int epochs, int batchSize, double learningRate, double l2, float sparseWeight, long seed) {
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final Options options;
    private final ForkJoinPool pool;

    SoftmaxTrainer(Options options, ForkJoinPool pool) {
        this.options = options;
        this.pool = pool;
    }

    SoftmaxModel train(float[][] embeddings, int[][] lexical, int buckets, int[] labels, int classes) {
        int n = embeddings.length;
        int dense = embeddings[0].length;
        int stride = dense + buckets + 1;
        float[] mean = new float[dense];
        float[] scale = new float[dense];
        standardisation(embeddings, mean, scale);
        SoftmaxModel shape = new SoftmaxModel(classes, mean, scale, options.sparseWeight(), buckets,
                new float[classes * stride]);
        float[][] x = new float[n][];
        float[] sparseValue = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = shape.standardise(embeddings[i]);
            sparseValue[i] = shape.sparseValue(lexical[i]);
        }
        float[] w = new float[classes * stride];
        float[] m = new float[w.length];
        float[] v = new float[w.length];
        int[] order = IntStream.range(0, n).toArray();
        Random random = new Random(options.seed());
        int batchSize = Math.min(options.batchSize(), n);
        double[][] gradient = new double[batchSize][classes];
        int[] position = new int[buckets];
        Arrays.fill(position, -1);
        int[] touchedList = new int[buckets];
        int step = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += batchSize) {
                int size = Math.min(batchSize, n - start);
                int from = start;
                step++;
                pool.submit(() -> IntStream.range(0, size).parallel().forEach(b -> {
                    int i = order[from + b];
                    double[] p = SoftmaxModel.softmax(logits(w, stride, dense, x[i], lexical[i], sparseValue[i],
                            classes), 1.0);
                    p[labels[i]] -= 1.0;
                    System.arraycopy(p, 0, gradient[b], 0, classes);
                })).join();
                int touchedCount = 0;
                for (int b = 0; b < size; b++) {
                    for (int index : lexical[order[start + b]]) {
                        if (position[index] < 0) {
                            position[index] = touchedCount;
                            touchedList[touchedCount++] = index;
                        }
                    }
                }
                int count = touchedCount;
                double lr = options.learningRate() * Math.sqrt(1 - Math.pow(BETA2, step))
                        / (1 - Math.pow(BETA1, step));
                pool.submit(() -> IntStream.range(0, classes).parallel().forEach(c -> update(c, w, m, v, stride,
                        dense, x, lexical, sparseValue, order, from, size, gradient, position, touchedList, count,
                        lr)))
                        .join();
                for (int t = 0; t < touchedCount; t++) {
                    position[touchedList[t]] = -1;
                }
            }
        }
        return new SoftmaxModel(classes, mean, scale, options.sparseWeight(), buckets, w);
    }

    private void update(int c, float[] w, float[] m, float[] v, int stride, int dense, float[][] x,
            int[][] lexical, float[] sparseValue, int[] order, int from, int size, double[][] gradient,
            int[] position, int[] touchedList, int touchedCount, double lr) {
        int row = c * stride;
        // Dense gradient first, then one slot per lexical bucket this batch touched, then the bias.
        double[] g = new double[dense + touchedCount + 1];
        for (int b = 0; b < size; b++) {
            double gb = gradient[b][c] / size;
            if (gb == 0) {
                continue;
            }
            int i = order[from + b];
            float[] xi = x[i];
            for (int j = 0; j < dense; j++) {
                g[j] += gb * xi[j];
            }
            double sv = gb * sparseValue[i];
            for (int index : lexical[i]) {
                g[dense + position[index]] += sv;
            }
            g[dense + touchedCount] += gb;
        }
        double l2 = options.l2();
        for (int j = 0; j < dense; j++) {
            adam(w, m, v, row + j, g[j] + l2 * w[row + j], lr);
        }
        for (int t = 0; t < touchedCount; t++) {
            int k = row + dense + touchedList[t];
            adam(w, m, v, k, g[dense + t] + l2 * w[k], lr);
        }
        adam(w, m, v, row + stride - 1, g[dense + touchedCount], lr);
    }

    private static void adam(float[] w, float[] m, float[] v, int k, double g, double lr) {
        double mk = BETA1 * m[k] + (1 - BETA1) * g;
        double vk = BETA2 * v[k] + (1 - BETA2) * g * g;
        m[k] = (float) mk;
        v[k] = (float) vk;
        w[k] -= (float) (lr * mk / (Math.sqrt(vk) + EPSILON));
    }

    static double[] logits(float[] w, int stride, int dense, float[] x, int[] lexical, float sparseValue,
            int classes) {
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            int row = c * stride;
            double sum = w[row + stride - 1];
            for (int j = 0; j < dense; j++) {
                sum += w[row + j] * x[j];
            }
            for (int index : lexical) {
                sum += w[row + dense + index] * sparseValue;
            }
            out[c] = sum;
        }
        return out;
    }

    private static void standardisation(float[][] embeddings, float[] mean, float[] scale) {
        int n = embeddings.length;
        int dense = mean.length;
        double[] sum = new double[dense];
        double[] squares = new double[dense];
        for (float[] e : embeddings) {
            for (int j = 0; j < dense; j++) {
                sum[j] += e[j];
                squares[j] += (double) e[j] * e[j];
            }
        }
        for (int j = 0; j < dense; j++) {
            double mu = sum[j] / n;
            double variance = Math.max(squares[j] / n - mu * mu, 0);
            mean[j] = (float) mu;
            scale[j] = (float) (1.0 / Math.sqrt(variance + 1e-6));
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}

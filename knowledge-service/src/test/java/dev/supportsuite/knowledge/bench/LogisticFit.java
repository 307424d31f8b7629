package dev.supportsuite.knowledge.bench;

import java.util.List;

/** Plain batch gradient descent for a logistic model over a handful of features, with light L2. */
final class LogisticFit {

    private static final int ITERATIONS = 20_000;
    private static final double RATE = 0.5;
    private static final double L2 = 1e-3;

    private LogisticFit() {
    }

    /** Weights: index 0 is the bias, then one per feature. */
    static double[] fit(List<double[]> features, List<Boolean> labels) {
        int n = features.size();
        int d = features.get(0).length;
        double[] w = new double[d + 1];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double error = predict(w, features.get(i)) - (labels.get(i) ? 1 : 0);
                gradient[0] += error;
                for (int j = 0; j < d; j++) {
                    gradient[j + 1] += error * features.get(i)[j];
                }
            }
            for (int j = 0; j <= d; j++) {
                double penalty = j == 0 ? 0 : L2 * w[j];
                w[j] -= RATE * (gradient[j] / n + penalty);
            }
        }
        return w;
    }

    static double predict(double[] w, double[] x) {
        double z = w[0];
        for (int j = 0; j < x.length; j++) {
            z += w[j + 1] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }
}

package dev.supportsuite.knowledge.bench;

import java.util.List;

/**
 * Logistic regression over a handful of features by Newton's method, with light L2 on the
 * feature weights and class-balanced sample weights: the labelled set has about four answerable
 * questions per unanswerable one, and without balancing the fit would buy answerable accuracy
 * with unanswerable questions.
 */
final class LogisticFit {

    private static final int ITERATIONS = 100;
    private static final double L2 = 1e-3;

    private LogisticFit() {
    }

    /** Weights: index 0 is the bias, then one per feature. */
    static double[] fit(List<double[]> features, List<Boolean> labels) {
        int n = features.size();
        int d = features.get(0).length + 1;
        long positives = labels.stream().filter(Boolean::booleanValue).count();
        double positiveWeight = n / (2.0 * Math.max(1, positives));
        double negativeWeight = n / (2.0 * Math.max(1, n - positives));
        double[] w = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < n; i++) {
                double[] x = withBias(features.get(i));
                double p = predict(w, features.get(i));
                double weight = labels.get(i) ? positiveWeight : negativeWeight;
                double error = weight * (p - (labels.get(i) ? 1 : 0));
                double curvature = weight * p * (1 - p);
                for (int a = 0; a < d; a++) {
                    gradient[a] += error * x[a] / n;
                    for (int b = 0; b < d; b++) {
                        hessian[a][b] += curvature * x[a] * x[b] / n;
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                gradient[a] += L2 * w[a];
                hessian[a][a] += L2;
            }
            hessian[0][0] += 1e-9;
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                size += Math.abs(step[a]);
            }
            if (size < 1e-9) {
                break;
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

    private static double[] withBias(double[] x) {
        double[] full = new double[x.length + 1];
        full[0] = 1;
        System.arraycopy(x, 0, full, 1, x.length);
        return full;
    }

    /** Gaussian elimination with partial pivoting; {@code a} is small and symmetric positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}

package dev.supportsuite.agent.intent.domain;

/**
 * A trained multinomial logistic regression over standardised sentence embeddings plus hashed lexical
 * features. Immutable once built; safe to share between threads.
 */
final class SoftmaxModel {

    private final int classes;
    private final int denseDim;
    private final int stride;
    private final float[] mean;
    private final float[] scale;
    private final float sparseWeight;
    private final float[] weights;

    SoftmaxModel(int classes, float[] mean, float[] scale, float sparseWeight, int buckets, float[] weights) {
        this.classes = classes;
        this.denseDim = mean.length;
        this.stride = denseDim + buckets + 1;
        this.mean = mean;
        this.scale = scale;
        this.sparseWeight = sparseWeight;
        this.weights = weights;
        if (weights.length != classes * stride) {
            throw new IllegalArgumentException("weights do not match " + classes + " x " + stride);
        }
    }

    int classes() {
        return classes;
    }

    /** Raw scores (logits) of every class for one utterance. */
    double[] logits(float[] embedding, int[] lexical) {
        float[] x = standardise(embedding);
        float sparse = sparseValue(lexical);
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            int row = c * stride;
            double sum = weights[row + stride - 1];
            for (int j = 0; j < denseDim; j++) {
                sum += weights[row + j] * x[j];
            }
            for (int index : lexical) {
                sum += weights[row + denseDim + index] * sparse;
            }
            out[c] = sum;
        }
        return out;
    }

    float[] standardise(float[] embedding) {
        float[] x = new float[denseDim];
        for (int j = 0; j < denseDim; j++) {
            x[j] = (embedding[j] - mean[j]) * scale[j];
        }
        return x;
    }

    float sparseValue(int[] lexical) {
        return lexical.length == 0 ? 0f : (float) (sparseWeight / Math.sqrt(lexical.length));
    }

    /** Softmax of logits divided by a temperature, in place-free form. */
    static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}

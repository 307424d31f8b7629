package dev.supportsuite.knowledge.search.domain;

/**
 * A logistic model that turns {@link HitFeatures} into a confidence in 0..1: the estimated
 * probability that the knowledge base answers the question with this hit. Its weights are fitted
 * on part of the labelled query set (see {@code KnowledgeBenchmark}) and set in configuration.
 */
public record ConfidenceModel(double bias, double cosine, double margin, double coverage, double agreement) {

    public double confidence(HitFeatures features) {
        double z = bias + cosine * features.cosine() + margin * features.margin() + coverage * features.coverage()
                + agreement * features.agreement();
        return 1.0 / (1.0 + Math.exp(-z));
    }
}

package dev.supportsuite.agent.intent.domain;

/**
 * An intent with the classifier's calibrated probability for it.
 *
 * @param intent     intent name from the catalog
 * @param confidence calibrated probability in [0, 1]
 */
public record IntentScore(String intent, double confidence) {
}

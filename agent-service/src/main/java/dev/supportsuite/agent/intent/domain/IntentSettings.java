package dev.supportsuite.agent.intent.domain;

import java.time.Duration;

/**
 * Limits and defaults of the intent feature.
 *
 * @param minConfidence        default out-of-scope threshold on the calibrated confidence, used when a
 *                             catalog carries none
 * @param maxExamples          largest catalog accepted
 * @param minExamplesPerIntent fewest examples an intent may have
 * @param alternatives         how many intents a classification lists
 * @param readyTimeout         how long a classification waits for the first catalog at startup
 * @param encodeBatchSize      texts per embedding call when a catalog is encoded
 * @param classifier           training settings
 */
public record IntentSettings(double minConfidence, int maxExamples, int minExamplesPerIntent, int alternatives,
        Duration readyTimeout, int encodeBatchSize, ClassifierSettings classifier) {
}

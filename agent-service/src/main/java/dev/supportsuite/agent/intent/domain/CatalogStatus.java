package dev.supportsuite.agent.intent.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Facts about the catalog in force.
 *
 * @param version          catalog version (0 = shipped default)
 * @param updatedAt        when it was stored, or {@code null} for the shipped default
 * @param examples         number of examples
 * @param intents          examples per intent
 * @param minConfidence    the out-of-scope threshold in force
 * @param temperature      fitted softmax temperature
 * @param encodeMillis     time spent embedding examples (0 when every embedding was reused)
 * @param trainMillis      time spent training and calibrating
 * @param reusedEmbeddings examples whose embedding was reused instead of recomputed
 */
public record CatalogStatus(long version, Instant updatedAt, int examples, Map<String, Integer> intents,
        double minConfidence, double temperature, long encodeMillis, long trainMillis, int reusedEmbeddings) {
}

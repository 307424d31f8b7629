package dev.supportsuite.agent.intent.domain;

import java.time.Instant;

/**
 * A catalog as persisted, with its version and, when available, the embeddings of its examples.
 *
 * @param catalog    the catalog
 * @param version    increases with every replacement; 0 is the shipped default, which is never stored
 * @param updatedAt  when it was stored
 * @param encoderId  the model that produced {@code embeddings}, or {@code null}
 * @param embeddings one embedding per example, or {@code null} when not stored
 */
public record StoredCatalog(IntentCatalog catalog, long version, Instant updatedAt, String encoderId,
        float[][] embeddings) {
}

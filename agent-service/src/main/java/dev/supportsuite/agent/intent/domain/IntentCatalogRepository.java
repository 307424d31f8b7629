package dev.supportsuite.agent.intent.domain;

import reactor.core.publisher.Mono;

/** Port to the operator's catalog store; there is one catalog in force at a time. */
public interface IntentCatalogRepository {

    /** The stored catalog, or empty when an operator never replaced the shipped default. */
    Mono<StoredCatalog> load();

    /** Replaces the stored catalog atomically and returns it with its new version. */
    Mono<StoredCatalog> save(IntentCatalog catalog, String encoderId, float[][] embeddings);
}

package dev.supportsuite.agent.intent.domain;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/** A catalog store in memory, for domain tests; the PostgreSQL adapter is tested in IntentApiIT. */
final class InMemoryIntentCatalogRepository implements IntentCatalogRepository {

    private final AtomicReference<StoredCatalog> stored = new AtomicReference<>();
    private volatile boolean failing;

    @Override
    public Mono<StoredCatalog> load() {
        return Mono.justOrEmpty(stored.get());
    }

    @Override
    public Mono<StoredCatalog> save(IntentCatalog catalog, String encoderId, float[][] embeddings) {
        if (failing) {
            return Mono.error(new IllegalStateException("store unavailable"));
        }
        return Mono.fromSupplier(() -> stored.updateAndGet(previous -> new StoredCatalog(catalog,
                previous == null ? 1 : previous.version() + 1, Instant.now(), encoderId, embeddings)));
    }

    void failSaves() {
        failing = true;
    }
}

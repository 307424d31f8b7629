package dev.supportsuite.knowledge.document.domain;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: where document metadata and content live (PostgreSQL in production). */
public interface DocumentRepository {

    /** Inserts or replaces the document with this id. */
    Mono<Document> save(Document document);

    /**
     * Inserts or replaces several documents in one statement (all or none), for batches;
     * the ids must be distinct.
     */
    Mono<Void> saveAll(List<Document> documents);

    Mono<Document> findById(String id);

    /** Completes with {@code true} if a document was removed. */
    Mono<Boolean> deleteById(String id);

    /** One page, newest first, optionally of one category. */
    Flux<Document> findPage(String category, int offset, int limit);

    Mono<Long> count(String category);

    /** Every document of the given origin, for reconciliation. */
    Flux<Document> findByOrigin(DocumentOrigin origin);

    /** Every document, for rebuilding the index. */
    Flux<Document> findAll();

    /** Categories with their document counts, by name. */
    Flux<CategoryCount> categories();
}

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

    /** The chunks all documents were indexed as, together: what a complete index holds. */
    Mono<Long> chunkTotal();

    /** What the index {@code indexId} was last built with; empty if nothing was recorded. */
    Mono<String> indexFingerprint(String indexId);

    /** Records that the index {@code indexId} holds every document as {@code fingerprint} makes it. */
    Mono<Void> recordIndexBuild(String indexId, String fingerprint, java.time.Instant at);
}

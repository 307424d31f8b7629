package dev.supportsuite.knowledge.index.domain;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Port: the search index over chunks, with dense (vector) and lexical (BM25-like) retrieval.
 * Adapters: the embedded Lucene index (default) and Qdrant. Both pass {@code KnowledgeIndexContract}.
 * Every method is non-blocking for the caller; adapters move their blocking work off the event loop.
 */
public interface KnowledgeIndex {

    /** Replaces every chunk of {@code documentId} with {@code chunks} (which may be empty). */
    Mono<Void> replaceDocument(String documentId, List<EmbeddedChunk> chunks);

    /**
     * Replaces the chunks of several documents at once, as {@link #replaceDocument} would for each:
     * adapters write a batch in one go (one index refresh, one request) instead of one per document.
     *
     * @param chunksByDocument document id to its new chunks (which may be empty)
     */
    Mono<Void> replaceDocuments(Map<String, List<EmbeddedChunk>> chunksByDocument);

    /** Removes every chunk of the document; a no-op when it has none. */
    Mono<Void> deleteDocument(String documentId);

    /**
     * The {@code k} chunks nearest to {@code vector} by cosine similarity, best first.
     *
     * @param category only chunks of this category, or {@code null} for all
     */
    Mono<List<IndexHit>> searchDense(float[] vector, int k, String category);

    /** The {@code k} best chunks for the words of {@code query}, best first. */
    Mono<List<IndexHit>> searchLexical(String query, int k, String category);

    /**
     * Removes every chunk, and with them the vectors' form the index had taken on (their dimension): an
     * index built with another embedding model takes this model's vectors afterwards, where a replacing
     * write would be refused.
     */
    Mono<Void> clear();

    /** Number of chunks held. */
    Mono<Long> count();

    /** Names this index (its kind and location), for the record of what it was built with. */
    String identity();
}

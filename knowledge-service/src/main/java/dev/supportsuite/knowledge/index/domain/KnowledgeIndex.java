package dev.supportsuite.knowledge.index.domain;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Port: the search index over chunks, with dense (vector) and lexical (BM25-like) retrieval.
 * Adapters: the embedded Lucene index (default) and Qdrant. Both pass {@code KnowledgeIndexContract}.
 * Every method is non-blocking for the caller; adapters move their blocking work off the event loop.
 */
public interface KnowledgeIndex {

    /** Replaces every chunk of {@code documentId} with {@code chunks} (which may be empty). */
    Mono<Void> replaceDocument(String documentId, List<EmbeddedChunk> chunks);

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

    /** Removes every chunk. */
    Mono<Void> clear();

    /** Number of chunks held. */
    Mono<Long> count();
}

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
     * Spelling correction from the index's own vocabulary: for each of the words that the lexical index does
     * not hold (as its analysis sees them: {@code invoicing} is known where {@code invoices} is, a stop word is
     * always known), the closest word it does hold, at most the given number of edits away (insertion,
     * deletion, substitution or transposition of adjacent letters). Known words, and words without a close
     * one, are left out of the answer. Words of deleted chunks are not suggested. An adapter without a term
     * dictionary answers an empty map: no correction.
     *
     * @param maxEditsByWord lower-case words, each with the most edits its replacement may be away (1 or 2)
     * @return misspelled word to its replacement
     */
    default Mono<Map<String, String>> closestKnownWords(Map<String, Integer> maxEditsByWord) {
        return Mono.just(Map.of());
    }

    /**
     * What this adapter adds to the fingerprint of an index build: a version of how it stores a chunk, raised
     * when an index written before cannot serve what is asked of it now, so that such an index is rebuilt at
     * startup. Empty when there is nothing to add.
     */
    default String fingerprint() {
        return "";
    }

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

package dev.supportsuite.knowledge.index.domain;

/**
 * One result of an index search.
 *
 * @param chunk the chunk found
 * @param score cosine similarity in [-1, 1] for dense search, BM25 score for lexical search
 */
public record IndexHit(Chunk chunk, double score) {
}

package dev.supportsuite.knowledge.search.domain;

/**
 * What the confidence of one hit is computed from.
 *
 * @param cosine    cosine similarity between the query and the hit's best chunk
 * @param margin    {@code cosine} minus the best cosine of any other document (negative when
 *                  another document is closer)
 * @param coverage  share of the query's content words found in the chunk, 0..1
 * @param agreement 1 when the dense and the lexical search both rank this document first, else 0
 */
public record HitFeatures(double cosine, double margin, double coverage, double agreement) {
}

package dev.supportsuite.knowledge.search.domain;

/**
 * One document found, represented by its best chunk.
 *
 * @param documentId  the document
 * @param chunkId     its best-matching chunk
 * @param title       document title (the question, for an FAQ entry)
 * @param sectionPath where the chunk sits, for citations
 * @param snippet     the start of the chunk text, for a result list
 * @param text        the whole chunk text, for an answer built from it
 * @param category    document category
 * @param score       fused rank score (reciprocal-rank fusion of dense and lexical ranks)
 * @param confidence  calibrated 0..1 estimate that this hit answers the query
 * @param features    what the confidence was computed from
 */
public record SearchHit(String documentId, String chunkId, String title, String sectionPath, String snippet,
        String text, String category, double score, double confidence, HitFeatures features) {
}

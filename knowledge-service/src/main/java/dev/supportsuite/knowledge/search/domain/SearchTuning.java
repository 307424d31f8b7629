package dev.supportsuite.knowledge.search.domain;

/**
 * How hybrid search fuses its two rankings and decides.
 *
 * @param candidates    chunks fetched from each of the dense and lexical searches
 * @param rrfK          the k of reciprocal-rank fusion, 1 / (k + rank)
 * @param denseWeight   weight of the dense ranking in the fusion
 * @param lexicalWeight weight of the lexical ranking in the fusion
 * @param snippetChars  longest snippet, in characters
 * @param minConfidence threshold between "answerable" and "not in the knowledge base"
 * @param model         the confidence model
 * @param spellingCorrection whether words of the query the index does not know are corrected to close words
 *                      it does know before searching
 */
public record SearchTuning(int candidates, int rrfK, double denseWeight, double lexicalWeight, int snippetChars,
        double minConfidence, ConfidenceModel model, boolean spellingCorrection) {
}

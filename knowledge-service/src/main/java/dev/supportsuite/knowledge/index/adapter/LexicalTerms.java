package dev.supportsuite.knowledge.index.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English term analysis (stop words, Porter stemming) for the lexical side of adapters that have
 * no analyser of their own: Qdrant gets a sparse vector of hashed terms weighted with BM25's term
 * frequency saturation, and applies the inverse document frequency itself (IDF modifier).
 */
final class LexicalTerms {

    /** BM25 term-frequency saturation. */
    private static final double K1 = 1.2;
    /** BM25 length normalisation. */
    private static final double B = 0.75;
    /** Assumed average chunk length in terms, since the sparse side has no corpus statistics. */
    private static final double AVERAGE_LENGTH = 80;

    private final Analyzer analyzer = SupportAnalyzer.create();

    /** Term counts of {@code text}, in first-seen order. */
    Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /** Sparse document weights: index = term hash, value = BM25 saturated term frequency. */
    Map<Integer, Float> documentWeights(String text) {
        Map<String, Integer> counts = counts(text);
        int length = counts.values().stream().mapToInt(Integer::intValue).sum();
        Map<Integer, Float> weights = new LinkedHashMap<>();
        counts.forEach((term, tf) -> weights.merge(index(term),
                (float) (tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / AVERAGE_LENGTH))), Float::sum));
        return weights;
    }

    /** Sparse query weights: every distinct term weighs 1. */
    Map<Integer, Float> queryWeights(String query) {
        Map<Integer, Float> weights = new LinkedHashMap<>();
        counts(query).keySet().forEach(term -> weights.put(index(term), 1f));
        return weights;
    }

    static int index(String term) {
        return term.hashCode() & Integer.MAX_VALUE;
    }
}

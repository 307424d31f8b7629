package dev.supportsuite.knowledge.search.domain;

import java.util.List;

/**
 * The answer to a search.
 *
 * @param query          the query as asked
 * @param correctedQuery what was searched instead, when spelling correction changed words of the query the
 *                       index does not know ({@code "how do I cancle"} → {@code "how do I cancel"}); {@code null}
 *                       (absent from the JSON) when the query was searched as asked
 * @param answerable whether the best hit's confidence reaches the threshold
 * @param verdict    {@code answerable} or {@code not_in_knowledge_base}
 * @param confidence the best hit's confidence, 0 without hits
 * @param threshold  the configured minimum confidence
 * @param hits       documents, best first
 */
public record SearchResult(String query, String correctedQuery, boolean answerable, String verdict,
        double confidence, double threshold, List<SearchHit> hits) {

    public static final String ANSWERABLE = "answerable";
    public static final String NOT_IN_KNOWLEDGE_BASE = "not_in_knowledge_base";
}

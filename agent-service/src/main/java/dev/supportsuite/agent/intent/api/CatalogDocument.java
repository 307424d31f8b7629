package dev.supportsuite.agent.intent.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.supportsuite.agent.intent.domain.IntentCatalog;
import dev.supportsuite.agent.intent.domain.IntentExample;
import dev.supportsuite.agent.intent.domain.StoredCatalog;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of a catalog, as {@code GET /api/v1/intents} returns it and {@code PUT} accepts it.
 * {@code version} and {@code updatedAt} are informational and ignored on {@code PUT}.
 *
 * @param version       catalog version (0 = shipped default)
 * @param updatedAt     when it was stored
 * @param minConfidence the catalog's own out-of-scope threshold, or absent to use the configured default
 * @param examples      the labelled examples
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record CatalogDocument(Long version, Instant updatedAt, Double minConfidence, List<Example> examples) {

    /** One labelled example. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Example(String text, String intent) {
    }

    static CatalogDocument of(StoredCatalog stored) {
        return new CatalogDocument(stored.version(), stored.updatedAt(), stored.catalog().minConfidence(),
                stored.catalog().examples().stream().map(e -> new Example(e.text(), e.intent())).toList());
    }

    IntentCatalog toCatalog(Double minConfidenceOverride) {
        List<IntentExample> list = examples == null ? List.of()
                : examples.stream().map(e -> e == null ? null : new IntentExample(e.text(), e.intent())).toList();
        return new IntentCatalog(list, minConfidenceOverride != null ? minConfidenceOverride : minConfidence);
    }
}

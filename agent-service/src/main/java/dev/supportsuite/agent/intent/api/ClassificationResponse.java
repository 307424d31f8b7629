package dev.supportsuite.agent.intent.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.supportsuite.agent.intent.domain.Classification;
import dev.supportsuite.agent.intent.domain.Entity;
import dev.supportsuite.agent.intent.domain.IntentScore;
import java.util.List;

/**
 * Answer of {@code POST /api/v1/intents/classify}.
 *
 * @param intent         best intent, or {@code out_of_scope}
 * @param confidence     calibrated probability of that decision, in [0, 1]
 * @param outOfScope     whether the text is outside the catalog
 * @param alternatives   the most likely catalog intents, best first
 * @param entities       ticket ids, e-mail addresses, amounts, dates and plan names found in the text
 * @param catalogVersion version of the catalog that answered
 */
record ClassificationResponse(String intent, double confidence, @JsonProperty("out_of_scope") boolean outOfScope,
        List<Alternative> alternatives, List<Entity> entities,
        @JsonProperty("catalog_version") long catalogVersion) {

    /** A candidate intent and its calibrated probability. */
    record Alternative(String intent, double confidence) {
    }

    static ClassificationResponse of(Classification c) {
        return new ClassificationResponse(c.intent(), round(c.confidence()), c.outOfScope(),
                c.alternatives().stream().map(ClassificationResponse::alternative).toList(), c.entities(),
                c.catalogVersion());
    }

    private static Alternative alternative(IntentScore score) {
        return new Alternative(score.intent(), round(score.confidence()));
    }

    private static double round(double confidence) {
        return Math.round(confidence * 10_000) / 10_000.0;
    }
}

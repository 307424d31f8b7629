package dev.supportsuite.agent.intent.domain;

import java.util.List;

/**
 * What the classifier made of an utterance.
 *
 * @param intent       the best intent, or {@link IntentCatalog#OUT_OF_SCOPE}
 * @param confidence   calibrated probability of the best catalog intent (for an out-of-scope answer: of
 *                     the catalog's out-of-scope class when it has one, else of the rejected best intent)
 * @param outOfScope   whether the utterance is outside the catalog
 * @param alternatives the most likely in-scope intents, best first, including the chosen one
 * @param entities     values recognised in the utterance
 * @param catalogVersion version of the catalog that answered
 */
public record Classification(String intent, double confidence, boolean outOfScope, List<IntentScore> alternatives,
        List<Entity> entities, long catalogVersion) {

    public Classification {
        alternatives = List.copyOf(alternatives);
        entities = List.copyOf(entities);
    }
}

package dev.supportsuite.agent.intent.domain;

import java.util.List;

/**
 * Port to a sentence-embedding model. Implementations are CPU-bound and blocking: callers run them on
 * the inference scheduler.
 */
public interface SentenceEncoder {

    /** One embedding per text, in order. */
    float[][] encode(List<String> texts);

    /** Identifies the model, so that stored embeddings of another model are not reused. */
    String modelId();
}

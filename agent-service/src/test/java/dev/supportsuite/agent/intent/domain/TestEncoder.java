package dev.supportsuite.agent.intent.domain;

import dev.supportsuite.agent.intent.adapter.OnnxSentenceEncoder;
import dev.supportsuite.embeddings.EmbedderSettings;
import dev.supportsuite.embeddings.SentenceEmbedder;

/** The real embedding model, loaded once per test JVM. */
final class TestEncoder {

    private static final SentenceEncoder BGE = new OnnxSentenceEncoder(
            SentenceEmbedder.shared(EmbedderSettings.forCores(2)), SentenceEmbedder.MODEL_ID);

    private TestEncoder() {
    }

    static SentenceEncoder bge() {
        return BGE;
    }
}

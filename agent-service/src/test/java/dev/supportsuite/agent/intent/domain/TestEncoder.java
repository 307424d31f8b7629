package dev.supportsuite.agent.intent.domain;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.supportsuite.agent.intent.adapter.OnnxSentenceEncoder;
import java.util.concurrent.Executors;

/** The real embedding model, loaded once per test JVM. */
final class TestEncoder {

    private static final SentenceEncoder BGE = new OnnxSentenceEncoder(
            new BgeSmallEnV15QuantizedEmbeddingModel(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "test-onnx");
                thread.setDaemon(true);
                return thread;
            })), "bge-small-en-v1.5-q");

    private TestEncoder() {
    }

    static SentenceEncoder bge() {
        return BGE;
    }
}

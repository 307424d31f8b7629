package dev.supportsuite.agent.intent.adapter;

import dev.supportsuite.agent.intent.domain.SentenceEncoder;
import dev.supportsuite.embeddings.SentenceEmbedder;
import java.util.List;

/**
 * The in-process bge-small-en-v1.5 model behind the {@link SentenceEncoder} port. The shared
 * {@link SentenceEmbedder} spreads a catalog's texts over the cores, one text per ONNX call, and runs a
 * single utterance on all cores; every vector is the one LangChain4j's model gave.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {

    private final SentenceEmbedder embedder;
    private final String modelId;

    public OnnxSentenceEncoder(SentenceEmbedder embedder, String modelId) {
        this.embedder = embedder;
        this.modelId = modelId;
    }

    @Override
    public float[][] encode(List<String> texts) {
        return embedder.embedAll(texts).toArray(float[][]::new);
    }

    @Override
    public String modelId() {
        return modelId;
    }
}

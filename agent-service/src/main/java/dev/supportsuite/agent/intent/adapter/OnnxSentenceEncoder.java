package dev.supportsuite.agent.intent.adapter;

import dev.supportsuite.agent.intent.domain.SentenceEncoder;
import dev.supportsuite.embeddings.SentenceEmbedder;
import java.util.List;

/**
 * The in-process bge-small-en-v1.5 model behind the {@link SentenceEncoder} port. The shared
 * {@link SentenceEmbedder} runs a catalog's texts in padded batches (one ONNX call per batch), and a single
 * utterance as a batch of one, so a classification gets the same vector it got from LangChain4j's model.
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

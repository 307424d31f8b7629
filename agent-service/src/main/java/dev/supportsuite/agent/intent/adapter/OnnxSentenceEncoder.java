package dev.supportsuite.agent.intent.adapter;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.supportsuite.agent.intent.domain.SentenceEncoder;
import java.util.List;

/**
 * The in-process LangChain4j ONNX embedding model behind the {@link SentenceEncoder} port. The model
 * spreads a batch over its own executor; a single text is embedded on the calling thread.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {

    private final EmbeddingModel model;
    private final String modelId;

    public OnnxSentenceEncoder(EmbeddingModel model, String modelId) {
        this.model = model;
        this.modelId = modelId;
    }

    @Override
    public float[][] encode(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        float[][] vectors = new float[embeddings.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embeddings.get(i).vector();
        }
        return vectors;
    }

    @Override
    public String modelId() {
        return modelId;
    }
}

package dev.supportsuite.knowledge.index.adapter;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.supportsuite.knowledge.index.domain.Embedder;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The in-process sentence-embedding model (LangChain4j ONNX). Inference is CPU-heavy, so every
 * call runs on the dedicated, bounded inference scheduler, in batches of {@code batchSize}.
 * Vectors are normalised to unit length so dot product equals cosine similarity.
 */
public class OnnxEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final Scheduler scheduler;
    private final int batchSize;
    private final String queryPrefix;

    /**
     * @param queryPrefix instruction put before queries (bge: "Represent this sentence for
     *                    searching relevant passages: "), empty for symmetric models
     */
    public OnnxEmbedder(EmbeddingModel model, Scheduler scheduler, int batchSize, String queryPrefix) {
        this.model = model;
        this.scheduler = scheduler;
        this.batchSize = batchSize;
        this.queryPrefix = queryPrefix;
    }

    @Override
    public int dimensions() {
        return model.dimension();
    }

    @Override
    public Mono<List<float[]>> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.fromCallable(() -> embedAll(texts)).subscribeOn(scheduler);
    }

    @Override
    public Mono<float[]> embedQuery(String query) {
        return Mono.fromCallable(() -> embedAll(List.of(queryPrefix + query)).get(0)).subscribeOn(scheduler);
    }

    private List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += batchSize) {
            List<TextSegment> batch = texts.subList(start, Math.min(texts.size(), start + batchSize)).stream()
                    .map(TextSegment::from)
                    .toList();
            for (Embedding embedding : model.embedAll(batch).content()) {
                vectors.add(normalised(embedding.vector()));
            }
        }
        return vectors;
    }

    static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}

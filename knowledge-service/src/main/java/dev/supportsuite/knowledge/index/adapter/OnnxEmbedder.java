package dev.supportsuite.knowledge.index.adapter;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.supportsuite.knowledge.index.domain.Embedder;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The in-process sentence-embedding models (LangChain4j ONNX). Inference is CPU-heavy, so every
 * call runs on the dedicated, bounded inference scheduler, in batches of {@code batchSize}.
 *
 * <p>With more than one model the vector of a text is the concatenation of each model's unit
 * vector scaled by the square root of the model's weight, normalised again: the dot product of two
 * such vectors is the weighted mean of the models' cosine similarities, so an ensemble needs
 * nothing else from the index than a wider vector. A query runs its models in parallel.
 */
public class OnnxEmbedder implements Embedder {

    /**
     * One model of the ensemble.
     *
     * @param model       the ONNX model
     * @param queryPrefix instruction put before queries (bge: "Represent this sentence for
     *                    searching relevant passages: "), empty for symmetric models
     * @param weight      share of this model's cosine in the combined similarity, above 0
     */
    public record Component(EmbeddingModel model, String queryPrefix, double weight) {

        public Component {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("An embedding model weight must be above 0, was " + weight);
            }
            queryPrefix = queryPrefix == null ? "" : queryPrefix;
        }
    }

    private final List<Component> components;
    private final Scheduler scheduler;
    private final int batchSize;
    private final int dimensions;
    private final double totalWeight;

    /** A single model. */
    public OnnxEmbedder(EmbeddingModel model, Scheduler scheduler, int batchSize, String queryPrefix) {
        this(List.of(new Component(model, queryPrefix, 1.0)), scheduler, batchSize);
    }

    public OnnxEmbedder(List<Component> components, Scheduler scheduler, int batchSize) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("At least one embedding model is needed");
        }
        this.components = List.copyOf(components);
        this.scheduler = scheduler;
        this.batchSize = batchSize;
        this.dimensions = components.stream().mapToInt(c -> c.model().dimension()).sum();
        this.totalWeight = components.stream().mapToDouble(Component::weight).sum();
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public Mono<List<float[]>> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.fromCallable(() -> {
            List<List<float[]>> perModel = new ArrayList<>(components.size());
            for (Component component : components) {
                perModel.add(embedAll(component.model(), texts));
            }
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                float[][] parts = new float[components.size()][];
                for (int m = 0; m < components.size(); m++) {
                    parts[m] = perModel.get(m).get(i);
                }
                vectors.add(combine(parts));
            }
            return vectors;
        }).subscribeOn(scheduler);
    }

    @Override
    public Mono<float[]> embedQuery(String query) {
        if (components.size() == 1) {
            Component only = components.get(0);
            return Mono.fromCallable(() -> embedAll(only.model(), List.of(only.queryPrefix() + query)).get(0))
                    .subscribeOn(scheduler);
        }
        return Flux.fromIterable(components)
                .flatMapSequential(component -> Mono.fromCallable(
                        () -> embedAll(component.model(), List.of(component.queryPrefix() + query)).get(0))
                        .subscribeOn(scheduler))
                .collectList()
                .map(parts -> combine(parts.toArray(float[][]::new)));
    }

    private float[] combine(float[][] parts) {
        if (parts.length == 1) {
            return parts[0];
        }
        float[] combined = new float[dimensions];
        int offset = 0;
        for (int m = 0; m < parts.length; m++) {
            float scale = (float) Math.sqrt(components.get(m).weight() / totalWeight);
            for (int d = 0; d < parts[m].length; d++) {
                combined[offset + d] = parts[m][d] * scale;
            }
            offset += parts[m].length;
        }
        return normalised(combined);
    }

    private List<float[]> embedAll(EmbeddingModel model, List<String> texts) {
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

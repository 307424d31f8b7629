package dev.supportsuite.knowledge.index.adapter;

import dev.supportsuite.embeddings.SentenceEmbedder;
import dev.supportsuite.knowledge.index.domain.Embedder;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The in-process sentence-embedding model (bge-small-en-v1.5, quantised ONNX) through the shared
 * {@link SentenceEmbedder}: a list of passages is spread over the cores one text per ONNX call (the
 * vectors LangChain4j's model gave), a query runs alone on all cores. Inference is CPU-heavy, so every call runs on the dedicated, bounded inference
 * scheduler. Vectors have unit length, so dot product equals cosine similarity.
 */
public class OnnxEmbedder implements Embedder {

    private final SentenceEmbedder embedder;
    private final Scheduler scheduler;
    private final String queryPrefix;

    /**
     * @param queryPrefix instruction put before queries (bge: "Represent this sentence for
     *                    searching relevant passages: "), empty for symmetric models
     */
    public OnnxEmbedder(SentenceEmbedder embedder, Scheduler scheduler, String queryPrefix) {
        this.embedder = embedder;
        this.scheduler = scheduler;
        this.queryPrefix = queryPrefix;
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public Mono<List<float[]>> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.fromCallable(() -> embedder.embedAll(texts)).subscribeOn(scheduler);
    }

    @Override
    public Mono<float[]> embedQuery(String query) {
        return Mono.fromCallable(() -> embedder.embed(queryPrefix + query)).subscribeOn(scheduler);
    }
}

package dev.supportsuite.knowledge.index.domain;

import java.util.List;
import reactor.core.publisher.Mono;

/** Port: turns text into unit-length vectors, off the event loop. */
public interface Embedder {

    /** Number of dimensions of every vector. */
    int dimensions();

    /** Embeds passages (chunks), in order. */
    Mono<List<float[]>> embedPassages(List<String> texts);

    /** Embeds a search query (models such as bge use a query-side instruction). */
    Mono<float[]> embedQuery(String query);
}

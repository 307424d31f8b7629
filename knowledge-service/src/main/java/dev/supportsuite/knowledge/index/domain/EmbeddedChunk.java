package dev.supportsuite.knowledge.index.domain;

import java.util.List;

/**
 * A chunk with its unit-length embedding vectors.
 *
 * @param chunk   the chunk
 * @param vector  embedding of {@link Chunk#indexedText()}
 * @param aliases further embeddings of the same chunk, for FAQ entries its question alone and its
 *                answer alone; empty for other chunks. Adapters that support it index each as another
 *                vector of the same chunk, which a dense search finds by its best vector.
 */
public record EmbeddedChunk(Chunk chunk, float[] vector, List<float[]> aliases) {

    public EmbeddedChunk {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public EmbeddedChunk(Chunk chunk, float[] vector) {
        this(chunk, vector, List.of());
    }
}

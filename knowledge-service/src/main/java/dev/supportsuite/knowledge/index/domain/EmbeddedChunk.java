package dev.supportsuite.knowledge.index.domain;

import java.util.List;

/**
 * A chunk with its unit-length embedding vectors.
 *
 * @param chunk        the chunk
 * @param vector       embedding of {@link Chunk#indexedText()}
 * @param aliasVectors further embeddings of the same chunk, each able to find it on its own: for an
 *                     FAQ entry the question alone (which a user's paraphrase is closest to) and the
 *                     answer alone (whose details a question may name); empty for other chunks.
 *                     A dense search scores the chunk by the best of all its vectors. Adapters that
 *                     do not support them index {@code vector} only.
 */
public record EmbeddedChunk(Chunk chunk, float[] vector, List<float[]> aliasVectors) {

    public EmbeddedChunk {
        aliasVectors = aliasVectors == null ? List.of() : List.copyOf(aliasVectors);
    }

    public EmbeddedChunk(Chunk chunk, float[] vector) {
        this(chunk, vector, List.of());
    }
}

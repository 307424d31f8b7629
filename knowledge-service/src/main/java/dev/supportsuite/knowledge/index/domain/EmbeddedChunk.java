package dev.supportsuite.knowledge.index.domain;

/**
 * A chunk with its unit-length embedding vector.
 *
 * @param chunk       the chunk
 * @param vector      embedding of {@link Chunk#indexedText()}
 * @param titleVector embedding of the title alone, for FAQ entries (whose title is the question a
 *                    user's paraphrase is closest to); {@code null} for other chunks. Adapters
 *                    that support it index it as a second vector of the same chunk.
 */
public record EmbeddedChunk(Chunk chunk, float[] vector, float[] titleVector) {

    public EmbeddedChunk(Chunk chunk, float[] vector) {
        this(chunk, vector, null);
    }
}

package dev.supportsuite.knowledge.index.domain;

/**
 * How large chunks are.
 *
 * @param maxChars     longest chunk text, in characters
 * @param overlapChars how much of the end of one chunk is repeated at the start of the next
 *                     within a section, in characters
 */
public record ChunkingPolicy(int maxChars, int overlapChars) {

    public ChunkingPolicy {
        if (maxChars < 100) {
            throw new IllegalArgumentException("maxChars must be at least 100");
        }
        if (overlapChars < 0 || overlapChars >= maxChars / 2) {
            throw new IllegalArgumentException("overlapChars must be between 0 and maxChars / 2");
        }
    }
}

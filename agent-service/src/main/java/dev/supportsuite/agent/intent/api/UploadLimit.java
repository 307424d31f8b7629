package dev.supportsuite.agent.intent.api;

/**
 * Largest catalog body the intent API reads.
 *
 * @param bytes limit in bytes
 */
public record UploadLimit(int bytes) {
}

package dev.supportsuite.memory.transcript.domain;

/**
 * What storing a turn did.
 *
 * @param owned            false when the conversation belongs to another user (nothing was stored)
 * @param inserted         messages new to the transcript (0 for a redelivery)
 * @param totalMessages    messages of the conversation now
 * @param coveredMessages  messages the current rolling summary covers
 */
public record StoreOutcome(boolean owned, int inserted, long totalMessages, long coveredMessages) {
}

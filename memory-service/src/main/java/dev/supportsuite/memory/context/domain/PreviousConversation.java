package dev.supportsuite.memory.context.domain;

import java.time.Instant;

/**
 * A short note on the user's conversation before this one, so a new session can pick up the thread.
 *
 * @param note one line: the summary's first line or the customer's first message, plus ticket ids
 */
public record PreviousConversation(String conversationId, Instant startedAt, Instant lastActivityAt, String status,
        String note) {
}

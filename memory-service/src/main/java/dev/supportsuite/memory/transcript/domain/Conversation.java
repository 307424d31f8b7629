package dev.supportsuite.memory.transcript.domain;

import java.time.Instant;

/**
 * A conversation's header: whose it is and how recent.
 *
 * @param status {@code active}, or {@code escalated} once a turn was handed to a human
 */
public record Conversation(String conversationId, String userId, String status, Instant startedAt,
        Instant lastActivityAt) {

    public static final String ACTIVE = "active";
    public static final String ESCALATED = "escalated";
}

package dev.supportsuite.memory.transcript.domain;

import java.time.Instant;

/** A conversation in a user's history list, with its message count and summary line. */
public record ConversationSummaryView(String conversationId, String userId, String status, Instant startedAt,
        Instant lastActivityAt, long messageCount, String summary) {
}

package dev.supportsuite.memory.context.domain;

import java.time.Duration;

/**
 * Whether a user's next message continues their last conversation or starts a new one.
 *
 * @param expired          true when the user has no conversation or the last one has been idle
 *                         longer than {@code timeout}: start a new conversation
 * @param lastConversation the user's most recent conversation, or null
 * @param timeout          the configured session timeout
 */
public record SessionStatus(String userId, boolean expired, PreviousConversation lastConversation,
        Duration timeout) {
}

package dev.supportsuite.memory.profile.domain;

import java.time.Instant;

/**
 * One thing memory-service knows about a user, with where it came from and until when it holds.
 *
 * @param userId               whose fact it is; facts are keyed by (user, key) and never shared
 * @param key                  the fact's key, unique per user ({@code name}, {@code issue:TKT-..})
 * @param category             one of the {@code FactCategory} constants
 * @param value                the fact
 * @param sourceMessageId      the message it was learned from, if any
 * @param sourceConversationId the conversation it was learned in, if any
 * @param observedAt           when it was last observed; an older observation never overwrites a newer one
 * @param expiresAt            when it stops being used
 */
public record ProfileFact(String userId, String key, String category, String value, String sourceMessageId,
        String sourceConversationId, Instant observedAt, Instant expiresAt) {
}

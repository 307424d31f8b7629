package dev.supportsuite.contracts.memory;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's transcripts, summaries and profile were erased on request; every service that keeps
 * data about {@code userId} should forget it too. {@code requestedBy} is who asked (user or agent id).
 */
public record UserDataErasedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String userId,
        String requestedBy,
        int conversationsErased,
        int messagesErased) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return userId;
    }
}

package dev.supportsuite.contracts.handoff;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/** A human agent took over the conversation; the AI stays silent until it is released. */
public record HandoffClaimedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String handoffId,
        String conversationId,
        String agentId,
        String agentName) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

package dev.supportsuite.contracts.handoff;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The agent hands a conversation to a human. {@code reasons} holds {@link HandoffReasons} codes;
 * {@code summary} is what the human reads first.
 */
public record HandoffRequestedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String handoffId,
        String conversationId,
        String userId,
        List<String> reasons,
        String summary,
        double frustration) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public HandoffRequestedEvent {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

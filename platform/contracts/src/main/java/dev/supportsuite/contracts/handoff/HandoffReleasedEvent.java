package dev.supportsuite.contracts.handoff;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * A handoff ended. {@code outcome} is {@code returned_to_ai} or {@code resolved} when the human agent
 * ended the takeover, or {@code withdrawn} when the customer took a waiting handoff out of the queue
 * ({@link HandoffWithdrawnEvent}; {@code agentId} is then null); {@code note} goes into the transcript.
 */
public record HandoffReleasedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String handoffId,
        String conversationId,
        String agentId,
        String outcome,
        String note) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

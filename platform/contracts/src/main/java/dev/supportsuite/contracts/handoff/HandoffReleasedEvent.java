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
    /** The human handed the conversation back to the AI. */
    public static final String RETURNED_TO_AI = "returned_to_ai";
    /** The human resolved the case. */
    public static final String RESOLVED = "resolved";
    /** The customer took the handoff out of the queue while it waited. */
    public static final String WITHDRAWN = "withdrawn";

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

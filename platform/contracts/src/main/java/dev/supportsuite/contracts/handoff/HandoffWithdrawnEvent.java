package dev.supportsuite.contracts.handoff;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer no longer wants the person they were waiting for ("never mind, I sorted it out"). Written
 * by agent-service to {@code handoff-events} under the same key as the request, so it is read after it.
 * ticket-service takes a handoff that is still waiting out of the queue and answers with a
 * {@link HandoffReleasedEvent} of outcome {@code withdrawn}; a handoff a human already claimed stays
 * claimed (the person has joined, and the customer can tell them).
 *
 * @param said the customer's words, for the escalation ticket's history
 */
public record HandoffWithdrawnEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String handoffId,
        String conversationId,
        String userId,
        String said) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

package dev.supportsuite.contracts.ticket;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ticket changed; {@code changes} lists each field, {@code actor} who changed it. */
public record TicketUpdatedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String ticketId,
        String userId,
        String conversationId,
        String status,
        String actor,
        List<FieldChange> changes) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public TicketUpdatedEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    @Override
    public String aggregateId() {
        return ticketId;
    }
}

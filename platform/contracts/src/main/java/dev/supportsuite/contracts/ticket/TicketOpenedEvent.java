package dev.supportsuite.contracts.ticket;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/** A ticket was created. {@code conversationId} is null for tickets opened outside a chat. */
public record TicketOpenedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String ticketId,
        String userId,
        String conversationId,
        String subject,
        String category,
        String priority,
        String status) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return ticketId;
    }
}

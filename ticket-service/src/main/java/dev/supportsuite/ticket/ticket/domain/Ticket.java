package dev.supportsuite.ticket.ticket.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A support ticket as stored. {@code conversationId} and {@code assignee} may be null. */
public record Ticket(
        String id,
        String userId,
        String subject,
        String description,
        String category,
        TicketPriority priority,
        TicketStatus status,
        String assignee,
        List<String> tags,
        String conversationId,
        Instant createdAt,
        Instant updatedAt) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

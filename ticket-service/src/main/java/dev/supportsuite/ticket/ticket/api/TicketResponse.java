package dev.supportsuite.ticket.ticket.api;

import dev.supportsuite.ticket.ticket.domain.Ticket;
import dev.supportsuite.ticket.ticket.domain.TicketStatus;
import java.time.Instant;
import java.util.List;

/** A ticket as the API shows it, with the statuses it may move to next. */
record TicketResponse(
        String id,
        String userId,
        String subject,
        String description,
        String category,
        String priority,
        String status,
        List<String> allowedTransitions,
        String assignee,
        List<String> tags,
        String conversationId,
        Instant createdAt,
        Instant updatedAt) {

    static TicketResponse of(Ticket t) {
        List<String> next = t.status().next().stream().sorted().map(TicketStatus::wire).toList();
        return new TicketResponse(t.id(), t.userId(), t.subject(), t.description(), t.category(), t.priority().wire(),
                t.status().wire(), next, t.assignee(), t.tags(), t.conversationId(), t.createdAt(), t.updatedAt());
    }
}

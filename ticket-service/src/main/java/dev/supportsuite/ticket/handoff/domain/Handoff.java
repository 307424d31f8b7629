package dev.supportsuite.ticket.handoff.domain;

import dev.supportsuite.ticket.ticket.domain.TicketPriority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation waiting for (or being served by) a human agent, with its escalation ticket. */
public record Handoff(
        String id,
        UUID requestEventId,
        String conversationId,
        String userId,
        String ticketId,
        List<String> reasons,
        String summary,
        double frustration,
        TicketPriority priority,
        HandoffStatus status,
        String claimedBy,
        Instant claimedAt,
        Instant createdAt,
        Instant updatedAt) {

    public Handoff {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

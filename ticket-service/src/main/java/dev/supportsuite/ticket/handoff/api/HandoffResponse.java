package dev.supportsuite.ticket.handoff.api;

import dev.supportsuite.ticket.handoff.domain.Handoff;
import java.time.Instant;
import java.util.List;

/** A handoff in the queue, with its escalation ticket id. */
record HandoffResponse(
        String id,
        String conversationId,
        String userId,
        String ticketId,
        List<String> reasons,
        String summary,
        double frustration,
        String priority,
        String status,
        String claimedBy,
        Instant claimedAt,
        Instant createdAt,
        Instant updatedAt) {

    static HandoffResponse of(Handoff h) {
        return new HandoffResponse(h.id(), h.conversationId(), h.userId(), h.ticketId(), h.reasons(), h.summary(),
                h.frustration(), h.priority().wire(), h.status().wire(), h.claimedBy(), h.claimedAt(), h.createdAt(),
                h.updatedAt());
    }
}

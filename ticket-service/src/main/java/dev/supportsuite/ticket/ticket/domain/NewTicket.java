package dev.supportsuite.ticket.ticket.domain;

import java.util.List;

/** What a caller asks for when opening a ticket; values are already parsed and validated. */
public record NewTicket(
        String userId,
        String subject,
        String description,
        String category,
        TicketPriority priority,
        List<String> tags,
        String conversationId) {

    public NewTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A stable fingerprint of the request, to tell a replay from a different request under the same key. */
    public String fingerprint() {
        return Integer.toHexString(java.util.Objects.hash(userId, subject, description, category, priority, tags,
                conversationId));
    }
}

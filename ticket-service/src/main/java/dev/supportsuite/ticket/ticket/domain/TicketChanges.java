package dev.supportsuite.ticket.ticket.domain;

import java.util.List;

/**
 * A partial update: null components stay as they are. {@code clearAssignee} unassigns explicitly,
 * since a null assignee means "unchanged".
 */
public record TicketChanges(
        String subject,
        String description,
        String category,
        TicketPriority priority,
        TicketStatus status,
        String assignee,
        boolean clearAssignee,
        List<String> tags) {

    public static TicketChanges status(TicketStatus status) {
        return new TicketChanges(null, null, null, null, status, null, false, null);
    }

    public boolean touchesAssignee() {
        return assignee != null || clearAssignee;
    }
}

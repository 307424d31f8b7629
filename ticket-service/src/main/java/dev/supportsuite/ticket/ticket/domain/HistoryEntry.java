package dev.supportsuite.ticket.ticket.domain;

import java.time.Instant;

/**
 * One line of a ticket's append-only history: who did what, when. {@code action} is
 * {@code created}, {@code changed} (with field, old and new value) or {@code commented}.
 */
public record HistoryEntry(String ticketId, String actor, Instant occurredAt, String action, String field,
        String oldValue, String newValue) {
}

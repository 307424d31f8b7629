package dev.supportsuite.ticket.ticket.domain;

import java.time.Instant;

/** A comment on a ticket by its customer, a human agent, a partner or the AI. */
public record Comment(String id, String ticketId, String author, String body, Instant createdAt) {
}

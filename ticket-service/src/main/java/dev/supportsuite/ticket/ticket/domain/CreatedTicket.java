package dev.supportsuite.ticket.ticket.domain;

/** The result of a create: the ticket, and whether it was created now or replayed for an idempotency key. */
public record CreatedTicket(Ticket ticket, boolean replayed) {
}

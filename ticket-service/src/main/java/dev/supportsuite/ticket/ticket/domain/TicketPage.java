package dev.supportsuite.ticket.ticket.domain;

import java.util.List;

/** One page of a ticket list, newest first; {@code hasMore} says whether a next page exists. */
public record TicketPage(List<Ticket> items, int page, int size, boolean hasMore) {
}

package dev.supportsuite.ticket.ticket.api;

import dev.supportsuite.ticket.ticket.domain.TicketPage;
import java.util.List;

/** One page of tickets, newest first. */
record TicketPageResponse(List<TicketResponse> items, int page, int size, boolean hasMore) {

    static TicketPageResponse of(TicketPage page) {
        return new TicketPageResponse(page.items().stream().map(TicketResponse::of).toList(), page.page(), page.size(),
                page.hasMore());
    }
}

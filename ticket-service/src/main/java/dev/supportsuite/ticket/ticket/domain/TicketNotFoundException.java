package dev.supportsuite.ticket.ticket.domain;

/**
 * No ticket with this id that the caller may see. Another user's ticket is reported the same way as
 * a missing one, so ids cannot be probed.
 */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String id) {
        super("No ticket " + id + ".");
    }
}

package dev.supportsuite.ticket.ticket.domain;

/** A status change the state machine does not allow, such as closed to open (answered with 409). */
public class InvalidTransitionException extends RuntimeException {

    public InvalidTransitionException(TicketStatus from, TicketStatus to) {
        super("A ticket cannot move from " + from.wire() + " to " + to.wire() + "; allowed from " + from.wire()
                + ": " + (from.next().isEmpty() ? "none" : from.next().stream().map(TicketStatus::wire).sorted()
                        .toList()) + ".");
    }
}

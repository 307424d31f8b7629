package dev.supportsuite.ticket.handoff.domain;

/** No handoff with this id. */
public class HandoffNotFoundException extends RuntimeException {

    public HandoffNotFoundException(String id) {
        super("No handoff " + id + ".");
    }
}

package dev.supportsuite.ticket.handoff.domain;

/** The handoff is not in a state that allows this action, for example already claimed by another agent. */
public class HandoffConflictException extends RuntimeException {

    public HandoffConflictException(String message) {
        super(message);
    }
}

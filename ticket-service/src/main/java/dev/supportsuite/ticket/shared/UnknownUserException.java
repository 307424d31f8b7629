package dev.supportsuite.ticket.shared;

/**
 * No user the caller may see under this id. A user asking about anybody else gets this too, exactly
 * as for an id that does not exist, so user ids cannot be probed.
 */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(String userId) {
        super("No user " + userId + ".");
    }
}

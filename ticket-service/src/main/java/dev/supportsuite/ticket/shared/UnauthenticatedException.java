package dev.supportsuite.ticket.shared;

/** The request carries no valid identity headers from the gateway. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}

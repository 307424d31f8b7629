package dev.supportsuite.ticket.shared;

/** The caller is known but may not use this operation at all (visitor, partner without the scope). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

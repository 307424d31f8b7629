package dev.supportsuite.ticket.ticket.domain;

/** The same Idempotency-Key came with a different request body (answered with 422). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("The Idempotency-Key '" + key + "' was already used for a different ticket request.");
    }
}

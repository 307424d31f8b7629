package dev.supportsuite.gateway.security.domain;

/** The caller is known but may not use this route. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}

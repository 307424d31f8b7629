package dev.supportsuite.gateway.security.domain;

/** Credentials were presented but are wrong, expired or tampered with. */
public class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message) {
        super(message);
    }
}

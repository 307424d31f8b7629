package dev.supportsuite.gateway.chat.domain;

/** A chat message that cannot be accepted; {@code code} is the stable error code clients see. */
public class InvalidMessageException extends RuntimeException {

    private final String code;

    public InvalidMessageException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package dev.supportsuite.memory.caller;

/** The caller may not change another user's data. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}

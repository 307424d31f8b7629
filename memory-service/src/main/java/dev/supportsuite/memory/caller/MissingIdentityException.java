package dev.supportsuite.memory.caller;

/** The request carried no (or no valid) identity headers from the gateway. */
public class MissingIdentityException extends RuntimeException {

    public MissingIdentityException() {
        super("The request carries no verified identity (X-Support-Identity-Type and X-Support-User-Id)");
    }
}

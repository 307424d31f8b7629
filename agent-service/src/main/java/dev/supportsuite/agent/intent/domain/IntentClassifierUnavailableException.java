package dev.supportsuite.agent.intent.domain;

/** No trained catalog is live yet (the service is still starting) within the configured wait. */
public class IntentClassifierUnavailableException extends RuntimeException {

    public IntentClassifierUnavailableException(String message) {
        super(message);
    }
}

package dev.supportsuite.agent.intent.domain;

/** Another catalog is being trained; replacements are applied one at a time. */
public class IntentCatalogBusyException extends RuntimeException {

    public IntentCatalogBusyException() {
        super("another intent catalog is being loaded; retry when it is live");
    }
}

package dev.supportsuite.agent.intent.domain;

import java.util.List;

/** An operator's catalog was rejected; the catalog in force stays in force. */
public class InvalidIntentCatalogException extends RuntimeException {

    private final List<String> problems;

    public InvalidIntentCatalogException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidIntentCatalogException(String problem) {
        this(List.of(problem));
    }

    /** Every problem found, each a sentence an operator can act on. */
    public List<String> problems() {
        return problems;
    }
}

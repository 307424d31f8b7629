package dev.supportsuite.sentiment.analysis.api;

/** A request carries more history entries than the configured limit (400). */
public class HistoryTooLongException extends RuntimeException {

    HistoryTooLongException(String message) {
        super(message);
    }
}

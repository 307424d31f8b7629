package dev.supportsuite.sentiment.analysis.api;

/** A batch holds more items than the configured limit (413). */
public class BatchTooLargeException extends RuntimeException {

    BatchTooLargeException(String message) {
        super(message);
    }
}

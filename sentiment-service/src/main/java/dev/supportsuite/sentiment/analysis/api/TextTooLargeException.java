package dev.supportsuite.sentiment.analysis.api;

/** A text is larger than the configured limit (413). */
public class TextTooLargeException extends RuntimeException {

    TextTooLargeException(String message) {
        super(message);
    }
}

package dev.supportsuite.knowledge.document.domain;

/** Input that cannot become a document: empty, unsupported, unreadable or too large. */
public class InvalidDocumentException extends RuntimeException {

    public InvalidDocumentException(String message) {
        super(message);
    }
}

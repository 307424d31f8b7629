package dev.supportsuite.knowledge.document.domain;

/** No document has the requested id. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(String id) {
        super("No knowledge document with id " + id + ".");
    }
}

package dev.supportsuite.knowledge.ingest.domain;

/** A PDF that is unreadable or holds no text (a scan without OCR, for example). */
public class NoExtractableTextException extends RuntimeException {

    public NoExtractableTextException(String fileName) {
        super("No text could be extracted from '" + fileName + "'.");
    }
}

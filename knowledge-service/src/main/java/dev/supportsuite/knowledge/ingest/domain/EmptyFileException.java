package dev.supportsuite.knowledge.ingest.domain;

/** An upload with no bytes, or only white space. */
public class EmptyFileException extends RuntimeException {

    public EmptyFileException(String fileName) {
        super("The file '" + fileName + "' is empty.");
    }
}

package dev.supportsuite.knowledge.ingest.domain;

/** An upload whose file type is not one of .txt, .md and .pdf. */
public class UnsupportedFileTypeException extends RuntimeException {

    public UnsupportedFileTypeException(String fileName) {
        super("Cannot import '" + fileName + "': supported file types are .txt, .md and .pdf.");
    }
}

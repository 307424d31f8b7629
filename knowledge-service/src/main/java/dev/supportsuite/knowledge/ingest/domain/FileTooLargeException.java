package dev.supportsuite.knowledge.ingest.domain;

/** An upload over the configured size limit. */
public class FileTooLargeException extends RuntimeException {

    public FileTooLargeException(long limitBytes) {
        super("The file is larger than the limit of " + limitBytes + " bytes.");
    }
}

package dev.supportsuite.knowledge.document.domain;

/** What importing one document did. */
public enum ImportOutcome {
    /** Same content hash as the stored document: nothing embedded. */
    UNCHANGED,
    CREATED,
    REPLACED
}

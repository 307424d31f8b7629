package dev.supportsuite.knowledge.document.domain;

import java.util.Locale;

/** What happened to a document, as carried by the {@code change} field of its event. */
public enum DocumentChange {
    CREATED, REPLACED, DELETED;

    /** The wire value: {@code created}, {@code replaced} or {@code deleted}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

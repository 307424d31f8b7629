package dev.supportsuite.knowledge.document.domain;

/** How a document entered the knowledge base; the directory import only reconciles its own. */
public enum DocumentOrigin {
    /** Posted as JSON or uploaded as a file through the API. */
    API,
    /** Read from the import directory at startup. */
    IMPORT
}

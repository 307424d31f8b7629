package dev.supportsuite.knowledge.search.domain;

/**
 * A search after the index failed to build (at startup or in a rebuild): it may hold only part of the
 * documents, or vectors the query cannot be compared with, until a rebuild from the documents succeeds.
 */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String reason) {
        super("The search index failed to build (" + reason + "). Searches are refused until it is rebuilt from "
                + "the documents: POST /api/v1/knowledge/index/rebuild.");
    }
}

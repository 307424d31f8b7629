package dev.supportsuite.knowledge.search.domain;

/** A search while the index is being rebuilt from the documents and holds only part of them. */
public class IndexRebuildingException extends RuntimeException {

    public IndexRebuildingException() {
        super("The search index is being rebuilt from the documents; try again in a few seconds.");
    }
}

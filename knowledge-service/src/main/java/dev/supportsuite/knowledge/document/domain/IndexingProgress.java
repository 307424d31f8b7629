package dev.supportsuite.knowledge.document.domain;

/** Receives progress while a document is chunked and embedded, for upload jobs. */
public interface IndexingProgress {

    /** Ignores progress. */
    IndexingProgress NONE = new IndexingProgress() {
        @Override
        public void chunked(int total) {
        }

        @Override
        public void embedded(int count) {
        }
    };

    /** The document was cut into {@code total} chunks. */
    void chunked(int total);

    /** {@code count} more chunks were embedded. */
    void embedded(int count);
}

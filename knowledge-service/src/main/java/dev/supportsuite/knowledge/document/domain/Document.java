package dev.supportsuite.knowledge.document.domain;

import java.time.Instant;
import java.util.List;

/**
 * A stored knowledge document. FAQ entries are documents of kind {@link DocumentKind#FAQ} whose
 * title is the question and whose content is the answer.
 *
 * @param id          stable id, chosen by the importer or generated for API documents
 * @param title       title or FAQ question
 * @param content     body or FAQ answer
 * @param category    lower-case category
 * @param source      file name or URL, may be {@code null}
 * @param tags        free tags
 * @param contentHash SHA-256 of the draft it was made from
 * @param kind        how it is chunked
 * @param origin      API or directory import
 * @param chunkCount  number of chunks in the index
 * @param createdAt   first stored
 * @param updatedAt   last replaced
 */
public record Document(String id, String title, String content, String category, String source, List<String> tags,
        String contentHash, DocumentKind kind, DocumentOrigin origin, int chunkCount, Instant createdAt,
        Instant updatedAt) {

    public Document {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The draft this document holds, for re-chunking. */
    public DocumentDraft draft() {
        return new DocumentDraft(title, content, category, source, tags, kind);
    }
}

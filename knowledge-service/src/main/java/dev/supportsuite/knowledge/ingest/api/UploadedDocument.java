package dev.supportsuite.knowledge.ingest.api;

import dev.supportsuite.knowledge.document.domain.Document;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A document stored from an upload. */
record UploadedDocument(String id, String title, String category, String source, List<String> tags, String kind,
        String contentHash, int chunkCount, Instant createdAt) {

    static UploadedDocument of(Document d) {
        return new UploadedDocument(d.id(), d.title(), d.category(), d.source(), d.tags(),
                d.kind().name().toLowerCase(Locale.ROOT), d.contentHash(), d.chunkCount(), d.createdAt());
    }
}

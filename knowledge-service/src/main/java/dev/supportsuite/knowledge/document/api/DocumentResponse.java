package dev.supportsuite.knowledge.document.api;

import dev.supportsuite.knowledge.document.domain.Document;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A stored document as the API shows it. */
public record DocumentResponse(String id, String title, String content, String category, String source,
        List<String> tags, String contentHash, String kind, String origin, int chunkCount, Instant createdAt,
        Instant updatedAt) {

    static DocumentResponse of(Document d) {
        return new DocumentResponse(d.id(), d.title(), d.content(), d.category(), d.source(), d.tags(),
                d.contentHash(), d.kind().name().toLowerCase(Locale.ROOT), d.origin().name().toLowerCase(Locale.ROOT),
                d.chunkCount(), d.createdAt(), d.updatedAt());
    }
}

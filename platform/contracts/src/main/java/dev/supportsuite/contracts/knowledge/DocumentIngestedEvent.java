package dev.supportsuite.contracts.knowledge;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge document was added, replaced or removed. {@code change} is {@code created},
 * {@code replaced} or {@code deleted}; a deleted document has {@code chunkCount} 0.
 */
public record DocumentIngestedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String documentId,
        String title,
        String category,
        String contentHash,
        int chunkCount,
        String change) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return documentId;
    }
}

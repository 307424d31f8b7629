package dev.supportsuite.knowledge.ingest.domain;

import dev.supportsuite.knowledge.document.domain.Document;

/** Either the stored document (small uploads) or the job that indexes it (large ones). */
public record UploadOutcome(Document document, UploadJob job) {
}

package dev.supportsuite.knowledge.document.domain;

/** What an idempotent upsert did, and the document as it now stands. */
public record UpsertResult(ImportOutcome outcome, Document document) {
}

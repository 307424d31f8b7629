package dev.supportsuite.contracts.chat;

/** A knowledge base entry an answer relied on. */
public record Citation(String documentId, String title, String sectionPath) {
}

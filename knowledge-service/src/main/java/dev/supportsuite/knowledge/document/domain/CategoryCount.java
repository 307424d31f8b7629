package dev.supportsuite.knowledge.document.domain;

/** A category and how many documents it holds. */
public record CategoryCount(String category, long documents) {
}

package dev.supportsuite.knowledge.document.api;

import java.util.List;

/** One page of documents, newest first. */
public record DocumentPage(List<DocumentResponse> items, int page, int size, long total) {
}

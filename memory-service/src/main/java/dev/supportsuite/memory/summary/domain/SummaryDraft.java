package dev.supportsuite.memory.summary.domain;

import java.util.List;

/** What a {@link Summarizer} returns; {@code SummaryService} then enforces what must never be lost. */
public record SummaryDraft(String text, List<String> openItems, List<String> resolvedItems) {

    public SummaryDraft {
        openItems = openItems == null ? List.of() : List.copyOf(openItems);
        resolvedItems = resolvedItems == null ? List.of() : List.copyOf(resolvedItems);
    }
}

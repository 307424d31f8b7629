package dev.supportsuite.sentiment.analysis.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * One message to analyze.
 *
 * @param text    the user's message; may be empty
 * @param history the conversation's earlier user messages, most recent last: each either {@code {"text": ...}}
 *                or {@code {"polarity": ...}}; optional
 */
record AnalyzeRequest(@NotNull String text, @Valid List<@NotNull @Valid HistoryEntry> history) {

    List<HistoryEntry> historyOrEmpty() {
        return history == null ? List.of() : history;
    }
}

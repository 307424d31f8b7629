package dev.supportsuite.memory.summary.domain;

import java.time.Instant;
import java.util.List;

/**
 * The rolling summary of a conversation's older messages.
 *
 * @param text            the summary for the agent (and the human taking over)
 * @param ticketIds       every ticket id the conversation mentioned; only ever grows
 * @param openItems       what is still open; an item leaves only by moving to {@code resolvedItems}
 * @param resolvedItems   what was settled
 * @param coveredMessages how many messages, from the start, the text covers
 * @param coveredUntil    the last message the text covers, null before the first summary
 * @param generatedBy     which summarizer wrote the text ({@code extractive}, an LLM adapter's name,
 *                        or {@code none} when only ticket ids are known yet)
 */
public record Summary(String conversationId, String text, List<String> ticketIds, List<String> openItems,
        List<String> resolvedItems, int coveredMessages, MessageKey coveredUntil, String generatedBy,
        Instant updatedAt) {

    public Summary {
        ticketIds = ticketIds == null ? List.of() : List.copyOf(ticketIds);
        openItems = openItems == null ? List.of() : List.copyOf(openItems);
        resolvedItems = resolvedItems == null ? List.of() : List.copyOf(resolvedItems);
        text = text == null ? "" : text;
    }

    /** Whether a summary text was written yet (a row may only hold ticket ids so far). */
    public boolean hasText() {
        return !text.isBlank();
    }
}

package dev.supportsuite.memory.summary.domain;

import dev.supportsuite.memory.transcript.domain.StoredMessage;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Writes the summary of a conversation's older messages. The default adapter is
 * {@link ExtractiveSummarizer}; an LLM adapter can implement this port later. Whatever an adapter
 * writes, {@link SummaryService} adds back any ticket id or open item the text left out.
 */
public interface Summarizer {

    /** Stable name, stored with the summary ({@code extractive}, {@code openai}, ...). */
    String name();

    /**
     * Summarises {@code older} (every message before the recent window, in transcript order).
     *
     * @param ticketIds ticket ids found in those messages
     * @param previous  the summary so far, or null
     */
    Mono<SummaryDraft> summarize(List<StoredMessage> older, List<String> ticketIds, Summary previous);
}

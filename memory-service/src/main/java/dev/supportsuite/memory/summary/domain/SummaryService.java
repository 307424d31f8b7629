package dev.supportsuite.memory.summary.domain;

import dev.supportsuite.memory.transcript.domain.StoredMessage;
import dev.supportsuite.memory.transcript.domain.TranscriptRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Keeps each long conversation's rolling summary current. Once a conversation has more than
 * {@code threshold} messages, everything before the recent window of {@code window} messages is
 * summarised, and summarised again whenever {@code refreshInterval} more messages have left the
 * window. Whatever the summarizer writes, ticket ids and open items of earlier summaries are kept:
 * an open item only leaves by being resolved.
 */
public final class SummaryService {

    private final TranscriptRepository transcripts;
    private final SummaryRepository summaries;
    private final Summarizer summarizer;
    private final TicketIds ticketIds;
    private final int threshold;
    private final int window;
    private final int refreshInterval;
    private final Clock clock;

    public SummaryService(TranscriptRepository transcripts, SummaryRepository summaries, Summarizer summarizer,
            TicketIds ticketIds, int threshold, int window, int refreshInterval, Clock clock) {
        this.transcripts = transcripts;
        this.summaries = summaries;
        this.summarizer = summarizer;
        this.ticketIds = ticketIds;
        this.threshold = threshold;
        this.window = window;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    /** Whether a conversation of {@code total} messages, {@code covered} of them summarised, needs a (new) summary. */
    public boolean isDue(long total, long covered) {
        return total > threshold && total - window - covered >= refreshInterval;
    }

    /** Refreshes the summary when due; completes empty otherwise. */
    public Mono<Void> refreshIfDue(String conversationId, long total, long covered) {
        if (!isDue(total, covered)) {
            return Mono.empty();
        }
        return refresh(conversationId);
    }

    /** Summarises everything before the recent window now. */
    public Mono<Void> refresh(String conversationId) {
        return transcripts.messages(conversationId).collectList()
                .zipWith(summaries.find(conversationId).map(List::of).defaultIfEmpty(List.of()))
                .flatMap(loaded -> {
                    List<StoredMessage> all = loaded.getT1();
                    Summary previous = loaded.getT2().isEmpty() ? null : loaded.getT2().get(0);
                    if (all.size() <= window) {
                        return Mono.empty();
                    }
                    List<StoredMessage> older = all.subList(0, all.size() - window);
                    Set<String> tickets = new LinkedHashSet<>();
                    if (previous != null) {
                        tickets.addAll(previous.ticketIds());
                    }
                    tickets.addAll(ticketIds.in(all));
                    List<String> ticketList = List.copyOf(tickets);
                    return summarizer.summarize(older, ticketList, previous)
                            .map(draft -> merge(conversationId, draft, ticketList, previous, older))
                            .flatMap(summaries::save);
                });
    }

    private Summary merge(String conversationId, SummaryDraft draft, List<String> tickets, Summary previous,
            List<StoredMessage> older) {
        Set<String> resolved = new LinkedHashSet<>(previous == null ? List.of() : previous.resolvedItems());
        resolved.addAll(draft.resolvedItems());
        Set<String> open = new LinkedHashSet<>();
        if (previous != null) {
            previous.openItems().stream().filter(item -> !draft.resolvedItems().contains(item)).forEach(open::add);
        }
        open.addAll(draft.openItems());
        resolved.removeAll(draft.openItems());
        String text = draft.text() == null ? "" : draft.text();
        List<String> missingTickets = tickets.stream().filter(id -> !text.contains(id)).toList();
        List<String> missingOpen = open.stream().filter(item -> !text.contains(item)).toList();
        StringBuilder complete = new StringBuilder(text);
        if (!missingTickets.isEmpty()) {
            complete.append(complete.isEmpty() ? "" : "\n").append("Tickets: ")
                    .append(String.join(", ", missingTickets)).append('.');
        }
        if (!missingOpen.isEmpty()) {
            complete.append(complete.isEmpty() ? "" : "\n").append("Still open: ")
                    .append(String.join("; ", missingOpen)).append('.');
        }
        StoredMessage last = older.get(older.size() - 1);
        return new Summary(conversationId, complete.toString(), tickets, new ArrayList<>(open),
                new ArrayList<>(resolved), older.size(), MessageKey.of(last), summarizer.name(), clock.instant());
    }
}

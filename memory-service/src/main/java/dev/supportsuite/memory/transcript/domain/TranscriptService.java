package dev.supportsuite.memory.transcript.domain;

import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.TurnMessage;
import dev.supportsuite.memory.profile.domain.ProfileRules;
import dev.supportsuite.memory.summary.domain.SummaryService;
import dev.supportsuite.memory.summary.domain.TicketIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Records completed turns: both messages (each once, by id), the conversation header, ticket ids
 * mentioned and profile facts learned, in one statement; then refreshes the rolling summary when due.
 */
public final class TranscriptService {

    private final TranscriptRepository transcripts;
    private final SummaryService summaries;
    private final ProfileRules rules;
    private final TicketIds ticketIds;
    private final String consumerGroup;

    /**
     * @param consumerGroup the listener's consumer group: the event id is recorded as processed for
     *                      it in the same statement as the turn, so storing a turn and marking its
     *                      event done commit together (one commit per turn instead of two)
     */
    public TranscriptService(TranscriptRepository transcripts, SummaryService summaries, ProfileRules rules,
            TicketIds ticketIds, String consumerGroup) {
        this.transcripts = transcripts;
        this.summaries = summaries;
        this.rules = rules;
        this.ticketIds = ticketIds;
        this.consumerGroup = consumerGroup;
    }

    /** Stores one turn; fails with {@link ConversationOwnershipException} when the conversation is another user's. */
    public Mono<Void> record(ConversationTurnRecordedEvent event) {
        return Mono.fromSupplier(() -> toTurn(event))
                .flatMap(turn -> turn.messages().isEmpty() ? Mono.empty() : transcripts.store(turn))
                .flatMap(outcome -> {
                    if (!outcome.owned()) {
                        return Mono.error(new ConversationOwnershipException(event.conversationId()));
                    }
                    if (outcome.inserted() == 0) {
                        return Mono.empty();
                    }
                    return summaries.refreshIfDue(event.conversationId(), outcome.totalMessages(),
                            outcome.coveredMessages());
                });
    }

    RecordedTurn toTurn(ConversationTurnRecordedEvent event) {
        if (event.conversationId() == null || event.userId() == null) {
            throw new IllegalArgumentException("A turn needs a conversation id and a user id");
        }
        List<StoredMessage> messages = new ArrayList<>();
        TurnMessage said = event.userMessage();
        TurnMessage reply = event.reply();
        if (valid(said)) {
            boolean carriesReplyData = !valid(reply);
            messages.add(new StoredMessage(said.messageId(), event.conversationId(), said.seq(), roleOr(said, "user"),
                    said.content(), event.intent(), event.sentiment(),
                    carriesReplyData ? event.citations() : List.of(),
                    carriesReplyData ? event.toolCalls() : List.of(), sentAt(said, event)));
        }
        if (valid(reply)) {
            messages.add(new StoredMessage(reply.messageId(), event.conversationId(), reply.seq(), roleOr(reply, "ai"),
                    reply.content(), event.intent(), null, event.citations(), event.toolCalls(),
                    sentAt(reply, event)));
        }
        Instant first = messages.stream().map(StoredMessage::sentAt).min(Instant::compareTo)
                .orElse(event.occurredAt());
        Instant last = messages.stream().map(StoredMessage::sentAt).max(Instant::compareTo)
                .orElse(event.occurredAt());
        return new RecordedTurn(event.eventId(), consumerGroup, event.conversationId(), event.userId(), event.escalated(), first, last, messages,
                ticketIds.in(messages), rules.fromTurn(event));
    }

    private static boolean valid(TurnMessage message) {
        return message != null && message.messageId() != null && message.content() != null;
    }

    private static String roleOr(TurnMessage message, String fallback) {
        return message.role() == null || message.role().isBlank() ? fallback : message.role();
    }

    private static Instant sentAt(TurnMessage message, ConversationTurnRecordedEvent event) {
        if (message.sentAt() != null) {
            return message.sentAt();
        }
        return event.occurredAt() == null ? Instant.EPOCH : event.occurredAt();
    }
}

package dev.supportsuite.memory;

import dev.supportsuite.contracts.chat.Citation;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.SentimentSnapshot;
import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.contracts.conversation.TurnMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test fixtures: realistic turns of a support conversation. */
public final class Turns {

    public static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

    private Turns() {
    }

    /** Turn number {@code seq}: the customer's message and the AI reply, both with that seq. */
    public static ConversationTurnRecordedEvent turn(String conversationId, String userId, long seq, String said,
            String replied) {
        return turn(conversationId, userId, seq, said, replied, "question", List.of(), List.of(), false);
    }

    public static ConversationTurnRecordedEvent turn(String conversationId, String userId, long seq, String said,
            String replied, String intent, List<ToolCall> tools, List<Citation> citations, boolean escalated) {
        Instant at = START.plusSeconds(seq * 30);
        return new ConversationTurnRecordedEvent(UUID.randomUUID(), at.plusSeconds(2), 1, conversationId, userId,
                new TurnMessage(conversationId + "-u" + seq, seq, "user", said, at),
                new TurnMessage(conversationId + "-a" + seq, seq, "ai", replied, at.plusSeconds(1)), intent,
                new SentimentSnapshot(-0.2, "negative", 0.3, "stable"), tools, citations, escalated);
    }

    /** The same turn again as a new event (a producer retry after a lost acknowledgement). */
    public static ConversationTurnRecordedEvent redelivered(ConversationTurnRecordedEvent turn) {
        return new ConversationTurnRecordedEvent(UUID.randomUUID(), turn.occurredAt(), turn.schemaVersion(),
                turn.conversationId(), turn.userId(), turn.userMessage(), turn.reply(), turn.intent(),
                turn.sentiment(), turn.toolCalls(), turn.citations(), turn.escalated());
    }
}

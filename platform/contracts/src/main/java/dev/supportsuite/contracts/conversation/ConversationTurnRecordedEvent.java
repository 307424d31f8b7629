package dev.supportsuite.contracts.conversation;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.chat.Citation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A completed turn (the customer's message and the reply), published to {@code conversation-events}
 * for the durable transcript.
 */
public record ConversationTurnRecordedEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String conversationId,
        String userId,
        TurnMessage userMessage,
        TurnMessage reply,
        String intent,
        SentimentSnapshot sentiment,
        List<ToolCall> toolCalls,
        List<Citation> citations,
        boolean escalated) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public ConversationTurnRecordedEvent {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

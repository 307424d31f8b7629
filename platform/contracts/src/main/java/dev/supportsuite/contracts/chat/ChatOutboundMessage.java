package dev.supportsuite.contracts.chat;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message for the customer, published to {@code chat-outbound}; every gateway instance reads it
 * and the one holding the conversation's socket (or the waiting REST call) delivers it.
 *
 * @param conversationId the conversation, also the Kafka key
 * @param messageId      this reply's id
 * @param replyTo        the inbound message it answers (the REST correlation id), or null when unprompted
 * @param userId         the conversation's user
 * @param role           {@code ai}, {@code human_agent} or {@code system}
 * @param content        the text shown to the customer
 * @param intent         the intent the agent recognised in the message it answers
 * @param escalated      whether the conversation is now with, or waiting for, a human
 * @param degraded       whether a fallback produced this answer (for example the LLM failed)
 * @param citations      knowledge entries the answer relies on
 */
public record ChatOutboundMessage(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String conversationId,
        String messageId,
        String replyTo,
        String userId,
        String role,
        String content,
        String intent,
        boolean escalated,
        boolean degraded,
        List<Citation> citations) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public ChatOutboundMessage {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

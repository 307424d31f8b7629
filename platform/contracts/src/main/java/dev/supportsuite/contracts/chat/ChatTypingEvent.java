package dev.supportsuite.contracts.chat;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer is typing in a conversation, published to {@code chat-inbound} by the gateway that
 * holds the customer's socket, at most every few seconds while the customer types. Consoles show it
 * to the human agent; it is never stored and the AI ignores it. A console treats the customer as
 * typing until a few seconds after the latest one.
 *
 * @param userId the customer (verified user or visitor id)
 */
public record ChatTypingEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String conversationId,
        String userId) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

package dev.supportsuite.contracts.chat;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * Part of a reply while a language model is still writing it, published to {@code chat-outbound}
 * next to the {@link ChatOutboundMessage}s. Tokens are a preview: the final message with the same
 * {@code messageId} replaces them (it may differ, for example when the draft was not grounded), and a
 * client that reconnects gets only the final message.
 *
 * @param messageId the id the final reply will carry
 * @param replyTo   the customer message being answered
 * @param index     position of this chunk in the draft, from 0
 * @param text      the chunk's text, appended to the chunks before it
 */
public record ChatTokenEvent(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String conversationId,
        String messageId,
        String replyTo,
        int index,
        String text) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

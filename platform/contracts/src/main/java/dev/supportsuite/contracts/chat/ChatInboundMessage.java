package dev.supportsuite.contracts.chat;

import dev.supportsuite.contracts.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer message accepted by the gateway, published to {@code chat-inbound}.
 *
 * @param conversationId  the conversation, also the Kafka key
 * @param messageId       assigned by the gateway; replies carry it as {@code replyTo}
 * @param seq             per-conversation sequence number assigned by the gateway
 * @param userId          the verified identity that sent it (never taken from a request body)
 * @param identityType    {@code user}, {@code visitor}, {@code partner} or {@code agent}
 * @param content         the message text
 * @param clientMessageId the client's own id, used to acknowledge a resend once
 * @param channel         {@code websocket} or {@code rest}
 */
public record ChatInboundMessage(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String conversationId,
        String messageId,
        long seq,
        String userId,
        String identityType,
        String content,
        String clientMessageId,
        String channel) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public static ChatInboundMessage create(String conversationId, String messageId, long seq, String userId,
            String identityType, String content, String clientMessageId, String channel) {
        return new ChatInboundMessage(UUID.randomUUID(), Instant.now(), SCHEMA_VERSION, conversationId, messageId,
                seq, userId, identityType, content, clientMessageId, channel);
    }

    @Override
    public String aggregateId() {
        return conversationId;
    }
}

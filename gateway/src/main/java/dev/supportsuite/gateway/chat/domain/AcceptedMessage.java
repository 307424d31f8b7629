package dev.supportsuite.gateway.chat.domain;

/** A customer message the gateway has durably handed to Kafka. */
public record AcceptedMessage(String conversationId, String messageId, long seq, String clientMessageId) {
}

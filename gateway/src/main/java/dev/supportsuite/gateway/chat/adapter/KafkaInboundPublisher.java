package dev.supportsuite.gateway.chat.adapter;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatTypingEvent;
import dev.supportsuite.gateway.chat.domain.InboundPublisher;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import reactor.core.publisher.Mono;

/** Publishes accepted customer messages and typing signals to {@code chat-inbound}, keyed by conversation. */
public class KafkaInboundPublisher implements InboundPublisher {

    private final KafkaEventPublisher publisher;

    public KafkaInboundPublisher(KafkaEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Mono<Void> publish(ChatInboundMessage message) {
        return publisher.publish(Topics.CHAT_INBOUND, message);
    }

    @Override
    public Mono<Void> typing(ChatTypingEvent event) {
        return publisher.publish(Topics.CHAT_INBOUND, event);
    }
}

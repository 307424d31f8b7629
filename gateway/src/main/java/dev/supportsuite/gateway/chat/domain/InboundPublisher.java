package dev.supportsuite.gateway.chat.domain;

import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatTypingEvent;
import reactor.core.publisher.Mono;

/** Hands accepted customer messages to the agent, and typing signals to the consoles. */
public interface InboundPublisher {

    Mono<Void> publish(ChatInboundMessage message);

    Mono<Void> typing(ChatTypingEvent event);
}

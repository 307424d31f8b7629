package dev.supportsuite.gateway.chat.domain;

import dev.supportsuite.contracts.chat.ChatInboundMessage;
import reactor.core.publisher.Mono;

/** Hands accepted customer messages to the agent. */
public interface InboundPublisher {

    Mono<Void> publish(ChatInboundMessage message);
}

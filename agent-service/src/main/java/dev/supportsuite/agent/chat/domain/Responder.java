package dev.supportsuite.agent.chat.domain;

import reactor.core.publisher.Mono;

/** Turns a customer's message into the agent's reply. */
public interface Responder {

    Mono<Reply> reply(String conversationId, String userId, String content);
}

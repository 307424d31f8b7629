package dev.supportsuite.gateway.chat.api;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/** {@code /ws/echo}: returns every text frame as is. Only the benchmark setting enables it. */
public final class EchoWebSocketHandler implements WebSocketHandler {

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.send(session.receive().map(message -> session.textMessage(message.getPayloadAsText())));
    }
}

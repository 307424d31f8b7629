package dev.supportsuite.gateway.chat.api;

import dev.supportsuite.gateway.chat.domain.ChatService;
import dev.supportsuite.gateway.chat.domain.ConversationOwners;
import dev.supportsuite.gateway.chat.domain.UnknownConversationException;
import dev.supportsuite.gateway.chat.domain.Identity;
import dev.supportsuite.gateway.config.ChatProperties;
import dev.supportsuite.gateway.security.domain.CallerIdentity;
import dev.supportsuite.gateway.security.web.EdgeSecurityFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Chat over REST: the message travels the same Kafka path as a WebSocket message and the call
 * waits for the reply with the matching correlation id (504 problem+json after the reply timeout).
 */
@RestController
@Tag(name = "chat", description = "Send a message to the support agent and receive its answer")
class ChatController {

    private final ChatService chat;
    private final ConversationOwners owners;
    private final ChatProperties properties;

    ChatController(ChatService chat, ConversationOwners owners, ChatProperties properties) {
        this.chat = chat;
        this.owners = owners;
        this.properties = properties;
    }

    @Operation(summary = "The seed's chat call: answers with message, intent and escalated")
    @PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ChatResponse> seedChat(@Valid @RequestBody ChatRequest request, ServerWebExchange exchange) {
        return ask(request, EdgeSecurityFilter.identity(exchange));
    }

    @Operation(summary = "Chat: send a message, receive the agent's reply with its ids and citations")
    @PostMapping(path = "/api/v1/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ChatResponse> chat(@Valid @RequestBody ChatRequest request, ServerWebExchange exchange) {
        return ask(request, EdgeSecurityFilter.identity(exchange));
    }

    private Mono<ChatResponse> ask(ChatRequest request, CallerIdentity caller) {
        String conversationId = conversationFor(request);
        // Anonymous callers only get here in dev mode (the seed's contract): the session is the visitor.
        Identity identity = caller.isAnonymous() ? new Identity(conversationId, "visitor")
                : new Identity(caller.id(), caller.type());
        if (!owners.claim(conversationId, identity.type() + ":" + identity.userId())) {
            return Mono.error(new UnknownConversationException(conversationId));
        }
        return chat.ask(identity, conversationId, request.content(), properties.replyTimeout())
                .map(reply -> new ChatResponse(reply.content(), reply.intent(), reply.escalated(), reply.degraded(),
                        reply.conversationId(), reply.messageId(), reply.replyTo(),
                        CitationView.of(reply.citations())));
    }

    private static String conversationFor(ChatRequest request) {
        if (request.conversationId() != null) {
            return request.conversationId();
        }
        if (request.sessionId() != null) {
            return "session-" + request.sessionId();
        }
        return "conv-" + UUID.randomUUID();
    }
}

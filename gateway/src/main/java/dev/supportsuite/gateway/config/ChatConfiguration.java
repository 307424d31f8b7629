package dev.supportsuite.gateway.config;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import dev.supportsuite.platform.kafka.EventTypes;
import dev.supportsuite.gateway.chat.adapter.KafkaInboundPublisher;
import dev.supportsuite.gateway.chat.api.ChatWebSocketHandler;
import dev.supportsuite.gateway.chat.api.EchoWebSocketHandler;
import dev.supportsuite.gateway.chat.domain.ChatService;
import dev.supportsuite.gateway.chat.domain.ConversationOwners;
import dev.supportsuite.gateway.chat.domain.ConversationLog;
import dev.supportsuite.gateway.chat.domain.InboundPublisher;
import dev.supportsuite.gateway.chat.domain.InvalidMessageException;
import dev.supportsuite.gateway.chat.domain.PendingReplies;
import dev.supportsuite.gateway.chat.domain.ReplyTimeoutException;
import dev.supportsuite.gateway.chat.domain.UnknownConversationException;
import dev.supportsuite.gateway.security.LimitsProperties;
import dev.supportsuite.gateway.security.SecurityProperties;
import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.KafkaEventListenerFactory;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import dev.supportsuite.platform.problem.ProblemMapping;
import dev.supportsuite.platform.problem.ProblemMappings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChatConfiguration.class);
    /** Conversations whose owner the gateway remembers. */
    private static final int CONVERSATION_OWNERS_CAPACITY = 200_000;

    @Bean
    PendingReplies pendingReplies() {
        return new PendingReplies();
    }

    @Bean
    ConversationLog conversationLog(ChatProperties properties) {
        return new ConversationLog(properties.keptMessages(), CONVERSATION_OWNERS_CAPACITY);
    }

    /** Customer messages and typing signals to {@code chat-inbound}; the console's agent replies go there too. */
    @Bean
    InboundPublisher inboundPublisher(KafkaEventPublisher publisher) {
        return new KafkaInboundPublisher(publisher);
    }

    @Bean
    ChatService chatService(InboundPublisher inbound, PendingReplies pending, ConversationLog log,
            ChatProperties properties) {
        return new ChatService(inbound, pending, log,
                Math.toIntExact(properties.maxMessageSize().toBytes()));
    }

    @Bean
    EventListenerContainer<Event> chatOutboundListener(KafkaEventListenerFactory listeners, ChatService chat) {
        return listeners.broadcast(Topics.CHAT_OUTBOUND, EventTypes.of(ChatOutboundMessage.class,
                ChatTokenEvent.class), event -> Mono.fromRunnable(() -> {
                    if (event instanceof ChatOutboundMessage reply) {
                        chat.deliver(reply);
                    } else if (event instanceof ChatTokenEvent draft) {
                        chat.deliver(draft);
                    }
                }));
    }

    @Bean
    ConversationOwners conversationOwners() {
        return new ConversationOwners(CONVERSATION_OWNERS_CAPACITY);
    }

    @Bean
    HandlerMapping webSocketMapping(ChatService chat, ConversationLog conversations, ConversationOwners owners,
            ConnectionLimiter connections, ChatProperties properties, LimitsProperties limits,
            SecurityProperties security) {
        Map<String, WebSocketHandler> handlers = new LinkedHashMap<>();
        // The socket carries JSON frames; allow a little room over the message size for the envelope.
        int maxFrameBytes = Math.toIntExact(properties.maxMessageSize().toBytes()) + 512;
        handlers.put("/ws/chat/*", new ChatWebSocketHandler(chat, conversations, owners, connections, maxFrameBytes,
                limits.messagesPerSecondPerSocket(), properties.heartbeat(), security.devMode()));
        if (properties.echoEnabled()) {
            log.warn("Benchmark echo socket enabled at /ws/echo; do not enable it in production");
            handlers.put("/ws/echo", new EchoWebSocketHandler());
        }
        return new SimpleUrlHandlerMapping(handlers, Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    ProblemMappings chatProblems() {
        return ProblemMappings.of(
                ProblemMapping.of(ReplyTimeoutException.class, HttpStatus.GATEWAY_TIMEOUT, "reply-timeout",
                        "The agent did not answer in time"),
                ProblemMapping.of(UnknownConversationException.class, HttpStatus.NOT_FOUND, "conversation-not-found",
                        "Conversation not found"),
                ProblemMapping.of(InvalidMessageException.class, HttpStatus.BAD_REQUEST, "invalid-message",
                        "The message cannot be accepted"));
    }
}

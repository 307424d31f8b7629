package dev.supportsuite.gateway.chat.api;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.gateway.chat.domain.ChatService;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.gateway.chat.domain.ConversationOwners;
import dev.supportsuite.gateway.chat.domain.ConversationSessions;
import dev.supportsuite.gateway.chat.domain.Identity;
import dev.supportsuite.gateway.chat.domain.InvalidMessageException;
import dev.supportsuite.gateway.chat.domain.SequenceNumbers;
import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import dev.supportsuite.gateway.security.domain.SlidingWindowLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code /ws/chat/{userId}}: one socket, one conversation. The server opens with {@code connected};
 * a client {@code message} is acknowledged with {@code ack} once it is durably accepted, and the
 * agent's answer follows as {@code message}; {@code ping} gets {@code pong}. A malformed, oversized
 * or unknown frame gets an {@code error} frame and the socket stays open.
 */
public final class ChatWebSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatWebSocketHandler.class);
    static final String PATH_PREFIX = "/ws/chat/";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}");
    private static final Duration EMIT_RETRY = Duration.ofMillis(200);

    private final ChatService chat;
    private final ConversationSessions sessions;
    private final SequenceNumbers sequences;
    private final ConversationOwners owners;
    private final ConnectionLimiter connections;
    private final FrameCodec codec = new FrameCodec();
    private final int maxFrameBytes;
    private final int messagesPerSecond;
    private final boolean allowUnauthenticated;

    /**
     * @param allowUnauthenticated dev mode: a socket without a token is the user named in its path,
     *                             as in the seed
     */
    public ChatWebSocketHandler(ChatService chat, ConversationSessions sessions, SequenceNumbers sequences,
            ConversationOwners owners, ConnectionLimiter connections, int maxFrameBytes, int messagesPerSecond,
            boolean allowUnauthenticated) {
        this.chat = chat;
        this.sessions = sessions;
        this.sequences = sequences;
        this.owners = owners;
        this.connections = connections;
        this.maxFrameBytes = maxFrameBytes;
        this.messagesPerSecond = messagesPerSecond;
        this.allowUnauthenticated = allowUnauthenticated;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String path = session.getHandshakeInfo().getUri().getPath();
        String userId = path.substring(PATH_PREFIX.length());
        String requested = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build()
                .getQueryParams().getFirst("conversation_id");
        if (!ID.matcher(userId).matches() || (requested != null && !ID.matcher(requested).matches())) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("invalid user or conversation id"));
        }
        HttpHeaders verified = session.getHandshakeInfo().getHeaders();
        String type = verified.getFirst(IdentityHeaders.TYPE);
        Identity identity;
        if (type == null) {
            if (!allowUnauthenticated) {
                return session.close(CloseStatus.POLICY_VIOLATION.withReason("authentication required: connect "
                        + "with ?token= from POST /api/v1/widget/sessions"));
            }
            identity = new Identity(userId, IdentityHeaders.TYPE_USER);
        } else if (!userId.equals(verified.getFirst(IdentityHeaders.USER_ID))) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("the token belongs to another user"));
        } else if (!IdentityHeaders.TYPE_USER.equals(type) && !IdentityHeaders.TYPE_VISITOR.equals(type)) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("chat sockets are for customers"));
        } else {
            identity = new Identity(userId, type);
        }
        String owner = identity.type() + ":" + identity.userId();
        String conversationId = requested != null ? requested : "conv-" + UUID.randomUUID();
        if (!owners.claim(conversationId, owner)) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("unknown conversation"));
        }
        ConnectionLimiter.Permit permit = connections.tryOpen(owner);
        if (permit == null) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("too many connections: at most "
                    + connections.maxPerUser() + " per user"));
        }
        SlidingWindowLimiter socketRate = new SlidingWindowLimiter(messagesPerSecond, Duration.ofSeconds(1),
                System::nanoTime);
        Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        ConversationSessions.Registration registration = sessions.register(conversationId,
                reply -> emit(outbound, codec.write(messageFrame(reply))));
        emit(outbound, codec.write(new Frames.Connected(conversationId, userId)));
        log.debug("Socket open conversationId={} sessionId={}", conversationId, session.getId());

        Mono<Void> inbound = session.receive()
                .concatMap(message -> onFrame(identity, conversationId, message, socketRate)
                        .doOnNext(frame -> emit(outbound, frame)))
                .then()
                .doFinally(signal -> {
                    permit.close();
                    registration.close();
                    outbound.tryEmitComplete();
                    log.debug("Socket closed conversationId={} signal={}", conversationId, signal);
                });
        Mono<Void> send = session.send(outbound.asFlux().map(session::textMessage));
        return Mono.when(inbound, send);
    }

    private Flux<String> onFrame(Identity identity, String conversationId, WebSocketMessage message,
            SlidingWindowLimiter socketRate) {
        if (message.getType() != WebSocketMessage.Type.TEXT) {
            return Flux.just(error("unsupported_frame", "Only text frames are accepted."));
        }
        String text = message.getPayloadAsText(StandardCharsets.UTF_8);
        if (text.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes) {
            return Flux.just(error("message_too_large", "The frame is larger than " + maxFrameBytes + " bytes."));
        }
        FrameCodec.ClientFrame frame;
        try {
            frame = codec.read(text);
        } catch (InvalidMessageException e) {
            return Flux.just(error(e.code(), e.getMessage()));
        }
        return switch (frame.type()) {
            case "ping" -> Flux.just(codec.write(new Frames.Pong()));
            case "message" -> !socketRate.tryAcquire("messages").allowed()
                    ? Flux.just(error("rate_limited", "Too many messages per second; this one was not accepted."))
                    : chat.accept(identity, conversationId, frame.content(), frame.clientMessageId(),
                            "websocket")
                    .map(accepted -> codec.write(new Frames.Ack(accepted.clientMessageId(), accepted.messageId(),
                            accepted.seq())))
                    .onErrorResume(InvalidMessageException.class, e -> Mono.just(error(e.code(), e.getMessage())))
                    .onErrorResume(e -> {
                        log.warn("Could not accept message conversationId={}: {}", conversationId, e.toString());
                        return Mono.just(error("unavailable",
                                "The message could not be accepted right now; please send it again."));
                    })
                    .flux();
            default -> Flux.just(error("unknown_type", "Unknown frame type '" + frame.type() + "'."));
        };
    }

    private Frames.Message messageFrame(ChatOutboundMessage reply) {
        return new Frames.Message("message", reply.messageId(), sequences.next(reply.conversationId()),
                reply.replyTo(), reply.role(), reply.content(), reply.intent(), reply.escalated(), reply.degraded(),
                reply.citations());
    }

    private String error(String code, String message) {
        return codec.write(new Frames.Error(code, message));
    }

    private static void emit(Sinks.Many<String> sink, String frame) {
        // Replies arrive on Kafka threads while acks come from the socket's thread: serialise emissions.
        sink.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(EMIT_RETRY));
    }
}

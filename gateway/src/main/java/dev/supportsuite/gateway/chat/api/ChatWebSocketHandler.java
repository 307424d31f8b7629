package dev.supportsuite.gateway.chat.api;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.gateway.chat.domain.ChatService;
import dev.supportsuite.gateway.chat.domain.ConversationLog;
import dev.supportsuite.gateway.chat.domain.ConversationOwners;
import dev.supportsuite.gateway.chat.domain.Identity;
import dev.supportsuite.gateway.chat.domain.InvalidMessageException;
import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import dev.supportsuite.gateway.security.domain.SlidingWindowLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
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
 * agent's answer follows as {@code message}; {@code ping} gets {@code pong}; {@code typing} (sent while
 * the customer types) reaches the human agent's console and gets no answer. A malformed, oversized
 * or unknown frame gets an {@code error} frame and the socket stays open.
 *
 * <p>Reconnecting: connect with {@code ?conversation_id=…&last_seq=N} (or send
 * {@code {"type":"resume","last_seq":N}} after connecting) to receive every message numbered
 * after N exactly once, in order, then the live ones. A message resent with the same
 * {@code client_message_id} is acknowledged again and processed once. The server pings every
 * heartbeat and closes a socket that stayed silent for three.
 */
public final class ChatWebSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatWebSocketHandler.class);
    static final String PATH_PREFIX = "/ws/chat/";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}");
    private static final Pattern SEQ = Pattern.compile("\\d{1,18}");
    private static final Duration EMIT_RETRY = Duration.ofMillis(200);
    private static final int SILENT_HEARTBEATS = 3;
    /** At most one typing signal per socket in this time; consoles show "typing" a little longer. */
    static final Duration TYPING_INTERVAL = Duration.ofSeconds(1);

    private final ChatService chat;
    private final ConversationLog conversations;
    private final ConversationOwners owners;
    private final ConnectionLimiter connections;
    private final FrameCodec codec = new FrameCodec();
    private final int maxFrameBytes;
    private final int messagesPerSecond;
    private final Duration heartbeat;
    private final boolean allowUnauthenticated;

    /**
     * @param allowUnauthenticated dev mode: a socket without a token is the user named in its path,
     *                             as in the seed
     */
    public ChatWebSocketHandler(ChatService chat, ConversationLog conversations, ConversationOwners owners,
            ConnectionLimiter connections, int maxFrameBytes, int messagesPerSecond, Duration heartbeat,
            boolean allowUnauthenticated) {
        this.chat = chat;
        this.conversations = conversations;
        this.owners = owners;
        this.connections = connections;
        this.maxFrameBytes = maxFrameBytes;
        this.messagesPerSecond = messagesPerSecond;
        this.heartbeat = heartbeat;
        this.allowUnauthenticated = allowUnauthenticated;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String path = session.getHandshakeInfo().getUri().getPath();
        String userId = path.substring(PATH_PREFIX.length());
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri())
                .build().getQueryParams();
        String requested = query.getFirst("conversation_id");
        String lastSeqParam = query.getFirst("last_seq");
        if (!ID.matcher(userId).matches() || (requested != null && !ID.matcher(requested).matches())
                || (lastSeqParam != null && !SEQ.matcher(lastSeqParam).matches())) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("invalid user, conversation or last_seq"));
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
        Long lastSeq = lastSeqParam == null ? null : Long.valueOf(lastSeqParam);
        return Mono.usingWhen(connections.tryOpen(owner),
                permit -> permit.admitted() ? open(session, identity, conversationId, lastSeq, permit)
                        : session.close(CloseStatus.POLICY_VIOLATION.withReason("too many connections: at most "
                                + connections.maxPerUser() + " per user")),
                ConnectionLimiter.Permit::release);
    }

    private Mono<Void> open(WebSocketSession session, Identity identity, String conversationId, Long lastSeq,
            ConnectionLimiter.Permit permit) {
        // Per socket and so in memory, also when Redis holds the shared limits: a socket lives on one gateway.
        SlidingWindowLimiter socketRate = new SlidingWindowLimiter(messagesPerSecond, Duration.ofSeconds(1),
                System::nanoTime);
        Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        AtomicLong lastHeard = new AtomicLong(System.nanoTime());
        AtomicLong lastTyping = new AtomicLong(System.nanoTime() - TYPING_INTERVAL.toNanos());
        emit(outbound, codec.write(new Frames.Connected(conversationId, identity.userId())));
        ConversationLog.Subscription subscription = conversations.subscribe(conversationId, lastSeq,
                sequenced -> emit(outbound, codec.write(Frames.of(sequenced))));
        log.debug("Socket open conversationId={} sessionId={}", conversationId, session.getId());

        Sinks.Empty<Void> closed = Sinks.empty();
        Mono<Void> inbound = session.receive()
                .doOnNext(message -> lastHeard.set(System.nanoTime()))
                .filter(message -> message.getType() != WebSocketMessage.Type.PONG)
                .concatMap(message -> onFrame(identity, conversationId, message, socketRate, subscription, lastTyping)
                        .doOnNext(frame -> emit(outbound, frame)))
                .then()
                .doFinally(signal -> {
                    closed.tryEmitEmpty();
                    subscription.close();
                    outbound.tryEmitComplete();
                    log.debug("Socket closed conversationId={} signal={}", conversationId, signal);
                });
        Flux<WebSocketMessage> pings = Flux.interval(heartbeat)
                .map(tick -> session.pingMessage(buffers -> buffers.wrap(new byte[0])));
        Mono<Void> send = session.send(Flux.merge(outbound.asFlux().map(session::textMessage), pings)
                .takeUntilOther(closed.asMono()));
        Mono<Void> watchdog = Flux.interval(heartbeat)
                .takeUntilOther(closed.asMono())
                .filter(tick -> System.nanoTime() - lastHeard.get() > heartbeat.toNanos() * SILENT_HEARTBEATS)
                .next()
                .flatMap(tick -> {
                    log.debug("Closing silent socket conversationId={}", conversationId);
                    return session.close(CloseStatus.GOING_AWAY.withReason("no heartbeat"));
                });
        return Mono.when(inbound, send, watchdog, permit.keepAlive().takeUntilOther(closed.asMono()));
    }

    private Flux<String> onFrame(Identity identity, String conversationId, WebSocketMessage message,
            SlidingWindowLimiter socketRate, ConversationLog.Subscription subscription, AtomicLong lastTyping) {
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
            case "resume" -> resume(frame, subscription);
            case "typing" -> typing(identity, conversationId, lastTyping);
            case "message" -> !socketRate.tryAcquire("messages").allowed()
                    ? Flux.just(error("rate_limited", "Too many messages per second; this one was not accepted."))
                    : chat.accept(identity, conversationId, frame.content(), frame.clientMessageId(), "websocket")
                            .map(accepted -> codec.write(new Frames.Ack(accepted.clientMessageId(),
                                    accepted.messageId(), accepted.seq())))
                            .onErrorResume(InvalidMessageException.class,
                                    e -> Mono.just(error(e.code(), e.getMessage())))
                            .onErrorResume(e -> {
                                log.warn("Could not accept message conversationId={}: {}", conversationId,
                                        e.toString());
                                return Mono.just(error("unavailable",
                                        "The message could not be accepted right now; please send it again."));
                            })
                            .flux();
            default -> Flux.just(error("unknown_type", "Unknown frame type '" + frame.type() + "'."));
        };
    }

    /**
     * Passes "the customer is typing" on to the consoles, at most once per {@link #TYPING_INTERVAL}
     * per socket (the widget sends it as the customer types); no answer frame, and a failure to
     * publish is only logged, since the next keystroke sends another.
     */
    private Flux<String> typing(Identity identity, String conversationId, AtomicLong lastTyping) {
        // A socket's frames are handled one after another (concatMap), so a plain check-then-set will do.
        long now = System.nanoTime();
        if (now - lastTyping.get() < TYPING_INTERVAL.toNanos()) {
            return Flux.empty();
        }
        lastTyping.set(now);
        return chat.typing(identity, conversationId)
                .onErrorResume(e -> {
                    log.debug("Typing signal not published conversationId={}: {}", conversationId, e.toString());
                    return Mono.empty();
                })
                .thenMany(Flux.empty());
    }

    private Flux<String> resume(FrameCodec.ClientFrame frame, ConversationLog.Subscription subscription) {
        if (frame.lastSeq() == null || frame.lastSeq() < 0) {
            return Flux.just(error("malformed_frame", "resume needs a non-negative integer 'last_seq'."));
        }
        Flux<String> missed = Flux.fromIterable(subscription.replay(frame.lastSeq()))
                .map(sequenced -> codec.write(Frames.message(sequenced)));
        if (subscription.hasGap(frame.lastSeq())) {
            return Flux.concat(Flux.just(error("resume_gap",
                    "Some earlier messages are no longer kept here; the conversation history has them.")), missed);
        }
        return missed;
    }

    private String error(String code, String message) {
        return codec.write(new Frames.Error(code, message));
    }

    private static void emit(Sinks.Many<String> sink, String frame) {
        // Replies arrive on Kafka threads while acks come from the socket's thread: serialise emissions.
        sink.emitNext(frame, Sinks.EmitFailureHandler.busyLooping(EMIT_RETRY));
    }
}

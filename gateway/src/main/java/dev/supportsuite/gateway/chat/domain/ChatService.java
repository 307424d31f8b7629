package dev.supportsuite.gateway.chat.domain;

import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Accepts customer messages (validate, number, publish) and routes the agent's replies back to the
 * socket or the waiting REST call. A resend of a {@code client_message_id} this instance already
 * accepted is acknowledged again with the same ids and not published twice.
 */
public final class ChatService {

    /** How many recent client message ids are remembered for resend detection. */
    private static final int REMEMBERED_CLIENT_IDS = 50_000;

    private final InboundPublisher publisher;
    private final SequenceNumbers sequences;
    private final PendingReplies pending;
    private final ConversationSessions sessions;
    private final int maxMessageBytes;
    private final Map<String, AcceptedMessage> acceptedByClientId = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AcceptedMessage> eldest) {
            return size() > REMEMBERED_CLIENT_IDS;
        }
    };

    public ChatService(InboundPublisher publisher, SequenceNumbers sequences, PendingReplies pending,
            ConversationSessions sessions, int maxMessageBytes) {
        this.publisher = publisher;
        this.sequences = sequences;
        this.pending = pending;
        this.sessions = sessions;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Validates and publishes a message; completes once Kafka has it. */
    public Mono<AcceptedMessage> accept(Identity identity, String conversationId, String content,
            String clientMessageId, String channel) {
        return Mono.defer(() -> {
            validate(content);
            String resendKey = clientMessageId == null ? null : conversationId + '/' + clientMessageId;
            if (resendKey != null) {
                AcceptedMessage earlier;
                synchronized (acceptedByClientId) {
                    earlier = acceptedByClientId.get(resendKey);
                }
                if (earlier != null) {
                    return Mono.just(earlier);
                }
            }
            String messageId = "msg-" + UUID.randomUUID();
            long seq = sequences.next(conversationId);
            ChatInboundMessage message = ChatInboundMessage.create(conversationId, messageId, seq,
                    identity.userId(), identity.type(), content.strip(), clientMessageId, channel);
            AcceptedMessage accepted = new AcceptedMessage(conversationId, messageId, seq, clientMessageId);
            return publisher.publish(message).thenReturn(accepted).doOnSuccess(done -> {
                if (resendKey != null) {
                    synchronized (acceptedByClientId) {
                        acceptedByClientId.put(resendKey, done);
                    }
                }
            });
        });
    }

    /** Publishes a message and waits for the agent's reply to it. */
    public Mono<ChatOutboundMessage> ask(Identity identity, String conversationId, String content,
            Duration timeout) {
        return Mono.defer(() -> {
            validate(content);
            String messageId = "msg-" + UUID.randomUUID();
            Mono<ChatOutboundMessage> reply = pending.await(messageId, timeout);
            long seq = sequences.next(conversationId);
            ChatInboundMessage message = ChatInboundMessage.create(conversationId, messageId, seq,
                    identity.userId(), identity.type(), content.strip(), null, "rest");
            return publisher.publish(message)
                    .doOnError(e -> pending.cancel(messageId))
                    .then(reply);
        });
    }

    /** Routes a reply from the agent: to the waiting REST call and to this instance's sockets. */
    public void deliver(ChatOutboundMessage reply) {
        pending.complete(reply);
        sessions.deliver(reply);
    }

    private void validate(String content) {
        if (content == null || content.isBlank()) {
            throw new InvalidMessageException("empty_message", "The message has no content.");
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
            throw new InvalidMessageException("message_too_large",
                    "The message is larger than " + maxMessageBytes + " bytes.");
        }
    }
}

package dev.supportsuite.gateway.chat.domain;

import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import dev.supportsuite.contracts.chat.ChatTypingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Accepts customer messages (validate, number, publish) and routes the agent's replies back to the
 * socket or the waiting REST call. A resend of a {@code client_message_id} this instance already
 * saw is acknowledged again with the same ids and answered once.
 */
public final class ChatService {

    /** How many recent client message ids are remembered for resend detection. */
    private static final int REMEMBERED_CLIENT_IDS = 50_000;

    private final InboundPublisher publisher;
    private final PendingReplies pending;
    private final ConversationLog log;
    private final int maxMessageBytes;
    private final Map<String, Attempt> attempts = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempt> eldest) {
            return size() > REMEMBERED_CLIENT_IDS;
        }
    };

    public ChatService(InboundPublisher publisher, PendingReplies pending, ConversationLog log,
            int maxMessageBytes) {
        this.publisher = publisher;
        this.pending = pending;
        this.log = log;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Validates and publishes a message; completes once Kafka has it. A resend of a client message id
     * this instance has seen is acknowledged with the first attempt's ids; if the first attempt may
     * not have reached Kafka (the socket dropped mid-publish), the identical event is published again,
     * and the agent's event-id check answers it once.
     */
    public Mono<AcceptedMessage> accept(Identity identity, String conversationId, String content,
            String clientMessageId, String channel) {
        return Mono.defer(() -> {
            validate(content);
            String resendKey = clientMessageId == null ? null : conversationId + '/' + clientMessageId;
            Attempt attempt = null;
            if (resendKey != null) {
                synchronized (attempts) {
                    attempt = attempts.get(resendKey);
                }
            }
            if (attempt == null) {
                String messageId = "msg-" + UUID.randomUUID();
                long seq = log.nextSeq(conversationId);
                attempt = new Attempt(ChatInboundMessage.create(conversationId, messageId, seq, identity.userId(),
                        identity.type(), content.strip(), clientMessageId, channel));
                if (resendKey != null) {
                    synchronized (attempts) {
                        Attempt raced = attempts.putIfAbsent(resendKey, attempt);
                        attempt = raced == null ? attempt : raced;
                    }
                }
            }
            Attempt current = attempt;
            AcceptedMessage accepted = new AcceptedMessage(conversationId, current.message.messageId(),
                    current.message.seq(), clientMessageId);
            if (current.published) {
                return Mono.just(accepted);
            }
            return publisher.publish(current.message)
                    .doOnSuccess(done -> current.published = true)
                    .thenReturn(accepted);
        });
    }

    /** Tells the consoles that the customer is typing; the caller limits how often. */
    public Mono<Void> typing(Identity identity, String conversationId) {
        return publisher.typing(new ChatTypingEvent(UUID.randomUUID(), Instant.now(), ChatTypingEvent.SCHEMA_VERSION,
                conversationId, identity.userId()));
    }

    /** One client message: the exact event published for it, and whether Kafka confirmed it. */
    private static final class Attempt {
        final ChatInboundMessage message;
        volatile boolean published;

        Attempt(ChatInboundMessage message) {
            this.message = message;
        }
    }

    /** Publishes a message and waits for the agent's reply to it. */
    public Mono<ChatOutboundMessage> ask(Identity identity, String conversationId, String content,
            Duration timeout) {
        return Mono.defer(() -> {
            validate(content);
            String messageId = "msg-" + UUID.randomUUID();
            Mono<ChatOutboundMessage> reply = pending.await(messageId, timeout);
            long seq = log.nextSeq(conversationId);
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
        log.append(reply);
    }

    /** Routes a draft chunk of a reply to this instance's sockets (REST callers wait for the final reply). */
    public void deliver(ChatTokenEvent draft) {
        log.stream(draft);
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

package dev.supportsuite.gateway.chat.domain;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** REST chat calls waiting for the reply to their message, matched by the message id. */
public final class PendingReplies {

    private final ConcurrentMap<String, Sinks.One<ChatOutboundMessage>> waiting = new ConcurrentHashMap<>();

    /**
     * Registers interest in the reply to {@code messageId}; call before publishing the message so a
     * fast reply cannot be missed. The Mono fails with {@link ReplyTimeoutException} after {@code timeout}.
     */
    public Mono<ChatOutboundMessage> await(String messageId, Duration timeout) {
        Sinks.One<ChatOutboundMessage> sink = Sinks.one();
        waiting.put(messageId, sink);
        return sink.asMono()
                .timeout(timeout, Mono.error(() -> new ReplyTimeoutException(messageId)))
                .doFinally(signal -> waiting.remove(messageId));
    }

    /** Completes the call waiting for this reply, if any; returns whether one was waiting. */
    public boolean complete(ChatOutboundMessage reply) {
        if (reply.replyTo() == null) {
            return false;
        }
        Sinks.One<ChatOutboundMessage> sink = waiting.remove(reply.replyTo());
        return sink != null && sink.tryEmitValue(reply).isSuccess();
    }

    public void cancel(String messageId) {
        waiting.remove(messageId);
    }
}

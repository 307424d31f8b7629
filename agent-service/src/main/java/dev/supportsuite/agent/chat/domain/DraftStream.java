package dev.supportsuite.agent.chat.domain;

import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a model's draft of a reply to the customer in chunks of a few words, so the widget can show
 * it being written without one event per token. Chunks are published in order; a chunk that cannot be
 * published is only logged (the final message follows anyway).
 */
final class DraftStream implements Consumer<String> {

    private static final Logger log = LoggerFactory.getLogger(DraftStream.class);
    private static final int CHUNK_CHARS = 24;

    private final TurnPublisher publisher;
    private final ChatInboundMessage inbound;
    private final Clock clock;
    private final StringBuilder pending = new StringBuilder();
    private int index;

    DraftStream(TurnPublisher publisher, ChatInboundMessage inbound, Clock clock) {
        this.publisher = publisher;
        this.inbound = inbound;
        this.clock = clock;
    }

    @Override
    public synchronized void accept(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        pending.append(token);
        if (pending.length() >= CHUNK_CHARS || token.indexOf('\n') >= 0) {
            flush();
        }
    }

    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ChatTokenEvent chunk = new ChatTokenEvent(TurnService.derived(inbound.eventId(), "draft-" + index),
                clock.instant(), ChatTokenEvent.SCHEMA_VERSION, inbound.conversationId(),
                "reply-" + inbound.messageId(), inbound.messageId(), index, pending.toString());
        index++;
        pending.setLength(0);
        publisher.publishToken(chunk).subscribe(null, e -> log.debug("Draft chunk not published: {}", e.toString()));
    }
}

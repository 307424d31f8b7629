package dev.supportsuite.gateway.console;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.chat.ChatTypingEvent;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.TurnMessage;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What the consoles connected to this gateway hear, as it happens: the queue changed (a handoff was
 * queued, claimed or handed back), a conversation got new messages (from the transcript events,
 * so customer messages, AI and human replies and system notes all arrive the same way), and a
 * customer is typing. Consoles subscribe over server-sent events. Each console has a bounded buffer of its own: a burst (fifty
 * claims at once) waits there while the console's connection writes, and only a console that stays
 * behind by more than {@link #BUFFER} events loses the oldest ones, without slowing the others; it
 * reloads what it shows on the next event it gets.
 */
public final class ConsoleFeed {

    static final int BUFFER = 1024;
    private static final Duration EMIT_RETRY = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(ConsoleFeed.class);

    private final Sinks.Many<Map<String, Object>> events = Sinks.many().multicast().directBestEffort();

    /**
     * The updates from now on for one console. The buffer asks the sink for everything, so the sink
     * never finds this console without demand and never skips it.
     */
    public Flux<Map<String, Object>> events() {
        return events.asFlux().onBackpressureBuffer(BUFFER,
                dropped -> log.warn("A console fell {} events behind; dropped its oldest update type={}", BUFFER,
                        dropped.get("type")),
                BufferOverflowStrategy.DROP_OLDEST);
    }

    /** Handles an event from {@code ticket-events}, {@code conversation-events} or {@code chat-inbound}. */
    public Mono<Void> on(Event event) {
        return Mono.fromRunnable(() -> {
            Map<String, Object> update = toUpdate(event);
            if (update != null) {
                // Ticket and transcript events arrive on different consumer threads, often at the same
                // moment (an escalation publishes both): a plain tryEmitNext would drop the loser.
                events.emitNext(update, Sinks.EmitFailureHandler.busyLooping(EMIT_RETRY));
            }
        });
    }

    static Map<String, Object> toUpdate(Event event) {
        if (event instanceof TicketOpenedEvent opened) {
            return "escalation".equals(opened.category())
                    ? queue("queued", opened.conversationId(), null) : null;
        }
        if (event instanceof HandoffClaimedEvent claimed) {
            Map<String, Object> update = queue("claimed", claimed.conversationId(), claimed.handoffId());
            update.put("agent_id", claimed.agentId());
            return update;
        }
        if (event instanceof HandoffReleasedEvent released) {
            Map<String, Object> update = queue(released.outcome(), released.conversationId(), released.handoffId());
            update.put("agent_id", released.agentId());
            return update;
        }
        if (event instanceof ChatTypingEvent typing) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("type", "typing");
            update.put("conversation_id", typing.conversationId());
            update.put("user_id", typing.userId());
            return update;
        }
        if (event instanceof ConversationTurnRecordedEvent turn) {
            List<Map<String, Object>> messages = new ArrayList<>();
            if (turn.userMessage() != null) {
                messages.add(message(turn.userMessage(), turn));
            }
            if (turn.reply() != null) {
                messages.add(message(turn.reply(), turn));
            }
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("type", "turn");
            update.put("conversation_id", turn.conversationId());
            update.put("user_id", turn.userId());
            update.put("escalated", turn.escalated());
            update.put("messages", messages);
            return update;
        }
        return null;
    }

    private static Map<String, Object> queue(String change, String conversationId, String handoffId) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("type", "queue");
        update.put("change", change);
        update.put("conversation_id", conversationId);
        if (handoffId != null) {
            update.put("handoff_id", handoffId);
        }
        return update;
    }

    private static Map<String, Object> message(TurnMessage message, ConversationTurnRecordedEvent turn) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("message_id", message.messageId());
        view.put("role", message.role());
        view.put("content", message.content());
        view.put("sent_at", message.sentAt() == null ? null : message.sentAt().toString());
        if ("user".equals(message.role())) {
            view.put("intent", turn.intent());
            view.put("sentiment", turn.sentiment());
        } else {
            view.put("citations", turn.citations());
            view.put("tool_calls", turn.toolCalls());
        }
        return view;
    }
}

package dev.supportsuite.gateway.console;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.conversation.TurnMessage;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What the consoles connected to this gateway hear, as it happens: the queue changed (a handoff was
 * queued, claimed or handed back) and a conversation got new messages (from the transcript events,
 * so customer messages, AI and human replies and system notes all arrive the same way). Consoles
 * subscribe over server-sent events; a slow console misses events rather than slowing the others,
 * and reloads what it shows on the next one.
 */
public final class ConsoleFeed {

    private final Sinks.Many<Map<String, Object>> events = Sinks.many().multicast().directBestEffort();

    public Flux<Map<String, Object>> events() {
        return events.asFlux();
    }

    /** Handles an event from {@code ticket-events} or {@code conversation-events}. */
    public Mono<Void> on(Event event) {
        return Mono.fromRunnable(() -> {
            Map<String, Object> update = toUpdate(event);
            if (update != null) {
                events.tryEmitNext(update);
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

package dev.supportsuite.gateway.chat.domain;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** The live sockets of this instance, by conversation. A conversation may be open in several tabs. */
public final class ConversationSessions {

    /** A registered socket; closing it unregisters. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentMap<String, Set<Consumer<ChatOutboundMessage>>> sessions = new ConcurrentHashMap<>();

    public Registration register(String conversationId, Consumer<ChatOutboundMessage> delivery) {
        sessions.computeIfAbsent(conversationId, id -> new CopyOnWriteArraySet<>()).add(delivery);
        return () -> sessions.computeIfPresent(conversationId, (id, set) -> {
            set.remove(delivery);
            return set.isEmpty() ? null : set;
        });
    }

    /** Delivers to every socket of the conversation on this instance; returns how many got it. */
    public int deliver(ChatOutboundMessage message) {
        Set<Consumer<ChatOutboundMessage>> targets = sessions.get(message.conversationId());
        if (targets == null) {
            return 0;
        }
        targets.forEach(target -> target.accept(message));
        return targets.size();
    }

    public int openConversations() {
        return sessions.size();
    }
}

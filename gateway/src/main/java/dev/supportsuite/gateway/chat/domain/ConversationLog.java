package dev.supportsuite.gateway.chat.domain;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.contracts.chat.ChatTokenEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Per conversation: the sequence counter, the most recent messages sent to the customer, and the
 * sockets listening. Numbering, keeping and delivering happen under one lock per conversation, so a
 * socket that joins "after seq N" gets every later message exactly once and in order: first the
 * kept ones, then the live ones, never interleaved. In memory, per gateway instance.
 */
public final class ConversationLog {

    /**
     * A frame with the sequence number it was sent under: a message (kept for resumes) or a chunk of a
     * draft still being written (delivered live only; the final message replaces it).
     */
    public record Sequenced(long seq, ChatOutboundMessage message, ChatTokenEvent token) {

        public Sequenced(long seq, ChatOutboundMessage message) {
            this(seq, message, null);
        }
    }

    /** A socket's place in a conversation; closing it stops live delivery. */
    public interface Subscription extends AutoCloseable {

        /** Kept messages numbered after {@code afterSeq} and sent before this subscription began. */
        List<Sequenced> replay(long afterSeq);

        /** Whether messages after {@code afterSeq} are no longer all kept (the client missed some for good). */
        boolean hasGap(long afterSeq);

        @Override
        void close();
    }

    private static final class Conversation {
        long seq;
        final ArrayDeque<Sequenced> recent = new ArrayDeque<>();
        final Set<Consumer<Sequenced>> listeners = new CopyOnWriteArraySet<>();
    }

    private final int keptPerConversation;
    private final Map<String, Conversation> conversations;

    public ConversationLog(int keptPerConversation, int maxConversations) {
        this.keptPerConversation = keptPerConversation;
        this.conversations = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
                return size() > maxConversations && eldest.getValue().listeners.isEmpty();
            }
        };
    }

    private Conversation conversation(String id) {
        synchronized (conversations) {
            return conversations.computeIfAbsent(id, key -> new Conversation());
        }
    }

    /** The next sequence number of the conversation (for frames that are not kept, such as acks). */
    public long nextSeq(String conversationId) {
        Conversation conversation = conversation(conversationId);
        synchronized (conversation) {
            return ++conversation.seq;
        }
    }

    /**
     * Numbers, keeps and delivers a message to every socket of its conversation; returns how many got it.
     * A message whose id is among the kept ones (the agent republished it after running a turn again) is
     * delivered once only.
     */
    public int append(ChatOutboundMessage message) {
        Conversation conversation = conversation(message.conversationId());
        synchronized (conversation) {
            if (message.messageId() != null
                    && conversation.recent.stream().anyMatch(kept -> message.messageId().equals(kept.message().messageId()))) {
                return 0;
            }
            Sequenced sequenced = new Sequenced(++conversation.seq, message);
            conversation.recent.addLast(sequenced);
            if (conversation.recent.size() > keptPerConversation) {
                conversation.recent.removeFirst();
            }
            conversation.listeners.forEach(listener -> listener.accept(sequenced));
            return conversation.listeners.size();
        }
    }

    /** Delivers a draft chunk to the conversation's sockets under the next sequence number, without keeping it. */
    public void stream(ChatTokenEvent token) {
        Conversation conversation = conversation(token.conversationId());
        synchronized (conversation) {
            if (conversation.listeners.isEmpty()) {
                return;
            }
            Sequenced sequenced = new Sequenced(++conversation.seq, null, token);
            conversation.listeners.forEach(listener -> listener.accept(sequenced));
        }
    }

    /**
     * Joins a conversation: the kept messages after {@code afterSeq} go to {@code listener} first
     * (when {@code afterSeq} is not null), then every new one.
     */
    public Subscription subscribe(String conversationId, Long afterSeq, Consumer<Sequenced> listener) {
        Conversation conversation = conversation(conversationId);
        long joinedAt;
        synchronized (conversation) {
            if (afterSeq != null) {
                for (Sequenced kept : conversation.recent) {
                    if (kept.seq() > afterSeq) {
                        listener.accept(kept);
                    }
                }
            }
            joinedAt = conversation.seq;
            conversation.listeners.add(listener);
        }
        return new Subscription() {
            @Override
            public List<Sequenced> replay(long after) {
                synchronized (conversation) {
                    List<Sequenced> missed = new ArrayList<>();
                    for (Sequenced kept : conversation.recent) {
                        if (kept.seq() > after && kept.seq() <= joinedAt) {
                            missed.add(kept);
                        }
                    }
                    return missed;
                }
            }

            @Override
            public boolean hasGap(long after) {
                synchronized (conversation) {
                    Sequenced oldest = conversation.recent.peekFirst();
                    return oldest != null && oldest.seq() > after + 1 && after < joinedAt
                            && conversation.recent.size() >= keptPerConversation;
                }
            }

            @Override
            public void close() {
                conversation.listeners.remove(listener);
            }
        };
    }
}

package dev.supportsuite.gateway.chat.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which caller a conversation id belongs to, so no one can write into, or resume, another user's
 * conversation by naming its id. The first caller to use an id owns it. Bounded and in memory:
 * until the gateway reads ownership from memory-service, an id unused for long enough can be
 * claimed again, and ownership is per gateway instance.
 */
public final class ConversationOwners {

    private final Map<String, String> owners;

    public ConversationOwners(int capacity) {
        this.owners = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when {@code owner} owns the conversation now (it was free or already theirs). */
    public boolean claim(String conversationId, String owner) {
        synchronized (owners) {
            String current = owners.putIfAbsent(conversationId, owner);
            return current == null || current.equals(owner);
        }
    }
}

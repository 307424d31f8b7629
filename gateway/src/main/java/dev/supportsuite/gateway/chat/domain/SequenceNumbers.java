package dev.supportsuite.gateway.chat.domain;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-conversation sequence numbers for everything the gateway sends and accepts, so a client can
 * order frames. In memory: the conversation lives on the instance holding its socket.
 */
public final class SequenceNumbers {

    private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    public long next(String conversationId) {
        return counters.computeIfAbsent(conversationId, id -> new AtomicLong()).incrementAndGet();
    }

    public void forget(String conversationId) {
        counters.remove(conversationId);
    }
}

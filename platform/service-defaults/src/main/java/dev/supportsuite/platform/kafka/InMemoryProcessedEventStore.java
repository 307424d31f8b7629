package dev.supportsuite.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Processed event ids in a bounded in-memory map, for services without a database (the gateway).
 * It forgets the oldest ids past its capacity and everything on restart, which suits consumers
 * whose work is itself transient, such as delivering to a socket.
 */
public class InMemoryProcessedEventStore implements ProcessedEventStore {

    private final Map<String, Boolean> seen;

    public InMemoryProcessedEventStore(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Mono<Boolean> isProcessed(String group, UUID eventId) {
        synchronized (seen) {
            return Mono.just(seen.containsKey(group + '/' + eventId));
        }
    }

    @Override
    public Mono<Void> markProcessed(String group, UUID eventId) {
        synchronized (seen) {
            seen.put(group + '/' + eventId, Boolean.TRUE);
        }
        return Mono.empty();
    }
}

package dev.supportsuite.gateway.security.domain;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Counts open WebSocket connections per user and refuses the one past the limit. */
public final class ConnectionLimiter {

    /** An admitted connection; release it when the socket closes. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final int maxPerUser;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    public ConnectionLimiter(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /** A permit, or null when {@code user} already holds the maximum. */
    public Permit tryOpen(String user) {
        boolean[] admitted = {false};
        open.compute(user, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerUser) {
                return current;
            }
            admitted[0] = true;
            return current + 1;
        });
        if (!admitted[0]) {
            return null;
        }
        boolean[] released = {false};
        return () -> {
            synchronized (released) {
                if (released[0]) {
                    return;
                }
                released[0] = true;
            }
            open.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
        };
    }

    public int maxPerUser() {
        return maxPerUser;
    }
}

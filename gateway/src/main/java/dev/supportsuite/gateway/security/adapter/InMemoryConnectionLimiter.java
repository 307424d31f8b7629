package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/** Counts the open sockets of one gateway per user and refuses the one past the limit. */
public final class InMemoryConnectionLimiter implements ConnectionLimiter {

    private final int maxPerUser;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    public InMemoryConnectionLimiter(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    @Override
    public Mono<Permit> tryOpen(String user) {
        return Mono.fromSupplier(() -> tryOpenNow(user));
    }

    @Override
    public int maxPerUser() {
        return maxPerUser;
    }

    /** A permit if {@code user} holds fewer than the maximum here, else {@link Permit#denied()}. */
    public Permit tryOpenNow(String user) {
        boolean[] admitted = {false};
        open.compute(user, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerUser) {
                return current;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0] ? new LocalPermit(user) : Permit.denied();
    }

    /** Counts a socket another authority (Redis) admitted, so this instance knows its own sockets. */
    public Permit register(String user) {
        open.merge(user, 1, Integer::sum);
        return new LocalPermit(user);
    }

    private final class LocalPermit implements Permit {

        private final String user;
        private final AtomicBoolean released = new AtomicBoolean();

        LocalPermit(String user) {
            this.user = user;
        }

        @Override
        public boolean admitted() {
            return true;
        }

        @Override
        public Mono<Void> keepAlive() {
            return Mono.never();
        }

        @Override
        public Mono<Void> release() {
            return Mono.fromRunnable(() -> {
                if (released.compareAndSet(false, true)) {
                    open.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
                }
            });
        }
    }
}

package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Open sockets per user across every gateway on one Redis: each socket holds a lease in the user's
 * sorted set ({@code support:limit:ws:<user>}, member = socket id, score = lease expiry on Redis's
 * clock), renewed every third of the lease while the socket is open and removed when it closes.
 * Expired leases do not count, so the sockets of a gateway that crashed free their places after one
 * lease. Admission is one Lua script.
 *
 * <p>Every socket is also counted in this instance's memory. When Redis fails or is too slow, admission
 * uses that count (the limit then holds per gateway), and the socket's renewals put its lease into
 * Redis once Redis answers again.
 */
public final class RedisConnectionLimiter implements ConnectionLimiter {

    static final String KEY_PREFIX = "support:limit:ws:";
    private static final RedisLimitStore.Script ADMIT = RedisLimitStore.Script.load("connection-admit.lua");
    private static final RedisLimitStore.Script RENEW = RedisLimitStore.Script.load("connection-renew.lua");

    private final RedisLimitStore store;
    private final InMemoryConnectionLimiter local;
    private final RedisOutage outage;
    private final Duration lease;
    private final String leaseMillis;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();

    public RedisConnectionLimiter(RedisLimitStore store, Duration lease, InMemoryConnectionLimiter local,
            RedisOutage outage) {
        this.store = store;
        this.local = local;
        this.outage = outage;
        this.lease = lease;
        this.leaseMillis = Long.toString(lease.toMillis());
    }

    @Override
    public Mono<Permit> tryOpen(String user) {
        return Mono.defer(() -> {
            String key = KEY_PREFIX + user;
            String socket = instance + ":" + sequence.incrementAndGet();
            return store.run(ADMIT, key, Integer.toString(local.maxPerUser()), leaseMillis, socket)
                    .doOnNext(answer -> outage.answered())
                    .map(admitted -> admitted == 1 ? new Lease(key, socket, local.register(user)) : Permit.denied())
                    .onErrorResume(e -> {
                        outage.fellBack("connection admission", e);
                        Permit counted = local.tryOpenNow(user);
                        return Mono.just(counted.admitted() ? new Lease(key, socket, counted) : Permit.denied());
                    });
        });
    }

    @Override
    public int maxPerUser() {
        return local.maxPerUser();
    }

    private final class Lease implements Permit {

        private final String key;
        private final String socket;
        private final Permit counted;

        Lease(String key, String socket, Permit counted) {
            this.key = key;
            this.socket = socket;
            this.counted = counted;
        }

        @Override
        public boolean admitted() {
            return true;
        }

        @Override
        public Mono<Void> keepAlive() {
            return Flux.interval(lease.dividedBy(3))
                    .concatMap(tick -> store.run(RENEW, key, leaseMillis, socket)
                            .doOnNext(renewed -> outage.answered())
                            .onErrorResume(e -> {
                                outage.fellBack("lease renewal", e);
                                return Mono.empty();
                            }))
                    .then();
        }

        @Override
        public Mono<Void> release() {
            return counted.release()
                    .then(store.remove(key, socket))
                    .onErrorResume(e -> {
                        // The lease expires by itself; nothing else to do.
                        outage.fellBack("lease release", e);
                        return Mono.empty();
                    })
                    .then();
        }
    }
}

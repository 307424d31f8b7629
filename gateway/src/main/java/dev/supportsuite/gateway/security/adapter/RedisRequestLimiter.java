package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.RequestLimiter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The request limit shared by every gateway on one Redis: the exact sliding window of
 * {@link InMemoryRequestLimiter}, kept as a sorted set per key ({@code support:limit:req:<key>}) that
 * one Lua script trims, counts, adds to and expires, on Redis's clock. When Redis fails or does not
 * answer within the store's timeout, this decision is the in-memory one: every request is counted
 * in memory too, so the limit still holds per gateway during an outage.
 */
public final class RedisRequestLimiter implements RequestLimiter {

    static final String KEY_PREFIX = "support:limit:req:";
    private static final RedisLimitStore.Script SCRIPT = RedisLimitStore.Script.load("request-limit.lua");

    private final RedisLimitStore store;
    private final InMemoryRequestLimiter local;
    private final RedisOutage outage;
    private final String limit;
    private final String windowMicros;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();

    public RedisRequestLimiter(RedisLimitStore store, int limit, Duration period, InMemoryRequestLimiter local,
            RedisOutage outage) {
        this.store = store;
        this.local = local;
        this.outage = outage;
        this.limit = Integer.toString(limit);
        this.windowMicros = Long.toString(period.toNanos() / 1000);
    }

    @Override
    public Mono<Decision> tryAcquire(String key) {
        return Mono.defer(() -> {
            Decision inMemory = local.tryAcquireNow(key);
            return store.run(SCRIPT, KEY_PREFIX + key, limit, windowMicros, instance + ":" + sequence.incrementAndGet())
                    .map(waitMicros -> waitMicros == 0 ? Decision.allow()
                            : Decision.deny(Duration.of(waitMicros, ChronoUnit.MICROS)))
                    .doOnNext(decision -> outage.answered())
                    .onErrorResume(e -> {
                        outage.fellBack("request limit", e);
                        return Mono.just(inMemory);
                    });
        });
    }
}

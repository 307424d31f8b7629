package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.RequestLimiter;
import dev.supportsuite.gateway.security.domain.SlidingWindowLimiter;
import java.time.Duration;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/** The request limit of one gateway, in its own memory: exact, but each instance counts alone. */
public final class InMemoryRequestLimiter implements RequestLimiter {

    private final SlidingWindowLimiter window;

    public InMemoryRequestLimiter(int limit, Duration period, LongSupplier nanoTime) {
        this.window = new SlidingWindowLimiter(limit, period, nanoTime);
    }

    @Override
    public Mono<Decision> tryAcquire(String key) {
        return Mono.just(tryAcquireNow(key));
    }

    /** The same decision, without a publisher around it (the Redis adapter's fallback counts with it). */
    public Decision tryAcquireNow(String key) {
        return window.tryAcquire(key);
    }
}

package dev.supportsuite.gateway.security.domain;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The requests-per-minute limit of the edge: at most a configured number of requests per key
 * (an identity, or an address for anonymous callers) in any window of a minute, an exact sliding
 * window. Adapters: in memory (one gateway) and Redis (every gateway sharing one count).
 */
public interface RequestLimiter {

    /** Counts one request for {@code key}: allowed, or denied with how long until one is allowed. */
    Mono<Decision> tryAcquire(String key);

    /** The outcome of one attempt: allowed, or denied with how long until one is allowed. */
    record Decision(boolean allowed, Duration retryAfter) {

        private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        public static Decision allow() {
            return ALLOWED;
        }

        public static Decision deny(Duration retryAfter) {
            return new Decision(false, retryAfter);
        }
    }
}

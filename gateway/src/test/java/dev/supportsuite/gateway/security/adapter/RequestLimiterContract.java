package dev.supportsuite.gateway.security.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.gateway.security.domain.RequestLimiter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RequestLimiter} adapter does: an exact sliding window per key. */
abstract class RequestLimiterContract {

    private final String caller = "visitor:" + UUID.randomUUID();

    /** A fresh limiter of {@code limit} requests per {@code period}. */
    abstract RequestLimiter limiter(int limit, Duration period) throws Exception;

    @Test
    void refusesTheRequestPastTheLimitAndSaysWhenTheOldestLeavesTheWindow() throws Exception {
        RequestLimiter limiter = limiter(3, Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertThat(acquire(limiter, caller).allowed()).as("request " + (i + 1)).isTrue();
        }

        RequestLimiter.Decision fourth = acquire(limiter, caller);

        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
    }

    @Test
    void allowsAgainOnceTheOldestRequestLeavesTheWindow() throws Exception {
        RequestLimiter limiter = limiter(2, Duration.ofMillis(600));
        assertThat(acquire(limiter, caller).allowed()).isTrue();
        Thread.sleep(200);
        assertThat(acquire(limiter, caller).allowed()).isTrue();
        RequestLimiter.Decision refused = acquire(limiter, caller);
        assertThat(refused.allowed()).isFalse();

        Thread.sleep(refused.retryAfter().toMillis() + 20);

        assertThat(acquire(limiter, caller).allowed()).isTrue();
        assertThat(acquire(limiter, caller).allowed()).as("only the oldest left the window").isFalse();
    }

    @Test
    void countsEachKeySeparately() throws Exception {
        RequestLimiter limiter = limiter(2, Duration.ofSeconds(60));
        acquire(limiter, caller);
        acquire(limiter, caller);
        assertThat(acquire(limiter, caller).allowed()).isFalse();
        assertThat(acquire(limiter, caller + "-other").allowed()).isTrue();
    }

    @Test
    void aRefusedRequestDoesNotCount() throws Exception {
        RequestLimiter limiter = limiter(1, Duration.ofMillis(500));
        assertThat(acquire(limiter, caller).allowed()).isTrue();
        Thread.sleep(250);
        assertThat(acquire(limiter, caller).allowed()).isFalse();
        Thread.sleep(300);
        assertThat(acquire(limiter, caller).allowed()).as("the refused request did not renew the window").isTrue();
    }

    static RequestLimiter.Decision acquire(RequestLimiter limiter, String key) {
        return limiter.tryAcquire(key).block(Duration.ofSeconds(5));
    }
}

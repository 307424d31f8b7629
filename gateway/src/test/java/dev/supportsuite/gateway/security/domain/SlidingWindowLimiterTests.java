package dev.supportsuite.gateway.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTests {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofSeconds(60), clock::get);

    @Test
    void refusesTheRequestPastTheLimitWithinTheWindowAndSaysWhenToRetry() {
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        advance(Duration.ofSeconds(40));

        RequestLimiter.Decision fourth = limiter.tryAcquire("a");

        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void allowsAgainOnceTheOldestRequestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        advance(Duration.ofSeconds(60));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void countsEachKeySeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }
}

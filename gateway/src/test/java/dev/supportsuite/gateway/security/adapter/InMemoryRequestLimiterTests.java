package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.RequestLimiter;
import java.time.Duration;

class InMemoryRequestLimiterTests extends RequestLimiterContract {

    @Override
    RequestLimiter limiter(int limit, Duration period) {
        return new InMemoryRequestLimiter(limit, period, System::nanoTime);
    }
}

package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.ConnectionLimiter;

class InMemoryConnectionLimiterTests extends ConnectionLimiterContract {

    @Override
    ConnectionLimiter limiter(int maxPerUser) {
        return new InMemoryConnectionLimiter(maxPerUser);
    }
}

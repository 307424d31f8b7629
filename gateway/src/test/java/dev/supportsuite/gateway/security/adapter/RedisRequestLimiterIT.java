package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.RequestLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request limit contract against a real Redis. */
class RedisRequestLimiterIT extends RequestLimiterContract {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final List<RedisLimitStore> stores = new ArrayList<>();

    @Override
    RequestLimiter limiter(int limit, Duration period) throws Exception {
        RedisLimitStore store = new RedisLimitStore(redis.url(), Duration.ofMillis(250));
        stores.add(store);
        return new RedisRequestLimiter(store, limit, period, new InMemoryRequestLimiter(limit, period,
                System::nanoTime), new RedisOutage(Duration.ofMinutes(1), System::nanoTime));
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisLimitStore::close);
    }
}

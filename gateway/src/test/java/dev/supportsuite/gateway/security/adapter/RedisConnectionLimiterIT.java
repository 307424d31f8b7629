package dev.supportsuite.gateway.security.adapter;

import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sockets-per-user contract against a real Redis. */
class RedisConnectionLimiterIT extends ConnectionLimiterContract {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final List<RedisLimitStore> stores = new ArrayList<>();

    @Override
    ConnectionLimiter limiter(int maxPerUser) throws Exception {
        RedisLimitStore store = new RedisLimitStore(redis.url(), Duration.ofMillis(250));
        stores.add(store);
        return new RedisConnectionLimiter(store, Duration.ofSeconds(30), new InMemoryConnectionLimiter(maxPerUser),
                new RedisOutage(Duration.ofMinutes(1), System::nanoTime));
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisLimitStore::close);
    }
}

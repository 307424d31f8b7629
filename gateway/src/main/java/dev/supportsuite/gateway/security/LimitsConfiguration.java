package dev.supportsuite.gateway.security;

import dev.supportsuite.gateway.security.adapter.InMemoryConnectionLimiter;
import dev.supportsuite.gateway.security.adapter.InMemoryRequestLimiter;
import dev.supportsuite.gateway.security.adapter.RedisConnectionLimiter;
import dev.supportsuite.gateway.security.adapter.RedisLimitStore;
import dev.supportsuite.gateway.security.adapter.RedisOutage;
import dev.supportsuite.gateway.security.adapter.RedisRequestLimiter;
import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import dev.supportsuite.gateway.security.domain.RequestLimiter;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The shared limits (requests per minute, sockets per user): in Redis when
 * {@code support.gateway.limits.redis.url} ({@code SUPPORT_REDIS_URL}) is set, so every gateway counts
 * together, else in this gateway's memory. Startup logs which.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LimitsConfiguration.class);
    private static final Duration REQUEST_WINDOW = Duration.ofMinutes(1);
    static final String REDIS_URL = "support.gateway.limits.redis.url";

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisUrlSet.class)
    static class Shared {

        @Bean(destroyMethod = "close")
        RedisLimitStore redisLimitStore(LimitsProperties limits) {
            RedisLimitStore store = new RedisLimitStore(limits.redis().url(), limits.redis().timeout());
            log.info("Limits shared in Redis at {} (timeout {}, socket lease {}); a decision falls back to this "
                    + "gateway's memory while Redis is unavailable", store.address(), limits.redis().timeout(),
                    limits.redis().connectionLease());
            return store;
        }

        @Bean
        RedisOutage redisOutage(LimitsProperties limits) {
            return new RedisOutage(limits.redis().warnInterval(), System::nanoTime);
        }

        @Bean
        RequestLimiter requestLimiter(RedisLimitStore store, RedisOutage outage, LimitsProperties limits) {
            return new RedisRequestLimiter(store, limits.requestsPerMinute(), REQUEST_WINDOW,
                    new InMemoryRequestLimiter(limits.requestsPerMinute(), REQUEST_WINDOW, System::nanoTime), outage);
        }

        @Bean
        ConnectionLimiter connectionLimiter(RedisLimitStore store, RedisOutage outage, LimitsProperties limits) {
            return new RedisConnectionLimiter(store, limits.redis().connectionLease(),
                    new InMemoryConnectionLimiter(limits.wsConnectionsPerUser()), outage);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisUrlNotSet.class)
    static class InMemory {

        @Bean
        RequestLimiter requestLimiter(LimitsProperties limits) {
            log.info("Limits in memory: each gateway instance counts alone (set SUPPORT_REDIS_URL to share them)");
            return new InMemoryRequestLimiter(limits.requestsPerMinute(), REQUEST_WINDOW, System::nanoTime);
        }

        @Bean
        ConnectionLimiter connectionLimiter(LimitsProperties limits) {
            return new InMemoryConnectionLimiter(limits.wsConnectionsPerUser());
        }
    }

    static final class RedisUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty(REDIS_URL);
            return url != null && !url.isBlank();
        }
    }

    static final class RedisUrlNotSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new RedisUrlSet().matches(context, metadata);
        }
    }
}

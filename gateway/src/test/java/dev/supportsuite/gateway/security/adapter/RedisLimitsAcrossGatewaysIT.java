package dev.supportsuite.gateway.security.adapter;

import static dev.supportsuite.gateway.security.adapter.ConnectionLimiterContract.open;
import static dev.supportsuite.gateway.security.adapter.ConnectionLimiterContract.openAll;
import static dev.supportsuite.gateway.security.adapter.RequestLimiterContract.acquire;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import dev.supportsuite.gateway.security.domain.RequestLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * Two gateways (each its own connection, in-memory fallback and outage log) sharing one real Redis:
 * they share the limits, a lease that is not renewed frees its place, and when Redis dies or hangs each
 * decides in memory within the timeout, then shares again once Redis is back.
 */
class RedisLimitsAcrossGatewaysIT {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final Duration TIMEOUT = Duration.ofMillis(250);
    /** What a fallen-back decision may take beyond the timeout on a busy 2-core machine. */
    private static final Duration SLACK = Duration.ofMillis(400);

    private final List<RedisLimitStore> stores = new ArrayList<>();
    private final Disposable.Composite keptAlive = Disposables.composite();
    private final String caller = "visitor:" + UUID.randomUUID();
    private final String user = "user:" + UUID.randomUUID();

    /** One gateway's view of the limits. */
    private record Gateway(RequestLimiter requests, ConnectionLimiter connections, RedisOutage outage) {
    }

    private Gateway gateway(Duration lease) throws Exception {
        RedisLimitStore store = new RedisLimitStore(redis.url(), TIMEOUT);
        stores.add(store);
        RedisOutage outage = new RedisOutage(Duration.ofMinutes(1), System::nanoTime);
        Duration minute = Duration.ofMinutes(1);
        return new Gateway(
                new RedisRequestLimiter(store, 60, minute, new InMemoryRequestLimiter(60, minute, System::nanoTime),
                        outage),
                new RedisConnectionLimiter(store, lease, new InMemoryConnectionLimiter(5), outage),
                outage);
    }

    @AfterEach
    void closeGateways() throws Exception {
        keptAlive.dispose();
        stores.forEach(RedisLimitStore::close);
        redis.kill();
        redis.start();
    }

    @Test
    void twoGatewaysShareSixtyRequestsAMinute() throws Exception {
        Gateway a = gateway(Duration.ofSeconds(30));
        Gateway b = gateway(Duration.ofSeconds(30));
        for (int i = 1; i <= 60; i++) {
            assertThat(acquire(i % 2 == 0 ? a.requests() : b.requests(), caller).allowed()).as("request " + i)
                    .isTrue();
        }

        RequestLimiter.Decision onA = acquire(a.requests(), caller);
        RequestLimiter.Decision onB = acquire(b.requests(), caller);

        assertThat(onA.allowed()).isFalse();
        assertThat(onB.allowed()).isFalse();
        assertThat(onB.retryAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
        assertThat(a.outage().fallbacks() + b.outage().fallbacks()).isZero();
    }

    @Test
    void theSixthSocketOfAUserAcrossTwoGatewaysIsRefused() throws Exception {
        Gateway a = gateway(Duration.ofSeconds(30));
        Gateway b = gateway(Duration.ofSeconds(30));
        List<ConnectionLimiter.Permit> onA = openAll(a.connections(), user, 3);
        openAll(b.connections(), user, 2);

        assertThat(open(a.connections(), user).admitted()).isFalse();
        assertThat(open(b.connections(), user).admitted()).isFalse();

        onA.get(0).release().block(Duration.ofSeconds(5));
        assertThat(open(b.connections(), user).admitted()).as("a socket closed on A frees a place on B").isTrue();
    }

    @Test
    void aLeaseThatIsNotRenewedExpiresAndFreesItsPlace() throws Exception {
        Duration lease = Duration.ofMillis(900);
        Gateway crashed = gateway(lease);
        Gateway alive = gateway(lease);
        Gateway other = gateway(lease);
        openAll(crashed.connections(), user, 3);
        keepAlive(openAll(alive.connections(), user, 2));
        assertThat(open(other.connections(), user).admitted()).isFalse();

        Thread.sleep(lease.toMillis() * 2);

        // The crashed gateway's three leases expired; the two renewed ones still count.
        assertThat(openAll(other.connections(), user, 3)).allMatch(ConnectionLimiter.Permit::admitted);
        assertThat(open(other.connections(), user).admitted()).isFalse();
    }

    @Test
    void whenRedisDiesEachGatewayDecidesInMemoryAndSharesAgainWhenItIsBack() throws Exception {
        Gateway a = gateway(Duration.ofMillis(900));
        Gateway b = gateway(Duration.ofMillis(900));
        for (int i = 0; i < 50; i++) {
            acquire(a.requests(), caller);
        }
        keepAlive(openAll(a.connections(), user, 2));

        redis.kill();

        // A counted its own 50 requests in memory too: 10 more, then refused, each decided within the timeout.
        for (int i = 1; i <= 10; i++) {
            assertThat(timedAcquire(a.requests(), caller).allowed()).as("request " + (50 + i)).isTrue();
        }
        assertThat(timedAcquire(a.requests(), caller).allowed()).isFalse();
        assertThat(timedAcquire(b.requests(), caller).allowed()).as("B alone has seen none").isTrue();
        List<ConnectionLimiter.Permit> openedWithoutRedis = openAll(a.connections(), user, 3);
        assertThat(openedWithoutRedis).allMatch(ConnectionLimiter.Permit::admitted);
        keepAlive(openedWithoutRedis);
        assertThat(timedOpen(a.connections(), user).admitted()).as("A counts its own five").isFalse();
        assertThat(a.outage().fallbacks()).isPositive();

        redis.start();
        awaitShared(b);

        // Back to one count: the restarted Redis is empty, and A's open sockets renew their leases into it.
        String fresh = caller + "-after";
        for (int i = 1; i <= 60; i++) {
            assertThat(acquire(i % 2 == 0 ? a.requests() : b.requests(), fresh).allowed()).as("request " + i)
                    .isTrue();
        }
        assertThat(acquire(b.requests(), fresh).allowed()).isFalse();
        awaitTrue(() -> {
            ConnectionLimiter.Permit probe = open(b.connections(), user);
            probe.release().block(Duration.ofSeconds(5));
            return !probe.admitted();
        }, Duration.ofSeconds(5));
    }

    @Test
    void whenRedisHangsADecisionFallsBackAfterTheTimeout() throws Exception {
        Gateway a = gateway(Duration.ofSeconds(30));
        assertThat(acquire(a.requests(), caller).allowed()).isTrue();

        redis.pause();
        try {
            long start = System.nanoTime();
            RequestLimiter.Decision decision = acquire(a.requests(), caller);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(decision.allowed()).isTrue();
            assertThat(took).isBetween(TIMEOUT.minusMillis(20), TIMEOUT.plus(SLACK));
            assertThat(timedOpen(a.connections(), user).admitted()).isTrue();
            assertThat(a.outage().fallbacks()).isEqualTo(2);
        } finally {
            redis.resume();
        }
        awaitShared(a);
    }

    private RequestLimiter.Decision timedAcquire(RequestLimiter limiter, String key) {
        long start = System.nanoTime();
        RequestLimiter.Decision decision = acquire(limiter, key);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(SLACK));
        return decision;
    }

    private ConnectionLimiter.Permit timedOpen(ConnectionLimiter limiter, String key) {
        long start = System.nanoTime();
        ConnectionLimiter.Permit permit = open(limiter, key);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(SLACK));
        return permit;
    }

    private void keepAlive(List<ConnectionLimiter.Permit> permits) {
        permits.forEach(permit -> keptAlive.add(permit.keepAlive().subscribe()));
    }

    /** Waits until a decision of {@code gateway} is Redis's again (it no longer falls back). */
    private static void awaitShared(Gateway gateway) throws InterruptedException {
        String probe = "probe:" + UUID.randomUUID();
        awaitTrue(() -> {
            long before = gateway.outage().fallbacks();
            acquire(gateway.requests(), probe);
            return gateway.outage().fallbacks() == before;
        }, Duration.ofSeconds(10));
    }

    private static void awaitTrue(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + atMost).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}

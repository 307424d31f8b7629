package dev.supportsuite.gateway.security.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectionLimiter} adapter does: at most a maximum of open sockets per user. */
abstract class ConnectionLimiterContract {

    private final String user = "user:" + UUID.randomUUID();

    /** A fresh limiter allowing {@code maxPerUser} sockets per user. */
    abstract ConnectionLimiter limiter(int maxPerUser) throws Exception;

    @Test
    void admitsUpToTheMaximumAndRefusesTheNext() throws Exception {
        ConnectionLimiter limiter = limiter(5);
        List<ConnectionLimiter.Permit> open = openAll(limiter, user, 5);

        assertThat(open).allMatch(ConnectionLimiter.Permit::admitted);
        assertThat(open(limiter, user).admitted()).isFalse();
        assertThat(limiter.maxPerUser()).isEqualTo(5);
    }

    @Test
    void aReleasedPermitGivesItsPlaceBackOnlyOnce() throws Exception {
        ConnectionLimiter limiter = limiter(2);
        List<ConnectionLimiter.Permit> open = openAll(limiter, user, 2);

        open.get(0).release().block(Duration.ofSeconds(5));
        open.get(0).release().block(Duration.ofSeconds(5));

        assertThat(open(limiter, user).admitted()).isTrue();
        assertThat(open(limiter, user).admitted()).as("released twice, freed once").isFalse();
    }

    @Test
    void countsEachUserSeparately() throws Exception {
        ConnectionLimiter limiter = limiter(1);
        assertThat(open(limiter, user).admitted()).isTrue();
        assertThat(open(limiter, user).admitted()).isFalse();
        assertThat(open(limiter, user + "-other").admitted()).isTrue();
    }

    @Test
    void aRefusedPermitHasNothingToRelease() throws Exception {
        ConnectionLimiter limiter = limiter(1);
        open(limiter, user);
        ConnectionLimiter.Permit refused = open(limiter, user);

        refused.release().block(Duration.ofSeconds(5));

        assertThat(open(limiter, user).admitted()).as("still full").isFalse();
    }

    static ConnectionLimiter.Permit open(ConnectionLimiter limiter, String user) {
        return limiter.tryOpen(user).block(Duration.ofSeconds(5));
    }

    static List<ConnectionLimiter.Permit> openAll(ConnectionLimiter limiter, String user, int count) {
        List<ConnectionLimiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            permits.add(open(limiter, user));
        }
        return permits;
    }
}

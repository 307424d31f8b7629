package dev.supportsuite.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits the edge holds for every caller.
 *
 * @param requestsPerMinute         HTTP requests (and socket openings) per identity per minute, or per
 *                                  address for anonymous callers; default 60 ({@code MAX_REQUESTS_PER_MINUTE})
 * @param wsConnectionsPerUser      open chat sockets per identity; the next is closed with 1008; default 5
 *                                  ({@code MAX_WS_CONNECTIONS_PER_USER})
 * @param messagesPerSecondPerSocket chat frames a socket may send per second before it gets
 *                                  {@code rate_limited} error frames; default 5. Always counted in memory:
 *                                  a socket lives on one gateway
 * @param redis                     where the first two limits are shared by every gateway; in memory per
 *                                  gateway when no URL is set
 */
@Validated
@ConfigurationProperties("support.gateway.limits")
public record LimitsProperties(
        @Min(1) @DefaultValue("60") int requestsPerMinute,
        @Min(1) @DefaultValue("5") int wsConnectionsPerUser,
        @Min(1) @DefaultValue("5") int messagesPerSecondPerSocket,
        @Valid @DefaultValue Redis redis) {

    /**
     * Redis for the shared limits.
     *
     * @param url              {@code redis://[:password@]host:port[/db]} ({@code SUPPORT_REDIS_URL}); blank = in memory
     * @param timeout          the longest a limit decision waits for Redis before this gateway decides in
     *                         memory; default 250 ms ({@code SUPPORT_REDIS_TIMEOUT})
     * @param connectionLease  how long a socket's lease lives without renewal (renewed every third of it);
     *                         the sockets of a crashed gateway free their places after it; default 30 s
     * @param warnInterval     at most one warning per interval while decisions fall back to memory; default 1 min
     */
    public record Redis(
            String url,
            @DefaultValue("250ms") Duration timeout,
            @DefaultValue("30s") Duration connectionLease,
            @DefaultValue("1m") Duration warnInterval) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}

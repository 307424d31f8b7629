package dev.supportsuite.gateway.security;

import jakarta.validation.constraints.Min;
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
 *                                  {@code rate_limited} error frames; default 5
 */
@Validated
@ConfigurationProperties("support.gateway.limits")
public record LimitsProperties(
        @Min(1) @DefaultValue("60") int requestsPerMinute,
        @Min(1) @DefaultValue("5") int wsConnectionsPerUser,
        @Min(1) @DefaultValue("5") int messagesPerSecondPerSocket) {
}

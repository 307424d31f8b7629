package dev.supportsuite.gateway.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The chat edge.
 *
 * @param maxMessageSize  largest client frame accepted; larger ones get an {@code error} frame; default 4 KB
 * @param replyTimeout    how long a REST chat call waits for the agent's reply before answering 504;
 *                        default 15 s
 * @param echoEnabled     serve {@code /ws/echo}, a bare WebSocket echo that is the floor the chat
 *                        round trip is benchmarked against; off by default
 * @param keptMessages    messages kept per conversation for clients that reconnect and resume; default 500
 * @param heartbeat       how often the server pings each socket; a socket silent for three
 *                        heartbeats is closed as dead; default 20 s
 */
@Validated
@ConfigurationProperties("support.gateway.chat")
public record ChatProperties(
        @NotNull @DefaultValue("4KB") DataSize maxMessageSize,
        @NotNull @DefaultValue("15s") Duration replyTimeout,
        @DefaultValue("false") boolean echoEnabled,
        @Min(1) @DefaultValue("500") int keptMessages,
        @NotNull @DefaultValue("20s") Duration heartbeat) {
}

package dev.supportsuite.ticket.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay publishes committed events.
 *
 * @param pollInterval how often the relay looks for unsent rows besides the nudge after each commit;
 *                     default 50 ms
 * @param batchSize    rows published per round; default 200
 * @param concurrency  records of one round in flight to Kafka at once (the producer keeps their order);
 *                     default 32
 * @param retention    sent rows older than this are deleted; default 7 days
 */
@Validated
@ConfigurationProperties("support.ticket-service.outbox")
public record OutboxProperties(
        @NotNull @DefaultValue("50ms") Duration pollInterval,
        @Min(1) @Max(10_000) @DefaultValue("200") int batchSize,
        @Min(1) @Max(1024) @DefaultValue("32") int concurrency,
        @NotNull @DefaultValue("7d") Duration retention) {
}

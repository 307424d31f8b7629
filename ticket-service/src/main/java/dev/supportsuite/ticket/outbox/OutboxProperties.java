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
 *                     default 200, a whole round, so the producer packs a round into few requests
 * @param retention    sent rows older than this are deleted; default 7 days
 * @param roundGap     the least time between the end of one drain and the start of the next; under load
 *                     one round then publishes the events of many commits instead of each commit
 *                     costing a round of its own (a transaction, a claim and a mark-sent statement).
 *                     Adds at most this much to the delay of an event; default 20 ms, 0 turns it off
 */
@Validated
@ConfigurationProperties("support.ticket-service.outbox")
public record OutboxProperties(
        @NotNull @DefaultValue("50ms") Duration pollInterval,
        @Min(1) @Max(10_000) @DefaultValue("200") int batchSize,
        @Min(1) @Max(1024) @DefaultValue("200") int concurrency,
        @NotNull @DefaultValue("7d") Duration retention,
        @NotNull @DefaultValue("20ms") Duration roundGap) {
}

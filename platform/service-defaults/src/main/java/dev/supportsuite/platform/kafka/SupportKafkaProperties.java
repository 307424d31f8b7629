package dev.supportsuite.platform.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service talks to Kafka.
 *
 * @param bootstrapServers Kafka's bootstrap servers; default {@code localhost:9092}
 * @param partitions       partitions for topics this service creates when they are missing; default 12, so
 *                         that many conversations (the key of the chat topics) are worked on at once
 * @param maxAttempts      how often a listener runs a handler for one record before the record goes
 *                         to the dead-letter topic; default 4
 * @param retryBackoff     first pause between attempts, doubled each time; default 200 ms
 * @param maxRetryBackoff  the longest pause between attempts; default 2 s
 * @param handlerTimeout   one attempt of a handler fails after this long; default 30 s
 * @param sendTimeout      a publish fails when the broker has not acknowledged it after this long;
 *                         default 10 s
 * @param commitInterval   acknowledged offsets are committed at least this often; default 200 ms
 */
@Validated
@ConfigurationProperties("support.kafka")
public record SupportKafkaProperties(
        @NotBlank @DefaultValue("localhost:9092") String bootstrapServers,
        @Min(1) @DefaultValue("12") int partitions,
        @Min(1) @DefaultValue("4") int maxAttempts,
        @NotNull @DefaultValue("200ms") Duration retryBackoff,
        @NotNull @DefaultValue("2s") Duration maxRetryBackoff,
        @NotNull @DefaultValue("30s") Duration handlerTimeout,
        @NotNull @DefaultValue("10s") Duration sendTimeout,
        @NotNull @DefaultValue("200ms") Duration commitInterval) {
}

package dev.supportsuite.agent.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One circuit breaker per downstream service: it opens when at least {@code failureRate} percent of
 * the last {@code window} calls failed (once {@code minimumCalls} were made), stays open for
 * {@code openFor}, then lets {@code trialCalls} through to decide whether to close again.
 */
@Validated
@ConfigurationProperties("support.agent.circuit-breaker")
public record CircuitBreakerProperties(
        @DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRate,
        @Min(1) @DefaultValue("20") int window,
        @Min(1) @DefaultValue("10") int minimumCalls,
        @NotNull @DefaultValue("10s") Duration openFor,
        @Min(1) @DefaultValue("3") int trialCalls) {
}

package dev.supportsuite.agent.chat.adapter;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * One service the agent depends on: every call gets the service's timeout and goes through its
 * circuit breaker, so a service that keeps failing is not waited on by every turn (calls fail at once
 * while the breaker is open, and the turn takes its fallback).
 */
public final class Downstream {

    private final CircuitBreaker breaker;
    private final Duration timeout;

    public Downstream(CircuitBreaker breaker, Duration timeout) {
        this.breaker = breaker;
        this.timeout = timeout;
    }

    public <T> Mono<T> call(Mono<T> request) {
        return request.timeout(timeout).transformDeferred(CircuitBreakerOperator.of(breaker));
    }

    public CircuitBreaker breaker() {
        return breaker;
    }
}

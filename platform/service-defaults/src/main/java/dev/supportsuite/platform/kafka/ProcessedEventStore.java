package dev.supportsuite.platform.kafka;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Remembers which event ids a listener group has fully processed, so a redelivered event is
 * skipped. Backed by the service's own PostgreSQL schema, or by memory for stateless services.
 */
public interface ProcessedEventStore {

    Mono<Boolean> isProcessed(String group, UUID eventId);

    /** Records the id; recording one that is already there is not an error. */
    Mono<Void> markProcessed(String group, UUID eventId);
}

package dev.supportsuite.ticket.shared;

import dev.supportsuite.contracts.Event;
import reactor.core.publisher.Mono;

/**
 * Records an event for publication in the current transaction (transactional outbox). A relay
 * publishes recorded events after commit; nothing is published for a rolled-back transaction.
 */
public interface EventOutbox {

    Mono<Void> append(String topic, Event event);
}

package dev.supportsuite.ticket.shared;

import reactor.core.publisher.Mono;

/**
 * Runs a unit of work in one database transaction: every write of {@code work} (rows, history,
 * outbox) commits together or not at all. Port implemented by the R2DBC adapter.
 */
public interface Transactions {

    <T> Mono<T> inTransaction(Mono<T> work);
}

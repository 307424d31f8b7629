package dev.supportsuite.ticket.shared;

import reactor.core.publisher.Mono;

/**
 * Runs a unit of work in one database transaction: every write of {@code work} (rows, history,
 * outbox) commits together or not at all. Port implemented by the R2DBC adapter.
 */
public interface Transactions {

    <T> Mono<T> inTransaction(Mono<T> work);

    /**
     * Runs {@code work} that is one single statement writing everything it changes (rows, history,
     * outbox), so it commits atomically on its own without the begin and commit round trips of
     * {@link #inTransaction}; afterwards does what {@link #inTransaction} does after a commit. Inside a
     * running transaction the statement simply joins it.
     */
    <T> Mono<T> inOneStatement(Mono<T> work);
}

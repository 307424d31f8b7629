package dev.supportsuite.ticket.outbox;

import dev.supportsuite.ticket.shared.Transactions;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs work in one R2DBC transaction and, once it committed, nudges the outbox relay so the events
 * written by the work go out without waiting for the next poll.
 */
public class R2dbcTransactions implements Transactions {

    private final TransactionalOperator operator;
    private final OutboxRelay relay;

    public R2dbcTransactions(TransactionalOperator operator, OutboxRelay relay) {
        this.operator = operator;
        this.relay = relay;
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return operator.transactional(work).doOnSuccess(ignored -> relay.nudge());
    }

    @Override
    public <T> Mono<T> inOneStatement(Mono<T> work) {
        // Outside a transaction R2DBC runs the statement in auto-commit: it has committed when it completes.
        return work.doOnSuccess(ignored -> relay.nudge());
    }
}

package dev.supportsuite.ticket.handoff.adapter;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import dev.supportsuite.ticket.handoff.domain.HandoffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Handles {@code handoff-events}: queues each requested handoff once, and takes a withdrawn one out of
 * the queue when it still waits.
 */
public class HandoffRequestListener {

    private static final Logger log = LoggerFactory.getLogger(HandoffRequestListener.class);

    private final HandoffService handoffs;

    public HandoffRequestListener(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    public Mono<Void> handle(Event event) {
        if (event instanceof HandoffRequestedEvent request) {
            return requested(request);
        }
        if (event instanceof HandoffWithdrawnEvent withdrawal) {
            return handoffs.withdraw(withdrawal)
                    .doOnNext(h -> log.info("Withdrawn by the customer handoffId={} conversationId={} ticketId={}",
                            h.id(), h.conversationId(), h.ticketId()))
                    .switchIfEmpty(Mono.fromRunnable(() -> log.info("Withdrawal of handoffId={} conversationId={} "
                            + "changed nothing: the handoff no longer waits", withdrawal.handoffId(),
                            withdrawal.conversationId())))
                    .then();
        }
        return Mono.empty();
    }

    private Mono<Void> requested(HandoffRequestedEvent event) {
        return handoffs.open(event)
                .doOnNext(h -> log.info("Queued handoffId={} conversationId={} ticketId={} priority={}", h.id(),
                        h.conversationId(), h.ticketId(), h.priority().wire()))
                .switchIfEmpty(Mono.fromRunnable(() -> log.info("Handoff already queued handoffId={} eventId={}",
                        event.handoffId(), event.eventId())))
                .then();
    }
}

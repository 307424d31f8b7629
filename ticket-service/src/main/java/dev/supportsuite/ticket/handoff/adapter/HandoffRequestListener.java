package dev.supportsuite.ticket.handoff.adapter;

import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.ticket.handoff.domain.HandoffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Handles {@link HandoffRequestedEvent}s from {@code handoff-events}: queues each handoff once. */
public class HandoffRequestListener {

    private static final Logger log = LoggerFactory.getLogger(HandoffRequestListener.class);

    private final HandoffService handoffs;

    public HandoffRequestListener(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    public Mono<Void> handle(HandoffRequestedEvent event) {
        return handoffs.open(event)
                .doOnNext(h -> log.info("Queued handoffId={} conversationId={} ticketId={} priority={}", h.id(),
                        h.conversationId(), h.ticketId(), h.priority().wire()))
                .switchIfEmpty(Mono.fromRunnable(() -> log.info("Handoff already queued handoffId={} eventId={}",
                        event.handoffId(), event.eventId())))
                .then();
    }
}

package dev.supportsuite.ticket.handoff.domain;

import java.time.Instant;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of the handoff queue. */
public interface HandoffRepository {

    /** Inserts the handoff unless one with its id or request event exists; true when inserted. */
    Mono<Boolean> insertIfAbsent(Handoff handoff);

    Mono<Handoff> findById(String id);

    /** Handoffs in {@code status}: highest priority first, then oldest first. */
    Flux<Handoff> findByStatus(HandoffStatus status, int limit);

    /**
     * Moves the handoff to {@code next} in one conditional update, only if its status is one of
     * {@code expected} (and, when {@code requiredClaimant} is not null, it is claimed by that agent).
     * Completes with the updated handoff, or empty when the condition did not hold.
     */
    Mono<Handoff> transition(String id, Set<HandoffStatus> expected, String requiredClaimant, HandoffStatus next,
            String claimedBy, Instant at);

    /** The handoff of a conversation that a human agent holds now, if any. */
    Mono<Handoff> findClaimedByConversation(String conversationId);

    /**
     * Holds a lock for the customer until the current transaction ends, so that two handoffs of one
     * customer decide one after the other whether to open a ticket or add to the customer's open one.
     */
    Mono<Void> lockCustomer(String userId);

    /**
     * The id of the customer's newest ticket that was opened for a handoff and is still being worked
     * on (not resolved or closed), if any.
     */
    Mono<String> findActiveTicketOf(String userId);

    /** Whether the ticket has a handoff other than {@code handoffId}, in any status. */
    Mono<Boolean> anotherOn(String ticketId, String handoffId);

    /** Whether a handoff on this ticket other than {@code handoffId} is claimed by a human agent now. */
    Mono<Boolean> anotherClaimed(String ticketId, String handoffId);
}

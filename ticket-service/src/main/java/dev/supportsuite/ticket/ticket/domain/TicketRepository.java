package dev.supportsuite.ticket.ticket.domain;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of tickets, their history and comments, and create idempotency keys. */
public interface TicketRepository {

    Mono<Void> insert(Ticket ticket);

    Mono<Ticket> findById(String id);

    /** Reads the ticket and locks its row until the current transaction ends. */
    Mono<Ticket> findByIdForUpdate(String id);

    Mono<Void> update(Ticket ticket);

    /** Tickets newest first; {@code userId} and {@code status} filter when not null. */
    Flux<Ticket> find(String userId, TicketStatus status, long offset, int limit);

    Mono<Void> appendHistory(List<HistoryEntry> entries);

    Flux<HistoryEntry> history(String ticketId);

    Mono<Void> insertComment(Comment comment);

    Flux<Comment> comments(String ticketId);

    /**
     * Reserves {@code key} of {@code caller} for {@code ticketId}. Completes with true when this call
     * reserved it, false when it was taken already (also by a concurrent transaction, after that one
     * committed).
     */
    Mono<Boolean> reserveIdempotencyKey(String caller, String key, String ticketId, String fingerprint);

    /** The ticket id and request fingerprint stored for a key. */
    Mono<IdempotencyRecord> findIdempotencyKey(String caller, String key);

    /** What an idempotency key points to. */
    record IdempotencyRecord(String ticketId, String fingerprint) {
    }
}

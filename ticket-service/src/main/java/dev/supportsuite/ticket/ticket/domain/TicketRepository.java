package dev.supportsuite.ticket.ticket.domain;

import dev.supportsuite.contracts.Event;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of tickets, their history and comments, and create idempotency keys. */
public interface TicketRepository {

    /**
     * Writes a new ticket, its first history entry and its event (into the outbox, for {@code topic})
     * in one statement: all of it or nothing, and one round trip to the database. With a
     * {@code claim}, writes only when this call reserves the idempotency key (waiting for a concurrent
     * transaction that holds it) and completes with false, having written nothing, when the key was
     * taken already. Without a claim always writes and completes with true.
     */
    Mono<Boolean> insertOpened(Ticket ticket, HistoryEntry created, String topic, Event event,
            IdempotencyClaim claim);

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

    /** The ticket id and request fingerprint stored for a key. */
    Mono<IdempotencyRecord> findIdempotencyKey(String caller, String key);

    /**
     * An idempotency key to reserve for a new ticket.
     *
     * @param caller      who sent the key; keys of different callers never collide
     * @param key         the client's Idempotency-Key
     * @param fingerprint the request's fingerprint, to tell a replay from another request under the key
     */
    record IdempotencyClaim(String caller, String key, String fingerprint) {
    }

    /** What an idempotency key points to. */
    record IdempotencyRecord(String ticketId, String fingerprint) {
    }
}

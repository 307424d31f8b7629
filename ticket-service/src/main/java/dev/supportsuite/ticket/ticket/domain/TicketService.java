package dev.supportsuite.ticket.ticket.domain;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.ticket.FieldChange;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import dev.supportsuite.ticket.shared.CallerIdentity;
import dev.supportsuite.ticket.shared.Clock;
import dev.supportsuite.ticket.shared.EventOutbox;
import dev.supportsuite.ticket.shared.ForbiddenException;
import dev.supportsuite.ticket.shared.Transactions;
import dev.supportsuite.ticket.shared.UnknownUserException;
import dev.supportsuite.ticket.ticket.domain.TicketRepository.IdempotencyClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ticket use cases with their access rules. Every change validates first, then writes the row,
 * its history and its outbox event in one transaction. A user sees only their own tickets; another
 * user's ticket is "not found". Human agents see all; partners need {@code tickets:read} or
 * {@code tickets:write}; visitors see nothing.
 */
public class TicketService {

    /** Largest page a list may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private final TicketRepository tickets;
    private final EventOutbox outbox;
    private final Transactions transactions;

    public TicketService(TicketRepository tickets, EventOutbox outbox, Transactions transactions) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /**
     * Opens a ticket. With an idempotency key, a repeated call (also a concurrent one) returns the
     * ticket of the first and creates nothing.
     */
    public Mono<CreatedTicket> create(CallerIdentity caller, NewTicket request, String idempotencyKey) {
        return Mono.defer(() -> {
            caller.requireScope(CallerIdentity.TICKETS_WRITE);
            NewTicket draft = caller.isUser() ? withUser(request, caller.id()) : request;
            if (draft.userId() == null || draft.userId().isBlank()) {
                throw new InvalidTicketFieldException("userId", "userId is required when an agent or partner "
                        + "opens a ticket.");
            }
            String id = TicketIds.next();
            if (idempotencyKey == null) {
                return transactions.inOneStatement(open(id, draft, caller.actor(), null))
                        .map(ticket -> new CreatedTicket(ticket, false));
            }
            String fingerprint = draft.fingerprint();
            IdempotencyClaim claim = new IdempotencyClaim(caller.actor(), idempotencyKey, fingerprint);
            // A key taken already (also by a concurrent create, once that committed) wrote nothing: replay it.
            return transactions.inOneStatement(open(id, draft, caller.actor(), claim))
                    .map(ticket -> new CreatedTicket(ticket, false))
                    .switchIfEmpty(Mono.defer(() -> replay(caller, idempotencyKey, fingerprint)));
        });
    }

    private Mono<CreatedTicket> replay(CallerIdentity caller, String key, String fingerprint) {
        return tickets.findIdempotencyKey(caller.actor(), key)
                .flatMap(record -> {
                    if (!record.fingerprint().equals(fingerprint)) {
                        return Mono.error(new IdempotencyKeyReusedException(key));
                    }
                    return tickets.findById(record.ticketId()).map(ticket -> new CreatedTicket(ticket, true));
                });
    }

    /** Writes a new ticket, its history and its event; inside a running transaction it joins that one. */
    public Mono<Ticket> openWithin(String id, NewTicket draft, String actor) {
        return open(id, draft, actor, null);
    }

    /**
     * Writes a new ticket with its history and event in one statement; completes empty when
     * {@code claim} names a key that was taken already, and nothing was written.
     */
    private Mono<Ticket> open(String id, NewTicket draft, String actor, IdempotencyClaim claim) {
        return Mono.defer(() -> {
            Instant now = Clock.now();
            Ticket ticket = new Ticket(id, draft.userId(), draft.subject(), draft.description(), draft.category(),
                    draft.priority(), TicketStatus.OPEN, null, draft.tags(), draft.conversationId(), now, now);
            TicketOpenedEvent event = new TicketOpenedEvent(UUID.randomUUID(), now,
                    TicketOpenedEvent.SCHEMA_VERSION, id, ticket.userId(), ticket.conversationId(), ticket.subject(),
                    ticket.category(), ticket.priority().wire(), ticket.status().wire());
            HistoryEntry created = new HistoryEntry(id, actor, now, "created", null, null, ticket.status().wire());
            return tickets.insertOpened(ticket, created, Topics.TICKET_EVENTS, event, claim)
                    .filter(Boolean::booleanValue)
                    .map(written -> ticket);
        });
    }

    public Mono<Ticket> get(CallerIdentity caller, String id) {
        return Mono.defer(() -> {
            caller.requireScope(CallerIdentity.TICKETS_READ);
            return visible(caller, id, tickets.findById(id));
        });
    }

    /** Applies a partial update; an invalid value or transition writes nothing. */
    public Mono<Ticket> update(CallerIdentity caller, String id, TicketChanges changes) {
        return Mono.defer(() -> {
            caller.requireScope(CallerIdentity.TICKETS_WRITE);
            if (caller.isUser() && changes.touchesAssignee()) {
                throw new ForbiddenException("Only human agents and partners assign tickets.");
            }
            return transactions.inTransaction(visible(caller, id, tickets.findByIdForUpdate(id))
                    .flatMap(current -> applyWithin(current, changes, caller.actor())));
        });
    }

    /** Changes a ticket already read for update; must run inside a transaction. */
    public Mono<Ticket> applyWithin(Ticket current, TicketChanges changes, String actor) {
        return Mono.defer(() -> {
            if (changes.status() != null && changes.status() != current.status()
                    && !current.status().canMoveTo(changes.status())) {
                return Mono.error(new InvalidTransitionException(current.status(), changes.status()));
            }
            Instant now = Clock.now();
            List<FieldChange> diff = new ArrayList<>();
            String subject = pick("subject", current.subject(), changes.subject(), diff);
            String description = pick("description", current.description(), changes.description(), diff);
            String category = pick("category", current.category(), changes.category(), diff);
            TicketPriority priority = TicketPriority.parse(pick("priority", current.priority().wire(),
                    changes.priority() == null ? null : changes.priority().wire(), diff));
            TicketStatus status = TicketStatus.parse(pick("status", current.status().wire(),
                    changes.status() == null ? null : changes.status().wire(), diff));
            String assignee = current.assignee();
            if (changes.touchesAssignee()) {
                String next = changes.clearAssignee() ? null : changes.assignee();
                if (!Objects.equals(next, assignee)) {
                    diff.add(new FieldChange("assignee", assignee, next));
                    assignee = next;
                }
            }
            List<String> tags = current.tags();
            if (changes.tags() != null && !changes.tags().equals(tags)) {
                diff.add(new FieldChange("tags", String.join(",", tags), String.join(",", changes.tags())));
                tags = changes.tags();
            }
            if (diff.isEmpty()) {
                return Mono.just(current);
            }
            Ticket updated = new Ticket(current.id(), current.userId(), subject, description, category, priority,
                    status, assignee, tags, current.conversationId(), current.createdAt(), now);
            List<HistoryEntry> history = diff.stream()
                    .map(c -> new HistoryEntry(current.id(), actor, now, "changed", c.field(), c.from(), c.to()))
                    .toList();
            TicketUpdatedEvent event = new TicketUpdatedEvent(UUID.randomUUID(), now,
                    TicketUpdatedEvent.SCHEMA_VERSION, current.id(), current.userId(), current.conversationId(),
                    status.wire(), actor, diff);
            return tickets.update(updated)
                    .then(tickets.appendHistory(history))
                    .then(outbox.append(Topics.TICKET_EVENTS, event))
                    .thenReturn(updated);
        });
    }

    /** Reads and locks a ticket for a change inside a running transaction, without access checks. */
    public Mono<Ticket> lockWithin(String id) {
        return tickets.findByIdForUpdate(id).switchIfEmpty(Mono.error(() -> new TicketNotFoundException(id)));
    }

    /**
     * A page of tickets, newest first. Users list their own ({@code userId} null or their id);
     * agents and partners any user's, or all when {@code userId} is null.
     */
    public Mono<TicketPage> list(CallerIdentity caller, String userId, TicketStatus status, int page, int size) {
        return Mono.defer(() -> {
            caller.requireScope(CallerIdentity.TICKETS_READ);
            if (page < 0) {
                throw new InvalidTicketFieldException("page", "page must be 0 or more.");
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new InvalidTicketFieldException("size", "size must be between 1 and " + MAX_PAGE_SIZE + ".");
            }
            String owner = userId;
            if (caller.isUser()) {
                if (userId != null && !userId.equals(caller.id())) {
                    throw new UnknownUserException(userId);
                }
                owner = caller.id();
            }
            return tickets.find(owner, status, (long) page * size, size + 1)
                    .collectList()
                    .map(found -> new TicketPage(found.size() > size ? found.subList(0, size) : found, page, size,
                            found.size() > size));
        });
    }

    public Mono<Comment> comment(CallerIdentity caller, String id, String body) {
        return Mono.defer(() -> {
            caller.requireScope(CallerIdentity.TICKETS_WRITE);
            return transactions.inTransaction(visible(caller, id, tickets.findByIdForUpdate(id))
                    .flatMap(ticket -> commentWithin(ticket, body, caller.actor())));
        });
    }

    /** Adds a comment to a ticket already read; must run inside a transaction. */
    public Mono<Comment> commentWithin(Ticket ticket, String body, String actor) {
        Instant now = Clock.now();
        Comment comment = new Comment("C-" + TicketIds.ulid(), ticket.id(), actor, body, now);
        // The comment text stays out of the event: events are fanned out widely, comments may hold PII.
        TicketUpdatedEvent event = new TicketUpdatedEvent(UUID.randomUUID(), now, TicketUpdatedEvent.SCHEMA_VERSION,
                ticket.id(), ticket.userId(), ticket.conversationId(), ticket.status().wire(), actor,
                List.of(new FieldChange("comment", null, comment.id())));
        return tickets.insertComment(comment)
                .then(tickets.appendHistory(List.of(new HistoryEntry(ticket.id(), actor, now, "commented", "comment",
                        null, comment.id()))))
                .then(outbox.append(Topics.TICKET_EVENTS, event))
                .thenReturn(comment);
    }

    public Flux<Comment> comments(CallerIdentity caller, String id) {
        return get(caller, id).flatMapMany(ticket -> tickets.comments(ticket.id()));
    }

    /**
     * Appends something done on the ticket that changes none of its fields (a human agent's message to
     * the customer, a note) to its history: {@code action} with {@code value} as the new value.
     */
    public Mono<Void> recordActivity(String ticketId, String actor, String action, String value, Instant at) {
        return tickets.appendHistory(List.of(new HistoryEntry(ticketId, actor, at, action, null, null, value)));
    }

    public Flux<HistoryEntry> history(CallerIdentity caller, String id) {
        return get(caller, id).flatMapMany(ticket -> tickets.history(ticket.id()));
    }

    private Mono<Ticket> visible(CallerIdentity caller, String id, Mono<Ticket> lookup) {
        if (!TicketIds.looksValid(id)) {
            return Mono.error(new TicketNotFoundException(id));
        }
        return lookup
                .filter(ticket -> !caller.isUser() || ticket.userId().equals(caller.id()))
                .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(id)));
    }

    private static String pick(String field, String current, String requested, List<FieldChange> diff) {
        if (requested == null || requested.equals(current)) {
            return current;
        }
        diff.add(new FieldChange(field, current, requested));
        return requested;
    }

    private static NewTicket withUser(NewTicket request, String userId) {
        return new NewTicket(userId, request.subject(), request.description(), request.category(),
                request.priority(), request.tags(), request.conversationId());
    }
}

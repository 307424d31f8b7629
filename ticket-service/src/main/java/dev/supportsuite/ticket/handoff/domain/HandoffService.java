package dev.supportsuite.ticket.handoff.domain;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import dev.supportsuite.ticket.shared.CallerIdentity;
import dev.supportsuite.ticket.shared.Clock;
import dev.supportsuite.ticket.shared.EventOutbox;
import dev.supportsuite.ticket.shared.ForbiddenException;
import dev.supportsuite.ticket.shared.Transactions;
import dev.supportsuite.ticket.ticket.domain.NewTicket;
import dev.supportsuite.ticket.ticket.domain.Ticket;
import dev.supportsuite.ticket.ticket.domain.TicketChanges;
import dev.supportsuite.ticket.ticket.domain.TicketIds;
import dev.supportsuite.ticket.ticket.domain.TicketPriority;
import dev.supportsuite.ticket.ticket.domain.TicketService;
import dev.supportsuite.ticket.ticket.domain.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The human handoff queue. A handoff request queues the handoff with an escalation ticket (a
 * redelivered request does nothing): a new ticket, or, when the customer already has a handoff ticket
 * that is not resolved or closed, that one, so that a customer who asks for a human again and again
 * has one ticket to follow, not one per conversation. Human agents list the queue, claim a handoff
 * (exactly one wins), and release it back to the AI or resolve it; a customer who no longer wants the
 * person withdraws a handoff that still waits. Every change writes its events to the outbox in the same
 * transaction.
 */
public class HandoffService {

    /** Outcome of a release that hands the conversation back to the AI. */
    public static final String RETURNED_TO_AI = HandoffReleasedEvent.RETURNED_TO_AI;
    /** Outcome of a release after the human resolved the case. */
    public static final String RESOLVED = HandoffReleasedEvent.RESOLVED;
    /** Outcome of a waiting handoff the customer took out of the queue. */
    public static final String WITHDRAWN = HandoffReleasedEvent.WITHDRAWN;
    /** Category of escalation tickets. */
    public static final String ESCALATION_CATEGORY = "escalation";
    static final String SYSTEM_ACTOR = "system:handoff";
    private static final String ANONYMOUS_USER = "anonymous";
    /** History action of a human agent's message to the customer. */
    public static final String REPLY_ACTION = "agent_message";
    /** History action of the note an agent leaves when handing back or resolving. */
    public static final String NOTE_ACTION = "note";
    private static final int MAX_ACTIVITY = 4000;

    private final HandoffRepository handoffs;
    private final TicketService tickets;
    private final EventOutbox outbox;
    private final Transactions transactions;

    public HandoffService(HandoffRepository handoffs, TicketService tickets, EventOutbox outbox,
            Transactions transactions) {
        this.handoffs = handoffs;
        this.tickets = tickets;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /**
     * Queues a handoff request with its escalation ticket; completes empty for a repeated request. A
     * known customer's open handoff ticket takes the new handoff; otherwise a new ticket is opened.
     * Requests without a user never share a ticket: they may come from different people.
     */
    public Mono<Handoff> open(HandoffRequestedEvent request) {
        return Mono.defer(() -> {
            Instant now = Clock.now();
            String handoffId = request.handoffId() != null ? request.handoffId() : "H-" + request.eventId();
            String userId = request.userId() != null ? request.userId() : ANONYMOUS_USER;
            TicketPriority priority = HandoffPriorities.of(request.reasons(), request.frustration());
            Mono<Optional<Ticket>> reusable = request.userId() == null ? Mono.just(Optional.empty())
                    : handoffs.lockCustomer(userId)
                            .then(handoffs.findActiveTicketOf(userId))
                            .flatMap(tickets::lockWithin)
                            // Resolved or closed by an agent between the lookup and the lock: not reused.
                            .filter(ticket -> ticket.status().isActive())
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty());
            Mono<Handoff> work = reusable.flatMap(existing -> {
                String ticketId = existing.map(Ticket::id).orElseGet(TicketIds::next);
                Handoff handoff = new Handoff(handoffId, request.eventId(), request.conversationId(), userId,
                        ticketId, request.reasons(), request.summary(), request.frustration(), priority,
                        HandoffStatus.WAITING, null, null, now, now);
                return handoffs.insertIfAbsent(handoff)
                        .flatMap(inserted -> !inserted ? Mono.empty()
                                : existing.map(ticket -> addTo(ticket, request, priority))
                                        .orElseGet(() -> openTicket(ticketId, userId, request, priority))
                                        .thenReturn(handoff));
            });
            return transactions.inTransaction(work);
        });
    }

    private Mono<Void> openTicket(String ticketId, String userId, HandoffRequestedEvent request,
            TicketPriority priority) {
        NewTicket ticket = new NewTicket(userId, HandoffSubjects.of(request.topic()), description(request),
                ESCALATION_CATEGORY, priority, request.reasons(), request.conversationId());
        return tickets.openWithin(ticketId, ticket, SYSTEM_ACTOR).then();
    }

    /**
     * Adds a handoff to the customer's open handoff ticket: its priority rises to the handoff's when
     * that is higher, its reason codes join the tags, a neutral subject gives way to the handoff's
     * topic, and a comment tells the agent who picks it up about the new conversation.
     */
    private Mono<Void> addTo(Ticket ticket, HandoffRequestedEvent request, TicketPriority priority) {
        String subject = HandoffSubjects.NEUTRAL.equals(ticket.subject()) ? HandoffSubjects.of(request.topic())
                : null;
        List<String> tags = Stream.concat(ticket.tags().stream(), request.reasons().stream()).distinct().toList();
        TicketChanges changes = new TicketChanges(subject, null, null, TicketPriority.max(ticket.priority(), priority),
                null, null, false, tags);
        return tickets.applyWithin(ticket, changes, SYSTEM_ACTOR)
                .flatMap(updated -> tickets.commentWithin(updated, comment(request), SYSTEM_ACTOR))
                .then();
    }

    /** The queue in {@code status}: highest priority first, then oldest. Human agents only. */
    public Flux<Handoff> queue(CallerIdentity caller, HandoffStatus status, int limit) {
        return Mono.fromRunnable(() -> requireAgent(caller)).thenMany(handoffs.findByStatus(status, limit));
    }

    public Mono<Handoff> get(CallerIdentity caller, String id) {
        return Mono.fromRunnable(() -> requireAgent(caller))
                .then(handoffs.findById(id))
                .switchIfEmpty(Mono.error(() -> new HandoffNotFoundException(id)));
    }

    /** Claims a waiting handoff for the calling agent; of concurrent claims exactly one succeeds. */
    public Mono<Handoff> claim(CallerIdentity caller, String id) {
        return Mono.defer(() -> {
            requireAgent(caller);
            Instant now = Clock.now();
            Mono<Handoff> work = handoffs.transition(id, Set.of(HandoffStatus.WAITING), null, HandoffStatus.CLAIMED,
                            caller.id(), now)
                    .switchIfEmpty(Mono.defer(() -> refusal(id, "claimed")))
                    .flatMap(handoff -> updateTicket(handoff, TicketStatus.IN_PROGRESS, caller.id(), false,
                            caller.actor())
                            .then(outbox.append(Topics.TICKET_EVENTS, new HandoffClaimedEvent(UUID.randomUUID(), now,
                                    HandoffClaimedEvent.SCHEMA_VERSION, handoff.id(), handoff.conversationId(),
                                    caller.id(), caller.shownAs())))
                            .thenReturn(handoff));
            return transactions.inTransaction(work);
        });
    }

    /** Hands the conversation back to the AI; a claimed handoff only by the agent who claimed it. */
    public Mono<Handoff> release(CallerIdentity caller, String id, String note) {
        return finish(caller, id, note, HandoffStatus.RELEASED, RETURNED_TO_AI, TicketStatus.OPEN);
    }

    /** Marks the case resolved by the human; a claimed handoff only by the agent who claimed it. */
    public Mono<Handoff> resolve(CallerIdentity caller, String id, String note) {
        return finish(caller, id, note, HandoffStatus.RESOLVED, RESOLVED, TicketStatus.RESOLVED);
    }

    private Mono<Handoff> finish(CallerIdentity caller, String id, String note, HandoffStatus next, String outcome,
            TicketStatus ticketStatus) {
        return Mono.defer(() -> {
            requireAgent(caller);
            Instant now = Clock.now();
            Mono<Handoff> work = handoffs.transition(id, Set.of(HandoffStatus.WAITING, HandoffStatus.CLAIMED),
                            caller.id(), next, null, now)
                    .switchIfEmpty(Mono.defer(() -> refusal(id, next.wire())))
                    .flatMap(handoff -> finishTicket(handoff, ticketStatus, caller.actor())
                            .then(note == null || note.isBlank() ? Mono.<Void>empty()
                                    : tickets.recordActivity(handoff.ticketId(), caller.actor(), NOTE_ACTION,
                                            clip(note.strip()), now))
                            .then(outbox.append(Topics.TICKET_EVENTS, new HandoffReleasedEvent(UUID.randomUUID(), now,
                                    HandoffReleasedEvent.SCHEMA_VERSION, handoff.id(), handoff.conversationId(),
                                    caller.id(), outcome, note)))
                            .thenReturn(handoff));
            return transactions.inTransaction(work);
        });
    }

    /**
     * Takes a handoff that still waits out of the queue at the customer's word; completes empty, changing
     * nothing, when it is no longer waiting (a human claimed it first: they have joined, and the customer
     * can tell them) or belongs to another conversation. The customer's words go into the ticket's
     * history. A ticket opened for this handoff alone is resolved, since nothing is left for the team; one
     * that also carries the customer's other handoffs stays as it is.
     */
    public Mono<Handoff> withdraw(HandoffWithdrawnEvent event) {
        return Mono.defer(() -> {
            Instant now = Clock.now();
            String note = "The customer no longer needs a person"
                    + (event.said() == null || event.said().isBlank() ? "." : ": \"" + event.said().strip() + "\"");
            Mono<Handoff> work = handoffs.findById(event.handoffId())
                    .filter(found -> found.conversationId().equals(event.conversationId()))
                    .flatMap(found -> handoffs.transition(found.id(), Set.of(HandoffStatus.WAITING), null,
                            HandoffStatus.WITHDRAWN, null, now))
                    .flatMap(handoff -> tickets.lockWithin(handoff.ticketId())
                            // the customer's words first, so the history reads why before the ticket is resolved
                            .flatMap(ticket -> tickets.recordActivity(ticket.id(), SYSTEM_ACTOR, NOTE_ACTION,
                                            clip(note), now)
                                    .then(handoffs.anotherOn(ticket.id(), handoff.id()))
                                    .flatMap(shared -> shared ? Mono.just(ticket)
                                            : move(ticket, TicketStatus.RESOLVED, null, true, SYSTEM_ACTOR)))
                            .then(outbox.append(Topics.TICKET_EVENTS, new HandoffReleasedEvent(UUID.randomUUID(),
                                    now, HandoffReleasedEvent.SCHEMA_VERSION, handoff.id(), handoff.conversationId(),
                                    null, WITHDRAWN, note)))
                            .thenReturn(handoff));
            return transactions.inTransaction(work);
        });
    }

    /**
     * Records a human agent's reply in the escalation ticket's history, attributed to the agent who
     * holds the conversation (only the holder can send one). A reply in a conversation nobody holds
     * is not a handoff's business and is skipped.
     */
    public Mono<Void> recordAgentReply(String conversationId, String content, Instant sentAt) {
        return handoffs.findClaimedByConversation(conversationId)
                .flatMap(handoff -> tickets.recordActivity(handoff.ticketId(), "agent:" + handoff.claimedBy(),
                        REPLY_ACTION, clip(content), sentAt != null ? sentAt : Clock.now()));
    }

    private static String clip(String text) {
        return text.length() <= MAX_ACTIVITY ? text : text.substring(0, MAX_ACTIVITY - 1) + "…";
    }

    private Mono<Ticket> updateTicket(Handoff handoff, TicketStatus status, String assignee, boolean unassign,
            String actor) {
        return tickets.lockWithin(handoff.ticketId())
                .flatMap(ticket -> move(ticket, status, assignee, unassign, actor));
    }

    /**
     * Moves the ticket of a handoff that ends, unless another handoff on the same ticket is claimed: a
     * human is then serving the customer on it, and it stays as it is. The ticket is locked before the
     * check, so of two handoffs of one ticket ending at once the second sees the first one ended.
     */
    private Mono<Ticket> finishTicket(Handoff handoff, TicketStatus status, String actor) {
        return tickets.lockWithin(handoff.ticketId())
                .flatMap(ticket -> handoffs.anotherClaimed(ticket.id(), handoff.id())
                        .flatMap(held -> held ? Mono.just(ticket) : move(ticket, status, null, true, actor)));
    }

    private Mono<Ticket> move(Ticket ticket, TicketStatus status, String assignee, boolean unassign, String actor) {
        // A ticket someone already closed keeps its status; the handoff still moves on.
        TicketStatus target = ticket.status() == status || ticket.status().canMoveTo(status) ? status : null;
        return tickets.applyWithin(ticket, new TicketChanges(null, null, null, null, target, assignee, unassign, null),
                actor);
    }

    private Mono<Handoff> refusal(String id, String action) {
        return handoffs.findById(id)
                .switchIfEmpty(Mono.error(() -> new HandoffNotFoundException(id)))
                .flatMap(current -> Mono.error(new HandoffConflictException(current.status() == HandoffStatus.CLAIMED
                        ? "Handoff " + id + " is claimed by another agent; it cannot be " + action + " now."
                        : "Handoff " + id + " is " + current.status().wire() + "; it cannot be " + action + " now.")));
    }

    private static void requireAgent(CallerIdentity caller) {
        if (!caller.isAgent()) {
            throw new ForbiddenException("Only human agents work the handoff queue.");
        }
    }

    /** For agents: the summary first, then the customer's words, the conversation and why it came to a human. */
    private static String description(HandoffRequestedEvent request) {
        return summary(request) + "\n\n" + topicLine(request) + "Conversation: " + request.conversationId()
                + "\nReasons: " + (request.reasons().isEmpty() ? "none given"
                        : String.join(", ", request.reasons()).replace('_', ' '));
    }

    /** The comment on a reused ticket: what the new conversation is about. */
    private static String comment(HandoffRequestedEvent request) {
        return "Handed to a human again in conversation " + request.conversationId() + ".\n" + topicLine(request)
                + "\n" + summary(request);
    }

    private static String summary(HandoffRequestedEvent request) {
        return request.summary() == null || request.summary().isBlank() ? "(no summary)" : request.summary();
    }

    private static String topicLine(HandoffRequestedEvent request) {
        return request.topic() == null || request.topic().isBlank() ? ""
                : "Customer's issue: " + request.topic().strip() + "\n";
    }
}

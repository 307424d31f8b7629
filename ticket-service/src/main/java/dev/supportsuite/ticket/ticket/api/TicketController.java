package dev.supportsuite.ticket.ticket.api;

import dev.supportsuite.ticket.shared.CallerIdentity;
import dev.supportsuite.ticket.ticket.domain.Comment;
import dev.supportsuite.ticket.ticket.domain.HistoryEntry;
import dev.supportsuite.ticket.ticket.domain.InvalidTicketFieldException;
import dev.supportsuite.ticket.ticket.domain.NewTicket;
import dev.supportsuite.ticket.ticket.domain.TicketChanges;
import dev.supportsuite.ticket.ticket.domain.TicketPriority;
import dev.supportsuite.ticket.ticket.domain.TicketService;
import dev.supportsuite.ticket.ticket.domain.TicketStatus;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tickets over REST. The caller comes from the gateway's identity headers, never from the body. */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

    /** Header of a create that makes retries safe: the same key returns the same ticket. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on a create answered from an earlier request with the same Idempotency-Key. */
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    Mono<ResponseEntity<TicketResponse>> open(CallerIdentity caller, @Valid @RequestBody OpenTicketRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return Mono.defer(() -> {
            if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
                throw new InvalidTicketFieldException(IDEMPOTENCY_KEY, "The Idempotency-Key must be 1 to "
                        + MAX_KEY_LENGTH + " characters.");
            }
            NewTicket draft = new NewTicket(request.userId(), request.subject(), request.description(),
                    request.category() == null ? "general" : request.category(),
                    request.priority() == null ? TicketPriority.MEDIUM : TicketPriority.parse(request.priority()),
                    request.tags(), request.conversationId());
            return tickets.create(caller, draft, idempotencyKey);
        }).map(created -> (created.replayed() ? ResponseEntity.ok() : ResponseEntity.status(HttpStatus.CREATED))
                .location(URI.create("/api/v1/tickets/" + created.ticket().id()))
                .header(REPLAYED, Boolean.toString(created.replayed()))
                .body(TicketResponse.of(created.ticket())));
    }

    @GetMapping("/{id}")
    Mono<TicketResponse> get(CallerIdentity caller, @PathVariable String id) {
        return tickets.get(caller, id).map(TicketResponse::of);
    }

    @PatchMapping("/{id}")
    Mono<TicketResponse> update(CallerIdentity caller, @PathVariable String id,
            @Valid @RequestBody UpdateTicketRequest request) {
        return Mono.fromCallable(() -> changes(request))
                .flatMap(changes -> tickets.update(caller, id, changes))
                .map(TicketResponse::of);
    }

    @GetMapping
    Mono<TicketPageResponse> list(CallerIdentity caller, @RequestParam(required = false) String userId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return Mono.fromCallable(() -> status == null ? null : TicketStatus.parse(status))
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(filter -> tickets.list(caller, userId, filter.orElse(null), page, size))
                .map(TicketPageResponse::of);
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Comment> comment(CallerIdentity caller, @PathVariable String id,
            @Valid @RequestBody CommentRequest request) {
        return tickets.comment(caller, id, request.body());
    }

    @GetMapping("/{id}/comments")
    Flux<Comment> comments(CallerIdentity caller, @PathVariable String id) {
        return tickets.comments(caller, id);
    }

    @GetMapping("/{id}/history")
    Flux<HistoryEntry> history(CallerIdentity caller, @PathVariable String id) {
        return tickets.history(caller, id);
    }

    private static TicketChanges changes(UpdateTicketRequest request) {
        // Parse everything before touching the database: a bad value answers 400 and writes nothing.
        TicketPriority priority = request.priority() == null ? null : TicketPriority.parse(request.priority());
        TicketStatus status = request.status() == null ? null : TicketStatus.parse(request.status());
        boolean unassign = request.assignee() != null && request.assignee().isBlank();
        return new TicketChanges(request.subject(), request.description(), request.category(), priority, status,
                unassign ? null : request.assignee(), unassign, request.tags());
    }
}

package dev.supportsuite.ticket.handoff.api;

import dev.supportsuite.ticket.handoff.domain.HandoffService;
import dev.supportsuite.ticket.handoff.domain.HandoffStatus;
import dev.supportsuite.ticket.shared.CallerIdentity;
import dev.supportsuite.ticket.ticket.domain.InvalidTicketFieldException;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The human handoff queue for human agents (identity type {@code agent}). */
@RestController
@RequestMapping("/api/v1/handoffs")
class HandoffController {

    private static final int MAX_LIMIT = 200;

    private final HandoffService handoffs;

    HandoffController(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @GetMapping
    Flux<HandoffResponse> queue(CallerIdentity caller, @RequestParam(defaultValue = "waiting") String status,
            @RequestParam(defaultValue = "50") int limit) {
        return Mono.fromCallable(() -> {
                    if (limit < 1 || limit > MAX_LIMIT) {
                        throw new InvalidTicketFieldException("limit", "limit must be between 1 and " + MAX_LIMIT
                                + ".");
                    }
                    try {
                        return HandoffStatus.parse(status);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidTicketFieldException("status", e.getMessage());
                    }
                })
                .flatMapMany(parsed -> handoffs.queue(caller, parsed, limit))
                .map(HandoffResponse::of);
    }

    @GetMapping("/{id}")
    Mono<HandoffResponse> get(CallerIdentity caller, @PathVariable String id) {
        return handoffs.get(caller, id).map(HandoffResponse::of);
    }

    @PostMapping("/{id}/claim")
    Mono<HandoffResponse> claim(CallerIdentity caller, @PathVariable String id) {
        return handoffs.claim(caller, id).map(HandoffResponse::of);
    }

    @PostMapping("/{id}/release")
    Mono<HandoffResponse> release(CallerIdentity caller, @PathVariable String id,
            @Valid @RequestBody(required = false) HandoffNoteRequest request) {
        return handoffs.release(caller, id, request == null ? null : request.note()).map(HandoffResponse::of);
    }

    @PostMapping("/{id}/resolve")
    Mono<HandoffResponse> resolve(CallerIdentity caller, @PathVariable String id,
            @Valid @RequestBody(required = false) HandoffNoteRequest request) {
        return handoffs.resolve(caller, id, request == null ? null : request.note()).map(HandoffResponse::of);
    }
}

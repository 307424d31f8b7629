package dev.supportsuite.agent.chat.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A ticket desk in memory with ticket-service's visibility rule (a user sees only their own tickets)
 * and idempotency keys, for the domain tests; the real service is exercised by the system tests.
 */
final class InMemoryDesk implements SupportDesk {

    record Stored(String userId, Ticket ticket, String description, List<String> comments) {
    }

    private static final Invoice LATEST_INVOICE = new Invoice("INV-1", Instant.parse("2026-11-01T00:00:00Z"), "paid",
            4900, "49.00 USD", List.of("Pro plan, monthly subscription: 34.00 USD",
                    "Additional seats: 2 × 7.50 USD = 15.00 USD"));

    final Map<String, Stored> tickets = new ConcurrentHashMap<>();
    volatile String subscriptionStatus = "active";
    final Map<String, String> keys = new ConcurrentHashMap<>();
    final AtomicInteger opened = new AtomicInteger();
    volatile boolean down;
    final List<Caller> accountCallers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Mono<Ticket> open(Caller caller, NewTicket ticket, String idempotencyKey) {
        return guard(Mono.fromSupplier(() -> {
            String id = keys.computeIfAbsent(caller.userId() + "/" + idempotencyKey, key -> {
                String next = "TKT-T" + opened.incrementAndGet();
                tickets.put(next, new Stored(caller.userId(), new Ticket(next, ticket.subject(), "open",
                        ticket.priority(), ticket.category(), Instant.now()), ticket.description(), new ArrayList<>()));
                return next;
            });
            return tickets.get(id).ticket();
        }));
    }

    @Override
    public Mono<Ticket> ticket(Caller caller, String ticketId) {
        return guard(Mono.justOrEmpty(visible(caller, ticketId)).map(Stored::ticket));
    }

    @Override
    public Mono<List<Ticket>> tickets(Caller caller, int limit) {
        return guard(Mono.fromSupplier(() -> tickets.values().stream()
                .filter(stored -> stored.userId().equals(caller.userId()))
                .map(Stored::ticket)
                .sorted(Comparator.comparing(Ticket::id).reversed())
                .limit(limit)
                .toList()));
    }

    @Override
    public Mono<Ticket> changeStatus(Caller caller, String ticketId, String status) {
        return guard(Mono.justOrEmpty(visible(caller, ticketId)).map(stored -> {
            if ("closed".equals(stored.ticket().status())) {
                throw new Refusal("A closed ticket cannot change.");
            }
            Ticket changed = new Ticket(ticketId, stored.ticket().subject(), status, stored.ticket().priority(),
                    stored.ticket().category(), Instant.now());
            tickets.put(ticketId, new Stored(stored.userId(), changed, stored.description(), stored.comments()));
            return changed;
        }));
    }

    @Override
    public Mono<Ticket> comment(Caller caller, String ticketId, String body) {
        return guard(Mono.justOrEmpty(visible(caller, ticketId)).map(stored -> {
            stored.comments().add(body);
            return stored.ticket();
        }));
    }

    @Override
    public Mono<Account> account(Caller caller) {
        accountCallers.add(caller);
        return guard(Mono.just(new Account("Ada Lovelace", "Pro", "49.00 USD", subscriptionStatus,
                Instant.parse("2026-12-01T00:00:00Z"), false, List.of("seats 4 of 10"), LATEST_INVOICE)));
    }

    @Override
    public Mono<List<Invoice>> invoices(Caller caller, int limit) {
        return guard(Mono.just(List.of(LATEST_INVOICE,
                new Invoice("INV-0", Instant.parse("2026-10-01T00:00:00Z"), "paid", 3880, "38.80 USD", List.of(
                        "Pro plan, monthly subscription: 34.00 USD", "API overage: 12 × 0.40 USD = 4.80 USD"))))
                .map(all -> all.subList(0, Math.min(limit, all.size()))));
    }

    private Stored visible(Caller caller, String ticketId) {
        Stored stored = tickets.get(ticketId.toUpperCase(java.util.Locale.ROOT));
        return stored != null && stored.userId().equals(caller.userId()) ? stored : null;
    }

    private <T> Mono<T> guard(Mono<T> call) {
        return Mono.defer(() -> down ? Mono.error(new IllegalStateException("ticket-service down")) : call);
    }
}

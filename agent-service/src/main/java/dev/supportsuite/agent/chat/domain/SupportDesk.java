package dev.supportsuite.agent.chat.domain;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * ticket-service's tickets and accounts, always on behalf of one verified customer ({@link Caller}):
 * the agent never chooses whose data it reads, the conversation's identity does.
 */
public interface SupportDesk {

    /** The verified customer a call acts for. */
    record Caller(String userId, String identityType) {
    }

    record Ticket(String id, String subject, String status, String priority, String category, Instant updatedAt) {
    }

    record NewTicket(String subject, String description, String category, String priority, String conversationId,
            List<String> tags) {

        public NewTicket {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /**
     * An account at a glance, in the customer's words.
     *
     * @param lastInvoice the latest invoice, or null without one
     */
    record Account(String name, String plan, String monthlyPrice, String subscriptionStatus, Instant renewsAt,
            boolean cancelAtPeriodEnd, List<String> usage, Invoice lastInvoice) {

        public Account {
            usage = List.copyOf(usage);
        }

        /** "INV-1, 49.00 USD, paid", or null without an invoice. */
        public String latestInvoice() {
            return lastInvoice == null ? null : lastInvoice.summary();
        }

        /** What the latest invoice charged for, one line each; empty without an invoice. */
        public List<String> latestInvoiceLines() {
            return lastInvoice == null ? List.of() : lastInvoice.lines();
        }
    }

    /**
     * One invoice as a customer reads it.
     *
     * @param total "184.80 USD"
     * @param lines what it charged for, one line each ("Additional seats: 2 × 15.00 USD = 30.00 USD")
     */
    record Invoice(String number, Instant issuedAt, String status, long totalCents, String total, List<String> lines) {

        public Invoice {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }

        /** "INV-1, 49.00 USD, paid". */
        public String summary() {
            // billing's "uncollectible" means the customer has not paid it and we gave up retrying: unpaid, to them
            return number + ", " + total + ", " + ("uncollectible".equals(status) ? "unpaid" : status.replace('_', ' '));
        }
    }

    /** Opens a ticket; the same {@code idempotencyKey} returns the same ticket, never a second one. */
    Mono<Ticket> open(Caller caller, NewTicket ticket, String idempotencyKey);

    /** One of the caller's tickets; empty when there is none with that id for this caller. */
    Mono<Ticket> ticket(Caller caller, String ticketId);

    /** The caller's most recent tickets, newest first. */
    Mono<List<Ticket>> tickets(Caller caller, int limit);

    /** Moves one of the caller's tickets to {@code status}; empty when the caller has no such ticket. */
    Mono<Ticket> changeStatus(Caller caller, String ticketId, String status);

    /** Adds a comment to one of the caller's tickets; empty when the caller has no such ticket. */
    Mono<Ticket> comment(Caller caller, String ticketId, String body);

    /** The caller's account; empty when there is none. */
    Mono<Account> account(Caller caller);

    /** The caller's most recent invoices, newest first; empty without an account. */
    Mono<List<Invoice>> invoices(Caller caller, int limit);

    /** ticket-service refused a request for a reason the customer can act on (a 4xx other than 404). */
    final class Refusal extends RuntimeException {

        public Refusal(String detail) {
            super(detail);
        }
    }
}

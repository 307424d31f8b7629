package dev.supportsuite.ticket.account.domain;

import java.time.Instant;
import java.util.List;

/**
 * Everything support needs to know about a customer: profile, plan, subscription, usage against
 * the plan's limits, the latest invoice and a summary of their tickets.
 */
public record Account(
        Profile profile,
        Plan plan,
        Subscription subscription,
        List<Usage> usage,
        Invoice latestInvoice,
        SupportSummary support) {

    /** Who the customer is. {@code company} may be null. */
    public record Profile(String userId, String name, String email, String company, Instant customerSince) {
    }

    /** The plan and its limits per metric (seats, conversations, api_calls, storage_mb). */
    public record Plan(String code, String name, long monthlyPriceCents, String currency, List<Limit> limits) {
    }

    public record Limit(String metric, long max) {
    }

    /** {@code status} is trialing, active, past_due or canceled; {@code renewsAt} is null without renewal. */
    public record Subscription(String status, Instant renewsAt, boolean cancelAtPeriodEnd) {
    }

    /** Use of one metric in the current period against the plan's limit; {@code percent} is rounded down. */
    public record Usage(String metric, long used, Long limit, Integer percent, boolean overLimit) {
    }

    /** An invoice with its lines; amounts in cents of {@code currency}. */
    public record Invoice(String id, String number, Instant issuedAt, Instant dueAt, String status, String currency,
            long totalCents, List<InvoiceLine> lines) {
    }

    public record InvoiceLine(String description, long quantity, long unitPriceCents, long amountCents) {
    }

    /** The customer's tickets at a glance. {@code lastTicketAt} is null without tickets. */
    public record SupportSummary(long totalTickets, long activeTickets, long resolvedTickets, Instant lastTicketAt,
            String lastTicketId) {
    }
}

package dev.supportsuite.ticket.account.domain;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read access to customer accounts. */
public interface AccountRepository {

    /** Profile, plan and subscription of a customer; empty when there is none. */
    Mono<CustomerRecord> findCustomer(String userId);

    /** Used amount per metric in the current period. */
    Flux<MetricUse> usage(String userId);

    /** Invoices newest first, with their lines. */
    Flux<Account.Invoice> invoices(String userId, int limit);

    Mono<Account.SupportSummary> supportSummary(String userId);

    /** The stored parts of an account. */
    record CustomerRecord(Account.Profile profile, Account.Plan plan, Account.Subscription subscription) {
    }

    record MetricUse(String metric, long used) {
    }

    /** A convenience for tests and callers: the limits of a plan by metric. */
    static Long limitOf(List<Account.Limit> limits, String metric) {
        return limits.stream().filter(l -> l.metric().equals(metric)).map(Account.Limit::max).findFirst()
                .orElse(null);
    }
}

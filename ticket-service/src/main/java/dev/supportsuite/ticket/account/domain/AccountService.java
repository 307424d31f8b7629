package dev.supportsuite.ticket.account.domain;

import dev.supportsuite.ticket.shared.CallerIdentity;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Account lookups. A user reaches only their own account (anybody else's is "not found"); human
 * agents reach every account; partners need the {@code accounts:read} scope; visitors none.
 */
public class AccountService {

    /** Most invoices a list returns. */
    public static final int MAX_INVOICES = 100;

    private final AccountRepository accounts;

    public AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Mono<Account> get(CallerIdentity caller, String userId) {
        return authorize(caller, userId)
                .then(accounts.findCustomer(userId))
                .switchIfEmpty(Mono.error(() -> new AccountNotFoundException(userId)))
                .flatMap(customer -> Mono.zip(
                                accounts.usage(userId).collectList(),
                                accounts.invoices(userId, 1).collectList(),
                                accounts.supportSummary(userId))
                        .map(parts -> new Account(customer.profile(), customer.plan(), customer.subscription(),
                                usage(customer.plan(), parts.getT1()),
                                parts.getT2().isEmpty() ? null : parts.getT2().get(0), parts.getT3())));
    }

    public Flux<Account.Invoice> invoices(CallerIdentity caller, String userId, int limit) {
        return authorize(caller, userId)
                .then(accounts.findCustomer(userId))
                .switchIfEmpty(Mono.error(() -> new AccountNotFoundException(userId)))
                .flatMapMany(customer -> accounts.invoices(userId, Math.max(1, Math.min(limit, MAX_INVOICES))));
    }

    private static Mono<Void> authorize(CallerIdentity caller, String userId) {
        return Mono.fromRunnable(() -> {
            caller.requireScope(CallerIdentity.ACCOUNTS_READ);
            if (caller.isUser() && !caller.id().equals(userId)) {
                throw new AccountNotFoundException(userId);
            }
        });
    }

    static List<Account.Usage> usage(Account.Plan plan, List<AccountRepository.MetricUse> used) {
        return used.stream()
                .map(use -> {
                    Long limit = AccountRepository.limitOf(plan.limits(), use.metric());
                    Integer percent = limit == null || limit == 0 ? null : (int) Math.min(Integer.MAX_VALUE,
                            use.used() * 100 / limit);
                    return new Account.Usage(use.metric(), use.used(), limit, percent,
                            limit != null && use.used() > limit);
                })
                .toList();
    }
}

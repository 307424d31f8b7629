package dev.supportsuite.ticket.account.api;

import dev.supportsuite.ticket.account.domain.Account;
import dev.supportsuite.ticket.account.domain.AccountService;
import dev.supportsuite.ticket.shared.CallerIdentity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Customer accounts: profile, plan, subscription, usage, latest invoice, support summary, and the
 * invoice list. {@code me} stands for the calling user's own id.
 */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private static final String ME = "me";

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/{userId}")
    Mono<Account> account(CallerIdentity caller, @PathVariable String userId) {
        return accounts.get(caller, resolve(caller, userId));
    }

    @GetMapping("/{userId}/invoices")
    Flux<Account.Invoice> invoices(CallerIdentity caller, @PathVariable String userId,
            @RequestParam(defaultValue = "12") int limit) {
        return accounts.invoices(caller, resolve(caller, userId), limit);
    }

    private static String resolve(CallerIdentity caller, String userId) {
        return ME.equals(userId) && caller.isUser() ? caller.id() : userId;
    }
}

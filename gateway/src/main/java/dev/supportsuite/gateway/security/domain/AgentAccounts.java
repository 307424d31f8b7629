package dev.supportsuite.gateway.security.domain;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Human agent console accounts with PBKDF2 password hashes. */
public final class AgentAccounts {

    /** One console account. */
    public record Account(String username, String passwordHash, String displayName) {
    }

    private final Map<String, Account> accounts;

    public AgentAccounts(Iterable<Account> accounts) {
        this.accounts = java.util.stream.StreamSupport.stream(accounts.spliterator(), false)
                .collect(Collectors.toUnmodifiableMap(Account::username, Function.identity()));
    }

    /** The agent's identity when the password matches. */
    public Optional<CallerIdentity> signIn(String username, String password) {
        Account account = accounts.get(username);
        if (account == null || !PasswordHasher.matches(password, account.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new CallerIdentity("agent", account.username(), java.util.Set.of(),
                account.displayName()));
    }
}

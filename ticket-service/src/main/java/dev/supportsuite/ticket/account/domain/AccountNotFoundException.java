package dev.supportsuite.ticket.account.domain;

/** No account the caller may see under this user id (also another user's account, so ids cannot be probed). */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(String userId) {
        super("No account for user " + userId + ".");
    }
}

package dev.supportsuite.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may do what at the edge.
 *
 * @param devMode       local development: unauthenticated {@code /ws/chat/{user_id}} and {@code /chat}
 *                      as in the seed, generated secrets when none are set, and a demo console
 *                      account. Off by default; the local stack turns it on and logs it loudly.
 * @param widgetSecret  the secret host sites use for {@code user_hash = HMAC-SHA256(secret, user_id)};
 *                      at least 32 characters; required unless in dev mode
 * @param tokenLifetime how long a widget or console session token is accepted; default 1 h
 * @param adminKeyHash  SHA-256 (hex) of the admin key that may create partner keys; none = no admin endpoint
 * @param apiKeys       partner keys from configuration (hashes only)
 * @param agents        console accounts (PBKDF2 hashes, see {@code PasswordHasher})
 * @param keyStore      where partner keys created through the admin endpoint are kept (hashes only)
 */
@Validated
@ConfigurationProperties("support.gateway.security")
public record SecurityProperties(
        @DefaultValue("false") boolean devMode,
        String widgetSecret,
        @NotNull @DefaultValue("1h") Duration tokenLifetime,
        String adminKeyHash,
        @Valid @DefaultValue List<ApiKey> apiKeys,
        @Valid @DefaultValue List<Agent> agents,
        @NotNull @DefaultValue("data/gateway/api-keys.json") Path keyStore) {

    /** A configured partner key. */
    public record ApiKey(@NotBlank String id, @NotBlank String keyHash, @DefaultValue Set<String> scopes) {
    }

    /** A configured console account. */
    public record Agent(@NotBlank String username, @NotBlank String passwordHash, @NotBlank String displayName) {
    }
}

package dev.supportsuite.gateway.security;

import dev.supportsuite.gateway.security.adapter.FileApiKeyStore;
import dev.supportsuite.gateway.security.domain.AccessPolicy;
import dev.supportsuite.gateway.security.domain.AgentAccounts;
import dev.supportsuite.gateway.security.domain.ApiKeyRegistry;
import dev.supportsuite.gateway.security.domain.AuthenticationException;
import dev.supportsuite.gateway.security.domain.Authenticator;
import dev.supportsuite.gateway.security.domain.Hmac;
import dev.supportsuite.gateway.security.domain.PasswordHasher;
import dev.supportsuite.gateway.security.domain.RequestLimiter;
import dev.supportsuite.gateway.security.domain.TokenCodec;
import dev.supportsuite.gateway.security.web.EdgeSecurityFilter;
import dev.supportsuite.platform.problem.ProblemMapping;
import dev.supportsuite.platform.problem.ProblemMappings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final int MIN_SECRET_LENGTH = 32;

    @Bean
    dev.supportsuite.gateway.security.api.WidgetSecretHolder widgetSecret(SecurityProperties properties) {
        String secret = properties.widgetSecret();
        if (secret == null || secret.isBlank()) {
            if (!properties.devMode()) {
                throw new IllegalStateException("SUPPORT_WIDGET_SECRET (support.gateway.security.widget-secret) must "
                        + "be set to at least " + MIN_SECRET_LENGTH + " characters; only dev mode generates one");
            }
            byte[] random = new byte[MIN_SECRET_LENGTH];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
            log.warn("DEV MODE: generated a throw-away widget secret; set SUPPORT_WIDGET_SECRET to keep sessions");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("the widget secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        return new dev.supportsuite.gateway.security.api.WidgetSecretHolder(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    TokenCodec tokenCodec(dev.supportsuite.gateway.security.api.WidgetSecretHolder secret,
            SecurityProperties properties) {
        // Session tokens are signed with a key derived from, but not equal to, the secret host sites hold.
        return new TokenCodec(Hmac.sign(secret.bytes(), "support-suite session tokens v1"), properties.tokenLifetime(),
                Clock.systemUTC());
    }

    @Bean
    ApiKeyRegistry apiKeyRegistry(SecurityProperties properties, JsonMapper mapper) {
        List<ApiKeyRegistry.StoredKey> configured = properties.apiKeys().stream()
                .map(key -> new ApiKeyRegistry.StoredKey(key.id(), key.keyHash().toLowerCase(java.util.Locale.ROOT),
                        key.scopes()))
                .toList();
        return new ApiKeyRegistry(configured, new FileApiKeyStore(properties.keyStore(), mapper));
    }

    @Bean
    AgentAccounts agentAccounts(SecurityProperties properties) {
        List<AgentAccounts.Account> accounts = new ArrayList<>(properties.agents().stream()
                .map(agent -> new AgentAccounts.Account(agent.username(), agent.passwordHash(), agent.displayName()))
                .toList());
        if (properties.devMode() && accounts.isEmpty()) {
            accounts.add(new AgentAccounts.Account("ana", PasswordHasher.hash("ana-console"), "Ana"));
            log.warn("DEV MODE: demo console account 'ana' with password 'ana-console'");
        }
        return new AgentAccounts(accounts);
    }

    @Bean
    Authenticator authenticator(TokenCodec tokens, ApiKeyRegistry keys, SecurityProperties properties) {
        String adminHash = properties.adminKeyHash();
        return new Authenticator(tokens, keys, adminHash == null || adminHash.isBlank() ? null
                : adminHash.toLowerCase(java.util.Locale.ROOT));
    }

    @Bean
    AccessPolicy accessPolicy(SecurityProperties properties) {
        if (properties.devMode()) {
            log.warn("DEV MODE: unauthenticated /ws/chat/{user_id} and /chat are allowed, as in the seed. "
                    + "Never run this setting where real customers can reach it.");
        }
        return new AccessPolicy(properties.devMode());
    }

    @Bean
    EdgeSecurityFilter edgeSecurityFilter(Authenticator authenticator, AccessPolicy policy,
            RequestLimiter requestLimiter, JsonMapper mapper) {
        return new EdgeSecurityFilter(authenticator, policy, requestLimiter, mapper);
    }

    @Bean
    ProblemMappings securityProblems() {
        return ProblemMappings.of(
                ProblemMapping.of(AuthenticationException.class, HttpStatus.UNAUTHORIZED, "invalid-credentials",
                        "Invalid credentials"),
                ProblemMapping.of(ApiKeyRegistry.UnknownScopeException.class, HttpStatus.BAD_REQUEST, "unknown-scope",
                        "Unknown scope"));
    }
}

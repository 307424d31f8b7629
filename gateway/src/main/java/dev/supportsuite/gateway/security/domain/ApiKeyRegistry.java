package dev.supportsuite.gateway.security.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partner API keys, stored only as SHA-256 hashes. Keys come from configuration and from the
 * admin endpoint; a key is shown once, when it is created, and never again.
 */
public final class ApiKeyRegistry {

    /** Scopes a partner key can carry. */
    public static final Set<String> SCOPES = Set.of("chat", "tickets:read", "tickets:write", "accounts:read",
            "knowledge:write", "intents:write");
    /** Every partner key starts with this, which tells it apart from a session token. */
    public static final String KEY_PREFIX = "sk_";

    /** A stored key: its id, the hash of the secret, and its scopes. */
    public record StoredKey(String id, String hash, Set<String> scopes) {
        public StoredKey {
            scopes = Set.copyOf(scopes);
        }
    }

    /** A newly created key; {@code secret} is shown to the admin once. */
    public record CreatedKey(String id, String secret, Set<String> scopes) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, StoredKey> byHash = new ConcurrentHashMap<>();
    private final ApiKeyStore store;

    public ApiKeyRegistry(List<StoredKey> configured, ApiKeyStore store) {
        this.store = store;
        configured.forEach(key -> byHash.put(key.hash(), key));
        store.load().forEach(key -> byHash.put(key.hash(), key));
    }

    public Optional<CallerIdentity> authenticate(String secret) {
        StoredKey key = byHash.get(Hmac.sha256Hex(secret));
        return key == null ? Optional.empty()
                : Optional.of(new CallerIdentity("partner", key.id(), key.scopes(), null));
    }

    public CreatedKey create(String id, Set<String> scopes) {
        for (String scope : scopes) {
            if (!SCOPES.contains(scope)) {
                throw new UnknownScopeException("Unknown scope '" + scope + "'; known: " + SCOPES);
            }
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String secret = KEY_PREFIX + HexFormat.of().formatHex(random);
        StoredKey stored = new StoredKey(id, Hmac.sha256Hex(secret), scopes);
        byHash.put(stored.hash(), stored);
        store.save(List.copyOf(byHash.values().stream().filter(key -> !key.id().startsWith("config:")).toList()));
        return new CreatedKey(id, secret, stored.scopes());
    }

    /** A scope outside {@link #SCOPES} was asked for. */
    public static final class UnknownScopeException extends RuntimeException {
        UnknownScopeException(String message) {
            super(message);
        }
    }

    /** Where created keys persist (hashes only). */
    public interface ApiKeyStore {
        List<StoredKey> load();

        void save(List<StoredKey> keys);
    }
}

package dev.supportsuite.gateway.security.domain;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import java.util.Set;

/**
 * The verified caller of one request or socket.
 *
 * @param type        {@code user}, {@code visitor}, {@code partner} or {@code agent}
 *                    ({@link IdentityHeaders} values), or {@code anonymous} when nothing was presented
 * @param id          user or visitor id, partner key id, agent username; null for anonymous
 * @param scopes      a partner key's scopes; empty otherwise
 * @param displayName how a human agent is shown to customers; null for other callers
 */
public record CallerIdentity(String type, String id, Set<String> scopes, String displayName) {

    public static final String ANONYMOUS = "anonymous";

    public CallerIdentity {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public static CallerIdentity anonymous() {
        return new CallerIdentity(ANONYMOUS, null, Set.of(), null);
    }

    public static CallerIdentity user(String userId) {
        return new CallerIdentity(IdentityHeaders.TYPE_USER, userId, Set.of(), null);
    }

    public static CallerIdentity visitor(String visitorId) {
        return new CallerIdentity(IdentityHeaders.TYPE_VISITOR, visitorId, Set.of(), null);
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(type);
    }

    public boolean is(String identityType) {
        return type.equals(identityType);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The key limits are counted against: one bucket per caller, and per address when anonymous. */
    public String limitKey(String remoteAddress) {
        return isAnonymous() ? "anon:" + remoteAddress : type + ":" + id;
    }
}

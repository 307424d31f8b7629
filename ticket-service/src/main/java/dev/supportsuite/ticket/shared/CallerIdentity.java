package dev.supportsuite.ticket.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The verified caller of a request, as the gateway passed it in the identity headers. Services trust
 * this and never a user id from a request body.
 *
 * @param type   what kind of caller this is
 * @param id     the user, visitor, partner key or human agent id
 * @param scopes the scopes of a partner key (empty for other callers)
 * @param displayName how a human agent is shown to customers; null when the gateway sent none
 */
public record CallerIdentity(Type type, String id, Set<String> scopes, String displayName) {

    /** Scope a partner needs to read tickets. */
    public static final String TICKETS_READ = "tickets:read";
    /** Scope a partner needs to create, update or comment on tickets. */
    public static final String TICKETS_WRITE = "tickets:write";
    /** Scope a partner needs to read customer accounts. */
    public static final String ACCOUNTS_READ = "accounts:read";

    public CallerIdentity {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("caller id is required");
        }
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    public CallerIdentity(Type type, String id, Set<String> scopes) {
        this(type, id, scopes, null);
    }

    /** The name to show a customer: the display name, or the id when there is none. */
    public String shownAs() {
        return displayName != null ? displayName : id;
    }

    /** The kinds of caller the gateway distinguishes; wire values are lower case. */
    public enum Type {
        USER, VISITOR, PARTNER, AGENT;

        /** The wire value, for example {@code user}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type for a wire value, or null when the value is not one. */
        public static Type fromWire(String value) {
            if (value == null) {
                return null;
            }
            for (Type type : values()) {
                if (type.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
            return null;
        }
    }

    public static CallerIdentity user(String id) {
        return new CallerIdentity(Type.USER, id, Set.of());
    }

    public static CallerIdentity agent(String id) {
        return new CallerIdentity(Type.AGENT, id, Set.of());
    }

    public static CallerIdentity partner(String id, Set<String> scopes) {
        return new CallerIdentity(Type.PARTNER, id, scopes);
    }

    /** The service itself, acting on an event (for example opening a handoff ticket). */
    public static CallerIdentity system(String id) {
        return new CallerIdentity(Type.AGENT, "system:" + id, Set.of());
    }

    public boolean isUser() {
        return type == Type.USER;
    }

    public boolean isAgent() {
        return type == Type.AGENT;
    }

    public boolean isPartner() {
        return type == Type.PARTNER;
    }

    public boolean isVisitor() {
        return type == Type.VISITOR;
    }

    /** How the caller appears in histories and events, for example {@code agent:a-7}. */
    public String actor() {
        return id.startsWith("system:") ? id : type.wire() + ":" + id;
    }

    /**
     * Fails unless this caller may act on data of any user within {@code partnerScope}: human agents
     * always, partners with the scope. Users and visitors are handled by the caller of this method.
     */
    public void requireScope(String partnerScope) {
        if (isPartner() && !scopes.contains(partnerScope)) {
            throw new ForbiddenException("This API key lacks the scope " + partnerScope + ".");
        }
        if (isVisitor()) {
            throw new ForbiddenException("Visitors cannot reach tickets or accounts; sign in first.");
        }
    }
}

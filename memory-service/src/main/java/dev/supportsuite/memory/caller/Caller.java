package dev.supportsuite.memory.caller;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import java.util.Set;

/**
 * The verified caller of a request, from the gateway's identity headers. A human support agent
 * (type {@code agent}) may read every user's memory; every other caller (user, visitor, partner)
 * only its own. agent-service asks for a conversation's context on behalf of that conversation's
 * verified user, so it calls with that user's identity.
 *
 * @param type one of the {@code IdentityHeaders.TYPE_*} values
 * @param id   the caller's user, visitor, partner or agent id
 */
public record Caller(String type, String id) {

    private static final Set<String> TYPES = Set.of(IdentityHeaders.TYPE_USER, IdentityHeaders.TYPE_VISITOR,
            IdentityHeaders.TYPE_PARTNER, IdentityHeaders.TYPE_AGENT);

    /** The caller from the header values; missing or unknown values are a {@link MissingIdentityException}. */
    public static Caller of(String type, String id) {
        if (type == null || id == null || id.isBlank() || !TYPES.contains(type)) {
            throw new MissingIdentityException();
        }
        return new Caller(type, id.strip());
    }

    /** A human support agent, who may see every user's conversations. */
    public boolean isAgent() {
        return IdentityHeaders.TYPE_AGENT.equals(type);
    }

    /** Whether this caller may read or erase the data of {@code userId}. */
    public boolean mayAccess(String userId) {
        return isAgent() || id.equals(userId);
    }
}

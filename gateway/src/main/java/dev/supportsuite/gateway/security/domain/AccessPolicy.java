package dev.supportsuite.gateway.security.domain;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may call which public route. The first rule whose method and path match decides; paths
 * outside {@code /api/} and {@code /chat} (docs, health, static pages) are public, and an API path
 * no rule names is refused. Ownership (user A versus user B) is enforced by the owning service
 * from the identity headers; this policy decides which kinds of caller reach a route at all.
 */
public final class AccessPolicy {

    /** The verdict for one request. */
    public enum Verdict { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    private record Rule(Set<String> methods, String pathPrefix, Predicate<CallerIdentity> allowed) {
        boolean matches(String method, String path) {
            return (methods.isEmpty() || methods.contains(method))
                    && (path.equals(pathPrefix) || path.startsWith(pathPrefix.endsWith("/") ? pathPrefix
                            : pathPrefix + "/"));
        }
    }

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> ANY = Set.of();

    private final List<Rule> rules;

    public AccessPolicy(boolean anonymousChat) {
        Predicate<CallerIdentity> chat = id -> id.is("user") || id.is("visitor") || id.is("agent")
                || id.is("partner") && id.hasScope("chat") || anonymousChat && id.isAnonymous();
        Predicate<CallerIdentity> anyone = id -> true;
        Predicate<CallerIdentity> agent = id -> id.is("agent");
        Predicate<CallerIdentity> admin = id -> id.is("admin");
        this.rules = List.of(
                new Rule(Set.of("POST"), "/api/v1/widget/sessions", anyone),
                new Rule(Set.of("POST"), "/api/v1/agent/sessions", anyone),
                new Rule(Set.of("POST"), "/api/v1/console/session", anyone),
                new Rule(ANY, "/api/v1/console", agent),
                new Rule(ANY, "/api/v1/admin", admin),
                new Rule(ANY, "/chat", chat),
                new Rule(ANY, "/api/v1/chat", chat),
                new Rule(READ, "/api/v1/tickets", id -> id.is("user") || id.is("agent")
                        || id.is("partner") && id.hasScope("tickets:read")),
                new Rule(ANY, "/api/v1/tickets", id -> id.is("user") || id.is("agent")
                        || id.is("partner") && id.hasScope("tickets:write")),
                // Accounts hold invoices: a scope of their own, not implied by tickets:read.
                new Rule(READ, "/api/v1/accounts", id -> id.is("user") || id.is("agent")
                        || id.is("partner") && id.hasScope("accounts:read")),
                new Rule(ANY, "/api/v1/handoffs", agent),
                // The knowledge base is the public help center: anyone may read it (citation links).
                new Rule(READ, "/api/v1/knowledge", anyone),
                new Rule(ANY, "/api/v1/knowledge", id -> id.is("agent")
                        || id.is("partner") && id.hasScope("knowledge:write")),
                new Rule(Set.of("POST"), "/api/v1/intents/classify", chat),
                new Rule(ANY, "/api/v1/intents", id -> id.is("admin")
                        || id.is("partner") && id.hasScope("intents:write")),
                new Rule(ANY, "/api/v1/sentiment", id -> id.is("agent") || id.is("partner") && id.hasScope("chat")),
                new Rule(ANY, "/api/v1/memory", id -> id.is("user") || id.is("agent")));
    }

    public Verdict decide(String method, String path, CallerIdentity identity) {
        if (!path.startsWith("/api/") && !path.equals("/chat")) {
            return Verdict.ALLOW;
        }
        for (Rule rule : rules) {
            if (rule.matches(method, path)) {
                if (rule.allowed().test(identity)) {
                    return Verdict.ALLOW;
                }
                return identity.isAnonymous() ? Verdict.UNAUTHENTICATED : Verdict.FORBIDDEN;
            }
        }
        return identity.isAnonymous() ? Verdict.UNAUTHENTICATED : Verdict.FORBIDDEN;
    }
}

package dev.supportsuite.gateway.security.web;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.gateway.security.domain.AccessPolicy;
import dev.supportsuite.gateway.security.domain.AuthenticationException;
import dev.supportsuite.gateway.security.domain.Authenticator;
import dev.supportsuite.gateway.security.domain.CallerIdentity;
import dev.supportsuite.gateway.security.domain.RequestLimiter;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's one security step, in front of every controller, socket and route: strip identity
 * headers a client sent, verify the credential (bearer token, partner key, {@code token} query
 * parameter on a socket, or the console's session cookie, whose writes also need the CSRF token),
 * count the request against the caller's rate limit, apply the {@link AccessPolicy}, and pass the
 * verified identity on, as exchange attribute and as the {@link IdentityHeaders} that routed services
 * read.
 */
public final class EdgeSecurityFilter implements WebFilter, Ordered {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Exchange attribute holding the request's {@link CallerIdentity}. */
    public static final String IDENTITY = EdgeSecurityFilter.class.getName() + ".identity";

    private final Authenticator authenticator;
    private final AccessPolicy policy;
    private final RequestLimiter limiter;
    private final ProblemResponses problems;

    public EdgeSecurityFilter(Authenticator authenticator, AccessPolicy policy, RequestLimiter limiter,
            JsonMapper mapper) {
        this.authenticator = authenticator;
        this.policy = policy;
        this.limiter = limiter;
        this.problems = new ProblemResponses(mapper);
    }

    /** The identity the filter verified for this exchange. */
    public static CallerIdentity identity(ServerWebExchange exchange) {
        CallerIdentity identity = exchange.getAttribute(IDENTITY);
        return identity == null ? CallerIdentity.anonymous() : identity;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith("/actuator")) {
            return chain.filter(exchange.mutate().request(stripped(request, CallerIdentity.anonymous())).build());
        }
        CallerIdentity identity;
        String bearer = credential(request, path);
        boolean signingIn = path.equals(ConsoleCookies.SIGN_IN_PATH) && "POST".equals(request.getMethod().name());
        HttpCookie session = bearer == null && path.startsWith("/api/") && !signingIn ? request.getCookies()
                .getFirst(ConsoleCookies.SESSION) : null;
        try {
            identity = authenticator.authenticate(session != null ? session.getValue() : bearer);
        } catch (AuthenticationException e) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                    e.getMessage());
        }
        if (session != null && !SAFE_METHODS.contains(request.getMethod().name()) && !csrfHolds(request)) {
            // A session cookie goes with every request the browser makes, also from other sites' pages:
            // a write must also carry the CSRF token, which only the console's own page can read.
            return problems.write(exchange, HttpStatus.FORBIDDEN, "csrf-failed", "Missing or wrong CSRF token",
                    "Send the value of the " + ConsoleCookies.CSRF + " cookie in the " + ConsoleCookies.CSRF_HEADER
                            + " header.");
        }
        return limiter.tryAcquire(identity.limitKey(remoteAddress(request)))
                .flatMap(decision -> decision.allowed() ? authorize(exchange, chain, request, path, identity)
                        : tooManyRequests(exchange, decision));
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, RequestLimiter.Decision decision) {
        long seconds = Math.max(1, (long) Math.ceil(decision.retryAfter().toMillis() / 1000.0));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "The request limit per minute is reached; retry in " + seconds + " s.");
    }

    private Mono<Void> authorize(ServerWebExchange exchange, WebFilterChain chain, ServerHttpRequest request,
            String path, CallerIdentity identity) {
        switch (policy.decide(request.getMethod().name().toUpperCase(Locale.ROOT), path, identity)) {
            case UNAUTHENTICATED -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                return problems.write(exchange, HttpStatus.UNAUTHORIZED, "authentication-required",
                        "Authentication required", "This route needs a session token or an API key.");
            }
            case FORBIDDEN -> {
                return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                        "Your identity does not allow this route.");
            }
            default -> {
                exchange.getAttributes().put(IDENTITY, identity);
                return chain.filter(exchange.mutate().request(stripped(request, identity)).build());
            }
        }
    }

    private static boolean csrfHolds(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(ConsoleCookies.CSRF);
        String header = request.getHeaders().getFirst(ConsoleCookies.CSRF_HEADER);
        return cookie != null && header != null && !header.isEmpty()
                && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                        header.getBytes(StandardCharsets.UTF_8));
    }

    private static String credential(ServerHttpRequest request, String path) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (path.startsWith("/ws/")) {
            return request.getQueryParams().getFirst("token");
        }
        return null;
    }

    /** The request without client-sent identity headers, carrying the verified ones instead. */
    private static ServerHttpRequest stripped(ServerHttpRequest request, CallerIdentity identity) {
        return request.mutate().headers(headers -> {
            headers.remove(IdentityHeaders.TYPE);
            headers.remove(IdentityHeaders.USER_ID);
            headers.remove(IdentityHeaders.SCOPES);
            headers.remove(IdentityHeaders.DISPLAY_NAME);
            if (!identity.isAnonymous() && !identity.is("admin")) {
                headers.set(IdentityHeaders.TYPE, identity.type());
                headers.set(IdentityHeaders.USER_ID, identity.id());
                if (identity.is(IdentityHeaders.TYPE_AGENT) && identity.displayName() != null) {
                    headers.set(IdentityHeaders.DISPLAY_NAME,
                            URLEncoder.encode(identity.displayName(), StandardCharsets.UTF_8));
                }
                if (!identity.scopes().isEmpty()) {
                    headers.set(IdentityHeaders.SCOPES, String.join(",", identity.scopes().stream().sorted().toList()));
                }
            }
        }).build();
    }

    private static String remoteAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}

package dev.supportsuite.ticket.shared.adapter;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.ticket.shared.CallerIdentity;
import dev.supportsuite.ticket.shared.UnauthenticatedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives every controller method with a {@link CallerIdentity} parameter the caller the gateway
 * verified, read from the identity headers. Missing or invalid headers fail with
 * {@link UnauthenticatedException} (401).
 */
public class CallerIdentityResolver implements HandlerMethodArgumentResolver {

    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_NAME_LENGTH = 80;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CallerIdentity.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        return Mono.fromCallable(() -> read(exchange.getRequest().getHeaders()));
    }

    /** Reads the caller from the identity headers. */
    public static CallerIdentity read(HttpHeaders headers) {
        String typeHeader = headers.getFirst(IdentityHeaders.TYPE);
        String id = headers.getFirst(IdentityHeaders.USER_ID);
        if (typeHeader == null || id == null) {
            throw new UnauthenticatedException("The request carries no caller identity (" + IdentityHeaders.TYPE
                    + ", " + IdentityHeaders.USER_ID + "); call through the gateway.");
        }
        CallerIdentity.Type type = CallerIdentity.Type.fromWire(typeHeader);
        id = id.trim();
        if (type == null) {
            throw new UnauthenticatedException("Unknown identity type '" + typeHeader + "'.");
        }
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.startsWith("system:")) {
            throw new UnauthenticatedException("Invalid caller id.");
        }
        String scopes = headers.getFirst(IdentityHeaders.SCOPES);
        Set<String> scopeSet = type == CallerIdentity.Type.PARTNER && scopes != null
                ? Arrays.stream(scopes.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet())
                : Set.of();
        return new CallerIdentity(type, id, scopeSet,
                type == CallerIdentity.Type.AGENT ? displayName(headers.getFirst(IdentityHeaders.DISPLAY_NAME)) : null);
    }

    /** The agent's display name, decoded; a malformed or overlong value is ignored (the id is shown). */
    private static String displayName(String encoded) {
        if (encoded == null) {
            return null;
        }
        try {
            String name = URLDecoder.decode(encoded, StandardCharsets.UTF_8).strip();
            return name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)
                    ? null : name;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

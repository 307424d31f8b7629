package dev.supportsuite.gateway.security.api;

import dev.supportsuite.gateway.security.domain.AgentAccounts;
import dev.supportsuite.gateway.security.domain.AuthenticationException;
import dev.supportsuite.gateway.security.domain.CallerIdentity;
import dev.supportsuite.gateway.security.domain.Hmac;
import dev.supportsuite.gateway.security.domain.TokenCodec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Exchanges proof of identity for a short-lived session token. */
@RestController
@Tag(name = "sessions", description = "Session tokens for the chat widget and the agent console")
class SessionController {

    private final byte[] widgetSecret;
    private final TokenCodec tokens;
    private final AgentAccounts agents;

    SessionController(WidgetSecretHolder widgetSecret, TokenCodec tokens, AgentAccounts agents) {
        this.widgetSecret = widgetSecret.bytes();
        this.tokens = tokens;
        this.agents = agents;
    }

    @Operation(summary = "A widget session: a verified user ({user_id, user_hash}) or, with no body, an anonymous visitor")
    @PostMapping("/api/v1/widget/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SessionRequests.SessionResponse> widgetSession(
            @Valid @RequestBody(required = false) SessionRequests.WidgetSessionRequest request) {
        return Mono.fromSupplier(() -> {
            if (request == null || request.userId() == null && request.userHash() == null) {
                return respond(CallerIdentity.visitor("v-" + UUID.randomUUID()));
            }
            if (request.userId() == null || request.userHash() == null) {
                throw new AuthenticationException("Both user_id and user_hash are needed for a verified user.");
            }
            String expected = Hmac.hex(widgetSecret, request.userId());
            if (!Hmac.equalsConstantTime(expected, request.userHash().toLowerCase(java.util.Locale.ROOT))) {
                throw new AuthenticationException("user_hash does not match user_id.");
            }
            return respond(CallerIdentity.user(request.userId()));
        });
    }

    @Operation(summary = "Sign a human agent in to the console")
    @PostMapping("/api/v1/agent/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SessionRequests.SessionResponse> agentSession(@Valid @RequestBody SessionRequests.AgentSignInRequest request) {
        // PBKDF2 is deliberately slow: keep it off the event loop.
        return Mono.fromCallable(() -> agents.signIn(request.username(), request.password())
                        .orElseThrow(() -> new AuthenticationException("Unknown username or wrong password.")))
                .subscribeOn(Schedulers.boundedElastic())
                .map(this::respond);
    }

    private SessionRequests.SessionResponse respond(CallerIdentity identity) {
        TokenCodec.IssuedToken issued = tokens.issue(identity);
        return new SessionRequests.SessionResponse(issued.token(), issued.expiresAt(), identity.id(), identity.type(),
                identity.displayName());
    }
}

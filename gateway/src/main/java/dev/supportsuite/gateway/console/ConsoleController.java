package dev.supportsuite.gateway.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.gateway.chat.domain.InboundPublisher;
import dev.supportsuite.gateway.security.domain.AgentAccounts;
import dev.supportsuite.gateway.security.domain.AuthenticationException;
import dev.supportsuite.gateway.security.domain.CallerIdentity;
import dev.supportsuite.gateway.security.domain.TokenCodec;
import dev.supportsuite.gateway.security.web.ConsoleCookies;
import dev.supportsuite.gateway.security.web.EdgeSecurityFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The human agents' console API. Signing in sets the session cookie (HttpOnly, SameSite=Strict) and
 * the CSRF cookie; the console page then uses these endpoints and the ordinary {@code /api/v1}
 * routes (handoffs, tickets, accounts, memory, knowledge) with the cookie, every write carrying the
 * CSRF token. Only the agent holding a conversation can write into it.
 */
@RestController
@RequestMapping("/api/v1/console")
@Tag(name = "console", description = "The human agent console: session, live events, replies")
class ConsoleController {

    record SignIn(@NotBlank @Size(max = 128) String username, @NotBlank @Size(max = 256) String password) {
    }

    record Agent(@JsonProperty("agent_id") String agentId, String name,
            @JsonProperty("expires_at") Instant expiresAt) {
    }

    record Reply(@NotBlank @Size(max = 4000) String content) {
    }

    record Sent(@JsonProperty("message_id") String messageId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final AgentAccounts agents;
    private final TokenCodec tokens;
    private final ConsoleFeed feed;
    private final InboundPublisher inbound;
    private final WebClient tickets;

    ConsoleController(AgentAccounts agents, TokenCodec tokens, ConsoleFeed feed, InboundPublisher inbound,
            WebClient consoleTicketClient) {
        this.agents = agents;
        this.tokens = tokens;
        this.feed = feed;
        this.inbound = inbound;
        this.tickets = consoleTicketClient;
    }

    @Operation(summary = "Sign a human agent in: sets the session and CSRF cookies")
    @PostMapping("/session")
    Mono<Agent> signIn(@Valid @RequestBody SignIn request, ServerWebExchange exchange) {
        // PBKDF2 is deliberately slow: keep it off the event loop.
        return Mono.fromCallable(() -> agents.signIn(request.username(), request.password())
                        .orElseThrow(() -> new AuthenticationException("Unknown username or wrong password.")))
                .subscribeOn(Schedulers.boundedElastic())
                .map(identity -> {
                    TokenCodec.IssuedToken issued = tokens.issue(identity);
                    boolean secure = "https".equals(exchange.getRequest().getURI().getScheme());
                    Duration lifetime = Duration.between(Instant.now(), issued.expiresAt());
                    exchange.getResponse().addCookie(ResponseCookie.from(ConsoleCookies.SESSION, issued.token())
                            .httpOnly(true).sameSite("Strict").secure(secure).path("/").maxAge(lifetime).build());
                    byte[] csrf = new byte[24];
                    RANDOM.nextBytes(csrf);
                    exchange.getResponse().addCookie(ResponseCookie.from(ConsoleCookies.CSRF,
                                    HexFormat.of().formatHex(csrf))
                            .httpOnly(false).sameSite("Strict").secure(secure).path("/").maxAge(lifetime).build());
                    return new Agent(identity.id(), identity.displayName(), issued.expiresAt());
                });
    }

    @Operation(summary = "The signed-in agent")
    @GetMapping("/session")
    Agent me(ServerWebExchange exchange) {
        CallerIdentity identity = EdgeSecurityFilter.identity(exchange);
        return new Agent(identity.id(), identity.displayName(), null);
    }

    @Operation(summary = "Sign out: clears the cookies")
    @DeleteMapping("/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(ResponseCookie.from(ConsoleCookies.SESSION, "").httpOnly(true)
                .sameSite("Strict").path("/").maxAge(0).build());
        exchange.getResponse().addCookie(ResponseCookie.from(ConsoleCookies.CSRF, "").sameSite("Strict").path("/")
                .maxAge(0).build());
    }

    @Operation(summary = "Live updates: the queue changed, a conversation got messages (server-sent events)")
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Map<String, Object>>> events() {
        Flux<ServerSentEvent<Map<String, Object>>> updates = feed.events()
                .map(update -> ServerSentEvent.<Map<String, Object>>builder(update)
                        .event(String.valueOf(update.get("type"))).build());
        Flux<ServerSentEvent<Map<String, Object>>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<Map<String, Object>>builder().comment("keep-alive").build());
        return Flux.merge(Flux.just(ServerSentEvent.<Map<String, Object>>builder(Map.of("type", "hello"))
                .event("hello").build()), updates, heartbeats);
    }

    @Operation(summary = "Send a reply to the customer of a handoff the caller holds")
    @PostMapping("/handoffs/{handoffId}/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Sent> reply(@PathVariable String handoffId, @Valid @RequestBody Reply reply, ServerWebExchange exchange) {
        CallerIdentity agent = EdgeSecurityFilter.identity(exchange);
        return tickets.get().uri("/api/v1/handoffs/{id}", handoffId)
                .header(IdentityHeaders.TYPE, IdentityHeaders.TYPE_AGENT)
                .header(IdentityHeaders.USER_ID, agent.id())
                .retrieve()
                .onStatus(status -> status.value() == 404, response -> response.releaseBody()
                        .then(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No handoff " + handoffId))))
                .bodyToMono(JsonNode.class)
                .flatMap(handoff -> {
                    if (!"claimed".equals(handoff.path("status").asString())
                            || !agent.id().equals(handoff.path("claimedBy").asString())) {
                        return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                                "Claim the conversation before replying to it."));
                    }
                    String messageId = "agent-msg-" + UUID.randomUUID();
                    return inbound.publish(ChatInboundMessage.create(handoff.path("conversationId").asString(),
                                    messageId, 0, agent.id(), IdentityHeaders.TYPE_AGENT, reply.content().strip(),
                                    null, "console"))
                            .thenReturn(new Sent(messageId));
                });
    }
}

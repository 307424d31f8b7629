package dev.supportsuite.agent.chat.adapter;

import dev.supportsuite.agent.chat.domain.CustomerMemory;
import dev.supportsuite.agent.chat.domain.SupportDesk;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * memory-service's {@code GET /api/v1/memory/conversations/{id}/context}, asked as the conversation's
 * verified user (memory-service then answers with that user's data only).
 */
public class MemoryClient implements CustomerMemory {

    private final WebClient client;
    private final Downstream downstream;

    public MemoryClient(WebClient.Builder builder, URI baseUrl, Downstream downstream) {
        this.client = builder.baseUrl(baseUrl.toString()).build();
        this.downstream = downstream;
    }

    @Override
    public Mono<Recollection> recall(String conversationId, SupportDesk.Caller caller) {
        return downstream.call(client.get()
                .uri("/api/v1/memory/conversations/{id}/context", conversationId)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.set(IdentityHeaders.TYPE, caller.identityType());
                    headers.set(IdentityHeaders.USER_ID, caller.userId());
                })
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(MemoryClient::toRecollection));
    }

    static Recollection toRecollection(JsonNode context) {
        JsonNode profile = context.path("profile");
        String name = profile.path("name").asString(null);
        List<String> openIssues = new ArrayList<>();
        profile.path("openIssues").forEach(issue -> openIssues.add(issue.asString()));
        JsonNode previous = context.path("session").path("previousConversation");
        boolean returning = !previous.isMissingNode() && !previous.isNull();
        String earlier = returning ? previous.path("note").asString(null) : null;
        return new Recollection(name == null || name.isBlank() ? null : name, openIssues, returning,
                earlier == null || earlier.isBlank() ? null : earlier);
    }
}

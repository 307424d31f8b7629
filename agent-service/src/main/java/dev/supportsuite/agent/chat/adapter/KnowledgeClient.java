package dev.supportsuite.agent.chat.adapter;

import dev.supportsuite.agent.chat.domain.KnowledgeSearch;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** knowledge-service's search API over HTTP, with its timeout and circuit breaker. */
public class KnowledgeClient implements KnowledgeSearch {

    private static final int PASSAGES = 3;

    private final WebClient client;
    private final Downstream downstream;

    public KnowledgeClient(WebClient.Builder builder, URI baseUrl, Downstream downstream) {
        this.client = builder.baseUrl(baseUrl.toString()).build();
        this.downstream = downstream;
    }

    @Override
    public Mono<Result> search(String question) {
        return downstream.call(client.get()
                .uri(uri -> uri.path("/api/v1/knowledge/search").queryParam("q", question).queryParam("k", PASSAGES)
                        .build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(KnowledgeClient::toResult));
    }

    private static Result toResult(JsonNode body) {
        List<Passage> passages = new ArrayList<>();
        for (JsonNode hit : body.path("hits")) {
            String snippet = hit.path("snippet").asString();
            passages.add(new Passage(hit.path("documentId").asString(), hit.path("title").asString(),
                    hit.path("sectionPath").asString(), snippet, hit.path("text").asString(snippet),
                    hit.path("confidence").asDouble()));
        }
        return new Result(body.path("answerable").asBoolean(false), passages);
    }
}

package dev.supportsuite.agent.chat.adapter;

import dev.supportsuite.agent.chat.domain.Mood;
import dev.supportsuite.agent.chat.domain.SentimentAnalysis;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** sentiment-service's {@code POST /api/v1/sentiment/analyze}, with the conversation's earlier messages. */
public class SentimentClient implements SentimentAnalysis {

    private final WebClient client;
    private final Downstream downstream;

    public SentimentClient(WebClient.Builder builder, URI baseUrl, Downstream downstream) {
        this.client = builder.baseUrl(baseUrl.toString()).build();
        this.downstream = downstream;
    }

    @Override
    public Mono<Mood> analyze(String text, List<String> history) {
        List<Map<String, String>> earlier = history.stream().map(message -> Map.of("text", message)).toList();
        return downstream.call(client.post()
                .uri("/api/v1/sentiment/analyze")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text, "history", earlier))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(SentimentClient::toMood));
    }

    static Mood toMood(JsonNode body) {
        List<String> reasons = new ArrayList<>();
        body.path("escalation").path("reasons").forEach(reason -> reasons.add(reason.asString()));
        return new Mood(body.path("polarity").asDouble(), body.path("label").asString("neutral"),
                body.path("frustration").asDouble(), body.path("trend").path("direction").asString("stable"),
                body.path("trend").path("slope").asDouble(), body.path("escalation").path("level").asString("none"),
                reasons, true, body.path("language").asString(Mood.UNKNOWN_LANGUAGE));
    }
}

package dev.supportsuite.agent.chat.adapter;

import dev.supportsuite.agent.chat.domain.KnowledgeSearch;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** knowledge-service's search API over HTTP, with its timeout and circuit breaker. */
public class KnowledgeClient implements KnowledgeSearch {

    private static final int PASSAGES = 3;
    /** The longest query knowledge-service's search accepts. */
    static final int MAX_QUERY_CHARS = 1000;
    private static final Pattern QUESTION_SENTENCE = Pattern.compile("[^.!?\\n]*\\?");

    private final WebClient client;
    private final Downstream downstream;

    public KnowledgeClient(WebClient.Builder builder, URI baseUrl, Downstream downstream) {
        this.client = builder.baseUrl(baseUrl.toString()).build();
        this.downstream = downstream;
    }

    @Override
    public Mono<Result> search(String question) {
        return downstream.call(client.get()
                .uri(uri -> uri.path("/api/v1/knowledge/search").queryParam("q", query(question))
                        .queryParam("k", PASSAGES).build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(KnowledgeClient::toResult));
    }

    /**
     * What to search for: the message itself, or for a message longer than the search accepts, its questions
     * (the sentences ending in "?"), else its beginning up to a word break. Sending it whole was refused and read
     * as the help center being down.
     */
    static String query(String message) {
        String text = message.strip();
        if (text.length() <= MAX_QUERY_CHARS) {
            return text;
        }
        StringBuilder questions = new StringBuilder();
        Matcher question = QUESTION_SENTENCE.matcher(text);
        while (question.find()) {
            String sentence = question.group().strip();
            if (questions.length() + sentence.length() + 1 > MAX_QUERY_CHARS) {
                break;
            }
            questions.append(questions.isEmpty() ? "" : " ").append(sentence);
        }
        if (!questions.isEmpty()) {
            return questions.toString();
        }
        int cut = text.lastIndexOf(' ', MAX_QUERY_CHARS);
        return text.substring(0, cut > 0 ? cut : MAX_QUERY_CHARS).strip();
    }

    private static Result toResult(JsonNode body) {
        List<Passage> passages = new ArrayList<>();
        for (JsonNode hit : body.path("hits")) {
            String snippet = hit.path("snippet").asString();
            passages.add(new Passage(hit.path("documentId").asString(), hit.path("title").asString(),
                    hit.path("sectionPath").asString(), snippet, hit.path("text").asString(snippet),
                    hit.path("confidence").asDouble()));
        }
        JsonNode corrected = body.path("correctedQuery");
        return new Result(body.path("answerable").asBoolean(false), passages,
                corrected.isString() ? corrected.asString() : null);
    }
}

package dev.supportsuite.sentiment.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.sentiment.SentimentServiceApplication;
import dev.supportsuite.sentiment.config.SentimentProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The HTTP API on a random port, with the service's real configuration file. */
@SpringBootTest(classes = SentimentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=sentiment-service", "support.sentiment.max-text-size=2KB",
                "support.sentiment.max-batch-size=5", "support.sentiment.max-history=3"})
@SuppressWarnings("unchecked")
class SentimentApiTests {

    private static final String PROBLEM = "https://supportsuite.dev/problems/";

    @LocalServerPort
    int port;

    @Autowired
    SentimentProperties properties;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    private WebTestClient.ResponseSpec post(String path, Object body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void analyzesAFrustratedMessageWithEveryField() {
        post("/api/v1/sentiment/analyze", Map.of("text", "this is ridiculous, third time I ask!!!"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.polarity").value(v -> assertThat(((Number) v).doubleValue()).isNegative())
                .jsonPath("$.label").isEqualTo("negative")
                .jsonPath("$.frustration").value(v -> assertThat(((Number) v).doubleValue()).isGreaterThanOrEqualTo(0.8))
                .jsonPath("$.signals[*].type").value(v -> assertThat((List<Object>) v).contains("repeated_ask",
                        "repeated_punctuation", "keyword"))
                .jsonPath("$.trend.direction").isEqualTo("stable")
                .jsonPath("$.trend.slope").isEqualTo(0.0)
                .jsonPath("$.escalation.level").isEqualTo("immediate")
                .jsonPath("$.escalation.reasons[0]").isEqualTo("high_frustration")
                .jsonPath("$.language").isEqualTo("en");
    }

    @Test
    void acceptsHistoryAsTextsAndPolaritiesAndReportsTheTrend() {
        post("/api/v1/sentiment/analyze", Map.of("text", "This is awful, nothing works and I am losing money",
                "history", List.of(Map.of("polarity", 0.6), Map.of("text", "hmm, the link does not open"),
                        Map.of("polarity", -0.3))))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.trend.direction").isEqualTo("declining")
                .jsonPath("$.trend.points").isEqualTo(4)
                .jsonPath("$.escalation.reasons").value(v -> assertThat((List<Object>) v).contains("declining_trend"));
    }

    @Test
    void anEmptyTextIsAnsweredAsNeutral() {
        post("/api/v1/sentiment/analyze", Map.of("text", ""))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.polarity").isEqualTo(0.0)
                .jsonPath("$.label").isEqualTo("neutral")
                .jsonPath("$.language").isEqualTo("und")
                .jsonPath("$.escalation.level").isEqualTo("none");
    }

    @Test
    void aMissingTextIsAValidationProblem() {
        post("/api/v1/sentiment/analyze", Map.of("history", List.of()))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed");
    }

    @Test
    void aHistoryEntryWithBothTextAndPolarityIsAValidationProblem() {
        post("/api/v1/sentiment/analyze", Map.of("text", "hi",
                "history", List.of(Map.of("text", "hello", "polarity", 0.2))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed");
    }

    @Test
    void aHistoryPolarityOutOfRangeIsAValidationProblem() {
        post("/api/v1/sentiment/analyze", Map.of("text", "hi", "history", List.of(Map.of("polarity", 3))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        client.post().uri("/api/v1/sentiment/analyze").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTextOverTheLimitIsContentTooLarge() {
        post("/api/v1/sentiment/analyze", Map.of("text", "a".repeat((int) properties.maxTextSize().toBytes() + 1)))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "text-too-large");
    }

    @Test
    void aTextAtTheLimitIsAnswered() {
        post("/api/v1/sentiment/analyze", Map.of("text", "é".repeat((int) properties.maxTextSize().toBytes() / 2)))
                .expectStatus().isOk();
    }

    @Test
    void tooManyHistoryEntriesAreABadRequest() {
        post("/api/v1/sentiment/analyze", Map.of("text", "hi", "history",
                IntStream.range(0, properties.maxHistory() + 1).mapToObj(i -> Map.of("polarity", 0.1)).toList()))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "history-too-long");
    }

    @Test
    void analyzesABatchInOrder() {
        post("/api/v1/sentiment/analyze/batch", Map.of("items", List.of(Map.of("text", "I love this app"),
                Map.of("text", "I have an issue with my invoice"), Map.of("text", "This is TERRIBLE!!!"))))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.results.length()").isEqualTo(3)
                .jsonPath("$.results[0].label").isEqualTo("positive")
                .jsonPath("$.results[1].escalation.level").isEqualTo("none")
                .jsonPath("$.results[2].label").isEqualTo("negative");
    }

    @Test
    void aBatchOverTheLimitIsContentTooLarge() {
        post("/api/v1/sentiment/analyze/batch", Map.of("items",
                IntStream.range(0, properties.maxBatchSize() + 1).mapToObj(i -> Map.of("text", "hi")).toList()))
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "batch-too-large");
    }

    @Test
    void thresholdsAreBoundFromTheConfigurationFile() {
        assertThat(properties.sentimentThreshold()).isEqualTo(0.3);
        assertThat(properties.handoffThreshold()).isEqualTo(-0.5);
        assertThat(properties.immediateFrustration()).isEqualTo(0.8);
        assertThat(properties.frustrationKeywords()).startsWith("angry", "frustrated", "terrible").contains("fed up");
    }
}

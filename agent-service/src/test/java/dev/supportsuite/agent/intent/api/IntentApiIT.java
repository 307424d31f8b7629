package dev.supportsuite.agent.intent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.agent.AgentServiceApplication;
import dev.supportsuite.agent.intent.adapter.R2dbcIntentCatalogRepository;
import dev.supportsuite.agent.intent.domain.ClassifierSettings;
import dev.supportsuite.agent.intent.domain.EntityExtractor;
import dev.supportsuite.agent.intent.domain.IntentService;
import dev.supportsuite.agent.intent.domain.IntentSettings;
import dev.supportsuite.agent.intent.domain.SentenceEncoder;
import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The intent API of agent-service against a real PostgreSQL (and Kafka, which the service needs). */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
@SpringBootTest(classes = AgentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=agent-service")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntentApiIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private static final String ORDERS_CSV = """
            text,intent
            "where is my order, it's late",order_status
            has my package shipped yet,order_status
            track my parcel please,order_status
            "she said ""refund"" twice",refund
            I want my money back,refund
            please refund my purchase,refund
            hello there,greeting
            good morning,greeting
            """;

    private static String shippedCsv;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(KafkaExtension.bootstrapServers()));
        properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), "agent"));
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper mapper;

    @Autowired
    DatabaseClient db;

    @Autowired
    ReactiveTransactionManager transactions;

    @Autowired
    SentenceEncoder encoder;

    @Autowired
    @Qualifier("intentInferenceScheduler")
    Scheduler scheduler;

    @Autowired
    @Qualifier("intentTrainingPool")
    ForkJoinPool trainingPool;

    private WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(90)).build();
    }

    @Test
    @Order(1)
    void servesTheShippedCatalogUntilAnOperatorReplacesIt() {
        JsonNode catalog = getJson();
        assertThat(catalog.get("version").asLong()).isZero();
        assertThat(catalog.get("examples").size()).isGreaterThan(300);

        shippedCsv = client.get().uri("/api/v1/intents").accept(CSV).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(CSV)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(shippedCsv).startsWith("text,intent\r\n").contains("I have an issue with my invoice,billing_question");

        JsonNode result = classify("Hi, I have an issue with my invoice from March 3");
        assertThat(result.get("intent").asString()).isEqualTo("billing_question");
        assertThat(result.get("out_of_scope").asBoolean()).isFalse();
        assertThat(result.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.get("alternatives").get(0).get("intent").asString()).isEqualTo("billing_question");
        assertThat(result.get("entities").get(0).get("type").asString()).isEqualTo("date");
    }

    @Test
    @Order(2)
    void replacesTheCatalogWithCsvAndReadsItBackInAFormPutAcceptsUnchanged() {
        JsonNode status = put(CSV, ORDERS_CSV, 200);
        long version = status.get("version").asLong();
        assertThat(version).isPositive();
        assertThat(status.get("examples").asInt()).isEqualTo(8);

        String csv = client.get().uri("/api/v1/intents").accept(CSV).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).isEqualTo(ORDERS_CSV.replace("\n", "\r\n"));
        JsonNode json = getJson();
        assertThat(json.get("examples").get(3).get("text").asString()).isEqualTo("she said \"refund\" twice");

        JsonNode fromJson = put(MediaType.APPLICATION_JSON, json.toString(), 200);
        assertThat(fromJson.get("version").asLong()).isEqualTo(version + 1);
        assertThat(fromJson.get("reusedEmbeddings").asInt()).isEqualTo(8);
        assertThat(getJson().get("examples")).isEqualTo(json.get("examples"));

        put(CSV, csv, 200);
        assertThat(client.get().uri("/api/v1/intents?format=csv").exchange().expectBody(String.class).returnResult()
                .getResponseBody()).isEqualTo(csv);

        JsonNode result = classify("has my parcel been shipped? it's TKT-77 and I paid $12.50");
        assertThat(result.get("intent").asString()).isEqualTo("order_status");
        assertThat(result.get("catalog_version").asLong()).isEqualTo(version + 2);
        assertThat(result.get("entities").findValuesAsString("type")).containsExactly("ticket_id", "amount");
    }

    @Test
    @Order(3)
    void rejectsBadCatalogsWithProblemDetailsAndKeepsTheOneInForce() {
        long version = getJson().get("version").asLong();

        assertProblem(put(CSV, "text,topic\nhi,greeting\nhello,greeting\n", 400), "'intent'");
        assertProblem(put(CSV, "text,intent\n", 400), "no examples");
        assertProblem(put(CSV, "text,intent\nhi,greeting\nhello,greeting\n\" \",greeting\nbye,goodbye\nciao,goodbye\n",
                400), "example 3 has no text");
        assertProblem(put(MediaType.APPLICATION_JSON, """
                {"examples": [{"text": "hi", "intent": "greeting"}, {"text": "hello", "intent": "greeting"},
                              {"text": "bye", "intent": "goodbye"}]}
                """, 400), "'goodbye' has 1 example(s)");
        assertProblem(put(MediaType.APPLICATION_JSON, "{\"examples\": [", 400), "not a JSON catalog");
        assertProblem(put(MediaType.APPLICATION_JSON, "", 400), "empty");

        client.post().uri("/api/v1/intents/classify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/validation-failed");

        assertThat(getJson().get("version").asLong()).isEqualTo(version);
        assertThat(classify("track my parcel").get("intent").asString()).isEqualTo("order_status");
    }

    @Test
    @Order(4)
    void acceptsAPlainJsonArrayWithATunedThresholdAndAnOutOfScopeIntent() {
        JsonNode status = put(MediaType.APPLICATION_JSON, """
                [{"text": "where is my order", "intent": "order_status"},
                 {"text": "track my parcel", "intent": "order_status"},
                 {"text": "has my package shipped", "intent": "order_status"},
                 {"text": "when will my delivery arrive", "intent": "order_status"},
                 {"text": "I want my money back", "intent": "refund"},
                 {"text": "refund my purchase", "intent": "refund"},
                 {"text": "return the item and pay me back", "intent": "refund"},
                 {"text": "can I get a refund", "intent": "refund"},
                 {"text": "what is the capital of Spain", "intent": "oos"},
                 {"text": "tell me a joke", "intent": "oos"},
                 {"text": "who won the football game", "intent": "oos"},
                 {"text": "what's the weather tomorrow", "intent": "oos"}]
                """, "/api/v1/intents?minConfidence=0.3", 200);
        assertThat(status.get("minConfidence").asDouble()).isEqualTo(0.3);
        assertThat(getJson().get("minConfidence").asDouble()).isEqualTo(0.3);

        JsonNode result = classify("what is the capital of Italy?");
        assertThat(result.get("out_of_scope").asBoolean()).isTrue();
        assertThat(result.get("intent").asString()).isEqualTo("out_of_scope");
        assertThat(result.get("alternatives").findValuesAsString("intent")).containsExactlyInAnyOrder("order_status",
                "refund");
        assertThat(classify("please track my order").get("intent").asString()).isEqualTo("order_status");
    }

    @Test
    @Order(5)
    void storesTheCatalogInPostgresSoThatARestartFindsIt() {
        long version = getJson().get("version").asLong();
        R2dbcIntentCatalogRepository repository = new R2dbcIntentCatalogRepository(db,
                TransactionalOperator.create(transactions));

        var stored = repository.load().block(Duration.ofSeconds(10));

        assertThat(stored).isNotNull();
        assertThat(stored.version()).isEqualTo(version);
        assertThat(stored.catalog().minConfidence()).isEqualTo(0.3);
        assertThat(stored.catalog().examples()).hasSize(12);
        assertThat(stored.encoderId()).isNotBlank();
        assertThat(stored.embeddings()).hasNumberOfRows(12);
        assertThat(stored.embeddings()[0]).hasSize(384);
        assertThat(db.sql("SELECT count(*) AS n FROM intent_example").map(row -> row.get("n", Long.class)).one()
                .block(Duration.ofSeconds(10))).isEqualTo(12L);

        IntentService restarted = new IntentService(encoder, repository,
                new EntityExtractor(Clock.systemUTC(), List.of("pro")), scheduler, trainingPool,
                new IntentSettings(0.5, 100, 2, 3, Duration.ofSeconds(30), 64, ClassifierSettings.defaults()));
        var status = restarted.start(() -> {
            throw new AssertionError("the stored catalog must be used, not the shipped one");
        }).block(Duration.ofSeconds(60));
        assertThat(status.version()).isEqualTo(version);
        assertThat(status.reusedEmbeddings()).isEqualTo(12);
        assertThat(status.minConfidence()).isEqualTo(0.3);
    }

    @Test
    @Order(6)
    void restoresTheShippedCatalogThroughTheApiForWhateverRunsNext() throws IOException {
        String csv = shippedCsv != null ? shippedCsv : shipped();
        put(CSV, csv, 200);
        assertThat(classify("this doesn't work at all since the update").get("intent").asString())
                .isNotEqualTo("greeting");
    }

    private static String shipped() throws IOException {
        try (InputStream in = IntentApiIT.class.getResourceAsStream("/intents/default-catalog.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void assertProblem(JsonNode problem, String detail) {
        assertThat(problem.get("type").asString()).isEqualTo("https://supportsuite.dev/problems/invalid-intent-catalog");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains(detail).contains("unchanged");
    }

    private JsonNode getJson() {
        return mapper.readTree(client.get().uri("/api/v1/intents").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode put(MediaType type, String body, int status) {
        return put(type, body, "/api/v1/intents", status);
    }

    private JsonNode put(MediaType type, String body, String uri, int status) {
        String response = client.put().uri(uri).contentType(type).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
        return mapper.readTree(response);
    }

    private JsonNode classify(String text) {
        return mapper.readTree(client.post().uri("/api/v1/intents/classify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }
}

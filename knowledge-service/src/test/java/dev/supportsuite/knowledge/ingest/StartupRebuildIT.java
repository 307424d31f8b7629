package dev.supportsuite.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import dev.supportsuite.knowledge.KnowledgeServiceApplication;
import dev.supportsuite.knowledge.index.adapter.LuceneKnowledgeIndex;
import dev.supportsuite.knowledge.index.domain.Chunk;
import dev.supportsuite.knowledge.index.domain.EmbeddedChunk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * An index left behind by another embedding model (other signature, other dimension) is emptied
 * when the service opens it and rebuilt from PostgreSQL at startup. The service runs twice, in a
 * schema and index of its own, so no other test's documents take part.
 */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
class StartupRebuildIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String SCHEMA = "knowledge_rebuild_it";

    private final Path work = Path.of(System.getProperty("java.io.tmpdir"),
            "knowledge-rebuild-it-" + UUID.randomUUID());

    @Test
    void rebuildsAnIndexMadeWithAnotherModelFromTheStoredDocuments() throws Exception {
        String documentId;
        try (ConfigurableApplicationContext service = start()) {
            JsonNode created = client(service).post().uri("/api/v1/knowledge/documents")
                    .bodyValue(Map.of("question", "Can I rename a workspace?", "answer",
                            "Yes. The owner renames it in Settings > Workspace > Name.", "category", "account"))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            documentId = created.get("id").asString();
        }
        // Another model's index: other signature, two-dimensional vectors, a chunk PostgreSQL never had.
        try (LuceneKnowledgeIndex other = new LuceneKnowledgeIndex(work.resolve("index"),
                Schedulers.boundedElastic(), Duration.ofSeconds(1), 100, "an-older-model")) {
            other.replaceDocument("stale-document", List.of(new EmbeddedChunk(new Chunk("stale-document#0",
                    "stale-document", 0, "Stale", "Stale", "general", "Zyxwvut leftover chunk."),
                    new float[] {0.6f, 0.8f}))).block(WAIT);
        }

        try (ConfigurableApplicationContext service = start()) {
            WebTestClient http = client(service);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (chunks(http) != 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }

            assertThat(chunks(http)).isEqualTo(1);
            http.get().uri(b -> b.path("/api/v1/knowledge/search")
                            .queryParam("q", "how do I change the name of my workspace").build())
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.hits[0].documentId").isEqualTo(documentId)
                    .jsonPath("$.hits[?(@.documentId == 'stale-document')]").doesNotExist();
        }
    }

    private ConfigurableApplicationContext start() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(KafkaExtension.bootstrapServers()));
        properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), SCHEMA));
        properties.put("spring.flyway.schemas", SCHEMA);
        properties.put("spring.flyway.default-schema", SCHEMA);
        properties.put("server.port", 0);
        properties.put("support.knowledge.import-on-startup", false);
        properties.put("support.knowledge.index-dir", work.resolve("index").toString());
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return KnowledgeServiceApplication.builder().run(args);
    }

    private static WebTestClient client(ConfigurableApplicationContext service) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    private static long chunks(WebTestClient http) {
        return http.get().uri("/api/v1/knowledge/index").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("chunks").asLong();
    }
}

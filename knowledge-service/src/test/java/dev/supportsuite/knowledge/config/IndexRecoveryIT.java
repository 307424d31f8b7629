package dev.supportsuite.knowledge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import dev.supportsuite.knowledge.KnowledgeServiceApplication;
import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.index.adapter.OtherPipelineIndex;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import dev.supportsuite.knowledge.search.domain.IndexState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service restarted on a data directory whose embedded index another embedding pipeline built, with
 * 768-dimension vectors where this model's have 384, as QA found it: the index is emptied and rebuilt from
 * PostgreSQL and the directory import runs after it. And when the startup work fails all the same, searches
 * get 503 {@code index-unavailable} and readiness says out of service, with the reason, until
 * {@code POST /index/rebuild} succeeds. Each run is a whole service, started as the launchers start it, on
 * this test's own schema and data directory; a restart is a second run on the same ones.
 */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
class IndexRecoveryIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final int OTHER_DIMENSIONS = 768;
    private static final String SEARCH = "/api/v1/knowledge/search";
    private static final String PARKING = "# Parking\n\nVisitors park in the north garage, level two.\n";

    @TempDir
    Path data;

    private final String schema = "knowledge_recovery_" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anIndexOfAnotherModelsVectorsIsRebuiltFromEmptyAndTheImportRunsAfterIt() throws Exception {
        long chunks;
        try (Service first = new Service()) {
            first.startupWork();
            chunks = first.chunks();
            // Unrecorded, as an index built before the pipeline was recorded.
            first.bean(DatabaseClient.class).sql("delete from index_build").then().block(WAIT);
        }
        OtherPipelineIndex.write(data.resolve("index"), chunks, OTHER_DIMENSIONS);
        addGuide("parking", PARKING);

        try (Service restarted = new Service()) {
            restarted.startupWork();

            assertThat(restarted.bean(IndexState.class).rebuilds()).as("rebuilt from empty, searches refused meanwhile")
                    .isEqualTo(1);
            assertThat(restarted.chunks()).isGreaterThan(chunks);
            restarted.expectTopHit("Can I get a refund for my Pennant subscription?", "faq-billing-refund-policy");
            restarted.expectTopHit("where do visitors park", "kb-guides-parking");
            restarted.http.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            KnowledgeStartupImport startup = restarted.bean(KnowledgeStartupImport.class);
            assertThat(restarted.bean(DocumentService.class).staleIndex(startup.indexFingerprint()).block(WAIT))
                    .as("the rebuilt index is recorded as this pipeline's").isNull();
        }
    }

    @Test
    void whenTheStartupWorkFailsSearchIsRefusedAndTheServiceNotReadyUntilARebuildSucceeds() throws Exception {
        addGuide("parking", PARKING);
        long chunks;
        try (Service first = new Service()) {
            first.startupWork();
            chunks = first.chunks();
        }
        // Another pipeline's index that the record calls this one's (say, restored from an old backup): the
        // check lets it pass, and the import's first write into it is refused.
        OtherPipelineIndex.write(data.resolve("index"), chunks, OTHER_DIMENSIONS);
        addGuide("lockers", "# Lockers\n\nStaff lockers are in the basement; the code is on the back of your badge.\n");

        try (Service restarted = new Service()) {
            assertThatThrownBy(restarted::startupWork)
                    .hasMessageContaining("cannot change field \"vector\" from vector dimension=768");

            restarted.http.get().uri(b -> b.path(SEARCH).queryParam("q", "where do visitors park").build())
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/index-unavailable")
                    .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                            .contains("the startup work failed", "POST /api/v1/knowledge/index/rebuild"));
            restarted.http.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("OUT_OF_SERVICE")
                    .jsonPath("$.components.readinessState.details.reason").value(String.class, reason ->
                            assertThat(reason).contains("failed to build", "vector dimension=768"));

            restarted.http.post().uri("/api/v1/knowledge/index/rebuild").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.chunks").value(Number.class, rebuilt ->
                            assertThat(rebuilt.longValue()).isGreaterThan(chunks));

            restarted.expectTopHit("where do visitors park", "kb-guides-parking");
            restarted.expectTopHit("where are the staff lockers", "kb-guides-lockers");
            restarted.http.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    private void addGuide(String name, String markdown) throws Exception {
        Path guide = data.resolve("knowledge_base/guides/" + name + ".md");
        Files.createDirectories(guide.getParent());
        Files.writeString(guide, markdown);
    }

    /** One run of the service on this test's schema and data directory, importing its directory at startup. */
    private final class Service implements AutoCloseable {

        private final ConfigurableApplicationContext context;
        private final WebTestClient http;

        Service() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.putAll(ServiceInfrastructure.kafka(KafkaExtension.bootstrapServers()));
            properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), schema));
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.default-schema", schema);
            properties.put("server.port", 0);
            properties.put("spring.main.banner-mode", "off");
            properties.put("support.knowledge.index-dir", data.resolve("index"));
            properties.put("support.knowledge.import-dir", data.resolve("knowledge_base"));
            properties.put("support.knowledge.import-on-startup", true);
            context = KnowledgeServiceApplication.builder().registerShutdownHook(false)
                    .run(ServiceInfrastructure.commandLine(properties));
            http = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(WAIT)
                    .build();
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        /** Waits for the startup rebuild and import; throws what made them fail. */
        void startupWork() {
            bean(KnowledgeStartupImport.class).startupWork().block(WAIT);
        }

        long chunks() {
            return bean(KnowledgeIndex.class).count().block(WAIT);
        }

        void expectTopHit(String question, String documentId) {
            http.get().uri(b -> b.path(SEARCH).queryParam("q", question).build()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.hits[0].documentId").isEqualTo(documentId);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}

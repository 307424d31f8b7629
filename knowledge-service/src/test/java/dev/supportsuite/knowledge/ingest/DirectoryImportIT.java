package dev.supportsuite.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.KnowledgeServiceTestSupport;
import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter;
import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The startup import of the shipped knowledge base: seeded from the classpath, idempotent by hash. */
class DirectoryImportIT extends KnowledgeServiceTestSupport {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @Autowired
    KnowledgeDirectoryImporter importer;

    @Autowired
    WebTestClient http;

    @Test
    void importsTheShippedKnowledgeBaseOnceAndThenOnlyWhatChanged() throws Exception {
        Path directory = WORK.resolve("import-" + UUID.randomUUID());

        assertThat(importer.seedIfMissing(directory).block(WAIT)).isTrue();
        assertThat(importer.seedIfMissing(directory).block(WAIT)).isFalse();
        ImportReport first = importer.importDirectory(directory).block(WAIT);

        assertThat(first.created()).isGreaterThanOrEqualTo(40 + 3 + 1);
        assertThat(first.embeddedChunks()).isGreaterThanOrEqualTo(first.created());
        assertThat(first.skipped()).isZero();

        ImportReport again = importer.importDirectory(directory).block(WAIT);
        assertThat(again.unchanged()).isEqualTo(first.created());
        assertThat(again.embeddedChunks()).isZero();
        assertThat(again.created() + again.replaced() + again.deleted()).isZero();

        Path guide = directory.resolve("guides/automations.md");
        Files.writeString(guide, Files.readString(guide) + "\n## Webhook actions\n\nA rule can also call a webhook.\n");
        Files.delete(directory.resolve("policies/service-level-agreement.pdf"));
        ImportReport changed = importer.importDirectory(directory).block(WAIT);

        assertThat(changed.replaced()).isEqualTo(1);
        assertThat(changed.deleted()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(first.created() - 2);
        http.get().uri("/api/v1/knowledge/documents/{id}", "kb-policies-service-level-agreement").exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/knowledge/documents/{id}", "faq-billing-refund-policy").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.origin").isEqualTo("import").jsonPath("$.kind").isEqualTo("faq");
        http.get().uri(b -> b.path("/api/v1/knowledge/search").queryParam("q", "what uptime do you guarantee")
                        .queryParam("k", 10).build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.hits[?(@.documentId == 'kb-policies-service-level-agreement')]").doesNotExist();
    }
}

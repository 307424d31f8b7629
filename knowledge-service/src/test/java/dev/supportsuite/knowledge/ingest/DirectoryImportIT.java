package dev.supportsuite.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.KnowledgeServiceTestSupport;
import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter;
import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter.ImportReport;
import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter.SeedReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The startup import of the shipped knowledge base: brought in from the classpath (what a release changed, files
 * edited in the directory left alone), imported idempotently by hash.
 */
class DirectoryImportIT extends KnowledgeServiceTestSupport {

    private static final Duration WAIT = Duration.ofMinutes(2);

    @Autowired
    KnowledgeDirectoryImporter importer;

    @Autowired
    WebTestClient http;

    @Test
    void importsTheShippedKnowledgeBaseOnceAndThenOnlyWhatChanged() throws Exception {
        Path directory = WORK.resolve("import-" + UUID.randomUUID());

        SeedReport seeded = importer.seed(directory).block(WAIT);
        assertThat(seeded.added()).isGreaterThanOrEqualTo(7 + 3 + 1);
        assertThat(importer.seed(directory).block(WAIT)).isEqualTo(new SeedReport(0, 0, 0, 0));
        ImportReport first = importer.importDirectory(directory).block(WAIT);

        assertThat(first.created()).isGreaterThanOrEqualTo(40 + 3 + 1);
        assertThat(first.embeddedChunks()).isGreaterThanOrEqualTo(first.created());
        assertThat(first.skipped()).as("the record of what was shipped is no document").isZero();

        // the product's name tells its own help center's entries apart no more than "it" does
        http.get().uri(b -> b.path("/api/v1/knowledge/search").queryParam("q", "does Pennant have guest access?")
                        .build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.hits[0].documentId").isEqualTo("faq-account-guest-access");

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

    /**
     * An upgrade, played on a seeded directory by rewriting its record of what was shipped: a copy of an older
     * release is updated, one the operator edited or deleted is left alone, and one the release stopped shipping
     * is removed if nobody changed it.
     */
    @Test
    void anUpgradeBringsWhatTheReleaseChangedAndLeavesEditsAlone() throws Exception {
        Path directory = WORK.resolve("upgrade-" + UUID.randomUUID());
        importer.seed(directory).block(WAIT);
        Path manifest = directory.resolve(KnowledgeDirectoryImporter.SHIPPED_MANIFEST);
        List<String> record = Files.readAllLines(manifest);

        Path older = directory.resolve("guides/automations.md");
        String shippedGuide = Files.readString(older);
        String olderGuide = "# Automations\n\nAn older release's guide.\n";
        Files.writeString(older, olderGuide);
        Path edited = directory.resolve("faq/plans.json");
        String editedPlans = Files.readString(edited).replace("There are four plans.", "There are four plans (ours).");
        Files.writeString(edited, editedPlans);
        Files.delete(directory.resolve("policies/service-level-agreement.pdf"));
        Path retired = directory.resolve("faq/retired.json");
        String retiredFaq = "[{\"id\": \"retired\", \"category\": \"account\", \"question\": \"Old?\", "
                + "\"answer\": \"An entry the release no longer ships.\"}]";
        Files.writeString(retired, retiredFaq);
        Path own = directory.resolve("faq/our-own.json");
        Files.writeString(own, retiredFaq.replace("retired", "our-own"));
        List<String> olderRecord = record.stream()
                .map(line -> line.endsWith(" guides/automations.md") ? sha256(olderGuide) + " guides/automations.md"
                        : line)
                .collect(Collectors.toCollection(ArrayList::new));
        olderRecord.add(sha256(retiredFaq) + " faq/retired.json");
        Files.write(manifest, olderRecord);

        SeedReport upgrade = importer.seed(directory).block(WAIT);

        assertThat(upgrade).isEqualTo(new SeedReport(0, 1, 1, 2));
        assertThat(Files.readString(older)).as("an older release's copy, updated").isEqualTo(shippedGuide);
        assertThat(Files.readString(edited)).as("the operator's edit, kept").isEqualTo(editedPlans);
        assertThat(directory.resolve("policies/service-level-agreement.pdf")).as("deleted on purpose").doesNotExist();
        assertThat(retired).as("no longer shipped and unchanged").doesNotExist();
        assertThat(own).as("never shipped: the operator's own").exists();
        assertThat(importer.seed(directory).block(WAIT)).isEqualTo(new SeedReport(0, 0, 0, 2));
    }

    @Test
    void aDirectorySeededBeforeTheRecordExistedGetsTheNewFilesAndKeepsTheOnesThatDiffer() throws Exception {
        Path directory = WORK.resolve("unrecorded-" + UUID.randomUUID());
        importer.seed(directory).block(WAIT);
        Files.delete(directory.resolve(KnowledgeDirectoryImporter.SHIPPED_MANIFEST));
        Path differing = directory.resolve("faq/plans.json");
        Files.writeString(differing, "[]");
        Files.delete(directory.resolve("faq/security.json"));

        assertThat(importer.seed(directory).block(WAIT)).isEqualTo(new SeedReport(1, 0, 0, 1));
        assertThat(Files.readString(differing)).as("no record says whose it is: kept").isEqualTo("[]");
        assertThat(directory.resolve("faq/security.json")).as("missing, as a file of a new release is").exists();
        assertThat(directory.resolve(KnowledgeDirectoryImporter.SHIPPED_MANIFEST)).exists();
    }

    @Test
    void anOperatorsOwnKnowledgeBaseGetsNothingOfTheShippedOne() throws Exception {
        Path directory = WORK.resolve("own-" + UUID.randomUUID());
        Files.createDirectories(directory.resolve("faq"));
        Files.writeString(directory.resolve("faq/ours.json"), "[]");

        assertThat(importer.seed(directory).block(WAIT)).isEqualTo(new SeedReport(0, 0, 0, 0));
        try (var files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(directory.resolve("faq/ours.json"));
        }
    }

    private static String sha256(String text) {
        return KnowledgeDirectoryImporter.hashOf(text.getBytes(StandardCharsets.UTF_8));
    }
}

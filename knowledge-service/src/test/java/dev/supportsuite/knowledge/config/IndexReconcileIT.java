package dev.supportsuite.knowledge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.KnowledgeServiceTestSupport;
import dev.supportsuite.knowledge.document.domain.DocumentDraft;
import dev.supportsuite.knowledge.document.domain.DocumentKind;
import dev.supportsuite.knowledge.document.domain.DocumentOrigin;
import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import dev.supportsuite.knowledge.search.domain.IndexState;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The startup check of the search index against the documents: one built with another chunking or
 * embedding model, or one that lost its chunks, is emptied and rebuilt from PostgreSQL, and a matching one is
 * left alone.
 */
class IndexReconcileIT extends KnowledgeServiceTestSupport {

    private static final Duration WAIT = Duration.ofMinutes(1);

    @Autowired
    KnowledgeStartupImport startup;

    @Autowired
    DocumentService documents;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    IndexState state;

    @Autowired
    WebTestClient http;

    @Test
    void anIndexBuiltTheOldWayOrLostIsRebuiltFromEmptyAndAMatchingOneLeftAlone() {
        String category = "reconcile-" + UUID.randomUUID().toString().substring(0, 8);
        String id = "reconcile-" + UUID.randomUUID();
        documents.upsert(id, new DocumentDraft("Parking", "Visitors park in the north garage, level two.", category,
                "parking.md", List.of(), DocumentKind.TEXT), DocumentOrigin.API).block(WAIT);
        String current = startup.indexFingerprint();
        long chunks = index.count().block(WAIT);

        assertThat(documents.staleIndex(current).block(WAIT)).as("a matching index").isNull();

        documents.recordIndexBuild("chunker=1,max=800,overlap=120,model=other,dims=384").block(WAIT);
        assertThat(documents.staleIndex(current).block(WAIT)).startsWith("it was built with chunker=1");
        long rebuilds = state.rebuilds();
        restoredAtStartup(chunks, category, id, current);
        assertThat(state.rebuilds()).as("the old way's index was rebuilt from empty").isEqualTo(rebuilds + 1);

        index.clear().block(WAIT);
        assertThat(documents.staleIndex(current).block(WAIT))
                .isEqualTo("it holds 0 chunks where the documents have " + chunks);
        restoredAtStartup(chunks, category, id, current);
        assertThat(state.rebuilds()).as("the lost index was rebuilt from empty").isEqualTo(rebuilds + 2);

        restoredAtStartup(chunks, category, id, current);
        assertThat(state.rebuilds()).as("the matching index was left alone").isEqualTo(rebuilds + 2);
        assertThat(state.rebuilding()).isFalse();
    }

    @Test
    void whileTheIndexIsRebuiltSearchIsRefusedAndTheServiceIsNotReady() {
        state.rebuildStarted();
        try {
            http.get().uri("/api/v1/knowledge/search?q=parking").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/index-rebuilding");
            http.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("OUT_OF_SERVICE");
        } finally {
            state.rebuildFinished();
        }
        http.get().uri("/api/v1/knowledge/search?q=parking").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    /** Runs the startup work and checks that the index holds every document again, as the fingerprint says. */
    private void restoredAtStartup(long chunks, String category, String id, String fingerprint) {
        startup.importOnStartup();
        startup.startupWork().block(WAIT);

        assertThat(index.count().block(WAIT)).isEqualTo(chunks);
        assertThat(index.searchLexical("garage", 5, category).block(WAIT))
                .extracting(hit -> hit.chunk().documentId()).containsExactly(id);
        assertThat(documents.staleIndex(fingerprint).block(WAIT)).isNull();
    }
}

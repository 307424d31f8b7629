package dev.supportsuite.knowledge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.KnowledgeServiceTestSupport;
import dev.supportsuite.knowledge.document.domain.DocumentDraft;
import dev.supportsuite.knowledge.document.domain.DocumentKind;
import dev.supportsuite.knowledge.document.domain.DocumentOrigin;
import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The startup check of the search index against the documents: one built with another chunking or
 * embedding model is indexed again over itself, one that lost its chunks is rebuilt from PostgreSQL, and a
 * matching one is left alone.
 */
class IndexReconcileIT extends KnowledgeServiceTestSupport {

    private static final Duration WAIT = Duration.ofMinutes(1);

    @Autowired
    KnowledgeStartupImport startup;

    @Autowired
    DocumentService documents;

    @Autowired
    KnowledgeIndex index;

    @Test
    void anIndexBuiltTheOldWayIsReindexedInPlaceALostOneRebuiltAndAMatchingOneLeftAlone() {
        String category = "reconcile-" + UUID.randomUUID().toString().substring(0, 8);
        String id = "reconcile-" + UUID.randomUUID();
        documents.upsert(id, new DocumentDraft("Parking", "Visitors park in the north garage, level two.", category,
                "parking.md", List.of(), DocumentKind.TEXT), DocumentOrigin.API).block(WAIT);
        String current = startup.indexFingerprint();
        long chunks = index.count().block(WAIT);

        assertThat(documents.staleIndex(current).block(WAIT)).as("a matching index").isNull();

        // Built the old way: indexed again over itself (one replacing write per document, never emptied).
        documents.recordIndexBuild("chunker=1,max=800,overlap=120,model=other,dims=384").block(WAIT);
        DocumentService.StaleIndex oldWay = documents.staleIndex(current).block(WAIT);
        assertThat(oldWay.reason()).startsWith("it was built with chunker=1");
        assertThat(oldWay.holdsEveryDocument()).isTrue();
        restoredAtStartup(chunks, category, id, current);

        // Lost: emptied and rebuilt.
        index.clear().block(WAIT);
        DocumentService.StaleIndex lost = documents.staleIndex(current).block(WAIT);
        assertThat(lost.reason()).isEqualTo("it holds 0 chunks where the documents have " + chunks);
        assertThat(lost.holdsEveryDocument()).isFalse();
        restoredAtStartup(chunks, category, id, current);
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

package dev.supportsuite.knowledge.index.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.index.domain.EmbeddedChunk;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Schedulers;

/** The embedded Lucene adapter against the shared contract, plus what only it promises: persistence. */
class LuceneKnowledgeIndexTests extends KnowledgeIndexContract {

    @TempDir
    Path directory;

    private LuceneKnowledgeIndex index;

    @Override
    protected void open() {
        index = new LuceneKnowledgeIndex(directory.resolve("index"), Schedulers.boundedElastic());
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Override
    protected KnowledgeIndex index() {
        return index;
    }

    @Test
    void keepsItsChunksAcrossARestart() throws Exception {
        index.replaceDocument("kept", List.of(new EmbeddedChunk(chunk("kept", 0, "general", "Durable text."),
                axis(3)))).block(Duration.ofSeconds(10));
        index.close();

        index = new LuceneKnowledgeIndex(directory.resolve("index"), Schedulers.boundedElastic());

        assertThat(index.count().block(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(index.searchDense(axis(3), 1, null).block(Duration.ofSeconds(10)))
                .extracting(hit -> hit.chunk().text()).containsExactly("Durable text.");
        assertThat(index.sizeOnDisk()).isPositive();
    }

    @Test
    void findsAChunkThroughAnyOfItsAliasVectorsAndReturnsItOnce() {
        index.replaceDocument("faq", List.of(new EmbeddedChunk(chunk("faq", 0, "billing", "Refunds take ten days."),
                axis(0), List.of(axis(1), axis(2))))).block(Duration.ofSeconds(10));
        index.replaceDocument("other", List.of(new EmbeddedChunk(chunk("other", 0, "billing", "Invoices."),
                mix(0, 2, 0.5)))).block(Duration.ofSeconds(10));

        var hits = index.searchDense(axis(2), 5, null).block(Duration.ofSeconds(10));

        assertThat(hits).extracting(hit -> hit.chunk().documentId()).containsExactly("faq", "other");
        assertThat(hits.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(index.count().block(Duration.ofSeconds(10))).isEqualTo(2);
    }

    @Test
    void emptiesAnIndexBuiltWithOtherVectorsAndAsksForARebuild() throws Exception {
        Path path = directory.resolve("signed");
        try (LuceneKnowledgeIndex old = new LuceneKnowledgeIndex(path, Schedulers.boundedElastic(),
                Duration.ofSeconds(1), 100, "model-a")) {
            old.replaceDocument("doc", List.of(new EmbeddedChunk(chunk("doc", 0, "general", "Text."), axis(0))))
                    .block(Duration.ofSeconds(10));
        }
        try (LuceneKnowledgeIndex same = new LuceneKnowledgeIndex(path, Schedulers.boundedElastic(),
                Duration.ofSeconds(1), 100, "model-a")) {
            assertThat(same.rebuildRequired()).isFalse();
            assertThat(same.count().block(Duration.ofSeconds(10))).isEqualTo(1);
        }

        try (LuceneKnowledgeIndex changed = new LuceneKnowledgeIndex(path, Schedulers.boundedElastic(),
                Duration.ofSeconds(1), 100, "model-b")) {
            assertThat(changed.rebuildRequired()).isTrue();
            assertThat(changed.count().block(Duration.ofSeconds(10))).isZero();
            // another model may have another dimension
            float[] narrow = {0.6f, 0.8f};
            changed.replaceDocument("doc", List.of(new EmbeddedChunk(chunk("doc", 0, "general", "Text."), narrow)))
                    .block(Duration.ofSeconds(10));
            assertThat(changed.searchDense(narrow, 1, null).block(Duration.ofSeconds(10))).hasSize(1);
        }
        try (LuceneKnowledgeIndex interrupted = new LuceneKnowledgeIndex(path, Schedulers.boundedElastic(),
                Duration.ofSeconds(1), 100, "model-b")) {
            assertThat(interrupted.rebuildRequired()).as("the rebuild never completed").isTrue();
            interrupted.rebuildCompleted().block(Duration.ofSeconds(10));
        }
        try (LuceneKnowledgeIndex rebuilt = new LuceneKnowledgeIndex(path, Schedulers.boundedElastic(),
                Duration.ofSeconds(1), 100, "model-b")) {
            assertThat(rebuilt.rebuildRequired()).isFalse();
        }
    }
}

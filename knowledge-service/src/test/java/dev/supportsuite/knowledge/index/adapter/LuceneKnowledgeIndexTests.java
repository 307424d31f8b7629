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
    void aSearchSeesEveryWriteThatCompletedBeforeIt() {
        for (int i = 0; i < 20; i++) {
            String documentId = "note-" + i;
            index.replaceDocument(documentId, List.of(new EmbeddedChunk(chunk(documentId, 0, "general",
                    "Note number " + i + " about quotas."), axis(i)))).block(Duration.ofSeconds(10));

            assertThat(index.count().block(Duration.ofSeconds(10))).isEqualTo(i + 1);
            assertThat(index.searchDense(axis(i), 1, null).block(Duration.ofSeconds(10)))
                    .extracting(hit -> hit.chunk().documentId()).containsExactly(documentId);
        }
        index.deleteDocument("note-7").block(Duration.ofSeconds(10));

        assertThat(index.searchLexical("note quotas", 30, null).block(Duration.ofSeconds(10)))
                .hasSize(19).noneMatch(hit -> hit.chunk().documentId().equals("note-7"));
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
}

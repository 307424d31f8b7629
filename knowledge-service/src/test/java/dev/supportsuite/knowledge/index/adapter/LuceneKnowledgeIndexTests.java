package dev.supportsuite.knowledge.index.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.supportsuite.knowledge.index.domain.EmbeddedChunk;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * The embedded Lucene adapter against the shared contract, plus what only it promises: persistence, a clear
 * that forgets the vectors' dimension, and spelling corrections from its term dictionary.
 */
class LuceneKnowledgeIndexTests extends KnowledgeIndexContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private LuceneKnowledgeIndex index;
    private LuceneKnowledgeIndex exact;
    private LuceneKnowledgeIndex approximate;

    @Override
    protected void open() {
        index = new LuceneKnowledgeIndex(directory.resolve("index"), Schedulers.boundedElastic());
    }

    @AfterEach
    void close() throws Exception {
        index.close();
        if (exact != null) {
            exact.close();
            approximate.close();
        }
    }

    @Override
    protected KnowledgeIndex index() {
        return index;
    }

    @Test
    void workWhoseSubscriberCancelsRunsToTheEndUninterrupted() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();

        Disposable subscription = LuceneKnowledgeIndex.onIndexThread(Schedulers.boundedElastic(), () -> {
            running.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            finished.countDown();
            return "done";
        }).subscribe();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        subscription.dispose();

        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).as("Lucene closes its writer when a thread is interrupted in file I/O").isFalse();
    }

    @Test
    void writesAndSearchesWhoseCallersGiveUpLeaveTheIndexWorking() {
        for (int i = 0; i < 200; i++) {
            String documentId = "doc-" + i;
            index.replaceDocument(documentId, List.of(new EmbeddedChunk(chunk(documentId, 0, "general",
                    "Document " + i + " about exports."), axis(i % 16)))).subscribe().dispose();
            index.searchLexical("exports", 5, null).subscribe().dispose();
            index.commit().subscribe().dispose();
        }

        index.replaceDocument("last", List.of(new EmbeddedChunk(chunk("last", 0, "general", "The last one."),
                axis(3)))).block(Duration.ofSeconds(30));
        index.commit().block(Duration.ofSeconds(30));
        assertThat(index.searchLexical("last", 1, null).block(Duration.ofSeconds(30)))
                .extracting(hit -> hit.chunk().documentId()).containsExactly("last");
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
    void aSmallIndexIsSearchedExactlyAndALargeOneThroughTheGraph() throws Exception {
        exact = new LuceneKnowledgeIndex(directory.resolve("exact"), Schedulers.boundedElastic(),
                LuceneKnowledgeIndex.DEFAULT_COMMIT_INTERVAL, 10_000);
        approximate = new LuceneKnowledgeIndex(directory.resolve("approximate"), Schedulers.boundedElastic(),
                LuceneKnowledgeIndex.DEFAULT_COMMIT_INTERVAL, 0);
        Random random = new Random(7);
        List<float[]> vectors = new ArrayList<>();
        // Random directions in 384 dimensions are the graph's hardest case: its walk misses some neighbours.
        for (int d = 0; d < 30; d++) {
            List<EmbeddedChunk> chunks = new ArrayList<>();
            for (int c = 0; c < 100; c++) {
                float[] vector = randomUnit(random);
                vectors.add(vector);
                chunks.add(new EmbeddedChunk(chunk("doc-" + d, c, d % 2 == 0 ? "even" : "odd", "Chunk " + c), vector));
            }
            exact.replaceDocument("doc-" + d, chunks).block(Duration.ofSeconds(10));
            approximate.replaceDocument("doc-" + d, chunks).block(Duration.ofSeconds(10));
        }
        int exactHits = 0;
        int graphHits = 0;
        for (int q = 0; q < 40; q++) {
            float[] query = randomUnit(random);
            List<String> truth = nearest(vectors, query, 10);
            List<String> found = exact.searchDense(query, 10, null).block(Duration.ofSeconds(10)).stream()
                    .map(hit -> hit.chunk().chunkId()).toList();
            assertThat(found).isEqualTo(truth);
            exactHits += found.size();
            graphHits += (int) approximate.searchDense(query, 10, null).block(Duration.ofSeconds(10)).stream()
                    .filter(hit -> truth.contains(hit.chunk().chunkId())).count();
        }
        assertThat(exact.searchDense(vectors.get(150), 5, "odd").block(Duration.ofSeconds(10)))
                .allMatch(hit -> hit.chunk().category().equals("odd"))
                .first().satisfies(hit -> assertThat(hit.chunk().chunkId()).isEqualTo("doc-1#50"));
        assertThat(graphHits).as("the graph walk finds most neighbours").isGreaterThan(exactHits / 2);
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
    void clearingAnIndexOfAnotherModelsVectorsMakesItTakeThisModelsDimension() throws Exception {
        Path path = directory.resolve("other-pipeline");
        OtherPipelineIndex.write(path, 3, 768);
        EmbeddedChunk refunds = new EmbeddedChunk(chunk("refunds", 0, "billing", "Refunds are paid within ten days."),
                axis(2));
        try (LuceneKnowledgeIndex other = new LuceneKnowledgeIndex(path, Schedulers.boundedElastic())) {
            assertThat(other.count().block(Duration.ofSeconds(10))).isEqualTo(3);
            assertThatThrownBy(() -> other.replaceDocument("refunds", List.of(refunds)).block(Duration.ofSeconds(10)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot change field \"vector\" from vector dimension=768");

            other.clear().block(Duration.ofSeconds(10));
            other.replaceDocument("refunds", List.of(refunds)).block(Duration.ofSeconds(10));

            assertThat(other.count().block(Duration.ofSeconds(10))).isEqualTo(1);
            assertThat(other.searchDense(axis(2), 1, null).block(Duration.ofSeconds(10)))
                    .extracting(hit -> hit.chunk().documentId()).containsExactly("refunds");
        }
        try (LuceneKnowledgeIndex reopened = new LuceneKnowledgeIndex(path, Schedulers.boundedElastic())) {
            reopened.replaceDocument("password", List.of(new EmbeddedChunk(chunk("password", 0, "account",
                    "Reset your password from the sign-in page."), axis(3)))).block(Duration.ofSeconds(10));

            assertThat(reopened.count().block(Duration.ofSeconds(10))).isEqualTo(2);
            assertThat(reopened.searchDense(axis(2), 1, null).block(Duration.ofSeconds(10)))
                    .extracting(hit -> hit.chunk().documentId()).containsExactly("refunds");
        }
    }

    @Test
    void correctsAWordTheIndexDoesNotKnowToTheClosestWordItDoes() {
        putHelpArticles();

        assertThat(index.closestKnownWords(Map.of("invoces", 1, "subscripton", 2, "authentcation", 2,
                "cancle", 1)).block(WAIT))
                .containsOnly(entry("invoces", "invoices"), entry("subscripton", "subscription"),
                        entry("authentcation", "authentication"), entry("cancle", "cancel"));
    }

    @Test
    void neverCorrectsAWordTheIndexKnowsInAnyOfItsForms() {
        putHelpArticles();

        // One and two edits from words of the text, but their stems are the text's: BM25 finds them as typed
        assertThat(index.closestKnownWords(Map.of("subscriptions", 2, "refunded", 2, "invoices", 1, "where", 1))
                .block(WAIT)).isEmpty();
    }

    @Test
    void leavesAnUnknownNameWithoutACloseWordAsItIs() {
        putHelpArticles();

        assertThat(index.closestKnownWords(Map.of("salesforce", 2, "pipedrive", 2)).block(WAIT)).isEmpty();
    }

    @Test
    void stopsSuggestingTheWordsOfADeletedDocument() {
        // Written together, the two share a segment: the deleted one's terms stay in its term dictionary
        index.replaceDocuments(Map.of(
                "kept", List.of(new EmbeddedChunk(chunk("kept", 0, "billing", "Invoices are e-mailed monthly."),
                        axis(0))),
                "gone", List.of(new EmbeddedChunk(chunk("gone", 0, "billing",
                        "The warranty covers hardware for two years."), axis(1))))).block(WAIT);
        assertThat(index.closestKnownWords(Map.of("waranty", 1)).block(WAIT))
                .containsOnly(entry("waranty", "warranty"));

        index.deleteDocument("gone").block(WAIT);

        assertThat(index.closestKnownWords(Map.of("waranty", 1)).block(WAIT)).isEmpty();
        assertThat(index.closestKnownWords(Map.of("invoces", 1)).block(WAIT))
                .containsOnly(entry("invoces", "invoices"));
    }

    private void putHelpArticles() {
        index.replaceDocuments(Map.of(
                "invoices", List.of(new EmbeddedChunk(chunk("invoices", 0, "billing",
                        "Download your invoices from Billing. Refunds appear on the next invoice."), axis(0))),
                "cancel", List.of(new EmbeddedChunk(chunk("cancel", 0, "billing",
                        "Cancel your subscription from Settings; the plan stays active until the period ends."),
                        axis(1))),
                "two-factor", List.of(new EmbeddedChunk(chunk("two-factor", 0, "security",
                        "Turn on two-factor authentication under Security."), axis(2))))).block(WAIT);
    }

    private static float[] randomUnit(Random random) {
        float[] vector = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    private static List<String> nearest(List<float[]> vectors, float[] query, int k) {
        Integer[] order = new Integer[vectors.size()];
        double[] scores = new double[vectors.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            for (int d = 0; d < query.length; d++) {
                scores[i] += vectors.get(i)[d] * query[d];
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return Arrays.stream(order).limit(k).map(i -> "doc-" + (i / 100) + "#" + (i % 100)).toList();
    }
}

package dev.supportsuite.knowledge.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.index.adapter.LuceneKnowledgeIndex;
import dev.supportsuite.knowledge.index.domain.Chunk;
import dev.supportsuite.knowledge.index.domain.EmbeddedChunk;
import dev.supportsuite.knowledge.index.domain.Embedder;
import dev.supportsuite.knowledge.search.adapter.ModelVocabulary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search with spelling correction on a real Lucene index: what is searched on both sides, and what the result
 * says was searched. The embedder stands in for the model: it records the queries it is given and puts a query
 * next to a document only when the query holds that document's key word as written, as a misspelling degrades
 * a real embedding.
 */
class SearchSpellingTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int DIMENSIONS = 8;
    private static final ConfidenceModel MODEL = new ConfidenceModel(-4, 5, 2, 4, 1);
    private static final Dictionary ENGLISH = ModelVocabulary.load(JsonMapper.builder().build());

    @TempDir
    Path directory;

    private LuceneKnowledgeIndex index;
    private final RecordingEmbedder embedder = new RecordingEmbedder();

    @BeforeEach
    void open() {
        index = new LuceneKnowledgeIndex(directory.resolve("index"), Schedulers.boundedElastic());
        index.replaceDocuments(Map.of(
                "cancel", List.of(new EmbeddedChunk(chunk("cancel", "How do I cancel my subscription?",
                        "Cancel your subscription from Settings > Billing; the plan stays active until the "
                                + "period ends."), axis(0))),
                "invoices", List.of(new EmbeddedChunk(chunk("invoices", "Where are my invoices?",
                        "Download your invoices from Billing > Invoices."), axis(1))),
                "integrations", List.of(new EmbeddedChunk(chunk("integrations", "Which tools do you integrate with?",
                        "Slack, Google Drive and Zapier connect from Settings > Integrations."), axis(2))),
                "password", List.of(new EmbeddedChunk(chunk("password", "I forgot my password",
                        "Reset your password from the sign-in page."), axis(3)))))
                .block(WAIT);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void searchesBothSidesWithTheCorrectedQueryAndSaysSo() {
        SearchResult result = service(true).search("how do i cancle my subscripton", null, 3).block(WAIT);

        assertThat(result.query()).isEqualTo("how do i cancle my subscripton");
        assertThat(result.correctedQuery()).isEqualTo("how do i cancel my subscription");
        assertThat(result.hits().get(0).documentId()).isEqualTo("cancel");
        assertThat(embedder.queries).containsExactly("how do i cancel my subscription");
    }

    @Test
    void searchesAWellSpelledQueryOrAnUnknownNameAsAsked() {
        SearchService search = service(true);

        SearchResult spelled = search.search("where are my invoices", null, 3).block(WAIT);
        SearchResult names = search.search("Do you integrate with Salesforce or Pipedrive?", null, 3).block(WAIT);
        // Two edits from "password", but an English word: meant as typed
        SearchResult english = search.search("How do I renew my passport?", null, 3).block(WAIT);

        assertThat(spelled.correctedQuery()).isNull();
        assertThat(spelled.hits().get(0).documentId()).isEqualTo("invoices");
        assertThat(names.correctedQuery()).isNull();
        assertThat(english.correctedQuery()).isNull();
        assertThat(embedder.queries).containsExactly("where are my invoices",
                "Do you integrate with Salesforce or Pipedrive?", "How do I renew my passport?");
    }

    @Test
    void searchesAsAskedWhenCorrectionIsOff() {
        SearchResult off = service(false).search("where are my invoces", null, 3).block(WAIT);
        SearchResult on = service(true).search("where are my invoces", null, 3).block(WAIT);

        assertThat(off.correctedQuery()).isNull();
        assertThat(off.hits().get(0).features().cosine()).isZero();
        assertThat(on.correctedQuery()).isEqualTo("where are my invoices");
        assertThat(on.hits().get(0).documentId()).isEqualTo("invoices");
        assertThat(embedder.queries).containsExactly("where are my invoces", "where are my invoices");
    }

    private SearchService service(boolean spellingCorrection) {
        return new SearchService(index, embedder, new SearchTuning(40, 1, 4.0, 1.0, 300, 0.5, MODEL,
                spellingCorrection), ENGLISH);
    }

    private static Chunk chunk(String documentId, String title, String text) {
        return new Chunk(Chunk.idOf(documentId, 0), documentId, 0, title, title, "help", text);
    }

    private static float[] axis(int dimension) {
        float[] vector = new float[DIMENSIONS];
        vector[dimension] = 1f;
        return vector;
    }

    /** Puts a query on the axis of the document whose key word it holds, else on an axis of its own. */
    private static final class RecordingEmbedder implements Embedder {

        private static final List<String> KEY_WORDS = List.of("cancel", "invoices", "integrate");

        private final List<String> queries = new ArrayList<>();

        @Override
        public int dimensions() {
            return DIMENSIONS;
        }

        @Override
        public Mono<List<float[]>> embedPassages(List<String> texts) {
            return Mono.error(new UnsupportedOperationException("only queries are embedded here"));
        }

        @Override
        public synchronized Mono<float[]> embedQuery(String query) {
            queries.add(query);
            for (int i = 0; i < KEY_WORDS.size(); i++) {
                if (query.contains(KEY_WORDS.get(i))) {
                    return Mono.just(axis(i));
                }
            }
            return Mono.just(axis(DIMENSIONS - 1));
        }
    }
}

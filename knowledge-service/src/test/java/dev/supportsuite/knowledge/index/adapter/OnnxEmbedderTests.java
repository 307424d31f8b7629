package dev.supportsuite.knowledge.index.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/** The ensemble arithmetic of {@link OnnxEmbedder}, over two small stand-in models with known vectors. */
class OnnxEmbedderTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A stand-in model: a fixed (not yet unit-length) vector per text, and the texts it was asked for. */
    private static final class TableModel implements EmbeddingModel {
        private final Map<String, float[]> table;
        private final List<String> seen = new CopyOnWriteArrayList<>();

        TableModel(Map<String, float[]> table) {
            this.table = table;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<Embedding> embeddings = new ArrayList<>();
            for (TextSegment segment : segments) {
                seen.add(segment.text());
                embeddings.add(Embedding.from(table.get(segment.text())));
            }
            return Response.from(embeddings);
        }

        @Override
        public int dimension() {
            return 2;
        }
    }

    @Test
    void combinesTwoModelsSoThatTheDotProductIsTheWeightedMeanOfTheirCosines() {
        TableModel first = new TableModel(Map.of("q: refund", new float[] {3, 0}, "refunds", new float[] {1, 1}));
        TableModel second = new TableModel(Map.of("refund", new float[] {0, 2}, "refunds", new float[] {0, 5}));
        OnnxEmbedder embedder = new OnnxEmbedder(List.of(new OnnxEmbedder.Component(first, "q: ", 1.0),
                new OnnxEmbedder.Component(second, "", 0.5)), Schedulers.boundedElastic(), 8);

        float[] query = embedder.embedQuery("refund").block(WAIT);
        float[] passage = embedder.embedPassages(List.of("refunds")).block(WAIT).get(0);

        assertThat(embedder.dimensions()).isEqualTo(4);
        assertThat(query).hasSize(4);
        assertThat(dot(query, query)).isCloseTo(1.0, offset(1e-5));
        assertThat(dot(passage, passage)).isCloseTo(1.0, offset(1e-5));
        // cosines: first model 1/sqrt(2), second model 1; weights 1 and 0.5
        double expected = (1.0 * (1 / Math.sqrt(2)) + 0.5 * 1.0) / 1.5;
        assertThat(dot(query, passage)).isCloseTo(expected, offset(1e-5));
        assertThat(first.seen).contains("q: refund", "refunds");
        assertThat(second.seen).contains("refund", "refunds").doesNotContain("q: refund");
    }

    @Test
    void leavesASingleModelsUnitVectorsAsTheyAre() {
        TableModel only = new TableModel(Map.of("p: text", new float[] {0, 4}, "text", new float[] {3, 4}));
        OnnxEmbedder embedder = new OnnxEmbedder(only, Schedulers.boundedElastic(), 8, "p: ");

        assertThat(embedder.embedQuery("text").block(WAIT)).containsExactly(0f, 1f);
        assertThat(embedder.embedPassages(List.of("text")).block(WAIT).get(0)).containsExactly(0.6f, 0.8f);
        assertThat(embedder.dimensions()).isEqualTo(2);
    }

    @Test
    void refusesAModelWithoutWeight() {
        TableModel model = new TableModel(Map.of());
        assertThatThrownBy(() -> new OnnxEmbedder.Component(model, "", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

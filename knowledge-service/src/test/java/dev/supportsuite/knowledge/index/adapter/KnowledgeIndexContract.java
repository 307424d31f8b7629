package dev.supportsuite.knowledge.index.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.index.domain.Chunk;
import dev.supportsuite.knowledge.index.domain.EmbeddedChunk;
import dev.supportsuite.knowledge.index.domain.IndexHit;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KnowledgeIndex} adapter must do. Vectors are small hand-made unit vectors in
 * the adapter's dimension, so the expected nearest neighbours are known exactly.
 */
abstract class KnowledgeIndexContract {

    static final int DIMENSIONS = 384;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The adapter under test, empty or not; the contract clears it first. */
    protected abstract KnowledgeIndex index();

    /** Opens or connects the adapter before each test; the default does nothing. */
    protected void open() throws Exception {
    }

    @BeforeEach
    void startEmpty() throws Exception {
        open();
        index().clear().block(WAIT);
    }

    @Test
    void findsTheNearestChunkByVector() {
        put("refunds", chunk("refunds", 0, "billing", "Refunds are paid within ten days."), axis(0));
        put("password", chunk("password", 0, "account", "Reset your password from the sign-in page."), axis(1));

        List<IndexHit> hits = index().searchDense(mix(0, 1, 0.9), 2, null).block(WAIT);

        assertThat(hits).extracting(hit -> hit.chunk().documentId()).containsExactly("refunds", "password");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isLessThanOrEqualTo(1.0001);
        assertThat(hits.get(0).chunk()).isEqualTo(chunk("refunds", 0, "billing",
                "Refunds are paid within ten days."));
    }

    @Test
    void findsChunksByTheirWords() {
        put("refunds", chunk("refunds", 0, "billing", "Refunds are paid within ten days."), axis(0));
        put("password", chunk("password", 0, "account", "Reset your password from the sign-in page."), axis(1));

        List<IndexHit> hits = index().searchLexical("how do I reset a forgotten password", 5, null).block(WAIT);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).chunk().documentId()).isEqualTo("password");
        assertThat(hits).noneMatch(hit -> hit.chunk().documentId().equals("refunds"));
    }

    @Test
    void filtersByCategoryOnlyWhenAsked() {
        put("refunds", chunk("refunds", 0, "billing", "Refunds of the subscription."), axis(0));
        put("security", chunk("security", 0, "security", "Subscription security settings."), axis(1));

        assertThat(index().searchDense(axis(0), 5, "security").block(WAIT))
                .extracting(hit -> hit.chunk().documentId()).containsExactly("security");
        assertThat(index().searchLexical("subscription", 5, "billing").block(WAIT))
                .extracting(hit -> hit.chunk().documentId()).containsExactly("refunds");
        assertThat(index().searchLexical("subscription", 5, null).block(WAIT)).hasSize(2);
    }

    @Test
    void replacingADocumentDropsItsOldChunks() {
        index().replaceDocument("guide", List.of(
                new EmbeddedChunk(chunk("guide", 0, "general", "Old intro about invoices."), axis(0)),
                new EmbeddedChunk(chunk("guide", 1, "general", "Old section about invoices."), axis(1))))
                .block(WAIT);

        put("guide", chunk("guide", 0, "general", "New text about webhooks."), axis(2));

        assertThat(index().count().block(WAIT)).isEqualTo(1);
        assertThat(index().searchLexical("invoices", 5, null).block(WAIT)).isEmpty();
        assertThat(index().searchDense(axis(2), 5, null).block(WAIT))
                .extracting(hit -> hit.chunk().text()).containsExactly("New text about webhooks.");
    }

    @Test
    void replacesSeveralDocumentsInOneWrite() {
        put("old", chunk("old", 0, "general", "Old text about invoices."), axis(0));
        put("kept", chunk("kept", 0, "general", "Text about exports."), axis(3));
        Map<String, List<EmbeddedChunk>> batch = new LinkedHashMap<>();
        batch.put("old", List.of(new EmbeddedChunk(chunk("old", 0, "general", "New text about webhooks."), axis(1))));
        batch.put("fresh", List.of(
                new EmbeddedChunk(chunk("fresh", 0, "billing", "Fresh text about refunds."), axis(2)),
                new EmbeddedChunk(chunk("fresh", 1, "billing", "Fresh text about receipts."), axis(4))));

        index().replaceDocuments(batch).block(WAIT);

        assertThat(index().count().block(WAIT)).isEqualTo(4);
        assertThat(index().searchLexical("invoices", 5, null).block(WAIT)).isEmpty();
        assertThat(index().searchDense(axis(1), 1, null).block(WAIT))
                .extracting(hit -> hit.chunk().text()).containsExactly("New text about webhooks.");
        assertThat(index().searchLexical("refunds receipts", 5, "billing").block(WAIT))
                .extracting(hit -> hit.chunk().chunkId()).containsExactlyInAnyOrder("fresh#0", "fresh#1");
        assertThat(index().searchDense(axis(3), 1, null).block(WAIT))
                .extracting(hit -> hit.chunk().documentId()).containsExactly("kept");
    }

    @Test
    void aDeletedDocumentIsNeverFoundAgain() {
        put("gone", chunk("gone", 0, "general", "Temporary notice about maintenance."), axis(0));
        put("kept", chunk("kept", 0, "general", "Permanent notice about billing."), axis(1));

        index().deleteDocument("gone").block(WAIT);

        assertThat(index().searchDense(axis(0), 5, null).block(WAIT))
                .extracting(hit -> hit.chunk().documentId()).containsExactly("kept");
        assertThat(index().searchLexical("maintenance notice", 5, null).block(WAIT))
                .extracting(hit -> hit.chunk().documentId()).containsExactly("kept");
        assertThat(index().count().block(WAIT)).isEqualTo(1);
    }

    @Test
    void clearEmptiesTheIndex() {
        put("a", chunk("a", 0, "general", "Alpha."), axis(0));
        put("b", chunk("b", 0, "general", "Beta."), axis(1));

        index().clear().block(WAIT);

        assertThat(index().count().block(WAIT)).isZero();
        assertThat(index().searchDense(axis(0), 5, null).block(WAIT)).isEmpty();
    }

    @Test
    void aQueryWithoutWordsFindsNothingLexically() {
        put("a", chunk("a", 0, "general", "Alpha."), axis(0));

        assertThat(index().searchLexical("the and of ?", 5, null).block(WAIT)).isEmpty();
    }

    private void put(String documentId, Chunk chunk, float[] vector) {
        index().replaceDocument(documentId, List.of(new EmbeddedChunk(chunk, vector))).block(WAIT);
    }

    static Chunk chunk(String documentId, int ordinal, String category, String text) {
        return new Chunk(Chunk.idOf(documentId, ordinal), documentId, ordinal, "Title of " + documentId,
                "Title of " + documentId + " > Section", category, text);
    }

    static float[] axis(int dimension) {
        float[] vector = new float[DIMENSIONS];
        vector[dimension] = 1f;
        return vector;
    }

    /** A unit vector between two axes, closer to {@code a} when {@code weightA} is above 0.5. */
    static float[] mix(int a, int b, double weightA) {
        float[] vector = new float[DIMENSIONS];
        double norm = Math.sqrt(weightA * weightA + (1 - weightA) * (1 - weightA));
        vector[a] = (float) (weightA / norm);
        vector[b] = (float) ((1 - weightA) / norm);
        return vector;
    }
}
